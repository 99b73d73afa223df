"""clean_text: the one normalised text that every extracted offset points into.

Whatever the format, report text arrives with full-width ASCII, converter artefacts
([bookmark: _GoBack], field codes) and paragraphs broken at page or line ends
(一是严格执行依法决策\\n\\n制度。). clean_text folds the characters, drops the artefacts
and rejoins broken paragraphs, one paragraph per line, while headings, short title lines,
the signature block, a web page's bar of metadata fields and the items of a layout without
punctuation (an infographic, a table whose cells ran together) keep their own lines. It never deletes a space inside a line, so
'9 次' and '2023 年' stay as written. It is deterministic and idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from transforms.readers._data import data_patterns, data_toml
from transforms.readers.meta import split_inline_pairs
from transforms.rules.tables import HANZI, TRAILING_BRACKET, template_row

LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# Invisible characters that are not of category Cf (format) but are ignorable all the same
# (Unicode's Default_Ignorable_Code_Point): the combining grapheme joiner, Hangul fillers,
# Khmer inherent vowels, Mongolian and other variation selectors.
# Planes holding format characters: 2 and 3 hold ideographs only, 15 and 16 private use.
FORMAT_PLANES = (0, 1, 14)
IGNORABLE_RANGES = ((0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
                    (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xE0100, 0xE01EF))
# Colons other than ':' and '：': the ratio sign and the presentation forms some typesetting and
# Big5-era pages write (结构为9.6︰40.2︰50.2, 之比为1∶0.8, 时间︰): folded to ':' so that ratios,
# clock times and labels read as with it.
COLONS = "\u2236\ufe13\ufe30\ufe55"
# Unicode space separators (category Zs) other than the ASCII space.
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
WIDTH_QUANTILE = 0.9  # the typical full line length, robust to a few very long lines
FULL_LINE_SHARE = 0.85  # a line this close to the typical length was wrapped, not ended
MIN_WIDTH = 20  # no page wraps narrower; keeps short headings of tiny texts from looking full
TITLE_TAIL_MAX = 15  # the second line of a broken title is short (建设工作报告)
AGENCY_LINE_MAX = 25
SENTENCE_INSIDE = "。!?;！？；"  # a numbered line holding one of these is prose, not a heading
HEAD_CHARS = 64  # the start of a paragraph that heading, date and agency patterns read
TAIL_CHARS = 16  # the end of a paragraph that title suffixes are matched against
# The end of a table row a page flattened (`城市低保 | 1204 |`, `城市低保 1204 1302 -5.1`, or a
# label, its unit and its figure apart by spaces: `城市医疗救助支出 亿元 57.1`): a paragraph ending
# so is a row, never wrapped into the next line; a line ending with figures so is a row, never
# the tail of the line above (`项   目   Item   2020 2021` under the table's English title).
FIGURES_ROW_END = re.compile(r"\d%?[ \u3000]+[-+]?\d[\d,.]*%?$"
                             r"|[\u4e00-\u9fff)）][ \u3000]+[\u4e00-\u9fff/%]{1,4}[ \u3000]+[-+]?\d[\d,.]*%?$")
TABLE_ROW_END = re.compile(r"\|[ \t]*$|" + FIGURES_ROW_END.pattern)
# …绝产面积14 327 / 公顷,…: a number a thousands space groups, run into the word before it, ending
# a line of prose is one figure the wrap cut from its unit (a yearbook's 1 264万元; round 27's call),
# no row's cells (a row's label stands apart from its figures)
SPACED_FIGURE_END = re.compile(r"[\u4e00-\u9fff]\d{1,3}(?: \d{3})+$")
# 指标名称 单位 代码 数量 本月: four words or more that single spaces part, no figure among them: a
# table's header, never the tail of the line above (prose has no spaces between its words)
SPACED_HEADER = re.compile(r"[\u4e00-\u9fff]{2,8}(?:[ \u3000]+[\u4e00-\u9fff]{2,8}){3,}")
# Lines in a row without punctuation (a thousands separator is none: 1,245.0), few of them full:
# a layout of items, one a line (an infographic's figures, a table's rows run together), never
# wrapped; a wrapped text's lines are full but for each paragraph's last. A line closing with a
# bare figure after its label (养老机构586, 社区服务站  7,149) is a row, however long.
# A sharing site's numbered preview chunk (join_sharing_chunks): its number, and the length it
# runs to at least (hundreds of characters; a wrapped line or a list item is far shorter)
CHUNK_MARK = re.compile(r"([1-9]\d?)、")
CHUNK_MIN = 200
ITEM_RUN = 3
ITEM_FULL_SHARE = 0.25
ROW_FIGURE_END = re.compile(r"[\u4e00-\u9fff ]\d[\d,.]*$")
PUNCTUATION = re.compile(r"[。；;:：！？!?]|,(?!\d{3})")
# A bare count alone on its line (template_cells)
LONE_COUNT = re.compile(r"\d+")
# A table's unit note alone on its line (单位:万元, 金额单位：万元, (单位:人、万元)): it stands between
# a table's title and its header, never the tail of the title nor the head of the cells below (its
# colon would make the paragraph prose and run a table printed a cell a line onto it)
UNIT_NOTE_LINE = re.compile(r"[(（]?(?:计量|金额|数量)?单位\s*[:：]\s*[^\s,，。;；:：()（）]{1,12}[)）]?")


@dataclass(frozen=True)
class BreakRules:
    """reader_clean.toml and reader_line_starts.txt, ready to use."""

    terminal: str
    closers: str
    continuation: str
    prose: str
    title_suffixes: tuple[str, ...]
    agency_suffixes: tuple[str, ...]
    dates: tuple[re.Pattern[str], ...]
    item_starts: tuple[re.Pattern[str], ...]
    heading_starts: tuple[re.Pattern[str], ...]
    marks: frozenset[str]  # every character a rule asks whether a paragraph holds


@cache
def break_rules() -> BreakRules:
    """Load the line-break repair data once."""
    config = data_toml("reader_clean.toml")
    return BreakRules(
        terminal=config["terminal"], closers=config["closers"],
        continuation=config["continuation"], prose=config["prose"],
        title_suffixes=tuple(config["title_suffixes"]),
        agency_suffixes=tuple(config["agency_suffixes"]),
        dates=tuple(re.compile(p) for p in config["date_patterns"]),
        item_starts=tuple(re.compile(p) for p in config["item_starts"]),
        heading_starts=data_patterns("reader_line_starts.txt"),
        marks=frozenset("\t" + config["prose"] + config["terminal"] + SENTENCE_INSIDE))


def clean_text(text: str) -> str:
    """Normalise report text: fold characters, drop artefacts, repair soft line breaks.

    The result has one paragraph per line, no blank lines and no trailing spaces.
    """
    text = normalise_characters(text)
    text = remove_artefacts(text)
    return "\n".join(repair_line_breaks(join_sharing_chunks(tidy_lines(untangle_columns(text)))))


@cache
def _character_table() -> dict[int, int | None]:
    """str.translate table: full-width ASCII to half-width, the other colons to ':', every
    space to ' ', invisible characters and control characters (except tab and newline) removed."""
    table: dict[int, int | None] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
    # the small form variants likewise (34.37﹪ → %, ﹐ → ,), each to its one compatibility character
    table.update({code: ord(unicodedata.normalize("NFKC", chr(code))) for code in range(0xFE50, 0xFE6C)
                  if len(unicodedata.normalize("NFKC", chr(code))) == 1})
    table.update(dict.fromkeys(map(ord, COLONS), ord(":")))
    table.update(dict.fromkeys(map(ord, SPACES), 0x20))
    for code in list(range(0x20)) + [0x7F]:
        if chr(code) not in "\t\n":
            table[code] = None
    table.update(dict.fromkeys(invisible_codes()))
    return table


@cache
def invisible_codes() -> frozenset[int]:
    """Format characters (category Cf: zero-width space and joiners, bidi marks, embeddings
    and isolates, the BOM, soft hyphens, tag characters …) and the other default-ignorable
    code points. Inside a figure (30\u200b.5万人) they would cut it in two, and no reader
    sees them, so cleaning drops them all."""
    codes = {code for plane in FORMAT_PLANES for code in range(plane << 16, (plane + 1) << 16)
             if unicodedata.category(chr(code)) == "Cf"}
    for first, last in IGNORABLE_RANGES:
        codes.update(range(first, last + 1))
    return frozenset(codes)


def normalise_characters(text: str) -> str:
    """Unify line endings, fold full-width ASCII (（）→(), ，→,), the small form variants (﹪→%),
    the other colons (∶, ︰) and U+3000 to half-width, drop invisible format characters. 〔〕【】《》“”
    and traditional characters are kept as written."""
    return LINE_BREAKS.sub("\n", text).translate(_character_table())


def remove_artefacts(text: str) -> str:
    """Delete converter artefacts listed in reader_artefacts.txt ([bookmark: …], field codes)."""
    for pattern in data_patterns("reader_artefacts.txt"):
        text = pattern.sub("", text)
    return text


# A page of two or three columns of prose (a yearbook's PDF text layer) whose text layer runs the
# columns' lines side by side, a wide gap between them (`…其中:羊      农闲时节组织村民…`): each
# column's text is read down before the next, so that a sentence, a figure and its unit cut by
# the other column's text (`31.4 万` ⏎ `村、东岭村…   元;`) are whole again.
COLUMN_GAP = 3  # the fewest spaces between two columns' text on a line
COLUMN_LINES = 3  # the fewest lines of a block holding text of two columns at least
COLUMN_PROSE = re.compile(r"[，。;；、:：]|,(?!\d{3})")  # (1,245 is a thousands separator, no prose)
COLUMN_PROSE_SHARE = 1 / 3  # a column of prose: this share of its pieces at least holds punctuation,
COLUMN_PIECE_MIN = 8  # its pieces this long on average (a table's cells are short),
COLUMN_HANZI_SHARE = 1 / 2  # and this share of them holds Hanzi (a column of figures none)
SENTENCE_ENDS = ("。", ";", "；", "!", "！", "?", "？")
COLUMN_HEAD_MAX = 10  # a first line of short unpunctuated pieces only is a table's header, no prose
# a column starting after a gutter: some line holds COLUMN_GAP spaces and then text
COLUMN_START = re.compile(rf" {{{COLUMN_GAP}}}[^ \n]")


def untangle_columns(text: str) -> str:
    """Each block of lines (between blank lines) laid out as columns of prose, its columns one
    after another (`_columns_of`); any other block as it is."""
    if not COLUMN_START.search(text):
        return text  # (no line opens a second column: the common page, read without the walk below)
    lines, out, index = text.split("\n"), [], 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        block = lines[index:end]
        out += (_columns_of(block) or block) + lines[end:end + 1]
        index = end + 1
    return "\n".join(out)


def _columns_of(block: list[str]) -> list[str] | None:
    """The block's columns' lines, the first column's then the next's, where every line leaves the
    same gutters empty (COLUMN_GAP spaces at least before where a column starts) and each column
    holds prose (punctuated pieces, not a table's short cells: a table laid out by spaces stays
    as it is); else None."""
    if len(block) < COLUMN_LINES or any("\t" in line or "|" in line for line in block):
        return None
    width = max(map(len, block))
    occupied = [False] * width
    for line in block:
        for at, ch in enumerate(line):
            if ch != " ":
                occupied[at] = True
    first = next((at for at in range(width) if occupied[at]), 0)
    starts = [first] + [at for at in range(first + COLUMN_GAP, width)
                        if occupied[at] and not any(occupied[at - COLUMN_GAP:at])]
    if len(starts) < 2:
        return None
    bounds = list(zip(starts, starts[1:] + [width]))
    pieces = [[line[a:b].strip() for a, b in bounds] for line in block]
    if sum(sum(bool(p) for p in row) >= 2 for row in pieces) < COLUMN_LINES:
        return None
    heads = [p for p in pieces[0] if p]
    if len(heads) >= 2 and all(len(p) <= COLUMN_HEAD_MAX and not COLUMN_PROSE.search(p) for p in heads):
        return None  # 工作任务   完成情况: a table's header over cells of sentences, read row by row
    texts = [p for row in pieces for p in row if p]
    if sum(p.endswith(SENTENCE_ENDS) for p in texts) * 2 >= len(texts):
        return None  # most pieces end their sentences: cells of a table, not lines a column wraps
    for column in range(len(bounds)):
        texts = [row[column] for row in pieces if row[column]]
        if len(texts) < 2 or sum(map(len, texts)) < COLUMN_PIECE_MIN * len(texts) \
                or sum(bool(COLUMN_PROSE.search(t)) for t in texts) < COLUMN_PROSE_SHARE * len(texts) \
                or sum(bool(HANZI.search(t)) for t in texts) < COLUMN_HANZI_SHARE * len(texts):
            return None
    return [row[column] for column in range(len(bounds)) for row in pieces if row[column]]


def tidy_lines(text: str) -> list[str]:
    """Lines without leading spaces (indentation), trailing spaces/tabs, or blank lines.
    Leading tabs stay: they are empty first cells of table rows."""
    lines = (line.lstrip(" ").rstrip(" \t") for line in text.split("\n"))
    return [line for line in lines if line.strip()]


def join_sharing_chunks(lines: list[str]) -> list[str]:
    """A document-sharing site's preview cut into numbered chunks (`1、…` `2、…` `3、…`, a long line
    each): a chunk ends anywhere, mid-sentence or mid-figure (`村道1013.` / `3、403公里`), so a line
    opening with the next number after a chunk that ends no sentence goes on with it, its number
    dropped. A list item is short or ends its sentence, and never follows a chunk that opened with 1."""
    rules = break_rules()
    joined: list[str] = []
    expected, chunk = None, ""
    for line in lines:
        mark = CHUNK_MARK.match(line)
        if (mark and expected == int(mark.group(1)) and len(chunk) >= CHUNK_MIN
                and not ends_sentence(joined[-1], rules)):
            joined[-1] += line[mark.end():]
            expected, chunk = expected + 1, line
            continue
        joined.append(line)
        expected, chunk = (2, line) if mark and mark.group(1) == "1" else (None, "")
    return joined


def repair_line_breaks(lines: list[str]) -> list[str]:
    """Rejoin paragraphs broken at page or line ends, repeating until nothing changes
    (so a second clean_text changes nothing)."""
    while True:
        joined = _join_pass(lines)
        if joined == lines:
            return joined
        lines = joined


def _join_pass(lines: list[str]) -> list[str]:
    """One left-to-right pass, deciding each break against the paragraph built so far."""
    if not lines:
        return []
    rules = break_rules()
    width = typical_width(lines)
    head_end = next((i for i, line in enumerate(lines) if _is_body_line(line, rules)), len(lines))
    items = item_lines(lines, width)
    cells = template_cells(lines)
    out = [Paragraph(lines[0], rules)]
    for index, line in enumerate(lines[1:], start=1):
        previous = out[-1]
        if line[0] in rules.continuation:
            join = True
        elif index <= head_end:
            join = continues_title(previous, line, rules)
        elif index - 1 in items and index in items or index in cells:
            join = False
        else:
            join = should_join(previous, line, width, rules)
        if join:
            previous.add(line)
        else:
            out.append(Paragraph(line, rules))
    return [paragraph.text for paragraph in out]


class Paragraph:
    """A paragraph being rebuilt from lines.

    The join rules ask of the paragraph so far only how it starts, how it ends, how long
    it is and whether it holds some mark; those answers are kept up to date as lines are
    added, since asking the joined text would cost its length at every line (quadratic in
    a long paragraph). Its start is read from its first HEAD_CHARS characters."""

    def __init__(self, line: str, rules: BreakRules) -> None:
        self.rules = rules
        self.pieces: list[str] = []
        self.length = 0
        self.marks: set[str] = set()  # of rules.marks, in the pieces up to `scanned`
        self.scanned = 0
        self.head = ""  # the first HEAD_CHARS characters
        self.tail = ""  # the last TAIL_CHARS characters
        self.last_core = ""  # the last character that is not a closing mark
        self._append(line)

    def add(self, line: str) -> None:
        """Join a line on: directly, or with a space between two Latin words."""
        if _is_latin(self.tail[-1]) and _is_latin(line[0]):
            self._append(" ")
        self._append(line)

    def _append(self, piece: str) -> None:
        self.pieces.append(piece)
        self.length += len(piece)
        if len(self.head) < HEAD_CHARS:
            self.head += piece[:HEAD_CHARS - len(self.head)]
        self.tail = (self.tail + piece[-TAIL_CHARS:])[-TAIL_CHARS:]
        core = piece.rstrip(self.rules.closers)
        if core:
            self.last_core = core[-1]

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    @property
    def short_text(self) -> str:
        """The whole text when it fits in the head (agency and date lines are short), else ''."""
        return self.head if self.length <= HEAD_CHARS else ""

    def holds(self, characters: str) -> bool:
        """Whether one of the characters (all of rules.marks) is in the paragraph; each
        piece is searched once, when first asked."""
        for piece in self.pieces[self.scanned:]:
            self.marks.update(mark for mark in self.rules.marks if mark in piece)
        self.scanned = len(self.pieces)
        return any(ch in self.marks for ch in characters)

    @property
    def ends_sentence(self) -> bool:
        """As ends_sentence() of its text."""
        return not self.last_core or self.last_core in self.rules.terminal


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def typical_width(lines: list[str]) -> float:
    """The document's typical full line length: a paragraph per line gives hundreds of
    characters, a PDF wrapped at the page edge a few dozen."""
    lengths = sorted(len(line) for line in lines if "\t" not in line)
    if not lengths:
        return float("inf")
    return max(MIN_WIDTH, lengths[int(WIDTH_QUANTILE * (len(lengths) - 1))])


def _is_body_line(line: str, rules: BreakRules) -> bool:
    """The first sentence or heading ends the head (title, letterhead, web metadata)."""
    return (any(ch in rules.prose for ch in line) or ends_sentence(line, rules)
            or starts_block(line, rules))


def should_join(previous: Paragraph, line: str, width: float, rules: BreakRules) -> bool:
    """True when line continues the paragraph in previous rather than starting a new one."""
    if previous.holds("\t") or "\t" in line or previous.ends_sentence \
            or UNIT_NOTE_LINE.fullmatch(line) or UNIT_NOTE_LINE.fullmatch(previous.short_text) \
            or ends_row(previous.tail, TABLE_ROW_END, previous.holds(rules.prose)) \
            or ends_row(line, FIGURES_ROW_END, any(ch in line for ch in rules.prose)) \
            or SPACED_HEADER.fullmatch(line):
        return False
    # a table's cell or row (序号 |) under its title is never the title's tail, but a sentence in a
    # one-cell row goes on with the broken sentence before it (…为1.09万 / 人减免…。 |)
    # (tidy_lines left no trailing space)
    sentence_in_cell = previous.holds(rules.prose) and any(ch in line for ch in SENTENCE_INSIDE)
    if line.startswith("|") or line.endswith("|") and not sentence_in_cell:
        return False
    if starts_block(line, rules) or is_signature_line(line, rules) or is_meta_bar(previous.short_text):
        return False
    if is_heading(previous, width, rules):
        return False
    return is_prose(previous, width, rules)


def is_meta_bar(text: str) -> bool:
    """发布日期:2022-04-18 16:54 来源: 计划财务处: a web page's bar of several metadata fields is
    whole on its line, however long beside the page's short lines (a table's)."""
    return len(split_inline_pairs(text)) > 1


def item_lines(lines: list[str], width: float) -> set[int]:
    """The lines of runs of ITEM_RUN or more lines without punctuation, few of them full."""
    items: set[int] = set()
    start = 0
    for index in range(len(lines) + 1):
        if index == len(lines) or PUNCTUATION.search(lines[index]):
            full = sum(len(line) >= FULL_LINE_SHARE * width and not ROW_FIGURE_END.search(line)
                       for line in lines[start:index])
            if index - start >= ITEM_RUN and full < ITEM_FULL_SHARE * (index - start):
                items.update(range(start, index))
            start = index + 1
    return items


def template_cells(lines: list[str]) -> set[int]:
    """The lines of the 信息公开 template's application table written a cell a line without pipes:
    a run of two or more bare counts right under a row label of the template ([template_applications]
    rows) with its bracketed gloss, whose commas (部分公开(区分处理的,只计这一情形,…)) would make it prose
    and run its counts onto it as one figure. A sentence's count alone on its line (共救助 / 120 / 人次)
    stands under no such label and stays a wrap."""
    cells: set[int] = set()
    for index, line in enumerate(lines):
        if not (TRAILING_BRACKET.search(line) and template_row(line)):
            continue
        end = index + 1
        while end < len(lines) and LONE_COUNT.fullmatch(lines[end]):
            end += 1
        if end - index > 2:
            cells.update(range(index + 1, end))
    return cells


def ends_row(text: str, row_end: re.Pattern, in_prose: bool) -> bool:
    """text ends in a table row's figures, unless it is prose ending in one figure a thousands
    space groups (…面积14 327), which a wrap cut from its unit."""
    return bool(row_end.search(text)) and not (in_prose and SPACED_FIGURE_END.search(text))


def ends_sentence(line: str, rules: BreakRules) -> bool:
    """Ends in terminal punctuation, looking through closing quotes/brackets
    (“…。” ends a sentence, “放管服” does not)."""
    core = line.rstrip(rules.closers)
    return not core or core[-1] in rules.terminal


def starts_heading(line: str, rules: BreakRules) -> bool:
    """Starts like a heading or numbered item (一、 (一) 1. 【提纲】 附件 ...)."""
    return any(pattern.match(line) for pattern in rules.heading_starts)


def starts_block(line: str, rules: BreakRules) -> bool:
    """Starts a new paragraph: a heading or numbered item, or an 一是/二是 item."""
    return starts_heading(line, rules) or any(p.match(line) for p in rules.item_starts)


def is_heading(paragraph: Paragraph, width: float, rules: BreakRules) -> bool:
    """A numbered line that is a heading: no sentence inside, shorter than a full line
    (a full line starting with (一) in a wrapped PDF is the first line of a paragraph)."""
    return (starts_heading(paragraph.head, rules) and not paragraph.holds(SENTENCE_INSIDE)
            and paragraph.length < FULL_LINE_SHARE * width)


def is_prose(paragraph: Paragraph, width: float, rules: BreakRules) -> bool:
    """Running text: has commas/full stops inside, or fills a typical line."""
    return paragraph.holds(rules.prose) or paragraph.length >= FULL_LINE_SHARE * width


def is_signature_line(line: str, rules: BreakRules) -> bool:
    """A date line or an agency line (巫溪县民政局) of the signature block."""
    return is_date_line(line, rules) or is_agency_line(line, rules)


def is_date_line(line: str, rules: BreakRules) -> bool:
    """A line that is only a date (2026年1月8日, 二〇二四年三月十日)."""
    return any(pattern.match(line.strip()) for pattern in rules.dates)


def is_agency_line(line: str, rules: BreakRules) -> bool:
    """A short line naming an agency: ends in 局/委/政府..., no digits, no punctuation; or the agencies of a
    joint signature side by side, spaces between (某省财政厅      某省残疾人联合会), each such a name."""
    pieces = line.split()
    return bool(pieces) and all(len(piece) <= AGENCY_LINE_MAX and piece.endswith(rules.agency_suffixes)
                                and not any(ch.isdigit() for ch in piece) and not _has_punctuation(piece, rules)
                                for piece in pieces)


def continues_title(previous: Paragraph, line: str, rules: BreakRules) -> bool:
    """A title broken over two lines (…2025年度法治政府 / 建设工作报告): the second line is
    a short tail ending like a title, the first neither ends like one nor names an agency."""
    return (len(line) <= TITLE_TAIL_MAX and line.endswith(rules.title_suffixes)
            and not previous.tail.endswith(rules.title_suffixes)
            and not previous.holds(rules.prose + rules.terminal) and not _has_punctuation(line, rules)
            and not is_agency_line(previous.short_text, rules) and not starts_block(line, rules)
            and not is_date_line(previous.short_text, rules))


def _has_punctuation(line: str, rules: BreakRules) -> bool:
    """Contains sentence or clause punctuation."""
    return any(ch in rules.prose or ch in rules.terminal for ch in line)
