"""Extraction scored against gold written to the metric spec: the seeds' and the samples'."""
from dataclasses import asdict

import pytest

from conftest import GOLD, SAMPLE_FIXTURES, SAMPLES, read_jsonl
from transforms.evaluation import Score, score_document
from transforms.pipeline import mention_record, read_document


def score_files(files, gold_for) -> Score:
    total = Score()
    for path in files:
        document = read_document(path)
        score_document(gold_for(path), [mention_record(document, m) for m in document.mentions], total)
    return total


def test_seed_scores(seed_files):
    score = score_files(seed_files, lambda p: read_jsonl(GOLD / f"{p.stem}.jsonl"))
    assert score.gold > 150
    assert score.precision >= 0.95 and score.recall >= 0.95, score.summary()
    assert score.subject_accuracy >= 0.80, score.summary()
    assert score.qualifier_accuracy >= 0.95 and score.kind_accuracy >= 0.95, score.summary()


def test_sample_scores():
    files = sorted(SAMPLES.iterdir())
    score = score_files(files, lambda p: read_jsonl(SAMPLE_FIXTURES / f"{p.name}.jsonl"))
    assert score.gold > 400
    assert score.precision >= 0.97 and score.recall >= 0.97, score.summary()


def test_scorer_counts_misses_and_extras():
    gold = [{"value": 5, "unit": "人", "subject": "甲"}, {"value": 3, "unit": "家", "subject": "乙"}]
    predicted = [{"value": 5.0, "unit": "人", "subject": "甲"}, {"value": 3, "unit": "个", "subject": "乙"}]
    score = score_document(gold, predicted)
    assert (score.matched, len(score.misses), len(score.extras)) == (1, 1, 1)
    assert score.precision == score.recall == 0.5 and score.subject_accuracy == 1.0


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
