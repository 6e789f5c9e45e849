"""The installers, built and used as a bureau uses them (issue 16; docs/install.md).

``scripts/package-linux.sh`` builds the frozen folder and the UOS-layout .deb once per test
run (in a temporary folder; its build environment in build/venv is reused while
pyproject.toml and the constraints are unchanged). The .deb is then installed and the
installed program is run with a bare environment — no .venv, no PYTHONPATH, no repository —
to create a database, import a ledger (big enough for the import's helper processes, which
a frozen program must start as itself), print the monthly PDF (fonts embedded, checked with
pdffonts), open the main window offscreen for a picture, and upgrade a database of the
previous schema revision with its data and audit chain intact.

Where it installs: CI (``CI=true``, root, apt-get present) installs into the machine with
``apt-get install ./package.deb`` (dpkg -i with the Depends resolved) and removes it at the
end, as a clerk's PC would. Elsewhere — a developer's run on the shared 2-core box where
several worktrees run ./test at once — it unpacks with ``dpkg --root`` into a temporary
folder: installing into the machine takes dpkg's machine-wide lock (a second run would fail
on it) and two runs would install and remove the same /opt/apps folder under each other.

The moved-clock runs of ./test (``CASEMGR_TEST_CLOCK``) skip these tests: the installed
program runs in its own environment, which the moved clock does not reach, so a second and
third build would prove nothing new and cost minutes.
"""

from __future__ import annotations

import io
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from casemgr import db, runtime

pytestmark = [pytest.mark.slow, pytest.mark.timeout(2400)]

ROOT = Path(__file__).resolve().parent.parent
APPID = "org.casemgr.casemgr"
PASSWORD = "Smoke-Test-2026!"
LEDGER_ROWS = 6_000  # over casemgr.io.bulk.PARALLEL_MIN_ROWS: the helper processes start


def _why_not() -> str | None:
    if os.environ.get("CASEMGR_TEST_CLOCK"):
        return "moved-clock run: the installed program does not see the moved clock (tested in the first run)"
    if not sys.platform.startswith("linux"):
        return "the .deb is built and installed on Linux only (Windows: scripts/package-windows.ps1)"
    if platform.machine() not in ("x86_64", "aarch64"):
        return f"no PySide6 wheels for {platform.machine()}"
    for tool in ("dpkg", "dpkg-deb", "objdump", "pdffonts"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    return None


SKIP = _why_not()
if SKIP:
    pytestmark.append(pytest.mark.skip(reason=SKIP))


@dataclass
class Built:
    folder: Path  # dist/casemgr as the script leaves it
    deb: Path
    log: str


@dataclass
class Installed:
    files: Path  # .../opt/apps/<appid>/files
    appdir: Path  # .../opt/apps/<appid>
    into_machine: bool


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    reuse = os.environ.get("CASEMGR_PACKAGE_REUSE")  # a developer iterating on these tests
    if reuse:
        return Built(Path(reuse) / "casemgr", next(Path(reuse).glob(f"{APPID}_*.deb")), "")
    out = tmp_path_factory.mktemp("dist")
    env = dict(os.environ)
    env["CASEMGR_DIST"] = str(out)
    env["CASEMGR_DEB_COMPRESS"] = "gzip"  # xz takes minutes on 2 cores; the layout is the same
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "package-linux.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=2400,
        check=False,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-4000:]
    debs = list(out.glob(f"{APPID}_*.deb"))
    assert len(debs) == 1, log[-2000:]
    return Built(out / "casemgr", debs[0], log)


def _install_into_machine() -> bool:
    return os.environ.get("CI") == "true" and os.geteuid() == 0 and shutil.which("apt-get") is not None


@pytest.fixture(scope="session")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    if _install_into_machine():
        apt_env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", str(built.deb)]
        if subprocess.run(install, capture_output=True, env=apt_env, check=False).returncode != 0:
            # Stale package lists on a reused machine: the Depends cannot be found.
            subprocess.run(["apt-get", "update", "-q"], capture_output=True, env=apt_env, check=True)
            subprocess.run(install, capture_output=True, env=apt_env, check=True)
        appdir = Path("/opt/apps") / APPID
        try:
            yield Installed(appdir / "files", appdir, True)
        finally:
            subprocess.run(["dpkg", "-r", APPID], check=False, capture_output=True)
        return
    root = tmp_path_factory.mktemp("root")
    for d in ("var/lib/dpkg/info", "var/lib/dpkg/updates"):
        (root / d).mkdir(parents=True)
    (root / "var/lib/dpkg/status").touch()
    subprocess.run(
        ["dpkg", f"--root={root}", "--force-depends", "--force-not-root", "-i", str(built.deb)],
        check=True,
        capture_output=True,
    )
    appdir = root / "opt" / "apps" / APPID
    yield Installed(appdir / "files", appdir, False)


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """What a clerk's session has: a home, a UTF-8 locale; nothing of this repository."""
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "CASEMGR_TODAY": "2026-11-23",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.update(extra)
    return env


def run(inst: Installed, args: list[str], env: dict[str, str], stdin: str = "", timeout: int = 300) -> str:
    exe = inst.files / args[0]
    proc = subprocess.run(
        [str(exe), *args[1:]],
        input=stdin,
        env=env,
        cwd=env["HOME"],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert proc.returncode == 0, f"{args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


# --------------------------------------------------------------------------- the package


def _members(deb: Path, part: str) -> list[str]:
    data = subprocess.run(["dpkg-deb", part, str(deb)], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        return [m.name for m in tar.getmembers()]


def test_the_deb_is_laid_out_for_the_uos_store(built: Built) -> None:
    paths = _members(built.deb, "--fsys-tarfile")
    prefix = f"./opt/apps/{APPID}"
    outside = [
        p for p in paths if p.rstrip("/") not in (".", "./opt", "./opt/apps") and not p.startswith(prefix)
    ]
    assert not outside, outside[:10]
    assert f"./opt/apps/{APPID}/files/casemgr" in paths
    assert f"./opt/apps/{APPID}/files/casemgr-cli" in paths
    assert f"./opt/apps/{APPID}/info" in paths
    assert f"./opt/apps/{APPID}/entries/applications/{APPID}.desktop" in paths
    assert f"./opt/apps/{APPID}/entries/icons/hicolor/scalable/apps/{APPID}.svg" in paths
    # No maintainer scripts: nothing runs as root at install time.
    names = {name.removeprefix("./") for name in _members(built.deb, "--ctrl-tarfile")}
    assert names - {"", "."} == {"control"}
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(built.deb), "Package", "Version", "Architecture"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Package: {APPID}" in fields
    assert f"Version: {runtime.version()}" in fields


def test_the_installed_folder_carries_what_the_program_reads(installed: Installed) -> None:
    inside = installed.files / "_internal"
    assert sorted(p.name for p in (inside / "migrations" / "versions").glob("*.py")) == sorted(
        p.name for p in (ROOT / "migrations" / "versions").glob("*.py")
    )
    for rel in ("resources/rules/arbitration.json", "resources/notices/notices.toml"):
        assert (inside / rel).is_file(), rel
    assert (inside / "resources/translations/casemgr_zh_CN.qm").is_file()
    assert list(inside.rglob("qtbase_zh_CN.qm")), "Qt's own Chinese translation is missing"
    font = inside / "resources/fonts/wqy-microhei.ttc"
    assert font.read_bytes() == (ROOT / "resources/fonts/wqy-microhei.ttc").read_bytes()
    licences = {p.name for p in (inside / "licences").rglob("*") if p.is_file()}
    assert {
        "LICENSE-Apache-2.0.txt",
        "COPYRIGHT-wqy-microhei.txt",
        "LGPL-3.0.txt",
        "THIRD-PARTY.txt",
    } <= licences

    entry = (installed.appdir / "entries" / "applications" / f"{APPID}.desktop").read_text("utf-8")
    assert "Name[zh_CN]=劳动争议与欠薪案件管理" in entry
    assert f"Icon={APPID}" in entry
    exec_path = re.search(r"^Exec=(\S+)", entry, re.M)
    assert exec_path and exec_path.group(1) == f"/opt/apps/{APPID}/files/casemgr"
    info = json.loads((installed.appdir / "info").read_text("utf-8"))
    assert info["appid"] == APPID and info["version"] == runtime.version()


def _is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def _owner(path: str) -> str | None:
    """The Debian package that installed ``path`` (also across the /usr merge's two names)."""
    real = os.path.realpath(path)
    for candidate in dict.fromkeys([path, real, real.removeprefix("/usr"), "/usr" + path]):
        out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False).stdout
        if out:
            return out.split(":")[0].strip()
    return None


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=False).stdout
    return re.findall(r"^\s+NEEDED\s+(\S+)", out, re.M)


def _debian_package_of_soname(soname: str) -> str:
    """Debian policy 8.1: libfoo.so.N is in libfooN (libfoo1.so.N in libfoo1-N)."""
    stem, _, ver = soname.partition(".so.")
    ver = ver.split(".")[0]
    return stem + ("-" if stem[-1].isdigit() else "") + ver


def test_every_library_needed_is_bundled_or_a_declared_dependency(built: Built, installed: Installed) -> None:
    """A library the folder needs but neither carries nor declares would fail on a clerk's PC."""
    depends_field = subprocess.run(
        ["dpkg-deb", "-f", str(built.deb), "Depends"], capture_output=True, text=True, check=True
    ).stdout
    declared = {alt.strip().split(" ")[0] for alt in re.split(r"[,|]", depends_field) if alt.strip()}
    files = [p for p in installed.files.rglob("*") if _is_elf(p)]
    bundled = {p.name for p in files}
    libc = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1"}
    cache = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    missing: dict[str, str] = {}
    package_of: dict[str, str] = {}
    for f in files:
        for soname in _needed(f):
            if soname in bundled or soname in libc or soname.startswith("ld-linux"):
                continue
            if soname not in package_of:
                where = re.search(rf"^\s+{re.escape(soname)} \(.*?\) => (\S+)", cache, re.M)
                package_of[soname] = (where and _owner(where.group(1))) or _debian_package_of_soname(soname)
            if package_of[soname] not in declared:
                missing[soname] = f"{package_of[soname]} (needed by {f.relative_to(installed.files)})"
    assert not missing, "\n".join(f"{k}: {v}" for k, v in sorted(missing.items()))


# --------------------------------------------------------------------------- using it


def _ledger(path: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    try:
        from bench.bench_import import generate
    finally:
        sys.path.remove(str(ROOT))
    generate(path, LEDGER_ROWS)
    return path


def test_a_clerk_s_first_day_with_the_installed_program(installed: Installed, tmp_path: Path) -> None:
    env = bare_env(tmp_path / "home 张三", CASEMGR_IMPORT_PROCESSES="1")
    head = db.head_revision()
    assert (
        run(installed, ["casemgr-cli", "--version"], env).strip()
        == f"casemgr {runtime.version()} (schema {head})"
    )
    assert run(installed, ["casemgr", "--version"], env).strip().endswith(f"(schema {head})")

    out = run(
        installed,
        ["casemgr-cli", "user", "create", "admin", "--role", "admin", "--name", "管理员"],
        env,
        PASSWORD + "\n",
    )
    assert "admin" in out
    database = Path(env["HOME"]) / ".local/share/casemgr/casemgr/casemgr.db"
    assert database.is_file(), "the command line must use the desktop app's data folder"

    ledger = _ledger(tmp_path / "2021-2025 台账.csv")
    out = run(
        installed,
        ["casemgr-cli", "import", "--user", "admin", str(ledger)],
        env,
        PASSWORD + "\n",
        timeout=600,
    )
    assert f"{LEDGER_ROWS} created" in out, out
    con = sqlite3.connect(database)
    try:
        assert con.execute("SELECT count(*) FROM cases").fetchone()[0] == LEDGER_ROWS
    finally:
        con.close()

    pdf = tmp_path / "月报 2024-06.pdf"
    run(installed, ["casemgr-cli", "report", "--month", "2024-06", "--out", str(pdf), "--lang", "zh"], env)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    cjk = [r for r in rows if "WenQuanYiMicroHei" in r[0]]
    assert cjk, fonts
    # name type [type2] encoding emb sub uni id gen: "emb" is the 5th field from the end
    assert all(r[-5] == "yes" for r in cjk), fonts
    # ReportLab lists its base-14 Helvetica as the page's initial font; no text is set in it.
    assert all(r[-5] == "yes" or r[0] == "Helvetica" for r in rows), fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "劳动争议调解仲裁与劳动保障监察月度统计报表" in text.replace(" ", "")

    shot = tmp_path / "main-window.png"
    out = run(installed, ["casemgr", "--selftest", str(shot)], env, f"admin\n{PASSWORD}\n", timeout=300)
    result = json.loads(out.strip().splitlines()[-1])
    assert result["ok"] and result["frozen"], result
    assert result["qt_cancel"] == "取消", "Qt's own zh_CN translation was not loaded"
    assert result["window_title"].startswith("劳动争议与欠薪案件管理")
    assert (
        result["report_font"].endswith("resources/fonts/wqy-microhei.ttc") and result["report_font_embedded"]
    )
    assert shot.is_file() and shot.stat().st_size > 20_000
    keep = os.environ.get("CASEMGR_KEEP_SCREENSHOTS")
    if keep:
        shutil.copy(shot, Path(keep) / "frozen-main-window.png")


def test_a_newer_version_upgrades_the_previous_schema_and_keeps_data_and_audit(
    installed: Installed, tmp_path: Path
) -> None:
    """N-1: a database at the previous Alembic revision, with cases and an audit chain.

    Made by the installed program at head, then taken back to the previous revision's schema
    with that revision's own downgrade (tests/test_migrations.py proves each downgrade keeps
    the rows); the installed program must back it up, upgrade it and find everything.
    """
    env = bare_env(tmp_path / "home")
    path = Path(env["HOME"]) / ".local/share/casemgr/casemgr/casemgr.db"
    run(installed, ["casemgr-cli", "user", "create", "admin", "--role", "admin"], env, PASSWORD + "\n")
    sys.path.insert(0, str(ROOT))
    try:
        from bench.bench_import import generate
    finally:
        sys.path.remove(str(ROOT))
    ledger = tmp_path / "ledger.csv"
    generate(ledger, 300)
    run(installed, ["casemgr-cli", "import", "--user", "admin", str(ledger)], env, PASSWORD + "\n")

    revisions = [r.revision for r in _script().walk_revisions()]  # newest first
    assert len(revisions) >= 2
    previous = revisions[1]
    db.downgrade(f"sqlite:///{path}", previous)
    tables = ("cases", "audit_entries", "events", "persons", "employers", "deadlines")

    def snapshot() -> tuple[str, dict[str, int], str]:
        con = sqlite3.connect(path)
        try:
            rev = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
            last = con.execute("SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1").fetchone()[0]
        finally:
            con.close()
        return rev, counts, last

    rev, before, last_hash = snapshot()
    assert rev == previous and before["cases"] == 300 and before["audit_entries"] > 300

    out = run(installed, ["casemgr-cli", "db", "upgrade"], env)
    assert out.strip() == db.head_revision()
    rev, after, after_hash = snapshot()
    assert rev == db.head_revision()
    assert after == before and after_hash == last_hash
    assert len(list(path.parent.glob(f"casemgr.before-upgrade-{previous}-*.db"))) == 1
    run(installed, ["casemgr-cli", "audit", "verify"], env)


def _script() -> object:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(db.alembic_config("sqlite://"))


def test_the_windows_installer_script_compiles(built: Built, tmp_path: Path) -> None:
    """packaging/casemgr.nsi through NSIS's own compiler (Debian's nsis builds Windows installers).

    The Windows build itself cannot run here; this catches a broken installer script. The
    folder compiled in is this build's (Linux) folder laid out under the Windows names.
    """
    if shutil.which("makensis") is None:
        if not _install_into_machine():
            pytest.skip("makensis is not installed (apt-get install nsis)")
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "--no-install-recommends", "nsis"],
            check=True,
            capture_output=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
    src = tmp_path / "casemgr"
    shutil.copytree(built.folder / "_internal" / "resources", src / "_internal" / "resources")
    shutil.copy(built.folder / "casemgr", src / "casemgr.exe")
    shutil.copy(built.folder / "casemgr-cli", src / "casemgr-cli.exe")
    setup = tmp_path / f"casemgr-{runtime.version()}-setup.exe"
    proc = subprocess.run(
        [
            "makensis",
            "-INPUTCHARSET",
            "UTF8",
            "-WX",  # warnings are errors
            "-V2",
            f"-DVERSION={runtime.version()}",
            f"-DSOURCE={src}",
            f"-DOUTFILE={setup}",
            str(ROOT / "packaging" / "casemgr.nsi"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert setup.read_bytes()[:2] == b"MZ"
