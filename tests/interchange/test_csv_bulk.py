"""A large CSV import checks each row once: its events must be the ones `Word.create` records.

The rows are checked by the domain's rules while the file is read (so bad lines are named before
anything is written) and the import command builds the new words' events from those checked
values without running the rules again; the batch's read models are then written by SQL
(sqlite_new_words.py). Both shortcuts must give exactly what the ordinary path gives.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from uuid import uuid4

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.domain.errors import RuleViolated
from effect_desktop.domain.word import CheckedFields, Word, new_word_event, validate_fields
from effect_desktop.interchange.csv_import import guess_mapping, table_candidates
from effect_desktop.interchange.errors import InterchangeError
from effect_desktop.interchange.importer import apply_import, plan_import
from effect_desktop.interchange.word_table import read_word_table
from effect_desktop.projections.sqlite_new_words import BULK_FROM
from effect_desktop.projections.verify import verify
from tests.integration.profile_helpers import dump_read_models

ROWS = BULK_FROM + 60
TEXTS = ["  spaced  ", unicodedata.normalize("NFD", "café"), "Ｔｏｋｙｏ", "「引用」", 'say "hi"', "emoji 🍎"]
TAGS = [" Daily , daily,ＴＯＥＩＣ", "", "a,b,,c", "  x  "]


def _cells(i: int) -> dict[str, str]:
    return {"text": f"{TEXTS[i % len(TEXTS)]} {i}", "meaning": f" 意味 {i} ", "category": ["noun ", "", "動詞"][i % 3],
            "tags": TAGS[i % len(TAGS)], "difficulty": ["", " 3 ", "5", "+2"][i % 4]}


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    def quoted(value: str) -> str:
        return '"' + value.replace('"', '""') + '"'
    lines = ["word,meaning,category,tags,difficulty"]
    lines += [",".join(quoted(row[name]) for name in ("text", "meaning", "category", "tags", "difficulty"))
              for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _import(profile: Profile, path: Path):  # type: ignore[no-untyped-def]
    table = read_word_table(path)
    return apply_import(profile.service, plan_import(profile.queries, table_candidates(table, guess_mapping(table))))


def test_a_large_import_stores_what_word_create_records(profile: Profile, tmp_path: Path) -> None:
    rows = [_cells(i) for i in range(ROWS)]
    _write(tmp_path / "words.csv", rows)
    report = _import(profile, tmp_path / "words.csv")
    assert report.created == ROWS
    events = list(profile.store.iter_all())
    assert [e.event_type for e in events] == ["WordCreated"] * ROWS
    assert [e.version for e in events] == [1] * ROWS
    for row, event in zip(rows, events, strict=True):
        given = {k: v for k, v in row.items() if not (k == "difficulty" and not v.strip())}
        expected = Word.create(event.aggregate_id, **given).pending[0].data
        assert event.event_data == expected
    first = events[0].event_data
    assert (first.text, first.meaning, first.category, first.tags, first.difficulty) == (  # type: ignore[attr-defined]
        "spaced   0", "意味 0", "noun", ["Daily", "ＴＯＥＩＣ"], 1)
    assert {e.metadata.correlation_id for e in events} == {report.correlation_id}
    assert verify(profile.projector).ok  # the SQL-written read models are the handlers' rows
    live = dump_read_models(profile)
    profile.projector.rebuild()
    assert dump_read_models(profile) == live


def test_a_bad_row_in_a_large_file_is_named_and_nothing_is_written(profile: Profile, tmp_path: Path) -> None:
    rows = [_cells(i) for i in range(ROWS)]
    rows[100]["difficulty"] = "9"
    rows[200]["text"] = "x" * 201
    _write(tmp_path / "words.csv", rows)
    with pytest.raises(InterchangeError) as refused:
        _import(profile, tmp_path / "words.csv")
    assert "line 102: Difficulty must be a whole number from 1 to 5" in str(refused.value)
    assert "line 202: Word is 201 characters; at most 200 are allowed" in str(refused.value)
    assert profile.store.count() == 0


def test_only_checked_fields_skip_the_rules() -> None:
    checked = validate_fields({"text": " cat ", "meaning": "猫", "tags": "a, A"})
    assert type(checked) is CheckedFields
    word_id = uuid4()
    assert new_word_event(word_id, checked) == Word.create(word_id, " cat ", "猫", tags=["a", "A"]).pending[0].data
    with pytest.raises(RuleViolated):
        new_word_event(word_id, {"text": "x" * 500, "meaning": ""})  # type: ignore[arg-type]
    with pytest.raises(RuleViolated):
        new_word_event(word_id, validate_fields({"text": "no meaning"}))
