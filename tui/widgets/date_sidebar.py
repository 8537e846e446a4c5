"""The left pane: the bookmarks entry, then every day newest first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from tui.widgets.cursor_list import CursorList, Piece


class DateSidebar(CursorList):
    """Every day of the library with its paper count, under a bookmarks entry."""

    # A line-API list: it draws only the rows on screen. An OptionList measured
    # all 6,250 days of a 100,000-paper library on the first frame and on each
    # relayout, and held them (peak memory 411 MB against 250 MB now); a ListView
    # of 300 items cost ~1.35 s.

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "choose",
            "Open day",
            tooltip="List the papers of the day under the cursor",
            id="open_day",
        ),
    ]

    @dataclass
    class DateSelected(Message):
        """The user chose a day to read; None means the bookmarks."""

        date: str | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Days"
        self._days: list[tuple[str, int]] = []
        """(date, paper count) of each day, newest first; item 0 is the bookmarks."""
        self._bookmarks = 0
        """How many papers are bookmarked, shown on the first row."""

    def show_days(self, days: Iterable[tuple[str, int]], bookmarks: int) -> None:
        """Fill the list from (date, paper count) pairs, newest first."""
        self._days = list(days)
        self._bookmarks = bookmarks
        self.set_heights(repeat(1, len(self._days) + 1))

    def show_bookmark_count(self, count: int) -> None:
        self._bookmarks = count
        self.refresh_item(0)

    def highlight_day(self, date: str | None) -> None:
        """Put the cursor on `date` (None: the bookmarks entry)."""
        # A scan, not an index of 6,000 days: it runs at start, for the newest day.
        days = (item for item, (day, _) in enumerate(self._days, 1) if day == date)
        self.cursor = next(days, 0)

    def action_choose(self) -> None:
        date = self._days[self.cursor - 1][0] if self.cursor else None
        self.post_message(self.DateSelected(date))

    def item_line(self, item: int, line: int) -> list[Piece]:
        # The counts line up: "★ Bookmarks" is as wide as a date and a space.
        if not item:
            marks = f"{self._bookmarks:>5}"
            return [(" ★ ", "accent"), ("Bookmarks", ""), (marks, "muted")]
        date, count = self._days[item - 1]
        return [(f" {date}", ""), (f"{count:>6}", "muted")]
