"""One jieba cut per document: the words every rule reads, by offsets.

jieba (precise mode, no HMM, with the domain words of data/subject_*.txt) cuts each run of
Chinese characters and Latin letters of the document's simplified text once. Digits,
punctuation and spaces are never cut, nor are the spans of the quantities (numbers with their
units and qualifiers), which our own patterns find: so no word straddles a number, and
`七个人民调解委员会` cannot give the word 个人. Search terms, subjects and indicators then read
slices of this one stream (`words(start, end)`) instead of cutting their clause again.

A query or a phrase that is not part of a document (an indicator's synonym) is cut by the
same function (`cut_phrase`), so a query word and an indexed word match when jieba cuts them
alike.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cache
from math import log

from transforms.lexicon import load_words

# What jieba cuts: runs of Chinese characters and Latin letters.
WORD_RUN = re.compile(r"[\u3007\u4e00-\u9fffA-Za-z]+")
DOMAIN_WORD_FILES = ("subject_terms.txt", "subject_strip_words.txt", "subject_verbs.txt",
                     "subject_agents.txt", "subject_fillers.txt")


@cache
def tokenizer():
    """jieba's tokenizer with the domain words: names of what is counted (subject_terms.txt,
    with their frequencies) and the words the subject rules must see whole."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for name in DOMAIN_WORD_FILES:
        for line in load_words(name):
            word, _, freq = line.partition(" ")
            tk.add_word(word, int(freq) if freq else None)
    return tk


class _Dictionary:
    """jieba's word frequencies as log probabilities, read from its tokenizer."""

    def __init__(self):
        tk = tokenizer()
        self.freq = tk.FREQ  # every word and every prefix of one (prefixes with 0)
        self.log_total = log(tk.total)
        self.logp: dict[str, float] = {}

    def log_probability(self, word: str) -> float | None:
        """None for a prefix that is no word."""
        found = self.logp.get(word)
        if found is None:
            count = self.freq[word]
            if not count:
                return None
            found = self.logp[word] = log(count) - self.log_total
        return found


@cache
def _dictionary() -> _Dictionary:
    return _Dictionary()


def _cut_run(run: str, offset: int, starts: list[int], ends: list[int]) -> None:
    """jieba's precise cut without HMM of one run, as offsets: the route of highest
    probability through the words of its dictionary (Tokenizer.get_DAG and .calc, in one
    loop; tests/test_tokens.py holds it to jieba's own output). An unknown character is a word;
    consecutive single Latin letters are one word, as jieba gives them."""
    dictionary = _dictionary()
    freq, log_probability, unknown = dictionary.freq, dictionary.log_probability, -dictionary.log_total
    length = len(run)
    score = [0.0] * (length + 1)
    route = [0] * (length + 1)
    for start in range(length - 1, -1, -1):
        best, best_end = None, start + 1
        end, word = start + 1, run[start]
        while word in freq:
            probability = log_probability(word)
            if probability is not None and (best is None or probability + score[end] >= best):
                best, best_end = probability + score[end], end
            end += 1
            if end > length:
                break
            word = run[start:end]
        score[start] = unknown + score[start + 1] if best is None else best
        route[start] = best_end
    position, latin = 0, -1
    while position < length:
        end = route[position]
        if end == position + 1 and run[position] < "\u0080":
            if latin < 0:
                latin = position
        else:
            if latin >= 0:
                starts.append(offset + latin)
                ends.append(offset + position)
                latin = -1
            starts.append(offset + position)
            ends.append(offset + end)
        position = end
    if latin >= 0:
        starts.append(offset + latin)
        ends.append(offset + length)


class TokenStream:
    """The words of a text by offsets: `starts[i]:ends[i]` is word i."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, holes: Iterable[tuple[int, int]] = ()):
        """Cut `text`, leaving out the spans in `holes` (sorted, not overlapping)."""
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        holes = list(holes)
        hole = 0
        for match in WORD_RUN.finditer(text):
            start, end = match.span()
            while hole < len(holes) and holes[hole][1] <= start:
                hole += 1
            index = hole
            while index < len(holes) and holes[index][0] < end:
                hole_start, hole_end = holes[index]
                if hole_start > start:
                    _cut_run(text[start:hole_start], start, self.starts, self.ends)
                start = max(start, hole_end)
                index += 1
            if start < end:
                _cut_run(text[start:end], start, self.starts, self.ends)

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The words inside [start, end), a word crossing either edge cut at it."""
        first = max(bisect_right(self.ends, start), 0)
        last = bisect_left(self.starts, end)
        return [(max(s, start), min(e, end)) for s, e in zip(self.starts[first:last], self.ends[first:last])
                if min(e, end) > max(s, start)]

    def words(self, start: int, end: int) -> list[str]:
        text = self.text
        return [text[s:e] for s, e in self.spans(start, end)]


@cache
def cut_phrase(phrase: str) -> tuple[str, ...]:
    """The words of a phrase outside any document (a query, a synonym), cut the same way."""
    return tuple(TokenStream(phrase).words(0, len(phrase)))
