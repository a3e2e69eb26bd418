"""Checking a pulled page's payloads before any of it is stored.

A large pull stores its rows as they come and leaves the read models to one
rebuild by SQL, which reads only the fields it needs; so every payload and
metadata document is validated against its model first, and a page holding
one this version cannot read is refused whole, with a message.

Same verdicts as `domain.payload_check.check_payloads` (which names the
problem when a row fails: it is called again on that row), but through each
type's validator directly: the generic per-row path around the validators
was half of the check's time. A pull runs this in its fetching thread, on
page k+1 while page k is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError

from ..domain.events import EventMetadata
from ..domain.payload_check import PayloadInvalid, check_payloads, odd_id
from ..domain.registry import EventRegistry, UnknownEventType, UnsupportedSchemaVersion
from .errors import SchemaMismatch

_validate_metadata = EventMetadata.__pydantic_validator__.validate_json


def check_pulled(registry: EventRegistry, rows: Sequence[Sequence[Any]]) -> None:
    """Raise SchemaMismatch if a row (position, event_id, aggregate_id, aggregate_type, event_type,
    event_data, metadata, created_at, version, schema_version) cannot be read by this version."""
    loaders: dict[tuple[str, int], Callable[[str], Any]] = {}
    try:
        for row in rows:
            key = (row[4], row[9])
            load = loaders.get(key)
            if load is None:
                load = loaders[key] = registry.json_loader(*key)
            try:
                load(row[5])
                _validate_metadata(row[6])
            except ValidationError:
                check_payloads(registry, [(row[0], row[4], row[9], row[5], row[6])])  # raises, naming it
                raise
        check_ids(registry, rows)
    except (UnknownEventType, UnsupportedSchemaVersion) as error:
        raise unreadable_type(error) from error
    except (PayloadInvalid, ValidationError) as error:
        raise unreadable_payload(error) from error


def check_ids(registry: EventRegistry, rows: Sequence[Sequence[Any]]) -> None:
    """Raise SchemaMismatch for a row that fits its model but holds an id no rebuild could read
    (in braces, as a URN: payload_check.odd_id); a pull projecting event by event took it in, and
    the next rebuild failed."""
    current = registry.current_versions()
    for row in rows:
        if (current.get(row[4]) == row[9] and odd_id(row[5])) or odd_id(row[6]):
            try:
                check_payloads(registry, [(row[0], row[4], row[9], row[5], row[6])])  # raises, naming it
            except PayloadInvalid as error:
                raise unreadable_payload(error) from error


def unreadable_type(error: Exception) -> SchemaMismatch:
    return SchemaMismatch(
        f"Another device synced events this Effect Desktop cannot read ({error}); update Effect "
        "Desktop on this computer. The sync stopped before that event (what came before it is kept, and "
        "so are your own events).")


def unreadable_payload(error: object) -> SchemaMismatch:
    return SchemaMismatch(
        f"The server sent an event this Effect Desktop cannot read ({error}); update Effect Desktop "
        "on this computer. The sync stopped before that event (what came before it is kept, and so are "
        "your own events).")
