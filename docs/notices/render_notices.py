"""Render one of each notice to PNG for review: ``.venv/bin/python docs/notices/render_notices.py``.

Builds a throw-away database, walks sample cases through the real workflow services so
the notices are filled from recorded steps (hearing date, arbitrators, grounds), generates
each notice with :func:`casemgr.services.notices.generate_notice`, and converts page 1 with
``pdftoppm -r 60`` (poppler) into ``docs/notices/<type>.png`` (later pages ``<type>-2.png`` …).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from casemgr import db, validation  # noqa: E402
from casemgr.actor import Actor  # noqa: E402
from casemgr.enums import CaseKind, ClaimType, ComplaintType, PartyRole, Role  # noqa: E402
from casemgr.models import User  # noqa: E402
from casemgr.services import cases, notices, parties, workflow  # noqa: E402

OUT = Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 20)


def pid(n: int) -> str:
    first17 = f"44152119880312{n:03d}"
    return first17 + validation.resident_id_check_char(first17)


def uscc(n: int) -> str:
    first17 = f"91441500MA5{n:06d}"
    return first17 + validation.uscc_check_char(first17)


def new_case(s: object, actor: Actor, kind: CaseKind, received: dt.date, n: int, **kw: object) -> int:
    role = PartyRole.COMPLAINANT if kind is CaseKind.INSPECTION else PartyRole.APPLICANT
    persons = [] if kw.get("anonymous") else [
        cases.PartyLink(parties.PersonInput(name=["陈志强", "林晓燕", "黄国平"][n % 3], id_number=pid(n),
                                            migrant_worker=True), role)
    ]  # fmt: skip
    data = cases.CaseInput(
        kind=kind,
        received_on=received,
        employer=parties.EmployerInput(
            name=["汕尾市海城建筑工程有限公司", "陆丰市南塘电子厂", "海丰县鸿发制衣有限公司"][n % 3],
            uscc=uscc(n),
            legal_rep="郑国华",
            district="城区",
            address="汕尾市城区香洲街道通港路18号",
        ),
        persons=persons,
        claims=[cases.ClaimInput(ClaimType.WAGES, Decimal("18650.00"), 0 if persons else None)],
        district="城区",
        complaint_type=ComplaintType.REPORT if kw.get("anonymous") else None,
    )
    return cases.register_case(s, actor, data, today=TODAY).id  # type: ignore[arg-type]


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        database = db.open_database(f"sqlite:///{Path(tmp) / 'n.db'}")
        actors: dict[Role, Actor] = {}
        with database.write() as s:
            for role, name in ((Role.CLERK, "书记员"), (Role.MEDIATOR, "调解员"), (Role.INSPECTOR, "监察员")):
                u = User(username=role.value, display_name=name, role=role.value)
                s.add(u)
                s.flush()
                actors[role] = Actor(u.id, u.username, role)
        clerk, med, insp = actors[Role.CLERK], actors[Role.MEDIATOR], actors[Role.INSPECTOR]
        made: list[tuple[str, bytes]] = []
        with database.write() as s:

            def step(actor: Actor, cid: int, code: str, on: dt.date, **f: object) -> None:
                workflow.apply_transition(s, actor, cid, code, dict(f), expected_version=None, on=on)

            def notice(actor: Actor, cid: int, kind: str, on: dt.date = TODAY, **f: object) -> None:
                doc = notices.generate_notice(s, actor, cid, kind, fields=f or None, today=on)
                made.append((kind, doc.content))

            a = new_case(s, clerk, CaseKind.ARBITRATION, dt.date(2026, 11, 2), 1)
            notice(
                clerk,
                a,
                "arb_supplement",
                items="1. 申请人身份证复印件；\n2. 劳动关系证明材料（工资条、考勤记录等）；\n3. 仲裁申请书副本一份。",
            )
            step(clerk, a, "accept", dt.date(2026, 11, 4))
            notice(clerk, a, "arb_accept")
            step(
                clerk,
                a,
                "form_tribunal",
                dt.date(2026, 11, 6),
                arbitrators=["李建明（首席）", "王芳", "张伟"],
            )
            notice(clerk, a, "arb_tribunal")
            step(clerk, a, "schedule_hearing", dt.date(2026, 11, 10), hearing_date=dt.date(2026, 11, 25),
                 place="汕尾市劳动人事争议仲裁院第一仲裁庭")  # fmt: skip
            notice(clerk, a, "arb_hearing", hearing_time="上午9时30分")
            notice(clerk, a, "arb_receipt", served_document="开庭通知书（汕劳人仲案字〔2026〕第0001号）",
                   recipient="汕尾市海城建筑工程有限公司", address="汕尾市城区香洲街道通港路18号",
                   method="直接送达")  # fmt: skip
            notice(clerk, a, "arb_award", document_no="汕劳人仲案字〔2026〕第0001号")
            b = new_case(s, clerk, CaseKind.ARBITRATION, dt.date(2026, 11, 3), 2)
            step(
                clerk,
                b,
                "refuse",
                dt.date(2026, 11, 5),
                reason="申请人与被申请人之间系承揽关系，不属于劳动人事争议处理范围",
            )
            notice(clerk, b, "arb_refuse")
            m = new_case(s, med, CaseKind.MEDIATION, dt.date(2026, 11, 9), 3)
            step(med, m, "accept", dt.date(2026, 11, 10))
            notice(
                med,
                m,
                "med_agreement",
                terms="一、被申请人于2026年11月30日前一次性支付申请人2026年7月至10月工资共计人民币18,650.00元；\n二、申请人自愿放弃其他仲裁请求；\n三、双方劳动关系于2026年10月31日解除，再无其他劳动争议。",
            )
            i = new_case(s, insp, CaseKind.INSPECTION, dt.date(2026, 11, 2), 4)
            step(insp, i, "accept", dt.date(2026, 11, 3))
            notice(insp, i, "insp_accept")
            step(insp, i, "order_payment", dt.date(2026, 11, 12), document_no="汕人社监令〔2026〕第0041号",
                 pay_by=dt.date(2026, 11, 26), amount_ordered=Decimal("18650.00"))  # fmt: skip
            notice(insp, i, "insp_order", violations="拖欠1名劳动者2026年7月至10月工资共计18,650.00元")
            notice(insp, i, "insp_receipt", served_document="劳动保障监察限期改正指令书（汕人社监令〔2026〕第0041号）",
                   method="直接送达")  # fmt: skip
            notice(insp, i, "blacklist_notice", document_no="汕人社监告〔2026〕第0007号",
                   blacklist_ground="crime_threshold", responsible="财务负责人吴某某",
                   contact="劳动保障监察支队 刘某某 0660-3212345")  # fmt: skip
            notice(insp, i, "blacklist_decision", document_no="汕人社监列〔2026〕第0003号",
                   blacklist_ground="crime_threshold", responsible="财务负责人吴某某",
                   notified_on="2026-11-16", objection="你单位在异议期内未提出异议")  # fmt: skip
            notice(insp, i, "blacklist_removal", on=dt.date(2027, 6, 24), document_no="汕人社监移〔2027〕第0001号",
                   applied_on="2027-06-10", removal_decision="grant",
                   reason="你单位已于2026年12月1日足额支付所欠农民工工资，自改正之日起被列入名单已满6个月，"
                          "已作出不再拖欠农民工工资的书面信用承诺，且不存在该办法第十三条规定的情形")  # fmt: skip
            h = new_case(s, insp, CaseKind.INSPECTION, dt.date(2026, 10, 8), 7)
            step(insp, h, "accept", dt.date(2026, 10, 9))
            step(insp, h, "order_payment", dt.date(2026, 10, 20), document_no="汕人社监令〔2026〕第0035号",
                 pay_by=dt.date(2026, 11, 3), amount_ordered=Decimal("18650.00"))  # fmt: skip
            step(
                insp, h, "handling_decision", dt.date(2026, 11, 12), document_no="汕人社监处〔2026〕第0012号"
            )
            notice(insp, h, "insp_decision", violations="拖欠劳动者陈志强2026年7月至10月工资共计18,650.00元",
                   evidence="询问笔录、工资表、考勤记录", pay_by="2026-12-04")  # fmt: skip
            p = new_case(s, insp, CaseKind.INSPECTION, dt.date(2026, 10, 8), 8)
            step(insp, p, "accept", dt.date(2026, 10, 9))
            step(insp, p, "order_payment", dt.date(2026, 10, 20), document_no="汕人社监令〔2026〕第0036号",
                 pay_by=dt.date(2026, 11, 3), amount_ordered=Decimal("18650.00"))  # fmt: skip
            step(insp, p, "penalty_decision", dt.date(2026, 11, 16), document_no="汕人社监罚〔2026〕第0004号")
            notice(insp, p, "insp_penalty", violations="拖欠劳动者2026年7月至10月工资共计18,650.00元，经责令限期支付逾期未支付",
                   evidence="询问笔录、工资表、限期改正指令书及送达回证",
                   statement="你单位在规定期限内未提出陈述、申辩。",
                   penalty="责令你单位按应付金额百分之五十的标准向劳动者加付赔偿金人民币9,325.00元")  # fmt: skip
            j = new_case(s, insp, CaseKind.INSPECTION, dt.date(2026, 11, 4), 5)
            step(insp, j, "refuse", dt.date(2026, 11, 6), ground="in_arbitration_or_court",
                 reason="你已于2026年10月向汕尾市劳动人事争议仲裁委员会申请仲裁，案件正在审理中")  # fmt: skip
            notice(insp, j, "insp_refuse")
            k = new_case(s, insp, CaseKind.INSPECTION, dt.date(2026, 10, 12), 6, anonymous=True)
            step(insp, k, "accept", dt.date(2026, 10, 13))
            step(insp, k, "cancel_filing", dt.date(2026, 11, 9), ground="corrected_no_penalty")
            notice(
                insp, k, "insp_cancel", reason="该单位已于2026年11月5日足额支付所涉工资，违法行为已经改正。"
            )
        database.dispose()
        for kind, content in made:
            pdf = Path(tmp) / f"{kind}.pdf"
            pdf.write_bytes(content)
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    str(pdf),
                    str(Path(tmp) / kind),
                ],
                check=True,
            )
            pages = sorted(Path(tmp).glob(f"{kind}-*.png"))
            for n, page in enumerate(pages, 1):  # page 1 as <type>.png, later pages as <type>-2.png
                target = OUT / (f"{kind}.png" if n == 1 else f"{kind}-{n}.png")
                shutil.move(page, target)
                print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
