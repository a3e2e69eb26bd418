<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>BackupDialog</name>
    <message numerus="yes">
      <source>%Ln backup(s) in {0}</source>
      <translation>
        <numerusform>%Ln backup in {0}</numerusform>
        <numerusform>%Ln backups in {0}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CalendarHeatmap</name>
    <message numerus="yes">
      <source>Current streak: %Ln day(s)</source>
      <translation>
        <numerusform>Current streak: %Ln day</numerusform>
        <numerusform>Current streak: %Ln days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1: %Ln answer(s)</source>
      <translation>
        <numerusform>%1: %Ln answer</numerusform>
        <numerusform>%1: %Ln answers</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DetailPane</name>
    <message numerus="yes">
      <source>%Ln event(s) of one action. Open the row (→) to list them, and choose one to see its details.</source>
      <translation>
        <numerusform>%Ln event of one action. Open the row (→) to list them, and choose one to see its details.</numerusform>
        <numerusform>%Ln events of one action. Open the row (→) to list them, and choose one to see its details.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DueText</name>
    <message numerus="yes">
      <source>%Ln day(s)</source>
      <translation>
        <numerusform>%Ln day</numerusform>
        <numerusform>%Ln days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln month(s)</source>
      <translation>
        <numerusform>%Ln month</numerusform>
        <numerusform>%Ln months</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln year(s)</source>
      <translation>
        <numerusform>%Ln year</numerusform>
        <numerusform>%Ln years</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message numerus="yes">
      <source>{0}, {1}, %Ln row(s){2}</source>
      <translation>
        <numerusform>{0}, {1}, %Ln row{2}</numerusform>
        <numerusform>{0}, {1}, %Ln rows{2}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Note type “{0}”: not imported, its field(s) {1}</source>
      <translation>
        <numerusform>Note type “{0}”: not imported, its field {1}</numerusform>
        <numerusform>Note type “{0}”: not imported, its fields {1}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln review(s), from {0} to {1}</source>
      <translation>
        <numerusform>%Ln review, from {0} to {1}</numerusform>
        <numerusform>%Ln reviews, from {0} to {1}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Anki collection, %Ln note(s)</source>
      <translation>
        <numerusform>Anki collection, %Ln note</numerusform>
        <numerusform>Anki collection, %Ln notes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Anki deck, %Ln note(s)</source>
      <translation>
        <numerusform>Anki deck, %Ln note</numerusform>
        <numerusform>Anki deck, %Ln notes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln new word(s)</source>
      <translation>
        <numerusform>%Ln new word</numerusform>
        <numerusform>%Ln new words</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln of them with a new meaning</source>
      <translation>
        <numerusform>%Ln of them with a new meaning</numerusform>
        <numerusform>%Ln of them with a new meaning</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln with a new meaning for a word you have (added as another word)</source>
      <translation>
        <numerusform>%Ln with a new meaning for a word you have (added as another word)</numerusform>
        <numerusform>%Ln with a new meaning for a word you have (added as another word)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln row(s) cannot be imported</source>
      <translation>
        <numerusform>%Ln row cannot be imported</numerusform>
        <numerusform>%Ln rows cannot be imported</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln note(s) cannot be imported (left out)</source>
      <translation>
        <numerusform>%Ln note cannot be imported (left out)</numerusform>
        <numerusform>%Ln notes cannot be imported (left out)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln review(s) from Anki kept as answers</source>
      <translation>
        <numerusform>%Ln review from Anki kept as an answer</numerusform>
        <numerusform>%Ln reviews from Anki kept as answers</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln review(s) of words you already have (or had) left out</source>
      <translation>
        <numerusform>%Ln review of a word you already have (or had) left out</numerusform>
        <numerusform>%Ln reviews of words you already have (or had) left out</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln row(s) cannot be imported; fix the file or leave them out.</source>
      <translation>
        <numerusform>%Ln row cannot be imported; fix the file or leave them out.</numerusform>
        <numerusform>%Ln rows cannot be imported; fix the file or leave them out.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln word(s) added</source>
      <translation>
        <numerusform>%Ln word added</numerusform>
        <numerusform>%Ln words added</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln duplicate(s) skipped</source>
      <translation>
        <numerusform>%Ln duplicate skipped</numerusform>
        <numerusform>%Ln duplicates skipped</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln bad row(s) left out</source>
      <translation>
        <numerusform>%Ln bad row left out</numerusform>
        <numerusform>%Ln bad rows left out</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln note(s) left out</source>
      <translation>
        <numerusform>%Ln note left out</numerusform>
        <numerusform>%Ln notes left out</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>Streak: %Ln day(s)</source>
      <translation>
        <numerusform>Streak: %Ln day</numerusform>
        <numerusform>Streak: %Ln days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Loaded %Ln word(s).</source>
      <translation>
        <numerusform>Loaded %Ln word.</numerusform>
        <numerusform>Loaded %Ln words.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Organizer</name>
    <message numerus="yes">
      <source>Category for %Ln word(s):</source>
      <translation>
        <numerusform>Category for %Ln word:</numerusform>
        <numerusform>Category for %Ln words:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>category “{0}” for %Ln word(s)</source>
      <translation>
        <numerusform>category “{0}” for %Ln word</numerusform>
        <numerusform>category “{0}” for %Ln words</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>no category for %Ln word(s)</source>
      <translation>
        <numerusform>no category for %Ln word</numerusform>
        <numerusform>no category for %Ln words</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Tag to add to %Ln word(s):</source>
      <translation>
        <numerusform>Tag to add to %Ln word:</numerusform>
        <numerusform>Tag to add to %Ln words:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Tag to remove from %Ln word(s):</source>
      <translation>
        <numerusform>Tag to remove from %Ln word:</numerusform>
        <numerusform>Tag to remove from %Ln words:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Changing %Ln word(s)…</source>
      <translation>
        <numerusform>Changing %Ln word…</numerusform>
        <numerusform>Changing %Ln words…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PastView</name>
    <message numerus="yes">
      <source>%Ln word(s)</source>
      <translation>
        <numerusform>%Ln word</numerusform>
        <numerusform>%Ln words</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln day(s)</source>
      <translation>
        <numerusform>%Ln day</numerusform>
        <numerusform>%Ln days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln answer(s)</source>
      <translation>
        <numerusform>%Ln answer</numerusform>
        <numerusform>%Ln answers</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln session(s)</source>
      <translation>
        <numerusform>%Ln session</numerusform>
        <numerusform>%Ln sessions</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PastWordsModel</name>
    <message numerus="yes">
      <source>%Ln day(s)</source>
      <translation>
        <numerusform>%Ln day</numerusform>
        <numerusform>%Ln days</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ResumeDialog</name>
    <message numerus="yes">
      <source>Your {0} session from {1} was not finished ({2} of %Ln word(s) answered). Every answer was saved.</source>
      <translation>
        <numerusform>Your {0} session from {1} was not finished ({2} of %Ln word answered). Every answer was saved.</numerusform>
        <numerusform>Your {0} session from {1} was not finished ({2} of %Ln words answered). Every answer was saved.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Your {0} session from {1} was started, but none of its %Ln word(s) is answered yet.</source>
      <translation>
        <numerusform>Your {0} session from {1} was started, but none of its %Ln word is answered yet.</numerusform>
        <numerusform>Your {0} session from {1} was started, but none of its %Ln words is answered yet.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message numerus="yes">
      <source>Rebuilt from %Ln event(s).</source>
      <translation>
        <numerusform>Rebuilt from %Ln event.</numerusform>
        <numerusform>Rebuilt from %Ln events.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StatisticsPage</name>
    <message numerus="yes">
      <source>Accuracy (%, %n day(s) a point)</source>
      <translation>
        <numerusform>Accuracy (%, %n day a point)</numerusform>
        <numerusform>Accuracy (%, %n days a point)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Accuracy (%, %n week(s) a point)</source>
      <translation>
        <numerusform>Accuracy (%, %n week a point)</numerusform>
        <numerusform>Accuracy (%, %n weeks a point)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Accuracy (%, %n month(s) a point)</source>
      <translation>
        <numerusform>Accuracy (%, %n month a point)</numerusform>
        <numerusform>Accuracy (%, %n months a point)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Outlined: the current streak of %Ln day(s).</source>
      <translation>
        <numerusform>Outlined: the current streak of %Ln day.</numerusform>
        <numerusform>Outlined: the current streak of %Ln days.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StudyPage</name>
    <message numerus="yes">
      <source>%Ln review(s) today ({0} due in all)</source>
      <translation>
        <numerusform>%Ln review today ({0} due in all)</numerusform>
        <numerusform>%Ln reviews today ({0} due in all)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln new word(s) today</source>
      <translation>
        <numerusform>%Ln new word today</numerusform>
        <numerusform>%Ln new words today</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>An unfinished {0} session from {1} ({2} of %Ln word(s) answered).</source>
      <translation>
        <numerusform>An unfinished {0} session from {1} ({2} of %Ln word answered).</numerusform>
        <numerusform>An unfinished {0} session from {1} ({2} of %Ln words answered).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln word(s) of this session left out: {0}.</source>
      <translation>
        <numerusform>%Ln word of this session left out: {0}.</numerusform>
        <numerusform>%Ln words of this session left out: {0}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln reviewed since it began</source>
      <translation>
        <numerusform>%Ln reviewed since it began</numerusform>
        <numerusform>%Ln reviewed since it began</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln missed on an earlier day, asked again when due</source>
      <translation>
        <numerusform>%Ln missed on an earlier day, asked again when due</numerusform>
        <numerusform>%Ln missed on an earlier day, asked again when due</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln not due yet</source>
      <translation>
        <numerusform>%Ln not due yet</numerusform>
        <numerusform>%Ln not due yet</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln over today's limits</source>
      <translation>
        <numerusform>%Ln over today's limits</numerusform>
        <numerusform>%Ln over today's limits</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Nothing in the {0} session from {1} is left to study now ({2}); it was finished with the %Ln answer(s) it had.</source>
      <translation>
        <numerusform>Nothing in the {0} session from {1} is left to study now ({2}); it was finished with the %Ln answer it had.</numerusform>
        <numerusform>Nothing in the {0} session from {1} is left to study now ({2}); it was finished with the %Ln answers it had.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln word(s) of this session were deleted meanwhile; their cards are left out.</source>
      <translation>
        <numerusform>%Ln word of this session was deleted meanwhile; its card is left out.</numerusform>
        <numerusform>%Ln words of this session were deleted meanwhile; their cards are left out.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SummaryPanel</name>
    <message numerus="yes">
      <source>%Ln day(s)</source>
      <translation>
        <numerusform>%Ln day</numerusform>
        <numerusform>%Ln days</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SyncSettingsWidget</name>
    <message numerus="yes">
      <source>Connected to {0} as {1}; this account holds %Ln event(s) on the server.</source>
      <translation>
        <numerusform>Connected to {0} as {1}; this account holds %Ln event on the server.</numerusform>
        <numerusform>Connected to {0} as {1}; this account holds %Ln events on the server.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TimelineModel</name>
    <message numerus="yes">
      <source>%Ln event(s) that day</source>
      <translation>
        <numerusform>%Ln event that day</numerusform>
        <numerusform>%Ln events that day</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{0} of %Ln event(s) that day</source>
      <translation>
        <numerusform>{0} of %Ln event that day</numerusform>
        <numerusform>{0} of %Ln events that day</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln event(s) of one action: open the row to list them</source>
      <translation>
        <numerusform>%Ln event of one action: open the row to list them</numerusform>
        <numerusform>%Ln events of one action: open the row to list them</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>WordDialog</name>
    <message numerus="yes">
      <source>and %Ln more</source>
      <translation>
        <numerusform>and %Ln more</numerusform>
        <numerusform>and %Ln more</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>WordsPage</name>
    <message numerus="yes">
      <source>{0} of %Ln deleted word(s)</source>
      <translation>
        <numerusform>{0} of %Ln deleted word</numerusform>
        <numerusform>{0} of %Ln deleted words</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln deleted word(s)</source>
      <translation>
        <numerusform>%Ln deleted word</numerusform>
        <numerusform>%Ln deleted words</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{0} of %Ln word(s)</source>
      <translation>
        <numerusform>{0} of %Ln word</numerusform>
        <numerusform>{0} of %Ln words</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln word(s)</source>
      <translation>
        <numerusform>%Ln word</numerusform>
        <numerusform>%Ln words</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>No longer matching the filter, so left the list: %Ln word(s).</source>
      <translation>
        <numerusform>No longer matching the filter, so left the list: %Ln word.</numerusform>
        <numerusform>No longer matching the filter, so left the list: %Ln words.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source> and %Ln more</source>
      <translation>
        <numerusform> and %Ln more</numerusform>
        <numerusform> and %Ln more</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Restored %Ln word(s), with their study history.</source>
      <translation>
        <numerusform>Restored %Ln word, with their study history.</numerusform>
        <numerusform>Restored %Ln words, with their study history.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Changing %Ln word(s)…</source>
      <translation>
        <numerusform>Changing %Ln word…</numerusform>
        <numerusform>Changing %Ln words…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message numerus="yes">
      <source>Restored the backup and took back %Ln event(s) made since it from the damaged profile.</source>
      <translation>
        <numerusform>Restored the backup and took back %Ln event made since it from the damaged profile.</numerusform>
        <numerusform>Restored the backup and took back %Ln events made since it from the damaged profile.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln event(s) made since it could not be read; a sync brings back what reached the server.</source>
      <translation>
        <numerusform>%Ln event made since it could not be read; a sync brings back what reached the server.</numerusform>
        <numerusform>%Ln events made since it could not be read; a sync brings back what reached the server.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Recovered %Ln event(s) from the damaged profile into a new one.</source>
      <translation>
        <numerusform>Recovered %Ln event from the damaged profile into a new one.</numerusform>
        <numerusform>Recovered %Ln events from the damaged profile into a new one.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln event(s) could not be read; a sync brings back what reached the server.</source>
      <translation>
        <numerusform>%Ln event could not be read; a sync brings back what reached the server.</numerusform>
        <numerusform>%Ln events could not be read; a sync brings back what reached the server.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CoreMessages</name>
    <message numerus="yes">
      <source>%Ln column(s); the mapping needs {0}</source>
      <translation>
        <numerusform>%Ln column; the mapping needs {0}</numerusform>
        <numerusform>%Ln columns; the mapping needs {0}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>a quote (") opens a cell here that is never closed, so the %Ln line(s) after it were read into that one cell; close the quote or remove it</source>
      <translation>
        <numerusform>a quote (") opens a cell here that is never closed, so the %Ln line after it was read into that one cell; close the quote or remove it</numerusform>
        <numerusform>a quote (") opens a cell here that is never closed, so the %Ln lines after it were read into that one cell; close the quote or remove it</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>a quote (") opens a cell here that runs on to line {0}, taking in %Ln line(s) that look like rows of their own; a quote is missing or one too many</source>
      <translation>
        <numerusform>a quote (") opens a cell here that runs on to line {0}, taking in %Ln line that look like rows of their own; a quote is missing or one too many</numerusform>
        <numerusform>a quote (") opens a cell here that runs on to line {0}, taking in %Ln lines that look like rows of their own; a quote is missing or one too many</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>No row of the file can be imported: line {0}: {1} (and %Ln other line(s) that cannot be read).</source>
      <translation>
        <numerusform>No row of the file can be imported: line {0}: {1} (and %Ln other line that cannot be read).</numerusform>
        <numerusform>No row of the file can be imported: line {0}: {1} (and %Ln other lines that cannot be read).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Features</name>
    <message numerus="yes">
      <source>Exported %Ln word(s) to {0}.</source>
      <translation>
        <numerusform>Exported %Ln word to {0}.</numerusform>
        <numerusform>Exported %Ln words to {0}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %Ln event(s) to {0}.</source>
      <translation>
        <numerusform>Exported %Ln event to {0}.</numerusform>
        <numerusform>Exported %Ln events to {0}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>import of %Ln word(s)</source>
      <translation>
        <numerusform>import of %Ln word</numerusform>
        <numerusform>import of %Ln words</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>import of %Ln Anki review(s)</source>
      <translation>
        <numerusform>import of %Ln Anki review</numerusform>
        <numerusform>import of %Ln Anki reviews</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SyncStatus</name>
    <message numerus="yes">
      <source>Offline, %Ln pending</source>
      <translation>
        <numerusform>Offline, %Ln pending</numerusform>
        <numerusform>Offline, %Ln pending</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Sync error, %Ln pending</source>
      <translation>
        <numerusform>Sync error, %Ln pending</numerusform>
        <numerusform>Sync error, %Ln pending</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln pending</source>
      <translation>
        <numerusform>%Ln pending</numerusform>
        <numerusform>%Ln pending</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln change(s) not yet on the server; they are kept safely in this profile.</source>
      <translation>
        <numerusform>%Ln change not yet on the server; they are kept safely in this profile.</numerusform>
        <numerusform>%Ln changes not yet on the server; they are kept safely in this profile.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportUndo</name>
    <message numerus="yes">
      <source>%Ln studied word(s) among them: undoing the import deletes every word it added, these too. The answers stay in the history, and Redo brings the words back.</source>
      <translation>
        <numerusform>%Ln studied word among them: undoing the import deletes every word it added, these too. The answers stay in the history, and Redo brings the words back.</numerusform>
        <numerusform>%Ln studied words among them: undoing the import deletes every word it added, these too. The answers stay in the history, and Redo brings the words back.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The import brought %Ln review(s) from Anki. Undoing it deletes every word it added, but those answers stay in your history and statistics: Redo brings the words back with them (importing the package again would add the words anew, without their reviews). To take the whole import back, restore a backup from before it (File → Backups…).</source>
      <translation>
        <numerusform>The import brought %Ln review from Anki. Undoing it deletes every word it added, but those answers stay in your history and statistics: Redo brings the words back with them (importing the package again would add the words anew, without their reviews). To take the whole import back, restore a backup from before it (File → Backups…).</numerusform>
        <numerusform>The import brought %Ln reviews from Anki. Undoing it deletes every word it added, but those answers stay in your history and statistics: Redo brings the words back with them (importing the package again would add the words anew, without their reviews). To take the whole import back, restore a backup from before it (File → Backups…).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The import gave %Ln review(s) from Anki to words already in your list, as answers; answers are not undone. To take the import back, restore a backup from before it (File → Backups…).</source>
      <translation>
        <numerusform>The import gave %Ln review from Anki to words already in your list, as answers; answers are not undone. To take the import back, restore a backup from before it (File → Backups…).</numerusform>
        <numerusform>The import gave %Ln reviews from Anki to words already in your list, as answers; answers are not undone. To take the import back, restore a backup from before it (File → Backups…).</numerusform>
      </translation>
    </message>
  </context>
</TS>
