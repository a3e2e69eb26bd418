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


def test_a_tag_the_word_never_had_is_added_at_the_end() -> None:
    assert tags_put_back(["noun"], " verb ")({"tags": ["noun", "x"]}) == {"tags": ["noun", "x", "verb"]}
