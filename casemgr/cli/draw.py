"""``casemgr draw verify|rerun``: re-run a 双随机 draw from its record (docs/prevention.md §3).

``verify PLAN --user U`` reads the plan's draw from the audit chain, checks the entry's hash,
re-runs the draw from the recorded inputs and compares it with the record and with the plan's
rows; ``--record-out FILE`` also writes the record as JSON for someone outside the bureau.
``rerun FILE`` needs no database at all: it re-runs such a JSON record, as a third party would.

Exit status: 0 the same result; 2 a difference or a tampered record (named on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from casemgr.cli import _login, user_lang
from casemgr.errors import NotFoundError, ValidationError
from casemgr.services import draws

MAX_RECORD = 64 * 1024 * 1024


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("draw", help="re-run and verify a 双随机 inspection draw", epilog=_login.PASSWORD_HELP)
    actions = p.add_subparsers(dest="draw_action", required=True)
    v = actions.add_parser("verify", help="re-run a plan's draw from its audit record")
    v.add_argument("plan", type=int, help="the plan's number")
    v.add_argument("--user", required=True, help=_login.USER_HELP)
    v.add_argument("--record-out", help="also write the draw's record (JSON) to this file")
    v.set_defaults(func=run_verify)
    r = actions.add_parser("rerun", help="re-run a draw record (JSON) without any database")
    r.add_argument("record", help="the JSON written by 'draw verify --record-out'")
    r.set_defaults(func=run_rerun)


def _print(result: list[tuple[int, list[int]]]) -> None:
    for rank, (employer, team) in enumerate(result, start=1):
        print(f"{rank}\temployer {employer}\tinspectors {','.join(map(str, team))}")


def _problems(problems: list[tuple[str, str]]) -> int:
    zh = user_lang() == "zh"
    for p_zh, p_en in problems:
        print(p_zh if zh else p_en, file=sys.stderr)
    return 2 if problems else 0


def run_verify(args: argparse.Namespace) -> int:
    if not 0 < args.plan < 2**31:
        raise NotFoundError("没有这个抽查计划。", "No such inspection plan.")
    database, actor = _login.open_as(args.db, args.user)
    try:
        with database.read() as s:
            check = draws.verify(s, actor, args.plan)
            record = draws.draw_record(s, args.plan)
    finally:
        database.dispose()
    if args.record_out and record is not None:
        Path(args.record_out).write_text(
            json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(
        f"seed: {check.seed}\nalgorithm: {check.algorithm}\nemployer pool SHA-256: {check.employer_pool_sha256}"
    )
    _print(check.rerun)
    return _problems(check.problems)


def run_rerun(args: argparse.Namespace) -> int:
    path = Path(args.record)
    bad = ValidationError(
        f"{args.record} 不是抽取记录（JSON）。", f"{args.record} is not a draw record (JSON).", field="record"
    )
    if not path.is_file() or path.stat().st_size > MAX_RECORD:
        raise bad
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise bad from None
    if not isinstance(record, dict):
        raise bad
    rerun, problems = draws.verify_record(record)
    print(f"seed: {record.get('seed')}\nalgorithm: {record.get('algorithm')}")
    _print(rerun)
    return _problems(problems)
