"""Spreadsheet workbooks offered as a word list: told by their signature and refused with what to do.

An Excel .xlsx (a zip holding [Content_Types].xml and xl/) was refused as "a zip archive … an Anki deck
is imported as an Anki package", and an .xls (an OLE2 compound file, D0 CF 11 E0) was read as UTF-16 text:
one row of boxes and "No column is mapped to the meaning". Workbooks are not read; the sheet saved as
"CSV UTF-8" is.
"""

from __future__ import annotations

import io
import zipfile

from .errors import InterchangeError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
WORKBOOK_GIVEN = ("This file is a spreadsheet workbook (Excel or LibreOffice), which is not read as a word list; "
                  "open it in the spreadsheet and save the sheet as \"CSV UTF-8\", then import that file.")
_OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")  # Excel 97–2003 (.xls), inside a compound file
_OPEN_DOCUMENT = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"  # the first entry of an .ods


def refuse_a_workbook(data: bytes) -> None:
    if data.startswith(_OLE2) or _is_a_workbook_zip(data):
        raise InterchangeError(WORKBOOK_GIVEN)


def _is_a_workbook_zip(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    if data[30:30 + len(_OPEN_DOCUMENT)] == _OPEN_DOCUMENT:
        return True
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False
    return "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names)
