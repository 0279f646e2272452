"""Extraction: articles in, claims out.

``extract_documents`` reads the files, runs the spaCy pipeline (``pipeline.make_nlp``) on
each, and assembles claims (``extract/claims.py``). Unreadable files are reported as
problems and skipped; the others are still processed.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Optional

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


def year_from_weekday(text: str, lang: str, latest_year: int) -> Optional[Period]:
    """"am Montag, 15. Januar" names no year, but only every few years is 15 January a
    Monday: take the latest such year up to ``latest_year`` (the year nkcheck runs in, an
    upper bound only; dates are still resolved against the estimated day, never today)."""
    from nkcheck import lang as langdata
    weekdays = {k.lower(): v for k, v in langdata.load(lang, "time")["weekdays"].items()}
    res = resolver(lang)
    for m in time_finder(lang).find(text):
        g = dict(m.groups)
        if m.label != "day_month" or "year" in g:
            continue
        named = [wd for w, wd in weekdays.items() if w in m.text.lower()]
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
    if doc.published is None:
        est = estimate_published(text[doc.body_start:], doc.lang)
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


def extract_documents(paths: Iterable[str], published: Optional[str] = None,
                      use_trained: bool = True, cache=None, progress=None,
                      max_bytes: Optional[int] = DEFAULT_MAX_BYTES) -> ExtractResult:
    """Read and extract every article under ``paths``; a file that cannot be read becomes a
    problem (and is skipped), a file read with a fallback keeps its warnings (logged, and in
    its Document). ``cache`` (a ``cache.ClaimCache``) returns the claims of unchanged articles
    without running the pipeline; ``progress(done, total)`` is called as each file is taken up."""
    out = ExtractResult()
    files, out.problems = discover(paths)
    manifests: dict = {}
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
            if cache is None:
                claims = extract_document(doc, use_trained)
            else:
                claims = cache.claims(doc, manifests[folder].get(path.name),
                                      lambda d: extract_document(d, use_trained))
        except ArticleError as exc:
            out.problems.append(InputProblem(str(path), str(exc)))
            continue
        except Exception as exc:  # a bug must not cost the other articles their check
            log.debug("internal error on %s", path, exc_info=True)
            out.problems.append(InputProblem(str(path), f"internal error: {type(exc).__name__}: {exc}"))
            continue
        for w in doc.warnings:
            log.warning("%s: %s", path, w)
        out.documents.append(doc)
        out.claims.extend(claims)
    return out
