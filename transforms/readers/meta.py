"""Government-portal metadata blocks (索引号, 主题分类, 发文日期, 发布机构, 文号, 标题 ...).

Portals print these label/value pairs above the article; they describe the page, not the
report, so the readers move them into RawDocument.page_meta and out of the text.
"""

from __future__ import annotations

import re
from functools import cache

from ._data import data_lines

HEAD_LINES = 40  # a text file's metadata block sits in its first lines
MAX_VALUE_LEN = 100  # a value on its own line is short and is not a sentence
MIN_PAIRS = 3  # fewer label lines in a text file are more likely prose than a block
SPACES = re.compile(r"[\s\u3000\xa0]+")


@cache
def meta_labels() -> frozenset[str]:
    """The known labels, from reader_meta_labels.txt."""
    return frozenset(data_lines("reader_meta_labels.txt"))


@cache
def _inline_pattern() -> re.Pattern[str]:
    """'label：' anywhere, the label's characters possibly spaced out (索 引 号：); a label
    spaced out to align with the block's others (发布机构:某区民政局关 键 词:…) follows a value
    directly, since prose never spaces a word's characters."""
    labels = sorted(meta_labels(), key=len, reverse=True)
    spaced = (r"[\s\u3000\xa0]*".join(map(re.escape, label)) for label in labels)
    aligned = (r"[ \u3000\xa0]+".join(map(re.escape, label)) for label in labels if len(label) > 1)
    return re.compile(r"(?P<label>(?<![\u4e00-\u9fff])(?:" + "|".join(spaced) + r")|(?:" + "|".join(aligned) + r"))"
                      r"[\s\u3000\xa0]*[:：]")


def label_key(text: str) -> str | None:
    """The label if text is only a metadata label (spaces and a trailing colon allowed)."""
    key = SPACES.sub("", text).rstrip(":：")
    return key if key in meta_labels() else None


def split_inline_pairs(text: str) -> list[tuple[str, str]]:
    """Pairs from text shaped 'label：value label：value'; [] unless it starts with one."""
    if ":" not in text and "：" not in text:
        return []  # every pair's label ends in a colon: most lines need no search
    matches = list(_inline_pattern().finditer(text))
    if not matches or text[: matches[0].start()].strip():
        return []
    ends = [match.start() for match in matches[1:]] + [len(text)]
    return [(SPACES.sub("", match.group("label")), CELL_BARS.sub("", text[match.end(): end]))
            for match, end in zip(matches, ends)]


# The bars of a block laid out as a table round a value (标题:… | |, 发文字号: | 发文时间:… |): no part of it.
CELL_BARS = re.compile(r"^[\s|]+|[\s|]+$")


def extract_text_meta(text: str) -> tuple[dict[str, str], str]:
    """Split a leading metadata block off plain text: (page_meta, remaining text).

    Handles 'label' and 'value' on consecutive lines (a web page saved as text) and
    'label：value' lines. Text without such a block is returned unchanged with {}.
    """
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines[:HEAD_LINES])
                  if label_key(line) or split_inline_pairs(line)), None)
    if start is None:
        return {}, text
    meta, end = _read_meta_lines(lines, start)
    if len(meta) < MIN_PAIRS:
        return {}, text
    return meta, "".join(lines[:start] + lines[end:])


def _read_meta_lines(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """Collect pairs from lines[start:] until a line that is neither label, value nor blank."""
    meta: dict[str, str] = {}
    i = start
    while i < len(lines):
        line = lines[i]
        key = label_key(line)
        if key:
            value = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if _is_value_line(value):
                meta[key] = value
                i += 2
            else:
                meta[key] = ""
                i += 1
        elif pairs := split_inline_pairs(line):
            meta.update(pairs)
            i += 1
        elif not line.strip():
            i += 1
        else:
            break
    while i > start and not lines[i - 1].strip():  # leave the blank lines after the block
        i -= 1
    return meta, i


def _is_value_line(value: str) -> bool:
    """A line that can be a label's value: non-empty, short, not a sentence, not a label."""
    return (bool(value) and len(value) <= MAX_VALUE_LEN and "。" not in value
            and label_key(value) is None and not split_inline_pairs(value))
