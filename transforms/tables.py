"""Documents as the row sets the warehouse stores (pandas frames, one per table)."""
from __future__ import annotations

from dataclasses import asdict

import pandas as pd

from transforms.model import Document
from transforms.pipeline import mention_record
from transforms.rules.indicators import indicators
from transforms.version import extractor_version


def batch_frames(documents: list[Document]) -> dict[str, pd.DataFrame]:
    """Every table's rows for a batch of documents, keyed by table name."""
    return {"documents": documents_frame(documents), "sections": sections_frame(documents),
            "sentences": sentences_frame(documents), "sentence_terms": sentence_terms_frame(documents),
            "metrics": metrics_frame(documents)}


def documents_frame(documents: list[Document]) -> pd.DataFrame:
    version = extractor_version()
    rows = [{"document_id": d.document_id, "source_path": d.source_path, "format": d.format,
             "encoding": d.encoding, **asdict(d.meta), "char_count": len(d.text), "text": d.text,
             "extractor_version": version, "rule_failures": "; ".join(d.rule_failures) or None}
            for d in documents]
    frame = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
    frame["publish_date"] = pd.to_datetime(frame["publish_date"], errors="coerce").dt.date
    frame["report_year"] = frame["report_year"].astype("Int64")
    return frame


def sections_frame(documents: list[Document]) -> pd.DataFrame:
    rows = [{"section_id": section_id(d.document_id, s.index), "document_id": d.document_id,
             "idx": s.index, "parent_idx": s.parent, "level": s.level, "number": s.number,
             "title": s.title, "category": s.category.value, "start": s.start, "end": s.end}
            for d in documents for s in d.sections]
    frame = pd.DataFrame(rows, columns=SECTION_COLUMNS)
    frame["parent_idx"] = frame["parent_idx"].astype("Int64")
    return frame


def sentences_frame(documents: list[Document]) -> pd.DataFrame:
    rows = [{"sentence_id": sentence_id(d.document_id, s.index), "document_id": d.document_id,
             "idx": s.index,
             "section_id": section_id(d.document_id, s.section) if s.section is not None else None,
             "start": s.start, "end": s.end, "text": d.text[s.start:s.end],
             "term_count": sum(terms.values())}
            for d in documents for s, terms in zip(d.sentences, d.sentence_terms)]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def sentence_terms_frame(documents: list[Document]) -> pd.DataFrame:
    """Built a column at a time, each sentence's id made once: pandas reads a list of rows
    (130,000 of them in 150 reports) one value at a time, several times slower."""
    terms, sentences, document_ids, counts = [], [], [], []
    for d in documents:
        for index, sentence_terms in enumerate(d.sentence_terms):
            terms += sentence_terms.keys()
            counts += sentence_terms.values()
            sentences += [sentence_id(d.document_id, index)] * len(sentence_terms)
            document_ids += [d.document_id] * len(sentence_terms)
    if not terms:  # (a frame of empty lists would type its columns float)
        return pd.DataFrame([], columns=SENTENCE_TERM_COLUMNS)
    return pd.DataFrame(dict(zip(SENTENCE_TERM_COLUMNS, (terms, sentences, document_ids, counts))),
                        columns=SENTENCE_TERM_COLUMNS)


def metrics_frame(documents: list[Document]) -> pd.DataFrame:
    rows = []
    for d in documents:
        for m in d.mentions:
            record = mention_record(d, m)
            del record["document"]
            rows.append({"metric_id": metric_id(d.document_id, m.start, m.end),
                         "document_id": d.document_id,
                         "section_id": section_id(d.document_id, m.section) if m.section is not None else None,
                         "sentence_id": sentence_id(d.document_id, m.sentence),
                         **record})
    return pd.DataFrame(rows, columns=METRIC_COLUMNS)


def indicators_frame() -> pd.DataFrame:
    return pd.DataFrame([{"indicator_id": i.id, "name": i.name, "unit": i.unit,
                          "synonyms": list(i.synonyms)} for i in indicators()])


def section_id(document_id: str, index: int) -> str:
    return f"{document_id}:{index}"


def sentence_id(document_id: str, index: int) -> str:
    return f"{document_id}:{index}"


def metric_id(document_id: str, start: int, end: int) -> str:
    return f"{document_id}:{start}:{end}"


DOCUMENT_COLUMNS = ["document_id", "source_path", "format", "encoding", "title", "agency",
                    "province", "city", "county", "region_code", "admin_level", "report_year",
                    "year_source", "report_type", "publish_date", "index_no", "doc_no", "char_count", "text",
                    "extractor_version", "rule_failures"]
SECTION_COLUMNS = ["section_id", "document_id", "idx", "parent_idx", "level", "number", "title",
                   "category", "start", "end"]
METRIC_COLUMNS = ["metric_id", "document_id", "section_id", "subject", "indicator", "value",
                  "unit", "raw", "qualifier", "kind", "start", "end", "sentence", "section",
                  "section_category", "period", "sentence_id", "measure"]
SENTENCE_COLUMNS = ["sentence_id", "document_id", "idx", "section_id", "start", "end", "text",
                    "term_count"]
SENTENCE_TERM_COLUMNS = ["term", "sentence_id", "document_id", "tf"]
