"""Inline suppression in markdown articles: ``<!-- nkcheck: ignore[NK101] reason="…" -->``.

A comment hides findings of the named rules (comma-separated, or ``*`` for all) that involve a
claim on the comment's own line or, when the comment stands alone on its line, on the next
non-empty line. A reason is required: a comment without one is reported and not applied.
Comments that hide nothing are reported as unused, so they do not outlive their reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from nkcheck.model import Claim, Document, Finding

MARKDOWN = (".md", ".markdown")
COMMENT = re.compile(r"<!--\s*nkcheck:\s*ignore\[([^\]]*)\](.*?)-->", re.DOTALL)
REASON = re.compile(r'^\s*reason\s*=\s*"([^"]*)"\s*$')


@dataclass
class Suppression:
    doc: str
    path: str
    line: int
    rules: tuple[str, ...]
    reason: str
    lines: tuple[int, ...] = ()
    used: int = 0

    def covers(self, rule: str, line: int) -> bool:
        return line in self.lines and ("*" in self.rules or rule in self.rules)

    def to_json(self) -> dict:
        return {"doc": self.doc, "path": self.path, "line": self.line, "rules": list(self.rules),
                "reason": self.reason, "used": self.used}


def find(doc: Document) -> tuple[list[Suppression], list[Suppression]]:
    """The valid suppressions of a markdown article, and those without a reason (invalid)."""
    if Path(doc.path).suffix.lower() not in MARKDOWN:
        return [], []
    valid, invalid = [], []
    lines = doc.text.split("\n")
    for m in COMMENT.finditer(doc.text, doc.body_start):
        line = doc.line_of(m.start())
        rules = tuple(r.strip().upper() for r in m.group(1).split(",") if r.strip())
        reason = REASON.match(m.group(2))
        s = Suppression(doc.id, doc.path, line, rules, reason.group(1).strip() if reason else "")
        covered = [line]
        alone = lines[line - 1].strip() == m.group(0).strip()
        if alone:
            nxt = next((i for i in range(line + 1, len(lines) + 1) if lines[i - 1].strip()), None)
            if nxt:
                covered.append(nxt)
        s.lines = tuple(covered)
        (valid if s.reason and s.rules else invalid).append(s)
    return valid, invalid


def apply(findings: list[Finding], claims_by_id: dict[str, Claim],
          suppressions: list[Suppression]) -> tuple[list[Finding], list[Finding]]:
    """Split findings into shown and suppressed; count on each suppression how often it applied."""
    by_doc: dict[str, list[Suppression]] = {}
    for s in suppressions:
        by_doc.setdefault(s.doc, []).append(s)
    shown, hidden = [], []
    for f in findings:
        hits = [s for cid in f.claims + f.parts if cid in claims_by_id
                for s in by_doc.get(claims_by_id[cid].doc, ()) if s.covers(f.rule, claims_by_id[cid].line)]
        for s in hits:
            s.used += 1
        (hidden if hits else shown).append(f)
    return shown, hidden
