"""Render the bundled sample reports from their plain-text sources.

Each source in data/sample-sources/<name>.txt is turned into the file format named for it in
data/sample-sources/formats.toml (txt in a given encoding, docx, pdf or a government-portal
html page) and written to data/samples/. Real reports reach the pipeline in all of these
formats, so the samples exercise every reader on the same kind of text.

Output is deterministic: fixed document dates and metadata, and docx zip entries with a fixed
timestamp, so rerunning gives the same bytes.

Source conventions: the first line is the title, the last two lines are the signature block
(agency, date), and consecutive lines containing a tab form a table (first row is the header).

Usage: python scripts/render_samples.py
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import tomllib
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sample-sources"
SAMPLES = ROOT / "data" / "samples"

ZIP_TIMESTAMP = (2025, 1, 1, 0, 0, 0)
HEADING = re.compile(r"^[一二三四五六七八九十]+、")
PDF_FONT = "STSong-Light"


def split_document(text: str) -> tuple[str, list[str], list[str]]:
    """Split a source into title, body lines and the two-line signature block."""
    lines = [line for line in text.split("\n") if line.strip()]
    return lines[0], lines[1:-2], lines[-2:]


def group_blocks(lines: list[str]) -> list[str | list[list[str]]]:
    """Group consecutive tab-separated lines into tables; other lines stay paragraphs."""
    blocks: list[str | list[list[str]]] = []
    for line in lines:
        if "\t" not in line:
            blocks.append(line)
        elif blocks and isinstance(blocks[-1], list):
            blocks[-1].append(line.split("\t"))
        else:
            blocks.append([line.split("\t")])
    return blocks


def render_txt(text: str, spec: dict, out: Path) -> None:
    """Write the source text unchanged in the requested encoding (utf-8, utf-8-sig, gb18030)."""
    out.write_bytes(text.encode(spec["encoding"]))


def set_east_asian_font(style, name: str, size: float) -> None:
    """Set a style's font for both Latin and CJK runs (python-docx only sets the Latin one)."""
    style.font.name = name
    style.font.size = Pt(size)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def add_docx_table(document, rows: list[list[str]]) -> None:
    """Add a bordered table whose first row is a bold header."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            if r == 0:
                cell.paragraphs[0].runs[0].bold = True


def build_docx(text: str, spec: dict):
    """Lay the report out like a typed government document."""
    title, body, signature = split_document(text)
    document = docx.Document()
    set_east_asian_font(document.styles["Normal"], "仿宋_GB2312", 14)
    section = document.sections[0]
    section.header.paragraphs[0].text = spec["header"]
    section.footer.paragraphs[0].text = spec["footer"]
    section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold = True
    run.font.size = Pt(20)
    for block in group_blocks(body):
        if isinstance(block, list):
            add_docx_table(document, block)
            continue
        paragraph = document.add_paragraph()
        paragraph.add_run(block).bold = bool(HEADING.match(block))
        paragraph.paragraph_format.first_line_indent = Pt(28)
    for line in signature:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    set_docx_properties(document, title, spec)
    return document


def set_docx_properties(document, title: str, spec: dict) -> None:
    """Pin core properties so they do not carry the render time or the library's defaults."""
    props = document.core_properties
    stamp = dt.datetime.fromisoformat(spec["date"])
    props.title = title
    props.author = spec["author"]
    props.last_modified_by = spec["author"]
    props.comments = ""
    props.revision = 1
    props.created = stamp
    props.modified = stamp


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry timestamps so identical content gives identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, source.read(item.filename))
    return target.getvalue()


def render_docx(text: str, spec: dict, out: Path) -> None:
    """Write the report as a .docx with header, footer and any tables."""
    buffer = io.BytesIO()
    build_docx(text, spec).save(buffer)
    out.write_bytes(normalise_zip(buffer.getvalue()))


def pdf_styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles using a CJK CID font whose text layer extracts as Unicode."""
    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    body = ParagraphStyle("body", fontName=PDF_FONT, fontSize=12, leading=21,
                          firstLineIndent=24, wordWrap="CJK", spaceAfter=2)
    return {
        "title": ParagraphStyle("title", parent=body, fontSize=17, leading=26,
                                alignment=TA_CENTER, firstLineIndent=0, spaceAfter=14),
        "body": body,
        "signature": ParagraphStyle("signature", parent=body, alignment=TA_RIGHT,
                                    firstLineIndent=0),
    }


def draw_page_number(canvas, document) -> None:
    """Running footer in the '- 2 -' style of printed government documents."""
    canvas.saveState()
    canvas.setFont(PDF_FONT, 10.5)
    canvas.drawCentredString(A4[0] / 2, 14 * mm, f"- {document.page} -")
    canvas.restoreState()


def render_pdf(text: str, spec: dict, out: Path) -> None:
    """Write an A4 PDF with a real text layer, wrapped paragraphs and page numbers."""
    title, body, signature = split_document(text)
    styles = pdf_styles()
    story = [Paragraph(escape(title), styles["title"])]
    story += [Paragraph(escape(line), styles["body"]) for line in body]
    story += [Paragraph(escape(line), styles["signature"]) for line in signature]
    document = SimpleDocTemplate(
        str(out), pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=30 * mm,
        bottomMargin=28 * mm, title=title, author=spec["author"], creator=spec["author"],
        subject=spec.get("subject", ""), invariant=1,
    )
    document.build(story, onFirstPage=draw_page_number, onLaterPages=draw_page_number)


HTML_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{pub_date}">
<meta name="ContentSource" content="{agency}">
<title>{title}_{site}</title>
<link rel="stylesheet" href="/static/css/common.css">
<script src="/static/js/jquery-1.12.4.min.js"></script>
</head>
<body>
<div class="top-bar"><span>欢迎访问{site}</span><a href="/wza/">无障碍浏览</a></div>
<div class="header"><div class="logo"><a href="/">{site}</a></div>
<ul class="nav">
<li><a href="/">首页</a></li>
<li><a href="/zwdt/">政务动态</a></li>
<li class="active"><a href="/xxgk/">政府信息公开</a></li>
<li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hdjl/">互动交流</a></li>
<li><a href="/mzyw/">民政业务</a></li>
</ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/fdzdgknr/">法定主动公开内容</a> &gt; <span>{column}</span></div>
<div class="main">
<table class="xxgk-meta">
<tr><th>索引号：</th><td>{index_no}</td><th>主题分类：</th><td>{topic}</td></tr>
<tr><th>发文日期：</th><td>{doc_date}</td><th>发布机构：</th><td>{agency}</td></tr>
<tr><th>文　　号：</th><td>{doc_no}</td><th>标　　题：</th><td>{title}</td></tr>
</table>
<div class="article">
<h1 class="article-title">{title}</h1>
<div class="article-info">发布时间：{pub_date}　来源：{agency}　浏览次数：<span id="hits">-</span>　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="TRS_Editor">
{paragraphs}
</div>
<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
</div>
<div class="footer">
<p>主办单位：{agency}　地址：{address}</p>
<p>{footer}</p>
</div>
<script>
(function () {{
  var hits = document.getElementById("hits");
  hits.textContent = "{hits}";
}})();
</script>
</body>
</html>
"""


def html_paragraphs(body: list[str], signature: list[str]) -> str:
    """Article body as <p> tags, the signature block right-aligned as portals show it."""
    paragraphs = [f"<p>{html.escape(line)}</p>" for line in body]
    paragraphs += [f'<p style="text-align: right;">{html.escape(line)}</p>' for line in signature]
    return "\n".join(paragraphs)


def render_html(text: str, spec: dict, out: Path) -> None:
    """Write a full government-portal article page with its 政府信息公开 metadata table."""
    _, body, signature = split_document(text)
    meta = spec["meta"]
    fields = {
        "title": meta["标题"], "index_no": meta["索引号"], "topic": meta["主题分类"],
        "doc_date": meta["发文日期"], "agency": meta["发布机构"], "doc_no": meta["文号"],
        "site": spec["site"], "column": spec["column"], "pub_date": spec["pub_date"],
        "address": spec["address"], "footer": spec["footer"], "hits": spec["hits"],
    }
    page = HTML_PAGE.format(**{k: html.escape(str(v)) for k, v in fields.items()},
                            paragraphs=html_paragraphs(body, signature))
    out.write_bytes(page.encode("utf-8"))


RENDERERS = {"txt": render_txt, "docx": render_docx, "pdf": render_pdf, "html": render_html}


def load_formats() -> dict[str, dict]:
    """Per-source rendering instructions, keyed by source name."""
    with open(SOURCES / "formats.toml", "rb") as handle:
        return tomllib.load(handle)


def render_all() -> list[Path]:
    """Render every source listed in formats.toml into data/samples/."""
    SAMPLES.mkdir(parents=True, exist_ok=True)
    written = []
    for name, spec in load_formats().items():
        text = (SOURCES / f"{name}.txt").read_text(encoding="utf-8")
        out = SAMPLES / spec["output"]
        RENDERERS[spec["format"]](text, spec, out)
        written.append(out)
    return written


if __name__ == "__main__":
    for path in render_all():
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
