"""The arrears risk warning list (issue 17) at a city's scale: 1M cases and 200k employers.

``python bench/bench_risk.py [--size 1m|10k]`` prints the figures; ``bench/run.py`` calls
:func:`measure` and puts them in its table.

What is timed is what the supervisor waits for when the 欠薪预防 page opens its 风险预警 tab
on one district: the list model's two calls, the footer count and the first page
(``RiskQuery.count`` + ``RiskQuery.page(0, PAGE_SIZE)``), as a supervisor with no district of
their own (the widest view). Also: the same for the whole city, one level (red) in the
district, the re-score a write triggers for one employer (the commit hook's work), and the
full re-score of every employer (the nightly job).

The usual 1M cache has 50k employers (n // 20). This one is its own cache, keyed by both
numbers (``bench-1m-e200000.db``, built once by ``generate.cached_employers``); the levels
are computed once into a second keyed cache (``…-risk.db``, a copy, 1% of employers under
key monitoring and 0.3% blacklisted, then the full refresh). Neither the usual caches nor
these are written by a measurement: every run works on a copy (``bench/.cache/work``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402
from sqlalchemy import func, select, text, update  # noqa: E402

from casemgr import db  # noqa: E402
from casemgr.actor import Actor  # noqa: E402
from casemgr.enums import Role  # noqa: E402
from casemgr.models import Employer, EmployerRisk  # noqa: E402
from casemgr.queries.risk import RiskQuery  # noqa: E402
from casemgr.services import risk  # noqa: E402

TODAY = generate.TODAY
DISTRICT = "海丰县"
PAGE = 200  # ui.models.PagedTableModel.PAGE_SIZE
EMPLOYERS = {"1m": 200_000, "10k": None}


def _median_ms(fn: Any, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _flag_and_score(path: Path, log: Any) -> float:
    """Watch flags on a few employers, then every employer scored; returns the refresh's ms."""
    database = db.open_database(f"sqlite:///{path}")
    try:
        with database.write() as s:
            n = s.execute(select(func.max(Employer.id))).scalar_one()
            rng = random.Random(17)
            monitored = rng.sample(range(1, n + 1), max(1, n // 100))
            listed = rng.sample(range(1, n + 1), max(1, n * 3 // 1000))
            for chunk in range(0, len(monitored), 5000):
                s.execute(
                    update(Employer)
                    .where(Employer.id.in_(monitored[chunk : chunk + 5000]))
                    .values(key_monitoring=True, key_monitoring_since=TODAY - dt.timedelta(days=200))
                )
            for chunk in range(0, len(listed), 5000):
                s.execute(
                    update(Employer)
                    .where(Employer.id.in_(listed[chunk : chunk + 5000]))
                    .values(
                        blacklisted_on=TODAY - dt.timedelta(days=100),
                        blacklisted_until=TODAY + dt.timedelta(days=995),
                    )
                )
        t0 = time.perf_counter()
        with database.write() as s:
            res = risk.refresh(s, None, today=TODAY)
        ms = (time.perf_counter() - t0) * 1000
        log(f"  scored {res.scored:,} employers, levels {res.by_level}, in {ms / 1000:.1f} s")
        with database.write() as s:
            s.execute(text("ANALYZE"))
        return ms
    finally:
        database.dispose()


def scored_cache(size: str, log: Any = print) -> tuple[Path, float | None]:
    """The keyed cache with every employer scored (built once); the refresh's ms if built now."""
    n_emp = EMPLOYERS[size]
    base = generate.cached_employers(size, n_emp, log=log) if n_emp else generate.cached(size, log=log)
    path = base.with_name(base.stem + "-risk.db")
    if path.exists():
        engine = db.make_engine(f"sqlite:///{path}")
        try:
            current = db.current_revision(engine)
        finally:
            engine.dispose()
        if current == db.head_revision():
            return path, None
        path.unlink()  # a newer schema: scored again from the (upgraded) base
    log(f"scoring a copy of {base.name} into {path.name} (once; cached afterwards)")
    tmp = path.with_suffix(".building")
    shutil.copyfile(base, tmp)
    ms = _flag_and_score(tmp, log)
    tmp.rename(path)
    return path, ms


def measure(size: str, runs: int = 7, log: Any = print) -> dict[str, Any]:
    path, built_ms = scored_cache(size, log)
    work = generate.CACHE / "work" / path.name
    work.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, work)
    out: dict[str, Any] = {"risk_full_refresh": built_ms}
    database = db.open_database(f"sqlite:///{work}")
    try:
        sup = Actor(user_id=1, username="bench-supervisor", role=Role.SUPERVISOR, district=None)
        with database.read() as s:
            out["risk_employers"] = s.execute(select(func.count()).select_from(Employer)).scalar_one()
            out["risk_rows"] = s.execute(select(func.count()).select_from(EmployerRisk)).scalar_one()

            def opened(q: RiskQuery) -> tuple[int, int]:
                return q.count(s), len(q.page(s, 0, PAGE))

            for key, q in (
                ("risk_list_district", RiskQuery(sup, district=DISTRICT)),
                ("risk_list_city", RiskQuery(sup)),
                ("risk_list_district_red", RiskQuery(sup, district=DISTRICT, level="red")),
            ):
                out[key] = _median_ms(lambda q=q: opened(q), runs)
                out[key + "_n"] = q.count(s)
            top = RiskQuery(sup).page(s, 0, 1)
        if top:  # the commit hook's work for one employer (the busiest), rolled back each time

            def one() -> None:
                with database.read() as s:
                    risk.refresh(s, None, employer_ids=[top[0].employer_id], today=TODAY, record_run=False)

            out["risk_refresh_one"] = _median_ms(one, runs)
    finally:
        database.dispose()
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(work) + suffix).unlink()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench_risk")
    ap.add_argument("--size", choices=["10k", "1m"], default="1m")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    r = measure(args.size, args.runs, log=lambda m: print(m, file=sys.stderr))
    print(f"employers {r['risk_employers']:,}, scored rows {r['risk_rows']:,}")
    for key, label in (
        ("risk_list_district", f"warning list, {DISTRICT}, supervisor: count + first page"),
        ("risk_list_city", "warning list, whole city: count + first page"),
        ("risk_list_district_red", f"warning list, {DISTRICT}, red only: count + first page"),
        ("risk_refresh_one", "re-score one employer (a write's commit hook)"),
        ("risk_full_refresh", "re-score every employer (nightly; when the cache was built)"),
    ):
        v = r.get(key)
        n = r.get(key + "_n")
        print(f"{label}: {'—' if v is None else f'{v:,.1f} ms'}" + ("" if n is None else f" ({n:,} rows)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
