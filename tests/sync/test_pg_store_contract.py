"""The store contract on PostgreSQL: the same `SqlEventStore`, the same tables (JSONB there)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from effect_desktop.domain.registry import default_registry
from effect_desktop.persistence.schema import metadata
from effect_desktop.persistence.sql_store import SqlEventStore
from tests.contract.store_contract import StoreContract

pytestmark = pytest.mark.postgres


class TestPostgresStore(StoreContract):
    @pytest.fixture
    def store(self, pg_database: str) -> Iterator[SqlEventStore]:
        engine = sa.create_engine(pg_database)
        metadata.create_all(engine)
        yield SqlEventStore(engine, default_registry())
        engine.dispose()
