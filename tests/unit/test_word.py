"""The Word aggregate's rules, as a learner adding and editing words meets them."""

from __future__ import annotations

import pytest

from effect_desktop.domain.errors import NotFound, RuleViolated, ValidationFailed
from effect_desktop.domain.events import WordCreated, WordDeleted, WordRestored, WordUpdated
from effect_desktop.domain.ids import new_id
from effect_desktop.domain.word import MAX_MEANING, MAX_TAG, MAX_TAGS, MAX_TEXT, Word, normalise_tags


def created(**overrides: object) -> Word:
    fields: dict[str, object] = {"text": "apple", "meaning": "りんご"}
    fields.update(overrides)
    return Word.create(new_id(), **fields)  # type: ignore[arg-type]


def stored(word: Word) -> Word:
    """The word as it is after its pending events were saved and it was loaded again."""
    _, pending = word.take_pending()
    return Word(word.id).replay([(i, r.event_id, r.data) for i, r in enumerate(pending, 1)])


# --- creating -------------------------------------------------------------------------------------
def test_create_records_one_word_created_with_cleaned_fields() -> None:
    word = created(text="  apple \n", meaning=" りんご ", category=" fruit ", tags=[" Food "],
                   difficulty=2)
    [recorded] = word.pending
    assert recorded.data == WordCreated(word_id=word.id, text="apple", meaning="りんご",
                                        category="fruit", tags=["Food"], difficulty=2)


@pytest.mark.parametrize("field", ["text", "meaning"])
@pytest.mark.parametrize("value", ["", "   ", "\t\n ", "\u3000"])
def test_text_and_meaning_must_not_be_blank_after_trimming(field: str, value: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        created(**{field: value})
    assert set(caught.value.errors) == {field}
    assert "must not be empty" in caught.value.errors[field]


@pytest.mark.parametrize("field", ["text", "meaning"])
@pytest.mark.parametrize("value", ["\u200b", "\u200b\u200c", " \u00ad\ufeff ", "\u2060", "\ufe0f"])
def test_a_word_or_meaning_of_characters_no_screen_shows_is_as_empty(field: str, value: str) -> None:
    """A blank card that no typed answer could match ("The answer is “”."), and a CSV export that could not
    be imported again: refused as an empty field is, with the same message."""
    with pytest.raises(ValidationFailed) as caught:
        created(**{field: value})
    assert caught.value.errors == {field: f"{'Word' if field == 'text' else 'Meaning'} must not be empty."}
    with pytest.raises(ValidationFailed):
        created().update(**{field: value})


def test_every_bad_field_is_named_at_once() -> None:
    with pytest.raises(ValidationFailed) as caught:
        created(text=" ", meaning="", difficulty=9)
    assert set(caught.value.errors) == {"text", "meaning", "difficulty"}


@pytest.mark.parametrize(("field", "limit"), [("text", MAX_TEXT), ("meaning", MAX_MEANING)])
def test_length_limits_are_inclusive(field: str, limit: int) -> None:
    assert created(**{field: "x" * limit}).fields[field] == "x" * limit
    with pytest.raises(ValidationFailed) as caught:
        created(**{field: "x" * (limit + 1)})
    assert str(limit) in caught.value.errors[field]


def test_length_is_measured_after_trimming() -> None:
    assert created(text="  " + "x" * MAX_TEXT + "  ").fields["text"] == "x" * MAX_TEXT


def test_too_many_or_too_long_tags_are_refused() -> None:
    assert len(created(tags=[f"t{i}" for i in range(MAX_TAGS)]).fields["tags"]) == MAX_TAGS
    with pytest.raises(ValidationFailed) as caught:
        created(tags=[f"t{i}" for i in range(MAX_TAGS + 1)])
    assert "tags" in caught.value.errors
    with pytest.raises(ValidationFailed) as caught:
        created(tags=["noun", "x" * (MAX_TAG + 1)])
    assert caught.value.errors["tags"] == (f"The tag “{'x' * 30}…” is too long: {MAX_TAG + 1} characters, "
                                           f"at most {MAX_TAG}.")  # which of a deck's many tags


def test_an_anki_style_hierarchical_tag_is_kept() -> None:
    """Anki allows them, and a 45-character one left the whole note out of an import."""
    tag = "jlpt::n5::nouns::places::buildings::education"
    assert created(tags=[tag]).fields["tags"] == [tag]


@pytest.mark.parametrize(("field", "value", "code"), [
    ("text", "nul\x00here", "0000"), ("meaning", "\x1b]0;pwned\x07", "001B"), ("category", "a\nb", "000A"),
    ("tags", ["ok", "bell\x07"], "0007"), ("text", "c1\x85x", "0085"), ("meaning", "del\x7f", "007F")])
def test_control_characters_are_refused(field: str, value: object, code: str) -> None:
    """A NUL was kept by one read model and cut off by another (verify failed for good), and an
    escape sequence printed by `words list` retitled and cleared the terminal."""
    with pytest.raises(ValidationFailed) as refused:
        created(**{field: value})
    assert f"control character (U+{code})" in refused.value.errors[field]


def test_a_word_or_meaning_may_run_over_lines_and_hold_tabs() -> None:
    word = stored(created(text="犬\r\nいぬ", meaning="dog\n\tanimal\rpet"))
    assert (word.fields["text"], word.fields["meaning"]) == ("犬\nいぬ", "dog\n\tanimal\npet")


@pytest.mark.parametrize(("raw", "expected"), [
    (1, 1), (5, 5), ("3", 3), (" 4 ", 4), ("+2", 2),
])
def test_difficulty_accepts_whole_numbers_from_1_to_5(raw: object, expected: int) -> None:
    assert created(difficulty=raw).fields["difficulty"] == expected


@pytest.mark.parametrize("raw", [0, 6, -1, "0", "6", "", "three", "2.5", 2.5, 3.0, True, False,
                                 None, "1e0", [3]])
def test_difficulty_refuses_anything_else(raw: object) -> None:
    with pytest.raises(ValidationFailed) as caught:
        created(difficulty=raw)
    assert set(caught.value.errors) == {"difficulty"}
    assert "1 to 5" in caught.value.errors["difficulty"]


# --- tags -----------------------------------------------------------------------------------------
def test_tags_are_trimmed_and_case_folded_duplicates_removed_keeping_the_first_spelling() -> None:
    assert normalise_tags([" Verb ", "verb", "VERB", "noun", "", "  ", "Straße", "STRASSE"]) == [
        "Verb", "noun", "Straße"]


def test_tags_given_as_one_comma_separated_string() -> None:
    assert normalise_tags(" a, B ,,b, c ") == ["a", "B", "c"]


def test_tags_on_one_line_may_be_separated_by_semicolons_or_japanese_commas() -> None:
    assert normalise_tags("noun;food; daily") == ["noun", "food", "daily"]
    assert normalise_tags("名詞、食べ物，日常；毎日") == ["名詞", "食べ物", "日常", "毎日"]
    assert created(tags="x, X, y").fields["tags"] == ["x", "y"]


# --- updating -------------------------------------------------------------------------------------
def test_update_records_only_the_fields_that_changed() -> None:
    word = stored(created(text="apple", meaning="りんご", category="fruit", tags=["food"],
                          difficulty=1))
    before = word.update(text=" apple ", meaning="林檎", category="fruit", tags=["FOOD", "red"],
                         difficulty="1")
    [recorded] = word.pending
    assert recorded.data == WordUpdated(word_id=word.id,
                                        changes={"meaning": "林檎", "tags": ["FOOD", "red"]})
    assert before == {"meaning": "りんご", "tags": ["food"]}
    assert word.fields["meaning"] == "林檎"


def test_update_that_changes_nothing_records_nothing() -> None:
    word = stored(created(tags=["a", "b"]))
    assert word.update(text="apple ", tags=[" a", "A", "b"], category=None) == {}
    assert word.pending == []


def test_update_validates_like_create_and_records_nothing_when_refused() -> None:
    word = stored(created())
    with pytest.raises(ValidationFailed) as caught:
        word.update(meaning="   ", difficulty="7")
    assert set(caught.value.errors) == {"meaning", "difficulty"}
    assert word.pending == []
    assert word.fields["meaning"] == "りんご"


def test_update_refuses_fields_that_cannot_be_edited() -> None:
    word = stored(created())
    with pytest.raises(ValidationFailed) as caught:
        word.update(word_id=new_id())
    assert "word_id" in caught.value.errors
    assert word.pending == []


def test_update_of_a_word_that_does_not_exist_is_not_found() -> None:
    with pytest.raises(NotFound):
        Word(new_id()).update(text="x")


# --- deleting and restoring -------------------------------------------------------------------------
def test_delete_then_restore() -> None:
    word = stored(created())
    word.delete()
    assert word.deleted
    word.restore_deleted()
    assert not word.deleted
    assert [type(r.data) for r in word.pending] == [WordDeleted, WordRestored]


def test_a_deleted_word_cannot_be_edited_or_deleted_again() -> None:
    word = stored(created())
    word.delete()
    word.take_pending()
    with pytest.raises(RuleViolated):
        word.update(text="pear")
    with pytest.raises(RuleViolated):
        word.delete()
    assert word.pending == []


def test_restoring_a_live_word_is_refused() -> None:
    word = stored(created())
    with pytest.raises(RuleViolated):
        word.restore_deleted()
    assert word.pending == []


def test_deleting_or_restoring_a_missing_word_is_not_found() -> None:
    with pytest.raises(NotFound):
        Word(new_id()).delete()
    with pytest.raises(NotFound):
        Word(new_id()).restore_deleted()


def test_snapshot_round_trip_keeps_the_state() -> None:
    word = stored(created(tags=["a"], difficulty=4))
    word.update(meaning="changed")
    word.delete()
    word.take_pending()
    again = Word.from_snapshot(word.id, word.version, word.snapshot_state())
    assert (again.exists, again.deleted, again.fields, again.version) == (
        True, True, word.fields, word.version)


@pytest.mark.parametrize("tags", [1, [1, "a"], {"a": 1}, [None]])
def test_tags_that_are_not_text_are_refused_not_crashed_on(tags: object) -> None:
    with pytest.raises(ValidationFailed) as caught:
        created(tags=tags)
    assert "Tags must be text" in caught.value.errors["tags"]
