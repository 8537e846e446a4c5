"""Synthetic libraries built from the shared corpus: fresh ids, fresh days.

Each synthetic day takes the next papers of the corpus in order, so titles,
authors and summaries have real lengths; ids are unique and days run backwards
one calendar day at a time from the newest corpus day.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from tui.importer import read_digest
from tui.models import Digest, DigestDay, Paper

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "daily-ai-papers"
NEWEST = date(2025, 6, 30)


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        sys.exit(f"bench: the shared corpus is not at {CORPUS}")
    return sorted(CORPUS.rglob("*.md"))


def corpus_papers() -> list[Paper]:
    """Every paper entry of the corpus, in file and digest order."""
    papers = []
    for path in corpus_files():
        for day in read_digest(path).days:
            papers.extend(day.papers)
    return papers


def synthetic_digests(size: int, per_day: int = 16) -> Iterator[Digest]:
    """Digests holding `size` distinct papers in all, newest day first."""
    source = corpus_papers()
    made = 0
    day = NEWEST
    while made < size:
        iso = day.isoformat()
        count = min(per_day, size - made)
        papers = [
            replace(
                source[(made + offset) % len(source)],
                id=f"{day:%y%m}.{(day.day - 1) * per_day + offset:05d}",
                dates=[iso],
            )
            for offset in range(count)
        ]
        made += count
        yield Digest(source=f"synthetic/{iso}.md", days=[DigestDay(iso, 1, papers)])
        day -= timedelta(days=1)


def render_markdown(digest: Digest) -> str:
    """A digest as the corpus writes it, for timing the whole import path."""
    (day,) = digest.days
    rows = [
        f"## Papers for {day.date}",
        "",
        "| Title | Authors | Summary |",
        "|-------|---------|---------|",
    ]
    for paper in day.papers:
        tail = (
            f" (Read more on [arXiv](https://arxiv.org/abs/{paper.id}) or"
            f" [HuggingFace](https://huggingface.co/papers/{paper.id}))"
        )
        summary = paper.summary.replace("|", "\\|").replace("\n", "<br>")
        title = paper.title.replace("|", "\\|")
        rows.append(f"| {title}{tail}| {', '.join(paper.authors)} | {summary} |")
    return "\n".join(rows) + "\n"
