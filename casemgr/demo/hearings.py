"""The demo's hearing rooms, arbitrator roster and booked hearings.

Without them the demo's 开庭排期 page was empty and every hearing notice said only "第一仲裁庭".
Nothing here draws from the demo's random stream: the rooms and the roster are fixed lists and a
hearing's room and time follow from the case and the day, so the demo's figures (which its tests
hold to published ranges) are the same with or without the docket.

Each room has its own panel of three arbitrators (the first presides or sits alone in a simple
case), so a room that is free at a time is a tribunal that is free too: a booking never meets
the double-booking refusals of :mod:`casemgr.services.hearings`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr.actor import Actor
from casemgr.models import Hearing, HearingRoom
from casemgr.services import hearings

#: (name, where) of the commission's rooms.
ROOMS = (
    ("第一仲裁庭", "三楼东侧"),
    ("第二仲裁庭", "三楼西侧"),
    ("第三仲裁庭", "四楼"),
    ("简易仲裁庭", "二楼调解室旁"),
)
#: The roster, three per room in the order of :data:`ROOMS` (full-time first, then part-time).
ROSTER = (
    "陈国栋", "林晓燕", "黄志明",
    "吴丽华", "郑建新", "蔡秀珍",
    "许文杰", "刘海涛", "庄美玲",
    "张伟强", "李碧霞", "杨永青",
)  # fmt: skip
PART_TIME = frozenset({"黄志明", "蔡秀珍", "庄美玲", "杨永青"})
#: Start times (minutes after midnight): 09:00, 10:45, 14:30, 16:15; each hearing 90 minutes.
STARTS = (540, 645, 870, 975)
LENGTH = 90


@dataclass
class Docket:
    """The rooms and panels made in this database; books a case's hearing on a day."""

    room_ids: list[int] = field(default_factory=list)
    panels: list[list[tuple[int, str]]] = field(default_factory=list)  # per room: (id, name) ×3

    def panel(self, case_id: int) -> list[tuple[int, str]]:
        return self.panels[case_id % len(self.panels)] if self.panels else []

    def tribunal_names(self, case_id: int, simple: bool) -> list[str]:
        panel = self.panel(case_id)
        return [name for _, name in (panel[:1] if simple else panel)]

    def booking(self, s: Session, case_id: int, day: dt.date, simple: bool) -> dict[str, object]:
        """The schedule step's room, time and tribunal for ``case_id`` on ``day``: its panel's
        room at the first free start, or no room (a hearing elsewhere) when the room is full."""
        if not self.room_ids:
            return {"place": "第一仲裁庭"}
        i = case_id % len(self.room_ids)
        taken = set(
            s.scalars(
                select(Hearing.start_minute).where(
                    Hearing.room_id == self.room_ids[i],
                    Hearing.hearing_date == day,
                    Hearing.status.in_((hearings.SCHEDULED, hearings.HELD)),  # a held one kept its room
                )
            )
        )
        start = next((m for m in STARTS if m not in taken), None)
        if start is None:
            return {"place": "本委调解室"}
        ids = [a for a, _ in (self.panel(case_id)[:1] if simple else self.panel(case_id))]
        return {
            "start_time": hearings.hhmm(start),
            "duration_minutes": LENGTH,
            "room_id": self.room_ids[i],
            "presiding_id": ids[0],
            "member_ids": ids[1:],
        }


def make_docket(s: Session, admin: Actor | None) -> Docket:
    """The rooms and roster, made once (a database that has rooms already keeps its own)."""
    d = Docket()
    if admin is None or s.scalar(select(HearingRoom.id).limit(1)) is not None:
        return d
    for name, where in ROOMS:
        d.room_ids.append(hearings.save_room(s, admin, name=name, location=where).id)
    made = [(hearings.save_arbitrator(s, admin, name=n, full_time=n not in PART_TIME).id, n) for n in ROSTER]
    d.panels = [made[i : i + 3] for i in range(0, len(made), 3)]
    return d


def held(s: Session, actor: Actor, case_id: int, today: dt.date) -> None:
    """Record the case's booked hearing as held once its day has come (a clerk does this)."""
    h = hearings.current_hearing(s, case_id)
    if h is not None and hearings.display_state(h.status, h.hearing_date, today) == hearings.AWAITING_RECORD:
        hearings.record_held(s, actor, h.id, on=h.hearing_date)
