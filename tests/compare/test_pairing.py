"""Which claims a finding pairs: articles written for the phenomenon, compared end to end."""
from __future__ import annotations

from nkcheck.compare import compare
from nkcheck.extract import extract_documents


def _write(tmp_path, name: str, text: str, lang: str = "de", published: str = "2025-04-30") -> None:
    (tmp_path / f"{name}.md").write_text(f"---\npublished: {published}\nlang: {lang}\n---\n{text}\n", encoding="utf-8")


def _run(tmp_path):
    result = extract_documents([str(tmp_path)])
    assert not result.problems
    return result, compare(result.claims)


def test_one_article_naming_two_places_for_a_group_tells_where_it_went(tmp_path):
    """NK601 compares how different articles place one group; an article that names two places
    for it tells of its route (first Vladivostok, then the front), and another article that names
    one of them does not contradict it (German and English)."""
    _write(tmp_path, "a", "Nordkorea hat laut Seoul 1.500 Spezialkräfte nach Wladiwostok verlegt. Später wurden "
                          "die 1.500 Spezialkräfte nach Angaben aus Kiew an die Front in der Ukraine verlegt.")
    _write(tmp_path, "b", "North Korea moved 1,500 special forces troops to Vladivostok, Seoul said. According to "
                          "Kyiv, the 1,500 special forces were later moved to the front in Ukraine.", lang="en")
    result, comparison = _run(tmp_path)
    assert {c.object for c in result.claims} == {"special_forces"}, [(c.text, c.object) for c in result.claims]
    place = [f for f in comparison.findings if f.kind == "place"]
    assert not place, [(f.summary, f.pairs) for f in place]


def test_a_part_whose_article_gives_the_whole_is_paired_there(tmp_path):
    """"4.000 gestorben" next to "4.000 Verluste, Tote, Verwundete und Vermisste zusammen" in one
    article is the pair a reader meets: the same figure in other articles that give only the
    whole is not paired with the part again."""
    _write(tmp_path, "a", "Laut britischem Geheimdienst sind rund 4000 nordkoreanische Soldaten gestorben. "
                          "Militärmedien beziffern die Verluste der Nordkoreaner auf etwa 4000 Tote und Verwundete.")
    _write(tmp_path, "b", "Nach Angaben aus Seoul wurden rund 4000 nordkoreanische Soldaten getötet oder verwundet.")
    _write(tmp_path, "c", "According to Kyiv, about 4,000 North Korean soldiers have been killed or wounded.", lang="en")
    result, comparison = _run(tmp_path)
    doc_of = {c.id: c.doc for c in result.claims}
    by_id = {c.id: c for c in result.claims}
    scope = [f for f in comparison.findings if f.kind == "scope"]
    assert scope, [(f.kind, f.summary) for f in comparison.findings]
    killed = [i for i, c in by_id.items() if c.object == "killed" and c.doc == "a.md"]
    assert killed, [(c.text, c.object) for c in result.claims]
    partners = {doc_of[q] for f in scope for p in f.pairs for q in p[:2] if killed[0] in p[:2] and q != killed[0]}
    assert partners == {"a.md"}, [(f.summary, f.pairs) for f in scope]


def _same_figure_findings(tmp_path, lang: str, part: str, whole: str, part_day: str, whole_day: str):
    _write(tmp_path, "a", part, lang=lang, published=part_day)
    _write(tmp_path, "b", whole, lang=lang, published=whole_day)
    _, comparison = _run(tmp_path)
    return [f for f in comparison.findings if f.kind == "scope" and "the same figure" in f.summary]


def test_a_running_counts_same_figure_months_apart_is_not_one_figure_for_two_measures(tmp_path):
    """"3000 getötet" in January and "3000 getötet oder verwundet" in June are two stages of
    running counts that happen to match, not one figure named for two measures (German and
    English); stated in the same week they are."""
    de = ("Laut Kiew wurden bislang 3000 nordkoreanische Soldaten getötet.",
          "Nach Angaben aus Seoul wurden bislang 3000 nordkoreanische Soldaten getötet oder verwundet.")
    en = ("According to Kyiv, 3,000 North Korean soldiers have been killed so far.",
          "According to Seoul, 3,000 North Korean soldiers have been killed or wounded so far.")
    for lang, (part, whole) in (("de", de), ("en", en)):
        for sub in ("far", "near"):
            (tmp_path / lang / sub).mkdir(parents=True)
        assert not _same_figure_findings(tmp_path / lang / "far", lang, part, whole, "2025-01-10", "2025-06-10")
        assert _same_figure_findings(tmp_path / lang / "near", lang, part, whole, "2025-01-10", "2025-01-13")
