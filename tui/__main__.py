"""Let `python -m tui` behave like the `papers` command."""

from tui.cli import main

raise SystemExit(main())
