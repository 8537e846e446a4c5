"""Open a link in the user's browser, or say why it can't be done here."""

from __future__ import annotations

import os
import sys
import webbrowser
from collections.abc import Callable, Mapping


def browser_missing(environ: Mapping[str, str], platform: str) -> str:
    """Why no graphical browser can open here, or "" when one may."""
    if environ.get("SSH_CONNECTION") or environ.get("SSH_TTY"):
        return "this is an SSH session"
    graphical = environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")
    if platform.startswith("linux") and not graphical:
        # Without a display, webbrowser falls back to text browsers, which
        # would take over the terminal the reader is drawn in.
        return "there is no display"
    return ""


def open_link(
    url: str,
    *,
    opener: Callable[[str], bool] | None = None,
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
) -> str:
    """Open `url`; return a notice for the user that always shows the link."""
    why = browser_missing(os.environ if environ is None else environ, platform)
    if why:
        return f"No browser can be opened ({why}); the link is {url}"
    open_tab = opener or (lambda link: webbrowser.open(link, new=2))
    try:
        opened = open_tab(url)
    except Exception as error:  # a broken browser setup must not end the reader
        return f"The browser failed ({error}); the link is {url}"
    if not opened:
        return f"No browser was found; the link is {url}"
    return f"Opened {url}"
