"""Keeping the statistics read models in step: called from the answer and schedule handlers.

Kept apart from `handlers.py` so the statistics screen's counters grow
without crowding the core projections. Everything goes through the same
`Context` (and so the same cache), so a rebuild gives what live updates gave.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from pydantic_core import from_json, to_json

from ..domain.scheduling.base import ReviewState
from .tables import RESPONSE_TIME_BANDS

if TYPE_CHECKING:
    from .handlers import Context

ALL_WORDS = ""
"""The facet every answer counts under."""

# Upper bounds (exclusive, ms) of the response-time bands; the last band is open.
RESPONSE_BUCKET_EDGES_MS = (1_000, 2_000, 3_000, 5_000, 8_000, 13_000, 20_000, 30_000, 60_000)
assert len(RESPONSE_BUCKET_EDGES_MS) + 1 == RESPONSE_TIME_BANDS
_ZERO = {"answers": 0, "correct": 0, "response_ms": 0, **{f"rt_{band}": 0 for band in range(RESPONSE_TIME_BANDS)}}


def category_facet(category: str) -> str:
    return f"c:{category}"


def tag_facet(key: str) -> str:
    """`key` is the folded tag key (`text_fold.tag_key`)."""
    return f"t:{key}"


def response_bucket(ms: int) -> int:
    return bisect.bisect_right(RESPONSE_BUCKET_EDGES_MS, ms)


def facets_of(ctx: Context, word_id: Any) -> list[str]:
    """The word's category and tag facets as it is now: every answer of the word counts under them
    (`move_answers` keeps it so when they change), as Anki's filtered statistics count a card's
    reviews under its current deck and tags. "As the word was when answered" depended on the order
    a device applied an edit and an answer made offline on two devices: devices disagreed."""
    from .handlers import tag_key  # noqa: PLC0415  (handlers imports this module)

    word = ctx.get("rm_words", word_id)
    if word is None:
        return []
    facets = [tag_facet(tag_key(tag)) for tag in from_json(word["tags"])]
    facets.append(category_facet(word["category"]))  # "c:" for the words without one (`stats --category ''`)
    return facets


def count_answer(ctx: Context, facets: list[str], day: str, correct: bool, ms: int, sign: int) -> None:
    """Add (sign +1) or take back (sign -1, a retraction) one answer, for every word and under
    `facets` (its word's)."""
    totals = {"answers": sign, "correct": sign if correct else 0, "response_ms": sign * ms,
              f"rt_{response_bucket(ms)}": sign}
    for facet in (ALL_WORDS, *facets):
        _add(ctx, facet, day, totals)


def _add(ctx: Context, facet: str, day: str, totals: dict[str, int]) -> None:
    found = ctx.get("rm_daily_facets", facet, day)
    row: dict[str, Any] = dict(found) if found is not None else {"facet": facet, "study_day": day, **_ZERO}
    for column, amount in totals.items():
        row[column] += amount
    if row["answers"] == 0:  # nothing left to count (a retraction, a move): no row, as a rebuild gives
        ctx.delete("rm_daily_facets", facet, day)
    else:
        ctx.put("rm_daily_facets", row)


_FACETS = ("facets",)  # what a move changes in an answer's row

def move_answers(ctx: Context, word_id: Any, old: list[str], new: list[str]) -> None:
    """The word's category or tags changed from `old` to `new`: its answers now count under the new
    (summed per study day first: a word answered for years moves in a few hundred row updates)."""
    if old == new:
        return
    per_day: dict[str, dict[str, int]] = {}
    stored = to_json(new).decode()
    for answer in ctx.cache["rm_answers"].rows_where(ctx.connection, "word_id", word_id):
        if not answer["retracted"]:
            totals = per_day.setdefault(answer["study_day"], dict.fromkeys(_ZERO, 0))
            ms = answer["response_time_ms"]
            totals["answers"] += 1
            totals["correct"] += 1 if answer["is_correct"] else 0
            totals["response_ms"] += ms
            totals[f"rt_{response_bucket(ms)}"] += 1
        ctx.put_changed("rm_answers", {**answer, "facets": stored}, _FACETS)
    gone = [facet for facet in old if facet not in new]
    came = [facet for facet in new if facet not in old]
    for day, totals in per_day.items():
        for facet in gone:
            _add(ctx, facet, day, {column: -amount for column, amount in totals.items()})
        for facet in came:
            _add(ctx, facet, day, totals)


def word_rescheduled(ctx: Context, word_id: Any, state: ReviewState) -> None:
    """The word's review and lapse totals, as folded by the scheduler with its schedule."""
    if state.reviews == 0:
        ctx.delete("rm_word_stats", word_id)
        return
    ctx.put("rm_word_stats", {"word_id": word_id, "reviews": state.reviews, "lapses": state.lapses})
