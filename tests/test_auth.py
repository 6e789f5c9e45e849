"""Log-in, first-start set-up, passwords, lock-out and user administration."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from casemgr import auth, db
from casemgr.actor import Actor
from casemgr.cli import main
from casemgr.enums import Role
from casemgr.errors import AuthError, NotFoundError, PermissionDenied, ValidationError
from casemgr.models import AuditEntry, User
from casemgr.services import users
from tests.helpers import give_password

PW = "Good-pass-2026"


def _actions(database: db.Database) -> list[str]:
    with database.read() as s:
        return list(s.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars())


def _setup(database: db.Database) -> Actor:
    with database.write() as s:
        return auth.create_initial_admin(s, "admin", "管理员", PW)


def test_production_hashing_parameters(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at RFC 9106's low-memory profile: above OWASP's minimum (19 MiB, t=2, p=1)."""
    import argon2

    monkeypatch.setattr(auth, "HASHER", auth.PRODUCTION_HASHER)
    h = auth.hash_password(PW)
    params = argon2.extract_parameters(h)
    assert h.startswith("$argon2id$v=19$")
    assert params.type is argon2.Type.ID
    assert (params.memory_cost, params.time_cost, params.parallelism) == (65536, 3, 4)
    assert params.memory_cost >= 19 * 1024 and params.time_cost >= 2  # OWASP's floor
    assert params.salt_len >= 16 and params.hash_len >= 32
    assert auth.verify_password(PW, h) and not auth.verify_password(PW + "x", h)
    assert auth.hash_password(PW) != h  # salted
    assert not auth.needs_rehash(h)
    for broken in (
        None,
        "",
        "md5$x",
        "scrypt$1$2$3",
        h[:-4] + "AAAA",
        "scrypt$x$8$1$AA==$AA==",
        "$argon2id$x",
    ):
        assert not auth.verify_password(PW, broken)


def _old_scrypt_hash(password: str, n: int = 2**10) -> str:
    """A hash as the program stored it before issue 13 (``scrypt$n$r$p$salt$hash``)."""
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=8, p=1, dklen=32)
    return f"scrypt${n}$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def test_an_old_hash_logs_in_and_is_rewritten(database: db.Database) -> None:
    admin = _setup(database)
    old = _old_scrypt_hash(PW)
    with database.write() as s:
        s.get(User, admin.user_id).password_hash = old
    with database.write() as s, pytest.raises(AuthError):
        auth.authenticate(s, "admin", "Wrong-pass-2026")
    with database.read() as s:
        assert s.get(User, admin.user_id).password_hash == old  # a failed log-in rewrites nothing
    with database.write() as s:
        auth.authenticate(s, "admin", PW)
    with database.read() as s:
        new = s.get(User, admin.user_id).password_hash
    assert new.startswith("$argon2id$") and not auth.needs_rehash(new)
    with database.write() as s:
        auth.authenticate(s, "admin", PW)  # and the new hash logs in


def test_a_weaker_argon2_hash_is_rewritten_at_the_next_log_in(database: db.Database) -> None:
    admin = _setup(database)
    weak = auth.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, hash_len=16, salt_len=8).hash(PW)
    with database.write() as s:
        s.get(User, admin.user_id).password_hash = weak
    assert auth.needs_rehash(weak)
    with database.write() as s:
        auth.authenticate(s, "admin", PW)
    with database.read() as s:
        assert s.get(User, admin.user_id).password_hash != weak


def test_first_start_creates_the_admin_once(database: db.Database) -> None:
    with database.read() as s:
        assert auth.needs_setup(s)
    admin = _setup(database)
    assert admin.role is Role.ADMIN
    with database.read() as s:
        assert not auth.needs_setup(s)
        u = s.get(User, admin.user_id)
        assert u is not None and u.password_hash and PW not in u.password_hash
    with database.write() as s, pytest.raises(AuthError) as err:
        auth.create_initial_admin(s, "admin2", "第二个", PW)
    assert err.value.code == "setup_done"
    assert _actions(database) == ["user.setup_admin"]
    assert "scrypt$" not in str(_audit_after(database)) and PW not in str(_audit_after(database))


def _audit_after(database: db.Database) -> list[str | None]:
    with database.read() as s:
        return list(s.execute(select(AuditEntry.after)).scalars())


@pytest.mark.parametrize(
    ("pw", "why"),
    [
        ("", "required"),
        ("short1A", "at least 10"),
        ("aaaaaaaaaaaaaaa", "too few different"),
        ("abcdefghijkl", "two of"),
        ("Password123", "too common"),
        ("Password12", "too common"),
        ("password1234", "too common"),
        ("P@ssw0rd2026", "too common"),
        ("basketball!!", "too common"),
        ("1234567890", "too common"),
        ("qwertyuiop", "too common"),
        ("劳动监察大队的密码", "at least 10"),  # 9 characters (27 bytes)
        ("admin-2026-xyz", "user name"),
        ("tab\there-2026", "control"),
        ("x1" * 200, "at most"),
    ],
)
def test_weak_passwords_are_refused(database: db.Database, pw: str, why: str) -> None:
    with database.write() as s, pytest.raises(ValidationError) as err:
        auth.create_initial_admin(s, "admin", "管理员", pw)
    assert err.value.field == "password" and why in err.value.en
    with database.read() as s:
        assert auth.needs_setup(s)  # nothing written


@pytest.mark.parametrize(
    "pw",
    [
        "correct horse battery staple",
        "劳动监察2026年度",
        "Zq7-longer-pass",
        "劳动监察大队的新密码",  # 10 Chinese characters: a pass-phrase, counted in characters
        "我们一起去汕尾看海吧",
        "amber lantern orchard",
    ],
)
def test_strong_passwords_pass(pw: str) -> None:
    auth.check_password_strength(pw)


def test_login_success_failure_and_lockout(database: db.Database) -> None:
    _setup(database)
    t0 = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)
    with database.write() as s:
        assert auth.authenticate(s, " Admin ", PW, now=t0).username == "admin"
    for i in range(auth.MAX_FAILED_LOGINS):
        with database.write() as s, pytest.raises(AuthError) as err:
            auth.authenticate(s, "admin", "wrong-pass-1", now=t0 + dt.timedelta(minutes=i))
    assert (err.value.zh, err.value.en) == auth.BAD_LOGIN  # the lock is not announced
    # Locked: even the right password is refused until 15 minutes after the 5th failure.
    locked_at = t0 + dt.timedelta(minutes=auth.MAX_FAILED_LOGINS - 1)
    with database.write() as s, pytest.raises(AuthError) as err:
        auth.authenticate(s, "admin", PW, now=locked_at + dt.timedelta(minutes=14, seconds=59))
    assert (err.value.zh, err.value.en, err.value.code) == (*auth.BAD_LOGIN, "login_failed")
    with database.write() as s:
        auth.authenticate(s, "admin", PW, now=locked_at + dt.timedelta(minutes=15, seconds=1))
    with database.read() as s:
        u = s.execute(select(User).where(User.username == "admin")).scalar_one()
        assert u.failed_logins == 0 and u.locked_until is None
    acts = _actions(database)
    assert acts.count("auth.login") == 2 and acts.count("auth.login_failed") == 6


class CountingHasher(auth.PasswordHasher):
    """The tests' hasher, counting the hashing work each log-in does."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1, hash_len=32, salt_len=16)
        self.verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verified += 1
        return super().verify(hash, password)


def test_unknown_wrong_deactivated_and_locked_look_the_same(
    database: db.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same message, same code, one full hash check each: nothing tells which it was (finding 7)."""
    admin = _setup(database)
    t0 = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)
    with database.write() as s:
        users.create_user(s, admin, "locked1", "被锁定", Role.CLERK.value, PW)
        users.create_user(s, admin, "gone1", "已停用", Role.CLERK.value, PW)
    with database.write() as s:
        gone = s.execute(select(User).where(User.username == "gone1")).scalar_one()
        gone.active = False
        locked = s.execute(select(User).where(User.username == "locked1")).scalar_one()
        locked.locked_until = t0 + dt.timedelta(minutes=10)
    hasher = CountingHasher()
    monkeypatch.setattr(auth, "HASHER", hasher)
    answers = {}
    for case, name, pw in (
        ("unknown", "nobody", PW),
        ("wrong", "admin", "Wrong-pass-2026"),
        ("deactivated", "gone1", PW),
        ("locked, right password", "locked1", PW),
        ("locked, wrong password", "locked1", "Wrong-pass-2026"),
    ):
        before = hasher.verified
        with database.write() as s, pytest.raises(AuthError) as err:
            auth.authenticate(s, name, pw, now=t0)
        answers[case] = (err.value.zh, err.value.en, err.value.code)
        assert hasher.verified == before + 1, f"{case}: no hashing work done"
    assert set(answers.values()) == {(*auth.BAD_LOGIN, "login_failed")}, answers
    with database.read() as s:
        rows = s.execute(select(AuditEntry).where(AuditEntry.action == "auth.login_failed")).scalars().all()
        assert [(r.username, r.after) for r in rows] == [
            ("nobody", '{"reason":"unknown_user"}'),
            ("admin", '{"failed_logins":1,"reason":"password"}'),
            ("gone1", '{"reason":"inactive"}'),
            ("locked1", '{"reason":"locked"}'),
            ("locked1", '{"reason":"locked"}'),
        ]


@pytest.mark.parametrize("bad", [None, 12, b"admin", "", " ", "\x00admin"])
def test_hostile_login_values_are_refused_cleanly(database: db.Database, bad: object) -> None:
    _setup(database)
    with database.write() as s, pytest.raises(AuthError):
        auth.authenticate(s, bad, bad)  # type: ignore[arg-type]


def test_admin_set_password_must_be_changed(database: db.Database) -> None:
    admin = _setup(database)
    with database.write() as s:
        info = users.create_user(
            s, admin, "li.clerk", "李书记员", Role.CLERK, "Temp-pass-2026", district="城区"
        )
    assert info.must_change_password
    with database.write() as s:
        clerk = auth.authenticate(s, "li.clerk", "Temp-pass-2026")
        assert auth.must_change_password(s, clerk)
    with database.write() as s, pytest.raises(ValidationError) as err:
        auth.change_password(s, clerk, "not-the-old-1", "Mine-own-2026")
    assert err.value.field == "old_password"
    with database.write() as s, pytest.raises(ValidationError):
        auth.change_password(s, clerk, "Temp-pass-2026", "Temp-pass-2026")
    with database.write() as s:
        auth.change_password(s, clerk, "Temp-pass-2026", "Mine-own-2026")
        assert not auth.must_change_password(s, clerk)
    with database.write() as s:
        auth.authenticate(s, "li.clerk", "Mine-own-2026")
    # the administrator resets it: temporary again, account unlocked
    with database.write() as s:
        users.reset_password(s, admin, clerk.user_id, "Reset-pass-2026")  # type: ignore[arg-type]
    with database.write() as s:
        assert auth.must_change_password(s, auth.authenticate(s, "li.clerk", "Reset-pass-2026"))


def test_user_administration_rules(database: db.Database) -> None:
    admin = _setup(database)
    with database.write() as s:
        c = users.create_user(s, admin, "zhao", "赵", "inspector", "Temp-pass-2026")
    with database.write() as s, pytest.raises(ValidationError) as err:
        users.create_user(s, admin, "ZHAO", "赵二", Role.CLERK, "Temp-pass-2026")
    assert err.value.field == "username"
    for bad_role in ("root", "", None):
        with database.write() as s, pytest.raises(ValidationError):
            users.create_user(s, admin, "qian", "钱", bad_role, "Temp-pass-2026")  # type: ignore[arg-type]
    with database.write() as s, pytest.raises(ValidationError):
        users.create_user(s, admin, "sun", "孙", Role.CLERK, "Temp-pass-2026", district="火星")
    with database.write() as s, pytest.raises(NotFoundError):
        users.set_role(s, admin, 9999, Role.CLERK)
    # the last administrator can be neither demoted nor deactivated, nor deactivate themself
    with database.write() as s, pytest.raises(ValidationError):
        users.set_role(s, admin, admin.user_id, Role.CLERK)  # type: ignore[arg-type]
    with database.write() as s, pytest.raises(ValidationError):
        users.deactivate(s, admin, admin.user_id)  # type: ignore[arg-type]
    with database.write() as s:
        users.set_role(s, admin, c.id, Role.SUPERVISOR)
        users.deactivate(s, admin, c.id)
    with database.write() as s, pytest.raises(AuthError):
        auth.authenticate(s, "zhao", "Temp-pass-2026")
    with database.write() as s:
        users.reactivate(s, admin, c.id)
        listed = {u.username: u for u in users.list_users(s, admin)}
    assert listed["zhao"].role is Role.SUPERVISOR and listed["zhao"].active
    acts = _actions(database)
    for a in ("user.create", "user.set_role", "user.deactivate", "user.reactivate"):
        assert a in acts
    assert not any("scrypt$" in (a or "") for a in _audit_after(database))


def test_non_admins_cannot_manage_users(database: db.Database, actors: dict[Role, Actor]) -> None:
    for role in Role:
        if role is Role.ADMIN:
            continue
        with database.write() as s, pytest.raises(PermissionDenied):
            users.create_user(s, actors[role], f"x{role.value}", "x", Role.ADMIN, "Temp-pass-2026")
        with database.write() as s, pytest.raises(PermissionDenied):
            users.reset_password(s, actors[role], actors[Role.ADMIN].user_id, "Temp-pass-2026")  # type: ignore[arg-type]


def test_idle_lock_setting(database: db.Database) -> None:
    from casemgr import settings

    with database.read() as s:
        assert auth.idle_lock_minutes(s) == 15
    with database.write() as s:
        settings.put(s, "idle_lock_minutes", 5)
    with database.read() as s:
        assert auth.idle_lock_minutes(s) == 5


def test_cli_creates_the_first_admin_then_users(
    db_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CASEMGR_NEW_PASSWORD", PW)
    assert main(["--db", str(db_path), "user", "create", "boss", "--name", "局长"]) == 0
    monkeypatch.setenv("CASEMGR_PASSWORD", PW)  # boss's own, for the log-ins below
    assert main(["--db", str(db_path), "user", "create", "wu", "--role", "mediator", "--user", "boss"]) == 0
    assert main(["--db", str(db_path), "user", "list", "--user", "boss"]) == 0
    out = capsys.readouterr().out
    assert "created administrator boss" in out and "wu\twu\tmediator\tactive" in out
    monkeypatch.setenv("CASEMGR_NEW_PASSWORD", "weak")
    assert main(["--db", str(db_path), "user", "create", "zheng", "--role", "clerk", "--user", "boss"]) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["user", "create", "eve", "--role", "admin"],  # a second administrator, no log-in
        ["user", "reset-password", "boss"],  # take over the administrator
        ["user", "create", "eve", "--role", "clerk"],
        ["user", "list"],
    ],
)
def test_cli_user_management_needs_an_administrators_log_in(
    db_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Finding 2 of issue 13: only the very first administrator may be created without one."""
    monkeypatch.setenv("CASEMGR_LANG", "en")
    monkeypatch.setenv("CASEMGR_NEW_PASSWORD", PW)
    assert main(["--db", str(db_path), "user", "create", "boss"]) == 0
    monkeypatch.setenv("CASEMGR_NEW_PASSWORD", "Another-pass-2026")
    capsys.readouterr()
    assert main(["--db", str(db_path), *argv]) == 1
    assert "log-in is required" in capsys.readouterr().err
    monkeypatch.setenv("CASEMGR_PASSWORD", "not-the-password")  # a wrong one
    assert main(["--db", str(db_path), *argv, "--user", "boss"]) == 1
    assert "Wrong user name or password" in capsys.readouterr().err
    monkeypatch.setenv("CASEMGR_PASSWORD", PW)
    assert main(["--db", str(db_path), *argv, "--user", "boss"]) == 0


def test_cli_user_management_is_for_administrators_only(
    db_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CASEMGR_LANG", "en")
    monkeypatch.setenv("CASEMGR_NEW_PASSWORD", PW)
    monkeypatch.setenv("CASEMGR_PASSWORD", PW)
    assert main(["--db", str(db_path), "user", "create", "boss"]) == 0
    assert (
        main(["--db", str(db_path), "user", "create", "sup", "--role", "supervisor", "--user", "boss"]) == 0
    )
    capsys.readouterr()
    # A new account must change its password first: no terminal here, so refused, saying how.
    assert main(["--db", str(db_path), "user", "reset-password", "boss", "--user", "sup"]) == 1
    assert "must be changed" in capsys.readouterr().err
    database = db.open_database(f"sqlite:///{db_path}")
    try:
        give_password(database, "sup", PW)
    finally:
        database.dispose()
    assert main(["--db", str(db_path), "user", "reset-password", "boss", "--user", "sup"]) == 1
    assert "Only an administrator" in capsys.readouterr().err
