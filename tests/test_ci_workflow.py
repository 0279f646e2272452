"""End to end, as in a newsroom repository's CI: the seeds are the corpus on main, a branch adds
an article that contradicts one of them, and nkcheck checks only what the branch changed."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, run_nkcheck

NEW_ARTICLE = """---
title: Nordkorea entsandte mehr Soldaten als bekannt
outlet: Testzeitung
published: 2025-06-22
lang: de
---
# Nordkorea entsandte mehr Soldaten als bekannt

Nach Angaben des ukrainischen Geheimdienstes hat Nordkorea im vergangenen Oktober 15.000 Soldaten nach Russland entsandt.

Die Truppen seien in der Region Kursk eingesetzt worden.
"""
SEED = "000_2cc7b7632708e469.txt"  # "im vergangenen Oktober bereits 11.000 Mann entsandt" (line 7)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org", *args], cwd=repo,
                          check=True, capture_output=True, text=True).stdout


def nkcheck(repo: Path, *args: str, summary: Path | None = None) -> subprocess.CompletedProcess:
    return run_nkcheck(*args, cwd=repo, env={"GITHUB_STEP_SUMMARY": str(summary)} if summary else None)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A git repository: seeds under articles/ on main; branch `neu` adds articles/neu.md."""
    repo = tmp_path_factory.mktemp("newsroom")
    shutil.copytree(ROOT / "seeds", repo / "articles")
    (repo / "nkcheck.toml").write_text('paths = ["articles"]\n', encoding="utf-8")
    (repo / "README.md").write_text("# Newsroom\n\nNot an article: 99 Luftballons.\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "corpus")
    git(repo, "checkout", "-qb", "neu")
    (repo / "articles" / "neu.md").write_text(NEW_ARTICLE, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "new article")
    return repo


def _annotations(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("::")]


def test_changed_article_is_checked_against_the_corpus_then_baselined(repo, tmp_path):
    summary = tmp_path / "summary.md"
    res = nkcheck(repo, "check", "--changed-since", "main", "--format", "github", "--format", "markdown",
                  summary=summary)
    assert res.returncode == 1, res.stderr
    notes = _annotations(res.stdout)
    assert len(notes) == 2
    assert notes[0].startswith(f"::warning file=articles/{SEED},line=7,col=66,endColumn=72,"
                               "title=nkcheck NK101 (value)%3A Soldiers sent by North Korea to Russia::")
    assert notes[1].startswith("::warning file=articles/neu.md,line=9,col=83,endColumn=89,title=nkcheck NK101")
    assert f"other side: articles/{SEED}:7 »11.000«" in notes[1]
    text = summary.read_text(encoding="utf-8")
    assert "**2 articles, 2 claims, 1 disputed fact** (value: 1)" in text
    assert "## Changed articles" in text and "- neu.md" in text
    assert "# nkcheck: numeric claims across sources" in res.stdout  # the markdown follows the annotations

    base = nkcheck(repo, "baseline")
    assert base.returncode == 0, base.stderr
    entries = json.loads((repo / ".nkcheck-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert entries == sorted(entries, key=lambda e: (e["rule"], e["fact"], e["fingerprint"]))
    assert not any("line" in e or "start" in e for e in entries)
    again = nkcheck(repo, "check", "--changed-since", "main", "--format", "github", "--format", "markdown")
    assert again.returncode == 0, again.stderr
    assert _annotations(again.stdout) == []
    assert "1 known findings from `.nkcheck-baseline.json` hidden" in again.stdout
    (repo / ".nkcheck-baseline.json").unlink()


def test_findings_not_involving_the_changed_article_are_not_reported(repo):
    full = json.loads(nkcheck(repo, "check", "--format", "json").stdout)
    changed = json.loads(nkcheck(repo, "check", "--changed-since", "main", "--format", "json").stdout)
    seed_only = [f for f in full["conflicts"] if not any(c.startswith("neu.md:") for c in f["claims"])]
    assert len(seed_only) >= 3  # the seeds' own conflicts (time, value, scope) are still found ...
    assert changed["changed"] == ["neu.md"]
    assert [f["fingerprint"] for f in changed["conflicts"]] == [
        f["fingerprint"] for f in full["conflicts"] if f not in seed_only]  # ... but not reported
    assert all(any(c.startswith("neu.md:") for c in f["claims"]) for f in changed["conflicts"] + changed["agreements"])
    assert {d["id"] for d in changed["documents"]} == {"neu.md", SEED}


def test_explicit_file_and_nothing_changed(repo, tmp_path):
    draft = tmp_path / "entwurf.md"
    draft.write_text(NEW_ARTICLE, encoding="utf-8")
    res = nkcheck(repo, "check", "--changed", str(draft), "--format", "json")  # corpus from nkcheck.toml
    assert res.returncode == 1, res.stderr
    data = json.loads(res.stdout)
    assert data["changed"] == ["entwurf.md"]
    assert [f["rule"] for f in data["conflicts"]] == ["NK101"]  # against the seed ...
    assert [f["rule"] for f in data["agreements"]] == ["NK001"]  # ... and agrees with neu.md
    none = nkcheck(repo, "check", "--changed-since", "HEAD", "--format", "json")
    assert none.returncode == 0 and json.loads(none.stdout)["conflicts"] == []
    bad = nkcheck(repo, "check", "--changed-since", "no-such-ref")
    assert bad.returncode == 2 and "no-such-ref" in bad.stderr


def test_stale_baseline_entries_are_reported(repo):
    assert nkcheck(repo, "baseline").returncode == 0
    article = repo / "articles" / "neu.md"
    try:
        article.write_text(NEW_ARTICLE.replace("15.000", "16.000"), encoding="utf-8")
        res = nkcheck(repo, "check", "--changed-since", "main", "--format", "json")
        assert res.returncode == 1
        data = json.loads(res.stdout)
        assert len(data["baseline"]["stale"]) == 1 and data["baseline"]["stale"][0]["rule"] == "NK101"
        assert "stale baseline entry" in res.stderr
        assert len(data["conflicts"]) == 1 and "16.000" in json.dumps(data["claims"])
        jsonschema.validate(data, json.loads(nkcheck(repo, "schema").stdout))  # with changed and baseline
    finally:
        article.write_text(NEW_ARTICLE, encoding="utf-8")
        (repo / ".nkcheck-baseline.json").unlink()
