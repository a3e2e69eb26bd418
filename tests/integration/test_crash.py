"""Kill -9 in the middle of a workload: everything confirmed is there, the read models agree."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from uuid import UUID

import pytest

from effect_desktop.bootstrap import open_profile

from .profile_helpers import dump_read_models

REPO = Path(__file__).resolve().parents[2]
CONFIRMED_BEFORE_KILL = 120


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_workload_loses_nothing_confirmed(tmp_path: Path) -> None:
    path = tmp_path / "crash.effect.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-m", "tests.integration.crash_worker", str(path)],
                             cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    confirmed: list[tuple[str, UUID]] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            kind, value = line.split()
            confirmed.append((kind, UUID(value)))
            if len(confirmed) >= CONFIRMED_BEFORE_KILL:
                child.send_signal(signal.SIGKILL)
                break
    finally:
        if child.poll() is None:
            child.kill()
        _, errors = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, f"the worker ended on its own: {errors}"
    # lines the child printed after the kill was sent also count as confirmed, if read
    assert len(confirmed) >= CONFIRMED_BEFORE_KILL

    profile = open_profile(path)
    try:
        stored_ids = {e.event_id for e in profile.store.iter_all()}
        for kind, value in confirmed:
            if kind == "event":
                assert value in stored_ids, f"confirmed event {value} was lost"
            else:
                assert profile.store.get_events(value), f"confirmed stream {value} was lost"
        # the read models were committed with the events: equal to a rebuild from them
        incremental = dump_read_models(profile)
        assert profile.projector.catch_up() == 0
        profile.projector.rebuild()
        assert dump_read_models(profile) == incremental
        # and the store continues cleanly after the crash
        word = profile.service.create_word("after the crash", "クラッシュの後")
        assert profile.queries.word(word) is not None
    finally:
        profile.close()
