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
    """`key` is the folded tag key (`handlers.tag_key`)."""
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
    if word["category"]:
        facets.append(category_facet(word["category"]))
    return facets


def count_answer(ctx: Context, facets: list[str], day: str, correct: bool, ms: int, sign: int,
                 every_word: bool = True) -> None:
    """Add (sign +1) or take back (sign -1, a retraction) one answer under `facets` (its word's) and,
    with `every_word`, under the facet of every word."""
    band = f"rt_{response_bucket(ms)}"
    for facet in (ALL_WORDS, *facets) if every_word else facets:
        found = ctx.get("rm_daily_facets", facet, day)
        row: dict[str, Any] = dict(found) if found is not None else {"facet": facet, "study_day": day, **_ZERO}
        row["answers"] += sign
        row["correct"] += sign if correct else 0
        row["response_ms"] += sign * ms
        row[band] += sign
        if row["answers"] == 0:  # nothing left to count (a retraction, a move): no row, as a rebuild gives
            ctx.delete("rm_daily_facets", facet, day)
        else:
            ctx.put("rm_daily_facets", row)


def move_answers(ctx: Context, word_id: Any, old: list[str], new: list[str]) -> None:
    """The word's category or tags changed from `old` to `new`: its answers now count under the new."""
    if old == new:
        return
    gone = [facet for facet in old if facet not in new]
    came = [facet for facet in new if facet not in old]
    stored = to_json(new).decode()
    for answer in ctx.cache["rm_answers"].rows_where(ctx.connection, "word_id", word_id):
        if not answer["retracted"]:
            for facets, sign in ((gone, -1), (came, +1)):
                count_answer(ctx, facets, answer["study_day"], answer["is_correct"], answer["response_time_ms"],
                             sign, every_word=False)
        ctx.put("rm_answers", {**answer, "facets": stored})


def word_rescheduled(ctx: Context, word_id: Any, state: ReviewState) -> None:
    """The word's review and lapse totals, as folded by the scheduler with its schedule."""
    if state.reviews == 0:
        ctx.delete("rm_word_stats", word_id)
        return
    ctx.put("rm_word_stats", {"word_id": word_id, "reviews": state.reviews, "lapses": state.lapses})
