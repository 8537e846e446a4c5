"""Property test: awkward papers rendered into each digest shape read back the same.

"The same" means every field of every paper, in order, on its day. To make that
well defined the generated text avoids what the shapes themselves give meaning to:
titles have single spaces and no read-more tail, no whole-title link and no URL;
names and labels hold no list separators; no text contains `<br>` or a CR; and a
summary line never reads as a heading, a rule, a table row or a labelled field
(`authors:`, `summary:`, ...), which the heading-per-paper shape would take apart.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from digest_render import SHAPES, Days
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.importer import parse_digest
from tui.models import Paper

_AWKWARD = [
    *"|[]()$\\<>\"'*_#-:;,.!?{}`~/&%=+@^",
    "\U0001f642",
    "\U0001f680",
    "\u4e2d",
    "\u6587",
    "\u8ad6",
    "\u00e9",
    "\u00df",
    "\u0394",
]


def _chars(banned: str = "") -> st.SearchStrategy[str]:
    """Awkward characters, letters and digits (Latin, Greek, CJK...), less banned."""
    return st.one_of(
        st.sampled_from([char for char in _AWKWARD if char not in banned]),
        st.characters(
            categories=("Lu", "Ll", "Nd"),
            max_codepoint=0x2FFF,
            exclude_characters=banned,
        ),
    )


_PLACEHOLDERS = {"n/a", "na", "none", "null", "nan", "-", "\u2014", "[]"}
_BR = re.compile(r"<br", re.IGNORECASE)
_LINK = re.compile(r"\[.*\]\(\s*<?[^()\s<>]*>?\s*\)", re.DOTALL)
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_FIELD = re.compile(
    r"\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:author|作者|summar|摘要|abstract|tl;?dr|link"
    r"|url|pdf|arxiv|paper|code|github|hugging|hf|categor|classif|tag|label)",
    re.IGNORECASE,
)


def _word(banned: str = "") -> st.SearchStrategy[str]:
    return st.text(_chars(banned), min_size=1, max_size=8)


def _fine_title(title: str) -> bool:
    lowered = title.lower()
    wrapped = any(
        title.startswith(mark) and title.endswith(mark) for mark in ("**", "__")
    )
    return not (
        wrapped
        or "read more" in lowered
        or "://" in title
        or _BR.search(title)
        or _LINK.fullmatch(title)
    )


def _fine_item(item: str) -> bool:
    """A name or label that a list cell gives back unchanged."""
    return (
        item == item.strip()
        and item.casefold() not in _PLACEHOLDERS
        and not item.startswith("[")
        and not _BR.search(item)
    )


def _fine_summary_line(line: str) -> bool:
    return not (
        _HEADING.match(line)
        or _RULE.fullmatch(line)
        or _FIELD.match(line)
        or line.lstrip().startswith("|")
    )


_SEPARATORS = ",;\n\uff0c\uff1b\u3001"
titles = st.lists(_word(), min_size=1, max_size=6).map(" ".join).filter(_fine_title)
names = (
    st.lists(_word(_SEPARATORS), min_size=1, max_size=3)
    .map(" ".join)
    .filter(_fine_item)
)
labels = (
    st.lists(_word(_SEPARATORS + "'\""), min_size=1, max_size=2)
    .map(" ".join)
    .filter(lambda label: _fine_item(label) and "](" not in label)
)
summaries = (
    st.text(st.one_of(_chars(), st.sampled_from([" ", " ", "\n", "\t"])), max_size=80)
    # Markdown gives spaces at a line's ends a meaning (a hard break, a code
    # block), so a summary's lines carry none.
    .map(lambda text: "\n".join(line.strip() for line in text.split("\n")).strip())
    .filter(lambda text: not _BR.search(text))
    .filter(lambda text: all(map(_fine_summary_line, text.split("\n"))))
)
arxiv_ids = st.one_of(
    st.from_regex(r"2[0-5](0[1-9]|1[0-2])\.\d{4,5}", fullmatch=True),
    st.sampled_from(["hep-th/9901001", "math.GT/0309136", "cs/0112017"]),
)
github_urls = st.from_regex(
    r"https://github\.com/[a-z0-9]{1,8}/[a-z0-9-]{1,8}", fullmatch=True
)
hf_urls = st.from_regex(
    r"https://huggingface\.co/(datasets|spaces)/[a-z0-9]{1,8}/[a-z0-9]{1,8}",
    fullmatch=True,
)


@st.composite
def papers(draw: st.DrawFn) -> Paper:
    """One paper with awkward text in every field."""
    extras = {
        "github": draw(st.lists(github_urls, max_size=2, unique=True)),
        "huggingface": draw(st.lists(hf_urls, max_size=2, unique=True)),
    }
    return Paper(
        id=draw(arxiv_ids),
        title=draw(titles),
        authors=draw(st.lists(names, max_size=4)),
        summary=draw(summaries),
        version=draw(st.sampled_from(["", "v1", "v2", "v13"])),
        labels=draw(st.lists(labels, max_size=3)),
        extras={kind: urls for kind, urls in extras.items() if urls},
    )


days_strategy = st.lists(
    st.tuples(
        st.dates(date(2020, 1, 1), date(2030, 12, 31)).map(date.isoformat),
        st.lists(papers(), min_size=1, max_size=3, unique_by=lambda paper: paper.id),
    ),
    min_size=1,
    max_size=3,
    unique_by=lambda day: day[0],
)


def _plain(days: Days) -> Days:
    """The papers without the fields a plain shape cannot carry."""
    return [
        (day, [replace(paper, labels=[], extras={}) for paper in papers])
        for day, papers in days
    ]


@pytest.mark.parametrize("shape", list(SHAPES))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(days=days_strategy)
def test_papers_survive_a_round_trip(shape: str, days: Days) -> None:
    render, rich = SHAPES[shape]
    if not rich:
        days = _plain(days)
    source = "digest.json" if shape == "json" else "digest.md"
    text = render(days)

    digest = parse_digest(text, source)

    assert [str(problem) for problem in digest.problems] == [], text
    assert digest.notes == [], text
    expected = [
        (day, [replace(paper, dates=[day]) for paper in papers]) for day, papers in days
    ]
    assert [(day.date, day.papers) for day in digest.days] == expected, text


_MARKUP = st.sampled_from(
    [
        "\n",
        "|",
        " | ",
        "\\|",
        "## Papers for 2025-01-0",
        "1\n",
        "# ",
        "[",
        "](",
        ")",
        "https://arxiv.org/abs/2501.0000",
        "$",
        "<br>",
        "{",
        "}",
        '"',
        ":",
        "---",
        "\r",
    ]
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(_MARKUP, _chars()), max_size=80).map("".join))
@pytest.mark.parametrize("source", ["fuzz.md", "fuzz.json"])
def test_any_text_parses_without_raising(source: str, text: str) -> None:
    digest = parse_digest(text, source, path_hint="x/2025-01-01.md")
    for day in digest.days:
        assert all(paper.title and paper.dates == [day.date] for paper in day.papers)
