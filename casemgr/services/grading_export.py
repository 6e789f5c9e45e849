"""The grading's exports: the list (PDF, workbook) and the 评价结果告知书 of one employer.

The list follows the screen's filter. A workbook streams a whole city's year page by page;
a PDF of more than ``PDF_CAP`` rows is refused with a message asking for a narrower filter
(nobody prints 200,000 employers, and building it would hold them all in memory). A notice
is made only for a confirmed grade — the employer is told the supervisor's grade, never a
proposal — and its SHA-256 is kept on the grade and in the audit trail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from casemgr import audit, clock, labels, permissions, settings
from casemgr.actor import Actor
from casemgr.errors import NotFoundError, ValidationError
from casemgr.models import EmployerGrade
from casemgr.queries import grading as gq
from casemgr.reports import grading as rg
from casemgr.reports import notices

PDF_CAP = 5000
PAGE = 1000


def _line(r: gq.GradeRow) -> rg.ListLine:
    return rg.ListLine(
        employer=r.employer_name,
        uscc=r.uscc or "",
        district=labels.text(labels.DISTRICTS, r.district),
        proposed=r.proposed,
        grade=r.grade,
        status=r.status,
        reasons=tuple(x.text("zh") for x in r.reasons),
        change_reason=r.change_reason or "",
    )


def _lines(session: Session, actor: Actor, f: gq.GradeFilter) -> Iterator[rg.ListLine]:
    offset = 0
    while rows := gq.grade_rows(session, actor, f, offset, PAGE):
        yield from (_line(r) for r in rows)
        offset += len(rows)


def filter_text(f: gq.GradeFilter) -> str:
    parts = []
    if f.district:
        parts.append(labels.text(labels.DISTRICTS, f.district))
    if f.grade:
        parts.append(rg.GRADE_NAMES.get(f.grade, f.grade))
    if f.status:
        parts.append(rg.STATUS_NAMES.get(f.status, f.status))
    if f.changed_only:
        parts.append("改变评价意见的")
    if f.text.strip():
        parts.append(f"名称含“{f.text.strip()}”")
    return "、".join(parts) or "全部"


def list_pdf(session: Session, actor: Actor, f: gq.GradeFilter, *, today: dt.date | None = None) -> bytes:
    permissions.require(actor, "data.export")
    permissions.require(actor, "grading.view")
    n = gq.count_grades(session, actor, f)
    if n > PDF_CAP:
        raise ValidationError(
            f"共{n}条，超过PDF的上限{PDF_CAP}条：请按区域或等级筛选后再导出，或导出Excel。",
            f"{n} rows exceed the PDF's limit of {PDF_CAP}: filter by district or grade, or export a workbook.",
        )
    today = today or clock.today()
    lines = tuple(_lines(session, actor, f))
    counts = {g: sum(1 for ln in lines if ln.grade == g) for g in ("A", "B", "C")}
    return rg.list_pdf(
        rg.GradeList(
            bureau=str(settings.get(session, "bureau_name", today)),
            year=f.year,
            filter_text=filter_text(f),
            lines=lines,
            counts=counts,
            printed_at=clock.now(),
        )
    )


def list_xlsx(session: Session, actor: Actor, f: gq.GradeFilter, out: BinaryIO | str | Path) -> int:
    permissions.require(actor, "data.export")
    permissions.require(actor, "grading.view")
    return rg.list_xlsx(f.year, _lines(session, actor, f), out)


def notice_pdf(
    session: Session, actor: Actor, grade_id: int, *, today: dt.date | None = None
) -> tuple[bytes, str]:
    """The 告知书 of one confirmed grade: (PDF bytes, file name)."""
    permissions.require(actor, "grading.propose")
    today = today or clock.today()
    r = gq.grade_row(session, actor, grade_id)
    if r is None:
        raise NotFoundError("找不到该评价记录。", "No such grading record.")
    if r.status != gq.CONFIRMED:
        raise ValidationError(
            "评价意见尚未经科长确定，不能制作告知书。",
            "The grade is not confirmed yet: no notice can be made.",
        )
    bureau = str(settings.get(session, "bureau_name", today))
    shown = [
        x.text("zh") for x in r.reasons if r.grade == r.proposed or x.effect is None or x.effect == r.grade
    ]
    facts = rg.NoticeFacts(
        bureau=bureau,
        year=r.year,
        employer=r.employer_name,
        uscc=r.uscc or "",
        legal_rep=r.legal_rep or "",
        address=r.address or "",
        grade=r.grade,
        reasons=tuple(shown) or (("评价年度内未因劳动保障违法行为被查处",) if r.grade == "A" else ()),
        change_reason=r.change_reason or "",
        doc_number=f"诚信评价〔{today.year}〕第{r.id:05d}号",
        issued_on=today,
    )
    pdf = notices.pdf_bytes(rg.notice(facts))
    sha = hashlib.sha256(pdf).hexdigest()
    g = session.get(EmployerGrade, grade_id)
    assert g is not None
    g.notice_sha256 = sha
    session.flush()
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="grading.notice",
        entity="employer_grade",
        entity_id=grade_id,
        after={"year": r.year, "grade": r.grade, "sha256": sha, "issued_on": today},
    )
    return pdf, rg.notice_filename(r.year, r.employer_name)
