"""Writing a generated report as a file: the sample renderers for good files (txt in several
encodings, docx, html, pdf) and one maker per kind of broken file the pipeline must refuse.
Every output is a function of the report and the random source, so a seed gives the same bytes."""
from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from benchmarks.layout import Report
from benchmarks.templating import load_data
from scripts.render_samples import PDF_FONT, RENDERERS, ZIP_TIMESTAMP, pdf_styles

UNDECODABLE_EVERY = 7  # every 7th byte of the UTF-8 text becomes 0xFF: no codec reads it


def files_data() -> dict:
    return load_data("files.toml")


def render_good(report: Report, fmt: str, encoding: str | None, path: Path, rng: random.Random) -> None:
    """Write the report with scripts/render_samples.py's renderer for its format."""
    RENDERERS[fmt](report.text, render_spec(report, fmt, encoding, rng), path)


def render_spec(report: Report, fmt: str, encoding: str | None, rng: random.Random) -> dict:
    """The per-file settings the renderer reads (see data/sample-sources/formats.toml)."""
    stamp = f"{report.publish_date.isoformat()}T{rng.randint(8, 17):02d}:{rng.choice(['00', '30'])}:00"
    agency = report.agency.name
    if fmt == "txt":
        return {"encoding": encoding}
    if fmt == "docx":
        return {"author": agency, "date": stamp, "header": rng.choice([agency, report.title]),
                "footer": f"{agency}办公室　　{report.publish_date.year}年{report.publish_date.month}月"
                          f"{report.publish_date.day}日印发"}
    if fmt == "pdf":
        return {"author": agency, "subject": report.report_type, "date": stamp}
    return html_spec(report, stamp, rng)


def html_spec(report: Report, stamp: str, rng: random.Random) -> dict:
    """A government portal's article page: metadata table, site furniture, footer."""
    portal = files_data()["html"]
    agency = report.agency
    return {
        "meta": {"索引号": report.index_no, "主题分类": rng.choice(portal["topics"]),
                 "发文日期": report.publish_date.isoformat(), "发布机构": agency.name,
                 "文号": report.doc_no, "标题": report.title},
        "site": agency.name, "column": rng.choice(portal["columns"]),
        "pub_date": stamp.replace("T", " ")[:16],
        "address": f"{agency.province}{agency.city or ''}{agency.county or ''}"
                   f"{rng.choice(portal['roads'])}{rng.randint(1, 300)}号",
        "footer": f"网站标识码：{agency.region_code}{rng.randint(1000, 9999)}　"
                  f"ICP备{rng.randint(10**7, 10**8 - 1)}号-{rng.randint(1, 3)}",
        "hits": str(rng.randint(30, 5000)),
    }


def write_empty(report: Report, path: Path, rng: random.Random) -> None:
    path.write_bytes(b"")


def write_truncated_docx(report: Report, path: Path, rng: random.Random) -> None:
    """A .docx cut off part-way, as an interrupted upload leaves it."""
    render_good(report, "docx", None, path, rng)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * rng.uniform(0.2, 0.8))])


def write_binary_junk(report: Report, path: Path, rng: random.Random) -> None:
    path.write_bytes(rng.randbytes(rng.randint(2_000, 40_000)))


def write_zip_archive(report: Report, path: Path, rng: random.Random) -> None:
    """The report zipped, as mailed attachments often come."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo(f"{report.title}.txt", date_time=ZIP_TIMESTAMP),
                         report.text.encode("utf-8"))
    path.write_bytes(buffer.getvalue())


def write_scanned_pdf(report: Report, path: Path, rng: random.Random) -> None:
    """A scan: each page one image of dark bars where the lines of text were, no text layer."""
    pages = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for _ in range(rng.randint(1, 3)):
        pages.drawImage(ImageReader(scanned_page(rng)), 40, 40, A4[0] - 80, A4[1] - 80)
        pages.showPage()
    pages.save()


def scanned_page(rng: random.Random) -> Image.Image:
    image = Image.new("L", (210, 297), 250)
    draw = ImageDraw.Draw(image)
    for top in range(20, 280, 9):
        draw.rectangle((18, top, rng.randint(60, 192), top + 4), fill=rng.randint(20, 90))
    return image


def write_encrypted_pdf(report: Report, path: Path, rng: random.Random) -> None:
    """The report's first lines in a PDF that opens only with a password."""
    pdf_styles()  # registers the CJK font
    pages = canvas.Canvas(str(path), pagesize=A4, invariant=1,
                          encrypt=StandardEncryption(f"{rng.randint(1000, 9999)}", canPrint=0))
    pages.setFont(PDF_FONT, 11)
    for row, line in enumerate(report.text.split("\n")[:40]):
        pages.drawString(60, A4[1] - 70 - row * 18, line[:40])
    pages.save()


def write_undecodable_text(report: Report, path: Path, rng: random.Random) -> None:
    """Text damaged so that every codec needs replacement characters to read it."""
    data = bytearray(report.text.encode("utf-8"))
    for position in range(rng.randrange(UNDECODABLE_EVERY), len(data), UNDECODABLE_EVERY):
        data[position] = 0xFF
    path.write_bytes(bytes(data))


BROKEN_WRITERS: dict[str, Callable[[Report, Path, random.Random], None]] = {
    "empty": write_empty, "truncated_docx": write_truncated_docx,
    "binary_junk": write_binary_junk, "zip_archive": write_zip_archive,
    "scanned_pdf": write_scanned_pdf, "encrypted_pdf": write_encrypted_pdf,
    "undecodable_text": write_undecodable_text,
}
