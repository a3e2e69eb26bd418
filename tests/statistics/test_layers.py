"""The figures and the `stats` command run without Qt (a server or a script has no display)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_figures_and_the_command_never_import_qt() -> None:
    code = ("import sys; import effect_desktop.statistics.figures, effect_desktop.statistics.asof, "
            "effect_desktop.cli.stats_commands, effect_desktop.projections.materialize; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6'))")
    found = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
