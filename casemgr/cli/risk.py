"""``casemgr risk refresh``: score every employer's arrears risk again (欠薪风险预警, issue 17).

Each write re-scores the employers it touches; what no write touches is time: a complaint
leaves the 90-day window, a blacklisting ends. The nightly job (cron, or Windows' task
scheduler) runs this so the warning list is right before the first supervisor opens it;
the supervisor's 重新计算 does the same from the desktop.

It writes (levels, their changes on employers' histories, the audit chain), so it needs a
log-in with the ``risk.refresh`` right (``--user``; terminal or ``CASEMGR_PASSWORD`` for cron):
a supervisor or the administrator. On a PostgreSQL server the owner's URL runs it without one.
"""

from __future__ import annotations

import argparse
import datetime as dt

from casemgr import clock, db, pgroles
from casemgr.cli import _login, user_lang


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("risk", help="arrears risk warning: score every employer again")
    rs = p.add_subparsers(dest="risk_command", required=True)
    r = rs.add_parser(
        "refresh", help="score every employer from the record as of today", epilog=_login.PASSWORD_HELP
    )
    r.add_argument("--user", help=_login.USER_HELP + " (not needed with a PostgreSQL owner's URL)")
    r.add_argument("--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
    r.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from casemgr.services import risk

    today = args.today or clock.today()
    database, actor = _open(args)
    try:
        with database.write() as s:
            result = risk.refresh(s, actor, today=today)
    finally:
        database.dispose()
    n = result.by_level
    if user_lang() == "zh":
        print(
            f"已计算 {result.scored} 家用人单位：红色 {n['red']} 家，橙色 {n['orange']} 家，黄色 {n['yellow']} 家；"
            f"等级变化 {result.changes} 次。"
        )
    else:
        print(
            f"scored {result.scored} employers: {n['red']} red, {n['orange']} orange, {n['yellow']} yellow; "
            f"{result.changes} level change(s)"
        )
    return 0


def _open(args: argparse.Namespace) -> tuple[db.Database, object]:
    if args.user:
        return _login.open_as(args.db, args.user)
    url = db.resolve_url(args.db)
    if not db.is_sqlite(url) and not pgroles.needs_login(url):
        database = db.open_database(url)
        with database.read() as s:
            if pgroles.is_table_owner(s):
                return database, None
        database.dispose()
    raise _login.login_required()
