"""Indicators: map a subject to a canonical indicator id (data: indicators.toml), as named rules
tried in order (`INDICATOR_RULES`):

- `synonym`: the normalised subject is a synonym (or the name) of an indicator whose unit
  family takes the figure's unit;
- `population_measure`: the subject, scope and time words left out, is a population's name
  followed by a word of one of its measures (城市低保对象 in 户 → urban 低保 households; 农村
  五保集中供养 in 人; 孤儿基本生活费 per person and month → the allowance standard, in total →
  the funds), data: indicator_populations.toml;
- `flow_synonym`: a synonym of a stock narrowed by a flow (新增 of 新增养老机构护理型床位)
  is that indicator's new ones (`new`, or `_exit` after 取消, 退出, or `rebuilt` after 改扩建)
  where it has them, else none;
- `respelled_synonym`: the subject and a synonym are one in the programmes' one spelling
  (老人 is 老年人, 城镇 is 城市: aliases of indicator_populations.toml);
- `scoped_synonym`: a synonym behind scope words (乡镇(街道)儿童督导员);
- `token_overlap`: the jieba words of the subject overlap a synonym's by three quarters, and
  those left aside say nothing of whose the figure is (a programme, its group, area or care mode);
- `measure_named`: a subject that names its own unit's measure after the thing counted
  (城市低保人数 in 人, a statistical table's row) is matched by the rules above without it.

After them, `programme_money`: a bare 救助金 or 救助资金 after a programme named in its
sentence (临时救助…发放救助金) is that programme's money, so none, never all assistance's
(unless a total word, 共计 or 各类, sums the programmes named); `not_a_rate`: no standard or
average benefit for a sum of 100,000 元 or more; `area_of_sentence`: a whole
programme's standard (低保标准) after its sentence named the programme with one area only
(农村享受低保…) is that area's. When none decided, `counted_money`: a bare
money word (保障资金) right after a clause that counts a population is its money.

When none is sure the answer is None: a wrong indicator is worse than none. A subject whose
front was dropped (检查 of 检查社会组织50家, 新增 of 新增养老床位) is matched with it, since it
narrows what is counted: 检查社会组织 is inspected organisations, 社会组织 alone all of them; such
a subject is no population's measure. So is one after a flow word its figure or a list of
counted things stands behind (新建8个…; 新建A15处、B23处)."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from transforms.lexicon import load_toml, load_words
from transforms.rules import computed_once, first_closing, first_opening
from transforms.rules.subjects import CLAUSE_BREAK, Subject
from transforms.rules.units import same_family, unit_family, unit_kinds


def unit_kind(unit: str) -> str | None:
    return unit_kinds().get(unit)


def unit_family_of(unit: str) -> str:
    return unit_family().get(unit, unit)
from transforms.tokens import PINYIN, TokenStream, cut_phrase

NOISE = re.compile(rf"[\s“”\"'《》()（）的]|{PINYIN}")
MIN_OVERLAP = 0.75
# Confidence of a synonym found once the scope words in front are left out (乡镇(街道)儿童督导员).
SCOPED = 0.9


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    unit: str
    synonyms: tuple[str, ...]
    population: str | None = None
    measure: str | None = None
    new: str | None = None  # the indicator of the new ones (新增, 新登记): this id + "_new" unless named
    # the indicator of those built or rebuilt (改扩建, 新建、扩建): none unless named
    rebuilt: str | None = None


@cache
def indicators() -> tuple[Indicator, ...]:
    return tuple(Indicator(row["id"], row["name"], row["unit"], tuple(row["synonyms"]),
                           row.get("population"), row.get("measure"), row.get("new", row["id"] + "_new"),
                           row.get("rebuilt"))
                 for row in load_toml("indicators.toml")["indicator"])


# ---- populations and measures ------------------------------------------------------------

@cache
def _structure() -> tuple[list[tuple[str, str]], dict, dict[tuple[str, str], Indicator], dict[str, tuple[str, ...]]]:
    """(population names longest first with their population, measures, indicator of each
    population and measure, extra money words of each population)."""
    table = load_toml("indicator_populations.toml")
    names = sorted({(respelled(name), row["id"]) for row in table["population"] for name in row["names"]},
                   key=lambda pair: (-len(pair[0]), pair))
    money = {row["id"]: _money_words(table, row) for row in table["population"]}
    index = {(i.population, i.measure): i for i in indicators() if i.population}
    return names, table["measure"], index, money


def _money_words(table: dict, row: dict) -> tuple[str, ...]:
    """A population's money words: the shared list its `money_list` names (one list for the
    children's allowance of orphans and de facto orphans), then its own `money`."""
    shared = table["money_lists"][row["money_list"]] if "money_list" in row else ()
    return (*shared, *row.get("money", ()))


def _in_units(unit: str, units: list[str]) -> bool:
    return any(same_family(unit, u) and (unit_kind(unit) != "count" or unit_family_of(unit) == unit_family_of(u))
               for u in units)


@cache
def _spellings() -> tuple[re.Pattern, dict[str, str]]:
    pairs = dict(load_toml("indicator_populations.toml")["aliases"]["spellings"])
    return re.compile("|".join(map(re.escape, sorted(pairs, key=len, reverse=True)))), pairs


def respelled(phrase: str) -> str:
    """A programme's name in one spelling (城镇居民最低生活保障 → 城市低保; data: `aliases` of
    indicator_populations.toml)."""
    pattern, pairs = _spellings()
    return pattern.sub(lambda m: pairs[m.group()], phrase)


@cache
def population_measure(phrase: str, unit: str, per_person: bool) -> Indicator | None:
    """The indicator of the population a phrase names and the measure that follows its name;
    a phrase opening with 人均 (人均低保金, 月人均低保补助) names what one recipient gets."""
    phrase = _without_scope_words(respelled(phrase))
    opening = next((w for w in load_toml("indicator_populations.toml")["average"]["openings"]
                    if phrase.startswith(w)), None)
    if opening:
        return _average_of(phrase[len(opening):], unit)
    receiving = load_toml("indicator_populations.toml")["receiving"]
    opening = next((w for w in receiving["openings"] if phrase.startswith(w) and len(phrase) > len(w)), None)
    if opening:  # 享受城市低保待遇家庭: those who get it, 待遇 left out after the name
        return _population_measure(phrase[len(opening):], unit, per_person, tuple(receiving["after_name"]))
    if unit_kind(unit) == "count":  # 五保待遇人数: those counted by the benefit are those who get it
        return _population_measure(phrase, unit, per_person, tuple(receiving["after_name"]))
    return _population_measure(phrase, unit, per_person)


def _average_of(phrase: str, unit: str) -> Indicator | None:
    """人均 + a population's money (average benefit) or its standard (standard)."""
    found = _population_measure(phrase, unit, True)
    if found is None or found.measure not in ("standard", "average_benefit"):
        return None
    if found.measure == "standard" and not _names_standard(phrase):
        _, _, index, _ = _structure()
        return index.get((found.population, "average_benefit"))
    return found


def _names_standard(phrase: str) -> bool:
    return any(word and phrase.endswith(word) for word in _structure()[1]["standard"]["words"])


def _population_measure(phrase: str, unit: str, per_person: bool, after_name: tuple[str, ...] = ()) -> Indicator | None:
    names, measures, index, money = _structure()
    rates = load_toml("indicator_populations.toml")["rates"]
    found = []
    for name, population in names:
        if not phrase.startswith(name):
            continue
        rest = phrase[len(name):]
        rest = next((rest[len(w):] for w in after_name if rest.startswith(w)), rest)
        for measure, table in measures.items():
            indicator = index.get((population, measure))
            if indicator is None or not _in_units(unit, table["units"]):
                continue
            words = set(table["words"])
            # (城市低保对象月人均补差: the recipients' word before what each gets says the same)
            holder = first_opening(rest, tuple(rates["holders"]), longer=True) if measure in rates["measures"] else None
            said = rest[len(holder):] if holder else rest
            if measure == "persons":  # 孤儿基本生活费13人: the orphans who got it
                words |= set(money[population]) | set(_population_rows()[population].get("members", ()))
            if table.get("counted"):  # 床位数, 家庭数, 集中供养总数: the count of what the word names
                words |= {word + count for word in words for count in COUNT_WORDS}
            if measure == "funds":
                said = _without_act(rest, table.get("acts", ()))
                words |= _compound_money_words()
                # its own money's name before a money word: 基本生活保障(金) + 支出
                words |= set(money[population]) | {m[:-1] + w for m in money[population] if m[-1:] in "金费"
                                                   for w in table["words"] if w}
                if per_person:
                    continue
            if measure == "standard":
                # its own money's name before a standard's word (基本生活费 + 标准), either after
                # the period the rate is for (年供养标准)
                named = {*table["words"], *(m + w for m in money[population] if m for w in table["words"])}
                words |= named | {period + w for period in table["periods"] for w in named}
                words |= set(money[population]) | (set(table["per_person"]) if per_person else set())
                if not per_person and rest in set(table["per_person"]) | set(money[population]):
                    continue
            if said in words:
                found.append(indicator)
        if found:
            break  # the longest name that opens the phrase decides
    return found[0] if len(found) == 1 else None


@cache
def _compound_money_words() -> frozenset[str]:
    """One sum named by two money words, either opening with 总 (资金支出, 总支出, 支出资金)."""
    words = [w for w in _structure()[1]["funds"]["words"] if w]
    single = [*words, *("总" + w for w in words)]
    return frozenset({"总" + w for w in words} | {a + b for a in single for b in single if a != b})


def _without_act(rest: str, acts: list[str]) -> str:
    """A money word after what was done with the money (落实资金, 累计支出 → 资金, 支出)."""
    act = next((a for a in sorted(acts, key=len, reverse=True) if rest.startswith(a) and rest != a), None)
    return rest[len(act):] if act else rest


def _structured(subject: Subject, unit: str, per_person: bool) -> Indicator | None:
    """A population's measure; one narrowed by a flow (新增 of 新增敬老院床位, or opening the
    subject: 新注册社会团体) is that measure's new ones, one narrowed by anything else none."""
    text, flow = normalise(subject.text), normalise(subject.narrowed_by or "")
    new_words = load_toml("indicator_populations.toml")["new_words"]
    exit_words = load_toml("indicator_populations.toml")["exit_words"]
    flows = (*new_words, *exit_words)
    opening = first_opening(text, flows)
    if opening and not flow:
        text, flow = text[len(opening):], opening
    closing = first_closing(text, flows, longer=True)
    if closing and not flow:  # 城市低保户新增 (a statistical line's order) is 新增城市低保户
        text, flow = text[:-len(closing)], closing
    own = first_opening(text, tuple(load_toml("indicator_populations.toml")["own_acts"]))
    if own and not flow:  # 供养五保对象 as 供养 of 五保对象: what the programme does, glued in front
        text, flow = text[len(own):], own
    found = population_measure(text, unit, per_person)
    if found is None or not flow:
        return found
    if flow in new_words or flow in exit_words or _building(flow):
        return _sibling(found, flow)
    if found.measure == "funds" and flow in _money_acts():
        return found  # 年发 of 年发低保资金: what is done with money is no part of it
    if found.measure in ("persons", "households", "cases") and flow in load_toml(
            "indicator_populations.toml")["own_acts"]:
        return found  # 救助 of 救助城市低保对象: what the programme does to them
    return None


@cache
def _money_acts() -> frozenset[str]:
    return frozenset(load_toml("indicator_populations.toml")["measure"]["funds"]["acts"])


@cache
def _leading_scope() -> re.Pattern:
    words = sorted({*load_words("indicator_scope_words.txt")}, key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, words))})+")


def _without_scope_words(phrase: str) -> str:
    """A phrase without the scope words in front of the population it names; one that opens with
    a population's name keeps it whole, though it opens like a scope word (居民低保标准: 居)."""
    if len(phrase) <= 2 or any(phrase.startswith(name) for name, _ in _structure()[0]):
        return phrase
    return _leading_scope().sub("", phrase)


def normalise(phrase: str) -> str:
    return NOISE.sub("", phrase)


@cache
def _by_synonym() -> dict[str, list[Indicator]]:
    table: dict[str, list[Indicator]] = {}
    for indicator in indicators():
        for synonym in (indicator.name, *indicator.synonyms):
            table.setdefault(normalise(synonym), []).append(indicator)
    return table


@cache
def _synonyms_by_token(unit: str) -> dict[str, list[tuple[frozenset[str], Indicator]]]:
    """token → the synonyms (as token sets) holding it, of the indicators `unit` may measure."""
    table: dict[str, list[tuple[frozenset[str], Indicator]]] = {}
    for indicator in indicators():
        if not same_family(indicator.unit, unit):
            continue
        for synonym in {indicator.name, *indicator.synonyms}:
            words = frozenset(cut_phrase(normalise(synonym)))
            for word in words:
                table.setdefault(word, []).append((words, indicator))
    return table


def _exact(key: str, unit: str) -> Indicator | None:
    return next((i for i in _by_synonym().get(key, []) if same_family(i.unit, unit)), None)


@cache
def _by_respelled_synonym() -> dict[str, list[Indicator]]:
    table: dict[str, list[Indicator]] = {}
    for indicator in indicators():
        for synonym in (indicator.name, *indicator.synonyms):
            table.setdefault(respelled(normalise(synonym)), []).append(indicator)
    return table


def _rule_respelled_synonym(a: Asked) -> tuple[Indicator, float] | None:
    """The subject and a synonym both in the programmes' one spelling (aliases of
    indicator_populations.toml): 特殊困难老人家庭适老化改造 is 特殊困难老年人家庭适老化改造."""
    if a.subject.narrowed_by:
        return None
    key = respelled(normalise(a.subject.text))
    found = next((i for i in _by_respelled_synonym().get(key, []) if same_family(i.unit, a.unit)), None)
    if found is None or (a.per_person and found.measure == "funds"):
        return None
    return found, 1.0


@cache
def _scope_words() -> frozenset[str]:
    return frozenset(load_words("indicator_scope_words.txt"))


def _without_scope(words: list[str]) -> str:
    while words and words[0] in _scope_words():
        words = words[1:]
    return "".join(words)


# Confidence of an indicator found from a population and its measure.
STRUCTURED = 0.95


def match_indicator(subject: Subject | None, unit: str, stream: TokenStream | None = None,
                    per_person: bool = False) -> tuple[str | None, float]:
    """(indicator id, confidence in 0…1) for a subject measured in `unit`: 1 for a synonym,
    0.95 for a population's measure, 0.9 for a synonym behind scope words, else the best token
    overlap if it reaches 0.75. `per_person` says the figure is a rate per person (每人每月…),
    which makes money a standard. The subject's words are the document's (`stream`) where it
    knows its place."""
    indicator, confidence, _ = match_indicator_traced(subject, unit, stream, per_person)
    return indicator, confidence


@dataclass(frozen=True)
class Asked:
    """What the indicator rules read: the subject, the figure's unit and whether it is a rate
    per person, the document's words."""

    subject: Subject
    unit: str
    per_person: bool
    stream: TokenStream | None

    @property
    def key(self) -> str:
        return normalise((self.subject.narrowed_by or "") + self.subject.text)

    @computed_once
    def words(self) -> list[str]:
        return [w for w in map(normalise, self.subject.words(self.stream)) if w]


def _rule_synonym(a: Asked) -> tuple[Indicator, float] | None:
    exact = _exact(a.key, a.unit)
    if exact is None and normalise(a.subject.narrowed_by or "") in _money_acts():
        exact = _exact(normalise(a.subject.text), a.unit)  # 发放 of 发放低保金
        exact = exact if exact and _a_total(exact) else None
    if exact and not (a.per_person and exact.measure == "funds"):  # 每人每月1650元 is no total
        return exact, 1.0
    return None


def _rule_flow_synonym(a: Asked) -> tuple[Indicator, float] | None:
    found = _flow_sibling(a)
    return (found, 1.0) if found else None


def _flow_sibling(a: Asked) -> Indicator | None:
    """A synonym narrowed by a flow (新增 of 新增养老机构护理型床位, 取消 of 取消低保对象; or a
    subject opening with one) is its indicator's new ones (`new`) or those who left (`_exit`),
    where that indicator exists; none otherwise: the stock is not what was counted."""
    text, flow = normalise(a.subject.text), normalise(a.subject.narrowed_by or "")
    flows = load_toml("indicator_populations.toml")
    if not flow:
        words = (*flows["new_words"], *flows["exit_words"])
        flow = first_opening(text, words, longer=True) or ""
        text = text[len(flow):]
    # (a synonym behind scope words too: 新建|街道|养老服务站)
    stock = (_exact(text, a.unit) or _exact(_without_scope(cut_phrase(text)), a.unit)) if flow else None
    return _sibling(stock, flow) if stock else None


def _sibling(stock: Indicator, flow: str) -> Indicator | None:
    """What a flow word counts of a stock: its new ones (`new`) after a new word, those who left
    (`<id>_exit`) after an exit word, those built or rebuilt (`rebuilt`) after building words;
    None where that indicator does not exist."""
    flows = load_toml("indicator_populations.toml")
    sibling = (stock.new if flow in flows["new_words"] else stock.id + "_exit" if flow in flows["exit_words"]
               else stock.rebuilt if _building(flow) else None)
    return _indicator_by_id().get(sibling) if sibling else None


def _building(flow: str) -> bool:
    """Whether a flow says what was built or rebuilt (改扩建, 新建、扩建, 进行了改扩建 of 对4处敬老院
    进行了改扩建): building words only, one at least a rebuilding one (data: `rebuild_words`)."""
    table = load_toml("indicator_populations.toml")
    parts = re.split(r"[、和及或]", re.sub(r"^进行了?", "", flow))
    return (all(part in table["rebuild_words"] or part in table["new_words"] for part in parts)
            and any(part in table["rebuild_words"] for part in parts))


@cache
def _indicator_by_id() -> dict[str, Indicator]:
    return {indicator.id: indicator for indicator in indicators()}


def _rule_population(a: Asked) -> tuple[Indicator, float] | None:
    found = _structured(a.subject, a.unit, a.per_person)
    other = _named_for_another(a, found) if found else None
    if other:  # 孤儿740人，其中集中供养157人: the orphans' 集中供养, when it has a population
        found = _structured(Subject(a.subject.text + other, a.subject.narrowed_by), a.unit, a.per_person)
    if (found and found.measure == "funds" and "" not in _structure()[3][found.population]
            and _names_only(a.subject.text) and not _money_follows(a)):
        return None  # (a population named by its money, 高龄津贴, says it wherever it stands)
    return (found, STRUCTURED) if found else None


def _named_for_another(a: Asked, found: Indicator) -> str | None:
    """The word of another programme (孤儿) when a population is named by words it shares with
    it (集中供养, of 特困人员 or of orphans) in a sentence whose last programme named before the
    subject is that other one (孤儿740人，其中集中供养157人); else None."""
    row = _population_rows().get(found.population or "", {})
    if not row.get("shared_with") or a.stream is None or not a.subject.spans:
        return None
    start = a.subject.spans[0][0]
    if any(word in a.stream.text[start:a.subject.spans[-1][1]] for word in row["own"]):
        return None
    sentence = _sentence_before(a)
    other = max(row["shared_with"], key=sentence.rfind)
    return other if sentence.rfind(other) > max(sentence.rfind(w) for w in row["own"]) else None


@cache
def _population_rows() -> dict[str, dict]:
    return {row["id"]: row for row in load_toml("indicator_populations.toml")["population"]}


def _names_only(phrase: str) -> bool:
    """Whether a phrase is a population's name and nothing else (城市低保, 五保供养)."""
    phrase = _without_scope_words(respelled(normalise(phrase)))
    return any(phrase == name for name, _ in _structure()[0])


# A sum written right after the name it is the sum of (城市低保4.9亿元, 临时救助15万元), or after
# the count of those it went to (临时救助5人、17940元, or with no mark between: 临时救助952人次340.5万元), or a
# table row's name before its unit column (最低生活保障 | 万元 | …).
MONEY_NEXT = re.compile(rf"(?:{PINYIN})?"
                        r"(?:[0-9.]+万?(?:人次|户次|人|户|名)[、，,]?)?"  # 临时救助5人、17940元: its count, then its sum
                        r"(?:[共计为达约]{0,2}[:：]?\s*"
                        r"[0-9０-９.,，零〇一二三四五六七八九十百千两]+\s*[万亿萬億]*\s*元|[\s|]*[万亿]?元[\s|])")
# A table row's name, at the start of its line, before a unit column in money.
MONEY_COLUMN = r"(?m)^[\s|]*(?:[(（]?[0-9一二三四五六七八九十]+[)）.、]|[A-Z]|[IVX]+)?\s*{name}[\s|]+[万亿]?元[\s|]"


def _money_follows(a: Asked) -> bool:
    """A population's name alone measures money only where the sum follows it at once: a name
    the figure inherits from an earlier one (低保979户… 拨款金额1068534元) or one with words
    between (城市低保累计提高60元, a change of its standard) says nothing of a sum, nor does a
    phrase known without its place in a document (城镇低保 for 565元 may be the standard). A
    table row's name (no place of its own) measures money where its row gives a unit in 元."""
    if a.stream is None:
        return False
    if not a.subject.spans:
        return bool(re.search(MONEY_COLUMN.format(name=re.escape(a.subject.text)), a.stream.text))
    end = a.subject.spans[-1][1]
    return bool(MONEY_NEXT.match(a.stream.text, end))


def _rule_scoped_synonym(a: Asked) -> tuple[Indicator, float] | None:
    found = _exact(_without_scope(a.words), a.unit)
    return (found, SCOPED) if found else None


def _rule_overlap(a: Asked) -> tuple[Indicator, float] | None:
    """Not for a subject narrowed by what was dropped from its front, a flow or any other act
    (新增集中供养五保对象 is no stock of them, 走访慰问低保边缘户 those visited): the words left out
    of a three-quarter overlap could be the very words that narrow it. Nor for a population's name
    alone (社会散居孤儿 in 元), which `population_measure` decides: the measure it leaves unsaid
    (a standard or a sum) is no word an overlap may add."""
    if normalise(a.subject.narrowed_by or "") or _names_only(a.subject.text):
        return None
    return _best_overlap(frozenset(a.words), a.unit)


@cache
def _best_overlap(words: frozenset[str], unit: str) -> tuple[Indicator, float] | None:
    best, score = None, 0.0
    for word in words:
        for synonym_words, indicator in _synonyms_by_token(unit).get(word, []):
            overlap = len(words & synonym_words) / len(words | synonym_words)
            if overlap > score and _same_owner(words, synonym_words, indicator) and not _rate_left_aside(
                    words - synonym_words, indicator):
                best, score = indicator, overlap
    return (best, score) if best and score >= MIN_OVERLAP else None


def _same_owner(words: frozenset[str], synonym_words: frozenset[str], indicator: Indicator) -> bool:
    """Whether the words an overlap leaves aside keep whose the figure is: no word of the synonym
    names a programme, group, area or care mode the subject leaves unsaid (月人均补助水平 is
    nobody's, 供养五保对象 no 集中供养五保对象), no word of the subject's own names an area or
    mode, and each that names a programme is in one of the indicator's own names (data:
    `overlap` of indicator_populations.toml)."""
    table = load_toml("indicator_populations.toml")["overlap"]
    if any(w in word for word in synonym_words - words
           for w in (*table["whose"], *table["areas"], *table["modes"])):
        return False
    extra = words - synonym_words
    if any(w in word for word in extra for w in (*table["areas"], *table["modes"])):
        return False
    own = _own_names(indicator.id)
    return all(word in own for word in extra if any(w in word for w in table["whose"]))


def _rate_left_aside(extra: frozenset[str], indicator: Indicator) -> bool:
    """Whether the subject's words an overlap leaves aside say the figure is a rate per head
    (标准, 人均: data `rates` of `overlap`) while the indicator is a sum: 孤儿和事实无人抚养儿童基本
    生活费标准 is no amount of that allowance."""
    rates = load_toml("indicator_populations.toml")["overlap"]["rates"]
    return _a_total(indicator) and any(rate in word for word in extra for rate in rates)


@cache
def _own_names(indicator_id: str) -> str:
    """An indicator's name, synonyms and its population's names, one a line."""
    indicator = _indicator_by_id()[indicator_id]
    population = _population_rows().get(indicator.population or "", {})
    return "\n".join((indicator.name, *indicator.synonyms, *population.get("names", ())))


def _a_total(indicator: Indicator) -> bool:
    """Whether an indicator is a sum of money (funds), which a figure per person never is."""
    return indicator.measure == "funds" or (
        indicator.measure is None and indicator.unit == "元" and not any(
            word in indicator.name for word in ("标准", "人均", "补差", "水平")))


def _with_flow_before(subject: Subject, stream: TokenStream | None, before: str = "") -> Subject:
    """A subject right after a flow word it left out (新纳入 of 新纳入城乡低保对象415人) is
    narrowed by it: those counted are the new ones, never the whole stock. So is one whose figure
    stands between it and an act the subject rules would have kept aside had it stood next to it
    (抽查检查104家社会组织 as 抽查检查社会组织104家; 新建、扩建6家敬老院: those built or rebuilt).
    A subject rebuilt without its place in the text (…中心(站)) is read from `before`, the
    sentence up to its figure: a flow word closing it counts what the figure counts (新建|50个…)."""
    if subject.narrowed_by or stream is None:
        return subject
    if not subject.spans:
        flow = first_closing(before[-16:].removesuffix("成").removesuffix("了"), _flow_words())
        # (unless the subject holds it already: 低保退出 of …，退出77户)
        return Subject(subject.text, flow) if flow and flow not in subject.text else subject
    start = subject.spans[0][0]
    # the figure may stand between the flow word and what it counts (新建成8个居家养老服务站)
    text = stream.text[max(0, start - 16):start]
    before = FIGURE_AT_END.sub("", text)
    if text.endswith("新") and (glued := first_opening("新" + subject.text, _new_words(), longer=True)):
        # 新|注册社会团体: the subject keeps the verb its 新 was dropped from (session-36 rulings),
        # the flow is the two together
        return Subject(subject.text[len(glued) - 1:], glued)
    done = before.removesuffix("成").removesuffix("了")  # 新建成, 新增了
    flow = first_closing(done, _flow_words())
    if flow is None and before != text:  # (已建成9个…中心: those that exist, 建成 being no act)
        acts = _acts_at_end().search(before)
        flow = acts.group() if acts else None
    if flow is None:
        flow = _list_flow(stream.text[max(0, start - 80):start])
    return Subject(subject.text, flow) if flow else subject


def _list_flow(text: str) -> str | None:
    """The flow word that opens a list of counted things the subject ends (新建养老服务站6个、日间
    照料中心…: the centres are new ones too; 新纳入低保对象2100人、特困人员…): each item, a thing
    and its count parted by 、, is narrowed by it as the first is."""
    clause = CLAUSE_BREAK.split(text)[-1]
    found = _list_flow_pattern().search(clause)
    return found.group("flow") if found else None


@cache
def _list_flow_pattern() -> re.Pattern:
    flows = "|".join(map(re.escape, _new_words()))
    return re.compile(rf"(?P<flow>{flows})(?:[^、\d]{{1,20}}?[0-9.]+\s*万?\s*[\u4e00-\u9fff]{{1,2}}、)+$")


@cache
def _acts_at_end() -> re.Pattern:
    """Acts that narrow what is counted (data: subject_verbs.txt, and the flows), one or several
    (抽查检查, or joined by 、, 和, 及: 新建、扩建), at the end of a text."""
    words = sorted({*load_words("subject_verbs.txt"), *_new_words()}, key=len, reverse=True)
    act = "|".join(map(re.escape, words))
    return re.compile(rf"(?:{act})(?:[、和及]?(?:{act}))*$")


# a figure and its one-character unit right before a subject (…8个 of 新建成8个服务站, 三个 of
# 取消三个敬老院)
FIGURE_AT_END = re.compile(r"(?:[\d.,]+|[一二三四五六七八九十两]+)\s*[万亿]?[\u4e00-\u9fff]?$")


@cache
def _new_words() -> tuple[str, ...]:
    return tuple(sorted(load_toml("indicator_populations.toml")["new_words"], key=len, reverse=True))


@cache
def _flow_words() -> tuple[str, ...]:
    """The flows in and out (新增, 取消 of 取消3个敬老院), longest first."""
    flows = load_toml("indicator_populations.toml")
    return tuple(sorted((*flows["new_words"], *flows["exit_words"]), key=len, reverse=True))


@dataclass(frozen=True)
class IndicatorRule:
    name: str
    find: Callable[[Asked], tuple[Indicator, float] | None]


def _rule_measure_named(a: Asked) -> tuple[Indicator, float] | None:
    """城市低保人数 in 人, 低保户数 in 户 (a statistical table's row names): the subject names its
    own measure after the thing counted; the thing counted, in that unit, is the indicator's. So
    does a count's word after a name the table has exactly (养老机构数 in 个, 社会组织数量). What
    narrows the subject narrows the thing counted too (新增 of 新增低保人数: the new ones)."""
    text = a.subject.text
    measure = a.unit + "数"
    if text.endswith(measure) and len(text) - len(measure) >= 2:
        stem = Asked(Subject(text[:-len(measure)], a.subject.narrowed_by), a.unit, a.per_person, None)
        return next((found for rule in INDICATOR_RULES[:-1] if (found := rule.find(stem))), None)
    # 养老机构数 in 个, 社会组织数量 in 家: the thing counted, named exactly, with its count's word
    counted = next((w for w in COUNT_WORDS if text.endswith(w) and len(text) - len(w) >= 2), None)
    if counted is None or unit_kind(a.unit) != "count":
        return None
    stem = Asked(Subject(text[:-len(counted)], a.subject.narrowed_by), a.unit, a.per_person, None)
    return next((found for rule in EXACT_RULES if (found := rule.find(stem))), None)


INDICATOR_RULES = (
    IndicatorRule("synonym", _rule_synonym),
    IndicatorRule("population_measure", _rule_population),
    IndicatorRule("flow_synonym", _rule_flow_synonym),
    IndicatorRule("respelled_synonym", _rule_respelled_synonym),
    IndicatorRule("scoped_synonym", _rule_scoped_synonym),
    IndicatorRule("token_overlap", _rule_overlap),
    IndicatorRule("measure_named", _rule_measure_named),
)
# The rules that match a name as it is (no overlap of words): a count's word left out leaves it whole.
EXACT_RULES = tuple(rule for rule in INDICATOR_RULES if rule.name in ("synonym", "respelled_synonym", "scoped_synonym"))
COUNT_WORDS = ("总数", "数量", "数")


def match_indicator_traced(subject: Subject | None, unit: str, stream: TokenStream | None = None,
                           per_person: bool = False, before: str = "",
                           value: float | None = None) -> tuple[str | None, float, str]:
    """match_indicator with the name of the rule that decided (`none` when none did); `before`
    is the figure's sentence up to it, `value` the figure's value in its unit where known."""
    if subject is None:
        return None, 0.0, "none"
    if unit in load_toml("indicator_populations.toml")["rate_difference_units"]:
        return None, 0.0, "not_the_level"  # 高于全区54个百分点: a gap between two rates
    asked = Asked(_with_flow_before(subject, stream, before), unit, per_person, stream)
    for rule in INDICATOR_RULES:
        found = rule.find(asked)
        if found and not (per_person and _a_total(found[0])):  # 按人均15元筹集救助资金 is no total
            if _programme_money(subject, before):
                return None, 0.0, "programme_money"
            if _beyond_a_rate(found[0], value):
                return None, 0.0, "not_a_rate"
            part = _area_part(asked, found[0])
            if part is not None:
                return part.id, STRUCTURED, "area_of_sentence"
            return found[0].id, found[1], rule.name
    counted = _counted_money(asked, stream)
    if counted and not per_person:
        return counted.id, STRUCTURED, "counted_money"
    return None, 0.0, "none"


def _area_part(a: Asked, found: Indicator) -> Indicator | None:
    """The area's standard (农村低保标准) for a whole programme's standard (低保标准) when the
    subject names no area and its sentence, before it, names the programme with one area only,
    never with 城乡 (农村享受低保…人，低保标准由800元/年…): a standard is set for each area apart
    (the 城乡 pairs split into 城市…标准 and 农村…标准, session 21), so the sentence's area is the
    standard's (§5's completion from the sentence). None when nothing narrows it or that area has
    no standard."""
    parts = _area_parts().get(found.population or "")
    if found.measure != "standard" or not parts or a.stream is None or not a.subject.spans:
        return None
    own = respelled(normalise((a.subject.narrowed_by or "") + a.subject.text))
    if any(area in own for area in (*_areas(), "城乡")):
        return None
    names = _part_names(found.population)
    named = {names[1].get(m.group(), found.population) for m in names[0].finditer(respelled(_sentence_before(a)))}
    if len(named) != 1 or found.population in named:
        return None
    return _structure()[2].get((named.pop(), found.measure))


def _sentence_before(a: Asked) -> str:
    """The subject's sentence (up to 。 or a line's end) before the subject."""
    before = a.stream.text[:a.subject.spans[0][0]]
    return before[max(before.rfind("。"), before.rfind("\n")) + 1:]


@cache
def _areas() -> tuple[str, ...]:
    return tuple(load_toml("indicator_populations.toml")["overlap"]["areas"])


@cache
def _area_parts() -> dict[str, dict[str, str]]:
    """Each whole programme's area parts: {whole: {part's name: part}}; a population is an area's
    part of another when one of its names is an area word before one of the other's (城市低保)."""
    names, _, _, _ = _structure()
    by_population: dict[str, set[str]] = {}
    for name, population in names:
        by_population.setdefault(population, set()).add(name)
    parts: dict[str, dict[str, str]] = {}
    for whole, whole_names in by_population.items():
        for part, part_names in by_population.items():
            for name in part_names if part != whole else ():
                if any(name == respelled(area) + w for area in _areas() for w in whole_names):
                    parts.setdefault(whole, {}).update({n: part for n in part_names})
    return parts


@cache
def _part_names(population: str) -> tuple[re.Pattern, dict[str, str]]:
    """A pattern of the names of a whole programme's area parts and of its names with 城乡 (城乡低保:
    the whole again, which leaves the standard the whole's), and each part's by its name."""
    parts = _area_parts()[population]
    whole = [name for name, owner in _structure()[0] if owner == population and name.startswith("城乡")]
    return re.compile("|".join(map(re.escape, sorted((*parts, *whole), key=len, reverse=True)))), parts


def _beyond_a_rate(indicator: Indicator, value: float | None) -> bool:
    """Whether a figure is too large for what one person gets (a standard, an average benefit):
    a sum the subject rules named after a standard of its sentence (每月多投入86万余元 after 农村低保月
    人均补助由48元提高到60元). Data: `most` of `[rates]`, indicator_populations.toml."""
    return (value is not None and indicator.unit == "元" and not _a_total(indicator)
            and value >= load_toml("indicator_populations.toml")["rates"]["most"])


# counts of people or households at the end of a text (35247人, 575户1072人, 12户、30人)
COUNTS_AT_END = re.compile(r"(?:[0-9.]+\s*万?\s*(?:户|人|名)[、，,]?\s*)+$")
# dates, spans of months and periods opening a clause (1-4月, 2021年, 上半年, 一季度)
LEADING_DATE = re.compile(r"^(?:(?:[0-9]+[-—~～至]?)+(?:年|月|日|季度)份?|[上下]半年|全年|今年|去年|本年|年内"
                          r"|(?:前|第)?[一二三四1-4]季度)+")


def _counted_money(a: Asked, stream: TokenStream | None) -> Indicator | None:
    """A bare word for money (保障资金, 发放金额: data `counted_money`) right after a clause that
    counts a population, or names it before an act on money, is that population's money: the sum
    paid to those just counted (城市低保对象1.2万户，支付保障金…; 享受两项补贴的369人，发放金额…;
    城市低保发放保障金…). The clause must be the population's name and nothing else but scope
    words, 享受 and a word for its people or households: those visited (走访慰问低保户80户，发放资金…)
    got other money."""
    table = load_toml("indicator_populations.toml")
    subject = a.subject
    if (normalise(subject.text) not in table["counted_money"]["words"] or subject.narrowed_by
            or stream is None or not subject.spans or not _in_units(a.unit, ["元"])):
        return None
    head = stream.text[max(0, subject.spans[0][0] - 60):subject.spans[0][0]].rstrip()
    # (the front of the money's own name the subject left out: 保障 of 保障|资金)
    fronts = (w[:-len(subject.text)] for w in table["counted_money"]["words"]
              if len(w) > len(subject.text) and w.endswith(subject.text))
    front = next((f for f in fronts if head.endswith(f)), "")
    head = head[:len(head) - len(front)]
    act = first_closing(head, tuple(sorted(table["measure"]["funds"]["acts"], key=len, reverse=True))) or ""
    head = head[:len(head) - len(act)].rstrip(" ,，、")
    counts = COUNTS_AT_END.search(head)
    if counts:
        head = head[:counts.start()]
    if not (act or counts):
        return None
    who = _without_scope_words(LEADING_DATE.sub("", normalise(CLAUSE_BREAK.split(head)[-1])))
    who = next((who[len(w):] for w in table["receiving"]["openings"] if who.startswith(w)), who)
    who = _without_scope_words(respelled(who))
    names, measures, index, _ = _structure()
    tails = {*measures["persons"]["words"], *measures["households"]["words"], "人数", "户数",
             *table["receiving"]["after_name"]}
    population = next((population for name, population in names
                       if who.startswith(name) and who[len(name):] in tails), None)
    return index.get((population, "funds")) if population else None


def _programme_money(subject: Subject, before: str) -> bool:
    """A bare word for assistance money after a programme named in its sentence: that
    programme's money, not all assistance (data: `programme_money` of indicator_populations.toml).
    Scope words in front leave it bare (困难群众救助金: those every programme serves)."""
    table = load_toml("indicator_populations.toml")["programme_money"]
    if _without_scope_words(normalise(subject.text)) not in table["words"] or subject.narrowed_by:
        return False
    if not any(programme in before for programme in _money_programmes()):
        return False
    clause = CLAUSE_BREAK.split(before)[-1]
    return not any(total in clause for total in table["totals"])


@cache
def _money_programmes() -> tuple[str, ...]:
    """The names of the programmes whose money a bare 救助金 may be: their populations' names, and
    the programmes the table has no population for."""
    table = load_toml("indicator_populations.toml")["programme_money"]
    return (*(name for population in table["populations"] for name in _population_rows()[population]["names"]),
            *table["other_programmes"])


def indicator_of_phrase(phrase: str, unit: str, per_person: bool = False) -> str | None:
    """The indicator a written phrase names for a figure in `unit`, or None."""
    return match_indicator(Subject(phrase), unit, per_person=per_person)[0]
