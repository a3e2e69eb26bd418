"""`effect-desktop state --as-of` and `effect-desktop history` from a shell."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.cli.main import run_cli
from tests.integration.profile_helpers import SettableClock


def _run(profile: Profile, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    profile.close()  # the CLI opens the file itself
    code = run_cli(["--data-dir", str(profile.path.parent), "--profile", "learner", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_state_as_of_a_moment_before_the_deletion_still_lists_the_word(
        profile: Profile, clock: SettableClock, studied: dict, capsys: pytest.CaptureFixture[str]) -> None:
    before_deletion = (clock.now - timedelta(hours=1)).isoformat()
    code, out, _ = _run(profile, capsys, "state", "--as-of", before_deletion, "--json")
    assert code == 0
    state = json.loads(out)
    assert sorted(w["text"] for w in state["words"]) == ["apple", "りんご"]
    assert state["streak"]["consecutive_days"] == 2
    assert state["totals"]["answers"] == 2  # the undone answer does not count
    apple = next(w for w in state["words"] if w["text"] == "apple")
    assert apple["meaning"] == "林檎" and apple["progress"]["repetition_count"] == 1


def test_state_as_of_now_shows_the_deletion(profile: Profile, clock: SettableClock, studied: dict,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(profile, capsys, "state", "--as-of", clock.now.isoformat())
    assert code == 0
    assert "りんご" not in out and "apple" in out and "streak: " in out


def test_history_of_a_word_by_its_text(profile: Profile, studied: dict, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(profile, capsys, "history", "apple", "--json")
    assert code == 0
    story = json.loads(out)
    edit = next(s for s in story["steps"] if s["event_type"] == "WordUpdated")
    assert edit["before"] == {"meaning": "りんご"} and edit["after"] == {"meaning": "林檎"}
    undone = [s for s in story["steps"] if s["retracted"]]
    assert [s["sentence"] for s in undone] == ["Answered 'apple' wrongly in 4.1 s (attempt 1)"]
    assert story["intervals"]
    code, out, _ = _run(profile, capsys, "history", "apple")
    assert "meaning: “りんご” → “林檎”" in out  # as the window says it, not Python's 'りんご' -> '林檎'


def test_history_in_japanese_has_no_english_left(profile: Profile, studied: dict,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The sentences were Japanese, but the fields, the marks and the last line were English."""
    code, out, _ = _run(profile, capsys, "history", "apple", "--language", "ja")
    assert code == 0
    assert "意味: 「りんご」 → 「林檎」" in out and "meaning:" not in out  # quoted as Japanese quotes
    assert "（取り消し済み）" in out and "(undone)" not in out
    assert out.splitlines()[-1] == "解答 1 回、うち正解 1 回。現在の間隔は 1 日"  # the undone answer aside
    code, out, _ = _run(profile, capsys, "history", "りんご", "--language", "ja")
    assert out.splitlines()[0].startswith("りんご（削除済み）: apple")
    from effect_desktop.bootstrap import open_profile

    # in katakana, as `words list --search` finds it: "There is no word 'リンゴ'; give its exact text"
    code, out, _ = _run(open_profile(profile.path), capsys, "history", "リンゴ", "--language", "ja")
    assert code == 0 and out.splitlines()[0].startswith("りんご（削除済み）: apple")


def test_history_follows_the_system_language_unless_told(profile: Profile, studied: dict,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Under LANG=ja_JP.UTF-8 it was English unless --language ja was given; the window follows the system."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    path = profile.path
    code, out, _ = _run(profile, capsys, "history", "apple")
    assert code == 0 and out.splitlines()[-1] == "解答 1 回、うち正解 1 回。現在の間隔は 1 日"
    from effect_desktop.bootstrap import open_profile

    code, out, _ = _run(open_profile(path), capsys, "history", "apple", "--language", "en")
    assert out.splitlines()[-1].startswith("1 answer, 1 correct")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # LC_ALL comes first, as for every program
    code, out, _ = _run(open_profile(path), capsys, "history", "apple")
    assert out.splitlines()[-1].startswith("1 answer, 1 correct")


def test_history_speaks_the_windows_language(profile: Profile, studied: dict, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """On an English system, a learner who chose 日本語 in the window's Settings, or whose desktop asks for
    Japanese first (LANGUAGE=ja), got English from `history` while the window spoke Japanese."""
    from effect_desktop.bootstrap import open_profile

    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    path = profile.path
    monkeypatch.setenv("LANGUAGE", "ja:en")
    code, out, _ = _run(profile, capsys, "history", "apple")
    assert code == 0 and out.splitlines()[-1] == "解答 1 回、うち正解 1 回。現在の間隔は 1 日"
    monkeypatch.delenv("LANGUAGE")
    code, out, _ = _run(open_profile(path), capsys, "history", "apple")
    assert out.splitlines()[-1].startswith("1 answer, 1 correct")
    chosen = open_profile(path)
    chosen.settings.set("gui.language", "ja")  # Settings → Language: 日本語
    code, out, _ = _run(chosen, capsys, "history", "apple")
    assert out.splitlines()[-1] == "解答 1 回、うち正解 1 回。現在の間隔は 1 日"


def test_history_of_an_unknown_word_says_what_to_do(profile: Profile, studied: dict,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(profile, capsys, "history", "banana")
    assert code == 2 and out == ""
    assert "There is no word written 'banana' (case and width aside)" in err and "words list" in err
    assert "exact text" not in err  # it said so, though case and width were ignored
    code, _, err = _run(profile, capsys, "state", "--as-of", "last tuesday")
    assert code == 2 and "is not a time" in err


def test_history_counts_no_undone_answer(profile: Profile, capsys: pytest.CaptureFixture[str]) -> None:
    """"5 answers, 4 correct" for a word never missed: the undone miss was counted in the total only."""
    word = profile.service.create_word("apple", "りんご")
    session = profile.service.start_session("flashcard", [word])
    missed = profile.service.answer(session, word, False, 1500)
    profile.service.retract_answer(session, missed.answer_event_id)
    profile.service.answer(session, word, True, 1500)
    code, out, _ = _run(profile, capsys, "history", "apple")
    assert code == 0 and out.strip().splitlines()[-1].startswith("1 answer, 1 correct;")


def test_state_as_of_a_moment_still_to_come_shows_now_not_the_past(
        profile: Profile, studied: dict, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(profile, capsys, "state", "--as-of", "2999-01-01T00:00Z")
    assert code == 0
    assert "(now: the moment given is still to come; 1 word)" in out.splitlines()[0]  # one was deleted
    assert "2999" not in out.splitlines()[0]


def test_state_names_the_study_day_a_review_was_due_then_in_the_zone_it_was_answered(
        profile: Profile, clock: SettableClock, capsys: pytest.CaptureFixture[str]) -> None:
    """Answered in Tokyo, read on a computer in New York: the instant (19:00 UTC, 15:00 there the
    evening before) read as a day early, an hour already past; the queue counted it for the 11th."""

    from tests.timeline.conftest import TOKYO

    word = profile.service.create_word("owl", "ふくろう")
    clock.set(datetime(2026, 5, 10, 10, 0, tzinfo=TOKYO))
    session = profile.service.start_session("flashcard", [word])
    profile.service.answer(session, word, True, 2000)
    profile.service.complete_session(session)
    code, out, _ = _run(profile, capsys, "state", "--as-of", "2026-05-10T12:00+09:00", "--json")
    assert code == 0
    owl = json.loads(out)["words"][0]
    assert owl["progress"]["next_review_date"] == "2026-05-10T19:00:00+00:00"  # 04:00 the next day in Tokyo
    assert owl["progress"]["next_review_day"] == "2026-05-11"
    code, out, _ = _run(profile, capsys, "state", "--as-of", "2026-05-10T12:00+09:00")
    assert code == 0 and out.splitlines()[2].rstrip().endswith("2026-05-11")


def test_the_scheduler_preview_counts_one_answer_and_one_word_in_the_singular(
        profile: Profile, clock: SettableClock, capsys: pytest.CaptureFixture[str]) -> None:
    """It said "1 answers of 1 words replayed; … 1 words move"."""
    clock.set(datetime.now(UTC))  # the preview looks from now: an answer of months ago is due under both
    word = profile.service.create_word("owl", "ふくろう")
    session = profile.service.start_session("flashcard", [word])
    profile.service.answer(session, word, True, 2000, "easy")
    code, out, _ = _run(profile, capsys, "scheduler", "preview", "fsrs")
    assert code == 0 and out.startswith("SM-2 → FSRS: 1 answer of 1 word replayed;"), out
    assert out.endswith("; 1 word moves\n"), out


def test_a_moment_before_any_answer_shows_no_score(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    """It said "answers: 0 (0% correct)", a score of nothing; the Statistics page shows none."""
    from effect_desktop.bootstrap import open_profile

    profile = open_profile(tmp_path / "learner.effect.sqlite3")
    profile.service.create_word("apple", "りんご")
    code, out, _ = _run(profile, capsys, "state", "--as-of", "2099-01-01T00:00:00+00:00")
    assert code == 0
    assert "answers: 0, sessions completed: 0" in out and "correct" not in out


def test_the_scheduler_is_previewed_and_switched_from_the_command_line(
        profile: Profile, clock: SettableClock, studied: dict, capsys: pytest.CaptureFixture[str]) -> None:
    """Only the window's Scheduler… could switch: a learner importing an Anki history in a terminal was told
    FSRS would suit it, with no command to choose it."""
    from effect_desktop.bootstrap import open_profile

    path = profile.path
    code, out, _ = _run(profile, capsys, "scheduler")
    assert code == 0 and out.startswith("SM-2 (sm2)")
    counting = open_profile(path)
    events_before = counting.store.count()
    code, out, _ = _run(counting, capsys, "scheduler", "preview", "fsrs", "--json")
    preview = json.loads(out)
    assert code == 0 and preview["scheduler"] == "fsrs" and preview["current"] == "sm2" and preview["answers"] == 2
    code, out, _ = _run(open_profile(path), capsys, "scheduler", "preview", "fsrs")
    assert code == 0 and "SM-2 → FSRS: 2 answers of 2 words replayed;" in out and out.endswith(" 0 words move\n")
    code, out, _ = _run(open_profile(path), capsys, "scheduler", "switch", "fsrs")
    assert code == 0 and "scheduled by FSRS from now on" in out
    code, out, _ = _run(open_profile(path), capsys, "scheduler", "switch", "fsrs")
    assert code == 0 and out.startswith("already scheduled by FSRS")
    reopened = open_profile(path)
    try:
        assert reopened.service.scheduler.name == "fsrs"
        assert reopened.store.count() == events_before + 1  # the preview wrote nothing; one switch recorded
    finally:
        reopened.close()
