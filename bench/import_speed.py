"""Import throughput: the shared corpus, and a synthetic folder of digests.

    python bench/import_speed.py                 # corpus, then 100,000 papers
    python bench/import_speed.py --size 30000

Each figure is the whole `papers import` path in one process: find the files,
hash them, parse the new ones, merge, and write the library once. A second run
over the same files shows what skipping unchanged files by hash saves.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synth import CORPUS, render_markdown, synthetic_digests
from tui.importing import ImportReport, import_paths
from tui.store import Store


def timed_import(library: Path, digests: Path) -> tuple[float, ImportReport]:
    started = time.perf_counter()
    with Store(library) as store:
        report = import_paths(store, [digests])
    return time.perf_counter() - started, report


def write_synthetic(folder: Path, size: int) -> None:
    for digest in synthetic_digests(size):
        date = digest.days[0].date
        path = folder / date[:4] / f"{date}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_markdown(digest), encoding="utf-8")


def measure(name: str, digests: Path, root: Path) -> None:
    library = root / f"library-{name}"
    first, report = timed_import(library, digests)
    again, repeat = timed_import(library, digests)
    papers = report.counts.new + report.counts.updated + report.counts.unchanged
    print(
        f"| {name} | {report.files:,} | {papers:,} | {first:.2f} |"
        f" {papers / first:,.0f} | {again:.2f} | {first / again:.1f}x |"
        f" {len(report.problems)} | {repeat.unchanged_files:,} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    size = parser.parse_args().size
    print(
        "| input | files | papers | first import s | papers/s |"
        " re-import s | speed-up | problems | files skipped |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="papers-import-") as root:
        measure("shared corpus", CORPUS, Path(root))
        synthetic = Path(root) / "synthetic"
        write_synthetic(synthetic, size)
        measure(f"synthetic {size:,}", synthetic, Path(root))


if __name__ == "__main__":
    main()
