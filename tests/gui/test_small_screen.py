"""A small logical screen (a 1366×768 laptop at 150%: 911×512): windows and dialogs stay on it; and
on a large one they grow with a large font.

The screen is set up for a separate process (the offscreen platform reads its
screens from a file when the application starts)."""

from __future__ import annotations

from pathlib import Path

from tests.support.screens import run_on

WINDOW = """
import json, sys
from pathlib import Path
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from effect_desktop.bootstrap import open_profile
from effect_desktop.gui import i18n
from effect_desktop.gui.main_window import MainWindow

app = QApplication([])
if len(sys.argv) > 2:  # the system's font size
    font = QFont(app.font())
    font.setPointSizeF(float(sys.argv[2]))
    app.setFont(font)
profile = open_profile(Path(sys.argv[1]))
i18n.install("en")
window = MainWindow(profile)
window.show()
app.processEvents()
room = window.screen().availableGeometry()
print(json.dumps(dict(minimum=[window.minimumWidth(), window.minimumHeight()], size=[window.width(), window.height()],
                      room=[room.width(), room.height()])))
window.close()
profile.close()
"""


SYNC_DIALOG = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from effect_desktop.bootstrap import open_profile
from effect_desktop.gui import i18n
from effect_desktop.gui.main_window import MainWindow

app = QApplication([])
profile = open_profile(Path(sys.argv[1]))
i18n.install("ja")
window = MainWindow(profile)
window.show()
dialog = window.sync.installation.open_settings()
app.processEvents()
dialog.settings.show_message(
    "同期サーバー postgresql://alice@127.0.0.1:1/effect に接続できません（connection failed: connection to server at "
    "127.0.0.1, port 1 failed: Connection refused）。オフラインのまま学習を続けられます。変更は保存され、次の同期で"
    "送られます。", ok=False)
dialog.settings._fit_window()
app.processEvents()
room = dialog.screen().availableGeometry()
message = dialog.settings.message
print(json.dumps(dict(size=[dialog.width(), dialog.height()], room=[room.width(), room.height()],
                      message=[message.height(), message.heightForWidth(message.width())])))
dialog.reject()
window.close()
profile.close()
"""


def test_the_window_fits_a_small_laptop_screen_with_its_title_bar(tmp_path: Path) -> None:
    """Its minimum of 720×480 overrode the first size: with the title bar the window was taller than
    the 512 pixels, and the status bar sat under the taskbar."""
    seen = run_on(tmp_path, WINDOW, 1366, 768, 1.5)
    room_width, room_height = seen["room"]
    assert (room_width, room_height) == (911, 512)
    for width, height in (seen["minimum"], seen["size"]):
        assert width <= room_width - 20 and height <= room_height - 60, seen  # a title bar and a panel


def test_the_sync_dialog_grows_wider_not_past_the_screens_bottom(tmp_path: Path) -> None:
    """At 200% on a 1080p screen (960×540) the message that the server cannot be reached grew the dialog
    to 525 pixels and put Close below the screen's edge."""
    seen = run_on(tmp_path, SYNC_DIALOG, 1920, 1080, 2)
    room_width, room_height = seen["room"]
    assert (room_width, room_height) == (960, 540)
    width, height = seen["size"]
    assert width <= room_width - 20 and height <= room_height - 60, seen
    shown, needed = seen["message"]
    assert shown >= needed, "the message is cut"


def test_at_a_large_font_the_window_opens_larger(tmp_path: Path) -> None:
    """At 16 pt it opened at the usual 1000×680 and every column was cut short; it grows with the
    font's line, within the screen."""
    usual = run_on(tmp_path, WINDOW, 1920, 1080, 1)
    assert usual["size"] == [1000, 680]
    larger = tmp_path / "larger"  # a profile of its own: the first one remembers its window's size
    larger.mkdir()
    seen = run_on(larger, WINDOW, 1920, 1080, 1, "16")
    width, height = seen["size"]
    assert width >= 1300 and height >= 880, seen
    assert width <= seen["room"][0] - 20 and height <= seen["room"][1] - 60, seen


WORD_HISTORY = """
import json, sys
from pathlib import Path
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from effect_desktop.bootstrap import open_profile
from effect_desktop.gui import i18n
from effect_desktop.gui.timeline.word_history import open_word_history

app = QApplication([])
font = QFont(app.font())
font.setPointSizeF(float(sys.argv[3]))
app.setFont(font)
profile = open_profile(Path(sys.argv[1]))
i18n.install(sys.argv[2])
word = profile.service.create_word(
    "to take something into consideration when making a decision",
    "持続可能な開発目標（SDGs）について、国際的な協力関係を築きながら具体的な行動計画を議論し、その結果を報告書にまとめる")
dialog = open_word_history(None, profile, word)
app.processEvents()
if len(sys.argv) > 4:
    dialog.grab().save(sys.argv[4])
room = dialog.screen().availableGeometry()
close = dialog.findChild(QDialogButtonBox).buttons()[0]
heading = dialog.layout().itemAt(0).widget()  # the word and its meaning
print(json.dumps(dict(size=[dialog.width(), dialog.height()], room=[room.width(), room.height()],
                      close=close.mapTo(dialog, close.rect().topRight()).x(),
                      heading=[heading.height(), heading.heightForWidth(heading.width())])))
dialog.close()
profile.close()
"""


def test_a_words_history_stays_on_the_screen_with_a_long_word_and_meaning(tmp_path: Path) -> None:
    """Its heading, the word and its meaning on one line, set the dialog's least width: 1,186 pixels on a
    1024×600 netbook and 1,543 on a 1280×720 laptop at a 150% font, Close off the right edge. It wraps."""
    for width, height, points, language in ((1024, 600, 9.0, "ja"), (1280, 720, 13.5, "en")):
        run = tmp_path / f"{width}"
        run.mkdir()
        seen = run_on(run, WORD_HISTORY, width, height, 1, language, str(points))
        room_width, room_height = seen["room"]
        assert seen["size"][0] <= room_width - 20 and seen["size"][1] <= room_height - 60, seen
        assert seen["close"] < seen["size"][0], seen
        shown, needed = seen["heading"]
        assert shown >= needed, "the heading is cut"


DIALOGS_AT_A_FONT = """
import json, sys
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QPushButton
from effect_desktop.gui import i18n
from effect_desktop.gui.startup import FirstRunDialog
from effect_desktop.gui.words.dialog import WordDialog

app = QApplication([])
font = QFont(app.font())
font.setPointSizeF(float(sys.argv[3]))
app.setFont(font)
i18n.install(sys.argv[2])
first = FirstRunDialog(435, None, can_sync=True)
first.show()
word = WordDialog(None, lambda values: None, [])
word.show()
app.processEvents()
room = first.screen().availableGeometry()
if len(sys.argv) > 4:
    first.grab().save(sys.argv[4] + "-first-run.png")
    word.grab().save(sys.argv[4] + "-word.png")
field = word.text_edit
print(json.dumps(dict(room=[room.width(), room.height()], first=first.width(), word=word.width(),
                      buttons=[[b.text(), b.width(), b.sizeHint().width()] for b in first.findChildren(QPushButton)],
                      characters=field.width() / field.fontMetrics().averageCharWidth())))
"""


def test_the_first_run_and_word_dialogs_grow_with_a_large_font_within_the_screen(tmp_path: Path) -> None:
    """At a 150% font on a 1024×600 netbook the first-run dialog's fixed least width (460) stood in for
    its layout's: the window opened at 682 pixels, two thirds of the screen, where its buttons need 715,
    and "別のコンピューターから同期(A)…" was cut at both ends. The Add word dialog stayed 420 pixels
    wide, its word field showing 29 characters where the usual font shows 46."""
    for points in (9.0, 13.5):
        run = tmp_path / str(points)
        run.mkdir()
        seen = run_on(run, DIALOGS_AT_A_FONT, 1024, 600, 1, "ja", str(points))
        room_width = seen["room"][0]
        assert seen["first"] <= room_width - 20 and seen["word"] <= room_width - 20, seen
        assert all(width >= wanted for _text, width, wanted in seen["buttons"]), seen
        assert seen["characters"] >= 40, seen
