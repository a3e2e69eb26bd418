"""Column types that mean the same on SQLite and PostgreSQL.

Callers hand in and get back plain Python values (UUID, aware UTC datetime,
JSON text); how each dialect stores them stays here:
- UUIDs are 16-byte BLOBs on SQLite (half the index of hex text) and native
  `uuid` on PostgreSQL.
- JSON documents are passed as already-serialised text, because pydantic
  serialises faster than a second `json.dumps`; SQLite stores the text in a
  JSON column, PostgreSQL in JSONB.
- Datetimes are always UTC; SQLite's naive values get their zone back.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from pydantic_core import from_json
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect

_new_uuid = uuid.UUID.__new__
_set = object.__setattr__
_from_bytes = int.from_bytes
_UNKNOWN = uuid.SafeUUID.unknown  # an enum member looked up once, not per id


def uuid_from_bytes(raw: bytes) -> uuid.UUID:
    """`UUID(bytes=raw)` without its argument checks (the column holds 16 bytes by construction):
    read models are read by the hundred thousand rows (a large category change), ids and all."""
    value = _new_uuid(uuid.UUID)
    _set(value, "int", _from_bytes(raw, "big"))
    _set(value, "is_safe", _UNKNOWN)
    return value


class UUIDType(sa.types.TypeDecorator[uuid.UUID]):
    impl = sa.LargeBinary(16)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> sa.types.TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.UUID(as_uuid=True))
        return dialect.type_descriptor(sa.LargeBinary(16))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or dialect.name == "postgresql":
            return value
        return value.bytes if isinstance(value, uuid.UUID) else uuid.UUID(str(value)).bytes

    def process_result_value(self, value: Any, dialect: Dialect) -> uuid.UUID | None:
        if value is None or isinstance(value, uuid.UUID):
            return value
        return uuid_from_bytes(value) if len(value) == 16 else uuid.UUID(bytes=bytes(value))


class _SQLiteJSONText(sa.Text):
    """Text on the wire, declared JSON in the table so the schema says what it holds."""

    __visit_name__ = "JSON"


class JSONDocument(sa.types.TypeDecorator[Any]):
    impl = sa.Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> sa.types.TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.JSONB())
        return dialect.type_descriptor(_SQLiteJSONText())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if dialect.name == "postgresql" and isinstance(value, (str, bytes)):
            return from_json(value)
        return value


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
