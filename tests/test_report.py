"""The markdown report: committed copy up to date, deterministic, and safe from article text."""
from __future__ import annotations

from nkcheck.report.markdown import escape
from conftest import ROOT, run_nkcheck


def test_committed_seeds_report_is_current():
    res = run_nkcheck("check", "seeds", "--format", "markdown")
    assert res.stdout == (ROOT / "reports" / "seeds.md").read_text(encoding="utf-8"), \
        "reports/seeds.md is stale: run `nkcheck report seeds/ -o reports/seeds.md`"


def test_report_is_byte_identical_on_rerun():
    a = run_nkcheck("check", "seeds", "--format", "markdown").stdout
    b = run_nkcheck("check", "seeds", "--format", "markdown").stdout
    assert a == b and a


def test_report_has_one_section_per_fact_with_the_seed_verdicts():
    text = (ROOT / "reports" / "seeds.md").read_text(encoding="utf-8")
    sections = text.split("\n### ")[1:]
    titles = [s.splitlines()[0] for s in sections]
    # three facts: the plans for more troops (value), the first deployment (dated October and
    # November: time), the dead against the killed-or-wounded (scope)
    assert len(titles) == len(set(titles)) == 3
    assert titles[0].endswith("Soldiers planned or expected by North Korea to Russia")
    assert titles[1].endswith("Soldiers sent by North Korea to Russia")
    verdicts = [[line.split("**")[1] for line in s.splitlines() if line.startswith("- **")] for s in sections]
    assert [v[0] for v in verdicts] == ["value", "time", "scope"]
    for code, section in zip(("(NK101)", "(NK201)", "(NK301)"), sections):
        assert code in section and "| As of | Cited source |" in section


def test_plain_article_text_is_not_cluttered_by_escaping():
    assert escape("Laut Polizei (Schätzung) kamen 5_000 *Menschen*.") == "Laut Polizei (Schätzung) kamen 5_000 *Menschen*."


import pytest  # noqa: E402


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>", "| a | b |", "`code`", "[link](http://x)", "![img](http://x)",
    "<details>", "<!-- c -->", "# heading", "::error file=a::boom", "line\nbreak",
])
def test_escape_makes_article_text_inert(hostile):
    out = escape(hostile)
    assert "<" not in out and "\n" not in out
    assert "|" not in out.replace("\\|", "")
    assert "::" not in out
    assert "](" not in out.replace("\\](", "")
    assert "http://" not in out and "![" not in out
