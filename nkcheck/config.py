"""Settings from ``nkcheck.toml`` or ``[tool.nkcheck]`` in ``pyproject.toml``.

The closest file wins: starting in the working directory and going up to the repository root
(the folder holding ``.git``), the first folder with an ``nkcheck.toml`` or a ``pyproject.toml``
that has a ``[tool.nkcheck]`` table gives the settings (``nkcheck.toml`` before
``pyproject.toml`` in one folder). Options on the command line override them. Relative paths in
the file are relative to the file's folder. Unknown keys are errors, as in the language data.
"""
from __future__ import annotations

import sys
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from nkcheck.cache import DEFAULT_DIR
from nkcheck.findings import DEFAULT_FAIL_ON, FAIL_ON

FORMATS = ("json", "markdown", "table", "github", "sarif", "pr-comment")


class ConfigError(Exception):
    """A settings file that cannot be used; the message says which and why."""


@dataclass
class Settings:
    paths: list[str] = field(default_factory=lambda: ["."])
    format: list[str] = field(default_factory=lambda: ["json"])
    fail_on: str = DEFAULT_FAIL_ON
    baseline: Optional[str] = None
    cache: bool = True
    cache_dir: str = DEFAULT_DIR
    use_trained: bool = True
    published: Optional[str] = None
    tolerance: dict = field(default_factory=dict)  # [tool.nkcheck.tolerance]: how far a figure reaches
    source: Optional[str] = None  # the file the settings came from (None: defaults)

    def to_toml(self) -> str:
        lines = [f"# from {self.source or 'built-in defaults'}", "[tool.nkcheck]"]
        for k, v in asdict(self).items():
            if k in ("source", "tolerance") or v is None:
                continue
            lines.append(f"{k.replace('_', '-')} = {_toml_value(v)}")
        from nkcheck.compare.tolerance import from_settings
        lines += ["", "[tool.nkcheck.tolerance]"]
        for k, v in asdict(from_settings(self.tolerance)).items():
            lines.append(f"{k.replace('_', '-')} = {v}")
        return "\n".join(lines) + "\n"


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'


def find_config(start: Path) -> tuple[Optional[Path], dict]:
    """The closest settings file at or above ``start`` (up to the repository root) and its table."""
    for folder in [start, *start.parents]:
        for name in ("nkcheck.toml", "pyproject.toml"):
            f = folder / name
            if not f.is_file():
                continue
            try:
                data = tomllib.loads(f.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{f}: {exc}") from None
            table = data.get("tool", {}).get("nkcheck")
            if name == "nkcheck.toml":
                return f, table if table is not None else data
            if table is not None:
                return f, table
        if (folder / ".git").exists():
            break
    return None, {}


def load(start: Optional[Path] = None) -> Settings:
    path, table = find_config((start or Path.cwd()).resolve())
    s = Settings(source=str(path) if path else None)
    if path is None:
        return s
    known = {f.name for f in fields(Settings)} - {"source"}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in known:
            raise ConfigError(f"{path}: unknown setting {raw_key!r} (known: {', '.join(sorted(known))})")
        setattr(s, key, _check(path, key, value))
    base = path.parent
    s.paths = [str(_rel(base, p)) for p in s.paths]
    if s.baseline:
        s.baseline = str(_rel(base, s.baseline))
    s.cache_dir = str(_rel(base, s.cache_dir))
    return s


def _rel(base: Path, p: str) -> Path:
    q = base / p
    try:
        return q.relative_to(Path.cwd().resolve())
    except ValueError:
        return q


def _check(path: Path, key: str, value):
    def bad(expect: str):
        raise ConfigError(f"{path}: {key} must be {expect}, not {value!r}")
    if key in ("paths", "format"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            bad("a list of strings")
        if key == "format" and not set(value) <= set(FORMATS):
            bad("a list of " + ", ".join(FORMATS))
    elif key in ("cache", "use_trained"):
        if not isinstance(value, bool):
            bad("true or false")
    elif key == "fail_on":
        if value not in FAIL_ON:
            bad("one of " + ", ".join(FAIL_ON))
    elif key == "tolerance":
        from nkcheck.compare.tolerance import from_settings
        if not isinstance(value, dict) or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                  for v in value.values()):
            bad("a table of numbers ([tool.nkcheck.tolerance] approx = 0.1 ...)")
        value = {k.replace("-", "_"): v for k, v in value.items()}
        try:
            from_settings(value)
        except (ValueError, TypeError) as exc:
            raise ConfigError(f"{path}: tolerance: {exc}") from None
    elif not isinstance(value, str):
        bad("a string")
    return value
