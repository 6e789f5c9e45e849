"""``casemgr backup --out FILE | --auto`` and ``casemgr restore FILE``.

A backup is a copy of every case and person, so both need an administrator's log-in
(``--user``; casemgr.cli._login: terminal or ``CASEMGR_PASSWORD`` for a scheduled task) and
the ``backup.run`` permission, checked as in the app.

``restore`` is also the way back from a damaged file: when the current database cannot be
opened, or has no administrator yet, it runs without a log-in — whoever can write that file
could copy a backup over it anyway, and the restored database keeps its own users.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casemgr import backup, db, permissions
from casemgr.actor import SYSTEM, Actor
from casemgr.cli import _login
from casemgr.errors import DatabaseError, KnownError
from casemgr.services import users


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "backup", help="copy the database safely (online backup API)", epilog=_login.PASSWORD_HELP
    )
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--out", type=Path, help="write the backup to this file")
    g.add_argument(
        "--auto", action="store_true", help="the daily backup with rotation (14 daily, 12 monthly)"
    )
    p.add_argument("--dir", type=Path, help="backup folder for --auto (default: setting or backups/)")
    p.add_argument("--user", help="the administrator doing it; " + _login.USER_HELP)
    p.set_defaults(func=run_backup)

    r = sub.add_parser(
        "restore",
        help="replace the database with a backup (checked and upgraded first)",
        epilog=_login.PASSWORD_HELP
        + " Without --user only when the current database cannot be opened or has no administrator.",
    )
    r.add_argument("file", type=Path)
    r.add_argument("--user", help="the administrator doing it; " + _login.USER_HELP)
    r.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    database, actor = _login.open_as(args.db, args.user)
    try:
        permissions.require(actor, "backup.run")
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
        out = backup.backup_now(database, actor, args.out)
        print(out)
        return 0
    finally:
        database.dispose()


def run_restore(args: argparse.Namespace) -> int:
    path = db.sqlite_path(db.resolve_url(args.db))
    if path is None:
        raise DatabaseError("只能恢复 SQLite 数据库文件。", "Only a SQLite database file can be restored.")
    result = backup.restore(path, args.file, actor=_restorer(args))
    if result.previous_copy:
        print(f"previous database kept as {result.previous_copy}")
    print(f"restored {result.restored_from} (revision {result.from_revision} -> {result.to_revision})")
    return 0


def _restorer(args: argparse.Namespace) -> Actor:
    """Who restores: the logged-in administrator, or nobody when the current file is unusable."""
    try:
        current = db.open_database(db.resolve_url(args.db))
    except KnownError:
        print("当前数据库无法打开，无需登录即可恢复 / the current database cannot be opened", file=sys.stderr)
        return SYSTEM
    try:
        with current.read() as s:
            nobody = users.no_admin_yet(s)
    finally:
        current.dispose()
    if nobody and not args.user:
        return SYSTEM
    database, actor = _login.open_as(args.db, args.user)
    database.dispose()
    permissions.require(actor, "backup.run")
    # The restored file has its own users table: the entry names the person, not a user id.
    return Actor(user_id=None, username=actor.username, role=actor.role)
