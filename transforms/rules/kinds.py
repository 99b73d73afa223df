"""Kind: `target` for a plan, goal or commitment, `actual` for what was done or exists.

A figure in a plans section is a target whatever its words; elsewhere it is one when a target
cue (data: target_cues.toml) stands before it in its sentence: 计划, 力争, 预计, 确保…达到."""
from __future__ import annotations

import re
from functools import cache

from transforms.lexicon import load_toml
from transforms.model import Kind, SectionCategory
from transforms.rules.units import alternation


@cache
def _cues() -> tuple[re.Pattern, re.Pattern]:
    """The cues as one pattern (确保…达到: both words, in that order), and the words that hold a
    cue without being one (工作计划 is a document, not a plan)."""
    table = load_toml("target_cues.toml")
    cues = "|".join(".*?".join(map(re.escape, cue.split("…"))) for cue in table["cues"])
    return re.compile(cues), re.compile(alternation(table["not_cues"]))


def kind_of(before: str, category: SectionCategory) -> Kind:
    """The kind of a figure from its section and `before`, its sentence up to the figure."""
    if category is SectionCategory.PLANS:
        return Kind.TARGET
    cues, not_cues = _cues()
    return Kind.TARGET if cues.search(not_cues.sub("", before)) else Kind.ACTUAL
