"""Shared fixtures: a library folder holding the crafted papers, and a Store on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from crafted import fill_library

from tui.store import Store


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's own config file (missing unless written), never the user's."""
    path = tmp_path / "config.toml"
    monkeypatch.setenv("PAPERS_CONFIG", str(path))
    return path


@pytest.fixture
def library_folder(tmp_path: Path) -> Path:
    """A library folder holding the crafted papers."""
    folder = tmp_path / "library"
    fill_library(folder)
    return folder


@pytest.fixture
def store(library_folder: Path) -> Iterator[Store]:
    """A writable Store on the crafted library, closed after the test."""
    with Store(library_folder) as opened:
        yield opened
