"""Turning bytes into text, and telling real Chinese text from undecodable garbage.

Used by the txt and html readers for decoding, and by read_bytes for every format to
refuse text that no person could read (binary noise, mojibake, an empty document).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

from charset_normalizer import from_bytes

from ._data import data_lines
from .meta import extract_text_meta
from .model import RawDocument, UnreadableDocument

# Declared charsets that are subsets of GB18030: decoding with GB18030 never loses text.
GB_FAMILY = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "euc-cn", "cp936", "ms936", "gb18030"}
BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "utf-16"))

MIN_CJK_SHARE = 0.3  # of letters; below this the text is not Chinese (or wrongly decoded)
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

    source names the format in the reason, e.g. "the PDF".
    """
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        raise UnreadableDocument(f"{source} contains no text")
    bad = sum(1 for ch in visible if ch == "\ufffd")
    if bad > MAX_BAD_SHARE * len(visible):
        raise UnreadableDocument(
            f"{source} has {bad} characters that could not be decoded; "
            "its encoding is broken or unknown")
    controls = sum(1 for ch in visible if unicodedata.category(ch) == "Cc")
    if controls > MAX_BAD_SHARE * len(visible):
        raise UnreadableDocument(f"{source} contains binary data (control characters), not text")
    _check_chinese(visible, source)


def _check_chinese(visible: list[str], source: str) -> None:
    """Refuse text with (almost) no Chinese, or Chinese-looking mojibake."""
    letters = [ch for ch in visible if ch.isalpha()]
    cjk = [ch for ch in letters if is_cjk(ch)]
    if len(cjk) < MIN_CJK_SHARE * max(1, len(letters)) or not cjk:
        raise UnreadableDocument(
            f"{source} has almost no Chinese characters ({len(cjk)} of {len(letters)} letters): "
            "it is not a Chinese report, or its encoding is wrong")
    common = common_hanzi()
    share = sum(1 for ch in cjk if ch in common) / len(cjk)
    if len(cjk) >= 30 and share < MIN_COMMON_SHARE:
        raise UnreadableDocument(
            f"{source} looks garbled: only {share:.0%} of its Chinese characters are common ones "
            "(wrong encoding, or a font without a Unicode map)")


CJK_RANGES = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f"
CJK_CHAR = re.compile(f"[{CJK_RANGES}]")


def count_cjk(text: str) -> int:
    """The number of CJK ideographs in text (as is_cjk counts them), at C speed."""
    return len(text) - len(CJK_CHAR.sub("", text))


def is_cjk(ch: str) -> bool:
    """A CJK unified or compatibility ideograph (basic block, extensions, compatibility)."""
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3134F)


@cache
def common_hanzi() -> frozenset[str]:
    """The frequent characters listed in reader_common_hanzi.txt."""
    return frozenset("".join(data_lines("reader_common_hanzi.txt")))
