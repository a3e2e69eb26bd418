"""`verify` computes the read models afresh beside the stored ones (temporary twins on its own
connection) and names every row that differs; the twins never outlive it, whatever happens."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.domain.events import Grade
from effect_desktop.projections.verify import verify


def _study(profile: Profile, words: int = 6) -> list:
    ids = profile.service.create_words([{"text": f"w{i}", "meaning": f"m{i}", "category": "c"} for i in range(words)])
    session = profile.service.start_session("flashcard", ids)
    for n, word in enumerate(ids):
        profile.service.answer(session, word, n % 3 != 0, 1500 + n, Grade.GOOD if n % 3 else Grade.AGAIN)
    profile.service.complete_session(session)
    return ids


def _raw(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()


def test_a_sound_profile_verifies_and_a_tampered_one_names_each_row(profile: Profile) -> None:
    _study(profile)
    assert verify(profile.projector).ok
    _raw(profile.path,
         "UPDATE rm_words SET meaning = 'tampered' WHERE text = 'w1'",
         "DELETE FROM rm_timeline WHERE position = (SELECT max(position) FROM rm_timeline)",
         "INSERT INTO rm_daily_stats (study_day, answers, correct, response_ms, sessions_completed, "
         "study_seconds, words_added) VALUES ('1999-01-01', 1, 1, 1, 0, 0, 0)")

    problems = verify(profile.projector).problems

    assert len(problems) == 3, problems
    # in words, not Python's reprs ("rm_words (UUID('01a2…'),): … {'meaning': ('tampered', 'm1')}")
    word_id = next(w.word_id for w in profile.queries.words() if w.text == "w1")
    assert f"rm_words {word_id}: meaning stored “tampered”, a replay gives “m1”" in problems, problems
    assert any(p.startswith("rm_timeline ") and "missing; a replay of the events gives" in p
               and "event_type “SessionCompleted”" in p for p in problems), problems
    assert "rm_daily_stats 1999-01-01: stored, but a replay of the events does not give it" in problems


def test_many_differences_are_counted_after_the_first_twenty(profile: Profile) -> None:
    _study(profile, words=30)
    _raw(profile.path, "UPDATE rm_progress SET easiness_factor = easiness_factor + 1")

    problems = verify(profile.projector).problems

    assert len(problems) == 21 and problems[-1] == "rm_progress: 10 more differences"


def test_the_fresh_read_models_never_outlive_verify(profile: Profile) -> None:
    """The twins shadow the read models by name on verify's connection: one handed back to the pool with
    them would have written the next answer into a temporary table, lost when it closed."""
    _study(profile)
    assert verify(profile.projector).ok
    assert _twins_in_the_pool(profile) == 0
    for n in range(6):  # separate commands: each may take another pooled connection
        profile.service.create_word(f"after{n}", "written after verify")
    with closing(sqlite3.connect(profile.path)) as connection:
        assert connection.execute("SELECT count(*) FROM rm_words WHERE text LIKE 'after%'").fetchone() == (6,)
    assert verify(profile.projector).ok


def _twins_in_the_pool(profile: Profile) -> int:
    """Temporary read-model tables on any connection the pool would hand out (all held at once)."""
    held = [profile.engine.connect() for _ in range(8)]
    try:
        return sum(c.connection.driver_connection.execute(  # (no transaction: SQLAlchemy's would write-lock)
            "SELECT count(*) FROM sqlite_temp_master WHERE name LIKE 'rm\\_%' ESCAPE '\\'").fetchone()[0]
            for c in held)
    finally:
        for connection in held:
            connection.close()


def test_a_verify_that_fails_part_way_leaves_no_twin_behind(profile: Profile) -> None:
    _study(profile)
    _raw(profile.path, "UPDATE events SET event_data = '{not json' WHERE position = 2")
    with pytest.raises(Exception, match="position 2"):
        verify(profile.projector)
    profile.service.create_words([{"text": "after", "meaning": "written after a failed verify"}])
    with closing(sqlite3.connect(profile.path)) as connection:
        assert connection.execute("SELECT count(*) FROM rm_words WHERE text = 'after'").fetchone() == (1,)


@pytest.mark.parametrize("damage", [
    "json_set(event_data, '$.is_correct', 2)",  # summed as two correct answers by SQL
    "json_remove(event_data, '$.response_time_ms')",
    "json_set(event_data, '$.response_time_ms', 'fast')",
])
def test_an_answer_damaged_in_its_fields_is_named_as_verify_did_before(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    """The table rebuild reads only the fields it needs, as SQL values: verify checks every payload first,
    so the damage is named (with what to do), not reported as read models to rebuild, which would have
    made it the stored state (\"correct: 6 of 5\"), nor as an internal error."""
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.cli.main import run_cli
    from effect_desktop.persistence.errors import EventUnreadable

    profile = open_profile(tmp_path / "data" / "default.effect.sqlite3")
    _study(profile)
    position = profile.store.last_position() - 3
    profile.close()
    _raw(tmp_path / "data" / "default.effect.sqlite3",
         f"UPDATE events SET event_data = {damage} WHERE position = (SELECT min(position) FROM events "
         "WHERE event_type = 'QuestionAnswered')")
    profile = open_profile(tmp_path / "data" / "default.effect.sqlite3")
    with pytest.raises(EventUnreadable, match="QuestionAnswered"):
        verify(profile.projector)
    profile.close()
    capsys.readouterr()
    assert run_cli(["--data-dir", str(tmp_path / "data"), "verify"]) == 1
    err = capsys.readouterr().err
    assert "verify failed: The event at position" in err and "cannot be read" in err, err
    assert "unexpected error" not in err and "rebuild" not in err and position


def test_an_event_with_a_field_only_a_newer_version_knows_is_not_called_damage(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A newer version added `generation` to SchedulerChanged without a new schema version, and the older
    ones said "its stored data is damaged … Restore the latest backup", advice that throws away everything
    since it (found by a helper opening profiles across versions)."""
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.cli.main import run_cli
    from effect_desktop.persistence.errors import EventFromNewerVersion

    path = tmp_path / "data" / "default.effect.sqlite3"
    profile = open_profile(path)
    _study(profile)
    profile.close()
    _raw(path, "UPDATE events SET event_data = json_set(event_data, '$.weights', json('[0.4, 1.2]')) "
               "WHERE position = (SELECT min(position) FROM events WHERE event_type = 'QuestionAnswered')")
    profile = open_profile(path)
    try:
        with pytest.raises(EventFromNewerVersion, match=r"QuestionAnswered\) holds what this version"):
            list(profile.store.iter_all())
    finally:
        profile.close()
    capsys.readouterr()
    assert run_cli(["--data-dir", str(tmp_path / "data"), "verify"]) == 1
    err = capsys.readouterr().err
    assert "(weights): a newer version wrote it. Update Effect Desktop" in err, err
    assert "damaged" not in err.replace("nothing is damaged", "") and "Restore" not in err


def test_a_snapshot_of_an_unknown_kind_is_a_problem_not_a_crash(profile: Profile) -> None:
    ids = _study(profile, words=3)
    for _ in range(2):  # two sessions long enough to be snapshotted
        session = profile.service.start_session("flashcard", ids)
        for n in range(110):
            profile.service.answer(session, ids[n % 3], True, 1000)
    _raw(profile.path, "UPDATE snapshots SET aggregate_type = 'Bogus' WHERE rowid = (SELECT min(rowid) FROM snapshots)")
    problems = verify(profile.projector).problems
    assert len(problems) == 1 and "unknown aggregate type Bogus" in problems[0], problems


def test_a_difference_the_app_reads_the_same_is_shown_as_stored(profile: Profile) -> None:
    _study(profile)
    _raw(profile.path, "UPDATE rm_answers SET is_correct = 2 WHERE rowid = (SELECT min(rowid) FROM rm_answers "
                       "WHERE is_correct = 1)")
    problems = verify(profile.projector).problems
    assert len(problems) == 1 and problems[0].endswith(": is_correct stored 2, a replay gives 1"), problems


def test_ctrl_c_in_the_rebuilds_id_conversion_stops_it_at_once(profile: Profile,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ctrl+C landing inside SQLite's call into Python came back as "user-defined function raised
    exception", and the rebuild looked through the whole log for a damaged event before stopping."""
    import signal

    from effect_desktop.projections import sqlite_rebuild

    monkeypatch.setattr(sqlite_rebuild, "NATIVE_UNHEX", False)  # the callbacks: what SQLite 3.40 uses
    _study(profile)
    convert, calls = sqlite_rebuild._uuid_blob, [0]

    def interrupted_on_the_third(text):  # type: ignore[no-untyped-def]
        calls[0] += 1
        if calls[0] == 3:
            signal.raise_signal(signal.SIGINT)  # a real Ctrl+C, landing here
        return convert(text)

    monkeypatch.setattr(sqlite_rebuild, "_uuid_blob", interrupted_on_the_third)
    looked_through = []
    monkeypatch.setattr(profile.store, "iter_all", lambda *a, **k: looked_through.append(1) or iter(()))
    with pytest.raises(KeyboardInterrupt):
        profile.projector.rebuild()
    assert calls[0] >= 3 and not looked_through
    assert verify(profile.projector).ok  # the rebuild was rolled back whole


def test_a_rebuild_failing_on_a_damaged_field_names_the_event(profile: Profile) -> None:
    """A field gone from an answer failed the table rebuild as "NOT NULL constraint failed", with its
    statement, reported as an internal error."""
    from effect_desktop.persistence.errors import EventUnreadable

    _study(profile)
    _raw(profile.path, "UPDATE events SET event_data = json_remove(event_data, '$.response_time_ms') "
                       "WHERE position = (SELECT max(position) FROM events WHERE event_type = 'QuestionAnswered')")
    with pytest.raises(EventUnreadable, match=r"QuestionAnswered\) cannot be read.*response_time_ms"):
        profile.projector.rebuild()


@pytest.mark.parametrize("stored_id", ["not-a-word-id", "0a1b", 42, "{01a21d4a-a50e-715c-9abb-000000000000}",
                                       "urn:uuid:01a21d4a-a50e-715c-9abb-000000000000"])
def test_a_rebuild_meeting_an_id_that_is_not_one_names_the_event(
        id_conversion: str, profile: Profile, stored_id: object) -> None:
    """An answer whose word id was edited by hand into something that is not a UUID as the app writes
    them: the rebuild names the event and changes nothing, whichever way it turns ids into keys (a
    short run of hex digits went in as a two-byte key, and a rebuild counted the answer for a word
    that is not there; an id in braces, which pydantic reads, failed with the SQL statement)."""
    import sqlite3

    from effect_desktop.persistence.errors import EventUnreadable
    from tests.integration.conftest import STAND_IN_CALLS
    from tests.integration.profile_helpers import dump_read_models

    calls = STAND_IN_CALLS[0]
    _study(profile)
    before = dump_read_models(profile)
    value = f"'{stored_id}'" if isinstance(stored_id, str) else str(stored_id)
    _raw(profile.path, f"UPDATE events SET event_data = json_set(event_data, '$.word_id', {value}) "
                       "WHERE position = (SELECT max(position) FROM events WHERE event_type = 'QuestionAnswered')")
    with pytest.raises(EventUnreadable, match=r"QuestionAnswered\) cannot be read.*word_id"):
        profile.projector.rebuild()
    assert dump_read_models(profile) == before
    if id_conversion == "native" and sqlite3.sqlite_version_info < (3, 41, 0):
        assert STAND_IN_CALLS[0] > calls, "the native SQL did not run"
