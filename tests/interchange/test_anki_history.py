"""An Anki collection's review history comes along as answers: schedules, statistics and the
timeline go on from there, and importing the same package again answers nothing twice."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import genanki
import pytest
import zstandard

from effect_desktop.application import service as service_module
from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.domain.events import Grade
from effect_desktop.domain.scheduling.base import Review, replay
from effect_desktop.interchange.apkg_import import read_apkg
from effect_desktop.interchange.importer import ImportReport, apply_import, plan_import
from effect_desktop.projections.verify import verify
from effect_desktop.timeline.scheduler_choice import scheduler_named
from effect_desktop.timeline.service import Timeline
from tests.integration.profile_helpers import dump_read_models

from .test_apkg import BASIC, anki21b_package

DAY_MS = 86_400_000


def ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


# The profile's clock reads 2026-04-01; the reviews are in March, at 09:00 UTC.
MARCH = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def legacy_package(tmp_path: Path, revlog: list[tuple[int, ...]], *, sched_ver: int | None = 2,
                   name: str = "deck.apkg", notes: tuple[tuple[str, str], ...] = (("apple", "りんご"),
                                                                                  ("bread", "パン"))) -> Path:
    """A genanki package whose collection holds `revlog` rows (id ms, note index, ease, time ms, type[,
    ease factor, 2500 when not given])."""
    deck = genanki.Deck(2059400111, "English")
    for front, back in notes:
        deck.add_note(genanki.Note(model=BASIC, fields=[front, back]))
    plain = tmp_path / "plain.apkg"
    genanki.Package(deck).write_to_file(plain)
    with zipfile.ZipFile(plain) as source:
        collection = tmp_path / "collection.anki2"
        collection.write_bytes(source.read("collection.anki2"))
        others = {n: source.read(n) for n in source.namelist() if n != "collection.anki2"}
    connection = sqlite3.connect(collection)
    cards = dict(enumerate(c for (c,) in connection.execute(
        "SELECT c.id FROM notes n JOIN cards c ON c.nid = n.id ORDER BY n.id")))
    conf = connection.execute("SELECT conf FROM col").fetchone()[0]
    if sched_ver is not None:
        conf = conf.rstrip("}") + (", " if conf.strip() != "{}" else "") + f'"schedVer": {sched_ver}}}'
    connection.execute("UPDATE col SET conf = ?", (conf,))
    connection.executemany("INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, ?, ?, ?)",
                           [(at, cards[note], ease, factor, spent, kind)
                            for at, note, ease, spent, kind, factor in ((*row, 2500)[:6] for row in revlog)])
    connection.commit()
    connection.close()
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("collection.anki2", collection.read_bytes())
        for member, data in others.items():
            package.writestr(member, data)
    return path


def import_package(profile: Profile, path: Path, *, history: bool = True) -> ImportReport:
    return apply_import(profile.service, plan_import(profile.queries, read_apkg(path), history=history))


def word_id(profile: Profile, text: str):  # noqa: ANN201
    return next(w.word_id for w in profile.queries.words() if w.text == text)


# apple: Good on three days, the third time after an Again and a Good on the same sitting's card;
# bread: Again then Good in one sitting (a learning step), then Easy two days later; one entry a
# "Set Due Date" (type 4, ease 0), not an answer, and one dated before Anki existed.
REVLOG = [
    (ms(MARCH), 0, 3, 8_000, 0),
    (ms(MARCH) + 60_000, 1, 1, 12_000, 0),
    (ms(MARCH) + 120_000, 1, 3, 5_000, 0),
    (ms(MARCH) + DAY_MS, 0, 3, 4_000, 1),
    (ms(MARCH) + 3 * DAY_MS, 1, 4, 3_000, 1),
    (ms(MARCH) + 7 * DAY_MS, 0, 1, 9_000, 1),
    (ms(MARCH) + 7 * DAY_MS + 600_000, 0, 3, 6_000, 2),
    (ms(MARCH) + 8 * DAY_MS, 0, 0, 0, 4),
    (ms(datetime(1999, 1, 1, tzinfo=UTC)), 0, 3, 1_000, 1),
]


@pytest.mark.parametrize("long_history", [False, True], ids=["event by event", "stored in slices, then rebuilt"])
def test_each_review_becomes_an_answer_on_its_day_and_the_schedule_goes_on_from_there(
        tmp_path: Path, profile: Profile, monkeypatch: pytest.MonkeyPatch, long_history: bool) -> None:
    if long_history:  # as 200,000 reviews are: appended a few events at a time, then one rebuild
        monkeypatch.setattr(service_module, "REBUILD_AFTER", 2)
        monkeypatch.setattr(service_module, "APPEND_SLICE", 3)
    report = import_package(profile, legacy_package(tmp_path, REVLOG))
    assert report.created == 2 and report.answers == 7
    assert "7 reviews from Anki kept as answers" in report.summary()
    apple, bread = word_id(profile, "apple"), word_id(profile, "bread")

    answers = profile.queries.answers_for_word(bread)
    assert [(a.answered_at, a.grade, a.is_correct, a.attempt_number, a.response_time_ms) for a in answers] == [
        (MARCH + timedelta(minutes=1), "again", False, 1, 12_000),
        (MARCH + timedelta(minutes=2), "good", True, 2, 5_000),  # the same sitting: a repeat
        (MARCH + timedelta(days=3), "easy", True, 1, 3_000)]
    # the schedule is SM-2's over the first attempts, as if the learner had studied here
    expected = replay(profile.service.scheduler, [Review(MARCH + timedelta(minutes=1), False, 12_000, Grade.AGAIN),
                              Review(MARCH + timedelta(days=3), True, 3_000, Grade.EASY)])
    progress = {p.word_id: p for p in profile.queries.all_progress()}
    assert progress[bread].next_review_date == expected.next_review_date
    assert progress[bread].interval_days == expected.interval_days
    # the Again of day 8 is its last first attempt: the Good ten minutes later repeats it in that sitting
    assert progress[apple].last_answered_at == MARCH + timedelta(days=7)
    assert progress[apple].interval_days == 1

    # one session a sitting: day 1 (both words), day 2, day 4, day 8 (Again, and Good 10 minutes later)
    sessions = sorted(profile.queries.sessions(), key=lambda s: s.started_at)
    assert [(s.started_at.date(), s.answered, s.correct, s.completed) for s in sessions] == [
        (date(2026, 3, 1), 3, 2, True), (date(2026, 3, 2), 1, 1, True), (date(2026, 3, 4), 1, 1, True),
        (date(2026, 3, 8), 2, 1, True)]
    assert sessions[0].started_at == MARCH - timedelta(seconds=8)  # the first card was looked at for 8 s
    days = {d.study_day: d for d in profile.queries.daily_stats()}
    assert days[date(2026, 3, 1)].answers == 3 and days[date(2026, 3, 1)].sessions_completed == 1
    # each word is added as of its first sitting in Anki, not on the day of the import
    assert days[date(2026, 3, 1)].words_added == 2 and date(2026, 4, 1) not in days
    assert verify(profile.projector).ok


def test_the_collection_as_it_was_in_the_anki_years_holds_those_words_and_schedules(
        tmp_path: Path, profile: Profile) -> None:
    import_package(profile, legacy_package(tmp_path, REVLOG))
    timeline = Timeline(profile)
    timeline.prepare()
    before = timeline.state_at(MARCH - timedelta(days=1))
    assert before.words == []
    then = timeline.state_at(MARCH + timedelta(days=2))  # after apple's second Good, before bread's Easy
    assert sorted(w.text for w in then.words) == ["apple", "bread"]
    apple, bread = then.word(word_id(profile, "apple")), then.word(word_id(profile, "bread"))
    assert apple is not None and apple.progress is not None and apple.progress.interval_days == 6
    assert bread is not None and bread.progress is not None and bread.progress.interval_days == 1


def test_the_history_counts_in_the_streak_with_todays_studying(tmp_path: Path, profile: Profile) -> None:
    """Three days in Anki up to yesterday, and an answer here today: a streak of four."""
    today = datetime(2026, 4, 1, 8, 0, tzinfo=UTC)  # the profile's clock: 17:00 in Tokyo
    word = profile.service.create_word("cat", "猫")
    session = profile.service.start_session("flashcard", [word])
    profile.service.answer(session, word, True, 2_000)
    profile.service.complete_session(session)
    revlog = [(ms(today - timedelta(days=n)), 0, 3, 2_000, 1) for n in (3, 2, 1)]
    import_package(profile, legacy_package(tmp_path, revlog))
    streak = profile.queries.streak(profile.user_id, date(2026, 4, 1))
    assert streak.consecutive_days == 4
    live = dump_read_models(profile)
    profile.projector.rebuild()
    assert dump_read_models(profile) == live


def test_the_same_package_again_answers_nothing_twice(tmp_path: Path, profile: Profile) -> None:
    path = legacy_package(tmp_path, REVLOG)
    import_package(profile, path)
    answers = len(profile.queries.answers_for_word(word_id(profile, "bread")))
    again = import_package(profile, path)
    assert (again.created, again.answers, again.reviews_left_out) == (0, 0, 7)
    assert "7 reviews of words you already have (or had) left out" in again.summary()
    assert len(profile.queries.answers_for_word(word_id(profile, "bread"))) == answers


@pytest.mark.parametrize("long_history", [False, True], ids=["event by event", "stored in slices, then rebuilt"])
def test_a_package_exported_again_later_brings_the_reviews_since(tmp_path: Path, profile: Profile,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 long_history: bool) -> None:
    """A learner went on with Anki (AnkiDroid on the way to work) after the first import and exported the
    deck again: every review of a word already answered was left out, and the words stayed due (found by
    an Anki migrant helper). Now the reviews after a word's latest answer come, its schedule going on."""
    if long_history:
        monkeypatch.setattr(service_module, "REBUILD_AFTER", 2)
        monkeypatch.setattr(service_module, "APPEND_SLICE", 3)
    first = REVLOG[:5]  # apple's first two days, bread's first sitting and its Easy of day 4
    import_package(profile, legacy_package(tmp_path, first, name="march.apkg"))
    apple = word_id(profile, "apple")
    before = len(profile.queries.answers_for_word(apple))
    later = [(ms(MARCH) + 20 * DAY_MS, 0, 3, 3_000, 1), (ms(MARCH) + 45 * DAY_MS, 0, 3, 2_500, 1)]
    report = import_package(profile, legacy_package(tmp_path, [*REVLOG, *later], name="april.apkg"))
    # apple: its Again and Good of day 8 (REVLOG) and the two later Goods; bread: nothing after its day 4
    assert (report.created, report.answers) == (0, 4)
    answers = profile.queries.answers_for_word(apple)
    assert len(answers) == before + 4 and answers[-1].answered_at == MARCH + timedelta(days=45)
    firsts = [Review(a.answered_at, a.is_correct, a.response_time_ms, Grade(a.grade)) for a in answers
              if a.attempt_number == 1]
    progress = {p.word_id: p for p in profile.queries.all_progress()}[apple]
    expected = replay(profile.service.scheduler, firsts)
    assert (progress.interval_days, progress.next_review_date) == (expected.interval_days, expected.next_review_date)
    assert verify(profile.projector).ok
    again = import_package(profile, legacy_package(tmp_path, [*REVLOG, *later], name="again.apkg"))
    assert (again.answers, again.reviews_left_out) == (0, 9)  # nothing twice


def test_reviews_passed_by_an_answer_given_after_the_plan_are_left_out(tmp_path: Path) -> None:
    """The plan chose the reviews after the word's latest answer; another program answered it before the
    plan was applied, and the older reviews were folded after that answer, out of their time order (found
    in review)."""
    now = [datetime(2026, 4, 1, 9, tzinfo=UTC)]
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=lambda: now[0])
    try:
        first = [(ms(MARCH) + day * DAY_MS, 0, 3, 3_000, 1) for day in range(3)]
        import_package(profile, legacy_package(tmp_path, first, notes=(("apple", "りんご"),), name="a.apkg"))
        apple = word_id(profile, "apple")
        more = [*first, *((ms(MARCH) + day * DAY_MS, 0, 1, 3_000, 1) for day in (10, 20))]
        plan = plan_import(profile.queries, read_apkg(legacy_package(tmp_path, more, notes=(("apple", "りんご"),),
                                                                     name="b.apkg")))
        assert [len(reviews) for reviews in plan.later.values()] == [2]
        other = open_profile(profile.path, clock=lambda: now[0])  # meanwhile, answered elsewhere (April 1)
        try:
            session = other.service.start_session("flashcard", [apple])
            other.service.answer(session, apple, True, 2_000, "good")
        finally:
            other.close()
        report = apply_import(profile.service, plan)
        assert report.answers == 0
        assert [a.answered_at.date() for a in profile.queries.answers_for_word(apple)][-1] == date(2026, 4, 1)
        assert verify(profile.projector).ok
    finally:
        profile.close()


def test_a_meaning_edited_in_anki_does_not_give_its_history_to_a_second_word(tmp_path: Path,
                                                                           profile: Profile) -> None:
    """猫 "cat" became "cat; kitty" in Anki, and the deck imported again: a second 猫 was added with the 15
    reviews the first already had, the statistics counting each twice (found by an Anki migrant helper)."""
    revlog = [(ms(MARCH) + day * DAY_MS, 0, 3, 3_000, 1) for day in range(3)]
    import_package(profile, legacy_package(tmp_path, revlog, notes=(("猫", "cat"),), name="first.apkg"))
    parsed = read_apkg(legacy_package(tmp_path, revlog, notes=(("猫", "cat; kitty"),), name="edited.apkg"))
    report = apply_import(profile.service, plan_import(profile.queries, parsed, "update"))
    assert (report.created, report.answers, report.reviews_left_out) == (1, 0, 3)
    assert sorted(len(profile.queries.answers_for_word(w.word_id)) for w in profile.queries.words()) == [0, 3]
    assert verify(profile.projector).ok
    # reviewed since in Anki, and imported again under the default "skip": the reviews since come with
    # the note as it is now (they went to neither word; found in review)
    since = [*revlog, *((ms(MARCH) + day * DAY_MS, 0, 3, 3_000, 1) for day in (10, 20))]
    parsed = read_apkg(legacy_package(tmp_path, since, notes=(("猫", "cat; kitty"),), name="later.apkg"))
    again = apply_import(profile.service, plan_import(profile.queries, parsed))
    assert (again.answers, again.reviews_left_out) == (2, 3)
    counts = {w.meaning: len(profile.queries.answers_for_word(w.word_id)) for w in profile.queries.words()}
    assert counts == {"cat": 3, "cat; kitty": 2}


def test_unticked_the_words_come_alone(tmp_path: Path, profile: Profile) -> None:
    report = import_package(profile, legacy_package(tmp_path, REVLOG), history=False)
    assert (report.created, report.answers) == (2, 0)
    assert profile.queries.all_progress() == [] and profile.queries.sessions() == []


def test_two_notes_of_one_word_give_one_word_answered_in_both(tmp_path: Path, profile: Profile) -> None:
    revlog = [(ms(MARCH), 0, 3, 2_000, 1), (ms(MARCH) + DAY_MS, 1, 3, 2_000, 1)]
    path = legacy_package(tmp_path, revlog, notes=(("dog", "犬"), ("dog", "犬")))
    parsed = read_apkg(path)
    report = apply_import(profile.service, plan_import(profile.queries, parsed))
    assert (report.created, report.answers) == (1, 2)
    assert [a.answered_at for a in profile.queries.answers_for_word(word_id(profile, "dog"))] == [
        MARCH, MARCH + timedelta(days=1)]
    # planning again (the window does, at each choice) does not add the second note's reviews twice
    assert plan_import(profile.queries, parsed).reviews == 0
    assert sum(len(c.history) for c in parsed.candidates) == 2


def test_the_old_schedulers_learning_buttons_are_read_as_it_meant_them(tmp_path: Path, profile: Profile) -> None:
    """Anki's v1 scheduler had three buttons while learning and in a filtered deck: 2 was Good, 3 Easy;
    reviews had four."""
    revlog = [(ms(MARCH), 0, 2, 2_000, 0), (ms(MARCH) + DAY_MS, 0, 3, 2_000, 0),
              (ms(MARCH) + 2 * DAY_MS, 0, 2, 2_000, 1), (ms(MARCH) + 3 * DAY_MS, 0, 3, 2_000, 3)]
    import_package(profile, legacy_package(tmp_path, revlog, sched_ver=None))
    grades = [a.grade for a in profile.queries.answers_for_word(word_id(profile, "apple"))]
    assert grades == ["good", "easy", "hard", "easy"]


def test_cramming_that_left_anki_s_schedule_alone_is_left_out(tmp_path: Path, profile: Profile) -> None:
    """Good on three days gives a 15-day interval; an Again while cramming in a filtered deck that does
    not reschedule (no ease factor) changed nothing in Anki and must not set the word back to 1 day here.
    A filtered deck that reschedules (with a factor) is a review like any other."""
    good = [(ms(MARCH + timedelta(days=day)), 0, 3, 2_000, 1) for day in (0, 1, 7)]
    crammed = (ms(MARCH + timedelta(days=8)), 0, 1, 2_000, 3, 0)
    early = (ms(MARCH + timedelta(days=9)), 1, 3, 2_000, 3, 2500)
    report = import_package(profile, legacy_package(tmp_path, [*good, crammed, early]))
    assert report.answers == 4
    progress = {p.word_id: p for p in profile.queries.all_progress()}
    assert progress[word_id(profile, "apple")].interval_days == 15
    assert [a.answered_at for a in profile.queries.answers_for_word(word_id(profile, "bread"))] == [
        MARCH + timedelta(days=9)]


def test_each_answer_falls_on_the_study_day_of_the_learners_clock_then(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                        profile: Profile) -> None:
    """20:00 UTC on 10 March is 05:00 on the 11th in Tokyo: past 4:00, the 11th's study day there."""
    if not hasattr(time, "tzset"):
        pytest.skip("time zones are set per process only where time.tzset exists (not Windows)")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        evening = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)
        import_package(profile, legacy_package(tmp_path, [(ms(evening), 0, 3, 2_000, 1)]))
    finally:
        monkeypatch.undo()
        time.tzset()
    (answer,) = profile.queries.answers_for_word(word_id(profile, "apple"))
    assert (answer.study_day, answer.utc_offset_minutes) == (date(2026, 3, 11), 540)


def test_a_newer_collection_package_brings_its_history(tmp_path: Path, profile: Profile) -> None:
    """Anki 2.1.50+'s zstd collection, as a whole collection package (.colpkg) from the command line."""
    path = anki21b_package(tmp_path)
    with zipfile.ZipFile(path) as package:
        collection = zstandard.ZstdDecompressor().decompress(package.read("collection.anki21b"),
                                                             max_output_size=10_000_000)
    db = tmp_path / "with-reviews.anki21"
    db.write_bytes(collection)
    connection = sqlite3.connect(db)
    connection.executescript("""
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer, usn integer, ease integer, ivl integer,
                             lastIvl integer, factor integer, time integer, type integer);
        CREATE TABLE config (KEY text PRIMARY KEY, usn integer, mtime_secs integer, val blob);
        INSERT INTO config VALUES ('schedVer', 0, 0, CAST('2' AS BLOB));
    """)
    connection.executemany("INSERT INTO revlog VALUES (?, 101, -1, ?, 1, 0, 2500, 4000, 1)",
                           [(ms(MARCH), 3), (ms(MARCH) + DAY_MS, 1)])
    connection.commit()
    connection.close()
    whole = tmp_path / "collection.colpkg"
    with zipfile.ZipFile(whole, "w") as package:
        package.writestr("collection.anki21b", zstandard.ZstdCompressor().compress(db.read_bytes()))
    data = profile.path.parent
    profile.close()
    done = subprocess.run([sys.executable, "-m", "effect_desktop", "--data-dir", str(data), "--profile", "learner",
                           "import", str(whole)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "2 reviews from Anki kept as answers" in done.stdout
    reopened = open_profile(data / "learner.effect.sqlite3")
    try:
        answers = reopened.queries.answers_for_word(word_id(reopened, "食べる"))
        assert [(a.answered_at, a.grade) for a in answers] == [(MARCH, "good"), (MARCH + timedelta(days=1), "again")]
    finally:
        reopened.close()


def test_the_window_offers_the_history_says_how_much_and_imports_it(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                     profile: Profile) -> None:
    from effect_desktop.gui import i18n
    from effect_desktop.gui.import_dialog import ImportDialog, import_summary

    from .test_import_dialog import import_now, open_file

    i18n.install("en")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, legacy_package(tmp_path, REVLOG))
    assert dialog.history_check.isVisibleTo(dialog) and dialog.history_check.isChecked()
    assert "7 reviews, from 2026-03-01 to 2026-03-08" in dialog.detected_label.text()
    assert "7 reviews from Anki kept as answers" in dialog.check_summary.text()
    with qtbot.waitSignal(dialog.checked, timeout=10_000):  # a fresh start: the words alone
        dialog.history_check.click()
    assert "review" not in dialog.check_summary.text()
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.history_check.click()
    # under SM-2 a history pushed words years away: FSRS is offered, ticked, and only with the history
    assert dialog.fsrs_check.isVisibleTo(dialog) and dialog.fsrs_check.isChecked()
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.history_check.click()
    assert not dialog.fsrs_check.isEnabled()
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.history_check.click()
    assert dialog.fsrs_check.isEnabled()
    report = import_now(qtbot, dialog)
    assert isinstance(report, ImportReport) and report.answers == 7
    assert import_summary(report) == ("Import finished: 2 words added, 7 reviews from Anki kept as answers, "
                                      "scheduled by FSRS from now on.")
    assert len(profile.queries.sessions()) == 4
    assert profile.service.scheduler.name == "fsrs"
    assert verify(profile.projector).ok
    # the Anki years are scheduled by FSRS too: folded by SM-2 and switched after, the past kept SM-2's
    # intervals (a word due in 2104 as of 2024; found by an Anki migrant helper)
    then = Timeline(profile)
    then.prepare()
    past = then.state_at(MARCH + timedelta(days=2))
    apple = past.word(word_id(profile, "apple"))
    assert past.scheduler == "fsrs" and apple is not None and apple.progress is not None
    fsrs = replay(scheduler_named("fsrs", profile.service.day_start_hour),
                  [Review(MARCH, True, 8_000, Grade.GOOD), Review(MARCH + timedelta(days=1), True, 4_000, Grade.GOOD)])
    assert apple.progress.interval_days == fsrs.interval_days != 6  # 6: SM-2's


def test_an_import_with_fsrs_that_fails_leaves_sm2_in_force(tmp_path: Path, profile: Profile) -> None:
    """The switch is made in the import's transaction: a full disk rolls it back with the import, and the
    answers given next are scheduled by the scheduler the log holds, not the one the failed import chose."""
    from effect_desktop.interchange.history_scheduler import import_scheduled
    from effect_desktop.persistence.errors import DiskFull
    from effect_desktop.timeline import scheduler_replay
    from tests.support.limits import files_no_larger_than

    notes = tuple((f"w{n}", f"m{n}") for n in range(400))
    revlog = [(ms(MARCH) + n * 60_000 + day * DAY_MS, n, 3, 4_000, 1) for n in range(400) for day in range(3)]
    plan = plan_import(profile.queries, read_apkg(legacy_package(tmp_path, revlog, notes=notes)))
    profile.service.create_word("kept", "as it was")
    largest = max(f.stat().st_size for f in profile.path.parent.glob(f"{profile.path.name}*"))
    with pytest.raises(DiskFull), files_no_larger_than(largest + 20_000):
        import_scheduled(profile, plan, "fsrs")
    assert profile.store.count() == 1 and profile.service.scheduler.name == "sm2"
    # another program switches now, its switch stored where the rolled-back one was: taken up all the
    # same (the window remembered that position as seen, and went on with SM-2; found in review)
    other = open_profile(profile.path)
    try:
        scheduler_replay.switch(other, "fsrs")
    finally:
        other.close()
    session = profile.service.start_session("flashcard", [word_id(profile, "kept")])
    profile.service.answer(session, word_id(profile, "kept"), True, 2_000)
    assert profile.service.scheduler.name == "fsrs"
    assert verify(profile.projector).ok


def test_time_travel_keeps_the_scheduler_of_the_day_when_a_history_comes_after_a_switch(
        tmp_path: Path) -> None:
    """Studied under SM-2 in January, switched to FSRS in February, an Anki history of 2025 imported in
    March (FSRS kept): time travel to January showed FSRS's schedule for the word studied then, since
    the history, dated before, was stored after the switch (found in review). A switch is in force on a
    past day when stored before it, or made with the events replayed (an import that switches)."""
    from effect_desktop.timeline import scheduler_replay

    now = [datetime(2026, 1, 5, 9, tzinfo=UTC)]
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=lambda: now[0])
    try:
        word = profile.service.create_word("native", "studied in January")
        for _ in range(3):
            session = profile.service.start_session("flashcard", [word])
            profile.service.answer(session, word, True, 3_000, "good")
            now[0] += timedelta(days=1)
        then = profile.queries.word(word)
        assert then is not None and then.progress is not None
        january = now[0]
        now[0] = datetime(2026, 2, 1, 9, tzinfo=UTC)
        scheduler_replay.switch(profile, "fsrs")
        now[0] = datetime(2026, 3, 1, 9, tzinfo=UTC)
        revlog = [(ms(datetime(2025, 6, 1, 9, tzinfo=UTC)) + day * DAY_MS, 0, 3, 4_000, 1) for day in range(3)]
        import_package(profile, legacy_package(tmp_path, revlog, notes=(("apple", "りんご"),)))
        timeline = Timeline(profile)
        timeline.prepare()
        past = timeline.state_at(january)
        shown = past.word(word)
        assert past.scheduler == "sm2" and shown is not None and shown.progress is not None
        assert (shown.progress.interval_days, shown.progress.next_review_date) == (
            then.progress.interval_days, then.progress.next_review_date)
    finally:
        profile.close()


def test_a_whole_collection_is_named_so_and_fsrs_is_not_offered_twice(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                       profile: Profile) -> None:
    from effect_desktop.gui import i18n
    from effect_desktop.gui.import_dialog import ImportDialog
    from effect_desktop.timeline import scheduler_replay

    from .test_import_dialog import open_file

    i18n.install("en")
    scheduler_replay.switch(profile, "fsrs")
    whole = tmp_path / "collection.colpkg"
    whole.write_bytes(legacy_package(tmp_path, REVLOG).read_bytes())  # the same zip inside
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, whole)
    assert dialog.detected_label.text().startswith("Anki collection, 2 notes")
    assert dialog.history_check.isVisibleTo(dialog) and not dialog.fsrs_check.isVisibleTo(dialog)


def test_the_command_line_switches_to_fsrs_when_asked_and_says_why_when_not(tmp_path: Path, profile: Profile) -> None:
    path = legacy_package(tmp_path, REVLOG)
    data = profile.path.parent
    profile.close()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "effect_desktop", "--data-dir", str(data), "--profile", "learner",
                               "import", str(path), *args], capture_output=True, text=True, timeout=120)

    dry = run("--dry-run", "--scheduler", "fsrs")
    assert dry.returncode == 0 and "with 7 reviews from Anki as answers" in dry.stdout
    assert "then scheduled by FSRS" in dry.stdout
    alone = run("--anki-history", "no", "--dry-run", "--scheduler", "fsrs")  # said, not silently ignored
    assert "--scheduler fsrs applies to an Anki history, and this import brings none" in alone.stderr
    first = run()
    assert first.returncode == 0 and "effect-desktop scheduler switch fsrs" in first.stderr
    assert "FSRS" not in first.stdout
    again = run("--scheduler", "fsrs")  # the same package again: nothing twice, and the switch made
    assert again.returncode == 0, again.stderr
    assert "7 reviews of words you already have (or had) left out, scheduled by FSRS from now on" in again.stdout
    reopened = open_profile(data / "learner.effect.sqlite3")
    try:
        assert reopened.service.scheduler.name == "fsrs"
        assert len(reopened.queries.answers_for_word(word_id(reopened, "bread"))) == 3
    finally:
        reopened.close()


def test_a_jump_into_the_anki_years_starts_from_a_checkpoint_of_that_time(tmp_path: Path, profile: Profile) -> None:
    """The history is stored in time order, each word just before its first sitting: with every word
    first (dated across the years), each checkpoint after them counted as of the latest of those days,
    and every jump into the imported years replayed the whole history."""
    start = MARCH - timedelta(days=400)
    # a word more every week: the last is first studied on day 273
    revlog = [(ms(start + timedelta(days=day, minutes=minute)), (day + minute) % min(40, day // 7 + 1), 3, 2_000, 1)
              for day in range(300) for minute in range(6)]
    notes = tuple((f"word {n}", f"meaning {n}") for n in range(40))
    import_package(profile, legacy_package(tmp_path, revlog, notes=notes))
    timeline = Timeline(profile)
    timeline.prepare()
    then = timeline.state_at(start + timedelta(days=250, seconds=-1))
    total = profile.store.last_position()
    assert then.totals.answers == 250 * 6
    assert then.replayed < 600 < total  # from the checkpoint before that day, not from the start


def test_words_imported_before_without_their_history_take_it_when_the_package_comes_again(
        tmp_path: Path, profile: Profile) -> None:
    """A deck imported before this version (or with the tick off), imported again: its words never
    answered here take their Anki reviews; a word answered here since keeps its own history."""
    path = legacy_package(tmp_path, REVLOG)
    import_package(profile, path, history=False)
    apple = word_id(profile, "apple")
    session = profile.service.start_session("flashcard", [apple])
    profile.service.answer(session, apple, True, 2_000)  # studied here since
    profile.service.complete_session(session)
    again = import_package(profile, path)
    assert (again.created, again.answers, again.reviews_left_out) == (0, 3, 4)  # bread's 3; apple's 4 left out
    assert len(profile.queries.words()) == 2
    assert [a.grade for a in profile.queries.answers_for_word(word_id(profile, "bread"))] == ["again", "good", "easy"]
    assert len(profile.queries.answers_for_word(apple)) == 1
    assert verify(profile.projector).ok
    third = import_package(profile, path)  # and nothing twice
    assert (third.answers, third.reviews_left_out) == (0, 7)


def test_a_deleted_word_never_answered_holds_no_history_and_the_new_one_takes_it(tmp_path: Path,
                                                                                  profile: Profile) -> None:
    path = legacy_package(tmp_path, REVLOG)
    import_package(profile, path, history=False)
    profile.service.delete_word(word_id(profile, "bread"))  # never answered
    again = import_package(profile, path)
    assert (again.created, again.reviews_left_out) == (1, 0)
    assert len(profile.queries.answers_for_word(word_id(profile, "bread"))) == 3


def test_a_few_words_bringing_many_reviews_are_backed_up_before(tmp_path: Path, profile: Profile) -> None:
    """The backup before an import counted words: two words carrying thousands of answers wrote them with
    none, while the undo box pointed to it."""
    from effect_desktop.backup.backups import list_backups
    from effect_desktop.backup.schedule import backup_before_change

    path = legacy_package(tmp_path, REVLOG)
    import_package(profile, path, history=False)
    revlog = [(ms(MARCH + timedelta(days=day)), day % 2, 3, 2_000, 1) for day in range(30)]
    many = legacy_package(tmp_path, revlog, name="many.apkg")
    plan = plan_import(profile.queries, read_apkg(many))
    report = apply_import(profile.service, plan, before_write=lambda n: backup_before_change(profile, n))
    assert report.answers == 30 and len(list_backups(profile.path)) == 1


def test_the_history_ticks_keep_the_keyboard_and_come_before_the_preview(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                          profile: Profile) -> None:
    """Space on the history tick sent the focus to "skip it" (the tick was disabled while the check ran),
    and Tab reached the preview before the ticks above it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from effect_desktop.gui import i18n
    from effect_desktop.gui.import_dialog import ImportDialog

    from .test_import_dialog import open_file

    i18n.install("en")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    open_file(qtbot, dialog, legacy_package(tmp_path, REVLOG))
    dialog.history_check.setFocus()
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        QTest.keyClick(dialog.history_check, Qt.Key.Key_Space)
    assert not dialog.history_check.isChecked() and dialog.focusWidget() is dialog.history_check
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        QTest.keyClick(dialog.history_check, Qt.Key.Key_Space)
    assert dialog.history_check.isChecked() and dialog.focusWidget() is dialog.history_check
    QTest.keyClick(dialog.history_check, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.fsrs_check
    QTest.keyClick(dialog.fsrs_check, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.preview
    assert "<" not in dialog.history_check.toolTip()  # read out as written, not as markup
