"""Indicators: map a subject to a canonical indicator id (data: indicators.toml).

First by a normalised synonym, then by jieba token overlap with a confidence score; when
neither is sure the answer is None: a wrong indicator is worse than none."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.lexicon import load_toml
from transforms.rules.subjects import tokens
from transforms.rules.units import same_family

NOISE = re.compile(r"[\s“”\"'《》()（）]")
MIN_OVERLAP = 0.75


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    unit: str
    synonyms: tuple[str, ...]


@cache
def indicators() -> tuple[Indicator, ...]:
    return tuple(Indicator(row["id"], row["name"], row["unit"], tuple(row["synonyms"]))
                 for row in load_toml("indicators.toml")["indicator"])


def normalise(phrase: str) -> str:
    return NOISE.sub("", phrase)


@cache
def _by_synonym() -> dict[str, list[Indicator]]:
    table: dict[str, list[Indicator]] = {}
    for indicator in indicators():
        for synonym in (indicator.name, *indicator.synonyms):
            table.setdefault(normalise(synonym), []).append(indicator)
    return table


@cache
def _synonym_tokens() -> tuple[tuple[frozenset[str], Indicator], ...]:
    return tuple((frozenset(tokens(normalise(s))), ind)
                 for ind in indicators() for s in (ind.name, *ind.synonyms))


def match_indicator(subject: str | None, unit: str) -> tuple[str | None, float]:
    """(indicator id, confidence) for a subject measured in `unit`."""
    if not subject:
        return None, 0.0
    key = normalise(subject)
    exact = next((i for i in _by_synonym().get(key, []) if same_family(i.unit, unit)), None)
    if exact:
        return exact.id, 1.0
    words = frozenset(tokens(key))
    best, score = None, 0.0
    for synonym_words, indicator in _synonym_tokens():
        if not same_family(indicator.unit, unit) or not words:
            continue
        overlap = len(words & synonym_words) / len(words | synonym_words)
        if overlap > score:
            best, score = indicator, overlap
    return (best.id, score) if best and score >= MIN_OVERLAP else (None, score)
