"""Time one process from start to the first frame of the reader, or of a bare app.

Run by bench/run.py in a fresh process per measurement:

    python bench/first_paint.py reader LIBRARY    # the real reader on LIBRARY
    python bench/first_paint.py bare              # same widgets, no data

Prints one JSON line: `first_paint_s`, and for the reader also `peak_rss_mb`
once the background load of the whole library has finished.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import Horizontal, VerticalScroll  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Footer, OptionList, Static  # noqa: E402

SIZE = (120, 40)


class FirstFrame:
    """Mixin: note the time of the first frame that shows filled lists, then exit."""

    painted: float | None = None
    wait_for_library: bool = False

    def _display(self, screen: Screen[Any], renderable: Any) -> None:
        super()._display(screen, renderable)  # type: ignore[misc]
        if self.painted is None and renderable is not None and self.filled(screen):
            self.painted = time.perf_counter() - STARTED
            self.finish()

    def filled(self, screen: Screen[Any]) -> bool:
        return True

    def finish(self) -> None:
        self.exit()  # type: ignore[attr-defined]


class BareApp(FirstFrame, App[None]):
    """The reader's panes with no data: the floor for a first frame."""

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield OptionList()
            yield OptionList()
            with VerticalScroll():
                yield Static()
        yield Footer()


def reader_app(library: Path) -> App[None]:
    from tui.app import PapersApp
    from tui.store import Store
    from tui.widgets import DateSidebar, PaperList

    store = Store(library, read_only=True)
    store.load_newest()

    class TimedReader(FirstFrame, PapersApp):
        def filled(self, screen: Screen[Any]) -> bool:
            days = screen.query(DateSidebar)
            papers = screen.query(PaperList)
            return bool(
                days and days.first().item_count > 1 and papers.first().item_count
            )

        def finish(self) -> None:
            self.set_interval(0.05, self.exit_when_loaded)

        def exit_when_loaded(self) -> None:
            if store.fully_loaded:
                self.exit()

    return TimedReader(store)


def main() -> None:
    mode = sys.argv[1]
    app = BareApp() if mode == "bare" else reader_app(Path(sys.argv[2]))
    app.run(headless=True, size=SIZE)
    result: dict[str, float | None] = {"first_paint_s": app.painted}  # type: ignore[attr-defined]
    if mode != "bare":
        result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


def peak_rss_mb() -> float:
    """This program's peak memory.

    Linux keeps ru_maxrss across exec, so a child of a big benchmark process
    would report its parent's size; VmHWM belongs to this program alone.
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    (line,) = [line for line in status.splitlines() if line.startswith("VmHWM:")]
    return int(line.split()[1]) / 1024


if __name__ == "__main__":
    main()
