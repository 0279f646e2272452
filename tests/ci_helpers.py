"""Small hand-made documents, claims and findings for the CI output tests (no spaCy needed)."""
from __future__ import annotations

from nkcheck.model import Claim, Document, Finding


def doc(doc_id: str, text: str, path: str | None = None) -> Document:
    return Document(id=doc_id, path=path or doc_id, text=text)


def claim(d: Document, number: str, low, high=None, occurrence: int = 0) -> Claim:
    start = -1
    for _ in range(occurrence + 1):
        start = d.text.index(number, start + 1)
    end = start + len(number)
    return Claim(id=f"{d.id}:{start}-{end}", doc=d.id, start=start, end=end, text=number, low=low,
                 high=low if high is None else high, approx=False, bound="exact", object="soldiers",
                 event="sent", actor="north_korea", place=None, time_start=None, time_end=None, source=None,
                 sentence=d.text, line=d.line_of(start))


def finding(fid: str, a: Claim, b: Claim, kind: str = "value", rule: str = "NK101",
            summary: str = "4 000 vs 11 000 for the same fact") -> Finding:
    return Finding(id=fid, kind=kind, claims=[a.id, b.id], summary=summary,
                   fact="north_korea · soldiers · deploy", rule=rule, explanation="They differ.")
