"""Sections the CI features add to the markdown report (changed-only runs, baseline,
suppressions). Nothing is added when none of them is used, so the report stays as it was."""
from __future__ import annotations

from nkcheck.report.markdown import escape


def sections(run) -> str:
    out: list[str] = []
    if run.changed is not None:
        out += ["## Geänderte Artikel", "",
                f"Geprüft gegen den ganzen Korpus ({len(run.documents)} Dokumente); gezeigt werden nur "
                f"Befunde, die diese {len(run.changed)} Artikel betreffen:", ""]
        out += [f"- {escape(d)}" for d in run.changed] or ["- (keine)"]
        out.append("")
    if run.baseline is not None:
        out += ["## Baseline", "",
                f"{len(run.baseline.hidden)} bekannte Befunde aus `{escape(run.baseline_file)}` ausgeblendet; "
                f"{len(run.baseline.stale)} Einträge treffen nicht mehr zu.", ""]
        for e in run.baseline.stale:
            sides = "; ".join(escape(c.get("path", "")) + " " + escape(c.get("text", "")) for c in e.get("claims", []))
            out.append(f"- veraltet: `{escape(e['fingerprint'])}` {escape(e.get('rule', ''))} "
                       f"{escape(e.get('fact', ''))} ({sides})")
        out.append("")
    if run.suppressions or run.invalid_suppressions:
        out += ["## Unterdrückungen", "",
                f"{len(run.suppressed)} Befunde durch Kommentare im Artikel ausgeblendet.", ""]
        for s in run.unused_suppressions:
            out.append(f"- unbenutzt: {escape(s.doc)}:{s.line} ignore\\[{escape(','.join(s.rules))}\\]")
        for s in run.invalid_suppressions:
            out.append(f"- ungültig (Grund fehlt): {escape(s.doc)}:{s.line}")
        out.append("")
    return "\n".join(out)


def with_sections(markdown: str, run) -> str:
    extra = sections(run)
    return markdown if not extra else markdown.rstrip("\n") + "\n\n" + extra.rstrip("\n") + "\n"
