"""An exported event line turned into the row SQLite stores, checked once, without parsing it twice.

The export writes every line in one fixed shape (`persistence/raw_log.py`):

    {"position":P,"event_id":"E","aggregate_id":"A","aggregate_type":"T","event_type":"K",
     "event_data":D,"metadata":M,"created_at":"C","version":V,"schema_version":S}

For a line of exactly that shape the stored row is cut out of the text, and
the payload D and the metadata M are kept as they are written: they are the
store's own minified JSON, so a round trip gives back the same bytes. Each
part is still checked: the ids are UUIDs, C is an ISO time in UTC, V and S
are whole numbers from 1, K is a known type at its current schema version,
and D and M are validated by the pydantic models of the type and of the
metadata. Since D and M are each validated as one whole JSON object and
every separator between the parts is matched where it stands, the line is
exactly that object. D and M are only kept as written when they are
minified and hold no key twice (SQLite's json_extract would read the first
of two, pydantic the last).

Any other line -- spaced or reordered by hand, an older schema version, a
payload that does not fit, an unknown type -- is handed back unchanged for
the general path (`raw_import.sqlite_row` and `payload_check`), which
upcasts, normalises, or names the line and the reason exactly as before.
(Measured: about 10% less CPU per line than that path. Both are bound by
pydantic's validation, ~1.3 us per object, and by Python's per-operation
cost; the import's speed comes from doing this work in helper processes,
see jsonl_pages.py.)
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date, datetime
from enum import Enum
from typing import Any, Union
from uuid import UUID

from pydantic import BaseModel, ValidationError

from ..domain.events import EventData, EventMetadata

# The row SQLite stores, as `persistence/raw_import.Row` (not imported: a helper process loading this
# module does without SQLAlchemy).
Row = tuple[bytes, bytes, str, str, str, str, str, int, int]
Deferred = tuple[int, bytes]  # a line for the general path: its number and its text as read
Item = Row | Deferred

_HEAD = '{"position":'
_LEAVES = (str, int, float, bool, UUID, datetime, date, type(None))
# Whitespace outside strings is always next to a structural character (two values are never adjacent).
_LOOSE = re.compile(r"[\t\r]|[ ][{}\[\],:]|[{}\[\],:][ ]")
_STRINGS = re.compile(r'"[^"]*"')  # with no backslash in the text, every string is just this


class LineCutter:
    """Cuts canonical export lines of the given event types into stored rows; None for any other line."""

    def __init__(self, models: Iterable[type[EventData]]) -> None:
        # event type -> (its validator, its schema version as written in a line, as a number)
        self._models: dict[str, tuple[Callable[[str], BaseModel], str, int]] = {
            model.event_type: (model.__pydantic_validator__.validate_json, str(model.schema_version),
                               model.schema_version)
            for model in models if _flat(model)}
        self._metadata: Callable[[str], BaseModel] = EventMetadata.__pydantic_validator__.validate_json
        self.event_types = frozenset(self._models)

    def row(self, line: str) -> Row | None:
        if not line.startswith(_HEAD):
            return None
        e = line.find(',"event_id":"', 12)
        position = line[12:e]
        a = e + 67
        if (e < 0 or not (position.isdigit() and position.isascii()) or (position[0] == "0" and e > 13)
                or line[e + 49:a] != '","aggregate_id":"' or line[a + 36:a + 56] != '","aggregate_type":"'):
            return None
        ids = line[e + 13:e + 49] + line[a:a + 36]  # two canonical UUIDs: dashes at 8, 13, 18, 23 of each
        if not ids[8] == ids[13] == ids[18] == ids[23] == ids[44] == ids[49] == ids[54] == ids[59] == "-":
            return None
        try:
            both = bytes.fromhex(ids.replace("-", ""))
        except ValueError:
            return None
        t = a + 56
        k = line.find('","event_type":"', t)
        d = line.find('","event_data":', k + 16) if k > 0 else -1
        known = self._models.get(line[k + 16:d]) if d > 0 else None
        aggregate_type = line[t:k]
        if known is None or len(both) != 32 or '"' in aggregate_type or "\\" in aggregate_type:
            return None
        event_type = line[k + 16:d]
        d += 15
        c = line.rfind(',"created_at":"')
        m = line.rfind(',"metadata":', d, c) if c > d else -1
        if m < 0 or line[c + 42:c + 54] != '","version":' or line[-1] != "}":
            return None
        version, comma, schema = line[c + 54:-1].partition(',"schema_version":')
        if (not comma or not (version.isdigit() and version.isascii()) or version[0] == "0"
                or schema != known[1]):
            return None
        stored_time = _stored_time(line[c + 15:c + 42])
        data, metadata = line[d:m], line[m + 12:c]
        if stored_time is None or not _kept(data, known[0]) or not _kept(metadata, self._metadata):
            return None
        return (both[:16], both[16:], aggregate_type, event_type, data, metadata, stored_time, int(version),
                known[2])

    def items(self, lines: Iterable[tuple[int, str]]) -> list[Item]:
        """Rows for the lines this cutter can take, (number, bytes) for the others, in order."""
        cut = self.row
        out: list[Item] = []
        for number, line in lines:
            row = cut(line)
            out.append(row if row is not None else (number, line.encode()))
        return out


def _kept(text: str, validate: Callable[[str], BaseModel]) -> bool:
    """True when `text` fits its model, is minified, and names each of its keys once.

    Without a backslash every quote delimits a string, so each `":` ends a key; the models cut
    here are flat (see `_flat`), so all keys are the object's own and each field comes once."""
    if "\\" in text or ((" " in text or "\t" in text or "\r" in text) and _LOOSE.search(_STRINGS.sub("", text))):
        return False
    if '"{' in text or "urn:" in text:  # maybe an id in braces or as a URN: payload_check.odd_id decides
        return False
    try:
        value = validate(text)
    except ValidationError:
        return False
    return text.count('":') == len(value.__pydantic_fields_set__)


def _flat(model: type[BaseModel]) -> bool:
    """Whether the model's JSON holds no objects inside (dicts, nested models): only then is counting
    its keys the same as counting its fields."""
    return all(_flat_type(field.annotation) for field in model.model_fields.values())


def _flat_type(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set, frozenset, Union, types.UnionType):
        return all(_flat_type(arg) for arg in typing.get_args(annotation) if arg is not Ellipsis)
    if origin is typing.Literal:
        return True
    return isinstance(annotation, type) and (issubclass(annotation, _LEAVES) or issubclass(annotation, Enum))


def _stored_time(text: str) -> str | None:
    """SQLAlchemy's SQLite form of an export's `YYYY-MM-DDTHH:MM:SS.ffffffZ`, once it reads as a time."""
    if len(text) != 27 or text[10] != "T" or text[19] != "." or text[26] != "Z" or not text.isascii():
        return None
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return None
    return f"{text[:10]} {text[11:26]}"
