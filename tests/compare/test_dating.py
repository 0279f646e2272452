"""Undated reports get the date of the dated report they retell (nkcheck.compare.dating)."""
from __future__ import annotations

import pytest

from nkcheck.compare import dating
from nkcheck.extract import extract_documents


def _extract(tmp_path, articles: dict[str, tuple[str, str, str]]):
    for name, (published, lang, text) in articles.items():
        (tmp_path / f"{name}.md").write_text(f"---\npublished: {published}\nlang: {lang}\n---\n{text}\n", encoding="utf-8")
    result = extract_documents([str(tmp_path)])
    assert not result.problems
    return result.claims


DE_BRIEFING = ("Nach Angaben des Geheimdienstes wurden rund 4700 Soldaten getötet oder verwundet, "
               "darunter 600 Tote. Insgesamt wurden 15.000 Soldaten entsandt.")
EN_BRIEFING = ("According to the intelligence service, about 4,700 soldiers were killed or wounded. "
               "In all, 15,000 troops have been sent.")

CASES = [  # (id, articles, the undated article, estimated as_of or None)
    ("de-retold-briefing", {
        "dated": ("2025-04-30", "de", DE_BRIEFING),
        "mirror": ("unknown", "de", "Der Dienst zählt 4.700 getötete oder verwundete Soldaten; 15.000 Soldaten wurden geschickt."),
    }, "mirror", "2025-04-30"),
    ("en-retold-briefing", {
        "dated": ("2025-04-30", "en", EN_BRIEFING),
        "mirror": ("unknown", "en", "The agency counts 4,700 troops killed or wounded, and says 15,000 troops were sent."),
    }, "mirror", "2025-04-30"),
    ("de-one-figure-is-not-enough", {
        "dated": ("2025-04-30", "de", DE_BRIEFING),
        "mirror": ("unknown", "de", "Insgesamt wurden 15.000 Soldaten entsandt."),
    }, "mirror", None),
    ("en-two-dated-matches-months-apart", {
        "april": ("2025-04-30", "en", EN_BRIEFING),
        "june": ("2025-06-20", "en", EN_BRIEFING),
        "mirror": ("unknown", "en", "About 4,700 soldiers were killed or wounded; 15,000 troops were sent."),
    }, "mirror", None),
    ("de-small-figures-tell-nothing", {
        "dated": ("2025-04-30", "de", "Drei Generäle und 40 Offiziere wurden getötet."),
        "mirror": ("unknown", "de", "Drei Generäle und 40 Offiziere wurden getötet."),
    }, "mirror", None),
]


@pytest.mark.parametrize("articles,undated,expected", [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_undated_report_takes_the_date_of_the_report_it_retells(tmp_path, articles, undated, expected):
    claims = _extract(tmp_path, articles)
    found = dating.estimates(claims)
    dating.apply(claims, found)
    mine = [c for c in claims if c.doc == f"{undated}.md"]
    assert mine
    if expected is None:
        assert all(c.as_of is None for c in mine), [(c.text, c.as_of) for c in mine]
    else:
        assert {c.as_of for c in mine} == {expected} and {c.as_of_source for c in mine} == {"estimated"}


def test_the_best_known_figure_of_a_story_dates_nothing(tmp_path):
    """A figure four dated reports repeat (and one more) is the story's, not one statement's."""
    articles = {f"d{i}": (f"2025-0{i + 1}-10", "en", "North Korea has sent 11,000 troops, and 3,000 were killed or wounded.")
                for i in range(4)}
    articles["mirror"] = ("unknown", "en", "North Korea has sent 11,000 troops; 3,000 were killed or wounded.")
    claims = _extract(tmp_path, articles)
    assert not dating.estimates(claims)
