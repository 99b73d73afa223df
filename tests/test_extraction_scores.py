"""Extraction scored against gold written to the metric spec: the seeds' and the samples'."""
from dataclasses import asdict

import pytest

from conftest import GOLD, SAMPLE_FIXTURES, SAMPLES, read_jsonl
from transforms.evaluation import Score, core_family, indicator_disagrees, score_document
from transforms.rules.indicators import indicators
from transforms.pipeline import mention_record, read_document


def score_files(files, gold_for) -> Score:
    total = Score()
    for path in files:
        document = read_document(path)
        score_document(gold_for(path), [mention_record(document, m) for m in document.mentions], total)
    return total


def assert_good(score: Score) -> None:
    """The issue's bar on both fixture sets: precision and recall ≥ 0.95 on value+unit, subject
    agreement ≥ 0.90; qualifiers and kinds recognised (≥ 0.95), periods where the gold has them."""
    assert score.precision >= 0.95 and score.recall >= 0.95, score.summary()
    assert score.subject_accuracy >= 0.90, score.summary()
    assert score.qualifier_accuracy >= 0.95 and score.kind_accuracy >= 0.95, score.summary()
    assert score.period_accuracy is None or score.period_accuracy >= 0.90, score.summary()


def test_seed_scores(seed_files):
    score = score_files(seed_files, lambda p: read_jsonl(GOLD / f"{p.stem}.jsonl"))
    assert score.gold > 150 and score.period_gold == score.gold
    assert_good(score)


def test_sample_scores():
    files = sorted(SAMPLES.iterdir())
    score = score_files(files, lambda p: read_jsonl(SAMPLE_FIXTURES / f"{p.name}.jsonl"))
    assert score.gold > 400
    assert_good(score)


def test_scorer_counts_misses_and_extras():
    gold = [{"value": 5, "unit": "人", "subject": "甲"}, {"value": 3, "unit": "家", "subject": "乙"}]
    predicted = [{"value": 5.0, "unit": "人", "subject": "甲"}, {"value": 3, "unit": "个", "subject": "乙"}]
    score = score_document(gold, predicted)
    assert (score.matched, len(score.misses), len(score.extras)) == (1, 1, 1)
    assert score.precision == score.recall == 0.5 and score.subject_accuracy == 1.0
    assert score.period_accuracy is None


def test_scorer_lists_kind_mismatches():
    gold = [{"value": 5, "unit": "人", "kind": "target"}, {"value": 3, "unit": "家", "kind": "actual"}]
    predicted = [{"value": 5, "unit": "人", "kind": "actual"}, {"value": 3, "unit": "家", "kind": "actual"}]
    score = score_document(gold, predicted)
    assert [(g["value"], p["kind"]) for g, p in score.kind_mismatches] == [(5, "actual")]
    assert score.target_recall == 0.0 and score.kind_accuracy == 0.5


def test_scorer_corrects_offsets_shifted_by_cleaning():
    """Three 0 家 a few characters apart: once the shift the unique values show is taken off,
    each gold mention meets its own prediction, not the one nearest its raw offset."""
    gold = [{"value": 9, "unit": "次", "start": 100, "subject": "甲"},
            {"value": 0, "unit": "家", "start": 200, "subject": "乙"},
            {"value": 0, "unit": "家", "start": 206, "subject": "丙"},
            {"value": 7, "unit": "人", "start": 300, "subject": "丁", "period": "2024"}]
    predicted = [{**m, "start": m["start"] - 4} for m in gold]
    score = score_document(gold, predicted)
    assert score.subject_accuracy == 1.0 and score.period_accuracy == 1.0


# Names of one programme's body that the table gives another's indicator on purpose: a
# 特困供养服务机构 is a 敬老院, the review time of 社会救助 that of 低保.
ACROSS_FAMILIES = {("nursing_homes_rural", "特困供养服务机构"), ("dibao_review_time", "社会救助审核确认时限")}


def test_indicator_names_of_their_family():
    """A core figure named by an indicator's own synonym is never scored a suspect mapping: the
    indicator's name is of the family its synonyms are (养老机构护理型床位占比, not 护理型床位占比)."""
    across = {(i.id, name) for i in indicators() for name in (i.name, *i.synonyms)
              if core_family(name) and indicator_disagrees(name, i.unit, i.id)}
    assert across == ACROSS_FAMILIES


META_FIELDS = ["title", "agency", "province", "city", "county", "region_code", "admin_level",
               "report_year", "report_type", "publish_date", "index_no", "doc_no"]


def test_seed_metadata(seed_files):
    gold = {row["document"]: row for row in read_jsonl(GOLD / "meta.jsonl")}
    for path in seed_files:
        meta = asdict(read_document(path).meta)
        assert {f: meta[f] for f in META_FIELDS} == {f: gold[path.name][f] for f in META_FIELDS}, path.name


@pytest.mark.parametrize("row", read_jsonl(SAMPLE_FIXTURES / "meta.jsonl"), ids=lambda r: r["document"])
def test_sample_metadata(row):
    meta = asdict(read_document(SAMPLES / row["document"]).meta)
    assert {f: meta[f] for f in META_FIELDS} == {f: row[f] for f in META_FIELDS}
