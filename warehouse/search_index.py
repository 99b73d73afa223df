"""The search index by numbers (0006): search_documents, search_vocabulary, search_postings.

sentence_terms is the index as extracted (a term and a sentence id per row, as strings). A
search over it had to find the distinct terms among every posting and group the matching
postings by 70-character sentence ids: 1.1-1.6 s of CPU at 1M metric rows. The tables here hold
the same postings by integer term and document numbers, sorted by term within each load, with
the sentence length and section category BM25 and the filters read; warehouse/search.sql ranks
on them alone.

They are kept in step with `documents` inside the writer's transaction: the documents no
longer there lose their postings, the documents not yet indexed get numbers and postings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import duckdb

INDEXED_TABLES = ("sentence_terms", "sentences", "sections")
_WAREHOUSE_ROWS = {table: table for table in INDEXED_TABLES}
# Postings of the new documents, by term string still, from the rows of INDEXED_TABLES.
_NEW_POSTINGS = """
INSERT INTO _wh_new_postings
SELECT t.term, n.document_no, s.idx AS sentence_idx, t.tf, s.term_count AS sentence_length,
       CASE WHEN s.section_id IS NULL THEN 'other' ELSE sec.category END AS category
FROM {sentence_terms} t
JOIN _wh_new_documents n USING (document_id)
JOIN {sentences} s ON s.sentence_id = t.sentence_id
LEFT JOIN {sections} sec ON sec.section_id = s.section_id
"""


def sync_search_index(con: duckdb.DuckDBPyConnection,
                      rows: Mapping[str, str] | Iterable[Mapping[str, str]] = _WAREHOUSE_ROWS) -> None:
    """Drop the index rows of documents deleted, index the documents not yet indexed.

    `rows` names the relation to read each of INDEXED_TABLES from: the warehouse tables by
    default; the loader passes its batch (the new documents' rows, without reading the whole
    index), or its slices one after the other (an iterable of such mappings, each read once
    while it is the current one; no document's rows in two of them): the postings are made
    slice by slice, so the joins on sentence ids hold one slice, and sorted once, for the whole
    batch. A warehouse before 0006 has no index: nothing to do.
    """
    (present,) = con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main'"
                             " AND table_name = 'search_postings'").fetchall()[0]
    if not present:
        return
    gone = [number for (number,) in con.execute(
        "SELECT document_no FROM search_documents ANTI JOIN documents USING (document_id)").fetchall()]
    if gone:
        con.execute("DELETE FROM search_postings WHERE list_contains($gone, document_no)", {"gone": gone})
        con.execute("DELETE FROM search_documents WHERE list_contains($gone, document_no)", {"gone": gone})
    (new,) = con.execute("""
        CREATE OR REPLACE TEMP TABLE _wh_new_documents AS
        SELECT (SELECT coalesce(max(document_no), 0) FROM search_documents)
                   + row_number() OVER (ORDER BY document_id) AS document_no,
               document_id, province, report_year
        FROM documents ANTI JOIN search_documents USING (document_id)""").fetchall()[0]
    if new:
        con.execute("INSERT INTO search_documents BY NAME SELECT * FROM _wh_new_documents")
        con.execute("CREATE OR REPLACE TEMP TABLE _wh_new_postings (term VARCHAR, document_no BIGINT,"
                    " sentence_idx INTEGER, tf INTEGER, sentence_length INTEGER, category VARCHAR)")
        for piece in [rows] if isinstance(rows, Mapping) else rows:
            con.execute(_NEW_POSTINGS.format(**piece))
        con.execute("""
            INSERT INTO search_vocabulary
            SELECT (SELECT coalesce(max(term_id), 0) FROM search_vocabulary) + row_number() OVER (ORDER BY term), term
            FROM (SELECT DISTINCT term FROM _wh_new_postings) ANTI JOIN search_vocabulary USING (term)""")
        con.execute("""
            INSERT INTO search_postings BY NAME
            SELECT v.term_id, p.document_no, p.sentence_idx, p.tf, p.sentence_length, p.category
            FROM _wh_new_postings p JOIN search_vocabulary v USING (term)
            ORDER BY v.term_id, p.document_no, p.sentence_idx""")
        con.execute("DROP TABLE _wh_new_postings")
    con.execute("DROP TABLE _wh_new_documents")
