"""Time the built app from process start to its main window, cold and warm.

    python packaging/measure_startup.py dist/EffectDesktop/effect-desktop [--runs 3]

"Cold" means the bundle's own files are not in the page cache, as on the
first launch after a reboot: before that run every file of the bundle is
evicted with posix_fadvise(DONTNEED), which touches only our files (dropping
the whole page cache would disturb everything else on a shared machine). The
system's libraries (libc, libGL, fontconfig) stay cached, as they are on a
running desktop. Each run is `--startup-probe`, which stops at the window's
first paint and reports the wall time since the kernel started the process
and the CPU time used until then.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

PROBE_LINE = re.compile(r"painted (?P<wall>[\d.]+) s after the process started \((?P<cpu>[\d.]+) s of CPU time")


def evict(folder: Path) -> int:
    """Drop the folder's files from the page cache; returns how many bytes were asked to go."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
            total += path.stat().st_size
    return total


def probe(exe: Path) -> tuple[float, float]:
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": os.environ.get("HOME", "/tmp"),
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    result = subprocess.run([str(exe), "--startup-probe"], env=env, capture_output=True, text=True, timeout=120)
    match = PROBE_LINE.search(result.stdout)
    if result.returncode != 0 or match is None:
        raise SystemExit(f"measure_startup: the probe failed: {result.stdout}{result.stderr}")
    return float(match["wall"]), float(match["cpu"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exe", type=Path, help="the built app's executable")
    parser.add_argument("--runs", type=int, default=3, help="warm runs after the cold one")
    args = parser.parse_args(argv)
    if not hasattr(os, "posix_fadvise"):
        print("measure_startup: no posix_fadvise here; the first run is only as cold as the cache allows")
    else:
        evicted = evict(args.exe.parent)
        print(f"evicted {evicted / 2**20:.0f} MB of the bundle from the page cache")
    cold_wall, cold_cpu = probe(args.exe)
    print(f"cold: {cold_wall:.2f} s to window ({cold_cpu:.2f} s CPU)")
    warm = [probe(args.exe) for _ in range(args.runs)]
    walls = [w for w, _ in warm]
    print(f"warm: {', '.join(f'{w:.2f}' for w in walls)} s to window "
          f"(median {statistics.median(walls):.2f} s; CPU {', '.join(f'{c:.2f}' for _, c in warm)} s)")
    print(f"startup: cold {cold_wall:.2f} s, warm median {statistics.median(walls):.2f} s, "
          f"CPU {statistics.median(c for _, c in warm):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
