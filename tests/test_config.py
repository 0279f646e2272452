"""Settings from nkcheck.toml or [tool.nkcheck] in pyproject.toml: the closest file wins."""
from __future__ import annotations

import pytest

from conftest import run_nkcheck
from nkcheck.config import ConfigError, load


def test_defaults_without_a_settings_file(tmp_path):
    (tmp_path / ".git").mkdir()
    s = load(tmp_path)
    assert s.source is None and s.paths == ["."] and s.fail_on == "scope" and s.cache


def test_closest_file_wins_and_paths_are_relative_to_it(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.nkcheck]\npaths = ["corpus"]\nfail-on = "never"\n',
                                             encoding="utf-8")
    sub = tmp_path / "desk"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")  # no [tool.nkcheck]
    monkeypatch.chdir(sub)
    s = load(sub)
    assert s.source == str(tmp_path / "pyproject.toml") and s.fail_on == "never"
    assert s.paths == [str(tmp_path / "corpus")]
    (sub / "nkcheck.toml").write_text('paths = ["artikel"]\nformat = ["github", "markdown"]\n', encoding="utf-8")
    s = load(sub)
    assert s.source == str(sub / "nkcheck.toml") and s.paths == ["artikel"] and s.format == ["github", "markdown"]
    assert s.fail_on == "scope"  # the closer file replaces the farther one; no merging


@pytest.mark.parametrize("body", ['colour = "red"\n', 'fail-on = "sometimes"\n', 'format = ["pdf"]\n',
                                  'cache = "yes"\n', "paths = [\n"])
def test_bad_settings_are_errors(tmp_path, body):
    (tmp_path / ".git").mkdir()
    (tmp_path / "nkcheck.toml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError):
        load(tmp_path)


def test_config_show_prints_settings_and_source(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "nkcheck.toml").write_text('fail-on = "conflict"\n', encoding="utf-8")
    res = run_nkcheck("config", "--show", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert f"# from {tmp_path / 'nkcheck.toml'}" in res.stdout and 'fail-on = "conflict"' in res.stdout
    (tmp_path / "nkcheck.toml").write_text("bogus = 1\n", encoding="utf-8")
    res = run_nkcheck("config", "--show", cwd=tmp_path)
    assert res.returncode == 2 and "unknown setting 'bogus'" in res.stderr


def test_tolerances_are_settings_that_change_the_verdict(tmp_path):
    """"mehr als 1.100" reaches 1.650 by default (more-than = 0.5): against 3.000 a value conflict;
    with more-than = 2.0 it reaches 3.300 and the figures agree."""
    (tmp_path / ".git").mkdir()
    art = tmp_path / "artikel"
    art.mkdir()
    (art / "a.md").write_text("---\npublished: 2023-09-10\n---\nBei dem Erdbeben in Marokko sind nach Angaben "
                              "des Innenministeriums mehr als 1.100 Menschen ums Leben gekommen.\n", encoding="utf-8")
    (art / "b.md").write_text("---\npublished: 2023-09-10\n---\nLaut einer Hilfsorganisation starben bei dem "
                              "Erdbeben in Marokko 3.000 Menschen.\n", encoding="utf-8")
    import json
    default = run_nkcheck("check", "artikel", "--format", "json", "--no-cache", cwd=tmp_path)
    assert [f["rule"] for f in json.loads(default.stdout)["conflicts"]] == ["NK101"], default.stderr
    (tmp_path / "nkcheck.toml").write_text("[tolerance]\nmore-than = 2.0\n", encoding="utf-8")
    wide = run_nkcheck("check", "artikel", "--format", "json", "--no-cache", cwd=tmp_path)
    assert json.loads(wide.stdout)["conflicts"] == [] and wide.returncode == 0, wide.stderr
    assert "more-than = 2.0" in run_nkcheck("config", "--show", cwd=tmp_path).stdout


@pytest.mark.parametrize("body", ['[tolerance]\nmore-than = "viel"\n', "[tolerance]\nwindow = 3\n", "tolerance = 3\n"])
def test_bad_tolerances_are_errors(tmp_path, body):
    (tmp_path / ".git").mkdir()
    (tmp_path / "nkcheck.toml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match="tolerance"):
        load(tmp_path)
