"""Fit a markdown report into a size limit (step summary 1 MiB, PR comment 65,536 characters).

The report starts with its totals, so cutting whole lines from the end keeps them; a closing
note says how much was left out, and ``<details>`` blocks left open by the cut are closed.
"""
from __future__ import annotations


def _size(text: str, unit: str) -> int:
    return len(text.encode("utf-8")) if unit == "bytes" else len(text)


def fit(markdown: str, limit: int, unit: str = "chars") -> str:
    """``markdown`` unchanged when it fits in ``limit``; else cut at a line with a note."""
    if _size(markdown, unit) <= limit:
        return markdown
    lines = markdown.split("\n")
    total = len(lines)
    note_room = 300
    kept: list[str] = []
    size = 0
    for line in lines:
        n = _size(line, unit) + 1
        if size + n > limit - note_room:
            break
        kept.append(line)
        size += n
    opened = sum(line.count("<details") for line in kept) - sum(line.count("</details>") for line in kept)
    note = (f"\n\n**Truncated:** {total - len(kept)} of {total} lines left out (limit {limit} "
            f"{'bytes' if unit == 'bytes' else 'characters'}); the totals above are for the whole report.\n")
    return "\n".join(kept) + "\n" + "\n</details>\n" * max(opened, 0) + note
