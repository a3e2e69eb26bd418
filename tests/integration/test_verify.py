"""`verify` computes the read models afresh beside the stored ones (temporary twins on its own
connection) and names every row that differs; the twins never outlive it, whatever happens."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.domain.events import Grade
from effect_desktop.projections.verify import verify


def _study(profile: Profile, words: int = 6) -> list:
    ids = profile.service.create_words([{"text": f"w{i}", "meaning": f"m{i}", "category": "c"} for i in range(words)])
    session = profile.service.start_session("flashcard", ids)
    for n, word in enumerate(ids):
        profile.service.answer(session, word, n % 3 != 0, 1500 + n, Grade.GOOD if n % 3 else Grade.AGAIN)
    profile.service.complete_session(session)
    return ids


def _raw(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()


def test_a_sound_profile_verifies_and_a_tampered_one_names_each_row(profile: Profile) -> None:
    _study(profile)
    assert verify(profile.projector).ok
    _raw(profile.path,
         "UPDATE rm_words SET meaning = 'tampered' WHERE text = 'w1'",
         "DELETE FROM rm_timeline WHERE position = (SELECT max(position) FROM rm_timeline)",
         "INSERT INTO rm_daily_stats (study_day, answers, correct, response_ms, sessions_completed, "
         "study_seconds, words_added) VALUES ('1999-01-01', 1, 1, 1, 0, 0, 0)")

    problems = verify(profile.projector).problems

    assert len(problems) == 3, problems
    assert any(p.startswith("rm_words ") and "'meaning': ('tampered', 'm1')" in p for p in problems)
    assert any(p.startswith("rm_timeline ") and "missing; replay gives" in p and "SessionCompleted" in p
               for p in problems)
    assert "rm_daily_stats ('1999-01-01',): present but replay does not produce it" in problems


def test_many_differences_are_counted_after_the_first_twenty(profile: Profile) -> None:
    _study(profile, words=30)
    _raw(profile.path, "UPDATE rm_progress SET easiness_factor = easiness_factor + 1")

    problems = verify(profile.projector).problems

    assert len(problems) == 21 and problems[-1] == "rm_progress: 10 more differences"


def test_the_fresh_read_models_never_outlive_verify(profile: Profile) -> None:
    """The twins shadow the read models by name on verify's connection: one handed back to the pool with
    them would have written the next answer into a temporary table, lost when it closed."""
    _study(profile)
    assert verify(profile.projector).ok
    profile.service.create_words([{"text": "after", "meaning": "written after verify"}])
    with closing(sqlite3.connect(profile.path)) as connection:
        assert connection.execute("SELECT count(*) FROM rm_words WHERE text = 'after'").fetchone() == (1,)
    assert verify(profile.projector).ok


def test_a_verify_that_fails_part_way_leaves_no_twin_behind(profile: Profile) -> None:
    _study(profile)
    _raw(profile.path, "UPDATE events SET event_data = '{not json' WHERE position = 2")
    with pytest.raises(Exception, match="position 2"):
        verify(profile.projector)
    profile.service.create_words([{"text": "after", "meaning": "written after a failed verify"}])
    with closing(sqlite3.connect(profile.path)) as connection:
        assert connection.execute("SELECT count(*) FROM rm_words WHERE text = 'after'").fetchone() == (1,)
