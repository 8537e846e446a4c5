"""Read marks, tags, notes, settings and undo, on real files."""

from __future__ import annotations

from pathlib import Path

from tui.library import MergeCounts
from tui.models import Digest, DigestDay, Paper
from tui.store import Store


def filled(folder: Path) -> Store:
    store = Store(folder)
    papers = [
        Paper(f"2506.0000{n}", f"Paper {n}", dates=["2025-06-30"]) for n in (1, 2, 3)
    ]
    digest = Digest("d.md", [DigestDay("2025-06-30", 1, papers)])
    store.merge_digests([(digest, "sha")], MergeCounts())
    store.commit()
    return store


def test_read_marks_tags_notes_and_settings_survive_reopening(tmp_path: Path) -> None:
    with filled(tmp_path) as store:
        assert store.unread_on("2025-06-30") == 3
        assert store.toggle_read("2506.00001") is True
        store.set_tags("2506.00002", ["rl", " agents ", "RL", "", "#agents", "#"])
        store.set_tags("2506.00003", ["rl"])
        store.set_note("2506.00002", "  Read the appendix.  ")
        store.state.set_setting("theme", "gruvbox")
    with Store(tmp_path) as store:
        assert store.is_read("2506.00001")
        assert store.unread_on("2025-06-30") == 2
        assert store.tags_of("2506.00002") == ["rl", "agents"]
        assert store.tag_counts() == {"agents": 1, "rl": 2}
        assert sorted(store.tagged("rl")) == ["2506.00002", "2506.00003"]
        assert store.note_of("2506.00002") == "Read the appendix."
        assert store.state.setting("theme") == "gruvbox"
        assert store.state.setting("missing", "default") == "default"


def test_undo_takes_back_each_change_in_turn(tmp_path: Path) -> None:
    with filled(tmp_path) as store:
        store.toggle_bookmark("2506.00001")
        assert store.mark_day_read("2025-06-30") == 3
        store.set_tags("2506.00002", ["rl"])
        store.set_note("2506.00002", "first")
        store.set_note("2506.00002", "second")

        assert store.undo() == "note on 2506.00002"
        assert store.note_of("2506.00002") == "first"
        assert store.undo() == "note on 2506.00002"
        assert store.note_of("2506.00002") == ""
        assert store.undo() == "tags of 2506.00002"
        assert store.tags_of("2506.00002") == []
        assert store.undo() == "mark 2025-06-30 read"
        assert store.unread_on("2025-06-30") == 3
        assert store.undo() == "bookmark 2506.00001"
        assert not store.is_bookmarked("2506.00001")
        assert store.undo() is None
    with Store(tmp_path) as store:
        assert store.unread_on("2025-06-30") == 3
        assert store.bookmarks() == []


def test_marking_a_day_read_twice_records_one_change(tmp_path: Path) -> None:
    with filled(tmp_path) as store:
        store.toggle_read("2506.00002")
        assert store.mark_day_read("2025-06-30") == 2
        assert store.mark_day_read("2025-06-30") == 0
        assert len(store.history) == 2
        store.undo()
        assert [store.is_read(f"2506.0000{n}") for n in (1, 2, 3)] == [
            False,
            True,
            False,
        ]


def test_marks_made_by_looking_are_not_undo_steps(tmp_path: Path) -> None:
    with filled(tmp_path) as store:
        store.toggle_bookmark("2506.00001")
        store.set_read(["2506.00002"], True, undoable=False)
        assert store.undo() == "bookmark 2506.00001"
        assert store.is_read("2506.00002")
        assert store.undo() is None
