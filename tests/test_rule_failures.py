"""A rule's bug costs what that rule decides, not the report: build_document keeps the figures,
says where a rule raised (Document.rule_failures), and the CLI says so in one line."""
import pytest

import transforms.pipeline
from govreport.cli import main as govreport
from transforms.extract import extract_mentions
from transforms.model import Kind
from transforms.pipeline import build_document
from transforms.rules.quantities import find_quantities
from transforms.structure import parse_sections, split_sentences

TEXT = "安吉县民政局2024年工作总结\n一、主要工作\n全年办理收养登记12件。全年救助流浪乞讨人员4242人次，发放救助资金36.5万元。\n"


@pytest.fixture()
def subject_rule_raises_on_4242(plant_subject_rule_bug):
    plant_subject_rule_bug(4242)


def test_a_sentence_a_rule_raised_on_keeps_its_figures(subject_rule_raises_on_4242):
    document = build_document(TEXT.encode("utf-8"), "anji.txt")
    figures = [(m.value, m.unit, m.subject, m.kind) for m in document.mentions]
    assert figures == [(12, "件", "收养登记", Kind.ACTUAL), (4242, "人次", None, Kind.ACTUAL),
                       (365000, "元", None, Kind.ACTUAL)]
    assert document.rule_failures == ["sentence 3: IndexError: planted: list index out of range"]
    assert document.meta.report_year == 2024


def test_without_a_failures_list_the_error_propagates(subject_rule_raises_on_4242):
    sections = parse_sections(TEXT)
    with pytest.raises(IndexError):
        extract_mentions(TEXT, sections, split_sentences(TEXT, sections), quantities=find_quantities(TEXT))


def test_a_metadata_rule_that_raises_costs_the_metadata_only(monkeypatch):
    def crashing(*args):
        raise KeyError("planted")

    monkeypatch.setattr(transforms.pipeline, "extract_meta", crashing)
    document = build_document(TEXT.encode("utf-8"), "anji.txt")
    assert document.meta.report_year is None and document.meta.agency is None
    assert [m.value for m in document.mentions] == [12, 4242, 365000]
    assert document.rule_failures == ["metadata: KeyError: 'planted'"]


def test_the_cli_names_the_file_and_the_failure_in_one_line(subject_rule_raises_on_4242, tmp_path, capsys):
    path = tmp_path / "anji.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert govreport(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{path}: a rule failed, sentence 3: IndexError: planted: list index out of range (read without it)"]
    assert captured.out.count('"value"') == 3
