"""The bureau's clock: Beijing days, a pinned day for tests, and a moved machine clock in ./test."""

from __future__ import annotations

import datetime as dt
import os

import pytest
import time_machine

from casemgr import clock
from casemgr.cli import main
from tests.helpers import TODAY


def test_the_suite_runs_on_its_own_day() -> None:
    assert clock.today() == TODAY
    with clock.pinned(dt.date(2030, 2, 3)):
        assert clock.today() == dt.date(2030, 2, 3)
    assert clock.today() == TODAY


def test_the_moved_machine_clock_is_really_moved() -> None:
    """./test's second and third runs move every Python clock; if the move silently did nothing,
    those runs would prove nothing about date-dependence."""
    moved = os.environ.get("CASEMGR_TEST_CLOCK")
    if moved is None:
        assert abs(dt.datetime.now(dt.UTC) - clock.now()) < dt.timedelta(seconds=5)
        return
    target = dt.datetime.fromisoformat(moved)
    assert abs(clock.now() - target) < dt.timedelta(hours=1)
    assert dt.date.today() != TODAY


def test_today_is_the_beijing_date_whatever_the_machine_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEMGR_TODAY")
    # 17:30 UTC on 30 November is 01:30 on 1 December in Beijing: a registration made then is
    # dated 1 December, as the clerk's wall clock says.
    with time_machine.travel(dt.datetime(2026, 11, 30, 17, 30, tzinfo=dt.UTC), tick=False):
        assert clock.today() == dt.date(2026, 12, 1)
        assert clock.local(clock.now()).strftime("%H:%M") == "01:30"
    with time_machine.travel(dt.datetime(2026, 11, 30, 15, 59, tzinfo=dt.UTC), tick=False):
        assert clock.today() == dt.date(2026, 11, 30)
    assert clock.start_of_day(dt.date(2026, 12, 1)) == dt.datetime(2026, 11, 30, 16, 0, tzinfo=dt.UTC)


def test_a_malformed_simulated_date_is_refused_before_anything_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CASEMGR_TODAY", "2026-13-01")
    assert main(["--db", "/nonexistent/x.db", "audit", "verify"]) == 2
    assert "CASEMGR_TODAY" in capsys.readouterr().err
