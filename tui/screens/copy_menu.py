"""The copy menu: every form a paper can be copied in, each under its own key."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.formats import COPY_FORMS, CopyForm
from tui.models import Paper

PREVIEW_WIDTH = 60
"""Characters of each form's preview; the dialog is a little wider."""
MUTED = "$foreground-muted"
"""Dimmed text in Content; `$text-muted` is an "auto" colour, drawn white there."""
HINT = "Press a form's key, or Enter on it · Esc copies nothing"


def preview(text: str, width: int = PREVIEW_WIDTH) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def form_prompt(form: CopyForm, text: str) -> Content:
    """The key and label of a form, and below them what it would copy."""
    return Content.assemble(
        (f" {form.key} ", "bold $accent"),
        f" {form.label}\n",
        (f"    {preview(text)}", MUTED),
    )


class CopyMenu(ModalScreen[str | None]):
    """Choose how to copy a paper; dismisses with the text, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Cancel"),
        *(
            Binding(form.key, f"copy('{form.key}')", form.label, show=False)
            for form in COPY_FORMS
        ),
    ]
    AUTO_FOCUS = "#forms"

    def __init__(self, paper: Paper) -> None:
        super().__init__()
        self.paper = paper
        """The paper to copy."""
        # Rendered once: BibTeX goes through bibtexparser, too slow for each draw.
        self.texts = {
            form.key: text for form in COPY_FORMS if (text := form.render(paper))
        }
        """The text of each form this paper has, by the form's key."""

    def compose(self) -> ComposeResult:
        options = [
            Option(form_prompt(form, self.texts[form.key]), id=form.key)
            for form in COPY_FORMS
            if form.key in self.texts
        ]
        with Vertical(id="copy-dialog", classes="dialog") as dialog:
            dialog.border_title = "Copy"
            yield Static(Content(self.paper.title), classes="paper-title")
            yield OptionList(*options, id="forms", markup=False)
            yield Static(HINT, classes="hint", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A form this paper has nothing for (no PDF of a blog post) does nothing."""
        if action == "copy":
            return parameters[0] in self.texts
        return True

    def action_copy(self, key: str) -> None:
        if key in self.texts:
            self.dismiss(self.texts[key])

    @on(OptionList.OptionSelected, "#forms")
    def copy_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.action_copy(event.option.id)
