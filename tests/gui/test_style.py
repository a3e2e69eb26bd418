"""The dark palette with Fusion: unticked check boxes and radio buttons stay visible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyleFactory,
    QVBoxLayout,
    QWidget,
)

from effect_desktop.gui.style import OutlinedIndicators, dark_palette, use_dark_fusion


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def _contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _best_indicator_contrast(qtbot, cls, columns: int = 20) -> float:  # type: ignore[no-untyped-def]
    """The strongest contrast against the window among the pixels of the (unticked) indicator, or of a
    field's left edge (`columns` from the left)."""
    button = cls()
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    image = button.grab().toImage()
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    return max(_contrast(image.pixelColor(x, y), window)
               for x in range(min(image.width(), columns)) for y in range(image.height()))


@pytest.fixture
def restore_look():  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    style, palette = app.style().name(), app.palette()
    yield app
    app.setStyle(QStyleFactory.create(style))
    app.setPalette(palette)


@pytest.mark.parametrize("cls", [QCheckBox, QRadioButton])
def test_unticked_indicators_are_outlined_in_the_dark(qtbot, restore_look, cls) -> None:  # type: ignore[no-untyped-def]
    app = restore_look
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    assert _best_indicator_contrast(qtbot, cls) < 1.5, "plain Fusion: dark on dark"
    use_dark_fusion(app)
    assert isinstance(app.style(), OutlinedIndicators)
    assert _best_indicator_contrast(qtbot, cls) >= 3.0


@pytest.mark.parametrize("cls", [QLineEdit, QSpinBox, QComboBox])
def test_empty_fields_keep_their_edge_in_the_dark(qtbot, restore_look, cls) -> None:  # type: ignore[no-untyped-def]
    """A field's frame was #151618 on a #202124 dialog (1.1:1): the Sync settings' user name and
    password fields all but vanished (found by an accessibility helper)."""
    app = restore_look
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    assert _best_indicator_contrast(qtbot, cls, columns=2) < 3.0, "plain Fusion: dark on dark"
    use_dark_fusion(app)
    assert _best_indicator_contrast(qtbot, cls, columns=2) >= 3.0


@pytest.mark.parametrize("dark", [False, True])
def test_a_focused_default_button_looks_focused(qtbot, restore_look, dark) -> None:  # type: ignore[no-untyped-def]
    """Fusion draws focus on a button as the highlighted edge it gives the default button: Tab onto
    "Start session" changed not one pixel (found by an accessibility helper)."""
    app = restore_look
    app.setStyle(OutlinedIndicators("Fusion"))
    if dark:
        app.setPalette(dark_palette())
    holder = QWidget()
    qtbot.addWidget(holder)
    field, button = QLineEdit(), QPushButton("Start session")
    button.setDefault(True)
    layout = QVBoxLayout(holder)
    layout.addWidget(field)
    layout.addWidget(button)
    holder.show()
    qtbot.waitActive(holder)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    away = button.grab().toImage()
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus)
    assert button.grab().toImage() != away
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)  # a click moves the focus: no ring is left on a button
    button.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(button.hasFocus)
    assert button.grab().toImage() == away


@pytest.mark.parametrize("dark", [False, True])
def test_explanations_and_key_hints_are_readable(qtbot, restore_look, window, dark) -> None:  # type: ignore[no-untyped-def]
    """Settings' explanations and the hints under study cards were disabled labels: about 1.5:1
    against the window, nearly invisible (and a screen reader may pass a disabled label over)."""
    from PySide6.QtWidgets import QLabel

    from effect_desktop.gui.settings_page import _hint

    if dark:
        use_dark_fusion(restore_look)
    hints = [_hint("The study day starts at this hour."), window.show_page("study").session_panel.flashcard.hint]
    for label in hints:
        assert isinstance(label, QLabel) and label.isEnabled()
        palette = label.palette()
        ratio = _contrast(palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window))
        assert ratio >= 4.5, f"{ratio:.1f}:1"
        assert ratio < _contrast(restore_look.palette().color(QPalette.ColorRole.WindowText),
                                 restore_look.palette().color(QPalette.ColorRole.Window)), "still quieter than text"
