"""Sections the CI features add to the markdown report (changed-only runs, baseline,
suppressions). Nothing is added when none of them is used, so the report stays as it was."""
from __future__ import annotations

from nkcheck.report.markdown import escape


def sections(run) -> str:
    out: list[str] = []
    if run.changed is not None:
        out += ["## Changed articles", "",
                f"Checked against the whole corpus ({len(run.documents)} documents); only findings that "
                f"involve {'this article' if len(run.changed) == 1 else f'these {len(run.changed)} articles'} "
                f"are shown:", ""]
        out += [f"- {escape(d)}" for d in run.changed] or ["- (none)"]
        out.append("")
    if run.baseline is not None:
        out += ["## Baseline", "",
                f"{len(run.baseline.hidden)} known findings from `{escape(run.baseline_file)}` hidden; "
                f"{len(run.baseline.stale)} entries no longer match.", ""]
        for e in run.baseline.stale:
            sides = "; ".join(escape(c.get("path", "")) + " " + escape(c.get("text", "")) for c in e.get("claims", []))
            out.append(f"- stale: `{escape(e['fingerprint'])}` {escape(e.get('rule', ''))} "
                       f"{escape(e.get('fact', ''))} ({sides})")
        out.append("")
    if run.suppressions or run.invalid_suppressions:
        out += ["## Suppressions", "",
                f"{len(run.suppressed)} findings hidden by comments in the articles.", ""]
        for s in run.unused_suppressions:
            out.append(f"- unused: {escape(s.doc)}:{s.line} ignore\\[{escape(','.join(s.rules))}\\]")
        for s in run.invalid_suppressions:
            out.append(f"- invalid (no reason given): {escape(s.doc)}:{s.line}")
        out.append("")
    return "\n".join(out)


def with_sections(markdown: str, run) -> str:
    extra = sections(run)
    return markdown if not extra else markdown.rstrip("\n") + "\n\n" + extra.rstrip("\n") + "\n"
