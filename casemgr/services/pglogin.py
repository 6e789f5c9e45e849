"""Logging in to PostgreSQL as the user's own login role (see casemgr.pgroles)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from casemgr import audit, auth, db, errors
from casemgr.models import User
from casemgr.pgroles.names import BAD_LOGIN, login_role, namespace_of, server_url
from casemgr.pgroles.session import CREDENTIALS, Credentials


def connect(url: str, username: str, password: str) -> db.Database:
    """Open the database as the user's own login role; a refused log-in is an AuthError.

    The password stays in this process's memory (the pool opens more connections with it)
    and is never written anywhere. The schema is not upgraded: that is the owner's job.
    """
    ns = namespace_of(url)
    name = username.strip() if isinstance(username, str) else ""
    try:
        auth.clean_username(name)
    except errors.ValidationError:
        raise errors.AuthError(*BAD_LOGIN, code="login_failed") from None
    role = login_role(ns, name)
    server = server_url(url).set(username=role, password=None)
    engine = db.make_engine(server.render_as_string(hide_password=False))
    creds = Credentials(password if isinstance(password, str) else "")

    @event.listens_for(engine, "do_connect")
    def _password(_dialect: Any, _rec: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        cparams["password"] = creds.password

    CREDENTIALS[engine] = creds
    try:
        rev = db.current_revision(engine)
    except DBAPIError as exc:
        engine.dispose()
        message = str(getattr(exc, "orig", exc)).lower()
        if (
            "authentication failed" in message
            or "not permitted to log in" in message
            or "does not exist" in message
        ):
            raise errors.AuthError(*BAD_LOGIN, code="login_failed") from None
        raise errors.DatabaseError(
            f"无法连接数据库：{exc.orig}", f"Cannot connect to the database: {exc.orig}"
        ) from exc
    if rev != db.head_revision():
        engine.dispose()
        if rev is not None and rev not in db.known_revisions():
            raise errors.DatabaseError(
                "该数据库由更新版本的程序创建，请升级本程序。",
                "This database was created by a newer version of casemgr; upgrade the program.",
                code="db_too_new",
            )
        raise errors.DatabaseError(
            "数据库需要升级：请系统管理员以所有者身份运行 casemgr db upgrade --owner-url。",
            "The database needs an upgrade: the administrator runs casemgr db upgrade --owner-url as the owner.",
            code="db_old",
        )
    return db.database_from_engine(server.render_as_string(hide_password=True), engine)


def login(session: Session) -> tuple[Any, bool]:
    """After :func:`connect`: who this login role is, recorded as a log-in. The server has
    checked the password; a deactivated or unknown user gets the same message as a wrong
    password. Returns the actor and whether the password must be changed now."""
    uid = session.execute(text("SELECT public.casemgr_record_login()")).scalar()
    if uid is None:
        raise errors.AuthError(*BAD_LOGIN, code="login_failed")
    user = session.get(User, uid)
    assert user is not None
    audit.record(
        session,
        user_id=user.id,
        username=user.username,
        action="auth.login",
        entity="user",
        entity_id=user.id,
    )
    return auth.actor_for(user), bool(user.must_change_password)
