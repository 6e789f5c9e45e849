"""Read-only queries for the UI: paged case lists, the case file, employer pages, the board.

Why it looks like this:

* A list never loads all cases: it pages through ids first (:mod:`.cases`).
* Rows are frozen dataclasses, so they can cross from the worker thread to the GUI
  thread; no ORM object leaves the session (STYLE.md §9.3).
* Text search goes through the indexed search, ``casemgr.search``.
* SQL only here, no Qt (the UI's item models wrap these); the desktop builds no query of
  its own.

The package is the public face (``queries.CaseQuery``, ``queries.case_detail`` …); its
modules: ``cases`` (lists and search), ``casefile`` (one case), ``employers``,
``globalsearch`` (the main window's search across every kind), ``lookups`` (what forms look up while a clerk types; users; correction forms) and
``dashboard`` (the deadline board with display columns).
"""

from casemgr.queries.casefile import (
    CaseDetail,
    ClaimRow,
    DeadlineRow,
    DocumentRow,
    EventRow,
    PartyRow,
    case_detail,
)
from casemgr.queries.cases import (
    OPEN_DEADLINE_STATES,
    SEARCH_LIMIT,
    SORT_COLUMNS,
    CaseFilters,
    CaseQuery,
    CaseRow,
    case_rows,
    search_case_ids,
)
from casemgr.queries.dashboard import BOARD_CAP, BOARD_SECTIONS, Board, BoardEntry, deadline_board
from casemgr.queries.employers import (
    EmployerAlert,
    EmployerQuery,
    EmployerRow,
    EmployerSummary,
    employer_alert,
    employer_summary,
)
from casemgr.queries.globalsearch import GlobalSearch, Match, SearchHit
from casemgr.queries.lookups import (
    EmployerMatch,
    OfficerRow,
    PartyForEdit,
    PersonMatch,
    UserRow,
    assignable_officers,
    case_number,
    claim_total,
    employer_matches,
    find_person_by_id_number,
    likely_duplicates,
    party_for_edit,
    user,
    user_named,
    users,
)

__all__ = [
    "BOARD_CAP",
    "BOARD_SECTIONS",
    "OPEN_DEADLINE_STATES",
    "SEARCH_LIMIT",
    "SORT_COLUMNS",
    "Board",
    "BoardEntry",
    "CaseDetail",
    "CaseFilters",
    "CaseQuery",
    "CaseRow",
    "ClaimRow",
    "DeadlineRow",
    "DocumentRow",
    "EmployerAlert",
    "EmployerMatch",
    "EmployerQuery",
    "EmployerRow",
    "EmployerSummary",
    "EventRow",
    "GlobalSearch",
    "Match",
    "OfficerRow",
    "PartyForEdit",
    "PartyRow",
    "PersonMatch",
    "SearchHit",
    "UserRow",
    "assignable_officers",
    "case_detail",
    "case_number",
    "case_rows",
    "claim_total",
    "deadline_board",
    "employer_alert",
    "employer_matches",
    "employer_summary",
    "find_person_by_id_number",
    "likely_duplicates",
    "party_for_edit",
    "search_case_ids",
    "user",
    "user_named",
    "users",
]
