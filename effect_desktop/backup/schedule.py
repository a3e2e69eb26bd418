"""When to back up without being asked: once a day, and before a change of many events.

The profile keeps the time of its last automatic backup and the number of
backups to keep in its settings (`profile_info`), so both survive restarts
and are per profile.
"""

from __future__ import annotations

from datetime import datetime

from ..application.settings import BACKUPS
from ..bootstrap import Profile, command_for
from ..persistence import damage
from ..persistence.errors import ProfileUnreadable
from .backups import (
    BEFORE_SYNC,
    FEW_EVENTS,
    IN_USE,
    Backup,
    BackupNotWritten,
    Stop,
    check_file,
    create_backup,
    latest_backup,
    list_backups,
)

LAST_DAILY_SETTING = "backup_last_daily"


def keep_count(profile: Profile) -> int:
    return BACKUPS.read(profile.settings)


def daily_backup_due(profile: Profile, now: datetime | None = None) -> bool:
    """Whether today has no automatic daily backup yet (and there is something to back up). By the
    date, not 24 hours: opened at 20:00 one day and at 19:30 the next, the second day had none."""
    last = profile.settings.get(LAST_DAILY_SETTING)
    try:
        due = last is None or datetime.fromisoformat(last).date() < (now or datetime.now()).date()
    except ValueError:
        due = True
    return due and profile.store.count() > 0


def daily_backup(profile: Profile, now: datetime | None = None, stop: Stop | None = None) -> Backup | None:
    """Back up if the last automatic daily backup is a day old (call on open and now and then).

    The whole file is integrity-checked first (PRAGMA quick_check): a damaged profile raises
    ProfileUnreadable naming the latest backup, and no backup of it is made. BackupStopped once
    `stop()` says so (the window closing: the check and the copy of five years take half a minute);
    today's backup is then still due."""
    now = now or datetime.now()
    if not daily_backup_due(profile, now):
        return None
    problem = check_file(profile.path, stop)  # the full integrity check: a damaged file must not push out good backups
    if problem == IN_USE:  # another program's lock: not damage; the next upkeep backs it up
        return None
    if problem:
        latest = latest_backup(profile.path)
        damage.mark(profile.path)  # the next opening checks the whole file and offers the backup itself
        raise ProfileUnreadable(f"{profile.path} is damaged: {problem}. No backup was made. Close the app and "
                                f"open it again to restore the latest backup{f' ({latest})' if latest else ''}, "
                                f"or restore it with `{command_for(profile.path, 'backup restore')}`.")
    backup = create_backup(profile.path, "daily", keep=keep_count(profile), now=now, stop=stop)
    profile.settings.set(LAST_DAILY_SETTING, now.isoformat())
    return backup


def backup_before_change(profile: Profile, changes: int, reason: str = "before-import") -> Backup | None:
    """Back up before an import or sync that writes more than a few events (an empty profile has nothing to lose)."""
    if not needs_backup(profile, changes):
        return None
    return create_backup(profile.path, reason, keep=keep_count(profile))


class ImportNotBackedUp(BackupNotWritten):
    """The backup an import makes first could not be written: the import was not made."""


def backup_before_import(profile: Profile, changes: int) -> Backup | None:
    """`backup_before_change` for an import, whose refusal says that nothing was imported: it said only
    that the backup could not be written, and the import dialog stayed on "Checked: 12,000 new words"
    as if they were in."""
    try:
        return backup_before_change(profile, changes)
    except BackupNotWritten as error:
        raise ImportNotBackedUp(
            f"Nothing was imported: the backup made before an import could not be written to {error.folder} "
            f"({error.reason}). {error.advice}", error.folder, error.reason, error.advice) from error


def needs_backup(profile: Profile, changes: int) -> bool:
    """Whether a change of this many events is backed up first (so a progress display can say so)."""
    return changes > FEW_EVENTS and profile.store.count() > 0


def backup_before_sync(profile: Profile, incoming: int) -> Backup | None:
    """Back up before a sync brings in more than a few events; only the newest such backup is kept,
    beside (not counted among) the newest `keep` others.

    A sync only adds events, but it also moves this computer's unsent ones after the server's, and
    a backup lets the learner step back from one that went wrong. Kept like the others, one per
    sync would push the daily backups out within a day of syncing every few minutes: the state
    before the last sync is the one worth having, and the days before it have their daily backups."""
    made = backup_before_change(profile, incoming, reason=BEFORE_SYNC)
    if made is not None:  # the one before: replaced only once the new one is whole
        for older in list_backups(profile.path):
            if older.reason == BEFORE_SYNC and older.path != made.path:
                older.path.unlink(missing_ok=True)
    return made


def restored(profile: Profile, now: datetime | None = None) -> None:
    """After a restore: the state it replaced was just backed up, so today's daily backup is done. The
    mark lives in the profile file, and the restored file carried an older one: the window's next
    upkeep took a second "daily" backup, which counted against Backups kept."""
    profile.settings.set(LAST_DAILY_SETTING, (now or datetime.now()).isoformat())
