"""The forms a paper can be copied in: links, its id, Markdown, BibTeX, its title."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.middlewares import LatexEncodingMiddleware
from bibtexparser.model import Entry, Field

from tui.models import Paper

NEW_STYLE_ID = re.compile(r"(\d{2})(\d{2})\.\d{4,5}")


@dataclass(frozen=True, slots=True)
class CopyForm:
    """One way to copy a paper, as offered by the copy menu."""

    key: str
    label: str
    render: Callable[[Paper], str]


def markdown_link(paper: Paper) -> str:
    title = paper.title.replace("[", "\\[").replace("]", "\\]")
    return f"[{title}]({paper.abs_url})"


def year_of(paper: Paper) -> str:
    """The year from a new-style arXiv id, else from the first day featured."""
    match = NEW_STYLE_ID.fullmatch(paper.id)
    if match:
        return f"20{match.group(1)}"
    return paper.dates[0][:4] if paper.dates else ""


def citation_key(paper: Paper) -> str:
    """`surname` + year + first title word, as reference managers make them."""
    surname = paper.authors[0].split()[-1] if paper.authors else "arxiv"
    first_word = next(iter(re.findall(r"[A-Za-z0-9]+", paper.title)), "")
    key = f"{surname}{year_of(paper)}{first_word}".lower()
    return re.sub(r"[^a-z0-9]", "", key) or paper.id


def bibtex(paper: Paper) -> str:
    """A BibTeX entry written by bibtexparser, with the arXiv id as its eprint."""
    fields = [
        Field("title", paper.title),
        Field("author", " and ".join(paper.authors)),
        Field("year", year_of(paper)),
    ]
    if paper.has_arxiv_id:
        fields += [
            Field("eprint", paper.id),
            Field("archivePrefix", "arXiv"),
        ]
    fields.append(Field("url", paper.abs_url))
    entry = Entry("misc", citation_key(paper), [f for f in fields if f.value])
    written = write_string(
        Library([entry]),
        prepend_middleware=[
            LatexEncodingMiddleware(keep_math=True, enclose_urls=False)
        ],
    )
    return str(written).strip() + "\n"


COPY_FORMS = [
    CopyForm("a", "arXiv abstract link", lambda paper: paper.abs_url),
    CopyForm("p", "PDF link", lambda paper: paper.pdf_url),
    CopyForm("h", "Hugging Face page", lambda paper: paper.hf_url),
    CopyForm("i", "arXiv id", lambda paper: paper.id if paper.has_arxiv_id else ""),
    CopyForm("m", "Markdown link", markdown_link),
    CopyForm("b", "BibTeX entry", bibtex),
    CopyForm("t", "Title", lambda paper: paper.title),
]
