"""Where the program finds its files and the user's data, on every platform it ships to (issue 16).

The installers' own build is tested in tests/test_packaging.py; here the path logic runs for
a Windows user with a Chinese name on this Linux machine (the logic takes the platform and
the environment as arguments), and the files with awkward names a bureau's PC has.
"""

from __future__ import annotations

import ast
import re
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

import casemgr
from casemgr import backup, db, runtime
from casemgr.reports import fonts

ROOT = Path(__file__).resolve().parent.parent
WIN_HOME = r"C:\Users\张三"
WIN_ENV = {
    "APPDATA": r"C:\Users\张三\AppData\Roaming",
    "LOCALAPPDATA": r"C:\Users\张三\AppData\Local",
    "USERPROFILE": WIN_HOME,
}


# --------------------------------------------------------------------------- data folder


def test_windows_data_folder_is_local_appdata_not_roaming() -> None:
    d = runtime.data_dir_for("win32", WIN_ENV, WIN_HOME)
    assert isinstance(d, PureWindowsPath)
    assert d == PureWindowsPath(r"C:\Users\张三\AppData\Local\casemgr\casemgr")
    assert str(d / "casemgr.db") == r"C:\Users\张三\AppData\Local\casemgr\casemgr\casemgr.db"
    assert "Roaming" not in str(d)


def test_windows_data_folder_without_localappdata_falls_back_to_the_home() -> None:
    d = runtime.data_dir_for("win32", {}, WIN_HOME)
    assert d == PureWindowsPath(r"C:\Users\张三\AppData\Local\casemgr\casemgr")


def test_windows_override_is_a_windows_path_and_kept_as_given() -> None:
    env = {**WIN_ENV, "CASEMGR_DATA_DIR": r"D:\案件数据\汕尾"}
    d = runtime.data_dir_for("win32", env, WIN_HOME)
    assert d == PureWindowsPath(r"D:\案件数据\汕尾")
    assert d.drive == "D:"


def test_linux_data_folder_follows_xdg_and_ignores_a_relative_value() -> None:
    home = "/home/张三"
    assert runtime.data_dir_for("linux", {}, home) == PurePosixPath("/home/张三/.local/share/casemgr/casemgr")
    assert runtime.data_dir_for("linux", {"XDG_DATA_HOME": "/data/x"}, home) == PurePosixPath(
        "/data/x/casemgr/casemgr"
    )
    assert runtime.data_dir_for("linux", {"XDG_DATA_HOME": "rel/x"}, home) == PurePosixPath(
        "/home/张三/.local/share/casemgr/casemgr"
    )


def test_mac_data_folder() -> None:
    assert runtime.data_dir_for("darwin", {}, "/Users/z") == PurePosixPath(
        "/Users/z/Library/Application Support/casemgr/casemgr"
    )


@pytest.mark.gui
def test_the_command_line_and_the_app_agree_on_the_data_folder(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI computes without Qt what the app asks Qt; a backup script must open the app's file."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    monkeypatch.delenv("CASEMGR_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "数据"))
    org, app = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(runtime.ORGANIZATION)
    QCoreApplication.setApplicationName(runtime.APPLICATION)
    try:
        qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    finally:
        QCoreApplication.setOrganizationName(org)
        QCoreApplication.setApplicationName(app)
    assert Path(qt) == runtime.data_dir() == db.default_data_dir()


def test_a_database_left_in_the_old_command_line_folder_is_still_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CASEMGR_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert db.default_data_dir() == tmp_path / "casemgr" / "casemgr"
    (tmp_path / "casemgr").mkdir()
    (tmp_path / "casemgr" / "casemgr.db").write_bytes(b"")
    assert db.default_data_dir() == tmp_path / "casemgr"
    (tmp_path / "casemgr" / "casemgr").mkdir()
    (tmp_path / "casemgr" / "casemgr" / "casemgr.db").write_bytes(b"")
    assert db.default_data_dir() == tmp_path / "casemgr" / "casemgr"


# --------------------------------------------------------------------------- file names


def test_sqlite_uri_for_windows_drive_and_share_paths() -> None:
    assert (
        db.sqlite_uri(PureWindowsPath(r"C:\Users\张三\AppData\Local\casemgr\casemgr\casemgr.db"))
        == "file:///C:/Users/%E5%BC%A0%E4%B8%89/AppData/Local/casemgr/casemgr/casemgr.db?mode=ro"
    )
    assert (
        db.sqlite_uri(PureWindowsPath(r"\\文件服务器\备份#2\casemgr.db"))
        == "file:////%E6%96%87%E4%BB%B6%E6%9C%8D%E5%8A%A1%E5%99%A8/%E5%A4%87%E4%BB%BD%232/casemgr.db?mode=ro"
    )


AWKWARD = "案件 #1 100%20 ?备份"  # '?' is not allowed on Windows, the rest is


@pytest.mark.parametrize("folder", [AWKWARD.replace("?", ""), AWKWARD])
def test_database_and_backup_in_a_folder_with_chinese_and_uri_characters(tmp_path: Path, folder: str) -> None:
    """A '#' or '%' in a path once made the backup copy an empty file and call it checked."""
    if sys.platform == "win32" and "?" in folder:
        pytest.skip("'?' cannot be in a Windows file name")
    where = tmp_path / folder
    where.mkdir()
    path = where / "汕尾 #2.db"
    url = db.resolve_url(path)
    assert db.sqlite_path(url) == path
    database = db.open_database(url)
    try:
        with database.write() as s:
            s.connection().exec_driver_sql("CREATE TABLE marker (v TEXT)")
            s.connection().exec_driver_sql("INSERT INTO marker VALUES ('劳动争议')")
    finally:
        database.dispose()
    assert db.check_sqlite_file(path) == db.head_revision()
    copy = backup.copy_database(path, where / "备份 #1.db")
    con = sqlite3.connect(copy)
    try:
        assert con.execute("SELECT v FROM marker").fetchone() == ("劳动争议",)
    finally:
        con.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder], "a stray file was created"


# --------------------------------------------------------------------------- shipped files


def test_resources_come_from_the_bundle_when_frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert runtime.resource_root() == ROOT
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "安装" / "_internal"), raising=False)
    assert runtime.is_frozen()
    assert (
        runtime.resource_path("resources", "rules") == tmp_path / "安装" / "_internal" / "resources" / "rules"
    )


def test_shipped_files_are_looked_up_through_runtime() -> None:
    """Counting parent folders from __file__ breaks in the frozen build (resources sit elsewhere)."""
    offenders = []
    for path in [*ROOT.joinpath("casemgr").rglob("*.py"), *ROOT.joinpath("ui").rglob("*.py")]:
        text = path.read_text("utf-8")
        if re.search(r"__file__\)[^\n]*parent[^\n]*(resources|migrations)", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


POSIX_ONLY = re.compile(
    r"^\s*(import|from)\s+(fcntl|pwd|grp|termios|resource|posix)\b"
    r"|os\.(fork|getuid|geteuid|getgid|chown|killpg|setsid|getpgid|WNOHANG)\b"
    r"|signal\.SIG(KILL|STOP|CONT|HUP|USR1|USR2|CHLD|ALRM)\b",
    re.M,
)


def test_no_posix_only_calls_in_the_program() -> None:
    """The same code runs on Windows: no fork, no POSIX signals, users or file locks."""
    offenders = []
    for path in [
        *ROOT.joinpath("casemgr").rglob("*.py"),
        *ROOT.joinpath("ui").rglob("*.py"),
        ROOT / "main.py",
    ]:
        for m in POSIX_ONLY.finditer(path.read_text("utf-8")):
            offenders.append(f"{path.relative_to(ROOT)}: {m.group(0).strip()}")
    assert not offenders


# --------------------------------------------------------------------------- version


def test_version_has_one_source() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "casemgr.__version__"}
    tree = ast.parse((ROOT / "casemgr" / "__init__.py").read_text("utf-8"))
    assigned = [n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "__version__"]  # type: ignore[attr-defined]
    assert len(assigned) == 1 and re.fullmatch(r"\d+\.\d+\.\d+", casemgr.__version__)


def test_cli_version_names_the_schema_revision() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "casemgr", "--version"], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == f"casemgr {casemgr.__version__} (schema {db.head_revision()})"


def test_launcher_dispatches_cli_planner_and_app(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import launcher
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    with pytest.raises(SystemExit) as exc:
        launcher.main(["casemgr", "--cli", "--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip().endswith(f"(schema {db.head_revision()})")

    from casemgr.io import planner

    called: list[str] = []
    monkeypatch.setattr(planner, "main", lambda: called.append("planner") or 0)
    assert launcher.main(["casemgr", "-m", "casemgr.io.planner"]) == 0
    assert called == ["planner"]

    import ui.app

    monkeypatch.setattr(ui.app, "run", lambda argv: called.append(" ".join(argv)) or 0)
    assert launcher.main(["casemgr", "--db", "案件.db"]) == 0
    assert called[-1] == "casemgr --db 案件.db"


# --------------------------------------------------------------------------- fonts


def test_reports_use_the_shipped_font_and_a_chosen_one(tmp_path: Path) -> None:
    try:
        fonts.configure(None)
        assert fonts.cjk_font().path == str(fonts.bundled_font())
        assert fonts.cjk_font().embedded
        own = tmp_path / "局 字体" / "仿宋#1.ttc"
        own.parent.mkdir()
        own.write_bytes(fonts.bundled_font().read_bytes())
        assert fonts.font_problem(str(own)) is None
        fonts.configure(str(own))
        assert fonts.cjk_font().path == str(own)
    finally:
        fonts.configure(None)
    assert fonts.cjk_font().path == str(fonts.bundled_font())


def test_a_font_that_cannot_print_is_refused_with_a_reason(tmp_path: Path) -> None:
    fake = tmp_path / "NotoSansCJK.otf"
    fake.write_bytes(b"OTTO" + b"\0" * 200)
    zh, en = fonts.font_problem(str(fake)) or ("", "")
    assert "TrueType" in zh and "OpenType/CFF" in en
    zh, en = fonts.font_problem(str(tmp_path / "missing.ttf")) or ("", "")
    assert "找不到" in zh
    assert (ROOT / "resources" / "fonts" / "LICENSE-Apache-2.0.txt").is_file()
    assert "Apache-2.0" in (ROOT / "resources" / "fonts" / "COPYRIGHT-wqy-microhei.txt").read_text("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="closes fd 2 with a POSIX pre-exec hook")
def test_a_helper_process_without_stderr_still_plans(tmp_path: Path) -> None:
    """A Windows GUI build's helper: no fd 2, and Python made no stream objects (windowed mode)."""
    import os

    code = (
        "import sys; sys.stdin = sys.stdout = sys.stderr = None; sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2]); "
        "import launcher; sys.exit(launcher.main(['casemgr', '-m', 'casemgr.io.planner']))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "packaging"), str(ROOT)],
        input=b"",  # no frames: the planner ends at once, cleanly
        capture_output=False,
        stdout=subprocess.PIPE,
        preexec_fn=lambda: os.close(2),
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0
