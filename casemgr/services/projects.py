"""The construction project register (issue 17): register and edit projects, link complaints.

Who may: ``project.edit`` (docs/permissions.md) — inspectors, who check the sites, and
supervisors; everyone else reads. Each change is one transaction with its audit entry
(``project.create`` / ``project.update`` / ``project.link_complaint`` / ``project.unlink_complaint``),
and a refused or invalid call writes nothing.

The units of a project are employers found by credit code (``parties.find_or_register_employer``),
so the 总包 on a project is the very row a complaint names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import audit, clock, permissions, validation
from casemgr.actor import Actor
from casemgr.enums import CaseKind
from casemgr.errors import ConflictError, NotFoundError, ValidationError
from casemgr.models import Case, Employer, Project, ProjectComplaint, ProjectSubcontractor, User, utcnow
from casemgr.services import parties

STATUSES: dict[str, tuple[str, str]] = {
    "planned": ("未开工", "not started"),
    "building": ("在建", "under construction"),
    "suspended": ("停工", "suspended"),
    "completed": ("竣工", "completed"),
}

#: field -> (Chinese, English) label, for messages
LABELS: dict[str, tuple[str, str]] = {
    "code": ("项目编号", "project number"),
    "name": ("项目名称", "project name"),
    "district": ("所属区县", "district"),
    "address": ("项目地址", "address"),
    "builder": ("建设单位", "developer"),
    "general_contractor": ("施工总承包单位", "general contractor"),
    "subcontractors": ("分包单位", "subcontractors"),
    "start_on": ("开工日期", "start date"),
    "end_on": ("竣工日期", "completion date"),
    "status": ("项目状态", "status"),
    "deposit_amount": ("工资保证金金额", "wage deposit amount"),
    "deposit_bank": ("保证金存储银行", "deposit bank"),
    "deposit_on": ("保证金存储日期", "deposit date"),
    "account_bank": ("专用账户开户银行", "wage account bank"),
    "account_opened_on": ("专用账户开户日期", "wage account opened"),
    "roster_on": ("实名制管理落实日期", "real-name roster since"),
    "board_on": ("维权信息告示牌设立日期", "notice board set up"),
    "last_agent_pay_on": ("最近一次总包代发日期", "latest payment by the general contractor"),
    "note": ("备注", "note"),
    "case": ("投诉案件", "complaint"),
}

#: the element dates: none may lie after today (a thing not yet done has no date)
DONE_DATES = ("deposit_on", "account_opened_on", "roster_on", "board_on", "last_agent_pay_on")


def refuse(name: str, zh: str, en: str) -> ValidationError:
    """A refusal that starts with the field's label (:data:`LABELS`), as ``validation.fail`` does
    for the case fields: a project's fields are labelled here, not in the shared table."""
    lz, le = LABELS.get(name, (name, name))
    return ValidationError(f"{lz}：{zh}", f"{le}: {en}", field=name)


@dataclass(frozen=True)
class ProjectInput:
    name: str
    code: str | None = None
    district: str | None = None
    address: str | None = None
    builder: parties.EmployerInput | None = None
    general_contractor: parties.EmployerInput | None = None
    subcontractors: tuple[parties.EmployerInput, ...] = ()
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    status: str = "building"
    deposit_amount: Decimal | str | None = None  # a form passes the text as typed
    deposit_bank: str | None = None
    deposit_on: dt.date | None = None
    account_bank: str | None = None
    account_opened_on: dt.date | None = None
    roster_on: dt.date | None = None
    board_on: dt.date | None = None
    last_agent_pay_on: dt.date | None = None
    note: str | None = None


def _text(value: object, name: str, max_len: int, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise refuse(name, "不能为空", "is required")
        return None
    if not isinstance(value, str):
        raise refuse(name, "必须是文字", "must be text")
    v = value.strip()
    if validation.has_control_chars(v):
        raise refuse(name, "含有不可见的控制字符", "contains control characters")
    if len(v) > max_len:
        raise refuse(name, f"不能超过 {max_len} 个字符", f"must be at most {max_len} characters")
    return v


def _date(value: object, name: str, today: dt.date, not_after: bool) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise refuse(name, "必须是日期", "must be a date")
    if value.year < 1950:
        raise refuse(name, "日期过早", "is too early")
    if not_after and value > today:
        raise refuse(
            name, "不能晚于今天（尚未办理的请留空）", "cannot be after today (leave it empty if not done)"
        )
    return value


def clean_project(data: ProjectInput, today: dt.date) -> ProjectInput:
    """The input checked and trimmed; the first problem raises a ValidationError (field named)."""
    status = data.status or "building"
    if status not in STATUSES:
        raise refuse("status", "不是有效的项目状态", "is not a valid status")
    try:
        district = validation.clean_district(data.district)
    except ValidationError as exc:
        raise ValidationError(exc.zh, exc.en, field="district") from exc
    start = _date(data.start_on, "start_on", today, not_after=False)
    end = _date(data.end_on, "end_on", today, not_after=False)
    if start and end and end < start:
        raise refuse("end_on", "不能早于开工日期", "cannot be before the start date")
    dates = {n: _date(getattr(data, n), n, today, not_after=True) for n in DONE_DATES}
    amount = data.deposit_amount
    if isinstance(amount, str) and not amount.strip():
        amount = None
    if amount is not None:
        amount = validation.parse_amount(amount)
        if amount is None:
            raise refuse(
                "deposit_amount", "必须是不小于0、最多两位小数的金额", "must be a non-negative amount"
            )
    deposit_bank = _text(data.deposit_bank, "deposit_bank", 100)
    if (amount is not None or deposit_bank) and dates["deposit_on"] is None:
        raise refuse(
            "deposit_on", "填写了保证金金额或银行，请同时填写存储日期", "give the date the deposit was made"
        )
    account_bank = _text(data.account_bank, "account_bank", 100)
    if account_bank and dates["account_opened_on"] is None:
        raise refuse(
            "account_opened_on", "填写了开户银行，请同时填写开户日期", "give the date the account was opened"
        )
    if data.general_contractor is None and data.subcontractors:
        raise refuse(
            "general_contractor",
            "有分包单位时必须填写施工总承包单位",
            "is required when there are subcontractors",
        )
    return ProjectInput(
        name=_text(data.name, "name", 200, required=True) or "",
        code=_text(data.code, "code", 64),
        district=district,
        address=_text(data.address, "address", 200),
        builder=_employer(data.builder, "builder"),
        general_contractor=_employer(data.general_contractor, "general_contractor"),
        subcontractors=tuple(e for e in (_employer(s, "subcontractors") for s in data.subcontractors) if e),
        start_on=start,
        end_on=end,
        status=status,
        deposit_amount=amount,
        deposit_bank=deposit_bank,
        account_bank=account_bank,
        note=_text(data.note, "note", 2000),
        **dates,
    )


def _employer(data: parties.EmployerInput | None, name: str) -> parties.EmployerInput | None:
    if data is None or not (data.name or "").strip():
        if data is not None and data.uscc:
            raise refuse(
                name,
                "填写了统一社会信用代码，请同时填写单位名称",
                "give the unit's name with its credit code",
            )
        return None
    try:
        return parties.clean_employer(data)
    except ValidationError as exc:
        lz, le = LABELS[name]
        raise ValidationError(f"{lz}：{exc.zh}", f"{le}: {exc.en}", field=name) from exc


def snapshot(p: Project) -> dict[str, object]:
    """The audited view of a project (units by id: their names are the employers' entries)."""
    return {
        "code": p.code,
        "name": p.name,
        "district": p.district,
        "address": p.address,
        "builder_id": p.builder_id,
        "general_contractor_id": p.general_contractor_id,
        "subcontractor_ids": [s.employer_id for s in p.subcontractors],
        "start_on": p.start_on,
        "end_on": p.end_on,
        "status": p.status,
        "deposit_amount": p.deposit_amount,
        "deposit_bank": p.deposit_bank,
        "deposit_on": p.deposit_on,
        "account_bank": p.account_bank,
        "account_opened_on": p.account_opened_on,
        "roster_on": p.roster_on,
        "board_on": p.board_on,
        "last_agent_pay_on": p.last_agent_pay_on,
        "note": p.note,
    }


def _unit(session: Session, actor: Actor, data: parties.EmployerInput | None) -> Employer | None:
    return None if data is None else parties.find_or_register_employer(session, actor, data)


def find_existing(session: Session, code: str | None, name: str) -> Project | None:
    """The project a ledger row updates: by 项目编号 where it has one, else by exact name
    (among projects without a number)."""
    if code:
        return session.execute(select(Project).where(Project.code == code)).scalar_one_or_none()
    return session.execute(
        select(Project).where(Project.name == name, Project.code.is_(None)).order_by(Project.id).limit(1)
    ).scalar_one_or_none()


def save_project(
    session: Session,
    actor: Actor,
    data: ProjectInput,
    *,
    project_id: int | None = None,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Project:
    """Create (``project_id`` None) or change a project; checked, then written with its audit entry."""
    permissions.require(actor, "project.edit")
    today = today or clock.today()
    clean = clean_project(data, today)
    project: Project | None = None
    if project_id is not None:
        project = session.get(Project, project_id)
        if project is None:
            raise NotFoundError("项目不存在。", "No such project.")
        if expected_version is not None and project.version != expected_version:
            who = session.get(User, project.updated_by_id) if project.updated_by_id else None
            raise ConflictError("项目", who.display_name if who else None, project.updated_at)
    if clean.code:
        other = session.execute(select(Project.id).where(Project.code == clean.code)).scalar_one_or_none()
        if other is not None and other != project_id:
            raise refuse(
                "code", f"“{clean.code}”已被另一个项目使用", f"'{clean.code}' is used by another project"
            )
    before = snapshot(project) if project is not None else None
    builder = _unit(session, actor, clean.builder)
    general = _unit(session, actor, clean.general_contractor)
    subs: list[Employer] = []
    for s in clean.subcontractors:
        e = _unit(session, actor, s)
        if e is not None and e not in subs and e is not general:
            subs.append(e)
    if project is None:
        project = Project(name=clean.name, status=clean.status)
        session.add(project)
    for name in ("code", "name", "district", "address", "start_on", "end_on", "status", "deposit_amount",
                 "deposit_bank", "account_bank", "note", *DONE_DATES):  # fmt: skip
        setattr(project, name, getattr(clean, name))
    project.builder_id = builder.id if builder else None
    project.general_contractor_id = general.id if general else None
    wanted = [e.id for e in subs]
    kept = {s.employer_id: s for s in project.subcontractors}
    project.subcontractors = [
        kept.get(eid) or ProjectSubcontractor(employer_id=eid, position=i) for i, eid in enumerate(wanted)
    ]
    for i, s in enumerate(project.subcontractors):
        s.position = i
    project.updated_at = utcnow()
    project.updated_by_id = actor.user_id
    session.flush()
    after = snapshot(project)
    if after != before:
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="project.create" if before is None else "project.update",
            entity="project",
            entity_id=project.id,
            before=before,
            after=after,
        )
    return project


# --------------------------------------------------------------------------- complaints


def _complaint(session: Session, actor: Actor, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    if case.kind != CaseKind.INSPECTION.value:
        raise refuse(
            "case",
            "只有劳动保障监察投诉举报案件可以关联工程项目",
            "only inspection cases can be linked to a project",
        )
    permissions.require_case(actor, "case.edit", case)
    return case


def link_complaint(session: Session, actor: Actor, case_id: int, project_id: int) -> ProjectComplaint:
    """Link an inspection case to the project it concerns (replacing an earlier link)."""
    permissions.require(actor, "project.edit")
    case = _complaint(session, actor, case_id)
    if session.get(Project, project_id) is None:
        raise NotFoundError("项目不存在。", "No such project.")
    link = session.get(ProjectComplaint, case_id)
    before = (
        None
        if link is None
        else {"case_id": case_id, "case_number": case.number, "project_id": link.project_id}
    )
    if link is not None and link.project_id == project_id:
        return link
    if link is None:
        link = ProjectComplaint(case_id=case_id, project_id=project_id, linked_by_id=actor.user_id)
        session.add(link)
    else:
        link.project_id, link.linked_by_id, link.linked_at = project_id, actor.user_id, utcnow()
    session.flush()
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="project.link_complaint",
        entity="project",
        entity_id=project_id,
        before=before,
        after={"case_id": case_id, "case_number": case.number, "project_id": project_id},
    )
    return link


def link_complaint_by_number(session: Session, actor: Actor, number: str, project_id: int) -> int:
    """As :func:`link_complaint`, the case named by its 案号 (what an inspector has at hand)."""
    permissions.require(actor, "project.edit")
    text = (number or "").strip()
    case_id = session.execute(
        select(Case.id).where(Case.number == text, Case.kind == CaseKind.INSPECTION.value)
    ).scalar_one_or_none()
    if case_id is None:
        raise NotFoundError(f"没有案号为“{text}”的投诉举报案件。", f"No inspection case numbered '{text}'.")
    link_complaint(session, actor, case_id, project_id)
    return case_id


def unlink_complaint(session: Session, actor: Actor, case_id: int) -> None:
    permissions.require(actor, "project.edit")
    case = _complaint(session, actor, case_id)
    link = session.get(ProjectComplaint, case_id)
    if link is None:
        raise NotFoundError("该案件没有关联工程项目。", "The case is not linked to a project.")
    project_id = link.project_id
    session.delete(link)
    session.flush()
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="project.unlink_complaint",
        entity="project",
        entity_id=project_id,
        before={"case_id": case_id, "case_number": case.number, "project_id": project_id},
    )
