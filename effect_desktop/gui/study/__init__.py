"""The Study page: choosing a session, the three card modes and the summary."""
