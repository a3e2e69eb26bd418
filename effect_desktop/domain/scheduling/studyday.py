"""Local study days.

A study day starts at a configurable local hour (4:00 by default, as Anki
does), so a session after midnight still counts for the evening before. The
day is computed from the learner's wall clock at the moment of the answer
(the UTC time plus the offset in force then), which stays right across DST
changes and time-zone moves: an answer at 23:30 in Tokyo belongs to that
Tokyo day even if the laptop is in London when the history is replayed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

DEFAULT_DAY_START_HOUR = 4


def study_day(at: datetime, utc_offset_minutes: int, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> date:
    """The local study day of instant `at` (the wall time shifted back by the day-start hour)."""
    if at.tzinfo is not UTC:
        at = at.astimezone(UTC)
    return (at + timedelta(minutes=utc_offset_minutes - 60 * day_start_hour)).date()


def day_start_utc(day: date, utc_offset_minutes: int, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> datetime:
    """When `day` begins, as an aware UTC instant, for a learner at this offset."""
    wall = datetime.combine(day, time(hour=day_start_hour))
    return (wall - timedelta(minutes=utc_offset_minutes)).replace(tzinfo=UTC)


def day_as_datetime(day: date) -> datetime:
    """A date stored in a datetime field: midnight UTC of that date."""
    return datetime.combine(day, time(), tzinfo=UTC)


def offset_minutes(at: datetime) -> int:
    """The UTC offset of an aware datetime, in whole minutes."""
    offset = at.utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0
