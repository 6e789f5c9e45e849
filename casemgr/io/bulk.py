"""The fast path of the ledger import: the same rows as the services write, inserted in bulk.

Why it exists: through ``register_case`` and the clock engine a case costs some thirty
ORM flushes and statements (parties looked up, settings read, every clock flushed on its
own), about 15 ms here — a 100,000-row city ledger would take half an hour. This writer
produces the *same rows* (cases, parties, claims, events, clocks, audit entries) with
multi-row INSERTs per chunk of rows, and reuses the domain's own functions for every
decision, asked once per distinct question (:class:`casemgr.io.bulk_rules.RowRules`:
flags, rule selection, due dates, the ``accept`` step's clock effects, the terminal
status); the INSERTs themselves are bound by :mod:`casemgr.io.bulk_sql`.

``tests/test_import_bulk.py`` imports one varied ledger through both paths into two
databases and requires identical contents (ids and timestamps aside). Whoever changes
``register_case`` or the clock engine and breaks that test must update this file too.

A chunk goes through three steps. :meth:`BulkWriter.assign` decides, in file order, what
depends on earlier rows (new parties, ids); :meth:`BulkWriter.plan` turns rows and their
assignment into bound INSERT parameters and unhashed audit entries, reading only rules,
settings and the calendar — so other processes can do it (``casemgr.io.planner``);
:meth:`BulkWriter.execute` inserts and links the audit chain in the importing transaction.

Rare cases the bulk path does not replicate — an existing person gaining the migrant-worker
flag, an employer gaining its missing district — are handed to the party services
themselves at the end of the chunk, so their audit entries are the services' own.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from casemgr import audit, search, snapshots, workflow
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Channel, ComplaintType, EventKind, PartyRole
from casemgr.io.bulk_rules import RowRules
from casemgr.io.bulk_sql import AuditJson, BoundInserts
from casemgr.io.ledger_rows import pack_row, unpack_row
from casemgr.io.planner_pool import Planners
from casemgr.models import (
    AuditEntry,
    Case,
    CaseParty,
    ClaimItem,
    Deadline,
    Employer,
    Event,
    Person,
    SearchGram,
    utcnow,
)
from casemgr.services import cases, parties, risk

IMPORT_CACHE_KIB = 256 * 1024
#: Files of at least this many new rows may rebuild indexes instead of updating them.
REBUILD_MIN_ROWS = 5_000
#: Files of at least this many rows are planned by other processes (start_planners).
PARALLEL_MIN_ROWS = 5_000
MAX_PLANNERS = 3
#: With n planning processes, this one plans one chunk in MAIN_EVERY * n + 1.
MAIN_EVERY = 10
#: The tables an import fills (see BulkWriter._drop_indexes).
REBUILD_TABLES = (
    "persons",
    "employers",
    "cases",
    "case_parties",
    "claim_items",
    "events",
    "deadlines",
    "audit_entries",
    "search_grams",
)
# What a new party holds besides the ledger's fields (the ORM defaults of the columns).
_NEW_PERSON = {"phone": None, "address": None}
_NEW_EMPLOYER = {"legal_rep": None, "industry": None, "address": None}


@dataclass
class _Party:
    id: int | None  # None until inserted
    district: str | None = None  # employers
    migrant: bool = False  # persons


@dataclass(slots=True)
class Assigned:
    """The decisions about one row that depend on the rows before it (see BulkWriter.assign)."""

    case_id: int
    employer_id: int | None
    new_employer: bool
    person_id: int | None
    new_person: bool
    migrant: bool  # the person's flag once the rows before have been written
    district: str | None  # the row's, else its employer's


@dataclass
class ChunkPlan:
    """One chunk as INSERT statements with bound parameters, and its audit entries unhashed.

    Plain text and numbers only: a planning process hands it over cheaply.
    """

    statements: list[tuple[str, list[tuple[Any, ...]]]]
    audit: list[tuple[str, str, str, str | None]]  # action, entity, entity id, after (JSON)


class BulkWriter:
    """Writes checked ledger rows; with ``planner_only`` it only plans (a planning process)."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        today: dt.date,
        ledger_groups: frozenset[str],
        *,
        planner_only: bool = False,
    ) -> None:
        self.s = session
        self.actor = actor
        self.today = today
        self.ledger_groups = ledger_groups
        self.employers: dict[tuple[str, str], _Party] = {}
        self.persons: dict[str, _Party] = {}
        self.rules = RowRules(session, ledger_groups)
        self.inserts = BoundInserts(session)
        self.audit_json = AuditJson()
        self._next_id: dict[str, int] = {}
        self._prev_hash: str | None = None
        self._party_fixes: list[tuple[str, Any]] = []
        sqlite = session.get_bind().dialect.name == "sqlite"
        self._cache_size: int | None = None
        if sqlite and not planner_only:
            # A bigger page cache for this connection while it writes: the new rows go into
            # some twenty indexes, and with SQLite's default 2 MB most of those inserts miss
            # the cache. It changes no durability setting (synchronous stays FULL).
            conn = session.connection()
            self._cache_size = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
            conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
        self._sqlite = sqlite
        self._dropped_indexes: list[tuple[str, str]] = []  # (name, CREATE INDEX sql)

    # ------------------------------------------------------------------ planning

    def _resolve_parties(self, rows: list[Any]) -> None:
        """Known employers and persons of the chunk, in one query each (cached for the file)."""
        usccs = {r.uscc for r in rows if r.employer and r.uscc and ("uscc", r.uscc) not in self.employers}
        names = {
            r.employer
            for r in rows
            if r.employer and not r.uscc and ("name", r.employer) not in self.employers
        }
        ids = {r.id_number for r in rows if r.applicant and r.id_number and r.id_number not in self.persons}
        if usccs:
            for e in self.s.execute(
                select(Employer.id, Employer.uscc, Employer.district).where(Employer.uscc.in_(usccs))
            ):
                self.employers[("uscc", e.uscc)] = _Party(e.id, district=e.district)
        if names:
            for e in self.s.execute(
                select(Employer.id, Employer.name, Employer.district)
                .where(Employer.name.in_(names), Employer.uscc.is_(None))
                .order_by(Employer.id)
            ):
                self.employers.setdefault(("name", e.name), _Party(e.id, district=e.district))
        if ids:
            for p in self.s.execute(
                select(Person.id, Person.id_number, Person.migrant_worker).where(Person.id_number.in_(ids))
            ):
                self.persons[p.id_number] = _Party(p.id, migrant=bool(p.migrant_worker))

    def prepare(self, rows: list[Any], chunk: int = 500) -> None:
        """Everything that needs the database before the first insert, for the whole file.

        Parties on file are looked up and the (kind, year) counters moved past the file's
        numbers now (one batch of queries instead of some per chunk), before the first insert.
        The counters end where per-chunk reservation left them: past each (kind, year)'s
        highest number in the file.
        """
        for start in range(0, len(rows), chunk):
            self._resolve_parties(rows[start : start + chunk])
        max_number: dict[tuple[str, int], tuple[int, str]] = {}
        for r in rows:
            seq, year = self.rules.number_parts(CaseKind(r.kind), r.case_no)
            if year is not None:
                best = max_number.get((r.kind.value, year))
                if best is None or seq > best[0]:
                    max_number[(r.kind.value, year)] = (seq, r.case_no)
        for (kind_value, _year), (_seq, number) in sorted(max_number.items()):
            cases.reserve_given_number(self.s, CaseKind(kind_value), number)  # moves the counter
        if self._sqlite and len(rows) >= REBUILD_MIN_ROWS:
            self._drop_indexes(len(rows))

    def _drop_indexes(self, new_rows: int) -> None:
        """Drop the plain secondary indexes of the tables this file will at least double.

        A first import of years of ledgers into a young database writes more rows than the
        tables hold: building an index once from the finished table (a sort) is several
        times cheaper than updating it row by row (≈ 11 s of a 100,000-row import). The
        DROP and the CREATE in :meth:`finish` are in the import's transaction, so a failed
        or cancelled import rolls them back with everything else, and other users' readers
        keep their snapshot (WAL). Unique indexes stay: they are checks, not speed. A table
        that is already larger than the file keeps its indexes (rebuilding it would cost
        more than the inserts save).
        """
        conn = self.s.connection()
        for table in REBUILD_TABLES:
            held = conn.exec_driver_sql(f'SELECT COALESCE(MAX(rowid), 0) FROM "{table}"').scalar() or 0
            if int(held) > new_rows:
                continue
            for name, sql in conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
                (table,),
            ).all():
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
                self._dropped_indexes.append((name, sql))

    def _rebuild_indexes(self) -> None:
        conn = self.s.connection()
        for _name, sql in self._dropped_indexes:
            conn.exec_driver_sql(sql)
        self._dropped_indexes = []

    def finish(self) -> None:
        """Wait for the inserts, then the rare party updates through the party services."""
        if self._party_fixes:
            self._rebuild_indexes()  # the party services query by name and ID number
        for what, r in self._party_fixes:  # they audit themselves, after the bulk entries
            if what == "employer":
                parties.find_or_register_employer(
                    self.s,
                    self.actor,
                    parties.EmployerInput(name=r.employer, uscc=r.uscc, district=r.district),
                )
            else:
                parties.find_or_register_person(
                    self.s,
                    self.actor,
                    parties.PersonInput(name=r.applicant, id_number=r.id_number, migrant_worker=True),
                )
        self._party_fixes = []
        self._rebuild_indexes()

    def close(self) -> None:
        """Restore the connection's page cache; always called, also when the import fails."""
        if self._cache_size is not None:
            self.s.connection().exec_driver_sql(f"PRAGMA cache_size={self._cache_size}")
            self._cache_size = None

    # ------------------------------------------------------------------ the whole file

    def run(
        self,
        rows: list[Any],
        chunk: int,
        after_chunk: Callable[[int], None],
        planners: Planners | None = None,
    ) -> None:
        """Write every row, chunk by chunk, with ``planners`` (other processes) planning most chunks.

        Inserting must happen here (the caller's transaction), but planning a chunk — rules,
        clocks, snapshots, bind values — is more than half of the work and needs only the rows
        and what :meth:`assign` decided, so on a machine with a spare processor the planners
        work ahead while this process inserts. Chunks are inserted in file order whoever
        planned them: ids and the audit chain are those of the one-process path.
        ``after_chunk`` reports progress and may raise to cancel; the caller then closes the
        planners and its transaction rolls back.
        """
        self.prepare(rows)
        chunks = [rows[i : i + chunk] for i in range(0, len(rows), chunk)]
        touched: set[int] = set()  # employers whose risk level the commit re-scores
        if planners is None:
            for part in chunks:
                assigned = self.assign(part)
                touched.update(a.employer_id for a in assigned if a.employer_id)
                self.execute(self.plan(part, assigned))
                after_chunk(len(part))
        else:
            # This process also plans one chunk in MAIN_EVERY * n + 1. Inserting and linking the
            # audit chain keep it busier than a planner (2 cores, 100k rows: ≈ 12.5 s of planning
            # there against ≈ 10 s of inserting here), so a small share balances the two;
            # a share of one in five made this process the bottleneck.
            every = MAIN_EVERY * planners.count + 1
            mine = [i % every == every - 1 for i in range(len(chunks))]
            planners.begin(mine.count(False))
            tasks = []
            for part, here in zip(chunks, mine, strict=True):  # in file order: ids are decided here
                task = (part, self.assign(part))
                touched.update(a.employer_id for a in task[1] if a.employer_id)
                tasks.append(task)
                if not here:
                    planners.submit(pack_task(*task))
            theirs = planners.results(waiting=lambda: after_chunk(0))
            for (part, assigned), here in zip(tasks, mine, strict=True):
                self.execute(self.plan(part, assigned) if here else unpack_plan(next(theirs)))
                after_chunk(len(part))
        self.finish()
        risk.note_touched(self.s, touched, (self.actor.user_id, self.actor.username))

    # ------------------------------------------------------------------ one chunk

    def _new_ids(self, table: Any, n: int) -> list[int]:
        """Ids for ``n`` new rows of ``table``, given explicitly so that planning needs no insert.

        SQLite: the writer holds the database's write lock (BEGIN IMMEDIATE) for the whole
        import and these tables have no AUTOINCREMENT, so ``max(id) + 1, + 2, …`` are the ids
        SQLite itself would give. Other backends: taken from the column's sequence, like the
        INSERTs of the services would take them.
        """
        if n == 0:
            return []
        if not self._sqlite:
            seq = f"pg_get_serial_sequence('{table.name}', 'id')"
            got = self.s.execute(text(f"SELECT nextval({seq}) FROM generate_series(1, :n)"), {"n": n})
            return sorted(int(x) for x in got.scalars())
        top = self._next_id.get(table.name)
        if top is None:
            top = (self.s.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        self._next_id[table.name] = top + n
        return list(range(top, top + n))

    def assign(self, rows: list[Any]) -> list[Assigned]:
        """What a row's writing depends on from the rows before it, decided in file order.

        Which employer and person are new (the first row naming them creates them), their
        ids and the case's id, the migrant-worker flag and district a party has by then, and
        the rare updates of parties already on file. Everything else about a row depends on
        the row alone, so the chunks can then be planned in any order, by any process.
        """
        party_fixes = self._party_fixes
        new_emp: list[_Party] = []
        new_per: list[_Party] = []
        picked: list[tuple[_Party | None, bool, _Party | None, bool, bool, str | None]] = []
        for r in rows:
            employer: _Party | None = None
            is_new_emp = False
            district = r.district
            if r.employer:
                ekey = ("uscc", r.uscc) if r.uscc else ("name", r.employer)
                employer = self.employers.get(ekey)
                if employer is None:
                    employer = self.employers[ekey] = _Party(None, district=r.district)
                    new_emp.append(employer)
                    is_new_emp = True
                elif r.district and not employer.district:
                    party_fixes.append(("employer", r))
                    employer.district = r.district
                district = r.district or employer.district
            person: _Party | None = None
            is_new_per = False
            migrant = False
            if r.applicant:
                if r.id_number:
                    person = self.persons.get(r.id_number)
                    if person is None:
                        person = self.persons[r.id_number] = _Party(None, migrant=r.migrant_worker)
                        new_per.append(person)
                        is_new_per = True
                    elif r.migrant_worker and not person.migrant:
                        party_fixes.append(("person", r))
                        person.migrant = True
                    migrant = person.migrant
                else:  # a worker without ID number is a new person on every row
                    person = _Party(None, migrant=r.migrant_worker)
                    new_per.append(person)
                    is_new_per = True
                    migrant = r.migrant_worker
            picked.append((employer, is_new_emp, person, is_new_per, migrant, district))
        for party, new_id in zip(new_emp, self._new_ids(Employer.__table__, len(new_emp)), strict=True):
            party.id = new_id
        for party, new_id in zip(new_per, self._new_ids(Person.__table__, len(new_per)), strict=True):
            party.id = new_id
        case_ids = self._new_ids(Case.__table__, len(rows))
        return [
            Assigned(cid, e.id if e else None, new_e, p.id if p else None, new_p, migrant, district)
            for cid, (e, new_e, p, new_p, migrant, district) in zip(case_ids, picked, strict=True)
        ]

    def plan(self, rows: list[Any], assigned: list[Assigned]) -> ChunkPlan:
        """The chunk's rows as the services would write them, ready for executemany.

        Depends only on the rows, their assignment (:meth:`assign`) and the bureau's rules and
        settings (read, never written), which is what lets a second process plan chunks while
        this one inserts (:func:`plan_in_worker`). The audit entries come without their hash:
        the chain is sequential, so :meth:`execute` links them.
        """
        now = utcnow()
        uid = self.actor.user_id
        stamp = (now, now, uid, 1)
        zero = Decimal("0.00")
        respondent = PartyRole.RESPONDENT.value
        initial = cases.INITIAL_STATUS
        emp_rows: list[tuple[Any, ...]] = []
        per_rows: list[tuple[Any, ...]] = []
        grams: list[tuple[str, str, int]] = []  # the search index, as search._after_flush writes it
        case_rows: list[tuple[Any, ...]] = []
        party_rows: list[tuple[Any, ...]] = []
        claim_rows: list[tuple[Any, ...]] = []
        event_rows: list[tuple[Any, ...]] = []
        clock_rows: list[tuple[Any, ...]] = []
        entries: list[tuple[str, str, str, str | None]] = []
        for r, a in zip(rows, assigned, strict=True):
            kind = CaseKind(r.kind)
            cid = a.case_id
            if a.new_employer:
                assert a.employer_id is not None
                emp_rows.append((a.employer_id, r.employer, r.uscc, r.district, *stamp, False))
                grams += [(g, search.EMPLOYER, a.employer_id) for g in search.grams(r.employer)]
                e = SimpleNamespace(**_NEW_EMPLOYER, name=r.employer, uscc=r.uscc, district=r.district)
                entries.append(("employer.create", "employer", str(a.employer_id),
                                self.audit_json.encode(snapshots.employer_snapshot(e))))  # type: ignore[arg-type]  # fmt: skip
            if a.new_person:
                assert a.person_id is not None
                per_rows.append((a.person_id, r.applicant, r.id_number, r.migrant_worker, *stamp))
                grams += [(g, search.PERSON, a.person_id) for g in search.grams(r.applicant)]
                person = SimpleNamespace(**_NEW_PERSON, name=r.applicant, id_number=r.id_number,
                                         migrant_worker=r.migrant_worker)  # fmt: skip
                entries.append(("person.create", "person", str(a.person_id),
                                self.audit_json.encode(snapshots.person_snapshot(person))))  # type: ignore[arg-type]  # fmt: skip
            wage = r.claim_type.value in ("wages", "overtime")
            workers = r.workers if r.workers is not None else 1
            fl = self.rules.flags(a.migrant, wage, workers, r.amount_claimed, r.received_on)
            seq, _year = self.rules.number_parts(kind, r.case_no)
            complaint = None
            if kind is CaseKind.INSPECTION:
                complaint = (ComplaintType.COMPLAINT if r.applicant else ComplaintType.REPORT).value
            case = SimpleNamespace(
                number=r.case_no, kind=kind.value, year=r.received_on.year, seq=seq, status=initial,
                district=a.district, employer_id=a.employer_id, received_on=r.received_on, accepted_on=None,
                closed_on=None, outcome=None, migrant_worker=fl.migrant_worker, wage_arrears=fl.wage_arrears,
                green_channel=fl.green_channel, collective=fl.collective, supervised=fl.supervised,
                simple_procedure=False, amount_claimed=r.amount_claimed, amount_recovered=zero,
                workers=workers, assigned_user_id=uid, version=1, complaint_type=complaint,
                mediation_body=self.rules.mediation_body(kind, r.received_on),
            )  # fmt: skip
            clock_plan, status = self.rules.plan_clocks(case, r)
            entries.append(
                ("case.register", "case", str(cid), self.audit_json.encode(snapshots.case_snapshot(case)))
            )
            event_rows.append((cid, EventKind.CREATED.value, None, r.received_on, None, initial,
                               audit.to_json({"flags": list(fl.reasons)}) if fl.reasons else None, uid, now))  # fmt: skip
            replayed = r.accepted_on is not None or r.closed_on is not None or bool(r.amount_recovered)
            if r.accepted_on is not None:
                event_rows.append((cid, EventKind.IMPORTED.value, "accept", r.accepted_on, initial, status, None,
                                   uid, now))  # fmt: skip
                case.accepted_on = r.accepted_on
            if r.closed_on is not None and r.outcome is not None:
                terminal = workflow.terminal_status(kind, r.outcome)
                data = audit.to_json({"outcome": r.outcome.value, "amount_recovered": r.amount_recovered})
                event_rows.append((cid, EventKind.IMPORTED.value, "close", r.closed_on, status, terminal, data,
                                   uid, now))  # fmt: skip
                status = terminal
                case.closed_on, case.outcome = r.closed_on, r.outcome.value
                case.amount_recovered = r.amount_recovered
            elif r.amount_recovered:
                case.amount_recovered = r.amount_recovered
            case.status = status
            if replayed:
                case.version = 2
                entries.append(
                    (
                        "case.import_history",
                        "case",
                        str(cid),
                        self.audit_json.encode(snapshots.case_snapshot(case)),
                    )
                )
            case_rows.append((cid, *(getattr(case, k) for k in _CASE_PLANNED), complaint, Channel.IMPORT.value,
                              now, now, uid, uid))  # fmt: skip
            if a.employer_id is not None:
                party_rows.append((cid, respondent, a.employer_id, None))
            if a.person_id is not None:
                role = PartyRole.COMPLAINANT if kind is CaseKind.INSPECTION else PartyRole.APPLICANT
                party_rows.append((cid, role.value, None, a.person_id))
            claim_rows.append((cid, a.person_id, r.claim_type.value, r.amount_claimed, zero))
            for c in clock_plan:
                clock_rows.append((cid, c.rule_code, c.started_on, c.base_due_on, c.due_on, c.state,
                                   c.finished_on, c.note, c.provisional, c.basis))  # fmt: skip
        grams.sort()  # primary-key order: B-tree locality
        statements = [
            self.inserts.bind(Employer.__table__, _EMPLOYER_COLUMNS, emp_rows),
            self.inserts.bind(Person.__table__, _PERSON_COLUMNS, per_rows),
            self.inserts.bind(SearchGram.__table__, ("gram", "party", "party_id"), grams),
            self.inserts.bind(Case.__table__, _CASE_COLUMNS, case_rows),
            self.inserts.bind(CaseParty.__table__, _PARTY_COLUMNS, party_rows),
            self.inserts.bind(ClaimItem.__table__, _CLAIM_COLUMNS, claim_rows),
            self.inserts.bind(Event.__table__, _EVENT_COLUMNS, event_rows),
            self.inserts.bind(Deadline.__table__, _CLOCK_COLUMNS, clock_rows),
        ]
        return ChunkPlan([st for st in statements if st[1]], entries)

    def execute(self, plan: ChunkPlan) -> None:
        """Insert a planned chunk and link its audit entries into the chain."""
        conn = self.s.connection()
        for sql, params in plan.statements:
            self.inserts.run(conn, sql, params)
        prev_hash = self._prev_hash
        if prev_hash is None:  # read once: from here on this writer is the chain's only writer
            head = audit.chain_head(self.s)  # takes the append lock
            prev_hash = head[1] if head else audit.GENESIS
        if not plan.audit:
            return
        uid, uname = self.actor.user_id, self.actor.username
        at = utcnow()  # one INSERT writes the chunk's entries: one moment
        at_utc = at.astimezone(dt.UTC).isoformat()
        # Every entry binds the same moment, user and defaults: bind them once (one row through
        # BoundInserts.bind) and build the rest of the parameters directly — the importing
        # process is the one the others wait for.
        action, entity, sid, after = plan.audit[0]
        sql, (first,) = self.inserts.bind(
            AuditEntry.__table__, _AUDIT_COLUMNS, [(at, uid, uname, action, entity, sid, None, after, "", "")]
        )
        bound_at, bound_uid, bound_uname = first[0], first[1], first[2]
        tail = first[len(_AUDIT_COLUMNS) :]
        hash_at = audit.entry_hash_at
        params: list[tuple[Any, ...]] = []
        for action, entity, sid, after in plan.audit:
            h = hash_at(prev_hash, at_utc, uid, uname, action, entity, sid, None, after)
            params.append(
                (bound_at, bound_uid, bound_uname, action, entity, sid, None, after, prev_hash, h, *tail)
            )
            prev_hash = h
        self._prev_hash = prev_hash
        self.inserts.run(conn, sql, params)


def start_planners(
    session: Session, actor: Actor, today: dt.date, ledger_groups: frozenset[str]
) -> Planners | None:
    """Planning processes for a large import, or None where they would not pay.

    None for a database other processes cannot open (SQLite in memory) and on a machine
    without a spare processor; never more than :data:`MAX_PLANNERS`.
    ``CASEMGR_IMPORT_PROCESSES`` sets the count (0 switches them off). Started while the
    file is still being checked, so their start-up (about a second) costs nothing.
    """
    url = session.get_bind().url
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return None
    override = os.environ.get("CASEMGR_IMPORT_PROCESSES", "").strip()
    n = int(override) if override.isdecimal() else (os.cpu_count() or 1) - 1
    n = min(n, MAX_PLANNERS)
    if n <= 0:
        return None
    return Planners(n, url.render_as_string(hide_password=False), actor, today, ledger_groups)


# --------------------------------------------------------------------------- to and from planners
# Plain tuples, not the dataclasses: pickling 100,000 LedgerRows (dates, Decimals, enums)
# cost the importing process two seconds.


def pack_task(rows: list[Any], assigned: list[Assigned]) -> bytes:
    packed_assigned = [
        (a.case_id, a.employer_id, a.new_employer, a.person_id, a.new_person, a.migrant, a.district)
        for a in assigned
    ]
    return b"P" + pickle.dumps(([pack_row(r) for r in rows], packed_assigned), pickle.HIGHEST_PROTOCOL)


def unpack_task(data: bytes) -> tuple[list[Any], list[Assigned]]:
    packed_rows, packed_assigned = pickle.loads(data[1:])
    return [unpack_row(t) for t in packed_rows], [Assigned(*t) for t in packed_assigned]


def pack_plan(plan: ChunkPlan) -> bytes:
    return pickle.dumps((plan.statements, plan.audit), pickle.HIGHEST_PROTOCOL)


def unpack_plan(data: bytes) -> ChunkPlan:
    statements, entries = pickle.loads(data)
    return ChunkPlan(statements, entries)


_EMPLOYER_COLUMNS = ("id", "name", "uscc", "district", "created_at", "updated_at", "updated_by_id", "version",
                     "key_monitoring")  # fmt: skip
_PERSON_COLUMNS = ("id", "name", "id_number", "migrant_worker", "created_at", "updated_at", "updated_by_id",
                   "version")  # fmt: skip
# The case's planned fields (the SimpleNamespace handed to the domain functions), then the rest.
_CASE_PLANNED = ("number", "kind", "year", "seq", "status", "district", "employer_id", "received_on",
                 "accepted_on", "closed_on", "outcome", "migrant_worker", "wage_arrears", "green_channel",
                 "collective", "supervised", "simple_procedure", "amount_claimed", "amount_recovered", "workers",
                 "assigned_user_id", "version", "mediation_body")  # fmt: skip
_CASE_COLUMNS = ("id", *_CASE_PLANNED, "complaint_type", "channel", "created_at", "updated_at", "created_by_id",
                 "updated_by_id")  # fmt: skip
_PARTY_COLUMNS = ("case_id", "role", "employer_id", "person_id")
_CLAIM_COLUMNS = ("case_id", "person_id", "claim_type", "amount_claimed", "amount_paid")
_EVENT_COLUMNS = ("case_id", "kind", "action", "occurred_on", "from_status", "to_status", "data", "user_id",
                  "recorded_at")  # fmt: skip
_CLOCK_COLUMNS = ("case_id", "rule_code", "started_on", "base_due_on", "due_on", "state", "finished_on", "note",
                  "provisional", "basis")  # fmt: skip
_AUDIT_COLUMNS = ("at", "user_id", "username", "action", "entity", "entity_id", "before", "after", "prev_hash",
                  "hash")  # fmt: skip


__all__ = ["BulkWriter"]
