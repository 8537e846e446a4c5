"""Reading one field's text: titles with their read-more tails, name and tag lists."""

from __future__ import annotations

import re

from tui.importer.text import collapse

# The "read more" tail digests append to a title, in its three known spellings.
_TAIL = re.compile(
    r"(?:\(\s*read more on\b.*\)|[-\u2013\u2014:]\s*read more on\b.*"
    r"|\[read more\]\([^)]*\))\s*$",
    re.IGNORECASE | re.DOTALL,
)
_WHOLE_LINK = re.compile(r"\[(.*)\]\(\s*<?[^()\s<>]*>?\s*\)", re.DOTALL)
_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")
_SEPARATORS = re.compile(r"[,;\n\uff0c\uff1b\u3001]")
_OTHER_SEPARATOR = re.compile(r"[;\n\uff0c\uff1b\u3001]")
_EMPTY = frozenset({"", "n/a", "na", "none", "null", "nan", "-", "\u2014", "[]"})
_EMPTY_MAX = max(map(len, _EMPTY))


def title_text(raw: str) -> str:
    """The title in a title cell or heading: no read-more tail, no link, one-spaced."""
    text = raw.strip()
    at = _find_tail(text)
    if at >= 0:
        # Start the search just before the words, not at every character.
        tail = _TAIL.search(text, max(0, at - 16))
        if tail:
            text = text[: tail.start()].rstrip()
    return clean_title(text)


def clean_title(text: str) -> str:
    """Tidy a title with no tail: no emphasis, no link around it, one-spaced."""
    first = text[:1]
    if first == "*" or first == "_":
        text = _unwrap(_unwrap(text, "**"), "__")
    if text[:1] == "[":
        whole = _WHOLE_LINK.fullmatch(text)
        if whole:
            text = whole[1]
    # Every whitespace character but the space is unprintable, so this catches all
    # text that collapsing would change (and some it would not, which is harmless).
    loose = "  " in text or not text.isprintable() or text != text.strip()
    return collapse(text) if loose else text


def _find_tail(text: str) -> int:
    """Where the words "read more" start in the text, or -1."""
    at = text.find("ead more")
    return at if at >= 0 else text.lower().find("ead more")


def _unwrap(text: str, mark: str) -> str:
    """Remove emphasis marks that wrap the whole text."""
    size = len(mark)
    if len(text) > 2 * size and text.startswith(mark) and text.endswith(mark):
        return text[size:-size].strip()
    return text


def split_list(text: str) -> list[str]:
    """Split a list-like cell: `['a', 'b']`, `[a, b]`, `a, b`, `N/A` or nothing."""
    text = text.strip()
    if len(text) <= _EMPTY_MAX and text.casefold() in _EMPTY:
        return []
    if text.startswith("[") and text.endswith("]") and "](" not in text:
        inner = text[1:-1]
        quoted = _QUOTED.findall(inner)
        if quoted:
            items = (single or double for single, double in quoted)
            return [item.strip() for item in items if item.strip()]
        text = inner
    parts = text.split(",") if _only_commas(text) else _SEPARATORS.split(text)
    # Inlined placeholder test: this runs once per author of every paper.
    return [
        part
        for part in map(str.strip, parts)
        if part and (len(part) > _EMPTY_MAX or part.casefold() not in _EMPTY)
    ]


def _only_commas(text: str) -> bool:
    """Whether commas are the only list separators in the text."""
    # Two `in` tests cost a third of the regex search; only text that is not ASCII
    # can hold the full-width separators.
    if ";" in text or "\n" in text:
        return False
    return text.isascii() or _OTHER_SEPARATOR.search(text) is None
