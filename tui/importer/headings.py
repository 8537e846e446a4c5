"""Digests that give each paper its own heading, followed by its summary."""

from __future__ import annotations

import re

from tui.importer import links
from tui.importer.draft import Draft
from tui.importer.fields import split_list
from tui.importer.report import Report
from tui.importer.text import heading

_NUMBER = re.compile(r"\d{1,4}\s*[.)\u3001:]\s*")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_EMPHASIS = r"(?:\*\*|__)?"
# A labelled line such as `authors: ...` or `**Summary:** ...`, also in Chinese
# with a full-width colon.
_FIELD = re.compile(
    rf"\s*(?:[-*+]\s+)?{_EMPHASIS}(?P<key>authors?|作者|summary|摘要|abstract|tl;?dr"
    r"|links?|url|pdf|arxiv|paper|code|github|hugging ?face|hf"
    rf"|categor(?:y|ies)|classifications?|tags|labels?){_EMPHASIS}\s*[:\uff1a]"
    rf"{_EMPHASIS}[ \t]*(?P<value>.*)",
    re.IGNORECASE,
)
_LINK_KEYS = frozenset(
    {"link", "links", "url", "pdf", "arxiv", "paper", "code", "github", "hf"}
    | {"huggingface", "hugging face"}
)
_SUBHEADING = re.compile(
    r"(?:authors?|作者|summary|摘要|abstract|tl;?dr)\s*[:\uff1a]?", re.IGNORECASE
)
_SUMMARY_KEYS = frozenset({"summary", "摘要", "abstract", "tldr", "tl;dr"})


def read_headings(
    lines: list[str], start: int, end: int, report: Report
) -> list[Draft]:
    """Read each paper heading in lines[start:end] with the text under it.

    Labels such as `#### Authors` are read as fields, not papers.
    """
    sections: list[tuple[str, int, list[str]]] = []
    for index in range(start, end):
        line = lines[index]
        mark = heading(line) if line.lstrip(" ")[:1] == "#" else None
        if mark is None or _SUBHEADING.fullmatch(mark[1]):
            if sections:
                sections[-1][2].append(line)
        else:
            sections.append((mark[1], index + 1, []))
    drafts = (_paper(text, line, body, report) for text, line, body in sections)
    return [draft for draft in drafts if draft is not None]


def _paper(text: str, line: int, body: list[str], report: Report) -> Draft | None:
    """Draft the paper under one heading, or None for a heading that is no paper."""
    draft = Draft(line=line)
    number = _NUMBER.match(text)
    if number:
        text = text[number.end() :]
    draft.take_title(text)
    labelled = _finish(draft, body)
    if not draft.title:
        report.problem(line, "paper heading has no title")
        return None
    if number or labelled or draft.arxiv or draft.hf_paper or draft.link:
        return draft
    # Paper headings carry a number, a link or labelled lines; this one groups
    # papers or introduces the digest.
    report.note(line, f"heading '{draft.title}' is not a paper; skipped")
    return None


def _finish(draft: Draft, body: list[str]) -> bool:
    """Fill in the draft from the lines under its heading; True if any was labelled."""
    summary: list[str] = []
    authors_next = labelled = False
    for line in body:
        if authors_next and line.strip():
            # Under an `Authors` sub-heading, the next line holds the names.
            authors_next = False
            if line.lstrip(" ")[:1] != "#":
                draft.authors.extend(split_list(line))
                continue
        mark = heading(line) if line.lstrip(" ")[:1] == "#" else None
        if mark is not None and _SUBHEADING.fullmatch(mark[1]):
            authors_next = mark[1].lower().startswith(("author", "作者"))
            labelled = True
            continue
        if _RULE.fullmatch(line):
            continue
        field = _FIELD.match(line) if ":" in line or "\uff1a" in line else None
        if field is not None and _take_field(draft, field, summary):
            labelled = True
        else:
            summary.append(line)
    draft.summary = "\n".join(summary).strip()
    return labelled


def _take_field(draft: Draft, field: re.Match[str], summary: list[str]) -> bool:
    """Read a labelled line; False when it is ordinary summary text after all."""
    key = field["key"].lower()
    value = field["value"].strip()
    if key in _SUMMARY_KEYS:
        summary.append(value)
    elif key.startswith("author") or key == "作者":
        draft.authors.extend(split_list(value))
    elif key in _LINK_KEYS:
        bare = links.bare_arxiv_id(value)
        if bare is not None:
            draft.arxiv = draft.arxiv or bare
        elif "://" in value or links.arxiv_in_text(value):
            draft.take_links(value, of_paper=key not in {"code", "github"})
        else:
            return False
    else:
        draft.labels.extend(split_list(value))
    return True
