"""The aggregate base: state built by applying events, new events recorded as pending.

Applying checks that each stored event is exactly the next version, so a gap
or a reordering in a stream is caught instead of producing a wrong state.

Loading replays stored rows (`replay_stored`). Every stored payload was
validated before it reached the store, so for its hot event types an
aggregate may read the fields it keeps straight from the decoded JSON
(`json_appliers`) instead of building the validated model: validation was the
largest single cost of a load. That shortcut is taken only for rows of the
model's current schema version under a registry that maps the type to that
very model; older rows still go through the registry's upcasters and
validation, and an applier hands a payload back when its values are not in
the exact form it reads (an imported file may spell a UUID or a number
differently), so the state is always what the validated model would give.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Self
from uuid import UUID, SafeUUID

from pydantic_core import from_json

from .errors import DomainError
from .events import EventData
from .ids import new_id
from .registry import EventRegistry, UnknownEventType

# A stored event as a load reads it: (version, event_id's 16 bytes, event_type, schema_version,
# payload JSON text).
StoredEntry = tuple[int, bytes, str, int, str | bytes]
# Applies one decoded payload; False when it leaves the payload to the validated path.
JsonApplier = Callable[[Any, bytes, dict[str, Any]], bool]


@dataclass(frozen=True, slots=True)
class Recorded:
    """An event an aggregate has just decided on; its id is fixed at once so
    later events of the same command can name it as their cause."""

    event_id: UUID
    data: EventData


class StreamCorrupted(DomainError):
    """A stream's versions are not consecutive: the store handed back a broken history."""


def damage_of(error: ValueError) -> str:
    """What is wrong with a stored payload that does not load, in a few words: pydantic's first
    error ("Invalid JSON: key must be a string…", "text: Field required") rather than its headline."""
    details = getattr(error, "errors", None)
    if callable(details):
        first = details()[0] if details() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "__root__")
        return f"{where}: {first.get('msg', '')}" if where else str(first.get("msg", "")) or "no details"
    text = str(error).strip()
    return text.splitlines()[0] if text else "no details"


class Aggregate:
    aggregate_type: ClassVar[str]

    def __init__(self, aggregate_id: UUID) -> None:
        self.id = aggregate_id
        self.version = 0
        self.pending: list[Recorded] = []

    # --- rebuilding from history -------------------------------------------------
    def replay(self, events: list[tuple[int, UUID, EventData]]) -> Self:
        for version, event_id, data in events:
            if version != self.version + 1:
                raise StreamCorrupted(
                    f"{self.aggregate_type} {self.id}: expected version {self.version + 1}, got {version}"
                )
            self.apply(event_id, data)
            self.version = version
        return self

    def apply(self, event_id: UUID, data: EventData) -> None:
        raise NotImplementedError

    # Payload models this aggregate can apply from decoded, unvalidated JSON (see the module doc).
    json_appliers: ClassVar[dict[type[EventData], JsonApplier]] = {}

    def replay_stored(self, entries: Iterable[StoredEntry], registry: EventRegistry) -> Self:
        """`replay` over stored rows: payloads are loaded through `registry` (upcast and validated),
        except those a `json_appliers` entry takes as they are stored."""
        trusted = self._trusted(registry)
        loaders: dict[tuple[str, int], Callable[[str | bytes], EventData]] = {}
        version = self.version
        for stored_version, event_id, event_type, schema_version, data in entries:
            version += 1
            if stored_version != version:
                raise StreamCorrupted(
                    f"{self.aggregate_type} {self.id}: expected version {version}, got {stored_version}"
                )
            applier = trusted.get(event_type)
            try:
                if applier is None or applier[0] != schema_version or not applier[1](self, event_id, _decode(data)):
                    load = loaders.get((event_type, schema_version))
                    if load is None:
                        load = loaders[event_type, schema_version] = registry.json_loader(event_type, schema_version)
                    self.apply(id_from_bytes(event_id), load(data))
            except ValueError as error:  # damaged JSON, a field gone (pydantic's ValidationError is one)
                first = damage_of(error)
                raise StreamCorrupted(
                    f"{self.aggregate_type} {self.id}: its event {version} ({event_type}) cannot be read ({first}); "
                    "restore the latest backup (`effect-desktop backup list`, then `backup restore`)") from None
            self.version = version
        return self

    @classmethod
    def _trusted(cls, registry: EventRegistry) -> dict[str, tuple[int, JsonApplier]]:
        """event_type -> (schema version, applier) for the appliers `registry` allows."""
        trusted = {}
        for model, applier in cls.json_appliers.items():
            try:
                current = registry.model_for(model.event_type)
            except UnknownEventType:
                continue
            if current is model:
                trusted[model.event_type] = (model.schema_version, applier)
        return trusted

    # --- new events --------------------------------------------------------------
    def _record(self, data: EventData) -> Recorded:
        recorded = Recorded(new_id(), data)
        self.apply(recorded.event_id, data)
        self.pending.append(recorded)
        return recorded

    def take_pending(self) -> tuple[int, list[Recorded]]:
        """The version the stream had before the pending events, and the events."""
        pending, self.pending = self.pending, []
        expected = self.version
        self.version += len(pending)
        return expected, pending

    # --- snapshots -------------------------------------------------------------------
    def snapshot_state(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_snapshot(cls, aggregate_id: UUID, version: int, state: dict[str, Any]) -> Self:
        aggregate = cls(aggregate_id)
        aggregate.restore(state)
        aggregate.version = version
        return aggregate

    def restore(self, state: dict[str, Any]) -> None:
        raise NotImplementedError


_decode = from_json
_new_uuid = UUID.__new__
_set = object.__setattr__
_from_bytes = int.from_bytes
_UNKNOWN = SafeUUID.unknown


def id_from_bytes(raw: bytes) -> UUID:
    """`UUID(bytes=raw)` without its argument checks, for the 16 bytes a store keeps per id."""
    value = _new_uuid(UUID)
    _set(value, "int", _from_bytes(raw, "big"))
    _set(value, "is_safe", _UNKNOWN)
    return value
