"""Text that stays whole and readable in whatever room the study cards get.

A word or meaning can be a sentence of two hundred characters, and the window
can be as small as 720×480. Plain QLabels then either push the window wider
than the screen (one long line) or are squeezed by the layout below the height
their wrapped text needs, so the text is cut at the top and bottom and seems to
run into its neighbour. These widgets never ask for more room than a line:

- `FittingLabel` wraps, and shrinks its font (down to a floor) until the text
  fits the space it is given; if even the floor does not fit, the last line
  shown ends in "…" and the full text is the tooltip.
- `ElidedLabel` is one line ending in "…" when it does not fit (the result line
  and the key hints), with the full text as its tooltip.
- `ElidedButton` wraps a choice button's text to two lines after its key's
  number, the second starting under the first and ending in "…" when it does
  not fit; its accessible name is always the full text.

`text()` stays the full text in every case (a screen reader reads it); what is
painted is `shown_lines()` / `shown_text()`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QStylePainter, QWidget

from ..plain_tips import plain_tip
from ..style import scaled_font

ELLIPSIS = "…"
BUTTON_LINES = 2  # a choice button's lines at most
KEY_GAP = "   "  # between a choice's key number and its text
_FONT_STEPS = 8  # tries between the natural size and the floor


def wrap_lines(text: str, font: QFont, width: int) -> list[str]:
    """`text` broken into lines no wider than `width` (at words where it can, anywhere where it must)."""
    return [line for _, line in _wrap(text, font, width)]


def _wrap(text: str, font: QFont, width: int) -> list[tuple[int, str]]:
    """Each line with where it starts in `text`."""
    if not text:
        return []
    text = text.replace("\n", "\u2028")  # QTextLayout breaks at a line separator, not at a newline
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[tuple[int, str]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1, width))
        start = line.textStart()
        lines.append((start, text[start:start + line.textLength()].replace("\u2028", "").rstrip()))
    layout.endLayout()
    return lines


class FittingLabel(QLabel):
    """A centred, wrapped label whose font shrinks to fit; see the module docstring."""

    def __init__(self, parent_for_font: QWidget, factor: float, bold: bool = False,
                 min_factor: float = 1.0) -> None:
        super().__init__()
        self.natural_font = scaled_font(parent_for_font, factor, bold)
        self.floor_font = scaled_font(parent_for_font, min(factor, min_factor), bold)
        self.setFont(self.natural_font)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._font = self.natural_font
        self._lines: list[str] = []
        self._truncated = False

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.updateGeometry()
        self._fit()
        self.update()

    def shown_lines(self) -> list[str]:
        return list(self._lines)

    def shown_font(self) -> QFont:
        return QFont(self._font)

    def is_truncated(self) -> bool:
        """True when even the smallest font could not show it all (the last line ends in "…")."""
        return self._truncated

    # --- size -------------------------------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False  # the height is what the layout can spare; the font follows it

    def _width_for_hint(self) -> int:
        if self.width() > 50:
            return self.contentsRect().width()
        return QFontMetrics(self.natural_font).averageCharWidth() * 40  # not laid out yet

    def sizeHint(self) -> QSize:  # noqa: N802
        """The room the text takes at its natural size on the current width (what it gets if there is room)."""
        metrics = QFontMetrics(self.natural_font)
        lines = max(1, len(wrap_lines(self.text(), self.natural_font, self._width_for_hint())))
        margins = self.contentsMargins()
        return QSize(metrics.averageCharWidth() * 10,
                     lines * metrics.lineSpacing() + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetrics(self.floor_font)
        return QSize(metrics.averageCharWidth() * 4, metrics.lineSpacing())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # the wrapped height on the new width
        self._fit()

    # --- fitting ----------------------------------------------------------------------------------------
    def _fonts(self) -> list[QFont]:
        big, small = self.natural_font.pointSizeF(), self.floor_font.pointSizeF()
        fonts = []
        for step in range(_FONT_STEPS + 1):
            font = QFont(self.natural_font)
            font.setPointSizeF(big - (big - small) * step / _FONT_STEPS)
            fonts.append(font)
            if big <= small:
                break
        return fonts

    def _fit(self) -> None:
        text, rect = self.text(), self.contentsRect()
        if not text:
            self._font, self._lines, self._truncated = self.natural_font, [], False
            self.setToolTip("")
            return
        width, height = rect.width(), rect.height()
        for font in self._fonts():
            lines = wrap_lines(text, font, width)
            if len(lines) * QFontMetrics(font).lineSpacing() <= height:
                self._font, self._lines, self._truncated = font, lines, False
                self.setToolTip("")
                return
        font = self.floor_font
        metrics = QFontMetrics(font)
        spans = _wrap(text, font, width)  # (where each line starts in `text`, the line)
        room = max(1, height // metrics.lineSpacing())
        shown = [line for _, line in spans[:room]]
        rest = " ".join(text[spans[len(shown) - 1][0]:].split())
        # room for the "…" is kept even when the rest would just fit: more text follows it
        cut = metrics.elidedText(rest, Qt.TextElideMode.ElideRight,
                                 max(1, width - metrics.horizontalAdvance(ELLIPSIS)))
        shown[-1] = cut.removesuffix(ELLIPSIS).rstrip() + ELLIPSIS
        self._font, self._lines, self._truncated = font, shown, True
        self.setToolTip(plain_tip(text))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        if not self._lines:
            return
        painter = QPainter(self)
        painter.setFont(self._font)
        rect = self.contentsRect()
        spacing = QFontMetrics(self._font).lineSpacing()
        top = rect.top() + max(0, (rect.height() - spacing * len(self._lines)) // 2)
        for number, line in enumerate(self._lines):
            line_rect = QRect(rect.left(), top + number * spacing, rect.width(), spacing)
            self.style().drawItemText(painter, line_rect, int(Qt.AlignmentFlag.AlignCenter), self.palette(),
                                      self.isEnabled(), line, self.foregroundRole())


class ElidedLabel(QLabel):
    """One line, centred, ending in "…" when it does not fit; the full text is then its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._shown = ""

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._elide()
        self.update()

    def shown_text(self) -> str:
        return self._shown

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * 10, metrics.lineSpacing())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        text = self.text().replace("\n", " ")
        self._shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                    max(1, self.contentsRect().width()))
        self.setToolTip(plain_tip(self.text()) if self._shown != text else "")

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        if self._shown:
            painter = QPainter(self)
            self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), self.palette(),
                                      self.isEnabled(), self._shown, self.foregroundRole())


class ElidedButton(QPushButton):
    """A choice's button: the number of the key that chooses it on the left, its text after it on up to
    two lines, each starting under the first (centred, a wrapped choice's second line began left of its
    number), the second ending in "…" when the rest does not fit. Its accessible name and (when cut)
    tooltip are the full text; `full_text()` is that ("1   apple"), `text()` what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self._choice = ""
        self._lines: list[str] = []  # the text's lines shown, without the key
        self._floor = 0

    def set_floor_height(self, height: int) -> None:
        """The least height, whatever its text; more when its lines need it (a layout short of room
        squeezed a two-line choice to its floor, and cut both lines)."""
        self._floor = height
        self.setMinimumHeight(height)

    def set_choice(self, key: str, text: str) -> None:
        """Show `text` as the choice the key `key` ("1") chooses; both empty: nothing."""
        self._key, self._choice = key, text
        self.setAccessibleName(self.full_text())
        self._elide()

    def full_text(self) -> str:
        return f"{self._key}{KEY_GAP}{self._choice}" if self._key else self._choice

    def text_room(self) -> int:
        """How wide the label may be: the button less its frame and margins."""
        style = self.style()
        frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, self)
        return max(1, self.width() - 2 * (frame + margin))

    def indent(self) -> int:
        """Where the text's lines start, from the label's left: after the key's number and a gap."""
        return self.fontMetrics().horizontalAdvance(self._key + KEY_GAP) if self._key else 0

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().averageCharWidth() * 10, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()  # the right answer is shown in bold: wider, so cut again

    def shown_lines(self) -> list[str]:
        return self.text().replace("&&", "&").split("\n") if self.text() else []

    def _elide(self) -> None:
        """Up to BUTTON_LINES lines, the last ending in "…" when the rest does not fit: cut to one line, a
        meaning of two clauses lost its second, which is often what tells two choices apart."""
        text = " ".join(self._choice.splitlines())
        room, metrics = max(1, self.text_room() - self.indent()), self.fontMetrics()
        spans = _wrap(text, self.font(), room)
        lines = [line for _, line in spans[:BUTTON_LINES]]
        cut = len(spans) > BUTTON_LINES
        if cut:  # room for the "…" is kept: more text follows it
            rest = " ".join(text[spans[BUTTON_LINES - 1][0]:].split())
            last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight,
                                      max(1, room - metrics.horizontalAdvance(ELLIPSIS)))
            lines[-1] = last.removesuffix(ELLIPSIS).rstrip() + ELLIPSIS
        self._lines = lines
        shown = "\n".join([f"{self._key}{KEY_GAP}{lines[0]}", *lines[1:]] if self._key and lines else lines)
        # "&" in a button's text marks its access key: "cat & kitten" showed as "cat _kitten", and
        # "R&D" as "RD" with Alt+D choosing it. Doubled, it is shown as written.
        if literal(shown) != self.text():
            self.setText(literal(shown))
            self.setMinimumHeight(max(self._floor, super().sizeHint().height()))
        self.update()
        self.setToolTip(plain_tip(self.full_text()) if cut else "")

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """The button without its label, then the key and the lines, left-aligned and centred in height."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        if not self._lines:
            return
        spacing = self.fontMetrics().lineSpacing()
        room, indent = self.text_room(), self.indent()
        left, top = (self.width() - room) // 2, (self.height() - spacing * len(self._lines)) // 2
        if self.isDown():  # as a push button's own label moves while pressed
            left += self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonShiftHorizontal, option, self)
            top += self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonShiftVertical, option, self)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        pieces = [(QRect(left, top, indent, spacing), self._key)] if self._key else []
        pieces += [(QRect(left + indent, top + n * spacing, room - indent, spacing), line)
                   for n, line in enumerate(self._lines)]
        for rect, text in pieces:
            self.style().drawItemText(painter, rect, flags, self.palette(), self.isEnabled(), text,
                                      self.foregroundRole())


def literal(text: str) -> str:
    """`text` as a button's or a menu item's label shows it: a learner's "&" is not an access key."""
    return text.replace("&", "&&")
