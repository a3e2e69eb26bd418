"""`events`, `verify` and `rebuild`: looking at and checking the log itself."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, time
from typing import Any

from ..domain.aggregate import StreamCorrupted
from ..domain.registry import default_registry
from ..persistence.errors import EventUnreadable
from ..projections.verify import verify
from ..wording import counted
from .context import CliContext
from .output import PhaseLines, print_json_array, print_table, rebuild_progress
from .parsing import non_negative_int, time_arg, uuid_arg


def register(commands: Any) -> None:
    events = commands.add_parser("events", help="print stored events")
    events.add_argument("--json", action="store_true", help="a JSON array of envelopes")
    events.add_argument("--aggregate", type=uuid_arg, metavar="ID",
                        help="only this stream (a word's or a session's id)")
    events.add_argument("--type", action="append", default=[], type=event_type_arg,
                        help="event type, e.g. WordCreated (repeatable)")
    events.add_argument("--since", type=time_arg, metavar="TIME",
                        help="from this time, inclusive: 2026-11-01 or 2026-11-01T21:30, local time unless a "
                             "zone is given (…Z, +09:00); the table shows UTC")
    events.add_argument("--until", type=time_arg, metavar="TIME",
                        help="up to this time, exclusive; written as --since, and later than it")
    events.add_argument("--limit", type=non_negative_int, metavar="N", help="at most this many events")
    events.set_defaults(handler=show_events)

    check = commands.add_parser("verify", help="replay all events and compare with read models and snapshots",
                                description="Replay every event and compare the result with the read models "
                                            "and snapshots; exit 1 and name each difference if they disagree.")
    check.set_defaults(handler=run_verify)

    rebuild = commands.add_parser("rebuild", help="rebuild every read model from the events",
                                  description="Rebuild every read model from the events (what `verify` "
                                              "suggests when they disagree); the events are not changed.")
    rebuild.set_defaults(handler=run_rebuild)


def event_type_arg(value: str) -> str:
    """A type the app knows, in its canonical spelling: a typo would otherwise print an empty log."""
    known = sorted(default_registry().current_versions())
    by_fold = {name.casefold(): name for name in known}
    try:
        return by_fold[value.strip().casefold()]
    except KeyError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an event type; the types are {', '.join(known)}") from None


def show_events(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.since is not None and args.until is not None and args.since >= args.until:
        # (the dates swapped in a script printed an empty log, as if nothing had happened then)
        since, until = _said(args.since, args.until), _said(args.until, args.since)
        if args.since == args.until:
            raise argparse.ArgumentTypeError(
                f"--since {since} and --until {until} are the same moment, and --until is exclusive, so no "
                "event lies between them; give a later --until")
        raise argparse.ArgumentTypeError(
            f"--since {since} is not before --until {until}, so no event lies between them (--until is "
            "exclusive); give the earlier time to --since")
    found = ctx.profile().store.iter_query_events(aggregate_id=args.aggregate, event_types=args.type,
                                                  since=args.since, until=args.until, limit=args.limit)
    if args.json:  # written as read: `events --json | head` answers at once, and a million events fit in memory
        print_json_array(e.model_dump(mode="json") for e in found)
        return 0
    print_table(["POSITION", "TIME (UTC)", "TYPE", "AGGREGATE", "V", "DATA"],
                [[e.position, f"{e.created_at:%Y-%m-%d %H:%M:%S}", e.event_type, e.aggregate_id,
                  e.version, e.event_data.model_dump_json()] for e in found], max_width=60)
    return 0


def _said(moment: datetime, other: datetime) -> str:
    """A time as a person gives it: the date alone for a local midnight, and its zone where it is not
    the local one or differs from the `other` time's ("02:00Z is not before 10:00+09:00" lost its Z
    on a computer in UTC, and read as false)."""
    local = moment.astimezone().utcoffset()
    # 02:00:30 and 02:00:10 both read "02:00", and 02:00:00.5 and 02:00:00.2 both "02:00:00"
    spec = ("microseconds" if moment.microsecond % 1000 else "milliseconds" if moment.microsecond
            else "seconds" if moment.second else "minutes")
    if local != moment.utcoffset() or moment.utcoffset() != other.utcoffset():
        return moment.isoformat(timespec=spec).replace("+00:00", "Z")
    if moment.time() == time():
        return f"{moment:%Y-%m-%d}"
    return moment.replace(tzinfo=None).isoformat(timespec=spec)


def run_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    lines = PhaseLines()
    try:
        report = verify(ctx.profile().projector, lines)
    except (EventUnreadable, StreamCorrupted) as error:  # a damaged history is what verify is for: status 1
        lines.end()
        print(f"verify failed: {error}", file=sys.stderr)
        return 1
    lines.end()
    if report.ok:
        print(f"ok: {counted(report.events, 'event')} replayed; read models and snapshots agree")
        return 0
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(f"verify failed: {counted(len(report.problems), 'problem')}; `{ctx.command('rebuild')}` "
          "recomputes the read models from the events", file=sys.stderr)
    return 1


def run_rebuild(args: argparse.Namespace, ctx: CliContext) -> int:
    profile = ctx.profile()
    applied = profile.projector.rebuild(rebuild_progress(profile.store.last_position()))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"rebuilt read models from {counted(applied, 'event')}")
    return 0
