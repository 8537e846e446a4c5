"""The `papers` command: parse arguments, open the Store, run a command or reader."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__, commands
from tui.storage import LibraryError
from tui.store import LIBRARY_ENV, Store, default_folder

EPILOG = f"""\
With no command, papers opens the reader. The library folder is --library,
else ${LIBRARY_ENV}, else the platform's user data folder (now: {{folder}}).
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="papers",
        description="A keyboard-driven terminal reader for daily AI-paper digests.",
        epilog=EPILOG.format(folder=default_folder()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument(
        "--library", type=Path, metavar="DIR", help="the library folder to use"
    )
    commands_ = parser.add_subparsers(dest="command", metavar="COMMAND")

    importing = commands_.add_parser("import", help="import digest files or folders")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument("--quiet", action="store_true", help="print only problems")
    importing.add_argument("--json", action="store_true", help="print JSON")

    stats = commands_.add_parser("stats", help="count papers, days and bookmarks")
    stats.add_argument("--json", action="store_true", help="print JSON")

    show = commands_.add_parser("show", help="print one paper")
    show.add_argument("paper_id", metavar="ARXIV_ID")
    show.add_argument("--json", action="store_true", help="print JSON")

    bookmark = commands_.add_parser("bookmark", help="add, remove or list bookmarks")
    bookmark.add_argument("action", choices=["add", "remove", "list"])
    bookmark.add_argument("paper_ids", nargs="*", metavar="ARXIV_ID")
    bookmark.add_argument("--json", action="store_true", help="print JSON (list)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    folder: Path = arguments.library or default_folder()
    try:
        return run(arguments, folder)
    except LibraryError as error:
        print(f"papers: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def run(arguments: argparse.Namespace, folder: Path) -> int:
    command = arguments.command
    if command is None:
        return commands.read(folder)
    if command == "import":
        with Store(folder) as store:
            return commands.import_digests(
                store, arguments.paths, quiet=arguments.quiet, as_json=arguments.json
            )
    if command == "bookmark" and arguments.action != "list":
        with Store(folder) as store:
            return commands.change_bookmarks(
                store, arguments.paper_ids, on=arguments.action == "add"
            )
    with Store(folder, read_only=True) as store:
        if command == "stats":
            return commands.print_stats(store, as_json=arguments.json)
        if command == "show":
            return commands.show_paper(
                store, arguments.paper_id, as_json=arguments.json
            )
        return commands.list_bookmarks(store, as_json=arguments.json)
