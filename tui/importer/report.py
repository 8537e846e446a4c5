"""Collects the problems and notes met while reading one digest."""

from __future__ import annotations

from tui.models import Problem


class Report:
    """Problems (things not read) and notes (things worth telling) for one source."""

    __slots__ = ("notes", "problems", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []

    def problem(self, line: int, reason: str) -> None:
        """Record something that could not be read."""
        self.problems.append(Problem(self.source, line, reason))

    def note(self, line: int, reason: str) -> None:
        """Record something worth telling that lost nothing."""
        self.notes.append(Problem(self.source, line, reason))
