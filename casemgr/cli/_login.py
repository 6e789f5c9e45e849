"""The command line's log-in: every command that writes, exports or manages users runs as a user.

Why one module: the rules must not differ between commands (issue 13 finding 4: ``month
close`` ignored ``CASEMGR_PASSWORD``, no command honoured "must change password", and
without a terminal ``getpass`` died with an ``EOFError`` traceback).

* The password comes from the terminal, or from the environment variable
  ``CASEMGR_PASSWORD`` for scripted use (a cron job, an installer), or — without a terminal —
  as the first line of standard input (``getpass`` always did that; installers pipe it).
  Never from the command line, which other users of the PC can read in the process list.
* Without any of these (a closed or empty standard input) the command stops with a message
  that says how to give the password, never an ``EOFError`` traceback.
* A user who must change their password (a new account, a reset) is asked for a new one
  when there is a terminal; otherwise the command is refused with a message saying how to
  change it. The check and the change are the app's own (:mod:`casemgr.auth`).
* On PostgreSQL with one login role per user (a URL without a user name) the password opens
  the user's own connection (:mod:`casemgr.services.pglogin`); elsewhere it is checked by
  :func:`casemgr.auth.authenticate` (audited, counted towards the lock-out).
"""

from __future__ import annotations

import getpass
import os
import sys

from casemgr import auth, db, pgroles
from casemgr.actor import Actor
from casemgr.errors import AuthError, ValidationError
from casemgr.services import pglogin

ENV_PASSWORD = "CASEMGR_PASSWORD"

#: The ``--help`` text of every command that logs in (argparse ``epilog``).
PASSWORD_HELP = (
    "Log-in: --user NAME; the password is asked on the terminal, or read from the environment "
    "variable CASEMGR_PASSWORD for scripted use (or, without a terminal, from the first line of "
    "standard input; never give it on the command line). A user who "
    "must change their password is asked for a new one on a terminal. "
    "登录：--user 用户名；密码在终端输入，脚本使用时可由环境变量 CASEMGR_PASSWORD 提供。"
)

USER_HELP = "the user name to log in as (password: terminal or CASEMGR_PASSWORD)"


def is_terminal() -> bool:
    """Someone can type: standard input is a terminal (tests replace this)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def login_required(what_zh: str = "此命令", what_en: str = "This command") -> AuthError:
    return AuthError(
        f"{what_zh}需要登录：请用 --user 指定用户名（密码在终端输入，或由环境变量 {ENV_PASSWORD} 提供）。",
        f"{what_en}: a log-in is required. Give --user NAME (the password is asked on the terminal "
        f"or read from {ENV_PASSWORD}).",
        code="login_required",
    )


def _no_terminal() -> AuthError:
    return AuthError(
        f"没有终端可输入密码：请在终端中运行，或在脚本中设置环境变量 {ENV_PASSWORD}。",
        f"No terminal to type the password on: run this in a terminal, or set {ENV_PASSWORD} for scripted use.",
        code="no_terminal",
    )


def _ask(prompt: str) -> str:
    if not is_terminal():
        raise _no_terminal()
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise _no_terminal() from None


def read_password(prompt: str = "密码 / password: ") -> str:
    """The user's password: ``CASEMGR_PASSWORD`` if set, else typed on the terminal, else a piped line."""
    env = os.environ.get(ENV_PASSWORD)
    if env is not None:
        return env
    if is_terminal():
        return _ask(prompt)
    try:
        line = sys.stdin.readline() if sys.stdin is not None else ""
    except (OSError, ValueError):  # closed, or not readable here
        line = ""
    if not line:
        raise _no_terminal()
    return line.rstrip("\r\n")


def must_change_refused() -> AuthError:
    return AuthError(
        "必须先修改密码才能继续。请在终端中运行本命令（会提示设置新密码），或登录桌面程序修改密码。",
        "Your password must be changed before you can go on. Run this command in a terminal "
        "(it asks for a new password), or log in to the desktop program and change it there.",
        code="must_change_password",
    )


def change_password_now(database: db.Database, actor: Actor, old: str) -> None:
    """The forced change on the terminal, checked and audited by :func:`casemgr.auth.change_password`."""
    if not is_terminal():
        raise must_change_refused()
    print("必须修改密码后才能继续 / you must change your password first", file=sys.stderr)
    new = _ask("新密码 / new password: ")
    if _ask("再次输入 / again: ") != new:
        raise ValidationError("两次输入的密码不一致。", "The two passwords differ.", field="password")
    with database.write() as s:
        auth.change_password(s, actor, old, new)
    print("密码已修改 / password changed", file=sys.stderr)


def log_in(database: db.Database, username: str | None, password: str | None = None) -> Actor:
    """Log in to a database already opened (SQLite, or a PostgreSQL URL with a user name).

    The password is read here unless given; "must change password" is honoured.
    """
    if not username:
        raise login_required()
    if password is None:
        password = read_password()
    with database.write() as s:
        actor = auth.authenticate(s, username, password)
        must = auth.must_change_password(s, actor)
    if must:
        change_password_now(database, actor, password)
    return actor


def open_as(db_arg: str | None, username: str | None) -> tuple[db.Database, Actor]:
    """Open the database and log in; the caller disposes of the database.

    Raises :class:`AuthError` for a missing ``--user``, a refused log-in or a password that
    must be changed where nobody can type a new one.
    """
    if not username:
        raise login_required()
    url = db.resolve_url(db_arg)
    if not pgroles.needs_login(url):
        database = db.open_database(url)  # an unusable --db is said before a password is asked
        try:
            return database, log_in(database, username)
        except BaseException:
            database.dispose()
            raise
    password = read_password()
    database = pglogin.connect(url, username, password)
    try:
        with database.write() as s:
            actor, must = pglogin.login(s)
        if must:
            change_password_now(database, actor, password)
    except BaseException:
        database.dispose()
        raise
    return database, actor
