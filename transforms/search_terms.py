"""Search terms of a sentence: jieba words with the domain dictionary, in simplified form.

The warehouse keeps them per sentence (sentence_terms) and ranks with BM25; a query is cut
by the same function, so a query word and an indexed word match exactly when jieba cuts
them alike.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from transforms.lexicon import load_words
from transforms.rules.subjects import tokenizer
from transforms.simplify import to_simplified

# a term carries a Chinese character or a Latin letter; numbers and punctuation are not searched
SEARCHABLE = re.compile(r"[\u4e00-\u9fffA-Za-z]")


@cache
def stop_words() -> frozenset[str]:
    return frozenset(load_words("search_stop_words.txt"))


def search_terms(text: str) -> Counter[str]:
    """Each term of `text` with how often it occurs."""
    stops = stop_words()
    words = tokenizer().lcut(to_simplified(text))
    return Counter(w.lower() for w in words if SEARCHABLE.search(w) and w not in stops)
