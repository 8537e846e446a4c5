"""Settings the reader keeps for the next start: the theme and where the user was."""

from __future__ import annotations

from collections.abc import Sequence

from textual import log

from tui.storage import LibraryError
from tui.store import Store


def save_setting(store: Store, key: str, value: object) -> None:
    """Keep a setting; a read-only library just doesn't remember it."""
    try:
        store.state.set_setting(key, value)
    except (LibraryError, OSError) as error:
        log.warning(f"setting {key} not saved: {error}")


def saved_place(store: Store, days: Sequence[str]) -> tuple[str | None, str | None]:
    """The day (if still in `days`) and the paper shown when the reader closed.

    None when newer days came in since (an import): then the newest day is what
    a daily reader opens for.
    """
    setting = store.state.setting
    day, paper_id = setting("last_day"), setting("last_paper")
    if days and setting("newest_day") != days[0]:
        return None, None
    known_day = day if isinstance(day, str) and day in days else None
    return known_day, paper_id if isinstance(paper_id, str) else None


def loads_late(store: Store, day: str) -> bool:
    """Whether opening `day` now would load its month, and every later one."""
    return not store.is_loaded(day)
