"""`verify`'s differences in words a person reads: keys and values as the app shows them.

They read as Python's reprs ("rm_words (UUID('01a2…'),): stored != replayed for
{'meaning': ('zzz', 'りんご')}"), a dump for the developer who wrote them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID


def value_text(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return UUID(bytes=value).hex if len(value) == 16 else value.hex()
    return str(value)


def key_text(key: Sequence[Any]) -> str:
    return " / ".join(str(k) if isinstance(k, UUID | str | int) else value_text(k) for k in key)


def missing(table: str, key: Sequence[Any], replayed: Mapping[str, Any] | None) -> str:
    values = "; ".join(f"{column} {value_text(value)}" for column, value in (replayed or {}).items())
    return f"{table} {key_text(key)}: missing; a replay of the events gives {values}"


def extra(table: str, key: Sequence[Any]) -> str:
    return f"{table} {key_text(key)}: stored, but a replay of the events does not give it"


def differs(table: str, key: Sequence[Any], diff: Mapping[str, tuple[Any, Any]]) -> str:
    columns = "; ".join(f"{column} stored {value_text(a)}, a replay gives {value_text(b)}"
                        for column, (a, b) in diff.items())
    return f"{table} {key_text(key)}: {columns}"
