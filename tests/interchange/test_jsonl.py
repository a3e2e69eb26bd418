"""The event log as JSON Lines: a lossless round trip into an empty profile."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from effect_desktop.bootstrap import Profile, change_day_start_hour, open_profile
from effect_desktop.interchange.errors import InterchangeError
from effect_desktop.interchange.jsonl import export_events_to, import_events
from effect_desktop.projections.verify import verify
from tests.integration.profile_helpers import SettableClock, dump_read_models

from .conftest import study_history


def envelopes(profile: Profile) -> list[dict]:
    return [e.model_dump(mode="json") for e in profile.store.iter_all()]


def test_round_trip_gives_the_same_events_read_models_and_verify(profile: Profile, clock: SettableClock,
                                                                  tmp_path: Path) -> None:
    study_history(profile, clock)
    path = tmp_path / "log.jsonl"
    assert export_events_to(profile, path) == profile.store.count() > 40
    copy = open_profile(tmp_path / "copy.effect.sqlite3", clock=clock)
    try:
        assert import_events(copy, path) == profile.store.count()
        assert envelopes(copy) == envelopes(profile)  # ids, versions, metadata, times, positions
        assert dump_read_models(copy) == dump_read_models(profile)
        assert verify(copy.projector).ok and verify(profile.projector).ok
        assert copy.user_id == profile.user_id
    finally:
        copy.close()
    reopened = open_profile(tmp_path / "copy.effect.sqlite3", clock=clock)
    try:
        assert reopened.user_id == profile.user_id  # the streak stream keeps its name
        word = reopened.queries.words()[0].word_id
        clock.advance(days=1)
        session = reopened.service.start_session("flashcard", [word])
        streak = reopened.service.answer(session, word, True, 800).streak_days
        assert streak is not None and streak > 1  # continues the imported streak
    finally:
        reopened.close()


def test_a_log_written_before_control_characters_were_refused_still_comes_back_whole(
        profile: Profile, clock: SettableClock, tmp_path: Path) -> None:
    """An older version kept a tab in a tag or an escape in a meaning: the round trip must keep that
    history, not refuse the whole log (only a NUL, which the read models cannot hold, is refused)."""
    word = profile.service.create_word("apple", "りんご")
    with profile.store.transaction() as connection:  # as an older version wrote it
        connection.exec_driver_sql(
            "UPDATE events SET event_data = json_set(event_data, '$.tags', json_array(?), '$.meaning', ?) "
            "WHERE event_type = 'WordCreated'", ("old\ttag", "bell\x07"))
    profile.projector.rebuild()
    path = tmp_path / "log.jsonl"
    export_events_to(profile, path)
    copy = open_profile(tmp_path / "copy.effect.sqlite3", clock=clock)
    try:
        assert import_events(copy, path) == 1
        assert copy.queries.word(word).tags == ["old\ttag"] and copy.queries.word(word).meaning == "bell\x07"
        assert verify(copy.projector).ok
    finally:
        copy.close()


def test_a_moved_study_day_start_comes_along(profile: Profile, clock: SettableClock, tmp_path: Path) -> None:
    """The hour a day starts is an event now: the copy counts the days as the original does (it
    used to start again at 4:00, with other days, streaks and due dates)."""
    study_history(profile, clock)
    change_day_start_hour(profile, 1)
    original = open_profile(profile.path, clock=clock)
    path = tmp_path / "log.jsonl"
    export_events_to(original, path)
    copy = open_profile(tmp_path / "copy.effect.sqlite3", clock=clock)
    try:
        import_events(copy, path)
        assert dump_read_models(copy) == dump_read_models(original)
    finally:
        copy.close()
    reopened = open_profile(tmp_path / "copy.effect.sqlite3", clock=clock)
    try:
        assert reopened.service.day_start_hour == 1
        assert dump_read_models(reopened) == dump_read_models(original)  # nothing left to recount on open
        assert verify(reopened.projector).ok
    finally:
        reopened.close()
        original.close()


def test_a_profile_with_events_is_refused(profile: Profile, tmp_path: Path) -> None:
    profile.service.create_word("a", "b")
    path = tmp_path / "log.jsonl"
    export_events_to(profile, path)
    with pytest.raises(InterchangeError, match="already holds 1 events; an event log can only be imported into"):
        import_events(profile, path)
    assert profile.store.count() == 1


_OTHER = b"01a21d4a-a50e-715c-9abb-000000000000"


def _swap_first(lines: list[bytes], marker: bytes) -> list[bytes]:
    """The first line holding `marker` swapped with the next line of the same stream."""
    first = next(i for i, line in enumerate(lines) if marker in line)
    stream = re.search(rb'"aggregate_id":"[0-9a-f-]{36}"', lines[first])
    assert stream is not None
    second = next(i for i in range(first + 1, len(lines)) if stream.group() in lines[i])
    swapped = list(lines)
    swapped[first], swapped[second] = lines[second], lines[first]
    return swapped


def _without_first(lines: list[bytes], marker: bytes) -> list[bytes]:
    """The first line holding `marker` left out, and the header's count of events with it."""
    first = next(i for i, line in enumerate(lines) if marker in line)
    count = re.search(rb'"events":(\d+)', lines[0])
    assert count is not None
    header = lines[0].replace(count.group(), b'"events":%d' % (int(count.group(1)) - 1))
    return [header] + lines[1:first] + lines[first + 1:]


@pytest.mark.parametrize(("damage", "expected"), [
    (lambda lines: lines[:-2], "incomplete"),
    (lambda lines: lines[:3] + [lines[3][:40]] + lines[4:], "Line 4 is not a valid event"),
    (lambda lines: [b"{}"] + lines[1:], "not an Effect Desktop event log"),
    (lambda lines: lines + [lines[1]], "in the file twice"),
    (lambda lines: [line.replace(b'"meaning":', b'"meening":') for line in lines],
     r"Line 2 is not a valid event \(meaning: Field required; meening: Extra inputs are not permitted\)"),
    (lambda lines: [line.replace(b'"is_correct":', b'"is_korrect":') for line in lines],
     r"Line 13 is not a valid event \(is_correct: Field required; is_korrect: Extra inputs"),
    (lambda lines: [line.replace(b'"utc_offset_minutes":540', b'"utc_offset_minutes":"late"') for line in lines],
     r"Line 2 is not a valid event \(utc_offset_minutes: "),
    (lambda lines: lines[:2] + [lines[2].replace(b'"WordCreated"', b'"WordInvented"')] + lines[3:],
     "Line 3 is not a valid event .unknown event type"),
    (lambda lines: lines[:2] + [lines[2].replace(b'"version":1', b'"version":7')] + lines[3:],
     "versions do not follow on"),
    # what no command writes, found by a hand-edit of a real export: each imported, and verify agreed
    (lambda lines: lines[:1] + [re.sub(rb'"difficulty":\d', b'"difficulty":9', lines[1])] + lines[2:],
     r"break the app's rules: event \S+ \(WordCreated\): Difficulty must be a whole number from 1 to 5"),
    (lambda lines: lines[:1] + [re.sub(rb'"text":"[^"]*"', b'"text":"  "', lines[1])] + lines[2:],
     r"\(WordCreated\): Word must not be empty\. Was it edited by hand\?"),  # it said "empty.. Was"
    # half of an emoji (a text cut between its two halves): the JSON parser's "unexpected end of hex escape"
    (lambda lines: lines[:1] + [lines[1].replace(b'"text":"', b'"text":"a\\ud800', 1)] + lines[2:],
     r"Line 2 is not a valid event \(its text holds a broken character: an unpaired surrogate"),
    (lambda lines: lines[:1] + [lines[1].replace(b'"text":"', b'"text":"a\\udc00b', 1)] + lines[2:],
     r"Line 2 is not a valid event \(its text holds a broken character: an unpaired surrogate"),
    (lambda lines: lines[:1] + [lines[1].replace(b'"text":"', b'"text":"a\xed\xa0\x80b', 1)] + lines[2:],
     r"Line 2 is not a valid event \(its text holds a broken character: bytes that are not UTF-8"),
    (lambda lines: lines[:1] + [re.sub(rb'("event_data":\{"word_id":")[0-9a-f-]{36}', rb"\g<1>" + _OTHER, lines[1])]
     + lines[2:], r"\(WordCreated\) names another word than its stream"),
    (lambda lines: [re.sub(rb'("event_type":"QuestionAnswered".*"word_id":")[0-9a-f-]{36}', rb"\g<1>" + _OTHER, line)
                    for line in lines], r"\(QuestionAnswered\) answers a word that does not exist"),
    # a NUL in a word: one read model kept it, another was cut at it, and verify failed for good
    (lambda lines: lines[:1] + [lines[1].replace(b'"text":"', b'"text":"nul\\u0000', 1)] + lines[2:],
     r"\(WordCreated\): Word contains a control character \(U\+0000\)"),
    # an answer's line before its session's start: imported, and every replay counted the session wrong
    (lambda lines: _swap_first(lines, b'"SessionStarted"'), "version 2 comes before version 1 in the log"),
    # a line left out (the header's count mended): a stream missing its start, or one in its middle
    (lambda lines: _without_first(lines, b'"SessionStarted"'), r"versions do not follow on \(stream \S+: \d+ events "
     r"with versions 2\.\.\d+"),
    (lambda lines: _without_first(lines, b'"QuestionAnswered"'), r"versions do not follow on \(stream \S+: \d+ events "
     r"with versions 1\.\.\d+"),
    (lambda lines: [line.replace(b'"utc_offset_minutes":540', b'"utc_offset_minutes":1099511627776') for line in lines],
     r"Line 2 is not a valid event \(utc_offset_minutes: Input should be less than 1440"),
    # ids pydantic reads but the rebuild's SQL cannot: the import failed with that SQL statement for a message
    (lambda lines: [re.sub(rb'("event_type":"QuestionAnswered".*"word_id":")([0-9a-f-]{36})', rb"\g<1>{\g<2>}", line)
                    for line in lines], r"Line \d+ is not a valid event \(word_id: '\{[0-9a-f-]{36}\}' is not an id"),
    (lambda lines: lines[:1] + [re.sub(rb'("causation_id":")', rb"\g<1>urn:uuid:", lines[1])] + lines[2:],
     r"Line 2 is not a valid event \(causation_id: 'urn:uuid:[0-9a-f-]{36}' is not an id as the app writes them"),
])
def test_damaged_logs_import_nothing(profile: Profile, clock: SettableClock, tmp_path: Path, damage,
                                     expected: str) -> None:
    study_history(profile, clock, days=1)
    source = tmp_path / "log.jsonl"
    export_events_to(profile, source)
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(b"\n".join(damage(source.read_bytes().splitlines())) + b"\n")
    copy = open_profile(tmp_path / "copy.effect.sqlite3", clock=clock)
    try:
        with pytest.raises(InterchangeError, match=expected):
            import_events(copy, broken)
        assert copy.store.count() == 0
        assert copy.queries.words() == []
    finally:
        copy.close()
