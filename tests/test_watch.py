"""The watch list read from a TOML file, and what it matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.models import Paper
from tui.watch import config_path, load_watch_list

PAPER = Paper(
    "2502.02737",
    "Diffusion Language Models",
    ["Gabriel Martín Blázquez", "lvwerra"],
    "We study Test-Time Compute.",
)


def test_matches_authors_and_keywords_ignoring_case(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[watch]\nauthors = ["LVWERRA", "Yann"]\n'
        'keywords = ["diffusion", "test-time compute", "robotics"]\n'
    )
    watch, problem = load_watch_list(path)
    assert problem == ""
    assert watch.matches(PAPER) == ["LVWERRA", "diffusion", "test-time compute"]
    assert watch.matches(Paper("1", "Robots", ["Yann LeCun"])) == ["Yann"]


def test_a_missing_file_is_an_empty_watch_list(tmp_path: Path) -> None:
    watch, problem = load_watch_list(tmp_path / "absent.toml")
    assert not watch and problem == ""
    assert watch.matches(PAPER) == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[watch\nauthors = 1", "line 1"),
        ('[watch]\nauthors = "not a list"\n', "must be lists of strings"),
    ],
)
def test_a_bad_file_names_itself_and_turns_the_list_off(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content)
    watch, problem = load_watch_list(path)
    assert not watch
    assert str(path) in problem and reason in problem


def test_the_config_path_can_be_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAPERS_CONFIG", str(tmp_path / "c.toml"))
    assert config_path() == tmp_path / "c.toml"
