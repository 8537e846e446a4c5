"""The reading workflow driven by keys: read marks, undo, days, copy, tags, notes."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pyperclip
import pytest
from crafted import BRACKETED, NEWEST, OLD, OLDER, OLDEST, SPARSE, THIRD, YESTERDAY
from test_app import (
    SIZE,
    assert_shows,
    detail,
    main_screen,
    notices,
    open_sidebar_entry,
    paper_list,
    shown,
)
from textual import events

from tui.app import PapersApp
from tui.screens import MainScreen
from tui.screens.copy_menu import CopyMenu
from tui.screens.help import HelpScreen
from tui.screens.note import NoteEditor
from tui.screens.search import SearchScreen
from tui.screens.tags import TagEditor
from tui.store import Store
from tui.widgets import DateSidebar, PaperDetail, PaperList


def sidebar(app: PapersApp) -> str:
    return shown(app.screen.query_one(DateSidebar))


def row_read(app: PapersApp, paper_id: str) -> bool:
    row = app.screen.query_one(PaperList).row(paper_id)
    assert row is not None
    return row.read


# Read state


async def test_a_paper_shown_long_enough_counts_as_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MainScreen, "READ_DELAY", 60)
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f"{NEWEST}    3/3" in sidebar(app)
        monkeypatch.setattr(MainScreen, "READ_DELAY", 0.2)
        await pilot.press("j")  # BRACKETED was shown too briefly to count
        await pilot.pause(0.5)
        assert not store.is_read(BRACKETED.id)
        assert store.is_read(SPARSE.id)
        assert row_read(app, SPARSE.id)
        assert f"{NEWEST}    2/3" in sidebar(app)
        assert f"{OLDER}    1/2" in sidebar(app)  # SPARSE is featured there too


async def test_a_modal_on_top_pauses_the_read_timer(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MainScreen, "READ_DELAY", 60)
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(MainScreen, "READ_DELAY", 0.3)
        await pilot.press("j", "question_mark")  # the help hides the detail
        await pilot.pause(0.6)
        assert not store.is_read(SPARSE.id)
        await pilot.press("escape")
        await pilot.pause(0.6)
        assert store.is_read(SPARSE.id)


async def test_m_toggles_the_read_mark(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert store.is_read(BRACKETED.id)
        assert row_read(app, BRACKETED.id)
        assert f"{NEWEST}    2/3" in sidebar(app)
        await pilot.press("m")
        await pilot.pause()
        assert not store.is_read(BRACKETED.id)
        assert not row_read(app, BRACKETED.id)


async def test_n_and_shift_n_walk_the_unread_papers_across_days(
    store: Store,
) -> None:
    store.set_read([SPARSE.id], True)
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert_shows(app, THIRD)  # SPARSE is read: skipped
        await pilot.press("n")
        await pilot.pause()
        assert main_screen(app).day == OLDER
        assert_shows(app, YESTERDAY)
        await pilot.press("n")
        await pilot.pause()
        assert main_screen(app).day == OLDEST
        assert_shows(app, OLD)
        await pilot.press("N")
        await pilot.pause()
        assert main_screen(app).day == OLDER
        assert_shows(app, YESTERDAY)
        await pilot.press("N")
        await pilot.pause()
        assert main_screen(app).day == NEWEST
        assert_shows(app, THIRD)  # the last unread paper of that day


async def test_shift_m_marks_the_day_read_and_u_undoes_it(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("M")
        await pilot.pause()
        assert store.unread_on(NEWEST) == 0
        assert f"{NEWEST}    0/3" in sidebar(app)
        assert all(row_read(app, paper.id) for paper in (BRACKETED, SPARSE, THIRD))
        assert "Marked 2025-06-30 read (3 papers)" in notices(app)

        await pilot.press("u")
        await pilot.pause()
        assert store.unread_on(NEWEST) == 3
        assert f"{NEWEST}    3/3" in sidebar(app)
        assert not row_read(app, SPARSE.id)
        assert "Undone: mark 2025-06-30 read" in notices(app)


async def test_h_hides_and_shows_the_read_papers(store: Store) -> None:
    store.set_read([SPARSE.id], True)
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert SPARSE.title not in paper_list(app)
        assert THIRD.title in paper_list(app)
        await pilot.press("h")
        await pilot.pause()
        assert SPARSE.title in paper_list(app)


# Undo


async def test_u_undoes_a_bookmark_and_says_so(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo" in notices(app)
        await pilot.press("b")
        await pilot.pause()
        assert f"★ {BRACKETED.title}" in paper_list(app)
        await pilot.press("u")
        await pilot.pause()
        assert not store.is_bookmarked(BRACKETED.id)
        assert f"★ {BRACKETED.title}" not in paper_list(app)
        assert f"Undone: bookmark {BRACKETED.id}" in notices(app)
        assert "Bookmarks    0" in sidebar(app)
        assert "Scaling [0] Heads" in detail(app)


# Days


async def test_brackets_step_to_the_older_and_newer_day(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert main_screen(app).day == OLDER
        assert_shows(app, YESTERDAY)
        assert app.screen.query_one(DateSidebar).cursor == 2
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert main_screen(app).day == OLDEST
        assert "No older day" in notices(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert main_screen(app).day == OLDER


async def test_the_palette_jumps_to_a_typed_date(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"2025-05-15")
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert main_screen(app).day == OLDEST
        assert_shows(app, OLD)


async def test_the_palette_runs_the_readers_actions(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"bookmark")
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert store.is_bookmarked(BRACKETED.id)


# Copying and opening


@pytest.fixture
def clipboard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A desktop session whose clipboard keeps what was copied."""
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    monkeypatch.delenv("SSH_TTY", raising=False)
    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    return copied


async def test_y_copies_the_form_chosen_in_the_copy_menu(
    store: Store, clipboard: list[str]
) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CopyMenu)
        await pilot.press("escape")  # nothing copied
        await pilot.pause()
        assert clipboard == []
        await pilot.press("j", "y")
        await pilot.pause()
        await pilot.press("m")  # the Markdown link
        await pilot.pause()
        assert clipboard == [f"[{SPARSE.title}]({SPARSE.abs_url})"]
        assert "Copied to the clipboard" in notices(app)
        assert isinstance(app.screen, MainScreen)


@pytest.mark.parametrize(
    ("key", "link"), [("o", BRACKETED.abs_url), ("O", BRACKETED.pdf_url)]
)
async def test_o_opens_the_abstract_and_shift_o_the_pdf(
    store: Store, monkeypatch: pytest.MonkeyPatch, key: str, link: str
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    monkeypatch.delenv("SSH_TTY", raising=False)
    opened: list[str] = []

    def open_tab(url: str, new: int = 0) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", open_tab)
    app = PapersApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert opened == [link]
        assert f"Opened {link}" in notices(app)


async def test_o_over_ssh_shows_the_link_instead(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 22 10.0.0.2 22")
    app = PapersApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert "SSH" in notices(app)
        assert BRACKETED.abs_url in notices(app)


# Search


async def test_slash_searches_and_opens_the_chosen_paper_in_its_day(
    store: Store,
) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"retrieval")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert main_screen(app).day == OLDER
        assert_shows(app, YESTERDAY)


async def test_escape_leaves_the_search_where_you_were(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "slash")
        await pilot.pause()
        await pilot.press(*"retrieval", "escape")
        await pilot.pause()
        assert main_screen(app).day == NEWEST
        assert_shows(app, SPARSE)


# Tags and notes


async def test_t_tags_a_paper_and_the_sidebar_lists_the_tag(store: Store) -> None:
    store.set_tags(THIRD.id, ["agents"])
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagEditor)
        await pilot.press(*"agents, [b]x", "enter")
        await pilot.pause()
        assert store.tags_of(BRACKETED.id) == ["agents", "[b]x"]
        assert "#agents #[b]x" in paper_list(app)
        assert "Tags #agents #[b]x" in detail(app)
        assert "# agents       2" in sidebar(app)

        await open_sidebar_entry(pilot, "end")  # tags sort by name: "agents" is last
        assert main_screen(app).tag == "agents"
        assert BRACKETED.title in paper_list(app)
        assert THIRD.title in paper_list(app)
        assert SPARSE.title not in paper_list(app)
        assert "# agents" in paper_list(app)  # the list's title


async def test_the_palette_opens_a_tag(store: Store) -> None:
    store.set_tags(THIRD.id, ["planning"])
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"#plan")
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert main_screen(app).tag == "planning"
        assert_shows(app, THIRD)


async def test_e_writes_a_note_shown_in_the_detail(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"read [this]", "ctrl+s")
        await pilot.pause()
        assert store.note_of(BRACKETED.id) == "read [this]"
        assert "Note read [this]" in detail(app)
        await pilot.press("u")
        await pilot.pause()
        assert store.note_of(BRACKETED.id) == ""
        assert "read [this]" not in detail(app)


async def test_the_detail_names_the_other_days_of_a_paper(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert f"Also on {OLDER}" in detail(app)
        await pilot.press("j")
        await pilot.pause()
        assert "Also on" not in detail(app)  # THIRD was featured once


# The watch list


async def test_papers_on_the_watch_list_are_marked(store: Store, config: Path) -> None:
    config.write_text(
        '[watch]\nauthors = ["turing"]\nkeywords = ["Agents"]\n', encoding="utf-8"
    )
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = paper_list(app)
        assert f"◆ {SPARSE.title}" in rows
        assert f"◆ {THIRD.title}" in rows
        assert f"   {BRACKETED.title}" in rows
        assert f"{NEWEST}    3/3   ◆2" in sidebar(app)
        assert f"{OLDER}    2/2   ◆1" in sidebar(app)
        assert f"{OLDEST}    1/1  " in sidebar(app)
        assert "◆" not in sidebar(app).split(OLDEST)[1].splitlines()[0]
        await pilot.press("j")
        await pilot.pause()
        assert "◆ Watching turing" in detail(app)


async def test_a_broken_config_is_named_and_the_watch_list_is_off(
    store: Store, config: Path
) -> None:
    config.write_text("[watch\n", encoding="utf-8")
    app = PapersApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "the watch list is off" in notices(app)
        assert "◆" not in paper_list(app)


# Help, theme and the place of last time


async def test_question_mark_shows_the_help(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_the_theme_and_the_place_are_kept_for_the_next_start(
    library_folder: Path,
) -> None:
    with Store(library_folder) as store:
        app = PapersApp(store)
        async with app.run_test(size=SIZE) as pilot:
            app.theme = "nord"  # as the palette's theme picker does
            await pilot.press("left_square_bracket", "j")
            await pilot.pause()
            assert_shows(app, SPARSE)
            await pilot.press("q")

    with Store(library_folder) as store:
        assert store.state.setting("theme") == "nord"
        app = PapersApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.theme == "nord"
            assert main_screen(app).day == OLDER
            assert_shows(app, SPARSE)
            assert app.screen.query_one(DateSidebar).cursor == 2


async def test_a_place_in_an_older_month_opens_once_it_is_loaded(
    library_folder: Path,
) -> None:
    with Store(library_folder) as store:
        store.state.set_setting("last_day", OLDEST)
        store.state.set_setting("last_paper", OLD.id)
        store.state.set_setting("newest_day", NEWEST)  # as a real close saves it
    with Store(library_folder) as store:
        store.load_newest()  # as the CLI does: May stays for the background load
        app = PapersApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert main_screen(app).day == OLDEST
            assert_shows(app, OLD)


async def test_newer_days_since_last_time_open_on_the_newest(
    library_folder: Path,
) -> None:
    """After an import brings newer days, the reader opens on the newest one."""
    with Store(library_folder) as store:
        store.state.set_setting("last_day", OLDER)
        store.state.set_setting("last_paper", SPARSE.id)
        store.state.set_setting("newest_day", OLDER)  # NEWEST came in since
    with Store(library_folder) as store:
        app = PapersApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert main_screen(app).day == NEWEST


# Layout


def sidebar_displayed(app: PapersApp) -> bool:
    return app.screen.query_one(DateSidebar).display


async def test_the_sidebar_folds_away_on_a_narrow_terminal(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not sidebar_displayed(app)
        assert_shows(app, BRACKETED)
        await pilot.press("s")  # the days, as a drawer over the list
        await pilot.pause()
        assert sidebar_displayed(app)
        assert isinstance(app.focused, DateSidebar)
        assert f"{NEWEST}    3/3" in sidebar(app)
        await pilot.press("j", "enter")  # a day chosen: the drawer folds away
        await pilot.pause()
        assert not sidebar_displayed(app)
        assert isinstance(app.focused, PaperList)
        assert_shows(app, YESTERDAY)
        await pilot.press("s", "s")  # hidden while focused: focus goes to the list
        await pilot.pause()
        assert not sidebar_displayed(app)
        assert isinstance(app.focused, PaperList)

        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert sidebar_displayed(app)
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert not sidebar_displayed(app)


async def test_nothing_breaks_at_40_by_12(store: Store) -> None:
    app = PapersApp(store)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("j", "s", "left_square_bracket", "n", "tab", "j", "tab")
        await pilot.pause()
        for key in ("question_mark", "slash", "y", "t", "e"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, MainScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
        await pilot.press("s")
        await pilot.pause()
        paper_id = main_screen(app).paper_id
        assert paper_id is not None
        assert paper_id in detail(app)
        assert app.screen.query_one(PaperDetail).size.width >= 20


# Keys faster than messages


async def test_keys_sent_at_once_act_on_the_paper_under_the_cursor(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`j b` typed in one burst (SSH, paste) bookmarks the second paper."""
    monkeypatch.setattr(MainScreen, "READ_DELAY", 60)
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("j", "b"):
            app.post_message(events.Key(key, key))
        await pilot.pause()
        assert [mark.id for mark in store.bookmarks()] == [SPARSE.id]


async def test_a_day_opened_and_bookmarked_in_one_burst(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Enter b` on another day bookmarks that day's first paper, not the old one."""
    monkeypatch.setattr(MainScreen, "READ_DELAY", 60)
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+tab", "down")  # the sidebar, on the older day
        for key in ("enter", "b"):
            app.post_message(events.Key(key, None))
        await pilot.pause()
        (mark,) = store.bookmarks()
        assert mark.id in store.ids_on(OLDER)
        assert mark.id == app.screen.query_one(PaperList).current_id


async def test_a_read_hit_opens_even_while_read_papers_are_hidden(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MainScreen, "READ_DELAY", 60)
    store.set_read([YESTERDAY.id], True)
    app = PapersApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "slash")
        await pilot.press(*"retrieval")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not main_screen(app).hide_read
        assert main_screen(app).day == OLDER
        assert_shows(app, YESTERDAY)
