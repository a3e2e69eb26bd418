"""Turning command-line strings into values, with messages a person can act on."""

from __future__ import annotations

import argparse
import unicodedata
from datetime import datetime
from pathlib import Path
from uuid import UUID

from ..projections.views import MAX_SEARCH

# Times a command accepts: wide enough for any study history, narrow enough that the
# figures computed around them (a year's range, a forecast, a day's start) stay in
# datetime's range instead of failing with an OverflowError deep inside.
EARLIEST = datetime(1900, 1, 1)
LATEST = datetime(2999, 12, 31, 23, 59, 59)
MAX_DAYS = 365 * 1000  # a day count (e.g. `compact --older-than`) reaching back past year 1 overflows
MAX_COUNT = 10**12  # more than any history holds; SQLite's integers end near 9.2 * 10**18
MIN_DIFFICULTY, MAX_DIFFICULTY = 1, 5


def uuid_arg(value: str) -> UUID:
    try:
        return UUID(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an id (expected a UUID like 0190c0de-...)") from None


def uuid_list(value: str) -> list[UUID]:
    return [uuid_arg(part) for part in value.split(",") if part.strip()]


def word_ids_arg(value: str) -> list[UUID]:
    """`--words ""` (an empty variable in a script) must not quietly mean "the due queue"."""
    ids = uuid_list(value)
    if not ids:
        raise argparse.ArgumentTypeError(
            "no word ids given; list them separated by commas, or leave --words out to study the due queue")
    return ids


def tag_arg(value: str) -> str:
    """A filter's tag. No word has an empty tag, and `--tag ""` (an empty variable in a script) quietly
    meant "every word" while `--category ""` means the words without a category: it is refused."""
    if not value.strip():
        raise argparse.ArgumentTypeError("the tag is empty; give a tag, or leave --tag out for every word")
    return value


def category_arg(value: str) -> str:
    """A filter's category, as words store theirs (NFC, without surrounding spaces): `--category ""`
    (or only spaces) means the words without a category, as the window's empty category does."""
    return unicodedata.normalize("NFC", value).strip()


def search_arg(value: str) -> str:
    """A word filter: a longer one can match no word, and SQLite refuses it as a "too complex" pattern."""
    if len(value.strip()) > MAX_SEARCH:
        raise argparse.ArgumentTypeError(f"the search text has {len(value.strip()):,} characters; "
                                         f"search for at most {MAX_SEARCH:,}")
    return value


def time_arg(value: str) -> datetime:
    """ISO date or date-time; without a zone it means the local time zone."""
    try:
        parsed = datetime.fromisoformat(value.strip())
        if EARLIEST <= parsed.replace(tzinfo=None) <= LATEST:
            return parsed if parsed.tzinfo else parsed.astimezone()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a time; use ISO form like 2026-11-27 or 2026-11-27T08:30"
        ) from None
    except OverflowError:  # in range as written, but not once moved to local time
        pass
    raise argparse.ArgumentTypeError(
        f"{value!r} is out of range; give a time from {EARLIEST:%Y-%m-%d} to {LATEST:%Y-%m-%d}")


def non_negative_int(value: str) -> int:
    """A count (`events --limit`, `--time-ms`): past SQLite's integers it failed as an OverflowError."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} must not be negative")
    if number > MAX_COUNT:
        raise argparse.ArgumentTypeError(f"{value} is too large; give at most {MAX_COUNT:,}")
    return number


def difficulty_arg(value: str) -> int:
    """A filter's difficulty, in the range a word's has: 9 listed no word, as if none were that hard."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not MIN_DIFFICULTY <= number <= MAX_DIFFICULTY:
        raise argparse.ArgumentTypeError(f"{value!r} is not a difficulty; give a whole number from "
                                         f"{MIN_DIFFICULTY} (easy) to {MAX_DIFFICULTY} (hard)")
    return number


def day_count(value: str) -> int:
    """A number of days to reach back from today: not negative, and not past the calendar's start."""
    number = non_negative_int(value)
    if number > MAX_DAYS:
        raise argparse.ArgumentTypeError(f"{value} days is too many; give at most {MAX_DAYS:,}")
    return number


def year_arg(value: str) -> int:
    """A calendar year: year 0 and before do not exist for a date (a traceback, before this)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= 9999:
        raise argparse.ArgumentTypeError(f"{value!r} is not a year; give one such as 2024")
    return number


def import_file_arg(value: str) -> Path:
    """`import ""` (an empty variable in a script) read as the current folder: "Cannot tell the format of ;"."""
    if not value.strip():
        raise argparse.ArgumentTypeError("the file name is empty; give the file to import")
    return Path(value)


def output_file_arg(value: str) -> Path:
    """`export --output ""` read as the current folder: ". is a folder"."""
    if not value.strip():
        raise argparse.ArgumentTypeError(
            "the output file name is empty; give a file, or leave --output out to write to standard output")
    return Path(value)


def data_dir_arg(value: str) -> Path:
    """`--data-dir ""` (an empty variable in a script) would put profiles in the current folder."""
    if not value.strip():
        raise argparse.ArgumentTypeError(
            "the data folder is empty; give a folder, or leave --data-dir out for the default "
            "($EFFECT_DATA_DIR or the platform's user data folder)")
    return Path(value)
