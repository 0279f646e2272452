"""Extraction: articles in, claims out.

``extract_documents`` reads the files, runs the spaCy pipeline (``pipeline.make_nlp``) on
each, and assembles claims (``extract/claims.py``). Unreadable files are reported as
problems and skipped; the others are still processed.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Iterator, Optional

from nkcheck.articles import ArticleError, InputProblem, discover, load_manifest, read_article
from nkcheck.extract.times import TimeMatch, finder as time_finder
from nkcheck.model import Claim, Document, Period
from nkcheck.normalize.dates import resolver

log = logging.getLogger("nkcheck")

ABSOLUTE = {"numeric_date", "day_month", "month_year", "season_year", "year"}


@dataclass
class ExtractResult:
    documents: list[Document] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


def estimate_published(text: str, lang: str) -> Optional[Period]:
    """Guess the publication date from the text: the end of the latest absolute date it names,
    moved on to a later day-and-month without year ("am 4. Juni") when one follows it, since
    news leaves out the year only for recent dates."""
    res = resolver(lang)
    matches: list[TimeMatch] = time_finder(lang).find(text)
    latest: Optional[date] = None
    for m in matches:
        g = dict(m.groups)
        if m.label in ABSOLUTE and "year" in g:
            p = res.resolve(m, None)
            if p and (latest is None or p.end > latest):
                latest = p.end
    if latest is None:
        return None
    anchor, estimate = latest, latest
    for m in matches:
        g = dict(m.groups)
        if m.label in ("day_month", "part_month") and "year" not in g:
            p = res.resolve(m, Period(anchor, anchor, "day"), intended=True)
            if p and anchor < p.end <= anchor + timedelta(days=365):
                estimate = max(estimate, p.end)
    return Period(estimate, estimate, "day")


def mask_front_matter(doc: Document) -> str:
    """The file text with the front matter blanked (same length, newlines kept)."""
    head = "".join("\n" if ch == "\n" else " " for ch in doc.text[: doc.body_start])
    return head + doc.text[doc.body_start:]


def extract_document(doc: Document, use_trained: bool = True) -> list[Claim]:
    from nkcheck.extract.claims import builder
    from nkcheck.pipeline import make_nlp

    if doc.published is None:
        est = estimate_published(doc.text[doc.body_start:], doc.lang)
        if est is not None:
            doc.published, doc.published_source = est, "estimated from text"
        else:
            doc.published_source = "unknown"
    nlp = make_nlp(doc.lang, use_trained)
    sdoc = nlp(mask_front_matter(doc))
    return builder(doc.lang).build(sdoc, doc)


def _extract_one(doc: Document, use_trained: bool) -> tuple[Document, Optional[list[Claim]], Optional[str]]:
    """Extract one read article: (document, claims, None) or (document, None, reason).

    Runs in a worker process under ``--jobs``; the document comes back because extraction
    sets its estimated publication date."""
    try:
        return doc, extract_document(doc, use_trained), None
    except ArticleError as exc:
        return doc, None, str(exc)
    except Exception as exc:  # a bug must not cost the other articles their check
        log.debug("internal error on %s", doc.path, exc_info=True)
        return doc, None, f"internal error: {type(exc).__name__}: {exc}"


def _extract_chunk(docs: list[Document], use_trained: bool) -> list[tuple]:
    return [_extract_one(d, use_trained) for d in docs]


def worker_count(jobs: int) -> int:
    """``--jobs``: 0 means all cores."""
    return max(1, os.cpu_count() or 1) if jobs <= 0 else jobs


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def extract_all(docs: list[Document], use_trained: bool = True, jobs: int = 1) -> Iterator[tuple]:
    """``_extract_one`` over the documents, in their order; ``jobs`` > 1 runs them in worker
    processes (each builds its spaCy pipelines once, on its first article of a language)."""
    workers = min(worker_count(jobs), len(docs))
    if workers <= 1:
        for d in docs:
            yield _extract_one(d, use_trained)
        return
    size = max(1, min(64, len(docs) // (workers * 4)))
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    gc.freeze()  # forked workers would otherwise have their collector walk (and copy) the parent's heap
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            for chunk in pool.map(_extract_chunk, _chunks(docs, size), [use_trained] * len(docs[::size])):
                yield from chunk
    finally:
        gc.unfreeze()


def extract_documents(paths: Iterable[str], published: Optional[str] = None,
                      use_trained: bool = True, jobs: int = 1) -> ExtractResult:
    out = ExtractResult()
    files, out.problems = discover(paths)
    manifests: dict = {}
    slots: list = []  # per file, in order: a Document to extract or the problem reading it
    for path, root in files:
        folder = path.parent
        if folder not in manifests:
            manifests[folder] = load_manifest(folder)
        try:
            doc = read_article(path, root, published, manifests[folder])
        except ArticleError as exc:
            slots.append(InputProblem(str(path), str(exc)))
            continue
        except Exception as exc:
            log.debug("internal error on %s", path, exc_info=True)
            slots.append(InputProblem(str(path), f"internal error: {type(exc).__name__}: {exc}"))
            continue
        if doc.lang not in ("de", "en"):
            slots.append(InputProblem(str(path), f"unsupported language {doc.lang!r}; checked as German"))
            doc.lang = "de"
        slots.append(doc)
    done = extract_all([s for s in slots if isinstance(s, Document)], use_trained, jobs)
    for slot in slots:
        if isinstance(slot, InputProblem):
            out.problems.append(slot)
            continue
        doc, claims, error = next(done)
        if error is not None:
            out.problems.append(InputProblem(doc.path, error))
            continue
        if doc.encoding == "cp1252":
            log.warning("%s: not UTF-8, read as Windows-1252", doc.path)
        out.documents.append(doc)
        out.claims.extend(claims)
    return out
