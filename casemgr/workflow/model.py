"""The vocabulary the state machines are written in (plain frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field

from casemgr.enums import CaseKind, Outcome, Role

#: Field types a transition may require; services validate and normalise them.
FIELD_TYPES = ("date", "text", "decimal", "int", "bool", "choice", "items", "strings", "time", "ids")

STAY = None  # to_state: the status does not change (a clock or record-only step)
PREVIOUS = "@previous"  # to_state: back to the status before the suspension


@dataclass(frozen=True)
class FieldDef:
    name: str
    type: str
    required: bool = True
    choices: tuple[str, ...] = ()
    label_zh: str = ""
    label_en: str = ""


@dataclass(frozen=True)
class ClockEffect:
    """``action`` on the clocks of ``group``: start | stop | cancel | pause | resume | restart | stop_all.

    ``start_from`` picks the day the clock starts: the transition date ("on"), a case
    date ("received_on"), or the start of the running acceptance clock ("accept_clock": a
    deemed acceptance counts from the day the complete complaint came in). ``anchor_field`` names the transition
    field that anchors a fixed-date clock (the hearing date, the pay-by date).
    """

    action: str
    group: str = ""
    start_from: str = "on"
    anchor_field: str | None = None
    #: A named condition on the case and the step's fields (decided in the services); the
    #: effect applies only when it holds. ``"complainant_to_notify"``: a 投诉 whose
    #: complainant can be reached (粤条例 Art. 45 ¶2).
    only_if: str | None = None


@dataclass(frozen=True)
class TransitionDef:
    code: str
    kind: CaseKind
    name_zh: str
    name_en: str
    from_states: tuple[str, ...]
    to_state: str | None
    roles: frozenset[Role]
    fields: tuple[FieldDef, ...] = ()
    clocks: tuple[ClockEffect, ...] = ()
    sets_accepted: str | None = None  # "on" | "received_on" | "accept_clock"
    outcome: Outcome | None = None
    closes: bool = False  # sets closed_on and outcome, stops every clock
    guards: tuple[str, ...] = ()  # checked by casemgr.services.workflow (they need the database)
    sets_flags: dict[str, bool] = field(default_factory=dict)

    def field(self, name: str) -> FieldDef | None:
        return next((f for f in self.fields if f.name == name), None)
