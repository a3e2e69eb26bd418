"""`effect-desktop words ...`: add, edit, delete, restore and list vocabulary."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..domain.errors import ValidationFailed
from ..domain.word import validate_fields
from ..interchange.importer import word_key
from ..projections.views import WordFilter, WordView
from ..wording import counted
from .context import CliContext
from .filters import none_has, spelled_category
from .output import print_json, print_table
from .parsing import category_arg, difficulty_arg, search_arg, tag_arg, uuid_arg


def register(commands: Any) -> None:
    words = commands.add_parser("words", help="add, edit, delete, restore and list words")
    sub = words.add_subparsers(dest="words_command", required=True, metavar="COMMAND")

    add = sub.add_parser("add", help="add a word; prints its id")
    add.add_argument("text", help="the word, as it is studied (e.g. apple)")
    add.add_argument("meaning", help="what it means (e.g. りんご); quote it if it has spaces")
    _field_options(add)
    add.add_argument("--again", action="store_true",
                     help="add it even if a word with this text and meaning is already there")
    add.set_defaults(handler=add_word)

    edit = sub.add_parser("edit", help="change fields of a word")
    edit.add_argument("id", type=uuid_arg, metavar="ID", help="the word's id (`words list` shows them)")
    edit.add_argument("--text", help="the new text")
    edit.add_argument("--meaning", help="the new meaning")
    _field_options(edit)
    edit.set_defaults(handler=edit_word)

    delete = sub.add_parser("delete", help="delete a word (kept in the history)")
    delete.add_argument("id", type=uuid_arg, metavar="ID", help="the word's id (`words list` shows them)")
    delete.set_defaults(handler=delete_word)

    restore = sub.add_parser("restore", help="bring a deleted word back, with its study history")
    restore.add_argument("id", type=uuid_arg, metavar="ID",
                         help="the deleted word's id (`words list --deleted` shows them)")
    restore.set_defaults(handler=restore_word)

    listing = sub.add_parser("list", help="list the words (or with --deleted the deleted ones)")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.add_argument("--search", default="", type=search_arg, metavar="TEXT",
                         help="only words whose text or meaning holds this (case, width, kana script, accents, "
                              "ligatures and curly quotes ignored)")
    listing.add_argument("--category", type=category_arg,
                         help="only words of this category ('' for the words without one)")
    listing.add_argument("--tag", type=tag_arg, help="only words with this tag")
    listing.add_argument("--difficulty", type=difficulty_arg, metavar="N",
                         help="only words of this difficulty (1 to 5)")
    listing.add_argument("--deleted", action="store_true",
                         help="list the deleted words instead (to restore one)")
    listing.set_defaults(handler=list_words)


def _field_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--category", help="e.g. food ('' for none)")
    parser.add_argument("--tags", help="comma-separated, e.g. noun,food ('' for none)")
    parser.add_argument("--difficulty", metavar="N", help="1 (easy) to 5 (hard)")


def add_word(args: argparse.Namespace, ctx: CliContext) -> int:
    """A word with the text and meaning of one already there (compared as an import compares them) is
    refused unless `--again`: it went in silently, where an import skips it and the window asks twice.
    Its fields are checked too, and both are said at once: the learner who fixed the duplicate only
    then heard that --difficulty 9 was wrong as well."""
    fields = {"text": args.text, "meaning": args.meaning, "category": args.category or "",
              "tags": args.tags or [], "difficulty": args.difficulty if args.difficulty is not None else 1}
    try:
        validate_fields(fields)
        invalid = None
    except ValidationFailed as error:
        invalid = error
    same = [] if args.again else _same_word(args.text, args.meaning, ctx)
    if same:
        duplicate = (f"“{same[0].text}” meaning “{same[0].meaning}” is already in your words ({same[0].word_id}); "
                     "give --again to add it a second time")
        raise argparse.ArgumentTypeError(f"{str(invalid).rstrip('.')}; and {duplicate}" if invalid else duplicate)
    if invalid:
        raise invalid
    word_id = ctx.profile().service.create_word(
        args.text, args.meaning, args.category or "", args.tags or [],
        args.difficulty if args.difficulty is not None else 1)
    print(word_id)
    return 0


def _same_word(text: str, meaning: str, ctx: CliContext) -> list[WordView]:
    key = word_key(text, meaning)
    return [w for w in ctx.profile().queries.words_with_text(text) if word_key(w.text, w.meaning) == key]


def edit_word(args: argparse.Namespace, ctx: CliContext) -> int:
    changes = {k: getattr(args, k) for k in ("text", "meaning", "category", "tags", "difficulty")
               if getattr(args, k) is not None}
    if not changes:
        raise argparse.ArgumentTypeError(
            "nothing to change: give --text, --meaning, --category, --tags or --difficulty")
    before = ctx.profile().service.update_word(args.id, **changes)
    print(f"changed {', '.join(before)}" if before else "nothing changed (same values)")
    return 0


def delete_word(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.profile().service.delete_word(args.id)
    print(f"deleted {args.id}")
    return 0


def restore_word(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.profile().service.restore_word(args.id)
    print(f"restored {args.id}")
    return 0


def word_json(word: WordView) -> dict[str, Any]:
    progress = word.progress
    return {
        "id": str(word.word_id), "text": word.text, "meaning": word.meaning,
        "category": word.category, "tags": word.tags, "difficulty": word.difficulty,
        "created_at": word.created_at.isoformat(), "updated_at": word.updated_at.isoformat(),
        "next_review_date": progress.next_review_date.isoformat() if progress else None,
        # a deleted word's last change is its deletion (the window's Deleted column shows that day)
        "deleted": word.deleted, "deleted_at": word.updated_at.isoformat() if word.deleted else None,
    }


def list_words(args: argparse.Namespace, ctx: CliContext) -> int:
    args.category = spelled_category(args.category, ctx.profile().queries.categories(with_none=True))
    words = ctx.profile().queries.words(WordFilter(
        search=args.search, category=args.category, tag=args.tag, difficulty=args.difficulty,
        deleted_only=args.deleted))
    if args.json:  # a script parses the empty array as "no such words"
        print_json([word_json(w) for w in words])
        return 0
    print_table(["ID", "WORD", "MEANING", "CATEGORY", "TAGS", "DIFF"],
                [[w.word_id, w.text, w.meaning, w.category, ",".join(w.tags), w.difficulty] for w in words])
    print(counted(len(words), "deleted word" if args.deleted else "word"))
    if not words:
        _say_if_none_has(args, ctx)
    return 0


def _say_if_none_has(args: argparse.Namespace, ctx: CliContext) -> None:
    """`--category nosuch` printed "0 words" as an empty category does: a typo looked like no words."""
    if args.category is None and args.tag is None:
        return
    queries = ctx.profile().queries
    if args.deleted:
        pool = queries.words(WordFilter(deleted_only=True))
        categories, tags = sorted({w.category for w in pool}), sorted({t for w in pool for t in w.tags})
    else:
        categories, tags = queries.categories(with_none=True), queries.tags(with_parents=True)
    if not categories:  # no word at all (each has a category, if only ""): "0 words" says it all
        return
    note = none_has(args.category, args.tag, categories, tags, "deleted word" if args.deleted else "word")
    if note:
        print(f"effect-desktop: note: {note}", file=sys.stderr)
