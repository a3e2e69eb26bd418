"""Server administration: prepare a database (`server init`) and add learners (`server add-user`).

Both take an administrator's URL (a superuser, or the database owner with
CREATEROLE). Role names and passwords go into DDL through psycopg's
`sql.Identifier` / `sql.Literal` quoting, never by string formatting.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

import psycopg
import sqlalchemy as sa
from psycopg import sql
from sqlalchemy.exc import DBAPIError

from .connection import connect, explain
from .errors import BadServerURL, ServerRefused
from .server_schema import USERS_ROLE, check_client_compatible, migrate
from .urls import ServerURL

_USER_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True)
class InitResult:
    before: int
    after: int

    def describe(self) -> str:
        if self.before == self.after:
            return f"The server's sync schema is already at version {self.after}; nothing to do."
        return f"The server's sync schema went from version {self.before} to {self.after}."


def init_server(admin_url: str) -> InitResult:
    url = ServerURL.parse(admin_url)
    connect(url).close()  # a clear message for unreachable / wrong password / TLS, before SQLAlchemy
    engine = sa.create_engine(url.sqlalchemy, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as connection:
            before, after = migrate(connection)
    except DBAPIError as error:
        if isinstance(error.orig, psycopg.Error):
            raise explain(error.orig, url) from error
        raise
    finally:
        engine.dispose()
    return InitResult(before, after)


def add_user(admin_url: str, name: str, password: str | None = None) -> str:
    """Create a learner's login role; returns the URL (with password) the learner syncs with."""
    if not _USER_NAME.match(name):
        raise BadServerURL(
            f"{name!r} cannot be a user name: use lower-case letters, digits and _ "
            "(starting with a letter or _), at most 63 characters.")
    password = password or secrets.token_urlsafe(18)
    url = ServerURL.parse(admin_url)
    with connect(url) as connection:
        check_client_compatible(connection)
        try:
            exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            if exists:
                raise ServerRefused(f"A user named {name!r} already exists on this server; choose "
                                    "another name.")
            connection.execute("SET LOCAL password_encryption = 'scram-sha-256'")
            connection.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(name), sql.Literal(password), sql.Identifier(USERS_ROLE)))
            connection.commit()
        except psycopg.Error as error:
            raise explain(error, url) from error
    return url.with_user(name, password).libpq
