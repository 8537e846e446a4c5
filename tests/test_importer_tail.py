"""The usual read-more tail takes a shortcut; it must read as the general path does.

Writing the tail with a lower-case "read" keeps it off the shortcut, which takes
the tail only exactly as the daily digests write it, while the general tail search
ignores case and cuts the title at the same place.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.importer import parse_digest

TAIL = (
    "(Read more on [arXiv](https://arxiv.org/abs/{}) or "
    "[HuggingFace](https://huggingface.co/papers/{}))"
)
IDS = [
    "2502.01234",
    "2502.01234v2",
    "2502.0123",
    "2502.012345",
    "hep-th/9901001v3",
    "math.GT/0309136",
    "x",
    "",
]
# Pieces of a title that the general path gives meaning to: emphasis, a link
# around the title, links and ids inside it, odd spaces and earlier "read more"s.
HEAD_PARTS = [
    "A Title",
    "**Bold**",
    "__Under__",
    "[Linked](https://arxiv.org/abs/2409.00001v5)",
    "see https://github.com/o/r",
    "https://hf.co/papers/2409.22222",
    "https://example.com/p.",
    "arXiv:2409.11111",
    "read more",
    "READ MORE ON x",
    "(read more on x) y",
    " - read more on z",
    "[read more](https://example.org)",
    "Read more on",
    " ",
    "  ",
    "\u00a0",
    "(",
    "-",
]


def _table(title: str) -> str:
    return (
        "## Papers for 2025-01-02\n\n| Title | Authors | Summary |\n|---|---|---|\n"
        f"| {title}| A B, C D | S |\n"
    )


def _headings(title: str) -> str:
    return f"# Papers for 2025-01-02\n\n## 1. {title}\n\nAuthors: A, B\n\nSummary.\n"


heads = st.lists(st.sampled_from(HEAD_PARTS), max_size=4).map("".join)


@pytest.mark.parametrize("shape", [_table, _headings], ids=["table", "headings"])
@settings(max_examples=300, deadline=None)
@given(head=heads, arxiv=st.sampled_from(IDS), hf=st.sampled_from(IDS))
def test_daily_tail_reads_as_the_general_path(
    shape: Callable[[str], str], head: str, arxiv: str, hf: str
) -> None:
    tail = TAIL.format(arxiv, hf)
    shortcut = parse_digest(shape(head + tail), "t.md")
    general = parse_digest(shape(head + tail.replace("(Read", "(read")), "t.md")
    assert shortcut == general
