"""Papers as the reader keeps them in memory: lowercased text plus its case.

At 100,000 papers a library is ~140 MB on disk. Keeping every paper as a Paper
*and* a lowercased copy for search took ~2.8 times that in memory. An Entry keeps
the lowercased text once, which search scans as it is, and the positions of the
capital letters, from which the original text comes back exactly when a paper
is shown. Text whose capitals are not plain ASCII keeps its original instead.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Any

from tui.models import Paper

FIELD_SEPARATOR = "\x1f"
AUTHOR_SEPARATOR = "\x1e"
CAPITALS = bytes(1 if ord("A") <= code <= ord("Z") else 0 for code in range(256))
ASCII_CASE_OFFSET = ord("a") - ord("A")
MAX_GAP = 0xFFFF


def fold(text: str) -> tuple[str, bytes | str]:
    """Lowercase `text`; return it with what `unfold` needs to restore the case."""
    lowered = text.lower()
    encoded = text.encode()
    if not text.isascii() and encoded.lower() != lowered.encode():
        return lowered, text  # a capital outside ASCII: keep the original
    gaps = list(map(len, encoded.translate(CAPITALS).split(b"\x01")))
    if max(gaps) > MAX_GAP:
        return lowered, text
    return lowered, array("H", gaps).tobytes()


def unfold(lowered: str, case: bytes | str) -> str:
    """The original text, from `fold`'s two results."""
    if isinstance(case, str):
        return case
    gaps = array("H")
    gaps.frombytes(case)
    encoded = bytearray(lowered.encode())
    position = -1
    for gap in gaps[:-1]:
        position += gap + 1
        encoded[position] -= ASCII_CASE_OFFSET
    return encoded.decode()


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

    text: str
    case: bytes | str
    id: str
    version: str
    labels: list[str]
    extras: dict[str, list[str]]
    dates: list[str]

    @classmethod
    def from_paper(cls, paper: Paper) -> Entry:
        return cls.from_document(
            {
                "id": paper.id,
                "title": paper.title,
                "authors": paper.authors,
                "summary": paper.summary,
                "version": paper.version,
                "labels": paper.labels,
                "extras": paper.extras,
                "dates": paper.dates,
            }
        )

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> Entry:
        """An entry from a paper as its partition stores it."""
        get = document.get
        text, case = fold(
            searchable(get("title", ""), get("authors", []), get("summary", ""))
        )
        return cls(
            text,
            case,
            document["id"],
            get("version", ""),
            get("labels", []),
            get("extras", {}),
            get("dates", []),
        )

    def paper(self) -> Paper:
        title, authors, summary = unfold(self.text, self.case).split(FIELD_SEPARATOR)
        return Paper(
            id=self.id,
            title=title,
            authors=authors.split(AUTHOR_SEPARATOR) if authors else [],
            summary=summary,
            version=self.version,
            labels=self.labels,
            extras=self.extras,
            dates=self.dates,
        )
