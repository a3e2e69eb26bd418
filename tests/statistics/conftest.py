from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.statistics.history import KnownHistory, build_known_history


@pytest.fixture
def history(tmp_path: Path) -> Iterator[KnownHistory]:
    known = build_known_history(tmp_path / "default.effect.sqlite3")
    yield known
    known.profile.close()
