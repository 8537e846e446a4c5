"""The search modal: hits over the whole library as you type, newest first."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.models import Paper
from tui.search import FIELDS, Term, parse_query
from tui.store import SearchResult, Store

LIMIT = 200
"""Hits listed at most; the scan stops there, so a common word answers fast."""
DEBOUNCE = 0.12
"""Seconds of quiet typing before a search starts; each key press restarts it."""
AUTHORS_SHOWN = 3
MUTED = "$foreground-muted"
"""Dimmed text in Content; `$text-muted` is an "auto" colour, drawn white there."""
HIGHLIGHT = "bold $text-accent"
HINT = 'words, "a phrase", title:word, author:name · ↓ hits · Enter opens · Esc'
STILL_LOADING = "still loading older papers"


def term_pattern(terms: list[Term], field: str) -> re.Pattern[str] | None:
    """A pattern for the terms that may match in `field`, ignoring case."""
    # A phrase's words may be split by any run of spaces or line breaks.
    wanted = [
        r"\s+".join(map(re.escape, term.text.split()))
        for term in terms
        if not term.field or FIELDS[term.field] == FIELDS[field]  # authors: too
    ]
    if not wanted:
        return None
    # Longest first, so "agents" wins over "agent" where both would match.
    return re.compile("|".join(sorted(wanted, key=len, reverse=True)), re.IGNORECASE)


def marked(text: str, pattern: re.Pattern[str] | None) -> Content:
    """`text` as plain content, with the matches of `pattern` highlighted."""
    content = Content(text)
    if pattern is None:
        return content
    return content.highlight_regex(pattern, style=HIGHLIGHT)


def hit_prompt(paper: Paper, terms: list[Term]) -> Content:
    """The title, then the day it was last featured and the first authors."""
    authors = ", ".join(paper.authors[:AUTHORS_SHOWN])
    if len(paper.authors) > AUTHORS_SHOWN:
        authors += " et al."
    day = paper.dates[-1] if paper.dates else "undated"
    return Content.assemble(
        marked(paper.title, term_pattern(terms, "title")),
        "\n",
        (f"{day}  ", MUTED),
        marked(authors, term_pattern(terms, "author")).stylize_before(MUTED),
    )


def count_line(result: SearchResult, fully_loaded: bool) -> str:
    """How many hits, with a + when there may be more, and why."""
    count = len(result.papers)
    if not count:
        said = "No hits" if result.complete else "No hits yet"
    else:
        said = f"{count}{'' if result.complete else '+'} hit{'' if count == 1 else 's'}"
    return said if fully_loaded else f"{said} · {STILL_LOADING}"


class HitList(OptionList):
    """The hits; Up on the first one, or typing, hands the focus back to the query."""

    @dataclass
    class BackToQuery(Message):
        """The user wants the query again; `typed` is a character to add to it."""

        typed: str = ""

    def action_cursor_up(self) -> None:
        if not self.highlighted:
            self.post_message(self.BackToQuery())
            return
        super().action_cursor_up()

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character:
            event.stop()
            self.post_message(self.BackToQuery(event.character))


class SearchScreen(ModalScreen[str | None]):
    """Search every paper; dismisses with the chosen paper's id, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("down", "enter_hits", "Hits", show=False),
    ]
    AUTO_FOCUS = "#query"

    @dataclass
    class Found(Message):
        """A search finished: the query it answered and what it found."""

        query: str
        result: SearchResult

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        """The library searched."""
        self._loading: Timer | None = None
        """Polls until the library has loaded, while it is still loading."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog", classes="dialog") as dialog:
            dialog.border_title = "Search"
            # No select on focus: coming back from the hits goes on with the query.
            yield Input(
                placeholder="Search titles, authors and summaries",
                select_on_focus=False,
                id="query",
            )
            yield Static(HINT, id="search-status", markup=False)
            yield HitList(id="hits", markup=False)

    def on_mount(self) -> None:
        if not self.store.fully_loaded:
            self._loading = self.set_interval(0.5, self.search_again_once_loaded)

    def search_again_once_loaded(self) -> None:
        """Once the library has loaded, search again: older papers may match now."""
        if self.store.fully_loaded:
            self.run_search(self.query_one("#query", Input).value)
            if self._loading is not None:
                self._loading.stop()

    @on(Input.Changed, "#query")
    def search_as_typed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="search",
        description="Search the library",
    )
    def run_search(self, query: str) -> None:
        """Search off the main thread, after a short pause in the typing."""
        worker = get_current_worker()
        time.sleep(DEBOUNCE)  # a key press meanwhile cancels this search
        if worker.is_cancelled:
            return
        result = self.store.search(query, limit=LIMIT)
        if not worker.is_cancelled:
            self.post_message(self.Found(query, result))

    @on(Found)
    def show_hits(self, event: Found) -> None:
        if event.query != self.query_one("#query", Input).value:
            return  # an answer to what was typed before; a newer one follows
        hits = self.query_one(HitList)
        hits.clear_options()
        terms = parse_query(event.query)
        hits.add_options(
            Option(hit_prompt(paper, terms), id=paper.id)
            for paper in event.result.papers
        )
        if hits.option_count:
            hits.highlighted = 0
        status = count_line(event.result, self.store.fully_loaded) if terms else HINT
        self.query_one("#search-status", Static).update(status)

    def action_enter_hits(self) -> None:
        hits = self.query_one(HitList)
        if hits.option_count:
            hits.highlighted = 0
            hits.focus()

    @on(HitList.BackToQuery)
    def back_to_query(self, event: HitList.BackToQuery) -> None:
        query = self.query_one("#query", Input)
        query.focus()
        if event.typed:
            query.insert_text_at_cursor(event.typed)

    @on(Input.Submitted, "#query")
    def open_first_hit(self) -> None:
        """Enter in the query opens the hit under the list's cursor."""
        hits = self.query_one(HitList)
        if hits.highlighted is not None:
            self.dismiss(hits.get_option_at_index(hits.highlighted).id)

    @on(OptionList.OptionSelected, "#hits")
    def open_hit(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
