"""Append-only, hash-chained audit trail.

Each entry's hash covers its content and the previous entry's hash, so changing,
removing or inserting a row behind the app's back breaks the chain at that row, and
``verify_chain`` names it. The entry is written by the service in the same transaction
as the change it records, so there is never a change without its entry or vice versa.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from casemgr.models import AuditEntry, utcnow

GENESIS = "0" * 64


def _default(o: Any) -> Any:
    if isinstance(o, Decimal):
        return f"{o:.2f}"
    if isinstance(o, dt.datetime | dt.date):
        return o.isoformat()
    if isinstance(o, set | frozenset):
        return sorted(o)
    return str(o)


def to_json(data: Any) -> str | None:
    if data is None:
        return None
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=_default, separators=(",", ":"))


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
) -> str:
    payload = json.dumps(
        [
            prev_hash,
            at.astimezone(dt.UTC).isoformat(),
            user_id,
            username,
            action,
            entity,
            entity_id,
            before,
            after,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _lock_chain(session: Session) -> None:
    """Serialise chain appends. SQLite writers already hold the write lock (BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7423001)"))


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
    _lock_chain(session)
    prev = session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    prev_hash = prev or GENESIS
    at = utcnow()
    b, a = to_json(before), to_json(after)
    eid = None if entity_id is None else str(entity_id)
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
        hash=entry_hash(prev_hash, at, user_id, username, action, entity, eid, b, a),
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
                e.prev_hash, e.at, e.user_id, e.username, e.action, e.entity, e.entity_id, e.before, e.after
            )
            if expect != e.hash:
                yield ChainProblem(e.id, "hash")
            prev_hash = e.hash
            last_id = e.id
        session.expunge_all()


def verify_chain(session: Session) -> ChainProblem | None:
    """The first broken entry, or None when the whole chain is intact."""
    return next(iter_problems(session), None)
