"""The fast SQLite conversions give exactly the values SQLAlchemy's column types give."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from effect_desktop.persistence.sqlite_values import DIALECT, bind_processor
from effect_desktop.persistence.types import UTCDateTime, UUIDType
from effect_desktop.projections.tables import READ_MODELS


def sqlalchemy_processor(type_):
    return type_.dialect_impl(DIALECT).bind_processor(DIALECT)


@pytest.mark.parametrize("value", [
    datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),  # no microseconds: still written with .000000
    datetime(2026, 3, 29, 1, 59, 59, 999999, tzinfo=timezone(timedelta(hours=2))),
    datetime(2026, 11, 27, 0, 25, 39, 376294, tzinfo=timezone(timedelta(hours=-9, minutes=-30))),
    None,
])
def test_datetimes_match(value) -> None:
    fast = bind_processor(_column(UTCDateTime()))
    assert fast(value) == sqlalchemy_processor(UTCDateTime())(value)


@pytest.mark.parametrize("value", [uuid.uuid4(), uuid.UUID(int=0), "0190c0de-0000-7000-8000-000000000001"])
def test_uuids_match(value) -> None:
    assert bind_processor(_column(UUIDType()))(value) == sqlalchemy_processor(UUIDType())(value)


def test_every_read_model_column_gets_a_converter_that_agrees() -> None:
    samples = {UUIDType: uuid.uuid4(), UTCDateTime: datetime.now(UTC)}
    for table in READ_MODELS:
        for column in table.columns:
            sample = samples.get(type(column.type))
            if sample is None:
                continue
            assert bind_processor(column)(sample) == sqlalchemy_processor(column.type)(sample), column


def _column(type_):
    import sqlalchemy as sa

    return sa.Column("c", type_)
