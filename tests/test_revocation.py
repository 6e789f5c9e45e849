"""A revoked order or decision (issue 14): a listing resting on a revoked order to pay is revoked
too and the employer comes off the list (人社部令第45号, 2021, Arts. 16-17), audited; dates on the
2026 official calendar (国办发明电〔2025〕7号)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from casemgr import auditstate, queries
from casemgr.actor import SYSTEM
from casemgr.enums import Role
from casemgr.errors import WorkflowError
from casemgr.models import AuditEntry, Case, Employer
from casemgr.services import workflow as wf
from casemgr.workflow import records as rec
from tests.test_inspection_lifecycle import clocks, load, record, serve, step, threshold_case

D = dt.date


def _listed(database, actors) -> int:
    """12,000 owed by Tue 03-31, decision Wed 04-01, notice 04-02, listed Mon 04-13 (term to 2029-04-13)."""
    ins, boss = actors[Role.INSPECTOR], actors[Role.SUPERVISOR]
    cid = threshold_case(database, ins)
    step(database, ins, cid, "handling_decision", D(2026, 4, 1), document_no="处理1")
    with database.write() as s:
        assert wf.apply_blacklist_duties(s, SYSTEM, today=D(2026, 4, 1)) == [cid]
    serve(database, ins, cid, "decision", D(2026, 4, 2))
    serve(database, ins, cid, "blacklist_notice", D(2026, 4, 2))
    c = record(database, boss, cid, "decide_blacklist", D(2026, 4, 13), listed=True, document_no="列入1")
    assert clocks(c)["insp.blacklist.term"][0] == "running"
    return cid


def test_a_revoked_order_revokes_the_listing_and_the_employer_comes_off(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = _listed(database, actors)
    with database.read() as s:
        listed = queries.employer_summary(s, s.get(Case, cid).employer_id, today=D(2026, 6, 4))
        assert listed.blacklisted_until == D(2029, 4, 13)
        c = s.get(Case, cid)
        offered = {t.code for t in rec.available_records(c, ins, [d.rule_code for d in c.deadlines])}
        assert "revoke_document" in offered
    # The reconsideration body revoked the order to pay on Fri 2026-06-05 (a working day).
    c = record(database, ins, cid, "revoke_document", D(2026, 6, 5), document="order",
               revoked_by="reconsideration", document_no="汕复决〔2026〕3号")  # fmt: skip
    k = clocks(c)
    assert k["insp.blacklist.term"][0] == "cancelled"
    assert k["insp.pay_order"][0] == "cancelled"  # nothing is owed under a revoked order
    assert k["insp.court_enforce"][0] == "cancelled"
    # Removed within 10 wd of the revocation (Art. 17(三)): 06-08..12 (5), 15-18 (9), 06-19 is
    # 端午 (off), Mon 06-22 (10).
    assert k["insp.blacklist.removal"] == ("running", D(2026, 6, 22))
    with database.read() as s:
        emp = s.get(Employer, c.employer_id)
        assert (emp.blacklisted_on, emp.blacklisted_until) == (D(2026, 4, 13), D(2026, 6, 5))
        # the employer's page no longer shows the listing (the day after the revocation)
        assert queries.employer_summary(s, emp.id, today=D(2026, 6, 8)).blacklisted_until is None
        # audited, about the case and the employer; the trail verifies
        actions = set(s.execute(select(AuditEntry.action)).scalars())
        assert {"case.document_revoked", "employer.blacklist_revoked"} <= actions
        assert [p for p in auditstate.iter_state_problems(s) if p.entity in ("case", "employer")] == []
    # The website removal meets the clock and keeps the revocation date as the listing's end.
    c = record(database, ins, cid, "remove_from_blacklist", D(2026, 6, 10), document_no="移出1")
    assert clocks(c)["insp.blacklist.removal"] == ("met", D(2026, 6, 22))
    with database.read() as s:
        assert s.get(Employer, c.employer_id).blacklisted_until == D(2026, 6, 5)
    with pytest.raises(WorkflowError):  # recorded once
        record(database, ins, cid, "revoke_document", D(2026, 6, 11), document="order",
               revoked_by="court_judgment", document_no="判1")  # fmt: skip


def test_a_revoked_decision_alone_leaves_the_listing(database, actors) -> None:
    """令第45号 Art. 16 ties the listing to the order to pay (责令限期支付工资文书), not to the
    handling decision: revoking the decision ends the court window, the listing stands."""
    ins = actors[Role.INSPECTOR]
    cid = _listed(database, actors)
    c = record(database, ins, cid, "revoke_document", D(2026, 6, 5), document="decision",
               revoked_by="court_judgment", document_no="(2026)粤1502行初1号")  # fmt: skip
    k = clocks(c)
    assert k["insp.court_enforce"][0] == "cancelled"
    assert k["insp.blacklist.term"][0] == "running"
    with database.read() as s:
        assert s.get(Employer, c.employer_id).blacklisted_until == D(2029, 4, 13)


def test_a_pending_listing_ends_with_its_order(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = threshold_case(database, ins)
    with database.write() as s:
        assert wf.apply_blacklist_duties(s, SYSTEM, today=D(2026, 4, 1)) == [cid]
    record(database, ins, cid, "revoke_document", D(2026, 4, 3), document="order",
           revoked_by="reconsideration", document_no="复1")  # fmt: skip
    k = load(database, cid)
    assert k["insp.blacklist"][0] == "cancelled" and "insp.blacklist.removal" not in k
    with pytest.raises(WorkflowError):  # no decision was made on this case
        record(database, ins, cid, "revoke_document", D(2026, 4, 3), document="decision",
               revoked_by="reconsideration", document_no="复2")  # fmt: skip
