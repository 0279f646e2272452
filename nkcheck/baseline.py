"""Accepted findings: ``.nkcheck-baseline.json`` lists the fingerprints of reviewed findings.

The file is sorted and indented so that a pull request that accepts a finding shows it as a
readable diff. ``--baseline FILE`` hides the findings it lists; entries that no longer match any
finding are reported as stale, so the file does not silently rot.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from nkcheck.atomic import atomic_write_text as write_atomic
from nkcheck.findings import repo_path
from nkcheck.model import Finding

DEFAULT_FILE = ".nkcheck-baseline.json"
VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; the message says why."""


@dataclass
class BaselineResult:
    hidden: list[Finding] = field(default_factory=list)
    stale: list[dict] = field(default_factory=list)


def entry(f: Finding, fp: str, claims_by_id: dict, docs: dict) -> dict:
    """One reviewable baseline entry: the fingerprint plus what a reviewer needs to recognise it."""
    sides = []
    for cid in f.claims + f.parts:
        c = claims_by_id.get(cid)
        if c is not None:
            d = docs.get(c.doc)
            sides.append({"doc": c.doc, "path": repo_path(d.path) if d else c.doc, "text": c.text})
    return {"fingerprint": fp, "rule": f.rule, "kind": f.kind, "fact": f.fact, "claims": sides}


def dumps(entries: list[dict]) -> str:
    entries = sorted(entries, key=lambda e: (e["rule"], e["fact"], e["fingerprint"]))
    return json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def write(path: Path, entries: list[dict]) -> None:
    write_atomic(path, dumps(entries))


def load(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline {path} does not exist (create it with `nkcheck baseline`)") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"baseline {path} cannot be read: {exc}") from None
    items = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(items, list) or not all(isinstance(e, dict) and "fingerprint" in e for e in items):
        raise BaselineError(f"baseline {path} has no list of findings with fingerprints")
    return items


def apply(findings: list[Finding], fingerprints: dict[str, str], entries: list[dict],
          in_scope=lambda e: True) -> tuple[list[Finding], BaselineResult]:
    """Split ``findings`` into shown and hidden; entries in scope that matched nothing are stale."""
    known = {e["fingerprint"] for e in entries}
    res = BaselineResult()
    shown = []
    for f in findings:
        (res.hidden if fingerprints.get(f.id) in known else shown).append(f)
    seen = {fingerprints.get(f.id) for f in findings}
    res.stale = [e for e in entries if e["fingerprint"] not in seen and in_scope(e)]
    return shown, res
