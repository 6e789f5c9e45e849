"""``casemgr db upgrade|current|check``: schema management from the command line.

On a PostgreSQL server where each user logs in as their own role (docs/deployment.md),
``casemgr db upgrade --owner-url URL`` runs the migrations as the schema's owner and then
(re)installs the roles, grants and row-level security of casemgr.pgroles — after every
upgrade, so a new table or a new casemgr role is covered at once.
"""

from __future__ import annotations

import argparse

from casemgr import db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("db", help="database schema: upgrade, current revision; check (whole file)")
    p.add_argument("action", choices=["upgrade", "current", "check"])
    p.add_argument(
        "--owner-url",
        metavar="URL",
        help="PostgreSQL: migrate as this owner role, then install the per-user roles, grants and row-level security",
    )
    p.add_argument(
        "--namespace",
        help="prefix of the PostgreSQL role names (default: the URL's casemgr_namespace, else 'casemgr')",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    url = db.resolve_url(args.db)
    if args.action == "check":
        # Every page is read: the start-up only checks the header, schema and table edges.
        path = db.sqlite_path(url)
        if path is None or not path.is_file():
            print("only a SQLite database file can be checked / 只能检查 SQLite 数据库文件")
            return 2
        problems = db.integrity_check(path)
        print("\n".join(problems))
        return 0 if problems == ["ok"] else 1
    if args.action == "upgrade" and args.owner_url:
        from casemgr import pgroles

        owner = args.owner_url
        if db.is_sqlite(owner):
            print("--owner-url is for PostgreSQL / 仅用于 PostgreSQL")
            return 2
        database = db.open_database(pgroles.owner_engine_url(owner))
        print(db.current_revision(database.engine))
        database.dispose()
        result = pgroles.install(owner, args.namespace)
        print(
            f"roles: {pgroles.common_role(result.namespace)}, {', '.join(result.groups)} (owner {result.owner})"
        )
        if result.users_without_password:
            print(
                "users who need a new password before they can log in / 以下用户需要管理员重设密码: "
                + ", ".join(result.users_without_password)
            )
        return 0
    if args.action == "upgrade":
        database = db.open_database(url)
        print(db.current_revision(database.engine))
        database.dispose()
        return 0
    engine = db.make_engine(url)
    print(db.current_revision(engine) or "(empty)")
    engine.dispose()
    return 0
