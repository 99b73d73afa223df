"""Period: the stretch of time a figure covers, as a string.

    "2024"                 the whole year
    "2024-H1", "2024-H2"   a half year (上半年, 下半年)
    "2024-Q1" … "2024-Q4"  a quarter (一季度)
    "2024-06"              a month (6月份)
    "2024-06-30"           as of a day (截至6月底, 截至2024年12月31日)
    None                   the year is unknown

The nearest cue before the figure in its sentence wins (截至6月底…, 上半年累计发放…); without
one, a cue in its section heading (三、2026年工作计划, 三、下半年工作计划); without one, the
report: its year, the first half for a half-year report. A plans section looks ahead: the next
year of an annual report, the second half of a half-year report, and a cue without a year
(全年, 下半年) there means that year; a section whose heading names a later period than the
report's is about plans too (its figures are targets). Names and titles (《…(2021—2025年)》)
and the start of a span (自2022年成立以来) give no cue.
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from transforms.model import DocumentMeta, Section, SectionCategory
from transforms.rules import blanked

YEAR = r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?"
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# Names, titles and ranges whose years are not the figure's: 《…(2021—2025年)》, “十四五”.
NOT_A_CUE = re.compile(r"《[^》\n]*》|“[^”\n]{0,20}”|(?:19|20)\d{2}\s*[-—–~至到]\s*(?:19|20)\d{2}\s*年")


def _year(match: re.Match, base: int | None) -> int | None:
    return int(match.group("y")) if match.group("y") else base


def _as_of(year: int, month: int, day: int | None = None) -> str | None:
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if day is not None and not 1 <= day <= last:
        return None
    return f"{year}-{month:02d}-{day or last:02d}"


def _months_from_january(year: int, last_month: int) -> str | None:
    """1-6月 is the first half, 1-3月 the first quarter, 1-12月 the year."""
    return {3: f"{year}-Q1", 6: f"{year}-H1", 12: f"{year}"}.get(last_month)


@dataclass(frozen=True)
class PeriodRule:
    name: str
    pattern: re.Pattern
    produce: Callable[[re.Match, int], str | None]  # (match, year it falls in) → period
    needs: str  # written in every match: a text without it is not searched


PERIOD_RULES = (
    PeriodRule("as_of_day",
               re.compile(rf"截至\s*{YEAR}(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日"),
               lambda m, y: _as_of(y, int(m.group("m")), int(m.group("d"))), "截至"),
    PeriodRule("as_of_month_end", re.compile(rf"截至\s*{YEAR}(?P<m>\d{{1,2}})\s*月\s*(?:底|末)?"),
               lambda m, y: _as_of(y, int(m.group("m"))), "截至"),
    PeriodRule("as_of_year_end", re.compile(rf"截至\s*{YEAR}(?:年底|年末|年终)"),
               lambda m, y: _as_of(y, 12), "截至"),
    PeriodRule("half", re.compile(rf"{YEAR}(?P<h>上|下)半年"),
               lambda m, y: f"{y}-H{1 if m.group('h') == '上' else 2}", "半年"),
    PeriodRule("quarter", re.compile(rf"(?<!前){YEAR}第?(?P<q>[一二三四1-4])季度"),
               lambda m, y: f"{y}-Q{QUARTERS[m.group('q')]}", "季度"),
    PeriodRule("months_from_january", re.compile(rf"{YEAR}1\s*[-—–~至到]\s*(?P<m>\d{{1,2}})\s*月"),
               lambda m, y: _months_from_january(y, int(m.group("m"))), "月"),
    PeriodRule("month", re.compile(rf"{YEAR}(?P<m>\d{{1,2}})\s*月份"),
               lambda m, y: f"{y}-{int(m.group('m')):02d}" if 1 <= int(m.group("m")) <= 12 else None, "月份"),
    # a year not followed by a month or a day (2023年全年共发放…, 2023年每月20日前), nor the
    # start of a span (自2022年成立以来累计…)
    PeriodRule("year", re.compile(r"(?<![自从于])(?P<y>(?:19|20)\d{2})\s*年(?:度)?(?!\s*\d|以来|起|成立|开始)"),
               lambda m, y: f"{y}", "年"),
    PeriodRule("this_year", re.compile(r"(?P<y>)(?:全年|今年|年内|本年度)"), lambda m, y: f"{y}", "年"),
)


def period_cue(text: str, base_year: int | None) -> str | None:
    """The period the last cue of `text` names; a cue without a year falls in `base_year`."""
    text = blanked(NOT_A_CUE, text)
    best: tuple[tuple[int, int], str] | None = None
    for rule in PERIOD_RULES:
        for match in rule.pattern.finditer(text) if rule.needs in text else ():
            year = _year(match, base_year)
            period = rule.produce(match, year) if year else None
            rank = (match.end(), match.end() - match.start())
            if period and (best is None or rank > best[0]):
                best = (rank, period)
    return best[1] if best else None


@lru_cache(maxsize=4096)
def _title_cue(title: str, base_year: int | None) -> str | None:
    """period_cue of a heading: each section reads its parents' headings again."""
    return period_cue(title, base_year)


def _is_half_year(meta: DocumentMeta) -> bool:
    return "半年" in (meta.report_type or "") or "上半年" in (meta.title or "")


@dataclass(frozen=True)
class SectionTime:
    """What a section of a report covers."""

    period: str | None  # when the words of a sentence say nothing
    year: int | None  # the year a cue without one (全年, 下半年) falls in
    ahead: bool  # a period after the report's: what the section says is planned


def section_time(meta: DocumentMeta, sections: list[Section], section: int | None) -> SectionTime:
    """From the section's heading (or a parent's), else from the report; a plans section looks
    ahead (三、2024年度推进法治政府建设的主要安排 in a report on 2023 is a plan whatever its words)."""
    year = meta.report_year
    half = _is_half_year(meta)
    plans = section is not None and sections[section].category is SectionCategory.PLANS
    if year is not None and plans and not half:
        year += 1
    period = None
    while section is not None and period is None:
        period = _title_cue(sections[section].title, year)
        section = sections[section].parent
    if period:
        year = int(period[:4])
    elif year is not None:
        period = f"{year}-H{2 if plans else 1}" if half else f"{year}"
    ahead = meta.report_year is not None and year is not None and (
        year > meta.report_year or (half and period.endswith("-H2")))
    return SectionTime(period, year, ahead)


# A cue scopes over the clauses of its sentence, those after ；too (截至6月底,全市共有城乡低保
# 对象30.5万人…;特困供养人员2.85万人), but not over the next sentence.
SENTENCE_STOP = re.compile(r"[。！？!?\n]")


def period_of(text: str, position: int, time: SectionTime) -> str | None:
    """The period of the figure at `position`: the last cue before it in its sentence, else
    what its section covers."""
    window = text[max(0, position - 300):position]
    stops = list(SENTENCE_STOP.finditer(window))
    return period_cue(window[stops[-1].end():] if stops else window, time.year) or time.period


class Cues:
    """The period cues of a document, read once per sentence (between 。！？ and line ends) and
    looked up for each figure: `period_of(position, time)` gives what `period_of` gives."""

    def __init__(self, text: str):
        self.text = text
        self.stops = [m.end() for m in SENTENCE_STOP.finditer(text)]
        self.found: dict[int, list[tuple[int, int, PeriodRule, re.Match]]] = {}

    def _sentence(self, start: int) -> list[tuple[int, int, PeriodRule, re.Match]]:
        if start not in self.found:
            index = bisect_right(self.stops, start)
            end = self.stops[index] if index < len(self.stops) else len(self.text)
            sentence = blanked(NOT_A_CUE, self.text[start:end])
            self.found[start] = [(match.end(), match.end() - match.start(), rule, match)
                                 for rule in PERIOD_RULES if rule.needs in sentence
                                 for match in rule.pattern.finditer(sentence)]
        return self.found[start]

    def period_of(self, position: int, time: SectionTime) -> str | None:
        index = bisect_right(self.stops, position)
        start = max(self.stops[index - 1] if index else 0, position - 300)
        if start != (self.stops[index - 1] if index else 0):
            return period_of(self.text, position, time)  # a sentence longer than the window
        best: tuple[tuple[int, int], str] | None = None
        for end, length, rule, match in self._sentence(start):
            if start + end > position:
                continue
            year = _year(match, time.year)
            period = rule.produce(match, year) if year else None
            if period and (best is None or (end, length) > best[0]):
                best = ((end, length), period)
        return best[1] if best else time.period
