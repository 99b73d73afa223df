"""Numbers that are not metrics although a unit follows (spec §1 and §5 "Not annotated"), as
named rules (`EXCLUSION_RULES`, patterns in data/exclusions.toml and named_sets.txt, examples
in corpus/exclusions.toml): ordinals and ranks, numbered names, names in quotes or titles, ages (a person's, or one that defines a group),
amounts and time spans that define a group, time spans that frame the figures after them, the weights of an appraisal's indicators and a rubric's scoring steps, shares told as one in N, tier labels, routine frequencies, counts of a report's own parts, the stages a plan divides its course into, lines of porn-site keywords a hijacked copy prints, collection sizes of sharing
sites, round-the-clock services, links to other articles, garbled figures. (Dates, document numbers and outline numbers
never reach this far: 年, 号, 、 are no units.)"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from transforms.lexicon import load_toml, load_words
from transforms.model import Quantity
from transforms.readers.text import is_cjk
from transforms.rules.numbers import is_arabic, skip_space_back
from transforms.rules.units import LIST_GROUPING, alternation, sizes_list_before
from transforms.simplify import to_simplified

# Paired marks whose short content is a name, a slogan or a title: “123”模式, 《2025年…要点》.
NAME_MARKS = {"“": "”", "《": "》", "‘": "’", "「": "」", "『": "』", '"': '"'}
LONGEST_NAME = 40


class Spans:
    """Spans (start, end), possibly overlapping, asked whether any holds a position strictly
    inside: a binary search over the starts and the furthest end reached by then, so a
    1M-character text with thousands of quoted names costs log(n) per quantity, not n."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.furthest_end = []  # the largest end among the spans up to here (in start order)
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self.furthest_end.append(furthest)

    def inside_any(self, position: int) -> bool:
        before = bisect_left(self.starts, position)  # the spans starting before position
        return before > 0 and self.furthest_end[before - 1] > position


def quoted_spans(text: str) -> Spans:
    """Spans of short quoted names and titles; long quotations are prose and are not listed, nor
    are quoted sentences (“修建提灌站1座,改建管网2公里。”: a sentence's end, or clauses longer than a
    slogan's; a title in 《》 may hold either)."""
    return Spans(list(_quoted_names(text)))


def _quoted_names(text: str) -> Iterator[tuple[int, int]]:
    """Where each short quoted name or title stands (`quoted_spans`), mark by mark."""
    for opening, closing in NAME_MARKS.items():
        pattern = re.compile(f"{re.escape(opening)}[^{re.escape(closing)}\n]{{1,{LONGEST_NAME}}}{re.escape(closing)}")
        yield from (m.span() for m in pattern.finditer(text) if opening == "《" or not _quoted_sentence(m.group()))


def blank_quoted_names(passage: str) -> str:
    """`passage` with its short quoted names (those quoted_spans lists) blanked, same length: a
    count inside a name (“四个一好”, “两中心一基地”) is the name's, not one the sentence made."""
    for start, end in _quoted_names(passage):
        passage = passage[:start] + " " * (end - start) + passage[end:]
    return passage


SENTENCE_END = re.compile(r"[。；;！!？?]")
SLOGAN_MAX = 16  # a slogan of two parts (“十个第一,三项推广”) is short; a quoted clause list is longer


# a headline's clauses parted by a space (“北京:老年人口超370万 百岁老人突破千人”), as a comma parts a sentence's
HEADLINE_BREAK = re.compile(r"[\u4e00-\u9fff\d%]\s+[\u4e00-\u9fff]")


def _quoted_sentence(quoted: str) -> bool:
    return bool(SENTENCE_END.search(quoted)) or (len(quoted) > SLOGAN_MAX and (
        "，" in quoted or "," in quoted or bool(HEADLINE_BREAK.search(quoted)) or bool(TASK_OPENING.match(quoted))))


# a quoted task that says whom it serves (“为3000名残疾人开展健康体检服务”实事项目): a clause, its
# figures the work's, when longer than a slogan
TASK_OPENING = re.compile(r".为[^\d]{0,6}\d")


@dataclass(frozen=True)
class Candidate:
    """A quantity found, with the document it stands in."""

    text: str
    quantity: Quantity
    names: Spans  # quoted_spans of the text

    @property
    def raw(self) -> str:
        return self.text[self.quantity.start:self.quantity.end]

    @property
    def before(self) -> str:
        return self.text[max(0, self.quantity.outer_start - 12):self.quantity.outer_start]

    @property
    def after(self) -> str:
        return self.text[self.quantity.outer_end:self.quantity.outer_end + 12]


@dataclass(frozen=True)
class ExclusionRule:
    name: str
    applies: Callable[[Candidate], bool]


@cache
def _table() -> dict:
    return load_toml("exclusions.toml")


ORDINAL_BEFORE = ("第", "届")


def _ordinal(c: Candidate) -> bool:
    """第三师, 第3页, 十五届七次全会: a number after 第 or 届 ranks, it does not count; so it does
    where a page sets spaces around its digits (第 11 位)."""
    return c.text[max(0, c.quantity.start - 4):c.quantity.start].rstrip(" \t\u00a0").endswith(ORDINAL_BEFORE)


def _named_set(c: Candidate) -> bool:
    """两项补贴, 三项制度, 最多跑一次: a numbered name written without quotes, the number at its
    start or inside it."""
    pattern, longest = _named_sets()
    start = c.quantity.start
    return any(found.start() <= start < found.end()
               for found in pattern.finditer(c.text, max(0, start - longest), start + longest))


@cache
def _named_sets() -> tuple[re.Pattern, int]:
    """The named sets as one pattern, and the longest one's length."""
    names = sorted(load_words("named_sets.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))), len(names[0])


def _quoted_name(c: Candidate) -> bool:
    if _quoted_list_size(c):
        return False
    return c.names.inside_any(c.quantity.start) or _opens_quote(c) or _counts_quoted_name(c)


def _quoted_list_size(c: Candidate) -> bool:
    """“8件实事”, “十件民生实事”: a year's list named by its size in quotes is counted as unquoted (round
    30's call, settled in session 37), the quote holding only the count and the list's name."""
    table = _table()["quoted_name"]
    mark = skip_space_back(c.text, c.quantity.start) - 1
    return mark >= 0 and c.text[mark] in QUOTE_MARKS and c.quantity.unit in table["list_units"] and bool(
        _pattern(rf"[\u4e00-\u9fff]{{0,4}}?(?:{alternation(table['lists'])})(?:项目)?\s*[”\"]").match(c.text, c.quantity.end))


# the marks a page may open a quote with, rightly or not (”三个抓好”, “四个重在 left unclosed), and
# all the marks that pair on a line (a page may open with ' and close with “: '护航童行“)
QUOTE_MARKS = "“”\""
PAIRED_MARKS = QUOTE_MARKS + "‘’'"


def _counts_quoted_name(c: Candidate) -> bool:
    """A count in Chinese numerals right before a short quoted name (三个“百分百”, 四个“账”) is part
    of the slogan the quote names (spec §5: numbers inside slogans); a count in digits before a
    quoted kind of place counts the places built (18个“星光老年之家”)."""
    numeral = c.raw[:len(c.raw) - len(c.quantity.unit)]
    if not c.quantity.unit or is_arabic(numeral):
        return False
    quoted = _pattern(rf"\s*“([^”\n]{{1,{QUOTED_COUNT_NAME}}})”").match(c.text, c.quantity.end)
    # (a year's list sized before its quoted name, 十件“民生实事”, is counted as with the size inside)
    return bool(quoted) and not quoted.group(1).endswith(tuple(_table()["quoted_name"]["lists"]))


QUOTED_COUNT_NAME = 6  # a slogan's word (“百分百”, “账”); a longer quote is a clause or a list


def _opens_quote(c: Candidate) -> bool:
    """A count in Chinese numerals right after a mark that opens a quote (the first, third … mark
    of its line) opens a slogan (“三个抓好”), also where the page wrote the opening mark as a
    closing one (”三个抓好”) or never closed it (“四个重在为实践要领): the pairs of marks that
    `quoted_spans` finds miss those. After a mark that closes a quote ('护航童行“三个…项目: opened
    by '), the count is the sentence's."""
    mark = skip_space_back(c.text, c.quantity.start) - 1
    if is_arabic(c.raw) or mark < 0 or c.text[mark] not in QUOTE_MARKS:
        return False
    line = c.text[c.text.rfind("\n", 0, mark) + 1:mark]
    return sum(line.count(paired) for paired in PAIRED_MARKS) % 2 == 0


@cache
def _words_of(rule: str, key: str) -> tuple[str, ...]:
    """A rule's list of words in exclusions.toml, as a tuple (for startswith, endswith)."""
    return tuple(_table()[rule][key])


@cache
def _pattern(source: str) -> re.Pattern:
    return re.compile(source)


CLAUSE_MARKS = re.compile(r"[,，。;；]")
SENTENCE_MARKS = re.compile(r"[。;；!！?？\n]")  # (结婚登记平均年龄,男性31.7岁: the measure opens the sentence)


def _age_threshold(c: Candidate) -> bool:
    table = _table()["age_threshold"]
    if c.quantity.unit not in table["units"]:
        return False
    right_after = c.text[c.quantity.end:c.quantity.end + 4]
    clause = CLAUSE_MARKS.split(c.text[max(0, c.quantity.start - 20):c.quantity.start])[-1]
    sentence = SENTENCE_MARKS.split(c.text[max(0, c.quantity.start - 24):c.quantity.start])[-1]
    if any(word in sentence for word in table["measures"]) and not right_after.startswith(("以上", "以下", "及以上")):
        return False  # 平均年龄为31.2岁: the measure's value
    return (c.before.endswith(_words_of("age_threshold", "before"))
            or bool(_pattern(table["range_before"]).search(c.before))
            or right_after.startswith(_words_of("age_threshold", "after"))
            or any(word in clause for word in table["scope"]))


def _personal_age(c: Candidate) -> bool:
    """我今年87岁了, 您90岁高龄, 老人今年92岁: an age with no measure of age in its sentence is a
    person's (or a group's bound, which age_threshold reads first), not a figure of the work; a
    figure in 岁 measures an age (平均年龄为31.2岁, 人均预期寿命达78.5岁), and so does a table cell whose
    row names one (人均预期寿命 | 岁 | 78.2)."""
    table = _table()["personal_age"]
    if c.quantity.unit not in table["units"]:
        return False
    window = c.text[max(0, c.quantity.start - table["within"]):c.quantity.start]
    sentence = SENTENCE_MARKS.split(window)[-1] + (c.quantity.label or "")
    return not any(word in sentence for word in table["measures"])


def _secondary(c: Candidate) -> bool:
    """二次供水, 二次传播, “二次答复”, 十二届二次会议: 二次 before a word says second or secondary
    (a count of times is written 两次), it counts nothing."""
    table = _table()["secondary"]
    return (c.quantity.unit in table["units"] and c.raw in table["words"]
            and bool(re.match(r"[\u4e00-\u9fff]", c.text[c.quantity.end:c.quantity.end + 1])))


def _threshold(c: Candidate) -> bool:
    table = _table()["threshold"]
    if c.quantity.unit in table["shares"]:
        return False
    before = c.text[max(0, c.quantity.start - 12):c.quantity.start]
    return (before.rstrip().endswith(_words_of("threshold", "before"))
            and bool(_pattern(rf"(?:以上|以下)?的[^,，。;；]{{0,5}}?(?:{alternation(table['groups'])})").match(c.after)))


def _size_class(c: Candidate) -> bool:
    """500万元以上固定资产投资项目, 2亩以上耕地: an amount with 以上 that names a class of
    projects, firms or land before its noun (like 规模以上企业), not a figure of the work."""
    table = _table()["size_class"]
    if c.quantity.unit not in table["units"]:
        return False
    bound = c.text[c.quantity.end:c.quantity.outer_end].strip()
    class_noun = _pattern(rf"的?[\u4e00-\u9fff]{{0,8}}?(?:{alternation(table['classes'])})").match(c.after)
    if bound in table["bounds"]:
        return bool(class_noun) or bool(SIZE_CLASS_COUNT.match(c.after))
    if not bound and _size_band(c, table):
        return True  # 10至500万元项目, 50-100头规模养殖场: a band of sizes names the class too
    # (the bound right before the digits, a qualifier too, and spaces a page set around them: 超 500 万元项目)
    return not bound and c.text[max(0, c.quantity.start - 6):c.quantity.start].rstrip().endswith(
        tuple(table["bounds_before"])) and c.after.startswith(tuple(table["classes"]))


def _size_band(c: Candidate, table: dict) -> bool:
    """Either end of a range of amounts written right before its class noun (10至500万元项目)."""
    classes, units = alternation(table["classes"]), alternation(table["units"])
    if c.after.startswith(tuple(table["classes"])):  # the second end
        return bool(re.search(r"\d[万亿]?\s*(?:至|到|[-~～—])\s*$", c.before))
    return bool(_pattern(rf"\s*(?:至|到|[-~～—])\s*\d+(?:\.\d+)?[万亿]?(?:{units})(?:{classes})").match(c.after))


# 5000万元以上的8个, 千万元以上18家: the count of the class follows at once
SIZE_CLASS_COUNT = re.compile(r"的?\s*[\d一二三四五六七八九十两]")


def _duration_threshold(c: Candidate) -> bool:
    """转移6个月以上的134.58万人, 失业半年以上的人员: a time span that defines a group."""
    table = _table()["duration_threshold"]
    bound = c.text[c.quantity.end:c.quantity.outer_end].strip()
    return c.quantity.unit in table["units"] and bound in table["bounds"] and c.after.startswith("的")


def _time_scope(c: Candidate) -> bool:
    """10天时间里共办理545对, 节后10天545对新人: a span that frames the figures after it."""
    table = _table()["time_scope"]
    if c.quantity.unit not in table["units"] or c.quantity.outer_end > c.quantity.end:
        return False  # 3天以内: a bound on a time limit, which is a figure
    if c.text[max(0, c.quantity.outer_start - 2):c.quantity.outer_start].endswith(tuple(table["lasted"])):
        return False  # 持续4天时间: how long a state lasted, measured
    end = c.quantity.end
    if c.quantity.unit == "个月" and _pattern(table["after_year"]).search(c.text, 0, c.quantity.start):
        return True  # 2008年11个月工作总结: the months of that year the figures cover
    return (c.text.startswith(_words_of("time_scope", "after"), end)
            or bool(_pattern(table["after_time"]).match(c.text, end))
            or bool(_pattern(table["into_figure"]).match(c.text, end)))


def _score_weight(c: Candidate) -> bool:
    """产出指标(50分), 分值10分: the weight a rubric gives an indicator."""
    table = _table()["score_weight"]
    return c.quantity.unit in table["units"] and bool(_pattern(table["before"]).search(c.before))


def _routine_frequency(c: Candidate) -> bool:
    """每季度召开一次, 每年组织二次以上的培训, 每月上门服务不少于2次: how often a routine recurs,
    whatever its numerals or qualifier (session 33: a frequency per period with a floor is a routine
    frequency); a count of acts over a period (全年走访4次) names no 每 period and stays a figure."""
    table = _table()["routine_frequency"]
    clause = re.split(r"[,，。;；:：]", c.text[max(0, c.quantity.outer_start - table["within"]):c.quantity.outer_start])[-1]
    return c.quantity.unit in table["units"] and any(word in clause for word in table["periods"])


def _scoring_rule(c: Candidate) -> bool:
    """覆盖率达到80%计10分，每提高1个百分点加0.5分，加分不超过5分: in a sentence giving a rubric's
    step (每增…加…分), its points and the step they move by are the scheme's, no figure (fixtures
    README, session 34: scoring rules skipped); the level it scores (80%) stays."""
    table = _table()["scoring_rule"]  # (its `units` are checked by `_rules_for`)
    ends = _sentence_mark_ends(c.text)
    before = bisect_right(ends, c.quantity.start)  # the marks ending at or before the figure
    start = ends[before - 1] if before else 0
    end = SENTENCE_MARKS.search(c.text, c.quantity.end)
    return bool(_pattern(table["step"]).search(c.text, start, end.start() if end else len(c.text)))


@lru_cache(maxsize=1)
def _sentence_mark_ends(text: str) -> list[int]:
    """Where the text's sentence marks end, found once per document: each scored figure reading every
    mark from the text's start up to it did the same work again, figure after figure."""
    return [m.end() for m in SENTENCE_MARKS.finditer(text)]


def _one_in_n(c: Candidate) -> bool:
    """平均每20户家庭中就有1户, 每5名学员里面就有一名: a share told as one in N; both counts are
    the ratio's, no figure (fixtures README, session 34: one-in-N ratios skipped)."""
    reach = _table()["one_in_n"]["reach"]
    for found in _pattern(_table()["one_in_n"]["ratio"]).finditer(c.text, max(0, c.quantity.start - reach), c.quantity.end + reach):
        if c.quantity.start in (found.start("n"), found.start("m")):
            return True
    return False


def _unit_after_words(c: Candidate, rule: str) -> bool:
    """The figure's unit is one of the rule's `units` and the text before it ends with one of its
    `before` words."""
    return c.quantity.unit in _table()[rule]["units"] and c.before.endswith(_words_of(rule, "before"))


def _rank(c: Candidate) -> bool:
    """前三名, 前10位: a place in a ranking, not a count."""
    return _unit_after_words(c, "rank")


def _storey_reached(c: Candidate) -> bool:
    """1所已建二层: the storey a building has risen to, no count."""
    return _unit_after_words(c, "storey_reached")


def _rank_field(c: Candidate) -> bool:
    """位列全省13个县区第三名: the places or bodies a rank is counted among, no count of work; the
    rank closes its phrase (12个县区第一时间启动: 第一时间 is "at once", the places a count)."""
    table = _table()["rank_field"]
    if c.quantity.unit not in table["units"]:
        return False
    field = rf"(?:{'|'.join(table['fields'])}|[、()（）])+(?:中|之中|当中)?的?(?:{'|'.join(table['verbs'])})?第"
    rank = r"[\d一二三四五六七八九十]+(?:名|位)?(?:$|的|(?![\u4e00-\u9fff]))"
    return _pattern(field + rank).match(c.after) is not None


def _admission_tier(c: Candidate) -> bool:
    """本二批次以上, 考取二本以上院校: a university admission tier in Chinese numerals, no count."""
    table = _table()["admission_tier"]
    numeral = c.raw[:len(c.raw) - len(c.quantity.unit)]
    if is_arabic(numeral) or numeral not in ("一", "二", "三"):
        return False
    if c.quantity.unit == "本":  # (以上 may be read as its qualifier: what follows the unit)
        return c.text.startswith(tuple(table["after"]), c.quantity.end)
    return c.text.endswith(tuple(table["levels"]), 0, c.quantity.start)


def _digit_count(c: Candidate) -> bool:
    """两位数增长: how many digits a figure runs to, not a count of persons."""
    table = _table()["digit_count"]
    return c.quantity.unit in table["units"] and c.after.startswith(tuple(table["after"]))


def _tier_label(c: Candidate) -> bool:
    """二类低保对象, 三类户: a tier written in Chinese numerals before what it grades, or before
    its own figure (一类900元、二类600元: no count of kinds is followed by a number)."""
    table = _table()["tier_label"]
    numeral = c.raw[:len(c.raw) - len(c.quantity.unit)]
    return (c.quantity.unit in table["units"] and not is_arabic(numeral)
            and bool(re.match(r"[\u4e00-\u9fff]|\s*\d", c.text[c.quantity.end:c.quantity.end + 3])))


def _phase_label(c: Candidate) -> bool:
    """养老服务中心二期, 项目(一期), 一期工程, 分两期建设: a phase in Chinese numerals names a part
    of a project, it counts nothing; the work it divides is right before it or follows it, or follows
    a name later in its clause (某路三期、某路四期道路工程; 某精密二期等外资项目; 二期某段的建设),
    unless a verb holding sessions stands before it (举办三期培训项目) or it is 两期 (培训班两期)."""
    table = _table()["phase_label"]
    numeral = c.raw[:len(c.raw) - len(c.quantity.unit)]
    if c.quantity.unit not in table["units"] or is_arabic(numeral):
        return False
    if c.text.endswith(_words_of("phase_label", "before"), 0, c.quantity.start) \
            or c.text.startswith(_words_of("phase_label", "phases_of"), c.quantity.end):
        return True
    clause = _pattern(table["clause"]).match(c.text, c.quantity.end, c.quantity.end + table["reach"]).group()
    return not numeral.startswith("两") and c.quantity.start > 0 and is_cjk(c.text[c.quantity.start - 1]) \
        and not c.text.endswith(_words_of("phase_label", "not_before"), 0, c.quantity.start) \
        and any(word in clause for word in table["phases_of"] + table["divided"])


def _structure_count(c: Candidate) -> bool:
    table = _table()["structure_count"]
    # (a count with no unit only before 大: a bare number before 部分公开 counts replies)
    if _pattern(rf"{'' if c.quantity.unit else '大'}(?:{alternation(table['parts'])})").match(c.text, c.quantity.end):
        return True  # 全文含概况、…等5个部分, …等八大部分构成: the parts a text is made of
    if not c.quantity.unit:
        return False
    numeral = c.raw[:len(c.raw) - len(c.quantity.unit)]
    if is_arabic(numeral):
        return False
    if LIST_GROUPING.match(c.text, c.quantity.end - 1):
        return False  # 反馈三个方面十二个问题: the grouping of a feedback list, a figure (session 34)
    if c.text.startswith("方面", c.quantity.end) and sizes_list_before(c.text, c.quantity.start, numeral):
        return False  # 从“助学”、“助残”、“助孤”三个方面: the size of a list just named (session 35)
    after = c.text[c.quantity.end:c.quantity.end + 14]
    if _pattern(rf"[^\d\s,，。;；:：、“”的]{{1,6}}\s*的(?:{alternation(table['guidance'])})").match(after):
        return True  # 落实三个统筹的要求: the points of a guidance, not things counted
    noun = _pattern(alternation(table["nouns"])).match(after[:10])
    return bool(noun) and not _pattern(rf"[\u4e00-\u9fff]{{0,2}}(?:{alternation(table['things'])})").match(after[noun.end():])


def _indicator_count(c: Candidate) -> bool:
    """十项经济指标, “16个核心指标”: the indicators of a plan or an assessment counted where the
    count opens its phrase are the scheme's structure (session-37 ruling); after a verb or a list
    they count real things (实现5个指标攀高, …和…两项省考指标)."""
    table = _table()["indicator_count"]
    if not _pattern(rf"[\u4e00-\u9fff]{{0,4}}(?:{alternation(table['nouns'])})").match(c.text, c.quantity.end):
        return False
    before = c.text[:c.quantity.outer_start].rstrip(" \t\u3000")
    return not before or before.endswith(tuple(table["opening"]))


def _reach_name(c: Candidate) -> bool:
    """15分钟品质文化圈, 三公里充分就业社区: the reach that names a kind of place, no distance."""
    table = _table()["reach_name"]
    return bool(_pattern(rf"[\u4e00-\u9fff]{{0,{table['within']}}}?(?:{alternation(table['places'])})").match(
        c.text, c.quantity.end))


def _process_division(c: Candidate) -> bool:
    """分4个阶段实施, 历程可分为三个阶段, 分三步走: how a plan or a history divides its course
    frames what follows, it counts no work."""
    table = _table()["process_division"]
    if c.quantity.unit not in table["units"]:
        return False
    return (c.before.rstrip().endswith(_words_of("process_division", "before"))
            and c.text.startswith(_words_of("process_division", "parts"), c.quantity.end))


def _collection_count(c: Candidate) -> bool:
    table = _table()["collection_count"]
    return (c.quantity.unit in table["units"]
            and bool(_pattern(rf"(?:{alternation(table['before'])})[(（]?\s*$").search(c.before)))


def _round_the_clock(c: Candidate) -> bool:
    if c.quantity.unit != "小时":
        return False
    table = _table()["round_the_clock"]
    number = c.raw[:len(c.raw) - len(c.quantity.unit)].strip()
    after = c.quantity.end + next((len(who) for who in table["who"] if c.text.startswith(who, c.quantity.end)), 0)
    return number in table["numbers"] and c.text.startswith(_words_of("round_the_clock", "after"), after)


SESSION_MARKS = re.compile(r"[,，。;；、]")


def _session_name(c: Candidate) -> bool:
    """十八届人大五次会议, and each session of a list of them (四届三次、四次全会)."""
    table = _table()["session_name"]
    if c.quantity.unit != "次":
        return False
    window = max(0, c.quantity.start - SESSION_LIST_REACH)
    opening = window + SESSION_LIST_BEFORE.search(c.text[window:c.quantity.start]).start()
    before = SESSION_MARKS.split(c.text[max(0, opening - table["within"]):opening])[-1]
    closing = SESSION_LIST_AFTER.match(c.text, c.quantity.end).end()
    return table["marker"] in before and c.text.startswith(_words_of("session_name", "after"), closing)


# the other sessions of a list of them, before and after a session's count (三次、四次全会)
SESSION_LIST_BEFORE = re.compile(r"(?:[一二三四五六七八九十\d]{1,3}次[、和及])*$")
SESSION_LIST_REACH = 24
SESSION_LIST_AFTER = re.compile(r"(?:[、和及][一二三四五六七八九十\d]{1,3}次)*")


SITE_LABEL_GAP = re.compile(r"\s*[:：】\]]\s*$")  # 浏览量: 2,546次, and a label in lenticular brackets: 【点击率】458次


def _site_counter(c: Candidate) -> bool:
    table = _table()["site_counter"]
    before = c.text[max(0, c.quantity.start - 12):c.quantity.start]
    gap = SITE_LABEL_GAP.search(before)
    if gap and to_simplified(before[:gap.start()]).endswith(tuple(table["labels"])):
        return True  # 浏览量: 2,546次
    if c.quantity.unit == "分钟" and to_simplified(
            c.text[max(0, c.quantity.outer_start - 8):c.quantity.outer_start]).rstrip().endswith(tuple(table["reading_time"])):
        return True  # 读完约1分钟
    if c.quantity.unit in table["ago"]["units"] and c.text.startswith(table["ago"]["after"], c.quantity.outer_end):
        return True  # 3 天前
    unit_start = c.quantity.end - len(c.quantity.unit)  # 人 of 0人参与
    if not c.text.startswith(tuple(table["after"]), unit_start):
        return False  # most figures: no counter word at all, so none to find below
    counter = next(word for word in table["after"] if c.text.startswith(word, unit_start))
    around = c.text[max(0, c.quantity.start - table["nearby"]):c.quantity.end + table["nearby"]]
    return all(word in around for word in table["needs_nearby"].get(counter, []))


def _spam_line(c: Candidate) -> bool:
    """…精品视频在线观看30分钟… in a line of porn-site keywords a hijacked copy prints: a number the
    site inserted, not the report's."""
    table = _table()["spam_line"]
    if _spam_words_in(c.text) < table["least"]:
        return False  # the whole document holds too few of them for any line of it to
    reach = table["reach"]  # (near the figure only: a copy may run the page's title on after them)
    line_start = c.text.rfind("\n", max(0, c.quantity.start - reach), c.quantity.start) + 1 or c.quantity.start - reach
    line_end = c.text.find("\n", c.quantity.end, c.quantity.end + reach)
    line = c.text[max(0, line_start):line_end if line_end >= 0 else c.quantity.end + reach]
    return sum(word in line for word in table["words"]) >= table["least"]


@lru_cache(maxsize=1)
def _spam_words_in(text: str) -> int:
    """How many of the spam words the whole document holds, counted once for all its figures."""
    return sum(word in text for word in _table()["spam_line"]["words"])


def _related_link(c: Candidate) -> bool:
    """福清…推进 25家农村幸福院投入运营 under 相关新闻, or a headline a few lines under a site's ad
    slot (广告02): a link to another article, not this one's work."""
    table = _table()["related_link"]
    marks = table["sentence_marks"]
    line_start = c.text.rfind("\n", 0, c.quantity.start) + 1
    if c.text[line_start:line_start + 8].lstrip("-·•* ").startswith(tuple(table["line_openings"])):
        return True  # (上一篇, 下一篇 are written so in traditional characters too)
    line_end = c.text.find("\n", c.quantity.start)
    line = c.text[line_start:line_end if line_end >= 0 else len(c.text)]
    if len(line) > table["headline_max"] or any(mark in line for mark in marks) \
            or line.strip() == c.text[:c.text.find("\n")].strip():
        return False  # (a line repeating the page's first, its title, is the page's own)
    end = line_start - 1
    for read in range(table["lines"]):
        if end < 0:
            return False
        start = c.text.rfind("\n", 0, end) + 1
        above = c.text[start:end].strip()
        if len(above) <= HEADING_MAX and to_simplified(above).rstrip(":： ").endswith(tuple(table["headings"])):
            return True
        if read < table["ad_lines"] and AD_SLOT_NUMBER.sub("", above) in table["ad_slots"]:
            return True  # 广告02 over headlines: an ad slot's links
        if any(mark in above for mark in marks):
            return False
        end = start - 1
    return False


AD_SLOT_NUMBER = re.compile(r"\s*\d+$")  # 广告02: the slot's number


HEADING_MAX = 12  # 相关新闻:, 延伸阅读 — a line of the heading only


def _article_number(c: Candidate) -> bool:
    """《城乡最低生活保障办法》二十条: the article of a law or regulation its title names."""
    before = c.text[max(0, c.quantity.start - 12):c.quantity.start].rstrip()
    return before.endswith("》") and before[:-1].endswith(_words_of("article_number", "titles"))


def _survey_name(c: Candidate) -> bool:
    """全国5‰人口变动抽样调查: the sampling fraction that names a survey."""
    return bool(_pattern(_table()["survey_name"]["after"]).match(c.text, c.quantity.outer_end))


def _garbled(c: Candidate) -> bool:
    """1*06人: a figure with a mark inside its digits cannot be read; nor one right after a run of
    characters lost in decoding (重点??坪?3个: a digit before 3 may be lost with them), a pinyin
    gloss among them (下?lián)?49萬元: the gloss of a lost character, its bracket lost too)."""
    start = c.quantity.start
    if c.text[start - 1:start] in LOST and (any(mark in c.text[max(0, start - LOST_REACH):start - 1] for mark in LOST)
                                            or LOST_GLOSS.search(c.text, max(0, start - 12), start)):
        return True
    return c.text[start - 1:start] in ("*", "＊") and c.text[start - 2:start - 1].isdigit()


LOST = ("?", "\ufffd")  # what a character lost in decoding is shown as
LOST_REACH = 5  # how far back another lost character makes a run of them
# a pinyin gloss a sharing site writes after a rare character (萬(wàn)), right before a lost character
LOST_GLOSS = re.compile(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)[?\ufffd]$")


EXCLUSION_RULES = (
    ExclusionRule("ordinal", _ordinal),
    ExclusionRule("named_set", _named_set),
    ExclusionRule("quoted_name", _quoted_name),
    ExclusionRule("age_threshold", _age_threshold),
    ExclusionRule("personal_age", _personal_age),
    ExclusionRule("secondary", _secondary),
    ExclusionRule("threshold", _threshold),
    ExclusionRule("size_class", _size_class),
    ExclusionRule("duration_threshold", _duration_threshold),
    ExclusionRule("time_scope", _time_scope),
    ExclusionRule("score_weight", _score_weight),
    ExclusionRule("routine_frequency", _routine_frequency),
    ExclusionRule("scoring_rule", _scoring_rule),
    ExclusionRule("one_in_n", _one_in_n),
    ExclusionRule("rank", _rank),
    ExclusionRule("rank_field", _rank_field),
    ExclusionRule("storey_reached", _storey_reached),
    ExclusionRule("admission_tier", _admission_tier),
    ExclusionRule("digit_count", _digit_count),
    ExclusionRule("tier_label", _tier_label),
    ExclusionRule("phase_label", _phase_label),
    ExclusionRule("structure_count", _structure_count),
    ExclusionRule("indicator_count", _indicator_count),
    ExclusionRule("process_division", _process_division),
    ExclusionRule("reach_name", _reach_name),
    ExclusionRule("collection_count", _collection_count),
    ExclusionRule("round_the_clock", _round_the_clock),
    ExclusionRule("session_name", _session_name),
    ExclusionRule("site_counter", _site_counter),
    ExclusionRule("related_link", _related_link),
    ExclusionRule("spam_line", _spam_line),
    ExclusionRule("article_number", _article_number),
    ExclusionRule("survey_name", _survey_name),
    ExclusionRule("garbled", _garbled),
)


def excluded_by(text: str, quantity: Quantity, names: Spans) -> str | None:
    """The name of the first exclusion rule that applies, or None for a metric."""
    candidate = Candidate(text, quantity, names)
    return next((rule.name for rule in _rules_for(quantity.unit) if rule.applies(candidate)), None)


@cache
def _rules_for(unit: str) -> tuple[ExclusionRule, ...]:
    """EXCLUSION_RULES, in order, without those that cannot apply to a figure in `unit`: a rule
    whose exclusions.toml table lists `units` applies only to a figure in one of them."""
    return tuple(rule for rule in EXCLUSION_RULES
                 if unit in _table().get(rule.name, {}).get("units", (unit,)))
