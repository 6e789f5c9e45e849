"""Who may do what: enforced inside the services, whatever the UI shows.

The matrix is data (role -> action -> case kinds) so ``docs/permissions.md`` and the
tests can be generated from and checked against the same table. ``require`` raises
:class:`~casemgr.errors.PermissionDenied`; services call it before their first write, so
a refused call writes nothing.
"""

from __future__ import annotations

from casemgr.enums import CaseKind, Role
from casemgr.errors import PermissionDenied
from casemgr.services.context import Actor

ALL_KINDS: frozenset[CaseKind] = frozenset(CaseKind)
MED, ARB, INS = CaseKind.MEDIATION, CaseKind.ARBITRATION, CaseKind.INSPECTION

#: action -> role -> kinds the role may act on (empty set for kind-less actions means allowed)
MATRIX: dict[str, dict[Role, frozenset[CaseKind]]] = {
    "case.view": {r: ALL_KINDS for r in Role},
    "case.register": {
        Role.ADMIN: ALL_KINDS,
        Role.SUPERVISOR: ALL_KINDS,
        Role.CLERK: frozenset({ARB}),
        Role.MEDIATOR: frozenset({MED}),
        Role.INSPECTOR: frozenset({INS}),
    },
    "case.edit": {
        Role.ADMIN: ALL_KINDS,
        Role.SUPERVISOR: ALL_KINDS,
        Role.CLERK: frozenset({ARB}),
        Role.MEDIATOR: frozenset({MED}),
        Role.INSPECTOR: frozenset({INS}),
    },
    "case.transition": {
        Role.SUPERVISOR: ALL_KINDS,
        Role.CLERK: frozenset({ARB}),
        Role.MEDIATOR: frozenset({MED}),
        Role.INSPECTOR: frozenset({INS}),
    },
    "case.assign": {Role.ADMIN: ALL_KINDS, Role.SUPERVISOR: ALL_KINDS},
    "deadline.approve_extension": {Role.SUPERVISOR: ALL_KINDS},
    "party.register": {
        Role.ADMIN: ALL_KINDS,
        Role.SUPERVISOR: ALL_KINDS,
        Role.CLERK: ALL_KINDS,
        Role.MEDIATOR: ALL_KINDS,
        Role.INSPECTOR: ALL_KINDS,
    },
    "report.generate": {Role.ADMIN: ALL_KINDS, Role.SUPERVISOR: ALL_KINDS, Role.AUDITOR: ALL_KINDS},
    "month.close": {Role.SUPERVISOR: ALL_KINDS},
    "settings.edit": {Role.ADMIN: ALL_KINDS},
    "users.manage": {Role.ADMIN: ALL_KINDS},
    "audit.view": {Role.ADMIN: ALL_KINDS, Role.SUPERVISOR: ALL_KINDS, Role.AUDITOR: ALL_KINDS},
    "data.import": {
        Role.ADMIN: ALL_KINDS,
        Role.SUPERVISOR: ALL_KINDS,
        Role.CLERK: frozenset({ARB}),
        Role.MEDIATOR: frozenset({MED}),
        Role.INSPECTOR: frozenset({INS}),
    },
    "data.export": {r: ALL_KINDS for r in Role},
    "personal_data.view": {
        Role.ADMIN: ALL_KINDS,
        Role.SUPERVISOR: ALL_KINDS,
        Role.CLERK: frozenset({ARB}),
        Role.MEDIATOR: frozenset({MED}),
        Role.INSPECTOR: frozenset({INS}),
    },
}

ACTION_LABELS: dict[str, tuple[str, str]] = {
    "case.view": ("查看案件", "view cases"),
    "case.register": ("登记案件", "register cases"),
    "case.edit": ("修改案件", "edit cases"),
    "case.transition": ("办理案件流程", "apply workflow steps"),
    "case.assign": ("分配承办人", "assign cases"),
    "deadline.approve_extension": ("审批延期", "approve extensions"),
    "party.register": ("登记当事人", "register parties"),
    "report.generate": ("生成报表", "generate reports"),
    "month.close": ("月度关账", "close a month"),
    "settings.edit": ("修改设置", "change settings"),
    "users.manage": ("管理用户", "manage users"),
    "audit.view": ("查看审计日志", "view the audit trail"),
    "data.import": ("导入台账", "import ledgers"),
    "data.export": ("导出数据", "export data"),
    "personal_data.view": ("查看完整个人信息", "view unmasked personal data"),
}


def allowed(actor: Actor, action: str, kind: CaseKind | str | None = None) -> bool:
    kinds = MATRIX.get(action, {}).get(Role(actor.role))
    if kinds is None:
        return False
    return kind is None or CaseKind(kind) in kinds


def require(actor: Actor, action: str, kind: CaseKind | str | None = None) -> None:
    if not allowed(actor, action, kind):
        zh, en = ACTION_LABELS.get(action, (action, action))
        raise PermissionDenied(f"您的角色无权{zh}。", f"Your role may not {en}.", code="permission")
