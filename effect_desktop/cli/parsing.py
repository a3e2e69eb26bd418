"""Turning command-line strings into values, with messages a person can act on."""

from __future__ import annotations

import argparse
from datetime import datetime
from uuid import UUID


def uuid_arg(value: str) -> UUID:
    try:
        return UUID(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an id (expected a UUID like 0190c0de-...)") from None


def uuid_list(value: str) -> list[UUID]:
    return [uuid_arg(part) for part in value.split(",") if part.strip()]


def time_arg(value: str) -> datetime:
    """ISO date or date-time; without a zone it means the local time zone."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a time; use ISO form like 2026-11-27 or 2026-11-27T08:30"
        ) from None
    return parsed if parsed.tzinfo else parsed.astimezone()


def non_negative_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} must not be negative")
    return number
