"""A failed or expired mediation handed to arbitration, and the links between cases."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import clock, permissions, validation
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ClaimType, EventKind, PartyRole, Role
from casemgr.errors import NotFoundError, WorkflowError
from casemgr.models import Case
from casemgr.services import cases, parties
from casemgr.services.workflow.common import audit_case
from casemgr.workflow.mediation import HANDOVER_STATES


def hand_to_arbitration(
    session: Session,
    actor: Actor,
    mediation_case_id: int,
    *,
    received_on: dt.date,
    expected_version: int | None,
) -> Case:
    """A failed or expired mediation becomes an arbitration application, pre-filled and linked.

    The arbitration points at the mediation (``source_case_id``); the mediation's timeline
    records the arbitration's id and number, so the link is visible from both sides.
    """
    med = cases.load_case_for_update(session, mediation_case_id, expected_version)
    if med.kind != CaseKind.MEDIATION.value:
        raise WorkflowError(
            "只有调解案件可以转仲裁。", "Only a mediation can be handed to arbitration.", field="case"
        )
    permissions.require(actor, "case.transition", CaseKind.MEDIATION)
    if med.status not in HANDOVER_STATES:
        raise WorkflowError(
            "只有调解不成或期满未达成协议的案件可以转仲裁。",
            "Only a failed or expired mediation can be handed to arbitration.",
            field="code",
            code="illegal_transition",
        )
    existing = session.execute(
        select(Case.number).where(Case.source_case_id == med.id, Case.kind == CaseKind.ARBITRATION.value)
    ).scalar()
    if existing:
        raise WorkflowError(
            f"该调解案件已转为仲裁案件 {existing}。",
            f"Already handed to arbitration as {existing}.",
            field="case",
        )
    persons = []
    index: dict[int, int] = {}
    for cp in med.parties:
        if cp.person is None:
            continue
        p = cp.person
        index[p.id] = len(persons)
        persons.append(
            cases.PartyLink(
                parties.PersonInput(
                    name=p.name,
                    id_number=p.id_number,
                    phone=p.phone,
                    migrant_worker=p.migrant_worker,
                    address=p.address,
                ),
                PartyRole(cp.role),
            )
        )
    emp = med.employer
    employer = (
        parties.EmployerInput(
            name=emp.name,
            uscc=emp.uscc,
            legal_rep=emp.legal_rep,
            district=emp.district,
            industry=emp.industry,
            address=emp.address,
            phone=emp.phone,
        )
        if emp is not None
        else None
    )
    claims = [
        cases.ClaimInput(
            claim_type=ClaimType(c.claim_type),
            amount_claimed=c.amount_claimed,
            worker_index=index.get(c.person_id) if c.person_id is not None else None,
            months=c.months,
            period_from=c.period_from,
            period_to=c.period_to,
        )
        for c in med.claims
    ]
    data = cases.CaseInput(
        kind=CaseKind.ARBITRATION,
        received_on=received_on,
        employer=employer,
        persons=persons,
        claims=claims,
        district=med.district,
        workers=med.workers,
        summary=med.summary,
        employment_ended_on=med.employment_ended_on,
        green_channel_override=med.green_channel if med.green_channel_override else None,
        green_channel_reason=med.green_channel_override,
        source_case_id=med.id,
    )
    # The handover is the mediator's own step (DESIGN §1); registering the arbitration it
    # produces is part of that step, so it runs with the registering rights of the role
    # that receives it, recorded under the mediator's own name.
    registrar = (
        actor
        if permissions.allowed(actor, "case.register", CaseKind.ARBITRATION)
        else dataclasses.replace(actor, role=Role.CLERK)
    )
    arb = cases.register_case(session, registrar, data, today=max(received_on, clock.today()))
    cases.touch(med, actor)
    cases.flush_or_conflict(session, med)
    cases.add_event(
        session,
        med,
        actor,
        EventKind.NOTE,
        occurred_on=received_on,
        action="handed_to_arbitration",
        data={"arbitration_case_id": arb.id, "arbitration_number": arb.number},
    )
    audit_case(session, actor, "case.hand_to_arbitration", med, None, {"arbitration_case_id": arb.id})
    return arb


def linked_cases(session: Session, case_id: int) -> list[tuple[int, str, str]]:
    """(id, number, kind) of the cases this one came from or led to, both directions."""
    case = session.get(Case, case_id) if validation.is_valid_id(case_id) else None
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    out = []
    if case.source_case_id is not None:
        src = session.get(Case, case.source_case_id)
        if src is not None:
            out.append((src.id, src.number, src.kind))
    for row in session.execute(select(Case.id, Case.number, Case.kind).where(Case.source_case_id == case.id)):
        out.append((row.id, row.number, row.kind))
    return out
