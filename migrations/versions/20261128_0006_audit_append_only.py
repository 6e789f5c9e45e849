"""The audit trail becomes append-only in the database itself; audit entries can carry the
audited state of what they describe; users get the name of their PostgreSQL login role.

* Triggers refuse ``UPDATE`` and ``DELETE`` of ``audit_entries`` on both engines (and
  ``TRUNCATE`` on PostgreSQL), whoever asks: a slip in a service, a script run with the
  application's credentials, a clerk with the ``sqlite3`` shell. They are not a lock against
  the holder of a SQLite file, who can drop them; the hash chain and its anchors
  (``casemgr.anchors``) are what make that visible. On PostgreSQL the application's login
  roles have no UPDATE/DELETE privilege on the table either (``casemgr.pgroles``).
  A later revision that rebuilds ``audit_entries`` in batch mode on SQLite must create the
  two triggers again (a rebuilt table loses its triggers).
* ``audit_entries.state``: a digest of the rows an entry describes (a case with its parties,
  claim items, events and documents; a person, employer, user, setting, deadline rule,
  calendar year, month closure) as they were after the
  change (``casemgr.auditstate``), part of the entry's hash when present, so ``casemgr audit
  verify`` can compare today's rows — parties, claim items, events, users — with the last
  audited state of each. Older entries have none (their hash is unchanged).
  On PostgreSQL the state is computed by ``casemgr_entity_state()`` (SECURITY DEFINER, so
  it sees rows the caller's row-level security hides; keyed with a secret in
  ``casemgr_state_key`` that only the owner can read, so its digests cannot be used to
  test guesses about hidden rows). ``casemgr_entity_ids()`` lists the row ids to verify
  whatever the verifier's row-level security hides.
* ``casemgr_audit_head(lock)`` (PostgreSQL): the chain's last id and hash for writers who
  may not read the audit table (only supervisors, auditors and administrators may), taking
  the transaction lock that serialises appends in the same round trip (reports read it
  without the lock).
* ``users.db_role``: the PostgreSQL login role of the user in a deployment with one login
  role per user (docs/deployment.md); NULL on SQLite and in a shared-login deployment.

Written by hand: storage types only, no import of casemgr.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MESSAGE = "audit_entries is append-only: entries cannot be changed or deleted"

SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries "
    f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END",
    "CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries "
    f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END",
)

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION casemgr_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
END
$$
"""

PG_TRIGGERS = (
    "CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries "
    "FOR EACH ROW EXECUTE FUNCTION casemgr_audit_append_only()",
    "CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries "
    "FOR EACH STATEMENT EXECUTE FUNCTION casemgr_audit_append_only()",
)

PG_HEAD = """
CREATE OR REPLACE FUNCTION casemgr_audit_head(p_lock boolean DEFAULT true, OUT id integer, OUT hash varchar)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF p_lock THEN
        PERFORM pg_advisory_xact_lock(7423001);
    END IF;
    SELECT a.id, a.hash INTO id, hash FROM public.audit_entries a ORDER BY a.id DESC LIMIT 1;
END
$$
"""

# ``pg1`` entity states (casemgr/auditstate.py, which holds the same lists for ``py1``; a
# test compares them): entity -> parts (name, table, key, columns, order).
_CASE_COLUMNS = (
    "id, number, kind, year, seq, status, district, employer_id, received_on, accepted_on, closed_on, "
    "outcome, outcome_note, migrant_worker, wage_arrears, green_channel, green_channel_override, "
    "collective, supervised, simple_procedure, final_award, complaint_type, channel, external_ref, "
    "amount_claimed, amount_recovered, workers, employment_ended_on, violation_on, summary, "
    "assigned_user_id, source_case_id, created_at, created_by_id, version"
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
            "id, name, uscc, legal_rep, district, industry, address, phone, version",
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


def _state_function() -> str:
    branches = []
    for entity, parts in STATE_PARTS.items():
        key = parts[0][2]
        guard = {
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
        }[key]
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
            f"  RETURN json_build_object('v', 'pg1', {', '.join(fields)})::text;\n END IF;"
        )
    body = "\n ".join(branches)
    return f"""
CREATE OR REPLACE FUNCTION casemgr_entity_state(p_entity text, p_id text) RETURNS text
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


PG_STATE = (
    # kept by a downgrade once states were recorded with it (see downgrade)
    "CREATE TABLE IF NOT EXISTS casemgr_state_key (key text NOT NULL)",
    "REVOKE ALL ON casemgr_state_key FROM PUBLIC",
    "INSERT INTO casemgr_state_key SELECT replace(gen_random_uuid()::text, '-', '')"
    " || replace(gen_random_uuid()::text, '-', '') WHERE NOT EXISTS (SELECT 1 FROM casemgr_state_key)",
    "CREATE OR REPLACE FUNCTION casemgr_state_digest(k text, t text) RETURNS text"
    " LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS"
    " $$ SELECT left(encode(sha256(convert_to(k || t, 'UTF8')), 'hex'), 32) $$",
)



def _ids_function() -> str:
    """``casemgr_entity_ids(entity, after, n)``: the next ``n`` row ids of an id-keyed entity
    after ``after``, whoever asks (an auditor may not see a reporter's person row, yet must
    verify it). Ids only: what the rows hold stays behind row-level security."""
    branches = " ".join(
        f"IF p_entity = '{e}' THEN RETURN QUERY SELECT t.id::text FROM public.{parts[0][1]} t"
        f" WHERE t.id > p_after ORDER BY t.id LIMIT p_limit; RETURN; END IF;"
        for e, parts in STATE_PARTS.items()
        if parts[0][2] == "id"
    )
    return f"""
CREATE OR REPLACE FUNCTION casemgr_entity_ids(p_entity text, p_after bigint, p_limit integer)
RETURNS SETOF text LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
BEGIN
 {branches}
END
$fn$
"""


def upgrade() -> None:
    bind = op.get_bind()
    if "state" not in {c["name"] for c in sa.inspect(bind).get_columns("audit_entries")}:  # see downgrade
        op.add_column("audit_entries", sa.Column("state", sa.Text(), nullable=True))
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("db_role", sa.String(length=63), nullable=True))
        batch.create_unique_constraint("uq_users_db_role", ["db_role"])
    if bind.dialect.name == "sqlite":
        for stmt in SQLITE_TRIGGERS:
            op.execute(stmt)
    elif bind.dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for stmt in PG_TRIGGERS:
            op.execute(stmt)
        op.execute(PG_HEAD)
        for stmt in PG_STATE:
            op.execute(stmt)
        op.execute(_state_function())
        op.execute(_ids_function())


def downgrade() -> None:
    bind = op.get_bind()
    # Entries that recorded a state hash it: dropping the column (or, on PostgreSQL, the key
    # the states were computed with) would break the chain and every state for good. Older
    # code never reads them, so they stay, and the next upgrade keeps them.
    has_states = (
        bind.execute(sa.text("SELECT 1 FROM audit_entries WHERE state IS NOT NULL LIMIT 1")).first() is not None
    )
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entries_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_entries_no_delete")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS casemgr_entity_ids(text, bigint, integer)")
        op.execute("DROP FUNCTION IF EXISTS casemgr_entity_state(text, text)")
        op.execute("DROP FUNCTION IF EXISTS casemgr_state_digest(text, text)")
        if not has_states:
            op.execute("DROP TABLE IF EXISTS casemgr_state_key")
        op.execute("DROP FUNCTION IF EXISTS casemgr_audit_head(boolean)")
        op.execute("DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries")
        op.execute("DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries")
        op.execute("DROP FUNCTION IF EXISTS casemgr_audit_append_only()")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("uq_users_db_role", type_="unique")
        batch.drop_column("db_role")
    if not has_states:
        op.drop_column("audit_entries", "state")
