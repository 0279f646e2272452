"""Properties that hold for any input (hypothesis, bounded so CI stays under a minute).

Longer runs of the same properties: ``python tests/fuzz/run_fuzz.py`` (README, "Robustness").
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.strategies import (article_bytes, article_text, check_article_bytes, check_quantities,
                             check_report, report_inputs)
from nkcheck import atomic
from nkcheck.report import markdown

BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("lang", ["de", "en"])
@BOUNDED
@given(text=article_text())
def test_quantities_never_raise_keep_offsets_and_order(lang, text):
    check_quantities(text, lang)


@BOUNDED
@given(raws=st.lists(article_bytes(), min_size=1, max_size=2))
def test_whole_chain_on_hostile_files(raws):
    """Reading, extraction (deterministic, offsets into the file, low <= high), comparison and
    the report's structure, on files in several encodings with hostile text."""
    check_article_bytes(raws)


@settings(max_examples=100, deadline=None)
@given(inputs=report_inputs())
def test_report_has_only_its_own_structure(inputs):
    docs, claims, findings, facts, problems = inputs
    check_report(markdown.render(docs, claims, findings, problems, facts), docs, claims, findings, facts, problems)


@pytest.mark.parametrize("label", ["#", "Soldaten ##", "# Teilnehmer"])
def test_a_hash_in_a_facts_label_stays_in_its_heading(label):
    # found by the property above: "### 1. #" is a heading "1." closed by its "#"
    from nkcheck.model import Claim, Document, Fact, Finding

    docs = [Document(id="0", path="", text="", body_start=0)]
    claims = [Claim(id="c0", doc="0", start=0, end=0, text="", low=0, high=1, approx=False, bound="exact",
                    object="", event="", actor=None, place=None, time_start=None, time_end=None, source="",
                    sentence="")]
    findings = [Finding(id="F0", kind="value", claims=["c0"], summary="", fact="", rule="NK101")]
    facts = [Fact(id="T0", label=label, key={}, claims=["c0"], verdict="value", findings=["F0"])]
    check_report(markdown.render(docs, claims, findings, [], facts), docs, claims, findings, facts, [])


@settings(max_examples=50, deadline=None)
@given(old=st.text(max_size=200), new=st.text(max_size=2000), fail_after=st.integers(0, 3))
def test_interrupted_write_leaves_previous_file_intact(tmp_path_factory, old, new, fail_after):
    folder = tmp_path_factory.mktemp("atomic")
    target = folder / "report.md"
    target.write_bytes(old.encode("utf-8"))
    calls = []
    real = atomic._write_all

    def interrupted(fh, data):
        calls.append(1)
        fh.write(data[: len(data) // 2])  # half the bytes are on disk when the run dies
        raise KeyboardInterrupt if fail_after % 2 else OSError(28, "No space left on device")

    atomic._write_all = interrupted
    try:
        with pytest.raises((KeyboardInterrupt, OSError)):
            atomic.atomic_write_text(target, new)
    finally:
        atomic._write_all = real
    assert calls
    assert target.read_bytes() == old.encode("utf-8")
    assert os.listdir(folder) == ["report.md"]
    atomic.atomic_write_text(target, new)
    assert target.read_bytes() == new.encode("utf-8")
    assert os.listdir(folder) == ["report.md"]
