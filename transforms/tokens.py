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
from pathlib import Path

from transforms.lexicon import load_words

# What jieba cuts: runs of Chinese characters and Latin letters. Some sites write the pinyin of
# a character after it (發(fā)放, 農(nóng)村): such a run is cut without it, the words keeping
# their place in the text.
PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
PINYIN = rf"\([{PINYIN_LETTERS}]{{1,6}}\)"
ANNOTATION = re.compile(PINYIN)
WORD_RUN = re.compile(rf"[\u3007\u4e00-\u9fffA-Za-z]+(?:{PINYIN}[\u3007\u4e00-\u9fff]+)*(?:{PINYIN})?")
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

    # what `scores` holds for a prefix that is no word (a log probability is never above 0)
    PREFIX = 1.0

    def __init__(self):
        tk = tokenizer()
        self.freq = tk.FREQ  # every word and every prefix of one (prefixes with 0)
        self.log_total = log(tk.total)
        # the log probability of each word met so far, PREFIX for a prefix: one lookup a step
        self.scores: dict[str, float] = {}

    def log_probability(self, word: str) -> float | None:
        """None for a prefix that is no word."""
        found = self.score(word)
        return None if found == self.PREFIX else found

    def score(self, word: str) -> float | None:
        """The word's log probability, PREFIX for a prefix, None for neither (kept)."""
        found = self.scores.get(word)
        if found is None:
            count = self.freq.get(word)
            if count is None:
                return None
            found = self.scores[word] = log(count) - self.log_total if count else self.PREFIX
        return found


@cache
def _dictionary() -> _Dictionary:
    return _Dictionary()


def _cut_annotated(run: str, offset: int, starts: list[int], ends: list[int]) -> None:
    """A run holding pinyin annotations, cut as if they were not there."""
    kept = [i for i, char in enumerate(run) if not _in_annotation(run, i)]
    view = "".join(run[i] for i in kept)
    view_starts: list[int] = []
    view_ends: list[int] = []
    _cut_run(view, 0, view_starts, view_ends)
    for start, end in zip(view_starts, view_ends):
        starts.append(offset + kept[start])
        ends.append(offset + kept[end - 1] + 1)


def _in_annotation(run: str, index: int) -> bool:
    return any(m.start() <= index < m.end() for m in ANNOTATION.finditer(run))


def _cut_run(run: str, offset: int, starts: list[int], ends: list[int]) -> None:
    """jieba's precise cut without HMM of one run, as offsets: the route of highest
    probability through the words of its dictionary (Tokenizer.get_DAG and .calc, in one
    loop; tests/test_tokens.py holds it to jieba's own output). An unknown character is a word;
    consecutive single Latin letters are one word, as jieba gives them."""
    dictionary = _dictionary()
    scores, freq, log_total, prefix = dictionary.scores, dictionary.freq, dictionary.log_total, _Dictionary.PREFIX
    unknown = -log_total
    length = len(run)
    score = [0.0] * (length + 1)
    route = [0] * (length + 1)
    for start in range(length - 1, -1, -1):
        best, best_end = None, start + 1
        end, word = start + 1, run[start]
        while True:
            probability = scores.get(word)
            if probability is None:  # not met before (dictionary.score, inline)
                count = freq.get(word)
                if count is None:  # neither a word nor a prefix of one
                    break
                probability = scores[word] = log(count) - log_total if count else prefix
            if probability != prefix:
                probability += score[end]
                if best is None or probability >= best:
                    best, best_end = probability, end
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


# Runs whose cut is kept, by their text: reports repeat most of theirs (发放, 城乡低保, 万元) within
# a document and across documents, and a run is cut the same wherever it stands.
CUTS_KEPT = 20_000
_cuts: dict[str, tuple[list[int], list[int]]] = {}


def _cut(run: str, offset: int, starts: list[int], ends: list[int]) -> None:
    cut = _cuts.get(run)
    if cut is None:
        cut = [], []
        (_cut_annotated if "(" in run else _cut_run)(run, 0, *cut)
        if len(_cuts) >= CUTS_KEPT:
            _cuts.clear()
        _cuts[run] = cut
    starts += [offset + start for start in cut[0]]
    ends += [offset + end for end in cut[1]]


def without_annotations(phrase: str) -> str:
    return ANNOTATION.sub("", phrase) if "(" in phrase else phrase


class TokenStream:
    """The words of a text by offsets: `starts[i]:ends[i]` is word i."""

    __slots__ = ("text", "starts", "ends", "derived")

    def __init__(self, text: str, holes: Iterable[tuple[int, int]] = ()):
        """Cut `text`, leaving out the spans in `holes` (sorted, not overlapping)."""
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        # what rules build once from the stream and read many times (subjects' word list)
        self.derived: dict = {}
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
                    _cut(text[start:hole_start], start, self.starts, self.ends)
                start = max(start, hole_end)
                index += 1
            if start < end:
                _cut(text[start:end], start, self.starts, self.ends)

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The words inside [start, end), a word crossing either edge cut at it."""
        starts, ends = self.starts, self.ends
        first = bisect_right(ends, start)
        last = bisect_left(starts, end)
        if first >= last:
            return []
        out = list(zip(starts[first:last], ends[first:last]))
        # only the first and the last word can cross an edge: every word between starts after
        # the first ends and ends before the last starts
        word_start, word_end = out[0]
        if word_start < start or word_end > end:
            word_start, word_end = max(word_start, start), min(word_end, end)
            if word_end > word_start:
                out[0] = (word_start, word_end)
            else:  # an empty range inside one word: that word alone was found
                del out[0]
        if last - first > 1:
            word_start, word_end = out[-1]
            if word_end > end:
                out[-1] = (word_start, end)
        return out

    def words(self, start: int, end: int) -> list[str]:
        text = self.text
        return [text[s:e] for s, e in self.spans(start, end)]


@cache
def cut_phrase(phrase: str) -> tuple[str, ...]:
    """The words of a phrase outside any document (a query, a synonym), cut the same way."""
    return tuple(TokenStream(phrase).words(0, len(phrase)))


# Parts of speech jieba's dictionary gives its words that the rules ask about; person names
# (nr…) and the rest are left out to keep the table small.
TAGS_KEPT = frozenset({"n", "nz", "ns", "nt", "vn", "v", "vd", "a", "ad", "an", "b", "c", "d", "f", "j",
                       "l", "m", "p", "q", "r", "s", "t", "u", "uj", "ul", "uz", "ug", "ud", "uv"})


@cache
def _tags() -> dict[str, str]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    table: dict[str, str] = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            word, _, rest = line.rstrip().partition(" ")
            tag = rest.rpartition(" ")[2]
            if tag in TAGS_KEPT:
                table[word] = tag
    return table


def word_tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives a word (n, v, vn, t, ns, r, p, d …), or None."""
    return _tags().get(word)
