"""The Timeline page as a learner uses it: filter, follow a cause, visit the past, open a word's story."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from effect_desktop.bootstrap import Profile
from effect_desktop.gui.timeline import TimelinePage, open_word_history
from effect_desktop.gui.timeline.model import EntryRole, IsDayRole
from tests.integration.profile_helpers import SettableClock


def _page(qtbot: QtBot, profile: Profile) -> TimelinePage:
    page = TimelinePage(profile)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.prepared, timeout=20_000):
        page.show()
    return page


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


def test_picking_a_past_date_shows_the_word_list_of_then_marked_as_the_past(
        qtbot: QtBot, profile: Profile, clock: SettableClock, studied: dict) -> None:
    clock.advance(days=1)
    profile.service.create_word("banana", "バナナ")
    profile.service.update_word(studied["apple"], category="", tags=["fruit", "red"])  # type: ignore[arg-type]
    page = _page(qtbot, profile)
    before_banana = clock.now - timedelta(hours=12)
    page.travel.moment.setDateTime(QDateTime.fromSecsSinceEpoch(int(before_banana.timestamp())))
    qtbot.mouseClick(page.travel.go, Qt.MouseButton.LeftButton)
    assert page.showing_past
    assert "THE PAST" in page.past.banner.text()
    model = page.past.words
    words = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert words == ["apple"]  # りんご was deleted by then, banana not yet added
    assert model.index(0, 1).data() == "林檎"
    qtbot.mouseClick(page.past.compare_button, Qt.MouseButton.LeftButton)
    changes = [page.past.changes.item(i).text() for i in range(page.past.changes.count())]
    assert "Added since: banana" in changes
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
    assert slider.accessibleDescription() == page.travel.moment.dateTime().toString("yyyy-MM-dd HH:mm")


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
                                                                      studied: dict) -> None:
    page = _page(qtbot, profile)
    dialog = page.choose_scheduler()
    qtbot.addWidget(dialog)
    assert dialog.choice.currentData() == "fsrs" and not dialog.confirm.isEnabled()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "Due now:" in dialog.summary.text()
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
