"""GitHub Actions: workflow-command annotations, the job summary and the PR comment body.

Annotations go on the article lines of both sides of a finding, so a reviewer sees them in
"Files changed". GitHub shows at most 10 annotations per level and step; nkcheck writes at most
``LIMIT`` per level and summarises the rest in one plain log line. Article text only ever
appears in escaped properties and data (``%``, CR, LF; and ``:`` ``,`` in properties, as
@actions/core does), so it cannot end a command or start another.
"""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Optional

from nkcheck.atomic import atomic_write_text as write_atomic
from nkcheck.findings import SEVERITY, repo_path
from nkcheck.report.budget import fit

LIMIT = 10
LEVEL = {"conflict": "warning", "scope": "notice", "update": "notice"}
STEP_SUMMARY_LIMIT = 1024 * 1024  # bytes, GitHub's limit per step
PR_COMMENT_LIMIT = 65536  # characters, GitHub's limit for a comment body
MARKER = "<!-- nkcheck-report -->"


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    p = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v not in (None, ""))
    return f"::{level} {p}::{escape_data(message)}" if p else f"::{level}::{escape_data(message)}"


def _column(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1) + 1


def annotations(documents, claims, findings) -> str:
    """One annotation per side of each conflict, scope finding and update (agreements: none)."""
    by_id, docs = {c.id: c for c in claims}, {d.id: d for d in documents}
    lines: list[str] = []
    shown: Counter = Counter()
    left: Counter = Counter()
    for f in findings:
        level = LEVEL.get(SEVERITY.get(f.kind, ""))
        if level is None:
            continue
        sides = [by_id[c] for c in f.claims + f.parts if c in by_id]
        for c in sides:
            if shown[level] >= LIMIT:
                left[level] += 1
                continue
            d = docs.get(c.doc)
            others = "; ".join(f"{repo_path(docs[o.doc].path) if o.doc in docs else o.doc}:{o.line} "
                               f"»{o.text}«" for o in sides if o is not c)
            msg = f"{f.summary}. Here »{c.text}«; other side: {others}." if others else f.summary
            if f.explanation:
                msg += "\n" + f.explanation
            at_line = d is not None and not d.extracted  # HTML: lines are in the extracted text, not the file
            col = _column(d.text, c.start) if at_line else None
            if d is not None and d.extracted:
                msg += f"\n(Line {c.line} of the text extracted from the page.)"
            lines.append(command(level, msg, file=repo_path(d.path) if d else c.doc, line=c.line if at_line else None,
                                 col=col, endColumn=col + len(c.text) if col else None,
                                 title=f"nkcheck {f.rule} ({f.kind}): {f.fact}"))
            shown[level] += 1
    for level, n in sorted(left.items()):
        lines.append(f"nkcheck: {n} more {level} annotations not shown (at most {LIMIT} per level); "
                     "all findings are in the job summary and the report.")
    return "\n".join(lines) + "\n" if lines else ""


def pr_comment(markdown: str) -> str:
    """The PR comment body: a hidden marker for sticky-comment actions, then the report."""
    return MARKER + "\n" + fit(markdown, PR_COMMENT_LIMIT - len(MARKER) - 1)


def append_step_summary(markdown: str, env: Optional[dict] = None) -> Optional[Path]:
    """Append the report to ``$GITHUB_STEP_SUMMARY`` when set, keeping the file under 1 MiB."""
    target = (env if env is not None else os.environ).get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    path = Path(target)
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    room = STEP_SUMMARY_LIMIT - len(old.encode("utf-8")) - 2
    if room < 1024:
        return None
    write_atomic(path, old + ("\n" if old and not old.endswith("\n") else "") + fit(markdown, room, "bytes"))
    return path
