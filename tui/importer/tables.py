"""Markdown tables of papers: the header, wrapped rows and splitting cells."""

from __future__ import annotations

import re
from functools import lru_cache

from tui.importer.draft import Draft
from tui.importer.report import Report
from tui.importer.rows import Columns, read_row
from tui.importer.text import is_heading

NO_TITLE_COLUMN = "table with no 'Title' column skipped"
_SEPARATOR = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
_PIPE = re.compile(r"(?<!\\)\|")
# A `|` inside `$...$` math does not end a cell; escaped dollars open no math.
_MATH_OR_PIPE = re.compile(r"(?<!\\)\$\$.+?\$\$|(?<!\\)\$[^$\n]+?\$|(?<!\\)(\|)")


def is_row(line: str) -> bool:
    """Whether a line starts a table row."""
    return line[:1] == "|" or line.lstrip()[:1] == "|"


def split_row(text: str, expected: int) -> list[str]:
    """The raw cells of a row, trying math-aware splitting when the count is off."""
    # str.split is several times faster than the regex, and a one-character `in`
    # is the cheapest test; most rows hold no backslash at all.
    escaped = "\\" in text and "\\|" in text
    cells = _PIPE.split(text) if escaped else text.split("|")
    # Drop what lies outside the leading and the (optional) trailing pipe.
    cells = cells[1:-1] if len(cells) > 2 and not cells[-1].strip() else cells[1:]
    if len(cells) != expected and "$" in text:
        math_aware = _split_outside_math(text)[1:]
        if math_aware and not math_aware[-1].strip():
            math_aware.pop()
        if len(math_aware) == expected:
            return math_aware
    return cells


def _split_outside_math(body: str) -> list[str]:
    """Split at the pipes that are neither escaped nor inside `$...$`."""
    cells: list[str] = []
    start = 0
    for match in _MATH_OR_PIPE.finditer(body):
        if match.start(1) >= 0:
            cells.append(body[start : match.start(1)])
            start = match.end(1)
    cells.append(body[start:])
    return cells


# Most digests repeat one header line, and working out its layout costs as much as
# reading a few rows; Columns is frozen, so tables can share one.
@lru_cache(maxsize=256)
def header(line: str) -> Columns | None:
    """The column layout if the line is a header row with a title column."""
    return Columns.of(split_row(line, 0)) if is_row(line) else None


def read_tables(
    lines: list[str], start: int, end: int, report: Report
) -> list[Draft] | None:
    """Read every paper table in lines[start:end]; None when there is none."""
    drafts: list[Draft] = []
    found = False
    skipped: list[int] = []
    index = start
    while index < end:
        line = lines[index]
        if not is_row(line):
            index += 1
            continue
        columns = header(line)
        if columns is None:
            skipped.append(index + 1)
            index = _skip_table(lines, index, end)
            continue
        found = True
        for name in columns.ignored:
            report.note(index + 1, f"column '{name}' ignored")
        index = _read_rows(lines, index + 1, end, columns, drafts, report)
    if not found:
        # Tables may sit inside the text of papers that have headings instead.
        return None
    for number in skipped:
        report.problem(number, NO_TITLE_COLUMN)
    return drafts


def first_row(lines: list[str], start: int, end: int) -> int:
    """The index of the first table row line in lines[start:end], or -1."""
    for index in range(start, end):
        if is_row(lines[index]):
            return index
    return -1


def _skip_table(lines: list[str], index: int, end: int) -> int:
    """The index of the first line after the table starting at index."""
    while index < end and is_row(lines[index]):
        index += 1
    return index


def _read_rows(
    lines: list[str],
    index: int,
    end: int,
    columns: Columns,
    drafts: list[Draft],
    report: Report,
) -> int:
    """Read the rows after a header; return the index of the first line after them."""
    expected = columns.width
    first = index + 1
    while index < end:
        line = lines[index]
        if not is_row(line):
            break
        number = index + 1
        index += 1
        if _is_separator(line, expected, right_after_header=number == first):
            continue
        # A wrapped row goes on in lines that do not start with `|`.
        while index < end and _continues(lines[index]) and _open(line, expected):
            line = f"{line.rstrip()} {lines[index].strip()}"
            index += 1
        draft = read_row(split_row(line, expected), columns, number, report)
        if draft is not None:
            drafts.append(draft)
    return index


def _is_separator(line: str, width: int, *, right_after_header: bool) -> bool:
    """Whether a line is a `|---|---|` row.

    Right after the header any such line is; later only a complete one, since a
    wrapped row can start with a lone `| -`.
    """
    if not _SEPARATOR.fullmatch(line):
        return False
    return right_after_header or not _open(line, width)


def _continues(line: str) -> bool:
    """Whether a line can carry on a wrapped row."""
    if line[:1] == "|" or not line.strip():
        return False
    return not is_row(line) and not is_heading(line)


def _open(row: str, expected: int) -> bool:
    """Whether a row still lacks its closing pipe or some of its cells."""
    body = row.rstrip()
    closed = body.endswith("|") and not body.endswith("\\|")
    return not closed or len(split_row(body, expected)) < expected
