"""What happened to the counted thing, and whether it happened: the event and its modality.

The event is the event word nearest the figure in its clause (after it first, then before it),
else in its sentence. Multi-word expressions are read first ("ums Leben kommen", "Stellung
bezogen", "lost their lives"), then words with their separable particle ("sagte ... zu"); two
event words joined by "oder"/"und" make a combined event ("getötet oder verwundet"). An event
applies only to the kinds of counted thing its family allows (``lang/events.yaml`` families):
"fielen" is rain for millimetres, not the fallen; "kamen" is a crowd, not soldiers. A counting
verb (zählen, beziffern, melden, count, put at) carries no event of its own: it is taken only when
nothing else is there, and the builder then takes the event from the counted thing.

Modality: a plan, a promise or a forecast (soll, plant, will, expected) is ``intended``; a
capacity or a capability (imstande, könnte schicken, could hold) is ``capacity`` where the family
has a capacity event, else a forecast; hearsay ("sollen es 5000 gewesen sein") reports a deed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata
from nkcheck.extract.text import BOUNDARY, SENTENCE_END, Sentence
from nkcheck.model import Quantity
from nkcheck.normalize.objects import kind_of

SEPARABLE = {"an", "zu", "auf", "aus", "vor", "ein", "mit", "ab", "fest", "teil", "zurück", "bei", "auseinander", "hervor", "weiter"}
JOINERS = ("oder", "und", "bzw.", "or", "and", "or were", "and were", "oder wurden", "und wurden")


class EventLexicon:
    def __init__(self, lang: str):
        d = langdata.load(lang, "events")
        shared = langdata.shared("events")
        self.info = shared["events"]
        self.families = shared.get("families", {})
        self.object_events = shared.get("object_events", {})
        self.combinations = shared.get("combinations", [])
        self.words: dict[str, list[str]] = {}
        self.prefixes: list[tuple[str, str]] = []
        for ev, ws in d["words"].items():
            for w in ws:
                w = str(w).lower()
                if w.endswith("*"):
                    self.prefixes.append((w[:-1], ev))
                else:
                    self.words.setdefault(w, []).append(ev)
        self.weak = {str(w).lower() for w in d.get("weak_words", [])}
        self.relative = {str(w).lower() for w in d.get("relative_pronouns", [])}
        self.frame_stems = sorted(((str(w).lower(), fam) for fam, ws in (d.get("frame_words") or {}).items() for w in ws),
                                  key=lambda x: -len(x[0]))
        self.frame_re = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w, _ in self.frame_stems) + r")\w*",
                                   re.IGNORECASE) if self.frame_stems else None
        # German capitalises nouns: mid-sentence, a capitalised word matches only the nouns listed
        nouns = d.get("noun_forms")
        self.noun_forms = None if nouns is None else {str(w).lower() for w in nouns}
        phrases = [(str(p).lower(), ev) for ev, ps in (d.get("phrases") or {}).items() for p in ps]
        phrases.sort(key=lambda x: -len(x[0]))
        self.phrases = phrases
        self.phrase_re = re.compile(
            r"(?<![\w])(" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, _ in phrases) + r")(?![\w])",
            re.IGNORECASE) if phrases else None
        self.phrase_event = {p: ev for p, ev in phrases}
        self.intended_markers = {str(w).lower() for w in d.get("intended_markers", [])}
        self.capacity_markers = [str(w).lower() for w in d.get("capacity_markers", [])]
        self.hearsay = [str(w).lower() for w in d.get("hearsay", [])]
        self.future_aux = {str(w).lower() for w in d.get("future_auxiliaries", [])}
        self.report_modals = {str(w).lower() for w in d.get("report_modals", [])}
        self.report_infinitives = {str(w).lower() for w in d.get("report_infinitives", [])}
        self.perfect_aux = {str(w).lower() for w in d.get("perfect_auxiliaries", [])}
        self.months = {str(m).lower() for m in langdata.load(lang, "time")["months"]}

    def _ordered(self, evs: list[str], frame: Optional[str]) -> tuple[str, ...]:
        """A word's events, the one of the article's frame first."""
        return tuple(sorted(evs, key=lambda ev: self.family(ev) != frame)) if frame else tuple(evs)

    def events_of(self, tok, particle: str = "", frame: Optional[str] = None) -> tuple[str, ...]:
        """The events a token names, best first: a word that names several ("kamen" is a crowd in
        a rally report, an arrival in a war report; "zusagen" pledges troops or money) puts the
        one of the article's frame first; the finder then takes the first that fits the object."""
        lemma = tok.lemma_.lower() if tok.lemma_ else ""
        if particle and lemma and (particle + lemma) in self.words:
            return self._ordered(self.words[particle + lemma], frame)
        if particle and self.is_weak(tok):
            return ()  # "die Angaben gehen auseinander", "die Zahlen gehen zurück": not a movement
        for form in (tok.lower_, lemma):
            if form in self.words:
                return self._ordered(self.words[form], frame)
        for p, ev in self.prefixes:
            if tok.lower_.startswith(p):
                return (ev,)
        return ()

    def frame_word(self, word: str) -> str:
        w = word.lower()
        return next(fam for stem, fam in self.frame_stems if w.startswith(stem))

    def is_noun_form(self, word: str) -> bool:
        return word in self.noun_forms or any(word.startswith(n[:-1]) for n in self.noun_forms if n.endswith("*"))

    def is_weak(self, tok) -> bool:
        return tok.lower_ in self.weak or (tok.lemma_ or "").lower() in self.weak

    def family(self, ev: Optional[str]) -> Optional[str]:
        return self.info.get(ev or "", {}).get("family")

    def counting(self, ev: Optional[str]) -> bool:
        return bool(self.info.get(ev or "", {}).get("counting"))

    def applies(self, ev: str, obj: Optional[str]) -> bool:
        """Whether an event can happen to the counted object (an unknown object takes any)."""
        if obj is None:
            return True
        allowed = self.families.get(self.family(ev) or "", {}).get("applies_to", ["any"])
        return "any" in allowed or obj in allowed or kind_of(obj) in allowed

    def variant(self, ev: str, modality: str) -> str:
        """The event of the same family with another modality ("sent" -> "planned", "capable")."""
        info = self.info.get(ev, {})
        if modality == "actual" or info.get("modality") == modality:
            return ev
        key = "intended" if modality == "intended" else "capacity"
        if info.get(key):
            return info[key]
        fam = info.get("family")
        for other, inf in self.info.items():
            if inf.get("family") == fam and inf.get("modality") == modality:
                return other
        return ev

    def for_object(self, ev: str, obj: Optional[str]) -> str:
        """Things that are "sent" are delivered: the family's event for things, when it has one."""
        fam = self.families.get(self.family(ev) or "", {})
        if fam.get("things") and kind_of(obj) in ("thing", "vehicle"):
            modality = self.info.get(ev, {}).get("modality", "actual")
            for other, inf in self.info.items():
                if inf.get("family") == fam["things"] and inf.get("modality") == modality:
                    return other
        return ev


@lru_cache(maxsize=None)
def events(lang: str) -> EventLexicon:
    return EventLexicon(lang)


class EventFinder:
    def __init__(self, lang: str):
        self.events = events(lang)
        # reporting constructions of several words ("geht ... davon aus"): their verb reports
        # a figure, it names no event ("geht nach" is not "goes to")
        from nkcheck.extract.attribution import finder as attribution_finder
        self.frames = attribution_finder(lang).frames

    def frame(self, sents: list[Sentence], text: str, objects: list[Optional[str]] = ()) -> Optional[str]:
        """The article's frame: the event family its words name most often — event words that
        say something happened (weak, counting and planning words left out) and the events its
        counted things imply (participants take part, the dead were killed). It decides what a
        weak word means."""
        lex = self.events
        counts: dict[str, int] = {}
        for sent in sents:
            for _, evs, weak in self.hits(sent, text, None, with_weak=True):
                ev = evs[0]
                fam = lex.family(ev)
                if not weak and fam and not lex.counting(ev) and lex.info.get(ev, {}).get("modality") == "actual":
                    counts[fam] = counts.get(fam, 0) + 1
        for obj in objects:
            fam = lex.family(lex.object_events.get(obj or ""))
            if fam and fam != "count":
                counts[fam] = counts.get(fam, 0) + 1
        if lex.frame_re is not None:  # scene words: "Kundgebung", "Krieg", "rally"
            for m in lex.frame_re.finditer(text):
                fam = lex.frame_word(m.group(0))
                counts[fam] = counts.get(fam, 0) + 1
        return max(sorted(counts), key=lambda f: counts[f]) if counts else None

    def hits(self, sent: Sentence, text: str, frame: Optional[str] = None, with_weak: bool = False) -> list:
        """(offset, event) of every event word and expression of a sentence, in order."""
        lex = self.events
        out: list[tuple[int, str]] = []
        taken: list[tuple[int, int]] = []
        if lex.phrase_re is not None:
            for m in lex.phrase_re.finditer(text, sent.start, sent.end):
                key = " ".join(m.group(1).lower().split())
                out.append((m.start(), (lex.phrase_event[key],), False))
                taken.append(m.span())
        toks = sent.tokens
        particles = {}
        for i, t in enumerate(toks):  # a verb particle closing a clause: "sagte ... zu."
            nxt = toks[i + 1].text if i + 1 < len(toks) else "."
            if t.lower_ in SEPARABLE and (nxt in BOUNDARY or nxt in SENTENCE_END):
                for c in sent.clauses:
                    if c[0] <= t.idx < c[1]:
                        particles[c] = t.lower_
        words = []
        first = toks[0].idx if toks else -1
        for t in toks:
            if any(s <= t.idx < e for s, e in taken):
                continue
            if lex.noun_forms is not None and t.text[:1].isupper() and t.idx != first and \
                    not lex.is_noun_form(t.lower_):
                continue  # "Zahlen" (numbers) mid-sentence is a noun, not the verb "zahlen"
            particle = next((p for c, p in particles.items() if c[0] <= t.idx < c[1]), "")
            evs = lex.events_of(t, particle, frame)
            if evs:
                words.append((t.idx, evs, t))
        # combined events: "getötet oder verwundet", "tot oder verwundet"
        for k in range(len(words) - 1):
            (i1, e1, t1), (i2, e2, t2) = words[k], words[k + 1]
            between = " ".join(text[t1.idx + len(t1.text):i2].split()).lower()
            if between in JOINERS:
                for comb in lex.combinations:
                    if {e1[0], e2[0]} == set(comb["events"]):
                        words[k] = (i1, (comb["becomes"],), t1)
                        words[k + 1] = (i2, (comb["becomes"],), t2)
        out += [(i, evs, lex.is_weak(t)) for i, evs, t in words]
        out.sort()
        return out if with_weak else [(i, evs[0]) for i, evs, _ in out]

    def find(self, sent: Sentence, q: Quantity, clause: tuple[int, int], text: str,
             obj: Optional[str] = None, frame: Optional[str] = None) -> Optional[str]:
        lex = self.events
        all_hits = []
        reporting = {m.start() for f in self.frames for m in f.finditer(text, sent.start, sent.end)}
        for i, evs, weak in self.hits(sent, text, frame, with_weak=True):
            ev = next((e for e in evs if lex.applies(e, obj)), None)
            if ev is not None and not (q.start <= i < q.end) and i not in reporting:
                all_hits.append((i, ev, weak))
        # a weak word ("kamen", "joined") counts in the figure's own clause, or in its sentence when
        # no other event word is in the clause ("... sind am Montag, 15. Januar, ... gekommen")
        strong_in_clause = any(not w and clause[0] <= i < clause[1] for i, _, w in all_hits)
        hits = [(i, ev) for i, ev, weak in all_hits
                if not weak or clause[0] <= i < clause[1] or not strong_in_clause]

        embedded = sent.embedded(text, self.events.relative)

        def pick(cands: list[tuple[int, str]]) -> Optional[str]:
            in_clause = [(i, ev) for i, ev in cands if clause[0] <= i < clause[1]]
            if not in_clause:
                # outside its own clause, the verb of a relative clause set between commas is
                # not the figure's: "zweitausend Soldaten, die Russland unterstützen sollten,
                # sind gefallen"
                outside = [(i, ev) for i, ev in cands if not any(s <= i < e for s, e in embedded)]
                cands = outside or cands
            # what befell the counted outranks what they were doing: "3.800 Soldaten sind im
            # Kampf getötet worden", "3,000 soldiers fighting for Russia have been killed"
            outcome = [(i, ev) for i, ev in in_clause if lex.families.get(lex.family(ev) or "", {}).get("outcome")]
            in_clause = outcome or in_clause
            after = [(i, ev) for i, ev in in_clause if i >= q.end]
            before = [(i, ev) for i, ev in in_clause if i < q.start]
            pool = in_clause or cands
            if not pool:
                return None
            # a promise or plan of an action in the clause outranks the action word itself:
            # "kündigte die Entsendung ... an" is a pledge, not a deployment
            plans = {}
            for _, ev in in_clause:
                if lex.info.get(ev, {}).get("modality") == "intended":
                    plans.setdefault(lex.family(ev), ev)
            if after:
                ev = after[0][1]
            elif before:
                ev = before[-1][1]
            else:
                ev = min(pool, key=lambda c: abs(c[0] - q.start))[1]
            return plans.get(lex.family(ev), ev)
        ev = pick([h for h in hits if not lex.counting(h[1])]) or pick(hits)
        return lex.for_object(ev, obj) if ev else None

    def hearsay(self, text: str, clause: tuple[int, int]) -> bool:
        """"sollen es 5000 gewesen sein": a modal with a perfect infinitive reports, it does not plan."""
        span = " ".join(re.findall(r"[\wäöüß]+", text[clause[0]:clause[1]].lower()))
        return any(p in span for p in self.events.hearsay)

    def _governing(self, sent: Sentence, clause: tuple[int, int]) -> list:
        toks = [t for t in sent.tokens if clause[0] <= t.idx < clause[1] and t.text[:1].isalnum()]
        low = [t.lower_ for t in toks]
        if "zu" in low[-3:] or "to" in low[:-1]:
            # "..., 5000 Soldaten nach Russland zu entsenden": governed by "plant" before it
            toks = [t for t in sent.tokens if sent.start <= t.idx < clause[1] and t.text[:1].isalnum()]
        return toks

    def _participle(self, tok) -> bool:
        """A past participle: "ausgebildet", "isoliert", "veranschlagt", "geschickt", "vermisst"."""
        w, lemma = tok.lower_, (tok.lemma_ or "").lower()
        if not w.endswith(("t", "en")):
            return False
        if w.startswith("ge") or w.endswith("iert"):
            return True
        if w.endswith("t") and (w[:-1] + "en" in self.events.words or (lemma and lemma != w and lemma.endswith("en"))):
            return True  # "vermisst" beside "vermissen", "verletzt" beside "verletzen"
        return bool(re.match(r"(?:ver|be|ent|er|zer|über|unter|aus|an|ein|auf|ab|zu|mit)\w+t$", w)) and \
            not w.endswith(("est", "st"))

    def modality(self, text: str, clause: tuple[int, int], sent: Sentence) -> str:
        """actual, intended (a plan, a promise, a forecast) or capacity (what could be).

        German "werden" marks the future only before an infinitive or a perfect ("wird ...
        schicken", "werde ... geschickt haben"); before a participle it is the passive ("werden
        ... ausgebildet"). "soll"/"sollen" before "sein", "geben" or "haben" report what others
        say ("soll es 4000 Tote geben"); a lower-case "may" is the modal, not the month."""
        if self.hearsay(text, clause):
            return "actual"
        lex = self.events
        toks = self._governing(sent, clause)
        low = [t.lower_ for t in toks]
        last = toks[-1] if toks else None
        markers = set()
        for t in toks:
            w = t.lower_
            if w in lex.months and t.text[:1].isupper():
                continue  # "in May 2024"
            if w in lex.future_aux and last is not None:
                if last.lower_ in lex.perfect_aux or not self._participle(last):
                    markers.add(w)
                continue
            if w in lex.report_modals and last is not None and last.lower_ in lex.report_infinitives:
                continue
            markers.add(w)
        joined = " ".join(w for w in low if w in markers or w not in lex.future_aux)
        if any(re.search(rf"\b{re.escape(m)}\b", joined) for m in lex.capacity_markers):
            return "capacity"
        if markers & lex.intended_markers:
            return "intended"
        return "actual"

    def intended(self, text: str, clause: tuple[int, int], sent: Sentence) -> bool:
        return self.modality(text, clause, sent) != "actual"


@lru_cache(maxsize=None)
def finder(lang: str) -> EventFinder:
    return EventFinder(lang)
