"""Scoring extracted mentions against gold annotations made to the metric spec.

A predicted mention matches a gold one of the same document when value and unit agree; among
several candidates the one whose offset is nearest wins, once the offsets are corrected by the
shift text cleaning put between the two (the median over values found once on each side).
Subject, qualifier, kind and — where the gold gives one — period are then compared on the
matched pairs only."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import median

from transforms.rules.indicators import normalise


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
    misses: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)
    subject_mismatches: list[tuple[dict, dict]] = field(default_factory=list)

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

    def summary(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "subject": round(self.subject_accuracy, 4),
                "qualifier": round(self.qualifier_accuracy, 4), "kind": round(self.kind_accuracy, 4),
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
        score.kind_agree += best.get("kind") == expected.get("kind")
        if "period" in expected:
            score.period_gold += 1
            score.period_agree += best.get("period") == expected["period"]
    score.extras += [m for remaining in pool.values() for m in remaining]
    return score
