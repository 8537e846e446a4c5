"""Markdown digests: dated sections, each read as a table or as paper headings."""

from __future__ import annotations

import re
from datetime import date

from tui.importer.draft import DayBuilder
from tui.importer.headings import read_headings
from tui.importer.report import Report
from tui.importer.tables import NO_TITLE_COLUMN, first_row, read_tables
from tui.models import DigestDay

# "Papers for" may be left out: some digests head each day with its date alone.
_DATE_HEADING = re.compile(
    r" {0,3}#{1,6}[ \t]*(?:papers for[ \t]+)?(\d{4}-\d{2}-\d{2})(?!\d)",
    re.IGNORECASE,
)
_PATH_DATE = re.compile(r"(?<!\d)(\d{4})[-_/\\](\d{2})[-_/\\](\d{2})(?!\d)")
NO_DATE = "no 'Papers for YYYY-MM-DD' heading and no date in the path"


def read_markdown(text: str, report: Report, path_hint: str | None) -> list[DigestDay]:
    """Read every dated section of a Markdown digest, in file order."""
    lines = text.split("\n")
    marks = _date_headings(lines)
    if not marks:
        return _read_undated(lines, report, path_hint)
    _check_preamble(lines, marks[0][0], report)
    days: list[DigestDay] = []
    for number, (index, day) in enumerate(marks):
        end = marks[number + 1][0] if number + 1 < len(marks) else len(lines)
        if not valid_date(day):
            report.problem(index + 1, f"'{day}' is not a date; section skipped")
            continue
        empty = f"no papers under 'Papers for {day}'"
        section = (index + 1, end, index + 1)
        days.append(_read_section(lines, section, day, empty, report))
    return days


def path_date(path_hint: str | None) -> str | None:
    """The last valid date written in a path, such as `2025/02/06.md`."""
    if not path_hint:
        return None
    for found in reversed(_PATH_DATE.findall(path_hint)):
        day = "-".join(found)
        if valid_date(day):
            return day
    return None


def _date_headings(lines: list[str]) -> list[tuple[int, str]]:
    """The index and date of each `Papers for YYYY-MM-DD` heading."""
    marks: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if line.lstrip(" ")[:1] == "#":
            match = _DATE_HEADING.match(line)
            if match:
                marks.append((index, match[1]))
    return marks


def _read_undated(
    lines: list[str], report: Report, path_hint: str | None
) -> list[DigestDay]:
    """Read a digest with no date heading as one section dated by its path."""
    day = path_date(path_hint)
    if day is None:
        report.problem(0, NO_DATE)
        return []
    report.note(0, f"no 'Papers for' heading; date {day} taken from the path")
    empty = f"no papers for {day} (date taken from the path)"
    return [_read_section(lines, (0, len(lines), 1), day, empty, report)]


def _check_preamble(lines: list[str], end: int, report: Report) -> None:
    """Report a table that comes before the first dated heading."""
    row = first_row(lines, 0, end)
    if row >= 0:
        report.problem(row + 1, "table before the first 'Papers for' heading skipped")


def _read_section(
    lines: list[str],
    section: tuple[int, int, int],
    day: str,
    empty: str,
    report: Report,
) -> DigestDay:
    """Read lines[start:end], dated at 1-based `line`, as a table or headings."""
    start, end, line = section
    builder = DayBuilder(day, line, report)
    drafts = read_tables(lines, start, end, report)
    if drafts is None:
        drafts = read_headings(lines, start, end, report)
        row = first_row(lines, start, end) if not drafts else -1
        if row >= 0:
            report.problem(row + 1, NO_TITLE_COLUMN)
    for draft in drafts:
        builder.add(draft)
    return builder.finish(empty)


def valid_date(day: str) -> bool:
    """Whether an ISO date string names a real day."""
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True
