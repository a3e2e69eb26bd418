"""`effect-desktop --self-test`: does this installation work, end to end?

A built app can lack a Qt plugin, a translation or the resources folder and
still start far enough to look fine on the build machine. The self-test walks
the path a user's first minute takes, in a throwaway profile: find the
resources, run real commands through the core (create a word, start a session,
answer), check the read models against a replay of the events, load every
command-line command and the sync client, load the translations and the icon,
draw a chart, and render the main window offscreen.
Each check prints OK or FAIL with what it found; the exit status is 0 only if
all pass. The build script runs it on the built app as its last step.

`--self-test --screenshot PATH` also saves the rendered main window as a PNG,
so a maintainer on another system can look at what the built app draws.
`--startup-probe` opens the main window on a throwaway profile and exits as
soon as it has been painted, so a script can time "double-click to window".
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, cast

from .runner import SelfTest

EXIT_OK = 0
EXIT_FAILED = 1


def run(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _prefer_offscreen()
    out = _output()
    if "--startup-probe" in args:
        return startup_probe(out)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="effect-selftest-") as folder:
        test = SelfTest(out)
        test.values["screenshot"] = _option_value(args, "--screenshot")
        runtime = "frozen app" if _frozen() else f"Python {sys.version.split()[0]}"
        print(f"Effect Desktop self-test ({_version()}, {runtime})", file=out)
        _run_checks(test, Path(folder))
    total = time.perf_counter() - started
    failed = [o.name for o in test.outcomes if not o.ok]
    if failed:
        print(f"self-test FAILED: {len(failed)} of {len(test.outcomes)} checks ({', '.join(failed)}) "
              f"in {total:.2f} s", file=out)
        return EXIT_FAILED
    print(f"self-test passed: {len(test.outcomes)} checks in {total:.2f} s", file=out)
    failure = getattr(out, "failure", None)
    if failure is not None:
        print(f"effect-desktop: the self-test's report could not be written: {failure.strerror or failure}",
              file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _run_checks(test: SelfTest, folder: Path) -> None:
    from ..gui import selftest_checks as qt_checks
    from . import core_checks

    test.check("resources", core_checks.check_resources)
    test.check("profile", lambda: core_checks.open_throwaway_profile(test, folder))
    test.check("command", lambda: core_checks.run_commands(test), needs=["profile"])
    test.check("read models", lambda: core_checks.verify_read_models(test), needs=["command"])
    test.check("archive", lambda: core_checks.check_archive(test), needs=["read models"])
    test.check("command line", core_checks.check_command_line)
    test.check("sync client", core_checks.check_sync_client)
    test.check("qt", lambda: qt_checks.start_qt(test))
    test.check("qt plugins", qt_checks.check_plugins, needs=["qt"])
    test.check("translations", qt_checks.check_translations, needs=["qt", "resources"])
    test.check("icon", qt_checks.check_icon, needs=["qt", "resources"])
    test.check("charts", qt_checks.check_charts, needs=["qt"])
    test.check("main window", lambda: qt_checks.render_main_window(test), needs=["qt", "command"])
    core_checks.close_profile(test)


def startup_probe(out: IO[str]) -> int:
    """Open the main window on an empty throwaway profile, print how long it took, exit once painted."""
    from ..gui import selftest_checks as qt_checks

    with tempfile.TemporaryDirectory(prefix="effect-probe-") as folder:
        try:
            timing = qt_checks.time_to_window(Path(folder))
        except Exception as error:  # reported as one line: the caller is a timing script
            print(f"startup probe FAILED: {error.__class__.__name__}: {error}", file=out)
            return EXIT_FAILED
    since = f"{timing.since_process_start:.2f} s" if timing.since_process_start is not None else "n/a"
    print(f"startup-probe: main window painted {since} after the process started "
          f"({timing.cpu_seconds:.2f} s of CPU time; {timing.probe_seconds:.2f} s after the probe began)", file=out)
    return EXIT_OK


def _option_value(args: list[str], name: str) -> str | None:
    """`--screenshot PATH` or `--screenshot=PATH`: where to save the rendered main window (optional)."""
    for index, arg in enumerate(args):
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _prefer_offscreen() -> None:
    """Render offscreen when there is no display (a build machine, CI, a server)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _output() -> IO[str]:
    """stdout, or a file when a windowed build has none (Windows' console-less exe)."""
    if sys.stdout is not None:
        return cast(IO[str], _Forgiving(sys.stdout))
    return open(Path(tempfile.gettempdir()) / "effect-desktop-selftest.txt", "w", encoding="utf-8")  # noqa: SIM115


class _Forgiving:
    """The report's stream, whose write failures do not stop the checks: `--self-test | head -1`
    and `> /dev/full` ended in a traceback. A reader that left is no failure; any other is said on
    stderr once, at the end (`failure`), and the exit status says it."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream: IO[str] | None = stream
        self.failure: OSError | None = None

    def write(self, text: str) -> int:
        if self.stream is not None:
            try:
                self.stream.write(text)
                self.stream.flush()
            except BrokenPipeError:
                self.stream = None
            except OSError as error:
                self.stream, self.failure = None, error
        return len(text)

    def flush(self) -> None:
        pass

    def __getattr__(self, name: str) -> object:
        return getattr(sys.__stdout__, name)


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"version {version('effect-desktop')}"
    except PackageNotFoundError:
        return "version unknown"
