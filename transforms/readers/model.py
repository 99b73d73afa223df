"""The reader's result type and its one error."""

from __future__ import annotations

from dataclasses import dataclass, field


class UnreadableDocument(Exception):
    """A file that cannot become text; str(e) is a reason a person understands, e.g.
    'PDF has no text layer (a scan?); OCR is not supported'."""


@dataclass(frozen=True)
class RawDocument:
    """A report as read from its file, before clean_text."""

    format: str  # "txt" | "docx" | "pdf" | "html" | "rtf" | "doc" | "wps"
    text: str  # the text as read, before clean_text
    encoding: str | None = None  # for txt/html: the detected encoding, e.g. "utf-8", "gb18030"
    page_meta: dict[str, str] = field(default_factory=dict)  # 索引号/发文日期/... block, else {}
