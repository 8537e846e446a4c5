"""What each `papers` command does once the Store is open; printing lives here."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from rich.progress import Progress

from tui.importer import paper_key
from tui.importing import ImportReport, import_paths
from tui.models import Paper
from tui.resources import bundled
from tui.store import Store

SAMPLE_NOTICE = (
    "Your library was empty, so it now holds the bundled sample digest. "
    "Import your own with: papers import FOLDER"
)


def read(folder: Path) -> int:
    """Open the reader; an empty library first gets the bundled sample digest."""
    with Store(folder, busy_read_only=True) as store:
        notices = fill_if_empty(store)
        store.load_newest()
        from tui.app import PapersApp  # Textual loads only for the reader

        PapersApp(store, notices).run()
    return 0


def fill_if_empty(store: Store) -> list[str]:
    """Import the bundled sample into an empty library, so a first run shows papers."""
    if store.dates() or store.read_only:
        return []
    import_paths(store, [bundled("data")])
    return [SAMPLE_NOTICE]


class DelayedProgress:
    """A rich progress bar that appears only once an import has run for a second."""

    DELAY = 1.0

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        self._progress: Progress | None = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._progress is None:
            if time.monotonic() - self.started < self.DELAY:
                return
            self._progress = Progress(transient=True)
            self._progress.start()
            self._task = self._progress.add_task("Importing digests", total=total)
        self._progress.update(self._task, completed=done)

    def __enter__(self) -> DelayedProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()


def import_digests(
    store: Store, paths: Sequence[Path], *, quiet: bool, as_json: bool
) -> int:
    """Import, print a summary and every problem; exit 1 when there were problems."""
    with DelayedProgress(enabled=not quiet and not as_json) as progress:
        report = import_paths(store, paths, progress)
    if as_json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        print_report(report, quiet=quiet)
    for notice in store.take_notices():
        print(f"papers: {notice}", file=sys.stderr)
    return 1 if report.problems else 0


def print_report(report: ImportReport, *, quiet: bool) -> None:
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if quiet:
        return
    for note in report.notes:
        print(f"{note} (note)", file=sys.stderr)
    counts = report.counts
    print(
        f"{report.read} digests read, {report.unchanged_files} unchanged files"
        f" skipped, {len(counts.days)} days; papers: {counts.new} new,"
        f" {counts.updated} updated, {counts.unchanged} unchanged;"
        f" {len(report.problems)} problems"
    )


def print_stats(store: Store, *, as_json: bool) -> int:
    stats = store.stats()
    if as_json:
        print(json.dumps(stats))
    else:
        print(", ".join(f"{value:,} {name}" for name, value in stats.items()))
    return 0


def paper_json(paper: Paper) -> dict[str, object]:
    """The paper as `papers show --json` prints it: its data and its links."""
    return {**paper.document(), "links": paper.links}


def show_paper(store: Store, given: str, *, as_json: bool) -> int:
    paper_id = paper_key(given)
    paper = store.library.locate(paper_id)
    if paper is None:
        print(f"papers: {paper_id} is not in the library", file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps(paper_json(paper), ensure_ascii=False))
        return 0
    print(paper.title)
    print(f"{paper.id}{paper.version}  featured {', '.join(paper.dates)}")
    print(", ".join(paper.authors) or "(no authors listed)")
    if paper.labels:
        print(f"labels: {', '.join(paper.labels)}")
    print()
    print(paper.summary)
    print()
    for kind, url in paper.links.items():
        print(f"{kind}: {url}")
    for kind, urls in paper.extras.items():
        for url in urls:
            print(f"{kind}: {url}")
    return 0


def change_bookmarks(store: Store, paper_ids: Sequence[str], *, on: bool) -> int:
    """Add or remove bookmarks; each is on disk before its line is printed."""
    if not paper_ids:
        print(
            "papers: name the papers, e.g. papers bookmark add 2502.02737",
            file=sys.stderr,
        )
        return 2
    failed = 0
    for paper_id in map(paper_key, paper_ids):
        if on and store.library.locate(paper_id) is None:
            print(f"papers: {paper_id} is not in the library", file=sys.stderr)
            failed += 1
        elif not on and not store.is_bookmarked(paper_id):
            print(f"papers: {paper_id} is not bookmarked", file=sys.stderr)
            failed += 1
        else:
            store.set_bookmark(paper_id, on)
            print(f"{'bookmarked' if on else 'unbookmarked'} {paper_id}", flush=True)
    return 1 if failed else 0


def list_bookmarks(store: Store, *, as_json: bool) -> int:
    bookmarks = store.bookmarks()
    if as_json:
        rows = [{"id": b.id, "title": b.title, "added": b.added} for b in bookmarks]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for bookmark in bookmarks:
        print(f"{bookmark.id}\t{bookmark.title}")
    return 0
