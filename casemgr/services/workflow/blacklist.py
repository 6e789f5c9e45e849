"""The wage-arrears blacklist's life (拖欠农民工工资失信联合惩戒对象名单管理暂行办法, 人社部令第45号):
each step a clock, each with its written notice.

================================  ===================================================  ========
step                              clock (rule)                                          article
================================  ===================================================  ========
the duty arises by itself         decide within 20 wd (+20) of the order's expiry      5, 8
                                  (``insp.blacklist``), started by the sweep
notice to the employer            objection period 5 wd from (deemed) receipt           6
                                  (``insp.blacklist.objection``, a 送达回证 starts it)
objection                         verify within 5 wd of receipt (``.verify``)          6
listing decision                  term 3 years (``.term``); removal within 10 wd        11, 17
                                  of its end (``.removal``)
early removal (credit repair)     decide within 15 wd of the application (``.early``)  12, 14
                                  — corrected and listed 6 months since the correction
removal                           the removal clock is met                              17
================================  ===================================================  ========

The case (an inspection case, usually closed by its decision) carries the clocks: they are
``after_close`` rules, so the board shows them to the inspector who owns the case.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session, aliased

from casemgr import audit, permissions, settings, validation
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.deadlines import rules as rules_mod
from casemgr.enums import CaseKind, DeadlineState, EventKind
from casemgr.errors import KnownError, WorkflowError
from casemgr.models import Case, Deadline, Employer, utcnow
from casemgr.services import cases
from casemgr.services.workflow.common import audit_case, clean_on
from casemgr.services.workflow.guards import latest_clock
from casemgr.workflow import money

RUNNING = DeadlineState.RUNNING.value
#: 令第45号 Art. 12: listed six months since the correction before early removal.
EARLY_REMOVAL_MONTHS = 6


def _guard(zh: str, en: str, field: str = "on") -> WorkflowError:
    return WorkflowError(zh, en, field=field, code="guard")


def _active(case: Case, code: str) -> Deadline | None:
    return next(iter(clocks.active_deadlines(case, [code])), None)


def threshold_lines(case: Case) -> list[money.Line]:
    """Claim lines keyed by worker (person id): two workers of the same name stay two. The
    wages only: 加付赔偿金 is not 劳动报酬 (the crime amounts count unpaid pay)."""
    return [
        money.Line(c.id, str(c.person_id), c.amount_ordered, c.amount_paid, c.months)
        for c in case.claims
        if c.claim_type != "extra_compensation"
    ]


def duty_to_consider(session: Session, case: Case, today: dt.date) -> bool:
    """令第45号 Art. 5: the order to pay expired unpaid and what is owed reaches the 拒不支付劳动报酬罪
    amounts (Art. 5(一)); the figures are the bureau's dated settings on the day the order expired."""
    order = latest_clock(case, "insp.pay_order")
    if order is None or order.state != RUNNING or not order.due_on < today:
        return False
    single = settings.get_decimal(session, "crime_threshold_single", order.due_on)
    collective = settings.get_decimal(session, "crime_threshold_collective", order.due_on)
    return money.crime_threshold_met(threshold_lines(case), single, collective)


def apply_blacklist_duties(session: Session, actor: Actor, *, today: dt.date, limit: int = 500) -> list[int]:
    """Start the listing decision's clock on every case where the duty arose by itself.

    Run with the deemed acceptances (desktop start-up, ``casemgr sweep``). One indexed query on
    the running orders to pay past their date with no listing clock yet; each case is its own
    savepoint. The clock counts from the order's expiry (Art. 8), not from the sweep's day.
    """
    other = aliased(Deadline)
    rows = (
        session.execute(
            select(Deadline.case_id)
            .where(
                Deadline.state == RUNNING,
                Deadline.rule_code == "insp.pay_order",
                Deadline.due_on < today,
                ~exists().where(
                    and_(
                        other.case_id == Deadline.case_id,
                        other.rule_code == "insp.blacklist",
                        other.state != DeadlineState.CANCELLED.value,
                    )
                ),
            )
            .order_by(Deadline.due_on)
            .limit(limit)
        )
        .scalars()
        .all()
    )
    r = rules_mod.rule(session, "insp.blacklist")
    done = []
    for cid in rows:
        try:
            with session.begin_nested():
                case = cases.load_case_for_update(session, cid, None)
                if not duty_to_consider(session, case, today):
                    continue
                order = latest_clock(case, "insp.pay_order")
                assert order is not None
                d = clocks.start_rule(session, case, r, order.due_on)
                cases.touch(case, actor)
                cases.flush_or_conflict(session, case)
                cases.add_event(
                    session,
                    case,
                    actor,
                    EventKind.DOCUMENT,
                    occurred_on=today,
                    action="blacklist_duty",
                    data={
                        "ground": "crime_threshold",
                        "order_expired": order.due_on,
                        "decision_due": d.due_on,
                    },
                )
                audit_case(session, actor, "case.blacklist_duty", case, None, {"decision_due": d.due_on})
        except KnownError:
            continue
        done.append(cid)
    return done


def start_objection_period(session: Session, case: Case, deemed: dt.date) -> Deadline:
    """The 告知 was served (a 送达回证 of ``blacklist_notice``): 5 wd to object from its (deemed)
    receipt. Only while a listing is pending."""
    if _active(case, "insp.blacklist") is None:
        raise _guard(
            "没有待决定的失信名单列入事项，无需告知。",
            "No listing is pending: there is nothing to give notice of.",
            "document",
        )
    started = clocks.start_group(session, case, "blacklist_objection", deemed)
    return started[0]


def _load(session: Session, actor: Actor, case_id: int, expected_version: int | None) -> Case:
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    if case.kind != CaseKind.INSPECTION.value:
        raise WorkflowError(
            "只有监察案件有失信名单事项。", "Only inspection cases have a listing.", field="code"
        )
    return case


def set_employer_listing(
    session: Session,
    actor: Actor,
    case: Case,
    action: str,
    *,
    listed_on: dt.date | None = None,
    until: dt.date | None,
) -> None:
    """Change the employer's 失信名单 dates, with an audit entry about the employer itself:
    its audited state covers those dates (casemgr.auditstate version 2), so a listing or a
    removal made here is told apart from one typed into the database. ``listed_on`` None:
    the listing's date stays (a removal ends a listing, it does not erase it)."""
    if case.employer_id is None:
        return
    emp = session.get(Employer, case.employer_id)
    assert emp is not None
    before = {"blacklisted_on": emp.blacklisted_on, "blacklisted_until": emp.blacklisted_until}
    if listed_on is not None:
        emp.blacklisted_on = listed_on
    emp.blacklisted_until = until
    emp.updated_at = utcnow()
    emp.updated_by_id = actor.user_id
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action=f"employer.{action}",
        entity="employer",
        entity_id=emp.id,
        before=before,
        after={
            "blacklisted_on": emp.blacklisted_on,
            "blacklisted_until": emp.blacklisted_until,
            "case": case.id,
        },
    )


def _finish(
    session: Session, actor: Actor, case: Case, on: dt.date, action: str, data: dict[str, object]
) -> Case:
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(session, case, actor, EventKind.DOCUMENT, occurred_on=on, action=action, data=data)
    audit_case(session, actor, f"case.{action}", case, None, data)
    return case


def record_objection(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    on: dt.date,
    expected_version: int | None,
    note: str | None,
) -> Case:
    """The employer objected (Art. 6): within its 5 wd, then the bureau verifies within 5 wd."""
    case = _load(session, actor, case_id, expected_version)
    on = clean_on(case, on)
    text = validation.clean_text(note, "note", max_len=2000, required=False)
    d = _active(case, "insp.blacklist.objection")
    if d is None:
        raise _guard("没有正在进行的异议期。", "No objection period is running.")
    if on > d.due_on:
        raise _guard(
            f"异议期已于 {d.due_on} 届满（令第45号第6条：自收到告知之日起5个工作日内）。",
            f"The objection period ended on {d.due_on} (Order No. 45, Art. 6: 5 working days).",
        )
    clocks.stop_group(session, case, "blacklist_objection", on)
    v = clocks.start_group(session, case, "blacklist_verify", on)[0]
    return _finish(session, actor, case, on, "blacklist_objection", {"verify_by": v.due_on, "note": text})


def record_review(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    upheld: bool,
    document_no: str,
    on: dt.date,
    expected_version: int | None,
) -> Case:
    """The objection was checked and the employer told the result (Art. 6)."""
    case = _load(session, actor, case_id, expected_version)
    on = clean_on(case, on)
    doc = validation.clean_text(document_no, "document_no", max_len=64)
    if _active(case, "insp.blacklist.verify") is None:
        raise _guard("没有待复核的异议。", "No objection is waiting to be checked.")
    clocks.stop_group(session, case, "blacklist_verify", on)
    return _finish(session, actor, case, on, "blacklist_review", {"document_no": doc, "upheld": upheld})


def listing_may_be_decided(case: Case, on: dt.date) -> None:
    """Art. 6 before a listing: the employer was told, its objection period is over and any
    objection was checked."""
    told = [d for d in case.deadlines if d.rule_code == "insp.blacklist.objection" and d.state != "cancelled"]
    if not told:
        raise _guard(
            "作出列入决定前，应当告知用人单位并给予5个工作日的异议期（令第45号第6条）：请先登记告知书的送达。",
            "Before listing, the employer must be told and given 5 working days to object "
            "(Order No. 45, Art. 6): record the service of the notice first.",
            "listed",
        )
    running = _active(case, "insp.blacklist.objection")
    if running is not None and on <= running.due_on:
        raise _guard(
            f"异议期至 {running.due_on} 届满，届满前不能作出列入决定。",
            f"The objection period runs until {running.due_on}: no listing before it ends.",
            "listed",
        )
    if _active(case, "insp.blacklist.verify") is not None:
        raise _guard(
            "用人单位的异议尚未复核。", "The employer's objection has not been checked yet.", "listed"
        )


def start_term(session: Session, case: Case, on: dt.date) -> dt.date:
    """Listed on ``on``: 3 years (Art. 11) and removal within 10 wd of their end (Art. 17)."""
    from casemgr.deadlines.limitation import add_years

    until = add_years(on, 3)
    clocks.start_group(session, case, "blacklist_term", on, anchor=until)
    clocks.start_group(session, case, "blacklist_removal", on, anchor=until)
    return until


def corrected_on(case: Case) -> dt.date | None:
    """The day the employer put things right: the order to pay met in full (its clock stopped)."""
    order = latest_clock(case, "insp.pay_order")
    if order is None or order.state in clocks.ACTIVE or money.outstanding(threshold_lines(case)) > 0:
        return None
    return order.finished_on


def apply_early_removal(
    session: Session, actor: Actor, case_id: int, *, on: dt.date, expected_version: int | None
) -> Case:
    """令第45号 Art. 12: corrected, listed six months since the correction, a written credit
    promise (the application carries it); decided within 15 wd (Art. 14)."""
    case = _load(session, actor, case_id, expected_version)
    on = clean_on(case, on)
    term = _active(case, "insp.blacklist.term")
    if term is None:
        raise _guard("本案用人单位不在失信名单上。", "The employer is not listed through this case.")
    if _active(case, "insp.blacklist.early") is not None:
        raise _guard("已有提前移出申请待决定。", "An early-removal application is already pending.")
    fixed = corrected_on(case)
    if fixed is None:
        raise _guard(
            "拖欠工资尚未全部支付，不能申请提前移出（令第45号第12条：已改正）。",
            "The wages are not paid in full: no early removal (Order No. 45, Art. 12).",
        )
    eligible = max(fixed, term.started_on) + relativedelta(months=EARLY_REMOVAL_MONTHS)
    if on < eligible:
        raise _guard(
            f"自改正之日起被列入名单满6个月后方可申请（{eligible} 起）。",
            f"Early removal needs six months on the list since the correction (from {eligible}).",
        )
    d = clocks.start_group(session, case, "blacklist_early", on)[0]
    return _finish(
        session, actor, case, on, "blacklist_early_applied", {"corrected_on": fixed, "decide_by": d.due_on}
    )


def decide_early_removal(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    granted: bool,
    document_no: str,
    on: dt.date,
    expected_version: int | None,
) -> Case:
    """Granted: the employer is removed within 10 wd of the decision (Art. 17)."""
    case = _load(session, actor, case_id, expected_version)
    on = clean_on(case, on)
    doc = validation.clean_text(document_no, "document_no", max_len=64)
    if _active(case, "insp.blacklist.early") is None:
        raise _guard("没有待决定的提前移出申请。", "No early-removal application is pending.")
    clocks.stop_group(session, case, "blacklist_early", on)
    data: dict[str, object] = {"document_no": doc, "granted": granted}
    if granted:
        clocks.cancel_group(session, case, "blacklist_removal", on)
        data["remove_by"] = clocks.start_group(session, case, "blacklist_removal", on, anchor=on)[0].due_on
    return _finish(session, actor, case, on, "blacklist_early_decided", data)


def remove_from_blacklist(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    document_no: str,
    on: dt.date,
    expected_version: int | None,
) -> Case:
    """The employer leaves the list (Art. 17): at the end of the term, or after early removal."""
    case = _load(session, actor, case_id, expected_version)
    on = clean_on(case, on)
    doc = validation.clean_text(document_no, "document_no", max_len=64)
    removal = _active(case, "insp.blacklist.removal")
    term = _active(case, "insp.blacklist.term")
    if removal is None:
        raise _guard("没有待办的移出事项。", "No removal is due.")
    early = term is not None and removal.started_on > term.started_on
    if term is not None and not early and on < term.due_on:
        raise _guard(
            f"列入期限至 {term.due_on} 届满；提前移出须经申请和决定（令第45号第12、14条）。",
            f"The listing runs until {term.due_on}; earlier removal needs an application and a decision.",
        )
    clocks.stop_group(session, case, "blacklist_removal", on)
    if term is not None:
        term.state = DeadlineState.MET.value if on >= term.due_on else DeadlineState.CANCELLED.value
        term.finished_on = on
    emp = session.get(Employer, case.employer_id) if case.employer_id is not None else None
    if emp is None or emp.blacklisted_until is None or emp.blacklisted_until > on:
        # a listing revoked earlier (Art. 16) already ended on the day of its revocation
        set_employer_listing(session, actor, case, "blacklist_removed", until=on)
    return _finish(session, actor, case, on, "blacklist_removed", {"document_no": doc})
