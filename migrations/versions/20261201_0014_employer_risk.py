"""欠薪风险预警 (issue 17): employers' stored risk levels and the history of their changes.

Both tables start empty: the first ``casemgr risk refresh`` (or the supervisor's 重新计算)
scores every employer from the cases already held.

Written by hand: storage types only, no import of casemgr.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "employer_risk",
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=True),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("district", sa.String(length=32), nullable=True),
        sa.Column("industry", sa.String(length=64), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("computed_on", sa.Date(), nullable=False),
        sa.Column("level_since", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employers.id"], name=op.f("fk_employer_risk_employer_id_employers")
        ),
        sa.PrimaryKeyConstraint("employer_id", name=op.f("pk_employer_risk")),
    )
    op.create_index(
        "ix_employer_risk_district_level", "employer_risk", ["district", "level", "score", "employer_id"]
    )
    op.create_index("ix_employer_risk_level", "employer_risk", ["level", "score", "employer_id"])
    op.create_table(
        "employer_risk_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("from_level", sa.String(length=8), nullable=True),
        sa.Column("to_level", sa.String(length=8), nullable=True),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employers.id"], name=op.f("fk_employer_risk_events_employer_id_employers")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_employer_risk_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer_risk_events")),
    )
    op.create_index(
        "ix_employer_risk_events_employer", "employer_risk_events", ["employer_id", "occurred_on", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_employer_risk_events_employer", table_name="employer_risk_events")
    op.drop_table("employer_risk_events")
    op.drop_index("ix_employer_risk_level", table_name="employer_risk")
    op.drop_index("ix_employer_risk_district_level", table_name="employer_risk")
    op.drop_table("employer_risk")
