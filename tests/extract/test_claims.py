"""End to end: short German articles on disk -> claims with object, event, actor, place,
time and source."""
from __future__ import annotations

import pytest

from conftest import assert_slots
from nkcheck.extract import extract_documents

FRONT = "---\ntitle: Testmeldung\noutlet: Testblatt\npublished: 2025-03-10\nlang: de\n---\n\n"


def write(tmp_path, body, name="artikel.md"):
    p = tmp_path / name
    p.write_text(FRONT + body + "\n", encoding="utf-8")
    return p


def claims_of(tmp_path, body):
    res = extract_documents([str(write(tmp_path, body))])
    assert res.problems == []
    assert len(res.documents) == 1
    return res.claims


def claim_at(claims, number_text):
    hits = [c for c in claims if c.text == number_text]
    assert len(hits) == 1, f"expected one claim {number_text!r}, got {[c.text for c in claims]}"
    return hits[0]


# (id, body, number as written, expected slots; "source" is a substring of the source)
CASES = [
    ("demo-leipzig-laut-polizei",
     "Am Samstag demonstrierten laut Polizei rund 20.000 Menschen in Leipzig.",
     "20.000", dict(object="participants", event="attended", place="gn:2879139", source="Polizei",
                    low=20000, high=20000, time_start="2025-03-08")),
    ("demo-leipzig-wie-polizei-mitteilte",
     "In Leipzig demonstrierten am Samstag 20.000 Menschen, wie die Polizei mitteilte.",
     "20.000", dict(object="participants", event="attended", place="gn:2879139", source="Polizei")),
    ("demo-stuttgart-nach-angaben",
     "Nach Angaben der Polizei kamen 5000 Menschen zum Protest in Stuttgart.",
     "5000", dict(object="participants", event="attended", place="gn:2825297", source="Polizei")),
    ("demo-muenchen-veranstalter",
     "Nach Angaben der Veranstalter nahmen 8000 Menschen an der Kundgebung in München teil.",
     "8000", dict(object="participants", event="attended", place="gn:2867714", source="Veranstalter")),
    ("demo-frankfurt-polizeiangaben",
     "Nach Polizeiangaben gingen in Frankfurt rund 6000 Menschen auf die Straße.",
     "6000", dict(object="participants", event="attended", place="gn:2925533", source="Polizei")),
    ("erdbeben-getoetet",
     "Bei dem Erdbeben wurden mindestens 120 Menschen getötet.",
     "120", dict(object="killed", event="killed", low=120, high=None)),
    ("busunglueck-bayern",
     "Bei dem Busunglück in Bayern starben 14 Menschen.",
     "14", dict(object="killed", event="killed", place="DE-BY")),
    ("feuerwehr-verletzt",
     "Nach Angaben der Feuerwehr wurden 35 Menschen verletzt.",
     "35", dict(object="wounded", event="wounded", source="Feuerwehr")),
    ("sturm-vermisst",
     "Nach dem Sturm werden noch 23 Menschen vermisst.",
     "23", dict(object="missing", event="missing")),
    ("hochwasser-evakuiert",
     "Wegen des Hochwassers wurden in Sachsen rund 4000 Anwohner evakuiert.",
     "4000", dict(object="evacuated", event="evacuated", place="DE-SN")),
    ("innenministerium-festnahmen",
     "Das Innenministerium meldete 230 Festnahmen.",
     "230", dict(object="arrests", event="arrested", source="Innenministerium")),
    ("polizei-festgenommen",
     "Die Polizei hat 42 Demonstranten festgenommen.",
     "42", dict(event="arrested")),
    ("polizei-nahm-fest-separable",
     "Die Polizei nahm in Hamburg 42 Demonstranten fest.",
     "42", dict(event="arrested", place="gn:2911298")),
    ("regierung-sagte-zu-money",
     "Die Regierung sagte 500 Millionen Euro zu.",
     "500 Millionen", dict(object="money", event="pay_pledged", unit="EUR", low=500000000)),
    ("bund-bereitstellen-pledged",
     "Die Bundesregierung will 2 Milliarden Euro für die Fluthilfe bereitstellen.",
     "2 Milliarden", dict(object="aid", event="pay_pledged", unit="EUR")),
    ("russland-belarus-verlegt",
     "Russland hat 3000 Soldaten nach Belarus verlegt.",
     "3000", dict(actor="RU", object="soldiers", event="sent", place="BY")),
    ("nordkorea-geheimdienst",
     "Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes 10.000 Soldaten nach Russland geschickt.",
     "10.000", dict(actor="KP", object="soldiers", event="sent", source="Geheimdienst")),
    ("russland-kursk-zusammengezogen",
     "Russland hat nach ukrainischen Angaben 50.000 Soldaten im Gebiet Kursk zusammengezogen.",
     "50.000", dict(actor="RU", object="soldiers", event="massed", place="RU-KRS")),
    ("usa-panzer-geliefert",
     "Die USA liefern der Ukraine weitere 50 Panzer.",
     "50", dict(actor="US", object="tanks", event="delivered")),
    ("fluechtlinge-vorjahr",
     "Im vergangenen Jahr flohen mehr als 200.000 Menschen aus der Region.",
     "200.000", dict(object="displaced", event="displaced", low=200000, high=None,
                     time_start="2024-01-01", time_end="2024-12-31")),
    ("wahl-prozent",
     "Die Partei erhielt 31,5 Prozent der Stimmen.",
     "31,5", dict(object="percent", low=31.5)),
]


@pytest.mark.parametrize("body,number,expected", [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_claim_slots(tmp_path, body, number, expected):
    c = claim_at(claims_of(tmp_path, body), number)
    assert_slots(c, expected)


def test_two_claims_in_one_sentence(tmp_path):
    cl = claims_of(tmp_path, "Bei dem Anschlag wurden nach Angaben der Behörden 12 Menschen getötet "
                             "und 30 verletzt.")
    killed, wounded = claim_at(cl, "12"), claim_at(cl, "30")
    assert (killed.object, killed.event) == ("killed", "killed")
    assert (wounded.object, wounded.event) == ("wounded", "wounded")
    assert killed.source == wounded.source == "Behörden"


ARTICLE = """# Warnstreik legt Nahverkehr lahm

Am Samstag demonstrierten laut Polizei rund 20.000 Menschen in Leipzig gegen die Sparpläne.
Die Veranstalter sprachen von 35.000 Teilnehmenden.

Bei einem Unfall am Rand der Kundgebung wurden 3 Polizisten leicht verletzt.
Der Landtag hatte im Februar Kürzungen von 1,2 Milliarden Euro beschlossen.

Nach dem Erdbeben im Grenzgebiet wurden mindestens 120 Menschen getötet, mehr als 400 Menschen
wurden verletzt. Die Regierung sagte Hilfen von 50 Millionen Euro zu.
"""


def test_offsets_point_into_the_file_with_front_matter(tmp_path):
    p = write(tmp_path, ARTICLE)
    res = extract_documents([str(p)])
    assert res.problems == []
    file_text = p.read_text(encoding="utf-8")
    doc = res.documents[0]
    assert doc.text == file_text
    assert doc.published_source == "front matter"
    assert doc.published.start.isoformat() == "2025-03-10"
    assert len(res.claims) >= 6
    for c in res.claims:
        assert file_text[c.start:c.end] == c.text, c
        assert c.start >= doc.body_start, f"claim from the front matter: {c}"


def test_front_matter_numbers_are_not_claims(tmp_path):
    p = write(tmp_path, "Rund 900 Beschäftigte traten in den Streik.")
    res = extract_documents([str(p)])
    assert [c.text for c in res.claims] == ["900"]


@pytest.mark.parametrize("lang,text,first", [
    # a bracket after a full stop opens a sentence of its own
    ("en", "The authorities say 217 people have died. (An earlier report had put the toll at 158.)",
     "(An earlier report had put the toll at 158.)"),
    ("de", "Die Behörden melden 217 Tote. (Ein früherer Bericht hatte 158 Tote genannt.)",
     "(Ein früherer Bericht hatte 158 Tote genannt.)"),
])
def test_a_bracketed_sentence_is_a_sentence(lang, text, first):
    from nkcheck.pipeline import make_nlp

    sents = [s.text for s in make_nlp(lang, False)(text).sents]
    assert sents[-1] == first
