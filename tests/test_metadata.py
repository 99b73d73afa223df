"""Metadata beyond the seeds: traditional characters, Production and Construction Corps
divisions, redacted names."""
from transforms.pipeline import build_document

TRADITIONAL = """內蒙古自治區民政廳2023年度法治政府建設情況報告
現將我廳2023年度法治政府建設情況報告如下：
一、主要工作
全年發放城鄉低保資金13674.6萬元，保障城鄉低保對象17662人。
內蒙古自治區民政廳
2024年1月15日
"""


def document(text: str, name: str = "report.txt"):
    return build_document(text.encode("utf-8"), name)


def test_traditional_report_is_kept_as_written_and_matched_simplified():
    doc = document(TRADITIONAL)
    assert doc.text.startswith("內蒙古自治區民政廳")
    assert (doc.meta.agency, doc.meta.province, doc.meta.region_code) == ("内蒙古自治区民政厅", "内蒙古自治区", "150000")
    assert (doc.meta.report_year, doc.meta.report_type) == (2023, "法治政府建设年度报告")
    money, people = doc.mentions
    assert (money.raw, money.value, money.unit) == ("13674.6萬元", 136746000, "元")
    assert doc.text[money.start:money.end] == money.raw
    assert (people.subject, people.value) == ("城乡低保对象", 17662)
    assert doc.sections[0].category.value == "work_done"


def report_by(agency: str) -> str:
    return f"{agency}2024年法治政府建设年度报告\n一、主要工作\n全年办理结婚登记20对。\n{agency}\n2025年1月8日\n"


def test_corps_divisions_resolve_to_their_city():
    meta = document(report_by("第三师图木舒克市民政局")).meta
    assert (meta.province, meta.county, meta.region_code, meta.admin_level) == (
        "新疆维吾尔自治区", "图木舒克市", "659003", "county")
    meta = document(report_by("第十师民政局")).meta  # a city cpca's table does not know yet
    assert (meta.county, meta.region_code) == ("北屯市", "659005")


def test_a_division_without_a_city_gives_the_province_only():
    meta = document(report_by("第十二师民政局")).meta
    assert (meta.province, meta.county, meta.region_code, meta.admin_level) == ("新疆维吾尔自治区", None, None, None)


def test_redacted_agency_loses_its_marks_and_keeps_region_null():
    """tests/fixtures/real/README.md: redaction marks are removed from the agency; the level
    its name shows stays."""
    meta = document(report_by("*市民政局")).meta
    assert meta.agency == "市民政局"
    assert (meta.province, meta.region_code, meta.admin_level) == (None, None, "city")


def test_ordinary_county_resolves_through_the_gazetteer():
    meta = document(report_by("巫溪县民政局")).meta
    assert (meta.province, meta.county, meta.region_code, meta.admin_level) == ("重庆市", "巫溪县", "500238", "county")
