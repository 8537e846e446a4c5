"""A TinyDB storage that is never half-written, and the library's file errors.

Every write goes to a temporary file in the same folder, is flushed and fsynced,
then renamed over the old file, so a crash or kill leaves either the old or the
new file whole. The decoded data is kept in memory after the first read: the
process holding the library lock is its only writer, so no query re-reads disk.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

SCHEMA_VERSION = 1
META_TABLE = "meta"


class LibraryError(Exception):
    """A library file that cannot be used; the message names the file."""


class DamagedFile(LibraryError):
    """A file that exists but is empty, truncated, not JSON or not ours."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NewerSchema(LibraryError):
    """A file written by a newer papers; it is refused, never rewritten."""


Tables = dict[str, dict[str, Any]]


class AtomicJSONStorage(Storage):
    """TinyDB storage: orjson, cached reads, atomic durable writes."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._cache: Tables | None = None

    def read(self) -> Tables | None:
        if self._cache is None and self.path.exists():
            self._cache = decode_tables(self.path, self.path.read_bytes())
        return self._cache

    def write(self, data: Tables) -> None:
        if self.read_only:
            raise LibraryError(f"{self.path}: opened read-only")
        write_atomically(self.path, orjson.dumps(data))
        self._cache = data


def decode_tables(path: Path, raw: bytes) -> Tables:
    """Decode a TinyDB file, raising DamagedFile with a reason a person can act on."""
    if not raw.strip():
        raise DamagedFile(path, "the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise DamagedFile(path, f"not valid JSON (truncated?): {error}") from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) for table in data.values()
    ):
        raise DamagedFile(path, "not a papers library file")
    return data


@contextmanager
def unexpected_content_is_damage(path: Path) -> Iterator[None]:
    """Valid JSON of the wrong shape is a damaged file too, named as such."""
    try:
        yield
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DamagedFile(path, f"unexpected content ({error!r})") from None


def write_atomically(path: Path, content: bytes, *, sync: bool = True) -> None:
    """Replace `path` with `content` so that readers see the old or the new file.

    `sync=False` leaves the folder unsynced, for a caller writing several files
    that syncs it once before it commits (see Library.commit).
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if sync:
        sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders can't be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def open_db(path: Path, kind: str, *, read_only: bool = False) -> TinyDB:
    """Open a TinyDB file of `kind`, checking it is ours and not from a newer papers.

    A missing file is fine: it is created, stamped with the schema, on first write.
    """
    db = TinyDB(path, storage=AtomicJSONStorage, read_only=read_only)
    data = db.storage.read()
    if data is None:
        return db
    meta = data.get(META_TABLE, {}).get("1")
    if not isinstance(meta, dict) or meta.get("kind") != kind:
        raise DamagedFile(path, f"not a papers {kind} file")
    schema = meta.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        raise NewerSchema(
            f"{path}: written by a newer papers (schema {schema}, this one reads "
            f"{SCHEMA_VERSION}); upgrade papers to use it. The file was not changed."
        )
    return db


def stamp(kind: str) -> Tables:
    """The meta table every file carries: its kind and schema version."""
    return {META_TABLE: {"1": {"kind": kind, "schema": SCHEMA_VERSION}}}
