"""Settings: daily limits, language, and maintenance (rebuilding the read models)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..projections.projector import RebuildCancelled
from .context import AppContext, Page
from .errors import show_error
from .operations import Progress
from .preferences import Preferences
from .style import heading


class SettingsPage(Page):
    language_changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("settingsPage")
        self.preferences = Preferences(self.profile.settings)

        self.new_per_day = QSpinBox()
        self.new_per_day.setObjectName("newPerDay")
        self.new_per_day.setRange(0, 500)
        self.reviews_per_day = QSpinBox()
        self.reviews_per_day.setObjectName("reviewsPerDay")
        self.reviews_per_day.setRange(0, 9999)
        self.session_size = QSpinBox()
        self.session_size.setObjectName("sessionSize")
        self.session_size.setRange(1, 500)
        limits = (self.new_per_day, self.reviews_per_day, self.session_size)
        for box in limits:  # one width for the column of numbers
            box.setMinimumWidth(max(other.sizeHint().width() for other in limits))
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")

        study = QGroupBox(self.tr("Study"))
        study_form = QFormLayout(study)
        study_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)  # no 900 px spin boxes
        study_form.addRow(self.tr("Reviews per day:"), self.reviews_per_day)
        study_form.addRow(self.tr("New words per day:"), self.new_per_day)
        study_form.addRow(self.tr("Words per session:"), self.session_size)
        hint = QLabel(self.tr("Due words come first, up to the reviews per day; new words fill "
                              "the rest of a session up to the new words per day. Both limits "
                              "count every session of the study day."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        study_form.addRow(hint)

        appearance = QGroupBox(self.tr("Interface"))
        appearance_form = QFormLayout(appearance)
        appearance_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        appearance_form.addRow(self.tr("Language:"), self.language)

        maintenance = QGroupBox(self.tr("Maintenance"))
        maintenance_box = QVBoxLayout(maintenance)
        self.rebuild_button = QPushButton(self.tr("Rebuild read models from the history…"))
        self.rebuild_button.setObjectName("rebuildButton")
        self.rebuild_button.clicked.connect(self.rebuild)
        self.rebuild_result = QLabel()
        self.rebuild_result.setObjectName("rebuildResult")
        folder = QLabel(self.tr("Profile file: {0}").format(self.profile.path))
        folder.setWordWrap(True)
        folder.setEnabled(False)
        maintenance_box.addWidget(QLabel(self.tr(
            "Replays every event to recompute words, schedules and statistics. "
            "Your history is not changed.")))
        maintenance_box.addWidget(self.rebuild_button, 0, Qt.AlignmentFlag.AlignLeft)
        maintenance_box.addWidget(self.rebuild_result)
        maintenance_box.addWidget(folder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(heading(self.tr("Settings"), self))
        layout.addWidget(study)
        layout.addWidget(appearance)
        layout.addWidget(maintenance)
        layout.addStretch(1)

        self._load()
        self.new_per_day.valueChanged.connect(self._save_limits)
        self.reviews_per_day.valueChanged.connect(self._save_limits)
        self.session_size.valueChanged.connect(self._save_limits)
        self.language.currentIndexChanged.connect(self._language_chosen)

    def _load(self) -> None:
        self.new_per_day.setValue(self.preferences.new_per_day)
        self.reviews_per_day.setValue(self.preferences.reviews_per_day)
        self.session_size.setValue(self.preferences.session_size)
        self.language.setCurrentIndex(max(0, self.language.findData(self.preferences.language)))

    def _save_limits(self) -> None:
        def save() -> None:
            self.preferences.new_per_day = self.new_per_day.value()
            self.preferences.reviews_per_day = self.reviews_per_day.value()
            self.preferences.session_size = self.session_size.value()
        self.context.operations.perform(save)

    def _language_chosen(self) -> None:
        language = self.language.currentData()
        ok, _ = self.context.operations.perform(lambda: setattr(self.preferences, "language", language),
                                                changes=False)
        if ok:
            self.language_changed.emit(language)

    def rebuild(self) -> None:
        projector = self.profile.projector
        self.rebuild_button.setEnabled(False)
        self.rebuild_result.setText("")

        def work(progress: Progress) -> int:
            return projector.rebuild(progress)

        def done(count: int) -> None:
            self.rebuild_button.setEnabled(True)
            self.rebuild_result.setText(self.tr("Rebuilt from %n event(s).", "", count))

        def failed(error: Exception) -> None:
            self.rebuild_button.setEnabled(True)
            if isinstance(error, RebuildCancelled):
                self.rebuild_result.setText(self.tr("Rebuild cancelled; nothing was changed."))
            else:
                show_error(self, error)

        self.context.operations.run(work, done, label=self.tr("Rebuilding the read models…"),
                                    cancellable=True, on_failure=failed)
