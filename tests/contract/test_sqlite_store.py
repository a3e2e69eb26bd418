"""The store contract on a real SQLite file, opened as a profile opens it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from effect_desktop.domain.registry import default_registry
from effect_desktop.persistence.schema import metadata
from effect_desktop.persistence.sql_store import SqlEventStore
from effect_desktop.persistence.sqlite import create_sqlite_engine

from .store_contract import StoreContract


class TestSqliteStore(StoreContract):
    @pytest.fixture
    def store(self, tmp_path: Path) -> Iterator[SqlEventStore]:
        engine = create_sqlite_engine(tmp_path / "contract.sqlite3")
        metadata.create_all(engine)
        yield SqlEventStore(engine, default_registry())
        engine.dispose()
