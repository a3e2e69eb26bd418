"""A learner's computer that is not tidy: stale files beside a profile, an empty or cut-short file,
a backup that is not one, a backups folder that cannot be written, a path SQLite cannot take.

Each gets advice that fits it, and none makes a restore take in what is not the profile's."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from effect_desktop.bootstrap import open_profile
from effect_desktop.cli.main import run_cli
from effect_desktop.persistence.errors import DataFolderUnusable, ProfileUnreadable

_CRASH_AFTER_WORDS = """
import os, sys
from pathlib import Path
from effect_desktop.bootstrap import open_profile
profile = open_profile(Path(sys.argv[1]))
profile.service.create_words([{"text": f"other{i}", "meaning": "m", "category": "c"} for i in range(30)])
os._exit(0)  # a crash: the write-ahead log stays beside the file, not checkpointed
"""


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = run_cli(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def words(capsys: pytest.CaptureFixture[str], data: Path) -> set[str]:
    import json
    return {w["text"] for w in json.loads(cli(capsys, data, "words", "list", "--json")[1])}


def test_a_stale_write_ahead_log_of_another_profile_is_not_taken_into_a_restore(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Another profile's log copied beside this one made it read as damaged; the restore then took
    back that profile's 30 words as this one's, and this one's own words since the backup were lost."""
    other, mine = tmp_path / "other", tmp_path / "mine"
    cli(capsys, other, "words", "add", "alpha", "アルファ")  # closed cleanly: its log starts afresh after
    subprocess.run([sys.executable, "-c", _CRASH_AFTER_WORDS, str(other / "default.effect.sqlite3")], check=True)
    cli(capsys, mine, "words", "add", "apple", "りんご")
    cli(capsys, mine, "backup", "create")
    listing = tmp_path / "words.csv"
    listing.write_text("word,meaning,category,tags\n" + "".join(
        f"mine{i},意味{i}_{'y' * 40},cat{i % 50},t{i % 7};u{i % 9}\n" for i in range(200)), encoding="utf-8")
    assert cli(capsys, mine, "import", str(listing))[0] == 0  # closed cleanly: all of it is in the file itself
    (mine / "default.effect.sqlite3-wal").write_bytes((other / "default.effect.sqlite3-wal").read_bytes())
    assert cli(capsys, mine, "words", "list")[0] == 2  # the mixture does not read as a profile

    code, out, _ = cli(capsys, mine, "backup", "restore")
    assert code == 0
    assert words(capsys, mine) == {"apple", *(f"mine{i}" for i in range(200))}
    assert "belonged to another profile" in out and "took back 200 events" in out
    assert cli(capsys, mine, "verify")[0] == 0


def test_a_foreign_write_ahead_log_that_reads_as_a_whole_profile_is_refused_not_shown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The other profile's log held every page: this profile opened showing the other's 30 words, and
    the next write would have made that so for good. Now it is refused with what to do, and doing it
    (or a restore) brings this profile's own words back."""
    other, mine = tmp_path / "other", tmp_path / "mine"
    subprocess.run([sys.executable, "-c", _CRASH_AFTER_WORDS, str(other / "default.effect.sqlite3")], check=True)
    cli(capsys, mine, "words", "add", "apple", "りんご")
    cli(capsys, mine, "backup", "create")
    cli(capsys, mine, "words", "add", "pear", "梨")
    wal = mine / "default.effect.sqlite3-wal"
    wal.write_bytes((other / "default.effect.sqlite3-wal").read_bytes())
    code, out, err = cli(capsys, mine, "words", "list")
    assert code == 2 and "other" not in out
    assert "write-ahead log of another profile" in err and "Move default.effect.sqlite3-wal out" in err
    kept = tmp_path / "moved-wal"
    mirror = tmp_path / "mirror"  # the same profile and log again, for the restore
    mirror.mkdir()
    for name in ("default.effect.sqlite3", "default.effect.sqlite3-wal"):
        (mirror / name).write_bytes((mine / name).read_bytes())
    (mirror / "backups").symlink_to(mine / "backups")
    wal.rename(kept)  # what the message says to do
    assert words(capsys, mine) == {"apple", "pear"}
    assert cli(capsys, mirror, "backup", "restore")[0] == 0
    assert words(capsys, mirror) == {"apple", "pear"}


def test_an_empty_profile_file_with_backups_is_damaged_not_a_first_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An interrupted copy or a sync tool left the file empty: it opened as a new, empty profile, and
    the backups beside it were never mentioned."""
    data = tmp_path / "data"
    cli(capsys, data, "words", "add", "apple", "りんご")
    cli(capsys, data, "backup", "create")
    (data / "default.effect.sqlite3").write_bytes(b"")
    code, _, err = cli(capsys, data, "words", "list")
    assert code == 2
    assert "is damaged (the file is empty)" in err and "backup restore" in err
    assert (data / "default.effect.sqlite3").stat().st_size == 0  # left as it was
    assert cli(capsys, data, "backup", "restore")[0] == 0
    assert words(capsys, data) == {"apple"}


def test_a_cut_short_profile_is_called_damaged_and_its_backup_named(tmp_path: Path) -> None:
    data = tmp_path / "data"
    profile = open_profile(data / "default.effect.sqlite3")
    profile.service.create_words([{"text": f"w{i}", "meaning": "m" * 200} for i in range(300)])
    profile.close()
    assert run_cli(["--data-dir", str(data), "backup", "create"]) == 0
    path = data / "default.effect.sqlite3"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(ProfileUnreadable) as refused:
        open_profile(path)
    message = str(refused.value)
    assert "is damaged" in message and "backup restore" in message and "not an SQLite file" not in message


def test_a_newest_backup_that_is_not_a_profile_is_passed_over(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Offered, refused and offered again on every start, while a good older backup was never named."""
    data = tmp_path / "data"
    cli(capsys, data, "words", "add", "apple", "りんご")
    cli(capsys, data, "backup", "create")
    cli(capsys, data, "words", "add", "pear", "m")
    newest = Path(cli(capsys, data, "backup", "create")[1].split("backed up to ", 1)[1].strip())
    newest.write_bytes(b"\x00garbage" * 500)
    code, out, _ = cli(capsys, data, "backup", "list")
    assert f"{newest.name}" in out and "unusable" in out
    (data / "default.effect.sqlite3").write_bytes(b"garbage" * 100)
    code, _, err = cli(capsys, data, "words", "list")
    assert code == 2 and newest.name not in err and "backup restore" in err
    code, _, err = cli(capsys, data, "backup", "restore")
    assert code == 0 and f"skipped {newest.name}" in err
    assert words(capsys, data) == {"apple"}


def test_a_backups_folder_that_cannot_be_written_is_said_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    cli(capsys, data, "words", "add", "apple", "りんご")
    shutil.rmtree(data / "backups")  # the day's backup the command took
    (data / "backups").write_text("not a folder")
    code, _, err = cli(capsys, data, "backup", "create")
    assert code == 2
    assert "backups folder" in err and "cannot be written" in err and "unexpected" not in err


def test_a_path_longer_than_sqlite_takes_is_not_called_damaged(tmp_path: Path) -> None:
    with pytest.raises(DataFolderUnusable) as refused:
        open_profile(tmp_path / ("a" * 250) / ("b" * 250) / "default.effect.sqlite3")
    assert "longer than SQLite allows" in str(refused.value) and "damaged" not in str(refused.value)


def test_a_damaged_profile_with_no_backup_is_recovered_into_a_new_one(tmp_path: Path, capsys) -> None:
    """Every command said "no backup of it exists; choose another data folder or profile", `backup restore`
    said to run `backup create`, which refused the damaged file: nothing could be got back."""
    from effect_desktop.backup.backups import DAMAGED, list_backups
    from effect_desktop.projections.verify import verify

    data = tmp_path / "data"
    rows = tmp_path / "w.csv"
    rows.write_text("".join(f"w{i},{'m' * 400}{i}\n" for i in range(300)), encoding="utf-8")
    assert cli(capsys, data, "import", str(rows))[0] == 0
    assert cli(capsys, data, "settings", "set", "session-size", "7")[0] == 0
    shutil.rmtree(data / "backups")  # none at all (the day's the CLI took, gone)
    path = data / "default.effect.sqlite3"
    profile = open_profile(path)
    learner = profile.user_id
    profile.close()
    damaged = bytearray(path.read_bytes())
    middle = len(damaged) // 2
    damaged[middle: middle + 8192] = b"\xab" * 8192  # two pages' worth scribbled over
    path.write_bytes(bytes(damaged))

    code, _, err = cli(capsys, data, "words", "list")
    assert code == 2 and " backup recover`" in err and len(err.strip().splitlines()) == 1
    assert len(err) < 600, "SQLite's whole report on the damage was quoted (5,000 characters)"
    code, _, err = cli(capsys, data, "backup", "restore")
    assert code == 2 and "backup create" not in err and "backup recover" in err
    code, out, _ = cli(capsys, data, "backup", "recover")
    assert code == 0 and "recovered " in out and "into a new profile" in out
    (aside,) = [b for b in list_backups(path) if b.reason == DAMAGED]
    assert aside.path.read_bytes() == bytes(damaged), "the damaged file is kept as it was"
    recovered = open_profile(path)
    try:
        assert 200 <= recovered.queries.word_count() <= 300
        assert recovered.user_id == learner and recovered.settings.get("study.session_size") == "7"
        assert verify(recovered.projector).ok
    finally:
        recovered.close()
    code, _, err = cli(capsys, data, "backup", "recover")
    assert code == 2 and "is not damaged" in err


def test_a_learner_who_uses_the_cli_alone_gets_a_daily_backup(tmp_path: Path, capsys) -> None:
    """Only the window took the day's backup: a profile used from the CLI alone had none to restore."""
    from effect_desktop.backup.backups import list_backups

    data = tmp_path / "data"
    assert cli(capsys, data, "words", "list")[0] == 2  # nothing there yet: nothing to back up
    assert cli(capsys, data, "words", "add", "apple", "りんご")[0] == 0
    assert cli(capsys, data, "words", "add", "bread", "パン")[0] == 0  # the same day: no second one
    assert cli(capsys, data, "words", "list")[0] == 0
    (daily,) = list_backups(data / "default.effect.sqlite3")
    assert daily.reason == "daily"
    backed_up = open_profile(daily.path)
    try:
        assert [w.text for w in backed_up.queries.words()] == ["apple"]
    finally:
        backed_up.close()


def test_a_recovery_takes_back_the_compacted_history_too(tmp_path: Path, capsys) -> None:
    """Compacted events keep their JSON in compressed archive segments; a recovery read only the events
    table, and counted every archived answer as lost: on a compacted profile, most of its history."""
    import sqlite3
    from contextlib import closing
    from datetime import UTC, datetime

    from effect_desktop.persistence.archive import compact

    data = tmp_path / "data"
    path = data / "default.effect.sqlite3"
    profile = open_profile(path)
    words = profile.service.create_words([{"text": f"w{i}", "meaning": "m" * 300} for i in range(40)])
    session = profile.service.start_session("flashcard", words)
    for n, word in enumerate(words):
        profile.service.answer(session, word, n % 3 != 0, 1500)
    profile.service.complete_session(session)
    before = [(a.word_id, a.is_correct) for a in profile.queries.answers_in_session(session)]
    assert compact(profile.store, datetime(2999, 1, 1, tzinfo=UTC), datetime.now(UTC), segment=10).events >= 80
    profile.close()
    with closing(sqlite3.connect(path)) as connection:  # the words' read model damaged; the log intact
        (page,) = connection.execute("SELECT pageno FROM dbstat WHERE name = 'rm_words' AND pagetype = 'leaf' "
                                     "ORDER BY pageno LIMIT 1").fetchone()
    damaged = bytearray(path.read_bytes())
    damaged[(page - 1) * 4096 + 8: page * 4096 - 96] = b"\xa5" * (4096 - 104)
    path.write_bytes(bytes(damaged))

    code, out, _ = cli(capsys, data, "backup", "recover")
    assert code == 0, out
    recovered = open_profile(path)
    try:
        assert [(a.word_id, a.is_correct) for a in recovered.queries.answers_in_session(session)] == before
        assert recovered.queries.word_count() == 40
    finally:
        recovered.close()


def test_an_interrupted_recovery_leaves_the_damaged_profile_where_it_was(tmp_path: Path, capsys,
                                                                       monkeypatch) -> None:
    """Built in place, a recovery stopped by Ctrl+C (or a crash) left an empty profile there: "not
    damaged" to the next recover, and the damaged file refused by restore; its answers out of reach."""
    from effect_desktop.backup import recover

    data = tmp_path / "data"
    rows = tmp_path / "w.csv"
    rows.write_text("".join(f"w{i},{'m' * 400}{i}\n" for i in range(300)), encoding="utf-8")
    assert cli(capsys, data, "import", str(rows))[0] == 0
    shutil.rmtree(data / "backups")
    path = data / "default.effect.sqlite3"
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2: len(damaged) // 2 + 8192] = b"\xab" * 8192
    path.write_bytes(bytes(damaged))

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(recover, "salvage_into", interrupted)  # Ctrl+C in the middle of it
    with pytest.raises(KeyboardInterrupt):
        recover.recover_without_backup(path)
    assert path.read_bytes() == bytes(damaged)
    assert not [p.name for p in data.iterdir() if ".recovering" in p.name], "no half-built profile left"
    assert not (data / "backups").exists(), "nothing set aside"
    monkeypatch.undo()
    code, out, _ = cli(capsys, data, "backup", "recover")
    assert code == 0 and "recovered " in out


def test_a_long_report_on_the_damage_is_cut_short(tmp_path: Path) -> None:
    """SQLite's report on a badly damaged file (a line per damaged cell, "On tree page 201 cell 7:
    Offset … out of range", a hundred of them) was quoted whole: a 5,000-character line in the
    terminal, and a window dialog whose buttons were off the screen."""
    from effect_desktop.bootstrap import _damaged

    report = "\n".join(f"On tree page 201 cell {n}: Offset {n * 7} out of range 245..4096" for n in range(100))
    message = _damaged(tmp_path / "default.effect.sqlite3", report)
    assert "\n" not in message and len(message) < 600 and "…" in message
    assert message.startswith(f"{tmp_path / 'default.effect.sqlite3'} is damaged (On tree page 201 cell 0:")


def _damaged_without_backup(tmp_path: Path, capsys) -> tuple[Path, bytes]:
    data = tmp_path / "data"
    rows = tmp_path / "w.csv"
    rows.write_text("".join(f"w{i},{'m' * 400}{i}\n" for i in range(300)), encoding="utf-8")
    assert cli(capsys, data, "import", str(rows))[0] == 0
    shutil.rmtree(data / "backups")
    path = data / "default.effect.sqlite3"
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2: len(damaged) // 2 + 8192] = b"\xab" * 8192
    path.write_bytes(bytes(damaged))
    return path, bytes(damaged)


def test_a_recovery_stopped_between_its_two_moves_is_finished_by_the_next_command(tmp_path: Path, capsys,
                                                                                monkeypatch) -> None:
    """Stopped after the damaged file was set aside, it left the profile missing: the next command
    said "no profile", and a word added then made a new, empty one beside the recovered words."""
    import json

    from effect_desktop.backup import recover

    path, _ = _damaged_without_backup(tmp_path, capsys)
    real_set_aside = recover.set_aside

    def set_aside_then_stop(profile_file: Path):  # type: ignore[no-untyped-def]
        real_set_aside(profile_file)
        raise KeyboardInterrupt

    monkeypatch.setattr(recover, "set_aside", set_aside_then_stop)
    with pytest.raises(KeyboardInterrupt):
        recover.recover_without_backup(path)
    monkeypatch.undo()
    assert not path.exists()
    code, out, err = cli(capsys, path.parent, "words", "list", "--json")
    assert code == 0 and "finished a recovery that was interrupted" in err
    assert 200 <= len(json.loads(out)) <= 300


def test_a_half_built_recovery_is_never_taken_for_the_profile(tmp_path: Path, capsys) -> None:
    """A recovery killed while building leaves NAME.recovering: it must never be moved into place
    (it was, once the damaged file had been moved away, and "recovered 0 events")."""
    path, damaged = _damaged_without_backup(tmp_path, capsys)
    aside = tmp_path / "aside.sqlite3"
    path.rename(aside)  # the learner took the damaged file away to look at it
    path.with_name(path.name + ".recovering").write_bytes(damaged[:8192])  # what a kill left
    code, _, err = cli(capsys, path.parent, "backup", "recover")
    assert code == 2 and "There is no profile" in err and "nothing to recover" in err
    code, _, err = cli(capsys, path.parent, "words", "list")
    assert code == 2 and "There is no profile" in err
    assert not path.exists()


@pytest.mark.parametrize("fingerprint_too", [False, True], ids=["same-tables", "newer-tables"])
def test_a_profile_in_a_newer_store_format_is_refused_and_left_as_it_is(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fingerprint_too: bool) -> None:
    """The store format was written into every profile and never read: a newer version's profile was
    opened, and with newer tables its read models were "upgraded" to this version's (found by a helper
    opening profiles across versions). It is refused, not called damaged (no backup offered in its place)."""
    import sqlite3
    from contextlib import closing

    from effect_desktop.gui import i18n
    from effect_desktop.gui.core_messages import localise
    from effect_desktop.persistence.errors import ProfileFromNewerVersion

    data = tmp_path / "data"
    assert cli(capsys, data, "words", "add", "apple", "りんご")[0] == 0
    path = data / "default.effect.sqlite3"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE profile_info SET value = '2' WHERE key = 'store_format'")
        if fingerprint_too:
            connection.execute("UPDATE profile_info SET value = 'newer' WHERE key = 'schema_fingerprint'")
        connection.commit()
        before = connection.execute("SELECT * FROM profile_info ORDER BY key").fetchall()
        events = connection.execute("SELECT count(*) FROM events").fetchone()
    code, _, err = cli(capsys, data, "words", "add", "later", "word")
    assert code == 2 and "was made by a newer Effect Desktop (its store format is 2" in err, err
    with pytest.raises(ProfileFromNewerVersion) as refused:
        open_profile(path)
    assert not isinstance(refused.value, ProfileUnreadable)
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT * FROM profile_info ORDER BY key").fetchall() == before
        assert connection.execute("SELECT count(*) FROM events").fetchone() == events
    from effect_desktop.gui.errors import error_title
    assert error_title(refused.value) == "Update Effect Desktop"  # not "could not be read or written"
    try:
        assert i18n.install("ja") == "ja"
        assert "新しいバージョンの Effect Desktop で作成されています" in localise(str(refused.value))
        assert error_title(refused.value) == "Effect Desktop を更新してください"
    finally:
        i18n.install("en")


def _advised_command(err: str) -> list[str]:
    """The command a damaged profile's message tells the learner to run, as a shell would split it."""
    import shlex
    command = shlex.split(err.split("`")[1])
    assert command[0] == "effect-desktop"
    return command[1:]


def test_the_advice_for_a_damaged_profile_acts_on_that_profile(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The advice named `effect-desktop backup restore` alone: copied as shown, it rolled back the default
    profile of the default folder, and the damaged one stayed damaged."""
    data = tmp_path / "my data"  # a space in the folder: the command must quote it
    bob = ["--data-dir", str(data), "--profile", "bob"]
    assert run_cli([*bob, "words", "add", "apple", "りんご"]) == 0
    assert run_cli([*bob, "backup", "create"]) == 0
    path = data / "bob.effect.sqlite3"
    path.write_bytes(b"garbage" * 100)
    capsys.readouterr()
    assert run_cli([*bob, "words", "list"]) == 2
    err = capsys.readouterr().err
    assert "--profile bob" in err and shlex_quoted(data) in err
    assert run_cli(_advised_command(err)) == 0
    capsys.readouterr()
    assert run_cli([*bob, "words", "list"]) == 0 and "apple" in capsys.readouterr().out

    for backup in (data / "backups" / "bob").iterdir():  # none left: the advice is a recovery
        backup.unlink()
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2:] = b"\xab" * (len(damaged) - len(damaged) // 2)
    path.write_bytes(bytes(damaged))
    assert run_cli([*bob, "words", "list"]) == 2
    err = capsys.readouterr().err
    assert "No backup of it exists; to go on, `effect-desktop --data-dir" in err, err
    assert run_cli(_advised_command(err)) == 0
    assert "into a new profile" in capsys.readouterr().out


def shlex_quoted(path: Path) -> str:
    import shlex
    return shlex.quote(str(path))


def test_damage_met_in_use_is_said_as_damage_and_the_next_opening_offers_the_backup(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening checks only the log's ends of a large profile: damage in its middle came to the learner as
    "unexpected error: DatabaseError: database disk image is malformed" (in the window with the SQL
    statement), and the next opening found nothing, so no backup was ever offered (found by a
    data-safety helper)."""
    from effect_desktop import bootstrap
    from effect_desktop.persistence.damage import marker

    monkeypatch.setattr(bootstrap, "QUICK_CHECK_MAX_BYTES", 0)  # this small profile checked as a large one
    data = tmp_path / "data"
    rows = tmp_path / "w.csv"
    rows.write_text("".join(f"w{i},{'m' * 400}{i}\n" for i in range(300)), encoding="utf-8")
    assert cli(capsys, data, "import", str(rows))[0] == 0
    path = data / "default.effect.sqlite3"
    damaged = bytearray(path.read_bytes())
    start = len(damaged) * 2 // 5 // 4096 * 4096
    damaged[start: start + 6 * 4096] = b"\xab" * (6 * 4096)  # pages in the middle, past the opening's look
    path.write_bytes(bytes(damaged))

    code, _, err = cli(capsys, data, "verify")
    assert code == 2 and "is damaged (SQLite: database disk image is malformed)" in err
    assert "open it again" in err and "backup restore" in err and "unexpected" not in err
    assert marker(path).exists()
    code, _, err = cli(capsys, data, "words", "list")  # the whole file checked now: the backup named
    assert code == 2 and "is damaged" in err and "backup restore" in err
    assert cli(capsys, data, "backup", "restore")[0] == 0
    assert not marker(path).exists()
    assert cli(capsys, data, "verify")[0] == 0


def test_a_profile_made_writable_again_is_written_though_it_was_read_while_read_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Read while read-only (copied off a read-only medium), the profile got an `-shm` as read-only as it
    was; made writable again as the message said, every write was still refused as "read-only", for
    good (found by a command-line user). Where the tests run as root, whom permissions do not stop,
    the commands run as another user (the effective one, so nothing more is imported from disk)."""
    import os
    import tempfile
    from contextlib import contextmanager

    if sys.platform == "win32":
        pytest.skip("Unix permissions: Windows has a read-only flag, and no -shm made by another reader's mode")

    @contextmanager
    def as_learner():  # type: ignore[no-untyped-def]
        if os.geteuid() == 0:
            os.seteuid(65534)  # nobody
        try:
            yield
        finally:
            if os.getuid() == 0:
                os.seteuid(0)

    folder = Path(tempfile.mkdtemp(prefix="effect-readonly-")) if os.geteuid() == 0 else tmp_path
    folder.chmod(0o777)
    data = folder / "d"

    def effect(*args: str) -> tuple[int, str, str]:
        with as_learner():
            return cli(capsys, data, *args)

    try:
        cli(capsys, tmp_path / "warm", "words", "list")  # every module the commands use, imported as root
        assert effect("words", "add", "apple", "りんご")[0] == 0
        profile = data / "default.effect.sqlite3"
        profile.chmod(0o400)
        assert effect("words", "list")[0] == 0
        code, _, err = effect("words", "add", "pear", "なし")
        assert code != 0 and "read-only" in err
        profile.chmod(0o600)  # as the message says
        code, _, err = effect("words", "add", "pear", "なし")
        assert code == 0, err
        assert "pear" in effect("words", "list")[1]
    finally:
        if folder != tmp_path:
            shutil.rmtree(folder, ignore_errors=True)
