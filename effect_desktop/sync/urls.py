"""Server URLs: `postgresql://USER:PASSWORD@HOST[:PORT]/DB[?sslmode=require&...]`.

The profile remembers the URL *without* its password (`display_url`); the
password lives in the keyring (see `credentials.py`). SQLAlchemy-style
`postgresql+psycopg://` URLs are accepted too, so a URL from the test fixtures
or from SQLAlchemy works unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from .errors import BadServerURL

_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


@dataclass(frozen=True)
class ServerURL:
    scheme: str
    user: str
    password: str | None
    hostport: str
    database: str
    query: str

    @classmethod
    def parse(cls, url: str) -> ServerURL:
        parts = urlsplit(url.strip())
        if parts.scheme not in _SCHEMES:
            raise BadServerURL(
                f"{redact(url)} is not a PostgreSQL URL; write it as "
                "postgresql://USER:PASSWORD@HOST:PORT/DATABASE")
        userinfo, _, hostport = parts.netloc.rpartition("@")
        user, sep, password = userinfo.partition(":")
        database = unquote(parts.path.lstrip("/"))
        if not user or not database:
            raise BadServerURL(f"{redact(url)} needs a user name and a database: "
                               "postgresql://USER:PASSWORD@HOST:PORT/DATABASE")
        return cls(parts.scheme, unquote(user), unquote(password) if sep else None, hostport,
                   database, parts.query)

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
        """Safe to show and to store: everything but the password."""
        return self._build("postgresql", None)

    def with_password(self, password: str | None) -> ServerURL:
        return ServerURL(self.scheme, self.user, password, self.hostport, self.database, self.query)

    def with_user(self, user: str, password: str | None) -> ServerURL:
        return ServerURL(self.scheme, user, password, self.hostport, self.database, self.query)

    @property
    def keyring_key(self) -> str:
        return f"{self.user}@{self.hostport}/{self.database}"


def redact(url: str) -> str:
    """The URL with its password replaced, for messages and logs."""
    parts = urlsplit(url)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    if at and ":" in userinfo:
        userinfo = userinfo.split(":", 1)[0] + ":***"
    return urlunsplit(parts._replace(netloc=f"{userinfo}{at}{hostport}"))
