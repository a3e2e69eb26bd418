"""Streak arithmetic and study days, without a store."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from effect_desktop.domain.ids import new_id
from effect_desktop.domain.scheduling.studyday import offset_minutes, study_day
from effect_desktop.domain.streak import Streak, current_streak, streak_after

BERLIN = ZoneInfo("Europe/Berlin")


def day_of(local: datetime, hour: int = 4) -> date:
    return study_day(local, offset_minutes(local), hour)


def test_streak_counts_consecutive_days_and_restarts_after_a_gap() -> None:
    assert streak_after(0, None, date(2026, 1, 1)) == 1
    assert streak_after(1, date(2026, 1, 1), date(2026, 1, 2)) == 2
    assert streak_after(2, date(2026, 1, 2), date(2026, 1, 2)) is None
    assert streak_after(2, date(2026, 1, 2), date(2026, 1, 1)) is None  # moved west
    assert streak_after(5, date(2026, 1, 2), date(2026, 1, 4)) == 1


def test_the_streak_shown_survives_today_until_a_whole_day_is_missed() -> None:
    assert current_streak(4, date(2026, 1, 2), date(2026, 1, 2)) == 4
    assert current_streak(4, date(2026, 1, 2), date(2026, 1, 3)) == 4
    assert current_streak(4, date(2026, 1, 2), date(2026, 1, 4)) == 0
    assert current_streak(0, None, date(2026, 1, 4)) == 0


def test_the_day_starts_at_4_local() -> None:
    assert day_of(datetime(2026, 7, 2, 3, 59, tzinfo=BERLIN)) == date(2026, 7, 1)
    assert day_of(datetime(2026, 7, 2, 4, 0, tzinfo=BERLIN)) == date(2026, 7, 2)
    assert day_of(datetime(2026, 7, 2, 0, 30, tzinfo=BERLIN), hour=0) == date(2026, 7, 2)


def test_study_days_across_the_spring_dst_change() -> None:
    # 29 March 2026: 02:00 CET jumps to 03:00 CEST
    assert day_of(datetime(2026, 3, 29, 1, 59, tzinfo=BERLIN)) == date(2026, 3, 28)
    assert day_of(datetime(2026, 3, 29, 3, 59, tzinfo=BERLIN)) == date(2026, 3, 28)
    assert day_of(datetime(2026, 3, 29, 4, 0, tzinfo=BERLIN)) == date(2026, 3, 29)


def test_study_days_across_the_autumn_dst_change() -> None:
    # 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice
    first = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=0)
    second = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=1)
    assert (first.astimezone(UTC), second.astimezone(UTC)) == (
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    assert day_of(first) == day_of(second) == date(2026, 10, 24)
    assert day_of(datetime(2026, 10, 25, 3, 59, tzinfo=BERLIN)) == date(2026, 10, 24)
    assert day_of(datetime(2026, 10, 25, 4, 0, tzinfo=BERLIN)) == date(2026, 10, 25)


def test_streak_aggregate_records_only_changes_and_survives_a_snapshot() -> None:
    user = new_id()
    streak = Streak(new_id())
    recorded = [streak.studied(user, date(2026, 3, d)) for d in (27, 27, 28, 29, 29, 31)]
    assert [r.data.consecutive_days if r else None for r in recorded] == [  # type: ignore[attr-defined]
        1, None, 2, 3, None, 1]
    streak.take_pending()
    copy = Streak.from_snapshot(streak.id, streak.version, streak.snapshot_state())
    assert (copy.consecutive_days, copy.last_study_day) == (1, date(2026, 3, 31))


def test_a_streak_running_past_today_is_counted_up_to_today() -> None:
    """A clock set to 2030 by mistake left the stored streak ending in 2030: the status bar said 1 day
    while the Statistics page counted the run of real days."""
    from datetime import date

    from effect_desktop.domain.streak import latest_run

    days = [date(2026, 6, 12), date(2026, 6, 11), date(2026, 6, 10), date(2026, 6, 8)]
    assert latest_run(days) == (date(2026, 6, 12), 3)
    assert latest_run([]) == (None, 0)


def test_after_a_clock_set_years_ahead_the_status_streak_counts_the_real_days(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, date, datetime, timedelta

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.projections.queries import Queries
    from tests.integration.profile_helpers import SettableClock

    clock = SettableClock(datetime(2026, 6, 8, 12, 0, tzinfo=UTC))
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=clock)
    try:
        [word] = profile.service.create_words([{"text": "apple", "meaning": "りんご"}])

        def study() -> None:
            session = profile.service.start_session("flashcard", [word])
            profile.service.answer(session, word, True, 1500, "good")
            profile.service.complete_session(session)

        for day in range(3):  # 06-08, 06-09, 06-10
            clock.set(datetime(2026, 6, 8, 12, 0, tzinfo=UTC) + timedelta(days=day))
            study()
        clock.set(datetime(2030, 6, 11, 12, 0, tzinfo=UTC))  # the clock wrong for one session
        study()
        clock.set(datetime(2026, 6, 11, 12, 0, tzinfo=UTC))  # put right
        study()
        streak = Queries(profile.store).streak(profile.user_id, date(2026, 6, 11))
        assert (streak.current, streak.last_study_day) == (4, date(2026, 6, 11))
    finally:
        profile.close()


def test_after_a_move_west_the_status_streak_keeps_the_learners_own_last_day(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Studied at UTC+14, looked at two hours later in Honolulu (UTC-10), where it is still the day
    before: the status bar said one day less than the Statistics page (0 after a single day)."""
    from datetime import date, datetime, timedelta, timezone

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.projections.queries import Queries
    from tests.integration.profile_helpers import SettableClock

    kiritimati, honolulu = timezone(timedelta(hours=14)), timezone(timedelta(hours=-10))
    clock = SettableClock(datetime(2026, 11, 27, 12, 0, tzinfo=kiritimati))
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=clock)
    try:
        [word] = profile.service.create_words([{"text": "apple", "meaning": "りんご"}])
        for day in range(2):  # 11-27 and 11-28 there
            clock.set(datetime(2026, 11, 27, 12, 0, tzinfo=kiritimati) + timedelta(days=day))
            session = profile.service.start_session("flashcard", [word])
            profile.service.answer(session, word, True, 1500, "good")
            profile.service.complete_session(session)
        now = (clock.now + timedelta(hours=2)).astimezone(honolulu)  # 11-27 16:00 in Honolulu
        streak = Queries(profile.store).streak(profile.user_id, date(2026, 11, 27), now)
        assert (streak.current, streak.last_study_day) == (2, date(2026, 11, 28))
    finally:
        profile.close()

