"""Partial indexes: running clocks by rule (the board's after-close clocks), open cases by
kind and amount (the list sorted by amount, issue 8 figure 2b), closed cases by kind.

* ``ix_deadlines_running_rule (rule_code, due_on) WHERE state = 'running'``: serving a
  decision (粤条例 Art. 47) and the blacklist decision (令第45号 Art. 8) run on after a case
  is closed; the board reads them from this index instead of every running clock.
* ``ix_cases_open_kind_amount (kind, amount_claimed, id) WHERE closed_on IS NULL``: the
  first page of "open cases of one kind by amount" reads 100 index entries instead of
  sorting every open case of the kind. Partial, so the indicators' GROUP BY kind over all
  cases cannot pick it (a full (kind, amount) index made SQLite scan the table through it).
* ``ix_cases_kind_closed`` becomes ``WHERE closed_on IS NOT NULL``. As a full index its
  statistics say "closed_on = ? matches ~150 rows", which SQLite also believed for
  ``closed_on IS NULL`` (thousands of open cases at 1M) and so sorted every open case
  instead of reading the index above. The indicators' ranges (``closed_on >= ?``) imply
  NOT NULL, so they keep using it (SQLite and PostgreSQL both prove that), and their
  ``closed_on IS NULL`` term now reads the open-case index.

Written by hand: storage types only, no import of casemgr.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _where(cond: str) -> dict[str, sa.TextClause]:
    return {"sqlite_where": sa.text(cond), "postgresql_where": sa.text(cond)}


def upgrade() -> None:
    op.create_index(
        "ix_deadlines_running_rule", "deadlines", ["rule_code", "due_on"], **_where("state = 'running'")
    )
    op.create_index(
        "ix_cases_open_kind_amount", "cases", ["kind", "amount_claimed", "id"], **_where("closed_on IS NULL")
    )
    op.drop_index("ix_cases_kind_closed", table_name="cases")
    op.create_index("ix_cases_kind_closed", "cases", ["kind", "closed_on"], **_where("closed_on IS NOT NULL"))
    bind = op.get_bind()
    if (
        bind.dialect.name == "sqlite"
        and bind.execute(sa.text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first()
    ):
        # As in 0004: a file with planner statistics gets them for the new indexes too.
        op.execute("ANALYZE deadlines")
        op.execute("ANALYZE cases")


def downgrade() -> None:
    op.drop_index("ix_cases_kind_closed", table_name="cases")
    op.create_index("ix_cases_kind_closed", "cases", ["kind", "closed_on"])
    op.drop_index("ix_cases_open_kind_amount", table_name="cases")
    op.drop_index("ix_deadlines_running_rule", table_name="deadlines")
