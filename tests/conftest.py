"""Shared fixtures: the project root, the shared folder beside it, and a CLI runner."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def run_nkcheck(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the command line in a subprocess; ``env`` adds variables. A job summary of the CI that
    runs the tests is never written to (GITHUB_STEP_SUMMARY is only passed when given)."""
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "nkcheck", *args], capture_output=True, text=True, cwd=cwd,
                          env=full_env)


def score(gold: Path, docs: Path, result: dict, tmp_path: Path, *thresholds: str) -> subprocess.CompletedProcess:
    out = tmp_path / "result.json"
    out.write_text(json.dumps(result), encoding="utf-8")
    return subprocess.run([sys.executable, str(SCORE), str(gold), str(docs), str(out), *thresholds],
                          capture_output=True, text=True)


def find_quantities(text: str, lang: str):
    """The quantities of a text, with time expressions blocked, as the pipeline finds them."""
    from nkcheck.extract.quantities import finder
    from nkcheck.extract.times import finder as time_finder

    blocked = [(t.start, t.end) for t in time_finder(lang).find(text)]
    return finder(lang).find(text, blocked)


def over(found, text: str, piece: str) -> list:
    """The quantities among ``found`` that overlap the first occurrence of ``piece`` in ``text``."""
    i = text.index(piece)
    j = i + len(piece)
    return [q for q in found if q.start < j and i < q.end]


def the_quantity(text: str, anchor: str, lang: str = "de"):
    """The single quantity that overlaps ``anchor`` in ``text``; offsets must be exact."""
    found = find_quantities(text, lang)
    for q in found:
        assert text[q.start:q.end] == q.text, f"offsets do not match text: {q}"
    hits = over(found, text, anchor)
    assert len(hits) == 1, f"expected one quantity over {anchor!r}, got {hits}"
    return hits[0]


def assert_slots(claim, expected: dict) -> None:
    """Each expected slot of a claim; a source needs only contain the expected words."""
    for slot, want in expected.items():
        got = getattr(claim, slot)
        if slot == "source":
            assert got is not None and want in got, f"source {got!r} lacks {want!r}"
        else:
            assert got == want, f"{slot}: {got!r} != {want!r}"
