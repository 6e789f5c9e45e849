"""The demo's staff accounts (created through the user service, random passwords) and the
result a demo run reports."""

from __future__ import annotations

import random
import secrets
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

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


@dataclass
class Staff:
    """The demo's officers by kind, and the supervisor who approves extensions."""

    mediators: list[Actor]
    clerks: list[Actor]
    inspectors: list[Actor]
    supervisor: Actor

    def officer(self, rng: random.Random, kind: CaseKind) -> Actor:
        pool = {
            CaseKind.MEDIATION: self.mediators,
            CaseKind.ARBITRATION: self.clerks,
            CaseKind.INSPECTION: self.inspectors,
        }[kind]
        return rng.choice(pool)


STAFF: tuple[tuple[str, str, Role, str | None], ...] = (
    ("demo_zhuren", "周主任", Role.SUPERVISOR, None),
    ("demo_tiaojie1", "林调解", Role.MEDIATOR, "城区"),
    ("demo_tiaojie2", "蔡调解", Role.MEDIATOR, "海丰县"),
    ("demo_shuji1", "陈书记员", Role.CLERK, None),
    ("demo_shuji2", "黄书记员", Role.CLERK, None),
    ("demo_shuji3", "吴书记员", Role.CLERK, None),
    ("demo_jiancha1", "彭监察", Role.INSPECTOR, "城区"),
    ("demo_jiancha2", "郑监察", Role.INSPECTOR, "陆丰市"),
    ("demo_jiancha3", "叶监察", Role.INSPECTOR, "海丰县"),
    ("demo_shenji", "许审计", Role.AUDITOR, None),
)


def _password() -> str:
    # Random, strong, never derived from the seed: a demo must not ship a known password.
    return "Demo-" + secrets.token_urlsafe(12)


def create_staff(database: Database, result: DemoResult, show_passwords: bool) -> Staff:
    actors: dict[str, Actor] = {}
    with database.write() as s:
        existing = {u.username: u for u in s.execute(select(User)).scalars()}
        for username, display, role, district in STAFF:
            u = existing.get(username)
            pw = ""
            if u is None:
                pw = _password()
                info = users_service.create_user(s, SYSTEM, username, display, role, pw, district=district)
                uid = info.id
            else:
                uid = u.id
            actors[username] = Actor(user_id=uid, username=username, role=role, district=district)
            result.users.append((username, role.value, pw if show_passwords else ""))
    return Staff(
        mediators=[actors["demo_tiaojie1"], actors["demo_tiaojie2"]],
        clerks=[actors["demo_shuji1"], actors["demo_shuji2"], actors["demo_shuji3"]],
        inspectors=[actors["demo_jiancha1"], actors["demo_jiancha2"], actors["demo_jiancha3"]],
        supervisor=actors["demo_zhuren"],
    )
