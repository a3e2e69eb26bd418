"""`effect-desktop scheduler [preview|switch NAME]`: which scheduler folds the answers, and a switch.

The window's Scheduler… (on the Timeline page) was the only way to switch; a learner importing an Anki
history from a terminal was told FSRS would suit it and had no command to choose it. The same preview
and the same `SchedulerChanged` event as the window's, so a script and the window agree.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..interchange.importer import SCHEDULER_NAMES as NAMES
from ..timeline import scheduler_replay
from ..timeline.scheduler_choice import SCHEDULERS
from ..wording import counted
from .context import CliContext
from .output import print_json


def register(commands: Any) -> None:
    scheduler = commands.add_parser(
        "scheduler", help="the scheduler folding the answers (SM-2 or FSRS); preview or switch to another",
        description="Without a command: the scheduler in use. `preview SCHEDULER` and `switch SCHEDULER` "
                    "take sm2 or fsrs.")
    scheduler.set_defaults(handler=show_scheduler, scheduler_command=None)
    sub = scheduler.add_subparsers(dest="scheduler_command", metavar="COMMAND")
    what = "sm2 (SM-2, as SuperMemo published it) or fsrs (FSRS, which counts the time between reviews)"
    preview = sub.add_parser("preview", help="replay every answer under SCHEDULER and say how the due words "
                                             "would change; writes nothing",
                             description="Replay every answer under SCHEDULER and say how the due words would "
                                         "change; nothing is written.")
    preview.add_argument("scheduler", metavar="SCHEDULER", choices=SCHEDULERS, help=what)
    preview.add_argument("--json", action="store_true", help="print one JSON object")
    preview.set_defaults(handler=preview_scheduler)
    switch = sub.add_parser("switch", help="schedule by SCHEDULER from now on: recorded as an event, every "
                                           "answer replayed under it (switching back replays them again)",
                            description="Schedule by SCHEDULER from now on: a SchedulerChanged event, every "
                                        "answer replayed under it, as the window's Scheduler… records it.")
    switch.add_argument("scheduler", metavar="SCHEDULER", choices=SCHEDULERS, help=what)
    switch.set_defaults(handler=switch_scheduler)


def show_scheduler(args: argparse.Namespace, ctx: CliContext) -> int:
    name = ctx.profile().service.scheduler.name
    print(f"{NAMES.get(name, name)} ({name}); `{ctx.command('scheduler preview SCHEDULER')}` shows what a "
          "switch would change")
    return 0


def preview_scheduler(args: argparse.Namespace, ctx: CliContext) -> int:
    profile = ctx.profile()
    if profile.service.scheduler.name == args.scheduler and not args.json:
        print(f"already scheduled by {NAMES[args.scheduler]}; a switch would change nothing")
        return 0
    found = scheduler_replay.preview(profile, args.scheduler)
    if args.json:
        print_json(scheduler_replay.describe_preview(found))
        return 0
    moves = f"{counted(len(found.moved), 'word')} move{'s' if len(found.moved) == 1 else ''}"
    print(f"{NAMES[found.current]} → {NAMES[found.scheduler]}: {counted(found.answers, 'answer')} of "
          f"{counted(found.words, 'word')} replayed; due now {found.due_now_before:,} → {found.due_now_after:,}, "
          f"within a week {found.due_week_before:,} → {found.due_week_after:,}; {moves}")
    return 0


def switch_scheduler(args: argparse.Namespace, ctx: CliContext) -> int:
    profile = ctx.profile()
    if profile.service.scheduler.name == args.scheduler:
        print(f"already scheduled by {NAMES[args.scheduler]}; nothing recorded")
        return 0
    scheduler_replay.switch(profile, args.scheduler)
    print(f"scheduled by {NAMES[args.scheduler]} from now on (every answer replayed under it)")
    return 0
