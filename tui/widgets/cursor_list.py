"""A scrolling list with a cursor that draws only the lines on screen."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

Piece = tuple[str, str]
"""Some text of a line and its part: "" (plain), "muted" or "accent"."""


class CursorList(ScrollView, can_focus=True):
    """Items of one or more lines under a cursor, drawn line by line.

    Subclasses lay the items out (`set_heights`) and say what each line holds
    (`item_line`); the cursor, keys, mouse and scrolling live here. Drawing costs
    the same for 10 items as for 10,000: only visible lines are asked for.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "cursor-list--cursor",
        "cursor-list--muted",
        "cursor-list--accent",
    }
    DEFAULT_CSS = """
    CursorList {
        overflow-x: hidden;
        & > .cursor-list--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .cursor-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .cursor-list--muted { color: $text-muted; }
        & > .cursor-list--accent { color: $accent; }
    }
    """

    cursor: var[int] = var(0, init=False)
    """The item under the cursor."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._starts: list[int] = [0]
        """First line of each item, then the number of lines."""
        self._styles: dict[str, Style] = {}
        """Rich style of each part, dropped whenever the CSS applies anew."""
        self._width = 0
        """Width of the lines being drawn, taken once per drawing."""

    @property
    def item_count(self) -> int:
        return len(self._starts) - 1

    def set_heights(self, heights: Iterable[int]) -> None:
        """Lay the items out, one height in lines each, and redraw them."""
        self._starts = [0, *accumulate(heights)]
        self.virtual_size = Size(0, self._starts[-1])
        self.set_reactive(CursorList.cursor, self.validate_cursor(self.cursor))
        self.refresh()

    def item_at(self, line: int) -> int:
        return bisect_right(self._starts, line) - 1

    def item_line(self, item: int, line: int) -> list[Piece]:
        """The pieces of line `line` (from 0) of `item`."""
        raise NotImplementedError

    def refresh_item(self, item: int) -> None:
        if 0 <= item < self.item_count:
            start = self._starts[item]
            self.refresh_lines(start, self._starts[item + 1] - start)

    def validate_cursor(self, item: int) -> int:
        return max(0, min(item, self.item_count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_item(old)
        self.refresh_item(new)
        self.scroll_to_cursor()

    def scroll_to_cursor(self) -> None:
        """Scroll the least distance that shows all of the cursor's item."""
        # Not before the first layout: with no height, any scroll would do.
        if self.item_count and self.scrollable_content_region.height:
            top, end = self._starts[self.cursor], self._starts[self.cursor + 1]
            region = Region(0, top, 1, end - top)
            self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def on_resize(self) -> None:
        self.scroll_to_cursor()

    def action_move(self, items: int) -> None:
        self.cursor += items

    def action_move_to(self, item: int) -> None:
        """Put the cursor on `item`; -1 is the last one."""
        self.cursor = item % max(1, self.item_count)

    def action_page(self, pages: int) -> None:
        line = self._starts[self.cursor] + pages * self.scrollable_content_region.height
        self.cursor = self.item_at(max(0, min(line, self._starts[-1] - 1)))

    def action_choose(self) -> None:
        """Act on the item under the cursor (Enter, a click); nothing by default."""

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = offset.y + round(self.scroll_y)
        if line < self._starts[-1]:
            self.cursor = self.item_at(line)
            self.action_choose()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def part_style(self, part: str) -> Style:
        """The rich style of a part ("" for the list's own), cached."""
        style = self._styles.get(part)
        if style is None:
            name = f"cursor-list--{part}"
            style = self.get_component_rich_style(name) if part else self.rich_style
            self._styles[part] = style
        return style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._width = self.scrollable_content_region.width  # once, not per line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        line = y + round(self.scroll_y)
        width = self._width
        if line >= self._starts[-1]:
            return Strip.blank(width, self.part_style(""))
        item = self.item_at(line)
        pieces = self.item_line(item, line - self._starts[item])
        if item == self.cursor:
            style = self.part_style("cursor")
            segments = [Segment("".join(text for text, _ in pieces), style)]
        else:
            style = self.part_style("")
            segments = [Segment(text, self.part_style(part)) for text, part in pieces]
        room = width - sum(cell_len(text) for text, _ in pieces)
        if room < 0:
            return Strip(segments).crop(0, width)
        segments.append(Segment(" " * room, style))
        return Strip(segments, width)
