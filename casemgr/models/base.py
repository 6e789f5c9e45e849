"""The storage types every table shares: money in fen, aware UTC timestamps, one metadata."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import (
    BigInteger,
    DateTime,
    MetaData,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from casemgr import clock

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

FEN = Decimal("0.01")


class Money(TypeDecorator[Decimal]):
    """Yuan as ``Decimal`` in Python, integer fen in the database (exact sums everywhere)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            # A float here would already have lost precision; refuse it loudly.
            if isinstance(value, int):
                value = Decimal(value)
            else:
                raise TypeError(f"money must be Decimal, got {type(value).__name__}")
        return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(FEN)


def fen_to_yuan(value: int | None) -> Decimal:
    """Convert a raw ``SUM()`` over a Money column (fen) into yuan."""
    return (Decimal(int(value or 0)) / 100).quantize(FEN)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in Python; naive UTC in the database (portable ordering)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware datetime (UTC)")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return clock.now()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        dt.datetime: UTCDateTime(),
        Decimal: Money(),
    }
