"""Every verdict rule's pass/fail cases, one YAML file per rule (tests/fixtures/rules/*.yml).

Each case is two short articles (a, b); the test extracts both, compares, and checks the
verdict between a claim of a and a claim of b: a kind (value, time, scope, consistent, sum)
or ``none`` (no conflict of any kind).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nkcheck.compare import compare
from nkcheck.extract import extract_documents

RULES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
CONFLICT_KINDS = {"value", "time", "scope", "update"}


def _cases():
    for f in sorted(RULES.glob("*.yml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for name, case in data["cases"].items():
            yield pytest.param(case, id=f"{data['rule']}-{name}")


def _write(folder: Path, name: str, article: dict) -> None:
    fm = f"---\npublished: {article['published']}\nlang: {article.get('lang', 'de')}\n---\n"
    (folder / name).write_text(fm + article["text"] + "\n", encoding="utf-8")


@pytest.mark.parametrize("case", list(_cases()))
def test_rule_case(case, tmp_path):
    _write(tmp_path, "a.md", case["a"])
    _write(tmp_path, "b.md", case["b"])
    result = extract_documents([str(tmp_path)])
    assert not result.problems
    docs = {c.id: c.doc for c in result.claims}
    between = []
    for f in compare(result.claims):
        sides = {docs[c] for c in f.claims + f.parts}
        if sides == {"a.md", "b.md"}:
            between.append(f.kind)
    if case["expect"] == "none":
        assert not CONFLICT_KINDS & set(between), between
    else:
        assert case["expect"] in between, (between, [(c.text, c.object, c.event, c.actor, c.place, c.time_start, c.source) for c in result.claims])
