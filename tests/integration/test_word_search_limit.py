"""A search as long as a pasted page: SQLite refuses a LIKE pattern over 50,000 bytes ("LIKE or GLOB
pattern too complex"), which `words list --search` printed as a multi-line SQL error and the window's
filters could reach by a paste (17,000 kana are 51,000 bytes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.cli.main import run_cli
from effect_desktop.projections.views import MAX_SEARCH, WordFilter
from effect_desktop.timeline.queries import TimelineQueries

PASTED = "あ" * 20_000  # 60,000 bytes in UTF-8


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Profile]:
    opened = open_profile(tmp_path / "default.effect.sqlite3")
    opened.service.create_word("apple", "りんご")
    yield opened
    opened.close()


def test_words_list_refuses_a_search_longer_than_a_word_in_one_line(profile: Profile, tmp_path: Path,
                                                                    capsys) -> None:
    data = str(tmp_path)
    capsys.readouterr()
    assert run_cli(["--data-dir", data, "words", "list", "--search", "x" * 50_001]) == 2
    err = capsys.readouterr().err
    assert err.strip() == ("effect-desktop: error: argument --search: the search text has 50,001 characters; "
                           "search for at most 1,200 (see `effect-desktop words list --help`)"), err
    assert run_cli(["--data-dir", data, "words", "list", "--search", "り" * MAX_SEARCH]) == 0
    assert "0 words" in capsys.readouterr().out


def test_the_word_filter_takes_any_length_of_text(profile: Profile) -> None:
    for text in (PASTED, "\ufdfa" * 3000):  # one character NFKC writes as 18
        assert profile.queries.words(WordFilter(search=text)) == []
    assert [w.text for w in profile.queries.words(WordFilter(search="  りんご  "))] == ["apple"]


def test_the_windows_search_fields_take_no_more_than_the_filter_can_search(qtbot, profile: Profile) -> None:
    from effect_desktop.gui import i18n
    from effect_desktop.gui.main_window import MainWindow
    from effect_desktop.gui.timeline.filters import FilterBar

    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.text.setText(PASTED)
    assert len(bar.current().text) == MAX_SEARCH
    assert TimelineQueries(profile.store).page(bar.current()) is not None  # raised "pattern too complex"
    i18n.install("en")
    window = MainWindow(profile)
    qtbot.addWidget(window)
    page = window.show_page("words")
    page.search.setText(PASTED)
    assert page.current_filter().search == "あ" * MAX_SEARCH
    window.operations.wait()
