"""Metric mentions of a document: quantities, each with its subject, indicator and kind."""
from __future__ import annotations

from bisect import bisect_right

from transforms.lexicon import load_words
from transforms.model import Kind, Mention, Quantity, Section, SectionCategory, Sentence
from transforms.rules.indicators import match_indicator
from transforms.rules.quantities import find_quantities
from transforms.rules.subjects import name_subject
from transforms.rules.units import unit_kinds


def kind_of(text: str, quantity: Quantity, sentence: Sentence, category: SectionCategory) -> Kind:
    if category is SectionCategory.PLANS:
        return Kind.TARGET
    before = text[sentence.start:quantity.start]
    return Kind.TARGET if any(cue in before for cue in load_words("target_cues.txt")) else Kind.ACTUAL


def _sentence_at(sentences: list[Sentence], starts: list[int], position: int) -> Sentence:
    return sentences[max(bisect_right(starts, position) - 1, 0)]


def extract_mentions(text: str, sections: list[Section], sentences: list[Sentence]) -> list[Mention]:
    """Mentions in text order. A quantity whose own clause names nothing inherits the subject
    of the quantity before it in the same sentence (累计培训28场次,980余人次)."""
    starts = [s.start for s in sentences]
    mentions: list[Mention] = []
    previous: Mention | None = None
    for quantity in find_quantities(text):
        sentence = _sentence_at(sentences, starts, quantity.start)
        section = sections[sentence.section] if sentence.section is not None else None
        category = section.category if section else SectionCategory.OTHER
        if category is SectionCategory.OUTLINE:
            continue
        same_sentence = previous is not None and previous.sentence == sentence.index
        floor = max(sentence.start, previous.end if same_sentence else 0)
        subject = name_subject(text, quantity.outer_start, quantity.outer_end,
                               unit_kinds()[quantity.unit], floor, sentence.start)
        if subject is None and same_sentence:
            subject = previous.subject
        indicator, _ = match_indicator(subject, quantity.unit)
        previous = Mention(
            subject=subject, indicator=indicator, value=quantity.value, unit=quantity.unit,
            raw=text[quantity.start:quantity.end], qualifier=quantity.qualifier,
            kind=kind_of(text, quantity, sentence, category), start=quantity.start,
            end=quantity.end, sentence=sentence.index, section=sentence.section)
        mentions.append(previous)
    return mentions
