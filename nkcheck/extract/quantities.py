"""Find quantities in text: digits, number words, vague amounts, ranges and hedges.

Numbers that are not claims (years, dates, clock times, ordinals, type designations,
house numbers, ages, calibres) are dropped here, using ``lang/<lang>/nonclaims.yaml`` and
the time expressions found before.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata
from nkcheck.model import Quantity
from nkcheck.normalize.numbers import as_number, grammar


@dataclass
class Atom:
    """One number as written, before hedges and ranges are applied."""

    start: int
    end: int
    low: Decimal
    high: Decimal
    kind: str  # digits | word | vague
    scale: Decimal = Decimal(1)
    unit: str = ""


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class QuantityFinder:
    def __init__(self, lang: str):
        self.lang = lang
        self.g = grammar(lang)
        nc = langdata.load(lang, "nonclaims")
        hd = langdata.load(lang, "hedges")
        tm = langdata.load(lang, "time")
        self.months = {m.lower() for m in tm["months"]}
        self.designators = {d.lower() for d in nc["designators"]}
        self.year_cues = {w.lower() for w in nc.get("year_cues", [])}
        ev = langdata.load(lang, "events")["words"]
        self.event_words = {str(w).lower() for ws in ev.values() for w in ws}
        self.age_after = [a.lower() for a in nc["age_after"]]
        self.age_before = [a.lower() for a in nc["age_before"]]
        self.calibres = {c.lower() for c in nc["calibres"]}
        self.streets = tuple(s.lower() for s in nc["street_suffixes"])
        self.probability = {w.lower() for w in nc.get("probability", [])}
        # a language that writes ordinals with a full stop ("am 4. Juni") names the words before them
        self.ordinal_dot = bool(langdata.load(lang, "numbers").get("ordinal_preceders"))
        self.ratio_before = [str(w).lower() for w in nc.get("ratio_before", [])]
        change = nc.get("count_change") or {}
        self.change_nouns = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in change.get("nouns", [])) + r")(?![\w])",
                                       re.IGNORECASE) if change.get("nouns") else None
        self.change_before = tuple(" " + w.lower() for w in change.get("before", []))
        from nkcheck.normalize.objects import lexicon
        self.objects = lexicon(lang)
        scale_words = [s for s in self.g.scales if not s.isdigit()] + list(self.g.multipliers)
        self.scale_re = re.compile(rf"\s*(?:{_alt(scale_words)})(?![\w])", re.IGNORECASE)
        self.digits_re = re.compile(self.g.digits_re)
        self.word_re = re.compile(self.g.word_re, re.IGNORECASE)
        tails = [w for w in self.g.articles + [self.g.joiner, "and"] if w.isalpha()]
        self.lead_re = re.compile(rf"(?:{_alt(self.g.articles)})[\s-]+(?=\w)", re.IGNORECASE) \
            if self.g.articles else re.compile(r"(?!)")
        self.tail_re = re.compile(rf"(?:[\s-]+(?:{_alt(tails)}))+$", re.IGNORECASE)
        vague_plurals = _alt(self.g.vague)
        quant = _alt(self.g.vague_quantifiers)
        singular = _alt([s for s in self.g.scales if s.isalpha()] + [self.g.hundred]
                        + list(self.g.multipliers) + ["zehntausend", "hunderttausend", "hundred thousand",
                           "ten thousand"])
        self.vague_re = re.compile(
            rf"(?<![\w])(?:(?P<q>{quant})\s+(?P<s>{singular})(?!\w)|(?P<p>{vague_plurals}))(?![\w])",
            re.IGNORECASE)
        self.unit_re = re.compile(r"\s?(%|‰)")
        self.share_re = re.compile(
            rf"(?<![\w])(?:(?P<num>{_alt(self.g.share_numerators)})\s+)?(?P<frac>{_alt(self.g.shares)})"
            rf"(?=\s+(?:{_alt(self.g.share_after)})(?![\w]))", re.IGNORECASE) if self.g.shares else re.compile(r"(?!)")
        cur = _alt(self.g.currencies) if self.g.currencies else "(?!)"
        sub = _alt(self.g.subunits) if self.g.subunits else "(?!)"
        self.currency_after_re = re.compile(rf"\s+(?:{cur})(?![\w])", re.IGNORECASE)
        self.currency_gap_re = re.compile(rf"\s+(?:{cur})\s+", re.IGNORECASE)
        # after the cents: the sub-unit's name, or the end of the phrase, not a counted noun
        self.after_subunit_re = re.compile(rf"(?:\s+(?i:{sub})(?![\w]))?(?=\s*(?:[.,;:!?)]|$|\s+[a-zäöüß]))", re.IGNORECASE if self.lang == "en" else 0)
        self.sign_re = re.compile(rf"(?:(?<![\w])({_alt(self.g.sign_words)})\s+|(?<![\w\d.,])[-\u2212])$", re.IGNORECASE) \
            if self.g.sign_words else re.compile(r"(?<![\w\d.,])()[-\u2212]$")
        self.signed_unit_re = re.compile(rf"\s*(?:{_alt(self.g.signed_units)})(?![\w])", re.IGNORECASE)
        self.prefix = sorted(((p["phrase"].lower(), p["bound"]) for p in hd["prefix"]),
                             key=lambda x: -len(x[0]))
        self.suffix = sorted(((p["phrase"].lower(), p["bound"]) for p in hd["suffix"]),
                             key=lambda x: -len(x[0]))
        self.ranges = []
        for r in hd["ranges"]:
            before, _, rest = r.partition("{a}")
            between, _, _ = rest.partition("{b}")
            self.ranges.append((before.lower(), between.lower()))
        # longer connectors first so " – " beats "-"
        self.ranges.sort(key=lambda x: (-len(x[0]), -len(x[1])))

    # -- candidates ---------------------------------------------------------------------
    def _atoms(self, text: str) -> list[Atom]:
        atoms: list[Atom] = []
        for m in self.digits_re.finditer(text):
            v = self.g.parse_digits(m.group(0))
            if v is None:
                continue
            end, scale = m.end(), Decimal(1)
            sm = self.scale_re.match(text, end)
            if sm:
                sc = self.g.scale_of(sm.group(0).strip())
                if sc is not None:
                    scale, end = sc, sm.end()
            unit = ""
            um = self.unit_re.match(text, end)
            if um:
                unit, end = "%", um.end()
            v, start = self._signed(text, m.start(), end, v, glyph=True)
            atoms.append(Atom(start, end, v * scale, v * scale, "digits", scale, unit))
        for m in self.vague_re.finditer(text):
            if m.group("p"):
                prev = re.search(r"([\w.,]+)\s+$", text[max(0, m.start() - 40):m.start()])
                if prev and (self.g.parse_word(prev.group(1)) is not None or prev.group(1)[-1:].isdigit()):
                    continue  # a number before it: "zwei Millionen", not "Millionen"
                lo, hi = self.g.vague[m.group("p").lower()]
            else:
                s = self.g.parse_word(m.group("s"))
                if s is None:
                    continue
                lo, hi = 2 * s, 10 * s - 1
            atoms.append(Atom(m.start(), m.end(), Decimal(lo), Decimal(hi), "vague"))
        for m in self.share_re.finditer(text):
            a = self._share(m)
            if a is not None:
                atoms.append(a)
        for m in self.word_re.finditer(text):
            word, end = m.group(0), m.end()
            v = self.g.parse_word(word)
            if v is None:
                # a run that ends in an article or a joiner belonging to the next words:
                # "a hundred a day", "zwanzig und mehr"
                cut = self.tail_re.search(word)
                if cut:
                    word, end = word[:cut.start()], m.start() + cut.start()
                    v = self.g.parse_word(word)
            if v is None and word.lower() in self.g.articles and self.currency_after_re.match(text, end):
                v = Decimal(1)  # "um einen Euro", "by a dollar"
            if v is None:
                continue  # a run of number words that is not one number: no claim
            if word.lower() in self.g.excluded and not self.currency_after_re.match(text, end):
                # "ein", "one" are no figures ("einen Euro", "a dollar" are amounts), but "null"
                # and "eins" are where a count falls or rises to them
                if word.lower() not in self.g.figure_words or not self._after_change(text, m.start()):
                    continue
            start = m.start()
            lead = self.lead_re.match(word) if self.g.opens_with_article(word) else None
            if lead:  # the article is not part of the figure as written: "einer Viertelmillion"
                start += lead.end()
            v, start = self._signed(text, start, end, v, glyph=False)
            atoms.append(Atom(start, end, v, v, "word"))
        # keep the longest of overlapping candidates
        atoms.sort(key=lambda a: (a.start, -(a.end - a.start)))
        out: list[Atom] = []
        for a in atoms:
            if out and a.start < out[-1].end:
                continue
            if out and self._add_cents(text, out[-1], a):
                continue
            out.append(a)
        return out

    def _share(self, m: re.Match) -> Optional[Atom]:
        """A share named by a fraction of a set, in percent: "ein Drittel der Häuser" 33.3,
        "zwei Drittel aller Wähler" 66.7, "die Hälfte der Bewohner" 50, "half of the homes"."""
        frac = m.group("frac").lower()
        num = (m.group("num") or "").lower()
        if not num and frac not in self.g.share_alone:
            return None
        n = self.g.share_numerators.get(num, 1) if num else 1
        if frac in self.g.share_needs_more and n < 2:
            return None  # "ein Viertel der Stadt" may be a district
        share = n * self.g.shares[frac]
        if share > 1:
            return None
        v = (share * 100).quantize(Decimal("0.1"))
        v = v.to_integral_value() if v == v.to_integral_value() else v
        return Atom(m.start(), m.end(), v, v, "share", unit="%")

    def _signed(self, text: str, start: int, end: int, v: Decimal, glyph: bool) -> tuple[Decimal, int]:
        """A value below zero and where it starts: after a sign word ("minus 1,2 Millionen
        Euro", "minus drei Grad"), or, for digits, a minus glued to them before money, degrees
        or shares ("-3 Grad", "−2,5 Prozent"); elsewhere a minus is a dash."""
        sign = self.sign_re.search(text[max(0, start - 8):start])
        if sign and (sign.group(1) or (glyph and self.signed_unit_re.match(text, end))):
            return -v, start - len(sign.group(0))
        return v, start

    def _add_cents(self, text: str, a: Atom, b: Atom) -> bool:
        """Whether ``b`` is the cents after ``a``'s currency ("zwei Euro fünfzig", "15 Dollar
        50"): then they are added to ``a``, and ``b`` is no figure of its own."""
        gap = self.currency_gap_re.fullmatch(text, a.end, b.start)
        if not gap or a.low != a.high or b.low != b.high or a.low < 0:
            return False
        if not (0 < b.low < 100 and b.low == b.low.to_integral_value()):
            return False
        if b.kind == "digits" and len(text[b.start:b.end]) != 2:
            return False  # "15 Dollar 5" is no amount of cents
        nxt = self.after_subunit_re.match(text, b.end)
        if not nxt:
            return False  # "2 Euro 50 Menschen": a second figure
        a.low = a.high = a.low + b.low / 100
        return True

    # -- filters --------------------------------------------------------------------------
    def _after_change(self, text: str, pos: int) -> bool:
        """A figure that a count rises or falls to: "die Zahl der Toten stieg auf sieben",
        "the toll fell to zero"."""
        if self.change_nouns is None or not text[max(0, pos - 30):pos].lower().rstrip().endswith(self.change_before):
            return False
        window = text[max(0, pos - 200):pos]
        window = window[max(window.rfind(". "), window.rfind("\n")) + 1:]  # this sentence only
        return bool(self.change_nouns.search(window))

    def _word_before(self, text: str, pos: int) -> str:
        m = re.search(r"([\w§.]+)\s*$", text[max(0, pos - 40):pos])
        return m.group(1).lower() if m else ""

    def _is_not_claim(self, text: str, a: Atom, blocked: "_Spans") -> bool:
        s, e = a.start, a.end
        if blocked.overlaps(s, e):
            return True
        raw = text[s:e]
        before = text[max(0, s - 30):s]
        after = text[e:e + 30]
        if a.kind == "digits":
            # signed values and exponents are not counts: "-5 Grad", "−500", "10^15", "10⁶"
            if before.endswith("\u2212") or re.search(r"(?:^|[\s(\[])-$", before):
                return True
            if before.endswith("^") or re.match(r"\^|[\u2070-\u2079\u00b2\u00b3\u00b9]", after):
                return True
            # leading zeros: "007", "000" are codes or stray digit groups, not figures
            if re.match(r"0\d", raw):
                return True
            # glued to letters: IL-76, U5, F-16, 1990er, COVID-19
            if re.search(r"[A-Za-zÄÖÜäöü]-?$", before) and not before.endswith(" "):
                return True
            if re.match(r"[A-Za-zÄÖÜäöüß]", after) and not a.unit:
                if not re.match(r"(?:km|m|kg|t|mm|cm|ha|mio|mrd|bn|m²|qm)\b", after, re.IGNORECASE):
                    return True
            # a year on its own: 4 digits from 1800 to 2099 not followed by a counted noun
            if re.fullmatch(r"(1[89]|20)\d\d", raw):
                wb = self._word_before(text, s)
                nxt = re.match(r"\s+([\w-]+)", text[e:e + 40])
                if wb in self.year_cues or wb.rstrip(".,") in self.months or not nxt:
                    return True
                w = nxt.group(1)
                if w[0].isupper() and w.lower() in self.months | self.year_cues:
                    return True
                if w[0].isupper() or self.objects.lookup(w):
                    pass  # "2000 Soldaten", "around 2000 people": a count
                elif w.lower() not in self.event_words and not re.match(
                        r"\s+[a-zäöüß]+(?:e|en|er|es|em)\s+[A-ZÄÖÜ]", text[e:e + 60]):
                    return True  # "wurde 1972 gebaut"; but "2000 verwundet", "2000 neue Soldaten"
            # ordinals: "4. Juni", "3. Liga", "zum 2. Mal"
            om = re.match(r"\.\s+(\S+)", after) if self.ordinal_dot else None
            if om and re.fullmatch(r"\d{1,3}", raw):
                nxt = om.group(1)
                if nxt[0].islower() or nxt.lower().strip(",.") in self.months or len(raw) <= 2:
                    return True
            wb = self._word_before(text, s)
            if wb in self.designators or wb.rstrip(".") in self.designators:
                return True
            if wb.endswith(self.streets) and wb not in ("platz",):
                return True
            # a house number before the street's name: "10 Downing Street", "45 Main Street"
            names = re.match(r"(?:\s+[A-Z][\w'-]*){2,4}", text[e:e + 60])
            if names and any(w.lower() in self.streets for w in names.group(0).split()[1:]):
                return True
            if any(after.lower().startswith(c) or after.lower().startswith(" " + c)
                   or after.lower().startswith("-" + c) for c in self.calibres):
                return True
            if wb == "kaliber" or wb == "calibre" or wb == "caliber":
                return True
            # clock times in English: "10 a.m.", "6pm"
            if re.match(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", after, re.IGNORECASE):
                return True
        low_after = after.lower()
        # "a 70% chance", "mit 30 Prozent Wahrscheinlichkeit": a probability, not a measured share
        unit = "" if a.unit == "%" or raw.endswith("%") else r"(?:%|prozent|percent|per cent)"
        pm = re.match(rf"\s*{unit}\W+((?:[\wäöüß]+\W+){{0,2}})", low_after + " ") \
            if unit or a.unit == "%" or raw.endswith("%") else None
        if pm and any(w in self.probability for w in re.findall(r"[\wäöüß]+", pm.group(1))):
            return True
        if any(low_after.startswith(x) or low_after.startswith(" " + x) for x in self.age_after):
            return True
        low_before = before.lower().rstrip()
        if any(low_before.endswith(x) for x in self.age_before):
            return True
        if a.kind == "word" and a.low < 20:
            # a small number word counts only when a noun follows ("drei Polizisten"), or when a
            # count noun before it rises to it ("die Zahl der Verletzten ist auf sieben gestiegen")
            if self._after_change(text, s) or self._partitive(text, s, e):
                return False
            nxt = re.match(r"\s+(?:[a-zäöüß]+\s+){0,2}?([\w-]+)", after)
            if not nxt:
                return True
            w = nxt.group(1)
            if self.lang == "de" and not w[0].isupper():
                return True
            if self.lang == "en" and not (w.endswith("s") or w in ("people", "police", "percent")
                                          or self.currency_after_re.match(text, e)):
                return True
        return False

    def _partitive(self, text: str, s: int, e: int) -> bool:
        """A small number word that names a part of a group named before: a partitive right
        before it ("davon zwölf schwer", "darunter drei Kinder") or right after it ("vier von
        ihnen", "four of them"), or the group itself after it ("vier der Verletzten", "four of
        the injured")."""
        before = " ".join(re.findall(r"[\wäöüß]+", text[max(0, s - 20):s].lower()))
        if any(before.endswith(" " + r) or before == r for r in self.ratio_before):
            return False  # "one in four of them", "jeder Vierte von ihnen": a ratio, not a count
        return self.objects.partitive_around(text[max(0, s - 30):s], text[e:e + 40]) or \
            self.objects.group_after(text[e:e + 40])

    # -- hedges and ranges ----------------------------------------------------------------
    def _prefix_hedge(self, text: str, start: int) -> tuple[str, str, int]:
        window = text[max(0, start - 40):start].lower()
        for phrase, bound in self.prefix:
            if window.endswith(phrase + " ") or window.endswith(phrase + "\u00a0"):
                cut = len(window) - len(phrase) - 1
                if cut == 0 or not window[cut - 1].isalnum():
                    return phrase, bound, start - len(phrase) - 1
        return "", "", start

    def _suffix_hedge(self, text: str, end: int) -> tuple[str, str, int]:
        window = text[end:end + 20].lower()
        for phrase, bound in self.suffix:
            if window.startswith(" " + phrase) and not window[len(phrase) + 1:len(phrase) + 2].isalnum():
                return phrase, bound, end + len(phrase) + 1
        return "", "", end

    def _merge_ranges(self, text: str, atoms: list[Atom]) -> list[tuple[Atom, Optional[Atom]]]:
        out: list[tuple[Atom, Optional[Atom]]] = []
        i = 0
        while i < len(atoms):
            a = atoms[i]
            b = atoms[i + 1] if i + 1 < len(atoms) else None
            if b is not None and a.kind != "vague" and b.kind != "vague":
                between = text[a.end:b.start].lower()
                for before, conn in self.ranges:
                    if between == conn and (not before or text[:a.start].lower().endswith(before)):
                        out.append((a, b))
                        i += 2
                        break
                else:
                    out.append((a, None))
                    i += 1
                continue
            out.append((a, None))
            i += 1
        return out

    def find(self, text: str, blocked: list[tuple[int, int]] = ()) -> list[Quantity]:
        spans = _Spans(blocked)
        atoms = [a for a in self._atoms(text) if not self._is_not_claim(text, a, spans)]
        out: list[Quantity] = []
        for a, b in self._merge_ranges(text, atoms):
            if b is not None:
                lo, hi = a.low, b.high
                if a.scale == 1 and b.scale > 1 and a.low * b.scale <= b.high:
                    lo = a.low * b.scale  # "1 bis 2 Millionen"
                if lo > hi:
                    lo, hi = hi, lo  # written backwards
                start, end = a.start, b.end
                bound, approx = "range", False
                hedge, hb, _ = self._prefix_hedge(text, a.start)
                if hb == "approx":
                    approx = True
                out.append(Quantity(start, end, text[start:end], as_number(lo), as_number(hi),
                                    approx, bound, hedge, a.unit or b.unit))
                continue
            hedge, hb, _ = self._prefix_hedge(text, a.start)
            shedge, sb, _ = self._suffix_hedge(text, a.end)
            low, high = a.low, a.high
            approx = a.kind in ("vague", "share")  # "ein Drittel" is a rounded share
            bound = "vague" if a.kind == "vague" else "approx" if a.kind == "share" else "exact"
            if sb:
                hedge, hb = (hedge + " … " + shedge).strip(" …"), sb if not hb else hb
            if hb in ("approx", "nearly"):
                approx, bound = True, hb
            elif hb in ("more_than", "at_least"):
                high, approx, bound = None, True, hb
            elif hb in ("at_most", "less_than", "up_to"):
                low, bound = None, hb
                if a.kind == "vague":
                    low = None
            out.append(Quantity(a.start, a.end, text[a.start:a.end],
                                None if low is None else as_number(low),
                                None if high is None else as_number(high),
                                approx, bound, hedge, a.unit))
        return out


class _Spans:
    """Blocked spans (time expressions) with an overlap test in O(log n), not O(n)."""

    def __init__(self, spans):
        self.spans = sorted((s, e) for s, e in spans if s < e)
        self.starts = [s for s, _ in self.spans]
        # the largest end among the spans up to each index: spans may nest or overlap
        self.max_end, m = [], -1
        for _, e in self.spans:
            m = max(m, e)
            self.max_end.append(m)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # spans starting before `end`
        return i > 0 and self.max_end[i - 1] > start


@lru_cache(maxsize=None)
def finder(lang: str) -> QuantityFinder:
    return QuantityFinder(lang)
