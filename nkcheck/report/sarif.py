"""SARIF 2.1.0: one result per finding, located on its first claim, the other sides related."""
from __future__ import annotations

import json

from nkcheck import __version__
from nkcheck.findings import SEVERITY, repo_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"conflict": "warning", "scope": "note", "update": "note"}


def _location(c, docs, index=None) -> dict:
    d = docs.get(c.doc)
    loc = {"physicalLocation": {"artifactLocation": {"uri": repo_path(d.path) if d else c.doc}}}
    if d is None or not d.extracted:  # HTML: offsets are in the extracted text, not the file
        loc["physicalLocation"]["region"] = {"startLine": c.line, "charOffset": c.start,
                                             "charLength": c.end - c.start, "snippet": {"text": c.text}}
    if index is not None:
        loc["id"] = index
    return loc


def render(documents, claims, findings, fingerprints: dict[str, str]) -> str:
    from nkcheck.compare.rules import ALL_RULES

    by_id, docs = {c.id: c for c in claims}, {d.id: d for d in documents}
    rules = [{"id": r.code, "name": r.name,
              "shortDescription": {"text": (r.__doc__ or r.name).strip().splitlines()[0]},
              "fullDescription": {"text": " ".join((r.__doc__ or r.name).split())}} for r in ALL_RULES]
    results = []
    for f in findings:
        level = LEVEL.get(SEVERITY.get(f.kind, ""))
        sides = [by_id[c] for c in f.claims + f.parts if c in by_id]
        if level is None or not sides:
            continue
        results.append({
            "ruleId": f.rule, "level": level,
            "message": {"text": f"{f.summary} ({f.fact}). {f.explanation}".strip()},
            "locations": [_location(sides[0], docs)],
            "relatedLocations": [_location(c, docs, i) for i, c in enumerate(sides[1:], 1)],
            "partialFingerprints": {"nkcheck/v1": fingerprints[f.id]},
        })
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "nkcheck", "version": __version__, "rules": rules}},
        "results": results}]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
