"""Numbers that are not metrics although a unit follows: ordinals, names in quotes or
titles, numbered slogans. (Dates, document numbers and outline numbers never reach this far:
年, 号, 、 are no units.)"""
from __future__ import annotations

import re

from transforms.lexicon import load_words

# Paired marks whose short content is a name, a slogan or a title: “123”模式, 《2025年…要点》.
NAME_MARKS = {"“": "”", "《": "》", "‘": "’", "「": "」", "『": "』", '"': '"'}
LONGEST_NAME = 40


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of short quoted names and titles; long quotations are prose and are not listed."""
    spans = []
    for opening, closing in NAME_MARKS.items():
        pattern = re.compile(f"{re.escape(opening)}[^{re.escape(closing)}\n]{{1,{LONGEST_NAME}}}{re.escape(closing)}")
        spans.extend(m.span() for m in pattern.finditer(text))
    return sorted(spans)


def inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


ORDINAL_BEFORE = ("第", "届")


def is_ordinal(text: str, start: int) -> bool:
    """第三师, 第3页, 十五届七次全会: a number after 第 or 届 ranks, it does not count."""
    return text.endswith(ORDINAL_BEFORE, 0, start)


def starts_named_set(text: str, start: int) -> bool:
    """两项补贴, 三项制度: a numbered name written without quotes."""
    return any(text.startswith(name, start) for name in load_words("named_sets.txt"))
