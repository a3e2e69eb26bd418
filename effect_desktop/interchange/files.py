"""Writing an export so that a failure (a full disk, a cancel) never leaves half a file behind."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import InterchangeError


@contextmanager
def replacing(path: Path, mode: str = "wb", **options: Any) -> Iterator[IO[Any]]:
    """Write to `path.partial`, then rename over `path` only if the block finished."""
    partial = path.with_name(path.name + ".partial")
    try:
        with open(partial, mode, **options) as out:
            yield out
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise InterchangeError(f"{path} could not be written: {error.strerror or error}.") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
