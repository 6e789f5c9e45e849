"""Hearing scheduling: rooms (仲裁庭室), the arbitrator roster (仲裁员名册), hearings and their tribunals.

Until now a hearing was only the "确定开庭" event (a date and a free-text place). Each case's
latest such event becomes a ``hearings`` row with its date and place and no time (the time
was never recorded); its status stays ``scheduled`` — whether it was held is for a clerk to
record, the app does not guess it from the date.

Written by hand: storage types only, no import of casemgr.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hearing_rooms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("location", sa.String(length=100), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hearing_rooms")),
        sa.UniqueConstraint("name", name=op.f("uq_hearing_rooms_name")),
    )
    op.create_table(
        "arbitrators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("full_time", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_arbitrators_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_arbitrators")),
        sa.UniqueConstraint("name", name=op.f("uq_arbitrators_name")),
    )
    op.create_table(
        "hearings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("hearing_date", sa.Date(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("room_id", sa.Integer(), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_hearings_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_hearings_event_id_events"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["hearing_rooms.id"], name=op.f("fk_hearings_room_id_hearing_rooms")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hearings")),
    )
    with op.batch_alter_table("hearings", schema=None) as batch_op:
        batch_op.create_index("ix_hearings_date_room", ["hearing_date", "room_id"], unique=False)
        batch_op.create_index("ix_hearings_case", ["case_id", "id"], unique=False)
    op.create_table(
        "hearing_arbitrators",
        sa.Column("hearing_id", sa.Integer(), nullable=False),
        sa.Column("arbitrator_id", sa.Integer(), nullable=False),
        sa.Column("seat", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["arbitrator_id"],
            ["arbitrators.id"],
            name=op.f("fk_hearing_arbitrators_arbitrator_id_arbitrators"),
        ),
        sa.ForeignKeyConstraint(
            ["hearing_id"],
            ["hearings.id"],
            name=op.f("fk_hearing_arbitrators_hearing_id_hearings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("hearing_id", "arbitrator_id", name=op.f("pk_hearing_arbitrators")),
    )
    with op.batch_alter_table("hearing_arbitrators", schema=None) as batch_op:
        batch_op.create_index(
            "ix_hearing_arbitrators_arbitrator", ["arbitrator_id", "hearing_id"], unique=False
        )
    _carry_over_scheduled_hearings()


def _carry_over_scheduled_hearings() -> None:
    """Each case's latest "确定开庭" event becomes its hearing row (date and place, no time)."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT id, case_id, data FROM events WHERE action = 'schedule_hearing' AND kind = 'transition' "
            "ORDER BY case_id, id"
        )
    ).all()
    latest: dict[int, tuple[int, str | None]] = {}
    for event_id, case_id, data in rows:
        latest[case_id] = (event_id, data)
    hearings = sa.table(
        "hearings",
        sa.column("case_id", sa.Integer),
        sa.column("event_id", sa.Integer),
        sa.column("hearing_date", sa.Date),
        sa.column("place", sa.Text),
        sa.column("status", sa.String),
        sa.column("created_at", sa.DateTime),
    )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    out = []
    for case_id, (event_id, data) in latest.items():
        try:
            fields = json.loads(data or "{}")
            day = dt.date.fromisoformat(str(fields["hearing_date"])[:10])
        except (ValueError, KeyError, TypeError):
            continue  # an event without a readable date: nothing to carry over
        place = fields.get("place") if isinstance(fields.get("place"), str) else None
        out.append(
            {
                "case_id": case_id,
                "event_id": event_id,
                "hearing_date": day,
                "place": place,
                "status": "scheduled",
                "created_at": now,
            }
        )
    if out:
        op.bulk_insert(hearings, out)


def downgrade() -> None:
    with op.batch_alter_table("hearing_arbitrators", schema=None) as batch_op:
        batch_op.drop_index("ix_hearing_arbitrators_arbitrator")
    op.drop_table("hearing_arbitrators")
    with op.batch_alter_table("hearings", schema=None) as batch_op:
        batch_op.drop_index("ix_hearings_case")
        batch_op.drop_index("ix_hearings_date_room")
    op.drop_table("hearings")
    op.drop_table("arbitrators")
    op.drop_table("hearing_rooms")
