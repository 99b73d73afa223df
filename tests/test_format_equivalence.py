"""The same report rendered as txt (UTF-8, GB18030), docx, pdf and html must give the same
document: metadata, section tree and metrics (issue 3). Renders with the samples' renderer."""
import importlib.util
from dataclasses import asdict

import pytest

from conftest import ROOT
from transforms.pipeline import read_document

SOURCE = "jiangsu-wujiang-2022-fazhi"
RENDERINGS = {
    "utf8.txt": {"format": "txt", "encoding": "utf-8"},
    "gb18030.txt": {"format": "txt", "encoding": "gb18030"},
    "report.docx": {"format": "docx", "author": "x", "date": "2023-02-10T09:00:00",
                    "header": "页眉文字", "footer": "页脚文字"},
    "report.pdf": {"format": "pdf", "author": "x", "date": "2023-02-10T09:00:00"},
    "report.html": {"format": "html", "meta": {}},
}


def renderer():
    spec = importlib.util.spec_from_file_location("render_samples", ROOT / "scripts" / "render_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    module = renderer()
    folder = tmp_path_factory.mktemp("renderings")
    text = (ROOT / "data" / "sample-sources" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    html_spec = module.load_formats()["jiangxi-ganzhou-2023-fazhi"]
    rendered = {}
    for name, spec in RENDERINGS.items():
        if spec["format"] == "html":
            lines = text.strip().splitlines()
            spec = {**html_spec, "meta": {**html_spec["meta"], "标题": lines[0], "发布机构": lines[-2],
                                          "发文日期": lines[-1], "文号": "", "索引号": ""}}
        module.RENDERERS[spec["format"]](text, spec, folder / name)
        rendered[name] = read_document(folder / name)
    return rendered


def outline(document):
    return [(s.level, s.number, s.title, s.category.value) for s in document.sections]


def mentions(document):
    return [(m.value, m.unit, m.raw, m.subject, m.qualifier, m.kind.value) for m in document.mentions]


@pytest.mark.parametrize("name", [n for n in RENDERINGS if n != "utf8.txt"])
def test_rendering_gives_the_same_document(documents, name):
    reference, other = documents["utf8.txt"], documents[name]
    fields = ["title", "agency", "region_code", "report_year", "report_type", "publish_date"]
    assert {f: asdict(other.meta)[f] for f in fields} == {f: asdict(reference.meta)[f] for f in fields}
    assert outline(other) == outline(reference)
    assert mentions(other) == mentions(reference)
