"""The help modal: every key of the reader, read from help.md beside this module."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = Path(__file__).with_name("help.md")
"""The keys, kept in Markdown so they read well here and on GitHub alike."""


class HelpScreen(ModalScreen[None]):
    """The reader's keys in a scrolling box; Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
        Binding("j", "scroll_help(1)", "Down", show=False),
        Binding("k", "scroll_help(-1)", "Up", show=False),
    ]
    AUTO_FOCUS = "#help"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog") as box:
            box.border_title = "Help"
            box.border_subtitle = "Esc closes"
            yield Markdown(HELP.read_text(encoding="utf-8"))

    def action_scroll_help(self, lines: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=lines, animate=False)
