"""Read report files of any supported format into one RawDocument.

    doc = read_bytes(data, "report.docx")    # raises UnreadableDocument with a reason
    text = clean_text(doc.text)               # transforms.clean

The format is decided from the content (sniff_format); each format has its own module.
"""

from __future__ import annotations

from functools import partial

from .docx import read_docx
from .html import read_html
from .legacy import read_legacy
from .model import RawDocument, UnreadableDocument
from .pdf import read_pdf
from .rtf import read_rtf
from .sniff import sniff_format
from .text import check_readable_text, read_txt

__all__ = ["MAX_INPUT_BYTES", "MAX_TEXT_CHARS", "RawDocument", "UnreadableDocument", "check_input_size",
           "read_bytes", "sniff_format"]

MAX_INPUT_BYTES = 100 * 1024 * 1024  # a PDF or .docx may carry large images
# Text a document may hold: reports run to some 30,000 characters, compilations to a few
# hundred thousand. Up to this the pipeline takes under a minute of CPU and a few hundred
# MB (benchmarks/bench_big_input.py; README "Formats and bad files").
MAX_TEXT_CHARS = 1_000_000

READERS = {
    "txt": read_txt,
    "docx": read_docx,
    "pdf": read_pdf,
    "html": read_html,
    "rtf": read_rtf,
    "doc": partial(read_legacy, fmt="doc"),
    "wps": partial(read_legacy, fmt="wps"),
}

REFUSALS = {
    "empty": "the file is empty",
    "archive": "archives are not supported (ZIP/7z/RAR/gzip): extract the report and "
               "submit the document itself",
    "image": "the file is an image or media file, not a document; OCR is not supported",
    "encrypted": "the Office document is password-protected (encrypted); save an "
                 "unprotected copy",
    "office": "the file is a spreadsheet, presentation or OpenDocument file, not a Word, "
              "PDF, web page, RTF or text report",
    "binary": "the file is binary data of an unknown kind, not a report in a supported "
              "format (txt, docx, pdf, html, rtf, doc, wps)",
    "data": "the file is JSON data, not a report's text (a page's metadata or an API "
            "response); save the report itself as text, HTML, Word or PDF",
}

SOURCE_NAMES = {"txt": "the text file", "docx": "the .docx document", "pdf": "the PDF",
                "html": "the web page", "rtf": "the RTF document", "doc": "the .doc document",
                "wps": "the .wps document"}


def check_input_size(size: int) -> None:
    """Refuse an input over MAX_INPUT_BYTES."""
    if size > MAX_INPUT_BYTES:
        raise UnreadableDocument(
            f"the file is {size / 2**20:.0f} MB, over the {MAX_INPUT_BYTES // 2**20} MB limit")


def read_bytes(data: bytes, filename: str) -> RawDocument:
    """Read a report file's bytes as text. Raises UnreadableDocument with a reason a person
    understands when the file cannot become readable Chinese text."""
    check_input_size(len(data))
    fmt = sniff_format(data, filename)
    if fmt in REFUSALS:
        raise UnreadableDocument(REFUSALS[fmt])
    try:
        document = READERS[fmt](data, filename)
    except UnreadableDocument:
        raise
    except Exception as exc:  # a damaged file must not stop a batch; say what broke
        raise UnreadableDocument(
            f"{SOURCE_NAMES[fmt]} could not be read ({type(exc).__name__}: {exc})") from exc
    if len(document.text) > MAX_TEXT_CHARS:
        raise UnreadableDocument(
            f"{SOURCE_NAMES[fmt]} holds {len(document.text):,} characters of text, over the "
            f"{MAX_TEXT_CHARS:,}-character limit (a report runs to some 30,000): split it into its reports")
    check_readable_text(document.text, SOURCE_NAMES[fmt])
    return document
