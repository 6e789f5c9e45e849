"""Who approves an extension (issue 14 item 7): the commission chair or the 仲裁院 head he
authorises (调解仲裁法 Art. 43, 办案规则 Art. 45), configured per bureau — never the person
who asked for it; a refusal is written down with its reason."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.errors import PermissionDenied, ValidationError, WorkflowError
from casemgr.models import AuditEntry, Event
from casemgr.services import admin, cases
from casemgr.services import workflow as wf
from tests import helpers
from tests.conftest import make_user

D = dt.date


def _case(database: db.Database, clerk: Actor) -> tuple[int, int]:
    """Accepted Thu 2026-09-24: award limit 09-24 + 45 = Sun 11-08 -> Mon 11-09."""
    with database.write() as s:
        c = cases.register_case(
            s,
            clerk,
            helpers.case_input(CaseKind.ARBITRATION, received_on=D(2026, 9, 21), migrant=False),
            today=D(2026, 9, 21),
        )
        wf.apply_transition(s, clerk, c.id, "accept", {}, expected_version=None, on=D(2026, 9, 24))
        d = next(x for x in c.deadlines if x.rule_code == "arb.award")
        assert d.due_on == D(2026, 11, 9)
        return c.id, d.id


def _request(database, actor, cid, did, days=None) -> None:
    with database.write() as s:
        wf.request_extension(
            s, actor, cid, did, "需要等待工伤认定结论", expected_version=None, on=D(2026, 10, 9), days=days
        )


def _approve(database, actor, cid, did, days=15):
    with database.write() as s:
        return wf.approve_extension(s, actor, cid, did, days, "同意延长", None, on=D(2026, 10, 12)).due_on


def test_the_requester_never_approves_their_own_request(database, actors) -> None:
    boss = actors[Role.SUPERVISOR]
    other = make_user(database, Role.SUPERVISOR, "head")
    cid, did = _case(database, actors[Role.CLERK])
    _request(database, boss, cid, did)
    with pytest.raises(PermissionDenied):
        _approve(database, boss, cid, did)
    # Another approver may: 09-24 + 60 = Mon 11-23.
    assert _approve(database, other, cid, did) == D(2026, 11, 23)


def test_nothing_to_approve_without_a_request(database, actors) -> None:
    cid, did = _case(database, actors[Role.CLERK])
    with pytest.raises(WorkflowError):
        _approve(database, actors[Role.SUPERVISOR], cid, did)


def test_the_approvers_are_a_dated_setting_of_the_bureau(database, actors) -> None:
    """The bureau names its 仲裁院 head (an account) as the approver: other supervisors may not."""
    clerk, boss = actors[Role.CLERK], actors[Role.SUPERVISOR]
    head = make_user(database, Role.SUPERVISOR, "yuanzhang")
    with database.write() as s:
        admin.set_setting(
            s, actors[Role.ADMIN], "extension_approvers.arbitration", "user:yuanzhang", D(2026, 1, 1)
        )
    cid, did = _case(database, clerk)
    _request(database, clerk, cid, did)
    with pytest.raises(PermissionDenied) as exc:
        _approve(database, boss, cid, did)
    assert "yuanzhang" in exc.value.zh
    assert _approve(database, head, cid, did) == D(2026, 11, 23)


@pytest.mark.parametrize("value", ["", "role:nobody", "user:", "supervisor"])
def test_a_bad_approver_setting_is_refused(database, actors, value) -> None:
    with pytest.raises(ValidationError), database.write() as s:
        admin.set_setting(s, actors[Role.ADMIN], "extension_approvers.arbitration", value, D(2026, 1, 1))


def test_a_refusal_needs_a_reason_is_audited_and_a_new_request_may_follow(database, actors) -> None:
    clerk, boss = actors[Role.CLERK], actors[Role.SUPERVISOR]
    cid, did = _case(database, clerk)
    _request(database, clerk, cid, did)
    with pytest.raises(ValidationError), database.write() as s:
        wf.refuse_extension(s, boss, cid, did, "  ", None, on=D(2026, 10, 12))
    with pytest.raises(PermissionDenied), database.write() as s:
        wf.refuse_extension(s, clerk, cid, did, "不同意", None, on=D(2026, 10, 12))
    with database.write() as s:
        d = wf.refuse_extension(s, boss, cid, did, "案情并不复杂", None, on=D(2026, 10, 12))
        assert (d.due_on, d.extended_days, d.extension_requested_on) == (D(2026, 11, 9), 0, None)
    with database.read() as s:
        ev = s.execute(
            select(Event).where(Event.case_id == cid, Event.action == "extension_refused")
        ).scalar_one()
        assert ev.note == "案情并不复杂" and ev.user_id == boss.user_id
        entry = s.execute(
            select(AuditEntry).where(AuditEntry.action == "deadline.extension_refused")
        ).scalar_one()
        assert "案情并不复杂" in entry.after
    _request(database, clerk, cid, did)
    assert _approve(database, boss, cid, did, days=10) == D(2026, 11, 18)  # 09-24 + 55 = Wed 11-18


def test_the_approval_records_the_days_asked_and_the_days_approved(database, actors) -> None:
    clerk, boss = actors[Role.CLERK], actors[Role.SUPERVISOR]
    cid, did = _case(database, clerk)
    _request(database, clerk, cid, did, days=10)
    with database.read() as s:
        req = wf.pending_extension_request(s, boss, cid, did)
        assert req is not None
        assert (req.days, req.reason, req.requested_by_id) == (10, "需要等待工伤认定结论", clerk.user_id)
    # More than the rule allows is refused, never cut down to the maximum.
    with pytest.raises(ValidationError):
        _approve(database, boss, cid, did, days=16)
    # 09-24 + 45 + 7 = 11-15 (Sun) -> Mon 11-16.
    assert _approve(database, boss, cid, did, days=7) == D(2026, 11, 16)
    with database.read() as s:
        ev = s.execute(
            select(Event).where(Event.case_id == cid, Event.action == "extension_approved")
        ).scalar_one()
        data = cases.event_data(ev)
        assert (data["days"], data["requested_days"], data["requested_by_id"]) == (7, 10, clerk.user_id)
