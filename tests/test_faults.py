"""Faults and hostile files get a clear answer, never a traceback, a hang or a wrong diagnosis
(issue 18). Each test here failed before its fix: the finding is named in its docstring."""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import socket
import sqlite3
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from casemgr import cli, db, dbfaults, errors
from casemgr.enums import Role
from casemgr.io import readers
from casemgr.io.readers import LedgerFileError, read_table
from tests.conftest import make_user, sqlite_only
from tests.helpers import CLI_PASSWORD, give_password

HEADER = ["案号", "收案日期", "案件类型", "申请人姓名"]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    rc = cli.main(list(argv))
    err = capsys.readouterr().err
    return rc, err


# ------------------------------------------------------------------ the command line


@sqlite_only
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["report", "--month", "2026-10", "--out", "{tmp}/no-such-folder/x.pdf"], "not found"),
        (["report", "--month", "2026-10", "--out", "{tmp}"], "is a folder"),
        (["report", "--month", "2026-10", "--out", "{tmp}/x.json", "--today", "2026-13-01"], "is not a date"),
        (["report", "--month", "2026-10", "--district", "火星区", "--out", "{tmp}/x.json"], "known: 城区"),
    ],
)
def test_cli_bad_arguments_get_a_message_not_a_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    expected: str,
) -> None:
    """Finding 6: `report --out` into a missing folder or onto a folder, a bad --today and an
    unknown district (which silently produced an empty report) each ended in a traceback."""
    monkeypatch.setenv("CASEMGR_LANG", "en")
    database = tmp_path / "c.db"
    _supervisor_who_may_log_in(database, monkeypatch)
    argv = [*argv, "--user", "sup"]
    rc, err = _run(capsys, "--db", str(database), *[a.format(tmp=tmp_path) for a in argv])
    assert rc == 1
    assert expected in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.json").exists()


def _supervisor_who_may_log_in(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``casemgr report`` runs as a user (issue 13): one with a password in CASEMGR_PASSWORD."""
    from casemgr import db

    database = db.open_database(f"sqlite:///{path}")
    try:
        make_user(database, Role.SUPERVISOR, "sup")
        give_password(database, "sup")
    finally:
        database.dispose()
    monkeypatch.setenv("CASEMGR_PASSWORD", CLI_PASSWORD)


@pytest.mark.parametrize(
    ("db_arg", "expected"),
    [("{tmp}/devnull", "not a regular file"), ("mysql://u@localhost/x", "Unsupported database type 'mysql'")],
)
def test_cli_unusable_database_address(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    db_arg: str,
    expected: str,
) -> None:
    """Finding 6: --db /dev/null gave "disk I/O error", --db mysql://… ModuleNotFoundError.
    (A link to /dev/null stands in for it: a test must never be able to touch the device.)"""
    monkeypatch.setenv("CASEMGR_LANG", "en")
    (tmp_path / "devnull").symlink_to("/dev/null")
    rc, err = _run(
        capsys,
        "--db",
        db_arg.format(tmp=tmp_path),
        "report",
        "--month",
        "2026-10",
        "--format",
        "json",
        "--out",
        "-",
        "--user",
        "sup",
    )
    assert rc == 1
    assert expected in err
    assert "Traceback" not in err


def test_cli_internal_error_goes_to_the_log_with_its_stack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real bug: the user gets the log's path, the log gets the stack, the exit code says so."""
    monkeypatch.setenv("CASEMGR_LANG", "zh_CN")
    monkeypatch.setenv("CASEMGR_DATA_DIR", str(tmp_path / "data"))

    def boom(_args: object) -> int:
        raise RuntimeError("a bug in a sub-command")

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    parser.set_defaults(func=boom)
    sub = next(a for a in parser._actions if a.dest == "command")
    for p in sub.choices.values():  # type: ignore[union-attr]
        p.set_defaults(func=boom)
    rc, err = _run(capsys, "report", "--month", "2026-10", "--out", "-", "--user", "sup")
    log = tmp_path / "data" / "casemgr-cli.log"
    assert rc == 70
    assert "内部错误" in err and str(log) in err
    assert "Traceback" not in err
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: a bug in a sub-command" in text and "Traceback" in text


@pytest.mark.parametrize(
    ("exc", "code", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/x/r.pdf"), "disk_full", "磁盘空间已满"),
        (IsADirectoryError(errno.EISDIR, "Is a directory", "/x"), "file", "是一个文件夹"),
        (FileNotFoundError(errno.ENOENT, "No such file", "/x/r.pdf"), "file", "找不到"),
        (PermissionError(errno.EACCES, "Permission denied", "/x/r.pdf"), "file", "没有权限"),
    ],
)
def test_os_errors_in_the_users_words(exc: OSError, code: str, words: str) -> None:
    known = errors.from_os_error(exc)
    assert known.code == code
    assert words in known.message("zh")
    assert "/x" in known.message("zh")


# ------------------------------------------------------------------ hostile ledgers


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.mark.parametrize("length", [131_073, 40_000])
def test_huge_csv_cell_is_refused_with_a_message(tmp_path: Path, length: int) -> None:
    """Finding 2: a cell over 131,072 characters crashed the reader (_csv.Error); one over
    Excel's 32,767 went on to break the rejection workbook."""
    path = _csv(tmp_path / "l.csv", [HEADER, ["仲A-1", "2026-11-02", "仲裁", "x" * length]])
    with pytest.raises(LedgerFileError) as info:
        list(read_table(path).rows)
    assert "第2行" in info.value.message("zh")


def test_csv_cell_at_the_limit_is_read(tmp_path: Path) -> None:
    path = _csv(tmp_path / "l.csv", [HEADER, ["仲A-1", "2026-11-02", "仲裁", "张" * readers.MAX_CELL_CHARS]])
    (row,) = list(read_table(path).rows)
    assert len(row[1][3]) == readers.MAX_CELL_CHARS  # type: ignore[arg-type]


def _ledger_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    ws.append(["仲A-1", "2026-11-02", "仲裁", "张三"])
    wb.save(path)
    return path


def _rewrite_zip(
    src: Path, dest: Path, extra: dict[str, bytes], replace: dict[str, bytes] | None = None
) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = (replace or {}).get(info.filename, zin.read(info.filename))
            zout.writestr(info.filename, data)
        for name, data in extra.items():
            zout.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return dest


def test_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    """Finding 1: a 2.5 MB zip bomb named .xlsx took 10.9 GB of memory and 8 minutes."""
    good = _ledger_xlsx(tmp_path / "good.xlsx")
    bomb = _rewrite_zip(
        good, tmp_path / "bomb.xlsx", {"xl/sharedStrings.xml": b"<a>" + b"0" * 20_000_000 + b"</a>"}
    )
    assert bomb.stat().st_size < 200_000  # 20 MB of zeros packs into a few dozen KB
    with pytest.raises(LedgerFileError) as info:
        read_table(bomb)
    assert "sharedStrings.xml" in info.value.message("en")
    assert read_table(good).headers[:4] == HEADER  # a normal workbook still reads


def test_declared_sheet_width_is_refused_before_rows_are_padded(tmp_path: Path) -> None:
    """A sheet declaring 16,384 columns made every row 16,384 cells long."""
    good = _ledger_xlsx(tmp_path / "good.xlsx")
    with zipfile.ZipFile(good) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    assert b'ref="A1:D2"' in sheet
    wide = _rewrite_zip(
        good,
        tmp_path / "wide.xlsx",
        {},
        {"xl/worksheets/sheet1.xml": sheet.replace(b'ref="A1:D2"', b'ref="A1:XFD2"')},
    )
    with pytest.raises(LedgerFileError) as info:
        read_table(wide)
    assert "16,384" in info.value.message("en")


# ------------------------------------------------------------------ the database's faults


def _sqlite_error(code: int, text: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("code", "free", "expected"),
    [
        (db.SQLITE_FULL, 10**12, "disk_full"),
        (db.SQLITE_IOERR, 1024, "disk_full"),  # an I/O error with no space left: the disk is full
        (db.SQLITE_IOERR, 10**12, "db_io"),
        (db.SQLITE_READONLY, 10**12, "db_readonly"),
        (db.SQLITE_BUSY, 10**12, "db_busy"),
    ],
)
def test_environment_faults_are_never_called_damage(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code: int, free: int, expected: str
) -> None:
    """Finding 4: a full disk was reported as a damaged file, with advice to restore a backup
    — which would throw away every change since it."""
    monkeypatch.setattr(dbfaults, "_free_bytes", lambda _p: free)
    known = db.fault_error(_sqlite_error(code, "x"), tmp_path / "c.db")
    assert known is not None and known.code == expected
    assert "恢复" not in known.message("zh") or "不要从备份恢复" in known.message("zh")
    assert db.damaged_file_error(_sqlite_error(code, "x")) is None


@sqlite_only
def test_full_disk_at_open_is_named_and_the_file_left_alone(
    monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    real = sqlite3.connect

    def full(*args: object, **kw: object) -> sqlite3.Connection:
        con = real(*args, **kw)  # type: ignore[arg-type]
        con.close()
        raise _sqlite_error(db.SQLITE_IOERR, "disk I/O error")

    monkeypatch.setattr(db.sqlite3, "connect", full)
    monkeypatch.setattr(dbfaults, "_free_bytes", lambda _p: 0)
    with pytest.raises(errors.DatabaseError) as info:
        db.check_sqlite_file(db_path)
    assert info.value.code == "disk_full"
    assert "已损坏" not in info.value.message("zh")
    monkeypatch.undo()
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


@sqlite_only
def test_second_writer_is_told_who_holds_the_database(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    """Finding 3: a long import held the write lock past the 10 s wait; a colleague's save then
    failed with a raw "database is locked" shown as 意外错误."""
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 300)
    url = db.sqlite_url(db_path)
    importer, colleague = db.open_database(url), db.open_database(url)
    try:
        clerk = make_user(importer, Role.CLERK, "wangfang")
        with importer.write() as s, db.holding(s, clerk.username, "导入台账", "ledger import", 120):
            s.execute(
                text("UPDATE users SET display_name = display_name WHERE id = :i"), {"i": clerk.user_id}
            )
            assert db.holder_path(db_path).exists()
            with pytest.raises(errors.DatabaseError) as info, colleague.write() as s2:
                s2.execute(text("UPDATE users SET display_name = 'x'"))
        assert info.value.code == "db_busy"
        zh = info.value.message("zh")
        assert "wangfang" in zh and "导入台账" in zh and "预计" in zh and "没有保存" in zh
        assert not db.holder_path(db_path).exists()
        with colleague.read() as s3:
            assert "x" not in {r[0] for r in s3.execute(text("SELECT display_name FROM users"))}
        with pytest.raises(errors.DatabaseError) as plain, importer.write() as s4:
            s4.execute(text("UPDATE users SET display_name = display_name"))
            with colleague.write() as s5:
                s5.execute(text("UPDATE users SET display_name = 'y'"))
        assert "另一位同事或程序" in plain.value.message("zh")
    finally:
        importer.dispose()
        colleague.dispose()


def test_stale_holder_of_a_dead_process_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    db.holder_path(path).write_text(
        json.dumps(
            {"who": "ghost", "what_zh": "导入台账", "pid": 999_999_999, "host": socket.gethostname(), "at": 0}
        ),
        encoding="utf-8",
    )
    assert db.read_holder(path) is None
    assert "ghost" not in db.busy_error(path).message("zh")


@sqlite_only
def test_an_import_says_who_holds_the_database_while_it_runs(db_path: Path, tmp_path: Path) -> None:
    """The note the busy message reads is there during the import and gone after it."""
    from casemgr.io.ledger_import import ImportOptions, import_ledger
    from tests.helpers import TODAY
    from tests.test_import_ledger import good_rows, write_csv

    database = db.open_database(db.sqlite_url(db_path))
    try:
        admin = make_user(database, Role.SUPERVISOR, "zhaolei")
        seen: list[dict[str, str] | None] = []
        path = write_csv(tmp_path / "l.csv", good_rows(), "utf-8")
        with database.write() as s:
            result = import_ledger(
                s,
                admin,
                path,
                ImportOptions(today=TODAY, report_path=tmp_path / "r.xlsx"),
                progress=lambda *_a: seen.append(db.read_holder(db_path)),
            )
        assert result.created == 4
        assert seen and all(h is not None and h["who"] == "zhaolei" for h in seen)
        assert db.read_holder(db_path) is None
    finally:
        database.dispose()


def test_the_desktop_shows_a_file_fault_as_a_message(qtbot: object, database: db.Database) -> None:
    """An OSError from a job (a report into a missing folder) reached the crash handler."""
    from ui.ops import OpRunner

    runner = OpRunner(database, lambda: "zh")
    shown: list[errors.KnownError] = []
    crashed: list[BaseException] = []
    runner.error_presenter = lambda _w, exc: shown.append(exc)
    runner.crash_handler = lambda exc, _tb: crashed.append(exc)

    def job(_s: object) -> None:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", "/nowhere/报告.pdf")

    runner.read(job)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)  # type: ignore[attr-defined]
    assert crashed == []
    assert len(shown) == 1 and "找不到 /nowhere/报告.pdf" in shown[0].message("zh")
    runner.wait_all()


@sqlite_only
def test_control_characters_in_rejected_cells_do_not_break_the_rejection_workbook(
    database: db.Database, tmp_path: Path
) -> None:
    """Finding 2: any control character or NUL in a rejected cell crashed the writer
    (IllegalCharacterError) and the clerk got no report at all."""
    import openpyxl

    from tests.test_import_ledger import good_rows, run, write_csv

    admin = make_user(database, Role.SUPERVISOR, "zhaolei")
    rows = good_rows()
    rows[1][2] = "2026-03-\x0109"  # a bad date with a control character: rejected with its value
    rows[1][13] = "李\x00四\x1f"
    path = write_csv(tmp_path / "l.csv", rows, "utf-8")
    result = run(database, admin, path)
    assert result.created == 0 and result.report_path is not None
    wb = openpyxl.load_workbook(result.report_path)
    values = [c for r in wb["错误清单"].iter_rows(min_row=2, values_only=True) for c in r]
    assert "2026-03-\\x0109" in values
    sheet1 = [c for r in wb.worksheets[0].iter_rows(values_only=True) for c in r]
    assert "李\\x00四\\x1f" in sheet1


@sqlite_only
def test_a_backup_never_replaces_a_device(db_path: Path, tmp_path: Path) -> None:
    """Found by the CLI fuzz test, run as root: `backup --out /dev/null` renamed the copy onto
    the device, and the machine's /dev/null became a regular file. A link to it stands in."""
    from casemgr import backup

    link = tmp_path / "devnull"
    link.symlink_to("/dev/null")
    with pytest.raises(errors.FileError):
        backup.copy_database(db_path, link)
    assert link.is_symlink() and not Path("/dev/null").is_file()


@pytest.mark.parametrize("on", [False, 0, ""])
def test_a_falsy_step_date_is_refused_not_read_as_today(database: db.Database, on: object) -> None:
    """Found by the hostile-input test (flaky there: its first call changed the case): a step
    given on=False ran as if no date was given, i.e. today."""
    from casemgr.enums import CaseKind
    from casemgr.services import cases
    from casemgr.services import workflow as wf
    from tests.helpers import TODAY, case_input

    boss = make_user(database, Role.SUPERVISOR, "zhaolei")
    with database.write() as s:
        case_id = cases.register_case(s, boss, case_input(CaseKind.ARBITRATION), today=TODAY).id
    with pytest.raises(errors.ValidationError), database.write() as s:
        wf.apply_transition(s, boss, case_id, "accept", {}, expected_version=None, on=on)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "".join(chr(0x4E00 + i) for i in range(700)),  # 699 distinct character pairs
        "张\ud800三",  # a lone surrogate pasted into the box
    ],
)
def test_hostile_search_text_gets_an_answer(database: db.Database, text: str) -> None:
    """Finding 5: more than 500 distinct character pairs failed with "too many terms in
    compound SELECT"; a lone surrogate raised UnicodeEncodeError."""
    from casemgr import queries, search
    from casemgr.services import cases
    from tests.helpers import TODAY, case_input

    boss = make_user(database, Role.SUPERVISOR, "zhaolei")
    with database.write() as s:
        cases.register_case(s, boss, case_input(n=1), today=TODAY)
    with database.read() as s:
        assert search.search_case_ids(s, text) == []
        q = queries.CaseQuery(search=text, today=TODAY)
        assert q.page(s, 0, 50) == [] and q.count(s) == 0
