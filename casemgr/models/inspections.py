"""双随机一公开 (issue 17): 一单两库, inspection plans, the draw and each inspection's result.

一单两库 is the inspection-item list (``inspection_items``), the employer pool (the
``employers`` table less ``pool_exclusions``) and the inspector pool (inspector users with a
执法证 in ``inspector_profiles`` who are not marked unavailable). ``recusals`` are declared
conflicts: a drawn team never contains an inspector with a conflict for that employer.

A plan's draw is recorded in the audit chain (casemgr.services.draws), the rows here are its
outcome; ``draw_audit_id`` points at the entry that a third party re-runs.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from casemgr.models.base import Base, utcnow


class InspectionItem(Base):
    """抽查事项清单: what may be checked and the rule that allows it (国办发〔2015〕58号 二(一))."""

    __tablename__ = "inspection_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    basis: Mapped[str] = mapped_column(Text)  # 抽查依据: law, article
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class InspectorProfile(Base):
    """An inspector's place in the 执法检查人员名录库: the 执法证 number and availability."""

    __tablename__ = "inspector_profiles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    cert_no: Mapped[str | None] = mapped_column(String(32))  # 行政执法证号
    available: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(String(200))  # why unavailable (leave, secondment)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PoolExclusion(Base):
    """An employer kept out of the 检查对象名录库 (deregistered, under investigation ...), with why."""

    __tablename__ = "pool_exclusions"

    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"), primary_key=True)
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Recusal(Base):
    """回避: a declared conflict between an inspector and an employer."""

    __tablename__ = "recusals"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"), primary_key=True)
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class InspectionPlan(Base):
    """An inspection plan: period, items, pool filters, sample size, team size, seed, draw.

    status: draft (seed not yet fixed) | seeded (seed recorded in the audit chain) | drawn.
    """

    __tablename__ = "inspection_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    item_ids: Mapped[str] = mapped_column(Text)  # JSON list of inspection_items.id
    district: Mapped[str | None] = mapped_column(String(32))  # pool filter; NULL = every district
    industry: Mapped[str | None] = mapped_column(String(64))  # pool filter; NULL = every industry
    sample_count: Mapped[int | None] = mapped_column(Integer)  # how many employers, or
    sample_percent: Mapped[int | None] = mapped_column(Integer)  # a share of the pool (rounded up)
    team_size: Mapped[int] = mapped_column(Integer, default=2)  # 执法人员 per inspection (≥ 2)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    seed: Mapped[str | None] = mapped_column(String(200))
    seed_source: Mapped[str | None] = mapped_column(String(200))  # where the seed came from
    seed_audit_id: Mapped[int | None] = mapped_column(ForeignKey("audit_entries.id"))
    draw_audit_id: Mapped[int | None] = mapped_column(ForeignKey("audit_entries.id"))
    algorithm: Mapped[str | None] = mapped_column(String(32))
    drawn_at: Mapped[dt.datetime | None]
    drawn_on: Mapped[dt.date | None] = mapped_column(Date)  # the bureau's day of the draw
    #: A copy of the draw's audit entry (``after``), for those who may not read the audit trail
    #: (inspectors, on PostgreSQL); verify() holds it to the entry.
    draw_record: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    inspections: Mapped[list[PlanInspection]] = relationship(
        cascade="all, delete-orphan", order_by="PlanInspection.rank"
    )


class PlanInspection(Base):
    """One drawn employer of a plan, its team and what the inspection found (检查情况).

    result: pending | no_problem (未发现问题) | corrected (发现问题责令改正) | case_opened (立案查处).
    """

    __tablename__ = "plan_inspections"
    __table_args__ = (
        UniqueConstraint("plan_id", "employer_id"),
        Index("ix_plan_inspections_employer", "employer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("inspection_plans.id", ondelete="CASCADE"))
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"))
    rank: Mapped[int] = mapped_column(Integer)  # 1 = first drawn
    result: Mapped[str] = mapped_column(String(16), default="pending")
    inspected_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime | None]

    team: Mapped[list[PlanInspector]] = relationship(
        cascade="all, delete-orphan", order_by="PlanInspector.position"
    )


class PlanInspector(Base):
    """A drawn 执法人员 of one inspection."""

    __tablename__ = "plan_inspectors"
    __table_args__ = (Index("ix_plan_inspectors_user", "user_id", "inspection_id"),)

    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("plan_inspections.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
