"""CSV and TSV word lists: encodings, delimiters, mapping, bad rows, duplicates, one command."""

from __future__ import annotations

from pathlib import Path

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.interchange.csv_export import export_words_to
from effect_desktop.interchange.csv_import import guess_mapping, mapping_from_args, table_candidates
from effect_desktop.interchange.errors import InterchangeError
from effect_desktop.interchange.importer import apply_import, plan_import
from effect_desktop.interchange.word_table import read_word_table

from .conftest import word_rows

JAPANESE = "単語,意味,カテゴリ,タグ,難易度\n猫,cat,noun,\"animal,pet\",1\n走る,to run,verb,,3\n"


def import_file(profile: Profile, path: Path, on_duplicate: str = "skip", skip_bad_rows: bool = False,
                maps: list[str] | None = None):
    table = read_word_table(path)
    parsed = table_candidates(table, mapping_from_args(table, maps or []))
    return apply_import(profile.service, plan_import(profile.queries, parsed, on_duplicate),
                        skip_bad_rows=skip_bad_rows)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp932"])
def test_japanese_list_is_read_in_each_spreadsheet_encoding(profile: Profile, tmp_path: Path,
                                                             encoding: str) -> None:
    path = tmp_path / "words.csv"
    path.write_bytes(JAPANESE.encode(encoding))
    table = read_word_table(path)
    assert table.encoding in (encoding, "utf-16-le" if encoding == "utf-16-le" else encoding)
    report = import_file(profile, path)
    assert report.created == 2
    assert word_rows(profile) == [("猫", "cat", "noun", ["animal", "pet"], 1), ("走る", "to run", "verb", [], 3)]


@pytest.mark.parametrize("delimiter", ["\t", ";", "|"])
def test_delimiter_is_detected(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "words.txt"
    path.write_text(f"word{delimiter}meaning\napple{delimiter}りんご, 林檎\n", encoding="utf-8")
    table = read_word_table(path)
    assert table.delimiter == delimiter
    assert table.rows == [(2, ["apple", "りんご, 林檎"])]


def test_headerless_file_maps_columns_in_order_and_map_overrides(profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("りんご,apple,food\nみかん,orange,food\n", encoding="utf-8")
    table = read_word_table(path)
    assert not table.has_header
    assert guess_mapping(table) == {0: "text", 1: "meaning", 2: "category"}
    report = import_file(profile, path, maps=["1=meaning", "2=text", "3=tags"])
    assert report.created == 2
    assert word_rows(profile) == [("apple", "りんご", "", ["food"], 1), ("orange", "みかん", "", ["food"], 1)]


def test_a_headerless_difficulty_column_with_a_typo_is_still_the_difficulty(profile: Profile,
                                                                          tmp_path: Path) -> None:
    """One "hard" or 6 among the difficulties dropped the whole column without a word: every word of the
    sheet came in at difficulty 1. Now the column is the difficulty and the typos are bad rows; a number
    format's 2.0 is 2."""
    path = tmp_path / "sheet.csv"
    path.write_text("猫,cat,動物,n5,1\n走る,to run,動詞,n5,2.0\n高い,expensive,形容詞,,3\n"
                    "難しい,difficult,形容詞,,hard\n①番,number one,記号,,6\n犬,dog,動物,n5,1\n"
                    "安い,cheap,形容詞,,2\n水,water,名詞,n5,1\n", encoding="utf-8")
    table = read_word_table(path)
    assert guess_mapping(table)[4] == "difficulty"
    with pytest.raises(InterchangeError) as refused:
        import_file(profile, path)
    assert "line 4: Difficulty must be a whole number from 1 to 5, not “hard”" in str(refused.value)
    assert "line 5: Difficulty must be a whole number from 1 to 5, not “6”" in str(refused.value)
    report = import_file(profile, path, skip_bad_rows=True)
    assert report.created == 6
    assert sorted((text, difficulty) for text, _, _, _, difficulty in word_rows(profile)) == sorted([
        ("猫", 1), ("走る", 2), ("高い", 3), ("犬", 1), ("安い", 2), ("水", 1)])


def test_a_headerless_number_column_that_is_mostly_not_1_to_5_is_no_difficulty(tmp_path: Path) -> None:
    path = tmp_path / "ranks.csv"
    path.write_text("".join(f"w{n},m{n},c,t,{n * 7}\n" for n in range(1, 9)), encoding="utf-8")
    assert "difficulty" not in guess_mapping(read_word_table(path)).values()


def test_several_tags_columns_are_merged(profile: Profile, tmp_path: Path) -> None:
    """Two columns mapped to tags: the second was dropped without a word (the last one won)."""
    path = tmp_path / "tags.csv"
    path.write_text("word,meaning,level,topic\n猫,cat,jlpt::n5,animal; pet\n犬,dog,,animal\n", encoding="utf-8")
    import_file(profile, path, maps=["3=tags", "4=tags"])
    assert word_rows(profile) == [("犬", "dog", "", ["animal"], 1), ("猫", "cat", "", ["jlpt::n5", "animal", "pet"], 1)]


def test_any_other_field_given_two_columns_is_refused(profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text("word,meaning,translation\n猫,cat,neko\n", encoding="utf-8")
    with pytest.raises(InterchangeError, match="Columns 2 and 3 are both mapped to meaning; only tags"):
        import_file(profile, path, maps=["2=meaning", "3=meaning"])
    assert profile.store.count() == 0
    import_file(profile, path, maps=["3=meaning"])  # one column given replaces the guessed one
    assert word_rows(profile) == [("猫", "neko", "", [], 1)]


def test_a_first_word_that_is_also_a_column_name_is_not_taken_for_a_header(profile: Profile,
                                                                           tmp_path: Path) -> None:
    """"back" (the body part) is also an Anki column name: the row was read as a header and lost."""
    path = tmp_path / "body.csv"
    path.write_text("back,背中\narm,腕\nleg,脚\n", encoding="utf-8")
    assert import_file(profile, path).created == 3
    assert [text for text, *_ in word_rows(profile)] == ["arm", "back", "leg"]
    assert read_word_table(path, header=True).rows[0] == (2, ["arm", "腕"])  # the user's word is the last
    for header in ("word,meaning", "意味,単語,メモ", "front,back,tags", "term,definition", "category,word,meaning"):
        assert read_word_table_from(tmp_path, f"{header}\nx,y,z\n").has_header, header
    for row in ("back,背中", "tag,札", "level,1", "deck,甲板,noun"):
        assert not read_word_table_from(tmp_path, f"{row}\nx,y\n").has_header, row


def read_word_table_from(tmp_path: Path, text: str):
    path = tmp_path / "probe.csv"
    path.write_text(text, encoding="utf-8")
    return read_word_table(path)


def test_bad_rows_are_reported_by_line_and_nothing_is_written(profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("word,meaning,difficulty\nok,fine,2\n\"multi\nline\",,1\nthird,x,9\nshort\n",
                    encoding="utf-8")
    with pytest.raises(InterchangeError) as refused:
        import_file(profile, path)
    message = str(refused.value)
    assert "line 3: Meaning must not be empty" in message
    assert "line 5: Difficulty must be a whole number from 1 to 5, not “9”" in message  # what the line held
    # the word and the meaning need two columns (a short row without its difficulty imports)
    assert "line 6: 1 column; the mapping needs 2" in message
    assert profile.store.count() == 0
    report = import_file(profile, path, skip_bad_rows=True)
    assert (report.created, report.skipped_problems) == (1, 3)
    assert word_rows(profile) == [("ok", "fine", "", [], 2)]


def test_an_extra_cell_holding_braces_is_a_bad_row_not_a_crash(profile: Profile, tmp_path: Path) -> None:
    """The cell was formatted into the message as a template: Anki's cloze "{{c1::Tokyo}} is {big}" in
    an extra column stopped the import with KeyError: 'big', in the CLI and the window."""
    path = tmp_path / "braces.csv"
    path.write_text("word,meaning\napple,りんご\nTokyo,東京,{{c1::Tokyo}} is {big}\nx,y,{\n", encoding="utf-8")
    with pytest.raises(InterchangeError) as refused:
        import_file(profile, path)
    assert "line 3: 3 cells where the header names 2, so “{{c1::Tokyo}} is {big}” would be left out" in str(
        refused.value)
    assert "line 4: 3 cells where the header names 2, so “{” would be left out" in str(refused.value)
    report = import_file(profile, path, skip_bad_rows=True)
    assert (report.created, report.skipped_problems) == (1, 2)


def test_a_row_with_more_cells_than_the_header_names_is_a_bad_row(profile: Profile, tmp_path: Path) -> None:
    """An unquoted comma in the tags cell split it: "fruit" was dropped without a word, and a dry run
    said every row could be imported."""
    path = tmp_path / "extra.csv"
    path.write_text("word,meaning,tags\napple,りんご,noun,fruit\npear,梨,noun\n", encoding="utf-8")
    with pytest.raises(InterchangeError) as refused:
        import_file(profile, path)
    assert ("line 2: 4 cells where the header names 3, so “fruit” would be left out; put quotes around a "
            "cell that holds a comma") in str(refused.value)
    assert profile.store.count() == 0
    report = import_file(profile, path, maps=["4=category"])  # mapped, the extra column is wanted
    assert report.created == 2
    assert word_rows(profile)[0][:4] == ("apple", "りんご", "fruit", ["noun"])


def test_the_plan_counts_as_updates_only_rows_that_change_something(profile: Profile, tmp_path: Path) -> None:
    """The same file again with "update duplicates" was previewed as "update 2000" and then updated none
    (and the count above 20 took a backup for nothing)."""
    path = tmp_path / "words.csv"
    path.write_text("word,meaning,category,tags\napple,りんご,food,\"noun,fruit\"\npear,梨,food,noun\n",
                    encoding="utf-8")
    import_file(profile, path)
    table = read_word_table(path)
    plan = plan_import(profile.queries, table_candidates(table, guess_mapping(table)), "update")
    assert (len(plan.updates), len(plan.duplicates)) == (0, 2)
    path.write_text("word,meaning,category,tags\napple,りんご,fruit,\"noun,fruit\"\npear,梨,food,noun\n",
                    encoding="utf-8")
    table = read_word_table(path)
    plan = plan_import(profile.queries, table_candidates(table, guess_mapping(table)), "update")
    assert [c.fields["text"] for _, c in plan.updates] == ["apple"] and len(plan.duplicates) == 1


def test_duplicates_are_skipped_or_update_the_other_fields(profile: Profile, tmp_path: Path) -> None:
    profile.service.create_word("猫", "cat", "animal", ["old"], 1)
    path = tmp_path / "dupes.csv"
    path.write_text("word,meaning,category,tags,difficulty\nＣＡＴ,cat,x,new,4\n猫,Cat,pets,\"new,cute\",3\n"
                    "犬,dog,pets,,2\n犬,dog,pets,,5\n", encoding="utf-8")
    skipped = import_file(profile, path)
    assert (skipped.created, skipped.updated, skipped.skipped_duplicates) == (2, 0, 2)
    assert ("猫", "cat", "animal", ["old"], 1) in word_rows(profile)
    updated = import_file(profile, path, on_duplicate="update")
    assert (updated.created, updated.updated) == (0, 1)  # the others already hold these values
    rows = word_rows(profile)
    assert ("猫", "cat", "pets", ["new", "cute"], 3) in rows
    assert rows.count(("犬", "dog", "pets", [], 2)) == 1


def test_one_import_is_one_command_under_one_correlation_id(profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "words.csv"
    path.write_text("word,meaning\n" + "".join(f"w{i},m{i}\n" for i in range(300)), encoding="utf-8")
    report = import_file(profile, path)
    events = list(profile.store.iter_all())
    assert len(events) == 300 == report.events
    assert {e.metadata.correlation_id for e in events} == {report.correlation_id}
    assert [e.event_data.text for e in events] == [f"w{i}" for i in range(300)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("content", "expected"), [
    ("μήλο,apple\nγάτα,cat\n".encode("cp1253"), "encoding could not be recognised"),  # Greek: not read as Cyrillic
    (b"\x00\x01\x02binary\xff\xfe\x00\x00\x10" * 50, "binary data"),
    (b"", "empty"),
    (b"word,category\nred,colour\n", "No column is mapped to meaning"),
])
def test_unusable_files_are_refused_with_a_reason(profile: Profile, tmp_path: Path, content: bytes,
                                                   expected: str) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    with pytest.raises(InterchangeError, match=expected):
        import_file(profile, path)
    assert profile.store.count() == 0


def test_a_one_megabyte_line_is_a_bad_row_not_a_crash(profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text("word,meaning\nbefore,1\n" + "x" * 1_048_576 + ",long\nafter,2\n", encoding="utf-8")
    with pytest.raises(InterchangeError, match="line 3: a cell is longer than 65,536 characters"):
        import_file(profile, path)
    assert profile.store.count() == 0
    assert import_file(profile, path, skip_bad_rows=True).created == 2


def test_wrong_encoding_given_by_hand_names_the_line(profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "sjis.csv"
    path.write_bytes("word,meaning\nok,fine\n猫,cat\n".encode("cp932"))
    with pytest.raises(InterchangeError, match="Line 3 is not valid UTF-8"):
        read_word_table(path, encoding="utf-8")


def test_csv_export_reads_back_into_the_same_words(profile: Profile, tmp_path: Path) -> None:
    profile.service.create_words([
        {"text": "猫", "meaning": "cat\nfeline", "category": "noun", "tags": ["animal", "pet"], "difficulty": 2},
        {"text": 'say "hi"', "meaning": "挨拶, greeting", "category": "", "tags": [], "difficulty": 5},
    ])
    path = tmp_path / "out.csv"
    assert export_words_to(profile.queries, path) == 2
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel opens it as UTF-8
    before = word_rows(profile)
    for word in profile.queries.words():
        profile.service.delete_word(word.word_id)
    assert import_file(profile, path).created == 2
    assert word_rows(profile) == before


def test_a_tag_that_held_a_separator_is_two_tags_and_stays_so_through_a_csv(profile: Profile,
                                                                            tmp_path: Path) -> None:
    """An Anki note's tags are apart by spaces, so "動詞、五段" and "JLPT;N5" were one tag each, which
    a CSV export and import (or an edit in the word dialog) then split into two: three tags became
    five. A tag never holds a separator now: they are two from the start, and a round trip keeps them."""
    tags = ["動詞、五段", "JLPT;N5", "日本語 タグ"]
    profile.service.create_words([{"text": "書く", "meaning": "to write", "tags": tags}])
    word = profile.queries.words()[0]
    assert word.tags == ["動詞", "五段", "JLPT", "N5", "日本語 タグ"]
    path = tmp_path / "out.csv"
    export_words_to(profile.queries, path)
    before = word_rows(profile)
    profile.service.delete_word(word.word_id)
    assert import_file(profile, path).created == 1
    assert word_rows(profile) == before


def test_a_word_holding_a_line_separator_reads_back_whole_from_its_csv(profile: Profile, tmp_path: Path) -> None:
    """Only \\r\\n, \\n and \\r end a line of a file: a word holding U+2028 (or U+2029, U+0085, a form or
    group separator) came back as "sep", or was refused with a line number one past the file's own."""
    texts = ["line\u2028sep", "para\u2029sep", "ff\x0csep", "gs\x1dsep"]
    profile.service.create_words([{"text": "apple", "meaning": "りんご\u2028林檎"}])
    path = tmp_path / "out.csv"
    path.write_text("text,meaning\r\n" + "".join(f"{text},meaning {i}\r\n" for i, text in enumerate(texts))
                    + "oops\r\n", encoding="utf-8")
    table = read_word_table(path)
    assert [line for line, _ in table.rows] == [2, 3, 4, 5, 6]
    assert [cells[0] for _, cells in table.rows] == [*texts, "oops"]
    before = word_rows(profile)
    export = tmp_path / "export.csv"
    export_words_to(profile.queries, export)
    for word in profile.queries.words():
        profile.service.delete_word(word.word_id)
    assert import_file(profile, export).created == 1
    assert word_rows(profile) == before


def test_tags_split_as_spreadsheets_write_them(profile: Profile, tmp_path: Path) -> None:
    """Commas inside a quoted cell, semicolons (the starter deck's way), Japanese commas, in CSV and TSV."""
    csv_file = tmp_path / "words.csv"
    csv_file.write_text('text,meaning,tags\napple,りんご,"noun, food"\nbread,パン,noun;food;daily\n'
                        "猫,cat,名詞、動物\n", encoding="utf-8")
    tsv_file = tmp_path / "words.tsv"
    tsv_file.write_text("text\tmeaning\ttags\nrun\t走る\tverb;  motion ;\n", encoding="utf-8")
    assert import_file(profile, csv_file).created == 3
    assert import_file(profile, tsv_file).created == 1
    assert {text: tags for text, _, _, tags, _ in word_rows(profile)} == {
        "apple": ["noun", "food"], "bread": ["noun", "food", "daily"], "猫": ["名詞", "動物"],
        "run": ["verb", "motion"]}


def test_the_starter_deck_imported_by_hand_gets_the_tags_the_first_run_gives(profile: Profile) -> None:
    from effect_desktop.gui.paths import starter_deck_path
    from effect_desktop.gui.starter_deck import read_starter_deck

    assert import_file(profile, starter_deck_path()).created == 435
    expected = {entry["text"]: entry["tags"] for entry in read_starter_deck()}
    assert {text: tags for text, _, _, tags, _ in word_rows(profile)} == expected
    assert expected["apple"] == ["noun", "food", "daily"]


@pytest.mark.parametrize(("broken", "said"), [
    ({3: '"w2,m2'}, 'line 4: a quote (") opens a cell here that is never closed, so the 7 lines after it'),
    ({3: '"w2,m2', 8: 'w7,m7"'}, "line 4: a quote (\") opens a cell here that runs on to line 9, taking in 5 lines"),
    ({9: '"w8,m8'}, 'line 10: a quote (") opens a cell here that is never closed, so the 1 line after it was read'),
    # on the last line, it was "1 column; the mapping needs 2", the quote unsaid
    ({10: '"w9,m9'}, 'line 11: a quote (") opens a cell here that is never closed, so the rest of the line was read'),
])
def test_a_stray_quote_is_named_instead_of_swallowing_the_rows_after_it(profile: Profile, tmp_path: Path,
                                                                        broken: dict[int, str], said: str) -> None:
    """A quote never closed read every later line into one cell: the import said "1 bad row" and,
    told to leave it out, dropped seven words without a word. Now the line and the cause are named;
    a cell that really holds a line break (as spreadsheets write it) is still read whole."""
    lines = ["text,meaning"] + [f"w{i},m{i}" for i in range(10)]
    for index, line in broken.items():
        lines[index] = line
    path = tmp_path / "quote.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InterchangeError) as refused:
        import_file(profile, path)
    assert said in str(refused.value)
    assert profile.store.count() == 0

    fine = tmp_path / "multiline.csv"
    # a cell with a line break, and quotes inside a cell on the last line (refused as never closed)
    fine.write_text('text,meaning\nw0,"line one\nline two, with a comma"\nw1,m1\nw2,"red" fruit\n', encoding="utf-8")
    import_file(profile, fine)
    assert [(text, meaning) for text, meaning, *_ in word_rows(profile)] == [
        ("w0", "line one\nline two, with a comma"), ("w1", "m1"), ("w2", "red fruit")]


def test_a_stray_quote_is_named_in_japanese_in_the_japanese_window(qapp) -> None:  # type: ignore[no-untyped-def]
    """The three stray-quote reasons and an unsplittable line were shown in English in the Japanese window."""
    from .test_import_realfiles import in_japanese

    for reason in ['a quote (") opens a cell here that is never closed, so the 7 lines after it were read into '
                   'that one cell; close the quote or remove it',
                   'a quote (") opens a cell here that is never closed, so the rest of the line was read as that '
                   'one cell; close the quote or remove it',
                   'a quote (") opens a cell here that runs on to line 9, taking in 5 lines that look like rows of '
                   'their own; a quote is missing or one too many',
                   "the line could not be split into columns (new-line character seen in unquoted field)"]:
        shown = in_japanese(reason)
        assert "引用符" in shown or "列に分けられません" in shown, shown
    assert "9 行目まで" in in_japanese('a quote (") opens a cell here that runs on to line 9, taking in 5 lines '
                                      'that look like rows of their own; a quote is missing or one too many')


def test_ankis_notes_in_plain_text_export_is_read_as_anki_wrote_it(profile: Profile, tmp_path: Path) -> None:
    """Its "#separator:tab" lines were three bad rows, the HTML came in as written and the tags became
    the category."""
    path = tmp_path / "Selected Notes.txt"
    path.write_text("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
                    "#tags column:6\n"
                    "a1\tBasic\tJapanese::N5\t<b>食べる</b>\tto&nbsp;eat<br>(verb)\tjlpt::n5 verb\n"
                    "a2\tBasic\tJapanese::N5\t<ruby>猫<rt>ねこ</rt></ruby>\tcat\t\n"
                    "a3\tBasic\tJapanese::N5\t\tno word\t\n", encoding="utf-8")
    table = read_word_table(path)
    parsed = table_candidates(table, guess_mapping(table))
    assert [p.line for p in parsed.problems] == [9], "the file's own line number"
    report = apply_import(profile.service, plan_import(profile.queries, parsed, "skip"), skip_bad_rows=True)
    assert report.created == 2
    assert sorted(word_rows(profile)) == [
        ("猫", "cat（ねこ）", "Japanese::N5", [], 1),  # its reading kept, as from a package
        ("食べる", "to eat\n(verb)", "Japanese::N5", ["jlpt::n5", "verb"], 1),
    ]


def test_ankis_export_with_named_columns_and_commas(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("#separator:Comma\n#html:false\n#columns:Front,Back\napple,りんご\n", encoding="utf-8")
    table = read_word_table(path)
    assert table.headers == ["Front", "Back"] and table.rows == [(4, ["apple", "りんご"])]
    assert guess_mapping(table) == {0: "text", 1: "meaning"}


def test_an_anki_header_line_naming_no_delimiter_anki_writes_is_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_text("#separator:garbage\n#html:true\nword\tmeaning\n", encoding="utf-8")
    table = read_word_table(path)
    assert table.delimiter == "\t" and table.rows == [(3, ["word", "meaning"])]


def test_two_imports_of_one_file_planned_at_once_add_its_words_once(profile: Profile, tmp_path: Path) -> None:
    """Two programs importing the same file at the same moment each planned against the list before
    the other wrote, and each added every row: 100,001 words from 50,000."""
    path = tmp_path / "words.csv"
    path.write_text("word,meaning\napple,りんご\npear,梨\ncat,猫\n", encoding="utf-8")
    table = read_word_table(path)
    first = plan_import(profile.queries, table_candidates(table, guess_mapping(table)))
    second = plan_import(profile.queries, table_candidates(table, guess_mapping(table)))  # before the first writes
    assert apply_import(profile.service, first).created == 3
    profile.service.create_word("dog", "犬")  # and a word of its own meanwhile: not one of the file's
    report = apply_import(profile.service, second)
    assert (report.created, report.skipped_duplicates) == (0, 3)
    assert len(word_rows(profile)) == 4


def test_an_update_planned_for_a_word_deleted_meanwhile_leaves_that_word_alone(profile: Profile,
                                                                              tmp_path: Path) -> None:
    """Another program deleted a word the import was to update (during the backup before the write):
    the whole import was refused as "This word has been deleted; restore it before changing it"."""
    apple = profile.service.create_word("apple", "りんご", category="fruit")
    profile.service.create_word("pear", "梨", category="fruit")
    path = tmp_path / "words.csv"
    path.write_text("word,meaning,category\napple,りんご,food\npear,梨,food\ncat,猫,animal\n", encoding="utf-8")
    table = read_word_table(path)
    plan = plan_import(profile.queries, table_candidates(table, guess_mapping(table)), "update")
    profile.service.delete_word(apple)
    report = apply_import(profile.service, plan)
    assert (report.created, report.updated) == (1, 1)
    assert sorted(r[:3] for r in word_rows(profile)) == [("cat", "猫", "animal"), ("pear", "梨", "food")]


def test_a_header_in_another_language_is_told_by_the_numbers_below_it(profile: Profile, tmp_path: Path) -> None:
    """Excel's German list: the header was imported as the word "Wort → Bedeutung", the difficulties 1–3
    as the tags ["1"], ["2"], and a column of points with decimal commas refused every row."""
    path = tmp_path / "deutsch.csv"
    path.write_bytes("\ufeffWort;Bedeutung;Kategorie;Schwierigkeit;Punkte\r\nApfel;apple;Essen;1;2,5\r\n"
                     "Straße;street;Stadt;2;3,75\r\nGröße;size;Adjektive;3;4,25\r\n".encode())
    table = read_word_table(path)
    assert table.has_header and table.headers[0] == "Wort"
    assert guess_mapping(table) == {0: "text", 1: "meaning", 2: "category", 3: "difficulty"}  # points: no field
    assert import_file(profile, path).created == 3
    assert word_rows(profile) == [("Apfel", "apple", "Essen", [], 1), ("Größe", "size", "Adjektive", [], 3),
                                  ("Straße", "street", "Stadt", [], 2)]


@pytest.mark.parametrize(("header", "fields"), [
    ("Mot;Traduction", ["text", "meaning"]), ("Wort;Bedeutung", ["text", "meaning"]),
    ("Palabra;Significado;Categoría", ["text", "meaning", "category"]), ("Слово;Перевод", ["text", "meaning"]),
    ("Français;Anglais", ["text", "meaning"]), ("Deutsch;Englisch", ["text", "meaning"]),
    ("Mot;Traduction;Catégorie;Étiquettes", ["text", "meaning", "category", "tags"]),
])
def test_a_header_in_the_learners_own_language_is_a_header(profile: Profile, tmp_path: Path, header: str,
                                                          fields: list[str]) -> None:
    """"Mot;Traduction" was imported as the word "Mot" meaning "Traduction", with the category "Catégorie"
    and the tag "Étiquettes" (found by a European-language learner helper)."""
    path = tmp_path / "list.csv"
    cells = header.count(";") + 1
    path.write_text(f"{header}\n" + ";".join(["la maison", "the house", "maison", "nom"][:cells]) + "\n",
                    encoding="utf-8")
    table = read_word_table(path)
    assert table.has_header
    assert [guess_mapping(table).get(column) for column in range(cells)] == fields
    assert import_file(profile, path).created == 1


def test_a_level_column_that_holds_no_numbers_is_not_the_difficulty(profile: Profile, tmp_path: Path) -> None:
    """Memrise's export: "Level" was taken for the difficulty, and every row refused over "Level 1"."""
    path = tmp_path / "memrise.csv"
    path.write_text("Spanish,English,Level\r\nla manzana,the apple,Level 1\r\ncorrer,to run,Level 2\r\n",
                    encoding="utf-8")
    table = read_word_table(path)
    assert guess_mapping(table) == {0: "text", 1: "meaning", 2: "category"}
    assert import_file(profile, path).created == 2
    assert word_rows(profile) == [("correr", "to run", "Level 2", [], 1), ("la manzana", "the apple", "Level 1", [], 1)]
    numbered = read_word_table_from(tmp_path, "word,meaning,level\n猫,cat,2\n犬,dog,9\n")  # a typo: a bad row, shown
    assert guess_mapping(numbered)[2] == "difficulty"


@pytest.mark.parametrize(("content", "said"), [
    ("apple - りんご\n\nto run - 走る\n\nlibrary - 図書館\n", "No column separator was found: every line of the file "
                                                     "is a single column (“apple - りんご”)"),
    ("apple: りんご\nto run: 走る\n", "No column separator was found"),
    ("apple,りんご;to run,走る;library,図書館;cat,猫", "The whole file is one line: the cards run on without a line "
                                                  "break between them (“apple,りんご;to run,走る;library”)"),
])
def test_quizlets_custom_separators_are_said_not_found(profile: Profile, tmp_path: Path, content: str,
                                                         said: str) -> None:
    """They said "No column is mapped to the meaning; choose a column…" (no choice could), or, one line read
    as one row of seven columns, "line 1: Difficulty must be a whole number from 1 to 5"."""
    path = tmp_path / "quizlet.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InterchangeError) as refused:
        import_file(profile, path)
    assert said in str(refused.value)
    assert '(in Quizlet: "Between term and definition: Tab", "Between rows: New line")' in str(refused.value)
    assert profile.store.count() == 0


def test_a_definition_on_two_lines_is_said_to_be_the_line_befores(profile: Profile, tmp_path: Path) -> None:
    """Quizlet writes a definition's line break as it is: "line 3: 1 column; the mapping needs 2" said not why."""
    path = tmp_path / "quizlet.txt"
    path.write_text("apple\tりんご\nto run\t走る\n(速く移動する)\nlibrary\t図書館\n", encoding="utf-8")
    with pytest.raises(InterchangeError) as refused:
        import_file(profile, path)
    assert ("line 3: 1 column; the mapping needs 2; it looks like the rest of line 2's meaning, broken onto a line "
            "of its own: join it to line 2 (or put that meaning in quotes)") in str(refused.value)


def test_an_edited_sheet_imported_again_with_update_changes_the_words_meaning(profile: Profile,
                                                                             tmp_path: Path) -> None:
    """A meaning fixed in the spreadsheet and the sheet imported again with "update" made a second 食べる
    beside the first, each studied on its own (found by an Anki switcher helper). Asked for with
    "update-meaning", the word of that text, the only one in the list and in the file, takes the new
    meaning; otherwise (a second deck's "bank" is another word) it is added as another word, and counted
    so it can be said."""
    first = tmp_path / "v1.csv"
    first.write_text("単語,意味,タグ\n食べる,to eat,N5\n飲む,to drink,N5\n", encoding="utf-8")
    edited = tmp_path / "v2.csv"
    edited.write_text("単語,意味,タグ\n食べる,to eat; to have a meal,N5\n飲む,to drink,N5;verb\n", encoding="utf-8")
    import_file(profile, first)
    table = read_word_table(edited)
    skipping = plan_import(profile.queries, table_candidates(table, mapping_from_args(table, [])), "skip")
    assert [c.fields["text"] for c in skipping.new_meanings] == ["食べる"] and len(skipping.creates) == 1
    updating = plan_import(profile.queries, table_candidates(table, mapping_from_args(table, [])), "update")
    assert len(updating.creates) == 1 and not updating.meanings_replaced  # never assumed (found in review)
    report = import_file(profile, edited, on_duplicate="update-meaning")
    assert (report.created, report.updated) == (0, 2)
    assert sorted((text, meaning, tags) for text, meaning, _, tags, _ in word_rows(profile)) == [
        ("食べる", "to eat; to have a meal", ["N5"]), ("飲む", "to drink", ["N5", "verb"])]


def test_a_new_meaning_is_another_word_where_the_text_names_several(profile: Profile, tmp_path: Path) -> None:
    """Homographs: with two words "bank" in the list, or two rows of it in the file, which one a new
    meaning would replace cannot be told: it is added as another word, under "update" too."""
    profile.service.create_word("bank", "the land beside a river")
    profile.service.create_word("bank", "a place that keeps money")
    profile.service.create_word("light", "not heavy")
    path = tmp_path / "more.csv"
    path.write_text("word,meaning\nbank,a row of keys\nlight,what the sun gives\nlight,pale\n", encoding="utf-8")
    report = import_file(profile, path, on_duplicate="update-meaning")
    assert (report.created, report.updated) == (3, 0)
    assert len(word_rows(profile)) == 6


def test_a_thousand_in_the_difficulty_column_is_not_difficulty_1() -> None:
    """2.0 is a number format's 2; "1,000" is a thousand, and was read as 1 (found in review)."""
    from effect_desktop.interchange.candidates import Parsed, check_row
    from effect_desktop.interchange.column_values import holds_difficulties

    parsed = Parsed()
    for line, given in enumerate(("1,000", "3,0", "2.00"), start=1):
        check_row(line, {"text": f"w{line}", "meaning": "m", "difficulty": given}, parsed)
    assert [str(p) for p in parsed.problems] == ["line 1: Difficulty must be a whole number from 1 to 5, not “1,000”."]
    assert [c.fields["difficulty"] for c in parsed.candidates] == [3, 2]
    assert not holds_difficulties(["1,000", "2,000", "3,000"], named=False)
