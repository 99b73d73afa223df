-- BM25 ranking of sentences for a query already cut into terms (warehouse/search.py).
-- Parameters: $terms VARCHAR[] (distinct query terms, simplified), $k1, $b, $limit, and
-- those of the filters search.py puts in place of /*filters*/ (only the filters asked for,
-- so an unfiltered search reads no section or document column).
--
-- A query term occurs in a sentence where one of the sentence's indexed terms contains it:
-- 低保 matches 低保, 城乡低保 and 低保金. Its tf is the sum of those terms' tf, its df the
-- number of sentences where it occurs. Statistics are over every sentence; the filters only
-- choose which sentences compete.
--
-- Returns sentence_id, score and matched (the query terms found), best first. Shape chosen by
-- measurement (benchmarks/bench_analyst.py): the indexed terms containing a query term are
-- found on the distinct vocabulary first, so postings are fetched by an equality join; each
-- posting carries its sentence's length and document, so ranking reads sentence_terms only
-- (joining sentences by their long ids cost most of a common word's search); the matched
-- terms are listed for the returned rows only, and search.py fetches their report and section
-- in a second query.
WITH
query AS (
    SELECT unnest($terms::VARCHAR[]) AS query_term
),
vocabulary AS (
    SELECT DISTINCT q.query_term, t.term
    FROM (SELECT DISTINCT term FROM sentence_terms) t
    JOIN query q ON contains(t.term, q.query_term)
),
occurrences AS (
    SELECT v.query_term, t.sentence_id, any_value(t.document_id) AS document_id,
           any_value(t.sentence_length) AS sentence_length, sum(t.tf) AS tf
    FROM sentence_terms t
    JOIN vocabulary v USING (term)
    GROUP BY v.query_term, t.sentence_id
),
corpus AS (
    SELECT count(*) AS sentences, avg(term_count) AS average_length FROM sentences
),
weights AS (
    SELECT o.query_term, ln(1 + (c.sentences - count(*) + 0.5) / (count(*) + 0.5)) AS idf
    FROM occurrences o, corpus c
    GROUP BY o.query_term, c.sentences
),
best AS (
    SELECT
        o.sentence_id,
        sum(w.idf * o.tf * ($k1 + 1)
            / (o.tf + $k1 * (1 - $b + $b * o.sentence_length / k.average_length))) AS score
    FROM occurrences o
    JOIN weights w USING (query_term)
    CROSS JOIN corpus k
    WHERE /*filters*/ true
    GROUP BY o.sentence_id
    ORDER BY score DESC, o.sentence_id
    LIMIT $limit
),
matched AS (
    SELECT sentence_id, list(query_term ORDER BY query_term) AS matched
    FROM occurrences
    WHERE sentence_id IN (SELECT sentence_id FROM best)
    GROUP BY sentence_id
)
SELECT b.sentence_id, round(b.score, 3) AS score, m.matched
FROM best b
JOIN matched m USING (sentence_id)
ORDER BY b.score DESC, b.sentence_id
