"""Reading digest files: encodings, line endings, unreadable paths, import hygiene."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.importer import parse_digest, read_digest

DIGEST = (
    "## Papers for 2025-01-02\n\n| Title | Authors | Summary |\n|---|---|---|\n"
    "| Café Paper | José, Zoë | Naïve “quotes” |\n"
)


def _one_paper(path: Path) -> tuple[str, list[str], str]:
    digest = read_digest(path)
    [found] = digest.days[0].papers
    return found.title, found.authors, found.summary


ENCODINGS = {
    "utf-8": DIGEST.encode("utf-8"),
    "utf-8-bom": b"\xef\xbb\xbf" + DIGEST.encode("utf-8"),
    "utf-16-bom": DIGEST.encode("utf-16"),
    "crlf": DIGEST.replace("\n", "\r\n").encode("utf-8"),
    "cr-only": DIGEST.replace("\n", "\r").encode("utf-8"),
}


@pytest.mark.parametrize("data", ENCODINGS.values(), ids=ENCODINGS)
def test_encodings_and_line_endings(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "digest.md"
    path.write_bytes(data)
    assert _one_paper(path) == ("Café Paper", ["José", "Zoë"], "Naïve “quotes”")
    digest = read_digest(path)
    assert digest.notes == [] and digest.problems == []
    assert digest.days[0].line == 1


def test_cp1252_is_decoded_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "digest.md"
    path.write_bytes(DIGEST.encode("cp1252"))
    assert _one_paper(path) == ("Café Paper", ["José", "Zoë"], "Naïve “quotes”")
    assert [str(note) for note in read_digest(path).notes] == [
        f"{path}:5: not UTF-8; decoded as cp1252"
    ]


def test_bytes_outside_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    path = tmp_path / "digest.md"
    text = DIGEST.replace("Café", "Caf\x81").replace("“quotes”", '"quotes"')
    path.write_bytes(text.encode("latin-1"))
    assert _one_paper(path)[0] == "Caf\x81 Paper"
    assert [note.reason for note in read_digest(path).notes] == [
        "not UTF-8; decoded as latin-1"
    ]


def test_bom_and_crlf_in_text() -> None:
    digest = parse_digest("\ufeff" + DIGEST.replace("\n", "\r\n"), "t.md")
    assert [found.title for found in digest.days[0].papers] == ["Café Paper"]
    assert digest.days[0].papers[0].summary == "Naïve “quotes”"


@pytest.mark.parametrize("name", ["missing.md", "."])
def test_unreadable_path_is_a_problem_at_line_zero(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    digest = read_digest(path)
    assert digest.days == []
    [problem] = digest.problems
    assert (problem.source, problem.line) == (str(path), 0)
    assert problem.reason.startswith("cannot read the file: ")


def test_importer_pulls_in_neither_textual_nor_tinydb() -> None:
    code = (
        "import sys, tui.importer\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'tinydb')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
