"""Errors the domain raises when a command breaks a rule.

Each carries a message written for the person who typed the command, and (for
validation) the field at fault, so a dialog can show it beside that field.
"""

from __future__ import annotations


class DomainError(Exception):
    """A command was refused by a domain rule; nothing was written."""


class ValidationFailed(DomainError):
    """One or more fields of a command are invalid.

    `errors` maps a field name to a human sentence, so the GUI can show each
    message beside its field and the CLI can print them on one line.
    """

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        # each message is a sentence: joined as one ("…empty; meaning: …"), not "…empty.; meaning: …"
        super().__init__("; ".join(f"{field}: {msg.rstrip('.') if i < len(self.errors) - 1 else msg}"
                                   for i, (field, msg) in enumerate(self.errors.items())))


class RuleViolated(DomainError):
    """A command is well-formed but not allowed in the aggregate's current state."""


class NotFound(DomainError):
    """The command names something that does not exist (or no longer does)."""
