"""Every copy form of a paper, exactly."""

from __future__ import annotations

import bibtexparser

from tui.formats import COPY_FORMS, bibtex, citation_key, markdown_link
from tui.models import Paper

SMOL = Paper(
    "2502.02737",
    "SmolLM2: When Smol Goes Big [0] & 100% with $x_1$",
    ["Gabriel Martín Blázquez", "lvwerra"],
    "Summary.",
    dates=["2025-02-06"],
)


def test_every_form_renders() -> None:
    forms = {form.label: form.render(SMOL) for form in COPY_FORMS}
    assert forms["arXiv abstract link"] == "https://arxiv.org/abs/2502.02737"
    assert forms["PDF link"] == "https://arxiv.org/pdf/2502.02737"
    assert forms["Hugging Face page"] == "https://huggingface.co/papers/2502.02737"
    assert forms["arXiv id"] == "2502.02737"
    assert forms["Title"] == SMOL.title
    assert len({form.key for form in COPY_FORMS}) == len(COPY_FORMS)


def test_markdown_link_escapes_brackets_in_the_title() -> None:
    assert markdown_link(SMOL) == (
        "[SmolLM2: When Smol Goes Big \\[0\\] & 100% with $x_1$]"
        "(https://arxiv.org/abs/2502.02737)"
    )


def test_bibtex_parses_back_with_the_arxiv_id_as_eprint() -> None:
    written = bibtex(SMOL)
    (entry,) = bibtexparser.parse_string(written).entries
    assert entry.entry_type == "misc"
    assert entry.key == citation_key(SMOL) == "blzquez2025smollm2"
    assert entry["eprint"] == "2502.02737"
    assert entry["archivePrefix"] == "arXiv"
    assert entry["year"] == "2025"
    assert "\\&" in entry["title"] and "\\%" in entry["title"]
    assert "$x_1$" in entry["title"]
    assert entry["author"].endswith(" and lvwerra")
    assert entry["url"] == "https://arxiv.org/abs/2502.02737"


def test_a_paper_without_authors_or_arxiv_id_still_gets_an_entry() -> None:
    paper = Paper(
        "url:https://example.org/p",
        "A Web Paper",
        extras={"link": ["https://example.org/p"]},
        dates=["2024-09-05"],
    )
    (entry,) = bibtexparser.parse_string(bibtex(paper)).entries
    assert entry["year"] == "2024"
    assert "eprint" not in entry.fields_dict
    assert entry["url"] == "https://example.org/p"
