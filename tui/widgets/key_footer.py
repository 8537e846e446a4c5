"""The bottom bar: the keys that work where the focus is."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

KeysShown = tuple[tuple[str, str, bool, str], ...]


def keys_shown(screen: Screen[object]) -> KeysShown:
    """Key, description, enabled and tooltip of each binding a footer shows."""
    return tuple(
        (binding.key, binding.description, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """A Footer that rebuilds its keys only when they change."""

    # Textual announces new bindings twice per focus change, and a Footer rebuilds
    # every key each time: over 10 ms of restyling and layout per day switch.

    def __init__(self) -> None:
        super().__init__()
        self._shown: KeysShown | None = None
        """The keys of the last rebuild."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        shown = keys_shown(screen)
        if shown == self._shown:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus:  # otherwise the Footer put off its rebuild
            self._shown = shown
