"""The real digest corpus: every file read, every paper counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.importer import read_digest
from tui.models import Digest

CORPUS = Path(__file__).parents[2] / "shared/corpus/daily-ai-papers"


@pytest.fixture(scope="module")
def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"digest corpus not found at {CORPUS}")
    return sorted(CORPUS.glob("*/*/*.md"))


@pytest.fixture(scope="module")
def digests(corpus_files: list[Path]) -> list[Digest]:
    return [read_digest(path) for path in corpus_files]


def test_whole_corpus_counts(digests: list[Digest]) -> None:
    papers = [
        paper for digest in digests for day in digest.days for paper in day.papers
    ]
    assert len(digests) == 213
    assert len({day.date for digest in digests for day in digest.days}) == 213
    assert len(papers) == 3387
    assert len({paper.id for paper in papers}) == 3377
    assert all(paper.has_arxiv_id and paper.title and paper.summary for paper in papers)
    assert [str(p) for digest in digests for p in digest.problems + digest.notes] == []


def test_each_file_is_dated_by_its_heading(digests: list[Digest]) -> None:
    for digest in digests:
        [day] = digest.days
        assert Path(digest.source).with_suffix("").parts[-3:] == tuple(
            day.date.split("-")
        )


def test_a_known_wrapped_paper(digests: list[Digest]) -> None:
    [digest] = [d for d in digests if d.source.endswith("2025/03/11.md")]
    [found] = [p for p in digest.days[0].papers if p.id == "2503.03601"]
    assert found.title == (
        "Feature-Level Insights into Artificial Text Detection with Sparse Autoencoders"
    )
    assert found.authors == [
        "Kristian Kuznetsov",
        "natriistorm",
        "razzant",
        "plina2polina",
        "Kushnareva",
    ]
    assert found.summary.startswith("This paper explores enhancing interpretability")
    assert found.summary.endswith("more robust and interpretable ATD systems.")
    assert (found.version, found.labels, found.extras) == ("", [], {})
    assert found.dates == ["2025-03-11"]


def test_an_unescaped_pipe_stays_in_the_summary(digests: list[Digest]) -> None:
    [digest] = [d for d in digests if d.source.endswith("2024/10/11.md")]
    [found] = [p for p in digest.days[0].papers if p.id == "2410.05248"]
    assert "Conf(Vᵢ|Xᵢ) values" in found.summary
