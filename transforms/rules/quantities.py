"""Quantities: a numeral with its unit, qualifier and value in the base unit.

Each rule is a named pattern with its production (match → Quantity). `find_quantities` runs
them all, applies the exclusions and keeps the longest quantity where two overlap."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from transforms.model import Quantity, Qualifier
from transforms.rules import exclusions
from transforms.rules.numbers import ARABIC, CHINESE, NOT_A_COUNT, NotANumeral, is_arabic, parse_numeral
from transforms.rules.qualifiers import qualifier_before, qualifier_in_clause, qualifier_words
from transforms.rules.units import (alternation, arabic_only, false_friends, multipliers,
                                    numeral_place_names, place_suffixes, unit_kinds)

SPACE = r"[ \t\u00a0]{0,2}"
# Characters that glue a digit to a code or an identifier (K26058142/2024-13705, 3A).
CODE_CHARS = re.compile(r"[A-Za-z0-9_./\-·]")
# Before a Chinese numeral these make it vague, not a count: 几十个, 数十家, 若干.
VAGUE_BEFORE = "几数若多"


@dataclass(frozen=True)
class QuantityRule:
    name: str
    pattern: re.Pattern
    produce: Callable[[re.Match, str], Quantity | None]


def _qualifier(text: str, match: re.Match, inside: str | None) -> tuple[Qualifier | None, int, int]:
    """The qualifier of a quantity and the outer span its words cover (约 before it, 左右
    after it)."""
    start, after = match.start(), match.group("after")
    found_before = qualifier_before(text, _skip_space_back(text, start))
    outer_start = _skip_space_back(text, start) - len(found_before[0]) if found_before else start
    outer_end = match.end()
    for candidate in (qualifier_words("inside").get(inside or ""),
                      found_before[1] if found_before else None,
                      qualifier_words("after").get(after or ""),
                      qualifier_in_clause(text, outer_start)):
        if candidate:
            return candidate, outer_start, outer_end
    return None, outer_start, outer_end


def _skip_space_back(text: str, position: int) -> int:
    while position > 0 and text[position - 1] in " \t\u00a0":
        position -= 1
    return position


def _numeral_is_standalone(text: str, match: re.Match) -> bool:
    numeral, start = match.group("num"), match.start("num")
    before = text[start - 1] if start else ""
    if is_arabic(numeral):
        return not (before and CODE_CHARS.match(before))
    if before and before in VAGUE_BEFORE:
        return False
    return not (numeral in NOT_A_COUNT and not match.group("inside"))


def _unit_is_real(text: str, match: re.Match) -> bool:
    """False when the unit's characters open another word (5000家庭 is not 5000 家), the
    numeral and unit are a place name (三台县), or a unit read after Arabic digits only
    follows a Chinese numeral or a clock hour (十分重要, 8时30分)."""
    if false_friends().match(text, match.start("unit")):
        return False
    arabic_units, clock_marks = arabic_only()
    if match.group("unit") in arabic_units:
        before = text[match.start("num") - 1:match.start("num")]
        if not is_arabic(match.group("num")) or (before and before in clock_marks):
            return False
    if not is_arabic(match.group("num")) and numeral_place_names().match(text, match.start("num")):
        return False
    after = text[match.end("unit"):match.end("unit") + 1]
    return not (after and after in place_suffixes() and match.group("unit") != "个"
                and not is_arabic(match.group("num")))


def produce_numeral_with_unit(match: re.Match, text: str) -> Quantity | None:
    if not (_numeral_is_standalone(text, match) and _unit_is_real(text, match)):
        return None
    unit = match.group("unit")
    value = parse_numeral(match.group("num"))
    if match.group("mult") and unit_kinds()[unit] != "percent":
        value *= multipliers()[match.group("mult")]
    inside = match.group("inside") or match.group("inside2")
    qualifier, outer_start, outer_end = _qualifier(text, match, inside)
    return Quantity(float(value), unit, match.start(), match.end("unit"), qualifier,
                    outer_start, outer_end)


def produce_percent_in_words(match: re.Match, text: str) -> Quantity | None:
    value = parse_numeral(match.group("num"))
    qualifier, outer_start, outer_end = _qualifier(text, match, None)
    return Quantity(float(value), "%", match.start(), match.end("num"), qualifier, outer_start, outer_end)


@cache
def quantity_rules() -> tuple[QuantityRule, ...]:
    inside = alternation(qualifier_words("inside"))
    after = alternation(qualifier_words("after"))
    return (
        QuantityRule(
            "numeral_with_unit",
            re.compile(
                rf"(?P<num>{ARABIC}|{CHINESE}){SPACE}(?P<inside>{inside})?"
                rf"(?P<mult>{alternation(multipliers())})?(?P<inside2>{inside})?{SPACE}"
                rf"(?P<unit>{alternation(unit_kinds())})(?:{SPACE}(?P<after>{after}))?"),
            produce_numeral_with_unit),
        QuantityRule(
            "percent_in_words",
            re.compile(rf"百分之(?P<num>{ARABIC}|{CHINESE})(?:{SPACE}(?P<after>{after}))?"),
            produce_percent_in_words),
    )


LIST_ITEM = re.compile(rf"(?P<num>{ARABIC})(?P<mult>[万亿])?、")


def quantities_sharing_unit(text: str, found: list[Quantity]) -> list[Quantity]:
    """195、261元: a bare number listed before a quantity takes that quantity's unit."""
    by_start = {q.start: q for q in found}
    shared: list[Quantity] = []
    for match in reversed(list(LIST_ITEM.finditer(text))):
        follower = by_start.get(match.end())
        if follower is None or CODE_CHARS.match(text[match.start() - 1: match.start()] or " "):
            continue
        value = parse_numeral(match.group("num"))
        if match.group("mult") and unit_kinds()[follower.unit] != "percent":
            value *= multipliers()[match.group("mult")]
        end = match.end() - 1
        quantity = Quantity(float(value), follower.unit, match.start(), end,
                            follower.qualifier, match.start(), end)
        by_start[quantity.start] = quantity
        shared.append(quantity)
    return shared


def _is_excluded(text: str, quantity: Quantity, names: list[tuple[int, int]]) -> bool:
    return (exclusions.is_ordinal(text, quantity.start)
            or exclusions.starts_named_set(text, quantity.start)
            or exclusions.inside_any(quantity.start, names))


def _drop_overlaps(quantities: list[Quantity]) -> list[Quantity]:
    kept: list[Quantity] = []
    for quantity in sorted(quantities, key=lambda q: (q.start, -(q.end - q.start))):
        if kept and quantity.start < kept[-1].end:
            continue
        kept.append(quantity)
    return kept


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text` that may be a metric, in text order."""
    found = []
    for rule in quantity_rules():
        for match in rule.pattern.finditer(text):
            try:
                quantity = rule.produce(match, text)
            except NotANumeral:
                continue
            if quantity is not None:
                found.append(quantity)
    found = _drop_overlaps(found)
    found += quantities_sharing_unit(text, found)
    names = exclusions.quoted_spans(text)
    return sorted((q for q in found if not _is_excluded(text, q, names)), key=lambda q: q.start)
