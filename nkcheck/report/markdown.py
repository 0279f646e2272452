"""The markdown report reviewers read in a pull request.

Deterministic: the same input gives the same bytes (no timestamps, stable order). Every
piece of article text goes through ``escape`` so an article cannot add HTML, links,
headings or table cells to the report.
"""
from __future__ import annotations

import re
from collections import Counter

from nkcheck.compare import facts

KIND_TITLE = {"time": "time", "value": "value", "scope": "scope", "update": "update",
              "consistent": "consistent", "sum": "sum"}
KIND_MEANING = {
    "time": "the same figure is dated to different periods",
    "value": "the figures do not overlap, even with the hedges' tolerance",
    "scope": "different measures of one thing (not like for like)",
    "update": "a later figure of a running count (not a contradiction)",
}
CONFLICT_KINDS = ("time", "value", "scope")

# Only what could build structure is escaped: table cells (|), code (`), links and images
# ([ ] and !), HTML and autolinks (< > &), backslashes; bare URLs are broken with a zero-width
# space so they are not turned into links; "::" so CI logs do not read workflow commands.
_MD_SPECIAL = re.compile(r"([\\`\[\]|])")
_URL = re.compile(r"(?i)(https?|ftp)(:)(//)|\b(www)(\.)")


def escape(text: object, limit: int = 0) -> str:
    """Article text made inert for markdown tables: no HTML, links, images, code or cell breaks."""
    s = "" if text is None else str(text)
    s = " ".join(s.split())  # no newlines: a table row stays one row
    if limit and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = s.replace("!", "&#33;")
    s = _URL.sub(lambda m: (m.group(1) + m.group(2) + "\u200b" + m.group(3)) if m.group(1)
                 else (m.group(4) + "\u200b" + m.group(5)), s)
    s = s.replace("::", ":\u200b:")
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
    when = _time(c)
    if c.as_of:
        when = (when + "; " if when != "–" else "") + "as of " + c.as_of
    return ("| " + " | ".join([
        escape((c.hedge + " " if c.hedge else "") + c.text),
        escape(facts.describe(c)),
        escape(c.object or "?") + " / " + escape(c.event or "?"),
        escape(c.doc) + f":{c.line}" + (f" ({escape(d.outlet)})" if d and d.outlet else ""),
        escape(c.source, 60) or "–",
        escape(when),
        _quote(c),
    ]) + " |")


CLAIM_HEAD = ("| Figure as written | Interval | Counted / event | Document | Cited source | Date | Quote |\n"
              "|---|---|---|---|---|---|---|")


def _facts(findings) -> list[tuple[str, list]]:
    """Findings grouped by the fact they speak of; facts with conflicts first."""
    groups: dict[str, list] = {}
    for f in findings:
        groups.setdefault(f.fact, []).append(f)
    rank = {"time": 0, "value": 1, "scope": 2, "update": 3}
    return sorted(groups.items(), key=lambda kv: (min(rank.get(f.kind, 9) for f in kv[1]), kv[0]))


def _claims_of(fs, by_id) -> list:
    seen: dict[str, object] = {}
    for f in fs:
        for cid in f.claims + f.parts:
            if cid in by_id:
                seen.setdefault(cid, by_id[cid])
    return sorted(seen.values(), key=lambda c: (c.doc, c.start))


def _fact_section(n: int, fact: str, fs, by_id, docs) -> list[str]:
    kinds = sorted({f.kind for f in fs}, key=lambda k: ("time", "value", "scope", "update").index(k))
    out = [f"### {n}. {escape(fact)}: {', '.join(kinds)}", ""]
    out.append(CLAIM_HEAD)
    out += [_claim_row(c, docs) for c in _claims_of(fs, by_id)]
    out.append("")
    for f in fs:
        sides = [by_id[cid] for cid in f.claims[:2] if cid in by_id]
        where = " vs ".join(f"{escape(c.doc)}:{c.line} {escape(c.text)}" for c in sides)
        out.append(f"- **{f.kind}** ({f.rule}, {f.id}): {escape(f.summary)} ({where}).  ")
        out.append(f"  Why: {escape(f.explanation)}")
    out.append("")
    return out


def render(documents, claims, findings, problems) -> str:
    docs = {d.id: d for d in documents}
    by_id = {c.id: c for c in claims}
    kinds = Counter(f.kind for f in findings)
    out: list[str] = ["# nkcheck: numeric claims across sources", ""]
    n_conf = sum(kinds[k] for k in CONFLICT_KINDS)
    out.append(f"**{len(documents)} documents, {len(claims)} claims, {n_conf} conflicts** "
               f"(time: {kinds['time']}, value: {kinds['value']}, scope: {kinds['scope']}); "
               f"{kinds['update']} updates, {kinds['consistent'] + kinds['sum']} agreements"
               + (f"; {len(problems)} files not checked." if problems else "."))
    out.append("")
    out.append("## What was checked")
    out.append("")
    out.append("| Document | Outlet | Title | Published | Date known from | Language | Claims |")
    out.append("|---|---|---|---|---|---|---|")
    per_doc = Counter(c.doc for c in claims)
    for d in documents:
        out.append("| " + " | ".join([
            escape(d.id), escape(d.outlet) or "–", escape(d.title, 70) or "–",
            escape(d.published_iso() or "unknown"), escape(d.published_source),
            escape(d.lang), str(per_doc[d.id])]) + " |")
    out.append("")
    out.append("Verdicts: " + "; ".join(f"**{k}**: {v}" for k, v in KIND_MEANING.items()) + ".")
    out.append("")
    flagged = [f for f in findings if f.kind in CONFLICT_KINDS or f.kind == "update"]
    agreements = [f for f in findings if f.kind in ("consistent", "sum")]
    out.append("## Conflicts and updates, by fact")
    out.append("")
    if not flagged:
        out.append("No conflicts found.")
        out.append("")
    for n, (fact, fs) in enumerate(_facts(flagged), 1):
        out += _fact_section(n, fact, fs, by_id, docs)
    out.append("## Agreements and single-source claims")
    out.append("")
    out.append(f"<details><summary>{len(agreements)} agreements</summary>")
    out.append("")
    for f in agreements:
        ids = ", ".join(escape(by_id[c].doc) + ":" + str(by_id[c].line) + " " + escape(by_id[c].text)
                        for c in f.claims + f.parts if c in by_id)
        out.append(f"- **{f.kind}** ({f.rule}, {f.id}) {escape(f.fact)}: {escape(f.summary)} ({ids})")
    out.append("")
    out.append("</details>")
    out.append("")
    in_findings = {c for f in findings for c in f.claims + f.parts}
    single = [c for c in claims if c.id not in in_findings]
    out.append(f"<details><summary>{len(single)} claims no other source speaks to</summary>")
    out.append("")
    out.append(CLAIM_HEAD)
    for c in single:
        out.append(_claim_row(c, docs))
    out.append("")
    out.append("</details>")
    out.append("")
    if problems:
        out.append("## Not checked")
        out.append("")
        for p in problems:
            out.append(f"- {escape(p.path)}: {escape(p.reason)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
