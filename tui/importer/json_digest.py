"""JSON digests: a list of paper objects, or an object that holds such lists."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from tui.importer import links
from tui.importer.draft import DayBuilder, Draft
from tui.importer.fields import split_list
from tui.importer.report import Report
from tui.importer.sections import path_date, valid_date
from tui.importer.text import collapse
from tui.models import DigestDay

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)")
_JSON_START = re.compile(r"\s*[\[{]")
_FIELD_NAMES = {
    "title": "title name papertitle",
    "authors": "authors author authorlist authornames",
    "summary": "summary abstract tldr description",
    "link": "link links url arxiv arxivurl arxivlink paperurl paperlink pdf pdfurl "
    "abs absurl source",
    "id": "id arxivid paperid",
    "date": "date day digestdate",
    "labels": "classification classifications category categories labels tags "
    "topics keywords",
    "github": "githuburls githuburl github code codeurl repo repository",
    "huggingface": "huggingfaceurls huggingfaceurl huggingface hfurls hfurl hf",
}
_FIELDS = {key: field for field, keys in _FIELD_NAMES.items() for key in keys.split()}
_PAPER_LISTS = frozenset({"papers", "items", "entries", "data", "results", "days"})
_DECODER = json.JSONDecoder()

Entry = tuple[Any, int, str]
"""A paper object, its best-effort line and the date it inherits."""


def looks_like_json(text: str, source: str) -> bool:
    """Whether to try reading the text as JSON."""
    # A match, unlike text.lstrip(), does not copy a digest that starts with blanks.
    return source.lower().endswith(".json") or _JSON_START.match(text) is not None


def read_json(
    text: str, report: Report, path_hint: str | None, *, strict: bool
) -> list[DigestDay] | None:
    """Read a JSON digest; None when it is not JSON and `strict` is off."""
    try:
        data = json.loads(text)
    except ValueError as error:
        if not strict:
            return None
        line = error.lineno if isinstance(error, json.JSONDecodeError) else 0
        report.problem(line, f"not valid JSON: {error}")
        return []
    days = _Days(report, path_date(path_hint))
    walk = _Walk(text, days)
    for entry, line, day in walk.item(data, _skip_space(text, 0), ""):
        days.add(entry, line, day)
    if not days.builders:
        report.problem(0, "no papers in the JSON digest")
    return [builder.finish(f"no papers for {day}") for day, builder in days.items()]


def _norm(key: object) -> str:
    """A key compared loosely: lower case, letters and digits only."""
    return _NOT_ALNUM.sub("", str(key).lower())


class _Walk:
    """Finds the paper objects in parsed JSON, with best-effort source lines."""

    def __init__(self, text: str, days: _Days) -> None:
        self.text = text
        self.days = days
        self._newlines = [match.start() for match in re.finditer("\n", text)]

    def line_at(self, offset: int) -> int:
        """The 1-based line of a character offset."""
        return bisect_left(self._newlines, offset) + 1

    def item(self, item: Any, offset: int, day: str) -> Iterator[Entry]:
        """The paper objects in an item that starts at offset."""
        line = self.line_at(max(offset, 0))
        if isinstance(item, list):
            yield from self._array(item, offset, day)
        elif not isinstance(item, dict):
            self.days.report.problem(line, "entry is not an object")
        elif (listed := _paper_list(item)) is not None:
            key, papers = listed
            own_day = _date_of(_field(item, "date")) or day
            if own_day:
                self.days.builder(own_day, line)
            yield from self._under(key, papers, offset, own_day)
        elif item and all(_DATE.fullmatch(str(key)) for key in item):
            for key, papers in item.items():
                self.days.builder(key, self.line_at(self._find(key, offset)))
                yield from self._under(key, papers, offset, key)
        else:
            yield item, line, day

    def _under(
        self, key: object, papers: Any, offset: int, day: str
    ) -> Iterator[Entry]:
        """The papers listed under a key of the object at offset."""
        found = self._find(key, offset)
        start = self.text.find("[", found) if found >= 0 else -1
        if not isinstance(papers, list):
            self.days.report.problem(self.line_at(found), "expected a list of papers")
            return
        yield from self._array(papers, start, day)

    def _array(self, items: list[Any], start: int, day: str) -> Iterator[Entry]:
        """The papers of a list that starts at offset start (-1 when unknown)."""
        offsets = _element_offsets(self.text, start) if start >= 0 else []
        for number, item in enumerate(items):
            offset = offsets[number] if number < len(offsets) else start
            yield from self.item(item, offset, day)

    def _find(self, key: object, offset: int) -> int:
        """The offset of a key at or after offset, or -1."""
        return self.text.find(json.dumps(key, ensure_ascii=False), max(offset, 0))


def _paper_list(item: dict[str, Any]) -> tuple[str, Any] | None:
    """The key and value that hold a day object's papers, if it has them."""
    for key, value in item.items():
        if isinstance(value, list) and _norm(key) in _PAPER_LISTS:
            return key, value
    return None


def _field(item: dict[str, Any], field: str) -> Any:
    """The value of the first key that names a field."""
    for key, value in item.items():
        if _FIELDS.get(_norm(key)) == field:
            return value
    return None


def _element_offsets(text: str, index: int) -> list[int]:
    """The offset of each element of the JSON array that starts at index."""
    offsets: list[int] = []
    try:
        index = _skip_space(text, index + 1)
        while text[index] != "]":
            offsets.append(index)
            _, index = _DECODER.raw_decode(text, index)
            index = _skip_space(text, index)
            if text[index] == ",":
                index = _skip_space(text, index + 1)
    except (ValueError, IndexError):
        pass
    return offsets


def _skip_space(text: str, index: int) -> int:
    """The index of the first non-space character at or after index."""
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def _date_of(value: Any) -> str:
    """The ISO date at the start of a value, or ""."""
    match = _DATE.match(value) if isinstance(value, str) else None
    return match[0] if match and valid_date(match[0]) else ""


class _Days:
    """The days of a JSON digest, in order of first appearance."""

    def __init__(self, report: Report, fallback: str | None) -> None:
        self.report = report
        self.fallback = fallback
        self.builders: dict[str, DayBuilder] = {}
        self._noted = False

    def builder(self, day: str, line: int) -> DayBuilder:
        """The day's builder, made on first use."""
        if day not in self.builders:
            self.builders[day] = DayBuilder(day, line, self.report)
        return self.builders[day]

    def items(self) -> list[tuple[str, DayBuilder]]:
        """Each date with its builder."""
        return list(self.builders.items())

    def add(self, entry: dict[str, Any], line: int, inherited: str) -> None:
        """Add one paper object to its day."""
        draft, raw_date = _draft(entry, line)
        if not draft.title:
            self.report.problem(line, "entry has no title")
            return
        day = _date_of(raw_date) or inherited or self._fallback(line, raw_date)
        if day:
            self.builder(day, line).add(draft)

    def _fallback(self, line: int, raw_date: Any) -> str:
        """The path's date for an entry without one, or "" with a problem."""
        if raw_date not in (None, ""):
            self.report.problem(line, f"entry date {raw_date!r} is not YYYY-MM-DD")
            return ""
        if self.fallback is None:
            self.report.problem(line, "entry has no date and the path has none")
            return ""
        if not self._noted:
            self._noted = True
            self.report.note(line, f"date {self.fallback} taken from the path")
        return self.fallback


def _draft(entry: dict[str, Any], line: int) -> tuple[Draft, Any]:
    """Draft a paper from an object; also return its raw date value."""
    found: dict[str, Any] = {}
    for key, value in entry.items():
        field = _FIELDS.get(_norm(key))
        if field is not None and field not in found:
            found[field] = value
    draft = Draft(line=line)
    draft.title = collapse(_text(found.get("title")))
    draft.authors = _strings(found.get("authors"))
    draft.summary = _text(found.get("summary")).strip()
    draft.labels = _strings(found.get("labels"))
    for field in ("link", "github", "huggingface"):
        given = found.get(field)
        for value in [given] if isinstance(given, str) else _strings(given):
            draft.take_links(value, of_paper=field == "link")
            if field == "link" and draft.arxiv is None:
                draft.arxiv = links.bare_arxiv_id(value)
    draft.arxiv = links.bare_arxiv_id(_text(found.get("id"))) or draft.arxiv
    return draft, found.get("date")


def _text(value: Any) -> str:
    """A scalar as text; None as ""."""
    return "" if value is None else str(value)


def _strings(value: Any) -> list[str]:
    """A string or list value as a list of non-empty strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return split_list(value)
    if not isinstance(value, list):
        value = [value]
    items = (item.get("name") if isinstance(item, dict) else item for item in value)
    return [text.strip() for text in map(_text, items) if text.strip()]
