"""Realistic, valid identities for demo data in 汕尾: names, resident ID numbers (GB 11643),
unified social credit codes (GB 11714 / GB 32100), phones, employers' names and addresses.

Everything is drawn from the caller's ``random.Random``, so a seed gives the same people.
"""

from __future__ import annotations

import datetime as dt
import random

from casemgr import validation

# --------------------------------------------------------------------------- names

#: Common surnames of eastern Guangdong (汕尾 is Hoklo/Hakka country: 陈, 林, 黄, 蔡, 彭 ...),
#: weighted roughly by frequency; migrant workers draw from the national list.
SURNAMES_LOCAL = (
    "陈" * 14 + "林" * 8 + "黄" * 7 + "李" * 6 + "吴" * 5 + "蔡" * 5 + "彭" * 4 + "刘" * 4 + "郑" * 4
    + "庄" * 3 + "叶" * 3 + "钟" * 3 + "曾" * 3 + "罗" * 3 + "张" * 3 + "杨" * 2 + "卓" * 2 + "余" * 2
    + "许" * 2 + "王" * 2 + "朱" + "何" + "谢" + "苏" + "詹" + "温" + "马" + "周" + "邱" + "颜"
)  # fmt: skip
SURNAMES_NATIONAL = (
    "王" * 8 + "李" * 8 + "张" * 8 + "刘" * 6 + "陈" * 5 + "杨" * 4 + "黄" * 3 + "赵" * 3 + "吴" * 3
    + "周" * 3 + "徐" * 2 + "孙" * 2 + "马" * 2 + "朱" * 2 + "胡" * 2 + "郭" * 2 + "何" * 2 + "罗" * 2
    + "梁" + "宋" + "唐" + "韩" + "冯" + "邓" + "曹" + "彭" + "田" + "蒋" + "覃" + "韦" + "莫" + "廖"
)  # fmt: skip
GIVEN_MALE = "伟强军杰斌勇辉明华建国志文俊涛鹏飞超波刚海峰亮东林龙平宏振锦坤荣鑫汉雄"
GIVEN_FEMALE = "芳娜敏静丽艳秀娟霞玲燕红梅琳婷慧莹雪晶萍倩佳欣怡妹珍凤桂兰"
GIVEN_MIDDLE = "小家晓建志国少永子嘉丽秀雅春海金玉德文宝伟惠美淑"

#: 汕尾's county-level region codes (GB/T 2260), keyed by our district names.
REGION_BY_DISTRICT = {
    "城区": "441502",
    "海丰县": "441521",
    "陆河县": "441523",
    "陆丰市": "441581",
    "红海湾经济开发区": "441502",  # administered from 城区
    "华侨管理区": "441581",  # within 陆丰's area
    "汕尾高新区": "441521",  # within 海丰's area
}
#: Home regions of migrant workers: 广西, 湖南, 四川, 贵州, 江西, 河南, 广东揭阳/梅州.
MIGRANT_REGIONS = (
    "450102",
    "450881",
    "431121",
    "430524",
    "511623",
    "510623",
    "522127",
    "520221",
    "362426",
    "360781",
    "411522",
    "412827",
    "445221",
    "441481",
)
DISTRICT_WEIGHTS = (26, 24, 24, 10, 6, 4, 6)  # 城区 海丰 陆丰 陆河 红海湾 华侨 高新

BRAND = "鸿达宏兴金海顺发华美联兴永盛恒泰伟业新科荣昌万通富源嘉信粤海汕美港湾龙腾利丰德隆"
INDUSTRIES: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    # (industry, name core, organisation forms, employs migrant workers on sites)
    ("建筑业", "建筑工程", ("有限公司",), True),
    ("建筑业", "建设工程", ("有限公司",), True),
    ("制造业", "制衣", ("有限公司", "厂"), False),
    ("制造业", "电子", ("有限公司", "厂"), False),
    ("制造业", "珠宝首饰", ("有限公司",), False),
    ("制造业", "五金塑胶", ("有限公司", "厂"), False),
    ("制造业", "食品", ("有限公司",), False),
    ("农林牧渔业", "水产养殖", ("专业合作社", "有限公司"), False),
    ("住宿和餐饮业", "餐饮管理", ("有限公司", "酒楼"), False),
    ("住宿和餐饮业", "酒店", ("有限公司",), False),
    ("批发和零售业", "商贸", ("有限公司", "商行"), False),
    ("房地产业", "物业管理", ("有限公司",), False),
    ("交通运输业", "物流", ("有限公司",), False),
    ("居民服务业", "家政服务", ("有限公司",), False),
)
CITY_PREFIX = {
    "城区": "汕尾市",
    "海丰县": "海丰县",
    "陆丰市": "陆丰市",
    "陆河县": "陆河县",
    "红海湾经济开发区": "汕尾市红海湾",
    "华侨管理区": "陆丰市华侨",
    "汕尾高新区": "汕尾市",
}
STREETS = (
    "人民路",
    "香城路",
    "汕尾大道",
    "红草镇",
    "梅陇镇",
    "可塘镇",
    "东海街道",
    "城东街道",
    "河田镇",
    "甲子镇",
)


def weighted(rng: random.Random, items: tuple[str, ...], weights: tuple[int, ...]) -> str:
    return rng.choices(items, weights=weights, k=1)[0]


class IdentityMaker:
    """Valid, unique resident ID numbers and credit codes from one random stream."""

    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.today = today
        self.ids: set[str] = set()
        self.usccs: set[str] = set()

    def resident_id(self, region: str, *, female: bool, min_age: int = 18, max_age: int = 58) -> str:
        while True:
            age_days = self.rng.randint(min_age * 365 + 5, max_age * 365)
            born = self.today - dt.timedelta(days=age_days)
            sex_digit = int(self.rng.choice("02468" if female else "13579"))  # the 17th digit: even = female
            order = self.rng.randint(0, 99) * 10 + sex_digit
            first17 = f"{region}{born:%Y%m%d}{order:03d}"[:17]
            value = first17 + validation.resident_id_check_char(first17)
            if value not in self.ids:
                self.ids.add(value)
                return value

    def uscc(self, region: str, category: str = "1") -> str:
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        while True:
            body = "".join(self.rng.choice(alphabet[:10] if i < 2 else alphabet) for i in range(8))
            org = body + _org_check(body)
            first17 = f"9{category}{region}{org}"
            value = first17 + validation.uscc_check_char(first17)
            if value not in self.usccs and validation.is_valid_uscc(value):
                self.usccs.add(value)
                return value


def _org_check(body: str) -> str:
    """GB 11714 check character of an organisation code (the 9th character)."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, weights, strict=True))
    c = 11 - total % 11
    return "0" if c == 11 else "X" if c == 10 else str(c)


def person_name(rng: random.Random, *, female: bool, local: bool) -> str:
    surname = rng.choice(SURNAMES_LOCAL if local else SURNAMES_NATIONAL)
    given = GIVEN_FEMALE if female else GIVEN_MALE
    if rng.random() < 0.3:  # 2-character names (王芳) are common, 3-character ones more so
        return surname + rng.choice(given)
    return surname + rng.choice(GIVEN_MIDDLE + given) + rng.choice(given)


def mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + "".join(rng.choice("0123456789") for _ in range(9))
