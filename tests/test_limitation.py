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


# --------------------------------------------------------------------------- 时效中止 (Art. 27 ¶3)

SEVERANCE = [ClaimType.SEVERANCE]


def _warn(received: dt.date, **kw: object) -> list[tuple[str, dt.date]]:
    from casemgr.deadlines.limitation import limitation_warnings

    out = limitation_warnings(
        "arbitration", received, None, None, knew_on=D(2025, 6, 30), claim_types=SEVERANCE, **kw
    )  # type: ignore[arg-type]
    return [(w.code, w.limit_date) for w in out]


def test_a_suspension_adds_the_days_the_cause_lasted() -> None:
    # Knew Mon 2025-06-30: the plain year ends Tue 2026-06-30. A flood from Mon 2026-05-04 to
    # Mon 2026-06-15: 27 days in May (04..31) + 15 in June = 42 days not counted ->
    # 2026-06-30 + 42 = Tue 2026-08-11 (a working day).
    flood = {"suspended_from": D(2026, 5, 4), "suspended_to": D(2026, 6, 15)}
    assert _warn(D(2026, 7, 1)) == [("arbitration_limitation", D(2026, 6, 30))]  # without it: late
    assert _warn(D(2026, 8, 10), **flood) == []
    assert _warn(D(2026, 8, 11), **flood) == []
    assert _warn(D(2026, 8, 12), **flood) == [("arbitration_limitation", D(2026, 8, 11))]


def test_a_suspension_early_in_the_year_counts_too() -> None:
    """The issue says "in the last 6 months"; that is 民法典 Art. 194. 调解仲裁法 Art. 27 ¶3 has no
    such condition and governs labour arbitration, so a cause from Fri 2025-08-01 to Mon
    2025-09-01 (31 days) moves the last day to 2026-06-30 + 31 = Fri 2026-07-31."""
    early = {"suspended_from": D(2025, 8, 1), "suspended_to": D(2025, 9, 1)}
    assert _warn(D(2026, 7, 31), **early) == []
    assert _warn(D(2026, 8, 3), **early) == [("arbitration_limitation", D(2026, 7, 31))]


def test_a_cause_still_lasting_or_after_the_year_ran_out() -> None:
    # Still lasting: no last day yet, so no warning however late the application looks.
    assert _warn(D(2026, 9, 1), suspended_from=D(2026, 5, 4)) == []
    # Began Sun 2026-07-05, after the year ended on 06-30: nothing to suspend.
    late = {"suspended_from": D(2026, 7, 5), "suspended_to": D(2026, 8, 1)}
    assert _warn(D(2026, 8, 3), **late) == [("arbitration_limitation", D(2026, 6, 30))]


def test_a_suspension_before_an_interruption_is_spent() -> None:
    from casemgr.deadlines.limitation import limitation_warnings

    # Knew 2025-01-10; suspended 2025-02-01..03-01; interrupted Sun 2025-06-01: the year starts
    # afresh from 06-01 and ends Mon 2026-06-01; the earlier suspension adds nothing.
    out = limitation_warnings(
        "arbitration",
        D(2026, 6, 2),
        None,
        None,
        knew_on=D(2025, 1, 10),
        interrupted_on=D(2025, 6, 1),
        suspended_from=D(2025, 2, 1),
        suspended_to=D(2025, 3, 1),
        claim_types=SEVERANCE,
    )
    assert [(w.code, w.limit_date) for w in out] == [("arbitration_limitation", D(2026, 6, 1))]


def test_recording_a_suspension_on_the_case_clears_the_warning(database, actors) -> None:
    clerk = actors[Role.CLERK]
    data = dataclasses.replace(
        _input(
            claims=[cases.ClaimInput(ClaimType.SEVERANCE, Decimal("30000.00"), 0)], knew_on=D(2025, 6, 30)
        ),
        received_on=D(2026, 8, 10),
    )
    with database.write() as s:
        cid = cases.register_case(s, clerk, data, today=D(2026, 8, 10)).id
    with database.read() as s:
        assert [w.limit_date for w in queries.case_detail(s, clerk, cid).limitation_warnings] == [
            D(2026, 6, 30)
        ]

    def rec(fields: dict[str, object]) -> None:
        with database.write() as s:
            wf.apply_record(
                s, clerk, cid, "record_limitation", fields, expected_version=None, on=D(2026, 8, 11)
            )

    with pytest.raises(ValidationError) as exc:  # the end before the start
        rec({"suspended_from": D(2026, 5, 4), "suspended_to": D(2026, 5, 1)})
    assert exc.value.field == "suspended_to"
    rec({"suspended_from": D(2026, 5, 4), "note": "洪灾封路"})
    with database.read() as s:
        assert queries.case_detail(s, clerk, cid).limitation_warnings == ()  # the cause still lasts
    rec({"suspended_to": D(2026, 6, 15)})  # its end, recorded later on its own: 42 days -> 08-11
    with database.read() as s:
        assert queries.case_detail(s, clerk, cid).limitation_warnings == ()
        c = s.get(Case, cid)
        assert (c.limitation_suspended_from, c.limitation_suspended_to) == (D(2026, 5, 4), D(2026, 6, 15))
        assert len(s.execute(select(AuditEntry).where(AuditEntry.action == "case.limitation")).all()) == 2
