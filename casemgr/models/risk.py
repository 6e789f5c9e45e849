"""欠薪风险预警 (issue 17): each employer's current risk level and its changes.

The level is *stored*, not computed on every read: the warning list is a city-wide ranking
that must open in milliseconds over a million cases, which a per-employer aggregation over
cases cannot do. ``casemgr.services.risk.refresh`` recomputes it; a changed level appends an
``EmployerRiskEvent`` (the employer's history) and an audit entry.

``district`` and ``industry`` are copied from the employer at each refresh so the list's
filters and its order (score, highest first) are one index range: the list never joins
cases. ``explanation`` is JSON: one item per factor that scored (its code, the facts, the
weight and the points), so the page explains a score without recomputing it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from casemgr.models.base import Base, utcnow


class EmployerRisk(Base):
    """One row per employer that scored at least one point at the last refresh."""

    __tablename__ = "employer_risk"
    __table_args__ = (
        # the warning list: a district's (or the city's) ranked levels, a page at a time
        Index("ix_employer_risk_district_level", "district", "level", "score", "employer_id"),
        Index("ix_employer_risk_level", "level", "score", "employer_id"),
    )

    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"), primary_key=True)
    level: Mapped[str | None] = mapped_column(String(8))  # RiskLevel: red | orange | yellow; None below
    score: Mapped[int] = mapped_column(Integer)
    district: Mapped[str | None] = mapped_column(String(32))
    industry: Mapped[str | None] = mapped_column(String(64))
    explanation: Mapped[str] = mapped_column(Text)  # JSON list of scored factors
    computed_on: Mapped[dt.date] = mapped_column(Date)  # the "today" the score was computed for
    level_since: Mapped[dt.date | None] = mapped_column(Date)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class EmployerRiskEvent(Base):
    """A change of an employer's level (yellow → orange, orange → none …): its history."""

    __tablename__ = "employer_risk_events"
    __table_args__ = (Index("ix_employer_risk_events_employer", "employer_id", "occurred_on", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    from_level: Mapped[str | None] = mapped_column(String(8))
    to_level: Mapped[str | None] = mapped_column(String(8))
    score: Mapped[int] = mapped_column(Integer)
    explanation: Mapped[str] = mapped_column(Text)  # JSON, as EmployerRisk.explanation
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None: the CLI/system
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
