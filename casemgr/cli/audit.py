"""``casemgr audit verify``: prove the audit trail (and the cases it describes) are untouched.

Exit status: 0 intact; 2 a problem was found (the first is named on stderr); 1 the
database could not be opened. Meant for a scheduled task as much as for a person.
"""

from __future__ import annotations

import argparse
import sys

from casemgr import audit, db

REASONS = {
    "hash": ("内容被修改", "its content was changed"),
    "link": (
        "链接断开（之前的记录被删除或插入）",
        "the chain is broken (an entry before it was removed or inserted)",
    ),
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("audit", help="audit trail: verify the hash chain")
    p.add_argument("action", choices=["verify"])
    p.add_argument("--all", action="store_true", help="list every problem, not only the first")
    p.add_argument("--no-cases", action="store_true", help="check the chain only, not the case rows")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from casemgr.cli import user_lang

    zh = user_lang() == "zh"
    database = db.open_database(db.resolve_url(args.db), upgrade_schema=False)
    found = 0
    try:
        with database.read() as s:
            for p in audit.iter_problems(s):
                found += 1
                why = REASONS.get(p.reason, (p.reason, p.reason))[0 if zh else 1]
                msg = (
                    f"审计记录 #{p.entry_id} 被篡改：{why}"
                    if zh
                    else f"audit entry #{p.entry_id} is broken: {why}"
                )
                print(msg, file=sys.stderr)
                if not args.all:
                    break
        if not found and not args.no_cases:
            with database.read() as s:
                for c in audit.iter_case_problems(s):
                    found += 1
                    ref = f"#{c.entry_id}" if c.entry_id is not None else "—"
                    fields = ", ".join(c.fields)
                    msg = (
                        f"案件 {c.number}（id {c.case_id}）与审计记录 {ref} 不一致：{fields}"
                        if zh
                        else f"case {c.number} (id {c.case_id}) differs from audit entry {ref}: {fields}"
                    )
                    print(msg, file=sys.stderr)
                    if not args.all:
                        break
        if found:
            return 2
        with database.read() as s:
            n = audit.count_entries(s)
        print(f"审计链完整：{n} 条记录。" if zh else f"audit trail intact: {n} entries.")
        return 0
    finally:
        database.dispose()
