"""The tag editor: a paper's tags, comma-separated, completed from the known tags."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester, SuggestFromList
from textual.widgets import Input, Static

HINT = "Enter saves · → takes the suggestion · Esc cancels"
MUTED = "$foreground-muted"
"""Dimmed text in Content; `$text-muted` is an "auto" colour, drawn white there."""
KNOWN_SHOWN = 12
"""How many of the most used tags to list under the input."""


def clean_tags(text: str) -> list[str]:
    """The comma-separated tags of `text`, stripped, without blanks or repeats."""
    return list(dict.fromkeys(tag.strip() for tag in text.split(",") if tag.strip()))


def by_use(known: dict[str, int]) -> list[str]:
    """Known tags, most used first, then by name."""
    return sorted(known, key=lambda tag: (-known[tag], tag))


class LastTagSuggester(Suggester):
    """Completes the tag being typed, after the last comma, from the known tags."""

    def __init__(self, tags: Iterable[str]) -> None:
        # Case-sensitive here so the value arrives as typed: the completion keeps
        # the earlier tags' case. The known tags are matched ignoring case.
        super().__init__(case_sensitive=True)
        self._tags = SuggestFromList(tags, case_sensitive=False)

    async def get_suggestion(self, value: str) -> str | None:
        typed = value.rpartition(",")[2].lstrip()
        if not typed:
            return None
        found = await self._tags.get_suggestion(typed.casefold())
        if found is None:
            return None
        return value[: len(value) - len(typed)] + found


class TagEditor(ModalScreen[list[str] | None]):
    """Edit a paper's tags; dismisses with the cleaned list, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Cancel"),
    ]
    AUTO_FOCUS = "#tags-input"

    def __init__(
        self, paper_title: str, tags: list[str], known: dict[str, int]
    ) -> None:
        super().__init__()
        self.paper_title = paper_title
        """The title shown above the tags; text, never markup."""
        self.tags = tags
        """The paper's tags when the editor opened."""
        self.known = known
        """Every tag in use, with how many papers carry it."""

    def compose(self) -> ComposeResult:
        # A trailing comma, so the next tag can be typed straight away.
        value = ", ".join(self.tags) + (", " if self.tags else "")
        with Vertical(id="tags-dialog", classes="dialog") as dialog:
            dialog.border_title = "Tags"
            yield Static(Content(self.paper_title), classes="paper-title")
            yield Input(
                value,
                placeholder="tags, separated by commas",
                suggester=LastTagSuggester(by_use(self.known)),
                select_on_focus=False,
                id="tags-input",
            )
            yield Static(self.known_line(), id="tags-known")
            yield Static(HINT, classes="hint", markup=False)

    def known_line(self) -> Content:
        """The most used tags with their counts, as a reminder of what exists."""
        tags = by_use(self.known)[:KNOWN_SHOWN]
        if not tags:
            return Content("No tags yet.")
        listed = Content(" · ").join(
            Content.assemble(tag, (f" {self.known[tag]}", MUTED)) for tag in tags
        )
        return Content.assemble(("In use: ", MUTED), listed)

    @on(Input.Submitted, "#tags-input")
    def save_tags(self, event: Input.Submitted) -> None:
        self.dismiss(clean_tags(event.value))
