"""Sentence templates → report text with the metrics it states.

A template is prose with subject markers and slots (the language is described at the top of
templates/topics.toml). Rendering draws each figure, writes it the way reports do (2.1万名,
两千余人, 13674.6万元, 百分之九十, 约95%) and records the metric the spec says it is, with
`raw` at its offset in the rendered text, so every generated report carries its own answer key.
"""
from __future__ import annotations

import math
import random
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

import cn2an

TEMPLATES = Path(__file__).resolve().parent / "templates"
TOKEN = re.compile(r"\[(?P<subject>[^\]]+)\]|\{(?P<slot>[^}]+)\}")
RANGE = re.compile(r"^(?P<low>\d+(?:\.\d+)?)-(?P<high>\d+(?:\.\d+)?)$")
RATIO = re.compile(r"^x(?P<low>\d+(?:\.\d+)?)-(?P<high>\d+(?:\.\d+)?)$")
CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
# Characters after which the extractor reads a Chinese numeral as vague (几十个) or merges it.
NO_CHINESE_AFTER = CHINESE_NUMERAL_CHARS + "几数若多第"
TEN_THOUSAND = Decimal(10000)


@cache
def load_data(name: str) -> dict:
    """A TOML file of templates/ (cached: workers load each once)."""
    with open(TEMPLATES / name, "rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class Metric:
    """One expected mention, in the record shape of tests/fixtures/samples/*.jsonl plus the
    offset of `raw` in the generated source text."""

    subject: str
    value: int | float
    unit: str
    raw: str
    qualifier: str | None
    kind: str
    start: int

    def record(self) -> dict:
        return {"subject": self.subject, "value": self.value, "unit": self.unit, "raw": self.raw,
                "qualifier": self.qualifier, "kind": self.kind, "start": self.start}


@dataclass(frozen=True)
class Fragment:
    """Rendered text and the metrics in it (offsets relative to the text)."""

    text: str
    metrics: tuple[Metric, ...] = ()

    def __add__(self, other: Fragment) -> Fragment:
        shift = len(self.text)
        return Fragment(self.text + other.text,
                        self.metrics + tuple(replace(m, start=m.start + shift) for m in other.metrics))


def join(fragments: list[Fragment], separator: str = "") -> Fragment:
    result = Fragment("")
    for index, fragment in enumerate(fragments):
        if index:
            result = result + Fragment(separator)
        result = result + fragment
    return result


@dataclass(frozen=True)
class Slot:
    """A figure in a template: `{万元 50-900 fixed q=约}`."""

    unit: str
    low: Decimal | None = None
    high: Decimal | None = None
    ratio: tuple[float, float] | None = None
    after: bool = False
    total: bool = False
    part: bool = False
    fixed: bool = False
    qualifier: str | None = None  # a forced word, or "none"


@dataclass(frozen=True)
class Context:
    """What a template needs from its report: metric kind, area size, how figures look, and
    the values of the non-metric placeholders ({@year} …)."""

    kind: str
    scale: float
    spaced: bool
    placeholder: Callable[[str, random.Random], str]


@dataclass
class Figure:
    """A drawn figure while it is being written."""

    slot: Slot
    subject: str
    amount: Decimal  # in the unit as written in the template (万元 → ten thousands)
    qualifier: dict | None = None


def parse_slot(spec: str) -> Slot:
    unit, *flags = spec.split()
    if unit not in units():
        raise ValueError(f"unknown unit in slot {{{spec}}}")
    fields: dict = {"unit": unit}
    for flag in flags:
        if match := RANGE.match(flag):
            fields["low"], fields["high"] = Decimal(match["low"]), Decimal(match["high"])
        elif match := RATIO.match(flag):
            fields["ratio"] = (float(match["low"]), float(match["high"]))
        elif flag.startswith("q="):
            fields["qualifier"] = flag[2:]
        elif flag in ("after", "part", "fixed"):
            fields[flag] = True
        elif flag == "sum":
            fields["total"] = True
        else:
            raise ValueError(f"unknown flag {flag!r} in slot {{{spec}}}")
    return Slot(**fields)


@cache
def parse_template(template: str) -> tuple:
    """Literal strings, ("subject", text), ("placeholder", name) and Slot tokens in order."""
    tokens: list = []
    position = 0
    for match in TOKEN.finditer(template):
        if match.start() > position:
            tokens.append(template[position:match.start()])
        if match["subject"]:
            tokens.append(("subject", match["subject"]))
        elif match["slot"].startswith("@"):
            tokens.append(("placeholder", match["slot"]))
        else:
            tokens.append(parse_slot(match["slot"]))
        position = match.end()
    if position < len(template):
        tokens.append(template[position:])
    return tuple(tokens)


def units() -> dict:
    return load_data("numbers.toml")["units"]


def style() -> dict:
    return load_data("numbers.toml")["style"]


def qualifiers() -> list[dict]:
    return load_data("numbers.toml")["qualifier"]


def render(template: str, rng: random.Random, context: Context) -> Fragment:
    """Render one template: draw its figures, then write text and metrics."""
    tokens = parse_template(template)
    figures = draw_figures(tokens, rng, context)
    fragment = Fragment("")
    for index, token in enumerate(tokens):
        if isinstance(token, Slot):
            fragment = fragment + write_figure(figures[index], fragment.text, rng, context)
        elif isinstance(token, tuple) and token[0] == "subject":
            fragment = fragment + Fragment(token[1])
        elif isinstance(token, tuple):
            fragment = fragment + Fragment(context.placeholder(token[1], rng))
        else:
            fragment = fragment + Fragment(token)
    return fragment


def draw_figures(tokens: tuple, rng: random.Random, context: Context) -> dict[int, Figure]:
    """Every slot's figure: drawn, or derived from the figure before it (x1.2-2.5), or the sum
    of the parts after it; qualifiers chosen before derived figures use their amounts."""
    figures: dict[int, Figure] = {}
    previous: Figure | None = None
    for index, token in enumerate(tokens):
        if not isinstance(token, Slot):
            continue
        subject = subject_of(tokens, index)
        if token.ratio and previous:
            amount = (previous.amount * Decimal(rng.uniform(*token.ratio))).quantize(Decimal(1))
            figure = Figure(token, subject, max(amount, Decimal(1)))
        else:
            figure = Figure(token, subject, draw_amount(token, rng, context))
            if not (token.total or token.part):
                figure.qualifier = choose_qualifier(token, tokens[:index], rng, context)
                figure.amount = round_for_qualifier(figure)
        figures[index] = previous = figure
    for index, figure in figures.items():
        if figure.slot.total:
            figure.amount = sum((f.amount for i, f in figures.items() if i > index and f.slot.part),
                                Decimal(0))
    return figures


def subject_of(tokens: tuple, index: int) -> str:
    """The nearest subject marker before the slot, or the one right after it for `after`."""
    slot = tokens[index]
    if slot.after:
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if isinstance(following, tuple) and following[0] == "subject":
            return following[1]
        raise ValueError(f"slot {slot} is marked `after` but no [subject] follows it")
    for token in reversed(tokens[:index]):
        if isinstance(token, tuple) and token[0] == "subject":
            return token[1]
    raise ValueError(f"slot {slot} has no [subject] before it")


def draw_amount(slot: Slot, rng: random.Random, context: Context) -> Decimal:
    """A figure in the slot's written unit: from its range, scaled to the area for counts and
    money, log-uniform over wide ranges, with the unit's usual number of decimals."""
    spec = units()[slot.unit]
    low = slot.low if slot.low is not None else Decimal(str(spec["range"][0]))
    high = slot.high if slot.high is not None else Decimal(str(spec["range"][1]))
    if low == high:
        return low
    if spec["class"] in ("count", "money") and not slot.fixed:
        low, high = low * Decimal(str(context.scale)), high * Decimal(str(context.scale))
    if low > 0 and high / low >= 10:
        value = math.exp(rng.uniform(math.log(low), math.log(high)))
    else:
        value = rng.uniform(float(low), float(high))
    decimals = rng.choice(spec.get("decimals", [0]))
    amount = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return min(amount, Decimal(100)) if spec["class"] == "percent" else amount


def choose_qualifier(slot: Slot, before: tuple, rng: random.Random, context: Context) -> dict | None:
    """A forced qualifier, or now and then one that fits the unit class and the metric kind
    and reads right where the slot stands."""
    if slot.qualifier == "none":
        return None
    if slot.qualifier:
        return next(q for q in qualifiers() if q["word"] == slot.qualifier)
    if rng.random() >= style()["qualifier_share"]:
        return None
    text_before = "".join(t for t in before if isinstance(t, str))
    blocked = {"before"} if text_before.endswith(tuple(style()["linking_verbs"])) else set()
    if slot.after:  # 8个左右乡镇 reads wrong: the subject follows the unit
        blocked.add("after")
    fitting = [q for q in qualifiers()
               if units()[slot.unit]["class"] in q["classes"] and context.kind in q["kinds"]
               and q["position"] not in blocked]
    return rng.choice(fitting) if fitting else None


def round_for_qualifier(figure: Figure) -> Decimal:
    """Approximate figures are round: 约210万元, 1900余人次, 95%以上, 30余次 (not 27余次)."""
    if figure.qualifier is None or figure.qualifier["value"] == "up_to":
        return figure.amount
    if figure.qualifier["position"] == "inside" and figure.amount < 100:
        return max(Decimal(10), round_significant(figure.amount, 1))
    return round_significant(figure.amount, 2)


def round_significant(amount: Decimal, digits: int) -> Decimal:
    if amount < 10:
        return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP).max(Decimal(1))
    exponent = amount.adjusted() - digits + 1
    return amount.scaleb(-exponent).quantize(Decimal(1), rounding=ROUND_HALF_UP).scaleb(exponent)


@dataclass(frozen=True)
class Written:
    """How a figure is written: number, 万/亿 and unit, and the value it stands for."""

    number: str
    multiplier: str
    unit: str
    value: Decimal
    inside_after_multiplier: bool = False  # 5万余人次, while 1000余万元


def write_figure(figure: Figure, text_before: str, rng: random.Random, context: Context) -> Fragment:
    """The figure as report text, [before-qualifier] raw [after-qualifier], and its metric."""
    spec = units()[figure.slot.unit]
    written = write_number(figure, text_before, rng)
    qualifier = figure.qualifier or {}
    position, word = qualifier.get("position"), qualifier.get("word", "")
    inside = word if position == "inside" else ""
    tail = (written.multiplier + inside if written.inside_after_multiplier
            else inside + written.multiplier) + written.unit
    spaced = context.spaced and written.number.isascii()
    raw = f"{written.number} {tail}" if spaced else written.number + tail
    before = word if position == "before" else ""
    lead = " " if spaced else ""
    metric = Metric(subject=figure.subject, value=plain_number(written.value),
                    unit=spec.get("unit", figure.slot.unit), raw=raw,
                    qualifier=qualifier.get("value"), kind=context.kind,
                    start=len(before) + len(lead))
    return Fragment(before + lead + raw + (word if position == "after" else ""), (metric,))


def write_number(figure: Figure, text_before: str, rng: random.Random) -> Written:
    """Pick the writing: 百分之九十, 13674.6万元, 2.1万名, 两千余人, 12,863人 or plain digits."""
    slot, amount = figure.slot, figure.amount
    spec, settings = units()[slot.unit], style()
    inside = bool(figure.qualifier and figure.qualifier["position"] == "inside")
    derived = slot.total or slot.part
    if spec["class"] == "percent":
        if amount == amount.to_integral() and 10 <= amount < 100 \
                and rng.random() < settings["percent_words_share"]:
            return Written("百分之" + chinese_numeral(amount), "", "", amount)
        return Written(decimal_text(amount), "", "%", amount)
    if "factor" in spec:
        multiplier = slot.unit[0]
        return Written(decimal_text(amount), multiplier, slot.unit[1:], amount * spec["factor"])
    if spec["class"] != "count":
        return Written(decimal_text(amount), "", slot.unit, amount)
    if amount >= settings["wan_from"] and not derived and rng.random() < settings["wan_share"]:
        shown = (amount / TEN_THOUSAND).quantize(Decimal(1) if inside else
                                                 Decimal(1).scaleb(-rng.choice([1, 2])))
        return Written(decimal_text(shown), "万", slot.unit, shown * TEN_THOUSAND, inside)
    rounded = bool(figure.qualifier and figure.qualifier["value"] in ("approx", "more_than"))
    if chinese_fits(amount, rounded, text_before) and rng.random() < settings["chinese_share"]:
        return Written(chinese_numeral(amount), "", slot.unit, amount)
    if amount >= 1000 and rng.random() < settings["separator_share"]:
        return Written(f"{int(amount):,}", "", slot.unit, amount)
    return Written(decimal_text(amount), "", slot.unit, amount)


def chinese_fits(amount: Decimal, rounded: bool, text_before: str) -> bool:
    """Reports write small counts (十五个) and round approximate ones (两千余人, 近三百户) in
    words; not after a character that would merge with the numeral or make it vague."""
    if text_before.endswith(tuple(NO_CHINESE_AFTER)) or amount != amount.to_integral():
        return False
    small = 2 <= amount < style()["chinese_below"]
    round_hundreds = rounded and 100 <= amount < 10000 and amount % 100 == 0
    return small or round_hundreds


def chinese_numeral(amount: Decimal) -> str:
    """15 → 十五, 2000 → 两千 (两, not 二, before 百/千/万)."""
    words = cn2an.an2cn(int(amount))
    return "两" + words[1:] if words[:1] == "二" and words[1:2] in ("百", "千", "万") else words


def decimal_text(amount: Decimal) -> str:
    """13674.60 → 13674.6, 1E+2 → 100."""
    return format(amount.normalize(), "f")


def plain_number(value: Decimal) -> int | float:
    """JSON shows 17662, not 17662.0, like the fixtures."""
    return int(value) if value == value.to_integral() else float(value)
