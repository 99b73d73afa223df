"""The Duckling-style example corpus beside the rules (transforms/corpus/*.toml, one file per
dimension), in two shapes.

A file that `owns` a field (kinds, subjects, indicators) groups its examples by the rule that
must decide and the value it must give: `[rule] value = ["text with the [figure] checked"]`.
Each text goes through clean_text and the simplified copy like a report; each bracketed figure
must be found, with that value of the owned field, decided by that rule; nothing else is
asserted. A rule's table may carry its own `document`, an example too (`{text = "…", document =
{…}}`).

The other files list examples whose text must give exactly their mentions, in order: each
expected mention states raw, value and unit; qualifier (default none) is always compared; kind
(default actual) unless the file declares `checks` without it; subject, period and indicator
when the example gives them ("" for none, as for a unit the text does not give). An example may replace the file's [document] with its own `document`. An example that
the rules cannot pass yet carries `xfail = "why"`: it stays in the corpus and fails strictly
once it passes."""
import re
import tomllib
from importlib import resources

import pytest

from transforms.clean import clean_text
from transforms.extract import extract_mentions
from transforms.model import DocumentMeta
from transforms.simplify import to_simplified
from transforms.structure import parse_sections, split_sentences

CORPUS = resources.files("transforms").joinpath("corpus")
FILES = sorted(entry.name for entry in CORPUS.iterdir() if entry.name.endswith(".toml"))
MARKED = re.compile(r"\[([^\[\]]+)\]")


def corpus(name: str) -> dict:
    return tomllib.loads(CORPUS.joinpath(name).read_text("utf-8"))


def mentions_of(text: str, document: dict) -> list[dict]:
    sections = parse_sections(text)
    found = extract_mentions(text, sections, split_sentences(text, sections), DocumentMeta(**document))
    return [{"raw": m.raw, "value": m.value, "unit": m.unit or "", "subject": m.subject,
             "qualifier": m.qualifier.value if m.qualifier else None, "kind": m.kind.value,
             "period": m.period or "", "indicator": m.indicator or ""} for m in found]


def expected_of(mention: dict) -> dict:
    return {"qualifier": None, "kind": "actual", **mention}


def _cases():
    for name in FILES:
        table = corpus(name)
        if "owns" in table:
            continue
        for example in table.get("example", []):
            marks = [pytest.mark.xfail(reason=example["xfail"], strict=True)] if "xfail" in example else []
            document = example.get("document", table.get("document", {}))
            yield pytest.param(example["text"], document, example["mentions"],
                               id=f"{name}:{example['text'][:40]}", marks=marks)


CASES = list(_cases())
NOTHING = [text for name in FILES for text in corpus(name).get("nothing", [])]


def _rule_cases():
    for name in FILES:
        table = corpus(name)
        if "owns" not in table:
            continue
        for rule, values in table.items():
            if not isinstance(values, dict) or rule == "document":
                continue
            document = values.get("document", table.get("document", {}))
            for value, texts in values.items():
                if value == "document":
                    continue
                for text in texts:
                    own = document
                    if isinstance(text, dict):  # {text = "…", document = {…}}: a page of its own kind
                        own, text = text["document"], text["text"]
                    yield pytest.param(table["owns"], rule, value, text, own,
                                       id=f"{name}:{rule}:{text[:30]}")


RULE_CASES = list(_rule_cases())


def test_corpus_size():
    """The issue asks for at least 150 short sentences, one or more per rule."""
    assert len(CASES) + len(NOTHING) + len(RULE_CASES) >= 150
    assert all(corpus(name).get("example") or corpus(name).get("nothing") or corpus(name).get("owns")
               for name in FILES)


@pytest.mark.parametrize("field,rule,value,text,document", RULE_CASES)
def test_rule_example(field, rule, value, text, document):
    figures = [clean_text(raw) for raw in MARKED.findall(text)]
    cleaned = to_simplified(clean_text(MARKED.sub(lambda m: m.group(1), text)))
    sections = parse_sections(cleaned)
    trace: dict[int, dict[str, str]] = {}
    found = extract_mentions(cleaned, sections, split_sentences(cleaned, sections), DocumentMeta(**document),
                             trace=trace)
    position = 0
    for figure in figures:
        mention = next((m for m in found if m.start >= position and m.raw == to_simplified(figure)), None)
        assert mention is not None, (figure, [m.raw for m in found])
        position = mention.start + 1
        got = getattr(mention, field)
        assert (getattr(got, "value", got) or "", trace[mention.start][field]) == (value, rule), figure


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
