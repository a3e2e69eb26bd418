"""Organize's per-word changes, judged on a word's fields as they are when the command runs."""

from __future__ import annotations

from effect_desktop.application.organize import tag_removed, tags_put_back


def test_an_undone_tag_removal_puts_the_tag_back_where_it_stood() -> None:
    old = ["noun", "Food", "n5", "kitchen"]
    undo = tags_put_back(old, "food")
    assert tag_removed("food")({"tags": old}) == {"tags": ["noun", "n5", "kitchen"]}
    assert undo({"tags": ["noun", "n5", "kitchen"]}) == {"tags": old}, "nothing changed since: as it was"
    assert undo({"tags": ["n5", "kitchen", "added"]}) == {"tags": ["Food", "n5", "kitchen", "added"]}, \
        "the tag before it is gone: first"
    assert undo({"tags": ["kitchen", "noun"]}) == {"tags": ["kitchen", "noun", "Food"]}, \
        "after the tags that came before it"
    assert undo({"tags": ["noun", "FOOD"]}) is None, "there again already (another program put it back)"


def test_a_tag_the_word_never_had_is_not_put_back() -> None:
    """Of "verb;n5" removed, a word that had only n5 gets n5 back, not a verb it never had."""
    assert tags_put_back(["noun"], " verb ")({"tags": ["noun", "x"]}) is None
    assert tags_put_back(["noun", "n5"], "verb;N5")({"tags": ["noun", "x"]}) == {"tags": ["noun", "n5", "x"]}


def test_taking_back_an_added_tag_leaves_the_tags_the_word_had() -> None:
    """Of "JLPT;N5" added, a word that had N5 already gained only JLPT: taking it back took N5 too."""
    from effect_desktop.application.organize import tags_taken_back

    assert tags_taken_back(["noun", "N5"], "JLPT;n5")({"tags": ["noun", "N5", "JLPT", "food"]}) == {
        "tags": ["noun", "N5", "food"]}
    assert tags_taken_back(["JLPT", "N5"], "JLPT;N5")({"tags": ["JLPT", "N5"]}) is None


def test_a_tag_typed_with_a_separator_is_the_tags_it_names_each_way() -> None:
    """"JLPT;N5" added two tags (the command splits a tag that holds a separator), but taking it back
    looked for one tag "JLPT;N5" that no word had, and left both."""
    from effect_desktop.application.organize import tag_added

    assert tag_added("JLPT;N5")({"tags": ["noun", "n5"]}) == {"tags": ["noun", "n5", "JLPT"]}
    assert tag_added("名詞、動詞")({"tags": []}) == {"tags": ["名詞", "動詞"]}
    assert tag_added(" ; ")({"tags": ["noun"]}) is None
    assert tag_removed("JLPT;N5")({"tags": ["JLPT", "noun", "N5", "x"]}) == {"tags": ["noun", "x"]}
    old = ["JLPT", "noun", "N5"]
    assert tags_put_back(old, "jlpt, n5")({"tags": ["noun", "later"]}) == {"tags": ["JLPT", "noun", "N5", "later"]}
