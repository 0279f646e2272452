"""The markdown report reviewers read in a pull request.

Deterministic: the same input gives the same bytes (no timestamps, stable order). Every
piece of article text goes through ``escape`` so an article cannot add HTML, links,
headings or table cells to the report.
"""
from __future__ import annotations

import re
from collections import Counter

from nkcheck.compare import facts

KIND_TITLE = {"time": "Zeit (time)", "value": "Wert (value)", "scope": "Umfang (scope)",
              "update": "Aktualisierung (update)", "consistent": "übereinstimmend", "sum": "Summe (sum)"}
CONFLICT_KINDS = ("time", "value", "scope")

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")


def escape(text: object, limit: int = 0) -> str:
    """Article text made inert for markdown tables: no HTML, links, emphasis, or cell breaks."""
    s = "" if text is None else str(text)
    s = " ".join(s.split())  # no newlines: a table row stays one row
    if limit and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = s.replace("::", ":\u200b:")  # no workflow commands when the report is echoed in CI
    return s


def _quote(claim, width: int = 90) -> str:
    s = claim.sentence
    i = s.find(claim.text)
    if i < 0 or len(s) <= width:
        return escape(s, width)
    a = max(0, i - width // 2)
    b = min(len(s), a + width)
    return ("…" if a else "") + escape(s[a:b]) + ("…" if b < len(s) else "")


def _time(c) -> str:
    if not c.time_start:
        return "–"
    if c.time_start == c.time_end:
        return c.time_start
    return f"{c.time_start} … {c.time_end}"


def _claim_row(c, docs) -> str:
    d = docs.get(c.doc)
    return ("| " + " | ".join([
        escape(c.doc) + f":{c.line}",
        escape(d.outlet if d else "") or "–",
        escape((c.hedge + " " if c.hedge else "") + c.text),
        escape(facts.describe(c)),
        escape(c.object or "?") + " / " + escape(c.event or "?"),
        escape(c.source, 60) or "–",
        escape(_time(c)),
        _quote(c),
    ]) + " |")


CLAIM_HEAD = ("| Dokument | Outlet | Zahl wie geschrieben | Intervall | Gezählt / Ereignis | Quelle laut Text | Zeit | Zitat |\n"
              "|---|---|---|---|---|---|---|---|")


def render(documents, claims, findings, problems) -> str:
    docs = {d.id: d for d in documents}
    by_id = {c.id: c for c in claims}
    kinds = Counter(f.kind for f in findings)
    out: list[str] = ["# nkcheck: Abgleich der Zahlenangaben", ""]
    n_conf = sum(kinds[k] for k in CONFLICT_KINDS)
    out.append(f"**{len(documents)} Dokumente, {len(claims)} Zahlenangaben, {n_conf} Konflikte** "
               f"(Zeit: {kinds['time']}, Wert: {kinds['value']}, Umfang: {kinds['scope']}); "
               f"{kinds['update']} Aktualisierungen, {kinds['consistent'] + kinds['sum']} Übereinstimmungen.")
    out.append("")
    out.append("## Geprüfte Dokumente")
    out.append("")
    out.append("| Dokument | Outlet | Titel | Veröffentlicht | Datum woher | Sprache | Angaben |")
    out.append("|---|---|---|---|---|---|---|")
    per_doc = Counter(c.doc for c in claims)
    for d in documents:
        out.append("| " + " | ".join([
            escape(d.id), escape(d.outlet) or "–", escape(d.title, 70) or "–",
            escape(d.published_iso() or "unbekannt"), escape(d.published_source),
            escape(d.lang), str(per_doc[d.id])]) + " |")
    out.append("")
    conflicts = [f for f in findings if f.kind in CONFLICT_KINDS]
    updates = [f for f in findings if f.kind == "update"]
    agreements = [f for f in findings if f.kind in ("consistent", "sum")]
    out.append("## Konflikte")
    out.append("")
    if not conflicts:
        out.append("Keine Konflikte gefunden.")
        out.append("")
    for i, f in enumerate(conflicts, 1):
        out.append(f"### {i}. {KIND_TITLE[f.kind]}: {escape(f.fact)}")
        out.append("")
        out.append(f"**Befund {f.id} ({f.rule}):** {escape(f.summary)}")
        out.append("")
        out.append(CLAIM_HEAD)
        for cid in f.claims + f.parts:
            if cid in by_id:
                out.append(_claim_row(by_id[cid], docs))
        out.append("")
        out.append(f"**Warum:** {escape(f.explanation)}")
        out.append("")
    if updates:
        out.append("## Aktualisierungen")
        out.append("")
        for f in updates:
            out.append(f"- **{f.id} ({f.rule})** {escape(f.fact)}: {escape(f.summary)}")
        out.append("")
    out.append("## Übereinstimmungen und Einzelangaben")
    out.append("")
    out.append(f"<details><summary>{len(agreements)} Übereinstimmungen</summary>")
    out.append("")
    for f in agreements:
        ids = ", ".join(escape(by_id[c].doc) + ":" + str(by_id[c].line) + " " + escape(by_id[c].text)
                        for c in f.claims + f.parts if c in by_id)
        out.append(f"- **{f.id} ({f.rule}, {f.kind})** {escape(f.fact)}: {escape(f.summary)} ({ids})")
    out.append("")
    out.append("</details>")
    out.append("")
    in_findings = {c for f in findings for c in f.claims + f.parts}
    single = [c for c in claims if c.id not in in_findings]
    out.append(f"<details><summary>{len(single)} Angaben ohne Gegenstück in anderen Quellen</summary>")
    out.append("")
    out.append(CLAIM_HEAD)
    for c in single:
        out.append(_claim_row(c, docs))
    out.append("")
    out.append("</details>")
    out.append("")
    if problems:
        out.append("## Nicht geprüft")
        out.append("")
        for p in problems:
            out.append(f"- {escape(p.path)}: {escape(p.reason)}")  # no code span: it would show the escapes
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
