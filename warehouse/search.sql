-- BM25 ranking of sentences for a query already cut into terms (warehouse/search.py).
-- Parameters: $terms VARCHAR[] (distinct query terms, simplified), $k1, $b, $limit, and
-- those of the filters search.py puts in place of /*filters*/ (only the filters asked for).
--
-- A query term occurs in a sentence where one of the sentence's indexed terms contains it:
-- 低保 matches 低保, 城乡低保 and 低保金. Its tf is the sum of those terms' tf, its df the
-- number of sentences where it occurs. Statistics are over every sentence; the filters only
-- choose which sentences compete.
--
-- Returns sentence_id, score and matched (the query terms found), best first (ties by
-- sentence_id). Shape chosen by measurement (benchmarks/bench_analyst.py): it reads the
-- numbered index (0006, warehouse/search_index.py) only: the terms containing a query term are
-- found in the vocabulary, their postings (a range of term_id) carry sentence length, category
-- and document number, and sentences are grouped by (document_no, sentence_idx), integers. The
-- sentence ids, strings, are made for the sentences that can make the cut only: those scoring
-- at least the $limit-th best score.
WITH
query AS (
    SELECT unnest($terms::VARCHAR[]) AS query_term, generate_subscripts($terms::VARCHAR[], 1) AS query_no
),
vocabulary AS (
    SELECT q.query_no, v.term_id
    FROM search_vocabulary v
    JOIN query q ON contains(v.term, q.query_term)
),
occurrences AS MATERIALIZED (
    SELECT v.query_no, p.document_no, p.sentence_idx, p.sentence_length, any_value(p.category) AS category,
           sum(p.tf) AS tf
    FROM search_postings p
    JOIN vocabulary v USING (term_id)
    GROUP BY v.query_no, p.document_no, p.sentence_idx, p.sentence_length
),
corpus AS (
    SELECT count(*) AS sentences, avg(term_count) AS average_length FROM sentences
),
weights AS (
    SELECT o.query_no, ln(1 + (c.sentences - count(*) + 0.5) / (count(*) + 0.5)) AS idf
    FROM occurrences o, corpus c
    GROUP BY o.query_no, c.sentences
),
scored AS MATERIALIZED (
    SELECT
        o.document_no,
        o.sentence_idx,
        sum(w.idf * o.tf * ($k1 + 1)
            / (o.tf + $k1 * (1 - $b + $b * o.sentence_length / k.average_length))) AS score
    FROM occurrences o
    JOIN weights w USING (query_no)
    CROSS JOIN corpus k
    WHERE /*filters*/ true
    GROUP BY o.document_no, o.sentence_idx
),
cutoff AS (
    SELECT min(score) AS score FROM (SELECT score FROM scored ORDER BY score DESC LIMIT $limit)
),
best AS (
    SELECT s.document_no, s.sentence_idx, d.document_id || ':' || s.sentence_idx AS sentence_id, s.score
    FROM scored s
    JOIN search_documents d USING (document_no)
    WHERE s.score >= (SELECT score FROM cutoff)
    ORDER BY s.score DESC, sentence_id
    LIMIT $limit
),
matched AS (
    SELECT o.document_no, o.sentence_idx, list(list_extract($terms::VARCHAR[], o.query_no) ORDER BY o.query_no) AS matched
    FROM occurrences o
    SEMI JOIN best b ON b.document_no = o.document_no AND b.sentence_idx = o.sentence_idx
    GROUP BY o.document_no, o.sentence_idx
)
SELECT b.sentence_id, round(b.score, 3) AS score, m.matched
FROM best b
JOIN matched m USING (document_no, sentence_idx)
ORDER BY b.score DESC, b.sentence_id
