"""nkcheck's benchmark: throughput, comparator scaling, memory, incremental runs.

    python benchmarks/run.py            # 10,000 articles; comparator at 10k, 100k, 1M claims
    python benchmarks/run.py --quick    # 1,000 articles; comparator at 10k, 100k claims

Prints, on this machine:
  1. extraction throughput of nkcheck (tokens/s, MB/s, articles/s) over a generated corpus
     (benchmarks/make_corpus.py, fixed seed), and over the same text spaCy's blank("de") /
     blank("en") tokenizer alone, and the ratio — for extraction alone and for
     extraction + comparison + report;
  2. extraction with --jobs 0 (all cores) and its speed-up over one process;
  3. comparator time at 10k, 100k and 1M synthetic claims, and the ratio between steps;
  4. peak memory (RSS) of the single-process run over the corpus;
  5. one new article checked against the corpus: the full run nkcheck does today, and the
     same with the corpus's claims read back from the Parquet claims ledger, when pyarrow is
     installed; and the command line with its claims cache, cold and warm.
Nothing is hard-coded: every figure is measured in this run.
"""
from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import make_corpus  # noqa: E402

from nkcheck.compare import compare  # noqa: E402
from nkcheck.extract import extract_documents, worker_count  # noqa: E402
from nkcheck.model import Claim  # noqa: E402
from nkcheck.report import markdown  # noqa: E402


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is KiB on Linux)."""
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 if sys.platform != "darwin" else r / 2**20


def corpus(n: int, seed: int) -> Path:
    out = HERE / ".corpus" / f"{n}-{seed}"
    if not (out / ".complete").exists():
        make_corpus.write_corpus(out, n, seed)
        (out / ".complete").write_text("ok\n")
    return out


def tokenizer_time(texts: list[tuple[str, str]]) -> tuple[float, int]:
    import spacy

    nlps = {lang: spacy.blank(lang) for lang in {lang for lang, _ in texts}}
    for nlp in nlps.values():
        nlp.tokenizer("Warm up.")
    t = time.perf_counter()
    tokens = sum(len(nlps[lang].tokenizer(text)) for lang, text in texts)
    return time.perf_counter() - t, tokens


def published_map(result) -> dict:
    return {d.id: d.published_iso() for d in result.documents}


def synthetic_claims(n: int, template: list[Claim], rng: random.Random, per_day: int = 0) -> tuple[list[Claim], dict]:
    """n claims, ten per article, with object, event, modality, hedge, place, actor and
    source drawn from the claims nkcheck extracted from the corpus (so blocks are as real
    extraction makes them), figures log-uniform, a quarter of the claims dated (as in the dev
    corpus; the others take their article's date), each stated (``as_of``) on its article's
    publication day as extraction does when the text has no stamp. Articles are published at ``per_day`` a
    day (a desk's stream: more claims, a longer span), or with 0 over three years whatever n."""
    shapes = Counter((c.object, c.event, c.modality, c.increment, c.aggregate, c.bound, c.approx)
                     for c in template if c.object and c.event)
    shape_keys, shape_w = list(shapes), list(shapes.values())
    places = [c.place for c in template]
    actors = [c.actor for c in template]
    sources = [(c.source, c.source_kind) for c in template]
    start = date(2023, 1, 1)
    claims, published = [], {}
    shape_draw = rng.choices(shape_keys, shape_w, k=n)
    for i in range(n):
        doc = f"a{i // 10:07d}.md"
        if i % 10 == 0:
            span = max(1, n // 10 // per_day) if per_day else 3 * 365
            day = start + timedelta(days=rng.randrange(span))
            published[doc] = day.isoformat()
            place, actor = rng.choice(places), rng.choice(actors)
        obj, event, modality, increment, aggregate, bound, approx = shape_draw[i]
        low = int(10 ** rng.uniform(1, 5.5))
        high = None if bound in ("at_least", "more_than") else (low if bound != "range" else low * 2)
        if bound in ("at_most", "less_than"):
            low = None
        t = (day - timedelta(days=rng.randrange(3))).isoformat() if rng.random() < 0.25 else None
        src, kind = rng.choice(sources)
        claims.append(Claim(
            id=f"C{i:07d}", doc=doc, start=i % 10 * 100, end=i % 10 * 100 + 5, text=str(low), low=low, high=high,
            approx=approx, bound=bound, object=obj, event=event, actor=actor if rng.random() < 0.7 else None,
            place=place if rng.random() < 0.8 else rng.choice(places), time_start=t, time_end=t,
            source=src, source_kind=kind, sentence=f"s{i // 3}", modality=modality,
            increment=increment, aggregate=aggregate,
            as_of=published[doc], as_of_source="published"))  # as extraction: the article's date
    return claims, published


def row(name: str, value: str, note: str = "") -> None:
    print(f"  {name:<46} {value:>18}  {note}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1,000 articles; comparator up to 100k claims")
    ap.add_argument("--articles", type=int, help="corpus size (default 10,000; 1,000 with --quick)")
    ap.add_argument("--claims", type=str, help="comparator sizes, comma-separated (default 10000,100000,1000000)")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--skip-jobs", action="store_true", help="do not measure --jobs 0")
    ap.add_argument("--per-day", type=int, default=100,
                    help="synthetic articles published a day (default 100; 0: all sizes over three years)")
    a = ap.parse_args()
    n_articles = a.articles or (1000 if a.quick else 10000)
    sizes = [int(s) for s in (a.claims or ("10000,100000" if a.quick else "10000,100000,1000000")).split(",")
             if s.strip().isdigit()]  # --claims none: no comparator runs

    print(f"nkcheck benchmark — {date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()}")
    t = time.perf_counter()
    folder = corpus(n_articles, a.seed)
    files = sorted(folder.glob("*.md"))
    print(f"corpus: {len(files)} articles in {folder} ({time.perf_counter() - t:.1f} s to make or find)")

    # 1, 4: one process, extraction + comparison + report; peak RSS of this run
    from nkcheck.pipeline import make_nlp

    for lang in ("de", "en"):  # built once per process: not part of the throughput
        make_nlp(lang, True)
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    result = extract_documents([str(folder)], jobs=1)
    t1, c1 = time.perf_counter(), time.process_time()
    comparison = compare(result.claims, published_map(result))
    findings = comparison.findings
    t2 = time.perf_counter()
    report = markdown.render(result.documents, result.claims, findings, result.problems, comparison.facts)
    t3, c3 = time.perf_counter(), time.process_time()
    peak = rss_mb()
    texts = [(d.lang, d.text) for d in result.documents]
    size_mb = sum(len(text.encode("utf-8")) for _, text in texts) / 1e6
    c = time.process_time()
    tok_s, tokens = tokenizer_time(texts)
    tok_c = time.process_time() - c

    print("\n1. Throughput (one process, same text for both)")
    row("articles / tokens / MB", f"{len(texts)} / {tokens} / {size_mb:.2f}")
    row("spaCy blank tokenizer alone", f"{tokens / tok_s:,.0f} tok/s", f"{size_mb / tok_s:.2f} MB/s, "
        f"{len(texts) / tok_s:,.0f} articles/s")
    ex = t1 - t0
    row("nkcheck extraction", f"{tokens / ex:,.0f} tok/s", f"{size_mb / ex:.3f} MB/s, {len(texts) / ex:,.1f} articles/s")
    full = t3 - t0
    row("nkcheck extraction + comparison + report", f"{tokens / full:,.0f} tok/s",
        f"{size_mb / full:.3f} MB/s, {len(texts) / full:,.1f} articles/s")
    row("ratio extraction / tokenizer", f"{tok_s / ex:.1%}")
    row("ratio extraction+comparison+report / tokenizer", f"{tok_s / full:.1%}", "target >= 50 %")
    row("same ratios in CPU time (robust to a busy machine)", f"{tok_c / (c1 - c0):.1%} / {tok_c / (c3 - c0):.1%}",
        f"tokenizer {tok_c:.2f} s, extraction {c1 - c0:.1f} s, all {c3 - c0:.1f} s CPU")
    row("time: extraction / comparison / report", f"{ex:.1f} / {t2 - t1:.2f} / {t3 - t2:.2f} s",
        f"{len(result.claims)} claims, {len(findings)} findings, report {len(report) / 1e6:.1f} MB")

    print("\n2. Worker processes")
    if a.skip_jobs:
        row("--jobs 0", "skipped")
    else:
        w = worker_count(0)
        t, c = time.perf_counter(), time.process_time()
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        par = extract_documents([str(folder)], jobs=0)
        tp = time.perf_counter() - t
        kids2 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = time.process_time() - c + (kids2.ru_utime + kids2.ru_stime) - (kids.ru_utime + kids.ru_stime)
        same = [c.to_json() for c in par.claims] == [c.to_json() for c in result.claims]
        row(f"extraction --jobs 0 ({w} workers)", f"{tp:.1f} s", f"{len(texts) / tp:,.1f} articles/s, same claims: {same}")
        row("speed-up over --jobs 1", f"{ex / tp:.2f}x",
            f"cores kept busy: {cpu / tp:.2f} of {w} (CPU time of parent and workers / wall time)")
        del par

    print("\n4. Memory")
    row(f"peak RSS, one process, {len(texts)} articles", f"{peak:,.0f} MB", "target < 1 GB (1,024 MB)")

    print("\n5. One new article against the corpus")
    new = tempfile.mkdtemp(prefix="nkcheck-new-")
    name, text = make_corpus.Composer(seed=a.seed + 1).article(n_articles)
    Path(new, name).write_text(text, encoding="utf-8")
    t = time.perf_counter()
    one = extract_documents([new])
    t_one = time.perf_counter() - t
    row("extract the new article alone", f"{t_one * 1000:,.0f} ms")
    row(f"full re-run, 1 + {len(texts)} articles (no cache)", f"~{full + t_one:.1f} s",
        "extraction of all + comparison + report, as nkcheck does today")
    try:
        import pandas as pd

        from nkcheck import distributed  # needs the dask extra
    except ImportError:
        row("warm run from the claims ledger", "n/a", "pip install 'nkcheck[dask]' for the Parquet ledger")
    else:
        ledger = Path(new) / "claims.parquet"
        rows = distributed.ledger_rows(result.claims, 0, None)
        distributed._frame(rows).to_parquet(ledger, index=False, schema=distributed._schema())
        docs = result.documents
        t = time.perf_counter()
        cached = distributed.claims_from_frame(pd.read_parquet(ledger))
        t_load = time.perf_counter() - t
        fresh = extract_documents([new])
        all_claims = cached + fresh.claims
        pub = published_map(result) | published_map(fresh)
        f2 = compare(all_claims, pub, focus={d.id for d in fresh.documents}).findings
        markdown.render(docs + fresh.documents, all_claims, f2, [])
        t_warm = time.perf_counter() - t
        row("warm run: ledger load + 1 extraction + compare + report", f"{t_warm:.2f} s",
            f"ledger load {t_load:.2f} s, {len(f2)} findings on the new article; target < 3 s")
    print("   (the ledger run compares only the pairs that involve the new article, in this process)")
    # the command line with the claims cache: one run fills it, the next checks the new article
    cache = Path(tempfile.mkdtemp(prefix="nkcheck-cache-"))
    cli = [sys.executable, "-m", "nkcheck", "check", "--cache-dir", str(cache), "--format", "json",
           "--exit-zero", "-o", os.devnull]
    t = time.perf_counter()
    subprocess.run(cli + [str(folder)], check=True, capture_output=True)
    row(f"CLI, cold, filling the cache ({len(texts)} articles)", f"{time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    subprocess.run(cli + ["--changed", str(Path(new, name)), "--corpus", str(folder)], check=True, capture_output=True)
    row("CLI, warm cache: nkcheck check NEW --changed --corpus CORPUS", f"{time.perf_counter() - t:.2f} s",
        "target < 3 s; includes starting Python and spaCy")
    shutil.rmtree(cache, ignore_errors=True)

    if not sizes:
        return
    print("\n3. Comparator (synthetic claims, fields drawn from the corpus's extracted claims, "
          + (f"{a.per_day} articles a day)" if a.per_day else "all sizes over three years)"))
    template = result.claims
    del result, findings, report, comparison
    gc.collect()
    prev = None
    for n in sizes:
        claims, pub = synthetic_claims(n, template, random.Random(a.seed), a.per_day)
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        fs = compare(claims, pub).findings
        dt, dc = time.perf_counter() - t, time.process_time() - c
        step = f"CPU x{dc / prev:.1f} (wall x{dt / prev_wall:.1f}) for x{n // prev_n} claims" if prev else ""
        row(f"{n:,} claims", f"{dc:.2f} s CPU", f"wall {dt:.2f} s, {len(fs):,} findings  {step}")
        prev, prev_wall, prev_n = dc, dt, n
        del claims, fs
        gc.collect()
    print("   targets: 10x claims -> at most ~12x time; 1M claims under 60 s")


if __name__ == "__main__":
    main()
