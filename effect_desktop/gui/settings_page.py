"""Settings: daily limits and the study day's start, language, backups, and maintenance (rebuilding).

A new start of the study day recounts the past, so the page does not apply it
itself: it asks (`day_start_chosen`), and the window rebuilds the read models
and opens the profile again (features.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..application.settings import BACKUPS, DAY_START, NEW_WORDS, REVIEWS, SESSION, Setting
from ..projections.projector import RebuildCancelled
from .context import AppContext, Page
from .errors import show_error
from .operations import Progress
from .preferences import Preferences
from .settled_choice import SettledChoice
from .style import heading, secondary_text, shows_focus
from .wheel_guard import wheel_scrolls_past


class SettingsPage(Page):
    language_changed = Signal(str)
    day_start_chosen = Signal(int)  # an hour other than the current one was picked
    backups_requested = Signal()  # the Backups window (the main window opens it: it closes the profile to restore)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("settingsPage")
        self.preferences = Preferences(self.profile.settings)

        self.new_per_day = _spin("newPerDay", NEW_WORDS)
        self.reviews_per_day = _spin("reviewsPerDay", REVIEWS)
        self.session_size = _spin("sessionSize", SESSION)
        self.backups_kept = _spin("backupsKept", BACKUPS)
        limits = (self.new_per_day, self.reviews_per_day, self.session_size, self.backups_kept)
        for box in limits:  # one width for the column of numbers
            box.setMinimumWidth(max(other.sizeHint().width() for other in limits))
        self.day_start = QComboBox()
        self.day_start.setObjectName("dayStart")
        for hour in range(DAY_START.low, DAY_START.high + 1):
            self.day_start.addItem(f"{hour}:00", hour)
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")

        study = QGroupBox(self.tr("Study"))
        study_form = QFormLayout(study)
        study_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)  # no 900 px spin boxes
        study_form.addRow(self.tr("&Reviews per day:"), self.reviews_per_day)
        study_form.addRow(self.tr("&New words per day:"), self.new_per_day)
        study_form.addRow(self.tr("&Words per session:"), self.session_size)
        study_form.addRow(_hint(self.tr("Due words come first, up to the reviews per day; new words fill "
                                        "the rest of a session up to the new words per day. Both limits "
                                        "count every session of the study day.")))
        study_form.addRow(self.tr("A new study &day starts at:"), self.day_start)
        study_form.addRow(_hint(self.tr("Answers given after midnight but before this hour count for the day "
                                        "before, as in Anki. Changing it recounts every past day (streak, "
                                        "daily totals, due dates) from your history, here and, at their "
                                        "next sync, on your other computers.")))

        appearance = QGroupBox(self.tr("Interface"))
        appearance_form = QFormLayout(appearance)
        appearance_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        appearance_form.addRow(self.tr("&Language:"), self.language)

        backups = QGroupBox(self.tr("Backups"))
        backups_form = QFormLayout(backups)
        backups_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        backups_form.addRow(self.tr("Backups &kept:"), self.backups_kept)
        self.backups_button = QPushButton(self.tr("&Backups…"))
        self.backups_button.setObjectName("openBackups")
        self.backups_button.clicked.connect(self.backups_requested)
        backups_form.addRow("", self.backups_button)  # under the number, at its own width
        backups_form.addRow(_hint(self.tr("A backup is taken each day the app is used and before large imports "
                                          "and syncs; File → Backups… lists them and restores one. When there "
                                          "are more than this, the oldest go at the next backup.")))

        maintenance = QGroupBox(self.tr("Maintenance"))
        maintenance_box = QVBoxLayout(maintenance)
        self.rebuild_button = QPushButton(self.tr("Re&count everything from the history…"))
        self.rebuild_button.setObjectName("rebuildButton")
        self.rebuild_button.clicked.connect(self.rebuild)
        self.rebuild_result = QLabel()
        self.rebuild_result.setObjectName("rebuildResult")
        folder = QLabel(self.tr("Profile file: {0}").format(self.profile.path))
        folder.setWordWrap(True)
        secondary_text(folder)  # the path a learner needs to find the file: readable, not disabled
        explained = QLabel(self.tr("Replays every event to recompute words, schedules and statistics. "
                                   "Your history is not changed."))
        explained.setWordWrap(True)  # unwrapped, a larger system font pushed the page into scrolling sideways
        maintenance_box.addWidget(explained)
        maintenance_box.addWidget(self.rebuild_button, 0, Qt.AlignmentFlag.AlignLeft)
        maintenance_box.addWidget(self.rebuild_result)
        maintenance_box.addWidget(folder)

        content = QWidget()
        self.sections = QVBoxLayout(content)
        self.sections.setContentsMargins(32, 24, 32, 24)
        self.sections.addWidget(heading(self.tr("Settings"), content))
        for section in (study, appearance, backups, maintenance):
            self.sections.addWidget(section)
        self.sections.addStretch(1)
        scroll = QScrollArea()  # the sections outgrow a small window: they scroll, never squeeze
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setAccessibleName(self.tr("Settings"))
        shows_focus(scroll, "settingsArea")
        self.scroll_area = scroll
        # a control that takes the focus comes into view (Ctrl+6 gave it to "Sync settings…" below the
        # visible part, and the page stayed where it was)
        focus_changed = getattr(QApplication.instance(), "focusChanged", None)  # (typed QCoreApplication)
        if focus_changed is not None:
            focus_changed.connect(self._keep_in_view)
        wheel_scrolls_past(self, *limits, self.day_start, self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self._load()
        for name, box in self._limits().items():  # each its own: all three wrote back one the CLI had set
            box.valueChanged.connect(lambda value, name=name: self._save_limit(name, value))
        self.backups_kept.valueChanged.connect(self._save_backups_kept)
        self.day_start_choice = SettledChoice(self.day_start, self._day_start_picked)
        # why the day's start cannot move now (a session running), said instead of asking; set by features
        self.day_start_refusal: Callable[[], str | None] = lambda: None
        self.language_choice = SettledChoice(self.language, self._language_chosen)

    def _load(self) -> None:
        self.new_per_day.setValue(self.preferences.new_per_day)
        self.reviews_per_day.setValue(self.preferences.reviews_per_day)
        self.session_size.setValue(self.preferences.session_size)
        self.backups_kept.setValue(self.preferences.backups_kept)
        self.show_day_start()
        self.language.setCurrentIndex(max(0, self.language.findData(self.preferences.language)))

    def add_section(self, section: QWidget) -> None:
        """Another part's settings (Sync), after ours."""
        self.sections.insertWidget(self.sections.count() - 1, section)  # above the stretch

    def show_day_start(self) -> None:
        """The hour in force (again, after a change was refused or cancelled)."""
        self.day_start.setCurrentIndex(max(0, self.day_start.findData(self.preferences.day_start_hour)))

    def _day_start_picked(self) -> QMessageBox | None:
        """Asked first: the change recounts the past and opens the window again."""
        hour = int(self.day_start.currentData())
        if hour == self.preferences.day_start_hour:
            return None
        refusal = self.day_start_refusal()
        if refusal:  # it asked first, then refused the change it had just had confirmed
            self.show_day_start()
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(refusal, 8000)
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Move the start of the study day"),
                          self.tr("Start each study day at {0}:00?").format(hour),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmDayStart")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setInformativeText(self.tr(
            "Every past answer's day is recounted from your history, so the streak, the daily totals "
            "and the due dates may change. Nothing in the history itself changes, and you can move it "
            "back at any time."))
        box.finished.connect(lambda result: self._day_start_answered(hour, result))
        self.confirm = box
        box.open()
        return box

    def _day_start_answered(self, hour: int, result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self.day_start_chosen.emit(hour)
        else:
            self.show_day_start()

    def _save_backups_kept(self) -> None:
        value = self.backups_kept.value()
        self.context.operations.perform(lambda: setattr(self.preferences, "backups_kept", value), changes=False)

    def _limits(self) -> dict[str, QSpinBox]:
        return {"new_per_day": self.new_per_day, "reviews_per_day": self.reviews_per_day,
                "session_size": self.session_size}

    def _save_limit(self, name: str, value: int) -> None:
        self.context.operations.perform(lambda: setattr(self.preferences, name, value))

    def _keep_in_view(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.scroll_area.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            # once the focus change is done: a page just shown lays itself out first
            QTimer.singleShot(0, lambda: self._bring_into_view(new))

    def _bring_into_view(self, widget: QWidget) -> None:
        if shiboken6.isValid(widget) and shiboken6.isValid(self):
            self.scroll_area.ensureWidgetVisible(widget)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        """The values as stored now: `effect-desktop settings set` may have changed one meanwhile."""
        super().showEvent(event)
        for name, box in {**self._limits(), "backups_kept": self.backups_kept}.items():
            box.blockSignals(True)
            box.setValue(getattr(self.preferences, name))
            box.blockSignals(False)
        self.show_day_start()

    def _language_chosen(self) -> None:
        language = self.language.currentData()
        if language == self.preferences.language:
            return
        ok, _ = self.context.operations.perform(lambda: setattr(self.preferences, "language", language),
                                                changes=False)
        if ok:
            self.language_changed.emit(language)

    def rebuild(self) -> None:
        projector = self.profile.projector
        had_focus = self.rebuild_button.hasFocus()
        self.rebuild_button.setEnabled(False)  # Qt hands the focus on: to "Sync settings…"
        moved_to = self.window().focusWidget()
        self._say_rebuilt("")

        def work(progress: Progress) -> int:
            return projector.rebuild(progress)

        def back(result: str) -> None:
            self.rebuild_button.setEnabled(True)
            if had_focus and self.window().focusWidget() in (moved_to, None):  # not if the learner moved on
                self.rebuild_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self._say_rebuilt(result)

        def done(count: int) -> None:
            if not isValid(self.rebuild_button):  # the page was rebuilt meanwhile (a language change)
                return
            back(self.tr("Rebuilt from %Ln event(s).", "", count))

        def failed(error: Exception) -> None:
            if not isValid(self.rebuild_button):
                if not isinstance(error, RebuildCancelled):  # told over whatever window is there now
                    show_error(QApplication.activeWindow(), error)
                return
            if isinstance(error, RebuildCancelled):
                back(self.tr("Rebuild cancelled; nothing was changed."))
            else:
                back("")
                show_error(self, error)

        self.context.operations.run(work, done, label=self.tr("Recounting everything from the history…"),
                                    cancellable=True, on_failure=failed, stops_on_close=True)


    def _say_rebuilt(self, result: str) -> None:
        """The result beside the button, on it (what a screen reader says after its name, as the focus
        comes back to it) and in the status bar: in the label alone it was never read out."""
        self.rebuild_result.setText(result)
        self.rebuild_button.setAccessibleDescription(result)
        window = self.window()
        if result and isinstance(window, QMainWindow):
            window.statusBar().showMessage(result, 8000)


def _spin(name: str, setting: Setting) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(setting.low, setting.high)
    return box


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    secondary_text(label)  # an explanation, not a control
    return label
