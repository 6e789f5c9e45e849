"""Benchmark (and sample) for the monthly report: synthetic cases, metrics vs one SQL query.

    .venv/bin/python bench/bench_report.py --cases 1000000 --db /tmp/bench.db
    .venv/bin/python bench/bench_report.py --cases 3000 --db /tmp/sample.db --pdf /tmp/sample.pdf

Rows are inserted with plain SQL (not the services): this measures the report, not the
registration path. The hand-written query (:data:`BASELINE`) is the baseline the issue
asks us to be within 2× of: the same figures as ``ind.tally(month, year to date)``, as one
query a careful person would write, checked figure by figure against the report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from casemgr import db
from casemgr.enums import DISTRICTS_SHANWEI
from casemgr.metrics import indicators as ind
from casemgr.metrics import report as mr
from casemgr.metrics.periods import Period
from casemgr.models import fen_to_yuan
from casemgr.reports import monthly

PREFIX = {"mediation": "汕劳人调字", "arbitration": "汕劳人仲案字", "inspection": "汕人社监字"}
SURNAMES = "陈林黄李张吴刘蔡郑杨王许彭曾叶"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "建华",
    "志强",
]
TRADES = ["建筑工程", "电子科技", "服装", "餐饮管理", "物流", "水产", "五金制品", "房地产开发"]


def _id(rng: random.Random) -> str:
    from casemgr import validation

    born = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(0, 12000))
    first17 = f"4415{rng.choice(['02', '21', '23', '81'])}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + validation.resident_id_check_char(first17)


def generate(database: db.Database, n: int, today: dt.date, seed: int = 4) -> None:
    rng = random.Random(seed)
    years = max(1, n // 150_000)  # ~150k cases a year at the 1M scale, 2 years for small runs
    start = dt.date(today.year - years, 1, 1)
    span = (today - start).days
    seq: dict[tuple[str, int], int] = {}
    cases, deadlines, persons, employers, links = [], [], [], [], []
    person_ids: set[str] = set()
    # Ids follow the receipt date, as registration assigns them (locality on disk as in real use).
    received_days = sorted(rng.randrange(span + 1) for _ in range(n))
    for i in range(1, n + 1):
        kind = rng.choices(["mediation", "arbitration", "inspection"], [35, 40, 25])[0]
        received = start + dt.timedelta(days=received_days[i - 1])
        key = (kind, received.year)
        seq[key] = seq.get(key, 0) + 1
        number = f"{PREFIX[kind]}〔{received.year}〕第{seq[key]:05d}号"
        district = rng.choices(DISTRICTS_SHANWEI, [30, 22, 25, 8, 5, 4, 6])[0]
        green = rng.random() < 0.3
        workers = rng.randrange(10, 60) if rng.random() < 0.05 else rng.choice([1, 1, 1, 2, 3])
        claimed = rng.randrange(3000, 60000) * 100 * max(1, workers // 2)
        accepted: dt.date | None = received + dt.timedelta(days=rng.randrange(0, 5))
        closed: dt.date | None
        outcome: str | None
        refused = rng.random() < 0.04
        if refused:
            outcome, closed, accepted = "refused", received + dt.timedelta(days=3), None
        else:
            assert accepted is not None
            dur = {"mediation": (3, 20), "arbitration": (15, 75), "inspection": (10, 90)}[kind]
            d = rng.randrange(*dur)
            if green:
                d = max(1, int(d * 0.6))
            closed = accepted + dt.timedelta(days=d)
            if closed > today:
                closed, outcome = None, None
            else:
                outcome = {
                    "mediation": rng.choices(
                        ["agreement", "settlement", "failed", "expired"], [60, 10, 25, 5]
                    ),
                    "arbitration": rng.choices(
                        ["arb_mediation", "award", "withdrawn", "terminated"], [38, 45, 12, 5]
                    ),
                    "inspection": rng.choices(
                        ["handling_decision", "penalty", "cancelled", "transferred"], [70, 15, 10, 5]
                    ),
                }[kind][0]
        recovered = 0
        if outcome in ("agreement", "settlement", "arb_mediation", "award", "handling_decision", "penalty"):
            recovered = int(claimed * rng.uniform(0.5, 1.0))
        status = "closed" if closed else ("refused" if refused else "open")
        cases.append(
            dict(
                id=i,
                number=number,
                kind=kind,
                year=received.year,
                seq=seq[key],
                status=status,
                district=district,
                received_on=received,
                accepted_on=accepted,
                closed_on=closed,
                outcome=outcome,
                migrant_worker=green,
                wage_arrears=True,
                green_channel=green,
                collective=workers >= 10,
                supervised=workers >= 40,
                amount_claimed=claimed,
                amount_recovered=recovered,
                workers=workers,
            )
        )
        if accepted is not None:
            limit = {"mediation": 15, "arbitration": 45, "inspection": 60}[kind]
            code = {"mediation": "med.close", "arbitration": "arb.award", "inspection": "ins.close"}[kind]
            due = accepted + dt.timedelta(days=limit)
            state = (
                ("met" if closed <= due else "breached")
                if closed
                else ("breached" if due < today and rng.random() < 0.5 else "running")
            )
            deadlines.append(
                dict(
                    case_id=i,
                    rule_code=code,
                    started_on=accepted,
                    base_due_on=due,
                    due_on=due,
                    state=state,
                    finished_on=closed,
                )
            )
            if green:
                gdue = accepted + dt.timedelta(days=30)
                gstate = ("met" if closed <= gdue else "breached") if closed else "running"
                deadlines.append(
                    dict(
                        case_id=i,
                        rule_code=f"{kind[:3]}.green.award",
                        started_on=accepted,
                        base_due_on=gdue,
                        due_on=gdue,
                        state=gstate,
                        finished_on=closed,
                    )
                )
        employers.append(
            dict(id=i, name=f"汕尾市{rng.choice(['城区', '海丰', '陆丰'])}{rng.choice(TRADES)}有限公司{i}")
        )
        pid = _id(rng)
        while pid in person_ids:
            pid = _id(rng)
        person_ids.add(pid)
        persons.append(dict(id=i, name=rng.choice(SURNAMES) + rng.choice(GIVEN), id_number=pid))
        role = "complainant" if kind == "inspection" else "applicant"
        if kind == "inspection" and rng.random() < 0.2:
            role = "reporter"
        links.append(dict(case_id=i, role=role, person_id=i, employer_id=None))
        links.append(dict(case_id=i, role="respondent", person_id=None, employer_id=i))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with database.write() as s:
        s.execute(
            text(
                "INSERT INTO employers (id, name, created_at, updated_at, version, key_monitoring) VALUES (:id, :name, :now, :now, 1, 0)"
            ),
            [dict(e, now=now) for e in employers],
        )
        s.execute(
            text(
                "INSERT INTO persons (id, name, id_number, migrant_worker, created_at, updated_at, version) VALUES (:id, :name, :id_number, 1, :now, :now, 1)"
            ),
            [dict(p, now=now) for p in persons],
        )
        s.execute(
            text(
                "INSERT INTO cases (id, number, kind, year, seq, status, district, employer_id, received_on, accepted_on, closed_on, outcome,"
                " migrant_worker, wage_arrears, green_channel, collective, supervised, simple_procedure, final_award, channel,"
                " amount_claimed, amount_recovered, workers, created_at, updated_at, version)"
                " VALUES (:id, :number, :kind, :year, :seq, :status, :district, :id, :received_on, :accepted_on, :closed_on, :outcome,"
                " :migrant_worker, :wage_arrears, :green_channel, :collective, :supervised, 0, 0, 'import',"
                " :amount_claimed, :amount_recovered, :workers, :now, :now, 1)"
            ),
            [dict(c, now=now) for c in cases],
        )
        s.execute(
            text(
                "INSERT INTO case_parties (case_id, role, person_id, employer_id) VALUES (:case_id, :role, :person_id, :employer_id)"
            ),
            links,
        )
        s.execute(
            text(
                "INSERT INTO deadlines (case_id, rule_code, started_on, base_due_on, due_on, state, paused_days, extended_days, finished_on)"
                " VALUES (:case_id, :rule_code, :started_on, :base_due_on, :due_on, :state, 0, 0, :finished_on)"
            ),
            deadlines,
        )
    with database.engine.connect() as c:
        c.exec_driver_sql("ANALYZE")


#: The baseline of issue 8 #4: the figures ``ind.tally(s, [month, year_to_date])`` returns
#: (per kind: pending, accepted, closed, succeeded, green closed / on time, collective,
#: supervised, workers involved / helped, claimed, recovered; month then YTD), written by
#: hand as one query the way a careful person would: conditional sums (``CASE WHEN``, so
#: the deadline look-up runs only for green cases closed in the period), only the rows
#: that can matter (open, or accepted or closed this year: SQLite reads three index
#: ranges), and ``GROUP BY +kind`` so SQLite groups those rows instead of walking the
#: whole table in the order of a ``(kind, ...)`` index (2× slower). Parameters :ms, :me
#: (the month) and :ys (1 January). ``main`` checks every figure against the report.
BASELINE = """
SELECT kind,
 SUM(CASE WHEN accepted_on < :ms AND (closed_on IS NULL OR closed_on >= :ms) THEN 1 ELSE 0 END),
 SUM(CASE WHEN accepted_on BETWEEN :ms AND :me THEN 1 ELSE 0 END),
 SUM(CASE WHEN accepted_on IS NOT NULL AND closed_on BETWEEN :ms AND :me THEN 1 ELSE 0 END),
 SUM(CASE WHEN accepted_on IS NOT NULL AND closed_on BETWEEN :ms AND :me AND outcome IN ('agreement','settlement','withdrawn_settled','arb_mediation') THEN 1 ELSE 0 END),
 SUM(CASE WHEN green_channel AND accepted_on IS NOT NULL AND closed_on BETWEEN :ms AND :me THEN 1 ELSE 0 END),
 SUM(CASE WHEN green_channel AND accepted_on IS NOT NULL AND closed_on BETWEEN :ms AND :me AND NOT EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = cases.id AND (d.state = 'breached' OR (d.state <> 'cancelled' AND (d.rule_code LIKE '%.green.%' OR d.rule_code IN (SELECT code FROM deadline_rules WHERE green_channel)) AND coalesce(d.finished_on, cases.closed_on) > d.due_on))) THEN 1 ELSE 0 END),
 SUM(CASE WHEN collective AND accepted_on BETWEEN :ms AND :me THEN 1 ELSE 0 END),
 SUM(CASE WHEN supervised AND accepted_on BETWEEN :ms AND :me THEN 1 ELSE 0 END),
 SUM(CASE WHEN accepted_on BETWEEN :ms AND :me THEN workers ELSE 0 END),
 SUM(CASE WHEN accepted_on IS NOT NULL AND closed_on BETWEEN :ms AND :me AND amount_recovered > 0 THEN workers ELSE 0 END),
 SUM(CASE WHEN accepted_on BETWEEN :ms AND :me THEN amount_claimed ELSE 0 END),
 SUM(CASE WHEN accepted_on IS NOT NULL AND closed_on BETWEEN :ms AND :me THEN amount_recovered ELSE 0 END),
 SUM(CASE WHEN accepted_on < :ys AND (closed_on IS NULL OR closed_on >= :ys) THEN 1 ELSE 0 END),
 SUM(CASE WHEN accepted_on BETWEEN :ys AND :me THEN 1 ELSE 0 END),
 SUM(CASE WHEN accepted_on IS NOT NULL AND closed_on BETWEEN :ys AND :me THEN 1 ELSE 0 END),
 SUM(CASE WHEN accepted_on IS NOT NULL AND closed_on BETWEEN :ys AND :me AND outcome IN ('agreement','settlement','withdrawn_settled','arb_mediation') THEN 1 ELSE 0 END),
 SUM(CASE WHEN green_channel AND accepted_on IS NOT NULL AND closed_on BETWEEN :ys AND :me THEN 1 ELSE 0 END),
 SUM(CASE WHEN green_channel AND accepted_on IS NOT NULL AND closed_on BETWEEN :ys AND :me AND NOT EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = cases.id AND (d.state = 'breached' OR (d.state <> 'cancelled' AND (d.rule_code LIKE '%.green.%' OR d.rule_code IN (SELECT code FROM deadline_rules WHERE green_channel)) AND coalesce(d.finished_on, cases.closed_on) > d.due_on))) THEN 1 ELSE 0 END),
 SUM(CASE WHEN collective AND accepted_on BETWEEN :ys AND :me THEN 1 ELSE 0 END),
 SUM(CASE WHEN supervised AND accepted_on BETWEEN :ys AND :me THEN 1 ELSE 0 END),
 SUM(CASE WHEN accepted_on BETWEEN :ys AND :me THEN workers ELSE 0 END),
 SUM(CASE WHEN accepted_on IS NOT NULL AND closed_on BETWEEN :ys AND :me AND amount_recovered > 0 THEN workers ELSE 0 END),
 SUM(CASE WHEN accepted_on BETWEEN :ys AND :me THEN amount_claimed ELSE 0 END),
 SUM(CASE WHEN accepted_on IS NOT NULL AND closed_on BETWEEN :ys AND :me THEN amount_recovered ELSE 0 END)
FROM cases WHERE (closed_on IS NULL OR closed_on >= :ys OR accepted_on >= :ys)
  AND (outcome IS NULL OR outcome <> 'refused')
GROUP BY +kind
"""


def check_baseline(rows: Any, tallies: list[dict[Any, ind.Tally]], data: mr.ReportData) -> None:
    """The hand-written figures equal the tally's, figure by figure, and the report's."""
    by_kind = {r[0]: tuple(int(v or 0) for v in r[1:]) for r in rows}
    for kind in ind.KINDS:
        want = by_kind.get(kind, (0,) * 24)
        got = tuple(getattr(ind.total(t, (kind,)), f.name) for t in tallies for f in fields(ind.Tally))
        assert got == want, (kind, got, want)
    f, y = data.figures, data.year_to_date
    med = [by_kind.get(k, (0,) * 24) for k in ("mediation", "arbitration")]
    assert (f.mediation.denominator, f.mediation.numerator) == (
        sum(r[2] for r in med),
        sum(r[3] for r in med),
    )
    assert (y.mediation.denominator, y.mediation.numerator) == (
        sum(r[14] for r in med),
        sum(r[15] for r in med),
    )
    arb = by_kind.get("arbitration", (0,) * 24)
    assert (f.arbitration_pending, f.arbitration_accepted, f.arbitration.numerator) == arb[0:3]
    assert (y.arbitration_pending, y.arbitration_accepted, y.arbitration.numerator) == arb[12:15]
    ins = by_kind.get("inspection", (0,) * 24)
    assert (f.inspection_pending, f.inspection_filed, f.inspection.numerator) == ins[0:3]
    assert (y.inspection_pending, y.inspection_filed, y.inspection.numerator) == ins[12:15]
    assert (f.green.denominator, f.green.numerator) == tuple(
        sum(r[i] for r in by_kind.values()) for i in (4, 5)
    )
    assert fen_to_yuan(sum(r[23] for r in by_kind.values())) == y.recovered


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=3000)
    ap.add_argument("--db", default="/tmp/casemgr-bench.db")
    ap.add_argument("--month", default="2026-10")
    ap.add_argument("--today", default="2026-11-05")
    ap.add_argument("--pdf")
    ap.add_argument("--lang", default="zh")
    ap.add_argument("--reuse", action="store_true", help="keep an existing database")
    args = ap.parse_args()
    today = dt.date.fromisoformat(args.today)
    path = Path(args.db)
    if not args.reuse and path.exists():
        path.unlink()
    database = db.open_database(f"sqlite:///{path}")
    if not args.reuse:
        t0 = time.perf_counter()
        generate(database, args.cases, today)
        print(f"generated {args.cases} cases in {time.perf_counter() - t0:.1f}s")
    year, month = (int(x) for x in args.month.split("-"))
    m, ytd = Period.month(year, month), Period.year_to_date(year, month)
    params = {"ms": m.start, "me": m.end, "ys": ytd.start}
    with database.read() as s:
        for _ in range(2):  # second run: warm page cache, as on a working PC
            t0 = time.perf_counter()
            data = mr.collect(s, year, month, today=today)
            t_collect = time.perf_counter() - t0
        for _ in range(2):
            t0 = time.perf_counter()
            rows = s.execute(text(BASELINE), params).all()
            t_base = time.perf_counter() - t0
        for _ in range(2):
            t0 = time.perf_counter()
            tallies = ind.tally(s, [m, ytd])
            t_tally = time.perf_counter() - t0
    check_baseline(rows, tallies, data)
    print(
        f"month+YTD tally (one query): {t_tally * 1000:.0f} ms; hand-written single query: {t_base * 1000:.0f} ms"
    )
    print(f"whole report data (tally, trend, overdue, lists): {t_collect * 1000:.0f} ms")
    if args.pdf:
        t0 = time.perf_counter()
        monthly.build_pdf(data, args.pdf, lang=args.lang)
        print(f"PDF written to {args.pdf} in {(time.perf_counter() - t0) * 1000:.0f} ms")
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
