"""Numerals: find the span with our own patterns, convert it with a library.

Arabic numerals are read with Decimal (no float noise: 13674.6万 → 136746000 exactly); Chinese
numerals and mixtures go through cn2an once the span is cut out."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import cn2an

# A minus sign belongs to the number when it does not join two figures (30%-50%, 1-6月) or a
# code: -3.5% growth keeps it, so does a negative count in a table of changes.
SIGN = r"(?:(?<![\dA-Za-z%.\-−])[-−](?=\d))?"
# Thousands are grouped by commas (1,234.5) or, as statistical yearbooks print them, by a space
# (38 928.8平方米, 19 058米): a spaced group counts only when a unit or a decimal follows it
# right away, so cells of a table apart by spaces (12 345 678) stay apart.
SPACED_THOUSANDS = r"(?<![\d.,])\d{1,3}(?: \d{3})+(?:\.\d+)?(?=[^\d\s,，、。；;|])"
# A page that broke a number with a space (新增供养人员 50 00人): no number opens with 0, so a
# group of two or more digits opening with 0 right before a unit continues the digits before it.
SPLIT_BY_SPACE = r"(?<![\d.,])\d+(?: 0\d+)+(?:\.\d+)?(?=[^\d\s,，、。；;|])"
ARABIC = rf"{SIGN}(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{SPACED_THOUSANDS}|{SPLIT_BY_SPACE}|\d+(?:\.\d+)?)"
CHINESE_DIGITS = "零〇一二两三四五六七八九"
CHINESE = rf"[{CHINESE_DIGITS}十百千万亿]+(?:点[{CHINESE_DIGITS}]+)?"
# A lone 一/千/万/百/亿 reads as "a"/"thousands of" (一次大排查, 千家万户), not as a count; a lone 零
# before a unit's character opens a word (零部件, 零件) or says "none" (零投诉), no count either.
NOT_A_COUNT = frozenset("一千万百亿零")


def skip_space_back(text: str, position: int) -> int:
    """Where the spaces (not line breaks) before `position` begin: a number's unit or mark may
    stand a space apart from it."""
    while position > 0 and text[position - 1] in " \t\u00a0":
        position -= 1
    return position


def is_arabic(numeral: str) -> bool:
    return numeral.lstrip("-−")[:1].isdigit()


def parse_arabic(numeral: str) -> Decimal:
    return Decimal(numeral.replace(",", "").replace(" ", "").replace("−", "-"))


class NotANumeral(ValueError):
    """A run of numeral characters that is no number (二二, 十十)."""


@lru_cache(maxsize=4096)
def parse_chinese(numeral: str) -> Decimal:
    if numeral[0] in "百千万亿":  # 百余人 is 一百余人
        numeral = "一" + numeral
    try:
        return Decimal(str(cn2an.cn2an(numeral, "smart")))
    except ValueError as error:
        raise NotANumeral(numeral) from error


def parse_numeral(numeral: str) -> Decimal:
    return parse_arabic(numeral) if is_arabic(numeral) else parse_chinese(numeral)


def as_number(value: float) -> float | int:
    """A whole value as int, else float: JSON shows 17662, not 17662.0."""
    return int(value) if float(value).is_integer() else float(value)
