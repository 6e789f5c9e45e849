"""The demo's staff accounts (created through the user service) and the result a demo run
reports."""

from __future__ import annotations

import random
import secrets
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from casemgr import audit, settings
from casemgr.actor import SYSTEM, Actor
from casemgr.db import Database
from casemgr.enums import (
    CaseKind,
    Role,
)
from casemgr.models import User
from casemgr.services import users as users_service

# --------------------------------------------------------------------------- result


@dataclass
class DemoResult:
    cases: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    refused_steps: int = 0  # steps the services refused (guards, calendar not imported)
    users: list[tuple[str, str, str]] = field(default_factory=list)  # (username, role, password or "")
    demo_database: bool = False  # marked as a demo database (published passwords)


@dataclass
class Staff:
    """The demo's officers by kind, and the supervisor who approves extensions."""

    mediators: list[Actor]
    clerks: list[Actor]
    inspectors: list[Actor]
    supervisor: Actor
    admin: Actor | None = None  # keeps the hearing rooms and the arbitrator roster

    def officer(self, rng: random.Random, kind: CaseKind) -> Actor:
        pool = {
            CaseKind.MEDIATION: self.mediators,
            CaseKind.ARBITRATION: self.clerks,
            CaseKind.INSPECTION: self.inspectors,
        }[kind]
        return rng.choice(pool)


#: The demo's accounts: (user name, display name, role, district, password).
#: The passwords are fixed and published (README) because a demo is for trying the app: they
#: are set only on a *demo database* (a fresh one, marked so; see :func:`create_staff`), never
#: on a database that already had users. Each passes ``auth.check_password_strength`` and
#: avoids look-alike characters (no I, l, 0 or O) so that it can be typed from a printout.
STAFF: tuple[tuple[str, str, Role, str | None, str], ...] = (
    ("demo_admin", "系统管理员", Role.ADMIN, None, "Yanshi-Admin-28"),
    ("demo_zhuren", "周主任", Role.SUPERVISOR, None, "Yanshi-Zhuren-35"),
    ("demo_tiaojie1", "林调解", Role.MEDIATOR, "城区", "Yanshi-Tiaojie-46"),
    ("demo_tiaojie2", "蔡调解", Role.MEDIATOR, "海丰县", "Yanshi-Tiaojie-47"),
    ("demo_shuji1", "陈书记员", Role.CLERK, None, "Yanshi-Shuji-52"),
    ("demo_shuji2", "黄书记员", Role.CLERK, None, "Yanshi-Shuji-53"),
    ("demo_shuji3", "吴书记员", Role.CLERK, None, "Yanshi-Shuji-54"),
    ("demo_jiancha1", "彭监察", Role.INSPECTOR, "城区", "Yanshi-Jiancha-62"),
    ("demo_jiancha2", "郑监察", Role.INSPECTOR, "陆丰市", "Yanshi-Jiancha-63"),
    ("demo_jiancha3", "叶监察", Role.INSPECTOR, "海丰县", "Yanshi-Jiancha-64"),
    ("demo_shenji", "许审计", Role.AUDITOR, None, "Yanshi-Shenji-72"),
)


def _random_password() -> str:
    # A database that had users before is not a demo database: no published password there.
    return "Demo-" + secrets.token_urlsafe(12)


def create_staff(database: Database, result: DemoResult, show_passwords: bool) -> Staff:
    """The demo accounts. On a fresh database (no users at all) it becomes a demo database:
    marked so (``settings.DEMO_KEY``), the published passwords, no forced change at first
    log-in. On a database with users already (an administrator adding demo data through
    ``casemgr demo``) the accounts get random passwords that must be changed, as any
    account an administrator makes."""
    actors: dict[str, Actor] = {}
    with database.write() as s:
        existing = {u.username: u for u in s.execute(select(User)).scalars()}
        fresh = not existing
        if fresh:
            settings.put(s, settings.DEMO_KEY, True)
            audit.record(
                s,
                user_id=None,
                username=SYSTEM.username,
                action="setting.update",
                entity="setting",
                entity_id=f"{settings.DEMO_KEY}@{settings.EPOCH.isoformat()}",
                before={"value": False},
                after={"value": True, "valid_from": settings.EPOCH},
            )
        result.demo_database = fresh or bool(settings.get(s, settings.DEMO_KEY))
        for username, display, role, district, fixed in STAFF:
            u = existing.get(username)
            pw = ""
            if u is None:
                pw = fixed if fresh else _random_password()
                info = users_service.create_user(
                    s, SYSTEM, username, display, role, pw, district=district, must_change=not fresh
                )
                uid = info.id
            else:
                uid = u.id
            actors[username] = Actor(user_id=uid, username=username, role=role, district=district)
            result.users.append((username, role.value, pw if (show_passwords or fresh) else ""))
    return Staff(
        mediators=[actors["demo_tiaojie1"], actors["demo_tiaojie2"]],
        clerks=[actors["demo_shuji1"], actors["demo_shuji2"], actors["demo_shuji3"]],
        inspectors=[actors["demo_jiancha1"], actors["demo_jiancha2"], actors["demo_jiancha3"]],
        supervisor=actors["demo_zhuren"],
        admin=actors.get("demo_admin"),
    )
