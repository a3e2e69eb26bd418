"""Statistics → Hardest words as a learner reads it: every column in sight, whatever the words."""

from __future__ import annotations

import pytest

from effect_desktop.domain.ids import new_id
from effect_desktop.gui.statistics.hardest import HardestWordsTable
from effect_desktop.projections.statistics_queries import HardWordRow


@pytest.mark.parametrize("width", [600, 900])
def test_one_long_word_leaves_the_meaning_and_the_figures_in_sight(qtbot, width: int) -> None:  # type: ignore[no-untyped-def]
    """A 192-character word (200 are allowed) made the Word column as wide as itself: Meaning, Lapses,
    Reviews and Easiness went behind a sideways scroll bar."""
    table = HardestWordsTable(None)
    qtbot.addWidget(table)
    table.resize(width, 300)
    table.show()
    qtbot.waitExposed(table)
    table.set_words([HardWordRow(new_id(), "antidisestablishment" * 9 + "ism" * 4, "a very long word", 3, 9, 1.3, 1),
                     HardWordRow(new_id(), "cat", "猫", 1, 4, 2.2, 1)])
    header = table.horizontalHeader()
    viewport = table.viewport().width()
    assert header.sectionSize(0) <= viewport // 3 + 1
    assert header.sectionViewportPosition(4) + header.sectionSize(4) <= viewport
    assert header.sectionSize(1) >= header.sectionSizeHint(1)  # the meaning has room of its own
    assert not table.horizontalScrollBar().isVisible()


def test_short_words_take_only_the_room_they_need(qtbot) -> None:  # type: ignore[no-untyped-def]
    table = HardestWordsTable(None)
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    qtbot.waitExposed(table)
    table.set_words([HardWordRow(new_id(), "cat", "猫", 1, 4, 2.2, 1)])
    header = table.horizontalHeader()
    assert header.sectionSize(0) < 900 // 4
    assert header.sectionSize(0) >= table.sizeHintForColumn(0)
