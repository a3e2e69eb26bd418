"""The one error an import or export raises for a file it cannot use."""

from __future__ import annotations

from ..domain.errors import DomainError


class InterchangeError(DomainError):
    """A file could not be imported or written; the message says why and what to do.

    A DomainError, so the CLI prints it as one line and the GUI shows it as a
    refusal: nothing was written to the profile."""


class ExportNotWritten(InterchangeError):
    """The export's file could not be written (a full disk, a folder that cannot be written): the
    profile is as it was, and another folder is the quickest way out."""
