"""Issue 13 (part A): a reporter's (举报人) identity leaks through no read path.

A 举报 is registered through the new-case dialog a user uses; then a mediator, a clerk,
another inspector and the auditor walk every list, search, look-up, the board, the case
file, the monthly report (JSON, PDF text, xlsx), the ledger export, notices and the audit
view. The reporter's name, ID number (whole or masked) and phone must appear nowhere, and
counts must not give the reporter away either. The ``database`` fixture runs this on
PostgreSQL too (as the owner: what the program itself shows; the database roles are
tested in ``tests/test_pg_roles.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from casemgr import db, privacy, queries
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ComplaintType, PartyRole, Role
from casemgr.errors import NotFoundError, PermissionDenied
from casemgr.io import ledger_export
from casemgr.metrics import report as mr
from casemgr.models import AuditEntry, Case, CaseParty
from casemgr.reports import monthly
from casemgr.services import months, notices, parties
from tests.conftest import make_user
from tests.helpers import TODAY, make_id, make_uscc

LATER = TODAY + dt.timedelta(days=38)
NAME = "蓝举报"
ID_NUMBER = make_id(9137)
PHONE = "13987651234"
SECRETS = (
    NAME,
    ID_NUMBER,
    PHONE,
    privacy.mask_id_number(ID_NUMBER) or "",
    privacy.mask_phone(PHONE) or "",
    NAME[:2],
)


def leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s and s in text]


def _text(obj: Any) -> str:
    """Everything a value holds, as text (dataclasses and containers included)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        obj = dataclasses.asdict(obj)
    return json.dumps(obj, ensure_ascii=False, default=str)


def register_report_through_dialog(qtbot: QtBot, database: db.Database, actor: Actor) -> int:
    from ui.app import AppContext
    from ui.newcase import NewCaseDialog

    ctx = AppContext(database, actor, actor.username)
    dlg = NewCaseDialog(ctx, CaseKind.INSPECTION)
    qtbot.addWidget(dlg)
    dlg.complaint_type.setCurrentIndex(dlg.complaint_type.findData(ComplaintType.REPORT.value))
    dlg.employer_name.setText("汕尾市被举报有限公司")
    dlg.district.setCurrentIndex(dlg.district.findData("城区"))
    dlg.uscc.setText(make_uscc(9137))
    w = dlg.worker_rows[0]
    w.name.setText(NAME)
    w.id_number.setText(ID_NUMBER)
    w.phone.setText(PHONE)
    w.migrant.setChecked(True)  # a migrant's wages: green channel, so the report lists the case
    dlg.claim_rows[0].amount.setText("8,800.00")
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as blocker:
        dlg.submit()
    # The form's debounce timers (flags, duplicates) would start more reads later, on a
    # connection that may outlive the test's database: stop them, then let the runner drain.
    from PySide6.QtCore import QTimer

    for timer in dlg.findChildren(QTimer):
        timer.stop()
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    ctx.runner.wait_all()
    return int(blocker.args[0])


def test_a_report_registered_through_the_dialog_stores_a_reporter(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    case_id = register_report_through_dialog(qtbot, database, actors[Role.INSPECTOR])
    with database.read() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.complaint_type == ComplaintType.REPORT.value
        roles = [cp.role for cp in s.execute(select(CaseParty).where(CaseParty.case_id == case_id)).scalars()]
    assert PartyRole.REPORTER.value in roles
    assert PartyRole.COMPLAINANT.value not in roles


def _pdf_text(data: mr.ReportData, tmp: Path) -> str:
    out = tmp / "report.pdf"
    monthly.build_pdf(data, out, lang="zh")
    if shutil.which("pdftotext") is None:  # the data the PDF is drawn from, then
        return _text(mr.to_json(data)) + _text(monthly.story.__name__)
    return subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout


def _xlsx_text(data: mr.ReportData) -> str:
    from openpyxl import load_workbook

    buf = io.BytesIO()
    monthly.build_xlsx(data, buf, lang="zh")
    buf.seek(0)
    wb = load_workbook(buf)
    return "\n".join(
        str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None
    )


def walk(database: db.Database, actor: Actor, case_id: int, tmp: Path, person_id: int) -> dict[str, str]:
    """What this actor can read about the case through every read path, as text per path."""
    seen: dict[str, str] = {}
    with database.read() as s:
        for kind in (None, *CaseKind):
            q = queries.CaseQuery(kind=kind, today=TODAY)
            seen[f"list {kind}"] = _text(q.page(s, 0, 500))
        for term in (NAME, NAME[:2], ID_NUMBER, ID_NUMBER[:8], PHONE):
            q = queries.CaseQuery(today=TODAY).with_search(term)
            rows = q.page(s, 0, 500)
            seen[f"search {term}"] = _text(rows)
            # counts give the reporter away too: no case is found through the reporter, and
            # the count is the rows shown (other people may share an ID number's prefix)
            assert case_id not in [r.id for r in rows], (actor.role, term)
            assert q.count(s) == len(rows), (actor.role, term)
            if term in (NAME, ID_NUMBER, PHONE):
                assert not rows, (actor.role, term)
        seen["case file"] = _text(queries.case_detail(s, actor, case_id))
        seen["parties"] = _text(privacy.party_views(s, actor, case_id))
        seen["board"] = _text(queries.deadline_board(s, today=TODAY))
        seen["own board"] = _text(queries.deadline_board(s, today=TODAY, user_id=actor.user_id))
        dups = queries.likely_duplicates(s, CaseKind.INSPECTION, [ID_NUMBER], make_uscc(9137), None)
        assert not dups, actor.role  # "this worker has an open case here" would say who reported
        seen["duplicates"] = _text(dups)
        seen["employer cases"] = _text(
            queries.CaseQuery(filters=queries.CaseFilters(employer_id=_employer(s, case_id))).page(s, 0, 50)
        )
    with database.write() as s:
        match = queries.find_person_by_id_number(s, actor, ID_NUMBER)
        seen["id lookup"] = _text(match)
    with database.read() as s:
        try:
            seen["notice"] = _text(notices.notice_data(s, actor, case_id, "insp_order", today=TODAY))
        except PermissionDenied as exc:
            seen["notice refused"] = exc.zh + exc.en
        try:
            seen["party form"] = _text(queries.party_for_edit(s, actor, "person", person_id))
        except (PermissionDenied, NotFoundError) as exc:
            seen["party form refused"] = exc.zh + exc.en
    try:
        with database.write() as s:
            parties.correct_person(s, actor, person_id, {"name": "改名"}, expected_version=None)
        seen["rename"] = "renamed"
    except (PermissionDenied, NotFoundError) as exc:
        seen["rename refused"] = exc.zh + exc.en
    with database.read() as s:
        try:
            # a month later the 举报's first clock has run out: the overdue list names it
            data = months.report_data(s, actor, LATER.year, LATER.month, today=LATER)
        except PermissionDenied as exc:
            seen["report refused"] = exc.zh + exc.en
        else:
            seen["report json"] = json.dumps(mr.to_json(data), ensure_ascii=False)
            seen["report pdf"] = _pdf_text(data, tmp)
            seen["report xlsx"] = _xlsx_text(data)
            assert data.overdue_list.rows, "the report must list the case for this walk to mean anything"
        try:
            seen["audit"] = _text(privacy.browse_audit(s, actor, limit=1000))
            seen["audit case"] = _text(privacy.browse_audit(s, actor, case_id=case_id))
        except PermissionDenied as exc:
            seen["audit refused"] = exc.zh + exc.en
    for suffix in (".xlsx", ".csv"):
        out = tmp / f"export-{actor.username}{suffix}"
        ledger_export.export_cases(database, actor, out, ledger_export.ExportFilter())
        if suffix == ".csv":
            seen["export csv"] = out.read_text(encoding="utf-8-sig")
        else:
            from openpyxl import load_workbook

            wb = load_workbook(out)
            seen["export xlsx"] = "\n".join(
                str(c)
                for ws in wb.worksheets
                for r in ws.iter_rows(values_only=True)
                for c in r
                if c is not None
            )
    return seen


def _employer(s: Any, case_id: int) -> int:
    case = s.get(Case, case_id)
    assert case is not None and case.employer_id is not None
    return int(case.employer_id)


def _reporter_person(s: Any, case_id: int) -> int:
    return int(
        s.execute(
            select(CaseParty.person_id).where(CaseParty.case_id == case_id, CaseParty.person_id.is_not(None))
        ).scalar_one()
    )


def test_nobody_else_sees_the_reporter_anywhere(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    handler = actors[Role.INSPECTOR]
    case_id = register_report_through_dialog(qtbot, database, handler)
    with database.read() as s:
        person_id = _reporter_person(s, case_id)
    other = make_user(database, Role.INSPECTOR, "inspector2")
    for actor in (actors[Role.MEDIATOR], actors[Role.CLERK], other, actors[Role.AUDITOR], actors[Role.ADMIN]):
        seen = walk(database, actor, case_id, tmp_path, person_id)
        found = {path: leaks(text) for path, text in seen.items() if leaks(text)}
        assert not found, (actor.role, actor.username, found)
        assert "rename" not in seen, actor.role
    with database.read() as s:  # the rename was refused: the reporter's record is unchanged
        views = privacy.reporter_identity(s, handler, case_id)
    assert [v.name for v in views] == [NAME]


def test_the_handler_and_the_supervisor_see_the_reporter_only_audited(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    handler = actors[Role.INSPECTOR]
    case_id = register_report_through_dialog(qtbot, database, handler)
    for actor in (handler, actors[Role.SUPERVISOR]):
        with database.write() as s:
            before = s.execute(
                select(AuditEntry.id).where(
                    AuditEntry.action == "reporter.view", AuditEntry.user_id == actor.user_id
                )
            ).all()
            views = privacy.party_views(s, actor, case_id, reveal=True)
        assert [v.name for v in views if v.role == PartyRole.REPORTER.value] == [NAME]
        with database.read() as s:
            after = s.execute(
                select(AuditEntry.id).where(
                    AuditEntry.action == "reporter.view", AuditEntry.user_id == actor.user_id
                )
            ).all()
        assert len(after) == len(before) + 1
        # without a reveal the case file shows no name, even to them
        with database.read() as s:
            assert not leaks(_text(queries.case_detail(s, actor, case_id)))
            assert not leaks(_text(queries.CaseQuery(today=TODAY).page(s, 0, 100)))


def test_the_id_lookup_returns_a_masked_match_and_is_audited(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    officer = actors[Role.CLERK]
    with database.write() as s:
        parties.find_or_register_person(
            s, actors[Role.SUPERVISOR], parties.PersonInput("普通工人", make_id(5151), "13811112222")
        )
    with database.write() as s:
        match = queries.find_person_by_id_number(s, officer, make_id(5151))
    assert match is not None and match.name == "普通工人"
    assert match.phone == privacy.mask_phone("13811112222") and "13811112222" not in _text(match)
    assert match.id_number != make_id(5151)
    with database.read() as s:
        looked_up = (
            s.execute(
                select(AuditEntry.entity_id).where(
                    AuditEntry.action == "person.lookup", AuditEntry.user_id == officer.user_id
                )
            )
            .scalars()
            .all()
        )
    assert looked_up == [str(match.id)]
    with database.write() as s:  # a number not on file: nothing found, nothing to audit
        assert queries.find_person_by_id_number(s, officer, make_id(5152)) is None


def test_report_needs_report_generate(database: db.Database, actors: dict[Role, Actor]) -> None:
    with database.read() as s:
        for role in (Role.MEDIATOR, Role.CLERK, Role.INSPECTOR):
            with pytest.raises(PermissionDenied):
                months.report_data(s, actors[role], TODAY.year, TODAY.month, today=TODAY)
        data = months.report_data(s, actors[Role.SUPERVISOR], TODAY.year, TODAY.month, today=TODAY)
    assert data.month == f"{TODAY.year}-{TODAY.month:02d}"


def test_the_service_stores_a_report_complainant_as_a_reporter(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    """Whatever sends "complainant" on a 举报 (a form, an import), the link says reporter."""
    from casemgr.services import cases
    from tests.helpers import case_input

    base = case_input(CaseKind.INSPECTION, n=11)
    data = dataclasses.replace(
        base,
        complaint_type=ComplaintType.REPORT,
        persons=[cases.PartyLink(parties.PersonInput("某举报", make_id(611)), PartyRole.COMPLAINANT)],
    )
    with database.write() as s:
        case_id = cases.register_case(s, actors[Role.INSPECTOR], data).id
    with database.read() as s:
        roles = {cp.role for cp in s.execute(select(CaseParty).where(CaseParty.case_id == case_id)).scalars()}
    assert PartyRole.REPORTER.value in roles and PartyRole.COMPLAINANT.value not in roles


def test_older_rows_with_a_complainant_on_a_report_are_hidden_too(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    """Rows written before the reporter role was enforced (a complainant on a 举报) are as
    confidential as a reporter: lists, search, reports and the case file hide them. They are
    not rewritten by a migration: their audited states (casemgr.auditstate) would no longer
    match and ``audit verify`` would report tampering."""
    from casemgr.services import cases
    from tests.helpers import case_input

    data = dataclasses.replace(
        case_input(CaseKind.INSPECTION, n=12, received_on=TODAY, employer_n=9137),
        complaint_type=ComplaintType.REPORT,
        persons=[
            cases.PartyLink(
                parties.PersonInput(NAME, ID_NUMBER, PHONE, migrant_worker=True), PartyRole.REPORTER
            )
        ],
    )
    with database.write() as s:
        case_id = cases.register_case(s, actors[Role.INSPECTOR], data).id
    with database.write() as s:  # as an older version stored it
        link = s.execute(
            select(CaseParty).where(CaseParty.case_id == case_id, CaseParty.person_id.is_not(None))
        ).scalar_one()
        link.role = PartyRole.COMPLAINANT.value
        person_id = int(link.person_id)
    for actor in (actors[Role.MEDIATOR], actors[Role.AUDITOR]):
        seen = walk(database, actor, case_id, tmp_path, person_id)
        found = {path: leaks(text) for path, text in seen.items() if leaks(text)}
        assert not found, (actor.role, found)


def _report_case(database: db.Database, actors: dict[Role, Actor], n: int) -> int:
    from casemgr.services import cases
    from tests.helpers import case_input

    data = dataclasses.replace(
        case_input(CaseKind.INSPECTION, n=n, received_on=TODAY),
        complaint_type=ComplaintType.REPORT,
        persons=[cases.PartyLink(parties.PersonInput(NAME, ID_NUMBER, PHONE), PartyRole.REPORTER)],
        assigned_user_id=actors[Role.INSPECTOR].user_id,
    )
    with database.write() as s:
        return cases.register_case(s, actors[Role.INSPECTOR], data).id


def test_reclassifying_a_report_as_a_complaint_needs_a_supervisor_and_is_audited(
    database: db.Database, actors: dict[Role, Actor], capsys: pytest.CaptureFixture[str]
) -> None:
    from casemgr import audit
    from casemgr.cli import main
    from casemgr.services.workflow import apply_transition

    with database.write() as s:  # the fixture's users, as if created by the app (audited)
        for a in actors.values():
            audit.record(
                s, user_id=None, username="system", action="user.create", entity="user", entity_id=a.user_id
            )
    case_id = _report_case(database, actors, 21)
    handler = actors[Role.INSPECTOR]
    with database.write() as s, pytest.raises(PermissionDenied) as exc:
        apply_transition(
            s, handler, case_id, "accept", {"complaint_type": "complaint"}, expected_version=None
        )
    assert NAME not in exc.value.zh + exc.value.en
    with database.read() as s:  # refused: nothing written
        case = s.get(Case, case_id)
        assert case is not None and case.complaint_type == "report" and case.status == "received"
    with database.write() as s:
        apply_transition(
            s,
            actors[Role.SUPERVISOR],
            case_id,
            "accept",
            {"complaint_type": "complaint"},
            expected_version=None,
        )
    with database.read() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.complaint_type == "complaint"
        roles = {cp.role for cp in s.execute(select(CaseParty).where(CaseParty.case_id == case_id)).scalars()}
        assert PartyRole.COMPLAINANT.value in roles and PartyRole.REPORTER.value not in roles
        entries = s.execute(
            select(AuditEntry.action, AuditEntry.before, AuditEntry.after).where(
                AuditEntry.entity == "case", AuditEntry.entity_id == str(case_id)
            )
        ).all()
    reclass = [(json.loads(b), json.loads(a)) for act, b, a in entries if act == "case.reclassify"]
    assert len(reclass) == 1
    assert reclass[0][0] == {"complaint_type": "report"}
    assert reclass[0][1]["complaint_type"] == "complaint"
    step = [(json.loads(b), json.loads(a)) for act, b, a in entries if act == "case.transition.accept"]
    assert step[0][0]["complaint_type"] == "report" and step[0][1]["complaint_type"] == "complaint"
    # the snapshot with complaint_type keeps `audit verify` intact
    assert main(["--db", database.url, "audit", "verify"]) == 0, capsys.readouterr()


def test_the_handler_may_keep_a_complaint_confidential_as_a_report(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    from casemgr.services import cases
    from casemgr.services.workflow import apply_transition
    from tests.helpers import case_input

    handler = actors[Role.INSPECTOR]
    with database.write() as s:
        case_id = cases.register_case(s, handler, case_input(CaseKind.INSPECTION, n=22, received_on=TODAY)).id
    with database.write() as s:
        apply_transition(s, handler, case_id, "accept", {"complaint_type": "report"}, expected_version=None)
    with database.read() as s:
        roles = {cp.role for cp in s.execute(select(CaseParty).where(CaseParty.case_id == case_id)).scalars()}
        actions = (
            s.execute(
                select(AuditEntry.action).where(
                    AuditEntry.entity == "case", AuditEntry.entity_id == str(case_id)
                )
            )
            .scalars()
            .all()
        )
    assert PartyRole.REPORTER.value in roles and PartyRole.COMPLAINANT.value not in roles
    assert "case.reclassify" in actions


def test_audit_verify_accepts_entries_written_before_complaint_type_was_in_the_snapshot(
    database: db.Database,
    actors: dict[Role, Actor],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Existing databases hold case snapshots without ``complaint_type``: verify compares
    only the fields an entry recorded, so they stay intact (and a later change is caught)."""
    from casemgr import audit, snapshots
    from casemgr.cli import main
    from casemgr.services import cases as cases_mod

    def old_snapshot(case: Case) -> dict[str, object]:
        snap = snapshots.case_snapshot(case)
        snap.pop("complaint_type")
        return snap

    with database.write() as s:
        for a in actors.values():
            audit.record(
                s, user_id=None, username="system", action="user.create", entity="user", entity_id=a.user_id
            )
    monkeypatch.setattr(cases_mod, "case_snapshot", old_snapshot)  # as the previous version wrote
    case_id = _report_case(database, actors, 23)
    monkeypatch.undo()
    with database.read() as s:
        after = s.execute(
            select(AuditEntry.after).where(
                AuditEntry.action == "case.register", AuditEntry.entity_id == str(case_id)
            )
        ).scalar_one()
    assert "complaint_type" not in json.loads(after)
    assert main(["--db", database.url, "audit", "verify"]) == 0, capsys.readouterr()


def test_registering_a_hidden_reporter_again_gives_the_neutral_message(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    """As on PostgreSQL (tests/test_pg_roles.py): reusing the record would show the
    reporter's name on file in the new case; the message says neither who nor why."""
    from casemgr.errors import ValidationError
    from casemgr.services import cases
    from tests.helpers import case_input

    _report_case(database, actors, 24)
    data = dataclasses.replace(
        case_input(CaseKind.MEDIATION, n=25, received_on=TODAY),
        persons=[cases.PartyLink(parties.PersonInput("某人", ID_NUMBER), PartyRole.APPLICANT)],
    )
    with pytest.raises(ValidationError) as err, database.write() as s:
        cases.register_case(s, actors[Role.MEDIATOR], data)
    assert err.value.field == "id_number"
    assert (
        not leaks(err.value.zh + err.value.en) and "举报" not in err.value.zh and "report" not in err.value.en
    )
    with database.write() as s:  # the handler may (they see the reporter)
        cases.register_case(s, actors[Role.SUPERVISOR], data)


def test_the_audit_trail_itself_never_records_who_reported(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    """Raw, not through the audit view: the trail is append-only and read by every
    audit.view login on PostgreSQL, so a reporter's identity written there could never be
    withdrawn. The handler corrects the reporter's phone and name; the entries say which
    fields changed, and ``audit verify`` still covers the row (its recorded state)."""
    handler = actors[Role.INSPECTOR]
    case_id = register_report_through_dialog(qtbot, database, handler)
    with database.read() as s:
        person_id = _reporter_person(s, case_id)
    with database.write() as s:
        parties.correct_person(s, handler, person_id, {"phone": "13700007777"}, expected_version=None)
    with database.write() as s:
        parties.correct_person(s, handler, person_id, {"name": "蓝举报改"}, expected_version=None)
    with database.write() as s:
        privacy.party_views(s, handler, case_id, reveal=True)
    with database.read() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.before, AuditEntry.after)).all()
    text = "\n".join(f"{a} {b} {c}" for a, b, c in rows)
    assert not leaks(text) and "13700007777" not in text and "蓝举报改" not in text
    updates = [json.loads(c) for a, _b, c in rows if a == "person.update"]
    assert [u["changed"] for u in updates] == [["phone"], ["name"]]
    assert "reporter.view" in {a for a, _b, _c in rows}


def test_the_case_file_offers_the_reporter_to_the_handler_only_and_audits_the_look(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    """The desktop had no way to see a reporter at all: the handling inspector (and a
    supervisor) get "Show reporter…", which asks the service (audited as reporter.view);
    another inspector gets no such button."""
    from ui.app import AppContext
    from ui.casefile import CaseFileWindow

    handler = actors[Role.INSPECTOR]
    case_id = register_report_through_dialog(qtbot, database, handler)
    other = make_user(database, Role.INSPECTOR, "inspector2")
    opened = []
    for actor in (handler, other):
        ctx = AppContext(database, actor, actor.username)
        win = CaseFileWindow(ctx, case_id)
        qtbot.addWidget(win)
        qtbot.waitUntil(lambda w=win: w.detail is not None, timeout=10_000)
        qtbot.waitUntil(lambda c=ctx: c.runner.pending == 0, timeout=10_000)
        opened.append((actor, ctx, win))
    (_, hctx, hwin), (_, octx, owin) = opened
    assert "@reporter" not in owin.action_buttons
    assert "@reporter" in hwin.action_buttons
    with database.read() as s:
        before = len(s.execute(select(AuditEntry.id).where(AuditEntry.action == "reporter.view")).all())
    hwin.action_buttons["@reporter"].click()
    qtbot.waitUntil(lambda: getattr(hwin, "reporter_box", None) is not None, timeout=10_000)
    assert NAME in hwin.reporter_box.text() and PHONE in hwin.reporter_box.text()
    hwin.reporter_box.close()
    with database.read() as s:
        after = len(s.execute(select(AuditEntry.id).where(AuditEntry.action == "reporter.view")).all())
    assert after == before + 1
    for ctx in (hctx, octx):
        qtbot.waitUntil(lambda c=ctx: c.runner.pending == 0, timeout=10_000)
        ctx.runner.wait_all()
