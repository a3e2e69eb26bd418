"""Known histories, built by commands, give known figures (exact numbers)."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from effect_desktop.projections.statistics_queries import WordScope
from effect_desktop.projections.tables import daily_facets, word_stats
from effect_desktop.statistics.figures import Granularity, Range, Statistics, StatsRequest
from tests.statistics.history import EVENING_OF_DAY3, KnownHistory

DAY1, DAY2, DAY3 = date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 22)


def _stats(history: KnownHistory) -> Statistics:
    return Statistics(history.profile.queries, history.profile.user_id)


def _request(**kwargs: object) -> StatsRequest:
    return StatsRequest(EVENING_OF_DAY3, **kwargs)  # type: ignore[arg-type]


def test_every_word_figures(history: KnownHistory) -> None:
    report = _stats(history).report(_request(range=Range.DAYS_30))
    assert report.first == DAY3 - timedelta(days=29) and report.last == DAY3
    # each session: its answers 20 s apart, and a minute after the last (studied_seconds: the rest is away)
    assert (report.summary.answers, report.summary.correct, report.summary.study_minutes) == (7, 5, 5.3)
    assert (report.summary.words, report.summary.streak_days, report.summary.due_today) == (3, 3, 2)
    assert len(report.activity) == 30
    assert [(p.start, p.answers, p.correct, p.minutes) for p in report.activity[-3:]] == [
        (DAY1, 4, 3, 2.3), (DAY2, 2, 2, 1.7), (DAY3, 1, 0, 1.3)]
    assert report.activity[-1].accuracy == 0.0 and report.activity[0].accuracy is None
    heatmap = report.heatmap
    assert heatmap.answers == {DAY1: 4, DAY2: 2, DAY3: 1}
    assert (heatmap.streak_first, heatmap.streak_last, heatmap.streak_days) == (DAY1, DAY3, 3)
    assert heatmap.first == DAY3 - timedelta(days=364)
    # 1.5 s | 2.0 s, 2.5 s | 3.0 s, 4.0 s | 6.0 s | 12.0 s
    assert [b.count for b in report.response_times] == [0, 1, 2, 2, 1, 1, 0, 0, 0, 0]
    assert (report.response_times[3].low, report.response_times[3].high) == (3000, 5000)
    # apple was due on day 2 (overdue), 走る today, 猫 (forgotten today) tomorrow
    assert report.forecast.overdue == 1
    assert report.forecast.due[:3] == [1, 1, 0] and sum(report.forecast.due) == 2
    assert len(report.forecast.due) == 30
    assert [b.count for b in report.intervals] == [3, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert {b.low: b.count for b in report.easiness if b.count} == {2.5: 1, 2.6: 1, 2.7: 1}
    assert [(w.word_id, w.text, w.lapses, w.reviews, w.easiness_factor) for w in report.hardest] == [
        (history.neko, "猫", 1, 3, 2.7)]


def test_category_filter(history: KnownHistory) -> None:
    report = _stats(history).report(_request(range=Range.DAYS_30, scope=WordScope(category="noun")))
    assert (report.summary.answers, report.summary.correct, report.summary.words) == (4, 3, 2)
    assert report.heatmap.answers == {DAY1: 2, DAY2: 1, DAY3: 1}
    assert [b.count for b in report.response_times] == [0, 1, 2, 0, 0, 1, 0, 0, 0, 0]
    assert (report.forecast.overdue, report.forecast.due[:2]) == (1, [0, 1])
    # time answering those words: 2.0 + 12.0 s on day 1
    assert report.activity[-3].minutes == round(14 / 60, 1)


def test_tag_filter_is_case_and_width_insensitive(history: KnownHistory) -> None:
    for tag in ("jlpt", "ＪＬＰＴ"):
        report = _stats(history).report(_request(range=Range.YEAR, scope=WordScope(tag=tag)))
        assert [(p.answers, p.correct) for p in report.activity[-3:]] == [(3, 2), (2, 2), (1, 0)]
        assert report.summary.words == 2
        assert {b.low: b.count for b in report.easiness if b.count} == {2.6: 1, 2.7: 1}
    empty = _stats(history).report(_request(scope=WordScope(tag="nothing")))
    assert empty.summary.answers == 0 and empty.hardest == [] and empty.heatmap.answers == {}


def test_weeks_and_months(history: KnownHistory) -> None:
    stats = _stats(history)
    weeks = stats.activity(_request(range=Range.DAYS_30, granularity=Granularity.WEEK))
    assert weeks[-1].start == date(2026, 11, 16)  # Friday to Sunday: one ISO week
    assert (weeks[-1].answers, weeks[-1].correct, weeks[-1].minutes) == (7, 5, 5.3)
    assert all(p.answers == 0 for p in weeks[:-1]) and weeks[0].start == date(2026, 10, 19)
    months = stats.activity(_request(range=Range.YEAR, granularity=Granularity.MONTH))
    assert len(months) == 13 and months[0].start == date(2025, 11, 1)
    assert (months[-1].start, months[-1].answers) == (date(2026, 11, 1), 7)


def test_all_range_starts_on_the_first_study_day(history: KnownHistory) -> None:
    report = _stats(history).report(_request(range=Range.ALL))
    assert report.first == DAY1
    assert [p.answers for p in report.activity] == [4, 2, 1]


def test_an_undone_answer_leaves_every_figure(history: KnownHistory) -> None:
    profile, stats = history.profile, _stats(history)
    scopes = (WordScope(), WordScope(category="noun"), WordScope(tag="food"))
    before = [stats.report(_request(range=Range.DAYS_30, scope=scope)) for scope in scopes]
    history.clock.set(EVENING_OF_DAY3 - timedelta(hours=1))
    session = profile.service.start_session("typing", [history.apple])
    outcome = profile.service.answer(session, history.apple, False, 9000)
    wrong = stats.report(_request(range=Range.DAYS_30, scope=WordScope(tag="food")))
    assert (wrong.summary.answers, wrong.heatmap.answers[DAY3]) == (2, 1)
    assert [(w.text, w.lapses) for w in wrong.hardest] == [("apple", 1)]
    assert wrong.response_times[5].count == 2 and wrong.forecast.overdue == 0
    profile.service.retract_answer(session, outcome.answer_event_id)
    assert [stats.report(_request(range=Range.DAYS_30, scope=scope)) for scope in scopes] == before


def test_a_word_missed_at_every_review_is_among_the_hardest_before_one_graded_hard_once(
        history: KnownHistory) -> None:
    """A lapse counts only after a word was learned: a new learner's most-missed words were left out."""
    profile = history.profile
    ichigo = profile.service.create_word("苺", "strawberry")
    kana = profile.service.create_word("ひらがな", "hiragana")
    for hour, missed in ((1, [ichigo, kana]), (2, [ichigo])):
        history.clock.set(EVENING_OF_DAY3 - timedelta(hours=hour))
        session = profile.service.start_session("typing", missed)
        for word in missed:
            profile.service.answer(session, word, False, 5000)
        profile.service.complete_session(session)
    report = _stats(history).report(_request(range=Range.DAYS_30))
    assert [(w.text, w.lapses, w.reviews) for w in report.hardest] == [("猫", 1, 3), ("苺", 0, 2), ("ひらがな", 0, 1)]


def test_a_deleted_word_leaves_the_schedules_but_not_the_history(history: KnownHistory) -> None:
    history.profile.service.delete_word(history.neko)
    report = _stats(history).report(_request(range=Range.DAYS_30))
    assert report.summary.answers == 7 and report.summary.words == 2
    assert report.hardest == [] and sum(b.count for b in report.intervals) == 2


def test_rebuild_gives_the_same_statistics_tables(history: KnownHistory) -> None:
    profile = history.profile

    def dump() -> list[list[tuple[object, ...]]]:
        with profile.store.reading() as connection:
            return [[tuple(r) for r in connection.execute(sa.select(t).order_by(*t.primary_key.columns))]
                    for t in (word_stats, daily_facets)]

    before = dump()
    # (facet, day) rows: every word 3, noun 3, verb 2, jlpt 3, daily 2, food 1
    assert len(before[0]) == 3 and len(before[1]) == 14
    profile.projector.rebuild()
    assert dump() == before


def test_the_same_moment_seen_from_a_zone_to_the_west_gives_the_same_figures(history: KnownHistory) -> None:
    """Answers are dated by the clock where they were given. Seen from Hawaii (a move west, or `stats
    --as-of ...Z`), the Tokyo evening of day 3 is still day 2 there: the streak read 0 and day 3's
    answer was left out, while the status bar and `state` said 3 days."""
    from datetime import timezone

    hawaii = EVENING_OF_DAY3.astimezone(timezone(timedelta(hours=-10)))
    tokyo_report = _stats(history).report(_request(range=Range.DAYS_30))
    hawaii_report = _stats(history).report(StatsRequest(hawaii, range=Range.DAYS_30))
    assert hawaii_report.last == DAY3
    assert hawaii_report.summary.answers == tokyo_report.summary.answers == 7
    assert hawaii_report.summary.streak_days == tokyo_report.summary.streak_days == 3


def test_an_answer_dated_ahead_by_another_devices_wrong_clock_does_not_move_today(history: KnownHistory) -> None:
    """A phone a day ahead synced in one answer: the figures moved to tomorrow, the words studied
    minutes ago showed as due today and the streak counted a day still to come."""
    before = _stats(history).report(_request(range=Range.DAYS_30))
    history.clock.set(EVENING_OF_DAY3 + timedelta(days=1))  # the phone's clock
    session = history.profile.service.start_session("flashcard", [history.apple])
    history.profile.service.answer(session, history.apple, True, 2000)
    report = _stats(history).report(_request(range=Range.DAYS_30))  # asked on this computer, at day 3's evening
    assert report.last == DAY3
    assert report.summary.streak_days == before.summary.streak_days == 3
    assert report.heatmap.streak_last == DAY3


def test_minutes_studied_are_the_same_whatever_the_grouping(tmp_path) -> None:
    """Summed from each period's rounded minutes, the total moved with the grouping (6,998 by day,
    7,000 by week on a long history)."""
    from datetime import datetime

    from effect_desktop.bootstrap import open_profile
    from tests.integration.profile_helpers import SettableClock
    from tests.statistics.history import TOKYO

    clock = SettableClock(datetime(2026, 11, 16, 9, 0, tzinfo=TOKYO))
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=clock)
    try:
        word = profile.service.create_word("apple", "りんご")
        for day in range(3):  # 40 s a day: 0.7 minutes shown each day, 2.0 in all
            clock.set(datetime(2026, 11, 16 + day, 9, 0, tzinfo=TOKYO))
            session = profile.service.start_session("flashcard", [word])
            profile.service.answer(session, word, True, 1000)
            clock.advance(seconds=40)
            profile.service.complete_session(session)
        statistics = Statistics(profile.queries, profile.user_id)
        totals = {g: statistics.report(StatsRequest(clock(), Range.DAYS_30, g)).summary.study_minutes
                  for g in (Granularity.DAY, Granularity.WEEK, Granularity.MONTH)}
        assert set(totals.values()) == {2.0}, totals
    finally:
        profile.close()


def test_minutes_studied_under_a_category_keep_every_day_s_milliseconds(tmp_path) -> None:
    """Each day's answering time was cut to whole seconds before the days were summed (SQLite's integer
    division): six days of 9.9 s showed 0.9 min, not 1.0, and five years of a category about 14 min low."""
    from datetime import datetime

    from effect_desktop.bootstrap import open_profile
    from tests.integration.profile_helpers import SettableClock
    from tests.statistics.history import TOKYO

    clock = SettableClock(datetime(2026, 11, 16, 9, 0, tzinfo=TOKYO))
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=clock)
    try:
        word = profile.service.create_word("apple", "りんご", category="fruit")
        for day in range(6):
            clock.set(datetime(2026, 11, 16 + day, 9, 0, tzinfo=TOKYO))
            session = profile.service.start_session("flashcard", [word])
            profile.service.answer(session, word, True, 9_900)
            profile.service.complete_session(session)
        report = Statistics(profile.queries, profile.user_id).report(
            StatsRequest(clock(), Range.DAYS_30, scope=WordScope(category="fruit")))
        assert report.summary.study_minutes == 1.0  # 59.4 s
    finally:
        profile.close()

