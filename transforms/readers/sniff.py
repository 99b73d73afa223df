"""Telling a file's format from its content; the file name only breaks ties.

Reports arrive misnamed: .doc files that are RTF or HTML, .wps files that are .docx,
text saved as .html. Magic bytes, zip members and markup decide; the extension only
picks between .doc and .wps (same container) and confirms borderline markup.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import PurePath

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ARCHIVE_MAGICS = (b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")
IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00",
                b"MM\x00*", b"RIFF")
HEAD = 65536
JSON_OPENING = re.compile(r'(?:\[\s*)?\{\s*"[^"\n]{1,80}"\s*:')
MARKUP_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|table|p|span|style|script|link)\b",
    re.IGNORECASE | re.DOTALL)
MARKUP_ANYWHERE = re.compile(rb"<(?:html|body)\b|</(?:p|div|td|span|body|html)>", re.IGNORECASE)
MAX_CONTROL_SHARE = 0.01
CONTROL_BYTES = bytes(byte for byte in range(0x20) if byte not in b"\t\n\r\f\x1b")
# First members of an Office Open XML package: a zip starting so is a (damaged) docx.
OOXML_PREFIXES = ("[Content_Types].xml", "_rels/", "word/", "docProps/")


def sniff_format(data: bytes, filename: str) -> str:
    """The file's format: "txt" | "docx" | "pdf" | "html" | "rtf" | "doc" | "wps", or for
    files read_bytes refuses: "empty" | "archive" | "image" | "encrypted" | "office" | "binary"
    | "data"."""
    ext = PurePath(filename).suffix.lower().lstrip(".")
    if not data.strip():
        return "empty"
    head = data[:HEAD]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data)
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(data, ext)
    if head.startswith(ARCHIVE_MAGICS):
        return "archive"
    if head.startswith(IMAGE_MAGICS) or (head.startswith(b"BM") and ext == "bmp"):
        return "image"
    return _sniff_text(head, ext)


def _sniff_zip(data: bytes) -> str:
    """A .docx is a zip holding word/document.xml; other zips are archives or Office files."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "docx" if _first_member_name(data).startswith(OOXML_PREFIXES) else "archive"
    if "word/document.xml" in names or _main_part_is_word(data, names):
        return "docx"
    if {"xl/workbook.xml", "ppt/presentation.xml", "mimetype"} & names:
        return "office"
    return "archive"


def _first_member_name(data: bytes) -> str:
    """The name in the first local file header (readable even when the zip is truncated)."""
    length = int.from_bytes(data[26:28], "little")
    return data[30:30 + length].decode("utf-8", errors="replace")


def _main_part_is_word(data: bytes, names: set[str]) -> bool:
    """True when [Content_Types].xml declares a WordprocessingML main part under another name."""
    if "[Content_Types].xml" not in names:
        return False
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("[Content_Types].xml")
        if info.file_size > 1_000_000:
            return False
        types = archive.read(info)
    return b"wordprocessingml.document.main" in types or b"ms-word.document" in types


def _sniff_ole(data: bytes, ext: str) -> str:
    """An OLE2 container: Word .doc, Kingsoft .wps, an encrypted OOXML file, or other Office."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "encrypted"
    if ext == "wps":
        return "wps"
    if "WordDocument".encode("utf-16-le") in data or ext == "doc":
        return "doc"
    return "office"


def _sniff_text(head: bytes, ext: str) -> str:
    """Text (plain or HTML) or binary, by control bytes and markup."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if _control_share(head) > MAX_CONTROL_SHARE and not _is_bomless_utf16(head):
        return "binary"
    if MARKUP_START.match(head):
        return "html"
    if _is_json(head):
        return "data"
    if ext in ("htm", "html", "shtml", "xhtml", "mht") and MARKUP_ANYWHERE.search(head):
        return "html"
    return "txt"


def _is_json(head: bytes) -> bool:
    """A JSON object or array (a page's metadata, an API response): data, not a report's text,
    however much Chinese its values hold. Only a head that parses whole, or a JSON opening
    (`{"key":`, `[{`), counts: a report may well start with a bracket."""
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if not text.startswith(("{", "[")):
        return False
    try:
        json.loads(text)
        return True
    except ValueError:
        return len(head) == HEAD and bool(JSON_OPENING.match(text))


def _control_share(head: bytes) -> float:
    """Share of control bytes (other than tab, newlines, form feed, escape): text has ~none."""
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    return controls / max(1, len(head))


def _is_bomless_utf16(head: bytes) -> bool:
    """UTF-16 text saved without a byte-order mark: its zero bytes are ASCII's high halves."""
    for codec in ("utf-16-le", "utf-16-be"):
        text = head[: len(head) // 2 * 2].decode(codec, errors="replace")
        if "\ufffd" not in text and _control_share(text.encode("utf-8")) <= MAX_CONTROL_SHARE:
            return True
    return False
