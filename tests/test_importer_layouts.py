"""Digests that are not one table per day: paper headings, JSON, undated files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.importer import parse_digest, read_digest
from tui.models import Paper

FIXTURES = Path(__file__).parent / "fixtures"


def test_heading_per_paper_digest() -> None:
    digest = read_digest(FIXTURES / "headings-zh.md")
    source = str(FIXTURES / "headings-zh.md")
    [day] = digest.days
    assert (day.date, day.line) == ("2025-03-05", 3)
    assert day.papers == [
        Paper(
            id="2503.03601",
            title="稀疏自编码器的特征分析",
            authors=["张三", "李四", "natriistorm"],
            summary="本文研究了人工文本检测的可解释性。\n主要方法是分析稀疏自编码器提取的特征。",
            version="v2",
            dates=["2025-03-05"],
        ),
        Paper(
            id="2503.07605",
            title="Second Paper",
            authors=["Xun Liang", "BO1022"],
            summary="A training-free pruning method.\n\nIt keeps a second paragraph.",
            dates=["2025-03-05"],
        ),
        Paper(
            id="url:https://example.org/papers/7",
            title="No Arxiv Paper",
            summary="Plain summary.",
            extras={"link": ["https://example.org/papers/7"]},
            dates=["2025-03-05"],
        ),
    ]
    assert digest.problems == [] and digest.notes == []
    assert digest.source == source


HEADINGS = {
    "numbered-plain": (
        "### 3. A Plain Title\nsummary: words\n",
        ("A Plain Title", "words", []),
    ),
    "sub-headings": (
        "## [T](https://arxiv.org/abs/2501.00001)\n#### Authors\nA, B\n"
        "#### Summary\nText.\n",
        ("T", "Text.", ["A", "B"]),
    ),
    "chinese-labels": (
        "## 1. 标题\n作者\uff1a甲、乙\n摘要\uff1a内容。\n",
        ("标题", "内容。", ["甲", "乙"]),
    ),
}


@pytest.mark.parametrize("body, expected", HEADINGS.values(), ids=HEADINGS)
def test_paper_headings(body: str, expected: tuple[str, str, list[str]]) -> None:
    digest = parse_digest(f"# Papers for 2025-01-01\n\n{body}", "h.md")
    [found] = digest.days[0].papers
    assert (found.title, found.summary, found.authors) == expected
    assert digest.problems == []


def test_headings_without_number_link_or_labels_are_not_papers() -> None:
    text = (
        "## Top picks\nIntro.\n## Papers for 2025-01-01\n## Highlights\nWords.\n"
        "### 1. Real\nIts summary.\n## Plain Title\nsummary: labelled\n"
    )
    digest = parse_digest(text, "h.md")
    assert [found.title for found in digest.days[0].papers] == ["Real", "Plain Title"]
    assert [str(note) for note in digest.notes] == [
        "h.md:4: heading 'Highlights' is not a paper; skipped"
    ]


def test_undated_heading_digest_skips_its_title_heading() -> None:
    text = "# My digest\nWelcome.\n\n## 1. Real\nIts summary.\n"
    digest = parse_digest(text, "h.md", path_hint="d/2025-01-01.md")
    assert [found.title for found in digest.days[0].papers] == ["Real"]
    assert digest.problems == []


def test_json_list_digest() -> None:
    path = FIXTURES / "list.json"
    digest = read_digest(path)
    assert [(day.date, day.line) for day in digest.days] == [
        ("2025-03-11", 2),
        ("2025-03-12", 12),
    ]
    first, second = (day.papers[0] for day in digest.days)
    assert first == Paper(
        id="2503.03601",
        title="Feature-Level Insights into Artificial Text Detection",
        authors=["Kristian Kuznetsov", "natriistorm"],
        summary="Uses sparse autoencoders.",
        version="v1",
        labels=["NLP"],
        extras={
            "github": ["https://github.com/o/r"],
            "huggingface": ["https://huggingface.co/o/model"],
        },
        dates=["2025-03-11"],
    )
    assert second == Paper(
        id="2503.07605",
        title="Second",
        authors=["A", "B"],
        summary="S",
        labels=["Vision"],
        dates=["2025-03-12"],
    )
    assert [str(problem) for problem in digest.problems] == [
        f"{path}:20: entry has no title",
        f"{path}:21: entry has no date and the path has none",
    ]


JSON_SHAPES = {
    "papers-object": (
        '{"date": "2025-01-05", "papers": [{"title": "A", "id": "2501.00001v2"}]}',
        [("2025-01-05", ["A"])],
    ),
    "date-keyed": (
        '{"2025-01-05": [{"title": "A"}, {"title": "B"}], "2025-01-04": []}',
        [("2025-01-05", ["A", "B"]), ("2025-01-04", [])],
    ),
    "day-objects": (
        '[{"date": "2025-01-04", "papers": [{"title": "A"}]},'
        ' {"date": "2025-01-05", "items": [{"name": "B"}]}]',
        [("2025-01-04", ["A"]), ("2025-01-05", ["B"])],
    ),
}


@pytest.mark.parametrize("text, expected", JSON_SHAPES.values(), ids=JSON_SHAPES)
def test_json_shapes(text: str, expected: list[tuple[str, list[str]]]) -> None:
    digest = parse_digest(text, "d.json")
    found = [(day.date, [p.title for p in day.papers]) for day in digest.days]
    assert found == expected


def test_json_id_key_and_empty_day() -> None:
    digest = parse_digest(JSON_SHAPES["papers-object"][0], "d.json")
    assert (digest.days[0].papers[0].id, digest.days[0].papers[0].version) == (
        "2501.00001",
        "v2",
    )
    empty = parse_digest(JSON_SHAPES["date-keyed"][0], "d.json")
    assert [str(problem) for problem in empty.problems] == [
        "d.json:1: no papers for 2025-01-04"
    ]


def test_json_takes_the_path_date_with_a_note() -> None:
    digest = parse_digest('[{"title": "A"}]', "x", path_hint="/d/2025/02/06.json")
    assert [day.date for day in digest.days] == ["2025-02-06"]
    assert [str(note) for note in digest.notes] == [
        "x:1: date 2025-02-06 taken from the path"
    ]


def test_broken_json_file_is_a_problem_but_bracketed_markdown_is_not() -> None:
    broken = parse_digest('[{"title": ', "d.json")
    assert broken.days == []
    assert [problem.line for problem in broken.problems] == [1]
    assert broken.problems[0].reason.startswith("not valid JSON")
    markdown = parse_digest(
        "[intro](x)\n## Papers for 2025-01-01\n| Title |\n| T |\n", "m"
    )
    assert [p.title for p in markdown.days[0].papers] == ["T"]


@pytest.mark.parametrize(
    "path",
    ["/digests/2025-02-06.md", "digests/2025/02/06.md", "C:\\d\\2025\\02\\06.md"],
)
def test_undated_digest_takes_the_date_from_its_path(path: str) -> None:
    digest = parse_digest(
        "| Title | Authors | Summary |\n| T | A | S |\n", "u", path_hint=path
    )
    assert [(day.date, day.line) for day in digest.days] == [("2025-02-06", 1)]
    assert [p.title for p in digest.days[0].papers] == ["T"]
    assert [str(note) for note in digest.notes] == [
        "u:0: no 'Papers for' heading; date 2025-02-06 taken from the path"
    ]
    assert digest.problems == []


@pytest.mark.parametrize("path", [None, "/digests/latest.md", "/d/2025-13-40.md"])
def test_undated_digest_without_a_path_date(path: str | None) -> None:
    digest = parse_digest("| Title |\n| T |\n", "u", path_hint=path)
    assert digest.days == []
    assert [str(problem) for problem in digest.problems] == [
        "u:0: no 'Papers for YYYY-MM-DD' heading and no date in the path"
    ]


def test_a_date_heading_without_papers_for_starts_a_day() -> None:
    text = (
        "# Reading list\n\n## 2025-07-08\n\n| Title | Authors | Summary |\n"
        "|---|---|---|\n| A (Read more on [arXiv](https://arxiv.org/abs/2507.00001)"
        " or [HuggingFace](https://huggingface.co/papers/2507.00001))| X | S |\n"
    )
    digest = parse_digest(text, "list.md")
    assert [(day.date, [p.id for p in day.papers]) for day in digest.days] == [
        ("2025-07-08", ["2507.00001"])
    ]
    assert digest.problems == []


def test_a_json_date_that_is_no_real_day_is_a_problem() -> None:
    text = '[{"title": "T", "link": "https://arxiv.org/abs/2507.00001", "date": "2025-13-45"}]'
    digest = parse_digest(text, "bad.json")
    assert digest.days == []
    assert [str(problem) for problem in digest.problems] == [
        "bad.json:1: entry date '2025-13-45' is not YYYY-MM-DD",
        "bad.json:0: no papers in the JSON digest",
    ]
