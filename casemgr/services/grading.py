"""守法诚信等级评价 (issue 17): the yearly run, the facts an inspector records, confirmation.

The rules are :mod:`casemgr.grading.rules`; this module collects each employer's evidence of
the evaluated year from the case file in a few set-based queries (a year's run touches every
employer in the register, so nothing here loops over cases one by one), stores the
proposals, and lets a supervisor confirm them — one by one, or all unchanged proposals of a
filtered list at once — or change one with a reason. Every write is audited in its own
transaction. Permissions: ``grading.propose`` (inspectors and supervisors: run, record facts)
and ``grading.confirm`` (supervisors), per docs/permissions.md.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, bindparam, func, insert, literal, select, update
from sqlalchemy.orm import Session

from casemgr import audit, clock, permissions
from casemgr.actor import Actor
from casemgr.enums import CaseKind, EventKind
from casemgr.errors import ConflictError, NotFoundError, ValidationError
from casemgr.grading import rules
from casemgr.grading.rules import Evidence, Fact, FactKind, Finding, Grade, Refusal
from casemgr.models import Case, Employer, EmployerGrade, Event, GradingFact, utcnow
from casemgr.queries.grading import CONFIRMED, PROPOSED, GradeFilter, apply_filter

PROPOSE, CONFIRM = "grading.propose", "grading.confirm"
ENTITY = "employer_grade"


@dataclass(frozen=True)
class RunResult:
    year: int
    by_grade: dict[str, int]  # proposals written or rewritten by this run
    kept: int  # confirmed grades the run left as they were


def _bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _check_year(year: int, today: dt.date) -> None:
    """The 办法 grades the previous year's record: a year not yet over cannot be graded."""
    if not 2000 <= year < today.year:
        raise ValidationError(
            f"只能评价已经结束的年度（{today.year - 1}年及以前）。",
            f"Only a year that has ended can be graded ({today.year - 1} or earlier).",
            field="year",
        )


def collect(session: Session, year: int, employer_ids: set[int] | None = None) -> dict[int, Evidence]:
    """Evidence of ``year`` per employer that has any; the others have none (grade A)."""
    first, last = _bounds(year)
    findings: dict[int, list[Finding]] = defaultdict(list)
    refusals: dict[int, list[Refusal]] = defaultdict(list)
    facts: dict[int, list[Fact]] = defaultdict(list)
    first_act = (
        select(Event.case_id, func.min(Event.occurred_on).label("on"))
        .where(Event.kind == EventKind.TRANSITION.value, Event.action.in_(rules.FINDING_ACTS))
        .group_by(Event.case_id)
        .subquery()
    )
    q = (
        select(Case.employer_id, Case.id, Case.number, Case.collective, first_act.c.on)
        .join(first_act, first_act.c.case_id == Case.id)
        .where(
            Case.kind == CaseKind.INSPECTION.value,
            Case.employer_id.is_not(None),
            first_act.c.on.between(first, last),
        )
    )
    if employer_ids is not None:
        q = q.where(Case.employer_id.in_(employer_ids))
    for emp, cid, number, collective, on in session.execute(q):
        findings[emp].append(Finding(cid, number or str(cid), on, bool(collective)))
    q = (
        select(Case.employer_id, Case.id, Case.number, Event.action, Event.occurred_on, Event.data)
        .join(Case, Case.id == Event.case_id)
        .where(
            Case.kind == CaseKind.INSPECTION.value,
            Case.employer_id.is_not(None),
            Event.kind == EventKind.TRANSITION.value,
            Event.action.in_(("penalty_decision", "refer_police")),
            Event.occurred_on.between(first, last),
        )
    )
    if employer_ids is not None:
        q = q.where(Case.employer_id.in_(employer_ids))
    for emp, cid, number, action, on, data in session.execute(q):
        if action == "penalty_decision":
            fields = json.loads(data) if data else {}
            if fields.get("compensation_rate") in (None, ""):
                continue  # a penalty without 加付赔偿金 says nothing about an unmet order
            refusals[emp].append(Refusal("extra_compensation", on, cid, number))
        else:
            refusals[emp].append(Refusal("police", on, cid, number))
    q = select(Employer.id, Employer.blacklisted_on).where(Employer.blacklisted_on.between(first, last))
    if employer_ids is not None:
        q = q.where(Employer.id.in_(employer_ids))
    for emp, on in session.execute(q):
        refusals[emp].append(Refusal("blacklist", on))
    q = select(GradingFact).where(GradingFact.occurred_on.between(first, last))
    if employer_ids is not None:
        q = q.where(GradingFact.employer_id.in_(employer_ids))
    for f in session.execute(q).scalars():
        facts[f.employer_id].append(Fact(f.id, FactKind(f.kind), f.occurred_on, f.note))
    ids = set(findings) | set(refusals) | set(facts)
    return {e: Evidence(year, tuple(findings[e]), tuple(refusals[e]), tuple(facts[e])) for e in sorted(ids)}


def _reasons_json(p: rules.Proposal) -> str:
    return json.dumps([r.as_dict() for r in p.reasons], ensure_ascii=False)


def run(session: Session, actor: Actor, year: int, *, today: dt.date | None = None) -> RunResult:
    """Propose a grade for every employer in the register for ``year``.

    Proposals not yet confirmed are rewritten (a fact recorded since, or a case decided late,
    changes them); confirmed grades are kept — changing one is a supervisor's act with a reason.
    """
    permissions.require(actor, PROPOSE)
    today = today or clock.today()
    _check_year(year, today)
    now = utcnow()
    evidence = collect(session, year)
    existing = {
        e: (gid, status)
        for gid, e, status in session.execute(
            select(EmployerGrade.id, EmployerGrade.employer_id, EmployerGrade.status).where(
                EmployerGrade.year == year
            )
        )
    }
    counts = {g.value: 0 for g in Grade}
    kept = 0
    new_rows: list[dict[str, object]] = []
    changed_rows: list[dict[str, object]] = []
    for emp, ev in evidence.items():
        p = rules.decide(ev)
        prior = existing.get(emp)
        if prior is not None and prior[1] == CONFIRMED:
            kept += 1
            continue
        counts[p.grade.value] += 1
        values = {"proposed": p.grade.value, "grade": p.grade.value, "reasons": _reasons_json(p)}
        if prior is None:
            new_rows.append({"employer_id": emp, **values})
        else:
            changed_rows.append({"gid": prior[0], **values})
    # Core statements, many rows each: a city's year is tens of thousands of proposals, and
    # one ORM object per row kept the write lock several times longer (docs/prevention.md §2).
    table = EmployerGrade.__table__
    common = {"change_reason": None, "proposed_at": now, "proposed_by_id": actor.user_id}
    if new_rows:
        session.execute(
            insert(table).values(year=year, status=PROPOSED, version=1, **common),
            new_rows,
        )
    if changed_rows:
        session.execute(
            update(table).where(table.c.id == bindparam("gid")).values(version=table.c.version + 1, **common),
            changed_rows,
        )
    session.flush()
    # Every other employer: not 查处 in the year, so A (Art. 6). Rows of employers whose
    # evidence has gone (a fact deleted, a date corrected) go back to A as well.
    a_reasons = _reasons_json(rules.decide(Evidence(year)))
    stale = [e for e, (_, status) in existing.items() if e not in evidence and status == PROPOSED]
    if stale:
        session.execute(
            update(EmployerGrade)
            .where(EmployerGrade.year == year, EmployerGrade.employer_id.in_(stale))
            .values(
                proposed="A",
                grade="A",
                reasons=a_reasons,
                change_reason=None,
                proposed_at=now,
                proposed_by_id=actor.user_id,
                version=EmployerGrade.version + 1,
            )
            .execution_options(synchronize_session=False)
        )
    kept += sum(1 for e, (_, status) in existing.items() if e not in evidence and status == CONFIRMED)
    t = EmployerGrade.__table__
    missing = (
        select(
            Employer.id,
            # typed, so PostgreSQL knows each parameter's type (a bare None would be text)
            literal(year, t.c.year.type),
            literal("A", t.c.proposed.type),
            literal(a_reasons, t.c.reasons.type),
            literal("A", t.c.grade.type),
            literal(PROPOSED, t.c.status.type),
            literal(now, t.c.proposed_at.type),
            literal(actor.user_id, t.c.proposed_by_id.type),
            literal(1, t.c.version.type),
        )
        .outerjoin(EmployerGrade, and_(EmployerGrade.employer_id == Employer.id, EmployerGrade.year == year))
        .where(EmployerGrade.id.is_(None))
    )
    # Counted first: the driver's rowcount of an INSERT … SELECT is not reliable everywhere.
    inserted = session.execute(select(func.count()).select_from(missing.subquery())).scalar_one()
    session.execute(
        insert(EmployerGrade).from_select(
            [
                "employer_id",
                "year",
                "proposed",
                "reasons",
                "grade",
                "status",
                "proposed_at",
                "proposed_by_id",
                "version",
            ],
            missing,
        )
    )
    counts["A"] += len(stale) + int(inserted)
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="grading.run",
        entity="grading_year",
        entity_id=year,
        after={"year": year, "proposed": counts, "kept_confirmed": kept},
    )
    return RunResult(year, counts, kept)


def record_fact(
    session: Session,
    actor: Actor,
    employer_id: int,
    kind: FactKind | str,
    occurred_on: dt.date,
    note: str,
    *,
    case_id: int | None = None,
    today: dt.date | None = None,
) -> int:
    """An Art. 6 C fact the case file cannot show; the year's proposal, if open, follows it."""
    permissions.require(actor, PROPOSE)
    today = today or clock.today()
    try:
        kind = FactKind(kind)
    except ValueError:
        raise ValidationError("请选择情形。", "Choose what happened.", field="kind") from None
    note = (note or "").strip()
    if len(note) < 4:
        raise ValidationError(
            "请写明事实和依据（文书编号、来源），至少四个字。",
            "Describe the fact and its source (document number, who reported it).",
            field="note",
        )
    if occurred_on > today:
        raise ValidationError(
            "事实发生日期不能晚于今天。", "The date cannot be in the future.", field="occurred_on"
        )
    if session.get(Employer, employer_id) is None:
        raise NotFoundError("找不到该用人单位。", "No such employer.")
    f = GradingFact(
        employer_id=employer_id,
        kind=kind.value,
        occurred_on=occurred_on,
        note=note,
        case_id=case_id,
        recorded_by_id=actor.user_id,
    )
    session.add(f)
    session.flush()
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="grading.fact",
        entity="grading_fact",
        entity_id=f.id,
        after={"employer_id": employer_id, "kind": kind.value, "occurred_on": occurred_on, "note": note},
    )
    _repropose(session, actor, employer_id, occurred_on.year)
    return f.id


def _repropose(session: Session, actor: Actor, employer_id: int, year: int) -> None:
    g = session.execute(
        select(EmployerGrade).where(EmployerGrade.employer_id == employer_id, EmployerGrade.year == year)
    ).scalar_one_or_none()
    if g is None or g.status != PROPOSED:
        return
    ev = collect(session, year, {employer_id}).get(employer_id, Evidence(year))
    p = rules.decide(ev)
    g.proposed = g.grade = p.grade.value
    g.reasons = _reasons_json(p)
    g.proposed_at = utcnow()
    g.proposed_by_id = actor.user_id
    session.flush()


def _load(session: Session, grade_id: int, expected_version: int | None) -> EmployerGrade:
    g = session.get(EmployerGrade, grade_id)
    if g is None:
        raise NotFoundError("找不到该评价记录。", "No such grading record.")
    if expected_version is not None and g.version != expected_version:
        raise ConflictError(
            "该评价记录已被他人修改，请刷新后再操作。",
            "Someone else changed this grading record; refresh and try again.",
        )
    return g


def _snapshot(g: EmployerGrade) -> dict[str, object]:
    return {
        "employer_id": g.employer_id,
        "year": g.year,
        "proposed": g.proposed,
        "grade": g.grade,
        "status": g.status,
        "change_reason": g.change_reason,
    }


def confirm(session: Session, actor: Actor, grade_id: int, *, expected_version: int | None = None) -> None:
    """The supervisor confirms the proposal as it stands."""
    permissions.require(actor, CONFIRM)
    g = _load(session, grade_id, expected_version)
    if g.status == CONFIRMED:
        raise ValidationError("该等级已经确定。", "This grade is already confirmed.")
    before = _snapshot(g)
    g.status = CONFIRMED
    g.confirmed_at = utcnow()
    g.confirmed_by_id = actor.user_id
    session.flush()
    audit.record(session, user_id=actor.user_id, username=actor.username, action="grading.confirm",
                 entity=ENTITY, entity_id=g.id, before=before, after=_snapshot(g))  # fmt: skip


def change(
    session: Session,
    actor: Actor,
    grade_id: int,
    grade: Grade | str,
    reason: str,
    *,
    expected_version: int | None = None,
) -> None:
    """Set a grade other than the proposal (or revise a confirmed one on review), with a reason.

    The result is confirmed: the supervisor who decides the grade is the one who confirms it.
    """
    permissions.require(actor, CONFIRM)
    try:
        grade = Grade(grade)
    except ValueError:
        raise ValidationError("等级只能是A、B或C。", "The grade must be A, B or C.", field="grade") from None
    reason = (reason or "").strip()
    g = _load(session, grade_id, expected_version)
    if grade.value == g.grade and g.status == CONFIRMED:
        raise ValidationError("等级没有变化。", "The grade is unchanged.", field="grade")
    if grade.value != g.proposed and len(reason) < 4:
        raise ValidationError(
            "改变评价意见必须写明理由（至少四个字）。",
            "Changing the proposed grade needs a reason (at least four characters).",
            field="reason",
        )
    before = _snapshot(g)
    g.grade = grade.value
    g.change_reason = reason or None
    g.status = CONFIRMED
    g.confirmed_at = utcnow()
    g.confirmed_by_id = actor.user_id
    session.flush()
    audit.record(session, user_id=actor.user_id, username=actor.username, action="grading.change",
                 entity=ENTITY, entity_id=g.id, before=before, after=_snapshot(g))  # fmt: skip


def confirm_all(session: Session, actor: Actor, f: GradeFilter) -> int:
    """Confirm every unconfirmed proposal the filtered list shows, as proposed; one audit entry
    names the year, the filter and every record confirmed."""
    permissions.require(actor, CONFIRM)
    q = select(EmployerGrade.id).join(Employer, Employer.id == EmployerGrade.employer_id)
    q = apply_filter(q, f).where(
        EmployerGrade.status == PROPOSED, EmployerGrade.grade == EmployerGrade.proposed
    )
    ids = list(session.execute(q.order_by(EmployerGrade.id)).scalars())
    now = utcnow()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(
            update(EmployerGrade)
            .where(EmployerGrade.id.in_(chunk), EmployerGrade.status == PROPOSED)
            .values(
                status=CONFIRMED,
                confirmed_at=now,
                confirmed_by_id=actor.user_id,
                version=EmployerGrade.version + 1,
            )
            .execution_options(synchronize_session=False)
        )
    if ids:
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="grading.confirm_all",
            entity="grading_year",
            entity_id=f.year,
            after={
                "year": f.year,
                "filter": {"grade": f.grade, "district": f.district, "text": f.text},
                "confirmed": len(ids),
                "ids": ids,
            },
        )
    return len(ids)
