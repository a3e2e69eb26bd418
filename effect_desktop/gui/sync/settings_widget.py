"""Settings → Sync: the server, the account, "Test connection", "Save", and when to sync by itself.

Every outcome is a sentence beside the buttons (no error dialogs): a wrong
password, an unreachable server or a bad URL each say what to change. The
password goes to the system keyring; with no usable keyring the learner is
asked before it is kept in the profile file, and if they decline it is kept
in memory only until the app closes.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...sync import ConnectionCheck, CredentialsUnavailable, SyncError, credentials, test_connection
from ...sync.urls import ServerURL
from ..style import error_color, follow_palette, screen_room, secondary_text, success_color
from .background import BackgroundTask
from .controller import SyncController
from .form import FieldsRefused, compose_url, split_url
from .messages import describe
from .preferences import MAX_MINUTES
from .status import SyncState

log = logging.getLogger("effect_desktop.gui.sync")


class SyncSettingsWidget(QWidget):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncSettings")
        self.controller = controller
        self.profile = controller.profile
        self._test: BackgroundTask | None = None

        self.server_url = QLineEdit()
        self.server_url.setObjectName("syncServerUrl")
        self.server_url.setPlaceholderText("postgresql://sync.example.org:5432/effect")
        self.user_name = QLineEdit()
        self.user_name.setObjectName("syncUserName")
        self.password = QLineEdit()
        self.password.setObjectName("syncPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("syncTestButton")
        self.test_button.clicked.connect(self.test)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("syncSaveButton")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        # told as the address is typed, as the command line says it before each sync (found by a security
        # review: libpq's default falls back to plain text without a word)
        self.tls_note = QLabel()
        self.tls_note.setObjectName("syncTlsNote")
        self.tls_note.setWordWrap(True)
        self.tls_note.setTextFormat(Qt.TextFormat.PlainText)
        self.tls_note.hide()

        server = QGroupBox(self.tr("Server"))
        form = QFormLayout()
        form.addRow(self.tr("Server URL:"), self.server_url)
        form.addRow(self.tr("User name:"), self.user_name)
        form.addRow(self.tr("Password:"), self.password)
        hint = QLabel(self.tr("Your administrator creates the account with "
                              "“effect-desktop server add-user” and gives you these three."))
        hint.setWordWrap(True)
        secondary_text(hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        server_column = QVBoxLayout()
        server_column.addLayout(form)
        server_column.addWidget(self.tls_note)
        server_column.addWidget(hint)
        server_column.addLayout(buttons)
        server_column.addWidget(self.message)

        self.on_open = QCheckBox(self.tr("Sync when the app &opens"))
        self.on_open.setObjectName("syncOnOpen")
        self.on_close = QCheckBox(self.tr("Sync when the app &closes (waits a few seconds at most)"))
        self.on_close.setObjectName("syncOnClose")
        self.every = QSpinBox()
        self.every.setObjectName("syncEveryMinutes")
        self.every.setRange(0, MAX_MINUTES)
        self.every.setSingleStep(5)
        self.every.setSpecialValueText(self.tr("never"))
        self.every.setSuffix(self.tr(" min"))
        automatic = QGroupBox(self.tr("Automatic sync"))
        auto_form = QFormLayout(automatic)
        auto_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)  # a number, not a line
        auto_form.addRow(self.on_open)
        auto_form.addRow(self.on_close)
        auto_form.addRow(self.tr("Sync every:"), self.every)

        server.setLayout(server_column)
        layout = QVBoxLayout(self)
        layout.addWidget(server)
        layout.addWidget(automatic)
        layout.addStretch(1)

        self._load()
        self.server_url.textChanged.connect(self._note_cleartext)
        self._note_cleartext()
        self.on_open.toggled.connect(lambda on: self.controller.set_auto(on_open=on))
        self.on_close.toggled.connect(lambda on: self.controller.set_auto(on_close=on))
        self.every.valueChanged.connect(lambda minutes: self.controller.set_auto(every_minutes=minutes))

    def _load(self) -> None:
        url = self.controller.remembered_url()
        if url is not None:
            server, user = split_url(url)
            self.server_url.setText(server)
            self.user_name.setText(user)
            self.password.setPlaceholderText(self.tr("leave empty to keep the saved password"))
        prefs = self.controller.preferences
        self.on_open.setChecked(prefs.auto_on_open)
        self.on_close.setChecked(prefs.auto_on_close)
        self.every.setValue(prefs.every_minutes)
        status = self.controller.status
        given = os.environ.get(credentials.ENV_URL)
        if given and url is not None and _stored(given) not in (None, url.stored):  # syncs go there
            self.show_message(self.tr("This computer's EFFECT_SYNC_URL names {0}: syncs go there, not to the "
                                      "server below, for as long as it is set.").format(_display(given)), ok=True)
        if status.state is SyncState.ERROR and status.reason:
            # opened from "Sync error" (or the menu after one): the failure it came to fix, said here, where
            # it only said so in the status bar's tooltip and an empty message area waited for a Test
            self.show_message(status.reason, ok=False)

    def _note_cleartext(self) -> None:
        """Say when the server typed is another computer reached without required TLS."""
        try:
            found = compose_url(self.server_url.text(), self.user_name.text() or "user", "").cleartext() \
                if self.server_url.text().strip() else None
        except SyncError:  # not an address yet: said when it is used
            found = None
        if found is None:
            self.tls_note.hide()
            return
        host, mode = found
        self.tls_note.setText(self.tr(
            "The connection to {0} may go unencrypted (sslmode={1}): your password and study history could cross "
            "the network in the clear. Add ?sslmode=require (or verify-full, which also checks the server's "
            "certificate) to the server URL.").format(host, mode))
        follow_palette(self.tls_note, "warning", lambda: self.tls_note.setStyleSheet(
            f"color: {error_color().name()};"))
        if not self.tls_note.isVisible():
            self.tls_note.show()
            QTimer.singleShot(0, self._fit_window)  # taller, not the fields squeezed flat under it

    # --- messages ----------------------------------------------------------------------------------------
    def show_message(self, text: str, *, ok: bool) -> None:
        follow_palette(self.message, "outcome", lambda: self.message.setStyleSheet(
            f"color: {(success_color() if ok else error_color()).name()};"))
        self.message.setProperty("ok", ok)
        self.message.setText(text)
        self.message.show()
        QTimer.singleShot(0, self._fit_window)  # once the layouts have taken in the new sentence

    def _fit_window(self) -> None:
        """Grow the dialog so a long message shows whole instead of squeezing the fields; wider rather
        than past the screen's bottom edge (at 200% on a 1080p screen Close went below it)."""
        top = self.window()
        layout = top.layout() if top is not self else None
        if layout is None:
            return
        # The layouts take in a new sentence when their requests are handled; the timer could
        # fire first, and a sentence longer than the one before ("Connecting…") was measured at
        # the old height, with the fields squeezed flat.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        width = top.width()
        needed = max(layout.totalHeightForWidth(width), top.sizeHint().height())
        room = screen_room(top)
        if room is not None:
            while needed > room.height() and width < room.width():  # a wider dialog takes fewer lines
                width = min(room.width(), width + top.fontMetrics().averageCharWidth() * 10)
                needed = layout.totalHeightForWidth(width)
            needed = min(needed, max(room.height(), top.minimumSizeHint().height()))
        if needed > top.height() or width > top.width():
            top.resize(width, max(needed, top.height()))

    def _url(self) -> ServerURL | None:
        """The URL from the fields, or None after saying what is missing."""
        if not self.server_url.text().strip():
            self.show_message(self.tr("Enter the server URL, e.g. "
                                      "postgresql://sync.example.org:5432/effect."), ok=False)
            self.server_url.setFocus()
            return None
        try:
            url = compose_url(self.server_url.text(), self.user_name.text(), self.password.text())
        except FieldsRefused as error:
            self.show_message(str(error), ok=False)
            return None
        except SyncError as error:
            self.show_message(describe(error, in_settings=True), ok=False)
            return None
        return url

    # --- test connection ---------------------------------------------------------------------------------
    def test(self) -> None:
        url = self._url()
        if url is None or self._test is not None:
            return
        profile = self.profile

        def work() -> ConnectionCheck:
            known = url
            if known.password is None:  # the saved password, from the keyring or the profile
                known = credentials.resolve(profile, known.stored)
            return test_connection(known, profile)  # with the profile: would this account take its events?

        self.test_button.setEnabled(False)
        self.show_message(self.tr("Connecting…"), ok=True)
        self._test = BackgroundTask(work, self._tested, self._test_failed, self).start()

    def _tested(self, check: ConnectionCheck) -> None:
        self._test = None
        self.test_button.setEnabled(True)
        self.show_message(self.tr("Connected to {0} as {1}; this account holds %Ln event(s) on the server.", "",
                                  check.events).format(check.display, check.user), ok=True)

    def _test_failed(self, error: Exception) -> None:
        self._test = None
        self.test_button.setEnabled(True)
        if isinstance(error, CredentialsUnavailable):
            self.show_message(self.tr("Enter the password to test the connection."), ok=False)
        elif isinstance(error, SyncError):
            self.show_message(describe(error, in_settings=True), ok=False)
        else:
            log.error("connection test failed unexpectedly", exc_info=error)
            self.show_message(self.tr("The test failed unexpectedly: {0}").format(error), ok=False)

    # --- save --------------------------------------------------------------------------------------------
    def save(self) -> None:
        url = self._url()
        if url is None:
            return
        if url.password is None:
            credentials.remember(self.profile, url)
            self.controller.server_saved()
            if self._password_known(url):
                self.show_message(self.tr("Saved. The password saved before is used."), ok=True)
            else:
                self.show_message(self.tr("Saved the server, but no password is known for it: "
                                          "enter the password and save again."), ok=False)
            return
        credentials.remember(self.profile, url)  # into the keyring, if there is one
        if self._password_kept(url):
            self.controller.server_saved()
            self.show_message(self.tr("Saved. The password is in the system keyring."), ok=True)
            return
        self._ask_plaintext_consent(url)

    @staticmethod
    def _password_kept(url: ServerURL) -> bool:
        """In the keyring itself: a copy in the profile file counted, and with no keyring at all
        the second Save said "The password is in the system keyring"."""
        return credentials.in_keyring(url)

    def _password_known(self, url: ServerURL) -> bool:
        try:
            credentials.resolve(self.profile, url.stored)
        except SyncError:
            return False
        return True

    def _ask_plaintext_consent(self, url: ServerURL) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("No system keyring"), self.tr(
            "This computer has no system keyring to keep the sync password safely.\n\n"
            "Keep the password in the profile file as plain text? Anyone who can read the profile "
            "file could then read it.\n\nIf you choose No, the password is used until you close "
            "the app and asked for again next time."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("plaintextConsent")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._consent_answered(url, box.standardButton(
            box.clickedButton()) == QMessageBox.StandardButton.Yes))
        box.open()

    def _consent_answered(self, url: ServerURL, allowed: bool) -> None:
        if allowed:
            credentials.remember(self.profile, url, allow_plaintext=True)
            self.controller.server_saved()
            self.show_message(self.tr("Saved. The password is in the profile file, as you chose."),
                              ok=True)
        else:
            credentials.forget_kept_password(self.profile)
            self.controller.use_session_url(url)
            self.show_message(self.tr("Saved the server, not the password: it is used until you "
                                      "close the app."), ok=True)


class SyncDialog(QDialog):
    """The sync settings as a dialog, opened from the Sync menu, the Settings page or the status bar."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Sync"))
        self.settings = SyncSettingsWidget(controller, self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.settings)
        layout.addWidget(close)
        self.setMinimumWidth(560)
        self.resize(max(600, self.sizeHint().width()), self.sizeHint().height())


def _stored(raw: str) -> str | None:
    try:
        return ServerURL.parse(raw).stored
    except SyncError:
        return None


def _display(raw: str) -> str:
    try:
        return ServerURL.parse(raw).display
    except SyncError:
        return "another server"
