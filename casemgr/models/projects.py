"""工程建设项目台账 (issue 17): construction projects, their units and their 两金三制 status.

Why these shapes:

* The units of a project (建设单位, 施工总承包单位, 分包单位) are rows of ``employers``, found
  by credit code like any other party, so a project's 总包 is the same row as the employer of
  the complaints against it and its history is a join.
* Each element of 《保障农民工工资支付条例》(国务院令第724号) the bureau checks on a site is a
  *date it was done* (NULL: not done), not a yes/no: the warning colour is measured from
  those dates and the project's start, and a ledger that knows only "是" stores the import day.
* A complaint is linked through ``project_complaints`` (one row per inspection case) rather
  than a column on ``cases``: linking leaves the case row, its version and its audited state
  alone, and the link has its own who/when.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from casemgr.models.base import Base, utcnow
from casemgr.models.cases import Employer


class Project(Base):
    """One construction project of the register."""

    __tablename__ = "projects"
    __table_args__ = (
        CheckConstraint("status IN ('planned','building','suspended','completed')", name="status"),
        CheckConstraint("deposit_amount IS NULL OR deposit_amount >= 0", name="deposit_nonneg"),
        Index("ix_projects_district_name", "district", "name"),
        Index("ix_projects_name", "name"),
        Index("ix_projects_general", "general_contractor_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(String(64), unique=True)  # 项目编号 (when it has one)
    name: Mapped[str] = mapped_column(String(200))
    district: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(200))
    builder_id: Mapped[int | None] = mapped_column(ForeignKey("employers.id"))  # 建设单位
    general_contractor_id: Mapped[int | None] = mapped_column(ForeignKey("employers.id"))  # 施工总承包
    start_on: Mapped[dt.date | None] = mapped_column(Date)  # 开工日期
    end_on: Mapped[dt.date | None] = mapped_column(Date)  # 竣工（计划）日期
    status: Mapped[str] = mapped_column(String(16), default="building")  # ProjectStatus
    # 工资保证金 (条例 Art. 32; a 金融机构保函 may stand for it)
    deposit_amount: Mapped[Decimal | None]
    deposit_bank: Mapped[str | None] = mapped_column(String(100))
    deposit_on: Mapped[dt.date | None] = mapped_column(Date)
    # 农民工工资专用账户 (Art. 26)
    account_bank: Mapped[str | None] = mapped_column(String(100))
    account_opened_on: Mapped[dt.date | None] = mapped_column(Date)
    roster_on: Mapped[dt.date | None] = mapped_column(Date)  # 实名制管理 in place since (Art. 28)
    board_on: Mapped[dt.date | None] = mapped_column(Date)  # 维权信息告示牌 set up (Art. 34)
    last_agent_pay_on: Mapped[dt.date | None] = mapped_column(Date)  # latest 总包代发 (Art. 31)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    builder: Mapped[Employer | None] = relationship(foreign_keys=[builder_id])
    general_contractor: Mapped[Employer | None] = relationship(foreign_keys=[general_contractor_id])
    subcontractors: Mapped[list[ProjectSubcontractor]] = relationship(
        cascade="all, delete-orphan", order_by="ProjectSubcontractor.position"
    )

    __mapper_args__ = {"version_id_col": version}


class ProjectSubcontractor(Base):
    """A 分包单位 of a project, in the order the ledger or the inspector gave."""

    __tablename__ = "project_subcontractors"
    __table_args__ = (Index("ix_project_subcontractors_employer", "employer_id", "project_id"),)

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    employer: Mapped[Employer] = relationship()


class ProjectComplaint(Base):
    """An inspection case (complaint) linked to the project it concerns: at most one project."""

    __tablename__ = "project_complaints"
    __table_args__ = (Index("ix_project_complaints_project", "project_id", "case_id"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    linked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    linked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
