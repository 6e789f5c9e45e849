"""Search: ``search_grams`` (bigrams of party names) and an index on the case sequence number.

The table is filled here from the existing persons and employers, with the same bigram
rule as ``casemgr.search.grams`` (copied, because a migration must not import casemgr:
the code may change after this revision is written).

Written by hand: storage types only, no import of casemgr.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DROP = re.compile(r"[\s\W_]+", re.UNICODE)


def _grams(name: str | None) -> set[str]:
    s = _DROP.sub("", unicodedata.normalize("NFKC", name or "")).lower()
    if len(s) == 1:
        return {s}
    return {s[i : i + 2] for i in range(len(s) - 1)}


def upgrade() -> None:
    grams = op.create_table(
        "search_grams",
        sa.Column("gram", sa.String(length=8), nullable=False),
        sa.Column("party", sa.String(length=1), nullable=False),
        sa.Column("party_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("gram", "party", "party_id", name=op.f("pk_search_grams")),
    )
    with op.batch_alter_table("search_grams", schema=None) as batch_op:
        batch_op.create_index("ix_search_grams_party", ["party", "party_id"], unique=False)
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_seq", ["seq", "year"], unique=False)

    conn = op.get_bind()
    for party, table in (("p", "persons"), ("e", "employers")):
        rows = conn.execute(sa.text(f"SELECT id, name FROM {table}"))
        batch: list[dict[str, object]] = []
        for pid, name in rows:
            batch += [{"gram": g, "party": party, "party_id": pid} for g in _grams(name)]
        if batch:
            op.bulk_insert(grams, batch)


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_seq")
    with op.batch_alter_table("search_grams", schema=None) as batch_op:
        batch_op.drop_index("ix_search_grams_party")
    op.drop_table("search_grams")
