"""Extraction rules, one module per dimension (numbers, units, qualifiers, exclusions, quantities,
tables, subjects, indicators, kinds, periods), in the manner of Duckling: each rule a small named pattern
with its production. The words they use live in transforms/data; the examples they must satisfy
in transforms/corpus, one file per rule, run by tests/test_corpus.py."""
