"""After the award: a party went to court (起诉, or the employer's application to set aside).

The law gives each party its own remedy against each part of an award, counted from *that
party's* receipt of the award (调解仲裁法, 2007):

* **final items** (Art. 47): the worker may sue at the basic people's court within 15 days
  (Art. 48); the employer may only apply to the 中级人民法院 to set them aside, within 30 days
  (Art. 49) — an employer's suit against a final award is not a remedy the law gives;
* **non-final items**: either party may sue within 15 days (Art. 50); if neither does, the
  award takes effect when both periods have passed.

A 仲裁调解书 takes effect when both parties sign for it (Art. 42): nothing to sue against.

The bureau *records* what a party did; it does not decide admissibility. A filing after the
period is therefore recorded and marked late ("whether it is heard is for the court"); a
filing on the last day of the period is in time. The last day is the party's own clock (the
``arb.after_award.*`` party periods that the 送达回证 of the award started), so it is counted
exactly as the case file shows it.

This module is pure (no session): the service gathers the facts and calls :func:`check_filing`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from casemgr.enums import CaseKind
from casemgr.errors import ValidationError
from casemgr.workflow import arbitration
from casemgr.workflow.model import STAY, FieldDef, TransitionDef

SUIT = "suit"  # 起诉 (Arts. 48, 50)
SET_ASIDE = "set_aside_application"  # 申请撤销裁决 (Art. 49)
ACTIONS = (SUIT, SET_ASIDE)
FINAL = "final"
NONFINAL = "nonfinal"
PARTS = (FINAL, NONFINAL)
PARTIES = ("worker", "employer")
#: What the court did. 撤诉 ends the court case without a judgment; for a suit against a
#: non-final award the award then takes effect (it was never displaced by a judgment).
OUTCOMES = (
    "award_set_aside",  # 裁定撤销裁决
    "application_dismissed",  # 裁定驳回申请
    "judgment",  # 判决
    "court_mediation",  # 法院调解
    "suit_withdrawn",  # 撤诉（含按撤诉处理）
    "other",
)
#: Outcomes after which the award stands as the arbitration commission made it.
AWARD_STANDS = {SET_ASIDE: ("application_dismissed", "suit_withdrawn"), SUIT: ("suit_withdrawn",)}
IN_TIME = "in_time"
LATE = "late"

#: The party's period for each remedy: the rule code of the clock started by the award's service.
PERIOD_RULES: dict[tuple[str, str, str], str] = {
    ("worker", SUIT, FINAL): "arb.after_award.worker_sue",
    ("worker", SUIT, NONFINAL): "arb.after_award.sue",
    ("employer", SUIT, NONFINAL): "arb.after_award.employer_sue",
    ("employer", SET_ASIDE, FINAL): "arb.after_award.employer_set_aside",
}
#: States an award case is in once the award is made (served or not, archived later).
AFTER_AWARD = ("awarded", "served", "archived")

_PARTY = FieldDef(
    "party", "choice", choices=PARTIES, label_zh="起诉或申请的当事人", label_en="party who went to court"
)
_ACTION = FieldDef("action", "choice", choices=ACTIONS, label_zh="诉讼类型", label_en="what was filed")

FILING = TransitionDef(
    "record_court_filing",
    CaseKind.ARBITRATION,
    "登记当事人起诉/申请撤销裁决",
    "Record that a party sued or applied to set the award aside",
    AFTER_AWARD,
    STAY,
    arbitration.ROLES,
    fields=(
        _PARTY,
        _ACTION,
        FieldDef(
            "part", "choice", choices=PARTS, label_zh="针对的裁决事项", label_en="award items challenged"
        ),
        FieldDef("court", "text", label_zh="受理法院", label_en="court"),
        FieldDef("court_case_no", "text", required=False, label_zh="法院案号", label_en="court case number"),
    ),
)
OUTCOME = TransitionDef(
    "record_court_outcome",
    CaseKind.ARBITRATION,
    "登记法院处理结果",
    "Record the court's outcome",
    AFTER_AWARD,
    STAY,
    arbitration.ROLES,
    fields=(
        _PARTY,
        _ACTION,
        FieldDef(
            "court_outcome", "choice", choices=OUTCOMES, label_zh="法院处理结果", label_en="court's outcome"
        ),
        FieldDef(
            "document_no", "text", required=False, label_zh="裁判文书编号", label_en="court document number"
        ),
    ),
)
RECORDS = (FILING, OUTCOME)
CODES = tuple(t.code for t in RECORDS)


def _date(v: object) -> dt.date | None:
    return dt.date.fromisoformat(str(v)[:10]) if v else None


@dataclass(frozen=True)
class Filing:
    """One party's filing as recorded (and the court's outcome, once recorded)."""

    party: str
    action: str
    part: str
    filed_on: dt.date
    court: str
    last_day: dt.date | None
    late: bool
    outcome: str | None = None
    outcome_on: dt.date | None = None

    @property
    def award_stands(self) -> bool:
        """The court left the award as made (application dismissed, suit withdrawn)."""
        return self.outcome in AWARD_STANDS[self.action]


def _err(zh: str, en: str, field: str) -> ValidationError:
    return ValidationError(zh, en, field=field)


def check_filing(
    *,
    outcome: str | None,
    any_final: bool,
    any_nonfinal: bool,
    party: str,
    action: str,
    part: str,
    filed_on: dt.date,
    today: dt.date,
    received_on: dt.date | None,
    last_day: dt.date | None,
    already: bool,
) -> bool:
    """Whether a filing may be recorded; returns ``True`` when it is late (after ``last_day``).

    ``received_on``/``last_day``: the start (deemed receipt) and due date of the party's clock
    for this remedy; ``None`` when that party's receipt of the award is not recorded yet.
    """
    if outcome == "arb_mediation":
        raise _err(
            "仲裁调解书经双方当事人签收即发生法律效力，不能起诉或申请撤销（调解仲裁法第42条）。",
            "A mediation statement takes effect when both parties sign for it; it cannot be sued against (Art. 42).",
            "action",
        )
    if outcome != "award":
        raise _err(
            "只有以裁决结案的仲裁案件才能登记起诉或申请撤销裁决。",
            "Only an arbitration case ended by an award can record a suit or a set-aside application.",
            "action",
        )
    if party not in PARTIES or action not in ACTIONS or part not in PARTS:
        raise _err("当事人、诉讼类型或裁决事项无效。", "Unknown party, action or part.", "action")
    if action == SET_ASIDE and party != "employer":
        raise _err(
            "只有用人单位可以向中级人民法院申请撤销终局裁决（调解仲裁法第49条）；劳动者不服终局裁决的，应当起诉（第48条）。",
            "Only the employer may apply to set a final award aside (Art. 49); the worker sues (Art. 48).",
            "action",
        )
    if action == SET_ASIDE and part != FINAL:
        raise _err(
            "申请撤销裁决只适用于终局裁决事项；不服非终局裁决的，应当向人民法院起诉（调解仲裁法第50条）。",
            "A set-aside application is only for final items; non-final items are sued against (Art. 50).",
            "part",
        )
    if action == SUIT and part == FINAL and party == "employer":
        raise _err(
            "用人单位不能对终局裁决起诉，只能自收到裁决书之日起三十日内向中级人民法院申请撤销（调解仲裁法第49条）。",
            "The employer cannot sue against a final award; it may apply to set it aside within 30 days (Art. 49).",
            "action",
        )
    if part == FINAL and not any_final:
        raise _err("本案裁决没有终局裁决事项。", "The award has no final items.", "part")
    if part == NONFINAL and not any_nonfinal:
        raise _err("本案裁决没有非终局裁决事项。", "The award has no non-final items.", "part")
    if filed_on > today:
        raise _err(
            f"起诉（申请）日期 {filed_on} 晚于今天，不能登记。",
            f"The filing date {filed_on} is in the future.",
            "on",
        )
    if received_on is None or last_day is None:
        who = "劳动者" if party == "worker" else "用人单位"
        raise _err(
            f"尚未登记{who}收到裁决书，无法计算其期间。请先登记裁决书的送达（送达回证）。",
            "The party's receipt of the award is not recorded yet; record the service first.",
            "party",
        )
    if filed_on < received_on:
        raise _err(
            f"起诉（申请）日期 {filed_on} 早于该当事人收到裁决书之日 {received_on}，不能登记。",
            f"The filing date {filed_on} is before the party received the award ({received_on}).",
            "on",
        )
    if already:
        raise _err(
            "该当事人对该部分裁决的起诉（申请）已经登记。",
            "This party's filing against that part of the award is already recorded.",
            "action",
        )
    return filed_on > last_day


def filings_from_rows(rows: list[tuple[int, str, dt.date, str | None]]) -> list[Filing]:
    """Filings from event rows ``(case_id, action, occurred_on, data)`` in id order: each
    filing with the latest outcome recorded for it."""
    out: dict[tuple[str, str, str], Filing] = {}
    for _cid, action, on, raw in rows:
        data = json.loads(raw) if raw else {}
        party, what = str(data.get("party")), str(data.get("action"))
        if action == FILING.code:
            key = (party, what, str(data.get("part")))
            out[key] = Filing(
                party=party,
                action=what,
                part=key[2],
                filed_on=on,
                court=str(data.get("court") or ""),
                last_day=_date(data.get("last_day")),
                late=data.get("timeliness") == LATE,
            )
        elif action == OUTCOME.code:  # one suit answers for every part the party filed against
            for key, f in out.items():
                if key[:2] == (party, what):
                    out[key] = replace(f, outcome=data.get("court_outcome"), outcome_on=on)
    return list(out.values())
