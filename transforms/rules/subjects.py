"""Subjects: the shortest phrase naming what a number counts.

Only the clause next to a number is cut by jieba (never the number itself, never the whole
document), with the domain terms of subject_terms.txt so 补发婚姻登记证 stays whole.
Two productions:
- `subject_after_number`: 267名事实无人抚养儿童 — the counted thing follows a counting unit;
- `subject_before_number`: 全年共保障城乡低保对象17662人 — the run of words right before
  the number, after the strip words (verbs of doing, fillers, scope, links) are left behind.
"""
from __future__ import annotations

import logging
import re
from functools import cache

from transforms.lexicon import load_words

# Where a clause ends for the purpose of naming: a subject never crosses these.
CLAUSE_BREAK = re.compile(r"[,，;；。：:!！?？\n【】]")
# Quoted names are one token: 婚姻登记“全市通办”业务 must not be cut inside the quotes.
QUOTED = re.compile(r"“[^”\n]{1,20}”|《[^》\n]{1,30}》")
TIME_WORD = re.compile(r"^(?:\d{4}年(?:度)?|\d{1,2}月(?:底|份|末)?|\d{4})$")
# Units that count things (the thing may follow them); money, rates and durations never do.
COUNTED_THING_MAY_FOLLOW = frozenset({"count"})
LONGEST_SUBJECT = 30
COORDINATORS = frozenset("、和及与")


@cache
def tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for line in load_words("subject_terms.txt"):
        word, _, freq = line.partition(" ")
        tk.add_word(word, int(freq) if freq else None)
    for word in load_words("subject_strip_words.txt"):
        tk.add_word(word)
    return tk


@cache
def domain_terms() -> frozenset[str]:
    return frozenset(line.partition(" ")[0] for line in load_words("subject_terms.txt"))


@cache
def strip_words() -> frozenset[str]:
    return frozenset(load_words("subject_strip_words.txt"))


@cache
def head_words() -> tuple[str, ...]:
    return tuple(sorted(load_words("subject_heads.txt"), key=len, reverse=True))


def tokens(phrase: str) -> list[str]:
    """jieba tokens of a short phrase, quoted names kept whole."""
    out: list[str] = []
    position = 0
    for quoted in QUOTED.finditer(phrase):
        out += tokenizer().lcut(phrase[position:quoted.start()], HMM=False)
        out.append(quoted.group())
        position = quoted.end()
    out += tokenizer().lcut(phrase[position:], HMM=False)
    return [t for t in out if t.strip()]


def _is_strip(token: str) -> bool:
    return token in strip_words() or bool(TIME_WORD.match(token))


def clause_before(text: str, start: int, floor: int) -> str:
    """The text between the last clause break (or `floor`) and `start`."""
    window = text[max(floor, start - 60):start]
    breaks = list(CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end():] if breaks else window


def clause_after(text: str, end: int) -> str:
    window = text[end:end + 40]
    found = CLAUSE_BREAK.search(window)
    return window[:found.start()] if found else window


def subject_before_number(clause: str) -> str | None:
    """The run of non-strip words ending next to the number, read right to left."""
    words = tokens(clause)
    while words and (_is_strip(words[-1]) or words[-1] in COORDINATORS):
        words.pop()
    kept: list[str] = []
    while words and not _is_strip(words[-1]):
        kept.insert(0, words.pop())
    while kept and kept[0] in COORDINATORS:
        kept.pop(0)
    if kept:
        kept[0] = _without_strip_prefix(kept[0])
    while len(kept) > 1 and QUOTED.fullmatch(kept[0]) and not QUOTED.match(kept[1]) \
            and len("".join(kept[1:])) > 2:
        kept.pop(0)
    subject = "".join(kept).strip()
    return subject if 0 < len(subject) <= LONGEST_SUBJECT else None


def _without_strip_prefix(word: str) -> str:
    """依法取缔 → 取缔: jieba sometimes glues a strip word to the verb that names the count."""
    if word in domain_terms():
        return word
    for length in range(len(word) - 2, 0, -1):
        if word[:length] in strip_words():
            return word[length:]
    return word


@cache
def generic_subjects() -> frozenset[str]:
    return frozenset(load_words("generic_subjects.txt"))


def widen_generic(subject: str | None, text: str, sentence_start: int, clause_start: int) -> str | None:
    """资金 → 社会组织发展专项资金 when an earlier clause of the sentence names it in full."""
    if subject not in generic_subjects():
        return subject
    earlier = text[sentence_start:clause_start].rfind(subject)
    if earlier < 0:
        return subject
    end = sentence_start + earlier + len(subject)
    wider = subject_before_number(clause_before(text, end, sentence_start))
    return wider if wider and wider.endswith(subject) and len(wider) > len(subject) else subject


def subject_after_number(clause: str) -> str | None:
    """The counted thing after its number, cut back to its last head word."""
    if not clause or CLAUSE_BREAK.match(clause) or clause[0] in "、等余多左以" or clause[0].isdigit():
        return None
    kept: list[str] = []
    for word in tokens(clause):
        if (_is_strip(word) and word != "的") or word[0].isdigit():
            break
        kept.append(word)
    phrase = "".join(kept)
    cut = max((phrase.rfind(head) + len(head) for head in head_words() if head in phrase), default=0)
    subject = phrase[:cut].rstrip("的")
    return subject if 0 < len(subject) <= LONGEST_SUBJECT else None


def name_subject(text: str, start: int, end: int, unit_kind: str, floor: int,
                 sentence_start: int) -> str | None:
    """The subject of the quantity at text[start:end] (outer span, qualifiers included).

    `floor` is where the clause may start at the earliest: the end of the previous
    quantity in the same sentence, so 2.5万户7.2万人 does not give 7.2万人 the subject 户."""
    clause = clause_before(text, start, floor)
    before = widen_generic(subject_before_number(clause), text, sentence_start, start - len(clause))
    if unit_kind in COUNTED_THING_MAY_FOLLOW:
        after = subject_after_number(clause_after(text, end))
        if after and (before is None or text[end:end + 1] != "的"):
            return after
    return before
