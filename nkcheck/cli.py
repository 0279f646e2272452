"""The nkcheck command line: extract claims, check sources against each other, write reports.

Exit codes: 0 no conflicts (or --exit-zero), 1 conflicts found, 2 usage or input error.
"""
from __future__ import annotations

import logging
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from nkcheck import __version__

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
    help=(
        "Find numeric claims in news articles and flag where sources disagree.\n\n"
        "Examples:\n\n"
        "  nkcheck extract seeds/                 # the claims table\n\n"
        "  nkcheck check seeds/ --format json     # claims, conflicts, agreements as JSON\n\n"
        "  nkcheck report seeds/ -o reports/seeds.md\n\n"
        "Articles are .txt or .md files (YAML front matter with title, outlet, url, published, lang "
        "is read when present), given as files or folders."
    ),
)


class ExtractFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class CheckFormat(str, Enum):
    json = "json"
    markdown = "markdown"
    table = "table"


def _err(msg: str) -> None:
    typer.echo(f"nkcheck: {msg}", err=True)


def _write(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)  # atomic: an interrupted run leaves the previous file intact


def _check_options(published: Optional[str], jobs: int) -> None:
    from nkcheck.normalize.dates import parse_published

    if published is not None and parse_published(published) is None:
        _err(f"--published {published!r} is not a date (use YYYY-MM-DD or YYYY-MM)")
        raise typer.Exit(2)
    if jobs < 0:
        _err(f"--jobs {jobs} is not a number of processes (0 = all cores)")
        raise typer.Exit(2)


def _checked(result, paths: List[str]):
    """Report the files that were skipped; exit 2 when no article could be read."""
    for p in result.problems:
        _err(f"skipped {p.path}: {p.reason}")
    if not result.documents and result.problems:
        _err("no article could be read")
        raise typer.Exit(2)
    if not result.documents:
        _err("no articles found (.txt, .md) in " + ", ".join(paths))
        raise typer.Exit(2)
    return result


def _run_extract(paths: List[str], published: Optional[str], no_trained: bool, jobs: int = 1):
    from nkcheck.extract import extract_documents

    _check_options(published, jobs)
    return _checked(extract_documents(paths, published=published, use_trained=not no_trained, jobs=jobs), paths)


PATHS = typer.Argument(..., help="Article files or folders (.txt, .md).", show_default=False)
PUBLISHED = typer.Option(None, "--published", help="Publication date for articles that do not say (YYYY-MM-DD).")
NO_TRAINED = typer.Option(False, "--no-trained", help="Use spacy.blank even if a trained pipeline is installed.")
OUTPUT = typer.Option(None, "-o", "--output", help="Write to this file instead of standard output.")
JOBS = typer.Option(1, "--jobs", "-j", help="Extract in this many worker processes (0 = all cores).")
ENGINE = typer.Option(Engine.local, "--engine", help="local, or dask (pip install 'nkcheck[dask]'): extraction "
                      "as Dask partitions, a Parquet claims ledger, comparison grouped by blocking key.")


@app.command()
def extract(
    paths: List[str] = PATHS,
    format: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f", help="table, csv or json."),
    output: Optional[Path] = OUTPUT,
    published: Optional[str] = PUBLISHED,
    no_trained: bool = NO_TRAINED,
    jobs: int = JOBS,
):
    """List the numeric claims found in the articles.

    Each claim has its figure as an interval (low/high, approx), what is counted, the event,
    actor, place, time and cited source."""
    from nkcheck.report import jsonout, table

    result = _run_extract(paths, published, no_trained, jobs)
    if format is ExtractFormat.json:
        text = jsonout.dumps(jsonout.result_dict(result.documents, result.claims, [], result.problems))
    elif format is ExtractFormat.csv:
        text = table.to_csv(result.claims)
    else:
        text = table.to_table(result.claims)
    _write(text, output)
    raise typer.Exit(2 if result.problems else 0)


def _check(paths, published, no_trained, jobs=1, engine=Engine.local):
    from nkcheck.compare import compare

    if engine is Engine.dask:
        try:
            from nkcheck import distributed
        except ImportError as exc:
            _err(f"--engine dask needs Dask: pip install 'nkcheck[dask]' ({exc})")
            raise typer.Exit(2)
        _check_options(published, jobs)
        result, findings = distributed.check(paths, published=published, use_trained=not no_trained)
        return _checked(result, paths), findings
    result = _run_extract(paths, published, no_trained, jobs)
    findings = compare(result.claims, {d.id: d.published_iso() for d in result.documents})
    return result, findings


def _exit_code(findings, problems, exit_zero: bool) -> int:
    if exit_zero:
        return 0
    if any(f.kind in ("value", "time", "scope") for f in findings):
        return 1
    return 2 if problems else 0


@app.command()
def check(
    paths: List[str] = PATHS,
    format: CheckFormat = typer.Option(CheckFormat.json, "--format", "-f", help="json, markdown or table."),
    output: Optional[Path] = OUTPUT,
    published: Optional[str] = PUBLISHED,
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Always exit 0 (report only)."),
    no_trained: bool = NO_TRAINED,
    jobs: int = JOBS,
    engine: Engine = ENGINE,
):
    """Compare the claims across sources and report conflicts and agreements.

    Exit code 1 when a conflict (value, time or scope) is found, 2 on input errors, else 0."""
    from nkcheck.report import jsonout, markdown, table

    result, findings = _check(paths, published, no_trained, jobs, engine)
    if format is CheckFormat.json:
        text = jsonout.dumps(jsonout.result_dict(result.documents, result.claims, findings, result.problems))
    elif format is CheckFormat.markdown:
        text = markdown.render(result.documents, result.claims, findings, result.problems)
    else:
        text = table.to_table(result.claims)
    _write(text, output)
    raise typer.Exit(_exit_code(findings, result.problems, exit_zero))


@app.command()
def report(
    paths: List[str] = PATHS,
    output: Optional[Path] = OUTPUT,
    published: Optional[str] = PUBLISHED,
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Always exit 0 (report only)."),
    no_trained: bool = NO_TRAINED,
    jobs: int = JOBS,
):
    """Write the markdown discrepancy report (for review in a pull request)."""
    from nkcheck.report import markdown

    result, findings = _check(paths, published, no_trained, jobs)
    _write(markdown.render(result.documents, result.claims, findings, result.problems), output)
    if output is not None:
        _err(f"wrote {output}: {len(result.claims)} claims, "
             f"{sum(f.kind in ('value', 'time', 'scope') for f in findings)} conflicts")
    raise typer.Exit(_exit_code(findings, result.problems, exit_zero))


@app.command()
def rules():
    """List the verdict rules with their codes and documentation."""
    from nkcheck.compare.rules import ALL_RULES

    for r in ALL_RULES:
        doc = (r.__doc__ or "").strip()
        typer.echo(f"{r.code}  {r.name}\n    " + doc.replace("\n", "\n    ") + "\n")


def _version(value: bool):
    if value:
        typer.echo(f"nkcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what nkcheck does to stderr."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
):
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="nkcheck: %(message)s")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
