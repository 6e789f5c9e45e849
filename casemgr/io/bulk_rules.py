"""The domain's decisions about one ledger row, memoised for the bulk import.

The bulk writer (``casemgr.io.bulk``) must make exactly the decisions the services make for
a case typed in by hand — flags (``services.cases.propose_flags``), which rules start
(``deadlines.rules``), the due dates (``deadlines.clocks``), the ``accept`` step's clock
effects and the terminal status (``casemgr.workflow``) — for 100,000 rows. This class asks
those functions, but once per distinct question: settings are step functions of the
date, and a ledger repeats its dates, flags and kinds thousands of times. It only reads
(rules, settings, the calendar), so a planning process can use it as well.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import settings, workflow
from casemgr.deadlines import clocks
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import calendar_for
from casemgr.enums import CaseKind, DeadlineState
from casemgr.models import Setting
from casemgr.services import cases

ACTIVE = (DeadlineState.RUNNING.value, DeadlineState.PAUSED.value)


@dataclass(slots=True)
class PlannedClock:
    """A clock as ``clocks.start_rule`` would store it, before it has a row."""

    rule_code: str
    group: str
    party_period: bool
    started_on: dt.date
    base_due_on: dt.date
    due_on: dt.date
    provisional: bool
    basis: str | None
    state: str = DeadlineState.RUNNING.value
    finished_on: dt.date | None = None
    note: str | None = None


def number_pattern(fmt: str) -> re.Pattern[str]:
    """The same reading of a number format as ``cases.reserve_given_number``."""
    pattern = re.escape(fmt).replace(re.escape("{year}"), r"(?P<year>\d{4})")
    pattern = re.sub(r"\\\{seq[^}]*\\\}", r"(?P<seq>\\d+)", pattern)
    return re.compile(pattern)


class RowRules:
    """Flags, rule selection, clocks and case numbers for ledger rows (read-only, memoised)."""

    def __init__(self, session: Session, ledger_groups: frozenset[str]) -> None:
        self.session = session
        self.ledger_groups = ledger_groups
        self._flags: dict[tuple[Any, ...], cases.Flags] = {}
        self._thresholds: dict[dt.date, tuple[Any, ...]] = {}
        self._facts: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._points: dict[str, list[dt.date]] = {}
        self._due: dict[tuple[str, dt.date], tuple[tuple[dt.date, dt.date], bool]] = {}
        self._basis: str | None = None
        self._on_receipt: dict[str, list[rules_mod.RuleSpec]] = {}
        self._in_group: dict[tuple[str, str], list[rules_mod.RuleSpec]] = {}
        self._settings: dict[tuple[str, dt.date], Any] = {}
        self._selection: dict[tuple[Any, ...], list[rules_mod.RuleSpec]] = {}

    # ------------------------------------------------------------------ settings and flags

    def _point(self, key: str, on: dt.date) -> dt.date:
        """The latest day ≤ ``on`` on which setting ``key`` may change: the value in force on
        ``on`` is the value in force on that day (settings are step functions of the date)."""
        points = self._points.get(key)
        if points is None:
            found = {since for since, _ in settings.DEFAULTS.get(key, [])}
            found.update(self.session.execute(select(Setting.valid_from).where(Setting.key == key)).scalars())
            points = sorted(found)
            self._points[key] = points
        i = bisect.bisect_right(points, on) - 1
        return points[i] if i >= 0 else on

    def _setting(self, key: str, on: dt.date) -> Any:
        point = self._point(key, on)
        memo = (key, point)
        if memo not in self._settings:
            self._settings[memo] = settings.get(self.session, key, point)
        return self._settings[memo]

    def _threshold_key(self, on: dt.date) -> tuple[Any, ...]:
        key = self._thresholds.get(on)
        if key is None:
            key = (
                int(self._setting("collective_min_workers", on)),
                int(self._setting("supervision_min_workers", on)),
                Decimal(str(self._setting("supervision_min_amount", on))),
            )
            self._thresholds[on] = key
        return key

    def flags(self, migrant: bool, wage: bool, workers: int, amount: Decimal, on: dt.date) -> cases.Flags:
        cmin, smin, samount = self._threshold_key(on)
        collective = workers >= cmin
        key = (migrant, wage, collective, workers if collective else None, workers >= smin, amount >= samount,
               cmin, smin, samount)  # fmt: skip
        f = self._flags.get(key)
        if f is None:
            f = cases.propose_flags(
                self.session, migrant_worker=migrant, wage_arrears=wage, workers=workers, amount=amount, on=on
            )
            self._flags[key] = f
        return f

    def facts(self, case: SimpleNamespace, on: dt.date) -> dict[str, Any]:
        point = self._point("inspection_rule_set", on)
        key = (
            case.green_channel,
            case.collective,
            case.supervised,
            case.simple_procedure,
            case.migrant_worker,
            point,
        )
        f = self._facts.get(key)
        if f is None:
            f = rules_mod.case_facts(self.session, case, point)  # type: ignore[arg-type]
            self._facts[key] = f
        return f

    def _selected(
        self, which: tuple[str, str | None], candidates: list[rules_mod.RuleSpec], facts: dict[str, Any]
    ) -> list[rules_mod.RuleSpec]:
        """``rules_mod.selects`` over a rule list, once per distinct facts (memoised dicts)."""
        memo = (which, id(facts))
        found = self._selection.get(memo)
        if found is None:
            found = [rule for rule in candidates if rules_mod.selects(rule, facts)]
            self._selection[memo] = found
        return found

    # ------------------------------------------------------------------ clocks

    def _start(self, rule: rules_mod.RuleSpec, on: dt.date) -> PlannedClock:
        """A clock as ``clocks.start_rule`` starts it (due dates memoised: ledgers repeat dates)."""
        memo = (rule.code, on)
        computed = self._due.get(memo)
        if computed is None:
            cal = calendar_for(self.session)
            computed = clocks.with_provisional_fallback(
                cal, lambda c: clocks.compute_due(c, rule, on, None, 0, 0)
            )
            self._due[memo] = computed
        (base, due), provisional = computed
        if self._basis is None:  # a clock started from its own date: no pauses, no anchor
            holder = SimpleNamespace(basis=None)
            clocks.Basis(anchor=None).store(holder)  # type: ignore[arg-type]
            self._basis = holder.basis
        return PlannedClock(rule.code, rule.group, rule.party_period, on, base, due, provisional, self._basis)

    @staticmethod
    def _finish(c: PlannedClock, on: dt.date) -> None:
        """``clocks.finish`` for a planned clock (never paused: a ledger records no pause)."""
        c.finished_on = on
        c.state = clocks.verdict(on, c.due_on)

    def plan_clocks(self, case: SimpleNamespace, r: Any) -> tuple[list[PlannedClock], str]:
        """Registration, acceptance and closing, as ``on_case_registered`` and ``_replay`` do them."""
        all_rules = rules_mod.all_rules(self.session)
        kind = case.kind
        out: list[PlannedClock] = []
        facts = self.facts(case, case.received_on)
        on_receipt = self._on_receipt.get(kind)
        if on_receipt is None:
            on_receipt = [
                x for x in all_rules.values() if x.kind == kind and x.start_on in ("received", "flagged")
            ]
            self._on_receipt[kind] = on_receipt
        for rule in self._selected((kind, None), on_receipt, facts):
            out.append(self._start(rule, case.received_on))
        status = cases.INITIAL_STATUS
        if r.accepted_on is not None:
            t = workflow.get_transition(kind, "accept")
            for eff in t.clocks:
                if not eff.group or eff.action not in ("start", "stop", "cancel"):
                    continue
                on = case.received_on if eff.start_from == "received_on" else r.accepted_on
                in_group = self._in_group.get((kind, eff.group))
                if in_group is None:
                    in_group = [x for x in all_rules.values() if x.kind == kind and x.group == eff.group]
                    self._in_group[(kind, eff.group)] = in_group
                codes = {x.code for x in in_group}
                active = [c for c in out if c.state in ACTIVE and c.rule_code in codes]
                if eff.action == "start":
                    f = self.facts(case, on)
                    for rule in self._selected((kind, eff.group), in_group, f):
                        current = [c for c in active if c.rule_code == rule.code]
                        if current and rule.anchor == "start":
                            continue
                        for c in current:
                            c.state, c.finished_on = DeadlineState.CANCELLED.value, on
                        out.append(self._start(rule, on))
                elif eff.action == "stop":
                    for c in active:
                        self._finish(c, on)
                else:
                    for c in active:
                        c.state, c.finished_on = DeadlineState.CANCELLED.value, on
            status = t.to_state or status
            for c in out:
                if c.state in ACTIVE and c.group not in self.ledger_groups:
                    c.state = DeadlineState.CANCELLED.value
                    c.finished_on = r.closed_on or r.accepted_on
                    c.note = "台账导入：台账未记录该环节的日期"
        if r.closed_on is not None and r.outcome is not None:
            for c in out:
                if c.state not in ACTIVE:
                    continue
                if c.party_period:
                    c.state, c.finished_on = DeadlineState.CANCELLED.value, r.closed_on
                else:
                    self._finish(c, r.closed_on)
        return out, status

    # ------------------------------------------------------------------ case numbers

    def number_parts(self, kind: CaseKind, number: str) -> tuple[int, int | None]:
        """(seq, year) of a case number in this bureau's format, else (0, None)."""
        pat = self._patterns.get(kind.value)
        if pat is None:
            pat = number_pattern(str(settings.get(self.session, f"case_number_format.{kind.value}")))
            self._patterns[kind.value] = pat
        m = pat.fullmatch(number)
        return (int(m.group("seq")), int(m.group("year"))) if m else (0, None)
