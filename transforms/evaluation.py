"""Scoring extracted mentions against gold annotations made to the metric spec.

A predicted mention matches a gold one of the same document when value and unit agree; among
several candidates the one whose offset is nearest wins, once the offsets are corrected by the
shift text cleaning put between the two (the median over values found once on each side).
Subject, qualifier, kind and — where the gold gives one — period are then compared on the
matched pairs only; so are the recall of targets and of qualifiers (of the gold figures that are
targets or carry a qualifier, the share the extractor read so), and the indicators of core
civil-affairs figures (data: core_figures.toml): how many were given one, and which mappings
look wrong because the indicator is of another family, unit or measure than the figure.

Document metadata is scored field by field (`score_metadata`); agencies compare without
redaction marks, which the gold leaves out (`*区民政局` is 区民政局)."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from statistics import median

from transforms.lexicon import load_toml
from transforms.rules.indicators import indicator_of_phrase, indicators, normalise
from transforms.rules.units import same_family
from transforms.simplify import to_simplified


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    subject_agree: int = 0
    qualifier_agree: int = 0
    kind_agree: int = 0
    period_gold: int = 0
    period_agree: int = 0
    target_gold: int = 0
    target_agree: int = 0
    qualified_gold: int = 0
    qualified_agree: int = 0
    core_gold: int = 0
    core_mapped: int = 0
    # (gold, predicted) of core figures whose indicator disagrees with the figure
    core_suspect: list[tuple[dict, dict]] = field(default_factory=list)
    # (gold subject, unit, predicted subject, indicator) of every core figure given one
    core_mappings: list[tuple[str, str, str, str]] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)
    subject_mismatches: list[tuple[dict, dict]] = field(default_factory=list)
    kind_mismatches: list[tuple[dict, dict]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def _share(self, count: int) -> float:
        return count / self.matched if self.matched else 1.0

    @property
    def subject_accuracy(self) -> float:
        return self._share(self.subject_agree)

    @property
    def qualifier_accuracy(self) -> float:
        return self._share(self.qualifier_agree)

    @property
    def kind_accuracy(self) -> float:
        return self._share(self.kind_agree)

    @property
    def period_accuracy(self) -> float | None:
        return self.period_agree / self.period_gold if self.period_gold else None

    @property
    def target_recall(self) -> float:
        return self.target_agree / self.target_gold if self.target_gold else 1.0

    @property
    def qualifier_recall(self) -> float:
        return self.qualified_agree / self.qualified_gold if self.qualified_gold else 1.0

    @property
    def core_coverage(self) -> float:
        return self.core_mapped / self.core_gold if self.core_gold else 1.0

    def summary(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "subject": round(self.subject_accuracy, 4),
                "qualifier": round(self.qualifier_accuracy, 4), "kind": round(self.kind_accuracy, 4),
                "target_recall": round(self.target_recall, 4),
                "qualifier_recall": round(self.qualifier_recall, 4),
                "core_coverage": round(self.core_coverage, 4), "core_suspect": len(self.core_suspect),
                **({"period": round(self.period_accuracy, 4)} if self.period_gold else {})}


def _key(mention: dict) -> tuple[float, str]:
    return round(float(mention["value"]), 6), mention["unit"]


def _same_subject(a: str | None, b: str | None) -> bool:
    return normalise(a or "") == normalise(b or "")


def _once(mentions: list[dict]) -> dict[tuple, dict]:
    """The mentions whose value and unit no other mention of the list has, by that key."""
    counts = Counter(map(_key, mentions))
    return {_key(m): m for m in mentions if counts[_key(m)] == 1 and "start" in m}


def _offset_shift(gold: list[dict], predicted: list[dict]) -> int:
    """How far predicted offsets sit from gold ones, from the values each side has once."""
    ours, theirs = _once(predicted), _once(gold)
    shifts = [ours[key]["start"] - theirs[key]["start"] for key in ours.keys() & theirs.keys()]
    return round(median(shifts)) if shifts else 0


def score_document(gold: list[dict], predicted: list[dict], score: Score | None = None) -> Score:
    """Add one document's comparison to `score` (a new one when None) and return it.
    Offsets may be shifted by text cleaning, so they only break ties between candidates; gold
    without offsets is matched in text order."""
    score = score or Score()
    score.gold += len(gold)
    score.predicted += len(predicted)
    shift = _offset_shift(gold, predicted)
    misses_before = len(score.misses)
    pool: dict[tuple, list[dict]] = defaultdict(list)
    for mention in predicted:
        pool[_key(mention)].append(mention)
    for expected in gold:
        candidates = pool.get(_key(expected), [])
        if not candidates:
            score.misses.append(expected)
            continue
        if "start" in expected:
            position = expected["start"] + shift
            best = min(candidates, key=lambda m: abs(m.get("start", 0) - position))
        else:  # gold without offsets: the next candidate in text order
            best = candidates[0]
        candidates.remove(best)
        score.matched += 1
        if _same_subject(best.get("subject"), expected.get("subject")):
            score.subject_agree += 1
        else:
            score.subject_mismatches.append((expected, best))
        score.qualifier_agree += best.get("qualifier") == expected.get("qualifier")
        if best.get("kind") == expected.get("kind"):
            score.kind_agree += 1
        else:
            score.kind_mismatches.append((expected, best))
        if expected.get("kind") == "target":
            score.target_gold += 1
            score.target_agree += best.get("kind") == "target"
        if expected.get("qualifier"):
            score.qualified_gold += 1
            score.qualified_agree += best.get("qualifier") == expected["qualifier"]
        if "period" in expected:
            score.period_gold += 1
            score.period_agree += best.get("period") == expected["period"]
        _score_indicator(expected, best, score)
    score.core_gold += sum(1 for m in score.misses[misses_before:] if core_family(m.get("subject")))
    score.extras += [m for remaining in pool.values() for m in remaining]
    return score


@cache
def _core_table() -> dict:
    return load_toml("core_figures.toml")


def core_family(phrase: str | None) -> str | None:
    """The core family a phrase names (低保 → dibao), or None for a figure that is not core."""
    phrase = to_simplified(phrase or "")
    return next((family for family, words in _core_table()["families"].items()
                 if any(word in phrase for word in words)), None)


def is_standard(phrase: str) -> bool:
    return any(word in phrase for word in _core_table()["measures"]["standard"])


def names_a_measure(phrase: str) -> bool:
    """Whether a subject says it is a standard or a sum (城镇低保标准, 低保金), not only whose
    figure it is (城镇低保 for 每人每月565元)."""
    return is_standard(phrase) or any(word in phrase for word in _core_table()["measures"]["sum"])


@cache
def _indicator_by_id() -> dict:
    return {indicator.id: indicator for indicator in indicators()}


def indicator_disagrees(subject: str, unit: str | None, indicator_id: str) -> bool:
    """An indicator of another family, unit family or measure (a standard per person, an
    amount in total) than the figure it was given to, or another than the gold subject itself
    maps to: certainly or probably wrong."""
    indicator = _indicator_by_id().get(indicator_id)
    if indicator is None:
        return True
    own = indicator_of_phrase(subject, unit or "")
    # the gold drops a leading 新增 that the extractor keeps aside (新增敬老院床位 → 敬老院床位):
    # the new ones' indicator is the one the gold's own declares (`new`)
    siblings = (own, _indicator_by_id()[own].new) if own is not None else ()
    return ((own is not None and indicator_id not in siblings)
            or core_family(indicator.name) != core_family(subject)
            or not same_family(indicator.unit, unit or "")
            or (names_a_measure(subject) and is_standard(indicator.name) != is_standard(subject)))


def _score_indicator(expected: dict, best: dict, score: Score) -> None:
    if not core_family(expected.get("subject")):
        return
    score.core_gold += 1
    indicator = best.get("indicator")
    if not indicator:
        return
    score.core_mapped += 1
    score.core_mappings.append((expected.get("subject"), expected.get("unit"), best.get("subject"), indicator))
    if indicator_disagrees(expected["subject"], expected.get("unit"), indicator):
        score.core_suspect.append((expected, best))


# ---- metadata --------------------------------------------------------------------------------

META_FIELDS = ("agency", "report_year", "province", "city", "county", "admin_level",
               "report_type", "publish_date", "title")
# What redacts a name: *区民政局, XX县, ××镇, xx市
REDACTION = ("*", "XX", "xx", "××", "X", "×")


def without_redaction(name: str | None) -> str | None:
    if not name:
        return None
    for mark in REDACTION:
        name = name.replace(mark, "")
    return to_simplified(name) or None


@dataclass
class MetadataScore:
    documents: int = 0
    agree: Counter = field(default_factory=Counter)
    mismatches: list[tuple[str, str, object, object]] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.agree[name] / self.documents if self.documents else 1.0

    def summary(self) -> dict:
        return {"documents": self.documents, **{name: round(self.accuracy(name), 4) for name in META_FIELDS}}


def _comparable(name: str, value):
    if name == "agency":
        return without_redaction(value)
    if isinstance(value, str):
        return to_simplified(value.strip()) or None
    return value


def score_metadata(document: str, gold: dict, predicted: dict, score: MetadataScore | None = None) -> MetadataScore:
    """Add one document's metadata comparison to `score`; fields the gold lacks count as agreeing."""
    score = score or MetadataScore()
    score.documents += 1
    for name in META_FIELDS:
        if name not in gold:
            score.agree[name] += 1
            continue
        expected, got = _comparable(name, gold[name]), _comparable(name, predicted.get(name))
        if expected == got:
            score.agree[name] += 1
        else:
            score.mismatches.append((document, name, gold[name], predicted.get(name)))
    return score
