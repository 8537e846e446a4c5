"""Text clean-up shared by every digest shape: decoding, line endings, cell text."""

from __future__ import annotations

import codecs
import re

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes) -> tuple[str, str, int]:
    """Decode digest bytes, UTF-8 first.

    Returns the text, the fallback encoding used ("" for UTF-8 or a BOM-marked
    encoding) and the 1-based line of the first byte that was not UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "", 0
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "", 0
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
    try:
        return data.decode("cp1252"), "cp1252", line
    except UnicodeDecodeError:
        # cp1252 leaves five byte values undefined; latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1", line


def normalize(text: str) -> str:
    """Drop a leading BOM and turn CRLF and lone CR line endings into LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def collapse(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    return " ".join(text.split())


def cell_text(raw: str) -> str:
    """The text of a table cell: `\\|` unescaped, `<br>` as a newline, trimmed."""
    if "\\" in raw:
        raw = raw.replace("\\|", "|")
    if "<" in raw:
        raw = _BR.sub("\n", raw)
    return raw.strip()


def is_heading(line: str) -> bool:
    """Whether a line is an ATX heading (`#` to `######`, up to three spaces in)."""
    return _HEADING.match(line) is not None


def heading(line: str) -> tuple[int, str] | None:
    """The level and text of an ATX heading line, closing `#`s removed."""
    match = _HEADING.match(line)
    if match is None:
        return None
    return len(match[1]), (match[2] or "").strip()
