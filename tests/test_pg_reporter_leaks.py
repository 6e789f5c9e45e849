"""Issue 13 part A on PostgreSQL with one login role per user: the walk of
``tests/test_reporter_leaks.py`` as each user's own database login, plus raw SQL.

The 举报 is registered through the new-case dialog by the inspector it is assigned to,
connected as their own login role (the database set up as docs/deployment.md says, by the
``site`` fixture of tests/test_pg_roles.py). Then the mediator, the clerk, another inspector
and the auditor, each through their own login, walk every list, search, look-up, the
board, the report (JSON, PDF text, xlsx), the export and the audit view; and in raw SQL
(what anyone with their password could type into psql) look for the reporter's name, ID
number and phone in every table that could hold them.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from casemgr.models import CaseParty
from tests.conftest import on_postgres
from tests.test_pg_roles import Site, site  # noqa: F401  (the module's fixture)
from tests.test_reporter_leaks import ID_NUMBER, NAME, PHONE, leaks, register_report_through_dialog, walk

pytestmark = on_postgres

#: Every column that holds a person's identity, or text in which it could be copied.
RAW_READS = {
    "persons": "SELECT count(*) FROM persons WHERE name = %(n)s OR id_number = %(i)s OR phone = %(p)s",
    "search grams": "SELECT count(*) FROM search_grams WHERE gram = %(g)s",
    "audit": "SELECT count(*) FROM audit_entries WHERE before LIKE %(ln)s OR after LIKE %(ln)s "
    "OR before LIKE %(li)s OR after LIKE %(li)s",
    "events": "SELECT count(*) FROM events WHERE data LIKE %(ln)s OR note LIKE %(ln)s",
}


def test_nobody_else_sees_the_reporter_on_postgresql(
    qtbot: QtBot,
    site: Site,  # noqa: F811
    tmp_path: Path,
) -> None:
    handler = site.actors["insp"]
    case_id = register_report_through_dialog(qtbot, site.database("insp"), handler)
    with site.database("insp").read() as s:  # the handler's login sees the link
        person_id = s.execute(
            select(CaseParty.person_id).where(CaseParty.case_id == case_id, CaseParty.person_id.is_not(None))
        ).scalar_one()
    params = {"n": NAME, "i": ID_NUMBER, "p": PHONE, "g": NAME[:2], "ln": f"%{NAME}%", "li": f"%{ID_NUMBER}%"}
    for user in ("med", "clerk", "insp2", "aud"):
        seen = walk(site.database(user), site.actors[user], case_id, tmp_path, int(person_id))
        found = {path: leaks(text) for path, text in seen.items() if leaks(text)}
        assert not found, (user, found)
        with site.raw(user) as con:
            for what, sql in RAW_READS.items():
                if what == "audit" and user != "aud":
                    continue  # only audit.view roles read the trail at all (tests/test_pg_roles.py)
                (n,) = con.execute(sql, params).fetchone()
                assert n == 0, (user, what, n)
    # the same reads find the reporter for the handler: the raw checks above can fail
    with site.raw("insp") as con:
        (n,) = con.execute(RAW_READS["persons"], params).fetchone()
    assert n == 1
