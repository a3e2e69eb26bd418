"""A real PostgreSQL server for the tests, with password authentication enforced.

Why a real server: the sync layer's behaviour (roles, grants, transactions, SQL
dialect) is what we test, and no fake reproduces it.

Where the server comes from, in order:

1. ``EFFECT_TEST_PG_URL`` if set: a superuser URL of a server someone else runs.
2. Otherwise a throwaway server started with the ``pgserver`` package (a PostgreSQL
   build shipped on PyPI). pgserver runs initdb/postgres as a ``pgserver`` system
   user when we are root (initdb refuses root), listens on a unix socket only
   (no TCP port, so no port clashes) and initialises with ``--auth=trust``.
   Trust would make every password test meaningless, so we then give the
   ``postgres`` superuser a random password, rewrite ``pg_hba.conf`` to a single
   ``local all all scram-sha-256`` rule, call ``pg_reload_conf()`` and wait until
   a password-less connection is refused -- proof that passwords are checked.

If the server cannot be had, the tests fail under ``CI=true`` (so CI never goes
green by skipping them) and are skipped elsewhere, with the reason.

URLs are SQLAlchemy-style: ``postgresql+psycopg://USER:PASS@/DB?host=/socket/dir``
(or ``@HOST:PORT/DB`` for an external server); ``libpq_url`` strips the
``+psycopg`` for ``psycopg.connect``.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import time
import warnings
from collections.abc import Iterator
from typing import Any, NoReturn
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

MIN_SERVER_VERSION = 140000


def libpq_url(url: str) -> str:
    """The same URL as psycopg/libpq accept it (``postgresql://``)."""
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if scheme.startswith("postgres") else url


def with_database(url: str, dbname: str) -> str:
    """``url`` pointing at another database on the same server."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + quote(dbname)))


def with_credentials(url: str, user: str, password: str) -> str:
    """``url`` logging in as another role (e.g. one a test has just created)."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{quote(user, safe='')}:{quote(password, safe='')}@{host}"
    return urlunsplit(parts._replace(netloc=netloc))


def _unavailable(reason: str) -> NoReturn:
    """Fail under CI (tests must run there), skip elsewhere."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL unavailable under CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL unavailable: {reason}")


def _check_server(url: str) -> None:
    with psycopg.connect(libpq_url(url), connect_timeout=10) as conn:
        version = conn.info.server_version
        is_super = conn.execute("select rolsuper from pg_roles where rolname = current_user")
        if version < MIN_SERVER_VERSION:
            raise RuntimeError(f"server version {version} < {MIN_SERVER_VERSION}")
        if not is_super.fetchone()[0]:  # type: ignore[index]
            raise RuntimeError("the URL's role is not a superuser")


def _start_pgserver() -> tuple[str, object, str]:
    """Start a pgserver instance with scram-sha-256 enforced; return (URL, server, tmp dir)."""
    with warnings.catch_warnings():  # platformdirs warns about XDG_RUNTIME_DIR at import
        warnings.simplefilter("ignore")
        import pgserver

    root = tempfile.mkdtemp(prefix="effect-pg-")  # short path: unix socket paths are <108 bytes
    server: Any = None
    try:
        server = pgserver.get_server(os.path.join(root, "data"), cleanup_mode="delete")
        return _passwords_enforced(server), server, root
    except BaseException:  # a server that failed to start, or to take a password, was left behind
        if server is not None:
            server.cleanup()
        shutil.rmtree(root, ignore_errors=True)
        raise


def _passwords_enforced(server: Any) -> str:
    """Give the superuser a password, refuse connections without one; the URL with it."""
    trust_uri = server.get_uri()  # postgresql://postgres:@/postgres?host=<socket dir>
    password = secrets.token_hex(16)
    with psycopg.connect(trust_uri, autocommit=True) as conn:
        conn.execute("set password_encryption = 'scram-sha-256'")
        conn.execute(f"alter role postgres with password '{password}'")
        hba_file = conn.execute("show hba_file").fetchone()[0]  # type: ignore[index]
        with open(hba_file, "w") as hba:  # we are root or the file's owner
            hba.write("# written by tests/support/postgres.py\nlocal all all scram-sha-256\n")
        conn.execute("select pg_reload_conf()")
    deadline = time.monotonic() + 10
    while True:  # the reload is asynchronous: wait until trust is really gone
        try:
            psycopg.connect(trust_uri, connect_timeout=5).close()
        except psycopg.OperationalError:
            break
        if time.monotonic() > deadline:
            raise RuntimeError("pg_hba.conf reload did not enforce passwords")
        time.sleep(0.05)
    return "postgresql+psycopg://" + trust_uri.split("://", 1)[1].replace(":@", f":{password}@", 1)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """Superuser URL of a running PostgreSQL >= 14 (see the module docstring)."""
    server, root = None, None

    def stop() -> None:
        if server is not None:
            server.cleanup()  # type: ignore[attr-defined]  # stops it, deletes its data
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)

    try:
        url = os.environ.get("EFFECT_TEST_PG_URL", "")
        if url:
            scheme, rest = url.split("://", 1)
            url = "postgresql+psycopg://" + rest if scheme in ("postgres", "postgresql") else url
        else:
            url, server, root = _start_pgserver()
        _check_server(url)
    except Exception as exc:  # noqa: BLE001 - any failure means "no server"
        stop()  # one that started but is unfit (too old, no superuser) was left running
        _unavailable(f"{type(exc).__name__}: {exc}")
    try:
        yield url
    finally:
        stop()


@pytest.fixture
def pg_database(pg_url: str) -> Iterator[str]:
    """A fresh, empty database per test, dropped afterwards; yields its URL.

    Roles are cluster-wide, so roles the test created are dropped too (best
    effort), letting every test use plain names like ``alice``.
    """
    name = "effect_test_" + secrets.token_hex(6)
    with psycopg.connect(libpq_url(pg_url), autocommit=True) as admin:
        roles_before = {r for (r,) in admin.execute("select rolname from pg_roles")}
        admin.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    try:
        yield with_database(pg_url, name)
    finally:
        with psycopg.connect(libpq_url(pg_url), autocommit=True) as admin:
            admin.execute(
                "select pg_terminate_backend(pid) from pg_stat_activity"
                " where datname = %s and pid <> pg_backend_pid()",
                (name,),
            )
            admin.execute(
                sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name))
            )
            for (role,) in admin.execute("select rolname from pg_roles").fetchall():
                if role not in roles_before:
                    try:
                        admin.execute(sql.SQL("drop role {}").format(sql.Identifier(role)))
                    except psycopg.Error as exc:
                        warnings.warn(f"could not drop test role {role!r}: {exc}", stacklevel=1)
