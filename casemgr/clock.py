"""The bureau's clock: today's date and the present moment, read in one place.

Why one place:

* The law counts days on the bureau's calendar, in Beijing time. An office PC or a server
  set to UTC would otherwise date a 07:30 registration the day before, and print a report
  "generated 00:20" that the supervisor signed at 08:20. Every date the app derives from
  the present goes through :func:`today`, every printed time through :func:`local`.
* Tests must answer the same on any day of any year: the suite sets ``CASEMGR_TODAY``
  (inherited by the programs it starts) and pins other days with :func:`pinned`, instead of
  reading the machine's clock; ``./test`` also runs it with the machine's clock moved years
  ahead to prove that nothing else reads it. Training and demonstrations use the same
  variable; the main window's title says when the date is simulated.

China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for
every date a case can carry, and needs no time-zone database (Windows has none built in).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

#: 北京时间. The bureau's day starts at midnight here, whatever the machine is set to.
BUREAU_TZ = dt.timezone(dt.timedelta(hours=8), "CST")

_pinned_today: dt.date | None = None


def now() -> dt.datetime:
    """The present moment, aware, in UTC (how timestamps are stored)."""
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """Today's date in Beijing time (or the pinned or simulated date)."""
    if _pinned_today is not None:
        return _pinned_today
    return simulated() or now().astimezone(BUREAU_TZ).date()


def simulated() -> dt.date | None:
    """The date set by ``CASEMGR_TODAY=YYYY-MM-DD`` (training, demonstrations, tests), if any."""
    value = os.environ.get("CASEMGR_TODAY")
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"CASEMGR_TODAY={value!r} is not a date (YYYY-MM-DD)") from None


def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` (aware) in Beijing time, for display and for day boundaries."""
    return moment.astimezone(BUREAU_TZ)


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight at the start of ``day`` in Beijing time, as an aware UTC moment."""
    return dt.datetime.combine(day, dt.time(), BUREAU_TZ).astimezone(dt.UTC)


@contextmanager
def pinned(day: dt.date) -> Iterator[dt.date]:
    """Make :func:`today` answer ``day`` inside the block (tests, reproducible demos)."""
    global _pinned_today
    before = _pinned_today
    _pinned_today = day
    try:
        yield day
    finally:
        _pinned_today = before
