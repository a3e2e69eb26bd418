"""The composition root: the one place that builds infrastructure and wires it.

`open_profile` opens (or creates) one learner's SQLite file, makes sure its
tables exist, brings the read models up to the last event, and hands back a
`Profile` holding the service, the queries and the store. Nothing happens at
import time.
"""

from __future__ import annotations

import os
import re
import shlex
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from uuid import UUID

import platformdirs
import sqlalchemy as sa
from sqlalchemy.exc import DatabaseError, OperationalError

from .application.service import StudyService
from .application.settings import DAY_START
from .backup.backups import latest_backup
from .domain import events as ev
from .domain.ids import new_id
from .domain.registry import EventRegistry, default_registry
from .gc_pause import using_a_connection
from .persistence import damage
from .persistence.errors import (
    BUSY_MESSAGE,
    DataFolderUnusable,
    ProfileFromNewerVersion,
    ProfileInaccessible,
    ProfileLocked,
    ProfileUnreadable,
)
from .persistence.file_probe import Probe, foreign_wal, probe_file
from .persistence.schema import local_metadata, metadata, profile_info
from .persistence.sql_store import SqlEventStore, write_failed
from .persistence.sqlite import create_sqlite_engine
from .private_files import create_private_file, make_private_folder
from .projections import tables as _tables  # noqa: F401  (registers the read-model tables)
from .projections.projector import Progress, Projector
from .projections.queries import Queries
from .projections.upgrade import (
    FINGERPRINT_KEY,
    PROJECTION_KEY,
    PROJECTION_VERSION,
    reset_read_models,
    schema_fingerprint,
    upgrade_read_models,
)
from .timeline.scheduler_choice import append_choice, day_start_in_force, next_generation, selected_scheduler

APP_DIR_NAME = "EffectDesktop"
DEFAULT_PROFILE = "default"
LOG_FILE_NAME = "effect-desktop.log"  # beside the profiles: the window's and the CLI's details
PROFILE_SUFFIX = ".effect.sqlite3"
STORE_FORMAT = "1"
QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024
MAX_SQLITE_PATH_BYTES = 512  # SQLite's own limit on a file name (SQLITE_MAX_PATHNAME)
_PROFILE_NAME = re.compile(r"[\w\- ]{1,64}")
# Names Windows keeps for devices, with any extension: CON.effect.sqlite3 is the console there. Refused on
# every system, since a profile (and its backups) may be copied to Windows.
_DEVICE_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"{kind}{n}" for kind in ("COM", "LPT") for n in "0123456789¹²³")}


def _made_before(path: Path) -> bool:
    """The profile's file is there (a regular file: on Windows the device name itself "exists"), or the
    one a recovery stopped between its two renames left beside it (found in review)."""
    return path.is_file() or path.with_name(path.name + ".recovered").is_file()


def default_data_dir() -> Path:
    env = os.environ.get("EFFECT_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


class InvalidProfileName(ValueError):
    """A refused profile name, with its parts (the name, its length, the first character refused),
    so each front end can word it in its language instead of parsing an English sentence back."""

    def __init__(self, name: str, length: int | None = None, character: str | None = None,
                 device: bool = False) -> None:
        self.name, self.length, self.character, self.device = name, length, character, device
        if device:
            message = (f"invalid profile name “{name}”: Windows keeps that name for a device (CON, PRN, AUX, NUL, "
                       "COM1 to COM9, LPT1 to LPT9); choose another")
        elif length is not None:
            message = f"invalid profile name “{name[:20]}…”: it has {length} characters; at most 64"
        elif character is None:
            message = "invalid profile name: it is empty; use letters, digits, spaces, - and _"
        else:
            message = (f"invalid profile name “{name}”: {describe_character(character)} cannot be used; "
                       "use letters, digits, spaces, - and _")
        super().__init__(message)


def describe_character(character: str) -> str:
    """A refused character as a reader can see it: quoted when visible, its code point when not (a
    full-width space from a Japanese input method looked like the spaces the message allows)."""
    if character.isprintable() and not character.isspace():
        return f"“{character}”"
    return f"U+{ord(character):04X}"


def profile_name(data_dir: Path, name: str) -> str:
    """The name a profile is kept under: without spaces around it. `--profile "work "` (a name pasted
    with its space, a script's "$NAME ") made a second profile, "work .effect.sqlite3", beside "work",
    whose words it did not show. A profile made under such a name before still opens under it."""
    trimmed = name.strip(" \u3000")  # an ideographic space too, as a Japanese input method types it
    if trimmed == name or not _PROFILE_NAME.fullmatch(name):
        return trimmed
    with suppress(OSError, ValueError):  # an unreadable folder: the open that follows says why
        if _made_before(data_dir / f"{name}{PROFILE_SUFFIX}"):
            return name
    return trimmed


def profile_path(data_dir: Path, profile: str = DEFAULT_PROFILE) -> Path:
    profile = profile_name(data_dir, profile)
    if len(profile) > 64:
        raise InvalidProfileName(profile, length=len(profile))
    if not _PROFILE_NAME.fullmatch(profile):  # fullmatch: `$` let a name end in a line break
        refused = next((c for c in profile if not _PROFILE_NAME.fullmatch(c)), None)
        raise InvalidProfileName(profile, character=refused)
    path = data_dir / f"{profile}{PROFILE_SUFFIX}"
    # Windows ignores the spaces at the end of a name. Only a new profile is refused: "aux" or "con" made
    # on Linux or macOS before these names were refused must still open (found in review).
    if profile.rstrip(" ").upper() in _DEVICE_NAMES and not _made_before(path):
        raise InvalidProfileName(profile, device=True)
    return path


def local_clock() -> datetime:
    return datetime.now().astimezone()


@dataclass
class Profile:
    path: Path
    engine: sa.Engine
    store: SqlEventStore
    projector: Projector
    queries: Queries
    service: StudyService
    user_id: UUID
    settings: ProfileSettings

    def close(self) -> None:
        self.engine.dispose()


class ProfileSettings:
    """Small per-profile settings kept in `profile_info` (not events: they are not history)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def get(self, key: str, default: str | None = None) -> str | None:
        with using_a_connection(), self.engine.connect().execution_options(sqlite_begin="DEFERRED") as connection:
            value = connection.execute(
                sa.select(profile_info.c.value).where(profile_info.c.key == key)).scalar()
        return value if value is not None else default

    def set(self, key: str, value: str) -> None:
        try:
            with using_a_connection(), self.engine.begin() as connection:
                connection.execute(sa.insert(profile_info).prefix_with("OR REPLACE"),
                                   {"key": key, "value": value})
        except OperationalError as error:  # a read-only profile, a full disk: said as the store says it
            raise write_failed(error, self.engine.url.database) from error

    def forget(self, key: str) -> None:
        """Remove a setting (a password kept in the file that is no longer wanted there), its bytes
        overwritten: SQLite only marks a deleted row's space free, so the password stayed readable in
        the file (and in the WAL's older copy of the page, which the checkpoint empties). Backups taken
        while it was kept still hold it."""
        try:
            with using_a_connection(), self.engine.begin() as connection:
                connection.exec_driver_sql("PRAGMA secure_delete = ON")
                try:
                    connection.execute(sa.delete(profile_info).where(profile_info.c.key == key))
                finally:
                    connection.exec_driver_sql("PRAGMA secure_delete = OFF")
        except OperationalError as error:
            raise write_failed(error, self.engine.url.database) from error
        with using_a_connection(), self.engine.connect() as connection, suppress(sqlite3.Error):  # (a reader: WAL kept)
            connection.connection.driver_connection.execute(  # type: ignore[union-attr]
                "PRAGMA wal_checkpoint(TRUNCATE)")  # outside a transaction, which SQLAlchemy would begin

    def get_int(self, key: str, default: int) -> int:
        raw = self.get(key)
        try:
            return int(raw) if raw is not None else default
        except ValueError:
            return default


def _companions_writable_as_the_profile(path: Path) -> None:
    """Give a read-only `-shm` or `-wal` beside a profile we can write the profile's permissions.
    SQLite makes them with the mode the profile had: read while the profile was read-only (copied off a
    read-only medium), they stayed read-only after the learner made it writable as told, and every
    write was refused as "read-only" for good. Their contents are SQLite's own, not the learner's."""
    effective = os.access in os.supports_effective_ids  # as the process writes (not as who started it)
    if not os.access(path, os.W_OK, effective_ids=effective):
        return
    for companion in (Path(f"{path}-shm"), Path(f"{path}-wal")):
        with suppress(OSError):  # not there, or not ours: SQLite's refusal then says so
            if (not os.access(companion, os.W_OK, effective_ids=effective)
                    and companion.stat().st_uid == path.stat().st_uid):
                companion.chmod(path.stat().st_mode & 0o777)


def open_profile(path: Path, *, clock: Callable[[], datetime] = local_clock,
                 registry: EventRegistry | None = None, snapshot_every: int = 100,
                 catch_up: bool = True) -> Profile:
    prepare_data_folder(path.parent)
    _check_is_profile(path)
    is_new = not path.exists()
    if is_new:
        with suppress(OSError):  # a path SQLite cannot take either: its refusal below says why
            create_private_file(path)
    _companions_writable_as_the_profile(path)
    engine = create_sqlite_engine(path)
    try:
        known = {} if is_new else _ready(engine)
        if known:
            _refuse_a_newer_format(path, known)
        else:  # new, from another build, or not read: made ready under the write lock
            known = _made_ready(engine, clock, path)
    except ProfileFromNewerVersion:
        engine.dispose()
        raise
    except DatabaseError as error:
        engine.dispose()
        if "locked" in str(error.orig) or "busy" in str(error.orig):
            # another program's write transaction (an import, a sync): busy, not damaged. The read-only
            # look above gets past a writer in WAL mode, so this is where it shows.
            raise ProfileLocked(BUSY_MESSAGE) from error
        if is_new:  # nothing there to be damaged: the place is the trouble (a path over SQLite's 512 bytes)
            long_path = len(os.fsencode(path)) > MAX_SQLITE_PATH_BYTES
            raise DataFolderUnusable(
                f"A profile could not be created at {path} ({error.orig}). " + (
                    f"Its path is longer than SQLite allows ({MAX_SQLITE_PATH_BYTES} bytes); choose a data "
                    "folder with a shorter path." if long_path else
                    "Free some space on the disk and try again, or choose another data folder." if "full" in
                    str(error.orig) else "Choose another data folder.")) from error
        raise ProfileUnreadable(
            f"{path} could not be opened as an Effect Desktop profile ({error.orig}). "
            "It may be damaged; restore a backup or choose another data folder."
        ) from error
    settings = ProfileSettings(engine)
    user_id = UUID(known["user_id"])
    store = SqlEventStore(engine, registry or default_registry())
    day_start = _adopt_day_start(engine, store, DAY_START.read(settings))
    scheduler = selected_scheduler(store, day_start)  # SM-2 unless a SchedulerChanged chose another
    projector = Projector(store, day_start, scheduler, hour_key=DAY_START.key)
    queries = Queries(store)
    service = StudyService(store, projector, queries, user_id, scheduler, clock,
                           day_start, snapshot_every)
    profile = Profile(path, engine, store, projector, queries, service, user_id, settings)
    if catch_up:
        projector.catch_up()
    return profile


def _ready(engine: sa.Engine) -> dict[str, str]:
    """The profile's facts, read without the write lock, if it needs nothing made or upgraded (empty
    otherwise). Opening took the write lock every time: a `words list` waited ten seconds and failed
    as "busy" while the window imported or rebuilt, though a read goes past a writer in WAL mode."""
    with engine.connect().execution_options(sqlite_begin="DEFERRED") as connection, connection.begin():
        names = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {*metadata.tables, *local_metadata.tables} <= names:
            return {}
        known = dict(connection.execute(sa.select(profile_info.c.key, profile_info.c.value)).all())
    current = (known.get(FINGERPRINT_KEY) == schema_fingerprint() and known.get(PROJECTION_KEY) == PROJECTION_VERSION
               and "user_id" in known)
    return known if current else {}


def _made_ready(engine: sa.Engine, clock: Callable[[], datetime], path: Path) -> dict[str, str]:
    """Create or upgrade the profile's tables and facts, under the write lock."""
    with engine.begin() as connection:
        names = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if profile_info.name in names:  # before anything is made or upgraded in it
            _refuse_a_newer_format(path, dict(connection.execute(
                sa.select(profile_info.c.key, profile_info.c.value)).all()))
        metadata.create_all(connection)
        local_metadata.create_all(connection)
        known = dict(connection.execute(sa.select(profile_info.c.key, profile_info.c.value)).all())
        if "user_id" not in known:
            connection.execute(sa.insert(profile_info), [
                {"key": "user_id", "value": str(new_id())},
                {"key": "store_format", "value": STORE_FORMAT},
                {"key": "created_at", "value": clock().isoformat()},
            ])
            known = dict(connection.execute(
                sa.select(profile_info.c.key, profile_info.c.value)).all())
        upgrade_read_models(connection, known.get(FINGERPRINT_KEY), known.get(PROJECTION_KEY))
    return known


def _refuse_a_newer_format(path: Path, known: dict[str, str]) -> None:
    """A profile in a store format this version does not know was opened, and its read models "upgraded"
    to this version's (the format was never checked): refused before anything is written."""
    stored = known.get("store_format", STORE_FORMAT)
    if stored == STORE_FORMAT or (stored.isdigit() and int(stored) < int(STORE_FORMAT)):
        return
    raise ProfileFromNewerVersion(
        f"{path} was made by a newer Effect Desktop (its store format is {stored}; this version reads format "
        f"{STORE_FORMAT}). Update Effect Desktop to open it; nothing was changed.")


def change_day_start_hour(profile: Profile, hour: int | str, progress: Progress | None = None) -> int:
    """Move the start of the study day, for the past too; returns the events replayed.

    Every answer's study day follows from this hour, and so do the streak, the
    daily totals and the due dates; and a rebuild must give what live updating
    gives. So the change is recorded (a `StudyDayStartChanged`, which a sync
    carries to the other devices) and the read models are rebuilt under the new
    hour in one transaction: a crash or a cancel leaves the old hour with the old
    read models. `profile` keeps the old hour in its objects: open it again after."""
    value = DAY_START.checked(hour)
    store = profile.store
    if value == profile.projector.day_start_hour and day_start_in_force(store) == value:
        return 0  # already recorded and counted: nothing to write, nothing to recount
    with store.transaction() as connection:
        data = ev.StudyDayStartChanged(user_id=profile.user_id, hour=value,
                                       generation=next_generation(store, "StudyDayStartChanged"))
        append_choice(store, profile.user_id, profile.service.clock(), data)
        connection.execute(sa.insert(profile_info).prefix_with("OR REPLACE"),
                           {"key": DAY_START.key, "value": str(value)})
        return Projector(store, value, selected_scheduler(store, value)).rebuild(progress)


def _adopt_day_start(engine: sa.Engine, store: SqlEventStore, stored: int) -> int:
    """The hour in force, from the events: another device may have moved it (a sync brought the
    change) or the log came from elsewhere (a JSONL import). The read models are counted under
    the stored hour, so when the two differ they are emptied, with the new hour stored, in one
    transaction, and the catch-up on open refills them under it."""
    in_force = day_start_in_force(store)
    if in_force is None or in_force == stored:
        return stored
    with engine.begin() as connection:
        connection.execute(sa.insert(profile_info).prefix_with("OR REPLACE"),
                           {"key": DAY_START.key, "value": str(in_force)})
        reset_read_models(connection)
    return in_force


def rebuild_under_hour_in_force(profile: Profile, progress: Progress | None = None) -> int:
    """Rebuild every read model under the hour in force, storing it if another device moved it (a
    JSONL import, after a sync); `profile` then counts with the old hour in its objects: open it
    again (`day_start_moved` says whether to). The stored hour is always the one the read models
    are counted under: both change in one transaction, here, on open and in a local change."""
    store = profile.store
    hour = day_start_in_force(store)
    if hour is None or hour == profile.projector.day_start_hour:
        return profile.projector.rebuild(progress)
    with store.transaction() as connection:
        connection.execute(sa.insert(profile_info).prefix_with("OR REPLACE"),
                           {"key": DAY_START.key, "value": str(hour)})
        return Projector(store, hour, selected_scheduler(store, hour)).rebuild(progress)


def day_start_moved(profile: Profile) -> bool:
    """Whether the hour in force differs from the one this profile's objects count with (after a
    sync that brought another device's change): open the profile again to count under it."""
    in_force = day_start_in_force(profile.store)
    return in_force is not None and in_force != profile.projector.day_start_hour


def prepare_data_folder(folder: Path) -> None:
    """Create the data folder, or say plainly why it cannot be used (a file in its place, no
    permission, a full or read-only disk, a name the system refuses): the user picked it by
    --data-dir or EFFECT_DATA_DIR."""
    choose = "choose another data folder with --data-dir or EFFECT_DATA_DIR"
    shown = _shortened(folder)
    try:  # a name over the system's limit raises here (ENAMETOOLONG), and a traceback reached the screen
        if folder.exists() and not folder.is_dir():
            raise DataFolderUnusable(f"The data folder {shown} is a file, not a folder; {choose}.")
        if folder.is_symlink() and not folder.exists():
            raise DataFolderUnusable(f"The data folder {shown} is a link to {os.readlink(folder)}, which does not "
                                     f"exist (a disk not connected?); connect it, or {choose}.")
        make_private_folder(folder)
    except OSError as error:
        raise DataFolderUnusable(
            f"The data folder {shown} cannot be created ({error.strerror or error}); {choose}.") from error
    # Each says first how to make this folder usable: "choose another data folder" alone left an old disk
    # mounted read-only with no way to its history. The window words the way out in its own terms
    # (gui/core_messages.py): a learner who double-clicks the app has no --data-dir.
    copy = "copy the profile to a folder you can write and choose that one with --data-dir or EFFECT_DATA_DIR"
    if not os.access(folder, os.W_OK | os.X_OK):
        if _read_only_disk(folder):  # "no permission" sent the learner to check permissions, in vain
            raise DataFolderUnusable(
                f"The data folder {shown} is on a disk that is read-only (mounted so, or locked); make the disk "
                f"writable, or {copy}.")
        raise DataFolderUnusable(f"The data folder {shown} cannot be written (no permission); make it writable "
                                 f"for your user account, or {copy}.")


def _read_only_disk(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)  # not on Windows, whose read-only media say "no permission"
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _shortened(path: Path, limit: int = 160) -> str:
    """A path for a message: a 5,000-character one filled the screen."""
    text = str(path)
    return text if len(text) <= limit else f"{text[:limit // 2]}…{text[-limit // 3:]}"


def _check_is_profile(path: Path) -> None:
    """Refuse, without writing, a file that is not SQLite or not ours."""
    if path.is_dir():
        raise ProfileUnreadable(f"{path} is a folder, not a profile file; it was left untouched. "
                                "Move it away, or choose another profile with --profile NAME.")
    if not path.exists():
        return
    kind, detail = probe_file(path)  # asked of SQLite: a plain open() could drop its locks (file_probe.py)
    if kind is Probe.EMPTY:
        if latest_backup(path) is None:
            return  # a profile whose creation was cut short before its first page: nothing to lose
        raise ProfileUnreadable(_damaged(path, "the file is empty"))  # an interrupted copy, a sync tool
    if kind in (Probe.NO_ACCESS, Probe.NO_SPACE, Probe.UNREADABLE):
        raise ProfileInaccessible(inaccessible(path, kind, detail))
    if kind is Probe.DAMAGED:
        raise ProfileUnreadable(_damaged(path, detail))
    if kind is Probe.SQLITE and foreign_wal(path):
        raise ProfileInaccessible(
            f"Beside {path} lies the write-ahead log of another profile ({path.name}-wal), which SQLite would "
            f"read as this one's; both were left untouched. Move {path.name}-wal out of the folder, then open "
            "the profile again.")
    if kind is Probe.NOT_SQLITE:
        raise ProfileUnreadable(f"{path} is not an Effect Desktop profile (not an SQLite file); it was left "
                                f"untouched. {_offer(path)}.")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            check = _integrity(connection, path) if "events" in names else "ok"
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            # busy, not damaged: a verify or an import holds it (treated as damaged, it was offered for
            # restoring, with Restore as the default button)
            raise ProfileLocked(BUSY_MESSAGE) from error
        raise ProfileUnreadable(_damaged(path, str(error))) from error
    if names and "events" not in names:
        raise ProfileUnreadable(f"{path} is an SQLite file of another program; it was left untouched. "
                                f"{_offer(path)}.")
    if check != "ok":
        raise ProfileUnreadable(_damaged(path, check))


def _integrity(connection: sqlite3.Connection, path: Path) -> str:
    """"ok", or what is wrong: every page of a small profile; the log's ends of a large one.

    PRAGMA quick_check reads the whole file (about 10 s for a million events),
    too slow for every start; large profiles get the full check before each
    daily backup (backup/schedule.py), so a damaged file is never backed up."""
    if path.stat().st_size <= QUICK_CHECK_MAX_BYTES or damage.marked(path):  # damage met in use: look at all
        found = str(connection.execute("PRAGMA quick_check").fetchone()[0])
        if found == "ok":
            damage.clear(path)  # mended by hand, or restored by another program: nothing to offer
        return found
    for query in ("SELECT max(position), min(position) FROM events", "SELECT count(*) FROM profile_info",
                  "SELECT * FROM events ORDER BY position DESC LIMIT 100"):
        connection.execute(query).fetchall()
    return "ok"


def inaccessible(path: Path, kind: Probe, detail: str) -> str:
    """What to do about a profile that is there but out of reach: none of it is damage."""
    if kind is Probe.NO_ACCESS:
        return (f"{path} cannot be read ({detail or 'permission denied'}); it was left untouched. Give your "
                "user account permission to read and write it, or choose another data folder.")
    if kind is Probe.NO_SPACE:
        return (f"The disk holding {path} is full: SQLite cannot make the small files it needs beside the "
                "profile. Free some space and try again; the profile was left untouched.")
    return f"{path} could not be read ({detail}); it was left untouched. Check the disk, then try again."


MAX_DETAIL = 160  # characters of SQLite's report on a damaged file quoted in a message


def _damaged(path: Path, detail: str) -> str:
    detail = " ".join(detail.split())  # SQLite's integrity report runs over lines: the CLI says one,
    if len(detail) > MAX_DETAIL:  # and a hundred damaged cells put the window's buttons off the screen
        detail = detail[:MAX_DETAIL].rstrip() + "…"
    return f"{path} is damaged ({detail}); it was left untouched. {_offer(path)}."


def _offer(path: Path) -> str:
    latest = latest_backup(path)
    if latest:
        return f"To go on, restore the latest backup, {latest}, with `{command_for(path, 'backup restore')}`"
    return (f"No backup of it exists; to go on, `{command_for(path, 'backup recover')}` makes a new profile of "
            "what it still holds (the damaged file is kept among the backups)")


def command_for(path: Path, command: str) -> str:
    """The CLI command that acts on the profile at `path`: with --data-dir and --profile when they are not
    the defaults. Without them the advice given for a damaged profile, copied as shown, restored the
    default profile of the default folder, and the damaged one stayed damaged."""
    words = ["effect-desktop"]
    if not _same_folder(path.parent, default_data_dir()):
        words += ["--data-dir", shlex.quote(str(path.parent))]
    name = path.name[:-len(PROFILE_SUFFIX)] if path.name.endswith(PROFILE_SUFFIX) else path.stem
    if name != DEFAULT_PROFILE:
        words += ["--profile", shlex.quote(name)]
    return " ".join([*words, command])


def _same_folder(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except (OSError, RuntimeError):  # a loop of links, a folder out of reach: said in full
        return False
