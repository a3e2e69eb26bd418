"""`effect-desktop stats`: the Statistics screen's figures, for people or (with --json) scripts."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from typing import Any

from ..projections.handlers import tag_key
from ..projections.statistics_queries import WordScope
from ..statistics.asof import has_easiness, queries_as_of, scheduler_at
from ..statistics.figures import (
    Granularity,
    Range,
    Report,
    Statistics,
    StatsRequest,
    bucket_label,
    easiness_label,
    interval_label,
)
from ..wording import counted
from .context import CliContext
from .filters import spelled_category
from .output import print_json, print_table
from .parsing import category_arg, tag_arg, time_arg, year_arg

BAR_WIDTH = 30


def register(commands: Any) -> None:
    stats = commands.add_parser("stats", help="learning statistics: activity, accuracy, forecast, hardest words")
    stats.add_argument("--json", action="store_true", help="every figure as one JSON object")
    stats.add_argument("--as-of", type=time_arg, metavar="TIME",
                       help="as things were at this moment (ISO date or date-time; replayed from the nearest "
                            "time-travel checkpoint before it, if any)")
    stats.add_argument("--range", choices=[r.value for r in Range], default=Range.YEAR.value,
                       help="the period of the activity figures (default: %(default)s)")
    stats.add_argument("--by", choices=[g.value for g in Granularity], default=None,
                       help="group activity by day, week or month (default: day for 30d, week otherwise)")
    stats.add_argument("--heatmap-year", type=year_arg, metavar="YEAR",
                       help="the heatmap (--json) of this calendar year instead of the last 365 days")
    scope = stats.add_mutually_exclusive_group()
    scope.add_argument("--category", type=category_arg,
                       help="only words of this category ('' for the words without one)")
    scope.add_argument("--tag", type=tag_arg, help="only words with this tag")
    stats.set_defaults(handler=show_stats)


def show_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    profile = ctx.profile()
    range_ = Range(args.range)
    granularity = Granularity(args.by) if args.by else (Granularity.DAY if range_ is Range.DAYS_30
                                                         else Granularity.WEEK)
    queries = profile.queries
    now = profile.service.clock()
    scheduler = profile.projector.scheduler.name
    if args.as_of is not None and args.as_of > now:  # as `state` and the window: the past only
        print(f"effect-desktop: note: {args.as_of:%Y-%m-%d %H:%M} is still to come; these are the statistics "
              "as of now", file=sys.stderr)
    elif args.as_of is not None:
        now = args.as_of.astimezone()  # "…Z" names the instant; its study day is the learner's, here
        queries = queries_as_of(profile, now)
        scheduler = scheduler_at(profile, now)
    args.category = spelled_category(args.category, profile.queries.categories(with_none=True))
    request = StatsRequest(now, range_, granularity, WordScope(args.category, args.tag),
                           profile.service.day_start_hour, heatmap_year=args.heatmap_year)
    statistics = Statistics(queries, profile.user_id)
    if statistics.needs_rebuild():
        print("effect-desktop: warning: this profile's statistics read models are empty (it was studied with an "
              "older version); run `effect-desktop rebuild` once to fill them", file=sys.stderr)
    report = statistics.report(request)
    if args.heatmap_year is not None and args.heatmap_year > report.last.year:
        print(f"effect-desktop: note: {args.heatmap_year} is still to come; the heatmap is of "
              f"{report.last.year} so far", file=sys.stderr)
    _say_if_unknown(args, queries.categories(with_none=True), queries.tags())
    if args.json:
        print_json(report_json(report, scheduler))
    else:
        print_report(report, scheduler)
    return 0


def _say_if_unknown(args: argparse.Namespace, categories: list[str], tags: list[str]) -> None:
    """Figures count answers under their words' current category and tags: a name no word has now
    gives zeros, which should not pass for a quiet month."""
    if args.category is not None and args.category not in categories:
        print(f"effect-desktop: note: no word has the category {args.category!r} now; the categories are "
              f"{', '.join(repr(c) for c in categories if c) or 'none yet'}", file=sys.stderr)
    if args.tag is not None and tag_key(args.tag) not in {tag_key(t) for t in tags}:
        print(f"effect-desktop: note: no word has the tag {args.tag!r} now (see `effect-desktop words list`)",
              file=sys.stderr)


def report_json(report: Report, scheduler: str = "sm2") -> dict[str, Any]:
    """Under FSRS the easiness is null: FSRS keeps none (every word read 2.5), as the window leaves it out."""
    r = report.request
    easy = has_easiness(scheduler)
    return {
        "as_of": r.now, "scheduler": scheduler, "today": report.last, "range": r.range.value, "first_day": report.first,
        "granularity": r.granularity.value, "category": r.scope.category, "tag": r.scope.tag,
        "summary": {"answers": report.summary.answers, "correct": report.summary.correct,
                    "accuracy": report.summary.accuracy, "study_minutes": report.summary.study_minutes,
                    "words": report.summary.words, "streak_days": report.summary.streak_days,
                    "due_today": report.summary.due_today},
        "heatmap": {"first": report.heatmap.first, "last": report.heatmap.last,
                    "answers": {day.isoformat(): n for day, n in sorted(report.heatmap.answers.items())},
                    "streak": {"days": report.heatmap.streak_days, "first": report.heatmap.streak_first,
                               "last": report.heatmap.streak_last}},
        "activity": [{"start": p.start, "answers": p.answers, "correct": p.correct, "accuracy": p.accuracy,
                      "minutes": p.minutes} for p in report.activity],
        "response_times_ms": [{"from": b.low, "to": b.high, "answers": b.count} for b in report.response_times],
        "forecast": {"first": report.forecast.first, "overdue": report.forecast.overdue,
                     "due": report.forecast.due},
        "intervals_days": [{"from": b.low, "to": b.high, "words": b.count} for b in report.intervals],
        "easiness": [{"from": b.low, "to": b.high, "words": b.count} for b in report.easiness] if easy else None,
        "hardest_words": [{"word_id": w.word_id, "text": w.text, "meaning": w.meaning, "lapses": w.lapses,
                           "reviews": w.reviews, "easiness_factor": w.easiness_factor if easy else None,
                           "interval_days": w.interval_days} for w in report.hardest],
    }


def _bar(count: int, most: int) -> str:
    return "█" * (round(BAR_WIDTH * count / most) if most else 0)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


ACTIVITY_ROWS = 20  # the table's newest active periods: a screenful; --json gives every one


def print_report(report: Report, scheduler: str = "sm2") -> None:
    r, s = report.request, report.summary
    easy = has_easiness(scheduler)
    scope = (f"category {r.scope.category!r}" if r.scope.category is not None
             else f"tag {r.scope.tag!r}" if r.scope.tag else "all words")
    since = report.first.isoformat() if report.first else "-"
    print(f"Statistics as of {r.now:%Y-%m-%d %H:%M} ({scope}; {since} to {report.last}, by {r.granularity.value})")
    print(f"  answers {s.answers}, correct {s.correct} ({_percent(s.accuracy)}), studied {s.study_minutes:g} min, "
          f"words {s.words}, streak {counted(s.streak_days, 'day')}, due today {s.due_today}")
    active = [p for p in report.activity if p.answers or p.minutes]
    shown = f"; the last {ACTIVITY_ROWS} shown, --json has all" if len(active) > ACTIVITY_ROWS else ""
    print(f"\nActivity ({len(active)} active of {counted(len(report.activity), r.granularity.value)}{shown})")
    most = max((p.answers for p in active), default=0)
    print_table(["FROM", "ANSWERS", "ACCURACY", "MINUTES", ""],
                [[p.start, p.answers, _percent(p.accuracy), f"{p.minutes:g}", _bar(p.answers, most)]
                 for p in active[-ACTIVITY_ROWS:]])
    _histogram("Response times", [(bucket_label(b, "s", 1000), b.count) for b in report.response_times])
    f = report.forecast
    print(f"\nDue reviews, next {len(f.due)} days (overdue now: {f.overdue})")
    most = max(f.due, default=0)
    print_table(["DAY", "DUE", ""], [[_day(f.first, i), n, _bar(n, most)] for i, n in enumerate(f.due) if n])
    _histogram("Intervals", [(interval_label(b), b.count) for b in report.intervals])
    if easy:  # FSRS keeps no easiness: its histogram was one bar of 2.5
        _histogram("Easiness", [(easiness_label(b), b.count) for b in report.easiness])
    print("\nHardest words")
    print_table(["WORD", "MEANING", "LAPSES", "REVIEWS", *(["EASE"] if easy else []), "ID"],
                [[w.text, w.meaning, w.lapses, w.reviews, *([f"{w.easiness_factor:.2f}"] if easy else []), w.word_id]
                 for w in report.hardest])


def _day(first: date, offset: int) -> str:
    return (first + timedelta(days=offset)).isoformat()


def _histogram(title: str, rows: list[tuple[str, int]]) -> None:
    print(f"\n{title}")
    most = max((n for _, n in rows), default=0)
    print_table(["", "COUNT", ""], [[label, n, _bar(n, most)] for label, n in rows])

