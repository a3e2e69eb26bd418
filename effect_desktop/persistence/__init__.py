"""Persistence: the event store and snapshots, one SQLAlchemy schema for SQLite and PostgreSQL."""
