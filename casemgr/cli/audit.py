"""``casemgr audit verify|anchor``: prove the audit trail, and the rows it describes, untouched.

``verify`` checks, in order: the hash chain (an entry changed, removed or inserted); the
anchors — every one given with ``--anchor FILE`` or ``--anchor SEQ:HASH`` (as printed on a
monthly report) and every one this PC has seen (casemgr.anchors) — which show the newest
entries deleted or the chain rewritten and rehashed; then every audited row (cases with
their parties, claim items, events and documents; persons, employers, users, settings,
deadline rules, calendar years) against the last state its audit entries recorded
(casemgr.auditstate), and the cases' snapshot fields for entries older than states.

``anchor --out FILE`` checks the chain the same way and writes its head to FILE, to keep
somewhere the database's holder cannot reach (mail it, print it, archive it with the report).

On PostgreSQL run both with a login that may read the whole audit trail (an auditor, a
supervisor or the schema owner); the rows are compared by the server itself.

Exit status: 0 intact; 2 a problem was found (the first is named on stderr; ``--all`` for
every one); 1 the database could not be opened or an anchor could not be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from casemgr import anchors, audit, auditstate, db, queries

REASONS = {
    "hash": ("内容被修改", "its content was changed"),
    "link": (
        "链接断开（之前的记录被删除或插入）",
        "the chain is broken (an entry before it was removed or inserted)",
    ),
}

ENTITY_LABELS = {
    "case": ("案件", "case"),
    "person": ("自然人", "person"),
    "employer": ("用人单位", "employer"),
    "user": ("用户", "user"),
    "setting": ("设置", "setting"),
    "deadline_rule": ("期限规则", "deadline rule"),
    "calendar": ("节假日", "calendar year"),
    "month": ("月度关账", "month closure"),
}

PART_LABELS = {
    "case": ("案件信息", "case row"),
    "parties": ("当事人", "parties"),
    "claims": ("请求项目", "claim items"),
    "events": ("办理记录", "events"),
    "documents": ("文书", "documents"),
    "person": ("自然人信息", "person row"),
    "employer": ("单位信息", "employer row"),
    "user": ("用户信息（角色、区县、状态）", "user row (role, district, active)"),
    "setting": ("设置值", "value"),
    "rule": ("规则内容", "rule"),
    "calendar": ("调整的日期", "days"),
    "closure": ("冻结的报表数据", "frozen figures"),
    "(missing)": ("已被删除", "deleted"),
    "(no audit entry)": (
        "没有任何审计记录（绕过程序写入）",
        "no audit entry at all (written behind the app)",
    ),
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("audit", help="audit trail: verify the chain and the rows; export an anchor")
    p.add_argument("action", choices=["verify", "anchor"])
    p.add_argument("--all", action="store_true", help="list every problem, not only the first")
    p.add_argument(
        "--no-cases", action="store_true", help="check the chain and anchors only, not the rows it describes"
    )
    p.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="FILE|SEQ:HASH",
        help="an anchor file (audit anchor --out) or SEQ:HASH from a report; may be repeated",
    )
    p.add_argument("--out", type=Path, help="anchor: the file to write")
    p.set_defaults(func=run)


def _label(session: Session, entity: str, entity_id: str, zh: bool) -> str:
    name = ENTITY_LABELS.get(entity, (entity, entity))[0 if zh else 1]
    extra = None
    if entity_id.isdigit() and len(entity_id) <= 18:
        if entity == "case":
            extra = queries.case_number(session, int(entity_id))
        elif entity == "user":
            found = queries.user(session, int(entity_id))
            extra = found.username if found is not None else None
    return (
        f"{name} {extra}（id {entity_id}）"
        if extra and zh
        else (f"{name} {extra} (id {entity_id})" if extra else f"{name} {entity_id}")
    )


def _state_message(session: Session, p: auditstate.StateProblem, zh: bool) -> str:
    what = _label(session, p.entity, p.entity_id, zh)
    parts = ("、" if zh else ", ").join(PART_LABELS.get(x, (x, x))[0 if zh else 1] for x in p.parts)
    if p.entity == "case" and "case" in p.parts and p.entity_id.isdigit():
        # Which fields: the case's last audited snapshot names them (when they are in it).
        fields = next(audit.iter_case_problems(session, case_ids=[int(p.entity_id)]), None)
        if fields is not None and fields.entry_id is not None:
            parts += f" ({', '.join(fields.fields)})"
    if p.entry_id is None:
        return f"{what}：{parts}" if zh else f"{what}: {parts}"
    return (
        f"{what} 与审计记录 #{p.entry_id} 记录的状态不一致：{parts}"
        if zh
        else f"{what} differs from the state recorded by audit entry #{p.entry_id}: {parts}"
    )


def run(args: argparse.Namespace) -> int:
    from casemgr.cli import user_lang

    zh = user_lang() == "zh"
    lang = "zh" if zh else "en"
    given = [anchors.parse(a) for a in args.anchor]
    if args.action == "anchor" and args.out is None:
        from casemgr.errors import ValidationError

        raise ValidationError("请用 --out 指定锚点文件。", "Give the anchor file with --out.", field="out")
    url = db.resolve_url(args.db)
    database = db.open_database(url, upgrade_schema=False)
    found = 0

    def say(msg: str) -> bool:
        """Print a problem; True when the caller should stop (only the first without --all)."""
        nonlocal found
        found += 1
        print(msg, file=sys.stderr)
        return not args.all

    try:
        with database.read() as s:
            for p in audit.iter_problems(s):
                why = REASONS.get(p.reason, (p.reason, p.reason))[0 if zh else 1]
                if say(
                    f"审计记录 #{p.entry_id} 被篡改：{why}"
                    if zh
                    else f"audit entry #{p.entry_id} is broken: {why}"
                ):
                    break
        store = anchors.Store(url)
        if not found:
            with database.read() as s:
                for ap in anchors.check(s, store, given):
                    if say(anchors.describe(ap, lang)):
                        break
        chain_ok = not found
        if chain_ok and args.action == "verify" and not args.no_cases:
            with database.read() as s:
                for sp in auditstate.iter_state_problems(s):
                    if say(_state_message(s, sp, zh)):
                        break
            if not found:
                with database.read() as s:
                    for c in audit.iter_case_problems(s):
                        ref = f"#{c.entry_id}" if c.entry_id is not None else "—"
                        fields = ", ".join(c.fields)
                        if say(
                            f"案件 {c.number}（id {c.case_id}）与审计记录 {ref} 不一致：{fields}"
                            if zh
                            else f"case {c.number} (id {c.case_id}) differs from audit entry {ref}: {fields}"
                        ):
                            break
        if chain_ok:
            # The chain up to here is proven against everything remembered: remember it too.
            with database.read() as s:
                n = anchors.refresh(s, store)
                head = anchors.current(s, "anchor" if args.action == "anchor" else "verify")
            for a in given:
                store.remember_head(a)
            if head is not None:
                store.remember_head(head)
            store.save()
        if found:
            if args.action == "anchor":
                print(
                    "审计链有问题，没有写出锚点。"
                    if zh
                    else "The audit chain has problems; no anchor was written.",
                    file=sys.stderr,
                )
            return 2
        if args.action == "anchor":
            if head is None:
                print(
                    "审计记录为空，没有可写的锚点。" if zh else "The audit trail is empty: nothing to anchor."
                )
                return 0
            anchors.write_file(head, args.out, store.label)
            print(
                f"审计链锚点 {head.text()} 已写入 {args.out}"
                if zh
                else f"audit anchor {head.text()} written to {args.out}"
            )
            return 0
        tip = f"，链头 {head.text()}" if zh and head else (f", head {head.text()}" if head else "")
        print(f"审计链完整：{n} 条记录{tip}。" if zh else f"audit trail intact: {n} entries{tip}.")
        return 0
    finally:
        database.dispose()
