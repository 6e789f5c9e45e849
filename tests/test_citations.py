"""Every citation a user sees names the real document, its article and its year (issue 14
item 10), and none points at an internal file (our notes, "legal-rules §5.3").

Scanned: the citation of every shipped deadline rule (shown on the case file and the
deadline board), the legal basis printed under every notice, and the limitation warnings.
A short name (办案规则, 调解仲裁法, 粤条例 …) is allowed only after the full name with its
year has been given in the same citation.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib

import pytest

from casemgr import runtime
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.limitation import limitation_warnings

INTERNAL = ("legal-rules", "§", ".md", "DESIGN", "STYLE", "issue ")

#: short name -> the full name with its number and year, as a citation must first give it.
FULL_NAMES = {
    "调解仲裁法": "劳动争议调解仲裁法（2007）",
    "办案规则": "劳动人事争议仲裁办案规则（人社部令第33号，2017）",
    "协商调解规定": "企业劳动争议协商调解规定（人社部令第17号，2011）",
    "广东省劳动保障监察条例": "广东省劳动保障监察条例（2019年修正）",
    "若干规定": "关于实施《劳动保障监察条例》若干规定（劳社部令第25号，2004）",
    "保障农民工工资支付条例": "保障农民工工资支付条例（国务院令第724号，2019）",
    "名单管理暂行办法": "拖欠农民工工资失信联合惩戒对象名单管理暂行办法（人社部令第45号，2021）",
}
STATUTE = re.compile(r"(法|条例|规则|规定|办法)")
ARTICLE = re.compile(r"第\d+条|第[一二三四五六七八九十百]+条")
YEAR = re.compile(r"(19|20)\d\d")

RULES = rules_mod.default_rules()


def _problems(text: str) -> list[str]:
    out = [f"internal reference {bad!r}" for bad in INTERNAL if bad in text]
    if "粤条例" in text:
        out.append("abbreviation 粤条例")
    for short, full in FULL_NAMES.items():
        if short in text and full not in text:
            out.append(f"{short} without its full name and year ({full})")
    # The national regulation by name, not only inside the Guangdong one or the 若干规定's title.
    bare = re.sub(r"广东省劳动保障监察条例|《劳动保障监察条例》", "", text)
    if "劳动保障监察条例" in bare and "劳动保障监察条例（国务院令第423号，2004）" not in text:
        out.append("劳动保障监察条例 without its number and year")
    return out


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_citations_name_document_article_and_year(rule: rules_mod.RuleSpec) -> None:
    text = rule.citation
    problems = _problems(text)
    if not YEAR.search(text):
        problems.append("no year")
    if STATUTE.search(text) and not ARTICLE.search(text) and "通知" not in text:
        problems.append("a statute without an article")
    assert problems == [], f"{rule.code}: {text}"


def _notices() -> list[tuple[str, str]]:
    path = runtime.resource_path("resources", "notices", "notices.toml")
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for name, tpl in doc.items():
        if isinstance(tpl, dict) and "legal_basis" in tpl:
            out.append((name, str(tpl["legal_basis"])))
    return out


NOTICES = _notices()


@pytest.mark.parametrize(("name", "text"), NOTICES, ids=[n for n, _ in NOTICES])
def test_notices_cite_documents_by_their_full_title_and_article(name: str, text: str) -> None:
    """A printed notice follows the official style: 《full title》第…条 (the title names the
    document unambiguously; printed 文书 do not add the year)."""
    assert not [bad for bad in INTERNAL if bad in text], text
    titles = re.findall(r"《([^》]+)》", text)
    assert titles, text
    for t in titles:
        assert "办案规则" not in t or t == "劳动人事争议仲裁办案规则", t
        assert t != "调解仲裁法", t
    assert ARTICLE.search(text), text


def test_limitation_warnings_cite_the_statute_with_its_year() -> None:
    d = dt.date
    texts = []
    for w in (
        limitation_warnings("arbitration", d(2026, 7, 1), d(2025, 1, 1), None, claim_types=["wages"])
        + limitation_warnings("arbitration", d(2026, 7, 1), None, None, knew_on=d(2025, 1, 1))
        + limitation_warnings("inspection", d(2026, 7, 1), None, d(2024, 1, 1))
    ):
        texts += [w.zh, w.en]
    assert len(texts) == 6
    for t in texts:
        assert not [bad for bad in INTERNAL if bad in t], t
        assert YEAR.search(t.split("（", 1)[-1]) and ("第" in t or "Art." in t), t


def test_the_scan_catches_what_it_should() -> None:
    assert _problems("农民工工资争议速裁政策（legal-rules §5.3）")
    assert _problems("办案规则第33条")
    assert _problems("粤条例第44条")
    assert _problems("劳动保障监察条例第17条")
    assert (
        _problems("劳动争议调解仲裁法（2007）第30条；劳动人事争议仲裁办案规则（人社部令第33号，2017）第33条")
        == []
    )
