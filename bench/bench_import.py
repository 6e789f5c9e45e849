"""Ledger import speed: rows per second for a generated ledger (target ≥ 5,000 rows/s).

Usage: ``.venv/bin/python bench/bench_import.py [ROWS] [--xlsx] [--profile] [--runs N] [--processes K]
[--postgres URL]``
(default 100,000 rows, CSV). The ledger mixes the three kinds, open and closed cases,
repeat employers (one per 20 rows) and distinct workers, like a city's multi-year ledger.
Generation and database creation are not timed; the figure covers reading, checking and
writing in one transaction, as ``casemgr import`` does it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casemgr import db, validation  # noqa: E402
from casemgr.actor import SYSTEM  # noqa: E402
from casemgr.io.ledger_import import ImportOptions, import_ledger  # noqa: E402

HEADER = [
    "案号", "案件类型", "收案日期", "受理日期", "结案日期", "结案方式", "是否农民工", "涉及人数",
    "申请金额", "追回金额", "用人单位", "统一社会信用代码", "所属区县", "申请人", "身份证号",
]  # fmt: skip
KINDS = (
    ("仲裁", "汕劳人仲案字〔{y}〕第{n:05d}号", "裁决"),
    ("监察", "汕人社监字〔{y}〕第{n:05d}号", "处理决定"),
    ("调解", "汕劳人调字〔{y}〕第{n:05d}号", "调解成功"),
)
DISTRICTS = ("城区", "海丰县", "陆丰市", "陆河县")


def person_id(n: int) -> str:
    born = dt.date(1970, 1, 1) + dt.timedelta(days=(n // 1000) * 53)  # unique (birth date, sequence) pairs
    first17 = f"441502{born:%Y%m%d}{n % 1000:03d}"
    return first17 + validation.resident_id_check_char(first17)


def uscc(n: int) -> str:
    first17 = f"91441500{n:09d}"
    return first17 + validation.uscc_check_char(first17)


def generate(path: Path, rows: int) -> None:
    start = dt.date(2021, 1, 4)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(rows):
            word, fmt, outcome = KINDS[i % 3]
            received = start + dt.timedelta(days=(i * 1500) // rows)
            closed = i % 4 != 0
            accepted = received + dt.timedelta(days=2)
            w.writerow(
                [
                    fmt.format(y=received.year, n=i + 1),
                    word,
                    received.isoformat(),
                    accepted.isoformat(),
                    (accepted + dt.timedelta(days=20)).isoformat() if closed else "",
                    outcome if closed else "",
                    "是" if i % 2 else "否",
                    1 + i % 5,
                    f"{1000 + i % 9000}.00",
                    f"{1000 + i % 9000}.00" if closed else "",
                    f"汕尾基准测试用人单位{i // 20}",
                    uscc(i // 20),
                    DISTRICTS[i % 4],
                    f"工人{i}",
                    person_id(i),
                ]
            )


def fresh_postgres(url: str) -> str:
    """An empty database ``casemgr_bench_import`` on URL's server (dropped first if there)."""
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS casemgr_bench_import")
        conn.exec_driver_sql("CREATE DATABASE casemgr_bench_import")
    engine.dispose()
    return make_url(url).set(database="casemgr_bench_import").render_as_string(hide_password=False)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", nargs="?", type=int, default=100_000)
    ap.add_argument("--xlsx", action="store_true", help="convert the ledger to .xlsx first")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--runs", type=int, default=3, help="imports into fresh databases (median reported)")
    ap.add_argument(
        "--processes", type=int, default=None, help="planning processes (0: one process; default: automatic)"
    )
    ap.add_argument(
        "--postgres", metavar="URL", help="import into PostgreSQL (a fresh database beside URL's)"
    )
    args = ap.parse_args()
    if args.processes is not None:
        os.environ["CASEMGR_IMPORT_PROCESSES"] = str(args.processes)
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "ledger.csv"
        generate(ledger, args.rows)
        if args.xlsx:
            import openpyxl

            wb = openpyxl.Workbook(write_only=True)
            ws = wb.create_sheet()
            with ledger.open(encoding="utf-8-sig") as fh:
                for row in csv.reader(fh):
                    ws.append(row)
            ledger = ledger.with_suffix(".xlsx")
            wb.save(ledger)
        for run in range(args.runs):
            url = (
                f"sqlite:///{Path(tmp) / f'bench{run}.db'}"
                if not args.postgres
                else fresh_postgres(args.postgres)
            )
            database = db.open_database(url)
            opts = ImportOptions(today=dt.date(2026, 11, 26))
            t0 = time.perf_counter()
            if args.profile:
                import cProfile
                import pstats

                prof = cProfile.Profile()
                prof.enable()
            with database.write() as s:
                result = import_ledger(s, SYSTEM, ledger, opts)
            elapsed = time.perf_counter() - t0
            if args.profile:
                prof.disable()
                pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
                pstats.Stats(prof).sort_stats("tottime").print_stats(25)
            database.dispose()
            if not args.postgres:
                Path(tmp, f"bench{run}.db").unlink()
            assert result.created == args.rows, result.rejections[:5]
            times.append(elapsed)
            print(f"run {run + 1}: {elapsed:.1f} s = {args.rows / elapsed:,.0f} rows/s", flush=True)
    planners = os.environ.get("CASEMGR_IMPORT_PROCESSES", f"automatic, {os.cpu_count()} processors")
    median = statistics.median(times)
    print(f"planning processes: {planners}; fastest {args.rows / min(times):,.0f} rows/s")
    print(
        f"imported {args.rows} rows ({ledger.suffix}) in {median:.1f} s (median of {len(times)}): "
        f"{args.rows / median:,.0f} rows/s (target 5,000)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
