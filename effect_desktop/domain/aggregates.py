"""Every aggregate class by the `aggregate_type` its streams carry."""

from __future__ import annotations

from .aggregate import Aggregate
from .progress import WordProgress
from .session import StudySession
from .streak import Streak
from .word import Word

AGGREGATE_CLASSES: dict[str, type[Aggregate]] = {
    cls.aggregate_type: cls for cls in (Word, StudySession, WordProgress, Streak)
}
