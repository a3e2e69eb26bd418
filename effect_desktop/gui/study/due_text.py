"""How long a grade puts a word away, as the grade buttons say it: "6 days", "1.5 months"."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

DAYS_PER_MONTH = 365.25 / 12


def due_in(days: int) -> str:
    return DueText().say(days)


def again_in_session() -> str:
    """What Again does to a word asked for the first time in a session: it is asked again later in
    the same session (run.py requeues it); its schedule is set by this first answer all the same."""
    return DueText().again_in_session()


class DueText(QObject):
    """A QObject for its `self.tr(…, n)`: the call lupdate reads as a counted (plural) message."""

    def again_in_session(self) -> str:
        return self.tr("again in this session")

    def say(self, days: int) -> str:
        if days <= 0:
            return self.tr("today")
        if days < 30:
            return self.tr("%Ln day(s)", "", days)
        if days < 365:
            months = _rounded(days / DAYS_PER_MONTH)
            if isinstance(months, int):
                return self.tr("%Ln month(s)", "", months)
            return self.tr("{0} months").format(QLocale().toString(months, "f", 1))
        years = _rounded(days / 365.25)
        if isinstance(years, int):
            return self.tr("%Ln year(s)", "", years)
        return self.tr("{0} years").format(QLocale().toString(years, "f", 1))


def _rounded(value: float) -> int | float:
    """One decimal below ten ("1.5"), whole from ten on; whole numbers as int (said with a plural)."""
    rounded = round(value, 1) if value < 10 else float(round(value))
    return int(rounded) if rounded.is_integer() else rounded
