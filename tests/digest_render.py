"""Render papers into each digest shape the importer reads, for round-trip tests."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from tui.models import Paper

Days = Sequence[tuple[str, Sequence[Paper]]]
"""The days of a digest in file order, each with its papers in order."""


def _cell(text: str) -> str:
    """Text as a table cell: pipes escaped, newlines as `<br>`."""
    return text.replace("|", "\\|").replace("\n", "<br>")


def _py_list(items: list[str]) -> str:
    """A Python-looking list, as some digests write labels and links."""
    return "[" + ", ".join(f"'{item}'" for item in items) + "]"


def _arxiv(paper: Paper, page: str = "abs") -> str:
    return f"https://arxiv.org/{page}/{paper.id}{paper.version}"


def _tail_title(paper: Paper, wrap_at: int | None) -> str:
    """A title cell with the read-more tail, wrapped onto a second line if asked."""
    title = _cell(paper.title)
    if wrap_at is not None:
        start, rest = paper.title[:wrap_at], paper.title[wrap_at + 1 :]
        title = f"{_cell(start)}\n  {_cell(rest)}"
    return (
        f"{title} (Read more on [arXiv]({_arxiv(paper)}) or "
        f"[HuggingFace](https://huggingface.co/papers/{paper.id}))"
    )


def wrap_point(title: str) -> int | None:
    """Where a generated digest may wrap a title: the middle space, if any."""
    spaces = [index for index, char in enumerate(title) if char == " "]
    if not spaces:
        return None
    index = spaces[len(spaces) // 2]
    # A continuation line that reads as a heading would end the row.
    return None if title[index + 1 :].startswith("#") else index


def table_with_tail(days: Days, *, wrap: bool = False) -> str:
    """The common shape: `| Title | Authors | Summary |`, links in the title tail."""
    out: list[str] = []
    for date, papers in days:
        out += [f"## Papers for {date}", "", "| Title | Authors | Summary |"]
        out.append("|-------|---------|---------|")
        for paper in papers:
            wrap_at = wrap_point(paper.title) if wrap else None
            title = _tail_title(paper, wrap_at)
            authors = _cell(", ".join(paper.authors))
            out.append(f"| {title}| {authors} | {_cell(paper.summary)} |")
        out.append("")
    return "\n".join(out)


def table_with_columns(days: Days) -> str:
    """The early shape with a link column, plus labels and GitHub columns."""
    out: list[str] = []
    header = "| Classification | Title | Authors | Summary | GitHub URLs | Link |"
    for date, papers in days:
        out += [f"# Papers for {date}", "", header, "|---|---|---|---|---|---|"]
        for paper in papers:
            labels = _cell(_py_list(paper.labels)) if paper.labels else "N/A"
            urls = paper.extras.get("github", []) + paper.extras.get("huggingface", [])
            cells = [
                labels,
                _cell(paper.title),
                _cell(", ".join(paper.authors)),
                _cell(paper.summary),
                _py_list(urls) if urls else "",
                f"[Read more]({_arxiv(paper)})",
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def headings(days: Days) -> str:
    """One heading per paper, then labelled lines and the summary paragraph."""
    out: list[str] = []
    for date, papers in days:
        out += [f"### Papers for {date}", ""]
        for number, paper in enumerate(papers, 1):
            out += [f"## {number}. [{paper.title}]({_arxiv(paper, 'pdf')})", ""]
            if paper.authors:
                out.append("authors: " + ", ".join(paper.authors))
            if paper.labels:
                out.append("category: " + ", ".join(paper.labels))
            urls = paper.extras.get("github", []) + paper.extras.get("huggingface", [])
            if urls:
                out.append("github: " + " ".join(urls))
            out += ["", f"Summary: {paper.summary}", ""]
    return "\n".join(out)


def json_list(days: Days) -> str:
    """A JSON list of paper objects, each carrying its date."""
    items = [
        {
            "title": paper.title,
            "authors": paper.authors,
            "link": _arxiv(paper),
            "summary": paper.summary,
            "date": date,
            "classification": paper.labels,
            "github_urls": paper.extras.get("github", []),
            "HuggingFace_URLs": paper.extras.get("huggingface", []),
        }
        for date, papers in days
        for paper in papers
    ]
    return json.dumps(items, ensure_ascii=False, indent=2)


SHAPES: dict[str, tuple[Callable[[Days], str], bool]] = {
    "table-tail": (table_with_tail, False),
    "table-tail-wrapped": (lambda days: table_with_tail(days, wrap=True), False),
    "table-columns": (table_with_columns, True),
    "headings": (headings, True),
    "json": (json_list, True),
}
"""Each shape's renderer, and whether it carries labels and extra links."""
