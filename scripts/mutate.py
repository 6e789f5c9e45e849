#!/usr/bin/env python3
"""A small mutation run: does the suite notice when a rule that matters is broken?

Each mutant is one realistic bug, written down as (file, original snippet, replacement):
an off-by-one at a legal threshold, a deleted import rule, a permission cell granted, a
masking step skipped, an audit field left out of the hash, an indicator's denominator
changed. The script copies the working tree to a temporary directory, applies one mutant
at a time there (the working tree is never touched), runs the test files that guard that
area and records whether they fail (the mutant is *killed*) or pass (it *survived*: a rule
no test notices). Every mutant listed must be killed; the exit status says so.

Why hand-written mutants and not mutmut: mutmut mutates every operator of every file and
needs hours on this machine (2 cores) for the same areas; a reviewed list of the bugs that
would hurt a clerk, an inspector or the bureau's figures runs in minutes and reads as a
specification. Import rules are listed from the source at run time (every ``bad(...)``
call of ``casemgr.io.ledger_rows.parse_row`` is deleted in turn), so a new rule is
covered the day it is written.

    .venv/bin/python scripts/mutate.py                 # every mutant
    .venv/bin/python scripts/mutate.py --only import.  # ids starting with "import."
    .venv/bin/python scripts/mutate.py --list
    .venv/bin/python scripts/mutate.py --doc docs/reliability.md   # also write the table there

The runs are on SQLite (the PostgreSQL run of ./test adds nothing to these rules).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 900  # seconds per mutant; a mutant that hangs the tests counts as killed (and is shown)
DOC_START = "<!-- mutation-results:start -->"
DOC_END = "<!-- mutation-results:end -->"


@dataclass(frozen=True)
class Mutant:
    id: str
    area: str
    file: str
    original: str
    replacement: str
    bug: str  # the bug the mutant stands for, in a few words
    tests: tuple[str, ...]


# --------------------------------------------------------------------------- which tests guard what

DEADLINE_TESTS = (
    "tests/test_calendar.py",
    "tests/test_deadlines_board.py",
    "tests/test_deadlines_pauses.py",
    "tests/test_workflow_arbitration.py",
    "tests/test_workflow_mediation_inspection.py",
    "tests/test_deadlines_provisional.py",
    "tests/test_green_channel.py",
)
AWARD_TESTS = ("tests/test_final_award.py", "tests/test_workflow_arbitration.py")
IMPORT_TESTS = ("tests/test_import_rules.py", "tests/test_import_ledger.py")
PERMISSION_TESTS = (
    "tests/test_permissions_matrix.py",
    "tests/test_services_cases.py",
    "tests/test_privacy.py",
)
MASKING_TESTS = ("tests/test_privacy.py", "tests/test_permissions_matrix.py", "tests/test_export_ledger.py")
AUDIT_TESTS = ("tests/test_audit_verify.py",)
INDICATOR_TESTS = ("tests/test_metrics.py", "tests/test_metrics_data.py")


def m(
    id: str, area: str, file: str, original: str, replacement: str, bug: str, tests: tuple[str, ...]
) -> Mutant:
    return Mutant(id, area, file, original, replacement, bug, tests)


CAL = "casemgr/deadlines/calendar.py"
CLOCKS = "casemgr/deadlines/clocks.py"
EXTENSIONS = "casemgr/services/workflow/extensions.py"
AWARD = "casemgr/workflow/final_award.py"
IMPORT = "casemgr/io/ledger_import.py"
IMPORT_ROWS = "casemgr/io/ledger_rows.py"  # parse_row: the rules of one row
PERMS = "casemgr/permissions.py"
PRIVACY = "casemgr/privacy.py"
AUDIT = "casemgr/audit.py"
IND = "casemgr/metrics/indicators.py"

MUTANTS: list[Mutant] = [
    # ---- the deadline engine
    m("deadline.makeup-days", "deadlines", CAL,
      "if d in cc_constants.workdays:\n                return True",
      "if d in cc_constants.workdays:\n                return False",
      "make-up working days (调休上班) counted as rest days", DEADLINE_TESTS),
    m("deadline.holidays", "deadlines", CAL,
      "if d in cc_constants.holidays:\n                return False",
      "if False:\n                return False",
      "statutory holidays counted as working days", DEADLINE_TESTS),
    m("deadline.saturday", "deadlines", CAL,
      "            return d.weekday() < 5\n        if d.year in self.override_years",
      "            return d.weekday() <= 5\n        if d.year in self.override_years",
      "Saturday counted as a working day", DEADLINE_TESTS),
    m("deadline.span-end", "deadlines", CAL,
      "            return t.cum[end.toordinal() - t.jan1 + 1] - t.cum[start.toordinal() - t.jan1 + 1]\n",
      "            return t.cum[end.toordinal() - t.jan1 + 1] - t.cum[start.toordinal() - t.jan1]\n",
      "working days between two dates counts the start day too (one day too many)", DEADLINE_TESTS),
    m("deadline.no-roll", "deadlines", CAL,
      "return self.next_working_day(d) if roll else d",
      "return d",
      "a calendar-day deadline on a rest day is not moved to the next working day (民诉法 85)",
      DEADLINE_TESTS),
    m("deadline.same-day", "deadlines", CAL,
      "        if n == 0:\n            return self.next_working_day(start)",
      "        if n == 0:\n            return start",
      "'the same working day' on a rest day stays on the rest day", DEADLINE_TESTS),
    m("deadline.pause-calendar", "deadlines", CLOCKS,
      "    return (end - start).days\n",
      "    return (end - start).days + 1\n",
      "a pause on a calendar-day clock excludes one day too many", DEADLINE_TESTS),
    m("deadline.extension-ignored", "deadlines", CLOCKS,
      "    k = paused + extended\n    return base, (shift(cal, r, started_on",
      "    k = paused\n    return base, (shift(cal, r, started_on",
      "an approved extension does not move the due date", DEADLINE_TESTS),
    m("deadline.pauses-touching", "deadlines", CLOCKS,
      "if out and a <= out[-1][1]:",
      "if out and a < out[-1][1]:",
      "two pauses that touch are not merged (a day excluded twice)", DEADLINE_TESTS),
    m("deadline.extension-cap", "deadlines", EXTENSIONS,
      "not 1 <= days <= r.extension_days",
      "not 1 <= days <= r.extension_days + 1",
      "an extension one day longer than the law allows (调解仲裁法 43: ≤ 15 days)", DEADLINE_TESTS),
    m("deadline.extension-twice", "deadlines", EXTENSIONS,
      "if d.extension_approved_by_id is not None or d.extended_days:",
      "if False:",
      "an extension approved twice", DEADLINE_TESTS),
    # ---- the final award (一裁终局)
    m("award.boundary", "final award", AWARD,
      "final = it.amount <= limit", "final = it.amount < limit",
      "an item of exactly 12 × the minimum wage is not final (\"不超过\")", AWARD_TESTS),
    m("award.months", "final award", AWARD,
      "(wage * 12).quantize", "(wage * 11).quantize",
      "the threshold is 11 months of the minimum wage", AWARD_TESTS),
    m("award.date", "final award", AWARD,
      'settings.get_decimal(session, "minimum_wage_monthly", award_date)',
      'settings.get_decimal(session, "minimum_wage_monthly", None)',
      "the minimum wage of today, not of the award date", AWARD_TESTS),
    m("award.labour-standard", "final award", AWARD,
      "if it.claim_type in LABOUR_STANDARD_TYPES:", "if False:",
      "social-insurance items no longer final whatever the amount (Art. 47(二))", AWARD_TESTS),
    # ---- import rules: the boundaries (the deleted rules are listed from the source below)
    m("import.today", "import rules", IMPORT_ROWS,
      "if d > today:", "if d >= today:",
      "a ledger date of today refused as 'after today'", IMPORT_TESTS),
    m("import.1950", "import rules", IMPORT_ROWS,
      "elif d.year < 1950:", "elif d.year <= 1950:",
      "a 1950 date refused as too early", IMPORT_TESTS),
    m("import.same-day-acceptance", "import rules", IMPORT_ROWS,
      "accepted < received:", "accepted <= received:",
      "accepted on the day of receipt refused", IMPORT_TESTS),
    m("import.same-day-closing", "import rules", IMPORT_ROWS,
      "if isinstance(start, dt.date) and closed < start:", "if isinstance(start, dt.date) and closed <= start:",
      "closed on the day of acceptance refused", IMPORT_TESTS),
    m("import.closing-vs-receipt", "import rules", IMPORT_ROWS,
      "start = accepted if isinstance(accepted, dt.date) else received", "start = received",
      "closing compared with receipt only, not with acceptance", IMPORT_TESTS),
    # ---- permissions
    m("perm.month-close", "permissions", PERMS,
      '"month.close": {Role.SUPERVISOR: ALL_KINDS},',
      '"month.close": {Role.SUPERVISOR: ALL_KINDS, Role.CLERK: ALL_KINDS},',
      "a clerk may close the month", PERMISSION_TESTS),
    m("perm.assign-admin", "permissions", PERMS,
      '"case.assign": {Role.SUPERVISOR: ALL_KINDS},',
      '"case.assign": {Role.ADMIN: ALL_KINDS, Role.SUPERVISOR: ALL_KINDS},',
      "the administrator may assign cases (and so pick who sees a reporter)", PERMISSION_TESTS),
    m("perm.personal-data-admin", "permissions", PERMS,
      '"personal_data.view": dict(_OFFICERS),',
      '"personal_data.view": {Role.ADMIN: ALL_KINDS, **_OFFICERS},',
      "the administrator sees unmasked ID numbers", PERMISSION_TESTS),
    m("perm.clerk-inspection", "permissions", PERMS,
      "Role.CLERK: frozenset({ARB}),", "Role.CLERK: frozenset({ARB, INS}),",
      "an arbitration clerk works on inspection cases", PERMISSION_TESTS),
    m("perm.reporter-any-inspector", "permissions", PERMS,
      '"reporter.view": frozenset({Role.INSPECTOR}),', '"reporter.view": frozenset(),',
      "every inspector sees every reporter, not only the handling one", PERMISSION_TESTS),
    m("perm.own-check", "permissions", PERMS,
      "return actor.user_id is not None and case.assigned_user_id == actor.user_id", "return True",
      "'assigned to me' never checked", PERMISSION_TESTS),
    m("perm.kind-check", "permissions", PERMS,
      "        return CaseKind(kind) in kinds\n", "        return True\n",
      "a role's case kinds never checked", PERMISSION_TESTS),
    m("perm.service-assign", "permissions", "casemgr/services/cases.py",
      'permissions.require(actor, "case.assign", case.kind)', "pass",
      "the assignment service does not check the role", PERMISSION_TESTS),
    m("perm.service-extension", "permissions", EXTENSIONS,
      'permissions.require(actor, "deadline.approve_extension", case.kind)', "pass",
      "the extension service does not check the role", PERMISSION_TESTS),
    m("perm.service-export", "permissions", "casemgr/io/ledger_export.py",
      'permissions.require(actor, "data.export", flt.kind)', "pass",
      "the export does not check the role", PERMISSION_TESTS),
    m("perm.service-notice", "permissions", "casemgr/services/notices.py",
      'permissions.require(actor, "document.generate", case.kind)', "pass",
      "notice generation does not check the role", PERMISSION_TESTS),
    m("perm.service-import", "permissions", IMPORT,
      'permissions.require(actor, "data.import", opts.kind)', "pass",
      "the ledger import does not check the role up front", PERMISSION_TESTS),
    # ---- masking (read projection)
    m("mask.id-birth-year", "masking", PRIVACY,
      'return v[:4] + "*" * (len(v) - 8) + v[-4:]', 'return v[:10] + "*" * (len(v) - 14) + v[-4:]',
      "a masked ID number shows the birth year", MASKING_TESTS),
    m("mask.mobile", "masking", PRIVACY,
      'return v[:3] + "****" + v[-4:]', "return v",
      "mobile numbers not masked", MASKING_TESTS),
    m("mask.list-view", "masking", PRIVACY,
      "                    mask_id_number(person.id_number),\n",
      "                    person.id_number,\n",
      "the masked view of a case shows full ID numbers", MASKING_TESTS),
    m("mask.reporter-reveal", "masking", PRIVACY,
      "if not (reveal and may_see_reporter):", "if not reveal:",
      "anyone allowed to unmask sees a reporter's identity (条例 Art. 9)", MASKING_TESTS),
    m("mask.reporter-export", "masking", PRIVACY,
      'may_see_reporter = on_screen and permissions.allowed_case(actor, "reporter.view", case)',
      'may_see_reporter = permissions.allowed_case(actor, "reporter.view", case)',
      "a reporter's identity goes into exports", MASKING_TESTS),
    m("mask.anonymous-report", "masking", PRIVACY,
      "        and case.complaint_type == ComplaintType.REPORT.value\n",
      "        and case.complaint_type == ComplaintType.COMPLAINT.value\n",
      "the person behind a 举报 (report) is not treated as a confidential reporter", MASKING_TESTS),
    # ---- the audit chain
    m("audit.link", "audit chain", AUDIT,
      'if e.prev_hash != prev_hash:\n                yield ChainProblem(e.id, "link")',
      'if False:\n                yield ChainProblem(e.id, "link")',
      "a removed or inserted entry goes unnoticed", AUDIT_TESTS),
    m("audit.hash", "audit chain", AUDIT,
      "if expect != e.hash:", "if False:",
      "an edited entry goes unnoticed", AUDIT_TESTS),
    m("audit.before-unhashed", "audit chain", AUDIT,
      '"null" if before is None else q(before),', '"null",',
      "the 'before' state is not covered by the hash", AUDIT_TESTS),
    m("audit.after-unhashed", "audit chain", AUDIT,
      '"null" if after is None else q(after),', '"null",',
      "the 'after' state is not covered by the hash", AUDIT_TESTS),
    m("audit.user-unhashed", "audit chain", AUDIT,
      '"null" if username is None else q(username),', '"null",',
      "who acted is not covered by the hash", AUDIT_TESTS),
    m("audit.unlinked", "audit chain", AUDIT,
      "prev_hash = prev or GENESIS", "prev_hash = GENESIS",
      "entries are not chained to the one before", AUDIT_TESTS),
    # ---- the indicators
    m("ind.closure-carry-over", "indicators", IND,
      "return Ratio(k.closed, k.pending_at_start + k.accepted, tgt)", "return Ratio(k.closed, k.accepted, tgt)",
      "closure rates leave the cases pending at the start out of the denominator", INDICATOR_TESTS),
    m("ind.mediation-arbitration", "indicators", IND,
      "both = total(t, (CaseKind.MEDIATION.value, CaseKind.ARBITRATION.value))",
      "both = total(t, (CaseKind.MEDIATION.value,))",
      "the mediation success rate leaves out mediation inside arbitration (仲裁调解书)", INDICATOR_TESTS),
    m("ind.pending", "indicators", IND,
      "if ab < lo and (cb is None or cb >= lo):", "if ab < lo and cb is None:",
      "a case pending at the start and closed in the period is not counted as pending", INDICATOR_TESTS),
    m("ind.accepted-last-day", "indicators", IND,
      "if lo <= ab <= hi:", "if lo <= ab < hi:",
      "a case accepted on the period's last day is not counted", INDICATOR_TESTS),
    m("ind.closed-first-day", "indicators", IND,
      "if cb is not None and lo <= cb <= hi:", "if cb is not None and lo < cb <= hi:",
      "a case closed on the period's first day is not counted", INDICATOR_TESTS),
    m("ind.refused", "indicators", IND,
      ".where(driving_rows(min_start), not_refused())", ".where(driving_rows(min_start))",
      "不予受理 (refused) cases counted", INDICATOR_TESTS),
    m("ind.rounding", "indicators", IND,
      "rounding=ROUND_HALF_UP", 'rounding="ROUND_HALF_EVEN"',
      "rates rounded half-even instead of half-up", INDICATOR_TESTS),
    m("ind.target-met", "indicators", IND,
      "return r >= self.target", "return r > self.target",
      "a rate exactly at the plan's target shown as missed", INDICATOR_TESTS),
    m("ind.success-outcomes", "indicators", "casemgr/enums.py",
      "{Outcome.AGREEMENT, Outcome.SETTLEMENT, Outcome.WITHDRAWN_SETTLED, Outcome.ARB_MEDIATION}",
      "{Outcome.AGREEMENT, Outcome.SETTLEMENT, Outcome.WITHDRAWN_SETTLED}",
      "a 仲裁调解书 not counted as a successful mediation", INDICATOR_TESTS),
]  # fmt: skip


#: The two rules whose reason comes from elsewhere (casemgr.io.columns' parsers).
FROM_PARSERS = {
    "exc.reason": "a cell its column cannot read (the parser's reason)",
    "known.reason": "the same unreadable text on a later row (the remembered reason)",
}


def import_rule_mutants(root: Path) -> list[Mutant]:
    """Delete each ``bad(...)`` call of ``parse_row`` in turn (the rule never fires)."""
    text = (root / IMPORT_ROWS).read_text(encoding="utf-8")
    body = text[text.index("def parse_row(") : text.index("\n# ---", text.index("def parse_row("))]
    out = []
    for line in body.splitlines():
        if not re.match(r"\s+bad\(", line):
            continue
        reason = re.search(r',\s*f?"(.*)"\)\s*$', line)
        what = reason.group(1) if reason else FROM_PARSERS.get(line.split(",")[-1].strip(" )"), line.strip())
        indent = line[: len(line) - len(line.lstrip())]
        out.append(
            Mutant(
                f"import.rule.{len(out) + 1:02d}",
                "import rules",
                IMPORT_ROWS,
                line + "\n",
                indent + "pass\n",
                f"rule deleted: {what}",
                IMPORT_TESTS,
            )
        )
    return out


# --------------------------------------------------------------------------- running


@dataclass
class Outcome:
    mutant: Mutant
    killed: bool
    seconds: float
    by: str  # the first failing test, "timeout", or ""


def copy_tree(dest: Path) -> None:
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "__pycache__", ".cache", ".pytest_cache", "*.pyc", ".hypothesis"
    )
    shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True)


def run_tests(workdir: Path, tests: tuple[str, ...], *, stop_first: bool = True) -> tuple[int, str]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", QT_QPA_PLATFORM="offscreen")
    env.pop("CASEMGR_TEST_DATABASE_URL", None)  # SQLite
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-seed=0"]
    if stop_first:
        args.append("-x")
    proc = subprocess.run(
        [*args, *tests], cwd=workdir, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    return proc.returncode, proc.stdout + proc.stderr


def first_failure(output: str) -> str:
    found = re.search(r"^(?:FAILED|ERROR) (\S+)", output, re.MULTILINE)
    return found.group(1) if found else "(run failed)"


def apply(workdir: Path, mutant: Mutant) -> str:
    path = workdir / mutant.file
    source = path.read_text(encoding="utf-8")
    n = source.count(mutant.original)
    if n != 1:
        raise SystemExit(
            f"{mutant.id}: the snippet occurs {n} times in {mutant.file} (must be once); "
            "the code moved or changed: update the mutant"
        )
    path.write_text(source.replace(mutant.original, mutant.replacement), encoding="utf-8")
    return source


def run(mutants: list[Mutant], workdir: Path) -> list[Outcome]:
    groups = sorted({t for mu in mutants for t in [mu.tests]})
    for tests in groups:  # the unmutated code must pass, or a "kill" means nothing
        code, output = run_tests(workdir, tests, stop_first=False)
        if code != 0:
            print(output[-3000:], file=sys.stderr)
            raise SystemExit(f"the unmutated tests fail: {' '.join(tests)}")
    outcomes = []
    for i, mu in enumerate(mutants, start=1):
        original = apply(workdir, mu)
        started = time.monotonic()
        try:
            code, output = run_tests(workdir, mu.tests)
            killed, by = code != 0, first_failure(output) if code != 0 else ""
        except subprocess.TimeoutExpired:
            killed, by = True, "timeout"
        finally:
            (workdir / mu.file).write_text(original, encoding="utf-8")
        o = Outcome(mu, killed, time.monotonic() - started, by)
        outcomes.append(o)
        print(
            f"[{i}/{len(mutants)}] {'killed  ' if killed else 'SURVIVED'} {mu.id:32} {o.seconds:5.1f}s {by}"
        )
    return outcomes


def table(outcomes: list[Outcome]) -> str:
    killed = sum(o.killed for o in outcomes)
    lines = [
        f"{killed} of {len(outcomes)} mutants killed"
        + ("." if killed == len(outcomes) else f"; **{len(outcomes) - killed} survived**."),
        "",
        "| mutant | area | file | the bug | result | first test that failed |",
        "|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        bug = o.mutant.bug.replace("|", "\\|")
        result = "killed" if o.killed else "**survived**"
        by = f"`{o.by.removeprefix('tests/')}`" if o.by and o.by != "timeout" else o.by
        lines.append(f"| `{o.mutant.id}` | {o.mutant.area} | `{o.mutant.file}` | {bug} | {result} | {by} |")
    return "\n".join(lines)


def write_doc(path: Path, body: str) -> None:
    text = path.read_text(encoding="utf-8")
    start, end = text.index(DOC_START) + len(DOC_START), text.index(DOC_END)
    path.write_text(text[:start] + "\n" + body + "\n" + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--only", action="append", default=[], help="run mutants whose id starts with this")
    p.add_argument("--list", action="store_true", help="list the mutants and exit")
    p.add_argument("--doc", type=Path, help="write the result table into this file (between the markers)")
    args = p.parse_args(argv)
    last_import = max(i for i, mu in enumerate(MUTANTS) if mu.area == "import rules")
    mutants = [*MUTANTS[: last_import + 1], *import_rule_mutants(ROOT), *MUTANTS[last_import + 1 :]]
    if args.only:
        mutants = [mu for mu in mutants if any(mu.id.startswith(o) for o in args.only)]
    ids = [mu.id for mu in mutants]
    assert len(ids) == len(set(ids)), "mutant ids must be unique"
    if args.list:
        for mu in mutants:
            print(f"{mu.id:32} {mu.file:36} {mu.bug}")
        return 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="casemgr-mutate-") as tmp:
        workdir = Path(tmp) / "tree"
        copy_tree(workdir)
        for mu in mutants:  # every snippet must still be where the list says, before any run
            apply(workdir, mu)
            (workdir / mu.file).write_text((ROOT / mu.file).read_text(encoding="utf-8"), encoding="utf-8")
        outcomes = run(mutants, workdir)
    body = table(outcomes)
    minutes = (time.monotonic() - started) / 60
    print()
    print(body)
    print(f"\n{minutes:.1f} minutes")
    if args.doc:
        write_doc(args.doc, body)
    return 0 if all(o.killed for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
