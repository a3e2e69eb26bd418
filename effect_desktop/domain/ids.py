"""Identifiers.

Event and aggregate ids are UUIDs, as the design says, but time-ordered
(UUIDv7): a random UUID4 key lands on a random index page per insert, while
a UUIDv7 key appends to the right edge of the index, which keeps inserts into
a large event store fast. Ids derived from other ids (a word's progress
stream, a user's streak) are UUIDv5 so every device derives the same one.
"""

from __future__ import annotations

import uuid

from uuid6 import uuid7

_NAMESPACE = uuid.UUID("6f1c3c2e-5a0b-4a55-9a2d-2f7d3b1c9e41")


def new_id() -> uuid.UUID:
    """A fresh time-ordered id (UUIDv7)."""
    return uuid.UUID(bytes=uuid7().bytes)


def derived_id(kind: str, *parts: uuid.UUID) -> uuid.UUID:
    """A stable id for a stream that belongs to other ids (same on every device)."""
    return uuid.uuid5(_NAMESPACE, kind + ":" + ":".join(str(p) for p in parts))


def progress_stream_id(user_id: uuid.UUID, word_id: uuid.UUID) -> uuid.UUID:
    return derived_id("progress", user_id, word_id)


def streak_stream_id(user_id: uuid.UUID) -> uuid.UUID:
    return derived_id("streak", user_id)
