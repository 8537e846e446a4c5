"""Benchmark the library at several sizes and print a table (not a timed test).

    python bench/run.py                       # 5,000 / 30,000 / 100,000 papers
    python bench/run.py --sizes 5000 --json   # last line: one JSON object by size

Per size: a synthetic library built from the shared corpus, then
- first_paint_ratio: the reader's first frame ÷ a bare app's, the same layout
  of Textual's stock widgets with no data (bench/first_paint.py; each a fresh
  process, median of three, same run);
- date_switch_ms: Enter on another day in the sidebar until the first frame
  that shows it (see date_switch_figures), with date_switch_handler_ms, the
  part spent in our handler, and date_switch_pilot_ms, the same through Pilot;
- search_ms: one search keystroke (each prefix of a few queries), median;
- bookmark_ms: one bookmark toggle, durable on disk, median;
- peak_rss_mb: the reader's peak memory once the whole library is loaded
  (median of the three runs' peaks; peak_rss_max_mb, the highest of them);
- library_mb: the library folder's size on disk.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synth import synthetic_digests
from tui.library import MergeCounts
from tui.store import Store

HERE = Path(__file__).resolve().parent
QUERIES = ["diffusion", "reasoning model", "author:wang", "transformer"]
RUNS = 3


def build_library(folder: Path, size: int) -> float:
    started = time.perf_counter()
    with Store(folder) as store:
        counts = MergeCounts()
        store.merge_digests(
            ((digest, digest.source) for digest in synthetic_digests(size)), counts
        )
        store.commit()
    return time.perf_counter() - started


def first_paint(*arguments: str) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, str(HERE / "first_paint.py"), *arguments],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def paint_figures(folder: Path) -> dict[str, float]:
    bare, reader, rss = [], [], []
    for _ in range(RUNS):
        bare.append(first_paint("bare")["first_paint_s"])
        measured = first_paint("reader", str(folder))
        reader.append(measured["first_paint_s"])
        rss.append(measured["peak_rss_mb"])
    return {
        "first_paint_s": statistics.median(reader),
        "bare_paint_s": statistics.median(bare),
        "first_paint_ratio": statistics.median(reader) / statistics.median(bare),
        "peak_rss_mb": statistics.median(rss),
        "peak_rss_max_mb": max(rss),
    }


def store_figures(folder: Path) -> dict[str, float]:
    with Store(folder) as store:
        store.load_all()
        searches = []
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                started = time.perf_counter()
                store.search(query[:end])
                searches.append(time.perf_counter() - started)
        ids = [paper.id for paper in store.papers_on(store.dates()[0])]
        toggles = []
        for paper_id in ids * 2:
            started = time.perf_counter()
            store.toggle_bookmark(paper_id)
            toggles.append(time.perf_counter() - started)
    return {
        "search_ms": statistics.median(searches) * 1000,
        "search_max_ms": max(searches) * 1000,
        "bookmark_ms": statistics.median(toggles) * 1000,
    }


SWITCHES = 20


async def date_switch_figures(folder: Path) -> dict[str, float]:
    """Time day switches in the reader at 120x40, the whole library loaded.

    Each switch moves the sidebar's cursor one day down, lets the app go idle,
    then posts an Enter key event to the app (as the terminal driver does) and
    times, median of 20 switches:

    - date_switch_ms: from posting Enter to the end of the first frame the
      compositor hands to the terminal that shows the new day (its papers in the
      list, the first one in the detail pane). Headless, so the write to a real
      terminal is not included; work Textual defers past that frame (the
      footer's new keys) is not either.
    - date_switch_handler_ms: the part spent in the screen's day handler: the
      Store's papers_on, filling the list and the detail pane.
    - date_switch_pilot_ms: `await pilot.press("enter")`, which also waits for
      the app to go idle (deferred work included) plus Pilot's own sleeps.
    """
    from textual import events
    from textual.screen import Screen

    from tui.app import PapersApp
    from tui.screens import MainScreen

    class TimedScreen(MainScreen):
        """The main screen, timing its day handler."""

        handler_s: ClassVar[list[float]] = []

        def open_view(self, day: str | None, **options: Any) -> None:
            started = time.perf_counter()
            super().open_view(day, **options)
            self.handler_s.append(time.perf_counter() - started)

    class FrameClock(PapersApp):
        """The reader, noting when a frame first shows a day other than `left`."""

        left: str | None = None
        shown_at = 0.0
        shown = asyncio.Event()

        def get_default_screen(self) -> MainScreen:
            return TimedScreen(self.store)

        def _display(self, screen: Screen[Any], renderable: Any) -> None:
            super()._display(screen, renderable)
            day = getattr(screen, "day", self.left)
            if renderable is not None and not self.shown.is_set() and day != self.left:
                self.shown_at = time.perf_counter()
                self.shown.set()

    with Store(folder, read_only=True) as store:
        store.load_all()
        app = FrameClock(store)
        frame, pilot_press = [], []
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("shift+tab")
            for _ in range(SWITCHES):
                await pilot.press("down")
                await pilot.pause()
                app.left = screen.day
                app.shown.clear()
                started = time.perf_counter()
                app.post_message(events.Key("enter", "\r"))
                await app.shown.wait()
                frame.append(app.shown_at - started)
                await pilot.pause()
                await pilot.press("shift+tab")
            handler = TimedScreen.handler_s[-SWITCHES:]
            for _ in range(SWITCHES):
                await pilot.press("down")
                started = time.perf_counter()
                await pilot.press("enter")
                pilot_press.append(time.perf_counter() - started)
                await pilot.press("shift+tab")
    return {
        "date_switch_ms": statistics.median(frame) * 1000,
        "date_switch_handler_ms": statistics.median(handler) * 1000,
        "date_switch_pilot_ms": statistics.median(pilot_press) * 1000,
    }


def folder_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.iterdir()) / 1e6


def measure(size: int, root: Path) -> dict[str, float]:
    folder = root / str(size)
    build_s = build_library(folder, size)
    figures = {"papers": size, "build_s": build_s, "library_mb": folder_mb(folder)}
    figures.update(paint_figures(folder))
    figures.update(store_figures(folder))
    figures.update(asyncio.run(date_switch_figures(folder)))
    return figures


COLUMNS = [
    ("papers", "{:,.0f}"),
    ("library_mb", "{:.1f}"),
    ("build_s", "{:.2f}"),
    ("bare_paint_s", "{:.3f}"),
    ("first_paint_s", "{:.3f}"),
    ("first_paint_ratio", "{:.2f}"),
    ("date_switch_ms", "{:.1f}"),
    ("date_switch_handler_ms", "{:.1f}"),
    ("date_switch_pilot_ms", "{:.1f}"),
    ("search_ms", "{:.1f}"),
    ("search_max_ms", "{:.1f}"),
    ("bookmark_ms", "{:.2f}"),
    ("peak_rss_mb", "{:.0f}"),
    ("peak_rss_max_mb", "{:.0f}"),
]


def print_table(results: dict[int, dict[str, float]]) -> None:
    print("| " + " | ".join(name for name, _ in COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for figures in results.values():
        cells = [form.format(figures[name]) for name, form in COLUMNS]
        print("| " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,30000,100000")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    results = {}
    with tempfile.TemporaryDirectory(prefix="papers-bench-") as root:
        for size in sizes:
            results[size] = measure(size, Path(root))
            print(f"measured {size:,} papers", file=sys.stderr)
    print_table(results)
    if arguments.json:
        print(json.dumps({str(size): figures for size, figures in results.items()}))


if __name__ == "__main__":
    main()
