"""The user's own state, in a small TinyDB file of its own.

Bookmarks, read marks, tags, a note per paper and settings (theme, last place).

Kept apart from the imported papers so that an import never rewrites it and a
bookmark never rewrites the library. Each change is written through at once
(atomically, fsynced); the file's previous versions are kept as backups.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Query

from tui.library import set_aside
from tui.storage import (
    DamagedFile,
    LibraryError,
    Tables,
    open_db,
    stamp,
    unexpected_content_is_damage,
)

STATE = "state.json"
BACKUPS = 3


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A bookmarked paper; the title is kept so the list reads without the library."""

    id: str
    title: str
    added: str


class UserState:
    """What the user made of one library folder, written through on every change."""

    def __init__(
        self, folder: Path, *, read_only: bool = False, file_name: str = STATE
    ) -> None:
        self.path = folder / file_name
        self.read_only = read_only
        self.notices: list[str] = []
        self._backed_up = False
        try:
            self._db = open_db(self.path, "state", read_only=read_only)
            self._load(self._db.storage.read() or {})
        except DamagedFile as error:
            if read_only:
                # Reading on regardless: the next writer sets it aside and restores.
                self.notices.append(f"{error}; open papers for writing to restore it")
                self._load({})
                return
            self._recover(error)
            self._db = open_db(self.path, "state")
            self._load(self._db.storage.read() or {})
        if self._db.storage.read() is None and not read_only:
            self._db.storage.write(stamp("state"))

    def _load(self, tables: Tables) -> None:
        """Fill the in-memory state from the file's tables."""

        def rows(name: str) -> list[dict[str, Any]]:
            return list(tables.get(name, {}).values())

        with unexpected_content_is_damage(self.path):
            self._bookmarks = {row["id"]: Bookmark(**row) for row in rows("bookmarks")}
            self._read = {row["id"] for row in rows("read")}
            self._tags: dict[str, list[str]] = {
                row["id"]: list(row["tags"]) for row in rows("tags")
            }
            self._notes: dict[str, str] = {
                row["id"]: str(row["text"]) for row in rows("notes")
            }
            self._settings: dict[str, Any] = {
                row["key"]: row["value"] for row in rows("settings")
            }

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

    # Read marks

    def is_read(self, paper_id: str) -> bool:
        return paper_id in self._read

    def set_read(self, paper_ids: Iterable[str], on: bool) -> list[str]:
        """Mark papers read or unread in one write; returns those that changed."""
        changed = [
            paper_id
            for paper_id in dict.fromkeys(paper_ids)
            if (paper_id in self._read) != on
        ]
        if not changed:
            return []
        self._before_write()
        table = self._db.table("read")
        if on:
            table.insert_multiple({"id": paper_id} for paper_id in changed)
            self._read.update(changed)
        else:
            table.remove(Query().id.one_of(changed))
            self._read.difference_update(changed)
        return changed

    # Tags and notes

    def tags_of(self, paper_id: str) -> list[str]:
        return list(self._tags.get(paper_id, []))

    def tag_counts(self) -> dict[str, int]:
        """Every tag in use with how many papers carry it, by name."""
        counts: dict[str, int] = {}
        for tags in self._tags.values():
            for tag in tags:
                counts[tag] = counts.get(tag, 0) + 1
        return dict(sorted(counts.items()))

    def tagged(self, tag: str) -> list[str]:
        return [paper_id for paper_id, tags in self._tags.items() if tag in tags]

    def set_tags(self, paper_id: str, tags: Iterable[str]) -> None:
        clean: dict[str, str] = {}  # by casefolded name: "Vision" and "vision" are one
        for tag in tags:
            name = tag.strip().lstrip("#").strip()
            if name:
                clean.setdefault(name.casefold(), name)
        self._put("tags", paper_id, "tags", list(clean.values()), self._tags)

    def note_of(self, paper_id: str) -> str:
        return self._notes.get(paper_id, "")

    def set_note(self, paper_id: str, text: str) -> None:
        self._put("notes", paper_id, "text", text.strip(), self._notes)

    def _put(
        self, name: str, paper_id: str, field: str, value: Any, cache: dict[str, Any]
    ) -> None:
        """Store one paper's value in table `name`; an empty value removes it."""
        if cache.get(paper_id, type(value)()) == value:
            return
        self._before_write()
        table = self._db.table(name)
        if value:
            table.upsert({"id": paper_id, field: value}, Query().id == paper_id)
            cache[paper_id] = value
        else:
            table.remove(Query().id == paper_id)
            cache.pop(paper_id, None)

    # Settings

    def setting(self, key: str, default: Any = None) -> Any:
        return self._settings.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        if self._settings.get(key) == value:
            return
        self._before_write()
        self._db.table("settings").upsert(
            {"key": key, "value": value}, Query().key == key
        )
        self._settings[key] = value

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
    """Whether a backup decodes and holds state of the expected shape."""
    try:
        state = UserState(path.parent, read_only=True, file_name=path.name)
    except (OSError, LibraryError):
        return False
    return not state.notices
