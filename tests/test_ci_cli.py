"""The CI surface of the command line: several formats in one run, payload-only stdout,
the job summary, the JSON Schema, and the settings file."""
from __future__ import annotations

import json

import jsonschema

from conftest import ROOT, run_nkcheck


def test_github_and_markdown_in_one_run_with_summary(tmp_path):
    summary = tmp_path / "step_summary.md"
    report = tmp_path / "report.md"
    res = run_nkcheck("check", "seeds", "--format", "github", "--format", "markdown", "-o", str(report),
                      env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert res.returncode == 1, res.stderr
    lines = res.stdout.splitlines()
    assert lines and all(line.startswith(("::warning ", "::notice ")) for line in lines)
    assert "::warning file=seeds/000_2cc7b7632708e469.txt,line=7," in res.stdout
    assert "::warning file=seeds/002_478ce0a239e3f0a6.txt,line=2," in res.stdout
    md = report.read_text(encoding="utf-8")
    assert md == (ROOT / "reports" / "seeds.md").read_text(encoding="utf-8")
    assert summary.read_text(encoding="utf-8") == md


def test_json_validates_against_the_shipped_schema():
    schema = json.loads(run_nkcheck("schema").stdout)
    res = run_nkcheck("check", "seeds", "--format", "json")
    data = json.loads(res.stdout)  # stdout is the payload only
    assert "\x1b" not in res.stderr  # no progress bar when stderr is not a terminal
    jsonschema.validate(data, schema)
    fps = [f["fingerprint"] for f in data["conflicts"] + data["agreements"]]
    assert len(set(fps)) == len(fps)
    assert {f["severity"] for f in data["conflicts"]} == {"conflict", "scope"}


def test_sarif_output_is_sarif_2_1_0(tmp_path):
    out = tmp_path / "r.sarif"
    assert run_nkcheck("check", "seeds", "-f", "sarif", "-o", str(out), "--fail-on", "never").returncode == 0
    log = json.loads(out.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"NK101", "NK201", "NK301"}
    assert all(r["relatedLocations"] for r in results)


def test_machine_formats_refuse_to_share_stdout():
    res = run_nkcheck("check", "seeds", "-f", "json", "-f", "github")
    assert res.returncode == 2 and res.stdout == ""
    assert "cannot share standard output" in res.stderr


def test_fail_on_decides_the_exit_code_separately_from_the_output():
    assert run_nkcheck("check", "seeds", "--fail-on", "never").returncode == 0
    assert run_nkcheck("check", "seeds", "--fail-on", "conflict").returncode == 1
