"""nkcheck on Dask: extraction in partitions, a Parquet claims ledger, comparison by blocking key.

Needs the extra: ``pip install 'nkcheck[dask]'``. Used by ``nkcheck check --engine dask`` and
from Python::

    from nkcheck import distributed
    result, findings = distributed.check(["articles/"], ledger="claims.parquet")
    result, findings = distributed.check(["articles.jsonl"])      # or a .parquet list

Sources are article files or folders (as for the default engine) or article lists: a ``.jsonl``
file or a ``.parquet`` file with one article per record — ``text`` and optionally ``id``,
``path``, ``title``, ``outlet``, ``url``, ``published``, ``lang``. Extraction runs as Dask
partitions; each partition reads its articles and extracts their claims (every worker builds
its spaCy pipelines once). The claims are written as the ledger (Parquet, one row per claim,
the JSON contract's fields plus ``seq`` and ``doc_published``). The comparison reads the
ledger, shuffles it by blocking key and compares each block in its partition with the default
engine's ``compare_block``, so the findings are the same as ``nkcheck check``'s.

Dask's current scheduler is used: a ``dask.distributed`` Client if one is active (a
LocalCluster or a real cluster), else the ``scheduler`` argument ("processes", "threads",
"synchronous"; default "processes").
"""
from __future__ import annotations

import json
import math
import multiprocessing
import tempfile
from pathlib import Path
from typing import Iterable, Optional

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from nkcheck.extract import ExtractResult, _extract_one  # first: nkcheck.articles imports it
from nkcheck.articles import ArticleError, InputProblem, article_from_text, discover, load_manifest, read_article
from nkcheck.compare import corpus
from nkcheck.compare.engine import Comparison, block_key, compare_block, finish
from nkcheck.compare.facts import Group
from nkcheck.compare.rules import Context
from nkcheck.model import Claim, Document, Finding

LIST_SUFFIXES = (".jsonl", ".parquet")
FIELDS = Claim.JSON_FIELDS + Claim.EXTRA_FIELDS
WHOLE = ("low", "high")
INTS = ("start", "end", "line", "seq", "pos")


def _items(sources: Iterable[str]) -> tuple[list[tuple], list[InputProblem]]:
    """What to extract, in output order: ("file", path, root) or ("record", dict)."""
    items: list[tuple] = []
    files: list[str] = []
    problems: list[InputProblem] = []
    for src in sources:
        p = Path(src)
        if p.suffix.lower() in LIST_SUFFIXES and p.is_file():
            rows = (pd.read_parquet(p).to_dict("records") if p.suffix.lower() == ".parquet"
                    else [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()])
            for i, row in enumerate(rows):
                items.append(("record", {k: _plain(v) for k, v in row.items()}, f"{p}#{i + 1}"))
        else:
            files.append(src)
    found, problems = discover(files)
    items += [("file", str(f), str(root)) for f, root in found]
    return items, problems


def _read(item: tuple, published: Optional[str], manifests: dict) -> Document:
    if item[0] == "record":
        rec, where = item[1], item[2]
        if not isinstance(rec.get("text"), str):
            raise ArticleError("record has no text")
        return article_from_text(rec["text"], str(rec.get("id") or where), str(rec.get("path") or where),
                                 published, rec)
    path, root = Path(item[1]), Path(item[2])
    if path.parent not in manifests:
        manifests[path.parent] = load_manifest(path.parent)
    return read_article(path, root, published, manifests[path.parent])


def ledger_rows(claims: list[Claim], seq: int, published: Optional[str]) -> list[dict]:
    """One article's claims as rows of the ledger (``settled`` kept as text)."""
    return [dict(c.to_json(), seq=seq, pos=i, doc_published=published, settled=",".join(c.settled))
            for i, c in enumerate(claims)]


def _extract_partition(items: list[tuple], published: Optional[str], use_trained: bool, ledger: str) -> list[dict]:
    """Read and extract one partition; write its claims as one file of the ledger and return
    per article its document or the problem reading it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out, rows, manifests = [], [], {}
    for seq, item in items:
        try:
            doc = _read(item, published, manifests)
        except ArticleError as exc:
            out.append({"seq": seq, "problem": (item[1] if item[0] == "file" else item[2], str(exc))})
            continue
        problem = None
        if doc.lang not in ("de", "en"):
            problem = (doc.path, f"unsupported language {doc.lang!r}; checked as German")
            doc.lang = "de"
        doc, claims, error = _extract_one(doc, use_trained)
        if error is not None:
            out.append({"seq": seq, "problem": (doc.path, error), "lang_problem": problem})
            continue
        rows += ledger_rows(claims, seq, doc.published_iso())
        out.append({"seq": seq, "doc": doc, "lang_problem": problem})
    if items:
        table = pa.Table.from_pandas(_frame(rows), schema=_schema(), preserve_index=False)
        pq.write_table(table, str(Path(ledger) / f"part.{items[0][0]:09d}.parquet"))
    return out


def _ledger_meta() -> pd.DataFrame:
    cols: dict = {f: pd.Series(dtype="object") for f in FIELDS}
    cols.update({f: pd.Series(dtype="float64") for f in WHOLE})
    cols.update({f: pd.Series(dtype="int64") for f in INTS if f in FIELDS or f in ("seq", "pos")})
    cols["ordinal"] = pd.Series(dtype="float64")
    cols.update({f: pd.Series(dtype="bool") for f in ("approx", "aggregate", "increment")})
    cols["doc_published"] = pd.Series(dtype="object")
    return pd.DataFrame(cols)[list(FIELDS) + ["seq", "pos", "doc_published"]]


def _schema():
    import pyarrow as pa

    meta = _ledger_meta()
    types = {"float64": pa.float64(), "int64": pa.int64(), "bool": pa.bool_()}
    return pa.schema([(c, types.get(str(meta[c].dtype), pa.string())) for c in meta.columns])


def _frame(rows: list[dict]) -> pd.DataFrame:
    meta = _ledger_meta()
    if not rows:
        return meta
    df = pd.DataFrame(rows, columns=list(meta.columns))
    return df.astype({c: meta[c].dtype for c in meta.columns if c not in WHOLE})


def _plain(v):
    """A ledger value back as the JSON contract has it (None, whole numbers as int)."""
    if v is None or v is pd.NA:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):  # numpy scalar
        v = v.item()
    return v


def claims_from_frame(df: pd.DataFrame) -> list[Claim]:
    """The claims of ledger rows, with the values the JSON contract has."""
    columns = []
    for k in FIELDS:
        values = [_plain(v) for v in df[k].tolist()]
        if k in WHOLE:
            values = [int(v) if isinstance(v, float) and v.is_integer() else v for v in values]
        columns.append(values)
    out = []
    for row in zip(*columns):
        d = dict(zip(FIELDS, row))
        d["settled"] = [x for x in (d.get("settled") or "").split(",") if x]  # a list, kept as text in the ledger
        if d.get("ordinal") is not None:
            d["ordinal"] = int(d["ordinal"])
        out.append(Claim(**d))
    return out


def _compare_partition(df: pd.DataFrame) -> pd.DataFrame:
    """Compare the blocks in one partition of the shuffled ledger."""
    published = dict(zip(df["doc"], df["doc_published"].map(_plain))) if len(df) else {}
    claims = claims_from_frame(df.sort_values("block_seq", kind="stable")) if len(df) else []
    corpus.restore(claims, _CONTEXT.get("dated", {}))
    blocks: dict[str, list[Claim]] = {}
    for c in claims:
        blocks.setdefault(_block_name(c), []).append(c)
    found = []
    for k in sorted(blocks):
        findings, groups = compare_block(blocks[k], published, ctx=_CONTEXT.get("ctx"))
        found += [json.dumps({"finding": f.to_json()}) for f in findings]
        found += [json.dumps({"group": {"key": g.key, "claims": [c.id for c in g.claims]}}) for g in groups]
    return pd.DataFrame({"finding": pd.Series(found, dtype="object")})


_CONTEXT: dict = {}


def _block_name(c: Claim) -> str:
    return json.dumps(block_key(c))


def _with_block(df: pd.DataFrame) -> pd.DataFrame:
    df = df[df["object"].notna() & df["event"].notna()].copy()
    df["block"] = [_block_name(c) for c in claims_from_frame(df)] if len(df) else pd.Series(dtype="object")
    df["block"] = df["block"].astype("object")
    return df


def compare_ledger(ledger: str, npartitions: Optional[int] = None, claims: Optional[list[Claim]] = None) -> Comparison:
    """The findings and facts for a claims ledger, compared block by block after a shuffle by key."""
    ddf = dd.read_parquet(ledger)
    ddf = ddf.assign(block_seq=ddf["seq"] * 1_000_000 + ddf["pos"])  # claim order within a block
    meta = _with_block(_frame([]).assign(block_seq=pd.Series(dtype="int64")))
    keyed = ddf.map_partitions(_with_block, meta=meta)
    shuffled = keyed.shuffle("block", npartitions=npartitions or ddf.npartitions)
    out = shuffled.map_partitions(_compare_partition, meta=pd.DataFrame({"finding": pd.Series(dtype="object")}))
    findings, groups = [], []
    by_id = {c.id: c for c in claims or claims_from_frame(ddf.compute())}
    for text in out["finding"].compute():
        d = json.loads(text)
        if "finding" in d:
            findings.append(Finding(**d["finding"]))
        else:
            g = d["group"]
            groups.append(Group(g["key"], [by_id[cid] for cid in g["claims"]]))
    return finish(findings, groups)


def check(sources: Iterable[str], published: Optional[str] = None, use_trained: bool = True,
          ledger: Optional[str] = None, npartitions: Optional[int] = None,
          scheduler: Optional[str] = None, tolerances=None) -> tuple[ExtractResult, Comparison]:
    """Extract and compare on Dask; returns what ``extract_documents`` and ``compare`` would.

    ``ledger`` is the folder the claims are written to as Parquet (a temporary one when not
    given); ``npartitions`` defaults to about 50 articles a partition."""
    sources = list(sources)
    items, problems = _items(sources)
    result = ExtractResult(problems=list(problems))
    config = {"scheduler": scheduler or dask.config.get("scheduler", None) or "processes"}
    if "fork" in multiprocessing.get_all_start_methods():
        config["multiprocessing.context"] = "fork"  # workers start with nkcheck already imported
    with tempfile.TemporaryDirectory(prefix="nkcheck-ledger-") as tmp, dask.config.set(config):
        ledger = ledger or str(Path(tmp) / "claims.parquet")
        if not items:
            return result, Comparison()
        Path(ledger).mkdir(parents=True, exist_ok=True)
        for old in Path(ledger).glob("part.*.parquet"):
            old.unlink()  # a ledger is rewritten whole
        n = npartitions or max(1, math.ceil(len(items) / 50))
        outcomes = db.from_sequence(list(enumerate(items)), npartitions=n).map_partitions(
            _extract_partition, published, use_trained, ledger).compute()
        for o in sorted(outcomes, key=lambda o: o["seq"]):
            if o.get("lang_problem"):
                result.problems.append(InputProblem(*o["lang_problem"]))
            if "problem" in o:
                result.problems.append(InputProblem(*o["problem"]))
            else:
                result.documents.append(o["doc"])
        claims = dd.read_parquet(ledger).compute().sort_values(["seq", "pos"], kind="stable")
        result.claims = claims_from_frame(claims)
        # disasters' days and undated articles' dates, over the whole corpus, before the shuffle
        _CONTEXT["dated"] = corpus.prepare(result.documents, result.claims)
        outlets = {d.id: d.outlet for d in result.documents if d.outlet}
        from nkcheck.compare.tolerance import DEFAULT
        _CONTEXT["ctx"] = Context(tolerances or DEFAULT, outlets)  # forked workers see it
        comparison = compare_ledger(ledger, npartitions, result.claims)
    return result, comparison
