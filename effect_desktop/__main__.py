"""Entry point: no arguments opens the app window; a subcommand runs the CLI."""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl+C


def main(argv: Sequence[str] | None = None) -> int:
    """Ctrl+C at any moment, even while the app's modules are still loading, ends quietly with 130."""
    try:
        code = _main(argv)
        if argv is None:  # the process is about to exit: a late Ctrl+C must not cut that short with a traceback
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        return code
    except KeyboardInterrupt:
        print("effect-desktop: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in args or "--startup-probe" in args:  # checks this installation, frozen or not
        extra = _besides_the_self_test(args)
        if extra is not None:  # `--self-test words list` ran the self-test and ignored the command
            print(f"effect-desktop: error: --self-test runs alone ({extra!r} was given with it); run "
                  "`effect-desktop --self-test [--screenshot FILE]`, and any command separately", file=sys.stderr)
            return EXIT_USAGE
        from .selftest import run

        return run(args)
    if _leading_screenshot(args):  # it said "invalid choice: 'x.png'"
        print("effect-desktop: error: --screenshot goes with --self-test: "
              "effect-desktop --self-test --screenshot FILE", file=sys.stderr)
        return EXIT_USAGE
    if _wants_gui(args):
        from .bootstrap import default_data_dir
        from .cli.main import UsageError, build_parser

        try:
            parsed, _ = build_parser().parse_known_args(args)
        except UsageError as error:  # e.g. `--data-dir ""`: said as the command line says it
            print(f"effect-desktop: error: {error}", file=sys.stderr)
            return EXIT_USAGE
        if _no_display():
            print("effect-desktop: there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
                  "not set, as over SSH); run it on the desktop, or use a command: effect-desktop --help",
                  file=sys.stderr)
            return EXIT_USAGE
        from .gui.app import run_gui

        return run_gui(parsed.data_dir or default_data_dir(), parsed.profile)
    from .cli.main import run_cli

    return run_cli(args)


def _no_display() -> bool:
    """On Linux without a display Qt aborts the process (status 134, "Reinstalling the application
    may fix this problem"), which tells an SSH user nothing. A platform named in QT_QPA_PLATFORM
    (offscreen, vnc) is the user's choice and is left to Qt."""
    import os

    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


GLOBAL_WITH_VALUE = ("--data-dir", "--profile")
SELF_TEST_OPTIONS = ("--self-test", "--startup-probe")


def _after_options(args: list[str], with_value: tuple[str, ...], flags: tuple[str, ...] = ()) -> list[str]:
    """`args` from the first that is none of these options: each of `with_value` with its value (as
    "--name value" or "--name=value"), each of `flags` alone."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in with_value:
            index += 2
        elif arg in flags or arg.startswith(tuple(f"{name}=" for name in with_value)):
            index += 1
        else:
            return args[index:]
    return []


def _besides_the_self_test(args: list[str]) -> str | None:
    """The first argument a self-test line holds besides its own options and the global ones."""
    rest = _after_options(args, (*GLOBAL_WITH_VALUE, "--screenshot"), SELF_TEST_OPTIONS)
    return rest[0] if rest else None


def _leading_screenshot(args: list[str]) -> bool:
    """`--screenshot` among the options before a command (it belongs to the self-test alone)."""
    rest = _after_options(args, GLOBAL_WITH_VALUE)
    return bool(rest) and (rest[0] == "--screenshot" or rest[0].startswith("--screenshot="))


def _wants_gui(args: list[str]) -> bool:
    """Only global options (no subcommand, no help): the user double-clicked or ran the app."""
    return not _after_options(args, GLOBAL_WITH_VALUE)


if __name__ == "__main__":
    sys.exit(main())
