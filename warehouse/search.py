"""Chinese full-text search over report sentences: jieba terms and BM25, all in SQL.

DuckDB's fts extension cannot be installed offline and does not segment Chinese, so the
loader keeps each sentence's terms (sentence_terms, cut by transforms.search_terms; the same
postings by number in warehouse.search_index's tables, which the ranking reads) and the query
is cut by the same function: traditional characters are folded to simplified on both sides,
and a query word matches an indexed word that contains it (see search.sql).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb

from transforms.model import SectionCategory
from transforms.search_terms import search_terms

K1 = 1.2
B = 0.75
DEFAULT_LIMIT = 20
CATEGORIES = tuple(category.value for category in SectionCategory)
_SQL_FILE = Path(__file__).with_name("search.sql")
_FILTERS_MARK = "/*filters*/"
# Report and section of the ranked sentences (the columns of report_sentences), looked up by id
# once the ranking is done: one primary-key lookup per id ($1, $2, ...), where a join or an IN
# list scans every sentence id (0.5 s of CPU at 1M metric rows).
_DETAILS_SQL = """
WITH hit AS ({lookups})
SELECT h.sentence_id, h.text AS sentence, d.title AS report_title, d.agency, d.report_year,
       sec.title AS section, coalesce(sec.category, 'other') AS section_category,
       concat_ws(' ', d.province, d.city, d.county) AS region
FROM hit h
JOIN documents d USING (document_id)
LEFT JOIN sections sec ON sec.section_id = h.section_id
"""
COLUMNS = ["score", "sentence", "report_title", "agency", "report_year", "section", "section_category",
           "region", "matched", "sentence_id"]
# Conditions on the candidate sentence's occurrence `o` (warehouse/search.sql), each used only when
# its parameter is given.
FILTERS = {
    "province": "o.document_no IN (SELECT document_no FROM search_documents WHERE province = $province)",
    "year": "o.document_no IN (SELECT document_no FROM search_documents WHERE report_year = $year)",
    "category": "o.category = $category",
}


class EmptyQueryError(ValueError):
    """The query has no word that can be searched (only numbers, punctuation or stop words)."""


@cache
def _bm25_template() -> str:
    return _SQL_FILE.read_text(encoding="utf-8")


def bm25_sql(filters: dict[str, object]) -> str:
    """The ranking query with a condition for each filter given."""
    return _bm25_template().replace(_FILTERS_MARK, "".join(f"{FILTERS[name]} AND " for name in filters))


def query_terms(query: str) -> list[str]:
    """The distinct search terms of a query, as the index stores them."""
    return sorted(search_terms(query))


def _details(con: duckdb.DuckDBPyConnection, sentence_ids: list[str]) -> list[tuple]:
    """(sentence_id, sentence, report_title, agency, report_year, section, section_category, region) of each id."""
    if not sentence_ids:
        return []
    lookups = " UNION ALL ".join(f"SELECT * FROM sentences WHERE sentence_id = ${n}"
                                 for n in range(1, len(sentence_ids) + 1))
    return con.execute(_DETAILS_SQL.format(lookups=lookups), sentence_ids).fetchall()


def search(
    con: duckdb.DuckDBPyConnection,
    query: str,
    province: str | None = None,
    year: int | None = None,
    category: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> tuple[list[str], list[tuple]]:
    """Sentences ranked by BM25 for `query`, best first, as (column names, rows).

    Filters narrow the sentences returned, not the statistics: a word's weight is the same
    whatever the filters. Each row has score, sentence, report_title, agency, report_year,
    section, section_category, region, matched (the query terms found) and sentence_id.
    """
    if category is not None and category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}; expected one of {', '.join(CATEGORIES)}")
    terms = query_terms(query)
    if not terms:
        raise EmptyQueryError(f"the query {query!r} has no searchable word")
    filters = {name: value for name, value in
               (("province", province), ("year", year), ("category", category)) if value is not None}
    ranked = con.execute(bm25_sql(filters), {"terms": terms, "k1": K1, "b": B, "limit": limit, **filters}).fetchall()
    details = {row[0]: row[1:] for row in _details(con, [sentence_id for sentence_id, _, _ in ranked])}
    rows = [(score, *details[sentence_id], matched, sentence_id) for sentence_id, score, matched in ranked]
    return COLUMNS, rows
