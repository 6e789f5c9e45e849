"""``casemgr export --kind K [--from D --to D] --out FILE.xlsx|.csv``: a ledger for the supervisor."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from casemgr.cli import _login, user_lang
from casemgr.cli.importer import kind_arg


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export cases as a ledger (.xlsx or .csv)", epilog=_login.PASSWORD_HELP)
    p.add_argument("--kind", type=kind_arg, help="mediation|arbitration|inspection (default: all)")
    p.add_argument(
        "--from", dest="date_from", type=dt.date.fromisoformat, help="received on or after (YYYY-MM-DD)"
    )
    p.add_argument(
        "--to", dest="date_to", type=dt.date.fromisoformat, help="received on or before (YYYY-MM-DD)"
    )
    p.add_argument("--district")
    p.add_argument("--out", required=True, type=Path, help="FILE.xlsx or FILE.csv")
    p.add_argument(
        "--user", required=True, help="user name (decides whether ID numbers are masked); " + _login.USER_HELP
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from casemgr.io.ledger_export import ExportFilter, export_cases

    database, actor = _login.open_as(args.db, args.user)
    try:
        f = ExportFilter(
            kind=args.kind, date_from=args.date_from, date_to=args.date_to, district=args.district
        )
        # Reads in a read transaction; only the audit entry is written (casemgr.io.ledger_export).
        result = export_cases(database, actor, args.out, f)
    finally:
        database.dispose()
    masked = "（身份证号已脱敏）" if result.masked else ""
    if user_lang() == "zh":
        print(f"已导出 {result.rows} 件案件到 {result.path}{masked}")
    else:
        print(
            f"Exported {result.rows} cases to {result.path}"
            + (" (ID numbers masked)" if result.masked else "")
        )
    return 0
