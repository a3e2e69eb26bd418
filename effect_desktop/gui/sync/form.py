"""From the settings fields (server URL, user name, password) to one `ServerURL`, and back."""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit, urlunsplit

from PySide6.QtCore import QCoreApplication

from ...sync.errors import BadServerURL
from ...sync.urls import ServerURL, bad_port, redact

_SCHEME = "postgresql://"
_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


class FieldsRefused(BadServerURL):
    """What the fields lack, already in the learner's language and in the fields' terms: shown as it is.
    (The URL parser's words speak of USER:PASSWORD in the URL, beside a User name and a Password field,
    and echoed "//kim@/db.example.org/effect" for "db.example.org/effect".)"""


def compose_url(server: str, user: str, password: str) -> ServerURL:
    """The URL to sync with. A server typed without its scheme ("db.example.org/effect") is taken as a
    PostgreSQL one. A user or password typed into the URL itself count when the fields are empty; the
    fields win otherwise. Raises `BadServerURL` with a message to show (`FieldsRefused`: shown as it is)."""
    typed = server.strip()
    text = typed if "://" in typed else _SCHEME + typed
    echo = redact(text) if "://" in typed else redact(text).removeprefix(_SCHEME)  # a password stays hidden
    parts = urlsplit(text)
    translate = QCoreApplication.translate
    if parts.scheme not in _SCHEMES:
        raise FieldsRefused(translate("SyncForm", "“{0}” is not the address of a PostgreSQL server; enter it "
                                                  "as HOST:PORT/DATABASE, e.g. sync.example.org:5432/effect.")
                            .format(echo))
    userinfo, _, hostport = parts.netloc.rpartition("@")
    url_user, has_password, url_password = userinfo.partition(":")
    if not parts.path.strip("/"):
        example = f"{hostport or 'sync.example.org:5432'}/effect"
        raise FieldsRefused(translate("SyncForm", "“{0}” names no database; add it after the server, e.g. "
                                                  "{1}.").format(echo, example))
    port = bad_port(hostport)
    if port is not None:
        raise FieldsRefused(translate("SyncForm", "“{0}” has the port {1}; a port is a number from 1 to 65535 "
                                                  "(PostgreSQL's is usually 5432).").format(echo, port))
    name = user.strip() or unquote(url_user)
    if not name:
        raise FieldsRefused(translate("SyncForm", "Enter the user name your administrator gave you."))
    url = ServerURL.parse(urlunsplit(parts._replace(netloc=f"{quote(name, safe='')}@{hostport}")))
    if password:
        return url.with_password(password)
    return url.with_password(unquote(url_password) if has_password else None)


def split_url(url: ServerURL) -> tuple[str, str]:
    """(server URL without user and password, user name) for filling the fields."""
    parts = urlsplit(url.display)
    hostport = parts.netloc.rpartition("@")[2]
    if not hostport:  # a server on this computer's socket (?host=/run/postgresql): urlunsplit wrote
        # "postgresql:/effect?…", which read back as no user and no database
        return f"{parts.scheme}:///{parts.path.lstrip('/')}" + (f"?{parts.query}" if parts.query else ""), url.user
    return urlunsplit(parts._replace(netloc=hostport)), url.user
