"""PDF via PDFium (pypdfium2): text per page, minus running headers/footers and page numbers.

PDFium was measured against pdfminer.six on the generated and sample PDFs: the same text
(it also keeps the '·' of “12·4” that pdfminer dropped) in about half the CPU time
(benchmarks/bench_pdf_readers.py).

Line breaks are left where the layout put them; clean_text rejoins wrapped lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium

from ._data import data_patterns
from .model import RawDocument, UnreadableDocument
from .text import ALPHANUMERIC, CJK, character_classes

MAX_PAGES = 1000
EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be headers/footers
MIN_CHARS_PER_PAGE = 20  # fewer letters/digits than this per page: a scan
CJK_OR_PUNCT = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
SPACED_CJK = re.compile(f"(?<={CJK_OR_PUNCT}) (?={CJK_OR_PUNCT})")
ADJACENT_CJK = re.compile(f"{CJK_OR_PUNCT}(?={CJK_OR_PUNCT})")
LINE = re.compile(r"[^\r\n]+")  # PDFium ends each line with \r\n
# Characters PDFium gives for glyphs whose font has no Unicode map.
UNMAPPED = re.compile("[\ufffd\ufffe\ue000-\uf8ff]")


@dataclass(frozen=True)
class PdfLine:
    """One text line of a page with its vertical extent (PDF units, origin at the bottom)."""

    top: float
    bottom: float
    text: str


def read_pdf(data: bytes, filename: str) -> RawDocument:
    """A PDF report as text; refuses encrypted PDFs and scans without a text layer."""
    pages = drop_page_furniture(extract_page_lines(data))
    check_text_layer(pages)
    return RawDocument("pdf", "\n".join(line.text for page in pages for line in page))


def extract_page_lines(data: bytes) -> list[list[PdfLine]]:
    """The text lines of every page, in PDFium's order (the order the text was drawn)."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadableDocument(_load_failure(str(exc))) from exc
    try:
        return [page_lines(document, index) for index in range(min(len(document), MAX_PAGES))]
    except pdfium.PdfiumError as exc:
        raise UnreadableDocument(f"the PDF is damaged and cannot be parsed ({exc})") from exc
    finally:
        document.close()


def _load_failure(message: str) -> str:
    """The reason for a PDF PDFium cannot open, from its error (…Incorrect password error)."""
    if "password" in message.lower():
        return "the PDF is password-protected (encrypted); save an unprotected copy"
    if "security" in message.lower():
        return f"the PDF is encrypted and cannot be opened ({message})"
    return f"the PDF is damaged and cannot be parsed ({message})"


def page_lines(document: pdfium.PdfDocument, index: int) -> list[PdfLine]:
    """A page's text lines, each placed by the box of its first character."""
    page = document[index]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        last = textpage.count_chars() - 1
        lines = []
        for match in LINE.finditer(text):
            content = collapse_letter_spacing(match.group().rstrip())
            if content.strip():
                first = min(match.start() + len(match.group()) - len(match.group().lstrip()), last)
                _, bottom, _, top = textpage.get_charbox(first, loose=True)
                lines.append(PdfLine(top, bottom, content))
        return lines
    finally:
        textpage.close()
        page.close()


def collapse_letter_spacing(text: str) -> str:
    """Undo spaces put between Chinese characters of letter-spaced (justified) lines.

    Only when most adjacent Chinese pairs are spaced: a single deliberate space
    (民政为民 民政爱民) in an ordinary line is kept.
    """
    spaced = len(SPACED_CJK.findall(text))
    joined = len(ADJACENT_CJK.findall(text))
    return SPACED_CJK.sub("", text) if spaced >= 3 and spaced > joined else text


def drop_page_furniture(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    """Remove page numbers and lines repeated at the top or bottom of most pages."""
    edges = [_edge_indexes(page) for page in pages]
    seen = Counter(key for page, idx in zip(pages, edges)
                   for key in {_furniture_key(page[i].text) for i in idx})
    needed = max(2, len(pages) // 2 + 1)
    repeated = {key for key, count in seen.items() if count >= needed}
    return [[line for i, line in enumerate(page)
             if i not in idx or not (_furniture_key(line.text) in repeated
                                     or is_page_number(line.text))]
            for page, idx in zip(pages, edges)]


def _edge_indexes(page: list[PdfLine]) -> set[int]:
    """Indexes of the topmost and bottommost lines of a page."""
    by_top = sorted(range(len(page)), key=lambda i: -page[i].top)
    by_bottom = sorted(range(len(page)), key=lambda i: page[i].bottom)
    return set(by_top[:EDGE_LINES]) | set(by_bottom[:EDGE_LINES])


def _furniture_key(text: str) -> str:
    """A header/footer line with spaces removed and numbers masked (页码 changes per page)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def is_page_number(text: str) -> bool:
    """A line that is only a page number (- 3 -, 第3页 共5页, 3/5, bare 3)."""
    stripped = text.strip()
    return any(pattern.fullmatch(stripped) for pattern in data_patterns("reader_page_numbers.txt"))


def check_text_layer(pages: list[list[PdfLine]]) -> None:
    """Refuse PDFs whose pages carry (almost) no extractable text."""
    text = "".join(line.text for page in pages for line in page)
    unmapped = len(UNMAPPED.findall(text))
    classes, counts = character_classes(text)
    cjk = counts[classes & CJK != 0].sum()
    if unmapped and unmapped > cjk:
        raise UnreadableDocument(
            "the PDF's fonts have no Unicode map (its text cannot be read as characters); "
            "OCR is not supported")
    letters = counts[classes & ALPHANUMERIC != 0].sum()
    if letters < MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise UnreadableDocument("PDF has no text layer (a scan?); OCR is not supported")
