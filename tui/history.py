"""Undo for the user's own changes: each step knows how to put things back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

LIMIT = 500


@dataclass(frozen=True, slots=True)
class Step:
    """One change the user made, described for the undo notice."""

    description: str
    revert: Callable[[], object]


class History:
    """The changes of this session, newest last; `undo` takes them back in turn."""

    def __init__(self) -> None:
        self._steps: list[Step] = []

    def __len__(self) -> int:
        return len(self._steps)

    def record(self, description: str, revert: Callable[[], object]) -> None:
        self._steps.append(Step(description, revert))
        del self._steps[:-LIMIT]

    def undo(self) -> str | None:
        """Revert the newest change; its description, or None with nothing left."""
        if not self._steps:
            return None
        step = self._steps.pop()
        step.revert()
        return step.description
