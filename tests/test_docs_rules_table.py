"""docs/deadlines.md lists every shipped clock (trigger, length, unit, whom it binds, citation):
its tables are generated from resources/rules by scripts/rules_table.py and must be current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_rule_tables_are_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "rules_table.py"), "--check"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, "run: .venv/bin/python scripts/rules_table.py"


def test_every_shipped_rule_has_a_trigger_in_the_table() -> None:
    text = (ROOT / "docs" / "deadlines.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert rows
    missing = [r.split("|")[1].strip() for r in rows if r.split("|")[4].strip() == "—"]
    assert missing == []
