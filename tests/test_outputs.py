"""Which format goes where: repeatable --format and -o, machine formats alone on stdout."""
from __future__ import annotations

from pathlib import Path

import pytest

from nkcheck.outputs import OutputError, bind


def test_plain_output_goes_to_the_only_format():
    assert bind(["markdown"], ["r.md"]) == [("markdown", Path("r.md"))]


def test_plain_output_is_matched_by_suffix_and_the_rest_goes_to_stdout():
    assert bind(["github", "markdown"], ["report.md"]) == [("github", None), ("markdown", Path("report.md"))]


def test_format_equals_file_binds_explicitly_and_adds_the_format():
    assert bind(["github"], ["json=out/r.json", "sarif=r.sarif"]) == [
        ("github", None), ("json", Path("out/r.json")), ("sarif", Path("r.sarif"))]


@pytest.mark.parametrize("formats, outputs", [
    (["json", "github"], []),  # json needs stdout alone
    (["sarif", "markdown"], []),
    (["github", "pr-comment"], ["r.md"]),  # .md means markdown, which was not asked for
    (["json", "markdown"], ["r.txt"]),
])
def test_bad_combinations_are_usage_errors(formats, outputs):
    with pytest.raises(OutputError):
        bind(formats, outputs)


def test_md_suffix_means_markdown_even_beside_pr_comment():
    assert bind(["markdown", "pr-comment"], ["r.md"]) == [("markdown", Path("r.md")), ("pr-comment", None)]


def test_text_formats_may_share_stdout():
    assert bind(["github", "markdown"], []) == [("github", None), ("markdown", None)]


@pytest.mark.parametrize("level, failing_kinds", [
    ("conflict", {"value", "time"}), ("scope", {"value", "time", "scope"}),
    ("update", {"value", "time", "scope", "update"}), ("never", set()),
])
def test_fail_on_levels(level, failing_kinds):
    from nkcheck.findings import fails
    from nkcheck.model import Finding

    for kind in ("value", "time", "scope", "update", "consistent", "sum"):
        f = Finding(id="F001", kind=kind, claims=["a"], summary="", fact="", rule="NK000")
        assert fails([f], level) is (kind in failing_kinds)
