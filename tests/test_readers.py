"""Tests for transforms.readers: every format built in tmp_path, read back, reasons checked."""

from __future__ import annotations

import io
import json
import os
import random
import stat
import sys
import zipfile
from itertools import accumulate
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from transforms.clean import clean_text
from transforms.readers import RawDocument, UnreadableDocument, read_bytes, sniff_format
from transforms.readers.pdf import collapse_letter_spacing, is_page_number

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"  # shared/ beside the checkout
CJK_FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))

REPORT = ("全年共保障城乡低保对象17662人，特困人员3092人，实施临时救助610人次。"
          "持续推进养老服务体系建设，新增养老床位312张，改造提升农村敬老院11所。")


def seed_bytes(name: str) -> bytes:
    """A real seed report, or skip when shared/ is not beside the checkout."""
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"the real seed reports are not beside the checkout ({SEEDS})")
    return path.read_bytes()


def unreadable_reason(data: bytes, filename: str) -> str:
    """The reason read_bytes gives for refusing a file (fails the test if it reads it)."""
    with pytest.raises(UnreadableDocument) as caught:
        read_bytes(data, filename)
    return str(caught.value)


# --- docx -------------------------------------------------------------------------------


def add_run(paragraph, tag: str, text: str | None = None, **attributes: str) -> None:
    """Append a run holding one raw WordprocessingML element."""
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(name), value)
    if text is not None:
        element.text = text
    run = OxmlElement("w:r")
    run.append(element)
    paragraph._p.append(run)


def add_page_field(paragraph) -> None:
    """A complex PAGE field: code in w:instrText, result '7' in an ordinary run."""
    add_run(paragraph, "w:fldChar", **{"w:fldCharType": "begin"})
    add_run(paragraph, "w:instrText", r" PAGE  \* MERGEFORMAT ")
    add_run(paragraph, "w:fldChar", **{"w:fldCharType": "separate"})
    add_run(paragraph, "w:t", "7")
    add_run(paragraph, "w:fldChar", **{"w:fldCharType": "end"})


def make_docx() -> bytes:
    """A report with header/footer, a numbered heading, a table between paragraphs, a field."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "某某县民政局（页眉）"
    section.footer.paragraphs[0].text = "第 1 页（页脚）"
    document.add_paragraph("某某县民政局2023年工作总结")
    document.add_paragraph("工作开展情况", style="List Number")
    document.add_paragraph(REPORT)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "城乡低保对象"
    table.cell(0, 1).text = "17662人"
    table.cell(1, 0).text = "特困人员"
    table.cell(1, 1).text = "3092人"
    hidden = document.add_paragraph("表后正文，见第")
    add_page_field(hidden)
    hidden.add_run("页。")
    ghost = hidden.add_run("隐藏文字")
    ghost.font.hidden = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_reads_paragraphs_and_tables_in_order_without_header_footer():
    doc = read_bytes(make_docx(), "report.docx")
    assert doc.format == "docx"
    assert doc.encoding is None and doc.page_meta == {}
    lines = doc.text.split("\n")
    assert lines[0] == "某某县民政局2023年工作总结"
    assert lines[1] == "1. 工作开展情况"  # Word's automatic numbering rendered
    assert lines[2] == REPORT
    assert lines[3] == "城乡低保对象\t17662人"
    assert lines[4] == "特困人员\t3092人"
    assert lines[5] == "表后正文，见第7页。"  # field result kept, field code dropped
    assert "页眉" not in doc.text and "页脚" not in doc.text
    assert "MERGEFORMAT" not in doc.text and "隐藏文字" not in doc.text


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WORD_XML_BODY = f"""<w:document xmlns:w="{W_NS}" xmlns:mc="{MC_NS}"><w:body>
<w:sdt><w:sdtContent><w:p><w:r><w:t>内容控件里的标题</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:p><w:r><w:t>全年救助</w:t></w:r><w:ins><w:r><w:t>困难群众</w:t></w:r></w:ins>
<w:del><w:r><w:delText>已删除</w:delText></w:r></w:del><w:r><w:t>610人次。</w:t></w:r>
<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>
<w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent>
</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">开展培训 9 次</w:t></w:r><w:r><w:br/><w:t>第二行。</w:t></w:r></w:p>
<w:sectPr/></w:body></w:document>"""


def test_docx_content_controls_tracked_changes_and_text_boxes():
    members = docx_members()
    members["word/document.xml"] = WORD_XML_BODY.encode("utf-8")
    doc = read_bytes(zip_bytes(members), "report.docx")
    assert doc.text.split("\n") == ["内容控件里的标题", "全年救助困难群众610人次。", "文本框内容",
                                    "开展培训 9 次", "第二行。"]


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(make_docx())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_docx_over_50_mb_uncompressed_is_refused_before_parsing():
    members = docx_members()
    members["word/media/image1.bin"] = bytes(60 * 1024 * 1024)
    data = zip_bytes(members)
    assert len(data) < 1024 * 1024  # small on disk, huge unpacked
    reason = unreadable_reason(data, "bomb.docx")
    assert "50 MB" in reason and "zip bomb" in reason


def test_docx_member_with_extreme_compression_ratio_is_refused():
    members = docx_members()
    members["word/document.xml"] = members["word/document.xml"] + b" " * (20 * 1024 * 1024)
    reason = unreadable_reason(zip_bytes(members), "ratio.docx")
    assert "word/document.xml" in reason and "100:1" in reason


def test_zip_that_is_not_a_docx_is_an_unsupported_archive():
    data = zip_bytes({"报告.txt": REPORT.encode("utf-8")})
    assert sniff_format(data, "report.zip") == "archive"
    assert unreadable_reason(data, "report.docx").startswith("archives are not supported")


def test_7z_and_rar_archives_are_refused():
    for magic in (b"7z\xbc\xaf\x27\x1c\x00\x04", b"Rar!\x1a\x07\x01\x00"):
        assert "archives are not supported" in unreadable_reason(magic + bytes(200), "a.docx")


# --- pdf --------------------------------------------------------------------------------


def draw_page(pdf: canvas.Canvas, lines: list[str], footer: str) -> None:
    pdf.setFont(CJK_FONT, 10)
    pdf.drawString(72, 800, "某某县民政局2023年法治政府建设工作报告")
    pdf.setFont(CJK_FONT, 14)
    for i, line in enumerate(lines):
        pdf.drawString(72, 740 - 24 * i, line)
    pdf.setFont(CJK_FONT, 10)
    pdf.drawString(290, 40, footer)
    pdf.showPage()


def make_pdf(path: Path, encrypt: str | None = None) -> bytes:
    """Two pages, running header, page-number footers, a paragraph broken at the page end."""
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    draw_page(pdf, ["一、工作开展情况", "全年共保障城乡低保对象17662人，发放资金",
                    "13674.6万元。创新载体，一是严格执行依法决策"], "- 1 -")
    draw_page(pdf, ["制度。建立完善重大决策合法性审查制度。", "二、存在的问题",
                    "基层执法力量薄弱。"], "第 2 页")
    pdf.save()
    return path.read_bytes()


def test_pdf_drops_running_header_and_page_numbers(tmp_path):
    doc = read_bytes(make_pdf(tmp_path / "report.pdf"), "report.pdf")
    assert doc.format == "pdf"
    assert "法治政府建设工作报告" not in doc.text  # the running header, on every page
    assert "- 1 -" not in doc.text and "第 2 页" not in doc.text
    assert doc.text.split("\n")[0] == "一、工作开展情况"
    cleaned = clean_text(doc.text)
    assert "全年共保障城乡低保对象17662人,发放资金13674.6万元。" in cleaned
    assert "一是严格执行依法决策制度。" in cleaned  # rejoined across the page break
    assert "\n二、存在的问题\n" in cleaned


def _typeset_lines(paragraph: str, width: int) -> list[str]:
    """The paragraph cut into lines of `width` characters, a closing mark that would start a
    line kept at the end of the line before it."""
    lines: list[str] = []
    for start in range(0, len(paragraph), width):
        piece = paragraph[start:start + width]
        while lines and piece and piece[0] in "。,、;:!?)》”":
            lines[-1], piece = lines[-1] + piece[0], piece[1:]
        if piece:
            lines.append(piece)
    return lines


def test_seed_typeset_as_wrapped_pdf_cleans_back_to_the_seed(tmp_path):
    """Seed 000 typeset 28 characters a line over several pages, with a running header and
    page numbers: reading and cleaning it gives back the seed's text and headings. As Chinese
    typesetting does, a closing mark never starts a line (PDFium drops a line holding only 。)."""
    original = clean_text(seed_bytes("000_6cf266fa05b291f0.txt").decode("utf-8"))
    path = tmp_path / "wrapped.pdf"
    pdf, y, page = canvas.Canvas(str(path)), 760, 1
    paragraph_ends, sentence_line_ends, position = set(), set(), 0
    for paragraph in original.split("\n"):
        for first, line in enumerate(_typeset_lines(paragraph, 28)):
            position += len("".join(line.split()))
            if line.endswith("。"):
                sentence_line_ends.add(position)
            pdf.setFont(CJK_FONT, 15)
            pdf.drawString(72 if first else 102, y, line)
            y -= 24
            if y < 80:
                pdf.setFont(CJK_FONT, 9)
                pdf.drawString(200, 805, "巫溪县民政局2025年法治政府建设情况报告")
                pdf.drawString(290, 30, f"— {page} —")
                pdf.showPage()
                y, page = 760, page + 1
        paragraph_ends.add(position)
    pdf.save()
    assert page >= 4
    cleaned = clean_text(read_bytes(path.read_bytes(), "wrapped.pdf").text)
    assert "".join(cleaned.split()) == "".join(original.split())
    lines = cleaned.split("\n")
    for heading in ("一、工作开展情况", "(二)服务对象权益保障与特殊群体救助",
                    "三、下一步法治政府建设工作计划", "巫溪县民政局", "2026年1月8日"):
        assert heading in lines
    # every paragraph comes back, split at most where a typeset line ended exactly at '。'
    # (a full line ending a sentence reads as a paragraph's end)
    line_ends = set(accumulate(len("".join(line.split())) for line in lines))
    assert paragraph_ends <= line_ends <= paragraph_ends | sentence_line_ends


def test_encrypted_pdf_is_refused_as_encrypted(tmp_path):
    reason = unreadable_reason(make_pdf(tmp_path / "secret.pdf", encrypt="secret"), "secret.pdf")
    assert "password-protected" in reason and "encrypted" in reason


def test_pdf_without_text_layer_is_refused_as_scan(tmp_path):
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    for _ in range(2):
        pdf.rect(72, 72, 400, 600, fill=1)  # stands in for a scanned page image
        pdf.showPage()
    pdf.save()
    reason = unreadable_reason(path.read_bytes(), "scan.pdf")
    assert reason == "PDF has no text layer (a scan?); OCR is not supported"


def test_damaged_pdf_gets_a_reason():
    reason = unreadable_reason(b"%PDF-1.4\n" + bytes(random.Random(1).randbytes(2000)), "x.pdf")
    assert "PDF" in reason


@pytest.mark.parametrize("line", ["- 3 -", "— 3 —", "第 3 页", "第3页 共5页", "3", "3/5", "－12－"])
def test_page_number_lines(line):
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["2023年", "一、工作开展情况", "发放资金3000万元", "第三章"])
def test_text_lines_are_not_page_numbers(line):
    assert not is_page_number(line)


def test_letter_spaced_pdf_lines_are_closed_up_but_real_spaces_kept():
    assert collapse_letter_spacing("加 强 组 织 领 导") == "加强组织领导"
    assert collapse_letter_spacing("民政为民 民政爱民") == "民政为民 民政爱民"
    assert collapse_letter_spacing("开展 9 次培训") == "开展 9 次培训"


# --- html -------------------------------------------------------------------------------

PORTAL_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某某区民政局2023年度法治政府建设年度报告-某某区人民政府</title>
<script>var nav = "首页 政务公开 不应出现";</script><style>.x{color:red}</style></head>
<body>
<div class="header"><a href="/">某某区人民政府门户网站</a></div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 法定主动公开内容</div>
<table class="xxgk">
 <tr><td>索 引 号：</td><td>K26058142/2024-13705</td><td>主题分类：</td><td>其他</td></tr>
 <tr><td>发文日期：</td><td>2024年03月10日</td><td>发布机构：</td><td>某某区民政局</td></tr>
 <tr><td>文号：</td><td></td><td>标题：</td><td>某某区民政局2023年度法治政府建设年度报告</td></tr>
</table>
<div class="article">
 <h1>某某区民政局2023年度法治政府建设年度报告</h1>
 <div id="zoom">
  <p>&nbsp;&nbsp;2023年，区民政局坚持以习近平新时代中国特色社会主义思想为指导，全面落实依法行政各项要求。</p>
  <p>一、主要举措和成效</p>
  <p>（一）加强组织领导。成立法治建设工作领导小组，
     将法治建设纳入重要议事日程。</p>
  <table><tr><td>城乡低保对象</td><td>17662人</td></tr></table>
  <p>全区机构护理员169人，持证135人，持证率80%。</p>
 </div>
 <div class="share">分享到：微信 微博</div>
</div>
<div id="footer"><p>版权所有：某某区人民政府 主办单位：某某区人民政府办公室</p></div>
</body></html>"""


def test_html_article_text_and_portal_metadata():
    doc = read_bytes(PORTAL_PAGE.encode("gb18030"), "page.html")
    assert doc.format == "html"
    assert doc.encoding == "gb18030"  # declared gb2312, read with its superset
    assert doc.page_meta == {
        "索引号": "K26058142/2024-13705", "主题分类": "其他", "发文日期": "2024年03月10日",
        "发布机构": "某某区民政局", "文号": "", "标题": "某某区民政局2023年度法治政府建设年度报告"}
    lines = doc.text.split("\n")
    assert lines[0] == "某某区民政局2023年度法治政府建设年度报告"
    assert lines[1].startswith("2023年，区民政局坚持以")
    assert "一、主要举措和成效" in lines
    # a source line break between Chinese characters is not a space
    assert "（一）加强组织领导。成立法治建设工作领导小组，将法治建设纳入重要议事日程。" in lines
    assert "城乡低保对象\t17662人" in lines
    assert lines[-1] == "全区机构护理员169人，持证135人，持证率80%。"
    for furniture in ("不应出现", "政务公开", "当前位置", "K26058142", "版权所有", "分享到", "门户网站"):
        assert furniture not in doc.text


TABLE_LAYOUT_PAGE = """<html><head><meta charset="utf-8">
<title>关于2023年民政工作总结的报告_某某县民政局</title></head>
<body><table width="100%"><tr>
<td class="left"><a href="#">机构概况</a><br><a href="#">政策法规</a><br><a href="#">民政要闻</a></td>
<td><div class="title">关于2023年民政工作总结的报告</div>
<div class="info"><span>发布时间：2024-01-05</span>&nbsp;&nbsp;<span>来源：某某县民政局</span>
&nbsp;<span>浏览次数：123</span>　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="content">一、工作开展情况<br>
　　全年共保障城乡低保对象17662人，特困人员3092人。<br>
　　（一）社会救助。累计发放救助资金13674.6万元。<br>
二、下一步计划<br>继续推进民政事业高质量发展。</div>
<div>【<a>打印本页</a>】【<a>关闭窗口</a>】</div>
</td></tr></table>
<div>版权所有：某某县民政局 技术支持：某某公司 网站标识码：1234</div></body></html>"""


def test_html_table_layout_page_with_br_lines_and_inline_metadata():
    doc = read_bytes(TABLE_LAYOUT_PAGE.encode("utf-8"), "page.htm")
    assert (doc.format, doc.encoding) == ("html", "utf-8")
    assert doc.page_meta == {"发布时间": "2024-01-05", "来源": "某某县民政局", "浏览次数": "123"}
    assert doc.text.split("\n") == [
        "关于2023年民政工作总结的报告",
        "一、工作开展情况",
        "全年共保障城乡低保对象17662人，特困人员3092人。",
        "（一）社会救助。累计发放救助资金13674.6万元。",
        "二、下一步计划",
        "继续推进民政事业高质量发展。",
    ]


def test_html_metadata_as_bold_labels_with_values_after_them():
    page = ("<html><body><div class='xxgk'><b>索引号：</b>K123/2024-1<br>"
            "<b>发文日期：</b>2024-03-10<br><b>文 号：</b>民发〔2024〕5号</div>"
            "<div id='zoom'><p>全年共保障城乡低保对象17662人，特困人员3092人。</p>"
            "<p>累计发放救助资金13674.6万元。</p></div></body></html>")
    doc = read_bytes(page.encode("utf-8"), "page.html")
    assert doc.page_meta == {"索引号": "K123/2024-1", "发文日期": "2024-03-10", "文号": "民发〔2024〕5号"}
    assert doc.text == "全年共保障城乡低保对象17662人，特困人员3092人。\n累计发放救助资金13674.6万元。"


def test_html_sniffed_by_markup_whatever_the_name():
    data = PORTAL_PAGE.encode("gb18030")
    assert sniff_format(data, "page.txt") == "html"
    assert sniff_format(data, "report.doc") == "html"  # Word 'web page' saved as .doc


def test_html_page_without_article_is_refused():
    page = "<html><body><nav><a href='/'>首页</a></nav><script>x()</script></body></html>"
    reason = unreadable_reason(page.encode("utf-8"), "empty.html")
    assert "no article text" in reason or "contains no text" in reason


def test_html_page_with_a_10_mb_inline_script_is_read_whole():
    """libxml2 stops at a text node over 10,000,000 bytes unless told it may be huge."""
    script = "<script>var data = '" + "x" * (11 * 2**20) + "';</script>"
    page = PORTAL_PAGE.replace("<style>", script + "<style>")
    doc = read_bytes(page.encode("utf-8"), "page.html")
    assert doc.page_meta["索引号"] == "K26058142/2024-13705"
    assert doc.text.split("\n")[-1] == "全区机构护理员169人，持证135人，持证率80%。"
    assert "var data" not in doc.text


@pytest.mark.parametrize("depth", [300, 3000, 20000])
def test_deeply_nested_html_page_is_read_whole(depth):
    """libxml2 stops at depth 256 (2,048 with its huge-tree option); deeper pages are
    flattened, keeping their text and paragraphs in order."""
    head, body = PORTAL_PAGE.split("<body>")
    wrap = depth // 4  # around the whole page, and again around the article's paragraphs
    body = body.replace('<div id="zoom">', '<div id="zoom">' + "<div><span>" * wrap)
    body = body.replace(' </div>\n <div class="share">', "</span></div>" * wrap + ' </div>\n <div class="share">')
    page = head + "<body>" + "<div><span>" * wrap + body.replace("</body>", "</span></div>" * wrap + "</body>")
    assert page.count("<span>") == page.count("</span>") == 2 * wrap
    doc = read_bytes(page.encode("utf-8"), "deep.html")
    assert doc == read_bytes(PORTAL_PAGE.encode("utf-8"), "page.html")


def test_flattening_unwraps_wrappers_caps_depth_and_ignores_tags_in_scripts():
    from transforms.readers.html import BLOCK_TAGS, parse_html, tree_depth
    from transforms.readers.html_nesting import flatten_nesting

    def flat(markup: str, limit: int = 10) -> str:
        return flatten_nesting(markup, limit, BLOCK_TAGS, lambda class_id: "nav" in class_id)

    wrapped = ("<html><body>" + "<div><span>" * 50 + "<script>'<div>'</script><p>甲<p>乙<b>丙</b></p>"
               + "</span></div>" * 50 + "<p>丁</p></body></html>")
    assert flat(wrapped) == "<html><body><div><span><p>甲<p>乙<b>丙</b></p></span></div><p>丁</p></body></html>"
    # text between the wrappers keeps them, and the depth is capped instead
    texty = "<html><body>" + "<div>字" * 50 + "</div>" * 50 + "<div class='nav'><div><a>首页</a></div></div></body></html>"
    root = parse_html(flat(texty))
    assert tree_depth(root) <= 12
    assert root.text_content() == "字" * 50 + "首页"
    assert root.find(".//div[@class='nav']/div/a") is not None  # furniture keeps its wrapper
    unclosed = "<html><body>" + "<p>段落" * 500 + "</body></html>"
    assert flat(unclosed) == unclosed  # an unclosed <p> is closed by the next


# --- txt --------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding, expected", [
    ("gb18030", "gb18030"), ("gbk", "gb18030"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8"),
    ("utf-8", "utf-8"), ("utf-16-le", "utf-16-le")])
def test_txt_encodings_are_detected(encoding, expected):
    text = "某某县民政局2023年工作总结\n" + REPORT * 3
    doc = read_bytes(text.encode(encoding), "report.txt")
    assert (doc.format, doc.encoding, doc.text) == ("txt", expected, text)


def test_gbk_text_with_a_broken_byte_is_still_read():
    data = bytearray(("某某县民政局2023年工作总结\n" + REPORT * 3).encode("gbk"))
    data[40] = 0xFF  # one damaged byte, as real files have
    doc = read_bytes(bytes(data), "report.txt")
    assert doc.encoding == "gb18030"
    assert 1 <= doc.text.count("\ufffd") <= 2 and doc.text.endswith(REPORT)


def test_traditional_big5_text_is_read():
    text = "臺北市社會局工作報告\n推動長期照顧服務，加強社會救助與兒童福利，完善養老機構管理。" * 3
    doc = read_bytes(text.encode("big5"), "report.txt")
    assert doc.text == text


def test_txt_web_metadata_block_moves_to_page_meta():
    doc = read_bytes(seed_bytes("001_4255bb0bfaec8739.txt"), "001.txt")
    assert doc.page_meta == {"索引号": "K26058142/2024-13705", "主题分类": "其他",
                             "发文日期": "2024年03月10日 11:36:55", "发布机构": "茅箭区民政局",
                             "文号": ""}
    assert "K26058142" not in doc.text and "主题分类" not in doc.text
    assert doc.text.startswith("茅箭区民政局2023年度法治政府建设年度报告\n")
    assert "2023年,区民政局在区委、区政府的领导下" in doc.text


def test_txt_without_metadata_block_is_unchanged():
    data = seed_bytes("000_6cf266fa05b291f0.txt")
    doc = read_bytes(data, "000.txt")
    assert doc.text == data.decode("utf-8") and doc.page_meta == {}


def test_mojibake_text_is_refused_as_garbled():
    mojibake = (REPORT * 4).encode("utf-8").decode("gbk", errors="ignore")
    reason = unreadable_reason(mojibake.encode("utf-8"), "report.txt")
    assert "garbled" in reason


def test_text_with_no_chinese_is_refused():
    reason = unreadable_reason(b"Annual report of the bureau. " * 20, "report.txt")
    assert "almost no Chinese" in reason


def test_a_short_bilingual_table_is_read():
    """A yearbook table whose English glosses outnumber its Chinese letters is still a Chinese page."""
    table = ("表5 养老机构基本情况(2023年)\nBasic Statistics on Elderly Care Institutions (2023)\n"
             "项目 Item\nNumber of Beds\nNumber of Persons Housed at the Year-end\n"
             "总计 Total 8120 3304\n敬老院 Homes for the Aged 2210 1190\n"
             "社会福利院 Social Welfare Homes 1508 655\n光荣院 Honoured Veterans Homes 320 96\n")
    doc = read_bytes(table.encode("utf-8"), "table.txt")
    assert "敬老院" in doc.text


def test_undecodable_bytes_are_refused():
    data = "民政工作总结".encode("gbk") + bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 50
    with pytest.raises(UnreadableDocument):
        read_bytes(data, "report.txt")


def test_random_binary_and_empty_files_are_refused():
    noise = random.Random(7).randbytes(4096)
    assert sniff_format(noise, "report.txt") == "binary"
    assert "binary data" in unreadable_reason(noise, "report.txt")
    assert unreadable_reason(b"", "report.txt") == "the file is empty"
    assert unreadable_reason(b"  \n\r\n ", "report.txt") == "the file is empty"


def test_json_data_is_refused_as_no_report_text():
    """A page's metadata saved beside a report, or an API response: Chinese values, no report."""
    metadata = json.dumps({"url": "https://example.gov.cn/a.html", "agency": "某县民政局",
                           "kind": "年度工作总结"}, ensure_ascii=False).encode("utf-8")
    assert sniff_format(metadata, "r001.meta.json") == "data"
    assert sniff_format(b"[" + metadata + b"]", "export.txt") == "data"
    assert "JSON data" in unreadable_reason(metadata, "r001.meta.json")
    # a JSON opening whose end lies beyond the sniffed head is data too
    long = b'{"title": "' + "民政".encode("utf-8") * 20000 + b'"'
    assert sniff_format(long, "dump.json") == "data"
    # a report that opens with a bracket stays a report
    report = "【2024年民政工作总结】今年以来，全县发放低保金1200万元。".encode("utf-8")
    assert sniff_format(report, "report.txt") == "txt"
    assert sniff_format("{一}低保工作 全年保障1.2万人".encode("utf-8"), "report.txt") == "txt"


def test_images_are_refused_with_ocr_reason():
    assert "OCR is not supported" in unreadable_reason(b"\x89PNG\r\n\x1a\n" + bytes(100), "a.pdf")


# --- rtf --------------------------------------------------------------------------------


def rtf_escape(text: str) -> str:
    """Chinese as GBK \\'hh escapes, the way Word writes RTF with \\ansicpg936."""
    return "".join(ch if ch.isascii() else "".join(f"\\'{b:02x}" for b in ch.encode("gbk"))
                   for ch in text)


def test_rtf_with_gbk_escapes_table_and_header():
    rtf = ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}"
           "{\\header " + rtf_escape("页眉文字") + "\\par}"
           "\\pard " + rtf_escape("一、工作开展情况") + "\\par "
           + rtf_escape(REPORT) + "\\par "
           "\\trowd\\cellx3000\\cellx6000 " + rtf_escape("城乡低保对象") + "\\cell 17662"
           + rtf_escape("人") + "\\cell\\row "
           "\\pard \\u27665?\\u25919?" + rtf_escape("工作。") + "\\par}")
    data = rtf.encode("ascii")
    assert sniff_format(data, "report.doc") == "rtf"  # .doc files that are really RTF
    doc = read_bytes(data, "report.rtf")
    lines = [line for line in doc.text.split("\n") if line.strip()]
    assert doc.format == "rtf"
    assert lines[0] == "一、工作开展情况"
    assert lines[1] == REPORT
    assert lines[2].rstrip("\t") == "城乡低保对象\t17662人"
    assert lines[3] == "民政工作。"
    assert "页眉" not in doc.text


# --- doc / wps --------------------------------------------------------------------------

OLE_WORD = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le")
            + bytes(1000))


def test_ole_files_are_sniffed_as_doc_or_wps():
    assert sniff_format(OLE_WORD, "report.doc") == "doc"
    assert sniff_format(OLE_WORD, "report.wps") == "wps"
    assert sniff_format(OLE_WORD, "report.bin") == "doc"
    encrypted = OLE_WORD + "EncryptedPackage".encode("utf-16-le")
    assert "password-protected" in unreadable_reason(encrypted, "report.docx")


def test_docx_named_wps_is_read_as_docx():
    assert sniff_format(make_docx(), "report.wps") == "docx"


def test_doc_without_libreoffice_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    reason = unreadable_reason(OLE_WORD, "report.doc")
    assert "apt-get install libreoffice-writer" in reason and ".doc" in reason


def test_doc_is_converted_with_soffice(monkeypatch, tmp_path):
    """A stand-in soffice on PATH checks the arguments and 'converts' to a prepared docx."""
    prepared = tmp_path / "prepared.docx"
    prepared.write_bytes(make_docx())
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text(
        f"#!{sys.executable}\n"
        "import shutil, sys, pathlib\n"
        "args = sys.argv[1:]\n"
        "assert '--headless' in args and args[args.index('--convert-to') + 1] == 'docx'\n"
        "out = pathlib.Path(args[args.index('--outdir') + 1]); out.mkdir(parents=True)\n"
        "source = pathlib.Path(args[-1])\n"
        "assert source.read_bytes().startswith(bytes.fromhex('d0cf11e0a1b11ae1'))\n"
        f"shutil.copy({str(prepared)!r}, out / (source.stem + '.docx'))\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    doc = read_bytes(OLE_WORD, "report.wps")
    assert isinstance(doc, RawDocument) and doc.format == "wps"
    assert "城乡低保对象\t17662人" in doc.text.split("\n")


# --- the readability checks --------------------------------------------------------------


def test_character_classes_agree_with_the_str_predicates_on_every_code_point():
    """check_readable_text counts by class bits looked up per distinct character; each bit
    must be what the str predicate (or is_cjk) says for every character there is."""
    import unicodedata

    from transforms.readers.text import (ALPHANUMERIC, CJK, COMMON, CONTROL, LETTER, SPACE, UNDECODED,
                                         character_classes, common_hanzi, is_cjk)

    # planes 4-13 are unassigned and 15-16 private use: no character there has any class
    codes = [*range(0xD800), *range(0xE000, 0x40000), *range(0xE0000, 0xF0000)]
    every = "".join(map(chr, codes))
    assert not character_classes("".join(map(chr, range(0x40000, 0xE0000))))[0].any()
    classes, counts = character_classes(every)
    assert len(classes) == len(every) and set(counts.tolist()) == {1}
    expected = {
        SPACE: str.isspace, LETTER: str.isalpha, ALPHANUMERIC: str.isalnum,
        UNDECODED: lambda ch: ch == "\ufffd",
        CONTROL: lambda ch: unicodedata.category(ch) == "Cc" and not ch.isspace(),
        CJK: lambda ch: ch.isalpha() and is_cjk(ch),
        COMMON: lambda ch: ch.isalpha() and is_cjk(ch) and ch in common_hanzi(),
    }
    for bit, predicate in expected.items():
        assert [bool(c & bit) for c in classes.tolist()] == [predicate(ch) for ch in every], bit


@pytest.mark.parametrize("text, reason", [
    ("", "contains no text"),
    (" \n\t\u3000", "contains no text"),
    ("民政工作报告" * 10 + "\ufffd" * 5, "characters that could not be decoded"),
    ("民政工作报告" * 10 + "\x01\x02", "binary data"),
    ("The annual report of the civil affairs bureau. " * 5 + "民政", "almost no Chinese"),
    ("鎴戜滑鐨勬皯鏀垮伐浣滄姤鍛婂拰绀句細鏁戝姪" * 3, "looks garbled"),
])
def test_unreadable_text_is_refused_with_its_reason(text, reason):
    from transforms.readers.text import check_readable_text

    with pytest.raises(UnreadableDocument, match=reason):
        check_readable_text(text, "the text file")
    check_readable_text("全县城乡低保对象17662人，特困人员3092人。" * 3, "the text file")


def test_a_bilingual_table_with_english_row_labels_is_chinese_enough():
    from transforms.readers.text import check_readable_text

    row = "农村特困供养人员 (万人) Rural persons in extreme poverty (10,000 persons) 12.5 13.1 13.8\n"
    check_readable_text("指标名称 Indicator 2021 2022 2023\n" + row * 15, "the text file")
