"""The fast path of the ledger import: the same rows as the services write, inserted in bulk.

Why it exists: through ``register_case`` and the clock engine a case costs some thirty
ORM flushes and statements (parties looked up, settings read, every clock flushed on its
own), about 15 ms here — a 100,000-row city ledger would take half an hour. This writer
produces the *same rows* (cases, parties, claims, events, clocks, audit entries) with
multi-row INSERTs per chunk of rows, and reuses the domain's own functions for every
decision — :func:`casemgr.services.cases.propose_flags` (memoised on what it depends on),
the rule selection of ``casemgr.deadlines.rules``, ``clocks.compute_due`` and the
workflow's ``accept`` clock effects and ``terminal_status``.

``tests/test_import_bulk.py`` imports one varied ledger through both paths into two
databases and requires identical contents (ids and timestamps aside). Whoever changes
``register_case`` or the clock engine and breaks that test must update this file too.

Rare cases the bulk path does not replicate — an existing person gaining the migrant-worker
flag, an employer gaining its missing district — are handed to the party services
themselves at the end of the chunk, so their audit entries are the services' own.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import repeat
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from casemgr import audit, search, settings, workflow
from casemgr.deadlines import clocks
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import calendar_for
from casemgr.enums import CaseKind, Channel, ComplaintType, DeadlineState, EventKind, PartyRole
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
    Setting,
    utcnow,
)
from casemgr.services import cases, parties
from casemgr.services.context import Actor

ACTIVE = (DeadlineState.RUNNING.value, DeadlineState.PAUSED.value)
_MISS = object()
IMPORT_CACHE_KIB = 256 * 1024
#: Files of at least this many new rows may rebuild indexes instead of updating them.
REBUILD_MIN_ROWS = 5_000
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


@dataclass
class _Clock:
    rule_code: str
    group: str
    party_period: bool
    started_on: dt.date
    base_due_on: dt.date
    due_on: dt.date
    provisional: bool
    basis: str | None
    state: str = DeadlineState.RUNNING.value
    finished_on: dt.date | None = None
    note: str | None = None


@dataclass
class _Planned:
    """One ledger row turned into the rows the services would write."""

    row: Any  # ledger_import.LedgerRow
    employer_key: tuple[str, str] | None
    person_key: str | int | None  # id number, or a per-row int for a person without one
    case: dict[str, Any]
    register_snapshot: dict[str, Any]
    final_snapshot: dict[str, Any] | None
    events: list[tuple[Any, ...]]  # as _EVENT_COLUMNS[1:7]
    clocks: list[_Clock]
    new_employer: dict[str, Any] | None = None
    new_person: dict[str, Any] | None = None
    case_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _number_pattern(fmt: str) -> re.Pattern[str]:
    """The same reading of a number format as ``cases.reserve_given_number``."""
    pattern = re.escape(fmt).replace(re.escape("{year}"), r"(?P<year>\d{4})")
    pattern = re.sub(r"\\\{seq[^}]*\\\}", r"(?P<seq>\\d+)", pattern)
    return re.compile(pattern)


class BulkWriter:
    def __init__(self, session: Session, actor: Actor, today: dt.date, ledger_groups: frozenset[str]) -> None:
        self.s = session
        self.actor = actor
        self.today = today
        self.ledger_groups = ledger_groups
        self.employers: dict[tuple[str, str], _Party] = {}
        self.persons: dict[str, _Party] = {}
        self._flags: dict[tuple[Any, ...], cases.Flags] = {}
        self._thresholds: dict[dt.date, tuple[Any, ...]] = {}
        self._facts: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._points: dict[str, list[dt.date]] = {}
        self._due: dict[tuple[str, dt.date], tuple[tuple[dt.date, dt.date], bool]] = {}
        self._basis: str | None = None
        self._on_receipt: dict[str, list[rules_mod.RuleSpec]] = {}
        self._in_group: dict[tuple[str, str], list[rules_mod.RuleSpec]] = {}
        self._settings: dict[tuple[str, dt.date], Any] = {}
        self._anon = 0
        self._specs: dict[tuple[str, tuple[str, ...]], tuple[str, list[Any], tuple[Any, ...]]] = {}
        self._next_id: dict[str, int] = {}
        self._selection: dict[tuple[Any, ...], list[rules_mod.RuleSpec]] = {}
        self._prev_hash: str | None = None
        self._snap_keys: list[str] | None = None
        self._json_memo: dict[tuple[type, Any], str] = {}
        self._party_fixes: list[tuple[str, Any]] = []
        self._prepared = False
        sqlite = session.get_bind().dialect.name == "sqlite"
        self._cache_size: int | None = None
        if sqlite:
            # A bigger page cache for this connection while it writes: the new rows go into
            # some twenty indexes, and with SQLite's default 2 MB most of those inserts miss
            # the cache. It changes no durability setting (synchronous stays FULL).
            conn = session.connection()
            self._cache_size = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
            conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
        self._bound: dict[tuple[str, str], dict[Any, Any]] = {}
        self._sqlite = sqlite
        self._dropped_indexes: list[tuple[str, str]] = []  # (name, CREATE INDEX sql)

    # ------------------------------------------------------------------ memoised domain calls

    def _point(self, key: str, on: dt.date) -> dt.date:
        """The latest day ≤ ``on`` on which setting ``key`` may change: the value in force on
        ``on`` is the value in force on that day (settings are step functions of the date)."""
        points = self._points.get(key)
        if points is None:
            found = {since for since, _ in settings.DEFAULTS.get(key, [])}
            found.update(self.s.execute(select(Setting.valid_from).where(Setting.key == key)).scalars())
            points = sorted(found)
            self._points[key] = points
        i = bisect.bisect_right(points, on) - 1
        return points[i] if i >= 0 else on

    def _setting(self, key: str, on: dt.date) -> Any:
        point = self._point(key, on)
        memo = (key, point)
        if memo not in self._settings:
            self._settings[memo] = settings.get(self.s, key, point)
        return self._settings[memo]

    def _threshold_key(self, on: dt.date) -> tuple[Any, ...]:
        key = self._thresholds.get(on)
        if key is None:
            key = (
                int(self._setting("collective_min_workers", on)),
                int(self._setting("supervision_min_workers", on)),
                Decimal(str(self._setting("supervision_min_amount", on))),
            )
            self._thresholds[on] = key
        return key

    def flags(self, migrant: bool, wage: bool, workers: int, amount: Decimal, on: dt.date) -> cases.Flags:
        cmin, smin, samount = self._threshold_key(on)
        collective = workers >= cmin
        key = (migrant, wage, collective, workers if collective else None, workers >= smin, amount >= samount,
               cmin, smin, samount)  # fmt: skip
        f = self._flags.get(key)
        if f is None:
            f = cases.propose_flags(
                self.s, migrant_worker=migrant, wage_arrears=wage, workers=workers, amount=amount, on=on
            )
            self._flags[key] = f
        return f

    def facts(self, case: SimpleNamespace, on: dt.date) -> dict[str, Any]:
        point = self._point("inspection_rule_set", on)
        key = (
            case.green_channel,
            case.collective,
            case.supervised,
            case.simple_procedure,
            case.migrant_worker,
            point,
        )
        f = self._facts.get(key)
        if f is None:
            f = rules_mod.case_facts(self.s, case, point)  # type: ignore[arg-type]
            self._facts[key] = f
        return f

    def _selected(
        self, which: tuple[str, str | None], candidates: list[rules_mod.RuleSpec], facts: dict[str, Any]
    ) -> list[rules_mod.RuleSpec]:
        """``rules_mod.selects`` over a rule list, once per distinct facts (memoised dicts)."""
        memo = (which, id(facts))
        found = self._selection.get(memo)
        if found is None:
            found = [rule for rule in candidates if rules_mod.selects(rule, facts)]
            self._selection[memo] = found
        return found

    # ------------------------------------------------------------------ clocks

    def _start(self, rule: rules_mod.RuleSpec, on: dt.date) -> _Clock:
        """A clock as ``clocks.start_rule`` starts it (due dates memoised: ledgers repeat dates)."""
        memo = (rule.code, on)
        computed = self._due.get(memo)
        if computed is None:
            cal = calendar_for(self.s)
            computed = clocks._counted(cal, lambda c: clocks.compute_due(c, rule, on, None, 0, 0))
            self._due[memo] = computed
        (base, due), provisional = computed
        if self._basis is None:  # a clock started from its own date: no pauses, no anchor
            holder = SimpleNamespace(basis=None)
            clocks.Basis(anchor=None).store(holder)  # type: ignore[arg-type]
            self._basis = holder.basis
        return _Clock(rule.code, rule.group, rule.party_period, on, base, due, provisional, self._basis)

    @staticmethod
    def _finish(c: _Clock, on: dt.date) -> None:
        c.finished_on = on
        c.state = (DeadlineState.MET if on <= c.due_on else DeadlineState.BREACHED).value

    def _plan_clocks(self, case: SimpleNamespace, r: Any) -> tuple[list[_Clock], str]:
        """Registration, acceptance and closing, as ``on_case_registered`` and ``_replay`` do them."""
        all_rules = rules_mod.all_rules(self.s)
        kind = case.kind
        out: list[_Clock] = []
        facts = self.facts(case, case.received_on)
        on_receipt = self._on_receipt.get(kind)
        if on_receipt is None:
            on_receipt = [
                x for x in all_rules.values() if x.kind == kind and x.start_on in ("received", "flagged")
            ]
            self._on_receipt[kind] = on_receipt
        for rule in self._selected((kind, None), on_receipt, facts):
            out.append(self._start(rule, case.received_on))
        status = cases.INITIAL_STATUS
        if r.accepted_on is not None:
            t = workflow.get_transition(kind, "accept")
            for eff in t.clocks:
                if not eff.group or eff.action not in ("start", "stop", "cancel"):
                    continue
                on = case.received_on if eff.start_from == "received_on" else r.accepted_on
                in_group = self._in_group.get((kind, eff.group))
                if in_group is None:
                    in_group = [x for x in all_rules.values() if x.kind == kind and x.group == eff.group]
                    self._in_group[(kind, eff.group)] = in_group
                codes = {x.code for x in in_group}
                active = [c for c in out if c.state in ACTIVE and c.rule_code in codes]
                if eff.action == "start":
                    f = self.facts(case, on)
                    for rule in self._selected((kind, eff.group), in_group, f):
                        current = [c for c in active if c.rule_code == rule.code]
                        if current and rule.anchor == "start":
                            continue
                        for c in current:
                            c.state, c.finished_on = DeadlineState.CANCELLED.value, on
                        out.append(self._start(rule, on))
                elif eff.action == "stop":
                    for c in active:
                        self._finish(c, on)
                else:
                    for c in active:
                        c.state, c.finished_on = DeadlineState.CANCELLED.value, on
            status = t.to_state or status
            for c in out:
                if c.state in ACTIVE and c.group not in self.ledger_groups:
                    c.state = DeadlineState.CANCELLED.value
                    c.finished_on = r.closed_on or r.accepted_on
                    c.note = "台账导入：台账未记录该环节的日期"
        if r.closed_on is not None and r.outcome is not None:
            for c in out:
                if c.state not in ACTIVE:
                    continue
                if c.party_period:
                    c.state, c.finished_on = DeadlineState.CANCELLED.value, r.closed_on
                else:
                    self._finish(c, r.closed_on)
        return out, status

    # ------------------------------------------------------------------ planning

    def _seq(self, kind: CaseKind, number: str) -> tuple[int, int | None]:
        pat = self._patterns.get(kind.value)
        if pat is None:
            pat = _number_pattern(str(settings.get(self.s, f"case_number_format.{kind.value}")))
            self._patterns[kind.value] = pat
        m = pat.fullmatch(number)
        return (int(m.group("seq")), int(m.group("year"))) if m else (0, None)

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
            seq, year = self._seq(CaseKind(r.kind), r.case_no)
            if year is not None:
                best = max_number.get((r.kind.value, year))
                if best is None or seq > best[0]:
                    max_number[(r.kind.value, year)] = (seq, r.case_no)
        for (kind_value, _year), (_seq, number) in sorted(max_number.items()):
            cases.reserve_given_number(self.s, CaseKind(kind_value), number)  # moves the counter
        if self._sqlite and len(rows) >= REBUILD_MIN_ROWS:
            self._drop_indexes(len(rows))
        self._prepared = True

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

    def write(self, rows: list[Any]) -> None:
        """Plan and insert one chunk of checked, new ledger rows (after :meth:`prepare`)."""
        if not self._prepared:
            self.prepare(rows)
        plans: list[_Planned] = []
        party_fixes = self._party_fixes
        now = utcnow()
        uid = self.actor.user_id
        for r in rows:
            kind = CaseKind(r.kind)
            ekey: tuple[str, str] | None = None
            new_employer = None
            district = r.district
            if r.employer:
                ekey = ("uscc", r.uscc) if r.uscc else ("name", r.employer)
                known = self.employers.get(ekey)
                if known is None:
                    known = _Party(None, district=r.district)
                    self.employers[ekey] = known
                    new_employer = {"name": r.employer, "uscc": r.uscc, "district": r.district}
                elif r.district and not known.district:
                    party_fixes.append(("employer", r))
                    known.district = r.district
                district = r.district or known.district
            pkey: str | int | None = None
            new_person = None
            migrant = False
            if r.applicant:
                if r.id_number:
                    pkey = r.id_number
                    known_p = self.persons.get(pkey)
                    if known_p is None:
                        known_p = _Party(None, migrant=r.migrant_worker)
                        self.persons[pkey] = known_p
                        new_person = {
                            "name": r.applicant,
                            "id_number": r.id_number,
                            "migrant_worker": r.migrant_worker,
                        }
                    elif r.migrant_worker and not known_p.migrant:
                        party_fixes.append(("person", r))
                        known_p.migrant = True
                    migrant = known_p.migrant
                else:
                    self._anon += 1
                    pkey = self._anon
                    new_person = {"name": r.applicant, "id_number": None, "migrant_worker": r.migrant_worker}
                    migrant = r.migrant_worker
            wage = r.claim_type.value in ("wages", "overtime")
            workers = r.workers if r.workers is not None else 1
            fl = self.flags(migrant, wage, workers, r.amount_claimed, r.received_on)
            seq, _year = self._seq(kind, r.case_no)
            complaint = None
            if kind is CaseKind.INSPECTION:
                complaint = (ComplaintType.COMPLAINT if r.applicant else ComplaintType.REPORT).value
            case = SimpleNamespace(
                number=r.case_no, kind=kind.value, year=r.received_on.year, seq=seq, status=cases.INITIAL_STATUS,
                district=district, employer_id=None, received_on=r.received_on, accepted_on=None, closed_on=None,
                outcome=None, migrant_worker=fl.migrant_worker, wage_arrears=fl.wage_arrears,
                green_channel=fl.green_channel, collective=fl.collective, supervised=fl.supervised,
                simple_procedure=False, amount_claimed=r.amount_claimed, amount_recovered=Decimal("0.00"),
                workers=workers, assigned_user_id=uid, version=1,
            )  # fmt: skip
            clock_plan, status = self._plan_clocks(case, r)
            register_snapshot = dict(vars(case))
            events = [
                (EventKind.CREATED.value, None, r.received_on, None, cases.INITIAL_STATUS,
                 audit.to_json({"flags": list(fl.reasons)}) if fl.reasons else None)
            ]  # fmt: skip
            replayed = r.accepted_on is not None or r.closed_on is not None or bool(r.amount_recovered)
            if r.accepted_on is not None:
                events.append(
                    (EventKind.IMPORTED.value, "accept", r.accepted_on, cases.INITIAL_STATUS, status, None)
                )  # fmt: skip
                case.accepted_on = r.accepted_on
            if r.closed_on is not None and r.outcome is not None:
                terminal = workflow.terminal_status(kind, r.outcome)
                events.append(
                    (EventKind.IMPORTED.value, "close", r.closed_on, status, terminal,
                     audit.to_json({"outcome": r.outcome.value, "amount_recovered": r.amount_recovered}))
                )  # fmt: skip
                status = terminal
                case.closed_on, case.outcome = r.closed_on, r.outcome.value
                case.amount_recovered = r.amount_recovered
            elif r.amount_recovered:
                case.amount_recovered = r.amount_recovered
            case.status = status
            final_snapshot = None
            if replayed:
                case.version = 2
                final_snapshot = dict(vars(case))
            plans.append(
                _Planned(
                    row=r, employer_key=ekey, person_key=pkey, case=dict(vars(case)),
                    register_snapshot=register_snapshot, final_snapshot=final_snapshot, events=events,
                    clocks=clock_plan, new_employer=new_employer, new_person=new_person,
                    extra={"complaint_type": complaint},
                )
            )  # fmt: skip
        self._insert(plans, now)

    # ------------------------------------------------------------------ inserting

    def _fast_insert(self, table: Any, rows: list[dict[str, Any]]) -> None:
        """:meth:`_insert_rows` for rows given as dicts (every row with the same keys)."""
        if rows:
            names = tuple(rows[0])
            self._insert_rows(table, names, [tuple(r.values()) for r in rows])

    def _insert_rows(self, table: Any, names: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        """executemany with the columns' own bind processors applied in one tight loop.

        Same stored values as ``session.execute(insert(table), rows)`` (the equivalence test
        compares the raw rows) without SQLAlchemy's per-row parameter bookkeeping, which was
        a third of the import's time. Rows are tuples in the order of ``names``: building a
        dict per row only to take it apart again was a tenth. A processor's result is
        memoised per distinct value: a chunk repeats the same timestamps, dates, states and
        amounts thousands of times. Columns left out take their scalar Python-side default,
        as insert() would give them (a column added to the model later needs no change here).
        """
        if not rows:
            return
        conn = self.s.connection()
        dialect = conn.dialect
        spec = self._specs.get((table.name, names))
        if spec is None:
            given = set(names)
            cols = [table.c[n] for n in names]
            defaults = [c for c in table.columns if c.name not in given and c.default is not None
                        and c.default.is_scalar]  # fmt: skip
            procs = []
            for col in (*cols, *defaults):
                proc = col.type.dialect_impl(dialect).bind_processor(dialect)
                procs.append(proc)
            fixed = []
            for col, proc in zip(defaults, procs[len(cols) :], strict=True):
                value = col.default.arg
                fixed.append(proc(value) if proc is not None else value)
            all_names = [*names, *(c.name for c in defaults)]
            mark = "?" if dialect.paramstyle == "qmark" else "%s"
            quote = dialect.identifier_preparer.quote
            sql = (
                f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in all_names)}) "
                f"VALUES ({', '.join([mark] * len(all_names))})"
            )
            spec = (sql, procs[: len(cols)], tuple(fixed))
            self._specs[(table.name, names)] = spec
        sql, procs, fixed = spec
        columns_: list[Any] = list(zip(*rows, strict=True))
        for i, proc in enumerate(procs):
            if proc is None:
                continue
            memo = self._bound.setdefault((table.name, names[i]), {})
            if len(memo) > 50_000:  # unique values (ids, names) gain nothing from the memo
                memo.clear()
            values = columns_[i]
            get = memo.get
            out = [get(v, _MISS) for v in values]
            for j, b in enumerate(out):
                if b is _MISS:
                    v = values[j]
                    b = memo.get(v, _MISS)
                    if b is _MISS:
                        b = memo[v] = proc(v)
                    out[j] = b
            columns_[i] = out
        n = len(rows)
        for value in fixed:
            columns_.append(repeat(value, n))
        conn.exec_driver_sql(sql, list(zip(*columns_, strict=True)))

    def _insert_with_ids(self, table: Any, rows: list[dict[str, Any]], key: Any) -> list[int]:
        """Insert ``rows`` and return their ids in the order of ``rows``.

        SQLite: the writer holds the database's write lock (BEGIN IMMEDIATE) for the whole
        import, and these tables have no AUTOINCREMENT, so SQLite itself would give the rows
        ``max(id) + 1, + 2, …`` in insertion order; the ids are given explicitly and the rows
        go through the cheap executemany path. Other backends use sequences: INSERT ..
        RETURNING there.
        """
        if self.s.get_bind().dialect.name != "sqlite":
            return self._insert_keyed(table, rows, key)
        top = self._next_id.get(table.name)
        if top is None:
            top = (self.s.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        ids = list(range(top, top + len(rows)))
        self._next_id[table.name] = top + len(rows)
        for row, new_id in zip(rows, ids, strict=True):
            row["id"] = new_id
        self._fast_insert(table, rows)
        return ids

    def _insert_keyed(self, table: Any, rows: list[dict[str, Any]], key: Any) -> list[int]:
        """Multi-row INSERT .. RETURNING id, key; ids handed back in the order of ``rows``.

        RETURNING rows need not come back in parameter order, and asking SQLAlchemy to sort
        them makes SQLite fall back to one statement per row; so each row is matched by its
        key instead (rows with equal keys are interchangeable and get ids in ascending order).
        """
        returned = self.s.execute(insert(table).returning(table.c.id, *key(table)), rows).all()
        by_key: dict[tuple[Any, ...], list[int]] = {}
        for r in sorted(returned, key=lambda r: r[0]):
            by_key.setdefault(tuple(r[1:]), []).append(r[0])
        for ids in by_key.values():
            ids.reverse()
        return [by_key[tuple(row[c.name] for c in key(table))].pop() for row in rows]

    def _insert(self, plans: list[_Planned], now: dt.datetime) -> None:
        uid = self.actor.user_id
        stamp = {"created_at": now, "updated_at": now, "updated_by_id": uid, "version": 1}
        grams: list[tuple[str, str, int]] = []  # the search index, as search._after_flush writes it
        new_emp = [p for p in plans if p.new_employer is not None]
        if new_emp:
            rows = [{**p.new_employer, **stamp, "key_monitoring": False} for p in new_emp]  # type: ignore[dict-item]
            ids = self._insert_with_ids(Employer.__table__, rows, lambda t: (t.c.uscc, t.c.name))
            for p, new_id in zip(new_emp, ids, strict=True):
                assert p.employer_key is not None and p.new_employer is not None
                self.employers[p.employer_key].id = new_id
                grams += [(g, search.EMPLOYER, new_id) for g in search.grams(p.new_employer["name"])]
        new_per = [p for p in plans if p.new_person is not None]
        if new_per:
            rows = [{**p.new_person, **stamp} for p in new_per]  # type: ignore[dict-item]
            ids = self._insert_with_ids(
                Person.__table__, rows, lambda t: (t.c.id_number, t.c.name, t.c.migrant_worker)
            )
            for p, new_id in zip(new_per, ids, strict=True):
                assert p.new_person is not None
                if isinstance(p.person_key, str):
                    self.persons[p.person_key].id = new_id
                else:
                    p.extra["person_id"] = new_id
                grams += [(g, search.PERSON, new_id) for g in search.grams(p.new_person["name"])]
        grams.sort()  # primary-key order: B-tree locality
        self._insert_rows(SearchGram.__table__, ("gram", "party", "party_id"), grams)
        case_rows = []
        for p in plans:
            emp_id = self.employers[p.employer_key].id if p.employer_key else None
            p.case["employer_id"] = p.register_snapshot["employer_id"] = emp_id
            if p.final_snapshot is not None:
                p.final_snapshot["employer_id"] = emp_id
            row = dict(p.case)
            row.update(
                complaint_type=p.extra["complaint_type"], channel=Channel.IMPORT.value, external_ref=None,
                green_channel_override=None, created_at=now, updated_at=now, created_by_id=uid, updated_by_id=uid,
                summary=None, employment_ended_on=None, violation_on=None, source_case_id=None,
            )  # fmt: skip
            case_rows.append(row)
        case_ids = self._insert_with_ids(Case.__table__, case_rows, lambda t: (t.c.number,))
        parties_rows: list[tuple[Any, ...]] = []
        claim_rows: list[tuple[Any, ...]] = []
        event_rows: list[tuple[Any, ...]] = []
        clock_rows: list[tuple[Any, ...]] = []
        respondent = PartyRole.RESPONDENT.value
        zero = Decimal("0.00")
        for p, cid in zip(plans, case_ids, strict=True):
            p.case_id = cid
            r = p.row
            person_id = None
            if p.person_key is not None:
                person_id = (
                    self.persons[p.person_key].id if isinstance(p.person_key, str) else p.extra["person_id"]
                )
            employer_id = p.case["employer_id"]
            if employer_id is not None:
                parties_rows.append((cid, respondent, employer_id, None))
            if person_id is not None:
                role = PartyRole.COMPLAINANT if r.kind is CaseKind.INSPECTION else PartyRole.APPLICANT
                parties_rows.append((cid, role.value, None, person_id))
            claim_rows.append((cid, person_id, r.claim_type.value, r.amount_claimed, zero))
            for e in p.events:
                event_rows.append((cid, *e, uid, now))
            for c in p.clocks:
                clock_rows.append((cid, c.rule_code, c.started_on, c.base_due_on, c.due_on, c.state,
                                   c.finished_on, c.note, c.provisional, c.basis))  # fmt: skip
        self._insert_rows(CaseParty.__table__, _PARTY_COLUMNS, parties_rows)
        self._insert_rows(ClaimItem.__table__, _CLAIM_COLUMNS, claim_rows)
        self._insert_rows(Event.__table__, _EVENT_COLUMNS, event_rows)
        self._insert_rows(Deadline.__table__, _CLOCK_COLUMNS, clock_rows)
        self._audit(plans)

    def _snapshot_json(self, values: dict[str, Any]) -> str:
        """``audit.to_json(cases.case_snapshot(...))`` of planned values, byte for byte.

        The keys are sorted once instead of per entry, and dates and amounts are converted
        once per distinct value: with a third of a million entries per 100,000 rows, the
        generic encoder's sorting and per-value callbacks were a sixth of the import.
        """
        snap = _snapshot(values)
        keys = self._snap_keys
        if keys is None or len(keys) != len(snap):
            keys = self._snap_keys = sorted(snap)
        memo = self._json_memo
        ordered = {}
        for k in keys:
            v = snap[k]
            cls = v.__class__
            if cls is Decimal or cls is dt.date:
                j = memo.get((cls, v))
                if j is None:
                    j = memo[(cls, v)] = audit._default(v)
                v = j
            ordered[k] = v
        return _SORTED_JSON(ordered)

    def _audit(self, plans: list[_Planned]) -> None:
        """The entries the services would have written, in their order, chained in memory."""
        entries: list[tuple[str, str, int, str | None]] = []
        for p in plans:
            r = p.row
            if p.new_employer is not None and p.employer_key is not None:
                e = SimpleNamespace(**_NEW_EMPLOYER, name=r.employer, uscc=r.uscc, district=r.district)
                entries.append(("employer.create", "employer", self.employers[p.employer_key].id,
                                audit.to_json(parties._employer_dict(e))))  # type: ignore[arg-type]  # fmt: skip
            if p.new_person is not None:
                pid = self.persons[p.person_key].id if isinstance(p.person_key, str) else p.extra["person_id"]
                person = SimpleNamespace(**_NEW_PERSON, name=r.applicant, id_number=r.id_number,
                                         migrant_worker=r.migrant_worker)  # fmt: skip
                entries.append(("person.create", "person", pid, audit.to_json(parties._person_dict(person))))  # type: ignore[arg-type]
            entries.append(("case.register", "case", p.case_id, self._snapshot_json(p.register_snapshot)))
            if p.final_snapshot is not None:
                entries.append(
                    ("case.import_history", "case", p.case_id, self._snapshot_json(p.final_snapshot))
                )
        prev_hash = self._prev_hash
        if prev_hash is None:  # read once: from here on this writer is the chain's only writer
            audit._lock_chain(self.s)
            prev = self.s.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
            prev_hash = prev or audit.GENESIS
        rows: list[tuple[Any, ...]] = []
        uid, uname = self.actor.user_id, self.actor.username
        at = utcnow()  # one INSERT writes the chunk's entries: one moment
        at_utc = at.astimezone(dt.UTC).isoformat()
        hash_at = audit.entry_hash_at
        for action, entity, eid, a in entries:
            sid = str(eid)
            h = hash_at(prev_hash, at_utc, uid, uname, action, entity, sid, None, a)
            rows.append((at, uid, uname, action, entity, sid, None, a, prev_hash, h))
            prev_hash = h
        self._prev_hash = prev_hash
        self._insert_rows(AuditEntry.__table__, _AUDIT_COLUMNS, rows)


_PARTY_COLUMNS = ("case_id", "role", "employer_id", "person_id")
_CLAIM_COLUMNS = ("case_id", "person_id", "claim_type", "amount_claimed", "amount_paid")
_EVENT_COLUMNS = ("case_id", "kind", "action", "occurred_on", "from_status", "to_status", "data", "user_id",
                  "recorded_at")  # fmt: skip
_CLOCK_COLUMNS = ("case_id", "rule_code", "started_on", "base_due_on", "due_on", "state", "finished_on", "note",
                  "provisional", "basis")  # fmt: skip
_AUDIT_COLUMNS = ("at", "user_id", "username", "action", "entity", "entity_id", "before", "after", "prev_hash",
                  "hash")  # fmt: skip
# audit.to_json without sort_keys (the bulk writer orders the keys itself) and without the
# default hook (it converts dates and amounts itself): same output.
_SORTED_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _snapshot(values: dict[str, Any]) -> dict[str, object]:
    """``cases.case_snapshot`` applied to the planned values (same keys, same order)."""
    return cases.case_snapshot(SimpleNamespace(**values))  # type: ignore[arg-type]


__all__ = ["BulkWriter"]
