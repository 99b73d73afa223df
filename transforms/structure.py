"""The outline of a report (sections with level, number, title, category) and its sentences."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from transforms.lexicon import load_toml
from transforms.model import Section, SectionCategory, Sentence
from transforms.rules import blanked

CN = "一二三四五六七八九十"
# Outline numbering at the start of a line, by level: 一、 / (一) / 1. / (1); not a numeral that
# another one and its 、 follow (一、二、三、四季度分别完成…, 一、二、三产业: ordinals listed in a sentence)
HEADING_PATTERNS = (
    (1, re.compile(rf"^(?P<number>[{CN}]{{1,3}})[、.．](?![{CN}]{{1,3}}、)\s*")),
    (2, re.compile(rf"^(?P<number>[(（][{CN}]{{1,3}}[)）])[、,，]?\s*")),
    (3, re.compile(r"^(?P<number>\d{1,2})[.、．](?!\d)\s*")),
    (4, re.compile(r"^(?P<number>[(（]\d{1,2}[)）])[、,，]?\s*")),
)
# A plan's chapter (第一章 发展基础), above its 一、 parts: level 0, its category theirs when it names one
# (a plan's background chapter reviews the past: work_done; 主要任务 plans). Not a metadata heading nor
# a table row's outline number: parsed here only.
CHAPTER_HEADING = re.compile(rf"^\s*(?P<number>第[{CN}]{{1,3}}章)\s*")
CHAPTER_LEVEL = 0
OUTLINE_BLOCK = re.compile(r"^【提纲】")
# A line that is wholly a plan part's name, without an outline number (主要目标, 下一步工作打算,
# 2025年工作计划): a heading all the same, whose section holds the plans (a news page retelling a
# 政府工作报告 keeps its headings but drops their numbers); the name of a body or a place before it
# makes a document's title, not a part. Its rank unknown, it is taken as the lowest (PLAIN_LEVEL): any
# numbered heading ends it, and under a part of review it is that part's (a summary's 重点工作 line).
# A government work report's plan part may name the government and run its words on with 的 and 和
# (2023年政府工作的总体要求和主要目标, 2023年工作思路和目标任务); a year's 重点工作 or 主要工作 is taken
# with its year only (a 主要工作 names its work as the review part does: `names_year_work`, ahead).
PLAN_HEAD_WORDS = r"(?:(?:主要|总体|重点|工作|发展)的?)*(?:目标任务|预期目标|目标|打算|计划|思路|安排|设想|要点|任务|方向|重点|总体要求)"
PLAIN_PLAN_HEADING = re.compile(
    r"\s*(?P<title>(?P<year>(?:19|20)\d{2}\s*年度?|今年|明年|来年|下半年|下一步|下步|下阶段|下一阶段|今后)?"
    rf"(?:政府)?(?:{PLAN_HEAD_WORDS}(?:[和及与、]{PLAN_HEAD_WORDS})?|(?P<work>(?:重点|主要)工作)))\s*")
# 一是…二是… items inside a paragraph: at its start or after a sentence end
INLINE_ITEM = re.compile(rf"(?:^|(?<=[。；;！!？?：:]))\s*(?P<number>[{CN}]{{1,2}}是)")
INLINE_ITEM_LEVEL = 5
PLAIN_LEVEL = 4
INLINE_TITLE_END = re.compile(r"[，,。；;：:！!？?]")
TITLE_END = re.compile(r"[。;；!?！？]")
LONGEST_TITLE = 60
LEADING_SPACE = re.compile(r"\s*")
SENTENCE_END = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』)]?|\n|$)")


@cache
def _category_words() -> tuple[tuple[SectionCategory, tuple[str, ...]], ...]:
    table = load_toml("section_categories.toml")
    return tuple((SectionCategory(name), tuple(entry["words"])) for name, entry in table.items())


@cache
def _bounds() -> re.Pattern:
    """A category's word that bounds a figure right after it (不足3家), no word of the category."""
    words = [w for entry in load_toml("section_categories.toml").values() for w in entry.get("bounds", [])]
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})(?=\s*[\d{CN}两百千万])")


@cache
def _solved() -> re.Pattern:
    """问题 as what a verb of solving works on (解决好…就医问题): a task or a deed, no problems word."""
    words = load_toml("section_categories.toml")["problems"]["solved"]
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})[^，,。；;：:!！?？]{{0,32}}?问题")


def plan_ahead_words() -> tuple[str, ...]:
    """Plan words that place a heading ahead (下一步, 明年), a plan under review headings too."""
    return _progress_of_plans()[1]


@cache
def _progress_of_plans() -> tuple[tuple[str, ...], tuple[str, ...], re.Pattern]:
    """(words naming how work went, plan words that still place a heading ahead, a plan word as
    what the work followed: 围绕…重点工作, or inside a word naming no plan: 预算单位)."""
    table = load_toml("section_categories.toml")
    plans = table["plans"]
    words = "|".join(map(re.escape, sorted(plans["words"], key=len, reverse=True)))
    followed = "|".join(map(re.escape, plans["followed"]))
    not_words = "|".join(map(re.escape, sorted(plans["not_words"], key=len, reverse=True)))
    return (tuple(plans["progress"]), tuple(plans["ahead"]),
            re.compile(rf"(?:{followed})[^，,。；;:：]{{0,14}}?(?:{words})|{not_words}"))


@lru_cache(maxsize=4096)
def categorise(title: str) -> SectionCategory:
    """The category a heading names by its words, or OTHER (kept per heading: reports repeat theirs).
    A heading naming how planned work went (重点工作完成情况, 目标任务推进情况) reviews it, and a
    plan word that names what the work followed (围绕民政领域重点工作, 按照年初确定的工作任务), or
    one inside a word naming no plan (预算单位构成), is no plan, unless a word places it ahead
    (下一步, 预计). 问题 solved (解决…问题) names a task or a deed, no problems part."""
    progress, ahead, followed = _progress_of_plans()
    title = blanked(_solved(), blanked(_bounds(), title))
    for category, words in _category_words():
        if category is SectionCategory.PLANS and not any(word in title for word in ahead):
            if any(word in title for word in progress) and any(word in title for word in words):
                return SectionCategory.WORK_DONE
            title = followed.sub(" ", title)
        if any(word in title for word in words):
            return category
    return SectionCategory.OTHER


def names_year_work(sections: list[Section], index: int | None) -> bool:
    """Whether the headings over a section (itself and its parents) name its review only by a word
    that reviews no later year (2023年主要工作: `work_done.neutral`), no other word of review: with a
    year after the report's, the part is its plan; in a plan, with the plan's own year or none, it
    is the plan's part (二、2025年主要工作 in a plan for 2025)."""
    neutral, named = _neutral_work(), False
    while index is not None:
        title = sections[index].title
        if categorise(neutral.sub(" ", title)) in (SectionCategory.WORK_DONE, SectionCategory.PROBLEMS):
            return False  # (一、2022年工作回顾 > (一)主要工作: the part reviews by other words)
        named = named or (bool(neutral.search(title)) and categorise(title) is SectionCategory.WORK_DONE)
        index = sections[index].parent
    return named


@cache
def _neutral_work() -> re.Pattern:
    return re.compile("|".join(map(re.escape, load_toml("section_categories.toml")["work_done"]["neutral"])))


def names_summary_and_plan(title: str) -> bool:
    """A heading naming a summary and a plan together (2024年工作总结及2025年工作计划): the
    report's title repeated, whose later year is the plan half's, not its section's."""
    words = dict(_category_words()).get(SectionCategory.OTHER, ())
    return any(word in title for word in words)


def _numbered_heading(line: str, pattern: re.Pattern, level: int) -> tuple[int, str, str] | None:
    """(level, number, title) for a line opening with the pattern's number and a title after it."""
    match = pattern.match(line)
    if match:
        title = _title_after(line, match.end(), TITLE_END)
        if title:
            return level, match.group("number"), title
    return None


def _heading_at(line: str) -> tuple[int, str, str] | None:
    for level, pattern in HEADING_PATTERNS:
        found = _numbered_heading(line, pattern, level)
        if found:
            return found
    return None


def _chapter_at(line: str) -> tuple[int, str, str] | None:
    """(CHAPTER_LEVEL, 第一章, title) for a line opening with a chapter's number and a title."""
    return _numbered_heading(line, CHAPTER_HEADING, CHAPTER_LEVEL)


def _plain_plan_heading(line: str) -> tuple[int, str, str] | None:
    """(PLAIN_LEVEL, "", title) for a line that is wholly a plan part's name (`PLAIN_PLAN_HEADING`)."""
    match = PLAIN_PLAN_HEADING.fullmatch(line)
    if match is None or (match.group("work") and not match.group("year")):
        return None  # (a summary's own 重点工作 line over what was done: a year tells the plan part)
    category = categorise(match.group("title"))
    if category is SectionCategory.PLANS or (category is SectionCategory.WORK_DONE and match.group("year")
                                             and _neutral_work().search(match.group("title"))):
        return PLAIN_LEVEL, "", match.group("title")  # (2023年主要工作: its year tells review from plan)
    return None


def _title_after(line: str, start: int, title_end: re.Pattern) -> str:
    """The title starting at `start`: up to `title_end` or the line's end, at most
    LONGEST_TITLE characters. Only the window of the title is read, never the rest of a
    long line (a paragraph of a megabyte holds many items)."""
    start = LEADING_SPACE.match(line, start).end()
    window = start + LONGEST_TITLE + 1
    end = title_end.search(line, start, window)
    return line[start:end.start() if end else window].strip()[:LONGEST_TITLE]


def outline_level(line: str) -> int | None:
    """The level (1–4) of the outline number a line opens with (一、 / (一) / 1. / (1)), else None."""
    return next((level for level, pattern in HEADING_PATTERNS if pattern.match(line)), None)


def starts_heading(line: str) -> bool:
    return outline_level(line) is not None


def _lines(text: str):
    position = 0
    for line in text.split("\n"):
        yield position, line
        position += len(line) + 1


def _inline_items(line: str, start: int, count: int) -> tuple[list[tuple[int, int, str, str]], int]:
    """(start, end, number, title) of each 一是/二是… item of a paragraph, and the items
    counted so far. An item counts when it is the next in order (lists run across
    paragraphs) or a new 一是, so a stray 这是 or 都是 is no item."""
    items: list[tuple[int, str, str]] = []
    for match in INLINE_ITEM.finditer(line):
        number = match.group("number")
        position = CN.find(number[0]) + 1 if len(number) == 2 else 0
        if position not in (count + 1, 1):
            continue
        count = position
        title = _title_after(line, match.end(), INLINE_TITLE_END)
        items.append((start + match.start("number"), number, title))
    ends = [s for s, _, _ in items[1:]] + [start + len(line.rstrip())]
    return [(s, e, number, title) for (s, number, title), e in zip(items, ends) if title], count


LEAD_SENTENCE = re.compile(r"[^。；;！!？?]*$")
LEAD_DONE = re.compile(r"了|已|完成")


def _lead_category(lead: str) -> SectionCategory | None:
    """PLANS when the sentence that opens a 一是… list announces plans (下一步，我局将重点抓好以下
    工作：一是…): its items are plans, whatever section they stand in; None otherwise. A lead
    that says what was done (今年圆满完成了各项工作任务，主要做了以下工作：) announces none."""
    sentence = LEAD_SENTENCE.search(lead.rstrip("。！!？?：: ")).group()
    if categorise(sentence.strip()) is SectionCategory.PLANS and not LEAD_DONE.search(sentence):
        return SectionCategory.PLANS
    return None


# A table's cell a line (closing with its pipe) that holds sentences (1.预算执行率=…需说明原因;2.年中…;3.… |): a
# form's note on its row, numbered as its points are, no heading of a section
SENTENCE_CELL = re.compile(r"[。；;].*\|\s*$")


def parse_sections(text: str) -> list[Section]:
    """Sections in text order; a heading's section spans to the next heading of its level
    or higher, an inline 一是 item to the next item or its paragraph's end."""
    found: list[tuple[int, int, str, str, SectionCategory | None, int | None]] = []
    items_counted = 0
    list_category: SectionCategory | None = None  # what the lead of the current 一是… list announces
    for start, line in _lines(text):
        if OUTLINE_BLOCK.match(line):
            line_end = text.find("\n", start)
            found.append((start, 1, "", "提纲", SectionCategory.OUTLINE, line_end if line_end >= 0 else len(text)))
            continue
        heading = _chapter_at(line) or _heading_at(line) or _plain_plan_heading(line)
        if heading and SENTENCE_CELL.search(line):
            heading = None  # (looked for only on a heading's line: the search runs through a line's every sentence)
        if heading:
            level, number, title = heading
            found.append((start, level, number, title, None, None))
            items_counted = 0
        items, items_counted = _inline_items(line, start, items_counted)
        if items and items[0][2] == "一是":
            list_category = _lead_category(line[:items[0][0] - start])
        found.extend((item_start, INLINE_ITEM_LEVEL, number, title, list_category, item_end)
                     for item_start, item_end, number, title in items)
    sections: list[Section] = []
    open_by_level: dict[int, int] = {}
    ends = _next_at_or_above(found, len(text))
    for index, (start, level, number, title, fixed, end) in enumerate(found):
        end = ends[index] if end is None else end
        parent = max((open_by_level[lv] for lv in open_by_level if lv < level), default=None)
        open_by_level = {lv: i for lv, i in open_by_level.items() if lv < level}
        open_by_level[level] = index
        category = fixed or _category_for(title, sections[parent] if parent is not None else None)
        sections.append(Section(index, parent, level, number, title, category, start, end))
    return sections


def _next_at_or_above(found: list[tuple], text_end: int) -> list[int]:
    """For each entry (start, level, …), the start of the next entry of its level or a
    higher one (a lower number), else text_end: one pass from the end with a stack of the
    entries that can still be someone's next."""
    ends = [text_end] * len(found)
    later: list[tuple[int, int]] = []  # (level, start), levels rising towards the top
    for index in range(len(found) - 1, -1, -1):
        start, level = found[index][0], found[index][1]
        while later and later[-1][0] > level:
            later.pop()
        if later:
            ends[index] = later[-1][1]
        later.append((level, start))
    return ends


def _category_for(title: str, parent: Section | None) -> SectionCategory:
    """A heading's own category under no parent, an outline or an uncategorised parent (主要任务 >
    主要目标指标) and for leadership; else its parent's."""
    own = categorise(title)
    if parent is None or parent.category in (SectionCategory.OUTLINE, SectionCategory.OTHER):
        return own
    if own is SectionCategory.LEADERSHIP:
        return own
    return parent.category


def innermost_section(sections: list[Section], position: int) -> Section | None:
    found = None
    for section in sections:
        if section.start <= position < section.end and section.category is not SectionCategory.OUTLINE:
            if found is None or section.level > found.level:
                found = section
    return found


def split_sentences(text: str, sections: list[Section]) -> list[Sentence]:
    """Sentences end at 。！？；!?; or a line end; blank stretches are skipped. Each gets
    its innermost section (as innermost_section finds it), found in one sweep over the
    sections in text order."""
    sentences: list[Sentence] = []
    content = [s for s in sections if s.category is not SectionCategory.OUTLINE]
    upcoming = 0
    around: list[Section] = []  # sections begun at the last sentence, in list order
    for match in SENTENCE_END.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            while upcoming < len(content) and content[upcoming].start <= start:
                around.append(content[upcoming])
                upcoming += 1
            around = [s for s in around if s.end > start]
            section = max(around, key=lambda s: s.level, default=None)  # first of the deepest
            sentences.append(Sentence(len(sentences), start, end, section.index if section else None))
    return sentences
