"""``casemgr db upgrade|current``: schema management from the command line."""

from __future__ import annotations

import argparse

from casemgr import db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("db", help="database schema: upgrade, current revision; check (whole file)")
    p.add_argument("action", choices=["upgrade", "current", "check"])
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
    if args.action == "upgrade":
        database = db.open_database(url)
        print(db.current_revision(database.engine))
        database.dispose()
        return 0
    engine = db.make_engine(url)
    print(db.current_revision(engine) or "(empty)")
    engine.dispose()
    return 0
