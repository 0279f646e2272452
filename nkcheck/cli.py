"""The nkcheck command line: extract claims, check sources against each other, write reports.

Exit codes: 0 no conflicts (or --exit-zero), 1 conflicts found, 2 usage or input error.
"""
from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from nkcheck import __version__
from nkcheck.config import FORMATS
from nkcheck.findings import FAIL_ON

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
    help=(
        "Find numeric claims in news articles and flag where sources disagree.\n\n"
        "Examples:\n\n"
        "  nkcheck extract seeds/                 # the claims table\n\n"
        "  nkcheck check seeds/ --format json     # claims, conflicts, agreements as JSON\n\n"
        "  nkcheck report seeds/ -o reports/seeds.md\n\n"
        "  nkcheck check --changed-since origin/main --format github --format markdown -o report.md\n\n"
        "Articles are .txt, .md or .html files (YAML front matter with title, outlet, url, published, lang "
        "is read when present), given as files or folders. Settings: nkcheck.toml or [tool.nkcheck] "
        "in pyproject.toml.\n\n"
        "Exit codes: 0 no conflicts; 1 conflicts found (value, time, scope), which takes precedence "
        "over 2; 2 usage error, or an input file could not be checked (empty of readable text, "
        "binary, a folder, a broken link, no permission, over --max-size: each is named on stderr "
        "and in the report's not-checked list, and the other files are still checked). Files read "
        "with a fallback (Windows-1252, malformed front matter, unknown lang, published not a date) "
        "are checked and only warned about. --exit-zero always returns 0."
    ),
)


class ExtractFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


# The choices come from one place each: the formats from config.FORMATS, the levels from findings.FAIL_ON.
CheckFormat = Enum("CheckFormat", {f.replace("-", "_"): f for f in FORMATS}, type=str)
FailOn = Enum("FailOn", {level: level for level in FAIL_ON}, type=str)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def _err(msg: str) -> None:
    typer.echo(f"nkcheck: {msg}", err=True)


def _write(text: str, output: Optional[Path]) -> None:
    from nkcheck.atomic import atomic_write_text as write_atomic

    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if output.is_dir():
        _err(f"cannot write {output}: is a folder")
        raise typer.Exit(2)
    try:
        write_atomic(output, text)  # an interrupted run leaves the previous file intact
    except OSError as exc:
        _err(f"cannot write {output}: {exc.strerror or exc}")
        raise typer.Exit(2) from None


def _settings():
    from nkcheck.config import ConfigError, load

    try:
        return load()
    except ConfigError as exc:
        _err(str(exc))
        raise typer.Exit(2)


def _cache(settings, no_cache: bool, cache_dir: Optional[Path], use_trained: bool):
    from nkcheck.cache import ClaimCache

    if no_cache or not settings.cache:
        return None
    return ClaimCache(cache_dir or Path(settings.cache_dir), use_trained=use_trained)


@contextmanager
def _progress():
    """A progress bar on standard error when it is a terminal (never in CI logs or pipes)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("articles", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _check_published(published: Optional[str]) -> None:
    import nkcheck.extract  # noqa: F401 - first: normalize.dates and extract import each other
    from nkcheck.normalize.dates import parse_published

    if published is not None and parse_published(published) is None:
        _err(f"--published {published!r} is not a date (use YYYY-MM-DD or YYYY-MM)")
        raise typer.Exit(2)


def _max_bytes(max_size: float) -> Optional[int]:
    if max_size < 0:
        _err("--max-size must be 0 (no limit) or more")
        raise typer.Exit(2)
    return int(max_size * 1_000_000) or None


def _jobs(jobs: int) -> int:
    if jobs < 0:
        _err(f"--jobs {jobs} is not a number of processes (0 = all cores)")
        raise typer.Exit(2)
    return jobs


def _run_extract(paths: List[str], published: Optional[str], no_trained: bool, cache=None, max_size: float = 1.0,
                 jobs: int = 1):
    from nkcheck.extract import extract_documents

    _check_published(published)
    result = extract_documents(paths, published=published, use_trained=not no_trained, cache=cache,
                               max_bytes=_max_bytes(max_size), jobs=_jobs(jobs))
    for p in result.problems:
        _err(f"skipped {p.path}: {p.reason}")
    if not result.documents and result.problems:
        _err("no article could be read")
        raise typer.Exit(2)
    if not result.documents:
        _err("no articles found (.txt, .md, .html) in " + ", ".join(paths))
        raise typer.Exit(2)
    return result


PATHS = typer.Argument(..., help="Article files or folders (.txt, .md, .html).", show_default=False)
PUBLISHED = typer.Option(None, "--published", help="Publication date for articles that do not say (YYYY-MM-DD).")
NO_TRAINED = typer.Option(False, "--no-trained", help="Use spacy.blank even if a trained pipeline is installed.")
OUTPUT = typer.Option(None, "-o", "--output", help="Write to this file instead of standard output.")
MAX_SIZE = typer.Option(1.0, "--max-size", metavar="MB",
                        help="Skip (and report) article files larger than this many megabytes; 0: no limit.")
NO_CACHE = typer.Option(False, "--no-cache", help="Extract every article again; do not read or write the cache.")
CACHE_DIR = typer.Option(None, "--cache-dir", help="Cache folder (default .nkcheck_cache).")
JOBS = typer.Option(1, "--jobs", "-j", help="Extract in this many worker processes (0 = all cores).")
ENGINE = typer.Option(Engine.local, "--engine", help="local, or dask (pip install 'nkcheck[dask]'): extraction "
                      "as Dask partitions, a Parquet claims ledger, comparison grouped by blocking key.")


@app.command()
def extract(
    paths: List[str] = PATHS,
    format: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f", help="table, csv or json."),
    output: Optional[Path] = OUTPUT,
    published: Optional[str] = PUBLISHED,
    no_cache: bool = NO_CACHE,
    max_size: float = MAX_SIZE,
    cache_dir: Optional[Path] = CACHE_DIR,
    no_trained: bool = NO_TRAINED,
    jobs: int = JOBS,
):
    """List the numeric claims found in the articles.

    Each claim has its figure as an interval (low/high, approx), what is counted, the event,
    actor, place, time and cited source."""
    from nkcheck.report import jsonout, table

    cache = _cache(_settings(), no_cache, cache_dir, not no_trained)
    result = _run_extract(paths, published, no_trained, cache, max_size, jobs)
    if format is ExtractFormat.json:
        text = jsonout.dumps(jsonout.result_dict(result.documents, result.claims, [], result.problems))
    elif format is ExtractFormat.csv:
        text = table.to_csv(result.claims)
    else:
        text = table.to_table(result.claims)
    _write(text, output)
    raise typer.Exit(2 if result.problems else 0)


CORPUS = typer.Argument(None, show_default=False,
                        help="Article files or folders (.txt, .md, .html); default: `paths` from the settings, or '.'.")
FAIL_ON_OPT = typer.Option(None, "--fail-on", help="What makes the exit code 1: conflict (value, time), "
                       "scope (also scope; the default), update (also updates), never.")
CHANGED_SINCE = typer.Option(None, "--changed-since", metavar="REF",
                             help="Check the articles changed since REF (git diff REF...HEAD, plus uncommitted "
                                  "and untracked files) against the whole corpus; show only their findings.")
CHANGED = typer.Option(False, "--changed", help="The PATHS given are new or changed articles: check them against "
                       "the corpus (--corpus, or `paths` in the settings) and show only their findings.")
CORPUS_OPT = typer.Option(None, "--corpus", metavar="PATH",
                          help="The corpus (repeatable); default: PATHS, or with --changed `paths` from the settings.")
BASELINE = typer.Option(None, "--baseline", help="Hide the findings listed in this file "
                        "(default: the settings' baseline, or .nkcheck-baseline.json when it exists).")


def _run(paths, settings, published, no_trained, no_cache, cache_dir, changed_since=None, changed=None,
         baseline: Optional[Path] = None, use_baseline: bool = True, max_size: float = 1.0, jobs: int = 1,
         engine: str = "local"):
    """A check run with the settings applied; input and usage errors end with exit code 2.

    ``changed``: explicit new or changed article files, checked against the corpus ``paths``."""
    from nkcheck.baseline import DEFAULT_FILE, BaselineError
    from nkcheck.gitdiff import GitError, changed_files
    from nkcheck.compare.tolerance import from_settings
    from nkcheck.run import run_check

    published = published or settings.published
    _check_published(published)
    use_trained = settings.use_trained and not no_trained
    paths = list(paths or settings.paths)
    files = None
    since = None
    if changed_since is not None or changed:
        files = list(changed or [])
        missing = [f for f in files if not f.is_file()]
        if missing:
            _err("--changed: no such file: " + ", ".join(map(str, missing)))
            raise typer.Exit(2)
        if changed_since is not None:
            try:
                since = changed_files(changed_since)
            except GitError as exc:
                _err(f"--changed-since {changed_since}: {exc}")
                raise typer.Exit(2)
    if use_baseline and baseline is None:
        default = Path(settings.baseline or DEFAULT_FILE)
        baseline = default if default.is_file() else None
    try:
        with _progress() as progress:
            run = run_check(paths, published, use_trained, _cache(settings, no_cache, cache_dir, use_trained),
                            files, since, baseline, progress, max_bytes=_max_bytes(max_size), jobs=_jobs(jobs),
                            engine=engine, tolerances=from_settings(settings.tolerance))
    except BaselineError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    for p in run.problems:
        _err(f"skipped {p.path}: {p.reason}")
    if not run.documents and files is None:
        _err("no article could be read" if run.problems
             else "no articles found (.txt, .md, .html) in " + ", ".join(paths))
        raise typer.Exit(2)
    for s in run.invalid_suppressions:
        _err(f"{s.path}:{s.line}: suppression without reason=\"…\" is not applied")
    for s in run.unused_suppressions:
        _err(f"{s.path}:{s.line}: unused suppression ignore[{','.join(s.rules)}]")
    if run.baseline is not None:
        for e in run.baseline.stale:
            _err(f"stale baseline entry {e['fingerprint']} ({e.get('rule', '')} {e.get('fact', '')}): "
                 "no such finding any more; run `nkcheck baseline` to update")
    return run


def _exit_code(run, fail_on: str) -> int:
    from nkcheck.findings import fails

    if fail_on == "never":
        return 0
    if fails(run.shown, fail_on):
        return 1
    return 2 if run.problems else 0


def _markdown(run) -> str:
    from nkcheck.report import extras, markdown

    documents, claims = run.view()
    return extras.with_sections(markdown.render(documents, claims, run.shown, run.problems, run.facts_in_view(claims)), run)


@app.command()
def check(
    paths: Optional[List[str]] = CORPUS,
    format: Optional[List[CheckFormat]] = typer.Option(
        None, "--format", "-f", help="json (default), markdown, table, github, sarif, pr-comment; repeatable."),
    output: Optional[List[str]] = typer.Option(
        None, "-o", "--output", help="Write a format to a file: -o FILE or -o FORMAT=FILE; repeatable."),
    published: Optional[str] = PUBLISHED,
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Always exit 0 (report only; as --fail-on never)."),
    fail_on: Optional[FailOn] = FAIL_ON_OPT,
    changed_since: Optional[str] = CHANGED_SINCE,
    changed: bool = CHANGED,
    corpus: Optional[List[str]] = CORPUS_OPT,
    baseline: Optional[Path] = BASELINE,
    no_cache: bool = NO_CACHE,
    max_size: float = MAX_SIZE,
    cache_dir: Optional[Path] = CACHE_DIR,
    step_summary: bool = typer.Option(True, "--step-summary/--no-step-summary",
                                      help="Append the markdown report to $GITHUB_STEP_SUMMARY when it is set."),
    no_trained: bool = NO_TRAINED,
    jobs: int = JOBS,
    engine: Engine = ENGINE,
):
    """Compare the claims across sources and report conflicts and agreements.

    Exit code 1 when a finding at the --fail-on level is shown, 2 on input errors, else 0."""
    from nkcheck.outputs import OutputError, bind, render
    from nkcheck.report import github

    settings = _settings()
    try:
        targets = bind([f.value for f in format] if format else list(settings.format), list(output or []))
    except OutputError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    if baseline is not None and not baseline.is_file():
        _err(f"--baseline {baseline}: no such file (create it with `nkcheck baseline`)")
        raise typer.Exit(2)
    if changed and not paths:
        _err("--changed needs the new or changed article files as PATHS")
        raise typer.Exit(2)
    explicit = [Path(p) for p in paths] if changed else None
    corpus = corpus or (None if changed else paths)
    run = _run(corpus, settings, published, no_trained, no_cache, cache_dir, changed_since, explicit, baseline,
               max_size=max_size, jobs=jobs, engine=engine.value)
    md = _markdown(run)
    for fmt, dest in targets:
        _write(render(fmt, run, md), dest)
    if step_summary:
        github.append_step_summary(md)
    level = "never" if exit_zero else (fail_on.value if fail_on else settings.fail_on)
    raise typer.Exit(_exit_code(run, level))


@app.command()
def report(
    paths: Optional[List[str]] = CORPUS,
    output: Optional[Path] = OUTPUT,
    published: Optional[str] = PUBLISHED,
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Always exit 0 (report only)."),
    no_cache: bool = NO_CACHE,
    max_size: float = MAX_SIZE,
    cache_dir: Optional[Path] = CACHE_DIR,
    no_trained: bool = NO_TRAINED,
    jobs: int = JOBS,
):
    """Write the markdown discrepancy report (for review in a pull request)."""
    settings = _settings()
    run = _run(paths, settings, published, no_trained, no_cache, cache_dir, max_size=max_size, jobs=jobs)
    _write(_markdown(run), output)
    if output is not None:
        _err(f"wrote {output}: {len(run.claims)} claims, "
             f"{sum(f.kind in ('value', 'time', 'scope') for f in run.shown)} conflicts")
    raise typer.Exit(_exit_code(run, "never" if exit_zero else settings.fail_on))


@app.command()
def baseline(
    paths: Optional[List[str]] = CORPUS,
    output: Path = typer.Option(None, "-o", "--output", help="Baseline file (default: the settings' baseline, "
                                "or .nkcheck-baseline.json)."),
    published: Optional[str] = PUBLISHED,
    no_cache: bool = NO_CACHE,
    max_size: float = MAX_SIZE,
    cache_dir: Optional[Path] = CACHE_DIR,
    no_trained: bool = NO_TRAINED,
):
    """Accept the current findings: write their fingerprints to a sorted, reviewable baseline file.

    Later checks hide the findings it lists and report entries that no longer match."""
    from nkcheck import baseline as baseline_mod
    from nkcheck.run import baseline_entries

    settings = _settings()
    target = output or Path(settings.baseline or baseline_mod.DEFAULT_FILE)
    run = _run(paths, settings, published, no_trained, no_cache, cache_dir, use_baseline=False, max_size=max_size)
    entries = baseline_entries(run)
    baseline_mod.write(target, entries)
    _err(f"wrote {target}: {len(entries)} findings")
    raise typer.Exit(0)


@app.command()
def clean(cache_dir: Optional[Path] = CACHE_DIR):
    """Remove the cache of extracted claims."""
    from nkcheck.cache import clean as clean_cache

    target = cache_dir or Path(_settings().cache_dir)
    try:
        removed = clean_cache(target)
    except ValueError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    _err(f"removed {target}" if removed else f"no cache at {target}")


@app.command()
def schema():
    """Print the JSON Schema of `nkcheck check --format json`."""
    from importlib.resources import files

    sys.stdout.write(files("nkcheck").joinpath("schema/report.schema.json").read_text(encoding="utf-8"))


@app.command()
def config(show: bool = typer.Option(False, "--show", help="Print the settings in effect and where they come from.")):
    """Settings: [tool.nkcheck] in pyproject.toml or nkcheck.toml (the closest file wins)."""
    settings = _settings()
    if not show:
        _err(f"settings from {settings.source or 'built-in defaults'}; `nkcheck config --show` prints them")
        return
    sys.stdout.write(settings.to_toml())


@app.command()
def rules():
    """List the verdict rules with their codes and documentation."""
    from nkcheck.compare.rules import ALL_RULES

    from nkcheck.compare import tolerance

    for r in ALL_RULES:
        doc = (r.__doc__ or "").strip()
        typer.echo(f"{r.code}  {r.name}\n    " + doc.replace("\n", "\n    ") + "\n")
    typer.echo("Tolerances (settings: [tool.nkcheck.tolerance] in pyproject.toml, or [tolerance] in "
               "nkcheck.toml; the values shown are the defaults)\n    "
               + (tolerance.__doc__ or "").strip().replace("\n", "\n    "))
    for k, v in vars(tolerance.DEFAULT).items():
        typer.echo(f"    {k.replace('_', '-')} = {v}")


@app.command(name="eval")
def eval_(
    gold: Path = typer.Argument(..., help="Gold annotation (YAML: documents, claims, conflicts, agreements, traps)."),
    docs: Path = typer.Argument(..., help="The folder with the gold's articles (or one article of it)."),
    slots: bool = typer.Option(False, "--slots", help="Also print the accuracy of each slot (object, event, "
                               "actor, place, time, as_of, source) over the gold claims found."),
    min_claim_recall: float = typer.Option(0.0, help="Exit 1 when claim recall is lower."),
    min_claim_precision: float = typer.Option(0.0, help="Exit 1 when claim precision is lower."),
    min_value_accuracy: float = typer.Option(0.0, help="Exit 1 when value accuracy is lower."),
    min_conflict_recall: float = typer.Option(0.0, help="Exit 1 when conflict recall is lower."),
    min_pair_precision: float = typer.Option(0.0, help="Exit 1 when the share of right conflict pairs is lower."),
    max_trap_hits: int = typer.Option(-1, help="Exit 1 when more traps are hit (-1: no limit)."),
    max_items_ratio: float = typer.Option(-1.0, help="Exit 1 when the reviewer items exceed this many per gold "
                                          "conflict (-1: no limit)."),
    min_slot: List[str] = typer.Option([], "--min-slot", metavar="SLOT=F",
                                       help="Exit 1 when a slot's accuracy is lower (repeatable): --min-slot object=0.9"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print the summary line (and the slot lines) only."),
    no_trained: bool = NO_TRAINED,
):
    """Score this build against your own annotated story.

    Runs the check on DOCS and prints claim recall and precision, value accuracy, conflict
    recall per kind, the share of right conflict pairs, trap hits and reviewer items (the
    facts a reviewer reads), then the misses. Counted as ../shared/tools/score.py counts.
    With --slots, one line per slot: "slot object 0.93 (120/129)". Examples:

      nkcheck eval stories/flood/gold.yaml stories/flood/

      nkcheck eval stories/flood/gold.yaml stories/flood/ --slots --min-slot place=0.9"""
    from nkcheck.evaluate import GoldError, evaluate, load_gold, render
    from nkcheck.evaluate_slots import SLOTS, evaluate_slots, render_slots
    from nkcheck.report import jsonout
    from nkcheck.run import run_check

    wanted: dict[str, float] = {}
    for item in min_slot:
        name, _, value = item.partition("=")
        try:
            if name not in SLOTS:
                raise ValueError
            wanted[name] = float(value)
        except ValueError:
            _err(f"--min-slot takes SLOT=F with SLOT one of {', '.join(SLOTS)}, not {item!r}")
            raise typer.Exit(2)
    try:
        gold_data = load_gold(gold)
        run = run_check([str(docs)], use_trained=not no_trained)  # what `nkcheck check` finds, no cache
        for p in run.problems:
            _err(f"skipped {p.path}: {p.reason}")
        result = jsonout.result_dict(run.documents, run.claims, run.shown, run.problems, facts=run.facts)
        folder = docs if docs.is_dir() else docs.parent
        ev = evaluate(gold_data, folder, result)
        scores = evaluate_slots(gold_data, folder, result) if (slots or wanted) else None
    except GoldError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    typer.echo(ev.summary() if quiet else render(ev), nl=quiet)
    if scores is not None:
        typer.echo(render_slots(scores, show_misses=not quiet), nl=False)
    ratio = ev.reviewer_items / ev.conflicts_total if ev.conflicts_total else 0.0
    short = [name for name, bad in (
        ("claim recall", ev.claim_recall < min_claim_recall),
        ("claim precision", ev.claim_precision < min_claim_precision),
        ("value accuracy", ev.value_accuracy < min_value_accuracy),
        ("conflict recall", ev.conflict_recall < min_conflict_recall),
        ("pair precision", ev.pair_precision < min_pair_precision),
        ("trap hits", 0 <= max_trap_hits < len(ev.trap_hits)),
        ("reviewer items", 0 <= max_items_ratio < ratio)) if bad]
    short += [f"slot {name}" for name, f in wanted.items() if scores[name].accuracy < f]
    if short:
        _err("below threshold: " + ", ".join(short))
        raise typer.Exit(1)


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
