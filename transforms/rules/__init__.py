"""Extraction rules, one module per dimension (numbers, units, qualifiers, exclusions, quantities,
tables, subjects, indicators, kinds, periods), in the manner of Duckling: each rule a small named pattern
with its production. The words they use live in transforms/data; the examples they must satisfy
in transforms/corpus, one file per rule, run by tests/test_corpus.py."""


class computed_once:
    """A property computed on first use and kept in the instance (also a frozen dataclass's):
    functools.cached_property without the lock it takes on every first read in Python 3.11,
    which costs more than what the rules compute per figure."""

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value
