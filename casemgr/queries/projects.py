"""Read projections of the construction project register (issue 17): the paged list, one
project with its units, elements and complaints, and the project a complaint is linked to.

The list's colour is computed by the database from the rule's data
(:mod:`casemgr.services.project_warning`), so filtering on a colour or a missing element
pages like any list. A project's complaints are shown through :func:`casemgr.queries.case_rows`,
the case list's projection, which never names a reporter; the caller's right to view
inspection cases is asked first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from casemgr import clock, permissions
from casemgr.actor import Actor
from casemgr.enums import CaseKind
from casemgr.errors import NotFoundError
from casemgr.models import Case, Employer, Project, ProjectComplaint
from casemgr.queries.cases import CaseRow, case_rows
from casemgr.services import project_warning as pw

SORTS = ("level", "name", "district", "start_on", "status")


@dataclass(frozen=True)
class ProjectFilters:
    district: str | None = None
    level: str | None = None  # "red" / "orange" / "yellow" / "none"; None: any
    missing: str | None = None  # an element key (project_warning.ELEMENTS)
    search: str = ""  # part of the name or the 项目编号


@dataclass(frozen=True)
class ProjectRow:
    id: int
    code: str | None
    name: str
    district: str | None
    general_contractor: str | None
    status: str
    start_on: dt.date | None
    level: int
    complaints: int


def _level_of(code: str) -> int:
    return {v: k for k, v in pw.LEVEL_CODES.items()}[code]


@dataclass(frozen=True)
class ProjectQuery:
    filters: ProjectFilters = ProjectFilters()
    sort: str = "level"
    descending: bool = True
    today: dt.date | None = None

    def with_sort(self, key: str, descending: bool) -> ProjectQuery:
        return replace(self, sort=key if key in SORTS else "level", descending=descending)

    def _today(self) -> dt.date:
        return self.today or clock.today()

    def _where(self, level: Any) -> list[Any]:
        f, today, out = self.filters, self._today(), []
        if f.district:
            out.append(Project.district == f.district)
        if f.level:
            out.append(level == _level_of(f.level))
        if f.missing:
            out.append(pw.missing_sql(f.missing, today))
        text = f.search.strip()
        if text:
            like = "%" + text.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
            out.append(or_(Project.name.like(like, escape="\\"), Project.code.like(like, escape="\\")))
        return out

    def count(self, session: Session) -> int:
        level = pw.level_sql(self._today())
        stmt = select(func.count()).select_from(Project).where(*self._where(level))
        return int(session.execute(stmt).scalar_one())

    def _stmt(self) -> Select[Any]:
        level = pw.level_sql(self._today()).label("level")
        complaints = (
            select(func.count())
            .select_from(ProjectComplaint)
            .where(ProjectComplaint.project_id == Project.id)
            .scalar_subquery()
        )
        gc = aliased(Employer)
        key = {"level": level, "name": Project.name, "district": Project.district,
               "start_on": Project.start_on, "status": Project.status}[self.sort]  # fmt: skip
        order = [key.desc() if self.descending else key.asc(), Project.id.desc()]
        return (
            select(
                Project.id,
                Project.code,
                Project.name,
                Project.district,
                gc.name,
                Project.status,
                Project.start_on,
                level,
                complaints,
            )
            .outerjoin(gc, gc.id == Project.general_contractor_id)
            .where(*self._where(pw.level_sql(self._today())))
            .order_by(*order)
        )

    def page(self, session: Session, offset: int, limit: int) -> list[ProjectRow]:
        rows = session.execute(self._stmt().offset(offset).limit(limit))
        return [ProjectRow(*r) for r in rows]


# --------------------------------------------------------------------------- one project


@dataclass(frozen=True)
class Unit:
    employer_id: int
    name: str
    uscc: str | None


@dataclass(frozen=True)
class ProjectDetail:
    id: int
    version: int
    code: str | None
    name: str
    district: str | None
    address: str | None
    builder: Unit | None
    general_contractor: Unit | None
    subcontractors: tuple[Unit, ...]
    start_on: dt.date | None
    end_on: dt.date | None
    status: str
    deposit_amount: Decimal | None
    deposit_bank: str | None
    deposit_on: dt.date | None
    account_bank: str | None
    account_opened_on: dt.date | None
    roster_on: dt.date | None
    board_on: dt.date | None
    last_agent_pay_on: dt.date | None
    note: str | None
    assessment: pw.Assessment
    complaints: tuple[CaseRow, ...]  # empty when the caller may not view inspection cases
    complaints_hidden: bool


def _unit(e: Employer | None) -> Unit | None:
    return None if e is None else Unit(e.id, e.name, e.uscc)


def _complaint_counts(session: Session, project_id: int, today: dt.date) -> tuple[int, int]:
    since = today - dt.timedelta(days=pw.RECENT_COMPLAINT_DAYS)
    base = select(func.count()).select_from(ProjectComplaint).join(Case, Case.id == ProjectComplaint.case_id)
    base = base.where(ProjectComplaint.project_id == project_id)
    open_n = session.execute(base.where(Case.closed_on.is_(None))).scalar_one()
    recent = session.execute(base.where(Case.closed_on.is_not(None), Case.received_on >= since)).scalar_one()
    return int(open_n), int(recent)


def facts_of(session: Session, p: Project, today: dt.date) -> pw.Facts:
    open_n, recent = _complaint_counts(session, p.id, today)
    return pw.Facts(
        status=p.status,
        start_on=p.start_on,
        dates={e.column: getattr(p, e.column) for e in pw.ELEMENTS},
        open_complaints=open_n,
        recent_complaints=recent,
    )


def project_detail(
    session: Session, actor: Actor, project_id: int, today: dt.date | None = None
) -> ProjectDetail:
    today = today or clock.today()
    p = session.get(Project, project_id)
    if p is None:
        raise NotFoundError("项目不存在。", "No such project.")
    may_view = permissions.allowed(actor, "case.view", CaseKind.INSPECTION)
    rows: list[CaseRow] = []
    if may_view:
        ids = session.execute(
            select(ProjectComplaint.case_id)
            .join(Case, Case.id == ProjectComplaint.case_id)
            .where(ProjectComplaint.project_id == p.id)
            .order_by(Case.received_on.desc(), Case.id.desc())
        ).scalars()
        rows = case_rows(session, list(ids), today)
    return ProjectDetail(
        id=p.id,
        version=p.version,
        code=p.code,
        name=p.name,
        district=p.district,
        address=p.address,
        builder=_unit(p.builder),
        general_contractor=_unit(p.general_contractor),
        subcontractors=tuple(u for u in (_unit(s.employer) for s in p.subcontractors) if u),
        start_on=p.start_on,
        end_on=p.end_on,
        status=p.status,
        deposit_amount=p.deposit_amount,
        deposit_bank=p.deposit_bank,
        deposit_on=p.deposit_on,
        account_bank=p.account_bank,
        account_opened_on=p.account_opened_on,
        roster_on=p.roster_on,
        board_on=p.board_on,
        last_agent_pay_on=p.last_agent_pay_on,
        note=p.note,
        assessment=pw.assess(facts_of(session, p, today), today),
        complaints=tuple(rows),
        complaints_hidden=not may_view,
    )


@dataclass(frozen=True)
class CaseProject:
    """What a complaint's case file shows of its project: the liable 总包 and the deposit."""

    project_id: int
    name: str
    code: str | None
    general_contractor: Unit | None
    deposit_amount: Decimal | None
    deposit_bank: str | None
    deposit_on: dt.date | None
    account_opened_on: dt.date | None
    assessment: pw.Assessment


def case_project(
    session: Session, actor: Actor, case_id: int, today: dt.date | None = None
) -> CaseProject | None:
    today = today or clock.today()
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    permissions.require(actor, "case.view", case.kind)
    link = session.get(ProjectComplaint, case_id)
    if link is None:
        return None
    p = session.get(Project, link.project_id)
    assert p is not None  # the foreign key
    return CaseProject(
        project_id=p.id,
        name=p.name,
        code=p.code,
        general_contractor=_unit(p.general_contractor),
        deposit_amount=p.deposit_amount,
        deposit_bank=p.deposit_bank,
        deposit_on=p.deposit_on,
        account_opened_on=p.account_opened_on,
        assessment=pw.assess(facts_of(session, p, today), today),
    )


def project_choices(session: Session, text: str, limit: int = 20) -> list[tuple[int, str]]:
    """(id, "编号 名称") of projects whose name or number contains ``text``: the link dialog's look-up."""
    q = ProjectQuery(ProjectFilters(search=text), sort="name", descending=False)
    return [(r.id, f"{r.code} {r.name}" if r.code else r.name) for r in q.page(session, 0, limit)]
