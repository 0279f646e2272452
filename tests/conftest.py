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
