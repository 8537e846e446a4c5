"""The middle pane: one day's papers in digest order, bookmarked ones starred."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.models import Paper

MARK = "★ "
NO_MARK = "  "


def paper_prompt(title: str, bookmarked: bool) -> Content:
    """A paper's line; the title is plain text, never markup."""
    return Content.assemble((MARK, "$accent") if bookmarked else NO_MARK, title)


class PaperList(OptionList):
    """The papers of one day (or the bookmarks), one option per paper."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    @dataclass
    class PaperHighlighted(Message):
        """A paper came under the cursor; None when the list is empty."""

        paper_id: str | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._titles: dict[str, str] = {}
        """Titles of the listed papers by id, to redraw a line when its mark flips."""

    def show_papers(
        self, papers: Iterable[Paper], bookmarked: Callable[[str], bool]
    ) -> None:
        """List `papers` in order and put the cursor on the first."""
        self._titles = {paper.id: paper.title for paper in papers}
        count = len(self._titles)
        self.border_subtitle = f"{count} paper{'' if count == 1 else 's'}"
        self.set_options(
            Option(paper_prompt(title, bookmarked(paper_id)), id=paper_id)
            for paper_id, title in self._titles.items()
        )
        if count:
            self.highlighted = 0
        else:
            self.post_message(self.PaperHighlighted(None))

    def mark(self, paper_id: str, bookmarked: bool) -> None:
        """Show or hide the bookmark star of one listed paper."""
        title = self._titles.get(paper_id)
        if title is not None:
            self.replace_option_prompt(paper_id, paper_prompt(title, bookmarked))

    @on(OptionList.OptionHighlighted)
    def announce_paper(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.PaperHighlighted(event.option.id))
