"""The reader's panes."""

from tui.widgets.date_sidebar import DateSidebar
from tui.widgets.key_footer import KeyFooter
from tui.widgets.paper_detail import PaperDetail
from tui.widgets.paper_list import PaperList

__all__ = ["DateSidebar", "KeyFooter", "PaperDetail", "PaperList"]
