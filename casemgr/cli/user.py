"""``casemgr user create|list|reset-password``: user administration from the command line.

Every action runs as a logged-in administrator (``--user NAME``; the password is asked on
the terminal, or read from ``CASEMGR_PASSWORD`` for scripted installs), checked and audited
exactly as in the app. The one exception is the very first administrator of a database
that has none: ``casemgr user create NAME --role admin`` then needs no log-in (someone has
to be first; the set-up dialog does the same).

On a PostgreSQL server with one login role per user (docs/deployment.md) the administrator
connects with their own login; the first administrator is created through the owner's
URL (``--db OWNER_URL``), which is also the way back in when the only administrator has
lost their password — whoever holds the owner's password can change anything anyway, and
the entry is audited as the system's.

New users' passwords are read from the terminal (twice) or from ``CASEMGR_NEW_PASSWORD``,
never from the command line (which other users can see in the process list).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from casemgr import auth, db, pgroles, queries
from casemgr.actor import SYSTEM, Actor
from casemgr.enums import Role
from casemgr.errors import AuthError, PermissionDenied, ValidationError
from casemgr.services import pglogin, users


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "user",
        help="users: create, list, reset a password (as an administrator: --user; the first administrator needs none)",
        description="Passwords: the administrator's from the terminal or CASEMGR_PASSWORD; "
        "the new user's from the terminal or CASEMGR_NEW_PASSWORD.",
    )
    p.add_argument("action", choices=["create", "list", "reset-password"])
    p.add_argument("username", nargs="?")
    p.add_argument("--name", help="display name")
    p.add_argument("--role", choices=[r.value for r in Role], default=Role.ADMIN.value)
    p.add_argument("--district")
    p.add_argument("--user", dest="acting", metavar="ADMIN", help="the administrator doing it (log-in)")
    p.set_defaults(func=run)


def _new_password() -> str:
    env = os.environ.get("CASEMGR_NEW_PASSWORD")  # for scripted installs and tests
    if env:
        return env
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("New user's password / 新用户密码: ")
    if getpass.getpass("Again / 再次输入: ") != first:
        raise ValidationError("两次输入的密码不一致。", "The two passwords differ.", field="password")
    return first


def _own_password() -> str:
    env = os.environ.get("CASEMGR_PASSWORD")
    if env is not None:
        return env
    return getpass.getpass("Your password / 您的密码: ")


def _no_admin_yet(database: db.Database) -> bool:
    """No administrator at all: the database is new (a deactivated one still counts)."""
    with database.read() as s:
        return users.no_admin_yet(s)


def _is_owner(database: db.Database) -> bool:
    """PostgreSQL: connected as the owner of the tables (the break-glass of the module docstring)."""
    if db.is_sqlite(database.engine):
        return False
    with database.read() as s:
        return pgroles.is_table_owner(s)


def _login_required() -> AuthError:
    return AuthError(
        "请用 --user 指定执行操作的管理员（需要登录）。",
        "Give the administrator doing this with --user (a log-in is required).",
        code="login_required",
    )


def _open(args: argparse.Namespace) -> tuple[db.Database, Actor | None]:
    """The database, and the logged-in administrator (None: no log-in was needed)."""
    url = db.resolve_url(args.db)
    if pgroles.needs_login(url):
        if not args.acting:
            raise _login_required()
        database = pglogin.connect(url, args.acting, _own_password())
        with database.write() as s:
            actor, _must = pglogin.login(s)
        return database, actor
    database = db.open_database(url)
    if args.acting:
        try:
            with database.write() as s:
                return database, auth.authenticate(s, args.acting, _own_password())
        except BaseException:
            database.dispose()
            raise
    return database, None


def run(args: argparse.Namespace) -> int:
    database, actor = _open(args)
    try:
        first_admin = args.action == "create" and args.role == Role.ADMIN.value and _no_admin_yet(database)
        if actor is None and not first_admin:
            if not _is_owner(database):
                raise _login_required()
            actor = SYSTEM
        if actor is not None and actor is not SYSTEM and actor.role is not Role.ADMIN:
            raise PermissionDenied("只有系统管理员可以管理用户。", "Only an administrator may manage users.")
        if args.action == "list":
            assert actor is not None
            with database.read() as s:
                for u in users.list_users(s, actor):
                    state = "active" if u.active else "inactive"
                    print(f"{u.id}\t{u.username}\t{u.display_name}\t{u.role.value}\t{state}")
            return 0
        if not args.username:
            raise ValidationError("请给出用户名。", "Give a user name.", field="username")
        password = _new_password()
        if args.action == "create":
            with database.write() as s:
                if first_admin:
                    created = auth.create_initial_admin(
                        s, args.username, args.name or args.username, password
                    )
                    print(f"created administrator {created.username}")
                    return 0
                assert actor is not None
                info = users.create_user(
                    s,
                    actor,
                    args.username,
                    args.name or args.username,
                    args.role,
                    password,
                    district=args.district,
                )
            print(f"created {info.role.value} {info.username} (must change the password at first log-in)")
            return 0
        assert actor is not None
        with database.write() as s:
            found = queries.user_named(s, args.username)
            if found is None:
                raise ValidationError("用户不存在。", "No such user.", field="username")
            users.reset_password(s, actor, found.id, password)
        print(f"password of {args.username} reset (must be changed at next log-in)")
        return 0
    finally:
        database.dispose()
