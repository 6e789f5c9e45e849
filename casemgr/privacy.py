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

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, exists, false, not_, or_, select
from sqlalchemy.orm import Session

from casemgr import audit, clock, permissions
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ComplaintType, PartyRole, Role
from casemgr.errors import NotFoundError
from casemgr.models import AuditEntry, Case, CaseParty, Person

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
    return is_confidential_role(case.kind, case.complaint_type, party_role)


def confidential_link(case: Any = Case, link: Any = CaseParty) -> ColumnElement[bool]:
    """:func:`is_confidential_reporter` in SQL, over a ``cases`` and a ``case_parties`` alias.

    Lists, search, look-ups and reports filter with it; ``casemgr.pgroles`` holds the same
    definition for the database's row-level security (a test compares them)."""
    return or_(
        link.role == PartyRole.REPORTER.value,
        and_(
            case.kind == CaseKind.INSPECTION.value,
            case.complaint_type == ComplaintType.REPORT.value,
            link.role == PartyRole.COMPLAINANT.value,
        ),
    )


def reporter_visible(actor: Actor | None, case: Any = Case) -> ColumnElement[bool]:
    """The cases on which ``actor`` may see a reporter (``reporter.view``, "own" where the
    matrix says so), in SQL: built from :data:`casemgr.permissions.MATRIX`, never by role name."""
    if actor is None:
        return false()
    try:
        role = Role(actor.role)
    except ValueError:
        return false()
    kinds = permissions.MATRIX.get("reporter.view", {}).get(role)
    if not kinds:
        return false()
    cond: ColumnElement[bool] = case.kind.in_(sorted(k.value for k in kinds))
    if role in permissions.ASSIGNED_ONLY.get("reporter.view", frozenset()):
        if actor.user_id is None:
            return false()
        cond = and_(cond, case.assigned_user_id == actor.user_id)
    return cond


def hidden_reporter_of(session: Session, actor: Actor | None, person_id: int) -> bool:
    """Whether ``person_id`` is a reporter on some case whose reporter ``actor`` may not see.

    Such a person's record is not for this actor at all (name, numbers, corrections), even
    if the same person is also an ordinary party elsewhere: renaming or reading them there
    would reveal or change the reporter."""
    c, cp = Case.__table__.alias("c"), CaseParty.__table__.alias("cp")
    q = select(
        exists().where(
            cp.c.person_id == person_id,
            c.c.id == cp.c.case_id,
            confidential_link(c.c, cp.c),
            not_(reporter_visible(actor, c.c)),
        )
    )
    return bool(session.execute(q).scalar())


def is_reporter(session: Session, person_id: int) -> bool:
    """Whether ``person_id`` is a reporter on any case (what the audit trail must not name)."""
    return hidden_reporter_of(session, None, person_id)


#: What a person's audited snapshot (casemgr.snapshots.person_snapshot) holds that identifies them.
_PERSON_SECRET_FIELDS = ("name", "id_number", "phone", "address")


def audit_snapshots(
    session: Session, actor: Actor, entity: str, entity_id: str | None, before: str | None, after: str | None
) -> tuple[str | None, str | None]:
    """An audit entry's before/after as ``actor`` may read them in the audit view.

    A person's entries: ID number and phone masked, the address left out; a reporter the
    actor may not see (:func:`hidden_reporter_of`) has every identifying field replaced.
    Other entities record ids and codes, never a person's details, and pass unchanged.
    """
    if entity != "person" or not (before or after):
        return before, after
    try:
        pid = int(entity_id or "")
    except ValueError:
        return before, after
    # On PostgreSQL row-level security may hide the person row itself (a reporter, from
    # this login): what the session cannot see, the audit view does not show either.
    visible = session.execute(select(Person.id).where(Person.id == pid)).first() is not None
    hidden = not visible or hidden_reporter_of(session, actor, pid)
    return _redact_person(before, hidden), _redact_person(after, hidden)


def _redact_person(raw: str | None, hidden: bool) -> str | None:
    if not raw:
        return raw
    try:
        data = json.loads(raw)
    except ValueError:
        return None  # not ours to interpret: show nothing rather than something unfiltered
    if not isinstance(data, dict):
        return None
    out = dict(data)
    if hidden:
        for k in _PERSON_SECRET_FIELDS:
            if k in out:
                out[k] = REPORTER_PLACEHOLDER[0] if k == "name" else None
    else:
        if "id_number" in out:
            out["id_number"] = mask_id_number(out["id_number"])
        if "phone" in out:
            out["phone"] = mask_phone(out["phone"])
        if out.get("address"):
            out["address"] = "***"
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def browse_audit(
    session: Session,
    actor: Actor,
    *,
    case_id: int | None = None,
    user_id: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    action_prefix: str | None = None,
    before_id: int | None = None,
    limit: int = 100,
) -> list[audit.AuditRow]:
    """A page of entries, newest first, for supervisors and auditors (``audit.view``).

    The audit view is a read path like any other: entries are shown through
    :func:`audit_snapshots`:
    a person's ID number and phone masked, a reporter the viewer may not see replaced
    whole; the stored entries (and their hashes) are untouched.

    Paged by ``before_id`` (the last id of the previous page), never by OFFSET, so the
    thousandth page costs what the first does; each filter has an index
    (``ix_audit_entity``, ``ix_audit_user``, ``ix_audit_at``). Dates are local calendar
    days converted to UTC bounds.
    """
    permissions.require(actor, "audit.view")
    q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(max(1, min(int(limit), 1000)))
    if case_id is not None:
        q = q.where(AuditEntry.entity == "case", AuditEntry.entity_id == str(case_id))
    if user_id is not None:
        q = q.where(AuditEntry.user_id == user_id)
    if date_from is not None:
        q = q.where(AuditEntry.at >= clock.start_of_day(date_from))
    if date_to is not None:
        q = q.where(AuditEntry.at < clock.start_of_day(date_to + dt.timedelta(days=1)))
    if action_prefix:
        q = q.where(AuditEntry.action.startswith(action_prefix, autoescape=True))
    if before_id is not None:
        q = q.where(AuditEntry.id < before_id)
    entries = list(session.execute(q).scalars())
    return [
        audit.AuditRow(e.id, e.at, e.user_id, e.username, e.action, e.entity, e.entity_id, before, after)
        for e in entries
        for before, after in [audit_snapshots(session, actor, e.entity, e.entity_id, e.before, e.after)]
    ]


def is_confidential_role(kind: str | None, complaint_type: str | None, party_role: str) -> bool:
    """:func:`is_confidential_reporter` before the case row exists (registration)."""
    if party_role == PartyRole.REPORTER.value:
        return True
    return (
        kind == CaseKind.INSPECTION.value
        and complaint_type == ComplaintType.REPORT.value
        and party_role == PartyRole.COMPLAINANT.value
    )


def recorded_person(snapshot: dict[str, object], confidential: bool) -> dict[str, object]:
    """What an audit entry about a person records: a reporter's identifying fields never.

    The audit trail is read raw by every ``audit.view`` login on PostgreSQL and is
    append-only, so a reporter's name written there could never be withdrawn. The entry
    keeps which fields changed; the row itself is covered by the entry's recorded state
    (a digest, casemgr.auditstate), so ``audit verify`` still catches a change behind the
    app's back.
    """
    if not confidential:
        return snapshot
    out = {k: v for k, v in snapshot.items() if k not in _PERSON_SECRET_FIELDS}
    out["confidential"] = True
    return out


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
        elif reveal:
            revealed.append(person.id)
        if reveal:
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
            # how many, not who: the trail is read by every audit.view login, and a person id
            # would lead to that person's earlier entries
            after={"reporters": len(reporters_shown)},
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
