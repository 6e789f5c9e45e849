"""``casemgr db upgrade|current``: schema management from the command line."""

from __future__ import annotations

import argparse

from casemgr import db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("db", help="database schema: upgrade, current revision")
    p.add_argument("action", choices=["upgrade", "current"])
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    url = db.resolve_url(args.db)
    if args.action == "upgrade":
        database = db.open_database(url)
        print(db.current_revision(database.engine))
        database.dispose()
        return 0
    engine = db.make_engine(url)
    print(db.current_revision(engine) or "(empty)")
    engine.dispose()
    return 0
