"""Extraction: articles in, claims out.

``extract_documents`` reads the files, runs the spaCy pipeline (``pipeline.make_nlp``) on
each, and assembles claims (``extract/claims.py``). Unreadable files are reported as
problems and skipped; the others are still processed.
"""
from __future__ import annotations

import gc
import logging
import re
import unicodedata
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Iterator, Optional

from nkcheck.articles import DEFAULT_MAX_BYTES, ArticleError, InputProblem, discover, load_manifest, read_article
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


def estimate_published(text: str, lang: str, within: Optional[Period] = None) -> Optional[Period]:
    """Guess the publication date from the text: the end of the latest absolute date it names,
    moved on to a later day-and-month without year ("am 4. Juni") when one follows it, since
    news leaves out the year only for recent dates. ``within``: the month (or year) the article is
    known to be from; a day and month without a year then falls in it ("vom 20. und 21. Januar")."""
    res = resolver(lang)
    matches: list[TimeMatch] = time_finder(lang).find(text)
    latest: Optional[date] = None
    if within is not None:
        for m in matches:
            g = dict(m.groups)
            if m.label in ("day_month", "part_month") and "year" not in g:
                p = res.resolve(m, Period(within.end, within.end, "day"))
                day = p and (p.start if m.label == "day_month" else p.end)  # a range's first day is named
                if p and within.start <= day <= within.end and (latest is None or day > latest):
                    latest = day
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
            day = p and (p.start if m.label == "day_month" else p.end)
            if p and anchor < day <= anchor + timedelta(days=365):
                estimate = max(estimate, day)
    return Period(estimate, estimate, "day")


def without_captions(text: str) -> str:
    """The text with photo captions and credits blanked (same length): a caption's date
    ("Datum des Fotos: 3. März 2022") never dates the article."""
    from nkcheck.extract.setting import CAPTION

    out = []
    for line in text.splitlines(keepends=True):
        out.append(re.sub(r"[^\n]", " ", line) if CAPTION.match(line) else line)
    return "".join(out)


def year_from_weekday(text: str, lang: str, latest_year: int) -> Optional[Period]:
    """"am Montag, 15. Januar" names no year, but only every few years is 15 January a
    Monday: take the latest such year up to ``latest_year`` (the year nkcheck runs in, an
    upper bound only; dates are still resolved against the estimated day, never today)."""
    res = resolver(lang)
    for m in time_finder(lang).find(text):
        g = dict(m.groups)
        if m.label != "day_month" or "year" in g:
            continue
        named = [wd for w, wd in res.weekdays.items() if w in m.text.lower()]
        month = res.months.get(g.get("month", "").lower())
        if not named or month is None:
            continue
        for year in range(latest_year, latest_year - 15, -1):
            try:
                d = date(year, month, int(g["day"]))
            except (ValueError, KeyError):
                break
            if d.weekday() == named[0]:
                return Period(d, d, "day")
    return None


def mask_front_matter(doc: Document) -> str:
    """The file text with the front matter blanked (same length, newlines kept)."""
    head = "".join("\n" if ch == "\n" else " " for ch in doc.text[: doc.body_start])
    return head + doc.text[doc.body_start:]


_NON_ASCII_DIGIT = re.compile(r"(?![0-9])\d")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LONE_CR = re.compile(r"\r(?!\n)")


def analysis_text(doc: Document) -> str:
    """What the pipeline reads: the file text, character for character the same length (so
    offsets stay offsets into the file), with the front matter blanked, a lone carriage return
    read as a line break (old Mac line endings), control characters (NUL ...) read as spaces,
    and digits of other scripts (Arabic-Indic ٣, fullwidth ３ ...) read as ASCII digits."""
    text = mask_front_matter(doc)
    text = _LONE_CR.sub("\n", text)
    text = _CONTROL.sub(" ", text)
    return _NON_ASCII_DIGIT.sub(lambda m: str(unicodedata.digit(m.group(0))), text)


def extract_document(doc: Document, use_trained: bool = True) -> list[Claim]:
    from nkcheck.extract.claims import builder
    from nkcheck.pipeline import make_nlp

    text = analysis_text(doc)
    if doc.published is not None and doc.published.granularity != "day":
        # "published: 2024-01": the day comes from the latest date the text names in that month
        est = estimate_published(without_captions(text[doc.body_start:]), doc.lang, doc.published)
        if est is not None and doc.published.start <= est.start <= doc.published.end:
            doc.published = est
            doc.published_source = f"{doc.published_source} (day estimated from text)"
    if doc.published is None:
        est = estimate_published(without_captions(text[doc.body_start:]), doc.lang)
        if est is not None:
            doc.published, doc.published_source = est, "estimated from text"
        elif (wd := year_from_weekday(doc.text[doc.body_start:], doc.lang, date.today().year)) is not None:
            doc.published, doc.published_source = wd, "estimated from weekday and date"
        else:
            doc.published_source = "unknown"
    nlp = make_nlp(doc.lang, use_trained)
    nlp.max_length = max(nlp.max_length, len(text) + 1)  # no parser or NER: memory stays linear
    claims = builder(doc.lang).build(nlp(text), doc)
    for c in claims:  # the number as written in the file, not as the pipeline read it
        c.text = doc.text[c.start:c.end]
    return claims


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
                      use_trained: bool = True, cache=None, progress=None,
                      max_bytes: Optional[int] = DEFAULT_MAX_BYTES, jobs: int = 1) -> ExtractResult:
    """Read and extract every article under ``paths``; a file that cannot be read becomes a
    problem (and is skipped), a file read with a fallback keeps its warnings (logged, and in
    its Document). ``cache`` (a ``cache.ClaimCache``) returns the claims of unchanged articles
    without running the pipeline; the others are extracted, in ``jobs`` worker processes when
    more than one; ``progress(done, total)`` is called as each file is read."""
    out = ExtractResult()
    files, out.problems = discover(paths)
    manifests: dict = {}
    slots: list = []  # per file, in order: (Document, cached claims or None, cache key) or a problem
    for done, (path, root) in enumerate(files, 1):
        if progress is not None:
            progress(done, len(files))
        folder = path.parent
        if folder not in manifests:
            try:
                manifests[folder] = load_manifest(folder)
            except ArticleError as exc:
                manifests[folder] = {}
                out.problems.append(InputProblem(str(folder), str(exc)))
        try:
            doc = read_article(path, root, published, manifests[folder], max_bytes)
            cached, key = cache.lookup(doc, manifests[folder].get(path.name)) if cache is not None else (None, None)
        except ArticleError as exc:
            slots.append(InputProblem(str(path), str(exc)))
            continue
        except Exception as exc:  # a bug must not cost the other articles their check
            log.debug("internal error on %s", path, exc_info=True)
            slots.append(InputProblem(str(path), f"internal error: {type(exc).__name__}: {exc}"))
            continue
        slots.append((doc, cached, key))
    pending = [s[0] for s in slots if not isinstance(s, InputProblem) and s[1] is None]
    extracted = extract_all(pending, use_trained, jobs)
    for slot in slots:
        if isinstance(slot, InputProblem):
            out.problems.append(slot)
            continue
        doc, claims, key = slot
        if claims is None:
            doc, claims, error = next(extracted)  # the worker's copy carries the estimated date
            if error is not None:
                out.problems.append(InputProblem(doc.path, error))
                continue
            if cache is not None and key is not None:
                cache.store(key, doc, claims)
        for w in doc.warnings:
            log.warning("%s: %s", doc.path, w)
        out.documents.append(doc)
        out.claims.extend(claims)
    return out
