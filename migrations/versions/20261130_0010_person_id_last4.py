"""Persons: the last four characters of the ID number, indexed; the phone number, indexed.

The masked screens show an ID number as ``4415**********1234`` and a phone as
``138****5678``; a clerk searching for a worker types what they see or what the worker
says on the phone: the last four digits of the ID, or the whole mobile number. Neither
could be found by index (a suffix is no B-tree range), so the global search (issue 15)
would have read a million persons.

``id_last4`` is a generated column, so every writer (the ORM, the bulk loaders, an import
that bypasses the ORM) keeps it right without code of ours: VIRTUAL on SQLite (the only
kind ``ALTER TABLE ADD COLUMN`` accepts there; its index stores the values), STORED on
PostgreSQL (the only kind PostgreSQL has). The audited state of a person
(``casemgr.auditstate``) lists its columns by name, so no digest changes.

Written by hand: storage types only, no import of casemgr.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID_LAST4_SQL = "substr(id_number, length(id_number) - 3)"


def upgrade() -> None:
    stored = op.get_bind().dialect.name != "sqlite"
    op.add_column(
        "persons",
        sa.Column("id_last4", sa.String(length=4), sa.Computed(ID_LAST4_SQL, persisted=stored), nullable=True),
    )
    op.create_index("ix_persons_id_last4", "persons", ["id_last4"])
    op.create_index("ix_persons_phone", "persons", ["phone"])


def downgrade() -> None:
    op.drop_index("ix_persons_phone", table_name="persons")
    op.drop_index("ix_persons_id_last4", table_name="persons")
    with op.batch_alter_table("persons") as batch:
        batch.drop_column("id_last4")
