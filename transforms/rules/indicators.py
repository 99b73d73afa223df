"""Indicators: map a subject to a canonical indicator id (data: indicators.toml).

First by a normalised synonym (also once scope words such as 乡镇, 县级 in front are left out),
then by jieba token overlap with a confidence score; when none is sure the answer is None: a
wrong indicator is worse than none. A subject whose front was dropped (检查 of 检查社会组织50家,
新增 of 新增养老床位) is matched with it, since it narrows what is counted: 检查社会组织 is
inspected organisations, 社会组织 alone all of them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.lexicon import load_toml, load_words
from transforms.rules.subjects import Subject
from transforms.rules.units import same_family
from transforms.tokens import TokenStream, cut_phrase

NOISE = re.compile(r"[\s“”\"'《》()（）]")
MIN_OVERLAP = 0.75
# Confidence of a synonym found once the scope words in front are left out (乡镇(街道)儿童督导员).
SCOPED = 0.9


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
def _synonyms_by_token(unit: str) -> dict[str, list[tuple[frozenset[str], Indicator]]]:
    """token → the synonyms (as token sets) holding it, of the indicators `unit` may measure."""
    table: dict[str, list[tuple[frozenset[str], Indicator]]] = {}
    for indicator in indicators():
        if not same_family(indicator.unit, unit):
            continue
        for synonym in {indicator.name, *indicator.synonyms}:
            words = frozenset(cut_phrase(normalise(synonym)))
            for word in words:
                table.setdefault(word, []).append((words, indicator))
    return table


def _exact(key: str, unit: str) -> Indicator | None:
    return next((i for i in _by_synonym().get(key, []) if same_family(i.unit, unit)), None)


@cache
def _scope_words() -> frozenset[str]:
    return frozenset(load_words("indicator_scope_words.txt"))


def _without_scope(words: list[str]) -> str:
    while words and words[0] in _scope_words():
        words = words[1:]
    return "".join(words)


def match_indicator(subject: Subject | None, unit: str, stream: TokenStream | None = None) -> tuple[str | None, float]:
    """(indicator id, confidence in 0…1) for a subject measured in `unit`: 1 for a synonym,
    0.9 for a synonym behind scope words, else the best token overlap if it reaches 0.75.
    The subject's words are the document's (`stream`) where it knows its place."""
    if subject is None:
        return None, 0.0
    key = normalise((subject.narrowed_by or "") + subject.text)
    exact = _exact(key, unit)
    if exact:
        return exact.id, 1.0
    words = [w for w in map(normalise, subject.words(stream)) if w]
    scoped = _exact(_without_scope(words), unit)
    if scoped:
        return scoped.id, SCOPED
    best, score = None, 0.0
    words = set(words)
    for word in words:
        for synonym_words, indicator in _synonyms_by_token(unit).get(word, []):
            overlap = len(words & synonym_words) / len(words | synonym_words)
            if overlap > score:
                best, score = indicator, overlap
    return (best.id, score) if best and score >= MIN_OVERLAP else (None, score)


def indicator_of_phrase(phrase: str, unit: str) -> str | None:
    """The indicator a written phrase names for a figure in `unit`, or None."""
    return match_indicator(Subject(phrase), unit)[0]
