"""The window's patterns for the core's English messages match what the core still writes.

gui/core_messages.py recognises the core's messages by their words; when the core rewords one,
its pattern silently stops matching and a Japanese learner reads English. Finding each pattern's
words among the core's string literals catches that without raising all hundred messages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from effect_desktop.gui import core_messages, i18n
from effect_desktop.gui.core_messages import localise
from effect_desktop.interchange import apkg_import
from effect_desktop.interchange.apkg_import import read_apkg
from effect_desktop.interchange.errors import InterchangeError
from tests.interchange.test_apkg_hostile import bomb

try:  # Python 3.11+
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

CORE = Path(__file__).resolve().parents[2] / "effect_desktop"
VALUE = "\x00"  # an f-string value: any text


def _texts(node: ast.AST, names: dict[str, list[str]]) -> list[str]:
    """The texts a string expression can make; a value is VALUE unless it names a string variable
    of the module ("…; {choose}."), whose texts it takes."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _texts(node.body, names) + _texts(node.orelse, names)
    if isinstance(node, ast.JoinedStr):
        made = [""]
        for part in node.values:
            if isinstance(part, ast.Constant):
                options = [str(part.value)]
            elif isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name):
                options = names.get(part.value.id) or [VALUE]
            else:
                options = [VALUE]
            made = [start + option for start in made for option in options][:16]
        return made
    return []


def _core_strings() -> set[str]:
    """Every string literal of the core (all but gui/), docstrings left out."""
    found: set[str] = set()
    for path in CORE.rglob("*.py"):
        if path.relative_to(CORE).parts[0] == "gui":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
        names: dict[str, list[str]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                names.setdefault(node.targets[0].id, []).extend(_texts(node.value, {}))
        for node in ast.walk(tree):
            if id(node) not in docstrings and isinstance(node, ast.Constant | ast.JoinedStr):
                found.update(_texts(node, names))
    return found


def _clauses(pattern: re.Pattern[str]) -> list[str]:
    """The pattern's literal text (between its groups), cut at punctuation into clauses of 3 words or more."""
    runs, current = [], []
    for op, argument in sre_parse.parse(pattern.pattern, pattern.flags):
        if op is sre_constants.LITERAL:
            current.append(chr(argument))
        else:
            runs.append("".join(current))
            current = []
    runs.append("".join(current))
    return [clause.strip() for run in runs for clause in re.split(r"[.;:,()“”?]", run) if len(clause.split()) >= 3]


def _written_in(clause: str, text: str) -> bool:
    """Whether some message `text` makes holds the clause, each VALUE standing for any text, with at
    least two thirds of the clause written out in `text` (so a value does not stand for the clause)."""
    states = {j: 0 for j, ch in enumerate(text) if ch in (clause[0], VALUE)}  # position in text: letters matched
    for ch in clause:
        following: dict[int, int] = {}
        for j, matched in states.items():
            while j < len(text) and text[j] == VALUE:
                following[j] = max(following.get(j, -1), matched)  # the value goes on
                j += 1
            if j < len(text) and text[j] == ch:
                following[j + 1] = max(following.get(j + 1, -1), matched + 1)
        states = following
        if not states:
            return False
    return max(states.values()) * 3 >= 2 * len(clause)


def test_every_pattern_is_a_message_the_core_still_writes() -> None:
    """"X is too large to import (N MB)." was matched long after the core stopped writing it, and the
    message that replaced it had no pattern."""
    strings = _core_strings()
    plain = "\n".join(strings)
    with_values = [text for text in strings if VALUE in text]
    stale = {pattern.pattern: missing for pattern, _ in core_messages._KNOWN
             if (missing := [clause for clause in _clauses(pattern)
                             if clause not in plain and not any(_written_in(clause, t) for t in with_values)])}
    assert not stale, f"no core message says these words any more: {stale}"


def test_an_anki_package_too_large_is_refused_in_japanese(qtbot, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The refusal of an .apkg whose collection unpacks beyond the limit reached the Japanese window in English."""
    monkeypatch.setattr(apkg_import, "MAX_COLLECTION", 8 * 1024 * 1024)  # the same check, at a testable size
    with pytest.raises(InterchangeError) as refused:
        read_apkg(bomb(tmp_path, 16 * 1024 * 1024))
    message = str(refused.value)
    i18n.install("ja")
    try:
        shown = localise(message)
    finally:
        i18n.install("en")
    assert shown.startswith("bomb.apkg には 0 GB を超えるコレクション"), shown


def test_a_bad_difficulty_is_named_with_its_value_in_japanese(qtbot, tmp_path: Path) -> None:
    """"line 7: Difficulty must be…" left the learner to guess what line 7 held; the value is said, in
    both languages."""
    from effect_desktop.interchange.candidates import Parsed, check_row

    parsed = Parsed()
    check_row(7, {"text": "難しい", "meaning": "difficult", "difficulty": "hard"}, parsed)
    message = parsed.problems[0].reason
    assert message == "Difficulty must be a whole number from 1 to 5, not “hard”."
    i18n.install("ja")
    try:
        shown = localise(message)
    finally:
        i18n.install("en")
    assert shown == "難易度は 1 から 5 までの整数にしてください（「hard」になっています）。"


def test_damage_met_while_studying_is_said_without_sql_in_both_languages(qtbot, tmp_path: Path) -> None:
    """"An unexpected error occurred: (sqlite3.DatabaseError) database disk image is malformed [SQL: SELECT
    version, event_id …]" was what the learner read (found by a data-safety helper)."""
    import sqlite3

    from effect_desktop.gui.errors import user_message
    from effect_desktop.persistence.damage import damaged

    raw = sqlite3.DatabaseError("database disk image is malformed")
    said = damaged(tmp_path / "default.effect.sqlite3", raw)
    assert "SELECT" not in user_message(said) and "open it again" in user_message(said)
    assert user_message(raw).startswith("The profile file is damaged")
    i18n.install("ja")
    try:
        assert user_message(said).startswith(f"プロファイル {tmp_path / 'default.effect.sqlite3'} が壊れています")
        assert user_message(raw).startswith("プロファイルのファイルが壊れています")
    finally:
        i18n.install("en")


def test_a_damaged_file_that_is_not_the_profile_does_not_mark_it(qtbot, tmp_path: Path) -> None:
    """A damaged Anki deck's import error, raised from SQLite's "malformed", marked the learner's own
    profile for a full check at its next opening (found in review)."""
    import sqlite3

    import sqlalchemy as sa

    from effect_desktop.persistence.damage import is_damage

    malformed = sqlite3.DatabaseError("database disk image is malformed")
    try:
        raise InterchangeError("The collection inside deck.apkg is damaged") from malformed
    except InterchangeError as error:
        assert not is_damage(error)
    assert is_damage(malformed)
    assert is_damage(sa.exc.DatabaseError("SELECT 1", (), malformed))


def test_the_compaction_refusals_are_said_in_japanese(qtbot, tmp_path: Path) -> None:
    """The window's background compaction shows them: they came in English (found in review)."""
    from effect_desktop.gui.errors import user_message
    from effect_desktop.persistence.errors import DiskFull

    before = DiskFull(f"Compacting needs about 145 MB free on the disk holding {tmp_path}/p (for the snapshots and "
                      "each segment on its way into the archive); it has 12 MB. Nothing was changed. Free some space "
                      "and try again.", str(tmp_path), "not enough free space")
    midway = DiskFull(f"The disk holding {tmp_path}/p filled while compacting (database or disk is full). What was "
                      "archived before stays and reads as before; nothing is lost. Free some space: the next "
                      "compaction goes on from there.", str(tmp_path), "database or disk is full")
    i18n.install("ja")
    try:
        assert user_message(before).startswith("圧縮には") and "145 MB" in user_message(before)
        assert user_message(midway).startswith("圧縮中に") and "次の圧縮はそこから続きます" in user_message(midway)
    finally:
        i18n.install("en")


def test_the_daily_backups_damage_finding_is_said_in_japanese(qtbot, tmp_path: Path) -> None:
    """The daily backup's full check found the damage and said so in English in the Japanese window
    (found by a data-safety helper)."""
    from effect_desktop.backup.schedule import daily_backup
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui.errors import user_message
    from effect_desktop.persistence.damage import marker
    from effect_desktop.persistence.errors import ProfileUnreadable

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    try:
        profile.service.create_words([{"text": f"w{i}", "meaning": "m" * 400} for i in range(300)])
        profile.store.engine.dispose()
        with profile.store.transaction() as connection:  # checkpointed, so the damage is in the file
            connection.exec_driver_sql("SELECT 1")
        damaged = bytearray(profile.path.read_bytes())
        start = len(damaged) * 2 // 5 // 4096 * 4096
        damaged[start: start + 6 * 4096] = b"\xab" * (6 * 4096)
        profile.path.write_bytes(bytes(damaged))
        with pytest.raises(ProfileUnreadable) as refused:
            daily_backup(profile)
        assert marker(profile.path).exists()  # the next opening checks it all and offers the backup
        i18n.install("ja")
        try:
            assert "が壊れています" in user_message(refused.value) and "開き直すと" in user_message(refused.value)
        finally:
            i18n.install("en")
    finally:
        profile.close()
