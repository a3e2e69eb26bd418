"""The import dialog: pick a word list or Anki deck, check the preview and mapping, import in one go.

Reading, checking and writing run in a worker thread (a 50,000-row file
must not freeze the window) and report progress; Cancel stops the reading
and checking, and since the write is one command nothing is ever half
imported. As soon as a file is read, and again whenever the mapping or the
duplicate choice changes, the rows are checked (nothing written) and the
dialog says what an import would do: new words, updates, duplicates, and the
bad rows by line number with their reason; the user fixes the file or ticks
"leave out bad rows". The main window calls `open_import_dialog(parent,
profile)`, refreshes its pages when it returns a report, and shows
`import_summary(report)`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..backup.schedule import ImportNotBackedUp, backup_before_import
from ..bootstrap import Profile
from ..interchange.apkg_import import ANKI_SUFFIXES, read_apkg
from ..interchange.candidates import FIELDS, ImportCancelled, Parsed, RowProblem
from ..interchange.csv_import import IGNORE, guess_mapping, readable_cells, table_candidates
from ..interchange.encodings import ENCODING_LABELS
from ..interchange.errors import InterchangeError
from ..interchange.files import refuse_the_profile
from ..interchange.history_scheduler import RECOMMENDED, fsrs_recommended, import_scheduled
from ..interchange.importer import ImportPlan, ImportReport, OnDuplicate, plan_import
from ..interchange.word_table import WordTable, column_name, read_word_table
from .core_messages import localise, os_reason
from .errors import show_error, user_message
from .operations import BackgroundJob
from .plain_tips import plain_tip
from .style import resize_within_screen
from .wheel_guard import wheel_scrolls_past

PREVIEW_ROWS = 100
PREVIEW_LEAST_ROWS = 4  # the preview's least height, in rows: below it the dialog's body scrolls
STRETCHED_COLUMNS = 8  # up to this many, the preview's columns share its width, under their mapping
# Windows-1252: Western European Excel's plain "CSV" (detected only when it reads as Latin words)
# The encodings spreadsheets save plain "CSV" in around the world: the first ones are detected, the rest
# (which no reading can tell from each other's bytes) are for choosing when the preview looks wrong.
ENCODINGS = (("", "Detect"), ("utf-8", "UTF-8"), ("utf-16", "UTF-16"), ("cp932", "Shift_JIS (CP932)"),
             ("cp1252", "Windows-1252 (Western European)"), ("cp1250", "Windows-1250 (Central European)"),
             ("cp1251", "Windows-1251 (Cyrillic)"), ("cp1253", "Windows-1253 (Greek)"),
             ("cp1254", "Windows-1254 (Turkish)"), ("cp1257", "Windows-1257 (Baltic)"),
             ("cp1255", "Windows-1255 (Hebrew)"), ("cp1256", "Windows-1256 (Arabic)"),
             ("cp1258", "Windows-1258 (Vietnamese)"), ("cp874", "Windows-874 (Thai)"),
             ("gb18030", "GB18030 (Simplified Chinese)"), ("big5", "Big5 (Traditional Chinese)"),
             ("cp949", "EUC-KR / CP949 (Korean)"), ("euc-jp", "EUC-JP (Japanese)"), ("koi8-r", "KOI8-R (Russian)"))
DELIMITER_CHOICES = (("", "Detect"), (",", "Comma"), ("\t", "Tab"), (";", "Semicolon"), ("|", "Vertical bar"))
FIELD_LABELS = {"text": "Word", "meaning": "Meaning", "category": "Category", "tags": "Tags",
                "difficulty": "Difficulty", IGNORE: "(ignore)"}
Work = Callable[[Callable[[int, int], bool]], Any]


class ImportDialog(QDialog):
    loaded = Signal()  # the preview is ready, and checked
    checked = Signal(object)  # what an import would do: an ImportPlan, or the message saying why it cannot
    finished_import = Signal(object)  # an ImportReport, a list of problems, or an exception

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import words"))
        resize_within_screen(self, 820, 620)
        self.profile = profile
        self.path: Path | None = None
        self.header: bool | None = None  # whether the first row names the columns (None: detect)
        self.as_anki: bool | None = None  # whether a file with HTML is older Anki's export (None: detect)
        self.table: WordTable | None = None
        self.parsed: Parsed | None = None  # an Anki deck is read whole
        self._shown_choices: tuple[int, int] | None = None  # (encoding, delimiter) the table was read with
        self._held: list[tuple[QWidget, bool]] = []  # choices disabled while a job runs, and their state
        self._focus_back: QWidget | None = None  # the held choice that had the keyboard focus
        self.job: BackgroundJob | None = None
        self.report: ImportReport | None = None
        self.combos: list[QComboBox] = []
        self.columns: list[str] = []  # the preview's column names (a word list's)
        self.plan: ImportPlan | None = None
        self._check_again = False  # the choices changed while a check ran
        self._importing = False  # the running job writes (Cancel stops it) rather than reads or checks
        # Past this point the words are being written, as one command that cannot be stopped: the worker
        # crosses it, and Cancel asks to stop, under one lock, so a late Cancel is never said to work.
        self._write_gate = threading.Lock()
        self._writing = False
        self._first_check = False  # `loaded` waits for the first check
        self._build()

    # --- layout --------------------------------------------------------------------------------------
    def _build(self) -> None:
        # Everything above the bottom row scrolls, so Cancel and Import stay on screen: stacked whole, the
        # dialog was 522 pixels tall on a 911×512 screen (1366×768 at 150%) and 646 on a 600-pixel
        # netbook at a 150% font, its buttons below the bottom edge.
        outer = QVBoxLayout(self)
        body = self.body = QWidget()
        body.setObjectName("importBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.body_area = QScrollArea()
        self.body_area.setObjectName("importBodyArea")
        self.body_area.setWidgetResizable(True)
        self.body_area.setFrameShape(QScrollArea.Shape.NoFrame)
        # Tab goes from control to control, each scrolled into sight, not to the nameless area around them
        self.body_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body_area.setWidget(body)
        outer.addWidget(self.body_area, 1)
        self._build_file_row(layout)
        self._build_reading_options(layout)
        self._build_preview(layout)
        self._build_duplicate_choice(layout)
        self._build_problems(layout)
        # What the check found stays above the buttons, outside the scrolling: in the body it started
        # below the fold of the dialog's own 820×620, and Import was pressed without "2 rows cannot be
        # imported" ever seen
        outer.addWidget(self.check_summary)
        outer.addLayout(self._bottom_row())

    def _build_file_row(self, layout: QVBoxLayout) -> None:
        top = QHBoxLayout()
        self.file_label = QLabel(self.tr("Choose a CSV, TSV or Anki (.apkg) file."))
        self.file_label.setObjectName("fileLabel")
        # the path as written: a file named "<font color=red size=6>list.csv" showed as a big red name
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        choose = QPushButton(self.tr("Choose &file…"))
        choose.clicked.connect(self.choose_file)
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        layout.addLayout(top)

    def _build_reading_options(self, layout: QVBoxLayout) -> None:
        """How the file is read: encoding, separator, header, and for Anki's notes how they are taken."""
        options = QFormLayout()
        self.encoding_combo = self._choices(ENCODINGS)
        self.delimiter_combo = self._choices(DELIMITER_CHOICES)
        self.encoding_combo.activated.connect(self.reload)
        self.delimiter_combo.activated.connect(self.reload)
        self.detected_label = QLabel("")
        self.detected_label.setObjectName("detectedLabel")
        self.detected_label.setWordWrap(True)
        options.addRow(self.tr("Encoding"), self.encoding_combo)
        options.addRow(self.tr("Columns separated by"), self.delimiter_combo)
        self.header_check = QCheckBox(self.tr("First row is a header"))  # detected; the user has the last word
        self.header_check.setObjectName("headerCheck")
        self.header_check.setEnabled(False)
        self.header_check.clicked.connect(self._header_chosen)
        options.addRow("", self.header_check)
        # A tab-separated file with some HTML and no Anki header lines: read as older Anki's export only on
        # strong evidence; the learner says which it is (a plain list's category became tags).
        self.anki_check = QCheckBox(self.tr("Anki's notes: HTML read as text, the last column as tags"))
        self.anki_check.setObjectName("ankiCheck")
        self.anki_check.setVisible(False)
        self.anki_check.clicked.connect(self._anki_chosen)
        options.addRow("", self.anki_check)
        # A collection exported with its scheduling carries every review: kept unless the learner wants a
        # fresh start (then every word is new, as a deck's words without history are).
        self.history_check = QCheckBox(self.tr("Keep the review history as answers"))
        self.history_check.setToolTip(self.tr(
            "Each Anki review becomes an answer on the day it was given, so each word's schedule, your "
            "statistics and the timeline go on from there. Untick it to start every word afresh."))
        self.history_check.setObjectName("historyCheck")
        self.history_check.setVisible(False)
        self.history_check.setChecked(True)
        self.history_check.toggled.connect(self._check)
        options.addRow("", self.history_check)
        # history_scheduler.py: under SM-2 three years of Anki reviews pushed a third of the words ten years away
        self.fsrs_check = QCheckBox(self.tr("Schedule by FSRS from now on (recommended)"))
        self.fsrs_check.setToolTip(self.tr(
            "SM-2 counts every Anki review as if it came when the word was due, and would push many words years "
            "away; FSRS counts the time between reviews. Scheduler… on the Timeline page switches back at any time."))
        self.fsrs_check.setObjectName("fsrsCheck")
        self.fsrs_check.setVisible(False)
        self.fsrs_check.setChecked(True)
        self.history_check.toggled.connect(self.fsrs_check.setEnabled)
        options.addRow("", self.fsrs_check)
        options.addRow(self.tr("Detected"), self.detected_label)
        layout.addLayout(options)

    def _build_preview(self, layout: QVBoxLayout) -> None:
        self.mapping_row = QHBoxLayout()
        self.mapping_caption = QLabel(self.tr("Which column is which (the preview shows the first rows):"))
        layout.addWidget(self.mapping_caption)
        layout.addLayout(self.mapping_row)
        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName(self.tr("The first rows of the file"))
        self.preview.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # at least a few rows however small the screen (the rest scrolls): it showed one row on a netbook
        rows = self.preview.fontMetrics().height() + 8
        self.preview.setMinimumHeight(PREVIEW_LEAST_ROWS * rows + self.preview.horizontalHeader().sizeHint().height())
        layout.addWidget(self.preview, 3)

    def _build_duplicate_choice(self, layout: QVBoxLayout) -> None:
        # the question above its two answers: on one row, at a 20-point font, it made the dialog wider
        # than a 1366-pixel screen, with Import off its edge
        question = QLabel(self.tr("A word with the same text and meaning already exists:"))
        question.setWordWrap(True)
        layout.addWidget(question)
        duplicates = QHBoxLayout()
        self.skip_radio = QRadioButton(self.tr("skip it"))
        self.update_radio = QRadioButton(self.tr("update its category, tags and difficulty"))
        # asked for, never assumed: a second deck's "bank" would replace the first's meaning
        self.meaning_radio = QRadioButton(self.tr("…and take a row's new meaning for the only word of its text "
                                                  "(an edited copy of your list)"))
        self.meaning_radio.setObjectName("meaningRadio")
        self.skip_radio.setChecked(True)
        for radio in (self.skip_radio, self.update_radio, self.meaning_radio):  # once a change, on the one chosen
            radio.toggled.connect(self._duplicates_chosen)
        group = QButtonGroup(self)
        group.addButton(self.skip_radio)
        group.addButton(self.update_radio)
        group.addButton(self.meaning_radio)
        duplicates.addWidget(self.skip_radio)
        duplicates.addWidget(self.update_radio)
        duplicates.addStretch(1)
        layout.addLayout(duplicates)
        layout.addWidget(self.meaning_radio)
        self.skip_bad = QCheckBox(self.tr("Leave out rows that cannot be imported"))
        layout.addWidget(self.skip_bad)

    def _build_problems(self, layout: QVBoxLayout) -> None:
        self.check_summary = QLabel("")
        self.check_summary.setObjectName("checkSummary")
        self.check_summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)  # a long reason read only by scrolling sideways, in Japanese too
        self.problems_caption = QLabel(self.tr("Rows that cannot be imported:"))
        self.problems_caption.setBuddy(self.problems)
        layout.addWidget(self.problems_caption)
        layout.addWidget(self.problems, 1)
        self._show_problems([])  # shown when there are some: empty, it took the preview's room

    def _bottom_row(self) -> QHBoxLayout:
        """Progress, status, Cancel and Import: below the scrolling body, always on screen."""
        bottom = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.import_button)
        return bottom

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802  (Qt's name)
        """Tab into the scrolling body from the bottom row shows the control it lands on: the scroll
        area does so only for a move within it, and Tab from Import to "Choose file…" left it out of sight."""
        moved = super().focusNextPrevChild(next)
        focus = self.focusWidget()
        if moved and focus is not None and self.body.isAncestorOf(focus):
            self.body_area.ensureWidgetVisible(focus)
        return moved

    def _encoding_label(self, encoding: str) -> str:
        """As the Encoding list names it ("Windows-1251 (Cyrillic)"), in the interface's language."""
        named = dict(ENCODINGS).get(encoding)
        return self.tr(named) if named else ENCODING_LABELS.get(encoding, encoding)

    def _choices(self, choices: tuple[tuple[str, str], ...]) -> QComboBox:
        combo = QComboBox()
        for value, label in choices:
            combo.addItem(self.tr(label), value)
        wheel_scrolls_past(self, combo)  # the dialog's body scrolls past it (each choice reads the file again)
        return combo

    # --- loading -------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import words"), "",
                                              self.tr("Word lists and decks (*.csv *.tsv *.txt *.apkg *.colpkg);;"
                                                      "All files (*)"))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        self.path = path
        self.header = None  # a new file: its first row is judged afresh
        self.as_anki = None
        self.file_label.setText(str(path))
        self.reload()

    def _header_chosen(self, checked: bool) -> None:
        self.header = checked
        self.reload()

    def _anki_chosen(self, checked: bool) -> None:
        self.as_anki = checked
        self.reload()

    def reload(self) -> None:
        path = self.path
        if path is None:
            return
        try:
            refuse_the_profile(path, self.profile.path)
        except InterchangeError as error:
            self._failed(error)
            return
        if path.suffix.lower() in ANKI_SUFFIXES:
            self._run(lambda progress: read_apkg(path, progress), self._deck_loaded, self.tr("Reading the deck…"))
            return
        encoding = self.encoding_combo.currentData() or None
        delimiter = self.delimiter_combo.currentData() or None
        header, as_anki = self.header, self.as_anki
        chosen = (self.encoding_combo.currentIndex(), self.delimiter_combo.currentIndex())

        def loaded(table: WordTable) -> None:
            self._shown_choices = chosen
            self._table_loaded(table)

        self._run(lambda _progress: read_word_table(path, delimiter=delimiter, encoding=encoding, header=header,
                                                    as_anki=as_anki),
                  loaded, self.tr("Reading the file…"))

    def _choices_back(self) -> None:
        """A re-read under another encoding or delimiter failed: the choices go back to the ones the
        preview was read with. They stayed as chosen, so "Import" took the table shown, read another
        way than the dialog said (a Shift_JIS file shown as read as UTF-8)."""
        if self.table is None or self._shown_choices is None:
            return
        for combo, index in zip((self.encoding_combo, self.delimiter_combo), self._shown_choices, strict=True):
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def _table_loaded(self, table: WordTable) -> None:
        self.table, self.parsed = table, None
        self._reading_choices(True)
        self.header_check.setEnabled(True)
        self.header_check.setChecked(table.has_header)
        guessed = table.anki is not None and table.anki.guessed
        self.anki_check.setVisible(guessed or table.anki_markup)
        self.anki_check.setChecked(guessed)
        self.history_check.setVisible(False)
        self.fsrs_check.setVisible(False)
        self.skip_bad.setVisible(True)
        self.problems_caption.setText(self.tr("Rows that cannot be imported:"))
        delimiter = dict(DELIMITER_CHOICES).get(table.delimiter, repr(table.delimiter))
        anki = "" if table.anki is None else (self.tr(", Anki's notes without header lines (their HTML read as "
                                                      "text)") if table.anki.guessed
                                              else self.tr(", Anki's notes in plain text"))
        rows = len(table.rows) + len(table.problems)  # a record the reader could not split is a row too
        self.detected_label.setText(self.tr("{0}, {1}, %Ln row(s){2}", "", rows).format(
            self._encoding_label(table.encoding), self.tr(delimiter).lower(),
            self.tr(", first row is a header") if table.has_header else "") + anki)
        self.columns = [self.tr("Column {0}").format(i + 1) if name == column_name(i) else name
                        for i, name in enumerate(table.headers)]  # the columns the file does not name
        self._set_mapping(self.columns, guess_mapping(table))
        self._show_rows()
        self._show_problems(table.problems)
        self._checked_first()

    def _duplicates_chosen(self, chosen: bool) -> None:
        if chosen:
            self._check()

    def _policy(self) -> OnDuplicate:
        if self.meaning_radio.isChecked():
            return OnDuplicate.UPDATE_MEANING
        return OnDuplicate.UPDATE if self.update_radio.isChecked() else OnDuplicate.SKIP

    def _reading_choices(self, apply: bool) -> None:
        """A word list's encoding, separator and column choices; a deck has none of them (they stayed enabled
        under a deck's preview, doing nothing, with "Which column is which" above no choices)."""
        self.encoding_combo.setEnabled(apply)
        self.delimiter_combo.setEnabled(apply)
        self.mapping_caption.setVisible(apply)

    def _deck_loaded(self, parsed: Parsed) -> None:
        self.table, self.parsed = None, parsed
        self._reading_choices(False)
        self.header_check.setEnabled(False)
        self.header_check.setChecked(False)
        self.anki_check.setVisible(False)
        self.skip_bad.setVisible(False)  # a deck's unusable notes are always left out (nothing to fix in the file)
        self.problems_caption.setText(self.tr("Notes that cannot be imported (they are left out):"))
        # how many notes, not how many "can be imported": the check below says how many are new (none, when
        # the deck was imported before), and which notes cannot be words
        chosen = [(self.tr("Note type “{0}”: the word from its field “{1}”, the meaning from “{2}”, its reading "
                           "from “{3}” (after the meaning)").format(
            choice.note_type, choice.word, choice.meaning, choice.reading) if choice.reading else
                   self.tr("Note type “{0}”: the word from its field “{1}”, the meaning from “{2}”").format(
            choice.note_type, choice.word, choice.meaning)) for choice in parsed.chosen_fields if choice.chosen]
        # what no word keeps (an example sentence, a picture, a sound) is said: it vanished without a word
        chosen += [self.tr("Note type “{0}”: not imported, its field(s) {1}", "", len(choice.left)).format(
            choice.note_type, choice.left_named(self.tr("“{0}”"), self.tr(", ", "between field names")))
            for choice in parsed.chosen_fields if choice.left]
        moments = [review.answered_at for c in parsed.candidates for review in c.history]
        self.history_check.setVisible(bool(moments))
        self.fsrs_check.setVisible(bool(moments) and fsrs_recommended(self.profile))
        reviewed = [self.tr("%Ln review(s), from {0} to {1}", "", len(moments)).format(
            *(day.isoformat() for day in (min(moments).astimezone().date(),  # as the app writes days elsewhere
                                          max(moments).astimezone().date())))] if moments else []
        notes = len(parsed.candidates) + len(parsed.problems)
        whole = self.path is not None and self.path.suffix.lower() == ".colpkg"  # a whole collection, not a deck
        kind = (self.tr("Anki collection, %Ln note(s)", "", notes) if whole
                else self.tr("Anki deck, %Ln note(s)", "", notes))
        self.detected_label.setText("\n".join([kind, *reviewed, *chosen]))
        headers = [self.tr(FIELD_LABELS[f]) for f in ("text", "meaning", "category", "tags")]
        self._set_mapping([], {})
        rows = [[c.fields["text"], c.fields["meaning"], c.fields.get("category", ""), ", ".join(c.fields["tags"])]
                for c in parsed.candidates[:PREVIEW_ROWS]]
        self._fill_preview(headers, rows, [c.line for c in parsed.candidates[:PREVIEW_ROWS]])
        self._show_problems(parsed.problems)
        self._checked_first()

    def _set_mapping(self, headers: list[str], mapping: dict[int, str]) -> None:
        for combo in self.combos:
            self.mapping_row.removeWidget(combo)
            combo.deleteLater()
        self.combos = []
        previous: QWidget = self.fsrs_check  # the last of the options above the preview
        for index, header in enumerate(headers):
            combo = QComboBox()
            wheel_scrolls_past(self, combo)
            combo.setToolTip(plain_tip(header))
            # named for a screen reader (its only text was its choice), and reached by Tab after the
            # options above it, not after Import
            combo.setAccessibleName(self.tr("Column {0}, “{1}”, is imported as").format(index + 1, header))
            for name in (*FIELDS, IGNORE):
                combo.addItem(self.tr(FIELD_LABELS[name]), name)
            combo.setCurrentIndex(combo.findData(mapping.get(index, IGNORE)))
            combo.currentIndexChanged.connect(self._check)
            combo.currentIndexChanged.connect(self._show_rows)
            self.mapping_row.addWidget(combo)  # (in the dialog from here: Tab order is set within one window)
            QWidget.setTabOrder(previous, combo)
            previous = combo
            self.combos.append(combo)
        QWidget.setTabOrder(previous, self.preview)

    def mapping(self) -> dict[int, str]:
        return {i: combo.currentData() for i, combo in enumerate(self.combos) if combo.currentData() != IGNORE}

    def _show_rows(self) -> None:
        """A word list's first rows as the import reads them under the current mapping: Anki's HTML in
        the word and the meaning as text (the preview showed "<b>食べる</b>", the import stored 食べる)."""
        table = self.table
        if table is None:
            return
        rows = table.rows[:PREVIEW_ROWS]
        mapping = self.mapping()
        self._fill_preview(self.columns, [readable_cells(table, cells, mapping) for _, cells in rows],
                           [line for line, _ in rows])

    def _fill_preview(self, headers: list[str], rows: list[list[str]], lines: list[int]) -> None:
        self.preview.clear()
        self.preview.setColumnCount(len(headers))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(headers)
        self.preview.setVerticalHeaderLabels([str(line) for line in lines])
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells[:len(headers)]):
                self.preview.setItem(r, c, QTableWidgetItem(value[:200]))
        # Each column under its mapping choice: the columns share the width as the choices do.
        header = self.preview.horizontalHeader()
        stretched = 0 < len(headers) <= STRETCHED_COLUMNS
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch if stretched
                                    else QHeaderView.ResizeMode.Interactive)
        self.mapping_row.setContentsMargins(self.preview.verticalHeader().sizeHint().width() if stretched else 0,
                                            0, 0, 0)

    def _show_problems(self, problems: list[RowProblem]) -> None:
        self.problems.clear()
        self.problems.addItems([self._problem_text(p) for p in problems[:1000]])
        if len(problems) > 1000:
            self.problems.addItem(self.tr("… and {0} more").format(QLocale().toString(len(problems) - 1000)))
        self.problems.setVisible(bool(problems))
        self.problems_caption.setVisible(bool(problems))

    def _problem_text(self, problem: RowProblem) -> str:
        where = self.tr("note {0}") if problem.unit == "note" else self.tr("line {0}")
        where = where.format(problem.line) + (f" ({problem.label})" if problem.label else "")
        return self.tr("{0}: {1}").format(where, localise(problem.reason))

    # --- checking, before anything is written --------------------------------------------------------
    def _checked_first(self) -> None:
        self._first_check = True
        self._check()

    def _check(self) -> None:
        """What an import would do with the current choices, worked out in the worker."""
        if self.job is not None:
            self._check_again = True
            return
        table, parsed, profile = self.table, self.parsed, self.profile
        if table is None and parsed is None:
            return
        mapping = self.mapping()
        policy = self._policy()
        history = self.history_check.isChecked()

        def work(progress: Callable[[int, int], bool]) -> ImportPlan | str:
            try:
                checked = parsed if parsed is not None else table_candidates(table, mapping, progress)  # type: ignore[arg-type]
            except InterchangeError as error:  # the mapping lacks the word or the meaning
                return str(error)
            return plan_import(profile.queries, checked, policy, history=history)

        self._run(work, self._checked, self.tr("Checking the rows…"))

    def _checked(self, result: ImportPlan | str) -> None:
        self.plan = result if isinstance(result, ImportPlan) else None
        if isinstance(result, str):
            self.check_summary.setText(localise(result))
            self.import_button.setEnabled(False)
            self.status.setText("")
        else:
            self._ready()
            self._show_problems(result.problems)
            self.check_summary.setText(self._plan_text(result))
            if result.problems and self._first_check:  # the rows named, with "Leave out rows…", in sight
                # once laid out; on the file's first check only: later ones follow a choice made above,
                # and scrolling away from it hid the column box still holding the keyboard
                QTimer.singleShot(0, self, lambda: self.body_area.ensureWidgetVisible(self.problems))
            if not result.changes:  # nothing to add or update (every word is there already, or no row is good)
                self.import_button.setEnabled(False)
        self.checked.emit(result)
        if self._first_check:
            self._first_check = False
            self.loaded.emit()
        if self._check_again:
            self._check_again = False
            self._check()

    def _plan_text(self, plan: ImportPlan) -> str:
        parts = [self.tr("%Ln new word(s)", "", len(plan.creates))]
        if plan.updates:
            parts.append(self.tr("{0} to update").format(QLocale().toString(len(plan.updates))))
        if plan.meanings_replaced:
            parts.append(self.tr("%Ln of them with a new meaning", "", len(plan.meanings_replaced)))
        elif plan.new_meanings:
            parts.append(self.tr("%Ln with a new meaning for a word you have (added as another word)", "",
                                 len(plan.new_meanings)))
        if len(plan.duplicates) > plan.repeated:
            parts.append(self.tr("{0} already in your list (skipped)").format(
                QLocale().toString(len(plan.duplicates) - plan.repeated)))
        if plan.repeated:  # on an empty profile too: "already in your list" was wrong there
            parts.append(self.tr("{0} repeated in the file (skipped)").format(QLocale().toString(plan.repeated)))
        if plan.bad_rows:
            parts.append(self.tr("%Ln row(s) cannot be imported", "", len(plan.bad_rows)))
        if plan.left_out:
            parts.append(self.tr("%Ln note(s) cannot be imported (left out)", "", len(plan.left_out)))
        if plan.reviews:
            parts.append(self.tr("%Ln review(s) from Anki kept as answers", "", plan.reviews))
        if plan.reviews_left_out:
            parts.append(self.tr("%Ln review(s) of words you already have (or had) left out", "",
                                 plan.reviews_left_out))
        return self.tr("Checked: {0}.").format(self.tr(", ").join(parts))

    # --- importing -----------------------------------------------------------------------------------
    def start_import(self) -> None:
        table, parsed, profile = self.table, self.parsed, self.profile
        mapping = self.mapping()
        policy = self._policy()
        skip_bad = self.skip_bad.isChecked()
        history = self.history_check.isChecked()
        scheduler = RECOMMENDED if history and not self.fsrs_check.isHidden() and self.fsrs_check.isChecked() else None

        def work(progress: Callable[[int, int], bool]) -> ImportReport | list[RowProblem]:
            checked = parsed if parsed is not None else table_candidates(table, mapping, progress)  # type: ignore[arg-type]
            plan = plan_import(profile.queries, checked, policy, history=history)
            if plan.bad_rows and not skip_bad:
                return plan.bad_rows
            with self._write_gate:  # the last moment to cancel: the write is one command
                if progress(0, 0) is False:
                    raise ImportCancelled()
                self._writing = True
            return import_scheduled(profile, plan, scheduler, skip_bad_rows=skip_bad,
                                    before_write=lambda n: backup_before_import(profile, n))

        self._importing = True
        self._run(work, self._imported, self.tr("Checking and importing…"))

    def _imported(self, result: ImportReport | list[RowProblem]) -> None:
        if isinstance(result, list):
            self._ready()
            self._show_problems(result)
            self.status.setText(self.tr("%Ln row(s) cannot be imported; fix the file or leave them out.", "",
                                        len(result)))
            # the list and the box that leaves them out, brought into sight: below the preview at the
            # dialog's first size, the status line alone said what was wrong
            QTimer.singleShot(0, self._show_refusal)
            self.finished_import.emit([self._problem_text(p) for p in result])  # as the list shows them
            return
        self.report = result
        self.status.setText(import_summary(result))
        self.finished_import.emit(result)
        self.accept()

    def _show_refusal(self) -> None:
        if shiboken6.isValid(self) and self.isVisible():
            self.body_area.ensureWidgetVisible(self.problems)
            self.body_area.ensureWidgetVisible(self.skip_bad)
            self.skip_bad.setFocus()

    def cancel(self) -> None:
        """Stops an import; otherwise (nothing running, or only reading or checking the file) closes."""
        if self.job is not None and self._importing:
            if self._stop_unless_writing():
                self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def _stop_unless_writing(self) -> bool:
        """Ask the worker to stop; False (and say so) when the words are already being saved."""
        with self._write_gate:
            if not self._writing and self.job is not None:
                self.job.cancelled.set()
                return True
        self._say_saving()
        return False

    def _say_saving(self) -> None:
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Saving the words… This cannot be cancelled now; it takes a moment."))

    # --- the worker ------------------------------------------------------------------------------------
    def _run(self, work: Work, on_done: Callable[[Any], None], label: str) -> None:
        if self.job is not None:
            return
        job = BackgroundJob(work)
        self.job = job
        self.import_button.setEnabled(False)
        # the choices that start a reading or a check of their own wait for this one: a choice made
        # meanwhile was dropped, and the combo showed Tab over a table read with semicolons
        # (the history tick is not held: a check it asks for meanwhile runs after this one, see `_check`)
        held = [self.encoding_combo, self.delimiter_combo, self.header_check, self.anki_check, *self.combos]
        self._held = [(widget, widget.isEnabled()) for widget in held]
        focused = self.focusWidget()
        # disabled, the widget with the keyboard focus gave it away (Space on "First row is a header" sent
        # it to the preview, Down in Encoding likewise, and a screen reader read another control): given back
        self._focus_back = focused if focused in held else None
        for widget in held:
            widget.setEnabled(False)
        self.status.setText(label)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        job.signals.progressed.connect(self._progressed)
        job.signals.succeeded.connect(lambda result: self._job_done(on_done, result))
        job.signals.failed.connect(self._failed)
        QThreadPool.globalInstance().start(job)

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        elif self._importing:  # the last moment to cancel has passed (see start_import)
            self.progress.setRange(0, 0)
            self._say_saving()

    def _job_done(self, on_done: Callable[[Any], None], result: Any) -> None:
        self._finish_job()
        on_done(result)

    def _finish_job(self) -> None:
        for widget, enabled in self._held:
            if shiboken6.isValid(widget):  # a mapping combo replaced meanwhile is gone
                widget.setEnabled(enabled)
        self._held = []
        back, self._focus_back = self._focus_back, None
        if back is not None and shiboken6.isValid(back) and back.isEnabled() and back.isVisible():
            back.setFocus(Qt.FocusReason.OtherFocusReason)
        self.job = None
        self._importing = False
        self._writing = False
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(False)

    def _failed(self, error: Exception) -> None:
        reading = not self._importing
        self._finish_job()
        if reading:
            self._choices_back()
        self.status.setText(user_message(error) if isinstance(error, ImportCancelled) else "")
        if isinstance(error, ImportNotBackedUp):  # the check's "Checked: 12,000 new words" read as done
            self.status.setText(self.tr("Nothing was imported: the backup before it could not be made ({0}).")
                                .format(os_reason(error.reason)))
        if not isinstance(error, ImportCancelled):
            show_error(self, error)
        self.import_button.setEnabled(self.table is not None or self.parsed is not None)
        self.finished_import.emit(error)

    def _ready(self) -> None:
        self.import_button.setEnabled(True)
        self.status.setText("")

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the worker is done (closing the window, tests)."""
        return QThreadPool.globalInstance().waitForDone(timeout_ms)

    def reject(self) -> None:
        if self.job is not None:  # never leave a worker writing behind a closed window
            if self._importing and not self._stop_unless_writing():
                return  # Esc while saving: the dialog closes with the report when the words are in
            self.job.cancelled.set()
            self.wait()
        super().reject()


def open_import_dialog(parent: QWidget | None, profile: Profile, path: Path | None = None) -> ImportReport | None:
    """Show the dialog modally; the report if words were imported (refresh the pages, show the summary)."""
    dialog = ImportDialog(profile, parent)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    if path is not None:
        dialog.load_file(path)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.report if accepted else None


def import_summary(report: ImportReport) -> str:
    """What an import did, in the interface language (the dialog closes when it is done)."""
    translate = QCoreApplication.translate
    parts = [translate("ImportDialog", "%Ln word(s) added", None, report.created)]
    if report.updated:
        parts.append(translate("ImportDialog", "{0} updated").format(QLocale().toString(report.updated)))
    if report.skipped_duplicates:
        parts.append(translate("ImportDialog", "%Ln duplicate(s) skipped", None, report.skipped_duplicates))
    if report.skipped_problems:
        parts.append(translate("ImportDialog", "%Ln bad row(s) left out", None, report.skipped_problems))
    if report.left_out_notes:
        parts.append(translate("ImportDialog", "%Ln note(s) left out", None, report.left_out_notes))
    if report.answers:
        parts.append(translate("ImportDialog", "%Ln review(s) from Anki kept as answers", None, report.answers))
    if report.reviews_left_out:
        parts.append(translate("ImportDialog", "%Ln review(s) of words you already have (or had) left out", None,
                               report.reviews_left_out))
    if report.scheduler:
        parts.append(translate("ImportDialog", "scheduled by FSRS from now on"))
    return translate("ImportDialog", "Import finished: {0}.").format(translate("ImportDialog", ", ").join(parts))
