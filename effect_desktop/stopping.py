"""What every layer's "stopped because it was asked to" has in common.

A rebuild, a replay, an import, a backup and a sync each stop with an error
of their own when Cancel is pressed or the window closes; the window logs
those as stops, not failures, and anything else raised after Cancel as the
failure it is. One base class lets it tell them apart without importing each
layer (the sync package needs psycopg, an optional extra).
"""

from __future__ import annotations


class StoppedAsAsked(Exception):  # noqa: N818  (a stop, not an error)
    """Raised by work that stopped because it was asked to; nothing half-done was kept."""
