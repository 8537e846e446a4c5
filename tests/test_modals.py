"""The modals driven like a user would: keys in, then what they show and return."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any, ClassVar

import pytest
from crafted import BRACKETED, NEWEST, OLD, OLDEST, SPARSE, THIRD
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Markdown, OptionList

from tui.models import Paper
from tui.screens.copy_menu import CopyMenu
from tui.screens.help import HelpScreen
from tui.screens.note import NoteEditor
from tui.screens.search import SearchScreen
from tui.screens.tags import TagEditor, clean_tags
from tui.store import Store

STYLES = Path(__file__).parent.parent / "styles"
SIZE = (100, 30)


class ModalHost(App[None]):
    """A bare app that opens one modal and keeps what it dismissed with."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        STYLES / "app.tcss",
        STYLES / "modals.tcss",
    ]

    def __init__(self, modal: Screen[Any]) -> None:
        super().__init__()
        self.modal = modal
        self.results: list[object] = []
        """What the modal dismissed with, once it has."""

    def on_mount(self) -> None:
        self.push_screen(self.modal, self.results.append)


def shown(widget: Widget) -> str:
    """The text a widget draws (border included), one line per row."""
    region = Region(0, 0, *widget.outer_size)
    return "\n".join(strip.text.rstrip() for strip in widget.render_lines(region))


def hits(app: ModalHost) -> str:
    return shown(app.screen.query_one("#hits"))


def status(app: ModalHost) -> str:
    return shown(app.screen.query_one("#search-status"))


@pytest.fixture
def loaded(store: Store) -> Store:
    """The crafted store with every month loaded, as after the background load."""
    store.load_all()
    return store


async def search_for(pilot: Pilot[None], query: str) -> None:
    """Type `query` into the search, then wait for its hits to be shown."""
    await pilot.press(*query)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


# Search


@pytest.mark.parametrize(
    ("query", "found"),
    [
        pytest.param("agents", THIRD, id="word"),
        pytest.param('"mixtures at"', SPARSE, id="phrase"),
        pytest.param("author:turing", SPARSE, id="author"),
        pytest.param("authors:dijkstra", THIRD, id="authors"),
        pytest.param("title:older", OLD, id="title-in-an-older-month"),
    ],
)
async def test_search_finds_and_enter_returns_the_id(
    loaded: Store, query: str, found: Paper
) -> None:
    app = ModalHost(SearchScreen(loaded))
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, query)
        assert found.title in hits(app)
        assert "1 hit" in status(app)
        await pilot.press("enter")
        assert app.results == [found.id]


async def test_search_shows_the_last_day_a_hit_was_featured(loaded: Store) -> None:
    app = ModalHost(SearchScreen(loaded))
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "paper")
        text = hits(app)
        assert f"{NEWEST}  Edsger Dijkstra, Barbara Liskov" in text
        assert f"{OLDEST}  John von Neumann" in text
        assert text.index(THIRD.title) < text.index(OLD.title)  # newest first
        await pilot.press(*["backspace"] * len("paper"))
        await search_for(pilot, "sparse")
        assert f"{NEWEST}  Alan Turing" in hits(app)  # featured on two days


async def test_search_highlights_the_matched_terms(loaded: Store) -> None:
    app = ModalHost(SearchScreen(loaded))
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, 'AGENT "third paper" authors:liskov')
        prompt = app.screen.query_one(OptionList).get_option_at_index(0).prompt
        highlighted = {
            prompt.plain[span.start : span.end]
            for span in prompt.spans
            if "bold" in str(span.style)
        }
        assert highlighted == {"Agent", "Third Paper", "Liskov"}


async def test_a_bracketed_title_shows_verbatim(loaded: Store) -> None:
    app = ModalHost(SearchScreen(loaded))
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "[0]")
        assert "Scaling [0] Heads" in hits(app)
        assert "Grace [b]Hopper[/b]" in hits(app)


async def test_down_moves_into_the_hits_and_up_comes_back(loaded: Store) -> None:
    app = ModalHost(SearchScreen(loaded))
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "a")
        hit_list = app.screen.query_one(OptionList)
        await pilot.press("down")
        assert app.focused is hit_list
        await pilot.press("down")
        assert hit_list.highlighted == 1
        await pilot.press("up", "up")
        assert isinstance(app.focused, Input)
        await pilot.press("down", "down", "enter")
        assert app.results == [hit_list.get_option_at_index(1).id]


async def test_typing_in_the_hits_goes_on_with_the_query(loaded: Store) -> None:
    app = ModalHost(SearchScreen(loaded))
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "pa")
        await pilot.press("down")
        await search_for(pilot, "per")
        query = app.screen.query_one(Input)
        assert app.focused is query
        assert query.value == "paper"
        assert "2 hits" in status(app)


async def test_escape_closes_the_search_with_nothing(loaded: Store) -> None:
    app = ModalHost(SearchScreen(loaded))
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "agents")
        await pilot.press("escape")
        assert app.results == [None]


async def test_search_says_when_older_papers_are_still_loading(store: Store) -> None:
    store.load_newest()
    app = ModalHost(SearchScreen(store))
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "paper")
        assert "1+ hit · still loading older papers" in status(app)
        assert OLD.title not in hits(app)

        store.load_all()  # as the main screen's background load would
        for _ in range(30):  # the screen looks twice a second
            await pilot.pause(0.1)
            await app.workers.wait_for_complete()
            await pilot.pause()
            if "loading" not in status(app):
                break
        assert status(app).strip() == "2 hits"
        assert OLD.title in hits(app)


async def test_no_hits_are_said_so(loaded: Store) -> None:
    app = ModalHost(SearchScreen(loaded))
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "quantum")
        assert "No hits" in status(app)
        await pilot.press("enter")  # nothing to open: the search stays
        assert app.results == []


# Copy menu


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        pytest.param("a", BRACKETED.abs_url, id="abstract"),
        pytest.param("m", f"[Scaling \\[0\\] Heads]({BRACKETED.abs_url})", id="md"),
        pytest.param("t", BRACKETED.title, id="title"),
    ],
)
async def test_a_form_key_copies_that_form(key: str, expected: str) -> None:
    app = ModalHost(CopyMenu(BRACKETED))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert app.results == [expected]


async def test_b_copies_a_bibtex_entry_with_the_eprint() -> None:
    app = ModalHost(CopyMenu(SPARSE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        [entry] = app.results
        assert isinstance(entry, str)
        assert entry.startswith("@misc{turing2025sparse,")
        assert "2506.00002" in entry
        assert "eprint" in entry


async def test_the_menu_previews_each_form_and_enter_copies_it() -> None:
    app = ModalHost(CopyMenu(BRACKETED))
    async with app.run_test(size=SIZE) as pilot:
        text = shown(app.screen.query_one(OptionList))
        assert "Markdown link" in text
        assert "[Scaling \\[0\\] Heads](https://arxiv.org/abs/2506.00001)" in text
        assert "@misc{lovelace2025scaling," in text  # BibTeX on one line
        await pilot.press("down", "enter")
        assert app.results == [BRACKETED.pdf_url]


async def test_forms_a_paper_lacks_are_not_offered() -> None:
    blog = Paper("url:https://example.org/post", "A Blog Post", extras={})
    blog.extras["link"] = ["https://example.org/post"]
    app = ModalHost(CopyMenu(blog))
    async with app.run_test(size=SIZE) as pilot:
        text = shown(app.screen.query_one(OptionList))
        assert "PDF link" not in text
        assert "arXiv id" not in text
        await pilot.press("p")  # no PDF: nothing happens
        assert app.results == []
        await pilot.press("a")
        assert app.results == ["https://example.org/post"]


async def test_escape_copies_nothing() -> None:
    app = ModalHost(CopyMenu(BRACKETED))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        assert app.results == [None]


# Tag editor


async def test_the_tag_editor_suggests_known_tags_and_returns_the_list() -> None:
    known = {"agents": 3, "alignment": 1, "retrieval": 2}
    app = ModalHost(TagEditor(BRACKETED.title, ["Retrieval"], known))
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one(Input)
        assert field.value == "Retrieval, "
        assert "agents 3" in shown(app.screen.query_one("#tags-known"))
        await pilot.press("A")
        await pilot.pause()
        assert field._suggestion == "Retrieval, agents"  # the most used "a" tag
        await pilot.press("right", ",", "space", "a", "l")
        await pilot.pause()
        assert field._suggestion == "Retrieval, agents, alignment"
        await pilot.press(",", ",", "enter")
        assert app.results == [["Retrieval", "agents", "al"]]


async def test_escape_leaves_the_tags_alone() -> None:
    app = ModalHost(TagEditor(BRACKETED.title, ["x"], {}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y", "escape")
        assert app.results == [None]


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("", []),
        (" a , b,, a ,", ["a", "b"]),
        ("two words, x", ["two words", "x"]),
    ],
)
def test_clean_tags(text: str, tags: list[str]) -> None:
    assert clean_tags(text) == tags


# Note editor


async def test_ctrl_s_saves_the_note() -> None:
    app = ModalHost(NoteEditor(BRACKETED.title, "First thought."))
    async with app.run_test(size=SIZE) as pilot:
        assert "Scaling [0] Heads" in shown(app.screen.query_one(".paper-title"))
        await pilot.press("enter", *"[0] stays", "ctrl+s")
        assert app.results == ["First thought.\n[0] stays"]


async def test_the_save_button_saves_and_escape_cancels() -> None:
    app = ModalHost(NoteEditor("T", ""))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"kept")
        await pilot.click("#save")
        assert app.results == ["kept"]

    app = ModalHost(NoteEditor("T", "old"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"new", "escape")
        assert app.results == [None]


# Help


@pytest.mark.parametrize("key", ["escape", "q", "question_mark"])
async def test_help_lists_the_keys_and_closes(key: str) -> None:
    app = ModalHost(HelpScreen())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        markdown = app.screen.query_one(Markdown)
        assert "mark every paper of the day read" in markdown.source
        assert isinstance(app.screen, HelpScreen)
        await pilot.press(key)
        assert app.results == [None]
        assert not isinstance(app.screen, HelpScreen)


def test_every_key_of_the_reader_is_in_the_help() -> None:
    text = (Path(__file__).parent.parent / "tui/screens/help.md").read_text()
    for key in [*"bcyoOmMnNhu[]/tesq?", "Tab", "Shift+Tab", "Enter", "Ctrl+P"]:
        assert f"`{key}`" in text, key
