"""Kind: `target` for a plan, task, quota, budget, forecast, required level or commitment;
`actual` for what was done, reached or exists (spec §5).

Named rules (`KIND_RULES`, words in data/kinds.toml, examples in corpus/kinds.toml), tried in
order; the first that applies decides, and `stated` (actual) is what is left:

- `table_plan_column`: a table cell under a plan, task or budget column (计划, 任务) is a target,
  and so is a figure in a task cell of a table that reports each task's progress (项目内容 |
  年度完成情况);
- `table_comparison_column`: a cell under a previous-period or change column (上年同期, 同比) is
  actual (rules/tables.py);
- `required_sign`: a figure written after a sign of comparison (≥95%, >=21933人, <=5300元/户,
  a performance table's 年度指标值 cell) is a required level, a target, whatever else stands
  near it (满意度≥90%, 完成率≥95% in such a table);
- `forecast_note`: a bracket right after the figure calls it a forecast (188亿元左右(预计数,下同)),
  and with 下同 it carries to the figures after it in its sentence, each of its semicolon parts;
- `budget_raise`: both levels of a budget's raise are budgets, targets (…购置预算，由每年60万元提高至
  700万元), not those of a fiscal category holding 预算 (一般公共预算收入由…);
- `raise_from`: the level now of 由X提高到Y is actual, in a plan too, also after the measure it is
  written in (由家庭年人均收入2650元提高到…);
- `target_list`: the figure stands on its line after a target or commitment that a colon opens
  (计划目标为:新增就业60万人。再就业13万人; 年初承诺:…), or a line's label in lenticular brackets names (【任务】今年,我县
  承担…等6个子项目), the list running on across its sentences;
- `completion_share`: a share of a task, quota or budget done is actual (完成148元目标任务的122%,
  占全年指标的61.1%, 分别完成年计划的76.5%、89.5%, and without 的 right after the task 完成/实现 governs: 完成全年目标任务93.6%),
  but not under a forecast earlier in its sentence (预计全年完成…,完成年度任务的105%: forecast, session 33);
- `year_whole`: the year's whole a share so far is measured on, a figure right after 占全年 (截至9月底,…
  投资18.6亿元,占全年24亿元的77.5%), in a sentence on a period still running: the year's level to reach;
- `share_follows`: the clause right after the figure gives its share of a task, plan or budget
  (预算下达1107.98亿元，占预算安排的79%; 分解落实32614套，为目标任务的110%): the part done, actual,
  unless a forecast earlier in its sentence governs it (预计年底完工,完成投资…,完成率100%);
- `off_target`: how far a level stands from a plan or target is actual (低于市计划的0.7个百分点,
  比目标任务高出10元, and right after the target in points or exceeded: 低于控制目标1.3个百分点,
  超年度目标2.3万人, also after a word of approximation: 超目标任务近6个百分点), or from a budget, a
  quota or a required level (超资金预算安排355亿元, 比年初下达的指标超收2660万元, 高于目标要求2个百分点);
- `target_noun_after`: a target noun follows the figure (148元目标任务, …10000亩围栏封育的目标,
  5%的控制目标, or closing its clause after 全年/年度: 1200万人以上全年城镇新增就业目标, or after
  what the task does: 全年10万人搬迁任务,), but not a
  task its clause says done (完成…改造30户任务), unless met in full (圆满完成…收购任务), or unless what was reached stands earlier in the
  sentence in the same unit (新增就业1256万人，完成1200万人以上全年…目标), nor one to be met
  (为完成…2300张目标任务, 确保完成…) is done;
- `target_noun_before`: the figure follows a target noun in its clause (年目标任务12500人,
  省定70%, 年预算为300万元, (年度任务75%)) that is not another figure's (30户任务、…10户), nor one
  inside a modifier that 的 closes before a noun (达到考核指标的村增加12个), nor one
  marking what has the task (有扶贫任务乡镇的农村低保27954户; 有危房改造任务1200户 is one), nor a
  task its clause says done with no share of it after (完成勘界任务108公里);
- `part_of_target`: a figure of a breakdown (其中…) after a target in its sentence (not a part its
  clause says done, before or after it: 其中5项已完成, nor one it then measures against the target:
  其中10个项目完成年度目标), or in a
  sentence opening with 其中 right after one that plans (计划…共投资2亿元。其中，投资5000万元…；…),
  or in a 其中 part a semicolon opens right after a part that plans (预计…完成进出口9.6亿元;其中15家…),
  or in a sentence opening with what the planning sentence before it named, then 中 (…包括城东片区
  4000户。城东片区中，…), question marks a page's decoding left between (。????) being no sentence;
- `task_then_progress`: a task's size that its clause follows with what of it is done
  (15个农村幸福院建设已完成8个);
- `forecast_after`: a figure its clause, or the clause right after, forecasts done (这5项预计10月
  底前全部完成; 第一批改造40家，预计9月底前建成; the figure inside what its clause is about, or a
  start forecast: 覆盖5个组的饮水工程，预计10月开工), or whose counted thing a bare 将 after it in its
  clause gives a future (2所敬老院将按进度推进改造; not a 将 marking an object: …将全部用于…);
- `task_issued_after`: a later clause of its sentence issues what the sentence set out as the task
  (…新增床位400张,改造敬老院8所,已将目标任务下达到各乡镇), unless its clause says it done or past;
- `bound_target`: a level held under a bound (控制在4.0%以内);
- `raise_target`: the new level of 将A由X提高到Y, each of a list of them (分别提高到每人每月470元和
  每人每年3300元) (X, the level now, stays actual; a 将 that
  takes a verb of its own in an earlier clause is no part of it: 将…纳入考核体系,考核权重提升至15%), unless the
  raise started in the report's year or before (2016年3月1日起,将…提高到480元: in force) or a
  document issued right before made it (新出台…提标文件,将…提高至740元/月);
- `in_force`: what exists or is under way in its clause (现行, 目前, 正在, 截至…), or in the clause
  before a 其中 clause giving its parts (现有…20个,其中11个…), is actual, in a plan too, unless a plan word follows it (目前计划新建…); so is each figure of a line opening with
  a status date (截至目前，…；3家…已经建成), or of a numbered list under a status date on a line of
  its own (截至2025年12月底⏎1.全县共有…⏎2.…), unless a plan word or a later year's deadline is on it
  before the figure;
- `streak`: how many periods in a row a record has run (连续21年位居首位, 已连续12年) is actual, in a
  forecast's sentence too, unless a plan word stands in its clause (力争连续3年…);
- `assumed`: a rate or level a projection assumes, its clause opening with 按/按照 and closing with
  计算 (按照每年2%的设备损耗率计算, 按照…保有量250万辆来计算), is actual, whatever plan or forecast
  its sentence makes (round 26's call, session 34);
- `past_year_aside`: a bracket or clause opening with a year before the report's gives that year's
  level beside a plan or forecast (…可达6.8亿元(2023年6.3亿元); …将达到5000张，2023年为3200张):
  actual, unless a plan word stands in it;
- `statistics_found`: a count's or a survey's finding opening before the figure in its sentence
  (据统计, 调查显示, 调研发现, 数据显示) reports what was found, actual whatever the report's type,
  unless a forecast or plan word follows it (据统计预测);
- `cue_before`: a plan or commitment word earlier in the sentence (计划, 力争, 预计, 预期, 可望, 确保, 将新增,
  将 before an adverb of manner: 将着力推进, a bare 将 before what it will do: 济南将推进…,改造
  升级不少于50栋… (not one marking the object of a later verb of its clause: 将全镇划分为529个网格,
  将…纳入…, unless 将 stands right before a verb: 届时将有5条高速公路在县城交汇; held up to a
  colon; leading no `plan_paragraph`; a will closing its clause on a bare
  verb after a subject of its own is that clause's: …院区即将开诊,…提高至84元), the modal 要: 今年要新建…, 还要完成…,
  争取…达到 with both words in one clause,
  争取 before a time of now or ahead: 争取年内新增…, 争取2014年… not before the report's year,
  明年, 到2025年 or a sentence opening 2025年， when that year is after the report's, which holds
  for the rest of its line; a masked 到20xx年底 when the report's year is unknown; a five-year
  plan's period starting in the report's year or later: “十二五”期间 in a report on 2010), unless what follows it, or what stands inside an
  a…b cue (今年已将…), says done (已完成, or 共完成 in a later clause, or 已 a few words after the figure in its clause:
  …即将投入使用,另有2个储备库已完工) or opens a later clause with
  what stands now (…将达到120万,目前,每千名老人拥有床位20张); a plan word that closes its clause (or a change of its state does: 统筹规划不断加强,),
  is joined to another noun or measured against
  names a plan as a thing and is passed over (审议通过了…资金拨付计划,; a document on it closing the
  clause: 制定…普法规划实施评估细则,; 列入干部培训计划和年度
  考核安排,; 完成年计划的100%, 占年预算的61%; 年度计划完成率; a class of the plan's the subject
  is one of: 是…规划的重点镇之一,; 列入…计划中; the plan a thing is put in: 纳入…统一规划
  建设中; one closing its sentence: …予以布点和规划。; a programme's 计划 right before its
  projects or tasks, after no time: 营养改善计划项目覆盖…, 播种计划任务), and so is a task set that 完成 in
  its clause says met (全面完成市政府下达的各项任务指标，其中新增就业2889人); a cue inside a bracket closed
  before the figure is the bracket's own, and so is one in a purpose clause closed before it
  (为确保…温暖过冬，…); a forecast leading the sentence before any figure of it (预计…;…;…。), or a plan word
  in its first clause (今年…计划完成…,…;…;…。), holds for each of its semicolon parts, and so does a goal or task its first part names as what
  follows (今年主要目标是为10万…发放补贴;建设100个…;…。, 下达任务共三个,即…;…);
- `plan_paragraph`: outside a summary, the figure stands in a later sentence of a paragraph (a line)
  whose first sentence, or first semicolon parts, say what will be done (据了解,我省将用两年时间,…建668所
  …。…的标准是,…建2000平方米; a bare 将 only in its first clause: 该区将采取…方式,新建…), its cue no 确保 and that sentence telling nothing done (…住进了…,今后…),
  with nothing between the cue and the end of the figure's sentence done, standing now, in progress
  or past (已, 完成, 目前, 1-5月, 累计, 去年, a year not after the report's); a paragraph opening with
  同时, or 此外, goes on with the one before when its own first sentence plans nothing; a later
  sentence before the figure's whose first clause plans leads in the first one's stead (…高度重视。
  今年计划新建…。新增…);
- `list_contents`: outside a summary, a sentence opening with 包括 (主要包括, 具体包括) right after one in
  its line naming a list of the year's projects by its count (…办好12件实事。包括…;投资3000万元,…;…。)
  gives the list's items, each semicolon part, unless it or the sentence before says done;
- `plans_section`: the figure stands in a plans section (下一步工作打算, 2024年工作计划), its heading
  at a line's start or run into the figure's line (a page its site flattened: …。 二、下半年工作打算 (一)…);
- `plan_list`: the figure stands in an item of a numbered list (1、…2、…, (1)…, (一)…, 一是…) whose
  lead, the sentence right before its first item, says what will be done (我县将从以下几个方面加大
  投入。1、…; 今后，我们将重点抓好以下几项工作。(1)…; 将…重点办好15件民生实事。分别是：(1)…;
  到2027年将实现：1、…; or names a year's list, not before the report's, before its colon:
  2024年八大民生实事项目包括：一、…, its items at the top rank too), in any section, up to a heading of a higher
  rank or a new list; not a lead saying what was done (主要做了以下工作：), nor a figure its clause
  says done;
- `progress_task`: in a progress report, or (outside a summary) under a heading whose section then
  measures progress against a plan (完成年度计划的100.7%, or in words: 超额完成年度任务, 超出目标任务), the figure stands on a task's own numbered line (in
  a progress report's table written a cell a line, the cell after a row's number and its name; not
  a table row's, whose column says what it is), a line that reports no progress (已, 截至; 完成全年计划的107%, 完成70% or
  低于5%的控制目标 in its sentence);
- `task_before_unit`: in a progress report's table written cell by cell (内容 | 责任单位 | 进展),
  the figure's sentence is the cell right before one that only names the units in charge
  (…改造260户。⏎区民政局⏎已完成…), or a leader's name cell and then it (…交通组织。|⏎徐国江 |⏎
  城管局 |), and neither says done: the task;
- `task_in_charge`: the figure's item closes with a bracket naming the units in charge
  (建设22处农村幸福院。(区民政局负责), (牵头单位：区残联)): a task assigned, unless its clause
  says done or it reviews the past;
- `plan_document`: the report is a plan, and the figure is not in a part reviewing the past
  (基础条件, 取得的主要成绩, or `looking_back`: a heading or a paragraph opening with a period
  before the report's, 一、过去五年工作 or “十三五”期间，… in a plan for 2021, or a heading of review
  its page ran into the line: …如下: 一、上半年工作完成情况 (一)…) nor after a done word in its
  clause (已建成助餐点16个), or in an earlier clause of its sentence with no plan word before the figure
  (…取得了长足进步，农业总收入达…), nor in a sentence one of whose clauses before it opens with a time
  before the report's or holds a span up to now (2010年末，…有贫困人口88万人; 自…以来…);
- `announced_plan`: the page's opening reports a year's list of projects or tasks decided or
  issued (丹阳确定2024年政府民生实事项目40项, …为民办实事项目公布), or one the government will
  carry out (2021年市政府拟办理22项民生实事), or a line of it is the list's name alone (2024年县政府
  十件民生实事, …民生实事项目清单), not one recalled as decided at the year's start (实事由年初确定的
  15件调整为17件: a page looking back), or a sentence of it opens with the year and what its subject
  will do (2025年，某街道将坚持…，全年…): its figures are the list's,
  targets (the items after the colon or 包括 of the sentence deciding it too: …确定了为…办好10件实事:一是…),
  but not before the sentence announcing it (a lead on the progress so far:
  截至目前，…已开工…。据悉，2013年，省下达…目标任务…), nor in a sentence measuring progress against
  it (…，为目标任务的110.37%), nor in the sentences telling how it was decided (…投票,票决出17项…) or judged
  (测评结果显示,…满意95票;…满意175票, each semicolon part), not the
  count of the list (40项民生实事项目包括:), not what its clause says done, nor what follows a
  clause of its sentence tallying what was done (…总投资2000万元,累计发放贷款…,开展培训78期);
- `twin_count`: a figure written right after a target's, nothing between (年度改造项目12个3022套: the
  same things counted in another unit), is a target too, and so are the parts a 其中 then gives;
- `section_total` (after the others, once the whole section is read): a total on its heading's
  line ((二)产业类项目,共4350万元) left to `stated` is a target when all its section's figures are.
- `restated_target` (after that, once the whole page is read): in news, a figure left to `stated`
  that gives again the value and unit of a target the page states (its headline 今年新增学位7500个
  over the lead's 预计新增学位7500个) is that target, unless its clause says done, standing now or past.

The kind never comes from a word of the report's title: a `…总结和…计划` report has actual
summary sections and target plan sections.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from transforms.lexicon import load_toml
from transforms.model import Kind, Qualifier, Section, SectionCategory
from transforms.rules import blanked, computed_once, finditer
from transforms.rules.qualifiers import qualifier_before
from transforms.rules.units import alternation
from transforms.structure import categorise, plan_ahead_words

CLAUSE_MARKS = ",，;；。!?！？\n"
CLAUSE_BREAK = re.compile(f"[{CLAUSE_MARKS}]")
CLAUSE_OR_COLON = re.compile(r"[,，;；:：]")  # within a sentence: its clauses, a colon's lead too
OPEN_BRACKET = re.compile(r"[(（][^()（）\n]*$")  # a bracket the text before the figure leaves open
# Names and titles hold words that are no cue (《学前教育三年行动计划》, “向日葵计划”, the plan a
# quoted name names: “十三五”规划).
NAMES = re.compile(r"《[^》\n]*》|“[^”\n]{0,20}”(?:规划|计划)?|[^\s,，。;；]{1,8}计划[“”\"'’]")


@cache
def _table() -> dict:
    return load_toml("kinds.toml")


@dataclass  # not frozen: one is made per figure, and a frozen __init__ costs 2.5 times more
class KindContext:
    """What the kind rules read about one figure."""

    text: str
    sentence_start: int
    start: int  # the figure (raw) in `text`
    end: int
    outer_end: int  # after a qualifier written after the unit (以上, 以内)
    category: SectionCategory
    in_heading: bool  # on its section heading's own line
    review: bool  # in a part that reviews the past (成效, 基础条件)
    report_type: str | None
    column: str | None = None  # a table cell's column role (rules/tables.py)
    column_year: int | None = None  # the year its table column is headed by (2025年)
    report_year: int | None = None
    after_target: bool = False  # the figure before it in its sentence is a target
    previous_end: int | None = None  # where the figure before it in its sentence ends (its qualifier's)
    section_end: int | None = None  # where its section (with its subsections) ends
    # where the sentence opens in which the page's opening reports a year's plan list, None when
    # it reports none (`announcement_start`)
    announced_from: int | None = None
    plan_leads: PlanLeads | None = None  # the document's (found here when not given)

    @computed_once
    def before(self) -> str:
        """The sentence up to the figure, names and titles blanked."""
        return _blank_names(self.text[self.sentence_start:self.start])

    @computed_once
    def before_plain(self) -> str:
        """`before` with the words that hold a cue without being one blanked (工作计划)."""
        return _without_not_cues(self.before)

    @computed_once
    def line_before(self) -> str:
        """Its line up to the figure."""
        return self.text[self.text.rfind("\n", 0, self.start) + 1:self.start]

    @computed_once
    def sentence_after(self) -> str:
        """Its sentence after the figure, within its line."""
        window = self.text[self.outer_end:self.outer_end + 120]
        found = SENTENCE_END.search(window)
        return window[:found.start()] if found else window

    @computed_once
    def clause_before(self) -> str:
        """Its clause up to the figure; inside a bracket, the clause the bracket opens in (现有特困
        人员10人(集中供养3人,分散供养7人): the parts of a figure are in its clause)."""
        before = self.before
        opened = OPEN_BRACKET.search(before)
        breaks = list(CLAUSE_BREAK.finditer(before, 0, opened.start() if opened else len(before)))
        return before[breaks[-1].end():] if breaks else before

    @computed_once
    def clause_after(self) -> str:
        window = self.text[self.outer_end:self.outer_end + 60]
        found = CLAUSE_BREAK.search(window)
        return window[:found.start()] if found else window


SENTENCE_END = re.compile(r"[。！？!?\n]")
LEADING_COLON = re.compile(r"^\s*[:：]")
FIGURE_WITH_UNIT = re.compile(r"\d\s*[^\d\s.,]")


def _blank_names(text: str) -> str:
    return blanked(NAMES, text)


@dataclass(frozen=True)
class KindRule:
    name: str
    kind: Kind
    applies: Callable[[KindContext], bool]


@cache
def _patterns() -> dict[str, re.Pattern]:
    """The rules' patterns, built once from their words."""
    t = _table()
    nouns_after = alternation(t["target_noun_after"]["nouns"])
    unit = rf"[\u4e00-\u9fff]{{1,12}}?(?:{alternation(t['task_before_unit']['units'])})"
    # 低于市计划, 比目标任务: a level set against a task or target
    # (the task's number may be named as such: 比年初计划数多2500户, 比目标数高)
    compared_with_task = (rf"(?:{alternation(t['off_target']['comparisons'])})[^，,。；;]{{0,12}}"
                          rf"(?:{alternation(t['off_target']['tasks'] + t['completion_share']['tasks'])})数?")
    sizes = t["list_size"]
    return {
        "list_size_unit": re.compile(rf"(?:{alternation(sizes['units'])})$"),
        "list_size_done": re.compile(alternation(sizes["done"])),
        "list_size_whole_done": re.compile(alternation(sizes["whole_done"])),
        "list_size_done_after": re.compile(alternation(sizes["done_after"])),
        "list_size_going": re.compile(alternation(sizes["going"])),
        # (another count of the same list may come first: 12大项、154个小项民生工程项目, 24件39项民生实事;
        # a modifier may close with the list's name: 6项县政府“暖心惠民实事”任务, 15项群众急难愁盼的
        # 民生实事, no word of doing in it: 为12个村办实事 counts villages)
        "list_size_after": re.compile(rf"(?:\s*[、和及]?\s*\d+\s*(?:个|{alternation(sizes['units'])}))*"
                                      rf"\s*(?:{alternation(sizes['between'])}|{LIST_CATEGORY})*"
                                      rf"(?:(?!{alternation(sizes['done'])})[^\d，,。；;、:：办]){{0,16}}?"
                                      rf"(?:{alternation(sizes['lists'])})"),
        # 确定民生实事项目40项; the total may stand a few words on (为民办实事项目涉及我区共38项)
        # the list's name, then a verb of what it is made of (涉及, 分为), then its parts in its sentence
        "list_size_parts": re.compile(rf"(?:{alternation(sizes['lists'])})[^\d，,。；;]{{0,4}}?"
                                      rf"(?P<composed>{alternation(sizes['composed'])})[^。！？!?\n]{{0,60}}$"),
        # (or after 为: 确定…民生实事项目为10项)
        "list_size_year": re.compile(rf"年度[\u4e00-\u9fff]{{0,6}}?(?:{alternation(sizes['year_projects'])})\s*$"),
        "list_size_before": re.compile(rf"(?:{alternation(sizes['lists'])})(?:[^\d，,。；;（(]{{0,6}}?(?:共|总计|合计)|为)?\s*$"),
        "required_sign": re.compile(rf"(?:{alternation(t['required_sign']['signs'])})\s*$"),
        "raise_from_before": re.compile(rf"(?:{alternation(t['raise_from']['from'])})"
                                        rf"(?:每人每[月年]|每[月年]|人均|{t['raise_from']['between']})"
                                        rf"(?:{LISTED_LEVEL}[、和及与]\s*)*\s*$"),
        "raise_issued": re.compile(t["raise_target"]["issued"]),
        "raise_from_after": re.compile(rf"\s*(?:/[人户月年、]+)?\s*(?:[、和及与]\s*{LISTED_LEVEL})*"
                                       rf"(?:{alternation(t['raise_from']['verbs'])})"),
        "completion_share": re.compile(
            rf"(?:(?:{alternation(t['completion_share']['tasks'])})[^，,。；;]{{0,12}}的|完成率\s*(?:为|达|达到)?"
            rf"|(?:{alternation(t['completion_share']['verbs'])})[^，,。；;的\d]{{0,10}}"
            rf"(?:{alternation(t['completion_share']['tasks'])})数?)"
            rf"\s*(?:[\d.]+\s*%\s*(?:、|和|及|与)\s*)*$"),
        # a share of a task that the next clause gives (，占预算安排的79%; ，为目标任务的110%)
        "share_follows": re.compile(
            rf"\s*[,，]\s*(?:{alternation(t['share_follows']['verbs'])})[^，,。；;\d]{{0,8}}?"
            rf"(?:{alternation(t['completion_share']['tasks'])})[^，,。；;\d]{{0,6}}的\s*[\d.]+\s*%"
            # or without 的, right after the task that 完成/实现/占 governs (，完成计划81%; ，完成年度任务93%)
            rf"|\s*[,，]\s*(?:{alternation(t['completion_share']['verbs'])})(?:年度|全年|年)?"
            rf"(?:{alternation(t['completion_share']['tasks'])})数?\s*[\d.]+\s*%"
            # or its rate of completion, after at most one clause with no figure (完成投资7370万元，
            # 目前已全部完工，完成率100%)
            rf"|(?:\s*[,，][^，,。；;\d]*)?\s*[,，]\s*(?:{alternation(t['share_follows']['rates'])})"
            rf"\s*(?:达到|达|为)?\s*[\d.]+\s*%"),
        "off_target": re.compile(
            rf"(?P<compared>{compared_with_task})(?:(?P<of>的)|\s*(?:{alternation(t['off_target']['gaps'])})了?|(?P<direct>))\s*$"),
        "noun_after": re.compile(rf"\s*(?:的)?\s*(?:年度|全年|年)?(?:{nouns_after})"
                                 rf"|\s*的\s*(?:{alternation(t['target_noun_after']['nouns_after_de'])})"),
        "year_target_after": re.compile(rf"\s*(?:年度|全年)[\u4e00-\u9fff]{{1,8}}?(?:{nouns_after})\s*"),
        # 10万人搬迁任务, closing its clause: the size of a task named by what it does
        "task_named_after": re.compile(rf"\s*(?:以上|余)?[\u4e00-\u9fff]{{1,4}}?(?:{alternation(t['target_noun_after']['tasks'])})\s*"),
        "task_shared_after": re.compile(rf"\s*(?:以上|余)?[\u4e00-\u9fff]{{1,4}}?"
                                        rf"(?:{alternation(t['target_noun_after']['tasks'] + t['target_noun_after']['shared_tasks'])})\s*"),
        "noun_after_later": re.compile(rf"的[\u4e00-\u9fff]{{0,2}}?(?:{nouns_after})"),  # 的(控制)目标
        "not_between": re.compile(alternation(t["target_noun_after"]["not_between"])),
        "task_done": re.compile("".join(f"(?<!{re.escape(word)})" for word in t["target_noun_after"]["not_done"]
                                        + t["target_noun_after"]["met_in_full"])
                                + rf"(?:{alternation(t['target_noun_after']['done'])})[^，,。；;]{{0,20}}$"),
        "task_done_before": re.compile("".join(f"(?<!{re.escape(word)})" for word in t["target_noun_after"]["not_done"])
                                       + rf"(?:{alternation(t['target_noun_after']['done'])})(?!率)"),
        "done_later": re.compile(rf"[,，;；][^,，;；。]*?(?:{alternation(t['cue_before']['done_later'])})"),
        "statistics_found": re.compile(alternation(t["statistics_found"]["sources"])),
        "plan_opening": re.compile(rf"[^,，;；。:：]*?(?:{alternation(t['cue_before']['plan_openings'])})"),
        "figure_before_noun": re.compile(r"\d\s*(?:万|亿)?[^\d\s年月日号时、，,。;；:：]{1,2}$"
                                        r"|(?<![一二三四五六七八九十两百千])[两二三四五六七八九十百千]+[项个件条][\u4e00-\u9fff]{0,2}$"),
        "noun_before": re.compile(alternation(t["target_noun_before"]["nouns"])),
        "budget_raise": re.compile(rf"(?:{alternation(t['budget_raise']['budgets'])})"
                                   rf"(?!{alternation(t['budget_raise']['not_before'])})\s*[,，]?\s*"
                                   rf"(?:{alternation(t['raise_from']['from'])})[^,，。；;]*$"),
        "task_issued": re.compile(t["task_issued_after"]["issued"]),
        "bound_before": re.compile(rf"\s*(?:{alternation(t['bound_target']['before'])})\s*"),
        "will_own_verb": re.compile(alternation(t['raise_target']['will_own_verbs'])),
        # each new level of a list of them (分别提高到每人每月470元和每人每年3300元)
        "raise_verb": re.compile(rf"(?:{alternation(t['raise_target']['verbs'])})(?:每人每[月年]|每[月年])?"
                                 rf"(?:{LISTED_LEVEL}[、和及与]\s*(?:每人每[月年]|每[月年])?)*\s*$"),
        "raise_start": re.compile(t["raise_target"]["start"]),
        "in_force": re.compile(alternation(t["in_force"]["words"])),
        "section_total": re.compile(rf"(?:{alternation(t['section_total']['words'])})\s*(?:为|达)?\s*$"),
        # a clause opening with what stands now (…将达到120万,目前,每千名老人拥有床位20张): the
        # plan of the clauses before it is over
        "status_clause": re.compile(rf"[,，;；]\s*(?:而|但|但是)?\s*(?:{alternation(t['in_force']['words'])})"
                                    # (…,上半年完成培训0.9万人次: progress so far)
                                    rf"|[,，;；]\s*(?:{alternation(t['cue_before']['so_far_openings'])}"
                                    rf"|{t['progress_task']['progress_period']}份?)[^,，;；。\d]{{0,6}}?"
                                    rf"(?:{alternation(t['cue_before']['so_far_done'])})"),
        "not_in_force": re.compile(alternation(t["in_force"]["not_words"])),
        # a line labelled by a target noun in lenticular brackets (【任务】, 【年度目标】)
        "streak": re.compile(rf"(?:{alternation(t['streak']['words'])})\s*$"),
        "list_label": re.compile(rf"\s*【[^】\n]{{0,4}}?(?:{alternation(t['target_list']['nouns'])})】"),
        "list_opening": re.compile(rf"(?:{alternation(t['target_list']['nouns'])})\s*(?:为|是)?\s*[:：]$"),
        "year_opening": re.compile(rf"(?:^|(?<=[。！？!?；;]))\s*{t['cue_before']['opening_year'].lstrip('^')}"),
        "progress_after": re.compile(rf"(?P<words>[^\d，,。；;]{{0,30}}?)已(?:经)?(?:{alternation(t['task_then_progress']['done'])})"
                                     rf"\s*(?P<figure>\d[\d.,]*\s*(?:万|亿)?)(?P<unit>\S{{1,4}})"),
        # the figure closing its clause, the next one saying the sum will soon be handed on (…720万元,
        # 并即将下拨各区; …,将于春节前拨付到位)
        "handed_on_after": re.compile(rf"\s*[,，]\s*(?:{alternation(t['forecast_after']['joined'])})?\s*"
                                      rf"(?:(?:{alternation(t['forecast_after']['soon'])})"
                                      rf"|(?:{alternation(t['forecast_after']['soon_by'])})[^,，。；;\d]{{0,10}}?)"
                                      rf"(?:{alternation(t['forecast_after']['handed_on'])})"),
        # (the figure may stand inside what its clause is about: 涉及8个组的改造项目,预计12月开工)
        "forecast_after": re.compile(rf"[^\d、，,。；;]{{0,2}}(?:的[^\d、，,。；;]{{1,16}})?(?P<next>[,，]\s*)?(?:{alternation(t['forecast_after']['words'])})"
                                     rf"[^，,。；;]{{0,16}}?(?:{alternation(t['forecast_after']['completions'])})"),
        "completion_word": re.compile(alternation(t['forecast_after']['completions'])),
        "share_of_plan": re.compile(rf"(?:{alternation(t['completion_share']['tasks'])})[^，,。；;\n]{{0,12}}的\s*[\d.]+\s*%"
                                    rf"|(?:{alternation(t['progress_task']['measured'])})"
                                    rf"(?:{alternation(t['progress_task']['periods'])})?"
                                    rf"(?:{alternation(t['completion_share']['tasks'])})"),
        # the units' cell: units apart by commas or spaces, then the cell's end or the progress
        # (1.完成…, 目前已…): 县民政局、县财政局联合开展… is a sentence, no cell
        # a cell naming the leader in charge (分管领导: a name of two or three characters, a cell
        # of its own) may stand before the units' (优化提升50条背街后巷交通组织。|⏎徐国江 |⏎城管局 |)
        "units_in_charge": re.compile(
            rf"(?:[\s|｜]*[\u4e00-\u9fff]{{2,3}}\s*[|｜])?"
            rf"[\s|｜]*(?:{unit}[,，、\s]*)*?{unit}(?=$|[\s|｜\d(（]|{alternation(t['task_before_unit']['progress'])})"),
        "reported": re.compile(f"{alternation(t['progress_task']['reported'])}|{t['progress_task']['reported_date']}"),
        "progress": re.compile(f"(?:{alternation(t['progress_task']['progress'])})"
                               f"(?!{alternation(t['progress_task']['deadline_after'])})|{t['progress_task']['progress_period']}"
                               f"|{compared_with_task}"),
    }


# a category of a plan list's items between the count and the list's name (16项工程类民生实事,
# 19项保障类民生实事)
LIST_CATEGORY = r"[\u4e00-\u9fff]{1,3}?类"
# one level of a list of levels (分别从157.5元、210元提高到…): a figure, its unit and a rate's
# denominator (950元/月·人)
LISTED_LEVEL = r"[\d.]+\s*(?:万|亿)?[^\d\s、，,。;；和及与提增降调扩上/]{0,4}(?:/[^\d\s、，,。;；和及与]{1,4})?\s*"


def _budget_raise(c: KindContext) -> bool:
    """应急物资购置预算，由每年60万元提高至700万元: each level of a budget's raise is a budget."""
    return bool(_patterns()["budget_raise"].search(c.before))


def _raise_from(c: KindContext) -> bool:
    """X of 由X提高到Y (从X增加到Y): the level the change starts from; each X of a list of them
    (分别从每人每月157.5元、210元提高到165元、220元)."""
    patterns = _patterns()
    return bool(patterns["raise_from_after"].match(c.text, c.outer_end, c.outer_end + 12)) and bool(
        patterns["raise_from_before"].search(c.clause_before))


def _target_list(c: KindContext) -> bool:
    """计划目标为:新增就业60万人。再就业13万人。: a colon opens a list of targets that runs to
    the end of its line; a done word after the colon ends it (实际完成情况如下:), and a task its
    clause says done opens none (全面完成年度目标任务：新增就业…: what was reached)."""
    text, line_start = c.text, c.text.rfind("\n", 0, c.start) + 1
    label = _patterns()["list_label"].match(text, line_start, c.start)  # 【任务】…: the label a colon is
    if label is not None and not _patterns()["task_done_before"].search(label.group()):  # (not 【完成任务】)
        return not _says_done(text[label.end():c.start])
    colon = max(text.rfind(":", line_start, c.start), text.rfind("：", line_start, c.start))
    later = None  # the nearest colon after the one read, which opens no list of targets
    while colon > line_start:  # colons are few: read the words before each, the last first
        if _patterns()["list_opening"].search(text, max(line_start, colon - 8), colon + 1):
            # 圆满完成…工作任务：…比例达81.25%: a task its clause says done opens what was done
            # (not a done word of a figure before the label: 完成改造52所年初承诺:…)
            label = _clause_opening(text, colon)
            label = max([label] + [m.end() for m in DIGITS.finditer(text, label, colon)])
            return not _says_done(text[colon + 1:c.start]) \
                and not _patterns()["task_done_before"].search(text, label, colon) \
                and not (later is not None and _own_list_after(text, colon, later))
        later = colon
        colon = max(text.rfind(":", line_start, colon), text.rfind("：", line_start, colon))
    return False


DIGITS = re.compile(r"\d")


def _own_list_after(text: str, targets: int, colon: int) -> bool:
    """…目标:实现…125万人次。…据统计:今年1-6月…接待…69.82万人次: a later sentence opening a list of
    its own with a colon (what was reached) ends the targets' list, unless it breaks the targets
    down (其中:)."""
    return bool(SENTENCE_END.search(text, targets, colon)) and not text.endswith(
        tuple(_table()["target_list"]["parts"]), 0, colon)


@cache
def _year_whole_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    t = _table()["year_whole"]
    return (re.compile(rf"(?:{alternation(t['before'])})\s*$"), re.compile(r"\s*的\s*[\d.]+\s*[%％]"),
            re.compile(rf"{alternation(t['as_of'] + _table()['cue_before']['so_far_openings'])}"
                       rf"|{_table()['progress_task']['progress_period']}"))


def _year_whole(c: KindContext) -> bool:
    """截至9月底,…固定资产投资18.6亿元,占全年24亿元的77.5%: the year's whole a share so far is
    measured on, a level the year has yet to reach: its target."""
    before, share, so_far = _year_whole_patterns()
    return bool(before.search(c.clause_before)) and bool(share.match(c.text, c.outer_end)) \
        and so_far.search(c.text, _sentence_opening(c.text, c.start), c.start) is not None


def _completion_share(c: KindContext) -> bool:
    """A share of a task (完成…目标任务的98.5%, …市民生工程目标任务的127%, 完成率81%), and each
    share of a list after it (分别完成年计划的76.5%、89.5%和80.2%); not one a forecast governs."""
    return c.text.startswith("%", c.end - 1) and bool(_patterns()["completion_share"].search(c.clause_before)) \
        and not _forecast_governs(c)


def _share_follows(c: KindContext) -> bool:
    """各级预算下达1107.98亿元，占预算安排的79%; 共完成投资90.7亿元，占计划投资的99%: the clause
    right after the figure gives its share of a task, plan or budget, which is measured on what was
    done: the figure is that part, whatever target noun stands before it; so does its rate of
    completion (完成投资3676万元，完成率100%), after at most one clause of no figure. Not in a
    forecast (预计全年完成…,完成年度任务的105%): both are forecast."""
    return bool(_patterns()["share_follows"].match(c.text, c.outer_end, c.outer_end + 40)) \
        and not _forecast_governs(c)


def _forecast_governs(c: KindContext) -> bool:
    """预计全年引进内资12.6亿元,完成年度任务的105%;争取上级资金…: a forecast earlier in the
    sentence reaches to its end (session 33), over the figure and the share of a task it is
    measured by, unless a done word (已完成, 实际), a period run so far (1-8月累计完成…) or a year
    before the report's stands between (not one in a bracket: …可达6.8亿元(2023年6.3亿元),增长8%)."""
    opening = _sentence_opening(c.text, c.start)
    forecasts = _forecast_words()[0]
    last = max(c.text.rfind(word, opening, c.start) for word in forecasts)
    if last < 0:
        return False
    between = _without_not_cues(c.text[last:c.start])
    years = CLOSED_BRACKET.sub("", between)
    if c.report_year is not None and any(int(year) < c.report_year for year in YEAR.findall(years)):
        return False
    return not _forecast_says_done(between) and not _progress_period().search(between)


@cache
def _progress_period() -> re.Pattern:
    return re.compile(_table()["progress_task"]["progress_period"])


def _off_target(c: KindContext) -> bool:
    """How far a level stands from a plan or target (低于市计划的0.7个百分点, 比目标任务高出10元):
    a difference of what was reached, not the target. After 的 only a gap in points is one
    (低于省定的5% is the target itself). A word of approximation may stand before the figure
    (超目标任务近6个百分点)."""
    clause = c.clause_before
    approx = qualifier_before(c.text, c.start)
    if approx is not None and approx[1] is Qualifier.APPROX and clause.endswith(approx[0]):
        clause = clause[:-len(approx[0])]
    found = _patterns()["off_target"].search(clause)
    if found is None:
        return False
    in_points = c.text[c.start:c.end].endswith("百分点")
    if found.group("direct") is not None:  # 低于控制目标1.34个百分点, 超年度目标12万人: the gap
        table = _table()["off_target"]
        word = max((w for w in table["comparisons"] if found.group("compared").startswith(w)), key=len)
        return in_points or word in table["exceeded"]
    return found.group("of") is None or in_points


def _target_noun_after(c: KindContext) -> bool:
    """148元目标任务, 3000人的任务; not a task the clause says done (完成…改造30户任务, where the
    task's size is what was done), unless a share of it follows (完成160元目标任务的116%) or it was
    met in full (圆满完成280吨收购任务: the assigned task's size)."""
    patterns = _patterns()
    after = c.clause_after
    noun = patterns["noun_after"].match(after)
    if noun is not None and _indicators_did(noun.group(), after[noun.end():]):
        return False  # 实现5个指标攀高: indicators counted by what they did
    if noun is None and after.lstrip().startswith(tuple(_table()["target_noun_after"]["counted_nouns"])) \
            and _counted_in(c, _table()["target_noun_after"]["counted_units"]):
        return not _says_done(c.clause_before)  # 明确…5项要求: the requirements laid down
    if noun is None:  # 完成1200万人以上全年城镇新增就业目标: a year's target closing the clause
        noun = patterns["year_target_after"].fullmatch(after) or patterns["task_named_after"].fullmatch(after) \
            or _task_then_share(after)
        if noun and patterns["not_between"].search(noun.group()):
            noun = None
        noun = noun or QUOTED_TASK.match(after)  # (a quoted task's verbs are its own)
    if noun:
        share_after = re.search(r"的\s*[\d.]+\s*%", after[noun.end():])
        done = patterns["task_done"].search(c.clause_before)
        if done and any(word in c.clause_before[:done.start()] for word in _table()["target_noun_after"]["set_before"]):
            done = None  # 定下完成90%的参保目标任务: the task set, what it is to do
        return share_after is not None or not done or _reached_apart(c) or _counts_tasks(c, noun.group())
    later = patterns["noun_after_later"].search(after)
    return bool(later) and not patterns["not_between"].search(after[:later.start()])


def _counts_tasks(c: KindContext, noun: str) -> bool:
    """完成“平安创建”8项任务: the figure counts the tasks themselves (项, 件), the set's size,
    unless 已 says what of it was done."""
    table = _table()["target_noun_after"]
    return _counted_in(c, table["task_counts"]) and noun.strip().endswith(tuple(table["tasks"])) and "已" not in c.clause_before


def _indicators_did(noun: str, rest: str) -> bool:
    """实现5个指标攀高, 20多项指标超额完成任务: the indicators after the figure are the subject of a
    predicate (攀高, 超额完成), counted by what they did, no quota."""
    table = _table()["target_noun_after"]
    return noun.rstrip().endswith(tuple(table["indicators"])) and \
        re.sub(r"^\s*(?:均|全部|都)?\s*", "", rest).startswith(tuple(table["indicator_predicates"]))


def _task_then_share(after: str) -> re.Match | None:
    """占784家改革目标的近60%, 完成4600人年计划的61.8%: a task or plan named after the figure, then
    a share of it, closing the clause."""
    task = _patterns()["task_shared_after"].match(after)
    return task if task and SHARE_CLOSING.fullmatch(after, task.end()) else None


# a quoted task closed before the project or task it names (落实“为3000名残疾人开展体检服务”区政府实事项目)
QUOTED_TASK = re.compile(r"[^“”\n]*”[\u4e00-\u9fff]{0,6}?(?:实事项目|实事|项目|任务|目标)")
SHARE_CLOSING = re.compile(r"的\s*(?:近|约|超过|超|逾)?\s*[\d.]+\s*%\s*")


def _list_size(c: KindContext) -> bool:
    """共安排29个为民办实事项目, 确定民生实事项目40项: the size of a plan list (data: kinds.toml list_size);
    and the counts of its parts in a sentence telling what it is made of (民生工程涉及62个分项125个小项)."""
    patterns = _patterns()
    if not patterns["list_size_unit"].search(c.text, c.start, c.end):
        return False  # (first: most figures count no list's items)
    before = patterns["list_size_whole_done"].sub("", c.clause_before)  # 圆满完成省8件实事: the whole list
    after = blanked(patterns["list_size_going"], c.clause_after)  # (…民心工程进展顺利: how the list goes)
    if patterns["list_size_done"].search(before) or patterns["list_size_done_after"].search(after):
        return False
    if patterns["list_size_after"].match(c.clause_after) or patterns["list_size_before"].search(c.clause_before) \
            or patterns["list_size_year"].search(c.clause_before):
        return True  # (…民生实事40项; 年度棚改项目12个: a year's projects)
    # 今年十项民生工程涉及62个分项125个小项; 民生工程共分为6大类,分别是:扶贫工作8项;…: the list's parts
    parts = patterns["list_size_parts"].search(c.text, _sentence_opening(c.text, c.start), c.start)
    return parts is not None and not patterns["list_size_done"].search(c.text, parts.end("composed"), c.start) \
        and not _says_done(c.clause_after)  # (…共38项,其中5项已完成: what of it was done)


@cache
def _list_contents_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(a sentence's opening listing contents, a count of a list of the year's projects then its name)."""
    t, sizes = _table()["list_contents"], _table()["list_size"]
    opening = re.compile(rf"\s*(?:{alternation(t['openers'])})")
    counted = re.compile(rf"(?:\d+|{t['numerals']})\s*(?:{alternation(sizes['units'])}|大)"  # (十大民生工程)
                         rf"(?:{alternation(sizes['between'])})*[^\d，,。；;:：]{{0,10}}?(?:{alternation(sizes['lists'])})")
    return opening, counted


def _list_contents(c: KindContext) -> bool:
    """…为群众办好12件实事。包括…;投资3000万元,改造…;…。: the items of a list of the year's projects
    that the sentence before named by its count; targets, outside a summary."""
    if c.report_type in _table()["progress_task"]["summaries"] or c.column is not None:
        return False
    opening, counted = _list_contents_patterns()
    full = _sentence_opening(c.text, c.start)  # (semicolons divide the sentence into parts)
    if full < 1 or c.text[full - 1] == "\n" or not opening.match(c.text, full, c.start):
        return False  # (the lead stands in the items' line)
    previous = c.text[_sentence_opening(c.text, full - 1):full]
    named = None
    for named in counted.finditer(previous):
        pass
    if named is None:
        return False
    lead = CLAUSE_BREAK.split(previous[:named.start()])[-1]
    rest = CLAUSE_BREAK.split(previous[named.end():])[0]  # (…10件实事已全部完成。)
    if _patterns()["list_size_done"].search(lead) or _patterns()["list_size_done"].search(rest) or _says_done(rest) \
            or any(word in previous for word in _table()["announced_plan"]["earlier"]):
        return False  # 已完成10件实事。包括…, …10件实事全部完成。包括…: what was done (确定了10件实事 decided one: a plan)
    if c.report_year is not None and any(int(year) < c.report_year for year in YEAR.findall(previous)):
        return False  # 2023年…10件实事… in a page on 2024: an earlier year's list
    return not _says_done(c.before) and not _says_done(c.clause_after)  # (c.before: its semicolon part)


def _reached_apart(c: KindContext) -> bool:
    """新增就业1256万人，完成1200万人以上全年…目标: what was reached stands apart, earlier in the
    sentence in the same unit, so the task done is the target's level."""
    unit = FIGURE_UNIT.sub("", c.text[c.start:c.end])
    earlier = c.before[:len(c.before) - len(c.clause_before)]
    return bool(unit) and re.search(rf"\d\s*(?:万|亿)?(?:余|多)?\s*{re.escape(unit)}", earlier) is not None


def _target_noun_before(c: KindContext) -> bool:
    if _plan_level_shared(c):
        return True  # 完成年计划1.2万人的66.7%: the plan's level
    reach = _table()["target_noun_before"]["reach"]
    if not _patterns()["noun_before"].search(c.text, max(c.sentence_start, c.start - reach), c.start):
        return False  # a noun stands in the blanked window only where it stands in the text
    window = c.before_plain[-reach:]
    found = None
    for found in _patterns()["noun_before"].finditer(window):
        pass
    if found is None:
        return False
    if found.group() in _table()["target_noun_before"]["documents"] \
            and _counted_in(c, _table()["target_noun_before"]["document_units"]):
        return False  # 部门预算3条: the budget documents published, no budget's level
    if _patterns()["figure_before_noun"].search(window, 0, found.start()):
        return False  # the noun is its own figure's (完成改造30户任务、试点10户: 任务 is 30户's)
    between = window[found.end():]
    between = LEADING_COLON.sub("", between)  # 年度目标任务: 2010年…
    # the noun's own figure is the first after it (比年目标任务4%低0.63个百分点: 4% only)
    first_figure = not FIGURE_WITH_UNIT.search(between)
    if HAVING.search(window, 0, found.start()) and HANZI.search(between):
        return False  # 有扶贫任务乡镇的农村低保27954户: the task marks what is counted (有…任务1200户 is one)
    if MODIFIES_NOUN.search(between):
        return False  # 未达到目标任务进度的小项减少4个: the target describes what is counted
    return first_figure and not CLAUSE_BREAK.search(between) and not _says_done(between) \
        and not _task_done_before(c, c.before_plain[:len(c.before_plain) - len(window) + found.start()])


@cache
def _plan_before() -> re.Pattern:
    return re.compile(rf"(?:{alternation(_table()['target_noun_before']['plans'])})\s*[:：为]?\s*$")


def _plan_level_shared(c: KindContext) -> bool:
    """完成年计划1.2万人的66.7%, 占全年计划3000户的52%: a plan named right before the figure, a share of
    it right after: the plan's level."""
    return bool(_plan_before().search(c.clause_before)) and bool(SHARE_AFTER.match(c.text, c.outer_end, c.outer_end + 20))


def _counted_in(c: KindContext, units: list[str]) -> bool:
    """Whether the figure counts in one of these measure words (5项 tasks, 2条 documents): its raw's
    last characters, as written."""
    return c.text[c.start:c.end].rstrip().endswith(tuple(units))


def _task_done_before(c: KindContext, before_noun: str) -> bool:
    """完成勘界任务108公里, 完成国家任务412个、省级任务204个: a task its clause says done, its size
    what was done, unless a share of it follows (完成年目标任务12500人的98.5%: the task's level)."""
    breaks = list(re.finditer(r"[,，;；。!?！？\n(（]", before_noun))  # (年度任务75%): its own clause
    clause = before_noun[breaks[-1].end():] if breaks else before_noun
    return bool(_patterns()["task_done_before"].search(clause)) \
        and not SHARE_AFTER.match(c.text, c.outer_end, c.outer_end + 20)


# 有 a few words before a target noun (有扶贫任务乡镇, 有脱贫任务的村): what has the task
HAVING = re.compile(r"有[\u4e00-\u9fff]{0,6}$")
HANZI = re.compile(r"[\u4e00-\u9fff]")
# a target noun inside a modifier that 的 closes before a noun (完成目标任务进度的小项, 达到考核
# 指标的乡镇), or one of the kinds a 等…类 list names (2024年预算等预决算类信息2条): what the figure
# counts is that noun, no target; 目标任务中的… is a part of the target
MODIFIES_NOUN = re.compile(r"(?<!中)的[\u4e00-\u9fff]|等[\u4e00-\u9fff]*类")
SHARE_AFTER = re.compile(r"\s*(?:的|[)）]\s*的?)\s*[\d.]+\s*%")  # 的98.5%, (4.29亿元)87%


def _part_of_target(c: KindContext) -> bool:
    """A breakdown of a target is part of it: 建设任务170户，其中新建120户、修缮50户; and a
    sentence opening with 其中 right after a sentence that plans (计划…共投资2亿元。其中，投资5000万元
    建设…；投资…), each of its semicolon parts."""
    before = c.before
    opening = max(before.rfind(word) for word in _table()["part_of_target"]["words"])
    if not c.after_target or opening < 0:
        # (a later semicolon part of a 其中 sentence, after a target: 其中,农业产值…;林业产值1.95亿元,
        # 同比增长7.3%;… is a part as its first figure is)
        return _breakdown_of_plan(c)
    # a part its clause says done, before or after it (其中5项已完成): what was done of the target;
    # so is one its clause then measures against the target (其中10个项目完成年度目标)
    return not _says_done(before[opening:]) and not _came_out(c)


FIGURE_UNIT = re.compile(r"^[-\d.,\s]+(?:万|亿)?(?:余|多)?\s*")
FULL_STOP = "。！？!?\n"


def _sentence_opening(text: str, position: int) -> int:
    """Where the full sentence holding `position` opens (after the last full stop or line break)."""
    stops = _full_stops(text)
    return stops[bisect_left(stops, position) - 1] + 1


@lru_cache(maxsize=1)
def _full_stops(text: str) -> list[int]:
    """Where the document's full stops and line breaks stand, after a -1 for its opening: found once
    per document, since a mark it never writes (！) made each figure's rfind read back to its start."""
    return [-1, *(m.start() for m in FULL_STOP_MARK.finditer(text))]


FULL_STOP_MARK = re.compile(f"[{re.escape(FULL_STOP)}]")


def _breakdown_of_plan(c: KindContext) -> bool:
    """计划…共投资亿元…。其中，投资5000万元，…；投资8000万元，…: the 其中 sentence breaks down
    the plan of the sentence before it, and so does one opening with what it named, then 中
    (…包括主城区改造5000户…。主城区中，市南区启动…) (a plan word that a figure or a total follows, and nothing
    said done after it, nor in the figure's clause: 其中，18个项目已完成全年任务); so does a 其中
    part that a semicolon opens the plan of the part before it (预计…完成进出口9.6亿元;其中15家…)."""
    start = _sentence_opening(c.text, c.start)
    part = _part_opening(c.text, start, c.start)
    words = tuple(_table()["part_of_target"]["words"])
    if part > start and c.text[part:c.start].lstrip().startswith(words):
        start, previous_start = part, _part_opening(c.text, start, part - 1)
        previous_end = start - 1
    else:
        among = AMONG.match(c.text, start, c.start)
        if not (c.text[start:c.start].lstrip().startswith(words) or among) or start < 2:
            return False
        previous_end = _before_lost_marks(c.text, start - 1)
        if not among and c.text[previous_end] == "\n":  # 其中 opening a line refers back all the same
            stop = len(c.text[:previous_end].rstrip())
            previous_end = stop - 1 if stop and c.text[stop - 1] in FULL_STOP else previous_end
        previous_start = _sentence_opening(c.text, previous_end)
        if c.text[previous_end] == "\n" or "\n" in c.text[previous_start:previous_end]:
            return False  # a new line opens another matter
        if among and (among.group("whole") not in c.text[previous_start:previous_end]
                      or among.group("whole").endswith(tuple(_table()["part_of_target"]["among_not"]))):
            return False  # 主城区中，… only after a sentence naming 主城区: among those
    opening = c.text[start:c.start].lstrip()
    previous = _without_not_cues(_blank_names(c.text[previous_start:previous_end]))
    last = _last_cue(c, previous, naming_plans=False)
    return last is not None and not _says_done(previous[last.end():]) \
        and PLANNED_AMOUNT.search(previous, last.end()) is not None \
        and not _says_done(_without_not_cues(opening)) and not _came_out(c)


def _before_lost_marks(text: str, stop: int) -> int:
    """The full stop at `stop`, or the one before the run of question marks that ends there when
    the run is two or more (。????: characters lost in decoding, no sentences of their own)."""
    run = stop
    while run > 0 and text[run - 1] in "?？" and text[run] in "?？":
        run -= 1
    if stop - run < 1:
        return stop
    return run - 1 if text[run - 1] in FULL_STOP else run


# a sentence opening with what the sentence before named, then 中 (主城区中，市南区启动…): among those
# (after any marks a page's decoding left before it: ????主城区中，)
AMONG = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]*(?P<whole>[\u4e00-\u9fff]{2,6})中\s*[,，]")


def _part_opening(text: str, start: int, end: int) -> int:
    """Where the semicolon part holding `end` opens, within the sentence opening at `start`."""
    return max(start, text.rfind("；", start, end) + 1, text.rfind(";", start, end) + 1)


def _came_out(c: KindContext) -> bool:
    """A part of a target that its clause, after it, says done (其中5项已完成) or measures against
    the target (其中10个项目完成年度目标，2个项目未完成年度目标: met, or not): the figure counts
    the parts as they came out, actual."""
    return _says_done(c.clause_after) or bool(_patterns()["share_of_plan"].search(c.clause_after))


# what a plan sets after its word: a figure, or a total (计划…共投资 亿元, its figure lost);
# 确保应保尽保。其中，… breaks down no plan
PLANNED_AMOUNT = re.compile(r"\d|共|总|合计")


def _task_then_progress(c: KindContext) -> bool:
    """15个农村幸福院建设已完成8个: the task's size, then what of it is done, in one clause."""
    unit = FIGURE_UNIT.sub("", c.text[c.start:c.end])
    found = _patterns()["progress_after"].match(c.clause_after)
    if not unit or found is None:
        return False
    # (1200户农村危房改造任务已完成76%: the figure's task named as such, then the share of it done)
    table = _table()["task_then_progress"]
    words = found.group("words").rstrip()
    for now in table["now"]:
        words = words.removesuffix(now).rstrip()
    shared = found.group("unit").startswith(("%", "％")) and words.endswith(tuple(table["tasks"]))
    return (found.group("unit").startswith(unit) or shared) \
        and not _says_done(c.clause_before.split("、")[-1])  # (a list's items each their own task)


def _forecast_after(c: KindContext) -> bool:
    """这5项预计10月底前全部完成: what its clause forecasts will be done; or the clause right after
    it, when the figure closes its own (第一期建设150家,预计7月底完成): unless its clause says it
    done (已完成全部工程量的75%,预计11月投用) or completes something itself (完成投资300万元,预计…); or a
    sum the next clause says will soon be handed on (…资金720万元,并即将下拨各区)."""
    if _will_after(c):
        return True
    if _patterns()["handed_on_after"].match(c.text, c.outer_end, c.outer_end + 40) and not _says_done(c.clause_before):
        return True  # …生活救助资金720万元,并即将下拨各区: the sum is yet to go out
    found = _patterns()["forecast_after"].match(c.text, c.outer_end, c.outer_end + 40)
    if found is None or _says_done(c.clause_before):
        return False
    if found.group("next") is None:
        return CLAUSE_BREAK.search(found.group()) is None
    return _patterns()["completion_word"].search(c.clause_before) is None


def _task_issued_after(c: KindContext) -> bool:
    """…今年新增床位400张,改造敬老院8所,已将目标任务下达到各乡镇: a later clause of its sentence
    issues what came before as the task; not a figure its clause says done or past (去年增加…)."""
    end = SENTENCE_END.search(c.text, c.outer_end)
    issued = _patterns()["task_issued"].search(c.text, c.outer_end, end.start() if end else len(c.text))
    return issued is not None and not _says_done_or_past(_without_not_cues(c.clause_before))


def _will_after(c: KindContext) -> bool:
    """1个综合实践基地将按进度建设: the thing the figure counts is the subject of a bare 将 in its
    clause, the future of what it will do (not a 将 marking an object: 500万元将用于…), unless
    its clause says it done before it."""
    clause = c.clause_after
    will = _will_pattern().match(clause)
    return will is not None and not _marks_object(clause, will, "") and not _says_done(c.clause_before)


@cache
def _will_pattern() -> re.Pattern:
    """A bare 将 a few words after the figure, no figure between (`cue_before.will`)."""
    return re.compile(rf"[^\d]{{0,12}}?(?:{_table()['cue_before']['will']})")


def _bound_target(c: KindContext) -> bool:
    """控制在4.0%以内 opening its clause, after the level reached (失业率3.47%,控制在4.0%以内);
    a subject held within a bound (自费率控制在10%以内) is the level reached."""
    bounded = c.text[c.end:c.outer_end].strip().startswith(tuple(_table()["bound_target"]["after"]))
    return bounded and bool(_patterns()["bound_before"].fullmatch(c.clause_before))


def _raise_target(c: KindContext) -> bool:
    will = c.before.rfind("将")
    while will > 0 and c.before[will - 1] in "即必":  # 即将, 必将: the future, no 将 of an object
        will = c.before.rfind("将", 0, will - 1)
    if will < 0 or "了" in c.text[c.end:c.end + 1] or not _patterns()["raise_verb"].search(c.clause_before):
        return False
    own_clause = CLAUSE_BREAK.search(c.before, will)
    if own_clause is not None and _patterns()["will_own_verb"].search(c.before, will, own_clause.start()):
        return False  # 将法治建设纳入…考核体系,考核权重提升至15%: 将 took a verb of its own clause
    if c.before[:will].endswith(tuple(_table()["raise_target"]["done"])) \
            or any(word in c.before[:will] for word in _table()["raise_target"]["done_before"]):
        return False  # 已将…; 提高了部分救助标准,将…提高至8万元: the raise made
    if _patterns()["raise_issued"].search(c.before[:will]):
        return False  # 新出台…提标文件，将…提高至740元/月: the document made the raise
    started = _patterns()["raise_start"].search(c.before[:will])  # 2016年3月1日起,我市将…
    return started is None or c.report_year is None or int(started.group("year")) > c.report_year


# The two words of an `a…b` cue stand in one clause (争取…资金的投入,…保障人数达到 is no 争取…达到).
WITHIN_CLAUSE = r"[^,，;；。]*?"


@cache
def _cues() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(plan words and deadlines, words that hold a plan word without being one, done words);
    a deadline's year is the group `year`."""
    table = _table()["cue_before"]
    words = "|".join(WITHIN_CLAUSE.join(map(re.escape, cue.split("…"))) for cue in table["cues"])
    cues = (f"{words}|{table['modal']}|{table['deadline']}|{table['masked_deadline']}|{table['opening_year']}"
            f"|{table['strive']}|(?P<will>{table['will']})")
    not_cues = f"{alternation(table['not_cues'])}|{table['budget_accounts']}"
    # (and a verb's perfective 了 of a thing done: 解决了, 建成了, as 完成了 always was)
    return re.compile(cues), re.compile(not_cues), re.compile(f"{alternation(table['done'])}|{PERFECTIVE.pattern}")


@cache
def _disposal() -> re.Pattern:
    return re.compile(_table()["cue_before"]["disposal"])


@cache
def _will_verb() -> re.Pattern:
    return re.compile(_table()["cue_before"]["will_verbs"])


def _marks_object(text: str, will: re.Match, tail: str) -> bool:
    """Whether a bare 将 marks the object of a verb later in its clause (将低保标准提高到…, 将全镇
    划分为529个网格, 将…纳入…): a verb taking it to a place or a result. `tail` goes on with the
    clause when `text` ends inside it (the figure and the rest of its clause)."""
    found = CLAUSE_BREAK.search(text, will.end())
    clause = text[will.end():found.start()] if found else text[will.end():] + tail
    if _will_verb().match(clause):
        return False  # 届时将有5条高速公路在县城交汇: 将 before a verb (有, 是) is the future, no object
    return _disposal().search(clause) is not None


# a will, a verb of one or two characters, and its clause ends (县医院东院区即将开诊,)
CLOSING_VERB = re.compile(r"[\u4e00-\u9fff]{1,2}\s*[,，;；]")


def _will_closes_clause(text: str, cue: re.Match) -> bool:
    """县医院西院区完成一期项目建设,县医院东院区即将开诊,…标准提高至84元: a will (即将, a bare
    将) whose clause, with a subject of its own before it, closes on a bare verb right after it
    tells what that subject is about to do, no more: a later clause is none of its."""
    if not (cue.group("will") is not None or cue.group() in _table()["cue_before"]["own_clause_wills"]):
        return False
    opening = max(text.rfind(mark, 0, cue.start()) for mark in ",，;；:：") + 1
    return bool(text[opening:cue.start()].strip()) and CLOSING_VERB.match(text, cue.end()) is not None


def _last_cue(c: KindContext, text: str, naming_plans: bool = True, tail: str = "",
              wills: bool = True) -> re.Match | None:
    """The last plan word of `text`; a deadline (到2025年) counts when its year is after the
    report's (到2023年底共有… in a report on 2023 is the level reached), a masked one (到20xx年底)
    when the report's year is unknown; a bare 将 when it marks no object (`_marks_object`, `tail`
    the clause's words after `text`; none without `wills`). Without `naming_plans`,
    a plan word that names a plan as a thing (`_names_a_plan`) is passed over."""
    last = None
    for found in finditer(_cues()[0], text):
        if not naming_plans and (_names_a_plan(text, found) or _task_done_named(text, found)):
            continue
        if found.group("will") is not None and (not wills or _marks_object(text, found, tail)
                                                 or _narrative_will(text, found)):
            continue
        if _will_closes_clause(text, found) or _qualifies_done_object(text, found):
            continue
        year, opening, strive = found.group("year"), found.group("opening"), found.group("strive")
        if strive is not None:  # 争取2025年…: striving for the report's year or a later one
            if c.report_year is None or int(strive) >= c.report_year:
                last = found
        elif found.group("masked") is not None:  # 到20xx年底: a deadline only on a page of unknown year
            if c.report_year is None:
                last = found
        elif opening is not None:  # 2025年，… opening the sentence: a plan only after the report's year
            if c.report_year is not None and int(opening) > c.report_year:
                last = found
        elif year is None or c.report_year is None or int(year) > c.report_year:
            last = found
    return last


def _narrative_will(text: str, will: re.Match) -> bool:
    """下发了《…方案》，…将开办企业…等事项采用…流程: a bare 将 after a clause saying done is the 将
    of a narrative, unless a time ahead stands between (…完成了…，下半年将推进…: the future)."""
    done = None
    for done in PERFECTIVE.finditer(text, 0, will.start()):
        pass
    return done is not None and not any(word in text[done.end():will.start()]
                                        for word in _table()["cue_before"]["times_ahead"])


def _qualifies_done_object(text: str, cue: re.Match) -> bool:
    """举办了第一批拟过渡人员培训班: an attributive cue (拟) after 了 in its clause qualifies the
    object of what was done."""
    if cue.group() not in _table()["cue_before"]["attributive_cues"]:
        return False
    opening = max(text.rfind(mark, 0, cue.start()) for mark in ",，;；:：。") + 1
    return "了" in text[opening:cue.start()]


def _without_not_cues(text: str) -> str:
    return blanked(_cues()[1], text)


def _says_done(text: str) -> bool:
    return bool(_cues()[2].search(text))


def _says_done_or_past(clause: str) -> bool:
    """Whether a clause says its figure done (已, 完成) or past (去年, 上年): what was, not a task."""
    return _says_done(clause) or any(word in clause for word in _table()["plan_paragraph"]["past"])


@cache
def _forecast_words() -> tuple[tuple[str, ...], re.Pattern]:
    """(the forecast cues, the done words a forecast governs: 预计全年累计完成…)."""
    table = _table()["cue_before"]
    return tuple(table["forecasts"]), re.compile(alternation(table["forecast_totals"]))


def _forecast_says_done(text: str) -> bool:
    """Whether what follows a forecast word says something done: a total it forecasts
    (预计全旗地区生产总值累计完成232.75亿元) is no more done than the forecast."""
    return _says_done(blanked(_forecast_words()[1], text))


def _says_done_after(cue: re.Match, text: str) -> bool:
    """Whether `text`, from the cue `cue` on, says something done (read as a forecast after a
    forecast word)."""
    return _forecast_says_done(text) if cue.group().startswith(_forecast_words()[0]) else _says_done(text)


# a bracket or a clause opening with a year, then a few words and the figure (…可达6.8亿元(2023年
# 6.3亿元), …将达到5000张，2023年为3200张)
YEAR_ASIDE = re.compile(r"[(（,，;；]\s*(?P<year>(?:19|20)\d{2})\s*年(?:底|末|度)?(?P<words>[^\d,，;；。()（）]{0,10})$")


def _past_year_aside(c: KindContext) -> bool:
    """预计全年…总产值可达6.8亿元(2023年6.3亿元): a bracket or clause that opens with a year
    before the report's gives that year's level beside the plan or forecast, what was: actual,
    whatever plan word its sentence holds, unless one stands in it (，2023年计划…)."""
    if c.report_year is None or c.column is not None:
        return False
    found = YEAR_ASIDE.search(c.before)
    return found is not None and int(found.group("year")) < c.report_year \
        and _last_cue(c, _without_not_cues(found.group("words"))) is None


def _streak(c: KindContext) -> bool:
    """农村居民人均可支配收入连续21年位居…首位, 已连续12年: how many periods in a row a record
    has run is the record so far, unless a plan word stands in its own clause (力争连续3年…)."""
    unit = FIGURE_UNIT.sub("", c.text[c.start:c.end])
    return unit in _table()["streak"]["periods"] and _patterns()["streak"].search(c.clause_before) is not None \
        and _last_cue(c, _without_not_cues(c.clause_before)) is None


def _assumed(c: KindContext) -> bool:
    """按照每年2%的设备损耗率计算: the figure's clause states what a projection assumes, no plan."""
    table = _table()["assumed"]
    after = CLAUSE_BREAK.search(c.text, c.end)
    closing = c.text[c.end:after.start() if after else len(c.text)].strip()
    return c.clause_before.lstrip().startswith(tuple(table["openings"])) and closing.endswith(tuple(table["closings"]))


def _statistics_found(c: KindContext) -> bool:
    """据统计, 调查显示, 调研发现, 数据显示 before the figure in its sentence: what a count or a survey
    found, actual in a plan or in news too, unless a forecast or plan word follows (据统计预测)."""
    table = _table()["statistics_found"]
    found = _patterns()["statistics_found"].search(c.before_plain)
    return bool(found) and not any(word in c.before_plain[found.end():] for word in table["not_after"])


def _in_force(c: KindContext) -> bool:
    """现行标准每人每月600元, 目前在建3所, 截至年底共有…: the level now, not a plan's; a plan
    list's size is the plan's on a status line too (截至10月底，12大项民生工程有…)."""
    if _list_size(c):
        return False
    if not _patterns()["in_force"].search(c.text, c.sentence_start, c.start):
        # its words, each a run of characters, stand in the blanked clause only where they stand
        # in the text before the figure: no need to blank and read the clause
        return _status_line(c)
    start = len(c.before) - len(c.clause_before)
    if BREAKDOWN.match(c.clause_before):  # 现有自然村20个,其中11个…: a stock's parts are the stock's
        breaks = list(CLAUSE_BREAK.finditer(c.before, 0, max(start - 1, 0)))
        start = breaks[-1].end() if breaks else 0
    clause = c.before_plain[start:]
    clause = blanked(_patterns()["not_in_force"], clause)  # 实现有…: no 现有
    found = None
    for found in _patterns()["in_force"].finditer(clause):
        pass
    return (found is not None and _last_cue(c, clause[found.end():]) is None) or _status_line(c)


BREAKDOWN = re.compile(r"\s*其中")


def _status_line(c: KindContext) -> bool:
    """截至目前，已经建成助餐点16个，其中11个正式运营；3家综合养老服务中心已经建成: a line opening
    with the date of a status (截至, 截止) reports what stands at that date in each of its
    sentences, unless a plan word or a deadline after the report's year is on it before the
    figure (截至2027年底，全市…: a target)."""
    openings = tuple(_table()["in_force"]["status_openings"])
    if _under_status_date(c, openings):
        return True
    if not any(word in c.line_before for word in openings):
        return False  # the blanking below only turns words into spaces: it makes no opening
    line = _without_not_cues(_blank_names(c.line_before)).lstrip()
    return line.startswith(openings) and _last_cue(c, line) is None


# a numbered item's line (1.全县共有…, (2)…, 三、…)
NUMBERED_LINE = re.compile(r"\s*(?:\d{1,2}\s*[、.．](?!\d)|[(（]\d{1,2}[)）]|[(（]?[一二三四五六七八九十]{1,3}[、)）])")
STATUS_DATE_LINE = 20  # a status date alone on its line (截至2025年12月底:)


def _under_status_date(c: KindContext, openings: tuple[str, ...]) -> bool:
    """截至2025年12月底⏎1.全县共有低保对象9173人…⏎3.全县实施临时救助177人次: a status date on a
    line of its own heads the numbered list under it, each item what stands at that date (a
    statistics page, not a list of tasks), unless a plan word is on the figure's line before it."""
    line_start = c.text.rfind("\n", 0, c.start) + 1
    if not NUMBERED_LINE.match(c.text, line_start) or not _headed_by_status_date(c.text, line_start, openings):
        return False
    return _last_cue(c, _without_not_cues(_blank_names(c.line_before))) is None


def _headed_by_status_date(text: str, line_start: int, openings: tuple[str, ...]) -> bool:
    """Whether the numbered lines right above the line at `line_start` run up to a status date on a
    line of its own. Kept for every line read on the way (`_status_heads`): each figure of a long
    list read back to its head before."""
    known = _status_heads(text)
    read: list[int] = []
    head = False
    end = line_start - 1
    while end > 0:
        if line_start in known:
            head = known[line_start]
            break
        read.append(line_start)
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        end = start - 1
        if not line:
            break
        if line.startswith(openings) and len(line) <= STATUS_DATE_LINE and not CLAUSE_BREAK.search(line):
            head = True
            break
        if not NUMBERED_LINE.match(line):
            break
        line_start = start  # a numbered line: what heads it heads the line below
    known.update(dict.fromkeys(read, head))
    return head


@lru_cache(maxsize=1)
def _status_heads(text: str) -> dict[int, bool]:
    """`_headed_by_status_date`'s answers in the document, by line start (the openings are the
    table's, one tuple)."""
    return {}


def _cue_before(c: KindContext) -> bool:
    """A plan word earlier in the sentence; not one that closes its clause, which names a plan
    as a thing (审议通过了…资金拨付计划, 先行预拨…1120万元 is what was done)."""
    # a cue inside a bracket closed before the figure is the bracket's own (…58%(省里要求不低于50%),
    # 实施临时救助…: the required level only)
    if c.column is not None:
        return False  # a table cell: its column and its row (a plan row: rules/tables.py) say what it is; a
        # form its Word text layer ran onto one line holds its header's 预算数 and 预期目标 before every cell
    before = blanked(CLOSED_BRACKET, c.before_plain)
    # a purpose clause closed before the figure's (为确保困难群众温暖过冬，民政部门为28个…) holds
    # its cue for itself: the main clause says what was done for it
    before = blanked(PURPOSE_CLAUSE, before)
    before = blanked(_ensured_state(), before)  # (…,确保责任落实到位、督导到位,开展专项检查12次…: its aim)
    last = _last_cue(c, before, naming_plans=False, tail=c.text[c.start:c.outer_end] + c.clause_after)
    return (last is not None and not _says_done_after(last, before[last.start():])
            # (…即将投入使用,南宁、喀什2个储备库已向…提交: what its own clause says done after it;
            # but the planned set a modifier names, said done whole, is the plan's size: 计划实施的5个
            # 项目已于8月底全部竣工, as 65件民生实事已完成26件's 65 is)
            and not (DONE_RIGHT_AFTER.match(c.clause_after) and not _planned_set_done_whole(c, last, before))
            # a bare 将 holds up to a colon, which opens a statement of its own (…将慰问5100余户
            # 困难群众,慰问标准为:…每户发放现金300元)
            and not (last.group("will") is not None and COLON.search(before, last.end()))
            and not _patterns()["done_later"].search(before, last.end())
            and not _patterns()["status_clause"].search(before, last.end())) \
        or _year_ahead_on_line(c) or (last is None and (_forecast_opening(c) or _goal_lead(c) or _period_ahead(c)))


# the plan word in a modifier 的 closes right before the figure (计划实施的5个项目), and 全部 after
# what its clause says done (已于8月底全部竣工, 已全部开工)
PLANNED_SET = re.compile(r"[^\d，,。；;:：]{0,6}的\s*$")
DONE_WHOLE = re.compile(r"[^\d，,。；;:：]{0,8}?已[^，,。；;:：]{0,8}?全部")


def _planned_set_done_whole(c: KindContext, cue: re.Match, before: str) -> bool:
    """计划实施的5个项目已于8月底全部竣工: the figure counts the set a plan word names in its
    modifier, and its clause says the whole set done: the plan's size."""
    return bool(PLANNED_SET.fullmatch(before, cue.end())) and bool(DONE_WHOLE.match(c.clause_after))


COLON = re.compile(r"[:：]")
# 已 a few words after the figure, in its clause (2个储备库已向…提交, 3所已建成): the figure is what was done
# ... and so does 没/未 before 发生 or 出现 after it (确保全乡3000余名群众未出现…: the outcome reached)
DONE_RIGHT_AFTER = re.compile(r"[^\d，,。；;:：]{0,8}?(?:已(?!经费)|(?:没有?|未)(?:发生|出现))")
# (the purpose may open with what is to be done well before the 确保 clause: 为切实做好春节期间
# 救助工作，确保困难群众过好节日，近日，…)
PURPOSE_CLAUSE = re.compile(r"(?:^|(?<=[,，;；\s]))为了?(?:[^,，;；。!！?？\n]*[,，])?确保[^,，;；。!！?？\n]*[,，]")


@cache
def _ensured_state() -> re.Pattern:
    """A 确保 clause with no figure closing on a state secured (确保责任落实到位、督导到位,), closed before the figure."""
    states = alternation(_table()["cue_before"]["ensured_states"])
    return re.compile(rf"(?:^|(?<=[,，;；\s]))确保[^,，;；。!！?？\n\d]*(?:{states})[,，]")


def _plan_paragraph(c: KindContext) -> bool:
    """记者获悉,全市将用三年时间,…新建42个区域性养老服务中心。每个中心的建设面积,…不少于1500平方米,
    …总投资约三亿元: a paragraph (a line) whose first sentence says what will be done goes on
    telling that plan in its later sentences, up to one that says something done, standing now or
    past (已, 目前, 去年, a year before the report's); a paragraph opening with 同时, or 此外, goes on
    with the one before it when its own first sentence plans nothing. A raise without 将 in the
    figure's sentence (…标准提高到2512元) is the raise made (spec §5), whatever the lead planned."""
    if c.column is not None or c.in_heading or c.report_type in _table()["progress_task"]["summaries"]:
        return False  # (a summary's paragraphs tell what was done; its plans stand in their sections)
    if _patterns()["raise_verb"].search(c.clause_before) and "将" not in c.before:
        return False
    line_start = c.text.rfind("\n", 0, c.start) + 1
    if _plan_paragraph_from(c, line_start):
        return True
    return bool(CONTINUING.match(c.text, line_start)) and line_start > 1 \
        and _plan_paragraph_from(c, c.text.rfind("\n", 0, line_start - 1) + 1)


def _plan_paragraph_from(c: KindContext, line_start: int) -> bool:
    """Whether the paragraph from `line_start` opens with a plan that holds up to the figure; the
    last later sentence before the figure's whose first clause plans leads instead (…市里高度重视。
    今年计划新建社区食堂12个。新增助餐座位600个…: the plan's sentence, not the paragraph's first),
    if it opens within `LATER_LEAD_REACH` of the figure's sentence."""
    if not c.text[line_start:c.sentence_start].strip():
        return False  # the figure stands in the line's first sentence: its own cues decided
    opening = line_start
    for lead_end in PARAGRAPH_LEAD_END.finditer(c.text, max(line_start, c.sentence_start - LATER_LEAD_REACH),
                                                c.sentence_start):
        first_clause = CLAUSE_OR_COLON.split(c.text[lead_end.end():c.sentence_start], maxsplit=1)[0]
        if lead_end.end() < c.sentence_start and _cues()[0].search(first_clause) and _last_cue(
                c, _without_not_cues(_blank_names(first_clause)), naming_plans=False) is not None:
            opening = lead_end.end()  # a later sentence whose first clause plans (2014年计划新建…)
    line_start = opening
    lead_end = PARAGRAPH_LEAD_END.search(c.text, line_start, c.sentence_start)  # or its first parts (…:将为…;加强…)
    lead = _without_not_cues(_blank_names(c.text[line_start:lead_end.end() if lead_end else c.sentence_start]))
    # (a bare 将 leads only in the lead's first clause: 巴南区将采取…方式,新建…; not one further on, 通过…,
    # 直接将…送进…; 我县将更多的财力投向… marks an object)
    last = _last_cue(c, lead, naming_plans=False, wills=False) \
        or _last_cue(c, CLAUSE_OR_COLON.split(lead, maxsplit=1)[0], naming_plans=False)
    table = _table()["plan_paragraph"]
    if last is None or last.group() in table["not_leads"] or _says_done(lead[last.start():]) \
            or PERFECTIVE.search(lead) or PURPOSE_CLAUSE.search(lead) \
            or CLAUSE_OR_COLON.split(lead, maxsplit=1)[0].rstrip().endswith(tuple(table["spans_so_far"])):
        return False  # …住进了敬老院,今后…; 今年以来,…: a lead telling what was done
    rest = blanked(_deadline_ahead(), _without_not_cues(_blank_names(c.text[line_start + last.end():c.start]
                                                                     + c.sentence_after)))
    if _says_done(rest) or _patterns()["in_force"].search(rest) \
            or _patterns()["progress"].search(rest) or any(word in rest for word in table["past"]):
        return False
    return c.report_year is None or not any(int(year) <= c.report_year for year in YEAR.findall(rest))


@cache
def _deadline_ahead() -> re.Pattern:
    """A year's end a plan word sets as a deadline (力争年末集中供养率达到50%, 预计年底完工): no status date."""
    return re.compile(rf"(?:{alternation(_table()['plan_paragraph']['deadline_words'])})\s*(?:到|在|于)?\s*(?:年末|年底)")


# how far before the figure's sentence a later sentence leading the paragraph's plan may end (characters;
# read no further: a page may be one long line)
LATER_LEAD_REACH = 200
# a paragraph opening with a word that goes on with the one before (同时,…; 此外,…)
CONTINUING = re.compile(r"\s*(?:同时|与此同时|此外|另外)\s*[,，]")
# the end of a paragraph's first sentence
PARAGRAPH_LEAD_END = re.compile(r"[。！？!?]")
# 了 of a thing done (住进了, 开展了); not 了解, 为了, 除了, nor 翻了 of a growth in doublings (预计增加到
# 130亿元,较…翻了一番以上: the idiom's own wording, session 33, whatever its sentence forecasts)
PERFECTIVE = re.compile(r"(?<![为除翻])了(?!解)")


def _plan_source(c: KindContext) -> bool:
    """根据《规划》，…按户籍老年人口的2.5%配置; 《行动计划》提出，到2027年…; 根据规划，2025年…: a
    sentence giving a plan's content by its title (whose words the cues cannot read: titles are
    blanked), or by 规划 alone before a comma, or a government work report's (今年的政府工作报告提出，…),
    holds its figures, unless what follows the title says them done (or, for a work report, past:
    its review of the year before)."""
    found = None
    for found in _plan_source_pattern().finditer(c.text, c.sentence_start, c.start):
        pass
    if found is None:
        return False
    after = c.before_plain[found.end() - c.sentence_start:]
    table = _table()["plan_source"]
    if any(word in found.group() for word in table["work_reports"]) and any(word in after for word in table["report_past"]):
        return False  # 政府工作报告提出，过去一年…: the report's review of the year before
    return not _says_done(after)


@cache
def _plan_source_pattern() -> re.Pattern:
    table = _table()["plan_source"]
    documents, plans = alternation(table["documents"]), alternation(table["documents"] + table["plans"])
    # (a long-term plan named without its title, then the comma opening its content: 根据规划，…)
    return re.compile(rf"(?:{alternation(table['work_reports'])})》?\s*中?\s*(?:{alternation(table['report_says'])})\s*[,，:：]"
                      rf"|(?:{alternation(table['openings'])})《[^《》\n]{{0,40}}?(?:{documents})》"
                      rf"|(?:{alternation(table['openings'])})(?:{alternation(table['named_back'])})?(?:{documents})\s*[,，]"
                      rf"|《[^《》\n]{{0,40}}?(?:{plans})》中?(?:{alternation(table['says'])})")


def _forecast_opening(c: KindContext) -> bool:
    """预计全年地区生产总值达到48亿元;税收收入1.6亿元、增长9%;…。: a forecast leading a
    sentence, before any figure of it (…主要指标预计保持…,财政收入预计实现…;…), holds for each of
    its parts that semicolons divide (session 33: 预计 reaches to its sentence's end), unless a part
    says done, names a period run so far or an earlier year (`_forecast_governs`); so does
    a plan word in the sentence's first clause outside a summary (全县农田水利今冬计划整治塘坝40口,
    投资600万元;新修渠道12公里;…。: the parts list what the plan will complete)."""
    start = _sentence_opening(c.text, c.sentence_start)
    lead = c.text[start:c.sentence_start]
    first = min((lead.find(word) for word in _forecast_words()[0] if word in lead), default=-1)
    if first >= 0 and not DIGITS.search(lead, 0, first):
        return _forecast_governs(c)  # (…,年产量预计1500万公斤;…面积达1100亩: a forecast after a figure is its clause's)
    if c.report_type in _table()["progress_task"]["summaries"]:
        return False  # (a summary's 年初计划…，实际…;…: its later parts tell what was done)
    found = _patterns()["plan_opening"].match(_without_not_cues(_blank_names(c.text[start:c.sentence_start])))
    return found is not None and not _says_done(_without_not_cues(c.text[start + found.end():c.start]))


# a numbered five-year plan's period (“十二五”期间, 十四五时期, “十三五”末, and an average over it:
# “十四五”年均增长8%); read on the text as written, since quotes blank a quoted name
PLAN_PERIOD = re.compile(r"十(?P<plan>[一二三四五六七八九])五[”\"’']?\s*(?:期间|时期|末|年均)")


def _period_ahead(c: KindContext) -> bool:
    """“十二五”期间，城乡20%-30%的老人享受机构养老服务 in a report on 2010: a five-year plan's
    period that starts in the report's year or later is ahead, like a deadline after it; one
    started before (a summary's “十三五”期间 in 2019) reviews the years so far (`looking_back`)."""
    if c.report_year is None:
        return False
    found = None
    for found in PLAN_PERIOD.finditer(c.text, c.sentence_start, c.start):
        pass
    if found is None:
        return False
    return _plan_last_year(found.group("plan")) - 4 >= c.report_year and not _says_done(_without_not_cues(c.text[found.end():c.start]))


def _goal_lead(c: KindContext) -> bool:
    """今年的重点任务是为3200名困难老人开展居家适老化改造;新建20个村级互助幸福院、…;…。: a goal or
    task that the first semicolon part of the sentence names as what follows holds for each later
    part, unless a part says done before the figure."""
    start = _sentence_opening(c.text, c.sentence_start)
    first_end = min((i for i in (c.text.find(mark, start, c.sentence_start) for mark in "；;") if i >= 0),
                    default=-1)
    if first_end < 0:
        return False  # the figure stands in the sentence's first part: its own cues decide
    found = None
    for found in _goal_lead_pattern().finditer(_without_not_cues(_blank_names(c.text[start:first_end]))):
        pass
    return found is not None and not _says_done(_without_not_cues(c.text[start + found.end():c.start]))


@cache
def _goal_lead_pattern() -> re.Pattern:
    table = _table()["cue_before"]
    nouns = alternation(table["goal_nouns"])
    return re.compile(rf"(?:{nouns})\s*(?:{alternation(table['goal_links'])})|(?:{nouns})[^,，。；;]{{0,8}}[,，]\s*即")


# or joined to another noun (…计划和…安排,), or measured against (完成年计划的100%, 占计划投资的99%,
# 年度计划完成率49.8%, a year's budget: 支出完成3.2亿元，占年预算的61%)
# or holding what is put in it (列入年度计划中, 学法计划中融入…; 计划中的项目 is planned)
# or the subject of a change in its state that closes the clause (统筹规划不断加强, 布局规划进一步
# 优化,): a verb of two characters after an adverb of change, no object after it
# or part of the name of a category of information, a plan among the kinds of documents counted
# (规划计划信息2条, 计划总结信息12条, 规划计划类信息: a 政府信息公开 report's categories; not 信息化)
# or naming, by 的 and a clause closing on 之一, a class of the plan's that the subject is one of
# (该镇是全市城镇体系规划的重点镇之一，辖12个村: what the place is, no plan of what follows)
CLOSED_BRACKET = re.compile(r"[(（][^()（）\n]*[)）]")
NOUN_CLOSING_CLAUSE = re.compile(r"\s*(?:[,，;；。!?！？]|[和及、](?![\d一二三四五六七八九十两])|[\u4e00-\u9fff]{0,4}的\s*[\d.]+\s*%|完成率|中(?!的)"
                                 r"|(?:计划|规划|总结)?类?信息(?!化)|的[\u4e00-\u9fff]{1,12}之一\s*[,，;；。]"
                                 r"|(?:(?:不断|日益|持续|进一步|更加)(?:得到|得以)?|得到|得以)[\u4e00-\u9fff]{2}\s*[,，;；])")
# a document about the plan that closes the clause after the plan word (制定…普法规划实施评估细则,; 规划
# 管理办法;): the plan word names the plan the document governs; not a verb of making the document
# after 计划, which is then the will (计划出台实施细则,)
DOCUMENT_ON_PLAN = re.compile(r"(?!出台|制定|制订|印发|编制|起草|修订|修改|发布|完善|研究|拟定)[\u4e00-\u9fff]{0,6}?"
                              r"(?:细则|办法|方案|意见|规定|通知|指南|规则)\s*[,，;；。]")
# a verb putting something into a plan (纳入…建设规划, 列入年度计划): the plan word after it in its
# clause is the plan as a thing, the place the object is put (将公益性公墓纳入城乡建设规划,
# 该村被纳入全县统一规划建设中), no plan word of what follows
INCLUDED_IN = re.compile(r"(?:纳入|列入|编入)[^,，;；。!?！？\n]*$")
# cue words that are nouns too (a deadline, 到2025年，, stays a cue); a year's budget measured
# against (占年预算的61%) is one as much as a plan
PLAN_NOUNS = ("计划", "规划", "年预算", "预期目标")


def _names_a_plan(text: str, cue: re.Match) -> bool:
    """审议通过了…资金拨付计划, / 完成年计划的100%: a plan word closing its clause, joined to
    another noun or measured against names a plan as a thing; an earlier cue may still hold
    (力争完成年计划的110%，新增就业500人). So does 计划 right before a programme's projects or tasks
    after the programme's own words (营养改善计划项目覆盖…, 明天计划项目支出22万元, 播种计划任务),
    not after a time (今年计划项目30个: the year's planned projects)."""
    if not cue.group().endswith(PLAN_NOUNS):
        return False
    clause_start = _clause_opening(text, cue.start())
    return bool(NOUN_CLOSING_CLAUSE.match(text, cue.end()) or DOCUMENT_ON_PLAN.match(text, cue.end())) or bool(
        INCLUDED_IN.search(text, clause_start, cue.start())) or (
        cue.group() == "计划" and PROGRAMME_PARTS.match(text, cue.end()) is not None
        and not TIME_BEFORE.search(text, max(0, cue.start() - 4), cue.start()))


def _clause_opening(text: str, position: int) -> int:
    """Where the clause holding `position` opens (after the last clause break, CLAUSE_BREAK's marks)."""
    return max(text.rfind(mark, 0, position) for mark in CLAUSE_MARKS) + 1


# what a programme named …计划 holds (营养改善计划项目, 播种计划任务); not 计划建设项目, where 计划
# may be the verb (改造工程计划建设项目共19个: the works plan to build 19)
PROGRAMME_PARTS = re.compile(r"项目|任务")
# a time right before 计划 makes it the plan of that time (今年计划项目, 年度计划任务, 下一步计划…)
TIME_BEFORE = re.compile(r"(?:年|年度|年内|月|季度|期|今后|下一步|下步|\d)\s*$")


# a cue that names a task or plan set (下达…任务, 年初确定, 年初制定, 年初…方案): 完成 before it in its
# clause makes it the task done (全面完成市政府下达的各项任务指标，其中新增就业2889人)
TASK_SET = ("任务", "方案", "安排", "确定", "制定", "计划", "规划", "指标", "目标")


def _task_done_named(text: str, cue: re.Match) -> bool:
    """全面完成市政府下达的各项就业创业任务指标, 完成年初确定的…: a task set that its clause says
    done names the task met, no plan: what follows is what was done."""
    if not cue.group().endswith(TASK_SET):
        return False
    clause_start = _clause_opening(text, cue.start())
    opened = OPEN_BRACKET.search(text, clause_start, cue.start())
    if opened:  # 完成1168家(计划1600家): a bracket the cue stands in is a clause of its own
        clause_start = opened.start() + 1
    return bool(_patterns()["task_done_before"].search(text, clause_start, cue.start()))


def _year_ahead_on_line(c: KindContext) -> bool:
    """2023年,省乡村振兴局…。…务工就业稳定在98万人以上: a sentence opening with a year after the
    report's speaks of that year's plan, and so do the sentences after it on its line, up to one
    opening with another year."""
    if c.report_year is None:
        return False
    last = None
    for last in finditer(_patterns()["year_opening"], c.line_before):
        pass
    return (last is not None and int(last.group("opening")) > c.report_year
            and not _says_done(_without_not_cues(c.line_before[last.end():])))


def _plans_section(c: KindContext) -> bool:
    """下一步工作打算, 2024年工作计划: a section of plans, its heading at a line's start or run into
    the figure's line (…。 二、下半年工作打算 (一)…), unless a heading run into the line after the
    section's names another part (一、2025年工作计划 (一)上半年完成情况 …)."""
    inline = _inline_category(c) if c.column is None else None
    return inline is SectionCategory.PLANS or (inline is None and c.category is SectionCategory.PLANS)


# Outline markers by rank (一、 / (一) / 1、 / (1) / 一是), each at a line's start or after a sentence's
# end or a space; the first item of a list is number one of its rank.
MARKERS = (
    re.compile(r"[一二三四五六七八九十]{1,3}、"),
    re.compile(r"[(（][一二三四五六七八九十]{1,3}[)）]"),
    re.compile(r"\d{1,2}\s*[、.．](?!\d)"),
    re.compile(r"[(（]\d{1,2}[)）]"),
    re.compile(r"[一二三四五六七八九十]{1,2}是"),
)
FIRST_ITEMS = (None, re.compile(r"[(（]一[)）]"), re.compile(r"1\s*[、.．](?!\d)"), re.compile(r"[(（]1[)）]"),
               re.compile(r"一是"))
# (the top rank's first item, 一、, opens a list only after a lead naming a year's list: elsewhere 一、 heads a section)
TOP_FIRST_ITEM = re.compile(r"\s*一、")
MARKER_PLACE = r"(?:^|(?<=[\s。；;！!？?:：]))"
LEAD_END = re.compile(r"[^。：:！!？?\n]*[。：:！!？?]\s*")


@cache
def _plan_list_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    """(a lead's will and 以下…items, the words that hold a will word without being one, a lead's
    done words, each rank's marker in its place, each rank's first item in its place)."""
    table = _table()["plan_list"]
    lead = re.compile(rf"(?:(?:{alternation(table['wills'])})[^，,。；;！!？?\n]{{0,12}}?"
                      rf"|(?:{alternation(table['ahead'])})[^。；;！!？?\n]{{0,16}}?)以下"
                      rf"[^，,。；;！!？?\n]{{0,4}}?(?:{alternation(table['items'])})"
                      # or a will, then a count of the items in its sentence (将…,重点抓好15件…民生实事)
                      rf"|(?:{alternation(table['wills'])})[^。；;！!？?\n]{{0,30}}?"
                      rf"(?:\d+|[一二三四五六七八九十两]+)\s*(?:{alternation(table['count_units'])})"
                      rf"[^，,。；;！!？?\n]{{0,8}}?(?:{alternation(table['counted_items'])})"
                      # or the goals the list sets (2018年…的主要目标是：(一)…; 主要 is blanked)
                      rf"|(?:{alternation(table['goals'])})(?:是|为|如下)?(?=\s*[:：])"
                      # or a will whose verb of result the colon closes (到2027年将实现：1.…)
                      rf"|(?:{alternation(table['wills'])})[^，,。；;！!？?\n]{{0,8}}?"
                      rf"(?:{alternation(table['results'])})(?=\s*[:：])"
                      # or a year's list named before its colon (2024年八大民生实事项目包括：)
                      rf"|(?P<year>(?:19|20)\d{{2}})\s*年度?[^，,。；;！!？?\n:：]{{0,12}}?"
                      rf"(?:{alternation(table['year_lists'])})(?:项目)?(?:清单)?"
                      rf"(?:{alternation(table['openers'])}|如下)?(?=\s*[:：])")
    markers = tuple(re.compile(MARKER_PLACE + m.pattern) for m in MARKERS)
    firsts = tuple(re.compile(r"\s*" + f.pattern) if f else None for f in FIRST_ITEMS)
    return lead, re.compile(alternation(table["not_ahead"])), \
        re.compile(f"{alternation(table['done'])}|{PERFECTIVE.pattern}"), markers, firsts


@cache
def _plan_list_opener() -> re.Pattern:
    """A short sentence opening the items after a lead that counts them (分别是：)."""
    return re.compile(rf"\s*(?:{alternation(_table()['plan_list']['openers'])})\s*[:：]\s*")


# No lead holds one of these, nor does a word `_without_not_ahead` blanks: the search for leads
# starts afresh after each, so the leads between two of them are the same in any window holding both.
LEAD_BREAK = re.compile(r"[。；;！!？?]")


class PlanLeads:
    """Where the leads of numbered lists start in a document (`_plan_list`), found once: each
    figure's search of the `reach` characters before it then reads only the two pieces its window
    cuts off (the part of a sentence at its start, its own sentence at its end)."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in LEAD_BREAK.finditer(text)]
        self.starts = [m.start() for m in _leads(text)]

    def last(self, start: int, end: int) -> int | None:
        """Where the last lead found in text[start:end] starts, or None."""
        breaks = self.breaks
        closing = bisect_left(breaks, end) - 1
        if closing < 0 or breaks[closing] < start:
            return _last_lead(self.text, start, end)
        closing = breaks[closing]
        found = _last_lead(self.text, closing + 1, end)
        if found is not None:
            return found
        opening = breaks[bisect_left(breaks, start)]
        inner = bisect_left(self.starts, closing) - 1
        if inner >= 0 and self.starts[inner] > opening:
            return self.starts[inner]
        return _last_lead(self.text, start, opening + 1)


def _without_not_ahead(text: str) -> str:
    """The words that hold a will word without being one (主要, 工作计划) blanked."""
    return blanked(_plan_list_patterns()[1], text)


def _may_hold_lead(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] may hold a lead: each form of `_plan_list_patterns`' lead writes 以下, a
    colon, or a will and a count's unit (件, 项) in it, and `_without_not_ahead` only turns characters
    into spaces. Most windows hold none, and the lead pattern is tried at each will word otherwise."""
    if LEAD_MARKS.search(text, start, end):
        return True
    wills, units = _lead_words()
    return units.search(text, start, end) is not None and wills.search(text, start, end) is not None


LEAD_MARKS = re.compile(r"以下|[:：]")


@cache
def _lead_words() -> tuple[re.Pattern, re.Pattern]:
    """(a lead's wills, the units a lead counts its items in)."""
    table = _table()["plan_list"]
    return re.compile(alternation(table["wills"])), re.compile(alternation(table["count_units"]))


def _leads(text: str):
    return finditer(_plan_list_patterns()[0], _without_not_ahead(text))


def _last_lead(text: str, start: int, end: int) -> int | None:
    if not _may_hold_lead(text, start, end):
        return None
    last = None
    for last in _leads(text[start:end]):
        pass
    return None if last is None else start + last.start()


def _plan_list(c: KindContext) -> bool:
    """1、组织1000万元…。2、… (or 一是…二是…): an item of a numbered list whose lead, the sentence right before its
    first item, says what will be done (我县将从以下几个方面…。; 下一步，重点抓好以下工作：), up to a
    heading of a higher rank or a new list of the item's rank; not a figure its clause says done.
    A lead may count its items instead (将…重点抓好15件民生实事。分别是：(1)…).
    The lead decides in a part that reviews the past too (its 下一步 paragraph closing it).
    A list on lines of its own holds while each line opens with an item of its rank or deeper, or
    goes on with a sentence the line before left open (a wrapped line)."""
    window_start = max(0, c.start - _table()["plan_list"]["reach"])
    lead_start = None if c.column is not None else (c.plan_leads or PlanLeads(c.text)).last(window_start, c.start)
    if lead_start is None:
        return False
    lead_pattern, not_ahead, done, markers, firsts = _plan_list_patterns()
    window = _without_not_ahead(c.text[window_start:c.start])
    lead = lead_pattern.match(window, lead_start - window_start)
    sentence_start = max(window.rfind(mark, 0, lead.start()) for mark in "。；;！!？?\n") + 1
    end = LEAD_END.match(window, lead.end())
    if end is None or done.search(window, sentence_start, end.end()):
        return False
    if lead.group("year") and c.report_year is not None and int(lead.group("year")) < c.report_year:
        return False  # 2022年民生实事项目包括：… in a page on 2023: an earlier year's list
    opener = _plan_list_opener().match(window, end.end())  # 分别是：(1)…
    items_start = opener.end() if opener else end.end()
    if lead.group("year"):  # a year's list may number its items at the top rank (…实事项目包括：一、…)
        firsts, first_items = (TOP_FIRST_ITEM, *firsts[1:]), (TOP_FIRST_ITEM, *FIRST_ITEMS[1:])
    else:
        first_items = FIRST_ITEMS
    rank = next((r for r, first in enumerate(firsts) if first and first.match(window, items_start)), None)
    if rank is None:
        return False
    scope = window[firsts[rank].match(window, items_start).end():]
    if any(m.search(scope) for m in markers[:rank]) or firsts[rank].search(scope) and \
            re.search(MARKER_PLACE + first_items[rank].pattern, scope):
        return False  # a heading above the items, or a new list
    lines = scope.split("\n")
    previous = lines[0]
    for line in lines[1:]:
        if not line.strip():
            continue
        if not any(m.match(line.lstrip()) for m in MARKERS[rank:]) and previous.rstrip().endswith(tuple(FULL_STOP + "；;：:")):
            return False  # a line of its own that is no item (nor an item's line wrapped): the list has ended
        previous = line
    return not _says_done(_without_not_cues(c.clause_before))


def _progress_task(c: KindContext) -> bool:
    table = _table()["progress_task"]
    return ((c.report_type in table["report_types"] and (c.in_heading or _row_opening_cell(c))
             or _section_measures_progress(c) and c.in_heading) and c.column is None
            and not _patterns()["progress"].search(c.line_before + c.sentence_after)
            and not SHARE_DONE.search(c.text, c.sentence_start, c.end) and not _reported_after_heading(c))


def _reported_after_heading(c: KindContext) -> bool:
    """三、民生实事加快推进。…上半年,全乡新建村级卫生室9个: past its heading's own sentence,
    a line that tells the period run so far or what was done reports, as a summary does."""
    heading_end = FULL_STOP_MARK.search(c.line_before)
    return heading_end is not None and bool(_patterns()["reported"].search(
        c.line_before[heading_end.end():] + c.sentence_after))


# a row's number alone on its line, and a row's name: a cell of words with no mark of a sentence
ROW_NUMBER_LINE = re.compile(r"\s*\d{1,2}\s*")
NAME_CELL = re.compile(r"[^\d。；;，,!！?？]{2,30}")


def _row_opening_cell(c: KindContext) -> bool:
    """1 ⏎ 养老服务体系建设 ⏎ 新建村级幸福院6所… ⏎ 已建成4所…: in a progress table written a cell a
    line, the cell right after a row's number and its name is the row's task, as a task's own
    numbered line is (the progress cells after it say what was done)."""
    before = _lines_before(c.text, c.start, 2)
    return len(before) == 2 and bool(NAME_CELL.fullmatch(before[0].strip())) \
        and bool(ROW_NUMBER_LINE.fullmatch(before[1]))


def _lines_before(text: str, position: int, count: int) -> list[str]:
    """The `count` non-blank lines before the line holding `position`, the nearest first."""
    lines: list[str] = []
    end = text.rfind("\n", 0, position)
    while end >= 0 and len(lines) < count:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            lines.append(text[start:end])
        end = start - 1
    return lines


# a share that 完成 governs, right away or after the work (整体施工完成70%, 完成基础施工30%): how
# much of the work is done, progress in its sentence, not a task's size
SHARE_DONE = re.compile(r"完成了?[^\d，,。；;、]{0,6}?[\d.]+\s*%")


def _task_before_unit(c: KindContext) -> bool:
    """新增15家示范型居家养老服务照料中心。⏎区民政局⏎已完成8家…: in a progress report's table
    (内容 | 责任单位 | 进展), the cell right before a cell that only names the units in charge
    is the task (a bracketed note may close its cell); the progress cells come after the units."""
    if c.report_type not in _table()["progress_task"]["report_types"] or c.column is not None:
        return False
    window = c.text[c.outer_end:c.outer_end + 200]
    end = re.search(r"[。！？!?]|\n", window)
    if end is None or _says_done(c.sentence_after) or _patterns()["progress"].search(c.line_before):
        return False
    note = CELL_NOTE.match(window, end.end())  # (省、市标准一样): a note closing the task's cell
    return bool(_patterns()["units_in_charge"].match(window, note.end() if note else end.end()))


CELL_NOTE = re.compile(r"\s*[(（][^()（）\n]{1,30}[)）]")


@cache
def _in_charge() -> re.Pattern:
    """A bracket naming who is in charge of an item (区民政局负责, 牵头单位：区残联)."""
    table = _table()["task_in_charge"]
    return re.compile(rf"[(（](?:(?:{alternation(table['labels'])})\s*[:：][^()（）\n]{{1,60}}"
                      rf"|[^()（）\n:：。]{{1,40}}(?:{alternation(table['verbs'])})[^()（）\n:：。]{{0,30}})[)）]")


def _task_in_charge(c: KindContext) -> bool:
    """建设22处农村幸福院。(区民政局负责) 二、…: an item that a bracket closes by naming the units
    in charge assigns a task, whatever the document; its figures are the task's, unless their
    clause says done (已建成…) or the item stands in a part reviewing the past. The bracket
    closes the figure's item: no outline number or line break before it. The labels may follow
    the item's sentence unbracketed (…新建公厕12座。 牵头领导:张明 责任单位:市城管局)."""
    if c.review or c.column is not None or _says_done(_without_not_cues(c.clause_before)):
        return False
    window = c.text[c.outer_end:c.outer_end + 300]
    found = _in_charge().search(window)
    if found is not None and not ITEM_BREAK.search(window, 0, found.start()):
        return True
    # …新建公厕12座。 牵头领导:张明 责任单位:市城管局: the labels, unbracketed, right after
    # the item's sentence
    end = SENTENCE_END.search(window)
    return end is not None and window[end.start()] != "\n" and _in_charge_label().match(window, end.end()) is not None


@cache
def _in_charge_label() -> re.Pattern:
    """A label naming who is in charge (牵头单位：, 责任单位:), unbracketed, opening what follows an item."""
    return re.compile(rf"\s*(?:{alternation(_table()['task_in_charge']['labels'])})\s*[:：]")


ITEM_BREAK = re.compile(r"\n|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d)")


def _section_measures_progress(c: KindContext) -> bool:
    """A heading whose section then measures progress against a plan (二、新建公办幼儿园150所 /
    省级补助资金下达4.2亿元，完成年度计划的100.7%, or in words: (二)新增养老床位250张 / 新增
    378张，超额完成年度任务): the heading names a task, as in a progress report, whatever the
    report's type."""
    if c.section_end is None or c.review or c.report_type in _table()["progress_task"]["summaries"]:
        return False  # under 工作完成情况, 成效, or in a summary, a heading states what was done
    line_end = c.text.find("\n", c.start, c.section_end)
    return line_end >= 0 and bool(_patterns()["share_of_plan"].search(c.text, line_end, c.section_end))


def _plan_document(c: KindContext) -> bool:
    """A plan's figure, unless its clause says done before it (截至目前，已建成助餐点16个: what a
    plan recounts of its progress; 计划投资500万元，已完成300万元). Only its own clause: 目前已完成
    选址，分别为…40张 is still the plan's; or its clause says it done after it (3个敬老院建设项目
    已全部完工: the figure is what was done); nor one under a heading of review run into its line
    (`_inline_review`); nor a part (其中…) of a figure of its sentence no rule made a target
    (已完成春播8.5万亩,为计划的104%,其中玉米2.2万亩: the parts of what was reached)."""
    return c.report_type in _table()["plan_document"]["report_types"] and not c.review \
        and not _says_done(_without_not_cues(c.clause_before)) and not _says_done(c.clause_after) \
        and not _done_earlier(c) and not _project_done_after(c) \
        and not _past_opening(c) \
        and not _inline_review(c) and not (BREAKDOWN.match(c.clause_before) and not c.after_target
                                           and DIGITS.search(c.before, 0, len(c.before) - len(c.clause_before)))


def _done_earlier(c: KindContext) -> bool:
    """今年是收获的一年，…取得了长足进步，农业总收入达6535万元; 截至目前，…2座已建成，其他县区还有6座…: an
    earlier clause of the figure's sentence says done and no plan word stands before the figure in
    it: the sentence tells what was done or stands (…完成了第一年任务，今年计划完成…人 plans)."""
    return _says_done(c.before_plain) and not _cues()[0].search(c.before_plain)


def _project_done_after(c: KindContext) -> bool:
    """投资480万元的…养老服务站建设项目，该项目主体已完工: a later clause of the figure's sentence,
    pointing back at the project (该项目, 该工程) or opening with a word of the present (目前主体工程已完工), says it done: what a plan recounts of a project under
    way or finished, as a done word in the figure's own clause does."""
    clauses = CLAUSE_BREAK.split(c.sentence_after)[1:]
    return any(_pointer().match(clause.lstrip()) and _says_done(clause) for clause in clauses)


@cache
def _pointer() -> re.Pattern:
    """A clause's opening word pointing back at a project: a pointer (该项目), a word of the present
    (目前该工程, 目前主体工程…, 现已…), or a bare 项目 with one after it (项目目前)."""
    words = _table()["plan_document"]
    present = alternation(words["present"])
    return re.compile(rf"{present}|{alternation(words['pointers'])}|项目(?:{present})")


# a clause opening with a time (2023年，, 2010年末，, 去年…): a year or a word of the past; and a span
# run up to now (自201*年以来, 今年以来)
TIME_OPENING = re.compile(r"(?:^|(?<=[,，;；:：]))\s*(?:自|从|至|截至|截止)?\s*(?P<year>(?:19|20)\d{2})\s*年"
                          r"|(?:^|(?<=[,，;；:：]))\s*(?P<word>去年|上年|上一年|过去)|(?P<since>以来)")


def _past_opening(c: KindContext) -> bool:
    """2023年，全县新增养老床位300张 and 去年…救助1.2万人次 in a plan for 2024, 2010年末，…我市有农村贫困
    人口88万人, 自201*年以来多次出现…: a clause of the figure's sentence before it opens with a time
    before the report's, or it holds a span run up to now: what the plan recounts of the past
    (`looking_back` for one sentence), actual."""
    for found in finditer(TIME_OPENING, c.before):
        if found.group("word") or found.group("since"):
            return True
        if found.group("year") and c.report_year is not None and int(found.group("year")) < c.report_year:
            return True
    return False


# an outline number run into a line after a space, a colon or a full stop (a page its site flattened
# to one line: …报告如下: 一、上半年工作完成情况 (一)社会救助 1.…), and its title up to a space or a mark
INLINE_HEADING = re.compile(r"(?<=[\s:：。])(?P<number>[一二三四五六七八九十]{1,3}、|[(（〔][一二三四五六七八九十]{1,3}[)）〕])"
                            r"\s*(?P<title>[^\s,，。;；:：!！?？]{2,30})")
REVIEW_CATEGORIES = (SectionCategory.WORK_DONE, SectionCategory.PROBLEMS)


def _inline_review(c: KindContext) -> bool:
    """Whether the figure stands under a heading of review that its page ran into the line (一、前三季度
    工作进展 (一)重点任务进展 1.养老服务。全区…)."""
    return _inline_category(c) in REVIEW_CATEGORIES


def _inline_category(c: KindContext) -> SectionCategory | None:
    """The category of the part the figure stands in by the headings its page ran into the line
    before it (…如下: 一、上半年工作完成情况 (一)…; …。 二、下半年工作打算 (一)…): the section parser,
    reading headings at a line's start only, sees none there. A top heading (一、) sets the part by
    its title's category, or hands it back to the line's section when it names none (…: 一、加强领导
    under 下一步工作打算); a lower one ((一)) only when its title names one, and a plan under a
    top heading of review only when a word places it ahead (一、项目建设完成情况 (一)水毁修复当年
    目标任务为…: a summary's item restating the task it reviews); the last such before the figure
    decides; None when the line's section does (a heading opening the line is its)."""
    category, top = None, None
    for found in finditer(INLINE_HEADING, c.line_before):
        if not c.line_before[:found.start()].strip():
            continue
        title = found.group("title")
        own = categorise(title)
        if found.group("number").endswith("、"):
            category = top = None if own is SectionCategory.OTHER else own
        elif own is not SectionCategory.OTHER and not (
                own is SectionCategory.PLANS and top is SectionCategory.WORK_DONE
                and not any(word in title for word in plan_ahead_words())):
            category = own
    return category


YEAR = re.compile(r"(?:19|20)\d{2}(?=\s*年)")
# a site's path (首页 > 专题专栏 > 民生实事; its label, as the readers' furniture words have it: 当前位置,
# 您的位置, 您当前的位置; a trail's line opening with its mark) or an image's file name above a page: no line of it
NAVIGATION = re.compile(r"首页\s*[>＞»]|^\s*[>＞»]|^\s*[\u4e00-\u9fff]{0,4}位置\s*[:：]|当前位置|\.(?:jpg|jpeg|png|gif)\b", re.I)


@cache
def _announcement() -> re.Pattern:
    """A list's name and a word announcing it, either first, in one clause; or a will
    (拟, 将, 计划) before the name."""
    table = _table()["announced_plan"]
    lists, announced = alternation(table["lists"]), alternation(table["announced"])
    not_will = "".join(f"(?<!{re.escape(word[:-1])})" for word in table["not_wills"])
    wills = rf"{not_will}(?:{alternation(table['wills'])})"
    within = r"[^,，。;；:：!！?？\n]{0,30}?"
    return re.compile(rf"(?:{announced}){within}(?:{lists})|(?:{lists}){within}(?:{announced})"
                      rf"|{wills}{within}(?:{lists})")


def announcement_start(text: str, report_year: int | None) -> int | None:
    """Where the sentence opens in which the page announces a year's list of projects or tasks
    decided or issued (丹阳确定2024年政府民生实事项目40项; 2024年…为民办实事项目公布), or None: in
    one clause of its first lines (a site's path and an image's name left out), a list's name, a
    word announcing it and no word of progress or results (…完成情况公布; nor may another clause of
    those lines name the list with one: a results page recalls the vote), with a year not before
    the report's in that clause or an earlier one of its sentence (2025年，全县将集中力量办好十件民生
    实事), 今年 being the report's (a headline's 今年为民办实事项目发布). What the page reports
    before that sentence (a lead on the progress so far: 截至目前，…已开工…。据悉，2013年，省下达…
    目标任务…) is no part of the list."""
    table = _table()["announced_plan"]
    pattern = _announcement()
    opening = _opening_lines(text, table["lines"])
    lists = re.compile(alternation(table["lists"]))
    if any(lists.search(clause) and any(word in clause for word in table["results"])
           for _, line in opening for clause in re.split(r"[,，;；。!！?？]", line)):
        return None  # 2022年十件民生实事完成情况 over a lead recalling the vote: the page reports results
    for line_start, line in opening:
        title = _list_title().fullmatch(line)
        if title and (report_year is None or title.group("year") is None or int(title.group("year")) >= report_year):
            return line_start  # 2024年县政府十件民生实事 over the items: the page is the list
        for sentence in SENTENCE_PARTS.finditer(line):
            lead = _plan_lead().match(sentence.group())
            if lead and (report_year is None or lead.group("year") is None or int(lead.group("year")) >= report_year):
                return line_start + sentence.start()  # 2025年，某街道将…: the lead tells the year's plan
            years: list[int | None] = []  # the years its clauses so far name (None: 今年, the report's own)
            for clause in re.split(r"[,，;；]", sentence.group()):
                years += [int(y) for y in YEAR.findall(clause)]
                years += [report_year] * any(word in clause for word in table["this_year"])
                said = blanked(_to_do(), clause)  # (要完成的…实事: what is to be done, no result)
                if pattern.search(clause) and years and not any(word in said for word in table["not_announced"]) \
                        and not _recalled_decision().search(clause) \
                        and (report_year is None or max(y or report_year for y in years) >= report_year):
                    return line_start + sentence.start()
    return None


SENTENCE_PARTS = re.compile(r"[^。!！?？]+")


@cache
def _plan_lead() -> re.Pattern:
    """A sentence opening with the year (2025年，, 今年，) whose next clause's subject will do what
    follows (某街道将坚持…，全年…增长8%以上): a lead telling the year's plan, the page retelling it."""
    table = _table()["announced_plan"]
    not_will = "".join(f"(?<!{re.escape(word[:-1])})" for word in table["not_wills"])
    return re.compile(rf"\s*(?:(?P<year>(?:19|20)\d{{2}})\s*年|{alternation(table['this_year'])})\s*[,，]"
                      rf"\s*[\u4e00-\u9fff]{{2,12}}?{not_will}(?:{alternation(table['wills'])})(?!近)")


@cache
def _recalled_decision() -> re.Pattern:
    """A word announcing a list after a time of the year's start (年初确定的, 年初县政府下达的): the
    decision recalled from later in the year, by a page reviewing it, no announcement."""
    table = _table()["announced_plan"]
    return re.compile(rf"(?:{alternation(table['recalled'])})[\u4e00-\u9fff]{{0,8}}?(?:{alternation(table['announced'])})")


@cache
def _list_title() -> re.Pattern:
    """A line that is a year's list's name and nothing else (我县2024年民生实事项目清单, 2024年县政府十件
    民生实事): a place or body, the year, a body, the count, a word or three (重点, 为民办) and the
    list's name; a verb in it (扎实推进…实事, …实事完成情况) makes it news of the list, no title."""
    lists = alternation(_table()["announced_plan"]["lists"])
    return re.compile(rf"\s*(?:[\u4e00-\u9fff]{{0,8}}?[省市县区镇乡州旗盟])?(?:(?P<year>(?:19|20)\d{{2}})\s*年度?|今年)"
                      rf"(?:[\u4e00-\u9fff]{{0,6}}?(?:政府|党委))?\s*(?:[\d一二三四五六七八九十两]+\s*[件项个大])?"
                      rf"[\u4e00-\u9fff]{{0,3}}?(?:{lists})(?:项目)?(?:清单|名单|一览表)?\s*")


@cache
def _to_do() -> re.Pattern:
    """A will before 完成 (要完成, 将完成): what a list is to do, which names no result."""
    table = _table()["announced_plan"]
    return re.compile(rf"(?:{alternation(table['wills'] + table['to_do'])})完成")


def _opening_lines(text: str, count: int) -> list[tuple[int, str]]:
    """The first `count` non-blank lines that are no site path or image name, read one by one
    (a page may be one long line), each with where it starts."""
    lines, start = [], 0
    while start < len(text) and len(lines) < count:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if line.strip() and not NAVIGATION.search(line):
            lines.append((start, line))
        start = end + 1
    return lines


def _announced_plan(c: KindContext) -> bool:
    """A figure of a page retelling a year's plan list (`announcement_start`), unless its sentence
    tells how the list was decided (…投票，票决出17项…), it counts the list (40项民生实事项目
    包括:), its sentence speaks of an earlier year (去年, 2023年 in a page on 2024) or measures
    progress against the plan (…,为目标任务的110.37%; 超额完成年度任务), its clause says it done,
    or it stands in a part reviewing the past."""
    if c.announced_from is None or c.review or c.start < c.announced_from:
        return False  # (a lead before the announcement reports the progress so far)
    table = _table()["announced_plan"]
    before, clause_before = _after_announcing_lead(c)
    if any(word in before + c.sentence_after for word in table["telling"]) \
            and not c.clause_before.lstrip().startswith(tuple(table["sums"])):  # (…,总投资约5.6亿元: the list's sum)
        return False
    sentence = c.before + c.sentence_after
    if any(word in sentence for word in table["earlier"]):
        return False
    opening = _sentence_opening(c.text, c.sentence_start)
    if any(word in c.text[opening:c.sentence_start] for word in table["judged"]):
        return False  # 测评结果显示,…满意95票;…满意175票: a part of the judging sentence
    if c.report_year is not None and any(int(year) < c.report_year for year in YEAR.findall(sentence)):
        return False  # 2023年民生实事…新增床位300张: what an earlier year's list did
    if _patterns()["share_of_plan"].search(sentence):
        return False  # 共落实59个项目,…,为目标任务的110.37%: a sentence measuring progress against the list
    unit = FIGURE_UNIT.sub("", c.text[c.start:c.end])
    if unit in table["counts"] and any(word in c.clause_after[:12] for word in table["counted"]):
        return False
    if any(word in before for word in table["tallied"]):
        return False  # …总投资2000万元,累计发放贷款10178万元,开展培训78期: the results from 累计 on
    return not _says_done(_without_not_cues(clause_before))


def _after_announcing_lead(c: KindContext) -> tuple[str, str]:
    """The figure's sentence and clause up to it, from after a colon or a word opening the list's
    items (包括, 明确) whose clause, or the clause before, announces the list (…确定了为全市人民办好10件
    实事:一是改造…; …为民办实事项目公布，包括新增…; 印发《…十件民生实事》，明确新增…): the words
    deciding the list (确定了, 公布, 印发) are its lead's, and the items after the opener are the list
    itself, not how it was decided; else `before` and `clause_before` as they are."""
    opener = None
    for opener in finditer(_item_opener(), c.before):
        pass
    lead = c.text[c.sentence_start:c.sentence_start + opener.start()] if opener else ""  # (a title as written)
    if opener is None or not any(_announcement().search(clause) for clause in CLAUSE_BREAK.split(lead)[-2:]):
        return c.before, c.clause_before
    after = c.before[opener.end():]
    return after, c.clause_before[len(c.clause_before) - len(after):] if len(c.clause_before) > len(after) else c.clause_before


@cache
def _item_opener() -> re.Pattern:
    """A colon, or a word opening a list's items (`announced_plan.item_openers`)."""
    return re.compile(rf"[:：]|(?:{alternation(_table()['announced_plan']['item_openers'])})\s*[:：]?")


# 十三五 → 13: the third five-year plan ran 1966-1970, each later one five years on (the 14th 2021-2025).
FIVE_YEAR = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _plan_last_year(numeral: str) -> int:
    """十三五's numeral 三 → 2020, the last year of the thirteenth five-year plan."""
    return 1970 + 5 * (10 + FIVE_YEAR[numeral] - 3)


@cache
def _looking_back_opening() -> re.Pattern:
    """A past period opening a heading's title or a line: “十三五”期间, 过去五年 (`looking_back`)."""
    table = _table()["looking_back"]
    return re.compile(rf"^[\s\d一二三四五六七八九十、.．()（）]*[“\"]?十(?P<plan>[一二三四五六七八九])五[”\"]?"
                      rf"(?:{alternation(table['period_words'])})"
                      rf"|^[\s\d一二三四五六七八九十、.．()（）]*(?:{alternation(table['openings'])})")


def looking_back(text: str, sections: list[Section], report_year: int | None) -> list[tuple[int, int]]:
    """The spans of a report that look back on a period before its own: a section whose heading
    opens with one (一、过去五年工作; “十三五”时期…), with its subsections, and a paragraph opening
    with one (“十三五”期间，全市…) up to the next heading. A plan's figures there are what the
    past period did (`plan_document` passes them over). A numbered plan (十三五) is past when it
    ends before the report's year."""
    if report_year is None:
        return []
    opening = _looking_back_opening()

    def past(found: re.Match | None) -> bool:
        if found is None:
            return False
        plan = found.group("plan")
        return plan is None or _plan_last_year(plan) < report_year

    spans = [(s.start, s.end) for s in sections if past(opening.match(s.title))]
    heading_starts = sorted(s.start for s in sections)
    position = 0
    for line in text.split("\n"):
        if past(opening.match(line)):
            later = [h for h in heading_starts if h > position]
            spans.append((position, later[0] if later else len(text)))
        position += len(line) + 1
    return spans


def _twin_count(c: KindContext) -> bool:
    """年度改造项目12个3022套: a count written right after a target's, not a space between (a table's
    cells are its columns'), counts the same things in another unit, a target too (the parts after
    it then follow it)."""
    return c.after_target and c.column is None and c.previous_end == c.start


def _table_plan_column(c: KindContext) -> bool:
    return c.column == "plan"


def _required_sign(c: KindContext) -> bool:
    """≥95%, >=21933人, ≤5300元: the sign right before the figure writes a required level."""
    return bool(_patterns()["required_sign"].search(c.text, max(0, c.start - 4), c.start))


@cache
def _forecast_note() -> re.Pattern:
    """A bracket calling a figure a forecast (预计数, 预计), its group `same` a 下同 that carries
    the note to the figures after it."""
    table = _table()
    return re.compile(rf"[(（][^()（）\n]{{0,8}}?(?:{alternation(table['cue_before']['forecasts'])})"
                      rf"(?:[^()（）\n]{{0,8}}?(?P<same>{alternation(table['forecast_note']['same_after'])}))?"
                      rf"[^()（）\n]{{0,8}}[)）]")


def _forecast_noted(c: KindContext) -> bool:
    """2022年全区社会消费品零售总额95亿元左右(预计数,下同),增长6%;税收…4.1亿元左右,增长5%;…: a
    bracket right after the figure calls it a forecast (a report written before its year's end);
    with 下同 the figures after it in its sentence, each of its semicolon parts, are forecasts too."""
    note = _forecast_note()
    if note.match(c.text, c.outer_end, c.outer_end + 30):
        return True
    start = _sentence_opening(c.text, c.start)
    return any(found.group("same") for found in note.finditer(c.text, start, c.start))


def _table_later_year(c: KindContext) -> bool:
    """A column headed by a year after the report's (2025年 in a 2021 plan's indicators): what is
    to be reached by then, also when a later year's column follows it (2025年 | 2027年: no period
    before, as an earlier dated column is in a statistics table)."""
    return c.column_year is not None and c.report_year is not None and c.column_year > c.report_year


def _table_comparison_column(c: KindContext) -> bool:
    """上年同期, 同比, 增减: what was, or how much it changed, whatever the section."""
    return c.column in ("previous", "change")


KIND_RULES = (
    KindRule("table_plan_column", Kind.TARGET, _table_plan_column),
    KindRule("table_later_year", Kind.TARGET, _table_later_year),
    KindRule("table_comparison_column", Kind.ACTUAL, _table_comparison_column),
    KindRule("required_sign", Kind.TARGET, _required_sign),
    KindRule("forecast_note", Kind.TARGET, _forecast_noted),
    KindRule("budget_raise", Kind.TARGET, _budget_raise),
    KindRule("raise_from", Kind.ACTUAL, _raise_from),
    KindRule("target_list", Kind.TARGET, _target_list),
    KindRule("completion_share", Kind.ACTUAL, _completion_share),
    KindRule("year_whole", Kind.TARGET, _year_whole),
    KindRule("share_follows", Kind.ACTUAL, _share_follows),
    KindRule("off_target", Kind.ACTUAL, _off_target),
    KindRule("target_noun_after", Kind.TARGET, _target_noun_after),
    KindRule("target_noun_before", Kind.TARGET, _target_noun_before),
    KindRule("part_of_target", Kind.TARGET, _part_of_target),
    KindRule("task_then_progress", Kind.TARGET, _task_then_progress),
    KindRule("forecast_after", Kind.TARGET, _forecast_after),
    KindRule("task_issued_after", Kind.TARGET, _task_issued_after),
    KindRule("bound_target", Kind.TARGET, _bound_target),
    KindRule("raise_target", Kind.TARGET, _raise_target),
    KindRule("in_force", Kind.ACTUAL, _in_force),
    KindRule("streak", Kind.ACTUAL, _streak),
    KindRule("assumed", Kind.ACTUAL, _assumed),
    KindRule("past_year_aside", Kind.ACTUAL, _past_year_aside),
    KindRule("statistics_found", Kind.ACTUAL, _statistics_found),
    KindRule("cue_before", Kind.TARGET, _cue_before),
    KindRule("plan_source", Kind.TARGET, _plan_source),
    KindRule("plan_paragraph", Kind.TARGET, _plan_paragraph),
    KindRule("list_size", Kind.TARGET, _list_size),
    KindRule("list_contents", Kind.TARGET, _list_contents),
    KindRule("plans_section", Kind.TARGET, _plans_section),
    KindRule("plan_list", Kind.TARGET, _plan_list),
    KindRule("progress_task", Kind.TARGET, _progress_task),
    KindRule("task_before_unit", Kind.TARGET, _task_before_unit),
    KindRule("task_in_charge", Kind.TARGET, _task_in_charge),
    KindRule("plan_document", Kind.TARGET, _plan_document),
    KindRule("announced_plan", Kind.TARGET, _announced_plan),
    KindRule("twin_count", Kind.TARGET, _twin_count),
)


def is_section_total(text: str, heading_start: int, start: int) -> bool:
    """Whether a figure is the total its heading gives (共1240万元): a total word right before it
    in the heading's last clause. Such a total left to `stated` takes its section's kind when all
    the section's figures are targets (`section_total`, applied in transforms/extract.py)."""
    clause = CLAUSE_OR_COLON.split(text[heading_start:start])[-1]
    return bool(_patterns()["section_total"].search(clause))



def plan_report_types() -> tuple[str, ...]:
    """The report types that are plans (`plan_document`)."""
    return tuple(_table()["plan_document"]["report_types"])


def restated_report_types() -> tuple[str, ...]:
    """The report types whose figures may restate a target of the same value (`restated_target`)."""
    return tuple(_table()["restated_target"]["report_types"])


def restated_not_units() -> tuple[str, ...]:
    """Units whose equal values tell no restatement (`restated_target`)."""
    return tuple(_table()["restated_target"]["not_units"])


def restates(text: str, start: int, end: int) -> bool:
    """Whether a figure's clause may restate a target given elsewhere: it says nothing done,
    standing now or past around the figure (…已建成学位7500个 is what was done, whatever was planned),
    nor does the clause of the whole a 其中 part breaks down (…解决了3.2万人的饮水问题,其中脱贫人口0.8万人)."""
    opening = _clause_opening(text, start)
    part = max(text.rfind(word, _sentence_opening(text, start), start) for word in _table()["part_of_target"]["words"])
    if part > 0:
        opening = min(opening, _clause_opening(text, part - 1))
    after = CLAUSE_BREAK.search(text, end)
    clause = _without_not_cues(_blank_names(text[opening:after.start() if after else len(text)]))
    return not _says_done_or_past(clause) and not _patterns()["in_force"].search(clause) \
        and not _in_use_before(text[_sentence_opening(text, start):start])


def _in_use_before(before: str) -> bool:
    """12所新建学校投入使用，新增学位9000个: the sentence says the things in use before the
    figure (no will before the event): what was done."""
    table = _table()["restated_target"]
    for word in table["in_use"]:
        at = before.find(word)
        if at >= 0 and not any(will in before[max(0, at - 8):at] for will in table["in_use_wills"]):
            return True
    return False


def kind_of(context: KindContext) -> tuple[Kind, str]:
    """The kind of a figure and the name of the rule that decided it (`stated`: none did)."""
    for rule in KIND_RULES:
        if rule.applies(context):
            return rule.kind, rule.name
    return Kind.ACTUAL, "stated"
