"""Word's automatic list numbering, rendered as the labels a reader sees ("一、", "(二)", "3.").

Headings numbered by Word (not typed) carry no label in document.xml; without it a
heading like "工作开展情况" loses the "一、" that marks it as a section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHINESE_DIGITS = "零一二三四五六七八九"
TIANGAN = "甲乙丙丁戊己庚辛壬癸"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def w(tag: str) -> str:
    """Clark-notation name in the WordprocessingML namespace."""
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Level:
    """One level of a list definition."""

    start: int
    fmt: str
    text: str
    suffix: str


@dataclass
class Numbering:
    """List definitions plus the running counters of one document."""

    levels: dict[str, dict[int, Level]]  # numId -> ilvl -> Level
    style_numbering: dict[str, tuple[str, int]]  # paragraph styleId -> (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, paragraph: etree._Element) -> str:
        """The rendered number of a paragraph ('' when it is not numbered), advancing the count."""
        num_id, ilvl = self._num_ref(paragraph)
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels or levels[ilvl].fmt == "bullet":
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        label = levels[ilvl].text
        for k, level in levels.items():
            if f"%{k + 1}" in label:
                label = label.replace(f"%{k + 1}", format_number(counts.get(k, level.start), level.fmt))
        return label + _suffix(label, levels[ilvl].suffix)

    def _num_ref(self, paragraph: etree._Element) -> tuple[str | None, int]:
        """(numId, ilvl) from the paragraph's own numPr, else from its style."""
        num_pr = paragraph.find(f"{w('pPr')}/{w('numPr')}")
        style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        from_style = self.style_numbering.get(style.get(w("val")) if style is not None else "", (None, 0))
        if num_pr is None:
            return from_style
        num_id = num_pr.find(w("numId"))
        ilvl = num_pr.find(w("ilvl"))
        return (num_id.get(w("val")) if num_id is not None else from_style[0],
                int(ilvl.get(w("val"), "0")) if ilvl is not None else from_style[1])


def _suffix(label: str, suffix: str) -> str:
    """What Word puts after the number: nothing after CJK punctuation, else one space."""
    if suffix == "nothing" or not label or not label[-1].isascii():
        return ""
    return " "


def num_levels(root: etree._Element) -> dict[str, dict[int, Level]]:
    """numId -> its abstract definition's levels, with start overrides applied."""
    abstract = {node.get(w("abstractNumId")): _abstract_levels(node)
                for node in root.iter(w("abstractNum"))}
    result = {}
    for num in root.iter(w("num")):
        ref = num.find(w("abstractNumId"))
        levels = dict(abstract.get(ref.get(w("val")) if ref is not None else None, {}))
        for override in num.iter(w("lvlOverride")):
            ilvl = int(override.get(w("ilvl"), "0"))
            start = override.find(f"{w('startOverride')}")
            if start is not None and ilvl in levels:
                old = levels[ilvl]
                levels[ilvl] = Level(int(start.get(w("val"), "1")), old.fmt, old.text, old.suffix)
        result[num.get(w("numId"))] = levels
    return result


def _abstract_levels(node: etree._Element) -> dict[int, Level]:
    """The levels of one abstractNum."""
    levels = {}
    for lvl in node.iter(w("lvl")):
        levels[int(lvl.get(w("ilvl"), "0"))] = Level(
            start=int(_val(lvl, "start", "1")),
            fmt=_val(lvl, "numFmt", "decimal"),
            text=_val(lvl, "lvlText", ""),
            suffix=_val(lvl, "suff", "tab"))
    return levels


def _val(parent: etree._Element, tag: str, default: str) -> str:
    """w:val of a child element, or default."""
    child = parent.find(w(tag))
    return child.get(w("val"), default) if child is not None else default


def style_numbering(root: etree._Element) -> dict[str, tuple[str, int]]:
    """Paragraph styleId -> (numId, ilvl), following basedOn chains."""
    own, based_on = {}, {}
    for style in root.iter(w("style")):
        style_id = style.get(w("styleId"))
        num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
        if num_pr is not None and num_pr.find(w("numId")) is not None:
            own[style_id] = (_val(num_pr, "numId", ""), int(_val(num_pr, "ilvl", "0")))
        parent = style.find(w("basedOn"))
        if parent is not None:
            based_on[style_id] = parent.get(w("val"))
    resolved = {}
    for style_id in set(own) | set(based_on):
        seen, current = set(), style_id
        while current and current not in own and current not in seen:
            seen.add(current)
            current = based_on.get(current)
        if current in own:
            resolved[style_id] = own[current]
    return resolved


def format_number(n: int, fmt: str) -> str:
    """n written in a Word numFmt (unknown formats fall back to decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        return chinese_number(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt == "ideographTraditional" and 1 <= n <= len(TIANGAN):
        return TIANGAN[n - 1]
    if fmt in ("upperLetter", "lowerLetter") and n >= 1:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and n >= 1:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def chinese_number(n: int) -> str:
    """1..9999 in Chinese counting numerals (一, 十, 十一, 二十, 一百零五)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                parts.append("零")
            parts.append(CHINESE_DIGITS[digit] + unit)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def _roman(n: int) -> str:
    """n in Roman numerals."""
    out = []
    for value, numeral in ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)
