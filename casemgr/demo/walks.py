"""Demo cases made and walked through the real services: registration, steps, records.

A step the services refuse (a guard, a calendar year not yet imported) leaves the case
where it was, as it would a clerk; :data:`STALL` of the cases stop at any one step, so a
demo database has open files and some overdue clocks.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr.actor import Actor
from casemgr.demo.hearings import Docket, held
from casemgr.demo.identities import (
    BRAND,
    CITY_PREFIX,
    DISTRICT_WEIGHTS,
    INDUSTRIES,
    MIGRANT_REGIONS,
    REGION_BY_DISTRICT,
    STREETS,
    IdentityMaker,
    mobile,
    person_name,
    weighted,
)
from casemgr.demo.staff import Staff
from casemgr.enums import (
    DISTRICTS_SHANWEI,
    CaseKind,
    Channel,
    ClaimType,
    ComplaintType,
    PartyRole,
)
from casemgr.errors import KnownError
from casemgr.models import Case, ClaimItem, Deadline
from casemgr.services import cases, parties
from casemgr.services import workflow as wf

log = logging.getLogger(__name__)

STALL = 0.02  # chance that a *recent* case stops at any one step (open files, some overdue)
#: Only files received in these last days stall or are left lying: a bureau's backlog is the
#: last weeks' work, days or weeks late, never a case forgotten for a year (issue 15 found
#: clocks 345 working days overdue and rates far below every published figure).
RECENT_DAYS = 75


class CaseGenerator:
    """Makes one case at a time and walks it through its workflow on realistic dates."""

    def __init__(
        self, session: Session, rng: random.Random, today: dt.date, staff: Staff, ids: IdentityMaker
    ):
        self.s = session
        self.rng = rng
        self.today = today
        self.staff = staff
        self.ids = ids
        self.employers: list[tuple[parties.EmployerInput, bool]] = []
        self.refused = 0
        self.budget = 0  # cases still to make: a hand-over makes two
        self.recent = False  # the case in hand was received in the last RECENT_DAYS
        self.docket = Docket()  # rooms and roster: no rooms, no booking (a hearing "elsewhere")

    # ---- parties

    def employer(self) -> tuple[parties.EmployerInput, bool]:
        """Reuse an employer now and then: repeat offenders are what an inspector must see."""
        if self.employers and self.rng.random() < 0.35:
            # Zipf-like: earlier employers come back more often.
            i = int(len(self.employers) * self.rng.random() ** 2)
            return self.employers[i]
        rng = self.rng
        district = weighted(rng, DISTRICTS_SHANWEI, DISTRICT_WEIGHTS)
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
        if self.recent and self.rng.random() < STALL:
            return False  # the file sits on a desk: an open case in this status, soon overdue

        return self.step(
            lambda: wf.apply_transition(self.s, actor, case_id, code, fields, expected_version=None, on=on)
        )

    def make(self, kind: CaseKind, received: dt.date) -> list[int]:
        """Register one case and walk it as far as its dates allow; returns the case ids made."""
        actor = self.staff.officer(self.rng, kind)
        self.recent = (self.today - received).days <= RECENT_DAYS
        data = self.case_input(kind, received, actor)
        holder: list[Case] = []

        def reg() -> None:
            holder.append(cases.register_case(self.s, actor, data, today=self.today))

        if not self.step(reg):
            return []
        case_id = holder[0].id
        made = [case_id]
        # Some recent ones are simply left lying: they become the overdue ones on the board.
        if self.recent and self.rng.random() < 0.03:
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
        if r < 0.66:
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
                    if self.transition(a, cid, "request_review", rv, joint=True) and rng.random() < 0.8:
                        acc = self.later(rv, 1, 2)
                        if self.transition(a, cid, "accept_review", acc):
                            self.transition(
                                a,
                                cid,
                                "confirm_review",
                                self.later(acc, 1, 4),
                                document_no=f"汕劳人仲审〔{rv.year}〕{cid}号",
                                signed_by_both=True,
                            )
            return []
        if r < 0.82:
            self.transition(a, cid, "settle", end, note="双方自行和解")
            return []
        if r < 0.86:
            self.transition(a, cid, "withdraw", end, reason="申请人撤回")
            return []
        if r < 0.95:
            ok = self.transition(a, cid, "fail", end, reason="用人单位不同意调解方案")
        else:
            ok = self.transition(a, cid, "expire", self.later(on, 22, 30))
        if not ok or rng.random() < 0.4 or self.budget < 2:
            return []
        # The failed mediation becomes an arbitration, linked to it.
        hand = self.later(end, 2, 10)
        if hand > self.today:
            return []

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
        if rng.random() < 0.65:
            # 先行调解: most wage cases are settled at the commission within days of acceptance
            # (仲裁调解书), before a tribunal is formed (调解仲裁法 Art. 42).
            end = self.later(on, 3, 12)
            doc = f"汕劳人仲案字〔{end.year}〕{cid}号"
            if self.transition(a, cid, "settle", end, document_no=doc, signed_by_both=True):
                self._serve(a, cid, end)
            return []
        case = self.s.get(Case, cid)
        assert case is not None
        simple = case.simple_procedure and not case.collective
        arbitrators = [
            person_name(rng, female=rng.random() < 0.4, local=True) for _ in range(1 if simple else 3)
        ]
        # The roster's panel for this case (drawn names only on a database without a roster;
        # the draw above happens either way, so the demo's random stream stays the same).
        arbitrators = self.docket.tribunal_names(cid, simple) or arbitrators
        on = self.later(on, 2, 5)
        if not self.transition(a, cid, "form_tribunal", on, arbitrators=arbitrators):
            return []
        self._service(a, cid, "tribunal_notice", on, 0, 2)
        self.transition(a, cid, "send_one_shot_notice", on)
        if rng.random() < 0.06:
            self.transition(a, cid, "withdraw", self.later(on, 3, 10), reason="双方庭外和解后撤回")
            return []
        hearing = self.later(on, 12, 18)
        defence_end = self.s.execute(
            select(Deadline.due_on).where(Deadline.case_id == cid, Deadline.rule_code == "arb.defence")
        ).scalar()
        if defence_end is not None and hearing <= defence_end:
            # A hearing inside the respondent's defence period needs a reason: set it after.
            hearing = defence_end + dt.timedelta(days=rng.randint(1, 4))
        sched = self.later(on, 1, 3)
        booking = self.docket.booking(self.s, cid, hearing, simple)
        if not self.transition(a, cid, "schedule_hearing", sched, hearing_date=hearing, **booking):
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
        end = self.later(hearing, 0, 5)  # simple wage cases: the award at or soon after the hearing
        r = rng.random()
        doc = f"汕劳人仲案字〔{end.year}〕{cid}号"
        if r < 0.05:
            self.transition(a, cid, "deem_withdrawn", hearing, reason="申请人无正当理由拒不到庭")
            return []
        if hearing <= self.today:  # the clerk records that it took place
            self.step(lambda: held(self.s, a, cid, self.today))
        if r < 0.40:
            if self.transition(a, cid, "settle", end, document_no=doc, signed_by_both=True):
                self._serve(a, cid, end)
            return []
        if r < 0.42:
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
        # Most wage complaints end within two or three weeks (the employer pays once the
        # inspector calls); the statutory 60 working days is the outer limit, not the norm.
        end = self.later(on, 3, 18)
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
            order_on = self.later(on, 2, 8)
            pay_by = self.later(order_on, 5, 10)
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
            end = self.later(pay_by, 1, 6)
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

        self.step(lambda: wf.record_payment(self.s, a, cid, amount, paid_on=on, expected_version=None))

    def _service(self, a: Actor, cid: int, document: str, after: dt.date, lo: int = 0, hi: int = 4) -> None:
        """A 送达回证 a few days after ``after`` (mostly in time; now and then late or missing)."""
        if self.recent and self.rng.random() < STALL:
            return
        served = self.later(after, lo, hi)
        if served > self.today:
            return

        method = weighted(self.rng, ("direct", "post", "electronic", "left"), (50, 30, 15, 5))
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
