"""守法诚信等级评价 (issue 17): the yearly employer grades and the facts an inspector records.

Two new tables, nothing existing changes. Written by hand: storage types only, no import of
casemgr.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "grading_facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_grading_facts_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employers.id"], name=op.f("fk_grading_facts_employer_id_employers")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_grading_facts_recorded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grading_facts")),
    )
    op.create_index("ix_grading_facts_employer_date", "grading_facts", ["employer_id", "occurred_on"])
    op.create_table(
        "employer_grades",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("proposed", sa.String(length=1), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=True),
        sa.Column("grade", sa.String(length=1), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("change_reason", sa.Text(), nullable=True),
        sa.Column("proposed_at", sa.DateTime(), nullable=False),
        sa.Column("proposed_by_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=True),
        sa.Column("notice_sha256", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["confirmed_by_id"], ["users.id"], name=op.f("fk_employer_grades_confirmed_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employers.id"], name=op.f("fk_employer_grades_employer_id_employers")
        ),
        sa.ForeignKeyConstraint(
            ["proposed_by_id"], ["users.id"], name=op.f("fk_employer_grades_proposed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer_grades")),
        sa.UniqueConstraint("employer_id", "year", name=op.f("uq_employer_grades_employer_id")),
    )
    op.create_index("ix_employer_grades_year_grade", "employer_grades", ["year", "grade", "employer_id"])
    op.create_index(
        "ix_employer_grades_year_status", "employer_grades", ["year", "status", "grade", "proposed"]
    )


def downgrade() -> None:
    op.drop_index("ix_employer_grades_year_status", table_name="employer_grades")
    op.drop_index("ix_employer_grades_year_grade", table_name="employer_grades")
    op.drop_table("employer_grades")
    op.drop_index("ix_grading_facts_employer_date", table_name="grading_facts")
    op.drop_table("grading_facts")
