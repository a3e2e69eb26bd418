"""`server init`, `server add-user` and `sync`: preparing a sync server and syncing a profile.

A sync failure is one line on stderr, with a line before it for the events
kept pending (their count) and, for a server given that could not be
reached, one after it on the server remembered. A script can tell the two kinds apart by the exit
status: 1 when trying again later may do (the server cannot be reached, the
connection dropped), 2 when something given must be fixed first (the URL, the
password, the account, the server's version), as for every other invalid command.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from typing import Any

from ..backup.schedule import backup_before_sync, needs_backup
from ..bootstrap import day_start_moved, rebuild_under_hour_in_force
from ..persistence.errors import StoreError
from ..timeline.describe import scheduler_name
from ..timeline.scheduler_choice import day_start_in_force
from ..wording import counted
from .context import CliContext
from .output import progress_line

EXIT_FAILED = 2
EXIT_TRY_LATER = 1
MISSING_DRIVER = ("sync needs the optional packages psycopg and keyring: "
                  "pip install 'effect-desktop[sync]'")


def register(commands: Any) -> None:
    server = commands.add_parser("server", help="prepare a PostgreSQL sync server and add its users")
    server_commands = server.add_subparsers(dest="server_command", required=True, metavar="COMMAND")
    init = server_commands.add_parser("init", help="create or upgrade the sync schema (idempotent)")
    init.add_argument("--url", required=True, help="administrator URL: postgresql://ADMIN:PASSWORD@HOST/DB")
    init.set_defaults(handler=run_init)
    add = server_commands.add_parser("add-user", help="create a learner's login; prints their sync URL")
    add.add_argument("name", help="user name (lower-case letters, digits, _)")
    add.add_argument("--password", help="the user's password (default: a generated one)")
    add.add_argument("--url", required=True, help="administrator URL: postgresql://ADMIN:PASSWORD@HOST/DB")
    add.add_argument("--reclaim", action="store_true",
                     help="the name's login was dropped by hand and its events kept: give the same learner "
                          "the login back, with them")
    add.set_defaults(handler=run_add_user)
    remove = server_commands.add_parser(
        "remove-user", help="remove a learner's login and their events from the server (not from their computers)")
    remove.add_argument("name", help="the user name")
    remove.add_argument("--url", required=True, help="administrator URL: postgresql://ADMIN:PASSWORD@HOST/DB")
    remove.add_argument("--yes", action="store_true", help="really delete (without it: say what would go)")
    remove.set_defaults(handler=run_remove_user)

    sync = commands.add_parser("sync", help="send this profile's new events to the server and fetch the others'")
    sync.add_argument("--url", help="postgresql://USER:PASSWORD@HOST/DB[?sslmode=require] (default: "
                                    "$EFFECT_SYNC_URL, else the remembered server)")
    sync.add_argument("--save-password-in-profile", action="store_true",
                      help="without a system keyring, keep the password in the profile file (plain text)")
    sync.add_argument("--status", action="store_true",
                      help="only print the server, the pending count and when the last sync succeeded")
    sync.set_defaults(handler=run_sync)


def _failed(error: Exception) -> int:
    print(f"effect-desktop: error: {error}", file=sys.stderr)
    return EXIT_FAILED


def _sync_package() -> Any:
    """Imported on use: psycopg is optional, and the rest of the CLI must work without it."""
    try:
        from .. import sync
        from ..sync import admin, credentials  # noqa: F401  (submodules used through `sync`)
    except ImportError as error:
        raise _MissingDriver(MISSING_DRIVER) from error
    return sync


class _MissingDriver(Exception):
    """psycopg is not installed."""


def run_init(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        sync = _sync_package()
    except _MissingDriver as error:
        return _failed(error)
    try:
        result = sync.admin.init_server(args.url)
    except sync.SyncError as error:
        return _failed(error)
    print(result.describe())
    return 0


def run_add_user(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        sync = _sync_package()
    except _MissingDriver as error:
        return _failed(error)
    try:
        reclaimed = sync.admin.events_left_by(args.url, args.name) if args.reclaim else 0
        url = sync.admin.add_user(args.url, args.name, args.password, reclaim=args.reclaim)
    except sync.SyncError as error:
        return _failed(error)
    if reclaimed:  # whose history goes to the new login, said (the learner's, or a mistake to undo now)
        print(f"The login {args.name!r} has the {counted(reclaimed, 'event')} its earlier login left on the "
              "server.", file=sys.stderr)
    # the sentence on stderr, the URL alone on stdout: URL=$(effect-desktop server add-user …) took both lines
    print(f"User {args.name!r} added. Their sync URL (keep it secret, it holds the password):", file=sys.stderr)
    print(url)
    return 0


def run_remove_user(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        sync = _sync_package()
    except _MissingDriver as error:
        return _failed(error)
    try:
        removal = sync.admin.remove_user(args.url, args.name, delete=args.yes)
    except sync.SyncError as error:
        return _failed(error)
    what = (f"the login {args.name!r}" if removal.had_login else "no login (already dropped)") + (
        f", {counted(removal.events, 'event')} and {counted(removal.learners, 'learner id')}")
    if not args.yes:  # a look, not a failure
        print(f"would remove {what} from the server; their computers keep their own history. "
              "Run again with --yes to do it.")
        return 0
    print(f"removed {what} from the server; their computers keep their own history")
    return 0


def _last_sync(recorded: str | None) -> str:
    """When a sync of this profile last succeeded (by this program or the window), in local time."""
    try:
        return datetime.fromisoformat(recorded).astimezone().strftime("%Y-%m-%d %H:%M") if recorded else "never"
    except ValueError:
        return "unknown"


def run_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        sync = _sync_package()
    except _MissingDriver as error:
        return _failed(error)
    profile = ctx.profile()
    credentials = sync.credentials
    if args.status:
        saved = profile.settings.get(credentials.SETTING_URL)
        remembered = credentials.ServerURL.parse(saved).display if saved else "none"
        from_environment = os.environ.get(credentials.ENV_URL)
        if from_environment:  # what a plain `sync` uses first; it said "none" for a profile synced only so
            try:
                shown = credentials.ServerURL.parse(from_environment).display
            except sync.SyncError:
                shown = "not a valid URL"
            remembered = f"{shown} (from {credentials.ENV_URL}; remembered: {remembered})"
        print(f"server: {remembered}\npending: {sync.pending_count(profile)}\n"
              f"last sync: {_last_sync(profile.settings.get(sync.client.LAST_SYNCED))}")
        return 0
    scheduling_by = profile.service.scheduler.name
    try:
        url = credentials.resolve(profile, args.url)
        if url.cleartext_warning:  # libpq's default falls back to plain text without a word
            print(f"effect-desktop: warning: {url.cleartext_warning}", file=sys.stderr)
        result = sync.SyncClient(profile, url, before_pull=lambda incoming: _back_up(profile, incoming),
                                 on_connected=lambda: _remember(args, profile, credentials)).sync(_show_progress)
    except sync.SyncError as error:
        _end_progress()
        pending = sync.pending_count(profile)
        if pending:
            waiting = "1 event is" if pending == 1 else f"{pending:,} events are"
            print(f"effect-desktop: {waiting} waiting to be sent; kept for the next sync.", file=sys.stderr)
        transient = isinstance(error, sync.ServerUnreachable | sync.SyncInterrupted)
        _failed(error)  # why first, then what it means for the server remembered
        if transient:
            _say_the_saved_server_stays(args, profile, credentials)
        return EXIT_TRY_LATER if transient else EXIT_FAILED
    _end_progress()
    print(result.describe())
    if day_start_moved(profile):  # another device moved the start of the study day: count under it now
        rebuild_under_hour_in_force(profile)
        hour = day_start_in_force(profile.store)
        print(f"a study day now starts at {hour}:00 (moved on another device); every day was counted again")
    if profile.service.scheduler.name != scheduling_by:  # another device's switch came in (and refolded)
        shown = scheduler_name(profile.service.scheduler.name)
        print(f"reviews are now scheduled by {shown} (chosen on another device); every word's next review "
              "was worked out again")
    return 0


def _back_up(profile: Any, incoming: int) -> None:
    """Before a sync takes in many events (backup/schedule.py), saying so: it takes a while."""
    if needs_backup(profile, incoming):
        _end_progress()
        # "up to": some may be here already (a restored backup holds what it sent); "receiving 70 events"
        # was followed by "51 received"
        print(f"backing up the profile before taking in up to {counted(incoming, 'event')} from the server",
              file=sys.stderr)
        try:
            backup_before_sync(profile, incoming)
        except StoreError as error:  # a full disk must not stop every sync: a sync only adds events
            print(f"effect-desktop: the backup before this sync could not be made ({error}); syncing "
                  "without it", file=sys.stderr)


def _say_the_saved_server_stays(args: argparse.Namespace, profile: Any, credentials: Any) -> None:
    """After a sync that could not reach the URL given: a URL is remembered only once its server took
    the login (`on_connected`), as after a refused password. An unreachable one had been kept: a typo
    in `--url` replaced the server that works, and `sync --url no-such-host…` was then "the server
    this profile still syncs with"."""
    saved = profile.settings.get(credentials.SETTING_URL)
    url = credentials.ServerURL.parse(args.url) if args.url else None  # the sync parsed it already
    if url is None or url.stored == saved:
        return
    given = url.display
    if saved:
        shown = credentials.ServerURL.parse(saved).display  # a key's passphrase remembered in it stays unsaid
        print(f"effect-desktop: this profile still syncs with {shown}; give --url again to use {given}.",
              file=sys.stderr)
    else:
        print(f"effect-desktop: {given} is remembered once it has taken the login; give --url again next time.",
              file=sys.stderr)


def _remember(args: argparse.Namespace, profile: Any, credentials: Any) -> None:
    """A URL typed on the command line becomes the profile's server (said when it changes)."""
    if not args.url:
        return
    try:
        given = credentials.ServerURL.parse(args.url)
        known = profile.settings.get(credentials.SETTING_URL) == given.stored
        note = credentials.remember(profile, given, allow_plaintext=args.save_password_in_profile)
    except StoreError as error:  # a profile that cannot be written must not hide the sync's own outcome
        print(f"effect-desktop: the server was not remembered: {error}", file=sys.stderr)
        return
    if not known or args.save_password_in_profile:
        print(note, file=sys.stderr)


_shown: dict[str, Any] = {"any": False, "phase": None}


def _show_progress(phase: str, done: int, total: int) -> None:
    """One line per phase, rewritten in place on a terminal; a new phase starts a new line. Nothing
    to a log file or a pipe (as PhaseLines): there the carriage returns ran the counts together."""
    if not sys.stderr.isatty():
        return
    verb = "sending" if phase == "push" else "receiving"
    if _shown.get("phase") not in (None, phase):
        print(file=sys.stderr)
    _shown["phase"] = phase
    print(f"\r{verb} {done:,}/{total:,} events", end="", file=sys.stderr, flush=True)
    _shown["any"] = True
    progress_line(True)


def _end_progress() -> None:
    if _shown["any"]:
        print(file=sys.stderr)
        _shown["any"] = False
        progress_line(False)
    _shown["phase"] = None
