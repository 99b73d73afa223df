"""Counting units and the multipliers folded into values (data: units.toml)."""
from __future__ import annotations

import re
from functools import cache

from transforms.lexicon import load_toml
from transforms.rules.numbers import parse_numeral

UNIT_KINDS = ("count", "money", "percent", "duration", "score", "measure")


# The grouping of a feedback list right before its size (反馈4个方面15个问题, 三个方面十二项问题): every
# size is a figure, counting real things the feedback names (fixtures README, session 34), though
# 个方面 alone is a report's own structure (units.toml false_friends, exclusions.toml structure_count)
LIST_GROUPING = re.compile(r"个方面\s*[\d一二三四五六七八九十两]+\s*(?:个|项|条)")

# the items of a list of names written right before its size, each quoted (“助学圆梦”、“助残扶贫”六个方面)
ITEMS_LISTED = re.compile(r"(?:[“\"][^”\"，,。；;]{2,12}[”\"][、和及])+[“\"][^”\"，,。；;]{2,12}[”\"]$")


def sizes_list_before(text: str, start: int, numeral: str) -> bool:
    """Whether its clause names, right before `start`, a list of as many quoted names as `numeral`
    says: the names of real things (programmes, campaigns). Fields listed bare (居住环境、医疗文体、
    教育服务三个方面) are how the work is laid out, which round 23's gold skips."""
    clause = max(text.rfind(mark, 0, start) for mark in "，,。；;：:\n") + 1
    listed = ITEMS_LISTED.search(text, clause, start)
    return listed is not None and len(re.split("[、和及]", listed.group())) == parse_numeral(numeral)


# A quantity's unit when the text gives none (6.87万建档立卡贫困人口): it counts something, so the
# rules read it as a count; the mention carries unit null (spec §5).
NO_UNIT = ""


@cache
def unit_kinds() -> dict[str, str]:
    """Every known unit mapped to its kind (count, money, percent, duration, score, measure),
    a count unit with what else it counts in brackets included, as written without them
    (家(次) → 家次, 户(人)次 → 户人次)."""
    table = load_toml("units.toml")
    kinds = {unit: kind for kind in UNIT_KINDS for unit in (*table[kind]["units"], *table[kind].get("by_rule", ()))}
    kinds.update({unit: "count" for unit in visit_units()})
    for written, _ in compound_units():
        kinds.setdefault(written, "count")
    kinds[NO_UNIT] = "count"
    return kinds


@cache
def compound_brackets() -> tuple[str, ...]:
    return tuple(load_toml("units.toml")["compound"]["brackets"])


def unbracketed(brackets: str) -> str:
    """What a unit's brackets add, the brackets dropped (the fixtures README, session 31)."""
    return brackets.replace("(", "").replace(")", "")


@cache
def compound_units() -> tuple[tuple[str, str], ...]:
    """Each count unit with what else it counts in brackets, as written without them, and the
    count unit it extends: (家次, 家), (户人次, 户) …; and each one-character count unit with a
    package after a slash: (件/箱, 件) …"""
    counts = load_toml("units.toml")["count"]["units"]
    return tuple((unit + unbracketed(brackets), unit) for unit in counts for brackets in compound_brackets()) + \
        tuple((unit + "/" + package, unit) for unit in counts if len(unit) == 1
              for package in slashed_packages() if package != unit)


@cache
def slashed_packages() -> tuple[str, ...]:
    """The packages a count of goods may name after a slash (3250件/箱)."""
    return tuple(load_toml("units.toml")["compound"]["slashed"])


@cache
def simple_units() -> tuple[str, ...]:
    """The units as written without brackets, the ones a quantity's pattern looks for."""
    table = load_toml("units.toml")
    return tuple(unit for kind in UNIT_KINDS for unit in table[kind]["units"]) + visit_units()


@cache
def visit_units() -> tuple[str, ...]:
    """A count unit with 次 after it counts the times of it, as 人次 counts visits of people
    (出动车辆302台次, 走访企业120家次): every one-character count unit so, unless listed already
    or a rank or another word (名次, 本次)."""
    count = load_toml("units.toml")["count"]
    times = count["times"]
    listed = set(count["units"])
    return tuple(unit + times["suffix"] for unit in count["units"]
                 if len(unit) == 1 and unit != times["suffix"] and unit + times["suffix"] not in listed
                 and unit not in times["not_after"])


@cache
def unit_words() -> dict[str, str]:
    """Units written with a word after them that counts the same thing, mapped to the counting
    unit: 2181人口 is 2181 人; money said so too: 3块钱 is 3 元; a span with 多 inside its unit
    too: 3个多月 is 3 个月."""
    table = load_toml("units.toml")
    return {**table["count"]["words"], **table["money"].get("words", {}), **table["percent"].get("words", {}),
            **table["duration"].get("words", {})}


def known_units() -> frozenset[str]:
    return frozenset(unit_kinds()) - {NO_UNIT}


@cache
def multipliers() -> dict[str, int]:
    return dict(load_toml("units.toml")["multipliers"])


def units_opening_with_multiplier() -> list[str]:
    """Units whose first character is a multiplier's (千公顷, 千克): there it is no multiplier."""
    return [u for u in simple_units() if any(u.startswith(m) and u != m for m in multipliers())]


@cache
def false_friends() -> re.Pattern:
    """Words that start with a unit's characters but are not that unit (家庭, 场所, 期间), unless
    the unit and the word after it are read so (380项目标任务 is 380项 and 目标任务)."""
    table = load_toml("units.toml")["false_friends"]
    return re.compile(rf"(?!{alternation(table['unit_then_word'])})(?:{alternation(table['words'])})")


def alternation(words) -> str:
    """A regex alternation that tries longer words first, so 人次 wins over 人."""
    return _alternation(tuple(words))


@cache
def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def event_units() -> frozenset[str]:
    """Count units that count occurrences of an event (次, 场, 期 …), not things or people."""
    return frozenset(load_toml("units.toml")["events"]["units"])


@cache
def arabic_only() -> tuple[frozenset[str], str]:
    """Units read after Arabic digits only, and the characters that make the number a clock
    time when they stand right before it."""
    table = load_toml("units.toml")["arabic_only"]
    return frozenset(table["units"]), table["not_after"]


@cache
def place_suffixes() -> str:
    return load_toml("units.toml")["place_suffixes"]["chars"]


@cache
def unit_family() -> dict[str, str]:
    """Unit → its family name; a unit in no family is a family of its own. A count with what
    else it counts in brackets is of its own unit's family, a visit when it ends in 次 (户(人)次 → 户人次)."""
    families = load_toml("units.toml")["families"]
    table = {unit: name for name, units in families.items() for unit in units}
    table.update({unit: "visits" for unit in visit_units()})
    for written, unit in compound_units():
        family = "visits" if written.endswith("次") else table.get(unit)
        if family:
            table.setdefault(written, family)
    return table


def same_family(a: str, b: str) -> bool:
    if a == b:
        return True
    family = unit_family()
    if a in family or b in family:
        return family.get(a) == family.get(b)
    return unit_kinds().get(a) == unit_kinds().get(b) != "count"


@cache
def numeral_place_names() -> re.Pattern:
    """Names in the gazetteer that open with a Chinese numeral (七台河市, 五家渠市, 三台县),
    with and without their suffix, as one pattern: a numeral and unit opening one is a place."""
    from transforms.gazetteer import gazetteer_rows

    names = {row["name"] for row in gazetteer_rows() if row["name"][:1] in "一二三四五六七八九十百千两"}
    stems = {name[:-1] for name in names if len(name) > 2 and name[-1] in place_suffixes()}
    return re.compile(alternation(names | stems))


@cache
def table_headers() -> dict[str, tuple[str, int]]:
    """{what a table header ends with: (unit, multiplier)}: 人数 → 人, 万元 → 元 ×10⁴."""
    return {ending: (unit, factor) for ending, (unit, factor) in load_toml("units.toml")["table_headers"].items()}
