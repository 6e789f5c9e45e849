"""``casemgr sweep``: the steps the law takes by itself when nobody acts in time.

A complaint not answered within 5 working days counts as accepted from the day it came in
(粤条例 Art. 39); an order to pay that expired unpaid above the crime threshold starts the
bureau's 20-working-day duty to decide on the blacklist (令第45号 Arts. 5, 8). The desktop runs the same sweep when someone logs in; a
city server on PostgreSQL can run this from cron each morning, so the board is right before
the first clerk opens it.
"""

from __future__ import annotations

import argparse
import datetime as dt

from casemgr import clock, db
from casemgr.cli import user_lang


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "sweep",
        help="apply deemed acceptances (complaints unanswered for 5 working days) and start blacklist duties",
    )
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
            duties = wf.apply_blacklist_duties(s, SYSTEM, today=today)
    finally:
        database.dispose()
    if user_lang() == "zh":
        print(f"视为受理的投诉：{len(ids)} 件。")
        print(f"启动失信名单列入决定期限：{len(duties)} 件。")
    else:
        print(f"complaints deemed accepted: {len(ids)}")
        print(f"blacklist decisions now due: {len(duties)}")
    return 0
