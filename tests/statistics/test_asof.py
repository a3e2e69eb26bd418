"""Figures as of a past moment come from the read models replayed up to then."""

from __future__ import annotations

from datetime import date

import pytest

from effect_desktop.projections.statistics_queries import WordScope
from effect_desktop.statistics.asof import queries_as_of
from effect_desktop.statistics.figures import Range, Statistics, StatsRequest
from tests.statistics.history import DAY1, EVENING_OF_DAY3, KnownHistory


def test_figures_as_of_the_second_evening(history: KnownHistory) -> None:
    profile = history.profile
    stats = Statistics(queries_as_of(profile, history.end_of_day2), profile.user_id)
    report = stats.report(StatsRequest(history.end_of_day2, Range.DAYS_30))
    assert report.last == date(2026, 11, 21)
    assert (report.summary.answers, report.summary.correct, report.summary.streak_days) == (6, 5, 2)
    assert report.heatmap.answers == {date(2026, 11, 20): 4, date(2026, 11, 21): 2}
    assert report.hardest == []  # 猫 was only forgotten on the third day
    assert [b.count for b in report.intervals][:3] == [2, 0, 1]  # 猫 at 6 days then
    assert (report.forecast.overdue, report.forecast.due[:2]) == (0, [1, 1])
    # the live profile still sees the whole history
    assert Statistics(profile.queries, profile.user_id).report(
        StatsRequest(EVENING_OF_DAY3, Range.DAYS_30)).summary.answers == 7


def test_as_of_now_equals_the_live_figures(history: KnownHistory) -> None:
    profile = history.profile
    for scope in (WordScope(), WordScope(tag="daily")):
        request = StatsRequest(EVENING_OF_DAY3, Range.YEAR, scope=scope)
        live = Statistics(profile.queries, profile.user_id).report(request)
        replayed = Statistics(queries_as_of(profile, EVENING_OF_DAY3), profile.user_id).report(request)
        assert replayed == live


def test_before_anything_was_studied_there_is_nothing(history: KnownHistory) -> None:
    moment = DAY1.replace(hour=8, minute=30)  # words created, nothing answered
    report = Statistics(queries_as_of(history.profile, moment), history.profile.user_id).report(
        StatsRequest(moment, Range.ALL))
    assert report.first is None and report.activity == [] and report.summary.words == 3
    assert report.heatmap.streak_days == 0 and sum(report.forecast.due) == 0


def test_a_moment_without_zone_is_refused(history: KnownHistory) -> None:
    with pytest.raises(ValueError, match="time zone"):
        queries_as_of(history.profile, EVENING_OF_DAY3.replace(tzinfo=None))


def test_a_timeline_cache_without_the_statistics_tables_is_not_trusted(history: KnownHistory) -> None:
    from effect_desktop.statistics.asof import STATISTICS_TABLES, covers_statistics
    from effect_desktop.timeline.asof_cache import TRAVEL_TABLES, AsOfCache

    restored = AsOfCache(0)  # what a checkpoint restore gives before any event: statistics tables empty
    assert covers_statistics(restored) == all(name in TRAVEL_TABLES for name in STATISTICS_TABLES)
    if not covers_statistics(restored):
        request = StatsRequest(EVENING_OF_DAY3, Range.DAYS_30)
        replayed = Statistics(queries_as_of(history.profile, EVENING_OF_DAY3, restored), history.profile.user_id)
        assert replayed.report(request).summary.answers == 7  # replayed in full instead


def test_figures_from_the_timelines_checkpoints_equal_a_replay_from_the_start(
        history: KnownHistory, monkeypatch: pytest.MonkeyPatch) -> None:
    """With checkpoints every few events, "as of then" starts from the nearest one (schedules folded
    on from the checkpointed progress and totals) and must give the full replay's figures."""
    from datetime import timedelta

    from effect_desktop.projections.materialize import replay_until
    from effect_desktop.statistics.asof import FIGURE_TABLES
    from effect_desktop.timeline import checkpoints
    from effect_desktop.timeline.asof_cache import AsOfCache
    from effect_desktop.timeline.travel import TimeTravel

    profile = history.profile
    # day 4: 猫 (forgotten on day 3: one lapse) is answered again, well after a checkpoint
    history.clock.set(EVENING_OF_DAY3 + timedelta(days=1))
    session = profile.service.start_session("flashcard", [history.neko, history.apple])
    for _ in range(4):
        history.clock.advance(minutes=30)
        profile.service.answer(session, history.apple, True, 3000)  # events to pass a checkpoint
    history.clock.advance(minutes=30)
    profile.service.answer(session, history.neko, True, 1800)
    after_day4 = history.clock() + timedelta(minutes=5)
    [last_neko] = [e for e in profile.store.query_events(event_types=["QuestionAnswered"])
                   if e.event_data.word_id == history.neko][-1:]  # type: ignore[attr-defined]
    # checkpoints every (that position - 1) events: one ends just before 猫's last answer, which is
    # then replayed on top of it, its schedule folded on from the checkpointed state
    monkeypatch.setattr(checkpoints, "EVERY", (last_neko.position or 0) - 1)
    monkeypatch.setattr(checkpoints, "BASE_EVERY", 1)
    travel = TimeTravel(profile.store, profile.user_id, profile.projector.day_start_hour)
    assert travel.checkpoints.extend() >= 1
    moments = [history.end_of_day2, EVENING_OF_DAY3, EVENING_OF_DAY3 - timedelta(hours=1, minutes=50),
               history.end_of_day2 - timedelta(hours=20), after_day4]
    assert isinstance(travel.cache_at(after_day4), AsOfCache)  # from the checkpoint, not from the start
    for moment in moments:  # the earlier ones precede every checkpoint: replayed from the start
        for scope in (WordScope(), WordScope(tag="daily")):
            request = StatsRequest(moment, Range.YEAR, scope=scope)
            from_checkpoint = Statistics(queries_as_of(profile, moment), profile.user_id).report(request)
            from_start = Statistics(queries_as_of(profile, moment, replay_until(profile.projector, moment,
                                                                                 FIGURE_TABLES)),
                                    profile.user_id).report(request)
            assert from_checkpoint == from_start, moment
    hardest = Statistics(queries_as_of(profile, after_day4), profile.user_id).report(
        StatsRequest(after_day4, Range.YEAR)).hardest
    assert [(h.text, h.lapses) for h in hardest][:1] == [("猫", 1)]


def test_a_forecast_as_of_a_moment_files_reviews_as_the_live_one_does(tmp_path, monkeypatch) -> None:
    """From a checkpoint the past state held no answers before it, so each schedule's day was read at
    the viewer's offset: a word answered in Tokyo fell due a day early in figures asked in London."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.statistics.asof import queries_as_of
    from effect_desktop.statistics.figures import Statistics, StatsRequest
    from effect_desktop.timeline import checkpoints
    from effect_desktop.timeline.checkpoints import Checkpoints
    from tests.integration.profile_helpers import SettableClock

    monkeypatch.setattr(checkpoints, "EVERY", 100)
    monkeypatch.setattr(checkpoints, "BASE_EVERY", 1)
    tokyo, london = ZoneInfo("Asia/Tokyo"), ZoneInfo("Europe/London")
    clock = SettableClock(datetime(2026, 11, 1, 10, 0, tzinfo=tokyo))
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=clock)
    try:
        word = profile.service.create_word("apple", "りんご")
        session = profile.service.start_session("flashcard", [word])
        profile.service.answer(session, word, True, 2000)  # due on 2 November, 4:00 in Tokyo
        profile.service.complete_session(session)
        clock.set(datetime(2026, 11, 1, 11, 0, tzinfo=london))  # flown to London
        profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(300)])
        assert Checkpoints(profile.store, profile.service.day_start_hour).extend() >= 1
        now = datetime(2026, 11, 1, 12, 0, tzinfo=london)
        request = StatsRequest(now, day_start_hour=profile.service.day_start_hour)
        live = Statistics(profile.queries, profile.user_id).forecast(request)
        past = Statistics(queries_as_of(profile, now), profile.user_id).forecast(request)
        assert (live.overdue, live.due[:2]) == (0, [0, 1])
        assert (past.overdue, past.due[:2]) == (live.overdue, live.due[:2])
    finally:
        profile.close()


def test_an_answer_undone_after_the_moment_still_set_its_schedule_then(tmp_path, monkeypatch) -> None:
    """Read with today's "undone" flags, the past state took an older answer's offset (London) for a
    schedule the Tokyo answer had set: the word fell a day early."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.projections.materialize import materialize, replay_until
    from effect_desktop.statistics.asof import FIGURE_TABLES, queries_as_of
    from effect_desktop.statistics.figures import Statistics, StatsRequest
    from effect_desktop.timeline import checkpoints
    from effect_desktop.timeline.checkpoints import Checkpoints
    from tests.integration.profile_helpers import SettableClock

    monkeypatch.setattr(checkpoints, "EVERY", 100)
    monkeypatch.setattr(checkpoints, "BASE_EVERY", 1)
    tokyo, london = ZoneInfo("Asia/Tokyo"), ZoneInfo("Europe/London")
    clock = SettableClock(datetime(2026, 10, 31, 20, 0, tzinfo=london))
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=clock)
    try:
        service = profile.service
        word = service.create_word("apple", "りんご")
        first = service.start_session("flashcard", [word])
        service.answer(first, word, True, 2000)
        service.complete_session(first)
        clock.set(datetime(2026, 11, 1, 10, 0, tzinfo=tokyo))  # flown to Tokyo
        second = service.start_session("flashcard", [word])
        answer = service.answer(second, word, True, 2000)
        clock.set(datetime(2026, 11, 1, 10, 30, tzinfo=tokyo))
        service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(300)])
        assert Checkpoints(profile.store, service.day_start_hour).extend() >= 1
        moment = datetime(2026, 11, 1, 11, 0, tzinfo=tokyo)
        clock.set(datetime(2026, 11, 1, 12, 0, tzinfo=tokyo))
        service.retract_answer(second, answer.answer_event_id)  # undone an hour after the moment
        service.complete_session(second)
        request = StatsRequest(moment, day_start_hour=service.day_start_hour)

        def forecast(queries):
            figures = Statistics(queries, profile.user_id).forecast(request)
            return figures.overdue, figures.due[:8]

        replayed = materialize(replay_until(profile.projector, moment, FIGURE_TABLES), profile.store.registry)
        assert forecast(queries_as_of(profile, moment)) == forecast(replayed) == (0, [0, 0, 0, 0, 0, 0, 1, 0])
    finally:
        profile.close()


def test_figures_of_a_moment_before_a_scheduler_switch_are_those_of_its_scheduler(history: KnownHistory) -> None:
    """The replay up to a moment folded its answers under the profile's scheduler of now: after a switch
    to FSRS, the figures of an SM-2 evening showed FSRS's intervals, due words and an easiness of 2.5
    throughout, beside the Timeline's past (replayed under SM-2) that said otherwise."""
    from effect_desktop.timeline.scheduler_replay import switch

    profile = history.profile
    request = StatsRequest(history.end_of_day2, Range.DAYS_30)
    before_the_switch = Statistics(queries_as_of(profile, history.end_of_day2), profile.user_id).report(request)
    switch(profile, "fsrs")
    after_the_switch = Statistics(queries_as_of(profile, history.end_of_day2), profile.user_id).report(request)
    assert after_the_switch == before_the_switch
    now = StatsRequest(EVENING_OF_DAY3, Range.DAYS_30)  # and now, FSRS's figures
    assert (Statistics(queries_as_of(profile, EVENING_OF_DAY3), profile.user_id).report(now)
            == Statistics(profile.queries, profile.user_id).report(now))


def test_as_of_a_moment_counts_what_was_recorded_by_then_as_the_time_travel_does(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Events stored out of time order (another device's, synced late; a clock set back): the figures
    took every event up to the last one recorded by the moment, later ones stored before it too, where
    the Timeline's past beside them counts by time (68 minutes studied against its 43)."""
    from datetime import datetime, timedelta, timezone

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.timeline.travel import TimeTravel
    from tests.integration.profile_helpers import SettableClock

    tokyo = timezone(timedelta(hours=9))
    clock = SettableClock(datetime(2026, 11, 20, 10, 0, tzinfo=tokyo))
    profile = open_profile(tmp_path / "default.effect.sqlite3", clock=clock)
    try:
        profile.service.create_word("apple", "りんご")  # at 10:00, stored first
        clock.set(datetime(2026, 11, 20, 9, 0, tzinfo=tokyo))
        profile.service.create_word("pear", "梨")  # at 9:00, stored after it
        moment = datetime(2026, 11, 20, 9, 30, tzinfo=tokyo)
        figures = queries_as_of(profile, moment)
        assert [w.text for w in figures.words()] == ["pear"]
        past = TimeTravel(profile.store, profile.user_id, profile.projector.day_start_hour).state_at(moment)
        assert [w.text for w in past.words] == ["pear"], "the Timeline's past, for comparison"
    finally:
        profile.close()


def test_a_switch_made_after_the_moment_but_stored_before_an_event_of_before_it_is_not_the_pasts(
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The scheduler of the past was chosen by position: a switch to FSRS at 12:00, then an event dated
    11:00 stored after it (another device's, synced late), made the figures of 11:30 FSRS's (found in
    review)."""
    from datetime import datetime, timedelta, timezone

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.timeline.scheduler_replay import switch
    from tests.integration.profile_helpers import SettableClock

    tokyo = timezone(timedelta(hours=9))
    clock = SettableClock(datetime(2026, 11, 20, 10, 0, tzinfo=tokyo))
    profile = open_profile(tmp_path / "default.effect.sqlite3", clock=clock)
    try:
        word = profile.service.create_word("apple", "りんご")
        session = profile.service.start_session("flashcard", [word])
        profile.service.answer(session, word, True, 2000, "good")
        profile.service.complete_session(session)
        moment = datetime(2026, 11, 20, 11, 30, tzinfo=tokyo)
        sm2 = queries_as_of(profile, moment).words()[0].progress
        clock.set(datetime(2026, 11, 20, 12, 0, tzinfo=tokyo))
        switch(profile, "fsrs")
        clock.set(datetime(2026, 11, 20, 11, 0, tzinfo=tokyo))
        profile.service.create_word("pear", "梨")  # dated before the moment, stored after the switch
        assert queries_as_of(profile, moment).words()[0].progress == sm2
    finally:
        profile.close()
