"""Copies of a profile taken with SQLite's online backup API, and putting one back."""
