"""Digest text in, models out: the importer's public API.

`parse_digest` and `decode_digest` are pure; `read_digest` is the one place that
touches a file.
"""

from __future__ import annotations

from pathlib import Path

from tui.importer.json_digest import looks_like_json, read_json
from tui.importer.links import arxiv_in_text, bare_arxiv_id, scan
from tui.importer.report import Report
from tui.importer.sections import read_markdown
from tui.importer.text import decode, normalize
from tui.models import Digest, Problem

__all__ = ["decode_digest", "paper_key", "parse_digest", "read_digest"]


def parse_digest(text: str, source: str, *, path_hint: str | None = None) -> Digest:
    """Read a digest's text; what cannot be read becomes a problem, never an error.

    Args:
        source: The name used in problems, as in `source:line: reason`.
        path_hint: The file path, whose date is used when the text gives none.
    """
    report = Report(source)
    text = normalize(text)
    days = None
    if looks_like_json(text, source):
        strict = source.lower().endswith(".json")
        days = read_json(text, report, path_hint, strict=strict)
    if days is None:
        days = read_markdown(text, report, path_hint)
    return Digest(
        source=source, days=days, problems=report.problems, notes=report.notes
    )


def read_digest(path: Path) -> Digest:
    """Read and parse a digest file, decoding non-UTF-8 text with a note."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = f"cannot read the file: {error.strerror or error}"
        return Digest(source=source, problems=[Problem(source, 0, reason)])
    return decode_digest(data, source)


def decode_digest(data: bytes, source: str) -> Digest:
    """Parse a digest file's bytes; a fallback decoding is noted, never fatal."""
    text, encoding, line = decode(data)
    digest = parse_digest(text, source, path_hint=source)
    if encoding:
        note = Problem(source, line, f"not UTF-8; decoded as {encoding}")
        digest.notes.insert(0, note)
    return digest


def paper_key(text: str) -> str:
    """The key a paper is stored under, from an id, `arXiv:ID` or a paper link."""
    found = bare_arxiv_id(text) or arxiv_in_text(text)
    if found is not None:
        return found[0]
    pages = [value for kind, value, _ in scan(text) if kind == "hf_paper"]
    return pages[0] if pages else text.strip()
