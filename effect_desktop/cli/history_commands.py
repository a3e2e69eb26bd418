"""`effect-desktop state --as-of TIME` and `effect-desktop history WORD`: the past, from the events."""

from __future__ import annotations

import argparse
import locale
import os
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..projections.views import WordView
from ..statistics.asof import has_easiness
from ..timeline.describe import field_name, story_words
from ..timeline.service import Timeline
from ..timeline.travel import PastState
from ..timeline.word_history import WordNotFound, WordStory
from ..wording import counted, value_text
from .context import CliContext
from .output import PhaseLines, print_json, print_table
from .parsing import time_arg


def register(commands: Any) -> None:
    state = commands.add_parser("state", help="the words, progress, streak and totals as they were at a moment")
    state.add_argument("--as-of", dest="as_of", type=time_arg, required=True, metavar="TIME",
                       help="ISO date or date-time, e.g. 2026-11-01 or 2026-11-01T21:30 (local time unless "
                            "a zone is given)")
    state.add_argument("--json", action="store_true", help="print one JSON object")
    state.set_defaults(handler=show_state)

    history = commands.add_parser("history", help="one word's story: creation, edits, answers, progress")
    history.add_argument("word", help="the word's id or its text now (case, width and hiragana/katakana ignored)")
    history.add_argument("--json", action="store_true", help="print one JSON object")
    history.add_argument("--language", choices=("en", "ja"),
                         help="language of the sentences (default: the window's, as chosen in its Settings, "
                              "else the system's: ja where LANGUAGE, LC_ALL, LC_MESSAGES or LANG asks for "
                              "Japanese, else en)")
    history.set_defaults(handler=show_history)


def show_state(args: argparse.Namespace, ctx: CliContext) -> int:
    timeline = Timeline(ctx.profile())
    lines = PhaseLines()

    def preparing(done: int, total: int) -> bool:  # the first time on a long history: minutes
        lines("preparing time travel (once; later moments come quickly)", done, total)
        return True

    try:
        timeline.prepare(preparing)  # brings the time-travel checkpoints up to date (quick unless many are new)
    finally:
        lines.end()
    now = ctx.profile().service.clock()
    future = args.as_of > now  # time travel goes back, never beyond now (as in the window)
    past = timeline.state_at(min(args.as_of, now))
    if args.json:
        print_json(state_json(past))
        return 0
    when = "now: the moment given is still to come" if future else "the past"
    print(f"As of {past.moment.isoformat(timespec='seconds')} ({when}; {counted(len(past.words), 'word')})")
    easy = has_easiness(past.scheduler)  # FSRS then: no EF (it read 2.50 for every word), as `progress` says
    print_table(["ID", "WORD", "MEANING", "REPS", *(["EF"] if easy else []), "INTERVAL", "NEXT REVIEW"],
                [[w.word_id, w.text, w.meaning, *_progress_cells(w, past.due_days, easy)] for w in past.words])
    totals = past.totals
    print(f"streak: {counted(past.streak.current, 'day')} (last study day {past.streak.last_study_day or '-'})")
    correct = f" ({totals.accuracy:.0%} correct)" if totals.answers else ""  # no answers: no score
    print(f"answers: {totals.answers}{correct}, sessions completed: "
          f"{totals.sessions_completed}, study time: {totals.study_seconds // 60} min, "
          f"study days: {totals.study_days}, scheduler: {past.scheduler}")
    return 0


def _progress_cells(word: WordView, due_days: dict[Any, date], easy: bool) -> list[Any]:
    """NEXT REVIEW: the study day the queue counted the review for then (as the word list says it);
    `easy`: the scheduler then kept an easiness (EF), as SM-2 does and FSRS does not."""
    p = word.progress
    if p is None:
        return ["", *([""] if easy else []), "", "new"]
    day = due_days.get(word.word_id)
    return [p.repetition_count, *([f"{p.easiness_factor:.2f}"] if easy else []), p.interval_days,
            day.isoformat() if day else p.next_review_date.astimezone().strftime("%Y-%m-%d")]


def state_json(past: PastState) -> dict[str, Any]:
    return {
        "as_of": past.moment.isoformat(),
        "position": past.position,
        "scheduler": past.scheduler,
        "words": [{
            "id": str(w.word_id), "text": w.text, "meaning": w.meaning, "category": w.category,
            "tags": w.tags, "difficulty": w.difficulty,
            "progress": None if w.progress is None else {
                "repetition_count": w.progress.repetition_count,
                "easiness_factor": w.progress.easiness_factor if has_easiness(past.scheduler) else None,
                "interval_days": w.progress.interval_days,
                "next_review_date": w.progress.next_review_date.isoformat(),
                "next_review_day": past.due_days[w.word_id].isoformat() if w.word_id in past.due_days else None,
            },
        } for w in past.words],
        "streak": {"consecutive_days": past.streak.consecutive_days, "current": past.streak.current,
                   "last_study_day": past.streak.last_study_day.isoformat() if past.streak.last_study_day else None},
        "totals": {"answers": past.totals.answers, "correct": past.totals.correct,
                   "sessions_completed": past.totals.sessions_completed,
                   "study_seconds": past.totals.study_seconds, "words_added": past.totals.words_added,
                   "study_days": past.totals.study_days},
    }


WINDOW_LANGUAGE = "gui.language"  # the window's choice in Settings, kept in the profile (gui/preferences.py)


def system_language(environ: Mapping[str, str] = os.environ) -> str:
    """"ja" where the system speaks Japanese, as the window's language "System" reads it: LANGUAGE's
    first choice (as gettext and Qt read it), else the first of LC_ALL, LC_MESSAGES and LANG that is set
    (under LANG=ja_JP.UTF-8 `history` was English unless told), else the locale Python reads (Windows
    names it "Japanese_Japan")."""
    first_choice = environ.get("LANGUAGE", "").split(":")[0]
    if first_choice and environ.get("LC_ALL", environ.get("LANG", "")) not in ("C", "POSIX"):
        return "ja" if first_choice.lower().startswith("ja") else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return "ja" if environ[name].lower().startswith("ja") else "en"
    name = locale.getlocale()[0] or ""
    return "ja" if name.lower().startswith(("ja", "japanese")) else "en"


def show_history(args: argparse.Namespace, ctx: CliContext) -> int:
    profile = ctx.profile()
    if args.language is None:  # the window's language: its choice in Settings, else the system's
        chosen = profile.settings.get(WINDOW_LANGUAGE, "system")
        args.language = chosen if chosen in ("en", "ja") else system_language()
    timeline = Timeline(profile)
    if timeline.needs_rebuild():
        timeline.prepare()
    try:
        story = timeline.word_story(timeline.find_word(args.word), args.language)
    except WordNotFound as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if args.json:
        print_json(story_json(story))
        return 0
    words = story_words(args.language)
    status = words["deleted"] if story.deleted else ""
    print(f"{story.text}{status}: {story.fields.get('meaning', '')}  [{story.word_id}]")
    for step in story.steps:
        mark = words["undone"] if step.retracted else ""
        print(f"{(step.local_at or step.at).strftime('%Y-%m-%d %H:%M:%S')}  {step.sentence}{mark}")
        for name, old in step.before.items():
            print(f"{'':21}{field_name(name, args.language)}: {value_text(old, args.language)} → "
                  f"{value_text(step.after.get(name), args.language)}")
    answers = [a for a in story.answers if not a.retracted]  # an undone answer counts nowhere
    right = sum(1 for a in answers if a.after.get("is_correct"))
    days = story.intervals[-1].interval_days if story.intervals else 0
    print(words["summary"].format(answers=counted(len(answers), "answer"), count=len(answers), right=right,
                                  interval=counted(days, "day"), days=days))
    return 0


def story_json(story: WordStory) -> dict[str, Any]:
    return {
        "id": str(story.word_id), "text": story.text, "fields": story.fields, "deleted": story.deleted,
        "steps": [{"at": s.at.isoformat(), "event_type": s.event_type, "sentence": s.sentence,
                   "position": s.position, "before": s.before, "after": s.after, "retracted": s.retracted}
                  for s in story.steps],
        "intervals": [{"at": p.at.isoformat(), "interval_days": p.interval_days,
                       "next_review_date": p.next_review_date.isoformat() if p.next_review_date else None}
                      for p in story.intervals],
    }
