"""An event log saved again by Windows Notepad starts with a UTF-8 byte-order mark: it was refused as
"not an Effect Desktop event log"."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from effect_desktop.bootstrap import open_profile
from effect_desktop.interchange.errors import InterchangeError
from effect_desktop.interchange.jsonl import export_events_to, import_events


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    source = open_profile(tmp_path / "source.effect.sqlite3")
    try:
        source.service.create_word("apple", "りんご")
        source.service.create_word("pear", "梨")
        path = tmp_path / "log.jsonl"
        export_events_to(source, path)
    finally:
        source.close()
    return path


def test_a_log_with_a_utf8_byte_order_mark_is_imported_whole(tmp_path: Path, exported: Path) -> None:
    marked = tmp_path / "notepad.jsonl"
    marked.write_bytes(codecs.BOM_UTF8 + exported.read_bytes())
    target = open_profile(tmp_path / "target.effect.sqlite3")
    try:
        assert import_events(target, marked) == 2
        assert sorted(w.text for w in target.queries.words()) == ["apple", "pear"]
    finally:
        target.close()


def test_a_log_saved_as_utf16_says_to_save_it_as_utf8(tmp_path: Path, exported: Path) -> None:
    wide = tmp_path / "unicode.jsonl"
    wide.write_text(exported.read_text(encoding="utf-8"), encoding="utf-16")
    target = open_profile(tmp_path / "target.effect.sqlite3")
    try:
        with pytest.raises(InterchangeError, match=r"saved as UTF-16 \(\"Unicode\"\); save it as UTF-8"):
            import_events(target, wide)
        assert target.store.count() == 0
    finally:
        target.close()
