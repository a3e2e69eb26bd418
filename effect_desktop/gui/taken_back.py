"""What a restore over a damaged profile took back from it, in the learner's words (the start-up offer
and the Backups dialog say the same)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..backup.salvage import Salvage
from ..persistence.errors import DiskFull
from .errors import user_message


def taken_back_text(taken: Salvage | None) -> str:
    """The sentence for the status bar after a restore; `taken` None when nothing was taken back (the
    profile replaced was intact, or taking back failed)."""
    translate = QCoreApplication.translate
    done = translate("App", "Restored the backup.")
    if taken is None:
        return done
    if taken.failed is not None:
        return not_taken_back(taken)
    if taken.foreign:
        return done + " " + translate("App", "Nothing was taken back from the damaged profile: its history is "
                                      "not this profile's (a file of another profile was beside it). It is kept "
                                      "in the backups folder.")
    text = (translate("App", "Restored the backup and took back %Ln event(s) made since it from the damaged "
                      "profile.", None, taken.recovered) if taken.recovered else done)
    return text + unread(taken, translate("App", "%Ln event(s) made since it could not be read; a sync brings "
                                          "back what reached the server.", None, taken.lost))


def unread(taken: Salvage, lost: str, *, after_backup: bool = True) -> str:
    """What could not be read, said after what came back: `lost` (the count's sentence) if any event
    was lost, else whether the end of the file was unreadable; "" when everything came back."""
    if taken.lost:
        return " " + lost
    if taken.end_unreadable and not taken.recovered and after_backup:  # not "the end": nothing came back
        return " " + QCoreApplication.translate(
            "App", "Nothing made since the backup could be read from the damaged profile: what was made since "
            "may be missing; a sync brings back what reached the server.")
    if taken.end_unreadable:
        return " " + QCoreApplication.translate(
            "App", "The end of the damaged profile could not be read: what was made last may be missing; a "
            "sync brings back what reached the server.")
    return ""


def not_taken_back(taken: Salvage) -> str:
    """A take-back that failed after the restore: the restore stands, and the answers made since the
    backup are still only in the damaged file (it said "Restored the backup." and nothing more)."""
    translate = QCoreApplication.translate
    # the disk's own message ends "try again", which here would mean restoring again (that takes nothing
    # back); any other failure in the store's words, in the interface's language
    reason = (translate("App", "the disk is full or failing") if isinstance(taken.failed, DiskFull)
              else user_message(taken.failed) if taken.failed is not None else "")
    return translate(
        "App", "Restored the backup, but what was made since it could not be taken back from the damaged "
        "profile ({0}). The damaged profile is kept, as it was, in {1}; a sync brings back what reached the "
        "server.").format(reason, taken.kept)
