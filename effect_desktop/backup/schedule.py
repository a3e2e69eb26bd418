"""When to back up without being asked: once a day, and before a change of many events.

The profile keeps the time of its last automatic backup and the number of
backups to keep in its settings (`profile_info`), so both survive restarts
and are per profile.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..application.settings import BACKUPS
from ..bootstrap import Profile
from ..persistence.errors import ProfileUnreadable
from .backups import FEW_EVENTS, Backup, check_file, create_backup, latest_backup

LAST_DAILY_SETTING = "backup_last_daily"


def keep_count(profile: Profile) -> int:
    return BACKUPS.read(profile.settings)


def daily_backup_due(profile: Profile, now: datetime | None = None) -> bool:
    """Whether the last automatic daily backup is a day old (and there is something to back up)."""
    last = profile.settings.get(LAST_DAILY_SETTING)
    try:
        due = last is None or (now or datetime.now()) - datetime.fromisoformat(last) >= timedelta(days=1)
    except ValueError:
        due = True
    return due and profile.store.count() > 0


def daily_backup(profile: Profile, now: datetime | None = None) -> Backup | None:
    """Back up if the last automatic daily backup is a day old (call on open and now and then).

    The whole file is integrity-checked first (PRAGMA quick_check): a damaged profile raises
    ProfileUnreadable naming the latest backup, and no backup of it is made."""
    now = now or datetime.now()
    if not daily_backup_due(profile, now):
        return None
    problem = check_file(profile.path)  # the full integrity check: a damaged file must not push out good backups
    if problem:
        latest = latest_backup(profile.path)
        raise ProfileUnreadable(f"{profile.path} is damaged: {problem}. No backup was made. Close the app and "
                                f"restore the latest backup{f' ({latest})' if latest else ''} with "
                                "`effect-desktop backup restore`.")
    backup = create_backup(profile.path, "daily", keep=keep_count(profile), now=now)
    profile.settings.set(LAST_DAILY_SETTING, now.isoformat())
    return backup


def backup_before_change(profile: Profile, changes: int, reason: str = "before-import") -> Backup | None:
    """Back up before an import or sync that writes more than a few events (an empty profile has nothing to lose)."""
    if changes <= FEW_EVENTS or not profile.store.count():
        return None
    return create_backup(profile.path, reason, keep=keep_count(profile))


def restored(profile: Profile, now: datetime | None = None) -> None:
    """After a restore: the state it replaced was just backed up, so today's daily backup is done. The
    mark lives in the profile file, and the restored file carried an older one: the window's next
    upkeep took a second "daily" backup, which counted against Backups kept."""
    profile.settings.set(LAST_DAILY_SETTING, (now or datetime.now()).isoformat())
