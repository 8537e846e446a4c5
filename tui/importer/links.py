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
_LINK = re.compile(
    r"https?://(?:"
    rf"(?i:{_ARXIV_PAGE}){_ID.format('arxiv')}"
    rf"|(?i:{_HF_PAPER_PAGE}){_ID.format('hf')}"
    r")?[^\s<>()\[\]{}\"'`|]*"
)
_ARXIV_TEXT = re.compile(
    rf"(?i:(?:https?://)?{_ARXIV_PAGE}|\barxiv:\s*){_ID.format('arxiv')}"
)
_BARE_ID = re.compile(rf"{_ID.format('arxiv')}\s*")
_GITHUB = re.compile(r"https?://(?:www\.)?github\.com/", re.IGNORECASE)
_HUGGINGFACE = re.compile(r"https?://(?:www\.)?(?:huggingface|hf)\.co/", re.IGNORECASE)
_TRAILING = ".,;:!?*_~"

Link = tuple[str, str, str]
"""A link found in text: its kind, then the id and version or the URL and ""."""


def scan(text: str) -> list[Link]:
    """Every link in the text, in order.

    Kinds: `arxiv` and `hf_paper` carry an arXiv id and version; `github`,
    `huggingface` and `link` carry the URL.
    """
    if "://" not in text:
        return []
    found: list[Link] = []
    for match in _LINK.finditer(text):
        if match["arxiv"]:
            found.append(("arxiv", match["arxiv"], match["arxiv_version"] or ""))
        elif match["hf"]:
            found.append(("hf_paper", match["hf"], match["hf_version"] or ""))
        else:
            url = match[0].rstrip(_TRAILING)
            found.append((url_kind(url), url, ""))
    return found


def arxiv_in_text(text: str) -> tuple[str, str] | None:
    """The first arXiv id written as a link (scheme optional) or as `arXiv:ID`."""
    match = _ARXIV_TEXT.search(text)
    return (match["arxiv"], match["arxiv_version"] or "") if match else None


def bare_arxiv_id(text: str) -> tuple[str, str] | None:
    """Read text that is nothing but an arXiv id, such as `2502.01234v2`."""
    match = _BARE_ID.fullmatch(text.strip())
    return (match["arxiv"], match["arxiv_version"] or "") if match else None


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
