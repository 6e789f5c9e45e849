"""双随机一公开 (issue 17): inspection plans, the recorded draw, its re-run, the results.

Why the draw is built this way: 国办发〔2015〕58号 asks that objects and inspectors be drawn at
random "通过摇号等方式" and that the procedure be public. A draw that nobody can repeat proves
nothing, so the seed is fixed — and written to the audit chain — *before* the pools are read,
and the draw's entry holds every input (the sorted pool ids, their SHA-256, the conflicts,
the sample size, the algorithm) and its outcome. :func:`verify` re-runs the draw from that
entry alone (casemgr.services.draw_algo) and compares it with the entry and with the rows.

A drawn plan is never drawn again: a second draw is refused (the plan is the record); a new
plan is the way to draw anew, and the old one stays for anyone to check.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import case as sql_case
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from casemgr import audit, permissions
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.errors import NotFoundError, PermissionDenied, ValidationError, WorkflowError
from casemgr.models import (
    AuditEntry,
    Case,
    Employer,
    InspectionItem,
    InspectionPlan,
    PlanInspection,
    PlanInspector,
    User,
    utcnow,
)
from casemgr.services import draw_algo, draw_pools

MANAGE = "inspection_plan.manage"
RECORD = "inspection.record"
MIN_TEAM = 2  # 劳动保障监察条例 Art. 16: 调查、检查 by at least two 劳动保障监察员
RESULTS = ("no_problem", "corrected", "case_opened")


@dataclass(frozen=True)
class PlanInput:
    name: str
    period_start: dt.date
    period_end: dt.date
    item_ids: tuple[int, ...]
    district: str | None = None
    industry: str | None = None
    sample_count: int | None = None
    sample_percent: int | None = None
    team_size: int = MIN_TEAM


def _plan(session: Session, plan_id: int) -> InspectionPlan:
    plan = session.get(InspectionPlan, plan_id)
    if plan is None:
        raise NotFoundError("没有这个抽查计划。", "No such inspection plan.")
    return plan


def _log(session: Session, actor: Actor, action: str, plan_id: int, after: object) -> AuditEntry:
    return audit.record(
        session, user_id=actor.user_id, username=actor.username, action=action,
        entity="inspection_plan", entity_id=plan_id, after=after,
    )  # fmt: skip


def _check(session: Session, data: PlanInput) -> None:
    def bad(zh: str, en: str, f: str) -> ValidationError:
        return ValidationError(zh, en, field=f)

    if not data.name.strip() or len(data.name.strip()) > 100:
        raise bad(
            "请填写计划名称（不超过 100 个字）。",
            "Please enter a plan name (at most 100 characters).",
            "name",
        )
    if data.period_end < data.period_start:
        raise bad("检查期间的结束日期早于开始日期。", "The period ends before it starts.", "period_end")
    if not data.item_ids:
        raise bad("请至少选择一个抽查事项。", "Please choose at least one inspection item.", "item_ids")
    known = set(session.scalars(select(InspectionItem.id).where(InspectionItem.id.in_(data.item_ids))))
    if known != set(data.item_ids):
        raise bad("所选抽查事项不在清单中。", "A chosen item is not on the inspection-item list.", "item_ids")
    if (data.sample_count is None) == (data.sample_percent is None):
        raise bad(
            "请填写抽取家数或抽取比例（二选一）。", "Give either a number or a share of employers.", "sample"
        )
    if data.sample_count is not None and data.sample_count < 1:
        raise bad("抽取家数至少为 1。", "Draw at least one employer.", "sample_count")
    if data.sample_percent is not None and not 1 <= data.sample_percent <= 100:
        raise bad(
            "抽取比例应在 1% 到 100% 之间。", "The share must be between 1 % and 100 %.", "sample_percent"
        )
    if not MIN_TEAM <= data.team_size <= 10:
        raise bad(
            "每次检查的执法人员不得少于 2 人（《劳动保障监察条例》第十六条）。",
            "Each inspection needs at least 2 inspectors (劳动保障监察条例 Art. 16).",
            "team_size",
        )


def create_plan(session: Session, actor: Actor, data: PlanInput) -> int:
    permissions.require(actor, MANAGE)
    _check(session, data)
    if session.scalar(select(InspectionPlan.id).where(InspectionPlan.name == data.name.strip())):
        raise ValidationError("已有同名抽查计划。", "A plan of that name exists.", field="name")
    plan = InspectionPlan(
        name=data.name.strip(), period_start=data.period_start, period_end=data.period_end,
        item_ids=json.dumps(sorted(data.item_ids)), district=data.district or None,
        industry=data.industry or None, sample_count=data.sample_count,
        sample_percent=data.sample_percent, team_size=data.team_size, status="draft",
        created_by_id=actor.user_id,
    )  # fmt: skip
    session.add(plan)
    session.flush()
    _log(session, actor, "inspection_plan.create", plan.id, _plan_facts(plan))
    return plan.id


def _plan_facts(plan: InspectionPlan) -> dict[str, object]:
    return {
        "name": plan.name, "period": [plan.period_start, plan.period_end],
        "items": json.loads(plan.item_ids), "district": plan.district, "industry": plan.industry,
        "sample_count": plan.sample_count, "sample_percent": plan.sample_percent,
        "team_size": plan.team_size,
    }  # fmt: skip


def fix_seed(session: Session, actor: Actor, plan_id: int, seed: object, source: object) -> None:
    """Record the seed before any pool is read: published beforehand (a number read out at a
    public draw, a lottery result) and stated with its source, so it was not chosen after
    looking at the outcome."""
    permissions.require(actor, MANAGE)
    plan = _plan(session, plan_id)
    if plan.status != "draft":
        raise WorkflowError("这个计划的随机种子已经确定，不能更改。", "This plan's seed is already fixed.")
    text = str(seed or "").strip()
    where = str(source or "").strip()
    if not 4 <= len(text) <= 200:
        raise ValidationError(
            "随机种子应为 4 到 200 个字符。", "The seed must be 4 to 200 characters.", field="seed"
        )
    if not where or len(where) > 200:
        raise ValidationError("请说明随机种子的来源（不超过 200 个字）。", "Please state where the seed comes from.",
                              field="seed_source")  # fmt: skip
    entry = _log(session, actor, "inspection_plan.seed", plan.id, {"seed": text, "seed_source": where})
    plan.seed, plan.seed_source, plan.seed_audit_id, plan.status = text, where, entry.id, "seeded"


def draw(session: Session, actor: Actor, plan_id: int, *, today: dt.date) -> list[tuple[int, list[int]]]:
    permissions.require(actor, MANAGE)
    plan = _plan(session, plan_id)
    if plan.status == "drawn":
        raise WorkflowError(
            "这个计划已经抽取过，不能重新抽取；如需重新抽取，请新建计划并说明原因。",
            "This plan has been drawn; it cannot be drawn again. Make a new plan, stating why.",
        )
    if plan.status != "seeded" or not plan.seed:
        raise WorkflowError("请先确定并记录随机种子。", "Fix and record the seed first.")
    employers = draw_pools.employer_pool(session, plan.district, plan.industry)
    inspectors = draw_pools.inspector_pool(session)
    n = draw_algo.sample_size(len(employers), plan.sample_count, plan.sample_percent)
    if n == 0:
        raise WorkflowError(
            "检查对象名录库中没有符合条件的用人单位。", "No employer in the pool matches the plan."
        )
    inp = draw_algo.DrawInputs(
        seed=plan.seed, employer_ids=tuple(employers), inspector_ids=tuple(inspectors),
        conflicts=tuple(draw_algo.conflict_keys(draw_pools.conflicts(session))),
        n=n, team_size=plan.team_size,
    )  # fmt: skip
    try:
        result = draw_algo.run(inp)
    except draw_algo.DrawImpossible as e:
        name = session.scalar(select(Employer.name).where(Employer.id == e.employer_id))
        raise WorkflowError(
            f"执法检查人员不足：{name} 只有 {e.eligible} 名无需回避的执法人员，每组需要 {plan.team_size} 名。",
            f"Too few inspectors: {name} has {e.eligible} without a conflict; a team needs {plan.team_size}.",
        ) from None
    rec = draw_algo.record_of(inp, result)
    rec["plan"] = _plan_facts(plan)
    rec["seed_entry"] = plan.seed_audit_id
    rec["drawn_on"] = today
    entry = _log(session, actor, "inspection_plan.draw", plan.id, rec)
    for rank, (employer_id, team) in enumerate(result, start=1):
        row = PlanInspection(plan_id=plan.id, employer_id=employer_id, rank=rank, result="pending")
        row.team = [PlanInspector(user_id=u, position=i) for i, u in enumerate(team)]
        session.add(row)
    plan.drawn_on, plan.draw_record = today, entry.after
    plan.status, plan.algorithm, plan.draw_audit_id, plan.drawn_at = (
        "drawn",
        inp.algorithm,
        entry.id,
        utcnow(),
    )
    session.flush()
    return result


# --------------------------------------------------------------------------- verify


@dataclass
class Verification:
    plan_id: int
    algorithm: str | None = None
    seed: str | None = None
    employer_pool_sha256: str | None = None
    recorded: list[tuple[int, list[int]]] = field(default_factory=list)
    rerun: list[tuple[int, list[int]]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (zh, en)

    @property
    def ok(self) -> bool:
        return not self.problems


def _entry_intact(entry: AuditEntry) -> bool:
    """The entry's own hash over what it says now (its chain link is audit.verify_chain's)."""
    return entry.hash == audit.entry_hash(
        entry.prev_hash, entry.at, entry.user_id, entry.username, entry.action, entry.entity,
        entry.entity_id, entry.before, entry.after, entry.state,
    )  # fmt: skip


def verify_record(rec: dict[str, object]) -> tuple[list[tuple[int, list[int]]], list[tuple[str, str]]]:
    """Re-run a draw from its recorded inputs alone: (the re-run, the problems found)."""
    problems: list[tuple[str, str]] = []
    try:
        inp, bad = draw_algo.inputs_from_record(rec)
        rerun = draw_algo.run(inp)
        # a third party's file: a malformed result is an unreadable record, not a traceback
        recorded = [(int(e), [int(u) for u in team]) for e, team in rec.get("result", [])]  # type: ignore[union-attr]
    except (KeyError, TypeError, ValueError, AttributeError, draw_algo.DrawImpossible):
        return [], [("抽取记录不完整或无法读取。", "The draw's record is incomplete or unreadable.")]
    for name in bad:
        problems.append(
            (
                f"记录的输入与其 SHA-256 不符（{name}）。",
                f"A recorded input does not match its SHA-256 ({name}).",
            )
        )
    if recorded != rerun:
        problems.append(
            ("按记录的输入重新抽取，结果与记录不同。", "Re-running the recorded inputs gives another result.")
        )
    return rerun, problems


def verify(session: Session, actor: Actor, plan_id: int) -> Verification:
    """Reads the audit trail, so it is for those who may (audit.view); a third party re-runs the
    published record instead (:func:`verify_record`, docs/prevention.md §3). Writes nothing."""
    permissions.require(actor, "audit.view")
    plan = _plan(session, plan_id)
    out = Verification(plan_id=plan.id, algorithm=plan.algorithm, seed=plan.seed)
    if plan.status != "drawn" or plan.draw_audit_id is None:
        out.problems.append(("这个计划尚未抽取。", "This plan has not been drawn."))
        return out
    entry = session.get(AuditEntry, plan.draw_audit_id)
    seed_entry = session.get(AuditEntry, plan.seed_audit_id) if plan.seed_audit_id else None
    if entry is None or entry.action != "inspection_plan.draw" or entry.entity_id != str(plan.id):
        out.problems.append(("找不到这次抽取的审计记录。", "The draw's audit entry is missing."))
        return out
    if not _entry_intact(entry) or (seed_entry is not None and not _entry_intact(seed_entry)):
        out.problems.append(("抽取的审计记录被改动过。", "The draw's audit entry was altered."))
    rec = json.loads(entry.after or "{}")
    out.employer_pool_sha256 = rec.get("employer_pool_sha256")
    out.recorded = [(int(e), [int(u) for u in t]) for e, t in rec.get("result", [])]
    out.rerun, problems = verify_record(rec)
    out.problems += problems
    seed_rec = json.loads(seed_entry.after or "{}") if seed_entry is not None else {}
    if seed_entry is None or seed_entry.id >= entry.id or seed_rec.get("seed") != rec.get("seed"):
        out.problems.append(("随机种子没有在抽取之前记录。", "The seed was not recorded before the draw."))
    if rec.get("seed") != plan.seed:
        out.problems.append(("计划中的随机种子与记录不同。", "The plan's seed differs from the record."))
    if plan.draw_record != entry.after:
        out.problems.append(
            (
                "计划中保存的抽取记录与审计记录不同。",
                "The plan's copy of the draw record differs from the audit entry.",
            )
        )
    rows = [(i.employer_id, [m.user_id for m in i.team]) for i in plan.inspections]
    if rows != out.recorded:
        out.problems.append(
            (
                "计划中的检查对象或人员与抽取记录不同。",
                "The plan's employers or teams differ from the draw's record.",
            )
        )
    return out


def draw_record(session: Session, plan_id: int) -> dict[str, object] | None:
    """The JSON a third party re-runs (``casemgr draw verify --record-out``): the plan's copy of
    the audit entry (readable by every user; verify() holds the two to each other)."""
    plan = _plan(session, plan_id)
    return json.loads(plan.draw_record) if plan.draw_record else None


# --------------------------------------------------------------------------- results


def record_result(
    session: Session, actor: Actor, inspection_id: int, *, inspected_on: dt.date, result: str,
    note: object = None, case_id: int | None = None, case_number: str | None = None, today: dt.date,
) -> None:  # fmt: skip
    """检查情况 of one drawn inspection: by a member of its team, or a supervisor."""
    permissions.require(actor, RECORD)
    row = session.get(PlanInspection, inspection_id)
    if row is None:
        raise NotFoundError("没有这次检查。", "No such inspection.")
    if actor.role == Role.INSPECTOR and actor.user_id not in {m.user_id for m in row.team}:
        raise PermissionDenied(
            "只有抽中的执法人员和科长可以登记这次检查的情况。",
            "Only the drawn inspectors and supervisors may record this inspection.",
            code="permission",
        )
    if result not in RESULTS:
        raise ValidationError("请选择检查结果。", "Please choose a result.", field="result")
    plan = session.get(InspectionPlan, row.plan_id)
    assert plan is not None
    if inspected_on > today:
        raise ValidationError(
            "检查日期不能晚于今天。", "The inspection date cannot be in the future.", field="inspected_on"
        )
    if inspected_on < plan.period_start or (plan.drawn_on is not None and inspected_on < plan.drawn_on):
        raise ValidationError(
            "检查日期早于计划的检查期间或抽取日期。",
            "The date is before the plan's period or before the draw.",
            field="inspected_on",
        )
    if case_number and case_number.strip():
        case_id = session.scalar(select(Case.id).where(Case.number == case_number.strip()))
        if case_id is None:
            raise ValidationError("没有这个案号的案件。", "No case has that number.", field="case_id")
    if case_id is not None:
        case = session.get(Case, case_id)
        if case is None or case.kind != CaseKind.INSPECTION.value or case.employer_id != row.employer_id:
            raise ValidationError(
                "关联的案件应为这家单位的劳动保障监察案件。",
                "The linked case must be an inspection case against this employer.",
                field="case_id",
            )
    if result != "case_opened":
        case_id = None
    text = str(note or "").strip() or None
    if text and len(text) > 2000:
        raise ValidationError(
            "说明不能超过 2000 个字。", "The note may be at most 2000 characters.", field="note"
        )
    row.inspected_on, row.result, row.note, row.case_id = inspected_on, result, text, case_id
    row.recorded_by_id, row.recorded_at = actor.user_id, utcnow()
    session.flush()
    audit.record(
        session, user_id=actor.user_id, username=actor.username, action="inspection.record",
        entity="inspection_plan", entity_id=row.plan_id,
        after={"inspection": row.id, "employer_id": row.employer_id, "inspected_on": inspected_on,
               "result": result, "case_id": case_id, "note": text},
    )  # fmt: skip


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class PlanRow:
    id: int
    name: str
    period_start: dt.date
    period_end: dt.date
    status: str
    drawn: int
    done: int


@dataclass(frozen=True)
class InspectionRow:
    id: int
    rank: int
    employer_id: int
    employer: str
    district: str | None
    industry: str | None
    team: tuple[str, ...]
    team_ids: tuple[int, ...]
    result: str
    inspected_on: dt.date | None
    note: str | None
    case_id: int | None
    case_number: str | None


def may_view(actor: Actor) -> bool:
    """Plans, their teams and results: for those who draw and record them (supervisors,
    inspectors) and those who verify them (auditor, administrator). Other roles have no part."""
    return permissions.allowed(actor, "audit.view") or permissions.allowed(actor, RECORD)


def require_view(actor: Actor) -> None:
    if not may_view(actor):
        permissions.require(actor, RECORD)


def list_plans(session: Session, actor: Actor) -> list[PlanRow]:
    require_view(actor)
    done = func.sum(sql_case((PlanInspection.result != "pending", 1), else_=0))
    rows = session.execute(
        select(InspectionPlan, func.count(PlanInspection.id), done)
        .outerjoin(PlanInspection, PlanInspection.plan_id == InspectionPlan.id)
        .group_by(InspectionPlan.id)
        .order_by(InspectionPlan.id.desc())
    ).all()
    return [
        PlanRow(p.id, p.name, p.period_start, p.period_end, p.status, int(n or 0), int(d or 0))
        for p, n, d in rows
    ]


def plan_detail(session: Session, actor: Actor, plan_id: int) -> tuple[InspectionPlan, list[InspectionRow]]:
    require_view(actor)
    plan = _plan(session, plan_id)
    rows = session.execute(
        select(PlanInspection, Employer.name, Employer.district, Employer.industry, Case.number)
        .join(Employer, Employer.id == PlanInspection.employer_id)
        .outerjoin(Case, Case.id == PlanInspection.case_id)
        .where(PlanInspection.plan_id == plan.id)
        .order_by(PlanInspection.rank)
        .options(selectinload(PlanInspection.team))  # one query for every team, not one per row
    ).all()
    team_ids = {m.user_id for i, *_rest in rows for m in i.team}
    names = dict(session.execute(select(User.id, User.display_name).where(User.id.in_(team_ids))).all())
    out = [
        InspectionRow(
            i.id,
            i.rank,
            i.employer_id,
            name,
            district,
            industry,
            tuple(names.get(m.user_id, "?") for m in i.team),
            tuple(m.user_id for m in i.team),
            i.result,
            i.inspected_on,
            i.note,
            i.case_id,
            number,
        )
        for i, name, district, industry, number in rows
    ]
    return plan, out
