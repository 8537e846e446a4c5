"""The Store: one library folder's papers and user state behind one small API.

The reader and the commands talk only to this class. It takes the writer lock;
when another papers holds it, the store opens read-only and says so.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from tui.history import History
from tui.library import Library, MergeCounts
from tui.lock import WriterLock
from tui.models import Digest, Paper
from tui.search import SearchIndex
from tui.state import Bookmark, UserState
from tui.storage import LibraryError

LIBRARY_ENV = "PAPERS_LIBRARY"


def default_folder() -> Path:
    """`$PAPERS_LIBRARY`, else the platform's user data folder for papers."""
    override = os.environ.get(LIBRARY_ENV)
    return (
        Path(override) if override else Path(user_data_dir("papers", appauthor=False))
    )


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The papers a search found, newest first."""

    papers: list[Paper]
    complete: bool
    """False when there may be more: the limit was reached, or still loading."""


class LibraryBusy(LibraryError):
    """The library can't be written now: another papers holds it, or the disk."""


class Store:
    """Papers, days, bookmarks and search of one library folder."""

    def __init__(
        self, folder: Path, *, read_only: bool = False, busy_read_only: bool = False
    ) -> None:
        """Open `folder` for writing, or for reading only with `read_only`.

        When another papers is writing, raise LibraryBusy, or with `busy_read_only`
        (the reader's choice) open read-only and say so in a notice.
        """
        self.folder = folder
        self.notices: list[str] = []
        self._lock = WriterLock(folder)
        if not read_only:
            why_not = self._take_lock()
            if why_not and not busy_read_only:
                raise LibraryBusy(why_not)
            if why_not:
                self.notices.append(f"Opened read-only, nothing is saved: {why_not}")
        if folder.exists() and not folder.is_dir():
            raise LibraryError(f"{folder} is not a folder; choose another library")
        read_only = not self._lock.held
        self.library = Library(folder, read_only=read_only)
        self.state = UserState(folder, read_only=read_only)
        if not read_only:
            self.library.remove_strays()
        self._index: SearchIndex | None = None
        self._index_guard = threading.Lock()
        self.history = History()

    def _take_lock(self) -> str:
        """Become the library's one writer; otherwise say why not."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if self._lock.acquire():
                return ""
        except OSError as error:
            reason = error.strerror or str(error)
            return (
                f"{self.folder} cannot be written ({reason}); give --library or"
                f" ${LIBRARY_ENV} a folder you can write"
            )
        holder = self._lock.holder()
        return (
            f"{self.folder} is in use by another papers (pid {holder});"
            " close it and try again"
        )

    @property
    def read_only(self) -> bool:
        return not self._lock.held

    def close(self) -> None:
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def take_notices(self) -> list[str]:
        """Messages for the user gathered since the last call (damage, read-only)."""
        notices = [*self.notices, *self.library.notices, *self.state.notices]
        self.notices.clear()
        self.library.notices.clear()
        self.state.notices.clear()
        return notices

    # Days and papers

    def dates(self) -> list[str]:
        return self.library.dates()

    def count_on(self, date: str) -> int:
        return self.library.count_on(date)

    def papers_on(self, date: str) -> list[Paper]:
        return self.library.papers_on(date)

    def paper(self, paper_id: str) -> Paper | None:
        return self.library.paper(paper_id)

    def ids_on(self, date: str) -> list[str]:
        """The day's paper ids in digest order, without loading any papers."""
        return self.library.ids_on(date)

    def is_loaded(self, date: str) -> bool:
        """Whether the papers of `date` are in memory (opening it costs nothing)."""
        return not any(month >= date[:7] for month in self.library.pending_months())

    def load_newest(self) -> None:
        """Load what the first screen shows: the newest day's partition."""
        dates = self.dates()
        if dates:
            self.library.ensure_loaded(dates[0][:7])

    def load_all(self, progress: Callable[[int, int], None] | None = None) -> None:
        self.library.load_all(progress)

    @property
    def fully_loaded(self) -> bool:
        return self.library.fully_loaded

    def search(self, query: str, limit: int | None = 200) -> SearchResult:
        """Papers matching `query` (see tui.search), newest first, up to `limit`."""
        with self._index_guard:  # searches run in threads; build the index once
            if self._index is None:
                index = SearchIndex()
                index.add(self.library.watch_entries(index.add))
                self._index = index
            index = self._index
        hits = index.search(query, limit)
        papers = (self.paper(paper_id) for paper_id in hits.ids)
        found = [paper for paper in papers if paper is not None]
        return SearchResult(found, complete=hits.complete and self.fully_loaded)

    # Bookmarks

    def is_bookmarked(self, paper_id: str) -> bool:
        return self.state.is_bookmarked(paper_id)

    def bookmarks(self) -> list[Bookmark]:
        return self.state.bookmarks()

    def set_bookmark(self, paper_id: str, on: bool) -> None:
        paper = self.paper(paper_id)
        self.state.set_bookmark(paper_id, paper.title if paper else "", on)

    def toggle_bookmark(self, paper_id: str) -> bool:
        """Flip the bookmark, durably on disk; returns whether it is now set."""
        on = not self.is_bookmarked(paper_id)
        self.set_bookmark(paper_id, on)
        self.history.record(
            f"{'bookmark' if on else 'unbookmark'} {paper_id}",
            lambda: self.set_bookmark(paper_id, not on),
        )
        return on

    # Read marks, tags and notes (each change can be undone)

    def is_read(self, paper_id: str) -> bool:
        return self.state.is_read(paper_id)

    def unread_on(self, date: str) -> int:
        return sum(
            1 for paper_id in self.library.ids_on(date) if not self.is_read(paper_id)
        )

    def set_read(
        self, paper_ids: list[str], on: bool, what: str = "", undoable: bool = True
    ) -> int:
        """Mark papers read or unread; returns how many changed.

        Marks made by just looking at a paper pass `undoable=False`, so that
        `u` reaches the user's own changes first.
        """
        changed = self.state.set_read(paper_ids, on)
        if changed and undoable:
            what = what or (
                changed[0] if len(changed) == 1 else f"{len(changed)} papers"
            )
            self.history.record(
                f"mark {what} {'read' if on else 'unread'}",
                lambda: self.state.set_read(changed, not on),
            )
        return len(changed)

    def toggle_read(self, paper_id: str) -> bool:
        on = not self.is_read(paper_id)
        self.set_read([paper_id], on)
        return on

    def mark_day_read(self, date: str) -> int:
        return self.set_read(self.library.ids_on(date), True, what=date)

    def tags_of(self, paper_id: str) -> list[str]:
        return self.state.tags_of(paper_id)

    def tag_counts(self) -> dict[str, int]:
        return self.state.tag_counts()

    def tagged(self, tag: str) -> list[str]:
        return self.state.tagged(tag)

    def set_tags(self, paper_id: str, tags: list[str]) -> None:
        before = self.state.tags_of(paper_id)
        self.state.set_tags(paper_id, tags)
        if self.state.tags_of(paper_id) != before:
            self.history.record(
                f"tags of {paper_id}", lambda: self.state.set_tags(paper_id, before)
            )

    def note_of(self, paper_id: str) -> str:
        return self.state.note_of(paper_id)

    def set_note(self, paper_id: str, text: str) -> None:
        before = self.state.note_of(paper_id)
        self.state.set_note(paper_id, text)
        if self.state.note_of(paper_id) != before:
            self.history.record(
                f"note on {paper_id}", lambda: self.state.set_note(paper_id, before)
            )

    def undo(self) -> str | None:
        """Take back the newest change of this session; what it was, or None."""
        return self.history.undo()

    # Importing

    def known_source(self, sha256: str) -> bool:
        return self.library.known_source(sha256)

    def merge_digests(
        self, digests: Iterable[tuple[Digest, str]], counts: MergeCounts
    ) -> None:
        """Merge parsed digests (with their content hashes) in memory; see commit."""
        for digest, sha256 in digests:
            for day in digest.days:
                self.library.merge(day.papers, day.date, counts)
            self.library.add_source(sha256, digest.source)

    def commit(self) -> None:
        """Write everything merged since the last commit in one atomic step."""
        self.library.commit()
        self._index = None  # rebuilt on the next search

    # Figures

    def stats(self) -> dict[str, int]:
        return {
            "papers": self.library.paper_count,
            "entries": self.library.entry_count,
            "dates": sum(1 for date in self.dates() if self.count_on(date)),
            "bookmarks": len(self.state.bookmarks()),
        }
