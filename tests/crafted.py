"""A few crafted papers over three days, and a helper to import them into a library.

Shared by conftest.py (the fixtures) and the tests that check what the reader shows.
"""

from __future__ import annotations

from pathlib import Path

from tui.library import MergeCounts
from tui.models import Digest, DigestDay, Paper
from tui.store import Store

NEWEST = "2025-06-30"
OLDER = "2025-06-29"
OLDEST = "2025-05-15"
"""A day in an older month, so in a partition the first frame does not load."""

BRACKETED = Paper(
    id="2506.00001",
    title="Scaling [0] Heads",
    authors=["Ada Lovelace", "Grace [b]Hopper[/b]"],
    summary="We prompt with [/INST] and [bold]no markup[/bold] survives as text.",
    version="v2",
    labels=["cs.CL"],
    extras={"github": ["https://github.com/example/heads"]},
)
SPARSE = Paper(
    id="2506.00002",
    title="Sparse Mixtures at Scale",
    authors=["Alan Turing"],
    summary="Sparse experts, routed well.",
)
THIRD = Paper(
    id="2506.00003",
    title="A Third Paper on Agents",
    authors=["Edsger Dijkstra", "Barbara Liskov"],
    summary="Agents that plan before they act.",
)
YESTERDAY = Paper(
    id="2506.00004",
    title="Yesterday's Retrieval Trick",
    authors=["Claude Shannon"],
    summary="Retrieval with fewer tokens.",
)
OLD = Paper(
    id="2505.00010",
    title="An Older Paper From May",
    authors=["John von Neumann"],
    summary="Self-reproducing automata, again.",
)

DAYS = {
    NEWEST: [BRACKETED, SPARSE, THIRD],
    OLDER: [YESTERDAY, SPARSE],
    OLDEST: [OLD],
}
"""Each day's papers in digest order; SPARSE is featured on two days."""


def copy_of(paper: Paper, date: str) -> Paper:
    """A fresh Paper for one day: the Store keeps (and changes) what it is given."""
    return Paper(
        id=paper.id,
        title=paper.title,
        authors=list(paper.authors),
        summary=paper.summary,
        version=paper.version,
        labels=list(paper.labels),
        extras={kind: list(urls) for kind, urls in paper.extras.items()},
        dates=[date],
    )


def fill_library(folder: Path) -> None:
    """Import the crafted days into `folder`, oldest first as a user would."""
    days = [
        DigestDay(date=date, line=1, papers=[copy_of(paper, date) for paper in papers])
        for date, papers in sorted(DAYS.items())
    ]
    with Store(folder) as store:
        store.merge_digests(
            [(Digest(source="x.md", days=days), "sha-x")], MergeCounts()
        )
        store.commit()
