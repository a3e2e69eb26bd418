"""Two devices of one learner: what one studies offline reaches the other, and nothing twice."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.sync import SyncClient, pending_count
from effect_desktop.timeline.entries import TimelineFilter
from effect_desktop.timeline.queries import TimelineQueries
from tests.sync.helpers import assert_same_as_a_rebuild, comparable_read_models

pytestmark = pytest.mark.postgres


def test_words_and_answers_reach_the_other_device(alice: str, device: Callable[[str], Profile]) -> None:
    laptop, desktop = device("laptop"), device("desktop")
    word = laptop.service.create_word("猫", "cat", tags=["animals"])
    session = laptop.service.start_session("flashcard", [word])
    laptop.service.answer(session, word, True, 1800)
    assert pending_count(laptop) > 0

    first = SyncClient(laptop, alice).sync()
    assert first.pushed == laptop.store.count() and first.pending == 0
    second = SyncClient(desktop, alice).sync()

    assert second.pulled == laptop.store.count()
    assert desktop.user_id == laptop.user_id  # the empty device adopted the account's learner id
    assert desktop.queries.word(word).meaning == "cat"
    assert comparable_read_models(desktop) == comparable_read_models(laptop)


def test_a_second_sync_with_nothing_to_do_changes_nothing(alice: str, device: Callable[[str], Profile]) -> None:
    laptop = device("laptop")
    laptop.service.create_word("犬", "dog")
    SyncClient(laptop, alice).sync()
    again = SyncClient(laptop, alice).sync()
    assert (again.pushed, again.pulled, again.pending) == (0, 0, 0)


def test_concurrent_edits_of_one_word_converge_and_both_stay_in_history(
        alice: str, device: Callable[[str], Profile]) -> None:
    laptop, desktop = device("laptop"), device("desktop")
    word = laptop.service.create_word("走る", "to run")
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()

    laptop.service.update_word(word, meaning="run (laptop)")
    desktop.service.update_word(word, meaning="run (desktop)", category="verbs")
    SyncClient(laptop, alice).sync()
    moved = SyncClient(desktop, alice).sync()  # the desktop's edit collides and goes after
    SyncClient(laptop, alice).sync()

    assert moved.resequenced == 1
    for profile in (laptop, desktop):
        view = profile.queries.word(word)
        assert (view.meaning, view.category) == ("run (desktop)", "verbs")
        history = [e.event_data.changes for e in profile.store.get_events(word)[1:]]
        assert history == [{"meaning": "run (laptop)"}, {"meaning": "run (desktop)", "category": "verbs"}]
    assert comparable_read_models(laptop) == comparable_read_models(desktop)
    # Each timeline lists both edits in the final order, each noting the meaning it replaced; the
    # desktop recorded its own edit first, at a position the sync then moved it from.
    for profile in (laptop, desktop):
        edits = [e for e in TimelineQueries(profile.store).page(TimelineFilter(word_id=word)).entries
                 if e.event_type == "WordUpdated"]
        assert sorted((e.payload["changes"]["meaning"], e.note["before"]["meaning"]) for e in edits) == [
            ("run (desktop)", "run (laptop)"), ("run (laptop)", "to run")]
        assert_same_as_a_rebuild(profile)


def test_a_session_completed_on_two_devices_converges(alice: str, device: Callable[[str], Profile]) -> None:
    from datetime import timedelta

    laptop, desktop = device("laptop"), device("desktop")
    word = laptop.service.create_word("本", "book")
    session = laptop.service.start_session("flashcard", [word])
    laptop.service.answer(session, word, True, 1500)
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()

    laptop.service.clock.set(laptop.service.clock() + timedelta(minutes=5))  # type: ignore[attr-defined]
    laptop.service.complete_session(session)
    desktop.service.clock.set(desktop.service.clock() + timedelta(minutes=9))  # type: ignore[attr-defined]
    desktop.service.complete_session(session)
    for profile in (laptop, desktop, laptop):
        SyncClient(profile, alice).sync()

    assert laptop.queries.session(session).completed_at == desktop.queries.session(session).completed_at
    assert comparable_read_models(laptop) == comparable_read_models(desktop)


def test_a_words_history_tells_the_schedule_its_answers_from_both_devices_give(
        alice: str, device: Callable[[str], Profile]) -> None:
    """Each device's ProgressUpdated said "1 day" (each knew one answer); the schedule, folded from
    both answers, is 6 days. The word's story (its chart, "interval now") must say 6, as progress does."""
    from effect_desktop.timeline.service import Timeline

    laptop, desktop = device("laptop"), device("desktop")
    word = laptop.service.create_word("柿", "persimmon")
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    for profile in (laptop, desktop):
        session = profile.service.start_session("flashcard", [word])
        profile.service.answer(session, word, True, 1500)
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    SyncClient(laptop, alice).sync()
    for profile in (laptop, desktop):
        progress = {p.word_id: p for p in profile.queries.all_progress()}[word]
        story = Timeline(profile).word_story(word)
        assert [p.interval_days for p in story.intervals] == [1, progress.interval_days]
        assert progress.interval_days == 6


def test_a_session_completed_on_two_devices_counts_once(alice: str, device: Callable[[str], Profile]) -> None:
    """Left unfinished on the laptop and synced, the session was offered on the desktop and finished
    there, and later finished on the laptop too: both events are kept, and the day's totals said two
    sessions, with the time studied counted twice."""
    from datetime import UTC, datetime

    from tests.integration.profile_helpers import SettableClock

    clocks = [SettableClock(datetime(2026, 5, 4, 9, 0, tzinfo=UTC)) for _ in range(2)]
    laptop, desktop = device("laptop", clocks[0]), device("desktop", clocks[1])
    word = laptop.service.create_word("猫", "cat")
    session = laptop.service.start_session("flashcard", [word])
    laptop.service.answer(session, word, True, 1800)
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    clocks[1].advance(seconds=40)
    desktop.service.complete_session(session)
    clocks[0].advance(seconds=70)
    laptop.service.complete_session(session)
    for profile in (desktop, laptop, desktop):
        SyncClient(profile, alice).sync()
    for profile in (laptop, desktop):
        assert len(profile.store.query_events(aggregate_id=session, event_types=["SessionCompleted"])) == 2
        (day,) = profile.queries.daily_stats()
        assert day.sessions_completed == 1
        assert day.study_seconds == profile.queries.session(session).duration_seconds == 40  # the desktop's
        assert_same_as_a_rebuild(profile)
    assert comparable_read_models(desktop) == comparable_read_models(laptop)


def test_undoing_an_edit_another_devices_edit_was_put_before_brings_back_that_edit(
        alice: str, device: Callable[[str], Profile]) -> None:
    """The laptop's edit was placed after the desktop's at a sync; undoing it put back the meaning from
    before both, and the desktop's edit vanished from every device without a word."""
    laptop, desktop = device("laptop"), device("desktop")
    word = laptop.service.create_word("book", "ほん")
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    before = laptop.service.update_word(word, meaning="本A")  # what the Edit dialog does
    change = laptop.service.last_word_event(word)
    desktop.service.update_word(word, meaning="本B")
    SyncClient(desktop, alice).sync()
    SyncClient(laptop, alice).sync()  # the laptop's edit goes after the desktop's
    assert laptop.queries.word(word).meaning == "本A"
    laptop.service.update_word(word, undoes=change.event_id, expect={"meaning": "本A"}, **before)  # Ctrl+Z
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    for profile in (laptop, desktop):
        assert profile.queries.word(word).meaning == "本B"


def test_after_such_an_undo_redo_sets_the_edit_again(alice: str, device: Callable[[str], Profile]) -> None:
    """Redo's guard was the value the window remembered from before the edit, not the one the undo put
    back (another device's): "Not redone … another program or device changed it since", untrue, and the
    edit lost."""
    from effect_desktop.gui.words import edit

    laptop, desktop = device("laptop"), device("desktop")
    word = laptop.service.create_word("book", "ほん")
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    pushed: list = []

    class History:
        def push(self, entry: object) -> None:
            pushed.append(entry)

    assert edit.edit_with_undo(laptop.service, History(), word, {"meaning": "本A"}, "Edit", lambda: None)
    desktop.service.update_word(word, meaning="本B")
    SyncClient(desktop, alice).sync()
    SyncClient(laptop, alice).sync()
    (entry,) = pushed
    entry.undo()
    assert laptop.queries.word(word).meaning == "本B"
    entry.redo()
    assert laptop.queries.word(word).meaning == "本A"


def test_an_organize_undo_after_a_sync_keeps_the_other_devices_edit(
        alice: str, device: Callable[[str], Profile]) -> None:
    """Organize's undo put back the category remembered from before its change, over the desktop's edit
    that a sync had placed between: gone from every device."""
    from effect_desktop.gui.words import organize

    laptop, desktop = device("laptop"), device("desktop")
    word = laptop.service.create_word("book", "ほん", category="A")
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()

    def change(_fields: dict) -> dict:
        return {"category": "X"}

    done = laptop.service.change_words([word], lambda _word, fields: change(fields))
    entry = organize._entry(laptop.service, done, change, None, "category X")
    desktop.service.update_word(word, category="B")
    SyncClient(desktop, alice).sync()
    SyncClient(laptop, alice).sync()
    assert laptop.queries.word(word).category == "X"
    entry.undo()
    assert laptop.queries.word(word).category == "B"


def test_redo_of_a_tag_removal_after_a_sync_keeps_the_other_devices_tag(
        alice: str, device: Callable[[str], Profile]) -> None:
    """The undo put back the desktop's list (with its new tag z); Redo of "tag t removed" then set the
    list remembered from before, and z, just shown, vanished again."""
    from effect_desktop.application import organize as rules
    from effect_desktop.gui.words import organize

    laptop, desktop = device("laptop"), device("desktop")
    word = laptop.service.create_word("book", "ほん", tags=["a", "t", "b"])
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    change = rules.tag_removed("t")
    done = laptop.service.change_words([word], lambda _word, fields: change(fields))
    entry = organize._entry(laptop.service, done, change,
                            lambda before: rules.tags_put_back(before.get("tags") or [], "t"), "tag t removed")
    desktop.service.update_word(word, tags=["a", "t", "b", "z"])
    SyncClient(desktop, alice).sync()
    SyncClient(laptop, alice).sync()
    entry.undo()
    assert laptop.queries.word(word).tags == ["a", "t", "b", "z"]
    entry.redo()
    assert laptop.queries.word(word).tags == ["a", "b", "z"]
