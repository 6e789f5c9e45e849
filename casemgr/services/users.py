"""User administration: administrators only, every change audited.

A password set by an administrator is known to two people, so the user must replace it
at the next log-in (``must_change_password``). A user is never deleted — the audit trail
and the cases name them — only deactivated; and the last active administrator cannot be
deactivated or demoted, or nobody could manage users any more.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casemgr import audit, auth, permissions, pgroles, validation
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.errors import NotFoundError, ValidationError
from casemgr.models import User
from casemgr.snapshots import user_snapshot


@dataclass(frozen=True)
class UserInfo:
    """What the user list shows: never the hash."""

    id: int
    username: str
    display_name: str
    role: Role
    district: str | None
    active: bool
    must_change_password: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None


def info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        district=user.district,
        active=bool(user.active),
        must_change_password=bool(user.must_change_password),
        locked_until=user.locked_until,
        last_login_at=user.last_login_at,
    )


def _clean_role(value: object) -> Role:
    try:
        return Role(value)  # type: ignore[arg-type]
    except ValueError:
        raise validation.fail("role", "不是有效的角色", "is not a valid role") from None


def _clean_district(value: object) -> str | None:
    return validation.clean_district(value)


def _get(session: Session, user_id: int) -> User:
    user = session.get(User, user_id) if validation.is_valid_id(user_id) else None
    if user is None:
        raise NotFoundError("用户不存在。", "No such user.")
    return user


def _audit(session: Session, actor: Actor, action: str, user: User, before: dict[str, object] | None) -> None:
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity="user",
        entity_id=user.id,
        before=before,
        after=user_snapshot(user),
    )


def _active_admins(session: Session) -> int:
    return int(
        session.execute(
            select(func.count()).select_from(User).where(User.role == Role.ADMIN.value, User.active.is_(True))
        ).scalar_one()
    )


def no_admin_yet(session: Session) -> bool:
    """No administrator at all, active or not: only then may the first one be created without a log-in."""
    return not session.execute(
        select(func.count()).select_from(User).where(User.role == Role.ADMIN.value)
    ).scalar_one()


def list_users(session: Session, actor: Actor, *, include_inactive: bool = True) -> list[UserInfo]:
    permissions.require(actor, "users.manage")
    q = select(User).order_by(User.username)
    if not include_inactive:
        q = q.where(User.active.is_(True))
    return [info(u) for u in session.execute(q).scalars()]


def create_user(
    session: Session,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role | str,
    password: str,
    *,
    district: str | None = None,
    must_change: bool = True,
) -> UserInfo:
    """Create a user with a temporary password they must change at first log-in.

    ``must_change=False`` only for the demo database's published accounts (casemgr.demo):
    a forced change there would only hide the password the README gives.
    """
    permissions.require(actor, "users.manage")
    name = auth.clean_username(username)
    shown = validation.clean_text(display_name, "display_name", max_len=64)
    r = _clean_role(role)
    d = _clean_district(district)
    auth.check_password_strength(password, username=name)
    if session.execute(select(User.id).where(func.lower(User.username) == name.lower())).first():
        raise ValidationError("用户名：已被使用", "user name: is already taken", field="username")
    user = User(
        username=name,
        display_name=shown or name,
        role=r.value,
        district=d,
        password_hash=auth.hash_password(password),
        must_change_password=must_change,
        failed_logins=0,
        active=True,
    )
    session.add(user)
    session.flush()
    pgroles.set_password(session, user.id, password)  # their PostgreSQL login, where there is one
    _audit(session, actor, "user.create", user, None)
    return info(user)


def set_role(session: Session, actor: Actor, user_id: int, role: Role | str) -> UserInfo:
    permissions.require(actor, "users.manage")
    user = _get(session, user_id)
    r = _clean_role(role)
    if r.value == user.role:
        return info(user)
    if user.role == Role.ADMIN.value and user.active and _active_admins(session) <= 1:
        raise validation.fail(
            "role", "不能撤销最后一名管理员的管理员角色", "cannot demote the last active administrator"
        )
    before = user_snapshot(user)
    user.role = r.value
    session.flush()
    _audit(session, actor, "user.set_role", user, before)
    return info(user)


def set_district(session: Session, actor: Actor, user_id: int, district: str | None) -> UserInfo:
    permissions.require(actor, "users.manage")
    user = _get(session, user_id)
    before = user_snapshot(user)
    user.district = _clean_district(district)
    session.flush()
    _audit(session, actor, "user.set_district", user, before)
    return info(user)


def reset_password(session: Session, actor: Actor, user_id: int, temporary_password: str) -> UserInfo:
    """Set a temporary password, unlock the account; the user must change it at log-in."""
    permissions.require(actor, "users.manage")
    user = _get(session, user_id)
    auth.check_password_strength(temporary_password, username=user.username)
    before = user_snapshot(user)
    user.password_hash = auth.hash_password(temporary_password)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    pgroles.set_password(session, user.id, temporary_password)
    _audit(session, actor, "user.reset_password", user, before)
    return info(user)


def unlock(session: Session, actor: Actor, user_id: int) -> UserInfo:
    permissions.require(actor, "users.manage")
    user = _get(session, user_id)
    before = user_snapshot(user)
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    _audit(session, actor, "user.unlock", user, before)
    return info(user)


def deactivate(session: Session, actor: Actor, user_id: int) -> UserInfo:
    permissions.require(actor, "users.manage")
    user = _get(session, user_id)
    if not user.active:
        return info(user)
    if user.id == actor.user_id:
        raise validation.fail("user", "不能停用自己的账户", "you cannot deactivate your own account")
    if user.role == Role.ADMIN.value and _active_admins(session) <= 1:
        raise validation.fail(
            "user", "不能停用最后一名管理员", "cannot deactivate the last active administrator"
        )
    before = user_snapshot(user)
    user.active = False
    session.flush()
    _audit(session, actor, "user.deactivate", user, before)
    return info(user)


def reactivate(session: Session, actor: Actor, user_id: int) -> UserInfo:
    permissions.require(actor, "users.manage")
    user = _get(session, user_id)
    if user.active:
        return info(user)
    before = user_snapshot(user)
    user.active = True
    session.flush()
    _audit(session, actor, "user.reactivate", user, before)
    return info(user)
