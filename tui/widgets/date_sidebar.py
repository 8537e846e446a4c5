"""The left pane: the bookmarks entry, every day newest first, then the tags."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import repeat
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from tui.widgets.cursor_list import CursorList, Piece

DayCount = Callable[[str], int]
"""A figure of one day, such as its unread papers, asked for as the row is drawn."""


def no_count(date: str) -> int:
    return 0


class DateSidebar(CursorList):
    """Every day with its unread and paper counts, between bookmarks and tags."""

    # A line-API list: it draws only the rows on screen. An OptionList measured
    # all 6,250 days of a 100,000-paper library on the first frame and on each
    # relayout, and held them (peak memory 411 MB against 250 MB now); a ListView
    # of 300 items cost ~1.35 s. For the same reason the unread and watch counts
    # are asked for row by row as drawn, never for every day up front.

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "choose",
            "Open day",
            tooltip="List the papers of the day or tag under the cursor",
            id="open_day",
        ),
    ]

    @dataclass
    class DateSelected(Message):
        """The user chose a day to read; None means the bookmarks."""

        date: str | None

    @dataclass
    class TagSelected(Message):
        """The user chose a tag, to list the papers that carry it."""

        tag: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Days"
        self._days: list[tuple[str, int]] = []
        """(date, paper count) of each day, newest first; item 0 is the bookmarks."""
        self._tags: list[tuple[str, int]] = []
        """(tag, paper count) of each tag in use, listed below the days."""
        self.choices = 0
        """How many times a day or tag was chosen; the screen applies each once."""
        self.last_choice: DateSidebar.DateSelected | DateSidebar.TagSelected | None = (
            None
        )
        self._bookmarks = 0
        """How many papers are bookmarked, shown on the first row."""
        self.unread_on: DayCount = no_count
        """How many papers of a day are unread."""
        self.watched_on: DayCount = no_count
        """How many papers of a day match the watch list."""

    def show_days(self, days: Iterable[tuple[str, int]], bookmarks: int) -> None:
        """Fill the list from (date, paper count) pairs, newest first."""
        self._days = list(days)
        self._bookmarks = bookmarks
        self._lay_out()

    def show_tags(self, tags: Iterable[tuple[str, int]]) -> None:
        """List (tag, paper count) pairs below the days."""
        self._tags = list(tags)
        self._lay_out()

    def _lay_out(self) -> None:
        self.set_heights(repeat(1, 1 + len(self._days) + len(self._tags)))

    def show_bookmark_count(self, count: int) -> None:
        self._bookmarks = count
        self.refresh_item(0)

    def highlight_day(self, date: str | None) -> None:
        """Put the cursor on `date` (None: the bookmarks entry)."""
        # A scan, not an index of 6,000 days: it runs at start and on a day jump.
        days = (item for item, (day, _) in enumerate(self._days, 1) if day == date)
        self.cursor = next(days, 0)

    def highlight_tag(self, tag: str) -> None:
        first = 1 + len(self._days)
        tags = (item for item, (name, _) in enumerate(self._tags, first) if name == tag)
        self.cursor = next(tags, self.cursor)

    def action_choose(self) -> None:
        choice: DateSidebar.DateSelected | DateSidebar.TagSelected
        if self.cursor > len(self._days):
            choice = self.TagSelected(self._tags[self.cursor - len(self._days) - 1][0])
        else:
            choice = self.DateSelected(
                self._days[self.cursor - 1][0] if self.cursor else None
            )
        # Kept as well as sent: a key that follows at once must see the choice
        # before the message arrives (see ReaderActions.catch_up).
        self.choices += 1
        self.last_choice = choice
        self.post_message(choice)

    def item_line(self, item: int, line: int) -> list[Piece]:
        # The counts line up: "★ Bookmarks" is as wide as a date and a space.
        if not item:
            marks = f"{self._bookmarks:>5}"
            return [(" ★ ", "accent"), ("Bookmarks", ""), (marks, "muted")]
        if item > len(self._days):
            tag, count = self._tags[item - len(self._days) - 1]
            return [(" # ", "accent"), (f"{tag:<9}", ""), (f"{count:>5}", "muted")]
        date, count = self._days[item - 1]
        unread = self.unread_on(date)
        pieces = [
            (f" {date}", "muted" if not unread else ""),
            (f"{unread:>5}", "muted" if not unread else "accent"),
            (f"/{count:<4}", "muted"),
        ]
        watched = self.watched_on(date)
        if watched:
            pieces.append((f"◆{watched}", "accent"))
        return pieces
