"""Append-only, hash-chained audit trail.

Each entry's hash covers its content and the previous entry's hash, so changing,
removing or inserting a row behind the app's back breaks the chain at that row, and
``verify_chain`` names it. The entry is written by the service in the same transaction
as the change it records, so there is never a change without its entry or vice versa.

Three things the chain alone could not show are covered elsewhere: the database refuses
to change or delete an entry (triggers, migration 0006; on PostgreSQL also privileges,
casemgr.pgroles); each entry records the audited *state* of the rows it describes
(casemgr.auditstate, part of the hash), so rows changed behind the app are named; and
the chain's head is anchored outside the database (casemgr.anchors), so deleting the
newest entries or rewriting and rehashing the chain is caught.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from casemgr.models import AuditEntry, Case, utcnow
from casemgr.snapshots import case_snapshot

GENESIS = "0" * 64


def json_default(o: Any) -> Any:
    """How audit JSON writes amounts, dates and sets (the bulk import writes the same bytes)."""
    if isinstance(o, Decimal):
        return f"{o:.2f}"
    if isinstance(o, dt.datetime | dt.date):
        return o.isoformat()
    if isinstance(o, set | frozenset):
        return sorted(o)
    return str(o)


# Built once: json.dumps with these arguments builds the same encoder on every call, which
# was a tenth of a 100,000-row ledger import (same output byte for byte).
_TO_JSON = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, default=json_default, separators=(",", ":")
).encode
_HASH_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_quote = json.encoder.encode_basestring  # how _HASH_JSON writes a str (ensure_ascii=False)


def to_json(data: Any) -> str | None:
    if data is None:
        return None
    return _TO_JSON(data)


def entry_hash(
    prev_hash: str,
    at: dt.datetime,
    user_id: int | None,
    username: str | None,
    action: str,
    entity: str,
    entity_id: str | None,
    before: str | None,
    after: str | None,
    state: str | None = None,
) -> str:
    return entry_hash_at(
        prev_hash,
        at.astimezone(dt.UTC).isoformat(),
        user_id,
        username,
        action,
        entity,
        entity_id,
        before,
        after,
        state,
    )


def entry_hash_at(
    prev_hash: str,
    at_utc: str,
    user_id: int | None,
    username: str | None,
    action: str,
    entity: str,
    entity_id: str | None,
    before: str | None,
    after: str | None,
    state: str | None = None,
) -> str:
    """:func:`entry_hash` with the moment already in UTC ISO form: a bulk writer hashes
    thousands of entries of one moment, and converting it each time was a fifth of the hash.

    ``state`` (casemgr.auditstate) joins the array as a tenth element when present, so an
    entry without one hashes exactly as entries did before it existed."""
    # The JSON array [prev_hash, at_utc, user_id, username, action, entity, entity_id, before,
    # after] as _HASH_JSON writes it, built from its parts (a third faster; the chain of a
    # large import is hashed in the one process everything else waits for).
    # tests/test_audit.py holds it to _HASH_JSON for awkward texts.
    q = _quote
    payload = ",".join(
        (
            q(prev_hash),
            q(at_utc),
            "null" if user_id is None else str(int(user_id)),
            "null" if username is None else q(username),
            q(action),
            q(entity),
            "null" if entity_id is None else q(entity_id),
            "null" if before is None else q(before),
            "null" if after is None else q(after),
        )
    )
    if state is not None:
        payload = f"{payload},{q(state)}"
    return hashlib.sha256(f"[{payload}]".encode()).hexdigest()


def lock_chain(session: Session) -> None:
    """Serialise chain appends. SQLite writers already hold the write lock (BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7423001)"))


def _head_and_state(session: Session, entity: str, entity_id: str | None) -> tuple[str | None, str | None]:
    """The chain's last hash (taking the append lock) and the state this entry records.

    On PostgreSQL one round trip does both, through functions that see what the caller's
    row-level security may hide (migrations 0006, 0011): most users may not read the audit table,
    and an inspector may not see a reporter's link on a case another inspector handles.
    """
    from casemgr import auditstate

    if session.get_bind().dialect.name == "postgresql":
        wants_state = entity_id is not None and entity in auditstate.PARTS
        row = session.execute(
            text(
                "SELECT h.hash, CASE WHEN :wants THEN casemgr_entity_state_v2(:entity, :eid) END"
                " FROM casemgr_audit_head() h"
            ),
            {"wants": wants_state, "entity": entity, "eid": entity_id},
        ).one()
        return row[0], row[1]
    lock_chain(session)
    state = auditstate.record_state(session, entity, entity_id)
    prev = session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    return prev, state


def chain_head(session: Session) -> tuple[int, str] | None:
    """(id, hash) of the newest entry, locking appends until the transaction ends; None if empty."""
    if session.get_bind().dialect.name == "postgresql":
        row = session.execute(text("SELECT h.id, h.hash FROM casemgr_audit_head() h")).one()
    else:
        row = session.execute(
            select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
        ).first()
    if row is None or row[0] is None:
        return None
    return int(row[0]), str(row[1])


def record(
    session: Session,
    *,
    user_id: int | None,
    username: str | None,
    action: str,
    entity: str,
    entity_id: object = None,
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    eid = None if entity_id is None else str(entity_id)
    prev, state = _head_and_state(session, entity, eid)
    prev_hash = prev or GENESIS
    at = utcnow()
    b, a = to_json(before), to_json(after)
    entry = AuditEntry(
        at=at,
        user_id=user_id,
        username=username,
        action=action,
        entity=entity,
        entity_id=eid,
        before=b,
        after=a,
        prev_hash=prev_hash,
        hash=entry_hash(prev_hash, at, user_id, username, action, entity, eid, b, a, state),
        state=state,
    )
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int
    reason: str  # "hash" (entry changed), "link" (entry removed or inserted before it)


def iter_problems(session: Session, batch: int = 5000) -> Iterator[ChainProblem]:
    """Walk the chain in id order, in batches (it may hold millions of rows)."""
    prev_hash = GENESIS
    last_id = 0
    while True:
        rows = (
            session.execute(
                select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
            )
            .scalars()
            .all()
        )
        if not rows:
            return
        for e in rows:
            if e.prev_hash != prev_hash:
                yield ChainProblem(e.id, "link")
            expect = entry_hash(
                e.prev_hash,
                e.at,
                e.user_id,
                e.username,
                e.action,
                e.entity,
                e.entity_id,
                e.before,
                e.after,
                e.state,
            )
            if expect != e.hash:
                yield ChainProblem(e.id, "hash")
            prev_hash = e.hash
            last_id = e.id
        session.expunge_all()


def verify_chain(session: Session) -> ChainProblem | None:
    """The first broken entry, or None when the whole chain is intact."""
    return next(iter_problems(session), None)


# --------------------------------------------------------------------------- browsing and case checks


@dataclass(frozen=True)
class AuditRow:
    """One entry as the audit browser shows it (plain data; JSON left as text), made by
    :func:`casemgr.privacy.browse_audit`: the audit view is a read path like the others."""

    id: int
    at: dt.datetime
    user_id: int | None
    username: str | None
    action: str
    entity: str
    entity_id: str | None
    before: str | None
    after: str | None


@dataclass(frozen=True)
class CaseProblem:
    """A case row that differs from its last audited snapshot (changed behind the app's back)."""

    case_id: int
    number: str
    entry_id: int | None  # the last audit entry with a snapshot of the case; None: no entry at all
    fields: tuple[str, ...]


def iter_case_problems(
    session: Session, batch: int = 500, case_ids: list[int] | None = None
) -> Iterator[CaseProblem]:
    """Compare each case row with the ``after`` snapshot of its last audit entry that has one.

    The chain proves the audit rows were not changed; this proves the case rows were not
    either: every service that changes a case records ``case_snapshot`` (with ``version``)
    as the entry's ``after``, so a row edited with the ``sqlite3`` shell no longer matches.
    Limits: only the fields in the snapshot are covered — parties, claims, events and the
    other columns are compared with the entries' recorded states (casemgr.auditstate),
    which older entries and the bulk import do not have; an edit that restores the snapshot
    values exactly is, by definition, not seen; and each later entry without a snapshot lets
    the version number be one higher.
    """
    last_id = 0
    while True:
        q = select(Case).where(Case.id > last_id).order_by(Case.id).limit(batch)
        if case_ids is not None:
            q = q.where(Case.id.in_(case_ids))
        cases = session.execute(q).scalars().all()
        if not cases:
            return
        ids = [str(c.id) for c in cases]
        latest: dict[str, tuple[int, dict[str, Any]]] = {}
        later_without_snapshot: Counter[str] = Counter()
        rows = session.execute(
            select(AuditEntry.id, AuditEntry.entity_id, AuditEntry.after)
            .where(AuditEntry.entity == "case", AuditEntry.entity_id.in_(ids), AuditEntry.after.is_not(None))
            .order_by(AuditEntry.id)
        )
        for entry_id, entity_id, after in rows:
            try:
                data = json.loads(after)
            except ValueError:
                continue
            if isinstance(data, dict) and "version" in data and "number" in data:
                latest[entity_id] = (entry_id, data)
                later_without_snapshot.pop(entity_id, None)
            else:
                later_without_snapshot[entity_id] += 1
        for c in cases:
            found = latest.get(str(c.id))
            if found is None:
                yield CaseProblem(c.id, c.number, None, ("(no audit entry)",))
                continue
            entry_id, snap = found
            current = json.loads(to_json(case_snapshot(c)) or "{}")
            # Each later audited change that recorded no snapshot (a note, a link to another
            # case) may have bumped the version once; the snapshot's other fields must match.
            extra = later_without_snapshot.get(str(c.id), 0)
            diff = tuple(
                sorted(
                    k
                    for k in snap
                    if k in current
                    and current[k] != snap[k]
                    and not (k == "version" and _version_within(current[k], snap[k], extra))
                )
            )
            if diff:
                yield CaseProblem(c.id, c.number, entry_id, diff)
        last_id = cases[-1].id
        session.expunge_all()


def _version_within(current: Any, audited: Any, extra: int) -> bool:
    try:
        return int(audited) <= int(current) <= int(audited) + extra
    except (TypeError, ValueError):
        return False


def count_entries(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(AuditEntry)).scalar_one())
