"""Each day's paper ids in digest order: the catalog's index of the library.

The catalog stores a day's ids joined in one string with its count beside it,
so opening a library of 100,000 papers decodes a few thousand strings instead
of every id; a day's ids are split only when that day is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

ID_SEPARATOR = "\n"  # no id has one: arXiv ids, `url:` links and `title:` digests


class DayIndex:
    """Days with the ids of their papers, newest day first."""

    def __init__(self, documents: Iterable[dict[str, Any]] = ()) -> None:
        self._joined: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._split: dict[str, list[str]] = {}
        for document in documents:
            self._joined[document["date"]] = document["ids"]
            self._counts[document["date"]] = document["count"]
        self._dates: list[str] | None = None

    def dates(self) -> list[str]:
        if self._dates is None:
            self._dates = sorted(self._counts, reverse=True)
        return self._dates

    def count(self, date: str) -> int:
        return self._counts.get(date, 0)

    def ids(self, date: str) -> list[str]:
        """The day's ids in digest order (a list the index owns: don't change it)."""
        if date not in self._split:
            joined = self._joined.get(date, "")
            self._split[date] = joined.split(ID_SEPARATOR) if joined else []
        return self._split[date]

    def add(self, date: str, paper_ids: Iterable[str]) -> None:
        """Add a day (even with no papers) and append the ids it lacks, in order."""
        ids = self.ids(date)
        seen = set(ids)
        for paper_id in paper_ids:
            if paper_id not in seen:
                ids.append(paper_id)
                seen.add(paper_id)
        self._counts[date] = len(ids)
        self._dates = None

    def all_ids(self) -> Iterator[str]:
        for date in self._counts:
            yield from self.ids(date)

    def latest_day_of(self, paper_id: str) -> str | None:
        return next((date for date in self.dates() if paper_id in self.ids(date)), None)

    def documents(self) -> list[dict[str, Any]]:
        """The days as the catalog stores them, oldest first."""
        return [
            {
                "date": date,
                "count": self._counts[date],
                "ids": ID_SEPARATOR.join(self._split[date])
                if date in self._split
                else self._joined[date],
            }
            for date in sorted(self._counts)
        ]
