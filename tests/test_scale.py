"""Scale: worker processes give the same output; huge blocks are split so comparison stays
near-linear; the Dask engine gives the default engine's findings (speed itself is measured
by benchmarks/run.py, not here)."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from itertools import combinations

import pytest

from typer.testing import CliRunner

from conftest import ROOT
from nkcheck.cli import app
from nkcheck.compare import engine
from nkcheck.model import Claim

DEV = ROOT / "tests" / "fixtures" / "corpus" / "dev"  # a copy of ../shared/corpus/dev


def test_jobs_give_the_same_output_and_problems(tmp_path, root):
    from nkcheck.extract import extract_documents
    from nkcheck.report import jsonout

    shutil.copytree(root / "seeds", tmp_path / "a")
    (tmp_path / "a" / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00\x00" * 3)
    (tmp_path / "a" / "fr.md").write_text("---\nlang: fr\n---\nEnviron 500 personnes.\n", encoding="utf-8")
    dump = lambda r: jsonout.dumps(jsonout.result_dict(r.documents, r.claims, [], r.problems))  # noqa: E731
    one = extract_documents([str(tmp_path / "a")])
    two = extract_documents([str(tmp_path / "a")], jobs=2)
    assert dump(one) == dump(two)
    assert len(one.problems) == 1 and one.claims  # the binary file; an unknown lang is only a warning
    assert any("unsupported language 'fr'" in w for d in one.documents for w in d.warnings)
    assert CliRunner().invoke(app, ["check", "seeds", "--jobs", "-1"]).exit_code == 2


def _claim(i: int, doc: str, place, day: int, low: int) -> Claim:
    return Claim(id=f"C{i:05d}", doc=doc, start=i, end=i + 3, text=str(low), low=low, high=low,
                 approx=True, bound="approx", object="participants", event="attended", actor=None,
                 place=place, time_start=f"2024-03-{day:02d}", time_end=f"2024-03-{day:02d}",
                 source=f"src{i % 3}", sentence=f"s{i}")


def _pairs(findings):
    return {frozenset(f.claims) for f in findings if not f.parts}


def test_small_blocks_are_compared_pair_by_pair():
    claims = [_claim(i, f"d{i}", ["berlin", "hamburg", None][i % 3], 1 + i % 20, 1000 + 7 * i) for i in range(60)]
    brute = {frozenset((a.id, b.id)) for a, b in combinations(claims, 2)
             if engine.comparable(a, b) and engine.judge(a, b) is not None}
    assert _pairs(engine.compare(claims)) == brute


def test_huge_block_is_split_by_place_and_week(monkeypatch):
    monkeypatch.setattr(engine, "MAX_PAIRWISE", 20)
    monkeypatch.setattr(engine, "WINDOW", 5)
    claims = [_claim(i, f"d{i}", ["berlin", "hamburg"][i % 2], 4 + (i // 2) % 14, 1000 + i) for i in range(200)]
    findings = engine.compare(claims)
    pairs = _pairs(findings)
    by_id = {c.id: c for c in claims}
    for p in pairs:  # only claims of one place and one ISO week are paired
        a, b = (by_id[x] for x in p)
        assert a.place == b.place and engine._week(a.time_start) == engine._week(b.time_start)
    assert len(pairs) <= len(claims) * engine.WINDOW  # the window bounds a sub-block that stays large
    assert [f.id for f in findings] == [f"F{i:03d}" for i in range(1, len(findings) + 1)]


def test_undated_claims_in_huge_blocks_take_the_article_date(monkeypatch):
    monkeypatch.setattr(engine, "MAX_PAIRWISE", 3)
    claims = [replace(_claim(i, f"d{i}", "berlin", 1, 500), time_start=None, time_end=None) for i in range(6)]
    published = {f"d{i}": ("2024-03-04" if i < 3 else "2024-05-20") for i in range(6)}
    pairs = _pairs(engine.compare(claims, published))
    assert pairs == {frozenset((f"C{a:05d}", f"C{b:05d}")) for grp in ((0, 1, 2), (3, 4, 5))
                     for a, b in combinations(grp, 2)}


@pytest.mark.parametrize("corpus, scheduler", [("seeds", "processes"), ("dev", "synchronous")])
def test_dask_engine_gives_the_same_findings(corpus, scheduler, root, tmp_path):
    pytest.importorskip("dask")
    pytest.importorskip("pyarrow")
    from nkcheck import distributed
    from nkcheck.compare import compare
    from nkcheck.extract import extract_documents
    from nkcheck.report import jsonout

    src = str(root / "seeds" if corpus == "seeds" else DEV)
    if corpus == "dev" and not DEV.is_dir():
        pytest.skip("shared dev corpus not present")
    ledger = tmp_path / "claims.parquet"
    result, findings = distributed.check([src], ledger=str(ledger), npartitions=2, scheduler=scheduler)
    base = extract_documents([src])
    expected = compare(base.claims, {d.id: d.published_iso() for d in base.documents})
    dump = lambda r, f: jsonout.dumps(jsonout.result_dict(r.documents, r.claims, f, r.problems))  # noqa: E731
    assert dump(result, findings) == dump(base, expected)
    assert findings and sorted(p.name for p in ledger.glob("*.parquet")) == ["part.000000000.parquet",
                                                                              f"part.{(len(base.documents) + 1) // 2:09d}.parquet"]


def test_dask_engine_reads_a_jsonl_list_and_the_cli_option(root, tmp_path):
    pytest.importorskip("dask")
    pytest.importorskip("pyarrow")
    from nkcheck import distributed

    listing = tmp_path / "articles.jsonl"
    with listing.open("w", encoding="utf-8") as fh:
        for p in sorted((root / "seeds").glob("*.txt")):
            fh.write(json.dumps({"id": p.name, "path": f"seeds/{p.name}", "text": p.read_text(encoding="utf-8")}) + "\n")
    result, findings = distributed.check([str(listing)], scheduler="synchronous")
    import dask

    with dask.config.set(scheduler="synchronous"):
        cli = CliRunner().invoke(app, ["check", str(root / "seeds"), "--format", "json", "--engine", "dask"])
    assert cli.exit_code == 1, cli.output
    data = json.loads(cli.stdout)
    plain = [{k: v for k, v in f.items() if k not in ("fingerprint", "severity")} for f in data["conflicts"]]
    assert [f.to_json() for f in findings if f.kind not in ("consistent", "sum")] == plain
    assert [c.to_json() for c in result.claims] == data["claims"]


def test_claims_without_place_in_huge_blocks_take_the_article_place(monkeypatch):
    monkeypatch.setattr(engine, "MAX_PAIRWISE", 3)
    claims = [_claim(0, "d0", "berlin", 1, 500), _claim(1, "d0", None, 1, 900),
              _claim(2, "d1", "hamburg", 1, 500), _claim(3, "d1", None, 1, 700)]
    cells = engine.sub_blocks(claims, {})
    assert sorted(sorted(c.id for c in cell) for cell in cells) == [["C00000", "C00001"], ["C00002", "C00003"]]


def test_focus_gives_the_full_runs_findings_that_involve_the_focus(root):
    from nkcheck.extract import extract_documents

    result = extract_documents([str(DEV if DEV.is_dir() else root / "seeds")])
    pub = {d.id: d.published_iso() for d in result.documents}
    focus = {result.documents[0].id, result.documents[-1].id}
    doc_of = {c.id: c.doc for c in result.claims}
    strip = lambda fs: [dict(f.to_json(), id="") for f in fs]  # noqa: E731
    full = [f for f in engine.compare(result.claims, pub)
            if any(doc_of[i] in focus for i in f.claims + f.parts)]
    assert strip(engine.compare(result.claims, pub, focus=focus)) == strip(full) and full
