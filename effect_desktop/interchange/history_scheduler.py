"""After an Anki history comes in: which scheduler should fold it.

SM-2, as SuperMemo published it, grows a word's interval by its easiness at every right answer,
whenever it comes: it assumes each review came when the word was due. Anki's reviews came at
Anki's own pace, often earlier, and a note's two cards (word to meaning, meaning to word) are both
answers to one word here; replayed under SM-2, three years of them pushed a third of a learner's
words ten years and more away (one to 2126). FSRS counts the time between reviews, and gave
intervals close to Anki's on the same history. So an import that brings a history into a profile
scheduled by SM-2 offers FSRS (the window ticks it; the command line takes --scheduler fsrs), as
the same switch the Timeline page's Scheduler… records: any later switch back replays the history again.
"""

from __future__ import annotations

from dataclasses import replace

from ..bootstrap import Profile
from ..timeline import scheduler_replay
from .importer import ImportReport

RECOMMENDED = "fsrs"


def fsrs_recommended(profile: Profile) -> bool:
    """Whether a history imported now would be folded by SM-2 (the profile's scheduler)."""
    return profile.service.scheduler.name != RECOMMENDED


def schedule_after(profile: Profile, report: ImportReport, name: str | None) -> ImportReport:
    """Switch to `name` if the package carried a history (brought now, or before: the same package
    imported again to switch) and the profile is not scheduled by it yet."""
    if not name or not (report.answers or report.reviews_left_out) or profile.service.scheduler.name == name:
        return report
    scheduler_replay.switch(profile, name)
    return replace(report, scheduler=name)
