"""What the CI features need to know of a finding: its severity, the documents it involves,
its stable fingerprint, and whether it fails the run.

A fingerprint identifies a finding across runs and edits elsewhere in the articles: it is a
hash of the rule, the canonical fact and, for each claim, the article path, the normalised
value and the number as written. Line numbers and offsets are left out on purpose.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from nkcheck.model import Claim, Document, Finding

CONFLICT_KINDS = ("value", "time", "place", "scope")
SEVERITY = {"value": "conflict", "time": "conflict", "place": "conflict", "scope": "scope", "update": "update",
            "consistent": "agreement", "sum": "agreement"}
# --fail-on LEVEL: the severities that make the exit code 1 (default "scope": conflicts and scope).
FAIL_ON = {"conflict": ("conflict",), "scope": ("conflict", "scope"),
           "update": ("conflict", "scope", "update"), "never": ()}
DEFAULT_FAIL_ON = "scope"


def repo_path(path: str) -> str:
    """The article path as CI tools want it: relative to the working directory, with slashes."""
    return _relative(path, os.getcwd())


@lru_cache(maxsize=4096)
def _relative(path: str, cwd: str) -> str:
    p = Path(path)
    try:
        return Path(os.path.relpath(p.resolve(), Path(cwd).resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return p.as_posix()


def finding_claim_ids(f: Finding) -> list[str]:
    return list(f.claims) + list(f.parts)


def involved_docs(f: Finding, claims_by_id: dict[str, Claim]) -> set[str]:
    return {claims_by_id[c].doc for c in finding_claim_ids(f) if c in claims_by_id}


def _value(c: Claim) -> str:
    return f"{c.low!r}..{c.high!r}{'~' if c.approx else ''}"


def fingerprint(f: Finding, claims_by_id: dict[str, Claim], docs: dict[str, Document]) -> str:
    """A stable id of the finding: same rule, fact and claims (file, value, text) give the same hash."""
    def side(cid: str) -> list[str]:
        c = claims_by_id[cid]
        d = docs.get(c.doc)
        return [repo_path(d.path) if d else c.doc, _value(c), c.text]

    body = {"rule": f.rule, "fact": f.fact,
            "claims": sorted(side(c) for c in f.claims if c in claims_by_id),
            "parts": sorted(side(c) for c in f.parts if c in claims_by_id)}
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def fails(findings: Iterable[Finding], fail_on: str) -> bool:
    levels = FAIL_ON[fail_on]
    return any(SEVERITY.get(f.kind) in levels for f in findings)
