"""File bytes → Document: read, clean, recover metadata and structure, extract mentions."""
from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

from transforms.clean import clean_text, normalise_characters
from transforms.extract import cut_document, extract_mentions
from transforms.metadata import extract_meta, title_as_written
from transforms.model import Document, DocumentMeta, Mention, content_hash
from transforms.readers import MAX_INPUT_BYTES, UnreadableDocument, check_input_size, read_bytes
from transforms.rules.quantities import find_quantities
from transforms.search_terms import sentence_terms
from transforms.simplify import to_simplified
from transforms.structure import parse_sections, split_sentences

__all__ = ["UnreadableDocument", "build_document", "read_file", "read_document", "mention_record"]


def build_document(data: bytes, source_path: str) -> Document:
    """Raises UnreadableDocument with a reason a person understands.

    The text is stored as written; structure, metadata and metrics are found on its
    simplified-character copy (same length, same offsets), and each mention's raw is then
    taken from the text as written, as the title is from the page as read. jieba cuts that copy once, around the quantities; the
    subjects, indicators and search terms all read that one cut. A rule that raises costs only
    what it decides (the metadata, or one sentence's subjects and kinds), and
    `Document.rule_failures` says where; the file is lost only when it cannot be read."""
    raw = read_bytes(data, Path(source_path).name)
    text = clean_text(raw.text)
    if not text.strip():
        raise UnreadableDocument("the file holds no text")
    matchable = to_simplified(text)
    page_meta = {label: to_simplified(normalise_characters(value))
                 for label, value in raw.page_meta.items()}
    sections = parse_sections(matchable)
    sentences = split_sentences(matchable, sections)
    failures: list[str] = []
    try:
        meta = extract_meta(matchable, page_meta, Path(source_path).name, raw.text)
    except Exception as error:  # a metadata rule's bug costs the metadata, not the figures
        meta = DocumentMeta()
        failures.append(f"metadata: {type(error).__name__}: {error}")
    quantities = find_quantities(matchable)
    stream = cut_document(matchable, quantities)  # the one jieba cut of the document
    mentions = extract_mentions(matchable, sections, sentences, meta, quantities, stream, failures=failures)
    return Document(
        document_id=content_hash(data), source_path=source_path, format=raw.format,
        encoding=raw.encoding, text=text, meta=replace(meta, title=title_as_written(meta.title, raw.text)),
        sections=sections, sentences=sentences,
        mentions=[replace(m, raw=text[m.start:m.end]) for m in mentions] if matchable != text else mentions,
        sentence_terms=[sentence_terms(stream, s.start, s.end) for s in sentences], rule_failures=failures)


FILE_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
              (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
              (stat.S_ISSOCK, "a socket"))


def read_file(path: str | Path) -> bytes:
    """A regular file's bytes; anything else is refused with a one-line reason.

    Opened without blocking and checked on the open descriptor (no race with a file
    swapped in between): a FIFO would block the read forever and a device such as
    /dev/zero never ends. A file over the size limit is refused before it is read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise UnreadableDocument(f"cannot open the file: {error.strerror or error}") from error
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        kind = next((name for test, name in FILE_KINDS if test(info.st_mode)), "not a file")
        link = "a symbolic link to " if os.path.islink(path) else ""
        raise UnreadableDocument(f"not a regular file but {link}{kind}: only files are read")
    with os.fdopen(descriptor, "rb") as handle:
        check_input_size(info.st_size)
        try:
            data = handle.read(MAX_INPUT_BYTES + 1)
        except OSError as error:
            raise UnreadableDocument(f"cannot read the file: {error.strerror or error}") from error
    check_input_size(len(data))  # it grew while being read
    return data


def read_document(path: str | Path) -> Document:
    return build_document(read_file(path), str(path))


def mention_record(document: Document, mention: Mention) -> dict:
    """One mention as spec §4 prints it (and as the metrics table stores it)."""
    sentence = document.sentences[mention.sentence]
    section = document.sections[mention.section] if mention.section is not None else None
    return {
        "document": document.source_path,
        "subject": mention.subject,
        "indicator": mention.indicator,
        "value": mention.value,
        "unit": mention.unit,
        "raw": mention.raw,
        "qualifier": mention.qualifier.value if mention.qualifier else None,
        "kind": mention.kind.value,
        "period": mention.period,
        "measure": mention.measure,
        "start": mention.start,
        "end": mention.end,
        "sentence": document.text[sentence.start:sentence.end],
        "section": section.heading if section else None,
        "section_category": section.category.value if section else "other",
    }
