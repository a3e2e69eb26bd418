"""Running the self-test's checks: each one timed, printed as OK or FAIL, never a crash."""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any


class CheckFailed(Exception):
    """A check found something wrong; the message says what."""


@dataclass
class Outcome:
    name: str
    ok: bool
    detail: str
    seconds: float


class SelfTest:
    """Runs named checks in order, printing each as it finishes; later checks may use earlier results."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.outcomes: list[Outcome] = []
        self.values: dict[str, Any] = {}

    def check(self, name: str, action: Callable[[], str], needs: Sequence[str] = ()) -> bool:
        missing = [n for n in needs if not self.passed(n)]
        started = time.perf_counter()
        if missing:
            outcome = Outcome(name, False, f"not run: {', '.join(missing)} failed", 0.0)
        else:
            try:
                outcome = Outcome(name, True, action(), time.perf_counter() - started)
            except CheckFailed as error:
                outcome = Outcome(name, False, str(error), time.perf_counter() - started)
            except Exception as error:  # a self-test reports every failure as a line, never a crash
                where = traceback.extract_tb(error.__traceback__)[-1]
                outcome = Outcome(name, False, f"{error.__class__.__name__}: {error} "
                                               f"(at {Path(where.filename).name}:{where.lineno})",
                                  time.perf_counter() - started)
        self.outcomes.append(outcome)
        status = "OK  " if outcome.ok else "FAIL"
        print(f"{status} {name:<22} {outcome.detail} ({outcome.seconds * 1000:.0f} ms)", file=self.out, flush=True)
        return outcome.ok

    def passed(self, name: str) -> bool:
        return any(o.name == name and o.ok for o in self.outcomes)

    @property
    def ok(self) -> bool:
        return all(o.ok for o in self.outcomes)


def seconds_since_process_start() -> float | None:
    """Linux only: wall time since the kernel started this process (includes the bundle's unpacking)."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return uptime - int(stat[19]) / ticks

