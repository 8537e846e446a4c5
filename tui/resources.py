"""Where the files shipped beside the package are: `styles/` and `data/`.

In a source checkout (and an editable install) they sit next to `tui/`; a wheel
carries them inside the package as `tui/_bundled/` (see pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).parent


def bundled(name: str) -> Path:
    """The shipped folder `name` (`styles` or `data`)."""
    inside = PACKAGE / "_bundled" / name
    return inside if inside.is_dir() else PACKAGE.parent / name
