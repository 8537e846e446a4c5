"""Table digests: one small crafted digest per shape and oddity, every field checked."""

from __future__ import annotations

from typing import Any

import pytest

from tui.importer import parse_digest
from tui.models import Paper

DAY = "2025-01-02"
HEAD = f"## Papers for {DAY}\n\n| Title | Authors | Summary |\n|---|---|---|\n"
TAIL = (
    "(Read more on [arXiv](https://arxiv.org/abs/2502.01234) or "
    "[HuggingFace](https://huggingface.co/papers/2502.01234))"
)


def paper(key: str, title: str, **fields: Any) -> Paper:
    """The paper expected on DAY."""
    return Paper(id=key, title=title, dates=[DAY], **fields)


def only_paper(text: str) -> Paper:
    """Parse a digest that must hold exactly one paper and no problems."""
    digest = parse_digest(text, "t.md")
    assert [str(problem) for problem in digest.problems] == []
    [day] = digest.days
    [found] = day.papers
    return found


TITLE_CELLS = {
    "plain": ("A Plain Title", paper("title:" + "0" * 16, "A Plain Title")),
    "read-more-tail": (
        f"Sparse\n  Autoencoders {TAIL}",
        paper("2502.01234", "Sparse Autoencoders"),
    ),
    "dash-tail": (
        "Dash Title - read more on [arXiv](https://arxiv.org/abs/2409.03810) or "
        "[HuggingFace](https://huggingface.co/papers/2409.03810)",
        paper("2409.03810", "Dash Title"),
    ),
    "markdown-link": (
        "[Linked  Title](https://arxiv.org/abs/2502.01234v3)",
        paper("2502.01234", "Linked Title", version="v3"),
    ),
    "pdf-link": (
        "[T](http://www.arxiv.org/pdf/2502.01234v2.pdf)",
        paper("2502.01234", "T", version="v2"),
    ),
    "html-link": (
        "[T](https://arxiv.org/html/2502.01234v1)",
        paper("2502.01234", "T", version="v1"),
    ),
    "old-style-id": (
        "[T](https://arxiv.org/abs/hep-th/9901001v4)",
        paper("hep-th/9901001", "T", version="v4"),
    ),
    "arxiv-in-text": (
        "T arXiv:2502.01234v2",
        paper("2502.01234", "T arXiv:2502.01234v2", version="v2"),
    ),
    "huggingface-paper-alone": (
        "[T](https://huggingface.co/papers/2502.01234)",
        paper("2502.01234", "T"),
    ),
    "non-arxiv-link": (
        "[T](https://example.com/paper.pdf)",
        paper(
            "url:https://example.com/paper.pdf",
            "T",
            extras={"link": ["https://example.com/paper.pdf"]},
        ),
    ),
}


@pytest.mark.parametrize("cell, expected", TITLE_CELLS.values(), ids=TITLE_CELLS)
def test_title_cells(cell: str, expected: Paper) -> None:
    found = only_paper(f"{HEAD}| {cell} | | |\n")
    if expected.id.startswith("title:"):
        assert found.id.startswith("title:") and len(found.id) == len("title:") + 16
        expected.id = found.id
    assert found == expected


def test_title_id_is_sha1_of_the_casefolded_title() -> None:
    first = only_paper(f"{HEAD}| Straße  Title | | |\n")
    second = only_paper(f"{HEAD}| STRASSE title | | |\n")
    assert first.id == second.id == "title:99cd27249924eda9"


LIST_CELLS = {
    "comma-separated": ("Ann Lee, bob42 , Chen Wei", ["Ann Lee", "bob42", "Chen Wei"]),
    "python-list": ("['Ann Lee', \"O'Brien\"]", ["Ann Lee", "O'Brien"]),
    "bare-list": ("[Ann, Bob]", ["Ann", "Bob"]),
    "n/a": ("N/A", []),
    "empty": ("", []),
    "empty-list": ("[]", []),
}


@pytest.mark.parametrize("cell, expected", LIST_CELLS.values(), ids=LIST_CELLS)
def test_author_cells(cell: str, expected: list[str]) -> None:
    assert only_paper(f"{HEAD}| T | {cell} | s |\n").authors == expected


SUMMARIES = {
    "verbatim": (
        '  It\'s <b>[x]</b> "quoted" $a_b$ ',
        'It\'s <b>[x]</b> "quoted" $a_b$',
    ),
    "br-is-newline": ("one<br>two<BR/>three", "one\ntwo\nthree"),
    "escaped-pipe": ("a \\| b", "a | b"),
    "pipe-in-math": ("p $P(A|B)$ q", "p $P(A|B)$ q"),
    "backslash-kept": ("$\\alpha$ \\ end", "$\\alpha$ \\ end"),
}


@pytest.mark.parametrize("cell, expected", SUMMARIES.values(), ids=SUMMARIES)
def test_summary_cells(cell: str, expected: str) -> None:
    assert only_paper(f"{HEAD}| T | A | {cell} |\n").summary == expected


def test_columns_found_by_name_in_any_order_with_extras() -> None:
    text = (
        f"# Papers for {DAY}\n"
        "| GitHub URLs | link | SUMMARY | Classifications | title | Authors "
        "| HuggingFace URLs | Category |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| ['https://github.com/o/r'] | [Read more](https://arxiv.org/abs/2502.01234v2)"
        " | S | ['NLP', 'Text Generation'] | T | A, B "
        "| [Link](https://huggingface.co/datasets/o/d), https://example.org/x"
        " | Multimodal |\n"
    )
    assert only_paper(text) == paper(
        "2502.01234",
        "T",
        authors=["A", "B"],
        summary="S",
        version="v2",
        labels=["NLP", "Text Generation", "Multimodal"],
        extras={
            "github": ["https://github.com/o/r"],
            "huggingface": ["https://huggingface.co/datasets/o/d"],
            "link": ["https://example.org/x"],
        },
    )


def test_early_link_column() -> None:
    text = (
        f"## Papers for {DAY}\n\n| Title | Authors | Summary | Link |\n"
        "|-------|---------|---------|------|\n"
        "| LongLLaVA | Benyou Wang, songdj | S.   | "
        "[Read more](https://arxiv.org/abs/2409.02889) |\n"
    )
    assert only_paper(text) == paper(
        "2409.02889", "LongLLaVA", authors=["Benyou Wang", "songdj"], summary="S."
    )


def test_any_cell_may_wrap() -> None:
    text = (
        f"{HEAD}| Wrapped\n   Title {TAIL}| Ann,\n  Bob | first half\n"
        "  second half |\n| Next | C | s |\n"
    )
    digest = parse_digest(text, "t.md")
    first, second = digest.days[0].papers
    assert (first.title, first.authors, first.summary) == (
        "Wrapped Title",
        ["Ann", "Bob"],
        "first half second half",
    )
    assert second.title == "Next"
    assert digest.problems == []


def test_missing_separator_row() -> None:
    text = f"## Papers for {DAY}\n| Title | Authors | Summary |\n| T | A | S |\n"
    assert only_paper(text) == paper(
        only_paper(text).id, "T", authors=["A"], summary="S"
    )


def test_too_many_cells_join_into_a_last_summary() -> None:
    text = f"{HEAD}| T | A | Conf(V|X) and a|b |\n"
    assert only_paper(text).summary == "Conf(V|X) and a|b"


def test_too_many_cells_elsewhere_are_reported() -> None:
    text = (
        f"## Papers for {DAY}\n| Title | Summary | Authors |\n|---|---|---|\n"
        "| T | S | A | extra |\n"
    )
    digest = parse_digest(text, "t.md")
    assert digest.days[0].papers[0].authors == ["A"]
    assert [str(problem) for problem in digest.problems] == [
        "t.md:4: row has 4 cells but the header has 3; extra cells ignored"
    ]


def test_too_few_cells() -> None:
    text = f"{HEAD}| T | A |\n|\n| | only authors |\n"
    digest = parse_digest(text, "t.md")
    [found] = digest.days[0].papers
    assert (found.title, found.authors, found.summary) == ("T", ["A"], "")
    assert [str(problem) for problem in digest.problems] == [
        "t.md:6: row has no title",
        "t.md:7: row has no title",
    ]


def test_duplicate_rows_keep_the_first() -> None:
    row = f"| T {TAIL} | A | S |\n"
    text = f"{HEAD}{row}{row}| Other {TAIL} | B | S |\n"
    digest = parse_digest(text, "t.md")
    assert [found.authors for found in digest.days[0].papers] == [["A"]]
    reason = "duplicate row for 2502.01234, first kept at line 5"
    # The exact repeat loses nothing (a note); the differing one does (a problem).
    assert [str(note) for note in digest.notes] == [f"t.md:6: {reason}"]
    assert [str(problem) for problem in digest.problems] == [f"t.md:7: {reason}"]


def test_empty_table_keeps_the_day() -> None:
    text = (
        f"{HEAD}\n## Papers for 2025-01-01\n\n| Title | Authors | Summary |\n|-|-|-|\n"
    )
    digest = parse_digest(text, "t.md")
    assert [(day.date, day.line, day.papers) for day in digest.days] == [
        (DAY, 1, []),
        ("2025-01-01", 6, []),
    ]
    assert [str(problem) for problem in digest.problems] == [
        f"t.md:1: no papers under 'Papers for {DAY}'",
        "t.md:6: no papers under 'Papers for 2025-01-01'",
    ]


def test_several_sections_in_file_order() -> None:
    text = (
        "# Weekly digest\nSome words.\n\n"
        "### Papers for 2025-01-03\n| Title | Authors | Summary |\n|-|-|-|\n"
        "| C | | |\n\nText between sections.\n\n"
        "# Papers for 2025-01-01\n| Title | Authors | Summary |\n|-|-|-|\n"
        "| A | | |\n| B | | |\n"
    )
    digest = parse_digest(text, "t.md")
    assert [(day.date, day.line) for day in digest.days] == [
        ("2025-01-03", 4),
        ("2025-01-01", 11),
    ]
    assert [[found.title for found in day.papers] for day in digest.days] == [
        ["C"],
        ["A", "B"],
    ]
    assert all(found.dates == [day.date] for day in digest.days for found in day.papers)


def test_unknown_columns_are_noted_and_tables_without_titles_reported() -> None:
    text = (
        f"{HEAD}| T | A | S |\n\n| Model | Score |\n|-|-|\n| x | 1 |\n\n"
        f"## Papers for 2025-01-03\n| Title | Votes |\n|-|-|\n| U | 3 |\n"
    )
    digest = parse_digest(text, "t.md")
    assert [str(note) for note in digest.notes] == ["t.md:12: column 'Votes' ignored"]
    assert [str(problem) for problem in digest.problems] == [
        "t.md:7: table with no 'Title' column skipped"
    ]


def test_bad_date_heading_skips_the_section() -> None:
    text = "## Papers for 2025-02-30\n| Title | Authors | Summary |\n| T | | |\n"
    digest = parse_digest(text, "t.md")
    assert digest.days == []
    assert [str(problem) for problem in digest.problems] == [
        "t.md:1: '2025-02-30' is not a date; section skipped"
    ]
