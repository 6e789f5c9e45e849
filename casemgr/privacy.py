"""Personal data: masked by default, unmasked only with the permission, every reveal audited.

Resident ID numbers and phone numbers appear masked (``4415**********123X``,
``138****5678``) in lists, reports and exports. The full value is shown only on request
("show"), only to roles with ``personal_data.view`` for the case's kind, and each such
view leaves an audit entry, so an office can answer "who looked at this worker's ID".

A 举报 reporter's identity is stricter (劳动保障监察条例 Art. 9: the department keeps it
confidential): only the inspector handling the case and supervisors may see it, each
view is audited, and it never appears in exports, reports or notices to the employer,
whoever produces them (:func:`party_views` with ``purpose`` other than ``"screen"``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import audit, permissions
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ComplaintType, PartyRole
from casemgr.errors import NotFoundError
from casemgr.models import Case, CaseParty, Person

REPORTER_PLACEHOLDER = ("举报人（身份保密）", "Reporter (identity confidential)")

Purpose = Literal["screen", "export", "report", "notice"]


def mask_id_number(value: str | None) -> str | None:
    """``441502198506151234`` -> ``4415**********1234``: region and check digits only."""
    if not value:
        return value
    v = str(value).strip()
    if len(v) >= 12:
        return v[:4] + "*" * (len(v) - 8) + v[-4:]
    if len(v) > 4:
        return v[:2] + "*" * (len(v) - 4) + v[-2:]
    return "*" * len(v)


def mask_phone(value: str | None) -> str | None:
    """Mobiles keep 3 + 4 digits (``138****5678``); landlines keep area code and last 4."""
    if not value:
        return value
    v = str(value).strip()
    digits = sum(c.isdigit() for c in v)
    if digits <= 4:
        return "*" * len(v)
    if "-" in v:
        area, _, rest = v.partition("-")
        keep = rest[-4:] if len(rest) > 4 else ""
        return f"{area}-{'*' * (len(rest) - len(keep))}{keep}"
    if len(v) == 11 and v.startswith("1"):
        return v[:3] + "****" + v[-4:]
    return v[:2] + "*" * (len(v) - 6) + v[-4:] if len(v) > 6 else "*" * (len(v) - 4) + v[-4:]


def mask_name(value: str | None) -> str | None:
    """张三丰 -> 张**: used only where a name itself must not show (reporters on a list)."""
    if not value:
        return value
    return value[0] + "*" * (len(value) - 1)


def is_confidential_reporter(case: Case, party_role: str) -> bool:
    """A reporter (举报人), or anyone raising a 举报 rather than a complaint of their own."""
    if party_role == PartyRole.REPORTER.value:
        return True
    return (
        case.kind == CaseKind.INSPECTION.value
        and case.complaint_type == ComplaintType.REPORT.value
        and party_role == PartyRole.COMPLAINANT.value
    )


@dataclass(frozen=True)
class PartyView:
    """A person on a case as this actor may see it for this purpose."""

    party_id: int
    person_id: int | None
    role: str
    name: str
    id_number: str | None
    phone: str | None
    address: str | None
    masked: bool  # id number / phone masked
    confidential: bool  # a reporter whose identity is hidden


def _load_case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    return case


def _hidden(cp: CaseParty, lang_zh: bool = True) -> PartyView:
    return PartyView(
        party_id=cp.id,
        person_id=None,
        role=cp.role,
        name=REPORTER_PLACEHOLDER[0 if lang_zh else 1],
        id_number=None,
        phone=None,
        address=None,
        masked=True,
        confidential=True,
    )


def party_views(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    reveal: bool = False,
    purpose: Purpose = "screen",
) -> list[PartyView]:
    """The persons of a case, masked unless ``reveal``; reporters hidden unless allowed.

    ``reveal`` asks for unmasked ID numbers and phones (and reporters' identities on
    screen); it needs the permission and is audited. For exports, reports and notices a
    reporter is always replaced by a placeholder, and ``reveal`` needs
    ``personal_data.export`` (screens need ``personal_data.view``).
    """
    case = _load_case(session, case_id)
    permissions.require(actor, "case.view", case.kind)
    on_screen = purpose == "screen"
    if reveal:
        permissions.require(actor, "personal_data.view" if on_screen else "personal_data.export", case.kind)
    rows = session.execute(
        select(CaseParty, Person)
        .join(Person, CaseParty.person_id == Person.id)
        .where(CaseParty.case_id == case.id)
        .order_by(CaseParty.id)
    ).all()
    may_see_reporter = on_screen and permissions.allowed_case(actor, "reporter.view", case)
    views: list[PartyView] = []
    revealed: list[int] = []
    reporters_shown: list[int] = []
    for cp, person in rows:
        if is_confidential_reporter(case, cp.role):
            if not (reveal and may_see_reporter):
                views.append(_hidden(cp))
                continue
            reporters_shown.append(person.id)
        if reveal:
            revealed.append(person.id)
            views.append(
                PartyView(
                    cp.id,
                    person.id,
                    cp.role,
                    person.name,
                    person.id_number,
                    person.phone,
                    person.address,
                    masked=False,
                    confidential=False,
                )
            )
        else:
            views.append(
                PartyView(
                    cp.id,
                    person.id,
                    cp.role,
                    person.name,
                    mask_id_number(person.id_number),
                    mask_phone(person.phone),
                    None,
                    masked=True,
                    confidential=False,
                )
            )
    if revealed:
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="personal_data.view" if on_screen else "personal_data.export",
            entity="case",
            entity_id=case.id,
            after={"persons": revealed, "purpose": purpose},
        )
    if reporters_shown:
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="reporter.view",
            entity="case",
            entity_id=case.id,
            after={"persons": reporters_shown},
        )
    return views


def reporter_identity(session: Session, actor: Actor, case_id: int) -> list[PartyView]:
    """The reporters of one case, unmasked: the handling inspector and supervisors only; audited."""
    case = _load_case(session, case_id)
    permissions.require_case(actor, "reporter.view", case)
    return [
        v
        for v in party_views(session, actor, case_id, reveal=True)
        if is_confidential_reporter(case, v.role) and not v.confidential
    ]


def may_see_reporter(actor: Actor, case: permissions.CaseLike) -> bool:
    """For the UI: whether to offer the "show reporter" button at all."""
    return permissions.allowed_case(actor, "reporter.view", case)


def may_unmask(actor: Actor, kind: CaseKind | str) -> bool:
    """For the UI: whether to offer the "show full ID number" button at all."""
    return permissions.allowed(actor, "personal_data.view", kind)
