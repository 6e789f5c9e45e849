"""The case file's tables: users, parties, cases, events, deadlines, audit, settings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from casemgr.models.base import Base, utcnow

# --------------------------------------------------------------------------- users


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # casemgr.enums.Role
    district: Mapped[str | None] = mapped_column(String(32))
    # Loaded only when read (log-in): on PostgreSQL no application role may read it
    # (casemgr.pgroles), so a user row must load without it.
    password_hash: Mapped[str | None] = mapped_column(String(255), deferred=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[dt.datetime | None]
    # The PostgreSQL login role of this user where each user logs in as their own role
    # (casemgr.pgroles, docs/deployment.md); NULL on SQLite.
    db_role: Mapped[str | None] = mapped_column(String(63), unique=True)


# --------------------------------------------------------------------------- parties


class Person(Base):
    """A natural person: worker, applicant, complainant, reporter, representative."""

    __tablename__ = "persons"
    __table_args__ = (Index("ix_persons_name", "name"), Index("ix_persons_id_last4", "id_last4"),
                      Index("ix_persons_phone", "phone"))  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)  # 居民身份证号码
    #: The ID number's last 4 (all a masked screen shows: what a clerk searches by); computed by
    #: the database for every writer. Migration 0010 adds it VIRTUAL on SQLite (ALTER TABLE's only kind).
    id_last4: Mapped[str | None] = mapped_column(
        String(4), Computed("substr(id_number, length(id_number) - 3)", persisted=True)
    )
    phone: Mapped[str | None] = mapped_column(String(32))
    migrant_worker: Mapped[bool] = mapped_column(Boolean, default=False)  # 农民工
    address: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Employer(Base):
    """用人单位. Key monitoring and blacklist status drive the inspector's warnings."""

    __tablename__ = "employers"
    __table_args__ = (Index("ix_employers_name", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    uscc: Mapped[str | None] = mapped_column(String(18), unique=True)  # 统一社会信用代码
    legal_rep: Mapped[str | None] = mapped_column(String(64))
    district: Mapped[str | None] = mapped_column(String(32))
    industry: Mapped[str | None] = mapped_column(String(64))
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    key_monitoring: Mapped[bool] = mapped_column(Boolean, default=False)  # 工资支付重点监察
    key_monitoring_since: Mapped[dt.date | None] = mapped_column(Date)
    blacklisted_on: Mapped[dt.date | None] = mapped_column(Date)  # 失信联合惩戒名单 列入决定日
    blacklisted_until: Mapped[dt.date | None] = mapped_column(Date)  # 3 years (令第45号 Art. 11)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


# --------------------------------------------------------------------------- cases


class CaseNumberCounter(Base):
    """Last sequence number per kind and year; bumped inside the registering transaction."""

    __tablename__ = "case_number_counters"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


#: Partial-index condition for open cases (SQLite and PostgreSQL both support it).
_OPEN: dict[str, Any] = {
    "sqlite_where": text("closed_on IS NULL"),
    "postgresql_where": text("closed_on IS NULL"),
}

_RUNNING: dict[str, Any] = {
    "sqlite_where": text("state = 'running'"),
    "postgresql_where": text("state = 'running'"),
}

#: Clocks that still count (the board's sections), as literal SQL: a partial index serves a
#: query only when the query states the same condition with the same constants.
ACTIVE_CLOCK = "state IN ('running', 'paused')"
EXTENSION_PENDING = "extension_requested_on IS NOT NULL AND extension_approved_by_id IS NULL"
_ACTIVE: dict[str, Any] = {"sqlite_where": text(ACTIVE_CLOCK), "postgresql_where": text(ACTIVE_CLOCK)}


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint("kind IN ('mediation','arbitration','inspection')", name="kind"),
        CheckConstraint("workers >= 0", name="workers_nonneg"),
        CheckConstraint("amount_claimed >= 0 AND amount_recovered >= 0", name="amounts_nonneg"),
        # Lists: one kind, newest first, optionally filtered by status/district.
        Index("ix_cases_kind_received", "kind", "received_on", "id"),
        Index("ix_cases_kind_status_received", "kind", "status", "received_on"),
        Index("ix_cases_kind_district_received", "kind", "district", "received_on"),
        Index("ix_cases_assigned_status", "assigned_user_id", "status"),
        # Indicators: accepted / closed in a period, per kind.
        Index("ix_cases_kind_accepted", "kind", "accepted_on"),
        # Closed cases only: as a full index its "~150 rows per date" statistics made SQLite
        # believe closed_on IS NULL was as selective (revision 0005). Ranges imply NOT NULL.
        Index(
            "ix_cases_kind_closed",
            "kind",
            "closed_on",
            sqlite_where=text("closed_on IS NOT NULL"),
            postgresql_where=text("closed_on IS NOT NULL"),
        ),
        Index("ix_cases_employer", "employer_id", "received_on"),
        # Search by sequence number ("0123", "2026-123"): casemgr.search.
        Index("ix_cases_seq", "seq", "year"),
        # Open cases only (a few percent of a bureau's history): the deadline board of one
        # user / one district (casemgr.deadlines.board).
        Index("ix_cases_open_assigned", "assigned_user_id", "district", **_OPEN),
        Index("ix_cases_open_district", "district", **_OPEN),
        # Open cases of one kind by amount (the list's "largest arrears first"): partial, so
        # the indicators' GROUP BY kind over every case cannot choose it.
        Index("ix_cases_open_kind_amount", "kind", "amount_claimed", "id", **_OPEN),
        # A kind's whole list sorted by case number, amount or workers (revision 0007): the
        # first page reads 200 index entries instead of sorting 380k rows at 1M. (Status and
        # district sort on the indexes above, with received_on as the tie-break.)
        Index("ix_cases_kind_number", "kind", "number"),
        # The board's supervised section (a few percent of open cases): its count and rows.
        Index(
            "ix_cases_open_supervised",
            "district",
            sqlite_where=text("closed_on IS NULL AND supervised IS 1"),
            postgresql_where=text("closed_on IS NULL AND supervised IS true"),
        ),
        Index("ix_cases_kind_amount", "kind", "amount_claimed", "id"),
        Index("ix_cases_kind_workers", "kind", "workers", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)  # 案号
    kind: Mapped[str] = mapped_column(String(16))  # CaseKind
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(32))  # workflow state, see casemgr.workflow
    district: Mapped[str | None] = mapped_column(String(32))
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employers.id"))

    received_on: Mapped[dt.date] = mapped_column(Date)  # 收案 / 接到投诉
    accepted_on: Mapped[dt.date | None] = mapped_column(Date)  # 受理 / 立案
    closed_on: Mapped[dt.date | None] = mapped_column(Date)  # 结案
    outcome: Mapped[str | None] = mapped_column(String(32))  # Outcome
    outcome_note: Mapped[str | None] = mapped_column(Text)

    # flags
    migrant_worker: Mapped[bool] = mapped_column(Boolean, default=False)  # 农民工
    wage_arrears: Mapped[bool] = mapped_column(Boolean, default=False)  # 欠薪 claim
    green_channel: Mapped[bool] = mapped_column(Boolean, default=False)  # 绿色通道
    green_channel_override: Mapped[str | None] = mapped_column(Text)  # reason when set by hand
    collective: Mapped[bool] = mapped_column(Boolean, default=False)  # 集体 (≥10 workers)
    supervised: Mapped[bool] = mapped_column(Boolean, default=False)  # 挂牌督办
    simple_procedure: Mapped[bool] = mapped_column(Boolean, default=False)  # 简易处理
    final_award: Mapped[bool] = mapped_column(Boolean, default=False)  # 终局裁决 (any item)

    complaint_type: Mapped[str | None] = mapped_column(String(16))  # ComplaintType (inspection)
    channel: Mapped[str] = mapped_column(String(16), default="window")  # Channel
    external_ref: Mapped[str | None] = mapped_column(String(64))  # platform / 12345 / 信访 number

    amount_claimed: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    amount_recovered: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    workers: Mapped[int] = mapped_column(Integer, default=1)

    employment_ended_on: Mapped[dt.date | None] = mapped_column(Date)  # limitation (Law Art. 27)
    violation_on: Mapped[dt.date | None] = mapped_column(Date)  # look-back (条例 Art. 20)
    knew_on: Mapped[dt.date | None] = mapped_column(Date)  # party knew of the infringement (Art. 27 ¶1)
    limitation_interrupted_on: Mapped[dt.date | None] = mapped_column(Date)  # latest 中断 (Art. 27 ¶2)
    # 时效中止 (Art. 27 ¶3): the cause began / ended (None while it lasts)
    limitation_suspended_from: Mapped[dt.date | None] = mapped_column(Date)
    limitation_suspended_to: Mapped[dt.date | None] = mapped_column(Date)
    mediation_body: Mapped[str | None] = mapped_column(String(16))  # MediationBody (mediation only)
    summary: Mapped[str | None] = mapped_column(Text)

    assigned_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # mediation -> arbitration it became; complaint -> case it was transferred to
    source_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)

    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    employer: Mapped[Employer | None] = relationship(foreign_keys=[employer_id])
    parties: Mapped[list[CaseParty]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseParty.id"
    )
    claims: Mapped[list[ClaimItem]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="ClaimItem.id"
    )
    deadlines: Mapped[list[Deadline]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Deadline.id"
    )

    __mapper_args__ = {"version_id_col": version}


class CaseParty(Base):
    __tablename__ = "case_parties"
    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (employer_id IS NULL)", name="person_xor_employer"),
        # With case_id (revision 0007): a search reaches a party's cases from the index alone
        # instead of one table read per case (4,000 employers' 80,000 cases at 1M).
        Index("ix_case_parties_person", "person_id", "case_id"),
        Index("ix_case_parties_employer", "employer_id", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # PartyRole
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employers.id"))

    case: Mapped[Case] = relationship(back_populates="parties")
    person: Mapped[Person | None] = relationship()
    employer: Mapped[Employer | None] = relationship()


class ClaimItem(Base):
    """One claim of one worker; a collective case has one line per worker and type."""

    __tablename__ = "claim_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    claim_type: Mapped[str] = mapped_column(String(24))  # ClaimType
    months: Mapped[int | None] = mapped_column(Integer)
    period_from: Mapped[dt.date | None] = mapped_column(Date)
    period_to: Mapped[dt.date | None] = mapped_column(Date)
    amount_claimed: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    amount_verified: Mapped[Decimal | None]
    amount_ordered: Mapped[Decimal | None]
    amount_paid: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    final_award: Mapped[bool | None] = mapped_column(Boolean)  # decided at award time

    case: Mapped[Case] = relationship(back_populates="claims")
    person: Mapped[Person | None] = relationship()


class Event(Base):
    """The case timeline: every transition, hearing, service, payment and note."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_case_occurred", "case_id", "occurred_on", "id"),
        # The 调裁衔接 figures count steps by name and date (casemgr.metrics.mediation_link).
        Index("ix_events_action_occurred", "action", "occurred_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # EventKind
    action: Mapped[str | None] = mapped_column(String(48))  # transition / clock action code
    occurred_on: Mapped[dt.date] = mapped_column(Date)  # the legal date of the act
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str | None] = mapped_column(String(32))
    data: Mapped[str | None] = mapped_column(Text)  # JSON: the transition's fields
    note: Mapped[str | None] = mapped_column(Text)


# --------------------------------------------------------------------------- deadlines


class DeadlineRule(Base):
    """A statutory or policy period, as data (seeded from resources/rules, admin-editable)."""

    __tablename__ = "deadline_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # CaseKind
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    day_type: Mapped[str] = mapped_column(String(16))  # DayType
    length: Mapped[int] = mapped_column(Integer)
    extension_days: Mapped[int | None] = mapped_column(Integer)  # max extension, same day type
    green_channel: Mapped[bool] = mapped_column(Boolean, default=False)  # a green-channel target
    hard_limit: Mapped[bool] = mapped_column(Boolean, default=True)  # statutory (vs policy target)
    selector: Mapped[str | None] = mapped_column(Text)  # JSON: flags that select the rule
    citation: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Deadline(Base):
    """A running statutory clock; stored so the deadline board is one indexed query."""

    __tablename__ = "deadlines"
    __table_args__ = (
        # With case_id (revision 0007): the lists' "Overdue" filter counts its cases from the
        # overdue and breached clocks without reading the clocks themselves.
        Index("ix_deadlines_state_due", "state", "due_on", "case_id"),
        Index("ix_deadlines_case", "case_id", "rule_code"),
        Index("ix_deadlines_provisional", "provisional", "state"),
        # The board's after-close clocks (serving a decision, the blacklist decision) on
        # closed cases: running clocks only, so the index stays small.
        Index("ix_deadlines_running_rule", "rule_code", "due_on", **_RUNNING),
        # The board (revision 0007): running and paused clocks in due order (the green-channel
        # section: each case at its earliest clock), and the few clocks with an extension
        # waiting. Partial: a fraction of the clocks ever started; the queries repeat these
        # conditions literally (a partial index serves only a query that states them).
        Index("ix_deadlines_active_due", "due_on", "case_id", **_ACTIVE),
        Index(
            "ix_deadlines_extension_pending",
            "due_on",
            sqlite_where=text(EXTENSION_PENDING),
            postgresql_where=text(EXTENSION_PENDING),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    rule_code: Mapped[str] = mapped_column(String(48))
    started_on: Mapped[dt.date] = mapped_column(Date)
    base_due_on: Mapped[dt.date] = mapped_column(Date)  # before pauses and extension
    due_on: Mapped[dt.date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16))  # DeadlineState
    paused_on: Mapped[dt.date | None] = mapped_column(Date)
    paused_days: Mapped[int] = mapped_column(Integer, default=0)  # completed pauses, in the rule's unit
    extended_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_requested_on: Mapped[dt.date | None] = mapped_column(Date)
    extension_approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    extension_approved_at: Mapped[dt.datetime | None]
    finished_on: Mapped[dt.date | None] = mapped_column(Date)  # met / breached / cancelled date
    note: Mapped[str | None] = mapped_column(Text)
    # Counted as if an uncovered year had only weekends; recomputed when that year is imported.
    provisional: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    basis: Mapped[str | None] = mapped_column(Text)  # JSON: pause intervals, carried days, anchor date

    case: Mapped[Case] = relationship(back_populates="deadlines")


class CalendarOverride(Base):
    """An administrator's word on one day; beats the chinese-calendar package."""

    __tablename__ = "calendar_overrides"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    day_type: Mapped[str] = mapped_column(String(16))  # CalendarDayType
    note: Mapped[str | None] = mapped_column(String(100))


# --------------------------------------------------------------------------- settings, audit, documents


class Setting(Base):
    """Dated settings: the value in force on a date is the row with the latest ``valid_from``."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    valid_from: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Append-only, hash-chained record of every write (see casemgr.audit).

    Triggers refuse UPDATE and DELETE on both engines (migration 0006)."""

    __tablename__ = "audit_entries"
    __table_args__ = (
        Index("ix_audit_entity", "entity", "entity_id"),
        Index("ix_audit_at", "at"),
        Index("ix_audit_user", "user_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # Digest of the described rows after the change (casemgr.auditstate); in the hash when set.
    state: Mapped[str | None] = mapped_column(Text)


class Document(Base):
    """A generated notice or an attachment; the hash proves it was not altered later."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    doc_type: Mapped[str] = mapped_column(String(48))
    title: Mapped[str] = mapped_column(String(200))
    filename: Mapped[str] = mapped_column(String(200))
    mime_type: Mapped[str] = mapped_column(String(64), default="application/pdf")
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class MonthClosure(Base):
    """A supervisor's frozen monthly figures; reprints use the snapshot, not live data."""

    __tablename__ = "month_closures"
    __table_args__ = (UniqueConstraint("month", "district", name="month_district"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    district: Mapped[str] = mapped_column(String(32), server_default=text("''"), default="")
    snapshot: Mapped[str] = mapped_column(Text)  # JSON of the report figures
    closed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class SearchGram(Base):
    """Character bigrams of party names, so two-character Chinese names are found by index.

    Maintained by ``casemgr.search`` on every ORM flush that creates or renames a person or
    employer; plain B-tree rows, identical on SQLite and PostgreSQL (see docs/performance.md).
    ``party`` is "p" (person) or "e" (employer).
    """

    __tablename__ = "search_grams"
    __table_args__ = (Index("ix_search_grams_party", "party", "party_id"),)

    gram: Mapped[str] = mapped_column(String(8), primary_key=True)
    party: Mapped[str] = mapped_column(String(1), primary_key=True)
    party_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
