"""Statistics on the 1,000,000-event profile: each figure's query, and the screen fully drawn.

Targets (issue 6): each figure's query under 50 ms; the Statistics screen
fully drawn under 300 ms. Every figure is timed beside a raw sqlite3 query
reading the same rows in the same run, printed as a ratio, and beside what
the same figure would cost without its read model (scanning the answers),
to show why the read models exist.

    python3 tests/benchmarks/bench_statistics.py [--events N] [--runs R] [--as-of]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from effect_desktop.bootstrap import open_profile  # noqa: E402
from effect_desktop.domain.scheduling.studyday import day_start_utc  # noqa: E402
from effect_desktop.projections.statistics_queries import WordScope  # noqa: E402
from effect_desktop.statistics.figures import Granularity, Range, Statistics, StatsRequest  # noqa: E402
from tests.benchmarks.history import LOCAL, build_profile  # noqa: E402

QUERY_TARGET_MS, SCREEN_TARGET_MS = 50.0, 300.0
BAND_SUMS = ", ".join(f"sum(rt_{band})" for band in range(10))


def _median_ms(action: Callable[[], Any], runs: int) -> float:
    action()  # warm the page cache and SQLAlchemy's statement cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def bench_figures(path: Path, runs: int) -> None:
    profile = open_profile(path)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        last_day = raw.execute("SELECT max(study_day) FROM rm_daily_stats").fetchone()[0]
        now = profile.service.clock().replace(year=int(last_day[:4]), month=int(last_day[5:7]),
                                              day=int(last_day[8:10]), hour=20).astimezone(LOCAL)
        stats = Statistics(profile.queries, profile.user_id)
        tag = raw.execute("SELECT tag_key FROM rm_word_tags GROUP BY tag_key ORDER BY count(*) DESC").fetchone()[0]
        category = raw.execute("SELECT category FROM rm_words GROUP BY category ORDER BY count(*) DESC").fetchone()[0]
        first_year = (now.date() - timedelta(days=364)).isoformat()
        print(f"profile: {path.name}; today {now.date()}; tag {tag!r}, category {category!r}; median of {runs}")
        print(f"{'figure':<44}{'ms':>8}{'raw ms':>9}{'ratio':>7}  target")
        worst = 0.0
        for scope_name, scope in (("all", WordScope()), (f"tag {tag}", WordScope(tag=tag)),
                                  (f"category {category}", WordScope(category=category))):
            facet = scope.facet or ""
            for range_ in (Range.YEAR, Range.ALL):
                request = StatsRequest(now, range_, Granularity.WEEK, scope)
                first = stats.range_first(request)
                since = first.isoformat() if first else "0000"
                day_sql = ("SELECT study_day, answers, correct, response_ms, study_seconds FROM rm_daily_stats "
                           "WHERE study_day BETWEEN ? AND ?" if not facet else
                           "SELECT study_day, answers, correct, response_ms FROM rm_daily_facets "
                           "WHERE facet = ? AND study_day BETWEEN ? AND ?")
                day_args = (since, last_day) if not facet else (facet, since, last_day)
                figures: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
                    ("activity", lambda r=request, f=first: stats.activity(r, f),
                     lambda s=day_sql, a=day_args: raw.execute(s, a).fetchall()),
                    ("response times", lambda r=request, f=first: stats.response_times(r, f),
                     lambda f=facet, s=since: raw.execute(
                         f"SELECT {BAND_SUMS} FROM rm_daily_facets WHERE facet = ? AND study_day "
                         "BETWEEN ? AND ?", (f, s, last_day)).fetchall()),
                ]
                if range_ is Range.YEAR:
                    live = "p.word_id NOT IN (SELECT word_id FROM rm_words WHERE deleted)"
                    scoped = (live if scope.facet is None else
                              "p.word_id IN (SELECT word_id FROM rm_words WHERE category = ? AND NOT deleted)"
                              if scope.category else
                              "p.word_id IN (SELECT word_id FROM rm_word_tags WHERE tag_key = ?) AND " + live)
                    scope_args = () if scope.facet is None else (scope.category or tag,)
                    progress_sql = "SELECT {0}, count(*) FROM rm_progress p WHERE " + scoped + "{1} GROUP BY 1"
                    due_before = day_start_utc(now.date() + timedelta(days=30), 540).strftime("%Y-%m-%d %H:%M:%S.%f")
                    figures += [
                        ("heatmap", lambda r=request: stats.heatmap(r),
                         lambda s=day_sql, a=day_args: raw.execute(s, a).fetchall()),
                        ("forecast", lambda r=request: stats.forecast(r),
                         lambda p=progress_sql, a=scope_args, d=due_before: raw.execute(
                             p.format("next_review_date", " AND next_review_date < ?"), (*a, d)).fetchall()),
                        ("intervals", lambda r=request: stats.intervals(r),
                         lambda p=progress_sql, a=scope_args: raw.execute(p.format("interval_days", ""), a).fetchall()),
                        ("easiness", lambda r=request: stats.easiness(r),
                         lambda p=progress_sql, a=scope_args: raw.execute(
                             p.format("round(easiness_factor, 1)", ""), a).fetchall()),
                        ("hardest words", lambda r=request: stats.hardest(r),
                         lambda w=scoped, a=scope_args: raw.execute(
                             "SELECT w.word_id, w.text, s.lapses FROM rm_word_stats s JOIN rm_progress p "
                             "ON p.word_id = s.word_id JOIN rm_words w ON w.word_id = s.word_id WHERE "
                             + w.replace("p.word_id", "+s.word_id")
                             + " AND s.lapses > 0 ORDER BY s.lapses DESC, p.easiness_factor, w.text LIMIT 20",
                             a).fetchall()),
                    ]
                for name, ours, baseline in figures:
                    ours_ms, raw_ms = _median_ms(ours, runs), _median_ms(baseline, runs)
                    worst = max(worst, ours_ms)
                    label = f"{name} ({range_.value}, {scope_name})"
                    flag = "ok" if ours_ms < QUERY_TARGET_MS else "OVER"
                    print(f"{label:<44}{ours_ms:>8.2f}{raw_ms:>9.2f}{ours_ms / raw_ms:>7.1f}  {flag}")
        full = _median_ms(lambda: stats.report(StatsRequest(now, Range.ALL, Granularity.DAY)), runs)
        print(f"{'whole report (all, by day)':<44}{full:>8.2f}")
        scan = _median_ms(lambda: raw.execute(
            "SELECT a.study_day, count(*), sum(a.is_correct) FROM rm_answers a JOIN rm_word_tags t "
            "ON t.word_id = a.word_id WHERE t.tag_key = ? AND NOT a.retracted AND a.study_day >= ? "
            "GROUP BY a.study_day", (tag, first_year)).fetchall(), max(3, runs // 5))
        print(f"{'without a read model: tag activity, 1y scan':<44}{scan:>8.2f}  (raw sqlite3 over rm_answers)")
        print(f"slowest figure query: {worst:.2f} ms (target < {QUERY_TARGET_MS:.0f} ms)")
        bench_screen(profile, now, runs)
    finally:
        raw.close()
        profile.close()


def bench_screen(profile: Any, now: Any, runs: int) -> None:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415  (Qt only for this part)

    from effect_desktop.gui.statistics import StatisticsPage  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    profile.service.clock = lambda: now

    def draw() -> None:
        page = StatisticsPage(profile)
        page.resize(1200, 1700)
        page.show()
        app.processEvents()
        page.grab()  # every chart painted
        page.close()
        page.deleteLater()
        app.processEvents()

    opened = _median_ms(draw, max(3, runs // 4))
    page = StatisticsPage(profile)
    page.resize(1200, 1700)
    page.show()
    app.processEvents()

    def switch() -> None:
        page.range.setCurrentIndex((page.range.currentIndex() + 1) % page.range.count())
        page.grab()

    switched = _median_ms(switch, max(3, runs // 4))
    flag = "ok" if opened < SCREEN_TARGET_MS else "OVER"
    print(f"screen opened and fully drawn: {opened:.0f} ms (target < {SCREEN_TARGET_MS:.0f} ms) {flag}")
    print(f"range changed and redrawn:     {switched:.0f} ms")


def bench_as_of(path: Path) -> None:
    """Statistics as of a past moment: replayed from the first event, and from the timeline's
    nearest checkpoint (made once, on a copy of the profile, as the Timeline page makes them)."""
    import shutil  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    from effect_desktop.projections.materialize import replay_until  # noqa: PLC0415
    from effect_desktop.statistics.asof import FIGURE_TABLES, queries_as_of  # noqa: PLC0415
    from effect_desktop.timeline.travel import TimeTravel  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="bench-asof-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        profile = open_profile(copy)
        try:
            moment = profile.service.clock().replace(year=2023, month=1, day=1).astimezone(LOCAL)
            request = StatsRequest(moment, Range.YEAR)
            t0 = time.perf_counter()
            cache = replay_until(profile.projector, moment, FIGURE_TABLES)
            from_start = Statistics(queries_as_of(profile, moment, cache), profile.user_id).report(request)
            t1 = time.perf_counter()
            travel = TimeTravel(profile.store, profile.user_id, profile.projector.day_start_hour)
            travel.checkpoints.extend()
            t2 = time.perf_counter()
            timings = []
            for _ in range(3):
                started = time.perf_counter()
                from_checkpoint = Statistics(queries_as_of(profile, moment), profile.user_id).report(request)
                timings.append(time.perf_counter() - started)
            assert from_checkpoint == from_start
            print(f"as of {moment:%Y-%m-%d}: replayed from the first event {t1 - t0:.1f} s; from the nearest "
                  f"checkpoint {1000 * statistics.median(timings):.0f} ms (median of 3, same figures; the "
                  f"checkpoints, made once in the background by the Timeline page, took {t2 - t1:.1f} s)")
        finally:
            profile.close()


def bench_rebuild_cost(events: int) -> None:
    """What the statistics read models add to a rebuild: the same history rebuilt with and without them."""
    import tempfile  # noqa: PLC0415

    from effect_desktop.projections import statistics_handlers  # noqa: PLC0415
    from tests.benchmarks.history import generate  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        profile = open_profile(Path(folder) / "rebuild.effect.sqlite3", catch_up=False)
        try:
            generate(profile.store, profile.user_id, events, seed=7, report_every=10**9)
            with_stats = min(_timed(profile.projector.rebuild) for _ in range(2))
            saved = statistics_handlers.count_answer, statistics_handlers.word_rescheduled
            statistics_handlers.count_answer = lambda *a: None  # type: ignore[assignment]
            statistics_handlers.word_rescheduled = lambda *a: None  # type: ignore[assignment]
            try:
                without = min(_timed(profile.projector.rebuild) for _ in range(2))
            finally:
                statistics_handlers.count_answer, statistics_handlers.word_rescheduled = saved
                profile.projector.rebuild()
        finally:
            profile.close()
    print(f"rebuild of {events:,} events: {with_stats:.2f} s with the statistics read models, "
          f"{without:.2f} s without ({with_stats / without:.2f}x)")


def _timed(action: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    action()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--as-of", action="store_true", help="also time replaying to a past moment (slow)")
    parser.add_argument("--rebuild-cost", type=int, metavar="EVENTS",
                        help="only time a rebuild of a history this size with and without the statistics tables")
    parser.add_argument("--profile", type=Path, help="use this copy of a built history instead of build_profile()")
    args = parser.parse_args()
    if args.rebuild_cost:
        bench_rebuild_cost(args.rebuild_cost)
        return
    work = Path(os.environ.get("EFFECT_BENCH_WORK", "/tmp/effect_bench_statistics"))
    path = args.profile or build_profile(work / "statistics.effect.sqlite3", args.events)
    bench_figures(path, args.runs)
    if args.as_of:
        bench_as_of(path)


if __name__ == "__main__":
    main()
