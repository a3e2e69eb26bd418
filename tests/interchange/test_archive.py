"""Compacted (archived) events read back exactly as before, by replay, queries, verify and export."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
import zstandard

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.interchange.jsonl import export_events_to
from effect_desktop.persistence.archive import (
    CODEC,
    LEGACY_CODEC,
    ArchiveDamaged,
    archive,
    closed_segments,
    compact,
    vacuum,
)
from effect_desktop.projections.verify import verify
from tests.integration.profile_helpers import SettableClock, dump_read_models

from .conftest import study_history

FAR_FUTURE = datetime(2100, 1, 1, tzinfo=UTC)


def everything(profile: Profile) -> tuple[list[dict], dict]:
    events = [e.model_dump(mode="json") for e in profile.store.iter_all()]
    streams = {str(a): [e.model_dump(mode="json") for e in profile.store.get_events(a)]
               for a in {e.aggregate_id for e in profile.store.iter_all()}}
    return events, streams


def test_compacted_events_read_back_identically(profile: Profile, clock: SettableClock, tmp_path: Path) -> None:
    study_history(profile, clock, days=4)
    before = everything(profile)
    models = dump_read_models(profile)
    export_events_to(profile, tmp_path / "before.jsonl")
    total = profile.store.count()

    report = compact(profile.store, FAR_FUTURE, datetime.now(UTC), segment=10)
    assert report.segments == total // 10 and report.events == report.segments * 10
    assert report.compressed_bytes < report.raw_bytes
    with profile.store.reading() as connection:
        archived = connection.exec_driver_sql("SELECT count(*) FROM events WHERE event_data = ''").scalar()
    assert archived == report.events  # the rows are still there, with every column but the JSON

    assert everything(profile) == before
    profile.projector.rebuild()
    assert dump_read_models(profile) == models
    assert verify(profile.projector).ok
    export_events_to(profile, tmp_path / "after.jsonl")
    assert (tmp_path / "after.jsonl").read_bytes() == (tmp_path / "before.jsonl").read_bytes()
    assert len(profile.store.query_events(event_types=["QuestionAnswered"])) > 0

    word = profile.queries.words()[0].word_id  # old streams keep growing after compaction
    profile.service.update_word(word, category="verb")
    assert profile.queries.word(word).category == "verb"  # type: ignore[union-attr]
    assert closed_segments(profile.store, FAR_FUTURE, 10) == ([] if (total + 1) % 10 else [total - total % 10 + 1])


def test_only_segments_older_than_the_threshold_are_archived(profile: Profile, clock: SettableClock) -> None:
    study_history(profile, clock, days=4)
    cutoff = clock.now - timedelta(days=2)
    compact(profile.store, cutoff, datetime.now(UTC), segment=10)
    for event in profile.store.iter_all():
        with profile.store.reading() as connection:
            raw = connection.exec_driver_sql("SELECT event_data FROM events WHERE position = ?",
                                             (event.position,)).scalar()
        if event.created_at >= cutoff:
            assert raw != ""  # recent events are never compressed


def test_compaction_shrinks_the_file_and_survives_reopening(tmp_path: Path, clock: SettableClock) -> None:
    path = tmp_path / "big.effect.sqlite3"
    profile = open_profile(path, clock=clock)
    profile.service.import_words([{"text": f"word {i}", "meaning": f"the meaning of word number {i}",
                                   "category": "noun", "tags": ["daily", "toeic"]} for i in range(4000)])
    before = dump_read_models(profile)
    vacuum(profile.store)
    size = path.stat().st_size
    compact(profile.store, FAR_FUTURE, datetime.now(UTC), segment=1000)
    vacuum(profile.store)
    assert path.stat().st_size < size * 0.85
    profile.close()
    reopened = open_profile(path, clock=clock)
    try:
        reopened.projector.rebuild()
        assert dump_read_models(reopened) == before
        assert verify(reopened.projector).ok
    finally:
        reopened.close()


def test_segments_written_by_earlier_builds_still_read_back(profile: Profile, clock: SettableClock,
                                                           tmp_path: Path) -> None:
    """Builds before the SQLite segments wrote zlib over text lines ("zlib-1"); a profile may hold both."""
    study_history(profile, clock, days=4)
    before = everything(profile)
    models = dump_read_models(profile)
    export_events_to(profile, tmp_path / "before.jsonl")
    compact(profile.store, FAR_FUTURE, datetime.now(UTC), segment=10)
    with profile.store.transaction() as connection:
        segments = connection.execute(sa.select(archive.c.first_position, archive.c.last_position)).all()
        for first, last in segments[::2]:
            lines = "\n".join("\x1e".join(profile.store.archive.payload(p)) for p in range(first, last + 1))
            connection.execute(archive.update().where(archive.c.first_position == first),
                               {"codec": LEGACY_CODEC, "payload": zlib.compress(lines.encode())})
    profile.store.archive.forget()
    assert len(segments) > 4

    assert everything(profile) == before
    profile.projector.rebuild()
    assert dump_read_models(profile) == models
    assert verify(profile.projector).ok
    export_events_to(profile, tmp_path / "after.jsonl")
    assert (tmp_path / "after.jsonl").read_bytes() == (tmp_path / "before.jsonl").read_bytes()

    # the next compaction rewrites them in the current format; nothing read changes
    report = compact(profile.store, FAR_FUTURE, datetime.now(UTC), segment=10)
    assert report.repacked == len(segments[::2]) and report.segments == 0
    with profile.store.reading() as connection:
        assert {codec for (codec,) in connection.execute(sa.select(archive.c.codec))} == {CODEC}
    assert everything(profile) == before
    profile.projector.rebuild()
    assert dump_read_models(profile) == models
    export_events_to(profile, tmp_path / "repacked.jsonl")
    assert (tmp_path / "repacked.jsonl").read_bytes() == (tmp_path / "before.jsonl").read_bytes()


def test_an_archive_that_does_not_start_at_the_first_event_reads_back(profile: Profile, clock: SettableClock,
                                                                      tmp_path: Path) -> None:
    """A segment with a hole in its positions is never archived, so later ones can be archived before it
    (rebuilt through the work table, not in place)."""
    study_history(profile, clock, days=4)
    with profile.store.transaction() as connection:  # a hole at position 4, as a re-sequenced sync can leave
        connection.exec_driver_sql("UPDATE events SET position = (SELECT max(position) + 1 FROM events) "
                                   "WHERE position = 4")
    profile.projector.rebuild()
    before = everything(profile)
    models = dump_read_models(profile)
    report = compact(profile.store, FAR_FUTURE, datetime.now(UTC), segment=10)
    with profile.store.reading() as connection:
        firsts = [r[0] for r in connection.execute(sa.select(archive.c.first_position))]
    assert report.segments > 2 and 1 not in firsts

    assert everything(profile) == before
    profile.projector.rebuild()
    assert dump_read_models(profile) == models
    assert verify(profile.projector).ok


def _flip_a_bit(payload: bytes) -> bytes:
    """The stored segment with one bit changed in its middle, as a failing disk may hand it back."""
    damaged = bytearray(payload)
    damaged[len(damaged) // 2] ^= 0x04
    return bytes(damaged)


@pytest.mark.parametrize("damage", [lambda _: b"not compressed at all",
                                    lambda _: zstandard.compress(b"SQLite format 3\x00" + bytes(2000)),
                                    _flip_a_bit],
                         ids=["not-compressed", "not-a-database", "one-bit-flipped"])
def test_a_damaged_segment_is_reported_not_misread(profile: Profile, clock: SettableClock, damage) -> None:  # type: ignore[no-untyped-def]
    study_history(profile, clock, days=2)
    compact(profile.store, FAR_FUTURE, datetime.now(UTC), segment=10)
    with profile.store.transaction() as connection:
        stored = connection.execute(sa.select(archive.c.payload).where(archive.c.first_position == 1)).scalar_one()
        connection.execute(archive.update().where(archive.c.first_position == 1), {"payload": damage(stored)})
    profile.store.archive.forget()
    with pytest.raises(ArchiveDamaged, match="archive segment 1 is damaged"):
        list(profile.store.iter_all())
    before = dump_read_models(profile)
    with pytest.raises(ArchiveDamaged, match="archive segment 1 is damaged.*restore a backup"):
        profile.projector.rebuild()  # the store's own words, not wrapped as a projection failure
    assert dump_read_models(profile) == before  # the rebuild rolled back: nothing half-written


def test_a_syncing_profile_compacts_only_what_the_server_already_has(profile: Profile, clock: SettableClock) -> None:
    from effect_desktop.interchange.archiving import sync_limit
    from effect_desktop.sync import local_state

    study_history(profile, clock, days=3)
    assert sync_limit(profile) is None  # never synced: no limit
    local_state.ensure_tables(profile)
    with profile.store.transaction() as connection:
        local_state.put(connection, local_state.SERVER_KEY, "https://sync.example/learner")
        local_state.put(connection, local_state.ALL_KNOWN_UPTO, "25")
    assert sync_limit(profile) == 25
    report = compact(profile.store, FAR_FUTURE, datetime.now(UTC), segment=10, upto_position=sync_limit(profile))
    assert report.segments == 2  # positions 1-20; 21-30 holds events the server may not have yet


def test_the_timeline_shows_compacted_events_with_their_payloads(profile: Profile, clock: SettableClock) -> None:
    from effect_desktop.timeline.queries import TimelineQueries

    study_history(profile, clock, days=3)
    timeline = TimelineQueries(profile.store)
    before = [(e.event_id, e.payload, e.metadata) for e in timeline.page(limit=500).entries]

    compact(profile.store, FAR_FUTURE, datetime.now(UTC), segment=10)

    after = [(e.event_id, e.payload, e.metadata) for e in timeline.page(limit=500).entries]
    assert after == before and len(after) > 10


def test_compacted_profile_choices_still_decide(profile: Profile, clock: SettableClock) -> None:
    """A scheduler switch and a moved study day, archived with the rest: the profile opens under
    them, and a rebuild and `verify` agree (the choices are read through the store, archive and all)."""
    from effect_desktop.bootstrap import change_day_start_hour
    from effect_desktop.timeline.scheduler_replay import switch

    study_history(profile, clock, days=3)
    switch(profile, "fsrs")
    change_day_start_hour(profile, 2)
    reopened = open_profile(profile.path, clock=clock)
    models = dump_read_models(reopened)
    compact(reopened.store, FAR_FUTURE, datetime.now(UTC), segment=5)
    reopened.close()
    again = open_profile(profile.path, clock=clock)
    try:
        assert (again.service.scheduler.name, again.service.day_start_hour) == ("fsrs", 2)
        assert verify(again.projector).ok
        again.projector.rebuild()
        assert dump_read_models(again) == models
    finally:
        again.close()


def test_after_compaction_studying_reads_nothing_archived(profile: Profile, clock: SettableClock,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Every stream with archived events is snapshotted first, so an answer loads its word's progress
    from the snapshot: on a five-year profile each answer unpacked a hundred compressed segments
    (100-475 ms where 15 ms is usual) after the background compaction ran."""
    from effect_desktop.interchange.archiving import compact_profile

    study_history(profile, clock, days=3)
    words = [w.word_id for w in profile.queries.words()]
    done = compact_profile(profile, older_than_days=0, shrink=False, now=FAR_FUTURE, segment=10)
    assert done.report.segments > 0
    profile.close()
    reopened = open_profile(profile.path, clock=clock)
    unpacked: list[int] = []
    payload = reopened.store.archive.payload
    monkeypatch.setattr(reopened.store.archive, "payload",
                        lambda position: unpacked.append(position) or payload(position))  # counted, then read
    try:
        clock.advance(days=1)
        session = reopened.service.start_session("flashcard", words[:4])
        for word in words[:4]:
            reopened.service.answer(session, word, True, 1500)
        reopened.service.update_word(words[1], meaning="edited after compaction")
        reopened.service.complete_session(session)
        assert unpacked == []
        assert verify(reopened.projector).ok
    finally:
        reopened.close()


def test_a_compaction_asked_to_stop_while_snapshotting_archives_nothing(profile: Profile, clock: SettableClock,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The window closing during the first compaction of five years waited 12 s for the snapshots of every
    stream: it stops between two batches of them now, and archives no segment whose streams were not all
    snapshotted; the next compaction goes on."""
    from effect_desktop.interchange import archiving

    monkeypatch.setattr(archiving, "SNAPSHOTS_PER_TRANSACTION", 2)
    study_history(profile, clock, days=3)
    asked: list[int] = []

    def stop() -> bool:  # the window closes once the first batch is written
        asked.append(1)
        return len(asked) > 2

    done = archiving.compact_profile(profile, older_than_days=0, shrink=False, now=FAR_FUTURE, segment=10, stop=stop)
    assert done.report.segments == 0 and 2 < len(asked) < 10
    assert verify(profile.projector).ok
    again = archiving.compact_profile(profile, older_than_days=0, shrink=False, now=FAR_FUTURE, segment=10)
    assert again.report.segments > 0 and verify(profile.projector).ok


def test_compaction_on_a_nearly_full_disk_changes_nothing_and_says_why(profile: Profile, clock: SettableClock,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """With 12 MB free, compaction wrote snapshots until the disk was full, then said "nothing was
    written"; the window's own background run did the same and left no room for the next answer
    (found by a data-safety helper). It now looks at the free space first: by hand it refuses, saying
    how much it needs; in the background it waits; without room to shrink it archives and says so."""
    from collections import namedtuple

    from effect_desktop.interchange import archiving
    from effect_desktop.persistence.errors import DiskFull
    from effect_desktop.persistence.schema import snapshots

    study_history(profile, clock, days=3)
    Usage = namedtuple("Usage", "total used free")
    free = [5 * 1024 * 1024]
    monkeypatch.setattr(archiving.shutil, "disk_usage", lambda _path: Usage(10**12, 0, free[0]))

    def kept() -> tuple[int, int]:
        with profile.store.reading() as connection:
            return profile.store.count(), connection.execute(sa.select(sa.func.count()).select_from(snapshots)).scalar()

    before = kept()
    with pytest.raises(DiskFull) as refused:
        archiving.compact_profile(profile, older_than_days=0, now=FAR_FUTURE, segment=10)
    assert "Compacting needs about" in str(refused.value) and "Nothing was changed" in str(refused.value)
    assert kept() == before
    assert archiving.compact_if_worthwhile(profile, older_than_days=0, now=FAR_FUTURE) is None
    assert kept() == before

    free[0] = archiving.room(profile, 10)[1]  # room to archive, not to copy the whole file
    done = archiving.compact_profile(profile, older_than_days=0, now=FAR_FUTURE, segment=10)
    assert done.report.segments > 0 and done.unshrunk_for_room
    assert verify(profile.projector).ok
