"""``casemgr sweep``: the steps the law takes by itself when nobody acts in time.

A complaint not answered within 5 working days counts as accepted from the day it came in
(粤条例 Art. 39); an order to pay that expired unpaid above the crime threshold starts the
bureau's 20-working-day duty to decide on the blacklist (令第45号 Arts. 5, 8). The desktop runs the same sweep when someone logs in; a
city server on PostgreSQL can run this from cron each morning, so the board is right before
the first clerk opens it.

It writes, so it needs a log-in (``--user``; terminal or ``CASEMGR_PASSWORD`` for cron), any
active user: the law, not the user, takes the step, so the entries name the system. On a
PostgreSQL server the owner's URL (``--db OWNER_URL``) runs it without one, as cron does there.
"""

from __future__ import annotations

import argparse
import datetime as dt

from casemgr import clock, db, pgroles
from casemgr.cli import _login, user_lang


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "sweep",
        help="apply deemed acceptances (complaints unanswered for 5 working days) and start blacklist duties",
        epilog=_login.PASSWORD_HELP,
    )
    p.add_argument("--user", help=_login.USER_HELP + " (not needed with a PostgreSQL owner's URL)")
    p.add_argument("--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from casemgr.actor import SYSTEM
    from casemgr.services import workflow as wf

    today = args.today or clock.today()
    database = _open(args)
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


def _open(args: argparse.Namespace) -> db.Database:
    if args.user:
        return _login.open_as(args.db, args.user)[0]
    url = db.resolve_url(args.db)
    if not db.is_sqlite(url) and not pgroles.needs_login(url):
        database = db.open_database(url)
        with database.read() as s:
            if pgroles.is_table_owner(s):
                return database
        database.dispose()
    raise _login.login_required()
