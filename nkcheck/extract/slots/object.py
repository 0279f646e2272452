"""The counted object of a figure: what it counts or measures.

In this order:
1. a unit right after the figure, or a currency sign right before it ("5 Millionen Euro",
   "$1.5 billion", "500 Millimeter", "30 %"): a measure with its unit; money takes what it is
   from the noun that states it ("Schaden auf zwei Millionen Euro" is damage, "Soforthilfe von
   5 Millionen Euro" aid);
2. a measure named before the figure ("ein Beben der Stärke 7,8": a magnitude);
3. the noun after the figure (adjectives skipped, compounds by their head): a known counted thing,
   a demonym ("3000 Nordkoreaner", "North Koreans": people, and the country is their actor), or
   a list of nouns ("Gefallene, Verwundete und Vermisste") as their common whole; a person noun
   the taxonomy does not know stays what it is;
4. "N of the X" in English ("3,000 of the 11,000 soldiers");
5. a partitive before the figure ("davon 1500", "darunter", "unter ihnen", "of them"): the figure
   counts what the figure before it counts (the builder fills it in);
6. with no noun of its own (or only a generic one: "Zahl", "number"), a known noun before it in
   its clause ("die Zahl der Toten stieg auf 205").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata
from nkcheck.extract.text import WORD_RE
from nkcheck.model import Mention, Quantity
from nkcheck.normalize.objects import ancestors, lexicon

LIST_JOINERS = re.compile(r"\s*(?:,|und|oder|sowie|bzw\.|and|or|as well as)\s+", re.IGNORECASE)
CURRENCY_SIGNS = ("€", "$", "£", "US$")
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÄÖÜ„\"])")


@dataclass
class CountedObject:
    object: Optional[str]
    noun: str
    noun_end: int
    unit: str
    increment: bool
    partitive: bool = False
    demonym: Optional[str] = None  # the country a demonym as the counted noun names


class ObjectFinder:
    def __init__(self, lang: str):
        self.lang = lang
        self.objects = lexicon(lang)
        counts = "|".join(re.escape(w) for w in sorted(self.objects.generic, key=len, reverse=True))
        # "die Zahl der Betroffenen", "the number of dead": a count noun and what it counts
        self.count_of = re.compile(rf"(?i:\b(?:{counts})\b)\s+(?i:der|des|von|of|of the)\s+(?:[a-zäöüß]+\s+)?([\wäöüÄÖÜß-]+)")
        hedges = langdata.load(lang, "hedges")
        # hedges written after the figure ("25.000 plus X", "5000 und mehr") come before its noun
        self.suffix_hedge = re.compile(
            r"\s*(?:" + "|".join(re.escape(h["phrase"]) for h in hedges.get("suffix") or []) + r")(?![\w])",
            re.IGNORECASE) if hedges.get("suffix") else None
        self._hedge_words = {w.lower() for h in hedges.get("prefix") or [] for w in str(h["phrase"]).split()}

    # -- pieces ---------------------------------------------------------------------------
    def noun_after(self, text: str, q: Quantity, limit: int, names: frozenset = frozenset()) -> tuple[str, int, list[str]]:
        """The counted noun after a number, skipping adjectives and a hedge after it: (noun, its
        start, words skipped). A name (a place, a person) is never the counted noun."""
        skipped: list[str] = []
        start = q.end
        if self.suffix_hedge is not None:
            h = self.suffix_hedge.match(text, start, limit)
            start = h.end() if h else start
        for m in WORD_RE.finditer(text, start, limit):
            w = m.group(0)
            if m.start() in names:
                break
            if m.start() == q.end and w.startswith("-"):  # "350-Meter-Bannmeile"
                return w.strip("-").split("-")[0], m.start() + 1, skipped
            if not w[0].isalnum() and w not in ("%", "€", "$", "£"):
                if w in ("„", "“", '"', "-"):
                    continue
                break
            if w in ("%", "€", "$", "£"):
                return w, m.start(), skipped
            if self.lang == "de":
                if w[0].isupper():
                    return w, m.start(), skipped
                if w.lower() in self.objects.stop_words:
                    # "1.000 bereits in Russland": the counted noun comes before a preposition,
                    # unless the phrase is an attribute: "11 000 im Gebiet Kursk stationierten Soldaten"
                    attr = re.match(r"(?:\s+[\wäöüÄÖÜß.-]+){1,5}?\s+[a-zäöüß]+(?:en|ern|er|e)\s+([A-ZÄÖÜ][\wäöüß-]*)",
                                    text[m.end():limit])
                    if attr and self.objects.lookup(attr.group(1)):
                        return attr.group(1), m.end() + attr.start(1), skipped
                    break
                skipped.append(w.lower())
                if len(skipped) > 4:
                    break
            else:
                if w.lower() in self.objects.stop_words:
                    break  # "205 as more troops are sent": the troops are not the toll
                if self.objects.lookup(w) or w.lower() in self.objects.units:
                    return w, m.start(), skipped
                skipped.append(w.lower())
                if len(skipped) > 3 or w.lower() in ("of", "and", "or", "at", "in", "on", "to", "from", "by"):
                    break
        return "", q.end, skipped

    def listed(self, text: str, pos: int, limit: int, obj: str) -> str:
        """'150 Tote oder Vermisste', 'Gefallene, Verwundete und Vermisste': nouns joined by commas,
        und, oder count their common whole (the nearest object all of them are part of)."""
        objs = [obj]
        while len(objs) < 5:
            m = LIST_JOINERS.match(text, pos, limit)
            if not m:
                break
            w = re.match(r"[\wäöüÄÖÜß-]+", text[m.end():limit])
            other = self.objects.lookup(w.group(0)) if w else None
            if not other:
                break
            objs.append(other)
            pos = m.end() + len(w.group(0))
        objs = list(dict.fromkeys(objs))
        if len(objs) == 1:
            return obj
        lines = [(o,) + ancestors(o) for o in objs]
        common = [a for a in lines[0] if all(a in line for line in lines[1:])]
        return common[0] if common else obj

    def noun_before(self, text: str, start: int, clause_start: int, names: frozenset = frozenset()) -> str:
        """The nearest known counted noun before the figure in its clause ("die Zahl der Toten
        stieg auf 205"), a generic one ("Zahl") only when there is none; nouns joined by und/oder
        before it count their common whole ("the number of dead and missing to 400")."""
        found = [m for m in WORD_RE.finditer(text, clause_start, start)
                 if m.start() not in names and m.group(0)[0].isalnum()]
        generic = ""
        for k in range(len(found) - 1, -1, -1):
            w = found[k].group(0)
            obj = self.objects.lookup(w)
            if obj:
                if k >= 2 and found[k - 1].group(0).lower() in ("und", "oder", "and", "or") and \
                        self.objects.lookup(found[k - 2].group(0)):
                    first = found[k - 2]
                    whole = self.listed(text, first.end(), found[k].end(), self.objects.lookup(first.group(0)))
                    if whole != self.objects.lookup(first.group(0)):
                        return whole
                head = self._genitive_head(found, k)
                return head or w
            if not generic and self.objects.is_generic(w):
                generic = w
        return generic

    def _genitive_head(self, found: list, k: int) -> str:
        """"die Verluste der nordkoreanischen Streitkräfte ... auf 4.700": in German a noun in the
        genitive after a known counted noun is its attribute; the head is what is counted."""
        if self.lang != "de":
            return ""
        j = k - 1
        while j >= 0 and found[j].group(0)[:1].islower() and found[j].group(0).lower() not in ("der", "des"):
            j -= 1  # adjectives before the attribute
        if j >= 1 and found[j].group(0).lower() in ("der", "des"):
            head = found[j - 1].group(0)
            if self.objects.lookup(head) and not self.objects.is_generic(head):
                return head
        return ""

    def unit_of(self, text: str, q: Quantity, noun: str) -> Optional[tuple[str, str]]:
        """(object, unit) of a unit after the figure or a currency sign right before it."""
        if noun and noun.lower() in self.objects.units:
            return self.objects.units[noun.lower()]
        before = text[max(0, q.start - 4):q.start].rstrip()
        for sign in CURRENCY_SIGNS:
            if before.endswith(sign):
                return self.objects.units.get(sign[-1], ("money", "USD"))
        return None

    def _money_words(self, text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """(start, end, kind) of the words between two offsets that say what money is
        ("Sachschaden": damage, "Soforthilfe": aid)."""
        out = []
        for m in WORD_RE.finditer(text, lo, hi):
            kind = self.objects.money_kind(m.group(0)) if m.group(0)[:1].isalpha() else None
            if kind:
                out.append((m.start(), m.end(), kind))
        return out

    def money_kind(self, text: str, clause: tuple[int, int], q: Quantity) -> str:
        """What money the figure is, by the nouns of its clause nearest to it."""
        cands = [(abs(s - q.start), kind) for s, e, kind in self._money_words(text, clause[0], clause[1])
                 if not (s < q.end and e > q.start)]
        if cands:
            return min(cands)[1]
        words = {w.lower() for w in re.findall(r"[\wäöüß]+", text[clause[0]:q.start])}
        if words & self.objects.money_pronouns:
            # "Sie beziffert ihn auf zwei Millionen Euro", "er dürfte sich auf 40 Millionen
            # belaufen", "put it at $5 million": the pronoun stands for the money named in the
            # sentence before ("eine erste Schätzung des Sachschadens")
            lo = max(0, clause[0] - 400)
            ends = [m.end() for m in SENTENCE_END.finditer(text[lo:clause[0]].rstrip())]
            named = self._money_words(text, lo + ends[-1] if ends else lo, clause[0])
            if named:
                return named[-1][2]
        return "money"

    def rate_after(self, text: str, pos: int, limit: int) -> Optional[tuple[str, str]]:
        """(unit, words) of a rate right after the figure: "a day", "pro Tag", "täglich", "per week"."""
        m = re.match(r"\s*(?:,\s*)?([\wäöüß ]{2,20}?)(?=[\s,.;:)]|$)", text[pos:limit])
        if not m:
            return None
        words = m.group(1).lower().strip()
        for phrase, unit in self.objects.rates:
            if words == phrase or words.startswith(phrase + " "):
                return unit, phrase
        return None

    def measure_before(self, text: str, q: Quantity, clause_start: int) -> Optional[str]:
        words = [w.lower() for w in re.findall(r"[\wäöüÄÖÜß]+", text[max(clause_start, q.start - 40):q.start])]
        for w in words[-6:]:
            if w in self.objects.measure_before:
                return self.objects.measure_before[w]
        return None

    def is_partitive(self, text: str, q: Quantity, clause_start: int) -> bool:
        """'davon rund 1500', 'darunter 600 Tote', '211 davon', 'of them 300', 'among them'."""
        return self.objects.partitive_around(text[max(clause_start, q.start - 30):q.start], text[q.end:q.end + 20])

    def of_group(self, text: str, q: Quantity, limit: int) -> bool:
        """'vier der Verletzten', 'four of the injured': the figure is part of a group named
        before it, the group's noun right after it."""
        return self.objects.group_after(text[q.end:min(limit, q.end + 40)])

    def batch_before(self, text: str, q: Quantity, clause_start: int) -> bool:
        """A batch word right before the figure, past an article or a hedge: "weitere 500
        Soldaten", "another 500 troops", "a further 300"."""
        words = re.findall(r"[\wäöüÄÖÜß]+", text[max(clause_start, q.start - 40):q.start].lower())
        for w in reversed(words[-3:]):
            if w in self.objects.increment_before:
                return True
            if w not in self.objects.increment_skip and w not in self._hedge_words:
                return False
        return False

    # -- the slot -------------------------------------------------------------------------
    def find(self, text: str, q: Quantity, clause: tuple[int, int], sent_end: int,
             demonyms: Optional[dict[int, Mention]] = None, names: frozenset = frozenset()) -> CountedObject:
        noun, noun_start, skipped = self.noun_after(text, q, sent_end, names)
        noun_end = noun_start + len(noun) if noun else q.end
        increment = any(w in self.objects.increment_after for w in skipped) or self.batch_before(text, q, clause[0])
        unit = self.unit_of(text, q, noun)
        if unit is not None:
            obj, code = unit
            if obj == "money":
                obj = self.money_kind(text, clause, q)
            return CountedObject(obj, noun, noun_end, code, increment)
        if q.unit == "%":
            return CountedObject("percent", noun, noun_end, "%", increment)
        measure = self.measure_before(text, q, clause[0])
        if measure:
            return CountedObject(measure, noun, noun_end, measure, increment)
        demonym = (demonyms or {}).get(noun_start) if noun else None
        if demonym is None:
            # "600 North Koreans killed", "3000 Nordkoreaner": a demonym right after the figure
            # is the counted noun, though its words read as modifiers
            lead = re.match(r"\s*", text[q.end:sent_end]).end()
            first = (demonyms or {}).get(q.end + lead)
            if first is not None and first.end <= sent_end:
                demonym, noun, noun_start, noun_end = first, first.text, first.start, first.end
        if noun and noun.lower() in self.objects.member_nouns:
            # "1.500 Angehörige von Spezialeinheiten", "members of the special forces"
            for nxt in list(re.finditer(r"[\wäöüÄÖÜß-]+", text[noun_end:min(sent_end, noun_end + 60)]))[:4]:
                at = noun_end + nxt.start()
                if self.objects.lookup(nxt.group(0)) or (demonyms or {}).get(at):
                    noun_start, noun = at, nxt.group(0)
                    noun_end = noun_start + len(noun)
                    demonym = (demonyms or {}).get(noun_start)
                    break
        after = " ".join(text[noun_end:min(sent_end, noun_end + 40)].lower().split())
        if any(after.startswith(w) for w in self.objects.density_after):
            # "drei Menschen pro Quadratmeter": how densely they stood, not how many came
            return CountedObject("density", noun, noun_end, "per m2", increment)
        rate = self.rate_after(text, q.end, sent_end)
        obj = self.objects.lookup(noun) if noun else None
        if obj and skipped and self.lang == "en":
            # "1,500 special forces troops": English compounds are separate words; the words
            # before the noun may name a kind of it
            for words in [skipped[-k:] + [noun.lower()] for k in (2, 1)] + [skipped[-k:] for k in (2, 1)]:
                sub = self.objects.lookup("".join(words))
                if sub and sub != obj and obj in ancestors(sub):
                    obj = sub
                    break
        if demonym is not None:
            obj = "persons"
        elif obj:
            obj = self.listed(text, noun_end, sent_end, obj)
        if self.lang == "en" and obj is None:
            of = re.match(r"\s+of\s+(?:the|these|those|its|their|an estimated|some)?\s*(?:[\d.,]+\s+)?"
                          r"((?:[A-Za-z-]+\s+){0,3})", text[q.end:sent_end] + " ")
            for w in (of.group(1).split() if of else []):
                if w.lower() in self.objects.stop_words:
                    break
                if self.objects.lookup(w):
                    noun, obj = w, self.objects.lookup(w)
                    break
        if rate and (obj in (None, "duration") or noun.lower() in rate[1]):
            # "1,200 a day", "300 pro Tag": a rate of what the clause counts before it
            before = self.noun_before(text, q.start, clause[0], names)
            obj = self.objects.lookup(before) if before else None
            noun = before
            return CountedObject(obj, noun, noun_end, f"per {rate[0]}", increment)
        # "davon 1500", "darunter 600 Tote", "of them 500 Foreign Legion troops": a part of the figure
        # before, whether or not it names what it counts
        partitive = self.is_partitive(text, q, clause[0]) or self.of_group(text, q, sent_end)
        if not partitive and (not noun or (obj is None and self.objects.is_generic(noun))):
            before = self.noun_before(text, q.start, clause[0], names)
            known = before if before in self.objects.taxonomy else self.objects.lookup(before) if before else None
            if known:
                obj = known
            noun = noun or before
        elif obj == "persons":
            # "die Zahl der Betroffenen auf 23 Millionen Menschen": the measure named by a count
            # noun before wins over the people after it
            m = self.count_of.search(text, clause[0], q.start)
            known = self.objects.lookup(m.group(1)) if m else None
            if known and known != "persons":
                obj = known
        unit_code = q.unit
        if obj and self.objects.info(obj).get("unit"):
            unit_code = unit_code or str(self.objects.info(obj)["unit"])
        return CountedObject(obj, noun, noun_end, unit_code, increment, partitive,
                             demonym.entity if demonym is not None else None)


@lru_cache(maxsize=None)
def finder(lang: str) -> ObjectFinder:
    return ObjectFinder(lang)
