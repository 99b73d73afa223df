"""Metadata beyond the seeds: traditional characters, Production and Construction Corps
divisions, redacted names, issuers of every kind, years and their sources; and the metadata
corpus (transforms/corpus/metadata/), pages written in our own words, each checked for one field."""
import tomllib
from importlib import resources

import pytest

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
    assert doc.meta.title == "內蒙古自治區民政廳2023年度法治政府建設情況報告"  # the title as written
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


# ---- issuers beyond 民政局 (issue 11 §2): each a body the text names, by its own kind ----------

def test_issuers_of_every_kind_are_found():
    cases = {
        "东阳市卫生健康局": "东阳市卫生健康局",
        "平乡县教育体育局": "平乡县教育体育局",
        "宁化县人民政府办公室": "宁化县人民政府办公室",
        "石门镇民政办": "石门镇民政办",
        "凤凰乡人民政府": "凤凰乡人民政府",
        "黔西南州卫生健康委": "黔西南州卫生健康委",
    }
    for issuer, expected in cases.items():
        assert document(report_by(issuer)).meta.agency == expected, issuer


def test_a_body_named_by_its_level_alone_takes_the_place_the_text_speaks_of():
    """镇民政办 of a report that speaks of 石门镇 again and again is 石门镇民政办; a place named
    once or twice gives the region but leaves the name as written; a masked place stays masked,
    and two places named alike leave the name as written."""
    text = ("镇民政办2024年工作总结\n今年以来，镇民政办在镇党委领导下扎实工作。石门镇低保对象120户，"
            "石门镇特困人员15人，石门镇临时救助42人次。\n")
    assert document(text).meta.agency == "石门镇民政办"
    two = text.replace("石门镇特困人员", "青山镇特困人员")
    assert document(two).meta.agency == "镇民政办"
    once = "县民政局2024年工作总结\n2024年，县民政局扎实工作，德化县低保对象1200户。\n"
    meta = document(once).meta
    assert (meta.agency, meta.county) == ("县民政局", "德化县")
    masked = "XX区民政局2024年工作总结\n现将XX区民政局2024年工作总结如下。\n"
    assert document(masked).meta.agency == "区民政局"


def test_the_level_of_an_unnamed_issuer_comes_from_the_place_it_calls_its_own():
    text = "2024年工作总结\n一年来，我县民政工作稳步推进，全县发放低保金300万元。\n"
    meta = document(text).meta
    assert (meta.agency, meta.admin_level) == (None, "county")
    assert document(report_by("县督查局")).meta.admin_level == "county"  # a body the list lacks
    assert document(report_by("民政部")).meta.admin_level is None  # a national body has none


def test_a_short_place_name_running_on_into_a_town_is_no_district():
    """龙潭镇 is no 龙潭区, 新市坝镇 no 新市区."""
    meta = document(report_by("石桥镇人民政府")).meta
    assert (meta.county, meta.region_code, meta.admin_level) == (None, None, "town")


# ---- the year and where it was read (title, body, publish date, file name) -------------------

def test_the_year_is_read_from_title_then_body_then_publish_date_then_file_name():
    in_title = document("东阳市民政局2023年工作总结\n现将2022年以来工作总结如下。\n").meta
    assert (in_title.report_year, in_title.year_source) == (2023, "title")
    in_body = document("东阳市民政局工作总结\n现将2023年工作总结如下。全年发放低保金300万元。\n").meta
    assert (in_body.report_year, in_body.year_source) == (2023, "body")
    dated = document("东阳市民政局年度工作总结\n全年发放低保金300万元。\n东阳市民政局\n2024年1月20日\n").meta
    assert (dated.report_year, dated.year_source) == (2023, "publish_date")  # early in N covers N−1
    named = document("东阳市民政局工作总结\n全年发放低保金300万元。\n", "2022年民政工作总结.txt").meta
    assert (named.report_year, named.year_source) == (2022, "file_name")
    none = document("东阳市民政局工作总结\n20XX年，全年发放低保金300万元。\n").meta
    assert (none.report_year, none.year_source) == (None, None)  # a masked year is none


# ---- the metadata corpus (transforms/corpus/metadata/*.toml): pages in our own words ----------

META_CORPUS = resources.files("transforms").joinpath("corpus", "metadata")
# What each file's groups check: a group names the field itself (region, title_and_date) or the
# way the page is written, the file then names the field.
FIELD_OF_GROUP = {"province": "province", "city": "city", "county": "county", "admin_level": "admin_level",
                  "title": "title", "publish_date": "publish_date"}


def _meta_cases():
    for entry in sorted(META_CORPUS.iterdir(), key=lambda e: e.name):
        table = tomllib.loads(entry.read_text("utf-8"))
        for group, values in table.items():
            if not isinstance(values, dict):
                continue
            for value, texts in values.items():
                for text in texts:
                    yield pytest.param(table["field"], group, value, text, id=f"{entry.name}:{group}:{text[:24]}")


META_CASES = list(_meta_cases())


def test_metadata_corpus_covers_every_field():
    fields = {case.values[0] for case in META_CASES}
    assert fields == {"agency", "report_year", "report_type", "region", "title_and_date"}
    assert len(META_CASES) >= 80


@pytest.mark.parametrize("field,group,value,text", META_CASES)
def test_metadata_example(field, group, value, text):
    meta = document(text, "page.txt").meta
    if field == "report_year":
        expected = (int(value), group) if value else (None, None)
        assert (meta.report_year, meta.year_source) == expected
    elif field in ("region", "title_and_date"):
        assert getattr(meta, FIELD_OF_GROUP[group]) == (value or None)
    else:
        assert getattr(meta, field) == (value or None)


def test_variant_opencc_leaves_is_simplified_too():
    meta = document("陜西省民政廳2024年工作總結\n一、主要工作\n全年辦理結婚登記20對。\n陜西省民政廳\n2025年1月8日\n").meta
    assert (meta.agency, meta.province) == ("陕西省民政厅", "陕西省")


# ---- towns: the level below the gazetteer (transforms/data/towns.tsv) --------------------------

def town_report(issuer: str, body: str = "") -> str:
    return f"{issuer}2024年工作总结\n一、主要工作\n{body}全年新建村道12公里。\n{issuer}\n2025年1月6日\n"


def test_a_town_of_one_county_gives_its_county_city_and_province():
    meta = document(town_report("同里镇人民政府")).meta
    assert (meta.province, meta.city, meta.county, meta.admin_level) == ("江苏省", "苏州市", "吴江区", "town")


def test_a_town_name_several_counties_share_needs_the_text_to_pick_one():
    """西塘镇 lies in 嘉善县 and in 岳阳楼区: nothing, unless the text names one's city or county."""
    assert document(town_report("西塘镇人民政府")).meta.county is None
    meta = document(town_report("西塘镇人民政府", "我镇在嘉兴市率先完成改造。")).meta
    assert (meta.province, meta.city, meta.county) == ("浙江省", "嘉兴市", "嘉善县")
    meta = document(town_report("岳阳市西塘镇人民政府")).meta
    assert (meta.city, meta.county) == ("岳阳市", "岳阳楼区")
    assert document(town_report("城关镇人民政府")).meta.county is None  # 88 of them


def test_a_town_never_overrides_the_place_the_text_gives():
    """The text's city stays; a town lying outside it gives nothing."""
    meta = document(town_report("苏州市同里镇人民政府")).meta
    assert (meta.city, meta.county) == ("苏州市", "吴江区")
    meta = document(town_report("杭州市同里镇人民政府")).meta
    assert (meta.province, meta.city, meta.county) == ("浙江省", "杭州市", None)


def test_a_county_body_is_placed_by_the_towns_it_names():
    body = "千灯镇、张浦镇、巴城镇完成农房改造，"
    meta = document(town_report("县民政局", body)).meta
    assert (meta.province, meta.city, meta.county, meta.admin_level) == ("江苏省", "苏州市", "昆山市", "county")
    meta = document(town_report("县民政局", "千灯镇完成农房改造，")).meta
    assert meta.county is None  # one town alone, the text naming no city it must lie in: too little


def test_the_town_table_loads_on_first_use_only():
    import subprocess
    import sys

    code = "import sys, transforms.metadata, transforms.gazetteer; print(transforms.gazetteer.town_counties.cache_info().currsize)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "0"


def test_a_section_label_under_a_head_the_cleaning_ran_together_gives_way_to_the_title_as_read():
    """A page whose browser notice, column, title, byline and lead the cleaning ran into one line, a section's
    label (实事项目) the first short line under it: the document's title line as the page was read."""
    from transforms.metadata import extract_meta

    as_read = ("您的浏览器版本过低,请升级浏览器\n\n以后再说X\n\n青川要闻\n\n2021年青川区政府实事项目安排\n\n"
               "作者:admin 发布时间:2022-03-01 10:20:11浏览:12\n\n为民办实事关系群众切身利益,是政府服务群众最直接的体现。"
               "下面一起来看看2021年青川区要办的几件实事!\n\n实事项目\n\n(带*的为市级项目)\n\n01\n\n新建社区食堂10家\n")
    cleaned = ("您的浏览器版本过低,请升级浏览器以后再说X青川要闻2021年青川区政府实事项目安排作者:admin 发布时间:2022-03-01 10:20:11浏览:12"
               "为民办实事关系群众切身利益,是政府服务群众最直接的体现。下面一起来看看2021年青川区要办的几件实事!\n实事项目\n"
               "(带*的为市级项目)01新建社区食堂10家*改造老旧小区6个*新建口袋公园8个*新增公共停车位1200个2021年青川区政府实事项目安排02"
               "新增养老床位300张,新建村级卫生室12个\n新增就业岗位3000个\n")
    meta = extract_meta(cleaned, None, "page.txt", as_read)
    assert (meta.title, meta.report_type, meta.report_year) == ("2021年青川区政府实事项目安排", "工作计划", 2021)
