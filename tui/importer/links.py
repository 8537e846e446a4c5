"""Finding arXiv ids and sorting the other links a digest gives for a paper."""

from __future__ import annotations

import hashlib
import re

# New-style ids (2502.01234) and old-style ones (hep-th/9901001, math.GT/0309136),
# each with an optional version suffix that is kept apart from the id.
_ID = (
    r"(?P<{0}>\d{{4}}\.\d{{4,5}}(?!\d)|[a-z][a-z-]*(?:\.[A-Z]{{2}})?/\d{{7}}(?!\d))"
    r"(?P<{0}_version>v\d+)?"
)
_ARXIV_PAGE = r"(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/"
_HF_PAPER_PAGE = r"(?:www\.)?(?:huggingface|hf)\.co/papers/"
# One pass finds every link and reads arXiv and Hugging Face paper pages on the way.
# The case-sensitive literal start lets the regex engine jump from link to link.
# The whole link is group 1, so findall gives plain tuples (no match objects).
_LINK = re.compile(
    r"(https?://(?:"
    rf"(?i:{_ARXIV_PAGE}){_ID.format('arxiv')}"
    rf"|(?i:{_HF_PAPER_PAGE}){_ID.format('hf')}"
    r")?[^\s<>()\[\]{}\"'`|]*)"
)
_ARXIV_TEXT = re.compile(
    rf"(?i:(?:https?://)?{_ARXIV_PAGE}|\barxiv:\s*){_ID.format('arxiv')}"
)
_BARE_ID = re.compile(rf"{_ID.format('arxiv')}\s*")
_GITHUB = re.compile(r"https?://(?:www\.)?github\.com/", re.IGNORECASE)
_HUGGINGFACE = re.compile(r"https?://(?:www\.)?(?:huggingface|hf)\.co/", re.IGNORECASE)
_TRAILING = ".,;:!?*_~"
_DAILY_TAIL_START = "(Read more on [arXiv]("
# The tail the daily digests write after nearly every title, exactly as written.
_DAILY_TAIL = re.compile(
    rf"\(Read more on \[arXiv\]\(https://arxiv\.org/abs/{_ID.format('arxiv')}\)"
    rf" or \[HuggingFace\]\(https://huggingface\.co/papers/{_ID.format('hf')}\)\)"
)

Link = tuple[str, str, str]
"""A link found in text: its kind, then the id and version or the URL and ""."""
ArxivId = tuple[str, str]
"""An arXiv id and its version suffix ("" when none is given)."""


def scan(text: str) -> list[Link]:
    """Every link in the text, in order.

    Kinds: `arxiv` and `hf_paper` carry an arXiv id and version; `github`,
    `huggingface` and `link` carry the URL.
    """
    if "://" not in text:
        return []
    found: list[Link] = []
    for whole, arxiv, arxiv_version, hf, hf_version in _LINK.findall(text):
        if arxiv:
            found.append(("arxiv", arxiv, arxiv_version))
        elif hf:
            found.append(("hf_paper", hf, hf_version))
        else:
            url = whole.rstrip(_TRAILING)
            found.append((url_kind(url), url, ""))
    return found


def arxiv_in_text(text: str) -> ArxivId | None:
    """The first arXiv id written as a link (scheme optional) or as `arXiv:ID`."""
    match = _ARXIV_TEXT.search(text)
    return (match["arxiv"], match["arxiv_version"] or "") if match else None


def bare_arxiv_id(text: str) -> ArxivId | None:
    """Read text that is nothing but an arXiv id, such as `2502.01234v2`."""
    match = _BARE_ID.fullmatch(text.strip())
    return (match["arxiv"], match["arxiv_version"] or "") if match else None


def split_daily_tail(title: str) -> tuple[str, ArxivId, ArxivId] | None:
    """Split the usual read-more tail off a title, reading its two links in one match.

    Returns the text before the tail, then the ids its arXiv and Hugging Face links
    give. None when the title does not end in that tail, or when the text before it
    also says "read more" (the general tail search may then cut the title elsewhere).
    """
    start = title.rfind(_DAILY_TAIL_START)
    match = _DAILY_TAIL.fullmatch(title, start) if start >= 0 else None
    if match is None:
        return None
    head = title[:start]
    # The general search looks for "ead more" in any case, starting a little
    # before it, so a head without it leaves that search nothing else to find.
    if "ead more" in head.lower():
        return None
    arxiv, arxiv_version, hf, hf_version = match.groups("")
    return head, (arxiv, arxiv_version), (hf, hf_version)


def url_kind(url: str) -> str:
    """Sort a non-arXiv link: `github`, `huggingface` or `link`."""
    if _GITHUB.match(url):
        return "github"
    if _HUGGINGFACE.match(url):
        return "huggingface"
    return "link"


def title_key(title: str) -> str:
    """The id of a paper known only by its title."""
    digest = hashlib.sha1(title.casefold().encode("utf-8")).hexdigest()
    return f"title:{digest[:16]}"
