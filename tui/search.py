"""Search over every loaded paper: words, quoted phrases, `title:` and `author:`.

Each paper's text is casefolded once when it is indexed, so a keystroke costs one
substring scan per paper for the first term and fewer for the rest.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from tui.models import Paper

FIELDS = {"title", "author", "authors", "summary"}
TERM = re.compile(r'(?:(\w+):)?(?:"([^"]*)"?|(\S+))')


@dataclass(frozen=True, slots=True)
class Term:
    """One thing every hit must contain, in one field or anywhere."""

    text: str
    field: str = ""

    def matches(self, paper: Paper) -> bool:
        if self.field == "title":
            return self.text in paper.title.casefold()
        if self.field in ("author", "authors"):
            return any(self.text in name.casefold() for name in paper.authors)
        if self.field == "summary":
            return self.text in paper.summary.casefold()
        return True


def parse_query(query: str) -> list[Term]:
    """Split a query into terms; an unknown `word:` prefix is searched as text."""
    terms = []
    for match in TERM.finditer(query):
        field, phrase, word = match.groups()
        text = phrase if phrase is not None else word
        if field and field.casefold() not in FIELDS:
            text, field = f"{field}:{text}", None
        text = " ".join(text.split()).casefold()
        if text:
            terms.append(Term(text, (field or "").casefold()))
    return terms


class SearchIndex:
    """Casefolded text of every indexed paper, newest papers first."""

    def __init__(self) -> None:
        self._entries: list[tuple[str, Paper]] = []
        self._guard = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, papers: Iterable[Paper]) -> None:
        """Index papers; called as partitions load, newest first."""
        entries = [(haystack(paper), paper) for paper in papers]
        entries.sort(key=lambda entry: entry[1].dates[-1], reverse=True)
        with self._guard:
            self._entries = self._entries + entries

    def search(self, query: str, limit: int | None = None) -> list[Paper]:
        """Papers matching every term of `query`, newest first."""
        terms = parse_query(query)
        if not terms:
            return []
        first, rest = terms[0].text, terms[1:]
        hits = []
        for text, paper in self._entries:
            if first not in text:
                continue
            if terms[0].matches(paper) and all(
                term.text in text and term.matches(paper) for term in rest
            ):
                hits.append(paper)
                if limit is not None and len(hits) >= limit:
                    break
        return hits


def haystack(paper: Paper) -> str:
    return "\n".join((paper.title, ", ".join(paper.authors), paper.summary)).casefold()
