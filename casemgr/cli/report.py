"""``casemgr report`` and ``casemgr month close|reopen``: the monthly report from a shell.

``report`` only reads. ``month close/reopen`` writes, so it asks for the supervisor's
password (the same check as the app's login) and runs as that user: the audit trail
names a person, never "the command line".
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from pathlib import Path

from casemgr import anchors, db
from casemgr.cli import user_lang
from casemgr.errors import ValidationError
from casemgr.metrics import report as mr
from casemgr.metrics.periods import parse_month
from casemgr.reports import monthly
from casemgr.services import months

FORMATS = ("pdf", "json", "xlsx")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="monthly report: pdf, json or xlsx")
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--district", help="one district (default: the whole city)")
    p.add_argument("--format", choices=FORMATS, help="default: from the file name, else pdf")
    p.add_argument("--out", required=True, help="output file, or - for JSON on stdout")
    p.add_argument("--lang", choices=("zh", "en"), help="language of the PDF/xlsx (default: the locale)")
    p.add_argument("--today", help=argparse.SUPPRESS)  # tests: the day overdue is counted on
    p.set_defaults(func=run_report)

    m = sub.add_parser("month", help="close or reopen a month (supervisor)")
    m.add_argument("action", choices=("close", "reopen"))
    m.add_argument("--month", required=True, help="YYYY-MM")
    m.add_argument("--district")
    m.add_argument("--user", required=True, help="the supervisor's user name")
    m.set_defaults(func=run_month)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.out).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "pdf"


def run_report(args: argparse.Namespace) -> int:
    year, month = parse_month(args.month)
    fmt = _format(args)
    lang = args.lang or user_lang()
    today = dt.date.fromisoformat(args.today) if args.today else None
    database = db.open_database(db.resolve_url(args.db))
    try:
        with database.read() as s:
            data = months.report_data(s, year, month, args.district, today=today)
    finally:
        database.dispose()
    anchors.remember(database.url, data.audit_anchor)  # the head it prints (casemgr.anchors)
    if fmt == "json":
        text = json.dumps(mr.to_json(data), ensure_ascii=False, indent=2)
        if args.out == "-":
            sys.stdout.write(text + "\n")
        else:
            Path(args.out).write_text(text + "\n", encoding="utf-8")
    elif args.out == "-":
        raise ValidationError("PDF/xlsx 不能输出到标准输出。", "PDF/xlsx cannot go to stdout.", field="out")
    elif fmt == "xlsx":
        monthly.build_xlsx(data, Path(args.out), lang=lang)
    else:
        monthly.build_pdf(data, Path(args.out), lang=lang)
    return 0


def run_month(args: argparse.Namespace) -> int:
    from casemgr import auth

    year, month = parse_month(args.month)
    database = db.open_database(db.resolve_url(args.db))
    try:
        password = getpass.getpass("密码 / password: ")
        with database.write() as s:
            actor = auth.authenticate(s, args.user, password)
        with database.write() as s:
            if args.action == "close":
                info = months.close_month(s, actor, year, month, args.district)
                print(f"{info.month} closed at {info.closed_at.isoformat()} by {info.closed_by}")
            else:
                months.reopen_month(s, actor, year, month, args.district)
                print(f"{args.month} reopened")
    finally:
        database.dispose()
    return 0
