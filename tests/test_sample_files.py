"""The bundled samples in data/samples agree with their sources and hand-made fixtures.

The fixtures in tests/fixtures/samples are the expected metrics and metadata for each sample;
these tests guard the fixtures themselves (every `raw` is really in the text, in text order)
and the rendering (each format still carries the text the fixtures were written against).
Text is extracted with the plain libraries, not the project's readers, so a reader bug cannot
hide a broken sample.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import docx
import lxml.html
import pytest
from pdfminer.high_level import extract_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SOURCES = ROOT / "data" / "sample-sources"
FIXTURES = ROOT / "tests" / "fixtures" / "samples"

MENTION_KEYS = {"subject", "value", "unit", "raw", "qualifier", "kind"}
QUALIFIERS = {None, "approx", "more_than", "at_least", "up_to"}
META_KEYS = {"document", "title", "agency", "province", "city", "county", "region_code",
             "admin_level", "report_year", "report_type", "publish_date", "index_no", "doc_no"}


def load_formats() -> dict[str, dict]:
    """formats.toml keyed by output file name, each entry carrying its source name."""
    with open(SOURCES / "formats.toml", "rb") as handle:
        formats = tomllib.load(handle)
    return {spec["output"]: {**spec, "source": name} for name, spec in formats.items()}


FORMATS = load_formats()
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_file())


def source_text(sample: str) -> str:
    return (SOURCES / f"{FORMATS[sample]['source']}.txt").read_text(encoding="utf-8")


def load_mentions(sample: str) -> list[dict]:
    lines = (FIXTURES / f"{sample}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_meta() -> dict[str, dict]:
    lines = (FIXTURES / "meta.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return {row["document"]: row for row in rows}


def docx_text(path: Path) -> str:
    """Body paragraphs, table cells, headers and footers of a .docx."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def html_text(path: Path) -> str:
    return lxml.html.fromstring(path.read_bytes()).text_content()


def without_whitespace(text: str) -> str:
    """PDF lines wrap inside numbers and sentences; compare with all whitespace removed."""
    return re.sub(r"\s+", "", text)


def test_samples_exist():
    assert len(SAMPLE_NAMES) >= 9
    assert sum(p.stat().st_size for p in SAMPLES.iterdir()) < 2 * 1024 * 1024


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_sample_has_format_fixture_and_meta(sample):
    assert sample in FORMATS, "sample not listed in formats.toml"
    assert (FIXTURES / f"{sample}.jsonl").is_file()
    assert sample in load_meta()


def test_meta_lines_are_complete():
    for document, row in load_meta().items():
        assert set(row) == META_KEYS, document
        assert (SAMPLES / document).is_file(), document
        assert re.fullmatch(r"\d{6}", row["region_code"]), document
        assert row["admin_level"] in {"province", "city", "county"}, document
        assert row["title"] in source_text(document), document


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_fixture_rows_are_well_formed(sample):
    mentions = load_mentions(sample)
    assert 25 <= len(mentions) <= 60
    for mention in mentions:
        assert set(mention) - {"period"} == MENTION_KEYS, mention  # period where the annotator gave it
        assert mention["qualifier"] in QUALIFIERS, mention
        assert mention["kind"] in {"actual", "target"}, mention
        assert isinstance(mention["value"], (int, float)), mention
        assert mention["subject"] and mention["unit"], mention


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_fixture_raws_follow_source_in_text_order(sample):
    text = source_text(sample)
    assert 2500 <= len(text) <= 6000
    position = 0
    for mention in load_mentions(sample):
        found = text.find(mention["raw"], position)
        assert found >= 0, f"{mention['raw']!r} not found after offset {position}"
        position = found + len(mention["raw"])


@pytest.mark.parametrize("sample", [s for s in SAMPLE_NAMES if FORMATS[s]["format"] == "txt"])
def test_txt_sample_decodes_to_source(sample):
    data = (SAMPLES / sample).read_bytes()
    encoding = FORMATS[sample]["encoding"]
    assert data.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    assert data.decode(encoding) == source_text(sample)


EXTRACTORS = {"docx": docx_text, "html": html_text}


@pytest.mark.parametrize("sample", [s for s in SAMPLE_NAMES if FORMATS[s]["format"] in EXTRACTORS])
def test_rich_sample_contains_every_raw(sample):
    text = EXTRACTORS[FORMATS[sample]["format"]](SAMPLES / sample)
    missing = [m["raw"] for m in load_mentions(sample) if m["raw"] not in text]
    assert not missing


@pytest.mark.parametrize("sample", [s for s in SAMPLE_NAMES if FORMATS[s]["format"] == "pdf"])
def test_pdf_sample_contains_every_raw(sample):
    text = extract_text(str(SAMPLES / sample))
    assert text.count("\f") >= 2, "expected at least two pages"
    assert re.search(r"^- 2 -$", text, re.MULTILINE), "running page-number footer missing"
    flat = without_whitespace(text)
    missing = [m["raw"] for m in load_mentions(sample) if without_whitespace(m["raw"]) not in flat]
    assert not missing


def test_docx_has_table_and_header():
    docs = [docx.Document(str(SAMPLES / s)) for s in SAMPLE_NAMES if s.endswith(".docx")]
    assert len(docs) >= 2
    assert any(len(d.tables) == 1 and len(d.tables[0].columns) == 2 for d in docs)
    assert all(d.sections[0].header.paragraphs[0].text for d in docs)


def test_html_sample_is_a_portal_page():
    for sample in (s for s in SAMPLE_NAMES if FORMATS[s]["format"] == "html"):
        page = lxml.html.fromstring((SAMPLES / sample).read_bytes())
        assert page.xpath("//ul[@class='nav']/li") and page.xpath("//div[@class='breadcrumb']")
        assert page.xpath("//div[@class='footer']") and page.xpath("//script")
        meta_text = page.xpath("string(//table[@class='xxgk-meta'])")
        for label, value in FORMATS[sample]["meta"].items():
            assert value in meta_text, label
