"""The reader driven like a user would: keys in, then what the panes draw."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pyperclip
import pytest
from crafted import BRACKETED, NEWEST, OLD, OLDER, SPARSE, THIRD, YESTERDAY
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.message import Message
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from tui.app import PapersApp
from tui.models import Paper
from tui.screens import MainScreen
from tui.store import Store
from tui.widgets import DateSidebar, PaperDetail, PaperList, Row

SIZE = (120, 40)
SAMPLE_HINT = "Showing the bundled sample digest. Import your own: papers import FOLDER"


def shown(widget: Widget) -> str:
    """The text a widget draws (border included), one line per row."""
    region = Region(0, 0, *widget.outer_size)
    return "\n".join(strip.text.rstrip() for strip in widget.render_lines(region))


def paper_list(app: PapersApp) -> str:
    return shown(app.screen.query_one(PaperList))


def flat(text: str) -> str:
    """`text` with each run of spaces and line breaks made one space, undoing wraps."""
    return " ".join(text.split())


def detail(app: PapersApp) -> str:
    """What the detail pane draws, unwrapped."""
    parts = app.screen.query_one(PaperDetail).query(Static)
    return flat(" ".join(shown(part) for part in parts if part.display))


def notices(app: PapersApp) -> str:
    """The text of every notification on screen."""
    toasts = app.screen.query("Toast").results(Static)
    return "\n".join(str(toast.render()) for toast in toasts)


def main_screen(app: PapersApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def assert_shows(app: PapersApp, paper: Paper) -> None:
    """The detail pane shows `paper`, and it is under the list's cursor."""
    assert main_screen(app).paper_id == paper.id
    text = detail(app)
    assert flat(paper.title) in text
    assert flat(", ".join(paper.authors)) in text
    assert flat(paper.summary) in text


async def open_sidebar_entry(pilot: Pilot[None], *moves: str) -> None:
    """Focus the sidebar from the paper list, move its cursor, press enter."""
    await pilot.press("shift+tab", *moves, "enter")
    await pilot.pause()


async def test_opens_on_the_newest_day_with_its_first_paper(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert main_screen(app).day == NEWEST
        assert isinstance(app.focused, PaperList)
        titles = [paper.title for paper in (BRACKETED, SPARSE, THIRD)]
        lines = paper_list(app)
        assert [lines.index(title) for title in titles] == sorted(
            lines.index(title) for title in titles
        )
        assert_shows(app, BRACKETED)
        assert "2025-06-29" in shown(app.screen.query_one(DateSidebar))
        assert "★ Bookmarks" in shown(app.screen.query_one(DateSidebar))


async def test_choosing_a_day_lists_its_papers_and_j_k_move(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+tab")
        assert isinstance(app.focused, DateSidebar)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert main_screen(app).day == OLDER
        assert isinstance(app.focused, PaperList)
        assert YESTERDAY.title in paper_list(app)
        assert BRACKETED.title not in paper_list(app)
        assert_shows(app, YESTERDAY)

        await pilot.press("j")
        await pilot.pause()
        assert_shows(app, SPARSE)
        assert f"Also on {NEWEST}" in detail(app)  # featured on both days
        await pilot.press("k")
        await pilot.pause()
        assert_shows(app, YESTERDAY)


async def test_arrow_keys_reach_a_day_in_an_older_month(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_sidebar_entry(pilot, "down", "down")
        assert_shows(app, OLD)


async def test_tab_and_shift_tab_change_pane(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert isinstance(app.focused, PaperDetail)
        await pilot.press("tab")
        assert isinstance(app.focused, DateSidebar)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, PaperDetail)


async def test_a_bookmark_survives_quitting_and_reopening(
    library_folder: Path,
) -> None:
    with Store(library_folder) as store:
        app = PapersApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "b")
            await pilot.pause()
            assert f"★ {SPARSE.title}" in paper_list(app)
            assert f"★ {BRACKETED.title}" not in paper_list(app)
            await pilot.press("q")
            assert app.return_code == 0

    with Store(library_folder) as store:
        app = PapersApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert f"★ {SPARSE.title}" in paper_list(app)
            await open_sidebar_entry(pilot, "home")
            assert main_screen(app).day is None
            assert "Bookmarks" in paper_list(app)
            assert f"★ {SPARSE.title}" in paper_list(app)
            assert THIRD.title not in paper_list(app)
            assert_shows(app, SPARSE)


async def test_dropping_a_bookmark_in_the_bookmarks_view(store: Store) -> None:
    store.toggle_bookmark(THIRD.id)
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_sidebar_entry(pilot, "home")
        assert f"★ {THIRD.title}" in paper_list(app)
        assert "Bookmarks    1" in shown(app.screen.query_one(DateSidebar))

        await pilot.press("b")
        await pilot.pause()
        assert not store.is_bookmarked(THIRD.id)
        assert f"★ {THIRD.title}" not in paper_list(app)
        assert THIRD.title in paper_list(app)  # kept, so b can undo it
        assert "Bookmarks    0" in shown(app.screen.query_one(DateSidebar))


async def test_bookmarks_of_papers_not_loaded_yet_show_their_title(
    library_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(library_folder) as store:
        store.load_all()
        store.toggle_bookmark(OLD.id)
    with Store(library_folder) as store:
        # Keep May's partition unloaded, as if the background load were slow.
        monkeypatch.setattr(store, "load_all", lambda progress=None: None)
        app = PapersApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await open_sidebar_entry(pilot, "home")
            assert f"★ {OLD.title}" in paper_list(app)
            assert OLD.title in detail(app)
            assert "still loading" in detail(app)
            assert OLD.abs_url in detail(app)


async def test_the_rest_of_the_library_loads_in_the_background(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert store.fully_loaded


@pytest.fixture
def desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    """A local session with a display, so the desktop clipboard is tried first."""
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    monkeypatch.delenv("SSH_TTY", raising=False)


@pytest.mark.usefixtures("desktop")
async def test_c_copies_the_abstract_link_to_the_clipboard(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    app = PapersApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert copied == [BRACKETED.abs_url]
        assert app.clipboard == ""  # no OSC 52 needed
        assert "Copied to the clipboard" in notices(app)
        assert BRACKETED.abs_url in notices(app)


@pytest.mark.usefixtures("desktop")
async def test_c_falls_back_to_osc52_without_a_clipboard_program(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_mechanism(text: str) -> None:
        raise pyperclip.PyperclipException("could not find a copy/paste mechanism")

    monkeypatch.setattr(pyperclip, "copy", no_mechanism)
    app = PapersApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "c")
        await pilot.pause()
        assert app.clipboard == SPARSE.abs_url
        assert "OSC 52" in notices(app)
        assert SPARSE.abs_url in notices(app)


async def test_digest_text_is_shown_verbatim_never_as_markup(store: Store) -> None:
    app = PapersApp(store, notices=["A [b]notice[/b] with [/INST]"])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "Scaling [0] Heads" in paper_list(app)
        text = detail(app)
        assert "Scaling [0] Heads" in text
        assert "Grace [b]Hopper[/b]" in text
        assert "[/INST]" in text
        assert "[bold]no markup[/bold]" in text
        assert "A [b]notice[/b] with [/INST]" in notices(app)


async def test_a_read_only_library_says_why_b_cannot_save(
    library_folder: Path,
) -> None:
    with Store(library_folder, read_only=True) as store:
        app = PapersApp(store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("b")
            await pilot.pause()
            assert "read-only" in notices(app)
            assert not store.is_bookmarked(BRACKETED.id)
            assert f"★ {BRACKETED.title}" not in paper_list(app)


async def test_notices_show_at_start(library_folder: Path) -> None:
    with Store(library_folder), Store(library_folder, busy_read_only=True) as busy:
        app = PapersApp(busy, notices=[SAMPLE_HINT])
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert SAMPLE_HINT in notices(app)
            assert "read-only" in notices(app).lower()


async def test_an_empty_library_says_how_to_import(tmp_path: Path) -> None:
    with Store(tmp_path / "empty") as store:
        app = PapersApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("b", "c", "j")
            await pilot.pause()
            assert main_screen(app).paper_id is None
            assert "papers import FOLDER" in detail(app)


async def test_the_footer_names_the_keys(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = " ".join(shown(key) for key in app.screen.query("FooterKey"))
        for description in ("Bookmark", "Copy link", "Quit"):
            assert description in footer


async def test_the_footer_follows_the_focus(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+tab")
        await pilot.pause()
        assert "Open day" in footer_text(app)
        await pilot.press("tab")
        await pilot.pause()
        assert "Open day" not in footer_text(app)
        assert "Bookmark" in footer_text(app)


def footer_text(app: PapersApp) -> str:
    return " ".join(shown(key) for key in app.screen.query("FooterKey"))


async def test_clicking_a_day_opens_it_and_a_paper_shows_it(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Row 1 under the border is the bookmarks; the days follow, newest first.
        await pilot.click(DateSidebar, offset=(3, 3))
        await pilot.pause()
        assert main_screen(app).day == OLDER
        assert isinstance(app.focused, PaperList)
        await pilot.click(PaperList, offset=(5, 2))  # the day's second paper
        await pilot.pause()
        assert_shows(app, SPARSE)


class OnePane(App[None]):
    """One pane on its own, to drive it with keys and read what it draws."""

    CSS = "PaperList, DateSidebar { width: 30; height: 1fr; border: round $accent; }"

    def __init__(self, pane: Widget, fill: Callable[[], object] = lambda: None) -> None:
        super().__init__()
        self.pane = pane
        self.fill = fill
        """Called on mount, before the first layout, as the main screen fills its."""

    def compose(self) -> ComposeResult:
        yield self.pane

    def on_mount(self) -> None:
        self.fill()


class CountingSidebar(DateSidebar):
    """A sidebar that counts the rows it is asked to draw."""

    drawn = 0

    def item_line(self, item: int, line: int) -> list[tuple[str, str]]:
        self.drawn += 1
        return super().item_line(item, line)


async def test_the_sidebar_draws_only_the_rows_on_screen() -> None:
    newest = date(2025, 6, 30)
    days = [((newest - timedelta(days=back)).isoformat(), 16) for back in range(6250)]
    sidebar = CountingSidebar()
    posted: list[Message] = []

    def fill() -> None:
        sidebar.show_days(days, 3)
        sidebar.highlight_day(days[0][0])

    app = OnePane(sidebar, fill)
    async with app.run_test(size=(40, 20), message_hook=posted.append) as pilot:
        sidebar.focus()
        await pilot.pause()
        assert "★ Bookmarks    3" in shown(sidebar)
        assert days[0][0] in shown(sidebar)
        assert 0 < sidebar.drawn < 100  # a few screens of rows, not 6,251

        await pilot.press("end")
        await pilot.pause()
        assert days[-1][0] in shown(sidebar)
        await pilot.press("home", "pagedown", "k", "enter")
        await pilot.pause()
        # The hook sees a message at each node it bubbles through: keep one of each.
        selected = {id(m): m for m in posted if isinstance(m, DateSidebar.DateSelected)}
        opened = [message.date for message in selected.values()]
        assert opened == [days[sidebar.cursor - 1][0]]
        assert sidebar.cursor > 10  # a page down, one up
        assert opened[0] in shown(sidebar)
        assert sidebar.drawn < 200


async def test_long_titles_wrap_in_the_paper_list() -> None:
    title = "A Very Long Title About Sparse Mixtures of Experts at Scale"
    paper_list = PaperList()
    app = OnePane(paper_list)
    async with app.run_test(size=(40, 20)) as pilot:
        paper_list.show_papers([Row("2506.09999", title, bookmarked=True)])
        await pilot.pause()
        lines = [line for line in shown(paper_list).splitlines() if line.strip("│ ")]
        title_lines = lines[1:-1]  # between the borders
        assert len(title_lines) > 1
        assert title_lines[0].startswith("│★ A Very")
        assert flat(" ".join(line.strip("│ ★") for line in title_lines)) == title
