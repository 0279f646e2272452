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
