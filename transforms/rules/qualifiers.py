"""Qualifier words around a number and the spec value each gives (data: qualifiers.toml)."""
from __future__ import annotations

import re
from functools import cache

from transforms.lexicon import load_toml
from transforms.model import Qualifier


@cache
def qualifier_words(position: str) -> dict[str, Qualifier]:
    """Words for one position (`before`, `inside`, `after`, `after_duration`, `clause` or `share`)
    mapped to their qualifier."""
    return {word: Qualifier(value) for word, value in load_toml("qualifiers.toml")[position].items()}


@cache
def _longest_first(position: str) -> tuple[tuple[str, Qualifier], ...]:
    return tuple(sorted(qualifier_words(position).items(), key=lambda kv: -len(kv[0])))


@cache
def _before_words() -> tuple[str, ...]:
    return tuple(qualifier_words("before"))


# what a rate's figure opens with (不低于每人每月60元, 不超过人均300元): the qualifier before it
# bounds the figure all the same
RATE_OPENER = re.compile(r"(?:每人每[月年天]|每户每[月年]|每[人户月年]|人均|户均)$")


def qualifier_before(text: str, start: int) -> tuple[str, Qualifier] | None:
    """The longest qualifier word that ends right at `start`, or right before a rate's opener
    there (`word` then covers both), if any."""
    opener = RATE_OPENER.search(text, max(0, start - 4), start)
    end = opener.start() if opener else start
    if not text.endswith(_before_words(), 0, end):  # one test for all (most figures have none)
        return None
    word, qualifier = next(((word, q) for word, q in _longest_first("before") if text.endswith(word, 0, end)), (None, None))
    if word is None or text[end - len(word) - 1:end - len(word)] in _word_ends().get(word, ()):
        return None  # 签约|1.2万人: the word's last character, no bound
    return text[end - len(word):start], qualifier


@cache
def _word_ends() -> dict[str, list[str]]:
    """A bound word → the characters before it that make it the end of another word (签|约)."""
    return load_toml("qualifiers.toml")["word_ends"]


# A clause qualifier reaches back to the clause start, but not past another number, and a
# quoted name is no qualifier (“最多跑一次”事项).
CLAUSE_START = re.compile(r"[,，;；。：:!！?？\n\d]")
QUOTED = re.compile(r"“[^”\n]*”")


def qualifier_in_clause(text: str, start: int) -> Qualifier | None:
    """The qualifier of a clause word (至少, 最多) earlier in the clause that ends at `start`, or
    of a share word (不低于) when the clause names what the number is a share of (…的60%)."""
    window = text[max(0, start - 30):start]
    breaks = list(CLAUSE_START.finditer(window))
    clause = QUOTED.sub("", window[breaks[-1].end():] if breaks else window)
    found = next((q for word, q in qualifier_words("clause").items() if word in clause), None)
    if found is None and clause.endswith("的"):  # 不低于当地…收入的60%: a bounded share
        found = next((q for word, q in _longest_first("share") if word in clause), None)
    return found
