"""Documents from the case file (issue 15): the new notices' wording from hand-built facts, the
document number, GB/T 9704 geometry and embedded fonts, reprints of the kept bytes, and who
may make, open or reprint a notice."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.errors import DatabaseError, PermissionDenied, WorkflowError
from casemgr.models import AuditEntry, Document, Event
from casemgr.reports import notice_layout, notices
from casemgr.services import cases, workflow
from casemgr.services import notices as svc
from tests.helpers import case_input

TODAY = dt.date(2026, 11, 20)
MM = 72 / 25.4
poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def facts(
    kind: str = "inspection", recorded: dict[str, object] | None = None, **kw: object
) -> notices.NoticeFacts:
    case = notices.NoticeCase(
        number="汕人社监字〔2026〕第0004号",
        kind=kind,
        received_on=dt.date(2026, 11, 2),
        accepted_on=dt.date(2026, 11, 3),
        closed_on=None,
        complaint_type=None,
        workers=kw.pop("workers", 1),  # type: ignore[arg-type]
        amount_claimed=Decimal("18650.00"),
        amount_recovered=Decimal("0.00"),
        final_award=bool(kw.pop("final_award", False)),
    )
    return notices.NoticeFacts(
        case=case,
        workers=(notices.NoticeWorker("applicant", "陈志强", "4415**********0013"),),
        employers=(
            notices.NoticeEmployer(
                "陆丰市南塘电子厂", "91441500MA5000001A", "郑国华", "汕尾市城区通港路18号"
            ),
        ),
        reporter_hidden=False,
        bureau_name="汕尾市人力资源和社会保障局",
        commission_name="汕尾市劳动人事争议仲裁委员会",
        issuer="汕尾市人力资源和社会保障局" if kind == "inspection" else "汕尾市劳动人事争议仲裁委员会",
        recorded=recorded or {},
        today=TODAY,
        claims=kw.pop("claims", ()),  # type: ignore[arg-type]
    )


def text_of(data: notices.NoticeData) -> str:
    cells = "".join("".join(r) for r in data.table)
    parties = "".join(p.name + p.details for p in data.parties)
    return (data.addressee or "") + parties + "".join(data.paragraphs) + cells + data.legal_basis


# --------------------------------------------------------------------------- wording


def test_order_prints_the_document_number_entered_not_the_case_number() -> None:
    data = notices.compose("insp_order", facts(recorded={"document_no": "汕人社监令〔2026〕第0041号"}))
    assert data.doc_number == "汕人社监令〔2026〕第0041号"
    # without a document number the case number is the reference, as before
    assert notices.compose("insp_accept", facts()).doc_number == "汕人社监字〔2026〕第0004号"


def test_blacklist_notice_recites_the_order_and_the_rights_of_decree_45() -> None:
    data = notices.compose(
        "blacklist_notice",
        facts(
            recorded={
                "order_on": dt.date(2026, 10, 20),
                "order_doc": "《劳动保障监察限期改正指令书》（汕人社监令〔2026〕第0035号）",
                "pay_by": dt.date(2026, 11, 3),
                "amount_ordered": Decimal("18650.00"),
                "blacklist_ground": "crime_threshold",
                "document_no": "汕人社监告〔2026〕第0007号",
            }
        ),
    )
    text = text_of(data)
    assert data.title == "拟列入拖欠农民工工资失信联合惩戒对象名单告知书"
    assert data.addressee == "陆丰市南塘电子厂：" and data.doc_number == "汕人社监告〔2026〕第0007号"
    assert "本局于2026年10月20日作出《劳动保障监察限期改正指令书》（汕人社监令〔2026〕第0035号）" in text
    assert "于2026年11月3日前支付拖欠的农民工工资共计人民币18,650.00元" in text
    assert "达到认定拒不支付劳动报酬罪数额标准" in text and "第五条第（一）项" in text
    assert "法定代表人（主要负责人）郑国华" in text
    assert "5个工作日内向本局提出异议" in text  # Art. 6
    assert "书面信用承诺的，可以不予列入" in text  # Art. 7
    assert "人力资源社会保障部令第45号，2021年" in data.legal_basis and "陈志强" not in text


def test_blacklist_decision_states_what_article_8_requires() -> None:
    data = notices.compose(
        "blacklist_decision",
        facts(
            recorded={
                "blacklist_ground": "mass_incident",
                "notified_on": "2026-11-16",
                "objection": "未提出异议",
                "review_body": "汕尾市人民政府",
            }
        ),
    )
    text = text_of(data)
    headings = [p for p in data.paragraphs if p.startswith("# ")]
    # 列入事由、列入依据、联合惩戒措施提示、提前移出条件和程序、救济措施 (令第45号 Art. 8 ¶2)
    assert [h[4:6] for h in headings] == ["列入", "列入", "联合", "提前", "救济"]
    assert "第五条第（二）项" in text and "群体性事件" in text and "2026年11月16日" in text
    assert "列入期限为3年" in text and "满6个月" in text and "15个工作日内" in text and "10个工作日内" in text
    assert "汕尾市人民政府申请行政复议" in text and data.parties[0].label == "当事人"


def test_early_removal_decision_grants_or_refuses_with_reasons() -> None:
    rec = {
        "applied_on": "2027-06-10",
        "removal_decision": "grant",
        "reason": "已改正满6个月并作出书面信用承诺",
    }
    grant = text_of(notices.compose("blacklist_removal", facts(recorded=rec)))
    assert "你单位于2027年6月10日向本局提交书面申请" in grant
    assert "经核实，已改正满6个月并作出书面信用承诺。" in grant
    assert "准予你单位提前移出" in grant and "其他当事人一并提前移出" in grant  # Art. 14 ¶3
    assert "10个工作日内" in grant  # Art. 17
    refuse = text_of(
        notices.compose("blacklist_removal", facts(recorded={**rec, "removal_decision": "refuse"}))
    )
    assert "本局决定：不予提前移出" in refuse and "准予" not in refuse


def test_long_titles_break_between_terms() -> None:
    import io

    for code, t in notices.load_templates().notices.items():
        if t.title_lines:
            assert "".join(t.title_lines) == t.title, code
    data = notices.compose("blacklist_removal", facts())
    placed = notice_layout.layout(data, notices_fonts(), io.BytesIO())
    title = [p.text for p in placed.lines if p.size == notice_layout.TITLE][1:]
    assert title == ["提前移出拖欠农民工工资", "失信联合惩戒对象名单决定书"]  # never "…失 / 信联合…"


def test_handling_and_penalty_decisions() -> None:
    rec = {
        "violations": "拖欠工资",
        "evidence": "工资表",
        "pay_by": "2026-12-04",
        "amount_ordered": "18650.00",
    }
    decision = notices.compose("insp_decision", facts(recorded=rec))
    text = text_of(decision)
    assert decision.parties[0].label == "被处理单位" and decision.addressee is None
    assert "于2026年12月4日前向有关劳动者支付拖欠的劳动报酬共计人民币18,650.00元" in text
    assert "六十日内" in text and "六个月内" in text and "第二十六条" in text
    penalty = notices.compose("insp_penalty", facts(recorded={"penalty": "罚款人民币2,000.00元"}))
    text = text_of(penalty)
    assert "作出如下处理：罚款人民币2,000.00元。" in text
    assert "十五日内" in text and "百分之三加处罚款" in text
    assert "《中华人民共和国行政处罚法》（2021年修订）第五十九条" in penalty.legal_basis


def test_service_receipt_is_a_form_naming_the_served_document() -> None:
    data = notices.compose(
        "insp_receipt", facts(recorded={"served_document": "限期改正指令书（令0041）", "method": "直接送达"})
    )
    rows = dict(data.table)
    assert rows["送达文书名称及文号"] == "限期改正指令书（令0041）"
    assert rows["受送达人"] == "陆丰市南塘电子厂" and rows["送达方式"] == "直接送达"
    assert rows["案　　号"] == "汕人社监字〔2026〕第0004号" and not data.show_number
    arb = notices.compose("arb_receipt", facts("arbitration"))
    assert dict(arb.table)["受送达人"] == notices.BLANK  # the clerk names who is served
    assert "第二十条" in arb.legal_basis


def test_award_skeleton_sums_claims_by_type_and_lays_out_the_elements() -> None:
    claims = (
        notices.NoticeClaim("wages", Decimal("8000.00")),
        notices.NoticeClaim("wages", Decimal("7500.50")),
        notices.NoticeClaim("damages", Decimal("3000.00")),
    )
    data = notices.compose("arb_award", facts("arbitration", claims=claims, workers=2))
    text = text_of(data)
    assert "（一）请求裁决被申请人支付劳动报酬人民币15,500.50元（涉及2名劳动者）；" in text
    assert "（二）请求裁决被申请人支付赔偿金人民币3,000.00元。" in text
    assert data.table_header and data.table[0] == ("争议要素", "申请人主张", "被申请人意见", "仲裁庭认定")
    assert ("欠付金额", "", "", "") in data.table and ("赔偿金的请求依据及金额", "", "", "") in data.table
    assert [p.label for p in data.parties] == ["申请人", "被申请人"]
    assert "期满不起诉的，本裁决书发生法律效力" in text  # a non-final award's remedy
    final = text_of(notices.compose("arb_award", facts("arbitration", final_award=True)))
    assert "本裁决为终局裁决" in final and "三十日内" in final
    assert data.signatures[0].startswith("首席仲裁员")


def test_types_offered_follow_the_stage() -> None:
    insp = {c for c, _ in notices.notice_types("inspection", "investigating")}
    assert "insp_accept" in insp and "insp_order" not in insp and "blacklist_notice" not in insp
    ordered = {c for c, _ in notices.notice_types("inspection", "payment_ordered")}
    assert {"insp_order", "blacklist_notice", "blacklist_decision", "insp_receipt"} <= ordered
    assert "insp_penalty" not in ordered


# --------------------------------------------------------------------------- layout (GB/T 9704-2012)


def _sample() -> bytes:
    data = notices.compose(
        "insp_order",
        facts(
            recorded={
                "document_no": "汕人社监令〔2026〕第0041号",
                "pay_by": "2026-11-26",
                "amount_ordered": "8000",
            }
        ),
    )
    return notices.pdf_bytes(data)


def test_the_pdf_embeds_its_fonts(tmp_path: Path) -> None:
    import re

    content = _sample()
    assert b"/FontFile2" in content  # TrueType programs embedded (subset)
    assert b"STSong-Light" not in content  # never the non-embedded CID fallback
    base_fonts = set(re.findall(rb"/BaseFont /([^\s/]+)", content))
    assert base_fonts and all(b"+" in f for f in base_fonts)  # every font listed is an embedded subset
    if shutil.which("pdffonts"):
        pdf = tmp_path / "n.pdf"
        pdf.write_bytes(content)
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = [r.split() for r in out.splitlines()[2:]]
        assert rows and all(r[-5] == "yes" for r in rows), out  # the "emb" column


def test_grid_positions_follow_the_standard() -> None:
    import io

    data = notices.compose("insp_order", facts(recorded={"violations": "拖欠工资" * 30}))
    fonts = notices_fonts()
    placed = notice_layout.layout(data, fonts, io.BytesIO())
    body = [p for p in placed.lines if p.size == notice_layout.BODY]
    # 22 lines per page: consecutive body lines are 225/22 mm apart
    ys = sorted({round(p.y, 3) for p in body if p.page == 1})
    steps = {round(b - a, 2) for a, b in itertools.pairwise(ys)}
    assert min(steps) == pytest.approx(225 / 22 * MM, abs=0.01)
    # a justified full line spans exactly the 156 mm type area from 28 mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    full = [p for p in body if len(p.text) >= 27 and p.x == pytest.approx(28 * MM)]
    assert full
    line = full[0]
    natural = sum(stringWidth(ch, line.font, line.size) for ch in line.text)
    spacing = (156 * MM - natural) / (len(line.text) - 1)
    assert line.x + natural + spacing * (len(line.text) - 1) == pytest.approx((28 + 156) * MM, abs=0.5 * MM)
    # the date is four characters in from the right edge, the seal centred on it
    date = next(p for p in placed.lines if p.text == "2026年11月20日")
    right = date.x + stringWidth(date.text, date.font, date.size)
    assert right == pytest.approx((28 + 156) * MM - 4 * notice_layout.CHAR, abs=0.1)
    assert placed.seal_center is not None
    assert placed.seal_center[1] == pytest.approx((date.x + right) / 2, abs=0.1)


def notices_fonts() -> Any:
    from casemgr.reports.fonts import notice_fonts

    return notice_fonts("system")


@poppler
def test_first_line_and_margins_measured_in_the_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "n.pdf"
    pdf.write_bytes(_sample())
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    import re

    words = [
        (float(a), float(b), float(c), w)
        for a, b, c, w in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html
        )
    ]
    first = min(words, key=lambda w: w[1])
    assert first[1] / MM == pytest.approx(37, abs=1)  # the first line's top: 37 mm (§5.2.1)
    assert min(w[0] for w in words if w[1] / MM < 262) / MM == pytest.approx(28, abs=1)  # left margin
    assert max(w[2] for w in words if w[1] / MM < 262) / MM <= 184 + 1  # right edge of the type area
    footer = [w for w in words if w[1] / MM > 262]
    assert "".join(w[3] for w in footer).replace(" ", "") == "—1—"
    # the page number sits 7 mm under the type area (297 - 35 + 7 = 269 mm), right, one character in
    assert 266 < footer[0][1] / MM < 272 and max(w[2] for w in footer) / MM == pytest.approx(
        184 - 14 / MM, abs=1
    )


# --------------------------------------------------------------------------- service: keep, reprint, refuse


@pytest.fixture
def ordered(database: db.Database, actors: dict[Role, Actor]) -> int:
    insp = actors[Role.INSPECTOR]
    with database.write() as s:
        cid = cases.register_case(
            s, insp, case_input(CaseKind.INSPECTION, received_on=dt.date(2026, 11, 2)), today=TODAY
        ).id
        for code, on, f in (
            ("accept", dt.date(2026, 11, 3), {}),
            ("order_payment", dt.date(2026, 11, 6), {"document_no": "令0041", "pay_by": dt.date(2026, 11, 16),
                                                     "amount_ordered": Decimal("8000.00")}),
        ):  # fmt: skip
            workflow.apply_transition(s, insp, cid, code, f, expected_version=None, on=on)
    return cid


def test_order_number_reaches_the_kept_document_and_later_notices(
    database: db.Database, actors: dict[Role, Actor], ordered: int
) -> None:
    insp = actors[Role.INSPECTOR]
    with database.write() as s:
        order = svc.generate_notice(s, insp, ordered, "insp_order", today=TODAY, check_state=True)
        data = svc.notice_data(s, insp, ordered, "blacklist_notice", {"document_no": "告0007"}, today=TODAY)
    assert data.doc_number == "告0007"  # the notice's own number, not the order's
    assert any("2026年11月6日作出《劳动保障监察限期改正指令书》（令0041）" in p for p in data.paragraphs)
    with database.read() as s:
        from casemgr import queries

        detail = queries.case_detail(s, insp, ordered)
    assert [(d.id, d.title, d.number) for d in detail.documents] == [
        (order.id, "劳动保障监察限期改正指令书", "令0041")
    ]


def test_reprint_returns_the_same_bytes_and_is_audited(
    database: db.Database, actors: dict[Role, Actor], ordered: int
) -> None:
    insp = actors[Role.INSPECTOR]
    with database.write() as s:
        doc = svc.generate_notice(s, insp, ordered, "insp_order", today=TODAY)
    with database.write() as s:
        again = svc.reprint_document(s, insp, doc.id, today=dt.date(2026, 12, 1))
    assert again.content == doc.content and again.sha256 == doc.sha256
    with database.read() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "document.reprint")).scalar_one()
        assert str(doc.id) in (entry.after or "") and entry.username == insp.username
        ev = s.execute(select(Event).where(Event.action == "reprint.insp_order")).scalar_one()
        assert ev.occurred_on == dt.date(2026, 12, 1)
        assert len(s.execute(select(Document)).all()) == 1  # a reprint is no new document
    with database.write() as s:  # someone rewrote the stored PDF behind the program's back
        s.execute(update(Document).values(content=doc.content + b"%tampered"))
    with pytest.raises(DatabaseError), database.write() as s:
        svc.reprint_document(s, insp, doc.id, today=TODAY)


def test_roles_that_may_not_make_notices_are_refused_by_the_service(
    database: db.Database, actors: dict[Role, Actor], ordered: int
) -> None:
    insp = actors[Role.INSPECTOR]
    with database.write() as s:
        doc = svc.generate_notice(s, insp, ordered, "insp_order", today=TODAY)
    for role in (Role.AUDITOR, Role.CLERK, Role.MEDIATOR):  # none may make inspection notices
        actor = actors[role]
        with pytest.raises(PermissionDenied), database.write() as s:
            svc.generate_notice(s, actor, ordered, "insp_receipt", today=TODAY)
        with pytest.raises(PermissionDenied), database.read() as s:
            svc.preview_notice(s, actor, ordered, "insp_receipt", today=TODAY)
        with pytest.raises(PermissionDenied), database.read() as s:
            svc.open_document(s, actor, doc.id)  # a kept notice may hold unmasked ID numbers
        with pytest.raises(PermissionDenied), database.write() as s:
            svc.reprint_document(s, actor, doc.id, today=TODAY)
        with database.read() as s:
            assert svc.available_types(s, actor, ordered) == []


def test_a_notice_the_stage_does_not_call_for_is_refused(
    database: db.Database, actors: dict[Role, Actor], ordered: int
) -> None:
    insp = actors[Role.INSPECTOR]
    with pytest.raises(WorkflowError), database.write() as s:
        svc.generate_notice(s, insp, ordered, "insp_penalty", today=TODAY, check_state=True)
    with database.read() as s:
        offered = {c for c, _ in svc.available_types(s, insp, ordered)}
        assert s.execute(select(Document)).first() is None
    assert "blacklist_notice" in offered and "insp_penalty" not in offered


@pytest.mark.parametrize("code", sorted(notices.load_templates().notices))
def test_the_seal_never_stands_on_a_page_without_body_text(code: str) -> None:
    """GB/T 9704 §7.3.5: the issuer, date and seal share their page with the body's end."""
    import io

    t = notices.load_templates().notices[code]
    data = notices.compose(code, facts(t.kind.value, recorded={"violations": "拖欠工资" * 40}))
    placed = notice_layout.layout(data, notices_fonts(), io.BytesIO())
    if not data.show_closing:  # a form is signed inside its table
        assert placed.seal_center is None and placed.pages == 1
        return
    assert placed.seal_center is not None
    page = placed.seal_center[0]
    body = [p for p in placed.lines if p.page == page and p.text not in (data.issuer, data.date_text)]
    assert any(p.text.startswith("依据") or p.y < placed.seal_center[2] - 20 * MM for p in body)


ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


@pytest.mark.skipif(not ZENHEI.is_file(), reason="needs a second TrueType CJK font to stand in for 仿宋")
def test_the_system_fangsong_is_used_unless_the_setting_asks_for_the_shipped_font(
    database: db.Database, actors: dict[Role, Actor], ordered: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casemgr import settings
    from casemgr.reports import fonts

    monkeypatch.setattr(fonts, "FANGSONG", (str(ZENHEI),))  # this PC "has" a 仿宋
    monkeypatch.setattr(fonts, "_fontconfig", lambda: ())
    fonts.clear_notice_fonts()
    try:
        assert fonts.notice_fonts("system").body.path == str(ZENHEI)
        assert fonts.notice_fonts("shipped").body.path == str(fonts.bundled_font())
        insp = actors[Role.INSPECTOR]
        with database.write() as s:
            system = svc.generate_notice(s, insp, ordered, "insp_order", today=TODAY).content
            settings.put(s, "notice_font_shipped", True)
            shipped = svc.generate_notice(s, insp, ordered, "insp_order", today=TODAY).content
        assert b"+WenQuanYiZenHei" in system and b"+WenQuanYiZenHei" not in shipped
        assert b"+WenQuanYiMicroHei" in shipped
        assert system.count(b"/FontFile2") >= 1 and shipped.count(b"/FontFile2") >= 1
    finally:
        fonts.clear_notice_fonts()
