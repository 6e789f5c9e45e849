"""The SQL that installs the roles, grants, functions and policies (run by the owner)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text

from casemgr import db, errors, permissions
from casemgr.enums import CaseKind, Role
from casemgr.models import Base
from casemgr.pgroles import prevention
from casemgr.pgroles.names import (
    CONFIDENTIAL_SQL,
    check_namespace,
    common_role,
    group_role,
    namespace_of,
    server_url,
)

# --------------------------------------------------------------------------- the SQL


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _array(values: Iterable[str]) -> str:
    vals = sorted(values)
    return "ARRAY[" + ", ".join(_lit(v) for v in vals) + "]::text[]" if vals else "ARRAY[]::text[]"


#: Synthetic actions the database knows: writing a case row (or any row of a case) of a
#: kind, whichever of register/edit/workflow step it is.
CASE_WRITE = ("case.register", "case.edit", "case.transition", "data.import")
#: ... and changing a case that exists (and its rows): edit or a workflow step. A role that
#: may only register or import (the administrator) writes a case's rows only in the
#: transaction that creates it.
CASE_UPDATE = ("case.edit", "case.transition")


def kinds_by_role(action: str | tuple[str, ...]) -> dict[Role, frozenset[CaseKind]]:
    actions = (action,) if isinstance(action, str) else action
    out: dict[Role, frozenset[CaseKind]] = {}
    for a in actions:
        for role, kinds in permissions.MATRIX.get(a, {}).items():
            out[role] = out.get(role, frozenset()) | kinds
    return out


def roles_with(action: str) -> list[Role]:
    return [r for r in Role if r in permissions.MATRIX.get(action, {})]


def _kinds_function() -> str:
    """``casemgr_kinds(action)``: the kinds the caller's role may act on, from the MATRIX."""
    branches = []
    actions: dict[str, dict[Role, frozenset[CaseKind]]] = {a: kinds_by_role(a) for a in permissions.MATRIX}
    actions["case.write"] = kinds_by_role(CASE_WRITE)
    actions["case.update"] = kinds_by_role(CASE_UPDATE)
    for action, by_role in sorted(actions.items()):
        whens = " ".join(
            f"WHEN {_lit(r.value)} THEN {_array(k.value for k in by_role[r])}" for r in Role if r in by_role
        )
        branches.append(f"WHEN {_lit(action)} THEN CASE r {whens} ELSE ARRAY[]::text[] END")
    return f"""
CREATE OR REPLACE FUNCTION public.casemgr_kinds(p_action text) RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE r text := public.casemgr_role();
BEGIN
  IF r IS NULL THEN RETURN ARRAY[]::text[]; END IF;
  RETURN CASE p_action {" ".join(branches)} ELSE ARRAY[]::text[] END;
END $$"""


def _sees_reporters_function() -> str:
    """``casemgr_sees_reporters(case)``: reporter.view for the case's kind, and assignment
    where the MATRIX says "own" (ASSIGNED_ONLY)."""
    by_role = kinds_by_role("reporter.view")
    own = permissions.ASSIGNED_ONLY.get("reporter.view", frozenset())
    whens = []
    for r in Role:
        if r not in by_role:
            continue
        cond = f"c.kind = ANY({_array(k.value for k in by_role[r])})"
        if r in own:
            cond += " AND c.assigned_user_id = public.casemgr_uid()"
        whens.append(f"WHEN {_lit(r.value)} THEN {cond}")
    body = " ".join(whens) or "WHEN NULL THEN false"
    return f"""
CREATE OR REPLACE FUNCTION public.casemgr_sees_reporters(p_case integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
  BEGIN RETURN (SELECT coalesce((SELECT CASE public.casemgr_role() {body} ELSE false END
                   FROM public.cases c WHERE c.id = p_case), false)
  ); END
$$"""


def _sees_all_reporters_function() -> str:
    """True when the caller sees every reporter (reporter.view on inspection, not "own")."""
    own = permissions.ASSIGNED_ONLY.get("reporter.view", frozenset())
    roles = [
        r.value
        for r, k in kinds_by_role("reporter.view").items()
        if CaseKind.INSPECTION in k and r not in own
    ]
    return f"""
CREATE OR REPLACE FUNCTION public.casemgr_sees_all_reporters() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER AS $$
  SELECT coalesce(public.casemgr_role() = ANY({_array(roles)}), false)
$$"""


def functions(ns: str, owner: str) -> list[str]:
    """Every function of the security layer, owned by ``owner`` (SECURITY DEFINER ones see
    all rows: the owner is not subject to row-level security)."""
    managers = _array(r.value for r in roles_with("users.manage"))
    groups = {r.value: group_role(ns, r) for r in Role}
    group_case = " ".join(f"WHEN {_lit(k)} THEN {_lit(v)}" for k, v in groups.items())
    return [
        f"""
CREATE OR REPLACE FUNCTION public.casemgr_namespace() RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT {_lit(ns)}::text $$""",
        f"""
CREATE OR REPLACE FUNCTION public.casemgr_login_name(p_username text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT CASE WHEN octet_length({_lit(ns + "_u_")} || lower(btrim(p_username))) <= 63
              THEN {_lit(ns + "_u_")} || lower(btrim(p_username))
              ELSE {_lit(ns + "_u_")} || left(encode(sha256(convert_to(lower(btrim(p_username)), 'UTF8')), 'hex'), 16)
         END
$$""",
        # Who is asking: the active users row of the session's login role. session_user, not
        # current_user: inside SECURITY DEFINER functions current_user is the owner, and a
        # login role cannot change its session_user (SET ROLE changes only current_user).
        """
CREATE OR REPLACE FUNCTION public.casemgr_uid() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER AS $$
  SELECT u.id FROM public.users u WHERE u.db_role = session_user AND u.active
$$""",
        """
CREATE OR REPLACE FUNCTION public.casemgr_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER AS $$
  SELECT u.role FROM public.users u WHERE u.db_role = session_user AND u.active
$$""",
        """
CREATE OR REPLACE FUNCTION public.casemgr_username() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT u.username FROM public.users u WHERE u.db_role = session_user AND u.active
$$""",
        f"""
CREATE OR REPLACE FUNCTION public.casemgr_is_manager() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT coalesce(public.casemgr_role() = ANY({managers}), false)
      OR pg_has_role(session_user, {_lit(owner)}, 'MEMBER')
$$""",
        _kinds_function(),
        # A case the caller may write: they may edit or apply steps to its kind; or it was
        # created in this very transaction (xmin = this transaction) by them — registering or
        # importing a case of their kind, or the arbitration case their own mediation becomes
        # (hand_to_arbitration registers it with the clerk's rights under the mediator's name,
        # DESIGN §1). A case that exists cannot be touched through that door: its rows' xmin
        # is an older transaction, and the caller may not update it to make it theirs.
        """
CREATE OR REPLACE FUNCTION public.casemgr_can_write_case(p_case integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT coalesce((
    SELECT c.kind = ANY(public.casemgr_kinds('case.update'))
        OR (c.xmin::text = pg_current_xact_id()::xid::text
            AND (c.kind = ANY(public.casemgr_kinds('case.write'))
                 OR (c.kind = 'arbitration' AND 'mediation' = ANY(public.casemgr_kinds('case.transition'))
                     AND EXISTS (SELECT 1 FROM public.cases m
                                 WHERE m.id = c.source_case_id AND m.kind = 'mediation'))))
    FROM public.cases c WHERE c.id = p_case), false)
$$""",
        """
CREATE OR REPLACE FUNCTION public.casemgr_handover_insert(p_kind text, p_source integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT p_kind = 'arbitration' AND 'mediation' = ANY(public.casemgr_kinds('case.transition'))
     AND EXISTS (SELECT 1 FROM public.cases m WHERE m.id = p_source AND m.kind = 'mediation')
$$""",
        """
CREATE OR REPLACE FUNCTION public.casemgr_can_generate(p_case integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT coalesce((SELECT c.kind = ANY(public.casemgr_kinds('document.generate'))
                   FROM public.cases c WHERE c.id = p_case), false)
$$""",
        _sees_reporters_function(),
        _sees_all_reporters_function(),
        f"""
CREATE OR REPLACE FUNCTION public.casemgr_party_hidden(p_case integer, p_role text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
  BEGIN RETURN (SELECT EXISTS (SELECT 1 FROM public.cases c, (SELECT p_role AS role) cp
                 WHERE c.id = p_case AND {CONFIDENTIAL_SQL})
     AND NOT public.casemgr_sees_reporters(p_case)
  ); END
$$""",
        # A person is hidden when every case they are on shows them only as a reporter the
        # caller may not see (on any other case they are visible, without the reporter link).
        f"""
CREATE OR REPLACE FUNCTION public.casemgr_person_hidden(p_person integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
  BEGIN RETURN (SELECT EXISTS (SELECT 1 FROM public.case_parties cp JOIN public.cases c ON c.id = cp.case_id
                 WHERE cp.person_id = p_person AND {CONFIDENTIAL_SQL})
     AND NOT EXISTS (SELECT 1 FROM public.case_parties cp JOIN public.cases c ON c.id = cp.case_id
                     WHERE cp.person_id = p_person
                       AND (NOT {CONFIDENTIAL_SQL} OR public.casemgr_sees_reporters(c.id)))
  ); END
$$""",
        f"""
CREATE OR REPLACE FUNCTION public.casemgr_claim_hidden(p_case integer, p_person integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
  BEGIN RETURN (SELECT EXISTS (SELECT 1 FROM public.case_parties cp JOIN public.cases c ON c.id = cp.case_id
                 WHERE cp.case_id = p_case AND cp.person_id = p_person AND {CONFIDENTIAL_SQL})
     AND NOT public.casemgr_sees_reporters(p_case)
  ); END
$$""",
        f"""
CREATE OR REPLACE FUNCTION public.casemgr_documents_hidden(p_case integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
  BEGIN RETURN (SELECT EXISTS (SELECT 1 FROM public.case_parties cp JOIN public.cases c ON c.id = cp.case_id
                 WHERE cp.case_id = p_case AND {CONFIDENTIAL_SQL})
     AND NOT public.casemgr_sees_reporters(p_case)
  ); END
$$""",
        # The users row drives its login role (see the module docstring).
        f"""
CREATE OR REPLACE FUNCTION public.casemgr_users_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  grp text;
  old_grp text;
BEGIN
  grp := CASE NEW.role {group_case} END;
  IF grp IS NULL THEN RAISE EXCEPTION 'casemgr: unknown role %', NEW.role; END IF;
  IF TG_OP = 'UPDATE' AND OLD.db_role IS NOT NULL THEN
    IF NEW.db_role IS DISTINCT FROM OLD.db_role THEN
      RAISE EXCEPTION 'casemgr: a user''s login role cannot change' USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSE
    NEW.db_role := public.casemgr_login_name(NEW.username);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = NEW.db_role) THEN
      IF NOT pg_has_role(NEW.db_role, {_lit(common_role(ns))}, 'MEMBER') THEN
        RAISE EXCEPTION 'casemgr: role % exists and is not a casemgr login', NEW.db_role
          USING ERRCODE = 'insufficient_privilege';
      END IF;
    ELSE
      EXECUTE format('CREATE ROLE %I NOLOGIN', NEW.db_role);
    END IF;
    FOR old_grp IN SELECT unnest(ARRAY[{", ".join(_lit(g) for g in groups.values())}]) LOOP
      IF old_grp <> grp AND pg_has_role(NEW.db_role, old_grp, 'MEMBER') THEN
        EXECUTE format('REVOKE %I FROM %I', old_grp, NEW.db_role);
      END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', grp, NEW.db_role);
    IF NOT NEW.active THEN
      EXECUTE format('ALTER ROLE %I NOLOGIN', NEW.db_role);
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.role IS DISTINCT FROM OLD.role THEN
    old_grp := CASE OLD.role {group_case} END;
    IF old_grp IS NOT NULL THEN EXECUTE format('REVOKE %I FROM %I', old_grp, NEW.db_role); END IF;
    EXECUTE format('GRANT %I TO %I', grp, NEW.db_role);
  END IF;
  IF NEW.active IS DISTINCT FROM OLD.active THEN
    EXECUTE format('ALTER ROLE %I %s', NEW.db_role, CASE WHEN NEW.active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  END IF;
  RETURN NEW;
END $$""",
        # An administrator (or the owner) sets a user's password: a SCRAM verifier only.
        """
CREATE OR REPLACE FUNCTION public.casemgr_set_password(p_user integer, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE r public.users%ROWTYPE;
BEGIN
  IF NOT public.casemgr_is_manager() THEN
    RAISE EXCEPTION 'casemgr: only an administrator may set a password' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_verifier !~ '^SCRAM-SHA-256\\$' THEN RAISE EXCEPTION 'casemgr: a SCRAM-SHA-256 verifier is required'; END IF;
  SELECT * INTO r FROM public.users WHERE id = p_user;
  IF r.db_role IS NULL THEN RAISE EXCEPTION 'casemgr: user % has no login role', p_user; END IF;
  EXECUTE format('ALTER ROLE %I %s PASSWORD %L', r.db_role,
                 CASE WHEN r.active THEN 'LOGIN' ELSE 'NOLOGIN' END, p_verifier);
END $$""",
        # A user replaces their own password: their row only, and these two fields only.
        """
CREATE OR REPLACE FUNCTION public.casemgr_set_own_password(p_hash text, p_verifier text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE uid integer := public.casemgr_uid();
BEGIN
  IF uid IS NULL THEN RAISE EXCEPTION 'casemgr: no active user' USING ERRCODE = 'insufficient_privilege'; END IF;
  IF p_verifier !~ '^SCRAM-SHA-256\\$' THEN RAISE EXCEPTION 'casemgr: a SCRAM-SHA-256 verifier is required'; END IF;
  UPDATE public.users SET password_hash = p_hash, must_change_password = false WHERE id = uid;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, p_verifier);
  RETURN uid;
END $$""",
        # A successful log-in (the server checked the password): the caller's counters only.
        """
CREATE OR REPLACE FUNCTION public.casemgr_record_login() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  UPDATE public.users SET last_login_at = (now() AT TIME ZONE 'UTC'), failed_logins = 0, locked_until = NULL
   WHERE db_role = session_user AND active RETURNING id
$$""",
        # A case never changes kind (the kind decides who may write it).
        """
CREATE OR REPLACE FUNCTION public.casemgr_cases_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind IS DISTINCT FROM OLD.kind THEN
    RAISE EXCEPTION 'casemgr: a case cannot change its kind' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$""",
    ]


_DEFINER_FUNCTIONS = (
    "casemgr_uid()",
    "casemgr_role()",
    "casemgr_username()",
    "casemgr_is_manager()",
    "casemgr_kinds(text)",
    "casemgr_can_write_case(integer)",
    "casemgr_handover_insert(text, integer)",
    "casemgr_can_generate(integer)",
    "casemgr_sees_reporters(integer)",
    "casemgr_sees_all_reporters()",
    "casemgr_party_hidden(integer, text)",
    "casemgr_person_hidden(integer)",
    "casemgr_claim_hidden(integer, integer)",
    "casemgr_documents_hidden(integer)",
    "casemgr_set_password(integer, text)",
    "casemgr_set_own_password(text, text)",
    "casemgr_record_login()",
    "casemgr_users_sync()",
    "casemgr_entity_state(text, text)",
    "casemgr_entity_state_v2(text, text)",
    "casemgr_entity_ids(text, bigint, integer)",
    "casemgr_audit_head(boolean)",
)

#: Tables every user reads in full (row-level security still shuts out a deactivated user).
_READ_ALL = (
    "cases",
    "employers",
    "events",
    "deadlines",
    "deadline_rules",
    "calendar_overrides",
    "settings",
    "case_number_counters",
    "month_closures",
    "hearing_rooms",
    "arbitrators",
    "hearings",
    "hearing_arbitrators",
    *prevention.READ_ALL,
)

_ACTIVE = "((SELECT public.casemgr_uid()) IS NOT NULL)"
_SEES_ALL = "(SELECT public.casemgr_sees_all_reporters())"


def _grants(ns: str) -> list[str]:
    user = _q(common_role(ns))

    def to(action: str) -> str:
        return ", ".join(_q(group_role(ns, r)) for r in roles_with(action))

    def to_roles(roles: Iterable[Role]) -> str:
        return ", ".join(_q(group_role(ns, r)) for r in roles)

    case_writers = sorted({r for a in CASE_WRITE for r in roles_with(a)}, key=list(Role).index)
    assigners = roles_with("case.assign")
    approvers = roles_with("deadline.approve_extension")
    cases_cols = [c.name for c in Base.metadata.tables["cases"].columns]
    deadline_cols = [c.name for c in Base.metadata.tables["deadlines"].columns]
    user_cols = [c.name for c in Base.metadata.tables["users"].columns if c.name != "password_hash"]
    out = [f"GRANT SELECT ON {', '.join(_READ_ALL)}, alembic_version TO {user}"]
    out += [
        f"GRANT SELECT ({', '.join(user_cols)}) ON users TO {user}",
        f"GRANT SELECT ON persons, case_parties, claim_items, documents, search_grams TO {user}",
        f"GRANT INSERT ON audit_entries TO {user}",
        # INSERT .. RETURNING id: the id of one's own new entry, nothing else of the trail
        f"GRANT SELECT (id) ON audit_entries TO {user}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {user}",
    ]
    if roles_with("audit.view"):
        out.append(f"GRANT SELECT ON audit_entries TO {to('audit.view')}")
    if roles_with("users.manage"):
        out.append(f"GRANT INSERT, UPDATE ON users TO {to('users.manage')}")
    if roles_with("settings.edit"):
        out.append(
            f"GRANT INSERT, UPDATE, DELETE ON settings, deadline_rules, calendar_overrides TO {to('settings.edit')}"
        )
        out.append(f"GRANT INSERT, UPDATE ON hearing_rooms, arbitrators TO {to('settings.edit')}")
    if roles_with("month.close"):
        out.append(f"GRANT INSERT, UPDATE, DELETE ON month_closures TO {to('month.close')}")
    if roles_with("party.register"):
        out.append(f"GRANT INSERT, UPDATE ON persons, employers TO {to('party.register')}")
        out.append(f"GRANT INSERT, DELETE ON search_grams TO {to('party.register')}")
    if case_writers:
        w = to_roles(case_writers)
        out.append(f"GRANT INSERT ON cases, events, deadlines TO {w}")
        out.append(f"GRANT INSERT, UPDATE, DELETE ON case_parties, claim_items TO {w}")
        out.append(f"GRANT INSERT, UPDATE ON hearings TO {w}")
        out.append(f"GRANT INSERT, DELETE ON hearing_arbitrators TO {w}")
        out.append(f"GRANT INSERT, UPDATE ON case_number_counters TO {to('case.register')}")
        not_assigners = [r for r in case_writers if r not in assigners]
        if not_assigners:
            cols = ", ".join(c for c in cases_cols if c != "assigned_user_id")
            out.append(f"GRANT UPDATE ({cols}) ON cases TO {to_roles(not_assigners)}")
        not_approvers = [r for r in case_writers if r not in approvers]
        if not_approvers:
            cols = ", ".join(
                c for c in deadline_cols if c not in ("extension_approved_by_id", "extension_approved_at")
            )
            out.append(f"GRANT UPDATE ({cols}) ON deadlines TO {to_roles(not_approvers)}")
    if assigners:
        out.append(f"GRANT UPDATE ON cases TO {to_roles(assigners)}")
    if approvers:
        out.append(f"GRANT UPDATE ON deadlines TO {to_roles(approvers)}")
    if roles_with("document.generate"):
        out.append(f"GRANT INSERT ON documents TO {to('document.generate')}")
    out += prevention.grants(to, to_roles, roles_with, case_writers)
    return out


def _policies() -> list[str]:
    """(table, name, command, kind, using, check): the active gate on every table, then the
    restrictive rules of the matrix."""
    out: list[str] = []
    gated = [t for t in Base.metadata.tables if t not in ("alembic_version",)]
    for t in gated:
        out.append(
            f"CREATE POLICY casemgr_active ON {t} AS PERMISSIVE FOR ALL USING {_ACTIVE} WITH CHECK {_ACTIVE}"
        )
    write_case = "public.casemgr_can_write_case({col})"
    out += [
        # cases: write only the caller's kinds (or the hand-over)
        "CREATE POLICY casemgr_cases_insert ON cases AS RESTRICTIVE FOR INSERT WITH CHECK "
        "(kind = ANY(public.casemgr_kinds('case.write')) OR public.casemgr_handover_insert(kind, source_case_id))",
        "CREATE POLICY casemgr_cases_update ON cases AS RESTRICTIVE FOR UPDATE "
        f"USING ({write_case.format(col='id')}) WITH CHECK ({write_case.format(col='id')})",
        "CREATE POLICY casemgr_counters_write ON case_number_counters AS RESTRICTIVE FOR INSERT WITH CHECK "
        "(kind = ANY(public.casemgr_kinds('case.register')) "
        "OR (kind = 'arbitration' AND 'mediation' = ANY(public.casemgr_kinds('case.transition'))))",
        "CREATE POLICY casemgr_counters_update ON case_number_counters AS RESTRICTIVE FOR UPDATE "
        "USING (kind = ANY(public.casemgr_kinds('case.register')) "
        "OR (kind = 'arbitration' AND 'mediation' = ANY(public.casemgr_kinds('case.transition'))))",
    ]
    for t in ("case_parties", "claim_items", "events", "deadlines"):
        w = write_case.format(col="case_id")
        out += [
            f"CREATE POLICY casemgr_{t}_insert ON {t} AS RESTRICTIVE FOR INSERT WITH CHECK ({w})",
            f"CREATE POLICY casemgr_{t}_update ON {t} AS RESTRICTIVE FOR UPDATE USING ({w}) WITH CHECK ({w})",
            f"CREATE POLICY casemgr_{t}_delete ON {t} AS RESTRICTIVE FOR DELETE USING ({w})",
        ]
    out += [
        "CREATE POLICY casemgr_documents_insert ON documents AS RESTRICTIVE FOR INSERT "
        "WITH CHECK (public.casemgr_can_generate(case_id))",
        # Reporters. Each rule first asks what is cheap and true for nearly every row (not a
        # reporter's link; a person or a claim the caller already sees through another
        # visible link — the subqueries run under the caller's own row-level security),
        # and only then the SECURITY DEFINER function that looks at what the caller may not
        # see: a function call per row made a mediator's list page twice as slow. ``OFFSET 0``
        # keeps each EXISTS a probe of an index per row: without it the planner may turn it
        # into a hash of the whole linked table, built for every query.
        "CREATE POLICY casemgr_case_parties_reporter ON case_parties AS RESTRICTIVE FOR SELECT USING "
        f"(role NOT IN ('reporter', 'complainant') OR {_SEES_ALL} "
        "OR (role = 'complainant' AND EXISTS (SELECT 1 FROM public.cases c WHERE c.id = case_parties.case_id"
        " AND (c.kind <> 'inspection' OR coalesce(c.complaint_type, '') <> 'report') OFFSET 0)) "
        "OR NOT public.casemgr_party_hidden(case_id, role))",
        *(
            f"CREATE POLICY casemgr_persons_reporter{suffix} ON persons AS RESTRICTIVE FOR {command} USING "
            f"({_SEES_ALL} OR EXISTS (SELECT 1 FROM public.case_parties cp WHERE cp.person_id = persons.id OFFSET 0) "
            "OR NOT public.casemgr_person_hidden(id))"
            for suffix, command in (("", "SELECT"), ("_update", "UPDATE"))
        ),
        "CREATE POLICY casemgr_claim_items_reporter ON claim_items AS RESTRICTIVE FOR SELECT USING "
        f"(person_id IS NULL OR {_SEES_ALL} "
        "OR EXISTS (SELECT 1 FROM public.case_parties cp"
        " WHERE cp.case_id = claim_items.case_id AND cp.person_id = claim_items.person_id OFFSET 0) "
        "OR NOT public.casemgr_claim_hidden(case_id, person_id))",
        # a name's bigrams are visible exactly when the person is (the persons rule decides)
        "CREATE POLICY casemgr_search_grams_reporter ON search_grams AS RESTRICTIVE FOR SELECT USING "
        "(party <> 'p' OR EXISTS (SELECT 1 FROM public.persons x WHERE x.id = search_grams.party_id OFFSET 0))",
        "CREATE POLICY casemgr_documents_reporter ON documents AS RESTRICTIVE FOR SELECT USING "
        f"({_SEES_ALL} OR NOT public.casemgr_documents_hidden(case_id))",
        # the audit trail: whole to those with audit.view; the others see (through their
        # column grant: the id only) the entries they wrote, for INSERT .. RETURNING id
        "CREATE POLICY casemgr_audit_read ON audit_entries AS RESTRICTIVE FOR SELECT USING "
        f"((SELECT public.casemgr_role()) = ANY({_array(r.value for r in roles_with('audit.view'))}) "
        "OR user_id = (SELECT public.casemgr_uid()) OR user_id IS NULL)",
        # an audit entry in one's own name (or the system's, for the log-in sweep)
        "CREATE POLICY casemgr_audit_own_name ON audit_entries AS RESTRICTIVE FOR INSERT WITH CHECK "
        "((user_id IS NULL AND username = 'system') "
        "OR (user_id = public.casemgr_uid() AND username = public.casemgr_username()))",
    ]
    # 守法诚信等级: a proposer writes proposals only; a confirmed grade is the confirmer's
    may_confirm = "(status = 'proposed' OR cardinality(public.casemgr_kinds('grading.confirm')) > 0)"
    out += [
        f"CREATE POLICY casemgr_grades_insert ON employer_grades AS RESTRICTIVE FOR INSERT WITH CHECK {may_confirm}",
        f"CREATE POLICY casemgr_grades_update ON employer_grades AS RESTRICTIVE FOR UPDATE "
        f"USING {may_confirm} WITH CHECK {may_confirm}",
    ]
    return out


def install_statements(ns: str, owner: str, database: str) -> list[str]:
    """Everything :func:`install` runs, in order (idempotent: run after every upgrade)."""
    check_namespace(ns)
    user = common_role(ns)
    roles = [user, *(group_role(ns, r) for r in Role)]
    out = [
        "DO $$ BEGIN "
        + " ".join(
            f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {_lit(r)}) THEN CREATE ROLE {_q(r)} NOLOGIN; END IF;"
            for r in roles
        )
        + " END $$",
        *(f"GRANT {_q(user)} TO {_q(group_role(ns, r))}" for r in Role),
        f"REVOKE ALL ON DATABASE {_q(database)} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {_q(database)} TO {_q(user)}",
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {_q(user)}",
        *functions(ns, owner),
        *(f"REVOKE ALL ON FUNCTION public.{f} FROM PUBLIC" for f in _DEFINER_FUNCTIONS),
        *(
            f"GRANT EXECUTE ON FUNCTION public.{f} TO {_q(user)}"
            for f in _DEFINER_FUNCTIONS
            if "users_sync" not in f
        ),
        # start from nothing: what a role had and should not have any more goes
        *(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {_q(r)}" for r in roles),
        *(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {_q(r)}" for r in roles),
        *_grants(ns),
        "DROP TRIGGER IF EXISTS casemgr_users_sync ON users",
        "CREATE TRIGGER casemgr_users_sync BEFORE INSERT OR UPDATE ON users FOR EACH ROW "
        "EXECUTE FUNCTION public.casemgr_users_sync()",
        "DROP TRIGGER IF EXISTS casemgr_cases_guard ON cases",
        "CREATE TRIGGER casemgr_cases_guard BEFORE UPDATE OF kind ON cases FOR EACH ROW "
        "EXECUTE FUNCTION public.casemgr_cases_guard()",
        # policies: drop ours, create the current set
        "DO $$ DECLARE p record; BEGIN FOR p IN SELECT schemaname, tablename, policyname FROM pg_policies "
        "WHERE schemaname = 'public' AND policyname LIKE 'casemgr\\_%' LOOP "
        "EXECUTE format('DROP POLICY %I ON %I.%I', p.policyname, p.schemaname, p.tablename); END LOOP; END $$",
        *(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY" for t in Base.metadata.tables),
        *_policies(),
        # users created before the layer get their (password-less) login role now
        "UPDATE users SET db_role = public.casemgr_login_name(username) WHERE db_role IS NULL",
    ]
    return out


@dataclass(frozen=True)
class InstallResult:
    namespace: str
    owner: str
    groups: tuple[str, ...]
    users_without_password: tuple[str, ...]  # given a login role now: an administrator sets a password


def install(url: str, namespace: str | None = None) -> InstallResult:
    """Install (or bring up to date) the security layer, connected as the schema's owner."""
    ns = check_namespace(namespace or namespace_of(url))
    engine = db.make_engine(server_url(url).render_as_string(hide_password=False))
    try:
        with engine.begin() as conn:
            owner, dbname, can = conn.execute(
                text(
                    "SELECT current_user, current_database(),"
                    " (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user)"
                )
            ).one()
            tables_owner = conn.execute(
                text(
                    "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_entries'"
                )
            ).scalar()
            if tables_owner is None:
                raise errors.DatabaseError(
                    "数据库还没有表：请先运行 casemgr db upgrade --owner-url。",
                    "The database has no tables yet: run casemgr db upgrade --owner-url first.",
                )
            if tables_owner != owner:
                raise errors.DatabaseError(
                    f"请以表的所有者（{tables_owner}）连接，而不是 {owner}。",
                    f"Connect as the tables' owner ({tables_owner}), not {owner}.",
                )
            if not can:
                raise errors.DatabaseError(
                    f"所有者角色 {owner} 需要 CREATEROLE 权限（ALTER ROLE {owner} CREATEROLE）。",
                    f"The owner role {owner} needs CREATEROLE (ALTER ROLE {owner} CREATEROLE).",
                )
            no_login = tuple(
                r[0]
                for r in conn.execute(
                    text("SELECT username FROM users WHERE db_role IS NULL ORDER BY username")
                )
            )
            cursor = conn.connection.cursor()  # no parameter parsing: format('%I') must stay as is
            try:
                for stmt in install_statements(ns, owner, dbname):
                    cursor.execute(stmt)
            finally:
                cursor.close()
    finally:
        engine.dispose()
    return InstallResult(ns, owner, tuple(group_role(ns, r) for r in Role), no_login)
