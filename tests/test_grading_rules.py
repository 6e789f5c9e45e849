"""守法诚信等级 (issue 17): Art. 6 of 人社部规〔2016〕1号 on small hand-made histories, no database.

Each expectation is worked out by hand from the rule: C when 查处 three times or more in the
evaluated year, or any C fact (refusal, mass incident, child labour, obstruction, criminal
liability); B when 查处 at least once and no C case; A otherwise. Only the evaluated year counts.
"""

from __future__ import annotations

import datetime as dt

from casemgr.grading.rules import Evidence, Fact, FactKind, Finding, Grade, Reason, Refusal, decide

D = dt.date


def f(n: int, on: dt.date, collective: bool = False) -> Finding:
    return Finding(n, f"监察{n}", on, collective)


def test_three_findings_in_the_year_are_c() -> None:
    # 3 cases with an order or decision in 2025: Art. 6 C(1) "三次以上（含三次）" -> C.
    p = decide(Evidence(2025, (f(1, D(2025, 2, 1)), f(2, D(2025, 6, 1)), f(3, D(2025, 12, 31)))))
    assert p.grade is Grade.C
    assert p.reasons[0].code == "findings_c" and p.reasons[0].count == 3
    assert p.reasons[0].cases == ("监察1", "监察2", "监察3")
    assert "被查处3次" in p.reasons[0].text("zh")


def test_two_findings_are_b() -> None:
    # 2 cases: 查处 but below three and no other C case -> B.
    p = decide(Evidence(2025, (f(1, D(2025, 2, 1)), f(2, D(2025, 6, 1)))))
    assert p.grade is Grade.B
    assert [r.code for r in p.reasons] == ["findings_b"]


def test_no_finding_is_a() -> None:
    p = decide(Evidence(2025))
    assert p.grade is Grade.A and [r.code for r in p.reasons] == ["none"]


def test_one_refusal_alone_is_c() -> None:
    # One case only (would be B), but its order to pay was not met (加付赔偿金 ordered): C(4) -> C.
    p = decide(
        Evidence(2025, (f(1, D(2025, 3, 10)),), (Refusal("extra_compensation", D(2025, 4, 2), 1, "监察1"),))
    )
    assert p.grade is Grade.C
    assert [r.code for r in p.reasons] == ["refusal", "findings"]
    assert "第四项" in p.reasons[0].text("zh") and "加付赔偿金" in p.reasons[0].text("zh")


def test_the_year_boundary() -> None:
    # Grading 2025: the cases of 2024-12-31 and 2026-01-01 are outside; two of 2025 remain -> B,
    # not C. Graded for 2026 the same history has one finding -> B; for 2024 one -> B.
    history = (
        f(1, D(2024, 12, 31)),
        f(2, D(2025, 1, 1)),
        f(3, D(2025, 12, 31)),
        f(4, D(2026, 1, 1)),
    )
    assert decide(Evidence(2025, history)).grade is Grade.B
    assert decide(Evidence(2025, history)).reasons[0].count == 2
    assert decide(Evidence(2026, history)).reasons[0].cases == ("监察4",)
    # A refusal of January 2026 does not make 2025 a C year.
    assert decide(Evidence(2025, history[1:3], (Refusal("police", D(2026, 1, 5)),))).grade is Grade.B


def test_an_inspectors_fact_makes_c_and_says_so() -> None:
    p = decide(
        Evidence(
            2025, facts=(Fact(7, FactKind.OBSTRUCTION, D(2025, 8, 1), "拒绝监察员进入现场，笔录第12号"),)
        )
    )
    assert p.grade is Grade.C
    assert "阻挠" in p.reasons[0].text("zh") and "笔录第12号" in p.reasons[0].text("zh")
    assert "obstructed" in p.reasons[0].text("en")


def test_a_collective_case_is_a_hint_not_a_grade() -> None:
    p = decide(Evidence(2025, (f(1, D(2025, 5, 1), collective=True),)))
    assert p.grade is Grade.B
    assert [(r.code, r.effect) for r in p.reasons] == [("findings_b", Grade.B), ("collective", None)]


def test_reasons_survive_storage() -> None:
    r = Reason("refusal", Grade.C, ("监察1",), D(2025, 4, 2), "police")
    assert Reason.from_dict(r.as_dict()) == r
