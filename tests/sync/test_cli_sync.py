"""The command line: prepare a server, add a learner, sync two profiles, and the failures a learner meets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from effect_desktop.bootstrap import open_profile, profile_path
from effect_desktop.cli.main import run_cli

pytestmark = pytest.mark.postgres


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run_cli(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_add_user_and_sync_two_profiles(pg_database: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EFFECT_SYNC_URL", raising=False)
    code, out, _ = cli(capsys, "server", "init", "--url", pg_database)
    assert code == 0 and "version 0 to 2" in out
    code, out, _ = cli(capsys, "server", "init", "--url", pg_database)
    assert code == 0 and "already at version 2" in out  # idempotent

    code, out, err = cli(capsys, "server", "add-user", "bob", "--url", pg_database)
    assert code == 0 and "User 'bob' added" in err
    bob_url = out.strip()  # the URL alone: URL=$(effect-desktop server add-user …) took the sentence too
    assert bob_url.startswith("postgresql://bob:") and "\n" not in bob_url

    data = str(tmp_path)
    assert cli(capsys, "--data-dir", data, "--profile", "laptop", "words", "add", "桜", "cherry blossom")[0] == 0
    code, out, err = cli(capsys, "--data-dir", data, "--profile", "laptop", "sync", "--url", bob_url)
    assert code == 0, err
    assert "1 sent" in out and "sending" not in err  # stderr is no terminal here: no progress in a log

    code, out, err = cli(capsys, "--data-dir", data, "--profile", "phone", "sync", "--url", bob_url)
    assert code == 0 and "1 received" in out
    phone = open_profile(profile_path(tmp_path, "phone"))
    try:
        assert [w.text for w in phone.queries.words()] == ["桜"]
        assert phone.settings.get("sync.url") == "postgresql://bob@" + bob_url.split("@", 1)[1]  # no password
    finally:
        phone.close()

    # the laptop moves the start of the study day; the phone's next sync takes it up and says so
    assert cli(capsys, "--data-dir", data, "--profile", "laptop", "settings", "set", "day-start-hour", "2")[0] == 0
    assert cli(capsys, "--data-dir", data, "--profile", "laptop", "sync", "--url", bob_url)[0] == 0
    code, out, err = cli(capsys, "--data-dir", data, "--profile", "phone", "sync", "--url", bob_url)
    assert code == 0, err
    assert "a study day now starts at 2:00 (moved on another device)" in out
    code, out, _ = cli(capsys, "--data-dir", data, "--profile", "phone", "settings")
    assert code == 0 and "day-start-hour" in out and " 2" in out

    # the laptop switches to FSRS; the phone's next sync says so (it printed nothing)
    from effect_desktop.timeline import scheduler_replay

    laptop = open_profile(profile_path(tmp_path, "laptop"))
    try:
        scheduler_replay.switch(laptop, "fsrs")
    finally:
        laptop.close()
    assert cli(capsys, "--data-dir", data, "--profile", "laptop", "sync", "--url", bob_url)[0] == 0
    code, out, err = cli(capsys, "--data-dir", data, "--profile", "phone", "sync", "--url", bob_url)
    assert code == 0, err
    assert "reviews are now scheduled by FSRS (chosen on another device)" in out


def test_sync_without_a_server_says_how_to_set_one_up(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EFFECT_SYNC_URL", raising=False)
    code, _, err = cli(capsys, "--data-dir", str(tmp_path), "sync")
    assert code == 2 and "No sync server is set up" in err and "Traceback" not in err


def test_wrong_password_is_a_clear_message_and_keeps_pending_events(
        alice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path)
    cli(capsys, "--data-dir", data, "words", "add", "雨", "rain")
    wrong = alice.replace("alice-secret", "not-the-password")
    code, _, err = cli(capsys, "--data-dir", data, "sync", "--url", wrong)
    assert code == 2
    assert "refused user 'alice' or its password" in err and "1 event is waiting to be sent" in err
    assert "not-the-password" not in err


def test_the_password_is_kept_only_where_allowed(alice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """No system keyring here (keyring's fail backend): the password is not written unless asked."""
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    monkeypatch.delenv("EFFECT_SYNC_URL", raising=False)
    keyring.set_keyring(NoKeyring())
    data = str(tmp_path)
    code, _, err = cli(capsys, "--data-dir", data, "sync", "--url", alice)
    assert code == 0 and "not its password: there is no system keyring" in err
    code, _, err = cli(capsys, "--data-dir", data, "sync", "--url", alice)
    assert code == 0 and "remembered" not in err  # said once, not on every sync
    code, _, err = cli(capsys, "--data-dir", data, "sync")
    assert code == 2 and "No password is known" in err
    assert not any(b"alice-secret" in f.read_bytes() for f in tmp_path.glob("default.effect.sqlite3*"))

    monkeypatch.setenv("EFFECT_SYNC_URL", alice)
    assert cli(capsys, "--data-dir", data, "sync")[0] == 0
    code, out, _ = cli(capsys, "--data-dir", data, "sync", "--status")  # the server a plain sync uses
    assert "(from EFFECT_SYNC_URL; remembered: postgresql://alice@" in out and "alice-secret" not in out
    monkeypatch.delenv("EFFECT_SYNC_URL")

    code, _, err = cli(capsys, "--data-dir", data, "sync", "--url", alice, "--save-password-in-profile")
    assert code == 0 and "kept in the profile file as you asked" in err
    code, out, _ = cli(capsys, "--data-dir", data, "sync")
    assert code == 0 and "synced" in out
    code, out, _ = cli(capsys, "--data-dir", data, "sync", "--status")
    assert "pending: 0" in out and "alice-secret" not in out
    assert f"last sync: {datetime.now().astimezone():%Y-%m-%d }" in out  # README: "the last sync"; it was not said


def test_an_unreachable_server_exits_1_so_a_script_can_try_again_later(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path)
    code, _, err = cli(capsys, "--data-dir", data, "sync", "--url", "postgresql://alice:pw@127.0.0.1:9/effect")
    assert code == 1 and "cannot be reached" in err
    assert "waiting to be sent" not in err  # nothing is: no "0 events are waiting"
    cli(capsys, "--data-dir", data, "words", "add", "雨", "rain")
    code, _, err = cli(capsys, "--data-dir", data, "sync", "--url", "postgresql://alice:pw@127.0.0.1:9/effect")
    assert code == 1 and "1 event is waiting to be sent" in err
    assert "is remembered once it has taken the login; give --url again next time" in err


def test_a_server_that_was_never_reached_is_not_remembered(
        alice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """It was kept as the profile's server: the next `sync --url <the right one>` answered "this profile
    still syncs with postgresql://alice@no-such-host.invalid…; give --url again to use …"."""
    monkeypatch.delenv("EFFECT_SYNC_URL", raising=False)
    data = str(tmp_path)
    cli(capsys, "--data-dir", data, "words", "add", "雨", "rain")
    code, _, err = cli(capsys, "--data-dir", data, "sync", "--url", "postgresql://alice:x@127.0.0.1:9/effect")
    assert code == 1 and "remembered, but" not in err
    assert cli(capsys, "--data-dir", data, "sync", "--status")[1] == "server: none\npending: 1\nlast sync: never\n"
    code, out, err = cli(capsys, "--data-dir", data, "sync", "--url", alice, "--save-password-in-profile")
    assert code == 0 and "1 sent" in out and "still syncs with" not in err
    assert "server: postgresql://alice@" in cli(capsys, "--data-dir", data, "sync", "--status")[1]


def test_a_mistyped_url_that_cannot_be_reached_leaves_the_working_server_in_place(
        alice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A typo in `--url` replaced the saved server, and the plain `sync` the message pointed to then
    failed for want of the typo's password."""
    monkeypatch.delenv("EFFECT_SYNC_URL", raising=False)
    data = str(tmp_path)
    cli(capsys, "--data-dir", data, "words", "add", "雨", "rain")
    assert cli(capsys, "--data-dir", data, "sync", "--url", alice, "--save-password-in-profile")[0] == 0
    cli(capsys, "--data-dir", data, "words", "add", "雪", "snow")
    code, _, err = cli(capsys, "--data-dir", data, "sync", "--url", "postgresql://alice:x@127.0.0.1:9/effect")
    assert code == 1 and "cannot be reached" in err
    assert "still syncs with postgresql://alice@" in err and "give --url again" in err
    assert err.index("cannot be reached") < err.index("still syncs with"), "why first, then what it means"
    code, out, _ = cli(capsys, "--data-dir", data, "sync")
    assert code == 0 and "1 sent" in out and "pending" not in out


def test_a_first_sync_stopped_half_way_has_remembered_its_server(
        alice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The server was saved only when the sync ended: after Ctrl+C (or a kill) half-way through the
    first one, `sync --status` said "server: none" with thousands pending, and a plain `sync` had
    nothing to go on. It is saved once the server has taken the login."""
    from effect_desktop.cli import sync_commands

    monkeypatch.delenv("EFFECT_SYNC_URL", raising=False)
    data = str(tmp_path)
    cli(capsys, "--data-dir", data, "words", "add", "雨", "rain")

    def interrupted(phase: str, done: int, total: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sync_commands, "_show_progress", interrupted)
    code, _, _ = cli(capsys, "--data-dir", data, "sync", "--url", alice, "--save-password-in-profile")
    assert code == 130
    monkeypatch.undo()
    monkeypatch.delenv("EFFECT_SYNC_URL", raising=False)
    code, out, _ = cli(capsys, "--data-dir", data, "sync", "--status")
    assert "server: postgresql://alice@" in out
    code, out, _ = cli(capsys, "--data-dir", data, "sync")
    assert code == 0 and "sent" in out


def test_a_sync_that_brings_in_many_events_backs_up_first_and_keeps_one_such_backup(
        alice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from effect_desktop.backup.backups import list_backups

    laptop, phone = str(tmp_path / "laptop"), str(tmp_path / "phone")
    cli(capsys, "--data-dir", phone, "words", "add", "雪", "snow")
    phone_file = profile_path(tmp_path / "phone", "default")
    cli(capsys, "--data-dir", laptop, "words", "add", "雨", "rain")
    cli(capsys, "--data-dir", laptop, "sync", "--url", alice)
    code, _, err = cli(capsys, "--data-dir", phone, "sync", "--url", alice)  # one event in: not worth a copy
    assert code == 0 and "backing up" not in err
    assert [b for b in list_backups(phone_file) if b.reason == "before-sync"] == []

    for batch in range(2):
        for i in range(25):
            cli(capsys, "--data-dir", laptop, "words", "add", f"word {batch}-{i}", "x")
        cli(capsys, "--data-dir", laptop, "sync", "--url", alice)
        code, _, err = cli(capsys, "--data-dir", phone, "sync", "--url", alice)
        assert code == 0 and "backing up the profile before taking in up to 25 events from the server" in err
    backups = [b for b in list_backups(phone_file) if b.reason == "before-sync"]
    assert len(backups) == 1, "the newest only: one a sync would push the daily backups out"
    before = open_profile(backups[0].path)
    try:  # the phone as it was before the second batch came in
        assert len(before.queries.words()) == 2 + 25
    finally:
        before.close()


def test_a_before_sync_backup_that_cannot_be_written_does_not_stop_the_sync(
        alice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A full disk or an unwritable backups folder stopped every sync that brought in more than 20
    events, for good: a sync only adds events, so it goes on, and says the backup is missing."""
    from effect_desktop.backup.backups import backup_dir

    laptop, phone = str(tmp_path / "laptop"), str(tmp_path / "phone")
    cli(capsys, "--data-dir", phone, "words", "add", "雪", "snow")
    folder = backup_dir(profile_path(tmp_path / "phone", "default"))
    for child in folder.glob("*"):
        child.unlink()
    folder.rmdir()
    folder.write_text("not a folder")
    for i in range(25):
        cli(capsys, "--data-dir", laptop, "words", "add", f"word {i}", "x")
    cli(capsys, "--data-dir", laptop, "sync", "--url", alice)
    code, out, err = cli(capsys, "--data-dir", phone, "sync", "--url", alice)
    assert code == 0 and "25 received" in out
    assert "the backup before this sync could not be made" in err and "syncing without it" in err


def test_each_phase_of_the_progress_has_its_own_line(alice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal (in a log or a pipe the carriage returns ran the counts together: nothing there)."""
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    laptop, phone = str(tmp_path / "laptop"), str(tmp_path / "phone")
    cli(capsys, "--data-dir", laptop, "words", "add", "雨", "rain")
    cli(capsys, "--data-dir", laptop, "sync", "--url", alice)
    cli(capsys, "--data-dir", phone, "words", "add", "雪", "snow")
    code, _, err = cli(capsys, "--data-dir", phone, "sync", "--url", alice)
    assert code == 0
    lines = [line.rsplit("\r", 1)[-1] for line in err.splitlines()]
    assert "sending 1/1 events" in lines and "receiving 1/1 events" in lines


def test_a_user_name_given_again_never_receives_the_earlier_users_history(
        pg_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows belong to a user name: after DROP ROLE, a new `add-user kid` pulled the first kid's
    private words. Adding the name again is refused while they remain; `server remove-user`
    removes a learner whole."""
    import psycopg
    from psycopg import sql

    monkeypatch.delenv("EFFECT_SYNC_URL", raising=False)
    assert cli(capsys, "server", "init", "--url", pg_database)[0] == 0
    kid_url = cli(capsys, "server", "add-user", "kid", "--url", pg_database)[1].strip().splitlines()[-1]
    data = str(tmp_path)
    cli(capsys, "--data-dir", data, "--profile", "first", "words", "add", "Tagebuch", "a private diary")
    assert cli(capsys, "--data-dir", data, "--profile", "first", "sync", "--url", kid_url)[0] == 0
    from tests.support.postgres import libpq_url

    with psycopg.connect(libpq_url(pg_database), autocommit=True) as admin:  # what an administrator would do
        admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier("kid")))

    code, _, err = cli(capsys, "server", "add-user", "kid", "--url", pg_database)
    assert code == 2 and "still holds 1 event of an earlier user named 'kid'" in err
    monkeypatch.setenv("EFFECT_DATA_DIR", str(tmp_path / "an administrator has no profile"))
    code, out, _ = cli(capsys, "server", "remove-user", "kid", "--url", pg_database)
    assert code == 0 and "would remove no login (already dropped), 1 event and 1 learner id" in out
    # (without --yes: nothing)
    code, out, _ = cli(capsys, "server", "remove-user", "kid", "--url", pg_database, "--yes")
    assert code == 0 and "removed no login (already dropped), 1 event and 1 learner id" in out

    with psycopg.connect(libpq_url(pg_database), autocommit=True) as admin:  # another program's login
        admin.execute("CREATE ROLE webapp LOGIN PASSWORD 'x'")
    code, _, err = cli(capsys, "server", "remove-user", "webapp", "--url", pg_database, "--yes")
    assert code == 2 and "not an Effect Desktop user" in err
    with psycopg.connect(libpq_url(pg_database), autocommit=True) as admin:
        assert admin.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'webapp'").fetchone() == (1,)

    second_url = cli(capsys, "server", "add-user", "kid", "--url", pg_database)[1].strip().splitlines()[-1]
    code, out, _ = cli(capsys, "--data-dir", data, "--profile", "second", "sync", "--url", second_url)
    assert code == 0 and "0 received" in out
    assert "Tagebuch" not in cli(capsys, "--data-dir", data, "--profile", "second", "words", "list")[1]
    assert "Tagebuch" in cli(capsys, "--data-dir", data, "--profile", "first", "words", "list")[1]  # kept there


def test_a_login_dropped_by_mistake_is_given_back_to_its_learner_with_reclaim(
        pg_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """After a DROP ROLE by mistake, `add-user` of the name is refused (a new learner would read its
    events) and `remove-user` deletes them: the learner could not have the login back with their
    history but by hand-written SQL."""
    import psycopg
    from psycopg import sql

    from tests.support.postgres import libpq_url

    monkeypatch.delenv("EFFECT_SYNC_URL", raising=False)
    assert cli(capsys, "server", "init", "--url", pg_database)[0] == 0
    kim_url = cli(capsys, "server", "add-user", "kim", "--url", pg_database)[1].strip()
    data = str(tmp_path)
    cli(capsys, "--data-dir", data, "--profile", "laptop", "words", "add", "Tagebuch", "diary")
    assert cli(capsys, "--data-dir", data, "--profile", "laptop", "sync", "--url", kim_url)[0] == 0
    with psycopg.connect(libpq_url(pg_database), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier("kim")))
    code, _, err = cli(capsys, "server", "add-user", "kim", "--url", pg_database)
    assert code == 2 and "`server add-user kim --reclaim` gives the login back" in err
    code, out, err = cli(capsys, "server", "add-user", "kim", "--url", pg_database, "--reclaim")
    assert code == 0 and "has the 1 event its earlier login left" in err
    code, out, _ = cli(capsys, "--data-dir", data, "--profile", "desktop", "sync", "--url", out.strip())
    assert code == 0 and "1 received" in out
    assert "Tagebuch" in cli(capsys, "--data-dir", data, "--profile", "desktop", "words", "list")[1]


def test_a_password_typed_as_it_is_into_the_url_works_and_is_never_printed(
        pg_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """"/", "#", "?" and "@" in a password typed without percent-encoding ended the URL's user part
    early: the message printed the URL with the password in it, blaming a missing database or an
    unknown host made of part of the password."""
    from effect_desktop.sync.urls import ServerURL

    monkeypatch.delenv("EFFECT_SYNC_URL", raising=False)
    assert cli(capsys, "server", "init", "--url", pg_database)[0] == 0
    password = "Som/mer#20?26@x"
    encoded = cli(capsys, "server", "add-user", "eve", "--password", password, "--url", pg_database)[1]
    server = ServerURL.parse(encoded.strip().splitlines()[-1])
    typed = f"postgresql://eve:{password}@{server.hostport}/{server.database}?{server.query}"
    data = str(tmp_path)
    cli(capsys, "--data-dir", data, "words", "add", "桜", "cherry blossom")
    code, out, err = cli(capsys, "--data-dir", data, "sync", "--url", typed)
    assert code == 0 and "1 sent" in out, err
    unreachable = f"postgresql://eve:{password}@127.0.0.1:9/effect"
    code, _, err = cli(capsys, "--data-dir", data, "sync", "--url", unreachable)
    assert code == 1 and "cannot be reached" in err
    assert "mer#20" not in err and "26@x" not in err and "postgresql://eve@127.0.0.1:9/effect" in err


def test_the_administrators_commands_speak_to_the_administrator(
        pg_database: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`server init` on a database that does not exist told the administrator to run `server init`;
    on a database with another program's `events` table it failed as "the server refused the sync"."""
    from dataclasses import replace

    import psycopg

    from effect_desktop.sync.urls import ServerURL
    from tests.support.postgres import libpq_url

    server = ServerURL.parse(pg_database)
    missing = replace(server, database="no_such_database").sqlalchemy
    code, _, err = cli(capsys, "server", "init", "--url", missing)
    assert code == 2 and "create it first" in err and "CREATE DATABASE no_such_database" in err

    with psycopg.connect(libpq_url(pg_database), autocommit=True) as admin:
        admin.execute("CREATE TABLE events (id serial PRIMARY KEY, what text)")
        admin.execute("INSERT INTO events (what) VALUES ('another program''s row')")
    code, _, err = cli(capsys, "server", "init", "--url", pg_database)
    assert code == 2 and "already has a table named events that is not Effect Desktop's" in err
    assert "sync" not in err.split("Effect Desktop's", 1)[0]
    with psycopg.connect(libpq_url(pg_database), autocommit=True) as admin:
        assert admin.execute("SELECT what FROM events").fetchall() == [("another program's row",)]
        assert admin.execute("SELECT to_regclass('sync_schema')").fetchone() == (None,)


def test_a_password_given_in_the_urls_query_is_the_password_and_is_never_printed(
        alice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`…?host=…&password=…` (libpq takes it there) was refused with "No password is known for
    postgresql://alice@/…&password=alice-secret": the password printed, and the claim wrong."""
    data = str(tmp_path)
    cli(capsys, "--data-dir", data, "words", "add", "雨", "rain")
    in_query = alice.replace("alice:alice-secret@", "alice@") + "&password=alice-secret"
    assert "?" in alice and "alice-secret" not in in_query.split("?")[0]
    code, out, err = cli(capsys, "--data-dir", data, "sync", "--url", in_query)
    assert code == 0 and "1 sent" in out, err
    assert "alice-secret" not in out + err and "No password is known" not in err
    code, out, _ = cli(capsys, "--data-dir", data, "sync", "--status")
    assert "alice-secret" not in out
    wrong = in_query.replace("password=alice-secret", "password=p%40ssWRONG")
    code, _, err = cli(capsys, "--data-dir", data, "sync", "--url", wrong)
    assert code == 2 and "refused user 'alice' or its password" in err
    assert "WRONG" not in err and "No password is known" not in err
    user_in_query = wrong.replace("alice@", "@") + "&user=alice"
    code, _, err = cli(capsys, "--data-dir", data, "sync", "--url", user_in_query)
    assert code == 2 and "refused user 'alice' or its password" in err and "WRONG" not in err
    assert not any(b"alice-secret" in f.read_bytes() for f in tmp_path.glob("default.effect.sqlite3*"))


def test_the_summary_groups_thousands(alice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"synced: 1001 sent" (and "51000 received") where the progress line and the pending count
    said "1,001" and "51,000"."""
    words = tmp_path / "words.csv"
    words.write_text("text,meaning\n" + "".join(f"word{n},meaning {n}\n" for n in range(1_000)), encoding="utf-8")
    data = str(tmp_path / "data")
    for name in ("laptop", "desktop"):
        assert cli(capsys, "--data-dir", data, "--profile", name, "words", "add", "桜", "cherry blossom")[0] == 0
    assert cli(capsys, "--data-dir", data, "--profile", "laptop", "import", str(words))[0] == 0
    code, out, err = cli(capsys, "--data-dir", data, "--profile", "laptop", "sync", "--url", alice)
    assert code == 0, err
    assert "synced: 1,001 sent, 0 received" in out
    code, out, err = cli(capsys, "--data-dir", data, "--profile", "desktop", "sync", "--url", alice)
    assert code == 0, err
    assert "synced: 1 sent, 1,001 received" in out


def test_add_user_tells_the_administrator_what_to_run_and_which_url_to_use(
        pg_database: str, capsys: pytest.CaptureFixture[str]) -> None:
    """On a database without `server init` it told the administrator to "ask its administrator"; given a
    learner's URL it said only "permission denied to create role" (found by a two-computer sync helper)."""
    code, _, err = cli(capsys, "server", "add-user", "carol", "--url", pg_database)
    assert code == 2 and "run `effect-desktop server init --url ADMIN_URL` on it first" in err
    assert "ask its administrator" not in err
    assert cli(capsys, "server", "init", "--url", pg_database)[0] == 0
    bob_url = cli(capsys, "server", "add-user", "bob", "--url", pg_database)[1].strip()
    code, _, err = cli(capsys, "server", "add-user", "carol", "--url", bob_url)
    assert code == 2 and "needs the administrator's URL" in err and "not a learner's" in err
