"""House rules that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
import dataclasses
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
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


# --------------------------------------------------------------------------- layers (issue 19)
#
# The layer list lives in docs/architecture.md, in the code block after the "layers:" marker,
# and the tests below read it from there: the picture and the tests cannot disagree. Every
# import counts wherever it stands — at module level, under ``if TYPE_CHECKING:`` and inside
# a function. An import deferred into a function is still a dependency (deferring it is how
# an upward arrow or a cycle usually hides), so it must point down, and in casemgr/ it must
# not close a cycle either. In ui/ only module-level imports are checked for cycles: its
# windows open one another lazily, inside functions, to keep start-up fast. Importing a
# submodule does not count as importing its package's ``__init__``.

ARCHITECTURE_DOC = ROOT / "docs" / "architecture.md"
LAYER_MARKER = "<!-- layers:"
SOURCE_ROOTS = ("casemgr", "ui")
#: docs/architecture.md, footnote ¹: the one name from sqlalchemy the app layer may import.
APP_SQLALCHEMY_EXCEPTION = ("sqlalchemy.orm", "Session")
#: "No module over ~600 lines unless it is data" (issue 19), with room for a docstring.
MAX_MODULE_LINES = 650
DATA_MODULES: frozenset[str] = frozenset()  # none so far


@dataclasses.dataclass(frozen=True)
class Layer:
    name: str
    rank: int  # higher = nearer the user
    members: tuple[str, ...]  # modules and packages; ``pkg.__init__`` is the package module only
    never: tuple[str, ...]  # what this layer may not import although it lies below


@dataclasses.dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module: one of ours, or a third party's dotted name
    name: str | None  # ``from target import name`` when ``name`` is not itself a module
    local: str  # the name the statement binds in ``source``
    where: str  # "module" | "type-checking" | "function"
    line: int


def parse_layers(text: str) -> list[Layer]:
    """The layers of the block after the marker, top (app) first.

    A layer line starts with its name in the first column, then its members separated by
    ``·``, then optionally ``never:`` and what it may not import. Lines that start with a
    space (the arrows and the descriptions) belong to the picture, not to the parser.
    """
    start = text.index(LAYER_MARKER)
    fence = text.index("```", start)
    body = text[text.index("\n", fence) + 1 : text.index("```", fence + 3)]
    rows = []
    for line in body.splitlines():
        if not line.strip() or line[0].isspace():
            continue
        name, _, rest = line.partition(" ")
        members, _, never = rest.partition("never:")
        rows.append(
            (
                name,
                tuple(m.strip() for m in members.split("·") if m.strip()),
                tuple(n.strip().rstrip("¹²³") for n in never.split("·") if n.strip()),
            )
        )
    return [Layer(name, len(rows) - i, members, never) for i, (name, members, never) in enumerate(rows)]


def module_files(root: Path) -> dict[str, Path]:
    """Every module of casemgr/ and ui/, and main.py, by dotted name (a package by its own)."""
    out: dict[str, Path] = {}
    for top in SOURCE_ROOTS:
        for path in sorted((root / top).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    if (root / "main.py").exists():
        out["main"] = root / "main.py"
    return out


def _statements(tree: ast.AST) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    def walk(node: ast.AST, where: str) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child, where
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                yield from walk(child, "function")
            elif (
                where == "module" and isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test)
            ):
                yield from walk(child, "type-checking")
            else:
                yield from walk(child, where)

    yield from walk(tree, "module")


def imports_of(source: str, modules: dict[str, Path]) -> list[Import]:
    """Every import statement of ``source``, resolved to our module names where they are ours."""
    path = modules[source]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node, where in _statements(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                out.append(Import(source, alias.name, None, local, where, node.lineno))
            continue
        base = node.module or ""
        if node.level:
            package = source.split(".") if path.name == "__init__.py" else source.split(".")[:-1]
            package = package[: len(package) - (node.level - 1)]
            base = ".".join([*package, *([base] if base else [])])
        for alias in node.names:
            local = alias.asname or alias.name
            sub = f"{base}.{alias.name}"
            if sub in modules:  # ``from casemgr.services import cases``: the module itself
                out.append(Import(source, sub, None, local, where, node.lineno))
            else:
                out.append(Import(source, base, alias.name, local, where, node.lineno))
    return out


def layer_of(module: str, layers: Iterable[Layer], modules: dict[str, Path]) -> Layer | None:
    """The layer naming ``module`` itself, else the one naming its nearest enclosing package."""
    by_member = {m: layer for layer in layers for m in layer.members}
    if modules.get(module, Path()).name == "__init__.py" and f"{module}.__init__" in by_member:
        return by_member[f"{module}.__init__"]
    parts = module.split(".")
    while parts:
        found = by_member.get(".".join(parts))
        if found is not None:
            return found
        parts.pop()
    return None


def unplaced_modules(modules: dict[str, Path], layers: list[Layer]) -> list[str]:
    return sorted(m for m in modules if layer_of(m, layers, modules) is None)


def stale_members(modules: dict[str, Path], layers: list[Layer]) -> list[str]:
    """Members naming no module or package that exists (a rename the picture missed)."""

    def exists(member: str) -> bool:
        if member.endswith(".__init__"):
            return modules.get(member.removesuffix(".__init__"), Path()).name == "__init__.py"
        return any(m == member or m.startswith(member + ".") for m in modules)

    return sorted(member for layer in layers for member in layer.members if not exists(member))


def layer_violations(modules: dict[str, Path], layers: list[Layer]) -> list[str]:
    """Imports from a lower layer into a higher one, and what a layer's ``never:`` forbids."""
    out = []
    for source in modules:
        src = layer_of(source, layers, modules)
        if src is None:
            continue  # reported by unplaced_modules
        for imp in imports_of(source, modules):
            at = f"{source}:{imp.line} ({imp.where})"
            for banned in src.never:
                hit = imp.target == banned or imp.target.startswith(banned + ".")
                if hit and (imp.target, imp.name) != APP_SQLALCHEMY_EXCEPTION:
                    out.append(f"{at} imports {imp.target}: layer {src.name} never may")
            dst = layer_of(imp.target, layers, modules) if imp.target in modules else None
            if dst is not None and dst.rank > src.rank:
                out.append(f"{at} imports {imp.target}: layer {src.name} lies below layer {dst.name}")
    return out


def import_cycles(modules: dict[str, Path], package: str, *, module_level_only: bool) -> list[list[str]]:
    """The strongly connected components (of more than one module) of ``package``'s imports."""
    graph = {m: set() for m in modules if m == package or m.startswith(package + ".")}
    for source in graph:
        for imp in imports_of(source, modules):
            if imp.target in graph and imp.target != source:
                if not module_level_only or imp.where == "module":
                    graph[source].add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's algorithm
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_uses(modules: dict[str, Path]) -> list[str]:
    """``from m import _x``, and ``m._x`` / ``C._x`` where ``m`` or ``C`` was imported from
    another of our modules: a private name is its module's business alone."""
    out = []
    for source, path in modules.items():
        bound: dict[str, str] = {}
        for imp in imports_of(source, modules):
            if imp.target not in modules or imp.target == source:
                continue
            if imp.name is not None and _private(imp.name):
                out.append(f"{source}:{imp.line} imports {imp.name} from {imp.target}")
            bound[imp.local] = imp.target
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in bound
                and _private(node.attr)
            ):
                out.append(
                    f"{source}:{node.lineno} uses {node.value.id}.{node.attr} of {bound[node.value.id]}"
                )
    return out


def _project() -> tuple[dict[str, Path], list[Layer]]:
    return module_files(ROOT), parse_layers(ARCHITECTURE_DOC.read_text(encoding="utf-8"))


def test_every_module_is_in_exactly_the_layers_the_doc_names() -> None:
    modules, layers = _project()
    assert [layer.name for layer in layers] == [
        "app", "io", "services", "domain", "core", "storage", "base",
    ]  # fmt: skip
    assert unplaced_modules(modules, layers) == [], "add the module to a layer in docs/architecture.md"
    assert stale_members(modules, layers) == [], "docs/architecture.md names a module that does not exist"
    members = [m for layer in layers for m in layer.members]
    assert len(members) == len(set(members)), "a member is listed in two layers"


def test_no_import_goes_up_a_layer() -> None:
    """Function-level and TYPE_CHECKING imports included; ``never:`` rules included."""
    modules, layers = _project()
    assert layer_violations(modules, layers) == []


def test_no_import_cycle_between_modules_of_casemgr() -> None:
    """Every import counts, inside functions too; ui/ is held to module-level imports."""
    modules = module_files(ROOT)
    assert import_cycles(modules, "casemgr", module_level_only=False) == []
    assert import_cycles(modules, "ui", module_level_only=True) == []


def test_no_module_imports_another_modules_private_names() -> None:
    assert private_uses(module_files(ROOT)) == []


def test_no_module_of_casemgr_is_over_600_lines_unless_it_is_data() -> None:
    too_long = {
        name: n
        for name, path in module_files(ROOT).items()
        if name.startswith("casemgr")
        and name not in DATA_MODULES
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert too_long == {}, "split it along its sections (see docs/architecture.md, Layers)"


def test_the_layer_checks_catch_what_they_are_for(tmp_path: Path) -> None:
    """The checks above on a small tree that breaks each rule once: each breach is reported,
    and what is allowed (a downward import, the Session type in the app layer) is not."""
    files = {
        "casemgr/__init__.py": "",
        "casemgr/models.py": "X = 1\n",
        "casemgr/low.py": (
            "from casemgr import models\n_x = 1\n\n\n"
            "def f() -> None:\n    from casemgr import high  # hidden in a function\n"
        ),
        "casemgr/high.py": "from casemgr import low\n\n_secret = 1\n",
        "casemgr/other.py": "from casemgr import low\nfrom casemgr.high import _secret\n\nY = low._x\n",
        "casemgr/stray.py": "",
        "ui/__init__.py": "",
        "ui/win.py": (
            "from sqlalchemy import select\nfrom sqlalchemy.orm import Session\n\n\n"
            "def g() -> None:\n    from casemgr.models import X\n"
        ),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    doc = (
        "<!-- layers: -->\n```text\n"
        "app   ui      never: casemgr.models · sqlalchemy¹\n  │  the windows\n  ▼\n"
        "high  casemgr.high · casemgr.other · casemgr.gone\n"
        "low   casemgr.__init__ · casemgr.low · casemgr.models\n```\n"
    )
    layers = parse_layers(doc)
    assert [(x.name, x.rank, x.never) for x in layers] == [
        ("app", 3, ("casemgr.models", "sqlalchemy")),
        ("high", 2, ()),
        ("low", 1, ()),
    ]
    modules = module_files(tmp_path)
    assert unplaced_modules(modules, layers) == ["casemgr.stray"]  # the package does not cover it
    assert stale_members(modules, layers) == ["casemgr.gone"]
    assert layer_violations(modules, layers) == [
        "casemgr.low:6 (function) imports casemgr.high: layer low lies below layer high",
        "ui.win:1 (module) imports sqlalchemy: layer app never may",
        "ui.win:6 (function) imports casemgr.models: layer app never may",
    ]
    assert import_cycles(modules, "casemgr", module_level_only=False) == [["casemgr.high", "casemgr.low"]]
    assert import_cycles(modules, "casemgr", module_level_only=True) == []
    assert private_uses(modules) == [
        "casemgr.other:2 imports _secret from casemgr.high",
        "casemgr.other:4 uses low._x of casemgr.low",
    ]
