"""PostgreSQL: each casemgr user is a login role; the database itself refuses what the role
matrix forbids (DESIGN.md §7, ring 2; step by step in docs/deployment.md).

Why: with one shared login for every desktop, the role matrix is a convention of the
client — anyone who copies the connection string from a PC can change any row, the audit
trail included. Here the login dialog's user name and password are the connection's
credentials, so the database knows who is asking and can say no:

* **Roles.** ``<ns>_user`` (every casemgr user), one group role per casemgr role —
  generated from :class:`~casemgr.enums.Role`, so a new role gets its group at the next
  ``casemgr db upgrade --owner-url`` — and one login role per user, ``<ns>_u_<user name>``
  (:func:`login_role`), SCRAM-SHA-256, member of the group of the user's role. The users
  table stays the application's record (role, district, display name, active flag);
  ``users.db_role`` ties a row to its login role, and a trigger keeps the login role in step
  with the row: created with the user, moved to another group when the role changes, NOLOGIN
  while the user is deactivated. Passwords reach the server only as SCRAM verifiers
  computed on the desktop (libpq's ``PQencryptPasswordConn``), never in clear.
* **Ownership.** Every table and function belongs to the owner role that runs ``casemgr db
  upgrade --owner-url`` (migrations, then :func:`install`); the application's roles own
  nothing and cannot change the schema, switch off a trigger or row-level security.
* **Grants** (generated from :data:`casemgr.permissions.MATRIX`): the audit table is
  INSERT-only for everyone and readable only by the roles with ``audit.view``; users,
  settings, deadline rules and the calendar are written only by ``users.manage`` /
  ``settings.edit`` roles (nobody may read a password hash); assigning a case and approving
  an extension are column grants of the roles that may do them; month closures belong to
  ``month.close``; the auditor writes nothing but their own log-in entries.
* **Row-level security**: a deactivated user's open session sees and writes nothing from
  its next statement on; case rows and every row of a case (parties, claims, events,
  deadlines, documents) are written only for the kinds the role works on
  (``case.register``/``edit``/``transition``, documents: ``document.generate``), with the
  one hand-over the workflow needs (a mediator's failed mediation becomes an arbitration
  case in the same transaction); an audit entry can only be written in one's own name;
  and a reporter (举报人) — the link on the case, the person, their claim items, the
  search index of their name, the case's documents — is readable only by the roles with
  ``reporter.view`` (the assigned inspector, supervisors). The definition of "reporter" is
  :func:`casemgr.privacy.is_confidential_reporter`, written once more in SQL here
  (:data:`CONFIDENTIAL_SQL`); tests/test_pg_roles.py holds the two to each other.

What the database does *not* decide (the services do, docs/permissions.md says which):
register vs edit vs workflow step (one privilege: writing cases of a kind), masking of ID
numbers, which reports and exports a role may make.

A user changes their own password, and a log-in records itself, through two SECURITY
DEFINER functions (:data:`FUNCTIONS`) that can touch only the caller's own row and only those
fields — not a column grant, which would also let a user clear their own
``must_change_password`` flag or set any password hash without the matching login password.
"""

from casemgr.pgroles.names import (
    BAD_LOGIN,
    CONFIDENTIAL_SQL,
    DB_ENFORCED,
    DEFAULT_NAMESPACE,
    NAMESPACE_PARAM,
    check_namespace,
    common_role,
    group_role,
    login_role,
    namespace_of,
    needs_login,
    owner_engine_url,
    server_url,
)
from casemgr.pgroles.session import (
    enforced,
    is_login_role,
    is_table_owner,
    set_own_password,
    set_password,
    sweeps_at_login,
    verify_own_password,
)
from casemgr.pgroles.sql import (
    CASE_UPDATE,
    CASE_WRITE,
    InstallResult,
    functions,
    install,
    install_statements,
    kinds_by_role,
    roles_with,
)

__all__ = [
    "BAD_LOGIN",
    "CASE_UPDATE",
    "CASE_WRITE",
    "CONFIDENTIAL_SQL",
    "DB_ENFORCED",
    "DEFAULT_NAMESPACE",
    "NAMESPACE_PARAM",
    "InstallResult",
    "check_namespace",
    "common_role",
    "enforced",
    "functions",
    "group_role",
    "install",
    "install_statements",
    "is_login_role",
    "is_table_owner",
    "kinds_by_role",
    "login_role",
    "namespace_of",
    "needs_login",
    "owner_engine_url",
    "roles_with",
    "server_url",
    "set_own_password",
    "set_password",
    "sweeps_at_login",
    "verify_own_password",
]
