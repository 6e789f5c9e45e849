"""Deadlines: ``provisional`` flag and ``basis`` (what the due date was computed from).

A clock whose due date falls in a year the working-day calendar does not cover yet is
stored with a due date counted as if that year had only weekends, flagged provisional, and
recomputed when an administrator imports that year. ``basis`` keeps the pause intervals
(so overlapping pauses are counted once) and the anchor date needed to recompute.

Written by hand: storage types only, no import of casemgr.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("provisional", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("basis", sa.Text(), nullable=True))
        batch_op.create_index("ix_deadlines_provisional", ["provisional", "state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.drop_index("ix_deadlines_provisional")
        batch_op.drop_column("basis")
        batch_op.drop_column("provisional")
