"""Grants on the prevention tables of issue 17 (risk levels, grading, 双随机 draws, projects).

Their own module so ``sql.py`` keeps to the case file's tables; the rule is the same: every
user reads them, and only the roles whose action writes a table may write it.
"""

from __future__ import annotations

from collections.abc import Callable

from casemgr.enums import Role

#: 双随机一公开 (casemgr.models.inspections): read by all, written by ``inspection_plan.manage``.
DRAW_TABLES = (
    "inspection_items",
    "inspector_profiles",
    "pool_exclusions",
    "recusals",
    "inspection_plans",
    "plan_inspections",
    "plan_inspectors",
)

READ_ALL = (
    *DRAW_TABLES,
    "employer_grades",
    "grading_facts",
    "employer_risk",
    "employer_risk_events",
    "projects",
    "project_subcontractors",
    "project_complaints",
)


def grants(
    to: Callable[[str], str],
    to_roles: Callable[[list[Role]], str],
    roles_with: Callable[[str], list[Role]],
    case_writers: list[Role],
) -> list[str]:
    out: list[str] = []
    # stored risk levels: recomputed by risk.refresh and by every write to an employer's record
    risk_writers = {*case_writers, *roles_with("risk.refresh"), *roles_with("party.register")}
    if risk_writers:
        w = to_roles(sorted(risk_writers, key=list(Role).index))
        out.append(f"GRANT INSERT, UPDATE, DELETE ON employer_risk TO {w}")
        out.append(f"GRANT INSERT ON employer_risk_events TO {w}")
    if roles_with("inspection_plan.manage"):
        out.append(
            f"GRANT INSERT, UPDATE, DELETE ON {', '.join(DRAW_TABLES)} TO {to('inspection_plan.manage')}"
        )
    if roles_with("inspection.record"):
        out.append(f"GRANT UPDATE ON plan_inspections TO {to('inspection.record')}")
    if roles_with("grading.propose"):
        # A proposer rewrites proposals; status and confirmer are the confirming role's columns.
        cols = "proposed, grade, reasons, change_reason, proposed_at, proposed_by_id, version"
        out.append(f"GRANT INSERT, UPDATE ({cols}) ON employer_grades TO {to('grading.propose')}")
        out.append(f"GRANT INSERT ON grading_facts TO {to('grading.propose')}")
    if roles_with("grading.confirm"):
        out.append(f"GRANT UPDATE ON employer_grades TO {to('grading.confirm')}")
    if roles_with("project.edit"):
        out.append(
            "GRANT INSERT, UPDATE, DELETE ON projects, project_subcontractors, project_complaints"
            f" TO {to('project.edit')}"
        )
    return out
