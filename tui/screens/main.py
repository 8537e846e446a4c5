"""The main screen: days on the left, a day's papers in the middle, one paper right.

A router: it composes the panes, passes their messages on as state, and asks the
Store for what they show.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import Reactive, var
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import get_current_worker

from tui.models import Paper
from tui.storage import LibraryError
from tui.store import Store
from tui.widgets import DateSidebar, KeyFooter, PaperDetail, PaperList

EMPTY_LIBRARY = "No papers yet. Import your digests: papers import FOLDER"
NO_BOOKMARKS = "No bookmarks yet. Press b on a paper to keep it here."
NOT_LOADED = "The rest of the library is still loading; the details will follow."
GONE = "This paper is no longer in the library; only its bookmark is left."
READ_ONLY = "This library is open read-only, so the bookmark can't be saved."
PAPER_ACTIONS = {"toggle_bookmark", "copy_link"}


class LoadStopped(Exception):
    """The screen went away while the library was loading."""


class MainScreen(Screen[None]):
    """Browse the days, read a day's papers, bookmark and copy links."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "b",
            "toggle_bookmark",
            "Bookmark",
            tooltip="Bookmark the highlighted paper, or drop its bookmark",
            id="toggle_bookmark",
        ),
        Binding(
            "c",
            "copy_link",
            "Copy link",
            tooltip="Copy the highlighted paper's arXiv abstract link",
            id="copy_link",
        ),
    ]
    AUTO_FOCUS = "PaperList"

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Screen's, without repainting the whole screen when the focus moves: the
    panes' :focus rules already redraw the two panes concerned (~10 ms a switch)."""
    day: var[str | None] = var(None, init=False, always_update=True)
    """The day the paper list shows; None shows the bookmarks."""
    paper_id: var[str | None] = var(None, init=False)
    """The paper under the list's cursor, shown in the detail pane."""

    @dataclass
    class LibraryLoaded(Message):
        """The rest of the library was loaded; `error` says what failed, if any."""

        error: str = ""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        """The library every pane shows; bookmarks are written through it."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield DateSidebar(id="days")
            yield PaperList(id="papers")
            yield PaperDetail(id="detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        count_on = self.store.count_on
        days = [
            (date, count) for date in self.store.dates() if (count := count_on(date))
        ]
        newest = days[0][0] if days else None
        sidebar = self.query_one(DateSidebar)
        sidebar.show_days(days, len(self.store.bookmarks()))
        sidebar.highlight_day(newest)
        self.day = newest
        self.show_store_notices()
        if not self.store.fully_loaded:
            self.call_after_refresh(self.load_library)

    # What the panes show

    def watch_day(self, day: str | None) -> None:
        papers = self.store.papers_on(day) if day else self.bookmarked_papers()
        paper_list = self.query_one(PaperList)
        paper_list.border_title = day or "★ Bookmarks"
        paper_list.show_papers(papers, self.store.is_bookmarked)
        # Fill the detail now rather than on the list's highlight message, so the
        # new list and its first paper reach the screen in one frame.
        first = papers[0].id if papers else None
        if first is None and self.paper_id is None:
            self.show_detail(None)  # say why there is none; no change, no watcher
        self.paper_id = first

    def watch_paper_id(self, old: str | None, new: str | None) -> None:
        self.show_detail(new)
        # Only whether a paper is highlighted changes the keys (see check_action);
        # refreshing them on every move rebuilt the footer each time.
        if (old is None) != (new is None):
            self.refresh_bindings()

    def show_detail(self, paper_id: str | None) -> None:
        detail = self.query_one(PaperDetail)
        if paper_id is None:
            detail.show_message(NO_BOOKMARKS if self.store.dates() else EMPTY_LIBRARY)
            return
        paper = self.store.paper(paper_id)
        if paper is not None:
            detail.show_paper(paper)
            return
        # Only a bookmark whose paper is not loaded (or gone) gets here.
        note = GONE if self.store.fully_loaded else NOT_LOADED
        detail.show_paper(self.paper_or_stub(paper_id), note)

    def bookmarked_papers(self) -> list[Paper]:
        """Bookmarked papers, newest bookmark first; stubs for those not loaded."""
        return [
            self.store.paper(mark.id) or Paper(mark.id, mark.title)
            for mark in self.store.bookmarks()
        ]

    def paper_or_stub(self, paper_id: str) -> Paper:
        """The paper, or a stub with the bookmark's title while it is not loaded."""
        paper = self.store.paper(paper_id)
        if paper is not None:
            return paper
        titles = {mark.id: mark.title for mark in self.store.bookmarks()}
        return Paper(paper_id, titles.get(paper_id, paper_id))

    def show_store_notices(self) -> None:
        """Tell what the Store found while reading, such as a damaged file."""
        for notice in self.store.take_notices():
            self.notify(notice, severity="warning", markup=False, timeout=10)

    # Messages from the panes

    @on(DateSidebar.DateSelected)
    def open_day(self, event: DateSidebar.DateSelected) -> None:
        self.day = event.date
        self.query_one(PaperList).focus()

    @on(PaperList.PaperHighlighted)
    def show_paper(self, event: PaperList.PaperHighlighted) -> None:
        self.paper_id = event.paper_id

    # Actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out the paper actions while no paper is highlighted."""
        if action in PAPER_ACTIONS and self.paper_id is None:
            return None
        return True

    def action_toggle_bookmark(self) -> None:
        if self.paper_id is None:
            return
        try:
            bookmarked = self.store.toggle_bookmark(self.paper_id)
        except (LibraryError, OSError) as error:
            message = READ_ONLY if self.store.read_only else f"Not saved: {error}"
            self.notify(message, severity="warning", markup=False)
            return
        self.query_one(PaperList).mark(self.paper_id, bookmarked)
        self.query_one(DateSidebar).show_bookmark_count(len(self.store.bookmarks()))

    def action_copy_link(self) -> None:
        if self.paper_id is None:
            return
        # Imported here: pyperclip (and ctypes) are not needed for the first frame.
        from tui.clipboard import CopyWay, copy_text

        link = self.paper_or_stub(self.paper_id).abs_url
        if not link:
            self.notify("This paper has no link to copy.", severity="warning")
            return
        result = copy_text(link, osc52=self.app.copy_to_clipboard)
        failed = result.way is CopyWay.NOWHERE
        self.notify(
            result.notice, severity="warning" if failed else "information", markup=False
        )

    # Loading the rest of the library

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="library",
        description="Load the rest of the library",
    )
    def load_library(self) -> None:
        """Load every partition the first frame did not need, off the main thread."""
        worker = get_current_worker()

        def stop_if_cancelled(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise LoadStopped

        try:
            self.store.load_all(stop_if_cancelled)
        except LoadStopped:
            return
        except (LibraryError, OSError) as error:
            self.post_message(self.LibraryLoaded(str(error)))
            return
        self.post_message(self.LibraryLoaded())

    @on(LibraryLoaded)
    def show_loaded_library(self, event: LibraryLoaded) -> None:
        # The papers stay loaded until the app ends: leave them out of the
        # collector's full passes, each ~60 ms at 100,000 papers, that would
        # otherwise fall on some later key press.
        gc.freeze()
        self.show_store_notices()
        if event.error:
            message = f"Part of the library could not be loaded: {event.error}"
            self.notify(message, severity="error", markup=False, timeout=10)
        # Bookmarks of papers that were not loaded showed stubs until now.
        self.show_detail(self.paper_id)
