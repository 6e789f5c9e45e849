"""``casemgr settings minimum-wage add|list``: the dated minimum wage, from the command line.

Guangdong adjusts the monthly minimum wage by a provincial notice (e.g. 粤府函〔2025〕23号, in
force 2025-03-01); the final-award threshold is twelve times the figure (劳动争议调解仲裁法
Art. 47(一)). An administrator adds the new figure with its notice's name and the day it
takes effect — no release is needed — through the same service as the settings page
(:func:`casemgr.services.admin.set_setting`: the administrator's permission, the notice
required, one audit entry). ``add`` logs in (``--user``; terminal or ``CASEMGR_PASSWORD``);
``list`` only reads.

The figure is the bureau's (one city, one tier in the provincial notice), not a district's.
"""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal

from casemgr import db
from casemgr.cli import _login, user_lang
from casemgr.errors import ValidationError

KEY = "minimum_wage_monthly"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("settings", help="dated settings: the monthly minimum wage")
    ssub = p.add_subparsers(dest="settings_what", required=True)
    mw = ssub.add_parser("minimum-wage", help="the monthly minimum wage (final-award threshold = 12 x it)")
    msub = mw.add_subparsers(dest="minimum_wage_action", required=True)
    add = msub.add_parser(
        "add",
        help="add a new figure in force from a date, with the name of its notice",
        description="e.g. casemgr settings minimum-wage add --amount 1750 --from 2025-03-01 "
        '--notice "粤府函〔2025〕23号" --user admin',
        epilog=_login.PASSWORD_HELP,
    )
    add.add_argument("--amount", required=True, help="yuan per month, e.g. 1750 or 1750.00")
    add.add_argument("--from", dest="valid_from", required=True, metavar="YYYY-MM-DD", help="in force from")
    add.add_argument("--notice", required=True, help="the notice that sets it, e.g. 粤府函〔2025〕23号")
    add.add_argument("--user", required=True, help="administrator's user name; " + _login.USER_HELP)
    add.set_defaults(func=run_add)
    lst = msub.add_parser("list", help="every figure with its date and notice")
    lst.set_defaults(func=run_list)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            f"日期“{text}”无效，格式应为 YYYY-MM-DD。",
            f"'{text}' is not a date (YYYY-MM-DD).",
            field="valid_from",
        ) from None


def run_add(args: argparse.Namespace) -> int:
    from casemgr.services import admin

    valid_from = _date(args.valid_from)
    database, actor = _login.open_as(args.db, args.user)
    try:
        with database.write() as s:
            saved = admin.set_setting(s, actor, KEY, args.amount, valid_from, notice=args.notice)
    finally:
        database.dispose()
    amount = Decimal(str(saved.value))
    threshold = amount * 12
    if user_lang() == "zh":
        print(
            f"月最低工资标准 {amount:.2f} 元，自 {valid_from.isoformat()} 起执行（{args.notice.strip()}）；"
            f"终局裁决限额 {threshold:.2f} 元（劳动争议调解仲裁法第47条）。"
        )
    else:
        print(
            f"Monthly minimum wage {amount:.2f} yuan from {valid_from.isoformat()} ({args.notice.strip()}); "
            f"final-award threshold {threshold:.2f} yuan (Labour Dispute Mediation and Arbitration Law, Art. 47)."
        )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from casemgr import settings
    from casemgr.services import admin

    zh = user_lang() == "zh"
    database = db.open_database(db.resolve_url(args.db))
    try:
        with database.read() as s:
            for v in admin.setting_history(s, KEY):
                notice = settings.get(s, "minimum_wage_notice", v.valid_from) or ""
                source = ("已登记" if zh else "entered") if v.stored else ("程序自带" if zh else "built in")
                print(f"{v.valid_from.isoformat()}\t{Decimal(str(v.value)):.2f}\t{notice}\t{source}")
    finally:
        database.dispose()
    return 0
