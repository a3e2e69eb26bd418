"""Where the sync password lives: the system keyring, or (only if the learner asks) the profile.

The profile stores the server URL without its password (`sync.url`). The
password goes to the keyring (macOS Keychain, Windows Credential Manager,
Secret Service) under the service name below. Without a keyring the password
is not kept at all unless the learner explicitly allows a plain copy in the
profile file (`allow_plaintext`), or passes it each time / through
EFFECT_SYNC_URL.
"""

from __future__ import annotations

import os

from ..bootstrap import Profile
from .errors import BadServerURL, CredentialsUnavailable, SyncError
from .urls import ServerURL

__all__ = ["ENV_URL", "SETTING_URL", "ServerURL", "remember", "resolve"]

KEYRING_SERVICE = "effect-desktop-sync"
ENV_URL = "EFFECT_SYNC_URL"
SETTING_URL = "sync.url"
SETTING_PLAIN_PASSWORD = "sync.password_plaintext"


def _keyring_get(key: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, key)
    except KeyringError:
        return None


def _keyring_set(key: str, password: str) -> bool:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, key, password)
    except KeyringError:
        return False
    return True


def remember(profile: Profile, url: ServerURL, *, allow_plaintext: bool = False) -> str:
    """Keep the server for next time; returns a sentence saying where the password went. A password
    kept in the profile file goes when it is no longer this server's (another server or account, or
    another password, kept there again only with consent): an old account's password stayed in the
    file in plain text after "Saved the server, not the password"."""
    kept = profile.settings.get(SETTING_PLAIN_PASSWORD)
    if kept is not None and (profile.settings.get(SETTING_URL) != url.stored
                             or (url.password is not None and url.password != kept)):
        profile.settings.forget(SETTING_PLAIN_PASSWORD)
    profile.settings.set(SETTING_URL, url.stored)
    if url.password is None:
        return f"Server {url.display} remembered."
    if _keyring_set(url.keyring_key, url.password):
        return f"Server {url.display} remembered; the password is in the system keyring."
    if allow_plaintext:
        profile.settings.set(SETTING_PLAIN_PASSWORD, url.password)
        return (f"Server {url.display} remembered; no system keyring, so the password is kept in "
                "the profile file as you asked.")
    return (f"Server {url.display} remembered, but not its password: there is no system keyring. "
            f"Pass the password each time, set {ENV_URL} (the URL with its password), or allow keeping it "
            "in the profile file (in the CLI: sync --save-password-in-profile).")


def forget_kept_password(profile: Profile) -> None:
    """The learner declined keeping the password in the profile file: a copy kept there before goes
    too (it stayed, and the next start used it, though the question said it would ask again)."""
    if profile.settings.get(SETTING_PLAIN_PASSWORD) is not None:
        profile.settings.forget(SETTING_PLAIN_PASSWORD)


def in_keyring(url: ServerURL) -> bool:
    """Whether the system keyring holds this URL's password (not a copy in the profile file)."""
    return url.password is not None and _keyring_get(url.keyring_key) == url.password


def resolve(profile: Profile, explicit: str | None = None) -> ServerURL:
    """The URL to sync with: given, else $EFFECT_SYNC_URL, else the remembered one plus its password."""
    raw = explicit or os.environ.get(ENV_URL) or profile.settings.get(SETTING_URL)
    if not raw:
        raise BadServerURL(f"No sync server is set up: pass --url postgresql://USER:PASSWORD@HOST/DB "
                           f"or set {ENV_URL}.")
    url = ServerURL.parse(raw)
    if url.password is not None:
        return url
    password = _keyring_get(url.keyring_key)
    if password is None and profile.settings.get(SETTING_URL) == url.stored:
        password = profile.settings.get(SETTING_PLAIN_PASSWORD)
    if password is None and explicit:  # the same server and user in $EFFECT_SYNC_URL, with its password
        password = _password_in_environment(url)
    if password is None:
        raise CredentialsUnavailable(
            f"No password is known for {url.display}; pass the URL with its password "
            f"(postgresql://{url.user}:PASSWORD@...) or set {ENV_URL}.", detail=url.display)
    return url.with_password(password)


def _password_in_environment(url: ServerURL) -> str | None:
    """The password $EFFECT_SYNC_URL gives for this very server and user (the window's Test connection
    named the remembered server and found no password, where every sync took it from there)."""
    raw = os.environ.get(ENV_URL)
    if not raw:
        return None
    try:
        given = ServerURL.parse(raw)
    except SyncError:
        return None
    return given.password if given.stored == url.stored else None
