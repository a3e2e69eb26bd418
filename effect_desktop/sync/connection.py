"""Opening a connection to the sync server, with driver errors turned into ours.

libpq's messages are precise but technical; `explain` maps the common ones
(offline, wrong password, TLS refused) to the sentence a learner can act on,
keeping the original in the message tail for whoever reads the log.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable

import psycopg

from .errors import (
    AuthenticationFailed,
    BadServerURL,
    DatabaseMissing,
    ServerBusy,
    ServerRefused,
    ServerSilent,
    ServerUnreachable,
    SyncError,
    SyncInterrupted,
    TLSFailure,
)
from .urls import ServerURL

APPLICATION_NAME = "effect-desktop-sync"
# libpq's words for a URL it will not use: `invalid sslmode value`, `invalid URI query parameter`,
# `invalid integer value "abc" for connection option "port"`, `invalid port number: "99999"`
_URL_REFUSED = re.compile(r"invalid [\w ]*(value|query parameter|connection option|port number)")
CONNECT_TIMEOUT_S = 10
PROBE_TIMEOUT_S = 1.0  # after a connect timed out: does the port take a plain TCP connection at once?
DEFAULT_PORT = 5432
# The longest a statement waits for a lock (a push for the account's push lock, held by the page another
# computer of the account is inserting: seconds at most). Past it the sync stops with ServerBusy instead
# of waiting with no word for whatever holds it. No statement_timeout: a slow link's long COPY is no fault.
LOCK_TIMEOUT_S = 30


def connect(url: ServerURL, *, autocommit: bool = False,
            explained: Callable[[psycopg.Error, ServerURL], SyncError] | None = None) -> psycopg.Connection:
    """`explained` words a failure for who is connecting (the administrator's commands have their own)."""
    try:
        connection = psycopg.connect(url.libpq, connect_timeout=CONNECT_TIMEOUT_S, autocommit=autocommit,
                                     application_name=APPLICATION_NAME)
    except psycopg.Error as error:
        raise (explained or explain)(error, url) from error
    try:  # for the session (set_config: SET takes no parameters), committed if a transaction was opened
        connection.execute("SELECT set_config('lock_timeout', %s, false)", (f"{LOCK_TIMEOUT_S}s",))
        connection.commit()
    except psycopg.Error as error:
        connection.close()
        raise (explained or explain)(error, url) from error
    return connection


def explain(error: psycopg.Error, url: ServerURL) -> SyncError:
    """Our error for a driver error raised while connecting or talking to the server."""
    text = str(error).strip()
    lower = text.lower()
    where = url.display
    if "password authentication failed" in lower or "no password supplied" in lower or (
            "role" in lower and "does not exist" in lower):
        return AuthenticationFailed(
            f"The server refused user {url.user!r} or its password ({where}); check them in the "
            "sync settings or run `effect-desktop sync --url` with the right password.",
            detail=f"user {url.user!r}, {where}")
    if isinstance(error, psycopg.errors.LockNotAvailable):
        return ServerBusy(
            f"The server kept the sync waiting more than {LOCK_TIMEOUT_S} s for a lock ({where}): another "
            "computer of this account may be sending many changes, or the server's administrator is at work. "
            "Nothing was lost; your changes are kept and go at the next sync. If it keeps happening, tell "
            "the server's administrator.", detail=f"{where}: {first_line(text)}")
    if _URL_REFUSED.search(lower):
        # libpq refusing the URL itself (`sslmode=requir`, an unknown option, a port that is no number):
        # nothing reached the server, so it must not be blamed
        return BadServerURL(
            f"The server URL {where} has a mistake: {first_line(text)}. Check the part after '?' "
            "(sslmode is one of disable, allow, prefer, require, verify-ca, verify-full) and the port.")
    if "ssl" in lower or "tls" in lower or "certificate" in lower:
        return TLSFailure(
            f"An encrypted (TLS) connection to {where} could not be made: {first_line(text)}. "
            "Check that the server has TLS enabled, or ask its administrator; without TLS your "
            "password would travel in the clear.", detail=f"{where}: {first_line(text)}")
    if "database" in lower and "does not exist" in lower:  # a typo in the URL, most often
        return DatabaseMissing(
            f"The server has no database {url.database!r}; check the database name at the end of the "
            "server URL (your administrator gave it with your account).", detail=f"{where}: {first_line(text)}")
    if isinstance(error, psycopg.errors.InsufficientPrivilege):
        return ServerRefused(f"The server refused the operation for {url.user!r}: {first_line(text)}")
    if isinstance(error, psycopg.OperationalError):
        if lower.startswith("connection failed") and "server closed the connection" in lower:
            # closed before a word was said: a proxy whose database is down, a firewall, another service
            # (it said "dropped during the sync; everything received so far is kept", to Test connection too)
            return ServerSilent(
                f"Something at {url.hostport or where} took the connection and closed it at once, without "
                f"answering as a PostgreSQL server. Check the port in the server URL {where} (PostgreSQL's is "
                f"usually {DEFAULT_PORT}); if it is right, the server (or a proxy in front of it) is not letting "
                "connections in: try again later. Your changes are kept.", detail=f"{where}: {first_line(text)}")
        if "terminat" in lower or "server closed the connection" in lower or "consuming input" in lower:
            return SyncInterrupted(
                f"The connection to {where} dropped during the sync; everything received so far "
                "is kept and the next sync continues from there.", detail=f"{where}: {first_line(text)}")
        listening = _listener_that_never_answered(url) if "timeout expired" in lower else None
        if listening is not None:
            # (a web server, say: it waits for a line that PostgreSQL's greeting never ends, and the
            # learner waited for the network to come back when the fix was the port). A stuck server, or
            # a tunnel whose far end is down, looks the same from here: both are named, and it stays a
            # "try again later" (the sync on a timer tries again; the CLI exits 1, not 2).
            return ServerSilent(
                f"Something at {listening} accepted the connection but did not answer as a PostgreSQL server "
                f"within {CONNECT_TIMEOUT_S} s. Check the port in the server URL {where} (PostgreSQL's is "
                f"usually {DEFAULT_PORT}); if it is right, the server (or a tunnel to it) is not answering: "
                "try again later. Your changes are kept.", detail=f"{where}: {first_line(text)}")
        return ServerUnreachable(
            f"The sync server {where} cannot be reached ({first_line(text)}); you can keep "
            "studying offline, your changes are kept and sent at the next sync.",
            detail=f"{where}: {first_line(text)}")
    return ServerRefused(f"The server refused the sync: {first_line(text)}")


def _listener_that_never_answered(url: ServerURL) -> str | None:
    """HOST:PORT if the URL's one host takes a plain TCP connection at once although the PostgreSQL
    greeting timed out there: something listens that is not PostgreSQL. (A host that cannot be reached
    times out here too, and stays "cannot be reached".) None for a socket, several hosts, a port in the
    query: libpq's own choices, not guessed here."""
    hostport = url.hostport
    if not hostport or "," in hostport or "host=" in url.query or "port=" in url.query:
        return None
    if hostport.startswith("["):  # [::1]:5432
        host, _, rest = hostport[1:].partition("]")
        port = rest.removeprefix(":")
    else:
        host, _, port = hostport.partition(":")
    number = int(port) if port.isdigit() else DEFAULT_PORT
    try:
        socket.create_connection((host, number), timeout=PROBE_TIMEOUT_S).close()
    except OSError:
        return None
    return f"[{host}]:{number}" if ":" in host else f"{host}:{number}"


def first_line(text: str) -> str:
    return text.splitlines()[0] if text else "no details"
