"""The Timeline page as a learner uses it: filter, follow a cause, visit the past, open a word's story."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from pytestqt.qtbot import QtBot

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.gui.timeline import TimelinePage, open_word_history
from effect_desktop.gui.timeline.model import EntryRole, IsDayRole
from effect_desktop.timeline.describe import learner_time
from tests.integration.profile_helpers import SettableClock
from tests.timeline.conftest import TOKYO


def _page(qtbot: QtBot, profile: Profile) -> TimelinePage:
    page = TimelinePage(profile)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.prepared, timeout=20_000):
        page.show()
    return page


def _on_tokyo_clock(moment: datetime) -> QDateTime:
    """`moment` as the learner types it into the travel field: the wall-clock time the rows show."""
    wall = moment.astimezone(TOKYO)
    return QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute, wall.second),
                     QTimeZone.utc())


def _sentences(page: TimelinePage) -> list[str]:
    model = page.model
    return [model.index(r, 1).data() for r in range(model.rowCount()) if model.index(r, 1).data(EntryRole)]


def test_filtering_by_kind_and_text_narrows_the_list(qtbot: QtBot, profile: Profile, studied: dict) -> None:
    page = _page(qtbot, profile)
    assert len(_sentences(page)) == profile.store.count()
    page.filters.type_box.setCurrentIndex(page.filters.type_box.findData("QuestionAnswered"))
    answers = _sentences(page)
    assert answers and all(s.startswith("Answered") for s in answers)
    page.filters.text.setText("りんご")  # typed Japanese goes through the input method; set it directly
    qtbot.keyClick(page.filters.text, Qt.Key.Key_Return)
    assert _sentences(page) == ["Answered 'りんご' correctly in 2.3 s (attempt 1)"]



def test_only_this_word_leaves_the_focus_on_the_list_it_filtered(qtbot: QtBot, profile: Profile,
                                                                 studied: dict) -> None:
    """The button went with the detail it was in, and the focus dropped into the empty Effects list."""
    page = _page(qtbot, profile)
    page.activateWindow()
    model = page.model
    row = next(r for r in range(model.rowCount())
               if (entry := model.index(r, 1).data(EntryRole)) is not None and entry.word_id is not None)
    page.view.setCurrentIndex(model.index(row, 1))
    page.detail.word_filter_button.setFocus()
    qtbot.keyClick(page.detail.word_filter_button, Qt.Key.Key_Space)
    assert page.filters.word_id is not None
    qtbot.waitUntil(lambda: page.focusWidget() is page.view, timeout=2000)


def test_a_filtered_day_says_how_many_of_its_events_are_shown(qtbot: QtBot, profile: Profile,
                                                              studied: dict) -> None:
    from effect_desktop.gui import i18n

    i18n.install("en")  # the plural forms
    page = _page(qtbot, profile)
    model = page.model

    def headers() -> list[str]:
        return [model.index(r, 1).data() for r in range(model.rowCount()) if model.index(r, 1).data(IsDayRole)]

    totals = [d.events for d in sorted(page.timeline.queries.days(), key=lambda d: d.day, reverse=True)]
    assert headers() == [f"{n} events that day" for n in totals]
    page.filters.type_box.setCurrentIndex(page.filters.type_box.findData("QuestionAnswered"))
    assert headers() == [f"1 of {totals[0]} events that day", f"2 of {totals[1]} events that day"]


def test_following_a_progress_change_to_the_answer_that_caused_it(qtbot: QtBot, profile: Profile,
                                                                  studied: dict) -> None:
    page = _page(qtbot, profile)
    model = page.model
    row = next(r for r in range(model.rowCount())
               if (e := model.index(r, 1).data(EntryRole)) and e.event_type == "ProgressUpdated")
    page.view.setCurrentIndex(model.index(row, 1))
    assert page.detail.cause_button.isEnabled()
    qtbot.mouseClick(page.detail.cause_button, Qt.MouseButton.LeftButton)
    cause = page.view.currentIndex().data(EntryRole)
    assert cause.event_type == "QuestionAnswered"
    effects = [page.detail.effects.item(i).text() for i in range(page.detail.effects.count())]
    assert any("is next due" in text for text in effects)


def test_the_past_under_fsrs_shows_no_easiness(qtbot: QtBot, profile: Profile, clock: SettableClock,
                                               studied: dict) -> None:
    """A moment under FSRS showed EF 2.50 for every word (FSRS keeps none: its schedules carry SM-2's
    starting 2.5), where the Words list, Statistics and `progress` leave it out; before the switch, SM-2's."""
    from effect_desktop.gui.timeline.past import EF_COLUMN
    from effect_desktop.timeline.scheduler_replay import switch

    before_switch = clock.now
    clock.advance(hours=1)
    switch(profile, "fsrs")
    clock.advance(hours=1)
    page = _page(qtbot, profile)
    for moment, scheduler, easiness in ((clock.now - timedelta(minutes=5), "FSRS", False),
                                        (before_switch, "SM-2", True)):
        page.travel.moment.setDateTime(_on_tokyo_clock(moment))
        qtbot.mouseClick(page.travel.go, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=scheduler: page.past.summary.text().endswith(f"scheduler {s}"), timeout=10_000)
        assert page.past.table.isColumnHidden(EF_COLUMN) is not easiness, scheduler


def test_picking_a_past_date_shows_the_word_list_of_then_marked_as_the_past(
        qtbot: QtBot, profile: Profile, clock: SettableClock, studied: dict) -> None:
    clock.advance(days=1)
    profile.service.create_word("banana", "バナナ")
    profile.service.update_word(studied["apple"], category="", tags=["fruit", "red"])  # type: ignore[arg-type]
    profile.service.restore_word(studied["ringo"])  # deleted then: back, not "added"
    page = _page(qtbot, profile)
    before_banana = clock.now - timedelta(hours=12)
    page.travel.moment.setDateTime(_on_tokyo_clock(before_banana))
    qtbot.mouseClick(page.travel.go, Qt.MouseButton.LeftButton)
    assert page.showing_past
    assert "THE PAST" in page.past.banner.text()
    assert page.past.summary.text().endswith("scheduler SM-2")  # as the rest of the timeline names it ("SM2")
    model = page.past.words
    words = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert words == ["apple"]  # りんご was deleted by then, banana not yet added
    assert model.index(0, 1).data() == "林檎"
    qtbot.mouseClick(page.past.compare_button, Qt.MouseButton.LeftButton)
    changes = [page.past.changes.item(i).text() for i in range(page.past.changes.count())]
    assert "Added since: banana" in changes
    assert "Restored since: りんご" in changes and "Added since: りんご" not in changes
    assert changes[0].startswith("Since then: 1 added, 1 restored, 0 deleted")
    # in the learner's words, not Python's ('food', [], None)
    assert "Edited: apple (category: “food” → —; tags: — → fruit, red)" in changes, changes
    qtbot.mouseClick(page.travel.now, Qt.MouseButton.LeftButton)
    assert not page.showing_past


def test_the_time_slider_works_from_the_keyboard(qtbot: QtBot, profile: Profile, clock: SettableClock,
                                                studied: dict) -> None:
    """Arrows moved the slider but nothing followed: only a mouse drag set the moment and showed the past."""
    clock.advance(days=2)
    profile.service.create_word("banana", "バナナ")
    page = _page(qtbot, profile)
    slider = page.travel.slider
    slider.setFocus()
    assert slider.value() == slider.maximum() and not page.showing_past
    before = page.travel.chosen()
    with qtbot.waitSignal(page.travel.travel_requested, timeout=3000):  # once the keys rest
        for _ in range(3):
            qtbot.keyClick(slider, Qt.Key.Key_PageDown)  # back in time, a tenth of the history a press
    assert page.travel.chosen() < before
    qtbot.waitUntil(lambda: page.showing_past)
    words = [page.past.words.index(r, 0).data() for r in range(page.past.words.rowCount())]
    assert "banana" not in words and words, "two days before banana was added"
    # the moment, said for a screen reader: a slider's 0-1000 means nothing
    assert slider.accessibleDescription() == page.travel.moment.dateTime().toString("yyyy-MM-dd HH:mm:ss")


def test_opening_a_words_history_shows_its_edits_and_answers(qtbot: QtBot, profile: Profile,
                                                             studied: dict) -> None:
    long_meaning = "the round fruit of a tree of the rose family, red or green"
    profile.service.update_word(studied["apple"], meaning=long_meaning)  # type: ignore[arg-type]
    dialog = open_word_history(None, profile, studied["apple"], "en")
    assert dialog is not None
    qtbot.addWidget(dialog)
    table = dialog.steps
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows[0][1] == "Added the word 'apple' (りんご)"
    edit = next(r for r in rows if r[1] == "Changed the meaning of 'apple'")
    assert edit[2] == "meaning: “りんご” → “林檎”"  # not Python's 'りんご'
    qtbot.waitExposed(dialog)
    assert table.horizontalScrollBar().maximum() == 0, "the changes column is out of sight"
    assert rows[-1][2] == f"meaning: “林檎” → “{long_meaning}”"  # wrapped in its row, not cut
    assert any(r[1] == "Answered 'apple' wrongly in 4.1 s (attempt 1) (undone)" for r in rows)
    assert dialog.chart.points and dialog.chart.points[-1].interval_days >= 1
    assert isinstance(rows[0][0], str) and datetime.fromisoformat(rows[0][0])


def test_the_scheduler_dialog_previews_the_due_queue_before_switching(qtbot: QtBot, profile: Profile,
                                                                      clock: SettableClock, studied: dict) -> None:
    clock.set(clock.now + timedelta(days=1))  # a word due by now under SM-2, not yet under FSRS
    page = _page(qtbot, profile)
    dialog = page.choose_scheduler()
    qtbot.addWidget(dialog)
    assert dialog.choice.currentData() == "fsrs" and not dialog.confirm.isEnabled()
    assert dialog.summary.text() == "Now using: SM-2. Nothing changes until you confirm."  # was "SM2"
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "Due now:" in dialog.summary.text()
    # the reviews a schedule folds, said as such (they were "answers", fewer than Statistics counts, "in
    # 0.00 s"), and a day already come is "due now" (it read as a date to wait for)
    preview = dialog.preview
    assert dialog.summary.text().startswith(f"Replayed {preview.answers} reviews of {preview.words} words (a "
                                            "word's first answer in each session")
    shown = [dialog.moved.item(r).text().split(": ", 1)[1].split(" → ") for r in range(dialog.moved.count())]
    days = [(m.day_before, m.day_after) for m in preview.moved]
    assert shown == [["due now" if d is not None and d <= preview.today else d.isoformat() if d else "—"
                      for d in pair] for pair in days]
    assert any(d is not None and d <= preview.today for pair in days for d in pair), "a day already come"
    assert all(before != after for before, after in shown), "a word listed as moving moves"
    assert profile.service.scheduler.name == "sm2"  # nothing changed by the preview
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert profile.service.scheduler.name == "fsrs"
    assert page.model.index(1, 1).data() == "Switched the scheduler to FSRS"


def test_day_headings_name_the_weekday_in_the_interface_language(qtbot: QtBot, profile: Profile,
                                                                 studied: dict) -> None:
    from PySide6.QtCore import QLocale

    def headings(page: TimelinePage) -> list[str]:
        model = page.model
        return [model.index(r, 0).data() or model.index(r, 1).data() for r in range(model.rowCount())
                if not model.index(r, 1).data(EntryRole)]

    english = headings(_page(qtbot, profile))
    assert english and all(h.endswith(("(Mon)", "(Tue)", "(Wed)", "(Thu)", "(Fri)", "(Sat)", "(Sun)"))
                           for h in english)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    try:
        japanese = headings(_page(qtbot, profile))
    finally:
        QLocale.setDefault(before)
    assert [h[:10] for h in japanese] == [h[:10] for h in english]
    assert all(h[-3:] in {"(月)", "(火)", "(水)", "(木)", "(金)", "(土)", "(日)"} for h in japanese)


def _past_words(page: TimelinePage) -> list[str]:
    model = page.past.words
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_time_travel_never_shows_a_moment_still_to_come(qtbot: QtBot, profile: Profile, clock: SettableClock,
                                                        studied: dict) -> None:
    """A date five days ahead showed "THE PAST — as of" that date, with figures for what has not happened."""
    page = _page(qtbot, profile)
    now = _on_tokyo_clock(clock.now)
    page.travel.moment.setDateTime(now.addDays(5))  # as typed: the field stops at now
    assert page.travel.moment.dateTime() <= now.addSecs(1)
    qtbot.mouseClick(page.travel.go, Qt.MouseButton.LeftButton)
    assert page.showing_past
    assert page.past.state is not None and page.past.state.moment <= clock.now
    assert clock.now.strftime("%Y-%m-%d %H:%M") in page.past.banner.text()  # the learner's clock
    # now moves on while the page is open: the latest allowed moment follows it
    clock.advance(days=3)
    profile.service.create_word("banana", "バナナ")
    page.hide()
    page.show()
    later = _on_tokyo_clock(clock.now)
    page.travel.moment.setDateTime(later)
    assert page.travel.moment.dateTime() == later
    qtbot.mouseClick(page.travel.go, Qt.MouseButton.LeftButton)
    assert "banana" in _past_words(page)


def test_a_time_read_off_a_row_studied_abroad_travels_to_that_row(qtbot: QtBot, profile: Profile,
                                                                   clock: SettableClock, studied: dict) -> None:
    """The rows show each event on the clock it happened on; the travel field read and showed this
    computer's zone. After a move from Tokyo to Los Angeles a time typed off a Tokyo row landed 16
    hours off."""
    clock.set(clock.now.astimezone(timezone(timedelta(hours=-7))))  # now in Los Angeles
    clock.advance(days=2)
    profile.service.create_word("banana", "バナナ")
    page = _page(qtbot, profile)
    edit = next(e for e in page.timeline.page().entries if e.event_type == "WordUpdated")
    row_time = learner_time(edit.at, edit.utc_offset_minutes)
    assert row_time.strftime("%Y-%m-%d %H:%M") == "2026-03-02 08:05"  # as the row and its day show it
    page.travel.moment.setDateTime(QDateTime(QDate(2026, 3, 2), QTime(8, 7), QTimeZone.utc()))  # typed
    qtbot.mouseClick(page.travel.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.showing_past)
    assert page.past.state is not None
    assert page.past.state.moment == datetime(2026, 3, 2, 8, 7, tzinfo=TOKYO)
    assert _past_words(page) == ["apple", "りんご"]  # after the edit, before any study
    assert page.past.words.index(0, 1).data() == "林檎"
    assert "as of 2026-03-02 08:07:00 (UTC+09:00)" in page.past.banner.text()
    assert page.travel.moment.text() == "2026-03-02 08:07:00"
    # the latest moment allowed is now on the clock the learner reads now
    assert page.travel.moment.maximumDateTime().toString("yyyy-MM-dd HH:mm") == clock.now.strftime("%Y-%m-%d %H:%M")


def test_the_slider_points_at_the_moment_on_view_without_travelling_again(
        qtbot: QtBot, profile: Profile, clock: SettableClock, studied: dict) -> None:
    """After a typed date, or "Back to now", the slider stayed where it was."""
    page = _page(qtbot, profile)
    first, last = page.timeline.queries.span()
    travels: list[object] = []
    page.travel.travel_requested.connect(travels.append)
    slider = page.travel.slider
    middle = first + (last - first) / 4
    page.travel.moment.setDateTime(_on_tokyo_clock(middle))
    qtbot.mouseClick(page.travel.go, Qt.MouseButton.LeftButton)
    assert page.showing_past and len(travels) == 1
    assert 200 <= slider.value() <= 300, "a quarter of the way through the history"
    assert not page.travel._keys_rest.isActive(), "moving the slider to the moment must not travel again"
    page.travel.moment.setDateTime(_on_tokyo_clock(first - timedelta(hours=1)))
    qtbot.mouseClick(page.travel.go, Qt.MouseButton.LeftButton)
    assert slider.value() == slider.minimum() and _past_words(page) == []
    qtbot.mouseClick(page.travel.now, Qt.MouseButton.LeftButton)
    assert not page.showing_past
    assert slider.value() == slider.maximum()
    assert not page.travel._keys_rest.isActive() and len(travels) == 2
    assert slider.accessibleDescription() == page.travel.moment.dateTime().toString("yyyy-MM-dd HH:mm:ss")


def test_the_slider_ends_include_the_first_and_the_last_event(qtbot: QtBot, tmp_path: Path) -> None:
    """Home gave the first event's time cut to whole seconds (13:58:58 for a word added at 13:58:58.6):
    "0 words" at the very start of the history."""
    clock = SettableClock(datetime(2026, 3, 2, 13, 58, 58, 600_000, tzinfo=TOKYO))
    profile = open_profile(tmp_path / "sub-second.effect.sqlite3", clock=clock)
    try:
        profile.service.create_word("first", "最初")
        clock.advance(hours=1, seconds=0.3)
        profile.service.create_word("middle", "中")
        clock.advance(hours=1, seconds=0.5)
        profile.service.create_word("last", "最後")  # at 15:58:59.4
        page = _page(qtbot, profile)
        slider = page.travel.slider
        slider.setFocus()
        with qtbot.waitSignal(page.travel.travel_requested, timeout=3000):
            qtbot.keyClick(slider, Qt.Key.Key_Home)
        assert _past_words(page) == ["first"]
        with qtbot.waitSignal(page.travel.travel_requested, timeout=3000):
            qtbot.keyClick(slider, Qt.Key.Key_End)
        assert _past_words(page) == ["first", "middle", "last"]
    finally:
        profile.close()


def test_a_start_date_after_the_end_date_says_so_and_forgets_the_chosen_event(
        qtbot: QtBot, profile: Profile, studied: dict) -> None:
    """An empty list without a word, the footer still counting every event, the detail of a hidden event."""
    page = _page(qtbot, profile)
    model = page.model
    total = profile.store.count()
    assert page.status.text() == f"{total} events"
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data(EntryRole))
    page.view.setCurrentIndex(model.index(row, 1))
    chosen = model.index(row, 1).data()
    assert page.detail.sentence.text() == chosen
    page.filters.type_box.setCurrentIndex(page.filters.type_box.findData("QuestionAnswered"))
    listed = len(_sentences(page))
    assert listed == 3 and page.status.text() == f"3 of {total} events match the filter"
    assert page.notice.isHidden()
    page.filters.type_box.setCurrentIndex(0)
    page.filters.use_to.setChecked(True)
    # a date changed with its box clear ticks the box: the change did nothing, under "N of N events"
    assert not page.filters.use_from.isChecked()
    page.filters.first.setDate(page.filters.last.date().addDays(3))
    assert page.filters.use_from.isChecked()
    assert _sentences(page) == []
    assert page.notice.isVisible() and "start date is after the end date" in page.notice.text()
    assert page.status.text() == f"0 of {total} events match the filter"
    assert page.detail.sentence.text() == "Choose an event to see its details."
    assert page.detail.payload.toPlainText() == "" and page.detail.when.text() == ""
    page.filters.first.setDate(page.filters.last.date().addDays(-400))  # back in order
    assert page.notice.isHidden() and len(_sentences(page)) == total
    assert page.status.text() == f"{total} of {total} events match the filter"


def test_a_jump_back_in_time_goes_off_the_gui_thread_before_and_after_the_preparation(
        qtbot: QtBot, profile: Profile, clock: SettableClock, studied: dict) -> None:
    """Before the timeline's first preparation a jump replays the log from its start: 15-20 s on five
    years, with the window frozen; after it, reading a past day's schedule still took 1-4 s on the
    window's thread. A jump now runs in the background and the past appears after."""
    from effect_desktop.gui.operations import Operations

    for prepared in (False, True):
        page = _page(qtbot, profile) if prepared else TimelinePage(profile)
        qtbot.addWidget(page)
        page.operations = Operations(page)
        assert page._is_prepared == prepared
        page.travel_to(clock.now - timedelta(minutes=1))
        assert not page.showing_past  # the call returned at once; the past comes from the background
        qtbot.waitUntil(lambda page=page: page.showing_past, timeout=10_000)
        assert "apple" in _past_words(page)
        page.operations.wait()


def test_back_to_now_wins_over_a_jump_still_replaying(qtbot: QtBot, profile: Profile, clock: SettableClock,
                                                      studied: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    """The progress dialog shows only after a moment; "Back to now" pressed meanwhile was undone when
    the jump's replay ended, and the old moment came back."""
    from effect_desktop.gui.operations import Operations

    page = TimelinePage(profile)
    qtbot.addWidget(page)
    page.operations = Operations(page)
    page.travel_to(clock.now - timedelta(minutes=1))
    page.back_to_now()
    page.operations.wait()
    qtbot.wait(50)  # the replay's result delivered
    assert not page.showing_past


def test_in_the_window_a_filters_count_is_made_off_the_gui_thread(qtbot: QtBot, profile: Profile,
                                                                   studied: dict) -> None:
    """On five years of history counting what a filter matches blocked the window 0.6-2 s."""
    from effect_desktop.gui.operations import Operations
    from effect_desktop.timeline.entries import TimelineFilter

    page = _page(qtbot, profile)
    page.operations = Operations(page)
    before = page.status.text()
    page.model.filter = TimelineFilter(event_types=("QuestionAnswered",))
    page._say_count()
    assert page.status.text() == before  # the call returned at once; the count comes from the background
    answers = len([e for e in profile.store.read_all(0, 10_000) if e.event_type == "QuestionAnswered"])
    qtbot.waitUntil(lambda: page.status.text().startswith(f"{answers} of "), timeout=10_000)
    page.operations.wait()


def _top_rows(page: TimelinePage) -> list[str]:
    model = page.model
    return [model.index(r, 1).data() for r in range(model.rowCount()) if not model.index(r, 1).data(IsDayRole)]


def test_what_one_action_did_to_many_words_is_one_row_that_opens(qtbot: QtBot, profile: Profile,
                                                                 clock: SettableClock) -> None:
    """An import of 450 words filled the day with 450 rows (over three pages of the list); the
    learner's own answers were buried under them."""
    words = profile.service.create_words([{"text": f"w{i:03}", "meaning": "m"} for i in range(450)])
    clock.advance(minutes=5)
    session = profile.service.start_session("flashcard", [words[0]])
    profile.service.answer(session, words[0], True, 1500)
    clock.advance(minutes=5)
    profile.service.delete_words(words[:12])  # a bulk delete of 12: one row too
    profile.service.delete_words(words[12:15])  # three: few enough to read one by one
    page = _page(qtbot, profile)
    from PySide6.QtCore import QModelIndex

    while page.model.canFetchMore(QModelIndex()):  # as scrolling to the bottom does
        page.model.fetchMore(QModelIndex())
    rows = _top_rows(page)
    assert rows[:3] == ["Deleted the word 'w014'", "Deleted the word 'w013'", "Deleted the word 'w012'"]
    assert rows[3] == "Deleted 12 words in one go: 'w000', 'w001', 'w002'…"
    assert rows[-1] == "Added 450 words in one go: 'w000', 'w001', 'w002'…", "the import's first lines"
    assert any(row.startswith("Answered 'w000' correctly") for row in rows)
    assert len(rows) == 9, rows  # 3 deletions, 2 groups, the session's start, answer, schedule and streak

    model = page.model
    group = model.index(model.rowCount() - 1, 0)
    assert model.hasChildren(group) and model.is_group(group)
    page.view.setCurrentIndex(group)
    assert page.detail.sentence.text() == rows[-1]
    assert page.detail.when.text().startswith("450 event") and "Open the row" in page.detail.when.text()
    page.view.expand(group)
    qtbot.waitUntil(lambda: model.rowCount(group) >= 200, timeout=5000)
    while model.canFetchMore(group):
        model.fetchMore(group)
    children = [model.index(r, 1, group).data() for r in range(model.rowCount(group))]
    assert len(children) == 450
    assert children[0] == "Added the word 'w449' (m)" and children[-1] == "Added the word 'w000' (m)"
    day_header = next(r for r in range(model.rowCount()) if model.index(r, 1).data(IsDayRole))
    assert model.index(day_header, 1).data().startswith(f"{profile.store.count()} event")  # all, groups too


def test_jumping_to_an_event_inside_a_group_opens_it(qtbot: QtBot, profile: Profile) -> None:
    words = profile.service.create_words([{"text": f"w{i:03}", "meaning": "m"} for i in range(300)])
    page = _page(qtbot, profile)
    target = next(e for e in profile.store.iter_all() if e.aggregate_id == words[5])
    page.jump_to(target.position or 0)
    current = page.view.currentIndex()
    assert current.parent().isValid() and page.view.isExpanded(current.parent())
    assert current.data(EntryRole).position == target.position
    assert current.data() == "Added the word 'w005' (m)"
    assert page.detail.isEnabled()


def test_a_group_is_said_in_japanese(qtbot: QtBot, profile: Profile) -> None:
    from effect_desktop.timeline.describe import describe_group

    profile.service.create_words([{"text": f"語{i}", "meaning": "m"} for i in range(20)])
    page = _page(qtbot, profile)
    model = page.model
    group = next(model.index(r, 0) for r in range(model.rowCount()) if model.is_group(model.index(r, 0)))
    assert group.data() is not None
    assert model.rowCount(group) == 20
    first_three = [model.index(r, 1, group).data(EntryRole) for r in (19, 18, 17)]
    text = describe_group(model.index(0, 1, group).data(EntryRole), 20, first_three, "ja")
    assert text == "20 語をまとめて追加しました：「語0」「語1」「語2」ほか"


def test_the_grouped_model_keeps_qts_model_rules(qtbot: QtBot, qtmodeltester, profile: Profile) -> None:
    """Rows inside groups have parents: Qt's own model checker walks them all."""
    words = profile.service.create_words([{"text": f"w{i:03}", "meaning": "m"} for i in range(30)])
    profile.service.update_word(words[0], meaning="x")
    page = _page(qtbot, profile)
    group = next(page.model.index(r, 0) for r in range(page.model.rowCount())
                 if page.model.is_group(page.model.index(r, 0)))
    page.view.expand(group)
    qtmodeltester.check(page.model, force_py=True)


def test_a_compacted_action_is_still_one_row(qtbot: QtBot, profile: Profile, clock: SettableClock) -> None:
    """Archived events keep no JSON in their row: the run was cut at every page, 200 words a row."""
    from PySide6.QtCore import QModelIndex

    from effect_desktop.persistence.archive import compact

    profile.service.create_words([{"text": f"w{i:03}", "meaning": "m"} for i in range(450)])
    clock.advance(days=200)
    profile.service.create_words([{"text": "late", "meaning": "m"}])
    assert compact(profile.store, older_than=clock() - timedelta(days=90), now=clock(), segment=100).events >= 400
    page = _page(qtbot, profile)
    while page.model.canFetchMore(QModelIndex()):
        page.model.fetchMore(QModelIndex())
    assert _top_rows(page) == ["Added the word 'late' (m)", "Added 450 words in one go: 'w000', 'w001', 'w002'…"]


def test_jumping_far_back_shows_the_events_day_and_a_way_back_to_the_newest(
        qtbot: QtBot, profile: Profile, clock: SettableClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page down to the event was fetched on the GUI thread: a minute's freeze on five years."""
    from effect_desktop.gui.timeline import page as timeline_page

    monkeypatch.setattr(timeline_page, "FAR_EVENTS", 0)  # any event not yet loaded (2,000 in use)
    old = profile.service.create_word("ancient", "古い")
    clock.advance(days=3)
    for n in range(400):
        profile.service.create_word(f"w{n:03}", "m")
    page = _page(qtbot, profile)
    page.model.reload()  # the first page only, as a list scrolled nowhere yet holds
    target = next(e for e in profile.store.iter_all() if e.aggregate_id == old)
    page.jump_to(target.position or 0)
    assert page.view.currentIndex().data() == "Added the word 'ancient' (古い)"
    assert page.model.rowCount() < 10, "the list starts at that day, not 400 events above it"
    assert page.newest_button.isVisible()
    # then back to a newer event (an effect on a later day, from the detail pane): the jump did nothing
    newer = profile.store.last_position() - 10
    page.jump_to(newer)
    assert page.view.currentIndex().data() == "Added the word 'w389' (m)"
    assert not page.newest_button.isVisible(), "its day is the newest"
    page.jump_to(target.position or 0)
    qtbot.mouseClick(page.newest_button, Qt.MouseButton.LeftButton)
    assert not page.newest_button.isVisible()
    assert page.model.index(1, 1).data() == "Added the word 'w399' (m)"


def test_the_search_applies_as_the_learner_types(qtbot: QtBot, profile: Profile, studied: dict) -> None:
    """It applied on Enter only, with nothing to say so: typed beside the Words page's filter, it
    looked broken."""
    page = _page(qtbot, profile)
    everything = len(_sentences(page))
    qtbot.keyClicks(page.filters.text, "streak")
    qtbot.waitUntil(lambda: 0 < len(_sentences(page)) < everything, timeout=3000)
    assert all("Streak" in sentence for sentence in _sentences(page))


def test_the_past_view_fits_its_titles_and_banner_at_a_large_font(qtbot, profile: Profile, studied: dict,
                                                                  clock: SettableClock) -> None:
    """At 20 points the banner read "…Nothing here ca" and the column titles "petitior"."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from effect_desktop.gui import i18n
    from effect_desktop.gui.timeline.past import PastView
    from effect_desktop.timeline.service import Timeline

    i18n.install("en")  # as the window does: the English plural forms
    font = QApplication.font()
    try:
        QApplication.setFont(QFont(font.family(), 20))
        view = PastView()
        qtbot.addWidget(view)
        view.show_state(Timeline(profile).state_at(clock.now))
        header, metrics = view.table.horizontalHeader(), view.table.horizontalHeader().fontMetrics()
        for section in range(6):
            title = view.words.headerData(section, Qt.Orientation.Horizontal)
            assert header.sectionSize(section) >= metrics.horizontalAdvance(title), title
        assert view.banner.minimumSizeHint().width() < 720, "the banner wraps within the smallest window"
        assert view.summary.minimumSizeHint().width() < 720
        past = Timeline(profile).state_at(clock.now)
        answers, sessions = past.totals.answers, past.totals.sessions_completed
        assert f"{answers} answer{'s' if answers != 1 else ''} (" in view.summary.text()
        assert f"{sessions} session{'s' if sessions != 1 else ''} ·" in view.summary.text(), "it said 1 sessions"
        assert view.summary.text().startswith("1 word ·"), "it said 1 words"
    finally:
        QApplication.setFont(font)


def test_the_past_before_any_answer_shows_no_score(qtbot, profile: Profile, clock: SettableClock) -> None:
    """"0 answers (0% correct)" read as a score of nothing."""
    from effect_desktop.gui import i18n
    from effect_desktop.gui.timeline.past import PastView
    from effect_desktop.timeline.service import Timeline

    i18n.install("en")
    profile.service.create_word("apple", "りんご")
    view = PastView()
    qtbot.addWidget(view)
    view.show_state(Timeline(profile).state_at(clock.now))
    assert "0 answers ·" in view.summary.text() and "correct" not in view.summary.text()


def test_a_preparation_that_finds_the_profile_busy_tries_again_and_says_nothing(
        qtbot: QtBot, profile: Profile, studied: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's own daily backup, a few seconds after it opened, held the profile while the timeline
    prepared: "Time travel is slower for now: The profile is busy in another program" though there was
    none, and time travel stayed slow until a restart."""
    from effect_desktop.gui.timeline import page as timeline_module
    from effect_desktop.persistence.errors import BUSY_MESSAGE, ProfileLocked

    monkeypatch.setattr(timeline_module, "PREPARE_RETRY_MS", 50)
    page = TimelinePage(profile)
    qtbot.addWidget(page)
    real, tries = page.timeline.prepare, []

    def busy_once(*args: object) -> int:
        tries.append(1)
        if len(tries) == 1:
            raise ProfileLocked(BUSY_MESSAGE)  # (waiting out the real lock takes its 10 s timeout)
        return real(*args)

    monkeypatch.setattr(page.timeline, "prepare", busy_once)
    with qtbot.waitSignal(page.prepared, timeout=10_000):
        page.show()
    assert len(tries) == 2 and "busy" not in page.status.text()


def test_jumps_superseded_while_they_wait_are_not_replayed(qtbot: QtBot, profile: Profile, clock: SettableClock,
                                                           studied: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each jump waits its turn in the window's one worker; the ones a later date (or Back to now) has
    replaced were all replayed anyway, seconds each on five years, with "Going back in time…" up."""
    import threading

    from effect_desktop.gui.operations import Operations

    page = TimelinePage(profile)
    qtbot.addWidget(page)
    page.operations = Operations(page)
    computed = []
    real = page.timeline.state_at
    monkeypatch.setattr(page.timeline, "state_at", lambda moment: computed.append(moment) or real(moment))
    busy = threading.Event()
    page.operations.run(lambda _progress: busy.wait(10), changes=False)  # the worker busy meanwhile
    moments = [clock.now - timedelta(minutes=m) for m in (30, 20, 10)]
    for moment in moments:  # the learner picks three dates in a row
        page.travel_to(moment)
    busy.set()
    page.operations.wait()
    qtbot.waitUntil(lambda: page.showing_past, timeout=10_000)
    assert computed == [moments[2]]


def test_the_past_word_list_gives_the_meaning_the_room(qtbot, profile: Profile, clock: SettableClock) -> None:
    """The next review's date took the room left, and 「牛乳（ぎゅうにゅう）」 showed as 「牛乳（ぎゅう…」."""
    from effect_desktop.gui.timeline.past import PastView
    from effect_desktop.timeline.service import Timeline

    profile.service.create_word("milk", "牛乳（ぎゅうにゅう）")
    view = PastView()
    qtbot.addWidget(view)
    view.resize(860, 500)  # about the Timeline page's width in the window's first size
    view.show()
    view.show_state(Timeline(profile).state_at(clock.now))
    qtbot.waitExposed(view)
    header = view.table.horizontalHeader()
    needed = view.table.fontMetrics().horizontalAdvance("牛乳（ぎゅうにゅう）")
    assert header.sectionSize(1) > needed
    assert header.sectionSize(5) < header.sectionSize(1)


def test_the_time_column_holds_every_weekdays_heading_whatever_the_first_page_shows(
        qtbot: QtBot, tmp_path: Path) -> None:
    """Sized to the first page's rows, a list whose first days had no Wednesday cut "2024-09-11 (Wed)"
    to "(We…" further down. Here every event is on a Friday, the narrowest heading."""
    from PySide6.QtGui import QFont, QFontMetrics

    from effect_desktop.gui.timeline.model import day_label

    friday = SettableClock(datetime(2026, 3, 6, 8, 0, tzinfo=TOKYO))
    profile = open_profile(tmp_path / "friday.effect.sqlite3", clock=friday)
    try:
        profile.service.create_word("kirei", "pretty")
        page = _page(qtbot, profile)
        font = QFont(page.view.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(day_label(f"2024-01-0{n}", "en")) for n in range(1, 8))
        assert page.view.columnWidth(0) >= widest + page.view.indentation()
    finally:
        profile.close()


def test_the_past_counts_answers_and_sessions_with_thousands_separated(qtbot, profile: Profile,
                                                                       clock: SettableClock) -> None:
    """"377586 answers, 2691 sessions" stood beside "16,454 words"."""
    from dataclasses import replace

    from effect_desktop.gui import i18n
    from effect_desktop.gui.timeline.past import PastView
    from effect_desktop.timeline.service import Timeline

    i18n.install("en")
    profile.service.create_word("apple", "りんご")
    past = Timeline(profile).state_at(clock.now)
    view = PastView()
    qtbot.addWidget(view)
    view.show_state(replace(past, totals=replace(past.totals, answers=377_586, correct=300_000,
                                                 sessions_completed=2_691)))
    assert "377,586 answers (79% correct) · 2,691 sessions ·" in view.summary.text(), view.summary.text()


def test_a_changed_field_is_quoted_as_japanese_quotes_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Japanese word histories quoted the old and new text in English curly quotes."""
    from PySide6.QtCore import QLocale

    from effect_desktop.gui import i18n
    from effect_desktop.gui.timeline.field_changes import FieldChanges

    before = QLocale()
    i18n.install("ja")
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    try:
        assert FieldChanges().say([("meaning", "りんご", "林檎")]) == "意味: 「りんご」 → 「林檎」"
    finally:
        QLocale.setDefault(before)
        i18n.install("en")


def test_the_slider_ends_at_the_newest_event_even_if_an_older_one_was_stored_last(
        qtbot: QtBot, tmp_path: Path) -> None:
    from effect_desktop.gui.timeline.past import SLIDER_STEPS

    """After a sync the last event stored can be an older one from another device (here a clock set
    back): End stopped at that older moment, short of the newest event."""
    clock = SettableClock(datetime(2026, 3, 2, 13, 0, tzinfo=TOKYO))
    profile = open_profile(tmp_path / "out-of-order.effect.sqlite3", clock=clock)
    try:
        profile.service.create_word("first", "最初")
        clock.advance(hours=2)
        profile.service.create_word("newest", "最新")  # 15:00
        clock.advance(hours=-1)
        profile.service.create_word("stored last", "最後に保存")  # 14:00, stored after 15:00
        page = _page(qtbot, profile)
        assert page.travel.last is not None and page.travel.last.astimezone(TOKYO).hour == 15
        assert page.travel.moment_at(SLIDER_STEPS) == page.travel.last  # where End goes
        assert page.travel.first is not None and page.travel.first.astimezone(TOKYO).hour == 13
    finally:
        profile.close()


def test_the_past_streak_is_counted_on_the_learners_days(qtbot: QtBot, tmp_path: Path) -> None:
    """Going back to 09:00 in Tokyo (midnight UTC) after a missed day showed a streak of 4: the day was
    taken in UTC, still the day before, so the missed day did not count yet."""
    clock = SettableClock(datetime(2026, 3, 2, 8, 0, tzinfo=TOKYO))
    profile = open_profile(tmp_path / "streak.effect.sqlite3", clock=clock)
    try:
        word = profile.service.create_word("apple", "りんご")
        for day in range(4):  # 2, 3, 4 and 5 March; the 6th missed
            clock.set(datetime(2026, 3, 2 + day, 8, 0, tzinfo=TOKYO))
            session = profile.service.start_session("flashcard", [word])
            profile.service.answer(session, word, True, 1500)
            profile.service.complete_session(session)
        clock.set(datetime(2026, 3, 8, 12, 0, tzinfo=TOKYO))
        page = _page(qtbot, profile)
        page.travel_to(datetime(2026, 3, 7, 9, 0, tzinfo=TOKYO).astimezone(UTC))  # as the travel bar gives it
        qtbot.waitUntil(lambda: page.stack.currentWidget() is page.past, timeout=5000)
        assert page.past.state.streak.current == 0
        assert "streak 0 day" in page.past.summary.text()
    finally:
        profile.close()


def test_a_words_history_chart_dates_its_answers_on_the_learners_clock_as_its_table_does(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Answered at 08:00 in Tokyo, opened in Los Angeles: the table said 06-11 and the chart under it
    06-10 (this computer's zone)."""
    import time

    tokyo = TOKYO
    clock = SettableClock(datetime(2026, 6, 11, 8, 0, tzinfo=tokyo))
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=clock)
    try:
        word = profile.service.create_word("tree", "き")
        for days in (0, 1):
            clock.set(datetime(2026, 6, 11 + days, 8, 0, tzinfo=tokyo))
            session = profile.service.start_session("flashcard", [word])
            profile.service.answer(session, word, True, 1500)
            profile.service.complete_session(session)
        monkeypatch.setenv("TZ", "America/Los_Angeles")
        time.tzset()
        dialog = open_word_history(None, profile, word, "en")
        assert dialog is not None
        qtbot.addWidget(dialog)
        table = [dialog.steps.item(r, 0).text() for r in range(dialog.steps.rowCount())]
        assert table[-1].startswith("2026-06-12 08:00")
        assert dialog.chart.date_texts() == ("2026-06-11", "2026-06-12")
    finally:
        monkeypatch.undo()
        time.tzset()
        profile.close()


def test_an_events_details_name_its_kind_in_the_interface_language(qtbot: QtBot, profile: Profile,
                                                                    studied: dict) -> None:
    """The Japanese details read "2026-… · QuestionAnswered #12 · バージョン 3"."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    try:
        page = _page(qtbot, profile)
    finally:
        QLocale.setDefault(before)
    model = page.model
    answer = next(model.index(r, 1) for r in range(model.rowCount())
                  if (entry := model.index(r, 1).data(EntryRole)) and entry.event_type == "QuestionAnswered")
    page.view.setCurrentIndex(answer)
    assert " · 解答 (QuestionAnswered) #" in page.detail.when.text()


def test_every_row_of_a_words_history_is_tall_enough_for_its_wrapped_text(qtbot: QtBot, profile: Profile) -> None:
    """The first row, "Added the word … (a long meaning)", was cut to one line and "…" at the dialog's
    first size: Qt measured it wrapped in a wider box than it paints it in."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle

    word = profile.service.create_word("bleble11464", "意味 11464: pa ble ble ka to ment ne lo ka pa ble ble ka to "
                                                      "ment ne lo ka pa ble")
    dialog = open_word_history(None, profile, word, "en")
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    table = dialog.steps
    text_margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            text = table.item(row, column).text()
            box = QRect(0, 0, table.columnWidth(column) - 2 * text_margin, 100_000)
            needed = table.fontMetrics().boundingRect(box, int(Qt.TextFlag.TextWordWrap), text).height()
            assert table.rowHeight(row) >= needed + 2 * text_margin, (row, column, text)  # with its margins


def test_the_checkpoints_written_leave_the_list_as_the_learner_has_it(qtbot: QtBot, profile: Profile,
                                                                      studied: dict) -> None:
    """Seconds after the page first opened, the checkpoints written read the list again: it went back to
    the newest event and lost the row chosen (and closed a group opened)."""
    page = _page(qtbot, profile)
    chosen = page.model.index(3, 1)
    entry = chosen.data(EntryRole)
    page.view.setCurrentIndex(chosen)
    with qtbot.waitSignal(page.prepared, timeout=20_000):
        page.start_preparing()  # as when the first preparation ends (nothing new to fill in)
    assert page.view.currentIndex().data(EntryRole) is entry


def test_the_scheduler_preview_lists_the_study_days_the_words_page_shows(
        qtbot: QtBot, profile: Profile, studied: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    """Studied in Tokyo, previewed in Los Angeles: the list gave this computer's calendar day of each
    due instant, a day before the Words page's, and words "due today" under "Due now: 0"."""
    import time

    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        page = _page(qtbot, profile)
        dialog = page.choose_scheduler()
        qtbot.addWidget(dialog)
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.moved.count() > 0, timeout=10_000)
        listed = dict(dialog.moved.item(r).text().split(": ", 1) for r in range(dialog.moved.count()))
        days = profile.queries.due_days(profile.service.day_start_hour, -8 * 60)
        texts = {w.word_id: w.text for w in profile.queries.words()}
        assert set(listed) <= set(texts.values())
        today = dialog.preview.today
        for word_id, text in texts.items():
            if text in listed:
                day = days[word_id]
                assert listed[text].split(" → ")[0] == ("due now" if day <= today else day.isoformat())
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_words_history_shows_a_switch_of_scheduler_and_what_its_chart_is(qtbot: QtBot, profile: Profile,
                                                                           studied: dict) -> None:
    """After a switch to FSRS a row said "next due in 1 day" above a chart of 8 days with nothing to say
    why: the rows are what each day's scheduler computed, the chart the fold under the one in force."""
    from effect_desktop.timeline.scheduler_replay import switch

    switch(profile, "fsrs")
    dialog = open_word_history(None, profile, studied["apple"], "en")
    assert dialog is not None
    qtbot.addWidget(dialog)
    sentences = [dialog.steps.item(r, 1).text() for r in range(dialog.steps.rowCount())]
    # then what the switch did to this word (it writes no event per word: the rows above it still said
    # SM-2's date, and nothing said the word had moved)
    now = next(p for p in profile.queries.all_progress() if p.word_id == studied["apple"])
    due = profile.queries.due_days(profile.service.day_start_hour, 0)[studied["apple"]]  # the learner's day
    assert sentences[-2:] == ["Switched the scheduler to FSRS",
                              f"'apple' is next due on {due.isoformat()} (interval {now.interval_days} d)"]
    from PySide6.QtWidgets import QLabel
    assert any(label.text() == "Interval over time (days), as FSRS schedules these answers"
               for label in dialog.findChildren(QLabel))


def test_a_deleted_words_history_leaves_out_the_scheduler_switches_after_its_deletion(
        qtbot: QtBot, profile: Profile, studied: dict) -> None:
    from effect_desktop.timeline.scheduler_replay import switch

    switch(profile, "fsrs")  # after りんご was deleted (the history's last step)
    dialog = open_word_history(None, profile, studied["ringo"], "en")
    assert dialog is not None
    qtbot.addWidget(dialog)
    sentences = [dialog.steps.item(r, 1).text() for r in range(dialog.steps.rowCount())]
    assert sentences[-1] == "Deleted the word 'りんご'" and "Switched the scheduler to FSRS" not in sentences


def test_the_latest_events_time_can_be_typed_when_their_clock_is_ahead_of_this_computers(
        qtbot: QtBot, profile: Profile, clock: SettableClock, studied: dict) -> None:
    """Events studied in Tokyo, looked at from a computer in London: their times read past "now" on this
    computer's clock, and the travel field cut a time typed off the newest row down to now here (found
    by a Japanese learner)."""
    clock.set(clock.now.astimezone(UTC))  # the same moment, on a computer nine hours behind
    page = _page(qtbot, profile)
    page_last = page.travel.last
    assert page_last is not None
    last = _on_tokyo_clock(page_last - timedelta(minutes=1))
    page.travel.moment.setDateTime(last)
    assert page.travel.moment.dateTime() == last, "the time read off the newest row stays as typed"


def test_a_words_history_shows_markup_in_its_text_as_written(qtbot: QtBot, profile: Profile) -> None:
    """A word typed or imported as `<b>BOLD</b><img src=…>` showed bold in its history's tooltips and
    loaded the picture (found by a security review): a learner's text is shown as written."""
    from tests.support.qt_tools import tip_text

    word = profile.service.create_word('<b>BOLD</b><img src="/tmp/evil.png">', "<i>meaning</i>   spaced")
    dialog = open_word_history(None, profile, word, "en")
    assert dialog is not None
    qtbot.addWidget(dialog)
    cells = [dialog.steps.item(r, c) for r in range(dialog.steps.rowCount()) for c in range(3)]
    shown = [(tip_text(cell.toolTip()), cell.text()) for cell in cells if cell is not None and cell.text()]
    assert any("<b>BOLD</b>" in text for _, text in shown)
    assert all(tip == text for tip, text in shown)


def test_the_scheduler_preview_does_not_list_a_word_due_now_under_both(qtbot: QtBot, profile: Profile,
                                                                      clock: SettableClock, studied: dict) -> None:
    """Days later, a word due under either scheduler was listed as "due now → due now", and counted among
    the words that would move (found by a Japanese reader of the preview)."""
    clock.set(clock.now + timedelta(days=10))
    page = _page(qtbot, profile)
    dialog = page.choose_scheduler()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.preview.due_now_before == dialog.preview.due_now_after == 1  # apple, under either
    assert dialog.moved.count() == 0 and dialog.summary.text().endswith("0 words would move.")


def test_a_time_typed_off_a_row_after_a_flight_west_is_read_on_the_clock_that_row_shows(
        qtbot: QtBot, profile: Profile, clock: SettableClock) -> None:
    """Studied in Tokyo, then in New York the same evening: 19:00 there had been lived in Tokyo too, and a
    time typed off a New York row travelled to the Tokyo 19:00 half a day earlier, before everything
    (found by a learner living through awkward times)."""
    from zoneinfo import ZoneInfo

    new_york = ZoneInfo("America/New_York")
    profile.service.create_word("cherry", "さくらんぼ")  # 2026-03-02 08:00 in Tokyo
    clock.advance(days=1)
    profile.service.create_word("apple", "りんご")  # 2026-03-03 08:00 in Tokyo
    clock.set(datetime(2026, 3, 2, 19, 0, tzinfo=new_york))  # an hour later, landed in New York
    profile.service.create_word("banana", "バナナ")
    clock.advance(minutes=10)
    page = _page(qtbot, profile)

    def typed(wall: datetime) -> datetime:
        page.travel.moment.setDateTime(QDateTime(QDate(wall.year, wall.month, wall.day),
                                                 QTime(wall.hour, wall.minute, wall.second), QTimeZone.utc()))
        return page.travel.chosen()

    assert typed(datetime(2026, 3, 2, 19, 0, 30)) == datetime(2026, 3, 2, 19, 0, 30, tzinfo=new_york)
    # the slider's ends are the first and the latest events, though the latest is on an earlier study day
    assert page.timeline.queries.span() == (datetime(2026, 3, 2, 8, 0, tzinfo=TOKYO),
                                            datetime(2026, 3, 2, 19, 0, tzinfo=new_york))
