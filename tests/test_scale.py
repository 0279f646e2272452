"""Scale: worker processes give the same output; facts keep comparisons inside one measure, day
and place, and a huge fact is compared in windows, so comparison stays near-linear; the Dask engine
gives the default engine's findings and facts (speed itself is measured by benchmarks/run.py)."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace

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
    return {frozenset(p[:2]) for f in findings for p in f.pairs}


def test_facts_are_one_measure_on_one_day_in_one_place():
    claims = [_claim(i, f"d{i}", ["berlin", "hamburg"][i % 2], 1 + (i // 2) % 3, 1000 + 300 * i) for i in range(12)]
    comp = engine.compare(claims)
    by_id = {c.id: c for c in claims}
    for fact in comp.facts:
        cs = [by_id[c] for c in fact.claims]
        assert len({c.place for c in cs}) == 1 and len({c.time_start for c in cs}) == 1
    assert len(comp.facts) == 6  # two cities on three days
    for p in _pairs(comp.findings):  # pairs never leave their fact
        a, b = (by_id[x] for x in p)
        assert (a.place, a.time_start) == (b.place, b.time_start)


def test_a_huge_fact_is_compared_in_windows_and_numbered_in_order(monkeypatch):
    monkeypatch.setattr(engine, "MAX_FACT", 20)
    monkeypatch.setattr(engine, "WINDOW", 5)
    claims = [_claim(i, f"d{i}", "berlin", 4, 1000 + 500 * i) for i in range(200)]
    findings = engine.compare(claims).findings
    pairs = _pairs(findings)
    assert pairs and len(pairs) <= len(claims) * 2 * engine.WINDOW
    assert [f.id for f in findings] == [f"F{i:03d}" for i in range(1, len(findings) + 1)]


def test_a_crowd_with_no_day_joins_the_one_occasion_before_its_article():
    dated = [_claim(0, "d0", "berlin", 2, 5000), _claim(1, "d1", "berlin", 20, 9000)]
    undated = replace(_claim(2, "d2", "berlin", 1, 20000), time_start=None, time_end=None, as_of="2024-03-03")
    lost = replace(_claim(3, "d3", "berlin", 1, 7000), time_start=None, time_end=None, as_of="2024-03")
    facts = engine.compare(dated + [undated, lost]).facts
    members = sorted(sorted(f.claims) for f in facts)
    assert ["C00000", "C00002"] in members  # published the day after the rally of the 2nd
    assert ["C00003"] in members  # only its month is known: several occasions fit, it stays apart


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
    result, comp = distributed.check([src], ledger=str(ledger), npartitions=2, scheduler=scheduler)
    base = extract_documents([src])
    from nkcheck.compare import dating
    dating.apply(base.claims, dating.estimates(base.claims))  # as run_check does for the whole corpus
    expected = compare(base.claims, {d.id: d.published_iso() for d in base.documents},
                       outlets={d.id: d.outlet for d in base.documents if d.outlet})
    dump = lambda r, c: jsonout.dumps(jsonout.result_dict(r.documents, r.claims, c.findings, r.problems,  # noqa: E731
                                                          facts=c.facts))
    assert dump(result, comp) == dump(base, expected)
    assert comp.findings and sorted(p.name for p in ledger.glob("*.parquet")) == ["part.000000000.parquet",
                                                                              f"part.{(len(base.documents) + 1) // 2:09d}.parquet"]


def test_dask_engine_reads_a_jsonl_list_and_the_cli_option(root, tmp_path):
    pytest.importorskip("dask")
    pytest.importorskip("pyarrow")
    from nkcheck import distributed

    listing = tmp_path / "articles.jsonl"
    with listing.open("w", encoding="utf-8") as fh:
        for p in sorted((root / "seeds").glob("*.txt")):
            fh.write(json.dumps({"id": p.name, "path": f"seeds/{p.name}", "text": p.read_text(encoding="utf-8")}) + "\n")
    result, comp = distributed.check([str(listing)], scheduler="synchronous")
    import dask

    with dask.config.set(scheduler="synchronous"):
        cli = CliRunner().invoke(app, ["check", str(root / "seeds"), "--format", "json", "--engine", "dask"])
    assert cli.exit_code == 1, cli.output
    data = json.loads(cli.stdout)
    plain = [{k: v for k, v in f.items() if k not in ("fingerprint", "severity", "fact", "label")}
             for f in data["conflicts"]]
    mine = [{k: v for k, v in f.to_json().items() if k not in ("fact", "fact_id")} for f in comp.findings
            if f.kind not in ("consistent", "sum")]
    assert mine == plain
    assert [c.to_json() for c in result.claims] == data["claims"]


def test_focus_gives_the_full_runs_findings_that_involve_the_focus(root):
    from nkcheck.extract import extract_documents

    result = extract_documents([str(DEV if DEV.is_dir() else root / "seeds")])
    pub = {d.id: d.published_iso() for d in result.documents}
    focus = {result.documents[0].id, result.documents[-1].id}
    doc_of = {c.id: c.doc for c in result.claims}
    strip = lambda fs: [dict(f.to_json(), id="", fact_id="") for f in fs]  # noqa: E731 (numbering differs)
    full = [f for f in engine.compare(result.claims, pub).findings
            if any(doc_of[i] in focus for i in f.claims + f.parts)]
    assert strip(engine.compare(result.claims, pub, focus=focus).findings) == strip(full) and full
