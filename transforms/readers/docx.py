"""Word .docx: body text in document order, tables as tab-separated rows.

Reads the main document part with lxml instead of python-docx's object model so that
content python-docx skips (tracked insertions, content controls, text boxes) is kept,
while what a reader never sees (field codes, deleted text, hidden text, headers and
footers, which live in other parts) is left out.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import takewhile

from lxml import etree

from .docx_numbering import Numbering, num_levels, style_numbering, w
from .model import RawDocument, UnreadableDocument

MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECK_MIN = 1024 * 1024  # members smaller than this cannot hurt, whatever their ratio
MAX_MEMBERS = 10_000
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOCUMENT = "/officeDocument"
SKIPPED = {w("del"), w("moveFrom"), w("instrText"), w("delInstrText"), w("pPr"), w("rPr"),
           w("txbxContent"), MC_FALLBACK, w("footnoteReference"), w("endnoteReference")}
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                             huge_tree=False)


def read_docx(data: bytes, filename: str) -> RawDocument:
    """A .docx report as text; refuses zip bombs before decompressing anything."""
    archive = open_checked_zip(data)
    main = main_document_path(archive)
    if main is None:
        raise UnreadableDocument(
            "archives are not supported: this ZIP file is not a Word .docx (no word/document.xml)")
    document = parse_part(archive, main)
    numbering_part, styles_part = _related_parts(archive, main, ("numbering", "styles"))
    numbering = Numbering(_definitions(archive, numbering_part, num_levels),
                          _definitions(archive, styles_part, style_numbering))
    body = document.find(w("body"))
    lines = block_lines(body, numbering) if body is not None else []
    return RawDocument("docx", "\n".join(lines))


def open_checked_zip(data: bytes) -> zipfile.ZipFile:
    """Open the zip and refuse archives that would inflate to something huge."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnreadableDocument(f"the .docx file is damaged (not a readable ZIP: {exc})") from exc
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UnreadableDocument(f"the .docx ZIP has {len(infos)} members; refusing (zip bomb?)")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise UnreadableDocument(
            f"the .docx would unpack to {total / 2**20:.0f} MB, over the "
            f"{MAX_UNCOMPRESSED // 2**20} MB limit (zip bomb?)")
    for info in infos:
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size >= RATIO_CHECK_MIN and ratio > MAX_RATIO:
            raise UnreadableDocument(
                f"the .docx member {info.filename} is compressed {ratio:.0f}:1, over the "
                f"{MAX_RATIO}:1 limit (zip bomb?)")
    return archive


def main_document_path(archive: zipfile.ZipFile) -> str | None:
    """The main document part: from the package relationships, else word/document.xml."""
    names = set(archive.namelist())
    if "_rels/.rels" in names:
        for rel in parse_part(archive, "_rels/.rels").iter(f"{REL_NS}Relationship"):
            target = rel.get("Target", "").lstrip("/")
            if rel.get("Type", "").endswith(OFFICE_DOCUMENT) and target in names:
                return target
    return "word/document.xml" if "word/document.xml" in names else None


def parse_part(archive: zipfile.ZipFile, name: str) -> etree._Element:
    """Parse one XML part safely (no entity expansion, no network)."""
    return _parse_xml(name, _part_bytes(archive, name))


def _part_bytes(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UnreadableDocument(f"the .docx part {name} is damaged: {exc}") from exc


def _parse_xml(name: str, data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise UnreadableDocument(f"the .docx part {name} is damaged: {exc}") from exc


def _definitions(archive: zipfile.ZipFile, name: str | None, read: Callable[[etree._Element], dict]) -> dict:
    """What `read` finds in a part ({} where there is none)."""
    return {} if name is None else _read_part(read, name, _part_bytes(archive, name))


@lru_cache(maxsize=8)
def _read_part(read: Callable[[etree._Element], dict], name: str, data: bytes) -> dict:
    """By the part's bytes: documents made from one template share its styles part (python-docx's
    is 350 KB), parsed once. What it gives is only read."""
    return read(_parse_xml(name, data))


def _related_parts(archive: zipfile.ZipFile, main: str, kinds: tuple[str, ...]) -> list[str | None]:
    """The names of the main part's related parts of the given kinds ("numbering", ...), None
    where absent."""
    folder, base = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    names = set(archive.namelist())
    found: dict[str, str] = {}
    if rels_name in names:
        for rel in parse_part(archive, rels_name).iter(f"{REL_NS}Relationship"):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            found.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], path)
    return [found[kind] if found.get(kind) in names else None for kind in kinds]


def block_lines(container: etree._Element, numbering: Numbering) -> list[str]:
    """Lines of a body, cell or text box: paragraphs and table rows in document order."""
    lines: list[str] = []
    for child in container:
        if child.tag == w("p"):
            lines.extend(paragraph_lines(child, numbering))
        elif child.tag == w("tbl"):
            lines.extend(table_lines(child, numbering))
        elif child.tag not in SKIPPED and child.tag != w("sectPr"):
            lines.extend(block_lines(child, numbering))  # sdt, customXml, ins, AlternateContent
    return lines


def paragraph_lines(paragraph: etree._Element, numbering: Numbering) -> list[str]:
    """A paragraph as one line (plus lines of any text boxes anchored in it)."""
    parts: list[str] = [numbering.label(paragraph)]
    _collect_runs(paragraph, parts)
    lines = ["".join(parts)]
    for box in _text_boxes(paragraph):
        lines.extend(block_lines(box, numbering))
    return lines


def _text_boxes(paragraph: etree._Element) -> Iterator[etree._Element]:
    """Text boxes anchored in this paragraph itself: not the Fallback copy Word stores
    beside each box, not boxes nested in another box (read with that box)."""
    for box in paragraph.iter(w("txbxContent")):
        between = takewhile(lambda ancestor: ancestor is not paragraph, box.iterancestors())
        if not any(ancestor.tag in (MC_FALLBACK, w("txbxContent")) for ancestor in between):
            yield box


def _collect_runs(element: etree._Element, parts: list[str]) -> None:
    """Append the visible text under element, skipping field codes, deletions, hidden runs."""
    for child in element:
        tag = child.tag
        if tag in SKIPPED or (tag == w("r") and _is_hidden(child)):
            continue
        if tag == w("t"):
            parts.append(child.text or "")
        elif tag in (w("tab"), w("ptab")):
            parts.append("\t")
        elif tag in (w("br"), w("cr")):
            parts.append("\n")
        elif tag == w("noBreakHyphen"):
            parts.append("-")
        else:
            _collect_runs(child, parts)


def _is_hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (w:vanish), which Word does not display."""
    vanish = run.find(f"{w('rPr')}/{w('vanish')}")
    return vanish is not None and vanish.get(w("val"), "true") not in ("0", "false")


def table_lines(table: etree._Element, numbering: Numbering) -> list[str]:
    """Each row as one line, cells joined by tabs; one-cell rows (layout boxes) as lines."""
    lines: list[str] = []
    for row in table.iter(w("tr")):
        if next(row.iterancestors(w("tbl"))) is not table:
            continue  # rows of nested tables are read with their cell
        cells = [block_lines(cell, numbering) for cell in row.iter(w("tc"))
                 if next(cell.iterancestors(w("tr"))) is row]
        if len(cells) == 1:
            lines.extend(line for line in cells[0] if line.strip())
            continue
        texts = [_cell_text(cell) for cell in cells]
        if any(texts):
            lines.append("\t".join(texts).rstrip("\t"))
    return lines


def _cell_text(lines: list[str]) -> str:
    """A multi-cell row's cell on one line: its paragraphs and line breaks become spaces."""
    text = " ".join(line.strip() for line in lines if line.strip())
    return text.replace("\t", " ").replace("\n", " ")
