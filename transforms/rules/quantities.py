"""Quantities: a numeral with its unit, qualifier and value in the base unit.

Each rule is a named pattern with its production (match → Quantity). `find_quantities` runs
them all, adds the cells of flattened tables (rules/tables.py), applies the exclusions and keeps
the longest quantity where two overlap."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from transforms.lexicon import load_toml
from transforms.model import Quantity, Qualifier
from transforms.rules import exclusions, finditer_at, opening_guard
from transforms.rules.numbers import (ARABIC, CHINESE, CHINESE_DIGITS, NOT_A_COUNT, NotANumeral, is_arabic, parse_numeral,
                                     skip_space_back)
from transforms.rules.qualifiers import qualifier_before, qualifier_in_clause, qualifier_words
from transforms.rules.tables import TableReading, table_reading
from transforms.rules.units import (LIST_GROUPING, alternation, sizes_list_before, arabic_only, compound_brackets, compound_units, false_friends, unbracketed, slashed_packages,
                                    multipliers, numeral_place_names, place_suffixes, simple_units,
                                    NO_UNIT, table_headers, unit_kinds, unit_words,
                                    units_opening_with_multiplier)

SPACE = r"[ \t\u00a0]{0,2}"
# Characters that glue a digit to a code or an identifier (K26058142/2024-13705, 3A).
CODE_CHARS = re.compile(r"[A-Za-z0-9_./\-·]")
# An hour and its colon (10:41), or an hour and minutes (14:20:05): the two digits after it are
# minutes or seconds, never a count.
CLOCK_BEFORE = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3]):(?:[0-5]\d:)?$")
MINUTES = re.compile(r"[0-5]\d")
# A Chinese numeral read digit by digit (六〇二所, 二〇二四) names or dates; a count has places (六百零二).
DIGIT_BY_DIGIT = re.compile(r"[〇零一二三四五六七八九]{3,}")
# What joins the two figures of a range (200-5000元, 3000—6000元, 1至2家, 30%-50%).
RANGE_MARKS = "-~～—"
RANGE_FIRST = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?[万亿]?[-~～—]$")
# A figure with its unit, then a slash: what follows the slash is the same thing's figure in another
# unit (12万人/8万头), unless it is a rate's base (5例/10万).
COUNT_BEFORE_SLASH = re.compile(r"\d[万亿]?[\u4e00-\u9fff]{1,2}/$")
RATE_BASE = re.compile(r"10?[万千]")
# Before a Chinese numeral these make it vague, not a count: 几十个, 数十家, 若干.
VAGUE_BEFORE = "几数若多"


@dataclass(frozen=True)
class QuantityRule:
    name: str
    pattern: re.Pattern
    produce: Callable[[re.Match, str], Quantity | list[Quantity] | None]
    # the characters a match can open with, for a pattern the regex engine finds no such
    # prefix in (a numeral after a lookbehind): `matches` tries the pattern only there (written
    # class first, any lookbehind after it, \d(?<=[…]\d): the engine scans for a leading class)
    opens: re.Pattern | None = None

    def matches(self, text: str):
        return self.pattern.finditer(text) if self.opens is None else finditer_at(self.pattern, self.opens, text)


def _qualifier(text: str, match: re.Match, inside: str | None) -> tuple[Qualifier | None, int, int]:
    """The qualifier of a quantity and the outer span its words cover (约 before it, 左右
    after it)."""
    start, after = match.start(), match.group("after")
    found_before = qualifier_before(text, skip_space_back(text, start))
    outer_start = skip_space_back(text, start) - len(found_before[0]) if found_before else start
    outer_end = match.end()
    for candidate in (qualifier_words("inside").get(inside or ""),
                      found_before[1] if found_before else None,
                      qualifier_words("after").get(after or ""),
                      qualifier_in_clause(text, outer_start)):
        if candidate:
            return candidate, outer_start, outer_end
    return None, outer_start, outer_end


def _numeral_is_standalone(text: str, match: re.Match) -> bool:
    numeral, start = match.group("num"), match.start("num")
    before = text[start - 1] if start else ""
    if is_arabic(numeral):
        if before in RANGE_MARKS and text[start - 2:start - 1] in ("%", "‰"):
            return True  # the second figure of a range: 30%-50%
        first = RANGE_FIRST.search(text, max(0, start - 16), start)
        if before in RANGE_MARKS and first and not CODE_CHARS.match(text[first.start() - 1:first.start()] or " "):
            return True  # the second figure of a range of bare numbers: 200-5000元 (not K26-2024)
        if CLOCK_BEFORE.search(text, max(0, start - 7), start) and MINUTES.fullmatch(numeral):
            return False  # 2025-09-24 10:41人口结构…: a clock time's minutes, run into the next words
        if before == "/" and COUNT_BEFORE_SLASH.search(text, max(0, start - 12), start) and not RATE_BASE.match(text, start):
            return True  # 饮水困难12万人/8万头: one thing's second figure, in another unit
        return not (before and CODE_CHARS.match(before))
    if before and before in VAGUE_BEFORE or DIGIT_BY_DIGIT.fullmatch(numeral):
        return False
    if numeral.startswith("一一") and text.endswith(tuple(_one_words()["glued_before"]), 0, start):
        return False  # 唯一一家, 统一一次: the first 一 closes a word (唯一), the second is an article
    if numeral in ROUND_COUNTS and match.groupdict().get("unit") and qualifier_before(text, skip_space_back(text, start)):
        return True  # 百岁老人突破千人, 惠及近万人次: a round count a bound gives, in its unit (超千万的: a class)
    return not (numeral in NOT_A_COUNT and not (match.group("inside") or _inside_unit(match)))


def _inside_unit(match: re.Match) -> str | None:
    """多 or 余 written inside a span's unit (3个多月, 一个多小时: more than one hour, a span measured)."""
    unit = match.groupdict().get("unit") or ""
    return next((word for word in qualifier_words("inside") if word in unit), None)


ROUND_COUNTS = ("百", "千", "万")  # alone, a count only after a bounding word (突破, 超, 近百家): else 千家万户, 百家


CLAUSE_OPEN = re.compile(r"[。；;!?！？\n][^。；;!?！？\n]*$")


def _one_among_counts(text: str, match: re.Match) -> bool:
    """一 is an article (一次大排查, 一批), but a count where its sentence has counted the same
    unit before (为六位老人办了优待证,一位百岁老人…; 示范片2个,其中…示范一个): one of several
    counted alike. Not in a clause that negates (没有发生一件…: not one), nor closing a word (同一家, 每一个)."""
    if match.group("num") != "一" or match.group("inside"):
        return False
    start, unit = match.start("num"), match.group("unit")
    opened = CLAUSE_OPEN.search(text, max(0, start - ONE_LOOKBACK), start)
    before = text[opened.start() + 1 if opened else max(0, start - ONE_LOOKBACK):start]
    clause = re.split(r"[,，、:：]", before)[-1]
    happened = next((verb for verb in _one_words()["happened"] if before.endswith(verb)), None)
    if unit in _one_words()["events"] and happened:
        # 发生一起森林火灾: an event that happened, counted (session-35 ruling), unless the verb is
        # negated right before it (未发生一起, 没有出现一起); a place's 无 (无为市) negates nothing
        return not any(word in before[-len(happened) - 2:-len(happened)] for word in _one_words()["negations"])
    if any(word in clause for word in _one_words()["negations"]) or before.endswith(tuple(_one_words()["glued_before"])):
        return False  # 没有发生一件; 同一家, 每一个: no count
    joiners = alternation(_one_words()["one_after_another"])
    if re.compile(rf"(?:{joiners})一{re.escape(unit)}").match(text, match.end("unit")) \
            or re.search(rf"一{re.escape(unit)}(?:{joiners})$", before):
        return False  # 一件接一件, 一个又一个: one after another, no count
    if qualifier_before(text, skip_space_back(text, start)) or qualifier_in_clause(text, start):
        return True  # 每个区至少有一个国办养老机构: a bound makes it a count
    distributive = re.search(r"一[\u4e00-\u9fff]$", before)  # 一户一人, 一月一次: so much for each, no count
    alone = any(word in clause for word in _one_words()["alone"])  # 仍靠民政一家: one body alone, no count
    if (_one_closing_clause().match(text, match.end("unit")) and not distributive and not alone
            and unit not in _one_words()["word_not_count"]):
        return True  # 新建敬老院一所, ; 发放面粉一袋、大米一袋、食用油一桶: counted after the noun
    if _one_coordinated().search(exclusions.blank_quoted_names(before)) and unit not in _one_words()["coordinated_not_count"]:
        return True  # 建成5个日间照料中心和一所敬老院: one more thing of a list counted
    if unit in _one_words()["durations"] and not text.startswith(tuple(_one_words()["duration_scope"]), match.end("unit")):
        return True  # 增发一个月低保金: a span of time is measured, not introduced
    # (a count inside a quoted name, “四个一好”(一个好菜地、一个好食堂…), is the name's: no count before)
    return bool(re.search(rf"(?:\d|[二三四五六七八九十两百千])(?:余|多)?{re.escape(unit)}",
                          exclusions.blank_quoted_names(before)))


@cache
def _one_closing_clause() -> re.Pattern:
    """What follows 一 and its unit when they count the noun before them (老年大学一所音响设备一套…一间。):
    the clause's end, perhaps after more nouns each counted so; an article opens its noun instead
    (开展一次大排查)."""
    units = alternation(simple_units())
    return re.compile(rf"(?:[\u4e00-\u9fff]{{2,8}}?一(?:{units}))*\s*(?:[,，。;；、]|$)", re.M)


@cache
def _one_coordinated() -> re.Pattern:
    """A count, its noun and a coordinator right before 一 (5个日间照料中心和|一所…): 一 is the next
    item's count."""
    return re.compile(rf"(?:\d|[二三四五六七八九十两百千])(?:余|多)?(?:{alternation(simple_units())})"
                      rf"[^,，。;；:：、\d]{{1,12}}(?:{alternation(_one_words()['coordinators'])})$")


ONE_LOOKBACK = 80  # how far back the sentence's earlier counts are looked for


@cache
def _one_words() -> dict:
    return load_toml("units.toml")["one_as_count"]


def _unit_is_real(text: str, match: re.Match) -> bool:
    """False when the unit's characters open another word (5000家庭 is not 5000 家), the
    numeral and unit are a place name (三台县; not before a word of places, 两所县级医院), a unit read after Arabic digits only
    follows a Chinese numeral or a clock hour (十分重要, 8时30分), or a unit word is a rate's
    base (每10万人口)."""
    if false_friends().match(text, match.start("unit")) and not LIST_GROUPING.match(text, match.start("unit")) \
            and not _aspects_listed(text, match):
        return False
    if _counts_names_before(text, match):
        return True  # 云南、贵州、四川三省
    arabic_units, clock_marks = arabic_only()
    if match.group("unit") in arabic_units:
        before = text[match.start("num") - 1:match.start("num")]
        if not is_arabic(match.group("num")) or (before and before in clock_marks):
            return False
    if not is_arabic(match.group("num")) and numeral_place_names().match(text, match.start("num")):
        return False
    if match.group("unit") in unit_words() and text.endswith("每", 0, match.start("num")):
        return False  # 每10万人口: a rate's base
    if match.group("unit") in _place_counts()["units"] and not _is_place_count(match):
        return False  # 2022市教育局, 29 区卫生健康局: a year, a code or a page number before a name
    after = text[match.end("unit"):match.end("unit") + 1]
    return not (after and after in place_suffixes() and match.group("unit") != "个"
                and not is_arabic(match.group("num")) and not false_friends().match(text, match.end("unit")))


# a list of names right before a figure, apart by 、 (or 和, 及 before the last), names a page masked
# (xxx、xxx两村) too
NAME = r"(?:[\u4e00-\u9fff]{2,6}|[xX×*＊]{2,6})"
NAMES_LISTED = re.compile(rf"(?:{NAME}[、和及])+{NAME}$")


def _counts_names_before(text: str, match: re.Match) -> bool:
    """云南、贵州、四川三省: places counted in Chinese numerals right after a list of as many names
    count them, though a Chinese numeral before a place's character is mostly a name (三台县)."""
    if match.group("unit") not in _place_counts()["units"] or is_arabic(match.group("num")):
        return False
    listed = NAMES_LISTED.search(text, max(0, match.start("num") - 40), match.start("num"))
    return listed is not None and len(re.split("[、和及]", listed.group())) == parse_numeral(match.group("num"))


def _aspects_listed(text: str, match: re.Match) -> bool:
    """从“助学圆梦”、…、“助孤圆梦”六个方面: N个方面 right after a list of as many things its
    clause names is the size of that list, a figure (session-35 ruling); alone (从五个方面抓好) it
    is the document's own structure, and 个方面 no unit."""
    return text.startswith("个方面", match.start("unit")) and not is_arabic(match.group("num")) \
        and sizes_list_before(text, match.start("num"), match.group("num"))


@cache
def _place_counts() -> dict:
    return load_toml("units.toml")["place_counts"]


def _is_place_count(match: re.Match) -> bool:
    """6县, 16市, 782村: places counted are a few digits written against their place's character
    (cities and districts at most three), never a year (2022市教育局) nor a longer code
    (727056962市民政局), nor a number a space parts from it (a page number before 区卫生健康局)."""
    table, numeral = _place_counts(), match.group("num")
    most = table["most_digits_of"].get(match.group("unit"), table["most_digits"])
    return (match.end("num") == match.start("unit") and numeral.isdigit()
            and len(numeral) <= most and not re.match(table["years"], numeral))


def produce_numeral_with_unit(match: re.Match, text: str) -> Quantity | None:
    if UNIT_BREAK.search(match.group("unit")):
        match = _UnitJoined(match)
    if not ((_numeral_is_standalone(text, match) or _one_among_counts(text, match)) and _unit_is_real(text, match)):
        return None
    if match.group("mult") and match.group("unit") in unit_words() and unit_kinds()[unit_words()[match.group("unit")]] == "count":
        return None  # 128万多人口: what a figure in 万 counts, no unit (ten_thousands_without_unit)
    if not match.group("mult") and match.group("unit") in _after_multiplier():
        return None  # 30度高温: 度 is kilowatt-hours after 万 or 亿 only
    base = unit_words().get(match.group("unit"), match.group("unit"))
    # (brackets count what else a count counts: after money or a measure, 补助100元(次), they are an aside)
    brackets = match.group("brackets") if unit_kinds()[base] == "count" else None
    unit = base + unbracketed(brackets or "")
    value = parse_numeral(match.group("num"))
    if match.group("mult") and unit_kinds()[unit] != "percent":
        value *= multipliers()[match.group("mult")]
    if _negative_in_words(text, match.start("num")) and is_arabic(match.group("num")) and value > 0:
        value = -value  # 财产性净收入负64元, 增速为负2.1%: the sign said in words, outside raw
    inside = match.group("inside") or match.group("inside2") or _inside_unit(match)  # 3个多月
    qualifier, outer_start, outer_end = _qualifier(text, match, inside)
    end = match.end("brackets") if brackets else match.end("unit")
    limit = _time_limit(text, outer_end, unit) if qualifier is None else None
    if limit:
        qualifier, outer_end = qualifier_words("after_duration")[limit.group()], limit.end()
    return Quantity(float(value), unit, match.start(), end, qualifier, outer_start, outer_end)


def _package_after_slash() -> str:
    """/箱 right after a one-character count unit (3250件/箱): the package the goods are counted by
    too; after money or a rate's base (元/箱, 人/户) no such thing. The units are those
    `compound_units` gives a package."""
    singles = "".join(sorted({unit for written, unit in compound_units() if "/" in written}))
    return rf"(?<=[{re.escape(singles)}])/(?:{alternation(slashed_packages())})(?![\u4e00-\u9fff])"


@cache
def _after_multiplier() -> frozenset[str]:
    return frozenset(load_toml("units.toml")["measure"]["after_multiplier"])


# 内 after a span is a time limit (7个工作日内), unless it opens a word (内容, 内部, 内设)
TIME_LIMIT = re.compile(r"内(?![容部涵设外蒙控在])")


def _time_limit(text: str, end: int, unit: str) -> re.Match | None:
    return TIME_LIMIT.match(text, end) if unit_kinds().get(unit) == "duration" else None


def _negative_in_words(text: str, start: int) -> bool:
    """负 right before the digits is a minus sign (净收入负64元), unless it closes a word (社区减负6项规定)."""
    sign, words = _negative_words()
    return text.endswith(sign, 0, start) and not text.endswith(words, 0, start)


@cache
def _negative_words() -> tuple[str, tuple[str, ...]]:
    table = load_toml("units.toml")["negative_in_words"]
    return table["sign"], tuple(table["words"])


# What a figure in 万 counts, right after it: a word, not a particle, conjunction or verb that ends the
# figure's phrase (55万乡村人口, but not 55万以上, 3万和, 2万是).
COUNTED_NOUN_AFTER = re.compile(r"(?![以左的和与及或至到等是为了则共即约])[\u4e00-\u9fff]")

# Money named by the clause before a figure that leaves 元 out (投入1526万, 净资产达26亿, 募捐3个亿, 福彩销售15.35亿,
# funds and wages: 追缴医保基金3.2亿, 帮助农民工讨薪1.5亿, and the economy's aggregates: 社零实现120亿, 地区生产总值达300亿).
MONEY_WORDS = re.compile(r"(?:资金|资产|税收|投资|投入|产值|收入|经费|费用|预算|款|支出|拨付|筹集|募集|募捐|补助|补贴|金额|营业额|销售额|销售|销量|救助金"
                         r"|基金|工资|薪"
                         r"|零售总额|零售额|社零|生产总值|增加值)"
                         r"[^,，。;；:：\d]{0,6}$")


def produce_without_unit(match: re.Match, text: str) -> Quantity | None:
    """A figure in 万 or 亿 with no unit after it (numeral_with_unit reads one that has it): a
    count with no unit when the measure it counts stands right before it (总诊疗人次15.4亿,
    参保户数为3.2万, 就业人数在40万以上: the measure names what is counted, the text gives no
    unit), else 元 when its clause names money (投入1526万, 净资产达26亿), else no unit when what
    it counts follows (6.87万建档立卡贫困人口, 128万多人口: 人口 after 万 is that word, not 人)."""
    unit_after = _unit_pattern().match(text, match.end())
    if not _numeral_is_standalone(text, match) or (
            unit_after and not text.startswith(tuple(unit_words()), match.end())
            and not false_friends().match(text, unit_after.end() - len(unit_after.group().lstrip()))):
        return None  # (人口 after 万 is what the figure counts, no unit: 128万多人口; so is a word a
        # unit's characters open, 17.67万市民, 3万村民, 2万家庭: numeral_with_unit reads no unit there)
    if text.endswith("每", 0, match.start()):
        return None  # 每10万人口: a rate's base
    named = _measure_before().search(text, max(0, match.start() - 12), match.start())
    if named:
        unit, factor = NO_UNIT, 1  # the text gives no unit: the measure names what, not the unit
    elif MONEY_WORDS.search(text[max(0, match.start() - 20):match.start()]):
        unit, factor = "元", 1
    elif COUNTED_NOUN_AFTER.match(text, match.end()) and is_arabic(match.group("num")):
        unit, factor = NO_UNIT, 1  # (in Chinese numerals, a name or an idiom: 十万大山, 百万雄师)
    else:
        return None
    value = parse_numeral(match.group("num")) * multipliers()[match.group("mult")] * factor
    inside = match.group("inside") or match.group("inside2")
    qualifier, outer_start, outer_end = _qualifier(text, match, inside)
    after = _after_qualifier().match(text, match.end())  # 40万以上, 3万左右: after the figure, not in raw
    if after:
        qualifier = qualifier or qualifier_words("after")[after.group("after")]
        outer_end = after.end()
    return Quantity(float(value), unit, match.start(), match.end(), qualifier, outer_start, outer_end)


@cache
def _after_qualifier() -> re.Pattern:
    return re.compile(rf"{SPACE}(?P<after>{alternation(qualifier_words('after'))})")


@cache
def _measure_before() -> re.Pattern:
    """A measure's name ending in its counting unit (…人次, …户数) or in 数 or 指数 (订阅数达5120), a
    population (总人口54万, 死亡人口约为280万) or the people counted (现有残疾人3.71万, 福建有儿童790多万), then at most a
    word of about and a verb of being, having or changing (`CHANGE_OF_COUNT`)."""
    counts = [ending for ending, (unit, factor) in table_headers().items() if factor == 1 and unit not in ("元", "%")]
    people = load_toml("units.toml")["people_before"]
    return re.compile(rf"(?P<ending>{alternation(counts + ['人口'] + people['nouns'] + people['measures'])})"
                      rf"(?:大约|约|近|超过|超|逾|突破)?"
                      rf"(?:为|达到?|共|约|在|保持在|稳定在|有|{CHANGE_OF_COUNT})?$")


# a change of the measure before the figure (贫困人口累计减少1200多万, 常住人口净增加3.5万): what
# changed is still what is counted
CHANGE_OF_COUNT = r"(?:累计|共计|共|净)?(?:减少|增加|新增|下降|增长)了?"


def produce_years_of_work(match: re.Match, text: str) -> Quantity | None:
    """连续两年, 历时三年, 近半年时间, 提前3年实现, 已有30多年历史, 19年连涨: years of work done or
    time gained, not a date nor a time scope (近三年来, 近半年未就业)."""
    lead = match.group("lead")
    if lead == "近" and not text.startswith(("时间", "的时间"), match.end()):
        return None
    numeral = match.group("num")
    value = 0.5 if numeral == "半" else parse_numeral(numeral)
    bound = qualifier_words("before").get(lead)
    qualifier = (bound or qualifier_words("inside").get(match.group("inside") or "")
                 or qualifier_words("after").get(match.group("after") or ""))
    start = match.start("lead") if bound else match.start("num")
    end = match.end("after") if match.group("after") else match.end("unit")
    return Quantity(float(value), match.group("unit"), match.start("num"), match.end("unit"), qualifier, start, end)


@cache
def _unit_pattern() -> re.Pattern:
    return re.compile(rf"{SPACE}(?:{alternation(simple_units())})")


def produce_percent_in_words(match: re.Match, text: str) -> Quantity | None:
    value = parse_numeral(match.group("num"))
    qualifier, outer_start, outer_end = _qualifier(text, match, None)
    return Quantity(float(value), "%", match.start(), match.end("num"), qualifier, outer_start, outer_end)


# A share in tenths (超八成的脱贫县, 下降近三成, 七成以上): the figure is the tenths, unit 成, as
# written. 成 after a numeral is also a word's (一成不变, 九成新): only a share's words around it
# make it one, a qualifier or 占/达 before it, 以上/左右 after it.
TENTHS_BEFORE = re.compile(r"(?:占|达到|达|约占)$")
# 七成村(社区)书记高中以上学历, 九成选民参加投票: tenths opening a clause or a headline and
# followed by who they are a share of
TENTHS_OPENING = re.compile(r"(?:^|[\s，,。；;：:！!？?、“”\"(（])$")
HANZI_AFTER = re.compile(r"[\u4e00-\u9fff]")


def produce_tenths(match: re.Match, text: str) -> Quantity | None:
    qualifier, outer_start, outer_end = _qualifier(text, match, None)
    before = text[max(0, match.start() - 2):match.start()]
    opening = TENTHS_OPENING.search(text[max(0, match.start() - 1):match.start()]) is not None \
        and HANZI_AFTER.match(text, match.end("unit")) is not None
    if not (match.group("after") or qualifier_before(text, skip_space_back(text, match.start()))
            or TENTHS_BEFORE.search(before) or opening):
        return None
    value = 5 if match.group("num") == "半" else parse_numeral(match.group("num"))
    return Quantity(float(value), "成", match.start(), match.end("unit"), qualifier, outer_start, outer_end)


def produce_doublings(match: re.Match, text: str) -> Quantity:
    """翻了两番多, 翻了一番以上, 实现翻一番: a growth counted in doublings after 翻 (spec §5: a change), unit 番;
    翻 and its 了 stand outside raw and before the figure's outer span, no part of what grew."""
    qualifier, _, outer_end = _qualifier(text, match, None)
    return Quantity(float(parse_numeral(match.group("num"))), "番", match.start(), match.end("unit"), qualifier,
                    text.rindex("翻", 0, match.start()), outer_end)


# A fraction, in words (占全省四分之一以上) or digits (完成2/3): the quotient, unit none, as the
# fixtures README rules (session 32): 四分之三 is 0.75, 2/3 is 0.666667.
def produce_fraction(match: re.Match, text: str) -> Quantity | None:
    denominator, numerator = parse_numeral(match.group("den")), parse_numeral(match.group("num"))
    if not 0 < numerator < denominator:
        return None
    qualifier, outer_start, outer_end = _qualifier(text, match, None)
    return Quantity(round(float(numerator) / float(denominator), 6), NO_UNIT, match.start(), max(match.end("num"), match.end("den")),
                    qualifier, outer_start, outer_end)


# A ratio to a base of 1 or 100 (性别比为111.85:100, 城乡差距缩小到1:0.81): the figure is the term that
# is not the base, unit none; only after a word of comparison, so that clock times (10:58) are no ratio.
RATIO_BASES = ("1", "100")
RATIO_WORD_BEFORE = re.compile(r"(?:比|差距|比例|之比)[^,，。;；:：\d]{0,6}$")
# the level a ratio moved to after the one it moved from (收入之比由2.5:1缩小到2.3:1): the word before
# the first ratio serves the second
RATIO_CHAIN_BEFORE = re.compile(r"(?:比|差距|比例|之比)[^,，。;；:：\d]{0,6}\d+(?:\.\d+)? ?[:：] ?\d+(?:\.\d+)?"
                                r"[^,，。;；:：\d]{1,6}$")


def produce_ratio(match: re.Match, text: str) -> Quantity | None:
    first, second = match.group("first"), match.group("second")
    if (first in RATIO_BASES) == (second in RATIO_BASES):
        return None  # no base, or two (1:1, 100:1): nothing to read as the figure
    if not (RATIO_WORD_BEFORE.search(text[max(0, match.start() - 12):match.start()])
            or RATIO_CHAIN_BEFORE.search(text[max(0, match.start() - 40):match.start()])):
        return None
    value = float(second if first in RATIO_BASES else first)
    return Quantity(value, NO_UNIT, match.start(), match.end(), None, match.start(), match.end())


# A structure of three or more parts (三次产业结构比例调整为11.7:51.1:37.2, 由上年的3.2:32.5:64.3发展为…,
# 三次产业比调整为…, 三次产业占比由上年的…): each part is a figure, unit none, when a word of structure or
# proportion opens its clause, or the ratio's 比 stands a few words before (as for a ratio to a base),
# or a structure's parts stand a clause before in the sentence with a verb of moving right before the
# figure (…由上年的3.2:32.5:64.3,进一步优化为3.0:31.8:65.2: the level it moved to); a chain of colons
# elsewhere is a clock time or a code.
PARTS_WORD_BEFORE = re.compile(r"(?:(?:结构|比例|之比|构成|占比)[^,，。;；!?！？\n]{0,30}|比[^,，。;；:：!?！？\d\n]{0,6}"
                               r"|\d(?: ?[:：] ?\d+(?:\.\d+)?){2,}[^。;；!?！？\n]{0,8}?(?:调整|优化|转变|变|发展)(?:为|到|至))$")
PART = re.compile(r"\d+(?:\.\d+)?")


def produce_ratio_of_parts(match: re.Match, text: str) -> list[Quantity] | None:
    if not PARTS_WORD_BEFORE.search(text[max(0, match.start() - 40):match.start()]):
        return None
    return [Quantity(float(part.group()), NO_UNIT, match.start() + part.start(), match.start() + part.end(),
                     None, match.start() + part.start(), match.start() + part.end())
            for part in PART.finditer(match.group())]


@cache
def _before_ratio_without_base() -> re.Pattern:
    """What a ratio without its base follows: its measure, alone or with a link (性别比为), a
    bracket saying what it measures between (性别比(女性为100)为), or the measure's
    earlier level and a verb of moving (性别比由105.2下降到), the ratio it moved to."""
    table = load_toml("units.toml")["ratio_without_base"]
    measures, links = alternation(table["measures"]), alternation(table["links"])
    aside = r"(?:[(（][^()（）\n]{1,30}[)）])?"  # 性别比(以女性为100)为107.5: the base told in a bracket
    return re.compile(rf"(?:{measures}){aside}(?:{links})?$|(?:{measures})由\d+(?:\.\d+)?[^,，。;；:：\d]{{1,4}}$")


def _ratio_compared(text: str, match: re.Match) -> bool:
    """…性别比为107.5,与上年的106.4相比…: the level the ratio is compared with, after 与 and 的 in
    a clause of the sentence that named the ratio's measure."""
    if not text.startswith("相比", match.end()) or text[match.start() - 1:match.start()] != "的":
        return False
    clause = re.search(r"[^,，;；。\n]*$", text[max(0, match.start() - 30):match.start()]).group()
    sentence = re.search(r"[^。；;\n]*$", text[max(0, match.start() - 120):match.start()]).group()
    measures = load_toml("units.toml")["ratio_without_base"]["measures"]
    return clause.startswith("与") and any(measure in sentence for measure in measures)


def produce_ratio_without_base(match: re.Match, text: str) -> Quantity | None:
    """总人口性别比为104.6, 城乡居民收入比缩小到2.31, 性别比由105.2下降到104.6: the ratio to the base
    its measure fixes (100, 1), the base left out; unit null."""
    if not _before_ratio_without_base().search(text, max(0, match.start() - 56), match.start()) \
            and not _ratio_compared(text, match):
        return None
    return Quantity(float(match.group("num")), NO_UNIT, match.start(), match.end(), None, match.start(), match.end())


def produce_zero_in_words(match: re.Match, text: str) -> Quantity:
    """城镇零就业家庭动态为零,: a level that is zero, said in words closing its clause (spec §1: zero
    values are figures); unit null, as the text gives none."""
    return Quantity(0.0, NO_UNIT, match.start(), match.end(), None, match.start(), match.end())


# the items of a list right before its count (茶、果、菌、中药材|四大…), apart by 、, or by commas
# after the colon that opens it (包括:基本工资支出,办公经费支出,专项补助及转移支出|四大块); 和 or 及 may
# join the last
LISTED_ITEMS = re.compile(r"(?:[\u4e00-\u9fff]{1,8}、)+[\u4e00-\u9fff]{1,16}$|(?<=[:：])(?:[\u4e00-\u9fff]{1,8}[,，])+[\u4e00-\u9fff]{1,16}$")
LAST_JOINED = re.compile(r"[和及与]")
HANZI_RUN = re.compile(r"[\u4e00-\u9fff]*")


@cache
def _zero_table() -> dict:
    return load_toml("units.toml")["zero_in_words"]


@cache
def _zero_reached() -> str:
    """The lookbehinds of the verbs of reaching before a zero in words (了 may close them), one
    each, so that their widths may differ."""
    return "(?:" + "|".join(f"(?<={verb}{closing})" for verb in _zero_table()["reached"] for closing in ("", "了")) + ")"


@cache
def _list_counted() -> dict:
    return load_toml("units.toml")["list_counted"]


def produce_list_counted(match: re.Match, text: str) -> Quantity | None:
    """壮大了茶、果、菌、中药材四大主导产业; 包括:…,…,专项补助及转移支出四大块: a count of 大 items right
    after a list of as many names counts them (session 34: a list just named, then counted, is a
    figure): unit the measure word after 大 (块), else null, raw that word's end or the numeral's.
    A programme's name stays out: one no such list stands before (十大民生实事), or one a programme's
    word after 大 names (…污染防治三大攻坚战, …资源扶贫四大基础工程)."""
    named = HANZI_RUN.match(text, match.end()).group()
    if any(word in named[:8] for word in _list_counted()["programmes"]):
        return None  # …资源扶贫四大基础工程: the programme's name
    listed = LISTED_ITEMS.search(text, max(0, match.start() - 60), match.start())
    if listed is None:
        return None
    items = re.split(r"[、,，]", listed.group())
    if parse_numeral(match.group("num")) not in (len(items), len(items) - 1 + len(LAST_JOINED.split(items[-1]))):
        return None
    unit = match.group("unit") or NO_UNIT
    end = match.end("unit") if match.group("unit") else match.end("num")
    # (大 stands outside raw but inside the figure's span: no part of what it counts)
    return Quantity(float(parse_numeral(match.group("num"))), unit, match.start(), end, None, match.start(),
                    match.end())


def produce_change_without_sign(match: re.Match, text: str) -> Quantity | None:
    """同比增长18.3; (a % a sharing site dropped): the number as written, unit null."""
    return Quantity(float(match.group("num")), NO_UNIT, match.start(), match.end(), None, match.start(), match.end())


# how far back on its line a list item's siblings are looked for, and how many characters of the
# label before a figure the siblings must share
SIBLING_REACH = 160
SIBLING_LABEL = 2


def produce_item_without_unit(match: re.Match, text: str) -> Quantity | None:
    """…一月审核通过42户,停发3户;二月审核通过38,停发2户; …工作动态5条,通知公告1⏎: a
    bare number closing its clause whose label ends as an earlier figure's of its line does, that
    figure with a unit, is an item of the same list whose unit the text dropped: unit null. So is
    a total that a bracket right after it breaks down into figures with a unit (特困供养人员1290,
    (分散供养1100人,集中供养190人)), a year aside; and a whole count right after the measure it
    counts (年末常住人口45210,: the measure names what, the text gives no unit, as for a count in
    万 after it, `produce_without_unit`)."""
    if match.group("num").isdigit() and not YEAR_DIGITS.fullmatch(match.group("num")) \
            and _measure_before().search(text, max(0, match.start() - 12), match.start()):
        return Quantity(float(match.group("num")), NO_UNIT, match.start(), match.end(), None,
                        match.start(), match.end())
    label = text[max(0, match.start() - SIBLING_LABEL):match.start()]
    if len(label) < SIBLING_LABEL or not HANZI_AFTER.fullmatch(label[0]) or not HANZI_AFTER.fullmatch(label[-1]):
        return None
    if not YEAR_DIGITS.fullmatch(match.group("num")) and _breakdown_after().match(text, match.end()):
        return Quantity(float(match.group("num")), NO_UNIT, match.start(), match.end(), None,
                        match.start(), match.end())
    line_start = text.rfind("\n", 0, match.start()) + 1
    window = max(line_start, match.start() - SIBLING_REACH)
    for sibling in re.finditer(rf"{re.escape(label)}(?=\d+(?:\.\d+)?[万亿]?)", text[window:match.start() - SIBLING_LABEL]):
        number = LEADING_ARABIC.match(text, window + sibling.end())
        rest = number.end() + (1 if text[number.end():number.end() + 1] in "万亿" else 0) if number else 0
        if number and _unit_pattern().match(text, rest) and not false_friends().match(text, rest):
            return Quantity(float(match.group("num")), NO_UNIT, match.start(), match.end(), None,
                            match.start(), match.end())
    return None


YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


@cache
def _breakdown_after() -> re.Pattern:
    """A bracket opening right after a total's clause, its first part a figure with a count unit
    (,(分散供养1100人,…)."""
    return re.compile(rf"[,，]?\s*[(（〔][^()（）〔〕\d\n]{{1,12}}\d+(?:\.\d+)?\s*(?:{alternation(_count_units())})")


def _count_units() -> list[str]:
    return [unit for unit, kind in unit_kinds().items() if kind == "count" and unit != NO_UNIT]


@cache
def _prices() -> dict:
    return load_toml("units.toml")["price_without_unit"]


@cache
def _price_before() -> re.Pattern:
    """A price's word right before its figure (均价, 收购价格为)."""
    table = _prices()
    return re.compile(rf"(?:{alternation(table['words'])})(?:{alternation(table['verbs'])})?\s*$")


def produce_rate_without_unit(match: re.Match, text: str) -> Quantity | None:
    """人均补差水平503/月, 平均保障标准为373/人·月, 1028/月元, 按0.5万/户慰问: an amount per person,
    household or period whose 元 a sharing site or a typist dropped (or put after the rate): money,
    元, the rate's denominator kept in raw (as in 520元/月); so is a price per weight of goods after
    its price word (均价34.06/公斤), not a figure per weight that names no price."""
    if not _numeral_is_standalone(text, match):
        return None
    if match.group("goods") and not _price_before().search(text, max(0, match.start() - PRICE_REACH), match.start()):
        return None
    qualifier, outer_start, outer_end = _qualifier(text, match, None)
    factor = multipliers()[match.group("mult")] if match.group("mult") else 1
    return Quantity(float(match.group("num")) * factor, "元", match.start(), match.end(), qualifier, outer_start,
                    max(outer_end, match.end()))


@cache
def _change_verbs(closing: str = "") -> str:
    verbs = [verb + closing for verb in load_toml("units.toml")["percent"]["change_verbs"]]
    assert len({len(verb) for verb in verbs}) == 1, "a lookbehind's words are of one length"
    return alternation(verbs)


PRICE_REACH = 8  # how far before a figure its price word and verb stand (收购价格达到)


# What an Arabic or a Chinese numeral (numbers.py's ARABIC, CHINESE) opens with.
NUMERAL_OPENS = re.compile(rf"[\d\-−{CHINESE_DIGITS}十百千万亿]")


# a page's wrapped line, a space or a line break, inside a unit (5 个百 分点, 120 平方\n米)
UNIT_BREAK = re.compile(r"[ \t\u00a0]{1,2}|\n")


@cache
def _broken_units() -> str:
    """The units of more than one character as a wrapped line parts them between two characters
    (raw keeps the break, README), where the part before the break is no unit itself: 5 个百 分点
    is 5 个百分点, 3 人 次 is 3 人. Tried before the whole units, which a shorter unit would win."""
    units = {*simple_units(), *unit_words()}
    return "|".join(rf"{re.escape(unit[:k])}(?:{UNIT_BREAK.pattern}){re.escape(unit[k:])}"
                    for unit in sorted(units, key=len, reverse=True) for k in range(1, len(unit))
                    if unit[:k] not in units and HANZI_AFTER.match(unit, k - 1) and HANZI_AFTER.match(unit, k))


class _UnitJoined:
    """A match of numeral_with_unit whose unit a wrapped line parted: the unit read whole
    (`group("unit")`), its place in the text as matched."""

    def __init__(self, match: re.Match):
        self._match = match

    def group(self, *names):
        found = self._match.group(*names)
        return UNIT_BREAK.sub("", found) if names == ("unit",) else found

    def groupdict(self) -> dict:
        return {**self._match.groupdict(), "unit": self.group("unit")}

    def __getattr__(self, name: str):
        return getattr(self._match, name)


@cache
def quantity_rules() -> tuple[QuantityRule, ...]:
    inside = alternation(qualifier_words("inside"))
    after = alternation(qualifier_words("after"))
    not_a_multiplier = alternation(units_opening_with_multiplier())
    multiplier = rf"(?!{not_a_multiplier})(?P<mult>{alternation(multipliers())})"
    units = f"{_broken_units()}|{alternation((*simple_units(), *unit_words()))}"
    return (
        QuantityRule(
            "numeral_with_unit",
            re.compile(
                rf"(?P<num>{ARABIC}|{CHINESE}){SPACE}(?P<inside>{inside})?"
                rf"(?:{multiplier})?(?P<inside2>{inside})?{SPACE}"
                rf"{opening_guard(units)}(?P<unit>{units})"
                rf"(?P<brackets>{alternation(compound_brackets())}|{_package_after_slash()})?"
                rf"(?:{SPACE}(?P<after>{after}))?"),
            produce_numeral_with_unit, NUMERAL_OPENS),
        QuantityRule(
            "ten_thousands_without_unit",
            re.compile(rf"(?P<num>{ARABIC}|{CHINESE}){SPACE}(?:个(?=(?:{inside})?亿))?(?P<inside>{inside})?(?P<mult>万亿|[万亿])"
                       rf"(?P<inside2>{inside})?(?P<after>)"),
            produce_without_unit, NUMERAL_OPENS),
        QuantityRule(
            "years_of_work",
            # (提前3年实现: the time a goal was reached ahead of its date; 已有30多年历史, 至今已44年:
            # the years a thing has lasted; 连续开展了6年: 连续 before the verb done for them; 连续三季度:
            # quarters in a row, as years)
            re.compile(rf"(?P<lead>连续[\u4e00-\u9fff]{{1,2}}了|连续|历时|长达|近|提前|已有|已)(?P<num>{CHINESE}|\d{{1,2}}|半)(?P<inside>多|余)?"
                       rf"\s*(?P<unit>年(?![度底初末来内级])|个?季度)(?P<after>左右)?"),
            produce_years_of_work),
        QuantityRule(
            "years_running",
            # 标准实现19年连涨: the years a rise has run, written before 连涨 (连增, 连升, 连调)
            re.compile(rf"(?<![\d.{CHINESE_DIGITS}十百千])(?P<lead>)(?P<num>{CHINESE}|\d{{1,2}})(?P<inside>多|余)?"
                       rf"(?P<unit>年)(?=连[涨增升调提])(?P<after>)"),
            produce_years_of_work),
        QuantityRule(
            "ratio_to_base",
            re.compile(r"(?<![\d.:：])(?P<first>\d+(?:\.\d+)?) ?[:：] ?(?P<second>\d+(?:\.\d+)?)(?![\d.:：])"),
            produce_ratio, re.compile(r"\d(?=[\d.]* ?[:：])")),
        QuantityRule(
            "ratio_of_parts",
            re.compile(r"(?<![\d.:：])\d+(?:\.\d+)?(?: ?[:：] ?\d+(?:\.\d+)?){2,}(?![\d.:：])"),
            produce_ratio_of_parts, re.compile(r"\d(?=[\d.]* ?[:：])")),
        QuantityRule(
            "ratio_without_base",
            re.compile(rf"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?![\d.%‰:：]|\s?[:：]|{_unit_pattern().pattern})"),
            produce_ratio_without_base, re.compile(r"\d(?<=[比为是达到至由:的]\d)")),
        QuantityRule(
            "zero_in_words",
            # (为零 or 清零 closing a clause: 动态为零, 动态清零; not 化整为零, a phrase of its own; 实现零死亡
            # closing a clause: a count reached, of a thing that is counted, not a slogan's 零距离服务)
            re.compile(r"(?<=(?<!化整)[为清])零(?=\s*[,，。;；!！]|\s*$)"
                       rf"|{_zero_reached()}零(?=(?:{alternation(_zero_table()['counted'])})\s*(?:[,，。;；!！、]|$))", re.M),
            produce_zero_in_words, re.compile(rf"(?<=[为清])零|{_zero_reached()}零")),
        QuantityRule(
            "list_counted",
            re.compile(rf"(?<=[\u4e00-\u9fff])(?P<num>[两二三四五六七八九十])大(?P<unit>{alternation(_list_counted()['units'])})?"
                       r"(?=[\u4e00-\u9fff。,，;；])"),
            produce_list_counted, re.compile(r"[两二三四五六七八九十](?<=[\u4e00-\u9fff].)(?=大)")),
        QuantityRule(
            "change_without_sign",
            # (了 may close the verb: 比上年增长了2.36。)
            re.compile(rf"(?:(?<={_change_verbs()})|(?<={_change_verbs('了')}))(?P<num>\d+(?:\.\d+)?)(?=[;；,，。)）]|\s*$)"),
            produce_change_without_sign, re.compile(rf"(?:(?<={_change_verbs()})|(?<={_change_verbs('了')}))\d")),
        QuantityRule(
            "item_without_unit",
            re.compile(r"(?<![\d.,，、/:：\-A-Za-z])(?P<num>\d+(?:\.\d+)?)(?=[,，;；。]|[ \t]*\n)"),  # (one ending the text is cut short)
            produce_item_without_unit, re.compile(r"\d(?<=[\u4e00-\u9fff]\d)")),
        QuantityRule(
            "rate_without_unit",
            # (in 万 per person or household alone too: 按0.5万/户慰问, and so is one a 标准 names,
            # 按1200/人的标准: a money standard written without 元 is 元, session 34; a rate's dot the
            # page kept when it dropped the period too: 提高到1700/·人、7800/·)
            # (and a price per weight of goods after its price word, 均价34.06/公斤: `[price_without_unit]`)
            re.compile(r"(?<![\d.,/])(?P<num>\d+(?:\.\d+)?)(?P<mult>万)?(?P<after>)\s?/\s?"
                       r"(?:(?:[人户]\s?)?[·.．]?\s?[月年](?!\d)元?|·|(?(mult)[人户](?!次)|[人户](?=的?标准))"
                       rf"|(?P<goods>{alternation(_prices()['per'])}))"),
            produce_rate_without_unit,
            re.compile(rf"\d(?=[\d.]*万?\s?/\s?(?:[人户·.．月年]|{alternation(_prices()['per'])}))")),
        QuantityRule(
            "percent_in_words",
            # (百分百 as 百分之百: a hundred per cent)
            re.compile(rf"百分(?:之|(?=百))(?P<num>{ARABIC}|{CHINESE})(?:{SPACE}(?P<after>{after}))?"),
            produce_percent_in_words),
        QuantityRule(
            "tenths_in_words",
            re.compile(rf"(?<![一二三四五六七八九十百千万\d.])(?P<num>[一二两三四五六七八九1-9]|半)(?P<unit>成)"
                       rf"(?![为立功果效员本熟长交都就新绩分不])(?:(?P<after>以上|左右|多))?"),
            produce_tenths, re.compile(r"[一二两三四五六七八九半1-9](?=成)")),
        QuantityRule(
            "doublings",
            re.compile(r"(?:(?<=翻)|(?<=翻了)|(?<=翻上))(?P<num>[一二两三四五1-5])(?P<unit>番)(?P<after>多|以上|左右)?"),
            produce_doublings, re.compile(r"[一二两三四五1-5](?<=[翻了上].)(?=番)")),
        QuantityRule(
            "fraction_in_words",
            re.compile(rf"(?<![一二三四五六七八九十百\d])(?P<den>[二三四五六七八九十])分之(?P<num>[一二三四五六七八九])"
                       rf"(?![十百千万\d])(?:{SPACE}(?P<after>{after}))?"),
            produce_fraction, re.compile(r"[二三四五六七八九十](?=分之)")),
        QuantityRule(
            "fraction_in_digits",
            # (right after a word, 完成2/3; not a date's or a code's, 2024/3/4, nor a rate's base, 1/10万)
            re.compile(rf"(?P<num>\d{{1,2}})/(?P<den>\d{{1,2}})(?![\d./%‰万]|{SPACE}(?:{alternation(simple_units())}))"
                       rf"(?:{SPACE}(?P<after>{after}))?"),
            produce_fraction, re.compile(r"\d(?<=[\u4e00-\u9fff]\d)(?=\d?/)")),
    )


# (a range's ends joined by 到 as by 至: 10到15分钟, 5到10万元)
# (and a dimension's first side, 2×4.5米: two figures in the unit, round 30's call settled in session 37)
LIST_ITEM = re.compile(rf"(?P<num>{ARABIC})(?P<mult>[万亿])?(?:、|[{RANGE_MARKS}]|至|到|×)")
ARABIC_OPENS = re.compile(r"[\d\-−]")  # what numbers.py's ARABIC opens with


def quantities_sharing_unit(text: str, found: list[Quantity]) -> list[Quantity]:
    """195、261元: a bare number listed before a quantity takes that quantity's unit; so does
    the first of a range (200-5000元/户, 1至2家, 10到15分钟), a figure of its own."""
    by_start = {q.start: q for q in found}
    shared: list[Quantity] = []
    for match in reversed(list(finditer_at(LIST_ITEM, ARABIC_OPENS, text))):
        follower = by_start.get(match.end())
        if follower is None or CODE_CHARS.match(text[match.start() - 1: match.start()] or " "):
            continue
        value = parse_numeral(match.group("num"))
        if match.group("mult") and unit_kinds()[follower.unit] != "percent":
            value *= multipliers()[match.group("mult")]
        elif not match.group("mult"):
            value *= _follower_multiplier(text, follower)  # 1至2万张, 3、5万元: ten thousands too
        end = match.end() - 1
        quantity = Quantity(float(value), follower.unit, match.start(), end,
                            follower.qualifier, match.start(), end)
        by_start[quantity.start] = quantity
        shared.append(quantity)
    return shared


LEADING_ARABIC = re.compile(ARABIC)


def _follower_multiplier(text: str, follower: Quantity) -> int:
    """The 万 or 亿 the quantity after a list item was written with and folded into its value
    (2万张 → 10000; 2千克 → 1: 千克 is the unit)."""
    raw = text[follower.start:follower.end]
    number = LEADING_ARABIC.match(raw)
    if number is None:
        return 1
    try:
        written = float(parse_numeral(number.group()))
    except NotANumeral:
        return 1
    rest = raw[number.end():].lstrip()
    return next((factor for word, factor in sorted(multipliers().items(), key=lambda item: -len(item[0]))
                 if rest.startswith(word) and written and abs(follower.value - written * factor) < 1e-6 * abs(follower.value)), 1)


def _drop_overlaps(quantities: list[Quantity], first: int = 0) -> list[Quantity]:
    """The quantities no earlier-starting one overlaps: of two at one start the longer, except that
    the first `first` of the list (a table's cells) win over the rest."""
    kept: list[Quantity] = []
    order = sorted(range(len(quantities)), key=lambda i: (quantities[i].start, i >= first,
                                                          -(quantities[i].end - quantities[i].start)))
    for quantity in (quantities[i] for i in order):
        if kept and quantity.start < kept[-1].end:
            continue
        kept.append(quantity)
    return kept


LIST_JOINER = re.compile(r"\s*(?:、|和|及|与)\s*")
RESPECTIVELY = re.compile(r"分别[^，,。；;：:]*$")


def _sharing_bound(text: str, found: list[Quantity]) -> list[Quantity]:
    """分别达到200平方米、900平方米、1000平方米以上: a bound written after the last figure of a
    list that 分别 opens bounds each figure of the list (in text order), whatever its unit
    (分别稳定在34万头、54万吨以上: session 34, a qualifier written once after a list)."""
    bounded = list(found)
    for index in range(len(bounded) - 1, 0, -1):
        last = bounded[index]
        if last.qualifier is None or last.outer_end <= last.end:
            continue  # no bound written after it
        run = _unbounded_run(text, bounded, index, -1, LIST_JOINER, same_unit=False)
        if run and RESPECTIVELY.search(text[max(0, bounded[run[-1]].outer_start - 20):bounded[run[-1]].outer_start]):
            for n in run:
                bounded[n] = replace(bounded[n], qualifier=last.qualifier)
    return bounded


# a decimal opening a line: an outline number (its integer part) glued to a count (2.50个小区…)
GLUED_OUTLINE = re.compile(r"(?P<outline>[1-9]\d?)\.(?P<count>\d+)")


def _glued_outline(text: str, quantity: Quantity) -> Quantity:
    """2.50个小区新增充电设施 on the line after 1.…: an outline number glued to a count (round 29's
    call, settled in session 37) is no part of it, whose raw starts after the dot. Only a decimal
    opening its line, in a unit counting whole things, where another line opens with the list's
    number before it (1. before 2.50个), or after it for the first (2. after 1.5个)."""
    glued = GLUED_OUTLINE.match(text, quantity.start)
    if glued is None or quantity.value != float(glued.group()) or unit_kinds().get(quantity.unit) != "count" \
            or text[text.rfind("\n", 0, quantity.start) + 1:quantity.start].strip():
        return quantity
    number = int(glued.group("outline"))
    sibling = re.compile(rf"^\s*{number - 1 if number > 1 else 2}[.．、](?!\d)", re.M)
    if not (sibling.search(text, 0, quantity.start) if number > 1 else sibling.search(text, quantity.end)):
        return quantity
    start = glued.start("count")
    return replace(quantity, value=float(glued.group("count")), start=start, outer_start=max(quantity.outer_start, start))


def _leading_bound(text: str, found: list[Quantity]) -> list[Quantity]:
    """不低于391元、246元: a required bound (at least, at most) written before the first figure of a
    list joined by 、 bounds each figure of the list in its unit."""
    bounded = list(found)
    for index in range(len(bounded) - 1):
        first = bounded[index]
        if first.qualifier not in LIST_BOUNDS or first.outer_start >= first.start:
            continue  # no bound written before it
        for n in _unbounded_run(text, bounded, index, 1, ENUMERATION_COMMA):
            bounded[n] = replace(bounded[n], qualifier=first.qualifier)
    return bounded


LIST_BOUNDS = (Qualifier.AT_LEAST, Qualifier.UP_TO)
ENUMERATION_COMMA = re.compile("、")


def _unbounded_run(text: str, found: list[Quantity], index: int, step: int, joiner: re.Pattern,
                   same_unit: bool = True) -> list[int]:
    """The figures next to found[index] on one side (`step` -1 before it, 1 after it), nearest
    first, each with no qualifier, in its unit (unless not `same_unit`), and joined to its
    neighbour by `joiner` alone: the items of a list a bound written at one end of it bounds."""
    run, at = [], index
    while 0 <= at + step < len(found):
        near = found[at + step]
        left, right = (near, found[at]) if step < 0 else (found[at], near)
        if near.qualifier is not None or same_unit and near.unit != found[index].unit \
                or not joiner.fullmatch(text[left.outer_end:right.outer_start]):
            break
        at += step
        run.append(at)
    return run


def _in_table_cells(found: list[Quantity], tables: TableReading) -> list[Quantity]:
    """Figures written inside a table's plan cell (目标任务: 标准不低于3480元/年) read as the plan's;
    inside a task table's progress cell (进展情况: 完成农村公路大中修50公里) as what was done."""
    if not tables.plan_cells and not tables.done_cells:
        return found
    def column(q: Quantity) -> str | None:
        if any(start <= q.start and q.end <= end for start, end in tables.plan_cells):
            return "plan"
        if any(start <= q.start and q.end <= end for start, end in tables.done_cells):
            return "current"
        return q.column
    return [replace(q, column=column(q)) for q in found]


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text` that may be a metric, in text order."""
    found = []
    for rule in quantity_rules():
        for match in rule.matches(text):
            try:
                quantity = rule.produce(match, text)
            except NotANumeral:
                continue
            if isinstance(quantity, list):
                found.extend(quantity)  # a rule that reads several figures in one match (ratio_of_parts)
            elif quantity is not None:
                found.append(quantity)
    tables = table_reading(text)
    found = _drop_overlaps(tables.quantities + _in_table_cells(found, tables), len(tables.quantities))
    shared = quantities_sharing_unit(text, found)
    taken = {q.start for q in shared}  # a list item's own reading (补贴…3722万 as money) gives way to the list's
    found = [q for q in found if q.start not in taken] + shared
    found = _leading_bound(text, _sharing_bound(text, sorted(found, key=lambda q: q.start)))
    found = [_glued_outline(text, q) for q in found]
    names = exclusions.quoted_spans(text)
    return sorted((q for q in found if not exclusions.excluded_by(text, q, names)), key=lambda q: q.start)
