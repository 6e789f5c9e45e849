"""PostgreSQL with one login role per user: the database itself refuses what the role matrix
forbids (issue 13, finding 2; casemgr.pgroles; docs/deployment.md).

A throwaway database is set up exactly as docs/deployment.md tells a bureau: an owner role
with CREATEROLE owns it, ``casemgr db upgrade --owner-url`` migrates and installs the roles,
the first administrator is created through the owner, and every other user by that
administrator through the user service. Then each user connects with their own name and
password (SCRAM-SHA-256: tests/../scripts/with_postgres.sh asks for it on TCP) and tries, in
raw SQL, every write and read their role may not do. Each forbidden statement is also run
by a role that may, inside a transaction that is rolled back: a refusal that would refuse
everybody proves nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from casemgr import anchors, audit, auditstate, auth, db, pgroles, privacy
from casemgr.actor import Actor
from casemgr.cli import main
from casemgr.enums import CaseKind, ClaimType, ComplaintType, PartyRole, Role
from casemgr.errors import AuthError
from casemgr.models import Case, CaseParty, Document
from casemgr.services import admin, cases, months, parties, pglogin, users
from casemgr.services import workflow as wf
from tests.conftest import PG_URL, on_postgres
from tests.helpers import TODAY, case_input, make_id

pytestmark = on_postgres

psycopg = pytest.importorskip("psycopg")

#: user name -> role; ``insp2`` is an inspector the 举报 is not assigned to.
PEOPLE = {
    "chief": Role.ADMIN,
    "sup": Role.SUPERVISOR,
    "clerk": Role.CLERK,
    "med": Role.MEDIATOR,
    "insp": Role.INSPECTOR,
    "insp2": Role.INSPECTOR,
    "aud": Role.AUDITOR,
}
#: one user per role, for the tables below
BY_ROLE = {Role.ADMIN: "chief", Role.SUPERVISOR: "sup", Role.CLERK: "clerk", Role.MEDIATOR: "med",
           Role.INSPECTOR: "insp2", Role.AUDITOR: "aud"}  # fmt: skip
REPORTER = ("举报人乙", make_id(42), "13912345678")

#: reads the plans and their teams (``draws.require_view``) without taking part in them
draws_viewer = Actor(None, "审计", Role.AUDITOR)


@dataclass
class Site:
    ns: str
    host: str
    port: int
    dbname: str
    owner_url: str
    url: str  # the desktops' URL: no user name, each user brings their own
    passwords: dict[str, str] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    dbs: dict[str, db.Database] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)

    def role(self, user: str) -> str:
        return pgroles.login_role(self.ns, user)

    def database(self, user: str) -> db.Database:
        if user not in self.dbs:
            self.dbs[user] = pglogin.connect(self.url, user, self.passwords[user])
        return self.dbs[user]

    @contextlib.contextmanager
    def raw(self, user: str) -> Iterator[Any]:
        """A plain psycopg connection as the user's login role: what anyone holding their
        password could do with psql."""
        con = psycopg.connect(
            host=self.host,
            port=self.port,
            dbname=self.dbname,
            user=self.role(user),
            password=self.passwords[user],
        )
        try:
            yield con
        finally:
            con.close()


def _sql_admin(url: str, *stmts: str) -> None:
    engine = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as c:
            for s in stmts:
                c.execute(text(s))
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    assert PG_URL
    ns = "t" + uuid.uuid4().hex[:8]
    base = make_url(PG_URL)
    owner, owner_pw, dbname = f"{ns}_owner", "Owner-secret-2026", f"{ns}_db"
    _sql_admin(
        PG_URL,
        f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{owner_pw}'",
        f"CREATE DATABASE {dbname} OWNER {owner} TEMPLATE template0 LOCALE 'C.UTF-8' ENCODING 'UTF8'",
    )
    q = {pgroles.NAMESPACE_PARAM: ns}
    owner_url = base.set(username=owner, password=owner_pw, database=dbname, query=q).render_as_string(False)
    url = base.set(username=None, password=None, database=dbname, query=q).render_as_string(False)
    s = Site(ns, base.host or "127.0.0.1", int(base.port or 5432), dbname, owner_url, url)
    try:
        assert main(["db", "upgrade", "--owner-url", owner_url]) == 0
        _populate(s)
        yield s
    finally:
        for d in s.dbs.values():
            d.dispose()
        _sql_admin(PG_URL, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        engine = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as c:
            names = [
                r[0]
                for r in c.execute(
                    text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"), {"p": ns + "\\_%"}
                )
            ]
            # logins first, then groups, the common role and the owner
            for name in sorted(
                names, key=lambda n: 0 if "_u_" in n else 2 if n in (f"{ns}_user", owner) else 1
            ):
                c.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        engine.dispose()


def _populate(s: Site) -> None:
    """The first administrator through the owner; everyone else by them; a day's cases."""
    owner_db = db.open_database(pgroles.owner_engine_url(s.owner_url), upgrade_schema=False)
    try:
        s.passwords["chief"] = "Kw-0-Tianhe-2026"
        with owner_db.write() as x:
            assert auth.needs_setup(x)
            auth.create_initial_admin(x, "chief", "主任", s.passwords["chief"])
    finally:
        owner_db.dispose()
    chief_db = s.database("chief")
    with chief_db.write() as x:
        s.actors["chief"], _ = pglogin.login(x)
    for name, role in PEOPLE.items():
        if name == "chief":
            continue
        s.passwords[name] = f"Kw-{len(s.passwords)}-Tianhe-2026"
        with chief_db.write() as x:
            users.create_user(x, s.actors["chief"], name, name, role, s.passwords[name], district="城区")
        with s.database(name).write() as x:
            s.actors[name], must = pglogin.login(x)
        assert must
    a = s.actors

    def write(user: str) -> Any:
        return s.database(user).write()

    # clerk: an arbitration case, accepted
    with write("clerk") as x:
        s.ids["arbitration"] = cases.register_case(x, a["clerk"], case_input(CaseKind.ARBITRATION, n=1)).id
    with write("clerk") as x:
        c = x.get(Case, s.ids["arbitration"])
        wf.apply_transition(
            x, a["clerk"], c.id, "accept", {}, expected_version=c.version, on=dt.date(2026, 3, 3)
        )
    # mediator: a mediation that fails and is handed to arbitration (the one cross-kind write)
    with write("med") as x:
        s.ids["mediation"] = cases.register_case(x, a["med"], case_input(CaseKind.MEDIATION, n=2)).id
    for code, fields in (("accept", {}), ("fail", {"reason": "双方分歧大"})):
        with write("med") as x:
            c = x.get(Case, s.ids["mediation"])
            wf.apply_transition(
                x, a["med"], c.id, code, fields, expected_version=c.version, on=dt.date(2026, 3, 4)
            )
    with write("med") as x:
        c = x.get(Case, s.ids["mediation"])
        s.ids["handed"] = wf.hand_to_arbitration(
            x, a["med"], c.id, received_on=dt.date(2026, 3, 5), expected_version=c.version
        ).id
    # inspector: a 举报 (reporter with a claim of their own), assigned to insp; a complaint
    base = case_input(CaseKind.INSPECTION, n=3)
    report = cases.CaseInput(
        **{
            **base.__dict__,
            "complaint_type": ComplaintType.REPORT,
            "persons": [cases.PartyLink(parties.PersonInput(*REPORTER), PartyRole.REPORTER)],
            "claims": [cases.ClaimInput(ClaimType.WAGES, Decimal("5000.00"), 0)],
            "assigned_user_id": a["insp"].user_id,
        }
    )
    with write("insp") as x:
        r = cases.register_case(x, a["insp"], report)
        s.ids["report"] = r.id
        s.ids["reporter"] = next(p.person_id for p in r.parties if p.role == PartyRole.REPORTER.value)
    with write("insp") as x:
        s.ids["inspection"] = cases.register_case(x, a["insp"], case_input(CaseKind.INSPECTION, n=4)).id
    # the supervisor assigns the complaint to the other inspector
    with write("sup") as x:
        c = x.get(Case, s.ids["inspection"])
        cases.assign_case(x, a["sup"], c.id, a["insp2"].user_id, expected_version=c.version)
    # the other inspector works on the 举报 without seeing its reporter: a note
    with write("insp2") as x:
        cases.add_note(x, a["insp2"], s.ids["report"], "走访用人单位", occurred_on=dt.date(2026, 3, 6))
    # a notice kept in the 举报's file (put there by the owner, as the app would: audited)
    owner_db = db.open_database(pgroles.owner_engine_url(s.owner_url), upgrade_schema=False)
    try:
        with owner_db.write() as x:
            x.add(
                Document(
                    case_id=s.ids["report"], doc_type="accept_notice", title="受理告知书", filename="n.pdf",
                    content=b"%PDF", sha256="x", created_by_id=a["insp"].user_id,
                )
            )  # fmt: skip
            x.flush()
            audit.record(x, user_id=None, username="system", action="document.generate", entity="case",
                         entity_id=s.ids["report"])  # fmt: skip
    finally:
        owner_db.dispose()
    # administration and the month's closing
    with write("chief") as x:
        admin.set_setting(x, a["chief"], "bureau_name", "汕尾市人力资源和社会保障局", dt.date(2026, 1, 1))
    with write("sup") as x:
        months.close_month(x, a["sup"], 2026, 10, today=TODAY)
    with s.database("aud").read() as x:
        head = anchors.current(x)
        assert head is not None
        s.ids["audit_head"] = head.seq


# --------------------------------------------------------------------------- who is who


def test_each_user_connects_as_their_own_login_role(site: Site) -> None:
    for name, role in PEOPLE.items():
        with site.raw(name) as con:
            me, uid, r = con.execute("SELECT session_user, casemgr_uid(), casemgr_role()").fetchone()
        assert me == site.role(name) and uid == site.actors[name].user_id and r == role.value
        with site.database(name).read() as x:
            assert x.execute(text("SELECT session_user")).scalar() == site.role(name)


def test_group_roles_come_from_the_role_enum(site: Site) -> None:
    with site.raw("aud") as con:
        groups = {
            r[0]
            for r in con.execute(
                "SELECT b.rolname FROM pg_auth_members m JOIN pg_roles a ON a.oid = m.member"
                " JOIN pg_roles b ON b.oid = m.roleid WHERE a.rolname LIKE %s",
                (site.ns + "\\_u\\_%",),
            )
        }
    assert groups == {pgroles.group_role(site.ns, r) for r in set(PEOPLE.values())}


def test_a_wrong_password_or_unknown_user_is_one_message(site: Site) -> None:
    for user, pw in (("clerk", "wrong-password-1"), ("nobody", "whatever-pass-1"), ("", "x")):
        with pytest.raises(AuthError) as err:
            pglogin.connect(site.url, user, pw)
        assert err.value.en == "Wrong user name or password."


def test_the_login_name_is_the_same_in_python_and_sql(site: Site) -> None:
    names = ["Zhang.San", "张三", "张" * 32, "a" * 32, "wang-li_2"]
    with site.raw("aud") as con:
        for n in names:
            (sql,) = con.execute("SELECT casemgr_login_name(%s)", (n,)).fetchone()
            assert sql == pgroles.login_role(site.ns, n)
            assert len(sql.encode()) <= 63


@pytest.mark.parametrize("kind", list(CaseKind))
@pytest.mark.parametrize("complaint_type", [None, *ComplaintType])
def test_the_reporter_rule_in_sql_is_privacy_is_confidential_reporter(
    site: Site, kind: CaseKind, complaint_type: ComplaintType | None
) -> None:
    with site.raw("aud") as con:
        for role in PartyRole:
            (got,) = con.execute(
                f"SELECT {pgroles.CONFIDENTIAL_SQL} FROM (SELECT %s::text AS kind, %s::text AS complaint_type) c,"
                " (SELECT %s::text AS role) cp",
                (kind.value, complaint_type.value if complaint_type else None, role.value),
            ).fetchone()
            case = Case(kind=kind.value, complaint_type=complaint_type.value if complaint_type else None)
            assert bool(got) == privacy.is_confidential_reporter(case, role.value), (
                kind,
                complaint_type,
                role,
            )


# --------------------------------------------------------------------------- forbidden writes, raw SQL


def _kinds(action: str | tuple[str, ...], role: Role) -> frozenset[CaseKind]:
    return pgroles.kinds_by_role(action).get(role, frozenset())


def _writers(kind: CaseKind) -> set[Role]:
    """Who may change a case of ``kind`` that exists (and its rows)."""
    return {r for r in Role if kind in _kinds(pgroles.CASE_UPDATE, r)}


def _registrars(kind: CaseKind) -> set[Role]:
    return {r for r in Role if kind in _kinds(pgroles.CASE_WRITE, r)}


#: (name, SQL, roles that may) — ``{x}`` filled from the site; everybody else must be refused.
def _writes(s: Site, user: str) -> list[tuple[str, str, set[Role]]]:
    me = s.actors[user]
    aid = s.ids["audit_head"]
    out: list[tuple[str, str, set[Role]]] = [
        ("audit update", f"UPDATE audit_entries SET action = 'x' WHERE id = {aid}", set()),
        ("audit delete", f"DELETE FROM audit_entries WHERE id = {aid}", set()),
        ("audit truncate", "TRUNCATE audit_entries", set()),
        ("audit trigger off", "ALTER TABLE audit_entries DISABLE TRIGGER USER", set()),
        ("audit rls off", "ALTER TABLE audit_entries DISABLE ROW LEVEL SECURITY", set()),
        (
            "audit entry in the administrator's name",
            "INSERT INTO audit_entries (at, user_id, username, action, entity, prev_hash, hash)"
            f" VALUES (now(), {s.actors['chief'].user_id}, 'chief', 'x', 'x', 'x', 'x')",
            {Role.ADMIN},
        ),
        (
            "make myself administrator",
            f"UPDATE users SET role = 'admin' WHERE id = {me.user_id}",
            {Role.ADMIN},
        ),
        (
            "skip my password change",
            f"UPDATE users SET must_change_password = false WHERE id = {me.user_id}",
            {Role.ADMIN},
        ),
        (
            "create a user",
            "INSERT INTO users (username, display_name, role, must_change_password, failed_logins, active, created_at)"
            " VALUES ('evil', 'x', 'admin', false, 0, true, now())",
            set(pgroles.roles_with("users.manage")),
        ),
        (
            "set someone's password",
            f"SELECT casemgr_set_password({s.actors['clerk'].user_id}, 'SCRAM-SHA-256$4096:AAAA$BBBB:CCCC')",
            set(pgroles.roles_with("users.manage")),
        ),
        (
            "change a setting",
            "INSERT INTO settings (key, valid_from, value, updated_at) VALUES ('bureau_name', '2030-01-01', '\"x\"', now())",
            set(pgroles.roles_with("settings.edit")),
        ),
        (
            "add a deadline rule",
            "INSERT INTO deadline_rules (code, kind, name_zh, name_en, day_type, length, green_channel, hard_limit,"
            " citation, active, updated_at, version)"
            " VALUES ('evil', 'mediation', 'x', 'x', 'working', 1, false, true, 'x', true, now(), 1)",
            set(pgroles.roles_with("settings.edit")),
        ),
        (
            "declare a holiday",
            "INSERT INTO calendar_overrides (day, day_type) VALUES ('2030-01-02', 'holiday')",
            set(pgroles.roles_with("settings.edit")),
        ),
        (
            "close a month",
            "INSERT INTO month_closures (month, district, snapshot, closed_at) VALUES ('2025-01', '', '{}', now())",
            set(pgroles.roles_with("month.close")),
        ),
        (
            "register a person",
            "INSERT INTO persons (name, migrant_worker, created_at, updated_at, version) VALUES ('x', false, now(), now(), 1)",
            set(pgroles.roles_with("party.register")),
        ),
        (
            "rename the reporter",
            f"UPDATE persons SET name = '改名' WHERE id = {s.ids['reporter']}",
            {Role.SUPERVISOR} | ({Role.INSPECTOR} if user == "insp" else set()),
        ),
        (
            "change a case's kind",
            f"UPDATE cases SET kind = 'mediation' WHERE id = {s.ids['arbitration']}",
            set(),
        ),
        ("become a supervisor", f"SET ROLE {pgroles.group_role(s.ns, Role.SUPERVISOR)}", {Role.SUPERVISOR}),
        ("create a table", "CREATE TABLE public.evil (i int)", set()),
    ]
    for kind in CaseKind:
        cid = s.ids[kind.value]
        w = _writers(kind)
        out += [
            (f"edit a {kind} case", f"UPDATE cases SET summary = 'x' WHERE id = {cid}", w),
            (
                f"register a {kind} case",
                "INSERT INTO cases (number, kind, year, seq, status, received_on, migrant_worker, wage_arrears,"
                " green_channel, collective, supervised, simple_procedure, final_award, channel, amount_claimed,"
                " amount_recovered, workers, created_at, updated_at, version)"
                f" VALUES ('X-{kind}-{user}', '{kind}', 2026, 9999, 'received', '2026-03-02', false, false, false,"
                " false, false, false, false, 'window', 0, 0, 1, now(), now(), 1)",
                _registrars(kind),
            ),
            (
                f"backdate an event on a {kind} case",
                f"INSERT INTO events (case_id, kind, occurred_on, recorded_at) VALUES ({cid}, 'note', '2026-03-03', now())",
                w,
            ),
            (
                f"raise a claim on a {kind} case",
                f"UPDATE claim_items SET amount_claimed = 1 WHERE case_id = {cid}",
                w,
            ),
            (
                f"delete a party of a {kind} case",
                f"DELETE FROM case_parties WHERE case_id = {cid} AND employer_id IS NOT NULL",
                w,
            ),
            (
                f"assign a {kind} case to myself",
                f"UPDATE cases SET assigned_user_id = {me.user_id} WHERE id = {cid}",
                w & set(pgroles.roles_with("case.assign")),
            ),
            (
                f"approve an extension on a {kind} case",
                f"UPDATE deadlines SET extension_approved_by_id = {me.user_id} WHERE case_id = {cid}",
                w & {r for r in Role if kind in _kinds("deadline.approve_extension", r)},
            ),
            (
                f"file a document on a {kind} case",
                "INSERT INTO documents (case_id, doc_type, title, filename, mime_type, content, sha256, created_at)"
                f" VALUES ({cid}, 'x', 'x', 'x', 'x', '\\x00', 'x', now())",
                {r for r in Role if kind in _kinds("document.generate", r)},
            ),
            (
                f"take a {kind} case number",
                f"UPDATE case_number_counters SET last_seq = last_seq + 1000 WHERE kind = '{kind}'",
                {r for r in Role if kind in _kinds("case.register", r)}
                | ({Role.MEDIATOR} if kind is CaseKind.ARBITRATION else set()),
            ),
        ]
    return out


def _try(con: Any, sql: str) -> str:
    """Run ``sql`` in a transaction that is rolled back: "ok", "refused" or "no rows"."""
    try:
        with con.transaction(force_rollback=True):
            cur = con.execute(sql)
            if sql.lstrip().upper().startswith(("UPDATE", "DELETE")) and cur.rowcount == 0:
                return "no rows"
            return "ok"
    except (psycopg.errors.InsufficientPrivilege, psycopg.errors.InvalidTextRepresentation) as exc:
        return f"refused: {str(exc).splitlines()[0]}"
    except psycopg.errors.RaiseException as exc:
        return f"refused: {str(exc).splitlines()[0]}"


@pytest.mark.parametrize("role", list(Role))
def test_every_forbidden_write_is_refused_by_the_database(site: Site, role: Role) -> None:
    user = BY_ROLE[role]
    wrong: list[str] = []
    with site.raw(user) as con:
        for name, sql, may in _writes(site, user):
            got = _try(con, sql)
            allowed = role in may
            if allowed and got != "ok":
                wrong.append(f"{name}: may, but {got}")
            if not allowed and got == "ok":
                wrong.append(f"{name}: may not, but it worked")
    assert wrong == [], "\n".join(wrong)


def test_the_assigned_inspector_may_rename_the_reporter(site: Site) -> None:
    with site.raw("insp") as con:
        assert _try(con, f"UPDATE persons SET name = '改名' WHERE id = {site.ids['reporter']}") == "ok"


def test_no_login_role_can_change_or_delete_an_audit_entry(site: Site) -> None:
    """Refused by privilege first; and the trigger stands behind it for the owner too."""
    for user in PEOPLE:
        with site.raw(user) as con:
            for sql in (
                f"UPDATE audit_entries SET action = 'x' WHERE id = {site.ids['audit_head']}",
                f"DELETE FROM audit_entries WHERE id = {site.ids['audit_head']}",
            ):
                assert _try(con, sql).startswith("refused"), (user, sql)
    owner = create_engine(pgroles.owner_engine_url(site.owner_url))
    try:
        with owner.connect() as c, pytest.raises(Exception, match="append-only"):
            c.execute(text(f"DELETE FROM audit_entries WHERE id = {site.ids['audit_head']}"))
    finally:
        owner.dispose()


# --------------------------------------------------------------------------- forbidden reads


def _reads(s: Site) -> dict[str, str]:
    r, p = s.ids["report"], s.ids["reporter"]
    return {
        "the reporter's link": f"SELECT count(*) FROM case_parties WHERE case_id = {r} AND person_id = {p}",
        "the reporter's person row": f"SELECT count(*) FROM persons WHERE id = {p} OR id_number = '{REPORTER[1]}'",
        "the reporter by name": f"SELECT count(*) FROM persons WHERE name = '{REPORTER[0]}'",
        "the reporter's claim": f"SELECT count(*) FROM claim_items WHERE case_id = {r} AND person_id = {p}",
        "the reporter's name in the search index": f"SELECT count(*) FROM search_grams WHERE party = 'p' AND party_id = {p}",
        "the 举报's documents": f"SELECT count(*) FROM documents WHERE case_id = {r}",
    }


@pytest.mark.parametrize("user", list(PEOPLE))
def test_reporter_rows_are_readable_only_by_the_assigned_inspector_and_supervisors(
    site: Site, user: str
) -> None:
    may = user in ("insp", "sup")
    with site.raw(user) as con:
        for what, sql in _reads(site).items():
            (n,) = con.execute(sql).fetchone()
            assert (n > 0) == may, f"{user}: {what} -> {n}"
        # the rest of the 举报 stays visible: the case, its employer
        (n,) = con.execute(
            f"SELECT count(*) FROM case_parties WHERE case_id = {site.ids['report']}"
        ).fetchone()
        assert n >= 1


@pytest.mark.parametrize("user", list(PEOPLE))
def test_secrets_and_the_audit_trail_are_read_only_by_whom_the_matrix_says(site: Site, user: str) -> None:
    role = PEOPLE[user]
    with site.raw(user) as con:
        for sql in ("SELECT password_hash FROM users", "SELECT * FROM casemgr_state_key"):
            assert _try(con, sql).startswith("refused"), sql
        got = _try(con, "SELECT action, after FROM audit_entries")
        assert (got == "ok") == (role in pgroles.roles_with("audit.view")), got


# --------------------------------------------------------------------------- sessions follow the users row


def test_a_deactivated_users_open_session_is_cut_off_and_cannot_log_in_again(site: Site) -> None:
    chief = site.actors["chief"]
    site.passwords["temp"] = "Kw-t-Tianhe-2026"
    with site.database("chief").write() as x:
        info = users.create_user(x, chief, "temp", "临时", Role.CLERK, site.passwords["temp"])
    with site.raw("temp") as con:
        con.autocommit = True
        assert con.execute("SELECT count(*) FROM cases").fetchone()[0] > 0
        with site.database("chief").write() as x:
            users.deactivate(x, chief, info.id)
        assert (
            con.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
        )  # the same session, next statement
        assert _try(con, f"UPDATE cases SET summary = 'x' WHERE id = {site.ids['arbitration']}") != "ok"
    with pytest.raises(AuthError):
        pglogin.connect(site.url, "temp", site.passwords["temp"])
    with site.database("chief").write() as x:
        users.reactivate(x, chief, info.id)
    pglogin.connect(site.url, "temp", site.passwords["temp"]).dispose()


def test_a_demoted_users_open_session_has_the_new_rights_at_once(site: Site) -> None:
    chief = site.actors["chief"]
    site.passwords["sup2"] = "Kw-s-Tianhe-2026"
    with site.database("chief").write() as x:
        info = users.create_user(x, chief, "sup2", "副主任", Role.SUPERVISOR, site.passwords["sup2"])
    with site.raw("sup2") as con:
        con.autocommit = True
        assert _try(con, "SELECT action, after FROM audit_entries") == "ok"
        with site.database("chief").write() as x:
            users.set_role(x, chief, info.id, Role.MEDIATOR)
        assert _try(con, "SELECT action, after FROM audit_entries").startswith("refused")
        assert _try(con, f"UPDATE cases SET summary = 'x' WHERE id = {site.ids['arbitration']}") == "no rows"


def test_the_desktops_next_call_after_deactivation_or_demotion_ends_its_session(site: Site) -> None:
    """The app's own re-read (casemgr.auth.run_as, every op of the desktop) on per-user logins:
    the open pool's next call ends the session with the message, not a server error."""
    chief = site.actors["chief"]
    for name, change in (("temp3", "deactivate"), ("temp4", "demote")):
        site.passwords[name] = f"Kw-{change}-Tianhe-2026"
        with site.database("chief").write() as x:
            info = users.create_user(x, chief, name, "临时", Role.SUPERVISOR, site.passwords[name])
        database = pglogin.connect(site.url, name, site.passwords[name])
        try:
            with database.write() as x:
                actor, _must = pglogin.login(x)
            assert auth.run_as(database.read, actor, lambda x: 7) == 7
            with site.database("chief").write() as x:
                if change == "deactivate":
                    users.deactivate(x, chief, info.id)
                else:
                    users.set_role(x, chief, info.id, Role.MEDIATOR)
            database.engine.dispose()  # also a new connection: the server refuses a NOLOGIN role
            for open_session in (database.read, database.write):
                with pytest.raises(AuthError) as err:
                    auth.run_as(open_session, actor, lambda x: 7)
                assert err.value.code == "session_ended", (change, err.value.en)
        finally:
            database.dispose()


# --------------------------------------------------------------------------- and the app's own day still works


def test_the_days_work_left_a_verifiable_trail(site: Site) -> None:
    """Everything _populate did went through the services as each user's own role; the
    auditor (who cannot see the reporter either) verifies the chain and every row's state."""
    with site.database("aud").read() as x:
        assert audit.verify_chain(x) is None
        assert list(auditstate.iter_state_problems(x)) == []
        assert list(audit.iter_case_problems(x)) == []
        states = {
            v
            for (v,) in x.execute(
                text("SELECT DISTINCT state::json->>'v' FROM audit_entries WHERE state IS NOT NULL")
            )
        }
    assert states == {"pg2"}


def test_a_user_changes_their_own_password_through_the_server(site: Site) -> None:
    d = site.database("clerk")
    old = site.passwords["clerk"]
    with d.write() as x:
        auth.change_password(x, site.actors["clerk"], site.passwords["clerk"], "Kw-new-Tianhe-77")
    site.passwords["clerk"] = "Kw-new-Tianhe-77"
    d.engine.dispose()  # new connections: the pool has the new password
    with d.read() as x:
        assert auth.must_change_password(x, site.actors["clerk"]) is False
    pglogin.connect(site.url, "clerk", "Kw-new-Tianhe-77").dispose()
    with pytest.raises(AuthError):
        pglogin.connect(site.url, "clerk", old)


def test_reporter_is_hidden_from_the_other_inspector_in_the_app_too(site: Site) -> None:
    with site.database("insp2").read() as x:
        roles = [
            cp.role
            for cp in x.execute(select(CaseParty).where(CaseParty.case_id == site.ids["report"])).scalars()
        ]
    assert PartyRole.REPORTER.value not in roles
    with site.database("insp").read() as x:
        roles = [
            cp.role
            for cp in x.execute(select(CaseParty).where(CaseParty.case_id == site.ids["report"])).scalars()
        ]
    assert PartyRole.REPORTER.value in roles


def test_user_management_from_the_command_line(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first administrator through the owner; then only logged-in administrators; the
    owner's URL is the way back in when the only administrator lost the password."""
    monkeypatch.setenv("CASEMGR_LANG", "en")
    monkeypatch.setenv("CASEMGR_NEW_PASSWORD", "Kw-cli-Tianhe-2026")
    monkeypatch.delenv("CASEMGR_PASSWORD", raising=False)
    assert main(["--db", site.url, "user", "create", "newclerk", "--role", "clerk"]) == 1
    monkeypatch.setenv("CASEMGR_PASSWORD", site.passwords["clerk"])
    assert main(["--db", site.url, "user", "create", "newclerk", "--role", "clerk", "--user", "clerk"]) == 1
    monkeypatch.setenv("CASEMGR_PASSWORD", site.passwords["chief"])
    assert main(["--db", site.url, "user", "create", "newclerk", "--role", "clerk", "--user", "chief"]) == 0
    pglogin.connect(site.url, "newclerk", "Kw-cli-Tianhe-2026").dispose()
    # break-glass: the owner resets the administrator's password (audited as the system)
    monkeypatch.setenv("CASEMGR_NEW_PASSWORD", "Kw-reset-Tianhe-2026")
    monkeypatch.delenv("CASEMGR_PASSWORD")
    assert main(["--db", site.owner_url, "user", "reset-password", "chief"]) == 0
    site.dbs.pop("chief").dispose()
    site.passwords["chief"] = "Kw-reset-Tianhe-2026"
    with site.database("chief").write() as x:
        _actor, must = pglogin.login(x)
    assert must


def test_a_reporter_who_is_also_an_ordinary_party_elsewhere(site: Site) -> None:
    """Visible as the applicant of a mediation; the 举报's link and claim stay hidden."""
    med = site.actors["med"]
    data = case_input(CaseKind.MEDIATION, n=9)
    data = cases.CaseInput(
        **{
            **data.__dict__,
            "persons": [cases.PartyLink(parties.PersonInput("另一人", make_id(77)), PartyRole.APPLICANT)],
        }
    )
    with site.database("med").write() as x:
        mid = cases.register_case(x, med, data).id
        other = next(p.person_id for p in x.get(Case, mid).parties if p.person_id is not None)
    owner = create_engine(pgroles.owner_engine_url(site.owner_url))
    try:
        with owner.begin() as c:  # the same person also reported: a link on the 举报 (as the app would)
            c.execute(
                text("INSERT INTO case_parties (case_id, role, person_id) VALUES (:c, 'reporter', :p)"),
                {"c": site.ids["report"], "p": other},
            )
        with site.raw("med") as con:
            assert con.execute(f"SELECT count(*) FROM persons WHERE id = {other}").fetchone()[0] == 1
            assert (
                con.execute(
                    f"SELECT count(*) FROM case_parties WHERE person_id = {other} AND case_id = {site.ids['report']}"
                ).fetchone()[0]
                == 0
            )
        with site.raw("insp") as con:
            assert (
                con.execute(
                    f"SELECT count(*) FROM case_parties WHERE person_id = {other} AND case_id = {site.ids['report']}"
                ).fetchone()[0]
                == 1
            )
    finally:
        with owner.begin() as c:
            c.execute(
                text("DELETE FROM case_parties WHERE case_id = :c AND person_id = :p"),
                {"c": site.ids["report"], "p": other},
            )
        owner.dispose()


def test_registering_a_hidden_reporter_again_is_refused_without_a_crash(site: Site) -> None:
    """Known limit (docs/deployment.md): a party whose ID number belongs to a reporter the
    caller may not see cannot be linked by them; the refusal is a clear message."""
    data = case_input(CaseKind.MEDIATION, n=10)
    data = cases.CaseInput(
        **{
            **data.__dict__,
            "persons": [cases.PartyLink(parties.PersonInput("某人", REPORTER[1]), PartyRole.APPLICANT)],
        }
    )
    from casemgr.errors import ValidationError

    with pytest.raises(ValidationError) as err, site.database("med").write() as x:
        cases.register_case(x, site.actors["med"], data)
    assert "reporter" not in err.value.en and "举报" not in err.value.zh  # says nothing of why


def test_the_administrator_registers_a_case_but_cannot_change_it_afterwards(site: Site) -> None:
    """case.register ✔, case.edit — for the administrator (the initial ledger migration):
    the case's rows are written in the registering transaction, never after."""
    with site.database("chief").write() as x:
        cid = cases.register_case(x, site.actors["chief"], case_input(CaseKind.ARBITRATION, n=11)).id
    with site.raw("chief") as con:
        assert _try(con, f"UPDATE cases SET summary = 'x' WHERE id = {cid}") == "no rows"
        got = _try(
            con,
            f"INSERT INTO events (case_id, kind, occurred_on, recorded_at) VALUES ({cid}, 'note', '2026-03-03', now())",
        )
        assert got.startswith("refused"), got
    with site.raw("clerk") as con:
        assert _try(con, f"UPDATE cases SET summary = 'x' WHERE id = {cid}") == "ok"


def test_rooms_roster_and_a_booking_under_the_login_roles(site: Site) -> None:
    """Issue 15: the administrator keeps the rooms and roster, a clerk books a hearing, each as
    their own login role; a clerk's own attempt at the room list is refused by the database."""
    from casemgr.models import Hearing
    from casemgr.services import hearings

    a = site.actors
    with site.database("chief").write() as x:
        room = hearings.save_room(x, a["chief"], name=f"庭室{uuid.uuid4().hex[:6]}").id
        arb = [
            hearings.save_arbitrator(x, a["chief"], name=f"{n}{uuid.uuid4().hex[:6]}").id for n in "甲乙丙"
        ]
    with site.database("clerk").write() as x:
        cid = cases.register_case(x, a["clerk"], case_input(CaseKind.ARBITRATION, n=15)).id
    for code, on, fields in (
        ("accept", dt.date(2026, 3, 3), {}),
        ("form_tribunal", dt.date(2026, 3, 4), {"arbitrators": ["甲", "乙", "丙"]}),
        ("schedule_hearing", dt.date(2026, 3, 4),
         {"hearing_date": dt.date(2026, 3, 25), "start_time": "09:00", "room_id": room,
          "presiding_id": arb[0], "member_ids": arb[1:]}),
    ):  # fmt: skip
        with site.database("clerk").write() as x:
            wf.apply_transition(x, a["clerk"], cid, code, fields, expected_version=None, on=on)
    with site.database("clerk").read() as x:
        h = x.scalars(select(Hearing).where(Hearing.case_id == cid)).one()
        assert (h.room_id, h.start_minute, len(h.members)) == (room, 540, 3)
    with site.raw("clerk") as con:
        assert _try(
            con, "INSERT INTO hearing_rooms (name, active, updated_at) VALUES ('x', true, now())"
        ).startswith("refused")
        assert _try(con, f"UPDATE arbitrators SET active = false WHERE id = {arb[0]}").startswith("refused")


def test_a_draw_and_its_results_under_the_login_roles(site: Site) -> None:
    """Issue 17 (双随机): the supervisor keeps the pools and draws, a drawn inspector records the
    result, each as their own login role; the other roles' raw attempts are refused."""
    from casemgr.models import Employer
    from casemgr.services import draw_pools, draws

    a, tag = site.actors, uuid.uuid4().hex[:6]
    with site.database("sup").write() as x:
        x.add(Employer(name=f"抽查单位{tag}", district=f"区{tag}"))
        x.flush()
        for who in ("insp", "insp2"):
            draw_pools.save_inspector(x, a["sup"], a[who].user_id or 0, f"证{who}", True)
        item = draw_pools.save_item(x, a["sup"], f"工资支付{tag}", "《劳动保障监察条例》第十一条")
        d = dt.date(2026, 3, 2)
        pid = draws.create_plan(
            x, a["sup"], draws.PlanInput(f"计划{tag}", d, d, (item,), district=f"区{tag}", sample_count=1)
        )
        draws.fix_seed(x, a["sup"], pid, f"seed-{tag}", "门户网站")
        ((_, team),) = draws.draw(x, a["sup"], pid, today=d)
    assert sorted(team) == sorted(a[w].user_id for w in ("insp", "insp2"))
    with site.database("insp").write() as x:
        _, rows = draws.plan_detail(x, draws_viewer, pid)
        draws.record_result(x, a["insp"], rows[0].id, inspected_on=d, result="no_problem", today=TODAY)
    with site.database("aud").read() as x:
        assert draws.verify(x, a["aud"], pid).ok
    with site.raw("insp") as con:
        assert _try(con, f"UPDATE inspection_plans SET seed = 'x' WHERE id = {pid}").startswith("refused")
    with site.raw("clerk") as con:
        assert _try(con, f"UPDATE plan_inspections SET result = 'pending' WHERE plan_id = {pid}").startswith(
            "refused"
        )


def test_grading_under_the_login_roles(site: Site) -> None:
    """Issue 17: an inspector proposes the year's grades and records a fact as their own login
    role; only a supervisor's role may confirm, and the database refuses an inspector who
    writes a confirmed grade by hand."""
    from casemgr.models import EmployerGrade
    from casemgr.queries import grading as gq
    from casemgr.services import grading

    a = site.actors
    with site.database("insp").write() as x:
        result = grading.run(x, a["insp"], 2025, today=dt.date(2026, 11, 23))
    assert sum(result.by_grade.values()) > 0
    with site.database("insp").read() as x:
        gid, employer = x.execute(
            select(EmployerGrade.id, EmployerGrade.employer_id).where(EmployerGrade.year == 2025).limit(1)
        ).one()
    with site.database("insp").write() as x:
        grading.record_fact(x, a["insp"], employer, "obstruction", dt.date(2025, 5, 5), "拒绝检查，现场笔录")
    with site.database("sup").write() as x:
        grading.confirm(x, a["sup"], gid)
    with site.database("sup").read() as x:
        assert gq.latest_confirmed(x, employer) == gq.EmployerGradeInfo(2025, "C")
    with site.raw("insp") as con:
        assert _try(con, f"UPDATE employer_grades SET grade = 'A' WHERE id = {gid}") == "no rows"
        assert _try(
            con, f"UPDATE employer_grades SET status = 'confirmed' WHERE year = 2025 AND id <> {gid}"
        ).startswith("refused")
    with site.raw("clerk") as con:
        assert _try(
            con,
            "INSERT INTO grading_facts (employer_id, kind, occurred_on, note, recorded_at) "
            f"VALUES ({employer}, 'criminal', '2025-01-01', 'x', now())",
        ).startswith("refused")


def test_project_register_under_the_login_roles(site: Site) -> None:
    """Issue 17: an inspector registers a project and links a complaint as their own login
    role; every role reads the register; a clerk's own INSERT, UPDATE or link is refused by
    the database (project.edit: inspectors and supervisors)."""
    from casemgr.services import projects

    a = site.actors
    with site.database("insp").write() as x:
        pid = projects.save_project(
            x,
            a["insp"],
            projects.ProjectInput(name=f"工程{uuid.uuid4().hex[:6]}", start_on=dt.date(2026, 5, 1)),
        ).id
        cid = cases.register_case(x, a["insp"], case_input(CaseKind.INSPECTION, n=17)).id
        projects.link_complaint(x, a["insp"], cid, pid)
    for user in PEOPLE:
        with site.raw(user) as con:
            seen = con.execute(f"SELECT count(*) FROM projects p JOIN project_complaints c ON c.project_id = p.id "
                               f"WHERE p.id = {pid}").fetchone()  # fmt: skip
            assert seen is not None and seen[0] == 1, user
    with site.raw("clerk") as con:
        assert _try(con, "INSERT INTO projects (name, status, created_at, updated_at, version) "
                         "VALUES ('x', 'building', now(), now(), 1)").startswith("refused")  # fmt: skip
        assert _try(con, f"UPDATE projects SET name = 'x' WHERE id = {pid}").startswith("refused")
        assert _try(con, f"DELETE FROM project_complaints WHERE case_id = {cid}").startswith("refused")
    with site.raw("sup") as con:
        assert _try(con, f"UPDATE projects SET note = 'x' WHERE id = {pid}") == "ok"
