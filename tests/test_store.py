"""The Store on real files in a temporary folder: persistence, merging, locking."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.library import MergeCounts
from tui.models import Digest, DigestDay, Paper
from tui.storage import DamagedFile, NewerSchema
from tui.store import LibraryBusy, Store


def paper(paper_id: str, title: str = "", summary: str = "", date: str = "") -> Paper:
    return Paper(
        id=paper_id,
        title=title or f"Paper {paper_id}",
        authors=["Ada Lovelace", "hf-user"],
        summary=summary or f"Summary of {paper_id} with $x|y$ and [/INST].",
        dates=[date] if date else [],
    )


def digest(*days: tuple[str, list[Paper]]) -> Digest:
    sections = []
    for date, papers in days:
        for item in papers:
            item.dates = [date]
        sections.append(DigestDay(date=date, line=1, papers=papers))
    return Digest(source="test.md", days=sections)


def fill(store: Store, *digests: Digest) -> MergeCounts:
    counts = MergeCounts()
    store.merge_digests(
        [(item, f"sha-{index}") for index, item in enumerate(digests)], counts
    )
    store.commit()
    return counts


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "library"


def test_papers_survive_reopening_in_digest_order(folder: Path) -> None:
    with Store(folder) as store:
        fill(
            store,
            digest(("2025-06-30", [paper("2506.3"), paper("2506.1"), paper("2506.2")])),
            digest(("2025-05-01", [paper("2505.1")])),
        )
    with Store(folder) as store:
        store.load_newest()
        assert store.dates() == ["2025-06-30", "2025-05-01"]
        assert [p.id for p in store.papers_on("2025-06-30")] == [
            "2506.3",
            "2506.1",
            "2506.2",
        ]
        assert store.paper("2506.1") == paper("2506.1", date="2025-06-30")
        assert not store.fully_loaded
        assert [p.id for p in store.papers_on("2025-05-01")] == ["2505.1"]
        assert store.stats() == {"papers": 4, "entries": 4, "dates": 2, "bookmarks": 0}


def test_a_paper_on_two_days_is_stored_once_with_both_dates(folder: Path) -> None:
    with Store(folder) as store:
        counts = fill(
            store,
            digest(("2025-01-31", [paper("2501.1", summary="old words")])),
            digest(("2025-02-03", [paper("2501.1", summary="new words")])),
        )
        assert (counts.new, counts.updated, counts.unchanged) == (1, 0, 0)
    with Store(folder) as store:
        store.load_all()
        stored = store.paper("2501.1")
        assert stored is not None
        assert stored.dates == ["2025-01-31", "2025-02-03"]
        assert stored.summary == "new words"
        assert store.stats()["papers"] == 1
        assert store.stats()["entries"] == 2
        assert sorted(path.name for path in folder.glob("papers-*.json")) == [
            "papers-2025-02.1.json"
        ]


def test_remerging_counts_updated_and_unchanged_and_older_text_does_not_win(
    folder: Path,
) -> None:
    with Store(folder) as store:
        fill(store, digest(("2025-02-03", [paper("1", "Title"), paper("2", "Two")])))
        counts = MergeCounts()
        store.merge_digests(
            [
                (
                    digest(
                        ("2025-02-03", [paper("1", "Title, fixed"), paper("2", "Two")])
                    ),
                    "b",
                ),
                (digest(("2025-01-01", [paper("2", "An older title")])), "c"),
            ],
            counts,
        )
        store.commit()
        assert (counts.new, counts.updated, counts.unchanged) == (0, 2, 0)
        assert store.paper("1").title == "Title, fixed"  # type: ignore[union-attr]
        assert store.paper("2").title == "Two"  # type: ignore[union-attr]
        assert store.paper("2").dates == ["2025-01-01", "2025-02-03"]  # type: ignore[union-attr]


def test_bookmarks_persist_and_an_import_never_rewrites_them(folder: Path) -> None:
    with Store(folder) as store:
        fill(store, digest(("2025-06-30", [paper("2506.1"), paper("2506.2")])))
        assert store.toggle_bookmark("2506.2") is True
    state = (folder / "state.json").read_bytes()
    with Store(folder) as store:
        assert store.is_bookmarked("2506.2")
        assert [mark.title for mark in store.bookmarks()] == ["Paper 2506.2"]
        fill(store, digest(("2025-07-01", [paper("2507.1")])))
    assert (folder / "state.json").read_bytes() == state
    with Store(folder) as store:
        assert store.toggle_bookmark("2506.2") is False
        assert store.bookmarks() == []


def test_state_keeps_backups_of_earlier_versions(folder: Path) -> None:
    for paper_id in ("a", "b", "c", "d"):
        with Store(folder) as store:
            store.set_bookmark(paper_id, True)
    backups = sorted(path.name for path in folder.glob("state.json.*"))
    assert backups == ["state.json.1", "state.json.2", "state.json.3"]
    newest_backup = json.loads((folder / "state.json.1").read_text())
    ids = {row["id"] for row in newest_backup["bookmarks"].values()}
    assert ids == {"a", "b", "c"}


def test_a_second_writer_is_refused_and_a_reader_falls_back_to_read_only(
    folder: Path,
) -> None:
    with Store(folder) as first:
        fill(first, digest(("2025-06-30", [paper("2506.1")])))
        with pytest.raises(LibraryBusy, match="in use by another papers"):
            Store(folder)
        with Store(folder, busy_read_only=True) as second:
            assert second.read_only
            assert any("read-only" in notice for notice in second.take_notices())
            assert second.dates() == ["2025-06-30"]
            with pytest.raises(Exception, match="read-only"):
                second.toggle_bookmark("2506.1")
    with Store(folder) as third:
        assert not third.read_only


def test_a_lock_left_by_a_killed_process_is_cleared(folder: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from tui.store import Store;"
            "s = Store(Path(sys.argv[1])); print('locked', flush=True); time.sleep(60)",
            str(folder),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LibraryBusy, match=str(holder.pid)):
            Store(folder)
    finally:
        holder.kill()
        holder.wait()
    with Store(folder) as store:
        assert not store.read_only


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b'{"meta": {"1": {"kind": "catalog", "sch', "not valid JSON"),
        (b"\x00\x01 binary", "not valid JSON"),
        (b'{"hello": "world"}', "not a papers library file"),
        (b'{"_default": {"1": {"x": 1}}}', "not a papers catalog file"),
        (
            b'{"meta": {"1": {"kind": "catalog", "schema": 1}},'
            b' "days": {"1": {"date": "2025-01-01"}}}',
            "unexpected content",
        ),
    ],
)
def test_a_damaged_catalog_is_named_and_left_untouched_when_reading(
    folder: Path, content: bytes, reason: str
) -> None:
    folder.mkdir()
    (folder / "catalog.json").write_bytes(content)
    with pytest.raises(DamagedFile, match=reason) as caught:
        Store(folder, read_only=True)
    assert "catalog.json" in str(caught.value)
    assert "to repair it" in str(caught.value)
    assert (folder / "catalog.json").read_bytes() == content


def test_a_damaged_catalog_is_set_aside_and_rebuilt_from_the_papers(
    folder: Path,
) -> None:
    with Store(folder) as store:
        fill(
            store,
            digest(("2025-06-30", [paper("2506.2"), paper("2506.1")])),
            digest(("2025-05-01", [paper("2505.1"), paper("2506.1")])),
        )
    (folder / "catalog.json").write_bytes(b'{"meta": {"1": {"kind": "cat')
    with Store(folder) as store:
        (notice,) = store.take_notices()
        assert "catalog.json" in notice and "rebuilt" in notice
        assert store.dates() == ["2025-06-30", "2025-05-01"]
        assert sorted(p.id for p in store.papers_on("2025-06-30")) == [
            "2506.1",
            "2506.2",
        ]
        assert store.paper("2506.1").dates == ["2025-05-01", "2025-06-30"]  # type: ignore[union-attr]
        assert not store.known_source("sha-0"), "old hashes would skip re-imports"
    assert len(list(folder.glob("catalog.json.damaged-*"))) == 1
    with Store(folder, read_only=True) as store:
        assert store.stats()["papers"] == 3


def test_a_damaged_state_is_set_aside_and_restored_from_the_last_backup(
    folder: Path,
) -> None:
    with Store(folder) as store:
        store.set_bookmark("kept", True)
    with Store(folder) as store:
        store.set_bookmark("lost", True)  # the backup holds only "kept"
    (folder / "state.json").write_bytes(b'{"bookmarks": {"1": {"id": "kep')
    with Store(folder) as store:
        notices = store.take_notices()
        assert [mark.id for mark in store.bookmarks()] == ["kept"]
    assert len(notices) == 1
    assert "not valid JSON" in notices[0]
    assert "restored from state.json.1" in notices[0]
    damaged = list(folder.glob("state.json.damaged-*"))
    assert len(damaged) == 1
    assert damaged[0].read_bytes() == b'{"bookmarks": {"1": {"id": "kep'


def test_a_file_from_a_newer_papers_is_refused_and_not_rewritten(
    folder: Path,
) -> None:
    with Store(folder) as store:
        store.set_bookmark("x", True)
    newer = json.loads((folder / "state.json").read_text())
    newer["meta"]["1"]["schema"] = 99
    (folder / "state.json").write_text(json.dumps(newer))
    before = (folder / "state.json").read_bytes()
    with pytest.raises(NewerSchema, match="newer papers"):
        Store(folder)
    assert (folder / "state.json").read_bytes() == before


def test_a_damaged_partition_is_set_aside_and_reported(folder: Path) -> None:
    with Store(folder) as store:
        fill(
            store,
            digest(("2025-06-30", [paper("2506.1")])),
            digest(("2025-05-01", [paper("2505.1")])),
        )
    partition = next(folder.glob("papers-2025-05.*.json"))
    partition.write_bytes(b"[1, 2")
    with Store(folder) as store:
        store.load_all()
        assert store.paper("2506.1") is not None
        assert store.paper("2505.1") is None
        (notice,) = store.take_notices()
        assert partition.name in notice and "re-import" in notice
        assert not store.known_source("sha-0")
    assert list(folder.glob(f"{partition.name}.damaged-*"))


def test_strays_of_a_killed_import_are_removed_by_the_next_writer(
    folder: Path,
) -> None:
    with Store(folder) as store:
        fill(store, digest(("2025-06-30", [paper("2506.1")])))
    (folder / "papers-2025-06.9.json").write_text("{}")
    (folder / ".catalog.json.tmp123").write_text("{")
    with Store(folder, read_only=True):
        assert (folder / "papers-2025-06.9.json").exists()
    with Store(folder) as store:
        store.load_all()
        assert store.paper("2506.1") is not None
    assert not (folder / "papers-2025-06.9.json").exists()
    assert not (folder / ".catalog.json.tmp123").exists()


def test_search_finds_words_phrases_and_fields(folder: Path) -> None:
    with Store(folder) as store:
        fill(
            store,
            digest(
                (
                    "2025-06-30",
                    [
                        paper("1", "Scaling [0] Heads", "Attention heads scale."),
                        paper("2", "Diffusion Models", "We scale diffusion."),
                    ],
                )
            ),
        )

        def found(query: str) -> list[str]:
            return [paper.id for paper in store.search(query).papers]

        assert found("scale") == ["1", "2"]
        assert found('"heads scale"') == ["1"]
        assert found("title:[0]") == ["1"]
        assert found("author:ada diffusion") == ["2"]
        assert found("author:nobody") == []
        first = store.search("SCALE", limit=1)
        assert [paper.title for paper in first.papers] == ["Scaling [0] Heads"]
        assert not first.complete
        assert store.search("SCALE", limit=2).complete


def test_the_model_layer_never_imports_textual() -> None:
    code = (
        "import sys, tui.store, tui.importing, tui.models, tui.commands;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_state_of_the_wrong_shape_counts_as_damage(folder: Path) -> None:
    with Store(folder) as store:
        store.set_bookmark("kept", True)
    with Store(folder) as store:
        store.set_bookmark("later", True)
    wrong = b'{"meta": {"1": {"kind": "state", "schema": 1}}, "bookmarks": {"1": {}}}'
    (folder / "state.json").write_bytes(wrong)
    with Store(folder) as store:
        (notice,) = store.take_notices()
        assert "unexpected content" in notice
        assert [mark.id for mark in store.bookmarks()] == ["kept"]


def test_a_damaged_state_still_reads_and_the_next_writer_restores_it(
    folder: Path,
) -> None:
    with Store(folder) as store:
        store.set_bookmark("kept", True)
    with Store(folder) as store:
        store.set_bookmark("later", True)
    (folder / "state.json").write_bytes(b"{")
    with Store(folder, read_only=True) as store:
        (notice,) = store.take_notices()
        assert "state.json" in notice and "to restore it" in notice
        assert store.stats()["bookmarks"] == 0
    assert (folder / "state.json").read_bytes() == b"{"
    with Store(folder) as store:
        assert [mark.id for mark in store.bookmarks()] == ["kept"]


def test_a_library_that_cannot_be_written_opens_read_only_for_the_reader(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(LibraryBusy, match="cannot be written"):
        Store(blocker / "library")
    with Store(blocker / "library", busy_read_only=True) as store:
        assert store.read_only
        assert "cannot be written" in store.take_notices()[0]
        assert store.dates() == []
    with pytest.raises(Exception, match="is not a folder"):
        Store(blocker, read_only=True)
