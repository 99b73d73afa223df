"""An indicator's figures, one line per region over the years, as a self-contained HTML file.

Inline SVG and CSS only (no script, no CDN): the file opens offline in any browser. The
figures are indicator_series rows of the annual report family in one unit, so every point
on a line is comparable with its neighbours; a missing year breaks the line.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

DEFAULT_TOP = 12
WIDTH, HEIGHT = 960, 520
LEFT, RIGHT, TOP, BOTTOM = 90, 230, 30, 60
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
           "#e377c2", "#17becf", "#7f7f7f", "#bcbd22", "#393b79", "#ad494a")
DASHES = ("", "6 3", "2 3")
GRID, AXIS = "#e3e3e3", "#555"

_UNIT_SQL = """
SELECT s.unit
FROM indicator_series s
LEFT JOIN indicators i USING (indicator_id)
WHERE s.indicator_id = $indicator AND s.report_family = 'annual' AND s.region_code IS NOT NULL
  AND ($province IS NULL OR s.province = $province)
GROUP BY s.unit, i.unit
ORDER BY s.unit IS NOT DISTINCT FROM i.unit DESC, count(*) DESC, s.unit
LIMIT 1
"""

_SERIES_SQL = """
SELECT s.region_code, s.region, s.province, s.report_year, s.value,
       coalesce(i.name, s.indicator_id) AS indicator_name
FROM indicator_series s
LEFT JOIN indicators i USING (indicator_id)
WHERE s.indicator_id = $indicator AND s.report_family = 'annual' AND s.unit = $unit
  AND s.region_code IS NOT NULL AND s.report_year IS NOT NULL
  AND ($province IS NULL OR s.province = $province)
ORDER BY s.region_code, s.report_year
"""


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[tuple[int, float], ...]  # (year, value), years ascending


@dataclass(frozen=True)
class Chart:
    indicator_id: str
    indicator_name: str
    unit: str
    province: str | None
    series: tuple[Series, ...]
    regions_total: int


def load_chart(con: duckdb.DuckDBPyConnection, indicator_id: str, province: str | None = None,
               top: int = DEFAULT_TOP) -> Chart:
    """The `top` regions with the largest latest figure, in the indicator's usual unit."""
    params = {"indicator": indicator_id, "province": province}
    units = con.execute(_UNIT_SQL, params).fetchall()
    if not units:
        where = f" in {province}" if province else ""
        raise ValueError(f"no annual figures of indicator {indicator_id!r}{where}; "
                         "see `govreport indicators` for the indicators and their coverage")
    unit = units[0][0]
    rows = con.execute(_SERIES_SQL, {**params, "unit": unit}).fetchall()
    series = _series_by_region(rows)
    ranked = sorted(series, key=lambda s: s.points[-1][1], reverse=True)
    return Chart(indicator_id, rows[0][5], unit, province, tuple(ranked[:top]), len(series))


def _series_by_region(rows: list[tuple]) -> list[Series]:
    """One Series per region_code; a name shared by two regions gets its province added."""
    grouped: dict[str, tuple[str, str, list[tuple[int, float]]]] = {}
    for code, region, province, year, value, _name in rows:
        grouped.setdefault(code, (region, province, []))[2].append((year, value))
    names = [region for region, _, _ in grouped.values()]
    return [Series(f"{region}（{province}）" if names.count(region) > 1 and region != province else region,
                   tuple(points))
            for region, province, points in grouped.values()]


def render_html(chart: Chart) -> str:
    """The whole HTML document: heading, SVG line chart with legend, and the data table."""
    title = f"{chart.indicator_name}（{chart.unit}）" + (f" · {chart.province}" if chart.province else "")
    shown = len(chart.series)
    note = (f"{shown} of {chart.regions_total} regions, those with the largest latest figure; "
            if shown < chart.regions_total else f"{shown} regions; ")
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; }}
h1 {{ font-size: 20px; margin: 0 0 4px; }}
p.note {{ color: #555; margin: 0 0 12px; font-size: 13px; }}
svg text {{ font-size: 12px; fill: #333; }}
table {{ border-collapse: collapse; margin-top: 16px; font-size: 13px; }}
th, td {{ border: 1px solid #ccc; padding: 3px 8px; text-align: right; }}
th:first-child, td:first-child {{ text-align: left; }}
</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<p class="note">{html.escape(note)}actual figures from annual reports (indicator_series, indicator
{html.escape(chart.indicator_id)}); generated {generated} from the govreport warehouse.</p>
{_svg(chart)}
{_data_table(chart)}
</body>
</html>
"""


def _svg(chart: Chart) -> str:
    """Axes, grid, one polyline run per consecutive years of each series, legend."""
    years = sorted({year for s in chart.series for year, _ in s.points})
    first, last = years[0] - 0.5, years[-1] + 0.5
    values = [value for s in chart.series for _, value in s.points]
    ticks = nice_ticks(min(0.0, min(values)), max(values))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        return LEFT + (year - first) / (last - first) * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - (value - ticks[0]) / (ticks[-1] - ticks[0]) * plot_h

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img">']
    for tick in ticks:
        parts.append(f'<line stroke="{GRID}" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>'
                     f'<text x="{LEFT - 8}" y="{y(tick) + 4:.1f}" text-anchor="end">{compact_number(tick)}</text>')
    for year in years:
        parts.append(f'<line stroke="{AXIS}" x1="{x(year):.1f}" x2="{x(year):.1f}" y1="{TOP + plot_h}" '
                     f'y2="{TOP + plot_h + 5}"/><text x="{x(year):.1f}" y="{TOP + plot_h + 20}" '
                     f'text-anchor="middle">{year}</text>')
    parts.append(f'<line stroke="{AXIS}" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP + plot_h}" y2="{TOP + plot_h}"/>'
                 f'<line stroke="{AXIS}" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{TOP + plot_h}"/>'
                 f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 15}" text-anchor="middle">report year</text>'
                 f'<text transform="translate(18 {TOP + plot_h / 2}) rotate(-90)" text-anchor="middle">'
                 f'{html.escape(chart.indicator_name)} ({html.escape(chart.unit)})</text>')
    for index, series in enumerate(chart.series):
        parts.append(_series_svg(series, index, chart.unit, x, y))
        parts.append(_legend_entry(series, index, LEFT + plot_w + 20, TOP + 8 + index * 20))
    parts.append("</svg>")
    return "\n".join(parts)


def _series_svg(series: Series, index: int, unit: str, x, y) -> str:
    """One series: a polyline per run of consecutive years and a point with a tooltip per year."""
    color, dash = _style(index)
    runs: list[list[tuple[int, float]]] = []
    for point in series.points:
        if runs and point[0] == runs[-1][-1][0] + 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    label = html.escape(series.label)
    lines = [f'<polyline fill="none" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}" points="'
             + " ".join(f"{x(year):.1f},{y(value):.1f}" for year, value in run) + '"/>'
             for run in runs if len(run) > 1]
    dots = [f'<circle cx="{x(year):.1f}" cy="{y(value):.1f}" r="3.5" fill="{color}">'
            f'<title>{label} {year}: {value:,.10g} {html.escape(unit)}</title></circle>'
            for year, value in series.points]
    return f'<g data-series="{label}">' + "".join(lines + dots) + "</g>"


def _legend_entry(series: Series, index: int, left: float, top: float) -> str:
    color, dash = _style(index)
    return (f'<line x1="{left}" x2="{left + 24}" y1="{top}" y2="{top}" stroke="{color}" stroke-width="2" '
            f'stroke-dasharray="{dash}"/><text x="{left + 30}" y="{top + 4}">{html.escape(series.label)}</text>')


def _style(index: int) -> tuple[str, str]:
    """Colour and dash pattern of the index-th series: colours first, then dashes."""
    return PALETTE[index % len(PALETTE)], DASHES[(index // len(PALETTE)) % len(DASHES)]


def _data_table(chart: Chart) -> str:
    """The plotted figures as a table, regions down and years across."""
    years = sorted({year for s in chart.series for year, _ in s.points})
    head = "".join(f"<th>{year}</th>" for year in years)
    rows = []
    for series in chart.series:
        by_year = dict(series.points)
        cells = "".join(f"<td>{by_year[year]:,.10g}</td>" if year in by_year else "<td></td>" for year in years)
        rows.append(f"<tr><td>{html.escape(series.label)}</td>{cells}</tr>")
    return f'<table><tr><th>region</th>{head}</tr>{"".join(rows)}</table>'


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis ticks covering [low, high]: about `count` steps of 1, 2, 2.5 or 5 times a power of ten."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = min((m * magnitude for m in (1, 2, 2.5, 5, 10)), key=lambda candidate: abs(math.log(candidate / raw)))
    start, stop = math.floor(low / step), math.ceil(high / step)
    return [i * step for i in range(start, stop + 1)]


def compact_number(value: float) -> str:
    """Axis label with 万 (10^4) and 亿 (10^8), as Chinese reports write large figures."""
    for size, suffix in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"
