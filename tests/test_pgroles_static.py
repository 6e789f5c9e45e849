"""casemgr.pgroles without a server: names, the generated SQL, the documented cells."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casemgr import permissions, pgroles
from casemgr.enums import Role
from casemgr.errors import ValidationError

ROOT = Path(__file__).resolve().parent.parent


def test_every_cell_the_database_enforces_is_documented() -> None:
    text = (ROOT / "docs" / "permissions.md").read_text(encoding="utf-8")
    section = text.split("## What the database itself refuses")[1].split("\n## ")[0]
    named = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", section))
    assert set(pgroles.DB_ENFORCED) <= set(permissions.MATRIX)
    assert set(pgroles.DB_ENFORCED) <= named, set(pgroles.DB_ENFORCED) - named


def test_a_group_role_and_grants_for_every_role() -> None:
    sql = "\n".join(pgroles.install_statements("casemgr", "casemgr_owner", "casemgr"))
    for r in Role:
        assert f'CREATE ROLE "{pgroles.group_role("casemgr", r)}" NOLOGIN' in sql
    assert "UPDATE ON audit_entries" not in sql and "DELETE ON audit_entries" not in sql
    assert "ENABLE ROW LEVEL SECURITY" in sql


@pytest.mark.parametrize(
    ("name", "role"),
    [("Zhang.San", "casemgr_u_zhang.san"), ("张三", "casemgr_u_张三"), ("wang-li_2", "casemgr_u_wang-li_2")],
)
def test_login_role_names(name: str, role: str) -> None:
    assert pgroles.login_role("casemgr", name) == role


def test_a_long_chinese_name_fits_in_63_bytes() -> None:
    role = pgroles.login_role("casemgr", "张" * 32)
    assert len(role.encode()) <= 63 and role.startswith("casemgr_u_")
    assert role != pgroles.login_role("casemgr", "张" * 31 + "李")


@pytest.mark.parametrize("ns", ["", "Casemgr", "1abc", "a-b", "x" * 21, "a;drop"])
def test_a_bad_namespace_is_refused(ns: str) -> None:
    with pytest.raises(ValidationError):
        pgroles.check_namespace(ns)


def test_only_a_url_without_a_user_name_asks_for_the_login() -> None:
    assert pgroles.needs_login("postgresql+psycopg://db.bureau.local/casemgr?sslmode=verify-full")
    assert not pgroles.needs_login("postgresql+psycopg://casemgr_owner:x@db/casemgr")
    assert not pgroles.needs_login("sqlite:////tmp/casemgr.db")
    assert pgroles.namespace_of("postgresql+psycopg://db/casemgr?casemgr_namespace=train") == "train"
