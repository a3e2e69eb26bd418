"""Folders and files the app makes for one learner alone: the data folder, the backups, the profiles.

A profile holds the whole study history, and with --save-password-in-profile the sync password in
clear; every backup copies both. Made with the umask's usual 022 they were readable by every local
account (folders 0755, files 0644), on systems whose home folders others can enter (Debian up to 11,
many servers). So what the app creates is made 0700 (folders) and 0600 (files) from the start. A
folder or file that already exists is left as it is: the user may have made or shared it on purpose.
On Windows the modes mean nothing and the user's folder is private already.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and missing parents) unless it exists; the folder itself readable by its owner alone.
    The parents are made as any program makes them: they are above the app's own."""
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)


def create_private_file(path: Path) -> None:
    """An empty file readable by its owner alone, for SQLite to fill (it gives its -wal and -shm files the
    same mode); an existing file is left as it is."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
