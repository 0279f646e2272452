"""The gold scores as tests: the seeds must keep the thresholds the issues set."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, SCORE, run_nkcheck, score

needs_scorer = pytest.mark.skipif(not SCORE.exists(), reason="../shared/tools/score.py not beside the project")


@needs_scorer
def test_seeds_meet_claim_and_conflict_thresholds(tmp_path):
    res = run_nkcheck("check", "seeds", "--format", "json")
    assert res.returncode == 1, res.stderr  # conflicts found
    proc = score(ROOT / "tests/fixtures/gold/seeds.yaml", ROOT / "seeds", json.loads(res.stdout), tmp_path,
                 "--min-claim-recall", "0.95", "--min-claim-precision", "0.90",
                 "--min-value-accuracy", "0.95", "--min-conflict-recall", "1.0",
                 "--max-false-conflicts", "0", "--max-trap-hits", "0", "--require-kinds")
    assert proc.returncode == 0, proc.stdout


# The same measures through `nkcheck eval`, on gold copied into tests/fixtures (so they run
# on a clean clone without ../shared), with the thresholds of the issues.
EVAL_CASES = [
    ("seeds", "tests/fixtures/gold/seeds.yaml", "seeds",
     ["--min-claim-recall", "0.95", "--min-claim-precision", "0.90", "--min-value-accuracy", "0.95",
      "--min-conflict-recall", "1.0", "--max-trap-hits", "0"]),
    ("dev", "tests/fixtures/corpus/dev/gold.yaml", "tests/fixtures/corpus/dev",
     ["--min-claim-recall", "0.90", "--min-claim-precision", "0.85", "--min-value-accuracy", "0.90",
      "--min-conflict-recall", "0.80", "--max-trap-hits", "2"]),
]


@pytest.mark.parametrize("name,gold,docs,thresholds", EVAL_CASES, ids=[c[0] for c in EVAL_CASES])
def test_eval_meets_issue_thresholds(name, gold, docs, thresholds):
    res = run_nkcheck("eval", gold, docs, *thresholds)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "kinds=ok" in res.stdout.splitlines()[0], res.stdout
