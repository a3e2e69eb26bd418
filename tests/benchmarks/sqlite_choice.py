"""`--sqlite-module NAME`: run a benchmark on another build of SQLite than the one stdlib sqlite3 links.

Python's sqlite3 uses the SQLite it was built against: Python's installers for Windows and macOS
ship 3.45 or later, Debian 12 (this machine) 3.40, which lacks unhex() and so takes the rebuild's
slower path. `--sqlite-module pysqlite3` (pip install pysqlite3-binary: SQLite 3.51, Linux x86_64)
puts that module in sqlite3's place before anything imports it, baselines included, so one
machine shows both figures. Call `apply()` before importing sqlite3, SQLAlchemy or the app.
"""

from __future__ import annotations

import importlib
import sys


def apply() -> str | None:
    """Swap in the module named after --sqlite-module (and take the option out of sys.argv)."""
    if "--sqlite-module" not in sys.argv:
        return None
    at = sys.argv.index("--sqlite-module")
    name = sys.argv[at + 1]
    del sys.argv[at:at + 2]
    try:
        module = importlib.import_module(f"{name}.dbapi2")
    except ImportError as error:
        raise SystemExit(f"--sqlite-module {name}: {error} (for pysqlite3: pip install pysqlite3-binary)") from None
    sys.modules["sqlite3"] = importlib.import_module(name)
    sys.modules["sqlite3.dbapi2"] = module
    return name
