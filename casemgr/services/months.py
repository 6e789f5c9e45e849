"""Closing and reopening a month, and the report of a month whether closed or not.

A supervisor closes a month once its figures are checked (issue 4). The whole report data
(figures, tables, lists, with ID numbers already masked) is frozen as JSON in
``month_closures``, so a reprint months later shows exactly the numbers that were sent
upstairs. Corrections entered afterwards do not silently change a closed month: the
reprint lists the figures they would change, with the corrected value beside each.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import audit, clock, permissions
from casemgr.actor import Actor
from casemgr.errors import KnownError, NotFoundError, ValidationError
from casemgr.metrics import report as mr
from casemgr.metrics.periods import Period, month_key
from casemgr.models import MonthClosure, User, utcnow


class MonthClosedError(KnownError):
    code = "month_closed"


@dataclass(frozen=True)
class ClosureInfo:
    month: str
    district: str | None
    closed_at: dt.datetime
    closed_by: str | None


def _row(session: Session, month: str, district: str | None) -> MonthClosure | None:
    return session.execute(
        select(MonthClosure).where(MonthClosure.month == month, MonthClosure.district == (district or ""))
    ).scalar_one_or_none()


def _entity_id(month: str, district: str | None) -> str:
    return month if not district else f"{month}/{district}"


def closure(session: Session, year: int, month: int, district: str | None = None) -> ClosureInfo | None:
    row = _row(session, month_key(year, month), district)
    if row is None:
        return None
    user = session.get(User, row.closed_by_id) if row.closed_by_id is not None else None
    by = user.username if user is not None else None
    return ClosureInfo(row.month, row.district or None, row.closed_at, by)


def close_month(
    session: Session,
    actor: Actor,
    year: int,
    month: int,
    district: str | None = None,
    *,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> ClosureInfo:
    """Freeze the month's report. Only a finished month can be closed, and only once."""
    permissions.require(actor, "month.close")
    today = today or clock.today()
    now = now or utcnow()
    key = month_key(year, month)
    if Period.month(year, month).end >= today:
        raise ValidationError(
            f"{key} 尚未结束，不能关账。",
            f"{key} has not ended yet; it cannot be closed.",
            field="month",
        )
    if _row(session, key, district) is not None:
        raise MonthClosedError(f"{key} 已经关账。", f"{key} is already closed.", field="month")
    data = mr.collect(session, year, month, district, today=today, now=now)
    row = MonthClosure(
        month=key,
        district=district or "",
        snapshot=json.dumps(mr.dump(data), ensure_ascii=False, sort_keys=True),
        closed_at=now,
        closed_by_id=actor.user_id,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="month.close",
        entity="month",
        entity_id=_entity_id(key, district),
        after=mr.flat(mr.figures_json(data.figures)),
    )
    return ClosureInfo(key, district, now, actor.username)


def reopen_month(session: Session, actor: Actor, year: int, month: int, district: str | None = None) -> None:
    """Drop the frozen figures (audited with what they were), so the month reports live data again."""
    permissions.require(actor, "month.close")
    key = month_key(year, month)
    row = _row(session, key, district)
    if row is None:
        raise NotFoundError(f"{key} 没有关账。", f"{key} is not closed.", field="month")
    frozen = mr.load(mr.ReportData, json.loads(row.snapshot))
    session.delete(row)
    session.flush()
    audit.record(  # after the delete: its audited state is "no closure" (casemgr.auditstate)
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="month.reopen",
        entity="month",
        entity_id=_entity_id(key, district),
        before=mr.flat(mr.figures_json(frozen.figures)),
    )


def report_data(
    session: Session,
    year: int,
    month: int,
    district: str | None = None,
    *,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> mr.ReportData:
    """The month's report: live figures, or for a closed month the snapshot plus corrections."""
    now = now or utcnow()
    live = mr.collect(session, year, month, district, today=today, now=now)
    row = _row(session, month_key(year, month), district)
    if row is None:
        return live
    frozen: mr.ReportData = mr.load(mr.ReportData, json.loads(row.snapshot))
    corrections = _diff(frozen, live)
    numbers, total = mr.changed_since(session, frozen.year_to_date.period, row.closed_at, district)
    info = closure(session, year, month, district)
    return dataclasses.replace(
        frozen,
        generated_at=now,
        audit_anchor=live.audit_anchor,
        closure=mr.Closure(
            closed_at=row.closed_at,
            closed_by=info.closed_by if info else None,
            corrections=corrections,
            changed_cases=numbers,
            changed_cases_total=total,
        ),
    )


def _diff(frozen: mr.ReportData, live: mr.ReportData) -> tuple[mr.Correction, ...]:
    out: list[mr.Correction] = []
    for prefix, a, b in (
        ("", frozen.figures, live.figures),
        ("year_to_date.", frozen.year_to_date, live.year_to_date),
    ):
        fa, fb = mr.flat(mr.figures_json(a)), mr.flat(mr.figures_json(b))
        for k, v in fa.items():
            # "cases.overdue" is a count on a day, not a figure a correction changes.
            if k == "cases.overdue":
                continue
            if fb.get(k) != v:
                out.append(mr.Correction(prefix + k, v, fb.get(k)))
    return tuple(out)
