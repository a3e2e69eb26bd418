"""What every CLI command gets: the chosen data folder and, on demand, the profile."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..bootstrap import DEFAULT_PROFILE, Profile, open_profile, profile_path
from .output import rebuild_progress

SAY_FROM = 50_000  # events to catch up on before the terminal is told (a second or more)


@dataclass
class CliContext:
    data_dir: Path
    profile_name: str = DEFAULT_PROFILE
    _profile: Profile | None = field(default=None, repr=False)

    @property
    def profile_file(self) -> Path:
        return profile_path(self.data_dir, self.profile_name)

    def profile(self) -> Profile:
        if self._profile is None:
            profile = open_profile(self.profile_file, catch_up=False)
            behind = profile.store.last_position() - profile.projector.checkpoint()
            try:  # read models refilled after an update of the app take a while: say so on a terminal
                profile.projector.catch_up(rebuild_progress(behind) if behind >= SAY_FROM else None)
            except BaseException:
                profile.close()
                raise
            if behind >= SAY_FROM and sys.stderr.isatty():
                print(file=sys.stderr)
            self._profile = profile
        return self._profile

    def close(self) -> None:
        if self._profile is not None:
            self._profile.close()
            self._profile = None
