"""A sync failure as the learner reads it, in the interface's language.

The sync module's messages are English sentences that name the exact cause
(the server's own words, a host name, a version); they are also what the CLI
prints. In another language the learner first gets a translated headline that
says what happened and what to do, with the precise English detail after it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...sync.errors import (
    AccountConflict,
    AuthenticationFailed,
    BadServerURL,
    CredentialsUnavailable,
    DatabaseMissing,
    SchemaMismatch,
    ServerBusy,
    ServerNotPrepared,
    ServerRefused,
    ServerSilent,
    ServerUnreachable,
    SyncError,
    SyncInterrupted,
    SyncStopped,
    TLSFailure,
)
from ..core_messages import localise


def _headline(error: SyncError, in_settings: bool) -> str:  # noqa: PLR0911  (one sentence per kind of failure)
    translate = QCoreApplication.translate
    if isinstance(error, ServerSilent):  # in English the error says it: the port, or a stuck server
        return translate("SyncErrors", "Something at the server's address took the connection but did not answer "
                                       "as a PostgreSQL server: check the port in the server URL (PostgreSQL's is "
                                       "usually 5432); if it is right, the server is not answering, try again "
                                       "later. Your changes are kept.")
    if isinstance(error, ServerUnreachable):
        return translate("SyncErrors", "The sync server cannot be reached. Your changes are kept and go at the "
                                       "next sync.")
    if isinstance(error, AuthenticationFailed) and in_settings:  # "check them in Sync settings", said there
        return translate("SyncErrors", "The server refused the user name or password; correct them above "
                                       "and try again.")
    if isinstance(error, AuthenticationFailed):
        return translate("SyncErrors", "The server refused the user name or password; check them in Sync settings.")
    if isinstance(error, TLSFailure):  # the advice too: the detail is libpq's bare words
        return translate("SyncErrors", "No encrypted connection to the server could be made. Check that the "
                                       "server has TLS enabled, or ask its administrator; without TLS your "
                                       "password would travel in the clear.")
    if isinstance(error, ServerNotPrepared):
        return translate("SyncErrors", "The server is not prepared for Effect Desktop sync yet; its administrator "
                                       "prepares it with “server init”.")
    if isinstance(error, SchemaMismatch):
        return translate("SyncErrors", "The server and this version of Effect Desktop do not fit together; "
                                       "nothing was lost.")
    if isinstance(error, AccountConflict):
        return translate("SyncErrors", "This profile belongs to another account on the server.")
    if isinstance(error, SyncStopped):
        return translate("SyncErrors", "The sync stopped as the app closed; what arrived is kept, and the next "
                                       "sync goes on from there.")
    if isinstance(error, ServerBusy):
        return translate("SyncErrors", "The server kept the sync waiting too long (another computer of this account "
                                       "may be sending many changes); nothing was lost. Sync again later.")
    if isinstance(error, SyncInterrupted):
        return translate("SyncErrors", "The connection dropped during the sync; what arrived is kept. Sync again.")
    if isinstance(error, DatabaseMissing):  # which part of the address to check, not only that it is wrong
        return translate("SyncErrors", "The server has no database of that name; check the database name at "
                                       "the end of the server URL (your administrator gave it with your account).")
    if isinstance(error, BadServerURL):
        return translate("SyncErrors", "The server address cannot be used as entered.")
    if isinstance(error, CredentialsUnavailable):
        return translate("SyncErrors", "No password is stored for this server; enter it in Sync settings.")
    if isinstance(error, ServerRefused):
        return translate("SyncErrors", "The server refused the request.")
    return translate("SyncErrors", "The sync failed; your changes are kept.")


_TEMPLATE = "{0} (Details: {1})"


def describe(error: SyncError, *, in_settings: bool = False) -> str:
    """The translated headline with the English detail after it; in English the message alone,
    which mostly says it all. The detail is the error's bare fact (the server and its words) where
    it has one: the whole message repeated the headline's advice, and the command line's.
    `in_settings`: shown in the Sync settings dialog, whose fields the advice then points to."""
    message = str(error).strip()
    localised = localise(message)
    if localised != message:  # a sentence the interface knows whole ("a sync is already running")
        return localised
    template = QCoreApplication.translate("SyncErrors", "{0} (Details: {1})")
    if template == _TEMPLATE and not isinstance(error, CredentialsUnavailable | AuthenticationFailed):
        return message  # no translation installed: the message says it all
    # in English too when the message's advice is the command line's ("pass the URL with its
    # password", "run `effect-desktop sync --url`"): the window's way comes first
    return template.format(_headline(error, in_settings), (error.detail or message).strip())
