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


def _loaded(con) -> dict[str, list[tuple]]:
    """Every extracted table's rows (documents without the load time), with the derived ones."""
    tables = {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
              for table in ("sections", "sentences", "sentence_terms", "metrics")}
    tables["documents"] = con.execute("SELECT * EXCLUDE (loaded_at) FROM documents ORDER BY ALL").fetchall()
    tables["ingest_log"] = con.execute("SELECT source_path, sha256, status FROM ingest_log ORDER BY ALL").fetchall()
    return tables | snapshot(con)


def con_expected_postings(path) -> list[tuple]:
    con = connect(path)
    try:
        return con.execute(EXPECTED_POSTINGS).fetchall()
    finally:
        con.close()


def test_a_batch_in_slices_loads_what_it_loads_whole(tmp_path, documents):
    """The staged slices of a run (one per chunk folder), a content at two paths in two
    slices among them, load the rows and index the batch loaded whole gives."""
    from warehouse.staging import StagedRows

    copy = batch_frames([documents["santai-2023.txt"]])
    copy["documents"]["source_path"] = "copy/santai-2023.txt"
    pieces = [batch_frames([documents[name] for name in FILES[:2]]),
              batch_frames([documents[name] for name in FILES[2:]]), copy]
    slices = []
    for index, piece in enumerate(pieces):
        staged = StagedRows(tmp_path / f"c{index}")
        staged.write(piece, "part")
        slices.append(staged.files())
    whole = {table: [path for piece in slices for path in piece[table]] for table in slices[0]}
    loaded = {}
    for name, frames in (("whole", whole), ("sliced", slices)):
        con = connect(tmp_path / f"{name}.duckdb")
        ensure_schema(con)
        refresh_regions(con)
        replace_indicators(con, indicators_frame())
        summary = load_batch(con, frames, run_id="run")
        loaded[name] = (summary, _loaded(con))
        con.close()
    assert loaded["sliced"] == loaded["whole"]
    summary, tables = loaded["sliced"]
    assert summary.documents_loaded == 5 and len(tables["documents"]) == 4
    assert tables["postings"] == con_expected_postings(tmp_path / "sliced.duckdb") and tables["mentions"]


def test_a_slice_whose_rows_belong_to_another_slice_is_refused(tmp_path, documents):
    con = connect(tmp_path / "w.duckdb")
    ensure_schema(con)
    first = batch_frames([documents["luanchuan-2023.txt"]])
    second = batch_frames([documents["santai-2023.txt"]])
    # the second document's metrics staged with the first slice's rows
    first["metrics"] = second["metrics"]
    second["metrics"] = second["metrics"].iloc[:0]
    with pytest.raises(ValueError, match="metrics"):
        load_batch(con, [first, second], run_id="run")
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '\\_wh\\_%' ESCAPE '\\'"
                       ).fetchone() == (0,)
    con.close()
