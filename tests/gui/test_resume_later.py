"""An unfinished session days later: what Resume asks, and which sessions the window offers at all.

A learner's month (faked clock) resumed a session from Dec 27 on Dec 30: the words planned then
were asked as first attempts although most had been reviewed since (due Jan 8, put off to Jan 13);
and an empty session started at a terminal asked "was not finished (0 of 20 words answered)" at
every start, for days.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.gui import i18n
from effect_desktop.gui.main_window import MainWindow
from effect_desktop.gui.startup import ResumeDialog
from tests.integration.profile_helpers import SettableClock

from .conftest import press


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(datetime(2026, 12, 26, 8, 0, tzinfo=UTC))


@pytest.fixture
def profile(tmp_path: Path, clock: SettableClock) -> Iterator[Profile]:
    opened = open_profile(tmp_path / "p.effect.sqlite3", clock=clock)
    yield opened
    opened.close()


def _window(qtbot, profile: Profile) -> MainWindow:
    i18n.install("en")
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _words(profile: Profile, *texts: str) -> dict[str, object]:
    ids = profile.service.create_words([dict(text=t, meaning=f"{t} (ja)") for t in texts])
    return dict(zip(texts, ids, strict=True))


def _study(profile: Profile, *word_ids) -> None:
    """A whole session elsewhere (another window, the CLI): each word answered Good."""
    session = profile.service.start_session("flashcard", list(word_ids))
    for word_id in word_ids:
        profile.service.answer(session, word_id, True, 2000, "good")
    profile.service.complete_session(session)


def _due(profile: Profile, word_id) -> datetime:
    word = profile.queries.word(word_id)
    assert word is not None and word.progress is not None
    return word.progress.next_review_date


def _answer_all(qtbot, page) -> list[str]:
    card = page.session_panel.flashcard
    asked = []
    while page.in_session:
        asked.append(card.word.text)
        press(qtbot, card, Qt.Key.Key_Space)
        press(qtbot, card, Qt.Key.Key_3)
    return asked


def test_resumed_days_later_a_session_asks_only_what_is_due_now(qtbot, profile, clock) -> None:  # type: ignore[no-untyped-def]
    w = _words(profile, "airport", "bus", "manager", "seat", "ticket")
    _study(profile, w["airport"], w["bus"], w["manager"])  # Dec 26: due Dec 27
    clock.advance(days=1)
    planned = [w["ticket"], w["airport"], w["bus"], w["manager"], w["seat"]]
    old = profile.service.start_session("flashcard", planned)
    profile.service.answer(old, w["ticket"], True, 1500, "good")  # then left with Esc
    clock.advance(minutes=10)
    _study(profile, w["airport"], w["bus"])  # Dec 27, in another session: due Jan 2
    clock.advance(days=3)  # Dec 30: manager (due since Dec 27) is due, seat is still new
    before = {name: _due(profile, w[name]) for name in ("airport", "bus")}

    window = _window(qtbot, profile)
    dialog = window.startup()
    assert isinstance(dialog, ResumeDialog)
    qtbot.mouseClick(dialog.resume, Qt.MouseButton.LeftButton)
    page = window.study_page
    assert page.in_session and page.run.session_id == old
    assert page.session_panel.last_result.text() == (
        "2 words of this session left out: 2 reviewed since it began.")
    assert page.session_panel.position.text() == "1 / 3"
    assert _answer_all(qtbot, page) == ["manager", "seat"]
    assert {name: _due(profile, w[name]) for name in ("airport", "bus")} == before, \
        "words reviewed since were not reviewed again (their schedules did not move)"
    window.operations.wait()


def test_a_resumed_session_with_nothing_left_to_study_is_finished_with_a_message(qtbot, profile, clock) -> None:  # type: ignore[no-untyped-def]
    w = _words(profile, "airport", "bus", "later")
    _study(profile, w["later"])  # Dec 26: due Dec 27
    clock.advance(days=1)
    _study(profile, w["later"])  # Dec 27: due in 6 days
    clock.advance(minutes=1)
    old = profile.service.start_session("flashcard", [w["airport"], w["bus"], w["later"]])  # `--words`
    profile.service.answer(old, w["airport"], True, 1500, "good")
    clock.advance(minutes=5)
    _study(profile, w["bus"])
    clock.advance(days=2)
    later_due = _due(profile, w["later"])

    window = _window(qtbot, profile)
    page = window.show_page("study")
    qtbot.waitUntil(lambda: page.start_panel.resume_box.isVisible())
    qtbot.mouseClick(page.start_panel.resume_button, Qt.MouseButton.LeftButton)
    assert not page.in_session and page.stack.currentWidget() is page.start_panel
    assert page.start_panel.message.text() == (
        "Nothing in the Flashcards session from 2026-12-27 08:01 is left to study now (1 reviewed since it "
        "began, 1 not due yet); it was finished with the 1 answer it had.")
    session = profile.queries.session(old)
    assert session is not None and session.completed and session.answered == 1
    assert _due(profile, w["later"]) == later_due
    qtbot.waitUntil(lambda: not page.start_panel.resume_box.isVisible())
    window.operations.wait()


def test_a_word_missed_in_the_session_on_its_day_is_named_as_such_when_resumed_later(qtbot, profile,  # type: ignore[no-untyped-def]
                                                                                       clock) -> None:
    """Its repeat was left out as "reviewed since it began", which the learner read as studied in
    another session: it was missed in this one, and its next review is when the miss put it."""
    w = _words(profile, "beef", "pork", "tofu")
    old = profile.service.start_session("flashcard", list(w.values()))
    profile.service.answer(old, w["beef"], False, 1500, "again")  # missed: its repeat waits in the session
    clock.advance(days=1)

    window = _window(qtbot, profile)
    dialog = window.startup()
    qtbot.mouseClick(dialog.resume, Qt.MouseButton.LeftButton)
    page = window.study_page
    assert page.session_panel.last_result.text() == (
        "1 word of this session left out: 1 missed on an earlier day, asked again when due.")
    assert _answer_all(qtbot, page) == ["pork", "tofu"]
    window.operations.wait()


def test_a_word_missed_today_in_a_session_resumed_today_is_asked_again(profile, clock) -> None:  # type: ignore[no-untyped-def]
    """Begun one day, resumed the next and a word missed there, then left again: resumed an hour later
    its repeat was left out as "missed on the day it began", though the miss was that same morning."""
    from effect_desktop.application.planning import DailyLimits
    from effect_desktop.application.resuming import plan_resume

    w = _words(profile, "apple", "bread", "tofu")
    old = profile.service.start_session("flashcard", list(w.values()))
    profile.service.answer(old, w["apple"], True, 1500, "good")
    clock.advance(days=1)
    profile.service.answer(old, w["bread"], False, 1500, "again")  # resumed the next day: bread missed
    clock.advance(hours=1)
    session = profile.queries.session(old)
    plan = plan_resume(profile.queries, session, [w["tofu"], w["bread"]], clock.now,
                       profile.service.day_start_hour, DailyLimits())
    assert plan.ask == [w["tofu"], w["bread"]] and not plan.missed_then


def test_a_session_resumed_the_same_day_keeps_its_words_and_its_repeats(qtbot, profile, clock) -> None:  # type: ignore[no-untyped-def]
    w = _words(profile, "apple", "bread", "rice")
    old = profile.service.start_session("flashcard", list(w.values()))
    profile.service.answer(old, w["apple"], False, 1500, "again")  # missed: comes back in the session
    clock.advance(hours=3)
    window = _window(qtbot, profile)
    dialog = window.startup()
    qtbot.mouseClick(dialog.resume, Qt.MouseButton.LeftButton)
    page = window.study_page
    assert page.session_panel.last_result.text() == ""
    assert sorted(_answer_all(qtbot, page)) == ["apple", "bread", "rice"]
    window.operations.wait()


def test_an_empty_session_from_an_earlier_day_is_not_offered_and_left_as_it_is(qtbot, profile, clock) -> None:  # type: ignore[no-untyped-def]
    """Not closed either: "never answered" is this computer's view (another device may be answering it
    offline), and a terminal may be answering one it started just before the day-start hour (a review
    showed the window completing such a session under it at 04:05)."""
    w = _words(profile, "airport", "bus")
    older = profile.service.start_session("flashcard", list(w.values()))  # `session start`, to see what is due
    clock.advance(days=1)
    newer = profile.service.start_session("flashcard", list(w.values()))
    clock.advance(days=2)

    window = _window(qtbot, profile)
    assert window.startup() is None, "no question about a session never answered"
    assert {s.session_id for s in profile.queries.open_sessions()} == {older, newer}
    page = window.show_page("study")
    qtbot.waitUntil(lambda: page.start_panel.counts.text() != "")
    assert not page.start_panel.resume_box.isVisible()
    window.operations.wait()


def test_a_session_a_terminal_started_before_the_day_start_hour_is_left_to_it(qtbot, profile, clock) -> None:  # type: ignore[no-untyped-def]
    w = _words(profile, "airport", "bus")
    clock.set(datetime(2026, 12, 27, 3, 50, tzinfo=UTC))  # the study day of Dec 26 (it starts at 4:00)
    session = profile.service.start_session("flashcard", list(w.values()))  # at a terminal
    clock.advance(minutes=15)  # 04:05: Dec 27's study day
    window = _window(qtbot, profile)
    window.startup()
    profile.service.answer(session, w["airport"], True, 1800, "good")  # the terminal answers on
    assert profile.queries.session(session).answered == 1
    window.operations.wait()


def test_a_practice_session_resumed_the_same_day_asks_its_words_though_none_is_due(qtbot, profile, clock) -> None:  # type: ignore[no-untyped-def]
    """Words chosen at a terminal to practise (reviewed, due in days), one answered, resumed an hour later:
    all three were left out as "not due" and the session closed (found in review)."""
    w = _words(profile, "apple", "bread", "rice")
    _study(profile, *w.values())
    clock.advance(days=1)
    _study(profile, *w.values())  # due again in 6 days
    clock.advance(hours=1)
    practice = profile.service.start_session("flashcard", list(w.values()))
    profile.service.answer(practice, w["apple"], True, 1500, "good")
    clock.advance(hours=1)
    window = _window(qtbot, profile)
    dialog = window.startup()
    qtbot.mouseClick(dialog.resume, Qt.MouseButton.LeftButton)
    page = window.study_page
    assert sorted(_answer_all(qtbot, page)) == ["bread", "rice"]
    window.operations.wait()


def test_a_session_closed_as_it_began_is_booked_on_its_own_day_after_a_move(tmp_path: Path) -> None:
    """Closed at its start (nothing answered, nothing left), days later and an hour east: it was stamped
    with today's offset, and its 03:30 start in UTC fell on the next study day (found in review)."""
    from datetime import timedelta, timezone

    clock = SettableClock(datetime(2026, 12, 26, 3, 30, tzinfo=UTC))  # the study day of Dec 25
    profile = open_profile(tmp_path / "moved.effect.sqlite3", clock=clock)
    try:
        word = profile.service.create_word("airport", "空港")
        session = profile.service.start_session("flashcard", [word])
        clock.set(datetime(2026, 12, 28, 9, 0, tzinfo=timezone(timedelta(hours=1))))
        started = profile.queries.session(session).started_at
        profile.service.complete_session(session, started)
        completed = [e for e in profile.store.read_all(0, 100) if e.event_type == "SessionCompleted"]
        assert completed[0].metadata.utc_offset_minutes == 0
    finally:
        profile.close()


def test_an_empty_session_from_today_stays_open_and_says_none_is_answered(qtbot, profile, clock) -> None:  # type: ignore[no-untyped-def]
    w = _words(profile, "airport", "bus")
    today = profile.service.start_session("flashcard", list(w.values()))  # a terminal may be answering it
    clock.advance(hours=2)
    window = _window(qtbot, profile)
    dialog = window.startup()
    assert isinstance(dialog, ResumeDialog)
    assert dialog.message.text() == ("Your Flashcards session from 2026-12-26 08:00 was started, but none of "
                                     "its 2 words is answered yet.")
    dialog.reject()
    page = window.show_page("study")
    qtbot.waitUntil(lambda: page.start_panel.resume_box.isVisible())
    assert page.start_panel.resume_label.text() == (
        "A Flashcards session from 2026-12-26 08:00 was started; no word is answered yet.")
    assert [s.session_id for s in profile.queries.open_sessions()] == [today]
    window.operations.wait()
