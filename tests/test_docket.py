"""The 开庭排期表 (issue 15): gathered for the acting user, masked as the role requires, printed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from casemgr.enums import Role
from casemgr.errors import ValidationError
from casemgr.reports import docket as docket_pdf
from casemgr.services import docket as docket_service
from casemgr.services import hearings
from tests import helpers
from tests.test_hearings import DAY, _case, _tribunal, schedule

TODAY = helpers.TODAY
pytestmark = pytest.mark.usefixtures("roster")


@pytest.fixture
def roster(database, actors):
    admin = actors[Role.ADMIN]
    with database.write() as s:
        rooms = [hearings.save_room(s, admin, name=f"第{x}仲裁庭", location="三楼").id for x in "一二三"]
        arb = [
            hearings.save_arbitrator(s, admin, name=n).id
            for n in ("赵一", "钱二", "孙三", "李四", "周五", "吴六")
        ]
    return rooms, arb


@pytest.fixture
def week(database, actors, roster):
    """Three hearings on Thu 12-10 (two rooms), one on Fri 12-11, one withdrawn case's hearing."""
    rooms, arb = roster
    clerk = actors[Role.CLERK]
    ids = [_case(database, clerk, n) for n in range(1, 6)]
    schedule(database, clerk, ids[0], start_time="14:00", room_id=rooms[0], **_tribunal(arb, 0))
    schedule(
        database,
        clerk,
        ids[1],
        start_time="09:00",
        duration_minutes=90,
        room_id=rooms[0],
        **_tribunal(arb, 3),
    )
    schedule(database, clerk, ids[2], start_time="09:00", room_id=rooms[1], **_tribunal(arb, 0))
    schedule(
        database, clerk, ids[3], hearing_date=DAY + dt.timedelta(days=1), start_time="10:00", room_id=rooms[1]
    )
    schedule(database, clerk, ids[4], start_time="16:30", room_id=rooms[0])
    from casemgr.services import workflow as wf

    with database.write() as s:
        wf.apply_transition(s, clerk, ids[4], "withdraw", {"reason": "和解"}, expected_version=None, on=TODAY)
    return ids


def test_week_in_time_order_with_parties_and_tribunal(database, actors, week) -> None:
    first, last = docket_service.week_of(DAY)
    assert (first, last) == (dt.date(2026, 12, 7), dt.date(2026, 12, 13))
    with database.read() as s:
        d = docket_service.docket(s, actors[Role.CLERK], first, last, today=TODAY)
    assert [(e.hearing_date.day, e.start, e.end, e.room) for e in d.entries] == [
        (10, "09:00", "10:30", "第一仲裁庭"),
        (10, "09:00", "11:00", "第二仲裁庭"),
        (10, "14:00", "16:00", "第一仲裁庭"),
        (11, "10:00", "12:00", "第二仲裁庭"),
    ]  # the withdrawn case's 16:30 hearing is gone
    e = d.entries[0]
    assert e.applicants == ("工人2-0",) and e.respondents == ("汕尾测试用人单位2",)
    assert e.tribunal == (("presiding", "李四"), ("member", "周五"), ("member", "吴六"))
    assert e.state == "scheduled" and not d.masked
    rooms = d.by_room()  # every active room, an empty one too (the screen's columns)
    assert set(rooms) == {"第一仲裁庭", "第二仲裁庭", "第三仲裁庭"} and rooms["第三仲裁庭"] == []
    assert [x.start for x in rooms["第一仲裁庭"]] == ["09:00", "14:00"]


def test_names_masked_for_a_role_without_personal_data(database, actors, week) -> None:
    with database.read() as s:
        d = docket_service.docket(s, actors[Role.AUDITOR], DAY, today=TODAY)
    assert d.masked and {e.applicants for e in d.entries} == {("工****",)}
    assert all(e.respondents[0].startswith("汕尾测试用人单位") for e in d.entries)  # employers in full


def test_range_is_checked_and_the_read_needs_case_view(database, actors) -> None:
    with database.read() as s:
        with pytest.raises(ValidationError):
            docket_service.docket(s, actors[Role.CLERK], DAY, DAY - dt.timedelta(days=1))
        with pytest.raises(ValidationError):
            docket_service.docket(s, actors[Role.CLERK], DAY, DAY + dt.timedelta(days=31))
        assert docket_service.docket(s, actors[Role.CLERK], DAY, today=TODAY).entries == ()


def test_a_past_unrecorded_hearing_is_not_shown_as_held(database, actors, week) -> None:
    with database.read() as s:
        d = docket_service.docket(s, actors[Role.CLERK], DAY, today=DAY + dt.timedelta(days=2))
    assert {e.state for e in d.entries} == {"awaiting_record"}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_prints_every_hearing(database, actors, week, tmp_path: Path) -> None:
    with database.read() as s:
        d = docket_service.docket(s, actors[Role.CLERK], *docket_service.week_of(DAY), today=TODAY)
    content = docket_pdf.pdf_bytes(d)
    if out_dir := os.environ.get("CASEMGR_KEEP_PDF"):  # to look at it: pdftoppm -r 60 -png
        Path(out_dir, "docket.pdf").write_bytes(content)
    assert content.startswith(b"%PDF")
    pdf = tmp_path / docket_pdf.filename(d)
    pdf.write_bytes(content)
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    text = "".join(out.stdout.split())
    assert "开庭排期表" in text and "2026年12月7日（星期一）至2026年12月13日（星期日）" in text
    assert "2026年12月10日（星期四）共3庭" in text and "2026年12月11日（星期五）共1庭" in text
    assert "09:00–10:30" in text and "李四（首席）" in text and "汕劳人仲案字〔2026〕" in text
    assert "打印时间" in text and "北京时间" in text
