"""Server URLs: `postgresql://USER:PASSWORD@HOST[:PORT]/DB[?sslmode=require&...]`.

As for libpq, the user and the password may be given in the query instead
(`?user=...&password=...`); they are taken out of it, so what is shown and
stored never holds the password.

The profile remembers the URL *without* its password (`display_url`); the
password lives in the keyring (see `credentials.py`). SQLAlchemy-style
`postgresql+psycopg://` URLs are accepted too, so a URL from the test fixtures
or from SQLAlchemy works unchanged.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from .errors import BadServerURL

_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


@dataclass(frozen=True)
class ServerURL:
    scheme: str
    user: str
    password: str | None = field(repr=False)  # a logged or printed ServerURL never shows it
    hostport: str
    database: str
    query: str

    @classmethod
    def parse(cls, url: str) -> ServerURL:
        parts = urlsplit(_encoded_userinfo(url.strip()))
        if parts.scheme not in _SCHEMES:
            raise BadServerURL(
                f"{redact(url)} is not a PostgreSQL URL; write it as "
                "postgresql://USER:PASSWORD@HOST:PORT/DATABASE")
        userinfo, _, hostport = parts.netloc.rpartition("@")
        user, sep, password = userinfo.partition(":")
        query, given = _credentials_in_query(parts.query)
        user = given.get("user", unquote(user))  # libpq too takes the query's over the user info
        database = unquote(parts.path.lstrip("/"))
        if not user or not database:
            raise BadServerURL(f"{redact(url)} needs a user name and a database: "
                               "postgresql://USER:PASSWORD@HOST:PORT/DATABASE")
        _check_ports(url, hostport)
        return cls(parts.scheme, user, given.get("password", unquote(password) if sep else None), hostport,
                   database, query)

    def _build(self, scheme: str, password: str | None) -> str:
        netloc = quote(self.user, safe="")
        if password is not None:
            netloc += ":" + quote(password, safe="")
        netloc += "@" + self.hostport
        return urlunsplit((scheme, netloc, "/" + quote(self.database), self.query, ""))

    @property
    def libpq(self) -> str:
        """For psycopg.connect."""
        return self._build("postgresql", self.password)

    @property
    def sqlalchemy(self) -> str:
        return self._build("postgresql+psycopg", self.password)

    @property
    def display(self) -> str:
        """Safe to show and to store: everything but the password (one libpq would not take, a
        `Password=` in the query, hidden too)."""
        shown = ServerURL(self.scheme, self.user, None, self.hostport, self.database,
                          _without_query_secrets(self.query))
        return _hide_query_secrets(shown._build("postgresql", None))

    @property
    def stored(self) -> str:
        """What the profile remembers: everything but the password, a client key's passphrase
        (`sslpassword=`) included, as before: left out, every sync after the first ran without it
        (found in review). The profile file is the learner's alone (0600)."""
        return self._build("postgresql", None)

    def with_password(self, password: str | None) -> ServerURL:
        return ServerURL(self.scheme, self.user, password, self.hostport, self.database, self.query)

    def with_user(self, user: str, password: str | None) -> ServerURL:
        return ServerURL(self.scheme, user, password, self.hostport, self.database, self.query)

    @property
    def cleartext_warning(self) -> str | None:
        """A warning when the server is another computer and the URL lets libpq go without TLS: its
        default sslmode, prefer, falls back to plain text without a word and never checks the server,
        so the password and the study history could cross the network in the clear."""
        found = self.cleartext()
        if found is None:
            return None
        host, mode = found
        return (f"The connection to {host} may go unencrypted (sslmode={mode}): your password and study "
                "history could cross the network in the clear. Add ?sslmode=require (or verify-full, which "
                "also checks the server's certificate) to the server URL.")

    def cleartext(self) -> tuple[str, str] | None:
        """(the other computer, the sslmode in force) when the connection may go without TLS."""
        options = dict(option.partition("=")[::2] for option in self.query.split("&") if option)
        mode = unquote(options.get("sslmode", "")) or os.environ.get("PGSSLMODE") or "prefer"
        if mode in _ENCRYPTED:
            return None
        remote = [host for host in _hosts(self, options) if not _is_local(host)]
        return (remote[0], mode) if remote else None

    @property
    def keyring_key(self) -> str:
        return f"{self.user}@{self.hostport}/{self.database}"


_ENCRYPTED = ("require", "verify-ca", "verify-full")
_LOCAL_NAMES = ("localhost", "::1")


def _hosts(url: ServerURL, options: dict[str, str]) -> list[str]:
    """The hosts libpq would connect to: the query's host=, else the URL's, else $PGHOST; "" is the
    local socket."""
    listed = unquote(options.get("host", "")) or ",".join(
        hostport.rpartition("]")[0].lstrip("[") if hostport.startswith("[") else hostport.partition(":")[0]
        for hostport in url.hostport.split(",")) or os.environ.get("PGHOST", "")
    return [unquote(host) for host in listed.split(",")]


def _is_local(host: str) -> bool:
    return (not host or host.startswith(("/", "@")) or host.lower() in _LOCAL_NAMES
            or host.startswith("127."))


_HOST = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._%\-]*)(:\d*)?")  # host[:port]; empty for ?host=/socket


def _userinfo_split(url: str) -> tuple[str, str, str] | None:
    """(scheme and "://", user info, the rest) for a URL with a user part, else None.

    A password typed as it is may hold "/", "?", "#" or "@", which end the authority early for
    `urlsplit`; a query may hold "@" too (`sslrootcert=/home/me@work/...`). The "@" that ends the
    user part is the first one followed by a plausible host[:port] and a path without "@"."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return None
    at = rest.find("@")
    while at != -1:
        after = rest[at + 1:]
        host = re.split(r"[/?#]", after, maxsplit=1)[0]
        path = re.split(r"[?#]", after[len(host):], maxsplit=1)[0]
        if _HOST.fullmatch(host) and "@" not in path:
            return scheme + sep, rest[:at], after
        at = rest.find("@", at + 1)
    return None


def _encoded_userinfo(url: str) -> str:
    """The URL with a password typed unencoded percent-encoded, so it parses as the learner meant it
    (it was taken for the path or the host, and the message then showed it)."""
    split = _userinfo_split(url)
    if split is None or not any(ch in split[1] for ch in "/?#@"):
        return url
    head, userinfo, after = split
    user, colon, password = userinfo.partition(":")
    return f"{head}{user}{colon}{quote(password, safe='')}@{after}"


_IN_QUERY = ("user", "password")


def _credentials_in_query(query: str) -> tuple[str, dict[str, str]]:
    """The query without its `user=` and `password=` (libpq takes both there), and their values.

    Kept in the query, a password was shown and stored with the "password-free" URL, and the
    learner was told no password was known; it is the URL's password, as for libpq."""
    kept: list[str] = []
    given: dict[str, str] = {}
    for option in query.split("&") if query else []:
        key, sep, value = option.partition("=")
        if sep and unquote(key) in _IN_QUERY:
            given[unquote(key)] = unquote(value)
        else:
            kept.append(option)
    return "&".join(kept), given


_QUERY_OPTION = re.compile(r"([?&])([^=&#]*)=([^&#]*)")
# libpq's options that hold a secret: the password, and the passphrase of a client certificate's key
# (`sslpassword` was shown and stored in clear; found in review); keys compared decoded ("pass%77ord")
_SECRET_OPTIONS = ("password", "sslpassword")


def _hide_query_secrets(text: str) -> str:
    def hidden(option: re.Match[str]) -> str:
        secret = unquote(option[2]).lower() in _SECRET_OPTIONS
        return f"{option[1]}{option[2]}={'***' if secret else option[3]}"

    return _QUERY_OPTION.sub(hidden, text)


def _without_query_secrets(query: str) -> str:
    """The query as it is stored and shown: a key's passphrase left out (never kept in the profile in
    clear; given with the URL each time, as a password without a keyring is)."""
    return "&".join(option for option in query.split("&")
                    if option and unquote(option.partition("=")[0]).lower() not in _SECRET_OPTIONS)


def redact(url: str) -> str:
    """The URL with its password replaced, for messages and logs (a password that breaks the URL's
    syntax included, and one given in the query: `?password=`)."""
    split = _userinfo_split(url)
    if split is None:
        return _hide_query_secrets(url)
    head, userinfo, after = split
    if ":" in userinfo:
        userinfo = userinfo.split(":", 1)[0] + ":***"
    elif odd := _NOT_A_NAME.search(userinfo):  # a slip for ":" ("user?password@"): the rest may be one
        userinfo = userinfo[:odd.start()] + "***"
    return f"{head}{userinfo}@{_hide_query_secrets(after)}"


_NOT_A_NAME = re.compile(r"[^A-Za-z0-9._~%+-]")  # what a user name in a URL is made of (percent-encoded)


def bad_port(hostport: str) -> str | None:
    """The first port that can never work (99999, -5, abc) among libpq's HOST[:PORT],... , if any."""
    for host in hostport.split(","):  # libpq takes several hosts, each with its own port
        after_host = host.rpartition("]")[2] if host.startswith("[") else host  # [::1]:5432
        _, colon, port = after_host.rpartition(":")
        if colon and port and not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
            return port
    return None


def _check_ports(url: str, hostport: str) -> None:
    """A port that can never work is the URL's mistake: it was reported as "cannot be reached" (try
    again later) and remembered over the server that worked."""
    port = bad_port(hostport)
    if port is not None:
        raise BadServerURL(f"{redact(url)} has the port {port!r}; a port is a number from 1 to 65535 "
                           "(PostgreSQL's is usually 5432).")
