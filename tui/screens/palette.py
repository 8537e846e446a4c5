"""Command palette sources: a typed date or tag, and every key of the reader."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.screens.actions import ReaderActions

DAYS_SHOWN = 20
"""Days offered at most for one query; more would only scroll."""


def date_part(query: str) -> str:
    """The digits and dashes of a query, as in "go to 2025-06"."""
    return "".join(char for char in query if char.isdigit() or char == "-")


class DayCommands(Provider):
    """Open the day whose date holds what was typed, newest first."""

    async def search(self, query: str) -> Hits:
        screen = self.screen
        wanted = date_part(query)
        if not isinstance(screen, ReaderActions) or not wanted.strip("-"):
            return
        matcher = self.matcher(query)
        days = (day for day in screen.day_list() if wanted in day)
        for rank, day in enumerate(days):
            if rank == DAYS_SHOWN:
                break
            text = f"Go to {day}"
            # Exact dates first, then the newest; the fuzzy score would mix them.
            score = 1.0 if day == wanted else 0.9 - rank / 1000
            yield Hit(
                score,
                matcher.highlight(text),
                partial(screen.open_view, day),
                text=text,
                help=f"{screen.store.count_on(day)} papers",
            )


class TagCommands(Provider):
    """List the papers of a tag, found by its name."""

    async def search(self, query: str) -> Hits:
        screen = self.screen
        if not isinstance(screen, ReaderActions):
            return
        matcher = self.matcher(query.lstrip("#"))
        for tag, count in screen.store.tag_counts().items():
            text = f"Tag #{tag}"
            score = matcher.match(tag)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(screen.open_view, None, tag=tag),
                    text=text,
                    help=f"{count} paper{'' if count == 1 else 's'}",
                )


class ReaderCommands(Provider):
    """Every key of the main screen, by its description."""

    def bindings(self) -> Iterator[tuple[ReaderActions, Binding]]:
        screen = self.screen
        if isinstance(screen, ReaderActions):
            for binding in screen.BINDINGS:
                if isinstance(binding, Binding):
                    yield screen, binding

    def help_of(self, binding: Binding) -> str:
        return f"{binding.tooltip} (key: {self.app.get_key_display(binding)})"

    async def discover(self) -> Hits:
        for screen, binding in self.bindings():
            yield DiscoveryHit(
                binding.description,
                partial(screen.run_action, binding.action),
                help=self.help_of(binding),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for screen, binding in self.bindings():
            score = matcher.match(binding.description)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(binding.description),
                    partial(screen.run_action, binding.action),
                    help=self.help_of(binding),
                )
