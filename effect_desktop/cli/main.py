"""The `effect-desktop` command line.

Every failure a person can cause (a bad id, an empty meaning, a damaged
profile) becomes one line on stderr and exit status 2, with nothing written;
only `verify` uses status 1, for "the data disagrees".
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from ..bootstrap import DEFAULT_PROFILE, LOG_FILE_NAME, default_data_dir
from ..domain.errors import DomainError
from ..persistence.errors import StoreError
from . import (
    history_commands,
    interchange_commands,
    log,
    settings_commands,
    stats_commands,
    study,
    sync_commands,
    words,
)
from .context import CliContext

EXIT_USAGE = 2
log_ = logging.getLogger("effect_desktop.cli")

# Modules that add subcommands; each has register(subparsers).
COMMAND_MODULES: list[Any] = [words, study, log, stats_commands, interchange_commands, history_commands,
                               sync_commands, settings_commands]


class UsageError(Exception):
    """A command line we cannot run; the message says why."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="effect-desktop",
                     description="Effect Desktop: study vocabulary; every action is kept as an event. "
                                 "Without a command, the app window opens.")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="folder holding the profiles (default: $EFFECT_DATA_DIR or the "
                             "platform's user data folder)")
    parser.add_argument("--profile", default=DEFAULT_PROFILE, help="profile name (default: %(default)s)")
    parser.add_argument("--self-test", action="store_true",  # run by __main__ before this parser
                        help="check this installation (a throwaway profile, the window, translations) and "
                             "exit 0 if it works; add --screenshot FILE to save the window it drew")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def run_cli(argv: Sequence[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except UsageError as error:
        return _fail(str(error))
    handler: Callable[[argparse.Namespace, CliContext], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    ctx = CliContext(args.data_dir or default_data_dir(), args.profile)
    try:
        return handler(args, ctx)
    except (DomainError, StoreError, UsageError, argparse.ArgumentTypeError, ValueError) as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("interrupted; nothing after the last completed command was written")
    except BrokenPipeError:  # `effect-desktop events | head`: the reader left, which is fine
        _silence_stdout()
        return 0
    except Exception as error:  # the last line of defence: one line for the user, the rest in the log
        written = _log_unexpected(ctx.data_dir / LOG_FILE_NAME, error)
        details = f"details in {written}; " if written else ""
        return _fail(f"unexpected error: {error.__class__.__name__}: {error} "
                     f"({details}please report it; nothing was half-written)")
    finally:
        ctx.close()


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


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit flush does not hit the closed pipe again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _fail(message: str) -> int:
    print(f"effect-desktop: error: {message}", file=sys.stderr)
    return EXIT_USAGE
