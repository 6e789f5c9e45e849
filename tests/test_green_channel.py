"""Green channel (绿色通道) and supervised listing (挂牌督办)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from casemgr.enums import CaseKind, Role
from casemgr.errors import ValidationError, WorkflowError
from casemgr.models import AuditEntry, Case
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date


def _states(case: Case) -> dict[str, str]:
    return {d.rule_code: d.state for d in case.deadlines}


def test_set_automatically_and_overridden_with_a_reason(database, actors) -> None:
    clerk = actors[Role.CLERK]
    with database.write() as s:
        green = cases.register_case(
            s, clerk, helpers.case_input(received_on=D(2026, 3, 2)), today=D(2026, 11, 26)
        )
        plain = cases.register_case(
            s, clerk, helpers.case_input(received_on=D(2026, 3, 2), n=2, migrant=False), today=D(2026, 11, 26)
        )
        assert green.green_channel and not plain.green_channel
        assert "arb.green.accept" in _states(green) and "arb.green.accept" not in _states(plain)
        gid, pid = green.id, plain.id
    with database.write() as s, pytest.raises(ValidationError) as exc:
        wf.set_green_channel(s, clerk, pid, True, "  ", expected_version=None, on=D(2026, 3, 2))
    assert exc.value.field == "reason"
    with database.write() as s:
        c = wf.set_green_channel(
            s, clerk, pid, True, "劳动者系农民工，补录身份", expected_version=None, on=D(2026, 3, 2)
        )
        assert c.green_channel and c.green_channel_override == "劳动者系农民工，补录身份"
        # the green target joins the running acceptance group from the same start
        d = next(x for x in c.deadlines if x.rule_code == "arb.green.accept")
        assert (d.started_on, d.due_on, d.state) == (D(2026, 3, 2), D(2026, 3, 2), "running")
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "case.green_channel")).first()
    with database.write() as s, pytest.raises(WorkflowError):
        wf.set_green_channel(s, clerk, pid, True, "重复", expected_version=None, on=D(2026, 3, 2))
    with database.write() as s:
        wf.apply_transition(s, clerk, gid, "accept", {}, expected_version=None, on=D(2026, 3, 2))
        c = wf.clear_green_channel(s, clerk, gid, "经核实非农民工", expected_version=None, on=D(2026, 3, 4))
        st = _states(c)
        assert st["arb.green.award"] == "cancelled" and st["arb.green.notify"] == "cancelled"
        assert st["arb.award"] == "running"  # the statutory limit stays


def test_supervised_listing_is_raised_and_refreshed(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    with database.write() as s:
        big = cases.register_case(
            s, ins, helpers.case_input(CaseKind.INSPECTION, workers=10, migrant=False), today=D(2026, 11, 26)
        )
        assert big.collective and big.supervised  # collective wage arrears
        small = cases.register_case(
            s, ins, helpers.case_input(CaseKind.INSPECTION, n=2, migrant=False), today=D(2026, 11, 26)
        )
        assert not small.supervised
        sid = small.id
    with database.write() as s:
        cases.update_amounts(s, ins, sid, expected_version=None, workers=120)
        c = wf.refresh_flags(s, ins, sid, expected_version=None, on=D(2026, 3, 5))
        assert c.supervised and c.collective
