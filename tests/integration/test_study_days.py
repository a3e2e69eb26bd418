"""Streaks and daily statistics through the service, with the learner's clock injected.

The clock is an aware local time, so DST changes and flights between zones
are exactly what a learner's laptop would report.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from effect_desktop.bootstrap import Profile

from .profile_helpers import SettableClock, dump_read_models

BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")
LONDON = ZoneInfo("Europe/London")


def study_at(profile: Profile, clock: SettableClock, word: UUID, *moments: datetime) -> list[int | None]:
    """Answer `word` once at each moment (a fresh session each time); the streak after each."""
    streaks = []
    for moment in moments:
        clock.set(moment)
        session = profile.service.start_session("flashcard", [word])
        streaks.append(profile.service.answer(session, word, True, 2000).streak_days)
        profile.service.complete_session(session)
    return streaks


def answers_per_day(profile: Profile) -> dict[date, int]:
    return {d.study_day: d.answers for d in profile.queries.daily_stats() if d.answers}


def test_an_answer_at_0359_counts_for_the_previous_day(profile: Profile, clock: SettableClock) -> None:
    word = profile.service.create_word("apple", "りんご")
    study_at(profile, clock, word,
             datetime(2026, 7, 1, 21, 0, tzinfo=BERLIN),
             datetime(2026, 7, 2, 3, 59, tzinfo=BERLIN))
    assert answers_per_day(profile) == {date(2026, 7, 1): 2}
    assert profile.queries.streak(profile.user_id, date(2026, 7, 1)).consecutive_days == 1
    study_at(profile, clock, word, datetime(2026, 7, 2, 4, 0, tzinfo=BERLIN))
    assert answers_per_day(profile) == {date(2026, 7, 1): 2, date(2026, 7, 2): 1}
    assert profile.queries.streak(profile.user_id, date(2026, 7, 2)).consecutive_days == 2


def test_streak_across_the_spring_dst_change(profile: Profile, clock: SettableClock) -> None:
    word = profile.service.create_word("apple", "りんご")
    streaks = study_at(profile, clock, word,
                       datetime(2026, 3, 28, 22, 0, tzinfo=BERLIN),   # Sat, CET
                       datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN),   # after the jump, still Sat
                       datetime(2026, 3, 29, 4, 0, tzinfo=BERLIN),    # Sun, CEST
                       datetime(2026, 3, 30, 4, 0, tzinfo=BERLIN))    # Mon, 23 h later
    assert streaks == [1, None, 2, 3]
    assert answers_per_day(profile) == {date(2026, 3, 28): 2, date(2026, 3, 29): 1,
                                        date(2026, 3, 30): 1}
    view = profile.queries.streak(profile.user_id, date(2026, 3, 31))
    assert (view.consecutive_days, view.last_study_day, view.current) == (3, date(2026, 3, 30), 3)


def test_streak_across_the_autumn_dst_change(profile: Profile, clock: SettableClock) -> None:
    word = profile.service.create_word("apple", "りんご")
    streaks = study_at(profile, clock, word,
                       datetime(2026, 10, 24, 23, 0, tzinfo=BERLIN),          # Sat, CEST
                       datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=0),  # first 02:30
                       datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=1),  # second 02:30
                       datetime(2026, 10, 25, 3, 59, tzinfo=BERLIN),          # still Sat
                       datetime(2026, 10, 25, 4, 0, tzinfo=BERLIN),           # Sun, CET
                       datetime(2026, 10, 26, 3, 59, tzinfo=BERLIN))          # Sun (25 h day)
    assert streaks == [1, None, None, None, 2, None]
    assert answers_per_day(profile) == {date(2026, 10, 24): 4, date(2026, 10, 25): 2}
    assert profile.queries.streak(profile.user_id, date(2026, 10, 26)).current == 2


def test_a_missed_day_breaks_the_streak(profile: Profile, clock: SettableClock) -> None:
    word = profile.service.create_word("apple", "りんご")
    streaks = study_at(profile, clock, word,
                       datetime(2026, 5, 1, 9, tzinfo=BERLIN), datetime(2026, 5, 2, 9, tzinfo=BERLIN),
                       datetime(2026, 5, 4, 9, tzinfo=BERLIN))
    assert streaks == [1, 2, 1]
    assert profile.queries.streak(profile.user_id, date(2026, 5, 6)).current == 0


def test_flying_tokyo_to_london_never_shortens_or_duplicates_a_day(
        profile: Profile, clock: SettableClock) -> None:
    word = profile.service.create_word("apple", "りんご")
    streaks = study_at(
        profile, clock, word,
        datetime(2026, 5, 1, 23, 30, tzinfo=TOKYO),   # Tokyo day 1 May (14:30 UTC)
        datetime(2026, 5, 1, 18, 0, tzinfo=LONDON),   # landed: London 1 May, later in UTC
        datetime(2026, 5, 2, 2, 0, tzinfo=LONDON),    # London night: still 1 May
        datetime(2026, 5, 2, 9, 0, tzinfo=LONDON),    # London 2 May
    )
    assert streaks == [1, None, None, 2]
    assert answers_per_day(profile) == {date(2026, 5, 1): 3, date(2026, 5, 2): 1}
    # the Tokyo answer keeps its Tokyo day and wall clock
    tokyo_answer = profile.queries.answers_for_word(word)[0]
    assert (tokyo_answer.study_day, tokyo_answer.utc_offset_minutes) == (date(2026, 5, 1), 540)
    assert tokyo_answer.answered_at == datetime(2026, 5, 1, 14, 30, tzinfo=UTC)


def test_flying_london_to_tokyo_moves_on_to_the_next_day_only_once(
        profile: Profile, clock: SettableClock) -> None:
    word = profile.service.create_word("apple", "りんご")
    streaks = study_at(
        profile, clock, word,
        datetime(2026, 5, 1, 10, 0, tzinfo=LONDON),   # London 1 May (09:00 UTC)
        datetime(2026, 5, 2, 8, 0, tzinfo=TOKYO),     # Tokyo 2 May (23:00 UTC on 1 May)
        datetime(2026, 5, 2, 21, 0, tzinfo=TOKYO),    # Tokyo 2 May again
    )
    assert streaks == [1, 2, None]
    assert answers_per_day(profile) == {date(2026, 5, 1): 1, date(2026, 5, 2): 2}


def test_study_days_replay_the_same_after_a_rebuild_and_reopen(
        open_test_profile: Callable[..., Profile], clock: SettableClock) -> None:
    profile = open_test_profile()
    word = profile.service.create_word("apple", "りんご")
    study_at(profile, clock, word,
             datetime(2026, 3, 28, 22, 0, tzinfo=BERLIN), datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN),
             datetime(2026, 5, 1, 23, 30, tzinfo=TOKYO), datetime(2026, 5, 1, 18, 0, tzinfo=LONDON))
    before = dump_read_models(profile)
    profile.close()
    clock.set(datetime(2026, 6, 1, 12, 0, tzinfo=ZoneInfo("America/New_York")))
    again = open_test_profile()
    again.projector.rebuild()
    assert dump_read_models(again) == before


def test_next_review_is_at_4_local_on_the_due_day(profile: Profile, clock: SettableClock) -> None:
    word = profile.service.create_word("apple", "りんご")
    clock.set(datetime(2026, 6, 10, 23, 0, tzinfo=TOKYO))
    session = profile.service.start_session("flashcard", [word])
    outcome = profile.service.answer(session, word, True, 1000)
    assert outcome.progress is not None
    assert outcome.progress.next_review_date == datetime(2026, 6, 11, 4, 0, tzinfo=TOKYO)
    assert profile.queries.word(word).progress.next_review_date == outcome.progress.next_review_date
    assert _due_words(profile, datetime(2026, 6, 11, 3, 59, tzinfo=TOKYO)) == []
    assert _due_words(profile, datetime(2026, 6, 11, 4, 0, tzinfo=TOKYO)) == ["apple"]
    assert profile.queries.due_count(datetime(2026, 6, 11, 4, 0, tzinfo=TOKYO), 4) == 1


def test_next_review_across_the_spring_dst_change_is_within_the_hour_after_4_local(
        profile: Profile, clock: SettableClock) -> None:
    """Only the offset at answer time is stored, not the zone, so a due date across a DST
    change lands one hour off the day-start hour (05:00 CEST here) but always on the right
    study day and never before the day begins."""
    word = profile.service.create_word("apple", "りんご")
    clock.set(datetime(2026, 3, 28, 22, 0, tzinfo=BERLIN))
    session = profile.service.start_session("flashcard", [word])
    due = profile.service.answer(session, word, True, 1000).progress.next_review_date  # type: ignore[union-attr]
    local = due.astimezone(BERLIN)
    assert local.date() == date(2026, 3, 29)
    assert datetime(2026, 3, 29, 4, 0, tzinfo=BERLIN) <= due <= datetime(2026, 3, 29, 5, 0, tzinfo=BERLIN)


def _due_words(profile: Profile, now: datetime) -> list[str]:
    """What a session started at `now` would review (the study queue's rule)."""
    from effect_desktop.application.planning import DailyLimits, plan_session

    planned = plan_session(profile.queries, now, profile.service.day_start_hour, DailyLimits(max_new=0), 20)
    return [w.text for w in planned]


def _answered(profile: Profile, clock: SettableClock, at: datetime) -> UUID:
    word = profile.service.create_word("apple", "りんご")
    clock.set(at)
    session = profile.service.start_session("flashcard", [word])
    profile.service.answer(session, word, True, 1000)
    profile.service.complete_session(session)
    return word


def test_after_the_autumn_dst_change_a_review_waits_for_its_study_day(
        profile: Profile, clock: SettableClock) -> None:
    """Set for 4:00 CEST on the Sunday the clocks go back, the review came due at 3:00 CET, in the
    Saturday's study day: a learner up at 3:30 was given Sunday's words a day early."""
    _answered(profile, clock, datetime(2026, 10, 24, 22, 0, tzinfo=BERLIN))
    assert _due_words(profile, datetime(2026, 10, 25, 3, 30, tzinfo=BERLIN)) == []
    assert _due_words(profile, datetime(2026, 10, 25, 4, 0, tzinfo=BERLIN)) == ["apple"]
    assert datetime(2026, 10, 25, 3, 0, tzinfo=BERLIN) == profile.queries.words()[0].progress.next_review_date


def test_after_a_flight_a_review_comes_due_when_its_day_begins_where_the_learner_is(
        profile: Profile, clock: SettableClock) -> None:
    _answered(profile, clock, datetime(2026, 6, 10, 23, 0, tzinfo=TOKYO))  # due 11 June, 4:00 in Tokyo
    # flown to London the same day: 4:00 in Tokyo is 20:00 of the 10th there, still the 10th's study day
    assert _due_words(profile, datetime(2026, 6, 10, 21, 0, tzinfo=LONDON)) == []
    assert _due_words(profile, datetime(2026, 6, 11, 4, 0, tzinfo=LONDON)) == ["apple"]


def test_after_a_flight_east_a_review_is_due_from_the_morning_not_from_noon(
        profile: Profile, clock: SettableClock) -> None:
    _answered(profile, clock, datetime(2026, 6, 10, 22, 0, tzinfo=LONDON))  # due 11 June, 4:00 in London
    assert _due_words(profile, datetime(2026, 6, 11, 8, 0, tzinfo=TOKYO)) == ["apple"]  # was noon in Tokyo
    assert _due_words(profile, datetime(2026, 6, 11, 3, 0, tzinfo=TOKYO)) == []


def test_the_forecast_files_a_review_under_its_own_day_after_the_clocks_go_back(
        profile: Profile, clock: SettableClock) -> None:
    from effect_desktop.statistics.figures import Statistics, StatsRequest

    _answered(profile, clock, datetime(2026, 10, 24, 22, 0, tzinfo=BERLIN))  # due Sunday 25th
    now = datetime(2026, 10, 25, 3, 30, tzinfo=BERLIN)  # still Saturday's study day
    report = Statistics(profile.queries, profile.user_id).report(StatsRequest(now))
    assert report.forecast.first == date(2026, 10, 24)
    assert (report.forecast.overdue, report.forecast.due[:2]) == (0, [0, 1])
    assert report.summary.due_today == 0


def test_after_a_flight_across_more_than_half_the_world_a_review_waits_for_its_day(
        profile: Profile, clock: SettableClock) -> None:
    """Tokyo to Los Angeles is 17 hours: a rule by the nearest day start gave the review a day early,
    before even the instant it was set for."""
    los_angeles = ZoneInfo("America/Los_Angeles")
    _answered(profile, clock, datetime(2026, 3, 10, 10, 0, tzinfo=TOKYO))  # due 11 March, 4:00 in Tokyo
    assert _due_words(profile, datetime(2026, 3, 10, 5, 0, tzinfo=los_angeles)) == []
    assert _due_words(profile, datetime(2026, 3, 10, 23, 0, tzinfo=los_angeles)) == []
    assert _due_words(profile, datetime(2026, 3, 11, 4, 0, tzinfo=los_angeles)) == ["apple"]


def test_the_word_list_and_the_status_bar_count_due_words_as_the_queue_does(
        profile: Profile, clock: SettableClock) -> None:
    word = _answered(profile, clock, datetime(2026, 10, 24, 22, 0, tzinfo=BERLIN))
    assert profile.queries.due_word_ids(datetime(2026, 10, 25, 3, 30, tzinfo=BERLIN), 4) == set()
    assert profile.queries.due_word_ids(datetime(2026, 10, 25, 4, 0, tzinfo=BERLIN), 4) == {word}
    assert profile.queries.due_count(datetime(2026, 10, 25, 3, 30, tzinfo=BERLIN), 4) == 0


def test_the_scheduler_preview_counts_due_words_as_the_queue_does(profile: Profile, clock: SettableClock) -> None:
    """Its "due now" compared the instants (and the computer's clock): 0 where the queue said 1."""
    from effect_desktop.timeline.scheduler_replay import preview

    _answered(profile, clock, datetime(2026, 3, 10, 22, 0, tzinfo=LONDON))  # due 11 March, 4:00 in London
    morning_in_tokyo = datetime(2026, 3, 11, 8, 0, tzinfo=TOKYO)
    clock.set(morning_in_tokyo)
    shown = preview(profile, "sm2", morning_in_tokyo)
    assert shown.due_now_before == shown.due_now_after == 1
    assert profile.queries.due_count(morning_in_tokyo, 4) == 1


def test_the_next_review_a_list_shows_is_the_study_day_the_queue_counts(
        profile: Profile, clock: SettableClock, tmp_path) -> None:
    """Answered in Tokyo, due on 11 June; the CSV export said 10 June (the instant's UTC date), as did
    the word list west of Tokyo."""
    import csv

    from effect_desktop.interchange.csv_export import export_words_to

    word = _answered(profile, clock, datetime(2026, 6, 10, 23, 0, tzinfo=TOKYO))
    assert profile.queries.due_days(4, 0) == {word: date(2026, 6, 11)}
    out = tmp_path / "words.csv"
    export_words_to(profile.queries, out, day_start_hour=4)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["next_review"] == "2026-06-11"


def test_words_due_at_the_same_moment_are_listed_in_the_same_order_on_every_device(
        profile: Profile, clock: SettableClock) -> None:
    """Ties came out in the order each device had stored them: after a sync, `progress` and the
    study queue listed the same words differently on two laptops."""
    words = profile.service.create_words([{"text": t, "meaning": "m"} for t in ("a", "b", "c")])
    clock.set(datetime(2026, 6, 10, 20, 0, tzinfo=TOKYO))
    session = profile.service.start_session("flashcard", list(reversed(words)))
    for word in reversed(words):  # stored last-created first
        profile.service.answer(session, word, True, 1000)
    assert [p.word_id for p in profile.queries.all_progress()] == sorted(words, key=lambda w: w.bytes)
    due = profile.queries.due_words(datetime(2026, 6, 12, 8, 0, tzinfo=TOKYO), 4, 3)
    assert [w.word_id for w in due] == sorted(words, key=lambda w: w.bytes)


def test_a_day_whose_only_answer_was_undone_breaks_the_streak_in_the_history_too(
        profile: Profile, clock: SettableClock) -> None:
    """The read models dropped the undone day from the run, but the next answer's StreakUpdated still
    counted it (the stream alone never heard of the undo): the timeline said "Streak: 4 days" beside
    a status bar saying 1, and a sync carried the 4 to every device."""
    word = profile.service.create_word("apple", "りんご")
    assert study_at(profile, clock, word, datetime(2026, 11, 24, 10, tzinfo=BERLIN),
                    datetime(2026, 11, 25, 10, tzinfo=BERLIN)) == [1, 2]
    clock.set(datetime(2026, 11, 26, 10, tzinfo=BERLIN))
    session = profile.service.start_session("flashcard", [word])
    undone = profile.service.answer(session, word, True, 2000)
    assert undone.streak_days == 3
    profile.service.retract_answer(session, undone.answer_event_id)
    profile.service.complete_session(session)
    assert study_at(profile, clock, word, datetime(2026, 11, 27, 10, tzinfo=BERLIN)) == [1]
    recorded = [e.event_data.consecutive_days for e in profile.store.query_events(event_types=["StreakUpdated"])]
    assert recorded == [1, 2, 3, 1]
    assert profile.queries.streak(profile.user_id, date(2026, 11, 27)).consecutive_days == 1


def test_a_session_completed_the_morning_after_is_booked_on_the_evening_it_was_studied(
        profile: Profile, clock: SettableClock) -> None:
    """A summary left on screen when the laptop went to sleep completed its session on waking: the
    session and its minutes were booked on the next day (its answers on the evening), and that day
    became a day studied. The completion is stamped when the studying ended (found by a learner who
    never closes the app)."""
    new_york = ZoneInfo("America/New_York")
    clock.set(datetime(2026, 10, 30, 21, 0, tzinfo=new_york))  # a Friday evening
    words = profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(5)])
    session = profile.service.start_session("flashcard", words)
    last = None
    for word in words:
        clock.advance(seconds=20)
        last = clock.now
        profile.service.answer(session, word, True, 3000)
    clock.set(datetime(2026, 10, 31, 7, 30, tzinfo=new_york))  # woken the next morning
    profile.service.complete_session(session, ended_at=last)
    days = {d.study_day: (d.answers, d.sessions_completed, d.study_seconds) for d in profile.queries.daily_stats()}
    assert days == {date(2026, 10, 30): (5, 1, 100)}
    before = dump_read_models(profile)
    profile.projector.rebuild()  # a replay books it on the same evening
    assert dump_read_models(profile) == before
