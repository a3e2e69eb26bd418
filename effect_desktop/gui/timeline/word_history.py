"""One word's story in a dialog: every step, and its interval over time drawn with QPainter."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...timeline.describe import scheduler_name
from ...timeline.word_history import IntervalPoint, WordNotFound, WordStory
from ..plain_tips import plain_tip
from ..style import resize_within_screen
from .field_changes import FieldChanges


class IntervalChart(QWidget):
    """The interval (days until the next review) after each schedule change: a step line.

    Margins and label boxes are measured from the font: in fixed boxes (40 by 14 pixels) "1237 d"
    read "37 d" at a 16 pt font, the dates were cut in half, and at 150% the "1" touched the edge."""

    def __init__(self, points: list[IntervalPoint], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = points
        self.setMinimumHeight(max(140, round(7 * QFontMetricsF(self.font()).lineSpacing())))
        self.setObjectName("intervalChart")

    def top_text(self) -> str:
        top = max((p.interval_days for p in self.points), default=0)
        return self.tr("%1 d").replace("%1", str(max(top, 1)))

    def date_texts(self) -> tuple[str, str]:
        """The first and last answer's dates on the learner's clock, as the steps above give them (this
        computer's zone put them a day off beside the table, in Los Angeles for answers given in Tokyo)."""
        def day(point: IntervalPoint) -> str:
            return (point.local_at or point.at.astimezone()).strftime("%Y-%m-%d")

        return day(self.points[0]), day(self.points[-1])

    def _gap(self) -> float:
        return QFontMetricsF(self.font()).averageCharWidth()

    def plot_area(self) -> QRectF:
        """The plot: right of the axis's numbers, above the dates, half a line below the top (the top
        number is centred on the plot's top edge)."""
        metrics, gap = QFontMetricsF(self.font()), self._gap()
        widest = max(metrics.horizontalAdvance(self.top_text()), metrics.horizontalAdvance("0"))
        line = metrics.height()
        return QRectF(self.rect()).adjusted(2 * gap + widest, line / 2 + 2, -gap, -(line + gap))

    def label_boxes(self) -> list[tuple[QRectF, Qt.AlignmentFlag, str]]:
        """(box, alignment, text) of every label: the top and 0 beside the axis, the first and last dates under it."""
        area, metrics, gap = self.plot_area(), QFontMetricsF(self.font()), self._gap()
        line = metrics.height()
        number = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        boxes = [(QRectF(gap, area.top() - line / 2, area.left() - 2 * gap, line), number, self.top_text()),
                 (QRectF(gap, area.bottom() - line / 2, area.left() - 2 * gap, line), number, "0")]
        if not self.points:
            return boxes
        first, last = self.date_texts()
        below = area.bottom() + gap / 2
        first_width, last_width = metrics.horizontalAdvance(first) + 2, metrics.horizontalAdvance(last) + 2
        boxes.append((QRectF(area.left(), below, first_width, line), Qt.AlignmentFlag.AlignLeft, first))
        if last != first and area.width() >= first_width + last_width + 2 * gap:  # else they would overlap
            boxes.append((QRectF(area.right() - last_width, below, last_width, line), Qt.AlignmentFlag.AlignRight,
                          last))
        return boxes

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.plot_area()
        pen_axis = QPen(self.palette().text().color())
        painter.setPen(pen_axis)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        if not self.points:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No reviews yet"))
            return
        start = self.points[0].at.timestamp()
        end = max(self.points[-1].at.timestamp(), start + 1)
        top = max(max(p.interval_days for p in self.points), 1)

        def at(x_time: float, days: int) -> QPointF:
            x = area.left() + (x_time - start) / (end - start) * area.width()
            y = area.bottom() - days / top * area.height()
            return QPointF(x, y)

        path = QPainterPath(at(start, self.points[0].interval_days))
        previous = self.points[0].interval_days
        for point in self.points[1:]:
            t = point.at.timestamp()
            path.lineTo(at(t, previous))
            path.lineTo(at(t, point.interval_days))
            previous = point.interval_days
        path.lineTo(at(end, previous))
        painter.setPen(QPen(QColor("#2f7bd8"), 2))
        painter.drawPath(path)
        painter.setPen(pen_axis)
        for box, alignment, text in self.label_boxes():
            painter.drawText(box, alignment, text)


class WordHistoryDialog(QDialog):
    def __init__(self, story: WordStory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordHistoryDialog")
        self.story = story
        title = story.text + (self.tr(" (deleted)") if story.deleted else "")
        self.setWindowTitle(self.tr("History of %1").replace("%1", title))
        heading = QLabel(f"<b>{_escape(title)}</b> — {_escape(str(story.fields.get('meaning', '')))}")
        heading.setObjectName("historyHeading")
        # wrapped: on one line a long word or meaning set the dialog's least width, 1,186 pixels on a
        # 1,024-pixel netbook, with Close off its right edge
        heading.setWordWrap(True)
        self.steps = QTableWidget(len(story.steps), 3)
        self.steps.setObjectName("historySteps")
        self.steps.setAccessibleName(self.windowTitle())
        self.steps.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        self.steps.setHorizontalHeaderLabels([self.tr("When"), self.tr("What happened"), self.tr("Before → after")])
        for row, step in enumerate(story.steps):
            sentence = step.sentence + (self.tr(" (undone)") if step.retracted else "")
            change = FieldChanges().say((k, step.before[k], step.after.get(k)) for k in step.before)
            for column, text in enumerate(((step.local_at or step.at).strftime("%Y-%m-%d %H:%M:%S"), sentence, change)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(plain_tip(text))  # a cell cut short by its column can still be read whole
                self.steps.setItem(row, column, item)
        self.steps.resizeColumnsToContents()
        # The sentences set the width: a long one pushed "Before → after" out of sight, behind a
        # sideways scroll. They get at most half the dialog; the changes take the rest.
        self.steps.setColumnWidth(1, min(self.steps.columnWidth(1), 360))
        self.steps.setColumnWidth(2, 80)  # and the last column stretches from there to the edge
        self.steps.setWordWrap(True)  # a long change takes two lines rather than an ellipsis
        self.steps.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows())
        self.steps.horizontalHeader().setStretchLastSection(True)
        self.chart = IntervalChart(story.intervals)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.steps, 1)
        # after a switch of scheduler the rows say what each day's scheduler computed; the chart is the
        # answers as the scheduler in force now schedules them, and says so
        switched = story.scheduler and any(step.event_type == "SchedulerChanged" for step in story.steps)
        layout.addWidget(QLabel(self.tr("Interval over time (days), as {0} schedules these answers").format(
            scheduler_name(story.scheduler)) if switched else self.tr("Interval over time (days)")))
        layout.addWidget(self.chart)
        layout.addWidget(buttons)
        resize_within_screen(self, 760, 560)

    def _fit_rows(self) -> None:
        """Each row as tall as its longest text wrapped in its column. Qt's own measure wrapped the text
        in a wider box than it paints it in: a sentence that just fitted two lines there took three, and
        was cut to one line and "…" (the first row, "Added the word … (a long meaning)")."""
        table = self.steps
        metrics = table.fontMetrics()
        # the text's margins as the style paints it (each side: the focus frame's and one pixel), and a
        # pixel of grid line
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1) + 1
        for row in range(table.rowCount()):
            height = metrics.height()
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is None or not item.text():
                    continue
                box = QRect(0, 0, max(1, table.columnWidth(column) - margin), 100_000)
                height = max(height, metrics.boundingRect(box, int(Qt.TextFlag.TextWordWrap), item.text()).height())
            table.setRowHeight(row, height + margin)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_word_history(parent: QWidget | None, profile: object, word_id: UUID, language: str | None = None,
                      operations: Any = None) -> WordHistoryDialog | None:
    """Show one word's history (non-modal); returns the dialog, or None after telling the user why not.

    With the window's `operations` the story is read off the GUI thread and the dialog opens when it
    comes (None is returned): after a sync on a profile of 136,000 words the read froze the window.
    Only the newest word asked for opens; nothing opens once `parent` is gone."""
    from ...timeline.service import Timeline
    from .language import ui_language

    timeline = Timeline(profile)  # type: ignore[arg-type]
    language = language or ui_language()
    if operations is not None and hasattr(operations, "read"):
        operations.read("timeline.history", lambda: timeline.word_story(word_id, language),
                        lambda story: _show_story(parent, story), owner=parent,
                        on_failure=lambda error: _not_shown(parent, error))
        return None
    try:
        story = timeline.word_story(word_id, language)
    except WordNotFound as error:
        _not_shown(parent, error)
        return None
    return _show_story(parent, story)


def _show_story(parent: QWidget | None, story: WordStory) -> WordHistoryDialog:
    dialog = WordHistoryDialog(story, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _not_shown(parent: QWidget | None, error: Exception) -> None:
    """Why the history is not shown: a word gone says so; anything else is shown as the window's errors are."""
    from PySide6.QtWidgets import QMessageBox

    from ..core_messages import localise
    from ..errors import show_error

    if not isinstance(error, WordNotFound):
        show_error(parent, error)
        return
    # PySide6's tr also works on the class (context "QDialog"); the stubs only know the bound form.
    # Opened, not run: a box that ran its own event loop inside the read's result held up the window's
    # other results behind it.
    box = QMessageBox(QMessageBox.Icon.Information, QDialog.tr("Word history"), localise(str(error)),  # type: ignore[call-arg, arg-type]
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
