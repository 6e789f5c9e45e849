"""The names casemgr gives its PostgreSQL roles, and the constants both sides share."""

from __future__ import annotations

import hashlib
import re

from sqlalchemy.engine import URL, make_url

from casemgr import errors
from casemgr.enums import Role

DEFAULT_NAMESPACE = "casemgr"
NAMESPACE_PARAM = "casemgr_namespace"
_NAMESPACE_RE = re.compile(r"^[a-z][a-z0-9_]{0,19}$")

#: A case_parties row (``cp``) of a case (``c``) whose person is a confidential reporter:
#: casemgr.privacy.is_confidential_reporter in SQL.
CONFIDENTIAL_SQL = (
    "(cp.role = 'reporter' OR (c.kind = 'inspection' AND c.complaint_type = 'report'"
    " AND cp.role = 'complainant'))"
)

#: The cells of the role matrix (casemgr.permissions.MATRIX) the database enforces by itself,
#: and how (docs/permissions.md lists them; tests/test_pg_roles.py tries each in raw SQL).
DB_ENFORCED: dict[str, tuple[str, str]] = {
    "case.register": (
        "仅限本角色的案件类型（登记、修改、流程为同一权限）",
        "only the role's case kinds (one privilege with edit and workflow steps)",
    ),
    "case.edit": (
        "仅限本角色的案件类型：案件及其当事人、请求、记录、期限",
        "only the role's kinds: the case and its parties, claims, events, deadlines",
    ),
    "case.transition": (
        "同上（数据库不区分修改与流程步骤）",
        "as above (the database does not tell an edit from a step)",
    ),
    "case.assign": (
        "列权限：只有这些角色能改承办人",
        "column grant: only these roles may change the handler",
    ),
    "deadline.approve_extension": (
        "列权限：只有这些角色能写入延期批准人",
        "column grant: only these roles may record an approval",
    ),
    "party.register": ("登记当事人的表权限", "table grants on persons and employers"),
    "document.generate": ("仅限本角色案件类型的文书", "documents of the role's kinds only"),
    "month.close": ("月度关账表的写权限", "write grant on month closures"),
    "settings.edit": (
        "设置、期限规则、节假日表的写权限",
        "write grants on settings, deadline rules, calendar",
    ),
    "users.manage": (
        "用户表写权限和设置登录密码的函数；不能读取密码哈希",
        "write grant on users and the password function; nobody reads a hash",
    ),
    "audit.view": (
        "审计表的读权限；所有人只能追加、不能修改删除",
        "read grant on the audit table; everyone may only append",
    ),
    "data.import": (
        "导入写入的行受与登记相同的类型限制",
        "the rows an import writes are limited by kind as registering",
    ),
    "backup.run": (
        "备份为所有者的 pg_dump；用户角色读不到全部数据",
        "backups are the owner's pg_dump; no user role can read everything",
    ),
    "reporter.view": (
        "行级安全：举报人的关联、个人、请求、检索、文书",
        "row-level security: the reporter's link, person, claims, index, documents",
    ),
}

BAD_LOGIN = ("用户名或密码错误。", "Wrong user name or password.")


# --------------------------------------------------------------------------- names


def check_namespace(ns: str) -> str:
    if not _NAMESPACE_RE.match(ns or ""):
        raise errors.ValidationError(
            f"角色前缀“{ns}”无效：只能用小写字母、数字和下划线，以字母开头，最多 20 个字符。",
            f"Role prefix '{ns}' is invalid: lower-case letters, digits and _, starting with a letter, "
            "at most 20 characters.",
            field="namespace",
        )
    return ns


def common_role(ns: str) -> str:
    return f"{ns}_user"


def group_role(ns: str, role: Role | str) -> str:
    return f"{ns}_{Role(role).value}"


def login_role(ns: str, username: str) -> str:
    """The login role of a casemgr user: ``<ns>_u_<lower-case name>``, or a digest of the
    name where that would not fit PostgreSQL's 63 bytes (long Chinese names). The SQL
    function ``casemgr_login_name`` computes the same (a test compares them)."""
    name = username.strip().lower()
    candidate = f"{ns}_u_{name}"
    if len(candidate.encode("utf-8")) <= 63:
        return candidate
    return f"{ns}_u_{hashlib.sha256(name.encode('utf-8')).hexdigest()[:16]}"


def namespace_of(url: str | URL) -> str:
    u = make_url(url) if isinstance(url, str) else url
    return check_namespace(str(u.query.get(NAMESPACE_PARAM) or DEFAULT_NAMESPACE))


def owner_engine_url(url: str) -> str:
    """The owner's URL as the driver takes it (without our ``casemgr_namespace`` parameter)."""
    return server_url(url).render_as_string(hide_password=False)


def needs_login(url: str) -> bool:
    """A PostgreSQL URL without a user name: each user connects as their own login role."""
    u = make_url(url)
    return u.get_backend_name() == "postgresql" and not u.username


def server_url(url: str | URL) -> URL:
    u = make_url(url) if isinstance(url, str) else url
    return u.difference_update_query([NAMESPACE_PARAM])
