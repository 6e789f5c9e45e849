"""A colleague on another PC saves cases while someone exports: how long each save waits.

Usage: ``.venv/bin/python bench/bench_colleague.py --db URL --user ID --to ID CASE_ID...``
(on a copy: it writes). Each case is reassigned in its own write transaction, as the case
file's "Assign" does; prints ``save <s> ok|failed`` per case.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--user", type=int, required=True)
    ap.add_argument("--to", type=int, required=True)
    ap.add_argument("cases", type=int, nargs="+")
    args = ap.parse_args()

    from casemgr import db
    from casemgr.actor import Actor
    from casemgr.enums import Role
    from casemgr.services.cases import assign_case

    database = db.open_database(args.db)
    actor = Actor(user_id=args.user, username="bench-colleague", role=Role.SUPERVISOR)
    try:
        for case_id in args.cases:
            t0 = time.perf_counter()
            try:
                with database.write() as s:
                    assign_case(s, actor, case_id, args.to, expected_version=None)
                status = "ok"
            except Exception as exc:
                status = "failed " + str(exc).replace("\n", " ")[:80]
            print(f"save {time.perf_counter() - t0:.3f} {status}", flush=True)
            time.sleep(0.2)
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
