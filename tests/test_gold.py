"""The gold scores as tests: the seeds must keep the thresholds the issues set."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, SCORE, run_nkcheck, score

pytestmark = pytest.mark.skipif(not SCORE.exists(), reason="../shared/tools/score.py not beside the project")


def test_seeds_meet_claim_and_conflict_thresholds(tmp_path):
    res = run_nkcheck("check", "seeds", "--format", "json")
    assert res.returncode == 1, res.stderr  # conflicts found
    proc = score(ROOT / "tests/fixtures/gold/seeds.yaml", ROOT / "seeds", json.loads(res.stdout), tmp_path,
                 "--min-claim-recall", "0.95", "--min-claim-precision", "0.90",
                 "--min-value-accuracy", "0.95", "--min-conflict-recall", "1.0",
                 "--max-false-conflicts", "0", "--max-trap-hits", "0", "--require-kinds")
    assert proc.returncode == 0, proc.stdout
