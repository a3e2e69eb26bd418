"""The Word aggregate: a vocabulary entry and its rules."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, ClassVar
from uuid import UUID

from .aggregate import Aggregate
from .errors import NotFound, RuleViolated, ValidationFailed
from .events import WORD, EventData, WordCreated, WordDeleted, WordRestored, WordUpdated
from .text_fold import word_fold

MAX_TEXT = 200
MAX_MEANING = 1000
MAX_CATEGORY = 60
MAX_TAG = 100  # Anki's hierarchical tags (jlpt::n5::nouns::places::buildings) run past 40
MAX_TAGS = 20
EDITABLE_FIELDS = ("text", "meaning", "category", "tags", "difficulty")


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def _clean_lines(value: str) -> str:
    """A word or meaning may run over lines (an Anki note's <br>, a spreadsheet cell): one kind of break."""
    return _clean(value.replace("\r\n", "\n").replace("\r", "\n"))


# Characters no one types and no screen shows: a NUL was cut off by SQLite in one read model and
# kept in another, and an escape sequence printed by `words list` retitled or cleared the terminal.
_CONTROL_IN_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # a tab and a line break are fine
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NUL = re.compile(r"\x00")  # what SQLite cuts a text at in one read model and not in another


def _control_error(label: str, value: str, pattern: re.Pattern[str]) -> str | None:
    found = pattern.search(value)
    if found is None:
        return None
    return f"{label} contains a control character (U+{ord(found.group()):04X}), which no screen shows; remove it."


_TAG_SEPARATORS = re.compile(r"[,;、，；]")


def split_tags(text: str) -> list[str]:
    """Tags written on one line, as people and spreadsheets write them: "noun, food",
    "noun;food" (a comma-delimited file's usual way), or with Japanese commas "名詞、食べ物"."""
    return [tag.strip() for tag in _TAG_SEPARATORS.split(text) if tag.strip()]


def normalise_tags(tags: list[str] | str) -> list[str]:
    """Trimmed, case-folded duplicates removed, first spelling kept, order kept."""
    if isinstance(tags, str):
        tags = split_tags(tags)
    seen: set[str] = set()
    result: list[str] = []
    for tag in tags:
        cleaned = _clean(tag)
        key = cleaned.casefold()
        if cleaned and key not in seen:
            seen.add(key)
            result.append(cleaned)
    return result


class CheckedFields(dict[str, Any]):
    """Field values as `validate_fields` cleaned them. Only it makes these, so `new_word_event`
    can make a new word's event from them without running the rules a second time (an import
    checks every row first, to report bad lines by number before anything is written)."""


def validate_fields(fields: dict[str, Any], *, recorded: bool = False) -> CheckedFields:
    """Cleaned values for the given fields, or ValidationFailed naming each bad one. `recorded`: a
    value already in a log (a JSONL import), written when only a NUL was refused; another control
    character there is history the round trip must keep."""
    control_in_lines, control = (_NUL, _NUL) if recorded else (_CONTROL_IN_LINES, _CONTROL)
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for name, limit, label in (("text", MAX_TEXT, "Word"), ("meaning", MAX_MEANING, "Meaning")):
        if name in fields:
            value = _clean_lines(str(fields[name] or ""))
            if not value or (not recorded and not word_fold(value).strip()):  # "\u200b" showed a blank card
                errors[name] = f"{label} must not be empty."
            elif len(value) > limit:
                errors[name] = f"{label} is {len(value)} characters; at most {limit} are allowed."
            elif (found := _control_error(label, value, control_in_lines)) is not None:
                errors[name] = found
            cleaned[name] = value
    if "category" in fields:
        value = _clean(str(fields["category"] or ""))
        if len(value) > MAX_CATEGORY:
            errors["category"] = f"Category is too long; at most {MAX_CATEGORY} characters."
        elif (found := _control_error("Category", value, control)) is not None:
            errors["category"] = found
        cleaned["category"] = value
    if "tags" in fields:
        raw_tags = fields["tags"] or []
        readable = isinstance(raw_tags, str) or (
            isinstance(raw_tags, (list, tuple)) and all(isinstance(t, str) for t in raw_tags))
        if readable and not recorded and not isinstance(raw_tags, str):
            # a tag never holds a separator: one that did ("動詞、五段" from an Anki note, whose tags
            # are apart by spaces) came back as two from a CSV export, or from the word dialog
            raw_tags = [piece for tag in raw_tags for piece in split_tags(tag)]
        tags = normalise_tags(raw_tags) if readable else []
        if not readable:
            errors["tags"] = "Tags must be text: a list of tags or one comma-separated line."
        elif len(tags) > MAX_TAGS:
            errors["tags"] = f"{len(tags)} tags; at most {MAX_TAGS} are allowed."
        elif (long := next((t for t in tags if len(t) > MAX_TAG), None)) is not None:
            shown = long if len(long) <= 30 else long[:30] + "…"  # which one: a deck's notes have many
            errors["tags"] = f"The tag “{shown}” is too long: {len(long)} characters, at most {MAX_TAG}."
        elif (found := next((e for t in tags if (e := _control_error("A tag", t, control))), None)) is not None:
            errors["tags"] = found
        cleaned["tags"] = tags
    if "difficulty" in fields:
        raw = fields["difficulty"]
        try:
            difficulty = int(raw)
            ok = str(raw).strip().lstrip("+-").isdigit() or isinstance(raw, int)
        except (TypeError, ValueError):
            ok = False
            difficulty = 0
        if not ok or not 1 <= difficulty <= 5 or isinstance(raw, bool):
            errors["difficulty"] = "Difficulty must be a whole number from 1 to 5."
        cleaned["difficulty"] = difficulty
    if errors:
        raise ValidationFailed(errors)
    return CheckedFields(cleaned)


def new_word_event(word_id: UUID, fields: CheckedFields) -> WordCreated:
    """The `WordCreated` that `Word.create` records, from fields `validate_fields` has cleaned
    already: the rules run once per word. Fields the check was not given take `create`'s
    defaults, which are valid as they are."""
    if type(fields) is not CheckedFields or "text" not in fields or "meaning" not in fields:
        raise RuleViolated("a new word needs its text and meaning checked by validate_fields first")
    return WordCreated(word_id=word_id, **{"category": "", "tags": [], "difficulty": 1, **fields})


class Word(Aggregate):
    aggregate_type: ClassVar[str] = WORD

    def __init__(self, aggregate_id: UUID) -> None:
        super().__init__(aggregate_id)
        self.exists = False
        self.deleted = False
        self.fields: dict[str, Any] = {}

    # --- commands --------------------------------------------------------------------
    @classmethod
    def create(cls, word_id: UUID, text: str, meaning: str, category: str = "",
               tags: list[str] | None = None, difficulty: int = 1) -> Word:
        values = validate_fields({"text": text, "meaning": meaning, "category": category,
                                  "tags": tags or [], "difficulty": difficulty})
        word = cls(word_id)
        word._record(WordCreated(word_id=word_id, **values))
        return word

    def update(self, **changes: Any) -> dict[str, Any]:
        """Record only the fields whose cleaned value differs; returns the old values."""
        self._require_live()
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValidationFailed({f: "This field cannot be edited." for f in sorted(unknown)})
        cleaned = validate_fields({k: v for k, v in changes.items() if v is not None})
        changed = {k: v for k, v in cleaned.items() if self.fields.get(k) != v}
        if not changed:
            return {}
        before = {k: self.fields.get(k) for k in changed}
        self._record(WordUpdated(word_id=self.id, changes=changed))
        return before

    def delete(self) -> None:
        if self.exists and self.deleted:
            raise RuleViolated("This word is already deleted.")
        self._require_live()
        self._record(WordDeleted(word_id=self.id))

    def restore_deleted(self) -> None:
        if not self.exists:
            raise NotFound(f"There is no word {self.id}.")
        if not self.deleted:
            raise RuleViolated("This word is not deleted, so there is nothing to restore.")
        self._record(WordRestored(word_id=self.id))

    def _require_live(self) -> None:
        if not self.exists:
            raise NotFound(f"There is no word {self.id}.")
        if self.deleted:
            raise RuleViolated("This word has been deleted; restore it before changing it.")

    # --- state -------------------------------------------------------------------------
    def apply(self, event_id: UUID, data: EventData) -> None:
        if isinstance(data, WordCreated):
            self.exists = True
            self.fields = data.model_dump(include=set(EDITABLE_FIELDS))
        elif isinstance(data, WordUpdated):
            self.fields.update(data.changes)
        elif isinstance(data, WordDeleted):
            self.deleted = True
        elif isinstance(data, WordRestored):
            self.deleted = False

    def snapshot_state(self) -> dict[str, Any]:
        return {"exists": self.exists, "deleted": self.deleted, "fields": self.fields}

    def restore(self, state: dict[str, Any]) -> None:
        self.exists = state["exists"]
        self.deleted = state["deleted"]
        self.fields = dict(state["fields"])
