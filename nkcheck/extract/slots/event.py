"""What happened to the counted thing: the event word nearest the figure in its clause (after
it first, then before it), with separable verbs ("sagte ... zu"), combined events ("getötet
oder verwundet") and the modality: a plan, a promise or a forecast is not a deed."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata
from nkcheck.extract.text import BOUNDARY, SENTENCE_END, Sentence
from nkcheck.model import Quantity

SEPARABLE = {"an", "zu", "auf", "aus", "vor", "ein", "mit", "ab", "fest", "teil", "zurück", "bei"}


class EventLexicon:
    def __init__(self, lang: str):
        d = langdata.load(lang, "events")
        shared = langdata.shared("events")
        self.info = shared["events"]
        self.object_events = shared.get("object_events", {})
        self.combinations = shared.get("combinations", [])
        self.words: dict[str, str] = {}
        self.prefixes: list[tuple[str, str]] = []
        for ev, ws in d["words"].items():
            for w in ws:
                w = str(w).lower()
                if w.endswith("*"):
                    self.prefixes.append((w[:-1], ev))
                else:
                    self.words.setdefault(w, ev)
        self.intended_markers = {str(w).lower() for w in d.get("intended_markers", [])}
        self.hearsay = [str(w).lower() for w in d.get("hearsay", [])]

    def event_of(self, tok, particle: str = "") -> Optional[str]:
        lemma = tok.lemma_.lower() if tok.lemma_ else ""
        if particle and lemma and (particle + lemma) in self.words:
            return self.words[particle + lemma]
        for form in (tok.lower_, lemma):
            if form in self.words:
                return self.words[form]
        for p, ev in self.prefixes:
            if tok.lower_.startswith(p):
                return ev
        return None

    def intended_variant(self, ev: str) -> str:
        """The planned/expected event of the same family ("sent" -> "planned")."""
        fam = self.info.get(ev, {}).get("family")
        if self.info.get(ev, {}).get("modality") == "intended":
            return ev
        if self.info.get(ev, {}).get("intended"):
            return self.info[ev]["intended"]
        for other, inf in self.info.items():
            if inf.get("family") == fam and inf.get("modality") == "intended":
                return other
        return ev


@lru_cache(maxsize=None)
def events(lang: str) -> EventLexicon:
    return EventLexicon(lang)


class EventFinder:
    def __init__(self, lang: str):
        self.events = events(lang)

    def find(self, sent: Sentence, q: Quantity, clause: tuple[int, int], text: str) -> Optional[str]:
        toks = sent.tokens
        particles = {}
        for i, t in enumerate(toks):  # a verb particle closing a clause: "sagte ... zu."
            nxt = toks[i + 1].text if i + 1 < len(toks) else "."
            if t.lower_ in SEPARABLE and (nxt in BOUNDARY or nxt in SENTENCE_END):
                for c in sent.clauses:
                    if c[0] <= t.idx < c[1]:
                        particles[c] = t.lower_

        def clause_particle(t):
            return next((p for c, p in particles.items() if c[0] <= t.idx < c[1]), "")
        hits = [(t.idx, self.events.event_of(t, clause_particle(t)), t) for t in toks]
        hits = [(i, ev, t) for i, ev, t in hits if ev]
        # combined events: "getötet oder verwundet"
        for k in range(len(hits) - 1):
            (i1, e1, t1), (i2, e2, t2) = hits[k], hits[k + 1]
            between = text[t1.idx + len(t1.text):i2].strip().lower()
            if between in ("oder", "und", "bzw.", "or", "and", "or were"):
                for comb in self.events.combinations:
                    if {e1, e2} == set(comb["events"]):
                        hits[k] = (i1, comb["becomes"], t1)
                        hits[k + 1] = (i2, comb["becomes"], t2)
        in_clause = [(i, ev) for i, ev, _ in hits if clause[0] <= i < clause[1]]
        after = [(i, ev) for i, ev in in_clause if i >= q.end]
        before = [(i, ev) for i, ev in in_clause if i < q.start]
        cands = in_clause or [(i, ev) for i, ev, _ in hits]
        if not cands:
            return None
        # a promise or plan of an action outranks the action word itself:
        # "kündigte die Entsendung ... an" is a pledge, not a deployment
        fams = {}
        for _, ev in cands:
            inf = self.events.info.get(ev, {})
            if inf.get("modality") == "intended":
                fams.setdefault(inf.get("family"), ev)
        if after:
            ev = after[0][1]
        elif before:
            ev = before[-1][1]
        else:
            ev = min(cands, key=lambda c: abs(c[0] - q.start))[1]
        fam = self.events.info.get(ev, {}).get("family")
        return fams.get(fam, ev)

    def hearsay(self, text: str, clause: tuple[int, int]) -> bool:
        """"sollen es 5000 gewesen sein": a modal with a perfect infinitive reports, it does not plan."""
        span = " ".join(re.findall(r"[\wäöüß]+", text[clause[0]:clause[1]].lower()))
        return any(p in span for p in self.events.hearsay)

    def intended(self, text: str, clause: tuple[int, int], sent: Sentence) -> bool:
        if self.hearsay(text, clause):
            return False
        words = re.findall(r"[\wäöüß]+", text[clause[0]:clause[1]].lower())
        if "zu" in words[-3:]:  # "..., 5000 Soldaten nach Russland zu entsenden": governed by "plant"
            words = re.findall(r"[\wäöüß]+", text[sent.start:clause[1]].lower())
        return any(w in self.events.intended_markers for w in words)


@lru_cache(maxsize=None)
def finder(lang: str) -> EventFinder:
    return EventFinder(lang)
