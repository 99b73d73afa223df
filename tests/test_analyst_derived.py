"""The tables the loads keep (0006): each load's incremental upkeep gives the rows a recomputation
from scratch gives, through new documents, a path whose content is replaced, and a reload."""

from __future__ import annotations

import pytest

from tests.analyst_helpers import SAMPLES
from transforms.pipeline import read_document
from transforms.tables import batch_frames, indicators_frame
from warehouse import connect, ensure_schema, load_batch, refresh_regions, replace_indicators
from warehouse.derived import refresh_derived
from warehouse.schema import transaction

# Two reports of one county in consecutive years (one indicator group each, one series), two others.
FILES = ("luanchuan-2023.txt", "luanchuan-2024.txt", "santai-2023.txt", "wujiang-2022.txt")
# The postings by number read back as sentence_terms' strings, with what the index adds.
POSTINGS = """
SELECT v.term, d.document_id || ':' || p.sentence_idx AS sentence_id, p.tf, p.sentence_length, p.category
FROM search_postings p JOIN search_vocabulary v USING (term_id) JOIN search_documents d USING (document_no)
ORDER BY ALL
"""
# The same from the extracted tables.
EXPECTED_POSTINGS = """
SELECT t.term, t.sentence_id, t.tf, s.term_count,
       CASE WHEN s.section_id IS NULL THEN 'other' ELSE sec.category END
FROM sentence_terms t JOIN sentences s USING (sentence_id) LEFT JOIN sections sec ON sec.section_id = s.section_id
ORDER BY ALL
"""


def snapshot(con) -> dict[str, list[tuple]]:
    return {"mentions": con.execute("SELECT * FROM indicator_values ORDER BY ALL").fetchall(),
            "yoy": con.execute("SELECT * FROM indicator_yoy ORDER BY ALL").fetchall(),
            "postings": con.execute(POSTINGS).fetchall(),
            "documents": con.execute("SELECT document_id, province, report_year FROM search_documents"
                                     " ORDER BY ALL").fetchall()}


@pytest.fixture(scope="module")
def documents():
    return {name: read_document(SAMPLES / name) for name in FILES}


def test_loads_one_by_one_and_a_replaced_file_keep_the_tables_as_a_recomputation(tmp_path, documents):
    con = connect(tmp_path / "w.duckdb")
    ensure_schema(con)
    refresh_regions(con)
    replace_indicators(con, indicators_frame())
    for index, name in enumerate(FILES):
        load_batch(con, batch_frames([documents[name]]), run_id=f"one-{index}")
    # luanchuan-2023.txt's path now holds santai's content: its document and its group go away.
    frames = batch_frames([documents["santai-2023.txt"]])
    frames["documents"]["source_path"] = documents["luanchuan-2023.txt"].source_path
    load_batch(con, frames, run_id="replace")
    kept = snapshot(con)
    load_batch(con, batch_frames([documents[name] for name in FILES[1:]]), run_id="reload")
    assert snapshot(con) == kept

    assert kept["postings"] == con.execute(EXPECTED_POSTINGS).fetchall()
    assert len(kept["documents"]) == 3 and kept["mentions"] and kept["yoy"] == []
    with transaction(con):
        for table in ("indicator_mentions", "search_postings", "search_documents", "search_vocabulary"):
            con.execute(f"DELETE FROM {table}")
        refresh_derived(con)
    assert snapshot(con) == kept
    con.close()


def test_a_year_pair_loaded_in_two_batches_is_compared(tmp_path, documents):
    con = connect(tmp_path / "w.duckdb")
    ensure_schema(con)
    refresh_regions(con)
    replace_indicators(con, indicators_frame())
    load_batch(con, batch_frames([documents["luanchuan-2023.txt"]]), run_id="first")
    load_batch(con, batch_frames([documents["luanchuan-2024.txt"]]), run_id="second")
    kept = snapshot(con)
    assert kept["yoy"]
    with transaction(con):
        con.execute("DELETE FROM indicator_mentions")
        refresh_derived(con)
    assert snapshot(con) == kept
    con.close()
