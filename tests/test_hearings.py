"""Hearing scheduling (issue 15): rooms, roster, conflicts and the "held" record, without Qt.

Dates: today is Mon 2026-11-23 (tests.helpers.TODAY). A case accepted on 11-17 whose copy is
not served yet has its defence period running at least to Mon 12-07 (10 wd from 11-23), so
the hearings below sit on Thu 12-10 unless a test is about the notice period.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from casemgr.enums import CaseKind, Role
from casemgr.errors import PermissionDenied, ValidationError, WorkflowError
from casemgr.models import Event, Hearing
from casemgr.services import cases, hearings
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date
TODAY = helpers.TODAY
DAY = D(2026, 12, 10)


def _case(database, clerk, n: int, *, simple: bool = False) -> int:
    data = helpers.case_input(CaseKind.ARBITRATION, received_on=D(2026, 11, 16), n=n, migrant=False)
    data = dataclasses.replace(data, simple_procedure=simple)
    with database.write() as s:
        cid = cases.register_case(s, clerk, data, today=TODAY).id
    with database.write() as s:
        wf.apply_transition(s, clerk, cid, "accept", {}, expected_version=None, on=D(2026, 11, 17))
        wf.apply_transition(
            s,
            clerk,
            cid,
            "form_tribunal",
            {"arbitrators": ["甲", "乙", "丙"]},
            expected_version=None,
            on=D(2026, 11, 18),
        )
    return cid


@pytest.fixture
def roster(database, actors):
    admin = actors[Role.ADMIN]
    with database.write() as s:
        rooms = [hearings.save_room(s, admin, name=f"第{x}仲裁庭", location="三楼").id for x in "一二"]
        arb = [
            hearings.save_arbitrator(s, admin, name=n, full_time=i < 4).id
            for i, n in enumerate("赵钱孙李周吴")
        ]
    return rooms, arb


def schedule(database, actor, cid, *, on=TODAY, **fields):
    fields.setdefault("hearing_date", DAY)
    with database.write() as s:
        return wf.apply_transition(s, actor, cid, "schedule_hearing", fields, expected_version=None, on=on).id


def _tribunal(arb, i):
    return {"presiding_id": arb[i], "member_ids": [arb[i + 1], arb[i + 2]]}


def test_roster_is_the_administrators_and_names_are_unique(database, actors, roster) -> None:
    rooms, _arb = roster
    with database.write() as s:
        with pytest.raises(PermissionDenied):
            hearings.save_room(s, actors[Role.CLERK], name="第三仲裁庭")
        with pytest.raises(ValidationError) as exc:
            hearings.save_arbitrator(s, actors[Role.ADMIN], name="赵")
        assert "已有" in exc.value.zh
        hearings.save_room(s, actors[Role.ADMIN], room_id=rooms[1], name="第二仲裁庭", active=False)
    with database.read() as s:
        assert [r.name for r in hearings.list_rooms(s, active_only=True)] == ["第一仲裁庭"]
        assert [a.name for a in hearings.list_arbitrators(s)][:4] == sorted("赵钱孙李")


def test_scheduling_records_time_room_and_tribunal_on_the_step(database, actors, roster) -> None:
    rooms, arb = roster
    clerk = actors[Role.CLERK]
    cid = _case(database, clerk, 1)
    schedule(
        database, clerk, cid, start_time="09:30", duration_minutes=90, room_id=rooms[0], **_tribunal(arb, 0)
    )
    with database.read() as s:
        h = s.scalars(select(Hearing).where(Hearing.case_id == cid)).one()
        assert (h.hearing_date, h.start_minute, h.duration_minutes, h.room_id, h.status) == (
            DAY,
            9 * 60 + 30,
            90,
            rooms[0],
            "scheduled",
        )
        assert [(m.arbitrator.name, m.seat) for m in h.members] == [
            ("赵", "presiding"),
            ("钱", "member"),
            ("孙", "member"),
        ]
        ev = s.get(Event, h.event_id)
        data = cases.event_data(ev)
        # The timeline keeps the step's facts by name (no row ids); the place is the room's name.
        assert data == {
            "hearing_date": "2026-12-10",
            "start_time": "09:30–11:00",
            "place": "第一仲裁庭",
            "tribunal": "赵（首席）、钱、孙",
        }


def test_a_step_without_time_still_schedules_as_before(database, actors, roster) -> None:
    clerk = actors[Role.CLERK]
    cid = _case(database, clerk, 1)
    schedule(database, clerk, cid, place="用人单位会议室")
    with database.read() as s:
        h = s.scalars(select(Hearing).where(Hearing.case_id == cid)).one()
        assert (h.start_minute, h.room_id, h.place) == (None, None, "用人单位会议室")


def test_room_back_to_back_is_allowed_one_minute_overlap_refused(database, actors, roster) -> None:
    rooms, arb = roster
    clerk = actors[Role.CLERK]
    a, b, c = (_case(database, clerk, n) for n in (1, 2, 3))
    schedule(
        database, clerk, a, start_time="09:00", duration_minutes=120, room_id=rooms[0], **_tribunal(arb, 0)
    )
    # 11:00 starts when A's 09:00–11:00 ends: back to back, allowed (other arbitrators).
    schedule(
        database, clerk, b, start_time="11:00", duration_minutes=60, room_id=rooms[0], **_tribunal(arb, 3)
    )
    # 10:59 in the same room: one minute inside A's sitting.
    with pytest.raises(WorkflowError) as exc:
        schedule(database, clerk, c, start_time="10:59", duration_minutes=60, room_id=rooms[0])
    assert exc.value.field == "room_id"
    assert "第一仲裁庭" in exc.value.zh and "09:00–11:00" in exc.value.zh and "时间重叠" in exc.value.zh
    # A booking that ends exactly when A begins is fine too.
    schedule(database, clerk, c, start_time="08:00", duration_minutes=60, room_id=rooms[0])
    with database.read() as s:
        assert s.scalars(select(Hearing.case_id).where(Hearing.case_id == c)).all() == [
            c
        ]  # refused one: no row


def test_an_arbitrator_cannot_sit_twice_at_once(database, actors, roster) -> None:
    rooms, arb = roster
    clerk = actors[Role.CLERK]
    a, b = _case(database, clerk, 1), _case(database, clerk, 2)
    schedule(
        database, clerk, a, start_time="14:30", duration_minutes=120, room_id=rooms[0], **_tribunal(arb, 0)
    )
    with pytest.raises(WorkflowError) as exc:  # other room, but 孙 (a member of A's tribunal) presides
        schedule(database, clerk, b, start_time="16:29", room_id=rooms[1], **_tribunal(arb, 2))
    assert exc.value.field == "member_ids" and "仲裁员孙" in exc.value.zh and "14:30–16:30" in exc.value.zh
    schedule(database, clerk, b, start_time="16:30", room_id=rooms[1], **_tribunal(arb, 2))


def test_rescheduling_a_case_frees_its_own_slot(database, actors, roster) -> None:
    rooms, arb = roster
    clerk = actors[Role.CLERK]
    a = _case(database, clerk, 1)
    schedule(database, clerk, a, start_time="09:00", room_id=rooms[0], **_tribunal(arb, 0))
    schedule(database, clerk, a, start_time="10:00", room_id=rooms[0], **_tribunal(arb, 0))
    with database.read() as s:
        rows = s.scalars(select(Hearing).where(Hearing.case_id == a).order_by(Hearing.id)).all()
        assert [(h.start_minute, h.status) for h in rows] == [(540, "rescheduled"), (600, "scheduled")]


def test_notice_period_exactly_five_working_days(database, actors) -> None:
    """调解仲裁法 Art. 35 counted as the notice clock counts (five working days, all before the
    hearing day): served Mon 11-23, the days 11-24..27 and 11-30 are the five, so a hearing on
    Tue 12-01 is in time and one on Mon 11-30 is not."""
    with database.read() as s:
        assert hearings.notice_due(s, D(2026, 12, 1)) == TODAY
        hearings.check_notice_period(s, D(2026, 12, 1), TODAY)
        with pytest.raises(WorkflowError) as exc:
            hearings.check_notice_period(s, D(2026, 11, 30), TODAY)
    assert exc.value.field == "hearing_date"
    assert "《中华人民共和国劳动争议调解仲裁法》（2007年）第三十五条" in exc.value.zh
    assert "开庭五日前" in exc.value.zh and "2026-11-20" in exc.value.zh  # the last day it could have gone


def test_notice_period_through_the_step_and_the_defence_rule_reused(database, actors, roster) -> None:
    rooms, arb = roster
    clerk = actors[Role.CLERK]
    cid = _case(database, clerk, 1)
    with pytest.raises(WorkflowError) as exc:  # 4 working days' notice
        schedule(database, clerk, cid, hearing_date=D(2026, 11, 30), start_time="09:00", room_id=rooms[0])
    assert exc.value.field == "hearing_date" and "第三十五条" in exc.value.zh
    # 12-01 is in time for the notice but inside the defence period: issue 14's rule asks a reason.
    with pytest.raises(WorkflowError) as exc:
        schedule(database, clerk, cid, hearing_date=D(2026, 12, 1), start_time="09:00", room_id=rooms[0])
    assert exc.value.field == "early_hearing_reason"
    schedule(
        database,
        clerk,
        cid,
        hearing_date=D(2026, 12, 1),
        start_time="09:00",
        room_id=rooms[0],
        early_hearing_reason="被申请人书面同意缩短答辩期",
        **_tribunal(arb, 0),
    )


def test_tribunal_shape_and_roster(database, actors, roster) -> None:
    rooms, arb = roster
    clerk = actors[Role.CLERK]
    full, simple = _case(database, clerk, 1), _case(database, clerk, 2, simple=True)
    with pytest.raises(WorkflowError) as exc:  # a sole arbitrator in an ordinary case
        schedule(database, clerk, full, start_time="09:00", room_id=rooms[0], presiding_id=arb[0])
    assert "独任仲裁仅适用于简易处理" in exc.value.zh
    with pytest.raises(WorkflowError) as exc:  # presiding + one member
        schedule(database, clerk, full, start_time="09:00", presiding_id=arb[0], member_ids=[arb[1]])
    assert "第三十一条" in exc.value.zh
    with pytest.raises(WorkflowError):  # the same person twice
        schedule(database, clerk, full, start_time="09:00", presiding_id=arb[0], member_ids=[arb[0], arb[1]])
    with database.write() as s:
        hearings.save_arbitrator(s, actors[Role.ADMIN], arbitrator_id=arb[5], name="吴", active=False)
    with pytest.raises(WorkflowError) as exc:
        schedule(database, clerk, full, start_time="09:00", presiding_id=arb[5], member_ids=arb[1:3])
    assert "吴" in exc.value.zh and "名册" in exc.value.zh
    with pytest.raises(ValidationError) as verr:
        schedule(database, clerk, full, start_time="23:30", room_id=rooms[0])
    assert verr.value.field == "start_time"
    schedule(database, clerk, simple, start_time="09:00", room_id=rooms[1], presiding_id=arb[0])


def test_held_only_when_the_day_has_come_and_it_was_recorded(database, actors, roster) -> None:
    rooms, arb = roster
    clerk = actors[Role.CLERK]
    cid = _case(database, clerk, 1)
    schedule(database, clerk, cid, start_time="09:00", room_id=rooms[0], **_tribunal(arb, 0))
    with database.read() as s:
        hid = s.scalars(select(Hearing.id).where(Hearing.case_id == cid)).one()
    assert hearings.display_state("scheduled", DAY, TODAY) == "scheduled"  # in the future
    assert hearings.display_state("scheduled", DAY, DAY) == "awaiting_record"  # its day, not recorded
    with database.write() as s, pytest.raises(WorkflowError) as exc:
        hearings.record_held(s, clerk, hid, on=DAY - dt.timedelta(days=1))
    assert "尚未到来" in exc.value.zh
    with database.write() as s:
        hearings.record_held(s, clerk, hid, on=DAY)
    with database.read() as s:
        h = s.get(Hearing, hid)
        assert (h.status, h.held_on) == ("held", DAY)
        assert hearings.display_state(h.status, h.hearing_date, DAY) == "held"
        assert s.scalars(
            select(Event.action).where(Event.case_id == cid, Event.action == "hearing_held")
        ).one()
    with database.write() as s, pytest.raises(PermissionDenied):
        hearings.record_held(s, actors[Role.INSPECTOR], hid, on=DAY)


def test_hearing_notice_states_the_day_the_hour_and_the_room(database, actors, roster) -> None:
    from casemgr.services import notices as notice_service

    rooms, arb = roster
    clerk = actors[Role.CLERK]
    cid = _case(database, clerk, 1)
    schedule(database, clerk, cid, start_time="14:30", room_id=rooms[0], **_tribunal(arb, 0))
    with database.read() as s:
        data = notice_service.notice_data(s, clerk, cid, "arb_hearing", today=TODAY)
    body = "".join(data.paragraphs)
    assert "定于2026年12月10日下午2时30分在第一仲裁庭（三楼）开庭审理" in body
    # Rescheduled to a morning: the notice follows the current booking, not the first one.
    schedule(database, clerk, cid, start_time="09:00", room_id=rooms[1], **_tribunal(arb, 0))
    with database.read() as s:
        body = "".join(notice_service.notice_data(s, clerk, cid, "arb_hearing", today=TODAY).paragraphs)
    assert "定于2026年12月10日上午9时在第二仲裁庭（三楼）开庭审理" in body


def test_time_in_words() -> None:
    assert [hearings.zh_time(m) for m in (9 * 60 + 30, 12 * 60, 14 * 60 + 5, 19 * 60)] == [
        "上午9时30分",
        "中午12时",
        "下午2时05分",
        "晚上7时",
    ]


def test_the_case_file_offers_record_held_once_the_day_has_come(
    database, actors, roster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clerk records it from the case file too (it was on the docket page only): the
    detail names the hearing to record from its day on, until it is recorded."""
    from casemgr import queries

    rooms, arb = roster
    clerk = actors[Role.CLERK]
    cid = _case(database, clerk, 1)
    schedule(database, clerk, cid, start_time="09:00", room_id=rooms[0], **_tribunal(arb, 0))
    with database.read() as s:
        hid = s.scalars(select(Hearing.id).where(Hearing.case_id == cid)).one()
        assert queries.case_detail(s, clerk, cid).hearing_to_record is None  # 12-10 is ahead
    monkeypatch.setenv("CASEMGR_TODAY", DAY.isoformat())
    with database.read() as s:
        assert queries.case_detail(s, clerk, cid).hearing_to_record == hid
    with database.write() as s:
        hearings.record_held(s, clerk, hid, on=DAY)
    with database.read() as s:
        assert queries.case_detail(s, clerk, cid).hearing_to_record is None
