"""Indexes for what a supervisor waits for at a city's scale (issue 20).

* ``ix_deadlines_active_due (due_on, case_id) WHERE state IN ('running', 'paused')``: the
  board's green-channel and supervised sections list each case at its earliest clock; they
  read the clocks in due order and stop after 200 cases, instead of grouping every open
  case's clocks (116 ms for the whole city at 1M).
* ``ix_deadlines_extension_pending (due_on) WHERE extension_requested_on IS NOT NULL AND
  extension_approved_by_id IS NULL``: the section of pending extensions reads its few
  clocks directly (it walked every active clock, 90 ms at 1M).
* ``ix_cases_open_supervised (district) WHERE closed_on IS NULL AND supervised``: the
  supervised section's count (3 % of open cases: 14 ms to find 100 of them among all open
  cases at 1M).
* ``ix_case_parties_person`` and ``ix_case_parties_employer`` gain ``case_id``: a search
  reaches a party's cases from the index alone (one table read per case before).
* ``ix_deadlines_state_due`` gains ``case_id``: the "Overdue" filter's count reads the
  cases of the overdue and breached clocks from the index alone (0.5-1.2 s at 1M).
* ``ix_cases_kind_number (kind, number)``, ``ix_cases_kind_amount (kind, amount_claimed,
  id)``, ``ix_cases_kind_workers (kind, workers, id)``: a kind's list sorted by case
  number, amount or workers reads its first page from the index (it sorted all 380k
  arbitration cases, 400-700 ms at 1M).

Written by hand: storage types only, no import of casemgr.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE_CLOCK = "state IN ('running', 'paused')"
EXTENSION_PENDING = "extension_requested_on IS NOT NULL AND extension_approved_by_id IS NULL"


def _where(cond: str) -> dict[str, sa.TextClause]:
    return {"sqlite_where": sa.text(cond), "postgresql_where": sa.text(cond)}


def upgrade() -> None:
    op.create_index("ix_deadlines_active_due", "deadlines", ["due_on", "case_id"], **_where(ACTIVE_CLOCK))
    op.create_index("ix_deadlines_extension_pending", "deadlines", ["due_on"], **_where(EXTENSION_PENDING))
    for name, column in (("ix_case_parties_person", "person_id"), ("ix_case_parties_employer", "employer_id")):
        op.drop_index(name, table_name="case_parties")
        op.create_index(name, "case_parties", [column, "case_id"])
    op.drop_index("ix_deadlines_state_due", table_name="deadlines")
    op.create_index("ix_deadlines_state_due", "deadlines", ["state", "due_on", "case_id"])
    op.create_index("ix_cases_kind_number", "cases", ["kind", "number"])
    op.create_index(
        "ix_cases_open_supervised",
        "cases",
        ["district"],
        sqlite_where=sa.text("closed_on IS NULL AND supervised IS 1"),
        postgresql_where=sa.text("closed_on IS NULL AND supervised IS true"),
    )
    op.create_index("ix_cases_kind_amount", "cases", ["kind", "amount_claimed", "id"])
    op.create_index("ix_cases_kind_workers", "cases", ["kind", "workers", "id"])
    bind = op.get_bind()
    if (
        bind.dialect.name == "sqlite"
        and bind.execute(sa.text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first()
    ):
        # As in 0004: a file with planner statistics gets them for the new indexes too.
        op.execute("ANALYZE deadlines")
        op.execute("ANALYZE cases")
        op.execute("ANALYZE case_parties")


def downgrade() -> None:
    for name, table in (
        ("ix_cases_kind_workers", "cases"),
        ("ix_cases_kind_amount", "cases"),
        ("ix_cases_open_supervised", "cases"),
        ("ix_cases_kind_number", "cases"),
        ("ix_deadlines_extension_pending", "deadlines"),
        ("ix_deadlines_active_due", "deadlines"),
    ):
        op.drop_index(name, table_name=table)
    for name, column in (("ix_case_parties_person", "person_id"), ("ix_case_parties_employer", "employer_id")):
        op.drop_index(name, table_name="case_parties")
        op.create_index(name, "case_parties", [column])
    op.drop_index("ix_deadlines_state_due", table_name="deadlines")
    op.create_index("ix_deadlines_state_due", "deadlines", ["state", "due_on"])
