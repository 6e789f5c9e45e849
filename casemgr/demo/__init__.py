"""Demo data for 汕尾: realistic parties and cases walked through the real workflow.

Why it is built this way:

* Every case is registered with :func:`casemgr.services.cases.register_case` and moved on
  with :func:`casemgr.services.workflow.apply_transition` (and the payment, extension and
  hand-over services) on realistic dates, so demo data obeys exactly the rules real data
  obeys: clocks, audit entries, events and statuses are what the services produce, never
  a hand-made imitation. A step the services refuse (a guard, a calendar year not yet
  imported) leaves the case where it was, as it would a clerk.
* Everything comes from one ``random.Random(seed)`` and a fixed ``today``, so the same
  seed and day give the same cases, names and numbers (tests and screenshots rely on it).
* Identifiers are valid: resident ID numbers carry real 汕尾 (or migrant workers' home
  province) region codes, a real birth date and the GB 11643 check character; credit codes
  carry the GB 11714 organisation-code check and the GB 32100 check character.
* Staff accounts are created through :mod:`casemgr.services.users`. A fresh database becomes
  a *demo database* (marked by a setting, shown in every title bar) whose accounts have the
  fixed passwords the README publishes, with no forced change: a demo is for trying the app.
  A database that already had users never gets a published password (random ones, changed
  at first log-in), see :func:`casemgr.demo.staff.create_staff`.
* Cases are written in batches of one transaction each (one savepoint per step), because a
  commit per case costs an fsync in WAL mode with ``synchronous=FULL``.

Modules: ``identities`` (names, ID numbers, credit codes, addresses), ``staff`` (the
accounts), ``walks`` (a case made and walked through its workflow); :func:`generate` here.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable

from sqlalchemy import func, select

from casemgr import clock
from casemgr.db import Database
from casemgr.demo import showcase
from casemgr.demo.hearings import make_docket
from casemgr.demo.identities import IdentityMaker
from casemgr.demo.projects import make_projects
from casemgr.demo.staff import STAFF, DemoResult, Staff, create_staff
from casemgr.demo.walks import CaseGenerator
from casemgr.enums import CaseKind
from casemgr.models import Case
from casemgr.services import parties

BATCH = 50  # cases per transaction
SHOWCASE_RESERVE = 40  # cases kept for the workflow stages the random walks missed
SHOWCASE_MIN_CASES = 300  # smaller demos (tests) are random walks only
KEY_MONITORED = 6  # employers with the most complaints put under 重点监控
#: Days ago three unpaid collective complaints were received (their employers are listed).
BLACKLISTED_AGO = (320, 150, 95)

KIND_WEIGHTS = ((CaseKind.MEDIATION, 30), (CaseKind.ARBITRATION, 38), (CaseKind.INSPECTION, 32))


def received_dates(rng: random.Random, n: int, today: dt.date, months: int = 18) -> list[dt.date]:
    """``n`` weekdays over the last ``months`` months, in order (a little busier before 春节)."""
    first = today - dt.timedelta(days=int(months * 30.4))
    span = (today - first).days
    out = []
    for _ in range(n):
        d = first + dt.timedelta(days=rng.randint(0, span))
        if d.month in (12, 1) and rng.random() < 0.15:  # the year-end wage rush
            d = d - dt.timedelta(days=rng.randint(0, 20))
        while d.weekday() >= 5:
            d -= dt.timedelta(days=1)
        out.append(max(first, min(d, today)))
    return sorted(out)


def generate(
    database: Database,
    *,
    cases: int,
    seed: int = 2026,
    today: dt.date | None = None,
    show_passwords: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Fill ``database`` with ``cases`` demo cases (hand-overs to arbitration included)."""
    if cases < 0:
        raise ValueError("cases must be >= 0")
    result = DemoResult()
    staff = create_staff(database, result, show_passwords)
    return generate_cases(database, staff, result, cases=cases, seed=seed, today=today, progress=progress)


def generate_cases(
    database: Database,
    staff: Staff,
    result: DemoResult,
    *,
    cases: int,
    seed: int = 2026,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    batch: int = BATCH,
    cancelled: Callable[[], bool] = lambda: False,
    pause: float = 0.0,
) -> DemoResult:
    """The cases, after :func:`create_staff`: split from it so that the desktop can show the
    log-in at once and make the cases on a worker thread. There ``batch`` is small and
    ``pause`` seconds pass between batches: SQLite's busy handler polls a waiting writer
    only every 100 ms, so a writer that starts its next transaction at once would starve
    the user's own log-in or save. ``cancelled`` is asked between batches."""
    today = today or clock.today()
    rng = random.Random(seed)
    ids = IdentityMaker(rng, today)
    dates = received_dates(rng, cases, today)
    kinds = [k for k, _ in KIND_WEIGHTS]
    weights = [w for _, w in KIND_WEIGHTS]
    made = 0
    i = 0
    employers: list[tuple[parties.EmployerInput, bool]] = []
    # The last few cases of a large demo show the workflow stages the random walks missed.
    reserve = SHOWCASE_RESERVE if cases >= SHOWCASE_MIN_CASES else 0

    with database.write() as s:
        docket = make_docket(s, staff.admin)

    def fill(limit: int) -> None:
        nonlocal made, i
        while made < limit and i < len(dates) and not cancelled():
            with database.write() as s:
                gen = CaseGenerator(s, rng, today, staff, ids)
                gen.employers = employers
                gen.docket = docket
                batch_end = made + batch
                while made < min(batch_end, limit) and i < len(dates):
                    kind = rng.choices(kinds, weights=weights, k=1)[0]
                    gen.budget = limit - made
                    made += len(gen.make(kind, dates[i]))
                    i += 1
                result.refused_steps += gen.refused
            if progress is not None:
                progress(min(made, cases), cases)
            if pause:
                time.sleep(pause)

    fill(cases - reserve)
    if reserve and not cancelled():
        with database.write() as s:
            gen = CaseGenerator(s, rng, today, staff, ids)
            gen.employers = employers
            gen.docket = docket
            showcase.key_monitoring(gen, KEY_MONITORED)
            for ago in BLACKLISTED_AGO:  # employers on the 失信名单
                if made < cases and showcase.blacklist(gen, ago) is not None:
                    made += 1
            for kind, stage in showcase.missing_stages(gen):
                if made >= cases:
                    break
                gen.recent = False  # walked exactly to its stage, never stalled on the way
                if showcase.make(gen, kind, stage) is not None:
                    made += 1
            result.refused_steps += gen.refused
    fill(cases)
    if not cancelled():  # the construction project register (issue 17): no random draws
        with database.write() as s:
            make_projects(s, staff.supervisor, today)
    with database.read() as s:
        for kind, status, n in s.execute(
            select(Case.kind, Case.status, func.count()).group_by(Case.kind, Case.status)
        ):
            result.by_kind[kind] += n
            result.by_status[f"{kind}.{status}"] += n
    result.cases = sum(result.by_kind.values())
    return result


__all__ = [
    "BATCH",
    "KIND_WEIGHTS",
    "STAFF",
    "DemoResult",
    "Staff",
    "create_staff",
    "generate",
    "generate_cases",
    "received_dates",
]
