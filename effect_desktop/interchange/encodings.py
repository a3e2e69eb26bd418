"""Telling a word list's text encoding from its bytes.

Spreadsheets save CSV as UTF-8 (with or without a byte-order mark), as
UTF-16 ("Unicode text" in Excel), in Japan as Shift_JIS/CP932, and in Western
Europe as Windows-1252 (plain "CSV"), in Russia, Ukraine or Bulgaria as
Windows-1251 and in Central Europe as Windows-1250. Byte-order marks decide
first; UTF-16 without one shows itself by NUL bytes in every other position;
strict UTF-8 is tried next because random bytes almost never pass it; then
CP932, only when what it decodes reads as Japanese, Windows-1252, only when it
reads as Latin words (text_plausibility.py: a French list read as Shift_JIS
came in as "gar輟n" without a word said), Windows-1251 when it reads as
Cyrillic words, and Windows-1250 when it reads as Latin words where
Windows-1252 did not ("może" is "mo¿e" there). A file that reads as none of
them is refused with a message saying how to save it or which encoding to
choose. A Czech list can read as Latin words in Windows-1252 too ("pøíštì"):
the preview shows the words, and the encoding can be chosen.
"""

from __future__ import annotations

import codecs
import io

from .errors import InterchangeError
from .text_plausibility import may_be_japanese, reads_as_cyrillic, reads_as_japanese, reads_as_western

ENCODING_LABELS = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16", "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE", "cp932": "Shift_JIS (CP932)", "cp1252": "Windows-1252",
    "cp1250": "Windows-1250", "cp1251": "Windows-1251",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SAMPLE = 64 * 1024
_JUDGED = 256 * 1024  # characters enough to judge a language by (a 10 MB file took seconds character by character)


def _detect(data: bytes) -> tuple[str, str | None]:
    """The codec name, and the decoded text when telling it meant decoding all of it (UTF-8)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, None
    sample = data[:_SAMPLE]
    if sample.count(0) > len(sample) // 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        return ("utf-16-be" if even_nuls > odd_nuls else "utf-16-le"), None
    if 0 in sample:
        raise InterchangeError("This file contains binary data, not text; export the list from your "
                               "spreadsheet as CSV or tab-separated text.")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    japanese, western = _decoded(data, "cp932"), _decoded(data, "cp1252")
    if japanese is not None and reads_as_japanese(japanese[:_JUDGED]):
        return "cp932", japanese
    if western is not None and reads_as_western(western[:_JUDGED]):
        return "cp1252", western
    cyrillic = _decoded(data, "cp1251")
    if cyrillic is not None and reads_as_cyrillic(cyrillic[:_JUDGED]):
        return "cp1251", cyrillic
    central = _decoded(data, "cp1250")
    if central is not None and reads_as_western(central[:_JUDGED]):
        return "cp1250", central
    if japanese is not None and may_be_japanese(japanese[:_JUDGED]):
        return "cp932", japanese
    raise InterchangeError(UNRECOGNISED)


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


UNRECOGNISED = ("The file's text encoding could not be recognised (it is not UTF-8, UTF-16, Shift_JIS, "
                "Windows-1252, -1251 or -1250); save it from your spreadsheet as \"CSV UTF-8\", or name its "
                "encoding (--encoding cp1252 for Western European Windows, cp932 for Shift_JIS; any of Python's "
                "codecs: cp1253 Greek, cp1254 Turkish, gb18030 Chinese, cp949 Korean…).")


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used); with `encoding` given, decoding errors name the line at fault."""
    chosen, text = (encoding, None) if encoding else _detect(data)
    if text is not None:  # decoded while telling the encoding
        return text.lstrip("\ufeff"), chosen
    unknown = InterchangeError(f"Unknown text encoding {chosen!r}; use utf-8, utf-16, cp932, cp1252, or "
                               "another of Python's codecs (cp1251, cp1250, gb18030…).")
    try:  # bytes.decode takes text encodings only: rot13, base64, hex or zlib are not one (a LookupError)
        if not getattr(codecs.lookup(chosen), "_is_text_encoding", True):
            raise unknown
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        raise unknown from None
    label = ENCODING_LABELS.get(chosen, chosen)
    try:
        text = data.decode(chosen)
    except LookupError:  # not a text encoding after all (the check above reads a private attribute)
        raise unknown from None
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise InterchangeError(f"Line {line} is not valid {label} text; "
                               "choose another encoding or save the file as \"CSV UTF-8\".") from None
    except UnicodeError:  # a codec that names no position (idna's labels, "undefined")
        raise InterchangeError(f"The file is not valid {label} text; "
                               "choose another encoding or save the file as \"CSV UTF-8\".") from None
    return text.lstrip("\ufeff"), chosen


def file_lines(text: str, keepends: bool = False) -> list[str]:
    """The file's lines, split where a file's lines end: at \\r\\n, \\n or \\r only. `str.splitlines` splits
    at U+2028, U+2029, U+0085 and the form and group separators too, which a cell may hold: a word
    holding a line separator came back from its own CSV export cut in two, and the line numbers after
    it were off by one."""
    lines = io.StringIO(text, newline="").readlines()
    return lines if keepends else [line.rstrip("\r\n") for line in lines]
