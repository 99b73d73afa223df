"""Extraction rules, one module per dimension (numbers, units, qualifiers, exclusions, quantities,
tables, subjects, indicators, kinds, periods), in the manner of Duckling: each rule a small named pattern
with its production. The words they use live in transforms/data; the examples they must satisfy
in transforms/corpus, one file per rule, run by tests/test_corpus.py."""
from __future__ import annotations

import re
from re import _constants as sre, _parser as sre_parse


class computed_once:
    """A property computed on first use and kept in the instance (also a frozen dataclass's):
    functools.cached_property without the lock it takes on every first read in Python 3.11,
    which costs more than what the rules compute per figure."""

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


def first_opening(text: str, words: tuple[str, ...], longer: bool = False) -> str | None:
    """The first of `words` that `text` opens with (and is longer than, with `longer`), or None.
    str.startswith over the whole tuple is asked first: most texts open with none of the words."""
    if not text.startswith(words):
        return None
    return next((w for w in words if text.startswith(w) and (not longer or len(text) > len(w))), None)


def first_closing(text: str, words: tuple[str, ...], longer: bool = False) -> str | None:
    """The first of `words` that `text` closes with (and is longer than, with `longer`), or None."""
    if not text.endswith(words):
        return None
    return next((w for w in words if text.endswith(w) and (not longer or len(text) > len(w))), None)


def finditer_at(pattern: re.Pattern, opens: re.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """pattern.finditer(text, pos, endpos) for a pattern that never matches empty and whose every
    match opens with what `opens` finds: tried only there (its lookbehinds still see the text before)."""
    endpos = len(text) if endpos is None else endpos
    find, match = opens.search, pattern.match
    while (opening := find(text, pos, endpos)) is not None:
        found = match(text, opening.start(), endpos)
        if found is None:
            pos = opening.start() + 1
        else:
            yield found
            pos = found.end()


def finditer(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """pattern.finditer(text, pos, endpos), tried only where a match can open (`openings`) when the
    regex engine finds no such prefix itself: a pattern opening with a lookbehind, a ^ or a group of
    alternations is otherwise tried at every position of the text."""
    opens = openings(pattern)
    if opens is None:
        return pattern.finditer(text, pos, len(text) if endpos is None else endpos)
    return finditer_at(pattern, opens, text, pos, endpos)


def blanked(pattern: re.Pattern, text: str) -> str:
    """pattern.sub(lambda m: " " * len(m.group()), text), its matches found by `finditer`: each
    blanked, the text keeping its length and offsets."""
    pieces, last = [], 0
    for found in finditer(pattern, text):
        start, end = found.span()
        pieces += (text[last:start], " " * (end - start))
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def openings(pattern: re.Pattern) -> re.Pattern | None:
    """A character class matching the first character of every match of `pattern` (lookarounds
    and anchors read no character), or None when there is no such short class or the pattern may
    match empty. Kept by the pattern's identity: hashing a pattern hashes its whole compiled code
    (20 µs for the kind rules' cues)."""
    kept = _openings.get(id(pattern))
    if kept is None or kept[0] is not pattern:
        kept = _openings[id(pattern)] = (pattern, _first_class(pattern))
    return kept[1]


_openings: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}


def opening_guard(regex: str) -> str:
    """A lookahead for the characters every match of `regex` opens with, to put before it ("" when
    there is no such short class): the regex engine tries a long alternation's branches one by one,
    and the lookahead fails at once where none can open (a numeral followed by no unit, each digit
    of it backtracked to)."""
    first = _first_characters(sre_parse.parse(regex))
    if first is None or first[1]:
        return ""
    return "(?=[" + "".join(sorted(set(first[0]))) + "])"


def _first_class(pattern: re.Pattern) -> re.Pattern | None:
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        first = _first_characters(sre_parse.parse(pattern.pattern, pattern.flags))
    except (KeyError, ValueError):
        return None
    if first is None or first[1]:
        return None
    return re.compile("[" + "".join(sorted(set(first[0]))) + "]")


def _first_characters(items) -> tuple[list[str], bool] | None:
    """(class items the first character read by a parsed sequence is among, whether it may read
    none), None when that is not a short class."""
    found: list[str] = []
    for op, value in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # reads no character
        if op is sre.LITERAL:
            return found + [re.escape(chr(value))], False
        if op is sre.IN:
            if any(item is sre.NEGATE for item, _ in value):
                return None
            return found + [_class_item(item, argument) for item, argument in value], False
        if op is sre.BRANCH:
            branches = [_first_characters(branch) for branch in value[1]]
            if any(branch is None for branch in branches):
                return None
            found += [item for branch in branches for item in branch[0]]
            if not any(branch[1] for branch in branches):
                return found, False
        elif op in (sre.SUBPATTERN, sre.ATOMIC_GROUP, sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if op is sre.SUBPATTERN and value[1] & re.IGNORECASE:
                return None
            inner = _first_characters(value if op is sre.ATOMIC_GROUP else value[-1])
            if inner is None:
                return None
            found += inner[0]
            if not inner[1] and not (op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] == 0):
                return found, False
        else:
            return None  # any character, a back reference, a conditional …
    return found, True


CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
              sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}


def _class_item(op, value) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(value))
    if op is sre.RANGE:
        return f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"
    if op is sre.CATEGORY:
        return CATEGORIES[value]
    raise ValueError(op)
