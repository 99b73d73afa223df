"""Search terms of a sentence: the words of the document's one jieba cut (transforms/tokens.py)
inside the sentence, in simplified form.

The warehouse keeps them per sentence (sentence_terms) and ranks with BM25; a query is cut
the same way, so a query word and an indexed word match exactly when jieba cuts them alike.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

from transforms.lexicon import load_words
from transforms.simplify import to_simplified
from transforms.tokens import ANNOTATION, TokenStream

@cache
def stop_words() -> frozenset[str]:
    return frozenset(load_words("search_stop_words.txt"))


def terms_of(words: list[str]) -> Counter[str]:
    stops = stop_words()
    words = [(ANNOTATION.sub("", w) if "(" in w else w).lower() for w in words]  # without_annotations
    return Counter(w for w in words if w not in stops)


def search_terms(text: str) -> Counter[str]:
    """Each term of `text` (a query) with how often it occurs."""
    simplified = to_simplified(text)
    return terms_of(TokenStream(simplified).words(0, len(simplified)))


def sentence_terms(stream: TokenStream, start: int, end: int) -> Counter[str]:
    """Each term of the sentence at [start, end) of the document `stream` cut."""
    return terms_of(stream.words(start, end))
