"""Log-in, first-start set-up and passwords.

Why it looks like this:

* Passwords are hashed with **argon2id** (argon2-cffi) at RFC 9106's low-memory profile
  (64 MiB, 3 passes, 4 lanes), above the OWASP Password Storage Cheat Sheet's minimum
  (19 MiB, 2 passes). The hash string carries its parameters and salt, so the cost can be
  raised later: :func:`verify_password` reads them back, and a successful log-in rewrites
  any hash that is weaker than today's parameters or in the old ``scrypt$n$r$p$salt$hash``
  format (issue 13: N=2**15 was below OWASP's 2**17) — nobody has to reset a password.
* There is no default password anywhere: the first administrator is created by the
  set-up dialog (:func:`create_initial_admin`), which refuses once an administrator exists.
* A failed log-in must be remembered even though the call then fails. The caller runs us
  inside ``Database.write()``, which rolls back on the exception, so the failure (counter,
  lock, audit entry) is *committed* before the :class:`AuthError` is raised.
* Unknown user, wrong password, deactivated or **locked** account: the same message, and the
  same hashing work (a dummy hash with today's parameters where there is no real one to
  check), so neither the answer nor its time tells whether a user name exists or is locked.
  The audit trail records which it was.
* Passwords (NIST SP 800-63B, OWASP): at least 10 characters, counted as characters, not
  bytes (a Chinese pass-phrase is welcome); not one of the 10,000 most common passwords
  (``resources/passwords``, SecLists, MIT) — also not such a word with digits or symbols
  around it ("Password12") or with the usual look-alike substitutions ("p@ssw0rd").
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import hmac
import re
import string
import unicodedata
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TypeVar

from argon2 import PasswordHasher, Type
from argon2 import exceptions as argon2_errors
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from casemgr import audit, pgroles, runtime, settings, validation
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.errors import AuthError, ValidationError
from casemgr.models import User, utcnow
from casemgr.snapshots import user_snapshot

#: Today's hashing: argon2id, RFC 9106 low-memory profile (64 MiB, t=3, p=4).
PRODUCTION_HASHER = PasswordHasher(
    time_cost=3, memory_cost=64 * 1024, parallelism=4, hash_len=32, salt_len=16, type=Type.ID
)
#: The hasher in use. Only the tests swap in a cheaper one (tests/conftest.py), to keep the
#: suite fast; ``test_auth.test_production_hashing_parameters`` holds this one to OWASP.
HASHER: PasswordHasher = PRODUCTION_HASHER

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
#: From this length on no mix of letters, digits and symbols is asked (a pass-phrase).
PASSPHRASE_LENGTH = 15
_USERNAME_RE = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$")

#: Obvious local choices refused besides the shipped list (compared case-insensitively).
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


def _scrypt_verify(password: str, stored: str) -> bool:
    """The format before issue 13 (``scrypt$n$r$p$salt$hash``): still accepted, rewritten at log-in."""
    scheme, n, r, p, salt, digest = stored.split("$")
    if scheme != "scrypt":
        return False
    expect = base64.b64decode(digest)
    got = hashlib.scrypt(
        password.encode("utf-8"),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(expect),
        maxmem=256 * 1024 * 1024,
    )
    return hmac.compare_digest(expect, got)


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(password: str, stored: str | None) -> bool:
    """Constant-time check; a malformed or missing hash never matches."""
    if not stored or not isinstance(password, str):
        return False
    try:
        if stored.startswith("$argon2"):
            return HASHER.verify(stored, password)
        if stored.startswith("scrypt$"):
            return _scrypt_verify(password, stored)
    except (argon2_errors.VerificationError, argon2_errors.InvalidHashError):
        return False
    except (ValueError, TypeError):
        return False
    return False


def needs_rehash(stored: str) -> bool:
    """An old format or weaker parameters than today's: rewrite at the next successful log-in."""
    if not stored.startswith("$argon2id$"):
        return True
    try:
        return HASHER.check_needs_rehash(stored)
    except (argon2_errors.InvalidHashError, ValueError):
        return True


_DUMMY_HASHES: dict[tuple[int, int, int], str] = {}


def _burn_time(password: str) -> None:
    """Do the hashing work of a real check where there is none, so the answer takes as long."""
    key = (HASHER.time_cost, HASHER.memory_cost, HASHER.parallelism)
    dummy = _DUMMY_HASHES.get(key)
    if dummy is None:
        dummy = _DUMMY_HASHES[key] = hash_password("dummy-password-never-used")
    verify_password(password, dummy)


# --------------------------------------------------------------------------- strength


def _classes(pw: str) -> int:
    lower = any(c.islower() for c in pw)
    upper = any(c.isupper() for c in pw)
    digit = any(c.isdigit() for c in pw)
    other = any(not c.isalnum() for c in pw) or any(ord(c) > 0x2E7F for c in pw)
    return lower + upper + digit + other


@functools.cache
def common_passwords() -> frozenset[str]:
    """The 10,000 most common passwords (SecLists, resources/passwords) and our own few, lower-case."""
    path = runtime.resource_path("resources", "passwords", "10k-most-common.txt")
    words = path.read_text(encoding="utf-8").split()
    return frozenset(w.lower() for w in words) | COMMON_PASSWORDS


#: Look-alike characters people put into a common word ("p@ssw0rd").
_LOOK_ALIKES = str.maketrans(
    {"@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "$": "s", "5": "s", "7": "t"}
)
_AROUND = string.digits + string.punctuation + " "


def is_common_password(pw: str) -> bool:
    """One of the common passwords, also with digits/symbols around it or look-alike letters."""
    common = common_passwords()
    low = unicodedata.normalize("NFKC", pw).lower()
    core = low.strip(_AROUND)
    candidates = {low, core, low.rstrip(_AROUND), low.lstrip(_AROUND), low.translate(_LOOK_ALIKES)}
    candidates.add(low.translate(_LOOK_ALIKES).strip(_AROUND))
    candidates.add(low.rstrip(_AROUND).translate(_LOOK_ALIKES))
    return any(c in common for c in candidates if c)


def check_password_strength(pw: object, *, username: str | None = None) -> None:
    """At least 10 characters, not a common password, not the user name.

    Characters, not bytes: ``劳动监察大队的新密码`` has 10. Short ASCII passwords must mix at
    least two kinds (letters, digits, symbols); a pass-phrase of 15 characters or more, and
    one with Chinese characters, need not. What we refuse is what an attacker tries first:
    the common passwords (also with digits or symbols around them), few different
    characters, the user name.
    """
    field = "password"
    if not isinstance(pw, str) or not pw:
        raise _fail(field, "不能为空", "is required")
    if any(unicodedata.category(c) == "Cc" for c in pw):
        raise _fail(field, "不能包含控制字符", "must not contain control characters")
    n = len(unicodedata.normalize("NFC", pw))
    if n < MIN_PASSWORD_LENGTH:
        raise _fail(
            field,
            f"至少需要 {MIN_PASSWORD_LENGTH} 个字符",
            f"must be at least {MIN_PASSWORD_LENGTH} characters long",
        )
    if n > MAX_PASSWORD_LENGTH:
        raise _fail(
            field,
            f"不能超过 {MAX_PASSWORD_LENGTH} 个字符",
            f"must be at most {MAX_PASSWORD_LENGTH} characters",
        )
    if is_common_password(pw):
        raise _fail(
            field,
            "过于常见（在常用密码表中），请换一个",
            "is too common (on the list of common passwords); choose another",
        )
    if len(set(pw)) < 4:
        raise _fail(field, "重复字符过多", "repeats too few different characters")
    if pw.isascii() and n < PASSPHRASE_LENGTH and _classes(pw) < 2:
        raise _fail(
            field,
            f"少于 {PASSPHRASE_LENGTH} 个字符时，需要包含字母、数字、符号中的至少两类",
            f"must mix at least two of: letters, digits, symbols (or be {PASSPHRASE_LENGTH} characters or more)",
        )
    if username and username.lower() in pw.lower():
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


#: The one answer to every failed log-in (unknown, wrong, deactivated, locked): it states the
#: lock-out rule without saying whether it has struck, or for whom.
BAD_LOGIN = (
    f"用户名或密码错误。连续输错 {MAX_FAILED_LOGINS} 次后，账户将被锁定 {LOCK_MINUTES} 分钟。",
    f"Wrong user name or password. After {MAX_FAILED_LOGINS} wrong attempts an account is locked for {LOCK_MINUTES} minutes.",
)


def _fail_and_commit(
    session: Session,
    user: User | None,
    username: str,
    reason: str,
    now: dt.datetime,
    zh: str,
    en: str,
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
    return AuthError(zh, en, code="login_failed")


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
        raise _fail_and_commit(session, user, name, reason, now, *BAD_LOGIN)
    if user.locked_until is not None and user.locked_until > now:
        _burn_time(password)  # the real hash is not checked: no guess counts while locked
        raise _fail_and_commit(session, user, name, "locked", now, *BAD_LOGIN)
    if not verify_password(password, user.password_hash):
        raise _fail_and_commit(session, user, name, "password", now, *BAD_LOGIN)
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


def logout(session: Session, actor: Actor) -> None:
    """A user leaves (log out / switch user): audited like the log-in, so that the audit trail
    says who was at the desk between the two."""
    user = session.get(User, actor.user_id) if actor.user_id is not None else None
    audit.record(
        session,
        user_id=actor.user_id,
        username=user.username if user is not None else actor.username,
        action="auth.logout",
        entity="user",
        entity_id=actor.user_id,
    )


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


# --------------------------------------------------------------------------- open sessions

T = TypeVar("T")

#: Role names as docs/permissions.md gives them (casemgr has no Qt; the UI's are in ui/labels.py).
_ROLE_NAMES = {
    "admin": ("系统管理员", "administrator"),
    "supervisor": ("科长/主任", "supervisor"),
    "clerk": ("仲裁书记员", "arbitration clerk"),
    "mediator": ("调解员", "mediator"),
    "inspector": ("劳动保障监察员", "labour inspector"),
    "auditor": ("审计（只读）", "auditor (read-only)"),
}


def _session_ended(zh: str, en: str) -> AuthError:
    return AuthError(zh, en, code="session_ended")


def current_actor(session: Session, actor: Actor) -> Actor:
    """Re-read who is acting, at the start of every call an open desktop session makes.

    Why: the desktop keeps the actor it logged in with for hours; a user deactivated or
    given another role meanwhile must not go on with the old rights (issue 13 finding 4).
    A deactivated (or deleted) user's session ends. A changed role or district ends it too,
    rather than running the call with rights the window was not built for: the user logs in
    again and every screen then follows the new role. One primary-key read per call.
    On PostgreSQL with per-user logins the server already hides everything from a
    deactivated login; this is the same answer on SQLite.
    """
    if actor.user_id is None:  # the system (imports, migrations): nobody to re-read
        return actor
    row = session.execute(
        select(User.active, User.role, User.district).where(User.id == actor.user_id)
    ).one_or_none()
    if row is None or not row.active:
        raise _session_ended(
            "您的账户已被管理员停用，已退出登录。如有疑问请联系系统管理员。",
            "Your account has been deactivated by an administrator; you have been logged out. "
            "Ask your administrator if this is unexpected.",
        )
    if row.role != actor.role.value or row.district != actor.district:
        zh_role, en_role = _ROLE_NAMES.get(row.role, (row.role, row.role))
        raise _session_ended(
            f"管理员已将您的角色或所属区县改为「{zh_role}」{('（' + row.district + '）') if row.district else ''}。"
            "已退出登录：请重新登录，按新的权限办理。",
            f"An administrator has changed your role or district to {en_role}"
            f"{(' (' + row.district + ')') if row.district else ''}. You have been logged out: log in again "
            "to work with the new rights.",
        )
    return actor


def _login_refused(exc: DBAPIError) -> bool:
    """PostgreSQL refused this user's login for a new connection (deactivated: NOLOGIN)."""
    message = str(getattr(exc, "orig", exc)).lower()
    return "not permitted to log in" in message or "password authentication failed" in message


def run_as(
    open_session: Callable[[], AbstractContextManager[Session]],
    actor: Actor | None,
    fn: Callable[[Session], T],
) -> T:
    """One call of an open session: :func:`current_actor` first, then ``fn``, in one transaction.

    ``open_session`` is ``Database.write`` or ``Database.read``. The desktop's op runner
    (ui/ops.py) runs every service call and query through this, so no call of a
    deactivated or re-roled user's open session runs with the old rights; a refusal
    rolls back and changes nothing.
    """
    try:
        with open_session() as s:
            if actor is not None:
                current_actor(s, actor)
            return fn(s)
    except DBAPIError as exc:
        if actor is not None and actor.user_id is not None and _login_refused(exc):
            raise _session_ended(
                "您的账户已被管理员停用，已退出登录。如有疑问请联系系统管理员。",
                "Your account has been deactivated by an administrator; you have been logged out. "
                "Ask your administrator if this is unexpected.",
            ) from exc
        raise


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
    "current_actor",
    "hash_password",
    "idle_lock_minutes",
    "must_change_password",
    "needs_setup",
    "run_as",
    "verify_password",
]
