"""Server administration: prepare a database (`server init`), add learners (`server add-user`) and
remove them (`server remove-user`).

Both take an administrator's URL (a superuser, or the database owner with
CREATEROLE). Role names and passwords go into DDL through psycopg's
`sql.Identifier` / `sql.Literal` quoting, never by string formatting; a
password goes only as its SCRAM verifier, never as it is.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

import psycopg
import sqlalchemy as sa
from psycopg import sql
from sqlalchemy.exc import DBAPIError

from ..wording import counted
from .connection import connect, explain, first_line
from .errors import (
    AuthenticationFailed,
    BadServerURL,
    SchemaMismatch,
    ServerBusy,
    ServerNotPrepared,
    ServerRefused,
    ServerUnreachable,
    SyncError,
)
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
    try:  # a clear message for unreachable / wrong password / TLS / a missing database, before SQLAlchemy
        with connect(url, autocommit=True, explained=explain_admin) as connection:
            _refuse_another_apps_events(connection, url)
    except psycopg.Error as error:
        raise explain_admin(error, url) from error
    engine = sa.create_engine(url.sqlalchemy, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as connection:
            before, after = migrate(connection)
    except DBAPIError as error:
        if isinstance(error.orig, psycopg.Error):
            raise explain_admin(error.orig, url) from error
        raise
    finally:
        engine.dispose()
    return InitResult(before, after)


def _refuse_another_apps_events(connection: psycopg.Connection, url: ServerURL) -> None:
    """A database whose `events` table is another program's: said so, before anything is changed
    (it failed with "column event_id does not exist", called a refused sync)."""
    columns = {row[0] for row in connection.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = 'events'")}
    if columns and not {"event_id", "aggregate_id", "event_data", "position"} <= columns:
        raise ServerRefused(
            f"The database {url.database!r} already has a table named events that is not Effect Desktop's; "
            "nothing was changed. Give the sync server a database of its own (CREATE DATABASE effect_sync;) "
            "and run `effect-desktop server init` with that one.")


def explain_admin(error: psycopg.Error, url: ServerURL) -> SyncError:
    """`explain`, worded for the administrator running `server ...` (its advice was the learner's)."""
    learner = explain(error, url)
    detail = first_line(str(error).strip())
    if isinstance(learner, AuthenticationFailed):
        return AuthenticationFailed(f"The server refused the administrator {url.user!r} or its password "
                                    f"({url.display}); check the administrator URL.")
    if isinstance(learner, BadServerURL) and "has no database" in str(learner):
        return SchemaMismatch(f"The server has no database {url.database!r}; create it first (as a superuser: "
                              f"CREATE DATABASE {url.database};), then run this command again.")
    if isinstance(learner, ServerBusy):
        return ServerBusy(f"The server kept the command waiting for a lock ({detail}): a learner's sync or another "
                          "administrator's command holds it. Nothing was changed; run the command again.")
    if isinstance(learner, ServerUnreachable):
        return ServerUnreachable(f"The server {url.display} cannot be reached ({detail}); check the host and port "
                                 "in the administrator URL, and that PostgreSQL is running there.")
    if isinstance(error, psycopg.errors.InsufficientPrivilege):  # a learner's URL given for the administrator's
        return ServerRefused(f"The server refused {url.user!r} ({detail}): this command needs the administrator's "
                             "URL (a user allowed to create logins, such as the one `server init` ran with), not a "
                             "learner's.")
    if type(learner) is ServerRefused:
        return ServerRefused(f"The server refused: {detail}")
    return learner


def add_user(admin_url: str, name: str, password: str | None = None, *, reclaim: bool = False) -> str:
    """Create a learner's login role; returns the URL (with password) the learner syncs with.

    `reclaim`: the name's login was dropped by hand while its events stayed, and the same learner is
    to have it back with them (without it such a name is refused: a new learner would read them)."""
    if not _USER_NAME.match(name):
        raise BadServerURL(
            f"{name!r} cannot be a user name: use lower-case letters, digits and _ "
            "(starting with a letter or _), at most 63 characters.")
    password = password or secrets.token_urlsafe(18)
    url = ServerURL.parse(admin_url)
    with connect(url, explained=explain_admin) as connection:
        try:
            check_client_compatible(connection)
        except ServerNotPrepared as error:  # said to the administrator, who is the one to run it
            raise ServerNotPrepared(f"The database {url.database!r} is not prepared for Effect Desktop sync yet: "
                                    "run `effect-desktop server init --url ADMIN_URL` on it first, then add "
                                    "users.") from error
        try:
            exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            if exists:
                raise ServerRefused(f"A user named {name!r} already exists on this server; choose "
                                    "another name.")
            events, learners = _left_by(connection, name)
            if (events or learners) and not reclaim:  # rows are owned by name: a new login would read them
                raise ServerRefused(
                    f"The server still holds {counted(events, 'event')} of an earlier user named {name!r} (its login "
                    "was removed by hand); a new user of that name would receive them. Choose another name, "
                    f"or delete them first with `effect-desktop server remove-user {name} --url ADMIN_URL "
                    f"--yes`; if they are this learner's own, `server add-user {name} --reclaim` gives the "
                    "login back with them.")
            connection.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(name), sql.Literal(scram_verifier(connection, name, password)),
                sql.Identifier(USERS_ROLE)))
            connection.commit()
        except psycopg.Error as error:
            raise explain_admin(error, url) from error
    return url.with_user(name, password).libpq


def scram_verifier(connection: psycopg.Connection, name: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of `password`, made here: the server stores it as it is and never
    sees the password. (`CREATE ROLE ... PASSWORD 'plain'` put the password in the server's log
    under log_statement = 'ddl', a common audit setting, and in pg_stat_statements.)"""
    return connection.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()


@dataclass(frozen=True)
class Removal:
    had_login: bool
    events: int
    learners: int


def remove_user(admin_url: str, name: str, *, delete: bool) -> Removal:
    """Remove a learner from the server: their login, their events and their learner ids, in one
    transaction (their computers keep their own history). With `delete` False only counts what
    would go. Rows are owned by the user's name, so a login dropped by hand (DROP ROLE) left them for
    the next user given that name; this is the way to remove one."""
    if not _USER_NAME.match(name):
        raise BadServerURL(f"{name!r} cannot be an Effect Desktop user name (lower-case letters, digits and _).")
    url = ServerURL.parse(admin_url)
    with connect(url, explained=explain_admin) as connection:
        check_client_compatible(connection)
        try:
            login = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None
            learner = connection.execute(
                "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
                "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = %s AND g.rolname = %s",
                (name, USERS_ROLE)).fetchone() is not None
            if login and not learner:  # logins belong to the whole server: another program's, perhaps
                raise ServerRefused(f"{name!r} is a login of this PostgreSQL server but not an Effect Desktop "
                                    f"user (not in {USERS_ROLE}); it was left alone.")
            events, learners = _left_by(connection, name)
            if not (login or events or learners):
                raise ServerRefused(f"There is no user named {name!r} on this server, and nothing of one.")
            if delete:
                connection.execute("DELETE FROM events WHERE owner = %s", (name,))
                connection.execute("DELETE FROM sync_user_ids WHERE owner = %s", (name,))
                if connection.execute("SELECT to_regclass('sync_push_locks') IS NOT NULL").fetchone() == (True,):
                    # (a version-1 server, which apps now sync with, has no such table: the removal
                    # failed there as "relation does not exist"; found in review)
                    connection.execute("DELETE FROM sync_push_locks WHERE owner = %s", (name,))
                if login:
                    connection.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))
                connection.commit()
        except psycopg.Error as error:
            raise explain_admin(error, url) from error
    return Removal(login, events, learners)


def events_left_by(admin_url: str, name: str) -> int:
    """How many events the server holds under the user name `name` (what `add_user(reclaim=True)`
    hands over: said before, so an administrator sees whose history goes to the new login)."""
    url = ServerURL.parse(admin_url)
    with connect(url, explained=explain_admin) as connection:
        try:
            return _left_by(connection, name)[0]
        except psycopg.Error as error:
            raise explain_admin(error, url) from error


def _left_by(connection: psycopg.Connection, name: str) -> tuple[int, int]:
    """(events, learner ids) the server holds under the user name `name`."""
    events = connection.execute("SELECT count(*) FROM events WHERE owner = %s", (name,)).fetchone()
    learners = connection.execute("SELECT count(*) FROM sync_user_ids WHERE owner = %s", (name,)).fetchone()
    return int(events[0] if events else 0), int(learners[0] if learners else 0)
