"""Kill `papers` with SIGKILL at random moments: the library always loads, and
every bookmark the command acknowledged is on disk."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tui.store import Store

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"
)

ROUNDS = 12
IDS = [f"2506.{number:05d}" for number in range(1, 121)]


def write_digests(
    folder: Path, days: int, per_day: int, month: str = "2025-06"
) -> None:
    """Digests for the first `days` days of `month`, with ids of that month."""
    folder.mkdir(parents=True, exist_ok=True)
    prefix = month[2:4] + month[5:7]
    for day in range(1, days + 1):
        rows = [
            f"## Papers for {month}-{day:02d}",
            "",
            "| Title | Authors | Summary |",
            "|-------|---------|---------|",
        ]
        for number in range(per_day):
            paper_id = f"{prefix}.{(day - 1) * per_day + number + 1:05d}"
            rows.append(
                f"| Paper {paper_id} (Read more on [arXiv](https://arxiv.org/abs/"
                f"{paper_id}) or [HuggingFace](https://huggingface.co/papers/"
                f"{paper_id}))| Ada, Bob | A summary of {paper_id}. |"
            )
        (folder / f"{month}-{day:02d}.md").write_text("\n".join(rows) + "\n")


def papers(library: Path, *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "--library", str(library), *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def run_and_kill(process: subprocess.Popen[str], after: float) -> list[str]:
    """Kill `process` after `after` seconds; return the lines it printed by then."""
    lines: list[str] = []

    def collect() -> None:
        assert process.stdout is not None
        lines.extend(process.stdout)

    reader = threading.Thread(target=collect)
    reader.start()
    time.sleep(after)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    reader.join()
    return [line.strip() for line in lines]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    digests = tmp_path / "digests"
    write_digests(digests, days=6, per_day=20)
    folder = tmp_path / "library"
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(folder), "import", str(digests)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return folder


def test_acknowledged_bookmarks_survive_sigkill(library: Path) -> None:
    seed = random.randrange(1 << 30)
    chooser = random.Random(seed)
    expected: set[str] = set()
    for round_number in range(ROUNDS):
        adding = round_number % 3 != 2
        burst = chooser.sample(IDS, 60)
        action = "add" if adding else "remove"
        lines = run_and_kill(
            papers(library, "bookmark", action, *burst), chooser.uniform(0.2, 1.2)
        )
        acknowledged = {line.split()[-1] for line in lines if line}
        if adding:
            expected |= acknowledged
        else:
            expected -= acknowledged
        with Store(library, read_only=True) as store:
            present = {mark.id for mark in store.bookmarks()}
        context = f"seed {seed}, round {round_number}"
        if adding:
            assert acknowledged <= present, context
        else:
            assert not acknowledged & present, context
        assert expected - present <= set(burst), context


def test_a_killed_import_leaves_the_old_or_the_new_library(
    library: Path, tmp_path: Path
) -> None:
    more = tmp_path / "more"
    with Store(library, read_only=True) as store:
        before = store.stats()["papers"]
    seed = random.randrange(1 << 30)
    chooser = random.Random(seed)
    for round_number in range(ROUNDS):
        month = f"2024-{round_number + 1:02d}"
        write_digests(more / month, days=28, per_day=40, month=month)
        run_and_kill(papers(library, "import", str(more)), chooser.uniform(0.1, 1.5))
        with Store(library) as store:
            store.load_all()
            stats = store.stats()
            assert not store.take_notices(), f"seed {seed}, round {round_number}"
            loaded = store.library.loaded_count
        assert stats["papers"] >= before, f"seed {seed}"
        assert loaded == stats["papers"], f"seed {seed}, round {round_number}"
        assert not list(library.glob(".*.json.*")), "the next writer removes strays"
