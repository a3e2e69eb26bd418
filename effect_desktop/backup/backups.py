"""Backups of a profile file: taken while it is open, kept in a rotation, restored safely.

SQLite's online backup API (`sqlite3.Connection.backup`) copies a consistent
snapshot of the file even while the app has it open in WAL mode, pages and
all, so a backup is itself a working profile. Backups live in
`<data dir>/backups/<profile>/<profile>-YYYYmmdd-HHMMSSZ[-reason].effect.sqlite3` (UTC);
the newest `keep` are kept.

Restoring replaces the profile file, so the profile must not be open in this
process or another: the CLI restores before it opens anything, and the GUI
closes the profile first, restores, then opens it again. The current state
is always backed up before it is replaced, so a restore can itself be undone;
a profile too damaged to copy is moved into the backups as it is (with its
WAL, which may hold the latest answers) and kept out of the rotation.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..application.settings import DEFAULT_BACKUPS_KEPT
from ..os_reasons import reason_in_words, what_to_do
from ..persistence import damage
from ..persistence.errors import ProfileLocked, StoreError
from ..persistence.file_probe import Probe, foreign_wal, is_sqlite_file, probe_file
from ..private_files import create_private_file, make_private_folder
from ..stopping import StoppedAsAsked

BACKUP_DIR = "backups"
SUFFIX = ".effect.sqlite3"
DEFAULT_KEEP = DEFAULT_BACKUPS_KEPT
DAMAGED = "damaged"  # the reason of a damaged profile set aside by a restore: never pruned
# the state before the latest sync that brought in many events: one such backup, kept beside the newest
# `keep` others and not counted among them (schedule.backup_before_sync replaces it)
BEFORE_SYNC = "before-sync"
FROM_HISTORY = "from-history"  # a profile made from a history export, to be restored (interchange/history_restore.py)
FEW_EVENTS = 20  # an import or sync writing more than this is backed up first
LEFTOVER_AGE_S = 15 * 60  # a copy untouched this long is a killed one's, not one in progress
_STAMP = "%Y%m%d-%H%M%S"
# Named in UTC ("Z"): named by the local clock, a backup made after a flight west sorted before the ones
# made before it, and was pruned as the oldest the moment it was made. Names without the Z (before this)
# are read on this computer's clock.
_NAME = re.compile(r"^(?P<profile>.+)-(?P<stamp>\d{8}-\d{6})(?P<utc>Z)?(?:-(?P<reason>[a-z-]+))?(?:-(?P<n>\d+))?"
                   + re.escape(SUFFIX) + "$")


class BackupError(StoreError):
    """A backup could not be made or restored; the message says what to do."""


class BackupNotWritten(BackupError):
    """The copy could not be written into the backups folder (no permission, a full disk): the profile
    itself is as it was. Its parts let the window say it in a line of the status bar."""

    def __init__(self, message: str, folder: Path, reason: str, advice: str) -> None:
        super().__init__(message)
        self.folder, self.reason, self.advice = folder, reason, advice


class RestoreRefused(BackupError):
    """A restore that did not take place; the message says whether the profile was left as it was."""


class ProfileInUse(RestoreRefused, ProfileLocked):
    """A restore refused because another program has the profile open: busy, not broken (the CLI's
    status 75, "try again later", as for any other write the profile's holder blocks; it was 2)."""


class BackupStopped(BackupError, StoppedAsAsked):
    """Asked to stop (the window closing during the daily backup): no copy was kept, nothing else changed."""

    def __init__(self) -> None:
        super().__init__("The backup was stopped before it was complete; none was kept.")


Stop = Callable[[], bool]  # asked between steps of a long copy or check: True to stop


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # aware
    reason: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def local_time(self) -> datetime:
        """When it was taken, on this computer's clock now (as the learner reads the time)."""
        return self.taken_at.astimezone()


def profile_name_of(profile_file: Path) -> str:
    name = profile_file.name
    return name[:-len(SUFFIX)] if name.endswith(SUFFIX) else profile_file.stem


def backup_dir(profile_file: Path) -> Path:
    return profile_file.parent / BACKUP_DIR / profile_name_of(profile_file)


def list_backups(profile_file: Path) -> list[Backup]:
    """Newest first."""
    folder = backup_dir(profile_file)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match["profile"] == profile_name_of(profile_file):
            stamp = datetime.strptime(match["stamp"], _STAMP)
            taken = stamp.replace(tzinfo=UTC) if match["utc"] else stamp.astimezone()  # (a naive one: local)
            found.append((int(match["n"] or 1), Backup(path, taken, match["reason"] or "", path.stat().st_size)))
    # within one second, "-2" is the later one (by name it sorted before the first)
    return [b for _, b in sorted(found, key=lambda nb: (nb[1].taken_at, nb[0], nb[1].name), reverse=True)]


def latest_backup(profile_file: Path) -> Path | None:
    """The newest backup that can be restored: not a damaged profile set aside, and a file that is a
    profile at all (a backup cut short or overwritten was offered, refused, and offered again on
    every start, while a good older one was never named)."""
    for backup in list_backups(profile_file):
        if backup.reason != DAMAGED and looks_restorable(backup.path):
            return backup.path
    return None


def looks_restorable(path: Path) -> bool:
    """A quick look (the whole-file check waits for the restore itself): SQLite, with a log."""
    if probe_file(path)[0] is not Probe.SQLITE:
        return False
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            connection.execute("SELECT max(position) FROM events").fetchone()
    except sqlite3.Error:
        return False
    return True


def create_backup(profile_file: Path, reason: str = "manual", keep: int | None = DEFAULT_KEEP,
                  now: datetime | None = None, stop: Stop | None = None) -> Backup:
    """Copy the profile (open or not) into the backup folder; prune to the newest `keep` (None: none pruned).
    BackupStopped, with no copy left, once `stop()` says so between two steps of the copy."""
    if not profile_file.exists():
        raise BackupError(f"There is no profile at {profile_file} to back up.")
    folder = backup_dir(profile_file)
    try:
        target = _new_name(profile_file, reason, now, reserve=True)
    except OSError as error:  # the backups folder is a file, or read-only
        reason, advice = reason_in_words(error), "Check its permissions, or move away a file of that name."
        raise BackupNotWritten(f"The backups folder {folder} cannot be written ({reason}). {advice}",
                               folder, reason, advice) from error
    partial = target.with_name(target.name + ".partial")
    try:
        _copy(profile_file, partial, None if stop is None else lambda: _stop_if(stop))
        os.replace(partial, target)
    except BaseException as error:  # a Ctrl+C too: no half copy left behind
        for leftover in (partial, Path(f"{partial}-journal")):
            with suppress(OSError):  # a read-only folder refuses this too; the reason is the copy's
                leftover.unlink(missing_ok=True)
        if not isinstance(error, OSError | sqlite3.Error):
            raise
        reason = reason_in_words(error)
        advice = what_to_do(reason)
        raise BackupNotWritten(f"The backup of {profile_file.name} could not be written to {folder} ({reason}). "
                               f"{advice}", folder, reason, advice) from error
    if keep is not None:
        prune(profile_file, keep, keeping=target)
    made = next((b for b in list_backups(profile_file) if b.path == target), None)
    if made is None:  # removed by another program the moment it was made: said, not a crash
        raise BackupNotWritten(f"The backup {target} was removed as soon as it was made (by another program?). "
                               "Back up again.", folder, "removed", "Back up again.")
    return made


def _new_name(profile_file: Path, reason: str, now: datetime | None = None, *, reserve: bool = False) -> Path:
    """A name no backup has; with `reserve`, its `.partial` copy made here, empty, by this call alone: two
    backups started in one second (the window's daily one and the command line's) took the same name,
    wrote into one partial file, and the one that failed deleted the other's copy under way."""
    folder = backup_dir(profile_file)
    make_private_folder(folder.parent)  # `backups/` too: made 0755, it showed every profile's name
    make_private_folder(folder)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP) + "Z"  # (a naive `now`: local)
    reason = re.sub(r"[^a-z-]", "", reason.lower()) or "manual"
    n = 1
    while True:
        numbered = f"-{n}" if n > 1 else ""
        target = folder / f"{profile_name_of(profile_file)}-{stamp}-{reason}{numbered}{SUFFIX}"
        n += 1
        if target.exists():
            continue
        if not reserve:
            return target
        try:
            os.close(os.open(target.with_name(target.name + ".partial"), os.O_CREAT | os.O_EXCL | os.O_WRONLY,
                             0o600))
        except FileExistsError:
            continue
        except OSError:  # a read-only folder: the copy says so, in the words a failed copy has
            return target
        return target


def sweep_leftovers(profile_file: Path, now: float | None = None) -> list[Path]:
    """Remove copies a killed backup or restore left behind (`.partial`, its journal, `.restoring`):
    unlisted and never pruned, each could hold a whole profile's size. Only ones untouched for
    LEFTOVER_AGE_S: another program's copy in progress keeps writing to its file."""
    moment = time.time() if now is None else now
    candidates = [*backup_dir(profile_file).glob("*.partial"), *backup_dir(profile_file).glob("*.partial-journal"),
                  profile_file.with_name(profile_file.name + ".restoring")]
    removed = []
    for leftover in candidates:
        try:
            if moment - leftover.stat().st_mtime >= LEFTOVER_AGE_S:
                leftover.unlink()
                removed.append(leftover)
        except OSError:  # gone meanwhile, or not ours to remove: left
            continue
    return removed


def prune(profile_file: Path, keep: int, keeping: Path | None = None) -> list[Path]:
    """Remove all but the newest `keep` backups (damaged profiles set aside and the ones before a sync
    stay); `keeping`, the one just made, is never removed, whatever its name says of its time."""
    sweep_leftovers(profile_file)
    removed = []
    rotated = [b for b in list_backups(profile_file) if b.reason not in (DAMAGED, BEFORE_SYNC)]
    made = [b for b in rotated if b.path == keeping]
    for old in [*made, *(b for b in rotated if b.path != keeping)][max(keep, 1):]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def set_aside(profile_file: Path) -> Backup:
    """Move a profile that is not intact, with its WAL, into the backups as it is.

    Restoring over it must not destroy what it may still hold: the answers
    since the last backup can often be read out of a damaged file by hand
    (`sqlite3 FILE .recover`). Moved, not copied: SQLite cannot copy it."""
    target = _new_name(profile_file, DAMAGED)
    try:
        os.replace(profile_file, target)
        wal = Path(f"{profile_file}-wal")
        if wal.exists():
            os.replace(wal, Path(f"{target}-wal"))  # beside it under its new name: SQLite still reads it
        Path(f"{profile_file}-shm").unlink(missing_ok=True)
    except OSError as error:
        raise BackupError(f"The damaged profile could not be moved to {target.parent} ({reason_in_words(error)}); "
                          "nothing was changed.") from error
    return next(b for b in list_backups(profile_file) if b.path == target)


def restore_backup(profile_file: Path, backup: Path) -> Backup | None:
    """Replace the (closed) profile with `backup`; the current state is backed up first and returned.

    No backup is pruned here: the number to keep is a setting inside the profile being replaced,
    and a restore is the moment another backup may be wanted next. The next backup prunes."""
    if not backup.is_file():
        raise RestoreRefused(f"There is no backup {backup}; `effect-desktop backup list` shows the ones kept.")
    holder = other_process_holding(profile_file)
    if holder is not None:
        raise ProfileInUse(f"Effect Desktop has this profile open (process {holder}); close it first, or restore "
                          f"from its Backups window. {left_behind(profile_file)} Nothing was changed.")
    problem = check_file(backup)
    if problem:
        raise RestoreRefused(f"The backup {backup.name} cannot be used: {problem}")
    kind, detail = probe_file(profile_file)
    if kind in (Probe.NO_ACCESS, Probe.NO_SPACE, Probe.UNREADABLE):  # not damage: a restore would not help
        raise RestoreRefused(f"The profile {profile_file} cannot be reached ({kind.value}: {detail}); it is not "
                             "damaged, so nothing was restored over it. Fix that first (its permissions, or free "
                             "disk space).")
    state = check_file(profile_file) if profile_file.exists() else "missing"
    if state == IN_USE:
        raise ProfileInUse(f"Another program is using {profile_file} (it is busy); close it first, then restore. "
                          "Nothing was changed.")
    intact = state is None
    if intact:  # a damaged one is not probed: opening it for writing could fold away the WAL it keeps
        _refuse_if_open_elsewhere(profile_file)
    partial = profile_file.with_name(profile_file.name + ".restoring")
    try:
        _copy(backup, partial)  # first: a failed copy leaves the profile as it was
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        reason = reason_in_words(error)
        raise RestoreRefused(f"The backup was not restored: it could not be copied into {profile_file.parent} "
                             f"({reason}), and the profile was left as it was. {what_to_do(reason)}") from error
    saved = None
    try:
        if profile_file.exists():
            saved = create_backup(profile_file, "before-restore", keep=None) if intact else set_aside(profile_file)
    except BackupNotWritten as error:  # said once, whole: it nested the backup's message in the restore's
        partial.unlink(missing_ok=True)
        raise RestoreRefused(f"The backup was not restored: the current state could not be backed up first to "
                             f"{error.folder} ({error.reason}), and the profile was left as it was. "
                             f"{error.advice}") from error
    except BackupError as error:
        partial.unlink(missing_ok=True)
        raise RestoreRefused(str(error)) from error
    try:
        if intact:
            _refuse_if_open_elsewhere(profile_file)  # again: the copies took a while
        for leftover in (Path(f"{profile_file}-wal"), Path(f"{profile_file}-shm")):
            leftover.unlink(missing_ok=True)
        os.replace(partial, profile_file)
        damage.clear(profile_file)  # the damage met in use went with the file replaced
    except BackupError as error:  # another program took the profile meanwhile: its message says what to do
        partial.unlink(missing_ok=True)
        raise RestoreRefused(str(error)) from error
    except OSError as error:
        partial.unlink(missing_ok=True)
        where = f"; its state before is kept as {saved.path}" if saved else ""
        raise RestoreRefused(f"The backup could not be restored ({reason_in_words(error)}){where}.") from error
    return saved


def _refuse_if_open_elsewhere(profile_file: Path) -> None:
    """Refuse while any connection has the profile open (a CLI import or sync, another window).

    Replacing the file under an open connection loses what it writes next: it goes on writing into
    the replaced file, which nothing will read again, and reports success (an import of 50,000 words
    vanished so). The GUI's lock file names only windows; SQLite itself knows every connection: an
    exclusive lock cannot be had while another connection has the file open in WAL mode."""
    if not profile_file.exists():
        return
    try:
        probe = sqlite3.connect(profile_file, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return  # not openable at all: nobody is using it
    try:
        probe.execute("PRAGMA locking_mode=EXCLUSIVE")
        probe.execute("BEGIN EXCLUSIVE")
        probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        probe.execute("ROLLBACK")
    except sqlite3.Error as error:
        if getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise ProfileInUse("Another program is using this profile (an import, a sync or another command "
                              "still running, or an Effect Desktop window); wait for it to finish, then "
                              "restore. The profile was left as it was.") from error
        # any other error: a damaged file, which the restore sets aside
    finally:
        probe.close()


def other_process_holding(profile_file: Path) -> int | None:
    """The pid of another live process holding the app's lock on this profile, if any.

    The GUI keeps a lock file `<profile>.lock` beside the profile (gui/instance.py, QLockFile: the
    pid, the program's name, the host, the machine id and the boot id, a line each) while the
    profile is open. A window that crashed or lost its power leaves it behind, and its pid is soon
    another program's (after a reboot pids start low again): that lock is stale, as Qt itself
    judges it (a later boot, or the pid now running another program), or a restore was refused for
    good, naming a process that was not Effect Desktop."""
    lock = lock_file(profile_file)
    try:
        lines = lock.read_text(errors="replace").splitlines()
        pid = int(lines[0].strip())
    except (OSError, ValueError, IndexError):
        return None
    if pid == os.getpid():
        return None  # our own window restoring after closing the profile
    program, host, machine, boot = ([line.strip() for line in lines[1:5]] + [""] * 4)[:4]
    machine, boot = machine.replace("-", ""), boot.replace("-", "")
    here = not host or host == socket.gethostname()
    if here and machine and boot and _machine_id() == machine and _read_id(_BOOT_ID) not in ("", boot):
        return None  # written before the computer last started: nothing of that boot runs now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # a stale lock of a crashed app
    except PermissionError:
        pass  # alive, owned by someone else
    except OSError:
        return None
    if here and program and (running := _program_of(pid)) and running != program:
        return None  # the pid was reused by another program
    return pid


_BOOT_ID = "/proc/sys/kernel/random/boot_id"


def lock_file(profile_file: Path) -> Path:
    return profile_file.parent / f"{profile_file.name.split('.', 1)[0]}.lock"


def left_behind(profile_file: Path) -> str:
    """What to do when no window is open after all (a lock Qt's own rules cannot tell from a live one)."""
    return (f"(No Effect Desktop window open? Then {lock_file(profile_file)} was left by one that did not "
            "close: delete it and try again.)")


def _read_id(path: str) -> str:
    """A machine's or boot's id, without dashes (the lock's boot id has them), or "" where the system has none."""
    try:
        return Path(path).read_text().strip().replace("-", "")
    except OSError:
        return ""


def _machine_id() -> str:
    """QSysInfo.machineUniqueId's, on Linux."""
    return _read_id("/etc/machine-id") or _read_id("/var/lib/dbus/machine-id")


def _program_of(pid: int) -> str:
    """The file name of the program `pid` runs, as QLockFile records it (Linux); "" when not known. A
    program file replaced while it runs (an upgrade of Python under an open window) reads "python3.11
    (deleted)", which Qt strips too: taken for another program, the live window's lock was stale."""
    try:
        return Path(os.readlink(f"/proc/{pid}/exe").removesuffix(" (deleted)")).name
    except OSError:
        return ""


IN_USE = "it is in use by another program (busy)"


def _stop_if(stop: Stop) -> None:
    if stop():
        raise BackupStopped()


def check_file(path: Path, stop: Stop | None = None) -> str | None:
    """None if `path` is an intact Effect Desktop profile, else the reason it is not: IN_USE when another
    program holds a lock that keeps it from being read (not damage: a restore took such a profile for
    damaged and moved it away)."""
    try:
        if not is_sqlite_file(path):  # asked of SQLite: a plain open() of the open profile drops its locks
            return "it is not an SQLite file"
        if foreign_wal(path):
            return "the write-ahead log beside it belongs to another profile"
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "events" not in names:
                return "it is not an Effect Desktop profile"
            if stop is not None:  # a 1.2 GB profile's check takes seconds: the window's close stops it
                connection.set_progress_handler(stop, CHECK_STEPS)
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as error:
        if stop is not None and stop():
            raise BackupStopped() from error
        if (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return IN_USE
        return f"it could not be read ({error})"
    except OSError as error:
        return f"it could not be read ({error})"
    return None if result == "ok" else f"it is damaged ({result})"


COPY_STEP_PAGES = 4096  # 16 MB a step
CHECK_STEPS = 100_000  # SQLite steps of the integrity check between two looks at `stop` (a few ms)


def _copy(source: Path, target: Path, between_steps: Callable[[], object] | None = None) -> None:
    """SQLite's online backup: a consistent copy even while another connection writes.

    The copy reads one snapshot, held open for its whole length. Without it SQLite starts the copy
    again whenever another connection commits between two steps: with an answer every few seconds,
    the ten-second copy of a five-year profile never ended, and the daily backup never came."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts at the first read
        create_private_file(target)  # a copy of the profile, as private as the profile should be
        dst = sqlite3.connect(target)
        try:
            # a Python callback between steps lets a Ctrl+C stop a long copy at once (in one C call,
            # a 1.2 GB profile's copy ran on for seconds after it)
            src.backup(dst, pages=COPY_STEP_PAGES,
                       progress=lambda _status, _remaining, _total: between_steps and between_steps())
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            dst.close()
    finally:
        src.close()


def reserve_name(profile_file: Path, reason: str) -> Path:
    """A new backup's name, its `.partial` made here so no other backup takes it meanwhile."""
    return _new_name(profile_file, reason, reserve=True)
