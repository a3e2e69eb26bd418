"""An Anki collection's review log (`revlog`), as each note's answers.

A collection exported with its scheduling ("Include scheduling information", or a whole
collection package) keeps every review: when (its id, in milliseconds since 1970), the button
pressed (`ease`), how long the card was looked at (`time`, ms) and what kind of review it was
(`type`: 0 learning, 1 review, 2 relearning, 3 in a filtered deck; 4 and 5 are the schedule set
by hand, "Set Due Date" or "Forget", not answers). A review becomes an answer to the note's word:
Again is wrong, Hard, Good and Easy are right, with that grade. Anki's old scheduler (v1) had
three buttons while a card was being learnt, and in a filtered deck: 2 was Good and 3 Easy there.
Cramming or previewing in a filtered deck that does not reschedule (type 3 with no ease factor)
left the schedule alone in Anki (rslib's `has_rating_and_affects_scheduling`); here every first
answer of a sitting moves it, so those are left out.

The moment of each review is kept with this computer's clock offset at that moment (Anki stores
none), so each answer falls on the study day it fell on for the learner.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

from ..domain.events import Grade
from ..domain.scheduling.base import Review
from ..domain.session import MAX_RESPONSE_MS

GRADES = {1: Grade.AGAIN, 2: Grade.HARD, 3: Grade.GOOD, 4: Grade.EASY}
V1_THREE_BUTTONS = {1: Grade.AGAIN, 2: Grade.GOOD, 3: Grade.EASY, 4: Grade.EASY}  # types 0, 2 and 3 under v1
ANSWER_TYPES = (0, 1, 2, 3)
FILTERED = 3
FIRST_ANKI = datetime(2006, 1, 1, tzinfo=UTC)  # no review is older than Anki


def read_reviews(connection: sqlite3.Connection, tables: set[str], now: datetime) -> dict[int, list[Review]]:
    """Every review of every card, by the card's note, oldest first; nothing without a revlog. Left out:
    entries that set a schedule by hand, or cramming that left it alone (not answers), and entries dated
    before Anki existed or after today (a wrong clock)."""
    by_note: dict[int, list[Review]] = {}
    if "revlog" not in tables:
        return by_note
    v1 = _scheduler_version(connection, tables) == 1
    latest = now.astimezone(UTC) + timedelta(days=1)
    rows = connection.execute("SELECT c.nid, r.id, r.ease, r.time, r.type, r.factor FROM revlog AS r "
                              "JOIN cards AS c ON c.id = r.cid ORDER BY r.id")
    for note_id, review_id, ease, milliseconds, kind, factor in rows:
        if kind not in ANSWER_TYPES or ease not in GRADES or (kind == FILTERED and not factor):
            continue
        try:
            moment = datetime.fromtimestamp(review_id / 1000, UTC)
        except (OverflowError, OSError, ValueError, TypeError):
            moment = None
        if moment is None or not FIRST_ANKI <= moment <= latest:
            continue
        grade = (V1_THREE_BUTTONS if v1 and kind in (0, 2, FILTERED) else GRADES)[ease]
        spent = milliseconds if isinstance(milliseconds, int) else 0
        by_note.setdefault(note_id, []).append(Review(
            answered_at=moment, is_correct=grade is not Grade.AGAIN,
            response_time_ms=min(max(spent, 0), MAX_RESPONSE_MS), grade=grade,
            utc_offset_minutes=_local_offset(moment)))
    return by_note


def _local_offset(moment: datetime) -> int:
    offset = moment.astimezone().utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def _scheduler_version(connection: sqlite3.Connection, tables: set[str]) -> int:
    """1 or 2 (v3 answers as v2 does): from the collection's configuration; a collection that does
    not say is from before v2 existed, as Anki itself reads it (rslib's `scheduler_version`)."""
    try:
        if "config" in tables:  # schema 18: one row per key, the value JSON
            row = connection.execute("SELECT val FROM config WHERE KEY = 'schedVer'").fetchone()
            return int(json.loads(row[0])) if row else 1
        row = connection.execute("SELECT conf FROM col").fetchone()
        return int(json.loads(row[0]).get("schedVer", 1)) if row else 1
    except (ValueError, TypeError, AttributeError, sqlite3.Error):
        return 2
