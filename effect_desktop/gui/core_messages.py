"""The core's messages in the interface language.

The core (domain, application) writes its validation and rule messages in
English, for the CLI and the log, and stays free of Qt. Here the GUI
recognises the messages it knows and shows their translation, numbers kept;
a message it does not know is shown as the core wrote it. A test
(tests/gui/test_core_messages.py) finds the words of every pattern here among
the core's own strings, so a reworded core message is noticed rather than
left in English; other tests feed real messages through here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from .. import os_reasons
from ..bootstrap import InvalidProfileName, describe_character


def _tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("CoreMessages", text, disambiguation)


def _field_name(name: str) -> str:
    """An import field as the import's messages name it (text, meaning), in the interface language."""
    return {"text": _tr("the word"), "meaning": _tr("the meaning")}.get(name, name)


def _delimiter(name: str) -> str:
    """The delimiter a bad row's message names, as the CLI says it ("a comma"), in the interface language;
    the dialog said "the delimiter" where the same rows after Import said "a comma"."""
    return {"comma": _tr("a comma"), "tab": _tr("a tab"), "semicolon": _tr("a semicolon"),
            "bar": _tr("a bar")}.get(name, _tr("a {0}", "a delimiter shown as typed").format(name))


def _quizlet() -> str:
    return _tr("export it again with Tab between the word and its meaning and a new line between cards (in Quizlet: "
               "\"Between term and definition: Tab\", \"Between rows: New line\")")


def _detail(text: str) -> str:
    """A damage's detail in the interface language: ours, and SQLite's usual words for a damaged file
    (they stayed in English in the Japanese interface); any other of SQLite's words as written."""
    known = {
        "the file is empty": _tr("the file is empty"),
        "database disk image is malformed": _tr("the database file's contents are damaged"),
        "file is not a database": _tr("the file is not a database"),
        "disk I/O error": _tr("the disk could not be read or written"),
        "unable to open database file": _tr("the database file could not be opened"),
        "database or disk is full": _tr("no space is left"),
    }
    if "page" in text and ("***" in text or " cell " in text):  # SQLite's integrity report, for the log
        return _tr("some of its pages are damaged")
    return known.get(text, text)


def os_reason(text: str) -> str:
    """The system's refusal of a write, as os_reasons words it, in the interface language."""
    return {
        os_reasons.NO_SPACE: _tr("the disk is full"),
        os_reasons.NO_PERMISSION: _tr("permission denied"),
        os_reasons.READ_ONLY: _tr("the disk is read-only"),
    }.get(text, text)


def what_to_do(text: str) -> str:
    """os_reasons' advice (and the backups folder's), in the interface language."""
    return {
        os_reasons.FREE_SPACE: _tr("Free some space on the disk, then try again."),
        os_reasons.GIVE_PERMISSION: _tr("Give your user account permission to write to that folder."),
        os_reasons.MAKE_WRITABLE: _tr("Make the disk writable (it is mounted read-only, or locked)."),
        os_reasons.CHECK_BOTH: _tr("Check the free disk space and the folder's permissions."),
        os_reasons.FREE_SPACE_OR_ELSEWHERE: _tr("Free some space on the disk, or choose another folder."),
        os_reasons.ELSEWHERE: _tr("Choose another folder, or give your user account permission to write to that one."),
        os_reasons.ELSEWHERE_WRITABLE: _tr("Choose a folder on another disk: this one is read-only."),
        os_reasons.CHOOSE_ANOTHER: _tr("Choose another folder."),
        "Check its permissions, or move away a file of that name.":
            _tr("Check its permissions, or move away a file of that name."),
    }.get(text, text)


def profile_name_refused(error: InvalidProfileName) -> str:
    """bootstrap.profile_path's refusal, from its parts: the name exactly as typed."""
    if error.device:
        return _tr("The profile name “{0}” cannot be used: Windows keeps that name for a device (CON, PRN, AUX, "
                   "NUL, COM1 to COM9, LPT1 to LPT9); choose another.").format(error.name)
    if error.length is not None:
        return _tr("The profile name “{0}…” has {1} characters; use at most 64.").format(error.name[:20], error.length)
    if error.character is None:
        return _tr("The profile name is empty: use letters, digits, spaces, - and _.")
    character = error.character
    if character == "\u3000":
        shown = _tr("a full-width space")
    elif character.isprintable() and not character.isspace():
        shown = _tr("“{0}”", "a refused character").format(character)
    else:
        shown = describe_character(character)
    return _tr("The profile name “{0}” cannot be used: {1} is not allowed; use letters, digits, spaces, "
               "- and _.").format(error.name, shown)


# (pattern of the core's English message, its translation given the match). Literal _tr()
# calls, so lupdate finds them.
_KNOWN: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"Word must not be empty\."), lambda m: _tr("Word must not be empty.")),
    (re.compile(r"Meaning must not be empty\."), lambda m: _tr("Meaning must not be empty.")),
    (re.compile(r"Word is (\d+) characters; at most (\d+) are allowed\."),
     lambda m: _tr("Word is {0} characters; at most {1} are allowed.").format(m[1], m[2])),
    (re.compile(r"Meaning is (\d+) characters; at most (\d+) are allowed\."),
     lambda m: _tr("Meaning is {0} characters; at most {1} are allowed.").format(m[1], m[2])),
    (re.compile(r"Category is too long; at most (\d+) characters\."),
     lambda m: _tr("Category is too long; at most {0} characters.").format(m[1])),
    (re.compile(r"Tags must be text: a list of tags or one comma-separated line\."),
     lambda m: _tr("Tags must be text: a list of tags or one comma-separated line.")),
    (re.compile(r"(\d+) tags; at most (\d+) are allowed\."),
     lambda m: _tr("{0} tags; at most {1} are allowed.").format(m[1], m[2])),
    (re.compile(r"The tag “(.*)” is too long: (\d+) characters, at most (\d+)\.", re.S),
     lambda m: _tr("The tag “{0}” is too long: {1} characters, at most {2}.").format(m[1], m[2], m[3])),
    (re.compile(r"Word contains a control character \(U\+(\w+)\), which no screen shows; remove it\."),
     lambda m: _tr("Word contains a control character (U+{0}), which no screen shows; remove it.").format(m[1])),
    (re.compile(r"Meaning contains a control character \(U\+(\w+)\), which no screen shows; remove it\."),
     lambda m: _tr("Meaning contains a control character (U+{0}), which no screen shows; remove it.").format(m[1])),
    (re.compile(r"Category contains a control character \(U\+(\w+)\), which no screen shows; remove it\."),
     lambda m: _tr("Category contains a control character (U+{0}), which no screen shows; remove it.").format(m[1])),
    (re.compile(r"A tag contains a control character \(U\+(\w+)\), which no screen shows; remove it\."),
     lambda m: _tr("A tag contains a control character (U+{0}), which no screen shows; remove it.").format(m[1])),
    (re.compile(r"Difficulty must be a whole number from 1 to 5, not “(.+)”\.", re.S),
     lambda m: _tr("Difficulty must be a whole number from 1 to 5, not “{0}”.").format(m[1])),
    (re.compile(r"Difficulty must be a whole number from 1 to 5\."),
     lambda m: _tr("Difficulty must be a whole number from 1 to 5.")),
    (re.compile(r"This field cannot be edited\."), lambda m: _tr("This field cannot be edited.")),
    (re.compile(r"A session needs at least one word\."), lambda m: _tr("A session needs at least one word.")),
    (re.compile(r"A session holds at most (\d+) words\."),
     lambda m: _tr("A session holds at most {0} words.").format(m[1])),
    (re.compile(r"Response time must be between 0 ms and one hour\."),
     lambda m: _tr("Response time must be between 0 ms and one hour.")),
    (re.compile(r"'Again' means a wrong answer; the other grades mean a right one\."),
     lambda m: _tr("'Again' means a wrong answer; the other grades mean a right one.")),
    (re.compile(r"This word has been deleted; restore it before changing it\."),
     lambda m: _tr("This word has been deleted; restore it before changing it.")),
    (re.compile(r"This word is already deleted\."), lambda m: _tr("This word is already deleted.")),
    (re.compile(r"This word is not deleted, so there is nothing to restore\."),
     lambda m: _tr("This word is not deleted, so there is nothing to restore.")),
    # the Study page leaves the card out once refused (page._answered), so the CLI's remedy is not named here
    (re.compile(r"The word \S+ is deleted; restore it first \(`words restore \S+`, or Restore on the Words "
                r"page\), then answer it\."),
     lambda m: _tr("This word was deleted meanwhile, so its answer was not kept and its card is left out; "
                   "restore it on the Words page to study it again.")),
    (re.compile(r"This word is not part of the session\."),
     lambda m: _tr("This word is not part of the session.")),
    (re.compile(r"That answer is not in this session \(or was already undone\)\."),
     lambda m: _tr("That answer is not in this session (or was already undone).")),
    (re.compile(r"This session was never started\."), lambda m: _tr("This session was never started.")),
    (re.compile(r"This session is already completed; start a new one\."),
     lambda m: _tr("This session is already completed; start a new one.")),
    (re.compile(r"There is no word(?: with id)? (\S+)\."),
     lambda m: _tr("There is no word {0}; it may have been removed meanwhile.").format(m[1])),
    (re.compile(r"There is no session with id (\S+)\."),
     lambda m: _tr("There is no session {0}.").format(m[1])),
    (re.compile(r"([\d,]+) columns?; the mapping needs (\d+)"),
     lambda m: QCoreApplication.translate("CoreMessages", "%Ln column(s); the mapping needs {0}", None,
                                          int(m[1].replace(",", ""))).format(m[2])),
    (re.compile(r"1 column; the mapping needs (\d+); it looks like the rest of line (\d+)'s meaning, .*", re.S),
     lambda m: _tr("1 column; the mapping needs {0}; it looks like the rest of line {1}'s meaning, broken onto a "
                   "line of its own: join it to line {1} (or put that meaning in quotes)").format(m[1], m[2])),
    (re.compile(r"No column separator was found: every line of the file is a single column \(“(.*)”\)\. .*", re.S),
     lambda m: _tr("No column separator was found: every line of the file is a single column (“{0}”), the "
                   "file's separator being none of those offered; {1}.").format(m[1], _quizlet())),
    (re.compile(r"The whole file is one line: the cards run on without a line break between them \(“(.*)”\)\. .*",
                re.S),
     lambda m: _tr("The whole file is one line: the cards run on without a line break between them (“{0}”). Save "
                   "it with each word on a line of its own, or {1}.").format(m[1], _quizlet())),
    (re.compile(r"([\d,]+) cells? where the header names (\d+), so (.+) would be left out; put quotes around a "
                r"cell that holds a (\w+|'.'), or map the extra column", re.S),
     lambda m: _tr("{0} cells where the header names {1}, so {2} would be left out; put quotes around a cell "
                   "that holds {3}, or map the extra column").format(m[1], m[2], m[3], _delimiter(m[4]))),
    (re.compile(r"([\d,]+) cells? where most rows have (\d+), so (.+) would be left out; put quotes around a "
                r"cell that holds a (\w+|'.'), or map the extra column", re.S),
     lambda m: _tr("{0} cells where most rows have {1}, so {2} would be left out; put quotes around a cell "
                   "that holds {3}, or map the extra column").format(m[1], m[2], m[3], _delimiter(m[4]))),
    (re.compile(r"the word “(.*)” is HTML markup alone, with no text to import", re.S),
     lambda m: _tr("the word “{0}” is HTML markup alone, with no text to import").format(m[1])),
    (re.compile(r"the meaning “(.*)” is HTML markup alone, with no text to import", re.S),
     lambda m: _tr("the meaning “{0}” is HTML markup alone, with no text to import").format(m[1])),
    # An import's file-level refusals (interchange/), shown by the import dialog.
    (re.compile(r"This file contains binary data, not text; export the list from your spreadsheet as CSV or "
                r"tab-separated text\."),
     lambda m: _tr("This file contains binary data, not text; export the list from your spreadsheet as CSV or "
                   "tab-separated text.")),
    (re.compile(r"This file is a zip archive, not a word list; an Anki deck is imported as an Anki package "
                r"\(a file ending in \.apkg, or --format apkg\)\."),
     lambda m: _tr("This file is a zip archive, not a word list; an Anki deck is imported as an Anki package "
                   "(a file ending in .apkg).")),
    (re.compile(r"This file is a spreadsheet workbook \(Excel or LibreOffice\), which is not read as a word list; .*",
                re.S),
     lambda m: _tr("This file is a spreadsheet workbook (Excel or LibreOffice), which is not read as a word list; "
                   "open it in the spreadsheet and save the sheet as \"CSV UTF-8\", then import that file.")),
    (re.compile(r"This file is an Effect Desktop history \(a JSONL export\), not a word list\. .*", re.S),
     lambda m: _tr("This file is an Effect Desktop history (a JSONL export), not a word list. A whole history is "
                   "brought back with File → Backups… → From a history export….")),
    (re.compile(r"This file is a database, not a word list; export the words from that program as CSV\."),
     lambda m: _tr("This file is a database, not a word list; export the words from that program as CSV.")),
    (re.compile(r"The file's text encoding could not be recognised .*", re.S),
     lambda m: _tr("The file's text encoding could not be recognised (it is not UTF-8, UTF-16, Shift_JIS, "
                   "Windows-1252, -1251 or -1250); save it from your spreadsheet as \"CSV UTF-8\", or choose it "
                   "under Encoding (the list names the languages each is for).")),
    (re.compile(r"Line (\d+) is not valid (.+) text; choose another encoding or save the file as \"CSV UTF-8\"\."),
     lambda m: _tr("Line {0} is not valid {1} text; save the file as \"CSV UTF-8\".").format(m[1], m[2])),
    (re.compile(r"(.+) is (\d+) MB; a word list of at most (\d+) MB can be imported\.", re.S),
     lambda m: _tr("{0} is {1} MB; a word list of at most {2} MB can be imported.").format(m[1], m[2], m[3])),
    (re.compile(r"The file is empty: there are no words to import\."),
     lambda m: _tr("The file is empty: there are no words to import.")),
    (re.compile(r"The file has only its header row: there are no words to import\."),
     lambda m: _tr("The file has only its header row: there are no words to import.")),
    (re.compile(r"No row of the file can be imported: (line|note) (\d+): (.+?)"
                r"(?: \(and (\d+) other lines? that cannot be read\))?\.", re.S),
     lambda m: (QCoreApplication.translate(
         "CoreMessages", "No row of the file can be imported: line {0}: {1} (and %Ln other line(s) that cannot be "
         "read).", None, int(m[4])) if m[4] else _tr("No row of the file can be imported: line {0}: {1}."))
     .format(m[2], localise(m[3]))),
    (re.compile(r"a quote \(\"\) opens a cell here that is never closed, so the rest of the line was read as that "
                r"one cell; close the quote or remove it"),
     lambda m: _tr("a quote (\") opens a cell here that is never closed, so the rest of the line was read as that "
                   "one cell; close the quote or remove it")),
    (re.compile(r"a quote \(\"\) opens a cell here that is never closed, so the ([\d,]+) lines? after it (?:was|"
                r"were) read into that one cell; close the quote or remove it"),
     lambda m: QCoreApplication.translate(
         "CoreMessages", "a quote (\") opens a cell here that is never closed, so the %Ln line(s) after it were "
         "read into that one cell; close the quote or remove it", None, int(m[1].replace(",", "")))),
    (re.compile(r"a quote \(\"\) opens a cell here that runs on to line (\d+), taking in ([\d,]+) lines? that look "
                r"like rows of their own; a quote is missing or one too many"),
     lambda m: QCoreApplication.translate(
         "CoreMessages", "a quote (\") opens a cell here that runs on to line {0}, taking in %Ln line(s) that look "
         "like rows of their own; a quote is missing or one too many", None, int(m[2].replace(",", ""))).format(m[1])),
    (re.compile(r"the line could not be split into columns \((.+)\)", re.S),
     lambda m: _tr("the line could not be split into columns ({0})").format(m[1])),
    (re.compile(r"a cell is longer than ([\d,]+) characters"),
     lambda m: _tr("a cell is longer than {0} characters").format(m[1])),
    (re.compile(r"This event log was saved as UTF-16 \(\"Unicode\"\); save it as UTF-8 and import it again\."),
     lambda m: _tr("This event log was saved as UTF-16 (\"Unicode\"); save it as UTF-8 and import it again.")),
    (re.compile(r"No readable rows were found in the file\."),
     lambda m: _tr("No readable rows were found in the file.")),
    (re.compile(r"(.+) holds no Anki collection; is it an Anki deck package\?", re.S),
     lambda m: _tr("{0} holds no Anki collection; is it an Anki deck package?").format(m[1])),
    (re.compile(r"(.+) is damaged: (.+)\. No backup was made\. Close the app and open it again to restore the latest "
                r"backup(?: \((.+)\))?, or restore it with `(.+)`\.", re.S),
     lambda m: _tr("{0} is damaged: {1}. No backup was made. Close the app and open it again to restore the latest "
                   "backup.").format(m[1], m[2])),
    (re.compile(r"Compacting needs about ([\d,]+) MB free on the disk holding (.+) \(for the snapshots and each "
                r"segment on its way into the archive\); it has ([\d,]+) MB\. Nothing was changed\. Free some space "
                r"and try again\.", re.S),
     lambda m: _tr("Compacting needs about {0} MB free on the disk holding {1}; it has {2} MB. Nothing was changed. "
                   "Free some space and try again.").format(m[1], m[2], m[3])),
    (re.compile(r"The disk holding (.+) filled while compacting \((.+?)\)\. What was archived before stays and "
                r"reads as before; nothing is lost\. Free some space: the next compaction goes on from there\.", re.S),
     lambda m: _tr("The disk holding {0} filled while compacting ({1}). What was archived before stays and reads as "
                   "before; nothing is lost. Free some space: the next compaction goes on from there.").format(
                       m[1], os_reason(m[2]))),
    (re.compile(r"The profile (.+) is damaged \(SQLite: (.+?)\); what was saved before stays, and nothing more "
                r"was written\. Close Effect Desktop and open it again: .*", re.S),
     lambda m: _tr("The profile {0} is damaged ({1}); what was saved before stays, and nothing more was written. "
                   "Close Effect Desktop and open it again: it checks the file and offers to restore the latest "
                   "backup, taking back what was done since.").format(m[1], m[2])),
    (re.compile(r"(.+) is not a complete Anki package \(the zip file is damaged or cut short: .*\); download "
                r"or export it again\.", re.S),
     lambda m: _tr("{0} is not a complete Anki package (the zip file is damaged or cut short); download or "
                   "export it again.").format(m[1])),
    (re.compile(r"The collection inside (.+) is damaged or not an Anki collection \(.*\); export the deck "
                r"from Anki again\.", re.S),
     lambda m: _tr("The collection inside {0} is damaged or not an Anki collection; export the deck from Anki "
                   "again.").format(m[1])),
    (re.compile(r"The compressed collection in (.+) is damaged \(.*\); export the deck from Anki again\.", re.S),
     lambda m: _tr("The collection inside {0} is damaged or not an Anki collection; export the deck from Anki "
                   "again.").format(m[1])),
    (re.compile(r"(.+) holds a collection larger than (\d+) GB, more than a deck of words can be; it was not "
                r"imported \(is it an Anki deck package\?\)\.", re.S),
     lambda m: _tr("{0} holds a collection larger than {1} GB, more than a deck of words can be; it was not "
                   "imported (is it an Anki deck package?).").format(m[1], m[2])),
    (re.compile(r"No column is mapped to (.+); the file needs a column for the word and one for its meaning .*",
                re.S),
     lambda m: _tr("No column is mapped to {0}; choose a column for the word and one for its meaning.").format(
         _tr(" and ").join(_field_name(name) for name in m[1].split(" and ")))),
    (re.compile(r"Columns (\d+) and (\d+) are both mapped to (\w+); only tags can take several columns\. Map one "
                r"of them to another field or ignore it\."),
     lambda m: _tr("Columns {0} and {1} are both mapped to {2}; only tags can take several columns. Map one of "
                   "them to another field or ignore it.").format(
         m[1], m[2], {"text": _tr("the word"), "meaning": _tr("the meaning"), "category": _tr("the category"),
                      "difficulty": _tr("the difficulty")}.get(m[3], m[3]))),
    # Why an Anki note cannot become a word (apkg_import._unusable, csv_import._left_out_note), in the dialog's
    # list of notes.
    (re.compile(r"its note type is missing from the package \(unknown note type\)"),
     lambda m: _tr("its note type is missing from the package (unknown note type)")),
    (re.compile(r"cloze notes \((.+)\) have no separate word and meaning", re.S),
     lambda m: _tr("cloze notes ({0}) have no separate word and meaning").format(m[1])),
    (re.compile(r"cloze notes have no separate word and meaning"),
     lambda m: _tr("cloze notes have no separate word and meaning")),
    (re.compile(r"note type (.+) has one field; a word needs a front and a back", re.S),
     lambda m: _tr("note type {0} has one field; a word needs a front and a back").format(m[1])),
    (re.compile(r"suspended in Anki \(unsuspend it there and import the deck again to bring it\)"),
     lambda m: _tr("suspended in Anki (unsuspend it there and import the deck again to bring it)")),
    (re.compile(r"the front holds only pictures or sounds, which cannot be imported"),
     lambda m: _tr("the front holds only pictures or sounds, which cannot be imported")),
    (re.compile(r"the back holds only pictures or sounds, which cannot be imported"),
     lambda m: _tr("the back holds only pictures or sounds, which cannot be imported")),
    (re.compile(r"(.+) is this profile's own file, not a word list or an export; choose the file to import\.",
                re.S),
     lambda m: _tr("{0} is this profile's own file, not a word list or an export; choose the file to import.")
     .format(m[1])),
    (re.compile(r"(.+) could not be read: (.+)\.", re.S),
     lambda m: _tr("{0} could not be read: {1}.").format(m[1], m[2])),
    # The store's (profile and data folder) messages, shown at start-up or when a write fails.
    (re.compile(r"The data folder (.+) is a file, not a folder; choose another data folder with "
                r"--data-dir or EFFECT_DATA_DIR\.", re.S),
     lambda m: _tr("The data folder {0} is a file, not a folder; choose another data folder with "
                   "--data-dir or EFFECT_DATA_DIR.").format(m[1])),
    (re.compile(r"The data folder (.+) cannot be created \((.+)\); choose another data folder with "
                r"--data-dir or EFFECT_DATA_DIR\.", re.S),
     lambda m: _tr("The data folder {0} cannot be created ({1}); choose another data folder with "
                   "--data-dir or EFFECT_DATA_DIR.").format(m[1], m[2])),
    (re.compile(r"The data folder (.+) is a link to (.+), which does not exist \(a disk not connected\?\); "
                r"connect it, or choose another data folder with --data-dir or EFFECT_DATA_DIR\.", re.S),
     lambda m: _tr("The data folder {0} is a link to {1}, which does not exist (a disk not connected?); connect "
                   "it, or choose another data folder with --data-dir or EFFECT_DATA_DIR.").format(m[1], m[2])),
    # the window's way to another folder: no --data-dir for a learner who double-clicks the app
    (re.compile(r"The data folder (.+) is on a disk that is read-only \(mounted so, or locked\); make the disk "
                r"writable, or copy the profile to a folder you can write and choose that one with --data-dir "
                r"or EFFECT_DATA_DIR\.", re.S),
     lambda m: _tr("The data folder {0} is on a disk that is read-only (mounted so, or locked). Make the disk "
                   "writable, or copy the profile to a folder you can write and start Effect Desktop with the "
                   "environment variable EFFECT_DATA_DIR set to that folder.").format(m[1])),
    (re.compile(r"The data folder (.+) cannot be written \(no permission\); make it writable for your user "
                r"account, or copy the profile to a folder you can write and choose that one with --data-dir "
                r"or EFFECT_DATA_DIR\.", re.S),
     lambda m: _tr("The data folder {0} cannot be written (no permission). Make it writable for your user account "
                   "(in the folder's properties, or ask its owner), or copy the profile to a folder you can "
                   "write and start Effect Desktop with the environment variable EFFECT_DATA_DIR set to that "
                   "folder.").format(m[1])),
    (re.compile(r"(.+) is a folder, not a profile file; it was left untouched\. Move it away, or choose "
                r"another profile with --profile NAME\.", re.S),
     lambda m: _tr("{0} is a folder, not a profile file; it was left untouched. Move it away, or choose "
                   "another profile with --profile NAME.").format(m[1])),
    (re.compile(r"(.+) is not an Effect Desktop profile \(not an SQLite file\); it was left untouched\."
                r"(?: (?:To go on,|No backup of it exists;) .*)?", re.S),  # the window offers the backup itself
     lambda m: _tr("{0} is not an Effect Desktop profile (not an SQLite file); it was left untouched.")
     .format(m[1])),
    (re.compile(r"(.+) is an SQLite file of another program; it was left untouched\."
                r"(?: (?:To go on,|No backup of it exists;) .*)?", re.S),
     lambda m: _tr("{0} is an SQLite file of another program; it was left untouched.").format(m[1])),
    (re.compile(r"(.+) is damaged \((.+)\); it was left untouched\. To go on, restore the latest "
                r"backup, (.+), with `effect-desktop[^`]* backup restore`\.", re.S),
     lambda m: _tr("{0} is damaged ({1}); it was left untouched. The latest backup is {2}.")
     .format(m[1], _detail(m[2]), m[3])),
    (re.compile(r"(.+) is damaged \((.+)\); it was left untouched\. No backup of it exists; to go on, "
                r"`effect-desktop[^`]* backup recover` makes a new profile of what it still holds \(the damaged "
                r"file is kept among the backups\)\.", re.S),
     lambda m: _tr("{0} is damaged ({1}); it was left untouched. No backup of it exists.").format(
         m[1], _detail(m[2]))),
    (re.compile(r"(.+) cannot be read \((.+)\); it was left untouched\. Give your user account permission to "
                r"read and write it, or choose another data folder\.", re.S),
     lambda m: _tr("{0} cannot be read ({1}); it was left untouched. Give your user account permission to read "
                   "and write it, or choose another data folder.").format(m[1], m[2])),
    (re.compile(r"The disk holding (.+) is full: SQLite cannot make the small files it needs beside the "
                r"profile\. Free some space and try again; the profile was left untouched\.", re.S),
     lambda m: _tr("The disk holding {0} is full: SQLite cannot make the small files it needs beside the "
                   "profile. Free some space and try again; the profile was left untouched.").format(m[1])),
    (re.compile(r"(.+) could not be read \((.+)\); it was left untouched\. Check the disk, then try again\.",
                re.S),
     lambda m: _tr("{0} could not be read ({1}); it was left untouched. Check the disk, then try again.")
     .format(m[1], m[2])),
    (re.compile(r"Beside (.+) lies the write-ahead log of another profile \((.+)\), which SQLite would read as "
                r"this one's; both were left untouched\. Move (.+) out of the folder, then open the profile "
                r"again\.", re.S),
     lambda m: _tr("Beside {0} lies the write-ahead log of another profile ({1}), which SQLite would read as "
                   "this one's; both were left untouched. Move {1} out of the folder, then open the profile "
                   "again.").format(m[1], m[2])),
    (re.compile(r"A profile could not be created at (.+) \((.+)\)\. Its path is longer than SQLite allows "
                r"\((\d+) bytes\); choose a data folder with a shorter path\.", re.S),
     lambda m: _tr("A profile could not be created at {0} ({1}). Its path is longer than SQLite allows ({2} "
                   "bytes); choose a data folder with a shorter path.").format(m[1], m[2], m[3])),
    (re.compile(r"Nothing could be recovered from (.+) \((.+)\); it was left as it was\.", re.S),
     lambda m: _tr("Nothing could be recovered from {0} ({1}); it was left as it was.").format(m[1], m[2])),
    (re.compile(r"A profile could not be created at (.+) \((.+)\)\. Free some space on the disk and try again, "
                r"or choose another data folder\.", re.S),
     lambda m: _tr("A profile could not be created at {0} ({1}). Free some space on the disk and try again, or "
                   "choose another data folder.").format(m[1], m[2])),
    (re.compile(r"A profile could not be created at (.+) \((.+)\)\. Choose another data folder\.", re.S),
     lambda m: _tr("A profile could not be created at {0} ({1}). Choose another data folder.").format(m[1], m[2])),
    (re.compile(r"(.+) was made by a newer Effect Desktop \(its store format is (.+); this version reads format "
                r"(\d+)\)\. Update Effect Desktop to open it; nothing was changed\.", re.S),
     lambda m: _tr("{0} was made by a newer Effect Desktop (its store format is {1}; this version reads format "
                   "{2}). Update Effect Desktop to open it; nothing was changed.").format(m[1], m[2], m[3])),
    (re.compile(r"The profile (.+) cannot be written \(it is read-only\); nothing was written\. Check the "
                r"file's permissions, or choose a data folder you can write\.", re.S),
     lambda m: _tr("The profile {0} cannot be written (it is read-only); nothing was written. Check the "
                   "file's permissions, or choose a data folder you can write.").format(m[1])),
    (re.compile(r"The disk holding (.+), or the computer's temporary folder, is full or failing \((.+)\); "
                r"nothing was written\. Free some space and try again\.", re.S),
     lambda m: _tr("The disk holding {0}, or the computer's temporary folder, is full or failing ({1}); "
                   "nothing was written. Free some space and try again.").format(m[1], _detail(m[2]))),
    (re.compile(r"The disk holding (.+), or the computer's temporary folder, is full or failing \((.+)\); "
                r"the sync stopped there, and what it sent and received before is kept\. Free some space and sync "
                r"again: it goes on from there\.", re.S),
     lambda m: _tr("The disk holding {0}, or the computer's temporary folder, is full or failing ({1}); the sync "
                   "stopped there, and what it sent and received before is kept. Free some space and sync again: "
                   "it goes on from there.").format(m[1], _detail(m[2]))),
    (re.compile(r"The backups folder (.+) cannot be written \((.+)\)\. (Check its permissions, or move away a file "
                r"of that name\.)", re.S),
     lambda m: _tr("The backups folder {0} cannot be written ({1}). {2}").format(m[1], os_reason(m[2]),
                                                                                 what_to_do(m[3]))),
    (re.compile(r"The backup of (.+) could not be written to (.+) \(([^()]+)\)\. (.+)", re.S),
     lambda m: _tr("The backup of {0} could not be written to {1} ({2}). {3}").format(
         m[1], m[2], os_reason(m[3]), what_to_do(m[4]))),
    (re.compile(r"Nothing was imported: the backup made before an import could not be written to (.+) "
                r"\(([^()]+)\)\. (.+)", re.S),
     lambda m: _tr("Nothing was imported: the backup made before an import could not be written to {0} ({1}). "
                   "{2}").format(m[1], os_reason(m[2]), what_to_do(m[3]))),
    (re.compile(r"The backup was not restored: it could not be copied into (.+) \(([^()]+)\), and the profile "
                r"was left as it was\. (.+)", re.S),
     lambda m: _tr("The backup was not restored: it could not be copied into {0} ({1}), and the profile was left "
                   "as it was. {2}").format(m[1], os_reason(m[2]), what_to_do(m[3]))),
    (re.compile(r"The backup was not restored: the current state could not be backed up first to (.+) "
                r"\(([^()]+)\), and the profile was left as it was\. (.+)", re.S),
     lambda m: _tr("The backup was not restored: the current state could not be backed up first to {0} ({1}), "
                   "and the profile was left as it was. {2}").format(m[1], os_reason(m[2]), what_to_do(m[3]))),
    (re.compile(r"The backup could not be restored \(([^()]+)\); its state before is kept as (.+)\.", re.S),
     lambda m: _tr("The backup could not be restored ({0}); the profile's state before is kept as {1}.").format(
         os_reason(m[1]), m[2])),
    (re.compile(r"The backup could not be restored \(([^()]+)\)\.", re.S),
     lambda m: _tr("The backup could not be restored ({0}).").format(os_reason(m[1]))),
    (re.compile(r"The damaged profile could not be moved to (.+) \(([^()]+)\); nothing was changed\.", re.S),
     lambda m: _tr("The damaged profile could not be moved to {0} ({1}); nothing was changed.").format(
         m[1], os_reason(m[2]))),
    (re.compile(r"archive segment (\d+) is damaged \((.+)\); restore a backup", re.S),
     lambda m: _tr("archive segment {0} is damaged ({1}); restore a backup").format(m[1], _detail(m[2]))),
    (re.compile(r"Another program is using this profile \(an import, a sync or another command still running, or "
                r"an Effect Desktop window\); wait for it to finish, then restore\. The profile was left as it was\."),
     lambda m: _tr("Another program is using this profile (an import, a sync or another command still running, or "
                   "an Effect Desktop window); wait for it to finish, then restore. The profile was left as it "
                   "was.")),
    (re.compile(r"(.+) is a folder; give a file name for the export\.", re.S),
     lambda m: _tr("{0} is a folder; give a file name for the export.").format(m[1])),
    (re.compile(r"(.+) could not be written \(([^()]+)\)\. (.+)", re.S),
     lambda m: _tr("{0} could not be written ({1}). {2}").format(m[1], os_reason(m[2]), what_to_do(m[3]))),
    (re.compile(r"A sync of this profile is already running; wait for it to finish\."),
     lambda m: _tr("A sync of this profile is already running; wait for it to finish.")),
    (re.compile(r"Other devices kept changing the same words during the sync; run sync again in a moment\."),
     lambda m: _tr("Other devices kept changing the same words during the sync; run sync again in a moment.")),
    (re.compile(r"The profile is busy in another program \(another Effect Desktop window, a sync, or a command "
                r"such as an import or rebuild still running\); try again in a moment\."),
     lambda m: _tr("The profile is busy in another program (another Effect Desktop window, a sync, or a command "
                   "such as an import or rebuild still running); try again in a moment.")),
    (re.compile(r"The profile is busy in another program \(another Effect Desktop window, a sync, or a command "
                r"such as an import or rebuild still running\), so this was not saved\. Try it again in a moment\."),
     lambda m: _tr("The profile is busy in another program (another Effect Desktop window, a sync, or a command "
                   "such as an import or rebuild still running), so this was not saved. Try it again in a moment.")),
]


def localise(message: str) -> str:
    """The message in the interface language, or as written if it is not one we know."""
    text = message.strip()
    for pattern, translated in _KNOWN:
        match = pattern.fullmatch(text)
        if match:
            return translated(match)
    return message


def localise_fields(errors: dict[str, str]) -> dict[str, str]:
    """A ValidationFailed's field messages in the interface language."""
    return {field: localise(message) for field, message in errors.items()}
