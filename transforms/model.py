"""The records that flow from a file to the warehouse.

Every offset (`start`, `end`) points into `Document.text`, the cleaned text that is stored.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class SectionCategory(StrEnum):
    """What a part of a report talks about, from its heading words."""

    WORK_DONE = "work_done"
    PROBLEMS = "problems"
    PLANS = "plans"
    LEADERSHIP = "leadership"
    OUTLINE = "outline"
    OTHER = "other"


class Qualifier(StrEnum):
    APPROX = "approx"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    UP_TO = "up_to"


class Kind(StrEnum):
    ACTUAL = "actual"
    TARGET = "target"


@dataclass(frozen=True)
class DocumentMeta:
    title: str | None = None
    agency: str | None = None
    province: str | None = None
    city: str | None = None
    county: str | None = None
    region_code: str | None = None
    admin_level: str | None = None
    report_year: int | None = None
    # where report_year was read: title, body, publish_date, file_name (None with no year)
    year_source: str | None = None
    report_type: str | None = None
    publish_date: str | None = None
    index_no: str | None = None
    doc_no: str | None = None


@dataclass(frozen=True)
class Section:
    index: int
    parent: int | None
    level: int
    number: str
    title: str
    category: SectionCategory
    start: int
    end: int

    @property
    def heading(self) -> str:
        return f"{self.number}{self.title}"


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    section: int | None


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as found in the text, before any subject is known."""

    value: float
    unit: str
    start: int
    end: int
    qualifier: Qualifier | None = None
    # where the qualifier words outside `raw` sit, so the subject search can skip them
    outer_start: int = -1
    outer_end: int = -1
    # what the reading of the number itself names (a table cell: its row and column), if anything
    label: str | None = None
    # a table cell's column role (rules/tables.py), which decides how it reads: plan (a target),
    # previous (the period before), change (a change of the row's level), current …; None
    # outside tables
    column: str | None = None
    # the year a table cell's column is headed by (2020年 | 2025年 of a plan's indicators), if any
    column_year: int | None = None


@dataclass(frozen=True)
class Mention:
    subject: str | None
    indicator: str | None
    value: float
    unit: str
    raw: str
    qualifier: Qualifier | None
    kind: Kind
    start: int
    end: int
    sentence: int
    section: int | None
    period: str | None = None
    # what the figure measures of its subject: its level, a change of it (比上年提高9元) or a share
    # (占52%, 完成任务的98%); extract.py gives only levels an indicator
    measure: str = "level"


@dataclass
class Document:
    document_id: str  # sha256 of the file bytes
    source_path: str
    format: str
    encoding: str | None
    text: str
    meta: DocumentMeta
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # search terms of each sentence, parallel to `sentences`
    sentence_terms: list[dict[str, int]] = field(default_factory=list)
    # what a rule failed to read, one line each (`metadata: …`, `sentence 12: …`): a rule's bug
    # costs the fields it decides, not the report (the figures stay, read without that rule)
    rule_failures: list[str] = field(default_factory=list)


def content_hash(data: bytes) -> str:
    """A document's id: the SHA-256 of its bytes (here, not in the pipeline, so that listing and
    hashing an inbox imports none of the rules)."""
    return hashlib.sha256(data).hexdigest()
