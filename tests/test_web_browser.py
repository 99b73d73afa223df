"""The web app in a real browser: headless Chromium (Debian's) driven by Selenium opens each
page of `govreport web` on the sample warehouse, checks what it shows, clicks from a chart
point to the sentence in the document, and from a data-quality failure to its figure.

GOVREPORT_SCREENSHOTS=DIR keeps the screenshots of test_screenshots_of_each_page in DIR
(`make screenshots` writes the README's into docs/screenshots/)."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

pytest_plugins = ["tests.analyst_fixtures", "tests.web_fixtures"]

ANJI = "8922feae3bd246c01181ce08c9e3ef357d4b08334c629ebab1e6e02d5bebb2a7"  # 安吉县 2025 H1 (sha256 of the sample)
LUANCHUAN = "410324"


def wait_for(browser, condition, timeout: float = 20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout).until(condition)


def open_page(browser, web, path: str):
    browser.get(web.url + path)
    assert "Error" not in browser.title and "unavailable" not in browser.title, browser.find_element(
        "tag name", "main").text
    return browser


def table_rows(browser, table_id: str) -> list[list[str]]:
    rows = browser.find_elements("css selector", f"#{table_id} tbody tr")
    return [[cell.text for cell in row.find_elements("tag name", "td")] for row in rows]


def downloaded_csv(web, href: str) -> list[list[str]]:
    """The CSV a download link serves (fetched directly: headless downloads go nowhere)."""
    split = urlsplit(href)
    status, headers, body = web.get(split.path + ("?" + split.query if split.query else ""))
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert "attachment" in headers["content-disposition"]
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_home_page_counts_what_the_warehouse_holds(browser, web):
    open_page(browser, web, "/")
    lead = browser.find_element("css selector", ".lead").text
    assert "10 reports from 9 regions, 2022–2025" in lead
    assert [a.text.split()[0] for a in browser.find_elements("css selector", "header nav a")] == [
        "指标", "地区", "检索", "数据质量"]


def test_indicators_filter_by_province_and_kind(browser, web):
    open_page(browser, web, "/indicators")
    every = table_rows(browser, "indicators")
    names = {row[1] for row in every}
    assert {"城乡低保对象", "特困人员", "临时救助"} <= names
    dibao = next(row for row in every if row[0] == "dibao_recipients")
    assert dibao[2:7] == ["人", "9", "4", "2022–2025", "10"]

    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("name", "province")).select_by_visible_text("河南省")
    Select(browser.find_element("name", "kind")).select_by_visible_text("target")
    browser.find_element("css selector", ".filters button").click()
    wait_for(browser, lambda b: "kind=target" in b.current_url)
    assert "province=%E6%B2%B3%E5%8D%97%E7%9C%81" in browser.current_url
    targets = table_rows(browser, "indicators")
    assert 0 < len(targets) < len(every)
    assert all(row[3] == "1" for row in targets)  # one region: 栾川县, the only 河南 reports
    link = browser.find_element("css selector", "#indicators tbody a")
    link.click()
    wait_for(browser, lambda b: "/indicators/" in b.current_url)
    assert table_rows(browser, "mentions")
    assert {row[5] for row in table_rows(browser, "mentions")} == {"target"}
    assert {row[0] for row in table_rows(browser, "mentions")} == {"栾川县"}


def test_indicator_page_has_coverage_chart_and_csv(browser, web):
    open_page(browser, web, "/indicators/dibao_recipients")
    assert browser.find_element("tag name", "h1").text.startswith("城乡低保对象")
    wait_for(browser, lambda b: b.find_element("id", "chart").get_attribute("data-ready") == "true")
    chart_text = browser.find_element("id", "chart").text + " ".join(
        e.get_attribute("textContent") for e in browser.find_elements("css selector", "#chart svg text"))
    assert "栾川县" in chart_text and "甘肃省" in chart_text
    coverage = {row[0]: row[2:] for row in table_rows(browser, "coverage")}
    years = [th.text for th in browser.find_elements("css selector", "#coverage thead th")][2:]
    assert years == ["2022", "2023", "2024", "2025"]
    assert len(coverage) == 9
    luanchuan = dict(zip(years, coverage["栾川县"]))
    assert luanchuan["2023"] and luanchuan["2024"] and not luanchuan["2022"]

    link = browser.find_element("css selector", "h2 a.csv").get_attribute("href")
    rows = downloaded_csv(web, link)
    assert rows[0][:3] == ["region", "province", "report_year"]
    assert len(rows) - 1 == sum(bool(cell) for cells in coverage.values() for cell in cells)


def test_clicking_a_chart_point_opens_its_sentence(browser, web):
    open_page(browser, web, "/indicators/dibao_recipients?province=" + quote("河南省"))
    wait_for(browser, lambda b: b.find_element("id", "chart").get_attribute("data-ready") == "true")
    # Where ECharts drew 栾川县's 2024 point, in pixels from the chart's top-left corner.
    x, y, raw = browser.execute_script("""
        const chart = window.govreportChart, series = chart.getOption().series;
        const index = series.findIndex((s) => s.name === "栾川县");
        const point = series[index].data.find((p) => p.value[0] === "2024");
        const [x, y] = chart.convertToPixel({seriesIndex: index}, point.value);
        return [x, y, point.raw];""")
    chart = browser.find_element("id", "chart")
    from selenium.webdriver.common.action_chains import ActionChains

    size = chart.size
    ActionChains(browser).move_to_element_with_offset(
        chart, int(x - size["width"] / 2), int(y - size["height"] / 2)).click().perform()
    wait_for(browser, lambda b: "/documents/" in b.current_url)
    assert urlsplit(browser.current_url).fragment.startswith("m-")
    focus = browser.find_element("css selector", ".sentence.focus")
    figure = focus.find_element("css selector", "a.figure.focus")
    assert figure.text == raw
    assert figure.get_attribute("id") == urlsplit(browser.current_url).fragment
    assert "低保" in focus.text
    in_view = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;", figure)
    assert in_view
    assert "栾川县民政局2024年" in browser.find_element("tag name", "h1").text


def test_region_page_lists_its_indicators_over_the_years(browser, web):
    open_page(browser, web, "/regions")
    browser.find_element("link text", "栾川县").click()
    wait_for(browser, lambda b: b.current_url.endswith(f"/regions/{LUANCHUAN}"))
    assert "河南省 / 洛阳市 / 栾川县" in browser.find_element("tag name", "h1").text
    years = [th.text for th in browser.find_elements("css selector", "#region-figures thead th")][1:]
    assert years == ["2023", "2024"]
    grid = {row[0]: row[1:] for row in table_rows(browser, "region-figures")}
    assert all(grid["城乡低保对象"])
    sources = table_rows(browser, "region-sources")
    assert len(sources) == sum(bool(cell) for cells in grid.values() for cell in cells)
    assert len(table_rows(browser, "region-reports")) == 2


def test_document_marks_every_figure_and_the_failed_one(browser, web):
    open_page(browser, web, f"/documents/{ANJI}")
    assert "安吉县民政局2025年上半年工作总结" in browser.find_element("tag name", "h1").text
    marks = browser.find_elements("css selector", "#text a.figure")
    figures = downloaded_csv(web, browser.find_element("css selector", "a.csv").get_attribute("href"))
    assert len(marks) == len(figures) - 1 == 52
    assert [m.text for m in marks] == [row[3] for row in figures[1:]]  # raw, in text order
    failed = browser.find_elements("css selector", "#text a.figure.failed")
    assert [m.text for m in failed] == ["8.5名"]
    assert "count_is_whole" in browser.find_element("css selector", ".dq-box").text
    failed[0].click()
    wait_for(browser, lambda b: "/figures/" in b.current_url)
    row = dict(zip([th.text for th in browser.find_elements("css selector", "#figure-row th")],
                   [td.text for td in browser.find_elements("css selector", "#figure-row td")]))
    assert row["raw"] == "8.5名" and row["unit"] == "名" and row["kind"] == "actual"
    assert row["subject"] == "持证养老护理员" and row["period"] == "2025-H1"
    quality = {r[0]: r[3] for r in table_rows(browser, "figure-quality")}
    assert quality["count_is_whole"] == "failed on this figure"
    assert quality["raw_matches_text"] == "passed"


def test_search_with_filters_leads_to_the_sentence(browser, web):
    open_page(browser, web, "/search")
    from selenium.webdriver.support.ui import Select

    browser.find_element("name", "q").send_keys("低保")
    Select(browser.find_element("name", "province")).select_by_visible_text("河南省")
    browser.find_element("css selector", ".filters button").click()
    wait_for(browser, lambda b: "q=" in b.current_url)
    results = table_rows(browser, "results")
    assert results and all("河南省" in row[3] for row in results)
    scores = [float(row[0]) for row in results]
    assert scores == sorted(scores, reverse=True)
    sentence = browser.find_element("css selector", "#results tbody td.sentence-cell a")
    text = sentence.text
    sentence.click()
    wait_for(browser, lambda b: "/documents/" in b.current_url)
    target = browser.find_element("id", urlsplit(browser.current_url).fragment)
    assert target.text == text

    open_page(browser, web, "/search?q=" + quote("社会组织") + "&category=problems")
    assert all(row[5].endswith("problems") for row in table_rows(browser, "results"))


def test_data_quality_page_links_a_failure_to_its_document_and_figure(browser, web):
    open_page(browser, web, "/quality")
    checks = {row[0]: row for row in table_rows(browser, "checks")}
    assert checks["count_is_whole"][3] == "failed" and checks["count_is_whole"][4:6] == ["1", "1"]
    assert all(row[3] == "passed" for name, row in checks.items() if name != "count_is_whole")
    failures = table_rows(browser, "failures")
    assert len(failures) == 1 and failures[0][0] == "count_is_whole"
    assert "安吉县民政局2025年上半年工作总结" in failures[0][2] and "anji-2025-h1.txt" in failures[0][2]
    browser.find_element("css selector", "#failures a[href^='/documents/']").get_attribute("href")
    browser.find_element("css selector", "#failures a[href^='/figures/']").click()
    wait_for(browser, lambda b: "/figures/" in b.current_url)
    assert unquote(browser.current_url).endswith(f"{ANJI}:731:735")
    runs = downloaded_csv(web, web.url + "/quality?download=runs")
    assert runs[0][:2] == ["run_id", "evaluated_at"] and len(runs) == 2


def test_chinese_renders_with_a_cjk_font(browser, web):
    """The fonts Chromium really drew the heading with (DevTools' CSS.getPlatformFontsForNode)."""
    open_page(browser, web, "/indicators/dibao_recipients")
    root = browser.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    heading = browser.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    browser.execute_cdp_cmd("CSS.enable", {})
    fonts = browser.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    drawn = {font["familyName"]: font["glyphCount"] for font in fonts}
    cjk = {name: count for name, count in drawn.items() if "CJK" in name}
    assert sum(cjk.values()) >= len("城乡低保对象"), f"Chinese drawn with {drawn}: apt-get install fonts-noto-cjk"


def test_screenshots_of_each_page(browser, web, tmp_path):
    """Each page as a person sees it (the README's pictures, with GOVREPORT_SCREENSHOTS=DIR)."""
    folder = Path(os.environ.get("GOVREPORT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    pages = {
        "indicator": "/indicators/dibao_recipients",
        "document": f"/documents/{ANJI}?figure={quote(ANJI + ':731:735')}#m-731-735",
        "search": "/search?q=" + quote("养老 床位") + "&category=plans",
        "quality": "/quality",
        "region": f"/regions/{LUANCHUAN}",
    }
    for name, path in pages.items():
        open_page(browser, web, path)
        if name == "indicator":
            wait_for(browser, lambda b: b.find_element("id", "chart").get_attribute("data-ready") == "true")
        target = folder / f"web-{name}.png"
        assert browser.save_screenshot(str(target))
        assert target.stat().st_size > 20_000  # a rendered page, not a blank one
        small_png(target)


def small_png(path: Path) -> None:
    """The screenshot in 64 colours (text and flat colours lose nothing a reader sees)."""
    from PIL import Image  # reportlab's dependency, installed with the test extras

    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    reduced.save(path, optimize=True)


def test_data_docs_render_offline_with_names(browser, web, sample_site):
    """The run's GX Data Docs, opened from disk: every asset a local file, styles and scripts
    applied, and the failing report named by file and title."""
    index = sample_site.folder / "dq-docs" / "index.html"
    browser.get(index.as_uri())
    loaded = browser.execute_script("""return [...document.querySelectorAll("script[src], link[href], img[src]")]
        .map((e) => e.src || e.href)""")
    assert len(loaded) >= 10 and all(url.startswith("file://") for url in loaded), loaded
    assert all(Path(unquote(urlsplit(url).path)).is_file() for url in loaded)
    ready = browser.execute_script("""return [typeof jQuery, typeof jQuery.fn.bootstrapTable,
        getComputedStyle(document.querySelector(".navbar")).display]""")
    assert ready == ["function", "function", "flex"]
    page = next((sample_site.folder / "dq-docs" / "validations" / "metrics").glob("*/*/metrics-1.html"))
    browser.get(page.as_uri())
    icons = browser.execute_async_script("""const done = arguments[0];
        document.fonts.ready.then(() => done(document.fonts.check('900 16px "Font Awesome 6 Free"')))""")
    assert icons, "the check-mark icons' font did not load"
    failing = browser.find_element("id", "failing-documents").text
    assert "count_is_whole" in failing and "anji-2025-h1.txt · 安吉县民政局2025年上半年工作总结" in failing
    assert ANJI[:12] in failing
    open_page(browser, web, "/quality")
    browser.find_element("link text", "GX Data Docs").click()
    wait_for(browser, lambda b: "/data-docs/" in b.current_url)
    assert "Expectation Suites" in browser.page_source or "Validation Results" in browser.page_source
