"""Traditional → simplified characters, length-preserving, so offsets into the text as
written stay valid on the simplified copy that rules and gazetteers match against."""
from __future__ import annotations

from functools import cache

from transforms.lexicon import load_toml


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """`text` with traditional characters simplified, character for character.

    OpenCC converts by phrase; when a phrase changes length (rare), the text is converted
    one character at a time instead so that every offset still points at the same place.
    """
    if text.isascii():
        return text
    converted = _converter().convert(text)
    if len(converted) != len(text):
        converted = "".join(_convert_char(c) for c in text)
    return converted.translate(_variants())


@cache
def _variants() -> dict[int, str]:
    """str.translate table of the variants OpenCC leaves (data/simplify_variants.toml)."""
    return {ord(variant): simplified for variant, simplified in load_toml("simplify_variants.toml")["variants"].items()}


@cache
def _convert_char(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char
