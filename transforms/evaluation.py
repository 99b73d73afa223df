"""Scoring extracted mentions against gold annotations made to the metric spec.

A predicted mention matches a gold one of the same document when value and unit agree; among
several candidates the one whose offset is nearest wins. Subject, qualifier and kind are then
compared on the matched pairs only."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from transforms.rules.indicators import normalise


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    subject_agree: int = 0
    qualifier_agree: int = 0
    kind_agree: int = 0
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

    def summary(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "subject": round(self.subject_accuracy, 4),
                "qualifier": round(self.qualifier_accuracy, 4), "kind": round(self.kind_accuracy, 4)}


def _key(mention: dict) -> tuple[float, str]:
    return round(float(mention["value"]), 6), mention["unit"]


def _same_subject(a: str | None, b: str | None) -> bool:
    return normalise(a or "") == normalise(b or "")


def score_document(gold: list[dict], predicted: list[dict], score: Score | None = None) -> Score:
    """Add one document's comparison to `score` (a new one when None) and return it.
    Offsets may be shifted by text cleaning, so they only break ties between candidates."""
    score = score or Score()
    score.gold += len(gold)
    score.predicted += len(predicted)
    pool: dict[tuple, list[dict]] = defaultdict(list)
    for mention in predicted:
        pool[_key(mention)].append(mention)
    for expected in gold:
        candidates = pool.get(_key(expected), [])
        if not candidates:
            score.misses.append(expected)
            continue
        best = min(candidates, key=lambda m: abs(m.get("start", 0) - expected.get("start", 0)))
        candidates.remove(best)
        score.matched += 1
        if _same_subject(best.get("subject"), expected.get("subject")):
            score.subject_agree += 1
        else:
            score.subject_mismatches.append((expected, best))
        score.qualifier_agree += best.get("qualifier") == expected.get("qualifier")
        score.kind_agree += best.get("kind") == expected.get("kind")
    score.extras += [m for remaining in pool.values() for m in remaining]
    return score
