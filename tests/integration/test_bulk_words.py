"""A large batch of new words (an import) is projected by SQL: the rows must be the handlers' rows."""

from __future__ import annotations

from pathlib import Path

from effect_desktop.bootstrap import open_profile
from effect_desktop.projections.sqlite_new_words import BULK_FROM
from effect_desktop.projections.verify import verify
from effect_desktop.projections.views import WordFilter
from tests.integration.profile_helpers import dump_read_models

AWKWARD = ["Ｔｏｋｙｏ", "naïve", "Straße", "「引用」", 'say "hi"', "tab\there", "emoji 🍎", "back\\slash", "ﾘﾝｺﾞ"]


def _entries(count: int) -> list[dict[str, object]]:
    return [{"text": f"{AWKWARD[i % len(AWKWARD)]} {i}", "meaning": f"意味 {i} ＡＢＣ",
             "category": ["noun", "", "動詞"][i % 3],
             # (a tag is one line: a tab stays in the word's text only)
             "tags": [" Daily ", "daily", "ＴＯＥＩＣ", AWKWARD[i % len(AWKWARD)][:10].replace("\t", " ")][: 1 + i % 4],
             "difficulty": 1 + i % 5} for i in range(count)]


def test_an_import_projects_the_rows_the_handlers_give(tmp_path: Path) -> None:
    profile = open_profile(tmp_path / "p.effect.sqlite3")
    profile.service.create_words(_entries(20))  # a small batch first: through the handlers
    imported = profile.service.import_words(_entries(BULK_FROM + 100))
    assert len(imported.created) == BULK_FROM + 100
    report = verify(profile.projector)  # replays every event through the handlers and compares
    assert report.ok, report
    live = dump_read_models(profile)
    profile.projector.rebuild()
    assert dump_read_models(profile) == live
    found = profile.queries.words(WordFilter(search="tokyo"))  # full-width folded for search
    created = _entries(20) + _entries(BULK_FROM + 100)  # both batches
    assert len(found) == len([e for e in created if str(e["text"]).startswith("Ｔｏｋｙｏ")])
    assert {w.text.split(" ")[0] for w in profile.queries.words(WordFilter(tag="daily"))} >= {"naïve", "Straße"}
    kana = len([e for e in created if str(e["text"]).startswith("ﾘﾝｺﾞ")])
    assert len(profile.queries.words(WordFilter(search="りんご"))) == kana > 0  # half-width katakana, folded
    assert len(live["rm_timeline"]) == 20 + BULK_FROM + 100
    assert sum(row[6] for row in live["rm_daily_stats"]) == 20 + BULK_FROM + 100  # words_added


def test_the_write_ahead_log_shrinks_back_after_a_large_import(tmp_path: Path) -> None:
    """A big transaction passes through the WAL; the file must not keep that size while the app runs."""
    from effect_desktop.persistence.sqlite import WAL_SIZE_LIMIT

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    wal = tmp_path / "p.effect.sqlite3-wal"
    profile.service.create_words([{"text": f"word {i}", "meaning": "m" * 400, "category": "c",
                                   "tags": ["a"], "difficulty": 1} for i in range(20_000)])
    assert wal.stat().st_size > 2 * WAL_SIZE_LIMIT  # the import went through it
    profile.service.create_word("one more", "もう一つ")
    assert wal.stat().st_size <= WAL_SIZE_LIMIT
    assert len(profile.queries.words()) == 20_001
    profile.close()


def test_a_word_named_twice_in_one_action_is_one_change(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """update_words, delete_words and restore_words with a word twice raised a version clash."""
    from effect_desktop.bootstrap import open_profile

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    try:
        [word] = profile.service.create_words([{"text": "apple", "meaning": "りんご"}])
        done = profile.service.update_words([(word, {"category": "fruit"}), (word, {"tags": ["red"]})])
        assert len(done) == 1
        view = profile.queries.word(word)
        assert view is not None and (view.category, view.tags) == ("fruit", ["red"])
        assert len(profile.service.delete_words([word, word])) == 1
        assert len(profile.service.restore_words([word, word])) == 1
    finally:
        profile.close()
