"""The JSON contract: documents, claims, facts, conflicts, agreements (names are stable).

A fact is one quantity of one measure on one occasion with every claim on it, its verdict
(value, time, place, scope, update, agreement or single) and the claim pairs that disagree. Each
conflict names its fact and holds only the pairs that really disagree; each conflict and agreement
carries its ``fingerprint`` (see ``nkcheck.findings``) and ``severity``. ``nkcheck schema`` prints
the JSON Schema of the whole result (``schema_version`` 2).
"""
from __future__ import annotations

import json
from typing import Any, Optional

from nkcheck.findings import SEVERITY, fingerprint

SCHEMA_VERSION = 2


def result_dict(documents, claims, findings, problems, extra: Optional[dict] = None,
                fingerprints: Optional[dict[str, str]] = None, facts=None) -> dict[str, Any]:
    """The result as JSON data; ``fingerprints`` (finding id -> fingerprint) when already known."""
    if fingerprints is None:
        by_id, docs = {c.id: c for c in claims}, {d.id: d for d in documents}
        fingerprints = {f.id: fingerprint(f, by_id, docs) for f in findings}

    def finding(f) -> dict[str, Any]:
        d = f.to_json()
        d["label"], d["fact"] = d.pop("fact"), d.pop("fact_id")
        return {**d, "severity": SEVERITY.get(f.kind, f.kind), "fingerprint": fingerprints[f.id]}

    shown = {f.id for f in findings}
    conflicts = [f for f in findings if f.kind in ("value", "time", "place", "scope", "update")]
    agreements = [f for f in findings if f.kind in ("consistent", "sum")]
    fact_list = []
    for fact in facts or []:
        d = fact.to_json()
        d["findings"] = [i for i in d["findings"] if i in shown]
        if not d["findings"] and d["verdict"] not in ("agreement", "single"):
            # the fact's findings are hidden (baseline, suppressions, changed-only): its verdict is
            # what is left to see
            d["verdict"], d["pairs"] = "agreement" if len({c for c in d["claims"]}) > 1 else "single", []
        fact_list.append(d)
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [d.to_json() for d in documents],
        "claims": [c.to_json() for c in claims],
        "facts": fact_list,
        "conflicts": [finding(f) for f in conflicts],
        "agreements": [finding(f) for f in agreements],
        "not_checked": [{"path": p.path, "reason": p.reason} for p in problems],
        **(extra or {}),
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
