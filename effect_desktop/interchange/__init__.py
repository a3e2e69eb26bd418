"""Bringing words in and taking history out: CSV/TSV and Anki imports, JSONL and CSV exports.

Readers here only parse and check files; every change goes through
`StudyService.import_words` as one command, so an import succeeds whole or
leaves the profile as it was.
"""
