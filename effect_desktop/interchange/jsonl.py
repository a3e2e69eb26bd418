"""The whole event log as JSON Lines, and back into an empty profile.

The first line is a header (format, version, the learner's id, the number of
events); each following line is one envelope exactly as the store returns it:
event_id, aggregate_id, aggregate_type, event_type, event_data, metadata,
created_at, version and position. Importing gives the same events (same ids,
versions, metadata and times), hence the same read models and the same
`verify` result: a lossless round trip. It goes only into an empty profile,
because the log is a history, not a list to merge; the learner's id comes
along, since some streams (the streak) are named after it.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from typing import IO, Any
from uuid import UUID

from pydantic import ValidationError
from pydantic_core import from_json, to_json

from ..bootstrap import Profile, rebuild_under_hour_in_force
from ..domain.errors import DomainError
from ..domain.events import ALL_EVENT_TYPES, EventData
from ..domain.payload_check import PayloadInvalid, check_payloads
from ..domain.registry import EventRegistry
from ..gc_pause import without_gc
from ..persistence.bulk_log_import import indexes_built_after, insert_page
from ..persistence.errors import StoreError
from ..persistence.log_rules import rule_breaks
from ..persistence.raw_import import Row, sqlite_row, stream_gaps
from ..persistence.raw_log import iter_export_lines
from ..projections.projector import ProjectionFailed
from .candidates import Progress, tick
from .errors import InterchangeError
from .files import refuse_the_profile, replacing
from .jsonl_pages import WORKER_FILE_SIZE, PageSource
from .jsonl_rows import Item, LineCutter

FORMAT = "effect-desktop/events"
FORMAT_VERSION = 1
PAGE = 20_000


def export_events(profile: Profile, out: IO[bytes], progress: Progress | None = None) -> int:
    """Write the header and every event as stored; returns how many were written."""
    total = profile.store.count()
    header = {"format": FORMAT, "version": FORMAT_VERSION, "user_id": str(profile.user_id), "events": total}
    out.write(to_json(header) + b"\n")
    written = 0
    lines: list[str] = []
    for line in iter_export_lines(profile.store, PAGE):
        lines.append(line)
        written += 1
        if written % PAGE == 0:
            out.write(("\n".join(lines) + "\n").encode())
            lines = []
            tick(progress, written, total)
    if lines:
        out.write(("\n".join(lines) + "\n").encode())
    tick(progress, written, total)
    return written


def export_events_to(profile: Profile, path: Path, progress: Progress | None = None) -> int:
    with replacing(path) as out:
        return export_events(profile, out, progress)


@without_gc  # a million rows pass through (see gc_pause.py)
def import_events(profile: Profile, path: Path, progress: Progress | None = None, *,
                  helpers: int | None = None) -> int:
    """Load an exported log into this (empty) profile, all or nothing; returns the event count.

    Every line is checked (ids, times, versions, a known type, the payload and
    metadata against their models) and stored as it is (so an older payload
    keeps its schema version and is upcast on reading, as in the original);
    the read models are rebuilt in the same transaction. `helpers` processes
    cut and check the lines while this one inserts them (by default 2 for a
    file over 64 MiB on a machine with more than one core, none otherwise;
    see jsonl_pages.py). The caller should
    reopen the profile afterwards (the learner's id changed)."""
    if profile.store.count():
        raise InterchangeError(
            f"This profile already holds {profile.store.count()} events; an event log can only be imported "
            "into a new, empty profile (create one with --profile NAME, then import).")
    refuse_the_profile(path, profile.path)
    try:
        handle = open(path, "rb")  # noqa: SIM115  (closed by the `with handle` below)
    except OSError as error:
        raise InterchangeError(f"{path} could not be read: {error.strerror or error}.") from None
    with handle:
        number, first = _first_line(handle)
        header = _header((number, first))
        offset, size = handle.tell(), os.fstat(handle.fileno()).st_size
    total = int(header.get("events") or 0)
    user_id = UUID(str(header["user_id"]))
    registry = profile.store.registry
    cutter = LineCutter(_own_models(registry))
    if helpers is None:
        helpers = 2 if size >= WORKER_FILE_SIZE and (os.cpu_count() or 1) > 1 else 0
    source = PageSource(path, offset, number + 1, cutter, helpers)
    count = 0
    versions: dict[bytes, int] | None = {}  # stream -> its last version so far, while every stream follows on
    try:
        with profile.store.transaction():
            with indexes_built_after(profile.store):
                for items in source:
                    rows = _checked(registry, items)
                    count += insert_page(profile.store, rows) if rows else 0
                    if versions is not None and not _follow_on(versions, rows):
                        versions = None  # stream_gaps below names what is wrong
                    tick(progress, count, total)
            if total and count != total:
                raise InterchangeError(f"The file holds {count} events but its header says {total}; "
                                       "it is incomplete (was the export interrupted?). Nothing was imported.")
            gaps: list[str] = stream_gaps(profile.store) if versions is None else []
            if gaps:
                raise InterchangeError(f"Some streams' versions do not follow on ({'; '.join(gaps)}): the log "
                                       "was cut or edited. Nothing was imported.")
            rebuild_under_hour_in_force(profile)  # the profile was empty: the fast path of a fresh replay
            broken = rule_breaks(profile.store)  # what no command could have written (a hand-edited file)
            if broken:
                rules = "; ".join(reason.rstrip(".") for reason in broken)  # "…remove it.. Was it edited"
                raise InterchangeError(f"The log holds events that break the app's rules: {rules}. "
                                       "Was it edited by hand? Nothing was imported.")
    except (StoreError, ProjectionFailed, DomainError, ValidationError) as error:
        if isinstance(error, InterchangeError):
            raise
        raise InterchangeError(f"The events could not be stored: {error} Nothing was imported.") from error
    except OSError as error:
        raise InterchangeError(f"{path} could not be read: {error.strerror or error}.") from None
    finally:
        source.close()
    profile.settings.set("user_id", str(user_id))
    profile.user_id = user_id
    profile.service.user_id = user_id
    tick(progress, count, total)
    return count


def _follow_on(versions: dict[bytes, int], rows: list[Row]) -> bool:
    """Whether each row's version is one more than its stream's last, as the file runs; `versions`
    keeps each stream's last. True for the whole file exactly when `stream_gaps` finds nothing (the
    index has refused a version twice by then), at a fifth of its cost: its SQL over a million
    events took 0.7 s after the last insert, this 0.2 s among them."""
    last = versions.get
    for row in rows:
        stream, version = row[1], row[7]
        if last(stream, 0) + 1 != version:
            return False
        versions[stream] = version
    return True


def _own_models(registry: EventRegistry) -> list[type[EventData]]:
    """The event types whose model in this profile's registry is the app's own (helper processes
    know only those); lines of other types take the general path here."""
    own = []
    for model in ALL_EVENT_TYPES:
        try:
            if registry.model_for(model.event_type) is model:
                own.append(model)
        except DomainError:
            continue
    return own


def _checked(registry: EventRegistry, items: list[Item]) -> list[Row]:
    """A page's rows: those cut by the fast path as they are, the other lines by the general path."""
    if all(len(item) == 9 for item in items):
        return items  # type: ignore[return-value]
    return [item if len(item) == 9 else _general_row(registry, *item) for item in items]  # type: ignore[misc]


def _general_row(registry: EventRegistry, number: int, line: bytes) -> Row:
    """Any line the fast path did not take: parsed, normalised and checked as a whole; a line that is
    not a valid event is named by its number."""
    try:
        row = sqlite_row(line, lambda event_type: _known(registry, event_type))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        reason = f"missing field {error}" if isinstance(error, KeyError) else _why_unreadable(str(error), line)
        raise InterchangeError(f"Line {number} is not a valid event ({reason}); nothing was imported.") from None
    try:
        check_payloads(registry, [(number, row[3], row[8], row[4], row[5])])
    except PayloadInvalid as error:
        raise InterchangeError(f"Line {error.line} is not a valid event ({error}); nothing was imported.") from None
    return row


# a \\uD800–\\uDFFF escape (half of a character written as two), after an even run of backslashes
_SURROGATE_ESCAPE = re.compile(rb"(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _why_unreadable(error: str, line: bytes) -> str:
    """The JSON parser's reason, or the cause it leaves unsaid: "unexpected end of hex escape at line 1
    column 248" for a word holding a lone \\ud800 (a text cut between the two halves of an emoji)."""
    if "hex escape" in error and _SURROGATE_ESCAPE.search(line):
        return ("its text holds a broken character: an unpaired surrogate (\\ud800 to \\udfff), half of a "
                "character written in two parts")
    if "invalid unicode code point" in error:
        return "its text holds a broken character: bytes that are not UTF-8"
    return error.splitlines()[0]


def _known(registry: EventRegistry, event_type: str) -> bool:
    try:
        registry.model_for(event_type)
    except DomainError:
        return False
    return True


def _first_line(handle: IO[bytes]) -> tuple[int, bytes]:
    """The header: the first line that is not blank, with its number. A UTF-8 byte-order mark before
    it (an export saved again by Windows Notepad) is not part of it: it was refused as "not an Effect
    Desktop event log"."""
    for number, line in enumerate(iter(handle.readline, b""), start=1):
        if number == 1:
            if line.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise InterchangeError("This event log was saved as UTF-16 (\"Unicode\"); save it as UTF-8 and "
                                       "import it again.")
            line = line.removeprefix(codecs.BOM_UTF8)
        if line.strip():
            return number, line
    return 1, b""


def _header(first: tuple[int, bytes]) -> dict[str, Any]:
    try:
        header = from_json(first[1])
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise InterchangeError("This is not an Effect Desktop event log (its first line is not the export "
                               "header); export one with `effect-desktop export --format jsonl`.")
    if int(header.get("version", 0)) > FORMAT_VERSION:
        raise InterchangeError("This event log was written by a newer Effect Desktop; update the app to import it.")
    try:
        UUID(str(header.get("user_id")))
    except ValueError:
        raise InterchangeError("The event log's header has no valid learner id; the file is damaged.") from None
    return header
