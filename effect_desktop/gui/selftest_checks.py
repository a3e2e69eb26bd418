"""The self-test's checks of the Qt side: plugins, translations, icon, charts, the main window.

These are the parts a packaged build loses first: a platform or image-format
plugin left out of the bundle, Qt's Japanese translation, the SVG icon engine,
the QtCharts module from PySide6-Addons. Each check loads the real thing and
draws it into an image, so "present but unusable" fails too.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QObject, Qt, QTranslator
from PySide6.QtGui import QIcon, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from ..bootstrap import open_profile, profile_path
from ..resources_path import resource_path
from ..selftest.runner import CheckFailed, SelfTest, seconds_since_process_start

QT_LANGUAGES = ("ja",)  # Qt's own translations shipped besides English
WINDOW_SIZE = (1000, 700)
PAINT_TIMEOUT_MS = 10_000


def _native_platform() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    return "xcb"


def application() -> QApplication:
    """The app's own QApplication set-up (name, icon, style), as a double-click gets it."""
    from .app import create_application

    return create_application([sys.argv[0] if sys.argv else "effect-desktop"])


def start_qt(test: SelfTest) -> str:
    app = application()
    test.values["app"] = app
    check_signal_references()
    return (f"Qt {QLibraryInfo.version().toString()}, platform {app.platformName()}, "
            "signals keep Python's reference counts")


def check_signal_references() -> None:
    """PySide6 6.12.0's emit() took a reference from True each time, and the window aborted after
    a few thousand signals on Python 3.11: a build must not carry such a binding."""
    from PySide6.QtCore import Signal

    class Emitter(QObject):
        fired = Signal(object)

    emitter = Emitter()
    before = sys.getrefcount(True)
    for _ in range(50):
        emitter.fired.emit(None)
    if sys.getrefcount(True) != before:
        raise RuntimeError(f"this PySide6 drops references on emit ({before} -> {sys.getrefcount(True)}): "
                           "the window would abort after a few thousand signals; rebuild with PySide6 < 6.12")


def check_plugins() -> str:
    """The platform plugins (offscreen and the native one) and the SVG/PNG image formats are there."""
    found: dict[str, list[str]] = {}
    for folder in QCoreApplication.libraryPaths():
        for kind in ("platforms", "imageformats", "iconengines"):
            directory = Path(folder) / kind
            if directory.is_dir():
                found.setdefault(kind, []).extend(p.name for p in directory.iterdir())
    wanted = {"platforms": ["offscreen", _native_platform()], "imageformats": ["svg"], "iconengines": ["svg"]}
    missing = [f"{kind}/{name}" for kind, names in wanted.items() for name in names
               if not any(name in file for file in found.get(kind, []))]
    if missing:
        raise CheckFailed(f"missing Qt plugins {', '.join(missing)} (searched {QCoreApplication.libraryPaths()})")
    _native_plugin_loads()
    names = ", ".join(f"{kind}/{name}" for kind, names in wanted.items() for name in names)
    return f"found {names} among {sum(len(v) for v in found.values())} plugins; the {_native_platform()} one loads"


def _native_plugin_loads() -> None:
    """On Linux the X11 plugin's file was there while the system libraries it needs were not: "OK"
    here, and the window then aborted with Qt's "Could not load the Qt platform plugin "xcb""."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    for folder in QCoreApplication.libraryPaths():
        for plugin in (Path(folder) / "platforms").glob("libqxcb*.so"):
            try:
                ctypes.CDLL(str(plugin), mode=ctypes.RTLD_LOCAL)
            except OSError as error:
                raise CheckFailed(f"the X11 platform plugin cannot load: {error}; on Debian/Ubuntu "
                                  "packaging/install-system-deps.sh installs the libraries it needs") from error
            return


def check_translations() -> str:
    """Our .qm files (if any are shipped yet) and Qt's own Japanese strings load."""
    ours = sorted(resource_path("translations").glob("*.qm"))
    for file in ours:
        if not QTranslator().load(str(file)):
            raise CheckFailed(f"{file.name} is not a loadable translation")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in QT_LANGUAGES:
        if not QTranslator().load(f"qtbase_{language}", qt_dir):
            raise CheckFailed(f"Qt's qtbase_{language}.qm was not found in {qt_dir}")
    from . import i18n

    try:
        in_use = i18n.install("ja")
    finally:
        i18n.install("en")
    if in_use != "ja":
        raise CheckFailed(f"switching the interface to Japanese gave {in_use!r}")
    names = ", ".join(f.stem for f in ours) if ours else "none shipped yet"
    return f"ours: {names}; Qt's: {', '.join('qtbase_' + lang for lang in QT_LANGUAGES)}; Japanese interface loads"


def check_icon() -> str:
    path = resource_path("icons", "effect-desktop.svg")
    if not path.is_file():
        raise CheckFailed(f"the app icon {path} is missing")
    icon = QIcon(str(path))
    image = icon.pixmap(64, 64).toImage()
    if icon.isNull() or distinct_colours(image) < 2:
        raise CheckFailed(f"{path.name} did not render (is the SVG icon engine bundled?)")
    return f"{path.name} renders at 64x64"


def check_charts() -> str:
    """QtCharts (PySide6-Addons) imports and draws: the statistics page needs it."""
    from PySide6.QtCharts import QChart, QChartView, QLineSeries

    series = QLineSeries()
    for day, count in enumerate((3, 5, 2, 8, 6)):
        series.append(day, count)
    chart = QChart()
    chart.addSeries(series)
    chart.createDefaultAxes()
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(320, 200)
    image = view.grab().toImage()
    view.deleteLater()
    if distinct_colours(image) < 3:
        raise CheckFailed("a line chart drew as a blank image")
    return "a line chart draws"


def render_main_window(test: SelfTest) -> str:
    """Build the main window on the self-test's profile, show it offscreen and grab it."""
    window = build_main_window(test.values["profile"])
    try:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.resize(*WINDOW_SIZE)
        window.show()
        wait_for_paint(window)
        image = window.grab().toImage()
        colours = distinct_colours(image)
        if image.isNull() or image.width() == 0 or image.height() == 0 or colours < 3:
            raise CheckFailed(f"the window rendered {image.width()}x{image.height()} with {colours} colours")
        saved = ""
        if test.values.get("screenshot"):
            if not image.save(test.values["screenshot"]):
                raise CheckFailed(f"the screenshot could not be written to {test.values['screenshot']}")
            saved = f", saved to {test.values['screenshot']}"
        return f"{type(window).__name__} rendered {image.width()}x{image.height()} ({colours} colours sampled{saved})"
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()


def build_main_window(profile: Any) -> QWidget:
    from .main_window import MainWindow

    return MainWindow(profile)


@dataclass(frozen=True)
class StartupTiming:
    probe_seconds: float  # from the probe's start (modules already imported) to the first paint
    since_process_start: float | None  # from the process's start (Linux only), what a user waits
    cpu_seconds: float  # CPU time until the paint: roughly the wall time on an idle machine


def time_to_window(folder: Path) -> StartupTiming:
    """Open the main window on a fresh profile, set up as `run_gui` does, and time its first paint."""
    from . import i18n

    started = time.perf_counter()
    application()
    profile = open_profile(profile_path(folder, "probe"))
    try:
        i18n.install(profile.settings.get("language", "system") or "system")
        window = build_main_window(profile)
        window.show()
        wait_for_paint(window)
        timing = StartupTiming(time.perf_counter() - started, seconds_since_process_start(), time.process_time())
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()
        return timing
    finally:
        profile.close()


class _PaintWatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def wait_for_paint(window: QWidget) -> None:
    watcher = _PaintWatcher()
    window.installEventFilter(watcher)
    deadline = time.perf_counter() + PAINT_TIMEOUT_MS / 1000
    while not watcher.painted and time.perf_counter() < deadline:
        QCoreApplication.processEvents()
        if not watcher.painted:
            time.sleep(0.002)
    window.removeEventFilter(watcher)
    if not watcher.painted:
        raise CheckFailed(f"the main window was not painted within {PAINT_TIMEOUT_MS / 1000:.0f} s")


def distinct_colours(image: QImage, samples: int = 40) -> int:
    """How many different colours a grid of sample points finds: 1 means a blank image."""
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return 0
    colours = {image.pixel(x * (image.width() - 1) // (samples - 1), y * (image.height() - 1) // (samples - 1))
               for x in range(samples) for y in range(samples)}
    return len(colours)
