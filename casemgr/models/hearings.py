"""Hearing rooms, the arbitrator roster and scheduled hearings (issue 15)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from casemgr.models.base import Base, utcnow

if TYPE_CHECKING:
    from casemgr.models.cases import Case


# --------------------------------------------------------------------------- hearings
# A hearing is a row, not only the "确定开庭" event: a room or an arbitrator booked twice is a
# range query on (hearing_date, start_minute, duration_minutes). Times are minutes after
# midnight on the bureau's (Beijing) wall clock: overlap is integer arithmetic on both
# backends. status: scheduled | held (recorded once the day has come) | rescheduled.


class HearingRoom(Base):
    """仲裁庭室; a retired room stays for its old hearings."""

    __tablename__ = "hearing_rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    location: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Arbitrator(Base):
    """仲裁员名册: full-time (专职) or part-time; may be a user of the app."""

    __tablename__ = "arbitrators"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    full_time: Mapped[bool] = mapped_column(Boolean, default=True)  # 专职 / 兼职
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Hearing(Base):
    """A scheduled hearing of an arbitration case: day, time, length, room and tribunal."""

    __tablename__ = "hearings"
    __table_args__ = (
        Index("ix_hearings_date_room", "hearing_date", "room_id"),
        Index("ix_hearings_case", "case_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    hearing_date: Mapped[dt.date] = mapped_column(Date)
    start_minute: Mapped[int | None] = mapped_column(Integer)  # minutes after 00:00, Beijing time
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("hearing_rooms.id"))
    place: Mapped[str | None] = mapped_column(Text)  # elsewhere (办案规则 Art. 67)
    status: Mapped[str] = mapped_column(String(16), default="scheduled")
    held_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship()
    room: Mapped[HearingRoom | None] = relationship()
    members: Mapped[list[HearingArbitrator]] = relationship(
        cascade="all, delete-orphan", order_by="HearingArbitrator.position"
    )


class HearingArbitrator(Base):
    """A seat on a hearing's tribunal: ``presiding`` (首席), ``member`` or ``sole`` (独任)."""

    __tablename__ = "hearing_arbitrators"
    __table_args__ = (Index("ix_hearing_arbitrators_arbitrator", "arbitrator_id", "hearing_id"),)

    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearings.id", ondelete="CASCADE"), primary_key=True)
    arbitrator_id: Mapped[int] = mapped_column(ForeignKey("arbitrators.id"), primary_key=True)
    seat: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)

    arbitrator: Mapped[Arbitrator] = relationship()
