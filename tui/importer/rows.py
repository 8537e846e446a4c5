"""One table row to one drafted paper, by the kind of each column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

from tui.importer.draft import Draft
from tui.importer.fields import split_list
from tui.importer.report import Report
from tui.importer.text import cell_text

ColumnKind = Literal[
    "title", "authors", "summary", "labels", "link", "github", "huggingface"
]

_KINDS: tuple[ColumnKind, ...] = get_args(ColumnKind)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_EXACT: dict[str, ColumnKind] = {
    "title": "title",
    "paper": "title",
    "papertitle": "title",
    "papername": "title",
    "tldr": "summary",
    "description": "summary",
    "code": "github",
    "codeurl": "github",
    "codelink": "github",
    "repo": "github",
    "repository": "github",
    "hf": "huggingface",
    "hfurl": "huggingface",
    "hfurls": "huggingface",
    "model": "huggingface",
    "models": "huggingface",
    "dataset": "huggingface",
    "datasets": "huggingface",
}
# Checked in order, so "GitHub URLs" is read as GitHub before "url" makes it a link.
_CONTAINS: tuple[tuple[str, ColumnKind], ...] = (
    ("title", "title"),
    ("author", "authors"),
    ("summar", "summary"),
    ("abstract", "summary"),
    ("github", "github"),
    ("hugging", "huggingface"),
    ("categor", "labels"),
    ("classif", "labels"),
    ("label", "labels"),
    ("tag", "labels"),
    ("topic", "labels"),
    ("keyword", "labels"),
    ("link", "link"),
    ("url", "link"),
    ("arxiv", "link"),
    ("pdf", "link"),
)


def column_kind(name: str) -> ColumnKind | None:
    """What a header cell names, found case-insensitively; None if unknown."""
    key = _NOT_ALNUM.sub("", name.lower())
    if key in _EXACT:
        return _EXACT[key]
    for part, kind in _CONTAINS:
        if part in key:
            return kind
    return None


@dataclass(frozen=True, slots=True)
class Columns:
    """Where each field sits in the rows of one table, worked out from its header."""

    width: int
    title: int
    authors: tuple[int, ...] = ()
    summary: int = -1
    labels: tuple[int, ...] = ()
    links: tuple[tuple[int, bool], ...] = ()
    """Link columns, each with whether it links to the paper itself."""
    ignored: tuple[str, ...] = ()
    """The names of columns nobody reads."""

    @classmethod
    def of(cls, names: list[str]) -> Columns | None:
        """The layout of a header row's cells; None without a title column."""
        kinds = [column_kind(name) for name in names]
        if "title" not in kinds:
            return None
        where: dict[str, list[int]] = {kind: [] for kind in _KINDS}
        for index, kind in enumerate(kinds):
            if kind is not None:
                where[kind].append(index)
        links = [(index, True) for index in where["link"]]
        links += [(index, False) for index in where["github"] + where["huggingface"]]
        return cls(
            width=len(kinds),
            title=where["title"][0],
            authors=tuple(where["authors"]),
            summary=where["summary"][0] if where["summary"] else -1,
            labels=tuple(where["labels"]),
            links=tuple(sorted(links)),
            ignored=tuple(
                name.strip()
                for name, kind in zip(names, kinds, strict=True)
                if kind is None and name.strip()
            ),
        )


def read_row(
    cells: list[str], columns: Columns, line: int, report: Report
) -> Draft | None:
    """Draft the paper in a row, or report why the row was not read."""
    if len(cells) != columns.width:
        cells = _fit(cells, columns, line, report)
    summary = cell_text(cells[columns.summary]) if columns.summary >= 0 else ""
    draft = Draft(
        line=line,
        authors=_list_items(cells, columns.authors),
        summary=summary,
        labels=_list_items(cells, columns.labels),
    )
    draft.take_title(cell_text(cells[columns.title]))
    if not draft.title:
        report.problem(line, "row has no title")
        return None
    for index, of_paper in columns.links:
        draft.take_links(cell_text(cells[index]), of_paper=of_paper)
    return draft


def _list_items(cells: list[str], indexes: tuple[int, ...]) -> list[str]:
    """The names or labels in the list cells at indexes, in column order."""
    if not indexes:
        return []
    if len(indexes) == 1:
        return split_list(cell_text(cells[indexes[0]]))
    return [item for index in indexes for item in split_list(cell_text(cells[index]))]


def _fit(cells: list[str], columns: Columns, line: int, report: Report) -> list[str]:
    """Give the row exactly one cell per column."""
    expected = columns.width
    if len(cells) < expected:
        return cells + [""] * (expected - len(cells))
    # Extra cells mostly come from an unescaped `|` in a summary written last.
    if columns.summary == expected - 1:
        return [*cells[: expected - 1], "|".join(cells[expected - 1 :])]
    # TODO(importer): with Summary not last, an unescaped `|` outside `$…$` still
    # shifts the cells after it (the link column among them); only reported.
    report.problem(
        line,
        f"row has {len(cells)} cells but the header has {expected}; "
        "extra cells ignored",
    )
    return cells[:expected]
