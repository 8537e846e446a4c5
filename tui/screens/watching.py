"""What the watch list points out: matches per paper and per day, kept once asked."""

from __future__ import annotations

from tui.models import Paper
from tui.store import Store
from tui.watch import WatchList, config_path, load_watch_list


class WatchMarks:
    """The watch list of the user's config, applied to the library's papers."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.watch_list = WatchList()
        """The authors and keywords to point out; empty until loaded."""
        self._matches: dict[str, list[str]] = {}
        """What of the watch list each paper matched, once asked."""
        self._days: dict[str, int] = {}
        """How many papers of a (loaded) day match the watch list."""

    def __bool__(self) -> bool:
        return bool(self.watch_list)

    def load(self) -> str:
        """Read the watch list from the config file; what is wrong with it, if any."""
        self.watch_list, problem = load_watch_list(config_path())
        self._matches.clear()
        self._days.clear()
        return problem

    def matches(self, paper: Paper) -> list[str]:
        """The watched authors and keywords `paper` matches."""
        if not self.watch_list:
            return []
        found = self._matches.get(paper.id)
        if found is None:
            found = self._matches[paper.id] = self.watch_list.matches(paper)
        return found

    def count_on(self, date: str) -> int:
        """How many papers of `date` match; 0 while some are not loaded yet."""
        count = self._days.get(date)
        if count is not None:
            return count
        # Never load a partition for a sidebar row: a day not loaded yet counts 0
        # until the background load ends and the sidebar is drawn again.
        ids = self.store.ids_on(date)
        papers = [self.store.paper(paper_id) for paper_id in ids]
        if None in papers:
            return 0
        count = sum(1 for paper in papers if paper is not None and self.matches(paper))
        self._days[date] = count
        return count
