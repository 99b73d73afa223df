// The indicator chart: a line per region over the report years (data from #chart-data, drawn
// with the vendored ECharts, SVG renderer); clicking a point opens its sentence in the report.
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const element = document.getElementById("chart");
  const chart = echarts.init(element, null, { renderer: "svg" });
  const big = (v) => Math.abs(v) >= 1e8 ? (v / 1e8).toLocaleString("zh-CN") + "亿"
                   : Math.abs(v) >= 1e4 ? (v / 1e4).toLocaleString("zh-CN") + "万" : v.toLocaleString("zh-CN");
  // Regions of every level share the axis (a province's 百万 beside a county's 千): past a
  // hundredfold spread the axis is logarithmic, so small regions stay readable.
  const values = data.series.flatMap((s) => s.data.map((p) => p.value[1]));
  const logarithmic = values.length > 1 && Math.min(...values) > 0 && Math.max(...values) / Math.min(...values) > 100;
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", sans-serif' },
    tooltip: { trigger: "item", formatter: (p) => `${p.seriesName} ${p.data.value[0]}<br>${p.data.raw} (${p.data.kind})` },
    legend: { type: "scroll", top: 0 },
    grid: { top: 40, left: 70, right: 30, bottom: 40 },
    xAxis: { type: "category", data: data.years, boundaryGap: false },
    yAxis: { type: logarithmic ? "log" : "value", name: (data.unit || "") + (logarithmic ? " (log scale)" : ""),
             axisLabel: { formatter: big } },
    series: data.series.map((s) => ({ name: s.name, type: "line", data: s.data, symbolSize: 10,
                                      connectNulls: false, emphasis: { focus: "series" } })),
  });
  chart.on("click", (p) => { if (p.data && p.data.url) window.location.href = p.data.url; });
  window.addEventListener("resize", () => chart.resize());
  element.dataset.ready = "true";
  window.govreportChart = chart;
})();
