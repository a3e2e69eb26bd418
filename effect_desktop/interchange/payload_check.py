"""Checking every payload of an imported event log against its event model, a page at a time.

The log's rows are stored as they come (see persistence/raw_import.py) and
the read models are then rebuilt by SQL, which reads only the fields it needs;
so a payload that does not fit its model must be caught here, before the
transaction commits. Validating a page's payloads of one type as one JSON
array is several times cheaper than one call per payload; the error's index
still names the line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..domain.events import EventMetadata
from ..domain.registry import EventRegistry

Numbered = tuple[int, str, int, str, str]  # line number, event type, schema version, event_data, metadata


class PayloadInvalid(ValueError):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line


@cache
def _list_of(model: type[Any]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def check_payloads(registry: EventRegistry, rows: Sequence[Numbered]) -> None:
    """Raise PayloadInvalid naming the first line (in file order) whose payload or metadata is invalid."""
    failures: list[tuple[int, str]] = []
    groups: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
    for line, event_type, version, data, _ in rows:
        groups[(event_type, version)].append((line, data))
    for (event_type, version), members in groups.items():
        if version == registry.current_version(event_type):
            failure = _first_failure(_list_of(registry.model_for(event_type)), members)
            if failure is not None:
                failures.append(failure)
            continue
        for line, data in members:  # an older shape: through its upcasters, one by one (rare)
            try:
                registry.load(event_type, data, version)
            except (ValidationError, ValueError) as error:
                failures.append((line, _reason(error)))
                break
    failure = _first_failure(_list_of(EventMetadata), [(line, meta) for line, _, _, _, meta in rows])
    if failure is not None:
        failures.append(failure)
    if failures:
        line, reason = min(failures)
        raise PayloadInvalid(line, reason)


def _first_failure(adapter: TypeAdapter[list[Any]], members: list[tuple[int, str]]) -> tuple[int, str] | None:
    try:
        adapter.validate_json("[" + ",".join(text for _, text in members) + "]")
    except ValidationError as error:
        index = min(e["loc"][0] for e in error.errors() if e["loc"] and isinstance(e["loc"][0], int))
        return members[index][0], _reason(error)
    return None


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"][1:]) or "payload"
        return f"{where}: {first['msg']}"
    return str(error).splitlines()[0]
