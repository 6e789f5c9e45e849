"""The demo's construction project register (issue 17): a dozen projects of every colour.

Nothing here draws from the demo's random stream (the projects are a fixed list, dated from
``today``), so the demo's case figures, which its tests hold to published ranges, are the same
with or without them. The first open inspection complaints (by id) become complaints about
the first projects, with their employer as the project's 施工总承包单位, so the register, the
case file's 工程项目 tab and the colours have something real to show.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import validation
from casemgr.actor import Actor
from casemgr.enums import CaseKind
from casemgr.models import Case, Employer
from casemgr.services import parties, projects

#: (项目编号, name, district, days since the start, status, elements missing, complaints linked)
PROJECTS: tuple[tuple[str | None, str, str, int, str, tuple[str, ...], int], ...] = (
    ("SW-2026-001", "城区香洲安置房一期", "城区", 270, "building", (), 2),
    ("SW-2026-002", "城区凤山路市政道路改造", "城区", 120, "building", ("account_opened_on",), 0),
    ("SW-2026-003", "海丰县彭湃中学教学楼", "海丰县", 80, "building", ("deposit_on",), 1),
    ("SW-2026-004", "陆丰市碣石镇污水处理厂", "陆丰市", 180, "building", ("board_on",), 0),
    ("SW-2026-005", "陆河县河田镇卫生院住院楼", "陆河县", 12, "building",
     ("account_opened_on", "deposit_on", "roster_on", "board_on", "last_agent_pay_on"), 0),
    ("SW-2026-006", "城区品清湖商业综合体", "城区", 200, "building", ("last_agent_pay_on",), 0),
    ("SW-2025-031", "海丰县公平镇保障性住房", "海丰县", 600, "completed", (), 0),
    (None, "红海湾渔港码头扩建", "红海湾经济开发区", 130, "suspended", ("roster_on",), 1),
    ("SW-2027-001", "华侨管理区侨城小学运动场", "华侨管理区", -40, "planned",
     ("account_opened_on", "deposit_on", "roster_on", "board_on", "last_agent_pay_on"), 0),
    ("SW-2026-010", "陆丰市东海街道滨海大道", "陆丰市", 240, "building", (), 0),
    ("SW-2026-011", "汕尾高新区电子产业园厂房", "汕尾高新区", 150, "building", (), 0),
    ("SW-2026-012", "海丰县城东镇农贸市场改造", "海丰县", 60, "building", (), 0),
)  # fmt: skip
CONTRACTORS = ("广东汕尾建工集团有限公司", "海丰县宏达建筑工程有限公司", "陆丰市金厦建设有限公司")
SUBCONTRACTOR = "汕尾市诚信劳务有限公司"


def _uscc(n: int) -> str:
    first17 = f"91441500{n:09d}"
    return first17 + validation.uscc_check_char(first17)


def make_projects(session: Session, actor: Actor, today: dt.date) -> list[int]:
    """The register, as ``actor`` (a supervisor: they may link any inspector's complaint)."""
    wanted = sum(n for *_rest, n in PROJECTS)
    complaints = list(
        session.execute(
            select(Case.id, Employer.name, Employer.uscc)
            .join(Employer, Employer.id == Case.employer_id)
            # a 总包 is a builder: a fishery's complaint does not make it one
            .where(
                Case.kind == CaseKind.INSPECTION.value,
                Case.closed_on.is_(None),
                Employer.industry == "建筑业",
            )
            .order_by(Case.id)
            .limit(wanted)
        )
    )
    ids: list[int] = []
    for i, (code, name, district, days, status, missing, linked) in enumerate(PROJECTS):
        start = today - dt.timedelta(days=days)
        mine, complaints = complaints[:linked], complaints[linked:]
        general = (
            parties.EmployerInput(mine[0][1], mine[0][2])
            if mine
            else parties.EmployerInput(CONTRACTORS[i % 3], _uscc(900 + i % 3))
        )
        step = dt.timedelta(days=min(max(days, 0), 10))
        done = {
            "account_opened_on": start + step,
            "deposit_on": start + step,
            "roster_on": start,
            "board_on": start + step,
            "last_agent_pay_on": today - dt.timedelta(days=12 + i) if days > 45 else None,
        }
        if days < 0 or status == "planned":
            done = {}
        elements = {k: (None if k in missing else v) for k, v in done.items()}
        deposit = elements.get("deposit_on") is not None
        data = projects.ProjectInput(
            name=name, code=code, district=district, address=f"{district}{name[-4:]}项目部", start_on=start,
            end_on=start + dt.timedelta(days=540), status=status, general_contractor=general,
            builder=parties.EmployerInput(f"{district}城市建设投资有限公司", _uscc(960 + i)),
            subcontractors=(parties.EmployerInput(SUBCONTRACTOR, _uscc(950)),) if i % 2 == 0 else (),
            deposit_amount=Decimal(200_000 + 50_000 * (i % 4)) if deposit else None,
            deposit_bank="汕尾农商银行" if deposit else None,
            account_bank="中国建设银行汕尾分行" if elements.get("account_opened_on") else None,
            **elements,
        )  # fmt: skip
        pid = projects.save_project(session, actor, data, today=today).id
        for case_id, _name, uscc in mine:  # the 总包 is liable (条例 Art. 30): its own complaints only
            if uscc == mine[0][2]:
                projects.link_complaint(session, actor, case_id, pid)
        ids.append(pid)
    return ids
