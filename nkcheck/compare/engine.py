"""Group claims into facts and judge each: the sources disagree, a running count was updated, or
they agree.

Claims are blocked by (component of related objects, event family, modality): facts never span
blocks, and the rules that relate facts (a measure and its parts, a place and the places in it)
stay inside one too, so the work grows with the blocks, not with the square of all claims.
``compare_block`` is what a distributed run (``nkcheck.distributed``) calls per blocking key;
``finish`` orders and numbers findings and facts the same way for every engine.

Inside a fact of more than ``MAX_FACT`` claims (a monitoring desk's stream, not a review of a
story), each claim is compared with its ``WINDOW`` neighbours in the order they were stated.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Container, Iterable, Mapping, Optional

from nkcheck.compare import facts as factlib
from nkcheck.compare import measures
from nkcheck.compare.labels import fact_label
from nkcheck.compare.rules import ACROSS, APART, FACT_RULES, STRETCH, SUMS, Context
from nkcheck.compare.tolerance import DEFAULT, Tolerances
from nkcheck.model import Claim, Fact, Finding

MAX_FACT = 200
WINDOW = 8
KIND_ORDER = {"value": 0, "time": 1, "place": 2, "scope": 3, "update": 4, "sum": 5, "consistent": 6}
VERDICT_ORDER = ("value", "time", "place", "scope", "update")


@dataclass
class Comparison:
    findings: list[Finding] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


def block_key(c: Claim) -> tuple:
    return (measures.root(c.object), measures.family(c.event), c.modality)


def blocks_of(claims: Iterable[Claim]) -> dict[tuple, list[Claim]]:
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.object and c.event:
            blocks[block_key(c)].append(c)
    return blocks


def _windows(g: factlib.Group) -> list[factlib.Group]:
    """A huge fact compared in overlapping windows of neighbours in stated order."""
    if len(g.claims) <= MAX_FACT:
        return [g]
    step = WINDOW
    return [factlib.Group(g.key, g.claims[i:i + 2 * WINDOW]) for i in range(0, len(g.claims), step)]


def _related_facts(groups: list[factlib.Group]) -> list[list[factlib.Group]]:
    """Sets of facts that a rule across facts needs to see together: the same family, modality,
    batch, ordinal and actor (an unknown actor goes with each)."""
    buckets: dict[tuple, list[factlib.Group]] = defaultdict(list)
    for g in groups:
        k = g.key
        buckets[(k["family"], k["modality"], k["increment"], k["ordinal"], k["actor"] or "")].append(g)
    out = []
    unknown = {key[:4]: v for key, v in buckets.items() if key[4] == ""}
    for key, gs in sorted(buckets.items(), key=lambda kv: repr(kv[0])):
        if key[4] == "":
            continue
        extra = unknown.get(key[:4], [])
        out.append(gs + extra)
    out += [v for key, v in sorted(unknown.items(), key=lambda kv: repr(kv[0]))
            if not any(k[:4] == key and k[4] for k in buckets)]
    return out


def _across(groups: list[factlib.Group], ctx: Context) -> list[Finding]:
    """The rules across facts, on the facts of one family, modality, batch, ordinal and actor."""
    found: list[Finding] = []
    for related in _related_facts(groups):
        if len(related) < 2:
            continue
        # each rule finds its candidate pairs of facts through indexes (compare/neighbours.py):
        # same or nested places for ACROSS, places apart with the same figure for APART
        for rule in ACROSS + APART:
            found += rule.check_across(related, ctx)
    found += STRETCH.check_across(groups, ctx)  # batches and totals are never one related set
    return found


def compare_block(members: list[Claim], published: Optional[Mapping[str, Optional[str]]] = None,
                  focus: Optional[Container[str]] = None, ctx: Optional[Context] = None
                  ) -> tuple[list[Finding], list[factlib.Group]]:
    """The findings and facts of one block (unordered, without ids); with ``focus`` (document
    ids), only those that involve a claim of one of these documents."""
    ctx = ctx or Context()
    groups, _loose = factlib.group(members)
    findings: list[Finding] = []
    for g in groups:
        label = fact_label(g.key)
        for w in _windows(g):
            for rule in FACT_RULES:
                for f in rule.check(w, ctx):
                    f.fact = label
                    findings.append(f)
    label_of = {}
    for g in groups:
        for c in g.claims:
            label_of[c.id] = fact_label(g.key)
    for f in _across(groups, ctx):
        f.fact = label_of.get(f.pairs[0][0], "") if f.pairs else ""
        findings.append(f)
    for f in SUMS.check_members(members, ctx):
        f.fact = label_of.get(f.claims[0], "")
        findings.append(f)
    if focus is not None:
        doc_of = {c.id: c.doc for c in members}
        findings = [f for f in findings if any(doc_of.get(i) in focus for i in f.claims + f.parts)]
        groups = [g for g in groups if any(c.doc in focus for c in g.claims)]
    findings = _dedupe(findings)
    return findings, groups


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """A pair is one finding's: value before time, place, scope and update; repeated windows of a
    huge fact give one finding per kind and fact."""
    merged: dict[tuple, Finding] = {}
    held: dict[tuple, tuple[set, set]] = {}  # merged key -> (its pairs, its claims)
    for f in findings:
        k = (f.kind, f.fact, f.rule, tuple(f.claims) if not f.pairs else ())
        if f.pairs and (f.kind, f.fact, f.rule, ()) in merged:
            m = merged[(f.kind, f.fact, f.rule, ())]
            have, claims = held[(f.kind, f.fact, f.rule, ())]
            for p in f.pairs:
                if (p[0], p[1]) not in have:
                    have.add((p[0], p[1]))
                    m.pairs.append(p)
                    for c in p[:2]:
                        if c not in claims:
                            claims.add(c)
                            m.claims.append(c)
            continue
        merged[k] = f
        if f.pairs:
            held[k] = ({(p[0], p[1]) for p in f.pairs}, set(f.claims))
    out = list(merged.values())
    # parts that add up to a total (NK401) are not different measures to be confused
    summed = {frozenset((f.claims[0], p)) for f in out if f.kind == "sum" for p in f.parts}
    for f in out:
        if f.kind == "scope":
            f.pairs = [p for p in f.pairs if frozenset(p[:2]) not in summed]
    taken: set[frozenset] = set()
    for f in sorted(out, key=lambda f: KIND_ORDER.get(f.kind, 9)):
        if not f.pairs:
            continue
        keep = [p for p in f.pairs if frozenset(p[:2]) not in taken]
        taken |= {frozenset(p[:2]) for p in keep}
        f.pairs = keep
    return [f for f in out if f.pairs or f.kind in ("consistent", "sum")]


def finish(findings: list[Finding], groups: Optional[list[factlib.Group]] = None) -> Comparison:
    """Order the findings (kind, fact, claims) and number them F001 …; build the facts, ordered
    by their verdict and label and numbered T001 …, each naming its findings."""
    findings.sort(key=lambda f: (KIND_ORDER.get(f.kind, 9), f.fact, f.claims, f.rule))
    for i, f in enumerate(findings, 1):
        f.id = f"F{i:03d}"
    out: list[Fact] = []
    owner: dict[str, int] = {}
    for g in groups or []:
        fact = Fact(id="", label=fact_label(g.key), key=dict(g.key), claims=[c.id for c in g.claims])
        for c in g.claims:
            owner.setdefault(c.id, len(out))
        out.append(fact)
    for f in findings:
        first = f.pairs[0][0] if f.pairs else (f.claims[0] if f.claims else None)
        if first in owner:
            fact = out[owner[first]]
            fact.findings.append(f.id)
            if f.kind in VERDICT_ORDER:
                fact.pairs += [list(p) for p in f.pairs]
    kind_of = {f.id: f.kind for f in findings}
    for fact, g in zip(out, groups or []):
        kinds = {kind_of[fid] for fid in fact.findings}
        conflict = [k for k in VERDICT_ORDER if k in kinds]
        if conflict:
            fact.verdict = conflict[0]
        elif len({c.doc for c in g.claims}) >= 2:
            fact.verdict = "agreement"
        else:
            fact.verdict = "single"
    rank = {k: i for i, k in enumerate(VERDICT_ORDER + ("agreement", "single"))}
    out.sort(key=lambda f: (rank[f.verdict], f.label, f.claims))
    for i, fact in enumerate(out, 1):
        fact.id = f"T{i:03d}"
    by_finding = {fid: fact.id for fact in out for fid in fact.findings}
    for f in findings:
        if f.id in by_finding:
            f.fact_id = by_finding[f.id]
    return Comparison(findings, out)


def compare(claims: list[Claim], published: Optional[Mapping[str, Optional[str]]] = None,
            focus: Optional[Container[str]] = None, tolerances: Tolerances = DEFAULT,
            outlets: Optional[Mapping[str, str]] = None) -> Comparison:
    """Facts and findings for the claims. With ``focus`` (document ids: the new or changed articles
    of an incremental run) only the facts and findings that involve them, the same as in a full run.

    The claims are taken as they are: the caller that holds the whole corpus dates its undated
    articles first (``corpus.prepare(documents, claims)``, as ``run_check`` does)."""
    ctx = Context(tolerances, dict(outlets or {}))
    blocks = blocks_of(claims)
    findings: list[Finding] = []
    groups: list[factlib.Group] = []
    for key in sorted(blocks):
        members = blocks[key]
        if focus is None or any(c.doc in focus for c in members):
            f, g = compare_block(members, published or {}, focus, ctx)
            findings += f
            groups += g
    return finish(findings, groups)
