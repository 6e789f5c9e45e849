"""Log-in, first-start set-up and passwords.

Why it looks like this:

* Passwords are hashed with ``hashlib.scrypt`` (memory-hard, in the standard library, so
  no compiled dependency on office PCs). The hash string carries its own parameters and
  salt (``scrypt$n$r$p$salt$hash``), so the cost can be raised later without breaking
  stored hashes: :func:`verify_password` reads them back from the string.
* There is no default password anywhere: the first administrator is created by the
  set-up dialog (:func:`create_initial_admin`), which refuses once an administrator exists.
* A failed log-in must be remembered even though the call then fails. The caller runs us
  inside ``Database.write()``, which rolls back on the exception, so the failure (counter,
  lock, audit entry) is *committed* before the :class:`AuthError` is raised.
* Every wrong password and every unknown user name gets the same message, so the dialog
  cannot be used to find out which user names exist; the audit trail records which it was.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
import re
import unicodedata

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casemgr import audit, clock, pgroles, settings, validation
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.errors import AuthError, ValidationError
from casemgr.models import User, utcnow
from casemgr.snapshots import user_snapshot

#: scrypt cost: 2**15 * 8 * 128 bytes = 32 MiB of memory per guess.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
_SALT_BYTES = 16
_DKLEN = 32

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
_USERNAME_RE = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$")

#: Obvious choices refused whatever their length (compared case-insensitively).
COMMON_PASSWORDS = frozenset(
    {
        "password",
        "password1",
        "password123",
        "passw0rd",
        "1234567890",
        "12345678910",
        "123456789a",
        "qwertyuiop",
        "1qaz2wsx3edc",
        "1q2w3e4r5t",
        "a123456789",
        "abc1234567",
        "abcd123456",
        "admin12345",
        "admin123456",
        "administrator",
        "iloveyou123",
        "woaini1314",
        "casemgr123",
        "changeme123",
        "welcome123",
        "p@ssw0rd123",
        "qwerty12345",
    }
)


_LABELS: dict[str, tuple[str, str]] = {
    "password": ("密码", "password"),
    "old_password": ("原密码", "old password"),
    "username": ("用户名", "user name"),
    "display_name": ("显示名称", "display name"),
}


# clean_text names the field through validation's labels; teach it ours.
for _k, _v in _LABELS.items():
    validation.FIELD_LABELS.setdefault(_k, _v)


def _fail(field: str, zh_problem: str, en_problem: str) -> ValidationError:
    zh, en = _LABELS.get(field, (field, field))
    return ValidationError(f"{zh}：{zh_problem}", f"{en}: {en_problem}", field=field)


# --------------------------------------------------------------------------- hashing


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_DKLEN, maxmem=256 * 1024 * 1024
    )


def hash_password(password: str) -> str:
    salt = os.urandom(_SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str | None) -> bool:
    """Constant-time check; a malformed or missing hash never matches."""
    if not stored or not isinstance(password, str):
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expect = base64.b64decode(digest)
        got = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expect, got)


def needs_rehash(stored: str) -> bool:
    return not stored.startswith(f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}$")


_DUMMY_HASH: str | None = None


def _burn_time(password: str) -> None:
    """Spend the time of a real check, so an unknown user name answers as slowly as a known one."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("dummy-password-never-used")
    verify_password(password, _DUMMY_HASH)


# --------------------------------------------------------------------------- strength


def _classes(pw: str) -> int:
    lower = any(c.islower() for c in pw)
    upper = any(c.isupper() for c in pw)
    digit = any(c.isdigit() for c in pw)
    other = any(not c.isalnum() for c in pw) or any(ord(c) > 0x2E7F for c in pw)
    return lower + upper + digit + other


def check_password_strength(pw: object, *, username: str | None = None) -> None:
    """At least 10 characters of at least two kinds (letters, digits, symbols), not a common one.

    A long pass-phrase is fine; what we refuse is short, single-kind, common, or the user
    name itself, the guesses an attacker tries first.
    """
    field = "password"
    if not isinstance(pw, str) or not pw:
        raise _fail(field, "不能为空", "is required")
    if any(unicodedata.category(c) == "Cc" for c in pw):
        raise _fail(field, "不能包含控制字符", "must not contain control characters")
    if len(pw) < MIN_PASSWORD_LENGTH:
        raise _fail(
            field,
            f"至少需要 {MIN_PASSWORD_LENGTH} 个字符",
            f"must be at least {MIN_PASSWORD_LENGTH} characters long",
        )
    if len(pw) > MAX_PASSWORD_LENGTH:
        raise _fail(
            field,
            f"不能超过 {MAX_PASSWORD_LENGTH} 个字符",
            f"must be at most {MAX_PASSWORD_LENGTH} characters",
        )
    if len(set(pw)) < 4:
        raise _fail(field, "重复字符过多", "repeats too few different characters")
    if _classes(pw) < 2:
        raise _fail(
            field,
            "需要包含字母、数字、符号中的至少两类",
            "must mix at least two of: letters, digits, symbols",
        )
    low = pw.lower()
    if low in COMMON_PASSWORDS:
        raise _fail(field, "过于常见，请换一个", "is too common; choose another")
    if username and username.lower() in low:
        raise _fail(field, "不能包含用户名", "must not contain the user name")


# --------------------------------------------------------------------------- users


def clean_username(value: object) -> str:
    name = validation.clean_text(value, "username", max_len=32)
    assert name is not None
    if not _USERNAME_RE.match(name):
        raise _fail(
            "username",
            "只能使用 2–32 个字母、数字、汉字或 _ . -",
            "may contain only 2–32 letters, digits, Chinese characters or _ . -",
        )
    return name


def actor_for(user: User) -> Actor:
    return Actor(user_id=user.id, username=user.username, role=Role(user.role), district=user.district)


def _user_by_name(session: Session, username: str) -> User | None:
    return session.execute(
        select(User).where(func.lower(User.username) == username.strip().lower())
    ).scalar_one_or_none()


def needs_setup(session: Session) -> bool:
    """True until an active administrator with a password exists (first start)."""
    has_password = (
        User.db_role.is_not(None)  # PostgreSQL logins: the server holds it, nobody may read the hash
        if pgroles.enforced(session)
        else User.password_hash.is_not(None)
    )
    n = session.execute(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.ADMIN.value, User.active.is_(True), has_password)
    ).scalar_one()
    return n == 0


def create_initial_admin(session: Session, username: str, display_name: str, password: str) -> Actor:
    """The set-up dialog's one call: only possible while :func:`needs_setup` is true."""
    if not needs_setup(session):
        raise AuthError(
            "系统已经有管理员，不能再次初始化。",
            "An administrator already exists; set-up cannot run again.",
            code="setup_done",
        )
    name = clean_username(username)
    shown = validation.clean_text(display_name, "display_name", max_len=64)
    check_password_strength(password, username=name)
    if _user_by_name(session, name) is not None:
        raise _fail("username", "已被使用", "is already taken")
    user = User(
        username=name,
        display_name=shown or name,
        role=Role.ADMIN.value,
        password_hash=hash_password(password),
        must_change_password=False,
        failed_logins=0,
        active=True,
    )
    session.add(user)
    session.flush()
    pgroles.set_password(session, user.id, password)  # their PostgreSQL login, where there is one
    actor = actor_for(user)
    audit.record(
        session,
        user_id=user.id,
        username=user.username,
        action="user.setup_admin",
        entity="user",
        entity_id=user.id,
        after=user_snapshot(user),
    )
    return actor


_BAD_LOGIN = ("用户名或密码错误。", "Wrong user name or password.")


def _fail_and_commit(
    session: Session,
    user: User | None,
    username: str,
    reason: str,
    now: dt.datetime,
    zh: str,
    en: str,
    code: str = "login_failed",
) -> AuthError:
    """Record the failure and commit it, so the caller's rollback does not erase it."""
    after: dict[str, object] = {"reason": reason}
    if user is not None and reason == "password":
        user.failed_logins = (user.failed_logins or 0) + 1
        after["failed_logins"] = user.failed_logins
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            after["locked_until"] = user.locked_until
        session.flush()
    audit.record(
        session,
        user_id=user.id if user is not None else None,
        username=user.username if user is not None else username[:64],
        action="auth.login_failed",
        entity="user",
        entity_id=user.id if user is not None else None,
        after=after,
    )
    session.commit()
    return AuthError(zh, en, code=code)


def authenticate(session: Session, username: str, password: str, *, now: dt.datetime | None = None) -> Actor:
    """Check a log-in; audit it either way; lock the account after repeated failures."""
    now = now or utcnow()
    name = username.strip() if isinstance(username, str) else ""
    if not isinstance(password, str):
        password = ""
    # No user name holds control characters (users.create_user refuses them); PostgreSQL
    # would refuse a NUL in the look-up itself. The attempt is audited with them made visible.
    if validation.has_control_chars(name):
        name = validation.show_control_chars(name)
        user = None
    else:
        user = _user_by_name(session, name) if name else None
    if user is None or not user.active or not user.password_hash:
        _burn_time(password)
        reason = "unknown_user" if user is None else ("inactive" if not user.active else "no_password")
        raise _fail_and_commit(session, user, name, reason, now, *_BAD_LOGIN)
    if user.locked_until is not None and user.locked_until > now:
        local = clock.local(user.locked_until).strftime("%H:%M")
        raise _fail_and_commit(
            session,
            user,
            name,
            "locked",
            now,
            f"登录失败次数过多，账户已锁定至 {local}。",
            f"Too many failed log-ins; the account is locked until {local}.",
            code="locked",
        )
    if not verify_password(password, user.password_hash):
        err = _fail_and_commit(session, user, name, "password", now, *_BAD_LOGIN)
        if user.locked_until is not None and user.locked_until > now:
            local = clock.local(user.locked_until).strftime("%H:%M")
            err = AuthError(
                f"用户名或密码错误。连续失败 {MAX_FAILED_LOGINS} 次，账户已锁定至 {local}。",
                f"Wrong user name or password. After {MAX_FAILED_LOGINS} failures the account is locked until {local}.",
                code="locked",
            )
        raise err
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.flush()
    audit.record(
        session,
        user_id=user.id,
        username=user.username,
        action="auth.login",
        entity="user",
        entity_id=user.id,
    )
    return actor_for(user)


def must_change_password(session: Session, actor: Actor) -> bool:
    user = session.get(User, actor.user_id) if actor.user_id is not None else None
    return bool(user is not None and user.must_change_password)


def change_password(session: Session, actor: Actor, old: str, new: str) -> None:
    """The user's own change: needs the old password (the idle-locked screen must not allow it)."""
    user = session.get(User, actor.user_id) if actor.user_id is not None else None
    if user is None or not user.active:
        raise AuthError("用户不存在或已停用。", "No such active user.")
    own_login = pgroles.is_login_role(session)  # PostgreSQL: the server holds the password
    if not (
        pgroles.verify_own_password(session, old) if own_login else verify_password(old, user.password_hash)
    ):
        raise _fail("old_password", "不正确", "is wrong")
    check_password_strength(new, username=user.username)
    if new == old:
        raise _fail("password", "不能与原密码相同", "must differ from the old password")
    if own_login:
        pgroles.set_own_password(session, new, hash_password(new))
        session.expire(user)
    else:
        user.password_hash = hash_password(new)
        user.must_change_password = False
        session.flush()
    audit.record(
        session,
        user_id=user.id,
        username=user.username,
        action="auth.change_password",
        entity="user",
        entity_id=user.id,
    )


def idle_lock_minutes(session: Session, on: dt.date | None = None) -> int:
    """Minutes without input before the app locks (setting ``idle_lock_minutes``; 0 = never)."""
    try:
        value = int(settings.get(session, "idle_lock_minutes", on))
    except (KeyError, TypeError, ValueError):
        return 15
    return max(0, value)


__all__ = [
    "AuthError",
    "ValidationError",
    "actor_for",
    "authenticate",
    "change_password",
    "check_password_strength",
    "create_initial_admin",
    "hash_password",
    "idle_lock_minutes",
    "must_change_password",
    "needs_setup",
    "verify_password",
]
