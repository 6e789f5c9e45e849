"""``casemgr backup --out FILE | --auto`` and ``casemgr restore FILE``.

Run from the command line by whoever administers the PC, so the actor is the system
administrator (the OS account is the authority here, as for the database file itself).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from casemgr import backup, db
from casemgr.actor import SYSTEM
from casemgr.errors import DatabaseError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="copy the database safely (online backup API)")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--out", type=Path, help="write the backup to this file")
    g.add_argument(
        "--auto", action="store_true", help="the daily backup with rotation (14 daily, 12 monthly)"
    )
    p.add_argument("--dir", type=Path, help="backup folder for --auto (default: setting or backups/)")
    p.set_defaults(func=run_backup)

    r = sub.add_parser("restore", help="replace the database with a backup (checked and upgraded first)")
    r.add_argument("file", type=Path)
    r.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    database = db.open_database(db.resolve_url(args.db))
    try:
        if args.auto and db.sqlite_path(database.url) is None:
            # At start-up the app skips it quietly; asked for by name, it must not look done.
            raise DatabaseError(
                "自动备份只适用于 SQLite 数据库文件；服务器数据库请用 pg_dump（见 docs/deployment.md）。",
                "Automatic backups are for a SQLite database file; use pg_dump for a server database "
                "(see docs/deployment.md).",
            )
        if args.auto:
            result = backup.daily_backup_if_due(database, backup_dir=args.dir)
            print(result.daily or "(today's backup already exists)")
            return 0
        out = backup.backup_now(database, SYSTEM, args.out)
        print(out)
        return 0
    finally:
        database.dispose()


def run_restore(args: argparse.Namespace) -> int:
    path = db.sqlite_path(db.resolve_url(args.db))
    if path is None:
        raise DatabaseError("只能恢复 SQLite 数据库文件。", "Only a SQLite database file can be restored.")
    result = backup.restore(path, args.file)
    if result.previous_copy:
        print(f"previous database kept as {result.previous_copy}")
    print(f"restored {result.restored_from} (revision {result.from_revision} -> {result.to_revision})")
    return 0
