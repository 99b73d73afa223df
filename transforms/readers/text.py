"""Turning bytes into text, and telling real Chinese text from undecodable garbage.

Used by the txt and html readers for decoding, and by read_bytes for every format to
refuse text that no person could read (binary noise, mojibake, an empty document).
"""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from functools import cache

import numpy as np

from charset_normalizer import from_bytes

from ._data import data_lines
from .meta import extract_text_meta
from .model import RawDocument, UnreadableDocument

# Declared charsets that are subsets of GB18030: decoding with GB18030 never loses text.
GB_FAMILY = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "euc-cn", "cp936", "ms936", "gb18030"}
BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "utf-16"))

# of letters; below this the text is not Chinese (or wrongly decoded)... An English gloss spends
# four or five letters on each Chinese character it glosses (社会福利院 Social Welfare Homes), so a
# short bilingual table has about 0.2; an English page quoting a Chinese name has under 0.05
MIN_CJK_SHARE = 0.12
MIN_CJK_CHARACTERS = 100  # ...unless it has this many: a bilingual page (a yearbook table with
# English row labels) is mostly Latin letters, and its Chinese is real
MIN_COMMON_SHARE = 0.25  # of CJK; real text ~0.9, traditional ~0.55, mojibake ~0.05
MAX_BAD_SHARE = 0.01  # replacement or control characters tolerated, of non-space chars


def read_txt(data: bytes, filename: str) -> RawDocument:
    """A plain-text report; a leading portal metadata block goes to page_meta."""
    text, encoding = decode_text(data)
    meta, body = extract_text_meta(text)
    return RawDocument("txt", body, encoding, meta)


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes as text and name the encoding used.

    Order: a byte-order mark, strict UTF-8 (never decodes GBK text by accident), the
    declared charset (html), charset-normalizer's best guess; failing all of those
    strictly, the one of them that needs the fewest replacement characters.
    """
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            return _strict_decode(data, codec, name)
    for charset in ("utf-8", declared):
        if decoded := _try_decode(data, charset):
            return decoded
    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    if decoded := _try_decode(data, guess):
        return decoded
    return _decode_damaged(data, [declared, guess, "gb18030", "utf-8"])


def _try_decode(data: bytes, charset: str | None) -> tuple[str, str] | None:
    """(text, encoding name) when data is strictly valid in charset, else None."""
    if not charset:
        return None
    try:
        return data.decode(_codec(charset)), _encoding_name(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def _codec(charset: str) -> str:
    """The Python codec for a charset name; the GB family widens to its superset GB18030."""
    return "gb18030" if charset.lower() in GB_FAMILY else charset


def _encoding_name(charset: str) -> str:
    """A codec's canonical name as reported in RawDocument.encoding (utf-8, gb18030, big5)."""
    return codecs.lookup(_codec(charset)).name.replace("_", "-")


def _strict_decode(data: bytes, codec: str, name: str) -> tuple[str, str]:
    """Decode or explain which encoding failed."""
    try:
        return data.decode(codec), name
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            f"the text is not valid {name} (undecodable bytes at offset {exc.start})") from exc


def _decode_damaged(data: bytes, charsets: list[str | None]) -> tuple[str, str]:
    """Real files carry the odd broken byte: take the encoding that needs the fewest
    replacement characters, if it needs only a few."""
    results = []
    for charset in dict.fromkeys(c for c in charsets if c):
        try:
            text = data.decode(_codec(charset), errors="replace")
        except LookupError:
            continue
        results.append((text.count("\ufffd"), text, _encoding_name(charset)))
    bad, text, name = min(results, key=lambda result: result[0])
    if bad > MAX_BAD_SHARE * max(1, len(text)):
        raise UnreadableDocument(
            "the text encoding could not be determined (not UTF-8, GB18030/GBK or UTF-16)")
    return text, name


def check_readable_text(text: str, source: str) -> None:
    """Raise UnreadableDocument unless text looks like a Chinese report a person can read.

    source names the format in the reason, e.g. "the PDF". Each distinct character is
    counted in one vectorised pass and judged once (and remembered across documents): a
    Python loop over every character cost more than all the quantity rules together.
    """
    classes, counts = character_classes(text)
    visible = int(counts[classes & SPACE == 0].sum())
    if not visible:
        raise UnreadableDocument(f"{source} contains no text")
    bad = int(counts[classes & UNDECODED != 0].sum())
    if bad > MAX_BAD_SHARE * visible:
        raise UnreadableDocument(
            f"{source} has {bad} characters that could not be decoded; "
            "its encoding is broken or unknown")
    if counts[classes & CONTROL != 0].sum() > MAX_BAD_SHARE * visible:
        raise UnreadableDocument(f"{source} contains binary data (control characters), not text")
    letters = int(counts[classes & LETTER != 0].sum())
    cjk = int(counts[classes & CJK != 0].sum())
    if not cjk or (cjk < MIN_CJK_SHARE * letters and cjk < MIN_CJK_CHARACTERS):
        raise UnreadableDocument(
            f"{source} has almost no Chinese characters ({cjk} of {letters} letters): "
            "it is not a Chinese report, or its encoding is wrong")
    share = counts[classes & COMMON != 0].sum() / cjk
    if cjk >= 30 and share < MIN_COMMON_SHARE:
        raise UnreadableDocument(
            f"{source} looks garbled: only {share:.0%} of its Chinese characters are common ones "
            "(wrong encoding, or a font without a Unicode map)")


# Classes of a character, as bits (character_class).
SPACE, UNDECODED, CONTROL, LETTER, CJK, COMMON, ALPHANUMERIC = 1, 2, 4, 8, 16, 32, 64


def character_classes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The class bits of each distinct character of text and how often it occurs.

    Classes are looked up in a table over all code points, filled in as characters are
    first seen (a corpus uses a few thousand), so a text costs a few vectorised passes."""
    codes, counts = np.unique(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32),
                              return_counts=True)
    table, known = _class_table()
    for code in codes[~known[codes]].tolist():
        table[code], known[code] = character_class(code), True
    return table[codes], counts


@cache
def _class_table() -> tuple[np.ndarray, np.ndarray]:
    """Class bits per code point, and which of them are filled in."""
    return np.zeros(sys.maxunicode + 1, dtype=np.uint8), np.zeros(sys.maxunicode + 1, dtype=bool)


def character_class(code: int) -> int:
    """SPACE (str.isspace), UNDECODED (U+FFFD), CONTROL (category Cc, not a space), LETTER
    (str.isalpha), CJK (a letter is_cjk accepts), COMMON (a CJK letter of common_hanzi) and
    ALPHANUMERIC (str.isalnum)."""
    ch = chr(code)
    bits = SPACE if ch.isspace() else CONTROL if unicodedata.category(ch) == "Cc" else 0
    if ch.isalnum():
        bits |= ALPHANUMERIC
    if ch == "\ufffd":
        bits |= UNDECODED
    if ch.isalpha():
        bits |= LETTER
        if is_cjk(ch):
            bits |= CJK | (COMMON if ch in common_hanzi() else 0)
    return bits


def is_cjk(ch: str) -> bool:
    """A CJK unified or compatibility ideograph (basic block, extensions, compatibility)."""
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3134F)


CJK_CHAR = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f]")


def count_cjk(text: str) -> int:
    """The number of characters of text that is_cjk accepts, at C speed."""
    return len(CJK_CHAR.findall(text))


@cache
def common_hanzi() -> frozenset[str]:
    """The frequent characters listed in reader_common_hanzi.txt."""
    return frozenset("".join(data_lines("reader_common_hanzi.txt")))
