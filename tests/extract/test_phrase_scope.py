"""What the words around a figure belong to: the source cue of a figure's own phrase ("28.000
laut Polizei, 50.000 nach Angaben der Veranstalter"), the one place a relative "wo"/"where"
refers to after a list of places, and the short name news uses for a German city whose name has
a qualifier ("Klagenfurt am Wörthersee", "Marburg an der Lahn", "Halle (Saale)"). Table cases
in German and English, each a sentence written for the phenomenon."""
from __future__ import annotations

import pytest

from nkcheck.extract import extract_documents


def _claims(tmp_path, text: str, lang: str):
    (tmp_path / "a.md").write_text(f"---\npublished: 2025-11-08\nlang: {lang}\n---\n{text}\n", encoding="utf-8")
    result = extract_documents([str(tmp_path)])
    assert not result.problems
    return {c.text: c for c in result.claims}


OWN_CUE = [  # (id, lang, text, figure, source)
    ("de-cue-after-each-figure", "de", "In Wien kamen 28.000 Menschen laut Polizei, 50.000 nach Angaben der Veranstalter.",
     "50.000", "Veranstalter"),
    ("de-first-keeps-its-cue", "de", "In Wien kamen 28.000 Menschen laut Polizei, 50.000 nach Angaben der Veranstalter.",
     "28.000", "Polizei"),
    ("de-cue-before-carries-over-comma", "de", "Laut Polizei kamen in Wien 28.000 Menschen, in Graz 6.000 Menschen.",
     "6.000", "Polizei"),
    ("en-cue-after-each-figure", "en", "In Vienna, 28,000 people according to police, 50,000 according to the organisers.",
     "50,000", "organisers"),
    ("en-first-keeps-its-cue", "en", "In Vienna, 28,000 people according to police, 50,000 according to the organisers.",
     "28,000", "police"),
    # a hyphenated compound of a name or an acronym and "Angaben": who gave the figure
    ("de-acronym-angaben", "de", "Nach NDRRMC-Angaben werden noch 23 Menschen vermisst.", "23", "NDRRMC"),
    ("de-name-schaetzungen", "de", "Nach Unicef-Schätzungen sind 2000 Kinder betroffen.", "2000", "Unicef"),
    ("de-closed-compound-stays", "de", "Nach Polizeiangaben kamen 500 Menschen.", "500", "Polizei"),
]


@pytest.mark.parametrize("lang,text,figure,source", [pytest.param(*c[1:], id=c[0]) for c in OWN_CUE])
def test_cue_of_the_figures_own_phrase(tmp_path, lang, text, figure, source):
    assert _claims(tmp_path, text, lang)[figure].source == source


WHERE = [  # (id, lang, text, figure, place)
    ("de-wo-after-list", "de", "Kleinere Kundgebungen gab es in Linz, Salzburg und Innsbruck, wo sich rund 1.500 Menschen "
     "versammelten.", "1.500", "gn:2775220"),
    ("en-where-after-list", "en", "Smaller marches were held in Linz, Salzburg and Innsbruck, where about 1,500 people "
     "gathered.", "1,500", "gn:2775220"),
    ("de-list-without-wo-is-all", "de", "In Linz und Graz kamen 3000 Menschen zusammen.", "3000", "gn:2772400+gn:2778067"),
    ("en-list-without-where-is-all", "en", "In Linz and Graz, 3,000 people marched.", "3,000", "gn:2772400+gn:2778067"),
]


@pytest.mark.parametrize("lang,text,figure,place", [pytest.param(*c[1:], id=c[0]) for c in WHERE])
def test_where_refers_to_the_last_place(tmp_path, lang, text, figure, place):
    assert _claims(tmp_path, text, lang)[figure].place == place


@pytest.mark.parametrize("lang,text,figure,place", [
    pytest.param("de", "In Klagenfurt kamen 1.500 Menschen zum Neuen Platz.", "1.500", "gn:2774326", id="de-klagenfurt"),
    pytest.param("en", "In Klagenfurt, 1,500 people gathered.", "1,500", "gn:2774326", id="en-klagenfurt"),
    pytest.param("de", "In Marburg demonstrierten 4.000 Menschen.", "4.000", "gn:2873759", id="de-marburg-an-der-lahn"),
    pytest.param("de", "In Ludwigshafen demonstrierten 2.000 Menschen.", "2.000", "gn:2875376", id="de-ludwigshafen-am-rhein"),
    pytest.param("en", "In Kempten, 800 people marched.", "800", "gn:2891621", id="en-kempten-allgaeu"),
])
def test_short_name_of_a_qualified_city(tmp_path, lang, text, figure, place):
    assert _claims(tmp_path, text, lang)[figure].place == place


SOURCE_KINDS = [  # (id, lang, source as written, kind)
    ("de-compound-by-its-head", "de", "nationale Katastrophenschutzbehörde NDRRMC", "authorities"),
    ("de-speaker-for-the-police", "de", "Polizeisprecher", "police"),
    ("de-ministry-named-whole", "de", "Verteidigungsministerium", "military"),
    ("de-news-agency", "de", "Nachrichtenagentur AFP", "media"),
    ("de-aid-group", "de", "das Rote Kreuz", "aid_groups"),
    ("en-phrase-before-its-words", "en", "the Defence Ministry", "military"),
    ("en-government-agency", "en", "the national disaster agency", "authorities"),
    ("en-news-agency", "en", "the Yonhap news agency", "media"),
    ("en-police-spokesman", "en", "a police spokesman", "police"),
]


@pytest.mark.parametrize("lang,source,kind", [pytest.param(*c[1:], id=c[0]) for c in SOURCE_KINDS])
def test_kind_of_source(lang, source, kind):
    from nkcheck.extract.attribution import finder
    assert finder(lang).kind_of(source) == kind


@pytest.mark.parametrize("lang,text,figure,source", [
    pytest.param("en", "By Seoul's estimate, no fewer than 600 North Korean soldiers have died in the war.", "600", "Seoul",
                 id="en-possessive-names-its-owner"),
    pytest.param("en", "According to Seoul's spy agency, 600 North Korean soldiers have died.", "600",
                 "Seoul's spy agency", id="en-possessive-with-its-noun-stays"),
])
def test_possessive_source(tmp_path, lang, text, figure, source):
    assert _claims(tmp_path, text, lang)[figure].source == source


@pytest.mark.parametrize("text,figure,place", [
    pytest.param("In Linz waren 4.500 Menschen mit Fackeln über die Landstraße gezogen. In Wien demonstrierten am "
                 "Samstag 28.000 Menschen.", "28.000", "gn:2761369", id="de-common-noun-pulls-no-reading"),
    pytest.param("In Wien demonstrierten am Samstag 28.000 Menschen.", "28.000", "gn:2761369", id="de-vienna-alone"),
])
def test_a_town_with_an_article_is_a_common_noun(tmp_path, text, figure, place):
    """"über die Landstraße" is a road, not Vienna's district of that name: it is left out before
    places are resolved, so it does not make "Wien" the state around the district."""
    assert _claims(tmp_path, text, "de")[figure].place == place
