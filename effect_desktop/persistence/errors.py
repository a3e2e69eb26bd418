"""The store's own errors: driver exceptions never leave persistence unwrapped."""

from __future__ import annotations


class StoreError(Exception):
    """The event store could not do what was asked; the message says what to do."""


class ConcurrencyError(StoreError):
    """Someone else appended to this stream first; reload and try again."""


class ProfileLocked(StoreError):
    """Another process holds the profile's write lock for too long."""


# (not verify: it only reads, and writers go past it)
BUSY_MESSAGE = ("The profile is busy in another program (another Effect Desktop window, a sync, or a command such as"
                " an import or rebuild still running); try again in a moment.")
# A command of the window's, which waits only briefly for the lock (lock_wait.py): at once, and saying
# that what the learner just did is to be done again (the card is asked again, the dialog stays open)
BUSY_NOT_SAVED_MESSAGE = ("The profile is busy in another program (another Effect Desktop window, a sync, or a"
                          " command such as an import or rebuild still running), so this was not saved. Try it"
                          " again in a moment.")


class DiskFull(StoreError):
    """A write the disk (or the temporary folder) had no room for, or failed at: rolled back whole.
    `where` and `reason` let a caller that wrote in steps before it (a sync's pages) say what it kept."""

    def __init__(self, message: str, where: str | None, reason: str) -> None:
        super().__init__(message)
        self.where = where
        self.reason = reason


def disk_full(reason: str, where: str | None) -> DiskFull | None:
    """The store's error for a write SQLite refused for want of room (or a failing disk), if it was that."""
    if "disk is full" not in reason and "disk I/O error" not in reason:
        return None
    # A rebuild's large sorts and work tables go to the computer's temporary folder (temp_store=FILE)
    return DiskFull(f"The disk holding {where}, or the computer's temporary folder, is full or failing ({reason}); "
                    "nothing was written. Free some space and try again.", where, reason)


class ProfileUnreadable(StoreError):
    """The profile file is damaged or is not an Effect Desktop profile."""


class ProfileFromNewerVersion(StoreError):
    """The profile was written in a store format newer than this version reads: not damage (no backup
    is offered in its place, which would throw away what the newer version wrote), and not opened, so
    this version writes nothing into it."""


class ProfileInaccessible(StoreError):
    """The profile file is there but cannot be reached (permissions, a full disk): not damage, so
    no restore is offered over it."""


class DataFolderUnusable(StoreError):
    """The data folder is a file, or cannot be created or written."""


class EventUnreadable(StoreError):
    """A stored event's data cannot be read back (edited by hand, or a damaged disk)."""

    def __init__(self, position: int | None, event_type: str, reason: str) -> None:
        self.position = position
        self.reason = first = reason.strip().splitlines()[0] if reason.strip() else "no details"
        super().__init__(
            f"The event at position {position} ({event_type}) cannot be read: its stored data is damaged "
            f"({first}). Restore the latest backup (`effect-desktop backup list`, then `backup restore`); "
            "a sync brings back what reached the server.")


class EventFromNewerVersion(EventUnreadable):
    """A stored event holds fields this version does not know, and nothing else wrong: a newer version
    wrote it (one added `generation` to SchedulerChanged without a new schema version, and the older
    ones read that as damage). Restoring a backup, as damage is answered, would throw away everything
    since it; updating the app reads it."""

    def __init__(self, position: int | None, event_type: str, fields: list[str]) -> None:
        super().__init__(position, event_type, f"{', '.join(fields)}: not known to this version")
        self.fields = fields
        Exception.__init__(
            self, f"The event at position {position} ({event_type}) holds what this version of Effect Desktop "
                  f"does not know ({', '.join(fields)}): a newer version wrote it. Update Effect Desktop on this "
                  "computer; nothing is damaged, and no backup needs restoring.")


def unreadable(position: int | None, event_type: str, error: ValueError, reason: str) -> EventUnreadable:
    """The error for a stored payload that does not load: unknown fields alone are a newer version's."""
    details = getattr(error, "errors", None)
    found = details() if callable(details) else []
    if found and all(item.get("type") == "extra_forbidden" for item in found):
        fields = [".".join(str(part) for part in item.get("loc", ())) for item in found]
        return EventFromNewerVersion(position, event_type, fields)
    return EventUnreadable(position, event_type, reason)
