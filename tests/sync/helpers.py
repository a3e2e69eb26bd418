"""Comparing devices: read models without local positions, the answers each holds."""

from __future__ import annotations

from typing import Any

from effect_desktop.bootstrap import Profile
from tests.integration.profile_helpers import dump_read_models

# Local log positions differ between devices by nature (each appends in its own order).
_LOCAL_POSITION_COLUMNS = {"position", "first_position", "last_position"}
# The history timeline is a device's own view of its log: rows keyed by local position, each noting
# the state it saw when the event was applied there. It is not expected to be identical across devices.
DEVICE_LOCAL = {"rm_timeline", "rm_timeline_days"}


def comparable_read_models(profile: Profile) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every shared read model; columns holding local positions are left out."""
    from effect_desktop.projections.tables import READ_MODELS

    dump = dump_read_models(profile)
    result: dict[str, list[tuple[Any, ...]]] = {}
    for table in READ_MODELS:
        if table.name in DEVICE_LOCAL:
            continue
        keep = [i for i, c in enumerate(table.columns) if c.name not in _LOCAL_POSITION_COLUMNS]
        rows = [tuple(row[i] for i in keep) for row in dump[table.name]]
        result[table.name] = sorted(rows, key=repr) if len(keep) < len(table.columns) else rows
    return result


def assert_same_as_a_rebuild(profile: Profile) -> None:
    """Every read model of this device, its own timeline included, is what a rebuild of its log gives
    (what `verify` checks): a sync that reordered the log left nothing recorded in the old order."""
    before = dump_read_models(profile)
    profile.projector.rebuild()
    after = dump_read_models(profile)
    for table, rows in before.items():
        assert rows == after[table], f"{table} differs from a rebuild"
