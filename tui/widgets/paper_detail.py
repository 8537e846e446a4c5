"""The right pane: everything known about the highlighted paper."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from tui.models import Paper

LINK_NAMES = {
    "abs": "Abstract",
    "pdf": "PDF",
    "huggingface": "Hugging Face",
    "github": "GitHub",
    "link": "Link",
}
NAME_WIDTH = 13
PARTS = ("title", "authors", "facts", "note", "summary", "links")
"""Ids of the detail's parts, top to bottom."""


def labelled(name: str, value: Content | str) -> Content:
    return Content.assemble((f"{name:<{NAME_WIDTH}}", "$text-muted"), value)


@dataclass(frozen=True, slots=True)
class Mine:
    """What the user made of a paper, and where they are reading it."""

    day: str | None = None
    """The day being read; the detail lists the paper's other days."""
    tags: Sequence[str] = ()
    note: str = ""
    watched: Sequence[str] = field(default=())
    """The watched authors and keywords the paper matches."""


def featured_on(paper: Paper, day: str | None) -> Content:
    """The days the paper was featured on, apart from the one being read."""
    if day not in paper.dates:
        return labelled("Featured on", ", ".join(paper.dates))
    others = [date for date in paper.dates if date != day]
    return labelled("Also on", ", ".join(others)) if others else Content()


def facts_of(paper: Paper, mine: Mine) -> Content:
    """The paper's id, its other days, labels, the watch list's matches, tags."""
    lines = []
    if paper.has_arxiv_id:
        lines.append(labelled("arXiv", f"{paper.id}{paper.version}"))
    if paper.dates:
        lines.append(featured_on(paper, mine.day))
    if paper.labels:
        lines.append(labelled("Labels", ", ".join(paper.labels)))
    if mine.watched:
        watched = Content(", ".join(mine.watched)).stylize("$accent")
        lines.append(labelled("◆ Watching", watched))
    if mine.tags:
        tags = Content(" ".join(f"#{tag}" for tag in mine.tags)).stylize("$accent")
        lines.append(labelled("Tags", tags))
    return Content("\n").join(line for line in lines if line)


def links_of(paper: Paper) -> Content:
    """The canonical links, then the digest's extra links, each clickable."""
    found = list(paper.links.items())
    for kind, urls in paper.extras.items():
        found.extend((kind, url) for url in urls)
    lines, seen = [], set()
    for kind, url in found:
        if url not in seen:
            seen.add(url)
            name = LINK_NAMES.get(kind, kind)
            lines.append(labelled(name, Content.styled(url, Style(link=url))))
    return Content("\n").join(lines)


class PaperDetail(VerticalScroll):
    """Title, authors, featured days, tags, note, summary and links of a paper."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Paper"

    def compose(self) -> ComposeResult:
        for part in PARTS:
            yield Static(id=part, markup=False)

    def show_paper(
        self, paper: Paper, note: str = "", mine: Mine | None = None
    ) -> None:
        """Show `paper`; `note` stands in for a summary the library has not given."""
        mine = mine or Mine()
        self._fill(
            title=Content(paper.title),
            authors=Content(", ".join(paper.authors)),
            facts=facts_of(paper, mine),
            note=labelled("Note", mine.note) if mine.note else Content(),
            summary=Content(paper.summary or note),
            links=links_of(paper),
        )

    def show_message(self, message: str) -> None:
        """Show a message in place of a paper, such as why there is none."""
        self._fill(summary=Content(message))

    def _fill(self, **parts: Content) -> None:
        for part in PARTS:
            content = parts.get(part, Content())
            static = self.query_one(f"#{part}", Static)
            static.update(content)
            static.display = bool(content)
        self.scroll_home(animate=False)
