"""Printed notices (文书): the wording lives in ``resources/notices/notices.toml``, the layout here.

Pure functions of plain data, like the monthly report (STYLE.md §7 and §11):

* :func:`compose` renders a template's wording with the facts of a case
  (:class:`NoticeFacts`: parties, dates, the fields the workflow step recorded) into a
  :class:`NoticeData`. Anything the case does not hold prints as a blank (``________``) the
  clerk fills in by pen, because a notice with a gap is better than no notice on the
  statutory day.
* :func:`build_pdf` lays that out per GB/T 9704-2012 (:mod:`casemgr.reports.notice_layout`):
  A4, 156×225 mm type area, 3号仿宋 body on a 22×28 grid, embedded fonts, deterministic
  output so tests can compare bytes.

Gathering the facts from the database (who may see an ID number, which reporter is
confidential) and keeping the generated PDF in the case file, hashed and audited, is the
service's work: :mod:`casemgr.services.notices`.

A 举报 reporter is never named in a notice (劳动保障监察条例 Art. 9), and a notice to the
employer names no worker at all: the employer learns what to correct, not who complained.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import BinaryIO

from casemgr import runtime
from casemgr.enums import CaseKind, ComplaintType
from casemgr.errors import ValidationError

TEMPLATE_PATH = runtime.resource_path("resources", "notices", "notices.toml")
BLANK = "________"


@dataclass(frozen=True)
class Template:
    code: str
    kind: CaseKind
    title: str
    issuer: str  # settings key
    to: str  # applicant | respondent | complainant | employer | parties | form
    body: tuple[str, ...]
    legal_basis: str
    agreement: bool = False
    addressed_in_body: bool = False
    issuer_default: str | None = None
    states: tuple[str, ...] = ()  # empty: any state
    ask: tuple[str, ...] = ()
    form: tuple[tuple[str, str], ...] = ()
    party_label: str | None = None  # the employer's block on a decision (被处理单位, 当事人)
    signatures: tuple[str, ...] = ()
    after_date: tuple[str, ...] = ()
    title_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldSpec:
    """A field the "new document" dialog asks for."""

    key: str
    label: str
    multiline: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, Chinese text)
    documents: bool = False  # choose one of the case's earlier documents


@dataclass(frozen=True)
class Templates:
    notices: dict[str, Template]
    grounds: dict[str, dict[str, str]]
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    claim_types: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class NoticeParty:
    label: str  # 申请人 / 被申请人
    name: str
    details: str  # ID number, credit code, address: already masked where needed


@dataclass(frozen=True)
class NoticeData:
    """Everything printed on a notice, as plain text.

    ``paragraphs`` may hold two markers besides text: a line starting ``"# "`` is a heading
    and ``"[[write:N]]"`` is N ruled lines to complete by pen; ``table`` is a bordered table
    (its first row the header when ``table_header``) and ``"[[table]]"`` marks where it goes
    (at the end when no paragraph marks it).
    """

    notice_type: str
    issuer: str
    title: str
    doc_number: str
    addressee: str | None  # "张三：" line, flush left; None when a party block names who it is for
    parties: tuple[NoticeParty, ...]
    paragraphs: tuple[str, ...]
    legal_basis: str
    date_text: str
    agreement: bool = False
    signatures: tuple[str, ...] = field(default_factory=tuple)
    after_date: tuple[str, ...] = field(default_factory=tuple)
    table: tuple[tuple[str, ...], ...] = field(default_factory=tuple)
    table_header: bool = False
    show_number: bool = True  # a form (送达回证) carries the number in its table
    show_closing: bool = True  # a form is signed in its table: no issuer, date and seal below it
    title_lines: tuple[str, ...] = ()  # where a long title breaks (else it is balanced by width)


def load_templates(path: Path | None = None) -> Templates:
    return _load(path or TEMPLATE_PATH)


@functools.cache
def _load(path: Path) -> Templates:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    grounds = raw.pop("grounds", {})
    claim_types = raw.pop("claim_types", {})
    fields = {
        key: FieldSpec(
            key,
            f["label"],
            multiline=bool(f.get("multiline", False)),
            choices=tuple((c, c) for c in f.get("choices", ()))
            or tuple(grounds.get(str(f.get("grounds")), {}).items()),
            documents=bool(f.get("documents", False)),
        )
        for key, f in raw.pop("fields", {}).items()
    }
    notices = {
        code: Template(
            code=code,
            kind=CaseKind(t["kind"]),
            title=t["title"],
            issuer=t["issuer"],
            to=t["to"],
            body=tuple(t["body"]),
            legal_basis=t["legal_basis"],
            agreement=bool(t.get("agreement", False)),
            addressed_in_body=bool(t.get("addressed_in_body", False)),
            issuer_default=t.get("issuer_default"),
            states=tuple(t.get("states", ())),
            ask=tuple(t.get("ask", ())),
            form=tuple((str(a), str(b)) for a, b in t.get("form", ())),
            party_label=t.get("party_label"),
            signatures=tuple(t.get("signatures", ())),
            after_date=tuple(t.get("after_date", ())),
            title_lines=tuple(t.get("title_lines", ())),
        )
        for code, t in raw.items()
    }
    return Templates(notices, grounds, fields, claim_types)


def notice_types(kind: CaseKind | str | None = None, status: str | None = None) -> list[tuple[str, str]]:
    """(code, Chinese title) of the notices for a kind (and, given, the case's state)."""
    ts = load_templates().notices.values()
    return [
        (t.code, t.title)
        for t in ts
        if (kind is None or t.kind == CaseKind(kind))
        and (status is None or not t.states or status in t.states)
    ]


def ask_fields(notice_type: str) -> list[FieldSpec]:
    """What the "new document" dialog asks for before it makes ``notice_type``."""
    templates = load_templates()
    t = templates.notices[notice_type]
    return [templates.fields.get(k) or FieldSpec(k, k) for k in t.ask]


# --------------------------------------------------------------------------- formatting


def zh_date(d: dt.date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else BLANK


def yuan(value: object) -> str:
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    return f"{d:,.2f}"


class _Fill(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return BLANK


def _as_text(key: str, value: object, grounds: Mapping[str, str]) -> str:
    if value is None or value == "" or value == []:
        return BLANK
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return zh_date(value)
    if key in ("hearing_date", "pay_by") and isinstance(value, str):
        try:
            return zh_date(dt.date.fromisoformat(value[:10]))
        except ValueError:
            return value
    if key.startswith("amount"):
        return yuan(value)
    if key == "ground" and isinstance(value, str):
        return grounds.get(value, value)
    return str(value)


# --------------------------------------------------------------------------- composing


@dataclass(frozen=True)
class NoticeCase:
    """The case as a notice prints it."""

    number: str
    kind: str
    received_on: dt.date
    accepted_on: dt.date | None
    closed_on: dt.date | None
    complaint_type: str | None
    workers: int
    amount_claimed: Decimal
    amount_recovered: Decimal
    final_award: bool = False


@dataclass(frozen=True)
class NoticeClaim:
    claim_type: str  # ClaimType code
    amount: Decimal


@dataclass(frozen=True)
class NoticeWorker:
    role: str  # applicant | complainant | reporter (never a confidential reporter)
    name: str
    id_number: str | None  # as it may be printed for the acting user (masked, or not)


@dataclass(frozen=True)
class NoticeEmployer:
    name: str
    uscc: str | None
    legal_rep: str | None
    address: str | None


@dataclass(frozen=True)
class NoticeFacts:
    """Everything a notice is composed from, as plain data (see ``services.notices``)."""

    case: NoticeCase
    workers: tuple[NoticeWorker, ...]
    employers: tuple[NoticeEmployer, ...]
    reporter_hidden: bool  # a confidential reporter was left out of ``workers``
    bureau_name: str
    commission_name: str
    issuer: str
    recorded: Mapping[str, object]  # the source step's recorded fields, then the caller's
    today: dt.date
    claims: tuple[NoticeClaim, ...] = ()


def template_for(notice_type: str, kind: CaseKind | str) -> Template:
    """The template of ``notice_type``, refused when there is none or it is for another kind."""
    t = load_templates().notices.get(notice_type)
    if t is None:
        raise ValidationError(
            f"没有名为“{notice_type}”的文书模板。",
            f"No notice template named {notice_type}.",
            field="notice_type",
        )
    if t.kind != CaseKind(kind):
        raise ValidationError(
            f"“{t.title}”不适用于该类案件。",
            f"{t.title} does not apply to {kind} cases.",
            field="notice_type",
        )
    return t


#: The elements an award decides, one row each (要素式: the tribunal fills the last column).
AWARD_ELEMENTS = (
    "劳动关系及入职时间",
    "工作岗位及工作地点",
    "书面劳动合同签订情况",
    "工资标准及构成",
    "工资支付周期及方式",
    "欠付工资的期间",
    "已支付金额",
    "欠付金额",
    "劳动关系解除或终止的时间及原因",
)
_GROUND_ITEM = {"crime_threshold": "（一）", "mass_incident": "（二）"}
_DATE_KEYS = ("hearing_date", "pay_by", "notified_on", "order_on", "applied_on")
_CN_NUM = "一二三四五六七八九十"


def _claims_text(facts: NoticeFacts, claim_types: Mapping[str, str]) -> tuple[str, tuple[str, ...]]:
    """The claims, one line per type (a collective case sums its workers), and their names."""
    totals: dict[str, tuple[Decimal, int]] = {}
    for c in facts.claims:
        amount, n = totals.get(c.claim_type, (Decimal("0.00"), 0))
        totals[c.claim_type] = (amount + c.amount, n + 1)
    lines, names = [], []
    for i, (code, (amount, n)) in enumerate(totals.items()):
        name = claim_types.get(code, code)
        names.append(name)
        who = f"（涉及{n}名劳动者）" if n > 1 else ""
        number = f"（{_CN_NUM[i]}）" if i < len(_CN_NUM) else f"（{i + 1}）"
        lines.append(f"{number}请求裁决被申请人支付{name}人民币{yuan(amount)}元{who}；")
    if lines:
        lines[-1] = lines[-1][:-1] + "。"
    return "\n".join(lines) or BLANK, tuple(names)


def _remedy(final: bool) -> str:
    if final:
        return (
            "本裁决为终局裁决，自作出之日起发生法律效力。劳动者对本裁决不服的，可以自收到本裁决书之日起"
            "十五日内向人民法院提起诉讼。用人单位有证据证明本裁决有《中华人民共和国劳动争议调解仲裁法》"
            "第四十九条第一款规定情形之一的，可以自收到本裁决书之日起三十日内向本委所在地的中级人民法院"
            "申请撤销裁决。"
        )
    return (
        "当事人对本裁决不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼；"
        "期满不起诉的，本裁决书发生法律效力。一方当事人逾期不履行发生法律效力的裁决的，"
        "另一方当事人可以依照民事诉讼法的有关规定向人民法院申请执行。"
    )


def compose(notice_type: str, facts: NoticeFacts) -> NoticeData:
    templates = load_templates()
    case = facts.case
    t = template_for(notice_type, case.kind)
    workers = facts.workers
    to_employer = t.to == "employer"
    worker_names = "、".join(w.name for w in workers)
    if to_employer:
        worker_text = "有关劳动者"
    elif worker_names:
        worker_text = worker_names
    elif facts.reporter_hidden or case.complaint_type == ComplaintType.REPORT.value:
        worker_text = "举报人"
    else:
        worker_text = BLANK
    employer_name = "、".join(e.name for e in facts.employers) or BLANK
    first = facts.employers[0] if facts.employers else None
    claims_text, claim_names = _claims_text(facts, templates.claim_types)
    values = _Fill(
        bureau_name=facts.bureau_name,
        commission_name=facts.commission_name,
        case_number=case.number,
        received_on=zh_date(case.received_on),
        accepted_on=zh_date(case.accepted_on),
        closed_on=zh_date(case.closed_on),
        today=zh_date(facts.today),
        applicant=worker_text,
        complainant=worker_text,
        respondent=employer_name,
        employer=employer_name,
        recipient=employer_name if case.kind == CaseKind.INSPECTION.value else BLANK,
        legal_rep=(first.legal_rep if first and first.legal_rep else BLANK),
        address=(
            first.address if first and first.address and case.kind == CaseKind.INSPECTION.value else BLANK
        ),
        workers=str(case.workers),
        amount_claimed=yuan(case.amount_claimed),
        amount_recovered=yuan(case.amount_recovered),
        claims=claims_text,
        remedy=_remedy(case.final_award),
        and_articles="",
        remark="",
    )
    step_grounds = templates.grounds.get("cancel_filing" if notice_type == "insp_cancel" else "refuse", {})
    for key, value in facts.recorded.items():
        if key == "blacklist_ground":
            values["ground_item"] = _GROUND_ITEM.get(str(value), BLANK)
            values[key] = templates.grounds.get("blacklist", {}).get(str(value), _as_text(key, value, {}))
        elif key == "removal_decision":
            values[key] = templates.grounds.get("removal", {}).get(str(value), _as_text(key, value, {}))
        elif key in _DATE_KEYS and isinstance(value, str) and value:
            try:
                values[key] = zh_date(dt.date.fromisoformat(value[:10]))
            except ValueError:
                values[key] = value
        else:
            values[key] = _as_text(key, value, step_grounds)
    if "amount_ordered" not in values and notice_type == "insp_order" and case.amount_claimed:
        values["amount_ordered"] = yuan(case.amount_claimed)
    if notice_type == "insp_order" and "violations" not in values:
        values["violations"] = f"拖欠{case.workers}名劳动者工资"
    # The number line: the document's own number (文号) where the officer gave one, never the
    # case number in its place (issue 15: the 限期改正指令书 printed the case number).
    doc_number = str(facts.recorded.get("document_no") or "").strip() or case.number
    table: tuple[tuple[str, ...], ...] = ()
    header = False
    body = list(t.body)
    if t.form:
        table = tuple((label, value.format_map(values)) for label, value in t.form)
    if "[[elements]]" in body:
        rows = [("争议要素", "申请人主张", "被申请人意见", "仲裁庭认定")]
        rows += [(e, "", "", "") for e in AWARD_ELEMENTS]
        rows += [(f"{n}的请求依据及金额", "", "", "") for n in claim_names]
        table, header = tuple(rows), True
        body[body.index("[[elements]]")] = "[[table]]"
    paragraphs = tuple(p.format_map(values) for p in body)
    parties: list[NoticeParty] = []
    if t.to == "parties":
        for w in workers:
            details = f"公民身份号码：{w.id_number}" if w.id_number else ""
            parties.append(NoticeParty("申请人", w.name, details))
        for e in facts.employers:
            parties.append(NoticeParty("被申请人", e.name, _employer_details(e)))
    elif t.party_label:
        for e in facts.employers:
            parties.append(NoticeParty(t.party_label, e.name, _employer_details(e)))
    if t.addressed_in_body and paragraphs and paragraphs[0].endswith("："):
        addressee, paragraphs = paragraphs[0], paragraphs[1:]  # flush left, not a paragraph (§7.3.2)
    elif t.addressed_in_body or t.to in ("parties", "form") or t.party_label:
        addressee = None
    elif to_employer or t.to == "respondent":
        addressee = f"{employer_name}："
    else:
        addressee = f"{worker_text}："
    signatures: tuple[str, ...] = t.signatures
    if t.agreement:
        signatures = ("申请人（签名或盖章）：", "被申请人（签名或盖章）：", "调解员（签名）：")
    return NoticeData(
        notice_type=notice_type,
        issuer=facts.issuer,
        title=t.title,
        doc_number=doc_number,
        addressee=addressee,
        parties=tuple(parties),
        paragraphs=paragraphs,
        legal_basis=t.legal_basis,
        date_text=zh_date(facts.today),
        agreement=t.agreement,
        signatures=signatures,
        after_date=t.after_date,
        table=table,
        table_header=header,
        show_number=not t.form,
        show_closing=not t.form,
        title_lines=t.title_lines,
    )


def _employer_details(e: NoticeEmployer) -> str:
    bits = [
        f"统一社会信用代码：{e.uscc}" if e.uscc else "",
        f"法定代表人：{e.legal_rep}" if e.legal_rep else "",
        f"住所：{e.address}" if e.address else "",
    ]
    return "，".join(b for b in bits if b)


def filename(number: str, title: str) -> str:
    """The notice's file name in the case file and on disk: the case number and title."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", f"{number}-{title}") + ".pdf"


def pdf_bytes(data: NoticeData, *, font_preference: str = "system") -> bytes:
    buf = io.BytesIO()
    build_pdf(data, buf, font_preference=font_preference)
    return buf.getvalue()


# --------------------------------------------------------------------------- layout


def build_pdf(
    data: NoticeData, out: BinaryIO, *, invariant: bool = True, font_preference: str = "system"
) -> None:
    """Lay out one notice per GB/T 9704-2012 (see :mod:`casemgr.reports.notice_layout`)."""
    from casemgr.reports import notice_layout
    from casemgr.reports.fonts import notice_fonts

    notice_layout.layout(data, notice_fonts(font_preference), out, invariant=invariant)
