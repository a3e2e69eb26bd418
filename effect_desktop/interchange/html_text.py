"""Anki fields are HTML; a word and its meaning are plain text."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_BREAKS = {"br", "div", "p", "li", "tr"}
_DROPPED = {"script", "style"}
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_MEDIA = re.compile(r"<img\b|\[sound:|<audio\b|<video\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.skipping += 1
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED and self.skipping:
            self.skipping -= 1
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text: tags dropped, line breaks kept (one per break), entities decoded, sounds removed."""
    parser = _Text()
    parser.feed(_SOUND.sub("", html))
    parser.close()
    text = unescape("".join(parser.parts))
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def has_media(html: str) -> bool:
    return bool(_MEDIA.search(html))
