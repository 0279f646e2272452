"""The command line: formats, exit codes, and bad input reported without stopping the run."""
from __future__ import annotations

import json

from conftest import run_nkcheck


def test_extract_json_has_the_contract_fields():
    res = run_nkcheck("extract", "seeds", "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert set(data) >= {"documents", "claims", "conflicts", "agreements"}
    c = data["claims"][0]
    for key in ("id", "doc", "start", "end", "text", "low", "high", "approx", "object", "event",
                "actor", "place", "time_start", "time_end", "source", "sentence"):
        assert key in c
    assert {d["published_source"] for d in data["documents"]} == {"estimated from text"}


def test_claim_offsets_point_into_the_file(root):
    data = json.loads(run_nkcheck("extract", "seeds", "--format", "json").stdout)
    paths = {d["id"]: d["path"] for d in data["documents"]}
    for c in data["claims"]:
        text = (root / paths[c["doc"]]).read_text(encoding="utf-8")
        assert text[c["start"]:c["end"]] == c["text"]


def test_csv_and_table_formats(tmp_path):
    out = tmp_path / "claims.csv"
    assert run_nkcheck("extract", "seeds", "--format", "csv", "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("id,doc,start,end,text")
    table = run_nkcheck("extract", "seeds").stdout
    assert "11.000" in table


def test_unreadable_file_is_reported_and_others_still_checked(tmp_path, root):
    (tmp_path / "good.md").write_text("---\npublished: 2024-05-01\n---\nRund 500 Menschen demonstrierten in Kiel.\n",
                                      encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00\x00" * 3)
    (tmp_path / "latin.txt").write_bytes("Über 300 Bürger kamen.".encode("cp1252"))
    res = run_nkcheck("extract", str(tmp_path), "--format", "json")
    assert res.returncode == 2
    assert "skipped" in res.stderr and "bad.txt" in res.stderr
    assert "latin.txt: not UTF-8, read as Windows-1252" in res.stderr
    data = json.loads(res.stdout)
    assert sorted(d["id"] for d in data["documents"]) == ["good.md", "latin.txt"]
    assert {c["text"] for c in data["claims"]} >= {"500", "300"}
    assert data["not_checked"][0]["path"].endswith("bad.txt")


def test_missing_path_and_bad_date_are_usage_errors(tmp_path):
    assert run_nkcheck("extract", str(tmp_path / "nope")).returncode == 2
    assert run_nkcheck("extract", "seeds", "--published", "yesterday-ish").returncode == 2


def test_exit_zero_and_conflict_exit_codes():
    assert run_nkcheck("check", "seeds", "--format", "json").returncode == 1
    assert run_nkcheck("check", "seeds", "--format", "json", "--exit-zero").returncode == 0


def test_published_front_matter_is_used(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2024-03-10\nlang: de\n---\n"
                                   "Im vergangenen Oktober kamen 2000 Menschen nach Kiel.\n", encoding="utf-8")
    data = json.loads(run_nkcheck("extract", str(tmp_path), "--format", "json").stdout)
    assert data["documents"][0]["published"] == "2024-03-10"
    assert data["documents"][0]["published_source"] == "front matter"
    c = data["claims"][0]
    assert (c["time_start"], c["time_end"]) == ("2023-10-01", "2023-10-31")
