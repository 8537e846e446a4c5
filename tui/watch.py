"""The watch list: authors and keywords from the user's config file.

    # ~/.config/papers/config.toml (the platform's config folder for papers)
    [watch]
    authors = ["Yejin Choi", "lvwerra"]
    keywords = ["diffusion", "test-time compute"]

A paper matches an author when one of its authors contains the name, and a
keyword when its title or summary contains it, ignoring case.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_dir

from tui.models import Paper

CONFIG_ENV = "PAPERS_CONFIG"


def config_path() -> Path:
    """`$PAPERS_CONFIG`, else `config.toml` in the platform's config folder."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return Path(user_config_dir("papers", appauthor=False)) / "config.toml"


@dataclass(frozen=True, slots=True)
class WatchList:
    """Authors and keywords the user wants pointed out."""

    authors: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    _folded: tuple[tuple[str, ...], tuple[str, ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        folded = (
            tuple(name.casefold() for name in self.authors),
            tuple(word.casefold() for word in self.keywords),
        )
        object.__setattr__(self, "_folded", folded)

    def __bool__(self) -> bool:
        return bool(self.authors or self.keywords)

    def matches(self, paper: Paper) -> list[str]:
        """The watched authors and keywords `paper` matches, as written."""
        authors, keywords = self._folded
        names = [author.casefold() for author in paper.authors]
        text = f"{paper.title}\n{paper.summary}".casefold()
        found = [
            watched
            for watched, folded in zip(self.authors, authors, strict=True)
            if any(folded in name for name in names)
        ]
        found += [
            watched
            for watched, folded in zip(self.keywords, keywords, strict=True)
            if folded in text
        ]
        return found


def load_watch_list(path: Path) -> tuple[WatchList, str]:
    """Read the watch list; a missing file is empty, a bad one says why."""
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return WatchList(), ""
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return WatchList(), f"{path}: {error}; the watch list is off"
    watch = config.get("watch", {})
    authors, keywords = watch.get("authors", []), watch.get("keywords", [])
    if not (is_text_list(authors) and is_text_list(keywords)):
        reason = "[watch] authors and keywords must be lists of strings"
        return WatchList(), f"{path}: {reason}; the watch list is off"
    return WatchList(tuple(authors), tuple(keywords)), ""


def is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
