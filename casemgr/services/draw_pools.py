"""一单两库 (issue 17): the inspection-item list, the employer pool and the inspector pool.

国办发〔2015〕58号 二(一)–(二): checks only on listed items (法律法规规章没有规定的，一律不得擅自
开展检查), and a 市场主体名录库 and a 执法检查人员名录库 to draw from. The employer pool is the
employers table (filtered by district and industry) less the exclusions, each with its reason;
the inspector pool is every active inspector user with a 执法证 number who is not marked
unavailable. A declared conflict (回避) keeps an inspector off that employer's team.

Every change is the supervisor's (``inspection_plan.manage``) and is audited; the draw
(casemgr.services.draws) records the pools it used, so a later change to them cannot alter
what a past draw shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from casemgr import audit, permissions
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.errors import NotFoundError, ValidationError
from casemgr.models import (
    Employer,
    InspectionItem,
    InspectorProfile,
    PoolExclusion,
    Recusal,
    User,
    utcnow,
)

MANAGE = "inspection_plan.manage"


def _text(value: object, field: str, zh: str, en: str, limit: int, *, required: bool = True) -> str | None:
    text = str(value or "").strip()
    if not text:
        if required:
            raise ValidationError(f"请填写{zh}。", f"Please enter the {en}.", field=field)
        return None
    if len(text) > limit:
        raise ValidationError(
            f"{zh}不能超过 {limit} 个字。", f"The {en} may be at most {limit} characters.", field=field
        )
    return text


def _log(session: Session, actor: Actor, action: str, entity: str, eid: object, after: object) -> None:
    audit.record(
        session, user_id=actor.user_id, username=actor.username, action=action,
        entity=entity, entity_id=eid, after=after,
    )  # fmt: skip


# --------------------------------------------------------------------------- items


@dataclass(frozen=True)
class ItemInfo:
    id: int
    name: str
    basis: str
    active: bool


def list_items(session: Session, *, active_only: bool = False) -> list[ItemInfo]:
    q = select(InspectionItem).order_by(InspectionItem.id)
    if active_only:
        q = q.where(InspectionItem.active.is_(True))
    return [ItemInfo(i.id, i.name, i.basis, i.active) for i in session.scalars(q)]


def save_item(
    session: Session,
    actor: Actor,
    name: object,
    basis: object,
    *,
    item_id: int | None = None,
    active: bool = True,
) -> int:
    permissions.require(actor, MANAGE)
    clean = _text(name, "name", "抽查事项", "inspection item", 100)
    law = _text(basis, "basis", "抽查依据", "legal basis", 2000)
    clash = session.scalar(select(InspectionItem.id).where(InspectionItem.name == clean))
    if clash is not None and clash != item_id:
        raise ValidationError("已有同名抽查事项。", "An inspection item of that name exists.", field="name")
    if item_id is None:
        item = InspectionItem(name=clean, basis=law, active=active)
        session.add(item)
    else:
        found = session.get(InspectionItem, item_id)
        if found is None:
            raise NotFoundError("没有这个抽查事项。", "No such inspection item.")
        item = found
        item.name, item.basis, item.active, item.updated_at = clean or "", law or "", active, utcnow()
    session.flush()
    _log(session, actor, "inspection_item.save", "inspection_item", item.id,
         {"name": item.name, "basis": item.basis, "active": item.active})  # fmt: skip
    return item.id


# --------------------------------------------------------------------------- inspectors


@dataclass(frozen=True)
class InspectorInfo:
    user_id: int
    name: str
    district: str | None
    cert_no: str | None
    available: bool
    note: str | None

    @property
    def in_pool(self) -> bool:
        return bool(self.cert_no) and self.available


def list_inspectors(session: Session) -> list[InspectorInfo]:
    """Every active inspector user, with the profile that decides whether they are in the pool."""
    rows = session.execute(
        select(User.id, User.display_name, User.district, InspectorProfile)
        .outerjoin(InspectorProfile, InspectorProfile.user_id == User.id)
        .where(User.role == Role.INSPECTOR.value, User.active.is_(True))
        .order_by(User.id)
    ).all()
    return [
        InspectorInfo(uid, name, district, p.cert_no if p else None, p.available if p else True,
                      p.note if p else None)
        for uid, name, district, p in rows
    ]  # fmt: skip


def inspector_pool(session: Session) -> list[int]:
    """Ids of the 执法检查人员名录库 as a draw uses it, ascending."""
    return [i.user_id for i in list_inspectors(session) if i.in_pool]


def save_inspector(
    session: Session, actor: Actor, user_id: int, cert_no: object, available: bool, note: object = None
) -> None:
    permissions.require(actor, MANAGE)
    user = session.get(User, user_id)
    if user is None or user.role != Role.INSPECTOR.value:
        raise NotFoundError("这个用户不是劳动保障监察员。", "This user is not a labour inspector.")
    cert = _text(cert_no, "cert_no", "执法证号", "enforcement certificate number", 32, required=False)
    why = _text(note, "note", "说明", "note", 200, required=False)
    if not available and not why:
        raise ValidationError(
            "标记为不可抽选时请写明原因（如休假、借调）。",
            "Please say why the inspector is unavailable (leave, secondment ...).",
            field="note",
        )
    profile = session.get(InspectorProfile, user_id) or InspectorProfile(user_id=user_id)
    profile.cert_no, profile.available, profile.note, profile.updated_at = cert, available, why, utcnow()
    session.add(profile)
    session.flush()
    _log(session, actor, "inspector_pool.save", "user", user_id,
         {"cert_no": cert, "available": available, "note": why})  # fmt: skip


# --------------------------------------------------------------------------- employers


@dataclass(frozen=True)
class PoolEmployer:
    id: int
    name: str
    district: str | None
    industry: str | None
    excluded: str | None  # the reason, when kept out of the pool


def _filters(district: str | None, industry: str | None) -> list[object]:
    where: list[object] = []
    if district:
        where.append(Employer.district == district)
    if industry:
        where.append(Employer.industry == industry)
    return where


def employer_pool(session: Session, district: str | None = None, industry: str | None = None) -> list[int]:
    """Ids of the 检查对象名录库 under these filters, less exclusions, ascending (SQL-side)."""
    q = (
        select(Employer.id)
        .outerjoin(PoolExclusion, PoolExclusion.employer_id == Employer.id)
        .where(PoolExclusion.employer_id.is_(None), *_filters(district, industry))  # type: ignore[arg-type]
        .order_by(Employer.id)
    )
    return list(session.scalars(q))


def list_pool(
    session: Session, district: str | None = None, industry: str | None = None, *, limit: int = 500
) -> list[PoolEmployer]:
    """A page of the employer pool for the screen (excluded ones included, with their reason)."""
    q = (
        select(Employer.id, Employer.name, Employer.district, Employer.industry, PoolExclusion.reason)
        .outerjoin(PoolExclusion, PoolExclusion.employer_id == Employer.id)
        .where(and_(True, *_filters(district, industry)))  # type: ignore[arg-type]
        .order_by(Employer.id)
        .limit(limit)
    )
    return [PoolEmployer(*row) for row in session.execute(q).all()]


def exclude_employer(session: Session, actor: Actor, employer_id: int, reason: object) -> None:
    permissions.require(actor, MANAGE)
    if session.get(Employer, employer_id) is None:
        raise NotFoundError("没有这个用人单位。", "No such employer.")
    why = _text(reason, "reason", "排除原因", "reason for the exclusion", 200)
    row = session.get(PoolExclusion, employer_id) or PoolExclusion(employer_id=employer_id)
    row.reason, row.created_by_id, row.created_at = why or "", actor.user_id, utcnow()
    session.add(row)
    session.flush()
    _log(session, actor, "employer_pool.exclude", "employer", employer_id, {"reason": why})


def include_employer(session: Session, actor: Actor, employer_id: int) -> None:
    permissions.require(actor, MANAGE)
    row = session.get(PoolExclusion, employer_id)
    if row is None:
        return
    session.delete(row)
    session.flush()
    _log(session, actor, "employer_pool.include", "employer", employer_id, {"excluded": False})


# --------------------------------------------------------------------------- recusals


@dataclass(frozen=True)
class RecusalInfo:
    user_id: int
    inspector: str
    employer_id: int
    employer: str
    reason: str


def list_recusals(session: Session, actor: Actor) -> list[RecusalInfo]:
    """The declared conflicts with their grounds (kinship, former employment: personal), for
    the supervisors who keep them; the draw itself reads only the pairs (:func:`conflicts`)."""
    permissions.require(actor, "inspection_plan.manage")
    rows = session.execute(
        select(Recusal.user_id, User.display_name, Recusal.employer_id, Employer.name, Recusal.reason)
        .join(User, User.id == Recusal.user_id)
        .join(Employer, Employer.id == Recusal.employer_id)
        .order_by(Recusal.user_id, Recusal.employer_id)
    ).all()
    return [RecusalInfo(*r) for r in rows]


def conflicts(session: Session) -> list[tuple[int, int]]:
    return [(int(u), int(e)) for u, e in session.execute(select(Recusal.user_id, Recusal.employer_id)).all()]


def declare_conflict(session: Session, actor: Actor, user_id: int, employer_id: int, reason: object) -> None:
    """Record a 回避 ground (kinship, former employment, interest); a supervisor records it,
    whether the inspector declared it or someone applied for the recusal."""
    permissions.require(actor, MANAGE)
    user = session.get(User, user_id)
    if user is None or user.role != Role.INSPECTOR.value:
        raise NotFoundError("这个用户不是劳动保障监察员。", "This user is not a labour inspector.")
    if session.get(Employer, employer_id) is None:
        raise NotFoundError("没有这个用人单位。", "No such employer.")
    why = _text(reason, "reason", "回避原因", "ground for recusal", 200)
    row = session.get(Recusal, (user_id, employer_id)) or Recusal(user_id=user_id, employer_id=employer_id)
    row.reason, row.created_at = why or "", utcnow()
    session.add(row)
    session.flush()
    _log(session, actor, "recusal.declare", "user", user_id, {"employer_id": employer_id, "reason": why})
