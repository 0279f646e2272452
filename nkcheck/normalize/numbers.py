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


def _fraction(v) -> Decimal:
    """A fraction from the data: 0.25, or "1/3" where no decimal is exact."""
    if isinstance(v, str) and "/" in v:
        num, den = v.split("/")
        return Decimal(num) / Decimal(den)
    return Decimal(str(v))


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
        self.figure_words = {w.lower() for w in d.get("figure_words", [])}
        self.currencies = [w.lower() for w in d.get("currencies", [])]
        self.subunits = [w.lower() for w in d.get("subunits", [])]
        self.shares = {k.lower(): _fraction(v) for k, v in (d.get("shares") or {}).items()}
        self.share_numerators = {k.lower(): int(v) for k, v in (d.get("share_numerators") or {}).items()}
        self.share_after = [w.lower() for w in d.get("share_after", [])]
        self.share_alone = {w.lower() for w in d.get("share_alone", [])}
        self.share_needs_more = {w.lower() for w in d.get("share_needs_more_than_one", [])}
        self.sign_words = [w.lower() for w in d.get("sign_words", [])]
        self.signed_units = [w.lower() for w in d.get("signed_units", ["%"])]
        self.scales = {k.lower(): Decimal(str(v)) for k, v in d["scales"].items()}
        self.fractions = {k.lower(): Decimal(str(v)) for k, v in d.get("fractions", {}).items()}
        self.multipliers = {k.lower(): Decimal(str(v)) for k, v in d.get("multipliers", {}).items()}
        self.half_after = [w.lower() for w in d.get("half_after", [])]
        self.articles = [w.lower() for w in d.get("articles", [])]
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
        self.lexicon = self._lexicon()
        self.longest_morpheme = max(len(w) if lang == "de" else len(w.split()) for w in self.lexicon)
        self._word_cache: dict[str, tuple[Optional[Decimal], bool]] = {}
        morphemes = list(self.lexicon)
        # a number never opens with a joiner or an added half: "und drei", "and three"
        openers = [w for w, (kind, _) in self.lexicon.items() if kind not in ("j", "+")]
        sep = r"[\s-]+" if lang == "en" else r"\s*"
        self.word_re = rf"(?<![\w-])(?:{_alternation(openers)})(?:{sep}(?:{_alternation(morphemes + ['and'])}))*(?![\w])"

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
    # A number word is a run of morphemes, each of one kind:
    #   u unit (0-9)  t teen (10-19)  z tens (20-90)  h hundred  j joiner (und / and)
    #   s scale of 1000 and more  m multiplier below 1000 (Dutzend)  f fraction that multiplies
    #   (halbe, Viertel, anderthalb)  + half added to what comes before (einhalb, and a half)
    #   a article that means one only before a multiplier (a dozen, a million)
    def _lexicon(self) -> dict[str, tuple[str, Decimal]]:
        lex: dict[str, tuple[str, Decimal]] = {}
        for table, kind in ((self.units, "u"), (self.teens, "t"), (self.tens, "z")):
            for w, v in table.items():
                lex[w] = (kind, Decimal(v))
        lex[self.hundred] = ("h", Decimal(100))
        lex[self.thousand] = ("s", Decimal(1000))
        for w, v in self.scales.items():
            if w.replace(" ", "").isalpha() and v >= 1000:
                lex[w] = ("s", v)
        for w, v in self.multipliers.items():
            lex[w] = ("m", v)
        for w, v in self.fractions.items():
            lex[w] = ("f", v)
        for w in self.half_after:
            lex[w] = ("+", Decimal("0.5"))
        for w in self.articles:
            lex.setdefault(w, ("a", Decimal(1)))
        if self.joiner.isalpha():
            lex[self.joiner] = ("j", Decimal(0))
        if self.lang == "en":
            lex.setdefault("and", ("j", Decimal(0)))
        return lex

    def _tokenisations(self, w: str):
        """Every way to cut a number word into morphemes, longest morphemes first."""
        lex = self.lexicon
        if self.lang == "de":  # one word: cut at characters
            pieces, glue = w.replace(" ", ""), ""
        else:  # words apart: cut at spaces and hyphens
            pieces, glue = re.split(r"[\s-]+", w), " "
        n = len(pieces)
        longest = self.longest_morpheme

        def cut(i: int):
            if i == n:
                yield []
                return
            for j in range(min(n, i + longest), i, -1):
                m = lex.get(glue.join(pieces[i:j]))
                if m is not None:
                    for rest in cut(j):
                        yield [m] + rest
        yield from cut(0)

    def _below_100(self, toks) -> Optional[Decimal]:
        kinds = "".join(k for k, _ in toks)
        if kinds in ("u", "t", "z"):
            return toks[0][1]
        if self.joiner.isalpha():  # German: fünf-und-zwanzig, never "zwanzigzwei"
            if kinds == "ujz" and toks[0][1] > 0:
                return toks[0][1] + toks[2][1]
        elif kinds == "zu" and toks[1][1] > 0:  # English: twenty-five
            return toks[0][1] + toks[1][1]
        return None

    def _below_1000(self, toks) -> Optional[Decimal]:
        kinds = [k for k, _ in toks]
        if "h" not in kinds:
            return self._below_100(toks)
        i = kinds.index("h")
        left, right = toks[:i], toks[i + 1:]
        if not left or (len(left) == 1 and left[0][0] == "a"):
            lv = Decimal(1)
        elif len(left) == 1 and left[0][0] == "u" and left[0][1] > 0:
            lv = left[0][1]
        else:
            return None
        if right and right[0][0] == "j":
            right = right[1:]
            if not right:
                return None
        rv = self._below_100(right) if right else Decimal(0)
        return None if rv is None else lv * 100 + rv

    def _group(self, toks, multiplied: bool) -> Optional[Decimal]:
        """A number below 1000, perhaps with a half, a fraction or a dozen: zweieinhalb,
        eine halbe, drei Dutzend, two and a half."""
        if not toks:
            return Decimal(1) if multiplied else None
        kind, value = toks[-1]
        inner = toks[:-1]
        if kind in ("m", "f"):
            if not inner or (len(inner) == 1 and inner[0][0] == "a"):
                base = Decimal(1)
            else:
                base = self._group(inner, False)
            return None if base is None or (kind == "f" and base != base.to_integral_value()) \
                else base * value
        if kind == "+":
            base = self._below_1000(inner) if inner else None
            return None if not base else base + value
        if kind == "a":
            return Decimal(1) if multiplied and not inner else None
        return self._below_1000(toks)

    def _evaluate(self, toks) -> Optional[Decimal]:
        total, chunk, last = Decimal(0), [], None
        for kind, value in toks:
            if kind != "s":
                chunk.append((kind, value))
                continue
            if last is not None and value >= last:
                if chunk or value == last:
                    return None  # scales fall: "zwei Millionen dreihunderttausend"
                total, last = total * value, value  # "tausend Millionen": a scale of a scale
                continue
            g = self._group(chunk, True)
            if g is None:
                return None
            total, chunk, last = total + g * value, [], value
        if chunk:
            if last is not None and chunk[0][0] == "j":
                chunk = chunk[1:]  # "tausendundzwölf", "a thousand and twelve"
            g = self._group(chunk, False)
            if g is None or (last is not None and g >= last):
                return None
            total += g
        elif last is None:
            return None
        if total < 1 and not (len(toks) == 1 and toks[0][0] == "u"):
            return None  # "halbe", "a quarter": a share, not a number
        return total

    def parse_word(self, s: str) -> Optional[Decimal]:
        """'fünfundzwanzigtausend' -> 25000; 'zweieinhalb Millionen' -> 2500000;
        'ein Dutzend' -> 12; 'two and a half million' -> 2500000."""
        w = re.sub(r"\s+", " ", s.lower().strip())
        if not w:
            return None
        return self._parsed(w)[0]

    def opens_with_article(self, s: str) -> bool:
        """Whether the number word starts with an article that only means one ("a dozen")."""
        return self._parsed(re.sub(r"\s+", " ", s.lower().strip()))[1]

    def _parsed(self, w: str) -> tuple[Optional[Decimal], bool]:
        if w in self._word_cache:
            return self._word_cache[w]
        out: tuple[Optional[Decimal], bool] = (None, False)
        for toks in self._tokenisations(w):
            value = self._evaluate(toks)
            if value is not None:
                out = (value, toks[0][0] == "a")
                break
        if len(self._word_cache) < 100_000:
            self._word_cache[w] = out
        return out

    def scale_of(self, word: str) -> Optional[Decimal]:
        w = word.lower().rstrip()
        return self.scales.get(w) or self.scales.get(w.rstrip(".")) or self.multipliers.get(w)


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
