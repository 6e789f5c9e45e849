"""``casemgr report`` and ``casemgr month close|reopen``: the monthly report from a shell.

Both run as a logged-in user (``--user``; casemgr.cli._login: the password from the terminal
or ``CASEMGR_PASSWORD``, "must change password" honoured): the report exports the bureau's
figures and case lists, so it needs a role that may generate reports (``report.generate``);
``month close/reopen`` writes and is the supervisor's. The audit trail names a person, never
"the command line".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from casemgr import anchors, permissions
from casemgr.cli import _login, user_lang
from casemgr.errors import ValidationError
from casemgr.metrics import report as mr
from casemgr.metrics.periods import parse_month
from casemgr.reports import monthly
from casemgr.services import months

FORMATS = ("pdf", "json", "xlsx")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="monthly report: pdf, json or xlsx", epilog=_login.PASSWORD_HELP)
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--district", help="one district (default: the whole city)")
    p.add_argument("--format", choices=FORMATS, help="default: from the file name, else pdf")
    p.add_argument("--out", required=True, help="output file, or - for JSON on stdout")
    p.add_argument("--lang", choices=("zh", "en"), help="language of the PDF/xlsx (default: the locale)")
    p.add_argument("--today", help=argparse.SUPPRESS)  # tests: the day overdue is counted on
    p.add_argument("--user", required=True, help=_login.USER_HELP)
    p.set_defaults(func=run_report)

    m = sub.add_parser("month", help="close or reopen a month (supervisor)", epilog=_login.PASSWORD_HELP)
    m.add_argument("action", choices=("close", "reopen"))
    m.add_argument("--month", required=True, help="YYYY-MM")
    m.add_argument("--district")
    m.add_argument("--user", required=True, help="the supervisor's user name; " + _login.USER_HELP)
    m.set_defaults(func=run_month)


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            f"{option} 不是有效日期（格式 YYYY-MM-DD）：{text}",
            f"{option} is not a date (YYYY-MM-DD): {text}",
        ) from None


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.out).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "pdf"


def run_report(args: argparse.Namespace) -> int:
    year, month = parse_month(args.month)
    fmt = _format(args)
    lang = args.lang or user_lang()
    today = _date(args.today, "--today") if args.today else None
    database, actor = _login.open_as(args.db, args.user)
    try:
        permissions.require(actor, "report.generate")
        with database.read() as s:
            data = months.report_data(s, actor, year, month, args.district, today=today)
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
    year, month = parse_month(args.month)
    database, actor = _login.open_as(args.db, args.user)
    try:
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
