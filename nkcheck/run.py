"""One check run: extract (through the cache), compare, then narrow what is shown.

The corpus is compared as a whole; what is *shown* is then narrowed in this order: to findings
that involve a changed article (``--changed-since`` / ``--changed``), minus findings hidden by
inline suppressions, minus findings listed in the baseline. The exit code is decided from what
is shown, by ``--fail-on``.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from nkcheck.extract import discover, extract_documents  # first: extract and articles import each other
from nkcheck import baseline as baseline_mod
from nkcheck import suppress
from nkcheck.articles import DEFAULT_MAX_BYTES, InputProblem
from nkcheck.findings import fingerprint, involved_docs
from nkcheck.model import Claim, Document, Fact, Finding

log = logging.getLogger("nkcheck")


@dataclass
class CheckRun:
    documents: list[Document] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # all findings (changed-only: of the blocks compared)
    facts: list[Fact] = field(default_factory=list)  # the facts the claims were grouped into
    shown: list[Finding] = field(default_factory=list)  # after changed-only, suppressions, baseline
    problems: list[InputProblem] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)  # finding id -> fingerprint
    changed: Optional[list[str]] = None  # doc ids of changed articles; None: whole corpus shown
    baseline_file: Optional[str] = None
    baseline: Optional[baseline_mod.BaselineResult] = None
    suppressed: list[Finding] = field(default_factory=list)
    suppressions: list[suppress.Suppression] = field(default_factory=list)
    invalid_suppressions: list[suppress.Suppression] = field(default_factory=list)

    @property
    def claims_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    def view(self) -> tuple[list[Document], list[Claim]]:
        """The documents and claims a report shows: all, or in a changed-only run the changed
        articles with their claims, and the claims (and articles) their findings involve."""
        if self.changed is None:
            return self.documents, self.claims
        by_id = self.claims_by_id
        changed = set(self.changed)
        keep = changed | {d for f in self.shown for d in involved_docs(f, by_id)}
        in_shown = {cid for f in self.shown for cid in f.claims + f.parts}
        return ([d for d in self.documents if d.id in keep],
                [c for c in self.claims if c.doc in changed or c.id in in_shown])

    def facts_in_view(self, claims: list[Claim]) -> list[Fact]:
        """The facts with a claim among those shown."""
        ids = {c.id for c in claims}
        return [f for f in self.facts if any(c in ids for c in f.claims)]

    @property
    def unused_suppressions(self) -> list[suppress.Suppression]:
        return [s for s in self.suppressions if not s.used]

    def extra_json(self) -> dict:
        """Keys added to the JSON contract by the CI features (absent when not used)."""
        out: dict = {}
        if self.changed is not None:
            out["changed"] = list(self.changed)
        if self.baseline is not None:
            out["baseline"] = {"file": self.baseline_file, "hidden": len(self.baseline.hidden),
                               "stale": self.baseline.stale}
        if self.suppressions or self.invalid_suppressions:
            out["suppressions"] = {"hidden": len(self.suppressed),
                                   "unused": [s.to_json() for s in self.unused_suppressions],
                                   "invalid": [s.to_json() for s in self.invalid_suppressions]}
        return out


def _abs(path) -> str:
    """A path made absolute (without resolving symbolic links: cheap for 10,000 files)."""
    return os.path.abspath(path)


def run_check(paths: list[str], published: Optional[str] = None, use_trained: bool = True,
              cache=None, changed: Optional[list[Path]] = None, changed_in_git: Optional[list[Path]] = None,
              baseline_file: Optional[Path] = None, progress=None,
              max_bytes: Optional[int] = DEFAULT_MAX_BYTES, jobs: int = 1, engine: str = "local",
              tolerances=None) -> CheckRun:
    """Check the corpus under ``paths``.

    ``changed`` (article files, added to the corpus when outside it) and ``changed_in_git``
    (any changed files; those that are articles of the corpus count) narrow what is shown to
    findings that involve them. When they are given but name no article, nothing is shown."""
    from nkcheck.compare import compare
    from nkcheck.compare.engine import block_key

    run = CheckRun(baseline_file=str(baseline_file) if baseline_file else None)
    entries = baseline_mod.load(baseline_file) if baseline_file else None
    changed_set = None
    if changed is not None or changed_in_git is not None:
        corpus = {_abs(f) for f, _ in discover(paths)[0]}
        explicit = {_abs(p) for p in changed or []}
        changed_set = explicit | ({_abs(p) for p in changed_in_git or []} & corpus)
        paths = list(paths) + [str(p) for p in changed or [] if _abs(p) not in corpus]
        if not changed_set:
            log.info("no changed articles: nothing to check")
            run.changed = []
            return run
    comparison = None
    if engine == "dask":  # extraction as Dask partitions, comparison grouped by blocking key
        from nkcheck import distributed

        result, comparison = distributed.check(paths, published=published, use_trained=use_trained,
                                               tolerances=tolerances)
    else:
        result = extract_documents(paths, published=published, use_trained=use_trained, cache=cache,
                                   progress=progress, max_bytes=max_bytes, jobs=jobs)
    run.documents, run.claims, run.problems = result.documents, result.claims, result.problems
    if comparison is None:  # disasters' days and undated articles' dates, over the whole corpus
        from nkcheck.compare import corpus
        corpus.prepare(run.documents, run.claims)
    if cache is not None:
        log.info("cache: %d articles reused, %d extracted", cache.hits, cache.misses)
    to_compare = run.claims
    if changed_set is not None:
        run.changed = [d.id for d in run.documents if _abs(d.path) in changed_set]
        ids = set(run.changed)
        # Findings arise within one comparison block: the blocks without a changed claim cannot
        # give a finding that involves a changed article, so they are not compared at all.
        keys = {block_key(c) for c in run.claims if c.doc in ids}
        to_compare = [c for c in run.claims if block_key(c) in keys]
    dates = {d.id: d.published_iso() for d in run.documents}
    outlets = {d.id: d.outlet for d in run.documents if d.outlet}
    # in a changed-only run only the findings that involve a changed article are built (the same
    # as those of a full run), which keeps one new article against a large corpus fast
    focus = ids if changed_set is not None else None
    if comparison is None:
        from nkcheck.compare.tolerance import DEFAULT
        comparison = compare(to_compare, dates, focus=focus, tolerances=tolerances or DEFAULT, outlets=outlets)
    run.findings, run.facts = comparison.findings, comparison.facts
    by_id, docs = run.claims_by_id, {d.id: d for d in run.documents}
    run.fingerprints = {f.id: fingerprint(f, by_id, docs) for f in run.findings}
    shown = run.findings
    if changed_set is not None:
        shown = [f for f in shown if involved_docs(f, by_id) & ids]
        run.problems = [p for p in run.problems
                        if _abs(p.path) in changed_set or not Path(p.path).exists()]
    for d in run.documents:
        valid, invalid = suppress.find(d)
        run.suppressions += valid
        run.invalid_suppressions += invalid
    if run.suppressions:
        shown, run.suppressed = suppress.apply(shown, by_id, run.suppressions)
    if entries is not None:
        def in_scope(e: dict) -> bool:
            return changed_set is None or any(
                _abs(c.get("path", "")) in changed_set for c in e.get("claims", []))
        shown, run.baseline = baseline_mod.apply(shown, run.fingerprints, entries, in_scope)
    run.shown = shown
    return run


def baseline_entries(run: CheckRun) -> list[dict]:
    """Baseline entries for the conflicts, scope findings and updates of a run (not agreements)."""
    by_id, docs = run.claims_by_id, {d.id: d for d in run.documents}
    return [baseline_mod.entry(f, run.fingerprints[f.id], by_id, docs)
            for f in run.findings if f.kind not in ("consistent", "sum")]

