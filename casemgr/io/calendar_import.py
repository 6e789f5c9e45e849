"""Importing next year's holidays and make-up working days (国务院放假通知) as calendar overrides.

The State Council publishes each year's notice in November or December; ``chinese-calendar``
follows some weeks later. Until then an administrator types the notice into a small file —
``date,type`` lines with ``holiday`` or ``workday`` (CSV), or the same as JSON — and imports
it here. The file is checked whole before anything is written (a typo in one line must not
leave half a year); each year in it then goes through the deadline engine's
``services.deadline_admin.import_year``, which audits it and recomputes clocks that were counted on a
provisional weekend-only guess. Re-importing the same file changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import permissions
from casemgr.actor import Actor
from casemgr.deadlines import calendar as cal_mod
from casemgr.enums import CalendarDayType
from casemgr.errors import ValidationError
from casemgr.io.columns import CellError, parse_date
from casemgr.io.readers import detect_encoding
from casemgr.models import CalendarOverride
from casemgr.services import deadline_admin

TYPE_WORDS: dict[str, CalendarDayType] = {
    "holiday": CalendarDayType.HOLIDAY,
    "休": CalendarDayType.HOLIDAY,
    "放假": CalendarDayType.HOLIDAY,
    "假日": CalendarDayType.HOLIDAY,
    "节假日": CalendarDayType.HOLIDAY,
    "workday": CalendarDayType.WORKDAY,
    "班": CalendarDayType.WORKDAY,
    "上班": CalendarDayType.WORKDAY,
    "调休上班": CalendarDayType.WORKDAY,
    "工作日": CalendarDayType.WORKDAY,
}


@dataclass(frozen=True)
class CalendarDay:
    day: dt.date
    day_type: CalendarDayType
    note: str | None = None


@dataclass
class CalendarImportResult:
    days: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0  # days of the same year on file but no longer in the notice
    years: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # Chinese: days that change nothing


@dataclass(frozen=True)
class YearCoverage:
    year: int
    source: str  # "package" (chinese-calendar) | "overrides" | "both"
    holidays: int  # override rows of that year, by type
    workdays: int


def _fail(line: int, zh: str, en: str) -> ValidationError:
    return ValidationError(f"第{line}行：{zh}", f"line {line}: {en}", field="calendar_file")


def parse_calendar_file(path: Path) -> list[CalendarDay]:
    """Every line checked; the first bad one is reported with its line number."""
    data = path.read_bytes()
    text = data.decode(detect_encoding(data))
    raw: list[tuple[int, object, object, object]] = []
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _fail(exc.lineno, f"不是有效的JSON（{exc.msg}）", f"invalid JSON ({exc.msg})") from None
        if isinstance(doc, dict) and "days" in doc:
            doc = doc["days"]
        if isinstance(doc, dict):  # {"2027-01-01": "holiday", ...}
            raw = [(i, k, v, None) for i, (k, v) in enumerate(doc.items(), start=1)]
        elif isinstance(doc, list):
            for i, item in enumerate(doc, start=1):
                if not isinstance(item, dict):
                    raise _fail(i, '每一项应为 {"date": ..., "type": ...}', "each item must be an object")
                raw.append((i, item.get("date"), item.get("type"), item.get("note")))
        else:
            raise _fail(1, "JSON应为列表或对象", "JSON must be a list or an object")
    else:
        for i, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            cells = [c.strip() for c in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if i == 1 and cells[0].lower() in ("date", "日期"):
                continue
            if len(cells) < 2:
                raise _fail(i, "应为“日期,类型”两列", "expected 'date,type'")
            raw.append((i, cells[0], cells[1], cells[2] if len(cells) > 2 and cells[2] else None))
    out: dict[dt.date, CalendarDay] = {}
    for line, d, t, note in raw:
        try:
            day = parse_date(d)
        except CellError as exc:
            raise _fail(line, exc.reason, f"not a date: {d!r}") from None
        if day is None:
            raise _fail(line, "日期不能为空", "the date is missing")
        kind = TYPE_WORDS.get(str(t or "").strip().lower())
        if kind is None:
            raise _fail(line, f"类型“{t}”应为 holiday 或 workday", f"type {t!r} must be holiday or workday")
        prev = out.get(day)
        if prev is not None and prev.day_type is not kind:
            raise _fail(line, f"{day.isoformat()} 前后两次的类型不一致", f"{day} is listed with both types")
        out[day] = CalendarDay(day, kind, str(note)[:100] if note else None)
    if not out:
        raise ValidationError("文件中没有任何日期。", "The file lists no days.", field="calendar_file")
    return sorted(out.values(), key=lambda c: c.day)


def import_calendar(session: Session, actor: Actor, path: Path) -> CalendarImportResult:
    """Each year in the file is that year's whole notice: it replaces the year's overrides
    through :func:`casemgr.services.deadline_admin.import_year` (audited; provisional clocks of
    that year recomputed). A year whose days are already exactly on file is left alone, so
    importing the same file twice changes and audits nothing."""
    permissions.require(actor, "settings.edit")
    days = parse_calendar_file(Path(path))
    result = CalendarImportResult(days=len(days), years=sorted({d.day.year for d in days}))
    for d in days:
        if d.day_type is CalendarDayType.WORKDAY and d.day.weekday() < 5:
            result.warnings.append(f"{d.day.isoformat()} 本来就是工作日（周{'一二三四五'[d.day.weekday()]}）")
    for year in result.years:
        wanted = {d.day: d.day_type.value for d in days if d.day.year == year}
        on_file = {
            r.day: r.day_type
            for r in session.execute(
                select(CalendarOverride).where(
                    CalendarOverride.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
                )
            ).scalars()
        }
        same = [d for d, t in wanted.items() if on_file.get(d) == t]
        result.unchanged += len(same)
        result.changed += sum(1 for d, t in wanted.items() if d in on_file and on_file[d] != t)
        result.added += sum(1 for d in wanted if d not in on_file)
        result.removed += sum(1 for d in on_file if d not in wanted)
        if wanted == on_file:
            continue
        note = next((d.note for d in days if d.day.year == year and d.note), None) or Path(path).name[:100]
        deadline_admin.import_year(
            session,
            actor,
            year,
            holidays=[d for d, t in wanted.items() if t == CalendarDayType.HOLIDAY.value],
            workdays=[d for d, t in wanted.items() if t == CalendarDayType.WORKDAY.value],
            note=note,
        )
    return result


def coverage(session: Session) -> list[YearCoverage]:
    """Which years deadlines can be counted in, and where each year's data comes from."""
    counts: dict[int, list[int]] = {}
    for day, kind in session.execute(select(CalendarOverride.day, CalendarOverride.day_type)):
        c = counts.setdefault(day.year, [0, 0])
        c[0 if kind == CalendarDayType.HOLIDAY.value else 1] += 1
    out: list[YearCoverage] = []
    for year in cal_mod.covered_years(session):
        in_pkg = year in cal_mod.PACKAGE_YEARS
        h, w = counts.get(year, [0, 0])
        source = "both" if in_pkg and (h or w) else ("package" if in_pkg else "overrides")
        out.append(YearCoverage(year, source, h, w))
    return out
