"""The self-test's checks of the core: resources, a throwaway profile, commands, read models.

Each check returns a one-line description of what it found, or raises
`CheckFailed` with what is wrong. They use the real composition root and the
real service, on an SQLite file in a temporary folder that is deleted after.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..bootstrap import Profile, open_profile, profile_path
from ..projections.verify import verify
from ..resources_path import resources_root
from ..wording import counted
from .runner import CheckFailed, SelfTest

SELFTEST_PROFILE = "selftest"
SAMPLE_WORD = ("自己診断", "self-test")


def check_resources() -> str:
    root = resources_root()
    deck = root / "starter_deck" / "starter_deck_en_ja.csv"
    if not deck.is_file():
        raise CheckFailed(f"{root} has no starter deck ({deck.name} missing)")
    return f"found at {root}"


def open_throwaway_profile(test: SelfTest, folder: Path) -> str:
    profile = open_profile(profile_path(folder, SELFTEST_PROFILE))
    test.values["profile"] = profile
    return f"created {profile.path.name} in a temporary folder"


def run_commands(test: SelfTest) -> str:
    """Create a word, study it once and finish the session, as a learner's first minute does."""
    profile: Profile = test.values["profile"]
    service, queries = profile.service, profile.queries
    text, meaning = SAMPLE_WORD
    word_id = service.create_word(text, meaning, category="self-test")
    session_id = service.start_session("flashcard", [word_id])
    outcome = service.answer(session_id, word_id, True, 1500, "good")
    service.complete_session(session_id)
    word = queries.word(word_id)
    if word is None or (word.text, word.meaning) != SAMPLE_WORD:
        raise CheckFailed(f"the word read back is {word!r}, expected {SAMPLE_WORD}")
    answers = queries.answers_for_word(word_id)
    session = queries.session(session_id)
    if len(answers) != 1 or session is None or session.completed_at is None or session.correct != 1:
        raise CheckFailed(f"after one correct answer the read models show {len(answers)} answers "
                          f"and session {session!r}")
    if outcome.progress is None:
        raise CheckFailed("the answer did not reschedule the word")
    events = profile.store.read_all(0, 1000)
    return (f"created a word, answered it, completed the session: {len(events)} events, "
            f"next review in {counted(outcome.progress.interval_days, 'day')}")


def verify_read_models(test: SelfTest) -> str:
    profile: Profile = test.values["profile"]
    report = verify(profile.projector)
    if not report.ok:
        raise CheckFailed("; ".join(report.problems[:3]))
    return f"{report.events} events replayed; every read model matches"


def check_archive(test: SelfTest) -> str:
    """Old events compressed and read back, and the read models rebuilt over them in place: this needs
    zstd and SQLite's in-memory database images, which a packaged app must carry."""
    from datetime import UTC, datetime

    from ..persistence.archive import compact

    profile: Profile = test.values["profile"]
    before = [event.model_dump(mode="json") for event in profile.store.iter_all()]
    report = compact(profile.store, datetime(2100, 1, 1, tzinfo=UTC), datetime.now(UTC), segment=3)
    if not report.segments:
        raise CheckFailed(f"none of the {len(before)} events was compressed")
    if [event.model_dump(mode="json") for event in profile.store.iter_all()] != before:
        raise CheckFailed("the compressed events read back differently")
    profile.projector.rebuild()
    checked = verify(profile.projector)
    if not checked.ok:
        raise CheckFailed("after a rebuild over compressed events: " + "; ".join(checked.problems[:3]))
    return f"{report.events} events compressed in {report.segments} segments, read back, rebuilt in place"


def close_profile(test: SelfTest) -> None:
    profile: Profile | None = test.values.pop("profile", None)
    if profile is not None:
        profile.close()


def check_command_line() -> str:
    """Every subcommand's module imports (the frozen app once lost one to a missing dependency)."""
    import argparse

    from ..cli.main import build_parser

    parser = build_parser()
    commands = [name for action in parser._actions if isinstance(action, argparse._SubParsersAction)
                for name in action.choices]
    if not commands:
        raise CheckFailed("the command line has no commands")
    return f"{len(commands)} commands ({', '.join(commands[:4])}, ...)"


def check_sync_client() -> str:
    """The PostgreSQL client and the password store that sync uses load (libpq, keyring backends)."""
    try:
        import psycopg
    except ImportError as error:
        if getattr(sys, "frozen", False):  # the built app always ships the sync client
            raise CheckFailed(f"the sync client cannot load ({error}); reinstall the app") from error
        return f"not installed ({error}): sync is off; `pip install effect-desktop[sync]` adds it"
    try:
        import keyring
    except ImportError as error:
        raise CheckFailed(f"the password store cannot load ({error}); reinstall the app") from error
    libpq = psycopg.pq.version()
    store = keyring.get_keyring()
    backend = getattr(store, "name", type(store).__name__)  # which store the sync password would go to here
    if type(store).__module__.startswith("keyring.backends.fail"):  # it read "OK … keyring fail Keyring"
        backend = "none (no system keyring: a sync password is kept only where you allow it, in the profile)"
    return (f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq {libpq // 10000}.{libpq % 100}, "
            f"keyring {backend}")
