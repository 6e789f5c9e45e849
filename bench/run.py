"""``./benchmark [--size 10k|1m] [--postgres URL]``: what each user waits for, at a city's scale.

Every row is a call the application makes, timed the way the person meets it (issue 20):

* the dashboard's board (``queries.deadline_board``, as ``DashboardPage`` calls it) for a
  whole-city supervisor, a district's supervisor and a clerk's own cases;
* the application started as each of those three people, from the process start to
  their board on screen, the day's automatic backup running beside it (each start is
  the day's first); their peak memory; how long the process takes to end when they quit
  at once;
* the first page of every list under every sortable column, both directions, all three
  kinds (the worst is shown), the lists' footer counts and the "Overdue" filter;
* the list search box with broad terms (an employer fragment, "有限公司") and narrow ones
  (a name, a case-number fragment, an ID number): the first page and the footer count;
* a bulk reassign of 1,000 cases through the UI's op runner with the board and a list
  open (a child process, ``bench_bulk.py``);
* a colleague's saves (another process, ``bench_colleague.py``) while all arbitration
  cases are exported: how long each save waits;
* the daily backup: its length, what the month's copy adds, and (from the starts) how
  long quitting waits for it;
* the monthly indicators against one hand-written SQL, the PDF report, the ledger import.

Each figure is the median of several runs after a warm-up. Goals are the issue's; a missed
one prints MISSED. The cached databases are never written: everything runs on a work copy
(``bench/.cache/work/``), and the run ends by checking the caches' SHA-256 is what it was.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import inspect
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402
from sqlalchemy import func, select, text  # noqa: E402

from casemgr import db  # noqa: E402
from casemgr.models import Case, Person  # noqa: E402

TODAY = generate.TODAY
MONTH = (2026, 10)
KINDS = ("mediation", "arbitration", "inspection")
DISTRICT = "海丰县"
PAGE = 200  # the case list's page (ui.models.PagedTableModel.PAGE_SIZE)
BULK_N = 1000
WORK = generate.CACHE / "work"

Figures = dict[str, Any]


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def child_env(**extra: str) -> dict[str, str]:
    """The children's environment: the benchmark's day, no developer settings or logs."""
    env = dict(os.environ)
    env["CASEMGR_TODAY"] = TODAY.isoformat()
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "bench")])
    # An installed program starts from compiled bytecode; this machine's environment may
    # forbid writing it (PYTHONDONTWRITEBYTECODE), which made every start compile the
    # application's ~750 modules again (0.3-0.5 s). The warm-up start writes it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


# --------------------------------------------------------------------------- the cache, untouched


def fingerprint(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 22):
            h.update(chunk)
    return h.hexdigest()


def work_copy(path: Path) -> Path:
    """A copy of a cached database to measure on (the app writes at every start)."""
    WORK.mkdir(parents=True, exist_ok=True)
    dest = WORK / path.name
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(dest) + suffix).unlink()
    if Path(str(path) + "-wal").exists():  # committed pages still in the WAL: the backup API
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        dst = sqlite3.connect(str(dest))
        src.backup(dst)
        dst.close()
        src.close()
    else:
        shutil.copyfile(path, dest)
    return dest


# --------------------------------------------------------------------------- who is measured


@dataclass(frozen=True)
class People:
    supervisor: int  # a supervisor, given no district: the whole city
    district_supervisor: int
    clerk: int  # the clerk with the most open cases
    clerk_district: str | None
    assignee: int  # an arbitration clerk the bulk run hands cases to
    colleague_cases: tuple[int, ...]  # open cases a colleague reassigns during the export


def people(s: Any) -> People:
    def users(role: str) -> list[Any]:
        return list(
            s.execute(text("SELECT id, district FROM users WHERE role = :r ORDER BY id"), {"r": role})
        )

    sups, clerks = users("supervisor"), users("clerk")
    busiest = s.execute(
        text(
            "SELECT assigned_user_id, count(*) FROM cases WHERE closed_on IS NULL AND assigned_user_id IN "
            "(SELECT id FROM users WHERE role = 'clerk') GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1"
        )
    ).first()
    clerk = int(busiest[0]) if busiest else int(clerks[0][0])
    district_sup = next((int(u[0]) for u in sups if u[1] == DISTRICT), int(sups[0][0]))
    cases = s.execute(
        text("SELECT id FROM cases WHERE kind = 'arbitration' AND closed_on IS NULL ORDER BY id DESC LIMIT 5")
    ).scalars()
    return People(
        supervisor=int(sups[0][0]),
        district_supervisor=district_sup,
        clerk=clerk,
        clerk_district=next((u[1] for u in clerks if int(u[0]) == clerk), None),
        assignee=next(int(u[0]) for u in clerks if int(u[0]) != clerk),
        colleague_cases=tuple(int(c) for c in cases),
    )


# --------------------------------------------------------------------------- reads


def search_terms(s: Any) -> list[tuple[str, str]]:
    """Terms from the data, so they exist at both sizes (people of arbitration cases: the
    list searched is the arbitration list)."""
    from casemgr.models import CaseParty

    in_arbitration = (
        select(CaseParty.person_id)
        .join(Case, Case.id == CaseParty.case_id)
        .where(Case.kind == "arbitration", CaseParty.person_id.is_not(None))
    )

    def person(*where: Any) -> Any:
        return select(Person).where(
            Person.id.in_(in_arbitration.order_by(CaseParty.id.desc()).limit(500)), *where
        )

    two = s.execute(person(func.length(Person.name) == 2).limit(1)).scalar_one().name
    three = s.execute(person(func.length(Person.name) == 3).limit(1)).scalar_one().name
    id_number = s.execute(person(Person.id_number.is_not(None)).limit(1)).scalar_one().id_number
    number = s.execute(
        select(Case.number).where(Case.kind == "arbitration").order_by(Case.id.desc()).limit(1)
    ).scalar_one()
    return [
        ("建筑", "broad: employer fragment 建筑"),
        ("有限公司", "broad: 有限公司"),
        (two, "2-character name"),
        (three, "3-character name"),
        (number.split("〔")[1][:-1], "case-number fragment"),
        (id_number, "ID number"),
    ]


def global_terms(s: Any) -> list[tuple[str, str]]:
    """What a supervisor types into the main window's search box (issue 15): the last four
    digits of an ID number (all a masked screen shows), a phone, a name, a broad fragment."""
    from casemgr.models import CaseParty

    recent = select(CaseParty.person_id).where(CaseParty.person_id.is_not(None)).order_by(CaseParty.id.desc())
    p = s.execute(
        select(Person).where(Person.id.in_(recent.limit(500)), Person.id_number.is_not(None)).limit(1)
    ).scalar_one()
    phone = s.execute(
        select(Person.phone).where(Person.id.in_(recent.limit(500)), Person.phone.is_not(None)).limit(1)
    ).scalar()
    two = s.execute(select(Person.name).where(Person.id.in_(recent.limit(500)), func.length(Person.name) == 2)
                    .limit(1)).scalar_one()  # fmt: skip
    terms = [
        (p.id_number[-4:], "last 4 ID digits"),
        (two, "2-character name"),
        ("有限公司", "broad: 有限公司"),
    ]
    if phone:
        terms.insert(1, (phone, "phone number"))
    return terms


def measure_reads(database: db.Database, who: People, runs: int) -> Figures:
    from casemgr import queries
    from casemgr.queries import CaseFilters, CaseQuery

    out: Figures = {}
    with database.read() as s:
        # The dashboard: DashboardPage.refresh → queries.deadline_board with its arguments
        # (since issue 20: every badge, and the rows of the tab on screen only).
        dash = dashboard_args()
        boards = {
            "board_city": {},
            "board_district": {"district": DISTRICT},
            "board_clerk": {"user_id": who.clerk, "district": who.clerk_district},
        }
        for key, kw in boards.items():
            out[key] = median_ms(lambda kw=kw: queries.deadline_board(s, today=TODAY, **kw, **dash), runs)
        if dash:  # opening another tab: that section's rows (and the badges again)
            worst, where = 0.0, ""
            for name in queries.BOARD_SECTIONS[1:]:
                kw = {**dash, "sections": (name,)}
                t = median_ms(lambda kw=kw: queries.deadline_board(s, today=TODAY, **kw), runs)
                if t > worst:
                    worst, where = t, name
            out["board_tab"], out["board_tab_where"] = worst, where
        b = queries.deadline_board(s, today=TODAY)
        out["board_city_counts"] = dict(b.counts)

        # Every sortable column of the case lists (ui.models.CASE_COLUMNS), both directions.
        from ui.models import CASE_COLUMNS

        for key in [c.sort_key for c in CASE_COLUMNS if c.sort_key]:
            worst, where = 0.0, ""
            for kind in KINDS:
                for desc in (True, False):
                    q = CaseQuery(kind=kind, sort=key, descending=desc, today=TODAY)
                    t = median_ms(lambda q=q: q.page(s, 0, PAGE), runs)
                    if t > worst:
                        worst, where = t, f"{kind} {'desc' if desc else 'asc'}"
            out[f"sort_{key}"] = worst
            out[f"sort_{key}_where"] = where
        out["count_list"] = max(
            median_ms(lambda k=k: CaseQuery(kind=k, today=TODAY).count(s), runs) for k in KINDS
        )
        overdue = [CaseQuery(kind=k, filters=CaseFilters(overdue=True), today=TODAY) for k in KINDS]
        out["count_overdue"] = max(median_ms(lambda q=q: q.count(s), runs) for q in overdue)
        out["page_overdue"] = max(median_ms(lambda q=q: q.page(s, 0, PAGE), runs) for q in overdue)

        # The list's search box (arbitration list): the first page, then the footer count.
        for i, (term, label) in enumerate(search_terms(s)):
            q = CaseQuery(kind="arbitration", search=term, today=TODAY)
            out[f"search{i}_label"] = label
            out[f"search{i}_page"] = median_ms(lambda q=q: q.page(s, 0, PAGE), runs)
            out[f"search{i}_count"] = median_ms(lambda q=q: q.count(s), runs)
            out[f"search{i}_hits"] = _count_text(q, s)

        # The main window's global search (issue 15) for a city supervisor, as
        # ui.globalsearch calls it: a new GlobalSearch per search, its first page, its count.
        if hasattr(queries, "GlobalSearch"):
            from casemgr.actor import Actor
            from casemgr.enums import Role
            from casemgr.models import User

            u = s.get(User, who.supervisor)
            sup = Actor(user_id=u.id, username=u.username, role=Role(u.role), district=u.district)
            for i, (term, label) in enumerate(global_terms(s)):
                out[f"global{i}_label"] = label
                out[f"global{i}_page"] = median_ms(
                    lambda t=term: queries.GlobalSearch(sup, t, TODAY).page(s, 0, PAGE), runs
                )
                out[f"global{i}_count"] = median_ms(
                    lambda t=term: queries.GlobalSearch(sup, t, TODAY).count(s), runs
                )
                g = queries.GlobalSearch(sup, term, TODAY)
                n = g.count(s)
                out[f"global{i}_hits"] = f"{queries.SEARCH_LIMIT}+" if g.count_is_capped(n) else str(n)

        try:
            from bench_report import BASELINE

            from casemgr.metrics import indicators as ind
            from casemgr.metrics.periods import Period

            m, ytd = Period.month(*MONTH), Period.year_to_date(*MONTH)
            out["indicators"] = median_ms(lambda: ind.tally(s, [m, ytd]), runs)
            baseline = BASELINE
            if not db.is_sqlite(database.url):  # "+kind" is SQLite's way to keep an index out of GROUP BY
                baseline = baseline.replace("GROUP BY +kind", "GROUP BY kind")
            params = {"ms": m.start, "me": m.end, "ys": ytd.start}
            out["indicators_sql"] = median_ms(lambda: s.execute(text(baseline), params).all(), runs)
        except ImportError:
            pass
        from casemgr.metrics import report as mr
        from casemgr.reports import monthly

        out["pdf"] = median_ms(
            lambda: monthly.pdf_bytes(mr.collect(s, *MONTH, today=TODAY)), max(1, runs // 2)
        )
    return out


def dashboard_args() -> dict[str, Any]:
    """How DashboardPage calls the board: the first tab's rows, badges stopping at 99+."""
    from ui.pages import DashboardPage

    if not hasattr(DashboardPage, "BADGE_LIMIT"):  # before issue 20: every section, exact counts
        return {}
    from casemgr import queries

    return {
        "sections": (queries.BOARD_SECTIONS[0],),
        "cap": DashboardPage.ROWS,
        "count_limit": DashboardPage.BADGE_LIMIT,
    }


def _count_text(q: Any, s: Any) -> str:
    """The footer's text for this search ("5000+" when the count is capped)."""
    n = q.count(s)
    capped = getattr(q, "count_is_capped", None)
    return f"{q.COUNT_CAP}+" if callable(capped) and capped(n) else str(n)


# --------------------------------------------------------------------------- the application


def measure_starts(url: str, who: People, runs: int) -> Figures:
    """Start → board for each role; the day's backup runs beside it; quit at once."""
    roles = {
        "start_city": (who.supervisor, "supervisor", None),
        "start_district": (who.district_supervisor, "supervisor", DISTRICT),
        "start_clerk": (who.clerk, "clerk", who.clerk_district),
    }
    out: Figures = {}
    quits: list[float] = []
    rss: list[float] = []
    for key, (uid, role, district) in roles.items():
        times = []
        for i in range(runs + 1):
            with tempfile.TemporaryDirectory(prefix="casemgr-bench-") as tmp:
                env = child_env(
                    CASEMGR_BACKUP_DIR=str(Path(tmp) / "backups"),  # empty: the day's first start
                    XDG_CONFIG_HOME=str(Path(tmp) / "config"),  # no remembered page or geometry
                    XDG_DATA_HOME=str(Path(tmp) / "data"),
                )
                cmd = [sys.executable, str(ROOT / "bench" / "bench_startup.py"), "--db", url,
                       "--user-id", str(uid), "--role", role, "--spawned-at", f"{time.time():.6f}"]  # fmt: skip
                if district:
                    cmd += ["--district", district]
                proc = subprocess.Popen(
                    cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
                )
                stdout, stderr = proc.communicate(timeout=900)
                ended = time.time()
            m = re.search(r"board ([\d.]+) quit ([\d.]+) hwm_mb (\d+)", stdout)
            if not m:
                print(f"start-up run failed ({key}):\n{stderr[-3000:]}", file=sys.stderr)
                break
            if i == 0:
                continue  # warm-up: the first start reads the file from disk
            times.append(float(m.group(1)) * 1000)
            quits.append((ended - float(m.group(2))) * 1000)
            rss.append(float(m.group(3)))
        out[key] = statistics.median(times) if times else None
    out["quit_wait"] = max(quits) if quits else None
    out["quit_wait_median"] = statistics.median(quits) if quits else None
    out["start_rss"] = max(rss) if rss else None
    return out


def measure_bulk(url: str, who: People, n: int) -> Figures:
    cmd = [sys.executable, str(ROOT / "bench" / "bench_bulk.py"), "--db", url,
           "--supervisor", str(who.supervisor), "--to", str(who.assignee), "--n", str(n)]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), timeout=7200, check=False)
    m = re.search(r"bulk ([\d.]+) ok (\d+) refused (\d+) reloads board (\d+) list (\d+)", proc.stdout)
    if not m:
        print(f"bulk run failed:\n{proc.stderr[-3000:]}", file=sys.stderr)
        return {}
    seconds = float(m.group(1))
    return {
        "bulk": seconds * 1000 * (BULK_N / n),  # scaled when a shorter run was asked for
        "bulk_n": n,
        "bulk_ok": int(m.group(2)),
        "bulk_reloads": f"board {m.group(4)}, list {m.group(5)}",
    }


class _Stop(Exception):
    pass


def measure_export(database: db.Database, url: str, who: People) -> Figures:
    """All arbitration cases exported; meanwhile a colleague (another process) saves 5 cases."""
    from casemgr.enums import CaseKind
    from casemgr.io.ledger_export import ExportFilter, export_cases

    actor = _actor(who.supervisor, "supervisor")
    started, finished = threading.Event(), threading.Event()
    state: dict[str, Any] = {"rows": 0}

    def progress(n: int) -> None:
        state["rows"] = n
        started.set()
        if finished.is_set():
            raise _Stop()  # the colleague is done: the rest of the export proves nothing more

    def job(path: Path) -> None:
        t0 = time.perf_counter()
        f = ExportFilter(kind=CaseKind.ARBITRATION)
        try:
            if next(iter(inspect.signature(export_cases).parameters)) == "database":
                export_cases(database, actor, path, f, progress=progress)
            else:  # before issue 20: the UI ran the export in a write transaction
                with database.write() as s:
                    export_cases(s, actor, path, f, progress=progress)
            state["complete"] = True
        except _Stop:
            state["complete"] = False
        except Exception as exc:
            state["error"] = repr(exc)
        state["export_s"] = time.perf_counter() - t0
        started.set()

    with tempfile.TemporaryDirectory(prefix="casemgr-export-") as tmp:
        t = threading.Thread(target=job, args=(Path(tmp) / "arbitration.csv",), daemon=True)
        t.start()
        started.wait(600)
        cmd = [sys.executable, str(ROOT / "bench" / "bench_colleague.py"), "--db", url,
               "--user", str(who.supervisor), "--to", str(who.assignee),
               *map(str, who.colleague_cases)]  # fmt: skip
        proc = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), timeout=600, check=False)
        finished.set()
        t.join(3600)
    saves = [(float(a), b) for a, b in re.findall(r"save ([\d.]+) (\S+)", proc.stdout)]
    if not saves:
        print(f"colleague failed:\n{proc.stderr[-3000:]}", file=sys.stderr)
        return {}
    return {
        "colleague_wait": max(w for w, _ in saves) * 1000,
        "colleague_failed": sum(1 for _, st in saves if st != "ok"),
        "colleague_saves": len(saves),
        "export_rows_at_saves": state.get("rows"),
        "export_error": state.get("error"),
    }


def _actor(user_id: int, role: str, district: str | None = None) -> Any:
    from casemgr.actor import Actor
    from casemgr.enums import Role

    return Actor(user_id=user_id, username=f"bench{user_id}", role=Role(role), district=district)


def measure_backup(database: db.Database) -> Figures:
    """The day's copy, and the first start of a month (the day's copy and the month's)."""
    from casemgr import backup

    out: Figures = {}
    with tempfile.TemporaryDirectory(prefix="casemgr-backup-", dir=WORK) as tmp:
        root = Path(tmp)
        (root / "monthly").mkdir()
        (root / "monthly" / f"casemgr-{TODAY:%Y-%m}.db").write_bytes(b"")  # the month's already made
        t0 = time.perf_counter()
        backup.daily_backup_if_due(database, backup_dir=root, today=TODAY)
        out["backup_daily"] = (time.perf_counter() - t0) * 1000
    with tempfile.TemporaryDirectory(prefix="casemgr-backup-", dir=WORK) as tmp:
        t0 = time.perf_counter()
        backup.daily_backup_if_due(database, backup_dir=Path(tmp), today=TODAY + dt.timedelta(days=1))
        out["backup_first_of_month"] = (time.perf_counter() - t0) * 1000
    return out


def import_rate() -> float | None:
    script = ROOT / "bench" / "bench_import.py"
    proc = subprocess.run(
        # The figure: 100,000 rows (≈ 20 s each), the median of three imports.
        [sys.executable, str(script), "100000", "--runs", "3"],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    m = re.search(r"median of \d+\): ([\d,]+) rows/s", proc.stdout)
    if not m:
        print(f"import benchmark failed:\n{proc.stdout[-1000:]}{proc.stderr[-2000:]}", file=sys.stderr)
        return None
    return float(m.group(1).replace(",", ""))


# --------------------------------------------------------------------------- one size


def measure(size: str, runs: int, postgres: str | None, quick: bool, bulk_n: int) -> Figures:
    cache = generate.cached(size, log=lambda m: print(m, file=sys.stderr))
    print(f"measuring {cache.name}{' on PostgreSQL' if postgres else ''} ...", file=sys.stderr)
    if postgres:
        import to_postgres

        url = to_postgres.load(cache, postgres, log=lambda m: print(m, file=sys.stderr))
        copy = None
    else:
        copy = work_copy(cache)
        url = f"sqlite:///{copy}"
    out: Figures = {}
    try:
        database = db.open_database(url)
        try:
            with database.read() as s:
                who = people(s)
            out.update(measure_reads(database, who, runs))
            print("  reads done", file=sys.stderr)
            if not postgres:  # issue 17: its own keyed cache (200k employers at 1M), see bench_risk
                import bench_risk

                out.update(bench_risk.measure(size, runs, log=lambda m: print(m, file=sys.stderr)))
                print("  risk list done", file=sys.stderr)
            out.update(measure_starts(url, who, max(1, runs // 3)))
            print("  starts done", file=sys.stderr)
            if not quick:
                out.update(measure_bulk(url, who, bulk_n))
                print("  bulk done", file=sys.stderr)
                out.update(measure_export(database, url, who))
                print("  export done", file=sys.stderr)
                if copy is not None:
                    out.update(measure_backup(database))
                    print("  backup done", file=sys.stderr)
        finally:
            database.dispose()
    finally:
        if copy is not None:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(str(copy) + suffix).unlink()
    return out


# --------------------------------------------------------------------------- the table


def fmt(v: Any, unit: str = "ms") -> str:
    if v is None:
        return "—"
    if isinstance(v, str):
        return v
    if unit == "ms":
        if v >= 10_000:
            return f"{v / 1000:,.1f} s"
        return f"{v:,.1f} ms" if v < 100 else f"{v:,.0f} ms"
    return f"{v:,.0f} {unit}"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else "MET" if ok else "MISSED"


def table(results: dict[str, Figures], rate: float | None, postgres: bool) -> list[list[str]]:
    small, big = results.get("10k", {}), results.get("1m", {})
    main = big or small
    rows: list[list[str]] = []

    def below(label: str, key: str, goal: float, unit: str = "ms", goal_text: str | None = None) -> None:
        v = main.get(key)
        rows.append([label, fmt(small.get(key), unit), fmt(big.get(key), unit),
                     goal_text or f"< {fmt(goal, unit)}", verdict(None if v is None else v < goal)])  # fmt: skip

    def scaled(label: str, key: str, goal: float) -> None:
        """< goal at the largest size, and at most 2× the 10k figure."""
        v10, v1m = small.get(key), big.get(key)
        v = main.get(key)
        growth = v1m / v10 if v10 and v1m else None
        ok = None if v is None else v < goal and (growth is None or growth <= 2)
        rows.append([label, fmt(v10), fmt(v1m),
                     f"< {goal:g} ms, ≤ 2× 10k" + ("" if growth is None else f" ({growth:.1f}×)"), verdict(ok)])  # fmt: skip

    below("board, whole city (supervisor's dashboard)", "board_city", 20)
    below(f"board, one district ({DISTRICT})", "board_district", 20)
    below("board, a clerk's own cases", "board_clerk", 20)
    if main.get("board_tab") is not None:
        below(f"board, city: opening another tab (worst: {main.get('board_tab_where')})", "board_tab", 20)
    if main.get("risk_list_district") is not None:
        n_emp = main.get("risk_employers")
        below(f"risk warning list, one district ({DISTRICT}), supervisor: count + first page"
              + (f" ({n_emp:,} employers)" if n_emp else ""), "risk_list_district", 200)  # fmt: skip
        below("risk warning list, whole city: count + first page", "risk_list_city", 200)
    below("start → board on screen: city supervisor", "start_city", 2000)
    below("start → board on screen: district supervisor", "start_district", 2000)
    below("start → board on screen: clerk", "start_clerk", 2000)
    below("peak memory of a start (the process's own VmHWM)", "start_rss", 300, "MB")
    below("quit during the day's first backup: wait to exit", "quit_wait", 1000)
    from ui.models import CASE_COLUMNS

    for c in CASE_COLUMNS:
        if c.sort_key:
            where = main.get(f"sort_{c.sort_key}_where") or ""
            scaled(f"list first page by {c.sort_key} (worst: {where})", f"sort_{c.sort_key}", 50)
    below("list footer count (worst kind)", "count_list", 50)
    below("'Overdue' filter: footer count (worst kind)", "count_overdue", 50)
    below("'Overdue' filter: first page (worst kind)", "page_overdue", 50)
    for i in range(6):
        label = main.get(f"search{i}_label")
        if label is None:
            continue
        hits = main.get(f"search{i}_hits")
        below(f"search {label}: first page ({hits} hits)", f"search{i}_page", 100)
        below(f"search {label}: footer count", f"search{i}_count", 100)
    for i in range(6):
        label = main.get(f"global{i}_label")
        if label is None:
            continue
        hits = main.get(f"global{i}_hits")
        below(f"global search, supervisor, {label}: first page ({hits} hits)", f"global{i}_page", 100)
        below(f"global search, supervisor, {label}: count", f"global{i}_count", 100)
    v = main.get("bulk")
    n = main.get("bulk_n") or BULK_N
    extra = "" if n == BULK_N else f" (measured on {n}, scaled)"
    rows.append([f"bulk reassign of {BULK_N:,} cases, board + list open{extra}",
                 fmt(small.get("bulk")) + f" ({small.get('bulk_ok', 0)} cases)" * bool(small),
                 fmt(big.get("bulk")) + f" ({big.get('bulk_ok', 0)} cases)" * bool(big),
                 "< 15 s", verdict(None if v is None else v < 15_000)])  # fmt: skip
    rows.append(["  … page reloads during the run", small.get("bulk_reloads", "—"),
                 big.get("bulk_reloads", "—"), "one per page", ""])  # fmt: skip
    v = main.get("colleague_wait")
    failed = main.get("colleague_failed")

    def wait(r: Figures) -> str:
        n = r.get("colleague_failed")
        return fmt(r.get("colleague_wait")) + (f" ({n} of {r.get('colleague_saves')} failed)" if n else "")

    rows.append(["a colleague's save during an export of all arbitration cases (longest wait)",
                 wait(small), wait(big), "< 1 s, none fails",
                 verdict(None if v is None else v < 1000 and not failed)])  # fmt: skip
    if not postgres:
        below("daily backup (in the background)", "backup_daily", float("inf"), goal_text="(information)")
        rows[-1][-1] = ""
        d, m = main.get("backup_daily"), main.get("backup_first_of_month")
        rows.append(["first start of a month: day's + month's copy", fmt(small.get("backup_first_of_month")),
                     fmt(big.get("backup_first_of_month")), "≤ 1.2× the daily copy",
                     verdict(None if not d or not m else m <= 1.2 * d)])  # fmt: skip
    ind_v, sql_v = main.get("indicators"), main.get("indicators_sql")
    ratio = ind_v / sql_v if ind_v and sql_v else None
    rows.append(["monthly indicators (month + YTD) vs one hand-written SQL", fmt(small.get("indicators")),
                 fmt(big.get("indicators")), f"≤ 2× SQL ({fmt(sql_v)})" + ("" if ratio is None else f" ({ratio:.2f}×)"),
                 verdict(None if ratio is None else ratio <= 2)])  # fmt: skip
    below("monthly PDF report end to end", "pdf", 3000)
    if rate is not None or not postgres:
        rows.append(["ledger import, 100,000 rows", "", fmt(rate, "rows/s"), "≥ 5,000 rows/s",
                     verdict(None if rate is None else rate >= 5000)])  # fmt: skip
    return rows


def print_table(rows: list[list[str]]) -> None:
    head = ["what the user does", "10k", "1M", "goal", "verdict"]
    widths = [max(_w(r[i]) for r in [head, *rows]) for i in range(len(head))]
    line = "  ".join(_pad(h, w) for h, w in zip(head, widths, strict=True))
    print(line)
    print("-" * _w(line))
    for r in rows:
        print("  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)))


def _w(s: str) -> int:
    return sum(2 if ord(c) > 0x2E7F else 1 for c in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _w(s))


def main() -> int:
    ap = argparse.ArgumentParser(prog="benchmark")
    ap.add_argument("--size", choices=["10k", "1m", "both"], default="both")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--no-import", action="store_true", help="skip the ledger import run")
    ap.add_argument("--quick", action="store_true", help="reads and starts only (no bulk, export, backup)")
    ap.add_argument("--bulk-n", type=int, default=BULK_N, help="cases in the bulk run (scaled to 1,000)")
    ap.add_argument(
        "--postgres",
        metavar="URL",
        help="measure on PostgreSQL: each cached database is copied into this (emptied) database first",
    )
    args = ap.parse_args()
    sizes = ["10k", "1m"] if args.size == "both" else [args.size]
    caches = {s: generate.cached(s, log=lambda m: print(m, file=sys.stderr)) for s in sizes}
    before = {s: fingerprint(p) for s, p in caches.items()}
    load = os.getloadavg()
    results: dict[str, Figures] = {}
    for size in sizes:
        results[size] = measure(size, args.runs, args.postgres, args.quick, args.bulk_n)
    rate = None if args.no_import or args.postgres or args.quick else import_rate()
    after = {s: fingerprint(p) for s, p in caches.items()}
    rows = table(results, rate, bool(args.postgres))
    engine = (
        "PostgreSQL (copied from the SQLite cache)" if args.postgres else f"SQLite {sqlite3.sqlite_version}"
    )
    print()
    print(f"casemgr bench — {platform.node()} {platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}, {engine}, {dt.date.today()} (median of {args.runs} runs; "
          f"load average {load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end)")  # fmt: skip
    print_table(rows)
    same = before == after
    print(f"\ncached databases unchanged: {'yes' if same else 'NO'} "
          + ", ".join(f"{s} sha256 {h[:12]}" for s, h in after.items()))  # fmt: skip
    out = generate.CACHE / ("results-postgres.json" if args.postgres else "results.json")
    out.write_text(json.dumps({"results": results, "import_rows_per_s": rate, "rows": rows,
                               "caches_unchanged": same}, ensure_ascii=False, indent=1, default=str))  # fmt: skip
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
