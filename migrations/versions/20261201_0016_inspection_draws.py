"""双随机一公开 (issue 17): inspection items, pool exclusions, inspector profiles, recusals,
inspection plans, their drawn inspections and teams.

New tables only; nothing existing changes. Written by hand: storage types only.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(table: str, col: str, target: str, ondelete: str | None = None) -> sa.ForeignKeyConstraint:
    ref = target.split(".")[0]
    return sa.ForeignKeyConstraint(
        [col], [target], name=op.f(f"fk_{table}_{col}_{ref}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "inspection_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_items")),
        sa.UniqueConstraint("name", name=op.f("uq_inspection_items_name")),
    )
    op.create_table(
        "inspector_profiles",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("cert_no", sa.String(length=32), nullable=True),
        sa.Column("available", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _fk("inspector_profiles", "user_id", "users.id"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_inspector_profiles")),
    )
    op.create_table(
        "pool_exclusions",
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        _fk("pool_exclusions", "employer_id", "employers.id"),
        _fk("pool_exclusions", "created_by_id", "users.id"),
        sa.PrimaryKeyConstraint("employer_id", name=op.f("pk_pool_exclusions")),
    )
    op.create_table(
        "recusals",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("recusals", "user_id", "users.id"),
        _fk("recusals", "employer_id", "employers.id"),
        sa.PrimaryKeyConstraint("user_id", "employer_id", name=op.f("pk_recusals")),
    )
    op.create_table(
        "inspection_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("item_ids", sa.Text(), nullable=False),
        sa.Column("district", sa.String(length=32), nullable=True),
        sa.Column("industry", sa.String(length=64), nullable=True),
        sa.Column("sample_count", sa.Integer(), nullable=True),
        sa.Column("sample_percent", sa.Integer(), nullable=True),
        sa.Column("team_size", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("seed", sa.String(length=200), nullable=True),
        sa.Column("seed_source", sa.String(length=200), nullable=True),
        sa.Column("seed_audit_id", sa.Integer(), nullable=True),
        sa.Column("draw_audit_id", sa.Integer(), nullable=True),
        sa.Column("algorithm", sa.String(length=32), nullable=True),
        sa.Column("drawn_at", sa.DateTime(), nullable=True),
        sa.Column("drawn_on", sa.Date(), nullable=True),
        sa.Column("draw_record", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("inspection_plans", "seed_audit_id", "audit_entries.id"),
        _fk("inspection_plans", "draw_audit_id", "audit_entries.id"),
        _fk("inspection_plans", "created_by_id", "users.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_plans")),
        sa.UniqueConstraint("name", name=op.f("uq_inspection_plans_name")),
    )
    op.create_table(
        "plan_inspections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("inspected_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=True),
        _fk("plan_inspections", "plan_id", "inspection_plans.id", "CASCADE"),
        _fk("plan_inspections", "employer_id", "employers.id"),
        _fk("plan_inspections", "case_id", "cases.id", "SET NULL"),
        _fk("plan_inspections", "recorded_by_id", "users.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_inspections")),
        sa.UniqueConstraint("plan_id", "employer_id", name=op.f("uq_plan_inspections_plan_id")),
    )
    with op.batch_alter_table("plan_inspections", schema=None) as batch_op:
        batch_op.create_index("ix_plan_inspections_employer", ["employer_id"], unique=False)
    op.create_table(
        "plan_inspectors",
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _fk("plan_inspectors", "inspection_id", "plan_inspections.id", "CASCADE"),
        _fk("plan_inspectors", "user_id", "users.id"),
        sa.PrimaryKeyConstraint("inspection_id", "user_id", name=op.f("pk_plan_inspectors")),
    )
    with op.batch_alter_table("plan_inspectors", schema=None) as batch_op:
        batch_op.create_index("ix_plan_inspectors_user", ["user_id", "inspection_id"], unique=False)


def downgrade() -> None:
    for table in (
        "plan_inspectors",
        "plan_inspections",
        "inspection_plans",
        "recusals",
        "pool_exclusions",
        "inspector_profiles",
        "inspection_items",
    ):
        op.drop_table(table)
