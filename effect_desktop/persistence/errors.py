"""The store's own errors: driver exceptions never leave persistence unwrapped."""

from __future__ import annotations


class StoreError(Exception):
    """The event store could not do what was asked; the message says what to do."""


class ConcurrencyError(StoreError):
    """Someone else appended to this stream first; reload and try again."""


class ProfileLocked(StoreError):
    """Another process holds the profile's write lock for too long."""


class ProfileUnreadable(StoreError):
    """The profile file is damaged or is not an Effect Desktop profile."""


class DataFolderUnusable(StoreError):
    """The data folder is a file, or cannot be created or written."""
