"""Reads of the compliance grading (守法诚信等级): the paged list, its counts, an employer's grade.

The list pages by ``(sort key, id)`` with ``LIMIT/OFFSET`` over ``employer_grades`` joined to
``employers``: a year holds a row for every employer in the register, so nothing here loads
a whole year. Rows are frozen dataclasses that cross to the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from casemgr import permissions
from casemgr.actor import Actor
from casemgr.grading.rules import Grade, Reason
from casemgr.models import Employer, EmployerGrade, User

PROPOSED, CONFIRMED = "proposed", "confirmed"


@dataclass(frozen=True)
class GradeFilter:
    year: int
    grade: str | None = None  # A / B / C
    status: str | None = None  # proposed / confirmed
    district: str | None = None
    text: str = ""  # part of the employer's name, or its credit code
    changed_only: bool = False  # the supervisor's grade differs from the proposal


@dataclass(frozen=True)
class GradeRow:
    id: int
    employer_id: int
    employer_name: str
    uscc: str | None
    legal_rep: str | None
    address: str | None
    district: str | None
    year: int
    proposed: str
    grade: str
    status: str
    reasons: tuple[Reason, ...]
    change_reason: str | None
    confirmed_by: str | None
    confirmed_at: dt.datetime | None
    version: int

    @property
    def changed(self) -> bool:
        return self.grade != self.proposed


@dataclass(frozen=True)
class YearSummary:
    year: int
    by_grade: dict[str, int]
    proposed: int
    confirmed: int
    changed: int


def parse_reasons(raw: str | None) -> tuple[Reason, ...]:
    return tuple(Reason.from_dict(d) for d in json.loads(raw)) if raw else ()


def apply_filter(q: Select[Any], f: GradeFilter) -> Select[Any]:
    q = q.where(EmployerGrade.year == f.year)
    if f.grade:
        q = q.where(EmployerGrade.grade == f.grade)
    if f.status:
        q = q.where(EmployerGrade.status == f.status)
    if f.district:
        q = q.where(Employer.district == f.district)
    if f.changed_only:
        q = q.where(EmployerGrade.grade != EmployerGrade.proposed)
    if text := f.text.strip():
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        # The matching employers first (one pass over their names), then their grades by the
        # (employer, year) key: cheaper than testing the name of every graded row in turn.
        matching = select(Employer.id).where(
            Employer.name.like(like, escape="\\") | (Employer.uscc == text.upper())
        )
        q = q.where(EmployerGrade.employer_id.in_(matching))
    return q


def count_grades(session: Session, actor: Actor, f: GradeFilter) -> int:
    permissions.require(actor, "grading.view")
    q = select(func.count()).select_from(EmployerGrade)
    if f.district:  # the employer's column; else the index alone counts
        q = q.join(Employer, Employer.id == EmployerGrade.employer_id)
    return int(session.execute(apply_filter(q, f)).scalar_one())


def grade_rows(
    session: Session, actor: Actor, f: GradeFilter, offset: int = 0, limit: int = 200
) -> list[GradeRow]:
    """C first, then B, then A; within a grade the newest employer first.

    That is ``ix_employer_grades_year_grade`` read backwards, so a page costs its 200 rows
    whatever the year holds; ordering by name sorted the whole year first (370 ms at 200,000
    employers)."""
    permissions.require(actor, "grading.view")
    confirmer = aliased(User)
    q = (
        select(EmployerGrade, Employer, confirmer.display_name, confirmer.username)
        .join(Employer, Employer.id == EmployerGrade.employer_id)
        .outerjoin(confirmer, confirmer.id == EmployerGrade.confirmed_by_id)
    )
    q = apply_filter(q, f).order_by(EmployerGrade.grade.desc(), EmployerGrade.employer_id.desc())
    q = q.offset(offset).limit(limit)
    return [_row(g, e, full or user) for g, e, full, user in session.execute(q)]


def _row(g: EmployerGrade, e: Employer, confirmer: str | None) -> GradeRow:
    return GradeRow(
        id=g.id,
        employer_id=e.id,
        employer_name=e.name,
        uscc=e.uscc,
        legal_rep=e.legal_rep,
        address=e.address,
        district=e.district,
        year=g.year,
        proposed=g.proposed,
        grade=g.grade,
        status=g.status,
        reasons=parse_reasons(g.reasons),
        change_reason=g.change_reason,
        confirmed_by=confirmer,
        confirmed_at=g.confirmed_at,
        version=g.version,
    )


def grade_row(session: Session, actor: Actor, grade_id: int) -> GradeRow | None:
    permissions.require(actor, "grading.view")
    confirmer = aliased(User)
    r = session.execute(
        select(EmployerGrade, Employer, confirmer.display_name, confirmer.username)
        .join(Employer, Employer.id == EmployerGrade.employer_id)
        .outerjoin(confirmer, confirmer.id == EmployerGrade.confirmed_by_id)
        .where(EmployerGrade.id == grade_id)
    ).first()
    return None if r is None else _row(r[0], r[1], r[2] or r[3])


def graded_years(session: Session, actor: Actor) -> list[int]:
    permissions.require(actor, "grading.view")
    return list(
        session.execute(select(EmployerGrade.year).distinct().order_by(EmployerGrade.year.desc())).scalars()
    )


def year_summary(session: Session, actor: Actor, year: int) -> YearSummary:
    permissions.require(actor, "grading.view")
    by_grade = {g.value: 0 for g in Grade}
    proposed = confirmed = changed = 0
    q = (
        select(EmployerGrade.status, EmployerGrade.grade, EmployerGrade.proposed, func.count())
        .where(EmployerGrade.year == year)
        .group_by(EmployerGrade.status, EmployerGrade.grade, EmployerGrade.proposed)
    )
    for status, grade, proposal, n in session.execute(q):
        differs = grade != proposal
        by_grade[grade] = by_grade.get(grade, 0) + n
        if status == CONFIRMED:
            confirmed += n
        else:
            proposed += n
        if differs:
            changed += n
    return YearSummary(year, by_grade, proposed, confirmed, changed)


@dataclass(frozen=True)
class EmployerGradeInfo:
    year: int
    grade: str


def latest_confirmed(session: Session, employer_id: int) -> EmployerGradeInfo | None:
    """The grade an employer was last told of (the employer page shows it)."""
    r = session.execute(
        select(EmployerGrade.year, EmployerGrade.grade)
        .where(EmployerGrade.employer_id == employer_id, EmployerGrade.status == CONFIRMED)
        .order_by(EmployerGrade.year.desc())
        .limit(1)
    ).first()
    return None if r is None else EmployerGradeInfo(r[0], r[1])
