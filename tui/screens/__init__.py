"""The reader's screens."""

from tui.screens.main import MainScreen

__all__ = ["MainScreen"]
