"""Reporting periods: a month, a year to date, any inclusive date range.

Periods are inclusive on both ends because the statistics are by calendar day: a case
closed on the last day of March is closed in March. The year to date runs from 1 January
to the end of the reported month (issue 4), never to "today".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from casemgr.errors import ValidationError

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Period:
    """An inclusive range of calendar days."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                f"统计期间的结束日期 {self.end} 早于开始日期 {self.start}。",
                f"The period ends ({self.end}) before it starts ({self.start}).",
                field="period",
            )

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last))

    @classmethod
    def year_to_date(cls, year: int, month: int) -> Period:
        """1 January to the last day of ``month``."""
        return cls(dt.date(year, 1, 1), cls.month(year, month).end)

    @property
    def label(self) -> str:
        return f"{self.start.isoformat()}~{self.end.isoformat()}"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def parse_month(text: str) -> tuple[int, int]:
    """``"2026-03"`` -> ``(2026, 3)``; a clear error naming the field otherwise."""
    m = _MONTH_RE.match(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1900:
        raise ValidationError(
            f"月份格式应为 YYYY-MM（如 2026-03），收到“{text}”。",
            f"The month must look like YYYY-MM (e.g. 2026-03); got '{text}'.",
            field="month",
        )
    return int(m.group(1)), int(m.group(2))


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def previous_months(year: int, month: int, count: int) -> list[tuple[int, int]]:
    """The ``count`` months ending with (year, month), oldest first (for the trend chart)."""
    out: list[tuple[int, int]] = []
    y, m = year, month
    for _ in range(count):
        out.append((y, m))
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return out[::-1]
