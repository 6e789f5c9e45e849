"""Cases: the limitation dates, and which body mediates a mediation case.

* ``knew_on``: the day the party knew or should have known the right was infringed; the
  one-year arbitration limitation runs from it (调解仲裁法 Art. 27 ¶1), except for wage
  claims, which run from the end of employment (Art. 27 ¶4).
* ``limitation_interrupted_on``: the latest interruption (a demand on the other side, a
  complaint or an application elsewhere, the other side agreeing to perform): the year
  counts afresh from it (Art. 27 ¶2, 办案规则 Art. 27).

* ``mediation_body``: ``bureau_centre`` (the bureau's own mediation centre: 调解仲裁法
  Art. 14 and the bureau's rules) or ``enterprise`` (an enterprise mediation committee:
  企业劳动争议协商调解规定, 人社部令第17号); NULL for other kinds. Existing mediation cases
  become ``bureau_centre``, the body a bureau's own system registers.

The dates are informational (warnings, never refusals). The audited entity state of a case
(``casemgr.auditstate``, version 1) lists its columns by name, so these two do not change
the digest of any existing row.

Written by hand: storage types only, no import of casemgr.

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("knew_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("limitation_interrupted_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("mediation_body", sa.String(length=16), nullable=True))
    op.execute("UPDATE cases SET mediation_body = 'bureau_centre' WHERE kind = 'mediation'")


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("mediation_body")
        batch_op.drop_column("limitation_interrupted_on")
        batch_op.drop_column("knew_on")
