"""守法诚信等级评价 (issue 17): the yearly A/B/C grade of each employer and the facts behind it.

Two tables. ``employer_grades`` holds one row per employer and evaluated year: the grade the
rules proposed with their reasons, and the grade a supervisor confirmed (or changed, with a
reason). The proposal is kept beside the confirmed grade because a change of the proposal is
what an objection or a review asks about. ``grading_facts`` holds what the app cannot learn
from its cases (a 群体性事件, child labour, obstruction of an inspection, criminal liability,
a refusal the case file does not show): entered by an inspector with a note, dated, so the
grading of the year the fact happened picks it up.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from casemgr.models.base import Base, utcnow


class GradingFact(Base):
    __tablename__ = "grading_facts"
    __table_args__ = (Index("ix_grading_facts_employer_date", "employer_id", "occurred_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"))
    kind: Mapped[str] = mapped_column(String(24))  # casemgr.grading.rules.FactKind
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class EmployerGrade(Base):
    __tablename__ = "employer_grades"
    __table_args__ = (
        UniqueConstraint("employer_id", "year"),
        # The list's order (C, B, A; newest employer first) is this index read backwards.
        Index("ix_employer_grades_year_grade", "year", "grade", "employer_id"),
        # Covers the year's summary (counts by grade, status and changed) without the table.
        Index("ix_employer_grades_year_status", "year", "status", "grade", "proposed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"))
    year: Mapped[int] = mapped_column(Integer)  # the year evaluated (评价年度), not the year of the run
    proposed: Mapped[str] = mapped_column(String(1))  # A / B / C, from the rules
    reasons: Mapped[str | None] = mapped_column(Text)  # JSON list of the rules' reasons
    grade: Mapped[str] = mapped_column(String(1))  # the grade in force once confirmed
    status: Mapped[str] = mapped_column(String(12), default="proposed")  # proposed / confirmed
    change_reason: Mapped[str | None] = mapped_column(Text)  # required when grade != proposed
    proposed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    confirmed_at: Mapped[dt.datetime | None]
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    notice_sha256: Mapped[str | None] = mapped_column(String(64))  # the last 告知书 made
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
