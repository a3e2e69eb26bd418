"""Test configuration shared by every suite.

Qt renders offscreen (no display needed); the PostgreSQL fixtures start a
throwaway server themselves (see tests/support/postgres.py).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support.postgres import pg_database, pg_url  # noqa: E402,F401
