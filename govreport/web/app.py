"""The analysts' web app: indicators, regions, documents, figures, search and data quality.

A Starlette app with Jinja2 templates. Every page reads the warehouse through one
short-lived read-only connection sealed from other files and the network (warehouse.open_reader),
opened for the request and closed before the page is sent, so the app never keeps the file
from an ingestion; while an ingestion writes, a request waits a few seconds like the
command line does, then answers 503 with a Retry-After. The SQL is fixed text in
warehouse/webqueries.py and warehouse/search.py; what a browser sends only fills parameters.
Every table on a page downloads as CSV with `?download=NAME`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
from jinja2 import pass_context
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from govreport.web.text import highlighted_text
from warehouse import WarehouseLockedError, format_rows
from warehouse import webqueries as q
from warehouse.analyst import OutdatedWarehouseError, open_reader
from warehouse.search import CATEGORIES, DEFAULT_LIMIT, EmptyQueryError, search

HERE = Path(__file__).parent
RETRY_AFTER_S = 5
MAX_SEARCH_LIMIT = 200


class WarehouseUnavailable(Exception):
    """The warehouse cannot be read now (locked by an ingestion, missing or outdated)."""

    def __init__(self, message: str, retry: bool):
        super().__init__(message)
        self.retry = retry


def create_app(warehouse: Path, data_docs: Path | None = None) -> Starlette:
    """The web app on the warehouse file; `data_docs` (the GX Data Docs folder) is served
    under /data-docs/ when given."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters.update(number=format_number, hash=short_hash, json=as_json)
    templates.env.globals.update(figure_in_document=figure_in_document, url_for=path_for)

    def read(work: Callable[[duckdb.DuckDBPyConnection], Any]) -> Any:
        """work(con) on a read-only connection sealed from other files and the network
        (warehouse.open_reader), its failures as pages that say what to do."""
        try:
            with open_reader(warehouse) as con:
                return work(con)
        except WarehouseLockedError:
            raise WarehouseUnavailable("An ingestion is loading the warehouse right now; "
                                       f"this page works again when it has finished (retry in {RETRY_AFTER_S} s).",
                                       retry=True) from None
        except FileNotFoundError:
            raise WarehouseUnavailable(f"There is no warehouse at {warehouse} yet: "
                                       "run `govreport ingest` first.", retry=False) from None
        except OutdatedWarehouseError as error:
            raise WarehouseUnavailable(str(error), retry=False) from None

    def page(request: Request, template: str, tables: dict[str, q.Table] | None = None, **context) -> Response:
        """The page, or one of its tables as CSV when ?download=NAME asks for it."""
        tables = tables or {}
        wanted = request.query_params.get("download")
        if wanted is not None:
            if wanted not in tables:
                raise HTTPException(404, f"this page has no table {wanted!r}")
            return csv_response(tables[wanted], f"{template.removesuffix('.html')}-{wanted}.csv")
        return templates.TemplateResponse(request, template, {"tables": tables, **context})

    def home(request: Request) -> Response:
        overview = read(q.overview)
        return page(request, "home.html", overview=overview)

    def indicators(request: Request) -> Response:
        province, kind = _province(request), _kind(request)
        table, choices = read(lambda con: (q.indicators(con, province, kind), q.provinces(con)))
        return page(request, "indicators.html", {"indicators": table},
                    province=province, kind=kind, provinces=choices, kinds=q.KINDS)

    def indicator(request: Request) -> Response:
        indicator_id = request.path_params["indicator_id"]
        province, kind = _province(request), _kind(request)

        def work(con):
            found = q.indicator(con, indicator_id)
            if found is None:
                return None
            return (found, q.indicator_figures(con, indicator_id, province, kind),
                    q.indicator_mentions(con, indicator_id, province, kind), q.provinces(con))

        found = read(work)
        if found is None:
            raise HTTPException(404, f"no indicator {indicator_id!r}")
        info, figures, mentions, choices = found
        return page(request, "indicator.html", {"figures": figures, "mentions": mentions},
                    indicator=info, coverage=coverage_grid(figures), chart=chart_data(figures, info),
                    province=province, kind=kind, provinces=choices, kinds=q.KINDS)

    def regions(request: Request) -> Response:
        province = _province(request)
        table, choices = read(lambda con: (q.regions(con, province), q.provinces(con)))
        return page(request, "regions.html", {"regions": table}, province=province, provinces=choices)

    def region(request: Request) -> Response:
        key = request.path_params["region_key"]

        def work(con):
            found = q.region(con, key)
            return found and (found, q.region_figures(con, key), q.region_reports(con, key))

        found = read(work)
        if not found:
            raise HTTPException(404, f"no region {key!r}")
        info, figures, reports = found
        return page(request, "region.html", {"figures": figures, "reports": reports},
                    region=info, grid=region_grid(figures))

    def document(request: Request) -> Response:
        document_id = request.path_params["document_id"]

        def work(con):
            found = q.document(con, document_id)
            return found and (found, q.document_figures(con, document_id),
                              q.document_sentences(con, document_id), q.document_quality(con, document_id))

        found = read(work)
        if not found:
            raise HTTPException(404, f"no document {document_id!r}")
        info, figures, sentences, quality = found
        focus = request.query_params.get("figure")
        text = highlighted_text(info["text"], figures.records(), sentences.records(), focus,
                                lambda figure_id: request.url_for("figure", metric_id=figure_id).path)
        return page(request, "document.html", {"figures": figures, "quality": quality},
                    document=info, text=text)

    def figure(request: Request) -> Response:
        metric_id = request.path_params["metric_id"]

        def work(con):
            found = q.figure(con, metric_id)
            return found and (found, q.figure_quality(con, metric_id, found["document_id"]))

        found = read(work)
        if not found:
            raise HTTPException(404, f"no figure {metric_id!r}")
        info, quality = found
        return page(request, "figure.html", {"quality": quality}, figure=info)

    def search_page(request: Request) -> Response:
        params = request.query_params
        words = params.get("q", "").strip()
        province, category = _province(request), params.get("category") or None
        year = _int(params.get("year"), "year")
        limit = min(_int(params.get("limit"), "limit") or DEFAULT_LIMIT, MAX_SEARCH_LIMIT)
        if category is not None and category not in CATEGORIES:
            raise HTTPException(400, f"unknown category {category!r}")

        def work(con):
            choices = (q.provinces(con), q.report_years(con))
            if not words:
                return None, None, choices
            try:
                return q.Table(*search(con, words, province, year, category, limit)), None, choices
            except EmptyQueryError as error:
                return None, str(error), choices

        results, problem, (province_choices, years) = read(work)
        return page(request, "search.html", {"results": results} if results is not None else {},
                    words=words, province=province, year=year, category=category, limit=limit,
                    problem=problem, provinces=province_choices, years=years, categories=CATEGORIES)

    def quality(request: Request) -> Response:
        wanted_run, check = request.query_params.get("run"), request.query_params.get("check") or None

        def work(con):
            runs = q.quality_runs(con)
            run_id = wanted_run or (runs.rows[0][0] if runs.rows else None)
            if run_id is None:
                return runs, None, None, None
            return runs, run_id, q.quality_checks(con, run_id), q.quality_failures(con, run_id, check)

        runs, run_id, checks, failures = read(work)
        if wanted_run and not checks:
            raise HTTPException(404, f"no data-quality results for run {wanted_run!r}")
        tables = {"runs": runs} | ({"checks": checks, "failures": failures} if checks is not None else {})
        return page(request, "quality.html", tables, run_id=run_id, check=check,
                    data_docs=data_docs is not None and (data_docs / "index.html").exists())

    async def unavailable(request: Request, error: WarehouseUnavailable) -> Response:
        headers = {"Retry-After": str(RETRY_AFTER_S)} if error.retry else {}
        return templates.TemplateResponse(request, "error.html", {"title": "Warehouse unavailable",
                                                                 "message": str(error)},
                                          status_code=503, headers=headers)

    async def http_error(request: Request, error: HTTPException) -> Response:
        return templates.TemplateResponse(request, "error.html", {"title": f"Error {error.status_code}",
                                                                 "message": error.detail},
                                          status_code=error.status_code)

    routes = [
        Route("/", home, name="home"),
        Route("/indicators", indicators, name="indicators"),
        Route("/indicators/{indicator_id}", indicator, name="indicator"),
        Route("/regions", regions, name="regions"),
        Route("/regions/{region_key}", region, name="region"),
        Route("/documents/{document_id}", document, name="document"),
        Route("/figures/{metric_id}", figure, name="figure"),
        Route("/search", search_page, name="search"),
        Route("/quality", quality, name="quality"),
        Route("/favicon.ico", lambda request: RedirectResponse("/static/favicon.svg")),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    if data_docs is not None:
        routes.append(Mount("/data-docs", StaticFiles(directory=str(data_docs), html=True, check_dir=False),
                            name="data_docs"))
    return Starlette(routes=routes, exception_handlers={WarehouseUnavailable: unavailable,
                                                        HTTPException: http_error})


# --- request parameters -------------------------------------------------------------------

def _province(request: Request) -> str | None:
    return request.query_params.get("province") or None


def _kind(request: Request) -> str | None:
    kind = request.query_params.get("kind") or None
    if kind is not None and kind not in q.KINDS:
        raise HTTPException(400, f"unknown kind {kind!r}: actual or target")
    return kind


def _int(text: str | None, name: str) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise HTTPException(400, f"{name} must be a whole number, not {text!r}") from None


# --- what pages show ----------------------------------------------------------------------

def csv_response(table: q.Table, filename: str) -> Response:
    """The table as CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese)."""
    body = "\ufeff" + format_rows(table.columns, table.rows, "csv") + "\n"
    return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})


def coverage_grid(figures: q.Table) -> dict[str, Any]:
    """Regions × years of an indicator's figures: {years, rows: [(region, province, {year: figure})]}."""
    years = sorted({f["report_year"] for f in figures.records()})
    rows: dict[str, tuple[str, str, dict]] = {}
    for f in figures.records():
        rows.setdefault(f["region_key"], (f["region"], f["province"], {}))[2][f["report_year"]] = f
    return {"years": years, "rows": list(rows.values())}


def region_grid(figures: q.Table) -> dict[str, Any]:
    """Indicators × years of a region: {years, rows: [(indicator_id, name, {year: figure})]}."""
    years = sorted({f["report_year"] for f in figures.records()})
    rows: dict[str, tuple[str, str, dict]] = {}
    for f in figures.records():
        rows.setdefault(f["indicator_id"], (f["indicator_id"], f["indicator_name"], {}))[2][f["report_year"]] = f
    return {"years": years, "rows": list(rows.values())}


def chart_data(figures: q.Table, indicator: dict[str, Any]) -> dict[str, Any]:
    """What the ECharts line chart draws: a series per region over the years, points in the
    indicator's usual unit only (a 户 figure on a 人 axis would mislead), each with the link
    to its sentence in the document."""
    series: dict[str, dict] = {}
    left_out = 0
    for f in figures.records():
        if not f["usual_unit"]:
            left_out += 1
            continue
        points = series.setdefault(f["region_key"], {"name": f["region"], "data": []})["data"]
        points.append({"value": [str(f["report_year"]), f["value"]], "raw": f["raw"], "kind": f["kind"],
                       "url": figure_in_document(f["document_id"], f["metric_id"])})
    years = sorted({str(f["report_year"]) for f in figures.records()})
    return {"unit": indicator["unit"], "years": years, "series": list(series.values()), "left_out": left_out}


def figure_in_document(document_id: str, metric_id: str) -> str:
    """The document page scrolled to a figure, its sentence highlighted (metric_id is
    <document_id>:<start>:<end>; the mark's id is m-START-END)."""
    start, end = metric_id.rsplit(":", 2)[1:]
    return f"/documents/{quote(document_id)}?figure={quote(metric_id)}#m-{start}-{end}"


@pass_context
def path_for(context: dict, name: str, /, **params: Any) -> str:
    """A route's path (not an absolute URL), so that pages work behind a proxy too."""
    return context["request"].url_for(name, **params).path


def format_number(value: Any) -> str:
    """A figure as people read it: thousands separated, no trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return f"{value:,}" if isinstance(value, int) else str(value)


def short_hash(value: str | None) -> str:
    return (value or "")[:12]


def as_json(value: Any) -> Markup:
    """JSON for a <script type="application/json"> block (closing tags escaped)."""
    return Markup(json.dumps(value, ensure_ascii=False, default=str).replace("</", "<\\/"))
