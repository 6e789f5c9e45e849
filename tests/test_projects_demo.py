"""The demo's project register (issue 17): every colour is there, and the complaints linked
to the first projects name the project's 总包 as their employer."""

from __future__ import annotations

from sqlalchemy import select

from casemgr import db, demo
from casemgr.actor import Actor
from casemgr.demo.projects import PROJECTS
from casemgr.enums import Role
from casemgr.models import Case, ProjectComplaint
from casemgr.queries import projects as pq
from casemgr.services import project_warning as pw
from tests.helpers import TODAY


def test_the_demo_register_shows_every_colour(database: db.Database) -> None:
    # 300: below that the showcase of every workflow stage (issue 21 added stages) leaves no open complaint.
    demo.generate(database, cases=300, seed=7, today=TODAY)
    with database.read() as s:
        rows = pq.ProjectQuery(today=TODAY).page(s, 0, 100)
        assert len(rows) == len(PROJECTS)
        assert {r.level for r in rows} == {pw.RED, pw.ORANGE, pw.YELLOW, pw.NONE}
        links = list(s.execute(select(ProjectComplaint.case_id, ProjectComplaint.project_id)))
        assert links, "open complaints are linked to projects"
        viewer = Actor(None, "system", Role.ADMIN)
        for case_id, _pid in links:
            seen = pq.case_project(s, viewer, case_id, TODAY)
            case = s.get(Case, case_id)
            assert seen is not None and case is not None and case.employer is not None
            assert seen.general_contractor is not None and seen.general_contractor.uscc == case.employer.uscc
            assert seen.assessment.level == pw.RED  # an open complaint
