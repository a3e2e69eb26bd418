"""`import`, `export`, `backup` and `compact`: bringing words in, taking history out, keeping copies."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..backup.backups import (
    DAMAGED,
    Backup,
    check_file,
    create_backup,
    latest_backup,
    list_backups,
    looks_restorable,
    restore_backup,
)
from ..backup.recover import finish_interrupted_recovery, recover_without_backup
from ..backup.salvage import Salvage, failure_reason, salvage_into
from ..backup.schedule import backup_before_import, keep_count, restored
from ..bootstrap import Profile, open_profile
from ..interchange.apkg_import import ANKI_SUFFIXES, read_apkg
from ..interchange.archiving import DEFAULT_AGE_DAYS, compact_profile
from ..interchange.candidates import Parsed
from ..interchange.csv_export import export_words, export_words_to
from ..interchange.csv_import import mapping_from_args, table_candidates
from ..interchange.errors import InterchangeError
from ..interchange.files import refuse_the_profile
from ..interchange.history_scheduler import fsrs_recommended, import_scheduled
from ..interchange.importer import SCHEDULER_NAMES, ImportPlan, OnDuplicate, plan_import
from ..interchange.jsonl import export_events, export_events_to, import_events
from ..interchange.word_table import WordTable, read_word_table
from ..interchange.workbooks import WORKBOOK_GIVEN, WORKBOOK_SUFFIXES
from ..persistence.archive import SEGMENT
from ..persistence.errors import StoreError
from ..projections.projector import ProjectionFailed
from ..wording import counted
from .context import CliContext
from .output import PhaseLines, print_table
from .parsing import day_count, import_file_arg, output_file_arg

FORMATS = ("csv", "tsv", "apkg", "jsonl")
LISTED = 50  # problems named one per line on stderr before the import is refused


def register(commands: Any) -> None:
    importing = commands.add_parser("import", help="import words (CSV, TSV, an Anki .apkg or .colpkg with its "
                                                   "review history) or an event log (JSONL)")
    importing.add_argument("file", type=import_file_arg, help="the file to import (its extension names its format)")
    importing.add_argument("--format", choices=FORMATS, help="default: from the file name's extension")
    importing.add_argument("--map", action="append", default=[], metavar="COL=FIELD",
                           help="map a column (header name or number from 1) to text, meaning, category, "
                                "tags, difficulty or ignore (repeatable)")
    importing.add_argument("--on-duplicate", choices=[p.value for p in OnDuplicate], default="skip",
                           help="a word with the same text and meaning: skip it or update its other fields; "
                                "update-meaning also gives the only word of a text the new meaning a row has "
                                "for it (an edited copy of your list; otherwise it is added as another word)")
    importing.add_argument("--encoding", help="text encoding (default: detected; e.g. utf-8, utf-16, cp932, "
                                               "cp1252, cp1251, cp1250, cp1253, gb18030)")
    importing.add_argument("--delimiter", help="column separator (default: detected; 'tab' for tabs)")
    importing.add_argument("--header", choices=("yes", "no"),
                           help="whether the first row names the columns (default: detected from its names)")
    importing.add_argument("--anki", choices=("yes", "no"),
                           help="whether a tab-separated file without Anki's header lines is older Anki's notes "
                                "export, its HTML read as text and its last column as tags (default: detected "
                                "from its markup)")
    importing.add_argument("--anki-history", choices=("yes", "no"), default="yes",
                           help="an Anki package's reviews, kept as answers of its words (new ones, and ones "
                                "already here never answered), so their schedule, statistics and timeline go on "
                                "from there (default: yes; no: the words alone)")
    importing.add_argument("--scheduler", choices=("sm2", "fsrs"),
                           help="with an Anki history: schedule by this from now on (SM-2 counts every Anki review "
                                "as if it came when due and pushes many words years away; FSRS counts the time "
                                "between them: recommended). Default: the profile's scheduler, with a note")
    importing.add_argument("--skip-bad-rows", action="store_true",
                           help="import the good rows even if some rows cannot be imported (an Anki deck's "
                                "notes that cannot be imported are always left out, and listed)")
    importing.add_argument("--dry-run", action="store_true", help="check the file and report, write nothing")
    importing.set_defaults(handler=run_import)

    exporting = commands.add_parser("export", help="export the event log (JSONL) or the word list (CSV)")
    exporting.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                           help="jsonl: every event, the whole history, which `import` takes into an empty "
                                "profile; csv: the current words, for a spreadsheet (default: jsonl)")
    exporting.add_argument("--output", type=output_file_arg, metavar="FILE",
                           help="file to write (default: standard output)")
    exporting.set_defaults(handler=run_export)

    backup = commands.add_parser("backup", help="list, create or restore backups of the profile, or recover a "
                                                "damaged one that has none")
    sub = backup.add_subparsers(dest="backup_command", required=True, metavar="COMMAND")
    sub.add_parser("list", help="backups kept, newest first").set_defaults(handler=backup_list)
    sub.add_parser("create", help="back up the profile now").set_defaults(handler=backup_create)
    restore = sub.add_parser("restore", help="replace the profile with a backup (the current state is "
                                             "backed up first); default: the newest")
    restore.add_argument("name", nargs="?", metavar="NAME",
                         help="backup file name (from `backup list`), or the path `backup create` printed "
                              "(default: the newest)")
    restore.set_defaults(handler=backup_restore)
    sub.add_parser("recover", help="a damaged profile with no backup: make a new profile of what it still "
                                   "holds (the damaged file is kept among the backups)").set_defaults(
        handler=backup_recover)

    compacting = commands.add_parser("compact", help="store old events compressed (they stay readable)")
    compacting.add_argument("--older-than", type=day_count, default=DEFAULT_AGE_DAYS, metavar="DAYS",
                            help="archive whole segments of events older than this (default: %(default)s days)")
    compacting.add_argument("--no-vacuum", action="store_true", help="do not shrink the file afterwards")
    compacting.set_defaults(handler=run_compact)


def _format_of(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = args.file.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    if suffix == "tab":
        return "tsv"
    if args.file.suffix.lower() in ANKI_SUFFIXES:  # a whole collection (.colpkg) is read as a deck is
        return "apkg"
    if suffix == "txt":  # Anki's export says "#separator:comma" in it, Quizlet's may be comma-separated:
        return "csv"  # read as a word list whose delimiter is detected, as the window does
    if args.file.suffix.lower() in WORKBOOK_SUFFIXES:  # "Cannot tell the format of words.xlsx" said not why
        raise InterchangeError(WORKBOOK_GIVEN)
    raise InterchangeError(f"Cannot tell the format of {args.file.name}; add --format csv, tsv, apkg or jsonl.")


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    _require_a_file(args.file)  # first: a folder or /dev/null was "Cannot tell the format of adir / null"
    kind = _format_of(args)
    refuse_the_profile(args.file, ctx.profile_file)
    if args.dry_run and (kind == "jsonl" or not ctx.profile_file.exists()):
        return _dry_run_on_a_scratch_profile(args, ctx, kind)
    profile = ctx.profile()
    if kind == "jsonl":
        count = import_events(profile, args.file)
        print(f"imported {counted(count, 'event')}; `{ctx.command('verify')}` checks them")
        return 0
    return _import_words(args, profile, kind)


def _require_a_file(path: Path) -> None:
    """A folder, a pipe or a device is not "no file": say what the path is."""
    if path.is_file():
        return
    if path.is_dir():
        raise InterchangeError(f"{path} is a folder, not a file; give the file to import.")
    if path.exists():
        raise InterchangeError(f"{path} is not a regular file (a device or a pipe); save what it holds to a "
                               "file and import that.")
    raise InterchangeError(f"There is no file {path}.")


def _import_words(args: argparse.Namespace, profile: Profile, kind: str) -> int:
    parsed = _parse_words(args, kind)
    plan = plan_import(profile.queries, parsed, args.on_duplicate, history=args.anki_history == "yes")
    for problem in plan.problems[:LISTED]:
        print(f"{args.file.name}: {problem}", file=sys.stderr)
    for choice in parsed.chosen_fields:  # a deck's note type whose word and meaning are not its first two fields
        print(f"{args.file.name}: {choice}")
    if args.dry_run:
        unusable = [f"{counted(len(plan.bad_rows), 'row')} cannot be imported"] if plan.bad_rows else []
        if plan.left_out:
            unusable.append(f"{counted(len(plan.left_out), 'note')} cannot be imported (left out)")
        reviews = f", with {counted(plan.reviews, 'review')} from Anki as answers" if plan.reviews else ""
        if plan.reviews_left_out:
            unusable.append(f"{counted(plan.reviews_left_out, 'review')} of words you already have (or had) "
                            "would be left out")
        carried = plan.reviews or plan.reviews_left_out
        if args.scheduler and carried and profile.service.scheduler.name != args.scheduler:
            unusable.append(f"then scheduled by {SCHEDULER_NAMES[args.scheduler]}")
        print(f"would add {len(plan.creates):,}{reviews}, update {len(plan.updates):,}, skip "
              f"{counted(len(plan.duplicates), 'duplicate')}; {'; '.join(unusable) or '0 rows cannot be imported'}")
        _say_new_meanings(args, plan)
        _say_about_the_scheduler(args, profile, carried)
        if plan.bad_rows and not args.skip_bad_rows:  # as the import would end: a script checking a file
            print(f"effect-desktop: the import would be refused: {_bad_rows_refusal(plan)}", file=sys.stderr)
            return 2
        return 0
    if plan.bad_rows and not args.skip_bad_rows:  # each was named above, one per line: not again in one line
        raise InterchangeError(f"{_bad_rows_refusal(plan)} Nothing was changed.")
    _say_new_meanings(args, plan)
    report = import_scheduled(profile, plan, args.scheduler, skip_bad_rows=args.skip_bad_rows,
                              before_write=lambda n: backup_before_import(profile, n))
    print(report.summary())
    _say_about_the_scheduler(args, profile, report.answers or report.reviews_left_out)
    return 0


def _say_new_meanings(args: argparse.Namespace, plan: ImportPlan) -> None:
    """On stderr: each meaning the import replaces, or the rows giving another meaning for a word of the
    list, added as other words."""
    for text, before, after in plan.meanings_replaced[:LISTED]:
        print(f"{args.file.name}: the meaning of “{text}”: “{before}” → “{after}”", file=sys.stderr)
    if plan.new_meanings and not plan.meanings_replaced:
        first = plan.new_meanings[0].fields["text"]
        gives = "gives" if len(plan.new_meanings) == 1 else "give"
        print(f"note: {counted(len(plan.new_meanings), 'row')} {gives} another meaning for a word in your list "
              f"(“{first}”…), added as another word; --on-duplicate update-meaning changes that word's meaning "
              "instead", file=sys.stderr)


def _say_about_the_scheduler(args: argparse.Namespace, profile: Profile, history: int) -> None:
    """On stderr: FSRS recommended for a history under SM-2; a --scheduler with no history to apply to."""
    if args.scheduler and not history:
        print(f"note: --scheduler {args.scheduler} applies to an Anki history, and this import brings none; "
              "nothing was switched (effect-desktop scheduler switch NAME switches at any time).", file=sys.stderr)
    elif history and not args.scheduler and fsrs_recommended(profile):
        print("note: SM-2 counts each Anki review as if it came when the word was due, and pushes many words "
              "years away; FSRS counts the time between reviews. To schedule by it: effect-desktop scheduler "
              "switch fsrs (effect-desktop scheduler preview fsrs shows what it changes first).",
              file=sys.stderr)


def _bad_rows_refusal(plan: ImportPlan) -> str:
    bad = len(plan.bad_rows)
    listed = "listed above" if len(plan.problems) <= LISTED else f"the first {LISTED} problems listed above"
    return (f"{counted(bad, 'row')} cannot be imported ({listed}). Fix {'it' if bad == 1 else 'them'}, or "
            "import the other rows (--skip-bad-rows).")


def _dry_run_on_a_scratch_profile(args: argparse.Namespace, ctx: CliContext, kind: str) -> int:
    """A dry run that needs a profile it must not touch: an event log (whose import fills a new
    profile: `--dry-run` imported it for real) or a word list for a profile not made yet (refused as
    "no profile"). The whole import runs, every check included, into a throwaway profile."""
    if not ctx.profile_file.exists():
        print(ctx.missing_note(), file=sys.stderr)  # "defualt": a typo shows before the real import
    elif kind == "jsonl":
        held = ctx.profile().store.count()
        if held:
            raise InterchangeError(f"This profile already holds {held} events; an event log can only be imported "
                                   "into a new, empty profile (create one with --profile NAME, then import).")
    with tempfile.TemporaryDirectory(prefix="effect-dry-run-") as folder:
        scratch = open_profile(Path(folder) / "dry-run.effect.sqlite3")
        try:
            if kind == "jsonl":
                count = import_events(scratch, args.file)
                print(f"would import {counted(count, 'event')}: every line checked; nothing was written")
                return 0
            return _import_words(args, scratch, kind)
        finally:
            scratch.close()


def _parse_words(args: argparse.Namespace, kind: str) -> Parsed:
    if kind == "apkg":
        return read_apkg(args.file)
    delimiter = args.delimiter
    if delimiter in ("tab", "\\t"):
        delimiter = "\t"
    if kind == "tsv" and delimiter is None:
        delimiter = "\t"
    if delimiter is not None and len(delimiter) != 1:
        raise InterchangeError(f"--delimiter {delimiter!r}: give one character (or 'tab').")
    header = None if args.header is None else args.header == "yes"
    as_anki = None if args.anki is None else args.anki == "yes"
    table = read_word_table(args.file, delimiter=delimiter, encoding=args.encoding, header=header,
                            as_anki=as_anki)
    if table.anki is not None and table.anki.guessed and as_anki is None:  # said, since nothing in the file says it
        print(f"{args.file.name}: read as Anki's notes without header lines: their HTML as text"
              f"{', the last column as tags' if table.anki.columns else ''} (--anki no reads it as written)",
              file=sys.stderr)
    elif table.anki_signs and as_anki is None:  # the window shows its tick; here nothing did
        print(f"{args.file.name}: some rows hold Anki's markup (<br>, &nbsp;…), read as written; if the file is "
              "Anki's notes export, --anki yes reads their HTML as text and the last column as tags",
              file=sys.stderr)
    elif as_anki and table.anki is None:  # asked for, but not a file it can apply to
        print(f"{args.file.name}: --anki yes applies to a tab-separated file without a header row; this one "
              f"({'a header row' if table.has_header else 'not tab-separated'}) is read as written",
              file=sys.stderr)
    mapping = mapping_from_args(table, args.map)
    _say_how_it_was_read(args, table, mapping)
    return table_candidates(table, mapping)


def _say_how_it_was_read(args: argparse.Namespace, table: WordTable, mapping: dict[int, str]) -> None:
    """What the window's preview shows, said: with --dry-run always (on standard output), else when a column
    is left out (on standard error). A sheet whose difficulty column went unused said nothing of it."""
    left_out = [index for index in range(table.column_count) if index not in mapping]
    if not args.dry_run and not left_out:
        return
    separator = {"\t": "tabs", ",": "commas", ";": "semicolons", "|": "bars"}.get(table.delimiter,
                                                                                 repr(table.delimiter))
    named = table.headers if table.has_header else []
    columns = ", ".join(f"{index + 1}{f' “{named[index]}”' if index < len(named) else ''} "
                        f"{mapping.get(index, 'not imported')}" for index in range(table.column_count))
    change = f" (--map {left_out[0] + 1}=FIELD imports it)" if left_out else ""
    print(f"{args.file.name}: read as {table.encoding}, separated by {separator}, "
          f"{'a header row' if table.has_header else 'no header row'}; columns: {columns}{change}",
          file=sys.stdout if args.dry_run else sys.stderr)


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    profile = ctx.profile()
    if args.format == "jsonl":
        if args.output:
            count = export_events_to(profile, args.output)
        else:
            count = export_events(profile, sys.stdout.buffer)
            sys.stdout.flush()
        print(f"exported {counted(count, 'event')}", file=sys.stderr)
    else:
        if args.output:
            count = export_words_to(profile.queries, args.output, day_start_hour=profile.service.day_start_hour)
        else:
            count = export_words(profile.queries, sys.stdout, day_start_hour=profile.service.day_start_hour)
        print(f"exported {counted(count, 'word')}", file=sys.stderr)
    return 0


def backup_list(args: argparse.Namespace, ctx: CliContext) -> int:
    backups = list_backups(ctx.profile_file)
    print_table(["NAME", "TAKEN", "REASON", "SIZE"],
                [[b.name, f"{b.local_time:%Y-%m-%d %H:%M:%S}",
                  b.reason if b.reason == DAMAGED or looks_restorable(b.path) else f"{b.reason} (unusable: not a "
                  "readable profile)", f"{b.size / 1e6:.1f} MB"] for b in backups], max_width=80)
    print(f"{counted(len(backups), 'backup')} in {ctx.profile_file.parent / 'backups' / ctx.profile_name}")
    return 0


def backup_create(args: argparse.Namespace, ctx: CliContext) -> int:
    made = create_backup(ctx.profile_file, "manual", keep=keep_count(ctx.profile()))
    print(f"backed up to {made.path}")
    return 0


def backup_recover(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.close()  # the profile file is replaced: nothing of ours may hold it open
    if finish_interrupted_recovery(ctx.profile_file):
        print(f"finished the recovery that was interrupted: the recovered profile is now {ctx.profile_file}")
        return 0
    recovery = recover_without_backup(ctx.profile_file)
    taken = recovery.salvage
    print(_damaged_moved(recovery.damaged.path))
    print(f"recovered {counted(taken.recovered, 'event')} ({counted(taken.answers, 'answer')}) into a new profile"
          + _salvage_losses(taken, after_backup=False))
    return 0


def _damaged_moved(path: Path) -> str:
    return f"the damaged profile was moved, as it was, to {path} (kept until you delete it)"


def _salvage_losses(taken: Salvage, *, after_backup: bool = True) -> str:
    """What a recovery, or a restore's taking back from the damaged profile, could not bring back."""
    return ((f"; {counted(taken.lost, 'event')} could not be read or placed" if taken.lost else "")
            + ("; nothing of its log after the backup could be read, so what was made since may be missing"
               if taken.end_unreadable and not taken.recovered and after_backup else
               "; the end of its log could not be read, so what was made last may be missing"
               if taken.end_unreadable else "")
            + (" (a sync brings back what reached the server)" if taken.lost or taken.end_unreadable else ""))


def backup_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.close()  # the profile file is replaced: nothing of ours may hold it open
    backups = list_backups(ctx.profile_file)
    if not backups:
        damaged = ctx.profile_file.exists() and check_file(ctx.profile_file) is not None
        raise InterchangeError(
            "There are no backups of this profile; `effect-desktop backup recover` makes a new profile of what "
            "the damaged one still holds." if damaged else
            "There are no backups of this profile yet (`effect-desktop backup create`).")
    if args.name is None:  # the newest usable one, saying which were passed over
        latest = latest_backup(ctx.profile_file)
        for skipped in backups:
            if skipped.path == latest:
                break
            if skipped.reason != DAMAGED:
                print(f"skipped {skipped.name}: it is not a readable profile", file=sys.stderr)
        chosen = next((b for b in backups if b.path == latest), None)
        if chosen is None:
            raise InterchangeError("None of this profile's backups can be restored (`effect-desktop backup list` "
                                   "marks them); choose another data folder or profile.")
    else:
        chosen = _named_backup(backups, args.name)
    if chosen is None:
        raise InterchangeError(f"There is no backup named {args.name!r}; `{ctx.command('backup list')}` shows them.")
    saved = restore_backup(ctx.profile_file, chosen.path)
    if saved is not None and saved.reason == DAMAGED:
        print(_damaged_moved(saved.path))
    elif saved is not None:
        print(f"the current state was backed up to {saved.path}")
    print(f"restored {chosen.name}")
    if saved is not None:
        restored(ctx.profile())  # the state replaced was backed up just now: that is today's backup
    if saved is not None and saved.reason == DAMAGED:
        try:
            taken = salvage_into(ctx.profile(), saved.path)
        except (StoreError, ProjectionFailed) as failure:  # the restore stands: said so, not as "refused"
            print(f"error: restored the backup, but what was made since it could not be taken back from the "
                  f"damaged profile ({failure_reason(failure)}); the damaged profile is kept, as it was, as "
                  f"{saved.path} (a sync brings back what reached the server)", file=sys.stderr)
            return 1
        if taken.foreign:
            print(f"took back nothing from the damaged profile: its log is not this profile's (a file of another "
                  f"profile was beside it); it is kept as {saved.path}")
            return 0
        if taken.wal_ignored:
            print("the damaged profile's write-ahead log belonged to another profile and was left unread")
        print(f"took back {counted(taken.recovered, 'event')} made after the backup from the damaged profile "
              f"({counted(taken.answers, 'answer')})" + _salvage_losses(taken))
    return 0


def run_compact(args: argparse.Namespace, ctx: CliContext) -> int:
    lines = PhaseLines()
    try:
        done = compact_profile(ctx.profile(), args.older_than, shrink=not args.no_vacuum, progress=lines)
    finally:
        lines.end()
    report = done.report
    if report.repacked:
        print(f"rewrote {counted(report.repacked, 'archived segment')} of an earlier version in the current format")
    if not report.segments:
        print(f"nothing to compact: no whole segment of {SEGMENT:,} events is older than {args.older_than} days "
              "(and, on a profile that syncs, already on the server)")
        return 0
    print(f"archived {report.events:,} events in {counted(report.segments, 'segment')}, JSON compressed "
          f"{report.ratio:.1f}x; profile {done.size_before / 1e6:.1f} MB -> {done.size_after / 1e6:.1f} MB")
    if done.unshrunk_for_room:
        print("the file was not shrunk: shrinking copies the whole profile, and the disk has too little free "
              "space for that; the space freed inside it is reused by new events (run compact again with more "
              "free space to shrink it)", file=sys.stderr)
    return 0


def _named_backup(backups: list[Backup], name: str) -> Backup | None:
    """By its name as `backup list` shows it, or by the path `backup create` printed (which was refused as
    "no backup named" though the file was there)."""
    by_name = next((b for b in backups if b.name == name), None)
    if by_name is not None:
        return by_name
    try:
        given = Path(name).expanduser().resolve()
    except (OSError, RuntimeError, ValueError):  # a loop of links, a NUL in the name
        return None
    return next((b for b in backups if b.path.resolve() == given), None)
