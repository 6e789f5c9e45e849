"""``casemgr calendar import FILE`` and ``casemgr calendar years``: the official holiday calendar."""

from __future__ import annotations

import argparse
from pathlib import Path

from casemgr import db
from casemgr.cli import _login, user_lang

SOURCES = {
    "package": ("程序自带", "built in"),
    "overrides": ("管理员导入", "imported"),
    "both": ("自带+导入", "both"),
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("calendar", help="holiday calendar: import next year's days, list covered years")
    csub = p.add_subparsers(dest="calendar_action", required=True)
    imp = csub.add_parser(
        "import", help="import date,type (holiday|workday) from CSV or JSON", epilog=_login.PASSWORD_HELP
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--user", required=True, help="administrator's user name; " + _login.USER_HELP)
    imp.set_defaults(func=run_import)
    yrs = csub.add_parser("years", help="which years the calendar covers")
    yrs.set_defaults(func=run_years)


def run_import(args: argparse.Namespace) -> int:
    from casemgr.io.calendar_import import import_calendar

    database, actor = _login.open_as(args.db, args.user)
    try:
        with database.write() as s:
            r = import_calendar(s, actor, args.file)
    finally:
        database.dispose()
    years = ", ".join(str(y) for y in r.years)
    if user_lang() == "zh":
        print(f"{years} 年：共 {r.days} 天，新增 {r.added}，修改 {r.changed}，未变 {r.unchanged}。")
    else:
        print(f"{years}: {r.days} days, {r.added} added, {r.changed} changed, {r.unchanged} unchanged.")
    for w in r.warnings:
        print("  " + w)
    return 0


def run_years(args: argparse.Namespace) -> int:
    from casemgr.io.calendar_import import coverage

    zh = user_lang() == "zh"
    database = db.open_database(db.resolve_url(args.db))
    try:
        with database.read() as s:
            rows = coverage(s)
    finally:
        database.dispose()
    for c in rows:
        src = SOURCES[c.source][0 if zh else 1]
        extra = f"  (+{c.holidays} holiday / {c.workdays} workday)" if c.holidays or c.workdays else ""
        print(f"{c.year}  {src}{extra}")
    return 0
