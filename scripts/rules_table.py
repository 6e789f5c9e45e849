"""Regenerate the rule tables of docs/deadlines.md from resources/rules/*.json.

    .venv/bin/python scripts/rules_table.py          # rewrite the tables in place
    .venv/bin/python scripts/rules_table.py --check  # exit 1 if the page is out of date

Each clock is listed with its trigger (day 0), length and unit, extension, whom it binds
(the bureau, or a party: a party's period is never the bureau's overdue), whether it is
statutory or a policy target, what selects it, and its citation (the text users see). The
triggers live here, keyed by rule code: a new rule without one prints "—" until added.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "deadlines.md"
KINDS = (
    ("mediation", "调解 Mediation"),
    ("arbitration", "仲裁 Arbitration"),
    ("inspection", "监察 Inspection"),
)

TRIGGERS = {
    "med.accept": "收到申请 / application received",
    "med.centre.accept": "收到申请 / application received",
    "med.green.accept": "收到申请 / application received",
    "med.arbitration_right": "调解组织收到申请 / the body received the application",
    "med.conclude": "受理 / acceptance",
    "med.centre.conclude": "受理 / acceptance",
    "med.review": "受理仲裁审查申请 / acceptance of the review application",
    "med.supervision": "挂牌（登记时即符合的，自收案）/ listing (from receipt if listed at registration)",
    "med.clue_reply": "收到来件 / the clue came in",
    "arb.supplement_notice": "收到申请 / application received",
    "arb.accept": "收到申请（补正的，材料补正之日）/ receipt (or the day the materials were completed)",
    "arb.green.accept": "收到申请 / application received",
    "arb.entrusted_mediation": "双方当事人同意委托调解 / both parties consent to entrusted mediation",
    "arb.serve_copy": "受理 / acceptance",
    "arb.defence": "被申请人收到（视为收到）申请书副本 / the respondent's (deemed) receipt of the copy",
    "arb.serve_defence": "收到答辩书 / the defence received",
    "arb.counterclaim_accept": "收到反申请（须在答辩期内）/ counter-claim received (inside the defence period)",
    "arb.tribunal_notice": "受理 / acceptance",
    "arb.collective.notice": "受理 / acceptance",
    "arb.green.notify": "受理 / acceptance",
    "arb.hearing_notice": "开庭日（向前倒数）/ the hearing date (counted back)",
    "arb.award": "受理；追加、变更请求、合并反申请、移送时重新起算 / acceptance; restarts on joinder, changed claims, counter-claim, transfer",
    "arb.green.award": "受理 / acceptance",
    "arb.after_award.sue": "劳动者收到（视为收到）裁决书 / the worker's (deemed) receipt of the award",
    "arb.after_award.worker_sue": "劳动者收到（视为收到）裁决书 / the worker's (deemed) receipt of the award",
    "arb.after_award.employer_set_aside": "用人单位收到（视为收到）裁决书 / the employer's (deemed) receipt of the award",
    "arb.after_award.employer_sue": "用人单位收到（视为收到）裁决书 / the employer's (deemed) receipt of the award",
    "arb.enforce.final": (
        "终局裁决作出之日（生效），至其后两年（遇法定休假日顺延）/ the final award's date (effective),"
        " to two years after it (rolled past a holiday)"
    ),
    "arb.enforce.nonfinal": (
        "双方起诉期间均届满的次日（生效），至其后两年（遇法定休假日顺延）/ the day after both parties'"
        " 15 days (effective), to two years after it (rolled past a holiday)"
    ),
    "insp.court_enforce": (
        "处理决定送达且未付清：自复议（60日）、诉讼（6个月）期限届满次日起，至届满后三个月 / the decision"
        " served and unpaid: from the day after the time to challenge it (60 days; 6 months) ends, to 3"
        " months after"
    ),
    "arb.supervision": "挂牌（登记时即符合的，自收案）/ listing (from receipt if listed at registration)",
    "arb.clue_reply": "收到来件 / the clue came in",
    "insp.accept": "收到投诉 / complaint received",
    "insp.green.accept": "收到投诉 / complaint received",
    "insp.investigate.gd": "立案 / case filed",
    "insp.investigate.national": "立案 / case filed",
    "insp.green.investigate": "立案 / case filed",
    "insp.suspension_notice": "中止 / suspension",
    "insp.pay_order": "责令支付（至指定日）/ the order (to the date it sets)",
    "insp.blacklist": "责令支付期限届满 / expiry of the order to pay",
    "insp.supervision": "挂牌（登记时即符合的，自收案）/ listing (from receipt if listed at registration)",
    "insp.serve_decision": "作出决定 / the decision",
    "insp.clue_reply": "收到来件 / the clue came in",
    "insp.report.file": "收到举报 / report received",
    "insp.serve_order": "作出限期整改指令书 / the order is made",
    "insp.transfer_notice": "收到投诉（无管辖权）/ complaint received (outside jurisdiction)",
    "insp.blacklist.objection": "列入告知送达（公告的，公告期满）/ service of the notice (end of publication)",
    "insp.blacklist.verify": "收到异议 / objection received",
    "insp.blacklist.term": "列入决定（至 listed_until）/ the listing decision (to listed_until)",
    "insp.blacklist.early": "收到提前移出申请 / early-removal application received",
    "insp.blacklist.removal": "列入期满（removal_from）/ end of the term (removal_from)",
}


def _length(r: dict) -> str:
    unit = "工作日 wd" if r["day_type"] == "working" else "自然日 cd"
    if r.get("anchor") == "before_field":
        field = r.get("anchor_field")
        return f"{field} 前 {r['length']} {unit} / {r['length']} {unit} before {field}"
    if r.get("anchor") == "due_field":
        return f"至 {r.get('anchor_field')} 指定日 / to the date in {r.get('anchor_field')}"
    extra = []
    if r.get("waiting"):
        extra.append("等待期间，不顺延 / a waiting period, never rolled forward")
    if r.get("after_close"):
        extra.append("结案后继续计时 / runs on after closing")
    return f"{r['length']} {unit}" + (f"（{'；'.join(extra)}）" if extra else "")


def _row(r: dict) -> str:
    binds = "当事人 party" if r.get("party_period") else "本局 bureau"
    hard = "法定 statutory" if r.get("hard_limit", True) else "目标 target"
    when = ", ".join(f"{k}={v}" for k, v in (r.get("when") or {}).items()) or "—"
    ext = str(r["extension_days"]) if r.get("extension_days") else "—"
    cells = [
        f"`{r['code']}`",
        r["name_zh"],
        r["name_en"],
        TRIGGERS.get(r["code"], "—"),
        _length(r),
        ext,
        binds,
        hard,
        when,
        r["citation"],
    ]
    return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"


def tables() -> str:
    rules: dict[str, list[dict]] = {k: [] for k, _ in KINDS}
    for path in sorted((ROOT / "resources" / "rules").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        rules[doc["kind"]].extend(doc["rules"])
    out = []
    head = (
        "| 代码 code | 名称 | Name | 起算 trigger (day 0) | 期限 length | 延长 extension | 约束 binds "
        "| 性质 kind | 适用 selected when | 依据 citation |\n|---|---|---|---|---|---|---|---|---|---|"
    )
    for kind, title in KINDS:
        out.append(f"### {title}\n\n{head}\n" + "\n".join(_row(r) for r in rules[kind]))
    return "\n\n".join(out) + "\n"


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("## 规则一览 / Rules")
    end = text.index("## 其他参数", start)
    new = text[:start] + "## 规则一览 / Rules\n\n" + tables() + "\n" + text[end:]
    new = re.sub(r"\n{3,}", "\n\n", new)
    if "--check" in sys.argv:
        return 0 if new == text else 1
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
