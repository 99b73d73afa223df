"""Metric mentions of a document: quantities, each with its subject, indicator, kind and period."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from itertools import groupby

from transforms.model import DocumentMeta, Kind, Mention, Quantity, Section, SectionCategory, Sentence
from transforms.rules.indicators import match_indicator_traced
from transforms.rules.kinds import (KindContext, PlanLeads, announcement_start, is_section_total, kind_of, looking_back,
                                    plan_report_types, restated_not_units, restated_report_types, restates)
from transforms.rules.periods import Cues, period_cue, section_time
from transforms.rules.quantities import find_quantities
from transforms.rules.subjects import SubjectMemory, changed_by_verb, name_subjects
from transforms.rules.units import NO_UNIT
from transforms.structure import names_summary_and_plan, names_year_work
from transforms.tokens import TokenStream


def _sentence_at(sentences: list[Sentence], starts: list[int], position: int) -> Sentence:
    return sentences[max(bisect_right(starts, position) - 1, 0)]


def cut_document(text: str, quantities: list[Quantity]) -> TokenStream:
    """The document's one jieba cut, its quantities left out (transforms/tokens.py)."""
    return TokenStream(text, [(q.outer_start, q.outer_end) for q in quantities])


def extract_mentions(text: str, sections: list[Section], sentences: list[Sentence],
                     meta: DocumentMeta | None = None, quantities: list[Quantity] | None = None,
                     stream: TokenStream | None = None, trace: dict[int, dict[str, str]] | None = None,
                     failures: list[str] | None = None) -> list[Mention]:
    """Mentions in text order. `meta` gives the report's year and type, which the period of a
    figure falls back on (rules/periods.py); without it periods are known only from the text.
    `quantities` and `stream` are the document's (found and cut here when not given). `trace`,
    when given, receives for each mention's start the names of the rules that decided it
    (its `kind` rule …), for the rule corpora and for anyone asking why. `failures`, when given,
    receives a line for each sentence a rule raised on, whose figures are then kept without that
    sentence's rule fields (no subject, indicator or period; kind actual); without it the error
    propagates, as the corpora and tests want."""
    meta = meta or DocumentMeta()
    quantities = find_quantities(text) if quantities is None else quantities
    stream = stream or cut_document(text, quantities)
    starts = [s.start for s in sentences]
    mentions: list[Mention] = []
    decided: list[str] = []  # the kind rule of each mention
    document_subjects: dict = {}  # the last subject of each unit family, over all paragraphs
    memory, paragraph = SubjectMemory(document_subjects), -1
    cues = Cues(text)
    times: dict[int | None, object] = {}
    categories: dict[int | None, SectionCategory] = {}
    announced_from = announcement_start(text, meta.report_year)  # a page retelling a year's plan list
    back = looking_back(text, sections, meta.report_year)  # parts on a period before the report's
    leads = PlanLeads(text)  # where numbered lists open (`plan_list`)
    for sentence, group in groupby(quantities, key=lambda q: _sentence_at(sentences, starts, q.start)):
        if paragraph < 0 or "\n" in text[paragraph:sentence.start]:
            memory = SubjectMemory(document_subjects)  # a new paragraph: what its figures inherit starts afresh
        paragraph = sentence.start
        group, done = list(group), len(mentions)
        try:
            section = sections[sentence.section] if sentence.section is not None else None
            category = section.category if section else SectionCategory.OTHER
            if category is SectionCategory.OUTLINE:
                continue
            if sentence.section not in times:
                times[sentence.section] = section_time(meta, sections, sentence.section)
            time = times[sentence.section]
            if sentence.section not in categories:  # (once a section, as its time)
                categories[sentence.section] = _category_by_period(meta, sections, sentence.section, category, time)
            category = categories[sentence.section]
            change_end = -1  # where the last figure that is a change ends: a list after it changes too
            after_target, previous_end = False, None
            for quantity, named in zip(group, name_subjects(stream, sentence.start, group, memory)):
                subject = named.subject
                indicator, _, indicator_rule = match_indicator_traced(
                    subject, quantity.unit, stream, per_person=_per_person(text, sentence.start, quantity),
                    before=text[sentence.start:quantity.outer_start], value=quantity.value)
                measure = "level"
                if named.rule in NOT_THE_LEVEL or quantity.column == "change" or (
                        change_end >= 0 and LIST_JOIN.fullmatch(text, change_end, quantity.outer_start)) \
                        or changed_by_verb(text, quantity.outer_start, sentence.start):
                    # 比上年提高9元 is a change of the standard, not it; so is 6人 of 净减9户、6人
                    indicator, indicator_rule = None, "not_the_level"
                    change_end = quantity.outer_end
                    measure = NOT_THE_LEVEL.get(named.rule, "change")
                else:
                    change_end = -1
                if quantity.unit == NO_UNIT:
                    indicator, indicator_rule = None, "no_unit"  # an indicator is measured in a unit
                kind, kind_rule = kind_of(KindContext(
                    text=text, sentence_start=sentence.start, start=quantity.start, end=quantity.end,
                    outer_end=quantity.outer_end, category=category,
                    in_heading=section is not None and _on_heading_line(text, section, quantity.start),
                    review=category in REVIEW or (category is SectionCategory.OTHER and any(
                        start <= quantity.start < end for start, end in back)), report_type=meta.report_type, column=quantity.column,
                    column_year=quantity.column_year, report_year=meta.report_year, after_target=after_target,
                    previous_end=previous_end, section_end=section.end if section is not None else None, announced_from=announced_from,
                    plan_leads=leads))
                after_target, previous_end = kind is Kind.TARGET, quantity.outer_end
                decided.append(kind_rule)
                mentions.append(Mention(
                    subject=subject.text if subject else None, indicator=indicator,
                    value=quantity.value, unit=quantity.unit or None, raw=text[quantity.start:quantity.end],
                    qualifier=quantity.qualifier, kind=kind,
                    start=quantity.start, end=quantity.end, sentence=sentence.index,
                    section=sentence.section, period=_period(cues, quantity, time), measure=measure))
                if trace is not None:
                    trace[quantity.start] = {"kind": kind_rule, "subject": named.rule, "indicator": indicator_rule}
        except Exception as error:  # a rule's bug costs this sentence's rule fields, not the report
            if failures is None:
                raise
            del mentions[done:], decided[done:]
            failures.append(f"sentence {sentence.index}: {type(error).__name__}: {error}")
            for quantity in group:
                decided.append(RULE_FAILED)
                mentions.append(Mention(
                    subject=None, indicator=None, value=quantity.value, unit=quantity.unit or None,
                    raw=text[quantity.start:quantity.end], qualifier=quantity.qualifier, kind=Kind.ACTUAL,
                    start=quantity.start, end=quantity.end, sentence=sentence.index, section=sentence.section))
                if trace is not None:
                    trace[quantity.start] = dict.fromkeys(("kind", "subject", "indicator"), RULE_FAILED)
    return _restated_targets(text, _section_totals(text, sections, mentions, decided, trace), decided, meta, trace)


def _section_totals(text: str, sections: list[Section], mentions: list[Mention], decided: list[str],
                    trace: dict[int, dict[str, str]] | None) -> list[Mention]:
    """A total on its heading's line ((二)产业类项目,共4350万元) that no kind rule decided sums its
    section's figures: a target when they all are (rules/kinds.py, `section_total`)."""
    totals = [i for i, m in enumerate(mentions) if decided[i] == "stated" and m.section is not None
              and _on_heading_line(text, sections[m.section], m.start)
              and is_section_total(text, sections[m.section].start, m.start)]
    for i in totals:
        section = sections[mentions[i].section]
        parts = [m for m in mentions if m is not mentions[i] and section.start <= m.start < section.end]
        if parts and all(m.kind is Kind.TARGET for m in parts):
            mentions[i] = replace(mentions[i], kind=Kind.TARGET)
            if trace is not None:
                trace[mentions[i].start]["kind"] = "section_total"
    return mentions


def _restated_targets(text: str, mentions: list[Mention], decided: list[str], meta: DocumentMeta,
                      trace: dict[int, dict[str, str]] | None) -> list[Mention]:
    """A news page's figure that no kind rule decided and that gives again the value and unit of a
    target the page states (a headline 某区今年新增学位7500个 over 今年计划…预计新增学位7500个) is
    that target restated (rules/kinds.py, `restated_target`)."""
    if meta.report_type not in restated_report_types():
        return mentions
    targets = {(m.value, m.unit) for i, m in enumerate(mentions) if m.kind is Kind.TARGET
               and decided[i] not in ("stated", RULE_FAILED) and m.unit not in restated_not_units()}
    for i, m in enumerate(mentions):
        if decided[i] == "stated" and m.kind is Kind.ACTUAL and (m.value, m.unit) in targets \
                and restates(text, m.start, m.end):
            mentions[i] = replace(m, kind=Kind.TARGET)
            if trace is not None:
                trace[m.start]["kind"] = "restated_target"
    return mentions


def _period(cues: Cues, quantity: Quantity, time) -> str | None:
    """The figure's period; a table cell under 上年同期 is of the year before, one under 2025年 of 2025."""
    if quantity.column_year is not None:
        return str(quantity.column_year)
    period = cues.period_of(quantity.start, time)
    if quantity.column == "previous" and period and period[:4].isdigit():
        return f"{int(period[:4]) - 1}{period[4:]}"
    return period


RULE_FAILED = "rule_failed"  # the trace of a figure whose sentence a rule raised on

# Figures that take their subject from another figure without being its measure, by the subject
# rule that named them, and what they measure of it: a change of a level, a share of a whole.
NOT_THE_LEVEL = {"change_of_level": "change", "share_of_whole": "share", "share_of_task": "share"}
LIST_JOIN = re.compile(r"\s*(?:[、,，和及与]|以及)\s*")

# A figure written as a rate per person or per period: 每人每月195元, 月人均补差180元, 520元/月.
PER_PERSON = re.compile(r"(?:每人|每户|人均|每月|每年|月人均|年人均|月均|每人每月|每人每年)[^,，。;；]{0,4}$")


# sums before a figure in its list (每人每月分别达到1000元、600元: the 1000元、 before 600元)
LISTED_SUMS = re.compile(r"(?:[0-9.]+\s*[万亿]?元\s*[、和及与]\s*)+$")


def _per_person(text: str, sentence_start: int, quantity: Quantity) -> bool:
    """Whether a figure is a rate per person or period; a figure in a list of sums is one as the
    list's first is (每人每月分别为1000元、600元)."""
    end = quantity.outer_start
    listed = LISTED_SUMS.search(text, max(sentence_start, end - 60), end)
    end = listed.start() if listed else end
    before = text[max(sentence_start, end - 12):end]
    return bool(PER_PERSON.search(before)) or "/" in text[quantity.start:quantity.end]


# Parts of a report that look back: a plan's figures there are actual.
REVIEW = frozenset({SectionCategory.WORK_DONE, SectionCategory.PROBLEMS})


def _category_by_period(meta: DocumentMeta, sections: list[Section], index: int | None, category: SectionCategory,
                        time) -> SectionCategory:
    """A section's category as the period its headings name tells it (`time`, its `section_time`)."""
    if time.ahead and (category is SectionCategory.OTHER or category is SectionCategory.WORK_DONE
                       and names_year_work(sections, index)) and not _dated_by_report_title(
            sections, index, meta.report_year):
        # a heading naming a later period than the report's (二、2023年主要工作 in a report on 2022)
        return SectionCategory.PLANS
    if category is SectionCategory.WORK_DONE and meta.report_type in plan_report_types() \
            and time.year is not None and meta.report_year is not None and time.year >= meta.report_year \
            and names_year_work(sections, index):
        return SectionCategory.OTHER  # a plan's 二、2025年主要工作: its own year's work, the plan
    return category


def _dated_by_report_title(sections: list[Section], index: int | None, report_year: int | None) -> bool:
    """Whether the heading that dates a section (itself or the nearest parent naming a period)
    is the report's title repeated (…总结及2025年工作计划), whose later year says nothing of it."""
    while index is not None:
        title = sections[index].title
        if period_cue(title, report_year):
            return names_summary_and_plan(title)
        index = sections[index].parent
    return False


def _on_heading_line(text: str, section: Section, position: int) -> bool:
    """Whether `position` lies on the line its section's heading opens."""
    line_end = text.find("\n", section.start)
    return section.start <= position < (line_end if line_end >= 0 else len(text))
