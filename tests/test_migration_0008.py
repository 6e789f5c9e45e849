"""Revision 0008: mediation cases get their body; stored rule citations get the new text."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

from casemgr import db
from tests.test_migrations import SEED_0001

HERE = Path(__file__).resolve().parent.parent / "migrations" / "versions"


def _revision_0008():  # type: ignore[no-untyped-def]
    path = next(HERE.glob("*_0008_*.py"))
    spec = importlib.util.spec_from_file_location("rev0008", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_0008_fills_the_mediation_body_and_replaces_old_citations(tmp_path: Path) -> None:
    rev = _revision_0008()
    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    db.upgrade(url, "0001")
    con = sqlite3.connect(path)
    with con:
        for stmt in SEED_0001:
            con.execute(stmt)
        con.execute(
            "INSERT INTO cases (id, number, kind, year, seq, status, district, received_on, migrant_worker,"
            " wage_arrears, green_channel, collective, supervised, simple_procedure, final_award, channel,"
            " amount_claimed, amount_recovered, workers, created_at, updated_at, version) VALUES (2, 'M1',"
            " 'mediation', 2026, 1, 'received', '城区', '2026-01-05', 0, 0, 0, 0, 0, 0, 0, 'window', 0, 0, 1,"
            " '2026-01-05 08:00:00', '2026-01-05 08:00:00', 1)"
        )
        old, new = rev.CITATIONS["arb.green.notify"]
        for i, (code, text) in enumerate((("arb.green.notify", old), ("arb.supervision", "本局自定的依据"))):
            con.execute(
                "INSERT INTO deadline_rules (id, code, kind, name_zh, name_en, day_type, length, green_channel,"
                " hard_limit, citation, active, updated_at, version) VALUES"
                " (?, ?, 'arbitration', 'n', 'n', 'working', 3, 0, 0, ?, 1, '2026-01-05 08:00:00', 1)",
                (i + 1, code, text),
            )
    con.close()
    db.upgrade(url, "0006")
    db.upgrade(url, "0008")
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT kind, mediation_body FROM cases ORDER BY id").fetchall() == [
            ("arbitration", None),
            ("mediation", "bureau_centre"),
        ]
        rows = dict(con.execute("SELECT code, citation FROM deadline_rules").fetchall())
        assert rows == {"arb.green.notify": new, "arb.supervision": "本局自定的依据"}
        assert "legal-rules" in old and "legal-rules" not in new
    finally:
        con.close()
