"""The grading list (PDF, workbook) and the 评价结果告知书 (issue 17)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from casemgr.enums import Role
from casemgr.errors import ValidationError
from casemgr.models import AuditEntry, EmployerGrade
from casemgr.queries import grading as gq
from casemgr.services import grading, grading_export
from tests.test_grading_service import TODAY, history  # noqa: F401  (fixture)


def _pdf_text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode()


@pytest.fixture
def graded(database, actors, history):  # noqa: F811
    sup = actors[Role.SUPERVISOR]
    with database.write() as s:
        grading.run(s, sup, 2025, today=TODAY)
    return history


def test_the_list_as_workbook_and_pdf(database, actors, graded) -> None:
    sup = actors[Role.SUPERVISOR]
    buf = io.BytesIO()
    with database.read() as s:
        assert grading_export.list_xlsx(s, sup, gq.GradeFilter(2025), buf) == 5
        pdf = grading_export.list_pdf(s, sup, gq.GradeFilter(2025, grade="C"), today=TODAY)
    ws = load_workbook(io.BytesIO(buf.getvalue())).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "2025年度企业劳动保障守法诚信等级评价结果"
    assert [r[5] for r in rows[2:]] == ["C级", "C级", "B级", "A级", "A级"]
    assert "被查处3次" in rows[2][7] or "被查处3次" in rows[3][7]
    assert pdf.startswith(b"%PDF")


def test_pdf_cap(database, actors, graded, monkeypatch) -> None:
    monkeypatch.setattr(grading_export, "PDF_CAP", 3)
    with database.read() as s, pytest.raises(ValidationError):
        grading_export.list_pdf(s, actors[Role.SUPERVISOR], gq.GradeFilter(2025), today=TODAY)


def test_a_notice_only_for_a_confirmed_grade(database, actors, graded) -> None:
    sup = actors[Role.SUPERVISOR]
    with database.read() as s:
        gid = s.scalar(select(EmployerGrade.id).where(EmployerGrade.employer_id == graded[1]))
    with database.write() as s, pytest.raises(ValidationError):
        grading_export.notice_pdf(s, sup, gid, today=TODAY)
    with database.write() as s:
        grading.confirm(s, sup, gid)
    with database.write() as s:
        pdf, name = grading_export.notice_pdf(s, actors[Role.INSPECTOR], gid, today=TODAY)
    assert name == "2025年度守法诚信等级评价结果告知书-汕尾测试用人单位1.pdf"
    with database.read() as s:
        g = s.get(EmployerGrade, gid)
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last.action == "grading.notice" and json.loads(last.after)["sha256"] == g.notice_sha256
    if shutil.which("pdftotext"):
        text = _pdf_text(pdf).replace("\n", "").replace(" ", "")
        assert "评价结果告知书" in text and "C级" in text and "监察" in text
