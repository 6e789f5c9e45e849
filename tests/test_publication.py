"""阳光仲裁 (issue 21): the publication copy of a served, effective award.

The removal rules follow 最高人民法院关于人民法院在互联网公布裁判文书的规定 (法释〔2016〕19号)
Arts. 9-11; the cases below are the awkward ones: 复姓, one-character given names, a name
inside other words and inside the employer's name, ID numbers with an X check digit and of
15 digits, phones written with spaces and dashes, bank cards.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, PartyRole, Role
from casemgr.errors import PermissionDenied, ValidationError
from casemgr.models import AuditEntry, Document
from casemgr.reports import publication as pub
from casemgr.services import cases, parties
from casemgr.services import publication as service
from casemgr.services import workflow as wf
from tests.helpers import case_input, make_id

D = dt.date
WANG = pub.NaturalPerson("王成", "44150219850615123X", "138 0013-8000", "广东省汕尾市城区香洲街道红草路12号")


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("王成", "王某"),  # one-character given name
        ("张三丰", "张某"),
        ("欧阳明", "欧阳某"),  # 复姓 with a one-character given name
        ("司马相如", "司马某"),
        ("诸葛亮", "诸葛某"),
        ("上官婉儿", "上官某"),
        ("欧阳", "欧某"),  # two characters: surname 欧, given name 阳
        ("马", "马某"),
        ("买买提·艾力", "买某"),  # Art. 9(二): keep the first character
        ("John Smith", "J"),  # Art. 9(三): keep the first letter
    ],
)
def test_pseudonym_keeps_the_surname(name: str, expected: str) -> None:
    assert pub.pseudonym(name) == expected


def test_two_names_that_would_read_the_same_are_numbered() -> None:
    # Art. 9: 对不同姓名隐名处理后发生重复的，通过在姓名后增加阿拉伯数字进行区分.
    assert pub.pseudonyms(["王成", "王小明", "李四", "王成"]) == {
        "王成": "王某1",
        "王小明": "王某2",
        "李四": "李某",
    }


def test_only_known_names_are_replaced_longest_first() -> None:
    text = "申请人王成、王成功与欧阳明华诉被申请人。王成于2020年入职，按期完成工作。"
    r = pub.redact(text, [WANG, pub.NaturalPerson("王成功"), pub.NaturalPerson("欧阳明华")])
    # 王成 and 王成功 are two workers: both 王某, numbered; 完成 untouched.
    assert r.text == "申请人王某1、王某2与欧阳某诉被申请人。王某1于2020年入职，按期完成工作。"
    assert r.doubts == ()


def test_a_name_running_into_a_common_word_is_left_and_reported() -> None:
    r = pub.redact("王成功地讨回了工资，王成表示感谢。", [pub.NaturalPerson("王成")])
    assert r.text == "王成功地讨回了工资，王某表示感谢。"
    assert [d.name for d in r.doubts] == ["王成"]
    assert "王成功" in r.doubts[0].context


def test_a_worker_named_inside_the_employer_name_keeps_the_employer() -> None:
    r = pub.redact("被申请人汕尾王成建材有限公司拖欠王成工资。", [WANG], keep=["汕尾王成建材有限公司"])
    assert r.text == "被申请人汕尾王成建材有限公司拖欠王某工资。"


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "text",
    [
        "公民身份号码：44150219850615123X。",  # 18 digits, X check digit
        "公民身份号码：44150219850615123x。",  # lower-case x
        "公民身份号码：441502850615123。",  # the old 15 digits
        "联系电话：13800138000。",
        "联系电话：138 0013 8000。",
        "联系电话：138-0013-8000。",
        "联系电话：+86 138 0013 8000。",
        "联系电话：0660-3312345。",
        "联系电话：(0660) 331 2345。",
        "工资卡号：6222020012345678901。",  # 19 digits
        "工资卡号：6222 0200 1234 5678。",  # 16 digits in groups
    ],
)
def test_numbers_of_unknown_people_are_removed_too(text: str) -> None:
    r = pub.redact(text, [])
    label = text.split("：")[0]
    assert r.text == f"{label}：××。"
    assert r.removed == 1


def test_amounts_dates_and_case_numbers_stay() -> None:
    text = "汕劳人仲案字〔2026〕第0009号：支付工资8,000.00元，2026年10月27日，合计21000元。"
    assert pub.redact(text, [WANG], keep=["汕劳人仲案字〔2026〕第0009号"]).text == text


def test_an_employer_code_of_digits_is_kept() -> None:
    uscc = "914415000000000012"
    assert pub.redact(f"统一社会信用代码：{uscc}", [], keep=[uscc]).text == f"统一社会信用代码：{uscc}"


def test_the_home_address_is_cut_to_the_district() -> None:
    # Art. 10 deletes the home address; Art. 11 keeps the county or district of residence.
    r = pub.redact("住广东省汕尾市城区香洲街道红草路12号。", [WANG])
    assert r.text == "住广东省汕尾市城区。"
    assert pub.county_of("海丰县附城镇新园村") is None
    assert (
        pub.redact("住海丰县附城镇新园村", [pub.NaturalPerson("李四", address="海丰县附城镇新园村")]).text
        == "住××"
    )


def test_birth_and_sex_come_from_the_id_number() -> None:
    assert pub.birth_and_sex("44150219850615123X") == "男，1985年6月15日出生"  # 17th digit 3: odd
    assert pub.birth_and_sex("441502199002290021") is None  # no 29 February in 1990
    assert pub.birth_and_sex("441502199203010028") == "女，1992年3月1日出生"
    assert pub.birth_and_sex("441502850615123") == "男，1985年6月15日出生"  # 15 digits: last digit 3
    assert pub.birth_and_sex("441502851315124") is None  # month 13
    assert pub.birth_and_sex("4415021985061512") is None  # 16 digits: no ID number


# --------------------------------------------------------------------------- the award


def _facts(lines: tuple[pub.AwardLine, ...]) -> pub.AwardFacts:
    return pub.AwardFacts(
        commission="汕尾市劳动人事争议仲裁委员会",
        case_number="汕劳人仲案字〔2026〕第0009号",
        document_no="汕劳人仲裁字〔2026〕9号",
        accepted_on=D(2026, 9, 24),
        hearing_on=D(2026, 10, 20),
        award_on=D(2026, 10, 27),
        persons=(
            pub.AwardParty(
                "欧阳明", "441502198506151238", "138-0013-8000", "广东省汕尾市城区香洲街道红草路12号"
            ),
            pub.AwardParty("王成", "44150219900101002X", None, None),
        ),
        employers=(
            pub.AwardEmployer(
                "汕尾王成建材有限公司", "914415000000000012", "李建国", "汕尾市城区工业大道1号"
            ),
        ),
        claims=(
            pub.AwardClaim(1, "wages", Decimal("8000.00"), "欧阳明"),
            pub.AwardClaim(2, "severance", Decimal("30000.00"), "王成"),
            pub.AwardClaim(3, "damages", Decimal("5000.00"), "王成"),
        ),
        lines=lines,
        arbitrators=("甲", "乙", "丙"),
    )


MIXED = (
    pub.AwardLine(1, "wages", Decimal("8000.00"), True),
    pub.AwardLine(2, "severance", Decimal("30000.00"), False),
)


def test_the_award_text_and_its_copy() -> None:
    original, r = pub.publication_copy(_facts(MIXED))
    assert "申请人：欧阳明，男，1985年6月15日出生，公民身份号码：441502198506151238" in original
    assert (
        "一、被申请人于本裁决生效之日起五日内向申请人欧阳明支付拖欠工资8,000.00元（终局裁决）；" in original
    )
    assert "二、被申请人于本裁决生效之日起五日内向申请人王成支付经济补偿30,000.00元；" in original
    assert "三、驳回申请人的其他仲裁请求。" in original  # the damages claim was not granted
    assert "3. 裁决被申请人向申请人王成支付赔偿金5,000.00元。" in original  # the last claim ends the list
    assert "本裁决第一项为终局裁决" in original and "当事人对本裁决第二项不服的" in original
    copy = r.text
    for gone in ("欧阳明", "王成，", "441502198506151238", "44150219900101002X", "138-0013-8000", "红草路"):
        assert gone not in copy, gone
    assert (
        "申请人：欧阳某，男，1985年6月15日出生，公民身份号码：××，住广东省汕尾市城区，联系电话：××。" in copy
    )
    assert "申请人：王某，女，1990年1月1日出生，公民身份号码：××。" in copy
    # the employer, its code, address and legal representative are kept (Art. 11)
    assert (
        "被申请人：汕尾王成建材有限公司，统一社会信用代码：914415000000000012，住所：汕尾市城区工业大道1号，法定代表人：李建国。"
        in copy
    )
    assert "申请人欧阳某、王某与被申请人汕尾王成建材有限公司劳动争议一案" in copy
    assert copy.splitlines()[-2:] == ["仲裁员：甲、乙、丙", "2026年10月27日"]


def test_an_award_granting_every_claim_has_no_dismissal_line() -> None:
    lines = (*MIXED, pub.AwardLine(3, "damages", Decimal("0.00"), True))
    original = pub.award_text(_facts(lines))
    assert "三、驳回申请人王成关于赔偿金的仲裁请求（终局裁决）。" in original
    assert "其他仲裁请求" not in original
    assert "本裁决第一、三项为终局裁决" in original


def test_an_employer_applicant_a_worker_respondent_and_an_agent() -> None:
    f = pub.AwardFacts(
        commission="汕尾市劳动人事争议仲裁委员会",
        case_number="汕劳人仲案字〔2026〕第0010号",
        document_no="汕劳人仲裁字〔2026〕10号",
        accepted_on=D(2026, 9, 24),
        hearing_on=D(2026, 10, 20),
        award_on=D(2026, 10, 27),
        persons=(
            pub.AwardParty("司马相如", "441502850615123", "0660 331 2345", role="respondent"),
            pub.AwardParty("诸葛亮", None, "13900139000", role="agent"),
        ),
        employers=(pub.AwardEmployer("汕尾市某某物流有限公司", role="applicant"),),
        claims=(),
        lines=(pub.AwardLine(None, "working_time", Decimal("0.00"), True),),
        arbitrators=("甲",),
    )
    original, r = pub.publication_copy(f)
    head = original.splitlines()[4:7]
    assert head == [
        "申请人：汕尾市某某物流有限公司。",
        "被申请人：司马相如，男，1985年6月15日出生，公民身份号码：441502850615123，联系电话：0660 331 2345。",
        "委托代理人：诸葛亮，联系电话：13900139000。",
    ]
    assert r.text.splitlines()[4:7] == [
        "申请人：汕尾市某某物流有限公司。",
        "被申请人：司马某，男，1985年6月15日出生，公民身份号码：××，联系电话：××。",
        "委托代理人：诸葛某，联系电话：××。",
    ]
    assert "申请人汕尾市某某物流有限公司与被申请人司马某劳动争议一案" in r.text


@pytest.mark.parametrize(
    ("name", "id_number", "phone", "address"),
    [
        ("欧阳娜娜", "44150219850615123X", "138 0013 8000", "广东省汕尾市城区红草镇某村1号"),
        ("王一", "441502199001010011", "+86-139-0013-9000", "汕尾市城区香城路2号"),
        ("万俟卨", "441502850615123", "(0660)3312345", "陆丰市东海街道3号"),
        ("阿依古丽·买买提", "650102199203010028", "13700137000", "乌鲁木齐市天山区某路4号"),
        ("李明", "441502198801011234", "020-87654321", "汕尾市海丰县城东镇5号"),
    ],
)
def test_no_personal_value_survives_in_the_copy(name: str, id_number: str, phone: str, address: str) -> None:
    f = _facts(MIXED)
    f = pub.AwardFacts(**{**f.__dict__, "persons": (pub.AwardParty(name, id_number, phone, address),)})
    original, r = pub.publication_copy(f)
    assert name in original and id_number in original and phone in original
    digits = "".join(c for c in phone if c.isdigit())
    flat = "".join(c for c in r.text if c.isdigit())
    for leaked in (name, id_number, id_number[-6:], phone, address):
        assert leaked not in r.text, leaked
    assert digits[-7:] not in flat  # not even with the separators taken out
    assert address[-4:] not in r.text  # the house number is gone, whatever was kept of the district
    assert pub.pseudonym(name) in r.text


def test_the_copy_prints() -> None:
    _, r = pub.publication_copy(_facts(MIXED))
    pdf = pub.pdf_bytes("裁决书（公开文本）", r.text)
    assert pdf.startswith(b"%PDF") and pdf == pub.pdf_bytes("裁决书（公开文本）", r.text)


# --------------------------------------------------------------------------- the service


def awarded_case(
    s: Session, clerk: Actor, registrar: Actor, n: int, items: list[dict], *, serve: bool = True
) -> int:
    """An arbitration case of 王成 (ID with an X) and 欧阳明, awarded Tue 2026-10-27, served Thu 10-29."""
    data = case_input(CaseKind.ARBITRATION, n=n, received_on=D(2026, 9, 21), migrant=False)
    data = cases.CaseInput(
        **{
            **data.__dict__,
            "persons": [
                cases.PartyLink(
                    parties.PersonInput(
                        "王成",
                        make_id(n * 10 + 1),
                        "13800138000",
                        address="广东省汕尾市城区香洲街道红草路12号",
                    ),
                    PartyRole.APPLICANT,
                )
            ],
        }
    )
    c = cases.register_case(s, registrar, data, today=D(2026, 9, 21))
    cid = c.id

    def step(code: str, on: dt.date, **f: object) -> None:
        wf.apply_transition(s, clerk, cid, code, f, expected_version=None, on=on)

    step("accept", D(2026, 9, 24))
    wf.record_service(
        s,
        clerk,
        cid,
        document="application_copy",
        method="direct",
        served_on=D(2026, 9, 29),
        expected_version=None,
    )
    step("form_tribunal", D(2026, 9, 25), arbitrators=["陈仲", "林裁", "黄庭"])
    step("schedule_hearing", D(2026, 10, 9), hearing_date=D(2026, 10, 20))
    claim_id = c.claims[0].id
    step(
        "award",
        D(2026, 10, 27),
        document_no="汕劳人仲案字〔2026〕9号",
        items=[{**i, "claim_item_id": claim_id} if i.get("claim_type") == "wages" else i for i in items],
    )
    if serve:
        step("serve_award", D(2026, 10, 29), method="direct")
    return cid


FINAL = [{"claim_type": "wages", "amount": Decimal("8000.00")}]
MIXED_ITEMS = [*FINAL, {"claim_type": "severance", "amount": Decimal("30000.00")}]


def _audits(s: Session) -> int:
    return int(s.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


def test_a_supervisor_approves_and_the_approval_is_audited(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    sup, clerk = actors[Role.SUPERVISOR], actors[Role.CLERK]
    with database.write() as s:
        cid = awarded_case(s, clerk, sup, 41, FINAL)
    with database.read() as s:
        p = service.preview(s, sup, cid, today=D(2026, 11, 23))
    assert "王成" in p.original and "王成" not in p.copy and "王某" in p.copy
    assert "红草路" not in p.copy and "13800138000" not in p.copy
    assert "汕尾测试用人单位41" in p.copy
    assert p.sha256 == hashlib.sha256(p.copy.encode()).hexdigest()
    with database.write() as s:
        before = _audits(s)
        approved = service.approve(s, sup, cid, p.sha256, today=D(2026, 11, 23))
    assert approved.text == p.copy and approved.pdf.startswith(b"%PDF")
    with database.read() as s:
        entry = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).scalar_one()
        assert _audits(s) == before + 1
        assert entry.action == "award.publish_approve" and entry.user_id == sup.user_id
        assert p.sha256 in (entry.after or "")
        doc = s.get(Document, approved.document_id)
        assert doc is not None and doc.content == approved.pdf
    with database.read() as s:
        again = service.preview(s, sup, cid, today=D(2026, 11, 24))
        assert again.sha256 == p.sha256 and again.approved_by == "supervisor-显示名"
        saved = service.approved_copy(s, sup, cid, today=D(2026, 11, 24))
        assert (saved.document_id, saved.text, saved.pdf) == (approved.document_id, p.copy, approved.pdf)
    # the same text is not approved twice
    with pytest.raises(ValidationError, match="already"), database.write() as s:
        service.approve(s, sup, cid, p.sha256, today=D(2026, 11, 24))


def test_the_screen_shows_the_original_with_numbers_masked(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    sup, clerk = actors[Role.SUPERVISOR], actors[Role.CLERK]
    with database.write() as s:
        cid = awarded_case(s, clerk, sup, 44, FINAL)
    idn = make_id(441)
    with database.read() as s:
        p = service.preview(s, sup, cid, today=D(2026, 11, 23))
        with pytest.raises(ValidationError, match="not been approved"):
            service.approved_copy(s, sup, cid, today=D(2026, 11, 23))
    # 王成's full ID and phone are not on the screen (no reveal, so no audit entry needed) ...
    assert idn not in p.original and "13800138000" not in p.original
    assert f"申请人：王成，男，1985年6月15日出生，公民身份号码：{idn[:4]}**********{idn[-4:]}，" in p.original
    assert "138****8000" in p.original
    # ... and the copy is made from the real values, so it has neither in any form.
    assert idn[-4:] not in p.copy and "8000" not in p.copy.replace("8,000.00", "")


def test_an_approval_of_a_text_that_changed_is_refused(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    sup, clerk = actors[Role.SUPERVISOR], actors[Role.CLERK]
    with database.write() as s:
        cid = awarded_case(s, clerk, sup, 42, FINAL)
    with pytest.raises(ValidationError, match="changed"), database.write() as s:
        service.approve(s, sup, cid, "0" * 64, today=D(2026, 11, 23))


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.SUPERVISOR])
def test_other_roles_are_refused(database: db.Database, actors: dict[Role, Actor], role: Role) -> None:
    sup, clerk = actors[Role.SUPERVISOR], actors[Role.CLERK]
    with database.write() as s:
        cid = awarded_case(s, clerk, sup, 43 + list(Role).index(role), FINAL)
    with database.read() as s:
        sha = service.preview(s, sup, cid, today=D(2026, 11, 23)).sha256
        with pytest.raises(PermissionDenied):
            service.preview(s, actors[role], cid, today=D(2026, 11, 23))
    with database.write() as s:
        before = _audits(s)
    with pytest.raises(PermissionDenied), database.write() as s:
        service.approve(s, actors[role], cid, sha, today=D(2026, 11, 23))
    with database.read() as s:
        assert _audits(s) == before


def test_an_unserved_or_not_yet_effective_award_is_refused(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    sup, clerk = actors[Role.SUPERVISOR], actors[Role.CLERK]
    with database.write() as s:
        unserved = awarded_case(s, clerk, sup, 61, FINAL, serve=False)
        mixed = awarded_case(s, clerk, sup, 62, MIXED_ITEMS)
    with database.read() as s:
        with pytest.raises(ValidationError, match="not been served"):
            service.preview(s, sup, unserved, today=D(2026, 11, 23))
        # Served Thu 10-29: the 15 days to sue on the non-final item end Fri 11-13, so the
        # whole award is in force from Sat 11-14 (Art. 50), not on 11-13.
        with pytest.raises(ValidationError, match="2026-11-14"):
            service.preview(s, sup, mixed, today=D(2026, 11, 13))
        p = service.preview(s, sup, mixed, today=D(2026, 11, 14))
    assert "本裁决第一项为终局裁决" in p.original and "当事人对本裁决第二项不服的" in p.copy
