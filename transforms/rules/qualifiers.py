"""Qualifier words around a number and the spec value each gives (data: qualifiers.toml)."""
from __future__ import annotations

from functools import cache

from transforms.lexicon import load_toml
from transforms.model import Qualifier


@cache
def qualifier_words(position: str) -> dict[str, Qualifier]:
    """Words for one position (`before`, `inside` or `after`) mapped to their qualifier."""
    return {word: Qualifier(value) for word, value in load_toml("qualifiers.toml")[position].items()}


def qualifier_before(text: str, start: int) -> tuple[str, Qualifier] | None:
    """The longest qualifier word that ends right at `start`, if any."""
    for word, qualifier in sorted(qualifier_words("before").items(), key=lambda kv: -len(kv[0])):
        if text.endswith(word, 0, start):
            return word, qualifier
    return None
