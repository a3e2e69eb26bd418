"""One word's history after two devices answered it offline: the same story on both computers.

Each device's `ProgressUpdated` says what that device knew when it answered; the rows of the story
read "interval 1, 1, 17, 17 d" where the schedule (`progress`, the chart) went 1 → 6 → 17 → 50, and
they were listed in each computer's log order, so the desktop told its own later answer before the
laptop's earlier one and the two computers told the story in two orders.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.cli.main import run_cli
from effect_desktop.sync import SyncClient
from effect_desktop.timeline.service import Timeline
from effect_desktop.timeline.word_history import WordStory
from tests.integration.profile_helpers import SettableClock

pytestmark = pytest.mark.postgres


def _told(story: WordStory) -> list[tuple[Any, ...]]:
    """The rows as a learner reads them (positions are each computer's own)."""
    return [(s.local_at, s.event_type, s.sentence, s.before, s.after, s.retracted) for s in story.steps]


def _answered_on_both_offline(alice: str, device: Callable[..., Profile]) -> tuple[Profile, Profile, UUID]:
    """The laptop answers first, the desktop five minutes later, both offline; then the desktop
    syncs first (its events come first on the server), then the laptop, then the desktop; twice."""
    start = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    clocks = [SettableClock(start), SettableClock(start)]
    laptop, desktop = device("laptop", clocks[0]), device("desktop", clocks[1])
    word = laptop.service.create_word("library", "図書館")
    laptop.service.update_word(word, meaning="図書館 (laptop)")
    for profile in (laptop, desktop):
        SyncClient(profile, alice).sync()
    for day in range(2):
        for minutes, (clock, profile) in zip((0, 5), zip(clocks, (laptop, desktop), strict=True), strict=True):
            clock.set(start.replace(day=4 + day, minute=minutes))
            session = profile.service.start_session("flashcard", [word])
            profile.service.answer(session, word, True, 1000)
            profile.service.complete_session(session)
        for profile in (desktop, laptop, desktop):
            SyncClient(profile, alice).sync()
    return laptop, desktop, word


def test_both_computers_tell_one_story_whose_schedule_is_the_words(alice: str,
                                                                   device: Callable[..., Profile]) -> None:
    laptop, desktop, word = _answered_on_both_offline(alice, device)
    stories = [Timeline(profile).word_story(word) for profile in (laptop, desktop)]
    assert _told(stories[0]) == _told(stories[1])
    story = stories[0]
    times = [s.at for s in story.steps]
    assert times == sorted(times), "oldest first, by when each thing happened"
    schedule = [s.after for s in story.steps if s.event_type == "ProgressUpdated"]
    assert [s["interval_days"] for s in schedule] == [p.interval_days for p in story.intervals] == [1, 6, 17, 50]
    progress = {p.word_id: p for p in laptop.queries.all_progress()}[word]
    assert (schedule[-1]["interval_days"], schedule[-1]["easiness_factor"], schedule[-1]["next_review_date"]) == (
        progress.interval_days, progress.easiness_factor, progress.next_review_date.isoformat())
    sentences = [s.sentence for s in story.steps]
    assert sentences.index("'library' is next due on 2026-05-05 (interval 1 d, EF 2.60)") < sentences.index(
        "'library' is next due on 2026-05-10 (interval 6 d, EF 2.70)")


def test_the_command_lines_history_is_the_same_on_both(alice: str, device: Callable[..., Profile],
                                                       tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    laptop, desktop, word = _answered_on_both_offline(alice, device)
    told = []
    for profile in (laptop, desktop):
        profile.close()  # the command opens the file itself
        assert run_cli(["--data-dir", str(tmp_path), "--profile", profile.path.name.split(".")[0],
                        "history", str(word), "--language", "en"]) == 0
        told.append(capsys.readouterr().out)
    assert told[0] == told[1]
    lines = told[0].splitlines()
    assert "(interval 50 d, EF 2.90)" in [line for line in lines if "next due" in line][-1]
    assert lines[-1] == "4 answers, 4 correct; interval now 50 days"


def test_told_by_time_the_edit_pushed_later_still_wins(alice: str, device: Callable[..., Profile]) -> None:
    """Rows go by time, but which of two offline edits wins is the stream's order (the one pushed
    later): the desktop's edit, made first and pushed last, is the word's meaning in the heading, and
    its row says what it replaced in the word, the laptop's meaning."""
    start = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    clocks = [SettableClock(start), SettableClock(start)]
    laptop, desktop = device("laptop", clocks[0]), device("desktop", clocks[1])
    word = laptop.service.create_word("走る", "to run")
    for profile in (laptop, desktop):
        SyncClient(profile, alice).sync()
    clocks[1].advance(minutes=5)
    desktop.service.update_word(word, meaning="run (desktop)")
    clocks[0].advance(minutes=10)
    laptop.service.update_word(word, meaning="run (laptop)")
    for profile in (laptop, desktop, laptop):
        SyncClient(profile, alice).sync()
    stories = [Timeline(profile).word_story(word) for profile in (laptop, desktop)]
    assert _told(stories[0]) == _told(stories[1])
    edits = [(s.before["meaning"], s.after["meaning"]) for s in stories[0].steps if s.event_type == "WordUpdated"]
    assert edits == [("run (laptop)", "run (desktop)"), ("to run", "run (laptop)")]  # by time
    assert stories[0].fields["meaning"] == laptop.queries.word(word).meaning == "run (desktop)"
