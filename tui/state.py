"""The user's own state (bookmarks), in a small TinyDB file of its own.

Kept apart from the imported papers so that an import never rewrites it and a
bookmark never rewrites the library. Each change is written through at once
(atomically, fsynced); the file's previous versions are kept as backups.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tinydb import Query, TinyDB

from tui.library import set_aside
from tui.storage import DamagedFile, LibraryError, decode_tables, open_db, stamp

STATE = "state.json"
BACKUPS = 3


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A bookmarked paper; the title is kept so the list reads without the library."""

    id: str
    title: str
    added: str


class UserState:
    """Bookmarks of one library folder, written through on every change."""

    def __init__(self, folder: Path, *, read_only: bool = False) -> None:
        self.path = folder / STATE
        self.read_only = read_only
        self.notices: list[str] = []
        self._db = self._open()
        self._backed_up = False
        self._bookmarks = {
            document["id"]: Bookmark(**document)
            for document in self._db.table("bookmarks").all()
        }

    def _open(self) -> TinyDB:
        try:
            db = open_db(self.path, "state", read_only=self.read_only)
        except DamagedFile as error:
            if self.read_only:
                raise
            self._recover(error)
            db = open_db(self.path, "state")
        if db.storage.read() is None and not self.read_only:
            db.storage.write(stamp("state"))
        return db

    def _recover(self, error: DamagedFile) -> None:
        """Set the damaged file aside and start again from the newest good backup."""
        kept = set_aside(self.path)
        message = f"{error.reason}; {self.path.name} was kept as {kept.name}"
        for backup in backup_paths(self.path):
            if readable_backup(backup):
                shutil.copyfile(backup, self.path)
                saved = datetime.fromtimestamp(backup.stat().st_mtime)
                self.notices.append(
                    f"{message}; your state was restored from {backup.name}"
                    f" (saved {saved:%Y-%m-%d %H:%M})"
                )
                return
        self.notices.append(f"{message}; no good backup was found, starting empty")

    # Bookmarks

    def is_bookmarked(self, paper_id: str) -> bool:
        return paper_id in self._bookmarks

    def bookmarks(self) -> list[Bookmark]:
        """Bookmarks, most recently added first."""
        return sorted(
            self._bookmarks.values(), key=lambda mark: mark.added, reverse=True
        )

    def set_bookmark(self, paper_id: str, title: str, on: bool) -> None:
        if on == self.is_bookmarked(paper_id):
            return
        self._before_write()
        table = self._db.table("bookmarks")
        if on:
            added = datetime.now().isoformat(timespec="microseconds")
            mark = Bookmark(paper_id, title, added)
            table.insert({"id": mark.id, "title": mark.title, "added": mark.added})
            self._bookmarks[paper_id] = mark
        else:
            table.remove(Query().id == paper_id)
            del self._bookmarks[paper_id]

    def _before_write(self) -> None:
        if self.read_only:
            raise LibraryError(f"{self.path}: opened read-only")
        if not self._backed_up:
            keep_backup(self.path)
            self._backed_up = True


def backup_paths(path: Path) -> list[Path]:
    """Backups of `path`, newest first."""
    return [path.with_name(f"{path.name}.{number}") for number in range(1, BACKUPS + 1)]


def keep_backup(path: Path) -> None:
    """Shift the backups down one place and copy the current file in as newest.

    Only renames and a fresh copy: the file itself is never missing meanwhile.
    """
    if not path.exists():
        return
    backups = backup_paths(path)
    for older, newer in zip(reversed(backups), reversed(backups[:-1]), strict=False):
        if newer.exists():
            newer.replace(older)
    shutil.copy2(path, backups[0])


def readable_backup(path: Path) -> bool:
    try:
        decode_tables(path, path.read_bytes())
    except (OSError, DamagedFile):
        return False
    return True
