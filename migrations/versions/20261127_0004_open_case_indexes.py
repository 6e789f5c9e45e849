"""Partial indexes over open cases for the deadline board (issue 8 scale figures).

``closed_on IS NULL`` is a few percent of the rows at a bureau with years of history: the
board of one user or one district starts from that user's / district's open cases instead
of walking every running clock in the city (124 ms -> 4 ms at 1M cases).

Indexes leading with ``kind`` (for lists sorted by amount) were tried and left out: SQLite
then reads the whole table through them for the indicators' GROUP BY kind (4 s at 1M).

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
_INDEXES: list[tuple[str, list[str]]] = [
    ("ix_cases_open_assigned", ["assigned_user_id", "district"]),
    ("ix_cases_open_district", ["district"]),
]


def upgrade() -> None:
    for name, cols in _INDEXES:
        op.create_index(name, "cases", cols, **_OPEN)
    bind = op.get_bind()
    if (
        bind.dialect.name == "sqlite"
        and bind.execute(sa.text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first()
    ):
        # A file with planner statistics (a bulk-loaded one) gets them for the new indexes
        # too; one without keeps SQLite's defaults (stale stats would be worse than none).
        op.execute("ANALYZE cases")


def downgrade() -> None:
    for name, _cols in reversed(_INDEXES):
        op.drop_index(name, table_name="cases")
