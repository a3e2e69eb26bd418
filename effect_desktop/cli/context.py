"""What every CLI command gets: the chosen data folder and, on demand, the profile.

Only commands that add content (or fetch it, like `sync`) may create a profile
that does not exist yet; the others say there is none, naming the profiles that
do exist, so a typo in `--profile` is not answered with an empty new profile.
A profile created by a command that then fails (an empty word, an interrupt) is
removed again while it holds no event: an invalid command writes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..backup.recover import finish_interrupted_recovery
from ..bootstrap import (
    DEFAULT_PROFILE,
    PROFILE_SUFFIX,
    Profile,
    command_for,
    open_profile,
    prepare_data_folder,
    profile_name,
    profile_path,
)
from ..persistence.errors import StoreError
from .output import rebuild_progress

SAY_FROM = 50_000  # events to catch up on before the terminal is told (a second or more)

# (command, subcommand) pairs that may create a missing profile: they add words or settings, or bring a
# profile's history from the sync server (a second computer's first sync). Not `session start`: a new
# profile has no word to study, and `--profile defualt session start` said "Nothing is due".
CREATING: frozenset[tuple[str, str | None]] = frozenset({
    ("words", "add"), ("import", None), ("settings", "set"), ("sync", None)})
# Commands that need no profile, or look after a missing one themselves (a restore brings it back).
PROFILE_FREE: frozenset[tuple[str, str | None]] = frozenset({
    ("server", "init"), ("server", "add-user"), ("server", "remove-user"), ("backup", "restore"),
    ("backup", "recover")})


class ProfileMissing(StoreError):
    """A command that only reads was given a profile that does not exist."""


def command_of(args: argparse.Namespace) -> tuple[str, str | None]:
    command = str(args.command)
    sub = getattr(args, f"{command}_command", None)
    return command, sub


def may_create(args: argparse.Namespace) -> bool:
    """Whether this command line may create its profile (a dry run or a status look does not)."""
    if getattr(args, "dry_run", False) or getattr(args, "status", False):
        return False
    return command_of(args) in CREATING


def needs_existing(args: argparse.Namespace) -> bool:
    key = command_of(args)
    if key == ("import", None) and getattr(args, "dry_run", False):
        return False  # a dry run checks a file for a profile that may not exist yet, writing nothing
    return key not in PROFILE_FREE and not may_create(args)


@dataclass
class CliContext:
    data_dir: Path
    profile_name: str = DEFAULT_PROFILE
    creates: bool = True
    _profile: Profile | None = field(default=None, repr=False)
    _created: bool = field(default=False, repr=False)
    _made_folders: list[Path] = field(default_factory=list, repr=False)  # innermost first
    _opened_at: int = field(default=0, repr=False)  # the log's last position when the profile was opened

    def __post_init__(self) -> None:
        self.profile_name = profile_name(self.data_dir, self.profile_name)  # its backups' folder is named so

    @property
    def profile_file(self) -> Path:
        return profile_path(self.data_dir, self.profile_name)

    def command(self, rest: str) -> str:
        """`effect-desktop … rest` for this profile, to be pasted: with the --data-dir and --profile it was
        given (without them, a hint's command acted on the default profile)."""
        return command_for(self.profile_file, rest)

    def _check_path(self) -> None:
        """A path the system refuses (a name over its length limit) is said as the data folder's
        trouble: `exists` raised, and "unexpected error … please report it" was printed."""
        try:
            self.profile_file.exists()
        except OSError:
            prepare_data_folder(self.data_dir)  # raises, saying why
            raise
        if finish_interrupted_recovery(self.profile_file):  # else a new, empty profile took its place
            print(f"effect-desktop: finished a recovery that was interrupted: the recovered profile is now "
                  f"{self.profile_file}", file=sys.stderr)

    def require_existing(self) -> None:
        """Refuse, writing nothing, a profile that is not there (see the module's docstring)."""
        self._check_path()
        path = self.profile_file
        if path.exists():
            return
        if self.data_dir.exists() and not self.data_dir.is_dir():
            prepare_data_folder(self.data_dir)  # says "is a file, not a folder", creating nothing
        raise ProfileMissing(self._missing_message())

    def missing_note(self) -> str:
        """For a dry run on a profile not made yet: which profiles there are, in case of a typo."""
        where = f"note: there is no profile {self.profile_name!r} in {self.data_dir} yet"
        names = sorted(p.name[:-len(PROFILE_SUFFIX)] for p in self.data_dir.glob(f"*{PROFILE_SUFFIX}")
                       if p.is_file()) if self.data_dir.is_dir() else []
        there = f" (profiles there: {', '.join(names)})" if names else ""
        return f"{where}{there}; the import would create it."

    def _missing_message(self) -> str:
        where = f"There is no profile {self.profile_name!r} in {self.data_dir}"
        if not self.data_dir.is_dir():
            return (f"{where} (the folder does not exist); check --data-dir, or add a word "
                    "(`effect-desktop words add` or `import`) to create a profile there.")
        names = sorted(p.name[:-len(PROFILE_SUFFIX)] for p in self.data_dir.glob(f"*{PROFILE_SUFFIX}")
                       if p.is_file())
        there = f"profiles there: {', '.join(names)}" if names else "no profiles there yet"
        return (f"{where} ({there}); check --profile, or add a word (`{self.command('words add')}` or "
                "`import`) to create one.")

    def profile(self) -> Profile:
        if self._profile is None:
            if not self.creates:
                self.require_existing()
            else:
                self._check_path()
                if not self.profile_file.exists():
                    self._created = True
                    self._made_folders = [f for f in (self.data_dir, *self.data_dir.parents) if not f.exists()]
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
            self._opened_at = profile.store.last_position()
        return self._profile

    @property
    def opened(self) -> Profile | None:
        """The profile if this command opened it (without opening it)."""
        return self._profile

    def events_written(self) -> int:
        """Events stored since the profile was opened: what a command did even if its output was lost."""
        if self._profile is None:
            return 0
        return max(0, self._profile.store.last_position() - self._opened_at)

    def discard_if_new(self) -> None:
        """After a failed command: remove the profile it created, unless it holds an event by now
        (another process may have written to it meanwhile; then it is kept)."""
        if not self._created:
            return
        profile = self._profile
        if profile is not None and profile.store.last_position() > 0:
            return
        self.close()
        path = self.profile_file
        for leftover in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))):
            # (on a read-only disk even a missing file's unlink fails, as EROFS: the command's own
            # message has said why already, and a second "could not be closed cleanly" only confused)
            with contextlib.suppress(OSError):
                leftover.unlink()
        for folder in self._made_folders:  # only while empty: nothing but our profile was put there
            try:
                folder.rmdir()
            except OSError:
                break
        self._created = False

    def close(self) -> None:
        if self._profile is not None:
            self._profile.close()
            self._profile = None
