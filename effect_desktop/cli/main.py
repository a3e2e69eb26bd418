"""The `effect-desktop` command line.

Every failure a person can cause (a bad id, an empty meaning, a damaged
profile) becomes one line on stderr and exit status 2, with nothing written;
only `verify` uses status 1, for "the data disagrees", and Ctrl+C the
conventional 130.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

from .. import APP_NAME, __version__
from ..backup.schedule import daily_backup, daily_backup_due
from ..bootstrap import DEFAULT_PROFILE, LOG_FILE_NAME, command_for, default_data_dir, profile_path
from ..domain.errors import DomainError
from ..persistence.damage import damaged, is_damage
from ..persistence.errors import ProfileLocked, StoreError
from ..wording import counted
from . import (
    history_commands,
    interchange_commands,
    log,
    scheduler_commands,
    settings_commands,
    stats_commands,
    study,
    sync_commands,
    words,
)
from .context import CliContext, command_of, may_create, needs_existing
from .output import end_progress_line
from .parsing import data_dir_arg
from .stdout import OutputFailed, discard_stdout, flush_stdout, guarded_stdout

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl+C
# sysexits' EX_TEMPFAIL: another program's long write held the profile; trying again may do. A script
# read the busy profile's 2 as its own mistake, with nothing to tell it to wait and retry.
EXIT_BUSY = 75
# What a command whose printed result was lost did all the same (its result is the new thing's id).
# "{words}" and "{events}": `effect-desktop words list` and `… events` for the profile the command acted on
DONE_ANYWAY: dict[tuple[str, str | None], str] = {
    ("words", "add"): "the word was added (`{words}` shows it)",
    ("session", "start"): "the session was started (`{events}` shows it)"}
INTERRUPTED = ("interrupted: what was completed before the interrupt is kept; `{words}` or `{events}` shows what "
               "is there")
# Commands that write all or nothing: "what was completed before the interrupt is kept" read as if part of
# an import of 50,000 words had gone in, when none had.
IMPORT_NOTHING = ("interrupted: nothing was imported (an import goes in whole or not at all); run it again to "
                  "import the file")
IMPORT_STORED = "interrupted once the import was stored: all of it is kept (`{words}` shows it)"
# "what was completed … is kept; words list shows what is there" meant nothing for a command that writes
# nothing; and a CSV cut short between rows imports as a shorter list without a word, where a history export
# says its number of events first and a cut one is refused
_ONLY_READS = "interrupted; it only reads, so nothing was changed"
EXPORT_CUT = {"jsonl": "interrupted: the export is unfinished (with --output no file was written; what went to "
                       "standard output is cut short, and an import refuses it); the profile is unchanged",
              "csv": "interrupted: the export is unfinished (with --output no file was written; what went to "
                     "standard output is cut short: do not import it, as it would import as a shorter list); the "
                     "profile is unchanged"}
ONLY_READS = {("words", "list"), ("scheduler", None), ("scheduler", "preview"), ("backup", "list"),
              ("settings", None), *((command, None) for command in ("progress", "events", "verify", "stats",
                                                                   "state", "history"))}
BACKUP_CUT = ("interrupted: a backup cut short is deleted, never kept half made (`{backups}` shows whether this one "
              "was finished); the profile is unchanged")
log_ = logging.getLogger("effect_desktop.cli")

# Modules that add subcommands; each has register(subparsers).
COMMAND_MODULES: list[Any] = [words, study, log, stats_commands, interchange_commands, history_commands,
                               scheduler_commands, sync_commands, settings_commands]


class UsageError(Exception):
    """A command line we cannot run; the message says why."""


GLOBAL_OPTIONS = ("--data-dir", "--profile")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        unrecognized = message.split(":", 1)[1].split() if message.startswith("unrecognized arguments:") else []
        if any(arg.split("=", 1)[0] in GLOBAL_OPTIONS for arg in unrecognized):  # `words list --data-dir X`
            raise UsageError(f"{message}; global options (--data-dir, --profile) go before the command, as in "
                             "`effect-desktop --data-dir DIR words list`")
        raise UsageError(f"{message} (see `{self.prog} --help`)")


class _Version(argparse.Action):
    """`--version`: the version is looked up only when asked, since the window's start builds this parser too."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        print(f"{APP_NAME} {app_version()}")
        parser.exit()


def app_version() -> str:
    """The installed package's version (pyproject's); a frozen build carries no package metadata,
    and then the version the package was built with is said."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("effect-desktop")
    except PackageNotFoundError:
        return __version__


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="effect-desktop",
                     description="Effect Desktop: study vocabulary; every action is kept as an event. "
                                 "Without a command, the app window opens.")
    parser.add_argument("--data-dir", type=data_dir_arg, default=None, metavar="DIR",
                        help="folder holding the profiles (default: $EFFECT_DATA_DIR or the "
                             "platform's user data folder)")
    parser.add_argument("--profile", default=DEFAULT_PROFILE, metavar="NAME",
                        help="profile name: up to 64 letters, digits, spaces, - and _ (default: %(default)s)")
    parser.add_argument("--version", action=_Version, help="print the app's name and version, and exit")
    parser.add_argument("--self-test", action="store_true",  # run by __main__ before this parser
                        help="check this installation (a throwaway profile, the window, translations) and "
                             "exit 0 if it works; add --screenshot FILE to save the window it drew")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


class Interrupts:
    """Ctrl+C while a command runs. The first one stops the work (KeyboardInterrupt) and is
    remembered: it may surface as anything (a failed SQLite function, a driver error quoting its
    SQL), and whatever it surfaced as is reported as the interrupt. Once the command has ended,
    or during the cleanup after it, a Ctrl+C is only remembered, so closing the profile is never cut."""

    def __init__(self) -> None:
        self.seen = False
        self.armed = True
        self.command: tuple[str, str | None] | None = None  # the command under way, once the line is parsed
        self.format: str | None = None  # an export's
        self.stored = 0  # events the command stored before it ended
        self.profile_file: Path | None = None  # the profile it acted on, for the commands a message names
        self._previous: Any = None
        self._installed = False

    def _on_sigint(self, _signum: int, _frame: FrameType | None) -> None:
        self.seen = True
        if self.armed:
            self.armed = False
            raise KeyboardInterrupt

    def install(self) -> None:
        try:
            self._previous = signal.signal(signal.SIGINT, self._on_sigint)
            self._installed = True
        except ValueError:  # not the main thread (a test's or a tool's): leave signals alone
            pass

    def restore(self) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)
            self._installed = False


def run_cli(argv: Sequence[str]) -> int:
    interrupts = Interrupts()
    interrupts.install()
    code = EXIT_INTERRUPTED
    try:
        _write_utf8()
        argv = _as_sent(argv)
        unreadable = _not_utf8(argv)
        if unreadable is not None:
            code = _fail(f"the argument {unreadable} is not valid UTF-8 text; check the terminal's encoding "
                         "(it should be UTF-8) and type it again")
        else:
            with guarded_stdout():
                code = _run(argv, interrupts)
    except KeyboardInterrupt:  # landed outside the command (parsing the line, printing a message)
        interrupts.seen = True
    except OutputFailed as error:  # printing the help or the usage
        discard_stdout()
        code = _fail(f"could not write the output: {error}")
    finally:
        interrupts.armed = False
        interrupts.restore()
    if interrupts.seen:
        end_progress_line()
        said = interrupted(interrupts)  # (before the line was read: the default profile's commands)
        said = said.format(**commands_for(interrupts.profile_file or profile_path(default_data_dir(),
                                                                                  DEFAULT_PROFILE)))
        print(f"effect-desktop: {said}", file=sys.stderr)
        return EXIT_INTERRUPTED
    return code


def commands_for(profile_file: Path) -> dict[str, str]:
    """The commands a message names, for the profile at hand (pasted without its --data-dir and --profile,
    they showed the default profile)."""
    return {"words": command_for(profile_file, "words list"), "events": command_for(profile_file, "events"),
            "backups": command_for(profile_file, "backup list")}


def interrupted(interrupts: Interrupts) -> str:
    """What a Ctrl+C left, for the command it stopped."""
    key = interrupts.command
    if key is None:
        return INTERRUPTED
    if key[0] == "import":  # once stored, all of it is in: "nothing was imported" was said after the summary
        return IMPORT_STORED if interrupts.stored else IMPORT_NOTHING
    if key[0] == "export":
        return EXPORT_CUT.get(interrupts.format or "", EXPORT_CUT["jsonl"])
    if key in ONLY_READS:
        return _ONLY_READS
    if key == ("backup", "create"):
        return BACKUP_CUT
    return INTERRUPTED


def _run(argv: Sequence[str], interrupts: Interrupts) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except UsageError as error:
        return _fail(str(error))
    interrupts.command = command_of(args) if getattr(args, "command", None) else None
    interrupts.format = getattr(args, "format", None)
    interrupts.profile_file = None
    handler: Callable[[argparse.Namespace, CliContext], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    ctx = CliContext(args.data_dir or default_data_dir(), args.profile, creates=may_create(args))
    with contextlib.suppress(Exception):  # a profile name refused is said by the command
        interrupts.profile_file = ctx.profile_file
    code = EXIT_USAGE
    try:
        if needs_existing(args):
            ctx.require_existing()  # a typo in --profile must not answer with a new, empty profile
        code = handler(args, ctx)
        interrupts.command = None  # done: what it wrote is kept, whatever is interrupted after
        flush_stdout()  # a full disk shows here, while it can still be said, not in Python's exit
        interrupts.armed = False
    except KeyboardInterrupt:
        interrupts.seen = True
    except OutputFailed as error:
        interrupts.armed = False
        discard_stdout()
        code = EXIT_USAGE
        if not interrupts.seen:
            _fail(f"could not write the output: {error}{_done_anyway(args, ctx)}")
    except (DomainError, StoreError, UsageError, argparse.ArgumentTypeError, ValueError) as error:
        interrupts.armed = False
        if not interrupts.seen:  # else it is how the interrupt surfaced (e.g. in an SQLite function)
            _fail(str(error))
            if isinstance(error, ProfileLocked):
                code = EXIT_BUSY
    except BrokenPipeError:  # `effect-desktop events | head`: the reader left, which is fine
        discard_stdout()
        code = 0
    except Exception as error:  # the last line of defence: one line for the user, the rest in the log
        interrupts.armed = False
        if is_damage(error) and not interrupts.seen:  # met by a statement run on the driver itself
            _fail(str(damaged(ctx.profile_file, error)))
        elif not interrupts.seen:
            written = _log_unexpected(ctx.data_dir / LOG_FILE_NAME, error)
            details = f"details in {written}; " if written else ""
            _fail(f"unexpected error: {error.__class__.__name__}: {error} "
                  f"({details}please report it; nothing was half-written)")
    finally:
        interrupts.armed = False
        with contextlib.suppress(Exception):  # stored by the command, for the message (a damaged profile: 0)
            interrupts.stored = ctx.events_written()
        _close(ctx, interrupts, failed=code != 0 or interrupts.seen)
    return code


def _close(ctx: CliContext, interrupts: Interrupts, *, failed: bool) -> None:
    """Close the profile (and remove one this failed command created); a failure here is said in
    one line, its details logged, since what the command did is already stored."""
    try:
        if failed:
            ctx.discard_if_new()
        else:
            _daily_backup(ctx, interrupts)
        ctx.close()
    except Exception as error:  # after the command: nothing may escape as a traceback
        written = _log_unexpected(ctx.data_dir / LOG_FILE_NAME, error)
        details = f"; details in {written}" if written else ""
        print(f"effect-desktop: warning: the profile could not be closed cleanly ({error.__class__.__name__})"
              f"{details}", file=sys.stderr)


SAY_BACKUP_FROM = 100 * 1024 * 1024  # bytes of profile: its backup takes a second or more


def _daily_backup(ctx: CliContext, interrupts: Interrupts) -> None:
    """The day's automatic backup after a command that wrote: only the window took one, so a
    learner who used the CLI alone had none to restore. Not taken when it cannot be (a damaged
    file, a full disk) or when Ctrl+C skips it: the command itself succeeded, so that is a
    warning, and its exit status stays the command's (a script read 130 and added the word twice)."""
    profile = ctx.opened
    if ctx.events_written() == 0 or profile is None or not daily_backup_due(profile):
        return
    if sys.stderr.isatty() and profile.path.stat().st_size >= SAY_BACKUP_FROM:  # seconds: say why it waits
        print("effect-desktop: taking the day's backup of the profile (Ctrl+C skips it)…", file=sys.stderr)
    interrupts.armed = not interrupts.seen
    try:
        daily_backup(profile)
    except KeyboardInterrupt:
        interrupts.seen = False
        print("effect-desktop: warning: no daily backup was taken (skipped); the command itself was done",
              file=sys.stderr)
    except StoreError as error:
        print(f"effect-desktop: warning: no daily backup was taken: {error}", file=sys.stderr)
    finally:
        interrupts.armed = False


def _log_unexpected(log_file: Path, error: BaseException) -> Path | None:
    """The traceback goes to the log beside the profiles (the window's log), not the terminal;
    None when even that cannot be written."""
    try:
        with open(log_file, "a", encoding="utf-8") as handle:
            handle.write(f"{datetime.now().astimezone().isoformat(timespec='seconds')} ERROR "
                         f"{log_.name}: unexpected error\n")
            traceback.print_exception(error, file=handle)
    except OSError:
        return None
    return log_file


def _write_utf8() -> None:
    """Output that never stops at a character: under an ASCII locale (a C locale Python did not
    coerce) the output is UTF-8, as every terminal today reads it; under another encoding chosen
    (Latin-1, a Windows code page, PYTHONIOENCODING) it stays, with what it cannot hold escaped (JSON
    is written with \\u escapes there: see output.print_json). Before, `words list --json > file`
    stopped at the first Japanese word with "'ascii' codec can't encode character", half a JSON
    document behind it."""
    chosen = bool(os.environ.get("PYTHONIOENCODING"))
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").replace("_", "-").lower()
        if encoding in ("utf-8", "utf8") or not hasattr(stream, "reconfigure"):
            continue
        ascii_only = encoding in ("ascii", "us-ascii", "ansi-x3.4-1968", "646")
        with contextlib.suppress(ValueError, OSError):  # already written to, or not a stream we may change
            if ascii_only and not chosen:
                stream.reconfigure(encoding="utf-8")
            else:
                stream.reconfigure(errors="backslashreplace")


def _as_sent(argv: Sequence[str]) -> list[str]:
    """The arguments as the terminal sent them: under a locale Python does not read as UTF-8 (ASCII, a
    C locale without coercion) a UTF-8 "café" arrives as bytes it could not decode, and was refused as
    "not valid UTF-8 text"; bytes that are UTF-8 are read so."""
    sent = []
    for argument in argv:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):  # else `_not_utf8` names it
                argument = argument.encode("utf-8", "surrogateescape").decode("utf-8")
        sent.append(argument)
    return sent


def _not_utf8(argv: Sequence[str]) -> str | None:
    """The first argument that is not text, its bytes escaped: a terminal in Latin-1 passes café as
    b"caf\\xe9", which Python keeps as a lone surrogate that no event can store (it failed as
    "Error serializing to JSON: UnicodeEncodeError … surrogates not allowed")."""
    for argument in argv:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            try:
                raw = argument.encode("utf-8", "surrogateescape")  # the bytes the terminal sent
            except UnicodeEncodeError:  # a surrogate that stands for no byte (Windows' UTF-16)
                raw = argument.encode("utf-8", "backslashreplace")
            return f"'{raw.decode('utf-8', 'backslashreplace')}'"
    return None


def _done_anyway(args: argparse.Namespace, ctx: CliContext) -> str:
    """The output is lost, but what the command stored is kept: say so, or the learner adds the word again."""
    stored = ctx.events_written()
    if not stored:
        return ""
    done = DONE_ANYWAY.get(command_of(args), f"the command was done all the same ({counted(stored, 'new event')} "
                                              f"kept; `{{events}}` shows {'it' if stored == 1 else 'them'})")
    return "; " + done.format(**commands_for(ctx.profile_file))


def _fail(message: str) -> int:
    print(f"effect-desktop: error: {message}", file=sys.stderr)
    return EXIT_USAGE
