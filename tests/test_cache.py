"""The claim cache: warm runs do not re-extract unchanged articles; writes are atomic."""
from __future__ import annotations

import shutil

import pytest

import nkcheck.extract as extract_mod
from nkcheck.cache import TAG, ClaimCache, clean
from nkcheck.extract import extract_documents
from conftest import ROOT


@pytest.fixture
def counted(monkeypatch):
    calls: list[str] = []
    real = extract_mod.extract_document

    def counting(doc, use_trained=True):
        calls.append(doc.id)
        return real(doc, use_trained)
    monkeypatch.setattr(extract_mod, "extract_document", counting)
    return calls


def test_warm_cache_does_not_reextract_unchanged_articles(tmp_path, counted):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    cold = extract_documents([str(corpus)], cache=ClaimCache(tmp_path / "cache"))
    assert sorted(counted) == sorted(d.id for d in cold.documents) and len(counted) == 2
    counted.clear()
    cache = ClaimCache(tmp_path / "cache")
    warm = extract_documents([str(corpus)], cache=cache)
    assert counted == [] and (cache.hits, cache.misses) == (2, 0)
    assert [c.to_json() for c in warm.claims] == [c.to_json() for c in cold.claims]
    assert [d.to_json() for d in warm.documents] == [d.to_json() for d in cold.documents]
    # one article changes: only that one is extracted again
    changed = corpus / "000_2cc7b7632708e469.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNachtrag.\n", encoding="utf-8")
    extract_documents([str(corpus)], cache=ClaimCache(tmp_path / "cache"))
    assert counted == ["000_2cc7b7632708e469.txt"]


def test_settings_are_part_of_the_key(tmp_path, counted):
    (tmp_path / "a.md").write_text("Rund 500 Menschen demonstrierten in Kiel.\n", encoding="utf-8")
    extract_documents([str(tmp_path / "a.md")], cache=ClaimCache(tmp_path / "c"))
    extract_documents([str(tmp_path / "a.md")], published="2024-05-01", cache=ClaimCache(tmp_path / "c"))
    extract_documents([str(tmp_path / "a.md")], cache=ClaimCache(tmp_path / "c", use_trained=False))
    assert len(counted) == 3


def test_cache_writes_leave_no_temporary_files_and_clean_removes_only_a_cache(tmp_path):
    (tmp_path / "a.md").write_text("Rund 500 Menschen demonstrierten in Kiel.\n", encoding="utf-8")
    extract_documents([str(tmp_path / "a.md")], cache=ClaimCache(tmp_path / "c"))
    files = [p for p in (tmp_path / "c").rglob("*") if p.is_file()]
    assert not [p for p in files if p.name.endswith(".tmp")]
    assert (tmp_path / "c" / TAG).is_file() and any(p.suffix == ".json" for p in files)
    (tmp_path / "notacache").mkdir()
    with pytest.raises(ValueError):
        clean(tmp_path / "notacache")
    assert clean(tmp_path / "c") and not (tmp_path / "c").exists()
    assert clean(tmp_path / "c") is False


def test_cli_no_cache_and_clean(tmp_path):
    from conftest import run_nkcheck

    cache = tmp_path / "cache"
    assert run_nkcheck("extract", "seeds", "--cache-dir", str(cache), "--no-cache").returncode == 0
    assert not cache.exists()
    assert run_nkcheck("extract", "seeds", "--cache-dir", str(cache)).returncode == 0
    assert (cache / TAG).is_file()
    res = run_nkcheck("clean", "--cache-dir", str(cache))
    assert res.returncode == 0 and not cache.exists()


def test_the_code_hash_covers_every_extraction_module_and_the_gazetteer():
    """A regression: the slot finders under extract/slots/ and the gazetteer data were left out, so
    a changed finder kept serving stale claims from the cache."""
    from pathlib import Path

    import nkcheck
    from nkcheck.cache import EXTRACTION_CODE

    pkg = Path(nkcheck.__file__).parent
    hashed = {f for pattern in EXTRACTION_CODE for f in pkg.glob(pattern)}
    needed = set(pkg.glob("extract/**/*.py")) | set(pkg.glob("normalize/*.py")) | {pkg / "data" / "gazetteer.tsv.gz"}
    assert needed <= hashed, sorted(str(p.relative_to(pkg)) for p in needed - hashed)
    assert pkg / "extract" / "slots" / "place.py" in hashed
