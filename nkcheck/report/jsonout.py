"""The JSON contract: documents, claims, conflicts, agreements (names are stable).

Each conflict and agreement carries its ``fingerprint`` (see ``nkcheck.findings``) and
``severity``; ``nkcheck schema`` prints the JSON Schema of the whole result.
"""
from __future__ import annotations

import json
from typing import Any, Optional

from nkcheck.findings import SEVERITY, fingerprint

SCHEMA_VERSION = 1


def result_dict(documents, claims, findings, problems, extra: Optional[dict] = None,
                fingerprints: Optional[dict[str, str]] = None) -> dict[str, Any]:
    """The result as JSON data; ``fingerprints`` (finding id -> fingerprint) when already known."""
    if fingerprints is None:
        by_id, docs = {c.id: c for c in claims}, {d.id: d for d in documents}
        fingerprints = {f.id: fingerprint(f, by_id, docs) for f in findings}

    def finding(f) -> dict[str, Any]:
        return {**f.to_json(), "severity": SEVERITY.get(f.kind, f.kind), "fingerprint": fingerprints[f.id]}

    conflicts = [f for f in findings if f.kind in ("value", "time", "scope", "update")]
    agreements = [f for f in findings if f.kind in ("consistent", "sum")]
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [d.to_json() for d in documents],
        "claims": [c.to_json() for c in claims],
        "conflicts": [finding(f) for f in conflicts],
        "agreements": [finding(f) for f in agreements],
        "not_checked": [{"path": p.path, "reason": p.reason} for p in problems],
        **(extra or {}),
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
