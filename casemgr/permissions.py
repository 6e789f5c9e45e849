"""Who may do what: enforced inside the services, whatever the UI shows.

The matrix is data (action -> role -> case kinds) so ``docs/permissions.md`` and the
tests are generated from and checked against the same table. ``require`` raises
:class:`~casemgr.errors.PermissionDenied`; services call it before their first write, so
a refused call writes nothing.

Decisions (the why behind the table):

* Case work (edit, workflow steps) is open to every officer of the matching kind, not
  only the assigned one: hearings, absences and collective cases are covered by
  colleagues, and the audit trail names whoever acted.
* "Assigned to me" applies where the law asks for need-to-know: the identity of a 举报
  reporter (劳动保障监察条例 Art. 9) is visible to the inspector handling the case and to
  supervisors only (:data:`ASSIGNED_ONLY`, checked by :func:`require_case`).
* The administrator runs the system (users, settings, rules, calendar, backups) but does
  not read unmasked personal data: that is not needed to run the system.
* The auditor reads everything (masked) and the audit trail, and writes nothing.
"""

from __future__ import annotations

from typing import Protocol

from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.errors import PermissionDenied

ALL_KINDS: frozenset[CaseKind] = frozenset(CaseKind)
MED, ARB, INS = CaseKind.MEDIATION, CaseKind.ARBITRATION, CaseKind.INSPECTION
NONE: frozenset[CaseKind] = frozenset()

#: The officers of each kind; supervisors act on every kind.
_OFFICERS: dict[Role, frozenset[CaseKind]] = {
    Role.SUPERVISOR: ALL_KINDS,
    Role.CLERK: frozenset({ARB}),
    Role.MEDIATOR: frozenset({MED}),
    Role.INSPECTOR: frozenset({INS}),
}

#: action -> role -> kinds the role may act on. A role absent from an action may not do it.
#: For kind-less actions (users, settings ...) presence of the role is what counts.
MATRIX: dict[str, dict[Role, frozenset[CaseKind]]] = {
    "case.view": {r: ALL_KINDS for r in Role},
    "case.register": {Role.ADMIN: ALL_KINDS, **_OFFICERS},
    "case.edit": {Role.ADMIN: ALL_KINDS, **_OFFICERS},
    "case.transition": dict(_OFFICERS),
    "case.assign": {Role.ADMIN: ALL_KINDS, Role.SUPERVISOR: ALL_KINDS},
    "deadline.approve_extension": {Role.SUPERVISOR: ALL_KINDS},
    "party.register": {Role.ADMIN: ALL_KINDS, **_OFFICERS},
    "document.generate": dict(_OFFICERS),
    "report.generate": {Role.ADMIN: ALL_KINDS, Role.SUPERVISOR: ALL_KINDS, Role.AUDITOR: ALL_KINDS},
    "month.close": {Role.SUPERVISOR: ALL_KINDS},
    "settings.edit": {Role.ADMIN: ALL_KINDS},
    "users.manage": {Role.ADMIN: ALL_KINDS},
    "backup.run": {Role.ADMIN: ALL_KINDS},
    "audit.view": {Role.ADMIN: ALL_KINDS, Role.SUPERVISOR: ALL_KINDS, Role.AUDITOR: ALL_KINDS},
    "data.import": {Role.ADMIN: ALL_KINDS, **_OFFICERS},
    "data.export": {r: ALL_KINDS for r in Role},
    "personal_data.view": dict(_OFFICERS),
    "personal_data.export": {Role.SUPERVISOR: ALL_KINDS},
    "reporter.view": {Role.SUPERVISOR: frozenset({INS}), Role.INSPECTOR: frozenset({INS})},
}

#: action -> roles that may do it only on cases assigned to them (see :func:`require_case`).
ASSIGNED_ONLY: dict[str, frozenset[Role]] = {
    "reporter.view": frozenset({Role.INSPECTOR}),
}

#: Actions that concern a case kind (the others ignore ``kind``).
KIND_ACTIONS: frozenset[str] = frozenset(
    {
        "case.view",
        "case.register",
        "case.edit",
        "case.transition",
        "case.assign",
        "deadline.approve_extension",
        "document.generate",
        "data.import",
        "personal_data.view",
        "personal_data.export",
        "reporter.view",
    }
)

ACTION_LABELS: dict[str, tuple[str, str]] = {
    "case.view": ("查看案件", "view cases"),
    "case.register": ("登记案件", "register cases"),
    "case.edit": ("修改案件", "edit cases"),
    "case.transition": ("办理案件流程", "apply workflow steps"),
    "case.assign": ("分配承办人", "assign cases"),
    "deadline.approve_extension": ("审批延期", "approve extensions"),
    "party.register": ("登记当事人", "register parties"),
    "document.generate": ("制作文书", "generate notices"),
    "report.generate": ("生成报表", "generate reports"),
    "month.close": ("月度关账", "close a month"),
    "settings.edit": ("修改设置、期限规则和节假日", "change settings, deadline rules and the calendar"),
    "users.manage": ("管理用户", "manage users"),
    "backup.run": ("备份和恢复数据库", "back up and restore the database"),
    "audit.view": ("查看审计日志", "view the audit trail"),
    "data.import": ("导入台账", "import ledgers"),
    "data.export": ("导出数据", "export data"),
    "personal_data.view": ("查看完整个人信息", "view unmasked personal data"),
    "personal_data.export": ("导出完整个人信息", "export unmasked personal data"),
    "reporter.view": ("查看举报人身份", "see a reporter's identity"),
}

ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.ADMIN: ("系统管理员", "administrator"),
    Role.SUPERVISOR: ("科长/主任", "supervisor"),
    Role.CLERK: ("仲裁书记员", "arbitration clerk"),
    Role.MEDIATOR: ("调解员", "mediator"),
    Role.INSPECTOR: ("劳动保障监察员", "inspector"),
    Role.AUDITOR: ("审计（只读）", "auditor (read-only)"),
}


class CaseLike(Protocol):
    kind: str
    assigned_user_id: int | None


def allowed(actor: Actor, action: str, kind: CaseKind | str | None = None) -> bool:
    """Role x action x kind. Assignment is not known here: see :func:`allowed_case`."""
    try:
        role = Role(actor.role)
    except ValueError:
        return False
    kinds = MATRIX.get(action, {}).get(role)
    if kinds is None:
        return False
    if kind is None:
        return True
    try:
        return CaseKind(kind) in kinds
    except ValueError:
        return False


def allowed_case(actor: Actor, action: str, case: CaseLike) -> bool:
    """As :func:`allowed`, plus "assigned to me" for the roles in :data:`ASSIGNED_ONLY`."""
    if not allowed(actor, action, case.kind):
        return False
    if Role(actor.role) in ASSIGNED_ONLY.get(action, frozenset()):
        return actor.user_id is not None and case.assigned_user_id == actor.user_id
    return True


def _denied(action: str) -> PermissionDenied:
    zh, en = ACTION_LABELS.get(action, (action, action))
    return PermissionDenied(f"您的角色无权{zh}。", f"Your role may not {en}.", code="permission")


def require(actor: Actor, action: str, kind: CaseKind | str | None = None) -> None:
    if not allowed(actor, action, kind):
        raise _denied(action)


def require_case(actor: Actor, action: str, case: CaseLike) -> None:
    """The check for an action on one case (kind and, where it matters, assignment)."""
    if not allowed(actor, action, case.kind):
        raise _denied(action)
    if not allowed_case(actor, action, case):
        zh, en = ACTION_LABELS.get(action, (action, action))
        raise PermissionDenied(
            f"只有本案承办人和科长可以{zh}。",
            f"Only the officer handling this case and supervisors may {en}.",
            code="permission",
        )


# --------------------------------------------------------------------------- docs


def render_markdown() -> str:
    """The table of ``docs/permissions.md``; a test keeps the file equal to this."""
    kind_short = {MED: "调解", ARB: "仲裁", INS: "监察"}
    roles = list(Role)
    lines = [
        "# Permissions / 权限矩阵",
        "",
        "Generated from `casemgr.permissions.MATRIX` by `python -m casemgr.permissions`;",
        "`tests/test_permissions_matrix.py` fails when this file and the code disagree, and",
        "checks every cell against the real services.",
        "",
        "Cell: ✔ = every case kind; a list of kinds (调解 mediation, 仲裁 arbitration, 监察",
        "inspection) = only those; ✔ (own) = only cases assigned to the user; — = refused",
        "(`PermissionDenied`, nothing written).",
        "",
        "| action | " + " | ".join(f"{ROLE_LABELS[r][1]} {ROLE_LABELS[r][0]}" for r in roles) + " |",
        "|---|" + "---|" * len(roles),
    ]
    for action, by_role in MATRIX.items():
        cells = []
        for r in roles:
            kinds = by_role.get(r)
            if kinds is None:
                cell = "—"
            elif kinds == ALL_KINDS or action not in KIND_ACTIONS:
                cell = "✔"
            else:
                cell = ", ".join(kind_short[k] for k in CaseKind if k in kinds)
            if kinds is not None and r in ASSIGNED_ONLY.get(action, frozenset()):
                cell += " (own)"
            cells.append(cell)
        zh, en = ACTION_LABELS[action]
        lines.append(f"| `{action}` {en} / {zh} | " + " | ".join(cells) + " |")
    lines += ["", "## Why", "", (__doc__ or "").split("Decisions (the why behind the table):")[1].strip(), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render_markdown(), end="")
