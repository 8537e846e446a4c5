"""The one copy helper: the desktop clipboard first, the terminal's (OSC 52) next.

No Textual here: the caller passes in the OSC 52 writer (`App.copy_to_clipboard`),
which reaches the user's own terminal even over SSH or inside tmux.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

import pyperclip

# These have a clipboard of their own; elsewhere the clipboard needs a display.
OWN_CLIPBOARD = ("darwin", "win32", "cygwin")


class CopyWay(Enum):
    """Where a copy went."""

    SYSTEM = "system"
    TERMINAL = "terminal"
    NOWHERE = "nowhere"


@dataclass(frozen=True, slots=True)
class CopyResult:
    """Which way a copy went and, when not the desktop clipboard, why."""

    text: str
    way: CopyWay
    reason: str = ""

    @property
    def notice(self) -> str:
        """What to tell the user, with the text itself to copy by hand if need be."""
        if self.way is CopyWay.SYSTEM:
            return f"Copied to the clipboard: {self.text}"
        if self.way is CopyWay.TERMINAL:
            return (
                f"Sent to the terminal's clipboard (OSC 52, {self.reason});"
                f" if it did not arrive, copy it by hand: {self.text}"
            )
        return f"Could not copy ({self.reason}); copy it by hand: {self.text}"


def no_system_clipboard(environ: Mapping[str, str], platform: str) -> str:
    """Why the desktop clipboard cannot reach the user, or "" when it may."""
    if environ.get("SSH_CONNECTION") or environ.get("SSH_TTY"):
        # The clipboard of the machine we run on is not the one the user sits at.
        return "over SSH"
    if platform.startswith(OWN_CLIPBOARD):
        return ""
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return "no display"
    return ""


def describe_failure(error: Exception) -> str:
    if isinstance(error, pyperclip.PyperclipException):
        return "no clipboard program"
    return f"clipboard error: {type(error).__name__}: {error}"


def copy_text(
    text: str,
    *,
    osc52: Callable[[str], None],
    system_copy: Callable[[str], None] | None = None,
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
) -> CopyResult:
    """Copy `text` the best way available; never raises.

    Args:
        osc52: Writes the OSC 52 sequence to the terminal.
        system_copy: Copies to the desktop clipboard; `pyperclip.copy` when None.
        environ: The environment to judge by; `os.environ` when None.
    """
    reason = no_system_clipboard(os.environ if environ is None else environ, platform)
    if not reason:
        try:
            (system_copy or pyperclip.copy)(text)
        except Exception as error:  # pyperclip's helpers raise more than its own
            reason = describe_failure(error)
        else:
            return CopyResult(text, CopyWay.SYSTEM)
    try:
        osc52(text)
    except Exception as error:  # a copy must never take the app down
        return CopyResult(text, CopyWay.NOWHERE, f"{reason}; OSC 52: {error}")
    return CopyResult(text, CopyWay.TERMINAL, reason)
