"""The domain: events, aggregates and scheduling rules, in plain Python (no Qt, no SQL)."""
