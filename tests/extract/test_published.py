"""Publication dates an article does not give: estimated from its text, and said so."""
from __future__ import annotations

from datetime import date

import pytest

from nkcheck.extract import estimate_published, year_from_weekday


@pytest.mark.parametrize("text,lang,latest,expected", [
    ("Am Montag, 15. Januar, kamen 8500 Landwirte.", "de", 2026, date(2024, 1, 15)),
    ("Am Dienstag, 26. November, legten Traktoren die Stadt lahm.", "de", 2026, date(2024, 11, 26)),
    ("Am Dienstag, 26. November, legten Traktoren die Stadt lahm.", "de", 2023, date(2019, 11, 26)),
    ("On Monday, January 15, thousands of farmers gathered.", "en", 2026, date(2024, 1, 15)),
])
def test_weekday_and_date_fix_the_year(text, lang, latest, expected):
    p = year_from_weekday(text, lang, latest)
    assert p is not None and p.start == expected == p.end


@pytest.mark.parametrize("text,lang", [
    ("Am 15. Januar kamen 8500 Landwirte.", "de"),          # no weekday: the year stays open
    ("Am Montag kamen 8500 Landwirte.", "de"),               # no date
    ("Am Montag, 31. Februar, kamen 8500 Landwirte.", "de"),  # no such day
])
def test_no_year_without_weekday_and_valid_date(text, lang):
    assert year_from_weekday(text, lang, 2026) is None


def test_latest_absolute_date_is_the_estimate():
    p = estimate_published("Am 3. März 2024 begann der Streik; am 5. März 2024 endete er.", "de")
    assert p is not None and p.start == date(2024, 3, 5)


@pytest.mark.parametrize("text,lang", [
    ("Der Generalstab meldete 3000 Soldaten.\n\n(Foto: Soldaten bei einer Parade am 9. September 2018.)\n", "de"),
    ("Officials said 3,000 troops had arrived.\n\n(Photo: troops at a parade on September 9, 2018.)\n", "en"),
    ("Die Polizei zählte 500 Menschen.\n\nFoto: Kundgebung am 3. März 2021\n", "de"),
    ("Police counted 500 people.\n\n[Image: the rally on March 3, 2021]\n", "en"),
])
def test_a_caption_date_never_dates_the_article(text, lang):
    from nkcheck.extract import without_captions
    assert estimate_published(without_captions(text), lang) is None


def test_cli_says_how_the_date_was_known(tmp_path):
    from conftest import run_nkcheck
    import json
    (tmp_path / "a.md").write_text("---\npublished: unknown\nlang: de\n---\n"
                                   "Am Montag, 15. Januar, protestierten in Berlin 8500 Landwirte.\n",
                                   encoding="utf-8")
    res = run_nkcheck("check", str(tmp_path), "--format", "json")
    doc = json.loads(res.stdout)["documents"][0]
    d = date.fromisoformat(doc["published"])  # the latest Monday, 15 January up to this year
    assert (d.month, d.day, d.weekday()) == (1, 15, 0) and d.year <= date.today().year
    assert doc["published_source"] == "estimated from weekday and date"
