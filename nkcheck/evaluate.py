"""Score nkcheck's result against a gold annotation (``nkcheck eval GOLD.yaml DOCS``).

The gold format is the one of ``shared/gold/*.yaml``: ``documents`` (key -> file name),
``claims`` (id, doc, quote, text, low, high, approx, ...), ``optional``, ``not_claims``,
``conflicts`` (id, kind, pairs of claim ids), ``agreements`` (claims) and ``traps`` (pair).
A gold claim is located by its quote (which must occur once in the whole file, front matter
included) and the text inside it; a predicted claim matches when the spans overlap.

The measures are those of the project's scorer: claim recall and precision, value accuracy
on the matched claims, conflict recall (a gold conflict counts as found when one of its
pairs is among the claims of a predicted conflict), false conflicts, and trap hits (a
predicted conflict or agreement that pairs claims the gold says must not be paired).
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


class GoldError(ValueError):
    """The gold file cannot be read or does not fit the documents."""


@dataclass
class Evaluation:
    claim_recall: float = 0.0
    claim_precision: float = 0.0
    value_accuracy: float = 0.0
    conflicts_found: int = 0
    conflicts_total: int = 0
    kinds_ok: bool = True
    false_conflicts: list[tuple[str, list[str]]] = field(default_factory=list)
    trap_hits: list[tuple[str, list[str]]] = field(default_factory=list)
    missed_claims: list[str] = field(default_factory=list)
    extra_claims: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)
    per_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (found, total)
    conflict_lines: list[str] = field(default_factory=list)

    @property
    def conflict_recall(self) -> float:
        return self.conflicts_found / self.conflicts_total if self.conflicts_total else 1.0

    def summary(self) -> str:
        return (f"claims R={self.claim_recall:.2f} P={self.claim_precision:.2f} values={self.value_accuracy:.2f} | "
                f"conflicts {self.conflicts_found}/{self.conflicts_total} kinds={'ok' if self.kinds_ok else 'wrong'} "
                f"false={len(self.false_conflicts)} traps={len(self.trap_hits)}")


def _locate(text: str, quote: str, inner: str, what: str) -> tuple[int, int]:
    at = text.find(quote)
    if at < 0 or text.count(quote) != 1:
        raise GoldError(f"gold quote of {what} not found exactly once: {quote!r}")
    off = quote.find(inner)
    if off < 0:
        raise GoldError(f"gold text {inner!r} of {what} is not inside its quote")
    return at + off, at + off + len(inner)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _value_ok(gold: dict, pred: dict) -> bool:
    lo, hi = pred.get("low"), pred.get("high")
    if lo is None and hi is None:
        return False
    lo = lo if lo is not None else 0
    hi = hi if hi is not None else float("inf")
    glo = gold["low"] if gold.get("low") is not None else 0
    ghi = gold["high"] if gold.get("high") is not None else float("inf")
    if gold.get("approx") and (ghi == float("inf") or ghi - glo > 0.5 * max(ghi, 1)):
        return lo <= ghi and glo <= hi  # a vague or open gold figure: the ranges overlap
    tol = 0.01 * max(abs(ghi), 1)
    return abs(lo - glo) <= tol and abs(hi - ghi) <= tol


def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}") from exc
    if not isinstance(gold, dict) or "documents" not in gold or "claims" not in gold:
        raise GoldError(f"{path}: a gold file needs 'documents' and 'claims'")
    return gold


def evaluate(gold: dict[str, Any], docs_dir: Path, result: dict[str, Any]) -> Evaluation:
    """Compare a result (the JSON of ``nkcheck check --format json``) with the gold."""
    names = gold["documents"]
    texts = {}
    for key, name in names.items():
        try:
            texts[key] = (docs_dir / name).read_text(encoding="utf-8")
        except OSError as exc:
            raise GoldError(f"gold document {name} not readable in {docs_dir}: {exc}") from exc
    by_file = {v: k for k, v in names.items()}

    def spans(items: list[dict]) -> dict[str, tuple[str, tuple[int, int]]]:
        return {c.get("id", f"#{i}"): (c["doc"], _locate(texts[c["doc"]], c["quote"], c["text"], c.get("id", f"#{i}")))
                for i, c in enumerate(items)}

    g_claims = {c["id"]: c for c in gold["claims"]}
    g_span = spans(gold["claims"])
    g_opt = spans(gold.get("optional", []) or [])
    doc_key = {d["id"]: by_file[Path(d.get("path") or d["id"]).name] for d in result.get("documents", [])
               if Path(d.get("path") or d["id"]).name in by_file}
    pred = [c for c in result.get("claims", []) if c.get("doc") in doc_key]

    ev = Evaluation()
    p2g: dict[str, set[str]] = {}
    matched = 0
    for c in pred:
        key, sp = doc_key[c["doc"]], (c["start"], c["end"])
        hits = {gid for gid, (dk, gs) in g_span.items() if dk == key and _overlaps(sp, gs)}
        p2g[c["id"]] = hits
        if hits or any(dk == key and _overlaps(sp, gs) for dk, gs in g_opt.values()):
            matched += 1
        else:
            ev.extra_claims.append(f"{names[key]}:{c['start']}-{c['end']} {c.get('text', '')!r}")
    found = {g for hs in p2g.values() for g in hs}
    ev.claim_recall = len(found) / len(g_claims) if g_claims else 1.0
    ev.claim_precision = matched / len(pred) if pred else 0.0
    ev.missed_claims = [f"{gid}: {g_claims[gid]['quote']!r}" for gid in sorted(set(g_claims) - found)]
    good = 0
    for gid in sorted(found):
        cands = [c for c in pred if gid in p2g[c["id"]]]
        if any(_value_ok(g_claims[gid], c) for c in cands):
            good += 1
        else:
            g = g_claims[gid]
            ev.wrong_values.append(f"{gid}: gold {g.get('low')}..{g.get('high')}, got "
                                   + ", ".join(f"{c.get('low')}..{c.get('high')}" for c in cands))
    ev.value_accuracy = good / len(found) if found else 0.0

    gold_pairs: dict[frozenset, list[dict]] = {}
    for k in gold.get("conflicts", []) or []:
        for p in k["pairs"]:
            gold_pairs.setdefault(frozenset(p), []).append(k)
    traps = {frozenset(t["pair"]) for t in gold.get("traps", []) or []}
    agreed = {frozenset(p) for s in gold.get("agreements", []) or [] for p in itertools.combinations(s["claims"], 2)}

    def gold_ids(claim_ids: list[str]) -> tuple[set[str], set[frozenset]]:
        gids = set().union(*(p2g.get(cid, set()) for cid in claim_ids)) if claim_ids else set()
        return gids, {frozenset(p) for p in itertools.combinations(sorted(gids), 2)}

    kinds_found: dict[str, set[str]] = {}
    for conf in result.get("conflicts", []):
        gids, pairs = gold_ids(conf.get("claims", []))
        hit = [k for p in pairs for k in gold_pairs.get(p, [])]
        for k in hit:
            kinds_found.setdefault(k["id"], set()).add(conf.get("kind"))
        if not hit and pairs & (traps | agreed):
            ev.trap_hits.append((conf.get("kind", "?"), sorted(gids)))
        elif not hit:
            ev.false_conflicts.append((conf.get("kind", "?"), sorted(gids) or conf.get("claims", [])))
    for agr in result.get("agreements", []):
        gids, pairs = gold_ids(agr.get("claims", []))  # a sum's parts are its own pairing, as in score.py
        if pairs & traps:
            ev.trap_hits.append(("agreement", sorted(gids)))

    conflicts = gold.get("conflicts", []) or []
    ev.conflicts_total = len(conflicts)
    ev.conflicts_found = len(kinds_found)
    for k in conflicts:
        f, t = ev.per_kind.get(k["kind"], (0, 0))
        hit = k["id"] in kinds_found
        ev.per_kind[k["kind"]] = (f + hit, t + 1)
        if hit and k["kind"] not in kinds_found[k["id"]]:
            ev.kinds_ok = False
        state = ("found as " + ",".join(sorted(map(str, kinds_found[k["id"]])))) if hit else "MISSED"
        ev.conflict_lines.append(f"{k['id']} ({k['kind']}): {state}")
    return ev


def render(ev: Evaluation, show_misses: bool = True, limit: int = 20) -> str:
    """A plain-text account: per-kind conflict recall, then what was missed or wrong."""
    out = [ev.summary(), "", "conflict recall by kind:"]
    for kind in sorted(ev.per_kind):
        f, t = ev.per_kind[kind]
        out.append(f"  {kind:<10} {f}/{t}")
    if show_misses:
        sections = [("missed claims", ev.missed_claims), ("wrong values", ev.wrong_values),
                    ("extra claims", ev.extra_claims), ("gold conflicts", ev.conflict_lines),
                    ("false conflicts", [f"{k}: {', '.join(ids)}" for k, ids in ev.false_conflicts]),
                    ("trap hits", [f"{k}: {', '.join(ids)}" for k, ids in ev.trap_hits])]
        for title, lines in sections:
            if not lines:
                continue
            out.append(f"{title} ({len(lines)}):")
            out += [f"  {line}" for line in lines[:limit]]
            if len(lines) > limit:
                out.append(f"  … and {len(lines) - limit} more")
    return "\n".join(out) + "\n"
