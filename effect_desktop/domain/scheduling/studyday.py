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


def local_wall_time(at: datetime, utc_offset_minutes: int) -> datetime:
    """The naive wall-clock time the learner saw at `at` (aware)."""
    return (at.astimezone(UTC) + timedelta(minutes=utc_offset_minutes)).replace(tzinfo=None)


def study_day(at: datetime, utc_offset_minutes: int, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> date:
    """The local study day of instant `at` (the wall time shifted back by the day-start hour)."""
    if at.tzinfo is not UTC:
        at = at.astimezone(UTC)
    return (at + timedelta(minutes=utc_offset_minutes - 60 * day_start_hour)).date()


def day_start_utc(day: date, utc_offset_minutes: int, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> datetime:
    """When `day` begins, as an aware UTC instant, for a learner at this offset."""
    wall = datetime.combine(day, time(hour=day_start_hour))
    return (wall - timedelta(minutes=utc_offset_minutes)).replace(tzinfo=UTC)


def due_cutoff(now: datetime, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> datetime:
    """Reviews scheduled before this instant are due at `now` (aware, in the learner's offset).

    A scheduler sets a review for the start of a study day at the offset of the answer
    (`day_start_utc`). After a DST change or a move to another time zone that instant no longer
    falls on a day start here: in autumn it read as 3:00, and words came due an hour before their
    study day began (and in the evening before, after a flight from Tokyo to London). So a review
    is due when its day has begun: compared with the middle of today's study day, whatever the
    offset it was scheduled at (any offset change of less than twelve hours gives the same day).
    With the offset unchanged, this is the same as comparing with `now`."""
    offset = offset_minutes(now)
    today = study_day(now, offset, day_start_hour)
    return day_start_utc(today, offset, day_start_hour) + timedelta(hours=12)


def day_as_datetime(day: date) -> datetime:
    """A date stored in a datetime field: midnight UTC of that date."""
    return datetime.combine(day, time(), tzinfo=UTC)


def offset_minutes(at: datetime) -> int:
    """The UTC offset of an aware datetime, in whole minutes."""
    offset = at.utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0
