"""SQLAlchemy 2 typed models: the one description of the schema.

Design decisions (see docs/architecture.md):

* Money is stored as an integer number of fen (分) and surfaced as ``Decimal`` yuan.
  SQLite has no decimal type (``NUMERIC`` affinity silently becomes a float), so an
  integer column is the only way to make ``SUM()`` exact on both SQLite and PostgreSQL.
* Timestamps are stored as naive UTC and returned as aware UTC datetimes; calendar
  facts (received, accepted, due) are plain ``date`` because the law counts days.
* Persons and employers are rows reused across cases (``case_parties``), so an
  employer's history is a join, never a fuzzy search.
* ``Case.version`` is SQLAlchemy's version counter: a stale UPDATE matches no row and
  raises ``StaleDataError``, which the services turn into a ``ConflictError``.

The tables live in one module per area (``base`` holds the shared types); this package
re-exports them, so code imports from ``casemgr.models`` and ``Base.metadata`` is complete
once it is imported. A new area adds a module and one import line here.
"""

from casemgr.models.base import (
    FEN,
    NAMING_CONVENTION,
    Base,
    Money,
    UTCDateTime,
    fen_to_yuan,
    utcnow,
)
from casemgr.models.cases import (
    ACTIVE_CLOCK,
    EXTENSION_PENDING,
    AuditEntry,
    CalendarOverride,
    Case,
    CaseNumberCounter,
    CaseParty,
    ClaimItem,
    Deadline,
    DeadlineRule,
    Document,
    Employer,
    Event,
    MonthClosure,
    Person,
    SearchGram,
    Setting,
    User,
)
from casemgr.models.grading import EmployerGrade, GradingFact
from casemgr.models.hearings import (
    Arbitrator,
    Hearing,
    HearingArbitrator,
    HearingRoom,
)
from casemgr.models.inspections import (
    InspectionItem,
    InspectionPlan,
    InspectorProfile,
    PlanInspection,
    PlanInspector,
    PoolExclusion,
    Recusal,
)
from casemgr.models.projects import (
    Project,
    ProjectComplaint,
    ProjectSubcontractor,
)
from casemgr.models.risk import (
    EmployerRisk,
    EmployerRiskEvent,
)

__all__ = [
    "ACTIVE_CLOCK",
    "EXTENSION_PENDING",
    "FEN",
    "NAMING_CONVENTION",
    "Arbitrator",
    "AuditEntry",
    "Base",
    "CalendarOverride",
    "Case",
    "CaseNumberCounter",
    "CaseParty",
    "ClaimItem",
    "Deadline",
    "DeadlineRule",
    "Document",
    "Employer",
    "EmployerGrade",
    "EmployerRisk",
    "EmployerRiskEvent",
    "Event",
    "GradingFact",
    "Hearing",
    "HearingArbitrator",
    "HearingRoom",
    "InspectionItem",
    "InspectionPlan",
    "InspectorProfile",
    "Money",
    "MonthClosure",
    "Person",
    "PlanInspection",
    "PlanInspector",
    "PoolExclusion",
    "Project",
    "ProjectComplaint",
    "ProjectSubcontractor",
    "Recusal",
    "SearchGram",
    "Setting",
    "UTCDateTime",
    "User",
    "fen_to_yuan",
    "utcnow",
]
