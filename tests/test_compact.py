"""The compact in-memory form gives back every paper exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.compact import Entry, fold, unfold
from tui.models import Paper

texts = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x1e\x1f")
)


@given(texts)
def test_fold_then_unfold_is_the_identity(text: str) -> None:
    lowered, case = fold(text)
    assert lowered == text.lower().encode()
    assert unfold(lowered, case) == text


def test_plain_ascii_keeps_only_the_capitals_positions() -> None:
    text = "We study how Transformer [0] models scale with more data. " * 20
    lowered, case = fold(text)
    assert isinstance(case, bytes)
    assert len(case) < len(text) // 8
    assert unfold(lowered, case) == text


def test_capitals_outside_ascii_keep_the_original() -> None:
    assert fold("Émile ÅNGSTRÖM") == ("émile ångström".encode(), "Émile ÅNGSTRÖM")


def test_long_lowercase_runs_take_two_bytes_a_gap() -> None:
    text = "A" + "b" * 300 + "C"
    lowered, case = fold(text)
    assert not isinstance(case, (bytes, str))
    assert unfold(lowered, case) == text


@given(
    st.builds(
        Paper,
        id=st.just("2502.01234"),
        title=texts,
        authors=st.lists(texts.filter(bool)),
        summary=texts,
        version=st.sampled_from(["", "v2"]),
        labels=st.lists(st.text()),
        dates=st.just(["2025-02-06"]),
    )
)
def test_an_entry_gives_back_its_paper(paper: Paper) -> None:
    assert Entry.from_paper(paper).paper() == paper
