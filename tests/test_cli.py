"""The `papers` command line, run as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.commands import SAMPLE_NOTICE, fill_if_empty
from tui.store import Store

GOOD = """## Papers for 2025-06-30

| Title | Authors | Summary |
|-------|---------|---------|
| BlenderFusion: 3D Compositing (Read more on [arXiv](https://arxiv.org/abs/2506.17450) or [HuggingFace](https://huggingface.co/papers/2506.17450))| Jiacheng Chen, Ramin Mehran | Blends [/INST] objects with $a|b$. |
| Scaling [0] Heads (Read more on [arXiv](https://arxiv.org/abs/2506.00001v2) or [HuggingFace](https://huggingface.co/papers/2506.00001))|  | Heads. |
"""

BROKEN = """## Papers for 2025-06-29

| Title | Authors | Summary |
|-------|---------|---------|
| | Nobody | A row without a title. |
| Fine Paper (Read more on [arXiv](https://arxiv.org/abs/2506.00002) or [HuggingFace](https://huggingface.co/papers/2506.00002))| Ada | Fine. |
"""


@pytest.fixture
def digests(tmp_path: Path) -> Path:
    folder = tmp_path / "digests"
    (folder / "2025" / "06").mkdir(parents=True)
    (folder / "2025" / "06" / "30.md").write_text(GOOD)
    (folder / "2025" / "06" / "29.md").write_text(BROKEN)
    return folder


def papers(library: Path, *arguments: str) -> int:
    return main(["--library", str(library), *arguments])


def test_import_prints_a_summary_and_each_problem_as_file_and_line(
    tmp_path: Path, digests: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "library"
    assert papers(library, "import", str(digests)) == 1
    out, err = capsys.readouterr()
    assert "2 digests read" in out
    assert "3 new, 0 updated, 0 unchanged" in out
    assert f"{digests / '2025' / '06' / '29.md'}:5:" in err
    assert papers(library, "import", str(digests), "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["new"], report["unchanged_files"], report["read"]) == (0, 1, 1)
    assert len(report["problems"]) == 1


def test_stats_show_and_bookmarks_from_the_command_line(
    tmp_path: Path, digests: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "library"
    papers(library, "import", "--quiet", str(digests))
    capsys.readouterr()

    assert papers(library, "stats", "--json") == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats == {"papers": 3, "entries": 3, "dates": 2, "bookmarks": 0}

    assert papers(library, "show", "2506.00001", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["title"] == "Scaling [0] Heads"
    assert shown["version"] == "v2"
    assert shown["authors"] == []
    assert shown["links"]["abs"] == "https://arxiv.org/abs/2506.00001"
    assert shown["dates"] == ["2025-06-30"]

    assert papers(library, "bookmark", "add", "2506.17450", "9999.99999") == 1
    out, err = capsys.readouterr()
    assert out == "bookmarked 2506.17450\n"
    assert "9999.99999 is not in the library" in err
    assert papers(library, "bookmark", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in listed] == ["2506.17450"]
    assert listed[0]["title"] == "BlenderFusion: 3D Compositing"

    assert papers(library, "show", "0000.00000") == 1
    capsys.readouterr()
    for given in (
        "2506.00001v2",
        "arXiv:2506.00001",
        "https://arxiv.org/pdf/2506.00001",
    ):
        assert papers(library, "show", given, "--json") == 0
        assert json.loads(capsys.readouterr().out)["id"] == "2506.00001"
    assert papers(library, "bookmark", "remove", "2506.00001") == 1
    assert "is not bookmarked" in capsys.readouterr().err
    assert papers(library, "bookmark", "add") == 2


def test_a_missing_path_is_a_problem_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert papers(tmp_path / "library", "import", str(tmp_path / "nowhere")) == 1
    assert "nowhere:0: no such file or folder" in capsys.readouterr().err


def test_a_busy_library_refuses_a_second_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "library"
    with Store(library):
        assert papers(library, "bookmark", "add", "2506.17450") == 2
    assert "in use by another papers" in capsys.readouterr().err


def test_an_empty_library_gets_the_bundled_sample(tmp_path: Path) -> None:
    with Store(tmp_path / "library") as store:
        assert fill_if_empty(store) == [SAMPLE_NOTICE]
        assert store.dates() == ["2025-02-06"]
        store.load_newest()
        first = store.papers_on("2025-02-06")[0]
        assert first.title.startswith("SmolLM2: When Smol Goes Big")
        assert fill_if_empty(store) == []


def test_the_library_folder_comes_from_papers_library(
    tmp_path: Path, digests: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAPERS_LIBRARY", str(tmp_path / "elsewhere"))
    assert main(["import", "--quiet", str(digests / "2025" / "06" / "30.md")]) == 0
    assert (tmp_path / "elsewhere" / "catalog.json").is_file()


def test_reimporting_a_changed_digest_updates_and_keeps_bookmarks(
    tmp_path: Path, digests: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "library"
    papers(library, "import", "--quiet", str(digests))
    papers(library, "bookmark", "add", "2506.00001")
    changed = digests / "2025" / "06" / "30.md"
    changed.write_text(GOOD.replace("Heads. |", "Heads, corrected. |"))
    capsys.readouterr()

    assert papers(library, "import", "--json", str(changed)) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["new"], report["updated"], report["unchanged"]) == (0, 1, 1)
    papers(library, "show", "--json", "2506.00001")
    assert json.loads(capsys.readouterr().out)["summary"] == "Heads, corrected."
    papers(library, "bookmark", "list", "--json")
    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == ["2506.00001"]
