"""When to back up without being asked: once a day, and before a change of many events.

The profile keeps the time of its last automatic backup and the number of
backups to keep in its settings (`profile_info`), so both survive restarts
and are per profile.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..bootstrap import Profile
from .backups import DEFAULT_KEEP, FEW_EVENTS, Backup, create_backup

KEEP_SETTING = "backup_keep"
LAST_DAILY_SETTING = "backup_last_daily"


def keep_count(profile: Profile) -> int:
    return max(1, profile.settings.get_int(KEEP_SETTING, DEFAULT_KEEP))


def daily_backup(profile: Profile, now: datetime | None = None) -> Backup | None:
    """Back up if the last automatic daily backup is a day old (call on open and now and then)."""
    now = now or datetime.now()
    last = profile.settings.get(LAST_DAILY_SETTING)
    try:
        due = last is None or now - datetime.fromisoformat(last) >= timedelta(days=1)
    except ValueError:
        due = True
    if not due or not profile.store.count():
        return None
    backup = create_backup(profile.path, "daily", keep=keep_count(profile), now=now)
    profile.settings.set(LAST_DAILY_SETTING, now.isoformat())
    return backup


def backup_before_change(profile: Profile, changes: int, reason: str = "before-import") -> Backup | None:
    """Back up before an import or sync that writes more than a few events (an empty profile has nothing to lose)."""
    if changes <= FEW_EVENTS or not profile.store.count():
        return None
    return create_backup(profile.path, reason, keep=keep_count(profile))
