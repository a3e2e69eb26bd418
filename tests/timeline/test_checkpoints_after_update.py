"""Time-travel checkpoints an older version wrote are dropped after an update that changed what the
projections compute, in the packaged app too (it ships no source files to fingerprint)."""

from __future__ import annotations

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.timeline import checkpoints as module
from effect_desktop.timeline.checkpoints import Checkpoints
from tests.integration.profile_helpers import SettableClock


def test_an_update_of_the_projections_drops_the_packaged_apps_checkpoints(
        profile: Profile, clock: SettableClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fingerprint read the projection sources, which a PyInstaller build does not hold: it was the
    same before and after an update, and yesterday's checkpoints (a session completed on two devices
    counted twice) were trusted, so the past disagreed with the present."""
    monkeypatch.setattr(module, "_SOURCES", ())  # as in the packaged app
    words = profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(30)])
    for _day in range(20):
        clock.advance(days=1)
        session = profile.service.start_session("flashcard", words)
        for word in words:
            clock.advance(seconds=3)
            profile.service.answer(session, word, True, 1500)
        profile.service.complete_session(session)
    monkeypatch.setattr(module, "PROJECTION_VERSION", "5")  # yesterday's build
    older = Checkpoints(profile.store, profile.service.day_start_hour)
    assert older.extend() > 0 and older.count() > 0
    monkeypatch.setattr(module, "PROJECTION_VERSION", "6")  # today's
    newer = Checkpoints(profile.store, profile.service.day_start_hour)
    newer.drop_stale()
    assert newer.count() == 0 and older.count() == 0
