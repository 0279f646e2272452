"""The markdown report reviewers read in a pull request.

Deterministic: the same input gives the same bytes (no timestamps, stable order). Every
piece of article text goes through ``escape`` so an article cannot add HTML, links,
headings or table cells to the report.
"""
from __future__ import annotations

import re
from collections import Counter



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


def _quote(claim, width: int = 110) -> str:
    """The claim's sentence around the figure, the figure in bold."""
    s = claim.sentence
    i = s.find(claim.text)
    if i < 0:
        return escape(s, width)
    a = max(0, i - width // 2)
    b = min(len(s), i + len(claim.text) + width // 2)
    before, fig, after = s[a:i], s[i:i + len(claim.text)], s[i + len(claim.text):b]
    lead = " " if before.endswith(" ") else ""
    trail = " " if after.startswith(" ") else ""
    return (("…" if a else "") + escape(before) + lead + "**" + escape(fig) + "**" + trail + escape(after)
            + ("…" if b < len(s) else ""))


_SAFE_URL = re.compile(r"https?://[^\s<>\[\]()\"'`|\\]{1,300}")


def _outlet(d) -> str:
    """The outlet, linked to the article when its URL is a plain http(s) address."""
    name = escape(d.outlet if d and d.outlet else (d.id if d else "?"), 60)
    url = (d.url or "") if d else ""
    m = _SAFE_URL.fullmatch(url.strip())
    return f"[{name}]({m.group(0)})" if m else name


def _when(c) -> str:
    if not c.as_of:
        return "unknown"
    return c.as_of.replace("T", " ") + ("" if c.as_of_source != "estimated" else " (est.)")


FACT_HEAD = ("| As of | Cited source | Outlet | Figure as written | Quote | File |\n"
             "|---|---|---|---|---|---|")


def _fact_row(c, docs) -> str:
    d = docs.get(c.doc)
    return "| " + " | ".join([
        escape(_when(c)), escape(c.source, 60) or "–", _outlet(d),
        escape((c.hedge + " " if c.hedge and c.hedge.lower() not in c.text.lower() else "") + c.text),
        _quote(c), f"{escape(c.doc)}:{c.line}"]) + " |"


def _verdict_line(f) -> str:
    return f"- **{f.kind}** ({f.rule}): {escape(f.summary)}  \n  {escape(f.explanation)}"


def _fact_section(n: int, fact, fs, by_id, docs) -> list[str]:
    # a "#" in a heading is escaped: a trailing run of them would close the heading early
    title = (escape(fact.label) or escape(fact.id) or "(unnamed fact)").replace("#", "\\#")
    out = [f"### {n}. {title}", ""]
    out += [_verdict_line(f) for f in sorted(fs, key=lambda f: KIND_RANK.get(f.kind, 9))]
    out.append("")
    out.append(FACT_HEAD)
    out += [_fact_row(by_id[c], docs) for c in fact.claims if c in by_id]
    out.append("")
    return out


KIND_RANK = {"value": 0, "time": 1, "place": 2, "scope": 3, "update": 4}
KIND_MEANING = {
    "value": "the figures do not overlap, even read as estimates",
    "time": "the same figure is dated to different periods",
    "place": "the same group is placed in different places",
    "scope": "different measures given the same figure, or a part larger than its whole",
    "update": "a running count stated again later (a timeline, not a contradiction)",
}
CONFLICT_KINDS = ("value", "time", "place", "scope")


def render(documents, claims, findings, problems, facts=()) -> str:
    docs = {d.id: d for d in documents}
    by_id = {c.id: c for c in claims}
    by_finding = {f.id: f for f in findings}
    facts = [f for f in facts if any(c in by_id for c in f.claims)]
    fact_findings = {fact.id: [by_finding[i] for i in fact.findings if i in by_finding] for fact in facts}
    disputed = [fact for fact in facts if any(f.kind in CONFLICT_KINDS for f in fact_findings[fact.id])]
    disputed_ids = {fact.id for fact in disputed}
    updated = [fact for fact in facts if fact.id not in disputed_ids
               and any(f.kind == "update" for f in fact_findings[fact.id])]
    agreeing = [fact for fact in facts if fact.verdict == "agreement"]
    single = [fact for fact in facts if fact.verdict == "single" or not fact_findings[fact.id] and fact.verdict != "agreement"]
    kinds = Counter(fact.verdict for fact in disputed)
    out: list[str] = ["# nkcheck: numeric claims across sources", ""]
    n_doc = len(documents)
    out.append(f"**{n_doc} {'article' if n_doc == 1 else 'articles'}, {len(claims)} claims, "
               f"{len(disputed)} disputed {'fact' if len(disputed) == 1 else 'facts'}**"
               + (" (" + ", ".join(f"{k}: {kinds[k]}" for k in CONFLICT_KINDS if kinds[k]) + ")" if disputed else "")
               + f"; {len(updated)} running {'count' if len(updated) == 1 else 'counts'} updated, "
               f"{len(agreeing)} agreeing"
               + (f"; {len(problems)} {'file' if len(problems) == 1 else 'files'} not checked." if problems else "."))
    out.append("")
    out.append("Verdicts: " + "; ".join(f"**{k}**: {v}" for k, v in KIND_MEANING.items()) + ".")
    out.append("")
    out.append("## Disputed facts")
    out.append("")
    if not disputed:
        out.append("No conflicts found.")
        out.append("")
    for n, fact in enumerate(disputed, 1):
        out += _fact_section(n, fact, fact_findings[fact.id], by_id, docs)
    if updated:
        out.append("## Running counts updated")
        out.append("")
        for fact in updated:
            ups = [f for f in fact_findings[fact.id] if f.kind == "update"]
            out.append(f"- **{escape(fact.label)}**: {escape(ups[0].summary.removeprefix('timeline: '))} "
                       f"({', '.join(sorted({escape(by_id[c].doc) for c in fact.claims if c in by_id}))})")
        out.append("")
    out.append("## Agreements and single-source claims")
    out.append("")
    if agreeing:
        out.append(f"<details><summary>{len(agreeing)} facts the sources agree on</summary>")
        out.append("")
        for fact in agreeing:
            cs = [by_id[c] for c in fact.claims if c in by_id]
            out.append(f"- {escape(fact.label)}: " + ", ".join(
                f"{escape(c.text)} ({escape(c.doc)}:{c.line})" for c in cs))
        out.append("")
        out.append("</details>")
        out.append("")
    in_facts = {c for fact in agreeing + disputed + updated for c in fact.claims}
    rest = [c for c in claims if c.id not in in_facts]
    if rest:
        out.append(f"<details><summary>{len(rest)} claims no other source speaks to</summary>")
        out.append("")
        out.append("| Figure as written | Counted / event | File | Cited source | Quote |")
        out.append("|---|---|---|---|---|")
        for c in rest:
            out.append("| " + " | ".join([escape(c.text), escape(c.object or "?") + " / " + escape(c.event or "?"),
                                          f"{escape(c.doc)}:{c.line}", escape(c.source, 60) or "–", _quote(c, 80)]) + " |")
        out.append("")
        out.append("</details>")
        out.append("")
    out.append(f"<details><summary>{len(documents)} {'article' if len(documents) == 1 else 'articles'} checked</summary>")
    out.append("")
    out.append("| Document | Outlet | Title | Published | Date known from | Language | Claims |")
    out.append("|---|---|---|---|---|---|---|")
    per_doc = Counter(c.doc for c in claims)
    for d in documents:
        out.append("| " + " | ".join([
            escape(d.id), escape(d.outlet, 60) or "–", escape(d.title, 70) or "–",
            escape(d.published_iso() or "unknown"), escape(d.published_source),
            escape(d.lang), str(per_doc[d.id])]) + " |")
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
