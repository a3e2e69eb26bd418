"""From a stored `event_type` and JSON back to a typed event.

Stored events are never rewritten, so when a payload model changes its shape
the old rows must still load: each event type has a schema version, and an
upcaster per older version turns the stored dict into the next version's
shape before validation. A row of an unknown type is an explicit error rather
than a silently skipped fact.

A field added to a payload, even one with a default, is a new schema version
with its upcaster: an older app then says "written by a newer Effect Desktop;
update the app" before reading it. (`generation` was added to SchedulerChanged
without one, and the versions before it read the field as damage; a stored
event holding only fields this version does not know is now told apart from
damage too: persistence.errors.EventFromNewerVersion.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import from_json

from .errors import DomainError
from .events import ALL_EVENT_TYPES, EventData

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]


class UnknownEventType(DomainError):
    """A stored event names a type this version of the app does not know."""


class UnsupportedSchemaVersion(DomainError):
    """A stored event is newer than this app, or no upcaster reaches the current shape."""


@dataclass
class _Entry:
    model: type[EventData]
    upcasters: dict[int, Upcaster] = field(default_factory=dict)


class EventRegistry:
    def __init__(self, models: tuple[type[EventData], ...] = ALL_EVENT_TYPES) -> None:
        self._entries: dict[str, _Entry] = {m.event_type: _Entry(m) for m in models}

    def register(self, model: type[EventData]) -> None:
        self._entries[model.event_type] = _Entry(model)

    def add_upcaster(self, event_type: str, from_version: int, upcaster: Upcaster) -> None:
        """Teach the registry to lift `event_type` from `from_version` to `from_version + 1`."""
        self._entry(event_type).upcasters[from_version] = upcaster

    def model_for(self, event_type: str) -> type[EventData]:
        return self._entry(event_type).model

    def current_version(self, event_type: str) -> int:
        return self._entry(event_type).model.schema_version

    def current_versions(self) -> dict[str, int]:
        """Every known event type with the schema version its model reads today."""
        return {name: entry.model.schema_version for name, entry in self._entries.items()}

    def json_loader(self, event_type: str, version: int) -> Callable[[str | bytes], EventData]:
        """Stored JSON of this type and version to its payload. The current version goes straight
        to the model's validator: an aggregate load calls it once per event, and the generic
        `load` around it was a third of the call."""
        entry = self._entry(event_type)
        if version == entry.model.schema_version:
            return entry.model.__pydantic_validator__.validate_json  # type: ignore[no-any-return]
        return lambda data: self.load(event_type, data, version)

    def load(self, event_type: str, data: str | bytes | dict[str, Any], version: int) -> EventData:
        """A typed payload from stored JSON (text, bytes or an already decoded dict)."""
        entry = self._entry(event_type)
        current = entry.model.schema_version
        if version == current:
            if isinstance(data, dict):
                return entry.model.model_validate(data)
            return entry.model.model_validate_json(data)
        if version > current:
            raise UnsupportedSchemaVersion(
                f"{event_type} v{version} was written by a newer Effect Desktop "
                f"(this one reads up to v{current}); update the app."
            )
        shape = data if isinstance(data, dict) else from_json(data)
        for step in range(version, current):
            upcaster = entry.upcasters.get(step)
            if upcaster is None:
                raise UnsupportedSchemaVersion(f"no upcaster for {event_type} v{step} -> v{step + 1}")
            shape = upcaster(dict(shape))
        return entry.model.model_validate(shape)

    def _entry(self, event_type: str) -> _Entry:
        try:
            return self._entries[event_type]
        except KeyError:
            raise UnknownEventType(
                f"unknown event type {event_type!r}: this profile holds events from a newer "
                "or different app version"
            ) from None


def default_registry() -> EventRegistry:
    return EventRegistry()
