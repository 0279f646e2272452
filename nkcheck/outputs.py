"""Which format goes where: ``--format`` (repeatable) and ``-o`` (repeatable).

``-o FORMAT=FILE`` names its format; a plain ``-o FILE`` goes to the only format requested, or
to the one format its suffix means (``.md`` markdown, ``.json`` json, ``.sarif`` sarif,
``.txt`` table). Formats without a file go to standard output. The machine formats (json,
sarif) print only their payload, so they need standard output to themselves; logs and
progress always go to standard error.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from nkcheck.config import FORMATS

MACHINE = ("json", "sarif")
SUFFIX_FORMAT = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".sarif": "sarif", ".txt": "table"}


class OutputError(Exception):
    """The formats and files given do not fit together; the message says how to fix it."""


def bind(formats: list[str], outputs: list[str]) -> list[tuple[str, Optional[Path]]]:
    """Pair each requested format with its file (None: standard output)."""
    formats = list(dict.fromkeys(formats))
    dest: dict[str, Optional[Path]] = {}
    plain: list[str] = []
    for o in outputs:
        fmt, sep, rest = o.partition("=")
        if sep and fmt in FORMATS and rest:
            if fmt not in formats:
                formats.append(fmt)
            dest[fmt] = Path(rest)
        else:
            plain.append(o)
    for o in plain:
        free = [f for f in formats if f not in dest]
        if len(free) == 1:
            dest[free[0]] = Path(o)
            continue
        by_suffix = [f for f in free if SUFFIX_FORMAT.get(Path(o).suffix.lower()) == f]
        if len(by_suffix) != 1:
            raise OutputError(f"-o {o}: cannot tell which of {', '.join(free) or 'the formats'} it is for; "
                              "write -o FORMAT=FILE")
        dest[by_suffix[0]] = Path(o)
    stdout = [f for f in formats if f not in dest]
    if len(stdout) > 1 and set(stdout) & set(MACHINE):
        raise OutputError(f"{' and '.join(stdout)} cannot share standard output ({'/'.join(MACHINE)} print "
                          "only their payload); send one to a file with -o FORMAT=FILE")
    return [(f, dest.get(f)) for f in formats]


def render(fmt: str, run, markdown_text: str) -> str:
    """The text of one format for a check run (``markdown_text``: the markdown report)."""
    from nkcheck.report import github, jsonout, sarif, table

    documents, claims = run.view()
    if fmt == "json":
        return jsonout.dumps(jsonout.result_dict(documents, claims, run.shown, run.problems, run.extra_json(),
                                                 run.fingerprints, run.facts_in_view(claims)))
    if fmt == "markdown":
        return markdown_text
    if fmt == "pr-comment":
        return github.pr_comment(markdown_text)
    if fmt == "github":
        return github.annotations(documents, claims, run.shown)
    if fmt == "sarif":
        return sarif.render(documents, claims, run.shown, run.fingerprints)
    return table.to_table(claims)
