"""RTF via striprtf, with table cells kept apart by tabs and link targets left out."""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from .model import RawDocument

CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
CELL_END = re.compile(r"\\(?:nest)?cell(?![a-zA-Z]) ?")
HYPERLINK_INSTRUCTION = re.compile(r"HYPERLINK(?=\s)")
DEFAULT_CODEPAGE = "gb18030"  # Chinese RTF without \ansicpg is almost always GBK


def read_rtf(data: bytes, filename: str) -> RawDocument:
    """An RTF report as text (headers, footers and field codes are RTF destinations striprtf skips)."""
    source = rtf_source(data)
    # striprtf writes '|' for a cell end; a tab keeps label and figure apart like docx rows.
    source = CELL_END.sub(r"\\tab ", source)
    # striprtf appends '(url)' after hyperlink text; hiding the keyword leaves just the text.
    source = HYPERLINK_INSTRUCTION.sub("HYPERLINK_", source)
    return RawDocument("rtf", rtf_to_text(source, encoding=DEFAULT_CODEPAGE, errors="replace"))


def rtf_source(data: bytes) -> str:
    """RTF is 7-bit with \\'hh escapes; stray 8-bit bytes are read in the document's code page."""
    if data.isascii():
        return data.decode("ascii")
    match = CODEPAGE.search(data[:4096])
    codepage = f"cp{match.group(1).decode()}" if match else DEFAULT_CODEPAGE
    try:
        return data.decode(codepage, errors="replace")
    except LookupError:
        return data.decode(DEFAULT_CODEPAGE, errors="replace")
