"""The benchmark corpus generator: deterministic, the formats and broken share asked for,
answer keys that match the text, and extraction that scores well on what it writes."""
import multiprocessing
import os
import re
from pathlib import Path

import docx
import lxml.html
import pytest
from pdfminer.high_level import extract_text

from benchmarks.generate import ALL_FORMATS, _written_in_parallel, generate, read_manifest
from benchmarks.templating import load_data, parse_template, qualifiers
from conftest import read_jsonl
from transforms.evaluation import Score, score_document
from transforms.pipeline import mention_record, read_document

BOMS = {"utf-8-sig": b"\xef\xbb\xbf", "utf-16": (b"\xff\xfe", b"\xfe\xff")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate(out, count=120, seed=11, broken_share=0.1, workers=1)
    return out


def good_lines(out: Path) -> list[dict]:
    return [line for line in read_manifest(out) if not line["broken"]]


def expected(out: Path, line: dict) -> list[dict]:
    return read_jsonl(out / "expected" / f"{Path(line['file']).name}.jsonl")


def tree_bytes(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_same_seed_gives_same_bytes_whatever_the_workers(tmp_path):
    generate(tmp_path / "a", count=60, seed=5, broken_share=0.2, workers=1)
    generate(tmp_path / "b", count=60, seed=5, broken_share=0.2, workers=2)
    generate(tmp_path / "c", count=60, seed=6, broken_share=0.2, workers=1)
    first, second = tree_bytes(tmp_path / "a"), tree_bytes(tmp_path / "b")
    assert first == second
    assert first != tree_bytes(tmp_path / "c")


def _square_unless_a_worker(plan: int) -> int:
    """Dies in a worker process on plan 5, as a crash in a document library would."""
    if plan == 5 and multiprocessing.parent_process() is not None:
        os._exit(1)
    return plan * plan


def test_a_worker_that_dies_leaves_the_corpus_written_not_hung(capfd):
    assert _written_in_parallel(_square_unless_a_worker, list(range(40)), 2) == [n * n for n in range(40)]
    assert "a worker process died" in capfd.readouterr().err


def test_good_files_take_every_format_and_text_encoding(corpus):
    lines = good_lines(corpus)
    assert {line["format"] for line in lines} == set(ALL_FORMATS)
    assert {line["encoding"] for line in lines if line["format"] == "txt"} == {"utf-8", "utf-8-sig", "gb18030", "utf-16"}


def test_formats_option_limits_good_files(tmp_path):
    lines = generate(tmp_path, count=40, seed=3, broken_share=0, formats=("txt", "html"), workers=1)
    assert {line["format"] for line in lines} == {"txt", "html"}
    assert not any(line["broken"] for line in lines)


def test_text_files_are_in_their_encoding(corpus):
    for line in good_lines(corpus):
        if line["format"] != "txt":
            continue
        data = (corpus / line["file"]).read_bytes()
        assert data.startswith(BOMS.get(line["encoding"], b"")), line["file"]
        data.decode(line["encoding"])  # strict: raises when the bytes are not in that encoding


def test_broken_share_is_respected_and_every_kind_appears(tmp_path):
    kinds = set(load_data("files.toml")["broken"])
    lines = generate(tmp_path, count=200, seed=9, broken_share=0.05, formats=("txt",), workers=1)
    broken = [line for line in lines if line["broken"]]
    assert len(broken) == 10
    assert {line["broken"] for line in broken} == kinds
    assert all(line["expected_failure"] and line["metrics"] == 0 for line in broken)
    assert not (tmp_path / "expected" / f"{Path(broken[0]['file']).name}.jsonl").exists()


def test_reports_are_as_long_as_real_ones(corpus):
    sizes = [line["text_bytes"] for line in read_manifest(corpus)]
    assert all(3 * 1024 <= size <= 15 * 1024 for size in sizes), (min(sizes), max(sizes))


def test_agencies_come_from_many_provinces(corpus):
    lines = read_manifest(corpus)
    assert len({line["province"] for line in lines}) >= 20
    assert len({line["agency"] for line in lines}) >= 110
    assert {line["admin_level"] for line in lines} >= {"county", "city"}
    assert {line["report_year"] for line in lines} == set(range(2019, 2026))


def test_raw_sits_at_its_offset_in_text_files(corpus):
    checked = 0
    for line in good_lines(corpus):
        if line["format"] != "txt":
            continue
        text = (corpus / line["file"]).read_bytes().decode(line["encoding"]).lstrip("\ufeff")
        for metric in expected(corpus, line):
            assert text[metric["start"]:metric["start"] + len(metric["raw"])] == metric["raw"], metric
            checked += 1
    assert checked > 1000


def plain_text(path: Path, fmt: str) -> str:
    """The file's text by the plain libraries (not the project's readers), spaces removed
    (PDF lines wrap inside numbers)."""
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    elif fmt == "html":
        text = lxml.html.fromstring(path.read_bytes()).text_content()
    else:
        text = extract_text(str(path))
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
def test_raw_appears_in_order_in_rendered_files(corpus, fmt):
    lines = [line for line in good_lines(corpus) if line["format"] == fmt][:6]
    assert lines
    for line in lines:
        text, position = plain_text(corpus / line["file"], fmt), 0
        for metric in expected(corpus, line):
            position = text.index(re.sub(r"\s+", "", metric["raw"]), position)


def test_expected_records_have_the_fixture_shape(corpus):
    qualifier_values = {None} | {q["value"] for q in qualifiers()}
    for line in good_lines(corpus)[:20]:
        for metric in expected(corpus, line):
            assert set(metric) == {"subject", "value", "unit", "raw", "qualifier", "kind", "start"}
            assert metric["qualifier"] in qualifier_values and metric["kind"] in ("actual", "target")
            assert isinstance(metric["value"], (int, float)) and metric["subject"]


def test_templates_are_well_formed():
    """Every template parses; figure sentences have figures, prose has none; qualifier words
    next to a figure go through the slot (q=…) so that the answer key records them."""
    topics = load_data("topics.toml")["topic"]
    words = sorted({q["word"] for q in qualifiers()}, key=len, reverse=True)
    beside_slot = re.compile(rf"\}}(?:{'|'.join(words)})|(?:{'|'.join(words)})\{{(?!@)")
    for topic in topics:
        for template in topic["facts"] + topic["plans"]:
            assert any(not isinstance(t, (str, tuple)) for t in parse_template(template)), template
            assert not beside_slot.search(template), template
        for template in topic["fillers"] + topic["headings"] + topic["points"]:
            assert all(isinstance(t, (str, tuple)) for t in parse_template(template)), template


def test_extraction_scores_on_generated_reports(corpus):
    score = Score()
    for line in good_lines(corpus)[:30]:
        document = read_document(corpus / line["file"])
        score_document(expected(corpus, line), [mention_record(document, m) for m in document.mentions], score)
    assert score.gold > 1500
    assert score.precision >= 0.97 and score.recall >= 0.97, (score.summary(), score.misses[:10], score.extras[:10])
