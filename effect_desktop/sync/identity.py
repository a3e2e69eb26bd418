"""Which learner id a device writes its events under, so all of one learner's devices converge.

The rule (documented in docs/sync.md):
- A server account (a PostgreSQL role) has a list of registered learner ids;
  the first one registered is the account's *primary* id.
- On its first sync, a device that has no events yet adopts the primary id
  (its profile's user id changes before it has written anything under the
  old one). A device that already studied keeps its own id, which is
  registered to the account, so the server accepts its events.
- The server refuses events naming an id not registered to the pushing
  account, and an id can belong to one account only. A pushed page's ids
  that no account has are registered to the pusher (server_ops.py): the
  history of the account's other computers, brought to a new server.
Read models are keyed by word, session, answer and day, not by device, so
devices with different ids still converge; only the streak row is per id.
"""

from __future__ import annotations

from uuid import UUID

import psycopg

from ..bootstrap import Profile
from .errors import AccountConflict


def settle_identity(connection: psycopg.Connection, profile: Profile) -> bool:
    """Register or adopt as described above; True if this device's id was new to the account.

    A device that synced with the account before had its id registered then, so a new registration
    means the account was emptied since (`server remove-user`, then `add-user` of the same name):
    what the device remembers as sent is no longer there, and must be sent again."""
    registered = [r[0] for r in connection.execute(
        "SELECT user_id FROM sync_user_ids WHERE owner = current_user ORDER BY registered")]
    local = profile.user_id
    if local in registered:
        return False
    if registered and profile.store.count() == 0:
        _adopt(profile, registered[0])
        return False
    try:
        connection.execute("INSERT INTO sync_user_ids (user_id) VALUES (%s)", (local,))
    except psycopg.errors.UniqueViolation as error:
        raise _conflict(local) from error
    return True


def check_identity(connection: psycopg.Connection, profile: Profile) -> None:
    """`settle_identity` without its effects, for "Test connection": raises AccountConflict when a
    sync with this account would be refused (the test said "Connected" and the sync then failed)."""
    registered = [r[0] for r in connection.execute(
        "SELECT user_id FROM sync_user_ids WHERE owner = current_user ORDER BY registered")]
    local = profile.user_id
    if local in registered or (registered and profile.store.count() == 0):
        return
    try:
        with connection.transaction(force_rollback=True):  # only to learn whether another account has it
            connection.execute("INSERT INTO sync_user_ids (user_id) VALUES (%s)", (local,))
    except psycopg.errors.UniqueViolation as error:
        raise _conflict(local) from error


def _conflict(local: UUID) -> AccountConflict:
    return AccountConflict(
        f"This profile's learner id {local} is registered to another account on this server; "
        "sync it with that account, or start a new profile for this one.")


def _adopt(profile: Profile, user_id: UUID) -> None:
    profile.settings.set("user_id", str(user_id))
    profile.user_id = user_id
    profile.service.user_id = user_id
