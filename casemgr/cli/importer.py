"""``casemgr import FILE``: a ledger from the command line, checked first, all or nothing.

Writes run as a named user (``--user``, password asked, or taken from ``CASEMGR_PASSWORD``
for scripted migrations) so the audit trail names a person. Exit status: 0 imported (or a
clean dry run), 2 rows were rejected (the rejection workbook's path is printed), 1 error.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from casemgr import db
from casemgr.actor import Actor
from casemgr.cli import user_lang
from casemgr.enums import CaseKind
from casemgr.io.columns import KIND_WORDS


def login(database: db.Database, username: str) -> Actor:
    from casemgr import auth

    password = os.environ.get("CASEMGR_PASSWORD")
    if password is None:
        password = getpass.getpass("密码 / password: ")
    with database.write() as s:
        return auth.authenticate(s, username, password)


def kind_arg(value: str) -> CaseKind:
    kind = KIND_WORDS.get(value.strip().lower())
    if kind is None:
        raise argparse.ArgumentTypeError("kind: mediation|arbitration|inspection (调解|仲裁|监察)")
    return kind


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="import a case ledger (.xlsx/.csv), checked first, all or nothing")
    p.add_argument("file", type=Path)
    p.add_argument("--user", required=True, help="user name the import runs as")
    p.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    p.add_argument("--kind", type=kind_arg, help="kind of every row when the file has no 案件类型 column")
    p.add_argument("--partial", action="store_true", help="import the good rows even if some are rejected")
    p.add_argument("--report", type=Path, help="rejection workbook (default: FILE-错误报告.xlsx)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from casemgr.io.ledger_import import ImportOptions, default_report_path, import_ledger

    zh = user_lang() == "zh"
    path: Path = args.file
    report = args.report or default_report_path(path)
    database = db.open_database(db.resolve_url(args.db))
    try:
        actor = login(database, args.user)
        opts = ImportOptions(
            dry_run=args.dry_run, all_or_nothing=not args.partial, kind=args.kind, report_path=report
        )

        def progress(phase: str, done: int, total: int) -> None:
            if sys.stderr.isatty():
                print(f"\r{phase} {done}/{total or '?'}", end="", file=sys.stderr)

        with database.write() as s:
            result = import_ledger(s, actor, path, opts, progress=progress)
    finally:
        database.dispose()
    for note in result.notes:
        print(note)
    if zh:
        print(
            f"共 {result.rows} 行：新建 {result.created}，已存在跳过 {result.existing}，"
            f"有问题 {result.rejected_rows} 行。"
        )
    else:
        print(
            f"{result.rows} rows: {result.created} created, {result.existing} already present, "
            f"{result.rejected_rows} rejected."
        )
    if result.rejections:
        for p in result.rejections[:20]:
            print(f"  第{p.row}行 {p.column}：{p.reason}" if zh else f"  row {p.row} {p.column}: {p.reason}")
        if len(result.rejections) > 20:
            print(f"  …（共 {len(result.rejections)} 条）")
        print(("错误报告：" if zh else "Rejection report: ") + str(result.report_path))
        if result.refused:
            print("未导入任何数据。" if zh else "Nothing was imported.")
        return 2
    if args.dry_run:
        print("检查通过（未写入）。" if zh else "Check passed (nothing written).")
    return 0
