"""`settings`: the learner's numeric settings (application/settings.py), shown and changed."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..application.settings import DAY_START, SETTINGS, setting_named
from ..backup.backups import left_behind, other_process_holding
from ..bootstrap import change_day_start_hour
from ..domain.errors import RuleViolated
from ..wording import counted
from .context import CliContext
from .output import print_json, print_table, rebuild_progress


def register(commands: Any) -> None:
    settings = commands.add_parser("settings", help="show the profile's settings, or change one with `set`",
                                   description="Without a command: each setting with its value, default and "
                                               "range (--json: the values alone).")
    settings.add_argument("--json", action="store_true", help="a JSON object of name: value")
    settings.set_defaults(handler=show_settings)
    sub = settings.add_subparsers(dest="settings_command", metavar="COMMAND")
    change = sub.add_parser("set", help="change a setting: " + ", ".join(s.name for s in SETTINGS)
                            + f" (a new {DAY_START.name} recounts past study days from the history)")
    change.add_argument("name", metavar="NAME", help="one of: " + ", ".join(s.name for s in SETTINGS))
    change.add_argument("value", metavar="VALUE", help="`effect-desktop settings` shows each one's range")
    change.set_defaults(handler=set_setting)


def show_settings(args: argparse.Namespace, ctx: CliContext) -> int:
    stored = ctx.profile().settings
    if args.json:
        print_json({s.name: s.read(stored) for s in SETTINGS})
        return 0
    print_table(["NAME", "VALUE", "DEFAULT", "RANGE", "WHAT IT DOES"],
                [[s.name, s.read(stored), s.default, f"{s.low}-{s.high}", s.about] for s in SETTINGS],
                max_width=70)
    return 0


def set_setting(args: argparse.Namespace, ctx: CliContext) -> int:
    setting = setting_named(args.name)
    value = setting.checked(args.value)
    profile = ctx.profile()
    if setting is not DAY_START:
        profile.settings.set(setting.key, str(value))
        print(f"{setting.name} = {value}")
        return 0
    if value == DAY_START.read(profile.settings):
        print(f"the study day already starts at {value}:00; nothing changed")
        return 0
    holder = other_process_holding(ctx.profile_file)
    if holder is not None:  # its window would go on counting days from the old hour
        raise RuleViolated(f"Effect Desktop has this profile open (process {holder}); change the hour in its "
                           f"Settings, or close it first. {left_behind(ctx.profile_file)} Nothing was changed.")
    replayed = change_day_start_hour(profile, value, rebuild_progress(profile.store.last_position()))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"the study day now starts at {value}:00; days, streak and due dates recounted from "
          f"{counted(replayed, 'event')}")
    return 0
