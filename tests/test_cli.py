"""`govreport extract` as spec §4 defines it, and `govreport query` formats."""
import json
import os
import subprocess
import sys

from conftest import ROOT, SAMPLES

MENTION_KEYS = {"document", "subject", "indicator", "value", "unit", "raw", "qualifier", "kind",
                "start", "end", "sentence", "section", "section_category"}
META_KEYS = {"document", "title", "agency", "province", "city", "county", "region_code",
             "admin_level", "report_year", "report_type", "publish_date", "index_no", "doc_no"}


def govreport(*args, env=None):
    return subprocess.run([sys.executable, "-m", "govreport", *args], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, **(env or {})})


def test_extract_prints_spec_lines_and_goes_on_after_a_bad_file(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    good = SAMPLES / "wujiang-2022.txt"
    result = govreport("extract", str(bad), str(good))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 1
    assert lines[0]["document"] == str(bad) and lines[0]["error"]
    mentions = lines[1:]
    assert len(mentions) > 40 and all(set(m) >= MENTION_KEYS for m in mentions)
    text = read_stored_text(good)
    for mention in mentions:
        assert text[mention["start"]:mention["end"]] == mention["raw"]
    assert [m["start"] for m in mentions] == sorted(m["start"] for m in mentions)


def read_stored_text(path):
    from transforms.pipeline import read_document

    return read_document(path).text


def test_extract_meta_one_line_per_document():
    result = govreport("extract", "--meta", str(SAMPLES / "ganzhou-2023.html"), str(SAMPLES / "gansu-2024.pdf"))
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0 and len(rows) == 2
    assert all(set(r) >= META_KEYS for r in rows)
    assert rows[0]["index_no"] and rows[1]["admin_level"] == "province"


def test_extract_does_not_touch_the_warehouse(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    govreport("extract", str(SAMPLES / "wujiang-2022.txt"), env={"GOVREPORT_WAREHOUSE": str(warehouse)})
    assert not warehouse.exists()
