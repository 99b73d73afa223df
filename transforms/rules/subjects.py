"""Subjects: the shortest phrase naming what a number counts (the convention, with examples, is
tests/fixtures/gold/README.md).

The words are read from the document's one jieba cut (transforms/tokens.py, with the domain
terms of subject_terms.txt so 补发婚姻登记证 stays whole), by the offsets of the clause next to
a number; no clause is cut again. A word keeps its offset (`Word`), so a subject knows where it
stands and its indicator reads the same words. Productions for one quantity:
- `subject_after_number`: 267名事实无人抚养儿童 — the counted thing follows a counting unit, or
  a sum that opens a verb's object (发放3603.8万元救助金);
- `subject_of_service`: 为一千二百余人提供上门探访服务 — people named by what they were given;
- `subject_of_deed`: 支持1863户发展生产 — people named by what they did, with no noun after them;
- `subject_of_standard`: 每人每月195元的标准发放困难残疾人生活补贴 — a rate paid for something;
- `subject_after_de`: 95%的村(社区)完成…修订工作, 为期3个月的专项整治行动 — a share or a
  duration of what follows it;
- `subject_of_money`: 投入860万元的救灾款物 — a sum with nothing before it is of what follows 的;
- `subject_of_duration`: 连续三年提高特困人员供养标准 — a duration of what the work is done to;
- `_multiple_of`: 特困人员救助供养标准达到低保标准1.3倍 — a multiple of what is compared;
- `subject_before_number`: 全年共保障城乡低保对象17662人 — the run of words right before the
  number once fillers, links and a rate's denominator (人均月, 元/人) are left behind, without
  the agent in front of it and, for a thing or a person, without the verb done to it
  (检查社会组织50家 → 社会组织).
A subject is never one character, one word that names nothing alone (先后, 连续) nor the
report's own place (我县): such a figure inherits instead.
`name_subjects` names every quantity of a sentence: one whose clause names nothing inherits the
subject before it (累计培训28场次,980余人次), and a list of numbers whose subject names as many
parts pairs them in order (195元、261元…生活补贴和护理补贴); so does a list after 分别
(城市低保标准和补差分别提高…), and a clause naming only a rate per head takes the figure before it
(发放低保金98万元,月人均68元 → 月人均低保金).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from transforms.lexicon import load_toml, load_words
from transforms.model import Quantity
from transforms.rules import computed_once, finditer, first_closing, first_opening
from transforms.rules.units import NO_UNIT, alternation, event_units, unit_family, unit_kinds
from transforms.tokens import ANNOTATION, TokenStream, cut_phrase, without_annotations, word_tag

# Where a clause ends for the purpose of naming: a subject never crosses these, nor a news
# dateline (新华社北京1月16日电(记者某某)开发…: where and when the report was filed), a citation
# mark ([3]) or a dash spaced on both sides before a character, which parts the items of a flattened
# list or a title from its site (…推进[2] - 完善…, 养老服务体系建设 - 某区…). (Its lookbehinds give the
# regex engine no first character to scan for: the clause rules read it with `finditer`.)
CLAUSE_BREAK = re.compile(r"[,，;；。：:!！?？\n【】|｜]|(?<=\d)日电(?:\s*[(（][^()（）\n]{1,16}[)）])?"
                          r"|\[\d{1,3}\](?![\u4e00-\u9fff])|(?<=\S)[ \t]+[-–][ \t]+(?=[\u4e00-\u9fff])")
# A headline parts its phrases by a space (错峰祭扫更顺畅 上周末荆州城区祭扫客流同比增加5万人次): on a
# line with no sentence punctuation a space between two characters ends a clause too. Not in a
# paragraph, where a space between characters is where a printed line wrapped (绝收面 积).
HEADLINE_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
# A bulletin's citation mark after a name (地区生产总值(GDP)[2]完成…): no part of it, and no
# clause's end when a character follows it (CLAUSE_BREAK)
CITATION = re.compile(r"\[\d{1,3}\]")
SENTENCE_MARK = re.compile(r"[,，;；。!！?？]")
# Quoted names are one token: 婚姻登记“全市通办”业务 must not be cut inside the quotes.
QUOTED = re.compile(r"“[^”\n]{1,20}”|《[^》\n]{1,30}》")
TIME_WORD = re.compile(r"^(?:\d{4}年(?:度|底|末|初)?|\d{2}年代|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|份|末)?"
                       r"|\d{4}|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]"
                       r"|(?:第?[一二三四1-4])?季度(?:末|初|底)?)$")
# Rates in front of a number (每人每月195元) say how it is paid, not what is counted.
RATE_WORD = re.compile(r"^每(?:人|户|名)?每?(?:月|年|季度|天|日|周)$|^每(?:人|户|期|次|场|个)$")
# Right before the number (or its link) 每 and any one measure word says per what (补助每张1万元,
# 建设资金每所300万元); opening a name (每具最高减免金额) it stays with it.
PER_ONE = re.compile(r"^每[\u4e00-\u9fff]$")
# A denominator right before the number (保障标准为人均月255元, 由月人均1372元) is no subject; inside a
# name it stays (月人均补差, 人均可支配收入).
RATE_BEFORE_NUMBER = re.compile(r"^(?:月|年)?(?:人均|户均)(?:月|年)?$|^(?:月|年)$")
# A list of numbers: only these stand between two of its items (195元、261元, 每人每月766元、每人每年5427元,
# 月人均440元和年人均1750元: the rate each is of, and the batch an item came in: 第一批12个、第二批30个养老服务站).
LIST_GAP = re.compile(r"^[、和及与]?(?:第[一二三四五六七八九十\d]{1,3}批)?(?:每(?:人|户)?每?(?:月|年)|[月年]?[人户]均[月年]?)?$")
BRACKETS = {"(": ")", "（": "）", "〔": "〕"}
CLOSING = {closing: opening for opening, closing in BRACKETS.items()}
# A distance is named by the place it is measured from, after 距 or 离 (该乡距县城12公里 → 县城;
# fixtures README, session 29), not by the place described before it
DISTANCE_UNITS = frozenset({"公里", "千米", "米", "里"})
MEASURED_FROM = frozenset({"距", "离", "距离"})
# Adverbials at the end of a clause that stand between a subject and its number:
# 办理时限在法定时限的基础上压缩70%, 以社工站为平台培育孵化社区社会组织537个.
ADVERBIALS = re.compile(r"在[^在]{0,20}?基础上|以[^以]{1,12}?为(?:平台|载体|抓手|契机|依托|纽带)"
                        # and a bracket saying what a name includes, inside the name (养老保险基金(含
                        # 生育保险)收入): no part of it, and no break in it
                        r"|[(（](?:含|包括|包含|不含)[^()（）\n]{1,16}[)）](?=[\u4e00-\u9fff])"
                        # and how a figure is reckoned (按可比价格计算, 按当年平均汇率折算, 两年平均,
                        # 同口径): the way of counting, never what is counted
                        r"|按[^按，,。；;：:、\d]{0,4}(?:\d{4}年)?[^按，,。；;：:、\d]{1,8}?[计折核]算|[两三四五]年平均|(?:同|可比)口径")
# A relative clause right after a number (有…的, 符合…的, 适合…的, and a cause: 因…造成收入下降的): the
# counted thing follows its 的.
RELATIVE_AFTER_NUMBER = re.compile(r"(?:有|具有|拥有|符合|达到|适合|适宜|以(?=[^，,。；;:：、\d的]{1,10}为))[^，,。；;:：、\d的]{1,12}的"
                                   r"|因[^，,。；;:：、\d的]{1,24}的")
# The verbs of such a clause written before the number (新增符合条件的救助对象): a word that only
# starts with 有 (有效) is none.
QUALIFYING = ("符合", "具有", "拥有", "达到")
# What such a clause meets when it names no qualification of its own (符合条件的, 符合政策的).
UNNAMED_CONDITIONS = ("条件", "要求", "规定", "标准", "政策")
# Marks that stand for a name left out (XX市, ××县, *区).
REDACTION_CHARS = "Xx×＊*"
REDACTION = re.compile(rf"[{REDACTION_CHARS}]{{1,4}}")
# Ranks that qualify a thing after its number (55个全国示范性社区), not the scope of a count.
NATIONWIDE = frozenset({"全国", "全省", "全市"})
# Punctuation that opens a line or an item (——, ■, ·) and is no part of a name.
# 第一批扶贫资金: the batch a sum or a list was given in says when, not what.
BATCH = re.compile(r"第[一二三四五六七八九十\d]{1,3}批|首批")
# A circled number (③午托237家, ④私家厨房58家) numbers an item of a list like a bullet does.
MARK_CHARS = "—■□●·•◆◇▲△★☆-~～①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
LEADING_MARK = re.compile(r"[—■□●·•◆◇▲△★☆\-~～①-⑳]+")
# Records a body publishes, items of information and of news: a verb of publishing before them
# names which (主动公开政府信息, 网站发布信息, 发布新闻), whatever modifies the record in between.
RECORDS = frozenset({"信息", "新闻"})
# A government body (民政局, 财政厅, 民政部) opening a run is who did the work, not what is counted.
AGENCY = re.compile(r"[\u4e00-\u9fff]{1,6}(?:局|厅|部|委员会)")


# An acronym a report names a measure by (GDP, CPI): a name though no Chinese is in it.
ACRONYM = re.compile(r"[A-Z]{3,5}")
# A Chinese character (re.match(r"[\u4e00-\u9fff]", …) compiled once).
HAN = re.compile(r"[\u4e00-\u9fff]")
NOT_WHERE = re.compile(r"[\s()（）:：、]|其中")


@cache
def _compiled(pattern: str) -> re.Pattern:
    """A pattern from the data files, compiled once (what re.search(pattern, …) looks up)."""
    return re.compile(pattern)


# Departments (民政部门, 相关部门): a body, who did the work when a verb follows it.
DEPARTMENT = "部门"


def _department_before_verb(run: list[str]) -> int:
    """Where the verb after a department's name stands in the run (0 when no word ending with
    部门 is followed by a verb with its object after it: with no noun to end it, 民政部门登记离婚
    beside 法院判决离婚, the department names which kind of event is counted and stays)."""
    if not (run and (word_tag(run[-1]) in HEAD_TAGS or run[-1] in domain_terms())):
        return 0
    return next((i + 1 for i, word in enumerate(run[:-2]) if word.endswith(DEPARTMENT)
                 and (word_tag(run[i + 1]) in ("v", "d", "ad") or run[i + 1] in _words("subject_verbs.txt"))), 0)


def _agency(word: str) -> bool:
    return word[-1] in "局厅部会" and bool(AGENCY.fullmatch(word))
COORDINATORS = frozenset({"、", "和", "及", "以及", "与", "并", "或"})
# Single characters that end a compound noun: 评定 + 率 is 评定率, 支出 + 型 is 支出型, whatever
# 评定 or 支出 is alone.
BOUND_SUFFIXES = frozenset("率数量额型")
# Single characters that make a modifier of the word before them (全区|性, 救助|类, 镇街|级): a
# subject never opens with one, so what they bind to stays.
BOUND_MODIFIER_SUFFIXES = frozenset("性类级")
# One-character verbs of being at or reaching a place that make one word with a single
# character after them that jieba left alone (在|岗人员, 到|村项目, 到|班率): the pair stays whole.
BINDING_VERBS = frozenset({"在", "到"})
PARTS = re.compile(r"[、和]|及(?!以[上下])")  # 60岁及以上: one age, no list
LONGEST_SUBJECT = 30
# the longest clause before 的 a subject keeps (民政部门管理的公墓, 享受城镇低保的居民: a
# group's status holding a programme's full name, session-36 ruling)
RELATIVE_LONGEST = 10
ASPECT_MARKS = frozenset({"过", "了"})  # 参加过战役的: the mark after a verb, inside its clause
# A heading's number is no subject: (二)做到三个到位.
LIST_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}")
OUTLINE_NUMBER = re.compile(r"[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]?")
AGE_LABEL = re.compile(r"\d{1,3}周?岁(?:以上|以下)?")
# A size class written in round numerals before a thing (千亩茶园, 万头猪场, 百人团队): a kind of the thing
SIZE_CLASS = re.compile(r"[十百千万]{1,2}(?:亩|吨|头|只|人|户|平方米)(?:级)?")
# A rate's denominator written after a number (元/人, 元/人·月, 元/人.月, 元/人月, 元 / 人 / 月): never a subject.
DENOMINATOR = re.compile(r"(?:\s*[/／·.．]\s*(?:\d+万?)?"
                         r"(?:人次|平方米|公斤|[人户][月年]|[人户月年床次天日周季亩吨个名张件]))+")
PREPOSITIONS = frozenset({"向", "对", "为", "给", "替"})
MOVING_IN = frozenset({"入住", "入驻"})  # 养老机构入住老人: the body is where they went, not who acted
MEANS = frozenset({"通过"})  # 通过门户网站发布: by what means, then the verb
# Words that make a figure a task (the kind says so), not what it counts when it counts people.
TASK_WORDS = frozenset({"任务", "目标任务", "计划任务", "目标"})
# Verbs that make the thing counted: what stands before them says where or by whom (城市建成区|新增
# 路外公共停车泊位), a 新 before the verb is part of it (新|改扩建, 新|(改)|建)
CREATING = frozenset({"新增", "新建", "新开工", "建成", "改扩建", "改建", "扩建"})
# What a plan's sums are for: a clause naming one before a bare 资金 is what the sum is of.
PROJECTS = ("项目", "工程")
# A clause that says only that its number is a total.
TOTAL_ONLY = re.compile(r"\s*(?:[全本我][镇乡县区市省村])?\s*(?:共|共计|合计|总计|总共|共有)\s*")
# A clause of only the year a level is due and the verb reaching it (…集中供养能力,2020年达到40%,
# a bound such as 小于等于 being the figure's qualifier): it names nothing, and the level is of the
# clause before when that one holds no figure (its list number aside), as a total alone is.
YEAR_ONLY = re.compile(r"\s*(?:到|至)?\s*\d{4}\s*年(?:底|末)?\s*(?:前)?\s*"
                       r"(?:达到|达|为|提高到|提升到|降低到|控制在)?\s*")
# Links that only join a phrase to its number (社会救助支出为15亿元).
COPULAS = frozenset({"为", "是", "达", "达到"})
SERVICE_VERBS = frozenset({"提供", "开展", "实施", "给予", "进行", "申请", "办理"})
# 5214万人得到了农村低保: people counted by what they receive, when no noun names them; 领取 and
# 领证 (a certificate received: 520对新人领证) are receiving too, though jieba tags 领证 a noun.
RECEIVING_VERBS = frozenset({"得到", "享受", "获得", "享有", "领取", "领证"})
# Joining an insurance: with it the insurance's name counts the people insured (参加生育保险).
JOINING = frozenset({"参加"})
PERSON_UNITS = frozenset({"人", "名", "户", "位", "人次", "户次"})
# Units that count things and events alike (8个主题培训, 3项专项行动): an event noun after them ends the name.
EVENT_OR_THING = frozenset({"个", "项"})


@dataclass(frozen=True)
class Subject:
    text: str
    # words dropped from the front of `text` that narrow what is counted — a verb (检查 of
    # 检查社会组织, 新增 of 新增养老床位) or a quoted name (“跨省通办”结婚登记): they tell which
    # indicator the count is, though the subject names only the thing counted
    narrowed_by: str | None = None
    # where narrowed_by and text stand in the document, in that order: the indicator reads the
    # document's words there (none for a phrase that is not one stretch of the text)
    spans: tuple[tuple[int, int], ...] = ()

    def words(self, stream: TokenStream | None) -> list[str]:
        """The words of narrowed_by + text: the document's own where the spans say, else the
        phrase cut alone."""
        if stream is not None and self.spans:
            return [w for start, end in self.spans for w in stream.words(start, end)]
        return list(cut_phrase((self.narrowed_by or "") + self.text))


class Word(str):
    """A word of the document with the offsets where it starts and ends (-1 when it was made
    up). Its text leaves out a pinyin annotation the document writes inside it (發(fā)放 is 发放),
    so its length may be less than its span."""

    start: int = -1
    stop: int = -1

    @staticmethod
    def at(text: str, start: int, stop: int | None = None) -> Word:
        word = Word(without_annotations(text))
        word.start = start
        word.stop = start + len(text) if stop is None else stop
        return word

    def part(self, start: int, end: int | None = None) -> Word:
        piece = self[start:end]
        if self.start < 0 or self.stop - self.start != len(self):
            return Word(piece)
        return Word.at(piece, self.start + start)


def span_of(words: list[str]) -> tuple[tuple[int, int], ...]:
    """The span a run of adjacent document words covers; none when a word has no offset or
    they do not touch."""
    if not words or any(not isinstance(w, Word) or w.start < 0 for w in words):
        return ()
    for before, after in zip(words, words[1:]):
        if before.stop != after.start:
            return ()
    return ((words[0].start, words[-1].stop),)


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(line.partition(" ")[0] for line in load_words(name))


def domain_terms() -> frozenset[str]:
    return _words("subject_terms.txt")


def strip_words() -> frozenset[str]:
    return _words("subject_strip_words.txt")


@cache
def head_words() -> tuple[str, ...]:
    return tuple(sorted(load_words("subject_heads.txt"), key=len, reverse=True))


def tokens(stream: TokenStream, start: int, end: int, skip: re.Pattern | None = None) -> list[Word]:
    """The document's words in [start, end) with their offsets, quoted names kept whole and
    what `skip` matches left out. Between the words of the cut stand punctuation (a word each)
    and numbers (a run of digits is one)."""
    text = stream.text
    if not (skip and skip.search(text, start, end)) and not QUOTED_MARK.search(text, start, end):
        return _slice(stream, start, end)
    holes = [m.span() for m in skip.finditer(text, start, end)] if skip else []
    quoted = [m.span() for m in QUOTED.finditer(text, start, end)]
    out: list[Word] = []
    position = start
    for piece_start, piece_end, whole in sorted([*((s, e, False) for s, e in holes), *((s, e, True) for s, e in quoted)]):
        if piece_start < position:
            continue
        out += _words_between(stream, position, piece_start)
        if whole:
            out.append(Word.at(text[piece_start:piece_end], piece_start))
        position = piece_end
    out += _words_between(stream, position, end)
    return _dates_whole([w for w in out if w.strip()])


QUOTED_MARK = re.compile(r"[“《]")


class _DocumentWords:
    """All the words of the document once (the cut's words, punctuation and numbers between
    them, dates whole as `_dates_whole` makes them): their texts and offsets in flat lists, each
    made a Word the first time a slice asks for it (most never are)."""

    __slots__ = ("texts", "starts", "stops", "made")

    def __init__(self, stream: TokenStream):
        text = stream.text
        texts: list[str] = []
        starts: list[int] = []
        stops: list[int] = []
        position = 0

        def add(piece: str, start: int, stop: int) -> None:
            # _dates_whole, on the flat lists
            if texts and _date_word_after(texts[-1], stops[-1], piece, start):
                texts[-1] = without_annotations(texts[-1] + piece)
                stops[-1] = stop
            elif texts and _date_glued(texts[-1], stops[-1], piece, start, stop):
                texts[-1] += piece[0]  # 31|日共: the date's 日 glued to the link after it
                stops[-1] = start + 1
                texts.append(piece[1:])
                starts.append(start + 1)
                stops.append(stop)
            elif _suffix_glued(piece, start, stop):
                texts.append(without_annotations(piece[0]))
                starts.append(start)
                stops.append(start + 1)
                rest = without_annotations(piece[1:])
                texts.append(rest)
                starts.append(start + 1)
                stops.append(start + len(piece))
            else:
                texts.append(piece)
                starts.append(start)
                stops.append(stop)

        for word_start, word_end in zip(stream.starts, stream.ends):
            if position < word_start:
                # (a piece between the cut's words, one character or a run of Latin letters and
                # digits, is no glued date nor glued suffix: only a date word may join the number
                # before it, and `add` is needed for none other)
                if word_start - position == 1:  # one character: what NOT_CUT makes of it
                    piece = text[position]
                    if not piece.isspace() and not ("(" in text[max(0, position - 8):word_start]
                                                    and _annotation_at(text, position)):
                        if piece in DATE_WORDS:
                            add(piece, position, word_start)
                        else:
                            texts.append(piece)
                            starts.append(position)
                            stops.append(word_start)
                else:
                    annotated = "(" in text[max(0, position - 8):word_start]
                    for match in NOT_CUT.finditer(text, position, word_start):
                        piece = match.group()
                        if not piece.isspace() and not (annotated and _annotation_at(text, match.start())):
                            if piece in DATE_WORDS:
                                add(piece, *match.span())
                            else:
                                texts.append(piece)
                                starts.append(match.start())
                                stops.append(match.end())
            piece = text[word_start:word_end]
            if "(" in piece:
                piece = without_annotations(piece)
                if piece.strip():
                    add(piece, word_start, word_end)
            elif piece[0] in BOUND_SUFFIXES or ((piece in DATE_WORDS or piece[0] in DATE_CHARS) and texts and texts[-1].isdigit()):
                add(piece, word_start, word_end)
            else:  # most words: what add does with a word that is no date part nor bound suffix
                texts.append(piece)
                starts.append(word_start)
                stops.append(word_end)
            position = word_end
        if position < len(text):
            annotated = "(" in text[max(0, position - 8):]
            for match in NOT_CUT.finditer(text, position, len(text)):
                piece = match.group()
                if not piece.isspace() and not (annotated and _annotation_at(text, match.start())):
                    add(piece, *match.span())
        self.texts, self.starts, self.stops = texts, starts, stops
        self.made: list[Word | None] = [None] * len(texts)

    def word(self, index: int) -> Word:
        word = self.made[index]
        if word is None:
            word = self.made[index] = Word(self.texts[index])
            word.start, word.stop = self.starts[index], self.stops[index]
        return word


def _document_words(stream: TokenStream) -> _DocumentWords:
    found = stream.derived.get("subject_words")
    if found is None:
        found = stream.derived["subject_words"] = _DocumentWords(stream)
    return found


def _slice(stream: TokenStream, start: int, end: int) -> list[Word]:
    """The document's words in [start, end), one crossing an edge cut at it."""
    words = _document_words(stream)
    starts, stops = words.starts, words.stops
    first = bisect_right(starts, start) - 1
    if first < 0 or stops[first] <= start:
        first += 1
    out = []
    for index in range(first, bisect_left(starts, end)):
        word_start, word_stop = starts[index], stops[index]
        if word_start < start or word_stop > end:
            piece = stream.text[max(start, word_start):min(end, word_stop)]
            if not piece.strip():
                continue
            out.append(Word.at(piece, max(start, word_start)))
        else:
            out.append(words.word(index))
    return out


# The words that make a time word of the number before them (12 + 月份).
DATE_WORDS = frozenset({"年", "年度", "年代", "年底", "年末", "年初", "月", "月份", "月底", "月末", "日", "号", "季度"})
# The characters of a date that jieba may glue to a link after it (31|日共|发布: 31日 + 共)
DATE_CHARS = "年月日号"


def _dates_whole(words: list[Word]) -> list[Word]:
    """12 + 月份 → 12月份: a number and the date word after it are one (time) word. And a
    word jieba glued from a bound suffix and the link after it is two: 自费|率控制|在 →
    自费|率|控制|在 (the suffix ends the noun, 控制 is a link to the number)."""
    out: list[Word] = []
    for word in words:
        if out and _date_word_after(out[-1], out[-1].stop, word, word.start):
            out[-1] = Word.at(out[-1] + word, out[-1].start, word.stop)
        elif out and _date_glued(out[-1], out[-1].stop, word, word.start, word.stop):
            # 31|日共|发布: jieba glued the date's 日 to the link after it (日共); the date is 31日
            out[-1] = Word.at(out[-1] + word[0], out[-1].start, word.start + 1)
            out.append(word.part(1))
        elif _suffix_glued(word, word.start, word.stop):
            out += [word.part(0, 1), word.part(1)]
        else:
            out.append(word)
    return out


def _date_word_after(previous: str, previous_stop: int, piece: str, start: int) -> bool:
    """12 + 月份: a date word right after a number, the two one word (`_dates_whole`, `_DocumentWords`)."""
    return previous.isdigit() and previous_stop == start and piece in DATE_WORDS


def _date_glued(previous: str, previous_stop: int, piece: str, start: int, stop: int) -> bool:
    """31|日共: a date's character right after a number, glued by jieba to a link after it."""
    return previous.isdigit() and previous_stop == start and len(piece) > 1 and piece[0] in DATE_CHARS \
        and piece[1:] in strip_words() and stop - start == len(piece)


def _suffix_glued(piece: str, start: int, stop: int) -> bool:
    """自费|率控制: a bound suffix glued by jieba to a link after it."""
    return piece[0] in BOUND_SUFFIXES and len(piece) > 1 and piece[1:] in strip_words() and stop - start == len(piece)


NOT_CUT = re.compile(r"[A-Za-z0-9]+|\s+|.", re.DOTALL)


def _annotation_at(text: str, position: int) -> bool:
    """Whether a pinyin annotation (fā) covers `position`."""
    opening = text.rfind("(", max(0, position - 8), position + 1)
    return opening >= 0 and bool(ANNOTATION.match(text, opening)) and position < ANNOTATION.match(text, opening).end()


def _words_between(stream: TokenStream, start: int, end: int) -> list[Word]:
    text = stream.text
    first = bisect_right(stream.ends, start)
    out: list[Word] = []
    position = start
    for word_start, word_end in zip(stream.starts[first:], stream.ends[first:]):
        if word_start >= end:
            break
        if word_start < start or word_end > end:
            word_start, word_end = max(word_start, start), min(word_end, end)
        if position < word_start:
            _gap_words(text, position, word_start, out)
        piece = text[word_start:word_end]
        if "(" in piece:
            out.append(Word.at(piece, word_start))
        else:  # Word.at without the look for an annotation: most words
            word = Word(piece)
            word.start, word.stop = word_start, word_end
            out.append(word)
        position = word_end
    if position < end:
        _gap_words(text, position, end, out)
    return out


def _gap_words(text: str, start: int, end: int, out: list[Word]) -> None:
    """Punctuation (a word each) and numbers (a run of digits is one) between the cut's words;
    a pinyin annotation is none."""
    annotated = "(" in text[max(0, start - 8):end]
    for match in NOT_CUT.finditer(text, start, end):
        piece = match.group()
        if not piece.isspace() and not (annotated and _annotation_at(text, match.start())):
            word = Word(piece)
            word.start, word.stop = match.span()
            out.append(word)


@cache
def _scope_words() -> frozenset[str]:
    """Strip words of scope and time that a subject never reaches across (全年, 累计, 共)."""
    return frozenset({"全年", "累计", "共", "共计", "合计", "总计", "全年共", "今年", "目前"})


@lru_cache(maxsize=16384)
def _is_strip(token: str) -> bool:
    """(Kept per word: the clauses of a document read the same words again and again.)"""
    return token in strip_words() or bool(TIME_WORD.match(token) or RATE_WORD.match(token)) \
        or _strip_with_complement(token) or _two_links(token)


def _two_links(token: str) -> bool:
    """分别高出, 累计达到: jieba glued two strip words; together they are one."""
    return len(token) >= 4 and any(token[:cut] in strip_words() and token[cut:] in strip_words()
                                   for cut in range(2, len(token) - 1))


def _strip_with_complement(token: str) -> bool:
    """发放到, 落实到, 覆盖至: a verb of doing with the complement of where it reached is a link
    too (救助资金发放到1200户)."""
    return token[-1] in "到至" and len(token) > 2 and (
        token[:-1] in strip_words() or token[:-1] in _words("subject_verbs.txt"))


def changed_by_verb(text: str, start: int, floor: int) -> bool:
    """Whether the figure at `start` follows a verb of change with nothing between (增长6.5%,
    比上年增加1200人): a change of what its clause is about (`change_verb_before`)."""
    return bool(_compiled(_context_words()["change_verb_before"]).search(text[clause_before(text, start, floor):start]))


def _aside_around(text: str, window_start: int, position: int, end: int) -> int:
    """Where the bracket opens of an aside that holds `position` and closes before `end` (-1 when
    none does)."""
    opened = max(text.rfind("(", window_start, position), text.rfind("（", window_start, position))
    if opened < 0 or re.search(r"[)）]", text[opened:position]):
        return -1
    closed = re.search(r"[)）]", text[position:end])
    return opened if closed is not None and not re.search(r"[(（。\n]", text[position:position + closed.start()]) else -1


def clause_before(text: str, start: int, floor: int) -> int:
    """Where the clause that ends at `start` begins: after the last clause break, or `floor`."""
    window_start = max(floor, start - 60)
    breaks = list(finditer(CLAUSE_BREAK, text, window_start, start))
    while breaks and breaks[-1].group() in ",，;；" and (opened := _aside_around(text, window_start, breaks[-1].start(), start)) >= 0:
        # 总人口性别比(以女性为100,城乡合计)为105.1: a comma inside an aside closed before the
        # figure parts the aside, not the clause, which runs on before the aside's bracket
        breaks = [found for found in breaks if found.end() <= opened]
    begin = breaks[-1].end() if breaks else window_start
    if HEADLINE_SPACE.search(text, begin, start) and _on_headline(text, start):
        begin = list(HEADLINE_SPACE.finditer(text, begin, start))[-1].end()
    return begin


def _on_headline(text: str, position: int) -> bool:
    """Whether the line holding `position` has no sentence punctuation (a headline's, whose
    phrases a space parts)."""
    line_end = text.find("\n", position)
    return not SENTENCE_MARK.search(text, text.rfind("\n", 0, position) + 1, len(text) if line_end < 0 else line_end)


def clause_after(text: str, end: int) -> int:
    """Where the clause that starts at `end` stops."""
    found = next(finditer(CLAUSE_BREAK, text, end, end + 40), None)
    stop = found.start() if found else min(end + 40, len(text))
    # a headline's next phrase (新建221处养老设施 老年助餐场所400处), after the words the number
    # opens (a space right after the number is no break)
    opening = end + len(text[end:stop]) - len(text[end:stop].lstrip())
    space = HEADLINE_SPACE.search(text, opening, stop)
    if space and _on_headline(text, end):
        return space.start()
    return stop


# Parts of speech that modify or head a noun phrase: a strip verb between one of them and the
# phrase's noun belongs to the compound (城市低保平均保障标准, 最低生活保障标准).
NOMINAL_TAGS = frozenset({"n", "nz", "vn", "an", "j", "b", "a"})


def _nominal(word: str) -> bool:
    return word in domain_terms() or (word_tag(word) in NOMINAL_TAGS and not _is_strip(word))


# Heads that name nothing alone and with the compound verb before them name what is counted even
# with nothing before the verb (保障对象, 监测对象, 资助金额, 保障人数); 资金 is not one of them:
# 投入资金300万元 is 资金.
BARE_HEADS = frozenset({"对象", "人数", "人员", "金额", "标准"})


def _inside_compound(words: list[str], run: list[str]) -> bool:
    """Whether the strip word ending `words` sits inside the noun compound `run` opens: a verb
    between a noun modifier and the compound's noun (平均|保障|标准, 主动|公开|政府信息)."""
    verb = words[-1]
    modifier = words[-2] if len(words) > 1 else ""
    if verb == DOING and tuple(run) == YEARLY_INVESTMENT and len(words) > 1:
        return True  # 项目|完成|年度|投资: read on to the project, as 完成投资 is one word (DONE_INVESTMENT drops 完成)
    if run and run[-1] in RECORDS and word_tag(verb) == "n" and (len(run) > 1 or modifier in domain_terms()
                                                                 or word_tag(modifier) in ("n", "vn", "nz")) \
            and verb[0] not in SELF and not _is_scope([verb, *run]):
        # 规划|计划|信息, 计划|总结|信息: a word kept out of names for its use as a verb (计划竣工3个)
        # is a noun naming a kind of record when jieba knows it as one and a noun stands by it
        return True
    if run and (verb in PUBLISHING or (verb in PUBLISHED and run[-1].endswith(tuple(RECORDS)))) \
            and run[0] not in _words("subject_fillers.txt"):
        # 公开|政府信息, 公开|民政政策文件: a verb of publishing before what it published stays
        # (fixtures README, session 31)
        return True
    if not run or verb not in _words("subject_compound_verbs.txt") or run[0] in _words("subject_fillers.txt"):
        return False  # 主动公开|各类|政府信息: a filler opens a phrase of its own
    if verb in _context_words()["relief_verbs"] and run[-1] in RELIEF_MONEY \
            and all(word in _context_words()["relief_verbs"] for word in run[:-1]):
        # 发放慰问|资金, 慰问|补助|资金: the relief a sum is for names it, as written with its
        # programme (fixtures README, session 35), even with nothing before the verb
        return True
    if "".join(run) in BARE_HEADS:  # 保障对象3118户, 资助金额540万元: the verb names them
        return True
    return (("".join(run) in _words("subject_compound_heads.txt") or run[-1] in RECORDS)
            and bool(HAN.match(modifier)) and not _is_strip(modifier))


# The words of money a relief names (慰问资金, 救助金额, 补助款)
RELIEF_MONEY = frozenset({"资金", "金额", "款", "经费"})


# Words of need or duty before a verb (需救助人口, 应到代表, 待安置人员): with the verb they say which
# of the people or things the head names are counted, so they stay in the name
MODALS = frozenset({"需", "应", "待", "需要"})
RELIEF = re.compile(r"救济|救助")


def _modal_inside(words: list[str], run: list[str]) -> bool:
    """Whether the strip word ending `words` is a verb after a word of need or duty, or that word
    itself before such a verb, in front of the noun the run ends with (因旱|需|救助|人口)."""
    if not run:
        return False
    verbal = [(word_tag(word) or "") in ("v", "vn") for word in run]
    last = words[-1]
    if len(last) == 1 and last in MODALS and verbal[-1]:
        # 需|过渡期|生活|救助 (45人): the people by their need (需要 before a deed alone goes:
        # 需要|发展生产和就业 names the deed)
        return True
    if not (word_tag(run[-1]) or "").startswith("n"):
        return False
    if last in MODALS:  # 需|救助|人口, 需|冬春|救助|人口: a verb of the run after it
        # 需|救济粮, 需|口粮救济|人口: 需 before relief counts a need that exists, told from what was
        # given (fixtures README, session 34), whatever the cut made of the verb
        return (len(run) > 1 and any(verbal[:-1])) or (last == "需" and bool(RELIEF.search("".join(run))))
    return len(words) > 1 and words[-2] in MODALS and (word_tag(last) or "") in ("v", "vn")


# the rates of a change, rising or falling (增速, 降幅), as CHANGE_VERB lists them
GROWTH_CUES = frozenset({"增速", "增幅", "降幅", "减幅", "涨幅"})


# 支出 is a strip word for the verb of spending (支出资金); after a noun and before a cue of change it
# names the measure that changed
SPENDING_MEASURE = "支出"


def _growth_cue(words: list[str]) -> bool:
    """Whether the word ending `words` is a rate of growth after the name of what grew
    (限上批发零售业销售额增速12.6%, 营收增幅实现3.5亿元): a cue of change like 同比, no part of the name
    (fixtures README, session 33). After things a number counts (27家企业增幅在50%以上) it is the
    measure named, and alone it stays."""
    if len(words) < 2 or words[-1] not in GROWTH_CUES:
        return False
    rest = words[:-1]
    name = _take_run(rest)
    return bool(name) and all(HAN.match(word) for word in name) and not (rest and NUMERAL_CHARS.match(rest[-1]))


# a span of years before the word that totals over it (工业投资三年累计完成…): when, not what (the
# first pass's time scope, 两年累计)
SPAN_OF_YEARS = re.compile(r"近?[一二两三四五六七八九十]{1,2}年(?:来|间)?")
TOTALLING = frozenset({"累计", "共", "共计", "合计", "总计"})


# what a measure of money or output ends with (生产总值, GDP, 一般公共预算收入, 销售额, 粮食产量, 工业增加值)
MEASURE_ENDS = ("总值", "GDP", "收入", "产值", "增加值", "额", "产量", "支出")


def _total_of_measure(words: list[str]) -> bool:
    """生产总值(现价)总量为…, 一般公共预算收入总量: 总量 after a measure names no more than the
    measure and goes (fixtures README, session 34); after a field that names no measure
    (经济总量) or after things (社会组织总量) it is the measure and stays."""
    if len(words) > 1 and words[-1] == SIZE and words[-2].endswith(POPULATION_ENDS):
        return True  # 贫困人口规模为376户: the population's size is its count, like 总数 (session 36)
    if len(words) < 2 or words[-1] != "总量":
        return False
    before = words[-3] if words[-2] in PRICE_BASES and len(words) > 2 else words[-2]
    return before.endswith(MEASURE_ENDS)


# 规模 after a population names no more than its count and goes like 总数 after what is counted;
# after a work or a thing (建设规模, 养殖规模) it is the measure and stays
SIZE = "规模"
POPULATION_ENDS = ("人口", "人员", "对象", "户")


def _total_of_deed(words: list[str]) -> bool:
    """贸易出口总额, 集中供养总数, 救助总额: 总数 and 总额 after a verb (or verbal noun) stay, the
    deed's total being the measure; after a noun that names what is counted (低保对象总数, 捐款总额)
    they go like 总量 (session-36 ruling). A verb the subject rules drop (发放) names nothing here."""
    return len(words) > 1 and words[-1] in DEED_TOTALS \
        and (word_tag(words[-2]) in ("v", "vn") or words[-2] in _context_words()["deed_nouns"]) \
        and not _is_strip(words[-2]) and words[-2] not in domain_terms() and not words[-2].endswith(MONEY_NOUN_ENDS) \
        and _touching(words[-2], words[-1])


# the ends of a word naming money, a noun though jieba may tag it a verb (捐款总额: the donations')
MONEY_NOUN_ENDS = ("款", "金", "费")


DEED_TOTALS = frozenset({"总数", "总额"})


# the prices a level is reckoned at, between a measure and its 总量 (生产总值现价总量)
PRICE_BASES = frozenset({"现价", "可比价"})


# 上级资金: the level a fund comes from names the fund, like 省级以上补助资金 (fixtures README,
# session 33); elsewhere 上级 is a superior (向上级报送) and goes
FUND_LEVELS = frozenset({"上级"})
FUNDS = ("资金", "补助", "补贴", "款")


def _level_of_fund(words: list[str], run: list[str]) -> bool:
    return bool(run) and words[-1] in FUND_LEVELS and run[0].endswith(FUNDS) and _touching(words[-1], run[0])


def _take_run(words: list[str]) -> list[str]:
    """Pop the run of non-strip words off the end of `words` (a strip verb inside a noun
    compound stays in it)."""
    run: list[str] = []
    while words and (not _is_strip(words[-1]) or (run and run[0] in BOUND_SUFFIXES)
                     or _inside_compound(words, run) or _period_inside(words, run) or _period_opening(words, run)
                     or _modal_inside(words, run)
                     or _level_of_fund(words, run)):
        run.insert(0, words.pop())
        if words and run[0] in BOUND_MODIFIER_SUFFIXES and _is_strip(words[-1]) and _touching(words[-1], run[0]):
            run.insert(0, words.pop())  # 全区|性: what the suffix makes a modifier of, though a strip word alone
            if run[1] != CLASS_MARK:
                break  # a class's name reads on (规划|计划|类|信息: the class 规划计划)
        if words and words[-1] in BINDING_VERBS and len(run[0]) == 1 and HAN.match(run[0]) \
                and word_tag(run[0]) not in NAMELESS_TAGS and _touching(words[-1], run[0]):
            run.insert(0, words.pop())  # 在|岗|人员: the character the verb binds is no word alone
    if "".join(run) in BARE_HEADS and words:
        # 纳入监测|对象: jieba glued a strip verb to the compound verb naming the head
        glued = words[-1]
        verb = next((v for v in _words("subject_compound_verbs.txt")
                     if glued.endswith(v) and len(glued) > len(v)), None)
        if verb and _is_strip(glued[:-len(verb)]):
            glued = _as_word(words.pop())
            words.append(glued.part(0, len(glued) - len(verb)))
            run.insert(0, glued.part(len(glued) - len(verb)))
    return run


def _touching(before: str, after: str) -> bool:
    """Whether two words of the document stand side by side, nothing between them."""
    return isinstance(before, Word) and isinstance(after, Word) and before.stop == after.start >= 0


# Words that link a count to what it counts (有, 共有, 其中) and end a name read back from 户.
HOUSEHOLD_STOPS = frozenset({"有", "共有", "现有", "拥有", "其中", "包括", "含", "涉及", "是", "为", "达"})
HOUSEHOLD_TAGS = frozenset({"v", "vn", "a", "ad", "an", "d", "n"})


def _household_name(words: list[str]) -> list[str]:
    """The words a head 户 ends when jieba cut it off a verb or an adjective (监测|户, 脱贫|不|稳定|户,
    未|消除|风险|监测|户): popped off the end of `words` back to a link (共有, 其中), a scope word,
    a place or a mark; at most four."""
    taken: list[str] = []
    while words and len(taken) < 4:
        word = words[-1]
        if word in HOUSEHOLD_STOPS or word in _scope_words() or not HAN.fullmatch(word[0]) \
                or word_tag(word) not in HOUSEHOLD_TAGS or is_place(word) or _own_place(word) \
                or word in _words("subject_fillers.txt"):
            break
        taken.insert(0, words.pop())
    while taken and word_tag(taken[0]) == "d" and len(taken) > 1 and taken[0] not in ("未", "不"):
        taken.pop(0)  # 已|脱贫|户: an adverb of time opens no name
    return taken


def _period_inside(words: list[str], run: list[str]) -> bool:
    """A bare 年 or 月 between two words of a name is part of it (集中供养|年|平均标准)."""
    return (bool(run) and words[-1] in ("年", "月") and len(words) > 1
            and bool(HAN.match(words[-2])) and not _is_strip(words[-2]))


# Words that make a measure taken over a period (年平均气温, 年最高救助限额)
PERIOD_MEASURES = ("平均", "最高", "最低")


def _period_opening(words: list[str], run: list[str]) -> bool:
    """年|平均气温, 年|最高|救助限额, 年均|遗体火化率: a period word opening a measure taken over
    the period is part of its name (as 年产量 is one word); after a year's digits (20xx年) it is
    the year's, a time word."""
    if not run or words[-1] not in ("年", "年均") or (len(words) > 1 and words[-2][-1:] in DIGITS_OF_YEAR):
        return False
    return run[0].startswith(PERIOD_MEASURES) or (words[-1] == "年均" and "".join(run).endswith(_measure_heads()))


DIGITS_OF_YEAR = frozenset("0123456789０１２３４５６７８９xX×*零〇一二三四五六七八九十")


def _without_person_head(words: list[str]) -> list[str]:
    """低保对象 → 低保: the group's person head goes before a measure of what it gets."""
    last = words[-1]
    for head in _context_words()["person_heads"]:
        if last.endswith(head) and len(last) > len(head):
            return [*words[:-1], _as_word(last).part(0, len(last) - len(head))]
        if last == head and len(words) > 1:
            return words[:-1]
    return words


def _as_word(word: str) -> Word:
    return word if isinstance(word, Word) else Word(word)


# 共 before a verb says the count is a total (共收缴, 共出动): a word of summing, no part of the verb
SUM_MARK = "共"


def _without_strip_prefix(word: str) -> str:
    """依法取缔 → 取缔: jieba sometimes glues a strip word to the verb that names the count; a
    word opening with a domain term keeps it (计划生育|率: family planning, no plan)."""
    if word in domain_terms():
        return word
    for length in range(len(word) - 2, 1, -1):  # what is left is a word, never 率 of 通过率
        if word[:length] in strip_words():
            if any(word[:longer] in domain_terms() for longer in range(length + 1, len(word))):
                return word
            return _as_word(word).part(length)
    if len(word) > 2 and word[0] == SUM_MARK and (word[1:] in _words("subject_verbs.txt") or word_tag(word[1:]) == "v"):
        return _as_word(word).part(1)  # 共收缴|优待金, 共出动: the 共 of a total glued to the verb after it
    return word


def _split_verb(word: str) -> list[str]:
    """调解纠纷 → 调解, 纠纷: jieba sometimes glues the verb done to a thing to the thing (a
    verb of one character only stands apart: 创业项目 is no 创 of 业项目)."""
    if word in domain_terms() or word in _words("subject_verbs.txt"):
        return [word]
    for length in range(len(word) - 2, 1, -1):
        if word[:length] in _words("subject_verbs.txt"):
            word = _as_word(word)
            return [word.part(0, length), word.part(length)]
    return [word]


def _possessor(words: list[str]) -> list[str]:
    """The nouns before 的 that own a measure after it (农村低保对象|的|月人均补助水平, 城镇|和|农村|低保对象):
    a phrase of nouns naming people or things, not a clause (no verb), a place or a scope; empty
    when there is none."""
    rest = list(words)
    owner = _take_run(rest)
    while len(rest) > 1 and rest[-1] in ("和", "、", "及") and (more := _take_run(rest[:-1])):
        owner = [*more, rest[-1], *owner]
        rest = rest[:len(rest) - 1 - len(more)]
    phrase = "".join(owner)
    if not owner or len(phrase) > 10 or not HAN.match(phrase) \
            or NUMERAL_CHARS.search("".join(word for word in owner if word not in domain_terms())) \
            or any(word_tag(word) in ("v", "vn", "p") for word in owner) or _is_scope(owner + ["的"]) \
            or _leading_place(owner + ["的"]) or not (owner[-1].endswith(head_words()) or owner[-1] in domain_terms()):
        return []
    return owner


def _verb_goes(verb: str, rest: list[str], counts: str, predicate: bool = False) -> bool:
    """Whether the verb in front of `rest` is dropped: in front of a thing, a person or money
    unless the rest names nothing alone (救助金额); in front of an event noun (讲授法治专题党课).
    A verb no list names goes only where it is plainly the predicate (`_heads_object`)."""
    if not rest or not (verb in _words("subject_verbs.txt") or _heads_object(verb, rest, predicate)):
        return False
    if rest[0] in COORDINATORS:  # 取缔、劝散非法社会组织 goes, 废止或失效 stays
        # a verb joined to one that goes is a predicate too and shares its object (新增或扩大|冠名基金)
        return len(rest) > 1 and _verb_goes(rest[1], rest[2:], counts, True)
    phrase = "".join(rest)
    if (verb in PUBLISHED + SENT_UP and phrase.endswith(tuple(RECORDS))) or verb in PUBLISHING:
        # 发布|信息, 报送|工作信息, 公开|政策文件: the verb of publishing tells the count from its
        # neighbours (fixtures README, session 31), whatever was published
        return False
    if phrase in BARE_HEADS or phrase in BOUND_SUFFIXES:
        # 救助|对象, 订阅|数: a verb before a head that names nothing alone or a bound suffix is of the name
        return False
    if len(rest) > 1 and rest[-1] in _agent_heads() and rest[-2].endswith(PEOPLE_HEADS) and len(rest[-2]) > 1:
        # 服务|老年人|机构: the people right before a body's head are whom the body serves, the
        # verb with them its name (a kind of body), not a deed done to the bodies counted
        return False
    if counts == "things":
        # a verb before a measure names it (救助|金额, 覆盖|率), but one that makes or adds the
        # thing measured is the predicate when the thing is named before the measure (新增|农田
        # 有效灌溉面积, 新建|绿化面积: the added area of the land, not an area of adding)
        # an area of a thing a verb was done to is of the thing too (种植|马铃薯|面积: the potatoes' area,
        # the verb goes like before the crop itself; 种植|面积 alone names the measure)
        made = (verb in CREATING or phrase.endswith(AREA_MEASURE)) and len(rest) > 1 \
            and "".join(rest[:-1]) not in generic_subjects()
        return phrase not in generic_subjects() and (made or not phrase.endswith(_measure_heads()))
    return counts == "events" and phrase.endswith(_event_heads()) and phrase not in generic_subjects()


AREA_MEASURE = "面积"


def _heads_object(verb: str, rest: list[str], predicate: bool) -> bool:
    """Whether a word no list names is a verb heading its object (共|迎来|户外大巴, 全部|缴回|违规费用,
    组建|各类|医联体): jieba's dictionary tags it a verb, a noun ends what follows it, and the
    verb is plainly the clause's predicate — an adverb or a word of scope stands right before it
    (`predicate`) or a filler opens its object (各类, 相关). Without such a mark
    a verb before a noun may name a kind of it (散居孤儿, 倒塌房屋, 注册社工), which stays."""
    return len(verb) > 1 and word_tag(verb) == "v" and verb not in domain_terms() \
        and (predicate or rest[0] in _words("subject_fillers.txt")) \
        and (rest[-1] in domain_terms() or word_tag(rest[-1]) in HEAD_TAGS) and "".join(rest) not in RECORDS


# Tags of a word that ends a noun phrase: nouns, and the words jieba tags as adjectives or
# distinguishers though they name a thing (合同/a); not verbal nouns (培训), which name a deed.
HEAD_TAGS = frozenset({"n", "nz", "j", "nt", "a", "an", "b"})
# Words right before a verb that make it the clause's predicate: adverbs (已, 又, 共, 现已), words
# of summing (累计, 共计, 全部) and the period whose work is told (今年|迎来, 全年|获得); not a word
# of the present, which opens a state (目前|散居孤儿, 目前|在建项目).
PREDICATE_MARK_TAGS = frozenset({"d", "ad"})
SUMMING = frozenset({"累计", "共计", "合计", "总计", "全年共", "全部"})
PERIOD_OF_WORK = frozenset({"全年", "今年"})


def _marks_predicate(word: str) -> bool:
    return word_tag(word) in PREDICATE_MARK_TAGS or word in SUMMING or word in PERIOD_OF_WORK


# A named venue before a verb of doing and what it counts (X景区接待游客) keeps its name, which tells
# its count from the whole's, and the verb goes (fixtures README, sessions 21 and 34: 丹霞山景区游客,
# like a body before what it has; 接待游客 → 游客, session 32)
VENUE_HEADS = ("景区", "景点")


@cache
def _agent_heads() -> tuple[str, ...]:
    return tuple(load_words("subject_agent_heads.txt"))


@cache
def _measure_heads() -> tuple[str, ...]:
    return tuple(load_words("subject_measure_heads.txt"))


@cache
def _event_heads() -> tuple[str, ...]:
    return tuple(load_words("subject_event_heads.txt"))


# 我县, 本市, 全镇, 我局: the place or body a report calls its own, a pronoun and a level or body.
SELF = frozenset("我本全该")  # 该县: the place the text is about, like 我县
LEVEL_CHARS = frozenset("省市县区镇乡村州旗")
# Levels written alone before a quoted name (省“枫桥式”服务站): whose name, not what is counted.
SCOPE_LEVELS = frozenset("省市县区州")
OWN_LEVELS = LEVEL_CHARS | {"局", "委", "厅", "国"}  # 我局, 我委, 我厅: the body the report is by; 我国
# and the levels written as a word (全街道, 本社区, 全乡镇; 苏木 and 嘎查, the township and the village
# of Inner Mongolia: 全苏木牧民人均收入 → 牧民人均收入)
OWN_LEVELS |= {"街道", "社区", "乡镇", "苏木", "嘎查"}
# The report's own area named by a word of area, not a level (全地区, 本辖区).
OWN_AREA = re.compile(r"[我本全](?:地区|辖区|区域|境内|域)")
# Each of the places below the report's (各乡镇, 各县区): where, not what is counted.
EACH_PLACE = re.compile(r"各(?:[省市县区镇乡村州旗]{1,3}|乡镇|街道|社区|地)")
# The complement of a verb's result jieba cuts apart (筛查|出, 评选|出): it goes with its verb.
RESULT_COMPLEMENTS = frozenset({"出"})
# Parts of speech that lead a subject without naming what is counted: prepositions. (Time,
# scope and manner words are strip words: jieba's tags for them catch nouns too, 老年 is a
# time word to it and 城市 a place.)
LEADING_TAGS = frozenset({"p"})
# Words of manner before a verb (专项救助, 分类帮扶, 直接带动, 实地走访): they go with nothing after them but
# the verb; before a noun they name it (专项资金 keeps 专项).
MANNER_WORDS = frozenset({"专项", "分类", "直接", "间接", "免费", "无偿", "实地"})
# Prepositions of cause that make a noun with what follows (因灾伤病人口, 因病致贫).
CAUSES = frozenset({"因"})


def _leading_place(run: list[str]) -> int:
    """How many words a place name that opens the run takes (新|市|坝|镇 特困人员 → 4); 0 when
    none does or the name would be all of it."""
    joined, longest = "", 0
    if _known_verb(run[0]):
        return 0  # 新增|镇|街级照料中心, 培训|镇|村干部: a verb opens no place name
    for count, word in enumerate(run[:-1], start=1):
        joined += word
        if len(joined) >= 2 and is_place(joined):
            longest = count
    return longest


def _known_verb(word: str) -> bool:
    """A verb the subject rules drop or read (新增, 培训, 发放)."""
    return word in _words("subject_verbs.txt") or (word in strip_words() and word_tag(word) in ("v", "vn"))


def _is_scope(run: list[str]) -> bool:
    """Whether the run opens with where it counts, not what: a place (新市坝镇, 枣庄市), the
    report's own place (我县), a preposition."""
    first = run[0]
    if first in NATIONWIDE and any("示范" in word for word in run[1:]):
        return False  # 全省婚俗改革示范县: a rank, not where the count is
    if first in SELF and (run[1] in OWN_LEVELS or OWN_AREA.fullmatch(first + run[1])):
        return len(run) > 2
    if _own_place(first):  # 我市, 全地区 cut as one word
        return True
    if first in domain_terms():
        return False
    return (word_tag(first) in LEADING_TAGS and first not in CAUSES) or is_place(first) \
        or bool(EACH_PLACE.fullmatch(first))


# Verbs of giving that name the sum given (会员企业捐款4700万元): the donors before them stay, past
# a word of summing (累计, 共).
DONATING = frozenset({"捐款", "捐赠", "捐资", "捐助"})
# Words for people of no one kind (群体, 人群): after a filler of scope (各类群体) they name no one.
VAGUE_GROUPS = frozenset({"群体", "人群"})
# Verbs of paying out that jieba glues to the payer before them (财政支出, 财政投入)
PAYING = frozenset({"支出", "投入", "安排", "拨付", "下拨"})


def _glued_payer(run: list[str]) -> int:
    """How many words open the run with who paid and the verb of paying glued in one word,
    before a sum named by more than its money word (县|财政投入|养老服务资金 → 2,
    财政支出|医疗救助资金 → 1): that is the predicate, as 财政|拨付 apart is; 0 when none."""
    at = 1 if len(run) > 2 and (run[0] in LEVEL_CHARS or run[0] in ("中央", "地方")) else 0
    word, rest = run[at], "".join(run[at + 1:])
    if len(word) < 4 or word[-2:] not in PAYING or word_tag(word[:-2]) != "n" or word[:-2] in domain_terms():
        return 0
    named_sum = rest.endswith(("资金", "经费", *MONEY_SUFFIXES)) and rest not in generic_subjects()
    return at + 1 if named_sum and len(rest) > 2 else 0


def _next_numeral(numeral: str) -> str:
    """The numeral after `numeral` (一 → 二, 3 → 4), or one no word opens with when there is none."""
    if numeral.isdigit():
        return str(int(numeral) + 1)
    order = "一二三四五六七八九十"
    at = order.find(numeral)
    return order[at + 1] if 0 <= at < len(order) - 1 else "\0"


def _trim_front(run: list[str], counts: str, predicate: bool = False) -> tuple[list[str], list[str]]:
    """Drop what leads a subject without naming the count: coordinators, fillers, a bracketed
    aside, the agent and the verb done to what is counted (see `_verb_goes`).
    `counts` is "things" (people, things, money), "events" or "other" (rates, durations).
    Returns the run left and the verbs dropped."""
    dropped: list[str] = []
    run = _after_closed_aside(run)
    if "并" in run[1:-1]:  # 自主创业并带动就业: 并 joins predicates, the last is the count's
        run = run[len(run) - run[::-1].index("并"):]
    while run:
        first = run[0]
        if len(run) > 1 and (run[1] in BOUND_MODIFIER_SUFFIXES or (
                first in BINDING_VERBS and len(run[1]) == 1 and HAN.match(run[1]) and word_tag(run[1]) not in NAMELESS_TAGS)):
            break  # 全区|性|社会组织, 救助|类|单位, 在|岗|人员: the pair is one word jieba did not know
        if len(run) > 1 and (levels := _level_list(run)):
            run = run[levels:]  # 省市县三级|民生实事, 市、区两级|配送文艺指导
        elif (first.isdigit() or LIST_NUMERAL.fullmatch(first)) and len(run) > 2 and run[1] in ("、", ".", "．") \
                and not (run[1] == "、" and run[2].startswith(_next_numeral(first))):
            # 1、与…合作发展村集体经济项目, 二、新建公办幼儿园: a list's number (not the first of
            # numbers listed in turn: 一、二、三产业 names the three industries)
            run = run[2:]
        elif first.isdigit() and len(run) > 3 and run[1] in ("-", "—", "~", "～", "至") and run[2].isdigit() \
                and not AGE_LABEL.match(run[2] + run[3]):
            run = run[3:]  # 2020年1-5|城乡医疗救助: a span of months whose 月 was left out (not of ages: 12-17岁)
        elif len(run) > 2 and first in _words("subject_fillers.txt") and run[1] in VAGUE_GROUPS:
            run = run[2:]  # 各类|群体|参保费用支出: groups of every kind name no one the sum is of
        elif first in COORDINATORS or (first in _words("subject_fillers.txt") and tuple(run[:2]) != YEARLY_INVESTMENT) \
                or BATCH.fullmatch(first) or (
                len(run) > 1 and word_tag(first) == "c" and first not in domain_terms()) or (
                first[0] in MARK_CHARS and LEADING_MARK.fullmatch(first)):
            run = run[1:]
        elif first[0] in REDACTION_CHARS and len(run) > 1 and len(run) > 1 + (run[1] in LEVEL_CHARS) and REDACTION.fullmatch(first):
            run = run[1 + (run[1] in LEVEL_CHARS):]  # **村, XX市: a redacted place goes whole
        elif first in BRACKETS and BRACKETS[first] in run[1:-1]:
            run = run[run.index(BRACKETS[first], 1) + 1:]
        elif first in BRACKETS:  # an aside opened before the clause: (市本级
            run = run[1:]
        elif len(run) > 1 and (first in _words("subject_agents.txt") or _agency(first)):
            run = run[1:]
        elif counts == "things" and (published := _publisher_lead(run)):
            run = run[published:]  # 行政|机关|主动公开|政府信息: the bodies that published
        elif counts == "things" and len(run) > 1 and (paid := _glued_payer(run)):
            run = run[paid:]
        elif (done_by := _department_before_verb(run)):
            # 民政部门|接收|捐赠衣被, 卫生|健康|部门|移送|问题: the departments that did it go, and
            # the verb after them is the clause's predicate (部门|预算 is theirs and stays)
            run, predicate = run[done_by:], True
        elif len(run) > 2 and first in LEVEL_CHARS and _agency(run[1]):  # 县|民政局
            run = run[2:]
        elif (led := _leaders_lead(run)):
            run = run[led:]  # 市县|领导|走访慰问, 街道|领导|带队|敲门招商: the leaders who did it
        elif len(run) > 2 and first.endswith(("委", "政府")) and _agency(run[1]) and len(run[1]) > 2:  # 县委|组织部
            run = run[2:]
        elif len(run) > 1 and first in SCOPE_LEVELS and (QUOTED.fullmatch(run[1]) or _agency(first + run[1])):
            run = run[1:]  # 省|“枫桥式”服务站创建现场会: the level whose name it is
        elif len(run) > 2 and first == "新" and (run[1] in CREATING or (run[1] in BRACKETS and run[2:3] == ["改"])
                                                 or _new_deed(run[1], run[2])):
            # 新|改扩建公办幼儿园, 新|(改)|建城市公园, 新|培育|社区社会组织: 新 goes with the verb
            run = run[1:]
        elif counts == "things" and len(run) > 1 and first.startswith("新") and (status := _new_status(first, run[1:])):
            # 新|进|规|企业, 新开工|项目: 新 before a status goes like 新增, the status stays (a
            # rate's population keeps it: 新开工项目参保率)
            # and the mark of a predicate before 新 (全年|新|登记|市场主体) is not the status's
            run, predicate = [status, *run[1:]] if len(first) > 1 else run[1:], False
        elif counts == "things" and len(run) > 1 and (verb := _newly_done(first, run[1])):
            # 新|申请|低保, 新纳入|低保, 新造|油茶林: 新 meaning newly goes before any verb, as 新增
            # does, and the verb stays (session-36 rulings); a rate's name is kept whole
            run = [verb, *run[1 + (first == "新"):]]
            break
        elif counts != "other" and len(run) > 5 and len(first) == 1 and run[1] in BRACKETS and run[3] == BRACKETS[run[1]] \
                and first + run[2] + run[4] in CREATING:
            # 改(扩)建乡镇卫生院5处: a verb written with the character it may also mean bracketed
            # inside goes as the verb it spells out (改扩建)
            dropped.append(first + run[2] + run[4])
            run = run[5:]
        elif len(run) > 1 and first == "起" and (len(run[1]) > 1 or run[1] in SELF):
            run = run[1:]  # 1月起|我市城镇低保标准: from when, not what (起|付|线 stays)
        elif len(run) > 2 and first in ("月", "年") and run[1] in _words("subject_verbs.txt"):
            run = run[1:]  # 月|发|低保资金: how often it is paid
        elif len(run) > 1 and _is_scope(run):
            run = run[2:] if first in SELF else run[1:]
            if len(run) > 1 and run[0] in LEVEL_CHARS and is_place(first):
                run = run[1:]  # 湘西|州: the level written apart from the name is still the place
        elif len(run) > 1 and (place := _leading_place(run)):
            run = run[place:]
        elif _without_strip_prefix(first) != first:
            # (a 共 glued to the verb marks it the clause's predicate, as 共 apart does)
            run, predicate = [_without_strip_prefix(first), *run[1:]], predicate or first[0] == SUM_MARK
        elif counts != "other" and len(_split_verb(first)) > 1:
            run = [*_split_verb(first), *run[1:]]
        elif len(run) > 2 and len(first) > 1 and word_tag(first) == "v" and first not in domain_terms() \
                and (is_place(run[1]) or _leading_place(run[1:])):
            # 补助|合肥市|省级福利彩票公益金: a verb before a place names no kind of what follows (a
            # place is no verb's modifier): it is the predicate, done for or at the place
            dropped.append(first)
            run = run[1:]
        elif len(run) > 2 and run[1] in RESULT_COMPLEMENTS and word_tag(first) in ("v", "vn"):
            dropped.append(first + run[1])  # 筛查|出|疑点数据, 评选|出|优秀社工: the verb and its result
            run = run[2:]
        elif len(run) > 1 and first in RESULT_COMPLEMENTS and dropped:
            run = run[1:]  # the result of the verb dropped before it
        elif _verb_goes(first, run[1:], counts, predicate):
            dropped.append(first)
            run = run[1:]
            if len(run) > 2 and run[0] in COORDINATORS:  # 新增|或|扩大: the verb joined to it goes with it
                dropped.append(run[1])
                run = run[2:]
            # the mark is of the verb right after it: a verb after that one may name a kind of
            # the thing (回收|废旧|衣物, 新增|集中供养|五保对象, 接收|退伍|士兵)
            predicate = False
        elif len(run) > 1 and first in MANNER_WORDS and (
                (len(run) > 2 and (word_tag(run[1]) == "v" or run[1] in _words("subject_verbs.txt")))
                or (run[1] in domain_terms() and word_tag(run[1][:2]) == "v")):
            # (or before a term that opens with its verb: 直接|带动就业)
            run, predicate = run[1:], True  # 专项|救助|贫困聋儿: how it was done, not what; the verb after it is the predicate
        else:
            break
    # a quoted name after an enumeration it is done to (养老机构、社会组织领域“双随机、一公开”
    # 抽查 → “双随机、一公开”抽查), unless it is itself an item of the list (探访率、“清单”送达率) or in front of a thing it names (万向集团“四个一万工程”助学金
    # → 助学金), unless what follows it is an event or names nothing alone (“全市通办”业务);
    # alone before a thing counted, a label of its kind stays (“家门口”就业服务站, “救急难”互助社)
    # and only an owner's name or a title goes (“健康杭州”官方微博, 《民法典》宣传册)
    quoted = [i for i, word in enumerate(run) if QUOTED.fullmatch(word)]
    if quoted and quoted[0] > 0 and "、" in run[:quoted[0]] and run[quoted[0] - 1] not in COORDINATORS:
        return run[quoted[0]:], dropped
    if quoted and quoted[-1] < len(run) - 1 and not (quoted[-1] > 0 and run[quoted[-1] - 1] in COORDINATORS):
        rest = "".join(run[quoted[-1] + 1:])
        if len(rest) > 2 and rest not in generic_subjects() and not rest.endswith(_event_heads()) \
                and (quoted[-1] > 0 or (counts != "things" and not BARE_RATE_WORD.fullmatch(rest)) or _owner_name(run[quoted[-1]])):
            # (“五苗”接种率: a label opening a bare rate says what the rate is of, and stays)
            dropped, run = [*dropped, *run[:quoted[-1] + 1]], run[quoted[-1] + 1:]
    if NEW_ONES in run[1:-1]:
        # 城镇|新增|就业: 新增 is a filler (§5) inside a name too, whatever stock stands beside it
        # (session-35 ruling); a flow closing the name (低保新增) is the flows' own rule
        run = [run[0], *(word for word in run[1:-1] if word != NEW_ONES), run[-1]]
    return run, dropped


# A list of the levels of government the work spans (省市县三级, 市、区两级, 全国、省、市): where,
# not what is counted; a pair of levels written as one type (区县社会工作指导中心) is no list
LEVEL_LIST = re.compile(r"(?:全国|国家|省|市|县|区|镇|乡|村)级?(?:(?:、(?:省|市|县|区|镇|乡|村)级?)+(?:[两三四五]级)?"
                        r"|(?:省|市|县|区|镇|乡|村)+[两三四五]级)")


# Verbs of taking in (新纳入低保, 新接收失能老人): with 新 they name the new entrants, a flow that stays
TAKING_IN = frozenset({"纳入", "接收", "收治", "收容", "入住", "入驻", "安置"})


def _new_status(first: str, rest: list[str]) -> str | None:
    """What is left of a subject's first word when it is 新 before a status a thing holds once
    reached (新进规企业, 新入库项目, 新开工项目): 新 is then a filler like 新增 (session-36 ruling),
    and a word with nothing after the status (新登记|的) no thing counted."""
    status = first[1:] or rest[0]
    words = first[1:] + "".join(rest)
    found = next((s for s in _context_words()["new_statuses"] if words.startswith(s) and len(words) > len(s)), None)
    return status if found else None


def _new_deed(verb: str, after: str) -> bool:
    """Whether 新 and the verb after it say only when a thing counted was done to (新|培育|法律顾问,
    新|招聘|社区工作者): a verb of the list with a noun after it. Not a flow in (`TAKING_IN`, and
    the flows the indicators read: 新注册), nor a clause before 的 (新发布|的|规范性文件)."""
    return verb in _words("subject_verbs.txt") and verb not in TAKING_IN and after != "的" \
        and "新" + verb not in load_toml("indicator_populations.toml")["new_words"]


def _newly_done(first: str, after: str) -> str | None:
    """The verb a subject's 新 (alone or glued: 新造, 新纳入) says was newly done, None when 新
    opens no verb (新|农村, 新型)."""
    verb = after if first == "新" else first[1:]
    if first[0] != "新" or first in NOT_NEWLY or first in CREATING or verb in CREATING:
        return None  # 新建, 新|改建: a verb of making goes whole with its 新 (`CREATING`)
    if first == "新":
        return verb if word_tag(verb) == "v" or verb in _words("subject_verbs.txt") else None
    return verb if word_tag(verb) == "v" and first not in _words("subject_fillers.txt") else None


# Words whose 新 before a verb's character is no "newly" (新闻, 新兴产业, 新发传染病, 新生儿)
NOT_NEWLY = frozenset({"新闻", "新兴", "新发", "新生", "新婚"})


def _measured_from(subject: Subject) -> Subject:
    """距县城 → 县城: what follows the last 距 or 离 cut as a word of its own (离退休 is none), when
    it is two characters or more."""
    words = cut_phrase(subject.text)
    at = max((i for i, word in enumerate(words) if word in MEASURED_FROM), default=None)
    rest = "".join(words[at + 1:]) if at is not None else ""
    return Subject(rest) if len(rest) > 1 and HAN.match(rest) else subject


# An age or a span of ages, written before the group it bounds (60至79岁, 80到89岁的, 90岁及以上)
AGE_SPAN = re.compile(r"\d{1,3}(?:\s*(?:到|至|-|—|~|～)\s*\d{1,3})?周?岁(?:及?以上|及?以下)?的?$")
# the part of an age the run-taking may have left at a subject's front (79岁 of 60至79岁老年人)
AGE_FRONT = re.compile(r"^\d{1,3}周?岁(?:及?以上|及?以下)?的?")


def _with_age(text: str, clause_start: int, subject: Subject) -> Subject:
    """60至79岁老年人, 80到89岁的户籍老人: the age or span of ages that bounds a group before it
    stays in its name, as the fixtures README settled in session 29, a span and a 的 after it too
    (the numbers themselves are no figures); a subject keeping only the span's end gets it whole,
    whatever the figure measures of the group (3至11岁人群接种率)."""
    span = subject.spans[-1] if subject.spans else None
    if span is None or span[1] - span[0] != len(subject.text) or text[span[0]:span[1]] != subject.text:
        return subject
    front = AGE_FRONT.match(subject.text)
    noun_start = span[0] + (front.end() if front else 0)
    age = AGE_SPAN.search(text, clause_start, noun_start)
    if age is None or noun_start - span[0] >= len(subject.text) - 1:
        return subject
    return Subject(text[age.start():span[1]], subject.narrowed_by)


def _level_list(run: list[str]) -> int:
    """How many words a list of levels of government opening the run takes (0 when none does or
    it would be all of the run)."""
    joined, longest = "", 0
    for count, word in enumerate(run[:-1], start=1):
        joined += word
        if LEVEL_LIST.fullmatch(joined):
            longest = count
        if len(joined) > 10:
            break
    # 乡、镇、场卫生院: a list that goes on past the levels is the name's
    return longest if longest and run[longest] not in COORDINATORS else 0


# a rate word naming nothing of its own (接种率, 办结率), unlike 事项覆盖率
BARE_RATE_WORD = re.compile(r"[\u4e00-\u9fff]{1,2}率")


def _owner_name(quoted: str) -> bool:
    """Whether a quoted name is its owner's (“健康杭州”, “某某市民政局”: a place or a body in it)
    or a title (《民法典》宣传册), which goes before the thing it names; a label of a kind
    (“家门口”就业服务站) stays."""
    inner = quoted[1:-1]
    return quoted.startswith("《") or _agency(inner) or any(is_place(inner[i:j]) for i in range(len(inner))
                                 for j in range(i + 2, min(len(inner), i + 6) + 1))


def _after_closed_aside(run: list[str]) -> list[str]:
    """小学(含2所民办小学)、初中: what follows a bracket closed in the run but opened before it
    (民办小学)、初中 → 初中)."""
    closed = [i for i, word in enumerate(run) if word in CLOSING and CLOSING[word] not in run[:i]]
    return run[closed[-1] + 1:] if closed and closed[-1] < len(run) - 1 else run


def _subject(run: list[str], dropped: list[str] | None = None, longest: int = LONGEST_SUBJECT) -> Subject | None:
    """A Subject of a run of words, or None for one that cannot name anything (empty, too
    long, a heading's number, no Chinese at all)."""
    if len(run) > 3 and CITATION.fullmatch("".join(run[-3:])):
        run = run[:-3]  # 地区生产总值(GDP)[2]: the bulletin's citation mark
    while run and run[-1] in BRACKETS:  # 开放场馆(含…: a bracket opened after the name is no part of it
        run = run[:-1]
    run = _brackets_matched(run)
    phrase = "".join(run)
    if phrase != phrase.strip():
        run = [w for w in run if w.strip()]
        phrase = "".join(run)
    phrase = without_annotations(phrase)
    bare = _without_gloss(phrase)
    if bare != phrase:
        phrase, run = bare, [bare]  # the words no longer one stretch of the document
    if not 0 < len(phrase) <= longest or OUTLINE_NUMBER.fullmatch(phrase) \
            or not (HAN.search(phrase) or ACRONYM.fullmatch(phrase)) or _names_nothing(run, phrase) \
            or _own_place(phrase) or SPAN_OF_TIME.fullmatch(phrase) or PLAN_PERIOD.fullmatch(phrase):
        return None
    dropped = dropped or []
    spans = span_of(run)
    if spans and dropped:
        narrowing = span_of(dropped)
        spans = narrowing + spans if narrowing else ()
    return Subject(phrase, "".join(dropped) if dropped else None, spans)


def _without_gloss(phrase: str) -> str:
    """低保对象(含特困人员), 行政村(社区), 受灾县(市)区: a bracket after a name glosses or narrows it and
    is no part of the subject, the shortest phrase that names the thing (fixtures README, session
    34); a bracket opening the phrase (其中(城市)) is itself the name, one with a number (小(2)型) is
    part of it, and one after a single character (村(社区), 乡(镇)) stays: a character alone names
    nothing; nor one inside a statistic's own name (执业(助理)医师, `bracketed_names`)."""
    named = [(at, at + len(name)) for name in _context_words()["bracketed_names"] if (at := phrase.find(name)) >= 0]
    bare = GLOSS.sub(lambda gloss: gloss[0] if any(a <= gloss.start() < b for a, b in named) else "", phrase)
    return bare if len(bare) > 1 else phrase


GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?:[\u4e00-\u9fff、]{1,12}|[A-Z]{2,5})[)）]")  # (GDP) too


def _brackets_matched(run: list[str]) -> list[str]:
    """A name holds no bracket it does not close: 权责清单(行政许可、行政检查共76项) is the 权责清单 the
    bracket breaks down, and 二级栏目)共计… starts after the bracket that closed."""
    closing = next((i for i, word in enumerate(run) if word in CLOSING
                    and not any(w == CLOSING[word] for w in run[:i])), None)
    if closing is not None:
        run = run[closing + 1:]
    opening = next((i for i in range(len(run) - 1, 0, -1) if run[i] in BRACKETS
                    and BRACKETS[run[i]] not in run[i + 1:]), None)
    return run[:opening] if opening is not None else run


# A span of time alone (“十三五”期间, 疫情期间, 改革开放时期) says when, never what: 是“十三五”期间4.1亿元的
# 2.3倍 compares the sum named before with that period's
SPAN_OF_TIME = re.compile(r"[^，,。；;、\d]{1,10}(?:期间|时期)")
# A five-year plan's period alone, or the level at its end compared with (“十三五”年均增长率达到…,
# 较“十五”期末翻了一番): when, never what; the figure takes what its sentence named before
PLAN_PERIOD = re.compile(r"(?:较|比|与)?[“\"]?十[一二三四五]?五[”\"]?(?:期末|末|期间|时期)?")


# Parts of speech of a word that alone names nothing counted: adverbs, time words, pronouns,
# prepositions, conjunctions, particles, localisers, numerals (先后, 严格, 连续, 到, 低).
NAMELESS_TAGS = frozenset({"d", "ad", "t", "r", "p", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv", "f",
                           "m", "a"})


NUMERAL_CHARS = re.compile(r"[\d一二两三四五六七八九十百千万亿几数半零〇]")


def _own_place(phrase: str) -> bool:
    """我县, 本市, 全镇, 全地区 alone: where the report is, never what is counted."""
    return (len(phrase) == 2 and phrase[0] in SELF and phrase[1] in OWN_LEVELS) or bool(OWN_AREA.fullmatch(phrase))


def _names_nothing(run: list[str], phrase: str) -> bool:
    """A subject is never one character (村, 户, 市, 低) nor one word that names nothing alone
    (先后, 严格, 连续): the figure inherits from its list or clause instead."""
    if phrase in domain_terms():
        return False
    if len(phrase) == 1:  # 多 of 每月多增加投入 too, which jieba tags a numeral
        return True
    tag = word_tag(phrase)
    if tag == "m" and not NUMERAL_CHARS.search(phrase):  # jieba's numeral tag on 大米
        return False
    return len(run) == 1 and tag in NAMELESS_TAGS


@cache
def _contribution() -> re.Pattern:
    """对全县经济增长的拉动分别为: a sector's contribution to a growth, ending its clause before the number."""
    return re.compile(rf"(?P<to>对[\u4e00-\u9fff]{{2,8}}?的?(?:{'|'.join(_context_words()['contributions'])}))"
                      r"(?:分别)?(?:为|是|达到?)?\s*$")


def subject_before_number(stream: TokenStream, start: int, end: int, counts: str,
                          tasks_link: bool = False, longest: int = LONGEST_SUBJECT) -> Subject | None:
    """The run of words ending next to the number (the clause [start, end)), read right to left.
    With `tasks_link` (a count of people or a sum) a task word next to it only says the figure is
    a target (技能培训任务5000人, 培训计划任务为2.5万人次): what is trained is counted."""
    contribution = _contribution().search(stream.text, start, end)
    if contribution is not None and (who := subject_before_number(stream, start, contribution.start(), counts)):
        # 服务业对经济增长的贡献率达到56.3%: a contribution keeps what it was made to (`contributions`)
        return Subject(who.text + contribution.group("to"))
    words = tokens(stream, start, end, skip=ADVERBIALS)
    last_link, links, task = None, [], None
    head_verb: list[str] = []
    while words:
        aside = _aside_before(words)
        if aside:  # 变更登记(包括变更法人、地址等)共101项: the aside is skipped
            del words[aside:]
            continue
        if len(words) > 1 and PER_ONE.match(words[-1]):
            links.append(words.pop())
            continue
        if len(words) > 2 and words[-2] == "每" and (len(words[-1]) == 1 or word_tag(words[-1]) == "q"):
            links.append(words.pop())  # 建设资金每所300万元, 人口密度每平方公里168人: per what
            links.append(words.pop())
            continue
        if len(words) > 1 and links and _adverb_before_link(words[-1]):
            links.append(words.pop())  # 符合率都在96.5%以上, 轮椅就发放了970辆: how, not what
            continue
        if _total_of_deed(words):
            head_verb = [words.pop()]  # 贸易出口总额, 集中供养总数: the total of a deed is the measure, kept
            break
        if words[-1] == SPENDING_MEASURE and any(CHANGE_VERB.search(link) for link in links) and len(words) > 1 \
                and _nominal(words[-2]) and _touching(words[-2], words[-1]):
            head_verb = [words.pop()]  # 一般公共预算|支出|增长3.5%: the spending is what grew, no verb of spending
            break
        if not (_is_strip(words[-1]) or words[-1] in COORDINATORS or RATE_BEFORE_NUMBER.match(words[-1])
                or (tasks_link and words[-1] in TASK_WORDS and len(words) > 1)
                or (links and words[-1] in _context_words()["change_manners"] and CHANGE_VERB.fullmatch(links[-1]))
                or _growth_cue(words) or _total_of_measure(words)
                or (links and links[-1] in TOTALLING and SPAN_OF_YEARS.fullmatch(words[-1]))):
            break
        if set(links) <= WHOLE_LINKS and len(words) > 1 and words[-1] in head_words() and word_tag(words[-2]) in NOMINAL_TAGS \
                and not _is_strip(words[-2]) and _touching(words[-2], words[-1]):
            head_verb = [words.pop()]  # 社区志愿服务组织10.9万个: a verb that is also a head (组织),
            break  # next to the number after a noun, or to the whole it is a share of (组织总数的20%), is the head
        popped = words.pop()
        task = task or (popped if popped in TASK_WORDS else None)
        links.append(popped)
        last_link = last_link or popped  # the word next to the number
    run = [*_take_run(words), *head_verb] if head_verb else _take_run(words)
    run_text = "".join(run)
    flow = first_closing(run_text, tuple(_context_words()["flows"])) if run else None
    if flow and links and links[-1] in RAISED_TO and _word_ends(run[::-1]).count(len(flow)):
        # 护理补贴全部提标至每人86元/月: a flow reaching a level (至, 到, 后…达到) raised what stands
        # before it; the level is of that, not of the flow (提|标 may be cut in two)
        run = run[:len(run) - 1 - _word_ends(run[::-1]).index(len(flow))]
        while not run and words and (_is_strip(words[-1]) or words[-1] in COORDINATORS):
            words.pop()
        run = run or _take_run(words)
    if run == ["户"] and counts == "things":
        run = [*_household_name(words), *run]
    if "".join(run) in generic_subjects() and len(words) > 1 and words[-1] in _scope_words() \
            and _nominal(words[-2]):
        # 重点项目累计完成投资: a word that names nothing alone takes the name before the scope word
        scope = words.pop()
        whose = _take_run(words)
        run = [*whose, *run] if whose else run
        if not whose:
            words.append(scope)
    if run and _bare_measure("".join(run)) and len(words) > 1 and RATE_WORD.match(words[-1]):
        # 农村低保对象每人每月标准260元: a measure naming nothing alone after the rate it is paid
        # at is of the group before the rate (农村低保标准, without the group's 对象)
        rest = words[:-1]
        whose, _ = _trim_front(_take_run(rest), "other")
        if whose and HAN.match(whose[0]) and not _names_nothing(whose, "".join(whose)):
            run = [*_without_person_head(whose), *run]
            del words[len(rest):]
    if "".join(run) in generic_subjects() and len(words) > 1 and _is_strip(words[-1]) \
            and words[-1] not in _scope_words() and word_tag(words[-1]) in ("v", "a"):
        # 农村低保落实资金: a word that names nothing alone after a verb keeps the verb when a
        # name stands right before it (whose sum); 投入资金 alone stays 资金
        rest = words[:-1]
        whose, _ = _trim_front(_take_run(rest), "other")  # 全乡|农业龙头企业|实现|销售收入: the place goes first
        if whose and HAN.match(whose[-1]) and not _names_nothing(whose, "".join(whose)) and not _is_scope(whose) and not _leading_place(whose + run) \
                and not (whose[0] in _words("subject_agents.txt") or _agency(whose[0])):
            # a verb of reaching says nothing of the sum (民营经济|实现|增加值 → 民营经济增加值)
            run = [*whose, *([] if words[-1] in REACHING else [words[-1]]), *run]
            del words[len(rest):]
    if words and words[-1] in AREA_WORDS and run and ("".join(run) in generic_subjects() or "".join(run) in AREA_MEASURES) \
            and _touching(words[-1], run[0]):
        run.insert(0, words.pop())  # 辖区面积7.2平方公里, 辖区单位12家: the area measured or whose units, not where
    if words and words[-1] in NATIONWIDE and any("示范" in word for word in run):
        run.insert(0, words.pop())  # 全国医养结合示范县2个: the rank of a model's title stays
    if len(words) > 1 and words[-1] in BODY_HAVING and "".join(run) in _words("subject_attribute_heads.txt") \
            and (body := _take_run(words[:-1])) and body[-1].endswith(tuple(_context_words()["body_heads"])) \
            and not _leading_place(body) and not is_place(body[-1]):
        # 各养老机构共有床位1200张: the bodies that have the beds say whose (养老机构床位), as written
        # before them (fixtures README, session 31: a body before what bodies have); a place does not
        del words[len(words) - 1 - len(body):]
        body = body[1:] if body[0] == EACH and len(body) > 1 else body  # 各|养老机构: each of them, a scope
        run = [*_trim_front(body, "other")[0], *run]
    if words and words[-1] in JOINING and any(word.endswith("保险") for word in run):
        run.insert(0, words.pop())  # 参加失业保险120万人: the people insured, not the insurance
        rest = list(words)
        who = _take_run(rest)
        if who and len(who[-1]) > 1 and who[-1].endswith(head_words()) \
                and (word_tag(who[-1]) in ("n", "l", "nz") or who[-1] in domain_terms()) \
                and not _is_scope(who + run) and not _leading_place(who + run) and not is_place(who[-1]) \
                and not _agency(who[0]) and who[0] not in _words("subject_agents.txt"):
            run = [*who, *run]  # 困难群众|参加医疗保险: the people who joined say which are counted
            del words[len(rest):]
    generic = next((i for i, link in enumerate(links) if link in generic_subjects()
                    and not (tasks_link and link in TASK_WORDS)), None)
    if generic is not None and all(link in COPULAS or link in SUMMING or link == "共" for link in links[:generic]) \
            and (not run or _ends_named_sum(run, links[generic:])):
        # 累计支出5895.5万元: the verb names the sum; 社会救助累计支出为6.2亿元: the phrase
        # before it, as written, says whose sum, a word of summing after it too (…资金支出共…)
        run = [*run, *reversed(links[generic + 1:]), links[generic]] if run else [links[generic]]
    if run and counts == "things" and all(word_tag(w) == "v" or w in LINK_MODALS for w in run) \
            and not any(w in domain_terms() for w in run):
        # 小麦今年已完成收割12万亩, 油菜年内可完成播种5万亩: the thing the work was done to,
        # written before the time of the work, is what is counted (the verbs of doing go)
        rest, between = list(words), []
        while rest and (_is_strip(rest[-1]) or rest[-1] in LINK_MODALS) and rest[-1] not in COORDINATORS:
            between.insert(0, rest.pop())
        thing = _take_run(rest)
        if thing and any(word_tag(w) == "t" or TIME_WORD.match(w) or w in PERIOD_OF_WORK for w in between) \
                and (word_tag(thing[-1]) in NOUN_TAGS or word_tag(thing[-1]) == "l") \
                and not _is_scope(thing) and not _leading_place(thing):
            return _subject(thing)
    if run and PUT_IN in links and "".join(run).endswith(PUT_INTO) \
            and all(link == PUT_IN or link in _scope_words() or link in COPULAS for link in links):
        # 该项目投入600万元, 农村饮水安全工程累计投入…: what a project put in, a verb after the
        # thing kept as written (fixtures README, session 29), is the project's 投入
        run = [*run, PUT_IN]
    if len(run) == 1 and word_tag(run[0]) == "v" and run[0] not in domain_terms() and counts == "things":
        # a bare verb names what happened to the people counted: 失业人员实现再就业12089人
        # → 失业人员再就业; the other verbs of doing between them stay, but 实现, 完成, 达到 before a
        # deed of people go like any verb of doing (fixtures README, session 34)
        rest, between = list(words), []
        while rest and _is_strip(rest[-1]) and word_tag(rest[-1]) in ("v", "d") and rest[-1] not in _scope_words():
            between.insert(0, rest.pop())
        who = _take_run(rest)
        if who and between:
            run = [*who, *(word for word in between if word not in REACHING), *run]
    if len(run) == 1:
        # the verb repeats the name of what is counted before an adverb (城市医疗救助累计救助
        # 6657人次, 城镇困难居民普查共普查1781户): the name is the subject
        rest, between = list(words), []
        while rest and _is_strip(rest[-1]):
            between.append(rest.pop())
        named = _take_run(rest)
        if len(named) > 1 and "".join(named).endswith(run[0]):
            run = named
        elif named and between and all(word in _scope_words() for word in between) \
                and (run[0] in _words("subject_verbs.txt") or run[0] in DONATING) and _nominal(named[-1]):
            run = [*named, *run]  # 城乡医疗共救助69921人次: the name the verb completes; 会员企业累计捐款: the donors'
    # a head that names nothing alone keeps its relative clause: 具有法律职业资格的工作人员
    # with its verb (享受城市低保待遇的家庭)
    if words and words[-1] == "的" and "".join(run) in generic_subjects():
        rest = words[:-1]
        clause = _take_run(rest)
        if clause and rest and word_tag(rest[-1]) == "v" and rest[-1] not in _scope_words():
            clause.insert(0, rest[-1])
        run = [*clause, words[-1], *run]
    elif words and words[-1] == "的" and run and "".join(run).endswith(_measure_heads()) \
            and (owner := _possessor(words[:-1])):
        run = [*owner, *run]  # 低保对象的月人均补助水平: whose measure it is, without 的
    elif words and words[-1] == "的" and run and counts == "things" and (publishing := _publishing_over_clause(words[:-1])):
        run = [publishing, *run]  # 主动公开|本年度出台|的|规范性文件: the verb of publishing, not when they were made
    elif words and words[-1] == "的" and run and counts == "things":
        # a short clause of doing before 的 narrows what is counted and stays (提供住宿的社会服务
        # 机构, 参加工伤保险的农民工, 民政部门管理的公墓); a long one, a bare verb (登记的), an
        # adjective (新的) or one without a verb (群众关心的) does not
        rest = words[:-1]
        clause = _take_run(rest)
        while len(clause) > 2 and _own_place(clause[0]):
            clause = clause[1:]  # 我国|具有公募资格: where the count is opens no clause
        if clause and rest and rest[-1] in QUALIFYING:
            clause.insert(0, rest.pop())  # 具有|公募资格: the verb of having opens the clause
        # 新增|符合条件|的: a clause of qualifying (符合, 具有 …) by a condition left unnamed goes like
        # one after a number, and so does one of 有 (全县有…的: there are, or having); one naming the
        # qualification (具有公募资格的慈善组织) says which and stays
        qualifying = any(RELATIVE_AFTER_NUMBER.fullmatch("".join(clause[i:]) + "的")
                         and (clause[i] == "有" or clause[i].startswith(QUALIFYING)) for i in range(len(clause))) \
            and ("".join(clause).endswith(UNNAMED_CONDITIONS) or "有" in clause)
        verbal = lambda words: any(word_tag(word) in ("v", "vn") for word in words)  # noqa: E731
        if clause and rest and word_tag(rest[-1]) == "v" and rest[-1] not in _scope_words() and not verbal(clause) \
                and ((len(clause) == 1 and len(clause[0]) > 1) or clause[0] in ASPECT_MARKS or clause[-1] in domain_terms()):
            # 提供|住宿, 参加|过|战役, 享受|城镇|最低生活保障: the verb of a clause that is its object
            # (one word, a term with what narrows it), past its aspect mark; not one with a verb of its
            # own (共有|乡镇管理), nor a clause of who did what (群众关心: jieba's noun)
            clause.insert(0, rest[-1])
        phrase = "".join(clause)
        if len(clause) > 1 and len(phrase) <= RELATIVE_LONGEST and HAN.match(phrase) and not NUMERAL_CHARS.search(phrase) \
                and verbal(clause) and len(clause[-1]) > 1 and not qualifying and not phrase.startswith("有") \
                and not (rest[-1:] == ["在"] and clause[-1] in PUBLISHED) \
                and not _is_scope(clause + run) and not _leading_place(clause + run):
            # (在|各媒体上发表|的: where a record was published says no more than the record; 在
            # 福利院居住的特困人员 says which people)
            run = [*clause, words[-1], *run]
    # a head that names nothing alone keeps the items before its 等: 宣传折页等资料
    if len(words) > 1 and words[-1] == "等" and "".join(run) in generic_subjects():
        rest = words[:-1]
        items = _take_run(rest)
        run = [*items, words[-1], *run] if items else run
    # after 在 comes the place, then the verb (在余村等美丽乡村打造户外颁证点 → 打造户外颁证点);
    # after 经 the agent, then the verb (经法律顾问审核合同协议 → 审核合同协议)
    # after 向/对/为 … the one it is done to, then the verb (向减免部门推送困难群体数据 → 困难群体数据)
    # after 通过 the means, then the verb (通过门户网站发布政府信息 → 政府信息)
    # right after a preposition and the one it is done to (为残疾人|配发|辅助器具), or the means,
    # the verb is plainly the clause's predicate: it goes even when no list names it
    done_to = counts == "things" and bool(words) and words[-1] in PREPOSITIONS | MEANS
    if done_to and len(run) > 1 and run[-1] in DONATING and words[-1] != "通过":
        run = run[-1:]  # 向|县慈善总会|捐款: the one given to is no donor; the verb names the sum
    elif counts == "things" and words[-1:] == ["通过"] and (published := _publishing_at(run)) \
            and not _channel_tells_apart(stream.text, start, end, "".join(run[published:])):
        # 通过|其他方式|公开政府信息: the channel goes, the verb of publishing stays with its records
        # (主动公开|事业单位人事招聘信息 whole), unless the channel is what tells this count from
        # another of its sentence (fixtures README, session 33)
        run = run[published:]
    elif counts == "things" and ("在" in words or run[:1] == ["经"] or done_to):
        verb = next((i for i in range(1, len(run)) if _verb_goes(run[i], run[i + 1:], counts)), None)
        # only when no verb a list names stands there (向政策优惠减免部门|推送 passes over 减免)
        predicate = None if verb is not None or not done_to else next(
            (i for i in range(1, len(run)) if _verb_goes(run[i], run[i + 1:], counts, True)), None)
        run = run[verb:] if verb is not None else run[predicate:] if predicate is not None else run
        done_to = predicate is not None
    elif counts == "things" and len(run) > 2:
        venue = next((i for i in range(1, len(run) - 1) if run[i - 1].endswith(VENUE_HEADS)
                      and run[i] in _words("subject_verbs.txt")), None)
        if venue is not None:
            run = [*run[:venue], *run[venue + 1:]]  # 张家界景区|接待|游客: the venue stays, the verb goes
        # 困难群众御寒救助工作|走访慰问|困难群众: what the work is about, then the verb done to
        # the people counted (a verb of the list right after a 工作 or 活动); 住宅小区|新增|充电端口:
        # where or by what it was made, then the verb that made the thing counted (not a sum or
        # people: 失业人员新增贷款 is whose loans)
        # 公共法律服务中心|接待|办事群众: a body (a word ending with a body's head) does the work
        # on those counted (not when more verbs follow: 养老服务中心|开工|建设 is the thing; nor
        # before a bare record: 网站发布信息 says which, see RECORDS; nor before a project named
        # by the work: 社区服务中心改造提升工程; nor when those counted moved into the body:
        # 养老机构|入住|老人)
        verb = next((i for i in range(len(run) - 2, 0, -1) if (run[i - 1].endswith(("工作", "活动"))
                     or (run[i] in CREATING and not tasks_link) or (run[i - 1].endswith(_agent_heads())
                     and "".join(run[i + 1:]) not in RECORDS and run[i] not in MOVING_IN
                     and not "".join(run[i + 1:]).endswith(PROJECTS)
                     and not any(word in _words("subject_verbs.txt") for word in run[i + 1:])))
                     and _verb_goes(run[i], run[i + 1:], counts)), None)
        run = run[verb:] if verb is not None else run
    if counts == "things":
        run = _after_recipients(stream.text, run)
        run = _without_start(run)
    run, dropped = _trim_front(run, counts, done_to or (bool(words) and _marks_predicate(words[-1])))
    if len(run) > 2 and any(word in INNER_SCOPE for word in run[1:-1]):
        # 其他各类津贴, 培训补贴及各类就业补贴: a filler of scope inside the name goes as it does
        # in front of it (fixtures README, session 21: 各类 goes)
        run = [run[0], *(word for word in run[1:-1] if word not in INNER_SCOPE), run[-1]]
    if task and len(run) == 1 and task not in run:  # 我县建设任务170户: a bare verb keeps its task
        run = [*run, task]
    return _subject(run, dropped, longest)


# Heads that end a name of people (孤寡老人, 困难群众, 革命烈士)
PEOPLE_HEADS = ("人", "人员", "员", "者", "儿童", "孤儿", "老人", "群众", "对象", "家庭", "户", "士", "居民", "村民", "干部", "学生")


# 投入 after a project or the building it names (项目投入, 饮水工程建设投入), or after the field or
# assets a sum was put into (工业投入, 服务业投入, 固定资产投入), as investment statistics name it
PUT_IN = "投入"
PUT_INTO = ("项目", "工程", "建设", "业", "固定资产")


# Verbs of having between a body and what it has (卫生院共有床位, 养老机构现有床位)
BODY_HAVING = frozenset({"共有", "拥有", "现有", "设有", "有"})
EACH = "各"  # before the bodies (各养老机构共有…): the scope of the count, which goes (session 21)


# Verbs of reaching a level (民营经济实现增加值…): no deed done to the sum, unlike 落实资金
REACHING = frozenset({"实现", "完成", "达到", "达"})


# The place's own area (辖区) is a scope before a name (辖区低保户 → 低保户) but what is measured before
# a measure of extent or a word that names nothing alone (辖区面积, 辖区单位)
AREA_WORDS = frozenset({"辖区"})
AREA_MEASURES = frozenset({"面积", "总面积", "单位"})
# Modals of one character before the link (人均可支配收入可达11000元, 年产值能达到2亿元)
LINK_MODALS = frozenset({"可", "能"})


def _adverb_before_link(word: str) -> bool:
    """An adverb of one character (都, 就, 也, 还) or a modal (可, 能) between a name and the link to
    its number (在, 发放了, 达) says how the figure stands, not what it counts."""
    return len(word) == 1 and (word_tag(word) == "d" or word in LINK_MODALS) and HAN.match(word) is not None


LEADERS = frozenset({"领导", "主要领导", "分管领导"})  # 区|领导专题研究8次: who did it
# Which leaders (区|主要|领导), and how they went (带队, 亲自): part of who did the work.
LEADER_RANKS = frozenset({"主要", "分管"})
LEADING = frozenset({"带队", "率队", "亲自"})


def _leaders_lead(run: list[str]) -> int:
    """How many words at the front of `run` name the leaders who did the work, of the report's
    levels (区|领导, 市县|领导, 街道|主要|领导) and with how they went (…领导|带队): 0 when none do
    or nothing follows them."""
    at = 0
    if run and (set(run[0]) <= LEVEL_CHARS or run[0] in ("街道", "乡镇", "社区")):
        at = 1
    if at < len(run) and run[at] in LEADER_RANKS:
        at += 1
    if at >= len(run) or run[at] not in LEADERS or at == 0:
        return 0
    at += 1
    while at < len(run) and run[at] in LEADING:
        at += 1
    return at if at < len(run) else 0


RAISED_TO = frozenset({"至", "到", "后"})



# Verbs that close the name of a thing built by saying it was started or finished, and of a
# record by saying it was published (政策解读稿件发布3条, 规范性文件印发12件)
PUBLISHED = ("发布", "公开", "印发", "刊发", "发表")
# The verbs of publishing proper, kept before whatever they put out (公开民政政策文件3件), unlike
# the verbs of printing (印发手册); and the verbs of sending records up, kept before records as
# the verbs of publishing are (报送工作信息73条, 上报政务信息; not 上报评残材料)
PUBLISHING = frozenset({"发布", "公开"})
SENT_UP = ("报送", "上报")
STARTED = ("开工建设", "开工", "竣工", "建成", *PUBLISHED)


PUBLISHING_MANNERS = ("主动", "依申请", "对外")
# A verb of publishing, with its manner, right before the number of the records it published (主动公开186条信息)
PUBLISHED_BEFORE = re.compile(rf"((?:{'|'.join(PUBLISHING_MANNERS)})?(?:{'|'.join(PUBLISHED)}))了?\s*$")


def _publishing_at(run: list[str]) -> int | None:
    """Where a verb of publishing (with its manner, 主动|公开) opens the records after the channel
    `run` opens with (past the channel's last word naming one: 信息公开|网站|主动|发布), if it does."""
    channel = max((i for i, word in enumerate(run) if word.endswith(tuple(_context_words()["channels"]))), default=0)
    for i in range(channel + 1, len(run) - 1):
        verb = run[i + 1] if run[i] in PUBLISHING_MANNERS else run[i]
        if PUBLISHED_BEFORE.fullmatch(verb):
            return i
    return None


def _publisher_lead(run: list[str]) -> int:
    """How many words at the front of `run` name the bodies that published (行政|机关, jieba cuts
    the name in two) right before a verb of publishing, with its manner, and what it published
    (行政机关|主动|公开|政府信息); 0 when they do not."""
    name = ""
    for at, word in enumerate(run[:-2]):
        name += word
        if name in _context_words()["publishers"]:
            rest = run[at + 1:]
            return at + 1 if rest[0].startswith((*PUBLISHING_MANNERS, *PUBLISHED)) and len(rest) > 1 else 0
    return 0


# The longest clause between a verb of publishing and the 的 before its records (本年度|出台)
PUBLISHED_CLAUSE_LONGEST = 3


def _publishing_over_clause(words: list[str]) -> str | None:
    """主动公开本年度出台的规范性文件14件, 公开当年出台的政策文件: a verb of publishing (with its manner)
    before a short clause saying when or by whom its records were made, then 的: the clause only
    dates the records, the verb of publishing tells the count from its neighbours (fixtures
    README, session 31) and names it, the manner with 公开 alone as over a list (session 38).
    None when no such verb opens the clause."""
    for at in range(len(words) - 2, max(len(words) - 2 - PUBLISHED_CLAUSE_LONGEST, -1), -1):
        if words[at] not in PUBLISHED:
            continue
        clause = words[at + 1:]
        if not any(word_tag(word) == "v" for word in clause) \
                or not all(HAN.match(word) and not word.endswith(tuple(RECORDS)) for word in clause):
            return None
        manner = words[at - 1] if at and words[at - 1] in PUBLISHING_MANNERS and words[at] == "公开" else ""
        return manner + words[at]
    return None


@cache
def _channel_lead() -> re.Pattern:
    """A channel of publishing (网站, 政务微信公众号, 微博) opening a subject before the verb of
    publishing (局网站|发布信息, 微博|主动发布信息)."""
    channels = "|".join(map(re.escape, _context_words()["channels"]))
    return re.compile(rf"^[^、,，;；()]*?(?:{channels})(?=(?:{'|'.join(PUBLISHING_MANNERS)})?(?:{'|'.join(PUBLISHED)})[\u4e00-\u9fff])")


def _without_channels(own: list[Named]) -> list[Named]:
    """网站发布信息300条 → 发布信息: the channel of publishing goes from a sentence's subjects
    unless it alone tells two of its counts apart (网站发布信息…,融媒平台发布信息…: both keep it;
    fixtures README, sessions 33 and 36), or nothing but the verb would be left (公众号发布)."""
    bare = [_channel_lead().sub("", n.subject.text) if n.subject else None for n in own]
    texts = [n.subject.text for n in own if n.subject]
    return [Named(Subject(b, n.subject.narrowed_by), n.rule)
            if n.subject and b != n.subject.text and sum(t.endswith(b) for t in texts) == 1 else n
            for n, b in zip(own, bare)]


def _channel_tells_apart(text: str, start: int, end: int, published: str) -> bool:
    """Whether the verb and records `published` stand twice in the sentence around [start, end),
    so that only their channels tell the counts apart."""
    opening = max(text.rfind(mark, 0, start) for mark in "。\n")
    closing = min((i for i in (text.find(mark, end) for mark in "。\n") if i >= 0), default=len(text))
    return text.count(published, opening + 1, closing) > 1


def _without_start(run: list[str]) -> list[str]:
    """农村幸福院建设项目开工229个, 国家区域应急救援中心开工建设5个: a thing (a head word ends it)
    said started or finished, or published, is counted by that; work said started (棚户区改造开工)
    stays."""
    joined = "".join(run)
    verb = next((v for v in STARTED if joined.endswith(v) and len(joined) > len(v) + 1), None)
    if verb is None:
        return run
    ends = _word_ends(run)
    cut = len(joined) - len(verb)
    if cut not in ends or not joined[:cut].endswith(head_words()):
        return run
    return run[:ends.index(cut) + 1]


# The count of those a sum or a thing went to after its preposition (为140户, 向这3位), and its unit.
COUNTED_FOR = r"(?:为|向|对|给)\s*(?:这|该|上述|以上)?\s*[\d.]+\s*[万亿]?\s*[余多]?\s*"
RECIPIENT_UNIT = r"(?:名|户|人|家|个|位)"
# The people a sum or a thing went to, counted just before it: 为140户困难家庭发放资金…, 为39万
# 困难群众补发救助资金….
RECIPIENTS_COUNTED = re.compile(rf"{COUNTED_FOR}{RECIPIENT_UNIT}?\s*$")


# The people a sum went to, counted, and the verb that gave it, right before the sum (为1044名残疾人
# 发放, 向85户低保家庭发放了每户): what was given is named after the sum.
GIVEN_TO_COUNTED = re.compile(rf"{COUNTED_FOR}{RECIPIENT_UNIT}[^，,。；;:：\d]{{1,20}}?(?:发放|补发|发给|给予|兑现)了?\s*(?:每人|每户)?(?:每月|每年)?\s*$")


# Complements of a verb of giving that the cut leaves alone (送|上, 献|上, 递|去)
GIVING_COMPLEMENTS = frozenset({"上", "去"})


def _gives(word: str) -> bool:
    """A verb of giving or doing between the people and what they got (发放, 补发, 补贴)."""
    return word_tag(word) in ("v", "vn") or _is_strip(word) or word in _words("subject_compound_verbs.txt")


def _after_recipients(text: str, run: list[str]) -> list[str]:
    """为140户困难家庭发放资金67万元 → 资金: after a preposition and the count of those it went
    to, the run names them, then what they were given; the figure is of what they were given
    (a verb jieba glued to the thing is split: 敬老院|筹集资金)."""
    given = _recipients_given(text, [part for word in run for part in _split_verb(word)])
    return given if given is not None else run


def _recipients_given(text: str, run: list[str]) -> list[str] | None:
    """What `_after_recipients` leaves of the run, None when it is no such run."""
    if len(run) < 3:  # the people, the verb and the thing at the least
        return None
    digits = [i for i, word in enumerate(run) if word[:1].isdigit()]
    opening = digits[-1] if digits else -1
    if opening >= 0:  # 为39万困难群众…: a number with no unit of its own inside the run
        while opening + 1 < len(run) and run[opening + 1] in ("万", "亿", "余", "多", "名", "户", "人"):
            opening += 1
    rest = run[opening + 1:]
    first = rest[0] if rest else None
    if not isinstance(first, Word) or first.start < 0:
        return None
    # the count is the figure before the clause (为140户|…) or a bare number in it (为39万…)
    count = run[digits[0]] if digits else None
    lead_start = max(0, count.start - 2 if isinstance(count, Word) and count.start >= 0 else first.start - 16)
    if not any(p in text[lead_start:first.start] for p in "为向对给") \
            or not RECIPIENTS_COUNTED.search(text, lead_start, first.start):
        return None
    verb = next((i for i in range(len(rest) - 2, 0, -1) if _gives(rest[i])), None)
    if verb is not None and verb + 2 < len(rest) and rest[verb + 1] in GIVING_COMPLEMENTS:
        verb += 1  # 送|上|慰问金: the complement of the verb of giving goes with it
    return rest[verb + 1:] if verb is not None else None


def _ends_named_sum(run: list[str], links: list[str]) -> bool:
    """Whether a generic link word next to the number (支出) ends the phrase before it: only
    scope words stand between them and the phrase ends with a noun (社会救助|累计|支出), not a
    verb (发放|支出); a programme named by its verb (五保供养, 特困供养|支出) is a name too, and so
    is a field of spending a noun opens (住房|保障|支出, 社会保障|和|就业|支出: a budget's heads) or
    a word jieba has no part of speech for, which it made of characters it could not tag (公共安全)."""
    phrase = "".join(run)
    return all(link in _scope_words() for link in links[1:]) and (
        _nominal(run[-1]) or (word_tag(run[-1]) is None and len(run[-1]) > 2 and HAN.match(run[-1]) is not None) or (len(run) > 1 and phrase.endswith(tuple(_context_words()["programmes"])))
        or (len(run) > 1 and word_tag(run[0]) in NOUN_TAGS and word_tag(run[-1]) in ("v", "vn")))


def _aside_before(words: list[str]) -> int:
    """Where a bracketed aside that ends the words opens (0 when none does, or when nothing
    stands before it)."""
    if not words or words[-1] not in (")", "）"):
        return 0
    opening = "(" if words[-1] == ")" else "（"
    where = next((i for i in range(len(words) - 2, -1, -1) if words[i] == opening), 0)
    return where if where > 0 and _aside(("".join(words[where + 1:-1]))) else 0


def _aside(inside: str) -> bool:
    """Whether what a bracket after a name holds is an aside, not part of the name: another name
    for it (老年食堂(助餐点), 社会福利医院(精神病院)) is; a short alternative (劳务协作站(点)) or a short
    list of them (县(市、区)) is cut with the name's other words, then dropped as a gloss (_without_gloss);
    a word that never belongs to a subject is a note on the figure (化肥施用量(折纯), 工业总产值(现价))."""
    return len(inside) > 4 or (len(inside) > 2 and "、" not in inside) or inside in strip_words()


@cache
def generic_subjects() -> frozenset[str]:
    return frozenset(load_words("generic_subjects.txt"))


def widen_generic(subject: Subject | None, stream: TokenStream, sentence_start: int, clause_start: int,
                  counts: str) -> Subject | None:
    """资金 → 社会组织发展专项资金 when an earlier clause of the sentence names it in full (the
    nearest that does)."""
    if subject is None or subject.text not in generic_subjects():
        return subject
    text = stream.text
    end = clause_start
    while (earlier := text.rfind(subject.text, sentence_start, end)) >= 0:
        # the nearest that names more: 发放补贴…,累计发放补贴 passes over the bare one before it
        end = earlier + len(subject.text)
        wider = subject_before_number(stream, clause_before(text, end, sentence_start), end, counts)
        if wider and wider.text.endswith(subject.text) and len(wider.text) > len(subject.text):
            return wider
        end = earlier
    return subject


# A clause of only when and a verb of doing (全年累计开展, 共组织), and what ends a figure's clause.
DEED_ONLY = re.compile(r"\s*(?:全年|今年|年内|当年)?(?:共|累计|共计)?(?:开展|组织|举办|召开|进行|实施)(?:了)?\s*")
ENDS_CLAUSE = re.compile(r"\s*(?:[,，。；;]|$)")


# The end of a figure alone on its line, or alone in a cell of a table read one cell a line.
CELL_END = re.compile(r"(?:[/／][^\s|/／]{1,4}){0,2}[ \t]*\|?[ \t]*\n")


def _of_clause_before(stream: TokenStream, clause_start: int, floor: int, counts: str) -> Subject | None:
    """(一)政策补贴延续类项目,共1240万元: a clause of a total alone is of the clause before; so is
    a figure alone on its line (走访慰问困难群众\n6.86万户\n) of the line above, when that line
    holds no figure."""
    text = stream.text
    if text[clause_start - 1] in ",，:：" and clause_start > floor:
        return subject_before_number(stream, clause_before(text, clause_start - 1, floor), clause_start - 1, counts)
    if text[clause_start - 1] != "\n":
        return None
    line_end = clause_start - 1
    line_start = text.rfind("\n", 0, line_end) + 1
    for _ in range(NUMBER_CELLS):
        # a table read one cell a line (指标 | 分值 | 指标值 | 实际值): the cells of numbers between
        # the figure and its row's label are passed over
        if not NUMBER_CELL.fullmatch(text, line_start, line_end) or line_start == 0:
            break
        line_end = line_start - 1
        line_start = text.rfind("\n", 0, line_end) + 1
    if re.search(r"\d", text[line_start:line_end]):
        return None
    cell = CELL_LABEL_END.search(text, line_start, line_end)
    return subject_before_number(stream, line_start, cell.start() if cell else line_end, counts)


# A cell of a table read one cell a line that holds only a number or a figure (5 |, >=21933人 |).
NUMBER_CELL = re.compile(r"\s*(?:[<>≤≥]=?)?\s*[\d.,]+\s*[^\s\d|]{0,6}\s*\|?\s*")
NUMBER_CELLS = 3
# What closes a row label's cell: the cell mark and a masked bound of the value (≥**人).
CELL_LABEL_END = re.compile(r"(?:[<>≤≥]=?[*＊Xx×]+[^\s|()（）]{0,6})?\s*\|\s*$")


MULTIPLE_LINK = re.compile(r"(?:达到|超过|相当于|不低于|不少于|不高于|高于|为|是)(?:[^，,。；;]*?(?:达到|超过|为))?")


def _multiple_of(stream: TokenStream, clause_start: int, number: int) -> Named | None:
    """特困人员救助供养标准达到低保标准1.3倍: a multiple is of what is compared (before the link),
    not of what it is compared with; nothing named before the link (全部达到…1.3倍), the figure
    inherits. None when no link stands in the clause."""
    link = MULTIPLE_LINK.search(stream.text, clause_start, number)
    if link is None:
        return None
    return Named(subject_before_number(stream, clause_start, link.start(), "other"), "multiple_of")


TRAILING_BRACKET = re.compile(r"[(（]([^()（）]*)[)）]$")


def _close_bracket(phrase: str, cut: int) -> int:
    """Move a cut past the bracket it leaves open: 县(市、区 → 县(市、区)."""
    for opening, closing in BRACKETS.items():
        if phrase[:cut].count(opening) > phrase[:cut].count(closing) and phrase[cut:cut + 1] == closing:
            return cut + 1
    return cut


def _padded(text: str, start: int, end: int) -> bool:
    """A figure set off by one space on each side (为 1.14 万名 高龄老人, as pages that wrap
    numbers in their own markup read): the space after it is padding, not a break between the
    items of a list (8人 五保1人), when nothing before it names the figure. A quoted name may
    follow the space (新增 51家 “长者照护之家”)."""
    return (start > 0 and text[start - 1] == " " and text.startswith(" ", end)
            and end + 1 < len(text) and ("\u4e00" <= text[end + 1] <= "\u9fff" or text[end + 1] in "“《"))


# Works done on a thing that, right after it, name what a count after the number is (6个老旧小区
# 改造, 1700户老年人家庭适老化改造)
WORKS_ON_THING = ("改造", "维修改造", "修缮", "建设", "整治", "除险加固")
# a work right after the thing's name, what it is done to between (无障碍设施|改造)
# (not a work in a longer word: 建设|兵团), nor past a word joining another thing (工程和…除险加固)
WORK_AFTER = re.compile(rf"[^的和及与、,，;；\s\d]{{0,5}}?(?:{'|'.join(WORKS_ON_THING)})")
# Fillers of scope (各类, 各级, 相关) go after a number as before one; 45个年度调研课题 keeps its 年度.
SCOPE_FILLERS = frozenset({"各类", "各项", "各级", "各种", "相关"})
# Those of them that name no level or relation: they go from inside a name too (其他各类补贴)
INNER_SCOPE = frozenset({"各类", "各项", "各种"})
# Adverbials of degree (strip words): before 的 right after a number they qualify the thing named next
DEGREES = frozenset({"不同程度", "一定程度"})
# What is solved for people (…人口安全饮水问题): a head no count of people counts.
PROBLEMS = ("问题", "难题")


def _being_at(word: str, following: str) -> bool:
    """在|院, 在册: being at a place of one character (在 and that character, or the two glued)
    before the noun they qualify (在院老人, 在册困难对象), as 在 binds before a number (BINDING_VERBS)."""
    if word == BEING_AT:
        return len(following) == 1 and HAN.match(following) is not None and word_tag(following) not in NAMELESS_TAGS
    return len(word) == 2 and word[0] == BEING_AT and _is_strip(word) and word_tag(following) in (*NOUN_TAGS, "an")


BEING_AT = "在"


def subject_after_number(stream: TokenStream, start: int, end: int, events: bool = False,
                         people: bool = False, event_nouns: bool = False, unitless: bool = False,
                         items: bool = False) -> Subject | None:
    """The counted thing after its number (the clause [start, end)), cut back to its last head
    word: 41名孤儿基本生活保障政策 → 孤儿; a relative clause before the head is left out
    (0个有名无实的…型社会组织). With `event_nouns` (a unit counting things and events alike)
    an event noun is a head too (8个主题培训). With `items` (项, the unit of a list's items) a
    task named after the number is what is counted (121项年度工作任务, 380项目标任务), not
    the task of a count in things (30户任务)."""
    text = stream.text
    clause = text[start:end]
    annotation = ANNOTATION.match(clause)  # 10个(gè)工作队: the unit's pinyin is no break
    if annotation:
        start, clause = start + annotation.end(), clause[annotation.end():]
    relative = RELATIVE_AFTER_NUMBER.match(clause)
    # 3000名有需求的残疾人: a clause of what people have names their status, narrowing the group,
    # and stays (session-36 ruling, as 享受低保的老人); that of a thing (有助餐功能的) does not
    had = relative.group() if relative and people and relative.group().startswith("有") else ""
    if relative:  # 211家有助餐功能的照料中心, 85名符合条件的困难群众: what follows the 的
        start, clause = start + relative.end(), clause[relative.end():]
    if not clause or clause[0] in "、等余多左以的(（" or clause[0].isspace() or (clause.startswith(("任务", "目标"))
                                                                          and not items):
        return None  # a space after the unit parts it from the next item (8人 五保1人); 30户任务 is a task
    # 8.6万名60周岁以上老年人: the age is part of the name; 5个千亩茶园: so is the size class
    size = SIZE_CLASS.match(clause)
    label = AGE_LABEL.match(clause) or (size if size and HAN.match(clause, size.end()) else None)
    kept: list[str] = [label.group()] if label else []
    words = tokens(stream, start + (len(kept[0]) if kept else 0), end)
    if words and not kept and words[0] in SERVICE_VERBS | RECEIVING_VERBS and words[1:2] != ["的"]:
        return None  # 为46户申请残疾人两项补贴: a service after the number, no thing counted (领证|的|新人 names them)
    if events and not kept and len(words) > 1 and len(words[0]) > 1 and (word_tag(words[0]) == "v" or _is_strip(words[0])) \
            and word_tag(words[1]) in NOUN_TAGS and isinstance(words[1], Word) and words[1].start >= 0:
        start, words = words[1].start, words[1:]  # 8次|召开|专题会议: the event, not the verb that held it
    while not kept and len(words) > 1 and words[0] in SCOPE_FILLERS and isinstance(words[1], Word) and words[1].start >= 0:
        start, words = words[1].start, words[1:]  # 22555户|各类|困难群众: a filler of scope, as before a number
    if not kept and len(words) > 2 and words[0] in DEGREES and words[1] == "的" and isinstance(words[2], Word) \
            and words[2].start >= 0:
        start, words = words[2].start, words[2:]  # 3次|不同程度|的|风雹灾害: how much, not what
    words = _classes_whole(words)
    levels = 0 if kept else _level_list(words)
    if levels and isinstance(words[levels], Word) and words[levels].start >= 0:
        start, words = words[levels].start, words[levels:]  # 11家全国、省、市|最美工会驿站: where it ranks
    heads = (*head_words(), *_event_heads()) if events or event_nouns else head_words()
    for index, word in enumerate(words):
        if not kept and (REDACTION.fullmatch(word) or (word in NATIONWIDE and index + 1 < len(words))):
            if REDACTION.fullmatch(word):  # 3项XX市办实事项目: a redacted name's marks
                start = words[index + 1].start if index + 1 < len(words) and words[index + 1].start >= 0 else start
                continue
            kept.append(word)  # 55个全国示范性…社区: a rank that qualifies the thing
            continue
        if word == "等" and kept:  # 19.1万名低保对象、特困人员等困难群体: the group after 等
            group = _phrase_ahead(words[index + 1:]) if index + 1 < len(words) and not words[index + 1][0].isdigit() else []
            if group and _last_head_end(group, heads) == len("".join(group)) and isinstance(group[0], Word) \
                    and group[0].start >= 0:
                kept, start = group, group[0].start
            break
        compound = word in _words("subject_compound_verbs.txt") and index + 1 < len(words) and words[index + 1] in BARE_HEADS
        if index + 1 < len(words) and _being_at(word, words[index + 1]) and (not kept or (
                # mid-name (低保|在|册|家庭) only before the noun it qualifies, not a predicate's place
                # (医生|在|院|值守)
                index + 2 < len(words) and word_tag(words[index + 2 - (len(word) == 2)]) in NOUN_TAGS)):
            kept.append(word)  # 420名|在|院|老人, 11.4万|在册|困难对象: where they are names who they are
            continue
        if (_is_strip(word) and word != "的" and not compound) or word[0].isdigit() \
                or (word in CLOSING and CLOSING[word] not in kept) \
                or (kept and _counts_in_words(words, index)):
            # a bracket closed that opened before the number ends the name: (含4所民办小学)、; a
            # strip verb making a compound with a bare head (21名保障对象) is the name; the next
            # figure's number in Chinese numerals ends it too (一名…书记和两名…队员)
            break
        if _opens_predicate(word, kept, heads) or (people and _deed_after_people(word, kept)) \
                or _deed_after_thing(word, kept, heads, words[index + 1:]):
            break  # 37名孤寡老人|接进|敬老院, 13家爱心单位|加入|…队伍: the verb says what they did
        kept.append(word)
    phrase = "".join(kept)
    cut = _past_modifier(kept, _last_head_end(kept, heads), heads)
    inside = _aside_at(kept, cut)
    if inside:  # 57个社区村规民约(居民公约): a head inside an aside names the aside, not the thing
        cut = _past_modifier(kept[:inside], _last_head_end(kept[:inside], heads), heads)
    if cut == 0:  # no head word: the nouns right after the number (2万余床棉被, 60岁以上退役士兵)
        cut = len(phrase) if label else max(len("".join(_nominal_prefix(kept))), _modified_noun(kept, people, events))
    if cut == 0:  # a head inside a word the cut glued to the next (社区村规民约 has none)
        cut = max((phrase.rfind(head) + len(head) for head in heads if head in phrase), default=0)
        # a head of one character opening a longer word is no head of it (会 of 会商): the
        # name runs to the end of that word (185次应急会商)
        ends = _word_ends(kept)
        if cut and phrase[cut - 1] in heads and cut - 1 in (0, *ends) and cut not in ends:
            cut = next(end for end in ends if end >= cut)
    if (people or unitless) and cut and phrase[:cut].endswith(PROBLEMS):
        # 解决了1.12万贫困人口安全饮水问题: a count of people (or a bare 万 naming who after it)
        # names the people; the problem after them is what was solved for them
        cut = _last_head_end(kept, tuple(head for head in heads if head not in PROBLEMS)) or cut
    cut = _close_bracket(phrase, cut)
    if (cut and phrase[cut:] in TASK_WORDS) or (items and phrase.endswith(tuple(TASK_WORDS))):
        cut = len(phrase)  # 14项民生工程任务: the tasks are what is counted, named by what they are of
    trailing = TRAILING_BRACKET.search(phrase, 0, cut)
    if trailing and trailing.start() > 1 and _aside(trailing.group(1)):
        # 42家老年食堂(助餐点): the name, not its other name; after a name of one character the
        # bracket is its own (22个省(自治区、直辖市)): a subject is never one character
        cut = trailing.start()
    after = text[start + len(phrase):start + len(phrase) + 3].lstrip()
    work = WORK_AFTER.match(phrase, cut) if cut else None
    if work and work.end() in _word_ends(kept) and not after.startswith(("已", "完成")):  # 10个养老点改造已完成7个: the things, part done
        # 500户残疾人家庭无障碍设施改造, 16所敬老院建设|稳步推进: the work done on them is what is
        # counted, kept as written (session-36 ruling), whatever the clause says of it next
        cut = work.end()
    subject, rest = phrase[:cut], phrase[cut:].lstrip("的")
    if rest and "与" in subject:  # 行业商会与行政机关脱钩: 与 opens the predicate
        subject = subject[:subject.index("与")]
    stripped = subject.rstrip("的")
    subject = stripped.rpartition("的")[2]
    where = start + len(stripped) - len(subject)
    # what the clause says was done to them narrows the count (10家社会组织责令限期整改)
    done = clause[clause.find(subject) + len(subject):] if subject else ""
    done = NEXT_ITEM.split(done, maxsplit=1)[0]  # up to the next figure of a list (、12次…, 和一次…)
    narrowing = done.endswith(_event_heads()) or any(len(verb) > 1 and verb in done for verb in _words("subject_verbs.txt"))
    if not (people or unitless) and subject and (status := _status_after(subject, clause[clause.find(subject) + len(subject):])):
        # 10个项目已竣工验收, 6座基地也都启动建设: a status after its noun is kept, adverbs dropped
        subject, narrowing = status, False
    if (people or unitless) and subject and (out := _flow_out_after(clause[clause.find(subject) + len(subject):])):
        # 46户90人低保户清退出列: a flow out of a programme after the people counted is kept,
        # after them (fixtures README, session 35: status verbs of a programme stay; 低保退出)
        subject, narrowing = subject + out, False
    if had and subject and where == start:
        subject, where = had + subject, where - len(had)
    run = [Word.at(subject, where)]
    return _subject(run, [Word.at(done, end - len(done))] if narrowing else None)


def _flow_out_after(after: str) -> str | None:
    """The flow out of a programme (subject_context.toml's `flows_out`) the words after a counted
    group open with, adverbs of state left out."""
    lead = re.match(STATE_ADVERBS, after)
    after = after[lead.end():] if lead else after
    return next((flow for flow in _context_words()["flows_out"] if after.startswith(flow)), None)


# Adverbs of state before a status a thing has reached (已竣工, 均已开工, 也都启动建设)
STATE_ADVERBS = "(?:也|均|都|已经|已|全部|基本)+"
# what follows a counted thing when a status closes the clause: the adverbs, then the status up to
# the clause's end or the next predicate (已建成并正式开放)
STATUS_CLOSING = re.compile(rf"{STATE_ADVERBS}([\u4e00-\u9fff]{{2,8}}?)(?=并|\s*[,，;；。]|\s*$)")


# Places (乡镇, 村(社区)) a verb after which says what they did
PLACES_ACTING = re.compile(r"(?:乡镇|镇|乡|村|社区|街道|居委会|村委会)(?:\([^()]*\))?$")
# Verbs of having, being or reaching, no status (村都有…, 已实现…, 均达到…)
NO_STATUS = frozenset({"有", "拥有", "是", "为", "实现", "达到", "达", "超过"})


def _status_after(thing: str, after: str) -> str | None:
    """The thing with the status written after it (项目已竣工验收 → 项目竣工验收, session-36
    ruling: kept after the noun like any verb after its thing, adverbs dropped), None when no
    adverb of state and verb follow it. A status the name has taken in already (基地也都启动…)
    loses its adverbs."""
    inner = re.search(rf"(?<=[\u4e00-\u9fff]{{2}}){STATE_ADVERBS}", thing)
    if inner:
        thing, after = thing[:inner.start()], thing[inner.start():] + after
    if PLACES_ACTING.search(thing):
        return None  # 九个社区均建成儿童之家: what places did, no status of theirs
    status = STATUS_CLOSING.match(after)
    verb = cut_phrase(status.group(1))[0] if status else ""
    if len(verb) < 2 or word_tag(verb) not in ("v", "vn") or verb in NO_STATUS or "了" in status.group(1) \
            or status.group(1).endswith(("后", "前", "时")):
        return None  # 已吐新绿, 已基本实现了…, 已全部安排入住后: no status the thing holds
    return thing + status.group(1)


CHINESE_COUNT = re.compile(r"[一二两三四五六七八九十]{1,3}([\u4e00-\u9fff])")
NEXT_ITEM = re.compile(r"、?\s*\d|[、和及与](?=[一二两三四五六七八九十])")


def _counts_in_words(words: list[str], index: int) -> bool:
    """A count written in Chinese numerals and its unit (一次, 两座, 三个; the figure's numeral
    may stand apart from its unit): after a name it opens the next figure (三次暴雨、一次冰雹,
    三个偏远村各选派一名农技人员), as a figure in digits does."""
    count = CHINESE_COUNT.fullmatch("".join(words[index:index + 2])) or CHINESE_COUNT.fullmatch(words[index])
    return bool(count) and count.group(1) in unit_kinds() and word_tag(count.group()) == "m"


def _aside_at(words: list[str], cut: int) -> int:
    """The index of the word opening a bracket still open where a name would end (cut, in
    characters) and not closed right there (乡(镇) is one name), 0 when none is."""
    position, opened = 0, []
    for index, word in enumerate(words):
        if position >= cut:
            return 0 if word in CLOSING else (opened[-1] if opened else 0)
        if word in BRACKETS:
            opened.append(index)
        elif word in CLOSING and opened:
            opened.pop()
        position += len(word)
    return opened[-1] if opened else 0


# A class named by a word and 类 before the thing (工程类民生实事, 保障类项目, 规划计划类信息): jieba cuts
# 类 off as a measure word, which would end the name; word and 类 are one modifier of the noun after.
CLASS_MARK = "类"


def _classes_whole(words: list[Word]) -> list[Word]:
    """The words with each `X|类` followed by a noun joined into one (工程|类|民生|实事 → 工程类|民生|实事)."""
    out: list[Word] = []
    for index, word in enumerate(words):
        if word == CLASS_MARK and out and len(out[-1]) > 1 and HAN.match(out[-1]) and index + 1 < len(words) \
                and (word_tag(words[index + 1]) in NOUN_TAGS or words[index + 1] in domain_terms()) \
                and isinstance(out[-1], Word) and out[-1].start >= 0 and isinstance(word, Word) and word.start == out[-1].stop:
            out[-1] = Word.at(out[-1] + word, out[-1].start)
            continue
        out.append(word)
    return out


def _class_modifier(word: str) -> bool:
    return len(word) > 2 and word.endswith(CLASS_MARK) and HAN.match(word) is not None


EXTENDING_TAGS = frozenset({"n", "nz", "j", "nt", "a", "an", "b", "vn"})
NOUN_TAGS = frozenset({"n", "nz", "j", "nt"})
# Words that, after the counted thing, only open the clause's predicate, never a name: the
# passive mark (5个社工站被评为示范点), the verbs of a service given or received (进行, 给予, 享受:
# 400户残疾人家庭进行无障碍改造), of joining and of taking a post (13家爱心单位加入救助保护队伍,
# 112名退役军人担任村主任), and a cause after a name ending with its head (162名低保对象|因收入增加|
# 而停保; before a name 因 makes one with it: 因灾伤病人口). A verb inside a name (城镇登记失业人员,
# 街道就业基地) is none of these.
PREDICATE_ONLY = frozenset({"被", "加入", "担任"}) | SERVICE_VERBS | RECEIVING_VERBS | JOINING | CAUSES


def _opens_predicate(word: str, kept: list[str], heads: tuple[str, ...]) -> bool:
    """Whether a word after the counted thing opens the clause's predicate: one of
    PREDICATE_ONLY right after a name that ends with a head word (400户残疾人家庭|进行|无障碍
    设施建设 → 残疾人家庭, 2701名贫困精神残疾人|给予|住院补助 → 贫困精神残疾人)."""
    if not kept or word not in PREDICATE_ONLY:
        return False
    phrase = "".join(kept)
    return _last_head_end(kept, heads) == len(phrase)


def _deed_after_people(word: str, kept: list[str]) -> bool:
    """12名退役战士|找回|档案: after people named by a head of people, a verb of two characters
    or more says what was done for them or what they did, not who they are (a work done on their
    homes stays: 8户残疾人家庭无障碍改造)."""
    return bool(kept) and len(word) > 1 and word_tag(word) == "v" and word not in domain_terms() \
        and not word.endswith(WORKS_ON_THING) \
        and "".join(kept).endswith(PEOPLE_HEADS) and _last_head_end(kept, head_words()) == len("".join(kept))


def _deed_after_thing(word: str, kept: list[str], heads: tuple[str, ...], rest: list[str]) -> bool:
    """5所学校|创建|市级|文明|校园, 8个康养基地|入选|第四批|…: after a thing named by a head word, a
    verb of two characters or more with an object of more than one word opens the predicate, as
    after people. A verb before one noun may make a name with it (5个社区|阅读|空间), one before
    a service names the service (三个儿童|关爱|服务项目), and a work done on the thing stays."""
    phrase = "".join(kept)
    return bool(kept) and len(rest) > 1 and not rest[0].startswith("服务") \
        and len(word) > 1 and word_tag(word) == "v" and word not in domain_terms() \
        and word not in SCOPE_FILLERS and not word.endswith(WORKS_ON_THING) \
        and _last_head_end(kept, heads) == len(phrase) == _past_modifier(kept, len(phrase), heads) \
        and not (len(kept[-1]) == 2 and kept[-1][-1] in heads and kept[-1] not in heads)


def _past_modifier(words: list[str], cut: int, heads: tuple[str, ...]) -> int:
    """A word of two characters that ends with a head of one character only looks like it (重点
    is no 点, 农村 no 村 of 农村黑臭水体; 村村 is two): followed by more nouns it modifies them, and the name runs
    to the last of them (31项重点任务 → 重点任务, 50个农村黑臭水体治理 → 农村黑臭水体)."""
    ends = _word_ends(words)
    if cut not in ends:
        return cut
    at = ends.index(cut)
    word = words[at]
    if len(word) != 2 or word in heads or word[-1] not in heads or word[0] in heads or word_tag(word) not in NOUN_TAGS:
        return cut
    last = cut
    for index in range(at + 1, len(words)):
        tag = word_tag(words[index])
        if tag not in EXTENDING_TAGS and words[index] not in domain_terms():
            break
        if tag in NOUN_TAGS or words[index] in domain_terms():
            last = ends[index]
    return last


def _word_ends(words: list[str]) -> list[int]:
    ends, length = [], 0
    for word in words:
        length += len(word)
        ends.append(length)
    return ends


def _last_head_end(words: list[str], heads: tuple[str, ...]) -> int:
    """Where the last word ending with a head word ends in the joined words: a head ends a
    word (51个村民组 is 村民组, not 村 of 村民; 57个社区村规民约 is 社区, not 社区村)."""
    ends, length = [], 0
    for word in words:
        length += len(word)
        ends.append(length)
    phrase = "".join(words)
    return next((end for word, end in zip(reversed(words), reversed(ends)) if phrase.endswith(heads, 0, end)
                 and not _verb_ending_in_head(word, heads)), 0)


def _verb_ending_in_head(word: str, heads: tuple[str, ...]) -> bool:
    """停车 (to park) ends with 车 but is a verb: a head of one character ends no verb's word."""
    return len(word) > 1 and word_tag(word) == "v" and word not in domain_terms() \
        and not word.endswith(tuple(head for head in heads if len(head) > 1)) and word[-1] in heads


def _nominal_prefix(words: list[str]) -> list[str]:
    """The nouns a run of words opens with (by jieba's parts of speech and the domain terms)."""
    prefix: list[str] = []
    for word in words:
        if not (word in domain_terms() or word_tag(word) in {"n", "nz", "an", "j", "nt"} or QUOTED.fullmatch(word)
                or _class_modifier(word)):
            break
        prefix.append(word)
    return prefix if len("".join(prefix)) >= 2 else []


# The tag given a word of Hanzi the dictionary gives no part of speech (智慧, 助餐)
UNTAGGED = "untagged"
# Parts of speech that may modify the noun a counted thing ends with when no head word names it
# (青年|就业|见习|岗位, 健身|步道, 调研|课题, 无|主楼): nouns, verbs and verbal nouns, adjectives,
# distinguishers, time words (jieba tags 青年 as one), and words with no part of speech.
MODIFYING_TAGS = frozenset({"n", "nz", "j", "nt", "ng", "vn", "v", "b", "a", "an", "t", "l", UNTAGGED})
NOT_NAMES = frozenset({"工作"})


def _modified_noun(words: list[str], people: bool = False, events: bool = False) -> int:
    """How long the name is that the words after a number run to, up to the last noun they open
    with, when none ends with a head word: 1000个青年就业见习岗位 → 青年就业见习岗位, 2公里健身步道贯通 → 健身步道 (a verb after
    the last noun is what was done to it; 两项省级改革创新试点工作 → 省级改革创新试点). 0 when no
    noun ends such a run, a strip word, a place or a numeral opens it, or it names a task; after
    people a verb opening it is their deed (680人自主创业), not a name."""
    if people and words and word_tag(words[0]) == "v":
        return 0
    run: list[str] = []
    last = 0
    for word in words:
        tag = word_tag(word)
        if word in domain_terms():
            tag = "n"
        elif tag is None and len(word) > 1 and all(HAN.match(c) for c in word):
            tag = UNTAGGED  # 智慧|助餐|场景: words the dictionary gives no part of speech modify the noun after them
        if tag not in MODIFYING_TAGS or _is_strip(word) or is_place(word) \
                or (run and (word in SERVICE_VERBS or word in _words("subject_verbs.txt"))) or (last and tag == "v" and not events):
            break  # 家庭环境|进行|适老化改造, 民生实事|取得|阶段性进展: a verb after a noun opens the predicate
        run.append(word)
        if (tag in NOUN_TAGS or tag == "ng" or (tag == "l" and len(run) > 1)
                or (events and len(run) > 1 and tag in ("v", "vn"))) and word not in NOT_NAMES:
            # in event units what was done names the event (89次应急|响应, 12次督查|考评)
            # a set phrase after a modifier ends a name too (公益性|文艺演出); alone it may be a deed (超额完成)
            last = len(run)
    phrase = "".join(run[:last])
    if phrase.endswith(tuple(TASK_WORDS)):
        return 0  # 5家建设任务: a task, not what is counted
    phrase = phrase.removesuffix("工作") if len(phrase) > 4 else phrase  # 试点工作: the work names nothing
    return len(phrase) if len(phrase) >= 2 else 0


def _phrase_ahead(words: list[str]) -> list[str]:
    """The first run of non-strip words of `words`, leading strip words skipped."""
    while words and _is_strip(words[0]):
        words = words[1:]
    run: list[str] = []
    for word in words:
        if _is_strip(word):
            break
        run.append(word)
    return run


def subject_of_service(stream: TokenStream, start: int, end: int, unit: str = "") -> Subject | None:
    """为一千二百余人提供上门探访服务, 获得高龄津贴: people counted by the service they were given or
    received; persons counted before 享受 or 参加 are named by the deed and 人数 (320人享受了临时救助 →
    享受临时救助人数: fixtures README, sessions 37 and 38)."""
    words = [w for w in tokens(stream, start, end) if w != "了"]
    if not words or words[0] not in SERVICE_VERBS | RECEIVING_VERBS | JOINING:
        return None
    service = _subject(_phrase_ahead(words[1:]))
    if service is not None and words[0] in {ENJOYING, *JOINING} and unit in ("人", "名") \
            and not service.text.endswith(PERSON_ENDINGS):
        return Subject(words[0] + service.text + "人数", service.narrowed_by)
    return service if words[0] not in JOINING else None


ENJOYING = "享受"


def subject_of_deed(stream: TokenStream, start: int, end: int) -> Subject | None:
    """支持1863户发展生产, 实现350人稳定消除风险: people counted by what they did, a verb and its
    object right after the number (the links and manner before it left out)."""
    words = tokens(stream, start, end)
    if not words or words[0][0].isdigit() or words[0] in COORDINATORS or stream.text[start:start + 1].isspace():
        return None  # a space after the unit parts it from the next item (950户2395 人 拨款金额…)
    run = _phrase_ahead(words)
    run = run[:run.index("并")] if "并" in run else run  # 自主创业并带动就业: the first deed
    if len(run) < 2 or word_tag(run[0]) not in ("v", "vn") or run[0] in domain_terms() \
            or any(word[0].isdigit() for word in run) or "".join(run).endswith(tuple(generic_subjects())):
        return None  # 2394 人 拨款总金额: a sum's name is the next item, no deed
    return _subject(run)


def subject_of_standard(stream: TokenStream, start: int, end: int) -> Subject | None:
    """每人每月195元的标准发放困难残疾人生活补贴 → what is paid at that rate."""
    if not stream.text.startswith("的标准", start, end):
        return None
    words = tokens(stream, start + 3, end)
    number = next((i for i, word in enumerate(words) if word[:1].isdigit()), len(words))
    return _subject(_phrase_ahead(words[:number]))  # …发放生活补贴13.71万元: the sum paid is no part of the name


def subject_after_de(stream: TokenStream, start: int, end: int) -> Subject | None:
    """A share or a duration of what follows 的: 全市95%的村(社区)完成…修订工作,
    为期3个月的专项整治行动."""
    if not stream.text.startswith("的", start, end):
        return None
    if stream.text.endswith("工作", start + 1, end):
        end -= 2
    return _subject([Word.at(stream.text[start + 1:end], start + 1)])


def subject_of_money(stream: TokenStream, start: int, end: int) -> Subject | None:
    """投入860万元的救灾款物(其中…)用于…: a sum of money is of what follows its 的, up to an aside
    or a verb."""
    run = []
    for word in tokens(stream, start, end):
        if _is_strip(word) or word in BRACKETS or word[0].isdigit() or word_tag(word) == "v":
            break
        run.append(word)
    return _subject(run)


# Verbs that name a sum only by its being spent (投入300万元,用于…); not 投资: an investment written
# before the project it was invested in stays 投资 (fixtures README, session-32 ruling)
SPENDING = frozenset({"投入", "拿出", "安排", "筹集", "投入资金"})
# What opens the clause after a sum that says what it was spent on (…,组织实施X项目; …,用于X)
PURPOSE = re.compile(r"[,，]\s*(?:组织实施|实施|开展|用于|建设|新建成|新建|建成|资助|支持)")


def subject_of_purpose(stream: TokenStream, end: int, clause_end: int, spent: str = "") -> Subject | None:
    """投入300万元,用于敬老院改造: a sum named only by its spending is of what the clause right
    after it says it was spent on (what that clause ends with), and the sum is that thing's
    spending as the text words it (`spent`: 投入资金 → 困境儿童关爱项目资金)."""
    text = stream.text
    found = PURPOSE.match(text, end)
    if found is None:
        return None
    stop = clause_after(text, found.end())
    if text.startswith(("是", "了"), found.end()) or re.search(r"\d", text[found.end():stop]):
        return None  # 建成了, a count of its own
    purpose = subject_before_number(stream, found.end(), stop, "things")
    return _spending_of(purpose.text, spent) if purpose is not None else None


# 年度 before 投资 is a measure's name beside 总投资, kept as written (fixtures README, session 37),
# though 年度 goes from the front of other names as a filler (年度计划投资 loses it with 计划)
YEARLY_INVESTMENT = ("年度", "投资")
DOING = "完成"
# The words a sum is named by when nothing but its being invested names it (投资2.4亿元的…项目,
# 该项目计划投资…, 完成项目投资…): the thing invested in goes before them.
INVESTING = frozenset({"投资", "总投资", "年度投资", "项目投资", "项目总投资", "工程投资", "工程总投资"})
# An aside in brackets: inside a project's name (救助管理站(未成年人保护中心)项目), a channel's gloss (各市(州)).
ASIDE = re.compile(r"[(（][^()（）]*[)）]")
# A demonstrative for a project named before (该项目计划投资…, 该工程总投资…), or a bare 项目 right
# before the investing word (完成项目投资…): the project is the one the text named last.
PROJECT_ANAPHOR = re.compile(r"[该本此](?:项目|工程)|(?<![\u4e00-\u9fff])项目|(?:完成|累计完成|已完成|共完成)项目")
# A name standing alone as a heading line or a sentence (2.农村危桥改造工程项目。 / …,即X改扩建工程。):
# a clause that lists or says more (建设内容包括A项目和B项目) names no one project.
NAMED_PROJECT = re.compile(r"([^\n。，,；;：:!！?？]{2,40}?(?:项目|工程)(?:[(（][^()（）\n]{1,30}[)）])?)[ \t]*[。.]?[ \t]*(?=\n|。|$)")
NOT_ONE_PROJECT = re.compile(r"[、和及与]|包括|包含|等")
ANTECEDENT_REACH = 300


# A sum named by its being invested alone, planned or done (投资, 计划投资, 累计完成投资额): the
# plan and the doing are its kind, the word of investing (投资, 投资额, 总投资) its measure. 完成
# stays with it for DONE_INVESTMENT to drop, after the context rules have read the name as written.
BARE_INVESTING = re.compile(r"(?:年度(?=计划|规划)|计划|规划|累计|已|现已|实际|共)*((?:完成)?(?:年度)?(?:总投资|投资额?))")
# an investment named by its plan alone (年度计划投资, 规划总投资): the plan words go (session 32)
PLANNED_INVESTMENT = re.compile(r"(?:年度)?(?:计划|规划)+(?:总投资|投资额?)")
# A project the sentence names before the sum's own clause: a clause of its name alone (X工程,投资…),
# or the sentence's opening words, what the rest of it says things of (X工程于4月开工建设,现已…; past
# a year's clause, before the plan for it: 2020年,X工程计划建设项目共19个,…,规划总投资…).
PROJECT_CLAUSE = re.compile(r"\s*([^\n。，,；;：:!！?？]{2,40}?(?:项目|工程)(?:[(（][^()（）\n]{1,30}[)）])?)\s*[,，]\s*$")
# or the thing built or added whose length, number or area the clause before gives (新修农村公路40公里,
# 完成投资…; 改善工程49.6公里,完成投资…; 新增X建筑面积3.78万平方米,投资…: the measure word goes
# after a verb; a measure, 总建筑面积…, names no thing)
PROJECT_BUILT = re.compile(r"(?:^\s*|(?P<verb>完成|建成|新建|新改建|改建|实施|新增))"
                           r"(?P<thing>(?:(?!完成|建成|新建|改建|实施|新增)[\u4e00-\u9fff]){2,20}?)(?<!面积)(?(verb)(?:建筑面积|面积)?)\s*\d+(?:\.\d+)?\s*万?\s*(?:公里|千米|米|座|处|所|平方米|亩)\s*[,，]\s*$")
PROJECT_OPENING = re.compile(r"\s*(?:\d{4}年[,，]\s*)?([^\n。，,；;：:!！?？]{2,30}?(?:项目|工程))(?=于|已|正在|自|目前|现已|计划|年度)")


# An investment named as done (完成投资, 累计完成投资额, X工程完成投资): 完成 is dropped like any verb
# of doing, the kind tells done from planned (fixtures README, session-32 rulings); the one place
# it goes, once a figure's subject is settled, whichever rule named it.
DONE_INVESTMENT = re.compile(r"(?:累计|已|共)?完成((?:年度)?投资额?)$")
# 新纳 written short for 新纳入 (新纳城市低保对象12户): 新 goes, 纳入 stays as the flow that tells the count
# from the stock (round 33's call, settled in session 39)
NEWLY_TAKEN_IN = re.compile(r"新纳(?!入|税|米)")
TAKEN_IN = "纳入"
# An industry named alone with a sum or a rate of it (第一产业增长9.1%达21.2亿元) is counted by its value
# added, as the tables' industry rows are (fixtures README, session 33); no gold names it bare
INDUSTRY_ALONE = re.compile(r"第[一二三]产业")
VALUE_ADDED = "增加值"
# A giving verb before the measure of what was given (基本生活补贴发放金额, 低保发放人数) goes when a
# name stands before it (fixtures README, session 38: 发放金额 loses 发放, and so does 人数); alone
# (发放金额) it is left for the rules that complete the sum
GIVEN_MEASURE = re.compile(r"(?<=[\u4e00-\u9fff])(?:发放|拨付|下拨)((?:金额|人数|户数|人次)(?:\([^()]*\))?)$")
# 拥有 in a per-head measure (每千名老人拥有养老床位) goes like any verb of having (session-36
# ruling); per area (每平方公里拥有公路) is no per-head measure
PER_HEAD_HAVING = re.compile(r"^(每[^拥,，]{0,6}?(?:人|人口|户|居民))拥有(?=.)")
# 拥有 opening a subject (拥有公办养老机构3个) is a verb of having like 有, a strip word: it goes
# (session-36 ruling); 每…拥有 is read above, and per area it stays (每平方公里拥有公路)
OWNING = re.compile(r"^拥有(?=[\u4e00-\u9fff]{2})")


def _project_before(stream: TokenStream, sentence_start: int, clause_start: int) -> Subject | None:
    """The one project named before a bare investment in its sentence (X工程,投资2395万元 → X工程投资,
    新修农村公路40公里,完成投资… → 农村公路投资)."""
    text = stream.text
    previous = clause_before(text, clause_start - 1, sentence_start) if clause_start > sentence_start else clause_start
    found = PROJECT_CLAUSE.fullmatch(text, previous, clause_start) if previous < clause_start else None
    found = found or (PROJECT_OPENING.match(text, sentence_start, clause_start) if previous < clause_start else None)
    built = PROJECT_BUILT.search(text[previous:clause_start]) if found is None and previous < clause_start else None
    if built is not None:
        thing = _invested_in(stream, previous + built.start("thing"), previous + built.end("thing"))
        return thing if thing is not None and thing.text == built.group("thing") else None
    if found is None or NOT_ONE_PROJECT.search(ASIDE.sub("", found.group(1))) or re.search(r"\d", found.group(1)):
        return None
    thing = _invested_in(stream, found.start(1), found.end(1))
    return thing if thing is not None and thing.text.endswith(("项目", "工程", ")", "）")) else None


def _spending_of(name: str, spent: str) -> Subject:
    """A thing and the word of its spending, once where they meet (X项目 + 项目投资 → X项目投资)."""
    return Subject(_joined(ASIDE.sub("", name), spent) if spent else ASIDE.sub("", name))


def _invested_in(stream: TokenStream, start: int, end: int) -> Subject | None:
    """The thing a project's name names (places, outline numbers and links in front go): the
    name's own words read as a subject that is no count (改扩建 stays in 横水中心小学改扩建工程)."""
    return subject_before_number(stream, start, end, "other")


def subject_of_investment(stream: TokenStream, after_start: int, after_end: int, clause_start: int,
                          number: int, spent: str) -> Subject | None:
    """A sum named only by its being invested is the investment of the project a demonstrative
    points back to (X改扩建工程。该工程计划投资100万元 → X改扩建工程投资); one written before the
    project after its 的 (总投资2.4亿元的祥西钢帘线项目) stays as written (fixtures README, session 32)."""
    text = stream.text
    if text.startswith("的", after_start, after_end):
        return None
    if not PROJECT_ANAPHOR.search(text, clause_start, number):
        return None
    floor = max(0, clause_start - ANTECEDENT_REACH)
    anaphor = PROJECT_ANAPHOR.search(text, clause_start, number)
    for found in reversed(list(NAMED_PROJECT.finditer(text, floor, anaphor.start()))):
        if NOT_ONE_PROJECT.search(ASIDE.sub("", found.group(1))):
            continue
        thing = _invested_in(stream, found.start(1), found.end(1))
        return _spending_of(thing.text, spent) if thing is not None and thing.text.endswith(("项目", "工程", ")", "）")) else None
    return None


def subject_of_duration(stream: TokenStream, start: int, end: int) -> Subject | None:
    """连续两年提高城乡低保标准: a duration of work is of what the work is done to, after it:
    the rest of its clause, the verbs that open it (荣获, 被评为, 超额完成, 提高) left out, as
    round 29's call on durations names them by what lasted."""
    words = [word for word in tokens(stream, start, end) if word.strip()]
    while words and _leads_lasting(words[0]):
        words = words[1:]
    run: list[str] = []
    for word in words:
        if word in CLAUSE_MARKS:
            break
        run.append(word)
    run, dropped = _trim_front(run, "things")
    return _subject(run, dropped)


# a verb of holding an event right before its length (开展两天培训, 举办为期3天的…)
HELD_FOR = re.compile(r"(?:开展|举办|组织|进行)了?\s*(?:为期)?\s*$")


# the adverb of a streak (信访工作连续5年保持全县第一): it names nothing (see _names_nothing)
STREAK = "连续"


def _leads_lasting(word: str) -> bool:
    """荣获, 超额完成, 被, 评为: a verb, an adverb or a preposition opening the clause after a
    duration, or a word jieba did not tag whose last character is a verb (荣获, 连获)."""
    if word in domain_terms() or word in NEGATIONS:
        return False  # 城乡低保: a term names a thing; 未发生…: what lasted is the absence, kept
    tag = word_tag(word) or (word_tag(word[-1]) if len(word) == 2 else None)
    return tag in LASTING_LEAD_TAGS or (len(word) > 2 and word_tag(word[-2:]) == "v")


# what may open the clause after a duration without naming what lasted: verbs (评为, 提高),
# adverbs, the passive and prepositions (被, 在)
LASTING_LEAD_TAGS = frozenset({"v", "vd", "d", "ad", "p"})
NEGATIONS = frozenset({"未", "没有", "没", "无", "不", "零"})
CLAUSE_MARKS = frozenset(",，。；;：:!！?？")


# A statistics bulletin's note mark between a name and its figure (全年地区生产总值[2]286.4亿元,
# 常住人口[4]55.27万人): a reference to a note at the foot, no part of the name.
FOOTNOTE_MARK = re.compile(r"\[\d{1,2}\]\s*$")


def name_subject(stream: TokenStream, quantity: Quantity, floor: int, sentence_start: int) -> Subject | None:
    return name_subject_traced(stream, quantity, floor, sentence_start).subject


# A one-character noun names nothing a reader can query (新建三座桥, 辖7个村, 辖4镇): the word the text
# puts before the number completes it, the one place a verb of doing stays (fixtures README,
# session 33); a verb bound to its noun form takes it (辖 → 所辖)
BOUND_VERB_FORMS = {"辖": "所辖"}
# Verbs that frame a figure rather than act on it (围绕1000只羊…的目标, 按照…): no completion
FRAMING_VERBS = frozenset({"围绕", "按照", "根据", "依照", "依据", "针对", "面向", "对照"})
# One-character places used as the counting unit itself (辖4镇1乡)
PLACE_UNITS = frozenset({"镇", "乡", "村"})
# Tags of a character that names no thing (a verb, a measure word, a numeral, a link, a direction)
NAMELESS_CHARACTER_TAGS = frozenset({"v", "vn", "q", "m", "p", "c", "d", "f", "u", "uj", "ul", "r", "a", "ad", "zg"})


def _lone_character(text: str, quantity: Quantity, after_start: int) -> str | None:
    """The one character naming what a figure counts: its unit when a place (4镇), else the
    character right after it that no other character follows (三座桥,), if it names a thing."""
    if quantity.unit in PLACE_UNITS:
        return quantity.unit
    if HAN.match(text, after_start) and not HAN.match(text, after_start + 1) \
            and (text[after_start] in PLACE_UNITS or text[after_start] not in unit_kinds()) \
            and word_tag(text[after_start]) not in NAMELESS_CHARACTER_TAGS:
        return text[after_start]
    return None


def _one_character_noun(stream: TokenStream, clause_start: int, quantity: Quantity, after_start: int) -> Subject | None:
    """新建三座桥 → 新建桥, 寒亭镇辖7个村 → 所辖村, 全县辖4镇 → 所辖镇: a thing named by one character
    right after the unit (or by the unit itself, a place) and nothing more, completed with the
    verb right before the number in its clause (not one of having or being, 有3个村, one that
    frames the figure, 围绕1000只羊, nor the filler 新增: they name none)."""
    noun = _lone_character(stream.text, quantity, after_start)
    if noun is None:
        return None
    words = [w for w in tokens(stream, clause_start, quantity.outer_start) if w.strip()]
    verb = words[-1] if words else ""
    verb = BOUND_VERB_FORMS.get(verb, verb)
    doing = verb in BOUND_VERB_FORMS.values() or (len(verb) > 1 and (word_tag(verb) == "v" or verb in CREATING
                                                                      or _known_verb(verb)))
    if not doing or verb in NOT_DOING or verb in FRAMING_VERBS or verb == NEW_ONES or verb in _words("subject_fillers.txt"):
        return None
    return Subject(verb + noun)


# The place a count of places names right after its 个, closed off by the same character opening the
# next name (5个村村集体…) or by its bracketed aside (134个村(社区)…): the count's noun, which the
# figure after it, named before its number, does not share (2.5万户7.2万人 gives 7.2万人 no 户 either)
COUNTED_PLACE = re.compile(r"([村镇乡])(?:(?=\1)|[(（][^()（）\n]{1,6}[)）])(?=[\u4e00-\u9fff])")


def name_subject_traced(stream: TokenStream, quantity: Quantity, floor: int, sentence_start: int) -> Named:
    """The subject of one quantity from its own clause, and the production that gave it.
    `floor` is where its clause may start at the earliest: the end of the previous quantity in
    the sentence, so 2.5万户7.2万人 does not give 7.2万人 the subject 户."""
    text = stream.text
    if quantity.label:
        return Named(Subject(_without_gloss(quantity.label)), "table_cell")
    kind = unit_kinds()[quantity.unit]
    counts = ("events" if quantity.unit in event_units() else
              "things" if kind in ("count", "money", "measure") else "other")
    footnote = FOOTNOTE_MARK.search(text, max(floor, quantity.outer_start - 8), quantity.outer_start)
    name_end = footnote.start() if footnote else quantity.outer_start  # 地区生产总值[2]286.4亿元
    clause_start = clause_before(text, name_end, floor)
    denominator = DENOMINATOR.match(text, clause_start)  # 由450元/人提高到500元/人: not 人 of /人
    if denominator and denominator.end() <= quantity.outer_start:
        clause_start = denominator.end()
    counted = COUNTED_PLACE.match(text, clause_start) if clause_start == floor and text.endswith("个", 0, floor) else None
    if counted and counted.end() < name_end:
        clause_start = counted.end()  # 5个村|村集体经济积累达5万元: the place is the count's, not the sum's
    multiple = _multiple_of(stream, clause_start, quantity.outer_start) if quantity.unit == "倍" else None
    if multiple is not None:
        return multiple
    invested = _project_invested(text, clause_start, quantity) if kind == "money" else None
    if invested is not None:
        return Named(invested, "project_invested")  # 投入300万元为…实施适老化改造: 适老化改造投入
    tasks_link = quantity.unit in PERSON_UNITS or kind == "money"
    before = widen_generic(subject_before_number(stream, clause_start, name_end, counts, tasks_link),
                           stream, sentence_start, clause_start, counts)
    if before is not None and kind == "money" and before.text in generic_subjects() and clause_start > floor \
            and text[clause_start - 1] in ",，":
        # 职业教育助学工程项目,计划安排资金180万元: the sum of the project the clause before names
        project = subject_before_number(stream, clause_before(text, clause_start - 1, floor), clause_start - 1, counts)
        before = project if project is not None and project.text.endswith(PROJECTS) else before
    before = _visit_gift(text, sentence_start, quantity.outer_start, before) if kind == "money" else before
    before = _programme_money(stream, sentence_start, clause_start, counts, before)
    before = _changed_before_cue(stream, clause_start, quantity.outer_start, counts, before)
    before = _raised_from(stream, clause_start, quantity, floor, counts, before)
    steady = STEADY_LEVEL.match(text, clause_start, quantity.outer_start)
    if steady is not None:  # 零就业家庭保持动态为零: what is kept at the level, 动态 says how
        before = subject_before_number(stream, clause_start, steady.end("thing"), counts) or before
    if before is not None and quantity.unit in DISTANCE_UNITS:
        before = _measured_from(before)
    if before is not None:
        before = _with_age(text, clause_start, before)
    if before is None and clause_start > 0 and (
            TOTAL_ONLY.fullmatch(text, clause_start, quantity.outer_start) or (
                YEAR_ONLY.fullmatch(text, clause_start, quantity.outer_start) and clause_start > floor
                and not re.search(r"\d", text[clause_before(text, clause_start - 1, floor):clause_start - 1]
                                  .lstrip("0123456789、.． "))) or (
                not text[clause_start:quantity.outer_start].strip(" \t<>=≤≥") and CELL_END.match(text, quantity.outer_end))):
        before = _of_clause_before(stream, clause_start, floor, counts)
    elif before is None and clause_start > floor and text[clause_start - 1] in ",，" \
            and DEED_ONLY.fullmatch(text, clause_start, quantity.outer_start) and ENDS_CLAUSE.match(text, quantity.outer_end) \
            and not re.search(r"\d", text[clause_before(text, clause_start - 1, floor):clause_start]):
        # 组织执法人员业务培训,全年共组织12期: a clause of only a verb of doing
        # and its number counts what the clause before it names
        before = _of_clause_before(stream, clause_start, floor, counts)
    after_start, after_end = quantity.outer_end, clause_after(text, quantity.outer_end)
    denominator = DENOMINATOR.match(text, after_start, after_end)
    after_start = denominator.end() if denominator else after_start
    # 新增 7069张 公办养老床位: a padded figure after a bare verb is that verb's object, named after it
    bare_verb = before is not None and before.text in _words("subject_verbs.txt")
    padded = (before is None or bare_verb) and (_padded(text, quantity.outer_start, after_start) or (
        # 上报的19个 一事一议项目: after a clause ending in 的 the thing it qualifies follows the
        # number, whatever space stands between
        text[clause_start:quantity.outer_start].rstrip().endswith("的") and text.startswith(" ", after_start)
        and HAN.match(text, after_start + 1) is not None))
    if padded:
        after_start += 1
    zeroed = _zero_counted(text, quantity)
    if zeroed is not None:
        return Named(zeroed, "zero_counted")
    harm = _harm_of(text, clause_before(text, quantity.outer_start, sentence_start), quantity.outer_start, before) \
        if quantity.unit in PERSON_UNITS else None
    if harm is not None:
        return Named(Subject(harm + "人数"), "people_befallen")  # 死亡5人, 因灾死亡63人: 死亡人数, 因灾死亡人数
    if before is not None and before.text in _context_words()["crop_losses"] \
            and quantity.unit in _context_words()["area_units"]:
        return Named(Subject(_context_words()["crop_losses"][before.text]), "crop_loss")  # 成灾6.46万公顷: 成灾面积
    if before is not None and quantity.unit in PERSON_UNITS \
            and _compiled(_context_words()["disaster_people"]).fullmatch(before.text):
        return Named(Subject(before.text + "人口"), "people_befallen")  # 因灾伤病3人: 因灾伤病人口
    if before is not None and quantity.unit in PERSON_UNITS and before.text in _context_words()["people_held"]:
        return Named(Subject(before.text + "人员"), "people_held")  # 管控2360人: 管控人员
    befallen = BEFELL_AFTER.match(text, after_start, after_end)
    if quantity.unit in PERSON_UNITS and befallen \
            and (name := _context_words()["befell_after"].get(befallen.group(1))):
        return Named(Subject(name), "people_befallen")  # (洪涝灾害)造成3.2万人受灾: 受灾人口, not the cause
    awarded = AWARDED.match(text, after_start, after_end) if kind == "count" else None
    if awarded is not None:
        return Named(Subject(awarded.group(1)), "title_awarded")
    struck = _places_struck(text, quantity, after_start)
    if struck is not None:
        return Named(struck, "places_struck")
    # 完成 155公里 河道综合整治, 对全乡1.5万余亩核桃: a measure with nothing named before it is of the
    # thing named after it
    if kind == "count" or ((padded or before is None) and kind == "measure"):
        following = subject_after_number(stream, after_start, after_end, counts == "events",
                                         quantity.unit in PERSON_UNITS, quantity.unit in EVENT_OR_THING,
                                         unitless=not quantity.unit, items=quantity.unit == "项")
        published = PUBLISHED_BEFORE.search(text, clause_start, quantity.outer_start) \
            if following and following.text.endswith(tuple(RECORDS)) and CLASS_MARK not in following.text else None
        if published:
            # 主动公开186条信息, 对外公开341条政府信息: the verb of publishing tells the count from its
            # neighbours, as before the number (主动公开信息235条: fixtures README, session 31); a
            # class of records (政策解读类信息) is named by its class
            return Named(Subject(published.group(1) + following.text), "after_number")
        closing = _deed_closing(text, clause_start, quantity.outer_start, after_start, after_end, following)
        if closing is not None:
            return Named(closing, "deed_closing")
        taken_in = _taken_in(text, quantity, after_start, after_end) if before is None or is_place(before.text) else None
        if taken_in is not None:
            return Named(taken_in, "status_of_counted")
        if following and (before is None or is_place(before.text) or _own_place(before.text)) \
                and not _governed(text, clause_start, quantity.outer_start):
            status = _status_of_counted(text, quantity, after_start, after_end, following.text)
            if status is not None:
                return Named(status, "status_of_counted")
        if following and (before is None or not text.startswith("的", after_start, after_end)):
            if quantity.unit in ("人", "名") and cut_phrase(following.text)[0] in RECEIVING_VERBS | MOVING_IN | JOINING \
                    and not following.text.endswith((*PERSON_ENDINGS, "人数")):
                # 115人入住敬老院: persons counted before a deed are named by it and 人数 (fixtures
                # README, sessions 37 and 38: 300人享受… → 享受…人数)
                following = Subject(following.text + "人数", following.narrowed_by)
            return Named(following, "after_number")
        if following is None and kind == "count" and (one := _one_character_noun(stream, clause_start, quantity, after_start)):
            return Named(one, "one_character_noun")
        bare_verb = before is not None and before.text in _words("subject_verbs.txt")
        if (before is None or bare_verb) and quantity.unit in PERSON_UNITS:
            service = None if bare_verb else subject_of_service(stream, after_start, after_end, quantity.unit)
            if service is not None and service.text.startswith(ENJOYING) \
                    and PAIRED_HOUSEHOLDS.search(text, max(0, quantity.outer_start - 12), quantity.outer_start):
                # 647户、2240人享受低保: a 户/人 pair, whose one name (the deed with 人口, session 35)
                # the studied gold does not follow yet, keeps the name of what they receive
                service = subject_of_service(stream, after_start, after_end)
            if service is not None:
                return Named(service, "of_service")
            deed = subject_of_deed(stream, after_start, after_end)
            if deed is not None:
                return Named(deed, "of_deed")
            if before is None:
                return Named(None, "of_service")
    if kind == "money":
        standard = subject_of_standard(stream, after_start, after_end)
        if standard:
            return Named(standard, "of_standard")
    noun_start = after_start + (1 if _padded(text, quantity.outer_start, after_start) else 0)
    if kind == "money" and HAN.match(text, noun_start) and not text.startswith("的", noun_start, after_end) \
            and _object_of_verb(stream, clause_start, quantity.outer_start) \
            and (noun := tokens(stream, noun_start, after_end)) and (word_tag(noun[0]) not in ("v", "p", "d", "c")
                                                                    or _verb_naming_money(noun)):
        # 每月发放100元生活补贴, 发放3603.8万元救助金: after a verb the sum and the noun after it
        # are one object, and the noun says what the sum is of (发放86万元取暖|补贴 too: a verb
        # right before a money word says what the money is for)
        # the object ends where a verb or a preposition opens what is done with it (资金|用于…)
        verb = next((word for word in noun[1:] if word_tag(word) in ("v", "p", "d", "c")
                     and isinstance(word, Word) and word.start >= 0), None)
        following = (subject_after_number(stream, noun_start, verb.start) if verb is not None else None) \
            or subject_after_number(stream, noun_start, after_end)  # 1526万救助|受灾|灾民: no noun before the verb
        if following is not None and text.startswith(following.text, noun_start) \
                and text.startswith(tuple(MONEY_SUFFIXES), noun_start + len(following.text)):
            following = Subject(following.text + text[noun_start + len(following.text)])  # 临时救助|金
        if following is not None and following.text not in generic_subjects():  # 资金 alone: read on
            return Named(following, "after_number")
    if kind == "money" and text.startswith("的", after_start, after_end) and (
            before is None or GIVEN_TO_COUNTED.search(text, max(sentence_start, quantity.outer_start - 40), quantity.outer_start)):
        # 为1044名残疾人发放50元/月的生活补贴: after the people it went to and the verb that gave
        # it, a sum is of what 的 names after it, not of them
        given = subject_of_money(stream, after_start + 1, after_end)
        if before is None or given is not None:
            return Named(given, "of_money")
    if kind == "money" and before is not None and before.text in INVESTING:
        invested = subject_of_investment(stream, after_start, after_end, clause_start, quantity.outer_start, before.text)
        if invested is not None:
            return Named(invested, "of_investment")
    bare = BARE_INVESTING.fullmatch(before.text) if kind == "money" and before is not None else None
    project = _project_before(stream, sentence_start, clause_start) if bare else None
    if project is not None:
        return Named(_spending_of(project.text, bare.group(1)), "of_investment")
    if bare is not None and PLANNED_INVESTMENT.fullmatch(before.text):
        before = Subject(bare.group(1))  # 全市年度计划投资35亿元: the plan word goes, the kind tells it
    if kind == "money" and VALUED.search(text, clause_start, quantity.outer_start) and text.startswith("的", after_start, after_end):
        # 送去价值1.6万元的过冬棉被: a value is of the goods after its 的, up to the next item of a list
        item_end = text.find("、", after_start, after_end)
        goods = subject_after_number(stream, after_start + 1, item_end if item_end > 0 else after_end)
        if goods is not None:
            return Named(goods, "after_de")
    invested = next((word for word in ("总投资", "投资") if before.text.endswith(word)), None) \
        if kind == "money" and before is not None and text.startswith("的", after_start, after_end) else None
    if invested is not None:
        # 一家公司投资800万元的蔬菜种植基地: a sum written before its project stays 投资, whoever
        # invested it (fixtures README, session 32)
        return Named(Subject(invested), "of_investment")
    if kind == "money" and (before is None or before.text in generic_subjects() or before.text in SPENDING):
        purpose = subject_of_purpose(stream, after_start, after_end, before.text if before is not None else "")
        if purpose is not None:
            return Named(purpose, "of_purpose")
    if kind == "percent" and before is not None and text.startswith("的", after_start, after_end) \
            and before.text.endswith(tuple(SERVICE_VERBS)):
        # 对复核提标结果进行100%的张榜公示: after a verb of doing, the share is of the deed after 的
        after_de = subject_after_de(stream, after_start, after_end)
        if after_de is not None:
            return Named(after_de, "after_de")
    if kind == "duration" and before is not None and HELD_FOR.search(text, clause_start, quantity.outer_start) \
            and (held := subject_of_duration(stream, after_start, after_end)) is not None:
        # 对村干部开展两天培训: a duration after a verb of holding is of the event held, named after
        # it (round 29's call: durations named by what lasted), not of whom it was for
        return Named(held, "of_duration")
    if kind == "duration" and before is not None and before.text.endswith(STREAK) and len(before.text) > len(STREAK) + 1:
        before = Subject(before.text[:-len(STREAK)])  # 信访工作连续5年…: what lasted, 连续 says how
    if kind in ("percent", "duration") and before is None:
        after_de = subject_after_de(stream, after_start, after_end)
        if after_de is None and kind == "duration":
            return Named(subject_of_duration(stream, after_start, after_end), "of_duration")
        if after_de is None and HAN.match(text, after_start) and (share_of := subject_after_number(stream, after_start, after_end)):
            # 95%以上纠纷案件在镇村化解: with nothing named before it, a share is of the noun right
            # after it (and its qualifier), as after 的
            return Named(share_of, "after_number")
        return Named(after_de, "after_de")
    counted = _counted_by_verb(text, quantity, before)
    if counted is not None:
        return Named(counted, "people_counted")
    thing = _object_after_bare_verb(stream, quantity, before, after_start, after_end) if counts == "things" else None
    if thing is not None:
        return Named(thing, "after_number")
    thing = _rest_after_bare_verb(stream, quantity, before, after_start, after_end)
    if thing is not None:
        return Named(thing, "after_number")
    return Named(before, "before_number")


def _rest_after_bare_verb(stream: TokenStream, quantity: Quantity, before: Subject | None,
                          after_start: int, after_end: int) -> Subject | None:
    """赠送5枚光敏公章。, 代缴100元养老保费。: a verb alone before the number names nothing (§5, never
    a bare verb); where no head word ends the words after the number, the rest of the clause is the
    thing when it is only a name: no verb of doing, no strip word, no figure, up to the clause's end."""
    if quantity.unit in PERSON_UNITS or not _verb_alone(before):
        return None
    rest = stream.text[after_start:after_end]
    rest = rest[1:] if rest.startswith("的") else rest
    if not 2 <= len(rest) <= 10 or not HAN_RUN.fullmatch(rest):
        return None
    words = cut_phrase(rest)
    if any(_is_strip(word) or word in _words("subject_verbs.txt") or word_tag(word) in ("v", "p", "c", "d", "u", "uj", "m")
           for word in words[:-1]) or _is_strip(words[-1]) or word_tag(words[-1]) in ("p", "c", "d", "u", "uj", "m"):
        return None
    return Subject(rest)


HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _verb_alone(before: Subject | None) -> bool:
    """Whether the words before a number name no thing: a verb alone (赠送|5枚…), or one of the verbs
    of doing (subject_verbs.txt) after who did it (甘蔗寨社区|新植 100亩柏子仁, 合作社|种植 300亩…): the
    doer is no thing counted either, and what the verb was done to follows the number."""
    words = cut_phrase(before.text) if before is not None else ()
    return bool(words) and _bare_verb(words[-1]) and before.text not in DONATING \
        and (len(words) == 1 or words[-1] in _words("subject_verbs.txt"))


# what may stand between a number and the thing it counts after a bare verb (改造100所以上的学校)
BEFORE_OBJECT = re.compile(r"(?:以上|以下|左右)?的?")


def _object_after_bare_verb(stream: TokenStream, quantity: Quantity, before: Subject | None,
                            after_start: int, after_end: int) -> Subject | None:
    """赠送5枚光敏公章, 建成了600余亩的蔬菜示范基地: a verb alone before the number names no
    thing (§5, never a bare verb); the thing it was done to, named right after the number (past
    a 的 of its own), is what is counted. A verb of giving names its sum (捐资50万元|修建…), and a
    verb after the number opens a purpose, no thing."""
    if not _verb_alone(before):
        return None
    start = BEFORE_OBJECT.match(stream.text, after_start, after_end).end()
    thing = subject_after_number(stream, start, after_end, people=quantity.unit in PERSON_UNITS,
                                 event_nouns=quantity.unit in EVENT_OR_THING, unitless=not quantity.unit)
    if thing is None or thing.text in generic_subjects() or word_tag(cut_phrase(thing.text)[0]) == "v":
        return None
    return thing


# the measure a bare verb counted in persons or households is completed with (session-35 ruling)
VERB_MEASURES = {"人": "人数", "名": "人数", "户": "户数"}
# a count in persons right after one in households, or before it (脱贫60户226人): one group twice
PAIRED_PEOPLE = re.compile(r"\s*[、,，]?\s*[\d.]+\s*万?\s*[人名]")
PAIRED_HOUSEHOLDS = re.compile(r"[\d.]+\s*万?\s*户\s*[、,，]?\s*$")
# a negation before a flow of people (未脱贫, 尚未脱贫): those it has not yet happened to
NOT_YET = re.compile(r"^(?:尚未|仍未|未|没有)(?=[\u4e00-\u9fff]{2})")


# A count opening its clause, its group right after it and a deed or status after the group
# (12个街道形成了整改方案, 8个街道完成验收; 1.2万名退休人员参加职工医保, 3400名退休人员参加大病保险):
# where the paragraph counts the same group again with another deed, the deeds alone tell the counts
# apart, and each is named by its deed before the group (形成整改方案街道, 参加大病保险退休人员: fixtures
# README, round 35's settled calls, counts of one group told apart by their status). A deed is a verb
# with its object, its adverbs of state, 新 (newly, session 36) and the aspect mark 了 dropped.
DEED_LEAD = re.compile(rf"(?:{STATE_ADVERBS}|新)+")
DEED_STOP = re.compile(r"[,，;；。：:!！?？\n、()（）“”\d]|(?<![归合兼吞])并|和(?=\d)|确保|以|用于")
DEED_LONGEST = 14
COUNT_GOVERNED = re.compile(r"(?:为|对|向|给|替|将|把|帮助|帮|使|让|组织|引导|带动|推动|支持|扶持|动员|吸纳|安置)\s*$")


def _governed(text: str, clause_start: int, number: int) -> bool:
    """Whether a verb or a preposition right before the count takes it as its object (为800名退休人员
    提供…, 帮助60人实现就业): then the words after it are that verb's, not the group's deed."""
    return COUNT_GOVERNED.search(text, clause_start, number) is not None


def _deed_after_group(text: str, start: int, end: int) -> str | None:
    """The deed right after a counted group: a verb and its object up to the clause's next item."""
    lead = DEED_LEAD.match(text, start, end)
    start = lead.end() if lead else start
    stop = DEED_STOP.search(text, start, end)
    deed = text[start:stop.start() if stop else end].replace("了", "").strip()
    if not 3 <= len(deed) <= DEED_LONGEST or not HAN.match(deed):
        return None
    verb = next((deed[:n] for n in (2, 3) if word_tag(deed[:n]) == "v"), None)
    if verb is None or verb in NO_STATUS or verb in _words("subject_fillers.txt") or len(deed) - len(verb) < 2:
        return None  # 有, 是, 达到 say what the group is, not what it did; a verb alone is no status
    return deed


# 完成 or 实现 right before a count takes the deed closing the words after it as its object (完成36座
# 农村公墓迁建, 完成120处文物保护范围划定, 实现5处便民服务点合并): the thing and the work done on it are what
# is counted, kept as written (fixtures README, session 36: a work noun after the thing, a verb after
# its thing, session 21), whatever the verb; the work words alone (改造, 建设 …) are read for any count
# (`WORK_AFTER`).
DOING_BEFORE = re.compile(r"(?:完成|实现)了?\s*$")
# words that may close the item after its deed, left out of the name (完成…旧坟整治工作: the work names nothing;
# …任务 likewise, until a ruling says how a task of the deed is named)
ITEM_END_WORDS = ("工作", "任务")
CLOSING_DEED_LONGEST = 8


def _deed_closing(text: str, clause_start: int, number: int, after_start: int, after_end: int,
                  following: Subject | None) -> Subject | None:
    if not DOING_BEFORE.search(text, clause_start, number):
        return None
    thing = following.text if following is not None else ""
    if not text.startswith(thing, after_start, after_end):
        return None
    at = after_start + len(thing)
    stop = DEED_STOP.search(text, at, after_end)
    tail = text[at:stop.start() if stop else after_end].strip()
    for word in ITEM_END_WORDS:
        tail = tail.removesuffix(word)
    if not 2 <= len(tail) <= CLOSING_DEED_LONGEST or "的" in tail or not all(HAN.match(c) for c in tail) \
            or word_tag(tail[-2:]) != "v" or (not thing and len(tail) < 4) or DEED_LEAD.match(tail) or tail[0] == "全":
        # a deed closes the item: its last word a verb; alone, a noun before it (管理归并); an adverb
        # or 全 before the verb says how far the count got (实现30个乡镇全覆盖), no work done on it
        return None
    return Subject(thing + tail)


def _taken_in(text: str, quantity: Quantity, after_start: int, after_end: int) -> Subject | None:
    """930人纳入重点监测, 将260人新纳入特困供养: persons counted right before a status verb of a
    programme (纳入, 安置 …: `TAKING_IN`), nothing naming who they are, are named by the status and
    人数, as persons counted before any deed (fixtures README, sessions 35 and 37: 300人享受… →
    享受…人数); 新 before it goes (session 36)."""
    if quantity.unit not in ("人", "名"):
        return None
    deed = _deed_after_group(text, after_start, after_end)
    return Subject(deed + "人数") if deed is not None and deed.startswith(tuple(TAKING_IN)) else None


def _status_of_counted(text: str, quantity: Quantity, after_start: int, after_end: int, group: str) -> Subject | None:
    if len(group) < 2 or not text.startswith(group, after_start, after_end):
        return None
    deed = _deed_after_group(text, after_start + len(group), after_end)
    if deed is None:
        return None
    paragraph_start = text.rfind("\n", 0, quantity.outer_start) + 1
    paragraph_end = text.find("\n", after_end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    deeds = set()
    for counted in re.finditer(rf"\d\s*[万亿]?\s*[\u4e00-\u9fff]?{re.escape(group)}", text[paragraph_start:paragraph_end]):
        at = paragraph_start + counted.end()
        other = _deed_after_group(text, at, clause_after(text, at))
        if other is not None:
            deeds.add(other)
    if len(deeds) < 2:
        return None
    return Subject(deed + group)


def _counted_by_verb(text: str, quantity: Quantity, before: Subject | None) -> Subject | None:
    """出生265人 → 出生人数, 已脱贫60户 → 脱贫户数, 脱贫60户226人 → 脱贫人口 both: a verb alone
    before a count of people or households names no thing (§5), so it is completed with the
    measure of the count, or with 人口 where a pair counts one group in 户 and 人 (session-35
    ruling, as 受灾人口). The verbs are flows of people (`people_flows`): a verb done to a thing
    (走访, 启动 of subject_verbs.txt) names its object elsewhere; an event unit (人次) keeps its
    deed as written."""
    measure = VERB_MEASURES.get(quantity.unit)
    if before is None or measure is None:
        return None
    paragraph = text[text.rfind("\n", 0, quantity.outer_start) + 1:quantity.outer_start]
    if quantity.unit != "户" and _bare_verb(before.text) and "人员" in paragraph \
            and "其中" not in re.split(r"[。；;]", paragraph)[-1] \
            and "人员" not in re.split(r"[。；;，,]", paragraph)[-1] \
            and before.text not in paragraph[:paragraph.rfind(before.text)]:
        # 流浪人员…累计安置175人,帮助寻亲返乡85名: the paragraph names who is counted; a part
        # after 其中 (其中集中供养64人) is named by its mode, as written (session 33), and the
        # group's flows in its own clause (特困人员新增3人、注销2人) by the flows' rule, a deed
        # done again (输出劳务人员…,累计输出4.6万人) by the people it was first done to
        return Subject(before.text + "人员")
    if NOT_YET.sub("", before.text) not in _context_words()["people_flows"]:
        return None  # 未脱贫0户0人: a flow not yet gone through counts its people the same way
    name = STILL_NOT.sub("未", before.text)  # 尚未脱贫: 尚 says when, 未 what
    return Subject(name + _count_measure(text, quantity))


STILL_NOT = re.compile(r"^[尚仍]未")


def _count_measure(text: str, quantity: Quantity) -> str:
    """The measure a count of people or households completes a verb with (`VERB_MEASURES`), or 人口 where
    a 户/人 pair counts one group (脱贫60户226人: session 35)."""
    paired = PAIRED_PEOPLE.match(text, quantity.outer_end) if quantity.unit == "户" \
        else PAIRED_HOUSEHOLDS.search(text, max(0, quantity.outer_start - 12), quantity.outer_start)
    return "人口" if paired else VERB_MEASURES[quantity.unit]


# the places a count may name by one character alone (6个镇、3个乡, 辖4镇1乡)
LONE_PLACE_CHARS = frozenset("县市区镇乡村旗")
# a place named by one character alone right after its count (7个村1个社区, 6个镇、3个乡)
LONE_PLACE_AFTER = re.compile(rf"\s*([{''.join(LONE_PLACE_CHARS)}])(?![\u4e00-\u9fff])")


def _lone_place(a: Around) -> Subject | None:
    """辖4镇1乡, 辖7个村1个社区 → 所辖镇, 所辖村: a count of places named by one character alone,
    nothing else naming them, is completed as the places under the body (session-33 and
    session-36 rulings: a lone one-character place noun is completed, 所辖市)."""
    if a.own.subject is not None:
        return None
    if a.quantity.unit in LONE_PLACE_CHARS:
        return Subject(UNDER_BODY + a.quantity.unit)  # 4镇: the unit is the place counted
    after = LONE_PLACE_AFTER.match(a.text, a.quantity.outer_end) if a.quantity.unit == "个" else None
    if after:
        return Subject(UNDER_BODY + after.group(1))
    deed = PLACE_DOING.match(a.text, a.quantity.outer_end) if a.quantity.unit == "个" else None
    words = cut_phrase(deed.group(2)) if deed else ()
    if not words or words[0] in BECOMING or any(word_tag(word) in NAMELESS_TAGS - {"f"} for word in words) \
            or not any(word_tag(word) in ("v", "vn") for word in words):
        return None  # 10个村成为非贫困村: what they became names them, as written after the number
    # 有6个村用上自来水, 11个村都有农业贷款: the places are named by what they did or have (round 33's
    # call, settled in session 39), a verb of doing (实施) and adverbs going
    return Subject(deed.group(2) + deed.group(1))


def _next_lone_place(a: Around) -> Subject | None:
    """辖4镇1乡, 下辖7个镇、3个乡: the next count of places named by another character alone (its
    unit, or the character after 个) is of those places, not of the places before it (所辖乡,
    下辖乡, not 所辖镇 inherited), under the verb the places before it took."""
    previous = a.previous
    after = LONE_PLACE_AFTER.match(a.text, a.quantity.outer_end) if a.quantity.unit == "个" else None
    place = a.quantity.unit if a.quantity.unit in LONE_PLACE_CHARS else after.group(1) if after else None
    if a.own.subject is not None or previous is None or place is None or previous.text[-1:] not in LONE_PLACE_CHARS \
            or previous.text[:-1] not in GOVERNING or previous.text[-1] == place:
        return None
    return Subject(previous.text[:-1] + place)


UNDER_BODY = "所辖"
# verbs of becoming or being, which name no deed of the places
BECOMING = frozenset({"成为", "是", "为", "属于", "列为"})
# a place of one character after 个, then its deed up to the clause's end (个村|都|有农业贷款,)
PLACE_DOING = re.compile(r"([村镇乡])(?:都|均|也|已|已经)*(?:实施|开展|实现)?([\u4e00-\u9fff]{2,12}?)(?=[,，。；;]|$)")
# the verbs of governing a count of places takes (辖, 下辖, 所辖 as written or completed)
GOVERNING = frozenset({UNDER_BODY, "下辖", "辖"})


# a list's item named by one character alone (…、肉牛1.5万头、羊2.3万只): 、 and the character
LONE_ITEM = re.compile(r"[、，,]\s*([\u4e00-\u9fff])\s*$")


def _lone_noun_item(a: Around) -> Subject | None:
    """出栏生猪8万头、肉牛1.5万头、羊2.3万只 → 出栏羊: an item of a list named by one character
    alone keeps the verb that opens the list (session-36 ruling: a one-character noun keeps its
    verb; the verb goes before longer names as the subjects' rules decide)."""
    if a.own.subject is not None or not a.named or a.named[0].subject is None:
        return None
    lone = LONE_ITEM.search(a.lead)
    if lone is None or word_tag(lone.group(1)) != "n":
        return None
    words = cut_phrase(a.named[0].subject.text)
    verb = next((word for word in words[:-1] if word_tag(word) == "v"), None)
    return Subject(verb + lone.group(1)) if verb else None


def _deed_counted(a: Around) -> Subject | None:
    """女扎43人 → 女扎人数: a deed alone before its count of persons, when no figure around it
    names whom it was done to (帮扶困难群众…,累计帮扶5600人: `deed_again`)."""
    own = a.own.subject
    if a.own.rule != "before_number" or own is None or not _deed_alone(a.text, own, a.quantity.unit):
        return None
    return Subject(own.text + "人数", own.narrowed_by, own.spans)


# a count of people closing the clause before (护理员169人，持证135人): a deed term alone after it is
# what those people have done, named as written
PEOPLE_BEFORE = re.compile(r"\d\s*万?\s*[人名]\s*[,，、]\s*$")


def _deed_alone(text: str, before: Subject, unit: str) -> bool:
    """女扎43人, 省内转移46万人, 关爱帮扶3526人: a deed alone before a count of persons, its words
    all verbs but for where, when, how or what kind (省内, 女, 产后: places, directions,
    distinguishers, nouns of circumstance), names no
    thing (§5) and is completed with 人数 like the flows of people (session-35 ruling). Not a flow
    in or out of a caseload (纳入, 退出: the flows' own rule), a term, a population's name, nor the
    object of a verb right before it (增加|编制9人, 开展|就业见习: a thing, the verb dropped; the
    words of totalling, 累计采样, are no such verb)."""
    words = cut_phrase(before.text)
    caused = _caused_deed(words[-1])
    if caused:
        words = [*words[:-1], *caused]  # 带动|就业: a verb bringing the deed about, the people it brought counted
    if unit not in ("人", "名") or (before.text in domain_terms() and not caused) or before.text in _population_names() \
            or (not caused and (words[-1] in domain_terms() or (words[-1] in _context_words()["deed_terms"] and (
                len(words) > 1 or (bool(before.spans) and PEOPLE_BEFORE.search(text, max(0, before.spans[0][0] - 12), before.spans[0][0])))))) \
            or not before.spans \
            or any(flow in before.text for flow in (*_context_words()["flows"], *TAKING_IN)):
        return False
    verbal_noun = word_tag(words[-1]) == VERBAL_NOUN and all(word_tag(word) in DEED_MODIFIER_TAGS for word in words[:-1])
    if not ((word_tag(words[-1]) == "v" or verbal_noun) and not _is_strip(words[-1])
            and all(word_tag(word) in DEED_MODIFIER_TAGS or _circumstance(word) for word in words[:-1])):
        return False
    if text.startswith(("到", "至"), before.spans[-1][1]):
        return False  # 从3.2万人扩大到4.5万人: a level reached (`_reached_level`), no deed counted
    lead = cut_phrase(text[max(0, before.spans[0][0] - 6):before.spans[0][0]])
    if not all(word_tag(word) in DEED_MODIFIER_TAGS for word in words[:-1]):
        # 产后|访视, 居家|托养: a noun before the deed says how only where nothing but a word of
        # scope or totalling, or a break, stands before it (核定|事业编制 is a thing, the verb's object)
        opening = text.rfind(before.text, 0, before.spans[-1][1])
        ahead = text[max(0, opening - 6):opening] if opening >= 0 else ""
        words_ahead = cut_phrase(ahead)
        return not HAN.match(ahead[-1:]) or (bool(words_ahead) and ahead.endswith(words_ahead[-1]) and (
            words_ahead[-1] in TOTALLING_VERBS or (_is_strip(words_ahead[-1]) and word_tag(words_ahead[-1]) != "v")))
    return not lead or lead[-1] in TOTALLING_VERBS or lead[-1] in REACHING \
        or (word_tag(lead[-1]) != "v" and lead[-1] not in _words("subject_verbs.txt"))


# a deed written right after a count of persons, up to the clause's end (带动700人就业, 支持3万人成功自主创业)
DEED_AFTER_COUNT = re.compile(r"(?:成功|实现)?(?P<deed>[\u4e00-\u9fff]{2,6})(?=[,，。；;、]|$)")


def _deed_after_count(a: Around) -> Subject | None:
    """带动700人就业 → 带动就业人数, 支持3万人成功自主创业 → 自主创业人数: persons counted between a verb
    done to them and a deed, nothing else naming them, are named by the deed and 人数, as a bare verb counted in persons (session-37 ruling: 300人享受… →
    享受…人数); the verb before the count stays only where with the deed it is one term (带动就业),
    a word of success (成功, 实现) goes like any verb of reaching."""
    if a.quantity.unit not in ("人", "名"):
        return None
    after = DEED_AFTER_COUNT.match(a.text, a.quantity.outer_end)
    if after is None:
        return None
    deed = after.group("deed")
    words = cut_phrase(deed)
    if not all(word_tag(word) == "v" or word in _context_words()["deed_terms"] or _caused_deed(word) for word in words) \
            or words[-1] in TAKING_IN or any(flow in deed for flow in _context_words()["flows"]):
        return None
    lead = cut_phrase(a.text[max(0, a.quantity.outer_start - 6):a.quantity.outer_start])
    verb = lead[-1] if lead and word_tag(lead[-1]) == "v" and lead[-1] not in BEING else ""
    if not verb or deed in _context_words()["befell_after"]:
        return None  # 失业人员826人实现就业: the people named before; 3万人受灾: 受灾人口 (first pass)
    return Subject((verb + deed if verb + deed in domain_terms() else deed) + "人数")


# verbs of being or having before a count, naming no deed done to those counted (已有0人参与)
BEING = frozenset({"有", "已有", "是", "为", "达", "达到", "共有"})


def _caused_deed(word: str) -> list[str]:
    """带动就业 → 带动, 就业: a word jieba keeps whole that is a verb and a deed statistics count as the
    people doing it (就业, 创业), the verb bringing the deed about; empty for any other word. The
    deed so brought about is a bare verb's (session-37 ruling: 带动就业…人 → 带动就业人数)."""
    term = next((t for t in _context_words()["deed_terms"] if word.endswith(t) and len(word) > len(t)), None)
    verb = word[:-len(term)] if term else ""
    return [verb, term] if len(verb) > 1 and word_tag(verb) == "v" else []


def _circumstance(word: str) -> bool:
    """产后, 住院, 源头, 新法: a noun before a deed saying when, where or how it was done, no
    one it was done to (老年人, 人口, 职工: people) nor a term (低保)."""
    return word_tag(word) == "n" and word not in domain_terms() and not word.endswith(PERSON_ENDINGS)


# the endings of a noun naming people (老年人, 职工, 家庭成员, 渔民)
PERSON_ENDINGS = ("人", "员", "工", "民", "户", "者", "童", "士", "生", "口", "属", "众", "女", "师", "母", "部")


# words of totalling that jieba tags as verbs (累计采样1万人): no verb whose object follows
TOTALLING_VERBS = frozenset({"累计", "共计", "合计", "总计"})
# the words that may stand before a deed's verb without naming a thing: verbs, distinguishers (女),
# directions (上), places (省内) and adverbs
DEED_MODIFIER_TAGS = frozenset({"v", "b", "f", "s", "d"})
# a verbal noun (谈话, 培训) is a bare verb when nothing but verbs and words of how stand before it
# (提醒谈话 → 提醒谈话人数); with a thing before it (技能培训) it is kept as written (session-37 ruling)
VERBAL_NOUN = "vn"


def _bare_verb(phrase: str) -> bool:
    """寻亲返乡, 安置: words that are all verbs, none a term naming a thing (低保) nor a
    population's name (集中供养: how people are kept names them, session 33)."""
    return phrase not in domain_terms() and phrase not in _population_names() \
        and all((word_tag(word) == "v" or word in _words("subject_verbs.txt")) and not _is_strip(word)
                for word in cut_phrase(phrase))  # 现有; 新植, 补植: verbs of the list jieba does not tag


@cache
def _population_names() -> frozenset[str]:
    table = load_toml("indicator_populations.toml")
    return frozenset(name for row in table["population"] for name in row["names"])


# A sum spent right after 投入, its project written after it as the end of its clause
# (投入80万元为120户家庭实施改厕, 投入35万元完成4处村级广场建设): the end-of-session-34 ruling
# names it with the project and 投入 (改厕投入; 投入 names nothing alone, session 22). A noun
# after 的 names the sum itself (投入90万元的救灾物资), and a part in brackets is not the clause.
INVESTED_BEFORE = re.compile(r"投入\s*(?:了|共|共计|累计|约|近|达)?\s*$")
INVESTED_PROJECT = re.compile(
    r"(?![的(（)）])\s*(?:[,，]\s*)?(?:用于|为|对)?[^,，。；;：:()（）]{0,24}?(?:实施|开展|完成|用于)了?\s*"
    r"(?:\d+(?:\.\d+)?\s*[户个处所座套项家间条]\s*)?(?P<project>[\u4e00-\u9fff]{2,10}?)\s*(?:[,，。；;]|$)")
# 投入900万元进行农村公路、饮水工程建设: 进行 right after the sum, its project the rest of the
# clause, a list of names too
INVESTED_DOING = re.compile(r"\s*进行了?\s*(?P<project>[\u4e00-\u9fff]{2,12}?(?:、[\u4e00-\u9fff]{2,12}?)*)\s*(?:[,，。；;]|$)")


def _project_invested(text: str, clause_start: int, quantity: Quantity) -> Subject | None:
    """适老化改造投入: a sum after 投入 (its agent before it names no sum: 街道投入) whose
    project its clause names after it."""
    if not INVESTED_BEFORE.search(text, clause_start, quantity.outer_start):
        return None
    found = INVESTED_PROJECT.match(text, quantity.outer_end) or INVESTED_DOING.match(text, quantity.outer_end)
    return Subject(found.group("project") + "投入") if found else None


# A level kept over time (城镇零就业家庭动态为零, …保持动态为零: a zero in words stating a
# level is a figure, session-35 ruling): 动态 and 保持 say how it is kept, the thing stands before them;
# so does a thing brought down to zero (零就业家庭动态清零, 欠款全部清零)
STEADY_LEVEL = re.compile(r"\s*(?P<thing>[^,，。；;：:]+?)(?:保持|实现)?(?:动态(?:保持|实现)?为|(?:动态|全部|全面)?清)\s*$")


# money named by a programme's verb (救助金, 慰问金, 补助金, 补贴款): the verb it is named by
PROGRAMME_MONEY = {"救助金": "救助", "慰问金": "慰问", "补助金": "补助", "补贴款": "补贴"}
LIST_OR_FIGURE = re.compile(r"[、\d]")


# a visit's gift named by the visit alone (慰问金, 送上慰问资金: the verb of giving goes), and the group its sentence gives it to
# before it (为退役军人发放慰问金, 对1200名低保对象开展春节慰问,发放慰问金): 为/向/对, a scope word or a
# count, the group, then the deed
VISIT_GIFT = re.compile(r"(?:发放|送上|送去|送|发)?(慰问金|慰问资金|慰问金额)")
GIFT_TO = re.compile(r"(?:为|向|对|给)(?:全[县市区镇乡旗])?这?(?:[\d.]+万?[名户人位])?"
                     r"(?P<group>[\u4e00-\u9fff、]{2,24}?)(?:以|开展|发放|送上|送去|送)")
GROUP_ENDINGS = (*PERSON_ENDINGS, "对象", "儿", "家庭")
# or the group the visit itself names, right after its verb and before its count (走访慰问重点优抚对象300户:
# the session-37 ruling's visit's gift after its count)
VISITED = re.compile(r"(?:走访|看望|探望)?慰问(?P<group>[\u4e00-\u9fff]{2,12}?)(?=\s*\d)")


def _visit_gift(text: str, sentence_start: int, end: int, before: Subject | None) -> Subject | None:
    """为退役军人和其他优抚对象发放慰问金 → 退役军人和其他优抚对象慰问金: a visit's gift named by the
    visit alone is completed with the group the sentence gives it to, the occasion (春节) dropped
    like any time word (session-37 ruling); a list of groups closed by 等 and a noun is that noun
    (…、孤儿等困难户 → 困难户慰问金)."""
    gift = VISIT_GIFT.fullmatch(before.text) if before is not None else None
    if gift is None:
        return before
    given = [m for m in GIFT_TO.finditer(text, sentence_start, end) if m.group("group").endswith(GROUP_ENDINGS)] \
        or [m for m in VISITED.finditer(text, sentence_start, end) if m.group("group").endswith(GROUP_ENDINGS)]
    if not given:
        return before
    group = given[-1].group("group")
    if "、" in group:
        if "等" not in group:
            return before
        group = group[group.rfind("等") + 1:]
    return Subject(group + gift.group(1)) if len(group) >= 2 else before


def _programme_money(stream: TokenStream, sentence_start: int, clause_start: int, counts: str,
                     before: Subject | None) -> Subject | None:
    """开展春节慰问,发放慰问金521万元 → 春节慰问金: a bare 救助金 or 慰问金 names nothing alone,
    and is completed with the programme its sentence names before it, the nearest phrase ending
    in the same verb and naming more than the verb (session-35 ruling, like 资金 and 金额)."""
    verb = PROGRAMME_MONEY.get(before.text) if before is not None else None
    if verb is None:
        return before
    text = stream.text
    end = clause_start
    while (found := text.rfind(verb, sentence_start, end)) >= 0:
        end = found
        named = subject_before_number(stream, clause_before(text, found + len(verb), sentence_start), found + len(verb), counts)
        if named is not None and named.text.endswith(verb) and len(named.text) > len(verb) \
                and not named.text[:-len(verb)].endswith(tuple(_words("subject_verbs.txt"))) \
                and not LIST_OR_FIGURE.search(named.text):
            # not a deed done to people (走访慰问: the money of a visit, named by whom it went to)
            # nor a list or a figure run into the phrase
            return Subject(named.text + before.text[len(verb):])
    return before


def _zero_counted(text: str, quantity: Quantity) -> Subject | None:
    """实现零死亡, 确保零事故: a zero in words is the count of the thing right after it (session-35
    ruling), a harm to people completed with 人数 as a harm verb is (死亡人数, session 33)."""
    if text[quantity.start:quantity.end] != "零" or quantity.unit:
        return None
    counted = load_toml("units.toml")["zero_in_words"]["counted"]
    thing = next((word for word in sorted(counted, key=len, reverse=True)
                  if text.startswith(word, quantity.outer_end)), None)
    if thing is None:
        return None
    return Subject(thing + "人数" if thing in _context_words()["befell_people"] or thing == "伤亡" else thing)


def _harm_of(text: str, clause_start: int, number: int, before: Subject | None) -> str | None:
    """死亡5人 → 死亡; 因灾死亡63人、失踪119人 → 因灾死亡, 因灾失踪: a verb of harm alone before a
    count of people, with the cause its clause names before it (`harm_causes`); after the class
    of incident it befell in, with that class (亿元GDP生产安全事故死亡0.19人 → …事故死亡: round 27's
    call, a class of accident before its deaths)."""
    if before is None:
        return None
    words = _context_words()
    harm = next((h for h in words["befell_people"] if before.text.endswith(h)), None)
    if harm and before.text[:-len(harm)].endswith(tuple(words["incidents"])):
        return before.text
    cause = next((c for c in words["harm_causes"] if before.text.startswith(c)), "")
    harm = before.text[len(cause):]
    if harm not in words["befell_people"]:
        return None
    cause = cause or next((c for c in words["harm_causes"] if c in text[clause_start:number]), "")
    return cause + harm


# 价值 right before a sum (价值500元的慰问物资, 价值约3万元的): what the goods after its 的 are worth
VALUED = re.compile(r"价值\s*(?:约|近|达|超过)?\s*$")
# What may stand between a verb and the sum that is its object (发放了, 共下发, 每人每月发放).
OBJECT_GAP = frozenset({"了", "共", "共计", "累计", "总计", "合计", "约", "近", "计"})
# Characters that make a sum's noun of the name before them (临时救助金, 医疗救助款, 管理费).
MONEY_SUFFIXES = ("金", "款", "费")
# Verbs whose number is a level, a change or a comparison, not an object with its noun.
LEVEL_VERBS = re.compile(r"提高|提升|增加|增长|减少|降低|下降|上调|下调|调整|达|超|占|低于|高于|相当|折合|价值|节约|节省")


def _verb_naming_money(words: list[str]) -> bool:
    """取暖|补贴, 取暖|救助金: a verb of two characters right before a word of money names what
    the money is for, one noun with it."""
    return len(words) > 1 and word_tag(words[0]) == "v" and len(words[0]) == 2 \
        and words[1].endswith(("资金", "补贴", "津贴", *MONEY_SUFFIXES)) and _touching(words[0], words[1])


def _object_of_verb(stream: TokenStream, clause_start: int, number: int) -> bool:
    """Whether the number is the first word of a verb's object (发放|3603.8万元救助金): the
    word before it, past 了, 共 and a rate (每人每月), is a verb of two characters or more that
    states no level."""
    words = tokens(stream, clause_start, number)
    while words and (words[-1] in OBJECT_GAP or RATE_WORD.match(words[-1])):
        words.pop()
    if not words:
        return False
    verb = words[-1]
    return len(verb) > 1 and (word_tag(verb) == "v" or verb in _words("subject_verbs.txt")) \
        and verb not in COPULAS and not LEVEL_VERBS.search(verb)


def _changed_before_cue(stream: TokenStream, clause_start: int, number: int, counts: str,
                        before: Subject | None) -> Subject | None:
    """电信网络诈骗案件发案数同比下降23.73%: a change is of what its clause names before the cue
    of change (同比, 比上年, 较…), not of the verb after it; the phrase read back from the number,
    when it starts past the cue, gives way to the one before the cue (when there is one)."""
    if before is None:
        return None
    clause = stream.text[clause_start:number]
    cues = list(finditer(_change_cues(), clause))
    if len(cues) > 1 and 0 <= (item := clause.find("、", cues[-2].end(), cues[-1].start())):
        # 受伤人数同比持平、经济损失同比下降72.5%: a change without a figure before it in the
        # clause is another item's; this change is of the item after it
        start = clause_start + item + 1
        named = subject_before_number(stream, start, start + cues[-1].start() - item - 1, counts)
        return named if named is not None else before
    cue = cues[0] if cues else None
    at = clause.rfind(before.text)
    if cue is None or cue.start() == 0 or (at < cue.start() and (at < 0 or at + len(before.text) <= cue.start()
                                                                 or not COMPARING.match(clause, cue.start()))):
        return before  # (商品零售价格比上年上涨1.2%: a phrase running over a comparison gives way too)
    named = subject_before_number(stream, clause_start, clause_start + cue.start(), counts)
    return named if named is not None else before


def _change_cues() -> re.Pattern:
    """The cues of change (同比, 比上年, 较…), read with `finditer`: the regex engine finds no first
    character of their alternatives itself and would try each of them at every position."""
    return _compiled(_context_words()["change"])


# A comparison opening a cue of change (比上年, 较去年), not a word of a name (比例, 比重, 增长率)
COMPARING = re.compile(r"(?:比|较|与)(?!例|重|率)")


# 由/从 and the words of the measure before the old level of a raise (由家庭年人均收入2650元提高到…)
RAISE_FROM = re.compile(r"(?:由|从)[^\d，,。；;、（）()由从]{0,10}$")
RAISE_TO = re.compile(r"\s*(?:[(（][^()（）]{0,16}[)）])?\s*(?:提高|提升|调整|增加|上调|增长|降低|下调|减少)(?:了)?(?:到|至|为)")
# the other terms of a ratio after its first (11.2:41.3:47.5): the old level is the whole ratio
RATIO_TERMS = re.compile(r"(?:\s*[:：∶]\s*\d+(?:\.\d+)?)+")


def _raised_from(stream: TokenStream, clause_start: int, quantity: Quantity, floor: int, counts: str,
                 before: Subject | None) -> Subject | None:
    """将农村低保标准由家庭年人均收入2650元提高到3000元: the old level of a raise is of what stands
    before 由 or 从 (the words after it say how the level is measured); with nothing before it
    in its clause, of what the clause before names (调整低保标准,从每人每月1330元调整为…)."""
    text = stream.text
    found = RAISE_FROM.search(text, clause_start, quantity.outer_start)
    denominator = DENOMINATOR.match(text, quantity.outer_end)  # 由134元/人.月提高到…
    after = denominator.end() if denominator else quantity.outer_end
    terms = RATIO_TERMS.match(text, after) if not quantity.unit else None
    if found is None or not RAISE_TO.match(text, terms.end() if terms else after):
        return before
    if text[clause_start:found.start()].strip():
        named = subject_before_number(stream, clause_start, found.start(), counts)
    else:
        while clause_start > floor + 1 and text[clause_start - 1] in ",，" and (
                when := clause_before(text, clause_start - 1, floor)) > floor \
                and WHEN_CLAUSE.fullmatch(text, when, clause_start - 1):
            clause_start = when  # 提高农村低保标准,从2010年4月1日起,由134元…: the date says when
        named = _of_clause_before(stream, clause_start, floor, counts) if clause_start > 0 else None
    if named is not None and before is not None and _bare_measure(before.text) and not named.text.endswith(before.text[-2:]):
        # 城乡低保由原来保障标准590元提高到…: a measure naming nothing alone after 由 is of the
        # thing before it (城乡低保保障标准)
        return Subject(named.text + before.text)
    return named if named is not None else before


# A clause that only says from when (从2010年4月1日起, 自今年7月起): no name between a raise and
# the clause that names what was raised.
WHEN_CLAUSE = re.compile(r"\s*(?:从|自|于)?\s*(?:\d{4}\s*年|今年|明年|本年|当年)?\s*(?:\d{1,2}\s*月(?:份)?)?\s*"
                         r"(?:\d{1,2}\s*[日号])?\s*(?:起|开始|以来)?\s*")


# 从1.53万个发展到1.8万个, 从8万人扩大到12万人: a verb of any kind with 到 or 至 between the
# old level after 从 or 由 and the new one
REACHED_GAP = re.compile(r"(?:/[月年日人])?\s*([\u4e00-\u9fff]{1,3}?)了?(?:到|至)\s*$")


def _reached_level(text: str, quantities: list[Quantity], named: list[Named]) -> None:
    """社会组织从1.53万个发展到1.8万个: the new level is of the thing the old one is, when its own
    clause names only the verb of reaching (发展, 扩大) — a level of the same unit."""
    for index in range(1, len(quantities)):
        old, new = quantities[index - 1], quantities[index]
        gap = REACHED_GAP.fullmatch(text[old.outer_end:new.outer_start])
        if gap is None or old.unit != new.unit or named[index - 1].subject is None \
                or not RAISE_FROM.search(text, max(0, old.outer_start - 12), old.outer_start):
            continue
        current = named[index].subject
        if current is None or current.text == gap.group(1) or current.text in gap.group(0):
            named[index] = Named(named[index - 1].subject, "reached_level")


def _lists(text: str, quantities: list[Quantity]) -> list[list[int]]:
    """Indexes of the quantities that form lists (two or more numbers with only 、 between)."""
    groups: list[list[int]] = []
    for index in range(1, len(quantities)):
        gap = text[quantities[index - 1].outer_end:quantities[index].outer_start]
        denominator = DENOMINATOR.match(gap)  # 1877元/月、1502元/月
        if LIST_GAP.match(gap[denominator.end() if denominator else 0:].strip()):
            if groups and groups[-1][-1] == index - 1:
                groups[-1].append(index)
            else:
                groups.append([index - 1, index])
    return groups


# The productions that name a figure from its own clause (the others take a subject from the
# figures around it).
OWN_RULES = frozenset({"before_number", "after_number", "of_service", "of_deed", "of_standard", "after_de", "of_purpose", "of_investment",
                       "of_duration", "of_money", "multiple_of", "list_parts", "list_shared", "table_cell",
                       "attribute_of_owner", "category_breakdown", "total_after_flows", "people_befallen", "people_held",
                       "measure_of_counted", "people_counted", "one_character_noun", "status_of_counted", "deed_closing",
                       "range_low"})


@dataclass(frozen=True)
class Named:
    subject: Subject | None
    rule: str


class SubjectMemory:
    """The last subject given to each kind of unit in a paragraph (people, households, money …)."""

    def __init__(self, document: dict[str, Subject] | None = None) -> None:
        self.by_family: dict[str, Subject] = {}
        self.placed: set[str] = set()  # the families whose last figure was a part by place
        # the same over the whole document so far: one dict the paragraphs' memories share
        self.document: dict[str, Subject] = {} if document is None else document

    def remember(self, unit: str, subject: Subject | None, rule: str = "") -> None:
        if subject is not None:
            self.by_family[_family(unit)] = subject
            self.document[_family(unit)] = subject
            (self.placed.add if rule == "place_breakdown" else self.placed.discard)(_family(unit))

    def recall(self, unit: str) -> Subject | None:
        return self.by_family.get(_family(unit))

    def recall_before(self, unit: str) -> Subject | None:
        """The last subject the unit had in the document, in an earlier paragraph too."""
        return self.by_family.get(_family(unit)) or self.document.get(_family(unit))


def _family(unit: str) -> str:
    return unit_family().get(unit, unit)


# What befell the people counted, written right after their count and ending its clause (3.2万人受灾).
BEFELL_AFTER = re.compile(r"\s*([\u4e00-\u9fff]{2})了?\s*$")

# A title the people or things counted were awarded, ending their clause (6人被评为区级优秀社工,
# 8个集体被评为先进集体, 2名同志获“全省优秀社工”表彰): those counted are its holders, whatever noun
# stands before the verb; 获 and 荣获 only before a quoted title.
AWARDED = re.compile(r"\s*(?:[\u4e00-\u9fff]{1,4}?)?(?:被评为|被评选为|获评为?|被授予|被命名为|荣?获(?=[“\"]))[“\"]?"
                     r"([\u4e00-\u9fff]{2,20}?)[”\"]?(?:荣誉)?(?:称号|表彰)?\s*$")


# Places counted (17个县(市)区, 8县市, 168个乡镇), and a disaster befalling them at the end of
# their clause, after any other counts it befell too (10县区、168个乡镇、155万人受灾) and any
# word of degree (全部, 不同程度的). Brackets are half-width here: cleaning folds （）.
STRUCK_PLACE = re.compile(r"县\(市\)区|县市区|县区|区县|县市|市县|乡镇|街道|社区|村|镇|乡|县|区")
STRUCK_AFTER = re.compile(r"(?:、[^,，。;；:：]*?)?(?:全部|均|都|也|先后)?(?:遭受|受)?(?:了)?(?:不同程度)?(?:的|地)?"
                          r"(受灾|遭受(?:了)?(?:不同程度的)?([\u4e00-\u9fff]?灾))(?=\s*(?:[,，。;；]|$))")


def _places_struck(text: str, quantity: Quantity, after_start: int) -> Subject | None:
    """A count of places a disaster struck, named as the disaster statistics name it: 受灾 before
    the places (17个县(市)区全部受灾 → 受灾县(市)区), or the verb and its disaster (8县市遭受不同
    程度的旱灾 → 遭受旱灾县市); the place is the unit when it is one, else the word after a 个."""
    if quantity.unit in ("个", ""):
        place = STRUCK_PLACE.match(text, after_start)
        if place is None:
            return None
        noun, rest = place.group(0), place.end()
    elif STRUCK_PLACE.fullmatch(quantity.unit):
        noun, rest = quantity.unit, after_start
    else:
        return None
    befell = STRUCK_AFTER.match(text, rest)
    if befell is None:
        return None
    verb = "受灾" if befell.group(1) == "受灾" else "遭受" + befell.group(2)
    return Subject(verb + noun)


# The mark between the two ends of a range (3-5项, 2至3个, 10～15人)
RANGE_GAP = re.compile(r"\s*(?:-|－|—|–|~|～|至|到)\s*")
# Productions that name a figure by the words after it.
AFTER_RULES = frozenset({"after_number", "of_service", "of_deed", "status_of_counted", "deed_closing"})


def name_subjects(stream: TokenStream, sentence_start: int, quantities: list[Quantity],
                  memory: SubjectMemory | None = None) -> list[Named]:
    """The subjects of the quantities of one sentence, in order, each with the name of the rule
    that gave it. `memory` carries the subjects of the figures before it in its paragraph (a
    breakdown by place inherits from them)."""
    text = stream.text
    memory = memory if memory is not None else SubjectMemory()
    own: list[Named] = []
    floor = sentence_start

    def floor_of(index: int) -> int:
        return quantities[index - 1].outer_end if index else sentence_start

    for quantity in quantities:
        own.append(name_subject_traced(stream, quantity, floor, sentence_start))
        floor = quantity.outer_end
    for index in range(len(own) - 1):
        # 为符合条件的2355户2514名老人 (or 2355户、2514名): a clause ending in 的 before a pair of
        # figures qualifies the thing named after the pair, which names both
        if own[index].rule == "before_number" and own[index + 1].rule in AFTER_RULES and own[index + 1].subject \
                and not text[quantities[index].outer_end:quantities[index + 1].outer_start].strip(" 、") \
                and (text[floor_of(index):quantities[index].outer_start].rstrip().endswith("的")
                     or (quantities[index].unit == "户" and quantities[index + 1].unit in ("人", "名"))):
            # 指出5991户11043人农村低保对象、202户269人城市低保对象: households then people
            # right after them are one group's two counts, named by the noun after the pair
            own[index] = Named(None, "before_number")
    for index in range(1, len(own)):
        # a verb before a list of parts is done to each (抽查社会组织36家、养老机构18家)
        gap = text[quantities[index - 1].outer_end:quantities[index].outer_start]
        current, previous = own[index].subject, own[index - 1].subject
        if current and previous and gap.startswith("、") and not current.narrowed_by:
            own[index] = Named(narrowed_like(current, previous), own[index].rule)
    own = _without_channels(own)
    named: list[Named] = []
    for index, quantity in enumerate(quantities):
        lead = text[quantities[index - 1].outer_end if index else sentence_start:quantity.outer_start]
        found = _in_context(text, quantities, index, lead, own[index], named, memory)
        if found.subject is not None and found.rule != "table_cell" and (done := DONE_INVESTMENT.search(found.subject.text)):
            found = Named(Subject(found.subject.text[:done.start()] + done.group(1)), found.rule)
        if found.subject is not None and (given := GIVEN_MEASURE.search(found.subject.text)):
            found = Named(Subject(found.subject.text[:given.start()] + given.group(1), found.subject.narrowed_by), found.rule)
        if found.subject is not None and (short := NEWLY_TAKEN_IN.match(found.subject.text)):
            found = Named(Subject(TAKEN_IN + found.subject.text[short.end():], found.subject.narrowed_by), found.rule)
        if found.subject is not None and INDUSTRY_ALONE.fullmatch(found.subject.text) \
                and unit_kinds()[quantity.unit] in ("money", "percent"):
            found = Named(Subject(found.subject.text + VALUE_ADDED, found.subject.narrowed_by), found.rule)
        if found.subject is not None and PER_HEAD_HAVING.match(found.subject.text):
            found = Named(Subject(PER_HEAD_HAVING.sub(r"\1", found.subject.text), found.subject.narrowed_by), found.rule)
        if found.subject is not None and OWNING.match(found.subject.text):
            found = Named(Subject(OWNING.sub("", found.subject.text), found.subject.narrowed_by), found.rule)
        named.append(found)
        if found.subject is not None and found.rule not in ("share_of_task", "sum_of_group"):
            memory.remember(quantity.unit, found.subject, found.rule)
    lists = _lists(text, quantities) if len(quantities) > 1 else []
    for group in lists:
        # 辖4镇1乡: the items of a list after its first one-character noun share that verb
        first = named[group[0]]
        if first.rule == "one_character_noun":
            verb = first.subject.text[:-1]
            for index in group[1:]:
                if (noun := _lone_character(text, quantities[index], quantities[index].outer_end)):
                    named[index] = Named(Subject(verb + noun), "one_character_noun")
    _pair_respectively(stream, sentence_start, quantities, named, lists)
    _pair_changes(text, quantities, named, lists)
    _reached_level(text, quantities, named)
    for group in lists:
        last = own[group[-1]].subject
        if last is None or any(own[i].subject for i in group[:-1]) or named[group[-1]].rule != own[group[-1]].rule:
            continue  # the list's subject stands before it and was inherited along it
        parts = _parts(last)
        for position, index in enumerate(group):
            named[index] = Named(parts[position], "list_parts") if len(parts) == len(group) else Named(last, "list_shared")
    for index in range(len(named) - 2, -1, -1):
        # 3个县级,24个乡镇级和96个村级公益性公墓: a level or a class alone, an item of a list
        # whose last item names the thing, is that thing of its level (县级公益性公墓)
        following = named[index + 1].subject
        gap = LEVEL_GAP.fullmatch(text[quantities[index].outer_end:quantities[index + 1].outer_start])
        if following is None or gap is None or quantities[index].unit != quantities[index + 1].unit:
            continue
        level = LEVEL_UNIT.fullmatch(gap.group(1))
        other = LEVEL_UNIT.match(following.text)
        if other and other.end() not in _word_ends(cut_phrase(following.text)):
            other = None  # 村民小组, 村民委员会: a word of its own that opens with a level, no level
        if level and other and len(following.text) - other.end() > 1:
            # 6个乡镇、88个村(社区)便民服务站: a level of place alone, an item of a list whose
            # last item names the thing at another level, is that thing at its own level
            named[index] = Named(Subject(gap.group(1) + following.text[other.end():]), "modifier_list")
            continue
        if not _bare_modifier(gap.group(1)):
            continue
        thing = _without_modifier(following.text)
        if thing != following.text and len(thing) > 1:
            named[index] = Named(Subject(gap.group(1) + thing), "modifier_list")
    for index in range(len(named) - 2, -1, -1):
        # 打造2-3个示范点, 培育4至6个品牌: the low end of a range is a figure of the thing its high
        # end counts, whatever verb stands before it (§5: two figures of one thing share a subject)
        following = named[index + 1].subject
        if following is not None and RANGE_GAP.fullmatch(text, quantities[index].outer_end, quantities[index + 1].outer_start) \
                and (not quantities[index].unit or quantities[index].unit == quantities[index + 1].unit):
            named[index] = Named(following, "range_low")
    _field_of_line(text, sentence_start, quantities, named)
    _group_of_heading(text, sentence_start, quantities, named)
    _record_categories(text, sentence_start, quantities, named)
    _published_over_list(text, quantities, named)
    _count_before_measure(text, quantities, named)
    _verbs_tell_apart(stream, quantities, named)
    _structure_parts(text, quantities, named)
    _sibling_of_previous(text, quantities, named)
    _rate_of_group(quantities, named)
    _standard_per_head(stream, sentence_start, quantities, named)
    _change_of_masked_level(stream, sentence_start, quantities, named)
    _standard_of_money_heading(stream, sentence_start, quantities, named)
    _periodical_issues(text, quantities, named)
    return named


# A periodical named by its title in book marks, after the verb that made it (编制《…政府公报》)
PERIODICAL_TITLE = re.compile(r"^[\u4e00-\u9fff]{0,3}《([^《》]{2,30})》$")
# what a periodical's copies are counted after: a verb of printing or publishing (共印发1200册)
COPIES_LEAD = re.compile(rf"\s*[,，]\s*(?:共|累计)?({'|'.join(PUBLISHED)})\s*")


def _periodical_issues(text: str, quantities: list[Quantity], named: list[Named]) -> None:
    """编发《某市人民政府公报》6期,共印发1200册: the issues of a periodical (期) are things made, not
    events, so the verb that made them goes like any verb of doing and the title is named without
    its book marks and its place (人民政府公报: fixtures README, session 21, quoted names and places);
    its copies counted after a verb of publishing keep the verb (印发人民政府公报, session 31)."""
    for index, quantity in enumerate(quantities):
        title = PERIODICAL_TITLE.match(named[index].subject.text) if named[index].subject else None
        if quantity.unit != PERIODICAL_ISSUES or title is None \
                or not title.group(1).endswith(tuple(_context_words()["periodicals"])):
            continue
        words = list(cut_phrase(title.group(1)))
        name = "".join(words[_leading_place(words):])
        named[index] = Named(Subject(name), "periodical_issues")
        if index + 1 < len(quantities) and named[index + 1].rule == "inherited" \
                and (lead := COPIES_LEAD.fullmatch(text, quantity.outer_end, quantities[index + 1].outer_start)):
            named[index + 1] = Named(Subject(lead.group(1) + name), "periodical_issues")


PERIODICAL_ISSUES = "期"


# A clause of only a payment's name, ending a line item's heading or opening the items paid at a rate
# (一是高龄津贴。城市高龄津贴,每人每月150元; 二是孤儿基本生活费。散居每人每月1200元): what the rates after it are of
MONEY_HEADING = re.compile(r"(?:^|[,，。;；:：\n])\s*(?:[一二三四五六七八九十]是)?\s*([\u4e00-\u9fff]{2,16}?(?:金|费|补贴|津贴))"
                           r"\s*[,，。:：]\s*$")
# a rate per head and period right before the number, with what stands before it in its clause
HEAD_RATE_CLAUSE = re.compile(r"^\s*([\u4e00-\u9fff]{0,8}?)\s*每人每?(?:月|年)\s*$")
MONEY_HEADING_REACH = 40  # a heading's clause stands right before the rates' list, within a line


def _standard_of_money_heading(stream: TokenStream, sentence_start: int, quantities: list[Quantity],
                               named: list[Named]) -> None:
    """城市高龄津贴,每人每月150元; 残疾人护理补贴,一级每人每月200元,二级每人每月100元: a rate per
    head whose clause names nothing but the rate, or a grade of those paid (一级, 散居), after a
    clause that only names a payment (or the sentence before that only does: 二是孤儿基本生活费。) is the
    standard of that payment, for that grade (城市高龄津贴标准, 残疾人护理补贴一级标准); the items of its
    list after it too. A rate paid at a standard is its standard (§5, session 36: a per-head measure takes
    the nearest words naming its group)."""
    text = stream.text
    heading: str | None = None
    for index, quantity in enumerate(quantities):
        floor = quantities[index - 1].outer_end if index else sentence_start
        clause = clause_before(text, quantity.outer_start, floor)
        rate = HEAD_RATE_CLAUSE.match(text[clause:quantity.outer_start])
        if rate is None or unit_kinds()[quantity.unit] != "money" \
                or named[index].rule not in ("before_number", "inherited"):
            heading = None
            continue
        before = text[max(0, clause - MONEY_HEADING_REACH, floor if index else 0):clause]
        found = MONEY_HEADING.search(before)
        if found is not None:
            name = subject_before_number(stream, clause - len(before) + found.start(1), clause - len(before) + found.end(1), "things")
            heading = name.text if name is not None and name.text.endswith(found.group(1)[-1]) else None
        elif not (index and text[floor:clause].strip() in (",", "，", ";", "；")):
            heading = None  # the list of rates a heading opened goes on only right after its last item
        if heading is not None and "标准" not in heading:
            named[index] = Named(Subject(heading + rate.group(1) + "标准"), "standard_of_heading")


# A level whose number the publisher masked (规上工业产值XX亿元, 收入达XX元): the redaction marks
# where its figure stood, with the unit after them, ending its clause
MASKED_LEVEL = re.compile(rf"[{REDACTION_CHARS}]{{2,4}}\s*[万亿]?\s*[元人户个家项亩吨斤]\s*[,，;；]\s*$")


def _change_of_masked_level(stream: TokenStream, sentence_start: int, quantities: list[Quantity],
                            named: list[Named]) -> None:
    """全年完成规上工业产值XX亿元,增长12.5%: a change whose clause names nothing, right after a level whose
    number was masked (no figure to inherit from), is the change of what that level's clause
    names, as it is after a level written out (the rule for changes, fixtures README)."""
    text = stream.text
    for index, quantity in enumerate(quantities):
        if named[index].subject is not None:
            continue
        floor = quantities[index - 1].outer_end if index else sentence_start
        clause = clause_before(text, quantity.outer_start, floor)
        if not _compiled(rf"(?:同比|环比)?(?:{_context_words()['change_verb_before']})").fullmatch(
                text[clause:quantity.outer_start].strip()):
            continue  # the clause holds the verb of change alone (增长, 同比下降)
        masked = MASKED_LEVEL.search(text, floor, clause)
        if masked is None or masked.end() != clause:
            continue
        level = subject_before_number(stream, clause_before(text, masked.start(), floor), masked.start(), "things")
        if level is not None:
            named[index] = Named(level, "change_of_level")


# a rate per head between a group and its figure (半失能人员每人每月160元, 90-99周岁200元/人/月)
HEAD_RATE_BETWEEN = re.compile(r"(?:每人每[月年]|每月|每年|月人均|年人均|人均)")
PER_HEAD_UNIT = re.compile(r"/\s*人")
# a group a standard is paid to: people, households, an age band or a sister category
PAID_GROUP = re.compile(r"(?:人|员|者|户|儿童|孤儿|老人|家庭|对象|群众|周岁|岁|以上|以下|城镇|城市|农村|乡村)$")
# a verb of paying between the group and its figure: the figure is what they are paid
PAID_BETWEEN = re.compile(r"补助|补贴|发放|增发|补发|发给|给予|救助|资助|慰问|奖励")
# what stands before a standard's programme and names whom it is for (城乡居民, 城乡, …的)
STANDARD_GROUP = re.compile(r"^(?:.*的)?(?:城乡居民|城乡|城镇居民|农村居民|城市|城镇|农村)?")


def _in_own_clause(group: Subject, text: str, quantity: Quantity, sentence_start: int) -> bool:
    """Whether a name cut out of its text (a bracket dropped) stands in the figure's own clause."""
    clause = text[clause_before(text, quantity.outer_start, sentence_start):quantity.outer_start]
    return bool(group.text) and group.text[:2] in clause and group.text[-2:] in clause


def _standard_per_head(stream: TokenStream, sentence_start: int, quantities: list[Quantity],
                       named: list[Named]) -> None:
    """养老服务补贴标准为:轻度失能老人每人每月60元,…; 高龄津贴标准分两档:70-79周岁50元/人/月、…: a
    rate per head named only by the group it is paid to is that group's level of the standard its
    sentence named before (轻度失能老人养老服务补贴标准, 70-79周岁高龄津贴标准), the standard's own
    group left out (城乡临时救助标准,城市每人每月… → 城市临时救助标准): a group before a standard
    is kept (round 27's call settled in session 36) and a per-head measure takes its group (session
    36)."""
    text = stream.text
    for index, (quantity, found) in enumerate(zip(quantities, named)):
        group = found.subject
        if group is None or unit_kinds()[quantity.unit] != "money" or not PAID_GROUP.search(group.text) \
                or "标准" in group.text:
            continue
        if group.spans and sentence_start <= group.spans[0][0] and group.spans[-1][1] <= quantity.outer_start:
            where, end = group.spans[0][0], group.spans[-1][1]  # as written
        else:
            where = text.rfind(group.text, sentence_start, quantity.outer_start)
            end = where + len(group.text)
            if where < 0 and _in_own_clause(group, text, quantity, sentence_start):
                where = end = clause_before(text, quantity.outer_start, sentence_start)  # (含16周岁) inside the name
        if where < 0 or not (HEAD_RATE_BETWEEN.search(text, end, quantity.outer_start)
                             or PER_HEAD_UNIT.match(text, quantity.end)) \
                or PAID_BETWEEN.search(text, end, quantity.outer_start):
            continue  # 每人每月分别补助75元: what is paid them, named by the group (a per-head quantity)
        named_at = text.rfind("标准", sentence_start, where)
        if text.startswith("化", named_at + 2):
            continue  # 规范化标准化建设: no standard named
        if named_at < 0 or any(quantities[i].outer_start > named_at and not named[i].subject.text.endswith("标准")
                               for i in range(index) if named[i].subject is not None):
            continue  # a figure of another thing between the standard and the group
        standard = subject_before_number(stream, clause_before(text, named_at + 2, sentence_start), named_at + 2, "things")
        if standard is None or not standard.text.endswith("标准"):
            continue
        measure = standard.text[STANDARD_GROUP.match(standard.text).end():]
        last = cut_phrase(group.text)[-1]
        if len(measure) > 2 and not group.text.endswith(measure) and not measure.startswith(last):
            named[index] = Named(Subject(group.text + measure), "standard_per_head")


# A rate named by its deed alone (集中供养率, 参保率): the deed is what stands before 率; a group's
# own rate is that of a deed of relief done to it or of its joining an insurance
INSURING = ("参保",)
BARE_RATE = re.compile(r"([\u4e00-\u9fff]{2,4})率")


def _rate_of_group(quantities: list[Quantity], named: list[Named]) -> None:
    """孤儿80名纳入集中供养,集中供养率20%; 特困对象900人,集中供养的160人,…,集中供养率18%: a
    bare rate of relief after a group's count, past the counts of its parts, is the group's own rate, completed
    with the group as named (孤儿集中供养率: fixtures README, session 38); a group named with the
    rate's deed gives what stands before the deed (基本医疗保险参保对象 → 基本医疗保险参保率)."""
    for index, quantity in enumerate(quantities):
        rate = named[index].subject and BARE_RATE.fullmatch(named[index].subject.text)
        if not rate or unit_kinds()[quantity.unit] != "percent" \
                or not rate.group(1).endswith((*_context_words()["relief_verbs"], *INSURING)):
            continue  # 城镇化率, 出生率: a statistic's rate, no group's
        for before in range(index - 1, -1, -1):
            group = named[before].subject
            if quantities[before].unit not in PERSON_UNITS or group is None:
                break
            name = _without_count_measure(group.text)
            deed = name.find(rate.group(1))
            if deed == 0 and name != group.text:
                break  # 参保人数39万人,参保率93%: the rate's own numerator, no group's count
            if deed > 1:
                name = name[:deed]
            elif not name.endswith(GROUP_ENDINGS) or PARTS.search(name):
                continue  # a part (集中供养221人) or another group's count
            named[index] = Named(Subject(name + rate.group(0)), "rate_of_group")
            break


def _verbs_tell_apart(stream: TokenStream, quantities: list[Quantity], named: list[Named]) -> None:
    """新建公办幼儿园4所,改扩建公办幼儿园9所: figures of one sentence with one name and unit that only the verbs
    before their names tell apart keep their verbs (fixtures README, session 32)."""
    # (a verb is read only for a name another figure of the sentence shares: no other needs one)
    names = [n.subject.text for n in named if n.subject is not None]
    verbs = [n.subject.narrowed_by if n.rule == "deed_on_previous" else
             _verb_at(stream, q) if n.rule == "inherited" and n.subject is not None and names.count(n.subject.text) > 1
             and unit_kinds()[q.unit] == "count" and q.unit not in event_units() and not q.unit.endswith("次") else
             _verb_before(stream, n.subject) if n.subject is not None and names.count(n.subject.text) > 1
             and unit_kinds()[q.unit] != "money" else ""
             for q, n in zip(quantities, named)]  # sums keep no verb (投入资金 → 资金: session 32)
    for index in range(1, len(named)):
        if verbs[index] or named[index].subject is None or names.count(named[index].subject.text) < 2 \
                or unit_kinds()[quantities[index].unit] == "money":
            continue
        # 新建敬老院3处、农村幸福院20处: an item of a list is done by the verb that opened the list
        item = index
        while item and named[item - 1].subject is not None \
                and stream.text[quantities[item - 1].outer_end:quantities[item].outer_start].lstrip().startswith("、"):
            item -= 1
            verbs[index] = verbs[item] or _verb_before(stream, named[item].subject)
            if verbs[index]:
                break
    before = list(named)
    for index, one in enumerate(before):
        if not verbs[index]:
            continue
        subject = one.subject
        if one.rule == "deed_on_previous" or any(
                verbs[i] and verbs[i] != verbs[index] and n.subject.text == subject.text
                and _same_count(quantities[i].unit, quantities[index].unit) for i, n in enumerate(before) if i != index):
            named[index] = Named(Subject(verbs[index] + subject.text, None, subject.spans), one.rule)


def _verb_at(stream: TokenStream, quantity: Quantity) -> str:
    """新建X146个,确保建成100个: a thing counted that takes its name from the figure before it is
    done by the verb of doing right before its own number (not an event counted: 检查X…家次,处理…家次)."""
    before = stream.words(max(0, quantity.outer_start - 6), quantity.outer_start)
    return before[-1] if before and _of_doing(before[-1]) and stream.text.endswith(before[-1], 0, quantity.outer_start) else ""


def _verb_before(stream: TokenStream, subject: Subject | None) -> str:
    """The verb of doing a subject's name was cut from: the one it dropped, or the word right
    before its name in the text."""
    if subject is None:
        return ""
    if subject.narrowed_by:
        return subject.narrowed_by if _of_doing(subject.narrowed_by) else ""
    if len(subject.spans) != 1:
        return ""
    start = subject.spans[0][0]
    before = stream.words(max(0, start - 6), start)
    return before[-1] if before and _of_doing(before[-1]) and stream.text.endswith(before[-1], 0, start) else ""


# verbs of having, summing, being and reaching say what there is, not what was done (共有隐患…)
NOT_DOING = frozenset({"有", "共有", "拥有", "现有", "实有", "尚有", "还有", "另有"}) | SUMMING | COPULAS | REACHING


def _of_doing(word: str) -> bool:
    return (_known_verb(word) or word in CREATING) and word not in NOT_DOING


def _count_before_measure(text: str, quantities: list[Quantity], named: list[Named]) -> None:
    """3条干渠总长14.2公里: a count whose name after it runs right up to the next figure, which that
    same name measures in another family of units, counts the thing without the measure (干渠; the
    length stays 干渠总长)."""
    for index in range(len(quantities) - 1):
        count, measure = named[index], named[index + 1]
        if count.rule != "after_number" or count.subject is None or measure.subject is None \
                or measure.subject.text != count.subject.text \
                or _family(quantities[index].unit) == _family(quantities[index + 1].unit) \
                or text[quantities[index].outer_end:quantities[index + 1].outer_start].strip() != count.subject.text:
            continue
        words = list(cut_phrase(count.subject.text))
        if words[-1].endswith(head_words()):
            continue  # 486家…经营单位575人: the people the counted bodies have, named by them
        words.pop()
        if words and words[-1] == "总":
            words.pop()  # 泵站|总|装机容量
        thing = "".join(words)
        if len(thing) > 1 and thing not in generic_subjects():
            named[index] = Named(Subject(thing), "count_before_measure")


SIBLING_LONGEST = 6  # the longest bare modifier a list item names itself by


def _siblings(modifier: str, bare: str) -> bool:
    """合格/不合格, 失能/半失能, 学前一年/学前二年: two modifiers of one kind, one the other with a
    character before it, or as long with the same first and last characters; or one thing of two
    categories (城市低保/农村低保: subject_categories.txt)."""
    return bare != modifier and (bare.endswith(modifier) or (
        len(bare) == len(modifier) > 2 and bare[0] == modifier[0] and bare[-1] == modifier[-1])
        or _category_swapped(modifier, bare) or _same_kind_word(modifier, bare))


SHARED_KIND_LEAST = 2  # what each of two kinds of one thing puts before the word they share


def _same_kind_word(modifier: str, bare: str) -> bool:
    """企业养老保险/医疗保险, 城镇职工医保/城乡居民医保: two kinds of one thing, each its own words before
    the word that names the thing (保险), as the items of a list of insurances' rates are written
    (企业养老保险参保率达到95%,医疗保险达到97% → 医疗保险参保率)."""
    shared = 0
    while shared < min(len(modifier), len(bare)) and modifier[-1 - shared] == bare[-1 - shared]:
        shared += 1
    word = modifier[len(modifier) - shared:]
    return shared >= 2 and word_tag(word) in NOUN_TAGS \
        and len(modifier) - shared >= SHARED_KIND_LEAST and len(bare) - shared >= SHARED_KIND_LEAST


def _category_swapped(modifier: str, bare: str) -> bool:
    one = first_opening(modifier, _categories()) or ""
    other = first_opening(bare, _categories()) or ""
    return bool(one and other) and one != other and len(modifier) - len(one) > 1 \
        and modifier[len(one):] == bare[len(other):]


def _sibling_of_previous(text: str, quantities: list[Quantity], named: list[Named]) -> None:
    """评出优良台账12本、合格台账40本、不合格6本; 学前一年…达到98.6%、学前二年达到90.4%: a list item
    named by a bare modifier of the same kind as the one that opens the item before it, in the
    same unit, is the same thing of its own kind (不合格台账, 学前二年毛入园率), as a list shares
    its head noun (README: lists)."""
    for index in range(1, len(quantities)):
        own, before = named[index].subject, named[index - 1].subject
        if named[index].rule != "before_number" or own is None or before is None \
                or quantities[index].unit != quantities[index - 1].unit or len(own.text.replace("、", "")) > SIBLING_LONGEST \
                or own.text.endswith(head_words()) or not HAN.match(own.text):
            continue
        gap = text[quantities[index - 1].outer_end:quantities[index].outer_start]
        if gap[:1] not in ("、", ",", "，") or own.text not in gap or CLAUSE_BREAK.search(gap[1:]):
            continue
        whole = before.text
        cut = next((k for k in range(2, len(whole) - 1) if _siblings(whole[:k], own.text)), None)
        if cut is not None:
            named[index] = Named(Subject(own.text + whole[cut:]), "sibling_of_previous")
            # 农村低保由52元提高到62元: the figures that inherited the item's bare name take it whole
            for after in range(index + 1, len(quantities)):
                if named[after].rule != "inherited" or named[after].subject != own:
                    break
                named[after] = Named(named[index].subject, "sibling_of_previous")


RATIO_COLON = re.compile(r" ?[:：] ?")


def _structure_parts(text: str, quantities: list[Quantity], named: list[Named]) -> None:
    """三次产业结构调整为9.8:41.3:48.9: the parts of a structure of the industries are each its part's
    share (fixtures README, session 33), named by the part: 第一产业比重 …; whatever the ratio's word
    (占比, 结构, 比例: end-of-session-34 ruling) the part is 比重, and what the share is of stays
    (三次产业增加值结构 → 第一产业增加值比重)."""
    words = _context_words()
    index = 0
    while index < len(quantities):
        end = index + 1
        while end < len(quantities) and quantities[end].unit == NO_UNIT and quantities[end - 1].unit == NO_UNIT \
                and RATIO_COLON.fullmatch(text[quantities[end - 1].outer_end:quantities[end].outer_start]):
            end += 1
        subject = named[index].subject
        if end - index > 2 and subject is not None:
            key = next((key for key in words["structure_parts"] if key in subject.text), None)
            parts = words["structure_parts"].get(key, [])
            if len(parts) == end - index:
                rest = subject.text[subject.text.find(key) + len(key):].removeprefix("的")
                # the name ends at its first word of share or structure (结构调整为: the verb goes)
                found = min(((rest.find(w), w) for w in (*words["share_words"], *words["structure_words"]) if w in rest),
                            default=(len(rest), ""))
                rest = rest[:found[0]] + "比重"
                for part, at in zip(parts, range(index, end)):
                    named[at] = Named(Subject(part + rest), "structure_parts")
        index = end


RECORD_UNITS = frozenset({"条", "篇"})
RECORD_CATEGORY = re.compile(r"[\u4e00-\u9fff]{2,12}")


def _record_categories(text: str, sentence_start: int, quantities: list[Quantity], named: list[Named]) -> None:
    """其中通知公告42条,人事信息9条,财政资金65条: the categories records a total breaks down into
    after 其中 are named as the list writes them, each a name of its own (采购公告, 监督检查报告,
    新闻类), no verb done to the records and no part of the total's name."""
    among = text.find("其中", sentence_start, quantities[0].outer_start if quantities else sentence_start)
    if among < 0 and len(quantities) > 1:
        among = text.find("其中", quantities[0].outer_end, quantities[-1].outer_start)
    if among < 0:
        return
    floor = among + 2
    for index, quantity in enumerate(quantities):
        if quantity.outer_start < floor or quantity.unit not in RECORD_UNITS or named[index].subject is None:
            floor = max(floor, quantity.outer_end)
            continue
        lead = text[floor:quantity.outer_start].lstrip(" ,，、:：")
        lead = next((lead[len(means):] for means in MEANS if lead.startswith(means)), lead)  # 通过|网站公开
        following = text[quantity.outer_end:quantities[index + 1].outer_start] if index + 1 < len(quantities) else ""
        if following and not any(verb in following for verb in (*PUBLISHED, *MEANS)):
            # 其中网站发布动态类80条,政策类12条: one channel's verb over the categories after
            # it goes as a verb of publishing does (session 38), the channel as from any subject;
            # where the next part has a channel or verb of its own, the channels tell parts apart
            lead = _channel_lead().sub("", lead)
        if RECORD_CATEGORY.fullmatch(lead) and lead != named[index].subject.text \
                and named[index].rule != "channel_breakdown":  # 中央级媒体13篇: that channel's records
            named[index] = Named(Subject(lead), "record_category")
        floor = quantity.outer_end


# Records counted by the piece as well as by the item (印发规范性文件5件,部门文件22件)
PUBLISHED_RECORD_UNITS = RECORD_UNITS | {"件"}
# A verb of publishing opening a subject, after its manner (主动发布政策解读 → 发布)
PUBLISHING_OPENING = re.compile(rf"(?:{'|'.join(PUBLISHING_MANNERS)})?({'|'.join(PUBLISHING)})")
LIST_ITEM_GAP = re.compile(r"\s*[、,，]")


ITEM_EXAMPLES = re.compile(r"[\u4e00-\u9fff、]{2,12}?等(?=[\u4e00-\u9fff]{2})")


def _published_over_list(text: str, quantities: list[Quantity], named: list[Named]) -> None:
    """主动公开政策文件29条、补贴信息220条: a verb of publishing before a list of
    records reaches over the list written right after it, as a shared unit does, every item keeping
    it (主动公开补贴信息: fixtures README, session 38); not over parts after 其中 under its total
    (session 30), nor over an item with a verb or a channel of its own (回复留言, 官方微博更新)."""
    for index in range(1, len(quantities)):
        previous, current = named[index - 1].subject, named[index].subject
        if previous is None or current is None or current.text.startswith(PUBLISHED) \
                or not {quantities[index - 1].unit, quantities[index].unit} <= PUBLISHED_RECORD_UNITS:
            continue
        verb = PUBLISHING_OPENING.match(previous.text)
        lead = text[quantities[index - 1].outer_end:quantities[index].outer_start]
        item = LIST_ITEM_GAP.sub("", lead, count=1).strip()
        # 图表、音视频等政策解读稿件: examples before 等 name no other record than the item after them
        item = item[examples.end():] if (examples := ITEM_EXAMPLES.match(item)) else item
        first = cut_phrase(current.text)[0]
        if verb and LIST_ITEM_GAP.match(lead) and "其中" not in lead and item.startswith(current.text) \
                and not any(published in item[len(current.text):] for published in PUBLISHED) \
                and not _channel_lead().match(current.text) \
                and word_tag(first) not in ("v", "d") and not _known_verb(first) \
                and not any(channel in current.text for channel in _context_words()["channels"]):
            # the manner goes with 公开 alone, which it tells from 依申请公开 (session 31)
            carried = verb.group(0) if verb.group(1) == "公开" else verb.group(1)
            named[index] = Named(Subject(carried + current.text, current.narrowed_by), "published_list")


# What may stand between a thing and a share of its whole (志愿服务组织|总数|的|20%)
WHOLE_LINKS = frozenset({"总数", "总额", "的"})


LEVEL_GAP = re.compile(r"\s*(\S+?)\s*[,，、和及与]\s*")  # between two items of a list of levels
# A level of place written alone as a list's item (镇, 乡镇, 村(社区), 镇(街道)): where the thing is
LEVEL_UNIT = re.compile(r"(?:乡镇|街道|社区|镇|乡|村|县|区)(?:[(（](?:乡镇|街道|社区|镇|乡|村|居)[)）])?")


# An outline item whose line opens with a field's name and a colon: (一)道路交通:事故9起…
FIELD_LINE = re.compile(r"[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]?\s*(?P<field>[\u4e00-\u9fff]{2,10})\s*[:：]")


def _field_of_line(text: str, sentence_start: int, quantities: list[Quantity], named: list[Named]) -> None:
    """(一)道路交通:事故9起、死亡6人…: an outline item opening with the name of a field and a colon
    breaks a tally down by field, and the tally's measures that name no field (事故, 死亡人数,
    直接经济损失: `field_measures`) are that field's (道路交通事故, 道路交通死亡人数). A heading naming
    how a topic went ((一)安全生产事故情况:, 火灾基本情况:) is the section's topic, no field: the tally
    under it is the topic's whole, its measures bare."""
    line_start = text.rfind("\n", 0, sentence_start) + 1
    field = FIELD_LINE.match(text, line_start)
    if field is None or field.end() > quantities[0].outer_start or field.group("field").endswith("情况"):
        return
    measures = _context_words()["field_measures"]
    for index, (quantity, found) in enumerate(zip(quantities, named)):
        subject = found.subject
        if quantity.outer_start >= field.end() and subject is not None and subject.text in measures:
            named[index] = Named(Subject(field.group("field") + subject.text), "field_of_line")


# A heading line that names a group of residents and at most their income, spending or living
# ((二)城镇居民收支, 农村居民生活情况), nothing else on it: not a programme named for them
# (城镇居民最低生活保障, whose measures per head are the programme's)
HEADING_GROUP = re.compile(r"[(（]?[一二三四五六七八九十\d]{0,3}[)）、.．]?\s*"
                           r"(?P<group>(?:城镇|农村|城市|乡村)(?:常住)?居民)(?:收入|支出|收支|消费|生活)*(?:情况)?")
PER_HEAD_MEASURE = re.compile(r"(?:月|年)?人均[\u4e00-\u9fff]{2}")


def _group_of_heading(text: str, sentence_start: int, quantities: list[Quantity], named: list[Named]) -> None:
    """(二)城镇居民收支 / 全年人均消费支出21000元: a measure per head that names no group, in the
    paragraph under a heading naming a group of residents, is that group's (城镇居民人均消费支出;
    round 27's call)."""
    line_start = text.rfind("\n", 0, sentence_start) + 1
    heading = HEADING_GROUP.fullmatch(text, text.rfind("\n", 0, max(0, line_start - 1)) + 1, max(0, line_start - 1)) \
        if line_start else None
    if heading is None:
        return
    for index, found in enumerate(named):
        if found.subject is not None and PER_HEAD_MEASURE.match(found.subject.text):
            named[index] = Named(Subject(heading.group("group") + found.subject.text), "group_of_heading")


# a figure each of a list's names shares, right before the clause of 分别 (标准均提高500元,分别达到…)
SHARED_BY_EACH = re.compile(r"(?:均|都|各)[\u4e00-\u9fff]{1,3}?$")


def _shared_before(text: str, quantities: list[Quantity], named: list[Named], first: int,
                   clause_start: int, where: int) -> Subject | None:
    """城乡临时救助标准均上调300元,分别达到3300元、2600元: a clause of only 分别 after a figure that
    each of the names before it shares (均, 都, 各) pairs with those names, as the clause of the
    names itself would (the shared figure keeps the whole list)."""
    if not first or text[clause_start:where].strip() or text[quantities[first - 1].outer_end:clause_start].strip(" ,，") \
            or named[first - 1].subject is None:
        return None
    names = named[first - 1].subject.text
    lead_end = text.rfind(names, 0, quantities[first - 1].outer_start)
    lead = text[lead_end + len(names):quantities[first - 1].outer_start] if lead_end >= 0 else ""
    return named[first - 1].subject if lead and SHARED_BY_EACH.fullmatch(lead.strip()) else None


def _pair_respectively(stream: TokenStream, sentence_start: int, quantities: list[Quantity],
                       named: list[Named], lists: list[list[int]]) -> None:
    """城市低保标准和补差分别提高70%和68.4%, a类、b类、c类每人每月分别补助75元、60元、55元: a
    list after 分别 pairs, in order, with the parts of the phrase before 分别 in its clause."""
    text = stream.text
    for group in lists:
        first = quantities[group[0]]
        floor = quantities[group[0] - 1].outer_end if group[0] else sentence_start
        clause_start = clause_before(text, first.outer_start, floor)
        where = text.rfind("分别", clause_start, first.outer_start)
        if where < 0:
            _pair_categories(quantities, named, group)
            _pair_listed(quantities, named, group)
            continue
        shared = _shared_before(text, quantities, named, group[0], clause_start, where)
        if not text[clause_start:where].strip() and clause_start - 1 > floor and text[clause_start - 1] in ",，":
            # 困难残疾人生活补贴、重度残疾人护理补贴标准,分别从…: the list stands in the clause before
            where = clause_start - 1
            clause_start = clause_before(text, where, floor)
        # the phrase before 分别 lists what the figures are, so it may be as long as a subject each
        phrase = shared or subject_before_number(stream, clause_start, where, "things", longest=LONGEST_SUBJECT * len(group))
        if phrase and (industries := INDUSTRIES_LISTED.match(phrase.text)):
            phrase = Subject(THREE_INDUSTRIES + phrase.text[industries.end():])  # 第一、二、三次产业 are 三次产业
        if phrase and (pair := _pair_written_apart(phrase.text)):
            phrase = Subject(pair + phrase.text[len(pair) + 1:])  # 城、乡居民 is the pair 城乡
        listed = _shared_modifier(_parts(phrase)) if phrase else []
        parts = _ages_listed(_bare_ages_before(text, clause_start, phrase) + listed) or _shared_head(listed)
        if any(len(part.text) > LONGEST_SUBJECT for part in parts):
            continue
        parts = _modifiers_of_one_head(parts) or (parts == listed and _measure_after_modifier(parts)) or parts
        thing = _thing_before_places(parts)
        if thing is not None:
            parts = [thing] * len(group)
        # any measure of a pair before 分别 is each category's in turn, a rate included (城乡社区养老
        # 服务设施覆盖率分别为…: session-37 ruling), a change (城乡低保标准分别提高5%和12%) and any
        # figure of the three industries (三次产业对全县经济增长的拉动分别为…)
        parts = _paired_category(parts, len(group)) or parts
        if len(parts) == len(group):
            for part, index in zip(parts, group):
                named[index] = Named(part, "respectively")
    _continue_respectively(text, quantities, named, lists)


# the three industries written out as a list of their numbers (第一、二、三次产业, 一、二、三产业): the
# 三次产业 that stand for each in turn before 分别
INDUSTRIES_LISTED = re.compile(r"第?一[、，,]二[、，,]三次?产业")
THREE_INDUSTRIES = "三次产业"


AGE_PART = re.compile(r"\d{1,3}(?:\s*(?:到|至|-|—|~|～)\s*\d{1,3})?周?岁(?:及?以上|及?以下)?")
BARE_AGE = re.compile(r"\d{1,3}")
BARE_AGES_BEFORE = re.compile(r"(?:\d{1,3}[、和])+$")


def _bare_ages_before(text: str, clause_start: int, phrase: Subject | None) -> list[Subject]:
    """100、90、80岁以上…: the bare numbers listed right before a phrase opening with an age, which
    the phrase left out as figures."""
    if phrase is None or not phrase.spans or not AGE_PART.match(phrase.text):
        return []
    before = BARE_AGES_BEFORE.search(text, clause_start, phrase.spans[0][0])
    return [Subject(number) for number in re.findall(r"\d{1,3}", before.group())] if before else []


def _ages_listed(parts: list[Subject]) -> list[Subject] | None:
    """0-14岁、15-59岁、60岁及以上常住人口分别为…; 100、90周岁以上高龄津贴分别提高到…: ages listed
    before the group the last one opens name that group at each age (an age is part of a group's
    name, README); a bare number takes the last age's 岁 and bound with it."""
    if len(parts) < 2:
        return None
    last = parts[-1].text
    age = AGE_PART.match(last)
    group = last[age.end():] if age else ""
    if not HAN.match(group):
        return None
    number = BARE_AGE.match(last).end()
    named = []
    for part in parts[:-1]:
        if AGE_PART.fullmatch(part.text):
            named.append(Subject(part.text + group))
        elif BARE_AGE.fullmatch(part.text):
            named.append(Subject(part.text + last[number:]))
        else:
            return None
    return [*named, parts[-1]]


def _thing_before_places(parts: list[Subject]) -> Subject | None:
    """农村低保标准两区和各乡镇分别提高到520元、480元: a list of places after the thing is where each
    figure is, and the thing before the first place names them all (农村低保标准)."""
    if len(parts) < 2 or not all(_a_place(part.text) for part in parts[1:]):
        return None
    first = parts[0].text
    cut = next((i for i in range(len(first) - 2, 1, -1) if _a_place(first[i:])), None)  # the shortest place
    return Subject(first[:cut]) if cut is not None else None


def _a_place(phrase: str) -> bool:
    return is_place(phrase) or bool(EACH_PLACE.fullmatch(phrase))


def _pair_categories(quantities: list[Quantity], named: list[Named], group: list[int]) -> None:
    """城乡低保标准由每人每月475元、220元提高到…: a list of as many sums or counts of one unit
    as the categories a pairing word (城乡) stands for, named by that word's phrase, is of each
    category in turn even without 分别 (one thing is not given two levels at once)."""
    subject = named[group[0]].subject
    units = {quantities[i].unit for i in group}
    if subject is None or len(units) != 1 or unit_kinds()[quantities[group[0]].unit] == "percent" \
            or any(named[i].subject != subject for i in group):
        return
    parts = _paired_category([subject], len(group))
    if parts:
        for part, index in zip(parts, group):
            named[index] = Named(part, "respectively")


def _pair_listed(quantities: list[Quantity], named: list[Named], group: list[int]) -> None:
    """特困人员、孤儿、残疾人为120人、35人和260人: a list of names before as many figures is
    respective, in order, without 分别 too (session-35 ruling), as after 分别, whatever their units
    (户数、人数、资金为1.2万户、3.4万人和56.7亿元: the ruling's A、B、C为X、Y和Z)."""
    subject = named[group[0]].subject
    if subject is None or any(named[i].subject != subject for i in group):
        return
    listed = _parts(subject)
    parts = _shared_head(_shared_owner(listed))
    # 城市和农村居民人均可支配收入: a bare modifier before a long last part is no name of its own
    whole = parts != listed or len(parts[-1].text) <= 2 * max(len(part.text) for part in parts[:-1] or parts)
    if len(parts) == len(group) and whole and all(len(part.text) >= 2 for part in parts) \
            and _thing_before_places(parts) is None:  # 城市低保标准三区和各县市: places, one thing
        for part, index in zip(parts, group):
            named[index] = Named(part, "respectively")


# The verbs and nouns of a change: a list of percentages after them is of changes, not shares.
CHANGE_VERB = re.compile(r"增长|增加|提高|提升|上升|上涨|下降|减少|降低|增幅|减幅|降幅|增速|涨幅")
# 分别从460元、300元提高到620元、496元, 分别提高了20元和12元,达到了223元和93元: what may stand
# between a list paired after 分别 and a list of as many figures that goes on the same sentence
# (a verb of reaching and its cue words, no new thing named)
# (…分别增加50元和30元,增幅达15.63%和18.75%: the rate of a change named by its noun pairs the same way)
RESPECTIVE_SEQUEL = re.compile(r"(?:/[月年日人])?[,，、]?\s*(?:年均|同比|比上年|较上年)?(?:增幅|涨幅|降幅|增速)?(?:分别)?"
                               r"(?:提高|增加|增长|上升|下降|减少|降低|调整|达到|达|到|至|为)"
                               r"(?:到|至|为)?了?\s*(?:每人每[月年]|人均每?[月年]?)?\s*$")


def _continue_respectively(text: str, quantities: list[Quantity], named: list[Named],
                           lists: list[list[int]]) -> None:
    """A list of as many figures right after a list paired after 分别, joined to it only by a
    verb of reaching (从460元、300元提高到620元、496元), pairs with the same parts in order."""
    for before, group in zip(lists, lists[1:]):
        if len(before) != len(group) or any(named[i].rule != "respectively" for i in before) \
                or any(named[i].rule == "respectively" for i in group):
            continue
        gap = text[quantities[before[-1]].outer_end:quantities[group[0]].outer_start]
        if RESPECTIVE_SEQUEL.fullmatch(gap):
            for source, index in zip(before, group):
                named[index] = Named(named[source].subject, "respectively")


def _pair_written_apart(text: str) -> str | None:
    """城、乡居民人均可支配收入: the word pairing two categories (城乡) written with a mark between
    its characters; the pair it is, or None."""
    table = _context_words()
    return next((pair for pair in (*table["paired_categories"], *table["paired_statistics"])
                 if len(pair) == 2 and text.startswith(pair[0] + "、" + pair[1])), None)


def _paired_category(parts: list[Subject], count: int) -> list[Subject] | None:
    """城乡低保标准分别提高至980元、760元: a word that pairs two categories (城乡) before a list
    of as many figures stands for each in turn (城市低保标准, 农村低保标准), and so does one naming
    the three industries (三次产业 → 第一产业, 第二产业, 第三产业)."""
    if len(parts) != 1:
        return None
    text = parts[0].text
    table = _context_words()
    statistics = text.endswith(tuple(table["statistics_heads"]))  # 城镇居民人均可支配收入
    pairs = {**table["paired_statistics" if statistics else "paired_categories"], **table["structure_parts"]}
    for pair, categories in pairs.items():
        if text.startswith(pair) and len(categories) == count and len(text) > len(pair) + 1:
            return [Subject(category + text[len(pair):]) for category in categories]
    return None


def _shared_head(parts: list[Subject]) -> list[Subject]:
    """机构养育孤儿、社会散居孤儿基本生活费标准 → 机构养育孤儿基本生活费标准, 社会散居孤儿基本生活
    费标准: when every earlier part ends like a stretch of the last one (孤儿, 保险), what follows
    that stretch in the last part is the head they share."""
    if len(parts) < 2:
        return parts
    last = parts[-1].text
    heads = set()
    for part in parts[:-1]:
        ending = part.text[-2:]
        where = last.rfind(ending)
        if len(part.text) < 3 or where < 0 or where + 2 >= len(last):
            return parts
        heads.add(last[where + 2:])
    if len(heads) != 1:
        return parts
    head = heads.pop()
    return [Subject(p.text + head) if not p.text.endswith(head) else p for p in parts[:-1]] + [parts[-1]]


def _measure_after_modifier(parts: list[Subject]) -> list[Subject] | None:
    """基本养老、失业、工伤参保人数分别为…, 街道养老服务中心、社区养老服务站社会化运营率分别达…:
    the last part is a modifier like the earlier ones and a measure of three characters or more
    (a rate, a count of people, a standard) they all share; an earlier part that is a measure
    itself shares nothing. The modifier ends at its last word that ends with a head of a thing
    (服务站), else it is the part's first word (工伤); the measure after it goes to every earlier
    part that does not end with it already. None when the last part ends with no measure."""
    if len(parts) < 2:
        return None
    words = cut_phrase(parts[-1].text)
    if len(words) < 2:
        return None
    ends = [i for i, word in enumerate(words[:-1]) if word.endswith(head_words())]
    measure = "".join(words[(ends[-1] if ends else 0) + 1:])
    if len(measure) < 3 or not (measure.endswith(_measure_heads()) or measure.endswith("人数")):
        return None  # 事故总量和死亡人数: 人数 alone is the last part's own word
    if any(len(p.text) > 10 or p.text.endswith((*_measure_heads(), "数", "量")) for p in parts[:-1]):
        return None
    return [*(Subject(p.text + measure) for p in parts[:-1]), parts[-1]]


def _modifiers_of_one_head(parts: list[Subject]) -> list[Subject] | None:
    """城市、农村低保平均标准 → 城市低保平均标准, 农村低保平均标准; 五保集中和分散供养年标准 →
    五保集中供养年标准, 五保分散供养年标准: modifiers coordinated before one head each take it
    (the last part's modifier is as long as the part before it, or its last word, when that
    part carries a prefix they share). None when the parts are not such modifiers."""
    if len(parts) < 2 or len({len(p.text) for p in parts[:-1]}) > 1 or len(parts[0].text) > 4:
        return None
    before, last = parts[-2].text, parts[-1].text
    width = len(before) if len(before) <= 3 else len(cut_phrase(before)[-1])
    head = last[width:]
    if len(head) < 2 or len(last) < len(before) + 2:
        return None
    prefix = parts[0].text[:-width] if len(parts[0].text) > width else ""
    if prefix and word_tag(prefix) in ("v", "vn", "d") and word_tag(cut_phrase(head)[0]) not in ("v", "vn"):
        # 集中供养、散居孤儿…标准: modifiers of a noun (孤儿), and 集中 is how the first is kept,
        # no name the others share (低保集中和分散供养标准: manners of a verb, 低保 is shared)
        prefix = ""
    named = [p.text if p.text.startswith(prefix) else prefix + p.text for p in parts[:-1]]
    last = last if last.startswith(prefix) else prefix + last
    return [*(Subject(text + head) for text in named), Subject(last)]


# An average per visit, head or household opening a name (次均, 人均, 户均), maybe after 平均
PER_UNIT_AVERAGE = re.compile(r"(?:平均)?(?P<rate>[月年]?(?:次均|人均|户均))(?=[\u4e00-\u9fff]{2})")


def _shared_modifier(parts: list[Subject]) -> list[Subject]:
    """城市低保标准、补差 → 城市低保标准, 城市低保补差: a later part that is one short word shares
    what the first part says before its head (a word that names nothing alone or a measure)."""
    if len(parts) < 2:
        return parts
    first = parts[0].text
    average = PER_UNIT_AVERAGE.match(first)
    if average:
        # 人均住院补助和门诊补助分别为…: an average per visit or head opening the first part is of each
        # part (次均住院救助, 次均门诊救助); 平均 before it says no more
        rate = average.group("rate")
        return [Subject(rate + (p.text[average.end():] if i == 0 else p.text)) if i == 0 or not p.text.startswith(rate)
                else p for i, p in enumerate(parts)]
    head = _head_of(first)
    if head is None:
        return parts
    modifier = first[:-len(head)]
    return _shared_owner([parts[0], *(Subject(modifier + p.text) if len(p.text) <= 3 and len(cut_phrase(p.text)) == 1
                                      and not p.text.startswith(modifier) else p for p in parts[1:])])


@cache
def _measure_and_group_heads() -> tuple[str, ...]:
    """The words that name nothing alone and the heads of measures, longest first."""
    return tuple(sorted((*generic_subjects(), *_measure_heads()), key=len, reverse=True))


def _head_of(name: str) -> str | None:
    """The word of _measure_and_group_heads a name ends with, after two characters or more of its own."""
    return next((h for h in _measure_and_group_heads() if name.endswith(h) and len(name) > len(h)), None)


# how a measure is reckoned, closing what stands before its head (城市低保平均|标准, 月人均)
RECKONING_END = re.compile(r"(?:月|年)?(?:平均|人均|户均|次均)?$")
# the words before a measure's head that say how it is taken (从业|人员, 人均补助|水平), no thing
MEASURE_DOING_TAGS = frozenset({"v", "vn", "a", "ad", "d", "m", "j"})


@cache
def _owner_names() -> tuple[str, ...]:
    """The programmes and the sister categories: a part holding one names its own owner."""
    return (*_context_words()["programmes"], *SISTER_CATEGORIES[1], *SISTER_CATEGORIES[0])


def _shared_owner(parts: list[Subject]) -> list[Subject]:
    """城市低保标准、人均补助水平 → …, 城市低保人均补助水平; 家庭农场户数、从业人员、注册资金 →
    …, 家庭农场从业人员, 家庭农场注册资金: a later part of a list that is a measure naming no owner
    (its words before its head say how it is taken; no programme, category or domain name in it)
    measures what the first part's does, the owner before the first part's head and its words of
    reckoning (平均, 人均); a part that names a thing (人口自增率) is its own."""
    if len(parts) < 2 or (head := _head_of(parts[0].text)) is None:
        return parts
    owner = RECKONING_END.sub("", parts[0].text[:-len(head)])
    words = cut_phrase(owner) if len(owner) >= 2 else []
    if not words or word_tag(words[-1]) in ("v", "vn", "p", "c", "u", "uj"):
        return parts
    return [parts[0], *(Subject(owner + p.text) if _bare_measure_part(p.text) and not p.text.startswith(owner) else p
                        for p in parts[1:])]


def _bare_measure_part(part: str) -> bool:
    head = _head_of(part)
    if head is None or len(part) > 6 or part in domain_terms() or any(word in part for word in _owner_names()):
        return False
    return all(word_tag(word) in MEASURE_DOING_TAGS for word in cut_phrase(part[:-len(head)]))


# 同比减少5起、4人,分别下降7%、5.6%: after a list of changes, a list with no cue of comparison but
# 分别 and the verb of change changes the same levels
RESPECTIVE_CHANGE = re.compile(r"分别(?:比上年|同比)?(?:增长|增加|提高|上升|下降|减少|降低|比增|比降)了?\s*$")
# The rules that name a level a later change may be of: its own words, a list's pairing, a
# class of accident's toll (火灾事故12起,死亡3人 → 火灾事故死亡人数)
LEVEL_RULES = OWN_RULES | {"respectively", "toll_breakdown"}
# 同比分别下降50%、66.67%和持平: an item of the list of changes written as a word, no figure
UNCHANGED_ITEM = re.compile(r"\s*[、和及与]\s*(?:基本)?(?:持平|不变)")


def _pair_changes(text: str, quantities: list[Quantity], named: list[Named], lists: list[list[int]]) -> None:
    """比上一年分别提高了9元和11元: a list of changes pairs, in order, with the levels named
    before it (by their own clauses, or by the parts of a list before 分别: A、B、C分别为…,
    分别比上年增加…)."""
    for group in lists:
        lead = text[quantities[group[0] - 1].outer_end if group[0] else 0:quantities[group[0]].outer_start]
        changes = named[group[0]].rule == "change_of_level" or (
            "分别" in lead and bool(_compiled(_context_words()["change"]).search(lead))) or (
            bool(RESPECTIVE_CHANGE.search(lead)) and group[0] > 0 and (
                named[group[0] - 1].rule == "change_of_level" or _levels_listed(text, quantities, group, named)))
        if not changes or any(named[i].rule not in ("change_of_level", "inherited", "of_service")
                              for i in group[1:]):
            continue
        levels = [n.subject for n in named[:group[0]] if n.rule in LEVEL_RULES and n.subject]
        items = len(group) + bool(UNCHANGED_ITEM.match(text, quantities[group[-1]].outer_end))
        if "分别" in lead and len(levels) >= items:
            for level, index in zip(levels[-items:], group):
                named[index] = Named(level, "change_of_level")


def _levels_listed(text: str, quantities: list[Quantity], group: list[int], named: list[Named]) -> bool:
    """城镇居民人均消费支出21350元、农村居民人均消费支出13420元,分别增长6.1%、7.4%: right after
    as many levels listed by 、 or by commas (火灾事故12起,死亡3人,分别下降…), each named by
    its own words, 分别 and a verb of change change them in turn."""
    before = list(range(group[0] - len(group), group[0]))
    return before[0] >= 0 and all(text.startswith(("、", ",", "，"), quantities[i].outer_end) for i in before[:-1]) \
        and all(named[i].rule in LEVEL_RULES and named[i].subject for i in before) \
        and all(unit_kinds()[quantities[i].unit] != "percent" for i in before) \
        and len({named[i].subject.text for i in before}) == len(before)


@dataclass  # not frozen: one is made per figure, and a frozen __init__ costs 2.5 times more
class Around:
    """What the context rules read about one figure: the sentence's figures, the lead (the
    words since the figure before), its own subject and the subjects given so far."""

    text: str
    quantities: list[Quantity]
    index: int
    lead: str
    own: Named
    named: list[Named]
    memory: SubjectMemory

    @property
    def quantity(self) -> Quantity:
        return self.quantities[self.index]

    @property
    def previous(self) -> Subject | None:
        return self.named[-1].subject if self.named else None

    @property
    def about(self) -> Subject | None:
        """The last figure its own clause named: what a change or a flow is about."""
        return next((n.subject for n in reversed(self.named) if n.rule in OWN_RULES and n.subject), None)

    @computed_once
    def clause(self) -> str:
        return CLAUSE_BREAK.split(self.lead)[-1]


# A plan named by nothing but the word (为计划的101%) says neither whose nor which: the share is
# the completion rate of the item the figure before it counts (session 21: a rate of completion
# is named with its item), not of a plan as 为全年计划的90% or 完成年度投资计划的83% name one.
BARE_PLANS = frozenset({"计划"})


def _level_of_task(a: Around) -> Subject | None:
    """完成全年目标(4.29亿元)87%: the task's level bracketed after its name is the level of the thing
    the sentence counted (地方财政收入), the share after the bracket the task's (_share_of_task)."""
    if a.previous is not None and _task_before_bracket().search(a.lead):
        return a.previous
    return None


def _task_pattern() -> str:
    return _context_words()["share_of_task"]


@cache
def _task_before_bracket() -> re.Pattern:
    """A task named right before the bracket holding its level (完成全年目标(4.29亿元)…): the task
    pattern with an opening bracket where it closes with 的."""
    return re.compile(_task_pattern().replace("(?:的)?\\s*$", r"\s*[(（]\s*$"))


def _share_of_task(a: Around) -> Subject | None:
    """完成年度任务的98.5% → 年度任务; …分别完成省定任务的120.7%和134.7%: the next share of a list
    after it is of the same task."""
    if a.quantity.unit == "%" and a.named and a.named[-1].rule == "share_of_task" \
            and a.quantities[a.index - 1].unit == "%" and LIST_GAP.match(a.lead.strip()):
        return a.previous
    task = _task_phrase(a.text, a.quantities, a.index, a.lead) if a.quantity.unit == "%" else None
    if task is not None and task.text in BARE_PLANS and a.previous is not None:
        return a.previous  # 新增 7069张 公办养老床位,为计划的101% → 公办养老床位
    return task


# A rate of completion or of starting work named by nothing else (新增养老床位2432张,完成率达84.2%)
# is of the item its sentence counted just before it, named with it (session 21's ruling:
# 民生实事完成率; bare only when nothing in the sentence names the item).
BARE_RATES = frozenset({"完成率", "开工率", "竣工率"})
# so is the completion rate of a quota named only by whose or which quota it is (市级指标完成率, 年度
# 任务完成率): the quota's indicator is the item counted before it (失业人员再就业2310人,市级指标完成率
# 128.3% → 失业人员再就业市级指标完成率: round 35's settled calls), the count's measure word (人数) left out
QUOTA_RATE = re.compile(rf"(?:[省市县区]级|年度|全年|年)?(?:指标|任务|目标任务|目标|计划)(?:{'|'.join(BARE_RATES)})")


def _rate_of_item(a: Around) -> Subject | None:
    own, item = a.own.subject, a.about
    if own is None or not (own.text in BARE_RATES or QUOTA_RATE.fullmatch(own.text)) or item is None \
            or a.quantity.unit != "%" or item.text.endswith(tuple(BARE_RATES)):
        return None
    name = item.text
    if own.text not in BARE_RATES:
        name = name.removesuffix("人数").removesuffix("户数")
    return Subject(name + own.text)


# A rate named by an act alone (参保率, 参合率, 签约率), in a clause of its own right after a count
# whose name holds that act, is the rate of what that name puts before the act: 基本医疗保险参保人口
# 540万人,参保率98.8% → 基本医疗保险参保率 (session 21's ruling: a rate is named with its item), the
# verb of recording before the act left out (…养老保险登记参保 → 养老保险参保率). After a later part
# of a list (…和普通参保人员2032人,参保率98%) the rate is the whole list's, as written.
RATE_OF_ACT_LEAD = re.compile(r"\s*[,，]\s*(?P<rate>[\u4e00-\u9fff]{2}率)\s*(?:已|均|分别)?\s*(?:为|达到|达|是|超过)?\s*")
LIST_LINK = re.compile(r"[、和及与]\s*$")


def _rate_of_act(a: Around) -> Subject | None:
    lead = RATE_OF_ACT_LEAD.fullmatch(a.lead)
    own, previous = a.own.subject, a.previous
    if lead is None or own is None or own.text != lead.group("rate") or previous is None \
            or a.quantity.unit != "%" or unit_kinds()[a.quantities[a.index - 1].unit] == "percent":
        return None
    where = previous.text.find(own.text[:2])
    if where < 2:
        return None
    before = a.quantities[a.index - 2].outer_end if a.index > 1 else 0
    lead_of_previous = a.text[before:a.quantities[a.index - 1].outer_start]
    named_at = lead_of_previous.rfind(previous.text)
    if named_at > 0 and LIST_LINK.search(lead_of_previous[:named_at]):
        return None
    words = cut_phrase(previous.text[:where])
    while len(words) > 1 and len(words[-1]) > 1 and word_tag(words[-1]) == "v":
        words = words[:-1]  # 登记|参保: the record of the act, not what it is of
    item = "".join(words)
    if len(item) < 2 or any(RATE_BEFORE_NUMBER.match(word) for word in words):
        return None  # 人均月补差687元,补差率84%: a sum per head names no item the rate is of
    return Subject(item + own.text)


def _task_figure(a: Around) -> Subject | None:
    table = _context_words()
    if a.quantity.unit == "项" and a.own.rule == "after_number" and a.own.subject is not None \
            and a.own.subject.text.endswith(tuple(TASK_WORDS)):
        return None  # 明确380项目标任务: the items counted are the tasks, not a figure of one
    if _compiled(table["task_before"]).search(a.lead) or (
            _compiled(table["task_after"]).match(a.text, a.quantity.outer_end)
            and (a.own.subject is None or a.own.rule != "before_number" or a.text.startswith("的", a.quantity.outer_end))):
        # 3.9%,低于5.5%的控制目标; not 完成适老化改造30户任务, the task's own size
        return a.previous
    return None


def _pull_on_growth(a: Around) -> Subject | None:
    """工业增加值增长12%,拉动GDP增长3.5个百分点: a pull in points whose clause names no source is
    the pull of the measure its sentence counted before (工业增加值拉动GDP增长), past a contribution
    to the growth named between (对经济增长的贡献率为45%: another share of the same measure)."""
    if a.quantity.unit not in ("个百分点", "百分点"):
        return None
    pull = _compiled(_context_words()["pull_on_growth"]).search(a.clause.strip())
    source = next((n.subject for n in reversed(a.named) if n.rule in OWN_RULES and n.subject
                   and "贡献" not in n.subject.text), None) if pull else None
    return Subject(source.text + pull.group("pull")) if source else None


def _change_of_level(a: Around) -> Subject | None:
    change = next(finditer(_change_cues(), a.clause), None)
    listed = not change and a.named and a.named[-1].rule == "change_of_level" and a.lead.strip() in ("、", "和")
    if not (change or listed) or (change and _names_own(a.own, a.clause, change)):
        return None
    if unit_kinds()[a.quantity.unit] == "percent" and a.index and a.named[-1].subject is not None \
            and unit_kinds()[a.quantities[a.index - 1].unit] != "percent" and not CLAUSE_BREAK.search(a.lead):
        # 死亡0人、同比下降100%: a change in per cent that names nothing, right after a level in its
        # own clause, is that level's, not of the last change in per cent before it
        return a.named[-1].subject
    # 发生事故66起、死亡68人,同比减少5起、4人: a change in a unit the sentence counted before is of
    # that count (the next of its list too)
    family = _family(a.quantity.unit)
    same = next((n.subject for q, n in zip(reversed(a.quantities[:a.index]), reversed(a.named))
                 if n.rule in OWN_RULES and n.subject and _family(q.unit) == family
                 and not _in_closed_aside(a.text, q.outer_end, a.quantity.outer_start)), None)
    return same or (None if listed else a.about)


def _in_closed_aside(text: str, position: int, end: int) -> bool:
    """212项(依申请类180项、其他类32项),比上年减少27项: whether `position` stands in a bracket closed
    before `end`, a breakdown the clause goes on past (the change is of the total)."""
    closed = re.search(r"[)）]", text[position:end])
    return closed is not None and not re.search(r"[(（]", text[position:position + closed.start()])


def _share_of_whole(a: Around) -> Subject | None:
    own = a.own.subject
    if own is not None and a.own.rule == "before_number" and own.text.endswith("占比") and len(own.text) > 2 \
            and "、" not in own.text:
        return None  # 全区高级护理员占比达15.36%: the share its own clause names
    measured = SHARE_MEASURED.search(a.clause) if a.quantity.unit in ("%", "‰") else \
        SHARE_CHANGED.search(a.clause) if a.quantity.unit in SHARE_CHANGE_UNITS else None
    if measured is not None:
        # 第一产业增加值占GDP的比重为10%: the part and the share word the text writes, 占 and the whole
        # aside (fixtures README, session 34); after a count of the part (…增加值37952万元,增长3.9%,
        # 占生产总值的比重为4.1%) the share takes the part's name, as 占总人口的2% does (session 33)
        part = _part_of_share(a.clause)
        if part is None and _counted_before(a):
            return a.previous
        part = part or a.previous
        return Subject(part.text + measured.group("measure")) if part else None
    if a.quantity.unit in ("%", "‰") and _compiled(_context_words()["share"]).search(a.clause) \
            and not a.text.startswith("的", a.quantity.outer_end):
        return _part_of_share(a.clause) or a.previous
    return None


# A share whose measure the text writes after the whole (占生产总值的比重为, 占总人口比例达到)
SHARE_MEASURED = re.compile(r"占[^，,。；;\d占]{1,14}?的?(?P<measure>比重|比例)(?:为|是|达到?)?\s*$")


# A change of such a share, its cue right after the measure (工业占全县生产总值的比重较上年下降0.8个
# 百分点): a change of the share, named as the share is
SHARE_CHANGED = re.compile(r"占[^，,。；;\d占]{1,14}?的?(?P<measure>比重|比例)(?:比|较)[^，,。；;\d]{0,8}?"
                           r"(?:提高|下降|上升|降低|增加|减少)了?\s*$")
SHARE_CHANGE_UNITS = ("个百分点", "%")


def _counted_before(a: Around) -> bool:
    """Whether a figure of the sentence before this one counts what the figure right before it
    names, in a unit of its own (37952万元), not only its share or change."""
    previous = a.previous
    return previous is not None and any(
        named.subject is not None and named.subject.text == previous.text and quantity.unit not in SHARE_UNITS
        for named, quantity in zip(a.named, a.quantities))


SHARE_UNITS = ("%", "‰", "个百分点")


def _part_of_share(clause: str) -> Subject | None:
    """The part a share is of when its own clause names it before 占 (三大主导产业产值占全区工业
    产值的八成: the part, not the whole after 占)."""
    before = clause[:clause.rfind("占")] if "占" in clause else ""
    run, _ = _trim_front(_take_run(list(cut_phrase(before))), "other") if HAN.search(before) else ([], [])
    return _subject(run) if run else None


def _only_where(a: Around) -> bool:
    """Whether the figure's own words name only where it is (其中保华镇2户10人, *区277张)."""
    bare = NOT_WHERE.sub("", a.clause)
    if a.own.subject is not None and a.own.rule in ("after_number", "status_of_counted") and not is_place(a.own.subject.text):
        return False  # 新建3家乡镇孝老食堂: what follows the number names the figure, whatever precedes it
    return a.own.subject is not None and (is_place(a.own.subject.text) or bool(bare and is_place(bare))
                                          or _place_of_list(a))


def _place_of_list(a: Around) -> bool:
    """其中:石门乡80张,柳溪镇60张,东岗40张: an item of a breakdown by place, named by a short word
    alone in its clause (a village or a town the gazetteer or the shape of a name misses: 东岗, 瓦额村),
    right after an item of the same unit named by its place (in its sentence, else in its paragraph),
    is a place too."""
    own = a.own.subject
    if a.own.rule != "before_number" or own.text != a.clause.strip(" 、:：") or not SHORT_NAME.fullmatch(own.text) \
            or (own.text.endswith(head_words()) and not own.text.endswith(PLACE_ENDINGS)) \
            or own.text in _words("subject_categories.txt"):
        return False
    before = next((i for i in range(a.index - 1, -1, -1)
                   if _family(a.quantities[i].unit) == _family(a.quantity.unit)), None)
    if before is None:  # (其中,…村30户…;瓦额村19户…: the part before, a sentence of its own)
        return _family(a.quantity.unit) in a.memory.placed
    return a.named[before].rule == "place_breakdown"


# a name a place may go by in a list (青草, 瓦都西村), and the endings of a place's name that are
# also the heads of things counted (3个村)
SHORT_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
PLACE_ENDINGS = ("村", "社区", "街道", "镇", "乡")


def _recalled(a: Around) -> Subject | None:
    """The subject the figure's unit had before: in its sentence, else in its paragraph."""
    quantity, quantities = a.quantity, a.quantities
    if a.previous and _family(quantities[a.index - 1].unit) == _family(quantity.unit):
        return a.previous
    return a.memory.recall(quantity.unit)


# A part after 其中 named by where its people went (转移到省外, 输出至省内), nothing else in its clause
DESTINATION = re.compile(r"^(?:其中)?[,，:：]?\s*(?P<dest>[\u4e00-\u9fff]{1,4}(?:到|至|往)[\u4e00-\u9fff]{1,6})$")
# the measure a count of people or households is named by when its thing is a flow (人数, 户数); a
# count in an event unit (人次) keeps its deed bare (first pass)
HEAD_MEASURES = {"人": "人数", "户": "户数"}


def _destination_part(a: Around) -> Subject | None:
    """…35万人,其中转移到省外20.75万人: a part named by where its people went is named as written,
    completed with the head noun of its count (转移到省外人数; round 27's call), not the bare
    place (never a place alone, §5)."""
    if a.quantity.unit not in HEAD_MEASURES or "其中" not in a.text[a.quantities[0].outer_start:a.quantity.outer_start] \
            or _recalled(a) is None:
        return None
    dest = DESTINATION.match(a.clause.strip())
    return Subject(dest.group("dest") + HEAD_MEASURES[a.quantity.unit]) if dest else None


def _place_breakdown(a: Around) -> Subject | None:
    """其中保华镇2户10人: a part named by its place alone is of the total before it; one opening
    with 其中 is also when the total stands lines above (a table's cells one a line: 新增老年食堂15个 /
    区民政局 / 11月底前 / 其中北山街道1个,…)."""
    if not _only_where(a) or _stage_after_total(a):  # 新建21个: a stage, though 新建 is a place too
        return None
    recalled = _recalled(a)
    if recalled is None and a.lead.lstrip().startswith("其中"):
        recalled = a.memory.recall_before(a.quantity.unit)
    return recalled


@cache
def _categories() -> tuple[str, ...]:
    """The category words (城市, 农村 …), longest first, sorted once rather than for each figure."""
    return tuple(sorted(_words("subject_categories.txt"), key=len, reverse=True))


# 分别 before the list of a thing's parts (分别为, 分别是, 分别达到)
RESPECTIVELY = re.compile(r"分别(?:为|是|达到?)")
OWN_SCOPE = re.compile(r"^(?:全|本|我)[省市县区镇乡]")


def _category_respectively(a: Around) -> Subject | None:
    """城乡低保标准分别为城市980元、农村760元: a part named by its category word alone, in the
    list after 分别, is the thing named before 分别 of that category (城市低保标准, 农村低保标准): the
    word pairing the categories (城乡) goes, and so do the people before a verb of receiving
    (城乡困难群众享受临时救助人数 → 城镇临时救助人数: the programme's recipients)."""
    categories = _categories()
    tail = a.lead.rstrip()
    category = first_closing(tail, categories)
    if category is None or not (RESPECTIVELY.search(tail[-len(category) - 4:-len(category)])
                                or tail[:-len(category)].rstrip().endswith(("、", "和", "及", ",", "，"))):
        return None  # the category opens a part of the list: right after 分别为 or a list's mark
    before = a.text[max(0, a.quantity.outer_start - 120):a.quantity.outer_start]
    found = list(RESPECTIVELY.finditer(before))
    if not found or re.search(r"[。；;！？!?]", before[found[-1].end():]):
        return None
    head = OWN_SCOPE.sub("", re.split(r"[，,。；;：:、\s]", before[:found[-1].start()])[-1])
    pair = next((word for word, parts in _context_words()["paired_categories"].items() if head.startswith(word)), None)
    if pair is None:
        return None
    head = head[len(pair):]
    verb = next((v for v in RECEIVING_VERBS if v in head), None)
    head = head[head.index(verb) + len(verb):] if verb else head
    return Subject(category + head) if len(head) > 1 and not head.startswith(categories) else None


# A division of a count of people announced before its classes (按产业划分, 按产业分:) and a class
# that names no people (第一产业)
DIVISION = re.compile(r"按[\u4e00-\u9fff]{1,6}?(?:划分|分组|分)[,，:：]?")
INDUSTRY = re.compile(r"第[一二三]产业")


def _class_of_people(a: Around) -> Subject | None:
    """全县从业人员36万人。按产业分,第三产业15万人: a class row of a count of people names the
    class and the total's head noun (第三产业从业人员; fixtures README, session 30), a pair word
    of the total's (城乡) aside."""
    own = a.own.subject
    if own is None or a.quantity.unit not in PERSON_UNITS or not INDUSTRY.fullmatch(own.text):
        return None
    division = DIVISION.search(a.text, max(0, a.quantities[0].outer_start - 40), a.quantity.outer_start)
    whole = a.memory.recall(a.quantity.unit) if division else None
    rest = INDUSTRY.sub("", whole.text, count=1) if whole else ""  # (第一产业就业人员 recalled: 就业人员)
    if len(rest) < 2:
        return None
    pair = next((word for word in _context_words()["paired_categories"] if rest.startswith(word)), None)
    rest = rest[len(pair):] if pair and len(rest) > len(pair) + 1 else rest
    return Subject(own.text + PART_OF_TOTAL.sub("", rest))


AGE_BAND = re.compile(AGE_PART.pattern + "(?:的)?")
POPULATION = "人口"


def _age_class(a: Around) -> Subject | None:
    """户籍人口54万人,其中0~18岁8.6万人; 0~18岁8.6万人,60岁以上12万人: an age band alone before a
    count of persons names a class of people, no thing (§5): the class goes before the total
    counted before it in the sentence (fixtures README, session 30: a part naming only a class),
    before 人口 where none is (the people of that age)."""
    own = a.own.subject
    if own is None or a.quantity.unit not in ("人", "名") or not AGE_BAND.fullmatch(own.text):
        return None
    whole = next((n.subject for n, q in zip(a.named, a.quantities[:a.index]) if n.subject is not None
                  and q.unit in ("人", "名") and not AGE_BAND.match(n.subject.text)), None)
    # a population (户籍人口, 常住人口) is crossed by the age band at its head noun: 0~18岁人口
    total = POPULATION if whole is None or whole.text.endswith(POPULATION) else whole.text
    return Subject(own.text.removesuffix("的") + total)


def _category_breakdown(a: Around) -> Subject | None:
    """社区服务中心254个(其中农村175个): a part named by its category word alone is that part of
    the total before it (农村社区服务中心); a second part replaces the first's category."""
    own = a.own.subject
    if own is None or own.text not in _words("subject_categories.txt"):
        return None
    whole = _recalled(a)
    if whole is None or whole.text == own.text:
        return None
    # 城镇低保标准从270元调整为300元,农村从170元调整为180元: a category alone after the figure
    # of another category's thing is the same thing of its own category
    sibling = _of_category(whole.text)
    inner = _inner_sister(whole.text, own.text)
    if not sibling and inner is not None and a.named and a.named[-1].subject is whole:
        # 结婚登记男性平均年龄35.3岁,女性33.3岁: the other category stands inside the name of the
        # figure right before, and the category alone takes its place there
        return Subject(whole.text[:inner] + own.text + whole.text[inner + len(_sister_at(whole.text, inner)):])
    if not sibling and "其中" in a.text[a.quantities[0].outer_end:a.quantity.outer_start]:
        # 其中农村残疾人1719人,非农人口170人,男性1258人: a part of the same breakdown named
        # earlier with its category is the sibling, whatever part stands between
        part = next((n.subject for n in reversed(a.named) if n.subject and _of_category(n.subject.text)
                     and n.subject.text != own.text), None)
        whole, sibling = (part, True) if part is not None else (whole, False)
    if not ("其中" in a.lead or (a.named and a.named[-1].rule == "category_breakdown") or sibling):
        return None
    rest = whole.text
    for category in _categories():
        if rest.startswith(category) and len(rest) > len(category) + 1:
            rest = rest[len(category):]
            break
    else:
        # 城乡低保对象11607户,其中城市7919户: the word that pairs the categories (城乡) is what
        # the part's category divides, so it goes (城市低保对象, as 城乡…分别 splits)
        pair = next((word for word, parts in _context_words()["paired_categories"].items()
                     if own.text in parts and rest.startswith(word) and len(rest) > len(word) + 1), None)
        rest = rest[len(pair):] if pair else rest
    # a part is no total: the 总 of the total's measure goes (户籍总人口, 其中男性… → 男性户籍人口)
    return Subject(own.text + PART_OF_TOTAL.sub("", rest))


CARE_WAY = 2  # the characters of a mode of care that say how (分散|供养, 集中|供养)


def _money_part_of_programme(a: Around) -> Subject | None:
    """城乡低保金512万元(城市低保86万元、农村低保426万元): a part of a sum named by its category and
    the programme alone (城市低保) is that category's share of the money the total names: the part
    with the total's money word after the programme (城市低保金; under 城乡特困人员分散供养生活费,
    城市特困 → 城市特困生活费, the total's people and mode of care no part of the money word),
    as a part naming only a class takes the total's head (fixtures README, session 30)."""
    own = a.own.subject
    if own is None or unit_kinds()[a.quantity.unit] != "money" or not a.index:
        return None
    category = next((category for category in _categories() if own.text.startswith(category)), "")
    programme = own.text[len(category):]
    if not category or programme not in _context_words()["programmes"]:
        return None
    if a.lead.strip().startswith(("(", "（")) and a.named[-1].rule != "money_part":
        whole = a.previous if unit_kinds()[a.quantities[a.index - 1].unit] == "money" else None
    else:
        whole = _whole_of_parts(a, "money_part")
    if whole is None or programme not in whole.text:
        return None
    money = whole.text[whole.text.index(programme) + len(programme):]
    money = next((money[len(word):] for word in _context_words()["person_heads"] if money.startswith(word)), money)
    mode = next((word for word in _context_words()["care_modes"] if money.startswith(word)), "")
    # 人员|分散供养|基本生活费 → 基本生活费; 集中供养|金 keeps 供养 (供养金): the way of care goes
    money = money[len(mode):] if len(money) - len(mode) > 1 else money[CARE_WAY:] if mode else money
    if not money.endswith(tuple(_context_words()["money_words"])):
        return None
    return Subject(own.text + money)


# 总 before the last word of a total's name (户籍总人口, 低保总户数, 救助总金额)
PART_OF_TOTAL = re.compile(r"总(?=[\u4e00-\u9fff]{2}$)")


def _owner_breakdown(a: Around) -> Subject | None:
    """医疗卫生机构床位938张,其中医院819张,卫生院114张: a part named by a kind of body (`body_heads`)
    of a total that counts what bodies have (床位, 卫生技术人员: subject_attribute_heads.txt) is
    what that kind of body has (医院床位, 卫生院床位)."""
    own = a.own.subject
    if own is None or not own.text.endswith(tuple(_context_words()["body_heads"])) \
            or not ("其中" in a.lead or (a.named and a.named[-1].rule == "owner_breakdown")):
        return None
    whole = _recalled(a)
    had = whole and next((h for h in _attribute_heads() if whole.text.endswith(h)), None)
    if not had or own.text.endswith(had):
        return None
    return Subject(own.text + had)


def _toll_breakdown(a: Around) -> Subject | None:
    """死亡5人,其中道路运输事故4人、农机事故1人: a part named by the kind of incident
    (`incidents`) of a toll of people (死亡人数, 受伤人数) is that incident's toll (道路运输事故死亡
    人数), as a report by field names it (道路交通:…死亡6人 → 道路交通死亡人数). Written the other
    way round, 其中道路交通事故45起,死亡14人, the toll right after a part's count of incidents is that
    incident's toll too (a class of accident before its deaths: round 27's annotators), while a total's
    toll (共发生事故16起,死亡17人) stays bare."""
    own = a.own.subject
    if own is not None and a.own.rule == "people_befallen" and a.previous is not None and a.index \
            and a.previous.text.endswith(tuple(_context_words()["incidents"])) and TOLL_GAP.fullmatch(a.lead) \
            and own.text in _context_words()["befell_after"].values():
        incident = a.quantities[a.index - 1]
        since = a.text.rfind("。", 0, incident.outer_start) + 1
        if "其中" in a.text[max(since, incident.outer_start - 60):incident.outer_start]:
            return Subject(a.previous.text + own.text)
    chained = bool(a.named) and a.named[-1].rule == "toll_breakdown"
    if own is None or not own.text.endswith(tuple(_context_words()["incidents"])) \
            or not ("其中" in a.lead or chained):
        return None
    whole = _recalled(a)
    toll = whole and next((t for t in _context_words()["befell_after"].values() if whole.text.endswith(t)), None)
    if not toll or not (whole.text == toll or chained):
        return None
    return Subject(own.text + toll)


# between a part's count of incidents and its toll (事故45起,死亡14人; 1起、死亡5人)
TOLL_GAP = re.compile(r"\s*[、,，]\s*(?:造成)?[\u4e00-\u9fff]{2}\s*")


# A level (省级, 乡镇级) or a class (陆地水系类) names no thing alone: it narrows the thing its
# breakdown or its list counts.
BARE_LEVEL = re.compile(r"(?:(?:国家|省|市|县|区|镇|乡|村|州|旗|乡镇|乡村|街道|社区|县区|县市|省市){1,3}级"
                        r"|(?:[省市县区州镇乡村]{2,4}[两三四五]级))")
BARE_CLASS = re.compile(r"[\u4e00-\u9fff、]{2,12}类")
# a kind or a standard a thing is built to (示范型, 标准化): a class word too, before the thing
# (村卫生室240个,其中标准化180个、示范型60个 → 标准化村卫生室)
BARE_KIND = re.compile(r"[\u4e00-\u9fff]{2,4}型|[\u4e00-\u9fff]{2,3}化")
# what a breakdown's parts are read out of (地名调查目录词条含陆地水系类119条)
INCLUDING = re.compile(r"(?:含|包括|包含|其中)")


def _bare_modifier(text: str) -> bool:
    return bool(BARE_LEVEL.fullmatch(text) or BARE_CLASS.fullmatch(text) or BARE_KIND.fullmatch(text)
                or SIZE_CLASS.fullmatch(text)) \
        and text not in _scope_words() and text not in domain_terms()


def _without_modifier(text: str) -> str:
    """The thing a subject names once its level or class goes (省州县三级配套资金 → 配套资金,
    乡村级公益性公墓 → 公益性公墓, 陆地水系类词条 → 词条)."""
    level = BARE_LEVEL.match(text)
    if level and len(text) - level.end() > 1:
        return text[level.end():]
    kind = text.rfind("类")
    if 0 < kind < len(text) - 2:
        return text[kind + 1:]
    built = BARE_KIND.match(text) or SIZE_CLASS.match(text)
    return text[built.end():] if built and len(text) - built.end() > 1 else text


def _modifier_breakdown(a: Around) -> Subject | None:
    """其中省级100万元、州级220万元: a part named by a level or a class alone is that part of
    the total before it, the level with the total's thing (省级配套资金); with no total figure,
    the thing the clause names before 含 or 包括 (目录词条含陆地水系类119条 → 陆地水系类词条)."""
    own = a.own.subject
    if own is None or not _bare_modifier(own.text):
        return None
    if a.named and a.named[-1].rule == "modifier_breakdown" and a.previous is not None:
        thing = _without_modifier(a.previous.text)
        return Subject(own.text + thing) if thing != a.previous.text else None
    if INCLUDING.search(a.lead) and (a.index or re.match(r"\s*其中", a.lead)):
        # a sentence opening 其中 breaks down the total the sentence before ended with
        # (民办非企业单位36.1万个。其中:教育类19.9万个)
        whole = _recalled(a)
        thing = _without_modifier(whole.text) if whole is not None else ""
        return Subject(own.text + thing) if len(thing) > 1 and not _bare_modifier(thing) else None
    before = INCLUDING.split(a.clause)
    if len(before) < 2 or not before[-1].strip().startswith(own.text):
        return None
    words = [w for w in cut_phrase(before[-2].strip()) if HAN.match(w) and not _is_strip(w)]
    thing = words[-1] if words else ""
    return Subject(own.text + thing) if len(thing) > 1 and word_tag(thing) in NOUN_TAGS else None


PART_MARK = re.compile(r"其中|、")
# any 的-clause right after 其中 names its part with the total's head noun (session-33 and
# session-35 rulings: 其中60周岁以上的 → 60周岁以上的特困人员), not only one of qualifying
DE_PART_AFTER_INCLUDING = re.compile(r"其中\s*[:：,，]?\s*[\u4e00-\u9fff\d]{2,14}的$")
QUALIFYING_CLAUSE = re.compile(r"[\u4e00-\u9fff]{4,14}")


def _part_by_qualifying(a: Around) -> Subject | None:
    """全市共有社会工作机构86家,具有评估等级的31家: a clause of qualifying that names the
    qualification, right before the number with no noun after it, says which of the things
    counted before are counted (具有公开募捐资格的慈善组织)."""
    clause = PART_MARK.split(a.clause.rstrip())[-1].lstrip(" :：,，")  # (其中)具有…的
    if not clause.endswith("的"):
        return None  # (before the bracket's walk back, which only a 的-clause needs)
    bracketed = _whole_of_including_bracket(a)
    after_including = DE_PART_AFTER_INCLUDING.search(a.clause.rstrip()) is not None or bracketed is not None
    if not (clause.startswith(QUALIFYING) or after_including) \
            or clause[:-1].endswith(UNNAMED_CONDITIONS) or not QUALIFYING_CLAUSE.fullmatch(clause):
        return None
    if bracketed is not None and clause[:-1].endswith(head_words()):
        return None  # 医疗救助户的43户: the clause names its own thing
    whole = bracketed or _recalled(a)
    if whole is None or whole.text in clause:
        return None
    return Subject(clause + whole.text)


def _whole_of_including_bracket(a: Around) -> Subject | None:
    """贫困户952户3122人(其中两因户…,异地移民搬迁安置的221户804人,…): a figure inside a bracket
    that 其中 opens is a part of the total right before the bracket, whatever parts stand
    between (session-35 ruling: a 的-clause part after 其中 takes the total's head noun): the
    total's subject, its count in the part's unit; None outside such a bracket."""
    opening = _open_bracket(a.text, a.quantity.outer_start)
    if opening < 0 or not a.text.startswith("其中", opening + 1):
        return None
    totals = [i for i in range(a.index) if a.quantities[i].outer_end <= opening]
    if not totals or a.text[a.quantities[totals[-1]].outer_end:opening].strip():
        return None
    total = totals[-1]
    subject = a.named[total].subject
    while total >= 0 and a.named[total].subject == subject:  # 952户|3122人: the pair counts one group
        if _family(a.quantities[total].unit) == _family(a.quantity.unit):
            return subject
        total -= 1
    return None


def _open_bracket(text: str, position: int) -> int:
    """Where the bracket still open at `position` opened within its sentence, else -1."""
    depth = 0
    for at in range(position - 1, max(-1, position - ANTECEDENT_REACH), -1):
        char = text[at]
        if char in "。\n":
            return -1
        if char in CLOSING:
            depth += 1
        elif char in BRACKETS:
            if not depth:
                return at
            depth -= 1
    return -1


def _channel_breakdown(a: Around) -> Subject | None:
    """宣传稿件176篇,其中中央级媒体13篇、省级媒体128篇: a part named by the channel it came out in
    is that channel's records (中央级媒体宣传稿件), and so are the parts listed after it."""
    own = a.own.subject
    channels = tuple(_context_words()["channels"])
    if own is None or not own.text.endswith(channels):
        return None
    whole = _whole_of_parts(a, "channel_breakdown")
    if whole is None or whole.text.endswith(channels) or channels[0] in whole.text:
        return None
    # 各市(州)政府门户网站, 各部门政府网站: the level of the channel's owner tells the parts apart
    # and stays, written without the bracket that glosses it; 各 (each of them) goes as scope
    channel = re.sub(r"^(?:其中)?[:：]?\s*" + EACH + "?", "", ASIDE.sub("", a.clause).strip(" ,，、"))
    own_text = channel if channel.endswith(own.text) and HAN_ONLY.fullmatch(channel) else own.text
    return Subject(own_text.removeprefix(EACH) + whole.text)


HAN_ONLY = re.compile(r"[\u4e00-\u9fff]{2,16}")


def _whole_of_parts(a: Around, rule: str) -> Subject | None:
    """The total a breakdown's part is of: the one recalled after 其中, or, for the next part of
    the list, the subject before the parts `rule` named; None when neither."""
    if "其中" in a.lead:
        return _recalled(a)
    if a.named and a.named[-1].rule == rule:
        return next((n.subject for n in reversed(a.named) if n.rule != rule), None)
    return None


MODIFIER_LABEL = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _coordinated_breakdown(a: Around) -> Subject | None:
    """重病、重残儿童484人,其中重病117人、重残367人: a part named by one of the modifiers the
    total coordinates before its head is that modifier with the head (重病儿童, 重残儿童)."""
    own = a.own.subject
    label = own.text if own is not None else a.clause.strip("、和及 ")
    if (own is not None and a.own.rule != "before_number") or not a.index or not MODIFIER_LABEL.fullmatch(label) \
            or label.endswith(head_words()):
        return None  # 孤儿、事实无人抚养儿童…其中孤儿85人: a thing of its own, no modifier
    whole = _whole_of_parts(a, "coordinated_breakdown")
    parts = _parts(whole) if whole is not None else []
    named = _modifiers_of_one_head(parts) if len(parts) > 1 else None
    head = named[0].text[len(parts[0].text):] if named else ""
    if not head or len(cut_phrase(head)[0]) < 2:
        return None  # 失能、半失能老年人: a head cut inside a word (能|老年人) is no head
    for position, (part, full) in enumerate(zip(parts, named)):
        last = position == len(parts) - 1
        if label == part.text and not last or last and part.text.startswith(label) and len(label) < len(part.text):
            return full
    return None


# Categories that divide one whole between them (a person is 男性 or 女性, a place 城市 or 农村):
# one named alone stands for another of its set inside the name before it.
SISTER_CATEGORIES = (("男性", "女性"), ("城市", "城镇", "农村", "乡村", "城区", "市区", "县城"))


def _sister_at(text: str, at: int) -> str:
    return next(c for group in SISTER_CATEGORIES for c in group if text.startswith(c, at))


def _inner_sister(whole: str, own: str) -> int | None:
    """Where, inside a name and not at its front, a category of `own`'s set other than `own` stands."""
    group = next((g for g in SISTER_CATEGORIES if own in g), None)
    if group is None or own in whole:
        return None
    places = [whole.find(c, 1) for c in group if c != own and whole.find(c, 1) > 0]
    return min(places) if len(places) == 1 else None


def _of_category(text: str) -> bool:
    """Whether a subject opens with a category word before its thing (农村残疾人, 城市低保标准)."""
    return any(text.startswith(c) and len(text) > len(c) + 1 for c in _words("subject_categories.txt"))


# A total's parts opened by the total's noun and 中 right after its figure (120个项目中,竣工46个), as by 其中
AMONG_TOTAL = re.compile(r"\s*[\u4e00-\u9fff]{1,8}中\s*[,，:：]")
# Stages of building that jieba tags no verb (新建 a place's name, 续建 unknown): verbs of a part all the same
BUILDING_STAGES = CREATING | {"续建", "在建"}


def _state_breakdown(a: Around) -> Subject | None:
    """清理文件9件,其中继续有效3件、废止2件: a part named by a bare verb or state after 其中 (or after
    the total's noun and 中: 85个项目中,竣工30个) is that part of the total before it, the state
    with the total's head noun (继续有效文件, 废止文件, 竣工项目)."""
    stage = _stage_after_total(a)
    if stage:
        whole = a.previous if a.named and a.named[-1].rule != "state_breakdown" else _recalled(a)
        head = next((h for h in sorted(head_words(), key=len, reverse=True) if whole and whole.text.endswith(h)), None)
        return Subject(stage + head) if head and len(head) > 1 else None
    own = a.own.subject
    if own is None or not ("其中" in a.lead or AMONG_TOTAL.match(a.lead)
                           or (a.named and a.named[-1].rule == "state_breakdown")):
        return None
    words = cut_phrase(own.text)
    if len(words) > 1 and words[0] == "新":  # 新|改建: 新 before a verb of making goes with it (新改建)
        words = (words[0] + words[1], *words[2:])
    verb = lambda word: word_tag(word) == "v" or word in BUILDING_STAGES \
        or (word[:1] == "新" and word_tag(word[1:]) == "v")  # noqa: E731
    if a.quantity.unit in PERSON_UNITS or not verb(words[0]) or any(not (verb(w) or word_tag(w) == "a") for w in words):
        return None  # 其中集中供养358人: people's part is named by how they are kept, alone
    whole = _recalled(a)
    if whole is None or whole.text == own.text or own.text in whole.text:
        return None
    head = cut_phrase(whole.text)[-1]
    return Subject(own.text + head) if len(head) > 1 and word_tag(head) not in ("v", "vn", "a") else None


TOTAL_STAGES = (BUILDING_STAGES - {"新增"}) | {"开工", "竣工", "完工"}


def _stage_after_total(a: Around) -> str | None:
    """36个建设项目,新建21个,续建15个: a stage of building (not 新增, a flow) alone in the clause
    right after a total in the same unit breaks that total down, as after 其中; the stage."""
    stage = a.clause.strip()
    if stage not in TOTAL_STAGES or not a.index or a.quantities[a.index - 1].unit != a.quantity.unit \
            or not re.search(r"[,，、]\s*" + stage + r"\s*$", a.lead):
        return None
    return stage


def _breakdown_unnamed(a: Around) -> Subject | None:
    """其中 with nothing named (其中2户10人), or the first figure of a sentence that names
    nothing: the subject its unit had in the paragraph."""
    if a.own.subject is None and ("其中" in a.lead or not a.named):
        return _recalled(a)
    return None


def _topic_event(a: Around) -> Subject | None:
    table = _context_words()
    own = a.own.subject
    if own is not None and own.text.endswith(NEW_ONES) and len(own.text) > len(NEW_ONES) + 1 \
            and a.quantity.unit not in PERSON_UNITS and a.own.rule in OWN_RULES:
        # 月度规模单位新增3家: the new ones of a stock of things, the flow closing their name, are
        # named by the stock, 新增 kept as what narrows it (as after the stock's count below)
        return Subject(own.text[:-len(NEW_ONES)], NEW_ONES)
    if own is None and a.quantity.unit in PERSON_UNITS:
        # 16户迁走: a flow written after its count, alone in its clause
        after = _flow_patterns()[0].match(a.text[a.quantity.outer_end:a.quantity.outer_end + 8])
        own = Subject(after.group(1)) if after else None
    flow = own and _flow_patterns()[1].fullmatch(own.text)
    about = _flows_about(a) if flow else None
    topic = _topic(about)
    topic = None if topic in table["flows"] else topic  # 复核通过11户,取消5户: a flow is no topic
    measure = topic and _measure_word(topic, table["flow_measures"])
    topic = topic[:-len(measure)] if measure else topic  # 低保人数 → 低保新增
    if topic and flow.group("flow") == NEW_ONES:
        # 农民合作社420个,新增9个; 低保对象7702户,较上月新增68户: new ones of a stock are named by
        # the stock, 新增 dropped from the name (a filler, session-35 ruling, whatever stock stands
        # beside it) but kept as what narrows it (the indicator's _new sibling, 新增养老床位); a
        # caseload keeps the head its people were named by (低保对象), not the flows' topic (低保)
        stock = _stock_name(about) if a.quantity.unit in PERSON_UNITS else topic
        return Subject(stock.removesuffix(measure) if measure else stock, NEW_ONES)
    return Subject(topic + flow.group("flow")) if topic else None


# A flow of requests after their count (收到政府信息公开申请75件,上年结转2件,办结73件,结转下年4件):
# the clause names only the flow, with the years it runs between; the 信息公开 template names
# these rows verb first (上年结转政府信息公开申请数量, fixtures README, session 33), and so does
# the gold of its prose (上年结转政府信息公开申请, 办结政府信息公开申请): never the bare flow (§5)
APPLICATION_FLOW = re.compile(r"\s*[,，、;；]\s*(?:其中)?\s*(?:共|已|全年)?\s*(?:\d{4}\s*年(?:度)?)?\s*"
                              r"(?P<flow>(?:上一?年度?|本年度?)?(?:结转|办结)(?:下一?年度?)?)"
                              r"(?:至\s*\d{4}\s*年(?:度)?)?(?:继续办理|办理)?\s*")
REQUESTS = "申请"
REQUEST_UNIT = "件"


def _application_flow(a: Around) -> Subject | None:
    if not a.index or a.quantity.unit != REQUEST_UNIT or not (found := APPLICATION_FLOW.fullmatch(a.lead)):
        return None
    flow = found.group("flow")
    # the requests counted first in the sentence are the total the flows are of, not a part after 其中
    requests = next((n.subject for n, q in zip(a.named, a.quantities[:a.index])
                     if n.subject is not None and n.rule in OWN_RULES and n.subject.text.endswith(REQUESTS)
                     and q.unit == REQUEST_UNIT), None)
    if requests is None or requests.text.startswith(flow):
        return None
    return Subject(flow + requests.text)


@cache
def _flow_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(a flow written after its count, alone in its clause; a flow closing a name): `_topic_event`'s,
    built once, not looked up in re's cache by a new string each figure."""
    table = _context_words()
    return (re.compile(rf"\s*({alternation(table['flows'])})了?\s*(?:[,，;；。]|$)"),
            re.compile(rf"{table['flow_lead']}(?P<flow>{alternation(table['flows'])})"))


# The flow that adds to a stock: of things (not a caseload's people or households: 低保新增) it is
# dropped, as the leading 新增 is (fixtures README, session 29)
NEW_ONES = "新增"


def _flows_about(a: Around) -> Subject | None:
    """What a flow named by its verb alone is about: the last figure its sentence named, unless
    that one counted times and the flow people (廉租补贴公示5次,分别为:复核通过166户); else the scheme
    its line is labelled with (3、廉租补贴方面:…); else the last its unit had in the paragraph."""
    about = next(((q, n.subject) for q, n in zip(reversed(a.quantities[:a.index]), reversed(a.named))
                  if n.rule in OWN_RULES and n.subject), None)
    if about is not None and not (a.quantity.unit in PERSON_UNITS and about[0].unit not in PERSON_UNITS):
        return about[1]
    line = a.text.rfind("\n", 0, a.quantity.outer_start) + 1
    label = FIELD_LINE.match(a.text, line)
    if label is not None and label.end() <= a.quantity.outer_start:
        return Subject(label.group("field").removesuffix("方面"))
    return a.memory.recall(a.quantity.unit)


# a clause of a share word alone and the link to its figure (,保障面达到…)
GROUP_SHARE_CLAUSE = re.compile(r"\s*[,，]?\s*([\u4e00-\u9fff]{3})(?:达到|达|为|是)?\s*$")


def _total_before_parts(a: Around, before: int) -> int | None:
    """The index of the total whose parts, listed after 其中 in the same unit, run up to the figure
    `before` (五保供养对象120人,其中集中供养30人,分散供养90人), None when `before` is no such part."""
    opening = a.text.rfind("其中", a.quantities[0].outer_start, a.quantities[before].outer_start)
    total = next((i for i in range(before - 1, -1, -1) if a.quantities[i].outer_end <= opening), None)
    if opening < 0 or total is None or a.named[total].subject is None \
            or any(a.quantities[i].unit != a.quantities[total].unit for i in range(total + 1, before + 1)) \
            or re.search(r"[。;；]", a.text[a.quantities[total].outer_end:a.quantity.outer_start]):
        return None
    return total


def _measure_of_topic(a: Around) -> Subject | None:
    """城市低保对象2232户4147人,保障标准为人均月255元: a measure naming nothing but itself, right
    after the figures of a group, is the group's (城市低保保障标准); so is a sum that names nothing
    alone (支出, 资金) after the count of a programme's people (城市低保累计保障3265人次,累计支出
    589万元 → 城市低保支出), and the next such sum of the sentence (当月发放资金…,累计发放资金…)."""
    own, previous = a.own.subject, a.previous
    words = _context_words()
    if own is None and unit_kinds()[a.quantity.unit] == "percent" \
            and (share := GROUP_SHARE_CLAUSE.match(a.clause)) and share.group(1) in words["group_shares"]:
        own = Subject(share.group(1))  # 保障面达到30%: the share word the subject rules read as naming nothing
    if own is None or previous is None or not a.index:
        return None
    if unit_kinds()[a.quantity.unit] != "money":
        # 农村低保19215户37184人,覆盖面为2.64%: a share of the population a group covers, named
        # alone right after the group's count, is the group's
        topic = _topic(previous) if own.text in words["group_shares"] and a.quantities[a.index - 1].unit in PERSON_UNITS \
            and unit_kinds()[a.quantity.unit] == "percent" else None
        # (城乡低保…供养人数60万人,保障面达到30%: the count's measure word goes, session-37 ruling)
        topic = topic and _without_count_measure(topic)
        verb = topic is not None and word_tag(topic) in ("v", "vn")  # 审批: a deed, no group
        return Subject(topic + own.text) if topic and topic != own.text and not verb else None
    sum_word = own.text in words["sum_words"]
    paid = tuple(words["programme_payments"])
    before = a.index - 1
    if sum_word and before and a.named[before].rule == "share_of_whole" and unit_kinds()[a.quantities[before].unit] == "percent":
        # 城市低保对象798户1523人,占非农业人口比例的5.05%,累计发放资金357.56万元: the group's share of
        # the population stands between its count and its sum, and the sum is still the group's
        before -= 1
        previous = a.named[before].subject or previous
    if sum_word and (total := _total_before_parts(a, before)) is not None:
        # 五保供养对象120人,其中集中供养30人,分散供养90人,累计支出资金86万元: after the parts of a
        # breakdown the sum is the whole's, not its last part's (§5: the programme the sentence is about)
        before, previous = total, a.named[total].subject
    # 城市低保累计发放30032人次,累计发放救助金额…: a relief's sum after a programme's own count
    sum_word = sum_word or (a.own.rule == "before_number" and _relief_sum(own.text)
                            and (_topic(previous) or "").endswith(tuple(words["programmes"]))
                            and not _several_groups(a, before))
    counted = a.quantities[before].unit
    if counted not in PERSON_UNITS and not (counted in words["times_units"] and previous.text.endswith(paid)):
        again = sum_word and a.named[-1].rule == "measure_of_topic" and previous.text.endswith(own.text)
        return previous if again else None
    if (category := _category_of_payment(_topic(previous) or "", own.text)) is not None \
            and not _breakdown_before(a, before, own.text):
        return Subject(category + own.text)
    topic = _topic(previous)
    measure = topic and _measure_word(topic, COUNT_MEASURES)
    if measure and topic[:-len(measure)].endswith(tuple(words["programmes"])):
        topic = topic[:-len(measure)]  # 城市低保人数…,发放保障资金 → 城市低保保障资金
    if (relief := _sum_of_relief(topic, own.text) or _relief_of_group(a, before, own.text)
            or _relief_of_one_group(a, before, own.text)) is not None:
        return relief
    if not (_bare_measure(own.text) or sum_word):
        return None
    if not topic or (topic == previous.text and not (sum_word and topic.endswith((*words["programmes"], *paid)))):
        return None
    if not sum_word:
        return Subject(topic + own.text)
    if PARTS.search(topic):
        return None  # 城乡低保对象、特困人员…,发放保障金: a sum of several groups is no one group's
    if topic.endswith(MONEY_SUFFIXES):
        return Subject(topic)  # 尊老金发放17704人次,发放保障资金104.72万元: the programme is the payment
    # 城市低保对象…,发放保障资金 → 城市低保保障资金, as the text writes the sum; a programme of
    # payments keeps its own word (…护理补贴保障2638人次,发放保障资金 → 护理补贴资金)
    written = own.text if topic.endswith(paid) else _sum_as_written(a.clause, words["sum_words"], own.text)
    return Subject(_joined(topic, written))


def _several_groups(a: Around, index: int) -> bool:
    """全护理63人、半护理161人、全自理65人,发放供养金; 低保对象860户,特困人员120人,发放各类救助资金:
    the sentence counted other groups' people before this one's, and a sum after them is of them all."""
    topic = _topic(a.named[index].subject)
    return any(a.quantities[i].unit in PERSON_UNITS and a.named[i].subject is not None
               and _topic(a.named[i].subject) != topic for i in range(index))


def _relief_sum(own: str) -> bool:
    """救助金额, 慰问金, 补助资金: a sum named by a verb of relief and a sum word names the
    relief, not whose it is: completed with the programme like 资金 (session-35 ruling)."""
    words = _context_words()
    return any(own.endswith(word) and own[:-len(word)] in words["relief_verbs"] for word in (*words["sum_words"], "金"))


def _sum_of_relief(topic: str | None, own: str) -> Subject | None:
    """临时救助85人次,救助金额12.3万元 → 临时救助金额: a sum named by the verb of relief a relief's name
    ends with (救助, 供养, 慰问: `relief_verbs`), after the relief's count, is that relief's; a sum of
    several groups is none's, and one a programme names (低保资金) is named already."""
    words = _context_words()
    sum_word = next((word for word in words["sum_words"] if own.endswith(word) and len(own) > len(word)), None)
    front = own[:-len(sum_word)] if sum_word else ""
    if front not in words["relief_verbs"] or not topic or not topic.endswith(front) or len(topic) <= len(front) \
            or PARTS.search(topic):
        return None
    return Subject(topic + sum_word)


def _relief_of_group(a: Around, before: int, own: str) -> Subject | None:
    """走访孤寡老人12人,慰问金共计2400元 → 孤寡老人慰问金: a bare sum named by a verb of relief
    (慰问金, 救助资金, 补助金) after a count of the group that verb was done to is that group's
    relief (session-36 ruling: a bare sum after a relief's count completed with the relief)."""
    words = _context_words()
    verb = next((v for v in words["relief_verbs"] if own.startswith(v)), None)
    group = a.named[before].subject
    if verb is None or own[len(verb):] not in ("金", *words["sum_words"]) or group is None:
        return None
    lead = GROUP_COUNT_LEAD.sub("", a.text[max(0, a.quantities[before].outer_start - 40):a.quantities[before].outer_start])
    done_to = lead.endswith(group.text) and lead[:-len(group.text)].endswith(verb)
    return Subject(group.text + own) if done_to else None


def _relief_of_one_group(a: Around, before: int, own: str) -> Subject | None:
    """孤儿226人,累计发放救助金…; 为31名优抚对象发放补助金… → 孤儿救助金, 优抚对象补助金: a sum named by
    a verb of relief (救助金, 补助金, 救助资金) or a bare subsidy (生活补贴) right after the count of one group of people is that
    group's, the group as named (session-35 ruling: money named by a programme's verb is completed
    with what its sentence names); not after a list of groups, nor where a programme names it."""
    group = a.named[before].subject
    if group is None or a.own.rule != "before_number" or not (_relief_sum(own) or BARE_SUBSIDY.fullmatch(own)) \
            or _several_groups(a, before):
        return None
    name = _without_count_measure(group.text)
    if not name.endswith(GROUP_ENDINGS) or PARTS.search(name) or not HAN.fullmatch(name[0]) \
            or _topic(Subject(name)).endswith(tuple(_context_words()["programmes"])):
        return None
    return Subject(name + own)


# A subsidy named by its kind alone (生活补贴, 护理补贴金): after one group's count it is the group's,
# as a relief's sum is (fixtures README, session 38)
BARE_SUBSIDY = re.compile(r"(?:特殊)?(?:生活|护理)?补贴(?:金|资金)?")
# what stands between a group and its count (慰问老党员共32人)
GROUP_COUNT_LEAD = re.compile(r"[\s共计合]*$")


def _category_of_payment(topic: str, payment: str) -> str | None:
    """城镇低保对象274人,月发放低保金45805元: a payment named by its programme (低保金, 五保金: the
    programme and 金) after the count of one category of that programme's people (城市, 农村, 城镇:
    one of a sister pair) is that category's (城镇低保金); after 城乡低保对象, both, it stays as
    written, and so does a payment its programme does not name."""
    programme = payment[:-1]
    if not payment.endswith("金") or programme not in _context_words()["programmes"]:
        return None
    counted = _without_count_measure(topic)  # 城市低保人数
    # (the one category counted, whatever group of its people: 城市低保老人, 享受城市低保待遇的家庭;
    # session-36 ruling: 低保金 after one category's count is that category's)
    named = [category for category in SISTER_CATEGORIES[1] if category + programme in counted]
    return named[0] if len(named) == 1 else None


def _breakdown_before(a: Around, before: int, payment: str) -> bool:
    """其中农村低保2108户3417人,城镇低保356户512人,本月支出低保金…: the count before the payment's
    closes a breakdown whose other category's count stands right before it, so the payment is
    the whole programme's."""
    first = before
    while first and a.named[first - 1].subject == a.named[before].subject:
        first -= 1  # the same group's other count (2108户|3417人)
    prior = a.named[first - 1].subject if first else None
    return prior is not None and a.quantities[first - 1].unit in PERSON_UNITS \
        and _category_of_payment(_topic(prior) or "", payment) is not None


def _sum_as_written(clause: str, sum_words: list[str], named: str) -> str:
    """The sum word a clause ends with, with the verb the text writes inside it (发放保障资金 →
    保障资金, where the subject of the clause alone, `named`, leaves 保障 out)."""
    core = re.sub(r"[\s共计为达]+$", "", clause)
    found = max((word for word in sum_words if core.endswith(word) and word.endswith(named)), key=len, default="")
    return found or named


def _joined(topic: str, measure: str) -> str:
    """A topic and the sum after it, once where the topic ends as the sum begins (贫困重度残疾人保障
    + 保障金 → 贫困重度残疾人保障金; 城乡低保 + 保障金 keeps both)."""
    for overlap in range(min(len(topic), len(measure) - 1), 1, -1):
        if topic.endswith(measure[:overlap]):
            return topic + measure[overlap:]
    return topic + measure


# Measures that name nothing alone and, right after a count, measure the thing it counted (寄宿生
# 补助人数2728人,金额165万元; 在建项目16个,面积860亩): the count's measure word goes
SAME_THING_MEASURES = frozenset({"金额", "面积"})
COUNT_MEASURES = ("人数", "户数", "人次", "数量")


def _measure_word(name: str, measures: tuple[str, ...] | list[str]) -> str | None:
    """The measure word of `measures` a name ends with (城市低保人数 → 人数), when two characters
    or more name the thing before it."""
    return next((m for m in measures if name.endswith(m) and len(name) > len(m) + 1), None)


def _without_count_measure(name: str) -> str:
    """A name without the count's measure word it ends with (城市低保人数 → 城市低保), as written
    when it ends with none."""
    measure = _measure_word(name, COUNT_MEASURES)
    return name[:-len(measure)] if measure else name


def _measure_of_counted(a: Around) -> Subject | None:
    """寄宿生补助人数2728人,金额165.175万元: a bare 金额 or 面积 right after a count, in the next
    clause, measures what that count counted (寄宿生补助), without the count's own measure word.
    A measure of what a thing yields (产量, 产值, 均价, 资金: YIELD_MEASURES) named alone there,
    after its verb or none, is that thing's, its own word kept: 粮食种植面积10.01千公顷,产量55274吨
    → 粮食产量; 生猪出栏5.9万头,产值达9585万元 → 生猪产值; 改造项目30个,资金130万元 → 改造项目资金;
    and the next such measure after it of the same thing (…产值8130万元,均价达64.72元 → 蚕茧均价)."""
    own, previous = a.own.subject, a.previous
    if own is None or previous is None or not a.index or a.own.rule != "before_number":
        return None
    if own.text in YIELD_MEASURES or own.text in STOCK_MEASURES:
        return _yield_of_counted(a, own.text, previous.text)
    if own.text not in SAME_THING_MEASURES or _family(a.quantities[a.index - 1].unit) == _family(a.quantity.unit) \
            or not re.fullmatch(r"\s*[,，]\s*" + own.text + r"\s*(?:为|达|共|约)?\s*", a.lead):
        return None
    return Subject(_without_count_measure(previous.text))


# What a thing counted before yields, named alone in the next clause (产量 and its short forms 总产,
# 单产, 总产量; 产值, 增加值, 均价, 收购量, 资金).
YIELD_MEASURES = ("总产量", "产量", "总产", "单产", "产值", "增加值", "均价", "收购量", "资金")
# The words a figure's name ends with that say how it was measured, not what it is (种植面积, 人数).
MEASURED_BY = ("面积", "人数", "户数", "人次", "数量", *YIELD_MEASURES)
# The stock and the turnover of livestock (出栏生猪26万头,存栏9万头; 肉牛存栏3.1万头,出栏2.4万头): one
# named alone after the other, in the same unit, is of the same animals (生猪存栏, 家禽出栏).
STOCK_MEASURES = ("存栏", "出栏", "出笼")


def _yield_of_counted(a: Around, measure: str, counted: str) -> Subject | None:
    """`_measure_of_counted` for a measure of yield: the clause is the measure alone, after a verb
    of two characters or none (实现产值, 完成收购量, 投入资金); the thing is the figure before's name
    without its measure word and the verb done to it (粮食种植面积 → 粮食, 生猪出栏 → 生猪). A figure
    before in the same family of units is another measure of the thing only when its name ends
    with one (产值…,均价), or holds the livestock's other stock measure (出栏生猪…,存栏). After a
    list's 、 the figure before must name its measure (油料面积…、产量)."""
    lead = re.fullmatch(r"\s*[,，、]\s*([\u4e00-\u9fff]{2})?" + measure + r"\s*(?:为|达到|达|共|约)?\s*", a.lead)
    if lead is None or (lead.group(1) and word_tag(lead.group(1)) != "v"):
        return None
    words = cut_phrase(counted.removesuffix("量"))
    stock = words[0] if words[0] in STOCK_MEASURES else words[-1] if words[-1] in STOCK_MEASURES else None
    measured = stock or _measure_word(counted, MEASURED_BY)
    if _family(a.quantities[a.index - 1].unit) == _family(a.quantity.unit) \
            and measured not in YIELD_MEASURES and not (stock and measure in STOCK_MEASURES):
        return None
    if not measured and "、" in a.lead:
        return None  # 完成入库135万斤、实现产值…: items of a list, not measures of one thing (油料面积…、产量)
    if stock:
        words = [word for word in words if word != stock]  # 出栏生猪, 家禽存栏: the animals
    elif measured:
        words = cut_phrase(counted[:-len(measured)])
    while len(words) > 1 and word_tag(words[-1]) == "v":
        words = words[:-1]  # 粮食种植, 生猪出栏: the work done to the thing
    while len(words) > 1 and word_tag(words[0]) == "v":
        words = words[1:]  # 播种农作物: the verb that counted it
    thing = "".join(words)
    if len(thing) < 2 or thing in generic_subjects() or is_place(thing) or not HAN.match(thing) \
            or (len(words) == 1 and word_tag(thing) in ("v", "vn")):
        return None  # 建设面积…,投入资金: a name that is only the work (建设) names no thing
    return Subject(thing + measure)


def _per_head_of_group(a: Around) -> Subject | None:
    """城市低保对象67户118人,发放低保金71万元,人均月补助506元: a sum per head named alone, in
    the sentence of a group's count, is the group's (城市低保人均月补助), a standard per head
    (每人每月280元) between or not (session-36 ruling: a per-head measure is completed with the
    group the nearest words name); a programme counted alone (城市低保累计保障…人次) is the group."""
    own = a.own.subject
    if own is None or unit_kinds()[a.quantity.unit] != "money" or not PER_HEAD.match(own.text):
        return None
    found = next(((q, n.subject) for q, n in zip(reversed(a.quantities[:a.index]), reversed(a.named))
                  if q.unit in PERSON_UNITS and n.subject), None)
    if found is None:
        return None
    # the nearest figure naming a programme (城市低保标准 of 每人每月280元) names the group
    nearest = next((m.group() for n in reversed(a.named) if n.subject
                    and (m := _programme_at(n.subject.text))), None)
    if nearest and nearest.endswith(PER_HEAD.sub("", own.text, count=1)):
        return None  # 城市医疗救助…,人均医疗救助: the measure names the programme already
    while nearest and (said := next((p for p in _context_words()["programmes"] if nearest.endswith(p)
                                     and p in own.text and len(nearest) > len(p)), None)):
        nearest = nearest[:-len(said)]  # 城市低保救助 before 月人均救助水平: the measure says 救助
    group = found[1]
    topic = nearest or _topic(group)
    if not topic or (topic == group.text and not nearest) or topic in own.text \
            or topic.endswith(PER_HEAD.sub("", own.text, count=1)):
        return None
    return Subject(topic + own.text)


@cache
def _programmes_named() -> re.Pattern:
    return re.compile(rf"^[^、,，]*?(?:{'|'.join(map(re.escape, _context_words()['programmes']))})+")


def _programme_at(name: str) -> re.Match | None:
    """The programme a name opens with, its category with it (城市低保 of 城市低保标准)."""
    return _programmes_named().match(name)


# A level paid or reached per head (补助水平, 月平均补助水平, 平均保障标准, 平均救助水平) says whose
# only by the programme whose people the sentence counted.
LEVEL_MEASURE = re.compile(r"(?:月|年|季)?(?:平均|人均)?(?:保障|补助|救助|补差|供养)?(?:水平|标准)")


def _level_of_group(a: Around) -> Subject | None:
    """城市低保对象42.48万人,平均保障标准569元/人.月,平均补助水平389元/人.月: a level per head
    named alone, in the sentence of a programme's count of people, is the programme's (城市低保平均
    补助水平); so after a count of the programme's cases (实施临时救助216人次,平均救助水平2337.5元
    → 临时救助平均救助水平). A bare 标准 or 保障标准 is `measure_of_topic`'s."""
    own = a.own.subject
    if own is None or unit_kinds()[a.quantity.unit] != "money" or not LEVEL_MEASURE.fullmatch(own.text) \
            or "平均" not in own.text and "水平" not in own.text:
        return None
    group = next((n.subject for q, n in zip(reversed(a.quantities[:a.index]), reversed(a.named))
                  if q.unit in PERSON_UNITS and n.subject), None)
    topic = _topic(group) or _programme_of_level(a.previous)
    if not topic or topic in own.text or not (group is None or topic != group.text
                                              or topic.endswith(tuple(_context_words()["programmes"]))):
        return None
    return Subject(topic + own.text)


LEVEL_ENDING = re.compile(LEVEL_MEASURE.pattern + "$")


def _programme_of_level(level: Subject | None) -> str | None:
    """城市低保月保障标准上调8%,月人均补助水平由…: a programme's level named right before (its
    standard) gives the programme whose other level follows (城市低保月人均补助水平)."""
    ending = LEVEL_ENDING.search(level.text) if level is not None else None
    programme = level.text[:ending.start()] if ending else ""
    return programme if programme.endswith(tuple(_context_words()["programmes"])) else None


# A bare standard opening a list of groups' rates (发放标准为A每户800元,B每户550元), the money the
# clause before gives (发放了取暖救助金), and the rate per head right before a figure.
STANDARD_OPENS_LIST = re.compile(r"((?:发放|补助|救助|保障)?标准)(?:为|是)[:：]?")
MONEY_GIVEN = re.compile(r"(?:发放|下发|发给|拨付)了?([\u4e00-\u9fff]{2,8}?(?:资金|补贴|津贴|金|款|费))\s*[,，]\s*$")
PER_HEAD_RATE = re.compile(r"每(?:人|户)(?:每?(?:月|年))?\s*$")


def _standard_by_group(a: Around) -> Subject | None:
    """…发放了冬季慰问金,标准为特困供养对象每人600元,低保对象每人400元: a group named
    before a rate per head, in the list a bare standard opens, is that group's standard of the
    money the clause before gives (特困供养对象慰问金标准)."""
    own = a.own.subject
    if own is None or unit_kinds()[a.quantity.unit] != "money" or not PER_HEAD_RATE.search(a.lead):
        return None
    before = a.text[max(0, a.quantity.outer_start - 160):a.quantity.outer_start]
    opening = next(reversed(list(STANDARD_OPENS_LIST.finditer(before))), None)
    if opening is None or re.search(r"[。；;!！?？]", before[opening.end():]):
        return None
    given = MONEY_GIVEN.search(before[:opening.start()])
    if given is None or own.text.endswith(opening.group(1)):
        return None
    return Subject(own.text + given.group(1) + opening.group(1))


# a group (its count before it), then the sum each of them got (损房户每户发放补助0.2万元,
# 为12名70岁以上独居老人每人每月发护理补贴80元)
GROUP_EACH_GOT = re.compile(r"(?P<group>[\u4e00-\u9fff\d.]{2,20}?)"
                            r"每(?:人|户)(?:每?[月年])?(?:发放|发给|发|给予)?了?"
                            r"(?P<sum>[\u4e00-\u9fff]{0,6}(?:补助|补贴|资助|救助|津贴|金|款))\s*$")
# what stands before the group: to whom (为) and how many of them (为15名)
COUNT_OF_GROUP = re.compile(r"^(?:为|向|给)|(?:为|向|给)?\s*[\d.]+万?\s*[名户人位]")


def _sum_each_of_group(a: Around) -> Subject | None:
    """损房户每户发放补助0.2万元, 为18名残疾儿童每人资助1500元: a sum each of a group got, the group
    named right before 每人/每户 (a head word closing it, or its count of people right before it), is
    that group's (损房户补助, 残疾儿童资助): the sum's word names nothing alone (session 22), and the
    group tells it apart from the other groups' sums."""
    own = a.own.subject
    if own is None or unit_kinds()[a.quantity.unit] != "money":
        return None
    start = a.quantity.outer_start
    clause = CLAUSE_BREAK.split(a.text[max(0, start - 40):start])[-1]
    found = GROUP_EACH_GOT.search(clause)
    if found is None or "标准" in found.group(0):
        return None
    given = found.group("sum")  # (a thing given, 消费券, names itself)
    written = found.group("group")
    group = COUNT_OF_GROUP.split(written)[-1]  # 为15名|80岁以上老人, 为|受灾户
    counted = bool(re.search(r"\d", written[:len(written) - len(group)]))
    if not (group.endswith(head_words()) or counted) or not HAN.search(group[-1:]) \
            or not (given.endswith(own.text) or own.text == group):
        return None
    return Subject(group + given)


# a clause of only a sum each of the group counted right before got (…低保户2965户,每户1000元;
# 居家托养80人,每人补助5000元): per head or household, and the relief verb it is paid by, if written
EACH_AFTER_COUNT = re.compile(r"\s*[,，]\s*每(?:人|户)(?:每?[月年])?(?P<verb>[\u4e00-\u9fff]{2})?\s*")


def _sum_each_after_count(a: Around) -> Subject | None:
    """走访慰问低保户2965户,每户1000元 → 低保户慰问金; 居家托养80人,每人补助5000元 → 居家托养补助: a
    sum each of a group got, in a clause of its own right after the group's count, is the group's
    relief (session-36 ruling: a per-head measure completed with the group the nearest words name),
    named by the relief verb its clause writes, else by the one the group's clause did to it (走访
    慰问 → 慰问金); none named, it is left to the other rules."""
    if not a.index or unit_kinds()[a.quantity.unit] != "money" or a.quantities[a.index - 1].unit not in PERSON_UNITS:
        return None
    group = a.named[a.index - 1].subject
    each = EACH_AFTER_COUNT.fullmatch(a.text, a.quantities[a.index - 1].outer_end, a.quantity.outer_start)
    if group is None or each is None:
        return None
    reliefs = tuple(_context_words()["relief_verbs"])
    name = _without_count_measure(group.text)
    if each.group("verb"):
        return Subject(_joined(name, each.group("verb"))) if each.group("verb") in reliefs else None
    start = a.quantities[a.index - 1].outer_start
    lead = CLAUSE_BREAK.split(a.text[max(0, start - 30):start])[-1]
    done = lead[:lead.rfind(name)] if name in lead else ""
    verb = next((v for v in reliefs if done.endswith(v)), None)
    return Subject(name + verb + "金") if verb else None


def _bare_measure(text: str) -> bool:
    """标准, 保障标准, 补助金额: a head that names nothing alone, with the compound verb before it."""
    verbs = _words("subject_compound_verbs.txt")
    return text in BARE_HEADS or (text[:2] in verbs and text[2:] in BARE_HEADS)


def _total_after_flows(a: Around) -> Subject | None:
    """城市低保新增37户,清退231户,共有2511户: the total after a topic's flows is the topic's."""
    if a.own.subject is not None or not a.named or not re.match(_context_words()["flow_total"], a.clause):
        return None
    last = next((n.subject for n in reversed(a.named) if n.rule != "inherited"), None)
    about = a.about
    flow = last and about and _flow_ending(last.text) and _flow_ending(about.text)
    return Subject(about.text[:-len(flow)]) if flow else None


def _flow_ending(text: str) -> str | None:
    """The flow a subject ends with (城市低保新增 → 新增), None when it names no flow."""
    return next((flow for flow in _context_words()["flows"] if text.endswith(flow) and len(text) > len(flow) + 1), None)


PER_HEAD = re.compile(r"(?:月|年)?(?:人均|户均)")


def _per_head_of_previous(a: Around) -> Subject | None:
    """发放低保金98万元,月人均68元: a clause that names only a rate per head is that rate of the
    figure before it (月人均低保金)."""
    if a.own.subject is not None or a.previous is None or "均" not in a.lead:
        return None
    rate = PER_HEAD.fullmatch(a.clause.strip().removeprefix("为").removesuffix("为").removesuffix("达"))
    if rate and PER_HEAD.match(a.previous.text) is None:
        return Subject(rate.group() + a.previous.text)
    return None


@cache
def _attribute_heads() -> tuple[str, ...]:
    return tuple(sorted(load_words("subject_attribute_heads.txt"), key=len, reverse=True))


def _attribute_of_owner(a: Around) -> Subject | None:
    """全县共有乡镇卫生院18个,床位960张: a clause naming only what a body has (床位, 教职工)
    right after the figure of the bodies is theirs; after a figure naming another thing they have
    (普通高中在校生9000人,教职工700人), the body that one names. The sum of all they have (总床位,
    总投资) is theirs as well; after their area (校舍工程12项,总建筑面积6400平米,总投资1100万元), the
    bodies counted before it."""
    own, previous = a.own.subject, a.previous
    own = Subject(HAVING.sub("", own.text, count=1)) if own is not None else None
    if own is None or previous is None or own.text.removeprefix("总") not in _attribute_heads() or not a.index \
            or not _opens_clause(own.text, _without_plan_words(own.text, a.clause.strip())):
        return None
    index = a.index - 1
    if index and previous.text.endswith("面积") and unit_kinds()[a.quantities[index].unit] == "measure" \
            and a.named[index - 1].subject is not None:
        index, previous = index - 1, a.named[index - 1].subject  # (the area measures the bodies too)
    owner = previous.text
    had = next((h for h in _attribute_heads() if owner.endswith(h) and len(owner) > len(h)), None)
    if had == own.text.removeprefix("总"):
        return None  # 新增养老床位3万张,总床位达到…: the total of what was just counted, no body's
    if had:
        owner = owner[:-len(had)]
    elif a.quantities[index].unit in PERSON_UNITS or unit_kinds()[a.quantities[index].unit] != "count" \
            or owner in _attribute_heads():
        return None
    if len(owner) < 2 or (own.text in INVESTING and not owner.endswith(PROJECTS)):
        return None  # 续建项目4个,总投资…: a sum invested alone is a project's (session-32 ruling)
    return Subject(owner + own.text)


HAVING = re.compile(r"^(?:共有|拥有|有)")
# what may stand before a sum invested in the counted projects, the plan or the doing of it that
# its kind tells (工业项目4个,预计总投资…; 实施在建重点项目167个,实现年度投资…)
PLANNED_OR_DONE = re.compile(r"^(?:预计|计划|规划|年度(?!投资)|当年|实现|完成|累计|已|共)+")


def _without_plan_words(name: str, clause: str) -> str:
    """The clause of an investment without the words of its plan or doing before it (session-32
    ruling: 完成, 计划 before 投资 go like any verb of doing, the kind tells them apart)."""
    return PLANNED_OR_DONE.sub("", clause) if name in INVESTING else clause


# A fund's income, named before its spending (基金收入…,支出…): no word that names nothing alone
# (收入 alone is a household's), but a sibling the 支出 after it shares its topic with.
FLOWS_OF_MONEY = ("收入",)
# What may open the clause of a sibling measure before its word: when and a verb of reaching.
SIBLING_OPENING = re.compile(r"(?:全年|今年|当年)?(?:累计|共计|共)?(?:实现|完成)?")


def _sibling_measure(a: Around) -> Subject | None:
    """X基金收入100亿元,支出90亿元; X楼宇总营收8亿元,实现总税收1亿元: a word that names nothing
    alone (generic_subjects.txt), opening the clause right after a figure in its unit named by a
    topic and another such word, is the topic's (X基金支出): the programme the sentence's figures
    are about (fixtures README, "A word that names nothing alone")."""
    own = a.own.subject
    if a.index:  # a word in another unit is another thing's (配套资金5383万元,确保9个项目)
        same = _family(a.quantities[a.index - 1].unit) == _family(a.quantity.unit)
        previous = a.previous if same else None
    else:  # the clause after a semicolon: the figure before it ended the last sentence
        opening = a.quantity.outer_start - len(a.lead)
        previous = a.memory.recall(a.quantity.unit) if a.text[opening - 1:opening] in (";", "；") else None
    clause = a.clause.strip()
    at = clause.find(own.text) if own is not None else -1
    if previous is None or at < 0 or own.text not in generic_subjects() or len(CLAUSE_BREAK.split(a.lead)) > 2 \
            or not SIBLING_OPENING.fullmatch(clause[:at]):
        return None
    measure = next((g for g in sorted((*generic_subjects(), *FLOWS_OF_MONEY), key=len, reverse=True)
                    if previous.text.endswith(g) and g != own.text), None)
    if measure is None or len(previous.text) - len(measure) < 2:
        return None
    return Subject(_joined(previous.text[:-len(measure)], own.text))


def _opens_clause(name: str, clause: str) -> bool:
    """Whether the clause opens with the name, or with the word that names nothing alone it was
    widened from (人员增加 → 卫生人员): a clause with a verb before it (设置床位) says more, one
    of having (拥有床位) does not."""
    clause = HAVING.sub("", clause, count=1)
    return clause.startswith(name) or any(
        clause.startswith(word) and name.endswith(word) for word in generic_subjects())


def _sum_of_group(a: Around) -> Subject | None:
    """发放抚恤金67万元,其中复员军人27人,32.4万元: a sum whose clause names nothing, right after
    a count of a group, is what the group got of the sum named before (复员军人抚恤金)."""
    if a.own.subject is not None or a.previous is None or not a.index \
            or unit_kinds()[a.quantity.unit] != "money" or a.quantities[a.index - 1].unit not in PERSON_UNITS:
        return None
    whole = next((i for i in range(a.index - 1) if unit_kinds()[a.quantities[i].unit] == "money"), None)
    if whole is None or "其中" not in a.text[a.quantities[whole].outer_end:a.quantities[a.index - 1].outer_start]:
        return None
    sum_named = a.named[whole].subject
    if sum_named is None or a.previous.text.endswith(sum_named.text):
        return None
    return Subject(a.previous.text + sum_named.text)


# What a part of a total of things has reached, written after its count to its clause's end
# (1所已建二层, 10所已动工建设, 8个正在装修)
STATUS_AFTER = re.compile(r"(?:已经?|正在|均已)[\u4e00-\u9fff]{2,10}(?=\s*(?:[,，;；。]|$))")


def _part_by_status(a: Around) -> Subject | None:
    """9所中心小学校舍改造有序推进,目前2所已封顶,5所已进场施工: a part of a total of things named
    by nothing but the status written after its count is the total's thing in that status, the
    status before it (已进场施工中心小学; round 27's call), as verbs telling counts apart stay."""
    if a.own.subject is not None or not a.index or unit_kinds()[a.quantity.unit] != "count" \
            or a.quantity.unit in PERSON_UNITS:
        return None
    status = STATUS_AFTER.match(a.text, a.quantity.outer_end)
    whole = next((n.subject for q, n in zip(reversed(a.quantities[:a.index]), reversed(a.named))
                  if q.unit == a.quantity.unit and n.subject and n.rule != "part_by_status"), None) if status else None
    # (the status stands for the work on the whole: 16所敬老院建设, 1所已建二层 → 已建二层敬老院)
    return Subject(status.group() + _without_work(whole.text)) if whole else None


def _without_work(name: str) -> str:
    """A thing's name without the work on it written after it (敬老院建设 → 敬老院)."""
    work = next((w for w in WORKS_ON_THING if name.endswith(w) and len(name) > len(w) + 1), None)
    return name[:-len(work)] if work else name


def _part_done(a: Around) -> Subject | None:
    """4个文化广场建设已完成3个: the part of a task done, in the task's clause and unit, is of
    what the task counts, though the words between name the work on it (建设, 改造)."""
    own, previous = a.own.subject, a.previous
    if own is None or previous is None or not a.index or a.quantities[a.index - 1].unit != a.quantity.unit \
            or CLAUSE_BREAK.search(a.lead) or not own.text.startswith(previous.text):
        return None
    return previous if own.text[len(previous.text):] in _words("subject_verbs.txt") else None


def _deed_again(a: Around) -> Subject | None:
    """新增转移农村劳动力25万人,累计转移190万人: a verb alone that named the figure before it in
    the sentence, in the same unit, counts the same thing again."""
    own, previous = a.own.subject, a.previous
    if own is None or previous is None or not a.index or own.text == previous.text \
            or _family(a.quantities[a.index - 1].unit) != _family(a.quantity.unit):
        return None
    verb = own.text
    if previous.text.startswith(verb) and len(previous.text) > len(verb) + 1 and previous.text[len(verb)] != "的":
        # (申请离婚的数量…,办理离婚的只有16851对: a verb that only opened a relative clause of the
        # name before counts its own deed, not that name's measure)
        return previous if verb in _words("subject_verbs.txt") or word_tag(verb) == "v" else None
    return previous if previous.narrowed_by and previous.narrowed_by.endswith(verb) else None


DONE = "已"


def _names_thing(word: str) -> bool:
    """A noun, or a word the tagger does not know that ends with a thing's head (安全隐患), or the
    household a name of households ends with (环保问题|户, 违建户)."""
    return word_tag(word) in NOUN_TAGS or (word_tag(word) is None and word.endswith(head_words())) or word.endswith("户")


def _deed_on_previous(a: Around) -> Subject | None:
    """排查隐患13654处,完成整改13624处: a bare verb counting what the figure before it in the
    sentence counted, in the same unit, is that deed done to the thing (整改隐患); in units of
    events the verb names the activity and stays."""
    own = a.own.subject
    # 排查隐患40个(其中重大隐患5个),已整改36个: a part bracketed right before is passed over
    at = a.index - 2 if a.index > 1 and ASIDE_CLOSED.match(a.lead) else a.index - 1
    previous = a.named[at].subject if a.index else None
    verb = own.text.removeprefix(DONE) if own is not None else ""  # 已|整改
    held = a.own.rule == "people_held" and own.text.endswith(HELD_PEOPLE)
    verb = verb.removesuffix(HELD_PEOPLE) if held else verb  # 管控|人员 after 排查居民…: 管控居民
    if own is None or previous is None or not a.index or not (a.own.rule == "before_number" or held) \
            or (verb not in _words("subject_verbs.txt") and not held) or verb in previous.text \
            or not _same_count(a.quantities[at].unit, a.quantity.unit) or a.quantity.unit in event_units() \
            or a.quantity.unit in ("人次", "户次") or a.named[at].rule not in OWN_RULES \
            or not _names_thing(cut_phrase(previous.text)[-1]) \
            or RAISE_FROM.search(a.text, max(0, a.quantities[at].outer_start - 12), a.quantities[at].outer_start):
        return None  # 上年度结转: no thing; 从860个发展到1120个: a level reached (`_reached_level`), no deed
    # the verb names the count before the thing (整改隐患), and the figure before keeps its own
    # verb beside it (发现隐患…,已整改…: fixtures README, session 33; see _verbs_tell_apart)
    return Subject(previous.text, verb)


HELD_PEOPLE = "人员"
# the close of a bracketed aside right after the figure before (…(政府挂牌督办6个),)
ASIDE_CLOSED = re.compile(r"\s*[)）]")


def _same_count(before: str, unit: str) -> bool:
    """One unit, or people counted once and then by visits (排查…5万人次,落实管控7493人)."""
    return before == unit or (before in PERSON_UNITS and unit in PERSON_UNITS)


# the rest of a list item whose sum was written before its 的-project (…的X项目、), up to the next sum
INVESTED_ITEM = re.compile(r"\s*的[^，,。；;：:]{2,40}、\s*$")


def _investment_listed(a: Around) -> Subject | None:
    """总投资10亿元的X项目、8亿元的Y项目: the sums of a list, each before its project, share the word
    of investing the first names (总投资), as a list shares its unit; each stays as written
    (fixtures README, session 32: a sum written before its project stays 投资)."""
    if not a.named or a.named[-1].rule != "of_investment" or a.previous is None \
            or a.previous.text not in ("总投资", "投资") or unit_kinds()[a.quantity.unit] != "money" \
            or not INVESTED_ITEM.fullmatch(a.lead) or not a.text.startswith("的", a.quantity.outer_end):
        return None
    return a.previous


# a 的-project right after a sum before it, then what of it is done (…的X项目,已完成)
DONE_OF_INVESTED = re.compile(rf"\s*的\s*[{REDACTION_CHARS}]*([\u4e00-\u9fff]{{2,30}}?)\s*[,，]\s*(?:已|累计|共)?完成\s*$")


def _investment_done(a: Around) -> Subject | None:
    """总投资20亿元的X项目,已完成5.4亿元: what is done of a sum written before its project is that
    project's investment (X项目投资), the project the sentence names (fixtures README, session 32);
    投资, not 总投资: the done part is no total."""
    found = DONE_OF_INVESTED.fullmatch(a.lead) if a.named and a.named[-1].rule == "of_investment" else None
    if found is None or unit_kinds()[a.quantity.unit] != "money" or a.previous.text not in ("总投资", "投资"):
        return None
    return Subject(found.group(1) + "投资")


def _deed_of_sum(a: Around) -> Subject | None:
    """争取旱灾临时救助资金190万元,救助1.8万人: a bare verb naming people, right after a sum
    named by that verb and a word of money, is the programme the sum was for (旱灾临时救助); in
    units of events (救助了21437人次) the verb names the activity counted and stays. A clause of
    only a verb of covering before the count (农村低保资金1.6亿元,保障2.6万人) names the programme
    whatever it ends with: those the sum covered, in persons or in cases (支出医疗救助资金320万元,保障
    5400人次 → 医疗救助: a verb of covering names no activity of its own, as 城市低保累计保障…人次 is
    城市低保's)."""
    own, previous = a.own.subject, a.previous
    if previous is None or not a.index or a.quantity.unit not in PERSON_UNITS \
            or unit_kinds()[a.quantities[a.index - 1].unit] != "money":
        return None
    words = _context_words()
    if own is None and re.fullmatch(rf"\s*[,，]\s*(?:共|累计)?(?:{'|'.join(words['covering_verbs'])})了?\s*", a.lead):
        # 城市低保资金7073万元,保障40192人: those the sum covered are the programme's people
        money = next((money for money in words["covering_money"] if previous.text.endswith(money)), "")
        programme = previous.text[:len(previous.text) - len(money)]
        if money and len(programme) > 1 and programme not in generic_subjects() \
                and programme not in _words("subject_verbs.txt"):  # 救助资金…,惠及: no programme named
            # 城乡低保2100户…,发放低保资金980万元,惠及1.2万人次: the programme's full name, as the
            # sentence's count of its people wrote it (§5: completed from the sentence), when it names
            # one (城市低保…,农村低保… before 低保资金 name two parts, not the programme)
            full = {n.subject.text for n in a.named[:-1] if n.subject and n.subject.text.endswith(programme)
                    and len(n.subject.text) > len(programme)}
            return Subject(full.pop() if len(full) == 1 else programme)
        return None
    if own is None or own.text not in _words("subject_verbs.txt") \
            or a.quantity.unit in event_units() or a.quantity.unit in ("人次", "户次"):
        return None
    for money in words["programme_money"]:
        programme = previous.text.removesuffix(money)
        if programme != previous.text and programme.endswith(own.text) and len(programme) > len(own.text) + 1:
            return Subject(programme)
    return None


PER_PERIOD = re.compile(r"每(?:人|户)?每?(?:月|年)|[/／](?:人[·.]?)?(?:月|年)")


def _standard_of_scheme(a: Around) -> Subject | None:
    """农村低保由每人每年3150元提高到…: a sum per head and period of a scheme named alone
    (低保, 五保供养) is the scheme's standard (农村低保标准)."""
    named = a.own.subject or a.previous
    if named is None or unit_kinds()[a.quantity.unit] != "money" or not named.text.endswith(
            tuple(_context_words()["schemes"])) or not (
            PER_PERIOD.search(a.clause) or PER_PERIOD.match(a.text, a.quantity.outer_end)):
        return None
    return Subject(named.text + "标准")


# A sum's clause naming nothing but how it was paid out (,累计发放1850万元 / ,9.6万元)
BARE_SUM_LEAD = re.compile(r"\s*[,，、]\s*(?:共|累计)?(?:发放|支出|支付)?了?\s*")


def _bare_sum_of_relief(a: Around) -> Subject | None:
    """医疗救助累计2.6万人次,累计发放1850万元; 救助生活无着人员320人次,9.6万元: a sum whose
    clause names nothing, right after the count of a relief's cases or people, is the relief's sum
    (医疗救助金额, 生活无着人员救助金额), as a bare 金额 after it is (临时救助金额: fixtures
    README, sessions 30 and 36); after a payment's count (发放高龄津贴1200人、86万元) the payment names
    both and the sum inherits it."""
    previous = a.previous
    if a.own.subject is not None or previous is None or not a.index \
            or unit_kinds()[a.quantity.unit] != "money" or a.quantities[a.index - 1].unit not in PERSON_UNITS \
            or not BARE_SUM_LEAD.fullmatch(a.lead):
        return None
    reliefs = tuple(_context_words()["relief_verbs"])
    if previous.text.endswith(reliefs) and len(previous.text) > 2:
        return Subject(previous.text + RELIEF_SUM)
    if previous.narrowed_by and previous.narrowed_by.endswith(reliefs):
        verb = next(verb for verb in reliefs if previous.narrowed_by.endswith(verb))
        return Subject(previous.text + verb + RELIEF_SUM)  # 救助|流浪乞讨人员: whom the relief went to
    return None


RELIEF_SUM = "金额"  # the measure a relief's sum is named by (临时救助金额, session 30)


# A group, then 中 and what part of it is counted (特困人员中失能半失能286人, 低保对象中残疾人120人)
AMONG_GROUP = re.compile(rf"\s*(?:其中)?(?:[全本我][省市县区镇乡村])?(?P<group>[\u4e00-\u9fff]{{2,10}}?(?:{'|'.join(PEOPLE_HEADS)}))中"
                         r"(?P<part>[\u4e00-\u9fff]{2,10}?)的?\s*$")


def _state_among_group(a: Around) -> Subject | None:
    """全区特困人员中失能半失能286人: the part of a group named by a state only (no person head) is
    that class of the group, the class before the group's name (失能半失能特困人员), as a part
    naming a class takes the total's head noun (fixtures README, session 30); a part naming people
    of its own (低保对象中残疾人) stays as written."""
    own = a.own.subject
    among = AMONG_GROUP.fullmatch(a.clause)
    if own is None or among is None or a.quantity.unit not in PERSON_UNITS or own.text != among.group("part") \
            or own.text.endswith(PEOPLE_HEADS):
        return None
    return Subject(own.text + among.group("group"))


def _own(a: Around) -> Subject | None:
    return a.own.subject


def _inherited(a: Around) -> Subject | None:
    """The subject of the figure before, passing over a share of a task (完成预期目标(5100万元)139.3%,
    比上年同期(5181万元)…: the level compared is the thing's, not the task's)."""
    return next((n.subject for n in reversed(a.named) if n.rule != "share_of_task"), a.previous)


@dataclass(frozen=True)
class ContextRule:
    name: str
    produce: Callable[[Around], Subject | None]


# Tried in order; the first that gives a subject names the figure (`own` keeps the figure's own).
CONTEXT_RULES = (
    ContextRule("level_of_task", _level_of_task),
    ContextRule("share_of_task", _share_of_task),
    ContextRule("rate_of_item", _rate_of_item),
    ContextRule("rate_of_act", _rate_of_act),
    ContextRule("task_figure", _task_figure),
    ContextRule("pull_on_growth", _pull_on_growth),
    ContextRule("change_of_level", _change_of_level),
    ContextRule("share_of_whole", _share_of_whole),
    ContextRule("category_respectively", _category_respectively),
    ContextRule("destination_part", _destination_part),
    ContextRule("place_breakdown", _place_breakdown),
    ContextRule("coordinated_breakdown", _coordinated_breakdown),
    ContextRule("owner_breakdown", _owner_breakdown),
    ContextRule("toll_breakdown", _toll_breakdown),
    ContextRule("class_of_people", _class_of_people),
    ContextRule("class_of_people", _age_class),
    ContextRule("category_breakdown", _category_breakdown),
    ContextRule("money_part", _money_part_of_programme),
    ContextRule("state_breakdown", _state_breakdown),
    ContextRule("modifier_breakdown", _modifier_breakdown),
    ContextRule("channel_breakdown", _channel_breakdown),
    ContextRule("part_by_qualifying", _part_by_qualifying),
    ContextRule("part_by_status", _part_by_status),
    ContextRule("inherited", _breakdown_unnamed),
    ContextRule("application_flow", _application_flow),
    ContextRule("topic_event", _topic_event),
    ContextRule("total_after_flows", _total_after_flows),
    ContextRule("measure_of_topic", _measure_of_topic),
    ContextRule("measure_of_counted", _measure_of_counted),
    ContextRule("per_head_of_group", _per_head_of_group),
    ContextRule("standard_by_group", _standard_by_group),
    ContextRule("sum_each_of_group", _sum_each_of_group),
    ContextRule("sum_each_of_group", _sum_each_after_count),
    ContextRule("level_of_group", _level_of_group),
    ContextRule("per_head_of_previous", _per_head_of_previous),
    ContextRule("attribute_of_owner", _attribute_of_owner),
    ContextRule("sibling_measure", _sibling_measure),
    ContextRule("sum_of_group", _sum_of_group),
    ContextRule("part_done", _part_done),
    ContextRule("standard_of_scheme", _standard_of_scheme),
    ContextRule("deed_again", _deed_again),
    ContextRule("deed_of_sum", _deed_of_sum),
    ContextRule("of_investment", _investment_listed),
    ContextRule("of_investment", _investment_done),
    ContextRule("deed_on_previous", _deed_on_previous),
    ContextRule("lone_noun_item", _lone_noun_item),
    ContextRule("people_counted", _deed_counted),
    ContextRule("people_counted", _deed_after_count),
    ContextRule("sum_of_relief", _bare_sum_of_relief),
    ContextRule("state_among_group", _state_among_group),
    ContextRule("own", _own),
    ContextRule("lone_place", _next_lone_place),
    ContextRule("inherited", _inherited),
    ContextRule("lone_place", _lone_place),
)


def _in_context(text: str, quantities: list[Quantity], index: int, lead: str, own: Named,
                named: list[Named], memory: SubjectMemory) -> Named:
    """The subject a figure takes from the figures around it (CONTEXT_RULES), else its own,
    else the one before it in its sentence. A table cell's is its row's: the figures beside it
    on the line are other rows' or columns', no context of its own."""
    if own.rule == "table_cell":
        return own
    around = Around(text, quantities, index, lead, own, named, memory)
    for rule in CONTEXT_RULES:
        subject = rule.produce(around)
        if subject is not None:
            return own if rule.name == "own" else Named(subject, rule.name)
    return own


def _names_own(own: Named, clause: str, change: re.Match) -> bool:
    """Whether a changing figure's own clause names what changed outside the words of the
    change: before them (城乡低保对象比上年减少2.1%) or after a cue that opens the clause
    (同比事故起数增加2起, 环比城市低保对象减少120户); a name inside them is what it is compared
    with (比上年)."""
    subject = own.subject
    if subject is None or CHANGE_VERB.fullmatch(subject.text):
        return False  # 同比提升8个百分点: the verb of change read as the name names nothing
    where = clause.find(subject.text)
    return where >= 0 and (where + len(subject.text) <= change.start() or where >= change.end())


def _task_phrase(text: str, quantities: list[Quantity], index: int, lead: str) -> Subject | None:
    """The task a share is of, as written: 完成年目标任务12500人的98.5% → 年目标任务."""
    pattern = _task_pattern()
    found = re.search(pattern, lead)
    if found is None and index and re.fullmatch(r"\s*[)）]\s*", lead):
        # 完成全年目标(4.29亿元)87%: the share right after the task's bracketed level
        before = text[max(0, quantities[index - 1].outer_start - 30):quantities[index - 1].outer_start]
        found = _task_before_bracket().search(before)
    if found is None and index and re.fullmatch(r"\s*的\s*", lead):
        before = text[max(0, quantities[index - 1].outer_start - 30):quantities[index - 1].outer_start]
        found = re.search(pattern.replace("的\\s*$", "\\s*$"), before)
    if found is None:
        return None
    return Subject(found.group("task"))


def _stock_name(subject: Subject) -> str:
    """The stock a figure before a list of flows counted, without its flow: 城市低保新增 → 城市低保,
    取消农村低保对象 → 农村低保对象."""
    topic = subject.text
    flow = _flow_ending(topic)  # 城市低保新增 → 城市低保
    topic = topic[:-len(flow)] if flow else topic
    # 取消农村低保99户,新增18户: the flow that opened the last figure's name is no part of the topic
    lead = next((flow for flow in _context_words()["flows"] if topic.startswith(flow) and len(topic) > len(flow) + 1), None)
    return topic[len(lead):] if lead else topic


def _topic(subject: Subject | None) -> str | None:
    """What a list of flows is about: 低保对象 → 低保."""
    if subject is None:
        return None
    topic = _stock_name(subject)
    for head in _context_words()["person_heads"]:
        if topic.endswith(head) and len(topic) > len(head):
            return topic[:-len(head)]
    return topic


@cache
def _context_words() -> dict:
    return load_toml("subject_context.toml")


@cache
def _place_pattern() -> re.Pattern:
    table = _context_words()
    return re.compile(rf"(?:{table['place']})")


@cache
def is_place(phrase: str) -> bool:
    """A place named alone (保华镇, 荷泉街道, *区, XX县区, 市本级): where a figure is, not what."""
    from transforms.metadata import _place_names

    phrase = phrase.strip("()（）")
    return phrase not in NOT_PLACES and (phrase in _place_names() or bool(_place_pattern().fullmatch(phrase)))


# Names of the gazetteer or shapes of a place name that are categories in a report's words
# (市辖区 最低生活保障标准, 民族乡15个).
NOT_PLACES = frozenset({"市辖区", "县", "市", "区", "城区", "郊区", "矿区", "新区", "开发区", "民族乡"})


def narrowed_like(subject: Subject, other: Subject) -> Subject:
    """`subject` narrowed by what narrows `other` (抽查社会组织36家、养老机构18家: 抽查 both)."""
    if not other.narrowed_by:
        return subject
    spans = other.spans[:-1] + subject.spans if len(other.spans) > 1 and subject.spans else ()
    return Subject(subject.text, other.narrowed_by, spans)


def _parts(subject: Subject) -> list[Subject]:
    """城乡低保、特困供养 → 城乡低保, 特困供养, each where it stands when the subject's text is
    one stretch of the document."""
    spans = subject.spans
    start = spans[-1][0] if spans and spans[-1][1] - spans[-1][0] == len(subject.text) else -1
    parts, position = [], 0
    for piece in PARTS.split(subject.text):
        if piece:
            where = (*spans[:-1], (start + position, start + position + len(piece))) if start >= 0 else ()
            parts.append(Subject(piece, subject.narrowed_by, where))
        position += len(piece) + 1
    return parts
