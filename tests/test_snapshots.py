"""How the reader looks, at fixed sizes on the crafted library.

Nothing on these screens depends on the clock: the read timer is pushed out of
reach, and the crafted papers have fixed days. Update the baselines with
`pytest --snapshot-update` only after reading the report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from crafted import SPARSE, THIRD, YESTERDAY
from textual.pilot import Pilot
from textual.widgets import Input

from tui.app import PapersApp
from tui.screens import MainScreen
from tui.store import Store

Compare = Callable[..., bool]


@pytest.fixture
def reader(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PapersApp:
    """The reader on the crafted library, with a mark of each kind to show."""
    monkeypatch.setattr(MainScreen, "READ_DELAY", 3600)  # no read mark mid-shot
    config = tmp_path / "config.toml"
    config.write_text('[watch]\nauthors = ["Turing"]\n', encoding="utf-8")
    monkeypatch.setenv("PAPERS_CONFIG", str(config))
    store.toggle_bookmark(SPARSE.id)
    store.set_tags(THIRD.id, ["agents", "planning"])
    store.set_note(THIRD.id, "Compare with the [ReAct] baseline.")
    store.set_read([YESTERDAY.id], True)
    return PapersApp(store)


async def loaded(pilot: Pilot[None]) -> None:
    """Wait for the background load; it starts after the first frame."""
    app = pilot.app
    assert isinstance(app, PapersApp)
    while not app.store.fully_loaded:
        await pilot.pause(0.05)
    await app.workers.wait_for_complete()
    await pilot.pause()


def pressing(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Wait for the background load (it changes counts and notes), then press."""

    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_main_screen(snap_compare: Compare, reader: PapersApp) -> None:
    # j j: the third paper, with its tags and note in the detail.
    shot = pressing("j", "j")
    assert snap_compare(reader, run_before=shot, terminal_size=(120, 30))


def test_help(snap_compare: Compare, reader: PapersApp) -> None:
    shot = pressing("question_mark")
    assert snap_compare(reader, run_before=shot, terminal_size=(100, 30))


def test_search_results(snap_compare: Compare, reader: PapersApp) -> None:
    async def search(pilot: Pilot[None]) -> None:
        await loaded(pilot)  # else "still loading" shows
        await pilot.press("slash")
        pilot.app.screen.query_one(Input).cursor_blink = False  # a steady cursor
        await pilot.press(*"scale")  # one title has the word
        await pilot.pause(0.4)  # past the search's debounce
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(reader, run_before=search, terminal_size=(100, 30))


def test_narrow_layout(snap_compare: Compare, reader: PapersApp) -> None:
    # 80 columns: the days fold away; [ opens the older day, with a read paper.
    shot = pressing("left_square_bracket")
    assert snap_compare(reader, run_before=shot, terminal_size=(80, 24))
