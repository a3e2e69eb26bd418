"""Entry point: no arguments opens the app window; a subcommand runs the CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in args or "--startup-probe" in args:  # checks this installation, frozen or not
        from .selftest import run

        return run(args)
    if _wants_gui(args):
        from .bootstrap import default_data_dir
        from .cli.main import build_parser

        parsed, _ = build_parser().parse_known_args(args)
        from .gui.app import run_gui

        return run_gui(parsed.data_dir or default_data_dir(), parsed.profile)
    from .cli.main import run_cli

    return run_cli(args)


def _wants_gui(args: list[str]) -> bool:
    """Only global options (no subcommand, no help): the user double-clicked or ran the app."""
    skip_value = False
    for arg in args:
        if skip_value:
            skip_value = False
            continue
        if arg in ("--data-dir", "--profile"):
            skip_value = True
            continue
        if arg.startswith(("--data-dir=", "--profile=")):
            continue
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
