"""阳光仲裁: the award as served, and its publication copy with the parties' personal data removed.

Pure functions of plain data, like the notices (:mod:`casemgr.reports.notices`): the service
(:mod:`casemgr.services.publication`) gathers the award's facts and decides who may do it.

There is no statute for publishing arbitration awards; the bureau follows the rules for
published judgments, 最高人民法院关于人民法院在互联网公布裁判文书的规定 (法释〔2016〕19号):

* Art. 9: a name is hidden by keeping the surname and replacing the given name with “某”
  (a 复姓 such as 欧阳 is the surname: 欧阳某); a minority or transliterated name keeps its
  first character, a name in Latin letters its first letter; two people who would read the
  same get a number after the name (王某1, 王某2). Art. 8 makes this mandatory only for
  family, criminal and minors' cases; for workers in a published award the bureau hides every
  natural person who is a party, the stricter reading.
* Art. 10: home addresses, means of contact, ID numbers and bank account numbers are
  deleted; where deleting would garble the sentence “×” stands in (we print “××”).
* Art. 11: what is kept: a natural person's sex, date of birth and the county or district of
  residence; a legal person's name, address and code and its legal representative's name. The
  employers (法人) are therefore kept whole.

Names are replaced only where the text names a known party, longest name first, so that a
worker called 王成 does not turn “完成” or a longer party name into 某. Where the name runs
into a common word (王成 + 功 → “成功”) the occurrence is left alone and reported as *doubtful*
so the supervisor who approves the copy looks at it: a human signs every published award.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, BinaryIO

from casemgr.reports.notices import yuan, zh_date

#: Two-character surnames (复姓) in the 百家姓 and in use today; the surname is both characters.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 司徒 东方 独孤 南宫 万俟 闻人 夏侯 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 "
    "太叔 申屠 公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司空 亓官 司寇 子车 颛孙 端木 巫马 "
    "公西 漆雕 乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 羊舌 微生 梁丘 左丘 东门 "
    "西门 南荣 第五 公户 公玉 公仪 梁丘 公仲 公上 公门 公山 公坚 司城 欧侯 呼衍".split()
)

#: Common words that a given name's last character begins (王成 + 功 = “成功”). An occurrence
#: of a party's name followed by the rest of such a word is not replaced but reported.
COMMON_WORDS = frozenset(
    "成功 成立 成为 成本 成果 成绩 成员 成年 成交 成熟 立案 立即 立场 明确 明显 明细 明天 华为 建设 建立 建议 "
    "国家 国际 平安 平台 平均 安全 安排 安装 文件 文书 文化 伟大 强制 强调 军事 海关 红包 金额 东方 "
    "新增 新闻 华侨 勇敢 杰出 林业 林场 春节 春季 冬季 夏季 秋季 生产 生活 生效 生日 工资 工作 工人 "
    "伟业 志愿 刚才 刚好 超过 超市 德国 清楚 清算 清单 天气 天然 天津 龙头 海洋 云南 红色 光明 光荣 "
    "飞机 飞行 宏观 涛声 浩大 辉煌 鹏城 斌斌 静态 丽水 芳香 敏感 霞光 杰作 波动 波及 军人 亮点 力量 "
    "民事 民法 民工 利益 利息 利润 荣誉 发生 发现 发放 发展 兴趣 永久 永远 玉米 凤凰 燕窝 会议 会计 "
    "珍贵 英国 英语 芬兰 洪水 晓得 强化 庆祝 健康 健全 全部 全面 全体 义务 正式 正常 正当 和解 和平".split()
)

REDACTED = "××"

#: 居民身份证号码: 18 digits (the last may be X) or the old 15 digits, not inside a longer number.
_ID = r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])"
#: Mobile numbers with spaces or dashes, optionally +86; landlines with an area code.
_PHONE = (
    r"(?<![\d])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)"
    r"|(?<![\d])(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?\d{3,4}[\s-]?\d{4}(?!\d)"
)
#: Bank card and account numbers: 16 to 19 digits, grouped or not.
_BANK = r"(?<!\d)\d{4}(?:[\s-]?\d{4}){3}(?:[\s-]?\d{1,3})?(?!\d)"


@dataclass(frozen=True)
class NaturalPerson:
    """A party who is a natural person, with the personal data the award text may contain."""

    name: str
    id_number: str | None = None
    phone: str | None = None
    address: str | None = None
    bank_account: str | None = None


@dataclass(frozen=True)
class Doubt:
    """A party's name that runs into a common word and was left alone for a human to judge."""

    name: str
    context: str


@dataclass(frozen=True)
class Redaction:
    text: str
    pseudonyms: dict[str, str]
    doubts: tuple[Doubt, ...]
    removed: int  # ID, phone, bank and address occurrences removed or cut to the county


def surname(name: str) -> str:
    """The surname that Art. 9 keeps: a 复姓 when the name is longer than two characters."""
    name = name.strip()
    if len(name) > 2 and name[:2] in COMPOUND_SURNAMES:
        return name[:2]
    return name[:1]


def pseudonym(name: str) -> str:
    """张三丰 → 张某, 欧阳明 → 欧阳某, 买买提·艾力 → 买某, John Smith → J (Art. 9)."""
    name = name.strip()
    if not name:
        return "某"
    if re.fullmatch(r"[A-Za-z][A-Za-z .'-]*", name):
        return name[0].upper()
    if "·" in name or "•" in name or "．" in name:
        return name[0] + "某"
    return surname(name) + "某"


def pseudonyms(names: Iterable[str]) -> dict[str, str]:
    """Each distinct name's pseudonym; names that would read the same are numbered (Art. 9)."""
    distinct = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    base = {n: pseudonym(n) for n in distinct}
    out: dict[str, str] = {}
    for n in distinct:
        same = [m for m in distinct if base[m] == base[n]]
        out[n] = base[n] if len(same) == 1 else f"{base[n]}{same.index(n) + 1}"
    return out


def county_of(address: str | None) -> str | None:
    """The county or district part of an address (Art. 11 keeps it): up to the first 县/区/旗
    after a city (…市), within the first 14 characters; ``None`` when none can be told."""
    if not address:
        return None
    m = re.match(r"^(.{0,8}?市.{1,5}?(?:县|区|旗))", address.strip())
    return m.group(1) if m else None


def birth_and_sex(id_number: str | None) -> str | None:
    """“男，1985年6月15日出生” from an ID number (Art. 11 keeps both): the 18-digit number's
    birth date and 17th digit, or the old 15-digit number's (19)YYMMDD and last digit."""
    v = (id_number or "").strip()
    if re.fullmatch(r"\d{17}[\dXx]", v):
        year, rest, sex_digit = v[6:10], v[10:14], v[16]
    elif re.fullmatch(r"\d{15}", v):
        year, rest, sex_digit = "19" + v[6:8], v[8:12], v[14]
    else:
        return None
    try:
        born = dt.date(int(year), int(rest[:2]), int(rest[2:]))
    except ValueError:
        return None
    sex = "男" if int(sex_digit) % 2 else "女"
    return f"{sex}，{zh_date(born)}出生"


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def redact(text: str, persons: Sequence[NaturalPerson], keep: Iterable[str] = ()) -> Redaction:
    """The publication copy of ``text``: the persons' names replaced, personal data removed.

    ``keep`` are strings to leave whole (employers' names and codes, the case number): a
    worker's name inside an employer's name is the employer's name, kept (Art. 11).
    One pass over the text, so nothing that was put in is replaced again.
    """
    names = pseudonyms(p.name for p in persons)
    keep = frozenset(k for k in keep if k)
    literal: dict[str, str] = {}
    for k in keep:
        literal[k] = k
    for p in persons:
        if p.address:
            county = county_of(p.address)
            literal.setdefault(p.address.strip(), county or REDACTED)
        for value in (p.id_number, p.phone, p.bank_account):
            if value and value.strip():
                literal.setdefault(value.strip(), REDACTED)
    for n, pn in names.items():
        literal.setdefault(n, pn)
    ordered = sorted(literal, key=len, reverse=True)
    pattern = re.compile(
        "|".join(f"(?P<lit{i}>{re.escape(s)})" for i, s in enumerate(ordered))
        + ("|" if ordered else "")
        + f"(?P<id>{_ID})|(?P<bank>{_BANK})|(?P<phone>{_PHONE})"
    )
    doubts: list[Doubt] = []
    removed = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal removed
        kind = m.lastgroup or ""
        found = m.group(0)
        if kind.startswith("lit"):
            if found in names and found not in keep:
                after = text[m.end() : m.end() + 1]
                if after and found[-1] + after in COMMON_WORDS:
                    doubts.append(Doubt(found, text[max(0, m.start() - 6) : m.end() + 6]))
                    return found
                return names[found]
            if literal[found] != found:
                removed += 1
            return literal[found]
        removed += 1
        return REDACTED

    out = pattern.sub(sub, text)
    return Redaction(out, names, tuple(doubts), removed)


# --------------------------------------------------------------------------- the award text

#: Chinese names of the claim types, as an award prints them.
CLAIM_LABELS: dict[str, str] = {
    "wages": "拖欠工资",
    "overtime": "加班费",
    "severance": "经济补偿",
    "damages": "赔偿金",
    "social_insurance": "社会保险待遇",
    "working_time": "工作时间争议事项",
    "rest_leave": "休息休假争议事项",
    "injury_medical": "工伤医疗费",
    "injury": "工伤保险待遇",
    "other": "其他款项",
}
_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n - 1]
    if n < 20:
        return "十" + _NUMERALS[n - 11]
    return str(n)


#: How an award names each party role (casemgr.enums.PartyRole), in the order it lists them.
ROLE_LABELS: dict[str, str] = {
    "applicant": "申请人",
    "respondent": "被申请人",
    "third_party": "第三人",
    "representative": "代表人",
    "agent": "委托代理人",
}


@dataclass(frozen=True)
class AwardParty:
    """A natural person on the case: a worker, or their representative or agent."""

    name: str
    id_number: str | None = None
    phone: str | None = None
    address: str | None = None
    sex_and_birth: str | None = None  # when id_number is masked: read off the real one beforehand
    role: str = "applicant"


@dataclass(frozen=True)
class AwardEmployer:
    name: str
    uscc: str | None = None
    legal_rep: str | None = None
    address: str | None = None
    role: str = "respondent"


@dataclass(frozen=True)
class AwardClaim:
    claim_item_id: int | None
    claim_type: str
    amount_claimed: Decimal
    worker: str | None  # the applicant the claim is for; None: all applicants


@dataclass(frozen=True)
class AwardLine:
    claim_item_id: int | None
    claim_type: str
    amount: Decimal
    final: bool


@dataclass(frozen=True)
class AwardFacts:
    """What the award held, gathered by the service from the case and its award step."""

    commission: str
    case_number: str
    document_no: str
    accepted_on: dt.date | None
    hearing_on: dt.date | None
    award_on: dt.date
    persons: tuple[AwardParty, ...]
    employers: tuple[AwardEmployer, ...]
    claims: tuple[AwardClaim, ...]
    lines: tuple[AwardLine, ...]
    arbitrators: tuple[str, ...]

    def named(self, role: str) -> list[str]:
        return [p.name for p in (*self.persons, *self.employers) if p.role == role]


def _person_line(a: AwardParty) -> str:
    bits = [f"{ROLE_LABELS.get(a.role, a.role)}：{a.name}"]
    if (bs := a.sex_and_birth or birth_and_sex(a.id_number)) is not None:
        bits.append(bs)
    if a.id_number:
        bits.append(f"公民身份号码：{a.id_number}")
    if a.address:
        bits.append(f"住{a.address}")
    if a.phone:
        bits.append(f"联系电话：{a.phone}")
    return "，".join(bits) + "。"


def _employer_line(e: AwardEmployer) -> str:
    bits = [f"{ROLE_LABELS.get(e.role, e.role)}：{e.name}"]
    if e.uscc:
        bits.append(f"统一社会信用代码：{e.uscc}")
    if e.address:
        bits.append(f"住所：{e.address}")
    if e.legal_rep:
        bits.append(f"法定代表人：{e.legal_rep}")
    return "，".join(bits) + "。"


def award_text(f: AwardFacts) -> str:
    """The award as served, in the usual order: parties, claims, what was decided, the remedy."""
    out = [f.commission, "裁 决 书", f.document_no or f.case_number, ""]
    for role in ROLE_LABELS:
        out += [_person_line(a) for a in f.persons if a.role == role]
        out += [_employer_line(e) for e in f.employers if e.role == role]
    applicants = "、".join(f.named("applicant")) or "申请人"
    respondents = "、".join(f.named("respondent")) or "被申请人"
    out.append("")
    out.append(
        f"申请人{applicants}与被申请人{respondents}劳动争议一案，本委于{zh_date(f.accepted_on)}立案受理，"
        f"依法组成仲裁庭，于{zh_date(f.hearing_on)}开庭审理。本案现已审理终结。"
    )
    out.append("申请人的仲裁请求：")
    for i, c in enumerate(f.claims, 1):
        who = f"向申请人{c.worker}" if c.worker else ""
        end = "。" if i == len(f.claims) else "；"
        label = CLAIM_LABELS.get(c.claim_type, c.claim_type)
        out.append(f"{i}. 裁决被申请人{who}支付{label}{yuan(c.amount_claimed)}元{end}")
    out.append("本委依照《中华人民共和国劳动争议调解仲裁法》第四十七条、第五十条的规定，裁决如下：")
    by_id = {c.claim_item_id: c for c in f.claims if c.claim_item_id is not None}
    final_no: list[str] = []
    other_no: list[str] = []
    for i, line in enumerate(f.lines, 1):
        claim = by_id.get(line.claim_item_id)
        worker = claim.worker if claim and claim.worker else applicants
        label = CLAIM_LABELS.get(line.claim_type, line.claim_type)
        if line.amount > 0:
            text = f"被申请人于本裁决生效之日起五日内向申请人{worker}支付{label}{yuan(line.amount)}元"
        else:
            text = f"驳回申请人{worker}关于{label}的仲裁请求"
        (final_no if line.final else other_no).append(_numeral(i))
        out.append(f"{_numeral(i)}、{text}{'（终局裁决）' if line.final else ''}；")
    covered = {line.claim_item_id for line in f.lines if line.claim_item_id is not None}
    if any(c.claim_item_id not in covered for c in f.claims) and covered:
        out.append(f"{_numeral(len(f.lines) + 1)}、驳回申请人的其他仲裁请求。")
    elif f.lines:
        out[-1] = out[-1][:-1] + "。"
    out.append("")
    if final_no:
        out.append(
            f"本裁决第{'、'.join(final_no)}项为终局裁决，自作出之日起发生法律效力。劳动者对该项裁决不服的，"
            "可以自收到本裁决书之日起十五日内向人民法院提起诉讼；用人单位有证据证明该项裁决有"
            "《中华人民共和国劳动争议调解仲裁法》第四十九条第一款规定情形之一的，可以自收到本裁决书之日起"
            "三十日内向本委所在地的中级人民法院申请撤销裁决。"
        )
    if other_no:
        out.append(
            f"当事人对本裁决第{'、'.join(other_no)}项不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼；"
            "期满不起诉的，该项裁决发生法律效力。"
        )
    out.append("")
    out.append("仲裁员：" + ("、".join(f.arbitrators) if f.arbitrators else "________"))
    out.append(zh_date(f.award_on))
    return "\n".join(out)


def persons_of(f: AwardFacts) -> tuple[NaturalPerson, ...]:
    """The natural persons whose data the publication copy removes: every person on the case
    (workers, their representatives and agents), whatever side they are on."""
    return tuple(NaturalPerson(a.name, a.id_number, a.phone, a.address) for a in f.persons)


def keep_of(f: AwardFacts) -> tuple[str, ...]:
    """What stays whole: the employers (Art. 11: names, codes, addresses, legal representatives)
    and the document numbers."""
    kept: list[str] = [f.case_number, f.document_no, f.commission, *f.arbitrators]
    for e in f.employers:
        kept += [e.name, e.uscc or "", e.legal_rep or "", e.address or ""]
    return tuple(k for k in kept if k)


def publication_copy(f: AwardFacts) -> tuple[str, Redaction]:
    """(original text, its publication copy)."""
    original = award_text(f)
    return original, redact(original, persons_of(f), keep_of(f))


# --------------------------------------------------------------------------- PDF


def build_pdf(title: str, text: str, out: BinaryIO, *, invariant: bool = True) -> None:
    """The publication copy on A4 in the notices' font and margins; deterministic bytes."""
    from reportlab.lib import colors
    from reportlab.lib import textsplit as rl_textsplit
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import paragraph as rl_paragraph

    from casemgr.reports.fonts import cjk_font
    from casemgr.reports.notice_layout import NO_LINE_START

    font = cjk_font().name
    for module in (rl_textsplit, rl_paragraph):  # as the notices do: no "，" opening a line
        module.ALL_CANNOT_START += "".join(c for c in NO_LINE_START if c not in module.ALL_CANNOT_START)

    def style(name: str, size: float, align: int, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.75, alignment=align, wordWrap="CJK", **kw
        )

    heading = style("heading", 18, TA_CENTER)
    body = style("body", 12, TA_JUSTIFY, firstLineIndent=24, spaceAfter=1 * mm)
    sign = style("sign", 12, TA_RIGHT)

    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    lines = text.split("\n")
    story: list[Any] = []
    head, rest = lines[:3], lines[3:]
    for line in head:
        story.append(Paragraph(esc(line), heading))
    tail = len(rest)
    while tail > 0 and rest[tail - 1] and not rest[tail - 1].endswith("。"):
        tail -= 1
    for i, line in enumerate(rest):
        if not line:
            story.append(Spacer(1, 3 * mm))
        else:
            story.append(Paragraph(esc(line), sign if i >= tail else body))

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8.5)
        canvas.setFillColor(colors.grey)
        canvas.drawCentredString(A4[0] / 2, 18 * mm, f"{title}  第{doc.page}页")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        topMargin=37 * mm,
        bottomMargin=35 * mm,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        title=title,
        invariant=1 if invariant else 0,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def pdf_bytes(title: str, text: str) -> bytes:
    buf = io.BytesIO()
    build_pdf(title, text, buf)
    return buf.getvalue()
