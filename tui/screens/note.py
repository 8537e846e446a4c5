"""The note editor: a free-text note on one paper, saved with Ctrl+S."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

HINT = "Ctrl+S saves · Esc leaves the note as it was"


class NoteEditor(ModalScreen[str | None]):
    """Edit a paper's note; dismisses with the text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, so the key saves wherever the focus is, even in the text.
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "dismiss", "Cancel"),
    ]
    AUTO_FOCUS = "#note-text"

    def __init__(self, paper_title: str, text: str) -> None:
        super().__init__()
        self.paper_title = paper_title
        """The title shown above the note; text, never markup."""
        self.text = text
        """The note as it was when the editor opened."""

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog") as dialog:
            dialog.border_title = "Note"
            yield Static(Content(self.paper_title), classes="paper-title")
            yield TextArea(self.text, id="note-text")
            with Horizontal(id="note-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
            yield Static(HINT, classes="hint", markup=False)

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.move_cursor(editor.document.end)  # carry on writing where it ended

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    @on(Button.Pressed, "#save")
    def save_note(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def drop_changes(self) -> None:
        self.dismiss(None)
