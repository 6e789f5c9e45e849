"""``casemgr user create|list|reset-password``: user administration from the command line.

For the first administrator on a PC without a screen session, and for the day the only
administrator forgot the password: whoever can write the database file is trusted here,
as they could replace the file anyway. Passwords are read from the terminal, never from
the command line (which other users can see in the process list).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from casemgr import auth, db, queries
from casemgr.actor import SYSTEM
from casemgr.enums import Role
from casemgr.errors import ValidationError
from casemgr.services import users


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("user", help="users: create (admin or any role), list, reset a password")
    p.add_argument("action", choices=["create", "list", "reset-password"])
    p.add_argument("username", nargs="?")
    p.add_argument("--name", help="display name")
    p.add_argument("--role", choices=[r.value for r in Role], default=Role.ADMIN.value)
    p.add_argument("--district")
    p.set_defaults(func=run)


def _read_password() -> str:
    env = os.environ.get("CASEMGR_NEW_PASSWORD")  # for scripted installs and tests
    if env:
        return env
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password / 密码: ")
    if getpass.getpass("Again / 再次输入: ") != first:
        raise ValidationError("两次输入的密码不一致。", "The two passwords differ.", field="password")
    return first


def run(args: argparse.Namespace) -> int:
    database = db.open_database(db.resolve_url(args.db))
    try:
        if args.action == "list":
            with database.read() as s:
                for u in users.list_users(s, SYSTEM):
                    state = "active" if u.active else "inactive"
                    print(f"{u.id}\t{u.username}\t{u.display_name}\t{u.role.value}\t{state}")
            return 0
        if not args.username:
            raise ValidationError("请给出用户名。", "Give a user name.", field="username")
        password = _read_password()
        if args.action == "create":
            with database.write() as s:
                if args.role == Role.ADMIN.value and auth.needs_setup(s):
                    actor = auth.create_initial_admin(s, args.username, args.name or args.username, password)
                    print(f"created administrator {actor.username}")
                    return 0
                info = users.create_user(
                    s,
                    SYSTEM,
                    args.username,
                    args.name or args.username,
                    args.role,
                    password,
                    district=args.district,
                )
            print(f"created {info.role.value} {info.username} (must change the password at first log-in)")
            return 0
        with database.write() as s:
            found = queries.user_named(s, args.username)
            if found is None:
                raise ValidationError("用户不存在。", "No such user.", field="username")
            users.reset_password(s, SYSTEM, found.id, password)
        print(f"password of {args.username} reset (must be changed at next log-in)")
        return 0
    finally:
        database.dispose()
