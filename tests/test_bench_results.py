"""Where the ingest and extraction benchmarks write their results: a labelled trial never overwrites the
reference file the README quotes."""
import json

from benchmarks import bench_extract, bench_ingest


def test_a_label_names_its_own_results_file(tmp_path, monkeypatch):
    monkeypatch.setattr(bench_ingest, "RESULTS", tmp_path)
    local = {"count": 1000, "first": {"seconds": 1.0}, "cluster": []}
    cluster = {"count": 1000, "first": None, "cluster": [{"workers": 2}]}
    assert bench_ingest.save(local).name == "ingest-1000.json"
    assert bench_ingest.save(local, "trial").name == "ingest-1000-trial.json"
    assert bench_ingest.save(cluster, "trial").name == "ingest-1000-cluster2-trial.json"
    assert json.loads((tmp_path / "ingest-1000-trial.json").read_text(encoding="utf-8"))["count"] == 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ingest-1000-cluster2-trial.json", "ingest-1000-trial.json", "ingest-1000.json"]


def test_a_label_names_its_own_extraction_results_file(tmp_path, monkeypatch):
    monkeypatch.setattr(bench_extract, "RESULTS", tmp_path)
    assert bench_extract.save({"files": 300}, 300).name == "extract-300.json"
    assert bench_extract.save({"files": 12}, 300, "trial").name == "extract-300-trial.json"
    assert json.loads((tmp_path / "extract-300.json").read_text(encoding="utf-8"))["files"] == 300
    assert json.loads((tmp_path / "extract-300-trial.json").read_text(encoding="utf-8"))["files"] == 12
