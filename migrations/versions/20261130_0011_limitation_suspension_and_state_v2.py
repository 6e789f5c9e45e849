"""Cases: a limitation suspension; audited states version 2 cover issue 14's columns.

* ``limitation_suspended_from`` / ``limitation_suspended_to``: 时效中止 (劳动争议调解仲裁法
  Art. 27 ¶3): force majeure or another justified reason kept the party from applying; the
  year stops on the first day and runs on ("继续计算") from the day the cause ended (NULL
  while it lasts). Informational, like the other limitation facts (warnings, never refusals).

* ``casemgr_entity_state_v2`` (PostgreSQL): the ``pg2`` audited state (casemgr.auditstate,
  version 2), the ``pg1`` function of migration 0006 with the columns issue 14 added to a
  case (knew_on, limitation_interrupted_on, the two above, mediation_body) and an
  employer's blacklist dates (blacklisted_on, blacklisted_until). An off-app edit of any of
  them is then named by ``casemgr audit verify``. The ``pg1`` function stays: entries
  recorded with it are verified with it. (SQLite computes ``py2`` in Python: nothing here.)

Written by hand: storage types only, no import of casemgr.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# ``pg2`` entity states (casemgr/auditstate.py holds the same lists as PARTS_V2; a test
# compares them): entity -> parts (name, table, key, columns, order).
_CASE_COLUMNS = (
    "id, number, kind, year, seq, status, district, employer_id, received_on, accepted_on, closed_on, "
    "outcome, outcome_note, migrant_worker, wage_arrears, green_channel, green_channel_override, "
    "collective, supervised, simple_procedure, final_award, complaint_type, channel, external_ref, "
    "amount_claimed, amount_recovered, workers, employment_ended_on, violation_on, summary, "
    "assigned_user_id, source_case_id, created_at, created_by_id, knew_on, limitation_interrupted_on, "
    "limitation_suspended_from, limitation_suspended_to, mediation_body, version"
)
STATE_PARTS: dict[str, tuple[tuple[str, str, str, str, str | None], ...]] = {
    "case": (
        ("case", "cases", "id", _CASE_COLUMNS, "id"),
        ("parties", "case_parties", "case_id", "id, role, person_id, employer_id", "id"),
        (
            "claims",
            "claim_items",
            "case_id",
            "id, person_id, claim_type, months, period_from, period_to, amount_claimed, "
            "amount_verified, amount_ordered, amount_paid, final_award",
            "id",
        ),
        (
            "events",
            "events",
            "case_id",
            "id, kind, action, occurred_on, recorded_at, user_id, from_status, to_status, data, note",
            "id",
        ),
        (
            "documents",
            "documents",
            "case_id",
            "id, doc_type, title, filename, mime_type, sha256, created_at, created_by_id",
            "id",
        ),
    ),
    "person": (
        ("person", "persons", "id", "id, name, id_number, phone, migrant_worker, address, version", "id"),
    ),
    "employer": (
        (
            "employer",
            "employers",
            "id",
            "id, name, uscc, legal_rep, district, industry, address, phone, blacklisted_on, "
            "blacklisted_until, version",
            "id",
        ),
    ),
    "user": (
        (
            "user",
            "users",
            "id",
            "id, username, display_name, role, district, active, must_change_password, db_role",
            "id",
        ),
    ),
    "setting": (("setting", "settings", "setting", "key, valid_from, value", None),),
    "deadline_rule": (
        (
            "rule",
            "deadline_rules",
            "code",
            "code, kind, name_zh, name_en, day_type, length, extension_days, green_channel, hard_limit, "
            "selector, citation, active",
            None,
        ),
    ),
    "calendar": (("calendar", "calendar_overrides", "year", "day, day_type, note", "day"),),
    "month": (("closure", "month_closures", "month", "month, district, snapshot, closed_at, closed_by_id", None),),
}

_KEY_WHERE = {
    "id": "t.id = n",
    "case_id": "t.case_id = n",
    "code": "t.code = p_id",
    "setting": "t.key = skey AND t.valid_from = sday",
    "year": "t.day BETWEEN make_date(n::int, 1, 1) AND make_date(n::int, 12, 31)",
    "month": "t.month = skey AND t.district = sdist",
}

_GUARDS = {
    "id": "IF p_id !~ '^[0-9]{1,18}$' THEN RETURN NULL; END IF; n := p_id::bigint;",
    "case_id": "IF p_id !~ '^[0-9]{1,18}$' THEN RETURN NULL; END IF; n := p_id::bigint;",
    "year": "IF p_id !~ '^[0-9]{4}$' THEN RETURN NULL; END IF; n := p_id::bigint;",
    "code": "",
    "month": (
        "IF p_id !~ '^[0-9]{4}-[0-9]{2}(/.*)?$' THEN RETURN NULL; END IF; "
        "skey := split_part(p_id, '/', 1); "
        "sdist := coalesce(substring(p_id from '^[^/]*/(.*)$'), '');"
    ),
    "setting": (
        "IF p_id !~ '@[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN RETURN NULL; END IF; "
        "skey := substring(p_id from '^(.*)@[^@]*$'); "
        "BEGIN sday := substring(p_id from '@([0-9]{4}-[0-9]{2}-[0-9]{2})$')::date; "
        "EXCEPTION WHEN others THEN RETURN NULL; END;"
    ),
}


def _state_function() -> str:
    """Migration 0006's generator, for ``pg2`` and its own function name."""
    branches = []
    for entity, parts in STATE_PARTS.items():
        key = parts[0][2]
        guard = _GUARDS[key]
        fields = []
        for name, table, pkey, columns, order in parts:
            cols = ", ".join(f"t.{c.strip()}" for c in columns.split(","))
            where = _KEY_WHERE[pkey]
            if pkey in ("id", "code", "setting", "month"):
                expr = f"(SELECT json_build_array({cols})::text FROM public.{table} t WHERE {where})"
                expr = f"coalesce({expr}, 'null')"
            else:
                expr = (
                    f"(SELECT coalesce(json_agg(json_build_array({cols}) ORDER BY t.{order})::text, '[]')"
                    f" FROM public.{table} t WHERE {where})"
                )
            fields.append(f"'{name}', public.casemgr_state_digest(k, {expr})")
        table0, key0 = parts[0][1], parts[0][2]
        if key0 == "id":  # the entity's own row is gone: NULL, "missing" to the verifier
            guard += f" IF NOT EXISTS (SELECT 1 FROM public.{table0} t WHERE t.id = n) THEN RETURN NULL; END IF;"
        branches.append(
            f"IF p_entity = '{entity}' THEN {guard}\n"
            f"  RETURN json_build_object('v', 'pg2', {', '.join(fields)})::text;\n END IF;"
        )
    body = "\n ".join(branches)
    return f"""
CREATE OR REPLACE FUNCTION casemgr_entity_state_v2(p_entity text, p_id text) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
DECLARE
  k text;
  n bigint;
  skey text;
  sdist text;
  sday date;
BEGIN
 IF p_id IS NULL THEN RETURN NULL; END IF;
 SELECT key INTO k FROM public.casemgr_state_key;
 {body}
 RETURN NULL;
END
$fn$
"""


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("limitation_suspended_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("limitation_suspended_to", sa.Date(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        # as 0006's: executable until casemgr.pgroles (re)installs the grants, which revoke it
        # from PUBLIC and grant it to the login roles (a database upgraded before that must
        # still record its entries)
        op.execute(_state_function())


def downgrade() -> None:
    # Entries recorded as pg2/py2 keep their states (they are in the chain's hashes); older
    # code does not know the version and skips them when verifying rows.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS casemgr_entity_state_v2(text, text)")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("limitation_suspended_to")
        batch_op.drop_column("limitation_suspended_from")
