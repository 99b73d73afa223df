"""Figures in flattened statistical tables: bare numbers whose unit stands in a header.

A page flattens a table into text in one of two shapes: a row per line, its cells apart by tabs,
pipes or spaces (`城市低保人数\t人\t1234\t1302\t-5.2`), or a cell per line (`指标名称 |`,
`本月 |`, …, `城市低保人数 |`, `1234 |`). Either way a header row names the columns (指标名称,
单位, 本月, 累计, 上年同期, 同比±%) and a `单位：万元` note (or a title closing with `（万元）`)
may stand above it. Each bare number
under a column of figures becomes a quantity whose

- unit comes from the cell itself (1204户), else the column's header (`金额(万元)`, `同比(%)`),
  else the row's 单位 cell, else the row label (`城市低保人数(人)`, `…人数`), else the 单位 note
  (one unit, or the one the row label or else the column names among several: `单位：个、亿元`
  over 项目个数 and 完成投资额): `UNIT_RULES`, in that order; a cell
  whose unit none gives is left out;
- value is in base units (万元 → 元 ×10⁴), `raw` the cell as written, offsets the cell's;
- qualifier is the comparison sign written before the cell's number (≥95%, <=5: a plan's bound), if any;
- label (its subject) is the row label, with a measure column's name after it (城市 + 低保人数)
  and a group row's name before a label that names nothing alone (城市低保 + 户数);
- column role says how it reads: `plan` (计划, 任务, 目标: a target), `previous` (上年同期, an
  earlier dated column: actual, of the period before), `change` (同比, 增减: a change of the
  row's level, no indicator), `share` (完成率, 占比: percent), `current` (本月, 累计 …, a bulletin's
  总量 or 绝对数 beside its 增长, and columns named by a category).

Numbers under 序号, 编号, 日期 or 年份 columns, indicator codes (JZH011310000), column-number
rows (`甲 乙 1 2 3`) and placeholders are no figures (`NOT_A_FIGURE`), nor are numbers outside a
region that opens with a header. Prose never forms a region: a table's lines are short and hold
no sentence punctuation. A header may be years (a yearbook's `2015 2016 2017`, on a line or a
cell a line after `指标`); the English gloss of a bilingual table (its own lines, or words after a row label) is no part of it.
An upper header row of categories (城镇 | 农村 over 本月 | 累计 | 本月 | 累计) spans the columns
below it evenly; its category goes before the row's name. A header of several lines over rows wider
than any of them (乡镇名称 | 集中供养 | 合计 over 户 | 人数 | 每月补贴 | … over 一档 | 二档 | …) has its
dropped spans found again (`_layered_header`), and a row short of cells under it fills the last
columns group by group. A yearbook's table printed all a cell per
line, header included, is read by its rows' width when that reads more (`_stacked_table`).
Pipes or tabs mark a line's cells where the page has them (a space inside is a justified word's,
`市 州`); else spaces do; a page that ran the cells together (`指标名称单位数量` over
`养老机构床位万张11.3`) has its header cut into known header words, and its rows into label,
unit (under a 单位 column) and figure.

Performance self-appraisal forms and fund allocation notices are read by their fixed labels: a form's
funds block (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, or a top-left cell naming its money and
unit: 年度预算数(万元)), its indicators under label columns by level (一级指标 | 二级指标 | 三级指标, a column
of signs 指标性质, a 度量单位 between 指标值 and 完成值), its marks (分值, 得分, 权重, 总分) no figures; a form
its Word text layer ran onto one line is read a cell a line (`_flattened_form`); an allocation table's
money header (金额, 补助资金) over places or over the bodies funded (单位 | 金额) is the money its title
shares out (…资金分配表).

Words in data/table_columns.toml (and the header endings of data/units.toml), examples in
corpus/tables.toml. A cheap pre-check (`might_hold_table`) keeps all this off texts that hold no
line made only of a number, no number beside a tab or a pipe, no two numbers apart by spaces and
no line closing with a number run into its label.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache, cached_property, lru_cache
from typing import NamedTuple

from transforms.lexicon import load_toml, load_words
from transforms.model import Quantity, Qualifier
from transforms.rules.qualifiers import qualifier_words
from transforms.rules.units import (NO_UNIT, alternation, multipliers, place_suffixes, simple_units,
                                    table_headers, unit_kinds, unit_words)
from transforms.structure import outline_level

# Pre-check: a line holding only a number (a cell per line), or a number (with its unit) beside a
# tab or a pipe, or two numbers apart by spaces only (a row per line), or a line closing with a
# number run into its label (a row whose cells ran together: 社区服务站7,149), or a line closing
# with a number a space after a word (a row's unit and figure: 镇 个 20113), or a number with
# wide spaces either side (a PDF's row: 参保率(%)   >90   预期性).
MIGHT_HOLD_TABLE = re.compile(
    r"(?m)^[ \t]*[-+−]?\d[\d,.]*%?[ \t]*\|?[ \t]*$|\d[^\s|]{0,4}[ \t]*[\t|]|[\t|][ \t]*[-+−]?\d"
    r"|\d%?[ \t\u3000]+[-+−]?\d[\d,.]*%?(?:[ \t\u3000]|$)|[\u4e00-\u9fff][\d,.]*\d[ \t]*$"
    r"|[\u4e00-\u9fff][ \t\u3000]+\d[\d,.]*[ \t]*$"
    r"|[ \u3000]{2}[-+−<>≥≤]?\d[\d,.]*%?[ \u3000]{2}")
# What every alternative of MIGHT_HOLD_TABLE holds (keep them so when adding one): a tab or a pipe, a
# digit before a space, a line closing on a digit, a comma or a point (then % and a pipe at most), two
# spaces. Each found by the engine's own scan, much faster than MIGHT_HOLD_TABLE's seven tries at
# every position, which then runs on the few texts that hold one (28 of 300 generated reports).
TABLE_SIGNS = tuple(re.compile(sign, re.M) for sign in
                    (r"[\t|]", r"\d%?[ \t\u3000]", r"[\d,.]%?[ \t]*\|?[ \t]*$", r"[ \u3000]{2}"))
PROSE = re.compile(r"[。；;，！？!?]|,(?!\d{3}(?:\D|$))")  # 3,101 is a thousands separator, not prose
CELL_MAX = 30  # a table cell is short; a longer line is prose
MAX_COLUMNS = 20  # a header row has no more cells than this
CELL_SPLIT = re.compile(r"[ \t\u3000]*\|[ \t\u3000]*|\t+|[ \u3000]{2,}|[ \u3000]")
# a line whose cells a pipe or a tab marks off is split there only: a space inside such a cell is
# a justified word's (`市 州 |`, `合  计\t`), and goes
MARKED_SPLIT = re.compile(r"[ \t\u3000]*[|\t][ \t\u3000]*")
JUSTIFIED_WORD = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff])+")
WIDE_SPACE = re.compile(r"[ \u3000]{2,}")
JUSTIFIED_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
HANZI = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{2,}")
YEAR_CELL = re.compile(r"(?:19|20)\d{2}")
RANGE_OPEN = re.compile(r"\d{1,2}[-—~至]")  # 1- before 8月实际完成情况: a range the layout cut
MONTH_CLOSE = re.compile(r"\d{1,2}月")
YEARS_SPAN = re.compile(r"(?:19|20)\d{2}\s*[-—~至]\s*(?:19|20)\d{2}\s*年")  # 2016-2020年完成情况
YEAR_HEADER = re.compile(r"((?:19|20)\d{2})年(?:度|末|底)?")  # a column of one year's figures
CODE = re.compile(r"[A-Za-z]{1,6}\d{4,}")
NUMBER = re.compile(r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
MONTHS = r"(?:\d{4}\s*年\s*)?\d{1,2}\s*(?:[-—~至]\s*\d{1,2}\s*)?月份?"  # 1-8月, 2025年3月份
LEADING_PERIOD = re.compile(rf"^{MONTHS}\s*(?=[\u4e00-\u9fff])")
# a row label's opening period: months (1-2月份), or 累计 (the sum so far) before what it sums
LABEL_PERIOD = re.compile(rf"^(?:{MONTHS}|\d{{4}}\s*年度?|累计)(?=[\u4e00-\u9fff]{{2}})")  # (2024年老旧小区改造项目 too)
# a row label's opening place name (洋州县中小学改造项目): where, not what (fixtures README: place names
# inside a subject go); tried up to its suffix, the gazetteer's names only deciding (a shape such as
# 示范乡 of 示范乡镇数 is no place here)
LABEL_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?[省市县区旗镇乡](?=[\u4e00-\u9fff\d]{2})")
# a quarter, its end or its start (一季度末, 第二季度, 1季度): a yearbook's column of quarters' figures
QUARTER = r"第?[一二三四1-4]季度(?:末|初|底)?"
PERIOD_HEADER = re.compile(rf"(?:\d{{4}}年(?:末|底)?)?(?:\d{{1,2}}(?:[-—~至]\d{{1,2}})?月(?:份)?|上半年|下半年|全年|年度|年)?"
                           rf"|(?:\d{{4}}年)?{QUARTER}")
# a 单位 that closes a longer noun names a body, not units (编制单位：…市, 填报单位, 责任单位): only
# 计量/金额/数量, or a date the note follows (报送时间9月1日单位：人), may go before it
NOTE = re.compile(r"(?:(?P<of>计量|金额|数量)|(?<![\u4e00-\u9fff])|(?<=[年月日]))单位\s*[:：]\s*(?P<units>[^)）\n|]{1,24})")
NOTE_CELL = re.compile(r"[(（]?\s*(?:计量|金额|数量)?单位\s*[:：]")  # a note, never a header
TITLE_UNITS = re.compile(r"(?:^|\S)[(（]\s*(?P<units>[^()（）\d]{1,12})[)）]\s*$")  # …情况（人、万元）
UNIT_LIST = r"[、,，/;；\s和及]+"
NOTE_INSIDE = re.compile(r"[(（]\s*单位\s*[:：]")
BRACKETED_UNIT = re.compile(r"\s*[(（](?:单位\s*[:：]?\s*)?(?P<unit>[^()（）]{1,6})[)）]\s*$")
# a row label's list numbers, lettered levels (A 城市低保人数, II …, C事实无人抚养儿童 run into
# its name, not a grade: A级景区) and 其中 (`#`, as statistical
# tables mark a part of the row above), as many as it has
LEADING_NUMBER = re.compile(r"^(?:(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]"
                            r"|其中\s*[:：]?|#|(?:[A-H]|I{1,3}|IV|VI{0,3})(?:[ \u3000]+|[、.．]|$)"
                            r"|[A-H](?=[\u4e00-\u9fff])(?![级类型]))\s*)+")
# a comparison sign (≥, <=, ＞): a bound on the figure after it (data: qualifiers.toml)
COMPARISON_SIGN = r"(?:>=|<=|＞＝|＜＝|[≥≤≧≦><＞＜])"
# a comparison sign before a cell's number (≥95%, <= 5300): the cell's bound
BOUND_SIGN = re.compile(rf"{COMPARISON_SIGN}\s*(?=\d)")
# a cell holding only a comparison sign or =: a performance form's 指标性质 column, bounding the value after it
SIGN_CELL = re.compile(rf"{COMPARISON_SIGN}|[=＝]")  # (read whole: fullmatch)
# the form of an indicator's value after its name, its number masked (救助人数(≥**人), …数≥**人)
VALUE_TEMPLATE = re.compile(r"\s*[(（]\s*(?:>=|<=|[≥≤<>＞＜])?\s*\*+[^()（）]*[)）]|\s*(?:>=|<=|[≥≤<>＞＜])\s*\*+\S*$")
KEY_MARK = re.compile(r"^[★☆]+")  # ★★★救助人数: the mark of a key indicator, no part of its name
FOOTNOTE_MARK = re.compile(r"[*＊※]+$")  # 结婚登记*: the mark of a note under the table
# the report's own place opening a row label (全县人口, 全市生产总值), the thing after it named alone
LABEL_SCOPE = re.compile(r"^(?:全|本)[省市县区镇乡旗](?=[\u4e00-\u9fff]{2})")
TOTAL_ROWS = ("合计", "总计", "小计")  # row labels that are also column words
UNNUMBERED = 5  # the level of a row label with no list number: below every numbered one (1–4)
ROLES = ("skip", "text", "unit", "label", "change", "share", "previous", "plan", "current")
VALUE_ROLES = frozenset({"change", "share", "previous", "plan", "current", "measure", "category"})
# value columns whose header says what they hold, not only a category of the row's measure (城镇, 农村)
KNOWN_VALUE_ROLES = VALUE_ROLES - {"category"}


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int
    bound: str = ""  # a comparison sign written before its number (≥95%, <=5300): outside text

    @property
    def is_number(self) -> bool:
        return bool(NUMBER.fullmatch(self.text))

    @property
    def is_code(self) -> bool:
        """An indicator's code (JZH011310000, MZ0301): it fills its 代码 column, names nothing."""
        return bool(CODE.fullmatch(self.text))

    @property
    def is_figure(self) -> bool:
        """A bare number, or a number with its unit (1204户, 15.6万元)."""
        return self.is_number or _own_unit(self)[1] is not None


@dataclass(frozen=True)
class Column:
    header: str
    role: str  # one of ROLES, `measure` (a named measure: 低保人数(人)) or `category` (城市)
    unit: tuple[str, int] | None  # what its header says: (unit, factor)
    span: str = ""  # the category of an upper header row over it (城镇 over 本月 | 累计)
    measure: str = ""  # the measure of an upper header row over its years (床位数 over 2007 | 2008)
    top: str = ""  # the top cell over it in a header of several levels (集中供养 over 户 | 人数 | …)


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    note_units: tuple[tuple[str, int], ...]  # from a 单位 note: one, or several to pick from
    money_note: bool = False  # the note is for money only (金额单位：万元): a money row picks it
    by_rows: bool = False  # its header is one line, so is each row: a lone label is a group's row
    place_rows: bool = False  # its rows' labels are place names (长沙市, 吉首市), whatever its header
    group: str = ""  # what the numbered heading right above names ((二)老年助餐点补助64万元 → 老年助餐点补助)
    programme: str = ""  # what the title above names (…2023年5月农村低保金发放表 → 农村低保金)

    @cached_property
    def label_index(self) -> int | None:
        """The column of row labels: 指标名称, 项目 …, or a category column that no other
        category column follows (事项 in 序号 事项 完成时间 金额); None when the page dropped it."""
        roles = [c.role for c in self.columns]
        if "label" in roles:
            return _label_column(self.columns)
        for index, role in enumerate(roles):
            if role == "category":
                following = roles[index + 1:index + 2]
                return index if following and following[0] != "category" else None
            if role != "skip":
                return None
        return None

    @cached_property
    def slots(self) -> list[Column]:
        """The columns a row's numbers and placeholders fill, left to right."""
        label = self.label_index
        after = self.columns[label + 1:] if label is not None else self.columns
        return [c for c in after if c.role not in ("unit", "label") and not (label is None and c.role == "skip"
                                                                          and c is self.columns[0])
                and c not in self.leading_text]

    @cached_property
    def leading_text(self) -> tuple[Column, ...]:
        """Columns of words between the row labels and the first column of figures (责任单位):
        their cells follow the label's and are no part of it."""
        label = self.label_index
        if label is None:
            return ()
        run = itertools.takewhile(lambda c: c.role not in VALUE_ROLES or c.role == "category",
                                  self.columns[label + 1:])
        return tuple(c for c in run if c.role == "text")

    @cached_property
    def group_width(self) -> int | None:
        """How many columns one group of a table printed side by side has (a yearbook's
        `2009年 2010年    2009年 2010年` over `结婚对数 … …    离婚对数 … …`, or `指标名称 单位 2021年
        2020年` twice): the period of its headers' words, repeated twice at least, else None."""
        headers = [c.header for c in self.columns]
        return next((width for width in range(1, len(headers) // 2 + 1) if len(headers) % width == 0
                     and all(h == headers[i % width] for i, h in enumerate(headers))), None)

    @cached_property
    def template(self) -> bool:
        """Whether it is one of the 信息公开 template's fixed tables (`[template]`): its label column
        信息内容, then the value headers of one of them, in order, each the whole or the start of it."""
        words = _words()["template"]
        label = self.label_index
        if label is None or self.columns[label].header != words["label"]:
            return False
        headers = [c.header for c in self.columns[label + 1:]]
        return any(0 < len(headers) <= len(fixed) and all(h and f.startswith(h) for h, f in zip(headers, fixed))
                   for fixed in words["headers"])

    @property
    def places(self) -> bool:
        """Whether its rows are places (地区, 乡镇, or labels that name places): then a subject is
        the column's measure."""
        label = self.label_index
        return self.place_rows or label is not None and re.sub(r"[()（）、]", "", self.columns[label].header) in \
            _words()["place_labels"]["headers"]


def _label_column(columns: tuple[Column, ...] | list[Column]) -> int | None:
    """The first label column; but where the rows' numbers (序号) stand after it and another label
    column after them (a yearbook's 分类 | 序号 | 统计指标: the group's column, printed down the rows a
    character a line, then the rows' numbers and names), that one: the rows are named there."""
    roles = [c.role for c in columns]
    if "label" not in roles:
        return None
    first = roles.index("label")
    numbers = next((i for i in range(first + 1, len(roles)) if roles[i] == "skip"), None)
    named = next((i for i in range(numbers + 1, len(roles)) if roles[i] == "label"), None) if numbers else None
    if named is not None and all(role in ("label", "skip", "category") for role in roles[first:named]):
        return named
    return first


@dataclass(frozen=True)
class Row:
    label: str
    unit: tuple[str, int] | None  # from its 单位 cell
    values: tuple[Cell, ...]  # numbers and placeholders, left to right
    level: int = UNNUMBERED  # the level of the list number its label opened with (`_list_level`)
    part: bool = False  # its label opened with # or 其中: a part of the row above
    group: int = 0  # of a table printed side by side, the group it stands in, left to right


@dataclass(frozen=True)
class TableRule:
    """A named rule of the table pass; `produce` reads a cell in its row, column and table and
    gives a unit (UNIT_RULES) or whether the cell is no figure (NOT_A_FIGURE)."""

    name: str
    produce: Callable[[Table, Row, Column, Cell], object]


@cache
def _words() -> dict:
    return load_toml("table_columns.toml")


@cache
def _role_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    words = _words()
    patterns = []
    for role in ROLES:
        group = words[role]
        if "exact" in group and "words" in group:  # (a word alone, or any header holding one of the others)
            patterns.append((role, re.compile(rf"(?:{alternation(group['exact'])})$|.*?(?:{alternation(group['words'])})")))
        elif "exact" in group:
            patterns.append((role, re.compile(rf"(?:{alternation(group['exact'])})")))
        elif role == "label":
            patterns.append((role, re.compile(rf".*(?:{alternation(group['words'])})")))
        else:
            patterns.append((role, re.compile(rf".*?(?:{alternation(group['words'])})")))
    return tuple(patterns)


def unit_word(word: str) -> tuple[str, int] | None:
    """人 → (人, 1), 万元 → (元, 10000), 万人次 → (人次, 10000), % → (%, 1); None for no unit."""
    word = word.strip()
    kinds = unit_kinds()
    if not word:
        return None  # (an empty cell names no unit, though a figure may have none)
    if re.sub(r"\s", "", word) in _words()["place_labels"]["headers"]:
        return None  # 县区, 县 区: a column of places, though prose counts places in it (6县区)
    if word in kinds:
        return word, 1
    if len(word) > 1 and word[0] in multipliers() and word[1:] in kinds:
        return word[1:], multipliers()[word[0]]
    if "/" in word and (rate := unit_word(word.split("/", 1)[0])):
        return rate  # 元/人·月: the counting unit, as for 520元/月 (spec §5)
    if word in ("万", "亿"):
        return "元", multipliers()[word]  # money written in 万 without 元 (spec §5)
    return None


@cache
def _endings_longest_first() -> tuple[str, ...]:
    return tuple(sorted(table_headers(), key=len, reverse=True))


def _header_unit(header: str) -> tuple[str, int] | None:
    """金额(万元) → 元 ×10⁴; 同比±% → %; 低保人数 → 人 (data: units.toml table_headers)."""
    bracket = BRACKETED_UNIT.search(header)
    if bracket and (found := unit_word(bracket.group("unit"))):
        return found
    if header.rstrip().endswith("%"):
        return "%", 1
    ending = next((e for e in _endings_longest_first() if header.endswith(e)), None)
    return table_headers()[ending] if ending else None


LONE_COUNTS = ("户", "人")  # a header cell of a count's unit alone: that count (round 32's call, a unit word in the header)


STANDARD_BRACKET = re.compile(r"\s*[(（][^()（）]*\d[^()（）]*(?:元|/)[^()（）]*[)）]")


@lru_cache(maxsize=4096)
def classify_header(header: str) -> Column | None:
    """The column a header cell opens; None when the cell cannot be a header (a number, prose)."""
    bare = STANDARD_BRACKET.sub("", header).strip() or header.strip()  # 集中供养人数(1420元/人/月): a standard beside it
    if not bare or len(bare) > 20 or PROSE.search(bare) or NOTE_CELL.match(bare):
        return None
    if re.search(r"\d", bare):
        words = LEADING_PERIOD.sub("", bare)  # 1- 8月 实际完成情况: a period, then what the column holds
        if re.search(r"\d", words) or not words:
            if not PERIOD_HEADER.fullmatch(BRACKETED_UNIT.sub("", bare).replace("同期", "")
                                           .replace("累计", "").replace("本年", "")):
                return None
        else:
            column = classify_header(words)
            return replace(column, header=re.sub(r"\s+", "", bare)) if column else None
    if bare in LONE_COUNTS:
        return Column(bare + "数", "measure", unit_word(bare))  # 户 | 人数 |: 户 is its count, 户数
    unit = _header_unit(bare)
    for role, pattern in _role_patterns():
        if role == "plan" and any(word in bare for word in _words()["plan"]["not_words"]):
            continue  # 预算执行数: how the budget went, the period's (执行) column
        if pattern.match(bare) if role in ("skip", "text", "change", "share", "previous", "plan", "current") \
                else pattern.fullmatch(bare):
            if role == "change" and unit is None and re.search(alternation(_words()["change"]["percent"]), bare):
                unit = ("%", 1)
            if role == "plan" and unit == ("%", 1) and "完成" in bare:
                role = "share"  # 完成全年计划(%): the share of the plan done, actual
            if role == "share":
                unit = ("%", 1)
            return Column(bare, role, unit)
    if re.fullmatch(rf"(?:\d{{4}}年)?(?:\d{{1,2}}(?:[-—~至]\d{{1,2}})?月份?|{QUARTER})|\d{{4}}年(?:度|末|底|上半年|下半年)?", bare) \
            or BRACKETED_UNIT.sub("", bare) in _words()["current"]["levels"]:
        return Column(bare, "current", unit)
    if unit is not None:
        return Column(bare, "measure", unit)
    if _money_header(bare):
        return Column(bare, "measure", None)  # 金额, 补助资金 over places: money, in the unit the note gives
    return Column(bare, "category", None)


def _money_header(header: str) -> bool:
    """A header closing with a word of money (金额, 救灾补助资金): a measure column whose unit the
    table's 单位 note gives (an allocation table: 乡镇 | 金额 under 单位:万元), not a category."""
    return bool(_money_ending().search(re.sub(r"\s+", "", header)))


def _is_header(columns: list[Column], marked: bool) -> bool:
    """Two columns of a known role, one of them of figures; one is enough where the page marks
    the cells (pipes or tabs: `事项 | 本年收到件数 |`). A marked header of tasks and their
    progress (`序号 | 项目内容 | 进展情况 | 责任单位 |`) is one too, its figures in its cells' words."""
    named = [c for c in columns if c.role != "category"]
    if marked and _task_column(columns) is not None:
        return True
    return len(named) >= (1 if marked else 2) and any(c.role in VALUE_ROLES and c.role != "category" for c in named)


def _note_units(lines: list[str]) -> tuple[tuple[tuple[str, int], ...], bool]:
    """The units a 单位 note lists, and whether it is a note for money only (金额单位：万元); else
    those a title closes with in brackets, all of them units (…低保资金发放情况（万元）)."""
    for line in reversed(lines):
        found = NOTE.search(line)
        if found:
            words = re.split(UNIT_LIST, found.group("units").strip(" )）"))
            return tuple(u for u in map(unit_word, words) if u), found.group("of") == "金额"
    for line in reversed(lines[:-1]):  # (the header's own last cell may be 资金(万元))
        if (found := TITLE_UNITS.search(line)) and None not in (units := [unit_word(w) for w in
                                                                         re.split(UNIT_LIST, found.group("units"))]):
            return tuple(units), False
    return (), False


def _label_unit(label: str, table: Table) -> tuple[str, int] | None:
    """The unit a row label names: a bracket (城市低保人数(人)), an ending (…人数 → 人), or the
    one of several note units it picks (资金 → the note's money unit)."""
    bracket = BRACKETED_UNIT.search(label)
    if bracket and (found := unit_word(bracket.group("unit"))):
        return found
    endings = table_headers()
    named = next((endings[ending][0] for ending in _endings_longest_first()
                  if label.endswith(ending) and endings[ending][1] == 1), None)
    if named is None and re.search(alternation(_words()["label_units"]["money"]), label):
        named = "元"
    if named is None:
        return None
    given = [unit for unit in table.note_units if unit[0] == named]
    if len(given) > 1 and label.startswith(tuple(_words()["label_units"]["ratio"])):
        given.sort(key=lambda unit: unit[1])  # 单位:万张、张 over 每千人口床位数: a ratio is no count in 万
    if given:
        return given[0]
    return (named, 1) if named != "元" else None  # money in 元 or 万元: only a note says which


def _gazetteer_place(name: str) -> bool:
    """A name the gazetteer holds (洋县, 东城区): a place, where a pattern of its shape alone may be a word."""
    from transforms.metadata import _place_names  # (imported when first asked, as subjects.is_place does)

    return name in _place_names()


def _subject(table: Table, row: Row, column: Column, slot: int) -> str | None:
    """The row label, its unit bracket and list number gone (1.城市低保人数(人) → 城市低保人数),
    with what the column names beyond a period or a comparison after it (规章 under
    本年制发件数 → 规章制发件数, 城市 under 低保人数(人) → 城市低保人数); under a category column
    (城市) the category first (城市 + 低保人数). `slot` is the column's place among the table's slots."""
    label = FOOTNOTE_MARK.sub("", BRACKETED_UNIT.sub("", row.label).strip())  # 县(市、区)* (个)
    label = LABEL_SCOPE.sub("", label)  # 全县人口: the report's own place is scope, not what (§5)
    if (place := LABEL_PLACE.match(label)) and _gazetteer_place(place.group()):
        label = label[place.end():]
    label = LABEL_PERIOD.sub("", label) or label  # 1-2月份民政事业费累计支出, 累计社会捐赠款数: when, not what
    if len(glossed := TRAILING_BRACKET.sub("", label)) >= 2:
        label = glossed  # 其他机构(含卫生室): a bracket after a name goes (fixtures README)
    header = BRACKETED_UNIT.sub("", column.header).strip()
    if column.measure:
        # 社会福利院 under 床位数 … 2008: the row's measure; a total row (全国合计) or a place's is the measure's own
        return column.measure if table.places or label.endswith(TOTAL_ROWS) else _joined(label, column.measure)
    # (城镇 over 男 | 女: 城镇 first); a template's columns are measures (政府集中采购 + 采购总金额)
    if column.role == "category" and not table.template and not any(c.role == "measure" for c in table.columns):
        return _joined(column.span, header + label if label else header)
    if column.role == "change" and (level := _level_before(table, slot)):
        # 青山市 under 同比增长%: what changed is 完成投资; 工业 under 用水量(万吨) | 同比%: 工业用水量
        return _subject(table, row, level, slot)
    if table.places and column.role != "change":
        # 东城区 under 低保户数: the place goes (README: place names inside a subject), and the
        # column names the measure, its plan or share words kept (计划投资额, 投资完成率)
        measure = _without_periods(header, kinds=False).strip("±%()（） ")
        if table.group and _names_nothing_alone(measure) and not column.span:
            # 石桥 under 金额(万元), below (二)老年助餐点补助64万元: a measure that names nothing alone
            # is of what the heading names (老年助餐点补助金额), as a group row's label completes one
            return table.group + measure
        if table.programme and (_names_nothing_alone(measure) or table.programme.endswith(measure)) \
                and not column.span:
            return _of_programme(table.programme, measure)
        if len(measure) >= 2:
            return _joined(column.span, measure)
    if table.template and header.startswith(tuple(_words()["template"]["as_written"])):
        return _joined(label, header)  # 规章 under 本年新制作数量, or 本年新 cut short: 规章本年新制作数量
    label = _joined(column.span, label)  # 城镇 over 本月: 城镇 + 低保人数
    # a count word closing what the header names stays, as a measure word the text writes does
    # (本年处理决定数量 → 处理决定数量, 对外公开总数量: fixtures README, session 33); alone it names nothing
    count = next((word for word in COUNT_WORDS if header.endswith(word) and len(header) > len(word) + 1), "")
    core = GENERIC_TAIL.sub("", _without_periods(header[:len(header) - len(count)])).strip("±%()（） ")  # 实际完成情况, 上年数据
    core = core + count if len(core) >= 2 else core
    if header in _words()["current"]["levels"] or (core == "人数" and label.endswith(POPULATION)):
        core = ""  # 总量, 绝对数: the row's level, naming nothing more; 人数 of a population (城镇人口) restates it
    if len(core) < 2 or column.role in ("change", "share"):
        return label or None
    if table.places:
        return _joined(column.span, core)
    return _joined(label, core) if label else core


TRAILING_BRACKET = re.compile(r"\s*[(（][^()（）]*[)）]$")
# the count words a header may close with (处理决定数量), read as its period's words when alone
COUNT_WORDS = ("数量", "总数")
# what a header says after its period that names nothing counted (实际完成情况, 上年数据, 本期数值)
GENERIC_TAIL = re.compile(r"(?:情况|数据|数值)$")


def _level_before(table: Table, slot: int) -> Column | None:
    """The nearest column of levels left of the change column at `slot` (by place: two headed
    增长 are one object), a previous period's too (上一年项目数量 | 本年增/减): the measure it is a change of;
    a column at another year's prices (现价 | 不变价 | 增速) is none: the growth is the row's level's."""
    bases = _words()["current"]["price_bases"]
    return next((column for column in reversed(table.slots[:slot])
                 if column.role in ("current", "measure", "plan", "category", "previous")
                 and not any(base in column.header for base in bases)), None)


@cache
def _period_words(kinds: bool = True) -> re.Pattern:
    """What a header says about its period or comparison, not about what it counts; with
    `kinds`, its words of plan and of what was done (计划, 完成) too."""
    words = _words()
    said = [*words["previous"]["words"], *words["current"]["periods"]]
    if kinds:
        said += [*words["current"]["words"], *words["plan"]["words"], *words["plan"]["set_values"]]
    return re.compile(rf"(?P<kept>{alternation(words['current']['measures'])})|\d{{4}}年|"
                      rf"\d{{1,2}}(?:[-—~至]\d{{1,2}})?月份?|{QUARTER}|{alternation(said)}")


def _without_periods(header: str, kinds: bool = True) -> str:
    """The header with its period words (and with `kinds` its plan and done words) gone, the measures
    that hold one kept whole (年度投资金额)."""
    return _period_words(kinds).sub(lambda m: m.group("kept") or "", header)


@lru_cache(maxsize=64)
def _column_numbers(row: Row) -> bool:
    """甲 乙 1 2 3 4: the numbers of the columns, not figures."""
    labels = _words()["column_numbers"]["labels"]
    if row.label in labels or (row.label and set(row.label) <= {label for label in labels if len(label) == 1}):
        return True  # 甲, or 甲 乙 read as one label
    numbers = [c.text for c in row.values if c.is_number]
    return len(numbers) >= 3 and numbers == [str(i) for i in range(int(numbers[0]), int(numbers[0]) + len(numbers))] \
        if numbers and numbers[0].isdigit() else False


# Where a cell's unit comes from, tried in order; the first that gives one decides.
UNIT_RULES = (
    TableRule("unit_in_cell", lambda table, row, column, cell: _own_unit(cell)[1]),
    TableRule("percent_column", lambda table, row, column, cell:
              ("%", 1) if column.role == "share" or (column.unit and column.unit[0] == "%") else None),
    TableRule("column_header", lambda table, row, column, cell: column.unit),
    TableRule("unit_cell", lambda table, row, column, cell: row.unit),
    TableRule("growth_picks_note_percent", lambda table, row, column, cell:
              ("%", 1) if _growth_in_percent(table, column) else None),
    TableRule("row_label", lambda table, row, column, cell: _label_unit(row.label, table)),
    TableRule("column_picks_note", lambda table, row, column, cell:
              _label_unit(column.header, table) if len(table.note_units) > 1 or table.money_note else None),
    TableRule("note_percent_or_other", lambda table, row, column, cell: _percent_or_other(row.label, table)),
    TableRule("unit_note", lambda table, row, column, cell:
              table.note_units[0] if len(table.note_units) == 1 and not table.money_note else None),
    TableRule("row_cells", lambda table, row, column, cell: _row_written_unit(row)),
    # none of the above: a bare figure in a row that names what it counts, in a table of counts (a
    # 单位 column, a column headed as a number of things, or a 信息公开 template's table, its 本年增/减
    # column too: session 33) or of named tasks and how far they got
    # (a label column and a plan column: 新增城镇就业 | 8950 | 7356) is a count the table gives no unit
    # (乡级行政区划 | 3,101 where the 单位 cell is empty; 行政许可 | 33 under 本年处理决定数量):
    # unit null (spec §5)
    TableRule("no_unit", lambda table, row, column, cell:
              (NO_UNIT, 1) if row.label and cell.is_number and column.role in VALUE_ROLES
              and (any(c.role == "unit" for c in table.columns) or column.header.endswith(COUNT_HEADERS)
                   or table.template
                   or (table.label_index is not None and any(c.role == "plan" for c in table.columns)))
              else None),
)
# a column header that names a number of things, whatever they are (本年处理决定数量, 机构数)
COUNT_HEADERS = ("数量", "数", "总数")


def _growth_in_percent(table: Table, column: Column) -> bool:
    """A growth column with no unit of its own (增长 beside 总量) under a note that lists percent
    among other units (单位：元、%): the percent is the growth's, as a bulletin prints a rate of
    growth; the row's own unit is its level's."""
    return column.role == "change" and column.unit is None and ("%", 1) in table.note_units \
        and len(table.note_units) > 1 and bool(re.search(alternation(_words()["change"]["growth"]), column.header))


def _percent_or_other(label: str, table: Table) -> tuple[str, int] | None:
    """A note of one unit and percent (单位：万人、%, a yearbook's): a row naming a share
    (占人口比例, 覆盖率) is in percent, any other row in the other unit."""
    units = table.note_units
    if len(units) != 2 or ("%", 1) not in units or table.money_note or not label:
        return None
    share = re.search(alternation(_words()["label_units"]["percent"]), label)
    return ("%", 1) if share else next(unit for unit in units if unit != ("%", 1))


def _row_written_unit(row: Row) -> tuple[str, int] | None:
    """The one unit the row's other cells are written with (2500人 | 3321 | 133%: 人), percent
    aside; a bare cell beside them counts in it."""
    units = {unit for c in row.values if (unit := _own_unit(c)[1]) and unit[0] != "%"}
    return units.pop() if len(units) == 1 else None

# Cells that are no figures, whatever their unit.
NOT_A_FIGURE = (
    TableRule("column_numbers", lambda table, row, column, cell: _column_numbers(row)),
    TableRule("marks_row", lambda table, row, column, cell: row.label in _words()["skip"]["rows"] or (
        row.label in TOTAL_ROWS and _appraisal(table))),  # (合计 | 100 under 一级指标 … 权重: the weights' sum)
    TableRule("not_a_figure_column", lambda table, row, column, cell: column.role in ("skip", "label", "unit")),
    TableRule("placeholder", lambda table, row, column, cell: not cell.is_number and _own_unit(cell)[1] is None),
)


def _cells(line: str, offset: int, marked: bool) -> list[Cell]:
    spans, position = [], 0
    for separator in (MARKED_SPLIT if marked else CELL_SPLIT).finditer(line):
        if separator.start() > position:
            spans.append((position, separator.start()))
        position = separator.end()
    if position < len(line):
        spans.append((position, len(line)))
    cells = []
    for start, end in spans:  # (unmarked: every space was the separator's)
        piece = line[start:end]
        cells += _pieces(piece, offset + start) if marked else [Cell(piece, offset + start, offset + end)]
    return [_signed(c) for c in cells if c.text]


def _signed(cell: Cell) -> Cell:
    """A cell opening with a comparison sign before its number (a plan's value: ≥95%, <=5300元/户):
    the number, with the sign kept as its bound."""
    sign = BOUND_SIGN.match(cell.text)
    if sign is None:
        return cell
    width = sign.end()
    return Cell(cell.text[width:], cell.start + width, cell.end, cell.text[:width].strip())


def _pieces(text: str, start: int) -> list[Cell]:
    """A marked cell, or the cells wide spaces part inside it (a page that marks its first cell
    only: `\t本月  累计`), unless it is one justified word (市 州, 合  计)."""
    if not WIDE_SPACE.search(text.strip()) or JUSTIFIED_WORD.fullmatch(text.strip()):
        return [_cell(text, start)]
    return _cells(text, start, False)


def _unmarked_cells(line: str, offset: int) -> list[Cell]:
    """Cells apart by spaces; a line of lone characters is one justified word (康  复) (a line of
    Latin words, a bilingual table's gloss, gets no cells: `_gloss`; the English among Chinese
    cells, 项目 Item 2023 or 孤儿数(人) Number of Orphans (person) 265, is blanked out)."""
    if HANZI.search(line) and LOWER.search(line):
        line = GLOSS_WORDS.sub(lambda m: m.group() if unit_word(m.group()) else " " * len(m.group()), line)
    cells = _cells(line, offset, False)
    spaced = len(list(itertools.takewhile(lambda c: len(c.text) == 1 and HANZI.match(c.text), cells)))
    if spaced > 1 and (spaced == len(cells) or cells[spaced].is_figure
                       or classify_header("".join(c.text for c in cells[:spaced])) is not None):
        # 项  目 2022 2023, 合  计 1204: the first cell's characters spaced out (not 镇 乡 街道)
        cells = [Cell("".join(c.text for c in cells[:spaced]), cells[0].start, cells[spaced - 1].end), *cells[spaced:]]
    return _rejoined(cells)


def _rejoined(cells: list[Cell]) -> list[Cell]:
    """Words a PDF's layout spaced apart inside a cell, put back: a year and its 年 (`2025 年`),
    a range of months (`1- 8月`), and a known header word's characters one space apart after the
    first cell (`属 性`), not a header's cells of one character each (镇 乡 街道)."""
    joined: list[Cell] = []
    for cell in cells:
        last = joined[-1] if joined else None
        if last is not None and cell.start == last.end + 1 and (
                (cell.text == "年" and YEAR_CELL.fullmatch(last.text))
                or (RANGE_OPEN.fullmatch(last.text) and MONTH_CLOSE.match(cell.text))
                or (len(last.text) == 1 == len(cell.text) and HANZI.match(last.text) and HANZI.match(cell.text)
                    and len(joined) > 1 and _names_column(last.text + cell.text))):
            joined[-1] = Cell(last.text + cell.text, last.start, cell.end)
        else:
            joined.append(cell)
    return joined


def _names_column(word: str) -> bool:
    column = classify_header(word)
    return column is not None and column.role != "category"


def _unit_cell(text: str) -> tuple[str, int] | None:
    """A cell that is a unit, bare (万元) or bracketed (`(人)`: a label's unit the page put on the
    next line)."""
    bracketed = BRACKETED_UNIT.fullmatch(text)
    return unit_word(bracketed.group("unit").strip() if bracketed else text)


BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
# English words in lower case and brackets holding them (Item, (10 000 persons)); not acronyms (GDP)
GLOSS_WORDS = re.compile(r"[(（][^()（）\u4e00-\u9fff]*[a-z][^()（）\u4e00-\u9fff]*[)）]"
                         r"|(?<![A-Za-z])[A-Za-z]*[a-z][A-Za-z'\-]*(?![A-Za-z])")
LOWER = re.compile(r"[a-z]")  # an English gloss has lower case; an acronym (GDP, CPI) is a label
FIGURE_WORD = re.compile(r"\d+(?:[.,]\d+)*")


TRAILING_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff)）])\s+(?=[A-Za-z(（])(?P<gloss>[^\u4e00-\u9fff]+)$")


def _without_gloss(cell: Cell) -> Cell:
    """孤儿数(人) Number of Orphans (person) → 孤儿数(人): a cell's English after its Chinese."""
    found = TRAILING_GLOSS.search(cell.text)
    if found is None or not (_gloss(found.group("gloss")) and LOWER.search(found.group("gloss"))):
        return cell
    return Cell(cell.text[:found.start()], cell.start, cell.start + found.start())


def _gloss(line: str) -> bool:
    """A bilingual table's translation: no Hanzi, and more Latin words than numbers outside
    brackets (Item, Population Aged 60 and Over, (10 000 person); not GDP 1234 5678)."""
    if HANZI.search(line) or not LATIN.search(line):
        return False
    outside = BRACKETED.sub(" ", line)
    words = len(LATIN.findall(outside))
    return words > len(FIGURE_WORD.findall(outside)) or not words and not FIGURE_WORD.search(outside)


# a figure with a note in brackets after it (78.2(2021年), 35(全市)): the note says where or when it is
# from, no part of the figure; a unit in brackets (12(万元)) is the figure's
NOTED_FIGURE = re.compile(rf"(?P<figure>{NUMBER.pattern})\s*[(（](?P<note>[^()（）]*[\u4e00-\u9fff][^()（）]*)[)）]")


def _cell(text: str, start: int) -> Cell:
    """The cell, without the spaces around it and inside a justified word."""
    bare = text.strip()
    if not bare:
        return Cell("", start, start)
    start += text.index(bare[0])
    if (noted := NOTED_FIGURE.fullmatch(bare)) and unit_word(noted.group("note")) is None:
        return Cell(noted.group("figure"), start, start + noted.end("figure"))
    if " " in bare or "\u3000" in bare:
        return Cell(JUSTIFIED_SPACE.sub("", bare), start, start + len(bare))
    return Cell(bare, start, start + len(bare))


def _row_of(cells: list[Cell], columns: tuple[Column, ...], text_cells: int = 0) -> Row | None:
    """One row's cells → label, unit and values; a leading 序号 number is dropped."""
    placeholders = _words()["placeholders"]["cells"]
    if cells and cells[0].is_number and columns and columns[0].role == "skip":
        cells = cells[1:]
    elif (lead := _group_and_number(cells, columns)):
        cells = cells[lead:]  # 工 | 70 | 工伤保险基金…: a vertical group label's character and the row's number
    label_cells, unit, values, gloss = [], None, [], False
    unit_column = any(c.role == "unit" for c in columns)
    code_column = any(c.role == "skip" for c in columns)
    unit_between = _unit_between_values(columns)
    sign = ""
    for cell in cells:
        if SIGN_CELL.fullmatch(cell.text) and (label_cells or values):
            sign = "" if cell.text in "=＝" else cell.text  # ≥ | 95 |: the sign bounds the value after it
            continue
        if sign and cell.is_figure and not cell.bound:
            cell, sign = replace(cell, bound=sign), ""
        if unit_between and unit is None and values and not cell.is_figure and unit_word(cell.text) is not None:
            unit = unit_word(cell.text)  # 指标值 | 度量单位 | 完成值: 100 | % | 98: the unit of the values
            continue
        if cell.is_code and not code_column:
            continue  # a code the header gives no column: no label's part, no figure
        # beside columns of words (责任单位) the label has its one cell, theirs follow it
        label_open = not text_cells or len(label_cells) <= text_cells
        if label_open and not values and unit is None and not cell.is_figure and cell.text not in placeholders \
                and unit_word(cell.text) is None and not cell.is_code and _is_short(cell):
            # a bilingual table's row: 视力残疾人 (万人) Visual Disability (10,000 persons) - 40.0
            gloss = gloss or (bool(label_cells) and not HANZI.search(cell.text) and bool(LATIN.search(cell.text)))
            if not gloss:
                label_cells.append(cell.text)
        elif not values and unit is None and unit_word(cell.text) is not None and (label_cells or unit_column):
            unit = unit_word(cell.text)  # (a row's first cell where the page put its label a line up)
        elif not values and unit is None and unit_column and not cell.text:
            continue  # its 单位 cell left empty (`(1)最低生活保障 |` / `|` / `7,650.4 |`)
        else:
            values.append(cell)  # a figure, a placeholder, or text in a column of dates or notes
    if not label_cells and not values:
        return None
    if unit is None and values and _unit_after_values(columns) and not values[-1].is_figure \
            and (written := unit_word(values[-1].text)) is not None:
        unit, values = written, values[:-1]  # 项目 | 2018年 | … | 单位 |: the row's unit after its figures
    if unit is None and unit_column and len(label_cells) == 1 and (split := _justified_unit(cells, label_cells[0])):
        label_cells[0], unit = split  # 个    数        个: a justified label the unit's cell ran into
    if text_cells and len(label_cells) > 1:
        label_cells = label_cells[:1]  # 新增城镇就业 | 区人社局: the label, then who answers for it
    elif len(label_cells) > 1 and _level_columns(columns) > 1:
        label_cells = label_cells[-1:]  # 产出指标 | 数量指标 | 救助人次: the finest level names the row
    label = "".join(LEADING_NUMBER.sub("", KEY_MARK.sub("", text)) for text in label_cells)  # a lone A is a cell of its own
    label = FOOTNOTE_MARK.sub("", VALUE_TEMPLATE.sub("", label)).rstrip(":：")  # 年度资金总额: a form's label
    return Row(label, unit, tuple(values), _list_level(label_cells[0]) if label_cells else UNNUMBERED,
               bool(label_cells) and bool(PART_MARK.match(label_cells[0])))


GROUP_CHARACTERS = 2  # a group's name printed down its column leaves a character or two on a row's line


def _named_after_group(columns: tuple[Column, ...] | list[Column]) -> bool:
    """Whether the rows are named in a label column after a group's column and the rows' numbers
    (分类 | 序号 | 统计指标: `_label_column` is not the first label column)."""
    roles = [c.role for c in columns]
    return "label" in roles and _label_column(columns) != roles.index("label")


def _group_piece(text: str) -> bool:
    """A character or two of a group's name printed down its column (工 / 伤 / 保 / 险)."""
    return len(text) <= GROUP_CHARACTERS and bool(HANZI.fullmatch(text[:1]))


def _group_character(cell: Cell, columns: tuple[Column, ...] | list[Column]) -> bool:
    """A character or two of a group's name printed down its column (分类 | 序号 | 统计指标), not a row."""
    return _named_after_group(columns) and _group_piece(cell.text)


def _group_and_number(cells: list[Cell], columns: tuple[Column, ...] | list[Column]) -> int:
    """How many cells open the row before its label under a header whose label column follows a group
    column and the rows' numbers (分类 | 序号 | 统计指标): the row's number (68, 68.1), after the
    character or two of the group's name the page printed down the rows (工 / 伤 / 保 / 险) where
    this row has one; 0 when the row does not open so."""
    if not _named_after_group(columns):
        return 0
    for index, cell in enumerate(cells[:2]):
        if cell.is_number:
            return index + 1 if index + 1 < len(cells) and not cells[index + 1].is_figure else 0
        if not _group_piece(cell.text):
            return 0
    return 0


def _unit_between_values(columns: tuple[Column, ...] | list[Column]) -> bool:
    """指标值 | 度量单位 | 完成值: a unit column between two columns of figures (a performance form's)."""
    roles = [c.role for c in columns]
    if "unit" not in roles:
        return False
    at = roles.index("unit")
    return any(r in KNOWN_VALUE_ROLES for r in roles[:at]) and any(r in KNOWN_VALUE_ROLES for r in roles[at + 1:])


def _unit_after_values(columns: tuple[Column, ...] | list[Column]) -> bool:
    """A 单位 column to the right of every column of figures."""
    units = [i for i, c in enumerate(columns) if c.role == "unit"]
    values = [i for i, c in enumerate(columns) if c.role in KNOWN_VALUE_ROLES]
    return bool(units and values) and units[-1] > values[-1]


def _justified_unit(cells: list[Cell], label: str) -> tuple[str, tuple[str, int]] | None:
    """个数 | 个 printed `个      数            个` (or 镇 | 个 as `镇 个`): the justified label's characters
    and the unit cell after it were read as one spaced-out word; the label and its unit apart, the
    label as long as the unit at least."""
    cell = next((c for c in cells if c.text == label), None)
    if cell is None or cell.end - cell.start <= len(label):
        return None  # (a label written without spaces: its last character is its own)
    for size in (2, 1):
        if len(label) - size >= size and (unit := unit_word(label[-size:])) is not None:
            return label[:-size], unit
    return None


def _quantities_of_row(table: Table, row: Row) -> list[Quantity]:
    columns = table.slots
    if len(row.values) > len(columns):
        return []  # more figures than columns: the row is not read as this header says
    found = []
    for slot, (cell, column) in enumerate(zip(row.values, columns)):
        if any(rule.produce(table, row, column, cell) for rule in NOT_A_FIGURE):
            continue
        number, own = _own_unit(cell)
        if own is not None and cell.text[len(number):].strip() in multipliers():
            # 3.5万 under 参保人数: ten thousand of the unit the table gives; 元 only where none does
            given = next((given for rule in UNIT_RULES[1:] if (given := rule.produce(table, row, column, cell))), None)
            unit = (given[0], multipliers()[cell.text[len(number):].strip()]) if given else own
        else:
            unit = next((given for rule in UNIT_RULES if (given := rule.produce(table, row, column, cell))), None)
        if unit is None:
            continue
        try:
            value = Decimal(number.replace(",", "").replace("−", "-").lstrip("+")) * unit[1]
        except InvalidOperation:
            continue
        dated = YEAR_HEADER.fullmatch(column.header)
        role = "plan" if (column.role == "current" or dated) and _plan_row(row) else column.role
        found.append(Quantity(float(value), unit[0], cell.start, cell.end, _bound_qualifier(cell.bound),
                              cell.start - len(cell.bound) if cell.bound else cell.start, cell.end,
                              _subject(table, row, column, slot), role, int(dated.group(1)) if dated else None))
    return found


def _plan_row(row: Row) -> bool:
    """城市低保资金全年计划支出(万元): a row named as a plan, budget or task, its figures under the
    period columns that plan's, as a plan column's are (data: table_columns.toml plan_rows)."""
    words, not_words = _plan_row_words()
    return bool(words.search(not_words.sub(" ", row.label)))


@cache
def _plan_row_words() -> tuple[re.Pattern, re.Pattern]:
    table = _words()["plan_rows"]
    return re.compile(alternation(table["words"])), re.compile(alternation(table["not_words"]))


@cache
def _bound_signs() -> dict[str, Qualifier]:
    """The comparison signs among the qualifier words before a number (>=, ≤ …), and the bare
    signs a cell holding only a sign and its number opens with (>7.5 under a plan's 2025年: in
    a cell a bare > is no arrow or bracket, as it may be in prose)."""
    signs = {word: q for word, q in qualifier_words("before").items() if not HANZI.search(word)}
    return signs | {sign: Qualifier(q) for sign, q in _words()["cell_bounds"].items()}


def _bound_qualifier(sign: str) -> Qualifier | None:
    return _bound_signs().get(sign) if sign else None


def _own_unit(cell: Cell) -> tuple[str, tuple[str, int] | None]:
    """The cell's number and the unit written in it (1204户, 15.6万元, 75%), if any."""
    number = NUMBER.match(cell.text)
    if number is None:
        return cell.text, None
    digits = number.group().rstrip("%")
    rest = cell.text[len(digits):].strip()
    unit = unit_word(unit_words().get(rest, rest)) if rest else None  # (100百分比: %, as 2181人口 is 人)
    return digits, unit if unit and unit[0] in simple_units() else None  # 2024年 is no figure


def might_hold_table(text: str) -> bool:
    return any(sign.search(text) for sign in TABLE_SIGNS) and bool(MIGHT_HOLD_TABLE.search(text))


@dataclass
class _Line:
    text: str
    start: int
    cells: list[Cell]
    marked: bool  # its cells are marked off by a pipe or a tab
    pipes: int = 0  # its pipes: a row whose cells close with one has as many as cells, empty ones too
    closed: bool = False  # it ends with its pipe (`集中养育不低于1800元/月 |`: a cell a line)

    @property
    def opens_row(self) -> bool:
        """A pipe alone on its line: a row opens (a table a cell a line whose rows open so)."""
        return self.pipes == 1 and not self.text

    @property
    def lone_cell(self) -> bool:
        """One cell closing with its pipe: a cell of a table printed a cell a line."""
        return self.pipes == 1 and self.closed and len(self.cells) == 1


@cache
def _form_runs() -> re.Pattern:
    return re.compile("|".join(r"[ \u3000]+".join(map(re.escape, run.split())) for run in _words()["form_layout"]["runs"]))


def _flattened_form(raw: str, position: int) -> list[tuple[str, int]] | None:
    """A performance form whose Word text layer ran every cell onto one line, single spaces between
    (… 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 …): its cells, each as a
    line of its own with its offset, so that it reads as the form printed a cell a line; None for a line
    holding none of the form's runs of column words."""
    if "|" in raw or "\t" in raw or len(raw) < FORM_LINE_MIN or not _form_runs().search(raw):
        return None
    return [(m.group(), position + m.start()) for m in re.finditer(r"[^ \u3000]+", raw)]


FORM_LINE_MIN = 60  # a form run onto one line is long; a header line of its own is read as it is


def _lines(text: str) -> list[_Line]:
    lines, position = [], 0
    pieces: list[tuple[str, int]] = []
    for raw in text.split("\n"):
        pieces += _flattened_form(raw, position) or [(raw, position)]
        position += len(raw) + 1
    return _lines_of(pieces)


def _lines_of(pieces: list[tuple[str, int]]) -> list[_Line]:
    lines = []
    glued: bool | None = None  # under a header whose cells ran together: whether it has a 单位 column
    for raw, position in pieces:
        stripped = raw.strip().rstrip("|").strip()
        marked = "|" in raw or "\t" in raw
        cells = (_cells(raw, position, True) if marked else _unmarked_cells(raw, position)) if stripped else []
        if _gloss(stripped):
            cells = []  # Item |, Number of Persons Receiving … |: a bilingual table's gloss
        elif WEIGHT_CELL.fullmatch(stripped):
            cells = []  # (50分) under 产出指标: an appraisal's weight the page broke off its level's name
        elif marked:
            # 项目 | Item | 2023 |, 孤儿数(人) | Number of Orphans (person) | 265 |: a gloss column;
            # 指标 Indicator |, 孤儿数(人) Number of Orphans (person) |: a gloss after the words
            cells = [_without_gloss(c) for c in cells
                     if not (_gloss(c.text) and LOWER.search(c.text) and unit_word(c.text) is None)]  # (mm a unit)
        if PROSE.search(stripped):
            glued = None  # the table ended
        elif len(cells) == 1 and not marked:
            if header := _glued_header(cells[0]):
                cells, glued = header, any(classify_header(c.text).role == "unit" for c in header)
            elif glued is not None:
                cells = _glued_row(cells[0], glued)
        lines.append(_Line(stripped, position, cells, marked, raw.count("|"), raw.rstrip().endswith("|")))
    return lines


# a performance form's weight alone in its cell, a level's name broken before it (产出指标 / (50分)):
# the rubric's, no figure and no cell of the table
WEIGHT_CELL = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
GLUED_FIGURE = re.compile(rf"(?P<label>.*[^\d\s.,+\-−])(?P<figure>{NUMBER.pattern})")
UNIT_CELL_MAX = 8  # 元/人·月, 万人次: the longest unit a glued row's label may end with


@cache
def _header_words() -> tuple[str, ...]:
    words = _words()
    found = {*words["unit"]["exact"]} | {w for role in ROLES if role not in ("skip", "unit")
                                          for w in words[role]["words"]}
    return tuple(sorted(found, key=len, reverse=True))


def _glued_header(cell: Cell) -> list[Cell] | None:
    """指标名称单位数量: a header whose cells the page ran together, cut into its known words (the
    fewest), a row label's column first."""
    text, words = cell.text, _header_words()
    best: list[list[str] | None] = [[]] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for word in words:
            before = best[end - len(word)] if end >= len(word) and text.endswith(word, 0, end) else None
            if before is not None and (best[end] is None or len(before) + 1 < len(best[end])):
                best[end] = before + [word]
    pieces = best[-1]
    if not pieces or len(pieces) < 2:
        return None
    columns = [classify_header(piece) for piece in pieces]
    if None in columns or columns[0].role != "label" or not _is_header(columns, False):
        return None
    cells, start = [], cell.start
    for piece in pieces:
        cells.append(Cell(piece, start, start + len(piece)))
        start += len(piece)
    return cells


def _glued_row(cell: Cell, with_unit: bool) -> list[Cell]:
    """镇143, 最低生活保障人数万人7.1: a row under a glued header, cut into its label, its unit (where
    the header has a 单位 column) and its figure."""
    found = GLUED_FIGURE.fullmatch(cell.text)
    if found is None:
        return [cell]
    label, figure_start = found.group("label"), cell.start + found.start("figure")
    cut = next((n for n in range(min(UNIT_CELL_MAX, len(label) - 1), 0, -1)
                if unit_word(label[-n:]) is not None), 0) if with_unit else 0
    cells = [Cell(label[:len(label) - cut], cell.start, cell.start + len(label) - cut)]
    if cut:
        cells.append(Cell(label[-cut:], cell.start + len(label) - cut, figure_start))
    return cells + [Cell(found.group("figure"), figure_start, cell.end)]


def _is_table_line(line: _Line) -> bool:
    """Short cells without sentence punctuation; or a row whose pipes or tabs mark three cells
    or more, the first short, whose other cells may hold sentences (a 备注 or 进展情况 column);
    or a row that spaces mark off into four cells or more, a figure among them, all short but
    the last (its 备注 a sentence)."""
    if not line.text:
        return True  # an empty cell or row (`||`) inside a table
    if line.marked and len(line.cells) >= MARKED_ROW_CELLS and _is_short(line.cells[0]):
        return True
    if len(line.cells) > 1 and line.pipes > len(line.cells) and line.pipes >= MARKED_ROW_CELLS:
        return True  # 新增公交线路3条。 | 新增4条公交线路。 | ||: a row whose other cells span from the rows above
    if not line.marked and len(line.cells) > MARKED_ROW_CELLS and all(_is_short(c) for c in line.cells[:-1]) \
            and any(c.is_figure for c in line.cells[:-1]):
        return True
    return all(_is_short(c) for c in line.cells)


MARKED_ROW_CELLS = 3


def _broken_row(lines: list[_Line], index: int) -> bool:
    """`农村特困 | 基本生活费:…; 照料费:… |` over `114 | 20.14 | |`: inside a table, a row
    whose label and sentence cell close with their pipes, its figures on the next line (the page
    broke the row after its long cell): a line of the table, though a sentence is in it."""
    line, following = lines[index], lines[index + 1] if index + 1 < len(lines) else None
    return line.marked and len(line.cells) >= 2 and line.pipes >= len(line.cells) and _is_short(line.cells[0]) \
        and not line.cells[0].is_figure and following is not None and following.marked \
        and bool(following.cells) and following.cells[0].is_figure and _is_table_line(following)


def _sentence_cell(lines: list[_Line], index: int) -> bool:
    """`区民政局,各街道办事处 |` between `区残联 |` and `3 |`: inside a table a cell a line, each
    closing with its pipe, a cell holding a sentence (a 责任单位 or 备注 column's) is a cell of the
    table, not prose ending it, when the lines either side are such cells too and the next a short one
    (a table whose rows open with a pipe alone on its line is `_pipe_row_cells`'s: not here)."""
    def lone(line: _Line | None) -> bool:
        return line is not None and line.lone_cell
    following = lines[index + 1] if index + 1 < len(lines) else None
    if not (lone(lines[index]) and (following is None or lone(following) and _is_short(following.cells[0]))):
        return False
    # a row of figures' last cell, its empty cells between (`10 |` / `|` / `1.预算执行率=…需说明原因 |`: a
    # form's note on the row): the row's, though a pipe alone on its line is an empty cell or a row's opening
    above = next((at for at in range(len(lines))[index - 1:max(0, index - EMPTY_CELLS_BETWEEN - 2):-1] if lines[at].text), None)
    if above is not None and lone(lines[above]) and lines[above].cells[0].is_figure \
            and all(line.opens_row for line in lines[above + 1:index]):
        return True
    return lone(lines[index - 1]) and not any(line.opens_row for line in lines[max(0, index - ROW_OPENER_REACH):index])


EMPTY_CELLS_BETWEEN = 2  # empty cells a row of figures may hold before its note


ROW_OPENER_REACH = 12  # how far above a sentence cell a row's opening pipe would be


def _is_short(cell: Cell) -> bool:
    """A cell a table holds, not a sentence; a bracketed note is no part of its length (…数量(按月平均)(≥**人))."""
    return len(BRACKETED.sub("", cell.text)) <= CELL_MAX and not PROSE.search(cell.text)


class TableReading(NamedTuple):
    quantities: list[Quantity]
    # text cells under a plan column (标准不低于3480元/年,…), and the task cells of a table
    # reporting their progress (项目内容 | 完成情况): the figures the sentence reading finds in
    # them are the plan's, targets
    plan_cells: list[tuple[int, int]]
    # the progress cells of such a table (进展情况): what was done, actual, whatever cell follows
    done_cells: list[tuple[int, int]]


def table_reading(text: str) -> TableReading:
    """The figures of every flattened table in `text` (none when the pre-check finds no cell)."""
    reading = TableReading([], [], [])
    if not might_hold_table(text):
        return reading
    lines = _lines(text)
    index = 0
    while index < len(lines):
        if not _is_table_line(lines[index]) or not lines[index].text:
            index += 1
            continue
        end = index
        while end < len(lines) and (_is_table_line(lines[end]) or end > index and (_broken_row(lines, end)
                                                                                   or _sentence_cell(lines, end))):
            end += 1
        _read_region(lines, index, end, reading)
        index = end + 1
    _pipe_row_cells(lines, reading)
    _opened_numbered_rows(lines, reading)
    fixed = _template_grids(text)
    if fixed:
        taken = {q.start for q in fixed}
        reading.quantities[:] = [q for q in reading.quantities if q.start not in taken] + fixed
    return reading


# ---- the 信息公开 template's application and review tables ------------------------------------
# Their columns are fixed by the template, not by what the page's flattening left of its header of
# several levels (a spanned first cell, 法人或其他组织 over five classes): the rows are read by the
# template's labels and their figures fill its columns left to right (data: [template_applications],
# [template_reviews]).

GRID_SPLIT = re.compile(r"[|\t]")
GRID_QUOTES = re.compile(r"[“”\"'‘’\s]")
GRID_LEVEL = ((re.compile(r"^[一二三四五六七八九十]+[、.．]"), 1), (re.compile(r"^[(（][一二三四五六七八九十]+[)）]"), 2),
              (re.compile(r"^\d{1,2}[.、．]"), 3))


def _grid_cells(text: str) -> list[Cell]:
    """Every cell of the text in reading order: a line's cells apart by pipes or tabs, one left empty
    kept as an empty cell (a line of its pipe alone too), a line of pipes alone (`|||`, the rest a row
    spans) none; a line without them its words apart by spaces, words of Hanzi one space apart one
    cell (商业 企业: a justified word; cells stand wider apart)."""
    cells, position = [], 0
    for raw in text.split("\n"):
        if "|" in raw or "\t" in raw:
            if not raw.strip(" |\t\u3000"):
                if raw.count("|") == 1:
                    cells.append(Cell("", position, position))
            else:
                pieces, at = [], 0
                for separator in GRID_SPLIT.finditer(raw):
                    pieces.append((at, separator.start()))
                    at = separator.end()
                if raw[at:].strip():
                    pieces.append((at, len(raw)))
                for start, end in pieces:  # a label's spaces dropped (商业 企业, 结果 维持: a justified or wrapped word)
                    piece = raw[start:end]
                    lead, bare = len(piece) - len(piece.lstrip()), piece.strip()
                    cells.append(Cell(JUSTIFIED_SPACE.sub("", bare), position + start + lead,
                                      position + start + lead + len(bare)))
        else:
            for word in re.finditer(r"\S+", raw):
                cell = Cell(word.group(), position + word.start(), position + word.end())
                if cells and HANZI.search(cell.text) and not cell.is_number and cells[-1].start >= position \
                        and cells[-1].end == cell.start - 1 \
                        and HANZI.search(cells[-1].text) and not cells[-1].is_number:
                    before = cells.pop()
                    cell = Cell(before.text + cell.text, before.start, cell.end)
                cells.append(cell)
        position += len(raw) + 1
    return cells


def template_row(text: str) -> tuple[int, str] | None:
    """A row label of the application table: its outline level (一、 1, (一) 2, 1. 3, none 2) and its
    name, number and gloss aside, when the template has that row (whole, or cut short: 4 characters at
    least)."""
    level = next((level for pattern, level in GRID_LEVEL if pattern.match(text)), 2)
    name = GRID_QUOTES.sub("", TRAILING_BRACKET.sub("", LEADING_NUMBER.sub("", text.strip())))
    key, rows = _grid_key(name), _template_rows()
    known = key in rows or len(key) >= 4 and any(row.startswith(key) for row in rows)  # (or cut short)
    return (level, name) if known else None


def _grid_key(label: str) -> str:
    """A row label compared by its words: its punctuation aside (、 or , between two reasons)."""
    return re.sub(r"[^\w]", "", label)


@cache
def _template_rows() -> frozenset[str]:
    return frozenset(map(_grid_key, _words()["template_applications"]["rows"]))


def _template_grids(text: str) -> list[Quantity]:
    """The figures of the template's application table (自然人 | 法人或其他组织 | 总计 over 商业企业 …, then
    rows such as 一、本年新收政府信息公开申请数量) and of its review table (行政复议 | 行政诉讼 …, then one
    row of fifteen figures): bare counts, unit null, named by column and row."""
    applications, reviews = _words()["template_applications"], _words()["template_reviews"]
    if applications["opens"] not in text and reviews["opens"] not in text:
        return []
    cells, found = _grid_cells(text), []
    index = 0
    while index < len(cells):
        if applications["opens"] in cells[index].text and not template_row(cells[index].text):
            index = _application_rows(text, cells, index, applications, found)
        elif cells[index].text == reviews["opens"]:
            index = _review_row(cells, index, reviews, found)
        else:
            index += 1
    return found


def _grid_figure(cell: Cell, subject: str) -> Quantity | None:
    """A bare count (unit null), or a count written with its unit (3件: as written); a share no count."""
    number, unit = _own_unit(cell)
    if cell.text.endswith("%") or not (cell.is_number or unit):
        return None
    unit = unit or (NO_UNIT, 1)
    return Quantity(float(Decimal(number.replace(",", "")) * unit[1]), unit[0], cell.start, cell.end, None,
                    cell.start, cell.end, subject, "current")


def _application_rows(text: str, cells: list[Cell], index: int, words: dict, found: list[Quantity]) -> int:
    """From its header's first cell: the header up to 总计 (cells the page or its cleaning ran together,
    申请人情况自然人, are one cell) and the first row, then each row's figures in the template's columns, to
    the first cell that is neither a figure nor a row; a header without the classes of 法人或其他组织 (a
    shorter form: 自然人 | 法人或其他组织 | 总计) has those three columns. A row a line whose label spans the two label
    columns may leave an empty cell after it (`一、本年新收… | | 3 | …`): with all its columns' figures after
    them on the line, such cells hold no column's place."""
    header_end = next((i for i in range(index, min(index + 30, len(cells)))
                       if words["closes_header"] in cells[i].text), None)
    if header_end is None:
        return index + 1
    position = next((i for i in range(header_end + 1, min(header_end + 30, len(cells))) if template_row(cells[i].text)),
                    None)
    if position is None:
        return index + 1
    header = "".join(c.text for c in cells[index:position])
    columns = words["columns"] if words["classes"] in header else words["short_columns"]
    top, group, name, slot = "", "", "", len(columns)
    while position < len(cells):
        cell = cells[position]
        row = template_row(cell.text) if HANZI.search(cell.text) else None
        if row is not None:
            label = cell.text
            while position + 1 < len(cells) and HANZI.search(cells[position + 1].text) \
                    and not cells[position + 1].is_figure and not template_row(cells[position + 1].text) \
                    and (whole := template_row(label + cells[position + 1].text)):
                # the label wrapped onto lines or cells of its own (…行政机关不再处理 ⏎ 其政府信息公开申请;
                # 部分公开 ⏎ (区分处理的,…), its gloss): the row the template has, read whole
                position, label, row = position + 1, label + cells[position + 1].text, whole
            cell = cells[position]
            level, name = row
            if level == 1:
                top, group = name, ""
            elif level == 2:
                group = name
                name = top + name if name in words["alone"] else name
            else:
                name = group + name if group else name
            same_line = list(itertools.takewhile(lambda c: "\n" not in text[cell.end:c.start], cells[position + 1:]))
            spanned = len(list(itertools.takewhile(lambda c: not c.text, same_line)))
            after = same_line[spanned:spanned + len(columns)]
            slot = -spanned if spanned and len(after) == len(columns) and all(c.text for c in after) else 0
        elif HANZI.search(cell.text) and not cell.is_figure:
            break  # the table ended
        elif slot < 0:
            slot += 1  # an empty cell the row's label spans
        elif slot < len(columns):
            if figure := _grid_figure(cell, columns[slot] + name):
                found.append(figure)
            slot += 1
        position += 1
    return position


def _review_row(cells: list[Cell], index: int, words: dict, found: list[Quantity]) -> int:
    """From its header's first cell: header cells (the template's words, or empty) to the first
    figure, then the fifteen columns' figures."""
    position = index
    while position < len(cells) and (cells[position].text in words["header"] or not cells[position].text):
        position += 1
    if not set(words["header"]) <= {c.text for c in cells[index:position]}:
        return index + 1
    slot = 0
    while position < len(cells) and slot < len(words["columns"]) \
            and (cells[position].is_figure or not HANZI.search(cells[position].text)):
        if figure := _grid_figure(cells[position], words["columns"][slot]):
            found.append(figure)
        slot += 1
        position += 1
    return position


def _pipe_row_cells(lines: list[_Line], reading: TableReading) -> None:
    """A table a cell a line whose rows each open with a pipe alone on its line and whose cells each
    close with their own (`|` ⏎ `事项 |` ⏎ `年度目标 |` ⏎ `落实情况 |` ⏎ `|` ⏎ `提高孤儿养育标准 |` ⏎
    `集中养育不低于1800元/月,… |` ⏎ `已按月足额发放 |`), its cells sentences too, which the region reading
    stops at: under a header row with a plan column, each row of as many cells gives its plan cell's
    sentence as the plan's (targets) and its progress cell's as what was done, as rows a line give them;
    a row of another width ends the table."""
    rows: list[list[Cell]] = []
    for line in lines:
        if line.opens_row:
            rows.append([])  # a row opens
        elif rows and line.lone_cell:
            rows[-1].append(line.cells[0])
        elif rows and rows[-1]:
            rows.append([])  # anything else closes the row it interrupts
    header: list[Column] | None = None
    for row in rows:
        columns = [classify_header(c.text) for c in row]
        if len(row) >= 2 and None not in columns and any(c.role == "plan" for c in columns) \
                and _is_header(columns, True):
            header = columns
        elif header is not None and row and len(row) != len(header):
            header = None
        elif header is not None and row:
            progress = _progress_column(header)
            for index, (cell, column) in enumerate(zip(row, header)):
                if cell.is_figure or not HANZI.search(cell.text):
                    continue
                if column.role == "plan":
                    reading.plan_cells.append((cell.start, cell.end))
                elif index == progress:
                    reading.done_cells.append((cell.start, cell.end))


def _read_region(lines: list[_Line], start: int, end: int, reading: TableReading) -> None:
    """A run of table-like lines: each header found opens a table that its rows read; a table
    printed a cell per line is read by its rows' width instead when that reads more."""
    by_headers = TableReading([], [], [])
    _read_by_headers(lines, start, end, by_headers)
    stacked = _stacked_table(lines, start, end)
    if len(stacked) > len(by_headers.quantities):
        reading.quantities.extend(stacked)
        return
    numbered, opening = _numbered_rows(lines, start, end)  # (every row's number and width agree: its figures win)
    reading.quantities.extend([q for q in by_headers.quantities if q.start < opening] + numbered
                              if numbered else by_headers.quantities)
    reading.plan_cells.extend(by_headers.plan_cells)
    reading.done_cells.extend(by_headers.done_cells)


SEQUENCE_HEADER = "序号"  # the header of a table's row numbers (a skip column)


def _numbered_rows(lines: list[_Line], start: int, end: int) -> tuple[list[Quantity], int]:
    """A table a cell a line, each cell closing with its pipe, its header opening with 序号: each row is
    as many cells as the header, opening with its number (1, 2, …), whatever its cells hold (words in a
    column of figures, 持续改善 under 2025年; a sentence under 责任单位), which rows told apart by their
    figures misread; the header repeated (a new page) is passed over. Nothing unless every line from
    the header to the region's end is such a cell and the rows fill them all; with them, where the
    header opens."""
    first = next((i for i in range(start, end) if lines[i].text == SEQUENCE_HEADER), None)
    if first is None:
        return [], -1
    cells = []
    for line in lines[first:end]:
        if not (line.pipes == 1 and line.closed and len(line.cells) <= 1):
            if line.text or line.pipes:
                return [], -1
            continue  # a blank line
        cells.append(line.cells[0] if line.cells else Cell("", line.start, line.start))
    found = _numbered_table(cells)
    return (found, lines[first].start) if found is not None else ([], -1)


def _opened_numbered_rows(lines: list[_Line], reading: TableReading) -> None:
    """The same table in the flattening whose rows each open with a pipe alone on its line, its header
    row too (`|` ⏎ `序号 |` ⏎ `项目名称 |` … ⏎ `|` ⏎ `1 |` …): the region reading stops at its
    sentence cells (a 建设内容 column), so its rows are read here, from the header to the last row
    whole (a page cut inside a row), each opening pipe at a row's start; its figures replace what the
    regions read there."""
    for first, line in enumerate(lines):
        if line.text != SEQUENCE_HEADER or not first or not lines[first - 1].opens_row:
            continue
        cells, openers = [], []
        for cell_line in lines[first:]:
            if cell_line.opens_row:
                openers.append(len(cells))
            elif cell_line.lone_cell:
                cells.append(cell_line.cells[0])
            else:
                break
        width = next((i for i, cell in enumerate(cells) if cell.is_number), 0)
        whole = len(cells) - len(cells) % width if width else 0
        if not whole or any(at % width for at in openers if at < whole):
            continue
        found = _numbered_table(cells[:whole])
        if found:
            span = (cells[0].start, cells[whole - 1].end)
            reading.quantities[:] = [q for q in reading.quantities if not span[0] <= q.start < span[1]] + found


def _numbered_table(cells: list[Cell]) -> list[Quantity] | None:
    """A 序号 table's header cells, then its rows of as many cells, each opening with its number: their
    figures; None when the header is none or a row breaks the count."""
    width = next((i for i, cell in enumerate(cells) if cell.is_number), len(cells))
    # (a header the rows' numbers mark off: a cell no column name reads, 2024年建设内容, holds words)
    columns = [classify_header(cell.text) or Column(cell.text, "text", None) for cell in cells[:width]]
    if width < MARKED_ROW_CELLS or not all(HANZI.search(c.text) or c.text == SEQUENCE_HEADER for c in cells[:width]) \
            or not _is_header(columns, True):
        return None
    table = Table(_earlier_years_previous(columns), ())
    header, found, position, number = [c.text for c in cells[:width]], [], width, 1
    while position < len(cells):
        row_cells = cells[position:position + width]
        if [c.text for c in row_cells] == header:
            position += width
            continue
        if len(row_cells) < width or row_cells[0].text != str(number):
            return None
        row = _row_of(row_cells, table.columns, len(table.leading_text))
        if row is not None and row.label:
            found.extend(_quantities_of_row(table, row))
        position, number = position + width, number + 1
    return found


def _read_by_headers(lines: list[_Line], start: int, end: int, reading: TableReading) -> None:
    cells = [(i, c) for i in range(start, end) for c in lines[i].cells
             if c.text.strip("|").strip()]
    position = 0
    while position < len(cells):
        header = _header_at(lines, cells, position)
        if header is None:
            position += 1
            continue
        table, body_start = header
        if (group := _heading_above(lines, cells[position][0])):
            table = replace(table, group=group)
        elif (programme := _title_programme(lines, cells[position][0])):
            table = replace(table, programme=programme)
        rows, position = _rows(lines, cells, body_start, table)
        rows.sort(key=lambda row: row.group)  # a group printed side by side reads down, then the next
        rows = _marks_after_words([_by_last_groups(table, row) for row in rows], table)
        if _place_names(rows) or _bodies_funded(table):
            table = replace(table, place_rows=True)
        for row in _parts_in_units(_class_parts(_value_added(rows if _appraisal(table) else _within_groups(rows), table)), table):
            reading.quantities.extend(_quantities_of_row(table, row))
            reading.plan_cells.extend((cell.start, cell.end) for cell, column in zip(row.values, table.slots)
                                      if column.role == "plan" and not cell.is_figure and HANZI.search(cell.text))
        task = _task_column(table.columns) if rows else None
        if task is not None:
            first, last = cells[body_start][0], cells[position - 1][0]
            reading.plan_cells.extend(_task_cells(lines, first, last, table, task))
            if (progress := _progress_column(table.columns)) is not None and progress > task:
                reading.done_cells.extend(_task_cells(lines, first, last, table, progress))


# a heading's year before what it names, and the sum after it: (一)2021年民办养老机构…补贴135.33万元
HEADING_NAME = re.compile(r"(?:(?:19|20)\d{2}年度?)?([^\d]{2,30}?)[:：]?\s*(?:\d[\d.,]*\s*[万亿]?元?)?\s*$")


def _heading_above(lines: list[_Line], index: int) -> str:
    """The name a numbered heading on the line right above a table's header gives (一、/(一)/1.), the
    heading's own sum and year aside and quote marks dropped; "" when no such heading stands there."""
    if index == 0 or lines[index - 1].cells and lines[index - 1].marked:
        return ""
    text = lines[index - 1].text.strip()
    if outline_level(text) is None:
        return ""
    named = HEADING_NAME.fullmatch(LEADING_NUMBER.sub("", text).strip())
    return re.sub(r"[“”\"‘’]", "", named.group(1)) if named else ""


TITLE_LINES = 4  # how far above a table's header its title may stand (a date line between)
TITLE = re.compile(r"(?:(?:[\u4e00-\u9fff]{1,8}?[省市区县旗])?(?:19|20)\d{2}年度?(?:\d{1,2}(?:[-—~至]\d{1,2})?月份?)?)"
                   r"(?P<programme>[\u4e00-\u9fff]{2,20}?)(?:发放|使用|支出|落实|统计|汇总|明细|一览)?(?:情况|表)$")
# an allocation table's title (救灾补助资金指标分配表, 2018年…补助资金分配表): the money it shares out is the
# programme, dated or not
ALLOCATION_TITLE = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?[省市区县旗])?(?:(?:19|20)\d{2}年度?)?"
                              r"(?P<programme>[\u4e00-\u9fff]{2,30}?)(?:指标)?(?:分配|下达|安排)(?:明细|情况|计划)?表$")
MONEY_CLOSE = re.compile(r"(?:资金|金)$")


def _title_programme(lines: list[_Line], index: int) -> str:
    """The programme a table's dated title names above its header (某区2023年5月农村低保金
    发放表 → 农村低保金): round 32's call completes with it the column words
    that name nothing alone in a table whose rows are places; "" when no such title stands there."""
    for line in [line for line in lines[max(0, index - 2 * TITLE_LINES):index] if line.text][-TITLE_LINES:][::-1]:
        if (found := ALLOCATION_TITLE.fullmatch(title := re.sub(r"\s+", "", line.text)) or TITLE.fullmatch(title)):
            return found.group("programme")
    return ""


def _of_programme(programme: str, measure: str) -> str:
    """户数 of 城镇居民最低生活保障金 → 城镇居民最低生活保障户数; 金额 of it → the money as the title
    names it (城镇居民最低生活保障金); of a programme named without its money, the two joined."""
    if programme.endswith(measure):
        return programme  # 补助资金 under …生活补助资金分配表: the title's money, as it writes it
    if MONEY_CLOSE.search(programme):
        return programme if measure in ("金额", "资金") else MONEY_CLOSE.sub("", programme) + measure
    return _joined(programme, measure)


STACKED_ROWS_MIN = 2  # rows of one width, fewer is no table
STACKED_END = 3  # labels in a row with no figure after any: the table ended
CHANGE_CELL = re.compile(r"增减|增长|[±]")  # 增减%, 比上年增长%: a change column's header, or its last line


@dataclass(frozen=True)
class _Token:
    kind: str  # text, number, gloss (English words) or break (a line of several cells)
    cell: Cell


def _stacked_table(lines: list[_Line], start: int, end: int) -> list[Quantity]:
    """A yearbook's table as its page prints it, a cell per line (`全国合计` / `National Total` /
    `257.6` / `286.1` / …): each row a label (its English gloss after it) and as many figures as
    the table has columns, that width the one most rows have. The header's measures
    (床位数(万张), `年末床位` `利 用 率` `(%)`), years and change columns (增减%) must make as
    many columns, else nothing is read. Cleaning dropped the lines of empty cells, so a row with
    fewer figures cannot say which columns it fills: it is left out, and the rows after it read."""
    tokens = _stacked_tokens(lines, start, end)
    counts = [_stacked_row_at(tokens, i) for i in range(len(tokens))]
    width = _stacked_width(counts)
    if width is None:
        return []
    body = counts.index(width)
    opening = max((i for i, token in enumerate(tokens[:body]) if token.kind == "break"), default=-1)
    columns = _stacked_columns(tokens[opening + 1:body], width)
    if columns is None:
        return []
    rows = _stacked_rows(tokens, counts, body, width)
    table = Table(_earlier_years_previous(columns), (), place_rows=_place_names(rows))
    return [quantity for row in rows for quantity in _quantities_of_row(table, row)]


def _stacked_tokens(lines: list[_Line], start: int, end: int) -> list[_Token]:
    tokens = []
    for line in lines[start:end]:
        if not line.text:
            continue
        if not line.cells or (LATIN.search(line.text) and not HANZI.search(line.text)):
            tokens.append(_Token("gloss", Cell(line.text, line.start, line.start)))  # (over 2007)
        elif len(line.cells) > 1:
            tokens.append(_Token("break", line.cells[0]))
        else:
            tokens.append(_Token("number" if line.cells[0].is_number else "text", line.cells[0]))
    return tokens


def _stacked_row_at(tokens: list[_Token], index: int) -> int:
    """How many figures follow the label at `index` (a text cell, its glosses after it): 0 when
    none does, when it is no label, or when they are all years (a header's, 床位数(张) / 2023 / 2024)."""
    if tokens[index].kind != "text":
        return 0
    after = next((i for i in range(index + 1, len(tokens)) if tokens[i].kind != "gloss"), len(tokens))
    figures = [t.cell.text for t in itertools.takewhile(lambda t: t.kind == "number", tokens[after:])]
    return 0 if all(YEAR_CELL.fullmatch(text) for text in figures) else len(figures)


def _stacked_width(counts: list[int]) -> int | None:
    """The width most rows have (`counts`: the figures after each token, `_stacked_row_at`), when
    two rows have it at least."""
    widths = [w for w in counts if 1 < w <= MAX_COLUMNS]
    if not widths:
        return None
    width, count = max(((w, widths.count(w)) for w in set(widths)), key=lambda pair: (pair[1], -pair[0]))
    return width if count >= STACKED_ROWS_MIN else None


def _stacked_rows(tokens: list[_Token], counts: list[int], body: int, width: int) -> list[Row]:
    """Label and figures, row by row, until a line of several cells, more figures than the width,
    or labels in a row with no figure (a new block); a row with fewer figures is left out."""
    rows, index, bare = [], body, 0
    while index < len(tokens) and tokens[index].kind in ("text", "gloss"):
        count = counts[index]
        if tokens[index].kind == "gloss" or count == 0:
            bare += tokens[index].kind == "text"
            if bare == STACKED_END:
                break
            index += 1
            continue
        if count > width:
            break
        after = next(i for i in range(index + 1, len(tokens)) if tokens[i].kind != "gloss")
        if count == width:
            rows.append(Row(LEADING_NUMBER.sub("", tokens[index].cell.text), None,
                            tuple(t.cell for t in tokens[after:after + width])))
        index, bare = after + count, 0
    return rows


def _stacked_columns(tokens: list[_Token], width: int) -> list[Column] | None:
    """The columns a stacked header names: its measures (a name with its unit bracketed, or words
    on lines of their own that a bracketed unit closes), each over the header's years and a change
    column (增减%) while change columns are left, a measure with none after them a column of its
    own; None unless that makes `width` columns and each measure has its unit. The header opens at
    its first measure with a unit, or at its label column (项目, 指标)."""
    years, changes, measures = set(), 0, []  # measures: [name, unit]
    fragment = False  # the last text cell began or continued a measure with no unit yet
    for token in tokens:
        text = token.cell.text
        if token.kind == "number" and YEAR_CELL.fullmatch(text):
            years.add(int(text))
            continue
        if token.kind != "text":
            continue
        if CHANGE_CELL.search(text):
            changes += 1
        elif re.search(r"\d", text):
            pass  # 2008年比 over 2007 over 增减%: a change column's header broken over lines
        elif BRACKETED_UNIT.fullmatch(text) and (unit := _unit_cell(text)):
            unnamed = next((m for m in measures if m[1] is None), None)
            if unnamed is not None:
                unnamed[1] = unit  # (%) under 年末床位 利用率
        elif (own := BRACKETED_UNIT.search(text)) and (unit := unit_word(own.group("unit").strip())):
            measures.append([BRACKETED_UNIT.sub("", text).strip(), unit])
        elif (column := classify_header(text)) is not None and column.role == "label":
            measures, years, changes = [], set(), 0  # 项目: the header opens here
        elif measures and HANZI.search(text) and len(text) <= CELL_MAX:
            if fragment:
                measures[-1][0] += text  # 年末床位 / 利 用 率: one measure's name on two lines
            else:
                measures.append([text, None])
            fragment = True
            continue
        fragment = False
    if not measures or any(unit is None for _, unit in measures):
        return None
    columns = []
    for index, (name, unit) in enumerate(measures):
        dated = sorted(years) if index < changes or not changes else []
        columns += [Column(f"{year}年", "current", unit, measure=name) for year in dated]
        if index < changes:
            columns.append(Column("增减%", "change", ("%", 1), measure=name))
        elif not dated:
            columns.append(Column(name, "current", unit, measure=name))
    return columns if len(columns) == width else None


def _task_column(columns: tuple[Column, ...] | list[Column]) -> int | None:
    """A table whose rows pair a task (项目内容, 目标任务, 建设内容 beside 项目名称) with how it
    went (完成情况, 进展): the column of words that holds the tasks, else None."""
    if _progress_column(columns) is None:
        return None
    words = _words()["task_progress"]["tasks"]
    return next((index for index, c in enumerate(columns)
                 if c.role == "label" and any(word in c.header for word in words)), None)


def _progress_column(columns: tuple[Column, ...] | list[Column]) -> int | None:
    """The column that says how each task went (进展情况, 完成情况), else None."""
    words = _words()["task_progress"]["progress"]
    return next((index for index, c in enumerate(columns) if any(word in c.header for word in words)), None)


def _task_cells(lines: list[_Line], first: int, last: int, table: Table, column: int) -> list[tuple[int, int]]:
    """The cells under column `column` of rows written a line each (序号 | 内容 | 完成情况 |…), their
    cells in place from the left (a 序号 column's number first), a cut-off last row too: each
    cell that holds words and has a cell after it. A row of a numbered table without its number
    (a task of the item above: `新增公交线路3条。 | 新增4条公交线路。 | ||`) has its cells from the
    second column, the number's cell spanning from the row above."""
    count = len(table.columns)
    numbered = table.columns[0].role == "skip"
    found = []
    for line in lines[first:last + 1]:
        cells = [c for c in line.cells if c.text.strip("|").strip()]
        spanned = numbered and bool(cells) and not cells[0].is_number and line.pipes >= count
        index = column - 1 if spanned else column
        if (index + 1 < len(cells) <= count or spanned and index < len(cells)) \
                and not cells[index].is_figure and HANZI.search(cells[index].text):
            found.append((cells[index].start, cells[index].end))
    return found


PLACE_ROWS_SHARE = 2 / 3


def _place_names(rows: list[Row]) -> bool:
    """Rows of figures most of whose labels are place names (长沙市, 泸溪县, 东城区, 新华街道: three to
    eight characters ending as a place does; 城市, 农村 are categories): three such rows at least."""
    labels = [r.label for r in rows if r.values]
    endings = tuple(_words()["place_labels"]["row_endings"])
    places = sum(3 <= len(label) <= 8 and (label[-1] in place_suffixes() or label.endswith(endings)) for label in labels)
    return places >= 3 and places >= PLACE_ROWS_SHARE * len(labels)


def _within_groups(rows: list[Row]) -> list[Row]:
    """A row named by a word that names nothing alone (户数, 资金), or by one that repeats the end
    of its group's name (最低生活保障人数), under a group's row (一、城市最低生活保障) is named
    by both: 城市最低生活保障户数, 城市最低生活保障人数. Groups nest by their list numbers: a row
    numbered at a group's level or above ends it ((二) after (一)), an unnumbered group ends at
    the next group."""
    groups: list[tuple[int, str]] = []  # (level, name), the innermost last
    named = []
    for index, row in enumerate(rows):
        label = LEADING_NUMBER.sub("", row.label).strip()
        while groups and row.level <= groups[-1][0] < UNNUMBERED:
            groups.pop()
        group = groups[-1][1] if groups else ""
        if all(c.is_code for c in row.values) or (
                index + 1 < len(rows) and row.level < rows[index + 1].level < UNNUMBERED):
            # no values, or its code only (一、综合 JZH0110); or rows numbered a level below it
            # follow ((一)乡级行政区划 | 77, then 1.镇 | 43)
            if row.level == UNNUMBERED:
                groups = [g for g in groups if g[0] < UNNUMBERED]
            groups.append((row.level, re.sub(r"(?:情况|工作)$", "", label)))
        elif group and (_names_nothing_alone(BRACKETED_UNIT.sub("", label)) or _repeats_group(group, label)):
            row = replace(row, label=_joined(group, label))  # (its unit bracket kept: 户数(万户))
        named.append(row)
    return named


def _value_added(rows: list[Row], table: Table) -> list[Row]:
    """生产总值 | 1262635 over 其中:第一产业 | 187746, 工业 | 330753: the industries listed under a
    GDP's row are each counted by its 增加值 (第一产业增加值, 工业增加值), as the prose of such a
    page names them (fixtures README, session 33); the run of industries ends at a row that is none."""
    words = _words()["value_added"]
    named, under = [], False
    for row in rows:
        label = PART_MARK.sub("", LEADING_NUMBER.sub("", BRACKETED_UNIT.sub("", row.label))).strip()
        label = re.sub(r"\s+", "", label)  # 工 业: a label spaced out
        if label in words["totals"]:
            under = not table.places
        elif under and row.values and label.endswith(words["industry_end"]):
            unit = BRACKETED_UNIT.search(row.label)
            at = unit.start() if unit else len(row.label)
            row = replace(row, label=row.label[:at] + words["measure"] + row.label[at:])
        else:
            under = False
        named.append(row)
    return named


# a part of the row above, as statistical tables mark it (#女性, 其中:农村)
PART_MARK = re.compile(r"\s*(?:#|其中\s*[:：]?)")


def _parts_in_units(rows: list[Row], table: Table) -> list[Row]:
    """#女性 under 城镇居民最低生活保障人数(人): a part of the row above whose label gives no unit
    counts in that row's (人); its name stays its own, as the gold of most pages writes it."""
    counted, whole = [], None
    for row in rows:
        if row.part and whole is not None and row.unit is None and _label_unit(row.label, table) is None:
            row = replace(row, unit=whole.unit or _label_unit(whole.label, table))
        elif not row.part:
            whole = row
        counted.append(row)
    return counted


# an age span naming a class of people (0-17岁, 60岁及以上, 80周岁以上)
AGE_SPAN = re.compile(r"\d+\s*(?:[-—~至到]\s*\d+\s*)?周?岁(?:及以上|以上|及以下|以下)?")
POPULATION = "人口"


def _class_parts(rows: list[Row]) -> list[Row]:
    """户籍总人口 | 38260 over 其中:城镇 | 21475, 乡村 | …, 其中:男性 | …, 女性 | …, 其中:0-17岁 | …: a
    part named only by its class (a category word or an age span) under a population's total is
    that class's 人口 (城镇人口, 0-17岁人口): the class before the total's head noun (fixtures README,
    sessions 30 and 34); the rows after a marked part that name a class too go on its breakdown."""
    named, total, in_parts = [], False, False
    for row in rows:
        label = BRACKETED_UNIT.sub("", row.label).strip()
        if total and (row.part or in_parts) and _class_only(label):
            row, in_parts = replace(row, label=row.label.replace(label, label + POPULATION, 1)), True
        else:
            total, in_parts = not row.part and label.endswith(POPULATION), False
        named.append(row)
    return named


def _class_only(label: str) -> bool:
    return label in load_words("subject_categories.txt") or AGE_SPAN.fullmatch(label) is not None



def _list_level(label: str) -> int:
    """The level of the list number a row label opens with, as a report's outline numbers its
    headings (一、 over (一) over 1. over (1): 1–4), else UNNUMBERED."""
    return outline_level(label.strip()) or UNNUMBERED


def _repeats_group(group: str, label: str) -> bool:
    """最低生活保障人数 under 城市最低生活保障: the label opens with most of its group's name, a
    category (城市, 农村) before it left unsaid."""
    overlap = _overlap(group, label)
    return overlap >= 3 and 2 * overlap > len(group)


def _names_nothing_alone(label: str) -> bool:
    """户数, 资金, a short measure (供养人数) or a lone character (镇, 乡 under 乡级行政区划: a
    subject is never one character) that a group's name must complete."""
    return len(label) == 1 or label in load_words("generic_subjects.txt") or (
        len(label) <= 4 and label.endswith(tuple(table_headers())))


def _joined(head: str, tail: str) -> str:
    """head + tail, what ends the one and opens the other written once (…供养 + 供养人数)."""
    overlap = _overlap(head, tail)
    if overlap == 1 and not tail.startswith("数", 1):
        overlap = 0  # 户 + 户数 is 户数, but 事项 + 项目数量 is 事项项目数量: one character is shared only before 数
    return head + tail[overlap:]


def _overlap(head: str, tail: str) -> int:
    """How many characters end `head` and open `tail`."""
    return next((n for n in range(min(len(head), len(tail)), 0, -1) if head.endswith(tail[:n])), 0)


def _header_at(lines: list[_Line], cells: list[tuple[int, Cell]], position: int
               ) -> tuple[Table, int] | None:
    """A header opening at cells[position]: a line of header cells, or a run of one-cell lines."""
    line_index, first = cells[position]
    line = lines[line_index]
    if first.start != line.cells[0].start:
        return None
    if len(line.cells) > 1:
        # a note in the header line (指标 本月 累计 （单位：万元）) is read as the note, not a column
        # years, perhaps after the labels' column (指标 2015 2016 …)
        named = [] if YEAR_CELL.fullmatch(line.cells[0].text) else [classify_header(line.cells[0].text)]
        years = _years(line.cells[len(named):])
        if years and len(named) + len(years) == len(line.cells) and all(c and c.role == "label" for c in named):
            columns = named + years
        elif measures := _measures_over_years(lines, line_index):
            columns = measures
        elif layered := _layered_header(lines, line_index):
            columns, lines_used = layered  # 乡镇名称 | 集中供养 | 合计 over 户 | 人数 | … over 人数 | 金额
            body = position + sum(len(lines[i].cells) for i in range(line_index, line_index + lines_used))
            return Table(tuple(columns), *_note_units([lines[i].text for i in range(max(0, line_index - 3), line_index + 1)]),
                         by_rows=True), body
        else:
            columns = _set_values(_bodies_column([classify_header(c.text) for c in line.cells if not NOTE_CELL.match(c.text)]))
        below = lines[line_index + 1] if line_index + 1 < len(lines) else None
        if None in columns or not (_is_header(columns, line.marked) or below is not None and (
                units := _unit_row(below)) and _is_header(_with_units(columns, units), line.marked)):
            return None  # (乡镇 | 低保对象 | 保障金 over 单位 | 户 | 万元: a header its units row makes one)
        columns = _under_spanning_header(lines[line_index - 1] if line_index else None, columns)
        body = position + len(line.cells)
        if body < len(cells) and line.pipes < len(line.cells) and (rest := _header_rest(lines[cells[body][0]], columns[-1])):
            columns[-1:] = rest  # … | 保障金 over (万元) |, … | 低保人 over 数 | 资金(万元) |: the last cell, open, broke
            body += len(lines[cells[body][0]].cells)
        elif body < len(cells) and (completed := _completed_header(lines[cells[body][0]], line, columns)):
            columns = completed  # 计量 … 2021年 over 单位 … 二季度末: a yearbook's cells wrapped in place
            body += len(lines[cells[body][0]].cells)
        elif body < len(cells) and (wrapped := _wrapped_header(lines, cells[body][0], line)):
            columns += wrapped  # 序号 | … | 1-8月实际完成情况 | over 任务完成率 | 备注 |: one header
            body += len(wrapped)
        if body < len(cells) and (units := _unit_row(lines[cells[body][0]])):
            columns = _with_units(columns, units)  # 指标 | 本月 | 累计 over | 人 | 万元 |
            body += len(lines[cells[body][0]].cells)
    else:
        if not _opens_header([c for i, c in cells[position:position + 2] if len(lines[i].cells) == 1]):
            return None  # a title above the table, or a row
        run: list[tuple[int, Cell]] = []
        for offset in range(position, min(len(cells), position + MAX_COLUMNS + 3)):
            i, cell = cells[offset]
            if len(lines[i].cells) > 1 or cell.is_figure or SIGN_CELL.fullmatch(cell.text) \
                    or cell.text in _words()["column_numbers"]["labels"] \
                    or (_list_level(cell.text) < UNNUMBERED and classify_header(cell.text) is None):
                break  # (甲 乙 丙 1 2 3 under the header numbers its columns; 1.优抚 opens a group of rows)
            run.append((i, cell))
        else:
            return None  # text with no figure after it: no header
        columns, body = None, position
        after = position + len(run)
        lone = itertools.takewhile(lambda pair: len(lines[pair[0]].cells) == 1, cells[after:after + MAX_COLUMNS])
        if run and (years := _years([c for _, c in lone])):
            # (a header over the years, 2016-2020年完成情况, spans their columns: no column of its own)
            candidate = [classify_header(c.text) for _, c in run if not YEARS_SPAN.match(c.text)]
            if None not in candidate and _is_header(candidate + years, False):
                columns, body = candidate + years, after + len(years)  # 指标 over 2006 2007 …, a cell a line
        # the first row's label (and unit) end the run; under label columns by level (一级指标 |
        # 二级指标 | 三级指标) the first row opens with a cell of each level
        levels = sum(bool(LEVEL_HEADER.match(c.text)) for _, c in run)
        if levels > 2 and not LEVEL_HEADER.match(run[0][1].text):
            return None  # 绩效指标 over 一级指标 | 二级指标 | 三级指标: the block's title; the header opens below it
        for strip in ((levels,) if levels > 2 else ()) + (2, 1, 0) if columns is None else ():
            kept = len(run) - strip
            opening = [c for _, c in run[kept:]]
            if strip >= len(run) or not (_starts_row(opening) if strip <= 2 else
                                         not any(_unit_cell(c.text) for c in opening)) \
                    or any(_unit_cell(c.text) for _, c in run[:kept]):  # (户) names no column
                continue
            candidate = _set_values(_bodies_column([classify_header(text) for text in _template_joined([c.text for _, c in run[:kept]])]))
            marked = all(lines[i].marked for i, _ in run[:kept])
            if None not in candidate and _is_header(candidate, marked):
                columns, body = _two_levels(candidate), position + kept
                break
        if columns is None:
            return None
        body = _past_column_numbers(lines, cells, body)
        if (stub := _stub_unit(columns, cells[body][1] if body < len(cells) else None)) is not None:
            columns = [Column(columns[0].header, "label", None)] + columns[1:]
            return Table(_earlier_years_previous(columns), (stub,), stub[0] == "元", by_rows=False), body
    before = [lines[i].text for i in range(max(0, line_index - 3), line_index + 1)]
    return Table(_earlier_years_previous(columns), *_note_units(before), by_rows=len(line.cells) > 1), body


def _stub_unit(columns: list[Column], opening: Cell | None) -> tuple[str, int] | None:
    """年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | …, then 总额 | 238.93 | …: a form's block whose
    top-left cell names the money and its unit over the rows' labels: no column of figures but the
    labels', its unit the block's (as a 单位 note's); None for any other header."""
    if len(columns) < 3 or opening is None or opening.is_figure or any(c.role in ("label", "unit") for c in columns) \
            or columns[0].unit is None or columns[0].unit[0] != "元" or not BRACKETED_UNIT.search(columns[0].header) \
            or sum(c.role in KNOWN_VALUE_ROLES for c in columns[1:]) < 2:
        return None
    return columns[0].unit


def _template_joined(headers: list[str]) -> list[str]:
    """A 信息公开 template's header a cell per line, a header the page broke over two lines joined
    (本年新 / 制作数量 → 本年新制作数量), when that makes one of its fixed tables' headers; else as is."""
    words = _words()["template"]
    if not headers or headers[0] != words["label"]:
        return headers
    for fixed in words["headers"]:
        joined, rest = [headers[0]], headers[1:]
        for whole in fixed:
            if not rest:
                break
            header, rest = rest[0], rest[1:]
            while rest and header != whole and whole.startswith(header + rest[0]):
                header, rest = header + rest[0], rest[1:]
            joined.append(header)
        if not rest and len(joined) < len(headers) \
                and all(whole.startswith(h) for h, whole in zip(joined[1:], fixed)):
            return joined
    return headers


def _past_column_numbers(lines: list[_Line], cells: list[tuple[int, Cell]], body: int) -> int:
    """甲 | 乙 | 丙 | 1 | 2 | 3 |, a cell a line under a cell-per-line header: the row that numbers
    its columns (as statistical forms print it), skipped, so that the first row of figures follows."""
    labels, position = _words()["column_numbers"]["labels"], body
    while position < len(cells) and len(lines[cells[position][0]].cells) == 1 and cells[position][1].text in labels:
        position += 1
    if position == body:
        return body
    number = 1
    while position < len(cells) and len(lines[cells[position][0]].cells) == 1 and cells[position][1].text == str(number):
        position, number = position + 1, number + 1
    return position


def _header_rest(line: _Line, last: Column) -> list[Column] | None:
    """The header's last cell, which no pipe closed, completed by the next line's first cell (保障金
    over `(万元) |`, 低保人 over `数 | 资金(万元) |`), and the header cells after it on that line: when
    the line holds no figure and the whole cell names a measure or a unit its part did not."""
    if not line.marked or not line.cells or any(c.is_figure for c in line.cells):
        return None
    whole = classify_header(last.header + line.cells[0].text.strip())
    rest = [classify_header(c.text) for c in line.cells[1:]]
    if whole is None or None in rest or whole.unit is None or whole.unit == last.unit:
        return None
    return [whole, *rest]


def _wrapped_header(lines: list[_Line], index: int, header: _Line) -> list[Column] | None:
    """The header's last cells, which the page wrapped onto the next line: a marked line of
    header words, none of them a figure or a unit, whose first row after it has more cells than
    the header's first line."""
    line = lines[index]
    if not (header.marked and line.marked) or index + 1 >= len(lines) or any(c.is_figure for c in line.cells):
        return None
    columns = [classify_header(c.text) for c in line.cells]
    if None in columns or any(unit_word(c.text) for c in line.cells) \
            or any(c.role == "category" for c in columns):
        return None
    row = lines[index + 1]
    return columns if row.marked and len(row.cells) > len(header.cells) else None


def _completed_header(line: _Line, header: _Line, columns: list[Column]) -> list[Column] | None:
    """A header whose cells a yearbook printed on two lines in place, apart by spaces (`分 序号 指标名称
    计量 2020年末 2021年 2021年` over `类 单位 二季度末 三季度末`): the lower line, no figure on it and
    fewer cells than the header, each cell completing one of the header's, in order (`_completes`);
    the header's columns so completed, else None. Where the lower cells fit in several ways, the one
    completing the most cells that alone name nothing (分 → 分类, 计量 → 计量单位) wins, then the leftmost."""
    lower = [c.text for c in line.cells]
    if line.marked or header.marked or not 2 <= len(lower) < len(columns) \
            or any(c.is_figure or NOTE_CELL.match(c.text) for c in line.cells):
        return None

    @cache
    def best(i: int, j: int) -> tuple[int, tuple[int, ...]] | None:
        """The most columns named anew fitting lower[j:] into columns[i:], and where each goes."""
        if j == len(lower):
            return 0, ()
        if len(columns) - i < len(lower) - j:
            return None
        options = []
        if _completes(columns[i], lower[j]) and (rest := best(i + 1, j + 1)) is not None:
            options.append((rest[0] + (columns[i].role == "category"), (i, *rest[1])))
        if (skipped := best(i + 1, j)) is not None:
            options.append(skipped)
        return max(options, key=lambda option: (option[0], [-k for k in option[1]]), default=None)

    found = best(0, 0)
    if found is None:
        return None
    completed = list(columns)
    for i, text in zip(found[1], lower):
        completed[i] = replace(classify_header(columns[i].header + text), span=columns[i].span,
                               measure=columns[i].measure, top=columns[i].top)
    return completed


def _completes(column: Column, text: str) -> bool:
    """Whether `text` under a header cell completes it: into a header word the cell alone is not (分 +
    类 → 分类, 计量 + 单位 → 计量单位), or into a column of the cell's own role (2021年 + 二季度末, a
    period still), never a cell's words run into another column's name (计量 + 二季度末)."""
    whole = classify_header(column.header + text)
    if whole is None:
        return False
    if column.role == "category":
        return whole.role != "category" and whole.header in _header_words()
    return whole.role == column.role


def _under_spanning_header(above: _Line | None, columns: list[Column]) -> list[Column]:
    """项目 | 城市低保 | 农村低保 | over | 户数 | 人数 | 户数 | 人数 |: a header of two levels, each
    upper category spanning as many columns of figures as the others (城市低保户数 …); the upper
    line's label and unit columns before its categories, which the lower line leaves out, are the
    table's."""
    heads = [classify_header(c.text) for c in above.cells] if above and len(above.cells) > 1 else []
    if not heads or None in heads or any(h.role not in ("category", "label", "unit", "skip") for h in heads) \
            or any(h.role != "category" for h in itertools.dropwhile(lambda h: h.role != "category", heads)):
        return columns
    spans = [h.header for h in heads if h.role == "category"]
    values = [i for i, c in enumerate(columns) if c.role in VALUE_ROLES]
    if len(spans) < 2 or len(values) <= len(spans) or len(values) % len(spans):
        return columns
    width, named = len(values) // len(spans), list(columns)
    for n, i in enumerate(values):
        named[i] = replace(columns[i], span=spans[n // width])
    if all(c.role != "label" for c in columns) and any(h.role == "label" for h in heads):
        # 指标 (单位) spans both lines: the lower one has no cell of its own for it
        named[:0] = itertools.takewhile(lambda h: h.role != "category", heads)
    return named


LAYERED_LINES = 6  # a header of more levels than this is no header
LAYERED_STEPS = 8000  # the most arrangements of its cells a layered header is tried in
LAYERED_SPLITS = 2000  # the most ways one of its lines is tried falling to the cells above it
DIGIT_BRACKET = re.compile(r"\s*[(（][^()（）]*\d[^()（）]*[)）]")  # 一档(995元/月): a standard beside the name


def _layered_header(lines: list[_Line], index: int) -> tuple[list[Column], int] | None:
    """A header of several marked lines over rows wider than any of them (`乡镇名称 | 集中供养 |
    合计` over `户 | 人数 | 每月补贴 | …` over `一档 | 二档 | 户数 | 人数 | 金额` over `人数 | 金额 | …`):
    the page dropped its cells' spans, which are found again (`_leaf_paths`) so that the leaves,
    left to right, are as many as the first row's cells. Each column is its leaf, named under the
    cells above it (its `span`); a money leaf with no unit takes the money unit another of the
    header's cells writes (金额(元))."""
    header = []
    while index + len(header) < len(lines) and len(header) <= LAYERED_LINES:
        line = lines[index + len(header)]
        if not line.marked or len(line.cells) < 2 or any(c.is_figure for c in line.cells):
            break
        header.append([c.text for c in line.cells])
        if line.pipes < len(line.cells):
            return None  # (… | 低保人 over 数 | …: a cell the line broke, no level of spans)
    if not 2 <= len(header) <= LAYERED_LINES or index + len(header) >= len(lines):
        return None
    tops = [classify_header(text) for text in header[0][:2]]
    numbered = tops[0] is not None and tops[0].role == "skip"  # (序号 | 乡镇 | …)
    labelled = tops[-1] is not None and tops[-1].role == "label" if numbered else tops[0] is not None and tops[0].role == "label"
    row = lines[index + len(header)]
    width = len(row.cells)
    if not labelled or not row.marked or len(row.cells) <= int(numbered) or row.cells[int(numbered)].is_figure \
            or sum(c.is_figure for c in row.cells) < width // 2 or width <= max(map(len, header)):
        return None
    paths = _leaf_paths(header, width)
    if paths is None:
        return None
    written = [u for cells in header for c in cells if (u := _header_unit(c)) and u[0] == "元"]
    columns = []
    for path in paths:
        leaf = path[-1]
        column = classify_header(leaf)
        if column is None:
            return None
        if column.unit is None and written and _money_ending().search(leaf):
            column = replace(column, role="measure", unit=written[0])
        above = [DIGIT_BRACKET.sub("", p) for p in path[:-1]]
        above = [p for n, p in enumerate(above) if not any(p in later for later in above[n + 1:])]  # 分散供养 over 农村分散供养
        columns.append(replace(column, span="".join(above), top=path[0] if len(path) > 1 else ""))
    return columns, len(header)


@cache
def _money_ending() -> re.Pattern:
    """A header cell closing with a money word (保障金, 每月护理补贴): a column of money in a layered header."""
    return re.compile(rf"(?:{alternation(_words()['label_units']['money'])})$")


def _by_last_groups(table: Table, row: Row) -> Row:
    """A row with fewer cells than its layered header has columns (round 32's call): its cells fill
    the last columns, group by group of the top line (合计, then 分散供养); the cells left in a group
    they fill only in part are skipped, since which of its columns each holds cannot be told."""
    tops, values = [c.top for c in table.slots], list(row.values)
    while values and not values[-1].text:
        values.pop()  # (`| 6227 | |||`: the blank cells a page closes a short row with)
    gap = len(tops) - len(values)
    if not any(tops) or not values or gap <= 0:
        return row
    first = next((i for i in range(gap, len(tops)) if tops[i] != tops[i - 1]), len(tops))
    empty = Cell("", values[0].start, values[0].start)
    return replace(row, values=(empty,) * gap + tuple(cell if gap + n >= first else empty
                                                      for n, cell in enumerate(values)))


def _leaf_paths(header: list[list[str]], width: int) -> list[list[str]] | None:
    """The header's leaves left to right, each with the cells above it, when its cells can be
    spanned so: a cell naming no measure (集中供养, 一档) spans contiguous cells of a lower line,
    as a total (合计) may; a measure (户, 人数, 金额, 合计金额(元)) reaches the last line, one
    column wide; each line's cells fall, in order, to the cells above waiting for them. Cells of one
    name (每月补贴 twice) span cells of the same names; a cell spans the line right under it unless
    no arrangement fits (合计 over a blank, then 户数 | 人数); the most even split is taken."""
    depth, steps = len(header), [0]

    def kinds(row: int, text: str, budget: int) -> list[int | None]:
        """None for a leaf, else the line the cells it spans stand on (the next first): the choices,
        the likelier first."""
        bare = DIGIT_BRACKET.sub("", text) or text
        column = classify_header(bare)
        measure = column is None or column.role != "category" or column.unit is not None \
            or unit_word(bare) is not None or bare.endswith(("金额", "数", "额"))
        lower = list(range(row + 1, min(depth, row + 2 + budget)))
        if bare in TOTAL_ROWS:
            return lower + [None]  # 合计 over the lines under it, else a column of its own
        if measure or not lower:
            return [None]
        if _money_ending().search(bare):
            return [None] + lower  # 保障金 a column of money, else 每月护理补贴 over 一档 | 二档
        return lower

    def arrange(row: int, roots: list[dict], budget: int, seen: dict, shapes: dict) -> bool:
        steps[0] += 1
        if steps[0] > LAYERED_STEPS:
            return False
        if row == depth:
            if _leaves(roots) == width and not any(n["below"] is not None and not n["children"] for n in _in_order(roots)):
                found.append(roots)
                return True
            return False
        waiting = [n for n in _in_order(roots) if n["below"] == row] if row else [None]
        cells = header[row]
        if not waiting or len(cells) < 2 * len(waiting) and row:
            return False
        owners = [DIGIT_BRACKET.sub("", n["text"]) if n else "" for n in waiting]
        options = [kinds(row, text, budget) for text in cells]
        for split, known in _fitting_splits(tuple(DIGIT_BRACKET.sub("", c) for c in cells), tuple(owners), seen):
            for belows in itertools.product(*options):
                used = sum(b - row - 1 for b in belows if b is not None)
                spanning = dict(shapes)  # (a name spans cells everywhere or nowhere)
                if used > budget or any(spanning.setdefault(DIGIT_BRACKET.sub("", text), below is not None)
                                        != (below is not None) for text, below in zip(cells, belows)):
                    continue
                nodes = [{"text": t, "below": b, "children": []} for t, b in zip(cells, belows)]
                at = 0
                for owner, count in zip(waiting, split):
                    if owner is not None:
                        owner["children"] = nodes[at:at + count]
                    at += count
                if arrange(row + 1, nodes if row == 0 else roots, budget - used, known, spanning):
                    return True
                for owner in waiting:
                    if owner is not None:
                        owner["children"] = []
                if steps[0] > LAYERED_STEPS:
                    return False
        return False

    found: list[list[dict]] = []
    for budget in range(depth - 1):
        if arrange(0, [], budget, {}, {}):
            paths: list[list[str]] = []

            def walk(node: dict, above: list[str]) -> None:
                if node["below"] is None:
                    paths.append(above + [node["text"]])
                for child in node["children"]:
                    walk(child, above + [node["text"]])

            for root in found[0]:
                walk(root, [])
            return paths
    return None


def _in_order(nodes: list[dict]) -> list[dict]:
    """Header cells left to right, each before the cells it spans."""
    return [each for node in nodes for each in [node] + _in_order(node["children"])]


def _leaves(nodes: list[dict]) -> int:
    return sum(_leaves(node["children"]) if node["below"] is not None else 1 for node in nodes)


def _fitting_splits(cells: tuple[str, ...], owners: tuple[str, ...], seen: dict) -> list[tuple[tuple[int, ...], dict]]:
    """The ways a line's cells fall, in order, to the cells waiting above them, two at least each (a
    cell over one cell spans nothing), an owner of a name seen before taking cells of the names it
    took then; the most even first. The top line's cells fall to none (`owners` one blank)."""
    fitting: list[tuple[tuple[int, ...], dict]] = []

    def fill(at: int, index: int, counts: tuple[int, ...], known: dict) -> None:
        if len(fitting) >= LAYERED_SPLITS:
            return
        if index == len(owners):
            if at == len(cells):
                fitting.append((counts, known))
            return
        least = 2 if owners[index] else 1
        left = (len(owners) - index - 1) * least
        name = owners[index]
        if name and name in known:
            taken = known[name]
            if cells[at:at + len(taken)] == taken and len(cells) - at - len(taken) >= left:
                fill(at + len(taken), index + 1, counts + (len(taken),), known)
            return
        ends = range(at + least, len(cells) - left + 1) if index < len(owners) - 1 else \
            (len(cells),) if len(cells) - at >= least else ()
        for end in ends:
            fill(end, index + 1, counts + (end - at,), {**known, name: cells[at:end]} if name else known)

    fill(0, 0, (), seen)
    return sorted(fitting, key=lambda pair: sum(n * n for n in pair[0]))


def _appraisal(table: Table) -> bool:
    """A performance appraisal's indicators: label columns by level and a column of marks (分值, 权重, 得分); its
    rows of a level's name alone (数量指标) are levels, no groups naming the rows under them."""
    return _level_columns(table.columns) > 2 and any(c.role == "skip" for c in table.columns)


def _set_values(columns: list[Column | None]) -> list[Column | None]:
    """指标值 beside 完成值 (a performance form's value set for the year and the value reached): the plan's."""
    headers = [c.header for c in columns if c is not None]
    if not any(h.endswith(tuple(_words()["plan"]["done_beside"])) for h in headers):
        return columns
    return [replace(c, role="plan") if c is not None and c.header in _words()["plan"]["set_values"] else c for c in columns]


def _bodies_column(columns: list[Column | None]) -> list[Column | None]:
    """单位 | 金额 (| 单位 | 金额 …): a header opening with 单位 and naming no row label column is an
    allocation table's, whose 单位 is the bodies or places funded (单位名称), the rows' labels; a
    statistics table's 单位 (指标 | 单位 | 本月) follows its label column and stays the units'."""
    if not columns or columns[0] is None or columns[0].role != "unit" \
            or any(c is not None and c.role == "label" for c in columns):
        return columns
    return [replace(c, role="label") if c is not None and c.role == "unit" else c for c in columns]


def _marks_after_words(rows: list[Row], table: Table) -> list[Row]:
    """Under label columns by level (一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分), a
    row whose value cells are words (严格执行相关制度规定 | 达成预期指标) reads them as rows of their own,
    and the figures left after them are the row's last figure columns' (分值, 得分: marks), not its first:
    a row short of figures right after a row of none fills the figure columns from the right."""
    if _level_columns(table.columns) <= 2:
        return rows
    slots = table.slots
    figures = len(slots) - len(list(itertools.takewhile(lambda c: c.role in ("category", "text"), reversed(slots))))
    marks = len(list(itertools.takewhile(lambda c: c.role == "skip", reversed(slots[:figures]))))
    fixed = []
    for index, row in enumerate(rows):
        # (as many figures as the marks' columns, none of them an empty cell the page kept: its words' cells it did not)
        if 0 < len(row.values) == marks < figures and index and not rows[index - 1].values \
                and all(c.is_figure for c in row.values):
            gap = figures - len(row.values)
            row = replace(row, values=tuple(Cell("", row.values[0].start, row.values[0].start) for _ in range(gap)) + row.values)
        fixed.append(row)
    return fixed


def _bodies_funded(table: Table) -> bool:
    """Whether the rows are the bodies an allocation funds (a label column headed 单位, `_bodies_column`):
    named as places are, by the column's measure alone."""
    label = table.label_index
    return label is not None and table.columns[label].header in _words()["unit"]["exact"]


def _two_levels(columns: list[Column]) -> list[Column]:
    """A two-line header printed a cell per line reads as one run: the label column, the upper
    categories (全体居民, 城镇居民), then the columns under them (总量, 增长 for each). When the
    categories divide the columns after them evenly, two columns each at least, each spans its
    share, as on a line of its own (`_under_spanning_header`)."""
    label = next((i for i, c in enumerate(columns) if c.role != "skip"), None)
    if label is None or columns[label].role != "label":
        return columns
    spans = list(itertools.takewhile(lambda c: c.role == "category", columns[label + 1:]))
    under = columns[label + 1 + len(spans):]
    if len(spans) < 2 or len(under) < 2 * len(spans) or len(under) % len(spans) \
            or any(c.role not in KNOWN_VALUE_ROLES for c in under):
        return columns
    width = len(under) // len(spans)
    return columns[:label + 1] + [replace(c, span=spans[n // width].header) for n, c in enumerate(under)]


def _years(cells: list[Cell]) -> list[Column] | None:
    """2015 2016 2017: a header of years, as a yearbook's table has (the rows' labels unnamed),
    on one line or a cell a line; as many as open `cells` in rising order, two at least."""
    years = [int(c.text) for c in itertools.takewhile(lambda c: YEAR_CELL.fullmatch(c.text), cells)]
    if len(years) < 2 or years != sorted(set(years)):
        return None
    return [Column(f"{year}年", "current", None) for year in years]


def _measures_over_years(lines: list[_Line], index: int) -> list[Column] | None:
    """A yearbook's header of two levels a cell per line: each measure's name (its unit bracketed,
    on its line or the next), then one line of the years under every measure (社会福利院数 / (个) /
    养老机构数 / (个) / 2022 2023 2022 2023): a column for each measure's year, the measure over it."""
    cells = lines[index].cells
    years = [int(c.text) for c in cells if YEAR_CELL.fullmatch(c.text)]
    width = next((w for w in range(2, len(years) // 2 + 1) if len(years) % w == 0
                  and years[:w] == sorted(set(years[:w])) and years == years[:w] * (len(years) // w)), None)
    if width is None or len(years) != len(cells):
        return None
    wanted, measures, unit = len(years) // width, [], None
    for line in reversed(lines[max(0, index - 3 * wanted):index]):
        if len(line.cells) != 1 or line.cells[0].is_figure:
            break
        text = line.cells[0].text
        if (bracketed := _unit_cell(text)) is not None and BRACKETED_UNIT.fullmatch(text):
            unit = bracketed  # (个) under the measure's name
            continue
        own = BRACKETED_UNIT.search(text)
        name = BRACKETED_UNIT.sub("", text).strip()
        if not HANZI.search(name) or len(name) > CELL_MAX:
            break
        measures.append((name, unit_word(own.group("unit").strip()) if own else unit))
        unit = None
        if len(measures) == wanted:
            break
    if len(measures) != wanted:
        return None
    return [Column(f"{year}年", "current", measure_unit, span=name)
            for name, measure_unit in reversed(measures) for year in years[:width]]


def _unit_row(line: _Line) -> list[tuple[str, int]] | None:
    """A line of units only, under a header: the units of its last columns, left to right; its
    first cell may name it (`单位 | 户 | 人 | 万元 |`, under the labels' column)."""
    cells = line.cells[1:] if line.cells and UNIT_ROW_LABEL.fullmatch(re.sub(r"\s+", "", line.cells[0].text)) else line.cells
    units = [unit_word(c.text) for c in cells]
    return units if len(units) > 1 and None not in units else None


UNIT_ROW_LABEL = re.compile(r"(?:计量)?单位[:：]?")


def _with_units(columns: list[Column], units: list[tuple[str, int]]) -> list[Column]:
    figures = [i for i, c in enumerate(columns) if c.role in VALUE_ROLES]
    if len(units) != len(figures):
        return columns
    given = dict(zip(figures, units))
    # (保障金 over 万元: a column its unit names is a measure, no category of the row's thing)
    return [replace(c, unit=c.unit or given[i], role="measure" if c.role == "category" else c.role)
            if i in given else c for i, c in enumerate(columns)]


def _earlier_years_previous(columns: list[Column]) -> tuple[Column, ...]:
    """2025年1-6月 | 2024年1-6月: a column dated before the latest dated one is the period before."""
    years = {i: int(found.group(1)) for i, c in enumerate(columns)
             if c.role == "current" and (found := re.match(r"(\d{4})年", c.header))}
    if not years:
        return tuple(columns)
    latest = max(years.values())
    return tuple(replace(c, role="previous") if years.get(i, latest) < latest else c
                 for i, c in enumerate(columns))


# Label columns by level (一级指标 | 二级指标 | 三级指标, a performance table's): the finest names a row.
LEVEL_HEADER = re.compile(r"[一二三四五]级")


def _level_columns(columns: tuple[Column, ...] | list[Column]) -> int:
    """How many of the columns name an indicator's level (一级指标, 二级指标 …): three make a performance form's."""
    return sum(bool(LEVEL_HEADER.match(c.header)) for c in columns)


# A form's row label: it closes with a colon before its value (年度资金总额:) or opens a sub-row
# (其中:本年财政拨款); a column's header does neither, whatever words it holds (年度, 本年).
FORM_LABEL = re.compile(r"^其中\s*[:：]|[:：]$")


def _opens_header(cells: list[Cell]) -> bool:
    """A header's first cell has a known role (指标名称, 序号, 本月), or names the rows'
    category right before one that has (事项, then 本年收到件数); a title does neither, nor
    does a form's row label (年度资金总额:) nor a total row's (合计 before a figure)."""
    if cells and FORM_LABEL.search(cells[0].text):
        return False
    if len(cells) > 1 and cells[0].text in TOTAL_ROWS and cells[1].is_figure:
        return False  # 合计 | 312807 |: a total row's label and its first figure
    roles = [column.role if column else None for column in map(classify_header, (c.text for c in cells))]
    if not roles or roles[0] is None or (roles[0] == "measure" and not NOTE_INSIDE.search(cells[0].text)):
        return False  # 城市低保人数(人) opens a row; 收费金额(单位:万元) a header
    # 婚姻登记 over 项目 | 2018年 |: a title, the rows' label column the next cell
    return roles[0] != "category" or (len(roles) > 1 and roles[1] not in (None, "category", "label"))


def _starts_row(cells: list[Cell]) -> bool:
    """label, or label and unit: the opening of a row in a cell-per-line table."""
    if not cells:
        return True
    if _unit_cell(cells[0].text):
        return False  # (户): a unit closes a row's label, never opens one
    label = classify_header(cells[0].text)
    if label is not None and label.role not in ("category", "measure") and not cells[0].text.endswith(TOTAL_ROWS) \
            and not FORM_LABEL.search(cells[0].text) and not _money_header(cells[0].text):
        return False  # (年度资金总额: a form's row naming its money opens a row, though 年度 is a column word)
    return len(cells) == 1 or _unit_cell(cells[1].text) is not None


def _numbered_label(line: _Line) -> bool:
    """`1. 残疾人精准康复服务`: a list number and a label, a group's row."""
    return len(line.cells) == 2 and bool(LEADING_NUMBER.fullmatch(line.cells[0].text)) \
        and not line.cells[1].is_figure


NEXT_HEADING = re.compile(r"(?<=.)(?=[一二三四五六七八九十]{1,3}、)")


def _label_above(above: Row, row: Row) -> list[Row]:
    """`#养老机构 四、社会救助 |` over `个 | 245 |`: a row whose label the page put on the line
    above, with the next group's heading run into it; the row, then that group."""
    label, *groups = NEXT_HEADING.split(above.label)
    return [Row(FOOTNOTE_MARK.sub("", LEADING_NUMBER.sub("", label.strip())), row.unit, row.values),
            *(Row(LEADING_NUMBER.sub("", group.strip()), None, ()) for group in groups)]


TABLE_GAP = 3  # cells in a row without a figure that end a cell-per-line table


def _block_without_figures(lines: list[_Line], cells: list[tuple[int, Cell]], position: int, by_rows: bool,
                           gap: int = TABLE_GAP) -> bool:
    """Three text cells in a row, or a line of two or more with no number: no row of figures
    but a new block (第二十条第(六)项, 信息内容, 本年处理决定数量). In a table of a row per line
    lone labels are its group rows (一、综合, (一)行政区划), however many follow each other, and
    a label with its unit and no figure is a row the page left empty (区公所 | 个 | |)."""
    line = lines[cells[position][0]]
    if len(line.cells) > 1 and not (by_rows and _numbered_label(line)):
        return cells[position][1].start == line.cells[0].start and not any(
            c.is_figure or c.is_code for c in line.cells) and not (by_rows and _unit_cell(line.cells[-1].text))
    if by_rows:
        return False
    # (a numbered group's name is no text cell of a new block: 康复 / 1. 精准康复服务 / 视力残疾人 / (万人))
    run = list(itertools.islice((pair for pair in cells[position:] if _list_level(pair[1].text) == UNNUMBERED), gap))
    return len(run) == gap and all(len(lines[i].cells) == 1 and not (c.is_figure or c.is_code)
                                         and _unit_cell(c.text) is None
                                         and c.text not in _words()["placeholders"]["cells"] for i, c in run)


def _empty_row(line: _Line, table: Table) -> bool:
    """福利彩票销售 | 亿元 | |, under a 单位 column: a row's label and unit, its figure left empty,
    not a header of a measure in 亿元."""
    return any(c.role == "unit" for c in table.columns) and len(line.cells) == 2 \
        and unit_word(line.cells[1].text) is not None


def _side_by_side(cells: list[Cell], table: Table) -> list[list[Cell]]:
    """A line of a table printed side by side: each group's label (its unit) and figures, as rows
    of their own, a group's row (`二、养老机构`) too; any other line whole. With no column of labels
    each group is a label and as many figures as it has columns; with one, a group opens at each
    label after the line's first cell."""
    width = table.group_width
    if width is None:
        return [cells]
    placeholders = _words()["placeholders"]["cells"]
    if table.label_index is None:
        if len(cells) % (width + 1) or len(cells) == width + 1:
            return [cells]
        pieces = [cells[i:i + width + 1] for i in range(0, len(cells), width + 1)]
        labelled = all(not p[0].is_figure and HANZI.search(p[0].text)
                       and all(c.is_figure or c.text in placeholders for c in p[1:]) for p in pieces)
        return pieces if labelled else [cells]
    pieces: list[list[Cell]] = []
    for cell in cells:
        label = not cell.is_figure and cell.text not in placeholders and unit_word(cell.text) is None \
            and HANZI.search(cell.text) is not None
        if label or not pieces:
            pieces.append([cell])
        else:
            pieces[-1].append(cell)
    groups = len(table.columns) // width
    return pieces if 1 < len(pieces) <= groups else [cells]


def _empty_cells(lines: list[_Line], after: int, before: int) -> list[Cell]:
    """The cells a row left empty between two of its cells, a cell per line: lines of their closing
    pipe only (`医疗救助 |` / `|` / `58.24 |`), each an empty cell that keeps the figures after it
    under their columns. Only where each cell closes with its own pipe: pipes alone between cells
    without one (`国家抚恤…` / `|` / `万人` / `|`) part the cells, no cell is empty."""
    if not (lines[after].marked and lines[before].marked):
        return []
    return [Cell("", line.start, line.start) for line in lines[after + 1:before] if line.marked and not line.text]


def _rows(lines: list[_Line], cells: list[tuple[int, Cell]], position: int, table: Table
          ) -> tuple[list[Row], int]:
    """The rows after a header, until the next header or the region's end."""
    rows, pending = [], []
    value_count = len(table.slots)
    seq_first = bool(table.columns) and table.columns[0].role == "skip"
    tasks = _task_column(table.columns) is not None  # (its rows are words: a row without a figure goes on)
    # (under label columns by level a row opens with a cell of each: the gap is that much longer)
    levels = _level_columns(table.columns)
    while position < len(cells):
        line_index, cell = cells[position]
        line = lines[line_index]
        if pending == [] and cell.start == line.cells[0].start and not _empty_row(line, table) \
                and (found := _header_at(lines, cells, position)) and not (
                    levels > 2 and not any(LEVEL_HEADER.match(c.header) for c in found[0].columns)):
            break  # (under 一级指标 | 二级指标 | 三级指标 only another header of levels ends the table: 质量指标 over
            # 资金发放准确率, or 经费支出合规性 over 严格执行相关制度规定, is a row whose words its page ran together)
        row_line = len(line.cells) > 1 and cell.start == line.cells[0].start
        pieces = _side_by_side(line.cells, table) if row_line else []
        if len(pieces) < 2 and not tasks and not _broken_row(lines, line_index) and _block_without_figures(lines, cells, position, table.by_rows,
                                                                    TABLE_GAP + max(0, levels - 1)):
            break  # a title or another header's block (not a line of groups' rows: 二、养老机构  六、公墓): the table ended
        if row_line:
            for group, piece in enumerate(pieces):
                row = _row_of(piece, table.columns, len(table.leading_text))
                row = replace(row, group=group) if row is not None and group else row
                if row is not None and not row.label and rows and rows[-1].values and not any(
                        c.is_figure for c in rows[-1].values) and len(rows[-1].values) + len(row.values) <= len(table.slots):
                    # (the figures of a row broken after its sentence cell: they fill its last columns)
                    gap = len(table.slots) - len(rows[-1].values) - len(row.values)
                    empty = tuple(Cell("", c.start, c.start) for c in row.values[:1]) * gap
                    rows[-1] = replace(rows[-1], values=rows[-1].values + empty + row.values)
                elif row is not None and not row.label and rows and not rows[-1].values and (
                        row.unit or (table.by_rows and len(row.values) == len(table.slots))):
                    # (a row's figures alone on the line under its label, a yearbook's label wrapped
                    # with its English gloss: as many as the header has columns of figures)
                    rows += _label_above(rows.pop(), row)
                elif row is not None:
                    rows.append(row)
            position += len(line.cells)
            continue
        if table.by_rows and not pending and len(line.cells) == 1 and _group_character(cell, table.columns):
            position += 1  # 保, alone on its line between rows: a character of the group's name printed down its column
            continue
        placeholders = _words()["placeholders"]["cells"]
        if not (cell.is_figure or cell.is_code or cell.text in placeholders or _unit_cell(cell.text)
                or SIGN_CELL.fullmatch(cell.text)) \
                and pending and not any(c.is_figure or c.text in placeholders for c in pending):
            rows.append(Row(pending[0].text, None, (), _list_level(pending[0].text)))  # a label with no figures: a group's name
            pending = []
        if pending and (cell.is_figure or cell.text in placeholders):
            pending += _empty_cells(lines, cells[position - 1][0], line_index)
        pending.append(cell)
        position += 1
        following = cells[position] if position < len(cells) else None
        if following is None or len(lines[following[0]].cells) > 1 or (
                not following[1].is_figure and _unit_cell(following[1].text) is None
                and following[1].text not in placeholders
                and any(c.is_figure or c.text in placeholders for c in pending)):
            values = [c for c in pending if c.is_figure or c.text in placeholders]
            if seq_first and len(values) > value_count and pending[-1].is_number:
                pending = pending[:-1]  # the next row's 序号
            row = _row_of(pending, table.columns, len(table.leading_text))
            if row is not None and row.label:
                rows.append(row)
            pending = []
    return rows, position
