"""Closing a month freezes its figures; later corrections are shown beside them, not merged in."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select, update

from casemgr.actor import Actor
from casemgr.db import Database
from casemgr.enums import Role
from casemgr.errors import NotFoundError, PermissionDenied, ValidationError
from casemgr.metrics import report as mr
from casemgr.models import AuditEntry, Case, MonthClosure
from casemgr.services import months
from tests.test_metrics_data import D, build_march_2026

TODAY = D(2026, 4, 10)
CLOSED_AT = dt.datetime(2026, 4, 10, 2, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 4, 20, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def march(database: Database) -> Database:
    with database.write() as s:
        build_march_2026(s)
        # Entered before the month is closed (the default would be the real clock).
        s.execute(update(Case).values(updated_at=dt.datetime(2026, 4, 1, tzinfo=dt.UTC)))
    return database


def _close(database: Database, actor: Actor) -> months.ClosureInfo:
    with database.write() as s:
        return months.close_month(s, actor, 2026, 3, today=TODAY, now=CLOSED_AT)


def test_a_closed_month_reprints_its_frozen_figures_and_lists_later_corrections(
    march: Database, actors: dict[Role, Actor]
) -> None:
    sup = actors[Role.SUPERVISOR]
    info = _close(march, sup)
    assert (info.month, info.closed_by) == ("2026-03", sup.username)
    with march.read() as s:
        before = mr.to_json(months.report_data(s, 2026, 3, today=TODAY, now=LATER))
    assert before["arbitration"]["closed"] == 2 and before["report"]["closed"]["corrections"] == []

    # A correction entered afterwards: A5 was in fact closed by an award on 03-25.
    with march.write() as s:
        a5 = s.execute(select(Case).where(Case.accepted_on == D(2026, 3, 1))).scalar_one()
        a5.closed_on, a5.outcome, a5.updated_at = D(2026, 3, 25), "award", LATER
    with march.read() as s:
        data = months.report_data(s, 2026, 3, today=TODAY, now=LATER)
        doc = mr.to_json(data)
    # The reprint keeps the frozen numbers ...
    assert (doc["arbitration"]["closed"], doc["arbitration"]["closure_rate"]) == (2, 0.4)
    # ... and names each figure the correction would change, with the corrected value beside it:
    # March 3/5 = 0.6; YTD closed 4/6 = 0.6667; mediation denominator 5 and 7.
    corrections = {c["key"]: (c["frozen"], c["corrected"]) for c in doc["report"]["closed"]["corrections"]}
    assert corrections == {
        "arbitration.closed": (2, 3),
        "arbitration.closure_rate": (0.4, 0.6),
        "mediation.closed": (4, 5),
        "mediation.success_rate": (0.5, 0.4),
        "year_to_date.arbitration.closed": (3, 4),
        "year_to_date.arbitration.closure_rate": (0.5, 0.6667),
        "year_to_date.mediation.closed": (6, 7),
        "year_to_date.mediation.success_rate": (0.5, 0.4286),
    }
    assert doc["report"]["closed"]["changed_cases"] == [a5.number]
    assert data.closure is not None and data.closure.closed_by == sup.username


def test_close_and_reopen_are_audited_and_reopen_returns_to_live_figures(
    march: Database, actors: dict[Role, Actor]
) -> None:
    sup = actors[Role.SUPERVISOR]
    _close(march, sup)
    with march.write() as s:
        months.reopen_month(s, sup, 2026, 3)
    with march.read() as s:
        actions = s.execute(
            select(AuditEntry.action, AuditEntry.entity_id, AuditEntry.username).where(
                AuditEntry.entity == "month"
            )
        ).all()
        assert s.execute(select(func.count()).select_from(MonthClosure)).scalar_one() == 0
        data = months.report_data(s, 2026, 3, today=TODAY, now=LATER)
        closing = s.execute(select(AuditEntry.after).where(AuditEntry.action == "month.close")).scalar_one()
    assert actions == [("month.close", "2026-03", sup.username), ("month.reopen", "2026-03", sup.username)]
    assert json.loads(closing)["arbitration.closed"] == 2
    assert data.closure is None


def test_only_a_supervisor_closes_and_a_refusal_writes_nothing(
    march: Database, actors: dict[Role, Actor]
) -> None:
    for role in (Role.CLERK, Role.ADMIN, Role.AUDITOR):
        with pytest.raises(PermissionDenied), march.write() as s:
            months.close_month(s, actors[role], 2026, 3, today=TODAY, now=CLOSED_AT)
    with march.read() as s:
        assert s.execute(select(func.count()).select_from(MonthClosure)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(AuditEntry)).scalar_one() == 0


def test_an_unfinished_month_cannot_be_closed_nor_a_month_twice(
    march: Database, actors: dict[Role, Actor]
) -> None:
    sup = actors[Role.SUPERVISOR]
    with pytest.raises(ValidationError), march.write() as s:
        months.close_month(s, sup, 2026, 4, today=TODAY)
    _close(march, sup)
    with pytest.raises(months.MonthClosedError), march.write() as s:
        months.close_month(s, sup, 2026, 3, today=TODAY)
    with pytest.raises(NotFoundError), march.write() as s:
        months.reopen_month(s, sup, 2026, 2)


def test_a_district_closes_separately(march: Database, actors: dict[Role, Actor]) -> None:
    sup = actors[Role.SUPERVISOR]
    with march.write() as s:
        months.close_month(s, sup, 2026, 3, "海丰县", today=TODAY, now=CLOSED_AT)
    with march.read() as s:
        assert months.closure(s, 2026, 3) is None
        info = months.closure(s, 2026, 3, "海丰县")
        data = months.report_data(s, 2026, 3, "海丰县", today=TODAY)
    assert info is not None and info.district == "海丰县"
    assert (data.figures.inspection.numerator, data.figures.inspection.denominator) == (1, 1)


def test_snapshot_round_trip_is_exact(march: Database) -> None:
    with march.read() as s:
        data = mr.collect(s, 2026, 3, today=TODAY, now=CLOSED_AT)
    again = mr.load(mr.ReportData, json.loads(json.dumps(mr.dump(data))))
    assert again == data
    # ID numbers are masked before anything is frozen.
    assert "44150219850615123X" not in json.dumps(mr.dump(data), ensure_ascii=False)
