"""Hearing scheduling: the room list, the arbitrator roster, and the checks a new hearing passes.

A hearing is scheduled through the workflow's "确定开庭" step (:func:`casemgr.services.workflow.
apply_transition`), which now also takes the time, the expected length, the room and the
tribunal. Its guard ``hearing_slot_free`` calls :func:`check_slot` and its execution calls
:func:`record_scheduled`, so the legal record (the timeline event, the notice clock) and the
booking (a ``hearings`` row) are written in one transaction or not at all.

The checks, each refused with its reason in Chinese:

* the room, or one of the arbitrators, already sits at an overlapping time that day
  (back-to-back is fine: a hearing ending at 10:00 and one starting at 10:00 do not overlap);
* the parties cannot be given the written notice in time — 《中华人民共和国劳动争议调解仲裁法》
  (2007) 第三十五条, counted as the notice clock counts it (:func:`notice_due`);
* the respondent's defence period is the step's existing guard (issue 14), not repeated here.

"Held" is a fact a clerk records (:func:`record_held`) once the day has come; a hearing whose
day has come but which nobody recorded is shown as waiting for that record, not as held.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from casemgr import audit, permissions, validation
from casemgr.actor import Actor
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import calendar_for
from casemgr.enums import CaseKind, EventKind
from casemgr.errors import NotFoundError, ValidationError, WorkflowError
from casemgr.models import Arbitrator, Case, Event, Hearing, HearingArbitrator, HearingRoom
from casemgr.services import cases

#: A hearing given a time but no length is booked for this long (a typical first hearing).
DEFAULT_DURATION = 120
#: The statute the notice period comes from, as the refusal cites it.
NOTICE_CITATION = "《中华人民共和国劳动争议调解仲裁法》（2007年）第三十五条"

SCHEDULED, HELD, RESCHEDULED = "scheduled", "held", "rescheduled"
#: What a screen shows for a hearing (see :func:`display_state`).
AWAITING_RECORD = "awaiting_record"


@dataclass(frozen=True)
class RoomInfo:
    id: int
    name: str
    location: str | None
    active: bool


@dataclass(frozen=True)
class ArbitratorInfo:
    id: int
    name: str
    full_time: bool
    active: bool
    user_id: int | None


@dataclass(frozen=True)
class Slot:
    """A proposed hearing: ``start_minute`` is minutes after midnight (Beijing time)."""

    hearing_date: dt.date
    start_minute: int | None = None
    duration_minutes: int | None = None
    room_id: int | None = None
    presiding_id: int | None = None
    member_ids: tuple[int, ...] = ()

    @property
    def arbitrator_ids(self) -> tuple[int, ...]:
        return ((self.presiding_id,) if self.presiding_id is not None else ()) + self.member_ids

    @property
    def end_minute(self) -> int | None:
        if self.start_minute is None:
            return None
        return self.start_minute + (self.duration_minutes or DEFAULT_DURATION)


def hhmm(minute: int | None) -> str:
    return "" if minute is None else f"{minute // 60:02d}:{minute % 60:02d}"


def parse_time(value: object, field: str = "start_time") -> int:
    """ "09:30", a ``datetime.time`` or minutes -> minutes after midnight; hearings sit 07:00–21:00."""
    minute: int | None = None
    if isinstance(value, dt.time):
        minute = value.hour * 60 + value.minute
    elif isinstance(value, int) and not isinstance(value, bool):
        minute = value
    elif isinstance(value, str):
        try:
            t = dt.time.fromisoformat(value.strip())
            minute = t.hour * 60 + t.minute
        except ValueError:
            minute = None
    if minute is None or not 7 * 60 <= minute <= 21 * 60:
        raise ValidationError(
            "开庭时间应为 07:00 至 21:00 之间的时刻（如 09:30）。",
            "The hearing time must be a time between 07:00 and 21:00 (e.g. 09:30).",
            field=field,
        )
    return minute


# --------------------------------------------------------------------------- rooms and roster


def _clean_name(value: object, field: str) -> str:
    return validation.clean_text(value, field, max_len=50)


def list_rooms(session: Session, *, active_only: bool = False) -> list[RoomInfo]:
    stmt = select(HearingRoom).order_by(HearingRoom.id)  # as the administrator entered them (第一, 第二 …)
    if active_only:
        stmt = stmt.where(HearingRoom.active.is_(True))
    return [RoomInfo(r.id, r.name, r.location, r.active) for r in session.scalars(stmt)]


def list_arbitrators(session: Session, *, active_only: bool = False) -> list[ArbitratorInfo]:
    stmt = select(Arbitrator).order_by(Arbitrator.full_time.desc(), Arbitrator.name)
    if active_only:
        stmt = stmt.where(Arbitrator.active.is_(True))
    return [ArbitratorInfo(a.id, a.name, a.full_time, a.active, a.user_id) for a in session.scalars(stmt)]


def _unique(
    session: Session, model: type[HearingRoom] | type[Arbitrator], name: str, own_id: int | None
) -> None:
    other = session.scalar(select(model.id).where(model.name == name))
    if other is not None and other != own_id:
        what = "庭室" if model is HearingRoom else "仲裁员"
        raise ValidationError(
            f"已有名为“{name}”的{what}。", f"'{name}' is already on the list.", field="name"
        )


def save_room(
    session: Session,
    actor: Actor,
    *,
    name: str,
    location: str | None = None,
    active: bool = True,
    room_id: int | None = None,
) -> RoomInfo:
    """Add or change a hearing room (administrators). A room is retired, never deleted."""
    permissions.require(actor, "settings.edit")
    clean = _clean_name(name, "name")
    place = validation.clean_text(location, "location", max_len=100) if location else None
    _unique(session, HearingRoom, clean, room_id)
    room = HearingRoom() if room_id is None else session.get(HearingRoom, room_id)
    if room is None:
        raise NotFoundError("庭室不存在。", "No such hearing room.")
    before = (
        None if room_id is None else {"name": room.name, "location": room.location, "active": room.active}
    )
    room.name, room.location, room.active = clean, place, bool(active)
    session.add(room)
    session.flush()
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="hearing_room.save",
        entity="hearing_room",
        entity_id=room.id,
        before=before,
        after={"name": room.name, "location": room.location, "active": room.active},
    )
    return RoomInfo(room.id, room.name, room.location, room.active)


def save_arbitrator(
    session: Session,
    actor: Actor,
    *,
    name: str,
    full_time: bool = True,
    active: bool = True,
    user_id: int | None = None,
    arbitrator_id: int | None = None,
) -> ArbitratorInfo:
    """Add or change a roster entry (administrators). Kept when retired: old tribunals name it."""
    permissions.require(actor, "settings.edit")
    clean = _clean_name(name, "name")
    _unique(session, Arbitrator, clean, arbitrator_id)
    a = Arbitrator() if arbitrator_id is None else session.get(Arbitrator, arbitrator_id)
    if a is None:
        raise NotFoundError("仲裁员不存在。", "No such arbitrator.")
    before = None if arbitrator_id is None else {"name": a.name, "full_time": a.full_time, "active": a.active}
    a.name, a.full_time, a.active, a.user_id = clean, bool(full_time), bool(active), user_id
    session.add(a)
    session.flush()
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="arbitrator.save",
        entity="arbitrator",
        entity_id=a.id,
        before=before,
        after={"name": a.name, "full_time": a.full_time, "active": a.active, "user_id": a.user_id},
    )
    return ArbitratorInfo(a.id, a.name, a.full_time, a.active, a.user_id)


# --------------------------------------------------------------------------- checks


def _refuse(zh: str, en: str, field: str) -> WorkflowError:
    return WorkflowError(zh, en, field=field, code="hearing_conflict")


def notice_due(session: Session, hearing_date: dt.date) -> dt.date:
    """The last day the written hearing notice may be served.

    Counted as the ``arb.hearing_notice`` clock counts it (:mod:`casemgr.deadlines.clocks`,
    rule ``before_field``): "开庭五日前" read conservatively as five working days (办案规则
    Art. 80) that all fall before the hearing day, so the last day to serve is the sixth
    working day before it. An uncovered year counts as weekends only, as every guard does.
    """
    r = rules_mod.rule(session, "arb.hearing_notice")
    return calendar_for(session).provisional().subtract_working_days(hearing_date, r.length + 1)


def check_notice_period(session: Session, hearing_date: dt.date, on: dt.date) -> None:
    """Refuse a hearing too soon for the parties to be notified in time (served on ``on`` at the earliest)."""
    latest = notice_due(session, hearing_date)
    if latest < on:
        n = rules_mod.rule(session, "arb.hearing_notice").length
        raise _refuse(
            f"开庭日期过近：依{NOTICE_CITATION}，仲裁庭应当在开庭五日前将开庭日期、地点书面通知双方当事人"
            f"（按{n}个工作日计算，开庭通知最迟应于 {latest} 送达）。请改定 {hearing_date} 以后的日期。",
            f"The hearing is too soon: the parties must be notified in writing five days before "
            f"(Labour Dispute Mediation and Arbitration Law 2007, Art. 35; {n} working days, "
            f"served by {latest}).",
            "hearing_date",
        )


def _occupying(session: Session, slot: Slot, case_id: int) -> Sequence[Hearing]:
    """Hearings of other live cases on that day whose time overlaps the slot."""
    end = slot.end_minute
    assert slot.start_minute is not None and end is not None
    other_end = Hearing.start_minute + Hearing.duration_minutes
    stmt = (
        select(Hearing)
        .join(Case, Case.id == Hearing.case_id)
        .where(
            Hearing.hearing_date == slot.hearing_date,
            Hearing.case_id != case_id,
            Hearing.start_minute.is_not(None),
            or_(Hearing.status == HELD, and_(Hearing.status == SCHEDULED, Case.closed_on.is_(None))),
            Hearing.start_minute < end,
            other_end > slot.start_minute,
        )
        .order_by(Hearing.start_minute)
    )
    return session.scalars(stmt).all()


def _span(h: Hearing) -> str:
    start = h.start_minute
    return (
        f"{hhmm(start)}–{hhmm(None if start is None else start + (h.duration_minutes or DEFAULT_DURATION))}"
    )


def check_tribunal(session: Session, case: Case, slot: Slot) -> list[Arbitrator]:
    """A presiding arbitrator and two members, or a sole arbitrator in a simple, non-collective case
    (调解仲裁法 Art. 31), all distinct and active on the roster."""
    ids = slot.arbitrator_ids
    if not ids:
        return []
    if len(set(ids)) != len(ids):
        raise _refuse(
            "同一名仲裁员不能在仲裁庭中担任两个席位。", "An arbitrator sits only once.", "member_ids"
        )
    sole = slot.presiding_id is not None and not slot.member_ids
    if slot.presiding_id is None or not (len(slot.member_ids) == 2 or sole):
        raise _refuse(
            "仲裁庭由三名仲裁员组成，设首席仲裁员；简单劳动争议案件可以由一名仲裁员独任仲裁"
            "（《中华人民共和国劳动争议调解仲裁法》（2007年）第三十一条）。",
            "A tribunal has a presiding arbitrator and two members, or a sole arbitrator in a simple case.",
            "member_ids",
        )
    if sole and not (case.simple_procedure and not case.collective):
        raise _refuse(
            "独任仲裁仅适用于简易处理的非集体案件，本案应由三名仲裁员组成仲裁庭。",
            "A sole arbitrator only in a simple, non-collective case: this case needs three.",
            "member_ids",
        )
    found = {a.id: a for a in session.scalars(select(Arbitrator).where(Arbitrator.id.in_(ids)))}
    for i in ids:
        a = found.get(i)
        if a is None or not a.active:
            name = a.name if a is not None else str(i)
            raise _refuse(
                f"仲裁员“{name}”不在现行仲裁员名册中。", f"{name} is not on the active roster.", "member_ids"
            )
    return [found[i] for i in ids]


def check_slot(session: Session, case: Case, slot: Slot, on: dt.date) -> None:
    """Every refusal a proposed hearing can meet, before anything is written (Qt-free, tested alone).

    The defence-period rule is the step's own guard (``hearing_after_defence_period``)."""
    if case.kind != CaseKind.ARBITRATION.value:
        raise _refuse("只有仲裁案件安排开庭。", "Only arbitration cases have hearings.", "code")
    check_notice_period(session, slot.hearing_date, on)
    if slot.duration_minutes is not None and not 15 <= slot.duration_minutes <= 600:
        raise ValidationError(
            "预计时长应在 15 至 600 分钟之间。",
            "The expected length is 15 to 600 minutes.",
            field="duration_minutes",
        )
    room = None
    if slot.room_id is not None:
        room = session.get(HearingRoom, slot.room_id)
        if room is None or not room.active:
            raise _refuse(
                "所选庭室不存在或已停用。", "That hearing room does not exist or is retired.", "room_id"
            )
    arbitrators = check_tribunal(session, case, slot)
    if slot.start_minute is None:
        if room is not None or arbitrators:
            raise ValidationError(
                "安排庭室和仲裁庭须填写开庭时间。", "Give the hearing's time.", field="start_time"
            )
        return
    clashes = _occupying(session, slot, case.id)
    when = f"{slot.hearing_date} {hhmm(slot.start_minute)}–{hhmm(slot.end_minute)}"
    if room is not None:
        for h in clashes:
            if h.room_id == room.id:
                raise _refuse(
                    f"{room.name}在 {slot.hearing_date} {_span(h)} 已安排{h.case.number}开庭，"
                    f"与拟定的 {when} 时间重叠。请另选庭室或时间。",
                    f"{room.name} is booked {_span(h)} that day ({h.case.number}), overlapping {when}.",
                    "room_id",
                )
    if arbitrators:
        wanted = {a.id: a for a in arbitrators}
        seats = session.execute(
            select(HearingArbitrator.hearing_id, HearingArbitrator.arbitrator_id).where(
                HearingArbitrator.hearing_id.in_([h.id for h in clashes]),
                HearingArbitrator.arbitrator_id.in_(list(wanted)),
            )
        ).all()
        by_id = {h.id: h for h in clashes}
        for hearing_id, arbitrator_id in sorted(seats, key=lambda r: by_id[r[0]].start_minute or 0):
            h = by_id[hearing_id]
            name = wanted[arbitrator_id].name
            raise _refuse(
                f"仲裁员{name}在 {slot.hearing_date} {_span(h)} 已参加{h.case.number}的开庭，"
                f"与拟定的 {when} 时间重叠。",
                f"Arbitrator {name} sits in {h.case.number} at {_span(h)} that day, overlapping {when}.",
                "member_ids",
            )


# --------------------------------------------------------------------------- recording


def slot_from_fields(f: dict[str, object]) -> Slot:
    """The slot a "确定开庭" step's cleaned fields describe."""
    start = f.get("start_time")
    members = f.get("member_ids") or []
    assert isinstance(members, list | tuple)
    hearing_date = f["hearing_date"]
    assert isinstance(hearing_date, dt.date)

    def _int(v: object) -> int | None:
        return v if isinstance(v, int) else None

    return Slot(
        hearing_date=hearing_date,
        start_minute=parse_time(start) if start is not None else None,
        duration_minutes=_int(f.get("duration_minutes")),
        room_id=_int(f.get("room_id")),
        presiding_id=_int(f.get("presiding_id")),
        member_ids=tuple(int(x) for x in members),
    )


def record_scheduled(session: Session, case: Case, slot: Slot, event: Event, place: str | None) -> Hearing:
    """Book the checked slot for the step's event; the case's earlier unheld hearing is replaced."""
    for old in session.scalars(
        select(Hearing).where(Hearing.case_id == case.id, Hearing.status == SCHEDULED)
    ):
        old.status = RESCHEDULED
    h = Hearing(
        case_id=case.id,
        event_id=event.id,
        hearing_date=slot.hearing_date,
        start_minute=slot.start_minute,
        duration_minutes=(slot.duration_minutes or DEFAULT_DURATION)
        if slot.start_minute is not None
        else None,
        room_id=slot.room_id,
        place=place,
        status=SCHEDULED,
    )
    sole = not slot.member_ids
    for i, aid in enumerate(slot.arbitrator_ids):
        seat = ("sole" if sole else "presiding") if i == 0 else "member"
        h.members.append(HearingArbitrator(arbitrator_id=aid, seat=seat, position=i))
    session.add(h)
    session.flush()
    return h


def zh_time(minute: int) -> str:
    """09:30 -> 上午9时30分, 14:00 -> 下午2时: how a notice states the hour."""
    h, m = divmod(minute, 60)
    part = "上午" if h < 12 else "中午" if h == 12 else "下午" if h < 18 else "晚上"
    h12 = h if h <= 12 else h - 12
    return f"{part}{h12}时" + (f"{m:02d}分" if m else "")


def current_hearing(session: Session, case_id: int) -> Hearing | None:
    """The case's hearing as it stands: the latest one not replaced by a later 确定开庭."""
    return session.scalars(
        select(Hearing)
        .where(Hearing.case_id == case_id, Hearing.status != RESCHEDULED)
        .order_by(Hearing.id.desc())
        .limit(1)
    ).first()


def notice_fields(session: Session, case_id: int) -> dict[str, object]:
    """What the 开庭通知书 states: the day, the hour and where (the room and its address)."""
    h = current_hearing(session, case_id)
    if h is None:
        return {}
    out: dict[str, object] = {"hearing_date": h.hearing_date}
    if h.start_minute is not None:
        out["hearing_time"] = zh_time(h.start_minute)
    if h.room is not None:
        out["place"] = h.room.name + (f"（{h.room.location}）" if h.room.location else "")
    elif h.place:
        out["place"] = h.place
    return out


def step_record(session: Session, data: dict[str, object], slot: Slot) -> dict[str, object]:
    """The 确定开庭 event's facts as the timeline shows them: the tribunal by name, no ids."""
    out = {
        k: v
        for k, v in data.items()
        if k not in ("room_id", "presiding_id", "member_ids", "duration_minutes")
    }
    if slot.end_minute is not None:
        out["start_time"] = f"{hhmm(slot.start_minute)}–{hhmm(slot.end_minute)}"
    ids = slot.arbitrator_ids
    if ids:
        rows = session.execute(select(Arbitrator.id, Arbitrator.name).where(Arbitrator.id.in_(ids))).all()
        names = {r[0]: r[1] for r in rows}
        lead = "独任" if not slot.member_ids else "首席"
        out["tribunal"] = "、".join(
            f"{names[i]}（{lead}）" if n == 0 else names[i] for n, i in enumerate(ids)
        )
    return out


def room_name(session: Session, room_id: int) -> str | None:
    room = session.get(HearingRoom, room_id)
    return room.name if room is not None else None


def display_state(status: str, hearing_date: dt.date, today: dt.date) -> str:
    """What a screen shows: "held" only when the day has come AND a clerk recorded it."""
    if status == HELD and hearing_date <= today:
        return HELD
    if status == SCHEDULED and hearing_date <= today:
        return AWAITING_RECORD
    return status


def record_held(session: Session, actor: Actor, hearing_id: int, *, on: dt.date) -> Hearing:
    """Record that the hearing took place (on its day or later; never ahead of it)."""
    h = session.get(Hearing, hearing_id)
    if h is None:
        raise NotFoundError("开庭安排不存在。", "No such hearing.")
    case = cases.load_case_for_update(session, h.case_id, None)
    permissions.require_case(actor, "case.transition", case)
    if h.status != SCHEDULED:
        raise _refuse(
            "该开庭安排已记录或已改期。", "This hearing was already recorded or rescheduled.", "code"
        )
    if on < h.hearing_date:
        raise _refuse(
            f"开庭日期为 {h.hearing_date}，尚未到来，不能记录为已开庭。",
            f"The hearing is on {h.hearing_date}: it cannot be recorded as held before then.",
            "on",
        )
    h.status, h.held_on = HELD, on
    cases.add_event(
        session, case, actor, EventKind.HEARING, occurred_on=on, action="hearing_held",
        data={"hearing_date": h.hearing_date},
    )  # fmt: skip
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="hearing.held",
        entity="case",
        entity_id=case.id,
        after={"hearing_id": h.id, "held_on": on.isoformat()},
    )
    return h


@dataclass(frozen=True)
class ScheduleForm:
    """What the scheduling dialog offers: active rooms and arbitrators, and the tribunal the
    case formed ("组成仲裁庭" recorded names) matched to the roster, presiding first."""

    rooms: tuple[RoomInfo, ...]
    arbitrators: tuple[ArbitratorInfo, ...]
    tribunal_ids: tuple[int | None, ...]
    current: str  # the booking it would replace, as a sentence ("" when none)


def schedule_form(session: Session, actor: Actor, case_id: int) -> ScheduleForm:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    permissions.require(actor, "case.view", case.kind)
    arbitrators = tuple(list_arbitrators(session, active_only=True))
    by_name = {a.name: a.id for a in arbitrators}
    ev = session.scalars(
        select(Event)
        .where(Event.case_id == case_id, Event.action == "form_tribunal")
        .order_by(Event.id.desc())
        .limit(1)
    ).first()
    names = cases.event_data(ev).get("arbitrators", []) if ev is not None else []
    tribunal = tuple(by_name.get(str(n)) for n in names) if isinstance(names, list) else ()
    h = current_hearing(session, case_id)
    current = ""
    if h is not None and h.status == SCHEDULED:
        where = h.room.name if h.room is not None else (h.place or "")
        current = f"{h.hearing_date} {hhmm(h.start_minute)} {where}".replace("  ", " ").strip()
    return ScheduleForm(tuple(list_rooms(session, active_only=True)), arbitrators, tribunal, current)
