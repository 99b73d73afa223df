"""A document's text as HTML: each sentence a span with an id, each extracted figure a link
to its row, placed by the offsets the warehouse stores (so what is marked is exactly `raw`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup, escape


def highlighted_text(text: str, figures: Iterable[dict[str, Any]], sentences: Iterable[dict[str, Any]],
                     focus: str | None, figure_url: Callable[[str], str]) -> Markup:
    """The text with `<span class="sentence" id="s-IDX">` around each sentence and
    `<a class="figure" id="m-START-END">` around each figure; the figure `focus` (a
    metric_id) and its sentence get the class `focus`.

    Sentences and figures nest (a figure lies inside one sentence); a figure that would cross
    a sentence boundary or overlap another is left unmarked rather than break the nesting.
    """
    figures = sorted(figures, key=lambda f: f["start"])
    focus_start = next((f["start"] for f in figures if f["metric_id"] == focus), None)
    parts: list[str] = []
    position = 0
    for sentence in sorted(sentences, key=lambda s: s["start"]):
        start, end = sentence["start"], sentence["end"]
        if start < position:
            continue
        parts.append(escape(text[position:start]))
        inside = [f for f in figures if start <= f["start"] and f["end"] <= end]
        focused = focus_start is not None and start <= focus_start < end
        parts.append(Markup('<span class="sentence{}" id="s-{}">').format(" focus" if focused else "",
                                                                       sentence["idx"]))
        parts.append(_marked(text, start, end, inside, focus, figure_url))
        parts.append(Markup("</span>"))
        position = end
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def _marked(text: str, start: int, end: int, figures: list[dict[str, Any]], focus: str | None,
            figure_url: Callable[[str], str]) -> Markup:
    parts: list[str] = []
    position = start
    for figure in figures:
        if figure["start"] < position:
            continue
        parts.append(escape(text[position:figure["start"]]))
        classes = "figure" + (" failed" if figure.get("failed_check") else "") + (
            " focus" if figure["metric_id"] == focus else "")
        title = " · ".join(str(v) for v in (figure.get("subject"), figure.get("indicator_name"),
                                             figure.get("kind")) if v)
        parts.append(Markup('<a class="{}" id="m-{}-{}" href="{}" title="{}">{}</a>').format(
            classes, figure["start"], figure["end"], figure_url(figure["metric_id"]), title,
            text[figure["start"]:figure["end"]]))
        position = figure["end"]
    parts.append(escape(text[position:end]))
    return Markup("").join(parts)
