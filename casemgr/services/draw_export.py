"""双随机一公开: the publication (公示) of a drawn plan, built from the draw's own record.

The pools printed are the ones the draw recorded in the audit chain, not today's tables: an
employer excluded or an inspector who left since does not change what was drawn from.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import clock, permissions, settings
from casemgr.actor import Actor
from casemgr.errors import WorkflowError
from casemgr.models import Employer, InspectionItem, User
from casemgr.reports import draw_publication as pub
from casemgr.services import draws


def publication(session: Session, actor: Actor, plan_id: int, *, today: dt.date) -> pub.Publication:
    permissions.require(actor, "data.export")
    plan, rows = draws.plan_detail(session, actor, plan_id)
    rec = draws.draw_record(session, plan_id)
    if plan.status != "drawn" or plan.drawn_at is None or rec is None:
        raise WorkflowError(
            "这个计划尚未抽取，没有可公示的内容。", "This plan has not been drawn: nothing to publish."
        )
    item_ids = json.loads(plan.item_ids)
    items = session.execute(
        select(InspectionItem.name, InspectionItem.basis)
        .where(InspectionItem.id.in_(item_ids))
        .order_by(InspectionItem.id)
    ).all()
    emp_ids, ins_ids = list(rec["employer_pool"]), list(rec["inspector_pool"])
    emp_names = dict(
        session.execute(select(Employer.id, Employer.name).where(Employer.id.in_(emp_ids))).all()
    )
    ins_names = dict(session.execute(select(User.id, User.display_name).where(User.id.in_(ins_ids))).all())
    scope = "、".join(x for x in (plan.district, plan.industry) if x) or "全部"
    scope += f"；抽取 {plan.sample_count} 家" if plan.sample_count else f"；抽取比例 {plan.sample_percent}%"
    scope += f"；每组执法人员 {plan.team_size} 名"
    return pub.Publication(
        bureau=str(settings.get(session, "bureau_name", today)),
        plan=plan.name,
        period_start=plan.period_start,
        period_end=plan.period_end,
        items=tuple((n, b) for n, b in items),
        scope=scope,
        seed=str(rec["seed"]),
        seed_source=plan.seed_source or "",
        algorithm=str(rec["algorithm"]),
        pool_size=len(emp_ids),
        pool_sha256=str(rec["employer_pool_sha256"]),
        drawn_on=plan.drawn_on or clock.local(plan.drawn_at).date(),
        rows=tuple(
            pub.PublishedRow(r.rank, r.employer, r.district, r.team, r.inspected_on, r.result, r.case_number)
            for r in rows
        ),
        printed_at=clock.now(),
        employer_pool=tuple((i, emp_names.get(i, "")) for i in emp_ids),
        inspector_pool=tuple((i, ins_names.get(i, "")) for i in ins_ids),
    )
