"""Which scheduler is in force when two devices switched while offline: the same on both, always.

Each device writes its switches to its own profile stream, and each applies the other's when it
arrives; "the last one applied" gave device 0 SM-2 and device 1 FSRS (found by the three-device
property test once it switched schedulers). The switch in force is now the greatest by generation
(a switch made knowing another wins over it), then time, then id, on every device.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.sync import SyncClient
from effect_desktop.timeline.scheduler_replay import switch
from tests.integration.profile_helpers import SettableClock
from tests.sync.helpers import comparable_read_models


def _studied(profile: Profile) -> None:
    word = profile.service.create_word("猫", "cat")
    session = profile.service.start_session("flashcard", [word])
    profile.service.answer(session, word, True, 1500, "good")
    profile.service.complete_session(session)


def _scheduler_after_reopening(profile: Profile) -> str:
    """What a restart (and so a rebuild's or bootstrap's choice) gives."""
    reopened = open_profile(profile.path)
    try:
        reopened.projector.rebuild()
        return reopened.service.scheduler.name
    finally:
        reopened.close()


def test_concurrent_switches_end_the_same_on_both_devices(alice: str, device: Callable[..., Profile]) -> None:
    start = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    laptop_clock, desktop_clock = SettableClock(start), SettableClock(start)
    laptop, desktop = device("laptop", laptop_clock), device("desktop", desktop_clock)
    _studied(laptop)
    laptop_clock.advance(minutes=5)
    switch(laptop, "fsrs")  # offline, five minutes after the desktop's switch below
    switch(desktop, "sm2")
    for profile in (laptop, desktop, laptop):
        SyncClient(profile, alice).sync()
    assert laptop.service.scheduler.name == desktop.service.scheduler.name == "fsrs"  # the later one
    assert comparable_read_models(laptop) == comparable_read_models(desktop)
    assert _scheduler_after_reopening(laptop) == _scheduler_after_reopening(desktop) == "fsrs"


def test_a_switch_made_knowing_another_wins_whatever_the_clock(alice: str,
                                                              device: Callable[..., Profile]) -> None:
    """The desktop's clock is an hour behind: its switch back to SM-2, made after it received the
    laptop's switch to FSRS, still wins (its generation is higher), on both devices."""
    start = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    laptop_clock, desktop_clock = SettableClock(start), SettableClock(start - timedelta(hours=1))
    laptop, desktop = device("laptop", laptop_clock), device("desktop", desktop_clock)
    _studied(laptop)
    switch(laptop, "fsrs")
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    assert desktop.service.scheduler.name == "fsrs"
    desktop_clock.advance(minutes=1)
    switch(desktop, "sm2")
    assert desktop.service.scheduler.name == "sm2", "the learner's own switch took effect"
    SyncClient(desktop, alice).sync()
    SyncClient(laptop, alice).sync()
    assert laptop.service.scheduler.name == "sm2"
    assert comparable_read_models(laptop) == comparable_read_models(desktop)
    assert _scheduler_after_reopening(laptop) == _scheduler_after_reopening(desktop) == "sm2"
