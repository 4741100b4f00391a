"""Shared fixtures: the hand-written ROME folder and a copy to corrupt."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "rome"


@pytest.fixture
def rome_dir() -> Path:
    return FIXTURES


@pytest.fixture
def corrupt(tmp_path: Path) -> Callable[[str, str, str], Path]:
    """Copy the fixtures into tmp_path and replace a (unique) text in one file.

    Returns the corrupted folder; ``name`` is the short name (« texte »).
    """
    target = tmp_path / "rome"
    shutil.copytree(FIXTURES, target)

    def apply(name: str, old: str, new: str) -> Path:
        path = target / f"unix_{name}_v460_utf8.csv"
        content = path.read_text(encoding="utf-8")
        assert content.count(old) == 1, f"{old!r} doit apparaître une fois dans {path.name}"
        path.write_text(content.replace(old, new), encoding="utf-8")
        return target

    return apply
