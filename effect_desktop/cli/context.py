"""What every CLI command gets: the chosen data folder and, on demand, the profile."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..bootstrap import DEFAULT_PROFILE, Profile, open_profile, profile_path


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
            self._profile = open_profile(self.profile_file)
        return self._profile

    def close(self) -> None:
        if self._profile is not None:
            self._profile.close()
            self._profile = None
