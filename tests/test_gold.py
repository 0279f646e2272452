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
# on a clean clone without ../shared). The seeds keep the issues' thresholds; the development
# corpora and the held-out stories are held at their measured level (README, "Measured"), below
# the issues' targets (conflict recall and pair precision 0.80, reviewer items at most 1.5 per
# gold conflict) that nkcheck does not meet yet: a change that lowers one fails here.
def _slots(**floors: float) -> list[str]:
    return [a for k, v in floors.items() for a in ("--min-slot", f"{k}={v}")]


EVAL_CASES = [
    ("seeds", "tests/fixtures/gold/seeds.yaml", "seeds",
     ["--min-claim-recall", "0.95", "--min-claim-precision", "0.90", "--min-value-accuracy", "0.95",
      "--min-conflict-recall", "1.0", "--min-pair-precision", "1.0", "--max-trap-hits", "0",
      "--max-items-ratio", "1.5"]),
    ("dev", "tests/fixtures/corpus/dev/gold.yaml", "tests/fixtures/corpus/dev",
     ["--min-claim-recall", "0.90", "--min-claim-precision", "0.85", "--min-value-accuracy", "0.90",
      "--min-conflict-recall", "0.75", "--min-pair-precision", "0.78", "--max-trap-hits", "1",
      "--max-items-ratio", "1.0"] + _slots(object=0.95, event=0.85, actor=0.80, place=0.85, source=0.78)),
    ("nk", "tests/fixtures/corpus/nk/gold.yaml", "tests/fixtures/corpus/nk",
     ["--min-claim-recall", "0.95", "--min-conflict-recall", "0.34", "--min-pair-precision", "0.52",
      "--max-trap-hits", "3", "--max-items-ratio", "0.6"] + _slots(object=0.92, event=0.92, actor=0.85,
                                                                place=0.74, source=0.75)),
    ("disasters", "tests/fixtures/corpus/disasters/gold.yaml", "tests/fixtures/corpus/disasters",
     ["--min-claim-recall", "0.88", "--min-conflict-recall", "0.75", "--min-pair-precision", "0.68",
      "--max-trap-hits", "2", "--max-items-ratio", "1.0"] + _slots(object=0.94, event=0.88, actor=0.91,
                                                                  place=0.74, time=0.85, as_of=0.66,
                                                                  source=0.76)),
]
HELDOUT = ROOT / "tests/fixtures/corpus/heldout"
EVAL_CASES += [  # stories in none of the development corpora, written to measure nkcheck on news it was not built on
    (f"heldout-{story}", f"tests/fixtures/corpus/heldout/{story}/gold.yaml", f"tests/fixtures/corpus/heldout/{story}",
     ["--min-claim-recall", "0.78", "--min-conflict-recall", recall, "--min-pair-precision", precision,
      "--max-items-ratio", "1.5"] + _slots(place=place))
    for story, recall, precision, place in [("frankreich-truppen-rumaenien-2026", "0.80", "0.85", 0.49),
                                            ("krefeld-explosion-2025", "0.74", "0.88", 0.80),
                                            ("sparpaket-demos-oesterreich-2025", "0.74", "0.88", 0.74),
                                            ("taifun-dalisay-2025", "0.55", "0.95", 0.44)]
]


@pytest.mark.parametrize("name,gold,docs,thresholds", EVAL_CASES, ids=[c[0] for c in EVAL_CASES])
def test_eval_meets_issue_thresholds(name, gold, docs, thresholds):
    res = run_nkcheck("eval", gold, docs, *thresholds)
    assert res.returncode == 0, res.stdout + res.stderr
    if name == "seeds":
        assert "kinds=ok" in res.stdout.splitlines()[0], res.stdout
