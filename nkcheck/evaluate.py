"""Score nkcheck's result against a gold annotation (``nkcheck eval GOLD.yaml DOCS``).

The gold format is the one of ``shared/gold/*.yaml``: ``documents`` (key -> file name),
``claims`` (id, doc, quote, text, low, high, approx, slots ...; ``also``: other surface forms),
``optional``, ``not_claims``, ``conflicts`` (id, kind, pairs of claim ids), ``agreements``
(claims) and ``traps`` (pair). A gold claim is located by its quote (which must occur once in
the whole file, front matter included) and the text inside it; a predicted claim matches when
the spans overlap.

The measures are those of the project's scorer (``shared/tools/score.py``), counted the same way:
- claims: recall, precision (a predicted claim over a gold claim, an optional one, or a repeat
  of a gold claim elsewhere in its document — a headline and its body — is right), and value
  accuracy on the matched gold claims;
- conflicts, per claim pair: a finding asserts its ``pairs`` (else every pair of its claims); a
  pair is right when it is a gold conflict pair or an *echo* of one (one side replaced by a claim
  that agrees with it: same gold agreement group, same object, same figure); a pair on a trap or
  an agreement is a trap hit; any other pair is false. A gold conflict is found when one of its
  pairs (or echoes) is hit;
- reviewer items: the facts whose verdict is a conflict kind (or the conflict findings of a
  result without ``facts``), against the number of gold conflicts.
A result that checked only some of the gold's documents (one story of a folder) is scored on the
gold of those documents.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONFLICT_KINDS = {"value", "time", "scope", "update", "place"}


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
    right_pairs: int = 0
    false_conflicts: list[tuple[str, list[str]]] = field(default_factory=list)
    trap_hits: list[tuple[str, list[str]]] = field(default_factory=list)
    reviewer_items: int = 0
    missed_claims: list[str] = field(default_factory=list)
    extra_claims: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)
    per_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (found, total)
    conflict_lines: list[str] = field(default_factory=list)

    @property
    def conflict_recall(self) -> float:
        return self.conflicts_found / self.conflicts_total if self.conflicts_total else 1.0

    @property
    def pair_precision(self) -> float:
        judged = self.right_pairs + len(self.false_conflicts) + len(self.trap_hits)
        return self.right_pairs / judged if judged else 1.0

    def summary(self) -> str:
        return (f"claims R={self.claim_recall:.2f} P={self.claim_precision:.2f} values={self.value_accuracy:.2f} | "
                f"conflicts {self.conflicts_found}/{self.conflicts_total} kinds={'ok' if self.kinds_ok else 'wrong'} "
                f"P={self.pair_precision:.2f} false={len(self.false_conflicts)} traps={len(self.trap_hits)} "
                f"items={self.reviewer_items}")


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


def _same_figure(g: dict, h: dict) -> bool:
    def close(x, y):
        return (x is None and y is None) or (
            x is not None and y is not None and abs(x - y) <= 0.01 * max(abs(x), abs(y), 1))
    return close(g.get("low"), h.get("low")) and close(g.get("high"), h.get("high"))


def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}") from exc
    if not isinstance(gold, dict) or "documents" not in gold or "claims" not in gold:
        raise GoldError(f"{path}: a gold file needs 'documents' and 'claims'")
    return gold


@dataclass
class Alignment:
    """Gold claims located in their documents, and each predicted claim's gold claims."""

    gold: dict[str, Any]
    g_claims: dict[str, dict]
    pred: list[dict]
    p2g: dict[str, set[str]]
    found: set[str]
    optional_ids: set[str]
    n_right: int
    extra: list[str]


def align(gold: dict[str, Any], docs_dir: Path, result: dict[str, Any]) -> Alignment:
    """Locate the gold claims and match the predicted claims to them (by overlapping spans, or
    as a repeat of a gold claim's text that names one gold claim of its document)."""
    names = gold["documents"]
    texts = {}
    for key, name in names.items():
        try:
            texts[key] = (docs_dir / name).read_text(encoding="utf-8")
        except OSError as exc:
            raise GoldError(f"gold document {name} not readable in {docs_dir}: {exc}") from exc
    by_file = {v: k for k, v in names.items()}

    def spans(items: list[dict]) -> dict[str, tuple[str, tuple[int, int]]]:
        out = {}
        for i, c in enumerate(items):
            cid = c.get("id", f"#{i}")
            if c.get("doc") not in texts:
                raise GoldError(f"gold claim {cid} names an unknown document {c.get('doc')!r}")
            out[cid] = (c["doc"], _locate(texts[c["doc"]], c["quote"], str(c["text"]), cid))
        return out

    gold = dict(gold)
    g_span = spans(gold["claims"])
    g_opt = spans(gold.get("optional") or [])
    g_not = spans(gold.get("not_claims") or [])
    count: dict[tuple[str, str], int] = {}
    for lst in (gold["claims"], gold.get("optional") or [], gold.get("not_claims") or []):
        for c in lst:
            for t in [c["text"]] + list(c.get("also") or []):
                key = (c["doc"], str(t).strip())
                count[key] = count.get(key, 0) + 1
    repeat_of = {}
    for c in gold["claims"]:
        for t in [c["text"]] + list(c.get("also") or []):
            key = (c["doc"], str(t).strip())
            if count[key] == 1:
                repeat_of[key] = c["id"]

    doc_key = {}
    for d in result.get("documents", []):
        name = Path(d.get("path") or d["id"]).name
        if name in by_file:
            doc_key[d["id"]] = by_file[name]
    checked = set(doc_key.values())
    if checked and checked != set(names):  # one story of a folder: score on its documents' gold
        def keep(cid):
            return cid in g_ids and g_ids[cid]["doc"] in checked
        g_ids = {c["id"]: c for c in gold["claims"]}
        gold["claims"] = [c for c in gold["claims"] if c["doc"] in checked]
        gold["conflicts"] = [dict(k, pairs=[p for p in k["pairs"] if all(map(keep, p))])
                             for k in gold.get("conflicts") or []]
        gold["conflicts"] = [k for k in gold["conflicts"] if k["pairs"]]
        gold["agreements"] = [dict(s, claims=[m for m in s["claims"] if keep(m)]) for s in gold.get("agreements") or []]
        gold["traps"] = [t for t in gold.get("traps") or [] if all(map(keep, t["pair"]))]
        g_span = {k: v for k, v in g_span.items() if v[0] in checked}
    g_claims = {c["id"]: c for c in gold["claims"]}

    pred = [c for c in result.get("claims", []) if c.get("doc") in doc_key]
    p2g: dict[str, set[str]] = {}
    optional_ids: set[str] = set()
    found: set[str] = set()
    n_right, extra = 0, []
    for c in pred:
        key, sp = doc_key[c["doc"]], (c["start"], c["end"])
        hits = {gid for gid, (dk, gs) in g_span.items() if dk == key and _overlaps(sp, gs)}
        found |= hits
        near_other = any(dk == key and _overlaps(sp, gs) for dk, gs in list(g_opt.values()) + list(g_not.values()))
        if not hits and not near_other:
            rep = repeat_of.get((key, str(c.get("text", "")).strip()))
            if rep and rep in g_claims:
                hits = {rep}
        p2g[c["id"]] = hits
        if hits:
            n_right += 1
        elif any(dk == key and _overlaps(sp, gs) for dk, gs in g_opt.values()):
            n_right += 1
            optional_ids.add(c["id"])
        else:
            bad = any(dk == key and _overlaps(sp, gs) for dk, gs in g_not.values())
            extra.append(f"{names[key]}:{c['start']}-{c['end']} {c.get('text', '')!r}"
                         + (" (not a claim)" if bad else ""))
    return Alignment(gold, g_claims, pred, p2g, found, optional_ids, n_right, extra)


def evaluate(gold: dict[str, Any], docs_dir: Path, result: dict[str, Any]) -> Evaluation:
    """Compare a result (the JSON of ``nkcheck check --format json``) with the gold."""
    al = align(gold, docs_dir, result)
    gold, g_claims, p2g = al.gold, al.g_claims, al.p2g
    ev = Evaluation()
    ev.claim_recall = len(al.found) / len(g_claims) if g_claims else 1.0
    ev.claim_precision = al.n_right / len(al.pred) if al.pred else 0.0
    ev.missed_claims = [f"{gid}: {g_claims[gid]['quote']!r}" for gid in sorted(set(g_claims) - al.found)]
    ev.extra_claims = al.extra
    good = 0
    for gid in sorted(al.found):
        cands = [c for c in al.pred if gid in p2g[c["id"]]]
        if any(_value_ok(g_claims[gid], c) for c in cands):
            good += 1
        else:
            g = g_claims[gid]
            ev.wrong_values.append(f"{gid}: gold {g.get('low')}..{g.get('high')}, got "
                                   + ", ".join(f"{c.get('low')}..{c.get('high')}" for c in cands))
    ev.value_accuracy = good / len(al.found) if al.found else 0.0

    agrees_with: dict[str, set[str]] = {}
    agree_pairs: set[frozenset] = set()
    for s in gold.get("agreements") or []:
        members = [m for m in s["claims"] if m in g_claims]
        agree_pairs |= {frozenset(p) for p in itertools.combinations(members, 2)}
        for x, y in itertools.permutations(members, 2):
            gx, gy = g_claims[x], g_claims[y]
            if gx.get("object") == gy.get("object") and _same_figure(gx, gy):
                agrees_with.setdefault(x, set()).add(y)
    gold_pairs: dict[frozenset, list[dict]] = {}
    for k in gold.get("conflicts") or []:
        for x, y in k["pairs"]:
            for xx in {x} | agrees_with.get(x, set()):
                for yy in {y} | agrees_with.get(y, set()):
                    if xx != yy:
                        gold_pairs.setdefault(frozenset((xx, yy)), []).append(k)
    traps = {frozenset(t["pair"]) for t in gold.get("traps") or []}

    kinds_found: dict[str, set[str]] = {}
    for conf in result.get("conflicts", []):
        ids = [i for i in conf.get("claims", []) if i not in al.optional_ids]
        for pair in conf.get("pairs") or list(itertools.combinations(ids, 2)):
            x, y = pair[0], pair[1]  # [claim, claim] or [claim, claim, kind]
            if x in al.optional_ids or y in al.optional_ids:
                continue
            gx, gy = p2g.get(x, set()), p2g.get(y, set())
            pairs = {frozenset((u, v)) for u in gx for v in gy if u != v}
            hit = [k for p in pairs for k in gold_pairs.get(p, [])]
            for k in hit:
                kinds_found.setdefault(k["id"], set()).add(conf.get("kind"))
            if hit:
                ev.right_pairs += 1
            elif pairs & (traps | agree_pairs):
                ev.trap_hits.append((conf.get("kind", "?"), sorted(gx | gy)))
            else:
                ev.false_conflicts.append((conf.get("kind", "?"), sorted(gx) or [x], sorted(gy) or [y]))
    for agr in result.get("agreements", []):
        gids = set().union(*(p2g.get(cid, set()) for cid in agr.get("claims", []))) if agr.get("claims") else set()
        if {frozenset(p) for p in itertools.combinations(sorted(gids), 2)} & traps:
            ev.trap_hits.append(("agreement", sorted(gids)))

    conflicts = gold.get("conflicts") or []
    ev.conflicts_total = len(conflicts)
    ev.conflicts_found = len(kinds_found)
    if result.get("facts") is not None:
        ev.reviewer_items = sum(1 for f in result["facts"] if f.get("verdict") in CONFLICT_KINDS)
    else:
        ev.reviewer_items = len(result.get("conflicts", []))
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
    out.append(f"conflict pairs: {ev.right_pairs} right, {len(ev.false_conflicts)} false, "
               f"{len(ev.trap_hits)} on traps or agreements; reviewer items: {ev.reviewer_items} "
               f"for {ev.conflicts_total} gold conflicts")
    if show_misses:
        sections = [("missed claims", ev.missed_claims), ("wrong values", ev.wrong_values),
                    ("extra claims", ev.extra_claims), ("gold conflicts", ev.conflict_lines),
                    ("false conflict pairs", [f"{f[0]}: {', '.join(f[1])} vs {', '.join(f[2])}"
                                              for f in ev.false_conflicts]),
                    ("trap hits", [f"{k}: {', '.join(ids)}" for k, ids in ev.trap_hits])]
        for title, lines in sections:
            if not lines:
                continue
            out.append(f"{title} ({len(lines)}):")
            out += [f"  {line}" for line in lines[:limit]]
            if len(lines) > limit:
                out.append(f"  … and {len(lines) - limit} more")
    return "\n".join(out) + "\n"
