"""Offline-first sync of a profile's event log with a PostgreSQL server.

Qt-free API for the GUI (call it off the GUI thread; every call may block on
the network for up to ~10 s when the server is unreachable):

    from effect_desktop.sync import SyncClient, SyncError, pending_count, test_connection
    from effect_desktop.sync import credentials

    url = credentials.resolve(profile)              # remembered URL + keyring password (or EFFECT_SYNC_URL)
    result = SyncClient(profile, url).sync(progress)  # progress(phase: "push"|"pull", done, total)
    result.pushed, result.pulled, result.resequenced, result.pending, result.describe()
    pending_count(profile) -> int                   # cheap; for "N pending" in the status bar
    test_connection(url, profile) -> ConnectionCheck  # or raises SyncError (AccountConflict too)
    credentials.remember(profile, url, allow_plaintext=False) -> str   # settings dialog "save"

Errors are `SyncError` subclasses whose `str()` is a message for the learner:
`ServerUnreachable` (offline), `AuthenticationFailed` (user or password),
`TLSFailure`, `SchemaMismatch` (server not prepared, too old or too new),
`AccountConflict`, `SyncInterrupted` (connection dropped mid-sync; run again; `ServerBusy`: a lock
waited for too long),
`ServerRefused`, `BadServerURL`, `CredentialsUnavailable`. None of them loses
local data: pending events stay in the profile and are counted.

After a sync the read models are up to date (pulled events are applied in
the same SQLite transaction as their page; a pull larger than the local log
is applied by one rebuild at its end, during which the profile is busy for a
few seconds per 100,000 events), so the GUI only needs to refresh its views.
Only one sync per profile runs at a time in a process; a second call raises
`SyncError` at once. The profile's `user_id` may change on the very first sync of an
empty profile (it adopts the account's learner id, see `identity.py`).

Server side: `admin.init_server(admin_url)` and `admin.add_user(admin_url,
name, password)`; the SQL lives in `server_schema.py` and `server_ops.py`.
"""

from __future__ import annotations

from .client import ConnectionCheck, SyncClient, SyncResult, pending_count, show_received, test_connection
from .errors import (
    AccountConflict,
    AuthenticationFailed,
    BadServerURL,
    CredentialsUnavailable,
    SchemaMismatch,
    ServerBusy,
    ServerNotPrepared,
    ServerRefused,
    ServerUnreachable,
    SyncError,
    SyncInterrupted,
    SyncStopped,
    TLSFailure,
)

__all__ = [
    "AccountConflict", "AuthenticationFailed", "BadServerURL", "CredentialsUnavailable", "SchemaMismatch",
    "ServerBusy", "ServerNotPrepared", "ServerRefused", "ServerUnreachable", "SyncClient", "SyncError",
    "SyncInterrupted", "SyncResult", "SyncStopped",
    "TLSFailure", "pending_count", "show_received", "test_connection", "ConnectionCheck",
]
