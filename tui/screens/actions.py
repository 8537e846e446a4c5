"""The reader's keys and the layout they change; MainScreen supplies the panes."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen

from tui.models import Paper
from tui.storage import LibraryError
from tui.store import Store
from tui.widgets import DateSidebar, KeyFooter, PaperList

READ_ONLY = "This library is open read-only, so the change can't be saved."
PAPER_ACTIONS = {
    "toggle_bookmark",
    "copy_link",
    "copy_menu",
    "open_link",
    "toggle_read",
    "edit_tags",
    "edit_note",
}
"""Actions on the highlighted paper, greyed out while there is none."""


KEYS = [
    # key, action, description, tooltip, id; the ones after "n" are not in the
    # footer, for room: the help screen and the command palette list them.
    ("b", "toggle_bookmark", "Bookmark", "Bookmark the paper, or drop it", ""),
    ("c", "copy_link", "Copy link", "Copy the paper's arXiv abstract link", ""),
    ("y", "copy_menu", "Copy…", "Copy the paper as a link, id, BibTeX…", ""),
    ("o", "open_link('abs')", "Open", "Open the abstract page", "open_abstract"),
    ("m", "toggle_read", "Read", "Mark the paper read, or unread", ""),
    ("t", "edit_tags", "Tags", "Edit the paper's tags", ""),
    ("e", "edit_note", "Note", "Write a note on the paper", ""),
    ("slash", "search", "Search", "Search every paper", ""),
    ("question_mark", "help", "Help", "Every key of the reader", ""),
    ("n", "next_unread(1)", "Next unread", "Go to the next unread paper", "next"),
    ("N", "next_unread(-1)", "Previous unread", "Go to the previous unread", "prev"),
    ("O", "open_link('pdf')", "Open PDF", "Open the PDF", "open_pdf"),
    ("M", "mark_all_read", "Mark all read", "Mark the listed day read", ""),
    ("h", "toggle_hide_read", "Hide read", "Hide or show read papers", ""),
    ("u", "undo", "Undo", "Undo the last change", ""),
    ("left_square_bracket", "step_day(1)", "Older day", "The older day", "older"),
    ("right_square_bracket", "step_day(-1)", "Newer day", "The newer day", "newer"),
    ("s", "toggle_sidebar", "Days", "Show or hide the days", ""),
]
"""The main screen's keys."""
NARROW = 100
"""Below this many columns the days sidebar folds away (s shows it)."""
FOOTER_KEYS = 9
"""How many of KEYS, from the first, the footer shows."""


class ReaderActions(Screen[None]):
    """What each key of the main screen does, through the Store and the panes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            keys,
            action,
            description,
            show=number < FOOTER_KEYS,
            tooltip=tooltip,
            id=name or action,
        )
        for number, (keys, action, description, tooltip, name) in enumerate(KEYS)
    ]

    day: var[str | None] = var(None, init=False, always_update=True)
    """The day the paper list shows; None shows the bookmarks or a tag."""
    paper_id: var[str | None] = var(None, init=False)
    """The paper under the list's cursor, shown in the detail pane."""
    hide_read: var[bool] = var(False, init=False)
    """Whether read papers are left out of the list."""
    sidebar_shown: var[bool] = var(True, init=False)
    """Whether the days sidebar is shown; it folds away on narrow terminals."""
    narrow: var[bool] = var(False, init=False)
    """Whether the terminal is too narrow for three panes."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        """The library every pane shows; changes are written through it."""

    # Supplied by the main screen

    def paper_or_stub(self, paper_id: str) -> Paper:
        """The paper, or a stub with its bookmark's title while it is not loaded."""
        raise NotImplementedError

    def refresh_paper(self, paper_id: str) -> None:
        """Redraw what shows one paper after its marks, tags or note changed."""
        raise NotImplementedError

    def refresh_all(self) -> None:
        """Redraw every pane from the Store, keeping the place."""
        raise NotImplementedError

    def listed_ids(self) -> list[str]:
        """The ids of the papers in the list, in order."""
        raise NotImplementedError

    def open_view(
        self, day: str | None, *, tag: str | None = None, keep: str | None = None
    ) -> None:
        """List a day (None: the bookmarks, or `tag`), the cursor on `keep`."""
        raise NotImplementedError

    def day_list(self) -> list[str]:
        """The days that have papers, newest first."""
        raise NotImplementedError

    def follow_sidebar(self) -> None:
        """Open the sidebar's latest choice, unless it is open already."""
        raise NotImplementedError

    # Helpers

    def catch_up(self) -> None:
        """Act on what the panes show now, not on what their messages said so far.

        Keys can arrive faster than messages (over SSH, pasted, on a busy
        machine): in `j b` or `Enter b`, `b` must take the paper now under the
        cursor, not the one the last PaperHighlighted named.
        """
        self.follow_sidebar()
        self.paper_id = self.query_one(PaperList).current_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out the paper actions while no paper is highlighted."""
        if action in PAPER_ACTIONS and self.paper_id is None:
            return None
        return True

    def say(self, message: str, warning: bool = False) -> None:
        """Notify `message` as plain text (digest text is never markup)."""
        severity: SeverityLevel = "warning" if warning else "information"
        self.notify(message, severity=severity, markup=False)

    def not_saved(self, error: Exception) -> None:
        self.say(READ_ONLY if self.store.read_only else f"Not saved: {error}", True)

    # Marks

    def action_toggle_bookmark(self) -> None:
        self.change_paper(self.store.toggle_bookmark)

    def action_toggle_read(self) -> None:
        self.change_paper(self.store.toggle_read)

    def change_paper(self, change: Callable[[str], object]) -> None:
        """Apply a Store change to the highlighted paper and redraw it."""
        self.catch_up()
        if self.paper_id is None:
            return
        try:
            change(self.paper_id)
        except (LibraryError, OSError) as error:
            self.not_saved(error)
            return
        self.refresh_paper(self.paper_id)

    def action_mark_all_read(self) -> None:
        """Mark every paper of the listed day (or view) read; `u` takes it back."""
        self.catch_up()
        what = self.day or "the listed papers"
        try:
            if self.day:
                changed = self.store.mark_day_read(self.day)
            else:
                changed = self.store.set_read(self.listed_ids(), True, what="listed")
        except (LibraryError, OSError) as error:
            self.not_saved(error)
            return
        self.refresh_all()
        if not changed:
            self.say(f"Every paper of {what} was read already")
            return
        papers = f"{changed} paper{'' if changed == 1 else 's'}"
        self.say(f"Marked {what} read ({papers}); u undoes it")

    def action_toggle_hide_read(self) -> None:
        self.hide_read = not self.hide_read
        self.say("Read papers hidden" if self.hide_read else "Read papers shown")

    def action_undo(self) -> None:
        try:
            undone = self.store.undo()
        except (LibraryError, OSError) as error:
            self.not_saved(error)
            return
        if undone is None:
            self.say("Nothing to undo")
            return
        self.refresh_all()
        self.say(f"Undone: {undone}")

    # Moving

    def action_next_unread(self, step: int) -> None:
        """The next unread paper in the list, then in the following days."""
        self.catch_up()
        if self.move_to_unread(step):
            return
        days = self.day_list()
        if self.day in days:
            here = days.index(self.day)
            after = days[here + 1 :] if step > 0 else days[:here][::-1]
        else:
            after = days if step > 0 else []
        for day in after:
            if self.store.unread_on(day):
                self.open_view(day)
                if self.move_to_unread(step, 0 if step > 0 else -1):
                    return
        self.say("No unread papers " + ("further on" if step > 0 else "before this"))

    def move_to_unread(self, step: int, start: int | None = None) -> bool:
        """Put the cursor on the next (1) or previous (-1) unread listed paper.

        The search starts at item `start`, by default the one after the cursor.
        """
        paper_list = self.query_one(PaperList)
        ids = paper_list.ids
        first = paper_list.cursor + step if start is None else start % max(1, len(ids))
        items = range(first, len(ids)) if step > 0 else range(first, -1, -1)
        for item in items:
            if not self.store.is_read(ids[item]):
                paper_list.cursor = item
                self.paper_id = ids[item]
                return True
        return False

    def action_step_day(self, step: int) -> None:
        """Open the next older (1) or newer (-1) day."""
        days = self.day_list()
        if not days:
            return
        if self.day in days:
            index = days.index(self.day) + step
        else:
            index = 0 if step > 0 else -1
        if 0 <= index < len(days):
            self.open_view(days[index])
        else:
            self.say("No older day" if step > 0 else "No newer day")

    # Layout

    def action_toggle_sidebar(self) -> None:
        self.sidebar_shown = not self.sidebar_shown

    def on_resize(self, event: events.Resize) -> None:
        self.narrow = event.size.width < NARROW

    def watch_narrow(self, narrow: bool) -> None:
        self.set_class(narrow, "-narrow")
        self.query_one(KeyFooter).compact = narrow  # room for a few more keys
        self.sidebar_shown = not narrow
        self.set_class(narrow and self.sidebar_shown, "-drawer")

    def watch_sidebar_shown(self, shown: bool) -> None:
        self.set_class(not shown, "-no-sidebar")
        self.set_class(shown and self.narrow, "-drawer")
        sidebar = self.query_one(DateSidebar)
        if shown and self.narrow:
            sidebar.focus()  # a drawer over the list: there to pick a day
        elif not shown and sidebar.has_focus:
            self.query_one(PaperList).focus()

    def close_drawer(self) -> None:
        """Focus the list; on a narrow terminal, fold the days drawer away."""
        if self.narrow:
            self.sidebar_shown = False
        self.query_one(PaperList).focus()

    # Copying and opening

    def action_copy_link(self) -> None:
        self.catch_up()
        if self.paper_id is None:
            return
        link = self.paper_or_stub(self.paper_id).abs_url
        if not link:
            self.say("This paper has no link to copy.", True)
            return
        self.copy(link)

    def copy(self, text: str | None) -> None:
        """Copy `text` with the one clipboard helper and say how it went."""
        if not text:
            return
        # Imported here: pyperclip (and ctypes) are not needed for the first frame.
        from tui.clipboard import CopyWay, copy_text

        result = copy_text(text, osc52=self.app.copy_to_clipboard)
        self.say(result.notice, result.way is CopyWay.NOWHERE)

    def action_copy_menu(self) -> None:
        self.catch_up()
        if self.paper_id is None:
            return
        from tui.screens.copy_menu import CopyMenu  # bibtexparser: not at start

        self.app.push_screen(CopyMenu(self.paper_or_stub(self.paper_id)), self.copy)

    def action_open_link(self, kind: str) -> None:
        """Open the paper's abstract page ("abs") or PDF ("pdf") in a browser."""
        self.catch_up()
        if self.paper_id is None:
            return
        from tui.opener import open_link

        paper = self.paper_or_stub(self.paper_id)
        url = paper.pdf_url if kind == "pdf" else paper.abs_url
        if not url:
            self.say(f"This paper has no {'PDF' if kind == 'pdf' else 'link'}.", True)
            return
        message = open_link(url)
        self.say(message, not message.startswith("Opened"))

    # Modals

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.store), self.open_found)

    def open_found(self, paper_id: str | None) -> None:
        """Open a paper the search found, in the newest day it was featured on."""
        if paper_id is None:
            return
        paper = self.store.paper(paper_id)
        if paper is None or not paper.dates:
            self.say("That paper is not in the library any more.", True)
            return
        if self.hide_read and self.store.is_read(paper_id):
            self.set_reactive(type(self).hide_read, False)  # show what was asked for
            self.say("Showing read papers again, to show the one you chose.")
        self.open_view(paper.dates[-1], keep=paper_id)

    def action_edit_tags(self) -> None:
        self.catch_up()
        if self.paper_id is None:
            return
        from tui.screens.tags import TagEditor

        paper_id = self.paper_id
        editor = TagEditor(
            self.paper_or_stub(paper_id).title,
            self.store.tags_of(paper_id),
            self.store.tag_counts(),
        )

        def save(tags: list[str] | None) -> None:
            if tags is None:
                return
            try:
                self.store.set_tags(paper_id, tags)
            except (LibraryError, OSError) as error:
                self.not_saved(error)
                return
            self.refresh_paper(paper_id)

        self.app.push_screen(editor, save)

    def action_edit_note(self) -> None:
        self.catch_up()
        if self.paper_id is None:
            return
        from tui.screens.note import NoteEditor

        paper_id = self.paper_id
        editor = NoteEditor(
            self.paper_or_stub(paper_id).title, self.store.note_of(paper_id)
        )

        def save(text: str | None) -> None:
            if text is None:
                return
            try:
                self.store.set_note(paper_id, text)
            except (LibraryError, OSError) as error:
                self.not_saved(error)
                return
            self.refresh_paper(paper_id)

        self.app.push_screen(editor, save)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
