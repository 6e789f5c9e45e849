"""House rules that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def test_domain_imports_no_qt() -> None:
    offenders = []
    for path in (ROOT / "casemgr").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in QT_MODULES for n in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_domain_imports_without_qt_installed() -> None:
    # Import every casemgr module in a child where importing Qt fails loudly.
    code = (
        "import sys, importlib, pkgutil\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'): raise ImportError('Qt blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import casemgr\n"
        "for m in pkgutil.walk_packages(casemgr.__path__, 'casemgr.'):\n"
        "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_ruff_clean() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--no-cache", "."], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_float_money_in_domain() -> None:
    offenders = []
    for path in (ROOT / "casemgr").rglob("*.py"):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            low = line.lower()
            if "float(" in low and any(w in low for w in ("amount", "yuan", "wage", "money", "salary")):
                offenders.append(f"{path.relative_to(ROOT)}:{lineno}")
    assert offenders == []


def test_a_hanging_test_fails_instead_of_stalling_ci(tmp_path: Path) -> None:
    """pytest-timeout is installed and active with this project's settings (the "thread"
    method, which also ends a test stuck in Qt's event loop): a test that never returns
    fails instead of stalling CI.

    The hanging test runs in a child pytest with this project's configuration, its limit
    lowered to 2 seconds; it must end as a failure naming the timeout, long before its
    60-second sleep. The configured limit itself is checked below.
    """
    import tomllib

    opts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"][
        "ini_options"
    ]
    assert 0 < opts["timeout"] <= 600 and opts["timeout_method"] == "thread"
    import time

    test = tmp_path / "test_hang.py"
    test.write_text("import time\n\ndef test_hangs():\n    time.sleep(60)\n", encoding="utf-8")
    t0 = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-c",
            str(ROOT / "pyproject.toml"),
            "-o",
            "timeout=2",
            str(test),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=50,
    )
    assert result.returncode != 0
    assert "Timeout" in result.stdout + result.stderr
    assert time.monotonic() - t0 < 40


def test_only_the_bureau_clock_reads_the_date() -> None:
    """Every date and moment comes from ``casemgr.clock`` (Beijing days, pinned in tests), so
    no screen or rule can disagree with another about what day it is, and ./test's runs with
    the machine's clock moved cover every reader. Qt's and the databases' own clocks are not
    moved by those runs, so they are not read at all."""
    forbidden = re.compile(
        r"date\.today\(|datetime\.now\(|datetime\.utcnow\(|\.currentDate\(|\.currentDateTime\(|"
        r"currentMSecsSinceEpoch|time\.time\(|CURRENT_TIMESTAMP|CURRENT_DATE|func\.now\(|'now'"
    )
    offenders = []
    for folder in ("casemgr", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            if path == ROOT / "casemgr" / "clock.py":
                continue
            for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if forbidden.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{lineno}: {line.strip()}")
    assert offenders == []
