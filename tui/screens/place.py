"""Settings the reader keeps for the next start: the theme and where the user was."""

from __future__ import annotations

from collections.abc import Container

from textual import log

from tui.storage import LibraryError
from tui.store import Store


def save_setting(store: Store, key: str, value: object) -> None:
    """Keep a setting; a read-only library just doesn't remember it."""
    try:
        store.state.set_setting(key, value)
    except (LibraryError, OSError) as error:
        log.warning(f"setting {key} not saved: {error}")


def saved_place(store: Store, days: Container[str]) -> tuple[str | None, str | None]:
    """The day (if still in `days`) and the paper shown when the reader closed."""
    day, paper_id = store.state.setting("last_day"), store.state.setting("last_paper")
    known_day = day if isinstance(day, str) and day in days else None
    return known_day, paper_id if isinstance(paper_id, str) else None


def loads_late(store: Store, day: str) -> bool:
    """Whether opening `day` now would load its month, and every later one."""
    return not store.is_loaded(day)
