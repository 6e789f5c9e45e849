"""``casemgr demo --cases N``: fill an empty database with demo data for 汕尾.

A database without users needs no log-in (like creating the first administrator) and becomes
a *demo database*: marked so, with the accounts and published passwords the README lists.
Once a database has users, demo accounts with known passwords would be a way in, so an
administrator must log in (``--user``; terminal or ``CASEMGR_PASSWORD``) and the accounts get
random passwords that must be changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from casemgr import db, demo, permissions, queries
from casemgr.cli import _login
from casemgr.errors import KnownError


class DemoRefused(KnownError):
    pass


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "demo", help="fill an empty database with realistic demo data (汕尾)", epilog=_login.PASSWORD_HELP
    )
    p.add_argument("--user", help="an administrator, once the database has users; " + _login.USER_HELP)
    p.add_argument("--cases", type=int, default=3000, help="number of cases (default 3000)")
    p.add_argument("--seed", type=int, default=2026, help="random seed (same seed and day, same data)")
    p.add_argument("--today", type=dt.date.fromisoformat, default=None, help="pretend today is YYYY-MM-DD")
    p.add_argument(
        "--users",
        action="store_true",
        help="print the demo staff accounts' one-time passwords (they must be changed at first log-in)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.cases < 0:
        raise DemoRefused("案件数不能为负数。", "--cases must not be negative.", field="cases")
    database = db.open_database(db.resolve_url(args.db))
    try:
        with database.read() as s:
            existing = queries.CaseQuery().count(s)
            has_users = bool(queries.users(s))
        if existing:
            # Demo cases mixed into real ones could never be told apart again.
            raise DemoRefused(
                f"数据库中已有 {existing} 件案件，演示数据只能写入空数据库。",
                f"The database already holds {existing} cases; demo data goes into an empty database only.",
                code="demo_not_empty",
            )

        if has_users:
            database.dispose()
            database, actor = _login.open_as(args.db, args.user)
            permissions.require(actor, "users.manage")  # it creates staff accounts

        def progress(done: int, total: int) -> None:
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

        result = demo.generate(
            database,
            cases=args.cases,
            seed=args.seed,
            today=args.today,
            show_passwords=args.users,
            progress=progress,
        )
    finally:
        database.dispose()
    print(file=sys.stderr)
    print(f"cases: {result.cases}")
    for kind, n in sorted(result.by_kind.items()):
        print(f"  {kind}: {n}")
    print(f"statuses: {len(result.by_status)}; steps refused by the services: {result.refused_steps}")
    if result.demo_database:
        # A fresh database became a demo database: its accounts' passwords are the published ones.
        print("demo database; its accounts (also in the README):")
        for username, role, password in result.users:
            print(f"  {username:16} {role:11} {password or '(existing account, unchanged)'}")
    elif args.users:
        print("demo staff accounts (shown once; each must change the password at first log-in):")
        for username, role, password in result.users:
            print(f"  {username:16} {role:11} {password or '(existing account, unchanged)'}")
    else:
        print(
            "demo staff accounts were created with random passwords nobody knows (use --users to print them)"
        )
    return 0
