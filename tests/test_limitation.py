"""Limitation warnings at registration and on the case file (issue 14, "missing").

调解仲裁法 Art. 27: one year from when the party knew (¶1), afresh after an interruption
(¶2); wage claims none while employed, one year from the end of employment (¶4).
劳动保障监察条例 Art. 20: two years from the end of the violation. Warnings, never refusals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from casemgr import queries
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ClaimType, Role
from casemgr.errors import ValidationError
from casemgr.models import AuditEntry, Case, Event
from casemgr.services import cases, limitation
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date


def _input(**kw: object) -> cases.CaseInput:
    data = helpers.case_input(CaseKind.ARBITRATION, received_on=D(2026, 7, 1), migrant=False)
    return dataclasses.replace(data, **kw)  # type: ignore[arg-type]


def test_a_late_application_is_warned_before_and_after_registration(database, actors) -> None:
    clerk = actors[Role.CLERK]
    # Severance claim; the worker knew of the dismissal on Mon 2025-06-30: the year ends Tue
    # 2026-06-30; received Wed 2026-07-01, one day late.
    data = _input(
        claims=[cases.ClaimInput(ClaimType.SEVERANCE, Decimal("30000.00"), 0)], knew_on=D(2025, 6, 30)
    )
    with database.read() as s:
        before = limitation.preview(s, clerk, data)
    assert [(w.code, w.limit_date) for w in before] == [("arbitration_limitation", D(2026, 6, 30))]
    with database.write() as s:
        cid = cases.register_case(s, clerk, data, today=D(2026, 7, 1)).id
    with database.read() as s:
        detail = queries.case_detail(s, clerk, cid)
        assert [w.code for w in detail.limitation_warnings] == ["arbitration_limitation"]
        assert "2026-06-30" in detail.limitation_warnings[0].zh
        assert "第27条" in detail.limitation_warnings[0].zh


def test_an_interruption_recorded_later_clears_the_warning(database, actors) -> None:
    clerk = actors[Role.CLERK]
    data = _input(
        claims=[cases.ClaimInput(ClaimType.DAMAGES, Decimal("30000.00"), 0)], knew_on=D(2025, 6, 30)
    )
    with database.write() as s:
        cid = cases.register_case(s, clerk, data, today=D(2026, 7, 1)).id
    # The worker wrote to the employer demanding payment on Mon 2025-12-01 (Art. 27 ¶2: 向对方
    # 当事人主张权利): the year counts afresh to Tue 2026-12-01, so the application is in time.
    with database.write() as s:
        wf.apply_record(
            s,
            clerk,
            cid,
            "record_limitation",
            {"interrupted_on": D(2025, 12, 1), "ground": "claim_made", "note": "书面催告函"},
            expected_version=None,
            on=D(2026, 7, 2),
        )
    with database.read() as s:
        detail = queries.case_detail(s, clerk, cid)
        assert detail.limitation_warnings == ()
        c = s.get(Case, cid)
        assert c.limitation_interrupted_on == D(2025, 12, 1) and c.knew_on == D(2025, 6, 30)
        ev = s.execute(select(Event).where(Event.case_id == cid, Event.action == "limitation")).scalar_one()
        assert cases.event_data(ev)["ground"] == "claim_made"
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "case.limitation")).scalar_one()


def test_wage_claims_while_employed_are_never_warned(database, actors) -> None:
    clerk = actors[Role.CLERK]
    data = _input(knew_on=D(2020, 1, 6))  # helpers: one wage claim; still employed
    with database.read() as s:
        assert limitation.preview(s, clerk, data) == []


def test_inspection_two_years_from_the_end_of_the_violation(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    data = dataclasses.replace(
        helpers.case_input(CaseKind.INSPECTION, received_on=D(2026, 6, 2)), violation_on=D(2024, 5, 31)
    )
    # Ended Fri 2024-05-31: two years to Sun 2026-05-31 -> Mon 06-01; received Tue 06-02.
    with database.write() as s:
        cid = cases.register_case(s, ins, data, today=D(2026, 6, 2)).id
    with database.read() as s:
        w = queries.case_detail(s, ins, cid).limitation_warnings
        assert [(x.code, x.limit_date) for x in w] == [("inspection_lookback", D(2026, 6, 1))]


def test_bad_dates_are_refused(database, actors) -> None:
    clerk = actors[Role.CLERK]
    with pytest.raises(ValidationError) as exc, database.write() as s:
        cases.register_case(s, clerk, _input(knew_on=D(2026, 7, 2)), today=D(2026, 7, 1))
    assert exc.value.field == "knew_on"


def test_only_the_case_kinds_own_facts(database, actors) -> None:
    clerk: Actor = actors[Role.CLERK]
    with database.write() as s:
        cid = cases.register_case(s, clerk, _input(), today=D(2026, 7, 1)).id
    with pytest.raises(ValidationError), database.write() as s:
        wf.apply_record(s, clerk, cid, "record_limitation", {}, expected_version=None, on=D(2026, 7, 2))
