"""Papers as the reader keeps them in memory: lowercased text plus its case.

At 100,000 papers a library is ~140 MB on disk. Keeping every paper as a Paper
*and* a lowercased copy for search took ~2.8 times that in memory. An Entry keeps
the lowercased text once, as UTF-8 bytes, which search scans as they are, and
the gaps between capital letters, from which the original text comes back
exactly when a paper is shown. Text with a capital outside ASCII keeps its
original instead (rare: 19 of the corpus's 3,387 papers).
"""

from __future__ import annotations

import sys
from array import array
from dataclasses import dataclass
from typing import Any, TypeAlias

from tui.models import Paper

FIELD_SEPARATOR = "\x1f"
AUTHOR_SEPARATOR = "\x1e"
CAPITALS = bytes(1 if ord("A") <= code <= ord("Z") else 0 for code in range(256))
ASCII_CASE_OFFSET = ord("a") - ord("A")
MAX_GAP = 0xFFFF

Case: TypeAlias = "bytes | array[int] | str"
"""Gaps between capitals (bytes when all fit in one byte), or the original."""


def fold(text: str) -> tuple[bytes, Case]:
    """Lowercase `text`; return it with what `unfold` needs to restore the case."""
    encoded = text.encode()
    lowered = encoded.lower()  # UTF-8 never hides an ASCII byte inside a character
    if not text.isascii():
        fully_lowered = text.lower().encode()
        if fully_lowered != lowered:
            return fully_lowered, text  # a capital outside ASCII: keep the original
    gaps = list(map(len, encoded.translate(CAPITALS).split(b"\x01")))
    if max(gaps) < 256:
        return lowered, bytes(gaps)
    if max(gaps) <= MAX_GAP:
        return lowered, array("H", gaps)
    return lowered, text


def unfold(lowered: bytes, case: Case) -> str:
    """The original text, from `fold`'s two results."""
    if isinstance(case, str):
        return case
    encoded = bytearray(lowered)
    position = -1
    for gap in case[:-1]:
        position += gap + 1
        encoded[position] -= ASCII_CASE_OFFSET
    return encoded.decode()


def compact_dates(dates: list[str]) -> str | tuple[str, ...]:
    """Dates interned (a day's entries share one string), one date unwrapped."""
    if len(dates) == 1:
        return sys.intern(dates[0])
    return tuple(map(sys.intern, dates))


def searchable(title: str, authors: list[str], summary: str) -> str:
    """Title, authors and summary as one string, without our separators inside."""
    joined = AUTHOR_SEPARATOR.join(
        author.replace(AUTHOR_SEPARATOR, " ") for author in authors
    )
    parts = (title, joined, summary)
    return FIELD_SEPARATOR.join(part.replace(FIELD_SEPARATOR, " ") for part in parts)


@dataclass(slots=True)
class Entry:
    """One paper in memory: its searchable text lowercased, the rest as stored."""

    text: bytes
    case: Case
    id: str
    version: str
    labels: tuple[str, ...]
    extras: dict[str, list[str]] | None
    featured: str | tuple[str, ...]
    """The day the paper was featured on, or its days when more than one: most
    have one, and a bare string costs a third of a tuple holding it."""

    @property
    def dates(self) -> tuple[str, ...]:
        featured = self.featured
        return (featured,) if isinstance(featured, str) else featured

    @classmethod
    def from_paper(cls, paper: Paper) -> Entry:
        return cls.from_document(paper.document())

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> Entry:
        """An entry from a paper as its partition stores it.

        Dates are interned, so the entries of a day share one string; empty
        labels and extras take no memory of their own.
        """
        get = document.get
        text, case = fold(
            searchable(get("title", ""), get("authors", []), get("summary", ""))
        )
        return cls(
            text,
            case,
            document["id"],
            get("version", ""),
            tuple(get("labels") or ()),
            get("extras") or None,
            compact_dates(get("dates", ())),
        )

    def paper(self) -> Paper:
        title, authors, summary = unfold(self.text, self.case).split(FIELD_SEPARATOR)
        return Paper(
            id=self.id,
            title=title,
            authors=authors.split(AUTHOR_SEPARATOR) if authors else [],
            summary=summary,
            version=self.version,
            labels=list(self.labels),
            extras={kind: list(urls) for kind, urls in (self.extras or {}).items()},
            dates=list(self.dates),
        )
