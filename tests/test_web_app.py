"""`govreport web` over HTTP: every page answers, tables download as CSV, what a browser sends
is only ever a parameter, the app waits for a writer and never holds the file from one, and
a taken port is one clear line."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import threading
import time
from urllib.parse import quote

import duckdb
import pytest

from warehouse.schema import connect

pytest_plugins = ["tests.analyst_fixtures", "tests.web_fixtures"]

ANJI = "8922feae3bd246c01181ce08c9e3ef357d4b08334c629ebab1e6e02d5bebb2a7"
PAGES = {
    "/": "10 reports",
    "/indicators": "城乡低保对象",
    "/indicators/tekun_persons?kind=actual": "特困人员",
    "/regions?province=" + quote("河南省"): "栾川县",
    "/regions/410324": "栾川县民政局",
    f"/documents/{ANJI}": "安吉县民政局2025年上半年工作总结",
    f"/figures/{ANJI}:731:735": "8.5名",
    "/search?q=" + quote("低保") + "&year=2024": "低保",
    "/quality": "count_is_whole",
}
TABLES = {
    "/indicators": ["indicators"],
    "/indicators/dibao_recipients": ["figures", "mentions"],
    "/regions": ["regions"],
    "/regions/410324": ["figures", "reports"],
    f"/documents/{ANJI}": ["figures", "quality"],
    f"/figures/{ANJI}:731:735": ["quality"],
    "/search?q=" + quote("低保"): ["results"],
    "/quality": ["runs", "checks", "failures"],
}


def csv_rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.parametrize("path", list(PAGES))
def test_each_page_answers_with_its_content(web, path):
    status, headers, body = web.get(path)
    assert status == 200, body[:500]
    assert headers["content-type"].startswith("text/html")
    assert PAGES[path] in body.decode("utf-8")


@pytest.mark.parametrize("path", list(TABLES))
def test_every_table_downloads_as_csv(web, path):
    for table in TABLES[path]:
        status, headers, body = web.get(path + ("&" if "?" in path else "?") + f"download={table}")
        assert status == 200 and headers["content-type"] == "text/csv; charset=utf-8", (table, body[:300])
        assert body.startswith("\ufeff".encode("utf-8"))  # Excel reads UTF-8 Chinese with the BOM
        rows = csv_rows(body)
        assert rows and all(len(row) == len(rows[0]) for row in rows), table
    assert web.get(path + ("&" if "?" in path else "?") + "download=nothing")[0] == 404


def test_figures_csv_holds_the_warehouse_rows(web, sample_site):
    rows = csv_rows(web.get("/indicators/dibao_recipients?download=mentions")[2])
    with duckdb.connect(str(sample_site.warehouse), read_only=True) as con:
        expected = con.execute("SELECT count(*) FROM indicator_values WHERE indicator_id = 'dibao_recipients'"
                               ).fetchall()[0][0]
    assert len(rows) - 1 == expected
    assert "2.31万人" in {row[rows[0].index("raw")] for row in rows[1:]}


def test_what_a_browser_sends_is_a_parameter_not_sql(web):
    injected = quote("河南省' OR 1=1 --")
    status, _, body = web.get(f"/indicators?province={injected}&download=indicators")
    assert status == 200 and len(csv_rows(body)) == 1  # the header alone: no province has that name
    assert web.get("/indicators/" + quote("x' OR '1'='1"))[0] == 404
    assert web.get("/search?q=" + quote("低保") + "&year=2024;DROP")[0] == 400
    assert web.get("/indicators?kind=" + quote("actual' OR 'a'='a"))[0] == 400


def test_unknown_things_are_404_with_a_page(web):
    for path in ("/indicators/no_such_indicator", "/regions/000000", "/documents/abc", "/figures/abc:1:2",
                 "/quality?run=no-such-run"):
        status, headers, body = web.get(path)
        assert status == 404 and headers["content-type"].startswith("text/html"), path
        assert "Error 404" in body.decode("utf-8")


def test_a_search_of_only_stop_words_says_so(web):
    status, _, body = web.get("/search?q=" + quote("的"))
    assert status == 200 and "has no searchable word" in body.decode("utf-8")


def test_a_request_leaves_the_file_free_for_a_writer(web, sample_site):
    """After each answer the app holds no connection: a writer opens the file at once."""
    for path in ("/indicators", f"/documents/{ANJI}", "/quality"):
        assert web.get(path)[0] == 200
        writer = connect(sample_site.warehouse, retries=0)  # raises WarehouseLockedError if held
        writer.close()


def test_the_app_waits_for_a_writer_then_answers(web, sample_site):
    """While an ingestion holds the file a request waits; it answers once the writer is gone,
    and a writer that stays says 503 with Retry-After instead of an error page."""
    writer = connect(sample_site.warehouse)
    try:
        released = threading.Timer(1.0, writer.close)
        released.start()
        started = time.monotonic()
        status, _, _ = web.get("/indicators")
        assert status == 200 and time.monotonic() - started >= 0.9
    finally:
        released.join()
    writer = connect(sample_site.warehouse)
    try:
        status, headers, body = web.get("/quality")
    finally:
        writer.close()
    assert status == 503 and headers["retry-after"] == "5"
    assert "An ingestion is loading the warehouse" in body.decode("utf-8")
    assert web.get("/quality")[0] == 200


def test_no_warehouse_is_a_page_that_says_what_to_do(sample_site, tmp_path):
    from tests.web_fixtures import start_server, stop_server

    server = start_server(sample_site, warehouse=tmp_path / "none.duckdb")
    try:
        status, headers, body = server.get("/indicators")
    finally:
        stop_server(server)
    assert status == 503 and "retry-after" not in {k.lower() for k in headers}
    assert "run `govreport ingest` first" in body.decode("utf-8")


def test_a_taken_port_is_one_line(web, sample_site):
    port = web.url.rsplit(":", 1)[1]
    done = subprocess.run([sys.executable, "-m", "govreport", "web", "--port", port], env=sample_site.env,
                          cwd=sample_site.folder, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and f"cannot listen on 127.0.0.1:{port}" in done.stderr
    checked = subprocess.run([sys.executable, "-m", "govreport.serve", "--port", "0", "--web-port", port],
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 1 and "make serve PORT=" in checked.stderr and checked.stderr.count("\n") == 1


def test_vendored_echarts_is_served_and_no_page_loads_from_elsewhere(web):
    status, headers, body = web.get("/static/vendor/echarts/echarts.common.min.js")
    assert status == 200 and b"echarts" in body[:2000] and len(body) > 500_000
    html = web.get("/indicators/dibao_recipients")[2].decode("utf-8")
    assert "/static/vendor/echarts/echarts.common.min.js" in html
    for page in PAGES:
        text = web.get(page)[2].decode("utf-8")
        assert "src=\"http" not in text and "href=\"http" not in text, page
