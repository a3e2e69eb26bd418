"""From the settings fields (server URL, user name, password) to one `ServerURL`, and back."""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit, urlunsplit

from ...sync.urls import ServerURL


def compose_url(server: str, user: str, password: str) -> ServerURL:
    """The URL to sync with. A user or password typed into the URL itself count when the fields are
    empty; the fields win otherwise. Raises `BadServerURL` with a message to show."""
    parts = urlsplit(server.strip())
    userinfo, _, hostport = parts.netloc.rpartition("@")
    url_user, has_password, url_password = userinfo.partition(":")
    name = user.strip() or unquote(url_user)
    netloc = f"{quote(name, safe='')}@{hostport}" if name else hostport
    url = ServerURL.parse(urlunsplit(parts._replace(netloc=netloc)))
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
