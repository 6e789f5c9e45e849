"""Records that do not move the case (送达回证, defence, payment, blacklist, green channel).

They are data (``casemgr.workflow.records``) carried out by one service entry point, so the
desktop's forms and any integrator get the same checks: who, in which status, which fields.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from casemgr.enums import CaseKind, Role
from casemgr.errors import NotFoundError, PermissionDenied, ValidationError, WorkflowError
from casemgr.models import Case, Employer, Event
from casemgr.services import cases
from casemgr.services import workflow as wf
from casemgr.workflow import records
from tests import helpers

D = dt.date


def register(database, actor, kind, **kw) -> int:
    with database.write() as s:
        return cases.register_case(s, actor, helpers.case_input(kind, **kw), today=D(2026, 11, 26)).id


def step(database, actor, cid, code, on, **fields) -> None:
    with database.write() as s:
        wf.apply_transition(s, actor, cid, code, fields, expected_version=None, on=on)


def record(database, actor, cid, code, on, **fields) -> None:
    with database.write() as s:
        wf.apply_record(s, actor, cid, code, fields, expected_version=None, on=on)


def clock_state(database, cid, code) -> tuple[str, dt.date]:
    with database.read() as s:
        d = max((d for d in s.get(Case, cid).deadlines if d.rule_code == code), key=lambda d: d.id)
        return d.state, d.due_on


def events(database, cid) -> int:
    with database.read() as s:
        return len(s.execute(select(Event.id).where(Event.case_id == cid)).all())


def codes(database, actor, cid) -> set[str]:
    with database.read() as s:
        c = s.get(Case, cid)
        active = [d.rule_code for d in c.deadlines if d.state in ("running", "paused")]
        ran = [d.rule_code for d in c.deadlines if d.state != "cancelled"]
        return {t.code for t in records.available_records(c, actor, active, ran_clocks=ran)}


def test_arbitration_service_defence_and_payment_through_records(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, CaseKind.ARBITRATION, received_on=D(2026, 3, 2))
    assert codes(database, clerk, cid) == {
        "record_service",
        "record_payment",
        "set_green_channel",
        "add_note",
        "update_amounts",
        "record_limitation",
    }  # no defence before acceptance, no reply without a clue
    step(database, clerk, cid, "accept", D(2026, 3, 3))
    assert "record_defence" in codes(database, clerk, cid)
    # Copy served Thu 03-05 (in time: 5 wd from 03-03 is 03-10); the defence period runs
    # 10 wd from receipt: 03-06, 09..13, 16..19 -> Thu 03-19.
    record(database, clerk, cid, "record_service", D(2026, 3, 5), document="application_copy", method="post")
    assert clock_state(database, cid, "arb.serve_copy")[0] == "met"
    assert clock_state(database, cid, "arb.defence") == ("running", D(2026, 3, 19))
    with database.read() as s:  # the case file shows the defence as the party's own period
        from casemgr import queries

        rows = {r.rule_code: r for r in queries.case_detail(s, clerk, cid).deadlines}
        assert rows["arb.defence"].party_period and not rows["arb.serve_copy"].party_period
    record(database, clerk, cid, "record_defence", D(2026, 3, 16))
    assert clock_state(database, cid, "arb.defence")[0] == "met"
    # The copy of the defence goes to the applicant within 5 wd: 03-17..20, 23 -> Mon 03-23.
    assert clock_state(database, cid, "arb.serve_defence") == ("running", D(2026, 3, 23))
    record(database, clerk, cid, "record_payment", D(2026, 3, 20), amount="3000.00", note="部分支付")
    with database.read() as s:
        assert s.get(Case, cid).amount_recovered == Decimal("3000.00")


def test_decision_service_and_the_blacklist_through_records(database, actors) -> None:
    ins, boss = actors[Role.INSPECTOR], actors[Role.SUPERVISOR]
    cid = register(database, ins, CaseKind.INSPECTION, received_on=D(2026, 3, 2))
    step(database, ins, cid, "accept", D(2026, 3, 2))
    step(
        database,
        ins,
        cid,
        "order_payment",
        D(2026, 3, 20),
        document_no="限期支付1",
        pay_by=D(2026, 3, 31),
        amount_ordered=Decimal("50000.00"),
    )
    assert "propose_blacklist" in codes(database, ins, cid)
    assert "decide_blacklist" not in codes(database, ins, cid)  # nothing proposed yet
    step(database, ins, cid, "penalty_decision", D(2026, 4, 7), document_no="处罚1")
    record(database, ins, cid, "record_service", D(2026, 4, 9), document="decision", method="direct")
    assert clock_state(database, cid, "insp.serve_decision")[0] == "met"
    record(
        database, ins, cid, "propose_blacklist", D(2026, 4, 8), document_no="提请1", ground="crime_threshold"
    )
    assert codes(database, ins, cid) >= {"decide_blacklist"} and "propose_blacklist" not in codes(
        database, ins, cid
    )
    # 令第45号 Art. 6: told first (Thu 04-09); objection by 04-10 (1), 13 (2), 14 (3), 15 (4), Thu 04-16 (5).
    record(database, ins, cid, "record_service", D(2026, 4, 9), document="blacklist_notice", method="direct")
    assert clock_state(database, cid, "insp.blacklist.objection") == ("running", D(2026, 4, 16))
    assert "record_blacklist_objection" in codes(database, ins, cid)
    record(database, boss, cid, "decide_blacklist", D(2026, 4, 20), listed=True, document_no="决定1")
    with database.read() as s:
        emp = s.get(Employer, s.get(Case, cid).employer_id)
        assert emp.blacklisted_on == D(2026, 4, 20)
    assert clock_state(database, cid, "insp.blacklist")[0] == "met"
    assert "propose_blacklist" not in codes(database, ins, cid)  # proposed once; decided


def test_green_channel_by_hand_needs_a_reason_and_moves_its_clocks(database, actors) -> None:
    med = actors[Role.MEDIATOR]
    cid = register(database, med, CaseKind.MEDIATION, received_on=D(2026, 3, 2), migrant=False)
    with database.read() as s:
        assert not s.get(Case, cid).green_channel
    n = events(database, cid)
    with pytest.raises(WorkflowError) as exc:  # bool given, reason missing
        record(database, med, cid, "set_green_channel", D(2026, 3, 2), green_channel=True)
    assert exc.value.field == "reason" and events(database, cid) == n
    record(database, med, cid, "set_green_channel", D(2026, 3, 2), green_channel=True, reason="实为农民工")
    with database.read() as s:
        c = s.get(Case, cid)
        assert c.green_channel and c.green_channel_override == "实为农民工"
    assert clock_state(database, cid, "med.green.accept") == ("running", D(2026, 3, 2))


def test_records_refuse_what_the_tables_refuse_and_write_nothing(database, actors) -> None:
    clerk, ins, auditor = actors[Role.CLERK], actors[Role.INSPECTOR], actors[Role.AUDITOR]
    arb = register(database, clerk, CaseKind.ARBITRATION, received_on=D(2026, 3, 2))
    insp = register(database, ins, CaseKind.INSPECTION, received_on=D(2026, 3, 2), n=2)
    n = events(database, arb)
    with pytest.raises(WorkflowError):  # a defence before acceptance
        record(database, clerk, arb, "record_defence", D(2026, 3, 3))
    with pytest.raises(WorkflowError):  # blacklist steps do not exist for arbitration
        record(
            database,
            clerk,
            arb,
            "propose_blacklist",
            D(2026, 3, 3),
            document_no="x",
            ground="crime_threshold",
        )
    with pytest.raises(ValidationError) as exc:  # a document of the other kind
        record(database, clerk, arb, "record_service", D(2026, 3, 3), document="decision", method="post")
    assert exc.value.field == "document"
    with pytest.raises(ValidationError) as exc:
        record(database, clerk, arb, "record_service", D(2026, 3, 3), document="award", method="pigeon")
    assert exc.value.field == "method"
    with pytest.raises(ValidationError):  # a field the record does not take
        record(database, clerk, arb, "record_payment", D(2026, 3, 3), amount="1.00", paid_by="x")
    with pytest.raises(ValidationError):  # the service's own check: nothing to pay
        record(database, clerk, arb, "record_payment", D(2026, 3, 3), amount="0.00")
    with pytest.raises(PermissionDenied):  # an inspector cannot act on arbitration
        record(database, ins, arb, "record_payment", D(2026, 3, 3), amount="1.00")
    with pytest.raises(PermissionDenied):
        record(database, auditor, insp, "record_payment", D(2026, 3, 3), amount="1.00")
    assert codes(database, auditor, insp) == set()
    with pytest.raises(WorkflowError):  # no pending proposal
        record(database, ins, insp, "decide_blacklist", D(2026, 3, 3), listed=True, document_no="x")
    assert events(database, arb) == n
    with database.read() as s:
        assert s.get(Case, arb).amount_recovered == Decimal("0.00")


def test_every_record_in_the_tables_is_carried_out() -> None:
    """The dispatch in apply_record knows every code the tables offer (no silent AssertionError)."""
    import inspect

    source = inspect.getsource(wf.apply_record)
    for kind in CaseKind:
        for code in records.RECORDS[kind]:
            assert f'code == "{code}"' in source, code
    for kind, docs in records.SERVICE_DOCUMENTS.items():
        assert set(docs) <= set(wf.DOCUMENTS), kind


def test_notes_amounts_and_clue_replies_through_records(database, actors) -> None:
    from casemgr.enums import Channel
    from casemgr.services import clues, parties

    ins = actors[Role.INSPECTOR]
    with database.write() as s:
        r = clues.record_clue(
            s,
            ins,
            clues.ClueInput(
                channel=Channel.HOTLINE_12345,
                external_ref="12345-2026-0301",
                received_on=D(2026, 3, 2),
                reply_due_on=D(2026, 3, 12),
                employer=parties.EmployerInput(
                    name="汕尾来件测试单位", uscc=helpers.make_uscc(77), district="城区"
                ),
                worker=parties.PersonInput(
                    name="来件工人", id_number=helpers.make_id(7701), migrant_worker=True
                ),
                amount_claimed="6000.00",
            ),
            today=D(2026, 3, 2),
        )
        cid = r.case_id
    assert {"add_note", "update_amounts", "record_reply"} <= codes(database, ins, cid)
    record(database, ins, cid, "add_note", D(2026, 3, 3), note="电话联系用人单位，约定周五到场")
    # 120 workers: now collective and supervised, and the supervision clock starts that day.
    record(database, ins, cid, "update_amounts", D(2026, 3, 5), amount_claimed="720000.00", workers=120)
    with database.read() as s:
        c = s.get(Case, cid)
        assert (c.workers, c.amount_claimed, c.collective, c.supervised) == (
            120,
            Decimal("720000.00"),
            True,
            True,
        )
    assert clock_state(database, cid, "insp.supervision") == ("running", D(2026, 3, 20))
    with pytest.raises(NotFoundError) as exc:  # another channel's number
        record(database, ins, cid, "record_reply", D(2026, 3, 10), external_ref="12345-2026-9999")
    assert "12345-2026-9999" in str(exc.value)
    record(database, ins, cid, "record_reply", D(2026, 3, 10), external_ref="12345-2026-0301")
    assert clock_state(database, cid, "insp.clue_reply")[0] == "met"
    assert "record_reply" not in codes(database, ins, cid)
    with database.read() as s:
        notes = (
            s.execute(select(Event.note).where(Event.case_id == cid, Event.kind == "note")).scalars().all()
        )
        assert notes == ["电话联系用人单位，约定周五到场"]
