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
by note number and reason; the rest still import.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import IO

from .anki_text import deck_category
from .candidates import FieldChoice, Parsed, Progress, RowProblem, check_row, tick
from .errors import InterchangeError
from .html_text import has_media, html_to_text, word_text

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
MAX_COLLECTION = 2 * 1024 * 1024 * 1024
NOTE = "note"


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
    """Every note as a candidate or a problem; InterchangeError if the package itself is unusable."""
    with _collection_file(path) as collection:
        try:
            connection = sqlite3.connect(f"file:{collection}?mode=ro&immutable=1", uri=True)
        except sqlite3.Error as error:
            raise _damaged(path, error) from error
        try:
            return _read_notes(connection, progress)
        except sqlite3.Error as error:
            raise _damaged(path, error) from error
        finally:
            connection.close()


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
                    raise InterchangeError(f"{path.name} is too large to import ({info.file_size // 2**20} MB).")
                with package.open(member) as source, open(target, "wb") as out:
                    if member.endswith("b"):
                        _unzstd(path, source, out)
                    else:
                        shutil.copyfileobj(source, out)
        except (zipfile.BadZipFile, EOFError) as error:
            raise InterchangeError(f"{path.name} is not a complete Anki package (the zip file is damaged or cut "
                                   f"short: {error}); download or export it again.") from None
        except OSError as error:
            raise InterchangeError(f"{path.name} could not be read: {error.strerror or error}.") from None
        yield target


def _unzstd(path: Path, source: IO[bytes], out: IO[bytes]) -> None:
    """Anki 2.1.50+ compresses the collection with zstd (the `zstandard` package, imported only when needed)."""
    try:
        import zstandard
    except ImportError:
        raise InterchangeError(f"{path.name} was made by a newer Anki (zstd-compressed); this installation lacks "
                               "the zstandard package (pip install zstandard). In Anki you can also export with "
                               "\"Support older Anki versions\" ticked.") from None
    try:
        zstandard.ZstdDecompressor().copy_stream(source, out)
    except zstandard.ZstdError as error:
        raise InterchangeError(f"The compressed collection in {path.name} is damaged ({error}); "
                               "export the deck from Anki again.") from None


def _read_notes(connection: sqlite3.Connection, progress: Progress | None) -> Parsed:
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "notes" not in tables:
        raise sqlite3.DatabaseError("no notes table")
    if "notetypes" in tables:
        note_types, decks = _schema18(connection)
    else:
        note_types, decks = _schema11(connection)
    # A card in a filtered deck ("Custom Study Session") keeps its home deck in odid: that is its category.
    note_deck = dict(connection.execute(
        "SELECT nid, CASE WHEN odid != 0 THEN odid ELSE did END FROM cards c "
        "WHERE id = (SELECT min(id) FROM cards WHERE nid = c.nid)").fetchall())
    total = connection.execute("SELECT count(*) FROM notes").fetchone()[0]
    parsed = Parsed()
    rows = connection.execute("SELECT id, mid, tags, flds FROM notes ORDER BY id")
    used: dict[int, NoteType] = {}
    for number, (note_id, model_id, tags, fields) in enumerate(rows, start=1):
        if number % 2000 == 0:
            tick(progress, number, total)
        note_type = note_types.get(model_id)
        problem = _unusable(note_type, str(fields))
        if problem or note_type is None:
            parsed.problems.append(RowProblem(number, problem or "", NOTE, left_out=True))
            continue
        used[model_id] = note_type
        values = str(fields).split("\x1f")
        word, meaning = _sides(note_type, values)
        check_row(number, {"text": word_text(values[word]), "meaning": html_to_text(values[meaning]),
                           "tags": str(tags).split(),
                           "category": deck_category(decks.get(note_deck.get(note_id, -1), ""))}, parsed, NOTE)
    parsed.chosen_fields = [FieldChoice(t.name, t.fields[word], t.fields[meaning])
                            for t in used.values() for word, meaning in [t.sides] if (word, meaning) != (0, 1)]
    tick(progress, total, total)
    return parsed


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
