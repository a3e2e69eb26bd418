"""Reading an Anki package (.apkg) into word candidates.

An .apkg is a zip. Older Anki writes the collection as an SQLite file named
`collection.anki2` or `collection.anki21` (schema 11: note types and decks
as JSON in the `col` row); Anki 2.1.50+ writes `collection.anki21b`, the
same SQLite file compressed with zstd, in schema 18 (tables `notetypes`,
`fields` and `decks`; nested deck names separated by \\x1f). Newer packages
also carry a placeholder `collection.anki2` saying "please update", so the
newest collection present is the one read.

Each note becomes one word: the fields its note type names as the word and
the meaning (Front/Back, Expression/Meaning, Vocabulary-Kanji/Vocabulary-
English as in the Core 2k/6k decks, 単語/意味…; a reading is never the
meaning), else its first two, HTML reduced to text; the fields chosen are
reported when they are not the first two (a Kanji/Reading/Meaning note gave
its reading as the meaning and lost "water" without a word said). Its tags
stay tags and its first card's deck becomes the category (its home deck when the card sits in a filtered
deck for now). Notes that cannot become a word (cloze notes, media-only
fields, note types with one field or unknown to the package) are reported
by note number (and its text, which Anki's browser finds) and reason; the rest still import.

A package is someone else's file, so it is read defensively: the
decompressed collection is counted as it is written and stopped at
MAX_COLLECTION (a 392-byte zstd bomb wrote 4 GiB to the temp folder), only
real tables are read (a `cards` that was a recursive view ran for ever), and
SQLite checks between steps whether Ctrl+C or the dialog's Cancel asked to stop.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import sqlite3
import tempfile
import threading
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from types import FrameType
from typing import IO

from .anki_reviews import read_reviews
from .anki_text import deck_category
from .candidates import FieldChoice, ImportCancelled, Parsed, Progress, RowProblem, check_row, tick
from .errors import InterchangeError
from .html_text import MAX_READING, has_media, html_to_text, meaning_text, reading_of, with_reading, word_text

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
# a deck package, and a whole collection (File > Export > "Anki Collection Package"): the same zip inside
ANKI_SUFFIXES = (".apkg", ".colpkg")
MAX_COLLECTION = 2 * 1024 * 1024 * 1024
NOTE = "note"
_CHECK_EVERY = 10_000  # SQLite steps between two looks at Ctrl+C and Cancel (well under a millisecond)
_ASK_EVERY = 0.1  # seconds between two questions to the window's progress (each one a signal)
_CHUNK = 1024 * 1024


# Field names, most telling first: a Core 2k/6k note has both "Vocabulary-Kanji" and "Expression" (its
# sentence), and both "Vocabulary-English" and "Sentence-English".
_WORD_FIELDS = ("vocabulary kanji", "vocab kanji", "word", "vocabulary", "vocab", "front", "expression", "term",
                "kanji", "headword", "question", "単語", "英単語", "語彙", "見出し語", "表現", "漢字", "語", "おもて",
                "表", "問題")
# A translation before a definition: Word/Translation/Definition is learnt as "Hund: dog", not as a sentence.
_MEANING_FIELDS = ("vocabulary english", "vocab english", "meaning", "meanings", "translation", "definition",
                   "gloss", "back", "answer", "意味", "訳", "和訳", "英訳", "日本語訳", "訳語", "うら", "裏", "答え")
# A language's name is the meaning beside a field named as the word ("Kanji/English", "Word/日本語"); alone
# ("English/Japanese") it says nothing of which is which, and the order decides.
_LANGUAGE_FIELDS = ("english", "japanese", "英語", "日本語")
# Never the meaning when the order decides: the reading (Kanji/Reading/Meaning stored みず as water's meaning),
# sounds, pictures and numbering. A reading that is the first field is the word all the same: a kana drill
# (Hiragana/Romaji, Kana/English, Pinyin/English) asks あ and wants "a".
_READING_FIELDS = {"reading", "readings", "furigana", "kana", "hiragana", "katakana", "pronunciation", "yomi",
                   "pinyin", "vocabulary furigana", "vocabulary kana", "vocab furigana", "vocab kana", "読み",
                   "読み方", "よみ", "ふりがな", "フリガナ", "かな", "発音"}
_NOT_TEXT = ("audio", "sound", "image", "picture", "index", "音声", "画像")
# A field that only numbers the notes ("No./Word/Meaning") is never the word, first or not.
_NUMBER_FIELDS = {"#", "no", "no.", "nr", "nr.", "num", "number", "id", "rank", "番号", "順番"}


@dataclass(frozen=True)
class NoteType:
    name: str
    fields: list[str]
    cloze: bool

    @cached_property
    def sides(self) -> tuple[int, int]:
        """The fields that are the word and the meaning: by their names when they say, else the first field
        and the next that is not a reading, sound or picture. A first field that is a reading is the word (a
        kana drill); one of sounds, pictures or numbering never is (Audio/Spanish/English learns "perro")."""
        keys = [_field_key(name) for name in self.fields]
        word = _named(keys, _WORD_FIELDS, taken=())
        meaning = _named(keys, _MEANING_FIELDS, taken=(word,))
        if meaning is None and word is not None:
            meaning = _named(keys, _LANGUAGE_FIELDS, taken=(word,))
        plain = [i for i, key in enumerate(keys) if key not in _READING_FIELDS and not _not_text(key)]
        if word is None:
            first = 0 if keys and not _not_text(keys[0]) else None
            word = first if first is not None and meaning != 0 else next(
                (i for i in [*plain, *range(len(keys))] if i != meaning), 1)
        if meaning is None:
            meaning = next((i for i in [*plain, *range(len(keys))] if i != word), 1)
        return word, meaning

    @cached_property
    def reading(self) -> int | None:
        """The field holding the word's reading (Kanji/Reading/Meaning, Core 2k's Vocabulary-Kana), if any
        besides the word and the meaning: kept in the meaning, where it was dropped."""
        word, meaning = self.sides
        keys = [_field_key(name) for name in self.fields]
        return next((i for i, key in enumerate(keys) if key in _READING_FIELDS and i not in (word, meaning)), None)


def _not_text(key: str) -> bool:
    """A field of sounds, pictures or numbering, never the word or the meaning when the order decides."""
    return key in _NUMBER_FIELDS or any(part in key for part in _NOT_TEXT)


def _field_key(name: str) -> str:
    return " ".join(re.sub(r"[-_:]", " ", unicodedata.normalize("NFKC", name)).casefold().split())


def _named(keys: list[str], names: tuple[str, ...], taken: tuple[int | None, ...]) -> int | None:
    """The field with the first of `names` that one has (and not already taken)."""
    for name in names:
        for index, key in enumerate(keys):
            if key == name and index not in taken:
                return index
    return None


def read_apkg(path: Path, progress: Progress | None = None) -> Parsed:
    """Every note as a candidate or a problem; InterchangeError if the package itself is unusable;
    KeyboardInterrupt (Ctrl+C) or ImportCancelled (Cancel) even in the middle of a query."""
    stop = _Stop(progress)
    with stop.watching_signals(), _collection_file(path) as collection:
        try:
            connection = sqlite3.connect(f"file:{collection}?mode=ro&immutable=1", uri=True)
        except sqlite3.Error as error:
            raise _damaged(path, error) from error
        try:
            connection.execute("PRAGMA trusted_schema = OFF")  # the schema's own functions stay unrun
            connection.set_progress_handler(stop, _CHECK_EVERY)
            return _read_notes(connection, stop)
        except sqlite3.Error as error:
            stop.raise_if_stopped()
            raise _damaged(path, error) from error
        finally:
            connection.close()


class _Stop:
    """SQLite's progress handler: asks it to stop the query when Ctrl+C, SIGTERM or Cancel came.

    A query runs in C, where Python's signal handlers wait: without this handler Ctrl+C did nothing
    for as long as the query ran (hours), and SIGTERM left the temp folder behind. The signal is
    noted before its handler raises, since an exception raised inside this callback is swallowed
    by SQLite (the query only says "interrupted"); it is raised again once the query has stopped."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.shown = (0, 0)  # the progress last reported, said again while a query runs
        self.asked = time.monotonic()
        self.signalled: BaseException | None = None
        self.cancelled = False

    def __call__(self) -> bool:
        if self.progress is not None and not self.cancelled and time.monotonic() - self.asked >= _ASK_EVERY:
            self.asked = time.monotonic()
            self.cancelled = self.progress(*self.shown) is False
        return self.cancelled or self.signalled is not None

    def tick(self, done: int, total: int) -> None:
        self.shown = (done, total)
        tick(self.progress, done, total)

    def raise_if_stopped(self) -> None:
        if self.signalled is not None:
            raise self.signalled
        if self.cancelled:
            raise ImportCancelled()

    @contextmanager
    def watching_signals(self) -> Iterator[None]:
        """Ctrl+C noted, then handled as before (the CLI's handler raises KeyboardInterrupt); SIGTERM,
        where nothing else handles it, ends the command as it would have, but through the cleanup.
        Only on the main thread: the window's worker is stopped by Cancel."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        before_int, before_term = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)

        def interrupted(signum: int, frame: FrameType | None) -> None:
            if callable(before_int):
                self.signalled = KeyboardInterrupt()
                before_int(signum, frame)
            elif before_int == signal.SIG_DFL:
                self.signalled = KeyboardInterrupt()
                raise KeyboardInterrupt

        def terminated(signum: int, _frame: FrameType | None) -> None:
            self.signalled = SystemExit(128 + signum)
            raise SystemExit(128 + signum)

        signal.signal(signal.SIGINT, interrupted)
        if before_term is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, terminated)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, before_int)
            signal.signal(signal.SIGTERM, before_term)


def _damaged(path: Path, error: Exception) -> InterchangeError:
    return InterchangeError(f"The collection inside {path.name} is damaged or not an Anki collection ({error}); "
                            "export the deck from Anki again.")


@contextmanager
def _collection_file(path: Path) -> Iterator[Path]:
    """The package's newest collection as a plain SQLite file in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="effect-apkg-") as folder:
        target = Path(folder) / "collection.sqlite"
        try:
            with zipfile.ZipFile(path) as package:
                names = set(package.namelist())
                member = next((n for n in COLLECTIONS if n in names), None)
                if member is None:
                    raise InterchangeError(f"{path.name} holds no Anki collection; is it an Anki deck package?")
                info = package.getinfo(member)
                if info.file_size > MAX_COLLECTION:
                    raise _too_large(path)
                with package.open(member) as source, open(target, "wb") as out:
                    if member.endswith("b"):
                        _unzstd(path, source, out)
                    else:  # zipfile stops at the declared size (and checks the CRC), so that limit holds
                        shutil.copyfileobj(source, out)
        except (zipfile.BadZipFile, EOFError) as error:
            raise InterchangeError(f"{path.name} is not a complete Anki package (the zip file is damaged or cut "
                                   f"short: {error}); download or export it again.") from None
        except OSError as error:
            raise InterchangeError(f"{path.name} could not be read: {error.strerror or error}.") from None
        yield target


def _too_large(path: Path) -> InterchangeError:
    return InterchangeError(f"{path.name} holds a collection larger than {MAX_COLLECTION // 2**30} GB, more than "
                            "a deck of words can be; it was not imported (is it an Anki deck package?).")


def _unzstd(path: Path, source: IO[bytes], out: IO[bytes]) -> None:
    """Anki 2.1.50+ compresses the collection with zstd (the `zstandard` package, imported only when needed).

    The zip records only the compressed size, and zstd's own frame header may lie or say nothing: the
    bytes are counted as they are written, and writing stops at MAX_COLLECTION."""
    try:
        import zstandard
    except ImportError:
        raise InterchangeError(f"{path.name} was made by a newer Anki (zstd-compressed); this installation lacks "
                               "the zstandard package (pip install zstandard). In Anki you can also export with "
                               "\"Support older Anki versions\" ticked.") from None
    written = 0
    try:
        with zstandard.ZstdDecompressor().stream_reader(source, read_across_frames=True) as reader:
            while chunk := reader.read(_CHUNK):
                written += len(chunk)
                if written > MAX_COLLECTION:
                    raise _too_large(path)
                out.write(chunk)
    except zstandard.ZstdError as error:
        raise InterchangeError(f"The compressed collection in {path.name} is damaged ({error}); "
                               "export the deck from Anki again.") from None


def _read_notes(connection: sqlite3.Connection, stop: _Stop) -> Parsed:
    schema = connection.execute("SELECT type, name FROM sqlite_master").fetchall()
    tables = {name for kind, name in schema if kind == "table"}
    # Only the tables read must be tables: a view in their place runs its own query, which can run for
    # ever. Any other view is never named, so never run (and triggers cannot fire on a read): a deck with
    # one of its owner's report views was refused whole (found in review).
    read = {"notes", "cards", "col", "notetypes", "fields", "decks", "revlog", "config"}
    posing = sorted(f"{kind} {name!r}" for kind, name in schema if kind == "view" and name in read)
    if posing:
        raise sqlite3.DatabaseError(f"it holds {', '.join(posing)}, which Anki never writes")
    if "notes" not in tables:
        raise sqlite3.DatabaseError("no notes table")
    missing = sorted(({"cards", "notetypes", "fields", "decks"} if "notetypes" in tables else {"cards", "col"})
                     - tables)
    if missing:
        raise sqlite3.DatabaseError(f"no {' or '.join(missing)} table")
    if "notetypes" in tables:
        note_types, decks = _schema18(connection)
    else:
        note_types, decks = _schema11(connection)
    # A card in a filtered deck ("Custom Study Session") keeps its home deck in odid: that is its category.
    note_deck = dict(connection.execute(
        "SELECT nid, CASE WHEN odid != 0 THEN odid ELSE did END FROM cards c "
        "WHERE id = (SELECT min(id) FROM cards WHERE nid = c.nid)").fetchall())
    # Suspended in Anki: every card of the note (queue -1), as a learner shelves a leech or a card not
    # wanted; brought in, they were asked at once as new words, with nothing said (buried cards, -2 and
    # -3, are back the next day in Anki too: those come)
    suspended = {nid for (nid,) in connection.execute(
        "SELECT nid FROM cards GROUP BY nid HAVING min(queue) = -1 AND max(queue) = -1")}
    total = connection.execute("SELECT count(*) FROM notes").fetchone()[0]
    reviews = read_reviews(connection, tables, datetime.now(UTC))
    parsed = Parsed()
    rows = connection.execute("SELECT id, mid, tags, flds FROM notes ORDER BY id")
    used: dict[int, NoteType] = {}
    filled: dict[int, set[int]] = {}  # per note type, the fields some note gives text to
    for number, (note_id, model_id, tags, fields) in enumerate(rows, start=1):
        if number % 2000 == 0:
            stop.tick(number, total)
        note_type = note_types.get(model_id)
        problem = SUSPENDED if note_id in suspended else _unusable(note_type, str(fields))
        if problem or note_type is None:
            parsed.problems.append(RowProblem(number, problem or "", NOTE, left_out=True, label=_note_label(fields)))
            continue
        used[model_id] = note_type
        values = str(fields).split("\x1f")
        filled.setdefault(model_id, set()).update(i for i, value in enumerate(values) if value.strip())
        word, meaning = _sides(note_type, values)
        text = word_text(values[word])
        meaning_said = with_reading(meaning_text(values[meaning]), _reading(note_type, values, word, meaning), text)
        check_row(number, {"text": text, "meaning": meaning_said,
                           "tags": str(tags).split(),
                           "category": deck_category(decks.get(note_deck.get(note_id, -1), ""))}, parsed, NOTE)
        if parsed.candidates and parsed.candidates[-1].line == number:
            parsed.candidates[-1].history = reviews.get(note_id, [])
        elif parsed.problems and parsed.problems[-1].line == number:
            # a note breaking a word's rules (an empty back, a meaning past 1,000 characters, 25 tags) is
            # left out and listed, by its text, as an Anki-made one is: a package has nothing to fix, and
            # one such note refused the whole deck, the dialog offering no way to leave it out
            parsed.problems[-1] = replace(parsed.problems[-1], left_out=True, label=_note_label(fields))
    parsed.chosen_fields = [
        FieldChoice(t.name, t.fields[word], t.fields[meaning], t.fields[t.reading] if t.reading is not None else "",
                    left, chosen)
        for model_id, t in used.items() for word, meaning in [t.sides]
        for chosen in [(word, meaning) != (0, 1) or t.reading is not None]
        for left in [tuple(name for i, name in enumerate(t.fields)
                           if i in filled.get(model_id, ()) and i not in (word, meaning, t.reading))]
        if chosen or left]
    stop.tick(total, total)
    return parsed


SUSPENDED = "suspended in Anki (unsuspend it there and import the deck again to bring it)"


def _unusable(note_type: NoteType | None, fields: str) -> str | None:
    if note_type is None:
        return "its note type is missing from the package (unknown note type)"
    if note_type.cloze:
        return f"cloze notes ({note_type.name}) have no separate word and meaning"
    values = fields.split("\x1f")
    if len(values) < 2:
        return f"note type {note_type.name!r} has one field; a word needs a front and a back"
    word, meaning = _sides(note_type, values)
    for side, html in (("front", values[word]), ("back", values[meaning])):
        if not html_to_text(html) and has_media(html):
            return f"the {side} holds only pictures or sounds, which cannot be imported"
    return None


_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.S)  # {{c1::Tokyo}}, {{c2::猫::animal}}


def _reading(note_type: NoteType, values: list[str], word: int, meaning: int) -> str | None:
    """The word's reading: its own furigana, else its note's reading field (kana, furigana, or a short line
    such as pinyin)."""
    found = reading_of(values[word])
    field = note_type.reading if (word, meaning) == note_type.sides else None
    if found is None and field is not None and field < len(values):
        first = html_to_text(values[field], ruby_as_brackets=True).split("\n", 1)[0]  # not the notes below it
        found = reading_of(first)
        if found is None:
            plain = " ".join(first.split())
            found = plain if 0 < len(plain) <= MAX_READING else None
    return found


def _note_label(fields: object, longest: int = 40) -> str:
    """The first of a note's fields with text, shortened, cloze marks taken out: what the learner
    searches Anki's browser for."""
    text = next((t for html in str(fields).split("\x1f")
                 if (t := " ".join(_CLOZE.sub(r"\1", html_to_text(html)).split()))), "")
    return text if len(text) <= longest else text[:longest - 1] + "…"


def _sides(note_type: NoteType, values: list[str]) -> tuple[int, int]:
    """The note's word and meaning fields; its first two when it has fewer fields than its type names."""
    word, meaning = note_type.sides
    return (word, meaning) if max(word, meaning) < len(values) else (0, 1)


def _schema11(connection: sqlite3.Connection) -> tuple[dict[int, NoteType], dict[int, str]]:
    row = connection.execute("SELECT models, decks FROM col").fetchone()
    if row is None:
        raise sqlite3.DatabaseError("the collection has no col row")
    try:
        models, decks = json.loads(row[0]), json.loads(row[1])
    except ValueError as error:
        raise sqlite3.DatabaseError(f"unreadable note types or decks: {error}") from None
    note_types = {
        int(mid): NoteType(str(m.get("name", "")),
                           [f.get("name", "") for f in sorted(m.get("flds", []), key=lambda f: f.get("ord", 0))],
                           m.get("type") == 1)
        for mid, m in models.items()
    }
    return note_types, {int(did): str(d.get("name", "")) for did, d in decks.items()}


def _schema18(connection: sqlite3.Connection) -> tuple[dict[int, NoteType], dict[int, str]]:
    fields: dict[int, list[str]] = {}
    for ntid, name in connection.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(ntid, []).append(name)
    note_types = {
        # NotetypeConfig.kind is protobuf field 1 (varint); KIND_CLOZE = 1 is written as 08 01
        ntid: NoteType(name, fields.get(ntid, []), bytes(config or b"")[:2] == b"\x08\x01")
        for ntid, name, config in connection.execute("SELECT id, name, config FROM notetypes")
    }
    decks = {did: str(name).replace("\x1f", "::") for did, name in connection.execute("SELECT id, name FROM decks")}
    return note_types, decks
