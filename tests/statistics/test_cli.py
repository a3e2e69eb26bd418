"""`effect-desktop stats` prints the screen's figures, as a table or JSON, now or as of a moment."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from effect_desktop.cli.main import run_cli
from tests.statistics.history import KnownHistory

EVENING = "2026-11-22T20:00+09:00"


def _stats(history: KnownHistory, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    history.profile.close()
    status = run_cli(["--data-dir", str(history.profile.path.parent), "stats", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_as_of_the_third_evening(history: KnownHistory, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _stats(history, capsys, "--json", "--as-of", EVENING, "--range", "30d")
    assert status == 0
    report = json.loads(out)
    assert report["today"] == "2026-11-22" and report["granularity"] == "day"
    assert report["summary"] == {"answers": 7, "correct": 5, "accuracy": 5 / 7, "study_minutes": 5.3,
                                 "words": 3, "streak_days": 3, "due_today": 2}
    assert report["heatmap"]["answers"] == {"2026-11-20": 4, "2026-11-21": 2, "2026-11-22": 1}
    assert report["heatmap"]["streak"] == {"days": 3, "first": "2026-11-20", "last": "2026-11-22"}
    assert [b["answers"] for b in report["response_times_ms"]] == [0, 1, 2, 2, 1, 1, 0, 0, 0, 0]
    assert report["forecast"]["overdue"] == 1 and report["forecast"]["due"][:3] == [1, 1, 0]
    assert [(w["text"], w["lapses"]) for w in report["hardest_words"]] == [("猫", 1)]
    assert [a["answers"] for a in report["activity"][-3:]] == [4, 2, 1]


@pytest.fixture
def in_tokyo(monkeypatch: pytest.MonkeyPatch):
    """This computer's clock set to Tokyo, where the history was studied."""
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_moment_given_in_utc_counts_the_learners_day(history: KnownHistory, capsys: pytest.CaptureFixture[str],
                                                       in_tokyo: None) -> None:
    """The same instant written in UTC filed the due dates by UTC days: "due today" and "overdue" changed."""
    _, in_tokyo_time, _ = _stats(history, capsys, "--json", "--as-of", EVENING, "--range", "30d")
    _, in_utc, _ = _stats(history, capsys, "--json", "--as-of", "2026-11-22T11:00Z", "--range", "30d")
    local, utc = json.loads(in_tokyo_time), json.loads(in_utc)
    assert utc["summary"] == local["summary"] and utc["summary"]["due_today"] == 2
    assert utc["forecast"] == local["forecast"]


def test_json_as_of_the_second_evening_with_a_tag(history: KnownHistory,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _stats(history, capsys, "--json", "--as-of", "2026-11-21T20:00+09:00", "--tag", "JLPT",
                            "--range", "all", "--by", "week")
    report = json.loads(out)
    assert status == 0 and report["tag"] == "JLPT"
    assert [(a["start"], a["answers"], a["correct"]) for a in report["activity"]] == [("2026-11-16", 5, 4)]
    assert report["summary"]["streak_days"] == 2 and report["hardest_words"] == []


def test_table_for_people(history: KnownHistory, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _stats(history, capsys, "--as-of", EVENING, "--category", "noun", "--range", "30d")
    assert status == 0
    assert "category 'noun'" in out and "answers 4, correct 3 (75%)" in out
    assert "Hardest words" in out and "猫" in out and "Due reviews, next 30 days (overdue now: 1)" in out
    status, out, _ = _stats(history, capsys, "--as-of", EVENING, "--range", "all", "--by", "week")
    assert status == 0 and "Activity (1 active of 1 week)" in out  # it said "of 1 weeks"


@pytest.mark.parametrize(("args", "message"), [
    (("--as-of", "last tuesday"), "is not a time"),
    (("--range", "2y"), "invalid choice"),
    (("--tag", "a", "--category", "b"), "not allowed with"),
])
def test_bad_input_is_one_clear_line(history: KnownHistory, capsys: pytest.CaptureFixture[str],
                                     args: tuple[str, ...], message: str) -> None:
    status, out, err = _stats(history, capsys, *args)
    assert status == 2 and out == "" and message in err and "Traceback" not in err


def test_a_profile_from_before_the_statistics_is_told_to_rebuild(history: KnownHistory,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import sqlalchemy as sa

    from effect_desktop.projections.tables import daily_facets

    with history.profile.store.transaction() as connection:  # as an older version left it
        connection.execute(sa.delete(daily_facets))
    status, out, err = _stats(history, capsys, "--json")
    assert status == 0 and "effect-desktop rebuild" in err and json.loads(out)["summary"]["words"] == 3


def test_a_category_no_word_has_is_said_not_shown_as_a_quiet_month(history: KnownHistory,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _stats(history, capsys, "--category", "nouns")
    assert status == 0 and "answers 0" in out
    assert "no word has the category 'nouns' now; the categories are 'noun'" in err
    status, _, err = _stats(history, capsys, "--tag", "jlpt")  # tags match as in the Words list
    assert status == 0 and err == ""


def test_the_words_without_a_category_have_figures_of_their_own(history: KnownHistory,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    plain = history.profile.service.create_word("きれい", "pretty")
    session = history.profile.service.start_session("flashcard", [plain])
    history.profile.service.answer(session, plain, True, 3_400)
    status, out, err = _stats(history, capsys, "--json", "--as-of", EVENING, "--range", "30d", "--category", "")
    assert status == 0 and "note" not in err, err
    report = json.loads(out)
    assert (report["category"], report["summary"]["answers"], report["summary"]["words"]) == ("", 1, 1)


def test_under_fsrs_the_cli_leaves_the_easiness_out_as_the_window_does(history: KnownHistory,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """FSRS keeps no easiness: `stats` printed a histogram of one bar at 2.5 and EASE 2.50 for every
    hardest word, and `progress` EF 2.50 for every word, where the window leaves them out."""
    from effect_desktop.timeline.scheduler_replay import switch

    switch(history.profile, "fsrs")
    data_dir = str(history.profile.path.parent)
    _, table, _ = _stats(history, capsys)
    assert "Easiness" not in table and "EASE" not in table and "Hardest words" in table
    report = json.loads(run_cli(["--data-dir", data_dir, "stats", "--json"]) == 0 and capsys.readouterr().out)
    assert report["scheduler"] == "fsrs" and report["easiness"] is None
    assert report["hardest_words"] and all(w["easiness_factor"] is None for w in report["hardest_words"])
    # as of an evening before the switch: SM-2's figures, easiness and all
    before = history.end_of_day2.isoformat()
    past = json.loads(run_cli(["--data-dir", data_dir, "stats", "--json", "--as-of", before]) == 0
                      and capsys.readouterr().out)
    assert past["scheduler"] == "sm2" and [b["words"] for b in past["easiness"] if b["words"]]
    assert run_cli(["--data-dir", data_dir, "progress"]) == 0
    progress = capsys.readouterr().out
    assert progress.splitlines()[0].split() == ["ID", "WORD", "REPS", "INTERVAL", "NEXT", "REVIEW"]
    assert run_cli(["--data-dir", data_dir, "progress", "--json"]) == 0
    assert all(row["easiness_factor"] is None for row in json.loads(capsys.readouterr().out))
    # `state` as of a moment under FSRS said EF 2.50 for every word (the time travel too); before it, SM-2's
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    assert run_cli(["--data-dir", data_dir, "state", "--as-of", now]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[:6] == ["ID", "WORD", "MEANING", "REPS", "INTERVAL", "NEXT"]
    assert run_cli(["--data-dir", data_dir, "state", "--json", "--as-of", now]) == 0
    words = json.loads(capsys.readouterr().out)["words"]
    assert [w for w in words if w["progress"]] and all(w["progress"]["easiness_factor"] is None
                                                       for w in words if w["progress"])
    assert run_cli(["--data-dir", data_dir, "state", "--json", "--as-of", before]) == 0
    then = json.loads(capsys.readouterr().out)
    assert then["scheduler"] == "sm2" and any(w["progress"]["easiness_factor"] for w in then["words"] if w["progress"])


def test_the_heatmap_of_a_calendar_year(history: KnownHistory, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _stats(history, capsys, "--json", "--as-of", EVENING, "--heatmap-year", "2025")
    heatmap = json.loads(out)["heatmap"]
    assert status == 0 and (heatmap["first"], heatmap["last"], heatmap["answers"]) == ("2025-01-01", "2025-12-31", {})
    assert heatmap["streak"]["days"] == 3
    status, _, err = _stats(history, capsys, "--heatmap-year", "0")
    assert status == 2 and "'0' is not a year" in err and "Traceback" not in err
    status, out, err = _stats(history, capsys, "--json", "--as-of", EVENING, "--heatmap-year", "2030")
    assert status == 0 and "2030 is still to come; the heatmap is of 2026 so far" in err
    assert json.loads(out)["heatmap"]["first"] == "2026-01-01"
