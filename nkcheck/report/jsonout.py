"""The JSON contract: documents, claims, conflicts, agreements (names are stable)."""
from __future__ import annotations

import json
from typing import Any

SCHEMA_VERSION = 1


def result_dict(documents, claims, findings, problems) -> dict[str, Any]:
    conflicts = [f for f in findings if f.kind in ("value", "time", "scope", "update")]
    agreements = [f for f in findings if f.kind in ("consistent", "sum")]
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [d.to_json() for d in documents],
        "claims": [c.to_json() for c in claims],
        "conflicts": [f.to_json() for f in conflicts],
        "agreements": [f.to_json() for f in agreements],
        "not_checked": [{"path": p.path, "reason": p.reason} for p in problems],
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
