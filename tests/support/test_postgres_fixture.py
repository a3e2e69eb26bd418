"""Self-check of the PostgreSQL fixtures: a real server, isolated databases, real passwords."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from tests.support.postgres import libpq_url, pg_database, pg_url, with_credentials

__all__ = ["pg_database", "pg_url"]  # the fixtures, imported so this file works without conftest

pytestmark = pytest.mark.postgres


def scalar(conn: psycopg.Connection[Any], query: str) -> Any:
    row = conn.execute(query).fetchone()
    assert row is not None
    return row[0]


def test_server_is_real_and_recent(pg_database: str) -> None:
    with psycopg.connect(libpq_url(pg_database)) as conn:
        assert scalar(conn, "select version()").startswith("PostgreSQL ")
        assert conn.info.server_version >= 140000
        assert scalar(conn, "select current_database()").startswith("effect_test_")
        # a fresh database has no tables of ours
        assert scalar(conn, "select count(*) from pg_tables where schemaname = 'public'") == 0


def test_password_authentication_is_enforced(pg_database: str) -> None:
    with psycopg.connect(libpq_url(pg_database), autocommit=True) as admin:
        admin.execute("create role alice login password 'right-horse-battery'")

    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(libpq_url(with_credentials(pg_database, "alice", "wrong")))

    url = libpq_url(with_credentials(pg_database, "alice", "right-horse-battery"))
    with psycopg.connect(url) as conn:
        assert scalar(conn, "select current_user") == "alice"


def test_roles_and_databases_do_not_leak_between_tests(pg_database: str) -> None:
    # runs after the test above (file order): its role and database are gone
    with psycopg.connect(libpq_url(pg_database), autocommit=True) as admin:
        assert scalar(admin, "select count(*) from pg_roles where rolname = 'alice'") == 0
        admin.execute("create role alice login password 'x'")  # the same name works again
        own = "select count(*) from pg_database where datname like 'effect_test_%'"
        assert scalar(admin, own) == 1  # only this test's own database
