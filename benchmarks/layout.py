"""One whole report: agency, type, year, title, outline and prose around the figures.

Real reports differ in how they lay out the same content, so each report picks its own
outline styles (（一）/(一), 1./1、, 一是… paragraphs, numbered items, headings run into the
paragraph) and a length like the real ones (3–15 KB of text)."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import partial

import cn2an

from benchmarks.regions import Agency, pick_agency
from benchmarks.templating import Context, Fragment, Metric, join, load_data, render

YEARS = (2019, 2025)
CHARS = (1100, 4800)  # text length; UTF-8 Chinese is ~3 bytes a character
WORK_SHARE = 0.7  # of the length budget, for the work-done part
SUBSECTION_LAYOUTS = {"points": 0.45, "numbered": 0.25, "inline": 0.18, "deep": 0.12}
FLAT_SHARE = 0.1  # reports whose topics are unnumbered paragraphs led by a phrase
LEVEL2_BRACKETS = {"（）": 0.75, "()": 0.25}
ITEM_MARKS = {".": 0.6, "、": 0.4}


@dataclass(frozen=True)
class Report:
    title: str
    agency: Agency
    report_type: str
    year: int
    publish_date: dt.date
    doc_no: str
    index_no: str
    text: str
    metrics: tuple[Metric, ...]


@dataclass(frozen=True)
class Outline:
    """The numbering and layout habits of one report."""

    brackets: str
    item_mark: str
    layouts: dict[str, float]
    flat: bool

    def level2(self, number: int) -> str:
        return f"{self.brackets[0]}{cn(number)}{self.brackets[1]}"

    def item(self, number: int) -> str:
        return f"{number}{self.item_mark}"

    def level4(self, number: int) -> str:
        return f"{self.brackets[0]}{number}{self.brackets[1]}"


@dataclass
class Writer:
    """A report being written: its random source, placeholders and contexts."""

    rng: random.Random
    agency: Agency
    year: int
    outline: Outline
    actual: Context
    target: Context
    budget: int

    def pick(self, options: list, count: int = 1) -> list:
        return self.rng.sample(options, min(count, len(options)))

    def weighted(self, shares: dict):
        return self.rng.choices(list(shares), weights=list(shares.values()))[0]

    def prose(self, template: str) -> Fragment:
        """A sentence without figures (placeholders only)."""
        return render(template, self.rng, self.actual)


def cn(number: int) -> str:
    return cn2an.an2cn(number)


def report_types() -> dict:
    return load_data("report.toml")["types"]


def prose_data() -> dict:
    return load_data("report.toml")["prose"]


def topics() -> list[dict]:
    return load_data("topics.toml")["topic"]


def build_report(rng: random.Random, page_block: bool = False) -> Report:
    """A complete report; `page_block` puts a portal metadata block (索引号 …) on top, as
    in text saved from a web page."""
    agency = pick_agency(rng)
    type_key = rng.choices(list(report_types()), weights=[t["share"] for t in report_types().values()])[0]
    spec = report_types()[type_key]
    year = rng.randint(*YEARS)
    published = publish_date(rng, spec["publish"], year)
    doc_no = document_number(rng, agency, published.year)
    index_no = index_number(rng, agency, published.year)
    writer = new_writer(rng, agency, year)
    title = writer.prose(rng.choice(spec["titles"])).text
    lines = [Fragment(line) for line in page_lines(agency, title, published, doc_no, index_no)] \
        if page_block else []
    lines += [Fragment(title)] + opening(writer, spec) + body(writer, spec)
    lines += closing(writer) + [Fragment(agency.name), Fragment(chinese_date(published))]
    text = join(lines, "\n")
    return Report(title, agency, spec["label"], year, published, doc_no, index_no, text.text,
                  text.metrics)


def new_writer(rng: random.Random, agency: Agency, year: int) -> Writer:
    numbers = load_data("numbers.toml")
    scale = numbers["scale"][agency.level]
    spaced = rng.random() < numbers["style"]["spaced_report_share"]
    place = partial(placeholder, agency=agency, year=year)
    outline = Outline(
        brackets=rng.choices(list(LEVEL2_BRACKETS), weights=list(LEVEL2_BRACKETS.values()))[0],
        item_mark=rng.choices(list(ITEM_MARKS), weights=list(ITEM_MARKS.values()))[0],
        layouts={k: v * rng.uniform(0.3, 1.7) for k, v in SUBSECTION_LAYOUTS.items()},
        flat=rng.random() < FLAT_SHARE)
    return Writer(rng, agency, year, outline, Context("actual", scale, spaced, place),
                  Context("target", scale, spaced, place), rng.randint(*CHARS))


def placeholder(name: str, rng: random.Random, agency: Agency, year: int) -> str:
    """Values of the non-metric placeholders: years, the area word, dates, 文号."""
    if name == "@docno":
        return document_number(rng, agency, year)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return {"@year": str(year), "@next": str(year + 1), "@scope": agency.scope,
            "@agency": agency.name, "@month": f"{month}月", "@day": f"{month}月{day}日",
            "@date": f"{year}年{month}月{day}日"}[name]


def publish_date(rng: random.Random, rule: dict, year: int) -> dt.date:
    return dt.date(year + rule["year"], rng.randint(*rule["months"]), rng.randint(1, 28))


def document_number(rng: random.Random, agency: Agency, year: int) -> str:
    return f"{agency.abbreviation}民{rng.choice(['发', '字', '函'])}〔{year}〕{rng.randint(1, 60)}号"


def index_number(rng: random.Random, agency: Agency, year: int) -> str:
    """A portal 索引号 like 11360700014500963R/2024-00087."""
    return f"11{agency.region_code}{rng.randint(10**7, 10**8 - 1)}{rng.choice('ABCDR')}/{year}-{rng.randint(1, 999):05d}"


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def page_lines(agency: Agency, title: str, published: dt.date, doc_no: str, index_no: str) -> list[str]:
    values = {"索引号": index_no, "发布机构": agency.name, "发文日期": published.isoformat(),
              "文号": doc_no, "标题": title}
    labels = load_data("files.toml")["txt_page_block"]["labels"]
    return [f"{label}：{values[label]}" for label in labels]


def opening(writer: Writer, spec: dict) -> list[Fragment]:
    """Salutation (some reports are addressed to the 党委 and 政府) and the opening paragraph."""
    lines = []
    if writer.agency.level != "province" and writer.rng.random() < 0.3:
        lines.append(writer.prose("{@scope}委、{@scope}政府："))
    return lines + [writer.prose(writer.rng.choice(spec["intros"]))]


def closing(writer: Writer) -> list[Fragment]:
    """Some reports end with 特此报告。 or a closing pledge before the signature."""
    return [Fragment(writer.rng.choice(prose_data()["closings"]))] if writer.rng.random() < 0.3 else []


def body(writer: Writer, spec: dict) -> list[Fragment]:
    """The numbered parts the report type lists, in order."""
    lines: list[Fragment] = []
    used: list[dict] = []
    for number, part in enumerate(spec["parts"], start=1):
        heading = writer.prose(f"{cn(number)}、" + writer.rng.choice(spec["headings"][part]))
        lines.append(heading)
        lines += PARTS[part](writer, spec, used, sum(len(f.text) for f in lines))
    return lines


def work_part(writer: Writer, spec: dict, used: list[dict], written: int) -> list[Fragment]:
    """Subsections of facts, one topic each, until the work share of the length is reached."""
    candidates = [t for pool in spec["pools"] for t in shuffled(writer.rng, pool_topics(pool))]
    lines: list[Fragment] = []
    for number, topic in enumerate(candidates, start=1):
        lines += subsection(writer, topic, number)
        used.append(topic)
        if written + sum(len(f.text) for f in lines) >= writer.budget * WORK_SHARE and number >= 2:
            break
    return lines


def shuffled(rng: random.Random, items: list) -> list:
    return rng.sample(items, len(items))


def pool_topics(pool: str) -> list[dict]:
    return [t for t in topics() if t["pool"] == pool]


def subsection(writer: Writer, topic: dict, number: int) -> list[Fragment]:
    """One topic as the report's layout habit writes it."""
    rng = writer.rng
    points = writer.pick(topic["points"], rng.randint(2, 4))
    facts = writer.pick(topic["facts"], max(len(points), rng.randint(2, 5)))
    groups = [[render(f, rng, writer.actual) for f in facts[i::len(points)]] for i in range(len(points))]
    fillers = [writer.prose(f) for f in writer.pick(topic["fillers"], len(points))]
    heading = rng.choice(topic["headings"])
    lead = lead_sentence(writer)
    layout = "flat" if writer.outline.flat else writer.weighted(writer.outline.layouts)
    if layout == "points":
        items = [Fragment(f"{cn(i)}是{p}，") + s for i, (p, s) in enumerate(zip(points, sentences(fillers, groups)), 1)]
        return [Fragment(writer.outline.level2(number) + heading), lead + join(items)]
    if layout == "numbered":
        return [Fragment(writer.outline.level2(number) + heading)] + [
            Fragment(f"{writer.outline.item(i)}{p}。") + s
            for i, (p, s) in enumerate(zip(points, sentences(fillers, groups)), 1)]
    if layout == "deep":
        return [Fragment(writer.outline.level2(number) + heading)] + [
            line for i, (p, group) in enumerate(zip(points, groups), 1)
            for line in [Fragment(f"{writer.outline.item(i)}{p}")] + [
                Fragment(writer.outline.level4(j)) + sentence([fact]) for j, fact in enumerate(group, 1)]]
    opening_words = writer.outline.level2(number) + heading if layout == "inline" else heading
    return [Fragment(opening_words + "。") + lead + sentence(fillers[:1] + [f for g in groups for f in g])]


def lead_sentence(writer: Writer) -> Fragment:
    """The sentence opening a subsection: general prose, now and then a dated aside."""
    source = prose_data()["asides"] if writer.rng.random() < 0.2 else prose_data()["lead"]
    return sentence([writer.prose(writer.rng.choice(source))])


def sentence(fragments: list[Fragment]) -> Fragment:
    """Clauses joined into sentences: each ends with 。."""
    return join([f + Fragment("。") for f in fragments])


def sentences(fillers: list[Fragment], groups: list[list[Fragment]]) -> list[Fragment]:
    """Per point: its filler, then its facts."""
    return [sentence([filler] + group) for filler, group in zip(fillers, groups)]


def leadership_part(writer: Writer, spec: dict, used: list[dict], written: int) -> list[Fragment]:
    topic = pool_topics("leadership")[0]
    fillers = [writer.prose(f) for f in writer.pick(topic["fillers"], 2)]
    facts = [render(f, writer.rng, writer.actual) for f in topic["facts"]]
    return [sentence(fillers + facts)]


def problems_part(writer: Writer, spec: dict, used: list[dict], written: int) -> list[Fragment]:
    """Number-free problems, as 一是…二是… or as (一) items."""
    problems = [Fragment(p) for p in writer.pick(prose_data()["problems"], writer.rng.randint(2, 4))]
    lead = [Fragment(writer.rng.choice(prose_data()["problem_leads"]))] if writer.rng.random() < 0.5 else []
    if writer.rng.random() < 0.5:
        return lead + [join([Fragment(f"{cn(i)}是") + sentence([p]) for i, p in enumerate(problems, 1)])]
    return lead + [Fragment(writer.outline.level2(i)) + sentence([p]) for i, p in enumerate(problems, 1)]


def plans_part(writer: Writer, spec: dict, used: list[dict], written: int) -> list[Fragment]:
    """Plan subsections with targets, from the topics reported on, until the length is reached."""
    rng = writer.rng
    topics_with_plans = [t for t in used or pool_topics("business") if t["plans"]]
    lines = [Fragment(rng.choice(prose_data()["plan_leads"]))] if rng.random() < 0.4 else []
    for number, topic in enumerate(shuffled(rng, topics_with_plans), start=1):
        heading = writer.outline.level2(number) + rng.choice(topic["plan_headings"])
        filler = [writer.prose(f) for f in writer.pick(topic["fillers"], rng.randint(*spec["plan_fillers"]))]
        targets = [render(p, rng, writer.target) for p in writer.pick(topic["plans"], rng.randint(1, 3))]
        if rng.random() < 0.5:
            lines.append(Fragment(heading + "。") + sentence(filler + targets))
        else:
            lines += [Fragment(heading), sentence(filler + targets)]
        if written + sum(len(f.text) for f in lines) >= writer.budget and number >= 2:
            break
    return lines


def goals_part(writer: Writer, spec: dict, used: list[dict], written: int) -> list[Fragment]:
    """A plan's targets in one paragraph: 到2025年底，…；…。"""
    plans = [p for t in pool_topics("business") for p in t["plans"]]
    targets = [render(p, writer.rng, writer.target) for p in writer.pick(plans, writer.rng.randint(3, 6))]
    return [Fragment(f"到{writer.year}年底，") + join(targets, "；") + Fragment("。")]


def prose_part(name: str):
    """A part of number-free prose from report.toml's [prose] list `name`."""
    def part(writer: Writer, spec: dict, used: list[dict], written: int) -> list[Fragment]:
        return [sentence([writer.prose(p) for p in writer.pick(prose_data()[name], 3)])]
    return part


PARTS = {
    "work": work_part, "leadership": leadership_part, "problems": problems_part,
    "plans": plans_part, "goals": goals_part,
    "guidance": prose_part("guidance"), "safeguards": prose_part("safeguards"),
}
