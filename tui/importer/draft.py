"""A paper being read, and the day it is added to (with duplicate checks)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.importer import links
from tui.importer.fields import clean_title, title_text
from tui.importer.report import Report
from tui.models import DigestDay, Paper


@dataclass(slots=True)
class Draft:
    """The fields of one paper as they are found, before its id is settled."""

    line: int
    """The 1-based source line the paper starts on."""
    title: str = ""
    authors: list[str] = field(default_factory=list)
    summary: str = ""
    labels: list[str] = field(default_factory=list)
    extras: dict[str, list[str]] = field(default_factory=dict)
    arxiv: links.ArxivId | None = None
    """The id and version from the first arXiv link or `arXiv:` mention."""
    hf_paper: links.ArxivId | None = None
    """The id from a Hugging Face paper page, used when no arXiv link is given."""
    link: str = ""
    """The first other link given for the paper itself, for papers not on arXiv."""

    def take_title(self, text: str) -> None:
        """Read a title cell or heading: the title and the links written in it."""
        daily = links.split_daily_tail(text)
        if daily is None:
            self.title = title_text(text)
            self.take_links(text, of_paper=True)
            return
        # Most titles end in the usual tail, which one match reads for a fraction
        # of the cost of the general tail search and link scan. Both find the same
        # title and links (tests/test_importer_tail.py holds them to it).
        head, arxiv, hf_paper = daily
        self.title = clean_title(head.strip())
        if "://" in head:
            self._add_links(links.scan(head), of_paper=True)
        self.arxiv = self.arxiv or arxiv
        self.hf_paper = self.hf_paper or hf_paper

    def take_links(self, text: str, *, of_paper: bool = False) -> None:
        """Record the links in text; `of_paper` marks links to the paper itself."""
        self._add_links(links.scan(text), of_paper=of_paper)
        if of_paper and self.arxiv is None:
            self.arxiv = links.arxiv_in_text(text)

    def _add_links(self, found: list[links.Link], *, of_paper: bool) -> None:
        """Record links found by `links.scan`; the first arXiv id wins."""
        for kind, value, version in found:
            if kind == "arxiv":
                self.arxiv = self.arxiv or (value, version)
            elif kind == "hf_paper":
                self.hf_paper = self.hf_paper or (value, version)
            else:
                self.add_extra(kind, value)
                if of_paper and not self.link:
                    self.link = value

    def add_extra(self, kind: str, url: str) -> None:
        """Add a link of a kind once."""
        known = self.extras.setdefault(kind, [])
        if url not in known:
            known.append(url)

    def paper(self, date: str) -> Paper:
        """The finished paper, featured on date."""
        found = self.arxiv or self.hf_paper
        if found:
            key, version = found
        elif self.link:
            key, version = f"url:{self.link}", ""
        else:
            key, version = links.title_key(self.title), ""
        return Paper(
            id=key,
            title=self.title,
            authors=self.authors,
            summary=self.summary,
            version=version,
            labels=self.labels,
            extras=self.extras,
            dates=[date],
        )


class DayBuilder:
    """Gathers one day's papers in order, keeping the first of any repeated id."""

    __slots__ = ("_first", "_report", "day")

    def __init__(self, date: str, line: int, report: Report) -> None:
        self.day = DigestDay(date=date, line=line)
        self._report = report
        self._first: dict[str, tuple[int, Paper]] = {}

    def add(self, draft: Draft) -> None:
        """Add a drafted paper; a repeat of an id already seen today is dropped."""
        paper = draft.paper(self.day.date)
        first = self._first.get(paper.id)
        if first is None:
            self._first[paper.id] = (draft.line, paper)
            self.day.papers.append(paper)
            return
        first_line, kept = first
        reason = f"duplicate row for {paper.id}, first kept at line {first_line}"
        # An exact repeat loses nothing; a differing one drops what it said.
        if kept == paper:
            self._report.note(draft.line, reason)
        else:
            self._report.problem(draft.line, reason)

    def finish(self, empty_reason: str) -> DigestDay:
        """The day, with `empty_reason` recorded as a problem when it has no papers."""
        if not self.day.papers:
            self._report.problem(self.day.line, empty_reason)
        return self.day
