"""Find who a figure is attributed to: "laut Lee", "nach Angaben des ...", "sagte Umerov".

Patterns live in ``lang/<lang>/attribution.yaml``; {NP} and {NAME} are filled in here with
the shapes of a noun phrase and of a person's name in that language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata
from nkcheck.normalize import objects

SP = r"[ \t\u00a0]+"
CAP = r"[A-ZÄÖÜ][\w\-äöüß]*"
NAME = rf"{CAP}(?:{SP}{CAP}){{0,3}}"
NP_DE = (rf"(?:(?:der|die|das|des|dem|den|einer|eines|einem|ein|eine){SP})?"
         rf"(?:[a-zäöüß]+(?:en|er|es|e|em){SP}){{0,3}}{CAP}(?:{SP}{CAP}){{0,3}}"
         rf"(?:{SP}(?:vom|von|des|der){SP}(?:[a-zäöüß]+(?:en|er|es|e){SP})?{CAP}(?:{SP}{CAP}){{0,2}})?")
NP_EN = rf"(?:the{SP})?(?:[a-z]+{SP}){{0,2}}?(?:{CAP}(?:{SP}{CAP}){{0,3}}|police|organi[sz]ers|authorities|officials|[a-z]+(?:\s+[a-z]+)?)" \
        rf"(?:['’]s(?:{SP}[a-z]+){{1,2}})?"  # a possessive names whose: "the country's disaster agency"


LEADING = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
           "wie", "auch", "the", "a", "an", "as"}


def _capitalisable(pattern: str) -> str:
    m = re.match(r"[a-zäöü]", pattern)
    return f"[{pattern[0]}{pattern[0].upper()}]{pattern[1:]}" if m else pattern


JOINED = re.compile(r"[ \t]+(?:und|sowie|and|as well as)[ \t]+")


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    src_start: int
    src_end: int
    source: str


class AttributionFinder:
    def __init__(self, lang: str):
        d = langdata.load(lang, "attribution")
        np = NP_DE if lang == "de" else NP_EN
        # a cue word may open the sentence: "Laut Polizei …", "Wie die Polizei mitteilte …"
        fill = lambda p: re.compile(_capitalisable(p).replace("{NP}", np).replace("{NAME}", NAME))  # noqa: E731
        # (pattern, needs a source-like phrase): a cue word names a source whatever follows it
        # ("laut X"); a reporting verb next to a noun phrase only when the phrase names one
        # ("bezifferte die Polizei", not "bezifferte die Wahrscheinlichkeit")
        self.patterns = [(fill(p), False) for p in d["patterns"]] + \
                        [(fill(p), True) for p in d.get("verb_patterns", [])]
        self.lang = lang
        self.np_re = re.compile(np)
        self.not_sources = {w.lower() for w in d.get("not_sources", [])}
        self.kinds = {k: [w.lower() for w in v] for k, v in d.get("kinds", {}).items()}
        self.reported = {w.lower() for w in d.get("reported_speech", [])}
        self.reporting_verbs = {w.lower() for w in d.get("reporting_verbs", [])}
        self.auxiliaries = {w.lower() for w in d.get("finite_auxiliaries", [])}
        self.source_words = [w.lower() for w in d.get("source_words", [])]
        self.frames = [re.compile(f, re.IGNORECASE) for f in d.get("reporting_frames", [])]
        self.breakers = {w.lower() for w in d.get("clause_breakers", [])}
        self.prepositions = {w.lower() for w in d.get("prepositions", [])}
        self.anaphora = sorted((w.lower() for w in d.get("anaphora", [])), key=len, reverse=True)
        self.naming_modifiers = [w.lower() for w in d.get("naming_modifiers", [])]
        back = d.get("said_after_openers") or []
        self.said_after_re = re.compile(
            r"[ \t]*(?:" + "|".join(re.escape(w) for w in sorted(back, key=len, reverse=True)) + r")(?![\w])",
            re.IGNORECASE) if back else re.compile(r"(?!)")
        self.objects = objects.lexicon(lang)

    def _counted_thing(self, word: str) -> bool:
        """"die Teilnehmerzahl", "Menschen", "Städten": what is counted is not who counts."""
        return self.kind_of(word) is None and self.objects.lookup(word) is not None

    def find(self, text: str) -> list[Cue]:
        out: list[Cue] = []
        for rx, strict in self.patterns:
            for m in rx.finditer(text):
                group = "src" if "src" in rx.groupindex else "ksrc"
                src = m.group(group)
                s0, e0 = m.start(group), m.end(group)
                # drop leading articles and particles: "einer Einschätzung des ..." -> "Einschätzung des ..."
                while True:
                    lead = re.match(r"([\wäöüÄÖÜß]+)[ \t\u00a0]+", src)
                    if not lead or lead.group(1).lower() not in LEADING:
                        break
                    src, s0 = src[lead.end():], s0 + lead.end()
                words = re.findall(r"[\wäöüÄÖÜß-]+", src)
                if (not words or words[-1].lower() in self.not_sources
                        or (words[0].lower() in self.not_sources and not _acronym(words[0]))  # "US" is no "us"
                        or len(src.strip()) < 2
                        or self._counted_thing(words[-1])
                        or (group == "ksrc" and self.kind_of(src) is None)
                        or (strict and not self.is_source_like(src))):
                    continue
                if any(c.src_start < e0 and s0 < c.src_end for c in out):
                    continue
                if strict and self._after_preposition(text, s0):
                    continue  # "hatte X in sozialen Medien erklärt": the channel is not who spoke
                joined = self._joined(text, e0)
                if joined and not any(c.src_start < joined and e0 < c.src_end for c in out):
                    src, e0 = text[s0:joined], joined  # "according to the Syrian authorities and the White Helmets"
                out.append(Cue(m.start(), m.end(), s0, e0, src.strip()))
        out.sort(key=lambda c: c.start)
        return out

    def _joined(self, text: str, end: int) -> Optional[int]:
        """Where a second source named with the first ends ("laut der Polizei und der
        Feuerwehr", "according to the Syrian authorities and the White Helmets"), or None."""
        m = JOINED.match(text, end)
        if not m:
            return None
        n = self.np_re.match(text, m.end())
        if not n or not self.is_source_like(n.group(0)) or self._counted_thing(n.group(0).split()[-1]):
            return None
        return n.end()

    def _after_preposition(self, text: str, start: int) -> bool:
        """Whether the phrase at ``start`` is the object of a preposition, with only articles
        and adjectives between: "in sozialen Medien", "on social media"."""
        words = re.findall(r"[\wäöüÄÖÜß]+", text[max(0, start - 40):start])
        while words and words[-1].lower() not in self.prepositions and \
                ((self.lang == "de" and words[-1][:1].islower()) or words[-1].lower() in LEADING):
            words.pop()  # articles, and German adjectives (an English noun is lowercase too)
        return bool(words) and words[-1].lower() in self.prepositions

    def kind_of(self, source: Optional[str]) -> Optional[str]:
        """The kind of source (police, organisers, authorities ...) by its words."""
        if not source:
            return None
        words = re.findall(r"[\wäöüß]+", source.lower())
        joined = " " + " ".join(words) + " "
        # a phrase ("defence ministry", "news agency") names the kind before its words do; a
        # compound is the kind its head names before the kind of its first part: a
        # "Katastrophenschutzbehörde" is an authority, a "Polizeisprecher" speaks for the police
        for kind, stems in self.kinds.items():
            if any(" " in st and f" {st} " in joined for st in stems):
                return kind
        for head in (True, False):
            for kind, stems in self.kinds.items():
                for st in stems:
                    if " " in st:
                        continue
                    if len(st) <= 3:  # "un", "who", "ap": whole words only
                        if st in words:
                            return kind
                    elif any(w == st or w.endswith(st) if head else w.startswith(st) for w in words):
                        return kind
        return None

    def is_source_like(self, phrase: str) -> bool:
        """Whether a noun phrase names who could give a figure: a kind of source (police,
        authorities ...), a title or role (Präsident, spokesman), a known person, institution or
        country, an acronym (NIS, AFAD), or a name of two capitalised words ("Fuat Oktay")."""
        if self.kind_of(phrase):
            return True
        words = re.findall(r"[\wäöüß]+", phrase.lower())
        joined = f" {' '.join(words)} "
        for sw in self.source_words:
            if (" " in sw or len(sw) <= 3) and f" {sw} " in joined:
                return True
            if " " not in sw and len(sw) > 3 and any(w == sw or w.startswith(sw) or w.endswith(sw) for w in words):
                return True
        if re.search(r"\b[A-Z]{2,8}\b", phrase):
            return True
        from nkcheck.extract.entities import finder as entity_finder
        if any(m.type in ("person", "org", "country") for m in entity_finder().find(phrase, self.lang)):
            return True
        caps = [w for w in re.findall(r"[\wÄÖÜäöüß'’-]+", phrase) if w[:1].isupper()]
        if self.lang == "en":
            return bool(caps)
        names = [w for w in caps if self.objects.lookup(w) is None and not self.objects.is_generic(w)]
        return len(names) >= 2

    def is_reported_speech(self, sentence: str) -> bool:
        return any(w in self.reported for w in re.findall(r"[\wäöüß]+", sentence.lower()))


@lru_cache(maxsize=None)
def finder(lang: str) -> AttributionFinder:
    return AttributionFinder(lang)
