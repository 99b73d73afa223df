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
# Report and section of the ranked sentences, looked up by id once the ranking is done.
_DETAILS_SQL = """
SELECT sentence_id, sentence, report_title, agency, report_year, section, section_category,
       concat_ws(' ', province, city, county) AS region
FROM report_sentences
WHERE sentence_id IN (SELECT unnest($ids::VARCHAR[]))
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
    details = {row[0]: row[1:] for row in
               con.execute(_DETAILS_SQL, {"ids": [sentence_id for sentence_id, _, _ in ranked]}).fetchall()}
    rows = [(score, *details[sentence_id], matched, sentence_id) for sentence_id, score, matched in ranked]
    return COLUMNS, rows
