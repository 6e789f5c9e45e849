"""The audited state of what an audit entry describes: a digest of its rows after the change.

Why: the hash chain proves that the audit entries were not changed, but says nothing about
the rows they describe. A clerk with the ``sqlite3`` shell (or an application login on a
shared server) could raise a claim item, delete an event or make themselves a supervisor,
and the chain would still verify. So every entry about a case, a person, an employer, a
user, a setting, a deadline rule, a calendar year or a month's closure also records ``state``: one digest per
part (the case row, its parties, claim items, events and documents; the user row ...) read
back from the database after the change, inside the same transaction. ``casemgr audit
verify`` computes today's digests and compares them with the latest recorded state of each
entity (:func:`casemgr.audit.iter_state_problems`); a part that differs names the rows that
were changed behind the application's back.

Two ways to compute a state, tagged in it (``"v"``):

* ``py1`` (SQLite): here, over the values as SQLAlchemy returns them (``Decimal`` amounts,
  aware UTC datetimes), so the same rows give the same digest on either engine — a SQLite
  database copied to PostgreSQL still verifies.
* ``pg1`` (PostgreSQL): by ``casemgr_entity_state()`` (migration 0006), a SECURITY DEFINER
  function that sees every row whatever the caller's row-level security lets them read,
  and keys its digests with a secret only the schema owner can read. An inspector who may
  not see a reporter's link on a case still records the true state of the case, and the
  digest they get back tells them nothing about the rows they cannot read (without the key,
  it cannot be used to test guesses of a hidden person's id).

What is covered is listed in :data:`PARTS`, column by column, and never changes: a new
column is covered by a new version, and the old one stays here to verify older entries.
``py2``/``pg2`` (:data:`PARTS_V2`, migration 0011) add the columns issue 14 gave a case (the
limitation facts: knew, interrupted, suspended from/to; which body mediates) and an
employer's blacklist dates (令第45号: listed on, listed until), so an off-app edit of those
is caught too. New entries record the newest version; an entry keeps the version it was
recorded with, and is verified with that version's lists. Deadlines are not covered (they are recomputed from events, rules and the
calendar, sometimes in entries about something else); nor are a user's log-in counters.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, and_, select
from sqlalchemy.orm import Session

from casemgr.models import (
    Base,
)


@dataclass(frozen=True)
class Part:
    """One part of an entity's state: the rows of ``table`` that ``key`` selects."""

    name: str
    table: str
    key: str  # id | case_id | setting | code | year | month
    columns: tuple[str, ...]
    order_by: str | None = "id"


_CASE_COLUMNS = (
    "id",
    "number",
    "kind",
    "year",
    "seq",
    "status",
    "district",
    "employer_id",
    "received_on",
    "accepted_on",
    "closed_on",
    "outcome",
    "outcome_note",
    "migrant_worker",
    "wage_arrears",
    "green_channel",
    "green_channel_override",
    "collective",
    "supervised",
    "simple_procedure",
    "final_award",
    "complaint_type",
    "channel",
    "external_ref",
    "amount_claimed",
    "amount_recovered",
    "workers",
    "employment_ended_on",
    "violation_on",
    "summary",
    "assigned_user_id",
    "source_case_id",
    "created_at",
    "created_by_id",
    "version",
)

#: entity -> its parts, version 1. Written out so that a new column never changes the digest
#: of an existing row (migration 0006 holds the same lists for ``pg1``; a test compares them).
PARTS: dict[str, tuple[Part, ...]] = {
    "case": (
        Part("case", "cases", "id", _CASE_COLUMNS),
        Part("parties", "case_parties", "case_id", ("id", "role", "person_id", "employer_id")),
        Part(
            "claims",
            "claim_items",
            "case_id",
            (
                "id",
                "person_id",
                "claim_type",
                "months",
                "period_from",
                "period_to",
                "amount_claimed",
                "amount_verified",
                "amount_ordered",
                "amount_paid",
                "final_award",
            ),
        ),
        Part(
            "events",
            "events",
            "case_id",
            (
                "id",
                "kind",
                "action",
                "occurred_on",
                "recorded_at",
                "user_id",
                "from_status",
                "to_status",
                "data",
                "note",
            ),
        ),
        Part(
            "documents",
            "documents",
            "case_id",
            ("id", "doc_type", "title", "filename", "mime_type", "sha256", "created_at", "created_by_id"),
        ),
    ),
    "person": (
        Part(
            "person",
            "persons",
            "id",
            ("id", "name", "id_number", "phone", "migrant_worker", "address", "version"),
        ),
    ),
    "employer": (
        Part(
            "employer",
            "employers",
            "id",
            ("id", "name", "uscc", "legal_rep", "district", "industry", "address", "phone", "version"),
        ),
    ),
    "user": (
        Part(
            "user",
            "users",
            "id",
            (
                "id",
                "username",
                "display_name",
                "role",
                "district",
                "active",
                "must_change_password",
                "db_role",
            ),
        ),
    ),
    "setting": (Part("setting", "settings", "setting", ("key", "valid_from", "value"), None),),
    "deadline_rule": (
        Part(
            "rule",
            "deadline_rules",
            "code",
            (
                "code",
                "kind",
                "name_zh",
                "name_en",
                "day_type",
                "length",
                "extension_days",
                "green_channel",
                "hard_limit",
                "selector",
                "citation",
                "active",
            ),
            None,
        ),
    ),
    "calendar": (Part("calendar", "calendar_overrides", "year", ("day", "day_type", "note"), "day"),),
    "month": (
        Part(
            "closure",
            "month_closures",
            "month",
            ("month", "district", "snapshot", "closed_at", "closed_by_id"),
            None,
        ),
    ),
}

#: Version 2 (migration 0011 holds the same lists for ``pg2``; a test compares them): the case
#: row gains issue 14's limitation facts and mediation body, the employer its blacklist dates.
#: (``key_monitoring`` stays out: the bulk import sets it on employers without an entry.)
_CASE_COLUMNS_V2 = (
    *_CASE_COLUMNS[:-1],
    "knew_on",
    "limitation_interrupted_on",
    "limitation_suspended_from",
    "limitation_suspended_to",
    "mediation_body",
    "version",
)
PARTS_V2: dict[str, tuple[Part, ...]] = {
    **PARTS,
    "case": (Part("case", "cases", "id", _CASE_COLUMNS_V2), *PARTS["case"][1:]),
    "employer": (
        Part(
            "employer",
            "employers",
            "id",
            (*PARTS["employer"][0].columns[:-1], "blacklisted_on", "blacklisted_until", "version"),
        ),
    ),
}

#: version tag -> its lists; new entries are recorded with :data:`CURRENT` (SQLite) or
#: ``pg2`` (PostgreSQL, ``casemgr_entity_state_v2``).
VERSIONS: dict[str, dict[str, tuple[Part, ...]]] = {"py1": PARTS, "py2": PARTS_V2}
CURRENT = "py2"
#: PostgreSQL's tags -> the server function that computes them.
SERVER_FUNCTIONS: dict[str, str] = {"pg1": "casemgr_entity_state", "pg2": "casemgr_entity_state_v2"}

#: entity -> the table whose rows are that entity, and how an entity id is made from a row.
ENTITY_TABLES: dict[str, str] = {e: parts[0].table for e, parts in PARTS.items()}

_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=lambda o: _plain(o)).encode


def _plain(o: Any) -> Any:
    from decimal import Decimal

    if isinstance(o, Decimal):
        return f"{o:.2f}"
    if isinstance(o, dt.datetime):
        return o.astimezone(dt.UTC).isoformat()
    if isinstance(o, dt.date):
        return o.isoformat()
    if isinstance(o, bytes):
        return hashlib.sha256(o).hexdigest()
    return str(o)


def digest(rows: Sequence[Sequence[Any]] | None) -> str:
    """128 bits of SHA-256 over the rows' JSON: enough that no edit finds a collision."""
    return hashlib.sha256(_JSON(rows).encode("utf-8")).hexdigest()[:32]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _key_clause(part: Part, table: Table, entity_id: str) -> Any:
    """The WHERE clause for one entity id; None when the id cannot name a row."""
    if part.key in ("id", "case_id"):
        if not entity_id.isdigit() or len(entity_id) > 18:
            return None
        return table.c[part.key] == int(entity_id)
    if part.key == "code":
        return table.c.code == entity_id
    if part.key == "setting":
        key, sep, day = entity_id.rpartition("@")
        try:
            valid_from = dt.date.fromisoformat(day)
        except ValueError:
            return None
        return and_(table.c.key == key, table.c.valid_from == valid_from) if sep else None
    if part.key == "month":
        month, _sep, district = entity_id.partition("/")
        return and_(table.c.month == month, table.c.district == district)
    if part.key == "year":
        if not entity_id.isdigit() or len(entity_id) != 4:
            return None
        year = int(entity_id)
        return and_(table.c.day >= dt.date(year, 1, 1), table.c.day <= dt.date(year, 12, 31))
    raise AssertionError(part.key)


_BY_ID: dict[Part, Any] = {}


def _by_id_statement(part: Part) -> Any:
    """The part's SELECT for one integer key, built once (an entry is recorded on every
    write: building and compiling five statements each time was a third of its cost)."""
    key = part  # frozen: one statement per column list (versions differ in columns)
    stmt = _BY_ID.get(key)
    if stmt is None:
        from sqlalchemy import bindparam

        table = _table(part.table)
        stmt = select(*(table.c[c] for c in part.columns)).where(table.c[part.key] == bindparam("k"))
        if part.order_by:
            stmt = stmt.order_by(table.c[part.order_by])
        _BY_ID[key] = stmt
    return stmt


def _rows(session: Session, part: Part, entity_id: str) -> list[list[Any]] | None:
    table = _table(part.table)
    if part.key in ("id", "case_id"):
        if not entity_id.isdigit() or len(entity_id) > 18:
            return None
        # on the session's connection: the rows are flushed (record_state), no ORM round
        return [list(r) for r in session.connection().execute(_by_id_statement(part), {"k": int(entity_id)})]
    where = _key_clause(part, table, entity_id)
    if where is None:
        return None
    q = select(*(table.c[c] for c in part.columns)).where(where)
    if part.order_by:
        q = q.order_by(table.c[part.order_by])
    return [list(r) for r in session.execute(q)]


def python_state(
    session: Session, entity: str, entity_id: str, version: str = CURRENT
) -> dict[str, str] | None:
    """The state of one entity in ``version`` (``py1``/``py2``), read from the database (the
    caller's flushed rows)."""
    parts = VERSIONS[version].get(entity)
    if parts is None:
        return None
    out: dict[str, str] = {"v": version}
    for part in parts:
        rows = _rows(session, part, entity_id)
        if rows is None:
            return None
        single = part.key in ("id", "code", "setting", "month")
        out[part.name] = digest((rows[0] if rows else None) if single else rows)
    return out


def python_states(
    session: Session, entity: str, entity_ids: Iterable[str], version: str = CURRENT
) -> dict[str, dict[str, str]]:
    """:func:`python_state` of many ids of one entity (verification), a query per part for a batch."""
    ids = list(dict.fromkeys(entity_ids))
    parts = VERSIONS[version].get(entity)
    if not parts or not ids:
        return {}
    if parts[0].key not in ("id",):
        return {i: s for i in ids if (s := python_state(session, entity, i, version)) is not None}
    numeric = [int(i) for i in ids if i.isdigit() and len(i) <= 18]
    out: dict[str, dict[str, str]] = {str(i): {"v": version} for i in numeric}
    for part in parts:
        table = _table(part.table)
        key_col = table.c[part.key]
        grouped: dict[int, list[list[Any]]] = {i: [] for i in numeric}
        q = select(key_col, *(table.c[c] for c in part.columns)).where(key_col.in_(numeric))
        if part.order_by:
            q = q.order_by(key_col, table.c[part.order_by])
        for row in session.execute(q):
            grouped[row[0]].append(list(row[1:]))
        for i, rows in grouped.items():
            out[str(i)][part.name] = digest((rows[0] if rows else None) if part.key == "id" else rows)
    return out


def state_json(state: dict[str, str] | None) -> str | None:
    if state is None:
        return None
    return json.dumps(state, sort_keys=True, separators=(",", ":"))


def record_state(session: Session, entity: str, entity_id: str | None) -> str | None:
    """The state an audit entry about ``entity``/``entity_id`` records, as stored (JSON text).

    On PostgreSQL the server computes it (``pg2``, see the module docstring); the caller
    reads the head of the chain in the same round trip (:func:`casemgr.audit.record`).
    """
    if entity_id is None or entity not in PARTS:
        return None
    session.flush()  # the rows as the change left them
    return state_json(python_state(session, entity, entity_id))


def differing_parts(recorded: str, current: dict[str, str] | None) -> tuple[str, ...]:
    """The parts whose digest differs (``("(missing)",)`` when the entity has no row any more)."""
    try:
        old = json.loads(recorded)
    except ValueError:
        return ("(unreadable state)",)
    if not isinstance(old, dict):
        return ("(unreadable state)",)
    if current is None:
        return ("(missing)",)
    return tuple(sorted(k for k, v in old.items() if k != "v" and current.get(k) != v))


def version_of(recorded: str) -> str | None:
    try:
        data = json.loads(recorded)
    except ValueError:
        return None
    return data.get("v") if isinstance(data, dict) else None


# --------------------------------------------------------------------------- verification


@dataclass(frozen=True)
class StateProblem:
    """Rows that differ from the last state the audit trail recorded for them."""

    entity: str
    entity_id: str
    entry_id: int | None  # the entry whose state differs; None: no audit entry at all
    parts: tuple[str, ...]  # the parts that differ; "(missing)": the row is gone


#: Entities every row of which was created through an audited path: a row without any audit
#: entry was inserted behind the application's back. (Persons and employers are also created
#: by the bulk import, which records the case, not each party; cases have their own check.)
MUST_HAVE_ENTRY = frozenset({"user"})

_NUMERIC_KEYS = ("id",)


def _entity_ids(session: Session, entity: str, after: Any, batch: int) -> list[str]:
    part = PARTS[entity][0]
    table = _table(part.table)
    if part.key == "id" and session.get_bind().dialect.name == "postgresql":
        # every row, whatever row-level security hides from the verifier (migration 0006)
        from sqlalchemy import text

        return [
            r[0]
            for r in session.execute(
                text("SELECT casemgr_entity_ids(:e, :after, :n)"),
                {"e": entity, "after": after or 0, "n": batch},
            )
        ]
    if part.key == "id":
        q = select(table.c.id).order_by(table.c.id).limit(batch)
        if after is not None:
            q = q.where(table.c.id > after)
        return [str(r[0]) for r in session.execute(q)]
    if after is not None:  # small tables: one batch
        return []
    # Small tables: the rows there are, and every id with a recorded state (a row deleted
    # behind the app's back then differs from its state; one the app removed does not).
    from casemgr.models import AuditEntry

    stated = set(
        session.execute(
            select(AuditEntry.entity_id)
            .where(
                AuditEntry.entity == entity, AuditEntry.state.is_not(None), AuditEntry.entity_id.is_not(None)
            )
            .distinct()
        ).scalars()
    )
    if part.key == "code":
        rows = {r[0] for r in session.execute(select(table.c.code))}
    elif part.key == "setting":
        rows = {f"{k}@{d.isoformat()}" for k, d in session.execute(select(table.c.key, table.c.valid_from))}
    elif part.key == "year":
        rows = {str(r[0].year) for r in session.execute(select(table.c.day))}
    elif part.key == "month":
        rows = {
            m if not d else f"{m}/{d}" for m, d in session.execute(select(table.c.month, table.c.district))
        }
    else:
        raise AssertionError(part.key)
    return sorted(rows | stated)


def _latest_states(
    session: Session, entity: str, ids: Sequence[str]
) -> tuple[dict[str, tuple[int, str]], set[str]]:
    """Per id: (entry id, state) of its latest entry with a state; and the ids with any entry."""
    from casemgr.models import AuditEntry

    latest: dict[str, tuple[int, str]] = {}
    seen: set[str] = set()
    rows = session.execute(
        select(AuditEntry.id, AuditEntry.entity_id, AuditEntry.state)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids))
        .order_by(AuditEntry.id)
    )
    for entry_id, entity_id, state in rows:
        seen.add(entity_id)
        if state is not None:
            latest[entity_id] = (entry_id, state)
    return latest, seen


def _server_raw_states(
    session: Session, entity: str, ids: Sequence[str], version: str = "pg2"
) -> dict[str, str | None]:
    from sqlalchemy import text

    if not ids or session.get_bind().dialect.name != "postgresql":
        return {}
    fn = SERVER_FUNCTIONS[version]  # a fixed name from the table above, never user text
    q = text(f"SELECT i, {fn}(:entity, i) FROM unnest(CAST(:ids AS text[])) AS i")
    return {i: state for i, state in session.execute(q, {"entity": entity, "ids": list(ids)})}


def _server_states(
    session: Session, entity: str, ids: Sequence[str], version: str
) -> dict[str, dict[str, str]]:
    """``pg1``/``pg2`` states, computed by the server (only there can the key be read); a row
    that is gone has none."""
    return {
        i: json.loads(s)
        for i, s in _server_raw_states(session, entity, ids, version).items()
        if s is not None
    }


def iter_state_problems(session: Session, batch: int = 500) -> Iterable[StateProblem]:
    """Every row whose current state differs from its latest audited state, entity by entity.

    Rows whose entries carry no state (written before states existed, or by the bulk
    import) cannot be checked this way and are skipped, except where a row must have an
    entry at all (:data:`MUST_HAVE_ENTRY`). A row whose entries have a state but which is
    gone is reported as ``(missing)``.
    """
    for entity in PARTS:
        yield from _problems_of(session, entity, batch)
        yield from _missing_rows(session, entity, batch)


def _problems_of(session: Session, entity: str, batch: int) -> Iterable[StateProblem]:
    after: Any = None
    while True:
        ids = _entity_ids(session, entity, after, batch)
        if not ids:
            return
        latest, seen = _latest_states(session, entity, ids)
        by_version: dict[str | None, list[str]] = {}
        for i, (_entry, state) in latest.items():
            by_version.setdefault(version_of(state), []).append(i)
        current: dict[str, dict[str, str]] = {}
        for version, of_version in by_version.items():
            if version in VERSIONS:
                current.update(python_states(session, entity, of_version, version))
            elif version in SERVER_FUNCTIONS:
                current.update(_server_states(session, entity, of_version, version))
        for i in ids:
            if i in latest:
                entry_id, state = latest[i]
                diff = differing_parts(state, current.get(i))
                if diff:
                    yield StateProblem(entity, i, entry_id, diff)
            elif entity in MUST_HAVE_ENTRY and i not in seen:
                yield StateProblem(entity, i, None, ("(no audit entry)",))
        if PARTS[entity][0].key != "id":
            return
        after = int(ids[-1])
        session.expunge_all()


def _missing_rows(session: Session, entity: str, batch: int) -> Iterable[StateProblem]:
    """Ids with a recorded state whose row no longer exists (deleted behind the app's back)."""
    from casemgr.models import AuditEntry

    part = PARTS[entity][0]
    if part.key != "id":
        return  # settings, rules and calendar days are also removed by audited paths
    table = _table(part.table)
    last = ""
    while True:
        chunk = [
            r[0]
            for r in session.execute(
                select(AuditEntry.entity_id)
                .where(
                    AuditEntry.entity == entity, AuditEntry.state.is_not(None), AuditEntry.entity_id > last
                )
                .group_by(AuditEntry.entity_id)
                .order_by(AuditEntry.entity_id)
                .limit(batch)
            )
        ]
        if not chunk:
            return
        numeric = [int(i) for i in chunk if i.isdigit() and len(i) <= 18]
        if session.get_bind().dialect.name == "postgresql":  # ask the server: rows may be hidden
            present = {
                i for i, s in _server_raw_states(session, entity, [str(n) for n in numeric]).items() if s
            }
        else:
            present = {str(r[0]) for r in session.execute(select(table.c.id).where(table.c.id.in_(numeric)))}
        for i in chunk:
            if i not in present:
                entry = session.execute(
                    select(AuditEntry.id)
                    .where(
                        AuditEntry.entity == entity, AuditEntry.entity_id == i, AuditEntry.state.is_not(None)
                    )
                    .order_by(AuditEntry.id.desc())
                    .limit(1)
                ).scalar()
                yield StateProblem(entity, i, entry, ("(missing)",))
        last = chunk[-1]
