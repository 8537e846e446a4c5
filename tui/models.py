"""Plain data shared by the importer, the store and the reader.

No Textual and no TinyDB here: the model layer stays importable on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ARXIV_ABS = "https://arxiv.org/abs/{}"
ARXIV_PDF = "https://arxiv.org/pdf/{}"
HF_PAPER = "https://huggingface.co/papers/{}"


@dataclass(slots=True)
class Paper:
    """One paper, keyed by its arXiv id without version.

    A paper with no arXiv id gets a key with a colon, which no arXiv id has:
    `url:<link>` or `title:<digest of the title>`.
    """

    id: str
    title: str
    authors: list[str] = field(default_factory=list)
    summary: str = ""
    version: str = ""
    """The version suffix seen in a link, such as `v2`; empty when none was given."""
    labels: list[str] = field(default_factory=list)
    """Categories and classifications given by the digest."""
    extras: dict[str, list[str]] = field(default_factory=dict)
    """Further links by kind: `github`, `huggingface`, `link` (a non-arXiv source)."""
    dates: list[str] = field(default_factory=list)
    """ISO dates the paper was featured on, oldest first."""

    @property
    def has_arxiv_id(self) -> bool:
        return ":" not in self.id

    @property
    def abs_url(self) -> str:
        if not self.has_arxiv_id:
            return next(iter(self.extras.get("link", [])), "")
        return ARXIV_ABS.format(self.id)

    @property
    def pdf_url(self) -> str:
        return ARXIV_PDF.format(self.id) if self.has_arxiv_id else ""

    @property
    def hf_url(self) -> str:
        return HF_PAPER.format(self.id) if self.has_arxiv_id else ""

    def document(self) -> dict[str, Any]:
        """The paper as plain data, as the library stores it (asdict is slower)."""
        return {
            "id": self.id,
            "title": self.title,
            "authors": self.authors,
            "summary": self.summary,
            "version": self.version,
            "labels": self.labels,
            "extras": self.extras,
            "dates": self.dates,
        }

    @property
    def links(self) -> dict[str, str]:
        """The canonical links of the paper, by kind."""
        found = {"abs": self.abs_url, "pdf": self.pdf_url, "huggingface": self.hf_url}
        return {kind: url for kind, url in found.items() if url}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the importer could not read, located in its source."""

    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"


@dataclass(slots=True)
class DigestDay:
    """One dated section of a digest: its papers in the digest's own order."""

    date: str
    line: int
    papers: list[Paper] = field(default_factory=list)


@dataclass(slots=True)
class Digest:
    """Everything read from one digest file."""

    source: str
    days: list[DigestDay] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    """Things worth telling that lost nothing, such as a date taken from the path."""
