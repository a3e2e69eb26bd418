"""Sync in the GUI: status bar, Sync menu, settings dialog, automatic syncs.

The main window wires it with one call::

    from .sync import install_sync
    self.sync = install_sync(self, profile, self.context)
"""

from __future__ import annotations

from .controller import SyncController
from .install import SyncInstallation, install_sync
from .settings_widget import SyncDialog, SyncSettingsWidget
from .status import SyncState, SyncStatus, status_text, status_tooltip
from .status_widget import SyncStatusWidget

__all__ = ["SyncController", "SyncDialog", "SyncInstallation", "SyncSettingsWidget", "SyncState",
           "SyncStatus", "SyncStatusWidget", "install_sync", "status_text", "status_tooltip"]
