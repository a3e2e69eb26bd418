"""Checking every payload of a batch of foreign events against its model, before storing them.

An imported event log and a large sync pull store rows as they come and then
rebuild the read models by SQL, which reads only the fields it needs; so a
payload that does not fit its model must be caught here, before the
transaction commits. (Validating a type's payloads as one JSON array was
measured slower than one call each: pydantic's list path costs more than the
calls it saves.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from pydantic import ValidationError

from .events import EventMetadata
from .registry import EventRegistry

Numbered = tuple[int, str, int, str, str]  # number (line, position), event type, schema version, data, metadata

_validate_metadata = EventMetadata.model_validate_json

# The ids the table rebuild turns into keys by SQL, which reads hex digits (dashes allowed). pydantic
# also reads a UUID in braces or as a URN: such a payload fits its model, but no rebuild could project
# it (an import failed with the rebuild's SQL statement for its message), so it is refused here.
_SQL_IDS = ("session_id", "word_id", "answer_event_id", "causation_id")
_ID_FORM = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")


class PayloadInvalid(ValueError):
    def __init__(self, line: int, reason: str, unknown_fields: list[str] | None = None) -> None:
        super().__init__(reason)
        self.line = line
        self.unknown_fields = unknown_fields  # when fields this version does not know are all that is wrong


def check_payloads(registry: EventRegistry, rows: Sequence[Numbered]) -> None:
    """Raise PayloadInvalid naming the first row (by its number: a file line, a log position) whose
    payload or metadata does not fit. An unknown type or a newer schema version raises the
    registry's own error."""
    load = registry.load
    current = registry.current_versions()
    for number, event_type, version, data, metadata in rows:
        try:
            load(event_type, data, version)
            _validate_metadata(metadata)
        except ValidationError as error:
            raise PayloadInvalid(number, _reason(error), _only_unknown_fields(error)) from None
        # (a payload of an older schema version is read through its upcasters, never by the SQL)
        odd = (odd_id(data) if current.get(event_type) == version else None) or odd_id(metadata)
        if odd:
            raise PayloadInvalid(number, odd)


def odd_id(document: str) -> str | None:
    """What is wrong with an id the rebuild reads, in a document that fits its model, if anything.
    Looked at only where a brace opens a string, a URN or an escape appears (a fraction of a
    microsecond per document otherwise)."""
    if '"{' not in document and "urn:" not in document and "\\u" not in document:
        return None
    fields = json.loads(document)
    for field in _SQL_IDS:
        value = fields.get(field) if isinstance(fields, dict) else None
        if isinstance(value, str) and not _ID_FORM.fullmatch(value):
            return f"{field}: {value!r} is not an id as the app writes them (32 hex digits, dashes allowed)"
    return None


def _only_unknown_fields(error: ValidationError) -> list[str] | None:
    found = error.errors()
    if found and all(e["type"] == "extra_forbidden" for e in found):
        return [".".join(str(part) for part in e["loc"]) for e in found]
    return None


def _reason(error: ValidationError, most: int = 3) -> str:
    """The first few problems, in field order (pydantic's own order differs between versions)."""
    problems = sorted((".".join(str(part) for part in e["loc"]) or "payload", e["msg"]) for e in error.errors())
    return "; ".join(f"{where}: {message}" for where, message in problems[:most])
