"""What can go wrong with a sync, each with a message the learner can act on.

The GUI shows `str(error)` as it is; the CLI prints it on one line. None of
these ever means local data was lost: studying goes on and pending events stay
in the profile until the next sync.
"""

from __future__ import annotations

from ..stopping import StoppedAsAsked


class SyncError(Exception):
    """Base of every sync failure; the message says what to do (in the CLI's terms).

    `detail` is the bare fact behind it (the server and its words), where the message adds advice:
    the window puts its own advice first and this after it, not the command line's."""

    def __init__(self, message: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.detail = detail


class ServerUnreachable(SyncError):
    """No connection to the server (offline, wrong host, server down)."""


class ServerSilent(ServerUnreachable):
    """Something took the connection but never answered as PostgreSQL (another program on the port, or
    a server or tunnel that is stuck): a try-again-later, named apart so the window can say it."""


class AuthenticationFailed(SyncError):
    """The server refused the user name or password."""


class TLSFailure(SyncError):
    """The URL requires an encrypted connection and none could be made."""


class SchemaMismatch(SyncError):
    """The server's sync schema is missing, older or newer than this app understands."""


class ServerNotPrepared(SchemaMismatch):
    """The database has no sync schema yet: `server init` was not run on it (not a version clash)."""


class AccountConflict(SyncError):
    """The profile's learner id is registered to another server account."""


class SyncInterrupted(SyncError):
    """The connection dropped mid-sync; what was committed is kept, run sync again."""


class ServerBusy(SyncInterrupted):
    """The server kept a statement waiting for a lock longer than the client's lock timeout (another
    computer of the account pushing a long while, an administrator's command): stopped rather than
    left waiting silently; what was committed is kept, sync again later."""


class SyncStopped(SyncInterrupted, StoppedAsAsked):
    """Asked to stop (the window closing) between two pages taken in; what was committed is kept and
    the next sync goes on from there."""


class ServerRefused(SyncError):
    """The server refused an operation (permissions, bad data); the message names it."""


class BadServerURL(SyncError):
    """The server URL cannot be used as given."""


class DatabaseMissing(BadServerURL):
    """The URL names a database the server does not have (a typo at its end, most often): named apart
    so the window can say which part to check, not only that the address cannot be used."""


class CredentialsUnavailable(SyncError):
    """No password could be found or stored for the server."""
