"""A titled frame around one chart, with "Save as PNG…" on a button and in the context menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..style import scaled_font


class ChartCard(QFrame):
    def __init__(self, name: str, title: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"card_{name}")
        self.name = name
        self.body = body
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        self.title.setFont(scaled_font(self, 1.1, bold=True))
        self.note = QLabel()
        self.note.setObjectName(f"note_{name}")
        self.note.setWordWrap(True)
        self.save_button = QToolButton()
        self.save_button.setText(self.tr("Save as PNG…"))
        self.save_button.setAutoRaise(True)
        self.save_button.clicked.connect(self.ask_and_save)
        self.header = QHBoxLayout()
        self.header.addWidget(self.title, 1)
        self.header.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header)
        layout.addWidget(self.note)
        layout.addWidget(body, 1)
        if body.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Fixed:
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.note.setVisible(False)
        self._name_parts(title)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        body.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        body.customContextMenuRequested.connect(lambda pos: self._menu(body.mapTo(self, pos)))

    def add_control(self, control: QWidget) -> None:
        """A choice of what the chart shows, beside its title (before "Save as PNG…")."""
        self.header.insertWidget(self.header.indexOf(self.save_button), control)

    def set_title(self, title: str) -> None:
        self.title.setText(title)
        self._name_parts(title)

    def _name_parts(self, title: str) -> None:
        """For a screen reader: the chart by its title, and which chart each "Save as PNG…" saves."""
        self.body.setAccessibleName(title)
        self.save_button.setAccessibleName(self.tr("Save “{0}” as PNG…").format(title))

    def set_note(self, note: str) -> None:
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Save as PNG…"), self.ask_and_save)
        menu.exec(self.mapToGlobal(pos))

    def ask_and_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), f"{self.name}.png",
                                              self.tr("PNG images (*.png)"))
        if not path:
            return
        try:
            self.save_png(Path(path))
        except OSError as error:
            QMessageBox.warning(self, self.tr("Could not save"),
                                self.tr("The chart could not be saved to {0}: {1}. Choose another folder.")
                                .format(path, error.strerror or error))

    def save_png(self, path: Path) -> None:
        """The card as drawn (title and chart), as a PNG file."""
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        if not self.grab().save(str(path), "PNG"):
            raise OSError(0, self.tr("the image could not be written"), str(path))
