"""Demo data for 汕尾: realistic parties and cases walked through the real workflow.

Why it is built this way:

* Every case is registered with :func:`casemgr.services.cases.register_case` and moved on
  with :func:`casemgr.services.workflow.apply_transition` (and the payment, extension and
  hand-over services) on realistic dates, so demo data obeys exactly the rules real data
  obeys: clocks, audit entries, events and statuses are what the services produce, never
  a hand-made imitation. A step the services refuse (a guard, a calendar year not yet
  imported) leaves the case where it was, as it would a clerk.
* Everything comes from one ``random.Random(seed)`` and a fixed ``today``, so the same
  seed and day give the same cases, names and numbers (tests and screenshots rely on it).
* Identifiers are valid: resident ID numbers carry real 汕尾 (or migrant workers' home
  province) region codes, a real birth date and the GB 11643 check character; credit codes
  carry the GB 11714 organisation-code check and the GB 32100 check character.
* Staff accounts are created through :mod:`casemgr.services.users` with a random password.
  The demo never invents a default password: unless asked (``show_passwords``), nobody
  learns those passwords, so the accounts cannot be logged into; when asked, each password
  is returned once, to be printed once, and must be changed at first log-in.
* Cases are written in batches of one transaction each (one savepoint per step), because a
  commit per case costs an fsync in WAL mode with ``synchronous=FULL``.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casemgr import clock, validation
from casemgr.actor import SYSTEM, Actor
from casemgr.db import Database
from casemgr.enums import (
    DISTRICTS_SHANWEI,
    CaseKind,
    Channel,
    ClaimType,
    ComplaintType,
    PartyRole,
    Role,
)
from casemgr.errors import KnownError
from casemgr.models import Case, ClaimItem, Deadline, User
from casemgr.services import cases, parties

log = logging.getLogger(__name__)

BATCH = 50  # cases per transaction
STALL = 0.015  # chance that a case stops at any one step (open files, some overdue)

# --------------------------------------------------------------------------- names

#: Common surnames of eastern Guangdong (汕尾 is Hoklo/Hakka country: 陈, 林, 黄, 蔡, 彭 ...),
#: weighted roughly by frequency; migrant workers draw from the national list.
SURNAMES_LOCAL = (
    "陈" * 14 + "林" * 8 + "黄" * 7 + "李" * 6 + "吴" * 5 + "蔡" * 5 + "彭" * 4 + "刘" * 4 + "郑" * 4
    + "庄" * 3 + "叶" * 3 + "钟" * 3 + "曾" * 3 + "罗" * 3 + "张" * 3 + "杨" * 2 + "卓" * 2 + "余" * 2
    + "许" * 2 + "王" * 2 + "朱" + "何" + "谢" + "苏" + "詹" + "温" + "马" + "周" + "邱" + "颜"
)  # fmt: skip
SURNAMES_NATIONAL = (
    "王" * 8 + "李" * 8 + "张" * 8 + "刘" * 6 + "陈" * 5 + "杨" * 4 + "黄" * 3 + "赵" * 3 + "吴" * 3
    + "周" * 3 + "徐" * 2 + "孙" * 2 + "马" * 2 + "朱" * 2 + "胡" * 2 + "郭" * 2 + "何" * 2 + "罗" * 2
    + "梁" + "宋" + "唐" + "韩" + "冯" + "邓" + "曹" + "彭" + "田" + "蒋" + "覃" + "韦" + "莫" + "廖"
)  # fmt: skip
GIVEN_MALE = "伟强军杰斌勇辉明华建国志文俊涛鹏飞超波刚海峰亮东林龙平宏振锦坤荣鑫汉雄"
GIVEN_FEMALE = "芳娜敏静丽艳秀娟霞玲燕红梅琳婷慧莹雪晶萍倩佳欣怡妹珍凤桂兰"
GIVEN_MIDDLE = "小家晓建志国少永子嘉丽秀雅春海金玉德文宝伟惠美淑"

#: 汕尾's county-level region codes (GB/T 2260), keyed by our district names.
REGION_BY_DISTRICT = {
    "城区": "441502",
    "海丰县": "441521",
    "陆河县": "441523",
    "陆丰市": "441581",
    "红海湾经济开发区": "441502",  # administered from 城区
    "华侨管理区": "441581",  # within 陆丰's area
    "汕尾高新区": "441521",  # within 海丰's area
}
#: Home regions of migrant workers: 广西, 湖南, 四川, 贵州, 江西, 河南, 广东揭阳/梅州.
MIGRANT_REGIONS = (
    "450102",
    "450881",
    "431121",
    "430524",
    "511623",
    "510623",
    "522127",
    "520221",
    "362426",
    "360781",
    "411522",
    "412827",
    "445221",
    "441481",
)
DISTRICT_WEIGHTS = (26, 24, 24, 10, 6, 4, 6)  # 城区 海丰 陆丰 陆河 红海湾 华侨 高新

BRAND = "鸿达宏兴金海顺发华美联兴永盛恒泰伟业新科荣昌万通富源嘉信粤海汕美港湾龙腾利丰德隆"
INDUSTRIES: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    # (industry, name core, organisation forms, employs migrant workers on sites)
    ("建筑业", "建筑工程", ("有限公司",), True),
    ("建筑业", "建设工程", ("有限公司",), True),
    ("制造业", "制衣", ("有限公司", "厂"), False),
    ("制造业", "电子", ("有限公司", "厂"), False),
    ("制造业", "珠宝首饰", ("有限公司",), False),
    ("制造业", "五金塑胶", ("有限公司", "厂"), False),
    ("制造业", "食品", ("有限公司",), False),
    ("农林牧渔业", "水产养殖", ("专业合作社", "有限公司"), False),
    ("住宿和餐饮业", "餐饮管理", ("有限公司", "酒楼"), False),
    ("住宿和餐饮业", "酒店", ("有限公司",), False),
    ("批发和零售业", "商贸", ("有限公司", "商行"), False),
    ("房地产业", "物业管理", ("有限公司",), False),
    ("交通运输业", "物流", ("有限公司",), False),
    ("居民服务业", "家政服务", ("有限公司",), False),
)
CITY_PREFIX = {
    "城区": "汕尾市",
    "海丰县": "海丰县",
    "陆丰市": "陆丰市",
    "陆河县": "陆河县",
    "红海湾经济开发区": "汕尾市红海湾",
    "华侨管理区": "陆丰市华侨",
    "汕尾高新区": "汕尾市",
}
STREETS = (
    "人民路",
    "香城路",
    "汕尾大道",
    "红草镇",
    "梅陇镇",
    "可塘镇",
    "东海街道",
    "城东街道",
    "河田镇",
    "甲子镇",
)


def _weighted(rng: random.Random, items: tuple[str, ...], weights: tuple[int, ...]) -> str:
    return rng.choices(items, weights=weights, k=1)[0]


class IdentityMaker:
    """Valid, unique resident ID numbers and credit codes from one random stream."""

    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.today = today
        self.ids: set[str] = set()
        self.usccs: set[str] = set()

    def resident_id(self, region: str, *, female: bool, min_age: int = 18, max_age: int = 58) -> str:
        while True:
            age_days = self.rng.randint(min_age * 365 + 5, max_age * 365)
            born = self.today - dt.timedelta(days=age_days)
            sex_digit = int(self.rng.choice("02468" if female else "13579"))  # the 17th digit: even = female
            order = self.rng.randint(0, 99) * 10 + sex_digit
            first17 = f"{region}{born:%Y%m%d}{order:03d}"[:17]
            value = first17 + validation.resident_id_check_char(first17)
            if value not in self.ids:
                self.ids.add(value)
                return value

    def uscc(self, region: str, category: str = "1") -> str:
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        while True:
            body = "".join(self.rng.choice(alphabet[:10] if i < 2 else alphabet) for i in range(8))
            org = body + _org_check(body)
            first17 = f"9{category}{region}{org}"
            value = first17 + validation.uscc_check_char(first17)
            if value not in self.usccs and validation.is_valid_uscc(value):
                self.usccs.add(value)
                return value


def _org_check(body: str) -> str:
    """GB 11714 check character of an organisation code (the 9th character)."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, weights, strict=True))
    c = 11 - total % 11
    return "0" if c == 11 else "X" if c == 10 else str(c)


def person_name(rng: random.Random, *, female: bool, local: bool) -> str:
    surname = rng.choice(SURNAMES_LOCAL if local else SURNAMES_NATIONAL)
    given = GIVEN_FEMALE if female else GIVEN_MALE
    if rng.random() < 0.3:  # 2-character names (王芳) are common, 3-character ones more so
        return surname + rng.choice(given)
    return surname + rng.choice(GIVEN_MIDDLE + given) + rng.choice(given)


def mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + "".join(rng.choice("0123456789") for _ in range(9))


# --------------------------------------------------------------------------- result


@dataclass
class DemoResult:
    cases: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    refused_steps: int = 0  # steps the services refused (guards, calendar not imported)
    users: list[tuple[str, str, str]] = field(default_factory=list)  # (username, role, password or "")


@dataclass
class _Staff:
    mediators: list[Actor]
    clerks: list[Actor]
    inspectors: list[Actor]
    supervisor: Actor

    def officer(self, rng: random.Random, kind: CaseKind) -> Actor:
        pool = {
            CaseKind.MEDIATION: self.mediators,
            CaseKind.ARBITRATION: self.clerks,
            CaseKind.INSPECTION: self.inspectors,
        }[kind]
        return rng.choice(pool)


STAFF: tuple[tuple[str, str, Role, str | None], ...] = (
    ("demo_zhuren", "周主任", Role.SUPERVISOR, None),
    ("demo_tiaojie1", "林调解", Role.MEDIATOR, "城区"),
    ("demo_tiaojie2", "蔡调解", Role.MEDIATOR, "海丰县"),
    ("demo_shuji1", "陈书记员", Role.CLERK, None),
    ("demo_shuji2", "黄书记员", Role.CLERK, None),
    ("demo_shuji3", "吴书记员", Role.CLERK, None),
    ("demo_jiancha1", "彭监察", Role.INSPECTOR, "城区"),
    ("demo_jiancha2", "郑监察", Role.INSPECTOR, "陆丰市"),
    ("demo_jiancha3", "叶监察", Role.INSPECTOR, "海丰县"),
    ("demo_shenji", "许审计", Role.AUDITOR, None),
)


def _password() -> str:
    # Random, strong, never derived from the seed: a demo must not ship a known password.
    return "Demo-" + secrets.token_urlsafe(12)


def _create_staff(database: Database, result: DemoResult, show_passwords: bool) -> _Staff:
    from casemgr.services import users as users_service

    actors: dict[str, Actor] = {}
    with database.write() as s:
        existing = {u.username: u for u in s.execute(select(User)).scalars()}
        for username, display, role, district in STAFF:
            u = existing.get(username)
            pw = ""
            if u is None:
                pw = _password()
                info = users_service.create_user(s, SYSTEM, username, display, role, pw, district=district)
                uid = info.id
            else:
                uid = u.id
            actors[username] = Actor(user_id=uid, username=username, role=role, district=district)
            result.users.append((username, role.value, pw if show_passwords else ""))
    return _Staff(
        mediators=[actors["demo_tiaojie1"], actors["demo_tiaojie2"]],
        clerks=[actors["demo_shuji1"], actors["demo_shuji2"], actors["demo_shuji3"]],
        inspectors=[actors["demo_jiancha1"], actors["demo_jiancha2"], actors["demo_jiancha3"]],
        supervisor=actors["demo_zhuren"],
    )


# --------------------------------------------------------------------------- generator


class _Generator:
    def __init__(
        self, session: Session, rng: random.Random, today: dt.date, staff: _Staff, ids: IdentityMaker
    ):
        self.s = session
        self.rng = rng
        self.today = today
        self.staff = staff
        self.ids = ids
        self.employers: list[tuple[parties.EmployerInput, bool]] = []
        self.refused = 0
        self.budget = 0  # cases still to make: a hand-over makes two

    # ---- parties

    def employer(self) -> tuple[parties.EmployerInput, bool]:
        """Reuse an employer now and then: repeat offenders are what an inspector must see."""
        if self.employers and self.rng.random() < 0.35:
            # Zipf-like: earlier employers come back more often.
            i = int(len(self.employers) * self.rng.random() ** 2)
            return self.employers[i]
        rng = self.rng
        district = _weighted(rng, DISTRICTS_SHANWEI, DISTRICT_WEIGHTS)
        industry, core, forms, site = rng.choice(INDUSTRIES)
        form = rng.choice(forms)
        brand = rng.choice(BRAND) + rng.choice(BRAND)
        name = f"{CITY_PREFIX[district]}{brand}{core}{form}"
        category = "2" if form in ("商行", "酒楼") and rng.random() < 0.5 else "1"
        if form == "专业合作社":
            category = "3"
        uscc = self.ids.uscc(REGION_BY_DISTRICT[district], category) if rng.random() < 0.95 else None
        emp = parties.EmployerInput(
            name=name,
            uscc=uscc,
            legal_rep=person_name(rng, female=rng.random() < 0.2, local=True),
            district=district,
            industry=industry,
            address=f"{CITY_PREFIX[district]}{rng.choice(STREETS)}{rng.randint(1, 300)}号",
            phone=mobile(rng),
        )
        entry = (emp, site)
        self.employers.append(entry)
        return entry

    def worker(self, *, migrant: bool, district: str | None) -> parties.PersonInput:
        rng = self.rng
        female = rng.random() < 0.4
        local = not migrant or rng.random() < 0.2
        region = (
            REGION_BY_DISTRICT.get(district or "城区", "441502") if local else rng.choice(MIGRANT_REGIONS)
        )
        return parties.PersonInput(
            name=person_name(rng, female=female, local=local),
            id_number=self.ids.resident_id(region, female=female) if rng.random() < 0.97 else None,
            phone=mobile(rng) if rng.random() < 0.9 else None,
            migrant_worker=migrant,
        )

    # ---- dates

    def later(self, day: dt.date, lo: int, hi: int) -> dt.date:
        """A weekday ``lo``..``hi`` calendar days after ``day`` (offices work on weekdays)."""
        d = day + dt.timedelta(days=self.rng.randint(lo, hi))
        while d.weekday() >= 5:
            d += dt.timedelta(days=1)
        return d

    # ---- one case

    def case_input(self, kind: CaseKind, received: dt.date, actor: Actor) -> cases.CaseInput:
        rng = self.rng
        emp, site = self.employer()
        migrant = rng.random() < (0.85 if site else 0.25)
        collective = rng.random() < (0.12 if site else 0.04)
        n_workers = rng.randint(10, 36) if collective else (1 if rng.random() < 0.85 else rng.randint(2, 6))
        district = emp.district
        workers = [self.worker(migrant=migrant, district=district) for _ in range(n_workers)]
        role = PartyRole.COMPLAINANT if kind is CaseKind.INSPECTION else PartyRole.APPLICANT
        links = [cases.PartyLink(w, role) for w in workers]
        complaint_type = None
        channel = Channel.WINDOW
        if kind is CaseKind.INSPECTION:
            channel = rng.choice(
                (Channel.WINDOW, Channel.PLATFORM, Channel.PLATFORM, Channel.HOTLINE_12345, Channel.MAIL)
            )
            if rng.random() < 0.2:  # a report (举报) by someone else, often anonymous
                complaint_type = ComplaintType.REPORT
                reporter = parties.PersonInput(name="匿名举报人") if rng.random() < 0.5 else workers[0]
                links = [cases.PartyLink(reporter, PartyRole.REPORTER)]
                workers = []
            else:
                complaint_type = ComplaintType.COMPLAINT
        elif collective:
            links.append(cases.PartyLink(workers[0], PartyRole.REPRESENTATIVE))
        monthly = Decimal(rng.choice((2300, 2500, 2800, 3200, 3600, 4200, 5000, 6500)))
        claims: list[cases.ClaimInput] = []
        arrears_kinds = (ClaimType.WAGES,) * 6 + (ClaimType.OVERTIME, ClaimType.SEVERANCE, ClaimType.DAMAGES)
        other_kinds = (ClaimType.SOCIAL_INSURANCE, ClaimType.INJURY, ClaimType.SEVERANCE, ClaimType.DAMAGES)
        main = ClaimType.WAGES if migrant or rng.random() < 0.6 else rng.choice(arrears_kinds + other_kinds)
        end_month = received - dt.timedelta(days=rng.randint(10, 150))
        for i, _w in enumerate(workers or [None]):
            months = rng.randint(1, 6)
            claims.append(
                cases.ClaimInput(
                    claim_type=main,
                    amount_claimed=(monthly * months + Decimal(rng.randint(0, 99))).quantize(Decimal("0.01")),
                    worker_index=i if workers else None,
                    months=months,
                    period_from=end_month - dt.timedelta(days=30 * months),
                    period_to=end_month,
                )
            )
            if rng.random() < 0.25 and workers:
                claims.append(
                    cases.ClaimInput(
                        claim_type=rng.choice((ClaimType.OVERTIME, ClaimType.SEVERANCE, ClaimType.DAMAGES)),
                        amount_claimed=Decimal(rng.randint(800, 30000)),
                        worker_index=i,
                    )
                )
        summary = {
            ClaimType.WAGES: "拖欠工资",
            ClaimType.OVERTIME: "拖欠加班费",
            ClaimType.SEVERANCE: "解除劳动合同经济补偿",
            ClaimType.DAMAGES: "未签劳动合同二倍工资差额",
            ClaimType.SOCIAL_INSURANCE: "未依法缴纳社会保险",
            ClaimType.INJURY: "工伤保险待遇",
            ClaimType.OTHER: "其他劳动争议",
        }[main]
        return cases.CaseInput(
            kind=kind,
            received_on=received,
            employer=emp if (kind is not CaseKind.MEDIATION or rng.random() < 0.97) else None,
            persons=links,
            claims=claims,
            district=district,
            workers=n_workers if not workers else None,
            summary=f"{summary}，涉及{n_workers}人" if n_workers > 1 else summary,
            channel=channel,
            external_ref=f"GZQX{received:%Y%m%d}{rng.randint(1000, 9999)}"
            if channel is Channel.PLATFORM
            else None,
            complaint_type=complaint_type,
            employment_ended_on=end_month if rng.random() < 0.6 else None,
            violation_on=end_month if kind is CaseKind.INSPECTION else None,
            simple_procedure=kind is CaseKind.ARBITRATION and n_workers == 1 and rng.random() < 0.3,
            assigned_user_id=actor.user_id,
        )

    def step(self, fn: Callable[[], Any]) -> bool:
        """Run one service call in a savepoint; a refusal leaves the case where it was."""
        try:
            with self.s.begin_nested():
                fn()
            return True
        except KnownError as exc:
            self.refused += 1
            log.debug("demo step refused: %s", exc)
            return False

    def transition(self, actor: Actor, case_id: int, code: str, on: dt.date, **fields: Any) -> bool:
        if on > self.today:
            return False
        if self.rng.random() < STALL:
            return False  # the file sits on a desk: an open case in this status, soon overdue
        from casemgr.services import workflow as wf

        return self.step(
            lambda: wf.apply_transition(self.s, actor, case_id, code, fields, expected_version=None, on=on)
        )

    def make(self, kind: CaseKind, received: dt.date) -> list[int]:
        """Register one case and walk it as far as its dates allow; returns the case ids made."""
        actor = self.staff.officer(self.rng, kind)
        data = self.case_input(kind, received, actor)
        holder: list[Case] = []

        def reg() -> None:
            holder.append(cases.register_case(self.s, actor, data, today=self.today))

        if not self.step(reg):
            return []
        case_id = holder[0].id
        made = [case_id]
        # 3 % are simply left lying: they become the overdue ones on the board.
        if self.rng.random() < 0.03:
            return made
        walk = {CaseKind.MEDIATION: self.walk_mediation, CaseKind.ARBITRATION: self.walk_arbitration}
        made += walk.get(kind, self.walk_inspection)(actor, case_id, received)
        return made

    def walk_mediation(self, a: Actor, cid: int, received: dt.date) -> list[int]:
        rng = self.rng
        if rng.random() < 0.04:
            self.transition(a, cid, "refuse", self.later(received, 1, 3), reason="不属于劳动争议调解范围")
            return []
        on = self.later(received, 0, 3)
        if not self.transition(a, cid, "accept", on):
            return []
        on = self.later(on, 0, 2)
        if not self.transition(a, cid, "start_mediation", on):
            return []
        r = rng.random()
        end = self.later(on, 2, 12)
        if r < 0.55:
            ok = self.transition(
                a,
                cid,
                "reach_agreement",
                end,
                document_no=f"汕劳调协〔{end.year}〕{cid}号",
                signed_by_both=True,
            )
            if ok:
                self._recover(a, cid, end, fraction=Decimal(rng.choice(("0.6", "0.8", "1"))), mediation=True)
                if rng.random() < 0.1:
                    rv = self.later(end, 1, 8)
                    if self.transition(a, cid, "request_review", rv) and rng.random() < 0.8:
                        self.transition(
                            a,
                            cid,
                            "confirm_review",
                            self.later(rv, 3, 10),
                            document_no=f"汕劳人仲审〔{rv.year}〕{cid}号",
                        )
            return []
        if r < 0.65:
            self.transition(a, cid, "settle", end, note="双方自行和解")
            return []
        if r < 0.72:
            self.transition(a, cid, "withdraw", end, reason="申请人撤回")
            return []
        if r < 0.85:
            ok = self.transition(a, cid, "fail", end, reason="用人单位不同意调解方案")
        else:
            ok = self.transition(a, cid, "expire", self.later(on, 22, 30))
        if not ok or rng.random() < 0.4 or self.budget < 2:
            return []
        # The failed mediation becomes an arbitration, linked to it.
        hand = self.later(end, 2, 10)
        if hand > self.today:
            return []
        from casemgr.services import workflow as wf

        holder: list[Case] = []
        if not self.step(
            lambda: holder.append(
                wf.hand_to_arbitration(self.s, a, cid, received_on=hand, expected_version=None)
            )
        ):
            return []
        arb = holder[0]
        clerk = self.staff.officer(rng, CaseKind.ARBITRATION)
        return [arb.id, *self.walk_arbitration(clerk, arb.id, hand)]

    def walk_arbitration(self, a: Actor, cid: int, received: dt.date) -> list[int]:
        rng = self.rng
        on = received
        if rng.random() < 0.12:
            on = self.later(on, 1, 4)
            if not self.transition(a, cid, "request_supplement", on, items="劳动关系证明材料"):
                return []
            on = self.later(on, 3, 15)
            if rng.random() < 0.15:
                self.transition(a, cid, "withdraw", on, reason="未补正材料")
                return []
            if not self.transition(a, cid, "complete_supplement", on):
                return []
        if rng.random() < 0.05:
            self.transition(a, cid, "refuse", self.later(on, 1, 4), reason="超过仲裁时效")
            return []
        on = self.later(on, 1, 4)
        if not self.transition(a, cid, "accept", on):
            return []
        self._service(a, cid, "application_copy", on)
        case = self.s.get(Case, cid)
        assert case is not None
        simple = case.simple_procedure and not case.collective
        arbitrators = [
            person_name(rng, female=rng.random() < 0.4, local=True) for _ in range(1 if simple else 3)
        ]
        on = self.later(on, 2, 5)
        if not self.transition(a, cid, "form_tribunal", on, arbitrators=arbitrators):
            return []
        self._service(a, cid, "tribunal_notice", on, 0, 2)
        self.transition(a, cid, "send_one_shot_notice", on)
        if rng.random() < 0.06:
            self.transition(a, cid, "withdraw", self.later(on, 3, 10), reason="双方庭外和解后撤回")
            return []
        hearing = self.later(on, 15, 25)
        sched = self.later(on, 1, 3)
        if not self.transition(a, cid, "schedule_hearing", sched, hearing_date=hearing, place="第一仲裁庭"):
            return []
        self._service(a, cid, "hearing_notice", sched, 0, 2)
        if rng.random() < 0.05:
            # Awaiting an injury appraisal (中止); resumed a month or two later.
            sus = self.later(sched, 1, 5)
            if self.transition(a, cid, "suspend", sus, ground="awaiting_appraisal", approved_by="周主任"):
                res = self.later(sus, 20, 60)
                if not self.transition(a, cid, "resume", res):
                    return []
                hearing = self.later(res, 10, 20)
        if rng.random() < 0.04 and hearing <= self.today:
            self._extension(a, cid, hearing)
        end = self.later(hearing, 0, 20)
        r = rng.random()
        doc = f"汕劳人仲案字〔{end.year}〕{cid}号"
        if r < 0.08:
            self.transition(a, cid, "deem_withdrawn", hearing, reason="申请人无正当理由拒不到庭")
            return []
        if r < 0.45:
            if self.transition(a, cid, "settle", end, document_no=doc, signed_by_both=True):
                self._serve(a, cid, end)
            return []
        if r < 0.5:
            self.transition(a, cid, "terminate", end, reason="申请人死亡且无继承人")
            return []
        items = [
            {
                "claim_type": c.claim_type,
                "amount": (c.amount_claimed * Decimal(rng.choice(("0.5", "0.8", "1")))).quantize(
                    Decimal("0.01")
                ),
                "claim_item_id": c.id,
            }
            for c in self.s.execute(select(ClaimItem).where(ClaimItem.case_id == cid)).scalars()
        ]
        if not items:
            return []
        if self.transition(a, cid, "award", end, document_no=doc, items=items):
            self._serve(a, cid, end)
            if rng.random() < 0.5:
                self._recover(a, cid, self.later(end, 10, 40), fraction=Decimal("0.7"))
        return []

    def walk_inspection(self, a: Actor, cid: int, received: dt.date) -> list[int]:
        rng = self.rng
        r = rng.random()
        if r < 0.05:
            self.transition(
                a,
                cid,
                "refuse",
                self.later(received, 1, 4),
                ground="dispute_procedure",
                reason="属于劳动争议，告知申请仲裁",
            )
            return []
        if r < 0.08:
            self.transition(a, cid, "transfer_out", self.later(received, 1, 3), department="住房和城乡建设局")
            return []
        on = self.later(received, 0, 4)
        if not self.transition(a, cid, "accept", on):
            return []
        r = rng.random()
        end = self.later(on, 5, 40)
        doc = f"汕人社监〔{end.year}〕{cid}号"
        if r < 0.1:
            if self.transition(a, cid, "cancel_filing", end, ground="facts_not_established"):
                self._service(a, cid, "decision", end, 0, 6)
            return []
        if r < 0.15:
            self.transition(a, cid, "refer_to_dispute", end, reason="双方对劳动关系存在争议")
            return []
        if r < 0.2:
            aw = self.later(on, 3, 10)
            if self.transition(a, cid, "await_external", aw, cause="audit"):
                end = self.later(aw, 10, 40)
                if not self.transition(a, cid, "end_external", end):
                    return []
                end = self.later(end, 3, 15)
        case = self.s.get(Case, cid)
        assert case is not None
        if case.wage_arrears and rng.random() < 0.7:
            order_on = self.later(on, 3, 15)
            pay_by = self.later(order_on, 7, 15)
            amount = case.amount_claimed
            if not self.transition(
                a,
                cid,
                "order_payment",
                order_on,
                document_no=f"{doc}令",
                pay_by=pay_by,
                amount_ordered=amount,
            ):
                return []
            paid = rng.random() < 0.85
            if paid:
                self._recover(a, cid, self.later(order_on, 2, 12), fraction=Decimal("1"))
            end = self.later(pay_by, 1, 10)
            if not paid and rng.random() < 0.3 and case.workers >= 10:
                # Ignored order to pay, a collective case: referred to the police (拒不支付劳动报酬罪).
                if self.transition(
                    a, cid, "refer_police", end, document_no=f"{doc}移", arrears=amount, workers=case.workers
                ):
                    return []
            if not paid and rng.random() < 0.5:
                if self.transition(a, cid, "penalty_decision", end, document_no=f"{doc}罚"):
                    self._service(a, cid, "decision", end, 0, 6)
                return []
        if self.transition(a, cid, "handling_decision", end, document_no=doc):
            self._service(a, cid, "decision", end, 0, 6)
        return []

    # ---- helpers

    def _recover(
        self, a: Actor, cid: int, on: dt.date, *, fraction: Decimal, mediation: bool = False
    ) -> None:
        if on > self.today:
            return
        case = self.s.get(Case, cid)
        assert case is not None
        amount = (case.amount_claimed * fraction).quantize(Decimal("0.01"))
        if amount <= 0:
            return
        if mediation:
            self.step(
                lambda: cases.update_amounts(
                    self.s, a, cid, expected_version=None, amount_recovered=amount, occurred_on=on
                )
            )
            return
        from casemgr.services import workflow as wf

        self.step(lambda: wf.record_payment(self.s, a, cid, amount, paid_on=on, expected_version=None))

    def _service(self, a: Actor, cid: int, document: str, after: dt.date, lo: int = 0, hi: int = 4) -> None:
        """A 送达回证 a few days after ``after`` (mostly in time; now and then late or missing)."""
        if self.rng.random() < STALL:
            return
        served = self.later(after, lo, hi)
        if served > self.today:
            return
        from casemgr.services import workflow as wf

        method = _weighted(self.rng, ("direct", "post", "electronic", "left"), (50, 30, 15, 5))
        self.step(
            lambda: wf.record_service(
                self.s, a, cid, document=document, method=method, served_on=served, expected_version=None
            )
        )

    def _serve(self, a: Actor, cid: int, end: dt.date) -> None:
        served = self.later(end, 1, 7)
        if self.transition(
            a, cid, "serve_award", served, method=self.rng.choice(("direct", "post", "electronic"))
        ):
            if self.rng.random() < 0.7:
                self.transition(a, cid, "archive", self.later(served, 5, 30))

    def _extension(self, a: Actor, cid: int, on: dt.date) -> None:
        from casemgr.services import workflow as wf

        d = self.s.execute(
            select(Deadline).where(
                Deadline.case_id == cid, Deadline.rule_code == "arb.award", Deadline.state == "running"
            )
        ).scalar_one_or_none()
        if d is None:
            return
        did = d.id
        reason = "案情复杂，需要延期"
        if not self.step(
            lambda: wf.request_extension(self.s, a, cid, did, reason, expected_version=None, on=on)
        ):
            return
        if self.rng.random() < 0.8:
            sup = self.staff.supervisor
            self.step(lambda: wf.approve_extension(self.s, sup, cid, did, 15, reason, None, on=on))


KIND_WEIGHTS = ((CaseKind.MEDIATION, 30), (CaseKind.ARBITRATION, 38), (CaseKind.INSPECTION, 32))


def received_dates(rng: random.Random, n: int, today: dt.date, months: int = 18) -> list[dt.date]:
    """``n`` weekdays over the last ``months`` months, in order (a little busier before 春节)."""
    first = today - dt.timedelta(days=int(months * 30.4))
    span = (today - first).days
    out = []
    for _ in range(n):
        d = first + dt.timedelta(days=rng.randint(0, span))
        if d.month in (12, 1) and rng.random() < 0.15:  # the year-end wage rush
            d = d - dt.timedelta(days=rng.randint(0, 20))
        while d.weekday() >= 5:
            d -= dt.timedelta(days=1)
        out.append(max(first, min(d, today)))
    return sorted(out)


def generate(
    database: Database,
    *,
    cases: int,
    seed: int = 2026,
    today: dt.date | None = None,
    show_passwords: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Fill ``database`` with ``cases`` demo cases (hand-overs to arbitration included)."""
    if cases < 0:
        raise ValueError("cases must be >= 0")
    today = today or clock.today()
    rng = random.Random(seed)
    result = DemoResult()
    staff = _create_staff(database, result, show_passwords)
    ids = IdentityMaker(rng, today)
    dates = received_dates(rng, cases, today)
    kinds = [k for k, _ in KIND_WEIGHTS]
    weights = [w for _, w in KIND_WEIGHTS]
    made = 0
    i = 0
    gen: _Generator | None = None
    employers: list[tuple[parties.EmployerInput, bool]] = []
    while made < cases and i < len(dates):
        with database.write() as s:
            gen = _Generator(s, rng, today, staff, ids)
            gen.employers = employers
            batch_end = made + BATCH
            while made < min(batch_end, cases) and i < len(dates):
                kind = rng.choices(kinds, weights=weights, k=1)[0]
                gen.budget = cases - made
                made += len(gen.make(kind, dates[i]))
                i += 1
            result.refused_steps += gen.refused
        if progress is not None:
            progress(min(made, cases), cases)
    with database.read() as s:
        for kind, status, n in s.execute(
            select(Case.kind, Case.status, func.count()).group_by(Case.kind, Case.status)
        ):
            result.by_kind[kind] += n
            result.by_status[f"{kind}.{status}"] += n
    result.cases = sum(result.by_kind.values())
    return result
