"""Identifier checks on published samples and on random corruptions of valid numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from casemgr import validation as v
from tests.helpers import TODAY

# The sample printed in GB 11643-1999 itself, and well-known published examples.
PUBLISHED_IDS = ["11010519491231002X", "440524188001010014", "11010119900307803X"]
PUBLISHED_USCC = ["91350100M000100Y43", "91110000600037341L"]

# Check characters written here from the standards, not taken from casemgr.validation, so that
# the generated numbers below are not checked by the code that made them.

#: GB 11643-1999 (ISO 7064 MOD 11-2): the weight of position i (1..17, left to right) is
#: 2^(18-i) mod 11; the check character of the weighted sum S is (12 - S mod 11) mod 11,
#: with 10 written X.
ID_WEIGHTS = [2 ** (18 - i) % 11 for i in range(1, 18)]  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2


def gb11643_check(first17: str) -> str:
    c = (12 - sum(int(ch) * w for ch, w in zip(first17, ID_WEIGHTS, strict=True)) % 11) % 11
    return "X" if c == 10 else str(c)


#: GB 32100-2015: 31 characters (no I, O, S, V, Z) worth 0..30; the weight of position i
#: (1..17) is 3^(i-1) mod 31; the check character is worth 31 - S mod 31 (31 written 0).
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [3 ** (i - 1) % 31 for i in range(1, 18)]  # 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28


def gb32100_check(first17: str) -> str:
    s = sum(USCC_CHARS.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - s % 31) % 31]


def test_check_characters_computed_by_hand() -> None:
    assert ID_WEIGHTS == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    assert USCC_WEIGHTS == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    assert v.USCC_ALPHABET == USCC_CHARS
    # 11010519491231002X: 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9
    #   + 3·10 + 1·5 + 0·8 + 0·4 + 2·2 = 167; 167 mod 11 = 2; (12 - 2) mod 11 = 10 -> X.
    assert v.resident_id_check_char("11010519491231002") == "X"
    # 440524188001010014: 28 + 36 + 0 + 25 + 16 + 16 + 2 + 8 + 48 + 0 + 0 + 9 + 0 + 5 + 0 + 0 + 2
    #   = 195; 195 mod 11 = 8; (12 - 8) mod 11 = 4.
    assert v.resident_id_check_char("44052418800101001") == "4"
    # 汕尾城区 441502, born 1985-06-15, serial 123: 28 + 36 + 10 + 25 + 0 + 8 + 2 + 9 + 48 + 15
    #   + 0 + 54 + 10 + 25 + 8 + 8 + 6 = 292; 292 mod 11 = 6; (12 - 6) mod 11 = 6.
    assert v.resident_id_check_char("44150219850615123") == "6"
    assert v.is_valid_resident_id("441502198506151236")
    assert not v.is_valid_resident_id("441502198506151230")
    # 91350100M000100Y43 (M = 21, Y = 30): 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17
    #   + 21·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24 + 0·10 + 30·30 + 4·28 = 1640;
    #   1640 mod 31 = 28; 31 - 28 = 3.
    assert v.uscc_check_char("91350100M000100Y4") == "3"
    # 91110000600037341L: 9 + 3 + 9 + 27 + 0 + 0 + 0 + 0 + 6·20 + 0 + 0 + 0 + 3·8 + 7·24 + 3·10
    #   + 4·30 + 1·28 = 538; 538 mod 31 = 11; 31 - 11 = 20 = L.
    assert v.uscc_check_char("91110000600037341") == "L"


def test_published_resident_ids_are_valid() -> None:
    for value in PUBLISHED_IDS:
        assert v.is_valid_resident_id(value), value
    assert v.is_valid_resident_id("11010519491231002x")  # lower-case x accepted as X


def test_resident_id_rejections() -> None:
    assert not v.is_valid_resident_id("110105194912310021")  # wrong check character
    assert not v.is_valid_resident_id("11010519491331002X")  # month 13
    assert not v.is_valid_resident_id("11010519490230002X")  # 30 February
    assert not v.is_valid_resident_id("1101051949123100")  # too short
    assert not v.is_valid_resident_id("01010519491231002X")  # no region starts with 0
    assert not v.is_valid_resident_id(None)
    assert not v.is_valid_resident_id(11010519491231002)
    future = "110105" + (TODAY + dt.timedelta(days=400)).strftime("%Y%m%d") + "001"
    assert not v.is_valid_resident_id(future + gb11643_check(future))  # born in the future


def test_published_uscc_are_valid() -> None:
    for value in PUBLISHED_USCC:
        assert v.is_valid_uscc(value), value


def test_uscc_rejections() -> None:
    assert not v.is_valid_uscc("91350100M000100Y44")
    assert not v.is_valid_uscc("91350100M000100I43")  # I is not in the alphabet
    assert not v.is_valid_uscc("")
    assert not v.is_valid_uscc(["91350100M000100Y43"])


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    region = draw(st.sampled_from(["441502", "441521", "441581", "441523", "110105", "440304"]))
    born = draw(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2010, 12, 31)))
    serial = draw(st.integers(min_value=0, max_value=999))
    first17 = f"{region}{born:%Y%m%d}{serial:03d}"
    return first17 + gb11643_check(first17)


@st.composite
def usccs(draw: st.DrawFn) -> str:
    head = draw(st.sampled_from(["91", "92", "93", "11", "12", "51", "52", "Y1"]))
    region = draw(st.sampled_from(["441500", "441521", "441581", "110000"]))
    body = draw(st.text(alphabet=USCC_CHARS, min_size=9, max_size=9))
    first17 = head + region + body
    return first17 + gb32100_check(first17)


@given(resident_ids())
def test_generated_ids_valid(value: str) -> None:
    assert v.resident_id_check_char(value[:17]) == value[17]
    assert v.is_valid_resident_id(value)
    assert v.is_valid_resident_id(value.lower())
    assert v.birth_date_from_id(value) == dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


@given(resident_ids(), st.integers(min_value=0, max_value=17), st.sampled_from("0123456789X"))
def test_any_single_character_change_is_caught(value: str, pos: int, char: str) -> None:
    # MOD 11-2 detects every single-character substitution.
    assume(value[pos] != char)
    corrupted = value[:pos] + char + value[pos + 1 :]
    assert not v.is_valid_resident_id(corrupted)


@given(resident_ids(), st.integers(min_value=0, max_value=16))
def test_adjacent_transpositions_are_caught(value: str, pos: int) -> None:
    swapped = value[:pos] + value[pos + 1] + value[pos] + value[pos + 2 :]
    assume(swapped != value)
    assert not v.is_valid_resident_id(swapped)


@given(usccs())
def test_generated_uscc_valid(value: str) -> None:
    assert v.uscc_check_char(value[:17]) == value[17]
    assert v.is_valid_uscc(value)


@given(usccs(), st.integers(min_value=0, max_value=17), st.sampled_from(USCC_CHARS))
def test_uscc_single_change_is_caught(value: str, pos: int, char: str) -> None:
    assume(value[pos] != char)
    corrupted = value[:pos] + char + value[pos + 1 :]
    assert not v.is_valid_uscc(corrupted)


@given(st.text(max_size=30))
def test_predicates_never_raise(value: str) -> None:
    for pred in (v.is_valid_resident_id, v.is_valid_uscc, v.is_valid_phone, v.is_valid_amount):
        assert isinstance(pred(value), bool)


def test_phones() -> None:
    assert v.is_valid_mobile("13800138000")
    assert v.is_valid_mobile("+86 138-0013-8000")
    assert not v.is_valid_mobile("12800138000")
    assert v.is_valid_landline("0660-3388123")
    assert v.is_valid_landline("020-88886666")
    assert not v.is_valid_landline("3388123")
    assert not v.is_valid_phone("abc")


def test_amounts() -> None:
    assert v.parse_amount("12,000.50") == Decimal("12000.50")
    assert v.parse_amount("1.000") == Decimal("1.00")
    assert v.parse_amount(Decimal("3")) == Decimal("3.00")
    assert v.parse_amount("1.005") is None  # three decimals
    assert v.parse_amount("-1") is None
    assert v.parse_amount(1.5) is None  # floats refused on purpose
    assert v.parse_amount("NaN") is None
    assert v.parse_amount("1e400") is None
    assert v.parse_amount(True) is None


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_amount_round_trip(d: Decimal) -> None:
    assert v.parse_amount(str(d)) == d


def test_whole_numbers_from_text() -> None:
    """Digits that are not decimal digits ("²", "①") and absurdly long numbers are a
    message, never a ValueError from int() (found by the hostile-input property test)."""
    from casemgr.errors import ValidationError
    from casemgr.io.columns import CellError, parse_int

    assert v.clean_int(" 12 ", "workers") == 12
    assert v.clean_int("１２", "workers") == 12  # full-width digits, as Chinese IMEs type them
    for bad in ("²", "①", "1²", "9" * 5000):
        with pytest.raises(ValidationError):
            v.clean_int(bad, "workers")
        with pytest.raises(CellError):
            parse_int(bad)


def test_every_field_a_service_refuses_has_a_label() -> None:
    """A refusal starts with the field's name: ``assigned_user：用户不存在`` reached a clerk (issue 15)."""
    import re
    from pathlib import Path

    from casemgr import validation

    root = Path(validation.__file__).resolve().parent
    named = {
        m.group(1)
        for path in root.rglob("*.py")
        for m in re.finditer(r"\bfail\(\s*\"(\w+)\"", path.read_text(encoding="utf-8"))
    }
    assert "assigned_user" in named
    assert sorted(named - set(validation.FIELD_LABELS)) == []
    assert (
        validation.fail("assigned_user", "用户不存在", "no such user").message("zh") == "承办人：用户不存在"
    )
