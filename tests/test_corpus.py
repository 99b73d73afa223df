"""The Duckling-style example corpus beside the rules (transforms/corpus/*.toml, one file per
rule): every example text must give exactly its mentions, in order.

Each expected mention states raw, value, unit and subject; qualifier (default none) and kind
(default actual) are always compared; period and indicator when the example gives them ("" for
none). A file's [document] table (report_year, report_type) is the report the text comes from;
an example may replace it with its own `document`. An example that the rules cannot pass yet
carries `xfail = "why"`: it stays in the corpus and fails strictly once it passes."""
import tomllib
from importlib import resources

import pytest

from transforms.extract import extract_mentions
from transforms.model import DocumentMeta
from transforms.structure import parse_sections, split_sentences

CORPUS = resources.files("transforms").joinpath("corpus")
FILES = sorted(entry.name for entry in CORPUS.iterdir() if entry.name.endswith(".toml"))


def corpus(name: str) -> dict:
    return tomllib.loads(CORPUS.joinpath(name).read_text("utf-8"))


def mentions_of(text: str, document: dict) -> list[dict]:
    sections = parse_sections(text)
    found = extract_mentions(text, sections, split_sentences(text, sections), DocumentMeta(**document))
    return [{"raw": m.raw, "value": m.value, "unit": m.unit, "subject": m.subject,
             "qualifier": m.qualifier.value if m.qualifier else None, "kind": m.kind.value,
             "period": m.period or "", "indicator": m.indicator or ""} for m in found]


def expected_of(mention: dict) -> dict:
    return {"qualifier": None, "kind": "actual", **mention}


def _cases():
    for name in FILES:
        table = corpus(name)
        for example in table.get("example", []):
            marks = [pytest.mark.xfail(reason=example["xfail"], strict=True)] if "xfail" in example else []
            document = example.get("document", table.get("document", {}))
            yield pytest.param(example["text"], document, example["mentions"],
                               id=f"{name}:{example['text'][:40]}", marks=marks)


CASES = list(_cases())
NOTHING = [text for name in FILES for text in corpus(name).get("nothing", [])]


def test_corpus_size():
    """The issue asks for at least 150 short sentences, one or more per rule."""
    assert len(CASES) + len(NOTHING) >= 150
    assert all(corpus(name).get("example") or corpus(name).get("nothing") for name in FILES)


@pytest.mark.parametrize("text,document,expected", CASES)
def test_example(text, document, expected):
    found = mentions_of(text, document)
    assert [m["raw"] for m in found] == [m["raw"] for m in expected]
    for got, want in zip(found, map(expected_of, expected)):
        assert {key: got[key] for key in want} == {key: _approx(value) for key, value in want.items()}


def _approx(value):
    """Values compare as numbers (45.5 from 四十五点五 may carry float noise)."""
    return pytest.approx(value) if isinstance(value, float) else value


@pytest.mark.parametrize("text", NOTHING)
def test_not_metrics(text):
    assert [m["raw"] for m in mentions_of(text, {})] == []
