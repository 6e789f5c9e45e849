"""The frozen build beside the venv: start to main window, and a command-line start.

Usage::

    scripts/package-linux.sh                      # dist/casemgr and the .deb
    CASEMGR_BENCH_PASSWORD=... .venv/bin/python bench/bench_frozen.py \\
        --folder dist/casemgr --db FILE --user NAME [--runs 5]

Each run is a whole process, as a clerk starts it, timed from outside: the installation
self-test (``casemgr --selftest``: Qt, the database opened and checked, the log-in typed
and checked, the main window with its first page loaded, a picture saved, exit) for the
frozen program and for ``python -m ui.selftest`` from the venv, alternately, and the same
for ``casemgr-cli --version`` / ``python -m casemgr --version`` (Python and the program's
imports, the migrations read). Medians are printed with the folder's size. The user must be
able to log in without a forced password change (e.g. the first administrator).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], stdin: str, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, input=stdin, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed:\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folder", required=True, type=Path, help="the frozen folder (dist/casemgr)")
    ap.add_argument("--db", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    password = os.environ.get("CASEMGR_BENCH_PASSWORD")
    if not password:
        raise SystemExit("set CASEMGR_BENCH_PASSWORD")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEMGR_BENCH")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    shot = Path(os.environ.get("TMPDIR", "/tmp")) / "bench-frozen.png"
    login = f"{args.user}\n{password}\n"
    py = sys.executable
    frozen_cli = args.folder / ("casemgr-cli.exe" if os.name == "nt" else "casemgr-cli")
    cases = {
        "start to main window, frozen": [
            str(args.folder / "casemgr"),
            "--selftest",
            str(shot),
            "--db",
            args.db,
        ],
        "start to main window, venv": [py, "-m", "ui.selftest", str(shot), "--db", args.db],
        "casemgr-cli --version, frozen": [str(frozen_cli), "--version"],
        "casemgr --version, venv": [py, "-m", "casemgr", "--version"],
    }
    times: dict[str, list[float]] = {k: [] for k in cases}
    os.chdir(ROOT)
    for k, cmd in cases.items():  # one warm-up each: the page cache, not the first-ever start
        timed(cmd, login if "window" in k else "", env)
    for _ in range(args.runs):
        for k, cmd in cases.items():
            times[k].append(timed(cmd, login if "window" in k else "", env))
    for k, ts in times.items():
        print(
            f"{k:34s} median {statistics.median(ts) * 1000:7.0f} ms  (min {min(ts) * 1000:.0f}, max {max(ts) * 1000:.0f})"
        )
    print(f"{'frozen folder':34s} {folder_mb(args.folder):7.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
