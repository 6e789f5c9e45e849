"""Case workflows as data: states and transitions per case kind.

Each :class:`~casemgr.workflow.model.TransitionDef` lists the states it leaves from, the
state it reaches, the roles allowed, the fields it needs (with their types), the clock
effects (start / stop / pause / resume / restart per rule group, see
``casemgr.deadlines.rules``) and whether it sets ``accepted_on`` or closes the case with
an :class:`~casemgr.enums.Outcome`. ``casemgr.services.workflow.apply_transition`` is the
only code that executes them; guards that need the database are named here and checked
there.

Refusal (不予受理) sets ``outcome=REFUSED`` and ``closed_on`` but never ``accepted_on``:
the indicators exclude refused cases from both "accepted" and "closed" by outcome.
"""

from __future__ import annotations

from casemgr.actor import Actor
from casemgr.enums import CaseKind, Outcome, Role
from casemgr.errors import WorkflowError
from casemgr.workflow import arbitration, inspection, mediation
from casemgr.workflow.model import PREVIOUS, STAY, ClockEffect, FieldDef, TransitionDef

__all__ = [
    "CLOSED_STATES",
    "OPEN_STATES",
    "PREVIOUS",
    "STATES",
    "STAY",
    "TRANSITIONS",
    "ClockEffect",
    "FieldDef",
    "TransitionDef",
    "available_transitions",
    "get_transition",
    "status_is_closed",
    "terminal_status",
]

_MODULES = {
    CaseKind.MEDIATION: mediation,
    CaseKind.ARBITRATION: arbitration,
    CaseKind.INSPECTION: inspection,
}

STATES: dict[CaseKind, list[str]] = {k: list(m.STATES) for k, m in _MODULES.items()}
OPEN_STATES: dict[CaseKind, frozenset[str]] = {k: frozenset(m.OPEN) for k, m in _MODULES.items()}
CLOSED_STATES: dict[CaseKind, frozenset[str]] = {k: frozenset(m.CLOSED) for k, m in _MODULES.items()}
TRANSITIONS: dict[CaseKind, dict[str, TransitionDef]] = {
    k: {t.code: t for t in m.TRANSITIONS} for k, m in _MODULES.items()
}
_TERMINAL: dict[CaseKind, dict[Outcome, str]] = {k: m.TERMINAL for k, m in _MODULES.items()}


def _check_consistency() -> None:
    """Fail at import on a typo in the tables (a state that does not exist, an orphan outcome)."""
    for kind, table in TRANSITIONS.items():
        states = set(STATES[kind])
        for t in table.values():
            bad = [s for s in t.from_states if s not in states]
            if t.to_state not in (STAY, PREVIOUS) and t.to_state not in states:
                bad.append(str(t.to_state))
            if bad:
                raise RuntimeError(f"{kind}.{t.code}: unknown states {bad}")
            if t.closes and (t.outcome is None or t.to_state not in CLOSED_STATES[kind]):
                raise RuntimeError(
                    f"{kind}.{t.code}: a closing transition needs an outcome and a closed state"
                )
        for st in _TERMINAL[kind].values():
            if st not in CLOSED_STATES[kind]:
                raise RuntimeError(f"{kind}: terminal state {st} is not closed")


_check_consistency()


def get_transition(kind: CaseKind | str, code: str) -> TransitionDef:
    t = TRANSITIONS[CaseKind(kind)].get(code) if isinstance(code, str) else None
    if t is None:
        raise WorkflowError(f"没有名为 {code} 的办理步骤。", f"No workflow step named {code}.", field="code")
    return t


def status_is_closed(kind: CaseKind | str, status: str) -> bool:
    return status in CLOSED_STATES[CaseKind(kind)]


def terminal_status(kind: CaseKind | str, outcome: Outcome | str) -> str:
    """The closed status a case of ``kind`` ends in with ``outcome`` (used by the ledger importer)."""
    k = CaseKind(kind)
    try:
        return _TERMINAL[k][Outcome(outcome)]
    except (KeyError, ValueError):
        raise WorkflowError(
            f"结案方式 {outcome} 不适用于该类案件。",
            f"Outcome {outcome} does not apply to {k.value} cases.",
            field="outcome",
        ) from None


def available_transitions(case: object, actor: Actor) -> list[TransitionDef]:
    """The steps ``actor`` may take on ``case`` in its current status (guards needing data aside).

    ``case`` is anything with ``kind`` and ``status`` (an ORM Case or a plain row).
    """
    from casemgr import permissions

    kind = CaseKind(getattr(case, "kind"))  # noqa: B009
    status = str(getattr(case, "status"))  # noqa: B009
    if not permissions.allowed(actor, "case.transition", kind):
        return []
    role = Role(actor.role)
    return [t for t in TRANSITIONS[kind].values() if status in t.from_states and role in t.roles]
