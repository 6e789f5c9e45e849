"""``casemgr sweep``: the steps the law takes by itself when nobody acts in time.

Today that is 粤条例 Art. 39 — a complaint not answered within 5 working days counts as
accepted from the day it came in. The desktop runs the same sweep when someone logs in; a
city server on PostgreSQL can run this from cron each morning, so the board is right before
the first clerk opens it.
"""

from __future__ import annotations

import argparse
import datetime as dt

from casemgr import clock, db
from casemgr.cli import user_lang


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sweep", help="apply deemed acceptances (complaints unanswered for 5 working days)")
    p.add_argument("--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from casemgr.actor import SYSTEM
    from casemgr.services import workflow as wf

    today = args.today or clock.today()
    database = db.open_database(db.resolve_url(args.db))
    try:
        with database.write() as s:
            ids = wf.apply_deemed_acceptances(s, SYSTEM, today=today)
    finally:
        database.dispose()
    if user_lang() == "zh":
        print(f"视为受理的投诉：{len(ids)} 件。")
    else:
        print(f"complaints deemed accepted: {len(ids)}")
    return 0
