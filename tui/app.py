"""The papers app: its styles, its global keys and its first screen."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import PurePath
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from tui.resources import bundled
from tui.screens import MainScreen
from tui.screens.place import save_setting
from tui.store import Store

STYLES = bundled("styles")


class PapersApp(App[None]):
    """A keyboard-driven reader for daily AI-paper digests."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        STYLES / "app.tcss",
        STYLES / "modals.tcss",
    ]
    TITLE = "papers"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit papers", id="quit")
    ]

    def __init__(self, store: Store, notices: Iterable[str] = ()) -> None:
        super().__init__()
        self.store = store
        """The library the reader shows; the caller opens and closes it."""
        self.notices = list(notices)
        """Messages from the caller to show at start, such as the sample hint."""
        # What exists by now (Textual's modules, the library's catalog) lives as
        # long as the app: leave it out of the collector's full passes, one of
        # which cost ~30 ms of the first frame at 100,000 papers.
        gc.freeze()
        saved = store.state.setting("theme")
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.store)

    def watch_theme(self, theme: str) -> None:
        """Remember the theme picked in the command palette for the next start."""
        save_setting(self.store, "theme", theme)

    def on_mount(self) -> None:
        # The Store's own notices (read-only, damage) come from the main screen,
        # which reads the library and so learns of them.
        for notice in self.notices:
            self.notify(notice, markup=False, timeout=10)
