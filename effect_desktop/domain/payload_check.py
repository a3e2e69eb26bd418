"""Checking every payload of a batch of foreign events against its model, before storing them.

An imported event log and a large sync pull store rows as they come and then
rebuild the read models by SQL, which reads only the fields it needs; so a
payload that does not fit its model must be caught here, before the
transaction commits. (Validating a type's payloads as one JSON array was
measured slower than one call each: pydantic's list path costs more than the
calls it saves.)
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from .events import EventMetadata
from .registry import EventRegistry

Numbered = tuple[int, str, int, str, str]  # number (line, position), event type, schema version, data, metadata

_validate_metadata = EventMetadata.model_validate_json


class PayloadInvalid(ValueError):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line


def check_payloads(registry: EventRegistry, rows: Sequence[Numbered]) -> None:
    """Raise PayloadInvalid naming the first row (by its number: a file line, a log position) whose
    payload or metadata does not fit. An unknown type or a newer schema version raises the
    registry's own error."""
    load = registry.load
    for number, event_type, version, data, metadata in rows:
        try:
            load(event_type, data, version)
            _validate_metadata(metadata)
        except ValidationError as error:
            raise PayloadInvalid(number, _reason(error)) from None


def _reason(error: ValidationError, most: int = 3) -> str:
    """The first few problems, in field order (pydantic's own order differs between versions)."""
    problems = sorted((".".join(str(part) for part in e["loc"]) or "payload", e["msg"]) for e in error.errors())
    return "; ".join(f"{where}: {message}" for where, message in problems[:most])
