"""欠薪风险预警 (issue 17): scores on small hand-made histories, worked out by hand below;
a level change is one event on the employer's history; settings change the score; the
warning list filters and ranks. No Qt.

Today is tests.helpers.TODAY, 2026-11-23: the 90-day window is received after 2026-08-25,
the 365-day window after 2025-11-23; the minimum wage in force is 1,750.00 (settings).
Default weights (settings.RISK_DEFAULTS): complaints_90d 10 (cap 3), cases_365d 3 (cap 5),
unpaid_orders 15 (cap 2), repeat_violations 10 (cap 2), collective_365d 15 (cap 2),
owed_per_worker 5 per month of minimum wage (cap 4), blacklisted 40, key_monitoring 15;
yellow ≥ 20, orange ≥ 40, red ≥ 60.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from casemgr import db
from casemgr.enums import Role
from casemgr.errors import PermissionDenied, ValidationError
from casemgr.models import AuditEntry, Case, ClaimItem, Employer, EmployerRisk, EmployerRiskEvent
from casemgr.queries import risk as rq
from casemgr.services import admin, risk
from tests.helpers import TODAY, make_uscc

_seq = itertools.count(1)


def _case(s, employer_id: int, kind: str, received: dt.date, **kw) -> Case:
    n = next(_seq)
    c = Case(
        number=f"测{n}",
        kind=kind,
        year=received.year,
        seq=n,
        district=kw.pop("district", "城区"),
        status=kw.pop("status", "investigating"),
        employer_id=employer_id,
        received_on=received,
        **kw,
    )
    s.add(c)
    s.flush()
    return c


@pytest.fixture
def history(database: db.Database) -> dict[str, int]:
    """A: four cases (hand-worked score 54, orange); B: blacklisted, no case (40, orange);
    C: one recent complaint (13, no level); D: nothing (no row)."""
    with database.write() as s:
        ids = {}
        for key, n, district, industry in (
            ("A", 1, "城区", "建筑业"),
            ("B", 2, "海丰县", "制造业"),
            ("C", 3, "城区", "建筑业"),
            ("D", 4, "城区", None),
        ):
            e = Employer(name=f"单位{key}", uscc=make_uscc(n), district=district, industry=industry)
            s.add(e)
            s.flush()
            ids[key] = e.id
        a = ids["A"]
        # 1. complaint 2026-11-01, open, wage arrears, 1 worker, 3,600 claimed, nothing recovered
        _case(
            s,
            a,
            "inspection",
            dt.date(2026, 11, 1),
            wage_arrears=True,
            workers=1,
            amount_claimed=Decimal("3600.00"),
        )
        # 2. complaint 2026-10-15, open, not about wages
        _case(s, a, "inspection", dt.date(2026, 10, 15))
        # 3. arbitration 2026-03-01, award 2026-06-01: 5,000 awarded, 2,000 paid -> an unpaid order
        c3 = _case(
            s,
            a,
            "arbitration",
            dt.date(2026, 3, 1),
            status="awarded",
            closed_on=dt.date(2026, 6, 1),
            outcome="award",
        )
        s.add(
            ClaimItem(
                case_id=c3.id,
                claim_type="wages",
                amount_claimed=Decimal("5000.00"),
                amount_ordered=Decimal("5000.00"),
                amount_paid=Decimal("2000.00"),
            )
        )
        # 4. complaint 2025-06-01 (outside 365 days), handling decision 2025-12-01 (inside): one violation
        _case(
            s,
            a,
            "inspection",
            dt.date(2025, 6, 1),
            status="handled",
            closed_on=dt.date(2025, 12, 1),
            outcome="handling_decision",
        )
        # A: complaints_90d 2 -> 20; cases_365d 3 (cases 1-3) -> 9; unpaid_orders 1 -> 15;
        #    violations 1 -> repeat 0; owed per worker 3,600 / 1 = 2.06 minimum wages -> 2 × 5 = 10.
        #    54: orange.
        b = s.get(Employer, ids["B"])
        b.blacklisted_on, b.blacklisted_until = dt.date(2026, 1, 1), dt.date(2029, 1, 1)  # 40: orange
        # C: one complaint 2026-11-20 -> 10 + 3 = 13: scored, no level
        _case(s, ids["C"], "inspection", dt.date(2026, 11, 20))
        # D: a complaint two years ago counts for nothing
        _case(
            s,
            ids["D"],
            "inspection",
            dt.date(2024, 11, 1),
            closed_on=dt.date(2024, 12, 1),
            outcome="cancelled",
        )
    return ids


def test_assess_is_the_sum_of_capped_factors() -> None:
    # 5 complaints (cap 3: 30) + 7 cases (cap 5: 15) + 3 violations (2 beyond the first: 20)
    # + key monitoring 15 = 80: red. 1,700 owed per worker is under one minimum wage: 0.
    f = risk.Facts(
        1,
        complaints_90d=5,
        cases_365d=7,
        violations_365d=3,
        key_monitoring=True,
        owed_open=Decimal("3400.00"),
        workers_open=2,
    )
    a = risk.assess(f, risk.Weights.defaults())
    assert [(p.factor, p.count, p.score) for p in a.parts] == [
        ("complaints_90d", 5, 30),
        ("cases_365d", 7, 15),
        ("repeat_violations", 2, 20),
        ("key_monitoring", 1, 15),
    ]
    assert (a.score, a.level) == (80, "red")
    assert risk.level_for(19, risk.Weights.defaults().thresholds) is None
    assert risk.level_for(20, risk.Weights.defaults().thresholds) == "yellow"
    assert risk.level_for(59, risk.Weights.defaults().thresholds) == "orange"


def test_hand_made_history_scores_as_worked_out(database: db.Database, actors, history) -> None:
    with database.read() as s:  # the write that made the history scored its employers already
        assert s.get(EmployerRisk, history["A"]).level == "orange"
    with database.write() as s:
        res = risk.refresh(s, actors[Role.SUPERVISOR], today=TODAY)
    assert res.by_level == {"red": 0, "orange": 2, "yellow": 0}
    assert res.scored == 3 and res.changes == 0  # A and B have their level; C scores without one
    with database.read() as s:
        a = rq.employer_risk(s, actors[Role.INSPECTOR], history["A"])
        assert (a.score, a.level, a.level_since) == (54, "orange", TODAY)
        assert {p.factor: (p.count, p.points, p.score) for p in a.parts} == {
            "complaints_90d": (2, 10, 20),
            "cases_365d": (3, 3, 9),
            "unpaid_orders": (1, 15, 15),
            "owed_per_worker": (2, 5, 10),
        }
        owed = next(p for p in a.parts if p.factor == "owed_per_worker")
        assert owed.detail == {"per_worker": "3600.00", "minimum_wage": "1750.00"}
        b = rq.employer_risk(s, actors[Role.INSPECTOR], history["B"])
        assert (b.score, b.level, [p.factor for p in b.parts]) == (40, "orange", ["blacklisted"])
        c = s.get(EmployerRisk, history["C"])
        assert (c.score, c.level) == (13, None)
        assert s.get(EmployerRisk, history["D"]) is None


def test_a_level_change_is_one_event_and_one_audit_entry(database: db.Database, actors, history) -> None:
    sup = actors[Role.SUPERVISOR]
    a = history["A"]
    with database.write() as s:
        risk.refresh(s, sup, today=TODAY)
        risk.refresh(s, sup, today=TODAY)  # nothing changed: no second event
    with database.write() as s:
        # a collective complaint on 2026-11-20: 12 workers, 12,000 claimed, open
        _case(
            s,
            a,
            "inspection",
            dt.date(2026, 11, 20),
            wage_arrears=True,
            collective=True,
            workers=12,
            amount_claimed=Decimal("12000.00"),
        )
        # complaints 3 -> 30; cases 4 -> 12; unpaid 15; collective 1 -> 15;
        # owed (3,600 + 12,000) / 13 workers = 1,200 < 1,750: 0. 72: red.
        res = risk.refresh(s, sup, employer_ids=[a], today=TODAY)
        assert res.changes == 1
    with database.read() as s:
        view = rq.employer_risk(s, actors[Role.CLERK], a)
        assert (view.score, view.level) == (72, "red")
        assert [(h.from_level, h.to_level, h.score) for h in view.history] == [
            ("orange", "red", 72),
            (None, "orange", 54),
        ]
        n_events = s.execute(
            select(func.count()).select_from(EmployerRiskEvent).where(EmployerRiskEvent.employer_id == a)
        ).scalar_one()
        assert n_events == 2
        entries = (
            s.execute(
                select(AuditEntry)
                .where(AuditEntry.action == "risk.level_change", AuditEntry.entity_id == str(a))
                .order_by(AuditEntry.id)
            )
            .scalars()
            .all()
        )
        assert [json.loads(e.after)["level"] for e in entries] == ["orange", "red"]
        assert entries[-1].username == sup.username
        # B was not in the partial refresh: untouched
        assert s.get(EmployerRisk, history["B"]).level == "orange"


def test_a_level_falls_when_the_facts_age(database: db.Database, actors, history) -> None:
    """91 days on, A's complaints leave the 90-day window: 54 - 20 = 34, yellow; later still
    the cases leave the 365-day window too."""
    with database.write() as s:
        risk.refresh(s, None, today=TODAY)
        later = dt.date(2027, 2, 1)  # complaints of 2026-10-15 / 11-01 are > 90 days old
        risk.refresh(s, None, today=later)
        row = s.get(EmployerRisk, history["A"])
        # cases_365d 3 -> 9; unpaid 15; owed: the minimum wage is still 1,750 -> 2 months, 10 = 34
        assert (row.score, row.level, row.level_since) == (34, "yellow", later)
        ev = (
            s.execute(
                select(EmployerRiskEvent)
                .where(EmployerRiskEvent.employer_id == history["A"])
                .order_by(EmployerRiskEvent.id.desc())
            )
            .scalars()
            .first()
        )
        assert (ev.from_level, ev.to_level, ev.user_id) == ("orange", "yellow", None)


def test_settings_change_the_score(database: db.Database, actors, history) -> None:
    adm = actors[Role.ADMIN]
    with database.write() as s:
        risk.refresh(s, None, today=TODAY)
        # an administrator lowers red to 50 from today: A (54) is red
        admin.set_setting(s, adm, "risk.threshold.red", 50, TODAY)
        # and turns the blacklist factor off from today: B (40) falls to no level
        admin.set_setting(s, adm, "risk.points.blacklisted", "0", TODAY)
        risk.refresh(s, None, today=TODAY)
        assert s.get(EmployerRisk, history["A"]).level == "red"
        assert s.get(EmployerRisk, history["B"]) is None  # score 0: no row; its history stays
        # yesterday's settings are unchanged (dated settings): the rule on 2026-11-22 says orange
        w = risk.Weights.on(s, TODAY - dt.timedelta(days=1))
        assert w.thresholds["red"] == 60 and w.factors["blacklisted"] == (40, 1)
        with pytest.raises(ValidationError):
            admin.set_setting(s, adm, "risk.cap.cases_365d", -1, TODAY)
        # thresholds keep their order: red (50 from today) at or below orange (40) is refused
        with pytest.raises(ValidationError, match="黄色 < 橙色 < 红色"):
            admin.set_setting(s, adm, "risk.threshold.orange", 50, TODAY)
        with pytest.raises(ValidationError, match="20 / 40 / 15"):
            admin.set_setting(s, adm, "risk.threshold.red", 15, TODAY)
    with database.read() as s:
        assert [h.to_level for h in rq.employer_risk(s, actors[Role.AUDITOR], history["B"]).history] == [
            None,
            "orange",
        ]


def test_refresh_needs_the_right(database: db.Database, actors, history) -> None:
    with database.write() as s, pytest.raises(PermissionDenied):
        risk.refresh(s, actors[Role.INSPECTOR], today=TODAY)
    with database.read() as s:
        runs = select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "risk.refresh")
        assert s.execute(runs).scalar_one() == 0


def test_a_registration_rescores_its_employer_in_the_authors_name(database: db.Database, actors) -> None:
    """Through the real service: the complaint's write re-scores its employer before it commits.

    One complaint today-5, one worker, 8,000 of wages open: complaints 1 -> 10, cases 1 -> 3,
    owed 8,000 per worker = 4.57 minimum wages -> 4 × 5 = 20: 33, yellow. A second one
    (today-3, another worker, 8,000): 20 + 6 + (16,000 / 2 workers -> 4 months) 20 = 46: orange.
    """
    from casemgr.enums import CaseKind
    from casemgr.services import cases
    from tests.helpers import case_input

    ins = actors[Role.INSPECTOR]
    with database.write() as s:
        c1 = cases.register_case(
            s,
            ins,
            case_input(CaseKind.INSPECTION, n=61, employer_n=50, received_on=TODAY - dt.timedelta(days=5)),
            today=TODAY,
        )
    with database.read() as s:
        assert s.get(Case, c1.id).wage_arrears
        row = s.get(EmployerRisk, c1.employer_id)
        assert (row.score, row.level) == (33, "yellow")
    with database.write() as s:
        cases.register_case(
            s,
            ins,
            case_input(CaseKind.INSPECTION, n=62, employer_n=50, received_on=TODAY - dt.timedelta(days=3)),
            today=TODAY,
        )
    with database.read() as s:
        view = rq.employer_risk(s, actors[Role.MEDIATOR], c1.employer_id)
        assert (view.score, view.level) == (46, "orange")
        assert [(h.from_level, h.to_level) for h in view.history] == [("yellow", "orange"), (None, "yellow")]
        authors = (
            s.execute(
                select(AuditEntry.user_id).where(
                    AuditEntry.action == "risk.level_change", AuditEntry.entity_id == str(c1.employer_id)
                )
            )
            .scalars()
            .all()
        )
        assert authors == [ins.user_id, ins.user_id]


def test_warning_list_ranks_and_filters(database: db.Database, actors, history) -> None:
    with database.write() as s:
        risk.refresh(s, None, today=TODAY)
    sup = actors[Role.SUPERVISOR]
    with database.read() as s:
        q = rq.RiskQuery(sup)
        assert q.count(s) == 2
        assert [(r.employer_id, r.score, r.level) for r in q.page(s, 0, 50)] == [
            (history["A"], 54, "orange"),
            (history["B"], 40, "orange"),
        ]
        assert rq.RiskQuery(sup, district="海丰县").count(s) == 1
        assert [r.employer_id for r in rq.RiskQuery(sup, district="城区").page(s, 0, 50)] == [history["A"]]
        assert rq.RiskQuery(sup, industry="建筑业").count(s) == 1
        assert rq.RiskQuery(sup, level="red").count(s) == 0
        assert rq.RiskQuery(sup, level="orange").count(s) == 2
        assert [r.employer_id for r in rq.RiskQuery(sup).page(s, 1, 1)] == [history["B"]]
        assert rq.risk_industries(s, sup) == ["制造业", "建筑业"]
        for bad in (dict(level="purple"), dict(district="火星")):
            with pytest.raises(ValidationError):
                rq.RiskQuery(sup, **bad).count(s)
