"""Tooltips that show a learner's text as it is written.

Qt shows a tooltip as rich text when it looks like markup (Qt.mightBeRichText):
a word typed or imported as `<b>BOLD</b><img src="/tmp/x.png">` showed bold in
its history's tooltip and loaded the picture. Text of the learner's (a word, a
meaning, a file's column name) is turned into rich text that shows it literally.
"""

from __future__ import annotations

import html
import re

_SPACE_AFTER_SPACE = re.compile(r"(?<= ) ")


def plain_tip(text: str) -> str:
    """`text` as a tooltip that shows it as written, runs of spaces and line breaks kept ("1   cat"
    on a choice button) and long lines wrapped ("" stays "": no tooltip)."""
    if not text:
        return ""
    escaped = _SPACE_AFTER_SPACE.sub("&nbsp;", html.escape(text, quote=False)).replace("\n", "<br>")
    return f"<p>{escaped}</p>"
