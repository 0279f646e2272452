"""Inline suppression in markdown articles: reason required, unused ones reported."""
from __future__ import annotations

import json

import jsonschema

from ci_helpers import claim, doc, finding
from conftest import run_nkcheck
from nkcheck import suppress

ARTICLE = """---
published: 2025-06-22
lang: de
---
Nach Angaben des ukrainischen Geheimdienstes hat Nordkorea im vergangenen Oktober 15.000 Soldaten nach Russland entsandt.
"""


def _md(text: str):
    return doc("neu.md", text, path="neu.md")


def test_comment_on_its_own_line_covers_the_next_line_and_its_own():
    d = _md("Absatz.\n\n<!-- nkcheck: ignore[NK101, nk201] reason=\"Zahl bestätigt\" -->\n\nEs waren 15.000 Soldaten.\n")
    valid, invalid = suppress.find(d)
    assert invalid == [] and len(valid) == 1
    s = valid[0]
    assert (s.line, s.rules, s.reason, s.lines) == (3, ("NK101", "NK201"), "Zahl bestätigt", (3, 5))
    assert s.covers("NK101", 5) and not s.covers("NK301", 5) and not s.covers("NK101", 1)


def test_suppression_without_reason_is_invalid_and_plain_text_articles_have_none():
    valid, invalid = suppress.find(_md("Es waren 15.000 Soldaten. <!-- nkcheck: ignore[NK101] -->\n"))
    assert valid == [] and [s.line for s in invalid] == [1]
    assert suppress.find(doc("a.txt", "<!-- nkcheck: ignore[NK101] reason=\"x\" -->\n1 Soldat\n")) == ([], [])


def test_apply_hides_matching_findings_and_counts_use():
    a = _md("<!-- nkcheck: ignore[*] reason=\"geprüft\" -->\nEs waren 15.000 Soldaten.\n")
    b = doc("b.txt", "Es waren 4000 Soldaten.\n")
    ca, cb = claim(a, "15.000", 15000), claim(b, "4000", 4000)
    valid, _ = suppress.find(a)
    shown, hidden = suppress.apply([finding("F001", ca, cb)], {ca.id: ca, cb.id: cb}, valid)
    assert shown == [] and [f.id for f in hidden] == ["F001"] and valid[0].used == 1


def test_cli_suppressed_finding_does_not_fail_and_unused_ones_are_reported(tmp_path):
    art = tmp_path / "neu.md"
    art.write_text(ARTICLE.replace("Nach Angaben", '<!-- nkcheck: ignore[NK101] reason="eigene Recherche" -->\n'
                                   "Nach Angaben") + '\n<!-- nkcheck: ignore[NK201] reason="alt" -->\nKein Satz.\n'
                   + "<!-- nkcheck: ignore[NK301] -->\n", encoding="utf-8")
    res = run_nkcheck("check", "--corpus", "seeds", "--changed", str(art), "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["conflicts"] == [] and data["suppressions"]["hidden"] == 1
    assert [s["rules"] for s in data["suppressions"]["unused"]] == [["NK201"]]
    assert [s["line"] for s in data["suppressions"]["invalid"]] == [10]
    assert "unused suppression ignore[NK201]" in res.stderr and "without reason" in res.stderr
    jsonschema.validate(data, json.loads(run_nkcheck("schema").stdout))
