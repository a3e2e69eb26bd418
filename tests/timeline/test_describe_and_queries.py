"""The timeline as a learner reads it: sentences, filters that combine, pages, causes and effects."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from effect_desktop.bootstrap import Profile
from effect_desktop.timeline.describe import describe
from effect_desktop.timeline.entries import TimelineFilter
from effect_desktop.timeline.queries import TimelineQueries


def _sentences(profile: Profile, timeline_filter: TimelineFilter | None = None, language: str = "en") -> list[str]:
    page = TimelineQueries(profile.store).page(timeline_filter)
    return [describe(e, language) for e in page.entries]


def test_every_event_reads_as_a_sentence_newest_first(profile: Profile, studied: dict) -> None:
    sentences = _sentences(profile)
    assert sentences[0] == "Deleted the word 'りんご'"
    assert "Answered 'りんご' correctly in 2.3 s (attempt 1)" in sentences
    assert "Answered 'apple' wrongly in 4.1 s (attempt 1)" in sentences
    assert "Undid the answer to 'apple' (wrong, attempt 1)" in sentences
    assert "Changed the meaning of 'apple'" in sentences
    assert "Streak: 2 days" in sentences
    assert sentences[-1] in ("Added the word 'apple' (りんご)", "Added the word 'りんご' (apple)")
    assert len(sentences) == profile.store.count()


def test_a_word_with_a_line_break_reads_on_one_line(profile: Profile) -> None:
    """The rows are one line high: "Answered 'line…" hid right or wrong and the due date after a word's break."""
    s = profile.service
    [word] = s.create_words([{"text": "line\nbreak", "meaning": "multi\u2028line"}])
    session = s.start_session("typing", [word])
    s.answer(session, word, True, 2300)
    s.update_word(word, text="tab\tbed")
    sentences = _sentences(profile)
    assert "Added the word 'line break' (multi line)" in sentences
    assert "Answered 'line break' correctly in 2.3 s (attempt 1)" in sentences
    assert "Renamed 'line break' to 'tab bed'" in sentences
    assert not any(mark in sentence for sentence in sentences for mark in "\n\t\u2028")


def test_sentences_in_japanese(profile: Profile, studied: dict) -> None:
    sentences = _sentences(profile, language="ja")
    assert "「りんご」に正解しました（2.3 秒、1 回目）" in sentences
    assert "「apple」の意味を変更しました" in sentences
    assert "連続学習：2 日" in sentences
    assert "「apple」への解答を取り消しました（不正解、1 回目）" in sentences


def test_undo_of_an_edit_and_of_a_deletion_say_so(profile: Profile, studied: dict) -> None:
    apple, ringo = studied["apple"], studied["ringo"]
    edit = TimelineQueries(profile.store).page(TimelineFilter(event_types=("WordUpdated",))).entries[0]
    profile.service.update_word(apple, undoes=edit.event_id, meaning="りんご")
    deletion = TimelineQueries(profile.store).page(TimelineFilter(event_types=("WordDeleted",))).entries[0]
    profile.service.restore_word(ringo, undoes=deletion.event_id)
    sentences = _sentences(profile)
    assert sentences[:2] == ["Undid the deletion of 'りんご'", "Undid the change to the meaning of 'apple'"]


def test_a_later_restore_and_its_undo_read_as_such(profile: Profile, studied: dict) -> None:
    ringo = studied["ringo"]
    restored = profile.service.restore_word(ringo)  # from the list of deleted words, days later
    profile.service.delete_word(ringo, undoes=restored)
    assert _sentences(profile)[:2] == ["Undid bringing back 'りんご'", "Restored the word 'りんご'"]
    assert _sentences(profile, language="ja")[:2] == ["「りんご」の復元を取り消しました",
                                                      "単語「りんご」を復元しました"]


def test_a_redo_reads_as_a_redo_and_its_undo_as_an_undo(profile: Profile, studied: dict) -> None:
    """A redo names the undo it takes back: it read "Undid the change…", as if the edit were undone twice."""
    apple, ringo = studied["apple"], studied["ringo"]
    edit = TimelineQueries(profile.store).page(TimelineFilter(event_types=("WordUpdated",))).entries[0]
    profile.service.update_word(apple, undoes=edit.event_id, meaning="りんご")
    undo = profile.service.last_word_event(apple).event_id
    profile.service.update_word(apple, undoes=undo, meaning=edit.payload["changes"]["meaning"])  # Redo
    redo = profile.service.last_word_event(apple).event_id
    profile.service.update_word(apple, undoes=redo, meaning="りんご")  # Ctrl+Z again
    assert _sentences(profile)[:3] == [
        "Undid the change to the meaning of 'apple'", "Redid the change to the meaning of 'apple'",
        "Undid the change to the meaning of 'apple'"]
    assert "Changed the meaning of 'apple'" in _sentences(profile)[3:]
    deletion = TimelineQueries(profile.store).page(TimelineFilter(event_types=("WordDeleted",))).entries[0]
    restored = profile.service.restore_word(ringo, undoes=deletion.event_id)
    profile.service.delete_word(ringo, undoes=restored)
    assert _sentences(profile)[:2] == ["Deleted the word 'りんご' again", "Undid the deletion of 'りんご'"]
    assert _sentences(profile, language="ja")[:2] == ["単語「りんご」をもう一度削除しました",
                                                      "「りんご」の削除を取り消しました"]
    undos = [s for s in _sentences(profile, TimelineFilter(text="undo")) if "apple" in s or "りんご" in s]
    assert undos[:5] == ["Deleted the word 'りんご' again", "Undid the deletion of 'りんご'",
                         "Undid the change to the meaning of 'apple'", "Redid the change to the meaning of 'apple'",
                         "Undid the change to the meaning of 'apple'"], "searching 'undo' found answers only"
    assert "Redid the change to the meaning of 'apple'" in _sentences(profile, TimelineFilter(text="redo"))
    assert "Redid the change to the meaning of 'apple'" not in _sentences(profile, TimelineFilter(text="red")), \
        "a part of a word is an ordinary search (here: the kind 'Word restored')"
    assert _sentences(profile, TimelineFilter(text="again")) == [], "the grade Again is not a redo"
    in_japanese = _sentences(profile, TimelineFilter(text="取り消し"))
    assert len(in_japanese) == len(_sentences(profile, TimelineFilter(text="undo")))


def test_a_long_chain_of_undos_and_redos_reads_right_to_its_end(profile: Profile, studied: dict) -> None:
    """Past 64 steps every undo read "Redid…" (the walk back to the first edit stopped there)."""
    apple = studied["apple"]
    meanings = ("林檎", "りんご")
    last = profile.service.last_word_event(apple).event_id
    for step in range(1, 82):  # undo, redo, … undo
        profile.service.update_word(apple, undoes=last, meaning=meanings[step % 2])
        last = profile.service.last_word_event(apple).event_id
    assert _sentences(profile)[:2] == ["Undid the change to the meaning of 'apple'",
                                       "Redid the change to the meaning of 'apple'"]


def test_filters_combine(profile: Profile, studied: dict) -> None:
    answers_of_apple = TimelineFilter(event_types=("QuestionAnswered",), word_id=studied["apple"])
    assert _sentences(profile, answers_of_apple) == [
        "Answered 'apple' correctly in 1.5 s (attempt 1)", "Answered 'apple' wrongly in 4.1 s (attempt 1)"]
    first_day_only = TimelineFilter(event_types=("QuestionAnswered",), word_id=studied["apple"],
                                    last_day=date(2026, 3, 2))
    assert _sentences(profile, first_day_only) == ["Answered 'apple' wrongly in 4.1 s (attempt 1)"]
    in_session = _sentences(profile, TimelineFilter(session_id=studied["second"]))
    assert in_session[-1] == "Started a typing session with 1 word"
    assert "Streak: 2 days" in in_session  # the streak change belongs to the answer's session
    assert _sentences(profile, TimelineFilter(first_day=date(2030, 1, 1))) == []


def test_free_text_finds_words_by_text_or_meaning_and_events_by_kind(profile: Profile, studied: dict) -> None:
    by_meaning = _sentences(profile, TimelineFilter(text="林檎"))  # apple's meaning now
    assert by_meaning and all("'apple'" in s or s.startswith("Streak") for s in by_meaning)
    assert "Changed the meaning of 'apple'" in by_meaning
    assert _sentences(profile, TimelineFilter(text="STREAK")) == ["Streak: 2 days", "Streak: 1 day"]
    assert _sentences(profile, TimelineFilter(text="no such thing")) == []


def test_free_text_finds_a_word_by_a_name_it_had_before(profile: Profile, studied: dict, monkeypatch) -> None:
    """The rows say 'appel' and then 'apple', but a search for the old name found nothing."""
    from effect_desktop.timeline import queries

    word = profile.service.create_word("appel", "りんご?")
    profile.service.update_word(word, text="pomme")
    found = _sentences(profile, TimelineFilter(text="appel"))
    assert found == ["Renamed 'appel' to 'pomme'", "Added the word 'appel' (りんご?)"]
    monkeypatch.setattr(queries, "WORD_LIST_LIMIT", 0)  # as if thousands of words matched
    assert _sentences(profile, TimelineFilter(text="appel")) == found


def test_pages_continue_where_the_last_one_stopped(profile: Profile, studied: dict) -> None:
    queries = TimelineQueries(profile.store)
    seen, before = [], None
    while True:
        page = queries.page(before=before, limit=4)
        seen.extend(e.position for e in page.entries)
        if page.next_before is None:
            break
        before = page.next_before
    assert seen == sorted(range(1, profile.store.count() + 1), reverse=True)


def test_causation_chain_leads_from_an_answer_to_its_effects_and_back(profile: Profile, studied: dict) -> None:
    queries = TimelineQueries(profile.store)
    answer = queries.entry_by_event_id(studied["answer"])
    assert answer is not None
    chain = queries.chain(answer)
    assert {e.event_type for e in chain.effects} == {"ProgressUpdated", "StreakUpdated"}
    # an effect is listed once, not also among the rest of the same action (the detail pane showed it twice)
    assert not {e.position for e in chain.effects} & {e.position for e in chain.same_command}
    progress = next(e for e in chain.effects if e.event_type == "ProgressUpdated")
    back = queries.chain(progress).cause
    assert back is not None and back.event_id == answer.event_id
    retraction = next(e for e in queries.chain(queries.entry_by_event_id(studied["wrong"])).effects
                      if e.event_type == "AnswerRetracted")
    assert retraction.subject is not None and retraction.subject["event_id"] == studied["wrong"]


def test_free_text_matching_many_words_gives_the_same_entries(profile: Profile, studied: dict,
                                                              monkeypatch) -> None:
    few = _sentences(profile, TimelineFilter(text="apple"))
    from effect_desktop.timeline import queries

    monkeypatch.setattr(queries, "WORD_LIST_LIMIT", 0)  # as if thousands of words matched
    assert _sentences(profile, TimelineFilter(text="apple")) == few
    assert len(few) > 5


def test_a_sessions_timeline_holds_the_schedule_change_its_undo_caused(profile: Profile) -> None:
    """The session view is "each answer, the schedule change it caused, undos": the change an undo
    caused was left out (recorded with no session), live and after a rebuild alike."""
    word = profile.service.create_word("apple", "りんご")
    session = profile.service.start_session("flashcard", [word])
    outcome = profile.service.answer(session, word, False, 1500)
    profile.service.retract_answer(session, outcome.answer_event_id)

    def kinds() -> list[str]:
        page = TimelineQueries(profile.store).page(TimelineFilter(session_id=session))
        return [e.event_type for e in reversed(page.entries)]

    expected = ["SessionStarted", "QuestionAnswered", "ProgressUpdated", "StreakUpdated", "AnswerRetracted",
                "ProgressUpdated"]
    assert kinds() == expected
    profile.projector.rebuild()
    assert kinds() == expected


def test_an_event_named_as_its_own_cause_does_not_freeze_the_timeline(profile: Profile, studied: dict) -> None:
    """A hand-edited log can name an edit as its own cause (or two as each other's): the walk back
    through undos and redos went round forever, and the timeline and `history` froze."""
    import subprocess
    import sys

    with profile.store.transaction() as connection:
        connection.exec_driver_sql(
            "UPDATE rm_timeline SET cause_id = (SELECT event_id FROM events e WHERE e.position = rm_timeline.position) "
            "WHERE event_type = 'WordUpdated'")
    path = profile.path
    profile.close()
    script = ("import sys; from pathlib import Path; from effect_desktop.bootstrap import open_profile; "
              "from effect_desktop.timeline.queries import TimelineQueries; "
              "p = open_profile(Path(sys.argv[1])); print(len(TimelineQueries(p.store).page(None).entries)); p.close()")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and int(done.stdout) > 0, done.stderr


def test_an_import_undone_reads_as_words_no_longer_added_and_its_redo_as_a_redo(profile: Profile) -> None:
    """The undo of an import deletes the words it added, naming each WordCreated: it read "Deleted
    the word", as if the learner had deleted them one by one; its redo read "Restored … again" and the
    next undo "Undid bringing back …"."""
    imported = profile.service.import_words([{"text": "猫", "meaning": "cat"}, {"text": "犬", "meaning": "dog"}])
    deleted = profile.service.delete_words(imported.created, undoes=dict(imported.created_events))
    assert _sentences(profile)[:2] == ["Undid adding '犬'", "Undid adding '猫'"]
    assert _sentences(profile, language="ja")[:2] == ["「犬」の追加を取り消しました", "「猫」の追加を取り消しました"]
    assert _sentences(profile, TimelineFilter(text="undo"))[:2] == ["Undid adding '犬'", "Undid adding '猫'"]
    restored = profile.service.restore_words([w for w, _ in deleted], undoes=dict(deleted))  # Redo
    assert _sentences(profile)[:2] == ["Added '犬' again", "Added '猫' again"]  # (never restored before)
    assert _sentences(profile, language="ja")[:1] == ["「犬」をもう一度追加しました"]
    profile.service.delete_words([w for w, _ in restored], undoes=dict(restored))  # Ctrl+Z once more
    assert _sentences(profile)[:2] == ["Undid adding '犬'", "Undid adding '猫'"]
    assert "Added '犬' again" in _sentences(profile, TimelineFilter(text="redo"))


def test_a_schedule_change_made_under_fsrs_names_no_easiness(profile: Profile, studied: dict) -> None:
    """FSRS keeps no easiness: its changes read "EF 2.50" as if measured."""
    from effect_desktop.timeline.scheduler_replay import switch

    switch(profile, "fsrs")
    session = profile.service.start_session("flashcard", [studied["apple"]])
    profile.service.answer(session, studied["apple"], True, 1200)
    progress = _sentences(profile, TimelineFilter(event_types=("ProgressUpdated",)))
    assert progress[0].startswith("'apple' is next due on") and progress[0].endswith(" d)") and "EF" not in progress[0]
    assert all("EF " in sentence or "no schedule" in sentence for sentence in progress[1:])  # SM-2 kept one


def _study_page_words(context: str, sources: tuple[str, ...]) -> list[str]:
    """The Japanese the Study page shows for these English strings (effect_desktop_ja.ts)."""
    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "effect_desktop_ja.ts"
    catalogue = {m.findtext("source"): m.findtext("translation")
                 for c in ET.parse(ts).getroot().iter("context") if c.findtext("name") == context
                 for m in c.iter("message")}
    return [catalogue[source] for source in sources]


def test_the_timeline_names_modes_and_grades_as_the_study_page_does(profile: Profile) -> None:
    """The timeline called multiple choice 選択式 where the Study page, where it was picked, says 四択."""
    s = profile.service
    [word] = s.create_words([{"text": "cat", "meaning": "猫"}])
    for mode in ("flashcard", "multiple_choice", "typing"):
        s.start_session(mode, [word])
    session = s.start_session("flashcard", [word])
    for grade in ("again", "hard", "good", "easy"):
        s.answer(session, word, grade != "again", 1000, grade=grade)
    sentences = _sentences(profile, language="ja")
    modes = _study_page_words("StudyModes", ("Flashcards", "Multiple choice", "Typing"))
    for name in modes:
        assert f"1 語の{name}セッションを開始しました" in sentences
    for name in _study_page_words("FlashcardCard", ("Again", "Hard", "Good", "Easy")):
        assert any(sentence.endswith(f"・評価 {name}") for sentence in sentences), name


def test_an_edit_names_its_fields_in_one_order_whatever_order_the_payload_kept(profile: Profile) -> None:
    """A server's JSONB keeps an object's keys in its own order: the computer that edited said "Changed
    the meaning and tags", the one that pulled the edit "Changed the tags and meaning"."""
    from dataclasses import replace

    word = profile.service.create_word("apple", "りんご")
    profile.service.update_word(word, meaning="林檎", tags=["fruit"])
    [edit] = TimelineQueries(profile.store).page(TimelineFilter(event_types=("WordUpdated",))).entries
    changes = edit.payload["changes"]
    as_pulled = replace(edit, payload={**edit.payload, "changes": dict(reversed(list(changes.items())))})
    assert describe(as_pulled) == describe(edit) == "Changed the meaning and tags of 'apple'"
