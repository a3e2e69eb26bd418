"""The one error an import or export raises for a file it cannot use."""

from __future__ import annotations

from ..domain.errors import DomainError


class InterchangeError(DomainError):
    """A file could not be imported or written; the message says why and what to do.

    A DomainError, so the CLI prints it as one line and the GUI shows it as a
    refusal: nothing was written to the profile."""
