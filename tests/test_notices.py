"""Notices: every template renders from a real case, is kept hashed in the case file, and
never names a reporter to the employer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ComplaintType, PartyRole, Role
from casemgr.errors import PermissionDenied, ValidationError
from casemgr.models import AuditEntry, Document, Event
from casemgr.reports import notices
from casemgr.services import cases, parties, workflow
from casemgr.services import notices as notice_service
from tests.helpers import case_input, make_id

TODAY = dt.date(2026, 11, 20)
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdf_text(content: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "n.pdf"
    pdf.write_bytes(content)
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    return "".join(out.stdout.split())  # CJK text: compare without the layout's spaces


def step(s: object, actor: Actor, cid: int, code: str, on: dt.date, **f: object) -> None:
    workflow.apply_transition(s, actor, cid, code, dict(f), expected_version=None, on=on)  # type: ignore[arg-type]


@pytest.fixture
def arb_case(database: db.Database, actors: dict[Role, Actor]) -> int:
    with database.write() as s:
        return cases.register_case(
            s, actors[Role.CLERK], case_input(received_on=dt.date(2026, 11, 2)), today=TODAY
        ).id


def test_every_template_has_a_title_body_and_legal_basis_with_articles() -> None:
    t = notices.load_templates()
    assert {code for code, _ in notices.notice_types(CaseKind.ARBITRATION)} == {
        "arb_accept", "arb_refuse", "arb_supplement", "arb_tribunal", "arb_hearing", "arb_receipt", "arb_award",
    }  # fmt: skip
    assert {code for code, _ in notices.notice_types(CaseKind.MEDIATION)} == {"med_agreement"}
    assert {code for code, _ in notices.notice_types(CaseKind.INSPECTION)} == {
        "insp_accept", "insp_refuse", "insp_order", "insp_cancel", "insp_receipt", "insp_decision",
        "insp_penalty", "blacklist_notice", "blacklist_decision", "blacklist_removal",
    }  # fmt: skip
    for tpl in t.notices.values():
        assert (tpl.body or tpl.form) and tpl.title
        assert "《" in tpl.legal_basis and "条" in tpl.legal_basis


@needs_pdftotext
def test_hearing_notice_is_filled_from_the_recorded_step_and_kept_hashed(
    database: db.Database, actors: dict[Role, Actor], arb_case: int, tmp_path: Path
) -> None:
    clerk = actors[Role.CLERK]
    with database.write() as s:
        step(s, clerk, arb_case, "accept", dt.date(2026, 11, 3))
        step(
            s, clerk, arb_case, "form_tribunal", dt.date(2026, 11, 4), arbitrators=["李建明", "王芳", "张伟"]
        )
        step(s, clerk, arb_case, "schedule_hearing", dt.date(2026, 11, 5), hearing_date=dt.date(2026, 11, 25),
             place="第一仲裁庭")  # fmt: skip
        doc = notice_service.generate_notice(s, clerk, arb_case, "arb_hearing", today=TODAY)
        doc_id = doc.id
    with database.read() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None and doc.doc_type == "arb_hearing" and doc.mime_type == "application/pdf"
        assert doc.sha256 == hashlib.sha256(doc.content).hexdigest()
        assert doc.content.startswith(b"%PDF")
        ev = s.execute(select(Event).where(Event.case_id == arb_case, Event.kind == "document")).scalar_one()
        assert str(doc_id) in (ev.data or "")
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "document.generate")).scalar_one()
        assert doc.sha256 in (entry.after or "")
        case_number = s.execute(select(Document.filename)).scalar_one()
        content = doc.content
    text = pdf_text(content, tmp_path)
    assert "汕尾市劳动人事争议仲裁委员会" in text and "开庭通知书" in text
    assert "2026年11月25日" in text and "第一仲裁庭" in text
    assert "第三十五条" in text  # 调解仲裁法 Art. 35: hearing notice 5 days ahead
    assert "汕劳人仲案字〔2026〕第0001号" in text and case_number.startswith("汕劳人仲案字")


@needs_pdftotext
def test_bureau_name_comes_from_the_setting(
    database: db.Database, actors: dict[Role, Actor], arb_case: int, tmp_path: Path
) -> None:
    from casemgr import settings

    with database.write() as s:
        settings.put(s, "arbitration_commission_name", "海丰县劳动人事争议仲裁委员会")
        doc = notice_service.generate_notice(s, actors[Role.CLERK], arb_case, "arb_supplement", today=TODAY,
                                      fields={"items": "身份证复印件"})  # fmt: skip
        content = doc.content
    text = pdf_text(content, tmp_path)
    assert "海丰县劳动人事争议仲裁委员会" in text and "身份证复印件" in text
    assert "________" not in text


def test_missing_fields_print_as_blanks(
    database: db.Database, actors: dict[Role, Actor], arb_case: int
) -> None:
    with database.read() as s:
        data = notice_service.notice_data(s, actors[Role.CLERK], arb_case, "arb_hearing", today=TODAY)
    assert any(notices.BLANK in p for p in data.paragraphs)  # no hearing scheduled yet


@needs_pdftotext
def test_reporter_never_appears_in_notices_to_the_employer(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    insp = actors[Role.INSPECTOR]
    base = case_input(CaseKind.INSPECTION, received_on=dt.date(2026, 11, 2), n=7)
    reporter = cases.PartyLink(
        parties.PersonInput(name="保密举报人甲", id_number=make_id(777)), PartyRole.COMPLAINANT
    )
    data = dataclasses.replace(base, persons=[reporter], complaint_type=ComplaintType.REPORT)
    with database.write() as s:
        cid = cases.register_case(s, insp, data, today=TODAY).id
        step(s, insp, cid, "accept", dt.date(2026, 11, 3))
        step(s, insp, cid, "order_payment", dt.date(2026, 11, 6), document_no="令0001",
             pay_by=dt.date(2026, 11, 20), amount_ordered=Decimal("8000.00"))  # fmt: skip
        order = notice_service.generate_notice(s, insp, cid, "insp_order", today=TODAY).content
        accept = notice_service.generate_notice(s, insp, cid, "insp_accept", today=TODAY).content
    for content in (order, accept):
        text = pdf_text(content, tmp_path)
        assert "保密举报人甲" not in text and make_id(777) not in text
    order_text = pdf_text(order, tmp_path)
    assert "8,000.00" in order_text and "2026年11月20日前" in order_text and "第二十六条" in order_text
    assert "举报人：" in pdf_text(accept, tmp_path)


@needs_pdftotext
def test_employer_order_names_no_worker_even_for_a_complaint(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    insp = actors[Role.INSPECTOR]
    with database.write() as s:
        cid = cases.register_case(s, insp, case_input(CaseKind.INSPECTION, n=8), today=TODAY).id
        content = notice_service.generate_notice(s, insp, cid, "insp_order", today=TODAY).content
    text = pdf_text(content, tmp_path)
    assert "汕尾测试用人单位8" in text
    assert "工人8-0" not in text and make_id(800) not in text


def test_wrong_kind_unknown_type_and_permission(
    database: db.Database, actors: dict[Role, Actor], arb_case: int
) -> None:
    with pytest.raises(ValidationError), database.write() as s:
        notice_service.generate_notice(s, actors[Role.CLERK], arb_case, "insp_order", today=TODAY)
    with pytest.raises(ValidationError), database.write() as s:
        notice_service.generate_notice(s, actors[Role.CLERK], arb_case, "no_such_notice", today=TODAY)
    with pytest.raises(PermissionDenied), database.write() as s:
        notice_service.generate_notice(s, actors[Role.AUDITOR], arb_case, "arb_accept", today=TODAY)
    with database.read() as s:
        assert s.execute(select(Document)).first() is None


def test_build_is_deterministic() -> None:
    data = notices.NoticeData(
        "arb_accept", "委员会", "受理通知书", "案号", "张三：", (), ("正文，" * 80,), "依据", "2026年1月1日"
    )
    a, b = io.BytesIO(), io.BytesIO()
    notices.build_pdf(data, a)
    notices.build_pdf(data, b)
    assert a.getvalue() == b.getvalue()
