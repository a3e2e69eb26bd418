"""The history timeline screen: `TimelinePage(profile, parent)` and `open_word_history(parent, profile, word_id)`."""

from .page import TimelinePage, timeline_page
from .word_history import open_word_history

__all__ = ["TimelinePage", "open_word_history", "timeline_page"]
