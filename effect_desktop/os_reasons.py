"""Why the system refused to write a file, in words, and what the learner can do about it.

A backup or an export that failed quoted Python's own report: "[Errno 13] Permission denied:
'…/default-20261128-165952-daily.effect.sqlite3.partial'", a file name the learner never chose, and
advice that fitted any failure ("check the free disk space and the folder's permissions"). The few
refusals a learner can fix are named here in words; the window translates these exact words
(gui/core_messages.py), so each is a constant.
"""

from __future__ import annotations

import errno

NO_SPACE = "the disk is full"
NO_PERMISSION = "permission denied"
READ_ONLY = "the disk is read-only"

FREE_SPACE = "Free some space on the disk, then try again."
GIVE_PERMISSION = "Give your user account permission to write to that folder."
MAKE_WRITABLE = "Make the disk writable (it is mounted read-only, or locked)."
CHECK_BOTH = "Check the free disk space and the folder's permissions."
# an export can go anywhere: another folder is the quickest way out
FREE_SPACE_OR_ELSEWHERE = "Free some space on the disk, or choose another folder."
ELSEWHERE = "Choose another folder, or give your user account permission to write to that one."
ELSEWHERE_WRITABLE = "Choose a folder on another disk: this one is read-only."
CHOOSE_ANOTHER = "Choose another folder."

_BY_ERRNO = {errno.ENOSPC: NO_SPACE, errno.EDQUOT: NO_SPACE, errno.EACCES: NO_PERMISSION,
             errno.EPERM: NO_PERMISSION, errno.EROFS: READ_ONLY}


def reason_in_words(error: BaseException) -> str:
    """The refusal without its number or file name: one of the constants above when it is one of them
    (an OSError's errno, or SQLite's words for the same), else the system's own words."""
    number = getattr(error, "errno", None)
    if number in _BY_ERRNO:
        return _BY_ERRNO[number]
    text = str(error)
    if "database or disk is full" in text:  # SQLite's copy (the backup API) says it so
        return NO_SPACE
    if "readonly" in text or "read-only file system" in text.lower():
        return READ_ONLY
    strerror = getattr(error, "strerror", None)
    words = strerror or text
    return words[:1].lower() + words[1:] if words[:2] != words[:2].upper() else words


def what_to_do(reason: str, *, another_folder: bool = False) -> str:
    """Advice for a file that could not be written for `reason`; `another_folder` when the learner chose
    the place (an export), so choosing another is the quickest way out."""
    if another_folder:
        return {NO_SPACE: FREE_SPACE_OR_ELSEWHERE, NO_PERMISSION: ELSEWHERE,
                READ_ONLY: ELSEWHERE_WRITABLE}.get(reason, CHOOSE_ANOTHER)
    return {NO_SPACE: FREE_SPACE, NO_PERMISSION: GIVE_PERMISSION, READ_ONLY: MAKE_WRITABLE}.get(reason, CHECK_BOTH)
