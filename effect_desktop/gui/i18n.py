"""Interface language: English (the source strings, plus their plural forms) or Japanese, from Qt translations.

"system" follows the system locale. Qt's own translations (standard buttons
such as OK and Cancel) are loaded beside ours when available; the few strings
Qt's Japanese leaves in English (the file dialog's "Look in:") are in our
qt_gaps_ja, which Qt consults after its own.

A switch also gives the windows already open the new locale: a widget takes
the default locale when it is created and keeps it, so after a switch in
Settings the heatmap named its months and weekdays in the old language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from .paths import translations_dir

_installed: list[QTranslator] = []


def resolve(language: str) -> str:
    """"en" or "ja" for a preference ("system", "en", "ja")."""
    if language in ("en", "ja"):
        return language
    names = [QLocale.system().name(), *QLocale.system().uiLanguages()]
    return "ja" if any(n.lower().startswith("ja") for n in names) else "en"


def install(language: str) -> str:
    """Install the translators for a preference; returns the language now in use."""
    chosen = _install_translators(language)
    _relocate_open_windows()
    return chosen


def _relocate_open_windows() -> None:
    """The windows open now take the new default locale, and pass it to their widgets (dates,
    month and weekday names). One given a locale of its own keeps it."""
    if not isinstance(QCoreApplication.instance(), QApplication):
        return
    for window in QApplication.topLevelWidgets():
        if not window.testAttribute(Qt.WidgetAttribute.WA_SetLocale):
            window.unsetLocale()


def _install_translators(language: str) -> str:
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()  # children of the app: they would pile up at each switch
    _installed.clear()
    chosen = resolve(language)
    if app is None:
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return "en"
    # effect_desktop_<lang>.qm plus any screen's own file (e.g. statistics_<lang>.qm); English has
    # one too, for the plural forms of counted messages ("1 day", "3 days": effect_desktop_en.ts,
    # written by packaging/english_plurals.py).
    # Installed in name order, and Qt asks the last installed first: a screen's own file wins.
    for file in sorted(translations_dir().glob(f"*_{chosen}.qm")):
        ours = QTranslator(app)
        if ours.load(str(file)):
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
    if chosen == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return "en"
    qt = QTranslator(app)
    if qt.load(f"qtbase_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(chosen))
    return chosen


def in_use() -> str:
    """The interface language now installed: "ja" or "en"."""
    return "ja" if QLocale().language() == QLocale.Language.Japanese else "en"
