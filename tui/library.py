"""The imported papers: a small catalog of days plus the papers split by month.

`catalog.json` lists every day with its paper ids in digest order, the content
hashes of imported digests and the current partition files. Each paper lives in
`papers-YYYY-MM.<generation>.json`, the month of the latest day it was featured
on, so loading the newest partitions first makes the newest days whole first.

An import writes the changed partitions under new names, then replaces the
catalog: that one rename is the commit, so a killed import leaves the library
exactly as it was. Files no catalog names are removed by the next writer.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

import orjson

from tui.compact import Entry
from tui.days import DayIndex
from tui.models import Paper
from tui.storage import (
    DamagedFile,
    LibraryError,
    open_db,
    stamp,
    sync_folder,
    unexpected_content_is_damage,
    write_atomically,
)

REPAIR = "run any papers command that writes (with no other papers open) to repair it"
CATALOG = "catalog.json"
SOURCES = "sources.json"
PARTITION_GLOB = "papers-*.json"
PARTITION_NAME = re.compile(r"papers-(\d{4}-\d{2})\.(\d+)\.json")


def month_of(date: str) -> str:
    return date[:7]


NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"


@dataclass(slots=True)
class MergeCounts:
    """What one import did to the papers, each distinct paper counted once."""

    outcomes: dict[str, str] = field(default_factory=dict)
    days: set[str] = field(default_factory=set)

    def record(self, paper_id: str, outcome: str) -> None:
        """Keep the strongest outcome: new, then updated, then unchanged."""
        previous = self.outcomes.get(paper_id)
        if previous == NEW or (previous == UPDATED and outcome == UNCHANGED):
            return
        self.outcomes[paper_id] = outcome

    def count(self, outcome: str) -> int:
        return sum(1 for seen in self.outcomes.values() if seen == outcome)

    @property
    def new(self) -> int:
        return self.count(NEW)

    @property
    def updated(self) -> int:
        return self.count(UPDATED)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Decoding many small objects is up to twice as fast without the collector."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Library:
    """Days and papers of one library folder, loaded partition by partition."""

    def __init__(self, folder: Path, *, read_only: bool = False) -> None:
        self.folder = folder
        self.read_only = read_only
        self.notices: list[str] = []
        self._sources_read: dict[str, dict[str, Any]] | None = None
        self._entries: dict[str, Entry] = {}
        """Papers as loaded from disk, compact (see tui.compact)."""
        self._fresh: dict[str, Paper] = {}
        """Papers this process merged; they win over entries of the same id."""
        self._loaded: set[str] = set()
        self._loading = threading.RLock()
        self._dirty: set[str] = set()
        self.on_entries_loaded: Callable[[list[Entry]], None] | None = None
        try:
            self._read_catalog()
        except DamagedFile as error:
            if read_only:
                raise DamagedFile(error.path, f"{error.reason}; {REPAIR}") from None
            self._rebuild_catalog(error)

    def _read_catalog(self) -> None:
        path = self.folder / CATALOG
        self._catalog = open_db(path, "catalog", read_only=self.read_only)
        tables = self._catalog.storage.read() or {}
        with unexpected_content_is_damage(path):
            self._days = DayIndex(tables.get("days", {}).values())
            meta = tables.get("meta", {}).get("1", {})
            self._partitions: dict[str, str] = dict(meta.get("partitions", {}))
            self._generation: int = int(meta.get("generation", 0))
            self._library_id: str = str(meta.get("library", "")) or uuid4().hex

    def _rebuild_catalog(self, error: DamagedFile) -> None:
        """Set a damaged catalog aside and rebuild it from the partition files.

        Each paper knows its days, so the days come back whole; only the order
        of papers within a day may differ from the digest's until re-imported.
        """
        kept = set_aside(error.path)
        self._catalog = open_db(error.path, "catalog")
        self._days = DayIndex()
        self._partitions, self._generation = newest_partitions(self.folder)
        self._library_id = uuid4().hex  # the import hashes were for the old one
        self._sources_read = {}
        for month in sorted(self._partitions):
            path = self.folder / self._partitions[month]
            try:
                entries = self._read_partition(path)
            except DamagedFile:
                del self._partitions[month]
                continue
            self._entries.update((entry.id, entry) for entry in entries)
            self._loaded.add(month)
            for entry in entries:
                for date in entry.dates:
                    self._days.add(date, [entry.id])
        self._commit_catalog()
        self.notices.append(
            f"{error}; it was kept as {kept.name} and rebuilt from the papers files"
            f" ({len(self._entries):,} papers on {len(self._days.dates()):,} days)."
            " Re-import your digests to restore the order of papers within a day."
        )

    # Reading

    def dates(self) -> list[str]:
        """Every day with its papers, newest first."""
        return self._days.dates()

    def count_on(self, date: str) -> int:
        return self._days.count(date)

    def ids_on(self, date: str) -> list[str]:
        return self._days.ids(date)

    def papers_on(self, date: str) -> list[Paper]:
        self.ensure_loaded(month_of(date))
        papers = (self.paper(paper_id) for paper_id in self.ids_on(date))
        return [paper for paper in papers if paper is not None]

    def paper(self, paper_id: str) -> Paper | None:
        fresh = self._fresh.get(paper_id)
        if fresh is not None:
            return fresh
        entry = self._entries.get(paper_id)
        return entry.paper() if entry is not None else None

    def loaded_entries(self) -> list[Entry]:
        """Every loaded paper as an Entry (merged ones are folded here, once)."""
        with self._loading:
            for paper_id, paper in self._fresh.items():
                self._entries[paper_id] = Entry.from_paper(paper)
            self._fresh.clear()
            return list(self._entries.values())

    def watch_entries(self, callback: Callable[[list[Entry]], None]) -> list[Entry]:
        """Every loaded entry now, and `callback` with each partition loaded later.

        Both under the loading lock, so no partition is missed or given twice.
        """
        with self._loading:
            self.on_entries_loaded = callback
            return self.loaded_entries()

    @property
    def loaded_count(self) -> int:
        return len(self._entries.keys() | self._fresh.keys())

    @property
    def entry_count(self) -> int:
        return sum(self._days.count(date) for date in self._days.dates())

    @property
    def paper_count(self) -> int:
        """Distinct papers, counted from the catalog without loading partitions."""
        return len(set(self._days.all_ids()))

    @property
    def fully_loaded(self) -> bool:
        return self._loaded >= set(self._partitions)

    @property
    def _sources(self) -> dict[str, dict[str, Any]]:
        """Hashes of the digests imported whole; read only when an import asks."""
        if self._sources_read is None:
            path = self.folder / SOURCES
            try:
                tables = open_db(path, "sources", read_only=True).storage.read() or {}
            except DamagedFile as error:
                # Losing the hashes only makes the next import read every file.
                self.notices.append(f"{error}; every digest will be read again")
                tables = {}
            with unexpected_content_is_damage(path):
                meta = tables.get("meta", {}).get("1", {})
                rows = list(tables.get("sources", {}).values())
                if meta.get("library") != self._library_id:
                    rows = []  # hashes of another catalog: they would skip digests
                self._sources_read = {row["sha256"]: row for row in rows}
        return self._sources_read

    def known_source(self, sha256: str) -> bool:
        return sha256 in self._sources

    # Loading

    def pending_months(self) -> list[str]:
        """Partitions not loaded yet, newest first."""
        return sorted(set(self._partitions) - self._loaded, reverse=True)

    def ensure_loaded(self, month: str) -> None:
        """Load every partition from `month` on, which makes that month's days whole."""
        for pending in self.pending_months():
            if pending >= month:
                self.load_month(pending)

    def load_all(self, progress: Callable[[int, int], None] | None = None) -> None:
        pending = self.pending_months()
        for done, month in enumerate(pending, start=1):
            self.load_month(month)
            if progress is not None:
                progress(done, len(pending))

    def load_month(self, month: str) -> None:
        with self._loading:
            if month in self._loaded or month not in self._partitions:
                return
            path = self.folder / self._partitions[month]
            try:
                entries = self._read_partition(path)
            except (DamagedFile, FileNotFoundError) as error:
                self._set_aside_partition(month, path, error)
                return
            self._entries.update((entry.id, entry) for entry in entries)
            self._loaded.add(month)
            if self.on_entries_loaded is not None:
                self.on_entries_loaded(entries)

    def _read_partition(self, path: Path) -> list[Entry]:
        if not path.exists():
            raise FileNotFoundError(path)
        with gc_paused(), unexpected_content_is_damage(path):
            db = open_db(path, "papers", read_only=True)
            documents = (db.storage.read() or {}).get("papers", {}).values()
            return [Entry.from_document(document) for document in documents]

    def _set_aside_partition(self, month: str, path: Path, error: Exception) -> None:
        """Keep a damaged partition aside and forget it; re-importing restores it."""
        reason = str(error) if isinstance(error, DamagedFile) else f"{path}: missing"
        if self.read_only:
            self.notices.append(f"{reason}; its papers are not shown")
            self._loaded.add(month)
            return
        kept = set_aside(path) if path.exists() else None
        del self._partitions[month]
        self._sources.clear()
        self._commit_catalog()
        self._commit_sources()
        where = f", kept as {kept.name}" if kept else ""
        self.notices.append(
            f"{reason}{where}; re-import your digests to restore its papers"
        )

    # Writing

    def merge(self, papers: Iterable[Paper], date: str, counts: MergeCounts) -> None:
        """Add one day's papers in digest order; `counts` keeps per-paper outcomes."""
        # TODO(import): a day only grows: a row deleted from a corrected digest
        # stays in the library until there is a command to drop papers or days.
        self.ensure_loaded(month_of(date))
        papers = list(papers)
        self._days.add(date, (paper.id for paper in papers))
        counts.days.add(date)
        for paper in papers:
            self._merge_paper(paper, date, counts)
        self._dirty.add(month_of(date))

    def _merge_paper(self, incoming: Paper, date: str, counts: MergeCounts) -> None:
        stored = self.paper(incoming.id)
        if stored is None:
            incoming.dates = [date]
            self._fresh[incoming.id] = incoming
            counts.record(incoming.id, NEW)
            return
        self._fresh[stored.id] = stored
        before = stored.document()
        self._dirty.add(month_of(stored.dates[-1]))
        if date not in stored.dates:
            stored.dates = sorted([*stored.dates, date])
        if date == stored.dates[-1]:
            # The newest digest to feature a paper has the last word on its text.
            for name in ("title", "authors", "summary", "version", "labels", "extras"):
                value = getattr(incoming, name)
                if value:
                    setattr(stored, name, value)
        self._dirty.add(month_of(stored.dates[-1]))
        counts.record(stored.id, UNCHANGED if stored.document() == before else UPDATED)

    def add_source(self, sha256: str, path: str) -> None:
        imported = datetime.now().isoformat(timespec="seconds")
        self._sources[sha256] = {"sha256": sha256, "path": path, "imported": imported}

    def forget_source(self, sha256: str) -> None:
        """Let a digest with problems be read again by the next import."""
        self._sources.pop(sha256, None)

    def locate(self, paper_id: str) -> Paper | None:
        """Find one paper, loading only the partition it lives in."""
        latest = self._days.latest_day_of(paper_id)
        if latest is not None:
            self.load_month(month_of(latest))
        return self.paper(paper_id)

    def commit(self) -> None:
        """Write changed partitions under new names, then the catalog naming them."""
        if self.read_only:
            raise LibraryError(f"{self.folder}: opened read-only")
        # merge() loaded every partition from the oldest dirty month on, so each
        # dirty partition is written whole.
        self._generation += 1
        by_month: dict[str, list[dict[str, Any]]] = {m: [] for m in self._dirty}
        for paper_id, entry in self._entries.items():
            month = month_of(entry.dates[-1])
            if month in by_month and paper_id not in self._fresh:
                by_month[month].append(entry.paper().document())
        for paper in self._fresh.values():
            month = month_of(paper.dates[-1])
            if month in by_month:
                by_month[month].append(paper.document())
        replaced = []
        for month, papers in by_month.items():
            name = f"papers-{month}.{self._generation}.json"
            write_partition(self.folder / name, papers)
            if month in self._partitions:
                replaced.append(self._partitions[month])
            self._partitions[month] = name
            self._loaded.add(month)
        for month in [month for month, papers in by_month.items() if not papers]:
            replaced.append(self._partitions.pop(month))
        sync_folder(self.folder)
        self._commit_catalog()
        # After the catalog: a kill in between only makes the next import read
        # again files it had already merged, which changes nothing.
        self._commit_sources()
        self._dirty.clear()
        for name in replaced:
            (self.folder / name).unlink(missing_ok=True)

    def _commit_catalog(self) -> None:
        tables = stamp("catalog")
        tables["meta"]["1"].update(
            partitions=self._partitions,
            generation=self._generation,
            library=self._library_id,
        )
        tables["days"] = {
            str(index): day for index, day in enumerate(self._days.documents(), start=1)
        }
        self._catalog.storage.write(tables)

    def _commit_sources(self) -> None:
        tables = stamp("sources")
        tables["meta"]["1"]["library"] = self._library_id
        tables["sources"] = {
            str(index): source
            for index, source in enumerate(self._sources.values(), start=1)
        }
        write_atomically(self.folder / SOURCES, orjson.dumps(tables))

    def remove_strays(self) -> None:
        """Delete partitions and temporary files no catalog names (a killed write)."""
        current = set(self._partitions.values())
        for path in self.folder.glob(PARTITION_GLOB):
            if path.name not in current:
                path.unlink(missing_ok=True)
        for path in self.folder.glob(".*.json.*"):
            path.unlink(missing_ok=True)


def write_partition(path: Path, documents: list[dict[str, Any]]) -> None:
    """Write a new partition file; the caller syncs the folder before committing."""
    tables = stamp("papers")
    tables["papers"] = {
        str(index): document for index, document in enumerate(documents, start=1)
    }
    write_atomically(path, orjson.dumps(tables), sync=False)


def newest_partitions(folder: Path) -> tuple[dict[str, str], int]:
    """The newest partition file of each month, and the newest generation."""
    newest: dict[str, tuple[int, str]] = {}
    for path in folder.glob(PARTITION_GLOB):
        match = PARTITION_NAME.fullmatch(path.name)
        if match:
            month, generation = match.group(1), int(match.group(2))
            if generation > newest.get(month, (-1, ""))[0]:
                newest[month] = (generation, path.name)
    generation = max((found for found, _ in newest.values()), default=0)
    return {month: name for month, (_, name) in newest.items()}, generation


def set_aside(path: Path) -> Path:
    """Rename a damaged file so it is kept and never overwritten."""
    stamp_text = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp_text}")
    counter = 1
    while kept.exists():
        kept = path.with_name(f"{path.name}.damaged-{stamp_text}-{counter}")
        counter += 1
    path.rename(kept)
    return kept
