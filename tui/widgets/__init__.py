"""The reader's panes."""

from tui.widgets.date_sidebar import DateSidebar
from tui.widgets.key_footer import KeyFooter
from tui.widgets.paper_detail import Mine, PaperDetail
from tui.widgets.paper_list import PaperList, Row

__all__ = ["DateSidebar", "KeyFooter", "Mine", "PaperDetail", "PaperList", "Row"]
