"""Every threshold lives in Config, documented, and can be overridden."""

import ast
from dataclasses import fields
from pathlib import Path

import pytest

from tidings.config import Config


def test_every_field_is_documented():
    source = Path(__file__).resolve().parents[1] / "src" / "tidings" / "config.py"
    body = next(n for n in ast.parse(source.read_text(encoding="utf-8")).body
                if isinstance(n, ast.ClassDef) and n.name == "Config").body
    undocumented = [
        stmt.target.id for stmt, after in zip(body, body[1:] + [None])
        if isinstance(stmt, ast.AnnAssign)
        and not (isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant))
    ]
    assert undocumented == []


def test_environment_overrides_a_default(monkeypatch):
    name = fields(Config)[0].name
    default = getattr(Config(), name)
    monkeypatch.setenv(f"TIDINGS_{name.upper()}", str(default * 2))
    assert getattr(Config(), name) == default * 2
    monkeypatch.setenv("TIDINGS_TIME_WINDOW_DAYS", "7.5")
    assert Config().time_window_days == 7.5
    # A value passed in code wins over the environment.
    assert Config(time_window_days=3.0).time_window_days == 3.0


def test_a_bad_override_names_the_variable(monkeypatch):
    monkeypatch.setenv("TIDINGS_TIME_WINDOW_DAYS", "high")
    with pytest.raises(ValueError, match="TIDINGS_TIME_WINDOW_DAYS='high'"):
        Config()
