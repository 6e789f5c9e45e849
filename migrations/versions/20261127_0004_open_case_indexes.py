"""Indexes for open-case lists and the deadline board (issue 8 scale figures).

* ``ix_cases_kind_amount``: a list sorted by amount reads the index in order and stops
  at the page's LIMIT instead of sorting every case of the kind.
* Partial indexes over open cases (``closed_on IS NULL``, a few percent of the rows at a
  bureau with years of history): the deadline
  board of one user or one district, which starts from that user's / district's open
  cases instead of walking every running clock in the city (124 ms -> 4 ms at 1M).
* ``ix_cases_kind_closed`` gains ``amount_claimed``: open cases of a kind by amount are
  read in order (SQLite's statistics cannot see that NULL is a few percent of the rows,
  so it prefers this index for ``closed_on IS NULL`` over any open-case index).

Written by hand: storage types only, no import of casemgr.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = {"sqlite_where": sa.text("closed_on IS NULL"), "postgresql_where": sa.text("closed_on IS NULL")}
_INDEXES: list[tuple[str, list[str], bool]] = [
    ("ix_cases_kind_amount", ["kind", "amount_claimed"], False),
    ("ix_cases_open_assigned", ["assigned_user_id", "district"], True),
    ("ix_cases_open_district", ["district"], True),
]


def upgrade() -> None:
    op.drop_index("ix_cases_kind_closed", table_name="cases")
    op.create_index("ix_cases_kind_closed", "cases", ["kind", "closed_on", "amount_claimed"])
    for name, cols, partial in _INDEXES:
        op.create_index(name, "cases", cols, **(_OPEN if partial else {}))
    bind = op.get_bind()
    if (
        bind.dialect.name == "sqlite"
        and bind.execute(sa.text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first()
    ):
        # A file with planner statistics (a bulk-loaded one) gets them for the new indexes
        # too; one without keeps SQLite's defaults (stale stats would be worse than none).
        op.execute("ANALYZE cases")


def downgrade() -> None:
    for name, _cols, _partial in reversed(_INDEXES):
        op.drop_index(name, table_name="cases")
    op.drop_index("ix_cases_kind_closed", table_name="cases")
    op.create_index("ix_cases_kind_closed", "cases", ["kind", "closed_on"])
