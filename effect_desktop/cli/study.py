"""`effect-desktop session ...` and `progress`: the design's study commands one to one."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..application.planning import EVERY_WORD, Focus, limits_from, plan_session, session_size_from
from ..domain.errors import RuleViolated
from ..domain.events import Grade, LearningMode
from ..domain.scheduling.studyday import offset_minutes
from ..domain.text_fold import tag_key
from ..projections.views import WordFilter
from ..statistics.asof import has_easiness
from ..wording import counted
from .context import CliContext
from .filters import spelled_category
from .output import print_json, print_table
from .parsing import category_arg, non_negative_int, tag_arg, uuid_arg, word_ids_arg


def register(commands: Any) -> None:
    session = commands.add_parser("session", help="start, answer and complete study sessions")
    sub = session.add_subparsers(dest="session_command", required=True, metavar="COMMAND")

    start = sub.add_parser("start", help="start a session; prints its id (on a terminal, its words too)")
    start.add_argument("--json", action="store_true", help="the session's id, mode and words as JSON")
    start.add_argument("--mode", choices=[m.value for m in LearningMode], default="flashcard",
                       help="how the words are asked (default: flashcard)")
    # one choice of words: --category with --words was dropped without a word (the session held the ids)
    focus = start.add_mutually_exclusive_group()
    focus.add_argument("--words", type=word_ids_arg, metavar="ID,...",
                       help="comma-separated word ids (default: the due queue)")
    focus.add_argument("--category", type=category_arg,
                       help="take the due queue of this category only ('' for the words without one)")
    focus.add_argument("--tag", type=tag_arg, help="take the due queue of this tag only")
    start.set_defaults(handler=start_session)

    answer = sub.add_parser("answer", help="record an answer")
    answer.add_argument("session_id", type=uuid_arg, metavar="SESSION_ID", help="the id `session start` printed")
    answer.add_argument("word_id", type=uuid_arg, metavar="WORD_ID", help="the word answered (one of the session's)")
    verdict = answer.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--correct", dest="is_correct", action="store_true", help="answered right")
    verdict.add_argument("--wrong", dest="is_correct", action="store_false", help="answered wrong")
    answer.add_argument("--time-ms", type=non_negative_int, default=0, metavar="N",
                        help="how long the answer took, in milliseconds: the statistics' response times and, "
                             "with no --grade, how well a right answer counts (SM-2's quality: within 5 s 5, "
                             "within 15 s 4, slower 3; FSRS: Good, or Hard when slower than 15 s); not given, 0: "
                             "a right answer counts as quick. Give --grade good for an ordinary right answer")
    answer.add_argument("--grade", choices=[g.value for g in Grade],
                        help="a flashcard's grade (again goes with --wrong, the others with --correct); "
                             "default: from --correct/--wrong")
    answer.set_defaults(handler=answer_question)

    complete = sub.add_parser("complete", help="complete a session")
    complete.add_argument("session_id", type=uuid_arg, metavar="SESSION_ID", help="the id `session start` printed")
    complete.set_defaults(handler=complete_session)

    progress = commands.add_parser("progress", help="schedule per word: repetitions, EF (under SM-2), interval, "
                                                    "next review")
    progress.add_argument("word_id", nargs="?", type=uuid_arg, metavar="WORD_ID", help="one word (default: every word)")
    progress.add_argument("--json", action="store_true", help="a JSON array")
    progress.set_defaults(handler=show_progress)


def start_session(args: argparse.Namespace, ctx: CliContext) -> int:
    profile = ctx.profile()
    word_ids = args.words
    if not word_ids:
        settings = profile.settings  # the same daily limits and session size as the Study page
        args.category = spelled_category(args.category, profile.queries.categories(with_none=True))
        focus = Focus(category=args.category, tag=args.tag)
        planned = plan_session(profile.queries, profile.service.clock(), profile.service.day_start_hour,
                               limits_from(settings), session_size_from(settings), focus)
        word_ids = [word.word_id for word in planned]
        if not word_ids and focus != EVERY_WORD:
            _say_if_none_has(profile.queries, args.category, args.tag)
            if args.category == "":
                which = "without a category"
            else:
                which = f"of tag {args.tag!r}" if args.category is None else f"of category {args.category!r}"
            raise RuleViolated(f"Nothing {which} is due and no new words {which} are left for today "
                               "(`words list --category C` or `--tag T` shows its words).")
        if not word_ids:
            raise RuleViolated("Nothing is due and no new words are left for today; add words or come back later.")
    session_id = profile.service.start_session(args.mode, word_ids)
    words = {w.word_id: w for w in profile.queries.words(WordFilter(include_deleted=True))}
    chosen = [words[word_id] for word_id in word_ids if word_id in words]
    if args.json:
        print_json({"session_id": session_id, "mode": args.mode,
                    "words": [{"id": w.word_id, "text": w.text, "meaning": w.meaning} for w in chosen]})
        return 0
    print(session_id)
    if sys.stdout.isatty():  # a person, not `SESSION=$(effect-desktop session start)`: which words, and how
        print(f"{counted(len(chosen), 'word')} to study ({args.mode.replace('_', ' ')}):")
        print_table(["WORD ID", "WORD"], [[w.word_id, w.text] for w in chosen])
        print(f"Answer each: {ctx.command(f'session answer {session_id} WORD_ID --correct|--wrong')};"
              f" then: {ctx.command(f'session complete {session_id}')}")
    return 0


def _say_if_none_has(queries: Any, category: str | None, tag: str | None) -> None:
    """A category or tag no word has (a slip: `--tag nosuch`) is named as such, not as "nothing due"."""
    if category and category not in queries.categories(with_none=True):
        named = ", ".join(repr(c) for c in queries.categories(with_none=True) if c)
        raise RuleViolated(f"No word has the category {category!r}; "
                           + (f"the categories are {named}." if named else "no word has a category yet."))
    if tag is not None and tag_key(tag) not in {tag_key(t) for t in queries.tags(with_parents=True)}:
        raise RuleViolated(f"No word has the tag {tag!r} (`effect-desktop words list` shows each word's tags).")


def answer_question(args: argparse.Namespace, ctx: CliContext) -> int:
    outcome = ctx.profile().service.answer(args.session_id, args.word_id, args.is_correct,
                                           args.time_ms, args.grade)
    line = f"answer {outcome.answer_event_id} (attempt {outcome.attempt_number})"
    if outcome.progress is not None:
        line += (f"; next review {outcome.progress.next_review_date:%Y-%m-%d %H:%M} UTC"
                 f" (interval {outcome.progress.interval_days} d)")
    print(line)
    return 0


def complete_session(args: argparse.Namespace, ctx: CliContext) -> int:
    profile = ctx.profile()
    profile.service.complete_session(args.session_id)
    view = profile.queries.session(args.session_id)
    if view is not None:
        print(f"completed: {view.correct}/{view.answered} correct in {view.duration_seconds} s")
    return 0


def show_progress(args: argparse.Namespace, ctx: CliContext) -> int:
    queries = ctx.profile().queries
    easy = has_easiness(ctx.profile().projector.scheduler.name)  # FSRS: no EF (it read 2.50 for every word)
    # deleted words too: a deleted word keeps its schedule (and comes back with it when restored)
    words = {w.word_id: w for w in queries.words(WordFilter(include_deleted=True))}
    service = ctx.profile().service
    # the study day the queue counts the review for (the instant, in another zone, read a day off)
    days = queries.due_days(service.day_start_hour, offset_minutes(service.clock()))
    rows = []
    for p in queries.all_progress():
        if args.word_id is not None and p.word_id != args.word_id:
            continue
        word = words.get(p.word_id)
        rows.append({
            "word_id": str(p.word_id), "text": word.text if word else None,
            "deleted": bool(word and word.deleted),
            "repetition_count": p.repetition_count, "easiness_factor": p.easiness_factor if easy else None,
            "interval_days": p.interval_days, "next_review_date": p.next_review_date.isoformat(),
            "next_review_day": days[p.word_id].isoformat() if p.word_id in days else None,
        })
    if args.word_id is not None and not rows:
        if args.word_id not in words:
            raise RuleViolated(f"There is no word with id {args.word_id}.")
        rows.append({"word_id": str(args.word_id), "text": words[args.word_id].text,
                     "deleted": words[args.word_id].deleted,
                     "repetition_count": 0, "easiness_factor": 2.5 if easy else None, "interval_days": 0,
                     "next_review_date": None, "next_review_day": None})
    if args.json:
        print_json(rows)
        return 0
    # the id first, as `words list` and `state` show it: two words spelt alike ("bank" twice) were told apart
    # nowhere in this table
    print_table(["ID", "WORD", "REPS", *(["EF"] if easy else []), "INTERVAL", "NEXT REVIEW"],
                [[r["word_id"], _word_shown(r), r["repetition_count"],
                  *([f"{r['easiness_factor']:.2f}"] if easy else []), r["interval_days"],
                  r["next_review_day"] or "new"] for r in rows])
    return 0


def _word_shown(row: dict[str, Any]) -> str:
    """The word as the table names it. A word whose creation a recovery could not read back has a
    schedule (its answers came back) but no text: the table said "None" (its id, in the first column,
    tells such words apart)."""
    if row["text"] is None:
        return "(word lost)"
    return f"{row['text']} (deleted)" if row["deleted"] else str(row["text"])
