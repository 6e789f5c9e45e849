"""One demo case at every workflow stage the random walks did not reach.

Why: a demo is for showing the app, and a stage nobody can open (a suspended arbitration, a
complaint referred to the police, a refused review) cannot be shown. The path to each stage
is found in the workflow tables themselves (``casemgr.workflow.TRANSITIONS``, breadth-first
from ``received``), so a stage added to a table is covered without touching this module;
the case is registered and walked through the real services like any other demo case.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from casemgr import workflow
from casemgr.demo.walks import CaseGenerator
from casemgr.enums import CaseKind, ComplaintType, PartyRole
from casemgr.models import Case, ClaimItem
from casemgr.services import cases
from casemgr.workflow.model import PREVIOUS, TransitionDef

#: Where the shortest path in the tables meets a guard of the services: the route a clerk
#: takes instead (an award needs a hearing), and record-only steps a transition needs first.
ROUTES: dict[tuple[CaseKind, str], tuple[str, ...]] = {
    (CaseKind.ARBITRATION, "awarded"): ("accept", "form_tribunal", "schedule_hearing", "award"),
}
STEP_BEFORE = {"confirm_review": "accept_review", "refuse_review": "accept_review"}


def path_to(kind: CaseKind, target: str) -> list[TransitionDef] | None:
    """The chain of transitions from ``received`` to ``target``: the shortest in the tables
    (status-changing steps only), unless :data:`ROUTES` names the one the guards allow."""
    table = workflow.TRANSITIONS[kind]
    if (kind, target) in ROUTES:
        return [table[c] for c in ROUTES[(kind, target)]]
    path = _shortest(kind, target)
    if path is None:
        return None
    out: list[TransitionDef] = []
    for t in path:
        if t.code in STEP_BEFORE:
            out.append(table[STEP_BEFORE[t.code]])
        out.append(t)
    return out


def _shortest(kind: CaseKind, target: str) -> list[TransitionDef] | None:
    start = "received"
    if target == start:
        return []
    seen = {start}
    queue: deque[tuple[str, list[TransitionDef]]] = deque([(start, [])])
    while queue:
        state, path = queue.popleft()
        for t in workflow.TRANSITIONS[kind].values():
            if state not in t.from_states or t.to_state in (None, PREVIOUS) or t.to_state in seen:
                continue
            nxt = [*path, t]
            if t.to_state == target:
                return nxt
            seen.add(t.to_state)
            queue.append((t.to_state, nxt))
    return None


def missing_stages(gen: CaseGenerator) -> list[tuple[CaseKind, str]]:
    present = {(k, st) for k, st in gen.s.execute(select(Case.kind, Case.status).distinct())}
    return [(k, st) for k in CaseKind for st in workflow.STATES[k] if (k.value, st) not in present]


def make(gen: CaseGenerator, kind: CaseKind, target: str) -> int | None:
    """Register a recent case and walk it towards ``target``; None if it was not registered.
    A step a service refuses leaves the case where it stands (counted in ``gen.refused``)."""
    steps = path_to(kind, target)
    if steps is None:
        return None
    received = gen.today - dt.timedelta(days=14 + 4 * len(steps) + (25 if target == "awarded" else 0))
    while received.weekday() >= 5:
        received -= dt.timedelta(days=1)
    actor = gen.staff.officer(gen.rng, kind)
    data = gen.case_input(kind, received, actor)
    for _ in range(20):  # a worker's own complaint: a 举报 has no 补正 and no order to pay
        if data.complaint_type is not ComplaintType.REPORT:
            break
        data = gen.case_input(kind, received, actor)
    if target == "police":  # 拒不支付劳动报酬罪 needs a collective, unpaid case
        data = _collective(gen, data)
    holder: list[Case] = []
    if not gen.step(lambda: holder.append(cases.register_case(gen.s, actor, data, today=gen.today))):
        return None
    cid = holder[0].id
    on = received
    hearing: dt.date | None = None
    for t in steps:
        on = min(gen.today, gen.later(on, 1, 3))
        if hearing is not None:  # the award after the hearing
            on = min(gen.today, gen.later(hearing, 0, 2))
        fields = _fields(gen, cid, t, on)
        hearing = fields.get("hearing_date", hearing)
        if t.code == "refer_police" or t.code == "handling_decision":
            on = min(gen.today, max(on, gen.later(_pay_by(gen, cid) or on, 1, 2)))
        if not gen.step(
            lambda t=t, on=on, fields=fields: workflow_apply(gen, actor, cid, t.code, fields, on)
        ):
            break
    return cid


def workflow_apply(
    gen: CaseGenerator, actor: Any, cid: int, code: str, fields: dict[str, Any], on: dt.date
) -> None:
    from casemgr.services import workflow as wf

    wf.apply_transition(gen.s, actor, cid, code, fields, expected_version=None, on=on)


def _pay_by(gen: CaseGenerator, cid: int) -> dt.date | None:
    from casemgr.models import Deadline

    return gen.s.execute(
        select(Deadline.due_on).where(Deadline.case_id == cid, Deadline.rule_code == "insp.pay_order")
    ).scalar()


def _collective(gen: CaseGenerator, data: cases.CaseInput) -> cases.CaseInput:
    import dataclasses

    workers = [gen.worker(migrant=True, district=data.district) for _ in range(12)]
    links = [cases.PartyLink(w, PartyRole.COMPLAINANT) for w in workers]
    claims = [
        cases.ClaimInput(
            claim_type=data.claims[0].claim_type, amount_claimed=Decimal("9800.00"), worker_index=i
        )
        for i in range(12)
    ]
    return dataclasses.replace(
        data,
        persons=links,
        claims=claims,
        workers=None,
        summary="拖欠工资，涉及12人",
        complaint_type=ComplaintType.COMPLAINT,
    )


def _fields(gen: CaseGenerator, cid: int, t: TransitionDef, on: dt.date) -> dict[str, Any]:
    case = gen.s.get(Case, cid)
    assert case is not None
    out: dict[str, Any] = {}
    for f in t.fields:
        if not f.required:
            continue
        if f.name == "document_no":
            out[f.name] = f"汕演〔{on.year}〕{cid}-{t.code}号"
        elif f.type == "text":
            out[f.name] = "演示：" + t.code
        elif f.type == "bool":
            out[f.name] = True
        elif f.type == "choice":
            out[f.name] = "awaiting_appraisal" if "awaiting_appraisal" in f.choices else f.choices[0]
        elif f.type == "strings":
            out[f.name] = ["陈仲裁", "林仲裁", "黄仲裁"]
        elif f.type == "date":
            out[f.name] = gen.later(on, 16, 20) if f.name == "hearing_date" else gen.later(on, 7, 10)
        elif f.type == "decimal":
            out[f.name] = case.amount_claimed
        elif f.type == "int":
            out[f.name] = case.workers
        elif f.type == "items":
            out[f.name] = [
                {"claim_type": c.claim_type, "amount": c.amount_claimed, "claim_item_id": c.id}
                for c in gen.s.execute(select(ClaimItem).where(ClaimItem.case_id == cid)).scalars()
            ]
    if t.code == "order_payment":
        out["amount_ordered"] = case.amount_claimed
    return out


def blacklist(gen: CaseGenerator, ago: int) -> int | None:
    """A collective complaint whose employer ignored the order to pay and was put on the 失信名单
    (令第45号: proposal, notice served, 5 wd to object, decision), received ``ago`` days ago."""
    from casemgr.services import workflow as wf

    received = gen.later(gen.today - dt.timedelta(days=ago), 0, 0)
    actor = gen.staff.officer(gen.rng, CaseKind.INSPECTION)
    data = _collective(gen, gen.case_input(CaseKind.INSPECTION, received, actor))
    holder: list[Case] = []
    if not gen.step(lambda: holder.append(cases.register_case(gen.s, actor, data, today=gen.today))):
        return None
    cid = holder[0].id
    case = holder[0]
    acc = gen.later(received, 1, 2)
    order_on = gen.later(acc, 3, 5)
    pay_by = gen.later(order_on, 7, 7)
    propose_on = gen.later(pay_by, 2, 3)
    served = gen.later(propose_on, 1, 2)
    decide_on = gen.later(served, 12, 14)
    doc = f"汕人社监〔{order_on.year}〕{cid}号"
    steps = [
        lambda: workflow_apply(gen, actor, cid, "accept", {}, acc),
        lambda: workflow_apply(
            gen,
            actor,
            cid,
            "order_payment",
            {"document_no": f"{doc}令", "pay_by": pay_by, "amount_ordered": case.amount_claimed},
            order_on,
        ),
        lambda: wf.propose_blacklist(
            gen.s,
            actor,
            cid,
            document_no=f"{doc}提",
            ground="crime_threshold",
            on=propose_on,
            expected_version=None,
        ),
        lambda: wf.record_service(
            gen.s,
            actor,
            cid,
            document="blacklist_notice",
            method="direct",
            served_on=served,
            expected_version=None,
        ),
        lambda: wf.decide_blacklist(
            gen.s,
            actor,
            cid,
            listed=True,
            document_no=f"{doc}失",
            on=decide_on,
            expected_version=None,
        ),
        lambda: workflow_apply(
            gen, actor, cid, "penalty_decision", {"document_no": f"{doc}罚"}, gen.later(decide_on, 1, 3)
        ),
    ]
    for fn in steps:
        if not gen.step(fn):
            break
    return cid


def key_monitoring(gen: CaseGenerator, count: int) -> int:
    """The supervisor puts the employers with the most complaints under 重点监控."""
    from sqlalchemy import func

    from casemgr.services import parties

    rows = gen.s.execute(
        select(Case.employer_id, func.count(), func.max(Case.received_on))
        .where(Case.kind == CaseKind.INSPECTION.value, Case.employer_id.is_not(None))
        .group_by(Case.employer_id)
        .having(func.count() >= 2)
        .order_by(func.count().desc(), Case.employer_id)
        .limit(count)
    ).all()
    done = 0
    sup = gen.staff.supervisor
    for employer_id, _n, last in rows:
        since = min(gen.today, last + dt.timedelta(days=3))  # no draw: the walks' stream stays put
        if gen.step(
            lambda e=employer_id, d=since: parties.set_key_monitoring(gen.s, sup, e, monitored=True, since=d)
        ):
            done += 1
    return done
