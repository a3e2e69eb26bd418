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

from collections.abc import Callable
from dataclasses import replace

from ..bootstrap import Profile
from ..domain.ids import new_id
from ..timeline import scheduler_replay
from .importer import ImportPlan, ImportReport, apply_import

RECOMMENDED = "fsrs"


def fsrs_recommended(profile: Profile) -> bool:
    """Whether a history imported now would be folded by SM-2 (the profile's scheduler)."""
    return profile.service.scheduler.name != RECOMMENDED


def import_scheduled(profile: Profile, plan: ImportPlan, name: str | None, *, skip_bad_rows: bool = False,
                     before_write: Callable[[int], object] | None = None) -> ImportReport:
    """`apply_import`, scheduled by `name` from now on (None: as the profile is). A history coming in
    has the switch made first, in the import's own transaction, so that the schedule changes its
    answers record are worked out by `name`: folded by SM-2 and switched after, the timeline kept
    SM-2's intervals for the Anki years (a word due in 2104 as of 2024). Otherwise as `schedule_after`."""
    if not name or not plan.reviews or profile.service.scheduler.name == name:
        return schedule_after(profile, apply_import(profile.service, plan, skip_bad_rows=skip_bad_rows,
                                                    before_write=before_write), name)
    action = new_id()  # the switch and the import are one action: time travel folds its history by it
    switched: list[bool] = []

    def switch() -> None:
        scheduler_replay.switch(profile, name, action)
        switched.append(True)

    try:
        report = apply_import(profile.service, plan, skip_bad_rows=skip_bad_rows, before_write=before_write,
                              first=switch, correlation_id=action)
    except BaseException:
        if switched:  # rolled back with the import: the choice in force is the log's again
            profile.projector.reread_switches()
        raise
    return replace(report, scheduler=name) if switched else schedule_after(profile, report, name)


def schedule_after(profile: Profile, report: ImportReport, name: str | None) -> ImportReport:
    """Switch to `name` if the package carried a history (brought now, or before: the same package
    imported again to switch) and the profile is not scheduled by it yet."""
    if not name or not (report.answers or report.reviews_left_out) or profile.service.scheduler.name == name:
        return report
    scheduler_replay.switch(profile, name)
    return replace(report, scheduler=name)
