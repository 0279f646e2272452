"""The article files a branch changed: what ``--changed-since REF`` checks.

The files come from ``git diff --name-only REF...HEAD`` (three dots: what the branch did since
it left REF, not what REF did since), plus changes not yet committed and files git does not
track yet (and does not ignore). Deleted files are left out.
"""
from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git is missing, this is no repository, or the ref is unknown; the message says which."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if proc.returncode != 0:
        raise GitError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"git {args[0]} failed")
    return proc.stdout


def changed_files(ref: str, cwd: Path | None = None) -> list[Path]:
    """Files (absolute paths, sorted) added or changed on this branch since ``ref``; the caller
    keeps those that are articles of its corpus."""
    cwd = cwd or Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    names: set[str] = set()
    for args in (["diff", "--name-only", "--diff-filter=d", "-z", f"{ref}...HEAD", "--"],
                 ["diff", "--name-only", "--diff-filter=d", "-z", "HEAD", "--"],
                 ["ls-files", "--others", "--exclude-standard", "-z"]):
        names.update(n for n in _git(args, top).split("\0") if n)
    return sorted(top / n for n in names if (top / n).is_file())
