"""Searching words: width, case and kana script do not matter; tags still tell scripts apart."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from effect_desktop.bootstrap import open_profile
from effect_desktop.domain.text_fold import fold
from effect_desktop.persistence.schema import profile_info
from effect_desktop.projections.tables import daily_stats, words
from effect_desktop.projections.upgrade import PROJECTION_KEY, PROJECTION_VERSION
from effect_desktop.projections.verify import verify
from effect_desktop.projections.views import WordFilter
from effect_desktop.timeline.entries import TimelineFilter
from effect_desktop.timeline.queries import TimelineQueries

WORDS = [("apple", "リンゴ"), ("pear", "なし"), ("coffee", "コーヒー"), ("orange", "ｵﾚﾝｼﾞ"), ("Tokyo", "東京")]


def _found(profile, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(w.text for w in profile.queries.words(WordFilter(search=text)))


def test_either_kana_script_finds_the_other_and_width_and_case_do_not_matter(tmp_path: Path) -> None:
    profile = open_profile(tmp_path / "p.effect.sqlite3")
    profile.service.create_words([{"text": t, "meaning": m, "tags": [m]} for t, m in WORDS])
    assert _found(profile, "りんご") == ["apple"]
    assert _found(profile, "ナシ") == ["pear"]
    assert _found(profile, "こーひー") == ["coffee"]
    assert _found(profile, "オレンジ") == _found(profile, "おれんじ") == ["orange"]  # half-width written
    assert _found(profile, "ｔｏｋｙｏ") == _found(profile, "TOKYO") == ["Tokyo"]
    assert _found(profile, "東京") == ["Tokyo"] and _found(profile, "ぶどう") == []
    # a tag is the learner's own label: リンゴ and りんご stay two tags
    assert [w.text for w in profile.queries.words(WordFilter(tag="リンゴ"))] == ["apple"]
    assert profile.queries.words(WordFilter(tag="りんご")) == []
    profile.close()


HARD = [("zero\u200bwidth", "has ZWSP"), ("İstanbul", "city"), ("❤\ufe0f", "heart"), ("padded   word", "spaces"),
        ("lines", "multi\nline"), ("line\u2028sep", "LINE SEPARATOR")]
# what a learner types to find each: what it shows, as a typed answer is compared
TYPED = {"zerowidth": "zero\u200bwidth", "istanbul": "İstanbul", "ISTANBUL": "İstanbul", "❤": "❤\ufe0f",
         "padded word": "padded   word", "multi line": "lines", "line sep": "line\u2028sep"}


def test_a_search_finds_a_word_as_it_shows_in_the_words_page_the_cli_and_the_timeline(tmp_path: Path) -> None:
    """Searching "zerowidth", "istanbul", "❤", "padded word" or "multi line" found nothing, though typing each
    is a right answer; the timeline found "line sep" and the word list did not."""
    profile = open_profile(tmp_path / "p.effect.sqlite3")
    profile.service.create_words([{"text": t, "meaning": m} for t, m in HARD])
    timeline = TimelineQueries(profile.store)
    for typed, text in TYPED.items():
        assert _found(profile, typed) == [text], typed
        entries = timeline.page(TimelineFilter(text=typed)).entries
        assert {e.word_text for e in entries} == {text}, typed
    # the Add dialog names the word already there (it was added again silently beside it)
    assert [w.text for w in profile.queries.words_with_text("ZEROWIDTH")] == ["zero\u200bwidth"]
    assert [w.text for w in profile.queries.words_with_text("istanbul")] == ["İstanbul"]
    profile.close()


def test_a_profile_of_the_last_version_has_its_search_keys_refolded_without_a_replay(tmp_path: Path) -> None:
    path = tmp_path / "p.effect.sqlite3"
    profile = open_profile(path)
    profile.service.create_words([{"text": t, "meaning": m} for t, m in HARD])
    with profile.engine.begin() as connection:  # as version 7 left it
        for word_id, text, meaning in connection.execute(sa.select(words.c.word_id, words.c.text, words.c.meaning)):
            connection.execute(words.update().where(words.c.word_id == word_id)
                               .values(search_key=fold(f"{text}\n{meaning}")))
        connection.execute(profile_info.update().where(profile_info.c.key == PROJECTION_KEY).values(value="7"))
        connection.execute(daily_stats.update().values(study_seconds=4242))  # a replay would recount it
    assert _found(profile, "zerowidth") == []
    profile.close()

    profile = open_profile(path)
    assert all(_found(profile, typed) == [text] for typed, text in TYPED.items())
    with profile.engine.connect() as connection:
        assert connection.execute(sa.select(daily_stats.c.study_seconds)).scalars().all() == [4242]
    profile.close()


def test_a_profile_from_the_previous_version_has_its_search_keys_refolded_without_a_replay(tmp_path: Path) -> None:
    path = tmp_path / "p.effect.sqlite3"
    profile = open_profile(path)
    profile.service.create_words([{"text": t, "meaning": m} for t, m in WORDS])
    with profile.engine.begin() as connection:  # as the previous version left it
        for word_id, text, meaning in connection.execute(sa.select(words.c.word_id, words.c.text, words.c.meaning)):
            connection.execute(words.update().where(words.c.word_id == word_id)
                               .values(search_key=fold(f"{text}\n{meaning}")))
        connection.execute(profile_info.update().where(profile_info.c.key == PROJECTION_KEY).values(value="3"))
        connection.execute(daily_stats.update().values(study_seconds=4242))  # a replay would recount it
    assert _found(profile, "りんご") == []
    profile.close()

    profile = open_profile(path)
    assert _found(profile, "りんご") == ["apple"] and _found(profile, "オレンジ") == ["orange"]
    with profile.engine.connect() as connection:
        assert connection.execute(sa.select(daily_stats.c.study_seconds)).scalars().all() == [4242]
        assert connection.execute(sa.select(profile_info.c.value)
                                  .where(profile_info.c.key == PROJECTION_KEY)).scalar() == PROJECTION_VERSION
    profile.close()


ACCENTED = [("café", "coffee"), ("niño", "child"), ("ёж", "hedgehog"), ("がっこう", "school"), ("かっこう", "cuckoo"),
            ("كِتَاب", "book"), ("resume", "to begin again")]


def test_accents_do_not_matter_to_a_search_but_kana_voicing_does(tmp_path: Path) -> None:
    """A learner without é on the keyboard typed "cafe" and found nothing; が and か are different words."""
    profile = open_profile(tmp_path / "p.effect.sqlite3")
    profile.service.create_words([{"text": t, "meaning": m} for t, m in ACCENTED])
    assert _found(profile, "cafe") == _found(profile, "CAFÉ") == ["café"]
    assert _found(profile, "nino") == ["niño"] and _found(profile, "еж") == ["ёж"]
    assert _found(profile, "كتاب") == ["كِتَاب"]
    assert _found(profile, "がっこう") == ["がっこう"] and _found(profile, "かっこう") == ["かっこう"]
    assert _found(profile, "résumé") == ["resume"]
    assert {e.word_text for e in TimelineQueries(profile.store).page(TimelineFilter(text="cafe")).entries} == {"café"}
    # the Add dialog still tells "résumé" from "resume": a word with an accent is another word
    assert profile.queries.words_with_text("résumé") == []
    assert [w.text for w in profile.queries.words_with_text("Café")] == ["café"]
    assert verify(profile.projector).ok  # a rebuild folds them as the live update did
    profile.close()


def test_curly_and_straight_quotes_are_the_same_to_search_and_to_the_add_dialog(tmp_path: Path) -> None:
    """A list typed in Word (l’homme) and one typed in a terminal (l'homme): the Add dialog saved a second
    "l’homme" beside "l'homme" without a word, and a search for one never found the other (found by a
    European-language learner helper)."""
    from effect_desktop.interchange.importer import word_key

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    profile.service.create_words([{"text": "l'homme", "meaning": "man"}, {"text": "aujourd’hui", "meaning": "today"}])
    assert _found(profile, "l’homme") == ["l'homme"] and _found(profile, "aujourd'hui") == ["aujourd’hui"]
    assert [w.text for w in profile.queries.words_with_text("l’homme")] == ["l'homme"]
    assert word_key("l’homme", "man") == word_key("l'homme", "man")  # an import finds the duplicate
    assert verify(profile.projector).ok
    profile.close()


def test_a_profile_of_version_8_has_its_search_keys_refolded_without_a_replay(tmp_path: Path) -> None:
    path = tmp_path / "p.effect.sqlite3"
    profile = open_profile(path)
    profile.service.create_words([{"text": t, "meaning": m} for t, m in ACCENTED])
    with profile.engine.begin() as connection:  # as version 8 left it: accents kept
        for word_id, text, meaning in connection.execute(sa.select(words.c.word_id, words.c.text, words.c.meaning)):
            connection.execute(words.update().where(words.c.word_id == word_id)
                               .values(search_key=fold(f"{text}\n{meaning}")))
        connection.execute(profile_info.update().where(profile_info.c.key == PROJECTION_KEY).values(value="8"))
        connection.execute(daily_stats.update().values(study_seconds=4242))  # a replay would recount it
    assert _found(profile, "cafe") == []
    profile.close()

    profile = open_profile(path)
    assert _found(profile, "cafe") == ["café"] and _found(profile, "nino") == ["niño"]
    with profile.engine.connect() as connection:
        assert connection.execute(sa.select(daily_stats.c.study_seconds)).scalars().all() == [4242]
    profile.close()


def test_the_words_of_one_import_keep_the_files_order(tmp_path) -> None:
    """Words made by one command share their time, and came back in the table's order: a file's words
    shuffled in the list and in the order new words are introduced, an edited word moved to the end of
    its batch, and devices disagreed after a sync."""
    from effect_desktop.bootstrap import open_profile

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    try:
        texts = ["fire", "water", "tree", "stone", "cloud", "river"]
        ids = profile.service.create_words([{"text": text, "meaning": "m"} for text in texts])
        profile.service.update_word(ids[0], meaning="hot")
        assert [w.text for w in profile.queries.words()] == texts
        assert [w.text for w in profile.queries.new_words(3)] == texts[:3]
        profile.projector.rebuild()
        assert [w.text for w in profile.queries.words()] == texts
    finally:
        profile.close()


def test_the_tags_offered_as_filters_are_spelled_as_the_words_spell_them(tmp_path: Path) -> None:
    """The filters listed "jlpt::n5" and "genki::l3" (the folded keys) for tags written JLPT::N5."""
    from effect_desktop.projections.statistics_queries import StatisticsQueries

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    ids = profile.service.create_words([{"text": "行く", "meaning": "to go", "tags": ["JLPT::N5", "Genki::L3"]},
                                        {"text": "来る", "meaning": "to come", "tags": ["JLPT::N5", "ＶＥＲＢ"]},
                                        {"text": "gone", "meaning": "x", "tags": ["Old"]}])
    profile.service.delete_word(ids[2])
    assert profile.queries.tags() == ["Genki::L3", "JLPT::N5", "ＶＥＲＢ"]
    assert StatisticsQueries(profile.store).tags() == ["Genki::L3", "JLPT::N5", "ＶＥＲＢ"]
    assert sorted(w.text for w in profile.queries.words(WordFilter(tag="JLPT::N5"))) == ["来る", "行く"]
    profile.close()


def test_categories_and_tags_are_listed_as_a_reader_sorts_them(tmp_path: Path) -> None:
    """"Éducation" came after "Verbes" and the tag "élision" after "verbe" (by code point) in every
    filter and in the command line's list, which cut before them (found by a European-language learner
    helper)."""
    profile = open_profile(tmp_path / "p.effect.sqlite3")
    profile.service.create_words([{"text": t, "meaning": "m", "category": c, "tags": [g]} for t, c, g in (
        ("a", "Verbes", "verbe"), ("b", "Éducation", "élision"), ("c", "adjectifs", "Zèbre"), ("d", "", "ami"))])
    assert profile.queries.categories(with_none=True) == ["", "adjectifs", "Éducation", "Verbes"]
    assert profile.queries.tags() == ["ami", "élision", "verbe", "Zèbre"]
    profile.close()


def test_a_ligature_is_found_as_a_keyboard_without_it_types_it(tmp_path: Path) -> None:
    """"oeuf" and "curriculum vitae" found nothing: œ and æ stood for themselves (found by a European-language
    learner helper)."""
    profile = open_profile(tmp_path / "p.effect.sqlite3")
    profile.service.create_words([{"text": "l'œuf", "meaning": "egg"}, {"text": "curriculum vitæ", "meaning": "CV"}])
    assert _found(profile, "oeuf") == ["l'œuf"] and _found(profile, "vitae") == ["curriculum vitæ"]
    assert _found(profile, "ŒUF") == ["l'œuf"]
    assert verify(profile.projector).ok
    profile.close()


def test_a_tag_finds_the_words_tagged_under_it_in_ankis_hierarchy(tmp_path: Path) -> None:
    """`--tag verb` found 3 of 10 verbs, the rest tagged "verb::godan" and the like, and `--tag JLPT` none
    of 16 tagged "JLPT::N5", which Anki's tag:verb and tag:JLPT find (found by an Anki migrant helper)."""
    profile = open_profile(tmp_path / "p.effect.sqlite3")
    profile.service.create_words([{"text": t, "meaning": "m", "tags": tags} for t, tags in (
        ("食べる", ["verb", "JLPT::N5"]), ("書く", ["Verb::Godan"]), ("見る", ["verb::ichidan", "JLPT::N5::core"]),
        ("猫", ["noun"]), ("verbose", ["verbose"]), ("100%", ["100%::sure"]), ("x", ["100x"]))])
    tagged = lambda tag: sorted(w.text for w in profile.queries.words(WordFilter(tag=tag)))  # noqa: E731
    assert tagged("verb") == sorted(["見る", "書く", "食べる"])  # not "verbose": a tag under it, not a longer name
    assert tagged("JLPT") == tagged("jlpt::n5") == sorted(["見る", "食べる"])
    assert tagged("verb::godan") == ["書く"] and tagged("100%") == ["100%"]
    # typed by hand with spaces around "::": the same place in the hierarchy (its parent found nothing)
    profile.service.create_words([{"text": "犬", "meaning": "dog", "tags": ["JLPT :: N4"]}])
    assert tagged("JLPT") == sorted(["見る", "食べる", "犬"]) and tagged("JLPT::N4") == ["犬"]
    assert profile.queries.tags() == ["100%::sure", "100x", "JLPT :: N4", "JLPT::N5", "JLPT::N5::core", "noun",
                                      "verb", "Verb::Godan", "verb::ichidan", "verbose"]
    assert profile.queries.tags(with_parents=True) == ["100%", "100%::sure", "100x", "JLPT", "JLPT :: N4",
                                                       "JLPT::N5", "JLPT::N5::core", "noun", "verb",
                                                       "Verb::Godan", "verb::ichidan", "verbose"]
    profile.close()
