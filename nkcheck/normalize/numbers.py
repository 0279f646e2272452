"""Turn numbers as written ("11.000", "1,5 Millionen", "elftausend", "Zehntausende") into values.

All locale knowledge comes from ``lang/<lang>/numbers.yaml``; this module only knows how
numerals compose (units, tens, hundreds, thousands, scale words).
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata


# Vulgar fractions ("½ Million", "2¾ Millionen"): Unicode knows their values, no language does.
FRACTION_GLYPHS = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"


def as_number(d: Decimal) -> float | int:
    """A Decimal as int when whole, else float (what JSON and comparisons use)."""
    return int(d) if d == d.to_integral_value() else float(d)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class NumberGrammar:
    """Parses the numerals of one language."""

    def __init__(self, lang: str):
        d = langdata.load(lang, "numbers")
        self.lang = lang
        self.decimal = d["decimal_separator"]
        self.groups = [g for g in d["group_separators"]]
        self.units = {k.lower(): v for k, v in d["units"].items()}
        self.teens = {k.lower(): v for k, v in d["teens"].items()}
        self.tens = {k.lower(): v for k, v in d["tens"].items()}
        self.hundred = d["hundred"].lower()
        self.thousand = d["thousand"].lower()
        self.joiner = d["tens_joiner"]
        self.excluded = {w.lower() for w in d.get("standalone_excluded", [])}
        self.scales = {k.lower(): Decimal(str(v)) for k, v in d["scales"].items()}
        self.fractions = {k.lower(): Decimal(str(v)) for k, v in d.get("fractions", {}).items()}
        self.vague = {k.lower(): tuple(v) for k, v in d.get("vague", {}).items()}
        self.vague_quantifiers = [q.lower() for q in d.get("vague_quantifiers", [])]
        g = "".join(re.escape(s) for s in self.groups)
        dec = re.escape(self.decimal)
        # A digit group separator must be followed by exactly three digits; a number never
        # starts or ends inside another number ("13.07", "20.01.2024" are not counts).
        self.digits_re = (
            rf"(?<![\w.,:/])(?:(?:\d{{1,3}}(?:[{g}]\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?)"
            rf"[{FRACTION_GLYPHS}]?|[{FRACTION_GLYPHS}])"
            rf"(?![\d{FRACTION_GLYPHS}]|[.,:/]\d)"
        )
        morphemes = (list(self.units) + list(self.teens) + list(self.tens)
                     + [self.hundred, self.thousand] + list(self.fractions)
                     + [s for s in self.scales if s.isalpha()])
        if self.joiner.isalpha():
            morphemes.append(self.joiner)
        self.morpheme_re = re.compile(rf"(?:{_alternation(morphemes)})+", re.IGNORECASE)
        sep = r"[\s-]+" if lang == "en" else r"\s*"
        self.word_re = rf"(?<![\w-])(?:{_alternation(morphemes)})(?:{sep}(?:{_alternation(morphemes + ['and'])}))*(?![\w])"

    # -- digits ------------------------------------------------------------------------
    def parse_digits(self, s: str) -> Optional[Decimal]:
        """'11.000' -> 11000; '1,5' -> 1.5 (German); '1.4' -> 1.4 (English)."""
        t, fraction = s, Decimal(0)
        if t and t[-1] in FRACTION_GLYPHS:
            t, fraction = t[:-1], Decimal(str(unicodedata.numeric(t[-1])))
            if not t:
                return fraction
        for g in self.groups:
            if g == self.decimal:
                continue
            # a group separator is only a separator before exactly three digits
            t = re.sub(rf"{re.escape(g)}(?=\d{{3}}(?!\d))", "", t)
        t = t.replace(self.decimal, ".")
        try:
            value = Decimal(t)
        except InvalidOperation:
            return None
        if fraction and value != value.to_integral_value():
            return None  # "1,5½" is not a number
        return value + fraction

    # -- words -------------------------------------------------------------------------
    def _below_100(self, w: str) -> Optional[int]:
        if w == "":
            return 0
        for table in (self.units, self.teens, self.tens):
            if w in table:
                return table[w]
        j = self.joiner
        if j and j in w:  # fünfundzwanzig, twenty-five
            left, _, right = w.partition(j)
            if left in self.units and right in self.tens and self.units[left] > 0:
                return self.units[left] + self.tens[right]  # German order: fünf-und-zwanzig
            if left in self.tens and right in self.units and self.units[right] > 0:
                return self.tens[left] + self.units[right]  # English order: twenty-five
        return None

    def _below_1000(self, w: str) -> Optional[int]:
        if self.hundred in w:
            left, _, right = w.partition(self.hundred)
            left = left.strip(" -")
            lv = 1 if left in ("", "ein", "a", "one") else self._below_100(left)
            rv = self._below_100(right.strip(" -").removeprefix("and ").strip())
            if lv is None or rv is None or lv >= 10:
                return None
            return lv * 100 + rv
        return self._below_100(w)

    def parse_word(self, s: str) -> Optional[Decimal]:
        """'fünfundzwanzigtausend' -> 25000; 'Viertelmillion' -> 250000; 'two hundred' -> 200."""
        w = re.sub(r"\s+", " ", s.lower().strip())
        if self.lang == "de":
            w = w.replace(" ", "")
        if not w:
            return None
        for frac, fv in sorted(self.fractions.items(), key=lambda kv: -len(kv[0])):
            for scale, sv in self.scales.items():
                if scale.isalpha() and w in (frac + scale, f"{frac} {scale}", f"{frac}e{scale}"):
                    return fv * sv
        for scale, sv in sorted(self.scales.items(), key=lambda kv: -len(kv[0])):
            if not scale.isalpha() or scale == self.thousand or sv <= 1000:
                continue
            if w.endswith(scale):
                left = w[: -len(scale)].strip(" -")
                lv = Decimal(1) if left in ("", "eine", "ein", "a", "one") else self.parse_word(left)
                return None if lv is None else lv * sv
        if self.thousand in w:
            left, _, right = w.rpartition(self.thousand)
            left, right = left.strip(" -"), right.strip(" -").removeprefix("and ").strip()
            lv = 1 if left in ("", "ein", "a", "one") else self._below_1000(left)
            rv = self._below_1000(right) if right else 0
            if lv is None or rv is None:
                return None
            return Decimal(lv * 1000 + rv)
        v = self._below_1000(w)
        return None if v is None else Decimal(v)

    def scale_of(self, word: str) -> Optional[Decimal]:
        return self.scales.get(word.lower().rstrip()) or self.scales.get(word.lower().rstrip("."))


@lru_cache(maxsize=None)
def grammar(lang: str) -> NumberGrammar:
    return NumberGrammar(lang)


def parse_number(text: str, lang: str = "de") -> Optional[float | int]:
    """Parse a whole number expression: digits with optional scale word, or number words."""
    g = grammar(lang)
    t = text.strip()
    m = re.fullmatch(rf"({g.digits_re})\s*([^\d\s]*)", t)
    if m:
        v = g.parse_digits(m.group(1))
        if v is None:
            return None
        if m.group(2):
            sc = g.scale_of(m.group(2))
            if sc is None:
                return None
            v *= sc
        return as_number(v)
    v = g.parse_word(t)
    return None if v is None else as_number(v)
