"""Synthetic benchmark databases (10,000 or 1,000,000 cases), bulk-inserted through the models.

Not the demo: one service call per case would take hours for a million cases, so rows are
written with Core ``insert(table)`` executemany in large batches, with the distributions a
city's six-year history would show (kinds, districts, statuses, flags, amounts, parties
reused across cases, events per case, running and finished clocks). The schema is the real
one (``alembic upgrade head``) with every index in place, and the search index is filled
through ``casemgr.search.gram_rows``, the function the live hook uses.

The file is built under a temporary name and renamed when complete, so an interrupted run
never leaves a half-filled cache behind.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Table, create_engine, event, insert  # noqa: E402

from casemgr import db, search, validation  # noqa: E402
from casemgr.enums import DISTRICTS_SHANWEI, Role  # noqa: E402
from casemgr.models import (  # noqa: E402
    Case,
    CaseParty,
    ClaimItem,
    Deadline,
    Employer,
    Event,
    Person,
    SearchGram,
    User,
)

CACHE = ROOT / "bench" / ".cache"
TODAY = dt.date(2026, 11, 16)  # fixed, so cached databases and figures stay comparable
YEARS = 6
SIZES = {"10k": 10_000, "1m": 1_000_000}

PREFIX = {"mediation": "汕劳人调字", "arbitration": "汕劳人仲案字", "inspection": "汕人社监字"}
KIND_W = (("mediation", 30), ("arbitration", 38), ("inspection", 32))
DISTRICT_W = (26, 24, 24, 10, 6, 4, 6)
SURNAMES = "陈陈陈陈林林林黄黄黄李李吴吴蔡蔡彭刘郑庄叶钟曾罗张杨卓余许王朱何谢苏詹温马周邱颜"
GIVEN = "伟强军杰斌勇辉明华建国志文俊涛鹏飞超波刚海峰亮东林芳娜敏静丽艳秀娟霞玲燕红梅琳婷慧莹小家晓少永子嘉"
BRAND = "鸿达宏兴金海顺发华美联兴永盛恒泰伟业新科荣昌万通富源嘉信粤海汕美港湾龙腾利丰德隆"
CORE = (
    "建筑工程",
    "制衣",
    "电子",
    "珠宝首饰",
    "五金塑胶",
    "食品",
    "水产",
    "餐饮管理",
    "酒店",
    "商贸",
    "物业管理",
    "物流",
)
REGION = {
    "城区": "441502",
    "海丰县": "441521",
    "陆丰市": "441581",
    "陆河县": "441523",
    "红海湾经济开发区": "441502",
    "华侨管理区": "441581",
    "汕尾高新区": "441521",
}
CLOSED = {
    "mediation": (("agreement", "agreement", 50), ("settled", "settlement", 10), ("failed", "failed", 20),
                  ("expired", "expired", 10), ("withdrawn", "withdrawn", 6), ("refused", "refused", 4)),
    "arbitration": (("archived", "award", 40), ("served", "award", 10), ("settled", "arb_mediation", 30),
                    ("withdrawn", "withdrawn", 10), ("deemed_withdrawn", "deemed_withdrawn", 4),
                    ("terminated", "terminated", 2), ("refused", "refused", 4)),
    "inspection": (("handled", "handling_decision", 70), ("penalized", "penalty", 6), ("cancelled", "cancelled", 8),
                   ("transferred", "transferred", 5), ("referred", "refer_to_dispute", 7), ("refused", "refused", 4)),
}  # fmt: skip
OPEN = {
    "mediation": (("received", "med.accept", 3), ("accepted", "med.conclude", 15), ("in_mediation", "med.conclude", 15)),
    "arbitration": (("received", "arb.accept", 5), ("accepted", "arb.award", 45), ("tribunal_formed", "arb.award", 45),
                    ("hearing_scheduled", "arb.award", 45), ("suspended", "arb.award", 45)),
    "inspection": (("received", "insp.accept", 5), ("investigating", "insp.investigate.gd", 63),
                   ("payment_ordered", "insp.pay_order", 14)),
}  # fmt: skip
FIRST_RULE = {"mediation": "med.accept", "arbitration": "arb.accept", "inspection": "insp.accept"}
MAIN_RULE = {"mediation": "med.conclude", "arbitration": "arb.award", "inspection": "insp.investigate.gd"}


def _iso_id(rng: random.Random, region: str, n: int) -> str:
    # (birth date, order number) is unique per n: ID numbers are unique columns.
    born = dt.date(1966, 1, 1) + dt.timedelta(days=(n // 1000) * 11 + rng.randint(0, 10))
    first17 = f"{region}{born:%Y%m%d}{n % 1000:03d}"
    return first17 + validation.resident_id_check_char(first17)


def _uscc(region: str, n: int) -> str:
    first17 = f"91{region}{n:09d}"
    return first17 + validation.uscc_check_char(first17)


def _batches(rows: Iterator[dict[str, Any]], size: int = 20_000) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def fast_insert(conn: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    """executemany of the model's table with values already in storage form.

    SQLAlchemy's per-value processors (Money to fen, aware datetimes to naive UTC) cost
    more than SQLite's insert itself at a million rows, so the rows below are built in
    storage form (fen as int, ``STAMP`` as text) and go to the driver directly; the column
    names are checked against the model, so a schema change breaks this loudly.
    """
    if not rows:
        return
    cols = list(rows[0])
    unknown = [c for c in cols if c not in table.c]
    if unknown:
        raise KeyError(f"{table.name}: no columns {unknown}")
    sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    conn.connection.driver_connection.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def build(path: Path, n_cases: int, seed: int = 8, log: Any = print, employers: int | None = None) -> Path:
    """Create ``path`` with ``n_cases`` cases (and ``n_cases // 20`` employers unless
    ``employers`` says otherwise); returns the path."""
    t0 = time.perf_counter()
    tmp = path.with_suffix(".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.upgrade(f"sqlite:///{tmp}")
    engine = create_engine(f"sqlite:///{tmp}")

    @event.listens_for(engine, "connect")
    def _fast(conn: sqlite3.Connection, _rec: Any) -> None:
        # A cache file that can be rebuilt: no journal, no fsync while loading.
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-400000")
        conn.execute("PRAGMA temp_store=MEMORY")

    rng = random.Random(seed)
    districts = list(DISTRICTS_SHANWEI)
    first_day = TODAY - dt.timedelta(days=365 * YEARS)
    span = (TODAY - first_day).days
    n_employers = employers or max(50, n_cases // 20)
    n_users = max(12, min(200, n_cases // 5000))
    kinds = [k for k, _ in KIND_W]
    kind_w = [w for _, w in KIND_W]

    with engine.begin() as conn:
        # Secondary indexes are dropped during the load and rebuilt after it: building an
        # index from sorted data is several times faster than updating it row by row.
        index_ddl = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
            )
        ]
        for name in [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
            )
        ]:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        roles = (Role.CLERK, Role.MEDIATOR, Role.INSPECTOR, Role.SUPERVISOR)
        conn.execute(
            insert(User.__table__),
            [
                {
                    "id": i,
                    "username": f"bench{i}",
                    "display_name": f"用户{i}",
                    "role": roles[i % 4].value,
                    "district": districts[i % len(districts)],
                    "must_change_password": False,
                    "failed_logins": 0,
                    "active": True,
                    "created_at": dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
                }
                for i in range(1, n_users + 1)
            ],
        )
        emp_district = [rng.choices(districts, DISTRICT_W)[0] for _ in range(n_employers)]

        def employers() -> Iterator[dict[str, Any]]:
            for i in range(n_employers):
                d = emp_district[i]
                yield {
                    "id": i + 1,
                    "name": f"{d}{rng.choice(BRAND)}{rng.choice(BRAND)}{rng.choice(CORE)}有限公司{i}",
                    "uscc": _uscc(REGION[d], i + 1),
                    "district": d,
                    "key_monitoring": False,
                    "version": 1,
                    "created_at": dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
                    "updated_at": dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
                }

        grams: list[dict[str, Any]] = []
        for batch in _batches(employers()):
            conn.execute(insert(Employer.__table__), batch)
            for r in batch:
                grams += search.gram_rows(search.EMPLOYER, r["id"], r["name"])
        conn.execute(insert(SearchGram.__table__), grams)
        log(f"  employers {n_employers:,} ({time.perf_counter() - t0:.0f} s)")

        person_id = 0
        claim_id = 0
        event_id = 0
        deadline_id = 0
        party_id = 0
        seqs: dict[tuple[str, int], int] = {}
        case_rows: list[dict[str, Any]] = []
        persons: list[dict[str, Any]] = []
        parties: list[dict[str, Any]] = []
        claims: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        deadlines: list[dict[str, Any]] = []
        grams = []
        recv_days = sorted(rng.randint(0, span) for _ in range(n_cases))
        stamp = "2026-01-01 00:00:00.000000"  # storage form of UTCDateTime

        def flush() -> None:
            fast_insert(conn, Person.__table__, persons)
            fast_insert(conn, Case.__table__, case_rows)
            fast_insert(conn, CaseParty.__table__, parties)
            fast_insert(conn, ClaimItem.__table__, claims)
            fast_insert(conn, Event.__table__, events)
            fast_insert(conn, Deadline.__table__, deadlines)
            fast_insert(conn, SearchGram.__table__, grams)
            for lst in (persons, case_rows, parties, claims, events, deadlines, grams):
                lst.clear()

        for cid in range(1, n_cases + 1):
            received = first_day + dt.timedelta(days=recv_days[cid - 1])
            kind = rng.choices(kinds, kind_w)[0]
            key = (kind, received.year)
            seqs[key] = seq = seqs.get(key, 0) + 1
            emp = int(n_employers * rng.random() ** 2) + 1  # repeat offenders
            district = emp_district[emp - 1]
            age = (TODAY - received).days
            # Open cases are mostly recent; a thin tail of old ones is the overdue backlog.
            open_case = rng.random() < (0.9 if age < 20 else 0.35 if age < 60 else 0.004)
            collective = rng.random() < 0.05
            migrant = rng.random() < 0.45
            workers = rng.randint(10, 40) if collective else 1
            wage = rng.random() < 0.7
            amount = rng.randint(2000, 60000) * workers  # yuan (Money stores fen)
            green = migrant and wage
            accepted = received + dt.timedelta(days=rng.randint(1, 5))
            if open_case:
                status, rule, length = rng.choice(OPEN[kind])
                outcome = None
                closed = None
                if status == "received":
                    accepted = None
            else:
                choices = CLOSED[kind]
                status, outcome, _w = rng.choices(choices, [w for *_, w in choices])[0]
                closed = received + dt.timedelta(days=rng.randint(5, 70))
                if outcome == "refused":
                    accepted = None
                    closed = received + dt.timedelta(days=rng.randint(1, 5))
                closed = min(closed, TODAY)
            recovered = amount * rng.choice((0, 5, 8, 10)) // 10 if closed and outcome != "refused" else 0
            case_rows.append(
                {
                    "id": cid,
                    "number": f"{PREFIX[kind]}〔{received.year}〕第{seq:04d}号",
                    "kind": kind,
                    "year": received.year,
                    "seq": seq,
                    "status": status,
                    "district": district,
                    "employer_id": emp,
                    "received_on": received,
                    "accepted_on": accepted,
                    "closed_on": closed,
                    "outcome": outcome,
                    "migrant_worker": migrant,
                    "wage_arrears": wage,
                    "green_channel": green,
                    "collective": collective,
                    "supervised": collective and wage,
                    "simple_procedure": False,
                    "final_award": False,
                    "complaint_type": "complaint" if kind == "inspection" else None,
                    "channel": "window",
                    "amount_claimed": amount * 100,  # fen
                    "amount_recovered": recovered * 100,
                    "workers": workers,
                    "assigned_user_id": rng.randint(1, n_users),
                    "created_at": stamp,
                    "updated_at": stamp,
                    "version": 1,
                }
            )
            party_id += 1
            parties.append(
                {"id": party_id, "case_id": cid, "role": "respondent", "employer_id": emp, "person_id": None}
            )
            region = REGION[district] if not migrant else rng.choice(("450102", "431121", "511623", "522127"))
            for _w in range(min(workers, 3)):  # collective cases: the representatives, not all 40
                person_id += 1
                name = (
                    rng.choice(SURNAMES)
                    + rng.choice(GIVEN)
                    + ("" if rng.random() < 0.3 else rng.choice(GIVEN))
                )
                persons.append(
                    {
                        "id": person_id,
                        "name": name,
                        "id_number": _iso_id(rng, region, person_id) if rng.random() < 0.97 else None,
                        "migrant_worker": migrant,
                        "created_at": stamp,
                        "updated_at": stamp,
                        "version": 1,
                    }
                )
                grams += search.gram_rows(search.PERSON, person_id, name)
                party_id += 1
                role = "complainant" if kind == "inspection" else "applicant"
                parties.append(
                    {
                        "id": party_id,
                        "case_id": cid,
                        "role": role,
                        "person_id": person_id,
                        "employer_id": None,
                    }
                )
                claim_id += 1
                claims.append(
                    {
                        "id": claim_id,
                        "case_id": cid,
                        "person_id": person_id,
                        "claim_type": "wages" if wage else "severance",
                        "amount_claimed": amount * 100 // min(workers, 3),
                        "amount_paid": 0,
                    }
                )
            # Timeline: created, accepted, (a hearing or payment), closed.
            ev = [("created", None, "received", received)]
            if accepted:
                ev.append(("transition", "accept", "accepted", accepted))
            if closed and accepted and rng.random() < 0.5:
                ev.append(("note", None, None, accepted + (closed - accepted) / 2))
            if closed:
                ev.append(("transition", "close", status, closed))
            elif status != "received":
                ev.append(("transition", "step", status, accepted))
            for kind_ev, action, to_status, on in ev:
                event_id += 1
                events.append(
                    {
                        "id": event_id,
                        "case_id": cid,
                        "kind": kind_ev,
                        "action": action,
                        "occurred_on": on,
                        "recorded_at": stamp,
                        "to_status": to_status,
                    }
                )
            # Clocks: the acceptance clock, then the main one; finished unless the case is open.
            first_due = received + dt.timedelta(days=7)
            deadline_id += 1
            first_running = open_case and status == "received"
            deadlines.append(
                {
                    "id": deadline_id,
                    "case_id": cid,
                    "rule_code": FIRST_RULE[kind],
                    "started_on": received,
                    "base_due_on": first_due,
                    "due_on": first_due,
                    "state": "running" if first_running else "met",
                    "paused_on": None,
                    "finished_on": None if first_running else accepted or closed,
                    "paused_days": 0,
                    "extended_days": 0,
                    "provisional": False,
                }
            )
            if accepted:
                main_rule = rule if open_case else MAIN_RULE[kind]
                due = accepted + dt.timedelta(days=(length if open_case else 45) * 7 // 5)
                late = closed is not None and closed > due
                deadline_id += 1
                deadlines.append(
                    {
                        "id": deadline_id,
                        "case_id": cid,
                        "rule_code": main_rule,
                        "started_on": accepted,
                        "base_due_on": due,
                        "due_on": due,
                        "state": ("paused" if status == "suspended" else "running")
                        if open_case
                        else ("breached" if late else "met"),
                        "paused_on": accepted if status == "suspended" else None,
                        "finished_on": closed,
                        "paused_days": 0,
                        "extended_days": 0,
                        "provisional": False,
                    }
                )
            if len(case_rows) >= 20_000:
                flush()
            if cid % 200_000 == 0:
                log(f"  cases {cid:,} ({time.perf_counter() - t0:.0f} s)")
        flush()
        log(f"  rows written ({time.perf_counter() - t0:.0f} s); indexing")
        for ddl in index_ddl:
            conn.exec_driver_sql(ddl)
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    # Leave the file as the app would: WAL mode.
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    tmp.rename(path)
    log(f"  built {path.name}: {n_cases:,} cases in {time.perf_counter() - t0:.0f} s")
    return path


def cached(size: str, log: Any = print) -> Path:
    """The cached database for ``size`` ("10k" or "1m"), built on first use."""
    path = CACHE / f"bench-{size}.db"
    if not path.exists():
        log(f"building {path} (once; cached afterwards)")
        build(path, SIZES[size], log=log)
        return path
    # A newer schema (an index added, a column backfilled) is applied by its migration,
    # as at a bureau, instead of rebuilding the data (five minutes at 1M).
    engine = db.make_engine(f"sqlite:///{path}")
    try:
        current = db.current_revision(engine)
    finally:
        engine.dispose()
    if current != db.head_revision():
        log(f"upgrading {path} from {current} to {db.head_revision()}")
        db.upgrade(f"sqlite:///{path}")
    return path


def cached_employers(size: str, employers: int, log: Any = print) -> Path:
    """A cache with ``employers`` employers instead of the size's usual ``n // 20`` (the risk
    warning list is measured at 1M cases and 200k employers, issue 17). Keyed by both numbers
    (``bench-1m-e200000.db``), so the other caches are never touched; built once, then
    upgraded by migration like :func:`cached`."""
    path = CACHE / f"bench-{size}-e{employers}.db"
    if not path.exists():
        log(f"building {path} (once; cached afterwards)")
        build(path, SIZES[size], log=log, employers=employers)
        return path
    engine = db.make_engine(f"sqlite:///{path}")
    try:
        current = db.current_revision(engine)
    finally:
        engine.dispose()
    if current != db.head_revision():
        log(f"upgrading {path} from {current} to {db.head_revision()}")
        db.upgrade(f"sqlite:///{path}")
    return path


if __name__ == "__main__":
    for s in sys.argv[1:] or ["10k"]:
        print(cached(s))
