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

PW = "Good-pass-2026"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real scrypt, smaller cost: the tests check behaviour, not the cost (see test_default_cost)."""
    monkeypatch.setattr(auth, "SCRYPT_N", 2**10)


def _actions(database: db.Database) -> list[str]:
    with database.read() as s:
        return list(s.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars())


def _setup(database: db.Database) -> Actor:
    with database.write() as s:
        return auth.create_initial_admin(s, "admin", "管理员", PW)


def test_hash_format_and_default_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    h = auth.hash_password(PW)
    scheme, n, r, p, _salt, _digest = h.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**15, 8, 1)
    assert int(n) * int(r) * 128 >= 32 * 1024 * 1024  # memory-hard: 32 MiB per guess
    assert auth.verify_password(PW, h) and not auth.verify_password(PW + "x", h)
    assert auth.hash_password(PW) != h  # salted
    for broken in (None, "", "md5$x", "scrypt$1$2$3", h[:-4] + "AAAA", "scrypt$x$8$1$AA==$AA=="):
        assert not auth.verify_password(PW, broken)


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


@pytest.mark.parametrize("pw", ["correct horse battery staple", "劳动监察2026年度", "Zq7-longer-pass"])
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
    assert err.value.code == "locked"
    # Locked: even the right password is refused until 15 minutes after the 5th failure.
    locked_at = t0 + dt.timedelta(minutes=auth.MAX_FAILED_LOGINS - 1)
    with database.write() as s, pytest.raises(AuthError) as err:
        auth.authenticate(s, "admin", PW, now=locked_at + dt.timedelta(minutes=14, seconds=59))
    assert err.value.code == "locked" and "locked until" in err.value.en
    with database.write() as s:
        auth.authenticate(s, "admin", PW, now=locked_at + dt.timedelta(minutes=15, seconds=1))
    with database.read() as s:
        u = s.execute(select(User).where(User.username == "admin")).scalar_one()
        assert u.failed_logins == 0 and u.locked_until is None
    acts = _actions(database)
    assert acts.count("auth.login") == 2 and acts.count("auth.login_failed") == 6


def test_unknown_user_and_wrong_password_look_the_same(database: db.Database) -> None:
    _setup(database)
    msgs = []
    for name, pw in (("nobody", PW), ("admin", "Wrong-pass-2026")):
        with database.write() as s, pytest.raises(AuthError) as err:
            auth.authenticate(s, name, pw)
        msgs.append((err.value.zh, err.value.en))
    assert msgs[0] == msgs[1]
    with database.read() as s:
        rows = s.execute(select(AuditEntry).where(AuditEntry.action == "auth.login_failed")).scalars().all()
        assert [(r.username, r.after) for r in rows] == [
            ("nobody", '{"reason":"unknown_user"}'),
            ("admin", '{"failed_logins":1,"reason":"password"}'),
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
    assert main(["--db", str(db_path), "user", "reset-password", "boss", "--user", "sup"]) == 1
    assert "Only an administrator" in capsys.readouterr().err
