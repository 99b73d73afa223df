"""BM25 search over sentence terms: ranking, containment, traditional characters, filters."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from tests.analyst_helpers import build_warehouse
from warehouse import EmptyQueryError, open_reader, search
from warehouse.search import K1, B, query_terms

pytest_plugins = ["tests.analyst_fixtures"]

YUNXI_2023 = """郧西县民政局2023年工作总结
一、主要工作
社会组织年检和社会组织评估同步推进。
社会组织登记管理持续规范。
全县保障城乡低保对象16432人。
二、存在的问题
部分社会组织内部治理不规范。
三、2024年工作计划
加强社会组织监管。
郧西县民政局
"""
LUANCHUAN_2024 = """栾川县民政局2024年工作总结
一、主要工作
社会组织党建工作扎实开展。
低保资金按时足额发放。
二、存在的问题
养老服务设施运营困难。
栾川县民政局
"""


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A read-only connection to a warehouse of two short reports whose terms are known."""
    folder = tmp_path_factory.mktemp("tiny")
    files = []
    for name, text in (("yunxi-2023.txt", YUNXI_2023), ("luanchuan-2024.txt", LUANCHUAN_2024)):
        files.append(folder / name)
        files[-1].write_text(text, encoding="utf-8")
    with open_reader(build_warehouse(folder / "tiny.duckdb", files)) as con:
        yield con


def hits(con, query, **filters) -> list[dict]:
    columns, rows = search(con, query, **filters)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def sentences_of(results: list[dict]) -> list[str]:
    return [r["sentence"] for r in results]


def test_a_sentence_with_the_word_twice_ranks_above_one_with_it_once(tiny):
    ranked = sentences_of(hits(tiny, "社会组织"))
    assert ranked.index("社会组织年检和社会组织评估同步推进。") < ranked.index("社会组织登记管理持续规范。")


def test_a_rare_word_weighs_more_than_a_common_one(tiny):
    ranked = sentences_of(hits(tiny, "评估 党建 社会组织"))
    # 评估 and 党建 occur once in the corpus, 社会组织 in five sentences
    assert set(ranked[:2]) == {"社会组织年检和社会组织评估同步推进。", "社会组织党建工作扎实开展。"}


def test_scores_are_bm25_over_every_sentence(tiny):
    """Recompute BM25 in Python from the stored terms and compare with the SQL's scores."""
    terms = Counter()
    by_sentence: dict[str, Counter] = {}
    for sentence_id, term, tf in tiny.execute("SELECT sentence_id, term, tf FROM sentence_terms").fetchall():
        by_sentence.setdefault(sentence_id, Counter())[term] += tf
    lengths = dict(tiny.execute("SELECT sentence_id, term_count FROM sentences").fetchall())
    average = sum(lengths.values()) / len(lengths)
    query = ["社会组织", "规范"]
    for word in query:
        terms[word] = sum(1 for counts in by_sentence.values() if any(word in t for t in counts))

    def bm25(sentence_id: str) -> float:
        score = 0.0
        for word in query:
            tf = sum(n for t, n in by_sentence.get(sentence_id, {}).items() if word in t)
            if tf:
                idf = math.log(1 + (len(lengths) - terms[word] + 0.5) / (terms[word] + 0.5))
                score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[sentence_id] / average))
        return score

    results = hits(tiny, "社会组织 规范")
    assert results
    for result in results:
        assert result["score"] == pytest.approx(bm25(result["sentence_id"]), abs=1e-3)


def test_a_query_word_matches_indexed_words_that_contain_it(tiny):
    results = hits(tiny, "低保")
    assert set(sentences_of(results)) == {"全县保障城乡低保对象16432人。", "低保资金按时足额发放。"}
    assert all(r["matched"] == ["低保"] for r in results)


def test_traditional_characters_find_simplified_text(reader):
    assert set(query_terms("社會組織 問題")) == {"社会组织", "问题"}
    assert hits(reader, "社會組織") == hits(reader, "社会组织")
    assert hits(reader, "社會組織")


def test_filters_choose_sentences_without_changing_their_scores(reader):
    everything = {r["sentence_id"]: r["score"] for r in hits(reader, "养老 服务", limit=1000)}
    for filters in ({"province": "河南省"}, {"year": 2023}, {"category": "plans"},
                    {"province": "河南省", "year": 2023, "category": "problems"}):
        results = hits(reader, "养老 服务", limit=1000, **filters)
        assert results, filters
        for r in results:
            assert r["score"] == everything[r["sentence_id"]]
            if "year" in filters:
                assert r["report_year"] == filters["year"]
            if "category" in filters:
                assert r["section_category"] == filters["category"]
            if "province" in filters:
                assert r["region"].startswith(filters["province"])
        assert len(results) < len(everything)


def test_results_come_best_first_with_their_report_section_and_region(reader):
    results = hits(reader, "低保 资金", limit=5)
    assert len(results) == 5
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)
    top = results[0]
    assert top["report_title"] and top["agency"] and top["section"] and top["region"]
    assert set(top["matched"]) == {"低保", "资金"}


def test_a_query_without_searchable_words_is_refused(reader):
    with pytest.raises(EmptyQueryError):
        search(reader, "，。 123")


def test_an_unknown_category_is_refused(reader):
    with pytest.raises(ValueError, match="problems"):
        search(reader, "低保", category="problem")
