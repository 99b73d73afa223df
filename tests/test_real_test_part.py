"""The test part of the real corpus, scored the way a user scores it: `govreport eval --format json`.

The test part is never studied or tuned on. Two tests read the one score: what was reached when
it was last scored is held (a change that loses ground fails), and the bar of issue 11 is
expected to fail until it is met (strict: reaching it fails too, so the floors get raised).
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from test_real_reports import REAL, SPLIT, TEXTS, annotated, texts_present

# What the test part gave when it was last scored (2026-12-02, end of round 12's study: F1 0.894,
# subject 0.705, kind 0.954, target recall 0.667, qualifier recall 1.0, core 0.399, agency 0.784,
# year 0.865), a little under. Core 0.389 since session 23: a bare 救助金/救助资金 after a programme
# named in its sentence gets no indicator rather than all assistance's (`programme_money`); the
# test gold, written before session 22's ruling, leaves such sums bare, so the scorer counted the
# total's indicator right (on round 13, annotated after the ruling, each one it took away was wrong).
# Agency 0.757 since session 26: charity federations and Red Cross societies as issuing bodies cost
# one test page's agency (not looked at) and gained two of round 19's held half (43 pages, as
# unseen as the test part) and three of rounds 17-18; the floor was lowered for that rule alone.
# Target recall 0.737 since session 31 (plan words over a sentence's semicolon parts, restated
# targets in news, tasks in one-cell-a-line progress tables): the floor rose with it.
# Target recall 0.667 since session 35, by the gold, not the code: the test gold, written on day one,
# was brought to every ruling by an annotator who scored nothing, and two plan-list sizes it had typed
# actual are targets (session-21 ruling), which the extractor reads actual; the session's start code
# gives the same 0.667 on the new gold (fixtures README, "The test part's gold brought to the rulings").
# Subject 0.69 since session 36, by the gold again: brought to the session-36 rulings (a project's and a
# relief's money, per-head measures' groups, work nouns kept, 新 before a verb; 25 lines), the test
# part gives the session's start code 0.688 against 0.704 on the old gold; the end's code 0.691.
REACHED = {
    "f1": 0.885, "subject": 0.68, "kind": 0.95, "target_recall": 0.65, "qualifier_recall": 0.99,
    "core_coverage": 0.38, "agency": 0.75, "report_year": 0.86,
}
# Issue 11's bar for unseen reports.
ISSUE_BAR = {
    "f1": 0.975, "subject": 0.90, "kind": 0.95, "target_recall": 0.85, "qualifier_recall": 0.95,
    "core_coverage": 0.60, "agency": 0.95, "report_year": 0.95,
}


@pytest.fixture(scope="module")
def test_part_score() -> dict:
    texts_present()
    ids = annotated("test")
    assert len(ids) == len(SPLIT["test"]), "every test report is annotated"
    done = subprocess.run(
        [sys.executable, "-m", "govreport", "eval", str(REAL), *(str(TEXTS / f"{i}.txt") for i in ids),
         "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    totals = json.loads(done.stdout)
    assert totals["metadata"]["documents"] == len(ids)
    return {**totals["figures"], **totals["metadata"]}


def _below(score: dict, floors: dict) -> dict:
    return {name: (score[name], floor) for name, floor in floors.items() if score[name] < floor}


def test_the_test_part_keeps_what_was_reached(test_part_score):
    assert not _below(test_part_score, REACHED), test_part_score


@pytest.mark.xfail(strict=True, reason="issue 11's bar is not met on the test part yet (see README)")
def test_the_test_part_meets_the_bar_of_issue_11(test_part_score):
    assert not _below(test_part_score, ISSUE_BAR), test_part_score
