"""Who may do what: enforced inside the services, whatever the UI shows.

``docs/permissions.md`` is the reviewed, hand-written statement of who may do what, with
the reason for each action; this module is its implementation, as data (action -> role ->
case kinds) that the services and the UI ask. ``tests/test_permissions_matrix.py`` parses
that page and holds both the services and this table to it, so a change starts there.
``require`` raises :class:`~casemgr.errors.PermissionDenied`; services call it before
their first write, so a refused call writes nothing.
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
    "case.register": {Role.ADMIN: ALL_KINDS, **_OFFICERS},  # the admin: the initial ledger import
    "case.edit": dict(_OFFICERS),
    "case.transition": dict(_OFFICERS),
    "case.assign": {Role.SUPERVISOR: ALL_KINDS},
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
    "award.publish": {Role.SUPERVISOR: frozenset({ARB})},
    "inspection_plan.manage": {Role.SUPERVISOR: ALL_KINDS},
    "inspection.record": {Role.SUPERVISOR: ALL_KINDS, Role.INSPECTOR: ALL_KINDS},
    "grading.view": {Role.SUPERVISOR: ALL_KINDS, Role.INSPECTOR: ALL_KINDS, Role.AUDITOR: ALL_KINDS},
    "grading.propose": {Role.SUPERVISOR: ALL_KINDS, Role.INSPECTOR: ALL_KINDS},
    "grading.confirm": {Role.SUPERVISOR: ALL_KINDS},
    "risk.refresh": {Role.ADMIN: ALL_KINDS, Role.SUPERVISOR: ALL_KINDS},
    "project.edit": {Role.SUPERVISOR: ALL_KINDS, Role.INSPECTOR: ALL_KINDS},
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
        "award.publish",
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
    "award.publish": ("批准公开裁决书", "approve an award's publication copy"),
    "inspection_plan.manage": ("制定双随机抽查计划和抽取", "make inspection plans and draw them"),
    "inspection.record": ("登记抽查检查情况", "record the result of a drawn inspection"),
    "grading.view": ("查看守法诚信等级评价及其依据", "see compliance grades and their grounds"),
    "grading.propose": ("提出守法诚信等级评价意见", "propose employers' compliance grades"),
    "grading.confirm": ("确定守法诚信等级", "confirm employers' compliance grades"),
    "risk.refresh": ("重新计算欠薪风险等级", "recompute arrears risk levels"),
    "project.edit": ("登记和修改工程建设项目", "register and edit construction projects"),
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
