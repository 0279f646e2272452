"""Every verdict rule's flagging and passing cases, one YAML file per rule (tests/fixtures/rules/*.yml).

Each case is two or three short articles (``a``, ``b``, optional ``c``), each with its
``published`` date, its ``text`` and, for English, ``lang: en`` (German otherwise). The test
writes them as Markdown files with front matter, extracts them, compares all claims and checks
the verdict between a claim of ``a`` and a claim of ``b`` (``c`` only gives the story another
stage):

- ``expect: value | time | scope | place | update``: some finding of that kind has a pair
  (``[claim_id, claim_id, kind]``) with one claim from ``a`` and one from ``b``; with
  ``rule: NKxxx``, a finding of that rule;
- ``expect: consistent | sum``: some finding of that kind links claims of ``a`` and ``b`` (an
  agreement names its claims, a sum its total and parts; neither has pairs);
- ``expect: none``: no finding of a conflict kind (value, time, scope, place, update) pairs a
  claim of ``a`` with one of ``b``;
- ``absent: [kind or rule code, ...]`` (optional): none of these links ``a`` and ``b`` either
  (a passing case of an agreement or a sum: the parts do not add up);
- ``xfail: "why"`` (optional): a known failure of nkcheck, not of the case.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nkcheck.compare import compare
from nkcheck.extract import extract_documents

RULES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
CONFLICT_KINDS = {"value", "time", "scope", "place", "update"}
AGREEMENT_KINDS = {"consistent", "sum"}
KINDS = CONFLICT_KINDS | AGREEMENT_KINDS
ARTICLES = ("a", "b", "c")


def _load() -> list[tuple[str, str, dict]]:
    out = []
    for f in sorted(RULES.glob("*.yml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for name, case in data["cases"].items():
            out.append((data["rule"], name, case))
    return out


def _cases():
    for rule, name, case in _load():
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        yield pytest.param(case, id=f"{rule}-{name}", marks=marks)


def _write(folder: Path, name: str, article: dict) -> None:
    fm = f"---\npublished: {article['published']}\nlang: {article.get('lang', 'de')}\n---\n"
    (folder / f"{name}.md").write_text(fm + article["text"].strip() + "\n", encoding="utf-8")


def _links(finding, doc_of: dict[str, str]) -> bool:
    """Whether a finding relates a claim of a.md to a claim of b.md: by one of its pairs for a
    conflict, by its claims (and parts) for an agreement or a sum, which have no pairs."""
    if finding.pairs:
        return any({doc_of.get(p[0]), doc_of.get(p[1])} == {"a.md", "b.md"} for p in finding.pairs)
    if finding.kind in AGREEMENT_KINDS:
        docs = {doc_of.get(c) for c in list(finding.claims) + list(finding.parts)}
        return {"a.md", "b.md"} <= docs
    return False


def _matches(finding, what: str) -> bool:
    return finding.kind == what if what in KINDS else finding.rule == what


def _describe(result, comparison) -> str:
    claims = "\n".join(f"  {c.id}: {c.text!r} {c.low}..{c.high} {c.bound} {c.object}/{c.event}/{c.modality} "
                       f"actor={c.actor} place={c.place} time={c.time_start} source={c.source} as_of={c.as_of}"
                       for c in result.claims)
    found = "\n".join(f"  {f.kind} {f.rule} pairs={f.pairs} claims={f.claims} parts={f.parts}: {f.summary}"
                      for f in comparison.findings)
    return f"claims:\n{claims}\nfindings:\n{found or '  (none)'}"


def test_fixtures_are_well_formed():
    cases = _load()
    assert cases
    for rule, name, case in cases:
        assert set(case) <= {"a", "b", "c", "expect", "rule", "absent", "xfail"}, (rule, name)
        assert case["expect"] in KINDS | {"none"}, (rule, name)
        for k in ARTICLES:
            if k in case:
                assert {"published", "text"} <= set(case[k]) <= {"published", "text", "lang"}, (rule, name, k)
        assert "a" in case and "b" in case, (rule, name)


@pytest.mark.parametrize("case", list(_cases()))
def test_rule_case(case, tmp_path):
    for k in ARTICLES:
        if k in case:
            _write(tmp_path, k, case[k])
    result = extract_documents([str(tmp_path)])
    assert not result.problems, result.problems
    comparison = compare(result.claims)
    doc_of = {c.id: c.doc for c in result.claims}
    linking = [f for f in comparison.findings if _links(f, doc_of)]
    info = _describe(result, comparison)
    expect = case["expect"]
    if expect == "none":
        conflicts = [f for f in linking if f.kind in CONFLICT_KINDS]
        assert not conflicts, f"expected no conflict between a and b, got {[(f.kind, f.rule) for f in conflicts]}\n{info}"
    else:
        hits = [f for f in linking if f.kind == expect and (not case.get("rule") or f.rule == case["rule"])]
        wanted = f"{expect} ({case['rule']})" if case.get("rule") else expect
        assert hits, f"expected {wanted} between a and b\n{info}"
    for what in case.get("absent") or []:
        wrong = [f for f in linking if _matches(f, what)]
        assert not wrong, f"expected no {what} between a and b\n{info}"
