"""The detail of one event: its sentence, payload, metadata and causal chain (jump to cause/effects)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...timeline.describe import describe, learner_time, type_label
from ...timeline.entries import TimelineEntry
from ...timeline.service import Timeline


class DetailPane(QWidget):
    jump_requested = Signal(int)  # a position to show
    word_history_requested = Signal(object)  # a word id
    filter_word_requested = Signal(object)  # a word id
    filter_session_requested = Signal(object)  # a session id

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """Its least height at `width`, not its preferred one: its scroll area (page.py) gives it this
        much at least, and scrolls only below it. Asked the lists' and payload's preferred heights (its
        wrapped captions make it ask at all), it scrolled at the usual font and window size, the payload
        box cut off (found in review)."""
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else -1

    def __init__(self, timeline: Timeline, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.language = language
        self.entry: TimelineEntry | None = None
        self._cause: TimelineEntry | None = None
        self.sentence = QLabel(self.tr("Choose an event to see its details."))
        self.sentence.setObjectName("detailSentence")
        self.sentence.setWordWrap(True)
        self.when = QLabel()
        self.when.setObjectName("detailWhen")
        self.when.setWordWrap(True)  # a group's line is long: unwrapped, it widened the pane over the list
        self.cause_button = QPushButton(self.tr("Go to the ca&use"))
        self.cause_button.setObjectName("causeButton")
        self.cause_button.clicked.connect(self._go_to_cause)
        self.effects = QListWidget()
        self.effects.setObjectName("effectsList")
        self.effects.itemActivated.connect(self._go_to_item)
        self.effects.itemDoubleClicked.connect(self._go_to_item)
        self.history_button = QPushButton(self.tr("This w&ord's history…"))
        self.history_button.setObjectName("wordHistoryButton")
        self.history_button.clicked.connect(
            lambda: self.entry and self.word_history_requested.emit(self.entry.word_id))
        self.word_filter_button = QPushButton(self.tr("Only this wo&rd"))
        self.word_filter_button.clicked.connect(
            lambda: self.entry and self.filter_word_requested.emit(self.entry.word_id))
        self.session_filter_button = QPushButton(self.tr("Only this &session"))
        self.session_filter_button.clicked.connect(
            lambda: self.entry and self.filter_session_requested.emit(self.entry.session_id))
        self.payload = QPlainTextEdit()
        self.payload.setObjectName("payloadText")
        self.payload.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sentence)
        layout.addWidget(self.when)
        for button in (self.cause_button, self.history_button, self.word_filter_button,
                       self.session_filter_button):
            layout.addWidget(button)
        for caption, widget, stretch in ((self.tr("Effects and the rest of the same action:"), self.effects, 1),
                                         (self.tr("Payload and metadata:"), self.payload, 2)):
            label = QLabel(caption)
            label.setWordWrap(True)  # unwrapped at a 20 pt font, it widened the pane over half the list
            label.setBuddy(widget)  # the label names the list for a screen reader
            layout.addWidget(label)
            layout.addWidget(widget, stretch)
        self.show_entry(None)

    def show_entry(self, entry: TimelineEntry | None) -> None:
        self.entry = entry
        self.effects.clear()
        has = entry is not None
        for widget in (self.history_button, self.word_filter_button):
            widget.setEnabled(has and entry.word_id is not None)  # type: ignore[union-attr]
        self.session_filter_button.setEnabled(has and entry.session_id is not None)  # type: ignore[union-attr]
        if entry is None:  # nothing chosen, or its event is filtered out of the list: say nothing of it
            self._cause = None
            self.cause_button.setEnabled(False)
            self.sentence.setText(self.tr("Choose an event to see its details."))
            self.payload.clear()
            self.when.clear()
            return
        self.sentence.setText(describe(entry, self.language))
        local = learner_time(entry.at, entry.utc_offset_minutes).isoformat(sep=" ", timespec="seconds")
        # the kind in the interface's language, then the stored type the payload below names (the type
        # alone put "QuestionAnswered" in the middle of a Japanese line)
        kind = f"{type_label(entry.event_type, self.language)} ({entry.event_type})"
        self.when.setText(self.tr("%1 · %2 #%3 · version %4").replace("%1", local).replace("%2", kind)
                          .replace("%3", str(entry.position)).replace("%4", str(entry.version)))
        chain = self.timeline.queries.chain(entry)
        self.cause_button.setEnabled(chain.cause is not None)
        self._cause = chain.cause
        for label, entries in ((self.tr("effect"), chain.effects), (self.tr("same action"), chain.same_command)):
            for other in entries:
                item = QListWidgetItem(f"{label}: {describe(other, self.language)}")
                item.setData(Qt.ItemDataRole.UserRole, other.position)
                self.effects.addItem(item)
        document = {"event_type": entry.event_type, "event_id": str(entry.event_id),
                    "aggregate": f"{entry.aggregate_type} {entry.aggregate_id} v{entry.version}",
                    "position": entry.position, "payload": entry.payload, "metadata": entry.metadata}
        self.payload.setPlainText(json.dumps(document, ensure_ascii=False, indent=2, default=str))

    def show_group(self, sentence: str, count: int) -> None:
        """A row standing for one action's many events: what it did, and how to see them."""
        self.show_entry(None)
        self.sentence.setText(sentence)
        self.when.setText(self.tr("%Ln event(s) of one action. Open the row (→) to list them, and choose one "
                                  "to see its details.", "", count))

    def _go_to_cause(self) -> None:
        if self._cause is not None:
            self.jump_requested.emit(self._cause.position)

    def _go_to_item(self, item: QListWidgetItem) -> None:
        self.jump_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
