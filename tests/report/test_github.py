"""GitHub annotations, fingerprints, size limits for the job summary and the PR comment."""
from __future__ import annotations

import re

import pytest

from ci_helpers import claim, doc, finding
from nkcheck.findings import fingerprint
from nkcheck.report import github
from nkcheck.report.budget import fit


def _pair(text_a="Zeile eins.\nNordkorea schickte 11.000 Soldaten.\n", number_b="4000"):
    a, b = doc("a.txt", text_a), doc("b.txt", f"Es waren {number_b} Soldaten.\n")
    ca, cb = claim(a, "11.000", 11000), claim(b, number_b, int(number_b))
    return [a, b], [ca, cb], finding("F001", ca, cb)


def test_github_annotates_both_sides_with_file_line_and_column():
    docs, claims, f = _pair()
    lines = github.annotations(docs, claims, [f]).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::warning file=a.txt,line=2,col=20,endColumn=26,title=nkcheck NK101 (value)%3A ")
    assert lines[1].startswith("::warning file=b.txt,line=1,col=10,endColumn=14,")
    assert "other side: a.txt:2 »11.000«" in lines[1]


def test_github_agreements_get_no_annotation():
    docs, claims, f = _pair()
    f.kind, f.rule = "consistent", "NK001"
    assert github.annotations(docs, claims, [f]) == ""


@pytest.mark.parametrize("hostile", [
    "x\n::error file=evil.txt::pwned", "a\r\n::set-output name=x::1", "50 % mehr, 3:0", "::stop-commands::tok",
])
def test_github_article_text_cannot_inject_workflow_commands(hostile):
    docs, claims, f = _pair()
    f.summary = hostile
    f.fact = hostile
    out = github.annotations(docs, claims, [f])
    for line in out.splitlines():
        assert line.startswith("::warning ")
        props, _, message = line[len("::warning "):].partition("::")
        assert "\n" not in message and "\r" not in message
        assert not re.search(r"[:\r\n]", props.replace("title=", "").replace("file=", "")
                             .replace("line=", "").replace("col=", "").replace("endColumn=", ""))
    assert len(out.splitlines()) == 2


def test_github_escaping_follows_actions_toolkit():
    assert github.escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_caps_annotations_per_level_and_summarises_the_rest():
    docs, claims, f = _pair()
    findings = [finding(f"F{i:03d}", *claims) for i in range(8)]  # 16 warnings
    findings += [finding("F100", *claims, kind="scope", rule="NK301")]  # 2 notices
    lines = github.annotations(docs, claims, findings).splitlines()
    assert sum(line.startswith("::warning ") for line in lines) == github.LIMIT
    assert sum(line.startswith("::notice ") for line in lines) == 2
    assert lines[-1].startswith("nkcheck: 6 more warning annotations not shown")


def test_fingerprint_ignores_offsets_and_lines_but_not_values():
    docs, claims, f = _pair()
    moved_docs, moved_claims, moved = _pair(text_a="Neuer Vorspann.\n\nZeile eins.\nNordkorea schickte 11.000 Soldaten.\n")
    assert moved_claims[0].line != claims[0].line
    fp = fingerprint(f, {c.id: c for c in claims}, {d.id: d for d in docs})
    assert fp == fingerprint(moved, {c.id: c for c in moved_claims}, {d.id: d for d in moved_docs})
    swapped = finding("F009", claims[1], claims[0])
    assert fp == fingerprint(swapped, {c.id: c for c in claims}, {d.id: d for d in docs})
    other_docs, other_claims, other = _pair(number_b="5000")
    assert fp != fingerprint(other, {c.id: c for c in other_claims}, {d.id: d for d in other_docs})
    assert re.fullmatch(r"[0-9a-f]{32}", fp)


def _long_report(n: int) -> str:
    return ("# nkcheck\n\n**2 documents, 9 claims, 7 conflicts** totals\n\n<details><summary>x</summary>\n\n"
            + "\n".join(f"- Zeile {i} " + "ä" * 80 for i in range(n)) + "\n\n</details>\n")


def test_fit_keeps_totals_closes_details_and_respects_the_limit():
    text = _long_report(5000)
    out = fit(text, 20000, "bytes")
    assert len(out.encode("utf-8")) <= 20000
    assert "7 conflicts** totals" in out and "Truncated" in out
    assert out.count("<details") == out.count("</details>")
    assert fit("kurz\n", 100) == "kurz\n"


def test_pr_comment_has_marker_and_stays_under_65536_characters():
    body = github.pr_comment(_long_report(20000))
    assert body.startswith("<!-- nkcheck-report -->\n# nkcheck")
    assert len(body) < 65536


def test_step_summary_appends_and_stays_under_one_mib(tmp_path):
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    assert github.append_step_summary("# short\n", {"GITHUB_STEP_SUMMARY": str(target)}) == target
    github.append_step_summary(_long_report(20000), {"GITHUB_STEP_SUMMARY": str(target)})
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n# short\n")
    assert len(text.encode("utf-8")) <= 1024 * 1024 and "7 conflicts** totals" in text
    assert github.append_step_summary("# x\n", {}) is None
