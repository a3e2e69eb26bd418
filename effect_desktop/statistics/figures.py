"""The statistics figures, computed from the read models (never from the event log).

Qt-free, so the screen, the `stats` command and the tests share one
computation. `Statistics` takes the read-model queries of any store: the
profile itself, or `materialize(cache)` of the read models as of a past
moment, which is how the figures travel in time.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from uuid import UUID

from ..domain.scheduling.studyday import DEFAULT_DAY_START_HOUR, offset_minutes, study_day
from ..domain.streak import LEARNER_AHEAD_DAYS, RUN_LOOKBACK_DAYS, current_streak, latest_run
from ..projections.queries import Queries
from ..projections.statistics_handlers import RESPONSE_BUCKET_EDGES_MS
from ..projections.statistics_queries import DayRow, HardWordRow, StatisticsQueries, WordScope

HEATMAP_DAYS = 365
FORECAST_DAYS = 30
HARDEST_WORDS = 20
INTERVAL_EDGES = (1, 2, 4, 8, 15, 31, 61, 121, 181, 366)  # lower bounds, days
EASINESS_FIRST, EASINESS_STEP, EASINESS_LAST = 1.3, 0.1, 3.0  # 0.1-wide bins, the last one open


class Range(StrEnum):
    DAYS_30 = "30d"
    YEAR = "1y"
    ALL = "all"


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class StatsRequest:
    """What to compute: as of `now` (an aware moment), over a range, for a scope of words."""

    now: datetime
    range: Range = Range.YEAR
    granularity: Granularity = Granularity.DAY
    scope: WordScope = field(default_factory=WordScope)
    day_start_hour: int = DEFAULT_DAY_START_HOUR
    learner_day: date | None = None  # the latest study day answered by `now`, on the learner's clock
    heatmap_year: int | None = None  # the calendar year the heatmap shows (None: the last 365 days)

    @property
    def today(self) -> date:
        """Today on this computer's clock, or the learner's own later day: answers are dated by the
        clock where they were given, so after a move west (or figures asked in another zone) the last
        answers can fall on "tomorrow" here, and the streak read 0 and today's answers none."""
        here = study_day(self.now, offset_minutes(self.now), self.day_start_hour)
        if self.learner_day is not None and 0 < (self.learner_day - here).days <= LEARNER_AHEAD_DAYS:
            return self.learner_day
        return here


@dataclass(frozen=True, slots=True)
class Bucket:
    """A histogram bar: [low, high) in the figure's unit; high None means open-ended."""

    low: float
    high: float | None
    count: int


@dataclass(frozen=True, slots=True)
class Period:
    """One day, week or month of activity, named by its first day."""

    start: date
    answers: int
    correct: int
    minutes: float  # rounded to a tenth, as shown
    seconds: float = field(default=0, compare=False)  # as counted: totals add these, not the rounded minutes

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None


@dataclass(frozen=True, slots=True)
class Heatmap:
    first: date
    last: date
    answers: dict[date, int]  # days with answers only
    streak_first: date | None  # the current streak's days, marked on the calendar
    streak_last: date | None
    streak_days: int


@dataclass(frozen=True, slots=True)
class Forecast:
    first: date
    overdue: int
    due: list[int]  # due[i]: reviews falling due on first + i days


@dataclass(frozen=True, slots=True)
class Summary:
    answers: int
    correct: int
    study_minutes: float
    words: int
    streak_days: int
    due_today: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None


@dataclass(frozen=True, slots=True)
class Report:
    request: StatsRequest
    first: date | None  # first day of the range (None: nothing studied yet)
    last: date
    summary: Summary
    heatmap: Heatmap
    activity: list[Period]
    response_times: list[Bucket]  # milliseconds
    forecast: Forecast
    intervals: list[Bucket]  # days
    easiness: list[Bucket]
    hardest: list[HardWordRow]


class Statistics:
    def __init__(self, queries: Queries, user_id: UUID | None = None) -> None:
        self.q = StatisticsQueries(queries.store)
        self.user_id = user_id

    def needs_rebuild(self) -> bool:
        """The profile was studied before the statistics read models existed: `rebuild` fills them."""
        return self.q.missing_statistics()

    # --- one figure each -------------------------------------------------------------------------
    def range_first(self, request: StatsRequest) -> date | None:
        today = request.today
        if request.range is Range.DAYS_30:
            return today - timedelta(days=29)
        if request.range is Range.YEAR:
            return today - timedelta(days=364)
        first = self.q.first_study_day(request.scope)
        return min(first, today) if first is not None else None

    def heatmap_years(self, request: StatsRequest) -> list[int]:
        """The calendar years the heatmap can show, newest first: from the first year with answers
        in the scope to this one (a five-year learner could see only the last twelve months)."""
        today = request.today
        first = self.q.first_study_day(request.scope)
        return list(range(today.year, min(first, today).year - 1 if first is not None else today.year - 1, -1))

    def heatmap(self, request: StatsRequest) -> Heatmap:
        today = request.today
        if request.heatmap_year is None:
            first, last = today - timedelta(days=HEATMAP_DAYS - 1), today
        elif request.heatmap_year >= today.year:  # this year ends today: no squares for days still to come
            first, last = today.replace(month=1, day=1), today
        else:
            first, last = date(request.heatmap_year, 1, 1), date(request.heatmap_year, 12, 31)
        days = {row.study_day: row.answers for row in self.q.days(request.scope, first, last) if row.answers}
        streak_first = streak_last = None
        current = 0
        found = self.q.streak_row(self.user_id) if self.user_id is not None else None
        if found is not None:  # the current streak, whichever year is shown
            consecutive, stored_day = found
            last_day: date | None = stored_day
            if stored_day > today:  # the run reaches past today (another device's clock ahead): counted to today
                last_day, consecutive = self._run_up_to(today)
            current = current_streak(consecutive, last_day, today) if last_day is not None else 0
            if current and last_day is not None:
                streak_first, streak_last = last_day - timedelta(days=current - 1), last_day
        return Heatmap(first, last, days, streak_first, streak_last, current)

    def _run_up_to(self, last: date) -> tuple[date | None, int]:
        """(the latest study day up to `last`, the run of consecutive study days ending on it)."""
        return latest_run(sorted((row.study_day for row in self.q.days(
            WordScope(), last - timedelta(days=RUN_LOOKBACK_DAYS), last) if row.answers), reverse=True))

    def activity(self, request: StatsRequest, first: date | None = None) -> list[Period]:
        """Answers, accuracy and time studied per day, week or month of the range, gaps as zeros."""
        first = first if first is not None else self.range_first(request)
        if first is None:
            return []
        rows = self.q.days(request.scope, first, request.today)
        return group_days(rows, first, request.today, request.granularity)

    def response_times(self, request: StatsRequest, first: date | None = None) -> list[Bucket]:
        counts = self.q.response_times(request.scope, first if first is not None else self.range_first(request),
                                       request.today)
        edges = (0, *RESPONSE_BUCKET_EDGES_MS)
        return [Bucket(low, edges[i + 1] if i + 1 < len(edges) else None, counts.get(i, 0))
                for i, low in enumerate(edges)]

    def forecast(self, request: StatsRequest, days: int = FORECAST_DAYS) -> Forecast:
        """Reviews falling due on each of the next `days` study days, from today; overdue ones apart."""
        today = request.today
        due = [0] * days
        overdue = 0
        # by the day each schedule names (at its answer's offset), as the study queue counts them: by
        # the instant, a review set before the clocks went back or a flight fell on the day before
        for day, count in self.q.due_counts(request.scope, today + timedelta(days=days - 1),
                                            request.day_start_hour, offset_minutes(request.now)):
            index = (date.fromisoformat(day) - today).days
            if index < 0:
                overdue += count
            elif index < days:
                due[index] += count
        return Forecast(today, overdue, due)

    def intervals(self, request: StatsRequest) -> list[Bucket]:
        counts = [0] * len(INTERVAL_EDGES)
        for interval, count in self.q.interval_counts(request.scope):
            counts[max(0, bisect.bisect_right(INTERVAL_EDGES, interval) - 1)] += count
        return [Bucket(low, INTERVAL_EDGES[i + 1] if i + 1 < len(INTERVAL_EDGES) else None, counts[i])
                for i, low in enumerate(INTERVAL_EDGES)]

    def easiness(self, request: StatsRequest) -> list[Bucket]:
        steps = round((EASINESS_LAST - EASINESS_FIRST) / EASINESS_STEP)
        counts = [0] * (steps + 1)
        for ef, count in self.q.easiness_counts(request.scope):  # [low, low + step) bins
            counts[min(steps, max(0, math.floor((ef - EASINESS_FIRST) / EASINESS_STEP + 1e-6)))] += count
        return [Bucket(round(EASINESS_FIRST + i * EASINESS_STEP, 1),
                       round(EASINESS_FIRST + (i + 1) * EASINESS_STEP, 1) if i < steps else None, count)
                for i, count in enumerate(counts)]

    def hardest(self, request: StatsRequest, limit: int = HARDEST_WORDS) -> list[HardWordRow]:
        return self.q.hardest_words(request.scope, limit)

    # --- everything at once -----------------------------------------------------------------------------
    def report(self, request: StatsRequest) -> Report:
        # the learner's latest study day among answers given by `now`: one they have reached, whatever
        # this computer's zone makes of it (an answer dated ahead by a wrong clock is not given yet)
        request = replace(request, learner_day=self.q.last_study_day(request.today, request.now))
        first = self.range_first(request)
        activity = self.activity(request, first) if first is not None else []
        forecast = self.forecast(request)
        heatmap = self.heatmap(request)
        summary = Summary(
            answers=sum(p.answers for p in activity), correct=sum(p.correct for p in activity),
            # rounded once, from the seconds: summing per-period roundings made the total move with the grouping
            study_minutes=round(sum(p.seconds for p in activity) / 60, 1),
            words=self.q.word_count(request.scope), streak_days=heatmap.streak_days,
            due_today=forecast.overdue + (forecast.due[0] if forecast.due else 0),
        )
        return Report(request, first, request.today, summary, heatmap, activity,
                      self.response_times(request, first) if first is not None else [],
                      forecast, self.intervals(request), self.easiness(request), self.hardest(request))


def period_start(day: date, granularity: Granularity) -> date:
    if granularity is Granularity.WEEK:
        return day - timedelta(days=day.weekday())  # ISO weeks start on Monday
    if granularity is Granularity.MONTH:
        return day.replace(day=1)
    return day


def _next_period(start: date, granularity: Granularity) -> date:
    if granularity is Granularity.WEEK:
        return start + timedelta(days=7)
    if granularity is Granularity.MONTH:
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1)


def group_days(rows: Iterable[DayRow], first: date, last: date, granularity: Granularity) -> list[Period]:
    """Sum study days into periods covering first..last, including the empty ones."""
    counts: dict[date, list[int]] = {}
    times: dict[date, float] = {}
    for row in rows:
        start = period_start(row.study_day, granularity)
        total = counts.setdefault(start, [0, 0])
        total[0] += row.answers
        total[1] += row.correct
        times[start] = times.get(start, 0) + row.study_seconds
    periods = []
    start = period_start(first, granularity)
    while start <= last:
        answers, correct = counts.get(start, (0, 0))
        seconds = times.get(start, 0)
        periods.append(Period(start, answers, correct, round(seconds / 60, 1), seconds))
        start = _next_period(start, granularity)
    return periods


# --- plain labels (the CLI's; the screen translates its own) ------------------------------------------------
def _number(value: float) -> str:
    return f"{value:g}"


def bucket_label(bucket: Bucket, unit: str = "", scale: float = 1.0) -> str:
    low = _number(bucket.low / scale)
    if bucket.high is None:
        return f"≥{low}{unit}"
    high = bucket.high / scale
    return f"<{_number(high)}{unit}" if bucket.low == 0 else f"{low}–{_number(high)}{unit}"


def easiness_label(bucket: Bucket) -> str:
    return f"≥{bucket.low:.1f}" if bucket.high is None else f"{bucket.low:.1f}–{bucket.high:.1f}"


def interval_label(bucket: Bucket) -> str:
    low = int(bucket.low)
    if bucket.high is None:
        return f"≥{low}d"
    high = int(bucket.high) - 1
    return f"{low}d" if high == low else f"{low}–{high}d"


