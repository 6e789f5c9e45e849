"""工程建设项目台账 (issue 17): projects, their subcontractors, complaints linked to them.

New tables only; no existing row changes. Written by hand: storage types only, no import of
casemgr.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("district", sa.String(length=32), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("builder_id", sa.Integer(), nullable=True),
        sa.Column("general_contractor_id", sa.Integer(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("deposit_amount", sa.BigInteger(), nullable=True),
        sa.Column("deposit_bank", sa.String(length=100), nullable=True),
        sa.Column("deposit_on", sa.Date(), nullable=True),
        sa.Column("account_bank", sa.String(length=100), nullable=True),
        sa.Column("account_opened_on", sa.Date(), nullable=True),
        sa.Column("roster_on", sa.Date(), nullable=True),
        sa.Column("board_on", sa.Date(), nullable=True),
        sa.Column("last_agent_pay_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('planned','building','suspended','completed')", name=op.f("ck_projects_status")
        ),
        sa.CheckConstraint(
            "deposit_amount IS NULL OR deposit_amount >= 0", name=op.f("ck_projects_deposit_nonneg")
        ),
        sa.ForeignKeyConstraint(["builder_id"], ["employers.id"], name=op.f("fk_projects_builder_id_employers")),
        sa.ForeignKeyConstraint(
            ["general_contractor_id"], ["employers.id"], name=op.f("fk_projects_general_contractor_id_employers")
        ),
        sa.ForeignKeyConstraint(["updated_by_id"], ["users.id"], name=op.f("fk_projects_updated_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("code", name=op.f("uq_projects_code")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index("ix_projects_district_name", ["district", "name"], unique=False)
        batch_op.create_index("ix_projects_name", ["name"], unique=False)
        batch_op.create_index("ix_projects_general", ["general_contractor_id"], unique=False)
    op.create_table(
        "project_subcontractors",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employers.id"], name=op.f("fk_project_subcontractors_employer_id_employers")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_subcontractors_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "employer_id", name=op.f("pk_project_subcontractors")),
    )
    with op.batch_alter_table("project_subcontractors", schema=None) as batch_op:
        batch_op.create_index(
            "ix_project_subcontractors_employer", ["employer_id", "project_id"], unique=False
        )
    op.create_table(
        "project_complaints",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("linked_at", sa.DateTime(), nullable=False),
        sa.Column("linked_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_project_complaints_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["linked_by_id"], ["users.id"], name=op.f("fk_project_complaints_linked_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_complaints_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_project_complaints")),
    )
    with op.batch_alter_table("project_complaints", schema=None) as batch_op:
        batch_op.create_index("ix_project_complaints_project", ["project_id", "case_id"], unique=False)


def downgrade() -> None:
    op.drop_table("project_complaints")
    op.drop_table("project_subcontractors")
    op.drop_table("projects")
