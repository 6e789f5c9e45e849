"""Printed notices (文书): the wording lives in ``resources/notices/notices.toml``, the layout here.

Pure functions of plain data, like the monthly report (STYLE.md §7 and §11):

* :func:`compose` renders a template's wording with the facts of a case
  (:class:`NoticeFacts`: parties, dates, the fields the workflow step recorded) into a
  :class:`NoticeData`. Anything the case does not hold prints as a blank (``________``) the
  clerk fills in by pen, because a notice with a gap is better than no notice on the
  statutory day.
* :func:`build_pdf` lays that out: A4, the shared embedded CJK font, deterministic output
  (``invariant``) so tests can compare bytes.

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
from typing import Any, BinaryIO

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
    to: str  # applicant | respondent | complainant | employer | parties
    body: tuple[str, ...]
    legal_basis: str
    agreement: bool = False
    addressed_in_body: bool = False
    issuer_default: str | None = None


@dataclass(frozen=True)
class Templates:
    notices: dict[str, Template]
    grounds: dict[str, dict[str, str]]


@dataclass(frozen=True)
class NoticeParty:
    label: str  # 申请人 / 被申请人
    name: str
    details: str  # ID number, credit code, address: already masked where needed


@dataclass(frozen=True)
class NoticeData:
    """Everything printed on a notice, as plain text."""

    notice_type: str
    issuer: str
    title: str
    doc_number: str
    addressee: str | None  # "张三：" line; None when the body addresses itself
    parties: tuple[NoticeParty, ...]
    paragraphs: tuple[str, ...]
    legal_basis: str
    date_text: str
    agreement: bool = False
    signatures: tuple[str, ...] = field(default_factory=tuple)


def load_templates(path: Path | None = None) -> Templates:
    return _load(path or TEMPLATE_PATH)


@functools.cache
def _load(path: Path) -> Templates:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    grounds = raw.pop("grounds", {})
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
        )
        for code, t in raw.items()
    }
    return Templates(notices, grounds)


def notice_types(kind: CaseKind | str | None = None) -> list[tuple[str, str]]:
    """(code, Chinese title) of the notices for a kind, for the case file's "print" menu."""
    ts = load_templates().notices.values()
    return [(t.code, t.title) for t in ts if kind is None or t.kind == CaseKind(kind)]


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
        workers=str(case.workers),
        amount_claimed=yuan(case.amount_claimed),
        amount_recovered=yuan(case.amount_recovered),
    )
    step_grounds = templates.grounds.get("cancel_filing" if notice_type == "insp_cancel" else "refuse", {})
    for key, value in facts.recorded.items():
        values[key] = _as_text(key, value, step_grounds)
    if "amount_ordered" not in values and notice_type == "insp_order" and case.amount_claimed:
        values["amount_ordered"] = yuan(case.amount_claimed)
    if notice_type == "insp_order" and "violations" not in values:
        values["violations"] = f"拖欠{case.workers}名劳动者工资"
    paragraphs = tuple(p.format_map(values) for p in t.body)
    parties: list[NoticeParty] = []
    if t.to == "parties":
        for w in workers:
            details = f"公民身份号码：{w.id_number}" if w.id_number else ""
            parties.append(NoticeParty("申请人", w.name, details))
        for e in facts.employers:
            bits = [
                f"统一社会信用代码：{e.uscc}" if e.uscc else "",
                f"法定代表人：{e.legal_rep}" if e.legal_rep else "",
            ]
            if e.address:
                bits.append(f"住所：{e.address}")
            parties.append(NoticeParty("被申请人", e.name, "，".join(b for b in bits if b)))
    if t.addressed_in_body or t.to == "parties":
        addressee = None
    elif to_employer or t.to == "respondent":
        addressee = f"{employer_name}："
    else:
        addressee = f"{worker_text}："
    signatures: tuple[str, ...] = ()
    if t.agreement:
        signatures = ("申请人（签名或盖章）：", "被申请人（签名或盖章）：", "调解员（签名）：")
    return NoticeData(
        notice_type=notice_type,
        issuer=facts.issuer,
        title=t.title,
        doc_number=case.number,
        addressee=addressee,
        parties=tuple(parties),
        paragraphs=paragraphs,
        legal_basis=t.legal_basis,
        date_text=zh_date(facts.today),
        agreement=t.agreement,
        signatures=signatures,
    )


def filename(number: str, title: str) -> str:
    """The notice's file name in the case file and on disk: the case number and title."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", f"{number}-{title}") + ".pdf"


def pdf_bytes(data: NoticeData) -> bytes:
    buf = io.BytesIO()
    build_pdf(data, buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- layout

#: Full-width punctuation that must not begin a line (GB/T 15834 标点符号用法, 避头点号).
NO_LINE_START = "，。、；：？！）》」』】〕”’％"


def _chinese_line_breaking() -> None:
    """ReportLab's CJK wrapping knows the Japanese no-line-start list but not the Chinese
    full-width comma, semicolon or colon, so "，" could open a line. Its two wrappers read a
    module-level string each; we extend both once (idempotent), which helps the other reports too."""
    from reportlab.lib import textsplit as rl_textsplit
    from reportlab.platypus import paragraph as rl_paragraph

    for module in (rl_textsplit, rl_paragraph):
        missing = "".join(c for c in NO_LINE_START if c not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


def build_pdf(data: NoticeData, out: BinaryIO, *, invariant: bool = True) -> None:
    """Lay out one notice on A4 (margins after GB/T 9704: 37/35 mm top/bottom, 28/26 mm sides)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    from casemgr.reports.fonts import cjk_font

    font = cjk_font().name
    _chinese_line_breaking()

    def style(name: str, size: float, align: int, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.75, alignment=align, wordWrap="CJK", **kw
        )

    heading = style("heading", 20, TA_CENTER, textColor=colors.HexColor("#C00000"), spaceAfter=2 * mm)
    title = style("title", 18, TA_CENTER, spaceBefore=4 * mm, spaceAfter=2 * mm)
    number = style("number", 11, TA_CENTER, spaceAfter=6 * mm)
    body = style("body", 12.5, TA_JUSTIFY, firstLineIndent=25, spaceAfter=1.5 * mm)
    plain = style("plain", 12.5, TA_LEFT, spaceAfter=1.5 * mm)
    basis = style("basis", 10.5, TA_JUSTIFY, textColor=colors.HexColor("#333333"), spaceBefore=3 * mm)
    sign = style("sign", 12.5, TA_RIGHT)

    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    story: list[Any] = [
        Paragraph(esc(data.issuer), heading),
        HRFlowable(width="100%", thickness=1.5, color=colors.HexColor("#C00000"), spaceAfter=2 * mm),
        Paragraph(esc(data.title), title),
        Paragraph(esc(data.doc_number), number),
    ]
    if data.addressee:
        story.append(Paragraph(esc(data.addressee), plain))
    detail = style("detail", 11, TA_LEFT, leftIndent=25, textColor=colors.HexColor("#222222"))
    for p in data.parties:
        story.append(Paragraph(esc(f"{p.label}：{p.name}"), plain))
        for d in p.details.split("，") if p.details else ():
            story.append(Paragraph(esc(d), detail))
    if data.parties:
        story.append(Spacer(1, 2 * mm))
    for para in data.paragraphs:
        for line in para.split("\n"):
            story.append(Paragraph(esc(line), body))
    story.append(Paragraph(esc("依据：" + data.legal_basis), basis))
    story.append(Spacer(1, 12 * mm))
    closing: list[Any] = []
    if data.signatures:
        for s in data.signatures:
            closing.append(Paragraph(esc(s), plain))
            closing.append(Spacer(1, 6 * mm))
        closing.append(Paragraph(esc(f"{data.issuer}（印章）"), sign))
    else:
        closing.append(Paragraph(esc(data.issuer), sign))
    closing.append(Paragraph(esc(data.date_text), sign))
    if not data.signatures:
        closing.append(Paragraph(esc("（印章）"), sign))
    story.append(KeepTogether(closing))

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8.5)
        canvas.setFillColor(colors.grey)
        canvas.drawCentredString(A4[0] / 2, 18 * mm, f"{data.doc_number}  {data.title}  第{doc.page}页")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        topMargin=37 * mm,
        bottomMargin=35 * mm,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        title=f"{data.title} {data.doc_number}",
        author=data.issuer,
        invariant=1 if invariant else 0,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
