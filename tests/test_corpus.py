"""The Duckling-style example corpus beside the rules: every example must give its value."""
import tomllib
from importlib import resources

import pytest

from transforms.rules.quantities import find_quantities
from transforms.rules.subjects import name_subject
from transforms.rules.units import unit_kinds


def corpus(name: str) -> dict:
    return tomllib.loads(resources.files("transforms").joinpath("corpus", name).read_text("utf-8"))


QUANTITY_CASES = [(ex, text) for ex in corpus("quantities.toml")["example"] for text in ex["texts"]]
SUBJECT_CASES = [(ex["subject"], text) for ex in corpus("subjects.toml")["example"] for text in ex["texts"]]


@pytest.mark.parametrize("example,text", QUANTITY_CASES, ids=[t for _, t in QUANTITY_CASES])
def test_quantity_examples(example, text):
    found = find_quantities(text)
    assert len(found) == 1, [text[q.start:q.end] for q in found]
    quantity = found[0]
    assert quantity.value == pytest.approx(example["value"])
    assert quantity.unit == example["unit"]
    assert text[quantity.start:quantity.end] == example["raw"]
    assert (quantity.qualifier.value if quantity.qualifier else None) == example.get("qualifier")


@pytest.mark.parametrize("text", corpus("quantities.toml")["nothing"]["texts"])
def test_not_metrics(text):
    assert [text[q.start:q.end] for q in find_quantities(text)] == []


@pytest.mark.parametrize("subject,text", SUBJECT_CASES, ids=[t for _, t in SUBJECT_CASES])
def test_subject_examples(subject, text):
    quantity = find_quantities(text)[0]
    found = name_subject(text, quantity.outer_start, quantity.outer_end,
                         unit_kinds()[quantity.unit], 0, 0)
    assert found == subject
