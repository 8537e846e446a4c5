"""The main screen: days on the left, a day's papers in the middle, one paper right.

A router: it composes the panes, passes their messages on as state, and asks the
Store for what they show. What each key does lives in tui/screens/actions.py.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.command import Provider
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import get_current_worker

from tui.models import Paper
from tui.screens.actions import ReaderActions
from tui.screens.palette import DayCommands, ReaderCommands, TagCommands
from tui.screens.place import loads_late, save_setting, saved_place
from tui.screens.watching import WatchMarks
from tui.storage import LibraryError
from tui.store import Store
from tui.widgets import DateSidebar, KeyFooter, Mine, PaperDetail, PaperList, Row

EMPTY_LIBRARY = "No papers yet. Import your digests: papers import FOLDER"
NO_BOOKMARKS = "No bookmarks yet. Press b on a paper to keep it here."
NO_UNREAD = "Every paper here is read. Press h to show them again."
NOT_LOADED = "The rest of the library is still loading; the details will follow."
GONE = "This paper is no longer in the library; only its bookmark is left."


class LoadStopped(Exception):
    """The screen went away while the library was loading."""


class MainScreen(ReaderActions):
    """Browse the days, read a day's papers, mark, tag and copy them."""

    AUTO_FOCUS = "PaperList"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        DayCommands,
        TagCommands,
        ReaderCommands,
    }
    READ_DELAY: ClassVar[float] = 2.0
    """Seconds a paper's detail must stay shown before it counts as read."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Screen's, without repainting the whole screen when the focus moves: the
    panes' :focus rules already redraw the two panes concerned (~10 ms a switch)."""

    @dataclass
    class LibraryLoaded(Message):
        """The rest of the library was loaded; `error` says what failed, if any."""

        error: str = ""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.tag: str | None = None
        """The tag whose papers are listed, when the list shows no day."""
        self._days: list[str] = []
        """The days that have papers, newest first."""
        self._read_timer: Timer | None = None
        """Counts down to marking the shown paper read; restarted on each move."""
        self._restore_later = False
        """Whether last time's place waits for the background load to open."""
        self.watching = WatchMarks(store)
        """The watch list of the user's config and what it matched."""
        self._choices_followed = 0
        """How many of the sidebar's choices have been opened."""

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
        self._days = [date for date, _ in days]
        problem = self.watching.load()
        if problem:
            self.notify(problem, severity="warning", markup=False, timeout=10)
        sidebar = self.query_one(DateSidebar)
        sidebar.unread_on = self.store.unread_on
        if self.watching:
            sidebar.watched_on = self.watching.count_on
        sidebar.show_days(days, len(self.store.bookmarks()))
        sidebar.show_tags(self.store.tag_counts().items())
        self.restore_place()
        self.show_store_notices()
        if not self.store.fully_loaded:
            self.call_after_refresh(self.load_library)

    # Where the user was

    def restore_place(self) -> None:
        """Open the day and paper of last time, or the newest day."""
        newest = self._days[0] if self._days else None
        day, paper_id = saved_place(self.store, self._days)
        # An older month would load on this first frame, with every month after
        # it: open the newest day and wait for the background load instead.
        later = day is not None and loads_late(self.store, day)
        first = newest if later or day is None else day
        self.open_view(first, keep=paper_id)
        self._restore_later = later

    def on_unmount(self) -> None:
        save_setting(self.store, "last_day", self.day)
        save_setting(self.store, "last_paper", self.paper_id)
        save_setting(self.store, "newest_day", self._days[0] if self._days else None)

    # What the panes show

    def watch_day(self, day: str | None) -> None:
        self.show_list(None)

    def watch_hide_read(self) -> None:
        self.show_list(self.paper_id)

    def open_view(
        self, day: str | None, *, tag: str | None = None, keep: str | None = None
    ) -> None:
        """List a day (or the bookmarks, or a tag's papers), the cursor on `keep`.

        The place is saved for the next start when the reader closes (on_unmount),
        not here: a day switch should not rewrite the user's state file.
        """
        self.tag = tag
        self._restore_later = False  # the user has moved on
        self.set_reactive(MainScreen.day, day)
        self.show_list(keep)
        sidebar = self.query_one(DateSidebar)
        if tag is None:
            sidebar.highlight_day(day)
        else:
            sidebar.highlight_tag(tag)

    def show_list(self, keep: str | None) -> None:
        """List the view's papers, the cursor on `keep` if listed, else the first."""
        papers = self.listed_papers()
        ids = [paper.id for paper in papers]
        cursor = ids.index(keep) if keep in ids else 0
        paper_list = self.query_one(PaperList)
        paper_list.border_title = self.view_title()
        paper_list.show_papers(
            map(self.row_of, papers), watching=bool(self.watching), cursor=cursor
        )
        # Fill the detail now rather than on the list's highlight message, so the
        # new list and its first paper reach the screen in one frame.
        chosen = ids[cursor] if ids else None
        if chosen is None and self.paper_id is None:
            self.show_detail(None)  # say why there is none; no change, no watcher
        self.paper_id = chosen

    def view_title(self) -> str:
        """The list's border title: the day, tag or bookmarks shown."""
        title = self.day or (f"# {self.tag}" if self.tag else "★ Bookmarks")
        return f"{title} · unread" if self.hide_read else title

    def listed_papers(self) -> list[Paper]:
        """The papers of the view, less the read ones while they are hidden."""
        if self.day:
            papers = self.store.papers_on(self.day)
        elif self.tag:
            papers = [
                self.paper_or_stub(paper) for paper in self.store.tagged(self.tag)
            ]
        else:
            papers = self.bookmarked_papers()
        if self.hide_read:
            papers = [paper for paper in papers if not self.store.is_read(paper.id)]
        return papers

    def row_of(self, paper: Paper) -> Row:
        """What the list shows of `paper`: marks, watch match and tags."""
        store = self.store
        return Row(
            paper.id,
            paper.title,
            bookmarked=store.is_bookmarked(paper.id),
            read=store.is_read(paper.id),
            watched=bool(self.watching.matches(paper)),
            tags=tuple(store.tags_of(paper.id)),
        )

    def watch_paper_id(self, old: str | None, new: str | None) -> None:
        self.show_detail(new)
        self.restart_read_timer()
        # Only whether a paper is highlighted changes the keys (see check_action);
        # refreshing them on every move rebuilt the footer each time.
        if (old is None) != (new is None):
            self.refresh_bindings()

    def show_detail(self, paper_id: str | None) -> None:
        detail = self.query_one(PaperDetail)
        if paper_id is None:
            detail.show_message(self.why_empty())
            return
        mine = Mine(
            day=self.day,
            tags=self.store.tags_of(paper_id),
            note=self.store.note_of(paper_id),
        )
        paper = self.store.paper(paper_id)
        if paper is not None:
            detail.show_paper(
                paper, mine=replace(mine, watched=self.watching.matches(paper))
            )
            return
        # Only a bookmark whose paper is not loaded (or gone) gets here.
        note = GONE if self.store.fully_loaded else NOT_LOADED
        detail.show_paper(self.paper_or_stub(paper_id), note, mine)

    def why_empty(self) -> str:
        """Why no paper is shown, and what to do about it."""
        if not self.store.dates():
            return EMPTY_LIBRARY
        return NO_UNREAD if self.hide_read else NO_BOOKMARKS

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

    # Keeping the panes in step with the Store

    def refresh_paper(self, paper_id: str) -> None:
        self.query_one(PaperList).update_row(self.row_of(self.paper_or_stub(paper_id)))
        self.refresh_sidebar()
        if paper_id == self.paper_id:
            self.show_detail(paper_id)

    def refresh_all(self) -> None:
        self.show_list(self.paper_id)
        self.refresh_sidebar()
        self.show_detail(self.paper_id)

    def refresh_sidebar(self) -> None:
        sidebar = self.query_one(DateSidebar)
        sidebar.show_bookmark_count(len(self.store.bookmarks()))
        sidebar.show_tags(self.store.tag_counts().items())
        sidebar.refresh()  # the unread counts, drawn row by row

    def listed_ids(self) -> list[str]:
        return self.query_one(PaperList).ids

    def day_list(self) -> list[str]:
        return self._days

    # Counting a shown paper as read

    def restart_read_timer(self) -> None:
        """Count the shown paper as read if it stays up READ_DELAY seconds."""
        if self._read_timer is not None:
            self._read_timer.stop()
        self._read_timer = None
        if self.paper_id is not None and not self.store.is_read(self.paper_id):
            self._read_timer = self.set_timer(self.READ_DELAY, self.mark_shown_read)

    def on_screen_suspend(self) -> None:
        # A modal on top hides the detail: it is not being read meanwhile.
        if self._read_timer is not None:
            self._read_timer.stop()

    def on_screen_resume(self) -> None:
        if self.is_mounted and self._read_timer is not None:
            self.restart_read_timer()

    def mark_shown_read(self) -> None:
        """The detail stayed up long enough: the paper counts as read."""
        paper_id = self.paper_id
        if paper_id is None or self.store.is_read(paper_id) or self.store.read_only:
            return
        try:
            self.store.set_read([paper_id], True, undoable=False)
        except (LibraryError, OSError) as error:
            self.not_saved(error)
            return
        self.refresh_paper(paper_id)

    # Messages from the panes

    @on(DateSidebar.DateSelected)
    @on(DateSidebar.TagSelected)
    def open_choice(self) -> None:
        self.follow_sidebar()

    def follow_sidebar(self) -> None:
        """Open the sidebar's latest choice, unless it is open already."""
        sidebar = self.query_one(DateSidebar)
        choice = sidebar.last_choice
        if choice is None or sidebar.choices == self._choices_followed:
            return
        self._choices_followed = sidebar.choices
        if isinstance(choice, DateSidebar.TagSelected):
            self.open_view(None, tag=choice.tag)
        else:
            self.open_view(choice.date)
        self.close_drawer()

    @on(PaperList.PaperHighlighted)
    def show_paper(self, event: PaperList.PaperHighlighted) -> None:
        self.paper_id = event.paper_id

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
        # Bookmarks of papers that were not loaded showed stubs until now, and
        # older days had no watch counts.
        self.show_detail(self.paper_id)
        self.query_one(DateSidebar).refresh()
        if self._restore_later:
            day, paper_id = saved_place(self.store, self._days)
            self.open_view(day, keep=paper_id)
