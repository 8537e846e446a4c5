"""The middle pane: one day's papers in digest order, with their marks and tags."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip

from tui.widgets.cursor_list import CursorList, Piece

BOOKMARK = "★"
WATCHED = "◆"


@dataclass(slots=True)
class Row:
    """What the list shows of one paper; the title is text, never markup."""

    id: str
    title: str
    bookmarked: bool = False
    read: bool = False
    """Read papers are drawn muted."""
    watched: bool = False
    """The paper matches the watch list."""
    tags: tuple[str, ...] = field(default=())


class PaperList(CursorList):
    """The papers of one day (or a bookmarks or tag view), titles wrapped to fit."""

    # A line-API list rather than an OptionList: it fills and draws a day of 16
    # papers in half the time (~3 ms against ~6.5 ms at 40 columns), and a
    # relayout does not measure every option again.

    DEFAULT_CSS = """
    PaperList {
        scrollbar-gutter: stable;  /* a scrollbar coming must not re-wrap titles */
    }
    """

    @dataclass
    class PaperHighlighted(Message):
        """A paper came under the cursor; None when the list is empty."""

        paper_id: str | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[Row] = []
        """Each listed paper, in order."""
        self._lines: list[list[str]] = []
        """Each title wrapped to fit, then its tags line if it has tags."""
        self._wrap_width = 0
        """The width the titles are wrapped to; 0 until the list is drawn."""
        self._watching = False
        """Whether a column is kept for the watch marker."""

    @property
    def current_id(self) -> str | None:
        """The id under the cursor now (its message may still be on its way)."""
        return self._rows[self.cursor].id if self._rows else None

    @property
    def ids(self) -> list[str]:
        """The listed papers' ids, in order."""
        return [row.id for row in self._rows]

    @property
    def prefix_width(self) -> int:
        """Cells before each title: the bookmark star, the watch marker, a space."""
        return 3 if self._watching else 2

    def show_papers(
        self, rows: Iterable[Row], *, watching: bool = False, cursor: int = 0
    ) -> None:
        """List `rows` in order, the cursor on item `cursor`."""
        self._rows = list(rows)
        self._watching = watching
        count = len(self._rows)
        self.border_subtitle = f"{count} paper{'' if count == 1 else 's'}"
        self.wrap_titles(self._wrap_width)
        self.set_reactive(PaperList.cursor, self.validate_cursor(cursor))
        self.scroll_to_cursor()
        current = self._rows[self.cursor].id if count else None
        self.post_message(self.PaperHighlighted(current))

    def update_row(self, row: Row) -> None:
        """Redraw one listed paper with new marks or tags."""
        for item, listed in enumerate(self._rows):
            if listed.id == row.id:
                self._rows[item] = row
                self.wrap_titles(self._wrap_width)
                return

    def row(self, paper_id: str) -> Row | None:
        return next((row for row in self._rows if row.id == paper_id), None)

    def wrap_titles(self, width: int) -> None:
        """Wrap the titles to `width` (none while 0); keep the cursor in view."""
        self._wrap_width = width
        room = width - self.prefix_width
        self._lines = []
        for row in self._rows:
            lines = (
                [line.plain for line in Content(row.title).wrap(room)]
                if room > 0
                else [row.title]
            )
            if row.tags:
                lines.append(" ".join(f"#{tag}" for tag in row.tags))
            self._lines.append(lines)
        self.set_heights(len(lines) for lines in self._lines)
        self.scroll_to_cursor()

    def watch_cursor(self, old: int, new: int) -> None:
        super().watch_cursor(old, new)
        if self._rows:
            self.post_message(self.PaperHighlighted(self._rows[new].id))

    def render_lines(self, crop: Region) -> list[Strip]:
        # Wrapped here, at the width being drawn, so no frame shows cut titles.
        width = self.scrollable_content_region.width
        if width != self._wrap_width:
            self.wrap_titles(width)
        return super().render_lines(crop)

    def item_line(self, item: int, line: int) -> list[Piece]:
        row, lines = self._rows[item], self._lines[item]
        text = lines[line]
        blank = " " * self.prefix_width
        if row.tags and line == len(lines) - 1:
            return [(blank, ""), (text, "accent")]
        title = (text, "muted" if row.read else "")
        if line:
            return [(blank, ""), title]
        star = BOOKMARK if row.bookmarked else " "
        if not self._watching:
            return [(f"{star} ", "accent"), title]
        marker = WATCHED if row.watched else " "
        return [(f"{star}{marker} ", "accent"), title]
