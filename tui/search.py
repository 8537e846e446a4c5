"""Search over every loaded paper: words, quoted phrases, `title:` and `author:`.

The index scans each paper's lowercased text (kept once, by tui.compact). Typing
mostly extends the last query, so a keystroke that refines it scans only the
last hits instead of the whole library.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from tui.compact import FIELD_SEPARATOR, Entry

SEPARATOR = FIELD_SEPARATOR.encode()

FIELDS = {"title": 0, "author": 1, "authors": 1, "summary": 2}
TERM = re.compile(r'(?:(\w+):)?(?:"([^"]*)"?|(\S+))')


@dataclass(frozen=True, slots=True)
class Term:
    """One thing every hit must contain, in one field or anywhere."""

    text: str
    field: str = ""

    @property
    def needle(self) -> bytes:
        return self.text.encode()

    def found_in(self, text: bytes) -> bool:
        needle = self.needle
        if needle not in text:
            return False
        if not self.field:
            return True
        return needle in text.split(SEPARATOR)[FIELDS[self.field]]

    def narrows(self, other: Term) -> bool:
        """Whether every hit of `self` is also a hit of `other`."""
        return self.field == other.field and other.text in self.text


def parse_query(query: str) -> list[Term]:
    """Split a query into terms; an unknown `word:` prefix is searched as text."""
    terms = []
    for match in TERM.finditer(query):
        field, phrase, word = match.groups()
        text = phrase if phrase is not None else word
        if field and field.lower() not in FIELDS:
            text, field = f"{field}:{text}", None
        text = " ".join(text.split()).lower()
        if text:
            terms.append(Term(text, (field or "").lower()))
    return terms


@dataclass(frozen=True, slots=True)
class Hits:
    """The ids of the papers a query matched, newest first."""

    terms: tuple[Term, ...]
    ids: list[str]
    positions: list[int]
    complete: bool
    """False when the scan stopped at its limit: there may be more."""


class SearchIndex:
    """Lowercased text and id of every indexed paper, newest papers first."""

    def __init__(self) -> None:
        self._texts: list[bytes] = []
        self._ids: list[str] = []
        self._last: Hits | None = None
        self._guard = threading.Lock()

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, entries: Iterable[Entry]) -> None:
        """Index entries; partitions arrive newest first, so appending keeps order."""
        ordered = sorted(entries, key=lambda entry: entry.dates[-1], reverse=True)
        with self._guard:
            self._texts = [*self._texts, *(entry.text for entry in ordered)]
            self._ids = [*self._ids, *(entry.id for entry in ordered)]
            self._last = None

    def search(self, query: str, limit: int | None = None) -> Hits:
        """Papers matching every term of `query`, newest first.

        With `limit`, the scan stops at that many hits (`Hits.complete` is then
        False): the first screen of results does not wait for the oldest papers.
        """
        terms = tuple(parse_query(query))
        if not terms:
            return Hits(terms, [], [], complete=True)
        with self._guard:
            texts, ids, last = self._texts, self._ids, self._last
        candidates: Iterable[int] = range(len(texts))
        if last is not None and last.complete and refines(terms, last.terms):
            candidates = last.positions
        # One hit past the limit tells whether there are more.
        wanted = None if limit is None else limit + 1
        positions = list(islice(matching(texts, candidates, terms), wanted))
        complete = limit is None or len(positions) <= limit
        positions = positions[:limit]
        hits = Hits(terms, [ids[p] for p in positions], positions, complete)
        with self._guard:
            if self._texts is texts:
                self._last = hits
        return hits


def matching(
    texts: list[bytes], candidates: Iterable[int], terms: tuple[Term, ...]
) -> Iterator[int]:
    """Positions of the texts that hold every term, in candidate order."""
    needle = terms[0].needle
    found = (position for position in candidates if needle in texts[position])
    if terms[0].field or len(terms) > 1:
        found = (p for p in found if all(t.found_in(texts[p]) for t in terms))
    return found


def refines(terms: tuple[Term, ...], previous: tuple[Term, ...]) -> bool:
    """Whether `terms` can only match a subset of what `previous` matched."""
    return len(terms) >= len(previous) and all(
        term.narrows(old) for term, old in zip(terms, previous, strict=False)
    )
