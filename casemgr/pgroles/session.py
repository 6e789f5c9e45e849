"""The application's side: what a connected session is, and passwords set through the server."""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from casemgr import db, errors, permissions
from casemgr.enums import CaseKind

# --------------------------------------------------------------------------- the application's side


_ENFORCED: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


class Credentials:
    """A login role's password, kept in memory only: the pool opens more connections with it."""

    def __init__(self, password: str) -> None:
        self.password = password


CREDENTIALS: weakref.WeakKeyDictionary[Engine, Credentials] = weakref.WeakKeyDictionary()


def enforced(session: Session) -> bool:
    """True on a PostgreSQL database with this layer installed (whoever is connected)."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    if engine.dialect.name != "postgresql":
        return False
    known = _ENFORCED.get(engine)
    if known is None:
        known = bool(
            session.execute(text("SELECT to_regprocedure('public.casemgr_namespace()') IS NOT NULL")).scalar()
        )
        _ENFORCED[engine] = known
    return known


def is_login_role(session: Session) -> bool:
    """The session is a casemgr user's own login role (not the owner, not a shared login)."""
    return (
        enforced(session)
        and session.execute(text("SELECT public.casemgr_uid() IS NOT NULL")).scalar() is True
    )


def is_table_owner(session: Session) -> bool:
    """Connected as the owner of the tables (the break-glass the CLI allows without a casemgr log-in)."""
    return bool(
        session.execute(
            text(
                "SELECT tableowner = session_user FROM pg_tables"
                " WHERE schemaname = 'public' AND tablename = 'users'"
            )
        ).scalar()
    )


def sweeps_at_login(session: Session, actor: Any) -> bool:
    """Whether this desktop's log-in runs the deemed-acceptance sweep (casemgr.services.
    workflow.apply_deemed_acceptances) in the system's name. Not where the user's own login
    role may not write inspection cases: the database would refuse it, and the server's
    morning ``casemgr sweep`` (run as the owner, docs/deployment.md) does it instead."""
    if not is_login_role(session):
        return True
    return permissions.allowed(actor, "case.transition", CaseKind.INSPECTION)


def _verifier(session: Session, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed here by libpq."""
    raw = session.connection().connection.dbapi_connection
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:  # pragma: no cover - psycopg 3 is the only driver we install
        raise errors.DatabaseError("需要 psycopg 3。", "psycopg 3 is required.")
    return bytes(pgconn.encrypt_password(password.encode("utf-8"), b"casemgr", b"scram-sha-256")).decode(
        "ascii"
    )


def set_password(session: Session, user_id: int, password: str) -> None:
    """The user's login password (an administrator's new user or reset), if the layer is on."""
    if not enforced(session):
        return
    session.flush()
    session.execute(
        text("SELECT public.casemgr_set_password(:u, :v)"), {"u": user_id, "v": _verifier(session, password)}
    )


def verify_own_password(session: Session, password: str) -> bool:
    """Is ``password`` the caller's login password? Asked of the server: a new connection."""
    conn = session.connection()
    role = conn.execute(text("SELECT session_user")).scalar()
    url = conn.engine.url.set(username=role, password=password)
    probe = db.make_engine(url.render_as_string(hide_password=False), poolclass=_null_pool())
    try:
        with probe.connect():
            return True
    except DBAPIError:
        return False
    finally:
        probe.dispose()


def _null_pool() -> Any:
    from sqlalchemy.pool import NullPool

    return NullPool


def set_own_password(session: Session, password: str, password_hash: str) -> None:
    """Replace the caller's password (login role and users row) in one step."""
    conn = session.connection()
    session.execute(
        text("SELECT public.casemgr_set_own_password(:h, :v)"),
        {"h": password_hash, "v": _verifier(session, password)},
    )
    creds = CREDENTIALS.get(conn.engine)
    if creds is not None:
        creds.password = password  # the pool's next connections use the new one
