"""A script run in an application of its own on a screen of a given size, scale and font.

The offscreen platform reads its screens from a file when the application
starts, so a small laptop (1366×768 at 150%: 911×512) or a netbook (1024×600)
needs a process of its own. The script gets the profile path, then
`arguments`, and prints its findings as JSON on its last line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def run_on(tmp_path: Path, script: str, width: int, height: int, scale: float, *arguments: str) -> dict:
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}", QT_SCALE_FACTOR=str(scale),
               PYTHONPATH=os.pathsep.join([str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "laptop.effect.sqlite3"), *arguments], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
