"""Events: index on (action, occurred_on) for the 调裁衔接 figures (issue 21).

The monthly report counts the steps of pre-filing mediation, entrusted mediation and the
arbitration review of mediation agreements by their name and legal date
(``casemgr.metrics.mediation_link``). The timeline's only index starts with the case, so
without this one the report would read every event ever recorded. No data changes: the
new workflow states and outcomes are plain strings in existing columns.

Written by hand: storage types only, no import of casemgr.

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_events_action_occurred", "events", ["action", "occurred_on"])


def downgrade() -> None:
    op.drop_index("ix_events_action_occurred", table_name="events")
