"""Small shared look helpers: palette-aware, no fixed pixel fonts.

Colours come from the current palette (so light and dark system themes both
work) and sizes are relative to the application font (so high-DPI and
large-font settings scale).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QGridLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QProxyStyle,
    QSizePolicy,
    QSpacerItem,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def is_dark() -> bool:
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color() -> QColor:
    return QColor("#ff7b72") if is_dark() else QColor("#b3261e")


def success_color() -> QColor:
    return QColor("#7ee787") if is_dark() else QColor("#1a7f37")


def notice_colors() -> tuple[QColor, QColor]:
    """Background and text of a notice that should catch the eye (amber): pale in a light palette, toned
    down in a dark one, where the pale yellow band glared (both about 9:1)."""
    return (QColor("#3d3214"), QColor("#ffe08a")) if is_dark() else (QColor("#fff3cd"), QColor("#5c4400"))


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (screenshots, and a system without a dark theme)."""
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#202124", role.WindowText: "#e8eaed", role.Base: "#17181a",
        role.AlternateBase: "#26282b", role.ToolTipBase: "#303134", role.ToolTipText: "#e8eaed",
        role.PlaceholderText: "#9aa0a6", role.Text: "#e8eaed", role.Button: "#2d2f33",
        role.ButtonText: "#e8eaed", role.BrightText: "#ff7b72", role.Light: "#3c4043",
        role.Midlight: "#34373b", role.Mid: "#2a2c2f", role.Dark: "#101113", role.Shadow: "#000000",
        role.Highlight: "#3d7bd9", role.HighlightedText: "#ffffff", role.Link: "#8ab4f8",
        role.LinkVisited: "#c58af9",
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role, value in ((role.WindowText, "#80868b"), (role.Text, "#80868b"),
                               (role.ButtonText, "#80868b"), (role.Base, "#1d1e20")):
        palette.setColor(group.Disabled, colour_role, QColor(value))
    return palette


class OutlinedIndicators(QProxyStyle):
    """Fusion, with check boxes and radio buttons outlined in a dark palette too.

    Fusion draws their outline a shade darker than the window: on a dark window
    an unticked box was dark on dark and all but invisible. Here the outline is
    drawn from a light stand-in window colour, so it is as light as the placeholder
    text (about 4:1 against the window)."""

    # Text fields, spin boxes and combo boxes too: their frame was #151618 on a #202124 dialog (1.1:1,
    # where a control's edge needs 3:1), and an empty field all but vanished (found by an accessibility
    # helper).
    INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton,
                  QStyle.PrimitiveElement.PE_FrameLineEdit, QStyle.PrimitiveElement.PE_PanelLineEdit)
    FRAMED = (QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element in self.INDICATORS:
            option = _outlined(option)
        super().drawPrimitive(element, option, painter, widget)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,  # noqa: N802
                           painter: QPainter, widget: QWidget | None = None) -> None:
        if control in self.FRAMED:
            option = _outlined(option)
        super().drawComplexControl(control, option, painter, widget)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,  # noqa: N802
                    painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        focused = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if element == QStyle.ControlElement.CE_PushButton and option.state & focused == focused:
            # Fusion shows a focused button by the same highlighted edge it gives the default button: Tab
            # onto "Start session" (the default) changed not one pixel. A ring inside the edge shows it,
            # once the keyboard moves the focus (not on a button just clicked).
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(3, 3, -3, -3), 2, 2)
            painter.restore()


_Option = TypeVar("_Option", bound=QStyleOption)


def _outlined(option: _Option) -> _Option:
    """`option` with a light stand-in window colour under a dark palette, from which Fusion draws its
    outlines (window.darker(140)): as light as the placeholder text, about 4:1 against the window."""
    if option.palette.color(QPalette.ColorRole.Window).lightness() >= 128:
        return option
    option = type(option)(option)
    outline = option.palette.color(QPalette.ColorRole.PlaceholderText)
    option.palette.setColor(QPalette.ColorRole.Window, outline.lighter(140))
    return option


def use_dark_fusion(app: QApplication) -> None:
    """Fusion with `dark_palette()` and visible check boxes (screenshots, a desktop without a dark theme)."""
    app.setStyle(OutlinedIndicators("Fusion"))
    app.setPalette(dark_palette())


def accent_color() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Highlight)


def set_text_color(widget: QWidget, color: QColor | None) -> None:
    """Colour a widget's text through its palette (None: the normal colour).

    Cheaper than a style sheet, which re-polishes the widget on every change:
    the study page does this on every answer."""
    palette = QPalette(widget.palette())
    if color is None:
        palette = QApplication.palette(widget)
    else:
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(role, color)
    widget.setPalette(palette)


def error_label() -> QLabel:
    """A hidden, wrapping label in the error colour, for messages beside a field."""
    label = QLabel()
    label.setWordWrap(True)
    label.setVisible(False)
    follow_palette(label, "error", lambda: label.setStyleSheet(f"color: {error_color().name()};"))
    return label


def heading(text: str, widget: QWidget, factor: float = 1.5) -> QLabel:
    label = QLabel(text)
    label.setFont(scaled_font(widget, factor, bold=True))
    return label


SECONDARY_BLEND = 0.4  # how far secondary text moves from the text colour towards the background


def secondary_text(label: QWidget) -> None:
    """Explanations and key hints in a quieter colour that is still readable (about 5:1 against the
    window in the light and the dark palette). They were disabled to grey them: 1.5:1, nearly
    invisible, and a screen reader may pass over a disabled label."""
    def apply() -> None:
        palette = QPalette(QApplication.palette(label))
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        mixed = QColor(*(round(a + (b - a) * SECONDARY_BLEND) for a, b in
                         ((text.red(), window.red()), (text.green(), window.green()), (text.blue(), window.blue()))))
        palette.setColor(QPalette.ColorRole.WindowText, mixed)
        label.setPalette(palette)

    follow_palette(label, "secondary", apply)


MESSAGE_CHARACTERS = 60  # the least width of a message box's text, in average characters


def widen_message_box(box: QMessageBox, characters: int = MESSAGE_CHARACTERS) -> None:
    """A message box at least `characters` wide: it sizes itself to its short question, and the
    explanation under it wrapped into five lines in a box 211 pixels wide."""
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        width = box.fontMetrics().averageCharWidth() * characters
        layout.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum),
                       layout.rowCount(), 0, 1, layout.columnCount())


def screen_room(widget: QWidget) -> QSize | None:
    """The most a window may take: its screen's free area less a title bar and a panel (60 pixels
    high) and a margin (20 wide). At 150% on a 1366×768 laptop the screen is 911×512."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return None
    room = screen.availableGeometry()
    return QSize(room.width() - 20, room.height() - 60)


USUAL_LINE = 17.0  # pixels: a line of the usual desktop font (9-10 pt at 96 dpi)


def font_scale(widget: QWidget) -> float:
    """How much larger than usual the widget's font is (at least 1): a window's first size grows with it."""
    return max(1.0, QFontMetricsF(widget.font()).lineSpacing() / USUAL_LINE)


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """A window's first size, grown with a large font and kept within the screen's free area: at a
    16 pt font the main window and its dialogs opened at their usual sizes, every column cut short;
    and a dialog opened at 820×620 put its buttons below the bottom edge of a 911×512 screen."""
    scale = font_scale(widget)
    width, height = round(width * scale), round(height * scale)
    room = screen_room(widget)
    if room is not None:
        minimum = widget.minimumSizeHint()
        width = max(min(width, room.width()), minimum.width())
        height = max(min(height, room.height()), minimum.height())
    widget.resize(width, height)


def least_width(layout: QLayout, widget: QWidget, width: int) -> None:
    """The window of `widget` at least `width` wide (more at a large font, never more than the screen),
    as a spacer in its `layout`: an explicit minimum width (`setMinimumWidth`) turns off the layout's
    own, so a row of buttons wider than it was cut at both ends ("別のコンピューターから同期(A)…" at a
    150% font on a netbook), and it did not grow with the font (the Add word dialog stayed 420 pixels
    wide at 13.5 pt, its word scrolling in its field)."""
    width = round(width * font_scale(widget))
    room = screen_room(widget)
    if room is not None:
        width = min(width, room.width())
    margins = layout.contentsMargins()  # `width` is the window's: the spacer is within the margins
    layout.addItem(QSpacerItem(width - margins.left() - margins.right(), 0, QSizePolicy.Policy.Minimum,
                               QSizePolicy.Policy.Minimum))


def minimum_within_screen(widget: QWidget, width: int, height: int) -> None:
    """A window's minimum size, grown with a large font but never more than the screen's room: at 150%
    on a 1366×768 laptop a minimum of 720×480 overrode the first size and put the status bar under the
    taskbar; and at a 150% font the window shrank to 720×480 where its pages need about 1,000×650, the
    Study page's mode buttons squeezed to 7 pixels and overlapping."""
    scale = font_scale(widget)
    width, height = round(width * scale), round(height * scale)
    room = screen_room(widget)
    if room is not None:
        width, height = min(width, room.width()), min(height, room.height())
    widget.setMinimumSize(width, height)


def shows_focus(area: QAbstractScrollArea, name: str) -> None:
    """A frameless scroll area that takes the keyboard focus (so the arrow keys and Page Down scroll it)
    draws a highlight frame while it has it: its content covers it whole, and Tab landed on nothing
    anyone could see. (A transparent frame of the same width otherwise, so nothing moves.)"""
    area.setObjectName(name)
    area.setStyleSheet(f"QAbstractScrollArea#{name} {{ border: 2px solid transparent; }} "
                       f"QAbstractScrollArea#{name}:focus {{ border: 2px solid palette(highlight); }}")


class PaletteFollower(QObject):
    """What a widget computed from the palette (a blended colour, a colour in a style sheet), done
    again when the system palette changes: switched to dark with the window open, that text kept
    its light-mode grey at 2.5:1 on the dark window. Owned by the widget; `reapply_palette` runs it."""

    def __init__(self, widget: QWidget, key: str, apply: Callable[[], object]) -> None:
        super().__init__(widget)
        self.setObjectName(f"paletteFollower_{key}")
        self.apply = apply


def follow_palette(widget: QWidget, key: str, apply: Callable[[], object], now: bool = True) -> None:
    """Run `apply` now (unless `now` is false) and after every change of the application's palette;
    it replaces an earlier one of the same `key` on this widget."""
    for earlier in widget.findChildren(PaletteFollower, f"paletteFollower_{key}",
                                       options=Qt.FindChildOption.FindDirectChildrenOnly):
        earlier.setParent(None)
        earlier.deleteLater()
    PaletteFollower(widget, key, apply)
    if now:
        apply()


def reapply_palette() -> None:
    """After the application's palette changed (the system switched to dark or back): every style sheet
    is set again, for a widget with one keeps the palette it had when it was styled (the navigation and
    the settings stayed white), and every `follow_palette` runs again."""
    widgets = QApplication.allWidgets()
    for widget in widgets:
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)
    for widget in QApplication.topLevelWidgets():
        for follower in widget.findChildren(PaletteFollower):
            follower.apply()
