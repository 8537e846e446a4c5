"""The left pane: the bookmarks entry, then every day newest first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

BOOKMARKS = "bookmarks"
"""Option id of the bookmarks entry; no ISO date can take it."""


def day_prompt(date: str, count: int) -> Content:
    return Content.assemble(date, (f"{count:>6}", "$text-muted"))


def bookmarks_prompt(count: int) -> Content:
    # As wide as a day's prompt, so the counts line up.
    return Content.assemble(
        ("★ ", "$accent"), "Bookmarks", (f"{count:>5}", "$text-muted")
    )


class DateSidebar(OptionList):
    """Every day of the library with its paper count, under a bookmarks entry."""

    # An OptionList, not a ListView: libraries reach 6,000+ days, and a ListView
    # of 300 items already added ~1.35 s to the first frame (5,000 options: ~0.35 s).

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select",
            "Open day",
            tooltip="List the papers of the day under the cursor",
            id="open_day",
        ),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    @dataclass
    class DateSelected(Message):
        """The user chose a day to read; None means the bookmarks."""

        date: str | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.border_title = "Days"

    def show_days(self, days: Iterable[tuple[str, int]], bookmarks: int) -> None:
        """Fill the list from (date, paper count) pairs, newest first."""
        options = [Option(bookmarks_prompt(bookmarks), id=BOOKMARKS)]
        options.extend(Option(day_prompt(date, count), id=date) for date, count in days)
        self.set_options(options)

    def show_bookmark_count(self, count: int) -> None:
        self.replace_option_prompt(BOOKMARKS, bookmarks_prompt(count))

    def highlight_day(self, date: str | None) -> None:
        """Put the cursor on `date` (None: the bookmarks entry)."""
        self.highlighted = self.get_option_index(date or BOOKMARKS)

    @on(OptionList.OptionSelected)
    def announce_date(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id
        self.post_message(self.DateSelected(None if chosen == BOOKMARKS else chosen))
