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
    sections = [line for line in text.splitlines() if line.startswith("### ")]
    # the 11.000-in-October/November clash and the 4.000-vs-plans clash are one deployment fact
    assert len(sections) == len(set(sections)) == 2
    assert sections[0].endswith(": time, value") and sections[1].endswith(": scope")
    for verdict in ("- **time** (NK201", "- **value** (NK101", "- **scope** (NK301"):
        assert verdict in text


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
