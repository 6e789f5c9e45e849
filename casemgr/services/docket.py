"""The hearing docket (开庭排期表): the hearings of a day or a week, room by room, as plain data.

Gathered here for the acting user — the screen and the PDF (:mod:`casemgr.reports.docket`)
show exactly this. Who may see what is decided in this one place: the docket is an
arbitration read (``case.view``), and a worker's name shows in full only to a role that may
see personal data (``personal_data.view``); others get the masked name (张**). Employers
are legal persons and print in full; a confidential reporter never appears (an arbitration
case has none, the check stays for safety).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from casemgr import clock, permissions, privacy, settings
from casemgr.actor import Actor
from casemgr.enums import CaseKind, PartyRole
from casemgr.errors import ValidationError
from casemgr.models import Case, CaseParty, Employer, Hearing, HearingArbitrator, Person
from casemgr.reports.docket import Docket, DocketEntry
from casemgr.services import hearings

#: A docket covers at most a month: it is printed for a day or a week.
MAX_DAYS = 31
SEAT_ORDER = {"presiding": 0, "sole": 0, "member": 1}


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def docket(
    session: Session,
    actor: Actor,
    first: dt.date,
    last: dt.date | None = None,
    *,
    today: dt.date | None = None,
) -> Docket:
    """The live hearings from ``first`` to ``last`` (one day when ``last`` is None)."""
    permissions.require(actor, "case.view", CaseKind.ARBITRATION)
    last = last or first
    if last < first or (last - first).days >= MAX_DAYS:
        raise ValidationError(
            f"排期表的日期范围应为1至{MAX_DAYS}天。", f"A docket covers 1 to {MAX_DAYS} days.", field="last"
        )
    today = today or clock.today()
    unmask = privacy.may_unmask(actor, CaseKind.ARBITRATION)
    rows = session.scalars(
        select(Hearing)
        .join(Case, Case.id == Hearing.case_id)
        .where(
            Hearing.hearing_date >= first,
            Hearing.hearing_date <= last,
            Case.kind == CaseKind.ARBITRATION.value,
            or_(
                Hearing.status == hearings.HELD,
                and_(Hearing.status == hearings.SCHEDULED, Case.closed_on.is_(None)),
            ),
        )
        .options(
            selectinload(Hearing.room),
            selectinload(Hearing.case),
            selectinload(Hearing.members).selectinload(HearingArbitrator.arbitrator),
        )
    ).all()
    names = _party_names(session, [h.case_id for h in rows], unmask)
    entries = []
    for h in rows:
        start = h.start_minute
        end = None if start is None else start + (h.duration_minutes or hearings.DEFAULT_DURATION)
        applicants, respondents = names.get(h.case_id, ((), ()))
        entries.append(
            DocketEntry(
                hearing_id=h.id,
                case_id=h.case_id,
                hearing_date=h.hearing_date,
                start=hearings.hhmm(start),
                end=hearings.hhmm(end),
                room=h.room.name if h.room is not None else (h.place or ""),
                case_number=h.case.number,
                applicants=applicants,
                respondents=respondents,
                tribunal=tuple(
                    (m.seat, m.arbitrator.name)
                    for m in sorted(h.members, key=lambda m: SEAT_ORDER.get(m.seat, 2))
                ),
                state=hearings.display_state(h.status, h.hearing_date, today),
            )
        )
    entries.sort(key=lambda e: (e.hearing_date, e.start or "99", e.room, e.case_number))
    return Docket(
        first=first,
        last=last,
        commission=str(settings.get(session, "arbitration_commission_name", today)),
        rooms=tuple(r.name for r in hearings.list_rooms(session, active_only=True)),
        entries=tuple(entries),
        masked=not unmask,
        printed_at=clock.now(),
    )


def _party_names(
    session: Session, case_ids: list[int], unmask: bool
) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    if not case_ids:
        return {}
    rows = session.execute(
        select(CaseParty.case_id, CaseParty.role, Person.name, Employer.name, Case.kind, Case.complaint_type)
        .join(Case, Case.id == CaseParty.case_id)
        .outerjoin(Person, Person.id == CaseParty.person_id)
        .outerjoin(Employer, Employer.id == CaseParty.employer_id)
        .where(CaseParty.case_id.in_(case_ids))
        .order_by(CaseParty.case_id, CaseParty.id)
    ).all()
    apps: dict[int, list[str]] = defaultdict(list)
    resp: dict[int, list[str]] = defaultdict(list)
    for case_id, role, person, employer, kind, ctype in rows:
        if privacy.is_confidential_role(kind, ctype, role):
            name = privacy.REPORTER_PLACEHOLDER[0]
        elif employer is not None:
            name = employer
        else:
            name = (person if unmask else privacy.mask_name(person)) or ""
        (resp if role == PartyRole.RESPONDENT.value else apps)[case_id].append(name)
    return {cid: (tuple(apps[cid]), tuple(resp[cid])) for cid in set(apps) | set(resp)}
