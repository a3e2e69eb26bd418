"""The learner's settings: the study day's start recounts the past; the others are kept and bounded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from effect_desktop.backup.backups import create_backup, list_backups, restore_backup
from effect_desktop.bootstrap import Profile, change_day_start_hour
from effect_desktop.cli.main import run_cli
from effect_desktop.domain.errors import ValidationFailed
from effect_desktop.projections.projector import RebuildCancelled
from effect_desktop.projections.verify import verify
from effect_desktop.statistics.asof import queries_as_of
from effect_desktop.timeline.checkpoints import EVERY as CHECKPOINT_EVERY
from effect_desktop.timeline.travel import TimeTravel

from .profile_helpers import SettableClock, dump_read_models
from .test_study_days import BERLIN, answers_per_day, study_at


def night_owl(profile: Profile, clock: SettableClock) -> None:
    """Answers at 3:00 on three nights running: with the day starting at 4:00 they belong to the
    evenings before; with it at 2:00, to the mornings."""
    word = profile.service.create_word("owl", "ふくろう")
    study_at(profile, clock, word, *(datetime(2026, 7, day, 3, 0, tzinfo=BERLIN) for day in (2, 3, 4)))


def test_a_new_day_start_recounts_past_days_and_stays(open_test_profile: Callable[..., Profile],
                                                      clock: SettableClock) -> None:
    profile = open_test_profile()
    night_owl(profile, clock)
    assert answers_per_day(profile) == {date(2026, 7, 1): 1, date(2026, 7, 2): 1, date(2026, 7, 3): 1}
    due_before = profile.queries.all_progress()[0].next_review_date
    events = profile.store.count()

    assert change_day_start_hour(profile, 2) == events + 1  # the change itself is replayed with the rest
    profile.close()
    reopened = open_test_profile()
    assert reopened.service.day_start_hour == 2
    assert answers_per_day(reopened) == {date(2026, 7, 2): 1, date(2026, 7, 3): 1, date(2026, 7, 4): 1}
    assert reopened.queries.streak(reopened.user_id, date(2026, 7, 4)).consecutive_days == 3
    assert reopened.queries.all_progress()[0].next_review_date == due_before + timedelta(hours=-2) + \
        timedelta(days=1), "due at 2:00 on the day after, not at 4:00 the day before"
    # recorded as an event, which a sync carries to the other devices (they count the same days)
    change = reopened.store.query_events(event_types=["StudyDayStartChanged"])
    assert [(e.event_data.hour, e.event_data.generation) for e in change] == [(2, 1)]  # type: ignore[attr-defined]
    assert reopened.store.count() == events + 1
    assert verify(reopened.projector).ok, "the read models are what a rebuild under 2:00 gives"
    # and what live updating under 2:00 goes on to give
    night = datetime(2026, 7, 5, 3, 0, tzinfo=BERLIN)
    study_at(reopened, clock, reopened.queries.words()[0].word_id, night)
    assert answers_per_day(reopened)[date(2026, 7, 5)] == 1
    live = dump_read_models(reopened)
    reopened.projector.rebuild()
    assert dump_read_models(reopened) == live


def test_answers_counted_under_the_old_hour_after_a_move_elsewhere_are_recounted_on_the_next_open(
        open_test_profile: Callable[..., Profile], clock: SettableClock) -> None:
    """A window in a session counts its answers under the hour it opened with, even after a sync run
    from a terminal moved the day's start and recounted: the read models were left mixed, the stored
    hour claimed the new one, and no later open recounted them (`verify` failed for good)."""
    window = open_test_profile()
    word = window.service.create_word("owl", "ふくろう")
    study_at(window, clock, word, datetime(2026, 7, 2, 5, 0, tzinfo=BERLIN))
    terminal = open_test_profile()
    change_day_start_hour(terminal, 6)
    terminal.close()
    study_at(window, clock, word, datetime(2026, 7, 3, 5, 0, tzinfo=BERLIN))  # counted under 4:00 here
    window.close()
    reopened = open_test_profile()
    assert reopened.service.day_start_hour == 6
    assert answers_per_day(reopened) == {date(2026, 7, 1): 1, date(2026, 7, 2): 1}, "5:00 is the day before"
    assert verify(reopened.projector).ok


def test_time_travel_follows_the_new_day_start(open_test_profile: Callable[..., Profile],
                                               clock: SettableClock) -> None:
    """The timeline's checkpoints of the past were computed under the old hour: not used after."""
    profile = open_test_profile()
    night_owl(profile, clock)
    profile.service.create_words([{"text": f"w{n}", "meaning": "m"} for n in range(CHECKPOINT_EVERY + 10)])
    TimeTravel(profile.store, profile.user_id, 4).checkpoints.extend()
    moment = datetime(2026, 7, 4, 12, 0, tzinfo=BERLIN)

    def days_as_of(opened: Profile) -> set[date]:
        return {d.study_day for d in queries_as_of(opened, moment).daily_stats() if d.answers}

    assert days_as_of(profile) == {date(2026, 7, 1), date(2026, 7, 2), date(2026, 7, 3)}
    change_day_start_hour(profile, 2)
    profile.close()
    reopened = open_test_profile()
    assert days_as_of(reopened) == {date(2026, 7, 2), date(2026, 7, 3), date(2026, 7, 4)}


@pytest.mark.parametrize("hour", [24, -1, "4.5", "four"])
def test_an_hour_out_of_range_is_refused_and_nothing_changes(profile: Profile, clock: SettableClock,
                                                             hour: object) -> None:
    night_owl(profile, clock)
    before = dump_read_models(profile)
    with pytest.raises(ValidationFailed, match="from 0 to 23"):
        change_day_start_hour(profile, hour)  # type: ignore[arg-type]
    assert profile.settings.get("day_start_hour") is None
    assert dump_read_models(profile) == before


def test_a_cancelled_change_keeps_the_old_hour_and_the_old_days(open_test_profile: Callable[..., Profile],
                                                                clock: SettableClock) -> None:
    profile = open_test_profile()
    night_owl(profile, clock)
    before = dump_read_models(profile)
    with pytest.raises(RebuildCancelled):
        change_day_start_hour(profile, 2, lambda done, total: done < total // 2)
    profile.close()
    reopened = open_test_profile()
    assert reopened.service.day_start_hour == 4
    assert dump_read_models(reopened) == before


def test_the_cli_shows_and_changes_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(tmp_path)]
    assert run_cli([*base, "settings", "set", "session-size", "35"]) == 0
    assert run_cli([*base, "settings", "set", "day-start-hour", "6"]) == 0
    assert "now starts at 6:00" in capsys.readouterr().out
    assert run_cli([*base, "settings", "--json"]) == 0
    shown = capsys.readouterr().out
    assert '"session-size": 35' in shown and '"day-start-hour": 6' in shown and '"backups-kept": 10' in shown
    for wrong, message in ((["day-start-hour", "24"], "day-start-hour: must be a whole number from 0 to 23"),
                           (["backups-kept", "0"], "from 1 to 1000"),
                           (["bedtime", "22"], "there is no setting 'bedtime'")):
        assert run_cli([*base, "settings", "set", *wrong]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1
    assert run_cli([*base, "settings", "--json"]) == 0
    assert '"day-start-hour": 6' in capsys.readouterr().out


def test_backups_kept_is_honoured_and_a_restore_prunes_none(tmp_path: Path, profile: Profile,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    profile.service.create_word("a", "b")
    for day in range(14):
        create_backup(profile.path, "daily", keep=None, now=datetime(2026, 1, 1 + day, 9, 0))
    path = profile.path
    profile.close()
    restore_backup(path, list_backups(path)[-1].path)
    assert len(list_backups(path)) == 15, "the 14 and the state before the restore: none pruned"
    base = ["--data-dir", str(path.parent), "--profile", "learner"]
    assert run_cli([*base, "settings", "set", "backups-kept", "12"]) == 0
    assert run_cli([*base, "backup", "create"]) == 0
    assert len(list_backups(path)) == 12


def test_the_cli_leaves_the_hour_alone_while_the_app_has_the_profile_open(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess
    import sys

    base = ["--data-dir", str(tmp_path)]
    assert run_cli([*base, "words", "add", "owl", "ふくろう"]) == 0
    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])  # stands for the app
    try:
        (tmp_path / "default.lock").write_text(f"{window.pid}\neffect-desktop\nhost\n")
        assert run_cli([*base, "settings", "set", "day-start-hour", "2"]) == 2
        assert f"has this profile open (process {window.pid})" in capsys.readouterr().err
        assert run_cli([*base, "settings", "set", "session-size", "30"]) == 0, "read afresh by the window"
    finally:
        window.kill()
        window.wait()
    assert run_cli([*base, "settings", "set", "day-start-hour", "2"]) == 0  # the lock is stale now
