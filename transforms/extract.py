"""Metric mentions of a document: quantities, each with its subject, indicator, kind and period."""
from __future__ import annotations

from bisect import bisect_right
from itertools import groupby

from transforms.model import DocumentMeta, Mention, Section, SectionCategory, Sentence
from transforms.rules.indicators import match_indicator
from transforms.rules.kinds import kind_of
from transforms.rules.periods import period_of, section_time
from transforms.rules.quantities import find_quantities
from transforms.rules.subjects import name_subjects


def _sentence_at(sentences: list[Sentence], starts: list[int], position: int) -> Sentence:
    return sentences[max(bisect_right(starts, position) - 1, 0)]


def extract_mentions(text: str, sections: list[Section], sentences: list[Sentence],
                     meta: DocumentMeta | None = None) -> list[Mention]:
    """Mentions in text order. `meta` gives the report's year and type, which the period of a
    figure falls back on (rules/periods.py); without it periods are known only from the text."""
    meta = meta or DocumentMeta()
    starts = [s.start for s in sentences]
    mentions: list[Mention] = []
    for sentence, group in groupby(find_quantities(text),
                                   key=lambda q: _sentence_at(sentences, starts, q.start)):
        section = sections[sentence.section] if sentence.section is not None else None
        category = section.category if section else SectionCategory.OTHER
        if category is SectionCategory.OUTLINE:
            continue
        time = section_time(meta, sections, sentence.section)
        if time.ahead:
            category = SectionCategory.PLANS
        quantities = list(group)
        for quantity, subject in zip(quantities, name_subjects(text, sentence.start, quantities)):
            before = text[sentence.start:quantity.start]
            indicator, _ = match_indicator(subject, quantity.unit)
            mentions.append(Mention(
                subject=subject.text if subject else None, indicator=indicator,
                value=quantity.value, unit=quantity.unit, raw=text[quantity.start:quantity.end],
                qualifier=quantity.qualifier, kind=kind_of(before, category),
                start=quantity.start, end=quantity.end, sentence=sentence.index,
                section=sentence.section, period=period_of(text, quantity.start, time)))
    return mentions
