"""A report's metadata: title, agency, region, year (and where it was read), type, dates and
numbers (spec §4, the corpus conventions of tests/fixtures/real/README.md).

Agency: every issuing body the text names is a candidate, and named rules (`AGENCY_EVIDENCE`)
weigh where it stands: a letterhead or signature line, the web page's 发布机构 (or 来源, 作者
naming a body), the opening of a title, the report's own opening (现将…, 现公布…), the subject of a sentence
(2020年,市民政局在…, after a news lede 本报讯(记者…)), the body a reporter learned the news
from (记者从县医保局获悉; not a statistics office) or whose spokesperson speaks, the body a
speaker delivers the report for (我代表镇人民政府向大会报告工作), the body 我局 refers to, a plain mention
(not on the line of the report's addressees, 各县区民政局：); news naming several bodies by mention alone
has none. 国家 opens a national body's name. A body named inside 在…领导/指导下, or of a higher level
than the place the text speaks of as its own (我县 … 市残联), is a superior, never the issuer.
A body the figures are credited to (数据来源:民政部, 数据来源于…, a table's notes) or counted
(街道办事处22个) is none, and so is a body the text gives a task (县发改委要会同…); news
naming several bodies alike, or one only in passing, has no issuer.
A short name the text also gives in full (区民政局, 《环翠区民政局关于…》; 人社部 and
人力资源社会保障部) is the full name; a body named by its level alone (镇民政办) takes the one
place of that level the text speaks of for its region, and in its name where the title opens
with that place or the text names it three times or more.
A place the gazetteer lacks is read where a title, letterhead or signature opens with it
(青山县民政局). News about one place names no body: the place is the agency (成都市, 钢山街道,
the town after its county: 商南县青山镇), never a table's row nor the text's 全州, nor a place
beside the text's own (湛江市下达我市), nor a county's or higher place whose field is the subject
(广东省民政系统…, 武进区医疗保障工作…: that field's bodies, unnamed), and only for news or a town. A
town's own government named by its level alone (街道办事处) under a title opening with the town is
the town. A page label's value (来源, 信息来源, or the line under 发布机构: alone on its line) may be
an office of any length that opens with its place (巴中市人民政府民生工作办公室). Redaction
marks go (`*区民政局` → 区民政局, `##镇` → 镇); a masked town the text calls its own (xx镇 … 我镇), where no
body stands out, is the issuer. The region then comes only from places the text names. Pinyin a site put after characters
(青山镇(zhèn)) is read past.

Year: the title's (the summary's year of a `…总结及…计划` title, a multi-year plan's first,
二〇二三年 read as digits; a congress work report's review part, 一、2019年工作回顾, before it), else the
year the body works in (2020年,… / 现将2023年… / 截至2024年底 / 2013年我县… / 提高到2012年的…,
counted once a mention before a plan part, the latest of a tie; a year compared against, 比2023年,
or said to be what it is, 2026年是…之年, is never it, unless 今年 then speaks of it: 2022年是…之年,今年以来…), else the publish date's or a signature's, its month alone too (an annual report
published in its first quarter covers the year before; news speaks of its own year unless it
speaks of 去年 more; dated news's body year older than its day is a past event it narrates, and a
monthly report dates its own month), else undated news's one year, a table's header of years (the
latest), a 今年 text citing documents of one year, a conference deploying a year's work while
recapping the one before (the year before), undated news's printed address, else the file name's;
`year_source` says which. A yearbook and a work report to a congress (…政府工作报告) cover the
year before their title's; figures of several years (2020-2021年…情况) the last, a plan of
several its first; a sharing site's compilation (…(精选5篇)) has no title year; 十四五 is 2021.

The region comes from the agency through the gazetteer (transforms/gazetteer.py); the fields
it leaves empty from the places the text names (region_from_text), four counties or more of one
city named by full or short name, or a local text's province mark (豫公网安备, 豫残联[2021]23号). Report types are named
pattern rules (metadata.toml [[report_type]]) read against the title, the report's description
of itself and, without a title, its opening. Examples of every field, in our own words:
transforms/corpus/metadata/.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import takewhile
from typing import TypeVar

from transforms.clean import normalise_characters, remove_artefacts, tidy_lines
from transforms.lexicon import load_toml
from transforms.model import DocumentMeta
from transforms.readers.meta import extract_text_meta, label_key, meta_labels, split_inline_pairs
from transforms.rules import blanked
from transforms.rules.units import alternation
from transforms.simplify import to_simplified
from transforms.structure import starts_heading
from transforms.tokens import PINYIN_LETTERS

HEAD_LINES = 12
TAIL_LINES = 6
LONGEST_TITLE = 80
TITLE_WORDS = ("报告", "总结", "计划", "要点", "情况", "汇报", "规划", "纲要", "公报", "动态", "通知", "方案", "安排", "年报", "年鉴", "简讯", "简报",
               "报表", "进度表", "统计表", "汇总表", "一览表", "明细表", "台账", "自评表",  # a table published as the document
               "统计数据", "统计月报", "统计季报", "统计快报")  # a statistics release (民政统计数据, 民政事业统计月报)
DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})\s*日?")
DOC_NO_YEAR = re.compile(r"[〔\[［(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）]")
DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")
NON_CITY = {"县", "市辖区", "自治区直辖县级行政区划", "省直辖县级行政区划"}
REDACTION = "*＊×xX#＃"
# Lines that are the hosting site's furniture, not the report: breadcrumbs, links, page markers (an
# e-paper's page too: 第A02版:二版, 00002版:要闻, 当前版:01版),
# a sharing site's notes on its preview (全文预览已结束, 文档简介).
FURNITURE = re.compile(r"[>＞»]|www\.|https?:|^第\s*\d+\s*页|^第\s*[A-Za-z]?\d{1,3}\s*版|^(?:当前版\s*[:：]\s*)?[A-Za-z]?\d{1,5}\s*版(?=\s*[:：]|\s*$)|^\d+\s*/\s*\d+$|小编|范文|下载|首页|版权说明|预览|^文档简介")
LIST_MARK = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．]\s*")
PAGE_MARK = re.compile(r"^(?:第\s*\d+\s*页\s*共\s*\d+\s*页|Page\s*\d+\s*[-–—]\s*)")  # or a viewer's Page 6 - …
# A draft's mark after its title ((征求意见稿), (草案)): part of the title, and its end.
DRAFT_MARKS = "征求意见稿|送审稿|讨论稿|草案|草稿|初稿|修订稿|试行"
# A title run into the body on one line: 2022年工作总结及2023年工作计划2022年,泾县民政局… (or
# …调查报告##镇是##县…, the body opening with a masked name; or …工作安排 民政工作,事关…, a space
# before the body's first clause; or a draft's mark closing it: …规划(征求意见稿)为进一步推动…; or the
# page's labels run onto it: …工作计划发布日期:2025-06-09 信息来源:…; or a speech's salutation: …上的汇报发言尊敬的各位领导,
# or the body's first list number: …工作总结1.加快…; or the body's first sentence naming the issuer the title
# opens with: 某某局工作汇报某某局系县政府组成部门,…)
GLUED_TITLE = re.compile(r"^(?P<title>(?P<opening>[^,，。;；:：]{3})[^,，。;；:：]{1,37}?(?:总结|计划|打算|报告|汇报|要点|规划|方案|安排|发言|讲话)"
                         rf"(?:[(（](?:{DRAFT_MARKS})[)）])?)"
                         r"(?:(?<=[)）])|(?=\s*(?:\d{4}\s*年|20[Xx]{2}|今年|上半年|下半年|第?[一二三四五六七八九十]、|\d{1,2}[.．、](?!\d)|[(（]|[#＃*＊×Xx]{2}"
                         r"|尊敬的|各位|同志们|(?P=opening))"
                         r"|\s+[^\s,，。;；:：、]{2,12}[,，]"
                         r"|\s*(?:(?:发布|发文|成文)?(?:日期|时间)|(?:信息)?来源)\s*[:：]))")
LABEL_AFTER_TITLE = re.compile(r"\s*(?:(?:发布|发文|成文)?(?:日期|时间)|(?:信息)?来源)\s*[:：]")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Dates of formal documents written in Chinese numerals: 二〇二四年一月八日, 二零二三年度.
CHINESE_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0", "Ｏ": "0", "O": "0", "0": "0"}
CHINESE_YEAR = re.compile(r"(?!0{4})[〇○零ＯO0一二三四五六七八九]{4}(?=\s*年)")  # 二〇一二年, 二0一二年, 二OO九年 (a zero typed as a digit or a letter O)
CHINESE_MONTH_DAY = re.compile(r"(?<=\d年)(?P<m>十[一二]?|[一二三四五六七八九])月"
                               r"(?:(?P<d>三十一?|三十|二?十[一二三四五六七八九]?|[一二三四五六七八九])日)?")


def _chinese_number(word: str) -> str:
    """一 → 1, 十二 → 12, 二十三 → 23 (a month or a day)."""
    tens, _, units = word.rpartition("十")
    if "十" not in word:
        return CHINESE_DIGITS[word]
    return str((int(CHINESE_DIGITS[tens]) if tens else 1) * 10 + (int(CHINESE_DIGITS[units]) if units else 0))


# A date written day first with dots, its year last (01.04.2015 13:33): the order dotted dates with a
# trailing year are written in (a site's European date format), never month first.
DAY_FIRST_DATE = re.compile(r"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>(?:19|20)\d{2})(?![\d.])")


def arabic_dates(line: str) -> str:
    """二〇二四年一月八日 → 2024年1月8日, 01.04.2015 → 2015-04-01; a line without such a date is
    returned as it is."""
    if "." in line:
        line = DAY_FIRST_DATE.sub(lambda m: f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}", line)
    if not CHINESE_YEAR.search(line):
        return line
    line = CHINESE_YEAR.sub(lambda m: "".join(CHINESE_DIGITS[c] for c in m.group()), line)
    return CHINESE_MONTH_DAY.sub(lambda m: _chinese_number(m["m"]) + "月"
                                 + (_chinese_number(m["d"]) + "日" if m["d"] else ""), line)


@cache
def _config() -> dict:
    return load_toml("metadata.toml")


# ---- places ----------------------------------------------------------------------------------

@cache
def _place_names() -> frozenset[str]:
    """Every division of the gazetteer by its full name (枣庄市, 甘南藏族自治州) and its short
    name with and without a level (枣庄, 甘南州)."""
    from transforms.gazetteer import gazetteer_rows

    suffixes = sorted({"省", "市", "县", "区", "旗", "盟", "地区", "自治区", "自治州", "自治县", "自治旗",
                       "特别行政区"}, key=len, reverse=True)
    peoples = re.compile(rf"(?:(?:{alternation(_config()['agency']['peoples'])})族)+$")
    names = set()
    for row in gazetteer_rows():
        name = row["name"]
        names.add(name)
        names.update(banner_short_names(name))
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                stem = peoples.sub("", name[:-len(suffix)]) or name[:-len(suffix)]
                names.update({stem, stem + ("州" if suffix == "自治州" else suffix[-1])})
                break
    names.update(_divisions_by_name())  # the names the gazetteer lacks that a county goes by since it was made a city
    # or district (海安市, 新建县)
    return frozenset(n for n in names if len(n) >= 2)


# Inner Mongolian banners go by a short name of a first character and their wing and
# position (科尔沁右翼中旗 → 科右中旗, 土默特右旗 → 土右旗, 新巴尔虎左旗 → 新左旗).
WING_BANNER = re.compile(r"(?P<head>[\u4e00-\u9fff])[\u4e00-\u9fff]{1,2}(?P<wing>[左右])翼(?P<position>[前中后])旗")
SIDE_BANNER = re.compile(r"(?P<head>[\u4e00-\u9fff])[\u4e00-\u9fff]{2,3}(?P<side>[左右前中后])旗")  # 新巴尔虎左旗 → 新左旗
# …and a banner split east and west by its name's first character after the side (东乌珠穆沁旗 → 东乌旗).
EAST_WEST_BANNER = re.compile(r"(?P<side>[东西南北])(?P<head>[\u4e00-\u9fff])[\u4e00-\u9fff]{2,}旗")


def banner_short_names(name: str) -> set[str]:
    """The short name a banner of a wing or side goes by; none for any other division."""
    if found := WING_BANNER.fullmatch(name):
        return {found["head"] + found["wing"] + found["position"] + "旗"}
    if found := SIDE_BANNER.fullmatch(name):
        return {found["head"] + found["side"] + "旗"}
    if found := EAST_WEST_BANNER.fullmatch(name):
        return {found["side"] + found["head"] + "旗"}
    return set()


@cache
def _levels() -> tuple[str, ...]:
    return tuple(sorted(_config()["agency"]["levels"], key=len, reverse=True))


# Words of doing work (推进, 加强, 扎实): no name holds one, neither a place's nor a field's.
WORK_WORDS = r"做好|推进|加强|抓好|落实|开展|扎实|全力|积极|认真|持续|深入|全面"
# Words of a means before a unit (通过某乡人民政府公众号, 依托社区…): a clause's, no part of the unit's name.
MEANS_WORDS = ("通过", "经过", "依托", "借助")
# Those, counts (两个) and a word for the text's own or every place (全市, 本县): a phrase before a
# town's level holding one (继续推进社区, 当巴和雪两个社区, 召开全市社区) is a clause, not a town.
NOT_IN_A_NAME = (rf"{WORK_WORDS}|继续|进一步"
                 r"|取消|撤销|撤并|合并|整合|减少|规范|指导|服务|管理|覆盖|走进|进入"  # verbs taking units as their object (取消社区工作任务)
                 rf"|{'|'.join(MEANS_WORDS)}"  # a means before a unit: a clause
                 r"|推动|完成|实行|实施|进行|登录|选举|产生"  # or doing work over them (稳步推动社区居委会…, 圆满完成社区…换届, 实行镇统一领导)
                 r"|[了届]"  # a particle or a term's count (进行了社区…, 新一届社区居委会): a clause
                 r"|半年|年度|今年|明年|去年"  # a period (下半年镇工作计划: a town whose name the copy left out)
                 r"|[一二两三四五六七八九十几多\d]个"  # not 家 or 所: 三家子乡, 八所镇 are names
                 r"|[我全本各该][省市县区旗]")  # a word for the text's own or every place (召开全市社区…, 指导全县乡镇…)
# A town's name; none opens with a word for the text's own or every unit (我镇, 各乡, 乡镇) or a report's
# opening (现将镇2023年…报告如下: a masked town's own) or a title's (关于社区建设…), nor ends
# with one right before its level (立足本社区, 深入各街道: this or every unit, named by no name). A 乡 that
# opens 乡村 (崔家村乡村振兴, 柳河村乡村治理) is the word for the countryside, no township's level.
TOWN = re.compile(rf"(?![我全本各该其按促在对由从据]|谨?代表|现将|关于|乡镇|镇乡|镇街|镇村)(?:(?!{NOT_IN_A_NAME})[\u4e00-\u9fff]){{2,4}}?"
                  r"(?<![城乡本我该各此其全由在向对到])(?:镇|乡(?!村)|街道|社区|苏木)")


# A town whose name a sharing site masked (xx镇, ##镇, ××乡, **街道, XX社区).
MASKED_TOWN = re.compile(rf"[{REDACTION}]{{2,}}(?:镇|乡|街道|社区|苏木)")


# Words ending in 乡 that name no township (家乡, 故乡, 返乡, 回乡, 老乡, 下乡: home, going home, villagers): a phrase
# ending in one (看家乡事, 农民工返乡) is a town only where the towns' table lists it (王家乡, 石家乡).
HOME_WORD = re.compile(r"(?:家|故|他|异|返|回|老|下|同)乡$")


def town_at(text: str, start: int) -> str | None:
    """A town, township, subdistrict or community named at `start` (龙潭镇, 钢山街道), or one
    whose name a sharing site masked (xx镇, **街道)."""
    found = TOWN.match(text, start) or MASKED_TOWN.match(text, start)
    if found and HOME_WORD.search(found.group()):
        from transforms.gazetteer import town_counties

        return found.group() if found.group() in town_counties() else None
    return found.group() if found else None
# A corps division by its number, or by its name before 2012 (农六师, now 第六师).
DIVISION_NUMBER = "[一二三四五六七八九十]{1,3}师"
DIVISION = re.compile(f"[第农]{DIVISION_NUMBER}")
OLD_DIVISION_NAME = re.compile(f"农(?={DIVISION_NUMBER})")


def _is_place_prefix(prefix: str) -> bool:
    """Whether the words before a body name its place: nothing, a bare level (县, 省), names of
    the gazetteer one after another (浙江省, 湛江市坡头区, 坡头), a corps division, a town."""
    prefix = prefix.strip(REDACTION)
    if not prefix or prefix in _levels():
        return True
    return _splits_into_places(prefix)


@cache
def _splits_into_places(phrase: str) -> bool:
    if not phrase:
        return True
    for end in range(len(phrase), 1, -1):
        head = phrase[:end]
        if (head in _place_names() or DIVISION.fullmatch(head) or TOWN.fullmatch(head)) \
                and _splits_into_places(phrase[end:]):
            return True
    return False


@cache
def _unknown_place() -> re.Pattern:
    stops = re.escape(_config()["agency"]["unknown_place_stops"])
    return re.compile(rf"[^\W\d_{stops}A-Za-z]{{2,3}}[市县区旗]")


@cache
def _is_loose_place_prefix(prefix: str) -> bool:
    """A place prefix as _is_place_prefix, or one ending in a place the gazetteer lacks
    (青山县, 湛江市青山区): accepted only where a title, letterhead or signature opens."""
    prefix = prefix.strip(REDACTION)
    if _is_place_prefix(prefix):
        return True
    for start in range(len(prefix) - 2, -1, -1):
        if _unknown_place().fullmatch(prefix, start) and _splits_into_places(prefix[:start]):
            return True
    return False


def _place_at(text: str, start: int) -> str | None:
    """The gazetteer place named at `start`, longest first; not a text's word for its own place
    (全州, 我县) or a common word (城区), nor the head of a town's or street's name (海州社区
    names no 海州区)."""
    for end in range(min(len(text), start + 10), start + 1, -1):
        name = text[start:end]
        if name in _place_names() and name[-1] in "省市县区旗盟州":
            if name[0] in "我全本" and name[1:] in _config()["agency"]["own_place"] \
                    or text.startswith(PLACE_RUNS_ON, end) or name in _config()["region"]["common_words"]:
                return None
            return name
    return None


# ---- agencies --------------------------------------------------------------------------------

@cache
def _body_pattern() -> re.Pattern:
    """A known body, not the start of a longer word (民政部门 is no 民政部)."""
    return re.compile(rf"(?:{alternation(_config()['agency']['bodies'])})(?!门)")


@cache
def _generic_name(longest: int = 6) -> re.Pattern:
    """A department named by a generic body word (督查局, 社会股) right where it stands; a
    numeral before the word makes it a measure word (新建三处), no department, and a particle or
    preposition inside makes it a clause (市上成立了由市委), no name. Its field runs to `longest`
    characters: six in running text, where a longer run is a clause; more where the phrase is
    closed on both sides (BOUNDED_FIELD)."""
    generic = alternation(_config()["agency"]["generic"])
    return re.compile(rf"(?P<name>[{REDACTION}]*(?:{alternation(_levels())})?(?:(?!{NOT_IN_NAMES})[\u4e00-\u9fff]){{2,{longest}}}?"
                      rf"(?<![一二三四五六七八九十两几百千])(?:{generic})(?<!网站)(?<!{HOLDING_VERBS})(?![理置学员])(?<![站处](?=在)))")  # a website (市政府网站)
    # is no body, nor a verb or word the generic word opens (拟办理, 处理, 站在, 处在, 科学); a bureau before 在 is a
    # sentence's subject (某县自然资源局在县委…领导下)


# Verbs ending with 办 (举办, 承办: holding or handling a thing), no office's name (泉州不仅成功举办了…).
HOLDING_VERBS = "举办|承办|主办|创办|开办|兴办|协办|督办|交办|代办|包办|查办|操办|停办|合办"


# How long a department's field may run where its phrase is closed on both sides: a title's opening
# before its year or period (文化体育广电旅游局2023年…), a reporter's source (从某市住房和城乡建设局获悉):
# the merged bureaus of a county or city name several fields (文化体育广电旅游, 住房和城乡建设).
BOUNDED_FIELD = 10


# A field of work and the report's word after a bureau opening a title (水务局农村供水工作总结).
FIELD_WORK = re.compile(r"[\u4e00-\u9fff]{2,8}?工作(?:总结|计划|要点|报告|汇报|打算|安排|思路)")


def _bureau_at_its_work(name: str, rest: str) -> bool:
    """Whether a bureau, commission or office (…局, …委, …办) opening a title is followed by its field
    of work and the report's word (2023年水务局农村供水工作总结): the report of its work in that field.
    A centre or station there (养老服务站运营工作总结) is the work's object."""
    return name[-1] in "局厅委办" and bool(FIELD_WORK.match(rest))


def _department_at(phrase: str, start: int, bounded: bool) -> re.Match | None:
    """A department named by a generic body word at `start`; in a closed phrase (`bounded`) its
    field may run to BOUNDED_FIELD characters, holding no known body (道客巴巴县卫生健康局 is a
    site's name run into a body's)."""
    found = _generic_name().match(phrase, start)
    if found or not bounded:
        return found
    found = _generic_name(BOUNDED_FIELD).match(phrase, start)
    return found if found and not _body_pattern().search(found.group()) else None


# Particles and prepositions no body's name holds (了, 由, 把, 被, 在), nor the modal of what a subject will do
# (巴南区将采取民办公助…; not 将乐县, 将军路街道): a phrase with one is a clause.
NOT_IN_NAMES = "[了由把被在]|将(?![军乐])"


# What opens a department's phrase that names no one body (我局, 全县各股, 本科室, 该中心).
GENERAL_WORDS = ("我", "全", "本", "各", "该")
# A count after a body's word makes it a kind of body counted (街道办事处22个), no body.
COUNTED = re.compile(r"\s*(?:\d+|[一二三四五六七八九十百千]+)\s*(?:个|家|所|处)")
LONGEST_PLACE = 16  # characters of the places before a body (新疆维吾尔自治区乌鲁木齐市天山区)
# A government's office named by its field after it (巴中市人民政府民生工作办公室): one body, not the government.
FIELD_OFFICE = re.compile(r"[\u4e00-\u9fff]{2,8}?办公室")


def _names_ending_at(text: str, body_start: int, body_end: int) -> str | None:
    """The agency a body word ends: the body with the longest place before it."""
    for start in range(max(0, body_start - LONGEST_PLACE), body_start + 1):
        if _is_place_prefix(text[start:body_start]) and not _conjunction_at(text, start) \
                and not GLUED_PLACE_TAG.match(text, start, body_start) \
                and text[max(0, start - 1):start + 1] not in MEANS_WORDS:  # a site's tag glued on (青田 + 青田县民政局), nor a
            # name cut out of a means before it (通过 + 某乡人民政府: 过某乡 is no town)
            return text[start:body_end]
    return None


def _conjunction_at(text: str, start: int) -> bool:
    """A place name opening with a conjunction right after a word (镇党委和县残联), not after its
    province or city: the conjunction and a level, not the county of that name (和县)."""
    return text[start:start + 1] in CONJUNCTIONS and start > 0 and bool(CJK.match(text, start - 1)) \
        and text[start - 1] not in "省市州盟"  # 马鞍山市和县民政局 is the county's


CONJUNCTIONS = "和与及"


def known_agencies(text: str, opening: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, name) of every known body the text names with its place; a body inside a
    longer name (遵义市残联康复中心, 黔残联, 青山县民政局 of a 青山县 the gazetteer lacks) is none.
    With `opening` (a title, letterhead or signature line) the text may open with a place the
    gazetteer lacks (青山县民政局)."""
    config = _config()["agency"]
    found = []
    for match in _body_pattern().finditer(text):
        if opening and not found and 0 < match.start() <= LONGEST_PLACE and _is_loose_place_prefix(text[:match.start()]) \
                and not GLUED_PLACE_TAG.match(text, 0, match.start()):
            found.append((0, match.end(), text[:match.end()]))
            continue
        name = _names_ending_at(text, match.start(), match.end())
        start = match.end() - len(name) if name else -1
        before = text[start - 1:start] if start > 0 else ""
        bare = name is not None and name[:len(name) - len(match.group())].strip(REDACTION) in _levels()
        if not name or text.startswith(tuple(config["longer_name"]), match.end()) or COUNTED.match(text, match.end()) \
                or (match.group().endswith("政府") and FIELD_OFFICE.match(text, match.end())) \
                or (CJK.match(before) and name == match.group() and before not in config["bare_body_after"]) \
                or (CJK.match(before) and bare and before not in config["bare_level_after"]):
            continue
        found.append((start, match.end(), name))
    return found


# What runs on from a generic word that ends no name (绍兴市政府办公室 read to 政府, 市场监管局 read to 市):
# a character that continues a body's word.
OFFICE_RUNS_ON = re.compile(r"[办室长属]")


def _agency_opening(phrase: str, generic_after: tuple[str, ...] | None, unit: bool = True) -> str | None:
    """The agency a phrase opens with: a known body, with the unit named after it unless `unit` is
    false, or a department named by a generic body
    word (社会股, 县督查局). In a title (`generic_after` given) the department must be followed
    by one of those words or by no Chinese character; as a sentence's subject
    (`generic_after` None) it must open with its place or level and be followed by no link to
    another noun (的, 和). A place's department named by its field (张掖市劳动保障部门) is one too."""
    opening = next(iter(known_agencies(phrase, opening=generic_after is not None)), None)
    if opening and opening[0] == 0:
        return opening[2] + (_sub_unit(phrase, opening[1]) if unit else "")
    town_government = TOWN_GOVERNMENT_SUBJECT.match(phrase) or MASKED_LEADERSHIP.match(phrase) or MASKED_SUBJECT.match(phrase) \
        if generic_after is None else None
    if town_government:
        return re.sub(r"\s", "", town_government.group())  # a town's government by its level alone as a sentence's subject
        # (五年来,镇政府在…), a masked town's party committee and government (xx 镇党委、政府在…), or a masked town
        # (…领导下,*街道认真贯彻…)
    place = _place_at(phrase, 0)
    department = place and PLACED_DEPARTMENT.match(phrase, len(place))
    if department and not phrase.startswith(("的", "和", "与", "及", "、"), department.end()):
        return phrase[:department.end()]  # 张掖市劳动保障部门, as the text names it
    office = place and _department_at(phrase, len(place), generic_after is not None)
    if office and len(office.group()) >= 3 and not office.group().startswith(GENERAL_WORDS) and (
            generic_after is not None and (office.end() == len(phrase) or not CJK.match(phrase, office.end())
                                           or phrase.startswith(generic_after, office.end())
                                           or _bureau_at_its_work(office.group(), phrase[office.end():]))
            or generic_after is None and office.end() < len(phrase) and CJK.match(phrase, office.end())
            and phrase[office.end()] not in "的和与及、" and not OFFICE_RUNS_ON.match(phrase, office.end())
            and not office.group().endswith("政府") and not re.search(rf"{NOT_IN_A_NAME}|的", office.group())
            and not town_at(phrase, len(place))):
        return phrase[:office.end()]  # a title opening with a known place and a department (宁国市农业农村局2023年…),
        # or a sentence (2021年,绍兴市司法局坚持…; not 平江县深入推进法治政府建设, 醴陵市某镇新建的中心…: a clause)
    match = _department_at(phrase, 0, generic_after is not None)
    if not match or match.group().startswith(GENERAL_WORDS):
        return None
    name, rest = match.group(), phrase[match.end():]
    if name.endswith("中心") and rest.startswith("工作"):
        return None  # 围绕中心工作: the phrase for the main work, no centre's name
    department = name.lstrip(REDACTION)
    placed = False
    for level in _levels():
        if department.startswith(level):
            department, placed = department[len(level):], True
            break
    if department.startswith(("党委", "党工委")):
        return None  # 镇党委政府, 街道党工委: the place's party committee and government, no department
    if name.endswith("政府") and not placed and not _is_loose_place_prefix(name.lstrip(REDACTION)[:-2].removesuffix("人民")):
        return None  # a government is a place's (人民代表大会政府工作报告 names none)
    if generic_after is None:  # a name a number follows is a table row's label (社区服务中心 16)
        follows = placed and (not rest or rest[0] not in "的和与及、") and not re.match(r"\s*\d", rest)
    else:
        follows = not rest or not CJK.match(rest) or rest.startswith(generic_after) or _bureau_at_its_work(name, rest)
    return name if len(department) >= 3 and follows else None


# A masked town's party committee and government together (xx镇党委、政府, **乡党委政府, XX街道党工委、办事处): the
# leadership the masked text names as the subject of its work, as it names it (session 27: a masked text's agency as written).
MASKED_LEADERSHIP = re.compile(rf"[{REDACTION}]+\s?(?:镇|乡|街道)(?:党委|党工委)、?(?:人民政府|政府|办事处)")
# A title opening with a town, masked or by its level alone (XX镇2022年…, 镇政府上半年…; not 乡镇, every town).
TOWN_TITLE = re.compile(rf"[{REDACTION}]*\s?(?!乡镇|镇乡)(?:镇|乡|街道)")
# A masked town, one mark or more (*街道, XX镇), no link to another noun after it: a sentence's subject.
MASKED_SUBJECT = re.compile(rf"[{REDACTION}]+(?:镇|乡|街道)(?=[\u4e00-\u9fff])(?![的和与及、党人政办])")
# A town's government named by its level alone (镇政府, 乡政府), no link to another noun after it (镇政府和镇党委).
TOWN_GOVERNMENT_SUBJECT = re.compile(rf"[{REDACTION}]*(?:镇|乡)政府(?![的和与及、办网])")


# A unit of a body named right after it (市民政局婚姻登记处, 省民政厅殡葬中心, 民政局救灾科,
# 省民政厅社会组织管理局): a name of two to six characters ending with a unit's word, none of them a
# level (县民政局县财政局 are two bodies), a link (和, 的, 在) or a verb that takes a unit as its object
# (组织社区服务中心, 指导乡镇民政办: the body's work, not its unit; 社会组织 is a noun), nor its stance
# (坚持以人民为中心).
SUB_UNIT = re.compile(rf"(?![{REDACTION}]|(?:{'|'.join(('省', '市', '州', '盟', '县', '区', '旗', '镇', '乡', '街道', '社区', '国家'))})"
                      r"|[我全本各该其和与及、的])"
                      rf"(?:(?!{WORK_WORDS}|{NOT_IN_NAMES}|[的和与及、]|(?<!社会)组织|指导|督促|会同|联合|协调|要求|安排|委托|牵头|召开|举办"
                      r"|设立|成立|建立|局长|厅长|部长|主任|负责|领导|党组|机关|坚持|以)[\u4e00-\u9fff]){2,6}?"
                      r"(?:处|科|股|中心|站|所|管理局)")
# What follows a unit that is the subject or issuer: the end of the phrase (从…获悉 closes it), no
# character, an officer of it (副局长王林介绍), its work (…工作总结, 共办理, 在…方面), a title's period (…处上半年工作总结).
SUB_UNIT_END = re.compile(rf"$|[^\u4e00-\u9fff]|副|(?:{WORK_WORDS})|工作|共|在|于|今年|全年|上半年|下半年|年度|(?:有关|相关)?负责人"
                          r"|(?:局长|厅长|主任|处长|科长|站长|所长)")


def _sub_unit(phrase: str, end: int) -> str:
    """The unit of the body ending at `end` the phrase names right after it (婚姻登记处 in
    市民政局婚姻登记处共办理…), the issuer as the text names it; "" when none."""
    unit = SUB_UNIT.match(phrase, end)
    if not unit or unit.group().endswith("中心") and phrase.startswith("工作", unit.end()):
        return ""  # 围绕中心工作: the phrase for the main work, no centre's name
    return unit.group() if SUB_UNIT_END.match(phrase, unit.end()) else ""


@dataclass(frozen=True)
class AgencyEvidence:
    """A named rule: where in the text a candidate issuer stands, and how much that says."""

    name: str
    weight: int
    find: Callable[["_Reading"], list[str]]


@dataclass
class _Reading:
    """What the agency rules read: the text, its lines, title-like lines and page fields."""

    text: str
    lines: list[str]
    titles: list[str]
    page: dict[str, str]

    @cached_property
    def site_names(self) -> set[str]:
        """Head lines over a breadcrumb or other furniture: the hosting site's name
        (青州市人民政府 / 首页 > 政务公开), never a letterhead."""
        head = self.lines[:HEAD_LINES]
        return {line for line, following in zip(head, head[1:])
                if FURNITURE.search(following) or BREADCRUMB.search(following)}

    @cached_property
    def named(self) -> list[tuple[int, int, str]]:
        """Every known body the whole text names (read once for the rules that need it), but
        on the line of the report's addressees (各县区人社局、局相关单位：), after a 数据来源: that
        credits the figures to another body (数据来源:民政部), or after the word for working with a
        partner (与县财政局联合…, 会同县医保局), or where it names a body's website (通过“某县人民政府网站”公开…:
        where the report was posted, its place still the text's)."""
        addressees = [m.span() for m in ADDRESSEE_LINE.finditer(self.text)] \
            + [m.span() for m in DATA_SOURCE.finditer(self.text)]
        return [found for found in known_agencies(self.text)
                if not any(start <= found[0] < end for start, end in addressees)
                and not PARTNER_BEFORE.search(self.text, max(0, found[0] - 2), found[0])
                and not WEBSITE.match(self.text, found[1])]


# A body's website after its name (某县人民政府网站, …门户网站, …政务网), or its gazette (《某市人民政府公报》, the
# government's own periodical a disclosure report counts the issues of): a publication, no body.
WEBSITE = re.compile(r"(?:门户)?(?:网站|政务网|网)|公报")
# What stands before a partner the issuer works with (与县财政局联合印发, 会同县医保局): not the issuer.
PARTNER_BEFORE = re.compile(r"(?:与|会同|联合|协同|配合)$")


# A date beside a body's name on its line (2012-03-23 某县统计局, a mirror's date line under the title; 某县民政局
# 2024年1月8日, a signature with its date): the line names the body as a signature does.
_BARE_DATE = re.sub(r"\?P<\w+>", "?:", DATE.pattern)
DATED_NAME = re.compile(rf"^{_BARE_DATE}(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?[ \t\u3000]+|[ \t\u3000]+{_BARE_DATE}$")


# A news outlet's name (某县新闻中心, 某县融媒体中心, 某某日报社): a story's publisher; 新闻出版局 is a bureau.
NEWS_OUTLET = re.compile(r"(?:新闻中心|新闻网|融媒体中心|日报社?|晚报|时报|报社|电视台)$")


def _standalone_lines(reading: _Reading) -> list[str]:
    found = []
    for line in reading.lines[:HEAD_LINES] + reading.lines[-TAIL_LINES:]:
        line = line.strip()
        if line in reading.site_names:
            continue
        line = DATED_NAME.sub("", line)
        if NEWS_OUTLET.search(line):
            continue  # a news outlet's byline, with its time or not (2016-01-29 某县新闻中心): the story's publisher, no issuer
        for start, end, name in known_agencies(line, opening=True):
            if start == 0 and end == len(line):
                found.append(name)
        if len(line) <= LONGEST_NAME and _placed_office(line) and line not in found:
            found.append(line)  # a signature naming a body the lists do not know (巴中市人民政府民生工作办公室)
    return found


def _page_publisher(reading: _Reading) -> list[str]:
    value = reading.page.get("agency", "")
    return [value] if value and not _bare_department(value) else []


def _page_department(reading: _Reading) -> list[str]:
    """A page label naming a department by its generic word alone (来源:宣传处, 来源:计划财务处): an
    office of the site's body, the issuer only where the text names no body more surely."""
    value = reading.page.get("agency", "")
    return [value] if value and _bare_department(value) else []


def _bare_department(value: str) -> bool:
    """A department named by a generic body word with no place or level before it (宣传处, 计划财务处)."""
    return not known_agencies(value, opening=True) and not value.startswith(_levels()) and not _place_at(value, 0) \
        and not TOWN.fullmatch(value) and bool(_generic_name().fullmatch(value))


PAGE_VALUE_END = re.compile(r"[\s|【\[]")


def page_publisher(value: str) -> str | None:
    """The body a page label names (来源:科右中旗民政局, 来源: 计划财务处【字体】): its value up to
    the next field, when that is a body's whole name (its place may be one the gazetteer
    lacks) or a department named by a generic body word, or a town (发布机构: 龙潭镇, 发文机构:
    大姚县金碧镇: its government as the page names it); a news site or media centre (来源:西岭新闻网, 县融媒体中心)
    and a person (作者:王林) are none."""
    value = PAGE_VALUE_END.split(value.strip(), 1)[0]
    if not value or any(source in value for source in _config()["news"]["sources"]):
        return None
    if _town_name(value):
        return value
    if any(start == 0 and end == len(value) for start, end, _ in known_agencies(value, opening=True)):
        return value
    if _generic_name().fullmatch(value) and not value.startswith(GENERAL_WORDS):
        return value
    return value if _placed_office(value) else None


# A village named right after its town (泷泊镇崔家村, 内官营镇锦屏村): 村 not opening a word of the
# village's people or bodies (镇村民, 镇村委会, 镇村级), nor after a word for every or all villages (镇各村, 全村).
VILLAGE_AFTER = re.compile(r"(?![各全每本该所辖其两三四五六七八九十])[\u4e00-\u9fff]{1,3}?村(?![民委级务组干])")


def _village_of(agency: str | None, openings: list[str]) -> str | None:
    """A town the issuer seems to be, named in the title, first line or first sentence right before
    a village (2021年以来,双牌县泷泊镇崔家村认真落实…): the village's report, by the village's name
    (a village body, the level of a town)."""
    if not agency or not TOWN.fullmatch(agency):
        return None
    for opening in openings:
        at = opening.find(agency)
        found = VILLAGE_AFTER.match(opening, at + len(agency)) if at >= 0 else None
        if found:
            return found.group()
    return None


def _town_name(name: str) -> bool:
    """A town's name, bare (龙潭镇) or after the places it lies in (大姚县金碧镇: `_placed_town`)."""
    return bool(TOWN.fullmatch(name)) or _placed_town(name)


def _placed_town(name: str) -> bool:
    """A town named after the places it lies in (大姚县金碧镇, 嵊州市甘霖镇): a town, as a page's 发文机构
    names its government."""
    place = _place_at(name, 0)
    return bool(place) and (bool(TOWN.fullmatch(name, len(place))) or _placed_town(name[len(place):]))


# The words ending an office's name (武城县统计局), which a headline's object (…养老服务中心) does not end with.
OFFICE_WORDS = ("局", "厅", "委员会", "委", "办公室", "办事处", "办")


def _placed_office(name: str) -> bool:
    """A body's whole name opening with its place and ending with a body's word, however long
    its middle (巴中市人民政府民生工作办公室, 宣城市民生工作领导小组办公室)."""
    return bool(_office_name().fullmatch(name)) and bool(_place_at(name, 0) or name.startswith(_levels()))


@cache
def _office_name() -> re.Pattern:
    """`_placed_office`'s shape, compiled once."""
    return re.compile(rf"[\u4e00-\u9fff]{{3,30}}(?:{alternation(_config()['agency']['generic'])})")


# What may stand before the issuer in a title: its year, 关于, the party group's 中共 (中共
# XX县民政局党组2023年工作总结 is the bureau's).
# What a title may open with before its issuer or place: its year (or the day of a daily
# report, 2021年10月8日,), its period, 关于, 中共.
# A news headline may open with the months its figures run over (前9月, 1-9月, 前三季度, 今年以来).
TITLE_PREFIX = re.compile(r"^\s*(?:\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[,，]?)?度?|上半年|下半年|第?[一二三四]季度|关于|中共"
                          r"|某(?=[省市州盟县区旗镇乡]|街道)"
                          r"|前\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*个?月份?|前[一二三]季度|\d{1,2}\s*[-—~～至]\s*\d{1,2}\s*月份?|今年(?:以来)?)*")


# A title opening with a town's level alone (镇2010年工作总结…, 街道2021年工作总结…): a town's report.
TOWN_LEVEL_TITLE = re.compile(r"(?:镇|乡|街道|社区)(?:人民政府|政府|办事处)?(?=\d|上半年|下半年|年度|全年|今年|工作"
                              r"|[\u4e00-\u9fff]{2,4}?工作(?:总结|计划|要点|打算|安排|汇报|报告))")  # or its field's (镇农业工作计划)
# A government named by its level alone opening a title (镇政府2019年工作总结, 乡人民政府上半年…, 2021年市政府拟办理…).
TOWN_GOVERNMENT_TITLE = re.compile(r"(?:镇|乡|街道)(?:人民政府|政府|办事处)(?=\d|上半年|下半年|年度|全年|今年|工作|关于)"
                                   r"|(?:省|市|州|盟|县|区|旗)(?:人民)?政府(?![办网]|[\u4e00-\u9fff]{2,4}工作)")  # or a county's or
# city's (市政府拟办理…), not over a field's work (县政府民政工作总结: the field's bureau's)


def _title_openings(reading: _Reading) -> list[str]:
    after = tuple(_config()["agency"]["title_after"])
    found = []
    for title in reading.titles:
        opening = TITLE_PREFIX.sub("", title)
        name = _agency_opening(opening, after) or _agency_opening(title, after) or _issuer_before_about(opening) \
            or ((town := TOWN_GOVERNMENT_TITLE.match(opening)) and town.group()) or _placed_town_opening(opening, after)
        if name and not VISITING.match(opening if opening.startswith(name) else title, len(name)):
            found.append(name)
    return found


def _title_issuers(reading: _Reading) -> list[str]:
    """The issuer an official document's own title names before its 关于 (某县…办公室关于…的通知): its
    author, over a page label naming the department that posted it (信息来源:某县发改委)."""
    return [name for title in reading.titles[:1] if (name := _issuer_before_about(TITLE_PREFIX.sub("", title)))]


def _placed_town_opening(opening: str, after: tuple[str, ...]) -> str | None:
    """A title opening with a town after the places it lies in, then its year or period
    (平城区振华街道2021年…, 某县龙潭镇上半年工作总结): the town, as the title names it, even under a
    county the gazetteer lacks (a district since renamed)."""
    for start in range(2, min(len(opening), LONGEST_PLACE) + 1):
        town = TOWN.match(opening, start)
        if town and _is_loose_place_prefix(opening[:start]) \
                and (re.match(r"\s*\d", opening[town.end():]) or opening.startswith(after, town.end())):
            return opening[:town.end()]
    return None


# A body coming to the text's own place (民政部到我市调研…, 省残联来我县检查…): a visitor the news is
# about, not the issuer.
VISITING = re.compile(r"[^，,。\s]{0,8}?(?:到|来|莅临|赴)\s*我[省市县区州盟旗镇乡]")


def _issuer_before_about(opening: str) -> str | None:
    """A title's issuer before its 关于 (宣城市民生工作领导小组办公室关于…的通知): a name opening with
    its place and ending with a body's word, however long its middle; a site's tag before it
    (【保基本民生】) goes."""
    opening = LEADING_TAG.sub("", opening)
    found = re.match(rf"(?P<name>[\u4e00-\u9fff]{{3,30}}?(?:{alternation(_config()['agency']['generic'])}))关于", opening)
    if not found or not (_place_at(opening, 0) or opening.startswith(_levels())):
        return None
    return found["name"]


REPORT_OPENING = re.compile(r"现(?:将|公布|发布)(?P<rest>[^。，,]{2,30})|本(?:报告|年报)(?:是(?:根据|依据|按照)[^。]{2,60}?[,，]\s*)?由"
                            r"(?P<maker>[^。，,]{2,30}?)(?:根据[^。，,]*)?(?:编制|制作|编写|起草)")  # 本报告由某局根据…编制, 本报告是根据…,由某局编制的


REPORTED_YEAR = re.compile(r"^\s*(?:19|20)\d{2}\s*年度?\s*")


def _report_openings(reading: _Reading) -> list[str]:
    """现将市民政局自查情况报告如下; 本报告由县政府办公室编制; 2023年度区民政局上半年工作总结."""
    found = []
    for match in REPORT_OPENING.finditer(reading.text):  # the year the report is of before its issuer (现公布2023年县民政局…)
        name = _agency_opening(REPORTED_YEAR.sub("", match.group("rest") or match.group("maker")), ())
        if name:
            found.append(name)
    pattern = re.compile(rf"(?:\d{{4}}\s*年度?)(?P<name>[^,，。、\s]{{2,20}}?(?:{alternation(_config()['agency']['bodies'])}))"
                         r"(?:上半年|下半年|年度)?(?:工作)?(?:总结|报告|汇报)")
    found += [m.group("name") for m in pattern.finditer(reading.text)
              if _is_place_prefix(m.group("name")[:-len(_body_pattern().search(m.group("name")).group())])]
    return found


# Where a disclosure report's closing says it is posted and whom to ask about it (本报告的电子版可在某县财政局信息公开栏目
# 查阅, 如对本报告有任何疑问,请与某县财政局信息中心联系): the body issuing it, by its name.
REPORT_CONTACT = re.compile(r"(?:报告(?:的)?电子版[^。\n]{0,8}?在|对本报告[^。\n]{0,10}?请与)\s*(?P<name>[^\s,，。、(（]{3,30}?)"
                            r"(?:门户网站|政府网站|网站|信息公开(?:栏目|专栏|平台|网站)|政务公开(?:栏目|专栏)|信息中心|办公室)?\s*(?:联系|查阅|下载|[(（])")


def _report_contacts(reading: _Reading) -> list[str]:
    return [name for m in REPORT_CONTACT.finditer(reading.text) if (name := _agency_opening(m["name"], ())) == m["name"]]


@cache
def _opener() -> re.Pattern:
    return re.compile(_config()["sentence_openers"]["pattern"])


# The last characters of every body and generic body word, and how far an issuer's name runs
# (a place of up to 16 characters and its body): a sentence without one near names none.
LONGEST_NAME = 32


@cache
def _name_end() -> re.Pattern:
    agency = _config()["agency"]
    return re.compile("[" + "".join(sorted({word[-1] for word in agency["bodies"] + agency["generic"] + ["部门"]})) + "]")
ADDRESSEE = re.compile(r"[^\n。，,]{2,24}[:：]\s*(?:\n|$)")
# A line that names whom the report is sent to: short, ending with a colon, no sentence in it.
ADDRESSEE_LINE = re.compile(r"^[^\n。:：]{2,60}[:：][ \t]*$", re.MULTILINE)
# Where the figures are credited to a body (数据来源:民政部, 本表数据来源于省民政厅) and a table's
# notes (注:…, ①…由省民政厅按统一口径调整): about the data, never naming the issuer.
DATA_SOURCE = re.compile(r"(?:数据|资料|信息)来源(?:于|\s*[:：])[^\n。]*|^[ \t]*(?:注\s*[:：]|[①②③④⑤⑥⑦⑧⑨⑩])[^\n]*",
                         re.MULTILINE)
FIGURES_SOURCE = re.compile(r"(?:数据|资料)来源(?:于|\s*[:：])")  # not a page's 信息来源: label
CLAUSE_BREAK = re.compile(r"[。，,；;！!？?\n]")
# where a sentence starts; a reporter's source clause (记者从…获悉,) opens the news's first statement too
# (and a news story's time word after the clauses of its purpose: …确保…温暖过冬,近日,某县民政局为…,
# …,自1月20日起,某县陆续…: what follows is the story's statement)
SENTENCE_START = re.compile(r"(?:^|[。！？!?\n]|第[一二三四五六七八九十]篇|(?:获悉|了解到|得知)[,，:：]"
                            r"|[,，](?=\s*(?:近日|日前|近期|自\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?起)\s*[,，]))\s*")
CLAUSE_START = re.compile(r"(?:^|[。！？!?\n,，;；])\s*")


def _subject_starts(text: str) -> Iterator[int]:
    """Where each sentence's subject may start: after the sentence's start (`SENTENCE_START`) and its
    opener (a time phrase, 在…下: `_opener`)."""
    for match in SENTENCE_START.finditer(text):
        opener = _opener().match(text, match.end())
        yield opener.end() if opener else match.end()


CLAUSE_OPENER_REACH = 90  # a clause's time phrase and 在…下 (up to 60) and its unit's name


@cache
def _unit_work() -> re.Pattern:
    """A town-level unit's last characters before its work (…镇民政工作, …社区的工作)."""
    work = alternation(_config()["agency"]["work_subject"]["words"])
    return re.compile(rf"(?:{alternation(_config()['agency']['town_units'])})(?:的)?(?:{work})")


# What follows a body the text gives a task (县发改委要会同…督导, 县民政局负责…, 各单位务必…): a
# notice's addressee, not its issuer.
DIRECTED = re.compile(r"\s*(?:要(?!求)|应当|应(?![急对用])|须|必须|务必|负责(?!人|同志)|牵头)")


def _sentence_subjects(reading: _Reading) -> list[str]:
    """Bodies that open a sentence as its subject, after a time phrase and 在…下 (2020年初,
    县督查局对…); a body's work as the subject names its unit (一年来六安里社区民政工作…)."""
    found = []
    work = alternation(_config()["agency"]["work_subject"]["words"])
    titled = any(TOWN_TITLE.match(TITLE_PREFIX.sub("", title)) for title in reading.titles)
    starts = list(_subject_starts(reading.text))
    for start in starts:
        phrase = reading.text[start:start + 40]
        if not (_name_end().search(phrase, 0, LONGEST_NAME) or MASKED_SUBJECT.match(phrase)) or ADDRESSEE.match(phrase):
            continue  # no body's last character near (nor a masked town, *街道); 县人大常委会: is whom the report is sent to
        name = _agency_opening(phrase, None)
        if name and titled and MASKED_LEADERSHIP.fullmatch(name):
            continue  # a masked town's leadership under a title naming the town (XX镇2022年…, 镇政府…): the title's name
        if name and not _body_pattern().search(name) and phrase.split("\n", 1)[0].strip() in reading.titles:
            continue  # a headline's subject (甘肃省综合养老服务中心实现…) is what the news is about, not its issuer
        if name and ATTENDING.match(reading.text, start + len(name)):
            continue  # its officers among those who attended (市政协副主席王林、副区长…出席): a guest, not the issuer
        if name and not phrase[len(name):len(name) + 1] in ("的", "和", "、", "与", "及") \
                and not DIRECTED.match(phrase, len(name)) and not CELL_END.match(phrase, len(name)) \
                and phrase.split("\n", 1)[0] not in reading.site_names:
            found.append(name)
            continue
    towns = Counter(town for start in starts if re.search(rf"{YEAR}\s*[,，]\s*$", reading.text[max(0, start - 8):start])
                    and (town := town_at(reading.text, start)) and not MASKED_TOWN.fullmatch(town))
    found += [town for town, count in towns.items() if count >= TOWN_SUBJECT_TIMES for _ in range(count)] if len(towns) == 1 else []
    # a town the subject of the year's sentences again and again (2024年,某乡主动公开…。 2024年,某乡没有收到…): the text's
    # own town, though a template it was written on names its county's office (one town only: a county's report
    # names each of its towns once or twice)
    units_at_work = [m.start() for m in _unit_work().finditer(reading.text)]
    if not units_at_work:  # no 镇/乡/街道/社区 before its work anywhere: no clause to read
        return found
    for match in CLAUSE_START.finditer(reading.text):
        after = bisect_left(units_at_work, match.end())
        if after == len(units_at_work) or units_at_work[after] > match.end() + CLAUSE_OPENER_REACH:
            continue
        opener = _opener().match(reading.text, match.end())
        start = opener.end() if opener else match.end()
        unit = town_at(reading.text, start)
        if unit and MASKED_LEADERSHIP.match(reading.text, start) and not titled:
            continue  # the masked town's leadership, read above as named
        if unit and re.match(rf"(?:的)?(?:{work})", reading.text[start + len(unit):start + len(unit) + 6]):
            found.append(unit)
    return found


TOWN_SUBJECT_TIMES = 3  # sentences opening on one town after the year, at least, that make it the text's own


# A body's officer by title and name opening a list of those who attended (…副主任王林、副市长李明、…出席会议): the
# meeting's guests, named by their bodies; the story is not theirs. (One official attending alone, 市民政局局长王林出席会议
#并讲话, may be the host's: left to the other evidence.)
ATTENDING = re.compile(r"(?:党组|党委)?(?:副)?(?:主任|主席|书记|市长|县长|区长|局长|厅长|部长|理事长)[\u4e00-\u9fff]{2,4}"
                       r"、[^。；;!！?？\n]{0,80}?(?:出席|列席)(?:了)?(?:会议|活动|仪式|大会|开幕式)?(?:并(?:讲话|致辞|发言))?[。，,]")


# a table cell's end after a name (社区服务中心 | 个 | 662 |): a row's label, no sentence's subject
CELL_END = re.compile(r"[ \t]*[|\t]")


SPEAKER_TITLES = "局长|厅长|部长|主任|理事长|会长|处长|科长|巡视员|调研员"
NEWS_SOURCE = re.compile(r"从\s*(?P<name>[^\s,，。、从]{2,30}?)\s*(?:获悉|了解到|得知)"
                         r"|据\s*(?P<news>[^\s,，。、据]{2,30}?)\s*(?:消息|通报)"  # 据县民政局消息
                         r"|来自\s*(?P<data>[^\s,，。、来]{2,30}?)\s*的(?:最新)?(?:数据|消息|统计)"  # 来自省民政厅的数据显示
                         # (a speaker's title or 负责人, 发言人 stands within 40 characters: looked for once, not after
                         # each character of the name tried, at every comma)
                         rf"|(?:^|[。，,；;\n、])\s*据?(?=[^\s,，。；;]{{2,40}}?(?:负责人|发言人|{SPEAKER_TITLES}))"
                         r"(?P<speaker>[^\s,，。、；;]{2,30}?)(?:(?:有关|相关)?(?:主要)?负责人(?:介绍|表示|说|称)"
                         r"|(?:新闻)?发言人"
                         # its head or officer by title and name (国家乡村振兴局局长刘焕鑫表示, 据县民政局局长王林介绍, 县慈善总会会长李明回顾…,
                         # 据省民政厅副巡视员王林介绍)
                         # (or its party secretary and head reporting its work: 市交通运输局党组书记、局长李明汇报了…)
                         # (…to whom it was told before the verb: 局长李明向社会通报有关情况, 向记者介绍)
                         rf"|(?:(?:党委|党组)书记、)?(?:副)?(?:{SPEAKER_TITLES})[\u4e00-\u9fff]{{2,4}}?"
                         r"(?:向(?:社会|记者|媒体|与会人员|大会)?)?(?:介绍|表示|说|指出|通报|回顾|总结|汇报))")


def _news_sources(reading: _Reading) -> list[str]:
    """记者从县医保局获悉, 笔者日前从县学生资助管理中心获悉, 据县民政局消息, 来自省民政厅的数据, 据县民政局负责人介绍, 县民政局局长王林表示,
    ——访县民政局局长王林: the body news
    recaps the work of, a statistics office whose figures it tells too (记者从市统计局获悉, session 34); a town the reporter learned
    from (记者从青山镇获悉) is its government, as named. An official speaking for a unit of a body (市民政局救灾处处长…介绍,
    …规划处负责人介绍) speaks for the body: the body without its unit (round 29's call, settled in session 37)."""
    found = [name for m in NEWS_SOURCE.finditer(reading.text)
             if (name := _agency_opening(_briefing_host(m.group("name")) or m.group("news") or m.group("data") or m.group("speaker"), (),
                                         unit=not m.group("speaker"))
                 or (m.group("name") if m.group("name") and TOWN.fullmatch(m.group("name")) else None))]
    if name := closing_source(reading.text):
        found.append(name)
    if name := opening_source(reading.text):
        found.append(name)
    found += [name for m in INTERVIEWED.finditer(reading.text[:OPENING]) if (name := _agency_opening(m["body"], ()))]
    return found


# A press conference or briefing the reporter learned at, held by a body (从昨天举行的区统计局通气会上获悉): the
# body speaking, as one the reporter learned from.
PRESS_BRIEFING = re.compile(r"(?:[^\s,，。、]{0,6}?(?:召开|举行|举办)的)?(?P<host>[^\s,，。、]{2,24}?)(?:新闻发布会|发布会|新闻通气会|通气会)上?")


def _briefing_host(name: str | None) -> str | None:
    """The source a reporter names, or the body holding the briefing it names (县统计局新闻发布会)."""
    return (held["host"] if name and (held := PRESS_BRIEFING.fullmatch(name)) else name)


# An interview's subtitle naming the body whose head is interviewed (——访某市商务局党组书记、局长王林): the body the
# story gives the word to, as a quoted official's.
INTERVIEWED = re.compile(r"^[ \t]*[—－\-]{1,2}\s*(?:专)?访\s*(?P<body>[^\s,，。、]{2,28}?(?:局|厅|委|办|部|会|院|中心|所|站))"
                         r"(?=[\u4e00-\u9fff*＊×Xx]{0,4}(?:书记|局长|厅长|部长|主任|理事长|会长|处长|科长|院长))", re.MULTILINE)


# A story's closing byline naming the body that sent it before its writer (…人均月补助105元。(县民政局 殷蛟),
# （市残联 王林 李明）): the body whose work the story tells, as a source's line names it.
# The writer may follow the body with no space between ((县农业局刘广刚)), and the site's chrome may close the page
# after it (扫一扫在手机打开当前页).
CLOSING_SOURCE = re.compile(r"[。！!]\s*[(（](?P<credit>[\u4e00-\u9fff]{3,20}?)(?:[ \u3000]+(?P<writer>[\u4e00-\u9fff]{2,4}))?"
                            r"(?:[ \u3000、]+[\u4e00-\u9fff]{2,4})*[)）]\s*$")
AUTHOR_CREDIT = re.compile(r"^[ \t]*[(（]\s*(?:作者|供稿|撰稿)\s*[:：]\s*(?P<credit>[\u4e00-\u9fff]{3,20}?)(?:[ \u3000]+[\u4e00-\u9fff]{2,4})+"
                           r"\s*[)）][ \t]*$", re.MULTILINE)
AUTHOR_REACH = 600  # characters from the end within which a story's author line stands, above a site's footer
WRITER_NAME = (3, 2, 4)  # the characters of a writer's name run onto its body's, most often first


def closing_source(text: str) -> str | None:
    """The body a story's closing byline credits before its writer ((县民政局 殷蛟), (县农业局刘广刚)): a known
    body or a department, whole; read past the site's chrome closing the page."""
    tail = text[-300:].rstrip()
    close = max(tail.rfind(")"), tail.rfind("）"))
    if 0 <= close < len(tail) - 1 and len(tail) - close <= HEADLINE and _chrome_words().search(tail, close):
        tail = tail[:close + 1]  # the site's chrome after the byline, on its line or run onto it by the cleaning
    closing = CLOSING_SOURCE.search(tail)
    if not closing:
        author = AUTHOR_CREDIT.search(text, max(0, len(text) - AUTHOR_REACH))  # …or its author's line naming the body and
        # its writers, a reposting site's footer under it ((作者:某县医保局 王林 李明) / “…”由某网收集整理…)
        return author["credit"] if author and _agency_opening(author["credit"], ()) == author["credit"] else None
    credit = closing["credit"]
    bodies = [credit] if closing["writer"] else [credit[:-length] for length in WRITER_NAME if len(credit) - length >= 3]
    return next((body for body in bodies if _agency_opening(body, ()) == body), None)


# A story opening with the body that sent it in brackets, its lede run on after it ((某区外宣办)今年以来,某区…): the
# body whose work the story tells, as a closing credit names it; a news outlet's name there ((某县融媒体中心)) is none.
OPENING_SOURCE = re.compile(r"(?:^|\n)[ \t\u3000]*[(（](?P<credit>[\u4e00-\u9fff]{3,20}?)[)）][ \t\u3000]*(?=[^\n)）]{20})")


def opening_source(text: str) -> str | None:
    """The body a story's opening credits in brackets before its lede ((某区外宣办)近日,…): a known body or a
    department, whole; not a news outlet."""
    lede = next((line for line in text[:OPENING].split("\n") if len(CJK.findall(line)) >= HEADLINE_WORDS), "")
    opening = OPENING_SOURCE.match(lede)  # on the story's first line of words only: a plan's items may open with the unit
    # responsible for them ((县民政局)负责…), deep in its text
    if not opening or NEWS_OUTLET.search(opening["credit"]):
        return None
    credit = opening["credit"]
    return credit if _agency_opening(credit, ()) == credit else None


ON_BEHALF = re.compile(r"我谨?代表\s*(?P<name>[^\s,，。、]{2,40}?)\s*(?:向|在|作|，|,)"
                       r"|受\s*(?P<mandator>[^\s,，。、]{2,40}?)\s*(?:的)?委托\s*[,，]?\s*(?:我|现将|现向|向)")


def _on_behalf(reading: _Reading) -> list[str]:
    """我代表镇人民政府向大会报告工作, 受县人民政府委托,现将…报告如下: the body a speaker delivers the
    report for (a government's work report, a bureau's report to the congress)."""
    found = []
    for m in ON_BEHALF.finditer(reading.text):
        named = m.group("name") or m.group("mandator")  # 受县人民政府委托,现将…报告如下
        name = _agency_opening(named, ())
        government = GOVERNMENT.fullmatch(named)
        if not name and government and _is_place_prefix(government["place"]):
            name = named  # 我代表区政府: a government by its short name
        if name:
            found.append(name)
    return found


GOVERNMENT = re.compile(r"(?P<place>[^\s]{0,16}?)(?:人民)?政府")


def _self_reference(reading: _Reading) -> list[str]:
    """我局 … : the bodies of that kind the text names."""
    kinds = {kind for word, kind in _config()["agency"]["self_references"].items() if word in reading.text}
    return [name for _, _, name in reading.named if any(name.endswith(k) for k in kinds)] if kinds else []


def _mentions(reading: _Reading) -> list[str]:
    return [name for _, _, name in reading.named]


CITED_TITLE = re.compile(r"《[^》\n]*》")


def _cited_only(reading: _Reading, name: str) -> bool:
    """Whether every place the text names the body is inside a cited document's title (《…》)."""
    cited = [found.span() for found in CITED_TITLE.finditer(reading.text)]
    spans = [(start, end) for start, end, named in reading.named if named == name]
    return bool(spans) and all(any(left <= start and end <= right for left, right in cited) for start, end in spans)


# The first addressees of a notice: the bodies of one kind at the levels below the issuer's
# (各县(市、区)民政局:, 各区人力资源和社会保障局,市局机关各处室:).
ADDRESSED_PEERS = re.compile(r"各(?P<levels>[县市区旗乡镇街道()（）、]{1,12}?)(?P<body>[\u4e00-\u9fff]{2,14}?)(?=[,，、:：])")


def _addressed_peers(reading: _Reading) -> list[str]:
    """A notice sent to the bodies of one kind at the levels below (各县(市、区)民政局:) is that
    kind's body of the place its title opens with (滁州市“十四五”民政事业发展规划 → 滁州市民政局),
    when that place stands above the addressees' levels and no title names the issuer itself."""
    bodies = set(_config()["agency"]["bodies"])
    places = [place for title in reading.titles if (place := _place_at(TITLE_PREFIX.sub("", title), 0))]
    if not places or _title_openings(reading):
        return []  # a title naming its issuer (某市…领导小组办公室关于…的通知) says who sends it
    for line in reading.lines[:HEAD_LINES]:
        found = ADDRESSED_PEERS.match(line)
        if not found or not ADDRESSEE_LINE.fullmatch(line) or found["body"] not in bodies:
            continue
        below = next((LEVEL_WORDS[word] for word in LEVEL_WORDS if found["levels"].startswith(word)), None)  # 各县(市、区): counties
        place = places[0]
        if below and LEVEL_RANK[level_of(place) or "town"] > LEVEL_RANK[below]:
            return [place + found["body"]]
    return []


AGENCY_EVIDENCE = (
    AgencyEvidence("standalone_line", 5, _standalone_lines),
    AgencyEvidence("page_publisher", 5, _page_publisher),
    AgencyEvidence("page_department", 2, _page_department),
    AgencyEvidence("title_opening", 4, _title_openings),
    AgencyEvidence("title_signed", 2, _title_issuers),
    AgencyEvidence("addressed_peers", 3, _addressed_peers),
    AgencyEvidence("report_opening", 4, _report_openings),
    AgencyEvidence("report_contact", 4, _report_contacts),
    AgencyEvidence("on_behalf", 4, _on_behalf),
    AgencyEvidence("sentence_subject", 3, _sentence_subjects),
    AgencyEvidence("news_source", 3, _news_sources),
    AgencyEvidence("self_reference", 2, _self_reference),
    AgencyEvidence("mention", 1, _mentions),
)
STRONG = 4  # evidence this strong names the issuer even against the place the text speaks of


# A clause following bodies' decisions (紧紧围绕省民政厅、市民政局的决策部署, 按照县民政局的统一要求):
# those bodies are the issuer's superiors.
FOLLOWED = re.compile(r"(?:围绕|按照|根据|依照|遵照|贯彻落实|贯彻)[^。；;，,]{2,40}?(?:决策部署|统一部署|工作部署|部署|要求|安排)")


# A body the issuer is said to be guided or led by (业务上受省民政厅和市民政局的指导, 接受县卫健局领导): its superior.
GUIDED_BY = re.compile(r"(?:接受|受)(?![灾助理益惠伤损])[^。；;，,受]{2,40}?(?:的)?(?:业务)?(?:领导|指导|监督|管理)(?![员者])")


def _superiors(text: str) -> set[str]:
    """Bodies named inside 在…领导/指导下, whose decisions a clause follows (围绕…的决策部署), or
    by whom the issuer is guided (受…的指导): the issuer's superiors and partners."""
    after = _config()["agency"]["superior_after"]
    spans = [m.group() for m in re.finditer(rf"在[^。；;在]{{2,60}}?{after}", text)] \
        + [m.group() for m in FOLLOWED.finditer(text)] + [m.group() for m in GUIDED_BY.finditer(text)]
    return {name for span in spans for _, _, name in known_agencies(span)}


TOWN_BODIES = ("街道", "社区", "居委会", "居民委员会")
# A town's own government named by its level alone: 街道办事处, 镇人民政府, 社区居委会.
TOWN_LEVELS = ("街道", "镇", "乡", "社区", "苏木")
TOWN_GOVERNMENTS = ("办事处", "人民政府", "政府", "居委会", "居民委员会")
LEVEL_RANK = {"nation": 4, "province": 3, "city": 2, "county": 1, "town": 0}
# The level a place word at the end of a place name gives, longest first.
LEVEL_WORDS = {"自治区": "province", "街道": "town", "社区": "town", "地区": "city", "省": "province",
               "市": "city", "州": "city", "盟": "city", "县": "county", "区": "county", "旗": "county",
               "镇": "town", "乡": "town", "苏木": "town"}


@cache
def _autonomous_regions() -> re.Pattern:
    """The province-level autonomous regions by their full names (广西壮族自治区)."""
    return re.compile(alternation([name for code, name in _division_names().items()
                                   if code.endswith("0000") and name.endswith("自治区")]))


@cache
def _autonomous_short_names() -> tuple[str, ...]:
    """The autonomous regions by their short names (西藏, 广西, 内蒙古)."""
    return tuple(re.sub(r"(?:维吾尔|壮族|回族)?自治区$", "", name) for code, name in _division_names().items()
                 if code.endswith("0000") and name.endswith("自治区"))


SHORT_REGION_MENTIONS = 2  # a region named this often by its short name is the text's (2014年,西藏… 全区…), not one it aids


@cache
def _ranking() -> re.Pattern:
    return re.compile(alternation(_config()["agency"]["ranking"]))


# What stands before a whole the text measures itself against, takes a share of or is honoured by (占全省…的,
# 较全省总体, 获得全省…称号, 为全国、全省…): a place above its own.
MEASURED_AGAINST = re.compile(r"(?:占|较|比|高于|低于|获得?|荣获|全国[、和与])$")


def _own_level(text: str) -> str | None:
    """The level of the place the text speaks of as its own (我县, 本县, 全县 → county; 本社区 → town); 全区 is an
    autonomous region's own word where the text names one (内蒙古自治区…全区); a place the
    text ranks itself in (走在全市前列, 全市第一, 全省排位第8), measures itself against or is honoured by
    (占全省…的, 较全省…, 获得全省…称号) is above its own."""
    counts = Counter()
    region = "province" if _autonomous_regions().search(text) or any(
        text.count(short) >= SHORT_REGION_MENTIONS for short in _autonomous_short_names()) else None
    for char, level in _config()["agency"]["own_place"].items():
        whole = sum(1 for m in re.finditer("全" + char, text)
                    if not _ranking().match(text, m.end()) and not MEASURED_AGAINST.search(text, max(0, m.start() - 4), m.start()))
        counts[region if char == "区" and region else level] += text.count("我" + char) + text.count("本" + char) + whole
    return counts.most_common(1)[0][0] if counts and counts.most_common(1)[0][1] else None


def _own_place_level(text: str) -> str | None:
    """The level of the text's own place, as _own_level; a 我市 named in one clause with a
    prefecture's city (湛江市下达我市…任务), or a city the text says is county-level (我市是
    县级市), is a county-level city."""
    level = _own_level(text)
    if level == "city" and any("我市" in clause and any(_code_level(code) == "city" for code in places_named(clause))
                               for clause in CLAUSE_BREAK.split(text)):
        return "county"
    if level == "city" and COUNTY_LEVEL_CITY.search(text):
        return "county"  # xx市作为一个…的县级市, 我市是县级市: a county-level city
    return level


# A text's own city saying it is county-level (我市是…县级市, xx市作为一个有128万人口的县级市).
COUNTY_LEVEL_CITY = re.compile(r"市\s*(?:是|作为|为)[^。，,；;]{0,20}县级市")


def level_of(name: str) -> str | None:
    """The level of an agency or a place from its name: 县民政局 → county, 浙江省… → province."""
    name = name.strip(REDACTION)
    body = _body_pattern().search(name)
    if body and body.group().startswith(TOWN_BODIES):  # 街道办事处, 社区居委会: a town's own body
        return "town"
    head = name[:body.start()] if body else name
    for level in LEVEL_WORDS:
        if head.endswith(level):
            return LEVEL_WORDS[level]
    if not body:  # a body the list does not know, named by its level: 县督查局
        opening = next((level for level in LEVEL_WORDS if name.startswith(level)), None)
        if opening and len(name) > len(opening) + 1:
            return LEVEL_WORDS[opening]
    return "province" if name.endswith("厅") else "nation" if name.endswith("部") or name.startswith("国家") else None


def _same_body(short: str, name: str) -> bool:
    """Whether `short` names the body `name` names, or names it by its level alone (区民政局, 仓山区民政局)."""
    if short == name:
        return True
    if short[:1] not in PLACE_LEVELS or not name.endswith(short[1:]):
        return False
    place = name[:len(name) - len(short) + 1]
    return place.endswith(short[0]) and _is_place_prefix(place)


# A bureau named by its level alone (市民政局, 县人社局): its level and its field.
BUREAU_BY_LEVEL = re.compile(r"(?P<level>[省市州县区])(?P<field>[\u4e00-\u9fff]{2,4}?)(?:局|厅|委)")


def _fuller(short: str, scores: Counter[str]) -> str:
    """The longer name that ends like `short` with a place in front (区民政局 →
    环翠区民政局), or names the place's department of its field (市民政局 → 贵港市民政部门): the one
    with the most evidence of its own, else `short`."""
    core = short.strip(REDACTION)
    longer = [n for n in scores if n != short and n.strip(REDACTION).endswith(core) and len(n.strip(REDACTION)) > len(core)
              and _is_place_prefix(n.strip(REDACTION)[:-len(core)] if not core[:1] in "省市县区镇乡"
                                   else n.strip(REDACTION)[:-len(core) + 1])]
    bureau = BUREAU_BY_LEVEL.fullmatch(core)
    if not longer and bureau:  # 市民政局 beside 贵港市民政部门: the place's department of that field, by its place
        department = bureau["field"] + "部门"
        longer = [n for n in scores if n.endswith(department) and len(n) > len(department) + 1
                  and n[:-len(department)].endswith(bureau["level"]) and _is_place_prefix(n[:-len(department)])]
    if not longer:
        return short
    ranked = sorted(longer, key=lambda n: -scores[n])
    return ranked[0] if len(ranked) == 1 or scores[ranked[0]] > scores[ranked[1]] else short


def _source_unit(name: str, sources: set[str]) -> str | None:
    """The unit of a body a reporter learned from (记者从县民政局社会事务股了解到 … 县民政局将…): one issuer
    with the body, named as the source names it, unit and all."""
    units = [source for source in sources if source.startswith(name) and SUB_UNIT.fullmatch(source, len(name))]
    return units[0] if len(units) == 1 else None


def _town_government(name: str, scores: Counter[str]) -> str | None:
    """A town (下沙街道, or after its county: 某县下沙街道, a page's 信息来源) whose government the text names in full
    (下沙街道办事处): one body, by its government's name, as the fixtures README names a town's issuer."""
    if MASKED_TOWN.fullmatch(name):  # **镇 and 镇政府: the masked town's government, by its level
        level = name.strip(REDACTION)
        governments = [other for other in scores if other.startswith(level) and other[len(level):] in TOWN_GOVERNMENTS]
        return governments[0] if len(governments) == 1 else None
    county = _place_at(name, 0)
    towns = [name] + ([name[len(county):]] if county and county != name else [])  # 辰溪县小龙门乡: the town after its county
    governments = {other for town in towns if TOWN.fullmatch(town)
                   for other in scores if other.startswith(town) and other[len(town):] in TOWN_GOVERNMENTS}
    return governments.pop() if len(governments) == 1 else None


PLACE_LEVELS = "省市州盟县区旗镇乡"


def _governments_in_full(scores: Counter[str]) -> Counter[str]:
    """A place's government by its short name (某县政府, a work report's title) beside one named in
    full (我代表县人民政府): one government, by its full name (某县人民政府)."""
    if not any(name.endswith("人民政府") for name in scores):
        return scores
    renamed: Counter[str] = Counter()
    for name, score in scores.items():
        short = name.endswith("政府") and not name.endswith("人民政府") and _is_place_prefix(name[:-2].strip(REDACTION))
        renamed[name[:-2] + "人民政府" if short else name] += score
    return renamed


def _unabbreviated(short: str, scores: Counter[str]) -> str:
    """The full name a body's abbreviation stands for when the text gives both (人社部 and
    人力资源社会保障部, 县医保局 and 县医疗保障局, 市医保局 and 广州市医疗保障局): a longer name of the
    same last character holding the short one's characters in order, from the same first
    character or from the level (市) that ends the place it opens with, or, for a bare body's short word
    (卫健委 on a page's 发布机构), from after the place the full name opens with (某旗卫生健康委员会); a 委 is
    its 委员会."""
    def abbreviates(name: str) -> bool:
        if short.endswith("委") and name.endswith("委员会"):
            name = name[:-2]
        if len(name) <= len(short) or name[-1] != short[-1]:
            return False
        if name[0] != short[0] and bare:  # 卫健委 and 青田县卫生健康委员会: its place, then the body in full
            opening = next((at for at in range(2, min(len(name), LONGEST_PLACE + 1))
                            if name[at] == short[0] and _is_place_prefix(name[:at])), None)
            if opening is None:
                return False
            name = name[opening:]
        elif name[0] != short[0]:  # a body named by its level (市医保局) and in full with its place (广州市医疗保障局)
            level = name.find(short[0])
            if short[0] not in PLACE_LEVELS or level <= 0 or not _is_place_prefix(name[:level + 1]):
                return False
            name = name[level:]
        rest = iter(name)
        return all(char in rest for char in short)
    bare = bool(_body_pattern().fullmatch(short))
    longer = [name for name in scores if abbreviates(name)]
    return max(longer, key=lambda name: scores[name]) if len(longer) == 1 else short


def find_agency(text: str, lines: list[str], titles: list[str], page: dict[str, str]) -> str | None:
    """The issuer by the weight of the evidence for each candidate (see the module's doc);
    a place when the text names no body but opens with one (news about a place); none for
    news naming several bodies with nothing to set one apart, or one only in passing."""
    reading = _Reading(text, lines, titles, page)
    superiors = _superiors(text)
    own = _own_level(text)
    scores: Counter[str] = Counter()
    mentioned_only = True  # no evidence but plain mentions
    sources: set[str] = set()  # the bodies a reporter learned from, as named
    for rule in AGENCY_EVIDENCE:
        for name in rule.find(reading):
            if rule.name == "news_source":
                sources.add(name)
            if CATEGORY_OF_UNITS.match(name.lstrip(REDACTION)):
                continue  # 乡镇政府, 县区民政局: a kind of body, every one of two levels, no issuer
            if rule.weight < STRONG and (name in superiors or _higher(level_of(name), own) and rule.name != "news_source"):
                continue
            if rule.name == "page_publisher" and any(_same_body(superior, name) for superior in superiors):
                continue  # a site posting the report of a body it guides (来源:某区民政局 / 在区民政局的帮助指导下,区慈善总会…)
            scores[name] += rule.weight
            mentioned_only = mentioned_only and rule.name == "mention"
    if not scores:
        return _place_issuer(reading)
    if mentioned_only and _is_news(text) and len({name.strip(REDACTION)[-3:] for name in scores}) > 1:
        return None  # news naming several bodies, none as its subject or source (市民政局、市财政局、市残联联合印发…)
    scores = _governments_in_full(scores)
    merged: Counter[str] = Counter()
    for name, score in scores.items():
        merged[_source_unit(name, sources) or _town_government(name, scores)
               or _unabbreviated(_fuller(name, scores), scores)] += score
    best = max(merged.values())
    tied = [name for name in scores if merged.get(name) == best]
    # a shorter name (民政局, 县民政局) is the same body as a tied name ending with it (海安市民政局, 青山县民政局)
    cores = {name: name.strip(REDACTION) for name in tied}  # XX县民政局 and 县民政局 are one body
    tied = [name for name in tied if not any(cores[other] != cores[name] and cores[other].endswith(cores[name])
                                             for other in tied)]
    if best <= PASSING_MENTION and (town := _masked_own_town(text)):
        return town  # bodies named in passing (县残联) in a masked town's own report
    if len({cores[name] for name in tied}) > 1 and best > PASSING_MENTION:
        # bodies each a sentence's subject as often (2022年,南山区民政局坚持…。 … 二是…区慈善会募集…): the
        # one the text's first sentence opens with speaks for it, the other is one of its fields' bodies
        opening = _sentence_subjects(_Reading(text[:text.find("。") + 1], lines, titles, page))
        tied = [name for name in tied if name in opening] or tied
        cores = {name: cores[name] for name in tied}
    if len({cores[name] for name in tied}) > 1:
        return None  # several bodies, none standing out (a table's 责任单位): no issuer
    if _is_news(text) and best <= PASSING_MENTION:
        return _place_issuer(reading)  # news naming a body in passing: none, unless the story is of one place (某县陆续组织…)
    winner = tied[0]
    if mentioned_only and _cited_only(reading, winner):
        # a body named only inside the title of a document the text cites (解读《某市民政局关于…的通知》): that
        # document's issuer, none of the text's (it completes a shorter name the text gives, 区民政局, all the same)
        return _place_issuer(reading)
    if (best <= PASSING_MENTION or mentioned_only and level_of(winner) != "nation") \
            and _body_pattern().fullmatch(winner.strip(REDACTION)):
        # a bare body's word named in passing (居委会, 民政局), or only ever mentioned (本文来源: 民政厅 over and under a
        # story): bodies of a kind, not one; news of one place has the place
        return _place_issuer(reading) if _is_news(text) else None
    return winner


# A text opening on the work it did under a town's party committee among its leaders (在区委和街道
# 党工委的领导下): a town's, whatever it calls 全区 (the district it lies in).
TOWN_COMMITTEE_LEADS = re.compile(r"在[^。；;]{0,40}?(?:街道党工委|街道党委|镇党委|乡党委)[^。；;]{0,12}?领导下")


# Two levels named together (乡镇, 县区, 县市区, 镇街, 旗县): every unit of those levels.
CATEGORY_OF_UNITS = re.compile(r"(?:乡镇|镇乡|县区|区县|县市(?!场)|市县|市州|旗县|镇街|镇村)")  # 县市场监管局 is a county body


PASSING_MENTION = 1  # the score of a body named once and nowhere as the subject of the text

OWN_PLACE_SHARE = 0.6  # of the places of the issuer's level the text names, its own place's share


def completed_agency(agency: str, text: str) -> str:
    """A body named by its level alone (镇民政办, 市民政局, 区人社局, 省民政厅) completed with the place of
    that level the text speaks of (新市坝镇民政办): the one such place it names, or the one it
    names far more than any other; a masked place (XX区民政局) and a text naming none stay."""
    body = _body_pattern().search(agency)
    level = agency[:body.start()] if body else ""
    if level not in LEVEL_WORDS or len(level) != 1 or level not in "省市县区镇乡旗":
        return agency
    places = _places_of_level(text, level)
    if not places:
        return agency
    (place, count), *others = places.most_common(2)
    if others and count < OWN_PLACE_SHARE * sum(places.values()):
        return agency
    return place + agency[1:]


def _placed_by_publisher(agency: str, publisher: str | None) -> str | None:
    """A body named by its level alone (县退役军人事务局) completed with the place of that level
    the page's publisher label opens with, where the label names the same body, in full or
    short (来源: 怀远县退役军人局 → 怀远县退役军人事务局)."""
    body = _body_pattern().search(agency)
    if not publisher or not body or body.start() != 1 or agency[0] not in "市县区旗":
        return None
    place = _place_at(publisher, 0)
    if not place or place[-1] != agency[0]:
        return None
    short, full = sorted((agency[1:], publisher[len(place):]), key=len)
    rest = iter(full)
    return place + agency[1:] if short[-1:] == full[-1:] and all(char in rest for char in short) else None


def _placed_by_congress(agency: str, text: str) -> str | None:
    """A government named by its level alone (镇人民政府, 县政府) in a work report delivered to the congress of
    a place of that level (——在某镇第十四届人民代表大会…上): that place's, though the text names it once."""
    place = _congress_place(text)
    if not place or agency[:1] not in PLACE_LEVELS or not place.endswith(agency[0]) or agency[1:] not in ("人民政府", "政府") \
            or not (_place_at(place, 0) == place or TOWN.fullmatch(place)):
        return None  # (the session line's words before a place, 在去年召开的某县第…届, name no place)
    return place + agency[1:]


def _places_of_level(text: str, level: str) -> Counter[str]:
    """The places ending in `level` the text names, each counted once per mention: gazetteer
    names (枣庄市, 新城区), and for 镇 and 乡 the town name standing in most mentions (新市坝镇
    rather than 市坝镇 or 接新市坝镇)."""
    found: Counter[str] = Counter()
    ends = [m.end() for m in re.finditer(level, text)]
    if level in "镇乡":
        suffixes: Counter[str] = Counter()
        for end in ends:
            for length in range(3, 6):
                name = text[max(0, end - length):end]
                if len(name) == length and TOWN.fullmatch(name) and not name.startswith(level):
                    suffixes[name] += 1
        for end in ends:
            names = [text[end - n:end] for n in range(5, 2, -1) if suffixes.get(text[end - n:end], 0) >= 2]
            if names:
                best = max(names, key=lambda name: (suffixes[name], len(name)))
                found[best] += 1
        return found
    for end in ends:
        name = next((text[end - n:end] for n in range(6, 2, -1)
                     if end - n >= 0 and text[end - n:end] in _place_names()
                     and not any(mark in text[end - n:end] for mark in REDACTION)), None)
        if name:
            found[name] += 1
    return found


def _higher(level: str | None, own: str | None) -> bool:
    return level is not None and own is not None and LEVEL_RANK[level] > LEVEL_RANK[own]


# A city's development zone named after it (大连金州新区, 成都高新区, 长沙经开区): a place the gazetteer lacks.
ZONE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:新区|高新区|经开区|开发区)")


# A place's party-committee officer (商洛市委常委、…, 某县委书记李波): a person's title, not the place as a subject.
COMMITTEE_OFFICER = re.compile(r"委(?:常委|书记|副书记)")


def _place_issuer(reading: _Reading) -> str | None:
    """News about one place: the place (or town) a title opens with, or the place or town a
    sentence has as its subject (a town right after its county is the subject: 商南县青山镇); a
    table's rows (长沙市 | 1500 |) are the places it lists, no subject."""
    yearbook = None
    if _several_places_open(reading.text):
        return None  # a story on several places of one level, each a paragraph's subject (A旗…。 而B旗…。 此外,C市…), under
        # a headline naming the region they lie in too (某省:各地…): news about several places, none standing out
    for title in reading.titles:
        title = TITLE_PREFIX.sub("", unspaced(title))  # 前9月自贡市…: the months its figures run over first; 甘 霖 镇 set apart is 甘霖镇
        if book := YEARBOOK_PLACE.match(title):
            yearbook = yearbook or book["place"]  # the book's place (某县年鉴2021), not its entry's: the place its sentences
            continue  # are of first
        place = _inner_place(title, 0) or _place_at(title, 0) or town_at(title, 0) or _short_place_headline(title)
        if place and (town := _town_after_place(title, len(place), reading.text)):
            return town  # the town after its county or city (宁国市港口镇2023年工作总结)
        if place and (zone := ZONE.match(title, len(place))):
            return _full_place(place) + zone.group()  # a zone after its city (大连金州新区): the zone, with its city
        if place:
            return _town_of_story(reading.text, _full_place(place)) or _place_as_written(place, reading.text)
    text = reading.text
    if any(word in text for word in _config()["agency"]["self_references"]):
        return None  # a body speaking of itself (我局始终…) about a place it works in (…沙州镇大湾村是我局帮扶村): not the place's
    own = _own_level(text)
    for match in SENTENCE_START.finditer(text):
        opener = _opener().match(text, match.end())
        start = opener.end() if opener else match.end()
        start += 2 if text.startswith("中共", start) else 0  # a place's party committee (中共寮步镇委…): the place's
        place, city = _place_at(text, start), None
        if place and (inner := _inner_place(text, start, province=True)):  # 福建省德化县…: the county, placed by its province
            start, place = start + len(place), inner
        if place and (town := _town_after_place(text, start + len(place), text)):
            start, place = start + len(place), town
            if own in ("county", "city", "province"):
                continue  # a town the text of a larger place reports on (全市… 无为市昆山镇发生…): no issuer
        elif place and (zone := ZONE.match(text, start + len(place))):
            start, place, city = start + len(place), zone.group(), place  # 大连市金州新区今年…: the zone, with its city
        elif not place:  # a town alone: one the text names again (朔里镇…, 该镇…朔里镇), in a text
            # speaking of its own town (开元镇… 全镇), or the subject of its first sentence (今年以来,在县委、县政府的
            # 领导下,柳湾街道…: a summary opening on its issuer), not 指导镇街
            town = town_at(text, start)
            place = town if town and (text.count(town) > 1 or own == "town" or match.start() == 0
                                      or match.end() == _first_prose_line(text)) else None
        if place and not text.startswith(("的", "和", "、", "有关", "年鉴"), start + len(place)) \
                and not TABLE_CELL_END.match(text, start + len(place)) and not _beside_own_place(text, place) \
                and not COMMITTEE_OFFICER.match(text, start + len(place)):
            return _full_place(city) + place if city else _place_as_written(place, text)
    if yearbook and (place := _place_at(yearbook, 0) or _short_place(yearbook)) == yearbook:
        return _place_as_written(place, text)  # a yearbook's page whose sentences open on no place: the book's (某市年鉴2019)
    if (masked := _masked_own_town(text)) or own not in ("town", None):
        return masked
    # a town whose name the copy left out (镇2023年工作总结…, 全镇…): its level alone, as the title names it; a
    # title opening with it (社区2017年工作总结) names the text's own level also where the text never calls
    # itself by it (我社区, 全社区): the masked text's own words (round 27's call, settled in session 36)
    opening = TITLE_PREFIX.sub("", reading.titles[0]) if reading.titles else ""
    level = TOWN_LEVEL_TITLE.match(opening)
    return level.group() if level else _own_town_level(text) if own == "town" else None


HEADLINE_PLACE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,3})[:：]")  # 内蒙古:…, a headline's place before its colon
CONNECTIVE = re.compile(r"(?:而|另外|此外|同时|与此同时)\s*[,，]?\s*")
SEVERAL_PLACES = 3  # places of one level opening sentences, at least, that make a story one on several places


def _several_places_open(text: str) -> bool:
    """Whether sentences open on three places or more of the first one's level (甲县新建…。 而乙县…。 此外,丙市…):
    news comparing places, none of them its issuer (several places and bodies: agency null)."""
    places: list[str] = []
    for start in _subject_starts(text):
        connective = CONNECTIVE.match(text, start)  # a contrast's or an addition's word before the next place (而…, 此外,…)
        start = connective.end() if connective else start
        place = _place_at(text, start)
        if place and place not in places and not TABLE_CELL_END.match(text, start + len(place)):
            places.append(place)
    if len(places) < SEVERAL_PLACES:
        return False  # (before the regions are looked up: most texts open their sentences on one place or none)
    regions = {place: resolve_region(_full_place(place)) for place in places}
    if any(_full_place(place) != _full_place(other) and _full_place(place) in (regions[other]["province"], regions[other]["city"])
           for place in places for other in places):
        return False  # a place and places within it (泸州市…。 江阳区…。 纳溪区…): the story of the one holding them
    level = level_of(places[0])
    peers = ("city", "county")  # a prefecture's city beside banners and counties of other prefectures is their peer
    return level is not None and sum(level_of(place) == level or level_of(place) in peers and level in peers
                                     for place in places) >= SEVERAL_PLACES


# A place's party committee and government named together right after it (某省委、省政府, 某县委县政府, 某市委和市政府;
# not a town's 镇党委、政府, whose report is the town's).
PLACE_LEADERSHIP = re.compile(r"委[、和]?(?:[省市县区旗州盟])?(?:人民)?政府(?![办网门机])")


def _place_leadership(text: str, place: str) -> str | None:
    """The party committee and government of `place` (a county's or higher, 某省) as the subject of a sentence
    (某省委、省政府部署…), as the text names them."""
    if not place or not place.endswith(tuple("省市县区旗州盟")):
        return None
    for start in _subject_starts(text):
        if text.startswith(place, start) and (pair := PLACE_LEADERSHIP.match(text, start + len(place))):
            return place + pair.group()
    return None


def _own_town_level(text: str) -> str | None:
    """The level word a town's text calls itself by (我镇, 本街道, 我乡 → 镇, 街道, 乡), the one it uses most: a
    town, township or street named only so has its level as agency (session-37 ruling; a community, 本社区,
    is none of the three)."""
    counts = Counter({level: text.count("我" + level) + text.count("本" + level) for level in ("镇", "乡", "街道")})
    char, count = counts.most_common(1)[0]
    return char if count else None



# A line of prose: a sentence's stop within it, long enough to be no title or label (发布日期: …).
PROSE_LINE = re.compile(r"^[ \t\u3000]*(?=[^\n]{30})(?=[^\n]*。)", re.MULTILINE)


def _first_prose_line(text: str) -> int:
    """Where the first line of prose starts, after a page's head (its path, title, labels): the text's first sentence."""
    found = PROSE_LINE.search(text)
    return found.end() if found else 0


def _inner_place(text: str, start: int, province: bool = False) -> str | None:
    """A county or city named right after its province (or a county after its city), by full or short
    name (福建省德化县, 安徽固镇县, 浙江安吉: a national story's way of placing a county): the inner one's full
    name; None where either name is shared by several divisions, the second is not inside the first or
    runs on into a longer name (大连金州新区), or, with `province`, the first is no province."""
    by_name, names = _divisions_by_name(), _division_names()
    for end in range(min(len(text), start + 8), start + 1, -1):
        outer = by_name.get(text[start:end])
        if outer is None:
            continue
        stop = next((stop for stop in range(min(len(text), end + 8), end + 1, -1) if text[end:stop] in by_name), None)
        if len(outer) != 1 or stop is None or len(inner := by_name[text[end:stop]]) != 1 \
                or text.startswith(INNER_RUNS_ON, stop):
            return None
        prefix = outer[0][:2] if outer[0].endswith("0000") else None if province else outer[0][:4] if outer[0].endswith("00") else None
        return names[inner[0]] if prefix and inner[0] != outer[0] and inner[0].startswith(prefix) else None
    return None


INNER_RUNS_ON = ("新区", "区", "县", "市", "镇", "乡", "旗", "街道")  # 金州|新区: a name the gazetteer lacks


# A town whose name ends in 城 before its level (隍城镇, 古城镇), which TOWN leaves out for the word 城镇
# (urban: 全市城镇, 新增城镇就业).
WALLED_TOWN = re.compile(rf"(?![我全本各该其]|新增|城乡)(?:(?!{NOT_IN_A_NAME})[\u4e00-\u9fff]){{1,2}}城镇")


def _town_after_place(text: str, at: int, whole: str) -> str | None:
    """The town named right after its county or city (商南县青山镇), one whose name ends in 城 too
    (丰城市隍城镇) when the text (`whole`) names it again."""
    town = town_at(text, at)
    if town:
        return town
    walled = WALLED_TOWN.match(text, at)
    return walled.group() if walled and whole.count(walled.group()) > 1 else None


def _town_of_story(text: str, county: str) -> str | None:
    """A town of the headline's county that the first sentence opening with the county names
    right after it (天柱:37名老人住进新居 / 4月2日,天柱县瓮洞镇…): the story is the town's."""
    for start in _subject_starts(text):
        place = _place_at(text, start)
        if place and _full_place(place) == county:
            return _town_after_place(text, start + len(place), text)
    return None


# A headline opening with a place's short name before a time or a colon (上海今年…, 秦安：…).
SHORT_PLACE_HEADLINE = re.compile(r"([\u4e00-\u9fff]{2})(?=今年|去年|年内|前\d|\d|[:：])")


def _short_place(name: str) -> str | None:
    """A city's or county's short name (常德, 慈利) where the gazetteer has one full name for it."""
    full = _full_place(name)
    return name if full != name and full[-1] in "省市县区旗盟州" else None


# A yearbook by its place's name and its edition (某县年鉴2021, 某市年鉴(2020), 某区年鉴 2018): the place a page of it is of.
YEARBOOK_PLACE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,12}?)年鉴\s*[(（]?\s*(?:19|20)\d{2}(?!\d)")


def _short_place_headline(title: str) -> str | None:
    """上海今年为民办实事项目发布: 上海, when the gazetteer has one full name for the short one (上海市), which the
    story's agency takes where the text writes it (_place_as_written)."""
    found = SHORT_PLACE_HEADLINE.match(title)
    return _short_place(found.group(1)) if found else None


def _masked_own_town(text: str) -> str | None:
    """A masked town the text speaks of as its own (xx镇 … 我镇, 全镇): its government, as masked."""
    masked = MASKED_TOWN.search(text)
    return masked.group() if masked and _own_level(text) == "town" else None


# A field's work or system right after a place (广东省民政系统, 武进区医疗保障工作): that field's
# bodies, which the text does not name, are the subject, not the place.
SECTOR = re.compile(rf"(?!{WORK_WORDS}|各项|整体|全体)"
                    r"[\u4e00-\u9fff]{2,4}?(?:系统|工作(?!会议|报告|总结|计划|要点|情况|汇报))")


def sector_of_place(place: str, text: str, titles: list[str]) -> bool:
    """A county's or higher place that a title or a sentence opens with before a field's work
    or system (广东省民政系统坚持…, 武进区医疗保障工作明确…, or by the text's own word: 我县民政工作将…); a town's work
    is its own, a masked town's named by its level alone too (乡人居环境整治推进情况汇报)."""
    if TOWN.fullmatch(place) or place in TOWN_LEVELS:
        return False
    short = place[:-1] if len(place) > 2 and place[-1] in "省市县区" else place
    own = "我" + place[-1] if place[-1] in "省市县区州盟旗" else place  # the text's own word for it (我县民政工作将…)
    openings = [TITLE_PREFIX.sub("", title) for title in titles]
    openings += (text[start:][:LONGEST_NAME] for start in _subject_starts(text))
    for opening in openings:
        for name in (place, short, own):
            if opening.startswith(name) and SECTOR.match(opening, len(name)):
                return True
    return False


OWN_PLACE_WORD = re.compile(r"我[省市县区州盟旗镇乡]")


def _beside_own_place(text: str, place: str) -> bool:
    """A place named in one clause with the text's own (湛江市下达我市…任务, 排在湛江市第二名…我市)
    is another place than the text's: a superior or a neighbour, not the subject of the news."""
    return any(place in NAMES.sub("", clause) and OWN_PLACE_WORD.search(clause)  # not a 《…》 it cites (我县制定《南昌县…方案》)
               for clause in CLAUSE_BREAK.split(text))


TABLE_CELL_END = re.compile(r"[ \t]*\|")


def _place_as_written(place: str, text: str) -> str:
    """A place the story has as its subject by its short name (漳州, 宁化) as the text names it, where the text never
    writes its full name but in a news outlet's (宁化县新闻中心); else its full name (成都 → 成都市 where 成都市 is written)
    (session 28: a place the text names only by its short name is kept short)."""
    full = _full_place(place)
    if full == place or any(not NEWS_OUTLET_AFTER.match(text, found.end()) for found in re.finditer(re.escape(full), text)):
        return full
    return place


# What follows a place in a news outlet's name (宁化县新闻中心, 某县融媒体中心, 某市日报).
NEWS_OUTLET_AFTER = re.compile(r"(?:新闻|融媒体|日报|晚报|时报|报社|电视台|广播电视台)")


def _full_place(place: str) -> str:
    """成都 → 成都市 when the gazetteer has one full name for it."""
    from transforms.gazetteer import gazetteer_rows

    if TOWN.fullmatch(place) or place[-1] in "省市县区旗盟":
        return place
    full = {row["name"] for row in gazetteer_rows() if row["name"].startswith(place)}
    return full.pop() if len(full) == 1 else place


def without_redaction(agency: str) -> str:
    return agency.strip(REDACTION).replace("XX", "").replace("xx", "").replace("××", "")


# ---- title, dates, type -------------------------------------------------------------------

def _nonempty_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


SHORTEST_TITLE = 6  # shorter lines naming a report are a site's section labels (新闻动态)


def names_document(line: str) -> bool:
    """Whether a head line names the document: a report's word anywhere in it (…工作总结, …情况汇报),
    or an official document's kind closing it (关于…的指导意见, …应急预案, …提案的答复)."""
    line = unspaced(line)
    return any(word in line for word in TITLE_WORDS) or line.endswith(_document_genres())


@cache
def _document_genres() -> tuple[str, ...]:
    return tuple(_config()["title"]["document_genres"])


def _title_like(piece: str) -> bool:
    return (SHORTEST_TITLE <= len(piece) <= LONGEST_TITLE and not piece.endswith((":", "：", "。", ",", "，"))
            and names_document(piece) and not FURNITURE.search(piece)
            and label_key(piece) is None and not starts_heading(piece))


def _without_column_heads(lines: list[str]) -> list[str]:
    """The lines without a table's column heads: a header row run together (实事内容工作任务责任单位
    进展情况: two column words or more, no sentence mark), and the cells a flattened table puts one
    a line (_flattened_heads)."""
    columns = _config()["title"]["table_columns"]
    flattened = set(_flattened_heads(lines))
    return [line for index, line in enumerate(lines)
            if line not in flattened and not (index < HEAD_LINES and not SENTENCE_MARK.search(line)
                                              and sum(1 for word in columns if word in line) >= 2)]


def _without_attachments(lines: list[str], kept: bool = True) -> list[str]:
    """The lines without a list of attachments (附件: 1.… / 2.…) or an attachment's label (附件3-2);
    with `kept` False, those lines alone."""
    found, listing = [], False
    for line in lines:
        listing = line.startswith("附件") or listing and bool(LIST_MARK.match(line))
        if listing != kept:
            found.append(line)
    return found


def _flattened_heads(lines: list[str]) -> list[str]:
    """The column heads of a table flattened one cell a line, from its 序号 to its first row's number."""
    start = next((i for i, line in enumerate(lines[:HEAD_LINES]) if line.strip() in ("序号", "编号")), None)
    if start is None:
        return []
    end = next((i for i in range(start + 1, len(lines)) if re.fullmatch(r"\s*\d{1,3}\s*", lines[i])), start)
    return lines[start:end]


def title_lines(head: list[str]) -> list[str]:
    """The head's lines that may hold a title: a table's column heads, a list of attachments and
    an outline set before the report are none."""
    return _without_attachments(_without_column_heads(_without_outline(head)))


# A page's outline label on its line (目录/提纲:……, 【提纲】, 文章目录), or a line of dots closing the outline.
OUTLINE_LABEL = re.compile(r"\s*(?:【提纲】|(?:文章)?目录(?:[/、]提纲)?|提纲)\s*[:：]?\s*[…\.。·]*\s*")
OUTLINE_CLOSE = re.compile(r"\s*[…\.。·]{2,}\s*")


def _without_outline(lines: list[str]) -> list[str]:
    """The lines without an outline a page sets before its report (目录/提纲:…… / 一、… / (一)… / ……):
    its label, the headings under it and the dots closing it; the report's title follows."""
    start = next((i for i, line in enumerate(lines[:HEAD_LINES]) if OUTLINE_LABEL.fullmatch(line)), None)
    if start is None:
        return lines
    end = start + 1
    while end < len(lines) and starts_heading(lines[end]):
        end += 1
    end += end < len(lines) and bool(OUTLINE_CLOSE.fullmatch(lines[end]))
    return lines[:start] + lines[end:]


def title_candidates(lines: list[str]) -> list[str]:
    """Lines (or space-separated pieces of a line) of the head's `title_lines` that read as a
    title; a title run into the body is cut off it."""
    found = []
    for line in lines[:HEAD_LINES]:
        line = PAGE_MARK.sub("", LIST_MARK.sub("", line)).strip()
        glued = GLUED_TITLE.match(line)
        if glued and len(line) > LONGEST_TITLE:
            found.append(glued.group("title"))
            continue
        pieces = [line] if _title_like(line) else [LIST_MARK.sub("", p) for p in line.split() if _title_like(p)]
        found += [p for p in pieces if p]
    for line, following in zip(lines[:HEAD_LINES], lines[1:HEAD_LINES + 1]):
        if _headline(line, following):
            found.append(line)
    return found


def _line_under(lines: list[str], at: int) -> str:
    """The line under a headline: its date line, found among the bullet items of the page's
    byline block there (• 某某在线 / • 2023-01-20 10:20 / • 来源:…) or its labelled lines, else the next line."""
    under = lines[at + 1:at + 4]
    items = [line.lstrip("".join(NOT_TITLE_OPENINGS) + " ") for line in under if line.startswith(NOT_TITLE_OPENINGS)]
    labels = list(takewhile(lambda line: _labelled(line) or bool(BYLINE_LABEL.match(line)), under))  # …or among its
    # page's labels, one a line (作者: … / 来源: … / 时间:…), or the date closing them on its own line (来源:… / 作者: / 2022-01-04 15:16:01)
    closing = under[len(labels):len(labels) + 1] if labels else []
    return next((item for item in items + labels + closing if _dated(item)), under[0] if under else "")


# A news page's byline label opening its line (作者:, 来源:, 时间:).
BYLINE_LABEL = re.compile(r"\s*(?:作者|来源|稿源|时间|日期|发布时间|发布日期|编辑|责任编辑|记者)\s*[:：]")


# A headline and its subtitle on one line, a space between (“鹊桥”今又架,佳期领证忙 当天…): longer than one.
SUBTITLED = re.compile(r"[^\s]{6,40}[ \u3000]+[^\s]{6,40}")


def _headline(line: str, following: str) -> bool:
    """A news headline: a short line of words without a sentence's stop (commas between its clauses,
    去年…683万对,比上年下降10%, and a colon after its subject allowed: 某区民政局:民生保障有温度) over
    its date line; a site's counter
    (- 约 9页 over its upload date) is none."""
    words = HEADLINE_WORDS if not _date_label().match(following) else LABELLED_HEADLINE_WORDS
    if _signing_body(line) or _issuers_line(line) \
            or len(pieces := line.split()) > 1 and all(len(piece) <= LONGEST_NAME and _placed_office(piece) for piece in pieces):
        return False  # a body's name alone over a date is a signature (上海市民政局 / 2023年2月12日, 某县民政局办公室),
        # so are bodies side by side (a joint signature: 某省财政厅    某省残疾人联合会 / 2018年2月26日)
    longest = UNDER_FURNITURE_HEADLINE if SUBTITLED.fullmatch(line) else 40
    return (SHORTEST_TITLE <= len(line) <= longest and not re.search(r"[;；。]", line) and not line.endswith(("，", ","))
            and not line.endswith((":", "：")) and not _labelled(line) and len(CJK.findall(line)) >= words
            and not FURNITURE.search(line) and (_dated(following) or bool(BYLINE_LINE.match(following))))


# A news page's byline of labels on one line, undated (来自:某市人民政府 作者:某某要闻 访问量:1773): a headline stands
# over it as over a date line.
BYLINE_LINE = re.compile(r"\s*(?:来自|来源|稿源|作者)\s*[:：][^\n]{1,40}?(?:作者|编辑|访问量|浏览次数|点击数|阅读数?)\s*[:：]")


def _issuers_line(line: str) -> bool:
    """A line of the issuers' names alone over the title (中共某市委 某市人民政府): no first part of it."""
    pieces = line.split()
    return bool(pieces) and all(PARTY_COMMITTEE.fullmatch(piece)
                                or any(start == 0 and end == len(piece) for start, end, _ in known_agencies(piece, opening=True))
                                for piece in pieces)


PARTY_COMMITTEE = re.compile(r"中共[\u4e00-\u9fff]{2,16}?[省市州盟县区旗镇乡]委(?:员会)?")  # 中共某市委, the government's co-issuer


def _over_yearless_date(line: str, following: str) -> bool:
    """A headline over its date label whose date has no year (海口今冬已救助 流浪乞讨人员220人次 / 日期:02-01)."""
    return bool(_date_label().match(following) and YEARLESS_DATE.search(following)) \
        and _headline(line, following + " 2000-01-01")


YEARLESS_DATE = re.compile(r"[:：]\s*\d{1,2}\s*[-/月]\s*\d{1,2}\s*日?\s*$")


@cache
def _date_label() -> re.Pattern:
    """A line opening with a page's date label (发布时间: 2023年01月30日)."""
    return re.compile(rf"\s*(?:{alternation(_config()['head_labels']['publish_date'])})\s*[:：]")


HEADLINE_WORDS = 4  # Chinese characters at least
LABELLED_HEADLINE_WORDS = 2  # over a labelled date (发布时间: …) a page's title may be mostly digits: 2022年09月报


SITE_NAME_SEPARATOR = re.compile(r"\s*[-_|—]+\s*")


def _without_site_name(lines: list[str]) -> list[str]:
    """The head's lines without the site's name a page title ends with after a separator
    (…实施情况政务公开-某某网 over a line `• 某某网`): a suffix standing again as a line of its own."""
    own = {line.strip(BULLETS) for line in lines[:HEAD_LINES]}
    found = []
    for line in lines:
        for separator in SITE_NAME_SEPARATOR.finditer(line) if line in lines[:HEAD_LINES] else ():
            if separator.start() >= SHORTEST_TITLE and line[separator.end():].strip() in own:
                line = line[:separator.start()]
                break
        found.append(line)
    return found


BROKEN_WORD = 3  # characters of a title's closing words a printed line may break off onto the next (…工作计 / 划)


def find_title(lines: list[str], page: dict[str, str]) -> str | None:
    """The page's title, else the first of the head's `title_lines` naming the report (a title broken over two
    lines rejoined; a title run into the body or repeated on one line cut off it), else a news
    headline: a short line over a date or source line, or the page's first line when it stands
    alone over the body. Site furniture (its script's words in no Chinese, isPc / isPad too), page-label lines, a site's section named in its
    breadcrumb, link lists (a | b) and a sharing site's list number or page suffix are none;
    a document's file name (…工作计划范文.docx) is its title, but for the site's label 范文 (session-36 ruling)."""
    if page.get("title"):
        return page["title"]
    lines = _without_menu(_without_site_name(lines))
    site_name = {at for at in range(min(len(lines), HEAD_LINES) - 1) if BREADCRUMB.search(lines[at + 1]) and _whole_body(lines[at])}
    lines = [line for at, line in enumerate(lines) if not _site_chrome(line) and at not in site_name]  # nor the site's name
    # over its trail (某市民政局 / 首页 > …): furniture, as the trail is
    crumbs = " ".join(line for line in lines[:HEAD_LINES] if BREADCRUMB.search(line))
    kept = [(index, line) for index, line in ((index, _title_text(line, index == 0)) for index, line in enumerate(lines[:HEAD_LINES]))
            if line and CJK.search(line) and label_key(line) is None and not line.startswith(NOT_TITLE_OPENINGS)
            and (not FURNITURE.search(line, 0, LONGEST_TITLE) or FILE_SUFFIX.search(lines[index]) or SITE_INTRODUCED.match(lines[index]))
            and not LINK_LIST.search(line) and not DOC_NO.fullmatch(line) and not _section_in(line, crumbs)
            and not _news_furniture(line) and not SITE_BUTTONS.fullmatch(line) and not AS_OF_LINE.fullmatch(line)
            and not WEEKDAY_DATE.fullmatch(line)  # an e-paper's or feed's day (2019年4月16日 星期二) names nothing
            and not SPAM_RUN.search(line)  # nor a spam site's line of words with a Latin letter run between them
            and not NEWS_LEDE.fullmatch(to_simplified(PINYIN.sub("", line)).strip())  # nor a paper's news mark alone on its line
            # (本报讯, a mirror's pinyin inside it: 本報(bào)訊): the story's lede opens under it
            and not (index and _label_alone(lines[index - 1]))]  # a label's value on the line under it
    kept = [(index, line) for index, line in kept if index < _parts_begun(lines[:HEAD_LINES])]
    candidates = [line for _, line in kept]
    top = _headline_over_lede(lines, kept, LEDE_AT_TOP)
    if top and kept and top.startswith(kept[0][1]):
        return top  # the page's first line a headline over the lede right under it (…这些工作 / 某某网-某某客户端讯(记者…)…):
        # the story's, before any later line naming a document's word (…通报了…工作情况) is read as a title
    for index, (at, line) in enumerate(kept):
        if _labelled(line) or _page_furniture(line):
            glued = GLUED_TITLE.match(line)
            if glued and LABEL_AFTER_TITLE.match(line, glued.end()) and not _labelled(glued.group("title")) \
                    and all(_labelled(before) or _page_furniture(before) for _, before in kept[:index]):
                return glued.group("title")  # the first line but the page's labels, run onto its labels (…工作计划发布日期:…)
            continue
        if len(line) > LONGEST_TITLE:
            glued = _glued_title(line)
            if glued and all(before.endswith((":", "：")) or _sharing_marks().search(before) for _, before in kept[:index]):
                return glued  # the first line, but for a site's label over it (内容预览:) or its note on the file it shows
            continue
        following = candidates[index + 1] if index + 1 < len(candidates) else ""
        numbered = LIST_MARK.match(line)
        under = _line_under(lines, at)
        if numbered and SOURCE_LINE.search(under) and _headline(line[numbered.end():], under):
            return line[numbered.end():]  # a site's list number before a headline over its date and source line
            # (2. 某市新增养老床位3000张 / 2014-02-12 06:55 来源:某某日报): a report's heading has no such line
        if line.endswith((":", "：", "。")) or starts_heading(line) or WHOLE_NOTE.fullmatch(line):
            continue  # …or a note wholly in brackets ((资料图片)): it names nothing
        if PIECE_HEADING.match(line) and index + 1 < len(kept):
            continue  # a sharing site's heading of the piece it shows (第1篇 …, 第一篇:…) over the document's own title lines
        if names_document(line) and len(line) >= SHORTEST_TITLE:
            if index + 1 < len(kept) and kept[index + 1][0] == at + 1 and len(following) <= BROKEN_WORD \
                    and not line.endswith(TITLE_WORDS + _document_genres()) \
                    and (line + following).endswith(TITLE_WORDS + _document_genres()):
                line = line + following  # its report's word broken onto the next line (…2026 年工作计 / 划): rejoined
            found = next((later for later in candidates[index + 1:index + 3] if _issuer_before(later, line)), line)
            return _with_issuer_and_period(found, kept, index) if found == line else found
        glued = _glued_date(lines[at]) or GLUED_LABELS.search(lines[at]) or TRAILING_DATE.search(lines[at])  # its date on its line (…全面建成
        # 时间:2013-12-31, …项目完成 2024年01月19日)
        signature = 0 < at and at + 2 >= len(lines)  # a name over the date closing the text (某某中心 / 2021年7月2日)
        if not signature and (_headline(line, following) or _headline(line, _line_under(lines, at))
                              or _over_yearless_date(line, following) or (glued and _headline(line, glued.group().strip()))):
            return line
        joined = line + following
        repeated = index + 2 < len(candidates) and candidates[index + 2] == following  # a headline repeated stands whole
        adjacent = index + 1 < len(kept) and kept[index + 1][0] == at + 1  # a title broken over two lines, not a site's
        # name and a section the breadcrumb between them stands apart from (某某银行 / 首页> 新闻资讯 / 乡镇动态)
        if following and adjacent and not repeated and len(line) >= SHORTEST_TITLE and not WHOLE_NOTE.fullmatch(line) and len(following) <= 20 \
                and joined.endswith(TITLE_WORDS + _document_genres()) \
                and not (len(following) >= SHORTEST_TITLE and _body_pattern().search(following)) \
                and not _issuers_line(line):
            return _with_period(joined, kept, index + 1)
    dashed = next((index for index, line in enumerate(lines[:HEAD_LINES]) if index and DASHED_SUBTITLE.match(line)), None)
    over = [lines[index] for index in range(max(0, (dashed or 0) - 2), dashed or 0)]
    over = over[-1:] if len(over) == 2 and not _over_lede(over[0]) else over
    if over and all(_over_lede(line) and not _dated(line) for line in over):
        return " ".join(over)  # a headline over its dashed subtitle (稳粮增收有底气 / 民生兜底显温度 / ——访…局长…), its two
        # halves on two lines
    over_lede = _headline_over_lede(lines, kept, HEAD_LINES)
    if over_lede:
        return over_lede  # a headline over a news lede (本报讯…), broken over two lines perhaps
    opening = next(((at, line) for at, line in kept if not _page_furniture(line)), None)  # under the page's labels (and
    # its toolbar's bulleted items: • 关怀版 / • 政务微信 / 您的位置: 首页>…)
    under_labels = opening is not None and opening[0] > 0 \
        and all(_label_row(line) or _page_furniture(line) or line.startswith(NOT_TITLE_OPENINGS) or not CJK.search(line)
                for line in lines[:opening[0]])
    first = opening[1] if under_labels else \
        candidates[0] if candidates and lines and candidates[0] == _title_text(lines[0], True) else None
    at = opening[0] if under_labels and first == opening[1] else 0
    if first and CJK.search(first) and len(first) <= (UNDER_FURNITURE_HEADLINE if at or site_name else HEADLINE) \
            and not HEADLINE_MARK.search(first) and (not re.search("[:：]", first) or HEADLINE_COLON.fullmatch(first)) \
            and not SOURCE_NOTE.search(first) and not WHOLE_NOTE.fullmatch(first) \
            and not starts_heading(first) \
            and not _labelled(first) and any(len(line) > HEADLINE for line in lines[at + 1:at + 3]) \
            and (not (any(start == 0 and end == len(first) for start, end, _ in known_agencies(first, opening=True))
                      or len(first) <= LONGEST_NAME and first.endswith(OFFICE_WORDS) and _placed_office(first))
                 or ENTRY_HEADING.match(_line_under(lines, at))):
        return first  # a headline standing alone over the body (泸州市民生工程进展良好, 某厅动员社会组织:累计捐款…), or a yearbook entry's
        # heading over its first bracketed section, a body's name too (残疾人联合会 / 【综述】…)
    heading = ENTRY_RUN_ON.match(lines[0]) if lines else None
    if heading:
        return heading["heading"]  # a yearbook entry's heading run onto its text (民生事业 2014年,全区…)
    section = ENTRY_SECTION_FIRST.match(lines[0]) if lines else None
    if section:
        return section["heading"]  # …or its first section's heading standing first, as written
        # (【概况】 / 2021年,区残联…; 【社会事业】 2021年,某镇…): the entry's only title on the page
    labelled = next((found for line in lines if (found := TITLE_LABEL.fullmatch(line.strip()))), None)
    return (labelled["title"] or labelled["reposted"]).strip() if labelled else None  # a repost's 原标题:… under its story, where the
    # head holds no title: the story's title, wherever the page prints it


# A Latin letter written three times running between Chinese words (某某bbb某某): a spam site's stuffing, which no
# title or headline holds (GDP, App, 5G are written once).
SPAM_RUN = re.compile(r"[\u4e00-\u9fff]([A-Za-z])\1{2,}[\u4e00-\u9fff]")
LEDE_AT_TOP = 3  # head lines within which a news lede makes the first line over it the story's headline


def _headline_over_lede(lines: list[str], kept: list[tuple[int, str]], reach: int) -> str | None:
    """The headline over the first news lede (本报讯…) among the first `reach` lines, broken over two lines perhaps."""
    lede = next((index for index, line in enumerate(lines[:reach]) if NEWS_LEDE.match(line)), None)
    over = [line for at, line in kept if lede and lede - 2 <= at < lede and not WHOLE_NOTE.fullmatch(line)
            and not _labelled(line)]  # a photo's note wholly in brackets over the lede ((资料图片)) is no headline, nor
    # is a page label between them (文章字数:651)
    over = over[-1:] if len(over) == 2 and (not _over_lede(over[0]) or over[0] == over[1]) else over  # a repeated headline counts once
    return "".join(over) if over and all(_over_lede(line) for line in over) else None


def _whole_body(line: str) -> bool:
    """A line that is one body's whole name (某市民政局, 某县人民政府), known or opening with its place."""
    line = line.strip()
    return any(start == 0 and end == len(line) for start, end, _ in known_agencies(line, opening=True)) \
        or len(line) <= LONGEST_NAME and line.endswith(OFFICE_WORDS) and _placed_office(line)


# A sharing site's number of the piece it shows in a compilation (第1篇 …, 第一篇:…).
PIECE_HEADING = re.compile(r"\s*第\s*[一二三四五六七八九十\d]{1,3}\s*篇")


# A report's part heading (一、…, (一)…) at a line's start.
PART_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}[、.．]|[(（][一二三四五六七八九十]{1,2}[)）])")


def _parts_begun(lines: list[str]) -> int:
    """The index of the first part heading under a paragraph of the body (an excerpt opening mid-text: a
    paragraph, then 一、…): the head is over, and no line from there on is a title (the first sentence of a
    part, …提升计划,打造…, names no document of its own)."""
    paragraph = next((at for at, line in enumerate(lines) if len(line) > LONGEST_TITLE and "。" in line), None)
    if paragraph is None:
        return len(lines)
    return next((at for at in range(paragraph + 1, len(lines)) if PART_HEADING.match(lines[at])), len(lines))


# A yearbook entry's heading of its field run onto the line of its text, which opens with its year (社会救助 2021年,全市…);
# not a news lede's mark (某某网讯 2018年,…).
ENTRY_RUN_ON = re.compile(r"(?P<heading>[\u4e00-\u9fff]{2,8})(?<![讯訊电電])[ \t\u3000]+(?=(?:19|20)\d{2}\s*年度?\s*[,，])")


# A news page's line of its date and source (2014-02-12 06:55 来源:某某日报).
SOURCE_LINE = re.compile(rf"{DATE.pattern}.{{0,12}}?(?:来源|来自|稿源)\s*[:：]")


# A subtitle opening with a dash under its headline (——访某局局长王林, ——记…): a news feature's.
DASHED_SUBTITLE = re.compile(r"\s*——\s*[\u4e00-\u9fff]")


# A news story's lede: a paper's or site's mark (本报讯, 本网讯, a site and its app together: 某某网-某某客户端讯, in brackets: 【连网】, 【某某网讯】), a dateline (…10月8日电).
NEWS_LEDE = re.compile(r"(?:本[报网台刊港站]|[\u4e00-\u9fff]{2,10}?(?:[报网台]|客户端)(?:\s*[-－—·]\s*[\u4e00-\u9fff]{2,10}?(?:[报网台]|客户端))?)\s*[讯訊]|[\u4e00-\u9fff]{2,12}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电電讯訊]"
                       r"|【[\u4e00-\u9fff]{1,10}?[报网台](?:[讯訊]|报道)?】")


def _over_lede(line: str) -> bool:
    """A line that may be (part of) the headline right over a news lede: short, no sentence mark
    (a colon after its subject allowed, as over a date: 天柱:37名老人住进新居), no page furniture, no date."""
    return SHORTEST_TITLE // 2 <= len(line) <= HEADLINE and not HEADLINE_MARK.search(line) and not line.endswith((":", "：")) \
        and not _labelled(line) and not _page_furniture(line) and not SOURCE_NOTE.match(line) \
        and not DATE.search(line) and len(CJK.findall(line)) >= HEADLINE_WORDS and not _site_chrome(line)


UNDER_FURNITURE_HEADLINE = 50  # a headline under the page's breadcrumb or labels, over the body, may run this long


MENU_RUN = 5  # short lines one after another at least this many: a site's menu saved one item a line
MENU_ITEM = re.compile(r"[^\d|:：,，。;；]{1,8}")
MENU_REACH = 60  # head lines within which a menu stands


def _without_menu(lines: list[str]) -> list[str]:
    """The lines without a site's menu or toolbar saved one item a line (拼音 / 辅助浏览 / 读屏 / 放大 /
    缩小 …): a run of MENU_RUN short lines or more, no digit, cell or sentence mark in them; an item's
    bullet is no part of its length (• 行政规范性文件)."""
    kept, run = [], []
    for index, line in enumerate(lines):
        if index < MENU_REACH and MENU_ITEM.fullmatch(line.strip(BULLETS)):
            run.append(line)
            continue
        kept += run if len(run) < MENU_RUN else []
        run = []
        kept.append(line)
    return kept + (run if len(run) < MENU_RUN else [])


@cache
def _chrome_words() -> re.Pattern:
    return re.compile(alternation(_config()["title"]["site_chrome"]))


def _site_chrome(line: str) -> bool:
    """A short line of the site's own controls or offers (打开适老化模式 无障碍浏览, 免费发布信息, 下载客户端), or its
    menu on one line: no title."""
    return len(line) <= HEADLINE and bool(_chrome_words().search(line)) \
        or bool(MENU_LINE.fullmatch(line.strip())) and not SPACED_RUN.fullmatch(line.strip())  # 工 作 总 结: a heading set out


# A site's menu saved on one line (新闻 政务 党建 视频 图片, 县委 县人大 县政府 县政协): four short words or more, spaced.
MENU_LINE = re.compile(r"[^\s\d|:：,，。;；]{1,4}(?:[ \t\u3000]+[^\s\d|:：,，。;；]{1,4}){3,}")


def _page_furniture(line: str) -> bool:
    """A head line of the page's furniture over its title: a breadcrumb, a page label and its value
    (索引号 … 发布机构 …, 主题词), the site's buttons."""
    return bool(BREADCRUMB.search(line)) or _labelled(line) or any(_page_label(word) is not None for word in line.split()) \
        or bool(SITE_BUTTONS.fullmatch(line))


def _label_row(line: str) -> bool:
    """A row of a page's block laid out as a table (| 索引号 | 5304… | 文  号 | |): label cells, each before its value."""
    return any(_table_label_pairs(line).values())


def _without_label_rows(text: str) -> str:
    """The text after the rows of a page's block laid out as a table at its head (索引号 | … | 发布机构 | … |,
    文号 | 浏览量 |): each row holding a page label."""
    while True:
        first, newline, rest = text.partition("\n")
        if not newline or "|" not in first or not _table_label_pairs(first) \
                and _page_label(first.strip().strip("|").split("|")[0]) is None:
            return text
        text = rest.lstrip()


def _table_label_pairs(line: str) -> dict[str, str]:
    """The label cells of a table row and the cell after each (| 来   源 | 玉溪网 | 公开日期 | 2017-08-28 |)."""
    if "|" not in line:
        return {}
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return {key: value for cell, value in zip(cells, cells[1:] + [""])
            if (key := _page_label(cell)) is not None and _page_label(value) is None}


@cache
def _page_labels() -> frozenset[str]:
    return frozenset(label for labels in _config()["page_labels"].values() for label in labels)


def _page_label(cell: str) -> str | None:
    """The label a cell holds alone (来   源, 公开日期:), of the readers' or of the page's labels."""
    key = re.sub(r"\s", "", cell).rstrip(":：")
    return label_key(cell) or (key if key in _page_labels() else None)


def table_labels(lines: list[str]) -> dict[str, str]:
    """The labels and values of a page block the site laid out as a table in the head (| 索引号 | … |
    / | 来   源 | 玉溪网 | 公开日期 | 2017-08-28 |), where the readers found none."""
    fields: dict[str, str] = {}
    for line in lines[:HEAD_LINES]:
        for key, value in _table_label_pairs(line).items():
            if value:
                fields.setdefault(key, value)
    return fields


def _issuer_before(fuller: str, title: str) -> bool:
    """A page's title repeated under it with its issuer before it (2018年…年度报告 over
    某某部2018年…年度报告): the document's own title, the one that names its issuer."""
    issuer = fuller[:-len(title)] if fuller.endswith(title) and fuller != title else ""
    return bool(issuer) and (any(start == 0 and end == len(issuer) for start, end, _ in known_agencies(issuer, opening=True))
                             or _is_place_prefix(issuer))


# A line giving only the date the figures run to (截至2025年12月底, 截止2024年6月30日): a
# table's or list's period, no title.
AS_OF_LINE = re.compile(r"截[至止]\s*(?:到\s*)?(?:\d{4}\s*年)?\s*(?:\d{1,2}\s*月)?\s*(?:底|末|\d{1,2}\s*日)?(?:\s*\d{1,2}\s*[时点])?\s*[,，:：]?")
BREADCRUMB = re.compile(r"[>＞»]|当前位置|您现在的位置|您的位置|你的位置|所在位置|^\s*(?:网站)?首页(?=[ \t\u3000])")  # the readers'
# furniture labels too (reader_html_noise.toml); a trail whose marks the copy lost opens with the home link (首页 出版 某某年鉴2020)
# A line that is one bracketed note ((此件主动公开), (此件公开发布)): no part of the title under it.
WHOLE_NOTE = re.compile(r"[(（][^()（）]+[)）]")
SENTENCE_MARK = re.compile(r"[,，;；。:：!！?？]")
HEADLINE_MARK = re.compile(r"[,，;；。!！?？]")  # a headline's colon after its subject (某区:…) is no sentence's
HEADLINE = 30
# A headline's one colon after its subject, words on both sides (某局发动爱心企业:共捐款320万元); not a
# label's (时间:2023-02-01).
HEADLINE_COLON = re.compile(r"[^:：]*[\u4e00-\u9fff]{2}[^:：]*[:：][^:：]*[\u4e00-\u9fff]{2}[^:：]*")
PAGE_SUFFIX = re.compile(r"\s*[(（](?:\d{1,2}|\d+\s*字)[)）]$")  # a sharing site's page or word count after a title: …统计公报(2), …计划(3531字)
# …and its part of a document it splits, numbered in words (…工作规划调研报告(四)); a series' headline keeps its number (…回头看(三))
PART_SUFFIX = re.compile(r"\s*[(（][一二三四五六七八九十]{1,2}[)）]$")
SHARED_PAGE = re.compile(r"\s*_第\s*\d{1,3}\s*页$")  # a sharing site's preview page after its file's title: …工作方案_第1页
REPEATED = re.compile(rf"[^\s,，。;；:：]{{4,40}}?(?:{'|'.join(TITLE_WORDS)})")


@cache
def _site_suffix() -> re.Pattern:
    """A sharing site's label of its copy in brackets closing a title (…(全文), …(完整版)), or the day its file was
    stamped with (…工作安排(20230619))."""
    words = alternation(_config()["title"]["site_title_suffixes"])
    return re.compile(rf"\s*[(（](?:{words}|(?:19|20)\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))[)）]$")


# Lines that are no title: a page's bracketed labels (【字体】), bullets of a site's list (• 使用
# 浏览器打开, ■ 记者 …, - 约 9页); link lists (首页 | 新闻 | 政务, a|b|c), a bar in a headline (“数”说2020|…) not.
NOT_TITLE_OPENINGS = ("【", "•", "·", "■", "●", "▪", "◆", "- ")
LINK_LIST = re.compile(r"\s\||\|\s|\|[^|]*\|")
NEWS_DATELINE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:[讯電电]|消息)")  # …网2月17日消息 as …2月17日讯


# A line of its writers' names alone, set apart by spaces, a bullet perhaps before them (□王林 李明):
# a story's byline with no word for it; a headline's words run longer.
# Names of one character each (民 政) are a spaced-out heading's characters as well: a name of two or three is needed.
# The same names in brackets ((张鹏 陈桂生), （王林）) close a story, under it: no headline either.
WRITERS_LINE = re.compile(r"(?=.*[\u4e00-\u9fff]{2})[□■◇◆○●]?\s*(?:[\u4e00-\u9fff]{1,3}[ \t\u3000]+){1,3}[\u4e00-\u9fff]{1,3}"
                          r"|[(（]\s*[\u4e00-\u9fff]{2,3}(?:[ \t\u3000、]+[\u4e00-\u9fff]{2,3}){0,3}\s*[)）]")
# A note of where a story was taken from ((来源:新安晚报), 转自:某某网): no headline.
SOURCE_NOTE = re.compile(r"[(（【\[]?\s*(?:来源|转自|转载自|稿源|来自)\s*[:：]")


def _news_furniture(line: str) -> bool:
    """A news page's byline (记者 朱冬), lede (红网永州3月28日讯(通讯员…) or paper-and-date
    line (甘孜日报 2020年09月25日): no title."""
    if NEWS_DATELINE.search(line) or any(mark in line for mark in _config()["news"]["bylines"]) \
            or WRITERS_LINE.fullmatch(line.strip()) and not names_document(line):  # 工 作 总 结 is a spaced-out title
        return True
    date = DATE.search(line)
    rest = re.sub(r"\s", "", line[:date.start()] + line[date.end():]) if date else ""
    return bool(date) and len(rest) <= 8 and any(source in rest for source in _config()["news"]["sources"])


def _title_text(line: str, first: bool = False) -> str:
    """A head line without a page marker or a site's column tag (【工作动态】) before it, a page
    suffix (…(2), …_第1页) or a file name's suffix (.docx); the page's first line also without a sharing
    site's banner or list number (1、社会股上半年工作总结); a table row with one cell
    (| 民政事业统计月报表 | ||) its cell."""
    shared = SHARED_FILE.match(line)
    if shared:  # 《…工作总结.docx》由会员分享,可在线阅读: a sharing site's line naming the file it shows
        return _site_suffix().sub("", shared.group("title").strip())  # (its stamp: …安排(20230619).docx)
    described = SITE_DESCRIBED.search(line)
    if described:  # …的会员为你整理了这篇2021年上半年…工作总结范文,希望…: an essay site's line naming the text it shows
        return described.group("title").strip()
    introduced = SITE_INTRODUCED.match(line)
    if introduced:  # 文档介绍:…的总结报告范文 2 二、…: a sharing site's description opening with its file's name
        return introduced.group("title").strip()
    spam = line.rfind("|")
    if spam > 0 and SPAM_RUN.search(line, spam):
        line = line[:spam]  # a spam site's words glued on after a bar (…十项实事|某某AAA某某…): the title before them
    cells = [cell.strip() for cell in line.split("|") if cell.strip()] if "|" in line else None
    if cells and len(cells) == 1 and (line.lstrip().startswith("|") or _title_like(cells[0]) or first):
        line = cells[0]  # | 民政事业统计月报表 | ||, or a title's cell closed on its line (…基本情况 |)
    line = FILE_SUFFIX.sub("", LEADING_TAG.sub("", _without_glued_date(GLUED_LABELS.sub("", SHARED_PAGE.sub("", PAGE_MARK.sub("", line).strip())))))
    line = SITE_LABEL_AFTER.sub("", line)
    line = _without_place_tag(SKIP_LINK.sub("", _without_year_tag(line)))
    if first:
        line = SITE_LIST_MARK.sub("", SITE_BANNER.sub("", line))
    original = ORIGINAL_TITLE.fullmatch(line.strip()) or TITLE_LABEL.fullmatch(line.strip())
    if original:
        line = original.group("title") or original.group("reposted")  # (原标题:…): a repost gives its source's title; 文件名称:…, 本文标题:… the page's
    undated = TRAILING_DATE.sub("", line)
    if _title_like(undated) or undated != line and not _news_furniture(line) and not _page_furniture(undated) \
            and len(CJK.findall(undated)) >= HEADLINE_WORDS:
        line = undated  # a headline's date run onto its line; not a paper's name and date (青江日报 2021年03月08日)
    line = FOOTNOTE_MARK.sub("", PAGE_SUFFIX.sub("", ENGLISH_GLOSS.sub("", line))).strip()
    part = PART_SUFFIX.search(line)
    return line[:part.start()] if part and names_document(line[:part.start()]) else line


# A footnote's mark closing a title (…统计公报[1]): the note's, no part of the title.
FOOTNOTE_MARK = re.compile(r"(?<=[\u4e00-\u9fff)）”])\s*\[\d{1,2}\]$")


# A bilingual page's English rendering after a Chinese title (…主要业务进展情况 Summary on the Development of …).
ENGLISH_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff)）])[ \t\u3000]+[A-Za-z][A-Za-z0-9 ,.'’&()\-]*$")


# A sharing site's line opening with the file it shows (《2024年度某镇政府工作报告.docx》由会员分享…).
SHARED_FILE = re.compile(r"^\s*《(?P<title>[^《》\n]{4,80}?)\.(?:docx?|pdf|wps|txt)(?:\(\d+页[^)]*\))?》")
# The text a site says it gathered, after 这篇 or the like: its title, then 范文 or 文章 (SITE_DESCRIBED, SITE_LEAD).
SITE_SHOWN_TITLE = r"\s*(?P<title>[^,，。;；!！\n“”《》]{4,60}?)\s*(?:范文|文章)?\s*"
# An essay site's line naming the text it shows (结合当前工作需要,本站的会员为你整理了这篇…工作总结范文,希望…).
SITE_DESCRIBED = re.compile(r"整理(?:了|的)?(?:这篇|这份|一篇)" + SITE_SHOWN_TITLE + r"(?:[,，。;；!！]|$)")
# A sharing site's description of the file it shows, opening with the file's name, then its sample number or
# the text itself (文档介绍:县卫健局关于…的工作报告范文 2 一、基本情况…).
INTRODUCTION_LABEL = r"(?:文档介绍|文档简介|内容介绍|内容简介)"
SITE_INTRODUCED = re.compile(rf"^\s*{INTRODUCTION_LABEL}\s*[:：]\s*(?P<title>[^,，。;；:：\n]{{4,60}}?"
                             r"(?:总结|计划|打算|报告|汇报|要点|规划|方案|安排))(?:范文)?(?=\s+\d{1,3}\s|\s*$|\s*[一二三四五六七八九十]、)")
def _with_issuer_and_period(title: str, kept: list[tuple[int, str]], index: int) -> str:
    """A title naming no subject nor year (政府信息公开工作年度报告) with its issuer's name alone on the line over it
    (某县民政局) and its period bracketed on the line under it ((2023年度)): the three as one title; a disclosure
    report's title with its year (2019年政府信息公开工作年度报告) joins its issuer too, as the template's title is
    the body's name, year and report. A title with its subject (关于…, 某县…) stands alone under its issuers."""
    at = kept[index][0]
    before = kept[index - 1] if index else None
    if before and before[0] == at - 1 and not title.startswith(("关于", "中共")) and _place_at(title, 0) is None \
            and (title_year(title) is None or type_named_in(title) == _disclosure_label()) \
            and len(before[1].split()) == 1 and _issuers_line(before[1]) \
            and not PARTY_COMMITTEE.fullmatch(before[1]):
        title = before[1] + title
    return _with_period(title, kept, index)


def _with_period(title: str, kept: list[tuple[int, str]], index: int) -> str:
    """The title with its period bracketed on the line under its last line (kept[index]) ((2023年度))."""
    after = kept[index + 1] if index + 1 < len(kept) else None
    return title + after[1] if after and after[0] == kept[index][0] + 1 and BRACKETED_PERIOD.fullmatch(after[1]) else title


# A report's period bracketed on its own line under its title ((2023年度), （2022年）).
BRACKETED_PERIOD = re.compile(r"[(（]\s*(?:19|20)\d{2}\s*年度?\s*[)）]")


# A repost's line naming its source's title: (原标题:《政府工作报告》解读二:2024年工作回顾(二)).
ORIGINAL_TITLE = re.compile(r"[(（]\s*原标题\s*[:：]\s*(?P<title>.+)[)）]")
# A yearbook entry's bracketed section heading opening a line (【概况】, 【综述】, 【组织及工作概况】).
ENTRY_HEADING = re.compile(r"\s*【[^】\n]{2,10}】")
# A yearbook entry's section heading in brackets at a line's start (【概述】, 〔概况〕, [优抚安置]).
ENTRY_SECTION = re.compile(r"^[ \t\u3000]*(?:【[^】\n]{2,10}】|〔[^〕\n]{2,10}〕|\[[^\]\n\d]{2,10}\])", re.MULTILINE)
# A yearbook entry's bracketed section heading opening the page, alone on its line or run onto a year's review.
ENTRY_SECTION_FIRST = re.compile(r"\s*(?P<heading>【[\u4e00-\u9fff]{2,10}】)(?:\s*$|\s*(?:19|20)\d{2}\s*年\s*[,，])")
# A yearbook entry's first bracketed section opening on the year it reviews (【概况】 2013年,…), a line or two of the page's
# furniture over it or between them (【概况】 / 时间:… 来源:… / 2021年,…).
ENTRY_YEAR = re.compile(r"^(?:[^\n]*\n){0,3}?\s*【[^】\n]{2,10}】[^。]{0,60}?(?<!\d)(?:19|20)\d{2}\s*年\s*[,，]")
# A label naming the title on its line (文件名称:…, 本文标题:…, a disclosure list's or a page's): the title follows it.
TITLE_LABEL = re.compile(r"(?:(?:本文|文章|文件|信息)(?:标题|名称)|原标题)\s*[:：]\s*(?P<title>\S.{3,})"  # 原标题:… unbracketed too
                         # …or a reposting site's footer naming the story it copied in quotes (“…”由某某网收集整理编辑。)
                         r"|[“\"](?P<reposted>[^“”\"\n]{6,60})[”\"]\s*由[^\n。]{2,20}?(?:收集|整理|编辑|转载|发布)[^\n。]{0,8}[。.]?")
# A page's date run onto its title's line after a space, with no label (…工作安排 2018-06-15), or
# in brackets (…发展规划 ( 2022-01-18 ), …工作总结(2023-02-01)).
TRAILING_DATE = re.compile(rf"(?<=[^\s\d])(?:\s+|\s*(?P<open>[(（]\s*))(?P<date>{DATE.pattern})"
                           rf"(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?(?(open)\s*[)）])\s*$")
# A page's date or source run onto its title's line (…全面建成 时间:2013-12-31 来源:…): not the title.
GLUED_LABELS = re.compile(r"(?<=[^\s])\s+(?:(?:发布)?(?:时间|日期|来源)|作者)\s*[:：].*$")  # 作者:… 时间:… after a headline too


# A page's date label run onto its title with no space between (…比上年下降10.6%时间:2023-10-16 08:21 来源:…),
# where a wrapped line was rejoined: the title is what stands before it, when that reads as one
# (a title's length, no label of its own with its value after a space: 主办单位: 省民政厅 制发日期:…).
@cache
def _glued_date_label() -> re.Pattern:
    labels = _config()["head_labels"]["publish_date"] + ["更新时间", _config()["head_labels"]["news_time"]]
    return re.compile(rf"(?:{alternation(labels)})\s*[:：]\s*(?:19|20)\d{{2}}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}")


def _glued_date(line: str) -> re.Match | None:
    found = _glued_date_label().search(line)
    before = line[:found.start()] if found else ""
    return found if len(before) >= SHORTEST_TITLE and before[-1] not in " \t\u3000:：" \
        and not re.search(r"[:：]\s", before) and not _labelled(before) and not _page_furniture(before) else None


def _without_glued_date(line: str) -> str:
    found = _glued_date(line)
    return line[:found.start()] if found else line


# A line of a page's buttons (收藏 分享(赏), 【打印】【关闭】, 字体:大 中 小): no title, nor part of one.
SITE_BUTTONS = re.compile(r"(?:收藏|分享|赏|打印|关闭|举报|纠错|字体|[大中小]|[()（）【】\[\]:：|\s])+")
# A sharing site's banner the page's first line opens with, up to its address (…文档资料http://…/ 标题…),
# or its slogan (精选优质文档-----倾情为你奉上, atop each page of a shared file).
SITE_BANNER = re.compile(r"^(?:[^\s]{0,40}?(?:https?://|www\.)\S*\s+|精选(?:优质)?文档[\s\-—_]*倾情为你奉上\s*)")
# A site's column tag before a title (【民政动态】某县…, [遂宁] …, {健康新闻}…): the title is what follows it.
LEADING_TAG = re.compile(r"^(?:【[^】\n]{1,12}】|\[[^\]\n\d]{1,12}\]|\{[^}\n]{1,12}\}|[\u4e00-\u9fff]{0,4}(?:新闻|动态|要闻|资讯|快讯)[ \t\u3000]+)"
                         r"\s*(?=[^【\[{\s]{6})")  # unbracketed too, set off by a space (各地新闻 某县:…)
# A sharing site's label after a title (…总结报告范文, …汇报材料怎么写?(四)): no part of it (session-36 ruling: a
# document's own title line is read without a sharing site's label).
SITE_LABEL_AFTER = re.compile(r"(?<=[\u4e00-\u9fff)）])\s*(?:范文|怎么写\s*[?？]\s*(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）])?)$")
# A document's file name standing as its title (…工作计划范文.docx): the title without the suffix.
FILE_SUFFIX = re.compile(r"\.(?:docx?|pdf|txt|wps)(?:VIP)?$", re.IGNORECASE)  # a sharing site's badge after it


SITE_LIST_MARK = re.compile(r"^\d{1,2}[、.．]\s*")
# A wiki's link to skip its navigation, run onto the title's line (跳转到内容2017年某县政府工作报告): no part of it.
SKIP_LINK = re.compile(r"^\s*(?:跳转到|跳转至|跳到)(?:主要)?内容\s*")
# A site's year tag after a title holding that year (…2021年国民经济和社会发展统计公报 2021): no part of it.
YEAR_TAG = re.compile(r"(?<=[^\s\d])[ \t\u3000]+(?P<year>(?:19|20)\d{2})$")
# A site's tag of the place a document is of, in brackets before its title ((山西省)2018年某县政府工作报告).
PLACE_TAG = re.compile(r"^[(（](?P<place>[\u4e00-\u9fff]{2,10}?)[)）]\s*(?=\S{6})")


def _without_year_tag(line: str) -> str:
    tag = YEAR_TAG.search(line)
    return line[:tag.start()] if tag and re.search(rf"{tag['year']}\s*年", line[:tag.start()]) else line


def _without_place_tag(line: str) -> str:
    """The line without a site's place tag before it, the place by its full name or its short one ((山西省)…, (内蒙古)…)."""
    tag = PLACE_TAG.match(line)
    place = tag["place"] if tag else None
    named = place and (_place_at(place, 0) == place
                       or place in _place_names() and place not in _config()["region"]["common_words"])
    if named:
        return line[tag.end():]
    glued = GLUED_PLACE_TAG.match(line)  # …or glued on with no bracket before the title opening with the place's full
    # name (青田 + 青田县民政局…, 青山 + 青山县…): the site's tag, the title's own name after it
    return line[glued.end():] if glued and _place_at(line, glued.end()) else line


# A short place name glued before the same place's full name (青田青田县…): a site's place tag, no part of the title.
GLUED_PLACE_TAG = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,3})(?=(?P=place)(?:市|省|县|区|州|盟|旗))")


def _section_in(line: str, crumbs: str) -> bool:
    """A site's section named in its breadcrumb (政府信息公开年报): short, no year, no issuer; a
    headline the breadcrumb ends with (当前位置:主页 > 新闻热点 > 青山:高龄津贴惠及4.2万老人)
    is the page's own."""
    return line in crumbs and len(line) <= LONGEST_SECTION and not re.search(r"\d{4}|20[Xx]{2}", line) \
        and not _body_pattern().search(line)


LONGEST_SECTION = 16


def _labelled(line: str) -> bool:
    """A line opening with a page label and its value (主题分类 社会救助, 名  称: …), or a page block's line
    holding a label with its colon after its first word (号: /2025-00019 信息分类: 综合政务, its
    first label cut short)."""
    words = line.split()
    head = words[0] if words else ""
    if label_key(head) is not None or label_key(head.split(":")[0].split("：")[0]) is not None and (":" in head or "：" in head):
        return True
    if re.search("[:：]", line) and label_key(re.split("[:：]", line)[0]) is not None:
        return True  # a label spaced out to align with the others (名  称: …)
    return any(re.split("[:：]", word)[0] and label_key(re.split("[:：]", word)[0]) is not None and re.search("[:：]", word)
               for word in words[1:])


# What a repeated phrase may open with that is no part of the title (201X/X/XX, a list number 1、), up to a
# year it opens with (1、-精品推荐- 2008年街道办工作总结 keeps its 2008年).
LEADING_JUNK = re.compile(r"^(?:[\dA-Za-z/\-_.、]*?(?=(?:19|20)\d{2}\s*年)|[\dA-Za-z/\-_.、]+)")


def _glued_title(line: str) -> str | None:
    """A title run into the body (…工作总结2022年,泾县…) or repeated on its line (编号:…
    市民政局…自查报告201X/X/XX市民政局…自查报告…): the repeated phrase first, when it opens
    before the line's prose (a phrase the prose repeats, 完成年度计划的52%…, is none)."""
    prose = re.search(r"[,，;；。!！?？]", line)
    glued = GLUED_TITLE.match(line)
    for found in REPEATED.finditer(line, 0, prose.start() if prose else len(line)):
        phrase = LEADING_JUNK.sub("", found.group(), count=1)
        if len(phrase) >= SHORTEST_TITLE and line.count(phrase) >= 2:
            longer = glued and glued.group("title").startswith(phrase) and glued.group("title").count(phrase) == 1 \
                and not phrase.endswith(glued.group("title")[len(phrase):])  # …工作总结工作总结: a site's label after it
            return glued.group("title") if longer else _whole_repeat(line, phrase)  # …上半年工作总结 | 及下半年打算
    return LIST_MARK.sub("", glued.group("title")) if glued else None  # a sharing site's page number (1、…) goes


def _whole_repeat(line: str, phrase: str) -> str:
    """A title repeated on its line read to where its repeat stops, past a title word inside it
    (…执行落实情况和下半年工作思路…执行落实情况和下半年工作思路: the whole, not …落实情况)."""
    first = line.index(phrase)
    second = line.index(phrase, first + len(phrase))
    end = first + len(phrase)
    while end < second and line[end] == line[second + end - first] and not re.match(r"[,，;；。!！?？\s]", line[end]):
        end += 1
    return line[first:end] if end == second or TITLE_END.search(line[first:end]) else phrase


TITLE_END = re.compile(r"(?:思路|打算|谋划|计划|要点|总结|报告|情况|安排|规划|方案)$")


def _dated(line: str) -> bool:
    return bool(DATE.search(arabic_dates(line)) or ENGLISH_DATE.search(line)) and len(line) <= 80


# A date written in English, as a feed reader or a mirror prints it under a headline (Apr 17th 2019, 00:00; 5 March 2021).
ENGLISH_DATE = re.compile(r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
                          r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?),?\s+(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class ReportTypeRule:
    """A named rule: the report type a title or a report's description of itself shows."""

    name: str
    label: str
    pattern: re.Pattern


@cache
def report_type_rules() -> tuple[ReportTypeRule, ...]:
    return tuple(ReportTypeRule(r["name"], r["label"], re.compile(r["pattern"])) for r in _config()["report_type"])


def type_named_in(phrase: str | None, earliest: bool = False) -> str | None:
    """The type the first matching rule gives a title, None when none matches; with
    `earliest` (an opening, where the title may run into the body) the rule matching first in
    the text."""
    if not phrase:
        return None
    phrase = _without_field_names(phrase)
    if earliest:
        found = [(m.start(), index, rule.label) for index, rule in enumerate(report_type_rules())
                 for m in [rule.pattern.search(phrase)] if m]
        return min(found)[2] if found else None
    return next((rule.label for rule in report_type_rules() if rule.pattern.search(phrase)), None)


@cache
def _field_names() -> re.Pattern:
    return re.compile(alternation(_config()["report_kind"]["field_names"]))


def _without_field_names(phrase: str) -> str:
    """The phrase with the names of fields that hold a type's word (计划生育) blanked: they name no type; nor
    does a plan a figure is measured against (占计划任务的112%, 完成年计划的52%, 超计划3000亩), nor a
    programme's quoted name (“春苗计划”: `QUOTED_PROGRAMME`)."""
    return blanked(QUOTED_PROGRAMME, blanked(PLAN_MEASURE, blanked(_field_names(), phrase)))


# A programme's name in quotes (推进“春苗计划”助学项目, “春风行动计划”): what the work is called, no plan document;
# a title naming a plan says so outside quotes (…“春苗计划”实施方案 is read by its 方案).
QUOTED_PROGRAMME = re.compile(r"[“\"](?![^“”\"\n]*\d{4})[^“”\"\n]{1,12}?(?<!工作)计划[”\"]")  # (not a quoted plan document's
# own title, …2024年工作计划 in quotes)


# A plan as the measure of what was done: the base of a share (占计划…, 完成年计划的52%, …计划任务的112%), or what was
# exceeded (超计划3000亩): a headline's figure, no plan named.
PLAN_MEASURE = re.compile(r"(?:占|超)(?:年度|全年|年|当年)?计划(?:任务)?(?:的|数)?"
                          r"|计划(?:任务)?的?\s*\d+(?:\.\d+)?\s*[%％]")


# A type the report's description of itself may make more specific (a 工作总结 whose opening
# says it reports on the half year and the plan for the next); a title naming any other type
# (法治政府建设…情况, …统计公报) already says what the report is.
REFINES = {None: 3, "other": 3, "年度工作总结": 2, "半年工作总结": 1, "工作总结和计划": 0}


def report_type(title: str | None, text: str, place_issuer: bool = False) -> str:
    """The type from the title, refined by the report's description of itself (现将…汇报如下);
    a headline (a title naming no document) or a text whose issuer is a place is news; without
    a title, the opening: a news lede, a progress table's columns, a summary's opening year.
    Without a title, a summary with a plan part (二、2024年工作打算) is a 工作总结和计划. A title of a
    few characters naming no document (a yearbook entry's heading of its field: 社会救助, 统计) is none."""
    entry = bool(title) and len(re.sub(r"[\s【】]", "", title)) < SHORTEST_TITLE and not names_document(title)
    if entry:
        title = None
    kind = _report_type(title, text, place_issuer, entry)
    if kind in ("other", "新闻报道") and YEARBOOK_NAMED.search(head_of_table(text)[:OPENING]) and not SEVERAL_YEARS.search(text, 0, OPENING) \
            and not _table_body(text):  # (a table of figures in its appendix is statistics: 进展表, below)
        return "年度工作总结"  # a page of a yearbook its head names with its edition (Page 425 - 某县年鉴2017, 首页 出版
        # 某区年鉴2020 / 退役军人管理), reviewing one year: the year's (session 32), not one of several (改革开放30年…);
        # no news, whatever a photo's credit in its columns (某某 摄) looks like
    if kind == "other" and title and title.endswith(SPEECH) and not LATER_PART.search(text) and REVIEW_PART.search(text):
        return "年度工作总结"  # a speech at a meeting (…会议上的讲话) whose excerpt holds its review part alone (一、…工作回顾)
    if kind == "工作总结和计划" and title and "政府工作报告" in title and (
            not LATER_PART.search(text) and (REVIEW_PART.search(text) or REVIEWED_YEAR_PART.search(text)
                                             or _delivered_review(text) and not plan_section_start(text))
            or UNNUMBERED_REVIEW.search(text) and not plan_section_start(text)):
        if TERM_REVIEW.search(text):
            return "other"  # its review part a term's (一、十四届人民政府工作回顾, 一、“十二五”工作回顾): no year's (session 34)
        return "半年工作总结" if FIRST_HALF.search(title) else "年度工作总结"  # an excerpt of a work report holding its
        # review part alone (一、“十三五”工作回顾 …, no 二、; or its review headed on a line of its own, 2023年工作回顾, with no
        # plan part after it), or delivered (我代表…向大会) with no later part nor plan part reached, its review's heading
        # lost to the page's layout: a half-year's if the report is (上半年政府工作报告)
    if not title and kind in ("年度工作总结", "半年工作总结") and (plan_section_start(text) or _site_lead_type(text) == "工作总结和计划"
                                                         or RUN_IN_PLAN.search(text)):
        return "工作总结和计划"  # a title says what the report is, its plan part notwithstanding…
    if title and kind == "年度工作总结" and BRIEFING.search(title) and plan_section_start(text):
        return "工作总结和计划"  # …but a briefing (…的工作汇报) names no part: one with a plan part (三、下一步打算) holds both
    return kind


# A work report's speaker delivering it to the congress (我代表…人民政府,向大会作…报告):
# the report itself, its review first, whatever news marks the site that carries it adds (责任编辑:…).
DELIVERED_TO_CONGRESS = re.compile(r"我谨?代表[^。\n]{1,30}?(?:人民政府|政府)\s*[,，]?\s*向\s*(?:大会|本次大会|本次会议)")
# What a review tells after it (一年来, 今年以来, 过去的一年, 2023年,全县…, 2019年和今年以来工作回顾).
REVIEW_SIGN = re.compile(r"工作回顾|一年来|今年以来|过去(?:的)?一年|(?:19|20)\d{2}\s*年\s*[,，]")


def _delivered_review(text: str) -> bool:
    """A work report delivered to the congress whose excerpt goes on into its review."""
    delivered = DELIVERED_TO_CONGRESS.search(text)
    return bool(delivered and REVIEW_SIGN.search(text, delivered.end()))


# A yearbook, or a yearly chronicle, named with its edition's year (某县年鉴2017, 某市年鉴(2020), 《某市年鉴·2020》,
# 中共某市委执政纪要2016).
YEARBOOK_NAMED = re.compile(r"[\u4e00-\u9fff]{2,16}(?:年鉴|纪要)\s*[·•・]?\s*[(（]?\s*(?:19|20)\d{2}(?!\d)")


# A plan part opened by a run-in heading at a line's start, its year and a plan word before a colon (2016年脱贫计划:…):
# an untitled text is typed by what its excerpt holds (session-35 ruling), a review and a plan.
RUN_IN_PLAN = re.compile(r"^[ \t]*(?:19|20)\d{2}\s*年[^\n，。,:：]{0,10}?(?:计划|打算|安排|思路)[:：]", re.MULTILINE)
FIRST_HALF = re.compile(r"(?<!下)半年(?!度)")  # 上半年, 半年; not 下半年 (a plan's), 半年度
SPEECH = "上的讲话"  # a speech at a meeting, as its title ends (在2023年全市民政工作会议上的讲话)


# A title naming a briefing on work (…工作汇报, …情况汇报), no summary nor period: typed by the parts it holds.
BRIEFING = re.compile(r"^(?![^\n]*(?:总结|\d{4}\s*年|半年|季度))[^\n]*汇报$")


# A work report's review part (一、2023年工作回顾, 一、“十三五”工作回顾), or its first part headed by the year it
# reviews, run into the text too (… 一、2023年我们迎难而上,各项工作稳中有进; not 一、2024年工作安排, a plan's).
REVIEW_PART = re.compile(r"^[ \t]*一[、.．][^\n。]{0,16}?工作回顾", re.MULTILINE)
REVIEWED_YEAR_PART = re.compile(r"(?:^|(?<=[\s。；;]))[ \t]*一[、.．][ \t]*(?P<year>(?:19|20)\d{2})\s*年"
                                r"(?![^\n。，,]{0,10}?(?:目标|任务|安排|打算|计划|思路|重点|预期|要求))", re.MULTILINE)
# A review part of a government's term or a five-year plan's, naming no year (一、十四届人民政府工作回顾, 一、“十二五”工作回顾,
# 一、过去五年工作回顾; not 一、“十二五”时期和2015年工作回顾, the year with its term).
TERM_REVIEW = re.compile(r"^[ \t]*一[、.．](?![^\n。]{0,20}?\d{4}\s*年)[^\n。]{0,16}?(?:届|十\s*[一二三四五]\s*五|[两三四五]年|任期)"
                         r"[^\n。]{0,12}?工作回顾", re.MULTILINE)
# …or headed on a line of its own, unnumbered (2023年工作回顾).
UNNUMBERED_REVIEW = re.compile(r"^[ \t]*(?:\d{4}\s*年|过去[一五]年)?[^\n。，,]{0,8}?工作(?:回顾|总结)[ \t]*$", re.MULTILINE)
# A later part's heading, at a line's start or run into the text after a stop (…。 二、2024年工作安排).
LATER_PART = re.compile(r"(?:^|[\s。；;])[ \t]*[二三四五六七八九十]{1,2}[、.．]", re.MULTILINE)


# A sharing site's lead naming the text it shows (下面是小编为大家整理的社区工作总结及2024年工作打算,供大家参考).
SITE_LEAD = re.compile(r"(?:小编|本站)[^。\n]{0,12}?(?:整理|分享|收集)(?:了|的)(?:这篇|这份|一篇)?"
                       + SITE_SHOWN_TITLE + r"[,，。]")


def _site_lead_type(text: str) -> str | None:
    """The type a sharing site's lead names for the one text it shows (none for a compilation, …(最新6篇)):
    an untitled summary the lead calls a summary with its plan (…总结及2023年工作思路) is one, though
    the excerpt ends before its plan part."""
    lead = SITE_LEAD.search(text, 0, OPENING)
    return type_named_in(lead["title"]) if lead and not COMPILATION.search(lead["title"]) else None


# A document the text follows, named unquoted after 根据, 按照 (根据县人大常委会2023年工作要点, 按照市里的实施方案,
# 为落实全市养老服务体系建设规划): the text's ground, not the text.
CITED_DOCUMENT = re.compile(r"(?:根据|按照|依据|依照|遵照|对照|贯彻落实|贯彻|落实)[^。；;，,、\n]{0,30}?"
                            r"(?:工作要点|要点|实施方案|方案|工作计划|计划|规划|意见|通知|工作安排)")


def _report_type(title: str | None, text: str, place_issuer: bool, entry: bool = False) -> str:
    """`entry`: the text stands under a heading of its field (a yearbook entry's), whose writer's name in
    brackets closing it is no reporter's byline."""
    config = _config()["report_kind"]
    if _is_news(text, bylines=not entry) and not DELIVERED_TO_CONGRESS.search(text, 0, 2 * OPENING):
        return "新闻报道"
    if title and _figure_headline(title):
        return "新闻报道"  # a title stating a figure (1至10月城镇新增就业15万人) is a headline, whatever period it names
    kind = type_named_in(title)
    if not title and len(re.findall(config["rule_of_law_word"], NAMES.sub("", text[:OPENING]))) >= config["rule_of_law_mentions"]:
        return _rule_of_law_label()  # an opening on 法治 again and again (法治思想…法治保障…推进法治政府建设)
    if not title and len(re.findall(config["disclosure_word"], text[:OPENING])) >= config["disclosure_mentions"]:
        return _disclosure_label()  # an opening on 信息公开 again and again (…政府信息公开条例…信息公开工作…)
    described = re.search(config["self_description"], NAMES.sub("", text[:OPENING]))
    refined = type_named_in(described.group()) if described else None
    if refined and (kind is None or refined != "other" and kind in REFINES
                    and REFINES.get(refined, 3) < REFINES[kind]):
        return refined
    if kind and title and _meeting_headline(title):
        return "新闻报道"
    if kind == "年度工作总结" and title in text:  # 工作总结 whose body opens with 上半年
        summary = re.match(config["summary_opening"], text[text.find(title) + len(title):].lstrip(" ,，:：\n"))
        if summary and (summary["half"] or summary["half2"]):
            return "半年工作总结"
    if kind:
        return kind
    if _hearsay(text):
        return "新闻报道"  # a text naming no kind of document that says where it learned what it tells
    if title and (len(title.replace(" ", "")) >= config["shortest_headline"]
                  and not any(word in blanked(QUOTED_PROGRAMME, title) for word in config["document_words"])
                  and not ISSUE_NUMBER.sub("", title).endswith(_document_genres()) or _activity_headline(title)):
        # …提案的答复, …会议公告(第8号) is no headline
        return "新闻报道"
    if title and LIST_ANNOUNCED.search(text, 0, len(title) + OPENING):
        return "工作计划"  # a congress's or government's announcement (…会议公告) of the 实事 it is to carry out
    if title:  # a title naming no kind over a table of figures (2020-2021年…基本情况 / 项目 | 2020 | 2021 |): statistics
        return "进展表" if _table_body(text) else "other"
    opening = DOC_NO_LINE.sub("", _without_site_preamble(text.lstrip()))[:OPENING]
    if entry:
        opening = ENTRY_RUN_ON.sub("", opening, count=1)  # its text after its heading (民生事业 2014年,…)
        if ENTRY_YEAR.search(opening) or ENTRY_SECTION.search(opening) and not SEVERAL_YEARS.search(text, 0, OPENING):
            return "年度工作总结"  # its first section reviewing one year (【概况】 2013年,市民政局…), or its sections headed in
            # brackets (【概述】 …设8个科室… / 【社会救助】 …) reviewing no several years (两年共…): the year's (session 32)
    if re.match(config["news_lede"], opening) or _hearsay(text) or _release_told(opening.split("。")[0]) \
            or THIRD_PERSON_PLACE.search(opening.split("。")[0]) or len(THIRD_PERSON_PLACE.findall(opening)) >= 2 \
            or len(THIRD_PERSON_BODY.findall(opening)) >= 2 and not SELF_BODY.search(text):
        return "新闻报道"
    cells = " ".join(line for line in opening.split("\n") if "|" in line)  # a column heads a cell, not prose (取得新进展)
    if any(column in cells for column in config["progress_columns"]) or _table_body(text):
        return "进展表"  # a progress table's columns, or a page that is a table of figures (指标 | 单位 | 数量)
    if PROGRESS_HEADING.match(opening) and len(TASK_SHARE.findall(opening)) >= TASK_SHARES:
        return "进展表"  # an untitled note opening on the work's progress (一、工作推进情况) and giving figures as shares of
        # the year's tasks (完成全年任务的35.86%) again and again: a progress table written as prose
    if AS_OF_LINE.fullmatch(opening.split("\n", 1)[0].strip()):
        return "进展表"  # figures under the date they run to, on its own line (截至2025年12月底 / 1.全县共有…): statistics
    if "年末" in opening and len(BULLETIN_PERIOD.findall(opening)) >= BULLETIN_PERIODS or BULLETIN_FIRST_SECTION.search(opening) \
            or _bulletin_section().search(opening) and not OWN_PLACE_WORD.search(opening) and not SELF_BODY.search(opening):
        return "进展表"  # a statistics bulletin's section (年末户籍总人口…, 全年出生人口…), its first (一、综合) or one headed by
        # its fields (十一、文化、卫生和体育) in an opening that never speaks as 我县, 我局 (a summary's part on those fields does)
    if LIST_ANNOUNCED.search(opening.split("。")[0]):
        return "工作计划"
    named = type_named_in(CITED_DOCUMENT.sub("", NAMES.sub("", opening.split("。")[0])), earliest=True)  # not a 《…》 it cites
    if named:  # the first sentence says what the text is (…建立台账, 现将…总结如下)
        return named
    if re.match(config["monthly_opening"], opening) or re.match(config["monthly_opening"], PURPOSE_PREFACE.sub("", opening, count=1)):
        return "进展表"  # one month's figures (2025年10月,全市救助…): a monthly statistics release, after a paragraph
        # on the work's purpose too (为…,县民政局会同…做好困难群众救助工作。 / 2022年3月全县发放…)
    prose = _without_label_rows(opening)  # (a portal's block laid out as table rows over it: | 索引号 | … | 发布机构 | … |)
    summary = re.match(config["summary_opening"], prose)
    if not summary and (place := town_at(prose, 0) or _place_at(prose, 0)):
        summary = re.match(config["summary_opening"], prose[len(place):])  # its own place first (某镇2020年…)
    if summary:
        return "半年工作总结" if summary["half"] or summary["half2"] or _at_mid_year(summary, text) else "年度工作总结"
    as_of = AS_OF_MONTH.match(opening)
    if as_of and int(as_of["month"]) in MID_YEAR:  # 截止6月29日,全市…目标任务“时间过半、任务过半”
        return "半年工作总结"
    if place_issuer:
        return "新闻报道"
    named = type_named_in(CITED_DOCUMENT.sub("", NAMES.sub("", opening)), earliest=True)
    if named and named != "工作计划":  # 统筹规划, 印发…方案 in prose name no plan
        return named
    summary = _summary_clause().search(opening)
    if summary and not any(not opening.startswith("最", years.end()) for years in SEVERAL_YEARS.finditer(opening)):
        # a year's clause inside a review of several years as one period (改革开放30年…, 五年来…) is no year's summary:
        # other (session-36 ruling); a record it sets (近40年来最严重的洪涝) reviews no years
        return "半年工作总结" if summary["half"] or summary["half2"] else "年度工作总结"
    if STORY_DAY.search(opening.split("。")[0]):
        return "新闻报道"  # its first sentence dates what it tells by the day (活动自5月10日启动后, 于近期为…发放): a report dates
        # its period, a story its day (the news lede's convention, here past the sentence's start)
    if FORESEEN.search(opening) and not DONE.search(opening):
        return "工作计划"  # an opening that sets what is to come (建议…主要预期目标为, 2023年街道将重点推进, 未来5年…到2020年将
        #实现) and tells nothing done: a plan, as an untitled text is typed by what its excerpt holds (session 35)
    return "other"


# An untitled text's first heading naming the work's progress (一、工作推进情况, 一、重点任务进展情况).
PROGRESS_HEADING = re.compile(r"\s*[一1][、.．]\s*[^\n。]{0,12}?(?:推进|进展)情况\s*\n")
# A figure told as its share of the year's task (完成全年任务的35.86%, 占年度目标的60%).
TASK_SHARE = re.compile(r"(?:完成|占)(?:全年|年度|年)(?:目标)?任务(?:数)?的?\s*\d+(?:\.\d+)?\s*[%％]")
TASK_SHARES = 2


# A count with its measure word (15万人, 110所, 941万元, 96.09%): a headline states one, a document's title names its
# subject (…10件民生实事进展情况, 关于实施50项民生实事的通知).
STATED_FIGURE = re.compile(r"\d(?:\.\d+)?\s*[万亿]?\s*(?:个|人|户|元|张|家|所|项|件|名|座|亩|套|公里|吨|%|％)")


def _figure_headline(title: str) -> bool:
    """A title stating a figure and naming no document (no report's word anywhere, no 关于…: 2024年10件民生实事进展
    情况(截至9月底) is a report's), nor a list of 实事 or a table (2024年10件民生实事, …完成情况表): a news headline."""
    title = title.strip()
    return bool(STATED_FIGURE.search(title)) and not title.startswith("关于") and not names_document(title) \
        and not title.endswith(LISTED_DEEDS)


LISTED_DEEDS = ("实事", "实事项目", "清单", "名单", "表")


# A document's number in its series closing its title (…会议公告(第8号), …通告(第3号)).
ISSUE_NUMBER = re.compile(r"\s*[(（]\s*第?\s*[\d一二三四五六七八九十]+\s*号\s*[)）]\s*$")


# A list of 实事 announced as the work to be done (今年确定民生实事项目12项,分别是:; 民生实事共8件,具体如下:): a plan
# (fixtures README, session 37: a 实事 list is 工作计划), whatever its title names.
LIST_ANNOUNCED = re.compile(r"实事(?:项目)?(?:为|共)?\s*[\d一二三四五六七八九十]+\s*(?:项|件)\s*[,，:：]?\s*(?:分别是|如下|具体(?:如下|是))")


# A day in a sentence (5月10日, not a year's 2023年12月31日, a period's end) or a day told relative to the story's (近期, 近日, 日前).
STORY_DAY = re.compile(r"(?<![\d年])\d{1,2}\s*月\s*\d{1,2}\s*日|近期|近日|日前")


# What a plan's opening sets for the time to come: its targets (预期目标, 力争), its horizon (未来5年, 到2020年), the
# body's will (将重点推进, 将始终把…); not 将 as the object marker alone (将…纳入).
FORESEEN = re.compile(r"预期目标|力争|未来\s*[\d一二三四五十]+\s*年|到\s*(?:19|20)\d{2}\s*年"
                      r"|将(?:重点|继续|进一步|着力|全力|大力|始终|持续|加快|积极|深入|认真|全面)")
# What a review's opening tells done: a verb completed (完成了, 已建成), a total (共计, 累计发放), a change on last year.
DONE = re.compile(r"完成了|实现了|取得了|开展了|发放了|已(?:经)?(?:完成|建成|实现|发放|开展)|(?<![计划])共(?:计|有|完成|发放|救助|投入)"
                  r"|累计(?:完成|发放|投入)|同比|比上年|较上年")


# A first paragraph stating the purpose of the work the figures are of (为加快…,某局…全力推进…工作。), on its line.
PURPOSE_PREFACE = re.compile(r"^为[^\n。]{4,200}。[ \t]*\n\s*")


# The periods a statistics bulletin states its figures for, its year unnamed (年末常住人口…, 全年诊疗…); a
# summary's stocks are 年底's. An untitled opening stating figures for them this often, 年末 among them, is one.
BULLETIN_PERIOD = re.compile(r"(?<![\d年])(?:年末|全年)(?![度底])")
BULLETIN_PERIODS = 3


# A statistics bulletin's first section, the economy as a whole (一、综合 over 地区生产总值…), standing alone
# on its line: a bulletin, though its preface opens on its year (2021年,全县上下…) as a summary does.
BULLETIN_FIRST_SECTION = re.compile(r"^[ \t]*一[、.．][ \t]*(?:国民经济)?综合[ \t]*$", re.MULTILINE)


@cache
def _bulletin_section() -> re.Pattern:
    """A numbered head line naming two of a bulletin's fields or more and nothing else (十、教育、卫生)."""
    field = alternation(_config()["report_kind"]["bulletin_fields"])
    return re.compile(rf"^[ \t]*[一二三四五六七八九十]{{1,3}}[、.．][ \t]*(?:{field})(?:[、和与及][ \t]*(?:{field}))+[ \t]*$", re.MULTILINE)


# A first sentence whose subject is its place called 该县, 该市 … (2016年,该县落实…; 今年以来,该区共…): a
# story told of a place by someone outside it, which its own report calls 我县 or 全县; so is an opening
# with such a subject in two of its clauses (今年以来,某县… 1至9月,该县累计培训… 近年来,该县还建成…).
THIRD_PERSON_PLACE = re.compile(r"(?:^|[,，]\s*)该(?:县|市|区|旗|州|盟|镇|乡|街道)(?![级委政])")


# A body called 该局, 该厅 … (今年以来,某县民政局…。该局荣获…): told of by someone outside it, in two places of the
# opening, where its own report says 我局 (SELF_BODY) throughout.
THIRD_PERSON_BODY = re.compile(r"该(?:局|厅|委|办|中心|会)(?![级长议法员托理])")  # not 该会议, 该办法, 该委托
SELF_BODY = re.compile(r"[我本](?:局|厅|委|办|中心|会)")


# What a body does in a headline that opens with it (市人大常委会调研…, 区政协开展…督查): an event, not a document's name.
ACTIVITY_VERB = re.compile(r"\s*(?:调研|视察|开展|召开|举行|走访|慰问|督查|检查)")


# An untitled text whose first sentence tells of a body publishing a bulletin or report by its name
# (民政部公布的《2015年…统计公报》显示, 某局官网发布《…数据》): news of the release, not the release.
# A text resting its figures on one (根据民政部发布的《…公报》,截至…) cites it: no news of it.
RELEASE_TOLD = re.compile(r"(?:发布|公布)(?:了|的)?\s*《[^《》\n]{2,40}?(?:公报|数据|报告|年报)》")
CITING = re.compile(r"(?:根据|依据|按照|参照|引自|摘自)")


def _release_told(sentence: str) -> bool:
    found = RELEASE_TOLD.search(sentence)
    return bool(found) and not CITING.search(sentence, 0, found.start())


def _meeting_headline(title: str) -> bool:
    """A title telling of a body or a place holding a meeting (某县召开2023年一季度经济运行分析会): news of the
    meeting, the document word inside the meeting's name."""
    opening = next(iter(known_agencies(title, opening=True)), None)
    at = opening[1] if opening and opening[0] == 0 else len(place) if (place := _place_at(title, 0)) else None
    return at is not None and bool(MEETING_HELD.match(title, at))


# A meeting held, named to its end (召开…工作情况通报会, 举行…总结表彰大会).
MEETING_HELD = re.compile(r"\s*(?:召开|举行|举办)[^。，,；;\s]{2,40}?会议?$")


def _activity_headline(title: str) -> bool:
    """A title opening with a body that then does something (随州市人大常委会调研《…》落实情况): news of it,
    whatever document word it ends with."""
    opening = next(iter(known_agencies(title, opening=True)), None)
    return bool(opening and opening[0] == 0 and ACTIVITY_VERB.match(title, opening[1]))


def _without_site_preamble(text: str) -> str:
    """The text without the paragraphs an essay or sharing site opens with (总结是…的一种书面材料…
    以下是小编分享的…(最新8篇)): the report opens after them."""
    while True:
        first, newline, rest = text.partition("\n")
        if not newline or not _sharing_marks().search(first):
            return text
        text = rest.lstrip()


@cache
def _disclosure_label() -> str:
    return next(rule.label for rule in report_type_rules() if rule.name == "information_disclosure")


@cache
def _rule_of_law_label() -> str:
    return next(rule.label for rule in report_type_rules() if rule.name == "rule_of_law")


TABLE_SHARE = 0.5  # of the body's first lines, the share that are table rows in a table page
TABLE_LINES = 60


def _table_body(text: str) -> bool:
    """A page that is a table: half its first lines are rows or cells (… | 62524 |), or a figure's cell alone on its
    line, the table flattened one cell a line (安亭镇 / 25 / 28 / 20740)."""
    lines = _nonempty_lines(text)[:TABLE_LINES]
    return len(lines) >= 10 and sum("|" in line or bool(FIGURE_CELL.fullmatch(line.strip())) or len(ALIGNED_FIGURES.findall(line))
                                    >= ALIGNED_ROW_FIGURES for line in lines) >= TABLE_SHARE * len(lines)


FIGURE_CELL = re.compile(r"-?\d[\d,，.]*%?")  # a cell's figure alone on its line (20740, 1,070, 96.5%)
# A figure set off by two spaces or more, a PDF's table laid out with spaces (城市低保人数   万人   1.52   1.47 …):
# a row holds three of them or more.
ALIGNED_FIGURES = re.compile(r"(?:(?<=[ \t\u3000]{2})|(?<=\t))-?\d[\d,.]*%?(?=[ \t\u3000]{2}|\t|[ \t\u3000]*$)", re.MULTILINE)
ALIGNED_ROW_FIGURES = 3


# 截至 (and its common variant 截止) a month's end or day: how far the figures run.
AS_OF_MONTH = re.compile(r"截[至止]\s*(?:到\s*)?(?:\d{4}\s*年)?\s*(?P<month>\d{1,2})\s*月\s*(?:底|末|\d{1,2}\s*日)")
MID_YEAR = range(5, 8)  # the months a half-year summary counts up to


def _at_mid_year(summary: re.Match, text: str) -> bool:
    """A summary of the year so far (年初以来, 今年以来) whose figures run to the middle of the
    year (截至5月底) reports on the half year."""
    months = [int(m["month"]) for m in AS_OF_MONTH.finditer(text)]
    return summary["since"] is not None and bool(months) and max(months) in MID_YEAR


@cache
def _summary_clause() -> re.Pattern:
    """An excerpt that starts mid-text is a summary when a clause of its opening starts with
    the year or period it works in (…保障,2023年,我区承担的…), unless the clause says 将."""
    opening = _config()["report_kind"]["summary_opening"].removeprefix("^")
    return re.compile(rf"[。，,；;\n]\s*{opening}\s*[,，](?![^。，,；;\n]{{0,12}}将)")


OPENING = 400
DOC_NO_LINE = re.compile(rf"^(?:{DOC_NO.pattern})\s*\n\s*")
# Pinyin some sites put after a character (網(wǎng), 會(huì )), hiding the words around it.
PINYIN = re.compile(rf"\([{PINYIN_LETTERS}]{{1,6}} ?\)")  # 會(huì )議 too


PHOTO_CREDIT = re.compile(r"[\u4e00-\u9fff]{2,4}[ \u3000]+摄(?![影像制])")  # its line may run on into the text


@cache
def _quoted_speaker() -> re.Pattern:
    """A quotation's close, then its speaker named by an official title, then the verb of saying."""
    news = _config()["news"]
    return re.compile(rf"[”\"]\s*[,，]?\s*[^“”\"。，,;；\n]{{0,30}}?(?:{alternation(news['speakers'])})"
                      rf"[^“”\"。，,;；\n]{{0,6}}?(?:{alternation(news['speech_verbs'])})")


# A reporter telling where it learned what it tells: 据悉, 据了解, 据介绍 opening a sentence or clause
# (…已发放补贴179万元。据悉,目前…), or 从…获悉 (记者从县民政局获悉, 从会议上了解到). A report speaks of its
# own work and does not say it heard of it; a text naming no kind of document that does is a story.
HEARSAY = re.compile(r"(?:^|[。！？!?\n，,；;])\s*(?:据(?:悉|了解|介绍)\s*[,，:：]|据[^\s,，。；;“”]{2,24}?介绍\s*[,，:：]"  # 据市民政局介绍, too
                     r"|(?:记者|笔者)?(?:近日|日前|近期|昨天|昨日|今天|今日)?(?:记者|笔者)?从[^\s,，。、从]{2,30}?(?:获悉|了解到|得知))")  # 近日从…获悉 too


def _hearsay(text: str) -> bool:
    return bool(HEARSAY.search(text) or _official_told().search(text))


@cache
def _official_told() -> re.Pattern:
    """An official by title (and name) telling the writer, the clause after it what they said
    (…殡葬管理处处长王琦介绍,…; 市残联相关负责人告诉记者:…): a reporter's source, not a report's voice."""
    return re.compile(rf"(?:{alternation(_config()['news']['speakers'])})[\u4e00-\u9fff]{{0,3}}(?:介绍|告诉记者)\s*[,，:：]")


def _is_news(text: str, bylines: bool = True) -> bool:
    news = _config()["news"]
    edges = text[:600] + text[-300:]
    if "(" in edges:
        edges = PINYIN.sub("", edges)
    if any(_marked(edges, mark) for mark in news["marks"]) or NEWS_DATELINE.search(edges) or PHOTO_CREDIT.search(edges) \
            or _quoted_speaker().search(edges) or AGGREGATOR_DATELINE.search(text[:600]) or PAPER_PAGE.search(text[:600]):
        return True  # a mark, a wire's or paper's dateline (中新网长春1月15日电, 本报1月31日讯), a photo's credit (林双伟 摄),
        # an official quoted (“……”,市民政局相关负责人介绍), a news aggregator's posting time under the headline (21.06.2016 16:04),
        # an e-paper's page line (第001版:首 版, 00002版:要闻)
    if bylines and CLOSING_BYLINE.search(text[-300:]) or CLOSING_CREDITS.search(text[-300:]) or EDITOR_CREDIT.search(text[-300:]):
        return True  # the reporter's name closing the last sentence (…社会和谐稳定。(杨冠宇), (张 玥) spaced out), or its editors'
        # ((编辑:… 审核:…), [ 编辑: 王林 ])
    if closing_source(text) or opening_source(text):
        return True  # …or the body that sent the story before its writer's name (…。(某县民政局 王林)), or before its
        # lede ((某区外宣办)今年以来,…)
    return bool(re.search(rf"来源\s*[:：]\s*[^\n]{{0,12}}?(?:{alternation(news['sources'])})", edges))


# An e-paper's page line in the head (第001版:首 版, 00002版:要闻, A3版:…): a newspaper's page.
PAPER_PAGE = re.compile(r"^[ \t]*(?:第\s*)?[A-Za-z]?\d{1,5}\s*版\s*[:：]", re.MULTILINE)
# A news aggregator's posting time alone on its line, its day first and its clock after (21.06.2016 16:04).
AGGREGATOR_DATELINE = re.compile(rf"^[ \t]*{DAY_FIRST_DATE.pattern}[ \t]+\d{{1,2}}:\d{{2}}[ \t]*$", re.MULTILINE)


def _marked(edges: str, mark: str) -> bool:
    """Whether a news mark stands in the text's edges other than as an item of a list (机构概况、工作动态、通知公告:
    a site's columns a disclosure report names) or a section of the page's breadcrumb (首页 > 新闻中心 > 政策法规: the
    site's column the page is filed under)."""
    return any(edges[at.start() - 1:at.start()] != "、" and edges[at.end():at.end() + 1] != "、"
               and not BREADCRUMB.search(_line_around(edges, at.start()))
               for at in re.finditer(re.escape(mark), edges))


def _line_around(text: str, at: int) -> str:
    """The line of the text holding the offset."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:end if end >= 0 else len(text)]


# A news story's closing byline: one or more names in brackets right after its last sentence's
# stop (…维护了社会稳定。(杨冠宇), 。（王林 李明）). A report ends with its signature on a line of
# its own, and a seal's note ((盖章)) stands there, not after a sentence; an excerpt's (未完待续) is no name.
# A two-character name may be spaced out to a three-character one's width (张 玥).
BYLINE_NAME = r"(?:[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff](?![\u4e00-\u9fff])|[\u4e00-\u9fff]{2,4})"
CLOSING_BYLINE = re.compile(rf"[。！!]\s*[(（](?!未完|待续|续|完|略|签|盖|附|此页){BYLINE_NAME}(?:[ \u3000、]+{BYLINE_NAME})*[)）]\s*$")


# A story's closing credits: its writer's and editors' names by their roles, in brackets at its end
# ((撰稿:杨林 审核:王明), (编辑:李欢 编审:刘平)).
CLOSING_CREDITS = re.compile(r"[(（]\s*(?:撰稿|编辑|审核|编审|审校|校对|初审|复审|终审)\s*[:：][^()（）\n]{1,40}[)）]\s*$")
# …or its editor's credit in square brackets under it, the site's footer after it ([ 编辑: 王林 ], [编辑:李欢]).
EDITOR_CREDIT = re.compile(r"[\[【]\s*(?:编辑|編輯|责编|責編)\s*[:：]\s*[\u4e00-\u9fff]{2,4}\s*[\]】]")


def iso_date(value: str | None) -> str | None:
    found = DATE.search(value or "")
    if not found:
        return None
    year, month, day = int(found["y"]), int(found["m"]), int(found["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def signature_date(lines: list[str]) -> str | None:
    """The date line of the signature block at the end of the report, else of a notice's
    signature in the head (马鞍山市人民政府 / 2022年5月6日 over the plan it issues; a body's whole name
    the lists do not know over its date in brackets: 某县统计局 / (2024年3月15日))."""
    for line in reversed(lines[-TAIL_LINES:]):
        line = arabic_dates(line)
        if DATE.fullmatch(line):
            return iso_date(line)
    for signer, line in zip(lines[:HEAD_LINES], lines[1:HEAD_LINES]):
        line = arabic_dates(line).strip().removeprefix("(").removeprefix("（").removesuffix(")").removesuffix("）")
        if DATE.fullmatch(line) and _signing_body(signer):
            return iso_date(line)  # a bulletin's issuer the lists do not know over its bracketed date (某县统计局 / (2024年3月15日))
    for signer, line in zip(lines, lines[1:]):
        # a notice's signature over the table it attaches (…局 …局 / 二OO九年六月十八日 / 救灾补助资金指标分配表): its
        # bodies side by side, each a body the lists know or a placed office, over the date alone on its line
        pieces, line = signer.split(), arabic_dates(line).strip()
        if DATE.fullmatch(line) and pieces and all(_signing_body(piece) for piece in pieces):
            return iso_date(line)
    return None


def _signing_body(name: str) -> bool:
    """A body's whole name as a signature writes it: one the lists know, or an office opening with its place
    (某县统计局), which the lists need not know."""
    return any(start == 0 and end == len(name) for start, end, _ in known_agencies(name, opening=True)) \
        or len(name) <= LONGEST_NAME and _placed_office(name)


def head_date(lines: list[str], news: bool = False, title: str | None = None) -> str | None:
    """A publication date in the head: a labelled one (发布时间: …), a news line's 时间 beside
    its source or on a news page, a paper's name and date, or a date alone on the line under
    a news headline (a bullet item of its byline block too: • 2023-01-20 10:20). The head
    reaches the line under the title, however many lines of a site's menu stand over it."""
    labels = _config()["head_labels"]
    date_labels = alternation(labels["publish_date"])
    end = max(HEAD_LINES, lines.index(title) + 2) if title in lines else HEAD_LINES
    if issued := _issue_date_in_head(lines[:end]):
        return issued
    for index, line in enumerate(lines[:end]):
        if (_label_alone(line) or label_key(line.strip(BULLETS)) in labels["publish_date"]) and index + 1 < len(lines):
            line = line.strip(BULLETS) + " " + lines[index + 1].strip(BULLETS)  # 发布日期: / 2023-03-31, a page block saved one line each (• 发布日期 / • 2016-12-09)
        line = URL.sub(" ", arabic_dates(line)).lstrip("".join(NOT_TITLE_OPENINGS) + " ")  # a link's path date is its source's
        found = re.search(rf"(?:{date_labels})\s*[:：]?\s*(?P<date>{DATE.pattern})", line)
        if found:
            return iso_date(found.group("date"))
        timed = re.match(rf"{labels['news_time']}\s*[:：]", line)
        if any(source in line for source in labels["news_source"]) or _news_furniture(line) \
                or news and re.search(rf"(?:^|\s){labels['news_time']}\s*[:：]", line) \
                or timed and index and lines[index - 1].startswith(tuple(labels["news_source"])) \
                or timed and lines[index + 1:index + 2] and lines[index + 1].strip(BULLETS).startswith(tuple(labels["news_source"])):
            # 海口网 http://… 时间:2017-08-03; 时间: on the line under or over 来源: (a page's block, a line each)
            found = re.search(rf"{labels['news_time']}\s*[:：]\s*(?P<date>{DATE.pattern})", line) \
                or re.search(rf"(?P<date>{DATE.pattern})", line)  # 2024-03-12 09:30 来源:永川日报; 甘孜日报 2020年09月25日
            if found:
                return iso_date(found.group("date"))
        if 0 < index <= 3 and (DATE.fullmatch(line.strip("()（）")) or WEEKDAY_DATE.fullmatch(line) or POSTED.match(line)
                               or PUBLISHER_DATE.fullmatch(line) or DATE_IN_COLUMN.fullmatch(line) or _dated_body(line)
                               or news and BYLINE_POSTED.fullmatch(line)) \
                or POSTED.match(line) and any(source in line for source in _config()["news"]["sources"]):
            return iso_date(line)  # …, or 2021-01-20 20:47 青江新闻客户端 under a headline below a site's furniture
    under = _line_under(lines, lines.index(title)) if news and title in lines else ""
    if POSTED.fullmatch(under.strip()) or DATE.fullmatch(under.strip()):
        return iso_date(under)  # a headline's date closing its byline labels one a line (来源:… / 作者: / 2022-01-04 15:16:01)
    titled = next((line for line in lines[:end] if title and (line.startswith(title) or _without_place_tag(line).startswith(title))),
                  lines[0] if lines else "")  # a site's place tag before the title too ((湖南省)…工作报告(2023年1月6日))
    glued = TRAILING_DATE.search(URL.sub(" ", titled))  # on the title's line, under a site's menu too (导航菜单)
    return iso_date(glued.group("date")) if glued else None  # the page's date after its title, no label


def _issue_date_in_head(head: list[str]) -> str | None:
    """The document's date of issue its label gives in the head (发文日期, 成文日期, 公开日期: the labels ranked before
    发布日期), wherever it stands among the labels of the time it was posted (发布时间 2022-01-10 … • 发文日期: 2022-01-08)."""
    ranked = _config()["head_labels"]["publish_date"]
    labels = alternation(ranked[:ranked.index("发布日期")])
    found = re.search(rf"(?:{labels})\s*[:：]?\s*[•·]?\s*(?P<date>{DATE.pattern})", arabic_dates("\n".join(head)))
    return iso_date(found.group("date")) if found else None


def _dated_body(line: str) -> bool:
    """A date beside a body's whole name on its line (2012-03-23 某县统计局 under a title): the body's date, as a
    signature's (the agency reads the same line, DATED_NAME)."""
    body = DATED_NAME.sub("", line.strip())
    return body != line.strip() and _whole_body(body)


# An e-paper's issue date with its weekday (2016年10月21日 星期五).
WEEKDAY_DATE = re.compile(rf"\s*{DATE.pattern}\s*(?:星期|周)[一二三四五六日天]\s*")


# A paper's issue line in the page's head (某某日报/2025 年/6 月/4 日/第 001 版): the story's date as printed.
PAPER_ISSUE = re.compile(r"\s*[\u4e00-\u9fff]{2,10}[报刊]\s*/\s*(?P<y>(?:19|20)\d{2})\s*年\s*/\s*(?P<m>\d{1,2})\s*月\s*/\s*(?P<d>\d{1,2})\s*日"
                         r"(?:\s*/\s*第\s*\d{1,3}\s*版)?\s*")


def paper_issue(lines: list[str]) -> str | None:
    """The issue date a paper's line in the head prints over its story (某某日报/2025 年/6 月/4 日/第 001 版)."""
    found = next((m for line in lines[:HEAD_LINES] if (m := PAPER_ISSUE.fullmatch(line))), None)
    return f"{found['y']}-{int(found['m']):02d}-{int(found['d']):02d}" if found else None


def issue_date(lines: list[str]) -> str | None:
    """The issue date with its weekday closing one of a news page's last lines (an e-paper's
    foot: 某某日报 要闻 00002 … 2015年09月23日 星期三)."""
    for line in reversed(lines[-TAIL_LINES:]):
        line = arabic_dates(line)
        found = WEEKDAY_DATE.search(line)
        if found and found.end() == len(line):
            return iso_date(found.group())
    return None


# A web address (转载连接:http://www.gov.cn/xinwen/2022-01/11/…): the dates in its path are the source's.
URL = re.compile(r"(?:https?://|www\.)[^\s，。]+")
# A clock time after a date (09:37, 15:16:01).
CLOCK = r"\s+\d{1,2}:\d{2}(?::\d{2})?"
# A date and clock time opening the line under a title: an official site's 发布时间 without
# its label (2015-06-11 09:37 民政部门户网站); alone on its line, closing a byline's labels.
POSTED = re.compile(DATE.pattern + CLOCK)
# A news byline under the headline, its writers and outlet before the posting time (王林 李明   某某客户端   2025-01-21 20:50:51).
# The outlet may be set off by a middle dot (某某晚报网·2025-09-24 10:41) or followed by the page's read counter
# (某某晨刊 1116 2011-03-08 11:14).
BYLINE_POSTED = re.compile(rf"(?:[\u4e00-\u9fff]{{2,10}}(?:\s+\d{{1,6}})?(?:\s+|\s*[·•|丨]\s*)){{1,4}}(?P<date>{DATE.pattern}){CLOCK}")
# The page's date then the site's column it stands in, on the line under the title (2020-03-16 聚焦, 2021-05-08 要闻).
DATE_IN_COLUMN = re.compile(rf"{DATE.pattern}\s+[\u4e00-\u9fff]{{2,6}}")
BULLETS = " •·\t"
# The publishing department and date on a line under the title (政策法规科 2023-12-29).
# (a paper's name, the date and the page's font-size buttons: 某某法制报 2019-03-12 09:15 大字)
PUBLISHER_DATE = re.compile(rf"[\u4e00-\u9fff]{{2,10}}(?<!时间|日期|更新|浏览|上传)\s+{DATE.pattern}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
                            r"(?:\s+(?:大字|小字|字号|[大中小](?:\s*[大中小]){1,2}))?")


def sharing_site(lines: list[str]) -> bool:
    """A document-sharing or essay site (范文, 文库, 小编 in its head or foot): the time it
    posted the text is not the document's date."""
    return bool(_sharing_marks().search("\n".join(lines[:HEAD_LINES] + lines[-TAIL_LINES:])))


@cache
def _sharing_marks() -> re.Pattern:
    return re.compile(alternation(_config()["sharing_site"]["marks"]))


@cache
def _head_label_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Each publisher's label (`head_labels`) with the pattern reading its value, compiled once."""
    return tuple((label, re.compile(rf"(?<![\u4e00-\u9fff]){label}\s*[:：]?\s*(?P<value>[^\s:：]{{2,30}})"))
                 for label in _config()["head_labels"]["agency"])


def head_labels(lines: list[str]) -> dict[str, str]:
    """Label and value of each publisher's label line the readers left in the text (发布机构
    渝中区民政局), or of a label alone on its line over its value (发布机构: / 市民政局, a page
    saved with a blank line between every two): the first value of each label that names a
    body, read with the page's own labels in their order (发布机构 before 信息来源)."""
    fields = {}
    for line, following in zip(lines[:HEAD_LINES], lines[1:HEAD_LINES] + [""]):
        if _label_alone(line):
            line += following
        for label, pattern in _head_label_patterns():  # not 数据来源: the source of the figures
            found = pattern.search(line)
            if found and label not in fields and page_publisher(found.group("value")):
                fields[label] = found.group("value")
    return fields


def _without_label_pairs(lines: list[str]) -> list[str]:
    """The lines without a page block's labels standing alone and their values under them
    (索引号: / 1133…, 主题分类: / 民政、扶贫、救灾/其他): the head that holds the title."""
    if not any(_label_alone(line) for line in lines[:HEAD_LINES]):
        return lines
    kept, skip = [], False
    for line in lines:
        if _empty_fields_row(line):  # 公开范围: 公开方式:: a form's row of empty fields, no value under it
            skip = False
        elif _label_alone(line):  # a value may end with the next label (…/2023-174351发布机构:)
            skip = True
        elif skip:
            skip = False
        else:
            kept.append(line)
    return kept


def _empty_fields_row(line: str) -> bool:
    """A row of two page labels or more, every one with an empty value (公开范围: 公开方式:): the
    form left those fields empty on their line, so the line under it is none of their values."""
    pairs = split_inline_pairs(line)
    return len(pairs) >= 2 and not any(value.strip() for _, value in pairs)


def _label_alone(line: str) -> bool:
    """A line ending with a page label and its colon (发布机构:, …/2023-174351发布机构:): its
    value is the next line; a page counter's (…发布日期: 2023-02-01 浏览次数:) is a number the
    page's script fills in, never the line under it."""
    return line.endswith((":", "：")) and not PAGE_COUNTER.search(line[:-1].rstrip()) \
        and any(line[:-1].rstrip().endswith(label) for label in meta_labels())


PAGE_COUNTER = re.compile(r"(?:浏览|访问|阅读|点击)(?:次数|量|数)$")


def _with_inner_labels(page_meta: dict[str, str]) -> dict[str, str]:
    """A page block whose value runs on into a date or publisher label the readers did not
    split (索引号: 002482365/2023-00095 公开日期: 2023-04-22; 来源: 某门户网 | 作者: 民政部)
    gives that label too."""
    labels = alternation(_config()["page_labels"]["publish_date"])
    publishers = alternation(_config()["page_labels"]["agency"])
    inner = {}
    for value in page_meta.values():
        for found in re.finditer(rf"(?P<label>{labels})\s*[:：]\s*(?P<date>{DATE.pattern})", value):
            inner.setdefault(found["label"], found["date"])
        for found in re.finditer(rf"(?<![\u4e00-\u9fff])(?P<label>{publishers})\s*[:：]\s*(?P<name>[^\s|:：]{{2,30}})", value):
            inner.setdefault(found["label"], found["name"])
    return {**inner, **page_meta} if inner else page_meta


def _fields_from_page_meta(page_meta: dict[str, str]) -> dict[str, str]:
    """Each field from the first of its labels the page has, in the configured order
    (发文日期 before 发布时间: the date of issue, not the time it was posted)."""
    fields = {}
    for field, labels in _config()["page_labels"].items():
        values = (page_meta[label] for label in labels if page_meta.get(label))
        if field in ("agency", "issuer"):  # the first label naming a body (来源: 某门户网 | 作者: 民政部)
            names = [name for value in values if (name := page_publisher(value))]
            value = names[0] if names else None
            if value and _town_name(value):
                # a town (发文机关: 某县某镇) whose government another label names in full (来源: 某县某镇人民政府):
                # the government, as the page names it
                value = next((other for other in names if other[len(value):] in TOWN_GOVERNMENTS
                              and other.startswith(value)), value)
        else:
            value = next(values, None)
        if value:
            fields[field] = value
    return fields


# ---- year ----------------------------------------------------------------------------------

YEAR = r"(?P<year>(?:19|20)\d{2})\s*年"
YEAR_SPAN = re.compile(r"(?P<first>(?:19|20)\d{2})\s*(?:年)?\s*[-—–~～至到]\s*(?P<last>(?:19|20)\d{2})\s*年")
SPAN_PLAN_WORDS = ("规划", "纲要", "方案", "行动", "目标")  # a span of years that plans (2021-2025年): its first
SUMMARY_WORDS = ("总结", "汇报", "报告", "情况")
PLAN_WORDS = ("计划", "打算", "安排", "思路", "谋划", "要点")
# Where a year in the body is the year the report works in: 2020年, / 2020年以来 / 2023年上半年
# / 2019年春节, 2021年汛期 (a holiday or season of it), 2016年元月 (January) / 2013年我县… / 现将…2011年 / 截至2014年底;
# not a year compared against (比2023年), a start (自2019年10月1日起), a target (到2012年底,
# 预计2014年), nor one inside a title 《…》.
BODY_YEAR = re.compile(
    rf"(?<![比较与自从到至于将])(?<!预计|同比|争取|力争|计划|确保){YEAR}(?:度)?"
    rf"(?=\s*(?:[,，、]|以来|上半年|下半年|全年|年?(?:初|底|末)|第\s*[一二三四1-4]\s*季度|\d{{1,2}}\s*[-—至到~]\s*\d{{1,2}}\s*月|\d{{1,2}}\s*月(?!\s*\d{{1,2}}\s*日)"
    rf"|元月|春节|元旦|国庆|中秋|端午|[春夏秋冬]季|汛期|我[县市区省州盟旗镇乡局]|全[县市区省州盟旗镇乡]|[县市区省州]委|[县市区省]政府|共|累计|在|实现|[^\s]{{0,12}}?(?:工作总结|工作情况|上半年工作|工作回顾)))")
# A figure's rise to the text's own year from an earlier one (由2009年的5900人提高到2012年的7905人): the later
# year is the one the text speaks from, though 到 names a target elsewhere (到2025年底).
FIGURE_OF_YEAR = re.compile(rf"(?:提高|增加|增长|上升|扩大|达|发展)到\s*{YEAR}的\s*\d")
COMPARED_YEAR = re.compile(rf"(?:比|较|同比|与){YEAR}")
REPORT_OPENING_YEAR = re.compile(rf"现(?:将|公布|发布)[^。\n]{{0,12}}?{YEAR}")
# A year opening a clause (2013年我县共有…; 年度目标任务: 2010 年敬老院…; 介绍说,2008年全市…; 至此,2024年…) unless a month follows, or
# unless it is said what the year is (2026年是…开局之年: a year named, often the one to come, no work in it),
# or it starts a span of years (2018年至2022年,…: the span's last is read).
CLAUSE_YEAR = re.compile(rf"(?:^|(?<=[。；;:：\n,，]))\s*{YEAR}(?!\s*\d{{1,2}}\s*月|\s*是|\s*[至到\-—–~～]\s*(?:19|20)\d{{2}})", re.MULTILINE)
AS_OF_YEAR = re.compile(rf"截[至止]\s*(?:到\s*)?{YEAR}\s*(?:年?(?:底|末)|\d{{1,2}}\s*月)")  # 截至2015年底, 截至2015年年底
# A span of years a clause's figures add up over (2018年至2022年,全国累计…): the year they run to, the text's own.
SPAN_YEAR = re.compile(rf"(?<![到至自从\d])(?:19|20)\d{{2}}\s*年?\s*[至到\-—–~～]\s*{YEAR}\s*[,，]")
# A statistical form's period, a cell of its own in the head (编制单位：… | 2020年度 | …,
# | 2023年度 5月 |) or bracketed after the form's name (绩效目标自评表（2019年度）): the year
# the form reports, where the body holds no year in prose.
FORM_PERIOD_YEAR = re.compile(rf"(?:(?:^|\|)[ \t]*|表[ \t]*[(（][ \t]*){YEAR}度(?:[ \t]*\d{{1,2}}[ \t]*月份?)?[ \t]*(?=\||$|[)）])",
                              re.MULTILINE)
# A numbered table's or chart's caption opening with a year (表四 2022年居民人均收支主要指标, 表3：2021年…), or with
# the years its series runs over (图1 2017-2021年地区生产总值及其增长速度: the last).
TABLE_CAPTION_YEAR = re.compile(rf"^[ \t]*[表图][ \t]*[一二三四五六七八九十\d]{{1,3}}[ \t:：、.．]*"
                                rf"(?:(?:19|20)\d{{2}}\s*年?\s*[-—–~～至到]\s*)?{YEAR}", re.MULTILINE)
# What follows a year whose clause plans (2024年，全省将新建…, 2022年要聚焦…): the year of a plan, not the report's.
PLAN_YEAR = re.compile(r"[^。；;\n]{0,16}?将|\s*[,，]?\s*要(?![求素点])")
# Names a text cites: 《…》, “…”, and a five-year plan by its term (“十三五”规划确定的目标任务基本完成
# names the plan it reviews, not a plan of its own).
NAMES = re.compile(r"《[^》\n]*》|“?十[一二三四五]五”?(?:规划|时期|期间)|“[^”\n]{0,30}”")


# A title's year written without 年 (XX镇2022政府工作报告, 全市民政工作要点2022); a number with its measure
# (改造农村公路2000公里, 新增2000张床位, 2000余人) is no year.
BARE_TITLE_YEAR = re.compile(r"(?<![\d.\-/])(?P<year>(?:19|20)\d{2})(?![\d.\-/月]|\s*(?:余|多)?\s*(?:公里|千米|米|亩|个|家|人|户|张|名|所|座|条|件|元|万|亿|套|间|台|辆|吨|次))")


# A plan's horizon counted from now (未来5年, 今后五年) and the goal year it runs to (到2020年, 2020年达到…): a plan of
# several years, whose report year is its first (fixtures README: a multi-year plan's year is its first year).
HORIZON = re.compile(r"(?:未来|今后)\s*(?P<n>[1-9]|十|[二两三四五六七八九])\s*年")
GOAL_YEAR = re.compile(rf"(?P<by>到\s*)?{YEAR}(?P<reached>(?:底|末)?\s*[,，]?\s*(?:要|将)?(?:达到|实现|建成|完成))?")


def horizon_first_year(text: str, head: str | None = None) -> int | None:
    """The first year of a plan whose `head` (its title or opening) sets a horizon (未来5年…) and whose text names
    one year only, the goal it runs to (到2020年将实现; 未来5年 + 到2020年 → 2016): a text naming any other
    year recaps one, and is of that year."""
    horizon = HORIZON.search(text if head is None else head)
    found = list(GOAL_YEAR.finditer(_year_text(text)))
    years = {int(m["year"]) for m in found}
    goals = {int(m["year"]) for m in found if m["by"] or m["reached"]}
    if not horizon or len(years) != 1 or years != goals:
        return None
    n = horizon["n"]
    span = int(n) if n.isdigit() else "一二三四五六七八九十".index(n.replace("两", "二")) + 1
    return years.pop() - span + 1


# A five-year plan named by its term (“十四五”规划, 2021-2025): its first year.
FIVE_YEAR_PLAN = re.compile(r"十(?P<n>[一二三四五])五|第十(?P<long>[一二三四五])个五年(?:规划|计划)")  # or by its full name
FIRST_PLAN_YEAR, PLAN_TERM = 2006, 5  # 十一五 began in 2006
PAST_TERM = re.compile(r"十(?P<n>[一二三四五])五[”\"]?\s*(?:期间|时期)")  # the term a plan's opening looks back on
# A term a title reviews (“十一五”工作总结, “十二五”期間…累计…): its closing year, as a five-year review's (session 33).
REVIEWED_TERM = re.compile(r"十[一二三四五]五[”\"’]?\s*(?:期[间間]|[时時]期|以[来來]|(?:的)?(?:工作)?(?:[总總][结結]|回[顾顧]|成就))")


# A period whose end is masked (2021年10月1日至20XX年…): the period is masked, its start no year of the report.
MASKED_SPAN = re.compile(r"(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*[至到\-—–~～]\s*(?:20)?[Xx×*]{2}")


def title_year(title: str | None) -> int | None:
    """The year a title reports on: the first (written with 年, else bare: …要点2022), or in a
    `…总结及…计划` title (or `…计划和…总结`) the summary's; a title whose only year is its plan's gives none, or the
    year before it when the summary's year is masked (20XX年度工作总结和2024年工作计划); a
    five-year plan's first year (“十四五”规划 → 2021), a term reviewed its last (“十一五”工作总结 → 2010); a period
    with a masked end none."""
    if not title:
        return None
    title = blanked(MASKED_SPAN, arabic_dates(title))
    span = YEAR_SPAN.search(title)
    if span:  # a plan of several years (2021-2025年): its first; figures of several (2020-2021年…情况): the last;
        # a winter spanning two years (2020-2021年冬春救助): its first, the year whose needs it meets
        first = any(word in title for word in PLAN_WORDS + SPAN_PLAN_WORDS) or WINTER_SPAN.match(title, span.end())
        return int(span.group("first" if first else "last"))
    if first := horizon_first_year(title):  # 未来5年…,到2020年将实现: the plan's first year
        return first
    years = list(re.finditer(YEAR, title)) or list(BARE_TITLE_YEAR.finditer(title))
    if not years:
        term = FIVE_YEAR_PLAN.search(title)
        if not term:
            return None
        first = FIRST_PLAN_YEAR + PLAN_TERM * "一二三四五".index(term["n"] or term["long"])
        return first + PLAN_TERM - 1 if REVIEWED_TERM.match(title, term.start()) else first
    summary = next((title.find(w) for w in SUMMARY_WORDS if w in title), -1)
    plan = next((title.find(w) for w in PLAN_WORDS if w in title), -1)
    if 0 <= plan < summary:  # the plan named first (2025年工作计划和2024年工作总结): the summary's year, after the plan
        after_plan = [y for y in years if plan < y.start() < summary]
        if after_plan:
            return int(after_plan[-1].group("year"))
    if summary >= 0 and plan > summary:  # the summary's year, written with 年 or bare (…局2022工作总结和2023年工作思路)
        before_plan = [y for y in years if y.start() < summary] or [y for y in BARE_TITLE_YEAR.finditer(title) if y.start() < summary]
        if before_plan:
            return int(before_plan[0].group("year"))
        # a masked summary year before the plan's (20XX年度工作总结和2024年工作计划): the year before the plan's
        return int(years[0].group("year")) - 1 if MASKED_YEAR.search(title, 0, summary) else None
    return int(years[0].group("year"))


MASKED_YEAR = re.compile(r"(?:20)?[Xx×*]{2}\s*年")
WINTER_SPAN = re.compile(r"度?\s*(?:冬春|冬季|入冬|秋冬)")


# The heading of a report's plan part: 二、2024年工作打算 / 三、下一步工作计划 / 明年工作思路.
PLAN_SECTION = re.compile(r"^[^\n。，,]{0,16}?(?:工作打算|工作计划|工作思路|工作安排|工作设想|工作谋划|下一步|明年)[^\n。，,]{0,12}$",
                          re.MULTILINE)


# …or a later part headed by the year to come and its aims, as a work report's plan part is (二、2024年政府工作的总体要求和
# 主要目标, 三、今年重点工作); not a review of them (二、2023年重点工作完成情况).
# Its heading may run into the paragraph under it, as a page's cleaning joins a line without a stop to the next.
PLAN_PART = re.compile(r"^[ \t]*[二三四五六七八九十]{1,2}[、.．][ \t]*(?:(?:19|20)\d{2}\s*年|今年|明年)"
                       r"(?![^\n。，,]{0,16}?(?:完成|情况|回顾|成效|进展))[^\n。，,]{0,12}?(?:总体要求|目标任务|预期目标|主要目标|重点工作|主要任务)",
                       re.MULTILINE)


def _year_before_plan(text: str, plan_start: int) -> int | None:
    """The year before the one a plan part's heading names (二、2024年工作安排 → 2023), where the review before it
    names none (一、过去一年工作回顾 / 一年来,…): the year the review covers."""
    found = re.match(rf"[^\n。，,]{{0,8}}?{YEAR}", text[plan_start:])
    return int(found["year"]) - 1 if found else None


def plan_section_start(text: str) -> int | None:
    starts = [found.start() for pattern in (PLAN_SECTION, PLAN_PART) if (found := pattern.search(text)) and found.start() > 0]
    return min(starts) if starts else None


# A year's work conference (2021年全市民政工作视频会议), held early in that year: it reviews the year before.
# (or 工作视频会召开; a field's conference of the whole place named without 工作: 2019年全县民政会议)
WORK_CONFERENCE = re.compile(rf"{YEAR}[^，。,；;\n]{{0,12}}?(?:工作|全[省市县区州盟旗][\u4e00-\u9fff]{{2,4}}?)(?:视频|电视电话)?会(?:议|(?=召开))")


def body_year(text: str, plan: bool = False) -> int | None:
    """The year the body works in: the most frequent year standing where a report's own year
    does (the latest of a tie: the text speaks from it, the others are its past), never one the
    text compares against nor one whose clause plans (2024年，全省将…); each mention counted once
    however many patterns read it; a year's work conference counts for the year before (2021年全市民政
    工作会议 → 2020); a plan's first year
    (2010年…, 2011年…, 到2012年底 → 2010); a span of years its figures add up over, its last (2018年至2022年,累计…)."""
    text = blanked(MASKED_SPAN, blanked(NAMES, text))
    compared = {int(m.group("year")) for m in COMPARED_YEAR.finditer(text)}
    counts: Counter[int] = Counter()
    for match in WORK_CONFERENCE.finditer(text):  # held early in its year, it reviews the year before
        year = int(match.group("year")) - 1
        counts[year] += 1
    text = blanked(WORK_CONFERENCE, text)
    seen: set[int] = set()  # a year standing where several patterns read it is one mention
    for pattern in (REPORT_OPENING_YEAR, AS_OF_YEAR, BODY_YEAR, CLAUSE_YEAR, FIGURE_OF_YEAR, SPAN_YEAR):
        for match in pattern.finditer(text):
            if PLAN_YEAR.match(text, match.end()) or HONOUR.search(text, max(0, match.start() - 4), match.start()) \
                    or HONOURED.match(text, match.end()) \
                    or match.start("year") in seen:
                continue  # a plan's year, or an honour's (荣获2019年度全市…先进单位)
            seen.add(match.start("year"))
            year = int(match.group("year"))
            counts[year] += 1
    candidates = [y for y in counts if y not in compared]
    if not candidates:
        return None
    if plan:
        return min(candidates)
    if SEVERAL_YEARS.search(text, 0, OPENING):
        return max(candidates)  # a review of several years (两年共…, 改革开放30年…): the last it reaches
    return max(candidates, key=lambda y: (counts[y], y))


# An opening saying the text reviews several years (两年共接受…, 【改革开放30年民政工作】, 五年来, 近三年).
SEVERAL_YEARS = re.compile(r"(?<![\d〇零一二三四五六七八九十])(?:[两二三四五六七八九十]|[1-9]\d?)年(?:来|以来|共|间|里)|近[两二三四五六七八九十]年"
                           r"|改革开放[三四]?十?\d*年")


FIRST_QUARTER = 3
# A sharing site's compilation of model texts (…自查报告(精选5篇), …范文汇总): its title's year is
# the site's label, not the year of the reports it gathers (a single file named …范文 is one report).
COMPILATION = re.compile(r"[(（]\s*(?:精选)?\s*\d+\s*篇\s*[)）]|范文(?:汇总|大全|精选|合集|集锦)")
# A yearbook named with its edition's year (某县年鉴2020, 某市年鉴(2021)): it records the year before.
YEARBOOK_EDITION = re.compile(r"[\u4e00-\u9fff]{2,12}年鉴\s*[(（]?\s*(?P<year>(?:19|20)\d{2})(?!\d)")
# Titles whose year is the one after the year they cover: a yearbook or a compilation of statistics
# (某市统计数据集(2022年)), a government's work report to its congress.
LOOKS_BACK_TITLES = ("年鉴", "统计数据集", "统计资料汇编", "政府工作报告")
# A title's year that is the one its review covers, not the one the report is delivered in (…解读:2024年工作回顾);
# the last year of a five-year term reviewed with the term (一、2015年和“十二五”工作回顾).
COVERED_YEAR = re.compile(rf"{YEAR}(?:和[“\"]?[十一二三四五]{{2,3}}五[”\"]?(?:时期)?)?[^\s,，。:：]{{0,4}}?回顾")
# A year whose digits a PDF's text layer split with a space (截至6月底,201 7年…, 202 5 年).
SPLIT_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d) (\d)(?=\s?年)")


# The verb of an honour before its year (荣获2012年环保工作先进单位, 被评为2019年度…): the year names
# the award, not the work the news reports.
HONOUR = re.compile(r"(?:荣获|获评|获得|被评为|评为|荣膺|授予)\s*$")
# An honour told after its year (2006年被评为…, 2015年度在全县考核中评为先进集体): the year names the award too.
HONOURED = re.compile(r"度?\s*(?:被评为|被授予|荣获|获评|荣膺|[^，,。；;\n]{0,12}?考核(?:中)?(?:被评为|评为|为|获)(?:优秀|先进|第一|一等))")


# What follows a year said to be what it is (2023年是…开局之年): a year named, no year of work.
SAID_TO_BE = re.compile(r"\s*(?:将|也)?是")


BOOK_TITLE = re.compile(r"《[^》\n]*》")


def _year_text(text: str) -> str:
    """The text a sole year is looked for in: titles of books and documents (《…2019年…》) and spans
    with a masked end blanked, offsets kept."""
    return blanked(MASKED_SPAN, blanked(BOOK_TITLE, text))


def sole_year(text: str, news: bool = True) -> int | None:
    """The one year undated news names, wherever it stands (下达我市2011年…任务, 对照“2022年度…
    分配表”发放): news speaks of its own year; none where it names several or only compares
    against one (but for this year's figure set against it, 比2018年同期, 今年…比2018年: the year after); a year said to be what it is (2023年是…开局之年), a goal's (到2020年, 为2020年…奠定基础)
    and a plan's (2019年,…将…) are none of them: news recapping one year and planning the next is of
    the year it recaps. An undated document's one year is its own too (贫困村2016年已脱贫出列,
    建议2023年…预期目标为), but not a year its span of work starts from (自1997年实施…以来) nor one
    labelling a project or fund (其中2019年扶贫项目6个), and none is inferred from a comparison; a period
    with a masked end (2022年3月至20XX年) names no year."""
    text = _year_text(text)
    compared = {int(m.group("year")) for m in COMPARED_YEAR.finditer(text)}
    years = {int(m.group("year")) for m in re.finditer(YEAR, text)
             if not HONOUR.search(text, 0, m.start()) and not SAID_TO_BE.match(text, m.end())
             and not GOAL_BEFORE.search(text, 0, m.start()) and not PLAN_YEAR.match(text, m.end())
             and (news or not START_BEFORE.search(text, 0, m.start()) and not LABELLED.match(text, m.end()))
             and not (SINCE_FOUNDED.match(text, m.end()) and START_BEFORE.search(text, 0, m.start()))}
    if not news:
        return years.pop() if len(years) == 1 and not years & compared else None
    if len(years) == 1 and years & compared:  # only compared against: 与2018年同期相比 speaks from the year after
        return next(iter(years)) + 1 if SAME_PERIOD_BEFORE.search(text) or THIS_YEAR_AGAINST.search(text) else None
    return years.pop() if len(years) == 1 and not years & compared else None


def sole_plan_year(text: str) -> int | None:
    """The one year an undated text plans (2024年,全市将新建…; 2024年要…) where it names no other: the
    year of the plan it is, recapping none; a goal's year (到2020年将实现…) is a horizon, none."""
    text = _year_text(text)
    found = list(re.finditer(YEAR, text))
    years = {int(m.group("year")) for m in found}
    planned = {int(m.group("year")) for m in found
               if PLAN_YEAR.match(text, m.end()) and not GOAL_BEFORE.search(text, 0, m.start())}
    return planned.pop() if len(planned) == 1 and years == planned else None


# What stands before a year set as a goal (到2020年, 为2020年全面…奠定基础).
GOAL_BEFORE = re.compile(r"(?:到|为)\s*$")
# What stands before the year a span of work starts from (自1997年实施…以来, 从2015年起).
START_BEFORE = re.compile(r"(?:自|从)\s*$")
# What follows the year a body was set up in, its work recapped since (自2018年组建以来, 从2017年挂牌至今): a span's start,
# in news too, no year of the story's own.
SINCE_FOUNDED = re.compile(r"\s*(?:\d{1,2}\s*月(?:份)?)?\s*(?:正式)?(?:挂牌)?(?:组建|成立|挂牌|设立|组建成立|建局|建站|建院)(?:以来|至今|后)")
# What follows a year labelling a project or fund (2019年扶贫项目, 2020年度中央补助资金).
LABELLED = re.compile(r"度?[^\s，,。；;、:：\d]{1,10}?(?:项目|资金)")


# A year-on-year comparison with a named year's same period (与2018年同期相比, 比2018年同期增长): the
# text speaks from the year after it.
SAME_PERIOD_BEFORE = re.compile(rf"(?:比|较|与|同){YEAR}同期")
# …or this year's figure compared in its clause with a named year's (预计今年…亩产461公斤,比2021年增加…).
THIS_YEAR_AGAINST = re.compile(rf"今年[^。；;\n]{{0,30}}?(?:比|较|与|同){YEAR}")


STORY_DATELINE = re.compile(r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*[讯電电]")


# A monthly report (一、本月工作总结 / 二、下月工作计划): its date's month is its period, not the year before.
MONTHLY_REPORT = re.compile(r"本月(?:工作|份)|当月工作|下月工作")


def _news_looks_back(title: str | None, text: str) -> bool:
    """News recapping the year before its day: 去年 in its title, or more of 去年 than of 今年 (a
    今年 whose clause plans, 今年,我省将…, is the next year's plan: news recapping one year and
    planning the next has the year it recaps)."""
    this_year = sum(1 for m in THIS_YEAR.finditer(text) if not PLAN_YEAR.match(text, m.end()))
    return "去年" in (title or "") or len(LAST_YEAR.findall(text)) > this_year


def _news_year(year: int, publish_date: str, title: str | None, text: str) -> bool:
    """Whether a body year may be dated news's own: its day's year or later, or the year before
    where the news is of the first quarter, looks back (1月20日,…总结2023年工作; 去年,全市…) or
    reports that year as a whole (6月18日…: 2013年全年，…救助患儿378名);
    an older year is a past event the story narrates. A story whose own dateline (中新网4月29日电)
    is not of the page's day was reposted later: the page's date says nothing of its year."""
    published, month = int(publish_date[:4]), int(publish_date[5:7])
    dateline = STORY_DATELINE.search(text, 0, OPENING * 2)
    if dateline and (int(dateline["m"]), int(dateline["d"])) != (month, int(publish_date[8:10])):
        return True
    return year >= published or year == published - 1 and (
        month <= FIRST_QUARTER or _news_looks_back(title, text)
        or any(int(m["year"]) == year for m in WHOLE_YEAR.finditer(text))
        or any(int(m["year"]) == year for m in STATISTICS_YEAR.finditer(text)))


# A year the news reports as a whole (2013年全年, 截至2023年末, 2023年度, 2023年全市…): the figures' year, whenever
# in the next year the news is published (annual statistics come out mid-year).
WHOLE_YEAR = re.compile(rf"{YEAR}(?:全年|年?末|年?底|度|\s*[,，]?\s*全[省市县区州旗](?!委))")  # 2015年末 and 2015年年末 alike;
# 2024年全市社会消费品零售总额…: the whole place's figures of that year
# A year a statistics source gives figures for (据省卫健委统计,2018年…; 发布…数据结果,2018年,…; 报告显示,2018年…,
# 数据表明:…): the figures' year, as a whole year's.
STATISTICS_YEAR = re.compile(rf"(?:(?:统计|数据|数据结果|公报|报告)(?:显示|表明)|统计|数据|数据结果|公报)\s*[,，:：]\s*{YEAR}")


# A signature's date by its month alone, on a line of its own at the end (2024年1月).
SIGNED_MONTH = re.compile(r"^[ \t]*(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月[ \t]*$", re.MULTILINE)
SIGNATURE_REACH = 120  # how far from the end a signature stands


# News recapping the year before (去年，全县…; a conference early in the year reviewing it), not
# comparing against it (比去年同期): more of these than of its own year (今年) is that year's news.
LAST_YEAR = re.compile(r"(?<![比较与同于])去年(?!同期|同比|底以来|以来)")
THIS_YEAR = re.compile(r"(?<![明])今年")


# An anniversary a speech opens with (值此中国人民解放军建军93周年之际): the year it is given in.
ANNIVERSARY = re.compile(r"(?P<event>建军|建党|新中国成立|建国)\s*(?P<n>\d{2,3})\s*周年")
FOUNDED = {"建军": 1927, "建党": 1921, "新中国成立": 1949, "建国": 1949}
# A plan of one year a text cites (根据《2024年…项目责任分解落实方案》).
CITED_PLAN = re.compile(rf"《\s*{YEAR}[^》\n]{{0,40}}?(?:方案|计划|要点|清单|任务|安排)[^》\n]{{0,6}}》")


# A document a text cites by the year it names near its opening (《关于开展2025年…, 《关于某市2015年上半年…
# 的报告》, its close perhaps cut off with the excerpt) or by its number's year (某委办发〔2017〕52号).
CITED_YEAR = re.compile(rf"《[^》\n]{{0,12}}?{YEAR}|[〔\[［]\s*(?P<number_year>(?:19|20)\d{{2}})\s*[〕\]］]\s*\d{{1,4}}\s*号")


def this_years_plan(text: str) -> int | None:
    """An undated text on 今年's work that cites plans of one year only (今年以来,区民政局根据
    《2024年…实施方案》…), or documents of one year only (印发《关于开展2024年…》, …〔2024〕12号):
    the work of that year."""
    if "今年" not in text:
        return None
    years = {int(m.group("year")) for m in CITED_PLAN.finditer(text)}
    if not years:
        years = {int(m.group("year") or m.group("number_year")) for m in CITED_YEAR.finditer(text)}
    return years.pop() if len(years) == 1 else None


# A year whose work a text deploys (部署2015年民政工作), where it also recaps the year before (总结上一年…):
# news of a conference early in that year, whose figures are the year before's.
# A year said to be what it is, then 今年 speaking of it (2022年是…之年,今年以来,…): the year the text works in.
YEAR_NAMED_THIS = re.compile(rf"{YEAR}是[^。；;\n]{{2,40}}?[,，]\s*(?:今年|一年来)")
DEPLOYED_YEAR = re.compile(rf"(?:部署|布置|安排|谋划)\s*{YEAR}[^，。,；;\n]{{0,12}}?工作")
# A headline's year that its work is yet to come in (2023年某市将重点开展…, 2024年要…): a plan's year.
PLANNED_IN_HEADLINE = re.compile(rf"{YEAR}[^，。,；;\s]{{0,8}}?(?:将|要|拟)")
RECAP = re.compile(r"上一年|去年|过去一年|上年(?!同期)")
# A date in a web address's path (/2015/02/06/, /2010-06-22/, /201612/).
URL_DATE = re.compile(r"(?<![\d])(?P<year>(?:19|20)\d{2})[/\-]?(?:0[1-9]|1[0-2])(?:[/\-]?(?:[0-2]\d|3[01]))?(?![\d])")
# A table's header of years, one a column (项目 Item 2010 2015 2020 2021, or one a line: 2016 | / 2017 |): two or more,
# each bare (no 年, no date after it).
YEAR_COLUMNS = re.compile(r"(?:(?<=[\s|])|^)(?:(?:19|20)\d{2}[ \t]*\|?[ \t]*\n?[ \t]*){2,}(?=\||$|\n)", re.MULTILINE)
TABLE_HEAD_LINES = 40


def head_of_table(text: str) -> str:
    """The first lines of a text, where a table's header stands."""
    return "\n".join(text.split("\n", TABLE_HEAD_LINES)[:TABLE_HEAD_LINES])


# A session held in a year's last quarter reviews that year (a town's congress in December), one held before it the
# year before (a county's in January, or delayed to June or August).
LATE_SESSION_MONTH = 10


# The line under a work report's title: the day and the session it was delivered at.
DELIVERED = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^\n。]{2,40}?(?:代表大会|人大)")


def delivered_date(text: str) -> str | None:
    """The day a work report was delivered at its congress, given in its head (2024年1月16日在某县第十八届
    人民代表大会…上): the report's own date."""
    head = arabic_dates(text[:OPENING])
    found = DELIVERED.search(head)
    if found:
        return iso_date(DATE.match(head, found.start()).group())
    after = DELIVERED_AFTER.search(head)
    return iso_date(after["date"]) if after else None


# …or bracketed after the session it was delivered at (…第十届人民代表大会第二次会议上 (2023年1月9日), …会议政府工作报告 (…)).
DELIVERED_AFTER = re.compile(r"(?:代表大会|人大)[^\n。]{0,24}?[(（]\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[)）]")


# The place whose congress a report is delivered at (——2024年1月10日在某县第十七届人民代表大会四次会议上).
CONGRESS_PLACE = re.compile(r"在\s*(?P<place>[\u4e00-\u9fff]{2,20}?)\s*第[一二三四五六七八九十\d]{1,3}届\s*人民代表大会")


def _congress_place(text: str) -> str | None:
    """The place a work report's head says it was delivered to the congress of: the report's own, as
    a title opening with it is (县人民政府 there is that place's government)."""
    found = CONGRESS_PLACE.search(text[:OPENING])
    return found["place"] if found else None


# The session line under a work report's title (——在青石镇第九届人民代表大会第四次会议上), its day on a
# line of its own below it or above it, the speaker's perhaps between (镇长 王林 / 2025年1月3日).
SESSION_LINE = re.compile(r"^[—\-\s]*在[^\n。]{2,40}?(?:代表大会|人大)[^\n。]{0,20}?会议上\s*$", re.MULTILINE)
DATE_LINE = re.compile(r"^\s*[(（]?(?P<year>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[)）]?\s*$", re.MULTILINE)


# A year a span of work starts from (2013年以来, 2015年3月后, 2016年起): in dated news, the span runs to its day.
SPAN_SINCE = re.compile(rf"{YEAR}(?:度|\s*\d{{1,2}}\s*月(?:份)?)?\s*(?:以来|后|起)")


def report_year(title: str | None, text: str, publish_date: str | None = None,
                file_name: str | None = None, kind: str | None = None) -> tuple[int | None, str | None]:
    """(year, where it was read: title, body, publish_date, file_name), or (None, None)."""
    text, title = SPLIT_YEAR.sub(r"\1\2", arabic_dates(text)), title and SPLIT_YEAR.sub(r"\1\2", title)  # 二〇二三年，… as digits
    compilation = bool(title and COMPILATION.search(title))
    if compilation:  # nor does its title line in the body
        text = text.replace(title, " " * len(title))
    year = title_year(title) if not compilation else None
    if year:  # a yearbook (某县年鉴2021) records the year before its own, a government's work report
        # (2022年某镇政府工作报告, delivered to the congress early that year) reviews the year before
        to_congress = "工作报告" in title and "各位代表" in text[:OPENING]  # a court's, a congress committee's report to its session
        delivered = to_congress and (DELIVERED.search(arabic_dates(text[:OPENING]))
                                     or SESSION_LINE.search(text[:OPENING]) and DATE_LINE.search(arabic_dates(text[:OPENING])))
        if delivered:  # the day it was delivered (2023年1月5日在某县第十七届人民代表大会…上) before a title's year: a session
            # held in the year's first half reviews the year before, one held late in it (2023年12月26日…) this year's work
            day = DATE.search(arabic_dates(delivered.group()))
            late = day is not None and int(day["m"]) >= LATE_SESSION_MONTH
            return int(delivered["year"]) - (0 if late else 1), "body"
        if covered := COVERED_YEAR.search(title):  # 《政府工作报告》解读:2024年工作回顾: the year it reviews
            return int(covered["year"]), "title"
        if (to_congress or "政府工作报告" in title) and (covered := COVERED_YEAR.search(text, 0, 2 * OPENING)
                                                         or REVIEWED_YEAR_PART.search(text, 0, 2 * OPENING)):
            # its review part named by its year (一、2019年工作回顾): the title's year or the one before it, though
            # the page starts at its title and labels, past the salutation (各位代表)
            return int(covered["year"]), "title" if int(covered["year"]) in (year, year - 1) else "body"
        body = text.replace(title, " " * len(title))  # its title line in the text names no year of its review
        if "政府工作报告" in title and (reviewed := body_year(body[:plan_section_start(body) or len(body)])) in (year, year - 1):
            return reviewed, "body"  # its review telling the year it covers (2023年,全镇…), the title's or the one before
            # (fixtures README, session 33: a work report's year is its review's, read from the body)

        # (a year's work conference, 2011年全市民政工作会议召开, is held early in it and reviews the year before)
        # (a headline on deploying a year's work, 研究部署2022年就业工作, over a text recapping the year before)
        looks_back = to_congress or any(word in title for word in LOOKS_BACK_TITLES) or WORK_CONFERENCE.search(title) \
            or DEPLOYED_YEAR.search(title) and (RECAP.search(text) or f"总结{year - 1}年" in text)
        if kind == "新闻报道" and PLANNED_IN_HEADLINE.search(title) and not looks_back \
                and (RECAP.search(body) or re.search(rf"(?<!\d){year - 1}\s*年(?!\s*(?:同期|相比))", body)):
            return year - 1, "body"  # a headline naming the year's plan (2023年某市将重点开展…) over a story recapping
            # the year before (据介绍,2022年,全市…): the year it recaps, as news recapping one year and planning the next
        return (year - 1 if looks_back else year), "title"
    head = "\n".join(text.split("\n", HEAD_LINES)[:HEAD_LINES])
    trail = "\n".join(line for line in head.split("\n") if BREADCRUMB.search(line))
    if edition := YEARBOOK_EDITION.search(trail):  # an entry of a yearbook its page's trail names (首页 出版 某县年鉴2020 /
        return int(edition["year"]) - 1, "body"  # 退役军人管理): the year before the edition's, as the yearbook's title gives
    signed = SIGNED_MONTH.search(text, max(0, len(text.rstrip()) - SIGNATURE_REACH))
    if signed and not publish_date:  # a signature dated by its month alone (某县民政局 / 2024年1月): the date
        publish_date = f"{int(signed['y']):04d}-{int(signed['m']):02d}-01"  # the report was signed, no year of its work
    if signed:
        text = text[:signed.start()] + " " * len(signed.group()) + text[signed.end():]
    if kind in ("工作计划", "新闻报道") and (first := horizon_first_year(text, f"{title or ''}\n{text[:OPENING]}")):
        return first, "body"  # a plan of several years, or news of one (未来5年… / 2020年达到40%): its first year
    plan_start = plan_section_start(text) if kind != "工作计划" else None
    if kind == "新闻报道" and publish_date or SEVERAL_YEARS.search(text, 0, OPENING):  # dated news recapping its work
        # since a year (2013年以来,我市…), or a text reviewing several years (五年来,…), tells the span's start, running
        # to its own day: no year of its own (session 37: a five-year review in news naming no year has none)
        text = blanked(SPAN_SINCE, text)
    year = (plan_start and (body_year(text[:plan_start]) or _year_before_plan(text, plan_start))) \
        or body_year(text, plan=kind == "工作计划")
    if year and kind == "新闻报道" and publish_date and not _news_year(year, publish_date, title, text):
        year = None  # dated news narrating its past (2019年1月组建了…, 2015年初召开的会议上提交…): its own day's year
    if not year and (named := YEAR_NAMED_THIS.search(text)):
        year = int(named["year"])  # 2022年是党的二十大召开之年,今年以来…: the year said to be what it is is this one
    if year:  # a summary's year from before its plan part (2023年… / 二、2024年工作打算)
        return year, "body"
    reviewed = kind == "工作计划" and PAST_TERM.search(text[:OPENING])
    if reviewed:  # a plan reviewing the last term (一、发展环境 / “十二五”期间…): the next term's first year
        return FIRST_PLAN_YEAR + PLAN_TERM * ("一二三四五".index(reviewed["n"]) + 1), "body"
    if found := FORM_PERIOD_YEAR.search(head):
        return int(found.group("year")), "body"
    if kind == "进展表" and (found := TABLE_CAPTION_YEAR.search(text)):
        return int(found.group("year")), "body"  # statistics whose prose names no year: its table's (表四 2022年…主要指标)
        # or its chart's (图1 2017-2021年…)
    if publish_date:
        year, month = int(publish_date[:4]), int(publish_date[5:7])
        if kind == "新闻报道":  # news speaks of its own year (今年以来) unless its title or its body looks back,
            # or a statistics source gives its figures for the year before (据…监测数据,2021年…, early in 2022)
            looks_back = _news_looks_back(title, text) or any(int(m["year"]) == year - 1 for m in STATISTICS_YEAR.finditer(text))
        else:
            # a summary dated early in the year covers the year before (fixtures README); a plan, or a text of no
            # known kind (an inspection scheme signed 2024年3月21日), is of its date's year
            looks_back = "去年" in (title or "") or (month <= FIRST_QUARTER and kind not in ("工作计划", "other")
                                                     and not MONTHLY_REPORT.search(text, 0, OPENING))
        return year - 1 if looks_back else year, "publish_date"
    if (deployed := DEPLOYED_YEAR.search(text)) and RECAP.search(text):
        return int(deployed["year"]) - 1, "body"  # 总结上一年工作,部署2015年工作: the year it recaps
    if kind == "新闻报道" and (year := sole_year(text)):
        return year, "body"
    if found := YEAR_COLUMNS.search(head_of_table(text)):  # a table's columns of years (项目 | 2019 | 2020 |): the latest
        return max(int(year) for year in re.findall(r"(?:19|20)\d{2}", found.group())), "body"
    if year := this_years_plan(text):
        return year, "body"
    if kind == "新闻报道" and (dated := URL_DATE.search(" ".join(URL.findall(text)))):
        return int(dated["year"]), "body"  # undated news printing its address or its source's (…/2015/02/06/…)
    if found := ANNIVERSARY.search(text[:OPENING]):  # 值此建军93周年之际: a speech's own year
        return FOUNDED[found["event"]] + int(found["n"]), "body"
    if kind != "新闻报道" and (year := sole_year(text, news=False)):
        return year, "body"  # an undated document naming one year (贫困村2016年已脱贫出列)
    if kind in ("工作计划", "新闻报道") and (year := sole_plan_year(text)):
        if kind == "新闻报道" and RECAP.search(text):
            return year - 1, "body"  # news of a plan recapping the year before it (过去一年,我们…; 2026年该省将…): the
            # year it recaps (fixtures README, session 21: news recapping one year and planning the next)
        return year, "body"  # an undated plan, or news of one, planning one year and recapping none (2024年,全市将…)
    found = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", file_name or "")
    if found:
        return int(found.group(1)), "file_name"
    return None, None


# ---- the document --------------------------------------------------------------------------

EMPTY_REGION = {"province": None, "city": None, "county": None, "region_code": None, "admin_level": None}


def resolve_corps_region(agency: str) -> dict[str, str | None] | None:
    """The region of an agency of the Xinjiang Production and Construction Corps, by its
    division (第三师…) or the corps' name; None for any other agency."""
    table = load_toml("xpcc_divisions.toml")
    agency = OLD_DIVISION_NAME.sub("第", agency)
    division = next((d for d in sorted(table["divisions"], key=len, reverse=True) if d in agency), None)
    if division is None and not any(name in agency for name in table["corps_names"]):
        return None
    entry = table["divisions"].get(division, {})
    region = {**EMPTY_REGION, "province": table["province"]}
    if "city" in entry:
        region.update(county=entry["city"], region_code=entry["code"], admin_level="county")
    return region


@cache
def resolve_region(agency: str | None) -> dict[str, str | None]:
    """The agency's division from the gazetteer; without one, only the level its name shows
    (县民政局 → county, 龙潭镇 → town)."""
    empty = dict(EMPTY_REGION)
    if not agency:
        return empty
    level = level_of(agency)
    empty["admin_level"] = None if level == "nation" else level  # a national body has none
    if any(mark in agency for mark in REDACTION):
        return empty
    corps = resolve_corps_region(agency)
    if corps is not None:
        return corps
    code = division_of(agency)
    if code is None:
        return empty
    names = _division_names()
    province = names.get(code[:2] + "0000")
    city = names.get(code[:4] + "00") if code[2:4] != "00" else None
    county = names.get(code) if code[4:] != "00" else None
    city = None if city in NON_CITY else city
    if county and county.endswith("县") and county[:-1] + "市" in agency:
        county = county[:-1] + "市"  # the county-level city a county became, as the text names it
    elif county and county.endswith("区") and county[:-1] + "县" in agency and county not in agency:
        county = county[:-1] + "县"  # …and the county a district was, as the text still names it (新建县)
    level = "county" if county else "city" if city else "province"
    if level == "city" and any(ZONE.match(agency, at + len(name)) for name in _aliases(city)
                               if (at := agency.find(name)) >= 0):
        level = "county"  # a city's development zone (岳阳经开区民政局) works at a county's level, in no county
    if level == "city" and (lacked := _lacked_county(agency, city)):
        county, level = lacked, "county"  # a district the gazetteer lacks after its city (晋中市太谷区统计局, made in 2019)
    if empty["admin_level"] == "town":
        level = "town"
    return {"province": province, "city": city, "county": county, "region_code": code,
            "admin_level": level}


# A county or district's name of two characters and its level, no word for a part of a city (城区, 市区, 辖区, 全区,
# 景区, 园区, 社区, 片区, 新区).
LACKED_COUNTY = re.compile(r"(?![城市辖全各本该景园社片新郊老])[\u4e00-\u9fff]{2}[区县](?![\u4e00-\u9fff]?(?:区|县))")


def _lacked_county(agency: str, city: str) -> str | None:
    """The county or district a body's name gives right after its city's name (or opens with, `city` empty) where
    the gazetteer has no division of that name (a county since made a district, 长治县 → 上党区): the name as written,
    its body after it."""
    at = next((agency.find(name) + len(name) for name in sorted(_aliases(city), key=len, reverse=True) if name in agency), None) \
        if city else 0
    found = LACKED_COUNTY.match(agency, at) if at is not None else None
    if not found or found.group() in _divisions_by_name() or ZONE.match(agency, at) \
            or not (_name_end().search(agency, found.end()) or TOWN.match(agency, found.end())) or found.end() == len(agency):
        return None
    return found.group()


@cache
def _division_names() -> dict[str, str]:
    """6-digit code → name, from the gazetteer."""
    from transforms.gazetteer import gazetteer_rows

    return {row["adcode"][:6]: row["name"] for row in gazetteer_rows()}


@cache
def _full_names() -> frozenset[str]:
    return frozenset(_division_names().values())


@cache
def _divisions_by_name() -> dict[str, tuple[str, ...]]:
    """Every name a division goes by (枣庄市, 枣庄; 甘南藏族自治州, 甘南州) → the codes bearing it
    (several for 新城区, 朝阳区)."""
    by_name: dict[str, set[str]] = {}
    for code, name in _division_names().items():
        if name in NON_CITY:
            continue
        for alias in _aliases(name):
            by_name.setdefault(alias, set()).add(code)
    # a county since made a county-level city (海安县 → 海安市, 2018) under the name the gazetteer
    # lacks, where no division bears that name
    for code, name in _division_names().items():
        if name.endswith("县") and not name.endswith("自治县") and len(name) >= 3 and name[:-1] + "市" not in by_name:
            by_name[name[:-1] + "市"] = {code}
    # …and a county since made a district (新建县 → 新建区, 2015), by the name the text still calls it, where no
    # division bears it
    made_districts: dict[str, set[str]] = {}
    for code, name in _division_names().items():
        if name.endswith("区") and not name.endswith(("新区", "城区", "矿区", "林区", "开发区", "自治区", "市辖区")) and len(name) >= 3 \
                and name[:-1] + "县" not in by_name:
            made_districts.setdefault(name[:-1] + "县", set()).add(code)
    by_name.update(made_districts)
    return {name: tuple(sorted(codes)) for name, codes in by_name.items()}


def _aliases(name: str) -> set[str]:
    peoples = re.compile(rf"(?:(?:{alternation(_config()['agency']['peoples'])})族)+$")
    aliases = {name} | banner_short_names(name)
    for suffix in ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
                   "地区", "省", "市", "县", "区", "旗", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = peoples.sub("", name[:-len(suffix)]) or name[:-len(suffix)]
            aliases |= {stem, stem + ("州" if suffix == "自治州" else suffix[-1])}
            break
    return {a for a in aliases if len(a) >= 2}


def division_of(agency: str) -> str | None:
    """The 6-digit code of the most specific division an agency's name opens with (湛江市坡头区
    民政局 → 440804); the names before it choose among divisions of one name; a name still
    shared by several divisions gives only what they share (新城区 → nothing)."""
    by_name = _divisions_by_name()
    chain: list[tuple[str, ...]] = []
    position, last = 0, ""
    while position < len(agency):
        name = next((agency[position:end] for end in range(min(len(agency), position + 12), position + 1, -1)
                     if agency[position:end] in by_name), None)
        if name is None:
            break
        chain.append(by_name[name])
        position += len(name)
        last = name
    cities = tuple(code for code in chain[-1] if _code_level(code) == "city") if chain else ()
    if cities and last not in _full_names() and ZONE.match(agency, position):
        chain[-1] = cities  # a city's short name running on into a zone (岳阳经开区, 长沙高新区): the zone named after its city
    elif chain and last not in _full_names() and position < len(agency) and (not _body_pattern().match(agency, position)
                                                  or agency.startswith(TOWN_BODIES, position)):
        chain.pop()  # a short name running on into another word: 龙潭镇, 新市坝镇, 东湖街道办事处 name no 龙潭区, 新市区, 东湖区
    if not chain:
        return None
    candidates = set(chain[-1])
    for parents in chain[:-1]:
        within = {c for c in candidates if any(_contains(p, c) for p in parents)}
        candidates = within or candidates
    if len(candidates) == 1:
        return candidates.pop()
    provinces = {c[:2] for c in candidates}
    return provinces.pop() + "0000" if len(provinces) == 1 else None


def _contains(parent: str, child: str) -> bool:
    if parent.endswith("0000"):
        return child[:2] == parent[:2]
    if parent.endswith("00"):
        return child[:4] == parent[:4]
    return child == parent


# ---- the region from the places the text names --------------------------------------------

_REGION_FIELD = {"province": "province", "city": "city", "county": "county", "town": "county"}
LEVEL_OF_CODE = (("province", lambda code: code.endswith("0000")), ("city", lambda code: code.endswith("00")),
                 ("county", lambda code: True))
LEVELS_UP = {"town": ("county", "city", "province"), "county": ("county", "city", "province"),
             "city": ("city", "province"), "province": ("province",)}


def _code_level(code: str) -> str:
    return next(level for level, test in LEVEL_OF_CODE if test(code))


def _name_at(text: str, position: int, heads: dict[str, tuple[str, ...]]) -> str | None:
    """The longest name of `heads` (names by their first two characters, longest first) that starts
    at `position`."""
    names = heads.get(text[position:position + 2])
    return next((n for n in names if text.startswith(n, position)), None) if names else None


@cache
def _names_by_head() -> dict[str, tuple[str, ...]]:
    """The names of the divisions (full names and short names but those that are common
    words) by their first two characters, longest first: a text is read once, position by
    position, with one dictionary look-up each."""
    common = set(_config()["region"]["common_words"])
    heads: dict[str, set[str]] = {}
    for name in _divisions_by_name():
        if name not in common:
            heads.setdefault(name[:2], set()).add(name)
    return {head: tuple(sorted(names, key=len, reverse=True)) for head, names in heads.items()}


def places_named(text: str) -> Counter[str]:
    """The divisions the text names, by code, each mention once: full names (西平县, 合肥市), an autonomous
    county's stem with its level (芷江县 for 芷江侗族自治县),
    and short names of cities and provinces (合肥, 浙江; a province's before a prefecture's of
    one short name: 海南); a county's short name is too often a word (新建, 惠民), unless a body
    or a department follows it (汉阴民政部门); a name several
    divisions bear (新城区) counts for none (a city's and its county's, 岳阳市 and 岳阳县, for the city), a name running on into a town's or a street's
    (六安里社区) neither, nor a sharing site's uploader's place (发布于四川) or a place it helps
    (帮助六盘水市…)."""
    heads, by_name, full = _names_by_head(), _divisions_by_name(), _full_names()
    text = blanked(UPLOADER_PLACE, text)
    partners = tuple(_config()["region"]["partner_before"])
    found: Counter[str] = Counter()
    position = 0
    while position < len(text) - 1:
        name = _name_at(text, position, heads)
        if name is None:
            position += 1
            continue
        start, position = position, position + len(name)
        if text.endswith(partners, 0, start):
            continue  # a place the issuer helps (帮助六盘水市…, 对口支援…) is a partner's
        if _conjunction_at(text, start) and len(name) == 2:
            position = start + 1
            continue  # 镇党委和县残联: 和 and the county's level, not 和县
        codes = by_name[name]
        if len(codes) > 1 and name not in full:  # a province's short name before a prefecture's (海南, 吉林)
            codes = tuple(code for code in codes if code.endswith("0000")) or codes
        if len(codes) > 1 and name not in full and len({code[:4] for code in codes}) == 1:
            codes = tuple(code for code in codes if code.endswith("00")) or codes  # a city's and its county's (岳阳市,
            # 岳阳县): the city they share
        if len(codes) != 1 or text.startswith(PLACE_RUNS_ON, position) or text.startswith("水库", position - 1):
            # (丽水|库 of 义丽水库: a reservoir's name, no 丽水)
            continue
        (code,) = codes
        if name in full or len(name) >= 3 and name.endswith(("县", "旗")):  # an autonomous county by its stem and level (芷江县)
            if len(name) > 2 or _body_pattern().match(text, position) or PORTAL.match(text, position) \
                    or PLACE_OF_A_YEAR.match(text, position):  # 和县民政局, 和县2024年…, 和县第十六届…, not …和县委
                found[code] += 1
        elif _code_level(code) != "county" or _body_pattern().match(text, position) or PLACED_DEPARTMENT.match(text, position) \
                or LOCAL_OUTLET.match(text, position):
            found[code] += 1  # a county's short name naming a body's place (汉阴民政部门) too
    return found


# A place's government portal (忠县人民政府门户网站): the place named, though no body is.
PORTAL = re.compile(r"(?:人民)?政府门户")
# A local news outlet named by its county's short name (某某新闻网讯, 某某融媒体中心讯, 某某电视台): the county named.
LOCAL_OUTLET = re.compile(r"(?:新闻网|网讯|融媒体中心|广播电视台|电视台|日报|新闻中心)")  # 某某网讯 too
# What follows a county's two-character name that no word runs on with (和县2024年十件实事, 和县第十六届人大):
# its year or its congress's term; the county named, as before its body.
PLACE_OF_A_YEAR = re.compile(r"\s*(?:(?:19|20)\d{2}\s*年|第[一二三四五六七八九十]{1,3}届)")
# A place's department named by its field, not the place's departments at large (有关部门, 各部门).
PLACED_DEPARTMENT = re.compile(r"(?!有关|相关|其他|其它|职能|成员|各)[\u4e00-\u9fff]{2,4}部门")
# Where a sharing site says its uploader posted from (2026-02-10 发布于四川, IP属地:广东): no place of the report.
UPLOADER_PLACE = re.compile(r"(?:发布于|IP属地\s*[:：]?)\s*[\u4e00-\u9fff]{2,8}")
# What follows a short place name that is part of a smaller place's or a street's name
# (六安里社区, 龙潭镇, 新市坝镇): no mention of the division.
PLACE_RUNS_ON = ("镇", "乡", "街道", "社区", "村", "里", "路", "街", "坝", "湖", "山", "河", "桥", "水库", "籍")  # a reservoir
# named after a place (某某水库) is a feature, as its lake, river, bridge and dam are; people native of a place (山东籍游客)
# come from it, no place of the text


def region_from_text(text: str, region: dict[str, str | None], agency: str | None) -> dict[str, str | None]:
    """The issuer's missing region fields from the place of its level the text names most
    (OWN_PLACE_SHARE of that level's mentions), within what the agency's name gave, else the
    place of the level above (a masked 区民政局 of a text naming 深圳 → 深圳市, 广东省)."""
    within = region["region_code"] or ""
    within = within[:2] if within.endswith("0000") else within[:4] if within.endswith("00") else within
    named = Counter({code: n for code, n in places_named(text).items() if code.startswith(within)
                     and not (code.startswith(SPECIAL_REGIONS) and region["admin_level"] != "province")})
    for level in LEVELS_UP[region["admin_level"]]:
        of_level = Counter({code: n for code, n in named.items() if _code_level(code) == level})
        if not of_level:
            continue
        if level == "city" and region["admin_level"] == "city":  # a city body's text naming its districts (龙华区, 秀英区):
            for code, n in named.items():  # each the city's place too, against a prefecture a village's name holds once
                if _code_level(code) == "county" and _division_names().get(code[:4] + "00", "市辖区") not in NON_CITY:
                    of_level[code[:4] + "00"] += n
        (code, count), *others = of_level.most_common(2)
        if others and (count == others[0][1] or count < OWN_PLACE_SHARE * sum(of_level.values())):
            return region
        if level != "province" and _outside_named_province(code, count, named):
            continue  # 内江 once in a text naming 上海 twice (内江新村, an estate's name): the province's
        names = _division_names()
        filled = {"province": names.get(code[:2] + "0000"),
                  "city": names.get(code[:4] + "00") if level in ("city", "county") else None,
                  "county": names.get(code) if level == "county" else None}
        filled["city"] = None if filled["city"] in NON_CITY else filled["city"]
        return {**region, **{k: v for k, v in filled.items() if not region[k]},
                "region_code": region["region_code"] or code}
    return _region_above(region, named)


def _outside_named_province(code: str, count: int, named: Counter[str]) -> bool:
    """Whether the text names a province more often than this city or county, and it lies outside
    that province: a word that happens to be a far place's short name, not the text's own place."""
    provinces = Counter({other: n for other, n in named.items() if _code_level(other) == "province"})
    if not provinces:
        return False
    (province, times), = provinces.most_common(1)
    return times > count and not code.startswith(province[:2])


# Hong Kong's and Macao's codes: special administrative regions with no cities or counties of the
# mainland's kind, so no 市, 县 or 镇 body's place (澳门 in a spammed line of a city's news).
SPECIAL_REGIONS = ("81", "82")

PREFIX_OF_LEVEL = {"province": 2, "city": 4}


def _region_above(region: dict[str, str | None], named: Counter[str]) -> dict[str, str | None]:
    """A province's or city's text naming no place of its own level but places under it of one
    province or city only (全省… / 三明地区…): that one."""
    length = PREFIX_OF_LEVEL.get(region["admin_level"] or "")
    prefixes = {code[:length] for code in named} if length else set()
    if len(prefixes) != 1 or region[region["admin_level"]]:
        return region
    (prefix,) = prefixes
    names = _division_names()
    filled = {"province": names.get(prefix[:2] + "0000"), "city": names.get(prefix + "00") if length == 4 else None}
    filled["city"] = None if filled["city"] in NON_CITY else filled["city"]
    return {**region, **{k: v for k, v in filled.items() if v and not region[k]},
            "region_code": region["region_code"] or prefix.ljust(6, "0")}


TOWN_CLUSTER = 2  # towns of one county a text names to tell that county when nothing else places it


@cache
def _towns_by_head() -> dict[str, tuple[str, ...]]:
    """The towns' names (data/towns.tsv: 湖沟镇, 庄桥街道) by their first two characters, longest first."""
    from transforms.gazetteer import town_counties

    heads: dict[str, set[str]] = {}
    for name in town_counties():
        heads.setdefault(name[:2], set()).add(name)
    return {head: tuple(sorted(names, key=len, reverse=True)) for head, names in heads.items()}


def _towns_named(text: str) -> list[str]:
    """The towns the text names, in order, each mention once, longest name first."""
    heads, found, position = _towns_by_head(), [], 0
    while position < len(text) - 1:
        name = _name_at(text, position, heads)
        if name:
            found.append(name)
        position += len(name) if name else 1
    return found


def _town_county(town: str, within: str, text: str = "") -> tuple[str, str] | None:
    """The (code, name) of the one county a town of this name lies in within the region's code prefix `within`; of
    several (城关镇, 88 of them), the one whose county, city or province the text names, the county by its short name
    too (钱塘 for 钱塘区), if only one is."""
    from transforms.gazetteer import town_counties

    counties = [c for c in town_counties().get(town, ()) if c[0].startswith(within)]
    if len(counties) > 1 and text:
        named = places_named(text)
        counties = [c for c in counties if any(c[0][:n].ljust(6, "0") in named for n in (6, 4, 2))
                    or any(alias in text for alias in _aliases(c[1]))]
    return counties[0] if len(counties) == 1 else None


def _region_of_county(region: dict[str, str | None], county: tuple[str, str]) -> dict[str, str | None]:
    """The region's empty fields filled from a town's county: its county (as the 2023 codes name it), city and
    province; what the region has stays (the text's word over the table's)."""
    code, name = county
    names = _division_names()
    city = names.get(code[:4] + "00") if code[2:4] != "00" else None
    filled = {"province": names.get(code[:2] + "0000"), "city": None if city in NON_CITY else city,
              "county": name if code[4:] != "00" and code[4] != "7" else None}  # 7x: a development zone, no county
    return {**region, **{k: v for k, v in filled.items() if v and not region[k]},
            "region_code": region["region_code"] or (code if code in names else None)}


def region_by_towns(region: dict[str, str | None], agency: str | None, text: str) -> dict[str, str | None]:
    """A town's or county's region the gazetteer, which stops at counties, leaves without its county: the county of
    the town its issuer's name holds (寒亭镇人民政府 → 宣州区, 宣城市, 安徽省) when the name is the only town of it
    (within what the region has, or of the places the text names); else, for a body the text places no nearer, the
    county the towns it names lie in (县民政局 … 千灯镇、张浦镇、巴城镇 → 昆山市), when the one the text places (its city) holds
    one, or no other county holds TOWN_CLUSTER of them. Fills empty fields only."""
    if region["admin_level"] not in ("town", "county") or region["county"]:
        return region
    code = region["region_code"] or ""
    within = code[:2] if code.endswith("0000") else code[:4] if code.endswith("00") else code
    own = _towns_named(agency or "")
    if region["admin_level"] == "town" and own:
        county = _town_county(own[0], within, text)
        return _region_of_county(region, county) if county else region
    from transforms.gazetteer import town_counties

    counties: dict[tuple[str, str], set[str]] = {}
    for town in set(_towns_named(text)):  # a name several counties share counts for each of them (临溪镇 beside 悦崃镇)
        for county in (c for c in town_counties().get(town, ()) if c[0].startswith(within)):
            counties.setdefault(county, set()).add(town)
    county = _named_most(counties, 1 if len(within) == 4 else TOWN_CLUSTER)
    return _region_of_county(region, county) if county else region


Key = TypeVar("Key")


def _named_most(names_by_key: dict[Key, set[str]], least: int) -> Key | None:
    """The key (a county, a city) more of the text's names fall in than in any other, when at least
    `least` do: a name several places bear may be any of them, several meeting in one tell it."""
    ranked = sorted(names_by_key.items(), key=lambda item: -len(item[1]))
    if not ranked or len(ranked[0][1]) < least or len(ranked) > 1 and len(ranked[1][1]) >= len(ranked[0][1]):
        return None
    return ranked[0][0]


CLUSTER_COUNTIES = 4  # counties of one city a text names, by full or short name, to tell that city (three may be a city's streets named after another's: 宜川路, 甘泉街道)


def _region_by_counties(text: str) -> dict[str, str] | None:
    """The province and city of a text naming several counties or districts of one city (郯城、兰山、
    罗庄、费县…: 临沂市), by full or short name: a short name alone may be a common word and a name
    several divisions bear may be any of them, but four names or more meeting in one city, and
    in no other as often, tell it."""
    heads, by_name = _names_by_head(), _divisions_by_name()
    cities: dict[str, set[str]] = {}
    position = 0
    while position < len(text) - 1:
        name = _name_at(text, position, heads)
        if name is None or text.startswith(PLACE_RUNS_ON, position + len(name)):
            position += 1
            continue
        for code in by_name[name]:
            if _code_level(code) == "county":
                cities.setdefault(code[:4], set()).add(name)
        position += len(name)
    if (prefix := _named_most(cities, CLUSTER_COUNTIES)) is None:
        return None
    names = _division_names()
    city = names.get(prefix + "00")
    return {"province": names.get(prefix[:2] + "0000"), "city": None if city in NON_CITY else city,
            "region_code": prefix + "00"}


# A province's one-character name in a site's public-security or ICP record (豫公网安备 4106…, 鲁ICP备…) or
# opening a provincial body's document number (豫残联[2021]23号, 鲁民发〔2020〕3号); not those a city
# shares (宁 Nanjing, 青 Qingdao, 新 Xinxiang…) in a number.
PROVINCE_MARK = re.compile(r"(?P<abbr>[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])(?:公网安备|ICP备|ICP证)"
                           r"|(?:^|(?<=[\s(（]))(?P<doc>[冀晋辽黑沪浙皖闽赣鲁豫鄂湘粤桂琼渝黔滇藏陕甘])(?:残联|民发|民函|政发|政办发|人社发|卫健|财社)"
                           r"\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]", re.MULTILINE)
PROVINCE_ABBREVIATIONS = {"京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "豫": "河南省",
                          "云": "云南省", "滇": "云南省", "辽": "辽宁省", "黑": "黑龙江省", "湘": "湖南省", "皖": "安徽省",
                          "鲁": "山东省", "新": "新疆维吾尔自治区", "苏": "江苏省", "浙": "浙江省", "赣": "江西省",
                          "鄂": "湖北省", "桂": "广西壮族自治区", "甘": "甘肃省", "晋": "山西省", "蒙": "内蒙古自治区",
                          "陕": "陕西省", "吉": "吉林省", "闽": "福建省", "贵": "贵州省", "黔": "贵州省", "粤": "广东省",
                          "青": "青海省", "藏": "西藏自治区", "川": "四川省", "宁": "宁夏回族自治区", "琼": "海南省"}


def _province_by_abbreviation() -> dict[str, str]:
    """The one-character names of the provinces, as the gazetteer writes the provinces' names."""
    known = set(_division_names().values())
    return {abbr: name for abbr, name in PROVINCE_ABBREVIATIONS.items() if name in known}


# A text's own banner or league (我旗, 全盟, 旗委): places only Inner Mongolia has (not 苏木, a row
# of the national statistics forms).
BANNER_WORDS = re.compile(r"[我全本][旗盟]|[旗盟]委")


@cache
def _banner_province() -> str | None:
    """The one province every banner (…旗) of the gazetteer lies in."""
    provinces = {code[:2] for code, name in _division_names().items() if name.endswith("旗")}
    return _division_names().get(provinces.pop() + "0000") if len(provinces) == 1 else None


def _sole_place_level(text: str) -> str | None:
    """The level of the one place a text with no issuer and no word for its own place names,
    and names again and again (2022年2月河北省低保人数… / 河北省低保户数…): the place its
    figures are of."""
    named = places_named(text)
    if len(named) != 1:
        return None
    ((code, count),) = named.items()
    return _code_level(code) if count >= FIGURES_PLACE_MENTIONS else None


def _bodies_level(text: str) -> str | None:
    """The one level of the bodies a text without an issuer names (区人社局、区民政局、区教体局…): the
    level of the place it is about; national bodies only (民政部、人社部) tell none, as a national body has none."""
    levels = {level_of(name) for _, _, name in known_agencies(text)} - {None}  # a bare 民政局 tells none
    return levels.pop() if len(levels) == 1 and levels != {"nation"} else None


# A place's government or party committee named by its level alone (县政府门户网站, 落实区委…部署, 在县委、县政府领导下).
GOVERNING_BODY = re.compile(r"[省市县区](?:委|(?:人民)?政府)(?![员会])")


def _governing_level(text: str) -> str | None:
    """The level of the one kind of government or party committee a text with no other word for its place names by its
    level alone, no place's name ending with it (县政府门户网站, 落实区委…部署; not 东丽区政府): its own place's, whose
    government it works under."""
    names = _place_names()
    levels = {LEVEL_WORDS[m.group()[0]] for m in GOVERNING_BODY.finditer(text)
              if not any(text[m.start() - length:m.start() + 1] in names for length in range(1, 6) if m.start() >= length)}
    return levels.pop() if len(levels) == 1 else None


FIGURES_PLACE_MENTIONS = 3  # a place named this often is what the figures are of, not a passing word


# A province's level after its short name (四川省, 广西壮族自治区).
PROVINCE_LEVEL = re.compile(r"(?:省|(?:壮族|回族|维吾尔)?自治区)$")


def shortest_agency(agency: str, region: dict[str, str | None], text: str, title: str | None = None) -> str:
    """江西省九江市民政局 → 九江市民政局: a city's or county's body without its province (by its short name too,
    四川某县林业局 → 某县林业局); a county's
    (or a municipality's district's) without its city where the text also names it so (湛江市坡头区民政局
    on the letterhead, 坡头区民政局 in a sentence); one the text names only after its city
    (济南市长清区民政局, 重庆市綦江区关坝镇人民政府), or the title names so (某市某区民政局2022年…报告),
    keeps it, as written: the title is how the body names itself."""
    province = region["province"] or ""
    short = PROVINCE_LEVEL.sub("", province) if province.endswith(("省", "自治区")) else ""
    if len(short) >= 2 and agency.startswith(short) and not agency.startswith(province):
        province = short  # by its short name too (记者从四川某县林业局获悉 → 某县林业局)
    for parent, child in ((province, region["city"] or region["county"]), (region["city"], region["county"])):
        if parent and child and agency.startswith(parent) and _is_place_prefix(agency[len(parent):len(parent) + len(child)]) \
                and (parent == short or parent.endswith(("省", "自治区"))
                     or (text.count(agency[len(parent):]) > text.count(agency) and agency not in unspaced(title or ""))):
            agency = agency[len(parent):]
    return agency


WRITTEN_HEAD = 20000  # characters of the page as read within which its title stands


def title_as_written(title: str | None, written: str) -> str | None:
    """The title (found on the simplified, cleaned copy) as the page writes it: its traditional
    characters kept and the pinyin a site put after a character (報(bào)告) with them, as the
    corpus annotates it, across the break of a title rejoined from two lines too; the title as found
    where the page does not hold it so (characters the cleaning normalised)."""
    head = written[:WRITTEN_HEAD]
    if not title or title in head or head.isascii():
        return title
    from transforms.simplify import to_simplified

    pattern = f"(?:{PINYIN.pattern})?(?:{LINE_BREAK.pattern})?".join(re.escape(char) for char in title) + f"(?:{PINYIN.pattern})?"
    found = re.search(pattern, to_simplified(head))
    return LINE_BREAK.sub("", head[found.start():found.end()]) if found else title  # rejoined where a break parted it


LINE_BREAK = re.compile(r"[ \t\u3000]*\n\s*")  # a title broken over two lines, rejoined


# A yearbook table's number before its caption (3-1  某省教育事业主要指标进展情况, 表5-3 …): the book's, no part of the title.
TABLE_NUMBER = re.compile(r"^\s*(?:表\s*)?\d{1,2}\s*[-－—]\s*\d{1,2}[ \t\u3000]+(?=[\u4e00-\u9fff])(?![月日])")  # not 1-6 月…


# A notice issuing a document (关于印发《X》的通知, 某局关于印发《X》的通知): its title and type are X's.
# Its X may stand unbracketed (关于印发青山市养老服务发展“十三五”规划的通知), unless a page's 标题 label names the
# notice itself as its title or its 文号 shows the page is the notice as an official document.
NOTICE_OF = re.compile(r"[^《》\n]{0,40}?关于(?:印发|下发)\s*(?:《(?P<title>[^《》\n]{4,80})》|(?P<bare>[^《》〈〉<>\n]{4,80}?))\s*的通知")


# the date line a notice is signed with (2023年4月22日), after which the issued document's text begins
SIGNED_DATE = re.compile(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*")


def _issued_text_title(lines: list[str], issued: str) -> str | None:
    """关于印发X的通知 … 2017年2月21日 / X…: the title of the document a notice issues, where the line
    right after the notice's signature date opens the document's text: X where the line opens with
    it, else the line itself when short and ending like X (2023年全省卫生健康工作要点 under a notice of
    2023年浙江省卫生健康工作要点). None when the page is the notice alone."""
    dated = next((i for i, line in enumerate(lines[:HEAD_LINES + TAIL_LINES]) if SIGNED_DATE.fullmatch(line)), None)
    if dated is None or dated + 1 >= len(lines):
        return None
    line = lines[dated + 1].strip()
    if line.startswith(issued):
        return issued
    short = len(line) <= LONGEST_ISSUED_TITLE and not re.search(r"[。，,；;：:]", line)
    return line if short and line[-4:] == issued[-4:] else None


LONGEST_ISSUED_TITLE = 40


def _joint_issuers(agency: str, lines: list[str], title: str | None, publisher: str | None = None) -> str:
    """Bodies issuing the report together, named side by side on its letterhead, its title's opening
    or its signature line (某区财政局 某区民政局关于…的通知, 中共某市委 某市人民政府): the first signer, where
    the issuer found is one of them (session 40's ruling on joint notices); the region stays the one found's.
    Where the page's publisher label (作者, 信息来源, 发布机构) names one of them, in full or by its level alone
    (县民政局), that one posted its own copy of the joint document: it is the agency."""
    for line in [TITLE_PREFIX.sub("", title or "").split("关于")[0], *lines[:HEAD_LINES], *lines[-TAIL_LINES:]]:
        pieces = line.split()
        if len(pieces) >= 2 and agency in pieces and all(
                PARTY_COMMITTEE.fullmatch(piece) or len(piece) <= LONGEST_NAME and _placed_office(piece) for piece in pieces):
            posted = [piece for piece in pieces if publisher and _same_body(publisher, piece)]
            return posted[0] if len(posted) == 1 else pieces[0]
    return agency


# A title set out one character apart (政 府 工 作 报 告, 工 作 总 结), as a letterhead's heading often is.
SPACED_OUT = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")
SPACED_RUN = re.compile(r"[\u4e00-\u9fff](?:[ \t\u3000]+[\u4e00-\u9fff]){2,}")


def unspaced(title: str | None) -> str | None:
    """The title with the spaces of a run of three characters or more set one apart closed up
    (政 府 工 作 报 告(2022年) → 政府工作报告(2022年)); words a space parts (…计划 2018-06-15) stay apart."""
    return SPACED_RUN.sub(lambda m: SPACED_OUT.sub("", m.group()), title) if title else title


# What a title read off the lines as read may hold: Chinese characters, ASCII and the marks of Chinese
# text; none of the box-drawing or bopomofo signs a page decoded in the wrong encoding shows (?。ㄒ唬┲…).
LEGIBLE = re.compile(r"[\u4e00-\u9fff\x20-\x7e，。、；：？！“”‘’《》〈〉（）【】〔〕—…·%％]+")


HEAD_AS_READ = 3000  # characters of the page as read whose lines may hold a title the cleaning joined to others


def _head_as_read(page_as_read: str) -> list[str]:
    """The page's first lines with the breaks it was read with, tidied and simplified as the
    cleaned text is, none joined."""
    return [to_simplified(line) for line in tidy_lines(remove_artefacts(normalise_characters(page_as_read[:HEAD_AS_READ])))]


# The words a text calls its own place by, a district's and a city's.
DISTRICT_OWN = re.compile(r"[我本]区")
CITY_OWN = re.compile(r"[我本全]市")


def _agency_placed(agency: str | None) -> bool:
    """Whether the issuer is named with its place (长乐市民政局), which says what the place is called."""
    return bool(agency) and _place_at(agency, 0) is not None


def _body_broken_off(text: str, head_as_read: list[str]) -> str:
    """The text with the break the cleaning joined away restored before the body's first paragraph as
    read (…某某法制报 2013-02-22 大字 / 去年以来,某县民政局…): its first sentence opens there, its subject read."""
    first = next((line for line in head_as_read if len(line) > HEADLINE and SENTENCE_MARK.search(line)), None)
    at = text.find(first[:HEADLINE]) if first else -1
    return text[:at] + "\n" + text[at:] if at > 0 and text[at - 1] != "\n" else text


def _legible(line: str) -> bool:
    return bool(LEGIBLE.fullmatch(line))


SITE_WORDS_AROUND = 4  # characters at most a site puts before or after a document's own title in its header (乡镇…, …怎么写?)


# A place's yearly statistics bulletin on its economy and society, by the genre's own name.
ECONOMY_BULLETIN = re.compile(r"国民经济和社会发展\s*统计公报")


# A title and its subtitle after a dash, joined on one line by a site (政府工作报告--——在某镇第九届…会议上(2024年)).
JOINED_SUBTITLE = re.compile(r"(?P<own>[^-—－–\s][^-—－–]{3,40}?)\s*[-—－–]{1,4}\s*(?:在|——)")


def _own_title_under(title: str, lines: list[str]) -> str | None:
    """The document's own title on a head line under the page's, which a site's header gave with words of its own
    before or after it (乡镇 + 上半年政府工作报告, 村集体经济发展情况汇报材料 + 怎么写?): no year nor report word among them."""
    at = next((index for index, line in enumerate(lines[:HEAD_LINES]) if title in line), None)
    if at is None:
        return None
    for line in lines[at + 1:HEAD_LINES * 2]:
        own = line.strip()
        if own == title or len(own) < SHORTEST_TITLE or not names_document(own):
            continue
        added = title[len(own):] if title.startswith(own) else title[:-len(own)] if title.endswith(own) else None
        if added and len(added) <= SITE_WORDS_AROUND and not re.search(r"\d", added) and not names_document(added):
            return own
        if title.startswith(own) and SITE_NAME_SEPARATOR.match(added or ""):
            return own  # …the page's title with the site's section and name after separators (…的通知_区政府办公室文件_某区门户网站)
    return None


# A sharing site's count of the pieces its file bundles, closing the file's title (…工作计划(2篇), …总结(通用5篇)).
BUNDLE = re.compile(r"\s*[(（]\s*(?:通用|精选|优秀)?\s*\d{1,2}\s*篇\s*[)）]$")
# The number of a bundled piece after its heading's words (…(一), …(1), …篇一).
PIECE_NUMBER = re.compile(r"\s*(?:[(（]\s*[一二三四五六七八九十\d]{1,2}\s*[)）]|篇[一二三四五六七八九十])\s*")


def _bundled_piece(title: str, lines: list[str]) -> str | None:
    """The heading of the first piece a bundle's title counts (镇目标工作计划(2篇) / 镇目标工作计划(一)), as the page writes
    it: in a page bundling several pieces, the excerpted piece's heading is the title (session-36 ruling)."""
    bundle = BUNDLE.search(title)
    if not bundle:
        return None
    stem = title[:bundle.start()]
    return next((line.strip() for line in lines[:HEAD_LINES * 2]
                 if line.strip().startswith(stem) and PIECE_NUMBER.fullmatch(line.strip()[len(stem):])), None)


# What a title's second line opens with when it goes on with the first (…工作总结 / 和2024年工作计划, …报告 / (2023年度)).
TITLE_GOES_ON = re.compile(r"[和及与暨并的以(（\[【《“\d]")


def _title_as_read_alone(title: str, page_as_read: str) -> str | None:
    """The page's first line as read, where the title found on the cleaned text is that line run into the one under it
    and the first line names a document by its closing word on its own (…2024年半年度工作总结及下半年工作安排): the
    line under it is the body's first heading (上半年工作完成情况), not the title's second line."""
    first = next((line.strip() for line in _head_as_read(page_as_read)[:2] if line.strip()), "")
    rest = title[len(first):]
    if len(first) < SHORTEST_TITLE or not rest or not title.startswith(first) or TITLE_GOES_ON.match(rest):
        return None
    return first if first.endswith(TITLE_WORDS + _document_genres() + PLAN_CLOSINGS) and names_document(first) else None


PLAN_CLOSINGS = ("打算", "思路", "设想", "谋划")  # a summary-and-plan title's closing words (…和下半年工作打算)


def extract_meta(text: str, page_meta: dict[str, str] | None = None, file_name: str | None = None,
                 page_as_read: str | None = None) -> DocumentMeta:
    """Metadata from the cleaned text plus any metadata block the reader found on a web page.
    `page_as_read`: the text as the reader gave it, before cleaning, whose first lines keep the
    breaks a title the cleaning ran into its neighbours (a breadcrumb, a date line, the body) stood
    alone by; read only when the cleaned text gives no title."""
    lines = _nonempty_lines(text)
    page = _fields_from_page_meta(_with_inner_labels({**table_labels(lines), **head_labels(lines), **extract_text_meta(text)[0],
                                                      **(page_meta or {})}))
    head = _without_label_pairs(lines)
    may_title = title_lines(head)
    title = find_title(may_title, page)
    if title and not page.get("title") and any(line.strip() == "关于" + title for line in may_title[:HEAD_LINES]):
        title = "关于" + title  # the document's own title line under the page's, which dropped its 关于
    elif title and not page.get("title"):
        title = _own_title_under(title, may_title) or title
    as_read, head_as_read = None, []
    if title is None and page_as_read:  # the cleaning joined a page's short head lines it took for a wrapped
        # paragraph (网站首页>新闻中心 / 某某工作结束 / [日期:…] / 根据…): the title is a line of the page as read
        head_as_read = _without_label_pairs(_head_as_read(page_as_read))
        as_read = find_title(title_lines(head_as_read), page)
        as_read = as_read if as_read and _legible(as_read) else None
    elif title and len(unspaced(title)) < SHORTEST_TITLE and page_as_read and len(lines[0]) > LONGEST_TITLE:
        # a section's label (实事项目) under a first line into which the cleaning ran the page's head (…崇明政要 /
        # 2019年…安排 / 作者:… / the lead): the document's own title line as read, when one stands there
        own = find_title(title_lines(_without_label_pairs(_head_as_read(page_as_read))), page)
        title = own if own and _legible(own) and len(unspaced(own)) >= SHORTEST_TITLE and own in lines[0] else title
    if title and (piece := _bundled_piece(title, may_title)):
        title = piece  # a sharing site's bundle (…工作计划(2篇)) over its first piece's heading (…工作计划(一)): the piece's
    if title and page_as_read and (read := _title_as_read_alone(title, page_as_read)):
        title = read  # a title the cleaning ran into the heading under it (…工作总结及下半年工作安排 / 上半年工作完成情况):
        # the title's line as read
    if title and page_as_read and (dashed := JOINED_SUBTITLE.match(title)) and names_document(dashed["own"]) \
            and any(line.strip() == dashed["own"] for line in _head_as_read(page_as_read)[:HEAD_LINES * 3]):
        title = dashed["own"]  # the site's title joining the document's with its subtitle (政府工作报告——在…会议上), over
        # the document's own title line standing alone on the page (the document's line over the site's, round 25's c02)
    if title and sharing_site(lines):
        title = _site_suffix().sub("", title) or title  # the site's label of its copy (…调研报告(全文)); a government's
        # portal or an archive of work reports keeps what the page's title holds (…政府工作报告(全文))
    notice = title
    issued = NOTICE_OF.fullmatch(title or "")
    if issued and not issued["title"] and (page.get("title") == title or re.search(rf"标\s*题\s*[:：]\s*{re.escape(title)}", text)
                                           or page.get("doc_no") or any(DOC_NO.fullmatch(line) for line in lines[:HEAD_LINES])):
        issued_title = _issued_text_title(lines, issued["bare"])
        issued = None  # the page's own 标题 label names the notice, or its 文号 (浙卫发〔2023〕10号) makes it the official
        # document itself: its title as the page gives it, unless the page goes on with the issued document's text
        # under the notice's signature (session-37 ruling: a notice of one or two lines wrapping the document)
        title = issued_title or title
    if issued:  # 关于印发《X》的通知: the report is X (its issuer's name before 关于 still read from the notice)
        title = issued["title"] or issued["bare"]
    titles = ([title] if title else []) + ([notice] if issued else []) \
        + [t for t in title_candidates(may_title) if t not in (title, notice)]
    # the issuer and its places are read without the pinyin some sites put after a character
    # (本网(wǎng)讯, 青山镇(zhèn)); the title stays as written
    plain = PINYIN.sub("", text) if "(" in text and PINYIN.search(text) else text
    issuer_text = _body_broken_off(plain, head_as_read) if as_read else plain
    agency = find_agency(issuer_text, _nonempty_lines(issuer_text) if issuer_text is not text else lines, titles, page)
    publisher = page.get("agency") or ""
    if agency and agency != publisher and _body_pattern().fullmatch(publisher) and agency.endswith(publisher) \
            and _same_body(agency[:len(agency) - len(publisher)][-1:] + publisher, agency):
        agency = publisher  # the page's 发布机构 naming the issuer by its body's word alone (退役军人事务局): as it names it
    village = _village_of(agency, [title or "", *lines[:1], plain[:plain.find("。") + 1]])
    town_of_village, agency = (agency, village) if village else (None, agency)  # the region is its town's
    named = agency
    if agency:  # the region is the completed name's; the agency is as the text names it unless its
        # title opens with that place (兰考县2023年民政工作总结) or it speaks of it again and again
        # (枣庄市 seven times: 市民政局 is 枣庄市民政局), unless the page's 发布机构 names it so; an
        # address (地址:天津市…) is no such place; the page's 来源 or 发布机构 naming the body with
        # that place (县退役军人事务局… / 来源: 怀远县退役军人局) names it so
        agency = _placed_by_publisher(agency, page.get("agency")) or _placed_by_congress(agency, plain) \
            or completed_agency(agency, plain)
        place = agency[:len(agency) - len(named) + 1]
        if agency != named and ((page.get("agency") or "").startswith(place) or _congress_place(plain) == place
                                or page.get("issuer") != named  # (a portal's 发布机构 naming it by its level alone names it so)
                                and (TITLE_PREFIX.sub("", title or "").startswith(place)
                                     or page.get("agency") != named and _places_of_level(plain, named[0])[place] >= FIGURES_PLACE_MENTIONS)):
            named = agency
        town = town_at(TITLE_PREFIX.sub("", title or ""), 0)
        if town and not MASKED_TOWN.fullmatch(town) and any(named == level + body for level in TOWN_LEVELS for body in TOWN_GOVERNMENTS):
            agency = named = town  # a town's body by its kind alone (街道办事处, 镇政府) under a title opening with the town
            # (not with a masked one, XX镇: the government the text names, 镇人民政府, is named better)
        elif town and agency == named and named[:1] in "镇乡" and town.endswith(named[0]) and _body_pattern().match(named, 1):
            agency = named = town + named[1:]  # 镇民政办 under a title opening with 龙潭镇: 龙潭镇民政办
    region = dict(resolve_region(town_of_village or agency))  # cached: a copy to fill
    if region["admin_level"] is None and not (agency and level_of(agency) == "nation"):
        # an unnamed or bare issuer (民政局): 我县, 全市; no issuer: the one place the figures are of
        region["admin_level"] = None if not agency and _several_places_open(plain) else (
            "town" if TOWN_COMMITTEE_LEADS.search(plain[:OPENING])
            or TOWN_LEVEL_TITLE.match(TITLE_PREFIX.sub("", title or "")) else None) \
            or _own_place_level(plain) or (None if agency else _sole_place_level(plain) or _bodies_level(plain)) \
            or _governing_level(plain)  # (a story comparing several places, none its issuer: no level either)
        # (a title opening with a town by its level, its name masked or left out, 某街道2020年…: a town's, whatever it
        # calls 全市, the city it lies in)
    if region["admin_level"] == "city" and not region["city"] and COUNTY_LEVEL_CITY.search(plain):
        region["admin_level"] = "county"  # a bare 市民政局 of a city the text says is county-level
    if region["admin_level"] in _REGION_FIELD and not region[_REGION_FIELD[region["admin_level"]]]:  # (nation: none)
        region = region_from_text(plain, region, agency)
    if region["admin_level"] == "city" and not region["city"] and (region["province"] or "").endswith("市"):
        region["admin_level"] = "province"  # a municipality's 市 body (重庆 … 市民政局): its city is a province
    opening = _place_at(TITLE_PREFIX.sub("", title), 0) if title and not region["province"] else None
    if opening:  # an issuer named without its place (民生办) under a title opening with one (萧县9月份…)
        region = {**region, **{key: value for key, value in resolve_region(_full_place(opening)).items()
                               if value and not region.get(key)}}
    headline_place = HEADLINE_PLACE.match(TITLE_PREFIX.sub("", title)) if title and not region["province"] else None
    if headline_place and _short_place(headline_place["place"]):  # a headline opening with its place's short name and a
        # colon (宁夏:各地…, 江西:…): that place's region, where nothing else gave it
        region = {**region, **{key: value for key, value in resolve_region(_full_place(headline_place["place"])).items()
                               if value and not region.get(key) and key in ("province", "city", "county")}}  # (not the
        # issuer's level, which the headline's place does not say)
    region = region_by_towns(region, town_of_village or agency, plain)
    if not region["city"] and (counties := _region_by_counties(plain)) \
            and (not region["province"] or counties["province"] == region["province"]):
        # 郯城、兰山、罗庄…: their city's, within the province the text gave too (福建省… 蕉城、霞浦、古田…: 宁德市)
        region = {**region, **{key: value for key, value in counties.items() if value and not region.get(key)}}
    if not region["province"] and region["admin_level"] and (mark := PROVINCE_MARK.search(plain)):
        # a local text's 豫公网安备…, 豫残联[2021]23号: 河南省 (a national text's host's record is none of its place)
        region["province"] = _province_by_abbreviation().get(mark["abbr"] or mark["doc"])
    if not region["province"] and (BANNER_WORDS.search(plain) or (agency or "").startswith(("旗", "盟"))):
        region["province"] = _banner_province()  # 我旗, 全盟, 苏木: only one province has banners and leagues
    if (region["county"] or "").endswith("市") and region["admin_level"] == "county" and region["county"] not in plain \
            and not _agency_placed(agency) and ((agency or "").startswith("区") or DISTRICT_OWN.search(plain) and not CITY_OWN.search(plain)):
        region["county"] = region["county"][:-1] + "区"  # a county-level city the text never names so, whose issuer or own
        # place it calls a 区 (区民政局, 我区: 长乐市 since made 长乐区): the district it became, the gazetteer having its older name
    if region["city"] and not region["county"] and region["admin_level"] in ("county", "town") \
            and (lacked := _lacked_county(agency or "", "")):
        region["county"] = lacked  # a district the gazetteer lacks opening a town's name (平城区振华街道), its city from the text
    if agency:
        agency = without_redaction(named)
        if region["province"]:
            agency = shortest_agency(agency, region, plain, title)
        agency = _joint_issuers(agency, lines, title, page.get("agency"))
    doc_no = page.get("doc_no") or next((line for line in lines[:HEAD_LINES] if DOC_NO.fullmatch(line)), None)
    place_issuer = bool(agency) and _body_pattern().search(agency) is None and _generic_name().match(agency) is None \
        and PLACED_DEPARTMENT.search(agency) is None \
        and not agency.endswith(tuple(_config()["agency"]["generic"])) \
        and agency not in TOWN_LEVELS \
        and not (_town_name(agency) and agency == page.get("issuer"))
    # 宣城市民生工作领导小组办公室 is a body, and so is a town's named by its level alone (镇), and a town a portal's
    # 发布机构 names (发布机构: 某市某镇: its government, publishing its own report, no place news tells of)
    read = unspaced(title)  # 政 府 工 作 报 告(2022年) names its kind and year as 政府工作报告(2022年) does
    # a title found only on the lines as read names the page's kind (a headline: news); its issuer, places and
    # year are still read from the text as cleaned, as when no title was found
    kind = report_type(read or unspaced(as_read), text, place_issuer)
    if not title and type_named_in(" ".join(_without_attachments(head[:HEAD_LINES], kept=False))) == "进展表":
        kind = "进展表"  # an untitled text whose attachments are progress tables (附件: 1.…民生实事项目完成情况)
    # a news page (by its marks, or a headline over its text) dates itself on its source line (海口网 … 时间:2017-08-03)
    posted = None if sharing_site(lines) else iso_date(page.get("publish_date")) or head_date(lines, kind == "新闻报道", title) \
        or (head_date(head_as_read, kind == "新闻报道", as_read) if as_read else None)  # its date line under it, as read
    signed = signature_date(lines) or delivered_date(text) or paper_issue(lines)  # a work report's day at its congress,
    # a paper's issue line over its story, are its own date too
    publish_date = min(posted, signed) if posted and signed else posted or signed  # signed before a mirror posted it
    if not publish_date and kind == "新闻报道" and not sharing_site(lines):
        publish_date = issue_date(lines)  # an e-paper's issue date in its foot (…要闻 00002 … 2015年09月23日 星期三)
    if place_issuer and kind == "新闻报道" and (leadership := _place_leadership(plain, agency)):
        agency = leadership  # news of what a place's party committee and government decided (某省委、省政府部署…实事): the
        # pair as the text names it (round 30's 区委区政府, settled in session 37)
    if agency is None and kind == "新闻报道" and region["admin_level"] in ("county", "city") \
            and (own := region[region["admin_level"]]) and (own in plain or len(own) > 2 and own[:-1] in plain) \
            and not known_agencies(plain) \
            and not sector_of_place(own, plain, titles):
        agency = own  # news about one place naming no body: the place, as the text names it (德城区今年累计发放…)
    if place_issuer and kind == "进展表" and not TOWN.fullmatch(agency) and "公报" in (read or ""):
        # a city's or county's statistics bulletin (昌吉州…统计公报) is its office's, which the text does not
        # name; its plan or summary (思南县2014年…补偿方案, 2019年，南昌县全面…) the place's, as named, and so is
        # any other page or table of its figures naming only the place (a yearbook's table: session 39, round 33's c11, c13)
        agency = None
    if agency and ECONOMY_BULLETIN.search(title or "") and "统计" not in agency and "调查队" not in agency:
        agency = None  # a place's statistics bulletin is its statistics office's (README), not the government's its
        # preface names (县委县政府坚持…): none where the text does not name the office; the region stays the issuer's
    if place_issuer and agency and FIGURES_SOURCE.search(plain):
        agency = None  # figures of a place credited to a body (数据来源:民政部): the place they are of, no issuer
    if place_issuer and agency and sector_of_place(agency, plain, titles):
        agency = None  # the place's field (广东省民政系统, 武进区医疗保障工作) is its bodies', which the text does not name
    year, year_source = report_year(read, plain, publish_date, file_name, kind)  # 2011年新疆民政專(zhuān)項資金…
    issued_in = DOC_NO_YEAR.search(doc_no or "")
    if issued_in and read and read.endswith(_document_genres()) and title_year(read) is None:
        year, year_source = int(issued_in["year"]), "body"  # an official document (…实施意见, 乌党发〔2015〕21号): the year it was issued
    return DocumentMeta(
        title=TABLE_NUMBER.sub("", title or as_read or "") or None,  # its type read with the number (a yearbook's table)
        agency=agency or None,
        report_year=year,
        year_source=year_source,
        report_type=kind,
        publish_date=publish_date,
        index_no=page.get("index_no"),
        doc_no=doc_no,
        **region,
    )
